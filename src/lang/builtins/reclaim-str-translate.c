/* reclaim-str-translate.c: str.maketrans() and str.translate().
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A translation table is any object indexed by code points: maketrans()
 * makes a dict of them, and translate() asks the table for each character
 * as table[ord(c)] does, so a list or a class's own __getitem__ serve too.
 */
#include "reclaim-builtins-private.h"

#define MAX_CODE_POINT 0x110000

/* The key maketrans() files a one-argument dict's key under: an int as it
 * is, a str of one character as its code point. */
static ReclaimValue
table_key (ReclaimInterp *interp, ReclaimValue key)
{
  if (scalar_type (key) == SCALAR_INT)
    return key;
  if (scalar_type (key) != SCALAR_STR)
    return lang_raise (interp, "TypeError", "keys in translate table must be strings or integers");
  gsize len;
  const char *s = scalar_get_str (key, &len);
  if (g_utf8_strlen (s, len) != 1)
    return lang_raise (interp, "ValueError", "string keys in translate table must be of length 1");
  return scalar_int (g_utf8_get_char (s));
}

/* str.maketrans(mapping): a new dict of the mapping's values under their
 * keys' code points. */
static ReclaimValue
maketrans_from_dict (ReclaimInterp *interp, ReclaimValue mapping)
{
  if (!lang_is_builtin_kind (interp, mapping, RECLAIM_KIND_DICT))
    return lang_raise (interp, "TypeError", "if you give only one argument to maketrans it must be a dict");
  ReclaimValue table = lang_dict_new (interp);
  ReclaimValue key, value;
  for (guint i = 0; lang_dict_entry (interp, mapping, i, &key, &value); i++)
    {
      ReclaimValue code = table_key (interp, key);
      if (code == LANG_ERROR || lang_dict_set (interp, table, code, value) < 0)
        {
          lang_decref (interp, table);
          return LANG_ERROR;
        }
    }
  return table;
}

static gboolean
is_str_argument (ReclaimInterp *interp, ReclaimValue v, guint position)
{
  if (scalar_type (v) == SCALAR_STR)
    return TRUE;
  lang_raise (interp, "TypeError", "maketrans() argument %u must be str, not %s", position,
              lang_type_name (interp, v));
  return FALSE;
}

/* str.maketrans(from, to[, gone]): a new dict mapping each character of
 * from to the one of to at its place, then each of gone to None. */
static ReclaimValue
maketrans_from_strs (ReclaimInterp *interp, ReclaimValue from, ReclaimValue to, ReclaimValue gone)
{
  if (scalar_type (from) != SCALAR_STR)
    return lang_raise (interp, "TypeError", "first maketrans argument must be a string if there is a second argument");
  if (!is_str_argument (interp, to, 2) || (gone != 0 && !is_str_argument (interp, gone, 3)))
    return LANG_ERROR;
  gsize from_len, to_len;
  const char *f = scalar_get_str (from, &from_len), *t = scalar_get_str (to, &to_len);
  if (g_utf8_strlen (f, from_len) != g_utf8_strlen (t, to_len))
    return lang_raise (interp, "ValueError", "the first two maketrans arguments must have equal length");
  ReclaimValue table = lang_dict_new (interp);
  for (const char *end = f + from_len; f < end; f = g_utf8_next_char (f), t = g_utf8_next_char (t))
    lang_dict_set (interp, table, scalar_int (g_utf8_get_char (f)), scalar_int (g_utf8_get_char (t)));
  if (gone != 0)
    {
      gsize gone_len;
      const char *g = scalar_get_str (gone, &gone_len);
      for (const char *p = g; p < g + gone_len; p = g_utf8_next_char (p))
        lang_dict_set (interp, table, scalar_int (g_utf8_get_char (p)), scalar_none ());
    }
  return table;
}

/* A static method: from the type or from a str, the arguments are the same. */
ReclaimValue
builtins_str_maketrans (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "str.maketrans() takes no keyword arguments");
  if (nargs < 1)
    return lang_raise (interp, "TypeError", "maketrans expected at least 1 argument, got %u", nargs);
  if (nargs > 3)
    return lang_raise (interp, "TypeError", "maketrans expected at most 3 arguments, got %u", nargs);
  if (nargs == 1)
    return maketrans_from_dict (interp, args[0]);
  return maketrans_from_strs (interp, args[0], args[1], nargs == 3 ? args[2] : 0);
}

/* What table[code] puts in the place of the character: 1 when appended to
 * out, 0 when the table has no entry for it (the character stays), -1 on
 * an error. */
static int
translate_char (ReclaimInterp *interp, ReclaimValue table, gunichar c, GString *out)
{
  ReclaimValue got = lang_subscript (interp, table, scalar_int (c));
  if (got == LANG_ERROR)
    {
      if (!lang_error_matches (interp, "LookupError"))
        return -1;
      lang_error_clear (interp);
      return 0;
    }
  int result = 1;
  if (scalar_type (got) == SCALAR_STR)
    {
      gsize len;
      const char *s = scalar_get_str (got, &len);
      g_string_append_len (out, s, len);
    }
  else if (scalar_type (got) == SCALAR_INT || scalar_type (got) == SCALAR_BOOL)
    {
      gint64 code = scalar_int_is_big (got) ? -1 : scalar_get_int (got);
      if (code < 0 || code >= MAX_CODE_POINT)
        {
          lang_raise (interp, "ValueError", "character mapping must be in range(0x110000)");
          result = -1;
        }
      else
        g_string_append_unichar (out, (gunichar) code);
    }
  else if (scalar_type (got) != SCALAR_NONE)
    {
      lang_raise (interp, "TypeError", "character mapping must return integer, None or str");
      result = -1;
    }
  lang_decref (interp, got);
  return result;
}

ReclaimValue
builtins_str_translate (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "str.translate", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  const char *s = scalar_get_str (self, &len);
  g_autoptr (GString) out = g_string_sized_new (len);
  gsize checked = len;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int r = translate_char (interp, args[0], c, out);
      if (r < 0)
        return LANG_ERROR;
      if (r == 0)
        g_string_append_unichar (out, c);
      /* long replacements may make a str larger than the memory budget:
       * asked again each time it doubles */
      if (out->len > 2 * checked)
        {
          if (!builtins_check_size (interp, (gint64) out->len))
            return LANG_ERROR;
          checked = out->len;
        }
    }
  return scalar_str (out->str, (gssize) out->len);
}
