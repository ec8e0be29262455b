/* reclaim-literal-text.c: how Python writes characters and bytes, which
 * the tokenizer (a non-printable character in the source) and repr() (of
 * a str or bytes value) both need.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-literal-text.h"

#include <string.h>

/* str.isprintable(): everything but the "Other" and "Separator"
 * categories, the ASCII space aside. */
gboolean
reclaim_unichar_is_printable (gunichar c)
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

/* bytes.__repr__: as str's, but every byte outside printable ASCII is
 * \xhh. */
char *
reclaim_bytes_repr (const guint8 *data, gsize len)
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
