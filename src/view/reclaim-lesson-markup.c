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
 * be in the same block and enclose something. */
static const char *
span_end (const char *text, const char *mark)
{
  gsize n = strlen (mark);
  const char *end = strstr (text + n, mark);

  if (end == NULL || end == text + n)
    return NULL;
  return end;
}

/* One block (a paragraph or a list item) of inline Markdown. */
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
          /* emphasis hugs its text: "2 * 3 * 4" has none */
          if (spans[i].mark[0] != '`' && (g_ascii_isspace (p[n]) || g_ascii_isspace (end[-1])))
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

/* Ends the block being gathered: its inline Markdown goes to markup. */
static void
flush_block (GString *markup, GString *block, gboolean *blank_before)
{
  if (block->len == 0)
    return;
  if (markup->len > 0)
    g_string_append (markup, *blank_before ? "\n\n" : "\n");
  append_inline (markup, block->str);
  g_string_truncate (block, 0);
  *blank_before = FALSE;
}

char *
reclaim_lesson_markup (const char *markdown)
{
  GString *markup = g_string_new (NULL);
  g_autoptr (GString) block = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (markdown ? markdown : "", "\n", -1);
  gboolean in_item = FALSE;         /* the block is a list item */
  gboolean blank_before = FALSE;    /* a blank line came before the block */

  for (guint i = 0; lines[i]; i++)
    {
      const char *item;
      gboolean is_item = is_list_item (lines[i], &item);
      const char *line = g_strstrip (lines[i]);
      if (*line == '\0')
        {
          flush_block (markup, block, &blank_before);
          blank_before = TRUE;
          continue;
        }
      /* a paragraph's lines, and a list item's, join with a space; an item,
       * or a paragraph after an item, starts a block */
      if (is_item || (in_item && !is_item))
        {
          gboolean paragraph_after_item = in_item && !is_item;
          flush_block (markup, block, &blank_before);
          blank_before |= paragraph_after_item;
        }
      if (is_item)
        g_string_append_printf (block, "  •  %s", item);
      else
        g_string_append_printf (block, "%s%s", block->len ? " " : "", line);
      in_item = is_item;
    }
  flush_block (markup, block, &blank_before);
  return g_string_free (markup, FALSE);
}
