/* reclaim-session.c: one script, its run, and where the user is in it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-session-private.h"

#include <glib/gi18n-lib.h>

#include "reclaim-caption.h"

G_DEFINE_FINAL_TYPE (ReclaimSession, reclaim_session, G_TYPE_OBJECT)

GParamSpec *reclaim_session_properties[N_PROPS];

guint reclaim_session_signals[N_SIGNALS];

static void
reclaim_session_finalize (GObject *object)
{
  ReclaimSession *self = RECLAIM_SESSION (object);

  reclaim_session_forget_background_runs (self);

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
  reclaim_session_properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, reclaim_session_properties);

  reclaim_session_signals[SIGNAL_RAN] = g_signal_new ("ran", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  reclaim_session_signals[SIGNAL_MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  reclaim_session_signals[SIGNAL_POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 0);
  reclaim_session_signals[SIGNAL_SOURCE_CHANGED] = g_signal_new ("source-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
}

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
  self->max_memory = SESSION_MAX_MEMORY;
  self->placement = reclaim_placement_new ();
  reclaim_session_run (self);
}

ReclaimSession *
reclaim_session_new (void)
{
  return g_object_new (RECLAIM_TYPE_SESSION, NULL);
}

/* --- Source and undo ---------------------------------------------------- */

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
  g_signal_emit (self, reclaim_session_signals[SIGNAL_SOURCE_CHANGED], 0);
  reclaim_session_run (self);
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
  g_signal_emit (self, reclaim_session_signals[SIGNAL_MOVED], 0);
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
  g_signal_emit (self, reclaim_session_signals[SIGNAL_MOVED], 0);
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
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_FINALIZE_END || ev.kind == RECLAIM_EV_CALLBACK_END)
        returned++;
      else if ((ev.kind == RECLAIM_EV_FINALIZE || ev.kind == RECLAIM_EV_CALLBACK) && returned > 0)
        returned--;
      else if (ev.kind == RECLAIM_EV_LINE && returned == 0)
        return ev.x;
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
  const ReclaimEvent ev = reclaim_heap_get_event (reclaim_session_get_heap (self), i);

  if (ev.obj == 0)
    return !is_bookkeeping (&ev);
  return reclaim_session_shows (self, ev.obj);
}

/* Whether position is a statement's boundary (just before its line
 * event), where statement steps stop: event steps never pass one. */
static gboolean
is_statement_boundary (ReclaimSession *self, guint64 position)
{
  return position < self->timeline->end &&
         reclaim_heap_get_event (reclaim_session_get_heap (self), position).kind == RECLAIM_EV_LINE;
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
  const ReclaimEvent statement = reclaim_heap_get_event (heap, g_array_index (timeline->lines, guint64, step - 1));
  gboolean finished = position >= timeline->end ||
                      reclaim_heap_get_event (heap, position).y <= statement.y;
  return reclaim_caption_summarize (heap, g_array_index (timeline->lines, guint64, step - 1), position,
                                    timeline->visibility, statement.x, finished, self->source);
}
