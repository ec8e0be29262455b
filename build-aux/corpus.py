#!/usr/bin/env python3
"""Faithfulness corpus: Python scripts whose exact python3 3.11 output
Reclaim must reproduce.

    corpus.py regen [--python PY] [--jobs N] [NAME ...]
        Run every tests/corpus/*.py (or only the NAMEs given) with python3
        3.11 and write NAME.out (stdout), NAME.err (last line of stderr,
        empty if none) and NAME.status (exit status).

    corpus.py check-python [--python PY] [--jobs N]
        Run python3 on every script and compare with the checked-in files.
        Also checks that python3 runs every unsupported/*.py with status 0.
        Prints TAP.  Exits 1, listing the scripts, if anything differs.
        Prints a TAP skip when python3 is missing or is not 3.11.x.

    corpus.py check-reclaim --cli PATH [--jobs N] [NAME ...]
        Run `PATH run NAME.py` for every script and compare stdout exactly,
        the last line of stderr and the exit status with the checked-in
        files; run every unsupported/NAME.py expecting exit status 2 and
        the line in unsupported/NAME.expect as the last line of stderr.
        Prints TAP.

Scripts run from inside their directory, with stdin from /dev/null and a
clean environment: PATH, LC_ALL=C.UTF-8, PYTHONHASHSEED=0 and no other
PYTHON* variable.  Each run is killed after --timeout seconds (default 10).

--dir DIR takes the scripts from DIR instead of tests/corpus (the hostile
scripts of tests/hostile use it).  There, NAME.limit may name a limit of
Reclaim's that the script is allowed to meet instead (two lines: the exit
status, then the last line of stderr; stdout must then be the start of
python3's).  A script with a .limit and no .out is one python3 cannot
finish in any reasonable time: only Reclaim's answer is checked.  --memory-limit BYTES caps the address
space of every run (python3's and Reclaim's alike), so that a script that
asks for terabytes gets MemoryError from python3 at once and cannot take
the machine down when Reclaim goes wrong.
Standard library only.
"""

import argparse
import concurrent.futures
import difflib
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

# Exit status of a script Reclaim refuses before running it (documented in
# tests/corpus/README.md).  1 is what python3 uses for a failing script.
UNSUPPORTED_STATUS = 2

# Variables kept from the caller's environment for the Reclaim runs, so
# that sanitizers and GLib debugging still work under `meson test`.
PASS_THROUGH_PREFIXES = ("ASAN_", "UBSAN_", "LSAN_", "MSAN_", "G_", "MALLOC_")

DIFF_LINES = 20


def clean_env(extra_prefixes=()):
    env = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
    }
    for key, value in os.environ.items():
        if key.startswith(extra_prefixes) and not key.startswith("PYTHON"):
            env[key] = value
    return env


class Result:
    def __init__(self, stdout=b"", stderr_last="", status=None, error=None):
        self.stdout = stdout
        self.stderr_last = stderr_last
        self.status = status
        self.error = error  # why the run itself failed (timeout, exec error)


def last_line(data):
    text = data.decode("utf-8", "replace").rstrip("\r\n")
    if not text.strip():
        return ""
    return text.split("\n")[-1].rstrip("\r")


MEMORY_LIMIT = None  # bytes of address space for each run (--memory-limit)


def limit_memory():
    if MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(argv, cwd, timeout, env):
    # Its own session, so that a timeout kills the script and anything it
    # started, and no grandchild keeps the pipes open.
    try:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=limit_memory,
        )
    except OSError as exc:
        return Result(error=f"cannot run {argv[0]}: {exc}")
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        return Result(out, last_line(err), None, f"timed out after {timeout:g} s")
    return Result(out, last_line(err), proc.returncode)


def scripts(names=None, subdir=None):
    base = CORPUS / subdir if subdir else CORPUS
    found = sorted(base.glob("*.py"))
    if names:
        # NAME, NAME.py or a prefix such as 042 (every script it starts).
        wanted = [Path(n).name.removesuffix(".py") for n in names]
        missing = [w for w in wanted if not any(p.stem.startswith(w) for p in found)]
        if missing:
            sys.exit("corpus.py: no such script: " + ", ".join(missing))
        found = [p for p in found if any(p.stem.startswith(w) for w in wanted)]
    return found


def python_version(python):
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=clean_env(), timeout=30,
        ).stdout.decode().strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out or None


def find_python(requested):
    if requested:
        return shutil.which(requested) or requested
    return shutil.which("python3")


def expected(script):
    """The checked-in (stdout, stderr last line, status) or None."""
    try:
        out = script.with_suffix(".out").read_bytes()
        err = script.with_suffix(".err").read_text(encoding="utf-8").rstrip("\r\n")
        status = int(script.with_suffix(".status").read_text().strip())
    except (OSError, ValueError):
        return None
    return out, err, status


def reclaim_limit(script):
    """The (status, stderr last line) of NAME.limit, or None."""
    try:
        status, line = script.with_suffix(".limit").read_text(encoding="utf-8").split("\n")[:2]
        return int(status), line
    except (OSError, ValueError):
        return None


def compare_with_limit(script, want, got):
    """compare(), also accepting the Reclaim limit NAME.limit names."""
    problems = compare(want, got) if want else ["missing or unreadable .out/.err/.status"]
    limit = reclaim_limit(script)
    if not problems or limit is None or got.error:
        return problems
    status, line = limit
    python_out = want[0] if want else got.stdout
    if got.status == status and got.stderr_last == line and python_out.startswith(got.stdout):
        return []
    return problems + [f"nor Reclaim's limit: status {status}, {line!r}"]


def compare(want, got):
    """Diff lines (without the leading '# ') or [] when got matches want."""
    if got.error:
        lines = [got.error]
        if got.stdout:
            lines += ["stdout so far:"] + got.stdout.decode("utf-8", "replace").splitlines()[-5:]
        return lines
    want_out, want_err, want_status = want
    lines = []
    if got.stdout != want_out:
        diff = list(difflib.unified_diff(
            want_out.decode("utf-8", "replace").splitlines(),
            got.stdout.decode("utf-8", "replace").splitlines(),
            "expected stdout", "actual stdout", n=1, lineterm=""))
        if not diff:  # only a difference in the final newline or bytes
            diff = ["stdout differs (line endings or invalid UTF-8)"]
        if len(diff) > DIFF_LINES:
            diff = diff[:DIFF_LINES] + [f"... ({len(diff) - DIFF_LINES} more diff lines)"]
        lines += diff
    if got.stderr_last != want_err:
        lines += [f"stderr last line: expected {want_err!r}",
                  f"                  actual   {got.stderr_last!r}"]
    if got.status != want_status:
        lines += [f"exit status: expected {want_status}, actual {got.status}"]
    return lines


def tap(cases, jobs):
    """cases: list of (name, function returning diff lines).  Prints TAP,
    returns the names that failed."""
    print(f"1..{len(cases)}", flush=True)
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(fn) for _, fn in cases]
        for n, ((name, _), fut) in enumerate(zip(cases, futures), 1):
            problems = fut.result()
            if problems:
                failed.append(name)
                print(f"not ok {n} - {name}")
                for line in problems:
                    print(f"# {line}")
            else:
                print(f"ok {n} - {name}")
            sys.stdout.flush()
    return failed


def report(failed, total):
    if failed:
        print(f"# {len(failed)} of {total} scripts differ:")
        for name in failed:
            print(f"#   {name}")
        return 1
    return 0


def need_python311(args, tap_skip):
    python = find_python(args.python)
    version = python_version(python) if python else None
    if version and version.startswith("3.11."):
        return python
    why = f"python3 is {version}" if version else "python3 not found"
    if tap_skip:
        print(f"1..0 # SKIP {why}, the corpus needs python3 3.11.x")
        sys.exit(0)
    sys.exit(f"corpus.py: {why}; regen needs python3 3.11.x (use --python)")


def cmd_regen(args):
    python = need_python311(args, tap_skip=False)
    env = clean_env()
    todo = scripts(args.names)

    def one(script):
        return script, run([python, script.name], script.parent, args.timeout, env)

    bad = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for script, res in pool.map(one, todo):
            if res.error and reclaim_limit(script) and expected(script) is None:
                print(f"{script.name}: python3 {res.error}; only Reclaim's limit is checked")
                continue
            if res.error:
                print(f"{script.name}: {res.error}", file=sys.stderr)
                bad += 1
                continue
            script.with_suffix(".out").write_bytes(res.stdout)
            script.with_suffix(".err").write_text(
                res.stderr_last + "\n" if res.stderr_last else "", encoding="utf-8")
            script.with_suffix(".status").write_text(f"{res.status}\n")
            print(f"{script.name}: status {res.status}"
                  + (f", stderr: {res.stderr_last}" if res.stderr_last else ""))
    # Expected files left behind by a removed or renamed script.
    for suffix in (".out", ".err", ".status"):
        for f in sorted(CORPUS.glob("*" + suffix)):
            if not f.with_suffix(".py").exists():
                print(f"warning: {f.name} has no script", file=sys.stderr)
    return 1 if bad else 0


def cmd_check_python(args):
    python = need_python311(args, tap_skip=True)
    env = clean_env()
    cases = []
    for script in scripts(args.names):
        if expected(script) is None and reclaim_limit(script):
            continue   # python3 cannot finish it: only Reclaim's answer is checked
        def fn(script=script):
            want = expected(script)
            if want is None:
                return ["missing or unreadable .out/.err/.status (run corpus.py regen)"]
            return compare(want, run([python, script.name], script.parent, args.timeout, env))
        cases.append((script.stem, fn))
    if not args.names:
        for script in scripts(subdir="unsupported"):
            def fn(script=script):
                got = run([python, script.name], script.parent, args.timeout, env)
                if got.error:
                    return [got.error]
                if got.status != 0:
                    return [f"python3 exit status {got.status} (must run fine): {got.stderr_last}"]
                return []
            cases.append(("unsupported/" + script.stem, fn))
    failed = tap(cases, args.jobs)
    return report(failed, len(cases))


def cmd_check_reclaim(args):
    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        print(f"Bail out! {args.cli} is not an executable")
        return 1
    env = clean_env(PASS_THROUGH_PREFIXES)
    cases = []
    for script in scripts(args.names):
        def fn(script=script):
            want = expected(script)
            if want is None and reclaim_limit(script) is None:
                return ["missing or unreadable .out/.err/.status (run corpus.py regen)"]
            got = run([cli, "run", script.name], script.parent, args.timeout, env)
            return compare_with_limit(script, want, got)
        cases.append((script.stem, fn))
    if not args.names:
        for script in scripts(subdir="unsupported"):
            def fn(script=script):
                try:
                    line = script.with_suffix(".expect").read_text(encoding="utf-8").rstrip("\r\n")
                except OSError:
                    return ["missing .expect file"]
                want = (b"", line, UNSUPPORTED_STATUS)
                return compare(want, run([cli, "run", script.name], script.parent, args.timeout, env))
            cases.append(("unsupported/" + script.stem, fn))
    failed = tap(cases, args.jobs)
    return report(failed, len(cases))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--jobs", "-j", type=int, default=2, help="scripts run at once (default 2)")
        p.add_argument("--timeout", type=float, default=10.0, help="seconds per script (default 10)")
        p.add_argument("--dir", type=Path, help="the scripts' directory (default tests/corpus)")
        p.add_argument("--memory-limit", type=int, help="bytes of address space for each run")
        p.add_argument("names", nargs="*", help="only these scripts (NAME or NAME.py)")

    p = sub.add_parser("regen", help="write the expected files from python3")
    p.add_argument("--python", help="python3 3.11 to use (default: python3 on PATH)")
    common(p)
    p.set_defaults(func=cmd_regen)

    p = sub.add_parser("check-python", help="compare python3 with the expected files (TAP)")
    p.add_argument("--python", help="python3 3.11 to use (default: python3 on PATH)")
    common(p)
    p.set_defaults(func=cmd_check_python)

    p = sub.add_parser("check-reclaim", help="compare reclaim-cli with the expected files (TAP)")
    p.add_argument("--cli", required=True, help="path to reclaim-cli")
    common(p)
    p.set_defaults(func=cmd_check_reclaim)

    args = parser.parse_args()
    global CORPUS, MEMORY_LIMIT
    if args.dir:
        CORPUS = args.dir.resolve()
    MEMORY_LIMIT = args.memory_limit
    sys.exit(args.func(args))


if __name__ == "__main__":
    main()
