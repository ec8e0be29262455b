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
/* The height of a text style's font, in scene units: at scale s it is
 * s times that many device pixels. */
double        reclaim_renderer_text_size    (ReclaimTextStyle style);

/* reclaim_layout_scene() with the renderer's text widths. */
void          reclaim_renderer_layout       (ReclaimRenderer *renderer,
                                             ReclaimScene    *scene);
/* The layout options reclaim_renderer_layout() uses. */
void          reclaim_renderer_layout_options (ReclaimRenderer      *renderer,
                                               ReclaimLayoutOptions *options);

/* Paints the viewport's area: background, cards, arrows. */
void          reclaim_renderer_draw         (ReclaimRenderer       *renderer,
                                             cairo_t               *cr,
                                             const ReclaimScene    *scene,
                                             const ReclaimViewport *viewport);

/* What the canvas draws over a plain scene.  All zeros is a plain card or
 * arrow, so that arrays from g_new0() need filling only where something
 * happens.  Animated moves move the cards themselves (the canvas owns its
 * scene), so that the arrows follow them. */
typedef struct {
  double   fade;         /* 0: as the scene says .. 1: invisible */
  double   shrink;       /* 0: its size .. 1: nothing, about its centre */
  double   pulse;        /* 0..1: the reference count badge swells and glows */
  double   flash;        /* 0..1: a bright wash over the card (just freed) */
  gboolean highlighted;  /* part of the path or cycle shown */
} ReclaimCardLook;

typedef struct {
  double   retract;      /* 0: whole .. 1: gone; the part kept is the start */
  gboolean highlighted;
} ReclaimArrowLook;

/* An arrow no longer in the scene, drawn retracting: the references of a
 * freed object, a weak reference just cleared. */
typedef struct {
  ReclaimArrowPath path;
  ReclaimArrowKind kind;
  double           retract;
} ReclaimGhostArrow;

typedef struct {
  guint   selected_card;    /* card index, or G_MAXUINT */
  guint   selected_row;     /* index in scene->rows, or G_MAXUINT */
  guint   selected_arrow;   /* index in scene->arrows, or G_MAXUINT */
  guint   handle_card;      /* the card showing its new-reference handle, or G_MAXUINT */
  /* scene->cards->len and scene->arrows->len of them, or NULL */
  const ReclaimCardLook  *cards;
  const ReclaimArrowLook *arrows;
  /* Something is highlighted: what is not is dimmed. */
  gboolean highlighting;
  const ReclaimGhostArrow *ghosts;
  guint   n_ghosts;
  /* A reference being dragged out, in scene units. */
  gboolean dragging;
  gboolean drag_weak;
  double  drag_x0, drag_y0, drag_x1, drag_y1;
} ReclaimDecorations;

/* Nothing selected, highlighted or animated. */
void          reclaim_decorations_init      (ReclaimDecorations *decorations);

/* reclaim_renderer_draw() with decorations (NULL: none). */
void          reclaim_renderer_draw_decorated (ReclaimRenderer          *renderer,
                                               cairo_t                  *cr,
                                               const ReclaimScene       *scene,
                                               const ReclaimViewport    *viewport,
                                               const ReclaimDecorations *decorations);

/* A whole figure, as reclaim-cli render writes it: a caption band on top,
 * the scene, a legend band below. */
typedef struct {
  int         width, height;  /* device units; 0: from the scene and the scale */
  double      scale;          /* 0: 1, or the fit when width or height is given */
  const char *caption;        /* NULL: no caption band */
  gboolean    legend;
  const ReclaimDecorations *decorations;  /* NULL: a plain scene */
  /* A bitmap (reclaim_renderer_figure_bytes() sets it for PNG): its
   * natural size is one a screen shows, RECLAIM_FIGURE_SCREEN_MAX. */
  gboolean    bitmap;
} ReclaimFigure;

/* The largest side of a picture; and of one drawn at its natural size
 * (no width, height or scale asked for): a big scene is scaled down to a
 * picture a reader can open and scroll, rather than one of 8192 pixels
 * that takes seconds to write and to open.
 *
 * A bitmap's natural size is smaller, as a reader sees it on a screen or
 * in a document: scale 1 while it fits in RECLAIM_FIGURE_SCREEN_MAX
 * pixels a side; a larger scene is scaled down to fit, but not below
 * RECLAIM_FIGURE_READABLE_SCALE (labels still read) while that fits in
 * RECLAIM_FIGURE_NATURAL_MAX; a scene too large for that is an overview
 * of screen size, its labels too small at any size a screen holds.
 * SVG and PDF keep every label whatever their size. */
#define RECLAIM_FIGURE_MAX_SIZE     8192
#define RECLAIM_FIGURE_NATURAL_MAX  4096
#define RECLAIM_FIGURE_SCREEN_MAX   2048
#define RECLAIM_FIGURE_READABLE_SCALE 0.5

/* The legend figures show below the scene, and the window over it: what
 * the header tints, the arrows and the outlines mean.  Lines of keys no
 * wider than max_width (scene units at scale 1).  Text drawn with
 * reclaim_renderer_draw_legend() is in the cairo_t's units. */
void          reclaim_renderer_legend_size  (ReclaimRenderer *renderer,
                                             double           max_width,
                                             double          *width,
                                             double          *height);
void          reclaim_renderer_draw_legend  (ReclaimRenderer *renderer,
                                             cairo_t         *cr,
                                             double           x,
                                             double           y,
                                             double           max_width);

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

/* The file formats a figure is written in. */
typedef enum {
  RECLAIM_FIGURE_PNG,
  RECLAIM_FIGURE_SVG,
  RECLAIM_FIGURE_PDF,
} ReclaimFigureFormat;

/* The format a file name's extension says (any case); FALSE for none. */
gboolean      reclaim_figure_format_for_name (const char          *name,
                                              ReclaimFigureFormat *format);
/* The figure as the bytes of a file of that format (PNG: a bitmap,
 * whatever figure->bitmap says); NULL with error when cairo fails (out of
 * memory). */
GBytes       *reclaim_renderer_figure_bytes  (ReclaimRenderer     *renderer,
                                              const ReclaimScene  *scene,
                                              const ReclaimFigure *figure,
                                              ReclaimFigureFormat  format,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimRenderer, reclaim_renderer_free)

G_END_DECLS
