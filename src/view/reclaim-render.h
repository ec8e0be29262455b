/* reclaim-render.h: draw a scene with cairo and Pango.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer draws a laid-out scene onto any cairo_t: the canvas of the
 * window and the headless PNG, SVG and PDF figures use the same code.  It
 * draws only what a viewport shows (culling), and simpler shapes when
 * zoomed far out (level of detail).  It also measures text for the layout,
 * so call reclaim_renderer_layout() rather than reclaim_layout_scene() for
 * a scene it will draw.
 *
 * A renderer holds Pango state; use each from one thread.
 */
#pragma once

#include <cairo.h>

#include "reclaim-layout.h"
#include "reclaim-scene.h"
#include "reclaim-theme.h"

G_BEGIN_DECLS

typedef enum {
  RECLAIM_DETAIL_FULL,     /* text, badges, arrowheads */
  RECLAIM_DETAIL_SIMPLE,   /* shapes and arrows, no text */
  RECLAIM_DETAIL_TINY,     /* blocks and straight lines */
} ReclaimDetail;

ReclaimDetail reclaim_detail_for_scale (double scale);

/* What part of the scene an area of the cairo_t shows.  The area is at the
 * cairo_t's origin (translate first to draw elsewhere). */
typedef struct {
  double x, y;            /* the scene point at the area's top-left corner */
  double scale;           /* device units per scene unit */
  double width, height;   /* the area, in device units */
} ReclaimViewport;

/* A viewport of width x height showing the whole scene, centred, at most
 * max_scale. */
void          reclaim_viewport_fit (ReclaimViewport    *viewport,
                                    const ReclaimScene *scene,
                                    double              width,
                                    double              height,
                                    double              max_scale);

typedef struct _ReclaimRenderer ReclaimRenderer;

ReclaimRenderer *reclaim_renderer_new       (ReclaimTheme theme);
void          reclaim_renderer_free         (ReclaimRenderer *renderer);
void          reclaim_renderer_set_theme    (ReclaimRenderer *renderer,
                                             ReclaimTheme     theme);
ReclaimTheme  reclaim_renderer_get_theme    (ReclaimRenderer *renderer);

/* A ReclaimMeasureFunc: user_data is the renderer. */
double        reclaim_renderer_measure_text (const char       *text,
                                             ReclaimTextStyle  style,
                                             gpointer          renderer);
/* reclaim_layout_scene() with the renderer's text widths. */
void          reclaim_renderer_layout       (ReclaimRenderer *renderer,
                                             ReclaimScene    *scene);

/* Paints the viewport's area: background, cards, arrows. */
void          reclaim_renderer_draw         (ReclaimRenderer       *renderer,
                                             cairo_t               *cr,
                                             const ReclaimScene    *scene,
                                             const ReclaimViewport *viewport);

/* A whole figure, as reclaim-cli render writes it: a caption band on top,
 * the scene, a legend band below. */
typedef struct {
  int         width, height;  /* device units; 0: from the scene and the scale */
  double      scale;          /* 0: 1, or the fit when width or height is given */
  const char *caption;        /* NULL: no caption band */
  gboolean    legend;
} ReclaimFigure;

#define RECLAIM_FIGURE_MAX_SIZE 8192

/* The size the figure takes, and the scale the scene is drawn at. */
void          reclaim_renderer_figure_size  (ReclaimRenderer     *renderer,
                                             const ReclaimScene  *scene,
                                             const ReclaimFigure *figure,
                                             int                 *width,
                                             int                 *height,
                                             double              *scale);
void          reclaim_renderer_draw_figure  (ReclaimRenderer     *renderer,
                                             cairo_t             *cr,
                                             const ReclaimScene  *scene,
                                             const ReclaimFigure *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimRenderer, reclaim_renderer_free)

G_END_DECLS
