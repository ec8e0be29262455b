/* test-window-canvas.c: the canvas in the window stays readable and still.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at the sizes people use (a 1400x900 screen, an 800x600
 * projector), the welcome example, and scripts opened with saved card
 * positions.  Needs a display.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reclaim-canvas-private.h"
#include "app-test-util.h"

static void
wait_for_size (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) <= 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

static ReclaimWindow *
window_of_size (int width, int height)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  /* each edit's run is done when the call returns */
  reclaim_session_set_run_in_background (window->session, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The device pixels a card's row text is tall at the canvas's zoom. */
static double
row_text_pixels (ReclaimWindow *window)
{
  return reclaim_canvas_get_zoom (window->canvas) * reclaim_renderer_text_size (RECLAIM_TEXT_ROW);
}

/* A window as the app makes it: its size and panes from the settings'
 * defaults. */
static ReclaimWindow *
default_window (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  reclaim_session_set_run_in_background (window->session, FALSE);
  reclaim_window_use_settings (window, settings);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The welcome example, fitted in a new window on a 1400x900 screen: the
 * text on the cards is at least 10 pixels tall, at every step, and the
 * view stays put. */
static void
test_welcome_readable (void)
{
  ReclaimWindow *window = default_window ();

  reclaim_window_open_example (window);
  wait_for_size (GTK_WIDGET (window->canvas));
  reclaim_canvas_fit (window->canvas);
  g_assert_cmpfloat (row_text_pixels (window), >=, 10);
  reclaim_session_go_to_start (window->session);
  iterate ();
  /* the view shows the whole run's places: stepping never moves it */
  double zoom = reclaim_canvas_get_zoom (window->canvas);
  double origin_x = window->canvas->origin_x, origin_y = window->canvas->origin_y;
  while (reclaim_session_step_forward (window->session))
    {
      iterate ();
      g_assert_cmpfloat (row_text_pixels (window), >=, 10);
      g_assert_cmpfloat (reclaim_canvas_get_zoom (window->canvas), ==, zoom);
      g_assert_cmpfloat (window->canvas->origin_x, ==, origin_x);
      g_assert_cmpfloat (window->canvas->origin_y, ==, origin_y);
    }
  close_window (window);
}

/* Many objects: fitting may make them small, to show them all. */
static void
test_many_objects_fit (void)
{
  ReclaimWindow *window = window_of_size (1000, 700);

  reclaim_session_set_source (window->session, "items = [[i] for i in range(200)]\n");
  wait_for_size (GTK_WIDGET (window->canvas));
  reclaim_canvas_fit (window->canvas);
  g_assert_cmpfloat (row_text_pixels (window), <, 10);
  close_window (window);
}

/* A freed object fades away showing its rows, not as an empty box. */
static void
test_freed_card_keeps_rows (void)
{
  ReclaimWindow *window = window_of_size (1200, 800);
  ReclaimCanvas *canvas = window->canvas;
  const ReclaimTimeline *timeline;
  guint step;

  wait_for_size (GTK_WIDGET (canvas));
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (canvas)), "gtk-enable-animations", TRUE, NULL);
  g_object_set (canvas, "animation-speed", 0.5, NULL);
  reclaim_session_set_source (window->session, "class Node:\n    pass\nn1 = Node()\nn1.x = 5\ndel n1\ny = 1\n");
  timeline = reclaim_session_get_timeline (window->session);
  g_assert_true (reclaim_timeline_find_line (timeline, 5, &step));
  reclaim_session_seek (window->session, reclaim_timeline_step_position (timeline, step));
  iterate ();
  canvas_stop_animation (canvas);
  g_assert_true (reclaim_session_step_forward (window->session));
  g_assert_nonnull (canvas->transition);

  const ReclaimScene *scene = reclaim_canvas_get_scene (canvas);
  const ReclaimCard *freed = NULL;
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (reclaim_scene_get_card (scene, c)->flags & RECLAIM_CARD_FREED)
      freed = reclaim_scene_get_card (scene, c);
  g_assert_nonnull (freed);
  g_assert_cmpuint (freed->n_rows, ==, 1);
  const ReclaimRow *row = reclaim_scene_get_row (scene, freed->first_row);
  g_assert_cmpstr (row->label, ==, "x");
  g_assert_cmpstr (row->value, ==, "5");
  g_assert_cmpfloat (freed->height, >, RECLAIM_LAYOUT_HEADER_HEIGHT + RECLAIM_LAYOUT_ROW_HEIGHT);
  canvas_stop_animation (canvas);
  close_window (window);
}

/* The legend shows by default; View > Legend hides it, and the choice is
 * remembered for the next window. */
static void
test_legend_toggle (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  ReclaimWindow *window = default_window ();
  gboolean shown;

  g_object_get (window->canvas, "show-legend", &shown, NULL);
  g_assert_true (shown);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL);
  g_object_get (window->canvas, "show-legend", &shown, NULL);
  g_assert_false (shown);
  g_assert_false (g_settings_get_boolean (settings, "show-legend"));
  close_window (window);

  window = default_window ();
  g_object_get (window->canvas, "show-legend", &shown, NULL);
  g_assert_false (shown);
  g_settings_reset (settings, "show-legend");
  close_window (window);
}

/* The window's machinery (an X round trip for each resize, then an idle
 * that moves the panes) takes long on a loaded machine: the checks below
 * wait for what they expect, up to this long, instead of for a while. */
#define PANES_DEADLINE (15 * G_USEC_PER_SEC)

static gboolean
canvas_has_width (ReclaimWindow *window, int width)
{
  gint64 deadline = g_get_monotonic_time () + PANES_DEADLINE;

  while (g_get_monotonic_time () < deadline)
    {
      iterate ();
      if (gtk_widget_get_width (GTK_WIDGET (window)) <= 820 &&
          gtk_widget_get_width (GTK_WIDGET (window->canvas)) >= width)
        return TRUE;
      g_usleep (2000);
    }
  return FALSE;
}

/* Iterates until the window is wide (the width of a laptop's screen) and
 * the script pane is script_width wide. */
static gboolean
wide_with_script_width (ReclaimWindow *window, int script_width)
{
  gint64 deadline = g_get_monotonic_time () + PANES_DEADLINE;

  while (g_get_monotonic_time () < deadline)
    {
      iterate ();
      if (gtk_widget_get_width (GTK_WIDGET (window)) >= 1200 &&
          gtk_paned_get_position (window->outer_paned) == script_width)
        return TRUE;
      g_usleep (2000);
    }
  return FALSE;
}

/* On an 800x600 projector the canvas keeps half the width at least: the
 * script and the inspector give way.  Made wide again, the window gives
 * the panes their room back. */
static void
test_narrow_window (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  ReclaimWindow *window = default_window ();
  int script_width = g_settings_get_int (settings, "script-pane-width");

  reclaim_window_open_example (window);
  wait_for_size (GTK_WIDGET (window->canvas));
  g_assert_true (wide_with_script_width (window, script_width));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_true (canvas_has_width (window, 395));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 820);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->canvas)), >=,
                   gtk_widget_get_width (GTK_WIDGET (window)) / 2);
  g_assert_cmpint (gtk_paned_get_position (window->outer_paned), <, script_width);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (wide_with_script_width (window, script_width));
  close_window (window);
}

static const ReclaimCard *
card_of (ReclaimWindow *window, ReclaimId id)
{
  return reclaim_scene_find_card (reclaim_canvas_get_scene (window->canvas), id);
}

static gboolean
source_is (ReclaimWindow *window, const char *source)
{
  gint64 deadline = g_get_monotonic_time () + PANES_DEADLINE;

  while (g_get_monotonic_time () < deadline)
    {
      if (g_str_equal (reclaim_session_get_source (window->session), source))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return FALSE;
}

/* Cards moved by hand, saved, and the file opened again: there they are,
 * the named object and the one no name reaches at the end alike. */
static void
test_positions_reopened (void)
{
  static const char source[] = "class Node:\n    pass\nn1 = Node()\nn1.child = Node()\n"
                               "t = Node()\nt.me = t\ndel t\n";
  ReclaimWindow *window = window_of_size (1200, 800);
  g_autofree char *dir = g_dir_make_tmp ("reclaim-positions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "moved.py", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const ReclaimTimeline *timeline;
  guint step;

  reclaim_session_set_source (window->session, source);
  wait_for_size (GTK_WIDGET (window->canvas));
  /* n1 at the end; t's cycle before `del t` */
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  ReclaimId n1 = 0, cycle = 0;
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_strcmp0 (reclaim_scene_get_card (scene, c)->name, "n1") == 0)
      n1 = reclaim_scene_get_card (scene, c)->id;
  timeline = reclaim_session_get_timeline (window->session);
  g_assert_true (reclaim_timeline_find_line (timeline, 7, &step));
  reclaim_session_seek (window->session, reclaim_timeline_step_position (timeline, step));
  scene = reclaim_canvas_get_scene (window->canvas);
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_strcmp0 (reclaim_scene_get_card (scene, c)->name, "t") == 0)
      cycle = reclaim_scene_get_card (scene, c)->id;
  g_assert_cmpuint (n1, !=, 0);
  g_assert_cmpuint (cycle, !=, 0);
  reclaim_session_set_card_position (window->session, n1, 700, 420);
  reclaim_session_set_card_position (window->session, cycle, 300, 520);
  g_autofree char *text = reclaim_session_dup_text (window->session);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  close_window (window);

  window = window_of_size (1200, 800);
  reclaim_window_open_file (window, file);
  g_assert_true (source_is (window, source));
  wait_for_size (GTK_WIDGET (window->canvas));
  reclaim_session_go_to_end (window->session);
  g_assert_cmpfloat (card_of (window, n1)->x, ==, 700);
  g_assert_cmpfloat (card_of (window, n1)->y, ==, 420);
  timeline = reclaim_session_get_timeline (window->session);
  g_assert_true (reclaim_timeline_find_line (timeline, 7, &step));
  reclaim_session_seek (window->session, reclaim_timeline_step_position (timeline, step));
  g_assert_cmpfloat (card_of (window, cycle)->x, ==, 300);
  g_assert_cmpfloat (card_of (window, cycle)->y, ==, 520);
  /* and every step keeps them there */
  reclaim_session_go_to_start (window->session);
  while (reclaim_session_step_forward (window->session))
    if (card_of (window, n1) != NULL)
      g_assert_cmpfloat (card_of (window, n1)->x, ==, 700);
  close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/window-canvas/welcome-readable", test_welcome_readable);
  g_test_add_func ("/app/window-canvas/many-objects-fit", test_many_objects_fit);
  g_test_add_func ("/app/window-canvas/freed-card-keeps-rows", test_freed_card_keeps_rows);
  g_test_add_func ("/app/window-canvas/legend-toggle", test_legend_toggle);
  g_test_add_func ("/app/window-canvas/narrow-window", test_narrow_window);
  g_test_add_func ("/app/window-canvas/positions-reopened", test_positions_reopened);
  return g_test_run ();
}
