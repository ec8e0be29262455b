#!/usr/bin/env python3
"""Time the benchmark scripts in benchmarks/scripts/ with python3 and,
with --cli PATH, with `PATH run SCRIPT` (reclaim-cli).

    run-scripts.py [--cli PATH] [--python PY] [--repeat N] [SCRIPT ...]

Prints the wall time of each run (the best of --repeat runs) and, with
--cli, the ratio reclaim / python3 and whether the two printed the same
thing.  Informational only: it never fails because of a timing.
Standard library only.
"""

import argparse
import os
import shutil
import subprocess
import sys
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


def timed(argv, cwd, repeat):
    """(best wall time in seconds, stdout of the last run, exit status)."""
    best = None
    out = b""
    status = None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(argv, cwd=cwd, env=clean_env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        out, status = proc.stdout, proc.returncode
        if status != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            print(f"  {argv[0]} exited with {status}: {err[-1] if err else ''}", file=sys.stderr)
        best = elapsed if best is None else min(best, elapsed)
    return best, out, status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", help="path to reclaim-cli (run as: PATH run SCRIPT)")
    parser.add_argument("--python", default="python3", help="python3 to compare with (default: python3)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per script, best kept (default 1)")
    parser.add_argument("scripts", nargs="*", help="only these scripts (names in benchmarks/scripts/)")
    args = parser.parse_args()

    python = shutil.which(args.python) or args.python
    cli = os.path.abspath(args.cli) if args.cli else None
    if cli and not os.access(cli, os.X_OK):
        sys.exit(f"run-scripts.py: {args.cli} is not an executable")
    scripts = sorted(SCRIPTS.glob("*.py"))
    if args.scripts:
        wanted = {Path(s).name.removesuffix(".py") for s in args.scripts}
        scripts = [s for s in scripts if s.stem in wanted]

    if cli:
        print(f"{'script':<20} {'python3':>10} {'reclaim':>10} {'ratio':>8}  output")
    else:
        print(f"{'script':<20} {'python3':>10}")
    for script in scripts:
        py_time, py_out, _ = timed([python, script.name], SCRIPTS, max(1, args.repeat))
        if not cli:
            print(f"{script.stem:<20} {py_time:>9.3f}s", flush=True)
            continue
        rc_time, rc_out, _ = timed([cli, "run", script.name], SCRIPTS, max(1, args.repeat))
        ratio = rc_time / py_time if py_time > 0 else float("inf")
        same = "same" if rc_out == py_out else "DIFFERS"
        print(f"{script.stem:<20} {py_time:>9.3f}s {rc_time:>9.3f}s {ratio:>7.2f}x  {same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
