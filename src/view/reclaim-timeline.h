/* reclaim-timeline.h: the points of a script's history worth a picture.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A script's history is the heap's event log from the script's first
 * event to the point where the interpreter starts to shut down (after the
 * last statement; what python3 does at exit comes after).  Its steps are
 * the statements run, counted by their line events, those of functions
 * called included, as Python Tutor steps.  "After step N" is the position
 * just before the line event of statement N + 1.
 *
 * The heap must have kept its events.
 */
#pragma once

#include "reclaim-heap.h"
#include "reclaim-scene.h"
#include "reclaim-visibility.h"

G_BEGIN_DECLS

typedef struct {
  ReclaimHeap *heap;
  guint64      start;        /* the script's first event */
  guint64      end;          /* the first event of the interpreter's exit */
  ReclaimId    first_id;     /* the first object the script made */
  ReclaimId    module_dict;  /* the module namespace, 0 if none */
  GArray      *lines;        /* guint64: position of each line event in [start, end) */
  GArray      *phase_ends;   /* guint64: where each collector phase is done, in order */
  GArray      *gc_notes;     /* ReclaimTimelineGcNote: the collector's start, phase and end notes */
  ReclaimVisibility *visibility; /* which objects the views show */
} ReclaimTimeline;

/* A collector note of the log, kept so that the phase at a position is
 * found without reading the collection's events again. */
typedef struct {
  guint64 index;             /* of the GC_START, GC_PHASE or GC_END event */
  guint8  kind;              /* ReclaimEventKind */
  guint8  phase;             /* ReclaimPhase, for GC_PHASE */
} ReclaimTimelineGcNote;

/* script_start is reclaim_interp_get_script_start().  Leaves the heap at
 * the position it had. */
/* The script's steps between script_start and script_end (the
 * interpreter's reclaim_interp_get_script_start/_end); module_dict is the
 * module namespace the frames column shows first. */
ReclaimTimeline *reclaim_timeline_new        (ReclaimHeap *heap,
                                              guint64      script_start,
                                              guint64      script_end,
                                              ReclaimId    module_dict);
void             reclaim_timeline_free       (ReclaimTimeline *timeline);

guint            reclaim_timeline_n_steps    (const ReclaimTimeline *timeline);
/* The position after step n (0 <= n <= n_steps; n_steps is the end). */
guint64          reclaim_timeline_step_position (const ReclaimTimeline *timeline,
                                                 guint                  step);
/* How many statements started before position: the step position is
 * in, counted from 0 before the first statement. */
guint            reclaim_timeline_steps_before (const ReclaimTimeline *timeline,
                                                guint64                position);
/* The line about to run after step n, or 0 at the end. */
guint            reclaim_timeline_step_line  (const ReclaimTimeline *timeline,
                                              guint                  step);
/* The step before the first run of line; FALSE if it never runs. */
gboolean         reclaim_timeline_find_line  (const ReclaimTimeline *timeline,
                                              guint                  line,
                                              guint                 *step);
/* Collector phases.  A phase is done at the position of the note that
 * starts the next one, or of its collection's GC_END: there the canvas
 * shows what the phase did (after subtract_refs, the gc_refs of each
 * candidate count only the references from outside the candidates).
 * The phase running at position (RECLAIM_PHASE_NONE outside a
 * collection, or before its first phase); a finalizer's nested
 * collection counts, as the innermost one. */
ReclaimPhase     reclaim_timeline_phase_at   (const ReclaimTimeline *timeline,
                                              guint64                position);
/* Whether a phase is done exactly at position. */
gboolean         reclaim_timeline_is_phase_end (const ReclaimTimeline *timeline,
                                                guint64                position);
/* How many phase ends lie before position (the index of the next one). */
guint            reclaim_timeline_phase_ends_before (const ReclaimTimeline *timeline,
                                                     guint64                position);
/* The phase of the innermost collection running at position. */
typedef struct {
  ReclaimPhase phase;        /* RECLAIM_PHASE_NONE before the first */
  guint64      note;         /* index of the GC_PHASE note that started it */
  guint        number;       /* 1-based among the collection's phases */
  guint        count;        /* how many phases the collection has */
  gboolean     again;        /* part of the resurrection check's second analysis */
} ReclaimTimelinePhase;

/* FALSE outside a collection.  At a phase end, the phase just done. */
gboolean         reclaim_timeline_collection_phase (const ReclaimTimeline *timeline,
                                                    guint64                position,
                                                    ReclaimTimelinePhase  *phase);
/* Scene options that show what the script made, and the interpreter's
 * machinery only when the timeline's visibility says so. */
void             reclaim_timeline_scene_options (const ReclaimTimeline *timeline,
                                                 ReclaimSceneOptions   *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimTimeline, reclaim_timeline_free)

G_END_DECLS
