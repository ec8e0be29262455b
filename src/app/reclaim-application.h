/* reclaim-application.h: the application: windows, files given to it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RECLAIM_TYPE_APPLICATION (reclaim_application_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimApplication, reclaim_application, RECLAIM, APPLICATION, GtkApplication)

ReclaimApplication *reclaim_application_new (void);

/* The app's settings, or NULL when its schema is not installed (then
 * nothing is remembered, and nothing fails). */
GSettings          *reclaim_application_get_settings (ReclaimApplication *self);
/* TRUE the first time only: the first window offers back the unsaved text
 * a Reclaim that crashed or was killed left (reclaim-drafts.h). */
gboolean            reclaim_application_take_drafts_offer (ReclaimApplication *self);

G_END_DECLS
