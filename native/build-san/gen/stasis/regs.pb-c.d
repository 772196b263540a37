build-san/gen/stasis/regs.pb-c.o: build-san/gen/stasis/regs.pb-c.c \
 build-san/gen/stasis/regs.pb-c.h
build-san/gen/stasis/regs.pb-c.h:
