/* reclaim-render-text.c: the renderer's fonts, text and colours.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-render.h"
#include "reclaim-render-private.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

static const struct { double size; PangoWeight weight; } font_styles[N_STYLES] = {
  [RECLAIM_TEXT_ROW] = { 12.0, PANGO_WEIGHT_NORMAL },
  [RECLAIM_TEXT_TITLE] = { 12.5, PANGO_WEIGHT_BOLD },
  [RECLAIM_TEXT_BADGE] = { 10.0, PANGO_WEIGHT_SEMIBOLD },
};

double
reclaim_renderer_text_size (ReclaimTextStyle style)
{
  g_return_val_if_fail (style < N_STYLES, 0);
  return font_styles[style].size;
}

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
  renderer->opacity = 1;
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
      renderer->ellipsis_width[s] = layout_width (layout, "…", -1);
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

  static const char ellipsis[] = "…";

  for (const char *p = text; *p; p++)
    {
      guchar c = *p;
      if (c >= 32 && c < N_ASCII)
        width += renderer->ascii_width[style][c];
      else if (strncmp (p, ellipsis, sizeof ellipsis - 1) == 0)
        {
          width += renderer->ellipsis_width[style];
          p += sizeof ellipsis - 2;
        }
      else
        return ceil (layout_width (renderer->measure_layout[style], text, -1)) + 1;
    }
  return ceil (width) + 1;
}

void
reclaim_renderer_layout_options (ReclaimRenderer *renderer, ReclaimLayoutOptions *options)
{
  *options = (ReclaimLayoutOptions) {
    .measure = reclaim_renderer_measure_text,
    .measure_data = renderer,
  };
}

void
reclaim_renderer_layout (ReclaimRenderer *renderer, ReclaimScene *scene)
{
  ReclaimLayoutOptions options;

  reclaim_renderer_layout_options (renderer, &options);
  reclaim_layout_scene (scene, &options);
}

void
render_begin_text (ReclaimRenderer *renderer, cairo_t *cr)
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

void
render_end_text (ReclaimRenderer *renderer)
{
  for (guint s = 0; s < N_STYLES; s++)
    g_clear_object (&renderer->layout[s]);
  renderer->cr = NULL;
}

void
render_set_color (ReclaimRenderer *renderer, cairo_t *cr, ReclaimColorRole role)
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
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha * renderer->alpha * renderer->opacity);
}

/* Draws text with its left end at x, centred vertically on y. */
void
render_show_text (ReclaimRenderer *renderer, const char *text, ReclaimTextStyle style,
           double x, double y, ReclaimColorRole role)
{
  cairo_t *cr = renderer->cr;

  if (text == NULL || *text == '\0')
    return;
  pango_layout_set_text (renderer->layout[style], text, -1);
  render_set_color (renderer, cr, role);
  cairo_move_to (cr, x, y - renderer->line_height[style] / 2);
  pango_cairo_show_layout (cr, renderer->layout[style]);
  /* the text's start stays the current point: a shape drawn next (a
   * row's pointer dot) would begin with a line from it, a sliver that
   * vector formats show */
  cairo_new_path (cr);
}
