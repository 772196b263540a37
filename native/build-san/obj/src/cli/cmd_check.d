build-san/obj/src/cli/cmd_check.o: src/cli/cmd_check.c src/capabilities.h \
 src/cli/cli.h src/cli/json_out.h src/log.h
src/capabilities.h:
src/cli/cli.h:
src/cli/json_out.h:
src/log.h:
