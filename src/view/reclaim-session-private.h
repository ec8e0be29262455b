/* reclaim-session-private.h: what the session's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session is split by concern: reclaim-session.c builds it, keeps the
 * source and its undo history, and moves through the run;
 * reclaim-session-run.c runs the script (at once or on a worker);
 * reclaim-session-edit.c turns canvas edits into statements;
 * reclaim-session-positions.c keeps the card positions the user chose;
 * reclaim-session-phase.c steps a collection phase by phase.
 */

#pragma once

#include "reclaim-interp.h"
#include "reclaim-placement.h"
#include "reclaim-run.h"
#include "reclaim-session.h"

G_BEGIN_DECLS

/* A window runs scripts as the user types: a runaway script must stop
 * soon, and its history must fit in memory (24 bytes an event). */
#define SESSION_MAX_STEPS   2000000
#define SESSION_MAX_OBJECTS 200000
#define SESSION_MAX_MEMORY  ((guint64) 2048 << 20)

struct _ReclaimSession
{
  GObject          parent_instance;

  char            *source;
  char            *script_name;
  ReclaimCollectorMode collector;
  gboolean         show_internals;
  GPtrArray       *undo;          /* char *: earlier sources, newest last */
  GPtrArray       *redo;

  /* The last run. */
  ReclaimInterp   *interp;
  ReclaimTimeline *timeline;
  ReclaimEditContext *names;      /* names at the script's end */
  ReclaimEditContext *shown_names; /* names at shown_position, for edits made there */
  guint64          shown_position;
  guint            stay_after_line;  /* the next run opens after this top-level statement (0: at the end) */
  GString         *output;
  GString         *errors;        /* what went to stderr alone */
  GArray          *output_marks;  /* OutputMark, one per write, in order */
  int              status;
  guint            error_line;
  char            *error_message;
  /* The script did not start (a syntax error): interp, timeline and
   * names are still the last run that did. */
  gboolean         stale;
  gboolean         keep_last_run;  /* a script that does not start keeps the last run shown */
  guint64          max_steps;
  guint64          max_memory;  /* bytes */

  /* Card positions the user chose, saved with the script: by name, or
   * "#id" for objects without one (ids are the same as long as the
   * script before them is). */
  GHashTable      *positions;     /* char * -> ReclaimEditPoint * */
  /* Where the other cards stay for the whole run (see reclaim-placement.h). */
  ReclaimPlacement *placement;
  gboolean         placement_current;  /* prepared for this run */
  gboolean         placement_afresh;   /* the next preparation forgets the last run's */

  gboolean         moved_by_event; /* the last move was an event step */

  /* Runs on a worker thread (the window's way), one at a time. */
  gboolean         in_background;
  ReclaimRun      *running;       /* on the worker; NULL: none */
  ReclaimRun      *queued;        /* the newest text, waiting for the worker */
};

typedef ReclaimOutputMark OutputMark;

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  SIGNAL_RAN,
  SIGNAL_MOVED,
  SIGNAL_POSITIONS_CHANGED,
  SIGNAL_SOURCE_CHANGED,
  N_SIGNALS
};

extern GParamSpec *reclaim_session_properties[N_PROPS];
extern guint reclaim_session_signals[N_SIGNALS];

/* reclaim-session-run.c */
void     reclaim_session_run                    (ReclaimSession *self);
void     reclaim_session_forget_background_runs (ReclaimSession *self);
gboolean reclaim_session_is_top_level_line      (ReclaimSession *self,
                                                 guint           line);

G_END_DECLS
