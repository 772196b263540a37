build-san/obj/src/cli/info_fmt.o: src/cli/info_fmt.c src/cli/info_fmt.h
src/cli/info_fmt.h:
