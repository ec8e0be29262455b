/* reclaim-bigint.c
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An mpz that clears itself at the end of its block. */
typedef struct {
  mpz_t z;
} BigTemp;

static void
big_temp_clear (BigTemp *t)
{
  mpz_clear (t->z);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BigTemp, big_temp_clear)

#define BIG(name, value) g_auto (BigTemp) name; mpz_init (name.z); scalar_get_mpz ((value), name.z)
#define BIG_EMPTY(name)  g_auto (BigTemp) name; mpz_init (name.z)

/* Before GMP makes a number of about `bits` bits: room for it, for GMP's
 * scratch space while it computes, and for the text it is interned under
 * must be in the budget, or MemoryError as python3 answers. */
static gboolean
reserve_bits (ReclaimInterp *interp, guint64 bits)
{
  guint64 bytes = bits / 8;
  if (bits > (G_GUINT64_CONSTANT (1) << 60))
    bytes = G_MAXUINT64 / 2;
  return lang_memory_reserve (interp, bytes, 6);
}

static ReclaimValue
too_big_for_float (ReclaimInterp *interp)
{
  return lang_raise (interp, "OverflowError", "int too large to convert to float");
}

/* ---- conversions -------------------------------------------------------- */

/* A magnitude of n > 64 bits, correctly rounded to a double: the top 55
 * bits, the lowest of them set when any bit below them is (a "sticky"
 * bit), convert exactly as the full number would round. */
static double
magnitude_to_double (const mpz_t m)
{
  gsize bits = mpz_sizeinbase (m, 2);
  if (bits <= 64)
    {
      guint64 low = mpz_getlimbn (m, 0);
      return (double) low;
    }
  gsize shift = bits - 55;
  BIG_EMPTY (top);
  mpz_tdiv_q_2exp (top.z, m, shift);
  guint64 top_bits = mpz_get_ui (top.z);
  if (mpz_scan1 (m, 0) < shift)
    top_bits |= 1;
  return ldexp ((double) top_bits, (int) MIN (shift, 4096));
}

gboolean
bigint_to_double (ReclaimInterp *interp, ReclaimValue v, double *out)
{
  if (!scalar_int_is_big (v))
    {
      *out = (double) scalar_get_int (v);
      return TRUE;
    }
  BIG (z, v);
  gboolean negative = mpz_sgn (z.z) < 0;
  mpz_abs (z.z, z.z);
  double d = mpz_sizeinbase (z.z, 2) > 1024 ? INFINITY : magnitude_to_double (z.z);
  if (isinf (d))
    {
      too_big_for_float (interp);
      return FALSE;
    }
  *out = negative ? -d : d;
  return TRUE;
}

ReclaimValue
bigint_from_double (double d)
{
  BIG_EMPTY (z);
  mpz_set_d (z.z, d);
  return scalar_int_from_mpz (z.z);
}

gint64
bigint_hash (ReclaimValue v)
{
  const unsigned long modulus = (1UL << 61) - 1;
  gint64 h;
  if (!scalar_int_is_big (v))
    {
      gint64 n = scalar_get_int (v);
      h = (gint64) ((n < 0 ? -(guint64) n : (guint64) n) % modulus);
      h = n < 0 ? -h : h;
    }
  else
    {
      BIG (z, v);
      h = (gint64) mpz_tdiv_ui (z.z, modulus);
      h = mpz_sgn (z.z) < 0 ? -h : h;
    }
  return h == -1 ? -2 : h;
}

guint64
bigint_bit_length (ReclaimValue v)
{
  BIG (z, v);
  return mpz_sgn (z.z) == 0 ? 0 : mpz_sizeinbase (z.z, 2);
}

guint64
bigint_bit_count (ReclaimValue v)
{
  BIG (z, v);
  mpz_abs (z.z, z.z);
  return mpz_popcount (z.z);
}

void
bigint_raise_str_limit (ReclaimInterp *interp)
{
  lang_raise (interp, "ValueError", "Exceeds the limit (%d digits) for integer string conversion; "
              "use sys.set_int_max_str_digits() to increase the limit", SCALAR_INT_MAX_STR_DIGITS);
}

char *
bigint_digits (ReclaimInterp *interp, ReclaimValue v, int base, gboolean upper)
{
  if (base == 10 && scalar_int_is_huge (v))
    {
      bigint_raise_str_limit (interp);
      return NULL;
    }
  BIG (z, v);
  mpz_abs (z.z, z.z);
  char *gmp_text = mpz_get_str (NULL, upper ? -base : base, z.z);
  char *text = g_strdup (gmp_text);
  free (gmp_text);
  return text;
}

ReclaimValue
bigint_parse (ReclaimInterp *interp, const char *digits, int base)
{
  if (!reserve_bits (interp, (guint64) strlen (digits) * 6))
    return LANG_ERROR;
  BIG_EMPTY (z);
  if (mpz_set_str (z.z, digits, base) != 0)
    return lang_raise (interp, "ValueError", "invalid literal for int() with base %d", base);
  return scalar_int_from_mpz (z.z);
}

/* ---- comparison --------------------------------------------------------- */

int
bigint_compare (ReclaimValue a, ReclaimValue b)
{
  gboolean a_float = scalar_type (a) == SCALAR_FLOAT, b_float = scalar_type (b) == SCALAR_FLOAT;
  if (a_float || b_float)
    {
      double d = scalar_get_float (a_float ? a : b);
      if (isnan (d))
        return 2;
      BIG (z, a_float ? b : a);
      /* mpz_cmp_d compares exactly, infinities included */
      int c = mpz_cmp_d (z.z, d);
      c = c < 0 ? -1 : c > 0;
      return a_float ? -c : c;
    }
  BIG (x, a);
  BIG (y, b);
  int c = mpz_cmp (x.z, y.z);
  return c < 0 ? -1 : c > 0;
}

/* ---- arithmetic --------------------------------------------------------- */

/* int / int, correctly rounded as CPython's long_true_divide: a quotient
 * of at least 55 bits with a sticky bit for the remainder, scaled back. */
static ReclaimValue
true_divide (ReclaimInterp *interp, const mpz_t a, const mpz_t b)
{
  if (mpz_sgn (b) == 0)
    return lang_raise (interp, "ZeroDivisionError", "division by zero");
  /* 0 / -n is -0.0, as the float division it stands for gives */
  gboolean negative = mpz_sgn (a) == 0 ? mpz_sgn (b) < 0 : mpz_sgn (a) * mpz_sgn (b) < 0;
  if (mpz_sgn (a) == 0)
    return scalar_float (negative ? -0.0 : 0.0);
  BIG_EMPTY (x);
  BIG_EMPTY (y);
  mpz_abs (x.z, a);
  mpz_abs (y.z, b);
  glong diff = (glong) mpz_sizeinbase (x.z, 2) - (glong) mpz_sizeinbase (y.z, 2);
  if (diff > 1025)
    return lang_raise (interp, "OverflowError", "integer division result too large for a float");
  if (diff < -1080)
    return scalar_float (negative ? -0.0 : 0.0);
  glong shift = 55 - diff;
  if (shift > 0)
    mpz_mul_2exp (x.z, x.z, shift);
  else
    mpz_mul_2exp (y.z, y.z, -shift);
  BIG_EMPTY (q);
  BIG_EMPTY (r);
  mpz_tdiv_qr (q.z, r.z, x.z, y.z);
  guint64 bits = mpz_get_ui (q.z);
  if (mpz_sgn (r.z) != 0)
    bits |= 1;
  double d = ldexp ((double) bits, (int) -shift);
  if (isinf (d))
    return lang_raise (interp, "OverflowError", "integer division result too large for a float");
  return scalar_float (negative ? -d : d);
}

/* int ** int with a negative exponent is float ** float. */
static ReclaimValue
power_negative (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b, const mpz_t base)
{
  if (mpz_sgn (base) == 0)
    return lang_raise (interp, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
  double x, y;
  if (!bigint_to_double (interp, a, &x) || !bigint_to_double (interp, b, &y))
    return LANG_ERROR;
  return scalar_float (pow (x, y));
}

static ReclaimValue
power (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b, const mpz_t x, const mpz_t y)
{
  if (mpz_sgn (y) < 0)
    return power_negative (interp, a, b, x);
  BIG_EMPTY (r);
  if (mpz_cmpabs_ui (x, 1) <= 0)
    {
      /* 0, 1 and -1 to any power, however large */
      mpz_set_si (r.z, mpz_sgn (x) == 0 ? mpz_sgn (y) == 0 : mpz_sgn (x) > 0 || mpz_even_p (y) ? 1 : -1);
      return scalar_int_from_mpz (r.z);
    }
  guint64 bits;
  if (!mpz_fits_ulong_p (y) ||
      !g_uint64_checked_mul (&bits, mpz_sizeinbase (x, 2), mpz_get_ui (y)) || !reserve_bits (interp, bits))
    {
      if (!lang_error_occurred (interp))
        lang_raise_value (interp, "MemoryError", 0);
      return LANG_ERROR;
    }
  mpz_pow_ui (r.z, x, mpz_get_ui (y));
  return scalar_int_from_mpz (r.z);
}

static ReclaimValue
shift_left (ReclaimInterp *interp, const mpz_t x, const mpz_t y)
{
  if (mpz_sgn (y) < 0)
    return lang_raise (interp, "ValueError", "negative shift count");
  BIG_EMPTY (r);
  if (mpz_sgn (x) == 0)
    return scalar_int (0);
  if (!mpz_fits_slong_p (y))
    return lang_raise (interp, "OverflowError", "too many digits in integer");
  if (!reserve_bits (interp, mpz_sizeinbase (x, 2) + mpz_get_ui (y)))
    return LANG_ERROR;
  mpz_mul_2exp (r.z, x, mpz_get_ui (y));
  return scalar_int_from_mpz (r.z);
}

static ReclaimValue
shift_right (ReclaimInterp *interp, const mpz_t x, const mpz_t y)
{
  if (mpz_sgn (y) < 0)
    return lang_raise (interp, "ValueError", "negative shift count");
  if (!mpz_fits_ulong_p (y) || mpz_get_ui (y) >= mpz_sizeinbase (x, 2))
    return scalar_int (mpz_sgn (x) < 0 ? -1 : 0);
  BIG_EMPTY (r);
  /* floor division by 2**y: Python's arithmetic shift */
  mpz_fdiv_q_2exp (r.z, x, mpz_get_ui (y));
  return scalar_int_from_mpz (r.z);
}

static ReclaimValue
floor_divide (ReclaimInterp *interp, ReclaimBinOp op, const mpz_t x, const mpz_t y)
{
  if (mpz_sgn (y) == 0)
    return lang_raise (interp, "ZeroDivisionError", op == RECLAIM_BIN_MOD ? "integer modulo by zero"
                                                                         : "integer division or modulo by zero");
  BIG_EMPTY (r);
  if (op == RECLAIM_BIN_MOD)
    mpz_fdiv_r (r.z, x, y);
  else
    mpz_fdiv_q (r.z, x, y);
  return scalar_int_from_mpz (r.z);
}

ReclaimValue
bigint_binary (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b)
{
  BIG (x, a);
  BIG (y, b);
  BIG_EMPTY (r);
  gsize bits_x = mpz_sizeinbase (x.z, 2), bits_y = mpz_sizeinbase (y.z, 2);

  switch (op)
    {
    case RECLAIM_BIN_ADD:
    case RECLAIM_BIN_SUB:
      if (!reserve_bits (interp, MAX (bits_x, bits_y) + 1))
        return LANG_ERROR;
      (op == RECLAIM_BIN_ADD ? mpz_add : mpz_sub) (r.z, x.z, y.z);
      return scalar_int_from_mpz (r.z);
    case RECLAIM_BIN_MULT:
      if (!reserve_bits (interp, (guint64) bits_x + bits_y))
        return LANG_ERROR;
      mpz_mul (r.z, x.z, y.z);
      return scalar_int_from_mpz (r.z);
    case RECLAIM_BIN_FLOORDIV:
    case RECLAIM_BIN_MOD:
      return floor_divide (interp, op, x.z, y.z);
    case RECLAIM_BIN_DIV:
      return true_divide (interp, x.z, y.z);
    case RECLAIM_BIN_POW:
      return power (interp, a, b, x.z, y.z);
    case RECLAIM_BIN_LSHIFT:
      return shift_left (interp, x.z, y.z);
    case RECLAIM_BIN_RSHIFT:
      return shift_right (interp, x.z, y.z);
    case RECLAIM_BIN_BITOR:
    case RECLAIM_BIN_BITXOR:
    case RECLAIM_BIN_BITAND:
      /* GMP's bit operations take negative numbers as infinite two's
       * complement, as Python's do */
      (op == RECLAIM_BIN_BITOR ? mpz_ior : op == RECLAIM_BIN_BITXOR ? mpz_xor : mpz_and) (r.z, x.z, y.z);
      return scalar_int_from_mpz (r.z);
    case RECLAIM_BIN_MATMULT:
      break;
    }
  return LANG_ERROR;
}

ReclaimValue
bigint_negative (ReclaimInterp *interp, ReclaimValue v)
{
  BIG (z, v);
  mpz_neg (z.z, z.z);
  return scalar_int_from_mpz (z.z);
}

ReclaimValue
bigint_invert (ReclaimInterp *interp, ReclaimValue v)
{
  BIG (z, v);
  mpz_com (z.z, z.z);
  return scalar_int_from_mpz (z.z);
}

ReclaimValue
bigint_absolute (ReclaimInterp *interp, ReclaimValue v)
{
  BIG (z, v);
  mpz_abs (z.z, z.z);
  return scalar_int_from_mpz (z.z);
}

ReclaimValue
bigint_divmod (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  BIG (x, a);
  BIG (y, b);
  if (mpz_sgn (y.z) == 0)
    return lang_raise (interp, "ZeroDivisionError", "integer division or modulo by zero");
  BIG_EMPTY (q);
  BIG_EMPTY (r);
  mpz_fdiv_qr (q.z, r.z, x.z, y.z);
  ReclaimValue items[] = { scalar_int_from_mpz (q.z), scalar_int_from_mpz (r.z) };
  return lang_tuple_new (interp, 2, items);
}

/* pow(base, exp, mod): the result takes the sign of mod; a negative exp
 * asks for the inverse of base modulo mod first. */
ReclaimValue
bigint_pow_mod (ReclaimInterp *interp, ReclaimValue base, ReclaimValue exp, ReclaimValue mod)
{
  BIG (b, base);
  BIG (e, exp);
  BIG (m, mod);
  if (mpz_sgn (m.z) == 0)
    return lang_raise (interp, "ValueError", "pow() 3rd argument cannot be 0");
  gboolean negative_mod = mpz_sgn (m.z) < 0;
  mpz_abs (m.z, m.z);
  if (mpz_sgn (e.z) < 0)
    {
      if (mpz_cmp_ui (m.z, 1) == 0)
        return scalar_int (0);
      if (mpz_invert (b.z, b.z, m.z) == 0)
        return lang_raise (interp, "ValueError", "base is not invertible for the given modulus");
      mpz_neg (e.z, e.z);
    }
  BIG_EMPTY (r);
  mpz_powm (r.z, b.z, e.z, m.z);
  if (negative_mod && mpz_sgn (r.z) != 0)
    mpz_sub (r.z, r.z, m.z);
  return scalar_int_from_mpz (r.z);
}

ReclaimValue
bigint_round (ReclaimInterp *interp, ReclaimValue v, gint64 ndigits)
{
  if (ndigits >= 0)
    return scalar_int_of (v);
  BIG (x, v);
  /* 10**-ndigits beyond twice |x|: the nearest multiple is 0 (python3
   * computes the power first; the answer is the same) */
  if (-(ndigits + 1) > (gint64) mpz_sizeinbase (x.z, 10))
    return scalar_int (0);
  BIG_EMPTY (pow10);
  BIG_EMPTY (q);
  BIG_EMPTY (r);
  mpz_ui_pow_ui (pow10.z, 10, (unsigned long) -ndigits);
  mpz_fdiv_qr (q.z, r.z, x.z, pow10.z);
  mpz_mul_2exp (r.z, r.z, 1);
  int c = mpz_cmp (r.z, pow10.z);
  if (c > 0 || (c == 0 && mpz_odd_p (q.z)))
    mpz_add_ui (q.z, q.z, 1);
  mpz_mul (q.z, q.z, pow10.z);
  return scalar_int_from_mpz (q.z);
}
