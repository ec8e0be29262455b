/* reclaim-render.c: cards, rows and arrows with cairo and Pango.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-render.h"

#include <math.h>
#include <pango/pangocairo.h>

#define FONT_FAMILY        "Sans"
#define CARD_RADIUS        6.0
#define BADGE_RADIUS       8.0
#define ARROW_WIDTH        1.5
#define ARROW_HEAD_LENGTH  9.0
#define ARROW_HEAD_WIDTH   4.5
#define SIMPLE_BELOW       0.45   /* scale under which text is unreadable */
#define TINY_BELOW         0.15
#define CAPTION_HEIGHT     40
#define LEGEND_HEIGHT      34
#define FIGURE_MAX_FIT     1.5

ReclaimDetail
reclaim_detail_for_scale (double scale)
{
  if (scale < TINY_BELOW)
    return RECLAIM_DETAIL_TINY;
  if (scale < SIMPLE_BELOW)
    return RECLAIM_DETAIL_SIMPLE;
  return RECLAIM_DETAIL_FULL;
}

/* ---- text ---------------------------------------------------------------- */

#define N_STYLES 3
#define N_ASCII  128

struct _ReclaimRenderer {
  ReclaimTheme          theme;
  PangoFontDescription *fonts[N_STYLES];
  cairo_font_options_t *font_options;
  PangoContext         *measure_context;
  PangoLayout          *measure_layout[N_STYLES];
  double                ascii_width[N_STYLES][N_ASCII];
  double                line_height[N_STYLES];
  /* while drawing */
  cairo_t              *cr;
  PangoLayout          *layout[N_STYLES];
  double                alpha;     /* faded cards */
  double                tint;      /* how much of a colour is kept, the rest being background */
};

static const struct { double size; PangoWeight weight; } font_styles[N_STYLES] = {
  [RECLAIM_TEXT_ROW] = { 12.0, PANGO_WEIGHT_NORMAL },
  [RECLAIM_TEXT_TITLE] = { 12.5, PANGO_WEIGHT_BOLD },
  [RECLAIM_TEXT_BADGE] = { 10.0, PANGO_WEIGHT_SEMIBOLD },
};

/* Unhinted metrics and unrounded glyph positions: text is as wide at
 * every zoom as the layout measured it. */
static void
configure_context (ReclaimRenderer *renderer, PangoContext *context)
{
  pango_cairo_context_set_font_options (context, renderer->font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

static double
layout_width (PangoLayout *layout, const char *text, int length)
{
  PangoRectangle logical;
  pango_layout_set_text (layout, text, length);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

ReclaimRenderer *
reclaim_renderer_new (ReclaimTheme theme)
{
  ReclaimRenderer *renderer = g_new0 (ReclaimRenderer, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  renderer->theme = theme;
  renderer->alpha = 1;
  renderer->tint = 1;
  renderer->font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (renderer->font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (renderer->font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (renderer->font_options, CAIRO_ANTIALIAS_GRAY);
  renderer->measure_context = pango_font_map_create_context (font_map);
  configure_context (renderer, renderer->measure_context);

  for (guint s = 0; s < N_STYLES; s++)
    {
      PangoFontDescription *font = pango_font_description_new ();
      pango_font_description_set_family (font, FONT_FAMILY);
      pango_font_description_set_absolute_size (font, font_styles[s].size * PANGO_SCALE);
      pango_font_description_set_weight (font, font_styles[s].weight);
      renderer->fonts[s] = font;

      PangoLayout *layout = pango_layout_new (renderer->measure_context);
      pango_layout_set_font_description (layout, font);
      renderer->measure_layout[s] = layout;
      for (guint c = 32; c < N_ASCII - 1; c++)
        {
          char ch = (char) c;
          renderer->ascii_width[s][c] = layout_width (layout, &ch, 1);
        }
      PangoRectangle logical;
      pango_layout_set_text (layout, "Ag", -1);
      pango_layout_get_extents (layout, NULL, &logical);
      renderer->line_height[s] = (double) logical.height / PANGO_SCALE;
    }
  return renderer;
}

void
reclaim_renderer_free (ReclaimRenderer *renderer)
{
  if (renderer == NULL)
    return;
  for (guint s = 0; s < N_STYLES; s++)
    {
      pango_font_description_free (renderer->fonts[s]);
      g_object_unref (renderer->measure_layout[s]);
    }
  g_object_unref (renderer->measure_context);
  cairo_font_options_destroy (renderer->font_options);
  g_free (renderer);
}

void
reclaim_renderer_set_theme (ReclaimRenderer *renderer, ReclaimTheme theme)
{
  renderer->theme = theme;
}

ReclaimTheme
reclaim_renderer_get_theme (ReclaimRenderer *renderer)
{
  return renderer->theme;
}

/* ASCII text (nearly all of it) adds up cached advances, which is what
 * makes laying out ten thousand cards fast; kerning is left out, so a
 * little room is added. */
double
reclaim_renderer_measure_text (const char *text, ReclaimTextStyle style, gpointer user_data)
{
  ReclaimRenderer *renderer = user_data;
  double width = 0;

  for (const char *p = text; *p; p++)
    {
      guchar c = *p;
      if (c >= N_ASCII || c < 32)
        return ceil (layout_width (renderer->measure_layout[style], text, -1)) + 1;
      width += renderer->ascii_width[style][c];
    }
  return ceil (width) + 1;
}

void
reclaim_renderer_layout (ReclaimRenderer *renderer, ReclaimScene *scene)
{
  ReclaimLayoutOptions options = {
    .measure = reclaim_renderer_measure_text,
    .measure_data = renderer,
  };
  reclaim_layout_scene (scene, &options);
}

static void
begin_text (ReclaimRenderer *renderer, cairo_t *cr)
{
  renderer->cr = cr;
  for (guint s = 0; s < N_STYLES; s++)
    {
      renderer->layout[s] = pango_cairo_create_layout (cr);
      configure_context (renderer, pango_layout_get_context (renderer->layout[s]));
      pango_layout_context_changed (renderer->layout[s]);
      pango_layout_set_font_description (renderer->layout[s], renderer->fonts[s]);
    }
}

static void
end_text (ReclaimRenderer *renderer)
{
  for (guint s = 0; s < N_STYLES; s++)
    g_clear_object (&renderer->layout[s]);
  renderer->cr = NULL;
}

static void
set_color (ReclaimRenderer *renderer, cairo_t *cr, ReclaimColorRole role)
{
  ReclaimColor c = reclaim_theme_color (renderer->theme, role);

  if (renderer->tint < 1)
    {
      /* opaque, unlike alpha, so cairo keeps to its fast paths */
      ReclaimColor b = reclaim_theme_color (renderer->theme, RECLAIM_COLOR_BACKGROUND);
      double t = renderer->tint;
      c.red = t * c.red + (1 - t) * b.red;
      c.green = t * c.green + (1 - t) * b.green;
      c.blue = t * c.blue + (1 - t) * b.blue;
    }
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha * renderer->alpha);
}

/* Draws text with its left end at x, centred vertically on y. */
static void
show_text (ReclaimRenderer *renderer, const char *text, ReclaimTextStyle style,
           double x, double y, ReclaimColorRole role)
{
  cairo_t *cr = renderer->cr;

  if (text == NULL || *text == '\0')
    return;
  pango_layout_set_text (renderer->layout[style], text, -1);
  set_color (renderer, cr, role);
  cairo_move_to (cr, x, y - renderer->line_height[style] / 2);
  pango_cairo_show_layout (cr, renderer->layout[style]);
}

/* ---- shapes -------------------------------------------------------------- */

static void
rounded_rectangle (cairo_t *cr, double x, double y, double w, double h, double r)
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

static void
draw_badges (ReclaimRenderer *renderer, const ReclaimCard *card)
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
      rounded_rectangle (cr, x, cy - RECLAIM_LAYOUT_BADGE_HEIGHT / 2, w, RECLAIM_LAYOUT_BADGE_HEIGHT, BADGE_RADIUS);
      set_color (renderer, cr, badge_colors[badges[i].kind].fill);
      cairo_fill (cr);
      show_text (renderer, badges[i].text, RECLAIM_TEXT_BADGE, x + RECLAIM_LAYOUT_BADGE_PADDING, cy,
                 badge_colors[badges[i].kind].text);
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

static void
draw_outline (ReclaimRenderer *renderer, const ReclaimCard *card, ReclaimColorRole border)
{
  cairo_t *cr = renderer->cr;

  if (card->flags & (RECLAIM_CARD_UNREACHABLE | RECLAIM_CARD_COLLECTING))
    {
      double w = (card->flags & RECLAIM_CARD_UNREACHABLE) ? 2.5 : 2;
      rounded_rectangle (cr, card->x - 1, card->y - 1, card->width + 2, card->height + 2, CARD_RADIUS + 1);
      set_color (renderer, cr, (card->flags & RECLAIM_CARD_UNREACHABLE)
                 ? RECLAIM_COLOR_UNREACHABLE : RECLAIM_COLOR_COLLECTING);
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
      return;
    }
  rounded_rectangle (cr, card->x + 0.5, card->y + 0.5, card->width - 1, card->height - 1, CARD_RADIUS);
  set_color (renderer, cr, border);
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
          set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
          cairo_rectangle (cr, card->x + 1, top, card->width - 2, 1);
          cairo_fill (cr);
        }
      show_text (renderer, row->label, RECLAIM_TEXT_ROW, card->x + RECLAIM_LAYOUT_PADDING, cy,
                 RECLAIM_COLOR_MUTED);
      if (row->flags & RECLAIM_ROW_POINTER)
        {
          cairo_arc (cr, card->x + card->width - RECLAIM_LAYOUT_PADDING - RECLAIM_LAYOUT_POINTER_RADIUS, cy,
                     RECLAIM_LAYOUT_POINTER_RADIUS, 0, 2 * G_PI);
          set_color (renderer, cr, (row->flags & RECLAIM_ROW_WEAK) ? RECLAIM_COLOR_WEAK_ARROW : RECLAIM_COLOR_ARROW);
          cairo_fill (cr);
        }
      else
        show_text (renderer, row->value, RECLAIM_TEXT_ROW, value_x, cy,
                   (row->flags & RECLAIM_ROW_MUTED) ? RECLAIM_COLOR_MUTED : RECLAIM_COLOR_TEXT);
    }
}

static void
draw_card (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimCard *card, ReclaimDetail detail)
{
  cairo_t *cr = renderer->cr;
  ReclaimColorRole body, header, border;

  card_colors (card, &body, &header, &border);
  renderer->alpha = (card->flags & RECLAIM_CARD_FREED) ? 0.35 : 1;
  if (detail == RECLAIM_DETAIL_TINY)
    {
      cairo_rectangle (cr, card->x, card->y, card->width, card->height);
      set_color (renderer, cr, header);
      cairo_fill (cr);
      renderer->alpha = 1;
      return;
    }

  rounded_rectangle (cr, card->x, card->y + 1.5, card->width, card->height, CARD_RADIUS);
  set_color (renderer, cr, RECLAIM_COLOR_SHADOW);
  cairo_fill (cr);
  rounded_rectangle (cr, card->x, card->y, card->width, card->height, CARD_RADIUS);
  set_color (renderer, cr, body);
  cairo_fill (cr);
  header_shape (cr, card->x, card->y, card->width, RECLAIM_LAYOUT_HEADER_HEIGHT, CARD_RADIUS);
  set_color (renderer, cr, header);
  cairo_fill (cr);
  if (card->n_rows > 0)
    {
      cairo_rectangle (cr, card->x, card->y + RECLAIM_LAYOUT_HEADER_HEIGHT - 1, card->width, 1);
      set_color (renderer, cr, border);
      cairo_fill (cr);
    }
  draw_outline (renderer, card, border);

  if (detail == RECLAIM_DETAIL_FULL)
    {
      show_text (renderer, card->title, RECLAIM_TEXT_TITLE, card->x + RECLAIM_LAYOUT_PADDING,
                 card->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2, RECLAIM_COLOR_TEXT);
      draw_badges (renderer, card);
      draw_rows (renderer, scene, card);
    }
  renderer->alpha = 1;
}

/* ---- the scene ----------------------------------------------------------- */

/* One call of reclaim_renderer_draw(). */
typedef struct {
  ReclaimRenderer    *renderer;
  cairo_t            *cr;
  const ReclaimScene *scene;
  ReclaimDetail       detail;
  double              visible[4];   /* x0, y0, x1, y1 in scene units */
  double              line_width;
} Pass;

static gboolean
overlaps (double x0, double y0, double x1, double y1, const double visible[4])
{
  return x1 >= visible[0] && x0 <= visible[2] && y1 >= visible[1] && y0 <= visible[3];
}

static gboolean
card_visible (const Pass *pass, const ReclaimCard *card)
{
  return overlaps (card->x - 4, card->y - 4, card->x + card->width + 4, card->y + card->height + 4,
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
      if ((card->flags & RECLAIM_CARD_FREED) || !card_visible (pass, card))
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
          rounded_rectangle (cr, card->x, card->y, card->width, card->height, CARD_RADIUS);
          break;
        case SHAPE_HEADER:
          if (header_role (card) != role)
            continue;
          header_shape (cr, card->x, card->y, card->width, RECLAIM_LAYOUT_HEADER_HEIGHT, CARD_RADIUS);
          break;
        case SHAPE_BORDER:
          if ((frame ? RECLAIM_COLOR_FRAME_BORDER : RECLAIM_COLOR_BORDER) != role)
            continue;
          rounded_rectangle (cr, card->x + 0.5, card->y + 0.5, card->width - 1, card->height - 1, CARD_RADIUS);
          break;
        }
      any = TRUE;
    }
  if (!any)
    return;
  set_color (pass->renderer, cr, role);
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

  if (pass->detail == RECLAIM_DETAIL_FULL)
    {
      for (guint c = 0; c < scene->cards->len; c++)
        {
          const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
          if (card_visible (pass, card))
            draw_card (pass->renderer, scene, card, pass->detail);
        }
      return;
    }

  if (pass->detail == RECLAIM_DETAIL_TINY)
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
      if (card->flags & RECLAIM_CARD_FREED)
        draw_card (pass->renderer, scene, card, pass->detail);
      else if (card->flags & (RECLAIM_CARD_UNREACHABLE | RECLAIM_CARD_COLLECTING))
        {
          if (pass->detail == RECLAIM_DETAIL_TINY)
            {
              cairo_rectangle (pass->cr, card->x, card->y, card->width, card->height);
              set_color (pass->renderer, pass->cr, (card->flags & RECLAIM_CARD_UNREACHABLE)
                         ? RECLAIM_COLOR_UNREACHABLE : RECLAIM_COLOR_COLLECTING);
              cairo_fill (pass->cr);
            }
          else
            draw_outline (pass->renderer, card, RECLAIM_COLOR_BORDER);
        }
    }
}

/* Adds the path, leaving out the segments outside the visible rectangle:
 * cairo would stroke them whole only to clip them away. */
static void
append_arrow (cairo_t *cr, const ReclaimArrowPath *path, const double visible[4], gboolean straight)
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
      if (overlaps (x0 - 2, y0 - 2, x1 + 2, y1 + 2, visible))
        cairo_curve_to (cr, path->seg[i].x1, path->seg[i].y1, path->seg[i].x2, path->seg[i].y2,
                        path->seg[i].x3, path->seg[i].y3);
      else
        cairo_move_to (cr, path->seg[i].x3, path->seg[i].y3);
      x = path->seg[i].x3;
      y = path->seg[i].y3;
    }
}

/* The head's tip touches the card's edge. */
static void
append_head (cairo_t *cr, const ReclaimArrowPath *path)
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

static void
stroke_arrow (ReclaimRenderer *renderer, cairo_t *cr, ReclaimArrowKind kind, ReclaimDetail detail,
               double line_width)
{
  set_color (renderer, cr, kind == RECLAIM_ARROW_WEAK ? RECLAIM_COLOR_WEAK_ARROW : RECLAIM_COLOR_ARROW);
  cairo_set_line_width (cr, line_width);
  if (kind == RECLAIM_ARROW_WEAK && detail != RECLAIM_DETAIL_TINY)
    {
      double dashes[] = { 5, 4 };
      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* One stroke per arrow: cairo rasterises a path of many crossing curves
 * much more slowly than the same curves one by one. */
static void
draw_arrows (const Pass *pass, ReclaimArrowKind kind)
{
  cairo_t *cr = pass->cr;
  GArray *arrows = pass->scene->arrows;

  for (guint a = 0; a < arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (arrows, ReclaimArrow, a);
      ReclaimArrowPath path;
      double x0, y0, x1, y1, ex, ey, dx, dy;
      if (arrow->kind != kind)
        continue;
      reclaim_layout_arrow_path (pass->scene, arrow, &path);
      reclaim_arrow_path_bounds (&path, &x0, &y0, &x1, &y1);
      if (!overlaps (x0 - ARROW_HEAD_WIDTH, y0 - ARROW_HEAD_WIDTH, x1 + ARROW_HEAD_WIDTH,
                     y1 + ARROW_HEAD_WIDTH, pass->visible))
        continue;
      append_arrow (cr, &path, pass->visible, pass->detail == RECLAIM_DETAIL_TINY);
      stroke_arrow (pass->renderer, cr, kind, pass->detail, pass->line_width);
      reclaim_arrow_path_end (&path, &ex, &ey, &dx, &dy);
      if (pass->detail != RECLAIM_DETAIL_TINY &&
          overlaps (ex - ARROW_HEAD_LENGTH, ey - ARROW_HEAD_LENGTH, ex + ARROW_HEAD_LENGTH,
                    ey + ARROW_HEAD_LENGTH, pass->visible))
        {
          append_head (cr, &path);
          cairo_fill (cr);
        }
    }
}

void
reclaim_renderer_draw (ReclaimRenderer *renderer, cairo_t *cr, const ReclaimScene *scene,
                       const ReclaimViewport *viewport)
{
  g_return_if_fail (viewport->scale > 0);
  Pass pass = {
    .renderer = renderer,
    .cr = cr,
    .scene = scene,
    .detail = reclaim_detail_for_scale (viewport->scale),
    .visible = {
      viewport->x, viewport->y,
      viewport->x + viewport->width / viewport->scale, viewport->y + viewport->height / viewport->scale,
    },
    /* lines never much thinner than a device pixel */
    .line_width = MAX (ARROW_WIDTH, 0.8 / viewport->scale),
  };

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  set_color (renderer, cr, RECLAIM_COLOR_BACKGROUND);
  cairo_paint (cr);
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->x, -viewport->y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (pass.detail != RECLAIM_DETAIL_FULL)
    cairo_set_tolerance (cr, 0.5);
  begin_text (renderer, cr);
  if (pass.detail == RECLAIM_DETAIL_TINY)
    {
      /* thousands of hairlines: faint and under the cards, or they hide
       * them; without antialiasing they cost a fraction */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      renderer->tint = 0.35;
      draw_arrows (&pass, RECLAIM_ARROW_STRONG);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK);
      renderer->tint = 1;
      draw_cards (&pass);
    }
  else
    {
      draw_cards (&pass);
      draw_arrows (&pass, RECLAIM_ARROW_STRONG);
      draw_arrows (&pass, RECLAIM_ARROW_WEAK);
    }
  end_text (renderer);
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

/* ---- figures ------------------------------------------------------------- */

static const struct { const char *text; ReclaimColorRole role; } legend_swatches[] = {
  { "generation 0", RECLAIM_COLOR_GEN0 },
  { "generation 1", RECLAIM_COLOR_GEN1 },
  { "generation 2", RECLAIM_COLOR_GEN2 },
  { "untracked", RECLAIM_COLOR_UNTRACKED },
};

/* Draws the legend with its top-left corner at (x, y); returns its width. */
static double
draw_legend (ReclaimRenderer *renderer, double x, double y, gboolean draw)
{
  cairo_t *cr = renderer->cr;
  double cy = y + LEGEND_HEIGHT / 2.0, start = x;

  for (guint i = 0; i < G_N_ELEMENTS (legend_swatches); i++)
    {
      if (draw)
        {
          rounded_rectangle (cr, x, cy - 6, 18, 12, 3);
          set_color (renderer, cr, legend_swatches[i].role);
          cairo_fill_preserve (cr);
          set_color (renderer, cr, RECLAIM_COLOR_BORDER);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          show_text (renderer, legend_swatches[i].text, RECLAIM_TEXT_ROW, x + 24, cy, RECLAIM_COLOR_MUTED);
        }
      x += 24 + reclaim_renderer_measure_text (legend_swatches[i].text, RECLAIM_TEXT_ROW, renderer) + 16;
    }
  for (guint weak = 0; weak < 2; weak++)
    {
      const char *text = weak ? "weak reference" : "reference";
      if (draw)
        {
          ReclaimArrowKind kind = weak ? RECLAIM_ARROW_WEAK : RECLAIM_ARROW_STRONG;
          ReclaimArrowPath path = { .x0 = x, .y0 = cy, .n_segments = 1 };
          double everywhere[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
          path.seg[0].x1 = x + 10; path.seg[0].y1 = cy;
          path.seg[0].x2 = x + 18; path.seg[0].y2 = cy;
          path.seg[0].x3 = x + 28; path.seg[0].y3 = cy;
          append_arrow (cr, &path, everywhere, FALSE);
          stroke_arrow (renderer, cr, kind, RECLAIM_DETAIL_FULL, ARROW_WIDTH);
          append_head (cr, &path);
          cairo_fill (cr);
          show_text (renderer, text, RECLAIM_TEXT_ROW, x + 34, cy, RECLAIM_COLOR_MUTED);
        }
      x += 34 + reclaim_renderer_measure_text (text, RECLAIM_TEXT_ROW, renderer) + 16;
    }
  const char *rc = "rc: reference count";
  if (draw)
    show_text (renderer, rc, RECLAIM_TEXT_ROW, x, cy, RECLAIM_COLOR_MUTED);
  x += reclaim_renderer_measure_text (rc, RECLAIM_TEXT_ROW, renderer);
  return x - start;
}

static double
legend_width (ReclaimRenderer *renderer)
{
  return draw_legend (renderer, 0, 0, FALSE);
}

/* The caption and the legend grow with a scale asked for (a picture for a
 * screen of twice the density), but never shrink below legible. */
static double
chrome_scale (const ReclaimFigure *figure)
{
  return figure->scale > 0 ? CLAMP (figure->scale, 1, 4) : 1;
}

void
reclaim_renderer_figure_size (ReclaimRenderer *renderer, const ReclaimScene *scene,
                              const ReclaimFigure *figure, int *width, int *height, double *scale)
{
  double chrome = chrome_scale (figure);
  double bands = chrome * ((figure->caption ? CAPTION_HEIGHT : 0) + (figure->legend ? LEGEND_HEIGHT : 0));
  double min_width = 0;
  double s = figure->scale;

  if (figure->legend)
    min_width = chrome * (legend_width (renderer) + 2 * 16);
  if (figure->caption)
    min_width = MAX (min_width, chrome * (reclaim_renderer_measure_text (figure->caption, RECLAIM_TEXT_TITLE,
                                                                         renderer) + 2 * 16));
  if (s <= 0)
    {
      double fit = G_MAXDOUBLE;
      if (figure->width > 0)
        fit = MIN (fit, figure->width / scene->width);
      if (figure->height > 0)
        fit = MIN (fit, MAX (figure->height - bands, 1) / scene->height);
      s = fit < G_MAXDOUBLE ? MIN (fit, FIGURE_MAX_FIT) : 1;
      /* a natural size too large for an image is scaled down to fit */
      s = MIN (s, RECLAIM_FIGURE_MAX_SIZE / scene->width);
      s = MIN (s, (RECLAIM_FIGURE_MAX_SIZE - bands) / scene->height);
    }
  *scale = s;
  *width = figure->width > 0 ? figure->width
                             : (int) MIN (ceil (MAX (scene->width * s, min_width)), RECLAIM_FIGURE_MAX_SIZE);
  *height = figure->height > 0 ? figure->height
                               : (int) MIN (ceil (scene->height * s + bands), RECLAIM_FIGURE_MAX_SIZE);
}

void
reclaim_renderer_draw_figure (ReclaimRenderer *renderer, cairo_t *cr, const ReclaimScene *scene,
                              const ReclaimFigure *figure)
{
  int width, height;
  double scale;
  double chrome = chrome_scale (figure);
  double top = figure->caption ? chrome * CAPTION_HEIGHT : 0;
  double bottom = figure->legend ? chrome * LEGEND_HEIGHT : 0;

  reclaim_renderer_figure_size (renderer, scene, figure, &width, &height, &scale);
  ReclaimViewport viewport = {
    .scale = scale,
    .width = width,
    .height = MAX (height - top - bottom, 1),
  };
  /* a picture of its natural size is only wider than the scene for the
   * legend's sake: the scene stays on the left, under the caption */
  viewport.x = figure->width > 0 ? (scene->width - width / scale) / 2 : 0;
  viewport.y = (scene->height - viewport.height / scale) / 2;

  cairo_save (cr);
  set_color (renderer, cr, RECLAIM_COLOR_BACKGROUND);
  cairo_paint (cr);
  cairo_translate (cr, 0, top);
  reclaim_renderer_draw (renderer, cr, scene, &viewport);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_scale (cr, chrome, chrome);
  begin_text (renderer, cr);
  if (figure->caption)
    {
      show_text (renderer, figure->caption, RECLAIM_TEXT_TITLE, 16, CAPTION_HEIGHT / 2.0 + 4, RECLAIM_COLOR_TEXT);
      set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
      cairo_rectangle (cr, 0, CAPTION_HEIGHT - 1, width / chrome, 1);
      cairo_fill (cr);
    }
  if (figure->legend)
    {
      double legend_top = (height - bottom) / chrome;
      set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
      cairo_rectangle (cr, 0, legend_top, width / chrome, 1);
      cairo_fill (cr);
      draw_legend (renderer, 16, legend_top, TRUE);
    }
  end_text (renderer);
  cairo_restore (cr);
}
