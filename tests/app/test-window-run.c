/* test-window-run.c: the window while a script runs.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A script runs on a worker: the window's main loop goes on, a long run
 * shows Running… and Stop, Stop ends it, and a change typed meanwhile
 * supersedes it.
 */
#include "app-test-util.h"

#include <string.h>

#define TICK_MS 50

typedef struct {
  guint  ticks;
  gint64 last_tick;
  gint64 longest_gap;
} Ticks;

static gboolean
tick (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->ticks++;
  ticks->longest_gap = MAX (ticks->longest_gap, now - ticks->last_tick);
  ticks->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the window's run is over; how long it took, in µs. */
static gint64
run_main_loop_until_idle (ReclaimWindow *window)
{
  gint64 start = g_get_monotonic_time ();

  while (reclaim_session_is_running (window->session))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, FALSE), g_usleep (500);
    }
  return g_get_monotonic_time () - start;
}

static ReclaimWindow *
new_window (void)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  /* far more steps than a test lasts: only Stop ends an endless loop */
  reclaim_session_set_max_steps (window->session, G_GUINT64_CONSTANT (1) << 40);
  gtk_window_present (GTK_WINDOW (window));
  reclaim_window_load_text (window, "a = [1]\n", NULL);
  run_main_loop_until_idle (window);
  return window;
}

/* Unlike close_window(), the text is taken as saved first, and the main
 * loop turns after: a run may still be under way. */
static void
close_window_as_saved (ReclaimWindow *window)
{
  g_autofree char *text = script_text (window);

  reclaim_window_load_text (window, text, NULL);   /* nothing unsaved: no question */
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  iterate_for (50);
}

static void
type_script (ReclaimWindow *window, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));

  gtk_text_buffer_set_text (buffer, text, -1);
  reclaim_window_flush_typing (window);
}

/* `while True: pass` typed in the script: the main loop's ticks go on,
 * Running… and Stop show, Stop ends the run and says so, and the text
 * stays as typed. */
static void
test_endless_loop_and_stop (void)
{
  const char *loop = "print('start')\nwhile True:\n    pass\n";
  ReclaimWindow *window = new_window ();
  Ticks ticks = { 0 };
  guint timer;

  type_script (window, loop);
  ticks.last_tick = g_get_monotonic_time ();
  timer = g_timeout_add (TICK_MS, tick, &ticks);
  /* a 50 ms tick keeps coming while the script runs on (blocked, there
   * would be none until the run ended, and it ends only on Stop); how
   * often depends on how fast a virtual display on a busy machine draws
   * the frames between, so the test waits for three, not for a time */
  gint64 start = g_get_monotonic_time ();
  while (ticks.ticks < 3 || g_get_monotonic_time () - start < 600 * 1000)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      iterate_for (10);
    }
  g_assert_true (reclaim_session_is_running (window->session));
  g_assert_true (gtk_widget_get_visible (window->running_box));
  g_assert_true (gtk_widget_is_drawable (window->running_box));
  g_assert_cmpstr (gtk_label_get_text (window->running_label), ==, "Running…");
  g_assert_true (gtk_widget_is_sensitive (window->stop_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop", NULL);
  gint64 took = run_main_loop_until_idle (window);
  g_test_message ("Stop took %" G_GINT64_FORMAT " µs; longest gap between ticks %" G_GINT64_FORMAT " µs",
                  took, ticks.longest_gap);
  g_source_remove (timer);
  /* the script stops at its next step and its history is dropped, so
   * the window has it back at once (within a frame or two of a virtual
   * display on a busy machine) */
  g_assert_cmpint (took, <, 500 * 1000);
  /* the last run that finished stays, dimmed, under the message */
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (window->canvas)), <, 1.0);
  g_assert_false (gtk_widget_get_visible (window->running_box));
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), "you pressed Stop"));
  g_autofree char *text = script_text (window);
  g_assert_cmpstr (text, ==, loop);
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, loop);
  close_window_as_saved (window);
}

/* A change typed during a run supersedes it: the window ends with the
 * newest text's run, and what the superseded one would have shown never
 * shows. */
static void
test_typing_supersedes_run (void)
{
  ReclaimWindow *window = new_window ();
  GtkTextBuffer *output = gtk_text_view_get_buffer (window->output_view);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  type_script (window, "print('old')\nwhile True:\n    pass\n");
  iterate_for (400);
  g_assert_true (reclaim_session_is_running (window->session));
  type_script (window, "b = [2]\nprint('new')\n");
  run_main_loop_until_idle (window);

  gtk_text_buffer_get_bounds (output, &start, &end);
  shown = gtk_text_buffer_get_text (output, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "new\n");
  g_assert_false (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 2 of 2 · end");
  g_assert_false (gtk_widget_get_visible (window->running_box));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (window->canvas)), ==, 1.0);
  close_window_as_saved (window);
}

/* Undo while a run goes on: the text it goes back to shows at once, not
 * when its run is back, so that nothing is typed into a text that is no
 * longer the script. */
static void
test_undo_shows_text_at_once (void)
{
  ReclaimWindow *window = new_window ();

  type_script (window, "while True:\n    pass\n");
  iterate_for (50);
  type_script (window, "print('again')\nwhile True:\n    pass\n");
  g_assert_true (reclaim_session_is_running (window->session));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_autofree char *text = script_text (window);
  g_assert_cmpstr (text, ==, "while True:\n    pass\n");
  g_assert_true (reclaim_session_is_running (window->session));
  reclaim_session_stop (window->session);
  run_main_loop_until_idle (window);
  close_window_as_saved (window);
}

/* A short run shows no progress at all: it would only flicker. */
static void
test_short_run_shows_nothing (void)
{
  ReclaimWindow *window = new_window ();

  type_script (window, "c = {}\n");
  run_main_loop_until_idle (window);
  iterate_for (400);
  g_assert_false (gtk_widget_get_visible (window->running_box));
  g_assert_false (gtk_widget_is_sensitive (window->stop_button));
  close_window_as_saved (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/window-run/endless-loop-and-stop", test_endless_loop_and_stop);
  g_test_add_func ("/app/window-run/typing-supersedes-run", test_typing_supersedes_run);
  g_test_add_func ("/app/window-run/undo-shows-text-at-once", test_undo_shows_text_at_once);
  g_test_add_func ("/app/window-run/short-run-shows-nothing", test_short_run_shows_nothing);
  return g_test_run ();
}
