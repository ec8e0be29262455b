/* reclaim-preferences.h: the preferences window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RECLAIM_TYPE_PREFERENCES (reclaim_preferences_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimPreferences, reclaim_preferences, RECLAIM, PREFERENCES, GtkWindow)

/* Every control is bound to settings: a change applies at once. */
GtkWidget *reclaim_preferences_new (GSettings *settings,
                                    GtkWindow *parent);

G_END_DECLS
