/* test-canvas.c: the canvas in a window, driven as a user drives it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A canvas with a session is shown in a window (a display is needed).
 * Pointer gestures are fed through the functions the gesture callbacks
 * call, in widget coordinates computed from the scene; keys go through
 * the canvas's key controller and actions through the widget's action
 * machinery.
 */
#include "reclaim-canvas-private.h"

#include <math.h>
#include <string.h>

typedef struct {
  GtkWidget      *window;
  ReclaimCanvas  *canvas;
  ReclaimSession *session;
  GPtrArray      *messages;
} Fixture;

static void
on_message (ReclaimCanvas *canvas, const char *message, Fixture *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
}

static void
wait_for (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (fixture));
}

static gboolean
has_size (Fixture *fixture)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 0;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->session = reclaim_session_new ();
  fixture->window = gtk_window_new ();
  fixture->canvas = RECLAIM_CANVAS (reclaim_canvas_new ());
  /* only the animation test animates */
  g_object_set (fixture->canvas, "session", fixture->session, "animation-speed", 0.0, NULL);
  g_signal_connect (fixture->canvas, "message", G_CALLBACK (on_message), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->canvas));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for (has_size, fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->session);
  g_ptr_array_unref (fixture->messages);
}

static void
load (Fixture *fixture, const char *text)
{
  reclaim_session_load_text (fixture->session, text);
  g_assert_cmpint (reclaim_session_get_status (fixture->session), ==, 0);
}

static const ReclaimScene *
scene_of (Fixture *fixture)
{
  return reclaim_canvas_get_scene (fixture->canvas);
}

static ReclaimCard *
card_titled (Fixture *fixture, const char *title)
{
  const ReclaimScene *scene = scene_of (fixture);

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_str_equal (reclaim_scene_get_card (scene, c)->title, title))
      return reclaim_scene_get_card (scene, c);
  g_error ("no card titled %s", title);
}

static ReclaimCard *
find_titled (Fixture *fixture, const char *title)
{
  const ReclaimScene *scene = scene_of (fixture);

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_str_equal (reclaim_scene_get_card (scene, c)->title, title))
      return reclaim_scene_get_card (scene, c);
  return NULL;
}

/* Widget coordinates of a scene point. */
static void
to_widget (Fixture *fixture, double sx, double sy, double *x, double *y)
{
  canvas_scene_to_widget (fixture->canvas, sx, sy, x, y);
}

static void
press_scene (Fixture *fixture, double sx, double sy, int n_press)
{
  double x, y;

  to_widget (fixture, sx, sy, &x, &y);
  canvas_press (fixture->canvas, x, y, n_press, 0);
}

/* The middle of row `label` of card. */
static void
row_point (Fixture *fixture, const ReclaimCard *card, const char *label, double *sx, double *sy)
{
  ReclaimRow *row = reclaim_scene_find_row (scene_of (fixture), card, label);
  g_assert_nonnull (row);
  guint i = row - reclaim_scene_get_row (scene_of (fixture), card->first_row);
  *sx = card->x + 12;
  *sy = reclaim_layout_row_top (card, i) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
}

static guint
selected (Fixture *fixture)
{
  guint id = 0;
  g_object_get (fixture->canvas, "selected", &id, NULL);
  return id;
}

static const char nodes[] =
  "class Node:\n"
  "    pass\n"
  "n1 = Node()\n"
  "n2 = Node()\n"
  "n1.next = n2\n";

/* ---- tests ------------------------------------------------------------------ */

static void
test_click_selects (Fixture *fixture, gconstpointer data)
{
  load (fixture, nodes);
  const ReclaimScene *scene = scene_of (fixture);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  ReclaimCard *first = reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, frame, "n1")->target);
  ReclaimId first_id = first->id;

  /* a card's header */
  press_scene (fixture, first->x + first->width / 2, first->y + 6, 1);
  g_assert_cmpuint (selected (fixture), ==, first_id);
  g_assert_cmpuint (fixture->canvas->selected_row, ==, G_MAXUINT);

  /* empty space clears it */
  press_scene (fixture, scene->width + 500, scene->height + 500, 1);
  g_assert_cmpuint (selected (fixture), ==, 0);

  /* an arrow selects its reference: n1.next */
  const ReclaimArrow *arrow = reclaim_scene_find_arrow (scene, first_id,
                                                        reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, first, "next")->target)->id,
                                                        RECLAIM_ARROW_STRONG);
  ReclaimArrowPath path, part;
  double ex, ey, dx, dy;
  reclaim_layout_arrow_path (scene, arrow, &path);
  reclaim_arrow_path_trim (&path, 0.6, &part);
  reclaim_arrow_path_end (&part, &ex, &ey, &dx, &dy);
  g_assert_cmpint (canvas_card_at (fixture->canvas, ex, ey), <, 0);
  press_scene (fixture, ex, ey + 2, 1);
  g_assert_cmpuint (selected (fixture), ==, first_id);
  g_assert_true (fixture->canvas->arrow_selected);
  g_assert_cmpuint (fixture->canvas->selected_row, ==, arrow->row - first->first_row);

  /* the property selects too */
  g_object_set (fixture->canvas, "selected", frame->id, NULL);
  g_assert_cmpuint (reclaim_canvas_get_selected (fixture->canvas), ==, frame->id);
  g_object_set (fixture->canvas, "selected", 999999, NULL);
  g_assert_cmpuint (reclaim_canvas_get_selected (fixture->canvas), ==, 0);
}

static void
test_delete_variable (Fixture *fixture, gconstpointer data)
{
  double sx, sy;

  load (fixture, nodes);
  ReclaimCard *frame = reclaim_scene_get_card (scene_of (fixture), 0);
  row_point (fixture, frame, "n1", &sx, &sy);
  press_scene (fixture, sx, sy, 1);
  g_assert_cmpuint (selected (fixture), ==, frame->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL));
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (fixture->session), "\ndel n1\n"));
  g_assert_null (reclaim_scene_find_row (scene_of (fixture), reclaim_scene_get_card (scene_of (fixture), 0), "n1"));
  g_assert_cmpuint (fixture->messages->len, ==, 0);

  /* with only the frame selected, Delete deletes nothing */
  g_autofree char *before = g_strdup (reclaim_session_get_source (fixture->session));
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  g_assert_cmpstr (reclaim_session_get_source (fixture->session), ==, before);
}

static void
test_double_click_new_object (Fixture *fixture, gconstpointer data)
{
  const ReclaimScene *scene = scene_of (fixture);
  double sx = 400, sy = 300, x, y;

  to_widget (fixture, sx, sy, &x, &y);
  g_assert_cmpint (canvas_card_at (fixture->canvas, sx, sy), <, 0);
  canvas_press (fixture->canvas, x, y, 2, 0);
  g_assert_nonnull (strstr (reclaim_session_get_source (fixture->session), "n1 = Node()"));
  scene = scene_of (fixture);
  ReclaimCard *card = reclaim_scene_find_card (scene, selected (fixture));
  g_assert_nonnull (card);
  g_assert_cmpstr (card->title, ==, "Node");
  /* where the double click was */
  g_assert_cmpfloat (fabs (card->x + card->width / 2 - sx), <, 1);
  g_assert_cmpfloat (fabs (card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2 - sy), <, 1);
  g_assert_true (reclaim_session_has_card_positions (fixture->session));

  /* the menu's items make lists and dicts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.new-list", NULL));
  g_assert_nonnull (strstr (reclaim_session_get_source (fixture->session), "= []"));
}

static void
test_zoom_and_fit (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;
  double width = gtk_widget_get_width (GTK_WIDGET (canvas)), height = gtk_widget_get_height (GTK_WIDGET (canvas));

  load (fixture, nodes);
  reclaim_canvas_zoom_reset (canvas);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), ==, 1);
  reclaim_canvas_zoom_in (canvas);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), ==, CANVAS_ZOOM_STEP);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL);
  g_assert_cmpfloat (fabs (reclaim_canvas_get_zoom (canvas) - 1), <, 1e-9);

  /* zooming keeps the middle where it was */
  double mx, my, ax, ay;
  canvas_widget_to_scene (canvas, width / 2, height / 2, &mx, &my);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL);
  canvas_widget_to_scene (canvas, width / 2, height / 2, &ax, &ay);
  g_assert_cmpfloat (fabs (ax - mx) + fabs (ay - my), <, 1e-6);

  /* far away and far out, then fit: every card is in view */
  canvas_pan (canvas, 5000, 5000);
  canvas_set_zoom_at (canvas, 0.05, 0, 0);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), ==, CANVAS_MIN_ZOOM);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.fit", NULL);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), >, 0.3);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), <=, 1);
  for (guint c = 0; c < reclaim_scene_n_cards (scene_of (fixture)); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene_of (fixture), c);
      double x0, y0, x1, y1;
      to_widget (fixture, card->x, card->y, &x0, &y0);
      to_widget (fixture, card->x + card->width, card->y + card->height, &x1, &y1);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y0, >=, 0);
      g_assert_cmpfloat (x1, <=, width);
      g_assert_cmpfloat (y1, <=, height);
    }
}

/* The view stays fitted as the canvas takes its size, until the user
 * zooms or pans. */
static void
test_fit_follows_resize (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;

  load (fixture, nodes);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.fit", NULL);
  double fitted = reclaim_canvas_get_zoom (canvas);
  gtk_widget_size_allocate (GTK_WIDGET (canvas), &(GtkAllocation) { 0, 0, 160, 120 }, -1);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), <, fitted);

  reclaim_canvas_zoom_in (canvas);
  double zoomed = reclaim_canvas_get_zoom (canvas);
  gtk_widget_size_allocate (GTK_WIDGET (canvas), &(GtkAllocation) { 0, 0, 400, 300 }, -1);
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), ==, zoomed);
}

/* Until the user zooms or pans, a scene that grows stays in view (one of
 * more objects than fit with readable text: fewer are scrolled to). */
static void
test_view_follows_growing_scene (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));

  load (fixture, nodes);
  double before = reclaim_canvas_get_zoom (canvas);
  reclaim_session_set_source (fixture->session,
                              "class Node:\n    pass\nhead = Node()\nn = head\n"
                              "for i in range(60):\n    n.next = Node()\n    n = n.next\n");
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), <, before);
  for (guint c = 0; c < reclaim_scene_n_cards (scene_of (fixture)); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene_of (fixture), c);
      double x0, y0, x1, y1;
      to_widget (fixture, card->x, card->y, &x0, &y0);
      to_widget (fixture, card->x + card->width, card->y + card->height, &x1, &y1);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (x1, <=, width);
    }

  /* once zoomed by hand, the view stays where the user put it */
  reclaim_canvas_zoom_in (canvas);
  double zoomed = reclaim_canvas_get_zoom (canvas);
  reclaim_session_set_source (fixture->session, "class Node:\n    pass\nl = [Node() for i in range(60)]\n");
  g_assert_cmpfloat (reclaim_canvas_get_zoom (canvas), ==, zoomed);
}

/* A card dragged stays where it was put, also after a re-run; Tidy up
 * forgets it. */
static void
test_drag_and_tidy (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;
  double x, y;

  load (fixture, nodes);
  ReclaimCard *card = card_titled (fixture, "Node");
  ReclaimId id = card->id;
  double home_x = card->x, home_y = card->y;
  to_widget (fixture, card->x + 20, card->y + 6, &x, &y);
  canvas_drag_begin (canvas, x, y, 0);
  canvas_drag_update (canvas, 30, 10, 0);
  canvas_drag_end (canvas, 60, 40, 0);
  double zoom = reclaim_canvas_get_zoom (canvas);
  card = reclaim_scene_find_card (scene_of (fixture), id);
  g_assert_cmpfloat (fabs (card->x - (home_x + 60 / zoom)), <, 1e-6);
  g_assert_cmpfloat (fabs (card->y - (home_y + 40 / zoom)), <, 1e-6);
  g_assert_true (reclaim_session_has_card_positions (fixture->session));

  /* a re-run keeps it there */
  reclaim_session_set_source (fixture->session, "class Node:\n    pass\nn1 = Node()\nn2 = Node()\nn1.next = n2\nx = 1\n");
  card = reclaim_scene_find_card (scene_of (fixture), id);
  g_assert_cmpfloat (fabs (card->x - (home_x + 60 / zoom)), <, 1e-6);

  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.tidy", NULL);
  g_assert_false (reclaim_session_has_card_positions (fixture->session));
  card = reclaim_scene_find_card (scene_of (fixture), id);
  g_assert_cmpfloat (card->x, ==, home_x);
  g_assert_cmpfloat (card->y, ==, home_y);

  /* a drag on empty space pans */
  double ox = canvas->origin_x;
  canvas_drag_begin (canvas, 2, 2, 0);
  canvas_drag_end (canvas, 50, 0, 0);
  g_assert_cmpfloat (fabs (canvas->origin_x - (ox - 50 / zoom)), <, 1e-6);
}

/* From a card's handle to another card: a named reference. */
static void
test_reference_drag (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;
  double hx, hy, x, y, tx, ty;

  load (fixture, nodes);
  const ReclaimScene *scene = scene_of (fixture);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  ReclaimCard *n2 = reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, frame, "n2")->target);
  ReclaimCard *n1 = reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, frame, "n1")->target);
  ReclaimId n1_id = n1->id, n2_id = n2->id;

  reclaim_layout_card_handle (n2, &hx, &hy);
  to_widget (fixture, hx, hy, &x, &y);
  to_widget (fixture, n1->x + n1->width / 2, n1->y + 8, &tx, &ty);
  canvas_drag_begin (canvas, x, y, 0);
  g_assert_cmpint (canvas->drag, ==, DRAG_REFERENCE);
  canvas_drag_update (canvas, tx - x, ty - y, 0);
  canvas_drag_end (canvas, tx - x, ty - y, 0);
  /* the popover asks for a name */
  g_assert_nonnull (canvas->name_popover);
  g_assert_true (gtk_widget_get_visible (canvas->name_popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (canvas->name_entry)), !=, "");

  /* a name python3 refuses: a message, and the popover stays */
  gtk_editable_set_text (GTK_EDITABLE (canvas->name_entry), "2back");
  canvas_confirm_name (canvas);
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (canvas->name_popover));

  gtk_editable_set_text (GTK_EDITABLE (canvas->name_entry), "back");
  canvas_confirm_name (canvas);
  g_assert_nonnull (strstr (reclaim_session_get_source (fixture->session), "n2.back = n1"));
  g_assert_nonnull (reclaim_scene_find_arrow (scene_of (fixture), n2_id, n1_id, RECLAIM_ARROW_STRONG));

  /* the weak tool makes weak references */
  g_object_set (canvas, "weak-tool", TRUE, NULL);
  scene = scene_of (fixture);
  n1 = reclaim_scene_find_card (scene, n1_id);
  n2 = reclaim_scene_find_card (scene, n2_id);
  reclaim_layout_card_handle (n1, &hx, &hy);
  to_widget (fixture, hx, hy, &x, &y);
  to_widget (fixture, n2->x + n2->width / 2, n2->y + 8, &tx, &ty);
  canvas_drag_begin (canvas, x, y, 0);
  canvas_drag_end (canvas, tx - x, ty - y, 0);
  g_assert_true (gtk_widget_get_visible (canvas->name_popover));
  canvas_confirm_name (canvas);
  g_assert_nonnull (strstr (reclaim_session_get_source (fixture->session), "weakref.ref(n2)"));
}

static gboolean
send_key (Fixture *fixture, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->canvas));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* Tab and the arrow keys move the selection, into rows and along arrows. */
static void
test_keyboard (Fixture *fixture, gconstpointer data)
{
  load (fixture, nodes);
  const ReclaimScene *scene = scene_of (fixture);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  ReclaimId frame_id = frame->id;
  ReclaimRow *n1_row = reclaim_scene_find_row (scene, frame, "n1");
  guint n1_offset = n1_row - reclaim_scene_get_row (scene, frame->first_row);
  ReclaimId n1_id = reclaim_scene_get_card (scene, n1_row->target)->id;

  g_assert_true (send_key (fixture, GDK_KEY_Tab, 0));
  g_assert_cmpuint (selected (fixture), ==, frame_id);
  g_assert_true (send_key (fixture, GDK_KEY_Tab, 0));
  g_assert_cmpuint (selected (fixture), !=, frame_id);
  g_assert_true (send_key (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpuint (selected (fixture), ==, frame_id);

  /* down into the frame's rows, to n1; Enter follows its arrow */
  for (guint i = 0; i <= n1_offset; i++)
    g_assert_true (send_key (fixture, GDK_KEY_Down, 0));
  g_assert_cmpuint (fixture->canvas->selected_row, ==, n1_offset);
  g_assert_true (send_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpuint (selected (fixture), ==, n1_id);
  g_assert_cmpuint (fixture->canvas->selected_row, ==, G_MAXUINT);

  /* Right goes to a card further right, Left comes back */
  ReclaimCard *n1 = reclaim_scene_find_card (scene_of (fixture), n1_id);
  g_assert_true (send_key (fixture, GDK_KEY_Left, 0));
  ReclaimCard *left = reclaim_scene_find_card (scene_of (fixture), selected (fixture));
  g_assert_cmpfloat (left->x + left->width / 2, <, n1->x + n1->width / 2);

  /* Escape clears; the last card's Tab leaves the canvas */
  g_assert_true (send_key (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpuint (selected (fixture), ==, 0);
  guint n = reclaim_scene_n_cards (scene_of (fixture));
  g_object_set (fixture->canvas, "selected", reclaim_scene_get_card (scene_of (fixture), n - 1)->id, NULL);
  g_assert_false (send_key (fixture, GDK_KEY_Tab, 0));
}

static void
test_highlight (Fixture *fixture, gconstpointer data)
{
  load (fixture, nodes);
  const ReclaimScene *scene = scene_of (fixture);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  guint n1 = reclaim_scene_find_row (scene, frame, "n1")->target;
  guint n2 = reclaim_scene_find_row (scene, frame, "n2")->target;
  ReclaimId ids[] = { reclaim_scene_get_card (scene, n1)->id, reclaim_scene_get_card (scene, n2)->id };

  reclaim_canvas_set_highlight (fixture->canvas, ids, G_N_ELEMENTS (ids));
  g_assert_true (fixture->canvas->card_looks[n1].highlighted);
  g_assert_true (fixture->canvas->card_looks[n2].highlighted);
  g_assert_false (fixture->canvas->card_looks[0].highlighted);
  for (guint a = 0; a < scene->arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      g_assert_cmpint (fixture->canvas->arrow_looks[a].highlighted, ==, arrow->from == n1 && arrow->to == n2);
    }
  /* it survives a step */
  reclaim_session_step_back (fixture->session);
  reclaim_session_step_forward (fixture->session);
  g_assert_true (fixture->canvas->card_looks[n1].highlighted);
  reclaim_canvas_set_highlight (fixture->canvas, NULL, 0);
  g_assert_false (fixture->canvas->card_looks[n1].highlighted);
}

static gboolean
animation_over (Fixture *fixture)
{
  return fixture->canvas->transition == NULL;
}

/* A step that frees an object animates it away; a jump does not animate. */
static void
test_animation (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (canvas)), "gtk-enable-animations", TRUE, NULL);
  g_object_set (canvas, "animation-speed", 4.0, NULL);
  load (fixture, "class Node:\n    pass\nn1 = Node()\nn2 = n1\ndel n1\ndel n2\nx = 1\n");
  reclaim_session_go_to_start (fixture->session);
  g_assert_null (canvas->transition);   /* a jump */

  /* step to n2 = n1: the count pulses */
  ReclaimCard *node = NULL;
  while (node == NULL || node->refcount < 2)
    {
      g_assert_true (reclaim_session_step_forward (fixture->session));
      node = find_titled (fixture, "Node");
    }
  g_assert_nonnull (canvas->transition);
  guint node_index = node - reclaim_scene_get_card (scene_of (fixture), 0);
  g_assert_cmpfloat (canvas->card_looks[node_index].pulse, >=, 0);
  wait_for (animation_over, fixture);
  g_assert_cmpfloat (canvas->card_looks[node_index].pulse, ==, 0);

  /* on to del n2: freed, it flashes and fades */
  while (!(node->flags & RECLAIM_CARD_FREED))
    {
      wait_for (animation_over, fixture);
      g_assert_true (reclaim_session_step_forward (fixture->session));
      node = find_titled (fixture, "Node");
      g_assert_nonnull (node);
    }
  node_index = node - reclaim_scene_get_card (scene_of (fixture), 0);
  g_assert_nonnull (canvas->transition);
  wait_for (animation_over, fixture);
  /* gone at the end, and no longer under the pointer */
  g_assert_cmpfloat (canvas->card_looks[node_index].fade, ==, 1);
  g_assert_cmpint (canvas_card_at (canvas, node->x + 5, node->y + 5), <, 0);

  /* with animations off, no transition */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (canvas)), "gtk-enable-animations", FALSE, NULL);
  reclaim_session_step_back (fixture->session);
  g_assert_null (canvas->transition);
}

/* A weakref whose callback runs flashes, though nothing about its card
 * changes. */
static void
test_callback_flashes (Fixture *fixture, gconstpointer data)
{
  ReclaimCanvas *canvas = fixture->canvas;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (canvas)), "gtk-enable-animations", TRUE, NULL);
  g_object_set (canvas, "animation-speed", 4.0, NULL);
  load (fixture, "import weakref\nclass Node:\n    pass\nn1 = Node()\n"
                 "w = weakref.ref(n1, lambda r: None)\ndel n1\n");
  /* from `del n1` to the callback's first line */
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (fixture->session);
  guint step;
  g_assert_true (reclaim_timeline_find_line (timeline, 6, &step));
  reclaim_session_seek (fixture->session, reclaim_timeline_step_position (timeline, step));
  wait_for (animation_over, fixture);
  g_assert_true (reclaim_session_step_forward (fixture->session));
  g_assert_cmpuint (reclaim_session_get_line (fixture->session), ==, 5);
  ReclaimCard *weakref = find_titled (fixture, "ReferenceType");
  g_assert_nonnull (weakref);
  guint index = weakref - reclaim_scene_get_card (scene_of (fixture), 0);
  /* the frames a loaded machine draws may miss the brightest moment: look
   * at the transition halfway, as a frame then would show it */
  g_assert_nonnull (canvas->transition);
  canvas_show_transition_at (canvas, 0.5);
  g_assert_cmpfloat (canvas->card_looks[index].flash, >, 0.5);
  wait_for (animation_over, fixture);
  g_assert_cmpfloat (canvas->card_looks[index].flash, ==, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/app/canvas/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("click-selects", test_click_selects);
  ADD ("delete-variable", test_delete_variable);
  ADD ("double-click-new-object", test_double_click_new_object);
  ADD ("zoom-and-fit", test_zoom_and_fit);
  ADD ("fit-follows-resize", test_fit_follows_resize);
  ADD ("view-follows-growing-scene", test_view_follows_growing_scene);
  ADD ("drag-and-tidy", test_drag_and_tidy);
  ADD ("reference-drag", test_reference_drag);
  ADD ("keyboard", test_keyboard);
  ADD ("highlight", test_highlight);
  ADD ("animation", test_animation);
  ADD ("callback-flashes", test_callback_flashes);
#undef ADD
  return g_test_run ();
}
