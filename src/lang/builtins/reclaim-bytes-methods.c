/* reclaim-bytes-methods.c: the methods of bytes that change case or pad,
 * and the is...() predicates (CPython's Objects/bytes_methods.c).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bytes know only ASCII: b'\xe9'.upper() stays b'\xe9' and b'\xa0' is no
 * space, unlike the str methods of the same names (reclaim-str-case.c).
 * Splitting, stripping, searching and replacing are shared with str, in
 * reclaim-str-methods.c.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

/* A copy of self's bytes, to change and make into a new bytes object. */
static guint8 *
bytes_copy (ReclaimValue self, gsize *len)
{
  const guint8 *data = scalar_get_bytes (self, len);
  guint8 *copy = g_malloc (*len + 1);
  memcpy (copy, data, *len);
  return copy;
}

static ReclaimValue
bytes_take (guint8 *data, gsize len)
{
  ReclaimValue v = scalar_bytes (data, len);
  g_free (data);
  return v;
}

/* ---- case ------------------------------------------------------------------------ */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

static ReclaimValue
change_case (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name, CaseOp op)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  guint8 *b = bytes_copy (self, &len);
  gboolean previous_cased = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean upper = g_ascii_isupper (b[i]), lower = g_ascii_islower (b[i]);
      switch (op)
        {
        case CASE_UPPER:
          b[i] = g_ascii_toupper (b[i]);
          break;
        case CASE_LOWER:
          b[i] = g_ascii_tolower (b[i]);
          break;
        case CASE_SWAP:
          b[i] = upper ? g_ascii_tolower (b[i]) : g_ascii_toupper (b[i]);
          break;
        case CASE_TITLE:
          /* the first letter of each run of letters up, the others down */
          b[i] = previous_cased ? g_ascii_tolower (b[i]) : g_ascii_toupper (b[i]);
          previous_cased = upper || lower;
          break;
        case CASE_CAPITALIZE:
          b[i] = i == 0 ? g_ascii_toupper (b[i]) : g_ascii_tolower (b[i]);
          break;
        }
    }
  return bytes_take (b, len);
}

#define CASE_METHOD(fn, name, op)                                                                        \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return change_case (interp, self, nargs, nkw, name, op);                                             \
  }

CASE_METHOD (bytes_upper, "bytes.upper", CASE_UPPER)
CASE_METHOD (bytes_lower, "bytes.lower", CASE_LOWER)
CASE_METHOD (bytes_swapcase, "bytes.swapcase", CASE_SWAP)
CASE_METHOD (bytes_title, "bytes.title", CASE_TITLE)
CASE_METHOD (bytes_capitalize, "bytes.capitalize", CASE_CAPITALIZE)

/* ---- padding --------------------------------------------------------------------- */

/* center, ljust, rjust: (width, fillbyte=b' '); zfill: (width), zeros
 * after a sign */
static ReclaimValue
pad_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
            const char *name, char align)
{
  gint64 width;
  gboolean zfill = align == '0';
  if (!builtins_check (interp, name, zfill ? ARGS_METH_O : ARGS_CLINIC, nargs, 1, zfill ? 1 : 2, nkw, FALSE) ||
      !builtins_index (interp, args[0], &width))
    return LANG_ERROR;
  guint8 fill = align == '0' ? '0' : ' ';
  if (nargs > 1)
    {
      gsize fill_len = 0;
      const guint8 *f = scalar_type (args[1]) == SCALAR_BYTES ? scalar_get_bytes (args[1], &fill_len) : NULL;
      if (fill_len != 1)
        return lang_raise (interp, "TypeError", "%s() argument 2 must be a byte string of length 1, not %s", name,
                           lang_type_name (interp, args[1]));
      fill = f[0];
    }
  gsize len;
  const guint8 *data = scalar_get_bytes (self, &len);
  if (width <= (gint64) len)
    return self;
  if (!lang_memory_reserve (interp, width, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  gint64 marg = width - len;
  gint64 left = align == '<' ? 0 : align == '^' ? marg / 2 + (marg & width & 1) : marg;
  guint8 *out = g_malloc (width + 1);
  memset (out, fill, width);
  memcpy (out + left, data, len);
  if (align == '0' && len > 0 && (data[0] == '+' || data[0] == '-'))
    {
      out[0] = data[0];
      out[left] = '0';
    }
  return bytes_take (out, width);
}

#define PAD_METHOD(fn, name, align)                                                                      \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return pad_common (interp, self, nargs, args, nkw, name, align);                                     \
  }

PAD_METHOD (bytes_center, "center", '^')
PAD_METHOD (bytes_ljust, "ljust", '<')
PAD_METHOD (bytes_rjust, "rjust", '>')
PAD_METHOD (bytes_zfill, "bytes.zfill", '0')

/* ---- predicates ------------------------------------------------------------------ */

static gboolean
is_space (guint8 c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static gboolean
is_digit (guint8 c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_alpha (guint8 c)
{
  return g_ascii_isalpha (c);
}

static gboolean
is_alnum (guint8 c)
{
  return g_ascii_isalnum (c);
}

static gboolean
is_ascii (guint8 c)
{
  return c < 0x80;
}

/* Every byte passes; b'' passes only isascii() */
static ReclaimValue
all_bytes (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name,
           gboolean (*test) (guint8), gboolean empty_ok)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  gsize len;
  const guint8 *data = scalar_get_bytes (self, &len);
  if (len == 0)
    return scalar_bool (empty_ok);
  for (gsize i = 0; i < len; i++)
    if (!test (data[i]))
      return scalar_bool (FALSE);
  return scalar_bool (TRUE);
}

#define PREDICATE(fn, name, test, empty_ok)                                                              \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return all_bytes (interp, self, nargs, nkw, name, test, empty_ok);                                   \
  }

PREDICATE (bytes_isdigit, "bytes.isdigit", is_digit, FALSE)
PREDICATE (bytes_isalpha, "bytes.isalpha", is_alpha, FALSE)
PREDICATE (bytes_isalnum, "bytes.isalnum", is_alnum, FALSE)
PREDICATE (bytes_isspace, "bytes.isspace", is_space, FALSE)
PREDICATE (bytes_isascii, "bytes.isascii", is_ascii, TRUE)

/* isupper / islower / istitle: about the ASCII letters only */
static ReclaimValue
case_predicate (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *name, char which)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  BuiltinsCaseScan scan = { .which = which };
  gsize len;
  const guint8 *data = scalar_get_bytes (self, &len);
  for (gsize i = 0; i < len; i++)
    if (!builtins_case_scan_step (&scan, g_ascii_isupper (data[i]), g_ascii_islower (data[i])))
      return scalar_bool (FALSE);
  return scalar_bool (scan.cased);
}

#define CASE_PREDICATE(fn, name, which)                                                                  \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return case_predicate (interp, self, nargs, nkw, name, which);                                       \
  }

CASE_PREDICATE (bytes_isupper, "bytes.isupper", 'u')
CASE_PREDICATE (bytes_islower, "bytes.islower", 'l')
CASE_PREDICATE (bytes_istitle, "bytes.istitle", 't')

/* ---- bytes % args ---------------------------------------------------------------- */

/* %s and %b: bytes (or what __bytes__ gives) as they are; %r and %a:
 * ascii(); %c: one byte, from an int or a bytes of length 1. */
static gboolean
percent_body (ReclaimInterp *interp, ReclaimValue v, gunichar type, GString *body)
{
  if (type == 'r' || type == 'a')
    {
      g_autofree char *text = builtins_ascii (interp, v);
      if (text)
        g_string_append (body, text);
      return text != NULL;
    }
  gsize len;
  if (type == 'c')
    {
      gint64 c;
      const guint8 *one = scalar_type (v) == SCALAR_BYTES ? scalar_get_bytes (v, &len) : NULL;
      if (one && len == 1)
        c = one[0];
      else if (!builtins_is_int (v) && !builtins_user_method (interp, v, "__index__"))
        {
          lang_raise (interp, "TypeError", "%%c requires an integer in range(256) or a single byte");
          return FALSE;
        }
      else if (!builtins_index (interp, v, &c))
        return FALSE;
      if (c < 0 || c > 255)
        {
          lang_raise (interp, "OverflowError", "%%c arg not in range(256)");
          return FALSE;
        }
      g_string_append_c (body, (char) c);
      return TRUE;
    }
  ReclaimValue method = scalar_type (v) == SCALAR_BYTES ? 0 : builtins_user_method (interp, v, "__bytes__");
  ReclaimValue b = method ? builtins_call_special (interp, method, v, 0, NULL) : lang_ref (interp, v);
  if (b == LANG_ERROR)
    return FALSE;
  gboolean ok = scalar_type (b) == SCALAR_BYTES;
  if (ok)
    {
      const guint8 *data = scalar_get_bytes (b, &len);
      g_string_append_len (body, (const char *) data, len);
    }
  else if (method)
    lang_raise (interp, "TypeError", "__bytes__ returned non-bytes (type %s)", lang_type_name (interp, b));
  else
    lang_raise (interp, "TypeError", "%%b requires a bytes-like object, or an object that implements __bytes__, "
                "not '%s'", lang_type_name (interp, v));
  lang_decref (interp, b);
  return ok;
}

int
builtins_bytes_percent_convert (ReclaimInterp *interp, GString *out, ReclaimValue v, gunichar type,
                                gboolean left_justify, gint64 width, gint64 prec)
{
  if (type != 's' && type != 'b' && type != 'r' && type != 'a' && type != 'c')
    return 0;
  g_autoptr (GString) body = g_string_new (NULL);
  if (!percent_body (interp, v, type, body))
    return -1;
  if (prec >= 0 && type != 'c' && (gsize) prec < body->len)
    g_string_truncate (body, prec);
  gint64 pad = MAX (0, width - (gint64) body->len);
  for (gint64 i = 0; !left_justify && i < pad; i++)
    g_string_append_c (out, ' ');
  g_string_append_len (out, body->str, body->len);
  for (gint64 i = 0; left_justify && i < pad; i++)
    g_string_append_c (out, ' ');
  return 1;
}

/* ---- translate ------------------------------------------------------------------- */

/* bytes.maketrans(from, to): the 256-byte table mapping each byte of from
 * to the byte of to at its place.  A static method: from the type or from
 * a bytes object, the arguments are the same two. */
static ReclaimValue
bytes_maketrans (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (nkw > 0 || nargs != 2)
    return lang_raise (interp, "TypeError", "maketrans expected 2 arguments, got %u", nargs + nkw);
  ReclaimValue from = args[0], to = args[1];
  if (scalar_type (from) != SCALAR_BYTES || scalar_type (to) != SCALAR_BYTES)
    return lang_raise (interp, "TypeError", "a bytes-like object is required, not '%s'",
                       lang_type_name (interp, scalar_type (from) != SCALAR_BYTES ? from : to));
  gsize from_len, to_len;
  const guint8 *f = scalar_get_bytes (from, &from_len), *t = scalar_get_bytes (to, &to_len);
  if (from_len != to_len)
    return lang_raise (interp, "ValueError", "maketrans arguments must have same length");
  guint8 table[256];
  for (guint i = 0; i < 256; i++)
    table[i] = (guint8) i;
  for (gsize i = 0; i < from_len; i++)
    table[f[i]] = t[i];
  return scalar_bytes (table, 256);
}

/* b.translate(table, delete=b''): the bytes of delete left out, the others
 * mapped through table (None: kept) */
static ReclaimValue
bytes_translate (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "delete", NULL };
  if (!builtins_only_keywords (interp, "translate", nkw, kwnames, allowed) ||
      !builtins_check (interp, "translate", ARGS_CLINIC, nargs, 1, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue table = args[0], delete = lang_arg (nargs, args, nkw, kwnames, 1, "delete");
  gsize table_len = 0, delete_len = 0, len;
  const guint8 *map = NULL, *gone = NULL;
  if (scalar_type (table) != SCALAR_NONE)
    {
      if (scalar_type (table) != SCALAR_BYTES)
        return lang_raise (interp, "TypeError", "a bytes-like object is required, not '%s'",
                           lang_type_name (interp, table));
      map = scalar_get_bytes (table, &table_len);
      if (table_len != 256)
        return lang_raise (interp, "ValueError", "translation table must be 256 characters long");
    }
  if (delete)
    {
      if (scalar_type (delete) != SCALAR_BYTES)
        return lang_raise (interp, "TypeError", "a bytes-like object is required, not '%s'",
                           lang_type_name (interp, delete));
      gone = scalar_get_bytes (delete, &delete_len);
    }
  const guint8 *data = scalar_get_bytes (self, &len);
  g_autofree guint8 *out = g_malloc (len + 1);
  gsize n = 0;
  for (gsize i = 0; i < len; i++)
    if (gone == NULL || memchr (gone, data[i], delete_len) == NULL)
      out[n++] = map ? map[data[i]] : data[i];
  return scalar_bytes (out, n);
}

const LangMethodDef builtins_bytes_case_methods[] = {
  { "upper", bytes_upper },
  { "lower", bytes_lower },
  { "swapcase", bytes_swapcase },
  { "title", bytes_title },
  { "capitalize", bytes_capitalize },
  { "center", bytes_center },
  { "ljust", bytes_ljust },
  { "rjust", bytes_rjust },
  { "zfill", bytes_zfill },
  { "expandtabs", builtins_text_expandtabs },
  { "maketrans", bytes_maketrans },
  { "translate", bytes_translate },
  { "isdigit", bytes_isdigit },
  { "isalpha", bytes_isalpha },
  { "isalnum", bytes_isalnum },
  { "isspace", bytes_isspace },
  { "isascii", bytes_isascii },
  { "isupper", bytes_isupper },
  { "islower", bytes_islower },
  { "istitle", bytes_istitle },
  { NULL }
};
