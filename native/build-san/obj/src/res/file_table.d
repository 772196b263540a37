build-san/obj/src/res/file_table.o: src/res/file_table.c src/dump.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/tracee.h arch/x86_64/arch.h \
 src/res/files_priv.h src/res/fdinfo.h src/restore.h src/log.h src/util.h
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
src/res/files_priv.h:
src/res/fdinfo.h:
src/restore.h:
src/log.h:
src/util.h:
