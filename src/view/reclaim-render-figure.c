/* reclaim-render-figure.c: a whole picture with its caption and legend.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-render-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

typedef enum {
  KEY_SWATCH,    /* a header tint */
  KEY_ARROW,     /* a reference */
  KEY_GARBAGE,   /* the outline of a card no root reaches */
  KEY_TEXT,      /* words alone */
} KeyKind;

static const struct {
  KeyKind          kind;
  const char      *text;
  ReclaimColorRole role;    /* a swatch's */
  ReclaimArrowKind arrow;   /* an arrow's */
} legend_keys[] = {
  /* TRANSLATORS: legend of a figure: the colours of the collector's generations */
  { KEY_SWATCH, N_("generation 0"), RECLAIM_COLOR_GEN0, 0 },
  { KEY_SWATCH, N_("generation 1"), RECLAIM_COLOR_GEN1, 0 },
  { KEY_SWATCH, N_("generation 2"), RECLAIM_COLOR_GEN2, 0 },
  /* TRANSLATORS: legend of a figure: objects the cycle collector does not track */
  { KEY_SWATCH, N_("untracked"), RECLAIM_COLOR_UNTRACKED, 0 },
  { KEY_ARROW, N_("reference"), 0, RECLAIM_ARROW_STRONG },
  { KEY_ARROW, N_("weak reference"), 0, RECLAIM_ARROW_WEAK },
  /* TRANSLATORS: legend: a dashed outline marks objects that are still
   * alive but that nothing reaches, which the next collection frees */
  { KEY_GARBAGE, N_("garbage: no root reaches it"), 0, 0 },
  /* TRANSLATORS: legend of a figure; "rc" is the badge on every card: keep it */
  { KEY_TEXT, N_("rc: reference count"), 0, 0 },
};

#define KEY_ICON_WIDTH  28.0
#define KEY_ICON_GAP     6.0
#define KEY_SPACING     16.0

static double
key_width (ReclaimRenderer *renderer, guint i)
{
  double text = reclaim_renderer_measure_text (_(legend_keys[i].text), RECLAIM_TEXT_ROW, renderer);

  return (legend_keys[i].kind == KEY_TEXT ? 0 : KEY_ICON_WIDTH + KEY_ICON_GAP) + text;
}

static void
draw_key (ReclaimRenderer *renderer, guint i, double x, double cy)
{
  cairo_t *cr = renderer->cr;
  double everywhere[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  ReclaimArrowPath path = { .x0 = x, .y0 = cy, .n_segments = 1 };

  /* text leaves a current point, which a shape would join with a line */
  cairo_new_path (cr);
  switch (legend_keys[i].kind)
    {
    case KEY_SWATCH:
      render_rounded_rectangle (cr, x + 5, cy - 6, 18, 12, 3);
      render_set_color (renderer, cr, legend_keys[i].role);
      cairo_fill_preserve (cr);
      render_set_color (renderer, cr, RECLAIM_COLOR_BORDER);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case KEY_ARROW:
      path.seg[0].x1 = x + 10; path.seg[0].y1 = cy;
      path.seg[0].x2 = x + 18; path.seg[0].y2 = cy;
      path.seg[0].x3 = x + KEY_ICON_WIDTH; path.seg[0].y3 = cy;
      render_append_arrow (cr, &path, everywhere, FALSE);
      render_stroke_arrow (renderer, cr, legend_keys[i].arrow, RECLAIM_DETAIL_FULL, ARROW_WIDTH,
                           render_arrow_role (legend_keys[i].arrow));
      render_append_head (cr, &path);
      cairo_fill (cr);
      break;
    case KEY_GARBAGE:
      render_rounded_rectangle (cr, x + 3, cy - 7, 22, 14, 3);
      render_set_color (renderer, cr, RECLAIM_COLOR_CARD);
      cairo_fill (cr);
      render_garbage_outline (renderer, cr, x + 4, cy - 6, 20, 12);
      break;
    case KEY_TEXT:
      render_show_text (renderer, _(legend_keys[i].text), RECLAIM_TEXT_ROW, x, cy, RECLAIM_COLOR_MUTED);
      return;
    }
  render_show_text (renderer, _(legend_keys[i].text), RECLAIM_TEXT_ROW, x + KEY_ICON_WIDTH + KEY_ICON_GAP, cy,
                    RECLAIM_COLOR_MUTED);
}

/* Lays the keys out in lines no wider than max_width, from (x, y), each
 * line line_height tall; draws them when draw.  Returns the widest line's
 * width and the lines' height. */
static void
flow_legend (ReclaimRenderer *renderer, double x, double y, double max_width, double line_height,
             gboolean draw, double *width, double *height)
{
  double line_x = 0, widest = 0;
  guint lines = 1;

  for (guint i = 0; i < G_N_ELEMENTS (legend_keys); i++)
    {
      double w = key_width (renderer, i);
      if (line_x > 0 && line_x + w > max_width)
        {
          lines++;
          line_x = 0;
        }
      if (draw)
        draw_key (renderer, i, x + line_x, y + (lines - 1) * line_height + line_height / 2);
      widest = MAX (widest, line_x + w);
      line_x += w + KEY_SPACING;
    }
  *width = widest;
  *height = lines * line_height;
}

static double
legend_width (ReclaimRenderer *renderer)
{
  double width, height;

  flow_legend (renderer, 0, 0, G_MAXDOUBLE, LEGEND_HEIGHT, FALSE, &width, &height);
  return width;
}

void
reclaim_renderer_legend_size (ReclaimRenderer *renderer, double max_width, double *width, double *height)
{
  flow_legend (renderer, 0, 0, max_width, LEGEND_LINE_HEIGHT, FALSE, width, height);
}

void
reclaim_renderer_draw_legend (ReclaimRenderer *renderer, cairo_t *cr, double x, double y, double max_width)
{
  double width, height;

  render_begin_text (renderer, cr);
  flow_legend (renderer, x, y, max_width, LEGEND_LINE_HEIGHT, TRUE, &width, &height);
  render_end_text (renderer);
}

/* The caption and the legend grow with a scale asked for (a picture for a
 * screen of twice the density), but never shrink below legible. */
static double
chrome_scale (const ReclaimFigure *figure)
{
  return figure->scale > 0 ? CLAMP (figure->scale, 1, 4) : 1;
}

/* The largest scale at which a scene and bands of `bands` fit in a
 * square of side `side`. */
static double
scale_to_fit (const ReclaimScene *scene, double bands, double side)
{
  return MIN (side / scene->width, (side - bands) / scene->height);
}

/* The scale of a picture nobody asked a size of (see reclaim-render.h). */
static double
natural_scale (const ReclaimScene *scene, const ReclaimFigure *figure, double bands)
{
  if (!figure->bitmap)
    return MIN (1, scale_to_fit (scene, bands, RECLAIM_FIGURE_NATURAL_MAX));
  double screen = scale_to_fit (scene, bands, RECLAIM_FIGURE_SCREEN_MAX);
  if (screen >= 1)
    return 1;
  if (scale_to_fit (scene, bands, RECLAIM_FIGURE_NATURAL_MAX) >= RECLAIM_FIGURE_READABLE_SCALE)
    return MAX (screen, RECLAIM_FIGURE_READABLE_SCALE);
  return screen;
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
      if (fit < G_MAXDOUBLE)
        /* a size too large for an image is scaled down to fit */
        s = MIN (MIN (fit, FIGURE_MAX_FIT), scale_to_fit (scene, bands, RECLAIM_FIGURE_MAX_SIZE));
      else
        s = natural_scale (scene, figure, bands);
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
  render_set_color (renderer, cr, RECLAIM_COLOR_BACKGROUND);
  cairo_paint (cr);
  cairo_translate (cr, 0, top);
  reclaim_renderer_draw_decorated (renderer, cr, scene, &viewport, figure->decorations);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_scale (cr, chrome, chrome);
  render_begin_text (renderer, cr);
  if (figure->caption)
    {
      render_show_text (renderer, figure->caption, RECLAIM_TEXT_TITLE, 16, CAPTION_HEIGHT / 2.0 + 4, RECLAIM_COLOR_TEXT);
      render_set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
      cairo_rectangle (cr, 0, CAPTION_HEIGHT - 1, width / chrome, 1);
      cairo_fill (cr);
    }
  if (figure->legend)
    {
      double legend_top = (height - bottom) / chrome;
      render_set_color (renderer, cr, RECLAIM_COLOR_SEPARATOR);
      cairo_rectangle (cr, 0, legend_top, width / chrome, 1);
      cairo_fill (cr);
      double legend_w, legend_h;
      flow_legend (renderer, 16, legend_top, G_MAXDOUBLE, LEGEND_HEIGHT, TRUE, &legend_w, &legend_h);
    }
  render_end_text (renderer);
  cairo_restore (cr);
}

/* ---- figures as files ------------------------------------------------------ */

gboolean
reclaim_figure_format_for_name (const char *name, ReclaimFigureFormat *format)
{
  static const struct { const char *extension; ReclaimFigureFormat format; } extensions[] = {
    { ".png", RECLAIM_FIGURE_PNG },
    { ".svg", RECLAIM_FIGURE_SVG },
    { ".pdf", RECLAIM_FIGURE_PDF },
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension))
      {
        *format = extensions[i].format;
        return TRUE;
      }
  return FALSE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (ReclaimFigureFormat format, GByteArray *bytes, int width, int height)
{
  switch (format)
    {
    case RECLAIM_FIGURE_SVG:
      return cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
    case RECLAIM_FIGURE_PDF:
      return cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
    case RECLAIM_FIGURE_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
}

GBytes *
reclaim_renderer_figure_bytes (ReclaimRenderer *renderer, const ReclaimScene *scene,
                               const ReclaimFigure *figure, ReclaimFigureFormat format, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  ReclaimFigure sized = *figure;
  int width, height;
  double scale;

  sized.bitmap = format == RECLAIM_FIGURE_PNG;
  figure = &sized;
  reclaim_renderer_figure_size (renderer, scene, figure, &width, &height, &scale);
  cairo_surface_t *surface = create_surface (format, bytes, width, height);
  cairo_t *cr = cairo_create (surface);
  reclaim_renderer_draw_figure (renderer, cr, scene, figure);
  cairo_destroy (cr);

  cairo_status_t status;
  if (format == RECLAIM_FIGURE_PNG)
    status = figure_write_png (surface, bytes) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY;
  else
    {
      /* a vector surface writes its last bytes when it is finished */
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_FILE_ERROR,
                           status == CAIRO_STATUS_NO_MEMORY ? G_FILE_ERROR_NOMEM : G_FILE_ERROR_FAILED,
                           cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
