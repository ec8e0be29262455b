/* reclaim-canvas-actions.c: the canvas.* actions and the keyboard.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the canvas does can be done without a pointer: the actions
 * (which the window's menus and shortcuts use too) and the keys that move
 * the selection between cards, into their rows and along references.
 */
#include "reclaim-canvas-private.h"

#include <math.h>

void
canvas_update_actions (ReclaimCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  ReclaimCard *card;
  const ReclaimRow *row = canvas_selected_row (self, &card);
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.delete", has_session && row && row->slot != G_MAXUINT);
  gtk_widget_action_set_enabled (widget, "canvas.give-del",
                                 has_session && card && !(card->flags & RECLAIM_CARD_FINALIZER) &&
                                 (card->kind == RECLAIM_KIND_INSTANCE || card->kind == RECLAIM_KIND_CLASS));
  gtk_widget_action_set_enabled (widget, "canvas.new-object", has_session);
  gtk_widget_action_set_enabled (widget, "canvas.new-list", has_session);
  gtk_widget_action_set_enabled (widget, "canvas.new-dict", has_session);
  gtk_widget_action_set_enabled (widget, "canvas.collect", has_session);
}

/* --- Keyboard -------------------------------------------------------------- */

/* The nearest card from the selected one in a direction (dx, dy), by the
 * distance between centres, counting sideways distance double. */
static gint
card_towards (ReclaimCanvas *self, gint from, double dx, double dy)
{
  const ReclaimCard *a = reclaim_scene_get_card (self->scene, from);
  double ax = a->x + a->width / 2, ay = a->y + a->height / 2;
  double best_cost = G_MAXDOUBLE;
  gint best = -1;

  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      const ReclaimCard *b = reclaim_scene_get_card (self->scene, c);
      double bx = b->x + b->width / 2 - ax, by = b->y + b->height / 2 - ay;
      double along = bx * dx + by * dy, across = fabs (bx * dy - by * dx);
      if ((gint) c == from || along <= 1 || (b->flags & RECLAIM_CARD_FREED))
        continue;
      if (along + 2 * across < best_cost)
        {
          best_cost = along + 2 * across;
          best = c;
        }
    }
  return best;
}

static void
select_index (ReclaimCanvas *self, gint c, guint row)
{
  if (c >= 0)
    canvas_select (self, reclaim_scene_get_card (self->scene, c)->id, row, FALSE);
}

/* The next (or previous) card in the scene's order that is shown. */
static gint
card_in_order (ReclaimCanvas *self, gint from, int step)
{
  gint n = reclaim_scene_n_cards (self->scene);

  for (gint c = from + step; c >= 0 && c < n; c += step)
    if (!(reclaim_scene_get_card (self->scene, c)->flags & RECLAIM_CARD_FREED))
      return c;
  return -1;
}

static gboolean
move_down (ReclaimCanvas *self, gint c, int step)
{
  const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
  guint row = self->selected_row;

  if (step > 0 && (row == G_MAXUINT ? card->n_rows > 0 : row + 1 < card->n_rows))
    {
      canvas_select (self, card->id, row == G_MAXUINT ? 0 : row + 1, FALSE);
      return TRUE;
    }
  if (step < 0 && row != G_MAXUINT)
    {
      canvas_select (self, card->id, row == 0 ? G_MAXUINT : row - 1, FALSE);
      return TRUE;
    }
  gint next = card_towards (self, c, 0, step);
  if (next >= 0)
    select_index (self, next, G_MAXUINT);
  return next >= 0;
}

gboolean
canvas_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             ReclaimCanvas *self)
{
  gint c = canvas_card_index (self, self->selected);
  gint first = card_in_order (self, -1, 1);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (c < 0 && first >= 0 && (keyval == GDK_KEY_Tab || keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
                              keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    {
      select_index (self, first, G_MAXUINT);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      {
        /* past the last card, focus moves on out of the canvas */
        gint next = card_in_order (self, c, keyval == GDK_KEY_Tab ? 1 : -1);
        if (c < 0 || next < 0)
          return FALSE;
        select_index (self, next, G_MAXUINT);
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      {
        gint next = card_towards (self, c, keyval == GDK_KEY_Left ? -1 : 1, 0);
        select_index (self, next, G_MAXUINT);
        return TRUE;
      }
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      move_down (self, c, keyval == GDK_KEY_Down ? 1 : -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      {
        /* follow the selected reference to what it points at */
        const ReclaimRow *row = canvas_selected_row (self, NULL);
        if (row && (row->flags & RECLAIM_ROW_POINTER))
          {
            select_index (self, row->target, G_MAXUINT);
            return TRUE;
          }
        return FALSE;
      }
    case GDK_KEY_Escape:
      if (self->selected == 0)
        return FALSE;
      canvas_select (self, 0, G_MAXUINT, FALSE);
      return TRUE;
    default:
      return FALSE;
    }
}

/* --- Actions --------------------------------------------------------------- */

static void
action_new (GtkWidget *widget, const char *name, GVariant *param)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);
  ReclaimNewKind kind = RECLAIM_NEW_INSTANCE;

  if (g_str_equal (name, "canvas.new-list"))
    kind = RECLAIM_NEW_LIST;
  else if (g_str_equal (name, "canvas.new-dict"))
    kind = RECLAIM_NEW_DICT;
  canvas_new_object (self, kind);
}

static void
action_give_del (GtkWidget *widget, const char *name, GVariant *param)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);
  g_autoptr (GError) error = NULL;

  if (self->session && self->selected &&
      !reclaim_session_give_finalizer (self->session, self->selected, &error))
    canvas_message (self, error);
}

static void
action_collect (GtkWidget *widget, const char *name, GVariant *param)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);

  if (self->session)
    reclaim_session_collect (self->session);
}

static void
action_delete (GtkWidget *widget, const char *name, GVariant *param)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);
  ReclaimCard *card;
  const ReclaimRow *row = canvas_selected_row (self, &card);
  g_autoptr (GError) error = NULL;

  if (self->session == NULL || row == NULL || row->slot == G_MAXUINT)
    return;
  ReclaimId holder = card->id;
  guint slot = row->slot;
  /* the holder stays selected; the row it had is gone */
  self->selected_row = G_MAXUINT;
  self->arrow_selected = FALSE;
  if (!reclaim_session_delete_reference (self->session, holder, slot, &error))
    canvas_message (self, error);
  canvas_update_actions (self);
  gtk_widget_queue_draw (widget);
}

static void
action_view (GtkWidget *widget, const char *name, GVariant *param)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);

  if (g_str_equal (name, "canvas.tidy"))
    reclaim_canvas_tidy (self);
  else if (g_str_equal (name, "canvas.fit"))
    reclaim_canvas_fit (self);
  else if (g_str_equal (name, "canvas.zoom-in"))
    reclaim_canvas_zoom_in (self);
  else if (g_str_equal (name, "canvas.zoom-out"))
    reclaim_canvas_zoom_out (self);
  else if (g_str_equal (name, "canvas.zoom-reset"))
    reclaim_canvas_zoom_reset (self);
  else if (g_str_equal (name, "canvas.menu"))
    canvas_popup_menu (self, -1, -1);
}

void
canvas_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.new-object", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "canvas.new-list", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "canvas.new-dict", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "canvas.give-del", NULL, action_give_del);
  gtk_widget_class_install_action (widget_class, "canvas.collect", NULL, action_collect);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.tidy", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "canvas.fit", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, action_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.menu", NULL);
  /* not Shift+F10: the window steps back with it */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, GDK_SHIFT_MASK, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.fit", NULL);
}
