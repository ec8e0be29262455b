/* reclaim-session.c: one script, its run, and where the user is in it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-session.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "reclaim-caption.h"
#include "reclaim-interp.h"
#include "reclaim-placement.h"

/* A window runs scripts as the user types: a runaway script must stop
 * soon, and its history must fit in memory (24 bytes an event). */
#define SESSION_MAX_STEPS   2000000
#define SESSION_MAX_OBJECTS 200000

struct _ReclaimSession
{
  GObject          parent_instance;

  char            *source;
  char            *script_name;
  ReclaimCollectorMode collector;
  GPtrArray       *undo;          /* char *: earlier sources, newest last */
  GPtrArray       *redo;

  /* The last run. */
  ReclaimInterp   *interp;
  ReclaimTimeline *timeline;
  ReclaimEditContext *names;      /* names at the script's end */
  GString         *output;
  GString         *errors;        /* what went to stderr alone */
  GArray          *output_marks;  /* OutputMark, one per write, in order */
  int              status;
  guint            error_line;
  char            *error_message;

  /* Card positions the user chose, saved with the script: by name, or
   * "#id" for objects without one (ids are the same as long as the
   * script before them is). */
  GHashTable      *positions;     /* char * -> ReclaimEditPoint * */
  /* Where the other cards stay for the whole run (see reclaim-placement.h). */
  ReclaimPlacement *placement;
  gboolean         placement_current;  /* prepared for this run */
  gboolean         placement_afresh;   /* the next preparation forgets the last run's */
};

/* How much of the output had been written when the log had `events`
 * events. */
typedef struct {
  guint64 events;
  gsize   length;
} OutputMark;

G_DEFINE_FINAL_TYPE (ReclaimSession, reclaim_session, G_TYPE_OBJECT)

enum {
  SIGNAL_RAN,
  SIGNAL_MOVED,
  SIGNAL_POSITIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reclaim_session_finalize (GObject *object)
{
  ReclaimSession *self = RECLAIM_SESSION (object);

  g_clear_pointer (&self->names, reclaim_edit_context_free);
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
reclaim_session_class_init (ReclaimSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reclaim_session_finalize;

  signals[SIGNAL_RAN] = g_signal_new ("ran", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass),
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

/* The script's output, as a terminal would show it: stdout and stderr
 * interleaved; stderr also alone, to find the error in. */
static void
append_output (ReclaimSession *self, const char *text, gsize len)
{
  OutputMark mark;

  g_string_append_len (self->output, text, len);
  mark.events = reclaim_heap_n_events (reclaim_interp_get_heap (self->interp));
  mark.length = self->output->len;
  g_array_append_val (self->output_marks, mark);
}

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  append_output (user_data, text, len);
}

static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  ReclaimSession *self = user_data;

  append_output (self, text, len);
  g_string_append_len (self->errors, text, len);
}

/* Runs the source from the start and leaves the position at the script's
 * end. */
static void
run (ReclaimSession *self)
{
  ReclaimInterpOptions options = {
    .collector = self->collector,
    .max_steps = SESSION_MAX_STEPS,
    .max_objects = SESSION_MAX_OBJECTS,
    .write_stdout = write_stdout,
    .write_stderr = write_stderr,
    .user_data = self,
  };

  g_clear_pointer (&self->names, reclaim_edit_context_free);
  g_clear_pointer (&self->timeline, reclaim_timeline_free);
  g_clear_pointer (&self->interp, reclaim_interp_free);
  g_clear_pointer (&self->error_message, g_free);
  g_string_truncate (self->output, 0);
  g_string_truncate (self->errors, 0);
  g_array_set_size (self->output_marks, 0);
  self->placement_current = FALSE;

  self->interp = reclaim_interp_new (&options);
  self->status = reclaim_interp_run (self->interp, self->source, -1, self->script_name);
  self->error_line = reclaim_interp_get_error_line (self->interp);
  if (self->errors->len > 0)
    find_error_message (self, self->errors->str);

  ReclaimHeap *heap = reclaim_interp_get_heap (self->interp);
  ReclaimId module_dict = reclaim_interp_get_module_namespace (self->interp);
  guint64 end = reclaim_interp_get_script_end (self->interp);
  self->timeline = reclaim_timeline_new (heap, reclaim_interp_get_script_start (self->interp),
                                         end, module_dict);
  reclaim_heap_seek (heap, end);
  self->names = reclaim_edit_context_new (heap, module_dict, self->source);

  g_signal_emit (self, signals[SIGNAL_RAN], 0);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
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

  /* at the end, what python3 prints as it exits too */
  if (position >= self->timeline->end)
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

void
reclaim_session_seek (ReclaimSession *self, guint64 position)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  position = CLAMP (position, self->timeline->start, self->timeline->end);
  if (position == reclaim_session_get_position (self))
    return;
  reclaim_heap_seek (reclaim_session_get_heap (self), position);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
}

guint
reclaim_session_get_step (ReclaimSession *self)
{
  return reclaim_timeline_steps_before (self->timeline, reclaim_session_get_position (self));
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
  return reclaim_timeline_step_line (timeline, step - 1);
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

/* Whether stepping into events stops after event i: the script's objects,
 * statements and the collector's phases; not the reference counts of the
 * interpreter's own objects (print, the built-in types a full collection
 * walks through), which would bury them. */
static gboolean
stops_after (ReclaimSession *self, guint64 i)
{
  const ReclaimEvent *ev = reclaim_heap_get_event (reclaim_session_get_heap (self), i);

  return ev->obj == 0 || ev->obj >= self->timeline->first_id;
}

gboolean
reclaim_session_event_forward (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);
  guint64 i = position;

  if (position >= self->timeline->end)
    return FALSE;
  while (i + 1 < self->timeline->end && !stops_after (self, i))
    i++;
  reclaim_session_seek (self, i + 1);
  return TRUE;
}

gboolean
reclaim_session_event_back (ReclaimSession *self)
{
  guint64 position = reclaim_session_get_position (self);
  guint64 i = position - 1;

  if (position <= self->timeline->start)
    return FALSE;
  while (i > self->timeline->start && !stops_after (self, i - 1))
    i--;
  reclaim_session_seek (self, i);
  return TRUE;
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

  if (step == 0)
    return g_strdup (_("The script has not started yet."));
  if (!on_boundary)
    return reclaim_caption_describe (heap, position - 1, self->source);

  /* a statement that calls a function is not over when the function's
   * first statement starts */
  const ReclaimEvent *statement = reclaim_heap_get_event (heap, g_array_index (timeline->lines, guint64, step - 1));
  gboolean finished = position >= timeline->end ||
                      reclaim_heap_get_event (heap, position)->y <= statement->y;
  return reclaim_caption_summarize (heap, g_array_index (timeline->lines, guint64, step - 1), position,
                                    timeline->first_id, statement->x, finished, self->source);
}

/* --- Edits -------------------------------------------------------------- */

/* Runs an edit's new source as an undo point; FALSE when the edit failed. */
static gboolean
apply_edit (ReclaimSession *self, char *new_source)
{
  if (new_source == NULL)
    return FALSE;
  reclaim_session_set_source (self, new_source);
  g_free (new_source);
  reclaim_session_go_to_end (self);
  return TRUE;
}

gboolean
reclaim_session_new_object (ReclaimSession *self, ReclaimNewKind kind, GError **error)
{
  return apply_edit (self, reclaim_edit_new_object (self->names, kind, NULL, error));
}

gboolean
reclaim_session_add_reference (ReclaimSession *self, ReclaimId holder, const char *name,
                               ReclaimId target, gboolean weak, GError **error)
{
  return apply_edit (self, reclaim_edit_add_reference (self->names, holder, name, target, weak,
                                                       error));
}

char *
reclaim_session_default_name (ReclaimSession *self, ReclaimId holder, gboolean weak)
{
  return reclaim_edit_default_name (self->names, holder, weak);
}

gboolean
reclaim_session_delete_reference (ReclaimSession *self, ReclaimId holder, guint slot,
                                  GError **error)
{
  return apply_edit (self, reclaim_edit_delete_reference (self->names, holder, slot, error));
}

gboolean
reclaim_session_give_finalizer (ReclaimSession *self, ReclaimId obj, GError **error)
{
  return apply_edit (self, reclaim_edit_give_finalizer (self->names, obj, error));
}

gboolean
reclaim_session_collect (ReclaimSession *self)
{
  return apply_edit (self, reclaim_edit_collect (self->names));
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
