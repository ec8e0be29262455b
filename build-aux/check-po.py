#!/usr/bin/env python3
# check-po.py: are the translations up to date with the sources?
#
# Copyright 2026 The Reclaim developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py SOURCE_ROOT
#
# Extracts the marked strings again, the way meson's i18n module does with
# preset 'glib', and checks that po/reclaim.pot holds exactly those strings
# and that every language of po/LINGUAS translates each of them, with no
# fuzzy entry, in a file msgfmt --check accepts.  Prints TAP.

import os
import re
import subprocess
import sys
import tempfile

PACKAGE = 'reclaim'

# meson's i18n preset 'glib' (mesonbuild/modules/i18n.py)
GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
]

SHOWN = 10  # differences listed per test


class Entry:
    def __init__(self):
        self.fields = {}
        self.flags = set()
        self.obsolete = False

    @property
    def key(self):
        return (self.fields.get('msgctxt'), self.fields.get('msgid', ''), self.fields.get('msgid_plural'))

    @property
    def translations(self):
        return [v for k, v in sorted(self.fields.items()) if k.startswith('msgstr')]


def unquote(text):
    return bytes(text[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def read_po(path):
    """The entries of a .po or .pot file, header included."""
    entries, entry, field = [], None, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if line.startswith('#,'):
                if entry is None or 'msgid' in entry.fields:
                    entry = Entry()
                    entries.append(entry)
                entry.flags.update(f.strip() for f in line[2:].split(','))
                continue
            if not line or line.startswith('#'):
                if entry is not None and 'msgid' in entry.fields:
                    entry, field = None, None
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                if entry is None or (m.group(1) in ('msgctxt', 'msgid') and 'msgid' in entry.fields):
                    entry = Entry()
                    entries.append(entry)
                entry.obsolete = entry.obsolete or obsolete
                field = m.group(1)
                entry.fields[field] = unquote(m.group(2))
            elif line.startswith('"') and entry is not None and field is not None:
                entry.fields[field] += unquote(line)
    return [e for e in entries if not e.obsolete]


def describe(key):
    ctxt, msgid, plural = key
    text = repr(msgid)
    if plural is not None:
        text += ' / ' + repr(plural)
    if ctxt is not None:
        text = '[%s] %s' % (ctxt, text)
    return text


def messages(entries):
    return {e.key for e in entries if e.key[1] != ''}


class Tap:
    def __init__(self, planned):
        self.n = 0
        self.failed = 0
        print('1..%d' % planned)

    def result(self, ok, name, diagnostics=()):
        self.n += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        for line in diagnostics:
            print('# ' + line)


def listed(title, keys):
    keys = sorted(keys, key=lambda k: (k[1], k[0] or '', k[2] or ''))
    lines = ['%s (%d):' % (title, len(keys))]
    lines += ['  ' + describe(k) for k in keys[:SHOWN]]
    if len(keys) > SHOWN:
        lines.append('  … %d more' % (len(keys) - SHOWN))
    return lines


def main():
    if len(sys.argv) != 2:
        print('usage: check-po.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f for w in line.split('#')[0].split()]

    tap = Tap(2 + 3 * len(languages))

    with tempfile.TemporaryDirectory() as tmp:
        fresh_pot = os.path.join(tmp, PACKAGE + '.pot')
        run = subprocess.run(['xgettext', '--package-name=' + PACKAGE,
                              '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                              '--directory=' + root, '--output=' + fresh_pot] + GLIB_PRESET,
                             capture_output=True, text=True)
        problems = [l for l in run.stderr.splitlines() if l.strip()]
        tap.result(run.returncode == 0 and not problems,
                   'xgettext reads every file of po/POTFILES.in without a warning', problems)
        if run.returncode != 0:
            fresh = set()
        else:
            fresh = messages(read_po(fresh_pot))

    committed = messages(read_po(os.path.join(po_dir, PACKAGE + '.pot')))
    diagnostics = []
    if fresh - committed:
        diagnostics += listed('marked in the sources but missing from po/%s.pot' % PACKAGE, fresh - committed)
    if committed - fresh:
        diagnostics += listed('in po/%s.pot but no longer in the sources' % PACKAGE, committed - fresh)
    if diagnostics:
        diagnostics.append('run: meson compile -C BUILDDIR %s-pot && meson compile -C BUILDDIR %s-update-po'
                           % (PACKAGE, PACKAGE))
    tap.result(fresh and fresh == committed,
               'po/%s.pot holds exactly the %d strings marked in the sources' % (PACKAGE, len(fresh)),
               diagnostics)

    for lang in languages:
        po = os.path.join(po_dir, lang + '.po')
        run = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file=' + os.devnull, po],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        output = [l for l in run.stderr.splitlines() if l.strip()]
        clean = run.returncode == 0 and len(output) == 1 and re.fullmatch(r'\d+ translated messages?\.', output[0])
        tap.result(bool(clean), 'msgfmt --check accepts po/%s.po, all translated, none fuzzy' % lang, output)

        entries = read_po(po)
        header = next((e for e in entries if e.key[1] == ''), None)
        plural_forms = re.search(r'^Plural-Forms:\s*(.*)$', header.translations[0] if header else '', re.M)
        has_plurals = plural_forms is not None and 'nplurals=' in plural_forms.group(1)
        tap.result(has_plurals, 'po/%s.po has a Plural-Forms header' % lang,
                   [] if has_plurals else ['no Plural-Forms in the header'])

        translated = {e.key for e in entries
                      if 'fuzzy' not in e.flags and e.translations and all(e.translations)}
        missing = fresh - translated
        tap.result(fresh and not missing,
                   'po/%s.po translates every string of the sources' % lang,
                   listed('not translated, or fuzzy', missing) if missing else [])

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
