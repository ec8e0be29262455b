/* reclaim-theme.h: the colours pictures are drawn in.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public so that tests can check a picture's pixels, and the window can
 * match its own colours to the canvas.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECLAIM_THEME_LIGHT,
  RECLAIM_THEME_DARK,
} ReclaimTheme;

typedef enum {
  RECLAIM_COLOR_BACKGROUND,
  RECLAIM_COLOR_CARD,
  RECLAIM_COLOR_BORDER,
  RECLAIM_COLOR_SHADOW,
  RECLAIM_COLOR_TEXT,
  RECLAIM_COLOR_MUTED,
  RECLAIM_COLOR_SEPARATOR,
  RECLAIM_COLOR_ARROW,
  RECLAIM_COLOR_WEAK_ARROW,
  RECLAIM_COLOR_GEN0,           /* header tints by generation */
  RECLAIM_COLOR_GEN1,
  RECLAIM_COLOR_GEN2,
  RECLAIM_COLOR_PERMANENT,
  RECLAIM_COLOR_UNTRACKED,
  RECLAIM_COLOR_FRAME_BODY,
  RECLAIM_COLOR_FRAME_HEADER,
  RECLAIM_COLOR_FRAME_BORDER,
  RECLAIM_COLOR_UNREACHABLE,    /* outline during a collection */
  RECLAIM_COLOR_COLLECTING,
  RECLAIM_COLOR_RC_BADGE,
  RECLAIM_COLOR_RC_BADGE_TEXT,
  RECLAIM_COLOR_GC_BADGE,
  RECLAIM_COLOR_GC_BADGE_TEXT,
  RECLAIM_COLOR_DEL_BADGE,
  RECLAIM_COLOR_DEL_BADGE_TEXT,
  RECLAIM_COLOR_WEAK_BADGE,
  RECLAIM_COLOR_WEAK_BADGE_TEXT,
  RECLAIM_COLOR_SELECTION,      /* the selected card, row or arrow */
  RECLAIM_COLOR_HIGHLIGHT,      /* a path or cycle asked for ("why is this alive?") */
  RECLAIM_COLOR_MOVED_BACK,     /* outline: found reachable again by the collection */
  RECLAIM_COLOR_RESURRECTED,    /* outline: brought back to life by its __del__ */
  RECLAIM_COLOR_FLASH,          /* the wash over a card just freed */
  RECLAIM_COLOR_GARBAGE,        /* dashed outline: no root reaches it */
  RECLAIM_N_COLORS
} ReclaimColorRole;

typedef struct {
  double red, green, blue, alpha;
} ReclaimColor;

ReclaimColor  reclaim_theme_color (ReclaimTheme theme, ReclaimColorRole role);
/* The header tint of a card of that generation (-1: untracked). */
ReclaimColorRole reclaim_theme_generation_role (int generation);

G_END_DECLS
