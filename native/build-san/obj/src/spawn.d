build-san/obj/src/spawn.o: src/spawn.c src/spawn.h src/restore.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/tracee.h arch/x86_64/arch.h \
 src/util.h
src/spawn.h:
src/restore.h:
src/image.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/tracee.h:
arch/x86_64/arch.h:
src/util.h:
