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

static const struct { const char *text; ReclaimColorRole role; } legend_swatches[] = {
  /* TRANSLATORS: legend of a figure: the colours of the collector's generations */
  { N_("generation 0"), RECLAIM_COLOR_GEN0 },
  { N_("generation 1"), RECLAIM_COLOR_GEN1 },
  { N_("generation 2"), RECLAIM_COLOR_GEN2 },
  /* TRANSLATORS: legend of a figure: objects the cycle collector does not track */
  { N_("untracked"), RECLAIM_COLOR_UNTRACKED },
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
          render_rounded_rectangle (cr, x, cy - 6, 18, 12, 3);
          render_set_color (renderer, cr, legend_swatches[i].role);
          cairo_fill_preserve (cr);
          render_set_color (renderer, cr, RECLAIM_COLOR_BORDER);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          render_show_text (renderer, _(legend_swatches[i].text), RECLAIM_TEXT_ROW, x + 24, cy, RECLAIM_COLOR_MUTED);
        }
      x += 24 + reclaim_renderer_measure_text (_(legend_swatches[i].text), RECLAIM_TEXT_ROW, renderer) + 16;
    }
  for (guint weak = 0; weak < 2; weak++)
    {
      const char *text = weak ? _("weak reference") : _("reference");
      if (draw)
        {
          ReclaimArrowKind kind = weak ? RECLAIM_ARROW_WEAK : RECLAIM_ARROW_STRONG;
          ReclaimArrowPath path = { .x0 = x, .y0 = cy, .n_segments = 1 };
          double everywhere[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
          path.seg[0].x1 = x + 10; path.seg[0].y1 = cy;
          path.seg[0].x2 = x + 18; path.seg[0].y2 = cy;
          path.seg[0].x3 = x + 28; path.seg[0].y3 = cy;
          render_append_arrow (cr, &path, everywhere, FALSE);
          render_stroke_arrow (renderer, cr, kind, RECLAIM_DETAIL_FULL, ARROW_WIDTH, render_arrow_role (kind));
          render_append_head (cr, &path);
          cairo_fill (cr);
          render_show_text (renderer, text, RECLAIM_TEXT_ROW, x + 34, cy, RECLAIM_COLOR_MUTED);
        }
      x += 34 + reclaim_renderer_measure_text (text, RECLAIM_TEXT_ROW, renderer) + 16;
    }
  /* TRANSLATORS: legend of a figure; "rc" is the badge on every card: keep it */
  const char *rc = _("rc: reference count");
  if (draw)
    render_show_text (renderer, rc, RECLAIM_TEXT_ROW, x, cy, RECLAIM_COLOR_MUTED);
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
      draw_legend (renderer, 16, legend_top, TRUE);
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
  int width, height;
  double scale;

  reclaim_renderer_figure_size (renderer, scene, figure, &width, &height, &scale);
  cairo_surface_t *surface = create_surface (format, bytes, width, height);
  cairo_t *cr = cairo_create (surface);
  reclaim_renderer_draw_figure (renderer, cr, scene, figure);
  cairo_destroy (cr);

  cairo_status_t status;
  if (format == RECLAIM_FIGURE_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
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
