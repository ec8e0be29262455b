/* test-scalar.c: floats, ints and strs are one value per equal value,
 * across the growth of their tables and across sweeps that keep the
 * marked ones and let the others go.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No interpreter runs here: the test marks values itself, as
 * reclaim-safe-point.c does, and calls the sweep.
 */
#include "reclaim-scalar.h"

#include <math.h>
#include <string.h>

/* Enough values for the tables to grow many times over. */
#define N_VALUES 40000

static double
float_of (guint i)
{
  return i * 0.37 + 1e-3;
}

static gint64
int_of (guint i)
{
  return (G_GINT64_CONSTANT (1) << 40) + (gint64) i * 7919 * (i % 2 ? 1 : -1);
}

/* Strs of many lengths (the hash reads eight bytes at a time, then the
 * rest), some with NULs inside. */
static GString *
str_of (guint i)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%u", i);
  for (guint k = 0; k < i % 19; k++)
    g_string_append_c (s, k % 5 == 0 ? '\0' : 'a' + k);
  return s;
}

typedef struct {
  ReclaimValue floats[N_VALUES];
  ReclaimValue ints[N_VALUES];
  ReclaimValue strs[N_VALUES];
} Made;

static void
make_all (Made *made)
{
  for (guint i = 0; i < N_VALUES; i++)
    {
      g_autoptr (GString) s = str_of (i);
      made->floats[i] = scalar_float (float_of (i));
      made->ints[i] = scalar_int (int_of (i));
      made->strs[i] = scalar_str (s->str, s->len);
    }
}

static void
assert_value (const Made *made, guint i)
{
  g_autoptr (GString) s = str_of (i);
  gsize len;
  g_assert_cmpfloat (scalar_get_float (made->floats[i]), ==, float_of (i));
  g_assert_cmpint (scalar_get_int (made->ints[i]), ==, int_of (i));
  const char *text = scalar_get_str (made->strs[i], &len);
  g_assert_cmpmem (text, len, s->str, s->len);
}

/* The same values made again are the same ReclaimValues, and distinct
 * values are distinct. */
static void
test_equal_values_one_value (void)
{
  g_autofree Made *first = g_new (Made, 1), *again = g_new (Made, 1);
  make_all (first);
  make_all (again);
  g_assert_cmpmem (first, sizeof *first, again, sizeof *again);

  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < N_VALUES; i++)
    {
      assert_value (first, i);
      g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (first->floats[i])));
      g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (first->ints[i])));
      g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (first->strs[i])));
    }
}

/* Long strs (hashed in four lanes from 32 bytes on) that differ in one
 * byte, wherever it is, are distinct values; the same text made again
 * from another buffer is the same value. */
static void
test_long_strs (void)
{
  const gsize lengths[] = { 31, 32, 33, 39, 64, 65, 100 };
  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    {
      gsize len = lengths[l];
      g_autofree char *text = g_strnfill (len, 'a');
      ReclaimValue base = scalar_str (text, len);
      g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
      g_hash_table_add (seen, GUINT_TO_POINTER (base));
      for (gsize at = 0; at < len; at++)
        {
          text[at] = 'b';
          ReclaimValue changed = scalar_str (text, len);
          g_autofree char *copy = g_strndup (text, len);
          g_assert_cmpuint (scalar_str (copy, len), ==, changed);
          g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (changed)));
          text[at] = 'a';
        }
      g_assert_cmpuint (scalar_str (text, len), ==, base);
    }
}

static double
nan_with_payload (guint64 payload, gboolean negative)
{
  guint64 bits = G_GUINT64_CONSTANT (0x7ff8000000000000) | payload | (negative ? G_GUINT64_CONSTANT (1) << 63 : 0);
  double d;
  memcpy (&d, &bits, sizeof d);
  return d;
}

/* Every NaN is one value (all read "nan"); 0.0 and -0.0 are two. */
static void
test_nan_and_zeros (void)
{
  ReclaimValue nan = scalar_float (NAN);
  g_assert_cmpuint (scalar_float (-NAN), ==, nan);
  g_assert_cmpuint (scalar_float (nan_with_payload (12345, FALSE)), ==, nan);
  g_assert_cmpuint (scalar_float (nan_with_payload (1, TRUE)), ==, nan);
  g_autofree char *nan_repr = scalar_repr (nan);
  g_assert_cmpstr (nan_repr, ==, "nan");

  ReclaimValue zero = scalar_float (0.0), minus_zero = scalar_float (-0.0);
  g_assert_cmpuint (zero, !=, minus_zero);
  g_assert_cmpuint (scalar_float (0.0), ==, zero);
  g_assert_cmpuint (scalar_float (-0.0), ==, minus_zero);
  g_autofree char *minus_zero_repr = scalar_repr (minus_zero);
  g_assert_cmpstr (minus_zero_repr, ==, "-0.0");
  g_assert_cmpuint (scalar_float (1.0), !=, scalar_float (-1.0));
}

static gboolean
kept_in_round (guint i, guint round)
{
  return (i + round) % 3 == 0;
}

/* Sweeps keep what was marked, with its number and its value, and let
 * the rest go; what was let go is made anew with numbers the sweep gave
 * back, and equal values are again one value.  Each round makes more
 * values than the last, so the tables grow between sweeps too. */
static void
test_sweep_keeps_marked (void)
{
  g_autofree Made *made = g_new (Made, 1), *again = g_new (Made, 1);
  make_all (made);
  for (guint round = 0; round < 3; round++)
    {
      /* above every number handed out so far */
      ReclaimValue fresh = reclaim_value_anonymous ();
      for (guint i = 0; i < N_VALUES; i++)
        {
          if (kept_in_round (i, round))
            {
              scalar_mark (made->floats[i]);
              scalar_mark (made->ints[i]);
              scalar_mark (made->strs[i]);
            }
        }
      gsize held_before = scalar_bytes_held ();
      scalar_sweep (0);
      /* two thirds of the strs' texts alone are more than 300 KB */
      g_assert_cmpuint (scalar_bytes_held () + 300000, <, held_before);
      for (guint i = 0; i < N_VALUES; i++)
        {
          if (kept_in_round (i, round))
            assert_value (made, i);
          else
            {
              g_assert_cmpint (scalar_type (made->floats[i]), ==, SCALAR_NOT_SCALAR);
              g_assert_cmpint (scalar_type (made->ints[i]), ==, SCALAR_NOT_SCALAR);
              g_assert_cmpint (scalar_type (made->strs[i]), ==, SCALAR_NOT_SCALAR);
            }
        }

      make_all (again);
      for (guint i = 0; i < N_VALUES; i++)
        {
          assert_value (again, i);
          if (kept_in_round (i, round))
            {
              g_assert_cmpuint (again->floats[i], ==, made->floats[i]);
              g_assert_cmpuint (again->ints[i], ==, made->ints[i]);
              g_assert_cmpuint (again->strs[i], ==, made->strs[i]);
            }
          else
            {
              /* numbers the sweep gave back, not new ones */
              g_assert_cmpuint (again->floats[i], <, fresh);
              g_assert_cmpuint (again->ints[i], <, fresh);
              g_assert_cmpuint (again->strs[i], <, fresh);
            }
        }
      memcpy (made, again, sizeof *made);
    }
}

/* A sweep that finds nothing marked empties the tables, and the next
 * one, with one value made since, shrinks them to their smallest: they
 * grow again as values come. */
static void
test_sweep_of_everything (void)
{
  g_autofree Made *made = g_new (Made, 1);
  make_all (made);
  scalar_sweep (0);
  for (guint i = 0; i < N_VALUES; i++)
    g_assert_cmpint (scalar_type (made->strs[i]), ==, SCALAR_NOT_SCALAR);
  ReclaimValue one = scalar_float (1.5);
  g_assert_cmpuint (scalar_float (1.5), ==, one);
  scalar_sweep (0);
  make_all (made);
  for (guint i = 0; i < N_VALUES; i++)
    assert_value (made, i);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lang/scalar/equal-values-one-value", test_equal_values_one_value);
  g_test_add_func ("/lang/scalar/nan-and-zeros", test_nan_and_zeros);
  g_test_add_func ("/lang/scalar/long-strs", test_long_strs);
  g_test_add_func ("/lang/scalar/sweep-keeps-marked", test_sweep_keeps_marked);
  g_test_add_func ("/lang/scalar/sweep-of-everything", test_sweep_of_everything);
  return g_test_run ();
}
