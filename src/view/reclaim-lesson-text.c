/* reclaim-lesson-text.c: a lesson's prose, for translators and in their
 * language.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list of where prose lives (for_each_text) serves both the
 * extraction of msgids (tests/view/lesson-strings writes them for
 * xgettext) and the translation at run time, so the two cannot drift.
 */
#include "reclaim-lesson.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef void (*TextFunc) (char **text, gpointer user_data);

static void
for_each_text (ReclaimLesson *lesson, TextFunc func, gpointer user_data)
{
  func (&lesson->title, user_data);
  func (&lesson->summary, user_data);
  func (&lesson->assumes, user_data);
  for (guint i = 0; i < lesson->steps->len; i++)
    {
      ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, i);
      func (&step->narration, user_data);
      func (&step->prompt, user_data);
      for (guint g = 0; step->goals && g < step->goals->len; g++)
        func (&g_array_index (step->goals, ReclaimLessonGoal, g).missing, user_data);
      func (&step->hint, user_data);
    }
}

/* The Markdown blocks of text: the pieces between blank lines. */
static char **
split_blocks (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *blocks = g_ptr_array_new ();
  GString *block = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        {
          if (block)
            g_ptr_array_add (blocks, g_string_free (g_steal_pointer (&block), FALSE));
          continue;
        }
      if (block == NULL)
        block = g_string_new (lines[i]);
      else
        g_string_append_printf (block, "\n%s", lines[i]);
    }
  if (block)
    g_ptr_array_add (blocks, g_string_free (block, FALSE));
  g_ptr_array_add (blocks, NULL);
  return (char **) g_ptr_array_free (blocks, FALSE);
}

static void
add_blocks (char **text, gpointer user_data)
{
  GPtrArray *msgids = user_data;

  if (*text == NULL)
    return;
  g_auto (GStrv) blocks = split_blocks (*text);
  for (guint i = 0; blocks[i]; i++)
    if (!g_ptr_array_find_with_equal_func (msgids, blocks[i], g_str_equal, NULL))
      g_ptr_array_add (msgids, g_strdup (blocks[i]));
}

GPtrArray *
reclaim_lesson_translatable (const ReclaimLesson *lesson)
{
  GPtrArray *msgids = g_ptr_array_new_with_free_func (g_free);

  for_each_text ((ReclaimLesson *) lesson, add_blocks, msgids);
  return msgids;
}

static void
translate_blocks (char **text, gpointer user_data)
{
  if (*text == NULL)
    return;
  g_auto (GStrv) blocks = split_blocks (*text);
  GString *translated = g_string_new (NULL);
  for (guint i = 0; blocks[i]; i++)
    g_string_append_printf (translated, "%s%s", i ? "\n\n" : "", _(blocks[i]));
  g_free (*text);
  *text = g_string_free (translated, FALSE);
}

void
reclaim_lesson_translate (ReclaimLesson *lesson)
{
  for_each_text (lesson, translate_blocks, NULL);
}
