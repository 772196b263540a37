build-san/obj/src/cli/json_out.o: src/cli/json_out.c src/cli/json_out.h
src/cli/json_out.h:
