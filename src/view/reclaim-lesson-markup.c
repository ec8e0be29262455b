/* reclaim-lesson-markup.c: a lesson's small Markdown as Pango markup.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Narration uses paragraphs, *emphasis*, **strong**, `code` and "- "
 * lists (docs/lessons.md).  Everything else is text: it is escaped, so a
 * "<" or "&" in a lesson shows as itself and never breaks the label.
 */
#include "reclaim-lesson.h"

#include <string.h>

static void
append_escaped (GString *markup, const char *text, gsize len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (markup, escaped);
}

/* Where the closing `mark` of a span opened at text is, or NULL: it must
 * be on the same line and enclose something. */
static const char *
span_end (const char *text, const char *mark)
{
  gsize n = strlen (mark);
  const char *end = strstr (text + n, mark);
  const char *eol = strchr (text, '\n');

  if (end == NULL || end == text + n || (eol != NULL && end > eol))
    return NULL;
  return end;
}

/* One line of inline Markdown. */
static void
append_inline (GString *markup, const char *text)
{
  static const struct {
    const char *mark;
    const char *open, *close;
  } spans[] = {
    { "`", "<tt>", "</tt>" },
    { "**", "<b>", "</b>" },
    { "*", "<i>", "</i>" },
    { "_", "<i>", "</i>" },
  };
  const char *plain = text;

  for (const char *p = text; *p;)
    {
      gboolean matched = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (spans) && !matched; i++)
        {
          gsize n = strlen (spans[i].mark);
          const char *end;
          /* an underscore inside a word (gc_refs) is no emphasis */
          if (spans[i].mark[0] == '_' && p > text && g_ascii_isalnum (p[-1]))
            continue;
          if (strncmp (p, spans[i].mark, n) != 0 || (end = span_end (p, spans[i].mark)) == NULL)
            continue;
          append_escaped (markup, plain, p - plain);
          g_string_append (markup, spans[i].open);
          if (spans[i].mark[0] == '`')
            append_escaped (markup, p + n, end - p - n);
          else
            {
              g_autofree char *inner = g_strndup (p + n, end - p - n);
              append_inline (markup, inner);
            }
          g_string_append (markup, spans[i].close);
          p = plain = end + n;
          matched = TRUE;
        }
      if (!matched)
        p++;
    }
  append_escaped (markup, plain, -1);
}

static gboolean
is_list_item (const char *line, const char **text)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
    {
      *text = p + 2;
      return TRUE;
    }
  return FALSE;
}

char *
reclaim_lesson_markup (const char *markdown)
{
  GString *markup = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (markdown ? markdown : "", "\n", -1);
  gboolean in_paragraph = FALSE;    /* the last line added continues a paragraph */
  gboolean block_started = FALSE;   /* the next block needs a blank line before it */
  gboolean blank_before = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *item;
      if (*line == '\0')
        {
          in_paragraph = FALSE;
          blank_before = TRUE;
          continue;
        }
      if (is_list_item (lines[i], &item))
        {
          g_string_append (markup, block_started ? (blank_before ? "\n\n" : "\n") : "");
          g_string_append (markup, "  •  ");
          append_inline (markup, item);
          in_paragraph = FALSE;
        }
      else if (in_paragraph)
        {
          g_string_append_c (markup, ' ');
          append_inline (markup, line);
        }
      else
        {
          g_string_append (markup, block_started ? "\n\n" : "");
          append_inline (markup, line);
          in_paragraph = TRUE;
        }
      block_started = TRUE;
      blank_before = FALSE;
    }
  return g_string_free (markup, FALSE);
}
