/* reclaim-canvas-input.c: pointer gestures, the name popover, the menu.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gesture callbacks only read their event and call the canvas_*
 * functions below, in widget coordinates, so that tests can call the
 * same functions.
 */
#include "reclaim-canvas-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* device pixels a press must move before it is a drag */
#define DRAG_THRESHOLD 3.0

static double
scene_tolerance (ReclaimCanvas *self, double pixels)
{
  return MAX (pixels, pixels * 1.2 / self->zoom);
}

/* --- Clicks ---------------------------------------------------------------- */

void
canvas_press (ReclaimCanvas *self, double x, double y, int n_press, guint state)
{
  double sx, sy;
  gint c, a;

  canvas_widget_to_scene (self, x, y, &sx, &sy);
  c = canvas_card_at (self, sx, sy);
  if (c >= 0)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      gint row = reclaim_layout_row_at (self->scene, c, sx, sy);
      canvas_select (self, card->id, row >= 0 ? (guint) row - card->first_row : G_MAXUINT, FALSE);
      return;
    }
  a = reclaim_layout_arrow_at (self->scene, sx, sy, scene_tolerance (self, CANVAS_ARROW_TOLERANCE));
  if (a >= 0)
    {
      const ReclaimArrow *arrow = &g_array_index (self->scene->arrows, ReclaimArrow, a);
      const ReclaimCard *from = reclaim_scene_get_card (self->scene, arrow->from);
      canvas_select (self, from->id, arrow->row - from->first_row, TRUE);
      return;
    }
  if (n_press == 2)
    {
      self->menu_x = sx;
      self->menu_y = sy;
      self->menu_at_pointer = TRUE;
      canvas_new_object (self, RECLAIM_NEW_INSTANCE);
      return;
    }
  canvas_select (self, 0, G_MAXUINT, FALSE);
}

static void
click_pressed (GtkGestureClick *gesture, int n_press, double x, double y, ReclaimCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (button == GDK_BUTTON_SECONDARY)
    {
      canvas_press (self, x, y, 1, state);
      canvas_popup_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button == GDK_BUTTON_PRIMARY)
    canvas_press (self, x, y, n_press, state);
}

/* --- Drags ----------------------------------------------------------------- */

/* The card whose new-reference handle is at (sx, sy), or -1. */
static gint
handle_at (ReclaimCanvas *self, double sx, double sy)
{
  double tolerance = scene_tolerance (self, CANVAS_HANDLE_TOLERANCE);

  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      double hx, hy;
      if ((card->flags & RECLAIM_CARD_FREED) || self->card_looks[c].fade >= 1)
        continue;
      reclaim_layout_card_handle (card, &hx, &hy);
      if (hypot (sx - hx, sy - hy) <= tolerance)
        return c;
    }
  return -1;
}

void
canvas_drag_begin (ReclaimCanvas *self, double x, double y, guint state)
{
  double sx, sy;
  gint c;

  canvas_widget_to_scene (self, x, y, &sx, &sy);
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_x = sx;
  self->drag_y = sy;
  self->drag_moved = FALSE;
  self->drag_name = NULL;
  self->drag_weak = self->weak_tool || (state & (GDK_ALT_MASK | GDK_CONTROL_MASK));

  c = handle_at (self, sx, sy);
  if (c >= 0)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      self->drag = DRAG_REFERENCE;
      self->drag_holder = card->id;
      reclaim_layout_card_handle (card, &sx, &sy);
      canvas_scene_to_widget (self, sx, sy, &self->drag_start_x, &self->drag_start_y);
      return;
    }
  c = canvas_card_at (self, sx, sy);
  if (c >= 0)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      gint row = reclaim_layout_row_at (self->scene, c, sx, sy);
      double dx, dy;
      if (row >= 0 && (card->flags & RECLAIM_CARD_FRAME))
        {
          /* a variable's dot: drag it to another card to rebind the name */
          reclaim_layout_pointer_dot (card, row - card->first_row, &dx, &dy);
          if (hypot (sx - dx, sy - dy) <= scene_tolerance (self, CANVAS_HANDLE_TOLERANCE))
            {
              self->drag = DRAG_REFERENCE;
              self->drag_holder = card->id;
              self->drag_name = reclaim_scene_get_row (self->scene, row)->label;
              canvas_scene_to_widget (self, dx, dy, &self->drag_start_x, &self->drag_start_y);
              return;
            }
        }
      self->drag = DRAG_CARD;
      self->drag_card = c;
      self->drag_origin_x = card->x;
      self->drag_origin_y = card->y;
      return;
    }
  self->drag = DRAG_PAN;
  self->drag_origin_x = self->origin_x;
  self->drag_origin_y = self->origin_y;
}

void
canvas_drag_update (ReclaimCanvas *self, double dx, double dy, guint state)
{
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;
  switch (self->drag)
    {
    case DRAG_PAN:
      self->origin_x = self->drag_origin_x - dx / self->zoom;
      self->origin_y = self->drag_origin_y - dy / self->zoom;
      self->placed = TRUE;
      self->view_moved = TRUE;
      break;
    case DRAG_CARD:
      {
        ReclaimCard *card = reclaim_scene_get_card (self->scene, self->drag_card);
        card->x = self->drag_origin_x + dx / self->zoom;
        card->y = self->drag_origin_y + dy / self->zoom;
        break;
      }
    case DRAG_REFERENCE:
      {
        double sx, sy;
        canvas_widget_to_scene (self, self->drag_start_x + dx, self->drag_start_y + dy, &sx, &sy);
        self->drag_x = sx;
        self->drag_y = sy;
        self->drag_weak = self->weak_tool || (state & (GDK_ALT_MASK | GDK_CONTROL_MASK));
        self->hover_card = canvas_card_at (self, sx, sy);
        break;
      }
    case DRAG_NONE:
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
canvas_drag_end (ReclaimCanvas *self, double dx, double dy, guint state)
{
  DragKind drag = self->drag;

  canvas_drag_update (self, dx, dy, state);
  self->drag = DRAG_NONE;
  if (!self->drag_moved)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (drag == DRAG_CARD && self->session)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, self->drag_card);
      reclaim_session_set_card_position (self->session, card->id, card->x, card->y);
    }
  else if (drag == DRAG_REFERENCE)
    {
      gint target = canvas_card_at (self, self->drag_x, self->drag_y);
      if (target >= 0)
        canvas_finish_reference (self, self->drag_holder, self->drag_name,
                                 reclaim_scene_get_card (self->scene, target)->id, self->drag_weak,
                                 self->drag_start_x + dx, self->drag_start_y + dy);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint
gesture_state (GtkGesture *gesture)
{
  return gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
}

static void
drag_begin (GtkGestureDrag *gesture, double x, double y, ReclaimCanvas *self)
{
  canvas_drag_begin (self, x, y, gesture_state (GTK_GESTURE (gesture)));
}

static void
drag_update (GtkGestureDrag *gesture, double dx, double dy, ReclaimCanvas *self)
{
  canvas_drag_update (self, dx, dy, gesture_state (GTK_GESTURE (gesture)));
}

static void
drag_end (GtkGestureDrag *gesture, double dx, double dy, ReclaimCanvas *self)
{
  canvas_drag_end (self, dx, dy, gesture_state (GTK_GESTURE (gesture)));
}

/* --- Scrolling, pinching, hovering ------------------------------------------ */

static gboolean
scrolled (GtkEventControllerScroll *controller, double dx, double dy, ReclaimCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = wheel ? dy : dy / 20;
      canvas_set_zoom_at (self, self->zoom * pow (1.15, -steps), self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  canvas_pan (self, -(wheel ? 40 : 1) * dx, -(wheel ? 40 : 1) * dy);
  return TRUE;
}

static void
zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, ReclaimCanvas *self)
{
  self->zoom_start = self->zoom;
}

static void
zoom_changed (GtkGestureZoom *gesture, double scale, ReclaimCanvas *self)
{
  double cx, cy;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    canvas_set_zoom_at (self, self->zoom_start * scale, cx, cy);
}

static void
motion (GtkEventControllerMotion *controller, double x, double y, ReclaimCanvas *self)
{
  double sx, sy;
  gint hover;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag != DRAG_NONE)
    return;
  canvas_widget_to_scene (self, x, y, &sx, &sy);
  hover = canvas_card_at (self, sx, sy);
  if (hover < 0)
    hover = handle_at (self, sx, sy);
  if (hover != self->hover_card)
    {
      self->hover_card = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave (GtkEventControllerMotion *controller, ReclaimCanvas *self)
{
  if (self->hover_card >= 0 && self->drag == DRAG_NONE)
    {
      self->hover_card = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* --- New objects and references ---------------------------------------------- */

static ReclaimId
newest_object (ReclaimCanvas *self)
{
  ReclaimId newest = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      if (!(card->flags & (RECLAIM_CARD_FRAME | RECLAIM_CARD_FREED)) && card->kind != RECLAIM_KIND_CLASS)
        newest = MAX (newest, card->id);
    }
  return newest;
}

void
canvas_new_object (ReclaimCanvas *self, int kind)
{
  g_autoptr (GError) error = NULL;
  gboolean at_pointer = self->menu_at_pointer;

  self->menu_at_pointer = FALSE;
  if (self->session == NULL)
    return;
  ReclaimId before = newest_object (self);
  if (!reclaim_session_new_object (self->session, kind, &error))
    {
      canvas_message (self, error);
      return;
    }
  /* the object the new statement made is the newest: put it where asked */
  ReclaimId made = newest_object (self);
  ReclaimCard *card = made > before ? reclaim_scene_find_card (self->scene, made) : NULL;
  if (card == NULL)
    return;
  if (at_pointer)
    {
      reclaim_session_set_card_position (self->session, made, self->menu_x - card->width / 2,
                                         self->menu_y - RECLAIM_LAYOUT_HEADER_HEIGHT / 2);
      canvas_apply_positions (self);
      canvas_keep_in_view (self);
    }
  canvas_select (self, made, G_MAXUINT, FALSE);
}

void
canvas_confirm_name (ReclaimCanvas *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->name_popover == NULL || self->pending_target == 0 || self->session == NULL)
    return;
  name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  g_strstrip (name);
  if (!reclaim_session_add_reference (self->session, self->pending_holder, name, self->pending_target,
                                      self->pending_weak, &error))
    {
      canvas_message (self, error);
      /* a name python3 would refuse can be mended in place */
      if (g_error_matches (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME))
        return;
    }
  self->pending_target = 0;
  gtk_popover_popdown (GTK_POPOVER (self->name_popover));
}

static void
name_popover_closed (GtkPopover *popover, ReclaimCanvas *self)
{
  self->pending_target = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
ensure_name_popover (ReclaimCanvas *self)
{
  GtkWidget *box, *label;

  if (self->name_popover)
    return;
  self->name_popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Name of the reference"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  self->name_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->name_entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the reference"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->name_entry);
  gtk_popover_set_child (GTK_POPOVER (self->name_popover), box);
  gtk_widget_set_parent (self->name_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (canvas_confirm_name), self);
  g_signal_connect (self->name_popover, "closed", G_CALLBACK (name_popover_closed), self);
}

void
canvas_finish_reference (ReclaimCanvas *self, ReclaimId holder, const char *name, ReclaimId target,
                         gboolean weak, double wx, double wy)
{
  const ReclaimCard *card = reclaim_scene_find_card (self->scene, holder);
  g_autoptr (GError) error = NULL;
  g_autofree char *proposed = NULL;

  if (self->session == NULL || card == NULL)
    return;
  if (card->kind == RECLAIM_KIND_LIST)
    {
      /* a list appends: nothing to name */
      if (!reclaim_session_add_reference (self->session, holder, NULL, target, weak, &error))
        canvas_message (self, error);
      return;
    }
  proposed = name ? g_strdup (name) : reclaim_session_default_name (self->session, holder, weak);
  if (proposed == NULL)
    {
      /* the edit cannot name the holder: let it say why */
      if (!reclaim_session_add_reference (self->session, holder, NULL, target, weak, &error))
        canvas_message (self, error);
      return;
    }
  ensure_name_popover (self);
  self->pending_holder = holder;
  self->pending_target = target;
  self->pending_weak = weak;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), proposed);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->name_popover), &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->name_popover));
  gtk_widget_grab_focus (self->name_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
}

/* --- The context menu --------------------------------------------------------- */

/* Menu labels take "_" for a mnemonic; a label without one, such as a
 * Python name, doubles its underscores to show them. */
static char *
without_mnemonic (const char *label)
{
  g_auto (GStrv) parts = g_strsplit (label, "_", -1);
  return g_strjoinv ("__", parts);
}

static GMenuModel *
context_menu_model (void)
{
  g_autofree char *give_del = without_mnemonic (_("Give Class a __del__"));
  GMenu *menu = g_menu_new ();
  GMenu *make = g_menu_new ();
  GMenu *edit = g_menu_new ();
  GMenu *view = g_menu_new ();

  g_menu_append (make, _("New _Object"), "canvas.new-object");
  g_menu_append (make, _("New _List"), "canvas.new-list");
  g_menu_append (make, _("New _Dict"), "canvas.new-dict");
  g_menu_append (edit, give_del, "canvas.give-del");
  g_menu_append (edit, _("_Delete Reference"), "canvas.delete");
  g_menu_append (edit, _("_Collect Garbage"), "canvas.collect");
  g_menu_append (view, _("_Tidy Up"), "canvas.tidy");
  g_menu_append (view, _("_Fit"), "canvas.fit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (make));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  g_object_unref (make);
  g_object_unref (edit);
  g_object_unref (view);
  return G_MENU_MODEL (menu);
}

static gboolean
forget_menu_point (gpointer data)
{
  ReclaimCanvas *self = data;

  self->menu_at_pointer = FALSE;
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
context_menu_closed (GtkPopover *popover, ReclaimCanvas *self)
{
  /* after the item chosen has run */
  g_idle_add (forget_menu_point, g_object_ref (self));
}

void
canvas_popup_menu (ReclaimCanvas *self, double x, double y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr (GMenuModel) model = context_menu_model ();
      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      g_signal_connect (self->context_menu, "closed", G_CALLBACK (context_menu_closed), self);
    }
  if (x < 0)
    {
      /* from the keyboard: beside the selection, or in the middle */
      gint c = canvas_card_index (self, self->selected);
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      if (c >= 0)
        {
          const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
          canvas_scene_to_widget (self, card->x + card->width, card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2, &x, &y);
        }
      x = CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)));
      y = CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self)));
    }
  canvas_widget_to_scene (self, x, y, &self->menu_x, &self->menu_y);
  self->menu_at_pointer = TRUE;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* --- Setting up ------------------------------------------------------------------ */

void
canvas_setup_input (ReclaimCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *pointer = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (pointer, "motion", G_CALLBACK (motion), self);
  g_signal_connect (pointer, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (widget, pointer);
}

void
canvas_teardown_input (ReclaimCanvas *self)
{
  g_clear_pointer (&self->name_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
