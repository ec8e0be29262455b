/* lesson-strings.c: the prose of lessons, written for xgettext.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   lesson-strings --write FILE.c LESSON.py…   writes FILE.c
 *   lesson-strings --check FILE.c LESSON.py…   fails when FILE.c is not current,
 *                                              or a lesson beside it is not given
 *
 * xgettext reads C, not lessons; FILE.c (listed in po/POTFILES.in, never
 * compiled) holds each msgid of reclaim_lesson_translatable() as an N_()
 * call, with a translators' comment naming its lesson.
 */
#include "reclaim-lesson.h"

#include <stdio.h>
#include <string.h>

static void
append_c_string (GString *out, const char *text)
{
  g_string_append (out, "N_(\"");
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n\"\n   \"");
      else if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "\");\n");
}

static gboolean
append_lesson (GString *out, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
  g_autofree char *name = g_path_get_basename (path);

  if (lesson == NULL)
    {
      fprintf (stderr, "lesson-strings: %s\n", error->message);
      return FALSE;
    }
  g_autoptr (GPtrArray) msgids = reclaim_lesson_translatable (lesson);
  for (guint i = 0; i < msgids->len; i++)
    {
      g_string_append_printf (out, "\n/* Translators: lesson %s, Markdown: keep `code`, "
                              "**strong** and *emphasis* marks as they are. */\n", name);
      append_c_string (out, msgids->pdata[i]);
    }
  return TRUE;
}

/* The .py files in the directory of path. */
static guint
count_lessons_beside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_suffix (name, ".py");
  return n;
}

int
main (int argc, char *argv[])
{
  if (argc < 4 || (!g_str_equal (argv[1], "--write") && !g_str_equal (argv[1], "--check")))
    {
      fprintf (stderr, "usage: lesson-strings --write|--check FILE.c LESSON.py…\n");
      return 2;
    }
  g_autoptr (GString) out = g_string_new (
    "/* The prose of the built-in lessons, for xgettext (po/POTFILES.in); never\n"
    " * compiled.  Written by tests/view/lesson-strings from the lessons:\n"
    " *   build/tests/view/lesson-strings --write data/lessons/lesson-strings.c data/lessons/0*.py\n"
    " */\n");
  for (int i = 3; i < argc; i++)
    if (!append_lesson (out, argv[i]))
      return 1;

  if (g_str_equal (argv[1], "--write"))
    return g_file_set_contents (argv[2], out->str, out->len, NULL) ? 0 : 1;
  if (count_lessons_beside (argv[2]) != (guint) (argc - 3))
    {
      fprintf (stderr, "lesson-strings: the lessons beside %s are not all given: list every "
               "lesson in data/lessons/meson.build\n", argv[2]);
      return 1;
    }
  g_autofree char *current = NULL;
  if (!g_file_get_contents (argv[2], &current, NULL, NULL) || !g_str_equal (current, out->str))
    {
      fprintf (stderr, "lesson-strings: %s is not current: run lesson-strings --write (see its "
               "first lines), then update po/reclaim.pot and po/de.po\n", argv[2]);
      return 1;
    }
  printf ("%s is current\n", argv[2]);
  return 0;
}
