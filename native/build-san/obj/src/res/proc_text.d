build-san/obj/src/res/proc_text.o: src/res/proc_text.c \
 src/res/proc_text.h
src/res/proc_text.h:
