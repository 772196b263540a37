build-san/obj/src/res/files.o: src/res/files.c src/log.h \
 src/res/files_priv.h src/dump.h src/image.h \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h \
 src/tracee.h arch/x86_64/arch.h src/res/fdinfo.h src/restore.h \
 src/resource.h src/dump.h src/restore.h src/util.h
src/log.h:
src/res/files_priv.h:
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
src/res/fdinfo.h:
src/restore.h:
src/resource.h:
src/dump.h:
src/restore.h:
src/util.h:
