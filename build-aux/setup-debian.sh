#!/usr/bin/env bash
# Prepare a Debian 12 machine to build Reclaim, then configure and build it.
#
# Installs only the packages that are missing (so a second run needs no
# network and changes nothing), configures build/ with meson when it is not
# configured yet, and runs ninja.  Safe to run as often as you like.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly BUILD_DIR=build

# Debian 12 package names.  GtkSourceView draws the script pane (line
# numbers, Python highlighting); appstream provides appstreamcli (metainfo
# validation); xauth is needed by xvfb-run; python3 is used by the tests and
# by run-tests.sh to read meson's test log; poppler-utils (pdftoppm) lets
# the figure tests rasterise a PDF; clang-14 and libclang-rt-14-dev
# (libFuzzer) build the fuzz target of the test command (build-aux/fuzz.sh);
# libgmp-dev (GMP) computes the ints beyond 64 bits (src/lang/runtime/reclaim-bigint.c).
readonly PACKAGES=(
    build-essential
    meson
    ninja-build
    pkg-config
    libglib2.0-dev
    libgtk-4-dev
    libgtksourceview-5-dev
    adwaita-icon-theme
    libjson-glib-dev
    libgmp-dev
    libcairo2-dev
    libpng-dev
    libpango1.0-dev
    gettext
    desktop-file-utils
    appstream
    xvfb
    xauth
    xdotool
    dbus-daemon
    python3
    poppler-utils
    clang-14
    libclang-rt-14-dev
)

say() { printf 'setup-debian: %s\n' "$*"; }
die() { printf 'setup-debian: error: %s\n' "$*" >&2; exit 1; }

is_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ $status == "install ok installed" ]]
}

installed_something=false

install_missing_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "dpkg-query not found: not a Debian system, skipping package installation"
        say "(needed: ${PACKAGES[*]})"
        return 0
    fi

    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        say "all required packages are installed"
        return 0
    fi

    local as_root=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 \
            || die "not root and sudo is not available; install as root: ${missing[*]}"
        as_root=(sudo)
    fi

    say "installing: ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    installed_something=true
}

configure_and_build() {
    if [[ ! -f $BUILD_DIR/meson-private/coredata.dat ]]; then
        meson setup "$BUILD_DIR"
    elif $installed_something; then
        # meson caches what it found on the system; re-detect after installing.
        meson setup --reconfigure "$BUILD_DIR"
    fi
    # Once configured, ninja re-runs meson by itself whenever a meson.build changes.
    ninja -C "$BUILD_DIR"
}

install_missing_packages
configure_and_build
say "build is up to date in $BUILD_DIR/"
