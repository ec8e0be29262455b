#!/usr/bin/env python3
"""Time `reclaim-cli render` to PNG beside Graphviz's sfdp drawing the same
graph, at 100, 1,000 and 10,000 objects.

    run-render.py --cli PATH [--repeat N] [--sizes 100,1000,10000]

The graph is a tree of N instances in which each child holds its parent
and each parent its children (a cycle per edge), as programs with parent
pointers build it.  Reclaim runs the script that builds it and draws the
heap at the end, at its default size; sfdp lays out and draws the same
nodes and edges, each node a box with two lines of text.  The two run in
alternation, and the ratio is taken run by run.  Informational only: it
never fails because of a timing.  sfdp comes with Debian's graphviz
package; without it only Reclaim's times are printed.  Standard library
only.
"""

import argparse
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = """\
class Node:
    def __init__(self, parent):
        self.parent = parent

N = {n}
root = Node(None)
level = [root]
count = 1
while count < N:
    below = []
    for p in level:
        for name in ('a', 'b', 'c'):
            if count < N:
                child = Node(p)
                setattr(p, name, child)
                below.append(child)
                count += 1
    level = below
del below, level, p, child
"""


def dot_graph(n):
    """The same tree for sfdp: node i's parent is (i - 1) // 3."""
    lines = ["digraph tree {", 'node [shape=box, fontname="sans", fontsize=10];']
    lines += [f'n{i} [label="Node\\nparent"];' for i in range(n)]
    for i in range(1, n):
        parent = (i - 1) // 3
        lines += [f"n{i} -> n{parent};", f"n{parent} -> n{i};"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def png_size(path):
    """(width, height) from a PNG's header."""
    with open(path, "rb") as f:
        header = f.read(24)
    return struct.unpack(">II", header[16:24])


def timed(argv):
    start = time.perf_counter()
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        sys.exit(f"run-render.py: {argv[0]} exited with {proc.returncode}: {err[-1] if err else ''}")
    return elapsed


def spread(values):
    return f"{min(values):.2f}/{statistics.median(values):.2f}/{max(values):.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True, help="path to reclaim-cli")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size and program (default 3)")
    parser.add_argument("--sizes", default="100,1000,10000", help="numbers of objects, comma-separated")
    args = parser.parse_args()

    cli = os.path.abspath(args.cli)
    sfdp = shutil.which("sfdp")
    if not sfdp:
        print("sfdp not found (Debian package graphviz): Reclaim's times only")
    print(f"min/median/max of {max(1, args.repeat)} runs, seconds")
    print(f"{'objects':>8} {'reclaim':>16} {'picture':>11} {'sfdp':>16} {'picture':>11} {'ratio':>16}")
    with tempfile.TemporaryDirectory(prefix="reclaim-render-bench-") as tmp:
        tmp = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            script = tmp / f"tree{n}.py"
            script.write_text(SCRIPT.format(n=n))
            dot = tmp / f"tree{n}.dot"
            dot.write_text(dot_graph(n))
            ours, theirs, ratios = [], [], []
            for _ in range(max(1, args.repeat)):
                ours.append(timed([cli, "render", str(script), "-o", str(tmp / "reclaim.png")]))
                if sfdp:
                    theirs.append(timed([sfdp, "-Tpng", str(dot), "-o", str(tmp / "sfdp.png")]))
                    ratios.append(ours[-1] / theirs[-1])
            our_size = "x".join(map(str, png_size(tmp / "reclaim.png")))
            if sfdp:
                their_size = "x".join(map(str, png_size(tmp / "sfdp.png")))
                print(f"{n:>8} {spread(ours):>16} {our_size:>11} {spread(theirs):>16} {their_size:>11} "
                      f"{spread(ratios) + 'x':>16}")
            else:
                print(f"{n:>8} {spread(ours):>16} {our_size:>11}")


if __name__ == "__main__":
    main()
