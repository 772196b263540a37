build-san/obj/src/image_check.o: src/image_check.c src/image_check.h \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h \
 src/log.h src/util.h
src/image_check.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/log.h:
src/util.h:
