build-san/obj/src/cli/cmd_info.o: src/cli/cmd_info.c src/cli/cli.h \
 src/image.h build-san/gen/stasis/image.pb-c.h \
 build-san/gen/stasis/mm.pb-c.h build-san/gen/stasis/regs.pb-c.h \
 build-san/gen/stasis/files.pb-c.h build-san/gen/stasis/signals.pb-c.h \
 build-san/gen/stasis/creds.pb-c.h src/cli/info.h src/cli/json_out.h \
 src/cli/info_fmt.h src/log.h src/util.h
src/cli/cli.h:
src/image.h:
build-san/gen/stasis/image.pb-c.h:
build-san/gen/stasis/mm.pb-c.h:
build-san/gen/stasis/regs.pb-c.h:
build-san/gen/stasis/files.pb-c.h:
build-san/gen/stasis/signals.pb-c.h:
build-san/gen/stasis/creds.pb-c.h:
src/cli/info.h:
src/cli/json_out.h:
src/cli/info_fmt.h:
src/log.h:
src/util.h:
