/* reclaim-session-edit.c: canvas edits as statements of the script.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit on the canvas writes the Python statement that does it into
 * the script, at the end or after the statement being shown, and runs
 * the script again as an undo point.
 */

#include "reclaim-session-private.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* How long a canvas edit waits for its run, so that the canvas can place
 * and select what it made; a longer run goes on in the background. */
#define EDIT_WAIT_MS 300

static guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* The top-level statement whose effect the position shows: the last one
 * that started before it (a function it called may be running); 0 before
 * the first. */
static guint
shown_statement_line (ReclaimSession *self)
{
  for (guint step = reclaim_session_get_step (self); step > 0; step--)
    {
      guint line = reclaim_timeline_step_line (self->timeline, step - 1);
      if (reclaim_session_is_top_level_line (self, line))
        return line;
    }
  return 0;
}

/* The names edits read: at the end, or at the position shown, where the
 * statement an edit writes goes after the statement being shown.  Over a
 * script that did not start, the names are the last run's and the
 * statement goes at the end of the text as it is now (its lines are not
 * the ones the run stepped through), so that nothing typed is lost. */
static ReclaimEditContext *
edit_context (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);

  if (!self->stale && position >= self->timeline->end)
    return self->names;
  if (self->shown_names == NULL || self->shown_position != position)
    {
      g_clear_pointer (&self->shown_names, reclaim_edit_context_free);
      self->shown_names = reclaim_edit_context_new (reclaim_session_get_heap (self),
                                                    self->timeline->module_dict, self->source);
      self->shown_position = position;
      reclaim_edit_context_set_insertion (self->shown_names, self->stale ? G_MAXUINT : shown_statement_line (self));
    }
  return self->shown_names;
}

/* Runs an edit's new source as an undo point; FALSE when the edit failed.
 * An edit at the end goes to the new end; one made at an earlier step
 * stays there, after the statement it wrote (or, for a __del__ written
 * into a class, after the statement that was shown). */
static gboolean
apply_edit (ReclaimSession *self, ReclaimEditContext *context, char *new_source)
{
  if (new_source == NULL)
    return FALSE;
  guint line = 0;
  if (context != self->names && !self->stale)
    {
      line = reclaim_edit_context_get_statement_line (context);
      /* a __del__'s lines come before the statement shown */
      if (line == 0 && shown_statement_line (self) > 0)
        line = shown_statement_line (self) + count_lines (new_source) - count_lines (self->source);
    }
  self->stay_after_line = line;
  reclaim_session_set_source (self, new_source);
  self->stay_after_line = 0;
  g_free (new_source);
  /* a run that goes on opens where it should by itself */
  if (reclaim_session_wait (self, EDIT_WAIT_MS) && line == 0)
    reclaim_session_go_to_end (self);
  return TRUE;
}

/* An edit reads the names of the last run, which are not the text's
 * while a newer text runs. */
static gboolean
refuse_while_running (ReclaimSession *self, GError **error)
{
  if (!reclaim_session_is_running (self))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("The script is still running: wait for it, or press Stop, then edit"));
  return TRUE;
}

gboolean
reclaim_session_new_object (ReclaimSession *self, ReclaimNewKind kind, GError **error)
{
  if (refuse_while_running (self, error))
    return FALSE;
  ReclaimEditContext *context = edit_context (self);

  return apply_edit (self, context, reclaim_edit_new_object (context, kind, NULL, error));
}

gboolean
reclaim_session_add_reference (ReclaimSession *self, ReclaimId holder, const char *name,
                               ReclaimId target, gboolean weak, GError **error)
{
  if (refuse_while_running (self, error))
    return FALSE;
  ReclaimEditContext *context = edit_context (self);

  return apply_edit (self, context, reclaim_edit_add_reference (context, holder, name, target, weak, error));
}

char *
reclaim_session_default_name (ReclaimSession *self, ReclaimId holder, gboolean weak)
{
  return reclaim_edit_default_name (edit_context (self), holder, weak);
}

gboolean
reclaim_session_delete_reference (ReclaimSession *self, ReclaimId holder, guint slot,
                                  GError **error)
{
  if (refuse_while_running (self, error))
    return FALSE;
  ReclaimEditContext *context = edit_context (self);

  return apply_edit (self, context, reclaim_edit_delete_reference (context, holder, slot, error));
}

gboolean
reclaim_session_give_finalizer (ReclaimSession *self, ReclaimId obj, GError **error)
{
  if (refuse_while_running (self, error))
    return FALSE;
  ReclaimEditContext *context = edit_context (self);

  return apply_edit (self, context, reclaim_edit_give_finalizer (context, obj, error));
}

gboolean
reclaim_session_collect (ReclaimSession *self)
{
  if (refuse_while_running (self, NULL))
    return FALSE;
  ReclaimEditContext *context = edit_context (self);

  return apply_edit (self, context, reclaim_edit_collect (context));
}
