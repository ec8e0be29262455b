/* reclaim-window.h: a window on one script.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reclaim-application.h"
#include "reclaim-session.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_WINDOW (reclaim_window_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimWindow, reclaim_window, RECLAIM, WINDOW, GtkApplicationWindow)

ReclaimWindow  *reclaim_window_new          (ReclaimApplication *app);
/* Shows the built-in example (not tied to a file: saving asks where). */
void            reclaim_window_open_example (ReclaimWindow *self);
/* Loads a script; a file that cannot be read leaves the window as it was
 * and says why in the window's banner. */
void            reclaim_window_open_file    (ReclaimWindow *self,
                                             GFile         *file);
/* Reads a script and opens it in a new window; a file that cannot be
 * read or is no text opens no window, and the message says why. */
void            reclaim_window_open_in_new_window (ReclaimApplication *app,
                                                   GFile              *file);
/* Shows the list of lessons in place of the script and canvas. */
void            reclaim_window_show_lessons (ReclaimWindow *self);
/* Opens a lesson at a step (from 0; past the end: its last); FALSE with
 * an error naming the line when the file is no lesson or does not run. */
gboolean        reclaim_window_open_lesson  (ReclaimWindow *self,
                                             const char    *path,
                                             guint          step,
                                             GError       **error);
ReclaimSession *reclaim_window_get_session  (ReclaimWindow *self);
/* Offers back, in a banner, the drafts of unsaved text that a Reclaim
 * that crashed or was killed left (reclaim-drafts.h); the application
 * does it for its first window. */
void            reclaim_window_offer_drafts (ReclaimWindow *self);
/* Whether the script or its card positions differ from the saved file. */
gboolean        reclaim_window_is_modified  (ReclaimWindow *self);

G_END_DECLS
