/* reclaim-window-drafts.c: the window's unsaved text, kept on disk.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A moment after each change the window writes its unsaved text to its
 * draft (reclaim-drafts.h), or removes the draft when nothing is unsaved
 * any more; saving, and closing once the user has chosen, remove it too.
 * A Reclaim that crashed or was killed leaves its drafts behind: the first
 * window of the next one offers them back in a banner, newest first, to
 * restore or discard (the way GNOME Text Editor keeps drafts).
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>

#include "reclaim-drafts.h"

/* How soon after a change the draft is written: often enough that little
 * is lost, seldom enough that typing does not write at every key. */
#define DRAFT_DELAY_MS 1000

/* What the user would lose: the text as typed (it runs after a pause), or
 * the session's, which carries the card positions too. */
static char *
unsaved_text (ReclaimWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->script_view));
  GtkTextIter start, end;
  g_autofree char *typed = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_str_equal (typed, reclaim_session_get_source (self->session)))
    return reclaim_session_dup_text (self->session);
  return g_steal_pointer (&typed);
}

static void
keep_draft_now (ReclaimWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;

  if (self->draft_closed)
    return;
  if (!reclaim_window_is_modified (self))
    {
      reclaim_drafts_remove (self->draft_id);
      return;
    }
  text = unsaved_text (self);
  uri = self->file ? g_file_get_uri (self->file) : NULL;
  if (!reclaim_drafts_write (self->draft_id, text, uri, &error))
    g_warning ("unsaved text could not be kept: %s", error->message);
}

static gboolean
draft_delay_over (gpointer user_data)
{
  ReclaimWindow *self = user_data;

  self->draft_timeout = 0;
  keep_draft_now (self);
  return G_SOURCE_REMOVE;
}

/* Not pushed back by further changes: a user typing on and on still has
 * a draft a second after the first key. */
void
reclaim_window_schedule_draft (ReclaimWindow *self)
{
  if (self->draft_timeout == 0 && !self->draft_closed)
    self->draft_timeout = g_timeout_add (DRAFT_DELAY_MS, draft_delay_over, self);
}

void
reclaim_window_forget_draft (ReclaimWindow *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  reclaim_drafts_remove (self->draft_id);
  /* typed while the file was being written */
  if (reclaim_window_is_modified (self))
    reclaim_window_schedule_draft (self);
}

static void
session_changed (ReclaimSession *session, ReclaimWindow *self)
{
  reclaim_window_schedule_draft (self);
}

/* --- Offering drafts back ------------------------------------------------ */

static ReclaimDraft *
first_offer (ReclaimWindow *self)
{
  return self->offered_drafts && self->offered_drafts->len > 0 ? self->offered_drafts->pdata[0] : NULL;
}

static void
set_offer_actions_enabled (ReclaimWindow *self, gboolean enabled)
{
  static const char *const names[] = { "restore-draft", "discard-draft" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), names[i])),
                                 enabled);
}

static char *
describe_offer (const ReclaimDraft *draft)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (draft->written);
  g_autofree char *time = when ? g_date_time_format (when, "%x %H:%M") : g_strdup ("?");
  g_autofree char *name = NULL;

  if (draft->uri == NULL)
    /* TRANSLATORS: %s is a date and time */
    return g_strdup_printf (_("Reclaim closed unexpectedly on %s; the text of a script never saved was kept."),
                            time);
  g_autoptr (GFile) file = g_file_new_for_uri (draft->uri);
  name = g_file_get_basename (file);
  /* TRANSLATORS: the first %s is a date and time, the second a file name */
  return g_strdup_printf (_("Reclaim closed unexpectedly on %s; unsaved changes to %s were kept."), time, name);
}

static void
show_first_offer (ReclaimWindow *self)
{
  ReclaimDraft *draft = first_offer (self);

  set_offer_actions_enabled (self, draft != NULL);
  gtk_revealer_set_reveal_child (self->draft_revealer, draft != NULL);
  if (draft != NULL)
    {
      g_autofree char *text = describe_offer (draft);
      gtk_label_set_text (self->draft_label, text);
    }
}

void
reclaim_window_offer_drafts (ReclaimWindow *self)
{
  g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);
  self->offered_drafts = reclaim_drafts_list ();
  for (guint i = self->offered_drafts->len; i > 0; i--)
    {
      ReclaimDraft *draft = self->offered_drafts->pdata[i - 1];
      if (g_str_equal (draft->id, self->draft_id))
        g_ptr_array_remove_index (self->offered_drafts, i - 1);
    }
  show_first_offer (self);
}

/* The window takes the draft over: its text, its file, and its id, so
 * that the draft stays on disk until this text is saved or discarded. */
static void
restore_first_offer (ReclaimWindow *self)
{
  ReclaimDraft *draft = first_offer (self);

  if (draft == NULL)
    return;
  g_ptr_array_steal_index (self->offered_drafts, 0);
  g_autoptr (GFile) file = draft->uri ? g_file_new_for_uri (draft->uri) : NULL;
  reclaim_window_forget_draft (self);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft->id);
  reclaim_window_load_text (self, draft->text, file);
  self->untitled = file == NULL;
  /* unsaved until saved: whatever the file holds is not this text */
  g_clear_pointer (&self->saved_text, g_free);
  reclaim_window_update_title (self);
  reclaim_window_schedule_draft (self);
  reclaim_draft_free (draft);
  show_first_offer (self);
}

static void
restore_draft_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  reclaim_window_confirm_discard (RECLAIM_WINDOW (user_data), restore_first_offer);
}

static void
discard_draft_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ReclaimWindow *self = user_data;
  ReclaimDraft *draft = first_offer (self);

  if (draft == NULL)
    return;
  reclaim_drafts_remove (draft->id);
  g_ptr_array_remove_index (self->offered_drafts, 0);
  show_first_offer (self);
}

/* GActions of the window's own, unlike the widget actions, so that they
 * can be activated from outside (the window test over D-Bus does). */
static const GActionEntry draft_actions[] = {
  { "restore-draft", restore_draft_activated },
  { "discard-draft", discard_draft_activated },
};

void
reclaim_window_init_drafts (ReclaimWindow *self)
{
  self->draft_id = reclaim_drafts_new_id ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), draft_actions, G_N_ELEMENTS (draft_actions), self);
  set_offer_actions_enabled (self, FALSE);
  g_signal_connect (self->session, "ran", G_CALLBACK (session_changed), self);
  g_signal_connect (self->session, "positions-changed", G_CALLBACK (session_changed), self);
}

/* A window that closes as the user chose leaves no draft; one destroyed
 * otherwise keeps its latest text. */
void
reclaim_window_close_drafts (ReclaimWindow *self, gboolean as_the_user_chose)
{
  if (self->draft_closed)
    return;
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (as_the_user_chose)
    reclaim_drafts_remove (self->draft_id);
  else if (self->session != NULL)
    keep_draft_now (self);
  self->draft_closed = TRUE;
}

void
reclaim_window_finalize_drafts (ReclaimWindow *self)
{
  g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);
  g_free (self->draft_id);
}
