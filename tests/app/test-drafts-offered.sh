#!/bin/sh
# Unsaved text a Reclaim that was killed left in XDG_STATE_HOME is offered
# back when Reclaim starts again, and Restore opens it.  Runs the real
# binary on a private D-Bus session and the display the test command
# provides; the window's actions are reached over D-Bus, as GtkApplication
# exports them.  Prints TAP.
set -u

app=$1
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

export XDG_STATE_HOME="$dir/state"
mkdir -p "$XDG_STATE_HOME/reclaim/drafts"
# as reclaim-drafts.c writes them
cat > "$XDG_STATE_HOME/reclaim/drafts/left-behind.draft" <<'DRAFT'
[Draft]
written=1796630400
text=left = [1, 2]\nprint(left)\n
DRAFT

echo "1..3"

"$app" 2> "$dir/stderr" &
pid=$!

wait_for_window() {
    for _ in $(seq 1 100); do
        xdotool search --name "^$1 — Reclaim\$" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

actions() {
    gdbus call --session --dest io.github.reclaim.Reclaim \
        --object-path /io/github/reclaim/Reclaim/window/1 --method "org.gtk.Actions.$@"
}

wait_for_window "Welcome example" || true
if actions Describe restore-draft 2>/dev/null | grep -q "^((true,"; then
    echo "ok 1 - the draft is offered"
else
    echo "not ok 1 - the draft is offered"
fi

actions Activate restore-draft "[]" "{}" >/dev/null 2>&1
if wait_for_window "• Untitled script"; then
    echo "ok 2 - Restore opens the kept text, unsaved"
else
    echo "not ok 2 - Restore opens the kept text, unsaved"
fi

# the restored text stays kept until it is saved or discarded
if [ -f "$XDG_STATE_HOME/reclaim/drafts/left-behind.draft" ] &&
   grep -q "left = \[1, 2\]" "$XDG_STATE_HOME/reclaim/drafts/left-behind.draft"; then
    echo "ok 3 - the draft stays until saved or discarded"
else
    echo "not ok 3 - the draft stays until saved or discarded"
fi
