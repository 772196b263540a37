build-san/obj/src/pages.o: src/pages.c src/pages.h src/dump.h src/image.h \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h \
 src/tracee.h arch/x86_64/arch.h src/log.h src/page_writer.h src/util.h
src/pages.h:
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
src/page_writer.h:
src/util.h:
