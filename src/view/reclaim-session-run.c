/* reclaim-session-run.c: running the session's script.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run goes from the script's start to its end, at once or on a worker
 * thread (the window's way, one at a time); its heap, timeline and output
 * replace the last run's when it is done.
 */

#include "reclaim-session-private.h"

#include <string.h>

/* The error's last line as python3 prints it ("NameError: name 'x' is
 * not defined"). */
static void
find_error_message (ReclaimSession *self, const char *errors)
{
  g_auto (GStrv) lines = g_strsplit (errors, "\n", -1);

  for (guint i = g_strv_length (lines); i > 0; i--)
    if (*g_strstrip (lines[i - 1]) != '\0')
      {
        g_free (self->error_message);
        self->error_message = g_strdup (lines[i - 1]);
        return;
      }
}

/* Whether line begins a statement of the script's top level. */
gboolean
reclaim_session_is_top_level_line (ReclaimSession *self, guint line)
{
  guint first, last;

  return reclaim_edit_find_top_level_statement (self->source, line, &first, &last) && first == line;
}

/* The position just after the top-level statement on line `line` first
 * ran, where the next top-level statement begins; the end when none
 * does, or when the statement never ran. */
static guint64
position_after_statement (ReclaimSession *self, guint line)
{
  const ReclaimTimeline *timeline = self->timeline;
  guint first, last, step;

  if (!reclaim_edit_find_top_level_statement (self->source, line, &first, &last) ||
      !reclaim_timeline_find_line (timeline, first, &step))
    return timeline->end;
  for (step++; step < reclaim_timeline_n_steps (timeline); step++)
    {
      guint next = reclaim_timeline_step_line (timeline, step);
      if ((next < first || next > last) && reclaim_session_is_top_level_line (self, next))
        break;
    }
  return reclaim_timeline_step_position (timeline, step);
}

/* Whether the run that just ended never started the script: python3
 * refused it (a syntax error) before its first statement. */
static gboolean
did_not_start (ReclaimSession *self, const ReclaimTimeline *timeline)
{
  return self->status != 0 && reclaim_timeline_n_steps (timeline) == 0;
}

/* The position before the first run of line, or before the first
 * statement when that line never runs. */
static guint64
position_before_line (const ReclaimTimeline *timeline, guint line)
{
  guint step;

  if (!reclaim_timeline_find_line (timeline, line, &step))
    step = 0;
  return reclaim_timeline_step_position (timeline, step);
}

/* A run stopped over another file's: an empty run stands in for the
 * history Stop dropped, so that nothing of that file shows. */
static void
stand_in_empty_run (ReclaimSession *self, ReclaimRun *job)
{
  ReclaimRun *empty = reclaim_run_new ("", self->script_name, self->collector, self->max_steps,
                                       SESSION_MAX_OBJECTS, self->max_memory);

  reclaim_run_execute (empty);
  job->interp = g_steal_pointer (&empty->interp);
  job->timeline = g_steal_pointer (&empty->timeline);
  reclaim_run_free (empty);
}

/* Takes what a finished run left and leaves the position at the
 * script's end.  A script that does not start, or that was stopped (its history is
 * dropped), typed over one that ran, leaves that run in place (the window
 * shows it dimmed under the error) rather than an empty canvas.  On the
 * session's thread only: it emits the signals.  The caller frees job. */
static void
take_run (ReclaimSession *self, ReclaimRun *job)
{
  gboolean keep_last_run = self->keep_last_run && self->interp != NULL;

  if (job->timeline == NULL && !keep_last_run)
    stand_in_empty_run (self, job);

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->shown_names, reclaim_edit_context_free);
  g_string_free (self->output, TRUE);
  g_string_free (self->errors, TRUE);
  g_array_unref (self->output_marks);
  self->output = g_steal_pointer (&job->output);
  self->errors = g_steal_pointer (&job->errors);
  self->output_marks = g_steal_pointer (&job->output_marks);
  self->status = job->status;
  self->error_line = job->error_line;
  if (self->errors->len > 0)
    find_error_message (self, self->errors->str);

  ReclaimTimeline *timeline = g_steal_pointer (&job->timeline);
  self->stale = keep_last_run && (timeline == NULL || did_not_start (self, timeline));
  if (self->stale)
    {
      /* what was printed stays the error's; marks of the new run would
       * count the old heap's events */
      g_array_set_size (self->output_marks, 0);
      g_clear_pointer (&timeline, reclaim_timeline_free);
    }
  else
    {
      g_clear_pointer (&self->interp, reclaim_interp_free);
      self->interp = g_steal_pointer (&job->interp);
      ReclaimHeap *heap = reclaim_interp_get_heap (self->interp);
      g_clear_pointer (&self->names, reclaim_edit_context_free);
      g_clear_pointer (&self->timeline, reclaim_timeline_free);
      self->placement_current = FALSE;
      self->timeline = timeline;
      reclaim_visibility_set_show_internals (timeline->visibility, self->show_internals);
      reclaim_heap_seek (heap, timeline->end);
      self->moved_by_event = FALSE;
      self->names = reclaim_edit_context_new (heap, timeline->module_dict, self->source);
      /* an edit made at an earlier step opens where it was made */
      if (job->open_after_line != 0)
        reclaim_heap_seek (heap, position_after_statement (self, job->open_after_line));
      if (job->open_before_line != 0)
        reclaim_heap_seek (heap, position_before_line (timeline, job->open_before_line));
    }
  self->keep_last_run = TRUE;

  g_signal_emit (self, reclaim_session_signals[SIGNAL_RAN], 0);
  g_signal_emit (self, reclaim_session_signals[SIGNAL_MOVED], 0);
}

static void start_queued_run (ReclaimSession *self);

static void
notify_running (ReclaimSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), reclaim_session_properties[PROP_RUNNING]);
}

/* Back from the worker, on the session's thread. */
static void
background_run_done (ReclaimRun *job, gpointer user_data)
{
  ReclaimSession *self = job->owner;

  /* the session is gone, or took the run while waiting for it */
  if (self == NULL)
    {
      reclaim_run_free (job);
      return;
    }
  g_object_ref (self);
  self->running = NULL;
  if (reclaim_run_get_cancel (job) != RECLAIM_RUN_SUPERSEDED)
    take_run (self, job);
  reclaim_run_free (job);
  if (self->running == NULL)
    start_queued_run (self);
  if (self->running == NULL)
    notify_running (self);
  g_object_unref (self);
}

static void
start_queued_run (ReclaimSession *self)
{
  if (self->queued == NULL)
    return;
  self->running = g_steal_pointer (&self->queued);
  self->running->owner = self;
  reclaim_run_execute_in_thread (self->running, background_run_done, NULL);
}

/* The run on the worker will be thrown away when it comes back, and the
 * one waiting will not start. */
void
reclaim_session_forget_background_runs (ReclaimSession *self)
{
  if (self->running != NULL)
    {
      reclaim_run_cancel (self->running, RECLAIM_RUN_SUPERSEDED);
      self->running->owner = NULL;
      self->running = NULL;
    }
  g_clear_pointer (&self->queued, reclaim_run_free);
}

/* Runs the source from the start: at once, or in the background, where
 * a newer text supersedes the run under way. */
void
reclaim_session_run (ReclaimSession *self)
{
  ReclaimRun *job = reclaim_run_new (self->source, self->script_name, self->collector,
                                     self->max_steps, SESSION_MAX_OBJECTS, self->max_memory);
  gboolean was_running = reclaim_session_is_running (self);

  job->open_after_line = self->stay_after_line;

  if (!self->in_background)
    {
      reclaim_session_forget_background_runs (self);
      reclaim_run_execute (job);
      take_run (self, job);
      reclaim_run_free (job);
      if (was_running)
        notify_running (self);
      return;
    }
  if (self->running != NULL)
    reclaim_run_cancel (self->running, RECLAIM_RUN_SUPERSEDED);
  g_clear_pointer (&self->queued, reclaim_run_free);
  self->queued = job;
  if (self->running == NULL)
    start_queued_run (self);
  if (!was_running)
    notify_running (self);
}

void
reclaim_session_set_run_in_background (ReclaimSession *self, gboolean background)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  if (!background)
    reclaim_session_wait (self, -1);
  self->in_background = !!background;
}

gboolean
reclaim_session_is_running (ReclaimSession *self)
{
  return self->running != NULL || self->queued != NULL;
}

void
reclaim_session_stop (ReclaimSession *self)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  g_clear_pointer (&self->queued, reclaim_run_free);
  if (self->running != NULL && reclaim_run_get_cancel (self->running) == RECLAIM_RUN_GOING)
    reclaim_run_cancel (self->running, RECLAIM_RUN_STOPPED);
}

gboolean
reclaim_session_wait (ReclaimSession *self, int timeout_ms)
{
  gint64 end_time = timeout_ms < 0 ? -1 : g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  g_return_val_if_fail (RECLAIM_IS_SESSION (self), FALSE);

  while (reclaim_session_is_running (self))
    {
      ReclaimRun *job = self->running;
      if (job == NULL)
        start_queued_run (self);
      else if (!reclaim_run_wait_until (job, end_time))
        return FALSE;
      else
        {
          /* taken here; the worker's call, when it comes, only frees it */
          job->owner = NULL;
          self->running = NULL;
          if (reclaim_run_get_cancel (job) != RECLAIM_RUN_SUPERSEDED)
            take_run (self, job);
          if (!reclaim_session_is_running (self))
            notify_running (self);
        }
    }
  return TRUE;
}

gboolean
reclaim_session_is_stale (ReclaimSession *self)
{
  return self->stale;
}

void
reclaim_session_set_max_steps (ReclaimSession *self, guint64 max_steps)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  max_steps = max_steps > 0 ? max_steps : SESSION_MAX_STEPS;
  if (self->max_steps == max_steps)
    return;
  self->max_steps = max_steps;
  reclaim_session_run (self);
}

void
reclaim_session_set_max_memory (ReclaimSession *self, guint64 max_memory)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  max_memory = max_memory > 0 ? max_memory : SESSION_MAX_MEMORY;
  if (self->max_memory == max_memory)
    return;
  self->max_memory = max_memory;
  reclaim_session_run (self);
}

void
reclaim_session_set_collector (ReclaimSession *self, ReclaimCollectorMode mode)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  if (self->collector == mode)
    return;
  self->collector = mode;
  reclaim_session_run (self);
}

ReclaimCollectorMode
reclaim_session_get_collector (ReclaimSession *self)
{
  return self->collector;
}

void
reclaim_session_set_script_name (ReclaimSession *self, const char *name)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  g_free (self->script_name);
  self->script_name = g_strdup (name ? name : "script.py");
}

void
reclaim_session_open_before_line (ReclaimSession *self, guint line)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  ReclaimRun *newest = self->queued ? self->queued : self->running;
  if (newest != NULL)
    newest->open_before_line = MAX (line, 1);
  else
    reclaim_session_seek (self, position_before_line (self->timeline, MAX (line, 1)));
}
