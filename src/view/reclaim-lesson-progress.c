/* reclaim-lesson-progress.c: how far a user got in each lesson.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One key file in the user's state directory, a group per lesson (by its
 * file name without ".py"): the step last seen, whether the lesson was
 * walked to its end, each checkpoint's answer and whether it was right,
 * the tasks solved, and the best number of checkpoints answered right at
 * the first try.  Progress is never a lock: the player opens every lesson
 * and step whatever it says.  Written whole with g_file_set_contents,
 * which replaces the file atomically, so a crash never leaves half of it.
 */
#include "reclaim-lesson.h"

#include <errno.h>
#include <glib/gstdio.h>

struct _ReclaimLessonProgress {
  char     *path;
  GKeyFile *keys;
};

ReclaimLessonProgress *
reclaim_lesson_progress_load (const char *path)
{
  ReclaimLessonProgress *progress = g_new0 (ReclaimLessonProgress, 1);

  progress->path = path ? g_strdup (path)
                        : g_build_filename (g_get_user_state_dir (), "reclaim", "progress.ini", NULL);
  progress->keys = g_key_file_new ();
  /* a missing or unreadable file is progress not made yet */
  g_key_file_load_from_file (progress->keys, progress->path, G_KEY_FILE_NONE, NULL);
  return progress;
}

void
reclaim_lesson_progress_free (ReclaimLessonProgress *progress)
{
  if (progress == NULL)
    return;
  g_key_file_free (progress->keys);
  g_free (progress->path);
  g_free (progress);
}

const char *
reclaim_lesson_progress_get_path (ReclaimLessonProgress *progress)
{
  return progress->path;
}

gboolean
reclaim_lesson_progress_save (ReclaimLessonProgress *progress, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (progress->path);
  g_autofree char *data = g_key_file_to_data (progress->keys, NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents (progress->path, data, -1, error);
}

static gboolean
get_boolean (ReclaimLessonProgress *progress, const char *lesson, const char *key)
{
  return g_key_file_get_boolean (progress->keys, lesson, key, NULL);
}

static char *
step_key (const char *what, guint step)
{
  return g_strdup_printf ("%s-%u", what, step + 1);
}

gboolean
reclaim_lesson_progress_is_done (ReclaimLessonProgress *progress, const char *lesson)
{
  return get_boolean (progress, lesson, "done");
}

void
reclaim_lesson_progress_set_done (ReclaimLessonProgress *progress, const char *lesson)
{
  g_key_file_set_boolean (progress->keys, lesson, "done", TRUE);
}

gboolean
reclaim_lesson_progress_get_step (ReclaimLessonProgress *progress, const char *lesson,
                                  guint *step)
{
  g_autoptr (GError) error = NULL;
  int value = g_key_file_get_integer (progress->keys, lesson, "step", &error);

  if (error != NULL || value < 1)
    return FALSE;
  *step = value - 1;
  return TRUE;
}

void
reclaim_lesson_progress_set_step (ReclaimLessonProgress *progress, const char *lesson, guint step)
{
  g_key_file_set_integer (progress->keys, lesson, "step", step + 1);
}

/* How many checkpoints were right at the first try. */
static guint
count_first_right (ReclaimLessonProgress *progress, const char *lesson)
{
  g_auto (GStrv) keys = g_key_file_get_keys (progress->keys, lesson, NULL, NULL);
  guint right = 0;

  for (guint i = 0; keys && keys[i]; i++)
    if (g_str_has_prefix (keys[i], "first-right-"))
      right += get_boolean (progress, lesson, keys[i]);
  return right;
}

void
reclaim_lesson_progress_set_answer (ReclaimLessonProgress *progress, const char *lesson,
                                    guint step, const char *answer, gboolean right)
{
  g_autofree char *answer_key = step_key ("answer", step);
  g_autofree char *right_key = step_key ("right", step);
  g_autofree char *first_key = step_key ("first-right", step);

  g_key_file_set_string (progress->keys, lesson, answer_key, answer);
  g_key_file_set_boolean (progress->keys, lesson, right_key, right);
  if (!g_key_file_has_key (progress->keys, lesson, first_key, NULL))
    g_key_file_set_boolean (progress->keys, lesson, first_key, right);
  guint best = count_first_right (progress, lesson);
  if (best > reclaim_lesson_progress_get_best (progress, lesson))
    g_key_file_set_integer (progress->keys, lesson, "best", best);
}

char *
reclaim_lesson_progress_get_answer (ReclaimLessonProgress *progress, const char *lesson,
                                    guint step, gboolean *right)
{
  g_autofree char *answer_key = step_key ("answer", step);
  g_autofree char *right_key = step_key ("right", step);

  *right = get_boolean (progress, lesson, right_key);
  return g_key_file_get_string (progress->keys, lesson, answer_key, NULL);
}

guint
reclaim_lesson_progress_get_best (ReclaimLessonProgress *progress, const char *lesson)
{
  return MAX (g_key_file_get_integer (progress->keys, lesson, "best", NULL), 0);
}

void
reclaim_lesson_progress_set_solved (ReclaimLessonProgress *progress, const char *lesson,
                                    guint step)
{
  g_autofree char *key = step_key ("solved", step);

  g_key_file_set_boolean (progress->keys, lesson, key, TRUE);
}

gboolean
reclaim_lesson_progress_is_solved (ReclaimLessonProgress *progress, const char *lesson,
                                   guint step)
{
  g_autofree char *key = step_key ("solved", step);

  return get_boolean (progress, lesson, key);
}

void
reclaim_lesson_progress_reset (ReclaimLessonProgress *progress, const char *lesson)
{
  g_key_file_remove_group (progress->keys, lesson, NULL);
}

void
reclaim_lesson_progress_reset_all (ReclaimLessonProgress *progress)
{
  g_key_file_free (progress->keys);
  progress->keys = g_key_file_new ();
}
