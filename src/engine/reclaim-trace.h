/* reclaim-trace.h: the event log written as JSON Lines.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON object per line and per event, in log order, each with "ev" (what
 * happened) and "line" (the script line running when it happened).  Each
 * phase of a collection also gets a "gc_phase" line when it ends, with the
 * gc_refs of the collection's candidates at that moment.  The format is a
 * contract with other tools: docs/trace-format.md describes every line.
 *
 * The writers read the log only: they neither seek nor change the heap, so
 * they work at any position, live or time travelled, even from inside a
 * collection (a gc callback, a __del__).
 *
 * A range is the events [from, to).  Writing [a, b) then [b, c) gives the
 * same text as writing [a, c): a range that starts inside a collection reads
 * back to its gc_start first, and a phase's "gc_phase" line belongs to the
 * event that ends the phase, so it is written with that event.
 */
#pragma once

#include <stdio.h>

#include "reclaim-heap.h"

G_BEGIN_DECLS

/* Appends the lines of events [from, to) to out. */
void     reclaim_trace_write      (ReclaimHeap *heap,
                                   guint64      from,
                                   guint64      to,
                                   GString     *out);

/* The same lines, written to file in pieces of a few dozen kilobytes, so a
 * log of any length needs no more memory than that.  Returns FALSE and sets
 * error (G_FILE_ERROR) when writing fails; what was written before stays in
 * the file.  The file is flushed but not closed. */
gboolean reclaim_trace_write_file (ReclaimHeap *heap,
                                   guint64      from,
                                   guint64      to,
                                   FILE        *file,
                                   GError     **error);

G_END_DECLS
