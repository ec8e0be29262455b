#!/bin/sh
# `reclaim FILE` with a binary FILE opens no window: it says why, on the
# terminal and in a message.  Runs the real binary on a private D-Bus
# session and the display the test command provides.  Prints TAP.
set -u

app=$1
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
# a state of its own: drafts other tests left would be offered in a window
export XDG_STATE_HOME="$dir/state"

printf '\000\001\377binary' > "$dir/data.py"

echo "1..2"

"$app" "$dir/data.py" 2> "$dir/stderr" &
pid=$!

said=no
for _ in $(seq 1 100); do
    if grep -q "data.py: it is not UTF-8 text" "$dir/stderr"; then said=yes; break; fi
    sleep 0.1
done
if [ $said = yes ]; then echo "ok 1 - the refusal is explained"; else echo "not ok 1 - the refusal is explained"; fi

# give a window time to show, had one been opened
sleep 1
# only this process's windows: other tests may have theirs on the display
if xdotool search --all --pid "$pid" --name " — Reclaim\$" >/dev/null 2>&1; then
    echo "not ok 2 - no script window opens"
else
    echo "ok 2 - no script window opens"
fi
