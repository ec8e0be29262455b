/* reclaim-window-run.c: scripts run while the window goes on.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's session runs each script on a worker thread
 * (reclaim_session_set_run_in_background), so that the window keeps
 * drawing and taking keys whatever the script does.  Most runs are over
 * in a few milliseconds and show nothing; one that takes longer shows a
 * spinner and Stop under the canvas, which shows the last run dimmed
 * meanwhile.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>

/* Runs shorter than this show no progress: it would only flicker. */
#define PROGRESS_DELAY_MS 300

void
reclaim_window_update_dimming (ReclaimWindow *self)
{
  gboolean dim = reclaim_session_is_stale (self->session) || gtk_widget_get_visible (self->running_box);

  gtk_widget_set_opacity (GTK_WIDGET (self->canvas), dim ? 0.4 : 1.0);
}

static void
show_progress (ReclaimWindow *self, gboolean show)
{
  gtk_label_set_text (self->running_label, _("Running…"));
  gtk_widget_set_visible (self->running_box, show);
  gtk_spinner_set_spinning (self->running_spinner, show);
  reclaim_window_update_dimming (self);
}

static gboolean
progress_delay_over (gpointer user_data)
{
  ReclaimWindow *self = user_data;

  self->progress_timeout = 0;
  show_progress (self, TRUE);
  /* the run's own caption replaces this one when it is back */
  gtk_label_set_text (self->caption_label, _("The script is still running; the canvas shows it once it ends."));
  return G_SOURCE_REMOVE;
}

static void
running_changed (ReclaimSession *session, GParamSpec *pspec, ReclaimWindow *self)
{
  gboolean running = reclaim_session_is_running (session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", running);
  if (running && self->progress_timeout == 0 && !gtk_widget_get_visible (self->running_box))
    self->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, progress_delay_over, self);
  else if (!running)
    {
      g_clear_handle_id (&self->progress_timeout, g_source_remove);
      show_progress (self, FALSE);
    }
}

static void
stop_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  reclaim_session_stop (self->session);
  /* until the worker hands the stopped run back */
  gtk_label_set_text (self->running_label, _("Stopping…"));
  gtk_widget_action_set_enabled (widget, "win.stop", FALSE);
}

void
reclaim_window_class_init_run (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.stop", NULL, stop_activated);
}

void
reclaim_window_init_run (ReclaimWindow *self)
{
  reclaim_session_set_run_in_background (self->session, TRUE);
  g_signal_connect (self->session, "notify::running", G_CALLBACK (running_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", FALSE);
}

void
reclaim_window_dispose_run (ReclaimWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  if (self->session != NULL)
  reclaim_session_stop (self->session);
}
