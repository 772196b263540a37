#!/usr/bin/env bash
# Runs every Stasis test: the C engine's (make -C native check), then the whole Maven/Tycho
# reactor (bundle unit tests, live /proc tests, UI tests on a virtual display, product build).
# Exits non-zero if anything fails.
set -euo pipefail
. "$(dirname "$0")/releng/scripts/common.sh"

stasis_prepare

# The engine's tests are part of the contract: a missing Makefile or check target is a failure.
[ -f "$STASIS_ROOT/native/Makefile" ] || stasis_die "native/Makefile is missing: cannot run the engine tests"
grep -qE '^check[[:space:]]*:' "$STASIS_ROOT/native/Makefile" ||
    stasis_die "native/Makefile has no 'check' target: cannot run the engine tests"

stasis_log "engine tests: make -C native check"
start=$(date +%s)
make -C "$STASIS_ROOT/native" check
stasis_log "engine tests passed ($(( $(date +%s) - start )) s)"

# The same suite once more with AddressSanitizer and UBSan in the engine:
# memory errors and undefined behaviour fail the run, not just wrong results.
stasis_log "engine tests under ASan/UBSan: make -C native check SANITIZE=1"
start=$(date +%s)
make -C "$STASIS_ROOT/native" check SANITIZE=1
stasis_log "sanitized engine tests passed ($(( $(date +%s) - start )) s)"

stasis_log "workbench build and tests: mvn verify"
start=$(date +%s)
stasis_maven verify
stasis_log "mvn verify passed ($(( $(date +%s) - start )) s)"
