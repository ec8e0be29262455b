/* reclaim-timeline.c: steps, lines and the end of a script in the event log.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-timeline.h"

#include <string.h>

static ReclaimId
first_script_id (ReclaimHeap *heap, guint64 start)
{
  ReclaimId last = 0;

  for (guint64 i = 0; i < start; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_ALLOC)
        last = MAX (last, ev.obj);
    }
  return last + 1;
}

/* Keeps the collector's notes, and where each phase is done: at the note
 * of the next phase of the same collection, or at its end.  A collection
 * a finalizer starts sits inside the outer one's finalize_garbage, so
 * whether a collection has begun a phase is kept per depth. */
static void
find_phases (ReclaimTimeline *timeline)
{
  g_autoptr (GArray) in_phase = g_array_new (FALSE, FALSE, sizeof (gboolean));

  timeline->gc_notes = g_array_new (FALSE, FALSE, sizeof (ReclaimTimelineGcNote));
  timeline->phase_ends = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint64 i = timeline->start; i < timeline->end; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (timeline->heap, i);
      ReclaimTimelineGcNote note = { i, ev.kind, ev.kind == RECLAIM_EV_GC_PHASE ? ev.a : 0 };
      gboolean none = FALSE;

      if (ev.kind != RECLAIM_EV_GC_START && ev.kind != RECLAIM_EV_GC_PHASE &&
          ev.kind != RECLAIM_EV_GC_END)
        continue;
      g_array_append_val (timeline->gc_notes, note);
      if (ev.kind == RECLAIM_EV_GC_START)
        {
          g_array_append_val (in_phase, none);
          continue;
        }
      /* a log cut off inside a collection has no start for it */
      if (in_phase->len == 0)
        continue;
      if (g_array_index (in_phase, gboolean, in_phase->len - 1))
        g_array_append_val (timeline->phase_ends, i);
      if (ev.kind == RECLAIM_EV_GC_END)
        g_array_set_size (in_phase, in_phase->len - 1);
      else
        g_array_index (in_phase, gboolean, in_phase->len - 1) = TRUE;
    }
}

ReclaimTimeline *
reclaim_timeline_new (ReclaimHeap *heap, guint64 script_start, guint64 script_end, ReclaimId module_dict)
{
  ReclaimTimeline *timeline = g_new0 (ReclaimTimeline, 1);

  g_return_val_if_fail (script_start <= script_end && script_end <= reclaim_heap_n_events (heap), NULL);
  timeline->heap = heap;
  timeline->start = script_start;
  timeline->end = script_end;
  timeline->first_id = first_script_id (heap, script_start);
  timeline->module_dict = module_dict;

  timeline->visibility = reclaim_visibility_new (heap, timeline->first_id, module_dict);

  timeline->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint64 i = script_start; i < timeline->end; i++)
    if (reclaim_heap_get_event (heap, i).kind == RECLAIM_EV_LINE)
      g_array_append_val (timeline->lines, i);
  find_phases (timeline);
  return timeline;
}

void
reclaim_timeline_free (ReclaimTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_array_unref (timeline->lines);
  g_array_unref (timeline->phase_ends);
  g_array_unref (timeline->gc_notes);
  reclaim_visibility_free (timeline->visibility);
  g_free (timeline);
}

guint
reclaim_timeline_n_steps (const ReclaimTimeline *timeline)
{
  return timeline->lines->len;
}

guint64
reclaim_timeline_step_position (const ReclaimTimeline *timeline, guint step)
{
  g_return_val_if_fail (step <= timeline->lines->len, timeline->end);
  if (step == timeline->lines->len)
    return timeline->end;
  return g_array_index (timeline->lines, guint64, step);
}

/* How many of the sorted positions in array lie before position. */
static guint
count_before (GArray *array, guint64 position)
{
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (g_array_index (array, guint64, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

guint
reclaim_timeline_steps_before (const ReclaimTimeline *timeline, guint64 position)
{
  return count_before (timeline->lines, position);
}

guint
reclaim_timeline_step_line (const ReclaimTimeline *timeline, guint step)
{
  if (step >= timeline->lines->len)
    return 0;
  return reclaim_heap_get_event (timeline->heap, g_array_index (timeline->lines, guint64, step)).x;
}

gboolean
reclaim_timeline_find_line (const ReclaimTimeline *timeline, guint line, guint *step)
{
  for (guint i = 0; i < timeline->lines->len; i++)
    if (reclaim_timeline_step_line (timeline, i) == line)
      {
        *step = i;
        return TRUE;
      }
  return FALSE;
}

static const ReclaimTimelineGcNote *
gc_note (const ReclaimTimeline *timeline, guint n)
{
  return &g_array_index (timeline->gc_notes, ReclaimTimelineGcNote, n);
}

/* How many collector notes lie before position. */
static guint
gc_notes_before (const ReclaimTimeline *timeline, guint64 position)
{
  guint low = 0, high = timeline->gc_notes->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (gc_note (timeline, mid)->index < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The note that started the innermost collection running at position:
 * walking back, each finished collection is passed over whole. */
static gboolean
running_collection (const ReclaimTimeline *timeline, guint64 position, guint *start_note)
{
  guint depth = 0;

  for (guint n = gc_notes_before (timeline, position); n-- > 0;)
    {
      const ReclaimTimelineGcNote *note = gc_note (timeline, n);
      if (note->kind == RECLAIM_EV_GC_END)
        depth++;
      else if (note->kind == RECLAIM_EV_GC_START)
        {
          if (depth == 0)
            {
              *start_note = n;
              return TRUE;
            }
          depth--;
        }
    }
  return FALSE;
}

/* Walks the phases of the collection started by note `start` (its own,
 * not those of nested collections) that begin before position `before`. */
static void
walk_phases (const ReclaimTimeline *timeline, guint start, guint64 before, ReclaimTimelinePhase *out)
{
  guint depth = 0;
  gboolean checked = FALSE;

  memset (out, 0, sizeof *out);
  for (guint n = start + 1; n < timeline->gc_notes->len; n++)
    {
      const ReclaimTimelineGcNote *note = gc_note (timeline, n);
      if (note->index >= before)
        break;
      if (note->kind == RECLAIM_EV_GC_START)
        depth++;
      else if (note->kind == RECLAIM_EV_GC_END)
        {
          if (depth == 0)
            break;
          depth--;
        }
      else if (depth == 0)
        {
          out->number++;
          out->phase = note->phase;
          out->note = note->index;
          /* after finalizers ran, the check runs update_refs .. move_unreachable again */
          out->again = checked && note->phase <= RECLAIM_PHASE_MOVE_UNREACHABLE;
          checked |= note->phase == RECLAIM_PHASE_CHECK_GARBAGE;
        }
    }
}

ReclaimPhase
reclaim_timeline_phase_at (const ReclaimTimeline *timeline, guint64 position)
{
  ReclaimTimelinePhase phase;

  if (!reclaim_timeline_collection_phase (timeline, position, &phase))
    return RECLAIM_PHASE_NONE;
  return phase.phase;
}

gboolean
reclaim_timeline_is_phase_end (const ReclaimTimeline *timeline, guint64 position)
{
  guint n = count_before (timeline->phase_ends, position);

  return n < timeline->phase_ends->len && g_array_index (timeline->phase_ends, guint64, n) == position;
}

guint
reclaim_timeline_phase_ends_before (const ReclaimTimeline *timeline, guint64 position)
{
  return count_before (timeline->phase_ends, position);
}

gboolean
reclaim_timeline_collection_phase (const ReclaimTimeline *timeline, guint64 position,
                                   ReclaimTimelinePhase *phase)
{
  ReclaimTimelinePhase whole;
  guint start;

  if (!running_collection (timeline, position, &start))
    return FALSE;
  walk_phases (timeline, start, G_MAXUINT64, &whole);
  walk_phases (timeline, start, position, phase);
  phase->count = whole.number;
  return TRUE;
}

void
reclaim_timeline_scene_options (const ReclaimTimeline *timeline, ReclaimSceneOptions *options)
{
  memset (options, 0, sizeof *options);
  options->first_id = timeline->first_id;
  options->module_dict = timeline->module_dict;
  options->visibility = timeline->visibility;
}
