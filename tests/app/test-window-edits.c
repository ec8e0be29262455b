/* test-window-edits.c: new scripts, edits and figures, in the window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Script, an edit made on the canvas at an earlier step, Ctrl held
 * for a weak reference, a syntax error typed over a script that ran, and
 * Export and Copy Figure: what the window shows after each, on a display.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reclaim-canvas-private.h"
#include "app-test-util.h"

static const char nodes[] =
  "class Node:\n"          /* 1 */
  "    pass\n"             /* 2 */
  "a = Node()\n"           /* 3 */
  "b = Node()\n"           /* 4 */
  "del a\n";               /* 5 */

/* A window showing source (not saved anywhere), at its end. */
static ReclaimWindow *
window_with (const char *source)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  /* these tests read what an edit did right after it: runs in the
   * background have theirs in test-window-run.c */
  reclaim_session_set_run_in_background (window->session, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  reclaim_window_load_text (window, source, NULL);
  iterate ();
  return window;
}

/* Cards of objects, frames not counted. */
static guint
n_object_cards (ReclaimWindow *window)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  guint n = 0;

  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    n += !(reclaim_scene_get_card (scene, i)->flags & (RECLAIM_CARD_FRAME | RECLAIM_CARD_FREED));
  return n;
}

static gboolean
message_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (toplevel))
        {
          gtk_window_destroy (GTK_WINDOW (toplevel));
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- New ------------------------------------------------------------------- */

static void
test_new_script (void)
{
  ReclaimWindow *window = window_with (nodes);

  g_assert_cmpuint (n_object_cards (window), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  iterate ();
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, "");
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Untitled script");
  g_assert_cmpuint (n_object_cards (window), ==, 0);
  g_assert_false (reclaim_window_is_modified (window));
  g_assert_null (window->file);

  /* with unsaved work, New asks first and changes nothing yet */
  reclaim_session_new_object (window->session, RECLAIM_NEW_LIST, NULL);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  iterate ();
  g_assert_true (message_dialog_shown ());
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==, "l1 = []\n");
  close_window (window);
}

/* ---- An edit at an earlier step ----------------------------------------------- */

static void
test_edit_at_earlier_step (void)
{
  ReclaimWindow *window = window_with (nodes);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (window->session);
  guint step;

  /* back to where a exists and b does not yet: a new list goes there */
  g_assert_true (reclaim_timeline_find_line (timeline, 4, &step));
  reclaim_session_seek (window->session, reclaim_timeline_step_position (timeline, step));
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window->canvas), "canvas.new-list", NULL);
  iterate ();
  g_assert_cmpstr (reclaim_session_get_source (window->session), ==,
                   "class Node:\n    pass\na = Node()\nl1 = []\nb = Node()\ndel a\n");
  /* the view stays after the new statement: b is still to come */
  g_assert_cmpstr (gtk_label_get_text (window->step_label), ==, "Step 4 of 6 · line 5");
  /* a and the new list (the class is the interpreter's, not drawn) */
  g_assert_cmpuint (n_object_cards (window), ==, 2);
  close_window (window);
}

/* ---- Ctrl makes the weak tool ------------------------------------------------ */

static void
send_key (GtkWidget *widget, const char *signal, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      if (g_str_equal (signal, "key-pressed"))
        g_signal_emit_by_name (controller, signal, keyval, 0, state, &handled);
      else
        g_signal_emit_by_name (controller, signal, keyval, 0, state);
    }
}

static gboolean
weak_tool_on (ReclaimWindow *window)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "weak-tool");

  return g_variant_get_boolean (state);
}

/* Drags a reference from n1's handle to n2 with the modifiers of state. */
static void
drag_reference (ReclaimCanvas *canvas, ReclaimId from, ReclaimId to, guint state)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (canvas);
  const ReclaimCard *source = reclaim_scene_find_card (scene, from);
  const ReclaimCard *target = reclaim_scene_find_card (scene, to);
  double hx, hy, x, y, tx, ty;

  reclaim_layout_card_handle (source, &hx, &hy);
  canvas_scene_to_widget (canvas, hx, hy, &x, &y);
  canvas_scene_to_widget (canvas, target->x + target->width / 2, target->y + 8, &tx, &ty);
  canvas_drag_begin (canvas, x, y, state);
  canvas_drag_end (canvas, tx - x, ty - y, state);
}

static ReclaimId
global_object (ReclaimWindow *window, const char *name)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (window->canvas);
  const ReclaimRow *row = reclaim_scene_find_row (scene, reclaim_scene_get_card (scene, 0), name);

  g_assert_nonnull (row);
  return reclaim_scene_get_card (scene, row->target)->id;
}

static void
test_ctrl_drag_is_weak (void)
{
  ReclaimWindow *window = window_with ("class Node:\n    pass\nn1 = Node()\nn2 = Node()\n");

  /* the weak tool shows itself on while Ctrl is held, and off after */
  g_assert_false (weak_tool_on (window));
  send_key (GTK_WIDGET (window), "key-pressed", GDK_KEY_Control_L, 0);
  g_assert_true (weak_tool_on (window));
  send_key (GTK_WIDGET (window), "key-released", GDK_KEY_Control_L, GDK_CONTROL_MASK);
  g_assert_false (weak_tool_on (window));
  send_key (GTK_WIDGET (window), "key-pressed", GDK_KEY_Alt_L, 0);
  g_assert_true (weak_tool_on (window));
  send_key (GTK_WIDGET (window), "key-released", GDK_KEY_Alt_L, GDK_ALT_MASK);
  g_assert_false (weak_tool_on (window));

  /* a drag with Ctrl held draws a weak reference */
  drag_reference (window->canvas, global_object (window, "n1"), global_object (window, "n2"), GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_get_visible (window->canvas->name_popover));
  canvas_confirm_name (window->canvas);
  iterate ();
  g_assert_nonnull (strstr (reclaim_session_get_source (window->session), "n1.ref = weakref.ref(n2)"));
  /* the tool the user chose is as it was */
  g_assert_false (weak_tool_on (window));
  close_window (window);
}

/* ---- A syntax error keeps the last run --------------------------------------- */

static void
test_syntax_error_keeps_last_run (void)
{
  ReclaimWindow *window = window_with (nodes);
  guint cards = n_object_cards (window);

  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (window->canvas)), ==, 1.0);
  reclaim_session_set_source (window->session, "class Node:\n    pass\na = Node(\n");
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->banner_label), ==, "Line 3: SyntaxError: '(' was never closed");
  /* the last good scene stays, dimmed */
  g_assert_cmpuint (n_object_cards (window), ==, cards);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (window->canvas)), <, 1.0);

  /* a message that names its line names it once */
  reclaim_session_set_source (window->session, "x = 1\ny = 'abc\n");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->banner_label), ==, "Line 2: SyntaxError: unterminated string literal");
  reclaim_session_set_source (window->session, "async def f():\n    pass\n");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (window->banner_label), ==, "Line 1: not supported in Reclaim: async functions");

  reclaim_session_set_source (window->session, nodes);
  iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (window->canvas)), ==, 1.0);
  close_window (window);
}

/* ---- Figures ------------------------------------------------------------------- */

/* Exports to path and waits until the file holds the figure the window
 * draws in that format (the write is asynchronous: a file may show
 * before its last bytes); returns what the file holds. */
static GBytes *
export_and_read (ReclaimWindow *window, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ReclaimFigureFormat format;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (reclaim_figure_format_for_name (path, &format));
  g_autoptr (GBytes) expected = reclaim_window_figure_bytes (window, format, NULL);
  g_assert_nonnull (expected);
  g_remove (path);
  reclaim_window_export_figure (window, file);
  for (;;)
    {
      char *contents = NULL;
      gsize length = 0;
      /* cairo numbers the glyphs and objects of an SVG or PDF anew each
       * time it draws one: their length is the same, their bytes not */
      if (g_file_get_contents (path, &contents, &length, NULL) && length == g_bytes_get_size (expected) &&
          (format != RECLAIM_FIGURE_PNG || memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0))
        return g_bytes_new_take (contents, length);
      g_free (contents);
      if (g_get_monotonic_time () >= deadline)
        g_error ("%s: %" G_GSIZE_FORMAT " bytes, expected %" G_GSIZE_FORMAT, path, length, g_bytes_get_size (expected));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The colour of a PNG's pixel, read back by GDK. */
static guint32
png_pixel (GBytes *png, int x, int y)
{
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (png, NULL);
  guint32 pixel = 0;

  g_assert_nonnull (texture);
  g_autofree guchar *data = g_malloc (4 * gdk_texture_get_width (texture) * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, 4 * gdk_texture_get_width (texture));
  memcpy (&pixel, data + 4 * (y * gdk_texture_get_width (texture) + x), 4);
  return pixel;
}

static void
test_export_figure (void)
{
  ReclaimWindow *window = window_with (nodes);
  g_autofree char *dir = g_dir_make_tmp ("reclaim-figure-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "figure.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "figure.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "figure.pdf", NULL);

  /* the file holds the figure of what the window shows (checked as it is
   * read back), a PNG */
  g_autoptr (GBytes) at_end = export_and_read (window, png);
  g_assert_cmpmem (g_bytes_get_data (at_end, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

  /* another step, another figure */
  reclaim_session_go_to_start (window->session);
  iterate ();
  g_autoptr (GBytes) at_start = export_and_read (window, png);
  g_assert_false (g_bytes_equal (at_start, at_end));

  /* the window's theme */
  g_object_set (window->canvas, "dark", TRUE, NULL);
  g_autoptr (GBytes) dark = export_and_read (window, png);
  guint32 light_pixel = png_pixel (at_start, 2, 60), dark_pixel = png_pixel (dark, 2, 60);
  g_assert_cmpuint (light_pixel, !=, dark_pixel);

  g_autoptr (GBytes) svg_bytes = export_and_read (window, svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), g_bytes_get_size (svg_bytes), "<svg"));
  g_autoptr (GBytes) pdf_bytes = export_and_read (window, pdf);
  g_assert_cmpmem (g_bytes_get_data (pdf_bytes, NULL), 5, "%PDF-", 5);

  /* a name without a known extension is refused with a message */
  g_autofree char *txt = g_build_filename (dir, "figure.txt", NULL);
  g_autoptr (GFile) txt_file = g_file_new_for_path (txt);
  reclaim_window_export_figure (window, txt_file);
  iterate ();
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), ".png, .svg or .pdf"));

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
  close_window (window);
}

static void
test_copy_figure (void)
{
  ReclaimWindow *window = window_with (nodes);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figure", NULL);
  iterate ();
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/edits/new-script", test_new_script);
  g_test_add_func ("/app/edits/edit-at-earlier-step", test_edit_at_earlier_step);
  g_test_add_func ("/app/edits/ctrl-drag-is-weak", test_ctrl_drag_is_weak);
  g_test_add_func ("/app/edits/syntax-error-keeps-last-run", test_syntax_error_keeps_last_run);
  g_test_add_func ("/app/edits/export-figure", test_export_figure);
  g_test_add_func ("/app/edits/copy-figure", test_copy_figure);
  return g_test_run ();
}
