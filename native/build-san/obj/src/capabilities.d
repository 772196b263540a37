build-san/obj/src/capabilities.o: src/capabilities.c src/capabilities.h \
 src/caps_priv.h src/log.h src/proc.h src/util.h
src/capabilities.h:
src/caps_priv.h:
src/log.h:
src/proc.h:
src/util.h:
