/* reclaim-run.h: one run of a script, on whichever thread runs it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run owns all it makes: the interpreter with its heap, the timeline,
 * the output.  The engine and the interpreter are single-threaded, so a
 * run is used by one thread at a time: the one executing it, then the
 * one it is handed back to (the session's, reclaim-session.c).  Nothing
 * in it points back at the session, which may change or go meanwhile.
 */
#pragma once

#include "reclaim-interp.h"
#include "reclaim-timeline.h"

G_BEGIN_DECLS

/* Why a run was cancelled. */
typedef enum {
  RECLAIM_RUN_GOING,
  RECLAIM_RUN_STOPPED,     /* the user pressed Stop: what it printed is shown */
  RECLAIM_RUN_SUPERSEDED,  /* a newer text replaced it: it is thrown away */
} ReclaimRunCancel;

/* How much of the output had been written when the log had `events`
 * events. */
typedef struct {
  guint64 events;
  gsize   length;
} ReclaimOutputMark;

typedef struct _ReclaimRun ReclaimRun;

struct _ReclaimRun
{
  /* What to run: copies, so that the session may change meanwhile. */
  char                *source;
  char                *script_name;
  ReclaimCollectorMode collector;
  guint64              max_steps;
  guint32              max_objects;
  guint64              max_memory;       /* bytes: objects and every event kept */
  /* The session's, never read by the worker. */
  gpointer             owner;            /* the session waiting for it, or NULL */
  guint                open_after_line;  /* where the session opens it (0: at the end) */
  guint                open_before_line; /* or before the first run of this line (0: not asked) */

  /* What it left: taken by the thread it is handed back to.  A cancelled
   * run leaves its output and status only (interp and timeline NULL). */
  ReclaimInterp       *interp;
  ReclaimTimeline     *timeline;
  GString             *output;        /* stdout and stderr as they came */
  GString             *errors;        /* stderr alone */
  GArray              *output_marks;  /* ReclaimOutputMark, one per write */
  int                  status;
  guint                error_line;

  /* private */
  gint                 cancel;        /* ReclaimRunCancel, set from any thread */
  GMutex               lock;
  GCond                finished_cond;
  gboolean             finished;
};

ReclaimRun *reclaim_run_new     (const char          *source,
                                 const char          *script_name,
                                 ReclaimCollectorMode collector,
                                 guint64              max_steps,
                                 guint32              max_objects,
                                 guint64              max_memory);
void        reclaim_run_free    (ReclaimRun          *run);

/* Runs the script on the calling thread.  Runs on all threads take turns
 * (lang keeps a few process-wide tables), so this waits for a run under
 * way elsewhere, which a cancel ends at its next step. */
void        reclaim_run_execute (ReclaimRun          *run);
/* Code that runs a script on its own (a lesson's checks and pictures)
 * takes its turn with the runs between these two calls. */
void        reclaim_run_take_turn (void);
void        reclaim_run_end_turn  (void);
/* Runs the script on a worker thread, then calls done (run, user_data) on
 * the calling thread's main context. */
void        reclaim_run_execute_in_thread (ReclaimRun *run,
                                           void      (*done) (ReclaimRun *run, gpointer user_data),
                                           gpointer    user_data);
/* From any thread: the script stops at its next step. */
void        reclaim_run_cancel  (ReclaimRun          *run,
                                 ReclaimRunCancel     why);
ReclaimRunCancel reclaim_run_get_cancel (ReclaimRun  *run);
/* Blocks until the run has finished or until end_time
 * (g_get_monotonic_time; -1: no end); TRUE when it has finished. */
gboolean    reclaim_run_wait_until (ReclaimRun       *run,
                                    gint64            end_time);

G_END_DECLS
