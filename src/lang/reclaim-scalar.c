/* reclaim-scalar.c
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-scalar.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  ScalarType type;
  gint64     i;
  double     d;
  char      *s;       /* str: the UTF-8 text */
  gsize      len;
  mpz_t     *big;     /* int beyond 64 bits: its value (i then saturated) */
  gboolean   huge;    /* big, and too long for python3 to write in decimal */
} Scalar;

/* Scalars by the interned number of their repr (reclaim_intern): the
 * numbers are small and dense, so an array indexed by them is the fastest
 * lookup.  Interned text lives as long as the process, and so do these
 * entries.  No lock: one script runs at a time, and its generators run
 * in its thread (reclaim-coroutine.c). */
static GPtrArray *scalars;
static gsize      bytes_held;

#define TEXT_ID_OF(value) ((value) & ~(1u << 31))

static const Scalar *
lookup (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value) || reclaim_value_is_int (value))
    return NULL;
  guint q = TEXT_ID_OF (value);
  return scalars && q < scalars->len ? scalars->pdata[q] : NULL;
}

static ReclaimValue
intern (const char *repr, const Scalar *proto)
{
  ReclaimValue value = reclaim_value_text (repr);
  guint q = TEXT_ID_OF (value);

  if (scalars == NULL)
    scalars = g_ptr_array_new ();
  if (q >= scalars->len)
    g_ptr_array_set_size (scalars, MAX (q + 1, scalars->len * 2));
  if (scalars->pdata[q] == NULL)
    {
      Scalar *s = g_new (Scalar, 1);
      *s = *proto;
      /* the record, its interned repr and the table entries beside them */
      bytes_held += sizeof *s + strlen (repr) + 48;
      if (proto->type == SCALAR_STR || proto->type == SCALAR_BYTES)
        {
          /* not g_strndup: the text may hold NULs */
          s->s = g_malloc (proto->len + 1);
          memcpy (s->s, proto->s, proto->len);
          s->s[proto->len] = '\0';
          bytes_held += proto->len;
        }
      if (proto->big)
        {
          s->big = g_new (mpz_t, 1);
          mpz_init_set (*s->big, *proto->big);
          bytes_held += mpz_size (*s->big) * sizeof (mp_limb_t);
        }
      scalars->pdata[q] = s;
    }
  return value;
}

ScalarType
scalar_type (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return SCALAR_INT;
  const Scalar *s = lookup (value);
  return s ? s->type : SCALAR_NOT_SCALAR;
}

const char *
scalar_type_name (ScalarType type)
{
  static const char *names[] = { "object", "NoneType", "bool", "int", "float", "str", "bytes" };
  return names[type];
}

/* None, False and True are made on nearly every line (every comparison,
 * every call that returns nothing): their interned values never change,
 * so they are looked up once, not under the intern lock each time. */
static ReclaimValue
intern_once (ReclaimValue *cache, const char *repr, const Scalar *proto)
{
  ReclaimValue value = (ReclaimValue) g_atomic_int_get ((gint *) cache);
  if (G_UNLIKELY (value == 0))
    {
      value = intern (repr, proto);
      g_atomic_int_set ((gint *) cache, (gint) value);
    }
  return value;
}

ReclaimValue
scalar_none (void)
{
  static const Scalar none = { SCALAR_NONE };
  static ReclaimValue cached;
  return intern_once (&cached, "None", &none);
}

ReclaimValue
scalar_bool (gboolean b)
{
  static const Scalar false_proto = { SCALAR_BOOL, 0 }, true_proto = { SCALAR_BOOL, 1 };
  static ReclaimValue cached[2];
  return b ? intern_once (&cached[1], "True", &true_proto) : intern_once (&cached[0], "False", &false_proto);
}

ReclaimValue
scalar_int (gint64 n)
{
  if (n >= -(1 << 29) && n < (1 << 29))
    return reclaim_value_int ((gint32) n);
  char buf[32];
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, n);
  Scalar s = { SCALAR_INT, n };
  return intern (buf, &s);
}

/* An int past 64 bits is interned under its decimal repr while python3
 * would write one (sys.int_info.default_max_str_digits); past that, under
 * its hexadecimal literal, which is cheap to make and reads back as the
 * same number. */
static char *
big_int_key (const mpz_t z)
{
  if (mpz_sizeinbase (z, 10) <= SCALAR_INT_MAX_STR_DIGITS + 1)
    {
      char *decimal = mpz_get_str (NULL, 10, z);
      if (strlen (decimal) - (decimal[0] == '-') <= SCALAR_INT_MAX_STR_DIGITS)
        {
          char *key = g_strdup (decimal);
          free (decimal);
          return key;
        }
      free (decimal);
    }
  char *hex = mpz_get_str (NULL, 16, z);
  char *key = hex[0] == '-' ? g_strconcat ("-0x", hex + 1, NULL) : g_strconcat ("0x", hex, NULL);
  free (hex);
  return key;
}

ReclaimValue
scalar_int_from_mpz (const mpz_t z)
{
  if (mpz_fits_slong_p (z))
    return scalar_int (mpz_get_si (z));
  g_autofree char *key = big_int_key (z);
  mpz_t copy;
  mpz_init_set (copy, z);
  Scalar s = { SCALAR_INT, mpz_sgn (z) < 0 ? G_MININT64 : G_MAXINT64 };
  s.big = &copy;
  s.huge = key[0] != '-' ? key[1] == 'x' : key[2] == 'x';
  ReclaimValue value = intern (key, &s);
  mpz_clear (copy);
  return value;
}

gboolean
scalar_int_is_big (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return FALSE;
  const Scalar *s = lookup (value);
  return s && s->big;
}

gboolean
scalar_int_is_huge (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return FALSE;
  const Scalar *s = lookup (value);
  return s && s->huge;
}

void
scalar_get_mpz (ReclaimValue value, mpz_t out)
{
  const Scalar *s = lookup (value);
  if (s && s->big)
    mpz_set (out, *s->big);
  else
    mpz_set_si (out, scalar_get_int (value));
}

ReclaimValue
scalar_int_of (ReclaimValue value)
{
  return scalar_type (value) == SCALAR_BOOL ? scalar_int (scalar_get_int (value)) : value;
}

ReclaimValue
scalar_float (double d)
{
  g_autofree char *repr = scalar_float_repr (d);
  Scalar s = { SCALAR_FLOAT, 0, d };
  return intern (repr, &s);
}

ReclaimValue
scalar_str (const char *utf8, gssize len)
{
  if (len < 0)
    len = strlen (utf8);
  g_autofree char *repr = scalar_str_repr (utf8, len);
  Scalar s = { SCALAR_STR, 0, 0, (char *) utf8, len };
  return intern (repr, &s);
}

ReclaimValue
scalar_bytes (const guint8 *data, gsize len)
{
  if (data == NULL)
    data = (const guint8 *) "";   /* b'': memchr and memcpy want a pointer */
  g_autofree char *repr = scalar_bytes_repr (data, len);
  Scalar s = { SCALAR_BYTES, 0, 0, (char *) data, len };
  return intern (repr, &s);
}

const guint8 *
scalar_get_bytes (ReclaimValue value, gsize *len)
{
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && s->type == SCALAR_BYTES, (const guint8 *) "");
  if (len)
    *len = s->len;
  return (const guint8 *) s->s;
}

/* bytes.__repr__: as str's, but every byte outside printable ASCII is
 * \xhh. */
char *
scalar_bytes_repr (const guint8 *data, gsize len)
{
  gboolean has_single = memchr (data, '\'', len) != NULL;
  gboolean has_double = memchr (data, '"', len) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  GString *out = g_string_sized_new (len + 3);

  g_string_append_c (out, 'b');
  g_string_append_c (out, quote);
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];
      if (c == quote || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, quote);
  return g_string_free (out, FALSE);
}

gboolean
scalar_get_bool (ReclaimValue value)
{
  return scalar_get_int (value) != 0;
}

gint64
scalar_get_int (ReclaimValue value)
{
  if (reclaim_value_is_int (value))
    return reclaim_value_get_int (value);
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && (s->type == SCALAR_INT || s->type == SCALAR_BOOL), 0);
  return s->i;
}

double
scalar_get_float (ReclaimValue value)
{
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && s->type == SCALAR_FLOAT, 0);
  return s->d;
}

const char *
scalar_get_str (ReclaimValue value, gsize *len)
{
  const Scalar *s = lookup (value);
  g_return_val_if_fail (s && s->type == SCALAR_STR, "");
  if (len)
    *len = s->len;
  return s->s;
}

gsize
scalar_bytes_held (void)
{
  return bytes_held;
}

gsize
scalar_str_length (ReclaimValue value)
{
  gsize len;
  const char *s = scalar_get_str (value, &len);
  return g_utf8_strlen (s, len);
}

/* str.isprintable(): everything but the "Other" and "Separator"
 * categories, the ASCII space aside. */
gboolean
scalar_char_is_printable (gunichar c)
{
  if (c == ' ')
    return TRUE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Python's str.__repr__: single quotes unless the text has a single quote
 * and no double quote; \t \n \r \\ escaped; other non-printable characters
 * as \xhh, \uhhhh or \Uhhhhhhhh. */
char *
scalar_str_repr (const char *utf8, gsize len)
{
  gboolean has_single = memchr (utf8, '\'', len) != NULL;
  gboolean has_double = memchr (utf8, '"', len) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  GString *out = g_string_sized_new (len + 2);
  const char *p = utf8, *end = utf8 + len;

  g_string_append_c (out, quote);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* cannot happen for text the lexer accepted; be safe */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      const char *next = g_utf8_next_char (p);
      if (c == (gunichar) quote || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c < 0x7f)
        g_string_append_c (out, (char) c);
      else if (!scalar_char_is_printable (c))
        {
          if (c <= 0xff)
            g_string_append_printf (out, "\\x%02x", c);
          else if (c <= 0xffff)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_printf (out, "\\U%08x", c);
        }
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  g_string_append_c (out, quote);
  return g_string_free (out, FALSE);
}

/* float.__repr__: the shortest digits that read back as the same double,
 * in fixed notation when the exponent is in [-4, 16), else scientific
 * with at least two exponent digits. */
char *
scalar_float_repr (double d)
{
  if (isnan (d))
    return g_strdup ("nan");
  if (isinf (d))
    return g_strdup (d > 0 ? "inf" : "-inf");

  char digits[40];
  int precision;
  for (precision = 1; precision <= 17; precision++)
    {
      g_snprintf (digits, sizeof digits, "%.*e", precision - 1, d);
      if (g_ascii_strtod (digits, NULL) == d)
        break;
    }
  /* digits is now like "-1.2345e+17": split mantissa and exponent */
  char *e = strchr (digits, 'e');
  int exponent = atoi (e + 1);
  *e = '\0';
  GString *mantissa = g_string_new (NULL);
  gboolean negative = digits[0] == '-';
  for (char *p = digits + negative; *p; p++)
    if (*p != '.')
      g_string_append_c (mantissa, *p);

  GString *out = g_string_new (negative ? "-" : "");
  if (exponent >= -4 && exponent < 16)
    {
      if (exponent < 0)
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -exponent - 1; i++)
            g_string_append_c (out, '0');
          g_string_append (out, mantissa->str);
        }
      else
        {
          int int_digits = exponent + 1;
          for (int i = 0; i < int_digits; i++)
            g_string_append_c (out, i < (int) mantissa->len ? mantissa->str[i] : '0');
          g_string_append_c (out, '.');
          if ((int) mantissa->len > int_digits)
            g_string_append (out, mantissa->str + int_digits);
          else
            g_string_append_c (out, '0');
        }
    }
  else
    {
      g_string_append_c (out, mantissa->str[0]);
      if (mantissa->len > 1)
        g_string_append_printf (out, ".%s", mantissa->str + 1);
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  g_string_free (mantissa, TRUE);
  return g_string_free (out, FALSE);
}

char *
scalar_repr (ReclaimValue value)
{
  return reclaim_value_dup_repr (value);
}

char *
scalar_to_str (ReclaimValue value)
{
  if (scalar_type (value) == SCALAR_STR)
    {
      gsize len;
      const char *s = scalar_get_str (value, &len);
      return g_strndup (s, len);
    }
  return scalar_repr (value);
}

gint64
scalar_floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

gint64
scalar_floor_mod (gint64 a, gint64 b)
{
  gint64 m = a % b;
  if (m != 0 && ((m < 0) != (b < 0)))
    m += b;
  return m;
}
