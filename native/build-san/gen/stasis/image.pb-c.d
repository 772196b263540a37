build-san/gen/stasis/image.pb-c.o: build-san/gen/stasis/image.pb-c.c \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
