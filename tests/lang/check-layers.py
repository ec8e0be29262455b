#!/usr/bin/env python3
"""Checks the arrows between the folders of the language layer: every
function or variable an object file of a folder uses from another object
file of the library must come from a folder below it (or its own).

    check-layers.py LIBRARY.a

Reads the library's symbols with nm: an object file's undefined symbols
that another object file of the library defines are the arrows.  Prints
TAP: one result per folder, and for an arrow pointing back up, the two
files and the symbol.  Standard library and binutils only.
"""

import collections
import os
import re
import subprocess
import sys

# A folder may use itself and the folders listed.  The syntax knows
# nothing of running a script; the modules and the subset check stand above
# the runtime, which never calls them (a module lends the runtime what it
# needs: LangModuleHooks in runtime/reclaim-runtime.h).  The runtime and the
# built-in types are one layer in two folders: the evaluator runs the
# types' operations (slicing, set algebra, formatting), and they call it
# back, as CPython's Python/ and Objects/ do.
ALLOWED = {
    "syntax": set(),
    "runtime": {"builtins", "syntax"},
    "builtins": {"runtime", "syntax"},
    "modules": {"builtins", "runtime", "syntax"},
    "check": {"modules", "builtins", "runtime", "syntax"},
    "top": {"check", "modules", "builtins", "runtime", "syntax"},
}


def folder_of(member):
    """meson names an object file after its source path: syntax_reclaim-ast.c.o."""
    match = re.match(r"(\w+?)_reclaim-", member)
    return match.group(1) if match and match.group(1) in ALLOWED else "top"


def symbols(library, *flags):
    out = subprocess.run(["nm", "-A", *flags, library], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        # libreclaim-lang.a:syntax_reclaim-ast.c.o:0000000000000040 T reclaim_ast_new
        head, _, rest = line.rpartition(":")
        # a thin archive names its members by their paths
        member = os.path.basename(head.rsplit(":", 1)[-1])
        parts = rest.split()
        if len(parts) >= 2:
            yield member, parts[-2], parts[-1]


def main():
    library = sys.argv[1]
    defined_in = {}
    for member, kind, name in symbols(library, "--defined-only"):
        if kind.isupper():
            defined_in[name] = member
    wrong = collections.defaultdict(list)
    members = set()
    for member, kind, name in symbols(library, "--undefined-only"):
        members.add(member)
        owner = defined_in.get(name)
        if owner is None:
            continue
        user_folder, owner_folder = folder_of(member), folder_of(owner)
        if owner_folder != user_folder and owner_folder not in ALLOWED[user_folder]:
            wrong[user_folder].append(f"{member} -> {owner}: {name}")
    folders = sorted(ALLOWED)
    print(f"1..{len(folders)}")
    for i, folder in enumerate(folders, 1):
        if wrong[folder]:
            print(f"not ok {i} - {folder} uses only the folders under it")
            for arrow in sorted(wrong[folder]):
                print(f"# {arrow}")
        else:
            print(f"ok {i} - {folder} uses only the folders under it")
    if not any(folder_of(m) != "top" for m in members):
        print("# no object file of a folder found: are the sources still in subfolders?")
        sys.exit(1)
    sys.exit(1 if any(wrong.values()) else 0)


if __name__ == "__main__":
    main()
