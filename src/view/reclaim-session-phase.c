/* reclaim-session-phase.c: stepping a collection phase by phase.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The third step size, between a statement and an event: a phase step
 * stops where the next statement starts or where a phase of the cycle
 * collector is done, whichever comes first.  Outside a collection it is
 * a statement step; inside one, each press shows one phase's work (and a
 * __del__ the collector calls still stops at each of its statements).
 * Built on the session's public moves only.
 */
#include "reclaim-session.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "reclaim-caption-phase.h"

/* The first stop after position, or the end. */
static guint64
next_phase_stop (const ReclaimTimeline *timeline, guint64 position)
{
  guint64 stop = reclaim_timeline_step_position (timeline,
                                                 reclaim_timeline_steps_before (timeline, position + 1));
  guint next_end = reclaim_timeline_phase_ends_before (timeline, position + 1);

  if (next_end < timeline->phase_ends->len)
    stop = MIN (stop, g_array_index (timeline->phase_ends, guint64, next_end));
  return stop;
}

/* The last stop before position, or the script's start. */
static guint64
previous_phase_stop (const ReclaimTimeline *timeline, guint64 position)
{
  guint before = reclaim_timeline_steps_before (timeline, position);
  guint64 stop = before > 0 ? g_array_index (timeline->lines, guint64, before - 1) : timeline->start;
  guint ends = reclaim_timeline_phase_ends_before (timeline, position);

  if (ends > 0)
    stop = MAX (stop, g_array_index (timeline->phase_ends, guint64, ends - 1));
  return stop;
}

gboolean
reclaim_session_phase_forward (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self);
  guint64 position = reclaim_session_get_position (self);

  if (position >= timeline->end)
    return FALSE;
  reclaim_session_seek (self, next_phase_stop (timeline, position));
  return TRUE;
}

gboolean
reclaim_session_phase_back (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self);
  guint64 position = reclaim_session_get_position (self);

  if (position <= timeline->start)
    return FALSE;
  reclaim_session_seek (self, previous_phase_stop (timeline, position));
  return TRUE;
}

ReclaimPhase
reclaim_session_get_phase (ReclaimSession *self)
{
  return reclaim_timeline_phase_at (reclaim_session_get_timeline (self),
                                    reclaim_session_get_position (self));
}

char *
reclaim_session_describe_phase (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self);
  guint64 position = reclaim_session_get_position (self);
  ReclaimTimelinePhase phase;

  if (!reclaim_timeline_is_phase_end (timeline, position) ||
      !reclaim_timeline_collection_phase (timeline, position, &phase))
    return NULL;
  return reclaim_caption_phase_done (reclaim_session_get_heap (self), phase.note, position,
                                     timeline->first_id, phase.again);
}

/* Which event stop of its statement position is, and how many the
 * statement has: what stepping into events counts. */
static void
count_event_stops (ReclaimSession *self, guint64 position, guint *number, guint *count)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self);
  guint step = reclaim_timeline_steps_before (timeline, position);
  guint64 from = step > 0 ? g_array_index (timeline->lines, guint64, step - 1) : timeline->start;
  guint64 to = reclaim_timeline_step_position (timeline, step);

  *number = *count = 0;
  for (guint64 i = from; i < to; i++)
    if (reclaim_session_event_is_stop (self, i))
      {
        (*count)++;
        if (i < position)
          (*number)++;
      }
}

char *
reclaim_session_describe_position (ReclaimSession *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self);
  guint64 position = reclaim_session_get_position (self);
  guint line = reclaim_session_get_line (self);
  guint step = reclaim_session_get_step (self);
  guint n_steps = reclaim_timeline_n_steps (timeline);
  gboolean on_statement = position >= timeline->end ||
                          reclaim_timeline_step_position (timeline, step) == position;
  GString *text = g_string_new (NULL);
  ReclaimTimelinePhase phase;

  if (line != 0)
    g_string_printf (text, _("Step %u of %u · line %u"), step, n_steps, line);
  else
    g_string_printf (text, _("Step %u of %u · end"), step, n_steps);
  /* a __del__ the collector called is inside one of its phases */
  if (reclaim_timeline_collection_phase (timeline, position, &phase) && phase.number > 0)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: "phase 2 of 7: subtract_refs"; the name is CPython's */
      g_string_append_printf (text, _("phase %u of %u: %s"), phase.number, phase.count,
                              reclaim_caption_phase_name (phase.phase));
    }
  if (!on_statement && !reclaim_timeline_is_phase_end (timeline, position))
    {
      guint number, count;
      count_event_stops (self, position, &number, &count);
      g_string_append (text, strchr (text->str, '\n') != NULL ? " · " : "\n");
      g_string_append_printf (text, _("event %u of %u"), number, count);
    }
  return g_string_free (text, FALSE);
}
