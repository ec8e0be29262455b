#!/usr/bin/env bash
# Install what is missing, build, and start Reclaim.
#
# Starts the window (build/src/app/reclaim, arguments passed through) once it
# exists.  Until then it runs the command-line tool's demo: CPython's devguide
# example collected phase by phase.  With arguments and no window yet, the
# arguments go to reclaim-cli instead of "demo".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly APP=build/src/app/reclaim
readonly CLI=build/src/cli/reclaim-cli

bash build-aux/setup-debian.sh

if [[ -x $APP ]]; then
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
        echo "run-app: warning: neither DISPLAY nor WAYLAND_DISPLAY is set; the window needs a desktop session" >&2
    fi
    exec "$APP" "$@"
fi

if [[ -x $CLI ]]; then
    echo "run-app: the window ($APP) is not built yet; running the command-line demo instead" >&2
    if (($# > 0)); then
        exec "$CLI" "$@"
    fi
    exec "$CLI" demo
fi

cat >&2 <<MSG
run-app: the build succeeded but there is nothing to start yet:
  $APP (the GTK window) and
  $CLI (the command-line tool, whose "demo" runs CPython's devguide example)
are not part of the build so far.  Only the engine library and its tests
exist; run "bash build-aux/run-tests.sh" to exercise them.
MSG
exit 1
