/* reclaim-builtins-numbers.c: abs, round, divmod, pow, hash, chr, ord,
 * format, bin, oct, hex, and the methods of int and float.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-builtins-private.h"
#include "reclaim-weakproxy.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <string.h>

/* ---- numbers ----------------------------------------------------------------- */

static ReclaimValue
builtin_abs (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "abs", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue v = args[0];
  if (builtins_is_int (v))
    {
      gint64 n = scalar_get_int (v);
      if (scalar_int_is_big (v) || n == G_MININT64)
        return bigint_absolute (interp, v);
      return scalar_int (n < 0 ? -n : n);
    }
  if (scalar_type (v) == SCALAR_FLOAT)
    return scalar_float (fabs (scalar_get_float (v)));
  ReclaimValue method = builtins_user_method (interp, v, "__abs__");
  if (method)
    return builtins_call_special (interp, method, v, 0, NULL);
  return lang_raise (interp, "TypeError", "bad operand type for abs(): '%s'", lang_type_name (interp, v));
}

/* round(float, ndigits) correctly rounded, as CPython's dtoa-based one. */
static double
round_float_digits (double x, gint64 ndigits)
{
  if (!isfinite (x) || x == 0.0)
    return x;
  if (ndigits > 323)
    return x;
  if (ndigits < -308)
    return 0.0 * x;
  if (ndigits >= 0)
    {
      char buf[800], format[16];
      g_snprintf (format, sizeof format, "%%.%df", (int) ndigits);
      g_ascii_formatd (buf, sizeof buf, format, x);
      return g_ascii_strtod (buf, NULL);
    }
  /* to tens, hundreds...: round the exact integer part of |x| as text */
  double ax = fabs (x), ip = floor (ax);
  gboolean has_fraction = ax != ip;
  char digits[400];
  g_snprintf (digits, sizeof digits, "%.0f", ip);
  int len = strlen (digits), keep = len + (int) ndigits;
  if (keep < 0)
    return 0.0 * x;
  GString *out = g_string_new_len (digits, keep);
  char first_dropped = digits[keep];
  gboolean rest_zero = !has_fraction;
  for (int i = keep + 1; i < len; i++)
    rest_zero = rest_zero && digits[i] == '0';
  int last = keep > 0 ? out->str[keep - 1] - '0' : 0;
  gboolean up = first_dropped > '5' || (first_dropped == '5' && (!rest_zero || (last & 1)));
  if (up)
    {
      int i = keep - 1;
      while (i >= 0 && out->str[i] == '9')
        out->str[i--] = '0';
      if (i >= 0)
        out->str[i]++;
      else
        g_string_prepend_c (out, '1');
    }
  for (int i = 0; i < -ndigits; i++)
    g_string_append_c (out, '0');
  double r = g_ascii_strtod (out->len ? out->str : "0", NULL);
  g_string_free (out, TRUE);
  return x < 0 ? -r : r;
}

ReclaimValue
builtins_float_to_int (ReclaimInterp *interp, double d)
{
  if (isnan (d))
    return lang_raise (interp, "ValueError", "cannot convert float NaN to integer");
  if (isinf (d))
    return lang_raise (interp, "OverflowError", "cannot convert float infinity to integer");
  if (d >= 9223372036854775808.0 || d < -9223372036854775808.0)
    return bigint_from_double (d);
  return scalar_int ((gint64) d);
}

static ReclaimValue
builtin_round (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "number", "ndigits", NULL };
  if (!builtins_only_keywords (interp, "round", nkw, kwnames, allowed) ||
      !builtins_check (interp, "round", ARGS_KEYWORDS, nargs + nkw, 1, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue number = lang_arg (nargs, args, nkw, kwnames, 0, "number");
  ReclaimValue nd = lang_arg (nargs, args, nkw, kwnames, 1, "ndigits");
  if (number == 0)
    return lang_raise (interp, "TypeError", "round() missing required argument 'number' (pos 1)");
  gboolean has_nd = nd && scalar_type (nd) != SCALAR_NONE;

  ReclaimValue method = builtins_user_method (interp, number, "__round__");
  if (method)
    return builtins_call_special (interp, method, number, has_nd ? 1 : 0, &nd);
  if (!builtins_is_number (number))
    return lang_raise (interp, "TypeError", "type %s doesn't define __round__ method", lang_type_name (interp, number));
  gint64 ndigits = 0;
  if (has_nd && !builtins_index (interp, nd, &ndigits))
    return LANG_ERROR;

  if (builtins_is_int (number))
    return bigint_round (interp, number, has_nd ? ndigits : 0);
  double x = scalar_get_float (number);
  if (has_nd)
    return scalar_float (round_float_digits (x, ndigits));
  double r = round (x);
  if (fabs (x - r) == 0.5)
    r = 2.0 * round (x / 2.0);
  return builtins_float_to_int (interp, r);
}

static ReclaimValue
pair (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue items[] = { a, b };
  return lang_tuple_new (interp, 2, items);
}

static ReclaimValue
builtin_divmod (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "divmod", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue a = args[0], b = args[1];
  if (builtins_is_int (a) && builtins_is_int (b))
    {
      gint64 x = scalar_get_int (a), y = scalar_get_int (b);
      if (scalar_int_is_big (a) || scalar_int_is_big (b) || (x == G_MININT64 && y == -1))
        return bigint_divmod (interp, a, b);
      if (y == 0)
        return lang_raise (interp, "ZeroDivisionError", "integer division or modulo by zero");
      gint64 q = scalar_floor_div (x, y);
      return pair (interp, scalar_int (q), scalar_int (x - q * y));
    }
  if (builtins_is_number (a) && builtins_is_number (b))
    {
      double vx, wx;
      if (!builtins_number_to_double (interp, a, &vx) || !builtins_number_to_double (interp, b, &wx))
        return LANG_ERROR;
      if (wx == 0.0)
        return lang_raise (interp, "ZeroDivisionError", "float divmod()");
      double mod = fmod (vx, wx), div = (vx - mod) / wx, floordiv;
      if (mod != 0.0)
        {
          if ((wx < 0) != (mod < 0))
            {
              mod += wx;
              div -= 1.0;
            }
        }
      else
        mod = copysign (0.0, wx);
      if (div != 0.0)
        {
          floordiv = floor (div);
          if (div - floordiv > 0.5)
            floordiv += 1.0;
        }
      else
        floordiv = copysign (0.0, vx / wx);
      return pair (interp, scalar_float (floordiv), scalar_float (mod));
    }
  ReclaimValue method = builtins_user_method (interp, a, "__divmod__");
  if (method)
    return builtins_call_special (interp, method, a, 1, &b);
  method = builtins_user_method (interp, b, "__rdivmod__");
  if (method)
    return builtins_call_special (interp, method, b, 1, &a);
  return lang_raise (interp, "TypeError", "unsupported operand type(s) for divmod(): '%s' and '%s'",
                     lang_type_name (interp, a), lang_type_name (interp, b));
}

static ReclaimValue
builtin_pow (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "base", "exp", "mod", NULL };
  if (!builtins_only_keywords (interp, "pow", nkw, kwnames, allowed) ||
      !builtins_check (interp, "pow", ARGS_KEYWORDS, nargs + nkw, 2, 3, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue base = lang_arg (nargs, args, nkw, kwnames, 0, "base");
  ReclaimValue exp = lang_arg (nargs, args, nkw, kwnames, 1, "exp");
  ReclaimValue mod = lang_arg (nargs, args, nkw, kwnames, 2, "mod");
  if (base == 0 || exp == 0)
    return lang_raise (interp, "TypeError", "pow() missing required argument '%s' (pos %d)",
                       base ? "exp" : "base", base ? 2 : 1);
  if (mod == 0 || scalar_type (mod) == SCALAR_NONE)
    return eval_binary (interp, RECLAIM_BIN_POW, base, exp, FALSE);
  if (!builtins_is_int (base) || !builtins_is_int (exp) || !builtins_is_int (mod))
    return lang_raise (interp, "TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
  return bigint_pow_mod (interp, base, exp, mod);
}

/* ---- characters and number texts ------------------------------------------------ */

static ReclaimValue
builtin_chr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  gint64 c;
  if (!builtins_check (interp, "chr", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  if (builtins_is_int (args[0]) && scalar_int_is_big (args[0]))
    return lang_raise (interp, "OverflowError", "Python int too large to convert to C int");
  if (!builtins_index (interp, args[0], &c))
    return LANG_ERROR;
  if (c < 0 || c > 0x10ffff)
    return lang_raise (interp, "ValueError", "chr() arg not in range(0x110000)");
  if (c >= 0xd800 && c <= 0xdfff)
    return lang_stop_not_supported (interp, "surrogate characters (chr(0x%" G_GINT64_MODIFIER "x))", c);
  char buf[8];
  int len = g_unichar_to_utf8 ((gunichar) c, buf);
  return scalar_str (buf, len);
}

static ReclaimValue
builtin_ord (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "ord", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  if (!builtins_is_str (args[0]))
    return lang_raise (interp, "TypeError", "ord() expected string of length 1, but %s found",
                       lang_type_name (interp, args[0]));
  glong n = builtins_str_len (args[0]);
  if (n != 1)
    return lang_raise (interp, "TypeError", "ord() expected a character, but string of length %ld found", n);
  return scalar_int (g_utf8_get_char (scalar_get_str (args[0], NULL)));
}

static ReclaimValue
builtin_format (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "format", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue spec = nargs > 1 ? args[1] : scalar_str ("", 0);
  if (!builtins_is_str (spec))
    return lang_raise (interp, "TypeError", "format() argument 2 must be str, not %s", lang_type_name (interp, spec));
  return lang_format_value (interp, args[0], spec);
}

static ReclaimValue
number_text (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw, const char *name,
             const char *spec)
{
  gint64 n;
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  if (builtins_is_int (args[0]))
    return lang_format_value (interp, scalar_int_of (args[0]), scalar_str (spec, -1));
  if (!builtins_index (interp, args[0], &n))
    return LANG_ERROR;
  return lang_format_value (interp, scalar_int (n), scalar_str (spec, -1));
}

static ReclaimValue
builtin_bin (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return number_text (interp, nargs, args, nkw, "bin", "#b");
}

static ReclaimValue
builtin_oct (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return number_text (interp, nargs, args, nkw, "oct", "#o");
}

static ReclaimValue
builtin_hex (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return number_text (interp, nargs, args, nkw, "hex", "#x");
}

/* ---- hash() --------------------------------------------------------------------- */

/* CPython's numeric hash: reduction modulo the Mersenne prime 2**61 - 1. */
#define HASH_BITS     61
#define HASH_MODULUS  (((guint64) 1 << HASH_BITS) - 1)
#define HASH_INF      314159

static gint64
hash_fix (gint64 h)
{
  return h == -1 ? -2 : h;
}

static gint64
hash_pointer (ReclaimValue v)
{
  guint64 y = (guint64) builtins_object_address (v);
  return hash_fix ((gint64) ((y >> 4) | (y << 60)));
}

static gint64
hash_double (ReclaimValue v, double d)
{
  if (isinf (d))
    return d > 0 ? HASH_INF : -HASH_INF;
  if (isnan (d))
    return hash_pointer (v);
  int e;
  double m = frexp (d, &e);
  int sign = 1;
  if (m < 0)
    {
      sign = -1;
      m = -m;
    }
  guint64 x = 0;
  while (m != 0.0)
    {
      x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
      m *= 268435456.0;
      e -= 28;
      guint64 y = (guint64) m;
      m -= y;
      x += y;
      if (x >= HASH_MODULUS)
        x -= HASH_MODULUS;
    }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  x = x * (guint64) (gint64) sign;
  return hash_fix ((gint64) x);
}

#define ROTATE(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
  a += b; c += d;                    \
  b = ROTATE (b, s) ^ a;             \
  d = ROTATE (d, t) ^ c;             \
  a = ROTATE (a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)     \
  HALF_ROUND (v0, v1, v2, v3, 13, 16);   \
  HALF_ROUND (v2, v1, v0, v3, 17, 21);

/* SipHash-1-3, CPython 3.11's string hash, with the all-zero key that
 * PYTHONHASHSEED=0 gives. */
static guint64
siphash13 (const guint8 *src, gsize size)
{
  guint64 k0 = 0, k1 = 0;
  guint64 b = (guint64) size << 56;
  guint64 v0 = k0 ^ 0x736f6d6570736575ULL;
  guint64 v1 = k1 ^ 0x646f72616e646f6dULL;
  guint64 v2 = k0 ^ 0x6c7967656e657261ULL;
  guint64 v3 = k1 ^ 0x7465646279746573ULL;

  while (size >= 8)
    {
      guint64 mi = 0;
      for (int i = 7; i >= 0; i--)
        mi = (mi << 8) | src[i];
      src += 8;
      size -= 8;
      v3 ^= mi;
      SINGLE_ROUND (v0, v1, v2, v3);
      v0 ^= mi;
    }
  guint64 t = 0;
  for (int i = (int) size - 1; i >= 0; i--)
    t = (t << 8) | src[i];
  b |= t;
  v3 ^= b;
  SINGLE_ROUND (v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  SINGLE_ROUND (v0, v1, v2, v3);
  SINGLE_ROUND (v0, v1, v2, v3);
  SINGLE_ROUND (v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

/* A str hashes the bytes of its PEP 393 form: 1, 2 or 4 bytes a character. */
static gint64
hash_str (ReclaimValue v)
{
  glong n;
  gunichar *chars = builtins_str_ucs4 (v, &n);
  gunichar max = 0;
  for (glong i = 0; i < n; i++)
    max = MAX (max, chars[i]);
  int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  guint8 *bytes = g_malloc (n * width + 1);
  for (glong i = 0; i < n; i++)
    for (int k = 0; k < width; k++)
      bytes[i * width + k] = (chars[i] >> (8 * k)) & 0xff;
  gint64 h = n == 0 ? 0 : hash_fix ((gint64) siphash13 (bytes, n * width));
  g_free (bytes);
  g_free (chars);
  return h;
}

/* tuplehash: the xxHash-based one of 3.8+, folded without C recursion. */
typedef struct {
  guint64 acc;
  guint   n_items;
} TupleHash;

static gpointer
tuple_hash_begin (ReclaimValue tuple, guint n_items)
{
  TupleHash *h = g_new (TupleHash, 1);
  h->acc = 2870177450012600261ULL;   /* prime 5 */
  h->n_items = n_items;
  return h;
}

static void
tuple_hash_add (gpointer state, gint64 lane)
{
  TupleHash *h = state;
  h->acc += (guint64) lane * 14029467366897019727ULL;   /* prime 2 */
  h->acc = ROTATE (h->acc, 31);
  h->acc *= 11400714785074694791ULL;   /* prime 1 */
}

static gint64
tuple_hash_end (gpointer state)
{
  TupleHash *h = state;
  guint64 acc = h->acc + (h->n_items ^ (2870177450012600261ULL ^ 3527539UL));
  g_free (h);
  return acc == (guint64) -1 ? 1546275796 : (gint64) acc;
}

static const LangTupleFold tuple_hash_fold = {
  tuple_hash_begin, builtins_hash, tuple_hash_add, tuple_hash_end, g_free,
};

/* A user class: its __hash__, None when it sets __eq__ alone, else identity. */
static gboolean
hash_instance (ReclaimInterp *interp, ReclaimValue v, LangClass *cls, gint64 *out)
{
  ReclaimValue hash_key = scalar_str ("__hash__", -1), eq_key = scalar_str ("__eq__", -1);
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    {
      ReclaimValue method = c->ns ? lang_dict_get (interp, c->ns, hash_key) : 0;
      if (method == 0 && c->ns && lang_dict_get (interp, c->ns, eq_key))
        method = scalar_none ();
      if (method == 0)
        continue;
      if (scalar_type (method) == SCALAR_NONE)
        {
          lang_raise (interp, "TypeError", "unhashable type: '%s'", cls->name);
          return FALSE;
        }
      ReclaimValue r = builtins_call_special (interp, method, v, 0, NULL);
      if (r == LANG_ERROR)
        return FALSE;
      if (!builtins_is_int (r))
        {
          lang_decref (interp, r);
          lang_raise (interp, "TypeError", "__hash__ method should return an integer");
          return FALSE;
        }
      /* slot_tp_hash: an int that fits a Py_ssize_t is the hash as it is
       * (-1 is kept for errors); a bigger one gives its own hash */
      gint64 h = scalar_int_is_big (r) ? bigint_hash (r) : scalar_get_int (r);
      *out = h == -1 ? -2 : h;
      return TRUE;
    }
  *out = hash_pointer (v);
  return TRUE;
}

/* weakref_hash: a ref hashes as its referent, and keeps that hash for
 * when the referent is gone; a ref never hashed while alive has none. */
static gboolean
hash_weakref (ReclaimInterp *interp, ReclaimValue wr, gint64 *out)
{
  gint64 *cached = g_hash_table_lookup (interp->weakref_hashes, GUINT_TO_POINTER (wr));
  if (cached)
    {
      *out = *cached;
      return TRUE;
    }
  ReclaimId referent = reclaim_heap_weakref_get_referent (lang_heap (interp), wr);
  if (referent == 0)
    {
      lang_raise (interp, "TypeError", "weak object has gone away");
      return FALSE;
    }
  if (!builtins_hash (interp, referent, out))
    return FALSE;
  lang_side_insert (interp, interp->weakref_hashes, wr, g_memdup2 (out, sizeof *out));
  return TRUE;
}

gboolean
builtins_hash (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  switch (scalar_type (v))
    {
    case SCALAR_BOOL:
    case SCALAR_INT:
      *out = bigint_hash (v);
      return TRUE;
    case SCALAR_FLOAT:
      *out = hash_double (v, scalar_get_float (v));
      return TRUE;
    case SCALAR_STR:
      *out = hash_str (v);
      return TRUE;
    case SCALAR_BYTES:
      {
        gsize len;
        const guint8 *data = scalar_get_bytes (v, &len);
        *out = len == 0 ? 0 : hash_fix ((gint64) siphash13 (data, len));
      }
      return TRUE;
    case SCALAR_NONE:
      *out = hash_pointer (v);
      return TRUE;
    case SCALAR_NOT_SCALAR:
      break;
    }
  if (lang_is_proxy (interp, v))
    return lang_proxy_unhashable (interp, v);
  if (builtins_is_kind (interp, v, RECLAIM_KIND_WEAKREF) || lang_is_weakmethod (interp, v))
    return hash_weakref (interp, v, out);
  LangClass *cls = lang_class_of (interp, v);
  /* a class based on list or dict inherits their __hash__ = None */
  if (lang_is_container_instance (interp, v) && lang_eval_class_lookup (interp, cls, "__hash__") == 0)
    {
      lang_raise (interp, "TypeError", "unhashable type: '%s'", cls->name);
      return FALSE;
    }
  if (!cls->builtin)
    return hash_instance (interp, v, cls, out);
  /* a tuple, or a named tuple (a builtin subclass) */
  if (reclaim_value_is_object (v) && reclaim_heap_get_kind (lang_heap (interp), v) == RECLAIM_KIND_TUPLE)
    return lang_tuple_fold (interp, v, &tuple_hash_fold, out);
  if (builtins_is_kind (interp, v, RECLAIM_KIND_METHOD))
    {
      /* meth_hash: the identity of __self__ mixed with the function's hash */
      ReclaimHeap *h = lang_heap (interp);
      *out = hash_pointer (reclaim_heap_slot_get (h, v, 1)) ^ hash_pointer (reclaim_heap_slot_get (h, v, 0));
      if (*out == -1)
        *out = -2;
      return TRUE;
    }
  if (!lang_hashable (interp, v))
    return FALSE;
  *out = hash_pointer (v);
  return TRUE;
}

/* ---- int and float methods -------------------------------------------------------- */

static ReclaimValue
int_bit_length (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "int.bit_length", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  return scalar_int (bigint_bit_length (self));
}

static ReclaimValue
int_bit_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "int.bit_count", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  return scalar_int (bigint_bit_count (self));
}

static ReclaimValue
int_conjugate (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "int.conjugate", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  return scalar_int_of (self);
}

static ReclaimValue
int_as_integer_ratio (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "int.as_integer_ratio", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue items[] = { scalar_int_of (self), scalar_int (1) };
  return lang_tuple_new (interp, 2, items);
}

const LangMethodDef builtins_int_methods[] = {
  { "bit_length", int_bit_length },
  { "bit_count", int_bit_count },
  { "conjugate", int_conjugate },
  { "as_integer_ratio", int_as_integer_ratio },
  { NULL }
};

static ReclaimValue
float_is_integer (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "float.is_integer", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  double d = scalar_get_float (self);
  return scalar_bool (isfinite (d) && d == floor (d));
}

static ReclaimValue
float_conjugate (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "float.conjugate", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  return self;
}

static ReclaimValue
float_as_integer_ratio (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "float.as_integer_ratio", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  double d = scalar_get_float (self);
  if (isinf (d))
    return lang_raise (interp, "OverflowError", "cannot convert Infinity to integer ratio");
  if (isnan (d))
    return lang_raise (interp, "ValueError", "cannot convert NaN to integer ratio");
  int e;
  double m = frexp (d, &e);
  for (int i = 0; i < 300 && m != floor (m); i++)
    {
      m *= 2.0;
      e--;
    }
  mpz_t num, den;
  mpz_init_set_d (num, m);
  mpz_init_set_ui (den, 1);
  if (e > 0)
    mpz_mul_2exp (num, num, e);
  else
    mpz_mul_2exp (den, den, -e);
  ReclaimValue items[] = { scalar_int_from_mpz (num), scalar_int_from_mpz (den) };
  mpz_clear (num);
  mpz_clear (den);
  return lang_tuple_new (interp, 2, items);
}

const LangMethodDef builtins_float_methods[] = {
  { "is_integer", float_is_integer },
  { "conjugate", float_conjugate },
  { "as_integer_ratio", float_as_integer_ratio },
  { NULL }
};

static const LangMethodDef number_functions[] = {
  { "abs", builtin_abs },
  { "round", builtin_round },
  { "divmod", builtin_divmod },
  { "pow", builtin_pow },
  { "chr", builtin_chr },
  { "ord", builtin_ord },
  { "format", builtin_format },
  { "bin", builtin_bin },
  { "oct", builtin_oct },
  { "hex", builtin_hex },
  { NULL }
};

void
builtins_numbers_init (ReclaimInterp *interp)
{
  for (const LangMethodDef *f = number_functions; f->name; f++)
    lang_add_builtin (interp, f->name, f->func);
}
