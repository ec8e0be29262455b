/* reclaim-builtins-types.c: what calling a builtin type does: object(),
 * type(x), int(), float(), str(), bool(), list(), tuple(), dict(), set()
 * and range().
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The containers are allocated before they are filled, as CPython's
 * tp_new then tp_init do, so ids and the collector's lists come out in
 * CPython's order.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <string.h>

static ReclaimValue
object_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (nargs > 0 || nkw > 0)
    return lang_raise (interp, "TypeError", "object() takes no arguments");
  /* a bare object has no tp_traverse: the collector never sees it */
  return reclaim_heap_alloc (interp->heap, RECLAIM_KIND_PLAIN, 0, "object", 0);
}

static ReclaimValue
type_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (nargs == 1 && nkw == 0)
    return lang_ref (interp, lang_class_of (interp, args[0])->id);
  if (nargs == 3)
    return lang_stop_not_supported (interp, "type() with 3 arguments");
  return lang_raise (interp, "TypeError", "type() takes 1 or 3 arguments");
}

/* ---- text to numbers ------------------------------------------------------------ */

gboolean
builtins_unichar_isspace (gunichar c)
{
  /* Python's whitespace: Unicode Zs/Zl/Zp and the bidi classes B, S, WS */
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || g_unichar_isspace (c);
}

/* The text with its surrounding whitespace dropped and decimal digits of
 * other scripts turned into ASCII ones, as _PyUnicode_TransformDecimalAndSpaceToASCII. */
static char *
number_text (const char *s, gsize len)
{
  GString *out = g_string_new (NULL);
  const char *end = s + len;
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (builtins_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else if (c >= 0x80 && g_unichar_digit_value (c) >= 0)
        g_string_append_c (out, '0' + g_unichar_digit_value (c));
      else if (c >= 0x80)
        g_string_append_c (out, '?');
      else
        g_string_append_c (out, (char) c);
    }
  char *text = g_strstrip (out->str);
  char *result = g_strdup (text);
  g_string_free (out, TRUE);
  return result;
}

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

/* PyLong_FromString's grammar.  Returns 1, 0 for invalid, -1 for too big
 * for 64 bits.  digits gets the sign and the digits and *base_out the
 * base they are in, for a big int. */
static int
parse_int (const char *text, int base, gint64 *out, GString *digits, int *base_out)
{
  const char *p = text;
  gboolean negative = FALSE;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (negative)
    g_string_append_c (digits, '-');
  gboolean leading_zero_rule = FALSE;
  if (p[0] == '0' && p[1] && strchr ("xXoObB", p[1]))
    {
      int prefix_base = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
      if (base == 0 || base == prefix_base)
        {
          base = prefix_base;
          p += 2;
          if (*p == '_')
            p++;
        }
    }
  if (base == 0)
    {
      base = 10;
      leading_zero_rule = p[0] == '0';
    }
  guint64 value = 0, limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  int ndigits = 0;
  gboolean too_big = FALSE, nonzero = FALSE;
  for (; *p; p++)
    {
      if (*p == '_')
        {
          if (ndigits == 0 || p[1] == '_' || p[1] == '\0')
            return 0;
          continue;
        }
      int d = digit_value (*p);
      if (d >= base)
        return 0;
      nonzero = nonzero || d != 0;
      g_string_append_c (digits, *p);
      if (value > (limit - d) / base)
        too_big = TRUE;
      else
        value = value * base + d;
      ndigits++;
    }
  if (ndigits == 0 || (leading_zero_rule && nonzero))
    return 0;
  *base_out = base;
  if (too_big)
    return -1;
  *out = negative ? (gint64) (0 - value) : (gint64) value;
  return 1;
}

static ReclaimValue
int_from_str (ReclaimInterp *interp, ReclaimValue str, int base)
{
  gsize len;
  const char *s = scalar_get_str (str, &len);
  g_autofree char *text = number_text (s, len);
  g_autoptr (GString) digits = g_string_new (NULL);
  gint64 n;
  int digits_base;
  int r = parse_int (text, base, &n, digits, &digits_base);
  if (r == 0)
    {
      g_autofree char *repr = scalar_repr (str);
      return lang_raise (interp, "ValueError", "invalid literal for int() with base %d: %s", base, repr);
    }
  /* python3 reads at most 4300 digits in a base not a power of two */
  gsize n_digits = digits->len - (digits->str[0] == '-');
  if ((digits_base & (digits_base - 1)) != 0 && n_digits > SCALAR_INT_MAX_STR_DIGITS)
    return lang_raise (interp, "ValueError", "Exceeds the limit (%d digits) for integer string conversion: "
                       "value has %" G_GSIZE_FORMAT " digits; use sys.set_int_max_str_digits() to increase the limit",
                       SCALAR_INT_MAX_STR_DIGITS, n_digits);
  if (r < 0)
    return bigint_parse (interp, digits->str, digits_base);
  return scalar_int (n);
}

gboolean
builtins_parse_float (ReclaimInterp *interp, ReclaimValue str, double *out)
{
  gsize len;
  const char *s = scalar_get_str (str, &len);
  g_autofree char *text = number_text (s, len);
  const char *p = text;
  GString *clean = g_string_new (NULL);
  gboolean ok = TRUE;

  if (*p == '+' || *p == '-')
    g_string_append_c (clean, *p++);
  if (g_ascii_strcasecmp (p, "inf") == 0 || g_ascii_strcasecmp (p, "infinity") == 0 ||
      g_ascii_strcasecmp (p, "nan") == 0)
    g_string_append (clean, p);
  else
    {
      /* digits [. digits] [e [sign] digits], underscores only between digits */
      int mantissa_digits = 0, part = 0;
      char prev = 0;
      for (; *p && ok; prev = *p, p++)
        {
          if (g_ascii_isdigit (*p))
            {
              mantissa_digits += part < 2;
              g_string_append_c (clean, *p);
            }
          else if (*p == '_')
            ok = g_ascii_isdigit (prev) && g_ascii_isdigit (p[1]);
          else if (*p == '.' && part == 0)
            {
              part = 1;
              g_string_append_c (clean, *p);
            }
          else if ((*p == 'e' || *p == 'E') && part < 2 && mantissa_digits > 0)
            {
              part = 2;
              g_string_append_c (clean, 'e');
              if (p[1] == '+' || p[1] == '-')
                g_string_append_c (clean, *++p);
              ok = g_ascii_isdigit (p[1]);
            }
          else
            ok = FALSE;
        }
      ok = ok && mantissa_digits > 0;
    }
  if (ok)
    {
      char *end;
      *out = g_ascii_strtod (clean->str, &end);
      ok = *end == '\0';
    }
  g_string_free (clean, TRUE);
  if (!ok)
    {
      g_autofree char *repr = scalar_repr (str);
      lang_raise (interp, "ValueError", "could not convert string to float: %s", repr);
    }
  return ok;
}

/* ---- numbers, text and truth -------------------------------------------------------- */

static ReclaimValue
int_from_object (ReclaimInterp *interp, ReclaimValue v)
{
  if (builtins_is_int (v))
    return scalar_int_of (v);
  if (scalar_type (v) == SCALAR_FLOAT)
    return builtins_float_to_int (interp, trunc (scalar_get_float (v)));
  if (builtins_is_str (v))
    return int_from_str (interp, v, 10);
  const char *names[] = { "__int__", "__index__", "__trunc__" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ReclaimValue method = builtins_user_method (interp, v, names[i]);
      if (method == 0)
        continue;
      ReclaimValue r = builtins_call_special (interp, method, v, 0, NULL);
      if (r == LANG_ERROR || builtins_is_int (r))
        return r;
      lang_raise (interp, "TypeError", "%s returned non-int (type %s)", names[i], lang_type_name (interp, r));
      lang_decref (interp, r);
      return LANG_ERROR;
    }
  return lang_raise (interp, "TypeError",
                     "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     lang_type_name (interp, v));
}

static ReclaimValue
int_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "base", NULL };
  if (!builtins_only_keywords (interp, "int", nkw, kwnames, allowed) ||
      !builtins_check (interp, "int", ARGS_KEYWORDS, nargs + nkw, 0, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue base = lang_arg (nargs, args, nkw, kwnames, 1, "base");
  if (nargs == 0)
    return base ? lang_raise (interp, "TypeError", "int() missing string argument") : scalar_int (0);
  if (base == 0)
    return int_from_object (interp, args[0]);
  gint64 b;
  if (!builtins_index (interp, base, &b))
    return LANG_ERROR;
  if (b != 0 && (b < 2 || b > 36))
    return lang_raise (interp, "ValueError", "int() base must be >= 2 and <= 36, or 0");
  if (!builtins_is_str (args[0]))
    return lang_raise (interp, "TypeError", "int() can't convert non-string with explicit base");
  return int_from_str (interp, args[0], (int) b);
}

static ReclaimValue
float_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "float", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    return scalar_float (0.0);
  ReclaimValue v = args[0];
  if (scalar_type (v) == SCALAR_FLOAT)
    return v;
  double d;
  if (builtins_is_int (v))
    return bigint_to_double (interp, v, &d) ? scalar_float (d) : LANG_ERROR;
  if (builtins_is_str (v))
    return builtins_parse_float (interp, v, &d) ? scalar_float (d) : LANG_ERROR;
  ReclaimValue method = builtins_user_method (interp, v, "__float__");
  if (method)
    {
      ReclaimValue r = builtins_call_special (interp, method, v, 0, NULL);
      if (r == LANG_ERROR || scalar_type (r) == SCALAR_FLOAT)
        return r;
      lang_raise (interp, "TypeError", "%s.__float__ returned non-float (type %s)", lang_type_name (interp, v),
                  lang_type_name (interp, r));
      lang_decref (interp, r);
      return LANG_ERROR;
    }
  if (builtins_user_method (interp, v, "__index__"))
    {
      gint64 n;
      return builtins_index (interp, v, &n) ? scalar_float ((double) n) : LANG_ERROR;
    }
  return lang_raise (interp, "TypeError", "float() argument must be a string or a real number, not '%s'",
                     lang_type_name (interp, v));
}

/* str(object, encoding, errors) decodes bytes (bytearray and memoryview
 * are refused); anything else is python3's TypeError. */
static ReclaimValue
str_decode (ReclaimInterp *interp, ReclaimValue v, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  static const char *const names[] = { "encoding", "errors" };
  for (guint i = 0; i < 2; i++)
    {
      ReclaimValue given = lang_arg (nargs, args, nkw, kwnames, i + 1, names[i]);
      if (given && scalar_type (given) != SCALAR_STR)
        return lang_raise (interp, "TypeError", "str() argument '%s' must be str, not %s", names[i],
                           lang_type_name (interp, given));
    }
  if (v == 0)
    return scalar_str ("", 0);
  if (scalar_type (v) == SCALAR_BYTES)
    return lang_bytes_decode (interp, v, lang_arg (nargs, args, nkw, kwnames, 1, "encoding"),
                              lang_arg (nargs, args, nkw, kwnames, 2, "errors"));
  if (scalar_type (v) == SCALAR_STR)
    return lang_raise (interp, "TypeError", "decoding str is not supported");
  return lang_raise (interp, "TypeError", "decoding to str: need a bytes-like object, %s found",
                     lang_type_name (interp, v));
}

static ReclaimValue
str_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "object", "encoding", "errors", NULL };
  if (!builtins_only_keywords (interp, "str", nkw, kwnames, allowed) ||
      !builtins_check (interp, "str", ARGS_KEYWORDS, nargs + nkw, 0, 3, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue v = lang_arg (nargs, args, nkw, kwnames, 0, "object");
  if (nargs + nkw > (v != 0))
    return str_decode (interp, v, nargs, args, nkw, kwnames);
  if (v == 0)
    return scalar_str ("", 0);
  return builtins_str_of (interp, v);
}

static ReclaimValue
bool_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "bool", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    return scalar_bool (FALSE);
  int t = lang_truth (interp, args[0]);
  return t < 0 ? LANG_ERROR : scalar_bool (t);
}

/* ---- containers ------------------------------------------------------------------- */

static ReclaimValue
list_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  /* CPython allocates with PyType_GenericAlloc here, never from the free
   * list (count0 moves); the engine has no flag for that yet */
  ReclaimValue list = lang_list_new (interp);
  reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_NO_ITEMS);   /* then list_extend */
  if (nargs == 1 && builtins_list_extend (interp, list, args[0]) < 0)
    {
      lang_decref (interp, list);
      return LANG_ERROR;
    }
  return list;
}

static ReclaimValue
tuple_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "tuple", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_ref (interp, lang_empty_tuple (interp));
  ReclaimValue v = args[0];
  if (builtins_is_kind (interp, v, RECLAIM_KIND_TUPLE))
    return lang_ref (interp, v);
  if (builtins_is_kind (interp, v, RECLAIM_KIND_LIST))
    {
      /* PyList_AsTuple */
      guint n = lang_seq_length (interp, v);
      g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
      for (guint i = 0; i < n; i++)
        items[i] = lang_ref (interp, lang_seq_item (interp, v, i));
      return lang_tuple_new (interp, n, items);
    }
  /* PySequence_Tuple: the iterator, then the length hint, then the items */
  ReclaimValue it = lang_iter (interp, v), item;
  if (it == LANG_ERROR)
    return LANG_ERROR;
  GArray *items = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  int r = builtins_length_hint (interp, v);
  while (r >= 0 && (r = builtins_next (interp, it, &item)) == 1)
    g_array_append_val (items, item);
  lang_decref (interp, it);
  ReclaimValue t = LANG_ERROR;
  if (r < 0)
    for (guint i = 0; i < items->len; i++)
      lang_decref (interp, g_array_index (items, ReclaimValue, i));
  else
    t = lang_tuple_new (interp, items->len, (ReclaimValue *) items->data);
  g_array_unref (items);
  return t;
}

static ReclaimValue
dict_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict", ARGS_CLINIC, nargs, 0, 1, 0, TRUE))
    return LANG_ERROR;
  /* as list(): PyType_GenericAlloc in CPython, never from the free list */
  ReclaimValue dict = lang_dict_new (interp);
  if (nargs == 1 && builtins_dict_update (interp, dict, args[0]) < 0)
    {
      lang_decref (interp, dict);
      return LANG_ERROR;
    }
  for (guint i = 0; i < nkw; i++)
    lang_dict_set (interp, dict, scalar_str (kwnames[i], -1), args[nargs + i]);
  return dict;
}

static ReclaimValue
set_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue set = lang_set_new (interp);
  if (nargs == 1 && builtins_set_update (interp, set, args[0]) < 0)
    {
      lang_decref (interp, set);
      return LANG_ERROR;
    }
  return set;
}

static ReclaimValue
range_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "range", ARGS_CLINIC, nargs, 1, 3, nkw, FALSE))
    return LANG_ERROR;
  gint64 values[3] = { 0, 0, 1 };
  for (guint i = 0; i < nargs; i++)
    if (builtins_is_int (args[i]) && scalar_int_is_big (args[i]))
      return lang_stop_not_supported (interp, "range() of ints beyond 64 bits");
  for (guint i = 0; i < nargs; i++)
    if (!builtins_index (interp, args[i], &values[nargs == 1 ? 1 : i]))
      return LANG_ERROR;
  if (values[2] == 0)
    return lang_raise (interp, "ValueError", "range() arg 3 must not be zero");
  ReclaimHeap *h = interp->heap;
  ReclaimId range = reclaim_heap_alloc (h, RECLAIM_KIND_PLAIN, 0, "range", 0);
  const char *labels[] = { "start", "stop", "step" };
  for (guint i = 0; i < 3; i++)
    reclaim_heap_slot_append (h, range, RECLAIM_ROLE_OTHER, labels[i], scalar_int (values[i]));
  return range;
}

void
builtins_constructors_init (ReclaimInterp *interp)
{
  const struct { const char *name; LangNativeFunc construct; } types[] = {
    { "object", object_construct },
    { "type", type_construct },
    { "int", int_construct },
    { "float", float_construct },
    { "str", str_construct },
    { "bool", bool_construct },
    { "list", list_construct },
    { "tuple", tuple_construct },
    { "dict", dict_construct },
    { "set", set_construct },
    { "range", range_construct },
  };
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    lang_builtin_class (interp, types[i].name)->construct = types[i].construct;
}
