/* test-window-keys.c: stepping a collection and the window's keys, with
 * real key presses on a display.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys go through the X server (xdotool, as a person's keyboard would),
 * to a window that has just opened and has no focus set by the test: the
 * first F10 steps, Space runs unless the script has the focus, Ctrl+W
 * closes.  The devguide's collection is walked phase by phase with the
 * gc_refs the cards show, Run shows every phase, and the highlighted
 * line leaves a __del__ once it has returned.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "reclaim-layout.h"
#include "app-test-util.h"

/* The devguide's example (CPython's garbage collector design). */
static char *devguide_script;     /* data/examples/devguide.py */

static const char finalizer_script[] =
  "import gc\n"                                       /* 1 */
  "class Node:\n"
  "    def __del__(self):\n"
  "        print('bye')\n"                            /* 4 */
  "n = Node()\n"                                      /* 5 */
  "n.me = n\n"
  "del n\n"
  "gc.collect()\n"                                    /* 8 */
  "print('done')\n";                                  /* 9 */

static ReclaimWindow *
window_with (const char *source)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  reclaim_session_set_source (window->session, source);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
seek_to_line (ReclaimWindow *window, guint line)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (window->session);
  guint step;

  g_assert_true (reclaim_timeline_find_line (timeline, line, &step));
  reclaim_session_seek (window->session, reclaim_timeline_step_position (timeline, step));
  iterate ();
}

/* Runs xdotool with arguments; FALSE when it is not there or failed. */
static gboolean
run_xdotool (const char *arguments)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  int status = -1;

  if (xdotool == NULL)
    return FALSE;
  command = g_strdup_printf ("%s %s", xdotool, arguments);
  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) && status == 0;
}

/* Presses keys (xdotool's names: "F10", "space", "ctrl+w") on the
 * window through the X server's keyboard (XTEST), as a person types;
 * FALSE when that cannot be done here. */
static gboolean
press_keys (ReclaimWindow *window, const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *focus = NULL;
  g_autofree char *key = g_strdup_printf ("key %s", keys);

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;
  /* two runs: chained after windowfocus, xdotool would send the keys as
   * synthetic events to the window instead of typing them */
  focus = g_strdup_printf ("windowfocus --sync %lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  return run_xdotool (focus) && run_xdotool (key);
}

/* Clicks widget at (x, y) of its own, through the X server's pointer. */
static gboolean
click (ReclaimWindow *window, GtkWidget *widget, double x, double y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  graphene_point_t point;
  double dx, dy;

  if (!GDK_IS_X11_SURFACE (surface) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  /* the surface also holds the window's shadow */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  g_autofree char *arguments = g_strdup_printf ("mousemove --window %lu --sync %d %d click 1",
                                                (unsigned long) gdk_x11_surface_get_xid (surface),
                                                (int) (point.x + dx), (int) (point.y + dy));
  return run_xdotool (arguments);
}

/* Runs the main loop until done (window) or a few seconds have gone. */
static gboolean
wait_for (gboolean (*done) (ReclaimWindow *window), ReclaimWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (window))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static guint64 start_position;

static gboolean
has_moved (ReclaimWindow *window)
{
  return reclaim_session_get_position (window->session) != start_position;
}

static gboolean
is_playing (ReclaimWindow *window)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "play");

  return g_variant_get_boolean (state);
}

/* The first F10 after the window opens steps (GTK's own F10, for a menu
 * bar, would move the focus to the header bar instead); so does the first
 * after a click on the canvas. */
static void
test_first_f10_steps (void)
{
  ReclaimWindow *window = window_with (devguide_script);

  reclaim_session_go_to_start (window->session);
  iterate ();
  start_position = reclaim_session_get_position (window->session);
  if (!press_keys (window, "F10"))
    {
      g_test_skip ("no X display or xdotool to press keys with");
      close_window (window);
      return;
    }
  g_assert_true (wait_for (has_moved, window));
  g_assert_cmpuint (reclaim_session_get_step (window->session), ==, 1);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus != NULL && GTK_IS_BUTTON (focus));

  /* after a click on the canvas, F10 still steps */
  g_assert_true (click (window, GTK_WIDGET (window->canvas), 8, 8));
  iterate ();
  start_position = reclaim_session_get_position (window->session);
  g_assert_true (press_keys (window, "F10"));
  g_assert_true (wait_for (has_moved, window));
  g_assert_cmpuint (reclaim_session_get_step (window->session), ==, 2);

  /* a click on the timeline moves there; F9 and Shift+F9 step from there */
  g_assert_true (click (window, GTK_WIDGET (window->timeline),
                        gtk_widget_get_width (GTK_WIDGET (window->timeline)) / 2.0, 30));
  iterate ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->timeline)));
  guint64 clicked = start_position = reclaim_session_get_position (window->session);
  g_assert_true (press_keys (window, "F9"));
  g_assert_true (wait_for (has_moved, window));
  start_position = reclaim_session_get_position (window->session);
  g_assert_true (press_keys (window, "shift+F9"));
  g_assert_true (wait_for (has_moved, window));
  g_assert_cmpuint (reclaim_session_get_position (window->session), <=, clicked);
  close_window (window);
}

static gboolean
is_paused (ReclaimWindow *window)
{
  return !is_playing (window);
}

static gboolean
typed_a_space (ReclaimWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_autofree char *text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_str_has_prefix (text, " import gc");
}

/* Space runs and pauses from the canvas, the output or a button, and
 * types a space in the script. */
static void
test_space (void)
{
  ReclaimWindow *window = window_with (devguide_script);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));
  GtkTextIter start;

  gtk_adjustment_set_value (window->speed_adjustment, 0.5);
  reclaim_session_go_to_start (window->session);
  gtk_widget_grab_focus (GTK_WIDGET (window->canvas));
  if (!press_keys (window, "space"))
    {
      g_test_skip ("no X display or xdotool to press keys with");
      close_window (window);
      return;
    }
  g_assert_true (wait_for (is_playing, window));
  gtk_widget_grab_focus (GTK_WIDGET (window->output_view));
  g_assert_true (press_keys (window, "space"));
  g_assert_true (wait_for (is_paused, window));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (GTK_WIDGET (window->script_view));
  g_assert_true (press_keys (window, "space"));
  g_assert_true (wait_for (typed_a_space, window));
  g_assert_false (is_playing (window));
  close_window (window);
}

/* Closed: no longer one of the application's toplevel windows. */
static gboolean
was_closed (ReclaimWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
      if (item == G_OBJECT (window))
        return FALSE;
    }
  return TRUE;
}

/* Ctrl+W closes a window without unsaved work. */
static void
test_ctrl_w_closes (void)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_false (was_closed (window));
  if (!press_keys (window, "ctrl+w"))
    {
      g_test_skip ("no X display or xdotool to press keys with");
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (window);
      return;
    }
  g_assert_true (wait_for (was_closed, window));
  g_object_unref (window);
}

static guint
lesson_step (ReclaimWindow *window)
{
  return reclaim_lesson_pane_get_step (window->lesson_pane);
}

static gboolean
at_lesson_step_2 (ReclaimWindow *window)
{
  return lesson_step (window) == 2;
}

static gboolean
at_lesson_step_1 (ReclaimWindow *window)
{
  return lesson_step (window) == 1;
}

static gboolean
lesson_left (ReclaimWindow *window)
{
  return !gtk_revealer_get_reveal_child (window->lesson_revealer);
}

/* Alt+Right and Alt+Left walk a lesson, and Esc leaves it, with the focus
 * on the canvas where a learner leaves it. */
static void
test_lesson_keys (void)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));
  g_autofree char *path = reclaim_lesson_find ("4");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (reclaim_window_open_lesson (window, path, 1, NULL));
  iterate ();
  if (!press_keys (window, "alt+Right"))
    {
      g_test_skip ("no X display or xdotool to press keys with");
      close_window (window);
      return;
    }
  g_assert_true (wait_for (at_lesson_step_2, window));
  g_assert_true (press_keys (window, "alt+Left"));
  g_assert_true (wait_for (at_lesson_step_1, window));
  g_assert_true (press_keys (window, "Escape"));
  g_assert_true (wait_for (lesson_left, window));
  /* left, the keys are no lesson's */
  g_assert_true (press_keys (window, "alt+Right"));
  iterate ();
  g_assert_cmpuint (lesson_step (window), ==, 1);
  close_window (window);
}

/* The gc_refs badge each candidate's card shows, and the rule it must
 * follow after subtract_refs: references from outside the candidates. */
static void
check_cards_at_subtract_refs (ReclaimWindow *window)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  ReclaimHeap *heap = reclaim_session_get_heap (window->session);
  guint links = 0;

  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, i);
      ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
      gboolean shows_refs = FALSE;

      /* the module's namespace (the global frame's card) is a candidate too */
      if (!(card->flags & RECLAIM_CARD_COLLECTING))
        continue;
      guint n = reclaim_layout_card_badges (card, badges);
      for (guint b = 0; b < n; b++)
        if (badges[b].kind == RECLAIM_BADGE_GC_REFS)
          {
            g_autofree char *expected = g_strdup_printf ("gc_refs %d",
                                                         reclaim_heap_get_gc_refs (heap, card->id));
            g_assert_cmpstr (badges[b].text, ==, expected);
            shows_refs = TRUE;
          }
      g_assert_true (shows_refs);
      if (g_str_equal (reclaim_heap_get_type_name (heap, card->id), "Link"))
        {
          links++;
          /* what holds a Link is the module's namespace or another Link,
           * all candidates of this full collection */
          g_assert_cmpint (card->gc_refs, ==, 0);
        }
    }
  g_assert_cmpuint (links, ==, 4);
}

/* From the statement before gc.collect() to the script's end in nine
 * presses of F9, each collector phase shown once. */
static void
test_devguide_by_phases (void)
{
  ReclaimWindow *window = window_with (devguide_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (window->session);
  guint presses = 0;
  gboolean saw_subtract = FALSE;

  seek_to_line (window, 17);
  while (reclaim_session_get_position (window->session) < timeline->end)
    {
      g_autofree char *before = g_strdup (gtk_label_get_text (window->step_label));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.phase", NULL);
      iterate ();
      presses++;
      /* every press shows something new */
      g_assert_cmpstr (gtk_label_get_text (window->step_label), !=, before);
      if (reclaim_session_get_phase (window->session) == RECLAIM_PHASE_SUBTRACT_REFS)
        {
          check_cards_at_subtract_refs (window);
          g_assert_true (g_str_has_prefix (gtk_label_get_text (window->caption_label), "subtract_refs:"));
          saw_subtract = TRUE;
        }
    }
  g_assert_true (saw_subtract);
  g_assert_cmpuint (presses, <=, 10);
  g_test_message ("the devguide's collection took %u presses", presses);

  /* back the same way */
  for (guint i = 0; i < presses; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.phase-back", NULL);
  iterate ();
  g_assert_cmpuint (reclaim_session_get_line (window->session), ==, 17);
  close_window (window);
}

static void
note_phase (ReclaimSession *session, guint *seen)
{
  ReclaimPhase phase = reclaim_session_get_phase (session);

  if (phase != RECLAIM_PHASE_NONE)
    *seen |= 1u << phase;
}

/* Run shows a collection phase by phase instead of jumping over it. */
static void
test_run_shows_phases (void)
{
  ReclaimWindow *window = window_with (devguide_script);
  guint seen = 0;

  seek_to_line (window, 19);
  g_signal_connect (window->session, "moved", G_CALLBACK (note_phase), &seen);
  gtk_adjustment_set_value (window->speed_adjustment, 20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  g_assert_true (wait_for (is_paused, window));
  g_signal_handlers_disconnect_by_data (window->session, &seen);
  for (ReclaimPhase p = RECLAIM_PHASE_UPDATE_REFS; p <= RECLAIM_PHASE_DELETE_GARBAGE; p++)
    g_assert_true (seen & (1u << p));
  close_window (window);
}

/* __del__'s body is highlighted while it runs; at delete_garbage, after
 * it returned, gc.collect()'s line is again. */
static void
test_line_after_finalizer (void)
{
  ReclaimWindow *window = window_with (finalizer_script);
  gboolean saw_body = FALSE, saw_delete = FALSE;

  seek_to_line (window, 8);
  while (reclaim_session_get_line (window->session) != 9)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.phase", NULL);
      iterate ();
      if (highlighted_line (window) == 4)
        saw_body = TRUE;
      if (reclaim_session_get_phase (window->session) == RECLAIM_PHASE_DELETE_GARBAGE)
        {
          g_assert_cmpuint (highlighted_line (window), ==, 8);
          saw_delete = TRUE;
        }
    }
  g_assert_true (saw_body);
  g_assert_true (saw_delete);
  close_window (window);
}

static const char *
icon_of (GtkWidget *widget, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return gtk_button_get_icon_name (GTK_BUTTON (child));
      const char *found = icon_of (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The three step sizes have three different icons, each way. */
static void
test_step_icons (void)
{
  ReclaimWindow *window = window_with ("x = 1\n");
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  static const char *const forward[] = { "win.step", "win.phase", "win.step-into" };
  static const char *const back[] = { "win.step-back", "win.phase-back", "win.step-back-into" };

  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      {
        g_assert_nonnull (icon_of (header, forward[i]));
        g_assert_nonnull (icon_of (header, back[i]));
        g_assert_cmpstr (icon_of (header, forward[i]), !=, icon_of (header, forward[j]));
        g_assert_cmpstr (icon_of (header, back[i]), !=, icon_of (header, back[j]));
      }
  close_window (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_autofree char *devguide_path = g_build_filename (EXAMPLES_DIR, "devguide.py", NULL);
  if (!g_file_get_contents (devguide_path, &devguide_script, NULL, NULL))
    g_error ("cannot read %s", devguide_path);

  g_test_add_func ("/app/window-keys/first-f10-steps", test_first_f10_steps);
  g_test_add_func ("/app/window-keys/space", test_space);
  g_test_add_func ("/app/window-keys/ctrl-w-closes", test_ctrl_w_closes);
  g_test_add_func ("/app/window-keys/step-icons", test_step_icons);
  g_test_add_func ("/app/window-keys/lesson-keys", test_lesson_keys);
  g_test_add_func ("/app/window-phase/devguide-by-phases", test_devguide_by_phases);
  g_test_add_func ("/app/window-phase/run-shows-phases", test_run_shows_phases);
  g_test_add_func ("/app/window-phase/line-after-finalizer", test_line_after_finalizer);
  return g_test_run ();
}
