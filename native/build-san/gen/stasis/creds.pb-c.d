build-san/gen/stasis/creds.pb-c.o: build-san/gen/stasis/creds.pb-c.c \
 build-san/gen/stasis/creds.pb-c.h
build-san/gen/stasis/creds.pb-c.h:
