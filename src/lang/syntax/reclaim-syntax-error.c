/* reclaim-syntax-error.c: printing a syntax error the way python3 does.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-token.h"

#include <string.h>

char *
reclaim_syntax_error_format (const ReclaimSyntaxError *e, const char *filename)
{
  GString *out = g_string_new (NULL);
  const char *kind = reclaim_syntax_error_kind_name (e->kind);

  if (e->kind == RECLAIM_ERROR_MEMORY)
    {
      g_string_append (out, "MemoryError\n");
      return g_string_free (out, FALSE);
    }
  if (e->kind == RECLAIM_ERROR_RECURSION || e->line == 0)
    {
      g_string_append_printf (out, "%s: %s\n", kind, e->message);
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, "  File \"%s\", line %d\n", filename, e->line);
  if (e->text != NULL)
    {
      g_autofree char *chars = g_utf8_make_valid (e->text, -1);
      const char *text = chars;
      gsize len;
      glong offset = e->column - 1;
      glong end_offset = e->end_column;
      glong carets;

      if (e->end_line > e->line)
        {
          /* a range over several lines is drawn to the end of the first */
          glong n = g_utf8_strlen (text, -1);
          end_offset = n > 0 && text[strlen (text) - 1] == '\n' ? n : n + 1;
        }
      carets = end_offset > 0 && end_offset > e->column ? end_offset - e->column : 1;
      while (*text == ' ' || *text == '\t' || *text == '\f')
        {
          text++;
          offset--;
        }
      len = strlen (text);
      if (len > 0 && text[len - 1] == '\n')
        len--;
      if (offset > g_utf8_strlen (text, (gssize) len))
        offset = g_utf8_strlen (text, (gssize) len);
      g_string_append_printf (out, "    %.*s\n", (int) len, text);
      if (offset >= 0)
        {
          g_string_append (out, "    ");
          for (glong i = 0; i < offset; i++)
            g_string_append_c (out, ' ');
          for (glong i = 0; i < carets; i++)
            g_string_append_c (out, '^');
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_printf (out, "%s: %s\n", kind, e->message);
  return g_string_free (out, FALSE);
}
