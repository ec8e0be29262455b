/* test-lesson-library.c: finding lessons, their Markdown, progress.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <pango/pango.h>

#include "reclaim-lesson.h"

static void
test_markup_spans (void)
{
  g_autofree char *markup = reclaim_lesson_markup ("A **cycle** of *two* nodes: `a.partner = b`.");

  g_assert_cmpstr (markup, ==, "A <b>cycle</b> of <i>two</i> nodes: <tt>a.partner = b</tt>.");
}

static void
test_markup_escapes (void)
{
  g_autofree char *markup = reclaim_lesson_markup ("1 < 2 & `x<y>` is gc_refs, *not* <b>");

  g_assert_cmpstr (markup, ==, "1 &lt; 2 &amp; <tt>x&lt;y&gt;</tt> is gc_refs, <i>not</i> &lt;b&gt;");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
}

static void
test_markup_blocks (void)
{
  g_autofree char *markup = reclaim_lesson_markup ("First line\nsame paragraph.\n\n"
                                                   "- one\n- two `2`\n\nLast.");

  g_assert_cmpstr (markup, ==, "First line same paragraph.\n\n  •  one\n  •  two <tt>2</tt>\n\nLast.");
}

static void
test_markup_across_lines (void)
{
  g_autofree char *markup = reclaim_lesson_markup ("to parent. A **weak\nreference** does that.");

  g_assert_cmpstr (markup, ==, "to parent. A <b>weak reference</b> does that.");
}

static void
test_markup_unclosed (void)
{
  g_autofree char *markup = reclaim_lesson_markup ("2 * 3 * 4 and a lone ` tick");

  g_assert_cmpstr (markup, ==, "2 * 3 * 4 and a lone ` tick");
}

static void
test_find (void)
{
  g_autofree char *by_name = reclaim_lesson_find ("04-how-the-cycle-detector-works");
  g_autofree char *by_short = reclaim_lesson_find ("weak-references");
  g_autofree char *by_number = reclaim_lesson_find ("5");
  g_autofree char *none = reclaim_lesson_find ("no-such-lesson");

  g_assert_nonnull (by_name);
  g_assert_true (g_str_has_suffix (by_name, "/04-how-the-cycle-detector-works.py"));
  g_assert_true (g_str_has_suffix (by_short, "/05-weak-references.py"));
  g_assert_cmpstr (by_number, ==, by_short);
  g_assert_null (none);
}

static void
test_user_lessons_listed (void)
{
  g_autofree char *dir = reclaim_lesson_user_dir ();
  g_autofree char *path = g_build_filename (dir, "my-own.py", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "# ---\n# title: Mine\n# ---\n", -1, NULL));
  g_autoptr (GPtrArray) all = reclaim_lesson_list_all ();
  g_assert_cmpuint (all->len, >=, 10);
  g_assert_cmpstr (all->pdata[all->len - 1], ==, path);
  g_autofree char *found = reclaim_lesson_find ("my-own");
  g_assert_cmpstr (found, ==, path);
  g_unlink (path);
}

static void
test_has_header (void)
{
  g_autofree char *lesson = NULL;
  g_autofree char *path = reclaim_lesson_find ("1");

  g_assert_true (g_file_get_contents (path, &lesson, NULL, NULL));
  g_assert_true (reclaim_lesson_has_header (lesson));
  g_assert_false (reclaim_lesson_has_header ("import gc\nx = []\n"));
  g_assert_false (reclaim_lesson_has_header ("# ---\n# a comment\n# ---\nx = 1\n"));
}

static void
test_progress_survives (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "reclaim", "progress.ini", NULL);
  gboolean right = TRUE;
  guint step = 0;

  g_unlink (path);
  {
    g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
    g_assert_cmpstr (reclaim_lesson_progress_get_path (progress), ==, path);
    g_assert_false (reclaim_lesson_progress_get_step (progress, "01-a", &step));
    reclaim_lesson_progress_set_step (progress, "01-a", 3);
    reclaim_lesson_progress_set_answer (progress, "01-a", 2, "2", FALSE);
    reclaim_lesson_progress_set_answer (progress, "01-a", 2, "3", TRUE);
    reclaim_lesson_progress_set_answer (progress, "01-a", 5, "x", TRUE);
    reclaim_lesson_progress_set_solved (progress, "01-a", 4);
    reclaim_lesson_progress_set_done (progress, "01-a");
    reclaim_lesson_progress_set_step (progress, "02-b", 0);
    g_assert_true (reclaim_lesson_progress_save (progress, NULL));
  }
  g_autoptr (ReclaimLessonProgress) again = reclaim_lesson_progress_load (NULL);
  g_assert_true (reclaim_lesson_progress_get_step (again, "01-a", &step));
  g_assert_cmpuint (step, ==, 3);
  g_autofree char *answer = reclaim_lesson_progress_get_answer (again, "01-a", 2, &right);
  g_assert_cmpstr (answer, ==, "3");
  g_assert_true (right);
  /* the first try at step 2 was wrong: one right at the first try */
  g_assert_cmpuint (reclaim_lesson_progress_get_best (again, "01-a"), ==, 1);
  g_assert_true (reclaim_lesson_progress_is_solved (again, "01-a", 4));
  g_assert_false (reclaim_lesson_progress_is_solved (again, "01-a", 3));
  g_assert_true (reclaim_lesson_progress_is_done (again, "01-a"));

  reclaim_lesson_progress_reset (again, "01-a");
  g_assert_false (reclaim_lesson_progress_is_done (again, "01-a"));
  g_assert_true (reclaim_lesson_progress_get_step (again, "02-b", &step));
  reclaim_lesson_progress_reset_all (again);
  g_assert_false (reclaim_lesson_progress_get_step (again, "02-b", &step));
}

static void
test_progress_broken_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "broken.ini", NULL);
  guint step;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "\x01not [a key file\n", -1, NULL));
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (path);
  g_assert_false (reclaim_lesson_progress_get_step (progress, "01-a", &step));
  reclaim_lesson_progress_set_step (progress, "01-a", 1);
  g_assert_true (reclaim_lesson_progress_save (progress, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/view/LessonMarkup/spans", test_markup_spans);
  g_test_add_func ("/view/LessonMarkup/escapes", test_markup_escapes);
  g_test_add_func ("/view/LessonMarkup/blocks", test_markup_blocks);
  g_test_add_func ("/view/LessonMarkup/across-lines", test_markup_across_lines);
  g_test_add_func ("/view/LessonMarkup/unclosed", test_markup_unclosed);
  g_test_add_func ("/view/LessonLibrary/find", test_find);
  g_test_add_func ("/view/LessonLibrary/user-lessons", test_user_lessons_listed);
  g_test_add_func ("/view/LessonLibrary/header", test_has_header);
  g_test_add_func ("/view/LessonProgress/survives", test_progress_survives);
  g_test_add_func ("/view/LessonProgress/broken-file", test_progress_broken_file);
  return g_test_run ();
}
