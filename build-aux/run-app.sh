#!/usr/bin/env bash
# Install what is missing, build, and start Reclaim's window.
#
# Arguments go to the app: `bash build-aux/run-app.sh script.py` opens that
# script; with none the window shows its built-in example.  The app runs
# from the build directory, with the settings schema compiled there; it
# finds the translations built in build/po by itself (LANGUAGE=de for German).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly APP=build/src/app/reclaim

bash build-aux/setup-debian.sh

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "run-app: warning: neither DISPLAY nor WAYLAND_DISPLAY is set; the window needs a desktop session" >&2
fi
export GSETTINGS_SCHEMA_DIR=$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}
exec "$APP" "$@"
