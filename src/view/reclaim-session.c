/* reclaim-session.c: one script, its run, and where the user is in it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-session.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "reclaim-caption.h"
#include "reclaim-interp.h"
#include "reclaim-placement.h"
#include "reclaim-run.h"

/* A window runs scripts as the user types: a runaway script must stop
 * soon, and its history must fit in memory (24 bytes an event). */
#define SESSION_MAX_STEPS   2000000
#define SESSION_MAX_OBJECTS 200000
/* How long a canvas edit waits for its run, so that the canvas can place
 * and select what it made; a longer run goes on in the background. */
#define EDIT_WAIT_MS 300

struct _ReclaimSession
{
  GObject          parent_instance;

  char            *source;
  char            *script_name;
  ReclaimCollectorMode collector;
  gboolean         show_internals;
  GPtrArray       *undo;          /* char *: earlier sources, newest last */
  GPtrArray       *redo;

  /* The last run. */
  ReclaimInterp   *interp;
  ReclaimTimeline *timeline;
  ReclaimEditContext *names;      /* names at the script's end */
  ReclaimEditContext *shown_names; /* names at shown_position, for edits made there */
  guint64          shown_position;
  guint            stay_after_line;  /* the next run opens after this top-level statement (0: at the end) */
  GString         *output;
  GString         *errors;        /* what went to stderr alone */
  GArray          *output_marks;  /* OutputMark, one per write, in order */
  int              status;
  guint            error_line;
  char            *error_message;
  /* The script did not start (a syntax error): interp, timeline and
   * names are still the last run that did. */
  gboolean         stale;
  gboolean         keep_last_run;  /* a script that does not start keeps the last run shown */
  guint64          max_steps;

  /* Card positions the user chose, saved with the script: by name, or
   * "#id" for objects without one (ids are the same as long as the
   * script before them is). */
  GHashTable      *positions;     /* char * -> ReclaimEditPoint * */
  /* Where the other cards stay for the whole run (see reclaim-placement.h). */
  ReclaimPlacement *placement;
  gboolean         placement_current;  /* prepared for this run */
  gboolean         placement_afresh;   /* the next preparation forgets the last run's */

  gboolean         moved_by_event; /* the last move was an event step */

  /* Runs on a worker thread (the window's way), one at a time. */
  gboolean         in_background;
  ReclaimRun      *running;       /* on the worker; NULL: none */
  ReclaimRun      *queued;        /* the newest text, waiting for the worker */
};

typedef ReclaimOutputMark OutputMark;

G_DEFINE_FINAL_TYPE (ReclaimSession, reclaim_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RAN,
  SIGNAL_MOVED,
  SIGNAL_POSITIONS_CHANGED,
  SIGNAL_SOURCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void forget_background_runs (ReclaimSession *self);

static void
reclaim_session_finalize (GObject *object)
{
  ReclaimSession *self = RECLAIM_SESSION (object);

  forget_background_runs (self);

  g_clear_pointer (&self->names, reclaim_edit_context_free);
  g_clear_pointer (&self->shown_names, reclaim_edit_context_free);
  g_clear_pointer (&self->timeline, reclaim_timeline_free);
  g_clear_pointer (&self->interp, reclaim_interp_free);
  g_string_free (self->output, TRUE);
  g_string_free (self->errors, TRUE);
  g_array_unref (self->output_marks);
  g_free (self->error_message);
  g_free (self->source);
  g_free (self->script_name);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_hash_table_unref (self->positions);
  reclaim_placement_free (self->placement);

  G_OBJECT_CLASS (reclaim_session_parent_class)->finalize (object);
}

static void
reclaim_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ReclaimSession *self = RECLAIM_SESSION (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, reclaim_session_is_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reclaim_session_class_init (ReclaimSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reclaim_session_finalize;
  object_class->get_property = reclaim_session_get_property;

  /* TRUE while a run goes on in the background (reclaim_session_set_run_in_background) */
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_RAN] = g_signal_new ("ran", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 0);
  signals[SIGNAL_SOURCE_CHANGED] = g_signal_new ("source-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
}

static void run (ReclaimSession *self);

static void
reclaim_session_init (ReclaimSession *self)
{
  self->source = g_strdup ("");
  self->script_name = g_strdup ("script.py");
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
  self->output = g_string_new (NULL);
  self->errors = g_string_new (NULL);
  self->output_marks = g_array_new (FALSE, FALSE, sizeof (OutputMark));
  self->positions = reclaim_edit_positions_new ();
  self->max_steps = SESSION_MAX_STEPS;
  self->placement = reclaim_placement_new ();
  run (self);
}

ReclaimSession *
reclaim_session_new (void)
{
  return g_object_new (RECLAIM_TYPE_SESSION, NULL);
}

/* --- Running ------------------------------------------------------------ */

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

static guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* Whether line begins a statement of the script's top level. */
static gboolean
is_top_level_line (ReclaimSession *self, guint line)
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
      if ((next < first || next > last) && is_top_level_line (self, next))
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
                                       SESSION_MAX_OBJECTS);

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

  g_signal_emit (self, signals[SIGNAL_RAN], 0);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
}

static void start_queued_run (ReclaimSession *self);

static void
notify_running (ReclaimSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
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
static void
forget_background_runs (ReclaimSession *self)
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
static void
run (ReclaimSession *self)
{
  ReclaimRun *job = reclaim_run_new (self->source, self->script_name, self->collector,
                                     self->max_steps, SESSION_MAX_OBJECTS);
  gboolean was_running = reclaim_session_is_running (self);

  job->open_after_line = self->stay_after_line;

  if (!self->in_background)
    {
      forget_background_runs (self);
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
  run (self);
}

void
reclaim_session_set_collector (ReclaimSession *self, ReclaimCollectorMode mode)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  if (self->collector == mode)
    return;
  self->collector = mode;
  run (self);
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

const char *
reclaim_session_get_source (ReclaimSession *self)
{
  return self->source;
}

static void
forget_positions_by_id (ReclaimSession *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(const char *) key == '#')
      g_hash_table_iter_remove (&iter);
}

static void
replace_source (ReclaimSession *self, char *source)
{
  g_free (self->source);
  self->source = source;
  g_signal_emit (self, signals[SIGNAL_SOURCE_CHANGED], 0);
  run (self);
}

void
reclaim_session_set_source (ReclaimSession *self, const char *source)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));
  g_return_if_fail (source != NULL);

  if (g_str_equal (source, self->source))
    return;
  /* ids stay what they were only when statements were added at the end */
  if (!g_str_has_prefix (source, self->source))
    forget_positions_by_id (self);
  g_ptr_array_add (self->undo, g_strdup (self->source));
  g_ptr_array_set_size (self->redo, 0);
  replace_source (self, g_strdup (source));
}

void
reclaim_session_load_text (ReclaimSession *self, const char *text)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  g_hash_table_remove_all (self->positions);
  self->placement_afresh = TRUE;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  /* another file: the last run is not its own */
  self->keep_last_run = FALSE;
  replace_source (self, reclaim_edit_split_positions (text, self->positions));
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

char *
reclaim_session_dup_text (ReclaimSession *self)
{
  return reclaim_edit_join_positions (self->source, self->positions);
}

gboolean
reclaim_session_can_undo (ReclaimSession *self)
{
  return self->undo->len > 0;
}

gboolean
reclaim_session_can_redo (ReclaimSession *self)
{
  return self->redo->len > 0;
}

/* Moves the newest source of `from` into the session, the session's into `to`. */
static void
swap_source (ReclaimSession *self, GPtrArray *from, GPtrArray *to)
{
  if (from->len == 0)
    return;
  g_ptr_array_add (to, g_strdup (self->source));
  char *source = g_ptr_array_steal_index (from, from->len - 1);
  replace_source (self, source);
}

void
reclaim_session_undo (ReclaimSession *self)
{
  swap_source (self, self->undo, self->redo);
}

void
reclaim_session_redo (ReclaimSession *self)
{
  swap_source (self, self->redo, self->undo);
}

const char *
reclaim_session_get_output (ReclaimSession *self)
{
  return self->output->str;
}

gsize
reclaim_session_get_output_length (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);
  gsize length = 0;

  /* at the end, what python3 prints as it exits too; a script that did
   * not start printed only why */
  if (position >= self->timeline->end || self->stale)
    return self->output->len;
  for (guint i = 0; i < self->output_marks->len; i++)
    {
      const OutputMark *mark = &g_array_index (self->output_marks, OutputMark, i);
      if (mark->events > position)
        break;
      length = mark->length;
    }
  return length;
}

int
reclaim_session_get_status (ReclaimSession *self)
{
  return self->status;
}

guint
reclaim_session_get_error_line (ReclaimSession *self)
{
  return self->error_line;
}

const char *
reclaim_session_get_error_message (ReclaimSession *self)
{
  return self->error_message;
}

ReclaimHeap *
reclaim_session_get_heap (ReclaimSession *self)
{
  return reclaim_interp_get_heap (self->interp);
}

const ReclaimTimeline *
reclaim_session_get_timeline (ReclaimSession *self)
{
  return self->timeline;
}

void
reclaim_session_set_show_internals (ReclaimSession *self, gboolean show)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  if (self->show_internals == !!show)
    return;
  self->show_internals = !!show;
  reclaim_visibility_set_show_internals (self->timeline->visibility, self->show_internals);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
}

gboolean
reclaim_session_get_show_internals (ReclaimSession *self)
{
  return self->show_internals;
}

gboolean
reclaim_session_shows (ReclaimSession *self, ReclaimId obj)
{
  return reclaim_visibility_shows (self->timeline->visibility, obj);
}

void
reclaim_session_scene_options (ReclaimSession *self, ReclaimSceneOptions *options)
{
  reclaim_timeline_scene_options (self->timeline, options);
}

/* --- Moving ------------------------------------------------------------- */

guint64
reclaim_session_get_position (ReclaimSession *self)
{
  return reclaim_heap_get_position (reclaim_session_get_heap (self));
}

static void
seek (ReclaimSession *self, guint64 position, gboolean by_event)
{
  position = CLAMP (position, self->timeline->start, self->timeline->end);
  if (position == reclaim_session_get_position (self))
    return;
  self->moved_by_event = by_event;
  reclaim_heap_seek (reclaim_session_get_heap (self), position);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
}

void
reclaim_session_seek (ReclaimSession *self, guint64 position)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  seek (self, position, FALSE);
}

guint
reclaim_session_get_step (ReclaimSession *self)
{
  return reclaim_timeline_steps_before (self->timeline, reclaim_session_get_position (self));
}

/* The line of the statement running at position, inside a statement: the
 * last line event before it, passing over the bodies of __del__ methods
 * and weakref callbacks that have returned (after them, the statement
 * that called them is running again). */
static guint
line_running (ReclaimSession *self, guint64 position)
{
  ReclaimHeap *heap = reclaim_session_get_heap (self);
  guint returned = 0;

  for (guint64 i = position; i-- > self->timeline->start;)
    {
      const ReclaimEvent *ev = reclaim_heap_get_event (heap, i);
      if (ev->kind == RECLAIM_EV_FINALIZE_END || ev->kind == RECLAIM_EV_CALLBACK_END)
        returned++;
      else if ((ev->kind == RECLAIM_EV_FINALIZE || ev->kind == RECLAIM_EV_CALLBACK) && returned > 0)
        returned--;
      else if (ev->kind == RECLAIM_EV_LINE && returned == 0)
        return ev->x;
    }
  return 0;
}

guint
reclaim_session_get_line (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = self->timeline;
  guint64 position = reclaim_session_get_position (self);
  guint step = reclaim_timeline_steps_before (timeline, position);

  /* On a statement's boundary, that statement is the one about to run;
   * inside a statement, it is the one running. */
  if (step < timeline->lines->len && g_array_index (timeline->lines, guint64, step) == position)
    return reclaim_timeline_step_line (timeline, step);
  if (step == 0 || position >= timeline->end)
    return 0;
  return line_running (self, position);
}

gboolean
reclaim_session_step_forward (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = self->timeline;
  guint64 position = reclaim_session_get_position (self);
  guint next = reclaim_timeline_steps_before (timeline, position + 1);

  if (position >= timeline->end)
    return FALSE;
  reclaim_session_seek (self, reclaim_timeline_step_position (timeline, next));
  return TRUE;
}

gboolean
reclaim_session_step_back (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = self->timeline;
  guint64 position = reclaim_session_get_position (self);
  guint before = reclaim_timeline_steps_before (timeline, position);

  if (before == 0)
    {
      if (position == timeline->start)
        return FALSE;
      reclaim_session_seek (self, timeline->start);
      return TRUE;
    }
  reclaim_session_seek (self, reclaim_timeline_step_position (timeline, before - 1));
  return TRUE;
}

/* The collector's counters that move by themselves (allocation counts,
 * free lists, statistics), as opposed to the ones a script sets
 * (gc.disable(), gc.set_threshold()). */
static gboolean
is_bookkeeping (const ReclaimEvent *ev)
{
  return ev->kind == RECLAIM_EV_COUNTER && ev->a != RECLAIM_COUNTER_ENABLED &&
         !(ev->a >= RECLAIM_COUNTER_THRESHOLD0 && ev->a <= RECLAIM_COUNTER_THRESHOLD2);
}

/* Whether stepping into events stops after event i: every event about an
 * object the views show, statements and the collector's phases; not the
 * events of hidden objects (the interpreter's start-up objects a full
 * collection walks through, classes, functions, argument tuples) nor the
 * collector's bookkeeping, which would bury them.  What is passed over
 * shows with the next stop. */
static gboolean
stops_after (ReclaimSession *self, guint64 i)
{
  const ReclaimEvent *ev = reclaim_heap_get_event (reclaim_session_get_heap (self), i);

  if (ev->obj == 0)
    return !is_bookkeeping (ev);
  return reclaim_session_shows (self, ev->obj);
}

/* Whether position is a statement's boundary (just before its line
 * event), where statement steps stop: event steps never pass one. */
static gboolean
is_statement_boundary (ReclaimSession *self, guint64 position)
{
  return position < self->timeline->end &&
         reclaim_heap_get_event (reclaim_session_get_heap (self), position)->kind == RECLAIM_EV_LINE;
}

gboolean
reclaim_session_event_forward (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);
  guint64 i = position;

  if (position >= self->timeline->end)
    return FALSE;
  while (i + 1 < self->timeline->end && !stops_after (self, i) && !is_statement_boundary (self, i + 1))
    i++;
  seek (self, i + 1, TRUE);
  return TRUE;
}

gboolean
reclaim_session_event_back (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);
  guint64 i = position - 1;

  if (position <= self->timeline->start)
    return FALSE;
  while (i > self->timeline->start && !stops_after (self, i - 1) && !is_statement_boundary (self, i))
    i--;
  seek (self, i, TRUE);
  return TRUE;
}

gboolean
reclaim_session_event_is_stop (ReclaimSession *self, guint64 i)
{
  return stops_after (self, i);
}

void
reclaim_session_go_to_start (ReclaimSession *self)
{
  reclaim_session_seek (self, reclaim_timeline_step_position (self->timeline, 0));
}

void
reclaim_session_go_to_end (ReclaimSession *self)
{
  reclaim_session_seek (self, self->timeline->end);
}

char *
reclaim_session_name_of (ReclaimSession *self, ReclaimId obj)
{
  return reclaim_caption_name_of (reclaim_session_get_heap (self), obj);
}

/* On a statement's boundary the caption sums up the statement just run;
 * between two boundaries (stepping into events) it tells the event. */
char *
reclaim_session_describe (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = self->timeline;
  ReclaimHeap *heap = reclaim_session_get_heap (self);
  guint64 position = reclaim_session_get_position (self);
  guint step = reclaim_timeline_steps_before (timeline, position);
  gboolean on_boundary = position >= timeline->end ||
                         (step < timeline->lines->len &&
                          g_array_index (timeline->lines, guint64, step) == position);

  /* Stop dropped the run's history; an empty run stands in for it */
  if (step == 0 && reclaim_timeline_n_steps (timeline) == 0 && self->status == 3)
    return g_strdup (_("The script was stopped; what it did up to then is not shown."));
  if (step == 0)
    return g_strdup (_("The script has not started yet: F10 runs its first statement."));
  /* where a phase is done, what the phase did; an event step that ends
   * there tells its event */
  if (!on_boundary && !self->moved_by_event && reclaim_timeline_is_phase_end (timeline, position))
    return reclaim_session_describe_phase (self);
  if (!on_boundary)
    return reclaim_caption_describe_shown (heap, timeline->visibility, position - 1, self->source);

  /* a statement that calls a function is not over when the function's
   * first statement starts */
  const ReclaimEvent *statement = reclaim_heap_get_event (heap, g_array_index (timeline->lines, guint64, step - 1));
  gboolean finished = position >= timeline->end ||
                      reclaim_heap_get_event (heap, position)->y <= statement->y;
  return reclaim_caption_summarize (heap, g_array_index (timeline->lines, guint64, step - 1), position,
                                    timeline->visibility, statement->x, finished, self->source);
}

/* --- Edits -------------------------------------------------------------- */

/* The top-level statement whose effect the position shows: the last one
 * that started before it (a function it called may be running); 0 before
 * the first. */
static guint
shown_statement_line (ReclaimSession *self)
{
  for (guint step = reclaim_session_get_step (self); step > 0; step--)
    {
      guint line = reclaim_timeline_step_line (self->timeline, step - 1);
      if (is_top_level_line (self, line))
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

/* --- Card positions ----------------------------------------------------- */

/* The key of obj's chosen position: its name, or "#id" (no name has a '#'). */
static char *
position_key (ReclaimSession *self, ReclaimId obj)
{
  const char *name = reclaim_edit_name_of (self->names, obj);

  return name ? g_strdup (name) : g_strdup_printf ("#%u", obj);
}

gboolean
reclaim_session_get_card_position (ReclaimSession *self, ReclaimId obj, double *x, double *y)
{
  g_autofree char *key = position_key (self, obj);
  ReclaimEditPoint *point = g_hash_table_lookup (self->positions, key);

  if (point == NULL)
    return FALSE;
  *x = point->x;
  *y = point->y;
  return TRUE;
}

void
reclaim_session_set_card_position (ReclaimSession *self, ReclaimId obj, double x, double y)
{
  ReclaimEditPoint *point = g_new (ReclaimEditPoint, 1);

  point->x = x;
  point->y = y;
  g_hash_table_replace (self->positions, position_key (self, obj), point);
  if (self->placement_current)
    reclaim_placement_move_home (self->placement, obj, x, y);
  g_signal_emit (self, signals[SIGNAL_POSITIONS_CHANGED], 0);
}

gboolean
reclaim_session_has_card_positions (ReclaimSession *self)
{
  return g_hash_table_size (self->positions) > 0;
}

void
reclaim_session_clear_card_positions (ReclaimSession *self)
{
  g_hash_table_remove_all (self->positions);
  reclaim_placement_forget (self->placement);
  self->placement_current = FALSE;
  g_signal_emit (self, signals[SIGNAL_POSITIONS_CHANGED], 0);
}

static const char *
name_at_end (ReclaimId obj, gpointer self)
{
  return reclaim_edit_name_of (((ReclaimSession *) self)->names, obj);
}

static gboolean
chosen_position (ReclaimId obj, double *x, double *y, gpointer self)
{
  return reclaim_session_get_card_position (self, obj, x, y);
}

void
reclaim_session_place_scene (ReclaimSession *self, ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  if (!self->placement_current)
    {
      reclaim_placement_prepare (self->placement, self->timeline, options, name_at_end, chosen_position,
                                 self, !self->placement_afresh);
      self->placement_current = TRUE;
      self->placement_afresh = FALSE;
    }
  reclaim_placement_apply (self->placement, scene);
}

gboolean
reclaim_session_get_run_bounds (ReclaimSession *self, double *x0, double *y0, double *x1, double *y1)
{
  g_return_val_if_fail (RECLAIM_IS_SESSION (self), FALSE);

  return self->placement_current && reclaim_placement_get_bounds (self->placement, x0, y0, x1, y1);
}
