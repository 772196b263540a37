build-san/obj/arch/x86_64/arch.o: arch/x86_64/arch.c arch/x86_64/arch.h \
 src/log.h src/util.h
arch/x86_64/arch.h:
src/log.h:
src/util.h:
