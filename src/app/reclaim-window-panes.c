/* reclaim-window-panes.c: on a narrow window the side panes give way.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas is what a class looks at: on an 800x600 projector it keeps
 * half the window's width at least, the script and the inspector sharing
 * the rest in proportion to the widths the user gave them.  Once the
 * window is wide enough again, they get those widths back.
 */
#include "reclaim-window-private.h"

/* The part of the window's width the canvas keeps at least (and a few
 * pixels for its frame); on a wide window, this many pixels are enough,
 * so that the panes keep the widths the user gave them. */
#define CANVAS_SHARE 0.5
#define CANVAS_SLACK 8
#define CANVAS_ENOUGH 560
/* The narrowest a side pane gets (its width-request in the .ui). */
#define SIDE_MIN     150

static int
shown_width (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) ? gtk_widget_get_width (widget) : 0;
}

/* Gives the script and the inspector those widths; the canvas takes the
 * rest. */
static void
set_side_widths (ReclaimWindow *self, int script, int inspector)
{
  GtkWidget *script_pane = gtk_paned_get_start_child (self->outer_paned);
  int inner = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));
  int inner_handle = inner - shown_width (gtk_paned_get_start_child (self->inner_paned)) -
                     shown_width (self->inspector_scroller);

  if (gtk_widget_get_visible (script_pane) && gtk_paned_get_position (self->outer_paned) != script)
    {
      inner += gtk_paned_get_position (self->outer_paned) - script;
      gtk_paned_set_position (self->outer_paned, script);
    }
  if (gtk_widget_get_visible (self->inspector_scroller))
    gtk_paned_set_position (self->inner_paned, inner - inner_handle - inspector);
}

static gboolean
keep_canvas_wide (gpointer user_data)
{
  ReclaimWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->outer_paned));
  int canvas = gtk_widget_get_width (gtk_paned_get_start_child (self->inner_paned));
  int script = shown_width (gtk_paned_get_start_child (self->outer_paned));
  int inspector = shown_width (self->inspector_scroller);
  int handles = width - canvas - script - inspector;
  int wanted = MIN ((int) (width * CANVAS_SHARE) + CANVAS_SLACK, CANVAS_ENOUGH);

  self->panes_idle = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;
  /* the widths the user chose, to give back later */
  if (!self->panes_narrowed && canvas >= wanted)
    {
      self->wide_script_width = script;
      self->wide_inspector_width = inspector;
    }
  if (canvas < wanted && script + inspector > 0)
    {
      if (!self->panes_narrowed && self->wide_script_width + self->wide_inspector_width == 0)
        {
          self->wide_script_width = script;
          self->wide_inspector_width = inspector;
        }
      self->panes_narrowed = TRUE;
      int room = MAX (width - wanted - handles, 0);
      int new_script = (int) ((double) script * room / (script + inspector));
      int new_inspector = room - new_script;
      /* a pane at its narrowest leaves the rest to the other */
      if (inspector > 0 && new_inspector < SIDE_MIN)
        new_script = room - SIDE_MIN;
      else if (script > 0 && new_script < SIDE_MIN)
        new_script = SIDE_MIN;
      set_side_widths (self, new_script, room - new_script);
    }
  else if (self->panes_narrowed &&
           width - self->wide_script_width - self->wide_inspector_width - handles >= wanted)
    {
      self->panes_narrowed = FALSE;
      set_side_widths (self, self->wide_script_width, self->wide_inspector_width);
    }
  return G_SOURCE_REMOVE;
}

void
reclaim_window_queue_panes_check (ReclaimWindow *self)
{
  if (self->panes_idle == 0)
    self->panes_idle = g_idle_add (keep_canvas_wide, self);
}
