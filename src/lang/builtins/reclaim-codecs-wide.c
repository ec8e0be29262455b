/* reclaim-codecs-wide.c: the UTF-16 and UTF-32 codecs (CPython's
 * PyUnicode_EncodeUTF16/32 and PyUnicode_DecodeUTF16/32Stateful).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 'utf-16' and 'utf-32' write a byte order mark and then little-endian
 * units (the order of the machines python3 runs on here); reading, they
 * take the order a mark gives and drop it, else little-endian.  The -le
 * and -be variants neither write nor drop a mark.  The error handlers are
 * reclaim-bytes.c's: strict, ignore, replace, backslashreplace, and
 * xmlcharrefreplace for encoding.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

static void
put_unit (GString *out, guint32 u, guint size, gboolean big)
{
  for (guint k = 0; k < size; k++)
    {
      guint shift = 8 * (big ? size - 1 - k : k);
      g_string_append_c (out, (char) ((u >> shift) & 0xff));
    }
}

static void
put_char (GString *out, gunichar c, guint size, gboolean big)
{
  if (size == 2 && c >= 0x10000)
    {
      put_unit (out, 0xd800 + ((c - 0x10000) >> 10), 2, big);
      put_unit (out, 0xdc00 + ((c - 0x10000) & 0x3ff), 2, big);
    }
  else
    put_unit (out, c, size, big);
}

/* What an error handler puts for the unencodable c, in the codec's units */
static void
put_replacement (GString *out, gunichar c, BuiltinsCodecErrors errors, guint size, gboolean big)
{
  g_autofree char *text = errors == ERRORS_REPLACE ? g_strdup ("?")
                          : errors == ERRORS_XMLCHARREF ? g_strdup_printf ("&#%u;", c)
                          : errors == ERRORS_BACKSLASH ? g_strdup_printf ("\\u%04x", c) : g_strdup ("");
  for (const char *p = text; *p; p++)
    put_unit (out, (guchar) *p, size, big);
}

ReclaimValue
builtins_encode_wide (ReclaimInterp *interp, ReclaimValue str, const char *name, guint size, int order,
                      BuiltinsCodecErrors errors)
{
  glong n;
  g_autofree gunichar *chars = builtins_str_ucs4 (str, &n);
  if (!lang_memory_reserve (interp, (guint64) n + 1, 4 * LANG_STR_BYTE_COST))
    return LANG_ERROR;
  gboolean big = order == BUILTINS_ORDER_BIG;
  g_autoptr (GString) out = g_string_sized_new (size * (n + 1));
  if (order == BUILTINS_ORDER_MARKED)
    put_unit (out, 0xfeff, size, FALSE);
  for (glong i = 0; i < n; i++)
    {
      if (chars[i] < 0xd800 || chars[i] > 0xdfff)
        put_char (out, chars[i], size, big);
      else if (errors == ERRORS_STRICT)
        {
          g_autofree char *escaped = g_strdup_printf ("\\u%04x", chars[i]);
          return lang_raise (interp, "UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %ld: "
                             "surrogates not allowed", name, escaped, i);
        }
      else
        put_replacement (out, chars[i], errors, size, big);
    }
  return scalar_bytes ((const guint8 *) out->str, out->len);
}

static guint32
get_unit (const guint8 *p, guint size, gboolean big)
{
  guint32 u = 0;
  for (guint k = 0; k < size; k++)
    u |= (guint32) p[k] << (8 * (big ? size - 1 - k : k));
  return u;
}

/* One character at data[i], its bytes in *used; 0 when the bytes there
 * are bad: *used then counts them, and *reason says why. */
static gunichar
next_char (const guint8 *data, gsize i, gsize len, guint size, gboolean big, gsize *used, const char **reason)
{
  if (len - i < size)
    {
      *used = len - i;
      *reason = "truncated data";
      return 0;
    }
  guint32 u = get_unit (data + i, size, big);
  *used = size;
  if (size == 4)
    {
      *reason = u > 0x10ffff ? "code point not in range(0x110000)"
                : u >= 0xd800 && u <= 0xdfff ? "code point in surrogate code point range(0xd800, 0xe000)" : NULL;
      return *reason ? 0 : u;
    }
  if (u < 0xd800 || u > 0xdfff)
    return u;
  *reason = "illegal encoding";
  if (u >= 0xdc00)
    return 0;
  if (len - i < 4)
    {
      *used = len - i;
      *reason = "unexpected end of data";
      return 0;
    }
  guint32 low = get_unit (data + i + 2, 2, big);
  *reason = "illegal UTF-16 surrogate";
  if (low < 0xdc00 || low > 0xdfff)
    return 0;
  *used = 4;
  *reason = NULL;
  return 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
}

ReclaimValue
builtins_decode_wide (ReclaimInterp *interp, const guint8 *data, gsize len, guint size, int order,
                      BuiltinsCodecErrors errors)
{
  if (!lang_memory_reserve (interp, len, 2 * LANG_STR_BYTE_COST))
    return LANG_ERROR;
  gsize i = 0;
  gboolean big = order == BUILTINS_ORDER_BIG;
  if (order == BUILTINS_ORDER_MARKED && len >= size)
    {
      guint32 mark = get_unit (data, size, FALSE);
      if (mark == 0xfeff || mark == (size == 2 ? 0xfffe : 0xfffe0000))
        {
          big = mark != 0xfeff;
          i = size;
        }
    }
  g_autofree char *name = g_strdup_printf ("utf-%u-%s", 8 * size, big ? "be" : "le");
  g_autoptr (GString) out = g_string_sized_new (len);
  while (i < len)
    {
      gsize used;
      const char *reason = NULL;
      gunichar c = next_char (data, i, len, size, big, &used, &reason);
      if (reason == NULL)
        {
          g_string_append_unichar (out, c);
          i += used;
          continue;
        }
      if (errors == ERRORS_STRICT || errors == ERRORS_XMLCHARREF)
        {
          if (errors == ERRORS_XMLCHARREF)
            return lang_raise (interp, "TypeError", "don't know how to handle UnicodeDecodeError in error callback");
          if (used == 1)
            return lang_raise (interp, "UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %"
                               G_GSIZE_FORMAT ": %s", name, data[i], i, reason);
          return lang_raise (interp, "UnicodeDecodeError", "'%s' codec can't decode bytes in position %" G_GSIZE_FORMAT
                             "-%" G_GSIZE_FORMAT ": %s", name, i, i + used - 1, reason);
        }
      if (errors == ERRORS_REPLACE)
        g_string_append (out, "\xef\xbf\xbd");
      for (gsize k = 0; errors == ERRORS_BACKSLASH && k < used; k++)
        g_string_append_printf (out, "\\x%02x", data[i + k]);
      i += used;
    }
  return scalar_str (out->str, out->len);
}
