#!/usr/bin/env bash
# Builds the Stasis workbench if needed and starts it.
#   ./workbench.sh            on the current X display ($DISPLAY)
#   ./workbench.sh --xvfb     on a new virtual display (Xvfb); prints which one
# Other arguments go to the workbench.
set -euo pipefail
. "$(dirname "$0")/releng/scripts/common.sh"

use_xvfb=0
args=()
for arg in "$@"; do
    case "$arg" in
        --xvfb) use_xvfb=1 ;;
        -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) args+=("$arg") ;;
    esac
done

if [ "$use_xvfb" = 0 ] && [ -z "${DISPLAY:-}" ]; then
    cat >&2 <<'MSG'
[stasis] No X display (DISPLAY is not set). Either
  - run it on a virtual display:      ./workbench.sh --xvfb
    (then look at it with e.g.: DISPLAY=<printed display> import -window root shot.png), or
  - log in with X forwarding:         ssh -X root@this-host, then ./workbench.sh, or
  - point DISPLAY at a running X server you may use, e.g. DISPLAY=:0 ./workbench.sh
MSG
    exit 2
fi

stasis_prepare

# Rebuild when the product is missing or any source is newer than it.
marker="$STASIS_PRODUCT_DIR/stasis-workbench"
if [ ! -e "$marker" ] || [ -n "$(find "$STASIS_ROOT/pom.xml" "$STASIS_ROOT/target-platform" "$STASIS_ROOT/bundles" \
        "$STASIS_ROOT/features" "$STASIS_ROOT/releng" "$STASIS_ROOT/native" \
        \( -name target -o -name build -o -name os \) -prune -o -type f -newer "$marker" -print -quit 2>/dev/null)" ]; then
    stasis_log "building the workbench (tests: ./test.sh)"
    # -DskipTests: this command is for using the workbench; ./test.sh runs every test
    stasis_maven clean verify -DskipTests
    touch "$marker"
fi

if [ "$use_xvfb" = 1 ]; then
    display_number=99
    while [ -e "/tmp/.X${display_number}-lock" ] || [ -e "/tmp/.X11-unix/X${display_number}" ]; do
        display_number=$((display_number + 1))
    done
    Xvfb ":$display_number" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
    export DISPLAY=":$display_number"
    for _ in $(seq 50); do
        [ -e "/tmp/.X11-unix/X${display_number}" ] && break
        sleep 0.1
    done
    stasis_log "Xvfb running: DISPLAY=$DISPLAY (screenshot: DISPLAY=$DISPLAY import -window root stasis.png)"
fi

stasis_log "starting $STASIS_PRODUCT_DIR/stasis-workbench on DISPLAY=$DISPLAY"
"$STASIS_PRODUCT_DIR/stasis-workbench" ${args[@]+"${args[@]}"}
