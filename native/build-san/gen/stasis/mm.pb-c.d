build-san/gen/stasis/mm.pb-c.o: build-san/gen/stasis/mm.pb-c.c \
 build-san/gen/stasis/mm.pb-c.h
build-san/gen/stasis/mm.pb-c.h:
