#!/usr/bin/env bash
# Install what is missing, build, and start Reclaim.
#
# Starts the window (build/src/app/reclaim, arguments passed through) once it
# exists.  Until then it runs a script through the command-line tool, as
# python3 would run it: the one given, or data/examples/reference-cycle.py.
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

script=${1:-data/examples/reference-cycle.py}
echo "run-app: the window ($APP) is not built yet; running $script with reclaim-cli instead" >&2
exec "$CLI" run "$script"
