build-san/obj/src/res/fdinfo.o: src/res/fdinfo.c src/res/fdinfo.h
src/res/fdinfo.h:
