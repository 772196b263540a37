build-san/obj/src/freeze.o: src/freeze.c src/freeze.h src/dump.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/tracee.h arch/x86_64/arch.h \
 src/log.h src/proc.h src/util.h
src/freeze.h:
src/dump.h:
src/image.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/tracee.h:
arch/x86_64/arch.h:
src/log.h:
src/proc.h:
src/util.h:
