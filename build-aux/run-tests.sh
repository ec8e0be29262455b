#!/usr/bin/env bash
# Install what is missing, build, run every test, and finish with one line:
#     N passed, N failed[, N skipped]
# counting the individual TAP results of all test programs.
#
# Three runs are counted:
#  1. every suite in build/;
#  2. the engine, lang, corpus, cli and fuzz suites again in build-asan/,
#     built with -Db_sanitize=address,undefined: AddressSanitizer,
#     UndefinedBehaviorSanitizer (any report fails) and LeakSanitizer
#     (suppressions, for system libraries only, in build-aux/lsan.supp);
#  3. a 60-second libFuzzer run with a fixed seed (build-aux/fuzz.sh), when
#     clang and libFuzzer are installed.
#
# Extra arguments go to the first `meson test` (for example: --suite engine)
# and skip runs 2 and 3.
# Exits non-zero if a build or `meson test` failed, if any case failed, or
# if no case ran at all.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

readonly BUILD_DIR=build
readonly TEST_LOG=$BUILD_DIR/meson-logs/testlog.json
readonly ASAN_DIR=build-asan
readonly ASAN_LOG=$ASAN_DIR/meson-logs/testlog.json
readonly SANITIZED_SUITES=(engine lang corpus cli fuzz)
readonly FUZZ_TAP=build-fuzz/run-tests.tap
readonly FUZZ_SECONDS=60
readonly FUZZ_SEED=1

if ! bash build-aux/setup-debian.sh; then
    echo "run-tests: set-up or build failed (see above); no test was run" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

# Drop the previous run's logs so that we never count stale results.
rm -f "$TEST_LOG" "$ASAN_LOG" "$FUZZ_TAP"

meson_test=(meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 "$@")
# Tests that open a window need a display; give them a virtual one when
# there is none (CI, ssh).
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]] && command -v xvfb-run >/dev/null 2>&1; then
    meson_test=(xvfb-run -a -s "-screen 0 1280x1024x24" "${meson_test[@]}")
fi

"${meson_test[@]}"
meson_status=$?

# The test programs of the sanitized suites and what they run (reclaim-cli):
# only these are built in build-asan/, not the window.
sanitized_targets() {
    meson introspect "$ASAN_DIR" --tests | python3 -c '
import json, sys
suites = {"reclaim:" + s for s in sys.argv[1:]}
names = set()
for test in json.load(sys.stdin):
    if suites & set(test["suite"]):
        names.update(d.split("@@")[1].rsplit("@", 1)[0] for d in test.get("depends", []))
print(" ".join(sorted(names)))' "${SANITIZED_SUITES[@]}"
}

run_sanitized_suites() {
    if [[ ! -f $ASAN_DIR/meson-private/coredata.dat ]]; then
        meson setup "$ASAN_DIR" -Db_sanitize=address,undefined -Db_lundef=false || return 1
    fi
    # meson reconfigures first if a meson.build changed, so that the
    # introspection below knows every test
    ninja -C "$ASAN_DIR" build.ninja >/dev/null || return 1
    local targets
    targets=$(sanitized_targets) && [[ -n $targets ]] || return 1
    # shellcheck disable=SC2086 # one word per target
    meson compile -C "$ASAN_DIR" $targets || return 1
    local suites=() suite
    for suite in "${SANITIZED_SUITES[@]}"; do
        suites+=(--suite "$suite")
    done
    # G_SLICE: every GLib allocation through malloc, so that LeakSanitizer
    # sees them; halt_on_error: an undefined-behaviour report fails the
    # test.  A leak report stops at GLib (built without frame pointers):
    # rerun the test with ASAN_OPTIONS=fast_unwind_on_malloc=0 for whole
    # stacks (too slow for every run: corpus scripts then pass 10 s).
    G_SLICE=always-malloc \
    ASAN_OPTIONS=detect_leaks=1 \
    LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        meson test -C "$ASAN_DIR" --no-rebuild --print-errorlogs --num-processes 2 "${suites[@]}"
}

logs=("$TEST_LOG")
if (($# == 0)); then
    echo "run-tests: the engine, lang, corpus, cli and fuzz suites under the sanitizers ($ASAN_DIR/)"
    if ! run_sanitized_suites; then
        meson_status=1
        [[ -f $ASAN_LOG ]] || echo "run-tests: the sanitizer build or run failed (see above)" >&2
    fi
    logs+=("$ASAN_LOG")
    echo "run-tests: fuzzing for $FUZZ_SECONDS s (seed $FUZZ_SEED)"
    mkdir -p "$(dirname "$FUZZ_TAP")"
    bash build-aux/fuzz.sh "$FUZZ_SECONDS" "$FUZZ_SEED" | tee "$FUZZ_TAP"
    logs+=("$FUZZ_TAP")
fi

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
python3 - "$meson_status" "${logs[@]}" <<'PY'
import json
import re
import sys

meson_status, log_paths = int(sys.argv[1]), sys.argv[2:]

RESULT = re.compile(r"(not ok|ok)\b(.*)")
PLAN = re.compile(r"1\.\.(\d+)")
DIRECTIVE = re.compile(r"#\s*(skip|todo)\b", re.IGNORECASE)
GOOD_OUTCOMES = {"OK", "SKIP", "EXPECTEDFAIL"}

passed = failed = skipped = 0
broken_programs = []


def count_program(name, stdout, outcome):
    """Adds one test program's TAP results to the totals."""
    global passed, failed, skipped
    t_pass = t_fail = t_skip = 0
    planned = None
    # Only lines at the start of a line count: indented ones belong to
    # nested subtests, which their parent's result already covers.
    for out in (stdout or "").splitlines():
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
    if outcome not in GOOD_OUTCOMES:
        if t_fail == 0:
            t_fail = 1
        broken_programs.append(f"{name} ({outcome})")
    elif outcome == "SKIP" and reported == 0:
        t_skip += 1

    passed += t_pass
    failed += t_fail
    skipped += t_skip


for log_path in log_paths:
    # A log that is missing is a run that did not happen: one failure.
    try:
        log = open(log_path, encoding="utf-8")
    except OSError:
        count_program(log_path, "", "MISSING")
        continue
    with log:
        if not log_path.endswith(".json"):
            # the TAP a script printed (build-aux/fuzz.sh)
            count_program(log_path, log.read(), "OK")
            continue
        prefix = "" if log_path == log_paths[0] else log_path.split("/")[0] + ": "
        for line in log:
            if line.strip():
                test = json.loads(line)
                count_program(prefix + test.get("name", "?"), test.get("stdout"), test.get("result", ""))

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
