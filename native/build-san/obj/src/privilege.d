build-san/obj/src/privilege.o: src/privilege.c src/privilege.h src/log.h \
 src/proc.h
src/privilege.h:
src/log.h:
src/proc.h:
