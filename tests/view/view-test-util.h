/* view-test-util.h: what the view tests share: scripts run into scenes,
 * cards found by title, pixels read back.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "reclaim-interp.h"
#include "reclaim-render.h"
#include "reclaim-timeline.h"

typedef struct {
  ReclaimInterp   *interp;
  ReclaimHeap     *heap;
  ReclaimTimeline *timeline;
} Script;

/* Runs source (it must succeed) and leaves the heap at the script's end. */
void          script_run   (Script *script, const char *source);
void          script_clear (Script *script);
/* The scene at the heap's position; internals: the classes' too. */
ReclaimScene *script_scene (Script *script, gboolean internals);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Script, script_clear)

/* The nth card (from 0) with that title, or NULL. */
ReclaimCard  *card_titled  (const ReclaimScene *scene, const char *title, guint nth);

/* A scene built by hand and laid out: the frame (id 1) with a -> a Node
 * (id 2) -> a Node (id 3), and w -> a weakref (id 4) -> Node 2.  Node 2
 * also gets extra_flags. */
ReclaimScene *known_scene  (ReclaimRenderer *renderer, guint extra_flags);

/* The colour of the pixel at (x, y); the point must be on the surface. */
ReclaimColor  pixel_at     (cairo_surface_t *surface, double x, double y);
/* Fails, saying both colours, unless each channel is within tolerance
 * (of 255) of expected. */
void          assert_pixel (cairo_surface_t *surface, double x, double y,
                            ReclaimColor expected, int tolerance);
