/* reclaim-timeline-view.h: every event of the script along a strip.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reclaim-session.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_TIMELINE_VIEW (reclaim_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimTimelineView, reclaim_timeline_view, RECLAIM, TIMELINE_VIEW, GtkWidget)

GtkWidget *reclaim_timeline_view_new         (void);
void       reclaim_timeline_view_set_session (ReclaimTimelineView *self,
                                              ReclaimSession      *session);
/* The event position at x (widget coordinates). */
guint64    reclaim_timeline_view_position_at (ReclaimTimelineView *self,
                                              double               x);

G_END_DECLS
