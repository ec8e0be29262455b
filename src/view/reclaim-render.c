/* reclaim-render.c: cards, rows and arrows with cairo and Pango.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-render.h"
#include "reclaim-render-private.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

ReclaimDetail
reclaim_detail_for_scale (double scale)
{
  if (scale < TINY_BELOW)
    return RECLAIM_DETAIL_TINY;
  if (scale < SIMPLE_BELOW)
    return RECLAIM_DETAIL_SIMPLE;
  return RECLAIM_DETAIL_FULL;
}

/* ---- shapes -------------------------------------------------------------- */

void
render_rounded_rectangle (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The header: a rectangle with only its top corners rounded. */
static void
header_shape (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x, y + h);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + w, y + h);
  cairo_close_path (cr);
}

static const struct { ReclaimColorRole fill, text; } badge_colors[] = {
  [RECLAIM_BADGE_REFCOUNT] = { RECLAIM_COLOR_RC_BADGE, RECLAIM_COLOR_RC_BADGE_TEXT },
  [RECLAIM_BADGE_GC_REFS] = { RECLAIM_COLOR_GC_BADGE, RECLAIM_COLOR_GC_BADGE_TEXT },
  [RECLAIM_BADGE_FINALIZER] = { RECLAIM_COLOR_DEL_BADGE, RECLAIM_COLOR_DEL_BADGE_TEXT },
  [RECLAIM_BADGE_WEAKREFS] = { RECLAIM_COLOR_WEAK_BADGE, RECLAIM_COLOR_WEAK_BADGE_TEXT },
};

/* A pulse swells the reference count badge and rings it: the count just
 * changed. */
static void
draw_pulse_ring (ReclaimRenderer *renderer, double x, double y, double w, double h, double pulse)
{
  cairo_t *cr = renderer->cr;
  double grow = 2 + 4 * pulse;
  double kept = renderer->alpha;

  render_rounded_rectangle (cr, x - grow, y - grow, w + 2 * grow, h + 2 * grow, BADGE_RADIUS + grow);
  renderer->alpha = kept * pulse;
  render_set_color (renderer, cr, RECLAIM_COLOR_SELECTION);
  renderer->alpha = kept;
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_badges (ReclaimRenderer *renderer, const ReclaimCard *card, double pulse)
{
  cairo_t *cr = renderer->cr;
  ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
  guint n = reclaim_layout_card_badges (card, badges);
  double right = card->x + card->width - RECLAIM_LAYOUT_PADDING + 3;
  double cy = card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2;

  for (guint i = 0; i < n; i++)
    {
      double text_width = reclaim_renderer_measure_text (badges[i].text, RECLAIM_TEXT_BADGE, renderer);
      double w = text_width + 2 * RECLAIM_LAYOUT_BADGE_PADDING;
      double x = right - w;
      gboolean swell = pulse > 0 && badges[i].kind == RECLAIM_BADGE_REFCOUNT;
      if (swell)
        {
          double s = 1 + 0.3 * pulse;
          cairo_save (cr);
          cairo_translate (cr, x + w / 2, cy);
          cairo_scale (cr, s, s);
          cairo_translate (cr, -(x + w / 2), -cy);
          draw_pulse_ring (renderer, x, cy - RECLAIM_LAYOUT_BADGE_HEIGHT / 2, w, RECLAIM_LAYOUT_BADGE_HEIGHT, pulse);
        }
      render_rounded_rectangle (cr, x, cy - RECLAIM_LAYOUT_BADGE_HEIGHT / 2, w, RECLAIM_LAYOUT_BADGE_HEIGHT, BADGE_RADIUS);
      render_set_color (renderer, cr, badge_colors[badges[i].kind].fill);
      cairo_fill (cr);
      render_show_text (renderer, badges[i].text, RECLAIM_TEXT_BADGE, x + RECLAIM_LAYOUT_BADGE_PADDING, cy,
                 badge_colors[badges[i].kind].text);
      if (swell)
        cairo_restore (cr);
      right = x - RECLAIM_LAYOUT_BADGE_GAP;
    }
}

static void
card_colors (const ReclaimCard *card, ReclaimColorRole *body, ReclaimColorRole *header, ReclaimColorRole *border)
{
  gboolean frame = (card->flags & RECLAIM_CARD_FRAME) != 0;
  *body = frame ? RECLAIM_COLOR_FRAME_BODY : RECLAIM_COLOR_CARD;
  *header = frame ? RECLAIM_COLOR_FRAME_HEADER : reclaim_theme_generation_role (card->generation);
  *border = frame ? RECLAIM_COLOR_FRAME_BORDER : RECLAIM_COLOR_BORDER;
}

#define STATE_FLAGS (RECLAIM_CARD_UNREACHABLE | RECLAIM_CARD_COLLECTING | \
                     RECLAIM_CARD_MOVED_BACK | RECLAIM_CARD_RESURRECTED)

/* The colour of the outline a card's state during (or after) a
 * collection gives it: what is news first. */
static ReclaimColorRole
state_role (const ReclaimCard *card)
{
  if (card->flags & RECLAIM_CARD_UNREACHABLE)
    return RECLAIM_COLOR_UNREACHABLE;
  if (card->flags & RECLAIM_CARD_RESURRECTED)
    return RECLAIM_COLOR_RESURRECTED;
  if (card->flags & RECLAIM_CARD_MOVED_BACK)
    return RECLAIM_COLOR_MOVED_BACK;
  if (!(card->flags & RECLAIM_CARD_COLLECTING))
    return RECLAIM_COLOR_GARBAGE;
  return RECLAIM_COLOR_COLLECTING;
}

void
render_garbage_outline (ReclaimRenderer *renderer, cairo_t *cr, double x, double y, double w, double h)
{
  static const double dashes[] = { 6, 4 };

  render_rounded_rectangle (cr, x - 1, y - 1, w + 2, h + 2, CARD_RADIUS + 1);
  render_set_color (renderer, cr, RECLAIM_COLOR_GARBAGE);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_outline (ReclaimRenderer *renderer, const ReclaimCard *card, ReclaimColorRole border)
{
  cairo_t *cr = renderer->cr;

  if (card->flags & STATE_FLAGS)
    {
      double w = (card->flags & RECLAIM_CARD_COLLECTING) && !(card->flags & RECLAIM_CARD_MOVED_BACK) ? 2 : 2.5;
      render_rounded_rectangle (cr, card->x - 1, card->y - 1, card->width + 2, card->height + 2, CARD_RADIUS + 1);
      render_set_color (renderer, cr, state_role (card));
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
      return;
    }
  /* the collector's own outlines say more while it runs */
  if (card->flags & RECLAIM_CARD_GARBAGE)
    {
      render_garbage_outline (renderer, cr, card->x, card->y, card->width, card->height);
      return;
    }
  render_rounded_rectangle (cr, card->x + 0.5, card->y + 0.5, card->width - 1, card->height - 1, CARD_RADIUS);
  render_set_color (renderer, cr, border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_rows (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimCard *card)
{
  cairo_t *cr = renderer->cr;
  double value_x = card->x + RECLAIM_LAYOUT_PADDING +
                   (card->label_width > 0 ? card->label_width + RECLAIM_LAYOUT_LABEL_GAP : 0);

  for (guint i = 0; i < card->n_rows; i++)
    {
      const ReclaimRow *row = &g_array_index (scene->rows, ReclaimRow, card->first_row + i);
      double top = reclaim_layout_row_top (card, i);
      double cy = top + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
      if (i > 0)
        {
          render_set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
          cairo_rectangle (cr, card->x + 1, top, card->width - 2, 1);
          cairo_fill (cr);
        }
      render_show_text (renderer, row->label, RECLAIM_TEXT_ROW, card->x + RECLAIM_LAYOUT_PADDING, cy,
                 RECLAIM_COLOR_MUTED);
      if (row->flags & RECLAIM_ROW_POINTER)
        {
          cairo_arc (cr, card->x + card->width - RECLAIM_LAYOUT_PADDING - RECLAIM_LAYOUT_POINTER_RADIUS, cy,
                     RECLAIM_LAYOUT_POINTER_RADIUS, 0, 2 * G_PI);
          render_set_color (renderer, cr, (row->flags & RECLAIM_ROW_WEAK) ? RECLAIM_COLOR_WEAK_ARROW : RECLAIM_COLOR_ARROW);
          cairo_fill (cr);
        }
      else
        render_show_text (renderer, row->value, RECLAIM_TEXT_ROW, value_x, cy,
                   (row->flags & RECLAIM_ROW_MUTED) ? RECLAIM_COLOR_MUTED : RECLAIM_COLOR_TEXT);
    }
}

void
render_card (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimCard *card, ReclaimDetail detail,
           double pulse)
{
  cairo_t *cr = renderer->cr;
  ReclaimColorRole body, header, border;

  card_colors (card, &body, &header, &border);
  renderer->alpha = (card->flags & RECLAIM_CARD_FREED) ? 0.35 : 1;
  if (detail == RECLAIM_DETAIL_TINY)
    {
      cairo_rectangle (cr, card->x, card->y, card->width, card->height);
      render_set_color (renderer, cr, header);
      cairo_fill (cr);
      renderer->alpha = 1;
      return;
    }

  render_rounded_rectangle (cr, card->x, card->y + 1.5, card->width, card->height, CARD_RADIUS);
  render_set_color (renderer, cr, RECLAIM_COLOR_SHADOW);
  cairo_fill (cr);
  render_rounded_rectangle (cr, card->x, card->y, card->width, card->height, CARD_RADIUS);
  render_set_color (renderer, cr, body);
  cairo_fill (cr);
  header_shape (cr, card->x, card->y, card->width, RECLAIM_LAYOUT_HEADER_HEIGHT, CARD_RADIUS);
  render_set_color (renderer, cr, header);
  cairo_fill (cr);
  if (card->n_rows > 0)
    {
      cairo_rectangle (cr, card->x, card->y + RECLAIM_LAYOUT_HEADER_HEIGHT - 1, card->width, 1);
      render_set_color (renderer, cr, border);
      cairo_fill (cr);
    }
  draw_outline (renderer, card, border);

  if (detail == RECLAIM_DETAIL_FULL)
    {
      render_show_text (renderer, card->title, RECLAIM_TEXT_TITLE, card->x + RECLAIM_LAYOUT_PADDING,
                 card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2, RECLAIM_COLOR_TEXT);
      if (card->name != NULL)
        render_show_text (renderer, card->name, RECLAIM_TEXT_ROW,
                          card->x + RECLAIM_LAYOUT_PADDING + RECLAIM_LAYOUT_NAME_GAP +
                          reclaim_renderer_measure_text (card->title, RECLAIM_TEXT_TITLE, renderer),
                          card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2, RECLAIM_COLOR_MUTED);
      draw_badges (renderer, card, pulse);
      draw_rows (renderer, scene, card);
    }
  renderer->alpha = 1;
}

/* ---- the scene ----------------------------------------------------------- */

gboolean
render_overlaps (double x0, double y0, double x1, double y1, const double visible[4])
{
  return x1 >= visible[0] && x0 <= visible[2] && y1 >= visible[1] && y0 <= visible[3];
}

static gboolean
card_visible (const Pass *pass, const ReclaimCard *card)
{
  /* room for the selection ring and the handle */
  return render_overlaps (card->x - 8, card->y - 8, card->x + card->width + 8, card->y + card->height + 8,
                   pass->visible);
}

static ReclaimColorRole
header_role (const ReclaimCard *card)
{
  if (card->flags & RECLAIM_CARD_FRAME)
    return RECLAIM_COLOR_FRAME_HEADER;
  return reclaim_theme_generation_role (card->generation);
}

static const ReclaimColorRole header_roles[] = {
  RECLAIM_COLOR_GEN0, RECLAIM_COLOR_GEN1, RECLAIM_COLOR_GEN2, RECLAIM_COLOR_PERMANENT,
  RECLAIM_COLOR_UNTRACKED, RECLAIM_COLOR_FRAME_HEADER,
};

typedef enum {
  SHAPE_BLOCK,      /* the whole card as a rectangle */
  SHAPE_BODY,
  SHAPE_HEADER,
  SHAPE_BORDER,
} Shape;

/* Zoomed out, cards are many and plain: one fill or stroke per colour
 * rather than several per card is what keeps thousands of them fast. */
static void
batch_cards (const Pass *pass, Shape shape, ReclaimColorRole role)
{
  cairo_t *cr = pass->cr;
  gboolean any = FALSE;

  for (guint c = 0; c < pass->scene->cards->len; c++)
    {
      const ReclaimCard *card = &g_array_index (pass->scene->cards, ReclaimCard, c);
      gboolean frame = (card->flags & RECLAIM_CARD_FRAME) != 0;
      if ((card->flags & RECLAIM_CARD_FREED) || !card_visible (pass, card) || render_card_special (pass, c))
        continue;
      switch (shape)
        {
        case SHAPE_BLOCK:
          if (header_role (card) != role)
            continue;
          cairo_rectangle (cr, card->x, card->y, card->width, card->height);
          break;
        case SHAPE_BODY:
          if ((frame ? RECLAIM_COLOR_FRAME_BODY : RECLAIM_COLOR_CARD) != role)
            continue;
          render_rounded_rectangle (cr, card->x, card->y, card->width, card->height, CARD_RADIUS);
          break;
        case SHAPE_HEADER:
          if (header_role (card) != role)
            continue;
          header_shape (cr, card->x, card->y, card->width, RECLAIM_LAYOUT_HEADER_HEIGHT, CARD_RADIUS);
          break;
        case SHAPE_BORDER:
          if ((frame ? RECLAIM_COLOR_FRAME_BORDER : RECLAIM_COLOR_BORDER) != role)
            continue;
          render_rounded_rectangle (cr, card->x + 0.5, card->y + 0.5, card->width - 1, card->height - 1, CARD_RADIUS);
          break;
        }
      any = TRUE;
    }
  if (!any)
    return;
  render_set_color (pass->renderer, cr, role);
  if (shape == SHAPE_BORDER)
    {
      cairo_set_line_width (cr, pass->line_width * 0.6);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_cards (const Pass *pass)
{
  const ReclaimScene *scene = pass->scene;
  ReclaimRenderer *renderer = pass->renderer;
  double kept_tint = renderer->tint;

  if (pass->deco && pass->deco->highlighting)
    renderer->tint = DIMMED;
  if (pass->detail == RECLAIM_DETAIL_FULL)
    {
      for (guint c = 0; c < scene->cards->len; c++)
        {
          const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
          if (card_visible (pass, card) && !render_card_special (pass, c))
            render_card (renderer, scene, card, pass->detail, 0);
        }
    }
  else if (pass->detail == RECLAIM_DETAIL_TINY)
    for (guint i = 0; i < G_N_ELEMENTS (header_roles); i++)
      batch_cards (pass, SHAPE_BLOCK, header_roles[i]);
  else
    {
      batch_cards (pass, SHAPE_BODY, RECLAIM_COLOR_CARD);
      batch_cards (pass, SHAPE_BODY, RECLAIM_COLOR_FRAME_BODY);
      for (guint i = 0; i < G_N_ELEMENTS (header_roles); i++)
        batch_cards (pass, SHAPE_HEADER, header_roles[i]);
      batch_cards (pass, SHAPE_BORDER, RECLAIM_COLOR_BORDER);
      batch_cards (pass, SHAPE_BORDER, RECLAIM_COLOR_FRAME_BORDER);
    }
  /* the few cards that stand out are drawn one by one */
  for (guint c = 0; c < scene->cards->len; c++)
    {
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if (!card_visible (pass, card))
        continue;
      if (render_card_special (pass, c))
        {
          renderer->tint = kept_tint;
          render_special_card (pass, c);
          if (pass->deco->highlighting)
            renderer->tint = DIMMED;
        }
      else if (pass->detail == RECLAIM_DETAIL_FULL)
        continue;
      else if (card->flags & RECLAIM_CARD_FREED)
        render_card (renderer, scene, card, pass->detail, 0);
      else if (card->flags & (STATE_FLAGS | RECLAIM_CARD_GARBAGE))
        {
          if (pass->detail == RECLAIM_DETAIL_TINY)
            {
              cairo_rectangle (pass->cr, card->x, card->y, card->width, card->height);
              render_set_color (renderer, pass->cr, state_role (card));
              cairo_fill (pass->cr);
            }
          else
            draw_outline (renderer, card, RECLAIM_COLOR_BORDER);
        }
    }
  renderer->tint = kept_tint;
}

/* Adds the path, leaving out the segments outside the visible rectangle:
 * cairo would stroke them whole only to clip them away. */
void
render_append_arrow (cairo_t *cr, const ReclaimArrowPath *path, const double visible[4], gboolean straight)
{
  double x = path->x0, y = path->y0;

  cairo_move_to (cr, x, y);
  if (straight)
    {
      double ex, ey, dx, dy;
      reclaim_arrow_path_end (path, &ex, &ey, &dx, &dy);
      cairo_line_to (cr, ex, ey);
      return;
    }
  for (guint i = 0; i < path->n_segments; i++)
    {
      double x0 = MIN (MIN (x, path->seg[i].x1), MIN (path->seg[i].x2, path->seg[i].x3));
      double x1 = MAX (MAX (x, path->seg[i].x1), MAX (path->seg[i].x2, path->seg[i].x3));
      double y0 = MIN (MIN (y, path->seg[i].y1), MIN (path->seg[i].y2, path->seg[i].y3));
      double y1 = MAX (MAX (y, path->seg[i].y1), MAX (path->seg[i].y2, path->seg[i].y3));
      if (render_overlaps (x0 - 2, y0 - 2, x1 + 2, y1 + 2, visible))
        cairo_curve_to (cr, path->seg[i].x1, path->seg[i].y1, path->seg[i].x2, path->seg[i].y2,
                        path->seg[i].x3, path->seg[i].y3);
      else
        cairo_move_to (cr, path->seg[i].x3, path->seg[i].y3);
      x = path->seg[i].x3;
      y = path->seg[i].y3;
    }
}

/* The head's tip touches the card's edge. */
void
render_append_head (cairo_t *cr, const ReclaimArrowPath *path)
{
  double x, y, dx, dy;

  reclaim_arrow_path_end (path, &x, &y, &dx, &dy);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - dx * ARROW_HEAD_LENGTH - dy * ARROW_HEAD_WIDTH,
                 y - dy * ARROW_HEAD_LENGTH + dx * ARROW_HEAD_WIDTH);
  cairo_line_to (cr, x - dx * ARROW_HEAD_LENGTH * 0.75, y - dy * ARROW_HEAD_LENGTH * 0.75);
  cairo_line_to (cr, x - dx * ARROW_HEAD_LENGTH + dy * ARROW_HEAD_WIDTH,
                 y - dy * ARROW_HEAD_LENGTH - dx * ARROW_HEAD_WIDTH);
  cairo_close_path (cr);
}

ReclaimColorRole
render_arrow_role (ReclaimArrowKind kind)
{
  return kind == RECLAIM_ARROW_WEAK ? RECLAIM_COLOR_WEAK_ARROW : RECLAIM_COLOR_ARROW;
}

void
render_stroke_arrow (ReclaimRenderer *renderer, cairo_t *cr, ReclaimArrowKind kind, ReclaimDetail detail,
              double line_width, ReclaimColorRole role)
{
  render_set_color (renderer, cr, role);
  cairo_set_line_width (cr, line_width);
  if (kind == RECLAIM_ARROW_WEAK && detail != RECLAIM_DETAIL_TINY)
    {
      double dashes[] = { 5, 4 };
      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* One arrow: its path, cut short by retract, and its head (which a
 * retracting arrow keeps at its moving end). */
void
render_arrow (const Pass *pass, const ReclaimArrowPath *full, ReclaimArrowKind kind, double retract,
                ReclaimColorRole role, double line_width)
{
  cairo_t *cr = pass->cr;
  ReclaimArrowPath trimmed;
  const ReclaimArrowPath *path = full;
  double x0, y0, x1, y1, ex, ey, dx, dy;

  if (retract >= 1)
    return;
  reclaim_arrow_path_bounds (full, &x0, &y0, &x1, &y1);
  if (!render_overlaps (x0 - ARROW_HEAD_WIDTH, y0 - ARROW_HEAD_WIDTH, x1 + ARROW_HEAD_WIDTH,
                 y1 + ARROW_HEAD_WIDTH, pass->visible))
    return;
  if (retract > 0)
    {
      reclaim_arrow_path_trim (full, 1 - retract, &trimmed);
      path = &trimmed;
    }
  render_append_arrow (cr, path, pass->visible, pass->detail == RECLAIM_DETAIL_TINY);
  render_stroke_arrow (pass->renderer, cr, kind, pass->detail, line_width, role);
  reclaim_arrow_path_end (path, &ex, &ey, &dx, &dy);
  if (pass->detail != RECLAIM_DETAIL_TINY &&
      render_overlaps (ex - ARROW_HEAD_LENGTH, ey - ARROW_HEAD_LENGTH, ex + ARROW_HEAD_LENGTH,
                ey + ARROW_HEAD_LENGTH, pass->visible))
    {
      render_append_head (cr, path);
      cairo_fill (cr);
    }
}

static const ReclaimArrowLook plain_arrow = { 0 };

static const ReclaimArrowLook *
arrow_look (const Pass *pass, guint a)
{
  return pass->deco && pass->deco->arrows ? &pass->deco->arrows[a] : &plain_arrow;
}

/* Whether arrow a is drawn over the others (emphasis pass) or with them. */
static gboolean
arrow_emphasised (const Pass *pass, guint a)
{
  return pass->deco && (a == pass->deco->selected_arrow || arrow_look (pass, a)->highlighted);
}

/* One stroke per arrow: cairo rasterises a path of many crossing curves
 * much more slowly than the same curves one by one. */
static void
draw_arrows (const Pass *pass, ReclaimArrowKind kind, gboolean emphasised)
{
  ReclaimRenderer *renderer = pass->renderer;
  GArray *arrows = pass->scene->arrows;
  double kept_tint = renderer->tint;

  for (guint a = 0; a < arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (arrows, ReclaimArrow, a);
      const ReclaimArrowLook *look = arrow_look (pass, a);
      ReclaimColorRole role = render_arrow_role (kind);
      double width = pass->line_width;
      ReclaimArrowPath path;
      if (arrow->kind != kind || arrow_emphasised (pass, a) != emphasised)
        continue;
      if (pass->deco && a == pass->deco->selected_arrow)
        {
          role = RECLAIM_COLOR_SELECTION;
          width = MAX (width * 2, 2.5 / pass->scale);
        }
      else if (look->highlighted)
        {
          role = RECLAIM_COLOR_HIGHLIGHT;
          width = MAX (width * 2, 2.5 / pass->scale);
        }
      else if (pass->deco && pass->deco->highlighting)
        renderer->tint = MIN (kept_tint, DIMMED);
      reclaim_layout_arrow_path (pass->scene, arrow, &path);
      render_arrow (pass, &path, kind, look->retract, role, width);
      renderer->tint = kept_tint;
    }
}

void
reclaim_renderer_draw (ReclaimRenderer *renderer, cairo_t *cr, const ReclaimScene *scene,
                       const ReclaimViewport *viewport)
{
  reclaim_renderer_draw_decorated (renderer, cr, scene, viewport, NULL);
}

void
reclaim_renderer_draw_decorated (ReclaimRenderer *renderer, cairo_t *cr, const ReclaimScene *scene,
                                 const ReclaimViewport *viewport, const ReclaimDecorations *decorations)
{
  g_return_if_fail (viewport->scale > 0);
  Pass pass = {
    .renderer = renderer,
    .cr = cr,
    .scene = scene,
    .deco = decorations,
    .detail = reclaim_detail_for_scale (viewport->scale),
    .visible = {
      viewport->x, viewport->y,
      viewport->x + viewport->width / viewport->scale, viewport->y + viewport->height / viewport->scale,
    },
    /* lines never much thinner than a device pixel */
    .line_width = MAX (ARROW_WIDTH, 0.8 / viewport->scale),
    .scale = viewport->scale,
  };

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  render_set_color (renderer, cr, RECLAIM_COLOR_BACKGROUND);
  cairo_paint (cr);
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->x, -viewport->y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (pass.detail != RECLAIM_DETAIL_FULL)
    cairo_set_tolerance (cr, 0.5);
  render_begin_text (renderer, cr);
  if (pass.detail == RECLAIM_DETAIL_TINY)
    {
      /* thousands of hairlines: faint and under the cards, or they hide
       * them; without antialiasing they cost a fraction */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      renderer->tint = 0.35;
      draw_arrows (&pass, RECLAIM_ARROW_STRONG, FALSE);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK, FALSE);
      render_ghosts (&pass);
      renderer->tint = 1;
      draw_cards (&pass);
      draw_arrows (&pass, RECLAIM_ARROW_STRONG, TRUE);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK, TRUE);
    }
  else
    {
      draw_cards (&pass);
      draw_arrows (&pass, RECLAIM_ARROW_STRONG, FALSE);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK, FALSE);
      render_ghosts (&pass);
      draw_arrows (&pass, RECLAIM_ARROW_STRONG, TRUE);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK, TRUE);
    }
  if (decorations && decorations->dragging)
    render_drag (&pass);
  render_end_text (renderer);
  cairo_restore (cr);
}

void
reclaim_viewport_fit (ReclaimViewport *viewport, const ReclaimScene *scene, double width, double height,
                      double max_scale)
{
  double sw = MAX (scene->width, 1), sh = MAX (scene->height, 1);
  double scale = MIN (MIN (width / sw, height / sh), max_scale);

  viewport->scale = scale > 0 ? scale : 1;
  viewport->width = width;
  viewport->height = height;
  viewport->x = (sw - width / viewport->scale) / 2;
  viewport->y = (sh - height / viewport->scale) / 2;
}
