/* reclaim-caption-phase.h: what a phase of the cycle collector did.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stepping by phase stops where a phase of a collection is done; the
 * caption then says in one or two plain sentences what the phase did and
 * what the canvas now shows, with the counts of the script's objects.
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

/* The phase's name as CPython's gcmodule.c spells its function
 * ("subtract_refs"), or "mark" and "sweep". */
const char *reclaim_caption_phase_name (ReclaimPhase phase);

/* What the phase that started with the GC_PHASE note at index `from`
 * did, up to position `to` (where the heap is), counting the objects
 * from first_id on.  again: the phase is part of the resurrection
 * check's second analysis of the garbage alone. */
char       *reclaim_caption_phase_done (ReclaimHeap *heap,
                                        guint64      from,
                                        guint64      to,
                                        ReclaimId    first_id,
                                        gboolean     again);

G_END_DECLS
