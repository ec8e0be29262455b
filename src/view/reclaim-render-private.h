/* reclaim-render-private.h: what the renderer's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "reclaim-render.h"

G_BEGIN_DECLS

#define FONT_FAMILY        "Sans"
#define CARD_RADIUS        6.0
#define BADGE_RADIUS       8.0
#define ARROW_WIDTH        1.5
#define ARROW_HEAD_LENGTH  9.0
#define ARROW_HEAD_WIDTH   4.5
#define SIMPLE_BELOW       0.45   /* scale under which text is unreadable */
#define TINY_BELOW         0.15
#define CAPTION_HEIGHT     40
#define LEGEND_HEIGHT      34     /* a figure's legend band */
#define LEGEND_LINE_HEIGHT 24     /* a line of the window's legend box */
#define FIGURE_MAX_FIT     1.5

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
  double                ellipsis_width[N_STYLES];  /* "…", which shortened names start with */
  /* while drawing */
  cairo_t              *cr;
  PangoLayout          *layout[N_STYLES];
  double                alpha;     /* faded cards */
  double                opacity;   /* a card's look: multiplies alpha */
  double                tint;      /* how much of a colour is kept, the rest being background */
};

/* One call of reclaim_renderer_draw(). */
typedef struct {
  ReclaimRenderer          *renderer;
  cairo_t                  *cr;
  const ReclaimScene       *scene;
  const ReclaimDecorations *deco;
  ReclaimDetail             detail;
  double                    visible[4];   /* x0, y0, x1, y1 in scene units */
  double                    line_width;
  double                    scale;
} Pass;

/* How much of its colour something not highlighted keeps. */
#define DIMMED 0.3


gboolean render_overlaps        (double x0, double y0, double x1, double y1, const double visible[4]);
void     render_begin_text      (ReclaimRenderer *renderer, cairo_t *cr);
void     render_end_text        (ReclaimRenderer *renderer);
void     render_set_color       (ReclaimRenderer *renderer, cairo_t *cr, ReclaimColorRole role);
/* Text with its left end at x, centred vertically on y. */
void     render_show_text       (ReclaimRenderer *renderer, const char *text, ReclaimTextStyle style,
                                 double x, double y, ReclaimColorRole role);
void     render_rounded_rectangle (cairo_t *cr, double x, double y, double w, double h, double r);
/* The dashed outline of a card no root reaches, round (x, y, w, h). */
void     render_garbage_outline (ReclaimRenderer *renderer, cairo_t *cr, double x, double y, double w,
                                 double h);
/* A card as the scene says, its reference count badge swollen by pulse. */
void     render_card            (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimCard *card,
                                 ReclaimDetail detail, double pulse);
void     render_append_arrow    (cairo_t *cr, const ReclaimArrowPath *path, const double visible[4],
                                 gboolean straight);
void     render_append_head     (cairo_t *cr, const ReclaimArrowPath *path);
ReclaimColorRole render_arrow_role (ReclaimArrowKind kind);
void     render_stroke_arrow    (ReclaimRenderer *renderer, cairo_t *cr, ReclaimArrowKind kind,
                                 ReclaimDetail detail, double line_width, ReclaimColorRole role);
/* An arrow and its head, cut short by retract. */
void     render_arrow           (const Pass *pass, const ReclaimArrowPath *full, ReclaimArrowKind kind,
                                 double retract, ReclaimColorRole role, double line_width);

/* reclaim-render-decorations.c */
const ReclaimCardLook *render_card_look (const Pass *pass, guint c);
/* Whether card c is drawn on its own, after the batches. */
gboolean render_card_special    (const Pass *pass, guint c);
void     render_special_card    (const Pass *pass, guint c);
void     render_ghosts          (const Pass *pass);
void     render_drag            (const Pass *pass);

/* Appends an opaque image surface to bytes as a PNG (reclaim-figure-png.c);
 * FALSE when memory ran out. */
gboolean figure_write_png       (cairo_surface_t *surface, GByteArray *bytes);

G_END_DECLS
