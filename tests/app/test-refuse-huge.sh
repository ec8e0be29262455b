#!/bin/sh
# `reclaim FILE` with a 4 GB FILE (sparse: it takes no disk) refuses it
# at once, from its size, without reading it, and opens no script window.
# Runs the real binary on a private D-Bus session and the display the test
# command provides.  Prints TAP.
set -u

app=$1
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
# a state of its own: drafts other tests left would be offered in a window
export XDG_STATE_HOME="$dir/state"

truncate -s 4G "$dir/huge.py"

echo "1..3"

"$app" "$dir/huge.py" 2> "$dir/stderr" &
pid=$!

said=no
for _ in $(seq 1 50); do
    if grep -q "huge.py: it is larger than 1 MB" "$dir/stderr"; then said=yes; break; fi
    sleep 0.1
done
if [ $said = yes ]; then echo "ok 1 - the refusal is explained at once"; else echo "not ok 1 - the refusal is explained at once"; fi

# what the program has read so far, its libraries and data files included:
# the file alone would be 4096 MB
read_mb=$(awk '/^rchar:/ { print int($2 / 1048576) }' "/proc/$pid/io" 2>/dev/null)
if [ -n "$read_mb" ] && [ "$read_mb" -lt 200 ]; then
    echo "ok 2 - the file is not read (${read_mb} MB read in all)"
else
    echo "not ok 2 - the file is not read (${read_mb:-?} MB read in all)"
fi

# give a window time to show, had one been opened
sleep 1
# only this process's windows: other tests may have theirs on the display
if xdotool search --all --pid "$pid" --name " — Reclaim\$" >/dev/null 2>&1; then
    echo "not ok 3 - no script window opens"
else
    echo "ok 3 - no script window opens"
fi
