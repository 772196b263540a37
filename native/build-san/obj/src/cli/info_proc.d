build-san/obj/src/cli/info_proc.o: src/cli/info_proc.c src/cli/info.h \
 src/cli/json_out.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/cli/info_fmt.h
src/cli/info.h:
src/cli/json_out.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/cli/info_fmt.h:
