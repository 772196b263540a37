build-san/obj/src/restore.o: src/restore.c src/restore.h src/image.h \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h \
 src/tracee.h arch/x86_64/arch.h src/log.h src/page_pool.h \
 src/privilege.h src/proc.h src/res/mm.h src/restore.h src/res/thread.h \
 src/tracee.h src/resource.h src/dump.h src/spawn.h src/util.h
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
src/privilege.h:
src/proc.h:
src/res/mm.h:
src/restore.h:
src/res/thread.h:
src/tracee.h:
src/resource.h:
src/dump.h:
src/spawn.h:
src/util.h:
