/* reclaim-canvas-view.c: the part of the scene the canvas shows.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoom, pan and fit.  A fit shows every place a card has in the whole run
 * (not only the cards of this step), so that stepping never moves the
 * view; it keeps the cards' text readable rather than showing everything
 * at a size no one can read; and it leaves the legend's box its corner.
 */
#include "reclaim-canvas-private.h"

#include <stdlib.h>

/* Fitting a scene of fewer cards than this never makes the cards' text
 * smaller than READABLE_PIXELS: the user scrolls to what does not fit.
 * Past it, the whole picture matters more than its words. */
#define READABLE_MAX_CARDS  60
#define READABLE_PIXELS     10.0
/* A size change of the canvas smaller than this (pixels) is no resize of
 * the window: the view stays. */
#define REFIT_MIN_CHANGE    48
/* The legend's box: from the canvas's edges, and round its keys. */
#define LEGEND_MARGIN       8.0
#define LEGEND_PADDING      10.0

/* What the view fits: every card of the scene, and every place a card
 * has in the whole run, so that stepping never needs to move the view. */
static void
scene_bounds (ReclaimCanvas *self, double *x0, double *y0, double *x1, double *y1)
{
  double rx0, ry0, rx1, ry1;

  *x0 = *y0 = 0;
  *x1 = *y1 = 2 * RECLAIM_LAYOUT_MARGIN;
  if (self->session && reclaim_session_get_run_bounds (self->session, &rx0, &ry0, &rx1, &ry1))
    {
      *x0 = MIN (*x0, rx0 - RECLAIM_LAYOUT_MARGIN);
      *y0 = MIN (*y0, ry0 - RECLAIM_LAYOUT_MARGIN);
      *x1 = MAX (*x1, rx1 + RECLAIM_LAYOUT_MARGIN);
      *y1 = MAX (*y1, ry1 + RECLAIM_LAYOUT_MARGIN);
    }
  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      if (card->flags & RECLAIM_CARD_FREED)
        continue;
      *x0 = MIN (*x0, card->x - RECLAIM_LAYOUT_MARGIN);
      *y0 = MIN (*y0, card->y - RECLAIM_LAYOUT_MARGIN);
      *x1 = MAX (*x1, card->x + card->width + RECLAIM_LAYOUT_MARGIN);
      *y1 = MAX (*y1, card->y + card->height + RECLAIM_LAYOUT_MARGIN);
    }
}

void
canvas_set_zoom_at (ReclaimCanvas *self, double zoom, double wx, double wy)
{
  double sx, sy;

  zoom = CLAMP (zoom, CANVAS_MIN_ZOOM, CANVAS_MAX_ZOOM);
  canvas_widget_to_scene (self, wx, wy, &sx, &sy);
  self->zoom = zoom;
  /* the scene point under (wx, wy) stays there */
  self->origin_x = sx - wx / zoom;
  self->origin_y = sy - wy / zoom;
  self->placed = TRUE;
  self->view_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
canvas_pan (ReclaimCanvas *self, double dx, double dy)
{
  self->origin_x -= dx / self->zoom;
  self->origin_y -= dy / self->zoom;
  self->placed = TRUE;
  self->view_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_by (ReclaimCanvas *self, double factor)
{
  canvas_set_zoom_at (self, self->zoom * factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
reclaim_canvas_zoom_in (ReclaimCanvas *self)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  zoom_by (self, CANVAS_ZOOM_STEP);
}

void
reclaim_canvas_zoom_out (ReclaimCanvas *self)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  zoom_by (self, 1 / CANVAS_ZOOM_STEP);
}

void
reclaim_canvas_zoom_reset (ReclaimCanvas *self)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  zoom_by (self, 1 / self->zoom);
}

double
reclaim_canvas_get_zoom (ReclaimCanvas *self)
{
  return self->zoom;
}

static double
legend_box_height (ReclaimCanvas *self, double width)
{
  double w, h;

  reclaim_renderer_legend_size (self->renderer, width - 2 * (LEGEND_MARGIN + LEGEND_PADDING), &w, &h);
  return h + LEGEND_MARGIN;
}

/* The smallest zoom a fit may choose. */
static double
fit_min_zoom (ReclaimCanvas *self)
{
  guint shown = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    shown += !(reclaim_scene_get_card (self->scene, c)->flags & RECLAIM_CARD_FREED);
  if (shown >= READABLE_MAX_CARDS)
    return CANVAS_MIN_ZOOM;
  return READABLE_PIXELS / reclaim_renderer_text_size (RECLAIM_TEXT_ROW);
}

/* Where the view starts along one axis: the scene's middle in the middle
 * when it fits, else its start (the frames, top left) at the start. */
static double
fit_origin (double start, double end, double extent, double zoom)
{
  if ((end - start) * zoom <= extent)
    return (start + end) / 2 - extent / zoom / 2;
  return start;
}

void
reclaim_canvas_fit (ReclaimCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x0, y0, x1, y1;

  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  if (width <= 0 || height <= 0)
    return;   /* fitted when it gets a size */
  /* the legend's box covers the bottom: fit above it */
  if (self->show_legend)
    height = MAX (height - legend_box_height (self, width), height / 2);
  scene_bounds (self, &x0, &y0, &x1, &y1);
  self->zoom = MIN (MIN (width / (x1 - x0), height / (y1 - y0)), 1);
  self->zoom = CLAMP (MAX (self->zoom, fit_min_zoom (self)), CANVAS_MIN_ZOOM, CANVAS_MAX_ZOOM);
  self->origin_x = fit_origin (x0, x1, width, self->zoom);
  self->origin_y = fit_origin (y0, y1, height, self->zoom);
  self->placed = TRUE;
  self->view_moved = FALSE;
  self->fitted_width = width;
  self->fitted_height = height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether every card is in view, or would be but for a caption that
 * took a line or two from the canvas since the last fit. */
static gboolean
scene_in_view (ReclaimCanvas *self)
{
  double x0, y0, x1, y1, left, top, right, bottom;

  scene_bounds (self, &x0, &y0, &x1, &y1);
  canvas_widget_to_scene (self, 0, 0, &left, &top);
  canvas_widget_to_scene (self, gtk_widget_get_width (GTK_WIDGET (self)) + REFIT_MIN_CHANGE,
                          gtk_widget_get_height (GTK_WIDGET (self)) + REFIT_MIN_CHANGE, &right, &bottom);
  return x0 >= left && y0 >= top && x1 <= right && y1 <= bottom;
}

/* until the user zooms or pans, everything stays in view */
void
canvas_keep_in_view (ReclaimCanvas *self)
{
  if (!self->placed || (!self->view_moved && !scene_in_view (self)))
    reclaim_canvas_fit (self);
}

void
canvas_follow_size (ReclaimCanvas *self, int width, int height)
{
  /* until the user zooms or pans, the view stays fitted as the window
   * takes its size; a caption taking a line more or less keeps the view
   * where it is, or the cards would seem to move as the user steps */
  gboolean resized = abs (width - self->fitted_width) > REFIT_MIN_CHANGE ||
                     abs (height - self->fitted_height) > REFIT_MIN_CHANGE;

  if (width <= 0 || height <= 0)
    return;
  if (!self->placed || (!self->view_moved && resized))
    reclaim_canvas_fit (self);
  else if (resized)
    canvas_keep_in_view (self);
}

/* The figures' legend, in a box in the bottom left corner: the same keys,
 * in as many lines as the width needs. */
void
canvas_draw_legend (ReclaimCanvas *self, cairo_t *cr, double width, double height)
{
  double w, h;
  ReclaimTheme theme = self->dark ? RECLAIM_THEME_DARK : RECLAIM_THEME_LIGHT;
  ReclaimColor card = reclaim_theme_color (theme, RECLAIM_COLOR_CARD);
  ReclaimColor border = reclaim_theme_color (theme, RECLAIM_COLOR_BORDER);

  reclaim_renderer_legend_size (self->renderer, width - 2 * (LEGEND_MARGIN + LEGEND_PADDING), &w, &h);
  double x = LEGEND_MARGIN, y = height - LEGEND_MARGIN - h;
  if (y < LEGEND_MARGIN)
    return;   /* no room: the cards matter more */
  cairo_rectangle (cr, x, y, w + 2 * LEGEND_PADDING, h);
  cairo_set_source_rgba (cr, card.red, card.green, card.blue, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, border.red, border.green, border.blue, border.alpha);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  reclaim_renderer_draw_legend (self->renderer, cr, x + LEGEND_PADDING, y, w + 1);
}
