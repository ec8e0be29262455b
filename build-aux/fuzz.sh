#!/usr/bin/env bash
# Fuzz reclaim's parser and interpreter with libFuzzer (tests/fuzz/).
#
#     build-aux/fuzz.sh [SECONDS] [SEED]
#
# Builds build-fuzz/ with clang, -fsanitize=fuzzer and the address and
# undefined-behaviour sanitizers when it is not built yet, seeds it with
# every script of tests/corpus and tests/hostile, and fuzzes for SECONDS
# (default 60) with a fixed SEED (default 1), from a fresh corpus each time
# so that two runs with the same seed try the same inputs.  Prints one TAP
# result: ok, or not ok with the finding saved in build-fuzz/fuzz-findings/.
# Prints a TAP skip when clang or libFuzzer is missing.
#
# The figures (runs, coverage, corpus) are on the "# " lines, and the whole
# libFuzzer log is build-fuzz/fuzz.log.  For a long run, see
# tests/fuzz/README.md.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

readonly SECONDS_TO_RUN=${1:-60}
readonly SEED=${2:-1}
readonly BUILD_DIR=build-fuzz
readonly TARGET=$BUILD_DIR/tests/fuzz/fuzz-run

skip() { echo "1..0 # SKIP $*"; exit 0; }

clang=$(command -v clang-14 || command -v clang) || skip "clang is not installed (clang-14)"
echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' > /tmp/reclaim-fuzz-probe.$$.c
if ! "$clang" -fsanitize=fuzzer /tmp/reclaim-fuzz-probe.$$.c -o /tmp/reclaim-fuzz-probe.$$ 2>/dev/null; then
    rm -f /tmp/reclaim-fuzz-probe.$$*
    skip "clang cannot link libFuzzer (libclang-rt-14-dev)"
fi
rm -f /tmp/reclaim-fuzz-probe.$$*

if [[ ! -f $BUILD_DIR/meson-private/coredata.dat ]]; then
    CC=$clang meson setup "$BUILD_DIR" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fsanitize=fuzzer-no-link >"$BUILD_DIR.setup.log" 2>&1 \
        || { echo "1..1"; echo "not ok 1 - fuzzing: meson setup failed (see $BUILD_DIR.setup.log)"; exit 1; }
fi
if ! ninja -C "$BUILD_DIR" tests/fuzz/fuzz-run >"$BUILD_DIR/fuzz-build.log" 2>&1; then
    echo "1..1"
    echo "not ok 1 - fuzzing: the target does not build (see $BUILD_DIR/fuzz-build.log)"
    exit 1
fi

seeds=$BUILD_DIR/fuzz-seeds
found=$BUILD_DIR/fuzz-corpus
findings=$BUILD_DIR/fuzz-findings
rm -rf "$seeds" "$found"
mkdir -p "$seeds" "$found" "$findings"
cp tests/corpus/*.py tests/hostile/*.py "$seeds"/

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "1..1"
"$TARGET" -seed="$SEED" -max_total_time="$SECONDS_TO_RUN" -dict=tests/fuzz/python.dict \
    -max_len=4096 -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$found" "$seeds" >"$BUILD_DIR/fuzz.log" 2>&1
status=$?

last_status=$(grep -E '^#[0-9]+[[:space:]]+(pulse|INITED|NEW|REDUCE|DONE)' "$BUILD_DIR/fuzz.log" | tail -1)
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BUILD_DIR/fuzz.log")
echo "# $SECONDS_TO_RUN s, seed $SEED: ${runs:-?} runs; last status: ${last_status:-none}"
if ((status == 0)); then
    echo "ok 1 - fuzzing found nothing in $SECONDS_TO_RUN s"
else
    echo "not ok 1 - fuzzing found a problem (exit $status); the input is in $findings/, the log in $BUILD_DIR/fuzz.log"
    grep -E 'ERROR|SUMMARY|Test unit written' "$BUILD_DIR/fuzz.log" | head -5 | sed 's/^/# /'
fi
exit 0
