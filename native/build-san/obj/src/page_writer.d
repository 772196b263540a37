build-san/obj/src/page_writer.o: src/page_writer.c src/page_writer.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/log.h src/util.h
src/page_writer.h:
src/image.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/log.h:
src/util.h:
