#!/usr/bin/env bash
# Install what is missing, build, run every test, and finish with one line:
#     N passed, N failed[, N skipped]
# counting the individual TAP results of all test programs.
#
# Extra arguments go to `meson test` (for example: --suite engine).
# Exits non-zero if the build or `meson test` failed, if any case failed, or
# if no case ran at all.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

readonly BUILD_DIR=build
readonly TEST_LOG=$BUILD_DIR/meson-logs/testlog.json

if ! bash build-aux/setup-debian.sh; then
    echo "run-tests: set-up or build failed (see above); no test was run" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

# Drop the previous run's log so that we never count stale results.
rm -f "$TEST_LOG"

meson_test=(meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 "$@")
# Tests that open a window need a display; give them a virtual one when
# there is none (CI, ssh).
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]] && command -v xvfb-run >/dev/null 2>&1; then
    meson_test=(xvfb-run -a -s "-screen 0 1280x1024x24" "${meson_test[@]}")
fi

"${meson_test[@]}"
meson_status=$?

if [[ ! -f $TEST_LOG ]] || ! command -v python3 >/dev/null 2>&1; then
    echo "run-tests: no test log at $TEST_LOG (or no python3 to read it)" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

# The summary counts the "ok" / "not ok" lines each test program printed.
#  - "ok ... # SKIP" and "not ok ... # TODO" (g_test_incomplete) are skipped.
#  - A case that never reported (the program crashed or a g_assert bailed
#    out) counts as failed: the plan "1..N" says how many were expected.
#  - A program that meson judged a failure but that reported no failing case
#    (bad exit status, no TAP at all, timeout) counts as one failure.
python3 - "$TEST_LOG" "$meson_status" <<'PY'
import json
import re
import sys

log_path, meson_status = sys.argv[1], int(sys.argv[2])

RESULT = re.compile(r"(not ok|ok)\b(.*)")
PLAN = re.compile(r"1\.\.(\d+)")
DIRECTIVE = re.compile(r"#\s*(skip|todo)\b", re.IGNORECASE)
GOOD_OUTCOMES = {"OK", "SKIP", "EXPECTEDFAIL"}

passed = failed = skipped = 0
broken_programs = []

with open(log_path, encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
        t_pass = t_fail = t_skip = 0
        planned = None
        # Only lines at the start of a line count: indented ones belong to
        # nested subtests, which their parent's result already covers.
        for out in (test.get("stdout") or "").splitlines():
            plan = PLAN.match(out)
            if plan and planned is None:
                planned = int(plan.group(1))
                continue
            result = RESULT.match(out)
            if not result:
                continue
            directive = DIRECTIVE.search(result.group(2))
            kind = directive.group(1).lower() if directive else None
            if result.group(1) == "ok":
                if kind == "skip":
                    t_skip += 1
                else:
                    t_pass += 1
            elif kind == "todo":
                t_skip += 1
            else:
                t_fail += 1

        reported = t_pass + t_fail + t_skip
        if planned is not None and reported < planned:
            t_fail += planned - reported
        outcome = test.get("result", "")
        if outcome not in GOOD_OUTCOMES:
            if t_fail == 0:
                t_fail = 1
            broken_programs.append(f"{test.get('name', '?')} ({outcome})")
        elif outcome == "SKIP" and reported == 0:
            t_skip += 1

        passed += t_pass
        failed += t_fail
        skipped += t_skip

if broken_programs:
    print("run-tests: failing test programs: " + ", ".join(broken_programs))

if passed + failed == 0:
    print("run-tests: no test case ran")

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary, flush=True)
sys.exit(1 if meson_status != 0 or failed or passed + failed == 0 else 0)
PY
