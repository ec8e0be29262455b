/* test-parser.c: the lexer, parser and syntax errors of src/lang
 *
 * Expected trees were produced by CPython 3.11.7's ast module and expected
 * errors by running python3 on each source (SyntaxError attributes), so a
 * failure here means Reclaim and python3 disagree.
 *
 * Run with --parse FILE to print a file's tree, or its error both as a
 * tab-separated row (the form of tests/lang/malformed/expected.txt) and as
 * python3 would print it; --positions FILE prints each node's place.
 */
#include "reclaim-parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* helpers */

static char *
dump_source (const char *source, gssize length)
{
  ReclaimSyntaxError *error = NULL;
  ReclaimNode *module = reclaim_parse (source, length, "test.py", &error);
  char *result;

  if (module == NULL)
    {
      result = g_strdup_printf ("%s: %s", reclaim_syntax_error_kind_name (error->kind), error->message);
      reclaim_syntax_error_free (error);
      return result;
    }
  result = reclaim_ast_dump (module);
  reclaim_ast_free (module);
  return result;
}

static ReclaimSyntaxError *
error_of (const char *source, gssize length, const char *filename)
{
  ReclaimSyntaxError *error = NULL;
  ReclaimNode *module = reclaim_parse (source, length, filename, &error);

  if (module != NULL)
    reclaim_ast_free (module);
  return error;
}


static void
append_escaped (GString *out, const char *text)
{
  for (const char *c = text; *c; c++)
    {
      if (*c == '\n')
        g_string_append (out, "\\n");
      else if (*c == '\t')
        g_string_append (out, "\\t");
      else if (*c == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *c);
    }
}

static char *
unescape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *c = s; *c; c++)
    {
      if (*c == '\\' && (c[1] == 'n' || c[1] == 't' || c[1] == '\\'))
        {
          c++;
          g_string_append_c (out, *c == 'n' ? '\n' : *c == 't' ? '\t' : '\\');
        }
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/* kind, message, lineno, offset, end_lineno, end_offset, text: tab
 * separated, as in malformed/expected.txt */
static char *
error_row (const ReclaimSyntaxError *e)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\t%s\t%d\t%d\t%d\t%d\t", reclaim_syntax_error_kind_name (e->kind),
                          e->message, e->line, e->column, e->end_line, e->end_column);
  if (e->text)
    append_escaped (out, e->text);
  else
    g_string_append (out, "None");
  return g_string_free (out, FALSE);
}

static char *
repeat (const char *prefix, const char *unit, int n, const char *middle, const char *closing, const char *suffix)
{
  GString *s = g_string_new (prefix);

  for (int i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, middle);
  for (int i = 0; closing && i < n; i++)
    g_string_append (s, closing);
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

static void
assert_error (const char *source, ReclaimSyntaxErrorKind kind, const char *message, int line, int column)
{
  g_autoptr (ReclaimSyntaxError) e = error_of (source, -1, "t.py");

  g_assert_nonnull (e);
  g_assert_cmpstr (reclaim_syntax_error_kind_name (e->kind), ==, reclaim_syntax_error_kind_name (kind));
  g_assert_cmpstr (e->message, ==, message);
  if (line >= 0)
    g_assert_cmpint (e->line, ==, line);
  if (column >= 0)
    g_assert_cmpint (e->column, ==, column);
}

static void
assert_parses (const char *source)
{
  g_autoptr (ReclaimSyntaxError) e = NULL;
  ReclaimNode *m = reclaim_parse (source, -1, "t.py", &e);

  if (e)
    g_test_message ("%s: %s", reclaim_syntax_error_kind_name (e->kind), e->message);
  g_assert_nonnull (m);
  reclaim_ast_free (m);
}

/* ------------------------------------------------------------------ */
/* lexer */

static void
test_lexer_tokens (void)
{
  static const struct { const char *source, *tokens; } cases[] = {
    { "x = (1,\n  2)\n", "NAME:x '=' '(' NUMBER:1 ',' NUMBER:2 ')' NEWLINE ENDMARKER" },
    { "if x:\n    y\nz\n", "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER" },
    { "if a:\n  if b:\n    c\n",
      "'if' NAME:a ':' NEWLINE INDENT 'if' NAME:b ':' NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT ENDMARKER" },
    { "x = 1 + \\\n  2\n", "NAME:x '=' NUMBER:1 '+' NUMBER:2 NEWLINE ENDMARKER" },
    { "# only a comment\n\n   \n", "ENDMARKER" },
    { "", "ENDMARKER" },
    { "x  # c\n", "NAME:x NEWLINE ENDMARKER" },
    { "a**=b//=c->d:=e...f!=g<>h",
      "NAME:a '**=' NAME:b '//=' NAME:c '->' NAME:d ':=' NAME:e '...' NAME:f '!=' NAME:g OP NAME:h NEWLINE ENDMARKER" },
    { "1if x else 2", "NUMBER:1 'if' NAME:x 'else' NUMBER:2 NEWLINE ENDMARKER" },
    { "rb'x' f\"y\" u'z' Rb'''w'''", "STRING:rb'x' STRING:f\"y\" STRING:u'z' STRING:Rb'''w''' NEWLINE ENDMARKER" },
    { "x\r\ny\rz", "NAME:x NEWLINE NAME:y NEWLINE NAME:z NEWLINE ENDMARKER" },
    { "\xEF\xBB\xBFx", "NAME:x NEWLINE ENDMARKER" },
    { "if x:\n\ty\n        z\n", "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE ERRORTOKEN" },
    { "async await match case _", "'async' 'await' NAME:match NAME:case NAME:_ NEWLINE ENDMARKER" },
    { "if x:\n    \\\n  y\n", "'if' NAME:x ':' NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ReclaimTokenList) list = reclaim_lex (cases[i].source, -1, "test.py");
      g_autofree char *tokens = reclaim_token_list_dump (list);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

static void
test_lexer_positions (void)
{
  g_autoptr (ReclaimTokenList) list = reclaim_lex ("x = 'a\\\nb' + f(\n  1)\n", -1, NULL);
  const ReclaimToken *t = list->tokens;

  g_assert_cmpuint (list->n_tokens, ==, 10);
  g_assert_cmpint (t[2].kind, ==, RECLAIM_TOK_STRING);
  g_assert_cmpint (t[2].line, ==, 1);
  g_assert_cmpint (t[2].col, ==, 4);
  g_assert_cmpint (t[2].end_line, ==, 2);
  g_assert_cmpint (t[2].end_col, ==, 2);
  g_assert_cmpint (t[5].kind, ==, RECLAIM_TOK_LPAR);
  g_assert_cmpint (t[5].level, ==, 1);
  g_assert_cmpint (t[6].line, ==, 3);
  g_assert_cmpint (t[6].col, ==, 2);
  g_assert_cmpint (t[7].level, ==, 0);
  g_assert_cmpint (t[8].kind, ==, RECLAIM_TOK_NEWLINE);
  g_assert_cmpint (list->error_class, ==, RECLAIM_LEX_OK);
}

/* Indentation is measured with tabs to the next multiple of 8, and must
 * agree with tabs counted as one column (else TabError). */
static void
test_lexer_tabs (void)
{
  g_autoptr (ReclaimTokenList) ok = reclaim_lex ("if a:\n\tb\n\tif c:\n\t\td\n", -1, NULL);
  g_autoptr (ReclaimTokenList) eight = reclaim_lex ("if a:\n        b\n\tc\n", -1, NULL);
  g_autoptr (ReclaimTokenList) mixed = reclaim_lex ("if a:\n    \tb\n    \tc\n", -1, NULL);

  g_assert_cmpint (ok->error_class, ==, RECLAIM_LEX_OK);
  g_assert_cmpint (eight->error_class, ==, RECLAIM_LEX_ERROR_QUIET);
  g_assert_cmpint (eight->error->kind, ==, RECLAIM_ERROR_TAB);
  g_assert_cmpint (mixed->error_class, ==, RECLAIM_LEX_OK);
}

/* ------------------------------------------------------------------ */
/* parser: every construct of the subset, against CPython's ast */

static const struct {
  const char *name;
  const char *source;
  const char *dump;
} parse_cases[] = {
  { "assign",
    "a = f(1)\n",
    "(module (= a (call f 1)))" },
  { "assign chained",
    "a = b = x\n",
    "(module (= a b x))" },
  { "assign attribute and subscript",
    "o.x = d[k] = 1\n",
    "(module (= (. o x) ([] d k) 1))" },
  { "assign tuple swap",
    "a, b = b, a\n",
    "(module (= (tuple a b) (tuple b a)))" },
  { "assign parenthesised tuple",
    "(a, b) = [c, d] = 1, 2\n",
    "(module (= (tuple a b) (list c d) (tuple 1 2)))" },
  { "assign nested targets",
    "(a, [b, c]), d = x\n",
    "(module (= (tuple (tuple a (list b c)) d) x))" },
  { "assign trailing comma",
    "a, = x\n",
    "(module (= (tuple a) x))" },
  { "assign slice",
    "a[1:2] = a[::2] = a[:]\n",
    "(module (= ([] a (slice 1 2 #)) ([] a (slice # # 2)) ([] a (slice # # #))))" },
  { "assign yield",
    "def f():\n    x = yield 1\n",
    "(module (def f (params) [(= x (yield 1))]))" },
  { "augmented",
    "a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 3; a **= 2; a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1; a @= b\n",
    "(module (+= a 1) (-= a 1) (*= a 2) (/= a 2) (//= a 2) (%= a 3) (**= a 2) (<<= a 1) (>>= a 1) (&= a 1) (|= a 1) (^= a 1) (@= a b))" },
  { "augmented attribute",
    "self.count += 1\n",
    "(module (+= (. self count) 1))" },
  { "del",
    "del a, b.c, d[0], (e, f), [g]\n",
    "(module (del a (. b c) ([] d 0) (tuple e f) (list g)))" },
  { "pass break continue",
    "while x:\n    pass\n    break\n    continue\n",
    "(module (while x [pass break continue]))" },
  { "if elif else",
    "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n",
    "(module (if a [(= x 1)] [(if b [(= x 2)] [(= x 3)])]))" },
  { "if one line",
    "if x: pass\n",
    "(module (if x [pass]))" },
  { "if one line several",
    "if x: a = 1; b = 2\n",
    "(module (if x [(= a 1) (= b 2)]))" },
  { "while else",
    "while x < 3:\n    x += 1\nelse:\n    done()\n",
    "(module (while (cmp x < 3) [(+= x 1)] [(expr (call done))]))" },
  { "for else",
    "for i, x in enumerate(y):\n    print(i)\nelse:\n    pass\n",
    "(module (for (tuple i x) (call enumerate y) [(expr (call print i))] [pass]))" },
  { "for tuple target",
    "for (a, b) in z: pass\n",
    "(module (for (tuple a b) z [pass]))" },
  { "nested blocks and comments",
    "def f():\n    # comment\n\n    if x:\n        return 1  # trailing\n    return 2\n",
    "(module (def f (params) [(if x [(return 1)]) (return 2)]))" },
  { "def",
    "def f(a, b=1, *args, **kwargs):\n    return a\n",
    "(module (def f (params a (= b 1) (* args) (** kwargs)) [(return a)]))" },
  { "def positional-only and keyword-only",
    "def f(a, b=2, /, c=3, *, d, e=g(5), **kw):\n    pass\n",
    "(module (def f (params a (= b 2) / (= c 3) * d (= e (call g 5)) (** kw)) [pass]))" },
  { "def *args then keyword-only",
    "def f(*args, key=None):\n    pass\n",
    "(module (def f (params (* args) (= key None)) [pass]))" },
  { "lambda positional-only and keyword-only",
    "f = lambda a, /, *, b: a\n",
    "(module (= f (lambda (params a / * b) a)))" },
  { "def defaults",
    "def f(a=1, b=g(2)):\n    pass\n",
    "(module (def f (params (= a 1) (= b (call g 2))) [pass]))" },
  { "def return nothing",
    "def f():\n    return\n",
    "(module (def f (params) [(return)]))" },
  { "lambda",
    "f = lambda: 0\ng = lambda a, b=2, *c, **d: a + b\n",
    "(module (= f (lambda (params) 0)) (= g (lambda (params a (= b 2) (* c) (** d)) (+ a b))))" },
  { "lambda nested default",
    "f = lambda x=lambda: 1: x()\n",
    "(module (= f (lambda (params (= x (lambda (params) 1))) (call x))))" },
  { "nonlocal global",
    "g = 0\ndef f():\n    global g\n    x = 1\n    def h():\n        nonlocal x\n        x = 2\n",
    "(module (= g 0) (def f (params) [(global g) (= x 1) (def h (params) [(nonlocal x) (= x 2)])]))" },
  { "yield",
    "def gen():\n    yield\n    yield 1\n    yield 1, 2\n    yield from other()\n",
    "(module (def gen (params) [(expr (yield)) (expr (yield 1)) (expr (yield (tuple 1 2))) (expr (yield-from (call other)))]))" },
  { "class",
    "class A:\n    pass\nclass B(A):\n    x = 1\n    def m(self):\n        return self.x\n",
    "(module (class A () [pass]) (class B (A) [(= x 1) (def m (params self) [(return (. self x))])]))" },
  { "decorators",
    "@a.b(1)\n@c\ndef f(): pass\n@d\nclass E: pass\n",
    "(module (@ (call (. a b) 1)) (@ c) (def f (params) [pass]) (@ d) (class E () [pass]))" },
  { "class empty parens",
    "class C():\n    pass\n",
    "(module (class C () [pass]))" },
  { "with",
    "with a as b, c:\n    pass\n",
    "(module (with (item a b) (item c) [pass]))" },
  { "with nested targets",
    "with open(p) as (f, g):\n    pass\n",
    "(module (with (item (call open p) (tuple f g)) [pass]))" },
  { "with parenthesised",
    "with (a as b, c as d):\n    pass\n",
    "(module (with (item a b) (item c d) [pass]))" },
  { "with tuple expression",
    "with (a, b) as c:\n    pass\n",
    "(module (with (item (tuple a b) c) [pass]))" },
  { "try except",
    "try:\n    f()\nexcept ValueError:\n    pass\nexcept (KeyError, IndexError) as e:\n    raise\nexcept:\n    pass\nelse:\n    g()\nfinally:\n    h()\n",
    "(module (try [(expr (call f))] (except ValueError [pass]) (except (tuple KeyError IndexError) e [(raise)]) (except [pass]) (else [(expr (call g))]) (finally [(expr (call h))])))" },
  { "try finally",
    "try:\n    f()\nfinally:\n    g()\n",
    "(module (try [(expr (call f))] (finally [(expr (call g))])))" },
  { "raise",
    "raise\nraise E\nraise E('x') from err\n",
    "(module (raise) (raise E) (raise (call E 'x') err))" },
  { "assert",
    "assert x\nassert x, 'msg'\n",
    "(module (assert x) (assert x 'msg'))" },
  { "import",
    "import gc\nimport weakref, sys\nimport x as y\nimport os.path\n",
    "(module (import gc) (import weakref sys) (import (as x y)) (import os.path))" },
  { "from import",
    "from weakref import ref, proxy as p\nfrom . import x\nfrom ..a.b import (c, d,)\nfrom m import *\n",
    "(module (from weakref ref (as proxy p)) (from . x) (from ..a.b c d) (from m *))" },
  { "numbers",
    "x = 0, 10, 0x1F, 0o17, 0b101, 1_000_000, 1.5, .5, 1., 1e10, 1E-3, 1_0.2_5\n",
    "(module (= x (tuple 0 10 31 15 5 1000000 1.5 0.5 1.0 10000000000.0 0.001 10.25)))" },
  { "big int",
    "x = 123456789012345678901234567890\n",
    "(module (= x 123456789012345678901234567890))" },
  { "strings",
    "x = 'a', \"b\", '''c\nd''', \"\"\"e\"\"\", r'\\d', 'tab\\t', '\\x41\\u00e9\\U0001F600', '\\101'\n",
    "(module (= x (tuple 'a' 'b' 'c\\nd' 'e' '\\\\d' 'tab\\t' 'A\303\251\360\237\230\200' 'A')))" },
  { "string concatenation",
    "x = 'a' 'b' \"c\"\n",
    "(module (= x 'abc'))" },
  { "string escapes kept",
    "x = '\\d', 'a\\\nb'\n",
    "(module (= x (tuple '\\\\d' 'ab')))" },
  { "f-string",
    "x = f'{a}'\n",
    "(module (= x (f (fv a))))" },
  { "f-string conversions and specs",
    "x = f'{a!r} {b!s:>10} {c:{w}.{p}f} {{literal}}'\n",
    "(module (= x (f (fv a !r) ' ' (fv b !s (f '>10')) ' ' (fv c (f (fv w) '.' (fv p) 'f')) ' {literal}')))" },
  { "f-string self-documenting",
    "x = f'{a=} {b = !s}'\n",
    "(module (= x (f 'a=' (fv a !r) ' b = ' (fv b !s))))" },
  { "f-string nested quotes",
    "x = f\"{d['k']}\" f'{\"s\"}'\n",
    "(module (= x (f (fv ([] d 'k')) (fv 's'))))" },
  { "f-string concatenated",
    "x = 'a' f'{b}' 'c'\n",
    "(module (= x (f 'a' (fv b) 'c')))" },
  { "f-string empty",
    "x = f''\n",
    "(module (= x (f)))" },
  { "constants",
    "x = True, False, None, ...\n",
    "(module (= x (tuple True False None ...)))" },
  { "arithmetic",
    "x = a + b - c * d / e // f % g ** h @ i\n",
    "(module (= x (- (+ a b) (@ (% (// (/ (* c d) e) f) (** g h)) i))))" },
  { "power right associative",
    "x = 2 ** 3 ** 4\n",
    "(module (= x (** 2 (** 3 4))))" },
  { "unary",
    "x = -a + +b - ~c, -2 ** 2\n",
    "(module (= x (tuple (- (+ (- a) (+ b)) (~ c)) (- (** 2 2)))))" },
  { "bitwise",
    "x = a & b | c ^ d << 1 >> 2\n",
    "(module (= x (| (& a b) (^ c (>> (<< d 1) 2)))))" },
  { "comparison chain",
    "x = a < b <= c > d >= e == f != g\n",
    "(module (= x (cmp a < b <= c > d >= e == f != g)))" },
  { "identity and membership",
    "x = a is b, a is not b, a in b, a not in b\n",
    "(module (= x (tuple (cmp a is b) (cmp a is-not b) (cmp a in b) (cmp a not-in b))))" },
  { "boolean",
    "x = not a and b or c and not d\n",
    "(module (= x (or (and (not a) b) (and c (not d)))))" },
  { "conditional",
    "x = a if b else c if d else e\n",
    "(module (= x (if-exp b a (if-exp d c e))))" },
  { "walrus",
    "(g := None) or gc.collect()\n",
    "(module (expr (or (:= g None) (call (. gc collect)))))" },
  { "walrus in if",
    "if (n := len(a)) > 10:\n    pass\n",
    "(module (if (cmp (:= n (call len a)) > 10) [pass]))" },
  { "calls",
    "f()\nf(1, *a, k=2, **d)\nf(*a, *b, k=1, **c, **d)\nf(x for x in y)\n",
    "(module (expr (call f)) (expr (call f 1 (* a) (kw k 2) (** d))) (expr (call f (* a) (* b) (kw k 1) (** c) (** d))) (expr (call f (genexp x (for x y)))))" },
  { "attributes and subscripts",
    "x = a.b.c[1][2:3, ::4](5).d\n",
    "(module (= x (. (call ([] ([] (. (. a b) c) 1) (tuple (slice 2 3 #) (slice # # 4))) 5) d)))" },
  { "slices",
    "x = a[1:2], a[::2], a[:], a[1:], a[:2], a[1:2:3], a[1, 2], a[1:2, 3]\n",
    "(module (= x (tuple ([] a (slice 1 2 #)) ([] a (slice # # 2)) ([] a (slice # # #)) ([] a (slice 1 # #)) ([] a (slice # 2 #)) ([] a (slice 1 2 3)) ([] a (tuple 1 2)) ([] a (tuple (slice 1 2 #) 3)))))" },
  { "displays",
    "x = [], [1, 2], (), (1,), (1, 2), {}, {1: 2, 3: 4}, {1, 2}, [1, [2, (3, {4})]]\n",
    "(module (= x (tuple (list) (list 1 2) (tuple) (tuple 1) (tuple 1 2) (dict) (dict (: 1 2) (: 3 4)) (set 1 2) (list 1 (list 2 (tuple 3 (set 4)))))))" },
  { "starred displays",
    "x = [*a, 1], (*b,), {*c}, {**d, 'k': 1}\n",
    "(module (= x (tuple (list (* a) 1) (tuple (* b)) (set (* c)) (dict (** d) (: 'k' 1)))))" },
  { "list comprehension",
    "x = [i * 2 for i in range(10) if i % 2 if i > 3]\n",
    "(module (= x (listcomp (* i 2) (for i (call range 10) (if (% i 2)) (if (cmp i > 3))))))" },
  { "nested comprehensions",
    "x = [(i, j) for i in a for j in b if i != j]\n",
    "(module (= x (listcomp (tuple i j) (for i a) (for j b (if (cmp i != j))))))" },
  { "dict set generator comprehensions",
    "x = {k: v for k, v in d.items()}, {i for i in s}, (i for i in s)\n",
    "(module (= x (tuple (dictcomp k v (for (tuple k v) (call (. d items)))) (setcomp i (for i s)) (genexp i (for i s)))))" },
  { "parenthesised expressions",
    "x = (((a + b)) * (c))\n",
    "(module (= x (* (+ a b) c)))" },
  { "implicit line joining",
    "x = [1,\n     2,\n\n     3]\ny = f(a,\n      b)\n",
    "(module (= x (list 1 2 3)) (= y (call f a b)))" },
  { "backslash continuation",
    "x = 1 + \\\n    2\n",
    "(module (= x (+ 1 2)))" },
  { "semicolons",
    "a = 1; b = 2;\nc = 3\n",
    "(module (= a 1) (= b 2) (= c 3))" },
  { "expression statements",
    "f()\nx\n1\n'doc'\n",
    "(module (expr (call f)) (expr x) (expr 1) (expr 'doc'))" },
  { "tabs",
    "if x:\n\ty = 1\n\tif z:\n\t\ty = 2\n",
    "(module (if x [(= y 1) (if z [(= y 2)])]))" },
  { "form feed",
    "\014x = 1\n",
    "(module (= x 1))" },
  { "crlf",
    "if x:\r\n    y = 1\r\n",
    "(module (if x [(= y 1)]))" },
  { "no final newline",
    "x = 1",
    "(module (= x 1))" },
  { "keywords as attributes",
    "x = a.match, match, case, _\nmatch = 1\n",
    "(module (= x (tuple (. a match) match case _)) (= match 1))" },
  { "unicode identifiers",
    "\303\251t\303\251 = 1\nx = \303\251t\303\251\n",
    "(module (= \303\251t\303\251 1) (= x \303\251t\303\251))" },
  { "gc script",
    "import gc\ngc.disable()\nclass Node:\n    def __init__(self, name):\n        self.name = name\n        self.next = None\na = Node('a'); b = Node('b')\na.next = b; b.next = a\ndel a, b\nprint('collected', gc.collect())\n",
    "(module (import gc) (expr (call (. gc disable))) (class Node () [(def __init__ (params self name) [(= (. self name) name) (= (. self next) None)])]) (= a (call Node 'a')) (= b (call Node 'b')) (= (. a next) b) (= (. b next) a) (del a b) (expr (call print 'collected' (call (. gc collect)))))" },
};

static void
test_parse_constructs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *dump = dump_source (parse_cases[i].source, -1);
      if (g_strcmp0 (dump, parse_cases[i].dump) != 0)
        g_test_message ("case '%s'", parse_cases[i].name);
      g_assert_cmpstr (dump, ==, parse_cases[i].dump);
    }
}

/* line, col, end_line, end_col of some nodes, as CPython's ast gives them */
static void
test_parse_positions (void)
{
  ReclaimNode *m = reclaim_parse ("x = f(a,\n      b) + 1\nif y:\n    pass\n\xC3\xA9 = f'{z}'\n", -1, NULL, NULL);
  ReclaimNode *assign, *binop, *call, *b, *ifs, *fv_expr;

  g_assert_nonnull (m);
  assign = m->v.module.body.items[0];
  g_assert_cmpint (assign->line, ==, 1);
  g_assert_cmpint (assign->col, ==, 0);
  g_assert_cmpint (assign->end_line, ==, 2);
  g_assert_cmpint (assign->end_col, ==, 12);
  binop = assign->v.assign.value;
  g_assert_cmpint (binop->kind, ==, RECLAIM_NODE_BIN_OP);
  g_assert_cmpint (binop->col, ==, 4);
  call = binop->v.bin_op.left;
  g_assert_cmpint (call->end_line, ==, 2);
  g_assert_cmpint (call->end_col, ==, 8);
  b = call->v.call.args.items[1];
  g_assert_cmpint (b->line, ==, 2);
  g_assert_cmpint (b->col, ==, 6);
  g_assert_cmpint (b->end_col, ==, 7);
  ifs = m->v.module.body.items[1];
  g_assert_cmpint (ifs->line, ==, 3);
  g_assert_cmpint (ifs->end_line, ==, 4);
  g_assert_cmpint (ifs->end_col, ==, 8);
  /* columns count UTF-8 bytes; f-string expressions get their own place */
  fv_expr = m->v.module.body.items[2]->v.assign.value->v.joined_str.values.items[0]->v.formatted_value.value;
  g_assert_cmpint (fv_expr->line, ==, 5);
  g_assert_cmpint (fv_expr->col, ==, 8);
  g_assert_cmpint (fv_expr->end_col, ==, 9);
  reclaim_ast_free (m);
}

static const char positions_source[] =
  "x = (a) + f(b,\n"
  "            c)[1:2].d\n"
  "if not y:\n"
  "    z = [i ** 2 for i in range(3) if i] or {k: v for k, v in w}\n"
  "def g(p, q=1, *r, **s):\n"
  "    return lambda t: t if p else -(q)\n"
  "s = f'{x!r:>{w}} and {y=}'\n";

static const char positions_expected[] =
  "Assign 1 0 2 21\n"
  "Assign 4 4 4 63\n"
  "Assign 7 0 7 26\n"
  "Attribute 1 10 2 21\n"
  "BinOp 1 4 2 21\n"
  "BinOp 4 9 4 15\n"
  "BoolOp 4 8 4 63\n"
  "Call 1 10 2 14\n"
  "Call 4 25 4 33\n"
  "Constant 2 15 2 16\n"
  "Constant 2 17 2 18\n"
  "Constant 4 14 4 15\n"
  "Constant 4 31 4 32\n"
  "Constant 5 11 5 12\n"
  "Constant 7 4 7 26\n"
  "Constant 7 4 7 26\n"
  "DictComp 4 43 4 63\n"
  "FormattedValue 7 4 7 26\n"
  "FormattedValue 7 4 7 26\n"
  "FormattedValue 7 4 7 26\n"
  "FunctionDef 5 0 6 37\n"
  "If 3 0 4 63\n"
  "IfExp 6 21 6 37\n"
  "JoinedStr 7 4 7 26\n"
  "JoinedStr 7 4 7 26\n"
  "Lambda 6 11 6 37\n"
  "ListComp 4 8 4 39\n"
  "Name 1 0 1 1\n"
  "Name 1 10 1 11\n"
  "Name 1 12 1 13\n"
  "Name 1 5 1 6\n"
  "Name 2 12 2 13\n"
  "Name 3 7 3 8\n"
  "Name 4 20 4 21\n"
  "Name 4 25 4 30\n"
  "Name 4 37 4 38\n"
  "Name 4 4 4 5\n"
  "Name 4 44 4 45\n"
  "Name 4 47 4 48\n"
  "Name 4 53 4 54\n"
  "Name 4 56 4 57\n"
  "Name 4 61 4 62\n"
  "Name 4 9 4 10\n"
  "Name 6 21 6 22\n"
  "Name 6 26 6 27\n"
  "Name 6 35 6 36\n"
  "Name 7 0 7 1\n"
  "Name 7 13 7 14\n"
  "Name 7 22 7 23\n"
  "Name 7 7 7 8\n"
  "Return 6 4 6 37\n"
  "Slice 2 15 2 18\n"
  "Subscript 1 10 2 19\n"
  "Tuple 4 53 4 57\n"
  "UnaryOp 3 3 3 8\n"
  "UnaryOp 6 33 6 37\n"
  "arg 5 15 5 16\n"
  "arg 5 20 5 21\n"
  "arg 5 6 5 7\n"
  "arg 5 9 5 10\n"
  "arg 6 18 6 19\n";

static void
collect_positions (ReclaimNode *node, gpointer data)
{
  GPtrArray *rows = data;

  /* CPython gives these no position */
  if (node->kind != RECLAIM_NODE_MODULE && node->kind != RECLAIM_NODE_ARGUMENTS &&
      node->kind != RECLAIM_NODE_COMPREHENSION && node->kind != RECLAIM_NODE_WITH_ITEM)
    g_ptr_array_add (rows, g_strdup_printf ("%s %d %d %d %d\n", reclaim_node_kind_name (node->kind),
                                            node->line, node->col, node->end_line, node->end_col));
  /* global and nonlocal names are identifiers in CPython */
  if (node->kind != RECLAIM_NODE_GLOBAL && node->kind != RECLAIM_NODE_NONLOCAL)
    reclaim_ast_foreach_child (node, collect_positions, rows);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every node's place, as ast.walk() lists them in CPython (sorted). */
static void
test_parse_positions_like_python (void)
{
  ReclaimNode *m = reclaim_parse (positions_source, -1, NULL, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);

  g_assert_nonnull (m);
  collect_positions (m, rows);
  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_string_append (all, rows->pdata[i]);
  g_assert_cmpstr (all->str, ==, positions_expected);
  g_string_free (all, TRUE);
  g_ptr_array_unref (rows);
  reclaim_ast_free (m);
}

static void
test_parse_contexts (void)
{
  ReclaimNode *m = reclaim_parse ("a, b.c = d[e]\ndel f, g[0]\nfor h in i: pass\n", -1, NULL, NULL);
  ReclaimNode *target, *del, *loop;

  g_assert_nonnull (m);
  target = m->v.module.body.items[0]->v.assign.targets.items[0];
  g_assert_cmpint (target->v.seq.ctx, ==, RECLAIM_CTX_STORE);
  g_assert_cmpint (target->v.seq.elts.items[0]->v.name.ctx, ==, RECLAIM_CTX_STORE);
  g_assert_cmpint (target->v.seq.elts.items[1]->v.attribute.ctx, ==, RECLAIM_CTX_STORE);
  g_assert_cmpint (target->v.seq.elts.items[1]->v.attribute.value->v.name.ctx, ==, RECLAIM_CTX_LOAD);
  g_assert_cmpint (m->v.module.body.items[0]->v.assign.value->v.subscript.ctx, ==, RECLAIM_CTX_LOAD);
  del = m->v.module.body.items[1];
  g_assert_cmpint (del->v.delete_stmt.targets.items[0]->v.name.ctx, ==, RECLAIM_CTX_DEL);
  g_assert_cmpint (del->v.delete_stmt.targets.items[1]->v.subscript.ctx, ==, RECLAIM_CTX_DEL);
  loop = m->v.module.body.items[2];
  g_assert_cmpint (loop->v.for_stmt.target->v.name.ctx, ==, RECLAIM_CTX_STORE);
  reclaim_ast_free (m);
}

static void
test_parse_constants (void)
{
  ReclaimNode *m = reclaim_parse ("x = 9223372036854775807, 9223372036854775808, 0x_ff, 'a\\0b', '\\ud800', 1e400\n",
                                  -1, NULL, NULL);
  ReclaimNodeList elts;

  g_assert_nonnull (m);
  elts = m->v.module.body.items[0]->v.assign.value->v.seq.elts;
  g_assert_false (elts.items[0]->v.constant.int_big);
  g_assert_cmpint (elts.items[0]->v.constant.int_value, ==, G_MAXINT64);
  g_assert_true (elts.items[1]->v.constant.int_big);
  g_assert_cmpstr (elts.items[1]->v.constant.int_literal, ==, "9223372036854775808");
  g_assert_cmpint (elts.items[2]->v.constant.int_value, ==, 255);
  g_assert_cmpstr (elts.items[2]->v.constant.int_literal, ==, "0xff");
  g_assert_cmpmem (elts.items[3]->v.constant.str, elts.items[3]->v.constant.str_len, "a\0b", 3);
  /* a lone surrogate is kept as its 3-byte encoding */
  g_assert_cmpmem (elts.items[4]->v.constant.str, elts.items[4]->v.constant.str_len, "\xED\xA0\x80", 3);
  g_assert_true (elts.items[5]->v.constant.float_value > G_MAXDOUBLE);
  reclaim_ast_free (m);
}

static void
test_empty_and_comments (void)
{
  static const char *sources[] = { "", "\n", "# c", "# c\n", "   # c\n\t# d\n", "\n\n\n", "\x0c\n", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *dump = dump_source (sources[i], -1);
      g_assert_cmpstr (dump, ==, "(module)");
    }
}

/* ------------------------------------------------------------------ */
/* errors: exactly what python3 says */

static const struct {
  const char *name;
  const char *source;     /* NULL: built by big_source() */
  gssize length;          /* -1: NUL-terminated */
  const char *kind;
  const char *message;
  int line, column, end_line, end_column;
  const char *text;       /* SyntaxError.text; of a long line CPython keeps the end */
} error_cases[] = {
  { "unclosed paren",
    "x = (1,\n", -1,
    "SyntaxError", "'(' was never closed", 1, 5, 1, 0,
    "x = (1,\n" },
  { "unclosed innermost",
    "x = ([\n1,\n", -1,
    "SyntaxError", "'[' was never closed", 1, 6, 1, 0,
    "x = ([\n" },
  { "unclosed wins over later error",
    "x = (\ny = 1 2\n", -1,
    "SyntaxError", "'(' was never closed", 1, 5, 1, 0,
    "x = (\n" },
  { "earlier error wins over unclosed",
    "x = 1 2\ny = (\n", -1,
    "SyntaxError", "invalid syntax", 1, 7, 1, 8,
    "x = 1 2\n" },
  { "unmatched close",
    "x = 1)\n", -1,
    "SyntaxError", "unmatched ')'", 1, 6, 1, 6,
    "x = 1)" },
  { "mismatched close",
    "x = (1]\n", -1,
    "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7,
    "x = (1]" },
  { "mismatched close other line",
    "x = (1,\n2]\n", -1,
    "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2,
    "2]" },
  { "too many nested parens",
    NULL, -1,
    "SyntaxError", "too many nested parentheses", 1, 205, 1, 205,
    "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))" },
  { "unexpected indent",
    "x = 1\n    y = 2\n", -1,
    "IndentationError", "unexpected indent", 2, 4, 2, -1,
    "    y = 2\n" },
  { "unindent mismatch",
    "if x:\n        a\n    b\n", -1,
    "IndentationError", "unindent does not match any outer indentation level", 3, 6, 3, -1,
    "    b\n" },
  { "tab error",
    "if x:\n\tif y:\n\t\tpass\n\t        pass\n", -1,
    "TabError", "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0,
    "\t        pass\n" },
  { "expected indented block",
    "if x:\npass\n", -1,
    "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5,
    "pass\n" },
  { "expected indented block at eof",
    "def f():\n", -1,
    "IndentationError", "expected an indented block after function definition on line 1", 1, 0, 1, -1,
    "def f():\n" },
  { "too many levels of indentation",
    NULL, -1,
    "IndentationError", "too many levels of indentation", 101, 1, 101, 0,
    "                                                                                                                                                                                                                                                                                                                                                                                                                pass\n" },
  { "nul byte",
    "x = 1\ny = 2\000\n", 13,
    "SyntaxError", "source code cannot contain null bytes", 2, 0, 2, 0,
    "y = 2" },
  { "unterminated string",
    "x = 'abc\ny = 1\n", -1,
    "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5,
    "x = 'abc" },
  { "unterminated triple-quoted string",
    "x = '''abc\ndef\n", -1,
    "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5,
    "x = '''abc" },
  { "unterminated string wins over earlier error",
    "x = 1 2\ny = \"abc\n", -1,
    "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5,
    "y = \"abc" },
  { "backslash followed by junk",
    "x = 1 \\ 2\n", -1,
    "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0,
    "x = 1 \\ 2\n" },
  { "backslash at end of file",
    "x = 1 + \\", -1,
    "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1,
    "x = 1 + \\" },
  { "backslash at end of file, blank line",
    "x = 1\n   \\", -1,
    "SyntaxError", "unexpected EOF while parsing", 2, 0, 2, -1,
    "   \\" },
  { "invalid character",
    "x = 1 \342\202\254\n", -1,
    "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 7, 1, 7,
    "x = 1 \342\202\254" },
  { "invalid non-printable",
    "x = 1\302\240+ 2\n", -1,
    "SyntaxError", "invalid non-printable character U+00A0", 1, 6, 1, 6,
    "x = 1\302\240+ 2" },
  { "invalid decimal literal",
    "x = 1a\n", -1,
    "SyntaxError", "invalid decimal literal", 1, 5, 1, 5,
    "x = 1a" },
  { "invalid hexadecimal literal",
    "x = 0x\n", -1,
    "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6,
    "x = 0x" },
  { "invalid digit in octal",
    "x = 0o8\n", -1,
    "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 1, 7,
    "x = 0o8" },
  { "leading zeros",
    "x = 0123\n", -1,
    "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6,
    "x = 0123" },
  { "huge decimal literal",
    NULL, -1,
    "SyntaxError", "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", 1, 0, 1, 0,
    "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999\n" },
  { "generic invalid syntax",
    "x = 1 2\n", -1,
    "SyntaxError", "invalid syntax", 1, 7, 1, 8,
    "x = 1 2\n" },
  { "invalid syntax at end of line",
    "x = 1 +\n", -1,
    "SyntaxError", "invalid syntax", 1, 8, 1, 8,
    "x = 1 +\n" },
  { "invalid syntax at comment",
    "x = 1 + # c\n", -1,
    "SyntaxError", "invalid syntax", 1, 9, 1, 12,
    "x = 1 + # c\n" },
  { "else without if",
    "else:\n    pass\n", -1,
    "SyntaxError", "invalid syntax", 1, 1, 1, 5,
    "else:\n" },
  { "expected colon if",
    "if x\n    pass\n", -1,
    "SyntaxError", "expected ':'", 1, 5, 1, 5,
    "if x\n" },
  { "expected colon def",
    "def f()\n    pass\n", -1,
    "SyntaxError", "expected ':'", 1, 8, 1, 8,
    "def f()\n" },
  { "expected paren def",
    "def f:\n    pass\n", -1,
    "SyntaxError", "expected '('", 1, 6, 1, 7,
    "def f:\n" },
  { "expected colon class",
    "class A(B)\n    pass\n", -1,
    "SyntaxError", "expected ':'", 1, 11, 1, 11,
    "class A(B)\n" },
  { "expected colon with",
    "with a as b\n    pass\n", -1,
    "SyntaxError", "expected ':'", 1, 12, 1, 12,
    "with a as b\n" },
  { "expected colon except",
    "try:\n    pass\nexcept E\n    pass\n", -1,
    "SyntaxError", "expected ':'", 3, 9, 3, 9,
    "except E\n" },
  { "expected except or finally",
    "try:\n    pass\nx = 1\n", -1,
    "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 3, 2,
    "x = 1\n" },
  { "multiple exception types",
    "try:\n    pass\nexcept A, B:\n    pass\n", -1,
    "SyntaxError", "multiple exception types must be parenthesized", 3, 8, 3, 12,
    "except A, B:\n" },
  { "forgot a comma",
    "f(a b)\n", -1,
    "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6,
    "f(a b)\n" },
  { "forgot a comma in list",
    "x = [1, 2 3]\n", -1,
    "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12,
    "x = [1, 2 3]\n" },
  { "expected else",
    "x = 1 if y\n", -1,
    "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11,
    "x = 1 if y\n" },
  { "equals in condition",
    "if x = 1:\n    pass\n", -1,
    "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9,
    "if x = 1:\n" },
  { "assign to call here",
    "f() = 1\n", -1,
    "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4,
    "f() = 1\n" },
  { "assign to literal",
    "x = 1 = 2\n", -1,
    "SyntaxError", "cannot assign to literal", 1, 5, 1, 6,
    "x = 1 = 2\n" },
  { "assign to operator",
    "a + 1 = 2\n", -1,
    "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6,
    "a + 1 = 2\n" },
  { "assign in tuple",
    "a, f() = 1, 2\n", -1,
    "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, 1, 7,
    "a, f() = 1, 2\n" },
  { "assign to None",
    "None = 1\n", -1,
    "SyntaxError", "cannot assign to None", 1, 1, 1, 5,
    "None = 1\n" },
  { "augmented assign to tuple",
    "a, b += 1\n", -1,
    "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 5,
    "a, b += 1\n" },
  { "delete call",
    "del f()\n", -1,
    "SyntaxError", "cannot delete function call", 1, 5, 1, 8,
    "del f()\n" },
  { "for target",
    "for f() in x:\n    pass\n", -1,
    "SyntaxError", "cannot assign to function call", 1, 5, 1, 8,
    "for f() in x:\n" },
  { "with target",
    "with x as f():\n    pass\n", -1,
    "SyntaxError", "cannot assign to function call", 1, 11, 1, 14,
    "with x as f():\n" },
  { "print statement",
    "print 'hello'\n", -1,
    "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14,
    "print 'hello'\n" },
  { "keyword expression",
    "f(a.b=1)\n", -1,
    "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 1, 7,
    "f(a.b=1)\n" },
  { "keyword True",
    "f(True=1)\n", -1,
    "SyntaxError", "cannot assign to True", 1, 3, 1, 8,
    "f(True=1)\n" },
  { "positional after keyword",
    "f(a=1, b)\n", -1,
    "SyntaxError", "positional argument follows keyword argument", 1, 9, 1, 10,
    "f(a=1, b)\n" },
  { "unpacking after keyword unpacking",
    "f(**a, *b)\n", -1,
    "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9,
    "f(**a, *b)\n" },
  { "generator not parenthesized",
    "f(x for x in y, 1)\n", -1,
    "SyntaxError", "Generator expression must be parenthesized", 1, 3, 1, 15,
    "f(x for x in y, 1)\n" },
  { "starred group",
    "x = (*a)\n", -1,
    "SyntaxError", "cannot use starred expression here", 1, 6, 1, 8,
    "x = (*a)\n" },
  { "unpacking in comprehension",
    "x = [*a for a in b]\n", -1,
    "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 6, 1, 8,
    "x = [*a for a in b]\n" },
  { "comprehension target",
    "x = [a, b for a in c]\n", -1,
    "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 6, 1, 10,
    "x = [a, b for a in c]\n" },
  { "dict value missing",
    "x = {1:}\n", -1,
    "SyntaxError", "expression expected after dictionary key and ':'", 1, 7, 1, 8,
    "x = {1:}\n" },
  { "dict colon missing",
    "x = {1: 2, 3}\n", -1,
    "SyntaxError", "':' expected after dictionary key", 1, 12, 1, 0,
    "x = {1: 2, 3}\n" },
  { "non-default argument",
    "def f(a=1, b):\n    pass\n", -1,
    "SyntaxError", "non-default argument follows default argument", 1, 12, 1, 13,
    "def f(a=1, b):\n" },
  { "default missing",
    "def f(a=):\n    pass\n", -1,
    "SyntaxError", "expected default value expression", 1, 8, 1, 9,
    "def f(a=):\n" },
  { "walrus on attribute",
    "if (a.b := 1):\n    pass\n", -1,
    "SyntaxError", "cannot use assignment expressions with attribute", 1, 5, 1, 8,
    "if (a.b := 1):\n" },
  { "annotation of tuple",
    "a, b: int\n", -1,
    "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1, 2,
    "a, b: int\n" },
  { "yield assignment",
    "def f():\n    yield x = 1\n", -1,
    "SyntaxError", "assignment to yield expression not possible", 2, 5, 2, 12,
    "    yield x = 1\n" },
  { "trailing comma in import",
    "from x import a,\n", -1,
    "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17,
    "from x import a,\n" },
  { "f-string empty",
    "x = f'{}'\n", -1,
    "SyntaxError", "f-string: empty expression not allowed", 1, 10, 1, 10,
    "x = f'{}'\n" },
  { "f-string single brace",
    "x = f'a}b'\n", -1,
    "SyntaxError", "f-string: single '}' is not allowed", 1, 11, 1, 11,
    "x = f'a}b'\n" },
  { "f-string expecting brace",
    "x = f'{a'\n", -1,
    "SyntaxError", "f-string: expecting '}'", 1, 10, 1, 10,
    "x = f'{a'\n" },
  { "f-string backslash",
    "x = f'{a\\n}'\n", -1,
    "SyntaxError", "f-string expression part cannot include a backslash", 1, 13, 1, 13,
    "x = f'{a\\n}'\n" },
  { "f-string conversion",
    "x = f'{a!x}'\n", -1,
    "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13,
    "x = f'{a!x}'\n" },
  { "f-string bad expression",
    "x = f'{a b}'\n", -1,
    "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5,
    "(a b)\n" },
  { "f-string bad expression line 3",
    "x = 1\ny = 2\nz = f'{a b}'\n", -1,
    "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 3, 2, 3, 5,
    "(a b)\n" },
  { "truncated x escape",
    "x = '\\x4'\n", -1,
    "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, 1, 10,
    "x = '\\x4'\n" },
  { "bytes non-ASCII",
    "x = b'\303\251'\n", -1,
    "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5, 1, 10,
    "x = b'\303\251'\n" },
  { "bytes and str",
    "x = b'a' 'b'\n", -1,
    "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13, 1, 13,
    "x = b'a' 'b'\n" },
  { "return outside function",
    "return 1\n", -1,
    "SyntaxError", "'return' outside function", 1, 1, 1, 9,
    "return 1\n" },
  { "yield outside function",
    "x = (yield)\n", -1,
    "SyntaxError", "'yield' outside function", 1, 6, 1, 11,
    "x = (yield)\n" },
  { "break outside loop",
    "break\n", -1,
    "SyntaxError", "'break' outside loop", 1, 1, 1, 6,
    "break\n" },
  { "continue outside loop",
    "def f():\n    continue\n", -1,
    "SyntaxError", "'continue' not properly in loop", 2, 5, 2, 13,
    "    continue\n" },
  { "break in def in loop",
    "while x:\n    def f():\n        break\n", -1,
    "SyntaxError", "'break' outside loop", 3, 9, 3, 14,
    "        break\n" },
  { "nonlocal at module level",
    "nonlocal x\n", -1,
    "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1, 1, 11,
    "nonlocal x\n" },
  { "duplicate argument",
    "def f(a, a):\n    pass\n", -1,
    "SyntaxError", "duplicate argument 'a' in function definition", 1, 10, 1, 11,
    "def f(a, a):\n" },
  { "keyword repeated",
    "f(a=1, a=2)\n", -1,
    "SyntaxError", "keyword argument repeated: a", 1, 8, 1, 11,
    "f(a=1, a=2)\n" },
  { "assign to __debug__",
    "__debug__ = 1\n", -1,
    "SyntaxError", "cannot assign to __debug__", 1, 1, 1, 10,
    "__debug__ = 1\n" },
  { "starred expression",
    "*a\n", -1,
    "SyntaxError", "can't use starred expression here", 1, 1, 1, 3,
    "*a\n" },
  { "yield in comprehension",
    "def f():\n    return [(yield x) for x in y]\n", -1,
    "SyntaxError", "'yield' inside list comprehension", 2, 14, 2, 21,
    "    return [(yield x) for x in y]\n" },
  { "await outside async",
    "def f():\n    await x\n", -1,
    "SyntaxError", "'await' outside async function", 2, 5, 2, 12,
    "    await x\n" },
  { "non-ASCII offsets stay bytes",
    "\303\251 = 1 2\n", -1,
    "SyntaxError", "invalid syntax", 1, 8, 1, 9,
    "\303\251 = 1 2\n" },
  { "cookie makes offsets characters",
    "# -*- coding: utf-8 -*-\n\303\251 = 1 2\n", -1,
    "SyntaxError", "invalid syntax", 2, 7, 2, 8,
    "\303\251 = 1 2\n" },
  { "crlf",
    "x = 1\r\ny = 1 2\r\n", -1,
    "SyntaxError", "invalid syntax", 2, 7, 2, 8,
    "y = 1 2\n" },
  { "no binding for nonlocal",
    "def f():\n    nonlocal x\n", -1,
    "SyntaxError", "no binding for nonlocal 'x' found", 2, 5, 2, 15,
    "    nonlocal x\n" },
  { "nonlocal of a global",
    "x = 1\ndef f():\n    nonlocal x\n", -1,
    "SyntaxError", "no binding for nonlocal 'x' found", 3, 5, 3, 15,
    "    nonlocal x\n" },
  { "assigned before global",
    "def f():\n    x = 1\n    global x\n", -1,
    "SyntaxError", "name 'x' is assigned to before global declaration", 3, 5, 3, 13,
    "    global x\n" },
  { "used prior to global",
    "def f():\n    print(x)\n    global x\n", -1,
    "SyntaxError", "name 'x' is used prior to global declaration", 3, 5, 3, 13,
    "    global x\n" },
  { "parameter and global",
    "def f(x):\n    global x\n", -1,
    "SyntaxError", "name 'x' is parameter and global", 2, 5, 2, 13,
    "    global x\n" },
  { "nonlocal and global",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n", -1,
    "SyntaxError", "name 'x' is nonlocal and global", 4, 9, 4, 17,
    "        global x\n" },
  { "duplicate argument in lambda",
    "f = lambda a, *a: 1\n", -1,
    "SyntaxError", "duplicate argument 'a' in function definition", 1, 16, 1, 17,
    "f = lambda a, *a: 1\n" },
  { "symtable errors come first",
    "return\ndef f(a, a): pass\n", -1,
    "SyntaxError", "duplicate argument 'a' in function definition", 2, 10, 2, 11,
    "def f(a, a): pass\n" },
  { "names that prefix a soft keyword",
    "f(c d)\n", -1,
    "SyntaxError", "invalid syntax", 1, 5, 1, 6,
    "f(c d)\n" },
  { "soft keyword prefix in a comprehension",
    "x = [m.name for m inws]\n", -1,
    "SyntaxError", "invalid syntax", 1, 19, 1, 23,
    "x = [m.name for m inws]\n" },
  { "long line: CPython keeps its end",
    NULL, -1,
    "SyntaxError", "invalid syntax", 1, 1896, 1, 1897,
    " 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398, 399] 1\n" },
};

static char *
big_source (const char *name)
{
  if (strcmp (name, "too many nested parens") == 0)
    return repeat ("x = ", "(", 201, "1", ")", "\n");
  if (strcmp (name, "huge decimal literal") == 0)
    return repeat ("x = ", "9", 4301, "\n", NULL, "");
  if (strcmp (name, "long line: CPython keeps its end") == 0)
    {
      GString *s = g_string_new ("x = [");
      for (int i = 0; i < 400; i++)
        g_string_append_printf (s, i ? ", %d" : "%d", i);
      g_string_append (s, "] 1\n");
      return g_string_free (s, FALSE);
    }
  if (strcmp (name, "too many levels of indentation") == 0)
    {
      GString *s = g_string_new (NULL);
      for (int i = 0; i <= 100; i++)
        {
          for (int j = 0; j < i; j++)
            g_string_append (s, "    ");
          g_string_append (s, i < 100 ? "if x:\n" : "pass\n");
        }
      return g_string_free (s, FALSE);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_errors_like_python (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *built = error_cases[i].source ? NULL : big_source (error_cases[i].name);
      const char *source = error_cases[i].source ? error_cases[i].source : built;
      g_autoptr (ReclaimSyntaxError) e = error_of (source, error_cases[i].length, "test.py");

      g_test_message ("case '%s'", error_cases[i].name);
      g_assert_nonnull (e);
      g_assert_cmpstr (reclaim_syntax_error_kind_name (e->kind), ==, error_cases[i].kind);
      g_assert_cmpstr (e->message, ==, error_cases[i].message);
      g_assert_cmpint (e->line, ==, error_cases[i].line);
      g_assert_cmpint (e->column, ==, error_cases[i].column);
      g_assert_cmpint (e->end_line, ==, error_cases[i].end_line);
      g_assert_cmpint (e->end_column, ==, error_cases[i].end_column);
      g_assert_cmpstr (e->text, ==, error_cases[i].text);
    }
}

/* The whole message as python3 prints it (copied from its stderr). */
static void
test_errors_rendered (void)
{
  static const struct { const char *source; gssize length; const char *printed; } cases[] = {
    { "x = (1,\n", -1,
      "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n" },
    { "f() = 1\n", -1,
      "  File \"t.py\", line 1\n    f() = 1\n    ^^^\n"
      "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n" },
    /* the grammar names a non-default parameter only right after the defaults */
    { "lambda a, /, b=1, c: 0\n", -1,
      "  File \"t.py\", line 1\n    lambda a, /, b=1, c: 0\n                       ^\nSyntaxError: invalid syntax\n" },
    { "def f(a, b=1, /, c): pass\n", -1,
      "  File \"t.py\", line 1\n    def f(a, b=1, /, c): pass\n                     ^\n"
      "SyntaxError: non-default argument follows default argument\n" },
    /* the messages for a second `*` and for parentheses need what the
     * grammar's rules match; otherwise it is plain invalid syntax */
    { "def f(*, a, *): pass\n", -1,
      "  File \"t.py\", line 1\n    def f(*, a, *): pass\n                ^\nSyntaxError: invalid syntax\n" },
    { "def f(*a, b=1, *, c): pass\n", -1,
      "  File \"t.py\", line 1\n    def f(*a, b=1, *, c): pass\n                   ^\n"
      "SyntaxError: * argument may appear only once\n" },
    { "def f(*, (a)): pass\n", -1,
      "  File \"t.py\", line 1\n    def f(*, (a)): pass\n             ^\nSyntaxError: invalid syntax\n" },
    { "def f(a, *, a): pass\n", -1,
      "  File \"t.py\", line 1\n    def f(a, *, a): pass\n                ^\n"
      "SyntaxError: duplicate argument 'a' in function definition\n" },
    { "    x = 1\n", -1,
      "  File \"t.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n" },
    { "if x:\n        a\n    b\n", -1,
      "  File \"t.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n" },
    { "f(x for x in y,\n  1)\n", -1,
      "  File \"t.py\", line 1\n    f(x for x in y,\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n" },
    { "x = f\"{a b}\"\n", -1,
      "  File \"t.py\", line 1\n    (a b)\n     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n" },
    { "def f():\n\tif x:\n\t\treturn 1 2\n", -1,
      "  File \"t.py\", line 3\n    return 1 2\n             ^\nSyntaxError: invalid syntax\n" },
    { "x = 1 +", -1,
      "  File \"t.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n" },
    { "x = \"\"\"abc\n", -1,
      "  File \"t.py\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 1)\n" },
    { "f(a,\n  b c)\n", -1,
      "  File \"t.py\", line 2\n    b c)\n    ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n" },
    { "x = [a,\n     b for b in c]\n", -1,
      "  File \"t.py\", line 1\n    x = [a,\n         ^^\nSyntaxError: did you forget parentheses around the comprehension target?\n" },
    { "x = 1\n\nreturn x\n", -1,
      "  File \"t.py\", line 3\n    return x\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n" },
    { "y = (1 +\n     2) = 3\n", -1,
      "  File \"t.py\", line 1\n    y = (1 +\n         ^^^\nSyntaxError: cannot assign to expression\n" },
    { "x = 1\nab\0cd\n", 12,
      "  File \"t.py\", line 2\n    ab\nSyntaxError: source code cannot contain null bytes\n" },
    { "x = \"caf\xE9\"\n", -1,
      "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 1, but no encoding declared; "
      "see https://peps.python.org/pep-0263/ for details\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ReclaimSyntaxError) e = error_of (cases[i].source, cases[i].length, "t.py");
      g_autofree char *printed = NULL;

      g_assert_nonnull (e);
      printed = reclaim_syntax_error_format (e, "t.py");
      g_assert_cmpstr (printed, ==, cases[i].printed);
    }
}

/* ------------------------------------------------------------------ */
/* valid Python that Reclaim refuses: reported only if nothing else is wrong */

static void
test_not_supported (void)
{
  static const struct { const char *source, *what; int line, column; } cases[] = {
    { "async def f(): pass\n", "async functions", 1, 1 },
    { "async def f():\n    await x\n", "async functions", 1, 1 },
    { "match x:\n    case 1:\n        pass\n", "match statements", 1, 1 },
    { "class A(metaclass=M): pass\n", "class keywords", 1, 9 },
    { "def f(*a: *b): pass\n", "a starred annotation", 1, 11 },
    { "x = 1j\n", "complex numbers", 1, 5 },
    { "x = '\\N{BULLET}'\n", "\\N{...} escapes", 1, 5 },
    { "try:\n    pass\nexcept* E:\n    pass\n", "except*", 3, 1 },
    { "x = [i async for i in y]\n", "async comprehensions", 1, 8 },
    { "# -*- coding: latin-1 -*-\nx = 1\n", "encoding declaration 'latin-1' (scripts are UTF-8)", 1, 0 },
    /* CPython rejects these itself: its errors, not Reclaim's */
    { "def f():\n    await x\n", NULL, 0, 0 },
    { "@d\ndef f(): pass\nx = (\n", NULL, 0, 0 },
    { "a, *b = c\nreturn\n", NULL, 0, 0 },
    { "a, *b, *c = d\n", NULL, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ReclaimSyntaxError) e = error_of (cases[i].source, -1, "t.py");
      g_autofree char *expected = NULL;

      g_assert_nonnull (e);
      if (cases[i].what == NULL)
        {
          g_assert_cmpint (e->kind, !=, RECLAIM_ERROR_NOT_SUPPORTED);
          continue;
        }
      expected = g_strdup_printf ("not supported in Reclaim: %s", cases[i].what);
      g_assert_cmpint (e->kind, ==, RECLAIM_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (e->message, ==, expected);
      g_assert_cmpint (e->line, ==, cases[i].line);
      g_assert_cmpint (e->column, ==, cases[i].column);
    }
}

/* ------------------------------------------------------------------ */
/* hostile input */

/* Each file of malformed/ gives what python3 gives (expected.txt). */
static void
test_malformed_files (void)
{
  g_autofree char *dir = g_build_filename (LANG_TEST_SRCDIR, "malformed", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.txt", NULL);
  g_autofree char *expected = NULL;
  g_auto (GStrv) lines = NULL;
  guint checked = 0;
  GDir *d;
  const char *name;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;
      g_autoptr (ReclaimSyntaxError) e = NULL;
      GString *m;
      gsize length;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      path = g_build_filename (dir, f[0], NULL);
      g_test_message ("file %s", f[0]);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      e = error_of (contents, (gssize) length, path);
      checked++;
      if (strcmp (f[1], "OK") == 0)
        {
          g_assert_null (e);
          continue;
        }
      g_assert_cmpuint (g_strv_length (f), ==, 8);
      g_assert_nonnull (e);
      m = g_string_new (f[2]);
      g_string_replace (m, "{file}", path, 0);
      message = g_string_free (m, FALSE);
      text = unescape (f[7]);
      g_assert_cmpstr (reclaim_syntax_error_kind_name (e->kind), ==, f[1]);
      g_assert_cmpstr (e->message, ==, message);
      g_assert_cmpint (e->line, ==, atoi (f[3]));
      g_assert_cmpint (e->column, ==, atoi (f[4]));
      g_assert_cmpint (e->end_line, ==, atoi (f[5]));
      g_assert_cmpint (e->end_column, ==, atoi (f[6]));
      if (strcmp (f[7], "None") == 0)
        g_assert_null (e->text);
      else
        g_assert_cmpstr (e->text, ==, text);
    }

  /* no file is left without an expectation */
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      {
        g_autofree char *row = g_strconcat (name, "\t", NULL);
        g_assert_nonnull (strstr (expected, row));
      }
  g_dir_close (d);
  g_assert_cmpuint (checked, >=, 30);
}

/* What python3 3.11.7 gives for very deep nesting. */
static void
test_deep_nesting (void)
{
  g_autofree char *parens = repeat ("x = ", "(", 10000, "1", ")", "\n");
  g_autofree char *lists = repeat ("x = ", "[", 10000, "", "]", "\n");
  g_autofree char *braces = repeat ("x = ", "{", 10000, "", "}", "\n");
  g_autofree char *parens200 = repeat ("x = ", "(", 200, "1", ")", "\n");
  g_autofree char *neg = repeat ("x = ", "-", 10000, "1", NULL, "\n");
  g_autofree char *neg_ok = repeat ("x = ", "-", 2998, "1", NULL, "\n");
  g_autofree char *neg_deep = repeat ("x = ", "-", 2999, "1", NULL, "\n");
  g_autofree char *nots = repeat ("x = ", "not ", 10000, "1", NULL, "\n");
  g_autofree char *lambdas = repeat ("x = ", "lambda: ", 10000, "1", NULL, "\n");
  g_autofree char *powers = repeat ("x = ", "a**", 10000, "1", NULL, "\n");
  g_autofree char *ifexp = repeat ("x = 1", " if 1 else 1", 10000, "", NULL, "\n");
  g_autofree char *sums = repeat ("x = 1", " + 1", 100000, "", NULL, "\n");
  g_autofree char *attrs = repeat ("x = a", ".b", 100000, "", NULL, "\n");
  g_autofree char *calls = repeat ("x = a", "()", 50000, "", NULL, "\n");
  g_autofree char *ands = repeat ("x = 1", " and 1", 100000, "", NULL, "\n");
  g_autofree char *comma = repeat ("x = ", "[", 150, "1 2", "]", "\n");
  g_autofree char *eq = repeat ("x = ", "[", 150, "a = 1", "]", "\n");
  GString *ifs = g_string_new (NULL);
  static const int depths[] = { 99, 100, 1000, 10000 };

  assert_error (parens, RECLAIM_ERROR_SYNTAX, "too many nested parentheses", 1, 205);
  assert_error (lists, RECLAIM_ERROR_SYNTAX, "too many nested parentheses", 1, 205);
  assert_error (braces, RECLAIM_ERROR_SYNTAX, "too many nested parentheses", 1, 205);
  assert_parses (parens200);
  assert_error (neg, RECLAIM_ERROR_MEMORY, "", -1, -1);
  assert_parses (neg_ok);
  assert_error (neg_deep, RECLAIM_ERROR_RECURSION, "maximum recursion depth exceeded during compilation", -1, -1);
  assert_error (nots, RECLAIM_ERROR_MEMORY, "", -1, -1);
  assert_error (lambdas, RECLAIM_ERROR_MEMORY, "", -1, -1);
  assert_error (powers, RECLAIM_ERROR_MEMORY, "", -1, -1);
  assert_error (ifexp, RECLAIM_ERROR_MEMORY, "", -1, -1);
  assert_error (sums, RECLAIM_ERROR_RECURSION, "maximum recursion depth exceeded during compilation", -1, -1);
  assert_error (attrs, RECLAIM_ERROR_RECURSION, "maximum recursion depth exceeded during compilation", -1, -1);
  assert_error (calls, RECLAIM_ERROR_RECURSION, "maximum recursion depth exceeded during compilation", -1, -1);
  assert_parses (ands);
  /* the second pass looks everywhere for a specific message, quickly */
  assert_error (comma, RECLAIM_ERROR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 155);
  assert_error (eq, RECLAIM_ERROR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 155);

  /* 99 nested blocks are fine, the 100th indentation level is not */
  for (guint k = 0; k < G_N_ELEMENTS (depths); k++)
    {
      int n = depths[k];
      g_string_truncate (ifs, 0);
      for (int i = 0; i <= n; i++)
        {
          for (int j = 0; j < i; j++)
            g_string_append (ifs, "    ");
          g_string_append (ifs, i < n ? "if x:\n" : "pass\n");
        }
      if (n == 99)
        assert_parses (ifs->str);
      else
        assert_error (ifs->str, RECLAIM_ERROR_INDENTATION, "too many levels of indentation", 101, 1);
    }
  g_string_free (ifs, TRUE);
}

/* A megabyte on one line, and a megabyte of statements. */
static void
test_large_inputs (void)
{
  GString *line = g_string_new ("x = [");
  GString *lines = g_string_new (NULL);
  g_autofree char *long_name = repeat ("", "a", 1024 * 1024, " = 1\n", NULL, "");
  int i = 0;

  while (line->len < 1024 * 1024)
    g_string_append_printf (line, "%d, ", i++);
  g_string_append (line, "]\n");
  assert_parses (line->str);

  for (i = 0; lines->len < 1024 * 1024; i++)
    g_string_append_printf (lines, "def f%d(a, b=1, *c, **d):\n    return [x * %d for x in a if x] + f'{b!r}'\n", i, i);
  assert_parses (lines->str);

  assert_parses (long_name);

  /* a megabyte of unterminated string */
  g_string_assign (line, "x = '");
  while (line->len < 1024 * 1024)
    g_string_append (line, "abcdefgh");
  assert_error (line->str, RECLAIM_ERROR_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5);

  g_string_free (line, TRUE);
  g_string_free (lines, TRUE);
}

/* Every prefix of a program, and random damage to it: an answer each
 * time, never a crash (run under AddressSanitizer to mean more). */
static void
test_truncated_and_damaged (void)
{
  static const char program[] =
    "import gc, weakref\n"
    "class Node:\n"
    "    def __init__(self, name, *kids, **opts):\n"
    "        self.name = name; self.kids = [k for k in kids if k]\n"
    "    def __repr__(self):\n"
    "        return f'<{self.name!r:>{10}} {len(self.kids)}>'\n"
    "a, b = Node('a'), Node(\"b\")\n"
    "a.other = b; b.other = a\n"
    "r = weakref.ref(a, lambda w, n='a': print('died', n))\n"
    "try:\n"
    "    del a, b\n"
    "except (NameError, KeyError) as e:\n"
    "    raise RuntimeError('x') from e\n"
    "finally:\n"
    "    print('L12:', (g := gc.collect()) or None, {1: 2, **{}}, {3}, (4,), 0x1f)\n"
    "while True:\n"
    "\tbreak\n"
    "'''doc\n"
    "string'''\n";
  static const char alphabet[] = "()[]{}:;,.=+-*/\\'\"#\t\n \0\xC3\xFF" "aZ0_f@!";
  gsize n = sizeof program - 1;
  GRand *rand = g_rand_new_with_seed (20231005);

  for (gsize len = 0; len <= n; len++)
    {
      g_autoptr (ReclaimSyntaxError) e = NULL;
      ReclaimNode *m = reclaim_parse (program, (gssize) len, "t.py", &e);
      g_assert_true ((m == NULL) != (e == NULL));
      reclaim_ast_free (m);
    }

  for (int round = 0; round < 3000; round++)
    {
      g_autofree char *copy = g_memdup2 (program, n);
      g_autoptr (ReclaimSyntaxError) e = NULL;
      ReclaimNode *m;
      int damage = g_rand_int_range (rand, 1, 4);

      for (int k = 0; k < damage; k++)
        copy[g_rand_int_range (rand, 0, (gint32) n)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      m = reclaim_parse (copy, (gssize) n, "t.py", &e);
      g_assert_true ((m == NULL) != (e == NULL));
      if (e)
        {
          g_autofree char *printed = reclaim_syntax_error_format (e, "t.py");
          g_assert_nonnull (e->message);
          g_assert_cmpint (e->line, >=, 0);
          g_assert_nonnull (printed);
        }
      reclaim_ast_free (m);
    }
  g_rand_free (rand);
}

/* ------------------------------------------------------------------ */

static int
parse_file_command (const char *path, gboolean positions)
{
  g_autofree char *source = NULL;
  g_autoptr (ReclaimSyntaxError) error = NULL;
  gsize length;
  ReclaimNode *module;

  if (!g_file_get_contents (path, &source, &length, NULL))
    return 2;
  module = reclaim_parse (source, (gssize) length, path, &error);
  if (module != NULL && positions)
    {
      GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
      collect_positions (module, rows);
      g_ptr_array_sort (rows, compare_strings);
      for (guint i = 0; i < rows->len; i++)
        printf ("%s", (const char *) rows->pdata[i]);
      g_ptr_array_unref (rows);
      reclaim_ast_free (module);
    }
  else if (module != NULL)
    {
      g_autofree char *dump = reclaim_ast_dump (module);
      printf ("%s\n", dump);
      reclaim_ast_free (module);
    }
  else
    {
      g_autofree char *row = error_row (error);
      g_autofree char *printed = reclaim_syntax_error_format (error, path);
      printf ("ATTR\t%s\n%s", row, printed);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--parse") == 0)
    return parse_file_command (argv[2], FALSE);
  if (argc == 3 && strcmp (argv[1], "--positions") == 0)
    return parse_file_command (argv[2], TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lang/lexer/tokens", test_lexer_tokens);
  g_test_add_func ("/lang/lexer/positions", test_lexer_positions);
  g_test_add_func ("/lang/lexer/tabs", test_lexer_tabs);
  g_test_add_func ("/lang/parser/constructs", test_parse_constructs);
  g_test_add_func ("/lang/parser/positions", test_parse_positions);
  g_test_add_func ("/lang/parser/positions-like-python", test_parse_positions_like_python);
  g_test_add_func ("/lang/parser/contexts", test_parse_contexts);
  g_test_add_func ("/lang/parser/constants", test_parse_constants);
  g_test_add_func ("/lang/parser/empty-and-comments", test_empty_and_comments);
  g_test_add_func ("/lang/errors/like-python", test_errors_like_python);
  g_test_add_func ("/lang/errors/rendered", test_errors_rendered);
  g_test_add_func ("/lang/errors/not-supported", test_not_supported);
  g_test_add_func ("/lang/hostile/malformed-files", test_malformed_files);
  g_test_add_func ("/lang/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/lang/hostile/large-inputs", test_large_inputs);
  g_test_add_func ("/lang/hostile/truncated-and-damaged", test_truncated_and_damaged);

  return g_test_run ();
}
