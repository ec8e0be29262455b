/* test-window.c: the window, driven as a user drives it, on a display.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens scripts from files, steps and steps back through the window's
 * actions, types into the script, saves, and checks what the window shows:
 * the caption, the step counter, the highlighted line, the canvas's cards,
 * the title.  Needs a display (the test command starts a virtual X server).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reclaim-appearance.h"
#include "app-test-util.h"

static const char script[] =
  "class Node:\n"                 /* 1 */
  "    pass\n"                    /* 2 */
  "a = Node()\n"                  /* 3 */
  "a.next = Node()\n"             /* 4 */
  "print('two nodes')\n"          /* 5 */
  "del a\n";                      /* 6 */

typedef struct {
  char          *dir;
  char          *path;
  ReclaimWindow *window;
} Fixture;

static void
wait_until (gboolean (*done) (Fixture *fixture), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
script_loaded (Fixture *fixture)
{
  return g_str_equal (reclaim_session_get_source (fixture->window->session), script);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("reclaim-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "nodes.py", NULL);
  g_assert_true (g_file_set_contents (fixture->path, script, -1, NULL));

  fixture->window = g_object_ref_sink (reclaim_window_new (NULL));
  /* these tests read what a change did right after it: runs in the
   * background have theirs in test-window-run.c */
  reclaim_session_set_run_in_background (fixture->window->session, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (fixture->path);
  reclaim_window_open_file (fixture->window, file);
  wait_until (script_loaded, fixture);
  iterate ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  close_window (fixture->window);
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
output_text (ReclaimWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->output_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Cards of objects alive at the position (not the fading ones of objects
 * just freed). */
static guint
n_cards (ReclaimWindow *window)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  guint alive = 0;

  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    if (!(reclaim_scene_get_card (scene, i)->flags & RECLAIM_CARD_FREED))
      alive++;
  return alive;
}

static void
test_open (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  g_autofree char *output = output_text (window);

  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "nodes.py");
  /* the window opens before the script's first statement, for F10 */
  g_assert_cmpstr (output, ==, "");
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 0 of 6 · line 1");
  reclaim_session_go_to_end (window->session);
  g_free (output);
  output = output_text (window);
  g_assert_cmpstr (output, ==, "two nodes\n");
  g_assert_false (reclaim_window_is_modified (window));
}

static void
test_step_and_back (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  GtkWidget *widget = GTK_WIDGET (window);
  guint at_end = n_cards (window);

  gtk_widget_activate_action (widget, "win.reset", NULL);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 0 of 6 · line 1");
  g_assert_cmpuint (highlighted_line (window), ==, 1);
  /* nothing printed yet at the start */
  g_autofree char *nothing = output_text (window);
  g_assert_cmpstr (nothing, ==, "");

  /* class Node:, its body, a = Node() */
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (widget, "win.step", NULL);
  iterate ();
  /* `a = Node()` has run: the canvas shows the frame and a's Node */
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 3 of 6 · line 4");
  g_assert_cmpuint (highlighted_line (window), ==, 4);
  guint after_a = n_cards (window);
  g_assert_nonnull (reclaim_scene_find_row (reclaim_canvas_get_scene (window->canvas),
                                            reclaim_scene_get_card (reclaim_canvas_get_scene (window->canvas), 0),
                                            "a"));

  gtk_widget_activate_action (widget, "win.step", NULL);
  iterate ();
  g_assert_cmpuint (n_cards (window), ==, after_a + 1);

  /* one event at a time, with a caption for each */
  gtk_widget_activate_action (widget, "win.step-into", NULL);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->caption_label), ==, "line 5 runs: print('two nodes')");
  gtk_widget_activate_action (widget, "win.step-back-into", NULL);
  gtk_widget_activate_action (widget, "win.step-back", NULL);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 3 of 6 · line 4");
  g_assert_cmpuint (n_cards (window), ==, after_a);

  gtk_widget_activate_action (widget, "win.go-to-end", NULL);
  iterate ();
  g_assert_cmpuint (n_cards (window), ==, at_end);
  g_autofree char *printed = output_text (window);
  g_assert_cmpstr (printed, ==, "two nodes\n");
}

static void
test_stepping_stops_at_the_ends (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  GtkWidget *widget = GTK_WIDGET (window);

  /* at the end there is nothing to step into; at the start, nothing
   * before the first event */
  reclaim_session_go_to_end (window->session);
  gtk_widget_activate_action (widget, "win.step", NULL);
  gtk_widget_activate_action (widget, "win.step-into", NULL);
  iterate ();
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==,
                    reclaim_session_get_timeline (window->session)->end);
  reclaim_session_go_to_start (window->session);
  gtk_widget_activate_action (widget, "win.step-back", NULL);
  gtk_widget_activate_action (widget, "win.step-back", NULL);
  iterate ();
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==,
                    reclaim_session_get_timeline (window->session)->start);
}

static gboolean
typed_change_ran (Fixture *fixture)
{
  return g_str_has_suffix (reclaim_session_get_source (fixture->window->session), "b = 2\n");
}

static void
test_typing_runs_and_saves (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));
  GtkTextIter end;
  g_autofree char *saved = NULL;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "b = 2\n", -1);
  g_assert_true (reclaim_window_is_modified (window));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (window->title_label), "• "));
  wait_until (typed_change_ran, fixture);
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 7 of 7 · end");

  /* undo takes the typed change back, redo brings it again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, script);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  iterate ();
  g_assert_true (typed_change_ran (fixture));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  while (reclaim_window_is_modified (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (fixture->path, &saved, NULL, NULL));
  g_assert_true (g_str_has_suffix (saved, "del a\nb = 2\n"));
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "nodes.py");
}

static gboolean
play_state (ReclaimWindow *window)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "play");

  return g_variant_get_boolean (state);
}

/* Run steps by itself at the chosen speed, and stops at the end. */
static void
test_run_and_pause (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_adjustment_set_value (window->speed_adjustment, 20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  g_assert_true (play_state (window));
  while (reclaim_session_get_step (window->session) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* pause: the position stays */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  g_assert_false (play_state (window));
  guint64 paused = reclaim_session_get_position (window->session);
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, paused);

  /* played to the end, it stops by itself */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  while (play_state (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==,
                    reclaim_session_get_timeline (window->session)->end);
}

static void
test_error_banner (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;

  reclaim_session_set_source (window->session, "x = 1\nprint(y)\n");
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->banner_label), ==,
                   "Line 2: NameError: name 'y' is not defined");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-error", NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));
  GtkTextIter cursor;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 1);

  reclaim_session_set_source (window->session, "x = 1\n");
  iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->banner_revealer));
}

/* The memory limit of Preferences reaches the runs: a script past it is
 * stopped with a banner that names the preference, and runs once the
 * limit is raised. */
static void
test_memory_limit (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");

  reclaim_window_use_settings (window, settings);
  g_settings_set_uint (settings, "memory-limit", 256);
  iterate ();
  reclaim_session_set_source (window->session, "n = len('a' * (300 * 2**20))\nprint(n)\n");
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), "more than 256 MiB"));
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), "Preferences, Memory limit"));

  g_settings_set_uint (settings, "memory-limit", 1024);
  iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpstr (reclaim_session_get_output (window->session), ==, "314572800\n");
  g_settings_reset (settings, "memory-limit");
}

static void
test_unreadable_file (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  g_autofree char *path = g_build_filename (fixture->dir, "binary.py", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "\xff\xfe\x00x", 4, NULL));
  reclaim_window_open_file (window, file);
  while (!gtk_revealer_get_reveal_child (window->banner_revealer))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (strstr (gtk_label_get_text (window->banner_label), "not UTF-8 text") != NULL);
  /* the script that was open is still there */
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, script);
  g_remove (path);
}

static gboolean
dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window))
        return TRUE;
    }
  return FALSE;
}

static void
test_close_asks_first (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;

  reclaim_session_new_object (window->session, RECLAIM_NEW_INSTANCE, NULL);
  iterate ();
  g_assert_true (reclaim_window_is_modified (window));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  /* the window stays, and a dialog asks about the unsaved change */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (dialog_shown ());
}

static void
test_panes (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;

  g_assert_true (gtk_widget_get_visible (window->inspector_scroller));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  g_assert_false (gtk_widget_get_visible (window->inspector_scroller));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-script", NULL);
  g_assert_false (gtk_widget_get_visible (gtk_paned_get_start_child (window->outer_paned)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (window->timeline_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  g_assert_true (gtk_widget_get_visible (window->inspector_scroller));
}

/* The canvas's view actions work from the window, wherever the focus is
 * (the menu and the shortcuts use them). */
static void
test_view_actions (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;

  gtk_widget_grab_focus (GTK_WIDGET (window->script_view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (window->canvas), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (window->canvas), >, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (window->canvas), <, 1);

  /* after `del a` the global frame is the only card */
  reclaim_session_set_card_position (window->session, reclaim_scene_get_card (
                                       reclaim_canvas_get_scene (window->canvas), 0)->id, 900, 900);
  g_assert_true (reclaim_session_has_card_positions (window->session));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tidy", NULL);
  g_assert_false (reclaim_session_has_card_positions (window->session));
}

/* Every text the widget shows, labels and buttons, one per line. */
static void
collect_texts (GtkWidget *widget, GString *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static char *
inspector_text (ReclaimWindow *window)
{
  GString *texts = g_string_new (NULL);

  collect_texts (GTK_WIDGET (window->inspector), texts);
  return g_string_free (texts, FALSE);
}

/* The first button under widget with that tooltip, or NULL. */
static GtkWidget *
button_with_tooltip (GtkWidget *widget, const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the inspector's button labelled label. */
static void
click_inspector_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    {
      g_signal_emit_by_name (widget, "clicked");
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    click_inspector_button (child, label);
}

static void
record_highlight (ReclaimInspector *inspector, gpointer ids, guint n, guint *highlighted)
{
  *highlighted = n;
}

/* The inspector answers for the selected object: who holds it, what it
 * holds, why it is alive; with nothing selected, the cycles. */
static void
test_inspector (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  guint highlighted = 0;
  g_autofree char *nothing = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *answered = NULL;

  reclaim_session_set_source (window->session,
                              "class Node:\n    pass\na = Node()\na.next = Node()\n"
                              "a.next.back = a\nb = a.next\nc = [b]\n");
  iterate ();
  nothing = inspector_text (window);
  g_assert_nonnull (strstr (nothing, "Nothing selected"));
  /* the cycle a <-> a.next (named b, its shortest name) is listed; the
   * class's own bookkeeping is not */
  g_assert_nonnull (strstr (nothing, "a, b\n"));
  g_assert_null (strstr (nothing, "tuple"));

  ReclaimId next = 0;
  for (guint c = 0; c < reclaim_scene_n_cards (reclaim_canvas_get_scene (window->canvas)); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (reclaim_canvas_get_scene (window->canvas), c);
      g_autofree char *name = reclaim_session_name_of (window->session, card->id);
      if (g_str_equal (name, "b"))
        next = card->id;
    }
  g_assert_cmpuint (next, !=, 0);
  g_object_set (window->canvas, "selected", next, NULL);
  iterate ();
  selected = inspector_text (window);
  g_assert_nonnull (strstr (selected, "Reference count: 3\n"));
  g_assert_nonnull (strstr (selected, "Held by\n"));
  g_assert_nonnull (strstr (selected, "\na.next\n"));
  g_assert_nonnull (strstr (selected, "\nb\n"));
  g_assert_nonnull (strstr (selected, "\nc[0]\n"));
  g_assert_nonnull (strstr (selected, "b.back → a\n"));

  g_signal_connect (window->inspector, "highlight", G_CALLBACK (record_highlight), &highlighted);
  click_inspector_button (GTK_WIDGET (window->inspector), "Why Is This Alive?");
  answered = inspector_text (window);
  g_assert_nonnull (strstr (answered, "Reached from a variable: b\n"));
  /* the path is drawn: the module namespace and the object */
  g_assert_cmpuint (highlighted, ==, 2);

  /* what deleting its first reference would free: nothing, two others
   * still hold it */
  g_autofree char *what_if = NULL;
  GtkWidget *button = button_with_tooltip (GTK_WIDGET (window->inspector),
                                           "What would deleting this reference free?");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  what_if = inspector_text (window);
  g_assert_true (g_regex_match_simple ("^Deleting (a\\.next|b|c\\[0\\]) frees nothing at once\\.$",
                                       what_if, G_REGEX_MULTILINE, 0));
}

/* The inspector's labels: a reference and what it reaches are not the
 * same words twice; the module namespace is the global frame; the
 * question button says what it asks, and its answer names the objects
 * that would go, not the variable being deleted. */
static void
test_inspector_labels (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;

  reclaim_session_set_source (window->session,
                              "import weakref\nclass Node:\n    pass\nn1 = Node()\n"
                              "n1.watch = weakref.ref(n1)\nn1.items = [1]\ndef f():\n    pass\n");
  iterate ();
  g_autofree char *cycles = inspector_text (window);
  /* no cycle here but the class's own, which is not listed */
  g_assert_nonnull (strstr (cycles, "None: reference counting alone can free everything."));

  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  ReclaimId n1 = reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, frame, "n1")->target)->id;
  g_object_set (window->canvas, "selected", n1, NULL);
  iterate ();
  g_autofree char *selected = inspector_text (window);
  g_assert_nonnull (strstr (selected, "n1.watch → ReferenceType\n"));
  g_assert_nonnull (strstr (selected, "n1.items → list\n"));
  g_assert_null (strstr (selected, "n1.watch → n1.watch"));

  GtkWidget *button = button_with_tooltip (GTK_WIDGET (window->inspector),
                                           "What would deleting this reference free?");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "What If Deleted?");
  g_signal_emit_by_name (button, "clicked");
  g_autofree char *what_if = inspector_text (window);
  g_assert_true (g_regex_match_simple ("^Deleting n1 frees at once: Node #[0-9]+ \\(was n1\\), "
                                       "(ReferenceType #[0-9]+ \\(was n1\\.watch\\)|list #[0-9]+ \\(was n1\\.items\\)), ",
                                       what_if, G_REGEX_MULTILINE, 0));

  g_object_set (window->canvas, "selected", frame->id, NULL);
  iterate ();
  g_autofree char *global = inspector_text (window);
  g_assert_true (g_str_has_prefix (global, "Global frame\n"));
  /* a hidden holder counts and is listed, without a button */
  g_assert_nonnull (strstr (global, "\nfunction f: __globals__ (not drawn)\n"));
  g_assert_null (button_with_tooltip (GTK_WIDGET (window->inspector), "What would deleting this reference free?"));
}

/* Pane sizes and which panes show are kept in the settings, and a new
 * window comes back with them. */
static void
test_settings_remembered (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  g_autoptr (ReclaimWindow) first = g_object_ref_sink (reclaim_window_new (NULL));
  g_autoptr (ReclaimWindow) second = g_object_ref_sink (reclaim_window_new (NULL));

  reclaim_window_use_settings (first, settings);
  gtk_widget_activate_action (GTK_WIDGET (first), "win.show-inspector", NULL);
  g_assert_false (g_settings_get_boolean (settings, "show-inspector"));
  gtk_paned_set_position (first->outer_paned, 333);
  g_assert_cmpint (g_settings_get_int (settings, "script-pane-width"), ==, 333);
  g_settings_set_string (settings, "default-collector", "marksweep");

  reclaim_window_use_settings (second, settings);
  g_assert_false (gtk_widget_get_visible (second->inspector_scroller));
  g_assert_cmpint (gtk_paned_get_position (second->outer_paned), ==, 333);
  /* a new window runs scripts under the preferred collector */
  g_assert_cmpint (reclaim_session_get_collector (second->session), ==, RECLAIM_COLLECTOR_MARKSWEEP);

  g_settings_reset (settings, "show-inspector");
  g_settings_reset (settings, "script-pane-width");
  g_settings_reset (settings, "default-collector");
  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* The section of a menu (or of its submenus) whose label is `label`
 * holds an item for action `action`. */
static gboolean
section_has_action (GMenuModel *menu, const char *label, const char *action, gboolean in_section)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *section_label = NULL;
      if (in_section && g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        return TRUE;
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &section_label);
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section && section_has_action (section, label, action, g_strcmp0 (section_label, label) == 0))
        return TRUE;
    }
  return FALSE;
}

static GtkMenuButton *
primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL &&
      section_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), "View", "win.show-script", FALSE))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = primary_menu_button (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the frame clock lay the window out again. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A long caption wraps onto more lines and is never cut, and the caption
 * keeps room for two lines, so that the canvas keeps its size (and its
 * cards their place on screen) whether a caption wraps or not. */
static void
test_caption_wraps (void)
{
  g_autoptr (ReclaimWindow) window = g_object_ref_sink (reclaim_window_new (NULL));
  const char *long_caption = "a's reference count fell to 3: a call's argument tuple no longer refers "
                             "to it (an interpreter object, not drawn)";

  /* the application's style sheet, which ReclaimApplication loads */
  g_autoptr (GtkCssProvider) style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/reclaim/Reclaim/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  reclaim_window_open_example (window);
  ReclaimSession *session = window->session;
  reclaim_session_wait (session, -1);
  gboolean found = FALSE;
  reclaim_session_go_to_start (session);
  while (!found && reclaim_session_event_forward (session))
    {
      g_autofree char *caption = reclaim_session_describe (session);
      found = g_str_equal (caption, long_caption);
    }
  g_assert_true (found);
  settle ();

  g_assert_cmpstr (gtk_label_get_text (window->caption_label), ==, long_caption);
  PangoLayout *layout = gtk_label_get_layout (window->caption_label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);

  /* a short caption: "line 4 ran: import gc" */
  reclaim_session_seek (session, reclaim_timeline_step_position (reclaim_session_get_timeline (session), 1));
  settle ();
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (window->caption_label)), ==, 1);
  int one_line;
  pango_layout_get_pixel_size (gtk_label_get_layout (window->caption_label), NULL, &one_line);
  int caption_box = gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (window->caption_label)));
  g_assert_cmpint (caption_box, >=, 2 * one_line);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Show Interpreter Objects" in the menu's View section brings the class
 * and its functions onto the canvas, and a new window remembers it. */
static void
test_show_internals (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  g_autoptr (ReclaimWindow) first = g_object_ref_sink (reclaim_window_new (NULL));
  g_autoptr (ReclaimWindow) second = g_object_ref_sink (reclaim_window_new (NULL));

  reclaim_window_use_settings (first, settings);
  reclaim_window_open_example (first);
  reclaim_session_wait (first->session, -1);
  iterate ();
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (first));
  GtkMenuButton *menu = primary_menu_button (titlebar ? titlebar : GTK_WIDGET (first));
  g_assert_nonnull (menu);
  g_assert_true (section_has_action (gtk_menu_button_get_menu_model (menu), "View", "win.show-internals", FALSE));

  const ReclaimScene *scene = reclaim_canvas_get_scene (first->canvas);
  guint plain_cards = reclaim_scene_n_cards (scene);
  g_assert_null (reclaim_scene_find_card (scene, 0));
  for (guint c = 0; c < plain_cards; c++)
    g_assert_cmpint (reclaim_scene_get_card (scene, c)->kind, !=, RECLAIM_KIND_CLASS);

  gtk_widget_activate_action (GTK_WIDGET (first), "win.show-internals", NULL);
  iterate ();
  g_assert_true (g_settings_get_boolean (settings, "show-internals"));
  g_assert_true (reclaim_session_get_show_internals (first->session));
  scene = reclaim_canvas_get_scene (first->canvas);
  g_assert_cmpuint (reclaim_scene_n_cards (scene), >, plain_cards);
  gboolean class_shown = FALSE;
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    class_shown |= g_strcmp0 (reclaim_scene_get_card (scene, c)->title, "class Node") == 0;
  g_assert_true (class_shown);

  reclaim_window_use_settings (second, settings);
  g_assert_true (reclaim_session_get_show_internals (second->session));

  g_settings_reset (settings, "show-internals");
  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_example (void)
{
  g_autoptr (ReclaimWindow) window = g_object_ref_sink (reclaim_window_new (NULL));

  reclaim_window_open_example (window);
  reclaim_session_wait (window->session, -1);
  /* the first screen already shows something alive, before the collection */
  g_assert_cmpuint (reclaim_session_get_line (window->session), ==, 25);
  g_assert_true (strstr (reclaim_session_get_source (window->session), "weakref") != NULL);
  g_assert_cmpint (reclaim_session_get_status (window->session), ==, 0);
  g_assert_cmpuint (reclaim_scene_n_cards (reclaim_canvas_get_scene (window->canvas)), >, 1);
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Welcome example");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each statement gets the same width of the timeline, even when one of
 * them (a full collection) has most of the events; clicking there moves
 * to that point. */
static void
test_timeline (Fixture *fixture, gconstpointer data)
{
  ReclaimWindow *window = fixture->window;
  GtkWidget *strip = GTK_WIDGET (window->timeline);
  double width = gtk_widget_get_width (strip);
  const ReclaimTimeline *timeline;

  reclaim_session_set_source (window->session,
                              "import gc\na = 1\nb = 2\ngc.collect()\nc = 3\nd = 4\ne = 5\nf = 6\n");
  timeline = reclaim_session_get_timeline (window->session);
  g_assert_cmpuint (width, >, 100);
  /* eight statements, eight segments: the middle of the fourth is the
   * middle of `gc.collect()` */
  g_assert_cmpuint (g_array_index (timeline->lines, guint64, 0), ==, timeline->start);
  guint64 inside = reclaim_timeline_view_position_at (window->timeline, 12 + (width - 24) * 3.5 / 8);
  g_assert_cmpuint (inside, >, g_array_index (timeline->lines, guint64, 3));
  g_assert_cmpuint (inside, <, g_array_index (timeline->lines, guint64, 4));
  guint64 sixth = reclaim_timeline_view_position_at (window->timeline, 12 + (width - 24) * 5.0 / 8);
  g_assert_cmpuint (sixth, ==, g_array_index (timeline->lines, guint64, 5));

  /* a drag on the strip moves the session there */
  GtkEventController *drag = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (strip);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_EVENT_CONTROLLER (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", 12 + (width - 24) * 5.0 / 8, 10.0);
  g_assert_cmpuint (reclaim_session_get_position (window->session), ==, sixth);
  g_assert_cmpuint (reclaim_session_get_line (window->session), ==, 6);
}

static gboolean
canvas_is_dark (ReclaimWindow *window)
{
  gboolean dark;

  g_object_get (window->canvas, "dark", &dark, NULL);
  return dark;
}

/* The size of the script pane's font, in Pango units of pixels. */
static int
script_font_size (ReclaimWindow *window)
{
  PangoContext *context = gtk_widget_create_pango_context (GTK_WIDGET (window->script_view));
  int size = pango_font_description_get_size (pango_context_get_font_description (context));

  g_object_unref (context);
  return size;
}

/* The preferences apply live: the colour scheme reaches the canvas, the
 * font size the script pane. */
static void
test_appearance (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");
  g_autoptr (ReclaimAppearance) appearance = reclaim_appearance_new (settings);
  g_autoptr (ReclaimWindow) window = g_object_ref_sink (reclaim_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  g_settings_set_string (settings, "color-scheme", "dark");
  iterate ();
  g_assert_true (reclaim_appearance_is_dark (appearance));
  g_assert_true (canvas_is_dark (window));
  g_settings_set_string (settings, "color-scheme", "light");
  iterate ();
  g_assert_false (canvas_is_dark (window));

  /* CSS points become pixels at 96 dpi in the widget's font */
  g_settings_set_int (settings, "script-font-size", 20);
  iterate ();
  g_assert_cmpint (ABS (script_font_size (window) - 20 * 96.0 / 72 * PANGO_SCALE), <=, 2);
  g_settings_set_int (settings, "script-font-size", 9);
  iterate ();
  g_assert_cmpint (ABS (script_font_size (window) - 12 * PANGO_SCALE), <=, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/app/window/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("step-and-back", test_step_and_back);
  ADD ("stepping-stops-at-the-ends", test_stepping_stops_at_the_ends);
  ADD ("typing-runs-and-saves", test_typing_runs_and_saves);
  ADD ("run-and-pause", test_run_and_pause);
  ADD ("error-banner", test_error_banner);
  ADD ("memory-limit", test_memory_limit);
  ADD ("unreadable-file", test_unreadable_file);
  ADD ("close-asks-first", test_close_asks_first);
  ADD ("panes", test_panes);
  ADD ("timeline", test_timeline);
  ADD ("view-actions", test_view_actions);
  ADD ("inspector", test_inspector);
  ADD ("inspector-labels", test_inspector_labels);
#undef ADD
  g_test_add_func ("/app/window/example", test_example);
  g_test_add_func ("/app/window/show-internals", test_show_internals);
  g_test_add_func ("/app/window/caption-wraps", test_caption_wraps);
  g_test_add_func ("/app/window/appearance", test_appearance);
  g_test_add_func ("/app/window/settings-remembered", test_settings_remembered);

  return g_test_run ();
}
