build-san/gen/stasis/files.pb-c.o: build-san/gen/stasis/files.pb-c.c \
 build-san/gen/stasis/files.pb-c.h
build-san/gen/stasis/files.pb-c.h:
