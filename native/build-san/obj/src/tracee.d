build-san/obj/src/tracee.o: src/tracee.c src/tracee.h arch/x86_64/arch.h \
 src/log.h src/proc.h src/util.h
src/tracee.h:
arch/x86_64/arch.h:
src/log.h:
src/proc.h:
src/util.h:
