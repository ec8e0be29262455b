/* reclaim-str-case.c: the methods of str that change case or pad, and
 * the is...() predicates.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-builtins-private.h"

#include <string.h>

static const char *
utf8 (ReclaimValue s, gsize *len)
{
  return scalar_get_str (s, len);
}

static ReclaimValue
str_take (char *utf8)
{
  ReclaimValue v = scalar_str (utf8, -1);
  g_free (utf8);
  return v;
}

typedef enum { CASE_UPPER, CASE_LOWER, CASE_CASEFOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

static gboolean
is_cased (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_islower (c) || g_unichar_istitle (c);
}

static ReclaimValue
change_case (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name, CaseOp op)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  const char *s = utf8 (self, &len);
  switch (op)
    {
    case CASE_UPPER:
      return str_take (g_utf8_strup (s, len));
    case CASE_LOWER:
      return str_take (g_utf8_strdown (s, len));
    case CASE_CASEFOLD:
      return str_take (g_utf8_casefold (s, len));
    default:
      break;
    }
  GString *out = g_string_new (NULL);
  gboolean previous_cased = FALSE, first = TRUE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      char *mapped = NULL;
      if (op == CASE_SWAP)
        mapped = g_unichar_isupper (c) ? g_utf8_strdown (p, next - p)
               : g_unichar_islower (c) ? g_utf8_strup (p, next - p) : NULL;
      else if (op == CASE_TITLE ? !previous_cased : first)
        {
          char buf[8];
          buf[g_unichar_to_utf8 (g_unichar_totitle (c), buf)] = '\0';
          mapped = g_strdup (buf);
        }
      else
        mapped = g_utf8_strdown (p, next - p);
      if (mapped)
        g_string_append (out, mapped);
      else
        g_string_append_len (out, p, next - p);
      g_free (mapped);
      previous_cased = is_cased (c);
      first = FALSE;
    }
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

#define CASE_METHOD(fn, name, op)                                                                        \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return change_case (interp, self, nargs, nkw, name, op);                                             \
  }

CASE_METHOD (str_upper, "str.upper", CASE_UPPER)
CASE_METHOD (str_lower, "str.lower", CASE_LOWER)
CASE_METHOD (str_casefold, "str.casefold", CASE_CASEFOLD)
CASE_METHOD (str_swapcase, "str.swapcase", CASE_SWAP)
CASE_METHOD (str_title, "str.title", CASE_TITLE)
CASE_METHOD (str_capitalize, "str.capitalize", CASE_CAPITALIZE)

/* center, ljust, rjust: (width, fillchar=' ') */
static ReclaimValue
pad_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
            const char *name, char align)
{
  gint64 width;
  if (!builtins_check (interp, name, ARGS_CLINIC, nargs, 1, 2, nkw, FALSE) ||
      !builtins_index (interp, args[0], &width))
    return LANG_ERROR;
  gunichar fill = ' ';
  if (nargs > 1)
    {
      if (!builtins_is_str (args[1]))
        return lang_raise (interp, "TypeError", "The fill character must be a unicode character, not %s",
                           lang_type_name (interp, args[1]));
      if (builtins_str_len (args[1]) != 1)
        return lang_raise (interp, "TypeError", "The fill character must be exactly one character long");
      fill = g_utf8_get_char (utf8 (args[1], NULL));
    }
  glong len = builtins_str_len (self);
  if (width <= len)
    return self;
  if (!builtins_check_size (interp, width))
    return LANG_ERROR;
  gint64 marg = width - len, left;
  if (align == '<')
    left = 0;
  else if (align == '>')
    left = marg;
  else
    left = marg / 2 + (marg & width & 1);
  char fill_utf8[8];
  int fill_len = g_unichar_to_utf8 (fill, fill_utf8);
  GString *out = g_string_new (NULL);
  for (gint64 i = 0; i < left; i++)
    g_string_append_len (out, fill_utf8, fill_len);
  g_string_append (out, utf8 (self, NULL));
  for (gint64 i = left; i < marg; i++)
    g_string_append_len (out, fill_utf8, fill_len);
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

static ReclaimValue
str_center (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return pad_common (interp, self, nargs, args, nkw, "str.center", '^');
}

static ReclaimValue
str_ljust (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return pad_common (interp, self, nargs, args, nkw, "str.ljust", '<');
}

static ReclaimValue
str_rjust (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return pad_common (interp, self, nargs, args, nkw, "str.rjust", '>');
}

static ReclaimValue
str_zfill (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  gint64 width;
  if (!builtins_check (interp, "str.zfill", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      !builtins_index (interp, args[0], &width))
    return LANG_ERROR;
  gsize len;
  const char *s = utf8 (self, &len);
  gint64 fill = width - (gint64) builtins_str_len (self);
  if (fill <= 0)
    return self;
  if (!builtins_check_size (interp, width))
    return LANG_ERROR;
  GString *out = g_string_new (NULL);
  gboolean sign = len > 0 && (s[0] == '+' || s[0] == '-');
  if (sign)
    g_string_append_c (out, s[0]);
  for (gint64 i = 0; i < fill; i++)
    g_string_append_c (out, '0');
  g_string_append_len (out, s + sign, len - sign);
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

/* str.expandtabs, and bytes.expandtabs, one column a byte */
ReclaimValue
builtins_text_expandtabs (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "tabsize", NULL };
  if (!builtins_only_keywords (interp, "expandtabs", nkw, kwnames, allowed) ||
      !builtins_check (interp, "expandtabs", ARGS_KEYWORDS, nargs + nkw, 0, 1, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue size_arg = lang_arg (nargs, args, nkw, kwnames, 0, "tabsize");
  gint64 tabsize = 8;
  if (size_arg && !builtins_index (interp, size_arg, &tabsize))
    return LANG_ERROR;
  /* the tab size is a C int in CPython */
  if (tabsize > G_MAXINT || tabsize < G_MININT)
    return lang_raise (interp, "OverflowError", "Python int too large to convert to C int");
  gboolean bytes = scalar_type (self) == SCALAR_BYTES;
  gsize len;
  const char *s = bytes ? (const char *) scalar_get_bytes (self, &len) : utf8 (self, &len);
  if (!builtins_check_size (interp, MAX (tabsize, 1) * (gint64) (bytes ? (glong) len : builtins_str_len (self))))
    return LANG_ERROR;
  GString *out = g_string_new (NULL);
  gint64 column = 0;
  for (const char *p = s, *next; p < s + len; p = next)
    {
      next = bytes ? p + 1 : g_utf8_next_char (p);
      gunichar c = bytes ? (guint8) *p : g_utf8_get_char (p);
      if (c == '\t')
        {
          if (tabsize > 0)
            {
              gint64 spaces = tabsize - column % tabsize;
              for (gint64 i = 0; i < spaces; i++)
                g_string_append_c (out, ' ');
              column += spaces;
            }
          continue;
        }
      g_string_append_len (out, p, next - p);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  ReclaimValue r = bytes ? scalar_bytes ((const guint8 *) out->str, out->len) : scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

/* ---- predicates ------------------------------------------------------------------------- */

typedef gboolean (*CharTest) (gunichar c);

static gboolean
is_decimal (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER;
}

static gboolean
is_digit (gunichar c)
{
  /* Numeric_Type=Digit: the decimals, superscripts and circled digits */
  return is_decimal (c) || c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 &&
         c != 0x2072 && c != 0x2073) || (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) ||
         (c >= 0x2474 && c <= 0x247c) || (c >= 0x2488 && c <= 0x2490) || (c >= 0x24f5 && c <= 0x24fd) ||
         c == 0x24ea || c == 0x24ff || (c >= 0x2776 && c <= 0x277e) || (c >= 0x2780 && c <= 0x2788) ||
         (c >= 0x278a && c <= 0x2792);
}

static gboolean
is_numeric (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return is_digit (c) || t == G_UNICODE_LETTER_NUMBER || t == G_UNICODE_OTHER_NUMBER;
}

static gboolean
is_alpha (gunichar c)
{
  return g_unichar_isalpha (c);
}

static gboolean
is_alnum (gunichar c)
{
  return g_unichar_isalpha (c) || is_numeric (c);
}

static gboolean
is_ascii (gunichar c)
{
  return c < 0x80;
}

/* All characters pass; an empty str is FALSE unless empty_ok. */
static ReclaimValue
all_chars (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name, CharTest test,
           gboolean empty_ok)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  const char *s = utf8 (self, &len);
  if (len == 0)
    return scalar_bool (empty_ok);
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    if (!test (g_utf8_get_char (p)))
      return scalar_bool (FALSE);
  return scalar_bool (TRUE);
}

#define PREDICATE(fn, name, test, empty_ok)                                                              \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return all_chars (interp, self, nargs, nkw, name, test, empty_ok);                                   \
  }

PREDICATE (str_isdigit, "str.isdigit", is_digit, FALSE)
PREDICATE (str_isdecimal, "str.isdecimal", is_decimal, FALSE)
PREDICATE (str_isnumeric, "str.isnumeric", is_numeric, FALSE)
PREDICATE (str_isalpha, "str.isalpha", is_alpha, FALSE)
PREDICATE (str_isalnum, "str.isalnum", is_alnum, FALSE)
PREDICATE (str_isspace, "str.isspace", builtins_unichar_isspace, FALSE)
PREDICATE (str_isascii, "str.isascii", is_ascii, TRUE)
PREDICATE (str_isprintable, "str.isprintable", reclaim_unichar_is_printable, TRUE)

gboolean
builtins_case_scan_step (BuiltinsCaseScan *scan, gboolean upper, gboolean lower)
{
  if ((scan->which == 'u' && lower) || (scan->which == 'l' && upper))
    return FALSE;
  if (scan->which == 't')
    {
      if ((upper && scan->previous_cased) || (lower && !scan->previous_cased))
        return FALSE;
      scan->previous_cased = upper || lower;
    }
  scan->cased = scan->cased || upper || lower;
  return TRUE;
}

/* isupper / islower / istitle: about the cased characters only */
static ReclaimValue
case_predicate (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name, char which)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  BuiltinsCaseScan scan = { .which = which };
  gsize len;
  const char *s = utf8 (self, &len);
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!builtins_case_scan_step (&scan, g_unichar_isupper (c) || g_unichar_istitle (c), g_unichar_islower (c)))
        return scalar_bool (FALSE);
    }
  return scalar_bool (scan.cased);
}

static ReclaimValue
str_isupper (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return case_predicate (interp, self, nargs, nkw, "str.isupper", 'u');
}

static ReclaimValue
str_islower (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return case_predicate (interp, self, nargs, nkw, "str.islower", 'l');
}

static ReclaimValue
str_istitle (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return case_predicate (interp, self, nargs, nkw, "str.istitle", 't');
}

static gboolean
identifier_start (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return c == '_' || g_unichar_isalpha (c) || t == G_UNICODE_LETTER_NUMBER;
}

static gboolean
identifier_continue (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return identifier_start (c) || t == G_UNICODE_DECIMAL_NUMBER || t == G_UNICODE_NON_SPACING_MARK ||
         t == G_UNICODE_SPACING_MARK || t == G_UNICODE_CONNECT_PUNCTUATION;
}

static ReclaimValue
str_isidentifier (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "str.isidentifier", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  const char *s = utf8 (self, &len);
  if (len == 0 || !identifier_start (g_utf8_get_char (s)))
    return scalar_bool (FALSE);
  for (const char *p = g_utf8_next_char (s); p < s + len; p = g_utf8_next_char (p))
    if (!identifier_continue (g_utf8_get_char (p)))
      return scalar_bool (FALSE);
  return scalar_bool (TRUE);
}

const LangMethodDef builtins_str_case_methods[] = {
  { "upper", str_upper },
  { "lower", str_lower },
  { "casefold", str_casefold },
  { "swapcase", str_swapcase },
  { "title", str_title },
  { "capitalize", str_capitalize },
  { "center", str_center },
  { "ljust", str_ljust },
  { "rjust", str_rjust },
  { "zfill", str_zfill },
  { "expandtabs", builtins_text_expandtabs },
  { "maketrans", builtins_str_maketrans },
  { "translate", builtins_str_translate },
  { "isdigit", str_isdigit },
  { "isdecimal", str_isdecimal },
  { "isnumeric", str_isnumeric },
  { "isalpha", str_isalpha },
  { "isalnum", str_isalnum },
  { "isspace", str_isspace },
  { "isascii", str_isascii },
  { "isprintable", str_isprintable },
  { "isupper", str_isupper },
  { "islower", str_islower },
  { "istitle", str_istitle },
  { "isidentifier", str_isidentifier },
  { NULL }
};
