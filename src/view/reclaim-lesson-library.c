/* reclaim-lesson-library.c: where lessons are, and what a lesson file is.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in lessons are installed beside the program's data; a user's
 * own live in $XDG_DATA_HOME/reclaim/lessons.  The window's lesson list,
 * `reclaim --lesson NAME` and `reclaim-cli lesson` all find them here.
 */
#include "reclaim-lesson.h"

#include <string.h>

const char *
reclaim_lesson_builtin_dir (void)
{
  const char *dir = g_getenv ("RECLAIM_LESSONS_DIR");

  return dir && *dir ? dir : RECLAIM_LESSONS_DIR;
}

char *
reclaim_lesson_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "reclaim", "lessons", NULL);
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
reclaim_lesson_list_dir (const char *dir)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

GPtrArray *
reclaim_lesson_list_all (void)
{
  GPtrArray *paths = reclaim_lesson_list_dir (reclaim_lesson_builtin_dir ());
  g_autofree char *own_dir = reclaim_lesson_user_dir ();
  g_autoptr (GPtrArray) own = reclaim_lesson_list_dir (own_dir);

  for (guint i = 0; i < own->len; i++)
    g_ptr_array_add (paths, g_strdup (own->pdata[i]));
  return paths;
}

char *
reclaim_lesson_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".py"))
    base[strlen (base) - strlen (".py")] = '\0';
  return g_steal_pointer (&base);
}

/* NAME matches a lesson file by its whole name ("04-how-the-cycle-detector-
 * works"), by the name without its number ("how-the-cycle-detector-works")
 * or by its number alone ("4", "04"). */
static gboolean
name_matches (const char *path, const char *wanted)
{
  g_autofree char *name = reclaim_lesson_name (path);
  const char *dash = strchr (name, '-');
  char *end = NULL;

  if (g_str_equal (name, wanted))
    return TRUE;
  if (dash != NULL && g_str_equal (dash + 1, wanted))
    return TRUE;
  guint64 number = g_ascii_strtoull (wanted, &end, 10);
  return dash != NULL && end != wanted && *end == '\0' &&
         g_ascii_strtoull (name, NULL, 10) == number && g_ascii_isdigit (name[0]);
}

char *
reclaim_lesson_find (const char *name_or_path)
{
  g_return_val_if_fail (name_or_path != NULL, NULL);

  if (strchr (name_or_path, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (name_or_path, ".py"))
    return g_file_test (name_or_path, G_FILE_TEST_IS_REGULAR) ? g_strdup (name_or_path) : NULL;

  g_autoptr (GPtrArray) paths = reclaim_lesson_list_all ();
  for (guint i = 0; i < paths->len; i++)
    if (name_matches (paths->pdata[i], name_or_path))
      return g_strdup (paths->pdata[i]);
  return NULL;
}

gboolean
reclaim_lesson_has_header (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  /* the header is the file's first lines: "# ---", then "# key: value" */
  while (*text == '\n' || *text == '\r')
    text++;
  if (!g_str_has_prefix (text, "# ---"))
    return FALSE;
  const char *end = strstr (text + strlen ("# ---"), "\n# ---");
  if (end == NULL)
    return FALSE;
  g_autofree char *header = g_strndup (text, end - text);
  return strstr (header, "\n# title:") != NULL;
}
