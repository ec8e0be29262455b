#!/usr/bin/env python3
"""Time the benchmark scripts in benchmarks/scripts/ with python3 and,
with --cli PATH, with `PATH run SCRIPT` (reclaim-cli).

    run-scripts.py [--cli PATH] [--python PY] [--repeat N] [SCRIPT ...]

Runs each script --repeat times with each program, python3 and Reclaim in
alternation (so that a busy moment of the machine hits both alike), and
prints the min/median/max wall time of each and, with --cli, of the
ratios reclaim / python3 taken pair by pair, the median peak resident
memory of each and their ratio, and whether the two printed the same
thing.  Informational only: it never fails because of a timing.
Standard library only.
"""

import argparse
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "scripts"


def clean_env():
    return {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
    }


def timed_once(argv, cwd):
    """(wall time in seconds, peak resident memory in MiB, stdout, exit
    status) of one run.  The output goes through files so that the child
    can be waited for with wait4, which gives its own peak."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=clean_env(), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        lines = stderr.decode("utf-8", "replace").strip().splitlines()
        print(f"  {argv[0]} exited with {proc.returncode}: {lines[-1] if lines else ''}", file=sys.stderr)
    return elapsed, usage.ru_maxrss / 1024, stdout, proc.returncode


def real_interpreter(name):
    """The executable that `name` runs in the end.  A version manager's
    shim (pyenv's is a shell script) would otherwise add its own start-up,
    70-140 ms here, to every python3 time."""
    found = shutil.which(name) or name
    try:
        result = subprocess.run([found, "-c", "import sys; print(sys.executable)"],
                                capture_output=True, text=True, check=True, env=clean_env())
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"run-scripts.py: cannot run {name}: {error}")
    return result.stdout.strip() or found


def spread(values, unit):
    """min/median/max, for one column."""
    return f"{min(values):.2f}/{statistics.median(values):.2f}/{max(values):.2f}{unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", help="path to reclaim-cli (run as: PATH run SCRIPT)")
    parser.add_argument("--python", default="python3", help="python3 to compare with (default: python3)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per script and program (default 5)")
    parser.add_argument("scripts", nargs="*", help="only these scripts (names in benchmarks/scripts/)")
    args = parser.parse_args()

    python = real_interpreter(args.python)
    cli = os.path.abspath(args.cli) if args.cli else None
    if cli and not os.access(cli, os.X_OK):
        sys.exit(f"run-scripts.py: {args.cli} is not an executable")
    scripts = sorted(SCRIPTS.glob("*.py"))
    if args.scripts:
        wanted = {Path(s).name.removesuffix(".py") for s in args.scripts}
        scripts = [s for s in scripts if s.stem in wanted]

    print("python3:", python)
    print("min/median/max of", max(1, args.repeat), "runs each")
    if cli:
        print(f"{'script':<16} {'python3':>17} {'reclaim':>20} {'ratio':>20}  {'peak MiB python3/reclaim':>26}  output")
    else:
        print(f"{'script':<16} {'python3':>17}")
    for script in scripts:
        py_times, rc_times, ratios, py_peaks, rc_peaks = [], [], [], [], []
        same = True
        for _ in range(max(1, args.repeat)):
            py_time, py_peak, py_out, _ = timed_once([python, script.name], SCRIPTS)
            py_times.append(py_time)
            py_peaks.append(py_peak)
            if cli:
                rc_time, rc_peak, rc_out, _ = timed_once([cli, "run", script.name], SCRIPTS)
                rc_times.append(rc_time)
                rc_peaks.append(rc_peak)
                ratios.append(rc_time / py_time if py_time > 0 else float("inf"))
                same = same and rc_out == py_out
        line = f"{script.stem:<16} {spread(py_times, 's'):>17}"
        if cli:
            py_peak, rc_peak = statistics.median(py_peaks), statistics.median(rc_peaks)
            peaks = f"{py_peak:.0f}/{rc_peak:.0f} = {rc_peak / py_peak:.2f}x"
            line += f" {spread(rc_times, 's'):>20} {spread(ratios, 'x'):>20}  {peaks:>26}  {'same' if same else 'DIFFERS'}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
