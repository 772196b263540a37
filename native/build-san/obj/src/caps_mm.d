build-san/obj/src/caps_mm.o: src/caps_mm.c src/caps_priv.h \
 src/capabilities.h src/proc.h src/util.h
src/caps_priv.h:
src/capabilities.h:
src/proc.h:
src/util.h:
