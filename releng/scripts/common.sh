# shellcheck shell=bash
# Shared by ./workbench.sh and ./test.sh (sourced, not run): system packages, JDK discovery and
# the Maven 3.9 bootstrap. Works on a fresh Debian 12 as root, and offline once everything is in place.

STASIS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STASIS_MAVEN_VERSION=3.9.16
STASIS_TOOLS="$STASIS_ROOT/.tools"
STASIS_MVN="$STASIS_TOOLS/apache-maven-$STASIS_MAVEN_VERSION/bin/mvn"
STASIS_PRODUCT_DIR="$STASIS_ROOT/releng/org.stasis.product/target/products/org.stasis.product/linux/gtk/x86_64/stasis"

# Debian packages for building the engine and the workbench and for the GUI tests.
# maven is only there to bootstrap Maven 3.9 (Debian's 3.8.7 cannot load Tycho 5).
# xterm: the restore wizard attaches a terminal job to a terminal window (and its UI test does).
STASIS_APT_PACKAGES=(xvfb libgtk-3-0 imagemagick xdotool xterm gcc make pkg-config protobuf-c-compiler
    libprotobuf-c-dev protobuf-compiler libxxhash-dev python3 maven unzip)

stasis_log() {
    printf '[stasis] %s\n' "$*" >&2
}

stasis_die() {
    printf '[stasis] error: %s\n' "$*" >&2
    exit 1
}

# Installs the packages that are missing, and only then touches apt (so a ready machine stays offline).
stasis_install_packages() {
    local missing=() pkg
    for pkg in "${STASIS_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || stasis_die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    stasis_log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # a fresh machine has no package lists yet: update once if apt cannot find a package
    if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}" || stasis_die "apt-get install failed"
    fi
}

# Sets JAVA_HOME to a JDK 21+ (the discovery lives in the product's start script, reused here).
stasis_select_jdk() {
    local java
    # shellcheck source=../../features/org.stasis.runtime.feature/rootfiles/stasis-workbench
    STASIS_FUNCTIONS_ONLY=1 . "$STASIS_ROOT/features/org.stasis.runtime.feature/rootfiles/stasis-workbench"
    java=$(stasis_find_java) || { stasis_no_java_message; exit 1; }
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
    [ -x "$JAVA_HOME/bin/javac" ] || stasis_die "$JAVA_HOME is a JRE; building needs a JDK $STASIS_MIN_JAVA+ (javac)"
    export JAVA_HOME
    stasis_log "JDK: $JAVA_HOME"
}

# Puts Maven $STASIS_MAVEN_VERSION under .tools/, fetched by its coordinates with the system Maven.
stasis_bootstrap_maven() {
    [ -x "$STASIS_MVN" ] && return 0
    local zip="$STASIS_TOOLS/apache-maven-$STASIS_MAVEN_VERSION-bin.zip"
    mkdir -p "$STASIS_TOOLS"
    if [ ! -f "$zip" ]; then
        stasis_log "fetching Maven $STASIS_MAVEN_VERSION"
        # From inside .tools/: in the repository root the old Maven would load our Tycho
        # reactor (which it cannot run) instead of just fetching an artifact.
        (cd "$STASIS_TOOLS" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="org.apache.maven:apache-maven:$STASIS_MAVEN_VERSION:zip:bin" \
            -DoutputDirectory="$STASIS_TOOLS") || stasis_die "could not fetch Maven $STASIS_MAVEN_VERSION"
    fi
    unzip -q -o "$zip" -d "$STASIS_TOOLS" || stasis_die "could not unpack $zip"
    [ -x "$STASIS_MVN" ] || stasis_die "no $STASIS_MVN after unpacking"
}

stasis_prepare() {
    stasis_install_packages
    stasis_select_jdk
    stasis_bootstrap_maven
}

# Runs the reactor's Maven with a display for SWT (tests need one even when nobody looks).
stasis_maven() {
    (cd "$STASIS_ROOT" && xvfb-run -a -s "-screen 0 1280x1024x24" "$STASIS_MVN" -B "$@")
}
