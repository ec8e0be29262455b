/* reclaim-appearance.h: light or dark, and the script's font size.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows the "color-scheme" and "script-font-size" settings.  Following
 * the system means the desktop's colour-scheme preference, read through
 * the settings portal (org.freedesktop.appearance color-scheme) and
 * watched for changes; without a portal, GTK's own dark-theme setting as
 * the desktop left it.  The result is applied to GtkSettings'
 * gtk-application-prefer-dark-theme, which the windows follow.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ReclaimAppearance ReclaimAppearance;

/* settings may be NULL: then the system's preference alone counts. */
ReclaimAppearance *reclaim_appearance_new      (GSettings         *settings);
void               reclaim_appearance_free     (ReclaimAppearance *self);
gboolean           reclaim_appearance_is_dark  (ReclaimAppearance *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimAppearance, reclaim_appearance_free)

G_END_DECLS
