#!/usr/bin/env python3
# check-manpage.py: tests of the manual pages, run by meson (suite "data").
#
#   check-manpage.py warnings GROFF PAGE
#       groff formats PAGE with every warning on; any warning fails.
#   check-manpage.py options CLI PAGE
#       every command of CLI ("CLI help") has a subsection (.SS) in PAGE,
#       and every long option of a command ("CLI COMMAND --help") is the
#       tag of a paragraph (.TP) in its command's subsection.
import re
import subprocess
import sys


def check_warnings(groff, page):
    done = subprocess.run([groff, '-man', '-ww', '-z', '-Tutf8', page],
                          capture_output=True, text=True)
    if done.returncode != 0 or done.stderr:
        sys.stderr.write(done.stderr)
        print(f'{page}: groff reports problems (exit status {done.returncode})')
        return False
    return True


def help_text(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, check=True)
    return done.stdout


def commands_of(cli):
    text = help_text(cli, 'help')
    listing = text.split('Commands:\n', 1)[1].split('\n\n', 1)[0]
    return [line.split()[0] for line in listing.splitlines() if line.strip()]


def long_options_of(cli, command):
    text = help_text(cli, command, '--help')
    # GOptionContext lists the "Help Options" first; the command's own follow.
    own = text.split('Application Options:', 1)[1] if 'Application Options:' in text else ''
    return re.findall(r'^\s+(?:-\w, )?(--[\w-]+)', own, re.MULTILINE)


def plain(troff):
    """The text of troff source, with hyphens unescaped and fonts dropped."""
    troff = re.sub(r'\\f[BIRP]', '', troff)
    return troff.replace('\\-', '-')


def subsections(page):
    """Maps each .SS heading of page to the text under it."""
    with open(page, encoding='utf-8') as f:
        text = plain(f.read())
    parts = re.split(r'^\.SS (.*)$', text, flags=re.MULTILINE)
    return {parts[i].strip('"'): parts[i + 1] for i in range(1, len(parts), 2)}


def check_options(cli, page):
    sections = subsections(page)
    ok = True
    for command in commands_of(cli):
        heading = next((h for h in sections if h.startswith(f'reclaim-cli {command}')), None)
        if heading is None:
            print(f'{page}: no subsection ".SS reclaim-cli {command} ..." for the command {command}')
            ok = False
            continue
        if command == 'help':
            continue
        tags = re.findall(r'^\.TP\n(.*)$', sections[heading], re.MULTILINE)
        for option in long_options_of(cli, command):
            if not any(re.search(rf'(?<![\w-]){re.escape(option)}(?![\w-])', tag) for tag in tags):
                print(f'{page}: {option} of "reclaim-cli {command}" is not described under "{heading}"')
                ok = False
    return ok


def main(argv):
    if len(argv) != 4 or argv[1] not in ('warnings', 'options'):
        sys.exit(f'usage: {argv[0]} warnings GROFF PAGE | options CLI PAGE')
    check = check_warnings if argv[1] == 'warnings' else check_options
    return 0 if check(argv[2], argv[3]) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
