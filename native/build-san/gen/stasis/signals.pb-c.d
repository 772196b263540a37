build-san/gen/stasis/signals.pb-c.o: build-san/gen/stasis/signals.pb-c.c \
 build-san/gen/stasis/signals.pb-c.h
build-san/gen/stasis/signals.pb-c.h:
