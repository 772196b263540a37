# Engine tests: included by native/Makefile (BUILD, CC, CFLAGS, LDFLAGS,
# LDLIBS, LIB_OBJ come from there). Run them with `make check`.
#
#   tests/progs/NAME.c -> $(BUILD)/tests/progs/NAME   test programs: plain C,
#       one file each plus the header-only testlib.h/fdtable.h, no engine code
#       and no sanitizers (they are the processes being checkpointed: their
#       memory layout must be that of an ordinary program).
#   tests/progs/*.py   -> copied next to them (python3 test programs).
#   tests/unit/NAME.c  -> $(BUILD)/tests/unit/NAME    unit tests of engine code,
#       linked with $(LIB_OBJ); exit status 0 = pass.
#
# Per-program flags: PROG_FLAGS_NAME (e.g. PROG_FLAGS_foo := -mavx).

PROG_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE -pthread
PROG_SRC    := $(wildcard tests/progs/*.c)
PROG_PY     := $(wildcard tests/progs/*.py)
PROG_BIN    := $(patsubst tests/progs/%.c,$(BUILD)/tests/progs/%,$(PROG_SRC)) \
               $(patsubst tests/progs/%,$(BUILD)/tests/progs/%,$(PROG_PY))
PROG_HDR    := $(wildcard tests/progs/*.h)
UNIT_SRC    := $(wildcard tests/unit/*.c)
UNIT_BIN    := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRC))

tests: $(PROG_BIN) $(UNIT_BIN)

# Only the test programs: they build even while the engine does not.
test-progs: $(PROG_BIN)

$(BUILD)/tests/progs/%: tests/progs/%.c $(PROG_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(PROG_CFLAGS) $(PROG_FLAGS_$*) -o $@ $< $(PROG_LIBS_$*)

$(BUILD)/tests/progs/%.py: tests/progs/%.py
	@mkdir -p $(dir $@)
	install -m 755 $< $@

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

.PHONY: test-progs
