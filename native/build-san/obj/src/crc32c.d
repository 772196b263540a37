build-san/obj/src/crc32c.o: src/crc32c.c src/crc32c_impl.h src/image.h \
 build-san/gen/stasis/image.pb-c.h build-san/gen/stasis/mm.pb-c.h \
 build-san/gen/stasis/regs.pb-c.h build-san/gen/stasis/files.pb-c.h \
 build-san/gen/stasis/signals.pb-c.h build-san/gen/stasis/creds.pb-c.h
src/crc32c_impl.h:
src/image.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
