build-san/obj/src/util.o: src/util.c src/util.h src/log.h
src/util.h:
src/log.h:
