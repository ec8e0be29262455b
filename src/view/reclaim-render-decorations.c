/* reclaim-render-decorations.c: selection, highlight and animation over a scene.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-render-private.h"

#include <math.h>
#include <string.h>

static const ReclaimCardLook plain_look = { 0 };

const ReclaimCardLook *
render_card_look (const Pass *pass, guint c)
{
  return pass->deco && pass->deco->cards ? &pass->deco->cards[c] : &plain_look;
}

/* A card drawn on its own, after the batches: decorated or animated. */
gboolean
render_card_special (const Pass *pass, guint c)
{
  const ReclaimDecorations *deco = pass->deco;
  const ReclaimCardLook *look = render_card_look (pass, c);

  if (deco == NULL)
    return FALSE;
  if (c == deco->selected_card || c == deco->handle_card)
    return TRUE;
  if (deco->selected_row != G_MAXUINT)
    {
      const ReclaimCard *card = &g_array_index (pass->scene->cards, ReclaimCard, c);
      if (deco->selected_row >= card->first_row && deco->selected_row < card->first_row + card->n_rows)
        return TRUE;
    }
  return look->fade > 0 || look->shrink > 0 || look->pulse > 0 || look->flash > 0 || look->highlighted;
}

/* A ring round a card: selection, highlight.  At least `device` pixels
 * wide at any zoom. */
static void
draw_ring (const Pass *pass, const ReclaimCard *card, ReclaimColorRole role, double width, double device,
           double gap)
{
  cairo_t *cr = pass->cr;
  double w = MAX (width, device / pass->scale);
  double g = gap + w / 2;

  render_rounded_rectangle (cr, card->x - g, card->y - g, card->width + 2 * g, card->height + 2 * g, CARD_RADIUS + g);
  render_set_color (pass->renderer, cr, role);
  cairo_set_line_width (cr, w);
  cairo_stroke (cr);
}

static void
draw_selected_row (const Pass *pass, const ReclaimCard *card)
{
  cairo_t *cr = pass->cr;
  guint row = pass->deco->selected_row;
  double top = reclaim_layout_row_top (card, row - card->first_row);
  ReclaimRenderer *renderer = pass->renderer;
  double kept = renderer->alpha;

  cairo_rectangle (cr, card->x + 1, top, card->width - 2, RECLAIM_LAYOUT_ROW_HEIGHT);
  renderer->alpha = kept * 0.22;
  render_set_color (renderer, cr, RECLAIM_COLOR_SELECTION);
  cairo_fill_preserve (cr);
  renderer->alpha = kept;
  render_set_color (renderer, cr, RECLAIM_COLOR_SELECTION);
  cairo_set_line_width (cr, MAX (1.5, 1 / pass->scale));
  cairo_stroke (cr);
}

static void
draw_handle (const Pass *pass, const ReclaimCard *card)
{
  cairo_t *cr = pass->cr;
  double x, y;

  reclaim_layout_card_handle (card, &x, &y);
  /* text leaves a current point, which an arc would join with a line */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, RECLAIM_LAYOUT_HANDLE_RADIUS, 0, 2 * G_PI);
  render_set_color (pass->renderer, cr, RECLAIM_COLOR_CARD);
  cairo_fill_preserve (cr);
  render_set_color (pass->renderer, cr, RECLAIM_COLOR_SELECTION);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* A card with its look: scaled about its centre, faded, washed, ringed. */
void
render_special_card (const Pass *pass, guint c)
{
  ReclaimRenderer *renderer = pass->renderer;
  const ReclaimDecorations *deco = pass->deco;
  const ReclaimCard *card = &g_array_index (pass->scene->cards, ReclaimCard, c);
  const ReclaimCardLook *look = render_card_look (pass, c);
  cairo_t *cr = pass->cr;
  double scale = 1 - CLAMP (look->shrink, 0, 1);
  double kept_tint = renderer->tint;

  if (look->fade >= 1 || scale <= 0)
    return;
  cairo_save (cr);
  if (scale < 1)
    {
      double cx = card->x + card->width / 2, cy = card->y + card->height / 2;
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -cx, -cy);
    }
  renderer->opacity = 1 - CLAMP (look->fade, 0, 1);
  if (deco && deco->highlighting && !look->highlighted && c != deco->selected_card)
    renderer->tint = DIMMED;
  render_card (renderer, pass->scene, card, pass->detail, look->pulse);
  if (look->flash > 0)
    {
      render_rounded_rectangle (cr, card->x, card->y, card->width, card->height, CARD_RADIUS);
      renderer->opacity *= 0.75 * CLAMP (look->flash, 0, 1);
      render_set_color (renderer, cr, RECLAIM_COLOR_FLASH);
      cairo_fill (cr);
      renderer->opacity = 1 - CLAMP (look->fade, 0, 1);
    }
  if (look->highlighted)
    draw_ring (pass, card, RECLAIM_COLOR_HIGHLIGHT, 3, 2.5, 2);
  if (deco && pass->detail == RECLAIM_DETAIL_FULL && deco->selected_row != G_MAXUINT &&
      deco->selected_row >= card->first_row && deco->selected_row < card->first_row + card->n_rows)
    draw_selected_row (pass, card);
  if (deco && c == deco->selected_card)
    draw_ring (pass, card, RECLAIM_COLOR_SELECTION, 2.5, 2, look->highlighted ? 6 : 3);
  if (deco && c == deco->handle_card && pass->detail == RECLAIM_DETAIL_FULL)
    draw_handle (pass, card);
  renderer->opacity = 1;
  renderer->tint = kept_tint;
  cairo_restore (cr);
}

void
render_ghosts (const Pass *pass)
{
  for (guint i = 0; pass->deco && i < pass->deco->n_ghosts; i++)
    {
      const ReclaimGhostArrow *ghost = &pass->deco->ghosts[i];
      render_arrow (pass, &ghost->path, ghost->kind, ghost->retract, render_arrow_role (ghost->kind),
                      pass->line_width);
    }
}

/* The reference being dragged out: a straight arrow to the pointer. */
void
render_drag (const Pass *pass)
{
  const ReclaimDecorations *deco = pass->deco;
  ReclaimArrowPath path = { .x0 = deco->drag_x0, .y0 = deco->drag_y0, .n_segments = 1 };
  double dx = deco->drag_x1 - deco->drag_x0, dy = deco->drag_y1 - deco->drag_y0;
  ReclaimArrowKind kind = deco->drag_weak ? RECLAIM_ARROW_WEAK : RECLAIM_ARROW_STRONG;
  double everywhere[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  if (hypot (dx, dy) < 1)
    return;
  path.seg[0].x1 = deco->drag_x0 + dx / 3;
  path.seg[0].y1 = deco->drag_y0 + dy / 3;
  path.seg[0].x2 = deco->drag_x0 + 2 * dx / 3;
  path.seg[0].y2 = deco->drag_y0 + 2 * dy / 3;
  path.seg[0].x3 = deco->drag_x1;
  path.seg[0].y3 = deco->drag_y1;
  render_append_arrow (pass->cr, &path, everywhere, FALSE);
  render_stroke_arrow (pass->renderer, pass->cr, kind, RECLAIM_DETAIL_FULL, MAX (2, 2 / pass->scale),
                deco->drag_weak ? RECLAIM_COLOR_WEAK_ARROW : RECLAIM_COLOR_SELECTION);
  render_append_head (pass->cr, &path);
  cairo_fill (pass->cr);
}

void
reclaim_decorations_init (ReclaimDecorations *decorations)
{
  memset (decorations, 0, sizeof *decorations);
  decorations->selected_card = G_MAXUINT;
  decorations->selected_row = G_MAXUINT;
  decorations->selected_arrow = G_MAXUINT;
  decorations->handle_card = G_MAXUINT;
}
