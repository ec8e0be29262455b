#!/bin/sh
# A second `reclaim FILE` hands FILE to the running instance and exits:
# the first instance then shows a window for it.  Runs the real binary on
# a private D-Bus session and the display the test command provides.
# Prints TAP.
set -u

app=$1
dir=$(mktemp -d)
trap 'kill "$first" 2>/dev/null; rm -rf "$dir"' EXIT

printf 'a = 1\n' > "$dir/first.py"
printf 'b = 2\n' > "$dir/second.py"

echo "1..3"

"$app" "$dir/first.py" &
first=$!

# the first instance owns the bus name once its window shows
wait_for_window() {
    for _ in $(seq 1 100); do
        xdotool search --name "^$1 — Reclaim\$" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

if wait_for_window first.py; then echo "ok 1 - the first launch shows first.py"; else echo "not ok 1 - the first launch shows first.py"; fi

if timeout 10 "$app" "$dir/second.py"; then
    echo "ok 2 - the second launch exits at once"
else
    echo "not ok 2 - the second launch exits at once"
fi

if wait_for_window second.py && kill -0 "$first" 2>/dev/null; then
    echo "ok 3 - the running instance opened second.py"
else
    echo "not ok 3 - the running instance opened second.py"
fi
