/* reclaim-interp.h: run a script of the Python subset on a heap.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

typedef struct _ReclaimInterp ReclaimInterp;

/* Where the script's output goes. */
typedef void (*ReclaimWriteFunc) (const char *text, gsize len, gpointer user_data);

typedef struct {
  ReclaimCollectorMode collector;
  /* Runaway scripts: statements and expressions evaluated, and objects
   * alive at once, before the script is stopped (0: the defaults). */
  guint64          max_steps;
  guint32          max_objects;
  /* How the message of a stopped script says to raise max_steps (NULL:
   * "raise the limit with --max-steps", reclaim-cli's option). */
  const char      *max_steps_advice;
  /* Bytes a script may hold (objects, their slots, the strs it makes)
   * before MemoryError, as python3 answers when malloc fails (0: the
   * default). */
  guint64          max_memory;
  /* When set, a script that would go past max_memory is stopped as the
   * step limit stops one, and the message says this to raise it ("raise
   * it in Preferences, Memory limit"); NULL: MemoryError, as above. */
  const char      *max_memory_advice;
  /* Set to non-zero (from any thread, with g_atomic_int_set) to stop the
   * script at its next step as the step limit does, with cancel_reason in
   * the message ("you pressed Stop"); NULL: the script is never cancelled. */
  const gint      *cancel;
  const char      *cancel_reason;
  /* Apply the heap's events without keeping them: less memory, but no
   * trace and no time travel afterwards. */
  gboolean         drop_events;
  ReclaimWriteFunc write_stdout;
  ReclaimWriteFunc write_stderr;
  gpointer         user_data;
} ReclaimInterpOptions;

#define RECLAIM_DEFAULT_MAX_STEPS   50000000
#define RECLAIM_DEFAULT_MAX_OBJECTS 2000000
#define RECLAIM_DEFAULT_MAX_MEMORY  ((guint64) 1 << 30)

ReclaimInterp *reclaim_interp_new     (const ReclaimInterpOptions *options);
void           reclaim_interp_free    (ReclaimInterp *interp);
ReclaimHeap   *reclaim_interp_get_heap (ReclaimInterp *interp);
/* The first event of the script itself; the ones before build the
 * interpreter's own objects (builtins, modules). */
guint64        reclaim_interp_get_script_start (ReclaimInterp *interp);
/* Where python3's exit begins (weakref.finalize, the last collections):
 * the number of events when the script's last statement had run. */
guint64        reclaim_interp_get_script_end (ReclaimInterp *interp);
/* The module's namespace: the dict the "Global frame" shows. */
ReclaimId      reclaim_interp_get_module_namespace (ReclaimInterp *interp);

/* Parses and runs a script.  Returns what python3 would exit with: 0, or 1
 * after an uncaught exception or a syntax error (the traceback or error
 * goes to write_stderr, as python3 prints it).  A script using something
 * outside the subset is refused before it runs. */
int            reclaim_interp_run     (ReclaimInterp *interp,
                                       const char    *source,
                                       gssize         length,   /* -1: NUL-terminated */
                                       const char    *filename);

/* For a write_stdout that could not write (a full disk, /dev/full): the
 * print() that wrote raises OSError "[Errno N] ...", as python3's does. */
void           reclaim_interp_set_output_error (ReclaimInterp *interp, int errno_value);

/* The line of the script the error that stopped it names: a syntax
 * error's, or the innermost line of the script in the traceback of an
 * uncaught exception.  0 when the script did not stop on an error. */
guint          reclaim_interp_get_error_line (ReclaimInterp *interp);

G_END_DECLS
