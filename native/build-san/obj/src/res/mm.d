build-san/obj/src/res/mm.o: src/res/mm.c src/res/mm.h src/restore.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/tracee.h arch/x86_64/arch.h \
 src/log.h src/page_pool.h src/pages.h src/dump.h src/proc.h \
 src/resource.h src/restore.h src/util.h
src/res/mm.h:
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
src/log.h:
src/page_pool.h:
src/pages.h:
src/dump.h:
src/proc.h:
src/resource.h:
src/restore.h:
src/util.h:
