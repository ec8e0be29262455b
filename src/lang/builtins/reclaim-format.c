/* reclaim-format.c: format(), f-string replacement fields, str.format()
 * and the % operator of str.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format-spec mini-language follows Python/formatter_unicode.c: the
 * same parse, the same checks in the same order (so the same error wins
 * when several apply), and the same layout of
 *   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
 * Floats are printed with the C library, which rounds exactly as
 * CPython's dtoa does.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  gunichar fill;
  char     align;        /* '<' '>' '^' '=' or 0 */
  char     sign;         /* '+' '-' ' ' or 0 */
  gboolean no_neg_0;     /* 'z' */
  gboolean alternate;    /* '#' */
  gint64   width;        /* -1: not given */
  char     grouping;     /* ',' '_' or 0 */
  int      group_size;   /* 3, or 4 for '_' with b o x X */
  gint64   precision;    /* -1: not given */
  gunichar type;         /* 0: not given */
} Spec;

static gboolean
is_align (gunichar c)
{
  return c == '<' || c == '>' || c == '^' || c == '=';
}

/* get_integer: digits into *out; returns how many, -1 on overflow */
static int
read_integer (const gunichar *s, glong n, glong *pos, gint64 *out)
{
  int count = 0;
  *out = 0;
  while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9')
    {
      if (*out > (G_MAXINT64 - 9) / 10)
        return -1;
      *out = *out * 10 + (s[(*pos)++] - '0');
      count++;
    }
  return count;
}

static gboolean
bad_grouping (ReclaimInterp *interp, char grouping, gunichar type)
{
  if (type > 32 && type < 128)
    lang_raise (interp, "ValueError", "Cannot specify '%c' with '%c'.", grouping, (char) type);
  else
    lang_raise (interp, "ValueError", "Cannot specify '%c' with '\\x%x'.", grouping, type);
  return FALSE;
}

/* parse_internal_render_format_spec */
static gboolean
parse_spec (ReclaimInterp *interp, ReclaimValue spec_str, char default_align, const char *type_name, Spec *spec)
{
  const char *text = scalar_get_str (spec_str, NULL);
  glong n, pos = 0;
  gunichar *s = builtins_str_ucs4 (spec_str, &n);
  gboolean fill_given = FALSE, align_given = FALSE, ok = FALSE;

  memset (spec, 0, sizeof *spec);
  spec->fill = ' ';
  spec->align = default_align;
  spec->width = spec->precision = -1;
  spec->group_size = 3;

  if (n - pos >= 2 && is_align (s[pos + 1]))
    {
      spec->align = (char) s[pos + 1];
      spec->fill = s[pos];
      fill_given = align_given = TRUE;
      pos += 2;
    }
  else if (n - pos >= 1 && is_align (s[pos]))
    {
      spec->align = (char) s[pos++];
      align_given = TRUE;
    }
  if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
    spec->sign = (char) s[pos++];
  if (pos < n && s[pos] == 'z')
    {
      spec->no_neg_0 = TRUE;
      pos++;
    }
  if (pos < n && s[pos] == '#')
    {
      spec->alternate = TRUE;
      pos++;
    }
  if (!fill_given && pos < n && s[pos] == '0')
    {
      spec->fill = '0';
      if (!align_given && default_align == '>')
        spec->align = '=';
      pos++;
    }
  int consumed = read_integer (s, n, &pos, &spec->width);
  if (consumed < 0)
    {
      lang_raise (interp, "ValueError", "Too many decimal digits in format string");
      goto out;
    }
  if (consumed == 0)
    spec->width = -1;
  else if (!builtins_check_size (interp, spec->width))
    goto out;
  if (pos < n && s[pos] == ',')
    {
      spec->grouping = ',';
      pos++;
    }
  if (pos < n && s[pos] == '_')
    {
      if (spec->grouping)
        {
          lang_raise (interp, "ValueError", "Cannot specify both ',' and '_'.");
          goto out;
        }
      spec->grouping = '_';
      pos++;
    }
  if (pos < n && s[pos] == ',' && spec->grouping == '_')
    {
      lang_raise (interp, "ValueError", "Cannot specify both ',' and '_'.");
      goto out;
    }
  if (pos < n && s[pos] == '.')
    {
      pos++;
      consumed = read_integer (s, n, &pos, &spec->precision);
      if (consumed < 0)
        {
          lang_raise (interp, "ValueError", "Too many decimal digits in format string");
          goto out;
        }
      if (consumed == 0)
        {
          lang_raise (interp, "ValueError", "Format specifier missing precision");
          goto out;
        }
      if (!builtins_check_size (interp, spec->precision))
        goto out;
    }
  if (n - pos > 1)
    {
      lang_raise (interp, "ValueError", "Invalid format specifier '%s' for object of type '%s'", text, type_name);
      goto out;
    }
  if (n - pos == 1)
    spec->type = s[pos];
  if (spec->grouping)
    {
      switch (spec->type)
        {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
          break;
        case 'b': case 'o': case 'x': case 'X':
          if (spec->grouping == '_')
            {
              spec->group_size = 4;
              break;
            }
          /* fall through */
        default:
          bad_grouping (interp, spec->grouping, spec->type);
          goto out;
        }
    }
  ok = TRUE;
out:
  g_free (s);
  return ok;
}

static gboolean
unknown_code (ReclaimInterp *interp, gunichar type, const char *type_name)
{
  if (type > 32 && type < 128)
    lang_raise (interp, "ValueError", "Unknown format code '%c' for object of type '%s'", (char) type, type_name);
  else
    lang_raise (interp, "ValueError", "Unknown format code '\\x%x' for object of type '%s'", type, type_name);
  return FALSE;
}

static void
append_fill (GString *out, gunichar fill, gint64 count)
{
  char buf[8];
  int len = g_unichar_to_utf8 (fill, buf);
  for (gint64 i = 0; i < count; i++)
    g_string_append_len (out, buf, len);
}

/* One group of width l, written backwards into rev: the separator unless
 * it is the first group, then the digits still left before *end, then
 * zeros.  Returns how many digits it took. */
static gint64
append_group_reversed (GString *rev, const char **end, gint64 remaining, gint64 l, char sep, gboolean use_sep)
{
  gint64 zeros = MAX (0, l - remaining), chars = MAX (0, MIN (remaining, l));
  if (use_sep)
    g_string_append_c (rev, sep);
  for (gint64 i = 0; i < chars; i++)
    g_string_append_c (rev, *--*end);
  for (gint64 i = 0; i < zeros; i++)
    g_string_append_c (rev, '0');
  return chars;
}

/* _PyUnicode_InsertThousandsGrouping, zero padding included: the digits
 * grouped from the right, padded with zeros to min_width. */
static void
append_grouped (GString *out, const char *digits, gint64 n, gint64 min_width, char sep, int group)
{
  GString *rev = g_string_new (NULL);
  gint64 remaining = n;
  gboolean use_sep = FALSE, broken = FALSE;
  const char *end = digits + n;

  while (sep && !broken)
    {
      gint64 l = MIN (group, MAX (MAX (remaining, min_width), 1));
      remaining -= append_group_reversed (rev, &end, remaining, l, sep, use_sep);
      use_sep = TRUE;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0)
        broken = TRUE;
      else
        min_width -= 1;
    }
  if (!broken)
    append_group_reversed (rev, &end, remaining, MAX (MAX (remaining, min_width), 1), sep, use_sep);
  for (gsize i = rev->len; i-- > 0;)
    g_string_append_c (out, rev->str[i]);
  g_string_free (rev, TRUE);
}

/* calc_number_widths + fill_number.  number is the text without its
 * sign: n_digits digits (-1: its leading decimal digits), then the
 * remainder ('.' and fraction, exponent, '%', or all of inf and nan). */
static ReclaimValue
layout_number (const Spec *spec, gboolean negative, const char *prefix, const char *number, gsize number_len,
               gint64 n_digits)
{
  char sign = 0;
  if (spec->sign == '+')
    sign = negative ? '-' : '+';
  else if (spec->sign == ' ')
    sign = negative ? '-' : ' ';
  else if (negative)
    sign = '-';

  if (n_digits < 0)
    for (n_digits = 0; g_ascii_isdigit (number[n_digits]);)
      n_digits++;
  const char *rest = number + n_digits, *end = number + number_len;
  gint64 n_rest = 0;
  for (const char *p = rest; p < end; p = g_utf8_next_char (p))
    n_rest++;
  gint64 n_prefix = strlen (prefix);
  gint64 n_non_digit = (sign != 0) + n_prefix + n_rest;
  gint64 min_width = spec->fill == '0' && spec->align == '=' ? spec->width - n_non_digit : 0;

  GString *digits = g_string_new (NULL);
  if (n_digits > 0)
    append_grouped (digits, number, n_digits, min_width, spec->grouping, spec->group_size);
  gint64 padding = spec->width - (n_non_digit + (gint64) digits->len);
  gint64 left = 0, middle = 0, right = 0;
  if (padding > 0)
    switch (spec->align)
      {
      case '<': right = padding; break;
      case '^': left = padding / 2; right = padding - left; break;
      case '=': middle = padding; break;
      default: left = padding; break;
      }

  GString *out = g_string_new (NULL);
  append_fill (out, spec->fill, left);
  if (sign)
    g_string_append_c (out, sign);
  g_string_append (out, prefix);
  append_fill (out, spec->fill, middle);
  g_string_append_len (out, digits->str, digits->len);
  g_string_append_len (out, rest, end - rest);
  append_fill (out, spec->fill, right);
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  g_string_free (digits, TRUE);
  return r;
}

char *
builtins_unsigned_digits (guint64 u, int base, gboolean upper)
{
  const char *chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buf[72];
  int i = sizeof buf - 1;
  buf[i] = '\0';
  do
    {
      buf[--i] = chars[u % base];
      u /= base;
    }
  while (u);
  return g_strdup (buf + i);
}

static ReclaimValue format_float_spec (ReclaimInterp *interp, double d, Spec *spec, const char *type_name);

/* format_long_internal */
static ReclaimValue
format_int_spec (ReclaimInterp *interp, ReclaimValue value, Spec *spec, const char *type_name)
{
  gint64 v = scalar_get_int (value);
  double d;
  switch (spec->type)
    {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      if (!bigint_to_double (interp, value, &d))
        return LANG_ERROR;
      return format_float_spec (interp, d, spec, type_name);
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
      break;
    default:
      unknown_code (interp, spec->type, type_name);
      return LANG_ERROR;
    }
  if (spec->precision != -1)
    return lang_raise (interp, "ValueError", "Precision not allowed in integer format specifier");
  if (spec->no_neg_0)
    return lang_raise (interp, "ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
  if (spec->type == 'c')
    {
      if (spec->sign)
        return lang_raise (interp, "ValueError", "Sign not allowed with integer format specifier 'c'");
      if (spec->alternate)
        return lang_raise (interp, "ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
      if (scalar_int_is_big (value))
        return lang_raise (interp, "OverflowError", "Python int too large to convert to C long");
      if (v < 0 || v > 0x10ffff)
        return lang_raise (interp, "OverflowError", "%%c arg not in range(0x110000)");
      char buf[8];
      int len = g_unichar_to_utf8 ((gunichar) v, buf);
      return layout_number (spec, FALSE, "", buf, len, 0);
    }
  int base = 10;
  const char *prefix = "";
  switch (spec->type)
    {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
  guint64 magnitude = v < 0 ? -(guint64) v : (guint64) v;
  g_autofree char *digits = scalar_int_is_big (value) ? bigint_digits (interp, value, base, spec->type == 'X')
                                                      : builtins_unsigned_digits (magnitude, base, spec->type == 'X');
  if (digits == NULL)
    return LANG_ERROR;
  return layout_number (spec, v < 0, spec->alternate ? prefix : "", digits, strlen (digits), strlen (digits));
}

static char *
c_format (double d, gboolean alternate, int precision, char type)
{
  char format[32];
  g_snprintf (format, sizeof format, "%%%s.%d%c", alternate ? "#" : "", precision, type);
  gsize size = 1400 + (gsize) precision;
  char *buf = g_malloc (size + 3);
  g_ascii_formatd (buf, size, format, d);
  return buf;
}

/* "1.2300e+05" -> "1.23e+05", "1.000e+05" -> "1e+05", as %g trims */
static void
trim_mantissa_zeros (char *s)
{
  char *e = strpbrk (s, "eE"), *dot = strchr (s, '.');
  if (e == NULL || dot == NULL || dot > e)
    return;
  char *end = e;
  while (end > dot + 1 && end[-1] == '0')
    end--;
  if (end == dot + 1)
    end = dot;
  memmove (end, e, strlen (e) + 1);
}

/* PyOS_double_to_string for the types the mini-language uses. */
char *
builtins_double_text (double d, gunichar type, gint64 precision, gboolean alternate, gboolean add_dot_0)
{
  if (isnan (d))
    return g_strdup (type == 'F' || type == 'E' || type == 'G' ? "NAN" : "nan");
  if (isinf (d))
    {
      const char *inf = type == 'F' || type == 'E' || type == 'G' ? "INF" : "inf";
      return d < 0 ? g_strconcat ("-", inf, NULL) : g_strdup (inf);
    }
  if (type == 'r')
    {
      char *repr = scalar_float_repr (d);
      char *e = strchr (repr, 'e');
      if (alternate && e && !strchr (repr, '.'))
        {
          /* '#' keeps a decimal point: "1.e-07" */
          char *with_dot = g_strdup_printf ("%.*s.%s", (int) (e - repr), repr, e);
          g_free (repr);
          repr = with_dot;
        }
      return repr;
    }
  int p = (int) MIN (precision, 1000);
  if (type == 'g' && add_dot_0)
    {
      /* no type but a precision: format_float_short goes to an exponent
       * one digit earlier than %g (decpt > precision - 1), since ".0" is added */
      p = MAX (p, 1);
      char *e = c_format (d, alternate, p - 1, 'e');
      int exponent = atoi (strpbrk (e, "e") + 1);
      if (exponent < -4 || exponent >= p - 1)
        {
          if (!alternate)
            trim_mantissa_zeros (e);
          return e;
        }
      g_free (e);
    }
  char *buf = c_format (d, alternate, p, (char) type);
  if (add_dot_0 && !strpbrk (buf, ".eE"))
    strcat (buf, ".0");
  return buf;
}

/* 'z': a negative zero after rounding loses its sign */
static gboolean
is_negative_zero_text (const char *text)
{
  if (text[0] != '-')
    return FALSE;
  for (const char *p = text + 1; *p && *p != 'e' && *p != 'E'; p++)
    if (*p != '0' && *p != '.')
      return FALSE;
  return TRUE;
}

/* format_float_internal */
static ReclaimValue
format_float_spec (ReclaimInterp *interp, double d, Spec *spec, const char *type_name)
{
  gunichar type = spec->type;
  gint64 precision = spec->precision, default_precision = 6;
  gboolean add_dot_0 = FALSE, add_pct = FALSE;

  switch (type)
    {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      unknown_code (interp, type, type_name);
      return LANG_ERROR;
    }
  if (type == 0)
    {
      add_dot_0 = TRUE;
      type = 'r';
      default_precision = 0;
    }
  if (type == 'n')
    type = 'g';
  if (type == '%')
    {
      type = 'f';
      d *= 100;
      add_pct = TRUE;
    }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';

  char *text = builtins_double_text (d, type, precision, spec->alternate, add_dot_0);
  if (spec->no_neg_0 && is_negative_zero_text (text))
    memmove (text, text + 1, strlen (text));
  gboolean negative = text[0] == '-';
  g_autofree char *number = g_strconcat (text + negative, add_pct ? "%" : "", NULL);
  g_free (text);
  return layout_number (spec, negative, "", number, strlen (number), -1);
}

/* format_string_internal */
static ReclaimValue
format_str_spec (ReclaimInterp *interp, ReclaimValue v, Spec *spec)
{
  if (spec->type != 0 && spec->type != 's')
    {
      unknown_code (interp, spec->type, "str");
      return LANG_ERROR;
    }
  if (spec->grouping)
    {
      bad_grouping (interp, spec->grouping, 's');
      return LANG_ERROR;
    }
  if (spec->sign == ' ')
    return lang_raise (interp, "ValueError", "Space not allowed in string format specifier");
  if (spec->sign)
    return lang_raise (interp, "ValueError", "Sign not allowed in string format specifier");
  if (spec->no_neg_0)
    return lang_raise (interp, "ValueError", "Negative zero coercion (z) not allowed in string format specifier");
  if (spec->alternate)
    return lang_raise (interp, "ValueError", "Alternate form (#) not allowed in string format specifier");
  if (spec->align == '=')
    return lang_raise (interp, "ValueError", "'=' alignment not allowed in string format specifier");

  gsize bytes;
  const char *s = scalar_get_str (v, &bytes);
  gint64 len = builtins_str_len (v);
  if (spec->precision >= 0 && len > spec->precision)
    {
      bytes = g_utf8_offset_to_pointer (s, spec->precision) - s;
      len = spec->precision;
    }
  gint64 padding = MAX (0, spec->width - len), left = 0;
  if (spec->align == '>')
    left = padding;
  else if (spec->align == '^')
    left = padding / 2;
  GString *out = g_string_new (NULL);
  append_fill (out, spec->fill, left);
  g_string_append_len (out, s, bytes);
  append_fill (out, spec->fill, padding - left);
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

ReclaimValue
lang_format_value (ReclaimInterp *interp, ReclaimValue v, ReclaimValue spec_str)
{
  gsize spec_len;
  scalar_get_str (spec_str, &spec_len);

  ReclaimValue method = builtins_user_method (interp, v, "__format__");
  if (method)
    {
      ReclaimValue r = builtins_call_special (interp, method, v, 1, &spec_str);
      if (r == LANG_ERROR || builtins_is_str (r))
        return r;
      lang_raise (interp, "TypeError", "__format__ must return a str, not %s", lang_type_name (interp, r));
      lang_decref (interp, r);
      return LANG_ERROR;
    }
  if (spec_len == 0)
    return builtins_str_of (interp, v);

  Spec spec;
  switch (scalar_type (v))
    {
    case SCALAR_STR:
      return parse_spec (interp, spec_str, '<', "str", &spec) ? format_str_spec (interp, v, &spec) : LANG_ERROR;
    case SCALAR_INT:
    case SCALAR_BOOL:
      if (!parse_spec (interp, spec_str, '>', lang_type_name (interp, v), &spec))
        return LANG_ERROR;
      return format_int_spec (interp, v, &spec, lang_type_name (interp, v));
    case SCALAR_FLOAT:
      if (!parse_spec (interp, spec_str, '>', "float", &spec))
        return LANG_ERROR;
      return format_float_spec (interp, scalar_get_float (v), &spec, "float");
    default:
      break;
    }
  return lang_raise (interp, "TypeError", "unsupported format string passed to %s.__format__",
                     lang_type_name (interp, v));
}
