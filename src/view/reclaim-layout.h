/* reclaim-layout.h: where the cards of a scene go, and the arrows' paths.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A layered layout: the frames column on the left, then the objects in
 * columns by their distance (in references) from the frames, objects no
 * frame reaches (cyclic garbage, temporaries) starting their own chains at
 * the first column.  Within a column, cards are ordered by the barycentre
 * of the rows pointing at them, to reduce crossings, and placed as near
 * those rows as the order and the spacing allow.  A drawing taller than
 * max_column_height is cut into bands set side by side.  Everything is
 * deterministic: the same scene gives the same positions.
 *
 * The layout owns the geometry of a card (header, rows, badges) so that
 * the renderer and hit tests agree with it; text widths come from a
 * measuring function (the renderer's) or a fixed estimate.
 */
#pragma once

#include "reclaim-scene.h"

G_BEGIN_DECLS

/* Geometry of a card, in scene units. */
#define RECLAIM_LAYOUT_HEADER_HEIGHT  28.0
#define RECLAIM_LAYOUT_ROW_HEIGHT     22.0
#define RECLAIM_LAYOUT_PADDING        10.0
#define RECLAIM_LAYOUT_ROWS_INSET      4.0   /* above the first row and below the last */
#define RECLAIM_LAYOUT_LABEL_GAP      14.0   /* between the label and value columns */
#define RECLAIM_LAYOUT_NAME_GAP        6.0   /* between a card's title and its name */
#define RECLAIM_LAYOUT_POINTER_RADIUS  3.5
#define RECLAIM_LAYOUT_BADGE_HEIGHT   16.0
#define RECLAIM_LAYOUT_BADGE_PADDING   6.0
#define RECLAIM_LAYOUT_BADGE_GAP       4.0
#define RECLAIM_LAYOUT_MIN_WIDTH      96.0
#define RECLAIM_LAYOUT_MARGIN         40.0   /* around the scene */
#define RECLAIM_LAYOUT_HANDLE_RADIUS   6.0   /* the handle new references are dragged from */
#define RECLAIM_LAYOUT_COLUMN_GAP     80.0   /* between columns, by default */
#define RECLAIM_LAYOUT_CARD_GAP       22.0   /* between cards of a column, by default */

typedef enum {
  RECLAIM_TEXT_ROW,      /* labels and values of rows */
  RECLAIM_TEXT_TITLE,    /* a card's header */
  RECLAIM_TEXT_BADGE,    /* the text of a badge */
} ReclaimTextStyle;

/* Width of text in scene units. */
typedef double (*ReclaimMeasureFunc) (const char       *text,
                                      ReclaimTextStyle  style,
                                      gpointer          user_data);

typedef struct {
  ReclaimMeasureFunc measure;        /* NULL: an estimate from the number of characters */
  gpointer           measure_data;
  double             column_gap;     /* 0: RECLAIM_LAYOUT_COLUMN_GAP */
  double             card_gap;       /* 0: RECLAIM_LAYOUT_CARD_GAP */
  double             max_column_height;  /* 0: from the cards' area, at least 3000 */
} ReclaimLayoutOptions;

/* Sets every card's x, y, width, height, label_width and column, and the
 * scene's width and height. */
void      reclaim_layout_scene       (ReclaimScene               *scene,
                                      const ReclaimLayoutOptions *options);
/* Sets every card's width, height and label_width alone: for a scene
 * whose cards get their places elsewhere (reclaim-placement.h). */
void      reclaim_layout_size_cards  (ReclaimScene               *scene,
                                      const ReclaimLayoutOptions *options);

typedef enum {
  RECLAIM_BADGE_REFCOUNT,
  RECLAIM_BADGE_GC_REFS,      /* while the collector looks at it */
  RECLAIM_BADGE_FINALIZER,    /* has __del__ */
  RECLAIM_BADGE_WEAKREFS,     /* weak references point at it */
} ReclaimBadgeKind;

typedef struct {
  ReclaimBadgeKind kind;
  char             text[32];
} ReclaimBadge;

#define RECLAIM_LAYOUT_MAX_BADGES 4

/* The badges of a card's header, right to left (the reference count
 * first).  Returns how many. */
guint     reclaim_layout_card_badges (const ReclaimCard *card,
                                      ReclaimBadge       badges[RECLAIM_LAYOUT_MAX_BADGES]);

/* The top of row i (0: the card's first row) of card. */
double    reclaim_layout_row_top     (const ReclaimCard *card, guint i);

/* An arrow's path: from the pointer dot of its row, cubic segments to the
 * target card's edge, where the head points along the last segment. */
#define RECLAIM_ARROW_MAX_SEGMENTS 12
typedef struct {
  double x0, y0;
  guint  n_segments;
  struct { double x1, y1, x2, y2, x3, y3; } seg[RECLAIM_ARROW_MAX_SEGMENTS];
} ReclaimArrowPath;

void      reclaim_layout_arrow_path  (const ReclaimScene *scene,
                                      const ReclaimArrow *arrow,
                                      ReclaimArrowPath   *path);
/* Spreads the heads of the arrows arriving at one edge of a card down
 * that edge, in the order of their sources, so that none hides another;
 * an arrow whose own curve would cross another card or its title gets a
 * lane round it, when there is one (in scenes of up to 200 cards).
 * reclaim_layout_scene() calls it; call it again when cards moved. */
void      reclaim_layout_arrange_arrows (ReclaimScene *scene);
/* A rectangle holding the whole path (control points included). */
void      reclaim_arrow_path_bounds  (const ReclaimArrowPath *path,
                                      double *x0, double *y0,
                                      double *x1, double *y1);
/* The end of the path, and the unit direction the head points in. */
void      reclaim_arrow_path_end     (const ReclaimArrowPath *path,
                                      double *x, double *y,
                                      double *dx, double *dy);

/* The first `fraction` (0..1) of the path, by length: a retracting
 * arrow.  The result ends where the part drawn ends. */
void      reclaim_arrow_path_trim    (const ReclaimArrowPath *path,
                                      double                  fraction,
                                      ReclaimArrowPath       *trimmed);
/* The distance from (x, y) to the path (its curves flattened finely). */
double    reclaim_arrow_path_distance (const ReclaimArrowPath *path,
                                       double                  x,
                                       double                  y);

/* The card at scene point (x, y), topmost first, or -1. */
gint      reclaim_layout_card_at     (const ReclaimScene *scene,
                                      double              x,
                                      double              y);
/* The row of card `card` (a card index) under (x, y): an index in
 * scene->rows, or -1 (the header, the padding, or outside). */
gint      reclaim_layout_row_at      (const ReclaimScene *scene,
                                      guint               card,
                                      double              x,
                                      double              y);
/* The nearest arrow whose path passes within tolerance (scene units) of
 * (x, y): an index in scene->arrows, or -1. */
gint      reclaim_layout_arrow_at    (const ReclaimScene *scene,
                                      double              x,
                                      double              y,
                                      double              tolerance);
/* The centre of the pointer dot of row i (0: the card's first row). */
void      reclaim_layout_pointer_dot (const ReclaimCard *card,
                                      guint              i,
                                      double            *x,
                                      double            *y);
/* The centre of the handle a new reference is dragged from: the card's
 * bottom right corner, where no arrow ends. */
void      reclaim_layout_card_handle (const ReclaimCard *card,
                                      double            *x,
                                      double            *y);

G_END_DECLS
