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
      const ReclaimEvent *ev = reclaim_heap_get_event (heap, i);
      if (ev->kind == RECLAIM_EV_ALLOC)
        last = MAX (last, ev->obj);
    }
  return last + 1;
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
    if (reclaim_heap_get_event (heap, i)->kind == RECLAIM_EV_LINE)
      g_array_append_val (timeline->lines, i);
  return timeline;
}

void
reclaim_timeline_free (ReclaimTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_array_unref (timeline->lines);
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

guint
reclaim_timeline_steps_before (const ReclaimTimeline *timeline, guint64 position)
{
  guint low = 0, high = timeline->lines->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (g_array_index (timeline->lines, guint64, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

guint
reclaim_timeline_step_line (const ReclaimTimeline *timeline, guint step)
{
  if (step >= timeline->lines->len)
    return 0;
  return reclaim_heap_get_event (timeline->heap, g_array_index (timeline->lines, guint64, step))->x;
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

void
reclaim_timeline_scene_options (const ReclaimTimeline *timeline, ReclaimSceneOptions *options)
{
  memset (options, 0, sizeof *options);
  options->first_id = timeline->first_id;
  options->module_dict = timeline->module_dict;
  options->visibility = timeline->visibility;
}
