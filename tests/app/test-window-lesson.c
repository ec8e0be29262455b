/* test-window-lesson.c: lessons in the window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lesson list as the first screen, a lesson's pane and the canvas
 * kept at the step, checkpoints answered right and wrong, a task failed
 * and solved by canvas edits, leaving and coming back, progress across a
 * restart, and `reclaim --lesson NAME --step N`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reclaim-application.h"
#include "reclaim-canvas-private.h"
#include "app-test-util.h"

static ReclaimWindow *
new_window (void)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  /* each step's run is done when the call returns, however busy the
   * machine: what the tests check comes after it */
  reclaim_session_set_run_in_background (window->session, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static ReclaimWindow *
window_on_lesson (const char *name, guint step)
{
  ReclaimWindow *window = new_window ();
  g_autofree char *path = reclaim_lesson_find (name);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (path);
  g_assert_true (reclaim_window_open_lesson (window, path, step, &error));
  g_assert_no_error (error);
  iterate ();
  return window;
}

/* The first step of a lesson that is a checkpoint (predict) or task. */
static guint
first_step (ReclaimWindow *window, gboolean task)
{
  const ReclaimLesson *lesson = reclaim_lesson_pane_get_lesson (window->lesson_pane);

  for (guint i = 0; i < reclaim_lesson_n_steps (lesson); i++)
    if (task ? reclaim_lesson_get_step (lesson, i)->task : reclaim_lesson_get_step (lesson, i)->predict)
      return i;
  g_assert_not_reached ();
}

static char *
printed_so_far (ReclaimWindow *window)
{
  return g_strndup (reclaim_session_get_output (window->session),
                    reclaim_session_get_output_length (window->session));
}

static gboolean
lesson_shown (ReclaimWindow *window)
{
  return gtk_revealer_get_reveal_child (window->lesson_revealer);
}

/* --- The first screen ----------------------------------------------------- */

static ReclaimWindow *activated_window;

static void
record_window (GApplication *app)
{
  activated_window = RECLAIM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_object_ref (activated_window);
  g_application_quit (app);
}

/* Runs the application with arguments, as `reclaim ARGS` does, and keeps
 * the window it opened. */
static ReclaimWindow *
run_application (const char *const *arguments)
{
  g_autoptr (ReclaimApplication) app = reclaim_application_new ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_ptr_array_add (argv, (gpointer) "reclaim");
  for (guint i = 0; arguments[i]; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_signal_connect_after (app, "activate", G_CALLBACK (record_window), NULL);
  activated_window = NULL;
  g_assert_cmpint (g_application_run (G_APPLICATION (app), argv->len, (char **) argv->pdata), ==, 0);
  g_assert_nonnull (activated_window);
  return g_steal_pointer (&activated_window);
}

static void
test_first_screen_is_the_list (void)
{
  const char *const none[] = { NULL };
  ReclaimWindow *window = run_application (none);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "lessons");
  GPtrArray *paths = reclaim_lesson_list_get_paths (window->lesson_list);
  g_assert_cmpuint (paths->len, ==, 9);
  g_assert_true (g_str_has_suffix (paths->pdata[0], "01-names-are-references.py"));
  g_assert_nonnull (strstr (reclaim_lesson_list_get_status (window->lesson_list, 0), "not started"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lessons — Reclaim");
  /* nothing to step through or run while the list hides the script */
  g_autofree char *hidden_script = g_strdup (reclaim_session_get_source (window->session));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.collect", NULL);
  iterate ();
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, hidden_script);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "play"));
  /* the thumbnails are drawn while the list shows */
  for (int i = 0; i < 200 && !reclaim_lesson_list_has_thumbnail (window->lesson_list, 8); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (reclaim_lesson_list_has_thumbnail (window->lesson_list, 0));
  g_assert_true (reclaim_lesson_list_has_thumbnail (window->lesson_list, 8));

  /* the welcome example is one press away */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "work");
  g_assert_nonnull (strstr (reclaim_session_get_source (window->session), "gc.collect()"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "play"));
  close_window (window);
}

static void
test_deep_link (void)
{
  const char *const arguments[] = { "--lesson", "how-the-cycle-detector-works", "--step", "4", NULL };
  ReclaimWindow *window = run_application (arguments);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "work");
  g_assert_true (lesson_shown (window));
  g_assert_cmpuint (reclaim_lesson_pane_get_step (window->lesson_pane), ==, 3);
  /* step 4 stops in the collection, where subtract_refs is done */
  g_assert_cmpint (reclaim_session_get_phase (window->session), ==, RECLAIM_PHASE_SUBTRACT_REFS);
  g_autofree char *link = reclaim_lesson_pane_dup_link (window->lesson_pane);
  g_assert_cmpstr (link, ==, "reclaim --lesson 04-how-the-cycle-detector-works --step 4");
  close_window (window);
}

/* --- Steps and the canvas ------------------------------------------------- */

static void
test_steps_keep_the_canvas (void)
{
  ReclaimWindow *window = window_on_lesson ("4", 0);
  guint64 positions[3];

  g_assert_true (lesson_shown (window));
  for (guint i = 0; i < 3; i++)
    {
      reclaim_lesson_pane_go_to_step (window->lesson_pane, i + 3);
      positions[i] = reclaim_session_get_position (window->session);
    }
  /* going back, skipping or scrubbing cannot leave them apart */
  reclaim_session_go_to_start (window->session);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-back", NULL));
  g_assert_cmpuint (reclaim_lesson_pane_get_step (window->lesson_pane), ==, 4);
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, positions[1]);
  reclaim_lesson_pane_go_to_step (window->lesson_pane, 3);
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, positions[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL));
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, positions[2]);
  g_assert_cmpint (reclaim_session_get_phase (window->session), ==, RECLAIM_PHASE_DELETE_GARBAGE);
  /* each step says what changed since the one before */
  g_assert_cmpstr (reclaim_lesson_pane_get_changes (window->lesson_pane), !=, "");
  close_window (window);
}

/* The objects a step's show= names stand out on the canvas. */
static void
test_show_points_at_objects (void)
{
  ReclaimWindow *window = window_on_lesson ("weak-references", 0);
  const ReclaimLesson *lesson = reclaim_lesson_pane_get_lesson (window->lesson_pane);
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  g_auto (GStrv) titles = NULL;
  GPtrArray *shown = g_ptr_array_new ();

  g_assert_cmpstr (reclaim_lesson_get_step (lesson, 0)->show[0], ==, "img");
  for (guint i = 0; i < window->canvas->highlight->len; i++)
    for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
      if (reclaim_scene_get_card (scene, c)->id == g_array_index (window->canvas->highlight, ReclaimId, i))
        g_ptr_array_add (shown, (gpointer) reclaim_scene_get_card (scene, c)->title);
  g_ptr_array_add (shown, NULL);
  titles = g_strdupv ((char **) shown->pdata);
  g_ptr_array_free (shown, TRUE);
  /* img's Image and the weak reference r */
  g_assert_cmpuint (g_strv_length (titles), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) titles, "Image"));

  /* a step without show= points at nothing */
  reclaim_lesson_pane_next (window->lesson_pane);
  g_assert_cmpuint (window->canvas->highlight->len, ==, 0);
  close_window (window);
}

/* --- Checkpoints ---------------------------------------------------------- */

static void
test_checkpoint_wrong_then_right (void)
{
  ReclaimWindow *window = window_on_lesson ("weak-references", 0);
  guint step = first_step (window, FALSE);
  const ReclaimLesson *lesson = reclaim_lesson_pane_get_lesson (window->lesson_pane);
  g_autoptr (ReclaimLessonRun) run = reclaim_lesson_run (lesson, NULL);
  g_autofree char *answer = reclaim_lesson_answer (run, step);

  reclaim_lesson_pane_go_to_step (window->lesson_pane, step);
  iterate ();
  /* before the answer, the output does not give it away */
  g_autofree char *before = printed_so_far (window);
  g_assert_false (g_str_has_suffix (g_strstrip (before), answer));

  reclaim_lesson_pane_answer (window->lesson_pane, "something else");
  g_assert_true (g_str_has_prefix (reclaim_lesson_pane_get_feedback (window->lesson_pane), "Not quite"));
  g_assert_nonnull (strstr (reclaim_lesson_pane_get_feedback (window->lesson_pane), answer));
  /* the reveal runs the code: the output shows what it printed */
  g_autofree char *after = printed_so_far (window);
  g_assert_true (g_str_has_suffix (g_strstrip (after), answer));

  reclaim_lesson_pane_answer (window->lesson_pane, answer);
  g_assert_true (g_str_has_prefix (reclaim_lesson_pane_get_feedback (window->lesson_pane), "Right"));

  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  gboolean right = FALSE;
  g_autofree char *kept = reclaim_lesson_progress_get_answer (progress, "05-weak-references", step, &right);
  g_assert_cmpstr (kept, ==, answer);
  g_assert_true (right);
  /* wrong at the first try: no best score yet */
  g_assert_cmpuint (reclaim_lesson_progress_get_best (progress, "05-weak-references"), ==, 0);
  close_window (window);
}

/* --- Tasks ---------------------------------------------------------------- */

static void
test_task_by_canvas_edits (void)
{
  ReclaimWindow *window = window_on_lesson ("4", 0);
  guint step = first_step (window, TRUE);
  g_autoptr (GError) error = NULL;

  reclaim_lesson_pane_go_to_step (window->lesson_pane, step);
  iterate ();
  /* the reference solution is not in the script */
  g_assert_false (g_str_has_suffix (reclaim_session_get_source (window->session), "del A\n"));
  g_assert_false (reclaim_lesson_pane_check (window->lesson_pane));
  g_assert_nonnull (strstr (reclaim_lesson_pane_get_feedback (window->lesson_pane),
                            "Links are still alive"));

  /* an edit that misses the goal: a new list */
  g_assert_true (reclaim_session_new_object (window->session, RECLAIM_NEW_LIST, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (reclaim_lesson_pane_check (window->lesson_pane));
  g_assert_true (g_str_has_prefix (reclaim_lesson_pane_get_feedback (window->lesson_pane), "Not yet"));

  /* the canvas deletes the name A, as its Delete does */
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  const ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  const ReclaimRow *row = reclaim_scene_find_row (scene, frame, "A");
  g_assert_nonnull (row);
  g_assert_true (reclaim_session_delete_reference (window->session, frame->id, row->slot, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (reclaim_lesson_pane_check (window->lesson_pane));
  g_assert_true (g_str_has_prefix (reclaim_lesson_pane_get_feedback (window->lesson_pane), "Solved"));

  /* the attempt stays with the step when the user walks away and back */
  g_autofree char *attempt = g_strdup (reclaim_session_get_source (window->session));
  reclaim_lesson_pane_next (window->lesson_pane);
  reclaim_lesson_pane_back (window->lesson_pane);
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, attempt);

  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  g_assert_true (reclaim_lesson_progress_is_solved (progress, "04-how-the-cycle-detector-works", step));
  close_window (window);
}

static void
test_show_solution (void)
{
  ReclaimWindow *window = window_on_lesson ("3", 0);
  guint step = first_step (window, TRUE);

  reclaim_lesson_pane_go_to_step (window->lesson_pane, step);
  reclaim_lesson_pane_show_solution (window->lesson_pane);
  iterate ();
  g_assert_true (reclaim_lesson_pane_check (window->lesson_pane));
  close_window (window);
}

/* --- Leaving and coming back ---------------------------------------------- */

static void
test_leave_and_return (void)
{
  ReclaimWindow *window = window_on_lesson ("4", 4);
  guint64 position = reclaim_session_get_position (window->session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-lesson", NULL));
  iterate ();
  g_assert_false (lesson_shown (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  /* free play: the canvas is the user's */
  reclaim_session_go_to_end (window->session);
  g_assert_true (reclaim_session_new_object (window->session, RECLAIM_NEW_DICT, NULL));
  iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.return-to-lesson", NULL));
  iterate ();
  g_assert_true (lesson_shown (window));
  g_assert_cmpuint (reclaim_lesson_pane_get_step (window->lesson_pane), ==, 4);
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, position);
  close_window (window);
}

/* --- Progress across a restart -------------------------------------------- */

static void
test_progress_after_restart (void)
{
  ReclaimWindow *window = window_on_lesson ("1", 0);
  guint last = reclaim_lesson_n_steps (reclaim_lesson_pane_get_lesson (window->lesson_pane)) - 1;

  reclaim_lesson_pane_go_to_step (window->lesson_pane, 3);
  close_window (window);
  window = window_on_lesson ("2", last);
  close_window (window);

  /* a new application on the same state directory */
  const char *const none[] = { NULL };
  window = run_application (none);
  g_assert_nonnull (strstr (reclaim_lesson_list_get_status (window->lesson_list, 0), "at step 4"));
  g_assert_nonnull (strstr (reclaim_lesson_list_get_status (window->lesson_list, 1), "Done"));
  /* choosing the lesson opens it where the user was */
  g_signal_emit_by_name (window->lesson_list, "open-lesson",
                         reclaim_lesson_list_get_paths (window->lesson_list)->pdata[0]);
  iterate ();
  g_assert_cmpuint (reclaim_lesson_pane_get_step (window->lesson_pane), ==, 3);
  /* and progress never locks: any step opens */
  reclaim_lesson_pane_go_to_step (window->lesson_pane, last);
  g_assert_cmpuint (reclaim_lesson_pane_get_step (window->lesson_pane), ==, last);
  close_window (window);
}

/* --- A lesson of the user's own ------------------------------------------- */

static void
test_open_offers_lesson (void)
{
  g_autofree char *source = reclaim_lesson_find ("3");
  g_autofree char *text = NULL;
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "mine.py", NULL);
  ReclaimWindow *window = new_window ();

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  g_autoptr (GFile) file = g_file_new_for_path (copy);
  reclaim_window_open_file (window, file);
  for (int i = 0; i < 200 && window->file == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  /* opened as a script, offered as a lesson */
  g_assert_false (lesson_shown (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-offered-lesson", NULL));
  iterate ();
  g_assert_true (lesson_shown (window));
  g_assert_cmpstr (reclaim_lesson_pane_get_lesson (window->lesson_pane)->title, ==, "Circular references");
  close_window (window);
}

static void
test_broken_lesson (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "broken.py", NULL);
  ReclaimWindow *window = new_window ();
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "# ---\n# title: Broken\n# ---\n# %%\nx = (\n", -1, NULL));
  g_assert_false (reclaim_window_open_lesson (window, path, 0, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.py"));
  g_assert_false (lesson_shown (window));
  close_window (window);
}

/* Removes a directory and everything in it. */
static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* gtk_test_init() ignores G_TEST_OPTION_ISOLATE_DIRS: the tests get
 * fresh directories for progress and the user's lessons here, removed
 * at the end. */
static char *
use_fresh_user_dirs (void)
{
  char *root = g_dir_make_tmp ("reclaim-lesson-test-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (root, "state", NULL);
  g_autofree char *data = g_build_filename (root, "data", NULL);

  g_assert_nonnull (root);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_mkdir_with_parents (data, 0700);
  return root;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dirs = use_fresh_user_dirs ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app/lesson/first-screen", test_first_screen_is_the_list);
  g_test_add_func ("/app/lesson/deep-link", test_deep_link);
  g_test_add_func ("/app/lesson/steps-keep-the-canvas", test_steps_keep_the_canvas);
  g_test_add_func ("/app/lesson/show-points-at-objects", test_show_points_at_objects);
  g_test_add_func ("/app/lesson/checkpoint", test_checkpoint_wrong_then_right);
  g_test_add_func ("/app/lesson/task-by-canvas-edits", test_task_by_canvas_edits);
  g_test_add_func ("/app/lesson/show-solution", test_show_solution);
  g_test_add_func ("/app/lesson/leave-and-return", test_leave_and_return);
  g_test_add_func ("/app/lesson/progress-after-restart", test_progress_after_restart);
  g_test_add_func ("/app/lesson/open-offers-lesson", test_open_offers_lesson);
  g_test_add_func ("/app/lesson/broken-lesson", test_broken_lesson);
  status = g_test_run ();
  remove_tree (dirs);
  return status;
}
