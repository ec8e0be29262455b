/* test-session-run.c: scripts run in the background, as the window runs
 * them.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a script runs on the worker the main loop goes on; Stop ends the
 * run and shows what it did; a newer text supersedes the run under way;
 * the session's signals come on the main thread only.
 */
#include "reclaim-session.h"

#include <gio/gio.h>
#include <string.h>

#define TICK_MS 50

typedef struct {
  ReclaimSession *session;
  GThread        *main_thread;
  guint           ran;
  guint           ticks;
  gint64          last_tick;
  gint64          longest_gap;   /* between two ticks, in µs */
  gboolean        signal_off_main_thread;
} Fixture;

static void
ran (ReclaimSession *session, Fixture *fixture)
{
  fixture->ran++;
  if (g_thread_self () != fixture->main_thread)
    fixture->signal_off_main_thread = TRUE;
}

static void
moved (ReclaimSession *session, Fixture *fixture)
{
  if (g_thread_self () != fixture->main_thread)
    fixture->signal_off_main_thread = TRUE;
}

/* A callback on the main loop, as a window's redraw or key press would be. */
static gboolean
tick (gpointer user_data)
{
  Fixture *fixture = user_data;
  gint64 now = g_get_monotonic_time ();

  fixture->ticks++;
  fixture->longest_gap = MAX (fixture->longest_gap, now - fixture->last_tick);
  fixture->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->session = reclaim_session_new ();
  fixture->main_thread = g_thread_self ();
  /* far more steps than the test lasts: only Stop ends the loop */
  reclaim_session_set_max_steps (fixture->session, G_GUINT64_CONSTANT (1) << 40);
  reclaim_session_set_run_in_background (fixture->session, TRUE);
  g_signal_connect (fixture->session, "ran", G_CALLBACK (ran), fixture);
  g_signal_connect (fixture->session, "moved", G_CALLBACK (moved), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_assert_false (fixture->signal_off_main_thread);
  g_object_unref (fixture->session);
  /* let a worker that was told to stop come back */
  g_usleep (20 * 1000);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for ms milliseconds. */
static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* Runs the main loop until the session has no run under way, or until
 * timeout_ms; returns how long it took, in µs. */
static gint64
run_main_loop_until_idle (ReclaimSession *session, guint timeout_ms)
{
  gint64 start = g_get_monotonic_time ();

  while (reclaim_session_is_running (session) && g_get_monotonic_time () - start < timeout_ms * 1000)
    g_main_context_iteration (NULL, FALSE), g_usleep (500);
  return g_get_monotonic_time () - start;
}

/* `while True: pass` runs on while the main loop keeps its ticks; Stop
 * ends it, and the session shows what it did and why it stopped. */
static void
test_stop_endless_loop (Fixture *fixture, gconstpointer data)
{
  const char *source = "print('before')\nwhile True:\n    pass\n";
  guint timer;

  fixture->ran = 0;
  reclaim_session_set_source (fixture->session, source);
  g_assert_true (reclaim_session_is_running (fixture->session));
  fixture->last_tick = g_get_monotonic_time ();
  timer = g_timeout_add (TICK_MS, tick, fixture);
  run_main_loop_for (600);
  g_assert_true (reclaim_session_is_running (fixture->session));
  g_assert_cmpuint (fixture->ran, ==, 0);
  /* 600 ms of 50 ms ticks, with room for a busy machine */
  g_assert_cmpuint (fixture->ticks, >=, 6);
  g_assert_cmpint (fixture->longest_gap, <, 300 * 1000);

  reclaim_session_stop (fixture->session);
  gint64 took = run_main_loop_until_idle (fixture->session, 5000);
  g_test_message ("Stop took %" G_GINT64_FORMAT " µs; longest gap between ticks %" G_GINT64_FORMAT " µs",
                  took, fixture->longest_gap);
  g_source_remove (timer);
  g_assert_false (reclaim_session_is_running (fixture->session));
  /* measured: under 10 ms; the history is dropped, not indexed */
  g_assert_cmpint (took, <, 100 * 1000);
  g_assert_cmpuint (fixture->ran, ==, 1);
  g_assert_cmpstr (reclaim_session_get_source (fixture->session), ==, source);
  g_assert_cmpint (reclaim_session_get_status (fixture->session), ==, 3);
  g_assert_true (g_str_has_prefix (reclaim_session_get_output (fixture->session), "before\n"));
  g_assert_nonnull (strstr (reclaim_session_get_error_message (fixture->session), "you pressed Stop"));
  /* its history was dropped: the last run that finished stays, as under a
   * syntax error */
  g_assert_true (reclaim_session_is_stale (fixture->session));
}

/* Stopped right after another file was loaded: an empty run stands in,
 * so nothing of the last file shows. */
static void
test_stop_after_load (Fixture *fixture, gconstpointer data)
{
  reclaim_session_set_source (fixture->session, "a = [1]\nb = [a]\n");
  reclaim_session_wait (fixture->session, -1);
  /* the worker may not have reached the print when Stop comes on a busy
   * machine: then again, given longer */
  for (guint attempt = 1; attempt <= 5; attempt++)
    {
      reclaim_session_load_text (fixture->session, "print('looping')\nwhile True:\n    pass\n");
      run_main_loop_for (50 * attempt * attempt);
      reclaim_session_stop (fixture->session);
      run_main_loop_until_idle (fixture->session, 5000);
      if (g_str_has_prefix (reclaim_session_get_output (fixture->session), "looping\n"))
        break;
    }

  g_assert_false (reclaim_session_is_stale (fixture->session));
  g_assert_cmpuint (reclaim_timeline_n_steps (reclaim_session_get_timeline (fixture->session)), ==, 0);
  g_assert_cmpint (reclaim_session_get_status (fixture->session), ==, 3);
  g_assert_true (g_str_has_prefix (reclaim_session_get_output (fixture->session), "looping\n"));
  g_assert_cmpuint (reclaim_session_get_output_length (fixture->session), ==,
                    strlen (reclaim_session_get_output (fixture->session)));
  g_autofree char *caption = reclaim_session_describe (fixture->session);
  g_assert_cmpstr (caption, ==, "The script was stopped; what it did up to then is not shown.");
}

/* A text typed while a run goes on supersedes it: the superseded run
 * never shows, and the session ends with the newest text's run. */
static void
test_newer_text_supersedes (Fixture *fixture, gconstpointer data)
{
  fixture->ran = 0;
  reclaim_session_set_source (fixture->session, "while True:\n    pass\n");
  run_main_loop_for (100);
  reclaim_session_set_source (fixture->session, "x = []\nprint('first')\nwhile True:\n    x.append(1)\n");
  run_main_loop_for (100);
  reclaim_session_set_source (fixture->session, "y = [1]\nprint('newest')\n");
  run_main_loop_until_idle (fixture->session, 5000);

  g_assert_false (reclaim_session_is_running (fixture->session));
  g_assert_cmpuint (fixture->ran, ==, 1);
  g_assert_cmpstr (reclaim_session_get_output (fixture->session), ==, "newest\n");
  g_assert_cmpint (reclaim_session_get_status (fixture->session), ==, 0);
  g_assert_cmpuint (reclaim_session_get_timeline (fixture->session)->lines->len, ==, 2);
}

/* Undo during a run supersedes it too, and the text goes back. */
static void
test_undo_supersedes (Fixture *fixture, gconstpointer data)
{
  reclaim_session_set_source (fixture->session, "print('kept')\n");
  reclaim_session_wait (fixture->session, -1);
  reclaim_session_set_source (fixture->session, "while True:\n    pass\n");
  run_main_loop_for (50);
  reclaim_session_undo (fixture->session);
  run_main_loop_until_idle (fixture->session, 5000);

  g_assert_cmpstr (reclaim_session_get_source (fixture->session), ==, "print('kept')\n");
  g_assert_cmpstr (reclaim_session_get_output (fixture->session), ==, "kept\n");
}

/* Waiting takes the run without the main loop, as tools and tests do. */
static void
test_wait (Fixture *fixture, gconstpointer data)
{
  fixture->ran = 0;
  reclaim_session_set_source (fixture->session, "a = [1, 2]\nprint(len(a))\n");
  g_assert_true (reclaim_session_wait (fixture->session, -1));
  g_assert_cmpuint (fixture->ran, ==, 1);
  g_assert_cmpstr (reclaim_session_get_output (fixture->session), ==, "2\n");

  reclaim_session_set_source (fixture->session, "while True:\n    pass\n");
  g_assert_false (reclaim_session_wait (fixture->session, 50));
  g_assert_true (reclaim_session_is_running (fixture->session));
  reclaim_session_stop (fixture->session);
  g_assert_true (reclaim_session_wait (fixture->session, -1));
  g_assert_cmpint (reclaim_session_get_status (fixture->session), ==, 3);
}

/* Where a loaded script opens is kept for its run, which comes back
 * later: a file before its first statement, the welcome example before
 * its collection. */
static void
test_open_before_line (Fixture *fixture, gconstpointer data)
{
  const char *script = "a = [1]\nb = [2]\nc = [3]\n";

  reclaim_session_load_text (fixture->session, script);
  reclaim_session_open_before_line (fixture->session, 1);
  g_assert_true (reclaim_session_wait (fixture->session, -1));
  g_assert_cmpuint (reclaim_session_get_step (fixture->session), ==, 0);

  reclaim_session_load_text (fixture->session, script);
  reclaim_session_open_before_line (fixture->session, 3);
  g_assert_true (reclaim_session_wait (fixture->session, -1));
  g_assert_cmpuint (reclaim_session_get_step (fixture->session), ==, 2);
  g_assert_cmpuint (reclaim_session_get_line (fixture->session), ==, 3);

  /* with no run under way, at once */
  reclaim_session_open_before_line (fixture->session, 2);
  g_assert_cmpuint (reclaim_session_get_line (fixture->session), ==, 2);
}

/* A canvas edit reads the last run's names: while a newer text runs it
 * is refused, and the text stays as it was. */
static void
test_edit_refused_while_running (Fixture *fixture, gconstpointer data)
{
  const char *source = "class Node:\n    pass\nwhile True:\n    pass\n";
  g_autoptr (GError) error = NULL;

  reclaim_session_set_source (fixture->session, source);
  g_assert_false (reclaim_session_new_object (fixture->session, RECLAIM_NEW_LIST, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpstr (reclaim_session_get_source (fixture->session), ==, source);
  reclaim_session_stop (fixture->session);
  reclaim_session_wait (fixture->session, -1);
}

/* A canvas edit after a run waits for its own short run, so that the
 * canvas finds what it made. */
static void
test_edit_waits_for_short_run (Fixture *fixture, gconstpointer data)
{
  reclaim_session_set_source (fixture->session, "a = []\n");
  reclaim_session_wait (fixture->session, -1);
  g_assert_true (reclaim_session_new_object (fixture->session, RECLAIM_NEW_LIST, NULL));
  g_assert_false (reclaim_session_is_running (fixture->session));
  g_assert_cmpuint (reclaim_session_get_timeline (fixture->session)->lines->len, ==, 2);
}

/* A session let go while its run goes on: the run is dropped when it
 * comes back, and nothing touches the session any more. */
static void
test_unref_while_running (void)
{
  ReclaimSession *session = reclaim_session_new ();

  reclaim_session_set_max_steps (session, G_GUINT64_CONSTANT (1) << 40);
  reclaim_session_set_run_in_background (session, TRUE);
  reclaim_session_set_source (session, "while True:\n    pass\n");
  run_main_loop_for (30);
  g_object_unref (session);
  run_main_loop_for (100);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/view/session-run/stop-endless-loop", test_stop_endless_loop);
  ADD ("/view/session-run/stop-after-load", test_stop_after_load);
  ADD ("/view/session-run/newer-text-supersedes", test_newer_text_supersedes);
  ADD ("/view/session-run/undo-supersedes", test_undo_supersedes);
  ADD ("/view/session-run/wait", test_wait);
  ADD ("/view/session-run/open-before-line", test_open_before_line);
  ADD ("/view/session-run/edit-refused-while-running", test_edit_refused_while_running);
  ADD ("/view/session-run/edit-waits-for-short-run", test_edit_waits_for_short_run);
#undef ADD
  g_test_add_func ("/view/session-run/unref-while-running", test_unref_while_running);
  return g_test_run ();
}
