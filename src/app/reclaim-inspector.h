/* reclaim-inspector.h: everything about the selected object.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signals:
 *   "highlight" (const ReclaimId *ids, guint n)  objects to emphasise on
 *               the canvas (a path from a root, a cycle, what a deletion
 *               frees); n = 0 clears
 *   "select"    (guint id)  the user picked another object
 */
#pragma once

#include <gtk/gtk.h>

#include "reclaim-session.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_INSPECTOR (reclaim_inspector_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimInspector, reclaim_inspector, RECLAIM, INSPECTOR, GtkBox)

GtkWidget *reclaim_inspector_new          (void);
void       reclaim_inspector_set_session  (ReclaimInspector *self,
                                           ReclaimSession   *session);
void       reclaim_inspector_set_selected (ReclaimInspector *self,
                                           ReclaimId         obj);

G_END_DECLS
