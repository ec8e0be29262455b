/* reclaim-session.h: one script, its run, and where the user is in it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is what a window shows: the script, the heap its run left
 * with every event kept, the script's timeline, and a position in that
 * history.  Changing the script (typed, or by a canvas edit, which appends
 * the equivalent Python line) runs it again from the start; undo and redo
 * move between the versions of the script.  Stepping and scrubbing are
 * moves of the heap's position (time travel), never re-runs.
 *
 * GTK-free, so that the controller tests run without a display.
 *
 * Signals:
 *   "ran"      the script was run again (new heap, timeline, output)
 *   "moved"    the position changed (also emitted after "ran")
 *   "positions-changed"  a card position was chosen or forgotten
 *   "source-changed"  the script changed (an edit, undo, a file); its run
 *              follows, at once or, in the background, later
 * all emitted on the thread that made the session, never on a worker.
 *
 * Property "running": a background run is under way.
 */
#pragma once

#include <glib-object.h>

#include "reclaim-edit.h"
#include "reclaim-heap.h"
#include "reclaim-layout.h"
#include "reclaim-scene.h"
#include "reclaim-timeline.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_SESSION (reclaim_session_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimSession, reclaim_session, RECLAIM, SESSION, GObject)

ReclaimSession *reclaim_session_new (void);

/* The collector model the script runs under (CPython by default). */
void         reclaim_session_set_collector (ReclaimSession      *self,
                                            ReclaimCollectorMode mode);
ReclaimCollectorMode reclaim_session_get_collector (ReclaimSession *self);
/* The file name tracebacks show ("script.py" by default); takes effect
 * at the next run. */
void         reclaim_session_set_script_name (ReclaimSession *self,
                                              const char     *name);

/* Where the script runs.  At first on the calling thread: every change
 * has run when the call returns (tools and tests).  In the background
 * (the window): on a worker thread, one run at a time; the heap, the
 * timeline and the output stay the last run's until the new run is
 * handed back on the session's thread, through the main context it was
 * made in.  A change while a run is under way supersedes it. */
void         reclaim_session_set_run_in_background (ReclaimSession *self,
                                                    gboolean        background);
gboolean     reclaim_session_is_running   (ReclaimSession *self);
/* Stops the background run at its next step.  Its history is dropped at
 * once (a long run leaves millions of events, which take long to index):
 * the session keeps showing the last run that finished, as is_stale()
 * says, with what the stopped run printed and a message saying Stop was
 * pressed (status 3, as at the step limit). */
void         reclaim_session_stop         (ReclaimSession *self);
/* Blocks until the background runs have finished and been taken (-1: as
 * long as it takes), without the main loop; FALSE when time ran out. */
gboolean     reclaim_session_wait         (ReclaimSession *self,
                                           int             timeout_ms);

/* The script (without the positions block). */
const char  *reclaim_session_get_source   (ReclaimSession *self);
/* Replaces the script and runs it; an undo point.  The position goes to
 * the end of the script. */
void         reclaim_session_set_source   (ReclaimSession *self,
                                           const char     *source);
/* A file's text: the script and its saved card positions.  Clears undo. */
void         reclaim_session_load_text    (ReclaimSession *self,
                                           const char     *text);
/* Where the script's run opens, once it is done (at once when no run is
 * under way): before the first run of line, or before the first
 * statement when that line never runs (0 or 1: the start). */
void         reclaim_session_open_before_line (ReclaimSession *self,
                                               guint           line);
/* The text to save: the script and the card positions. */
char        *reclaim_session_dup_text     (ReclaimSession *self);

gboolean     reclaim_session_can_undo     (ReclaimSession *self);
gboolean     reclaim_session_can_redo     (ReclaimSession *self);
void         reclaim_session_undo         (ReclaimSession *self);
void         reclaim_session_redo         (ReclaimSession *self);

/* The last run: what it printed (stdout and stderr as they came), its
 * exit status (python3's), and the line of the error that stopped it (0:
 * none) with the error's last line ("NameError: name 'x' is not
 * defined"). */
const char  *reclaim_session_get_output   (ReclaimSession *self);
/* How much of the output the script had printed at the position (all of
 * it at the end, what python3 prints as it exits included). */
gsize        reclaim_session_get_output_length (ReclaimSession *self);
int          reclaim_session_get_status   (ReclaimSession *self);
/* TRUE when the script did not start (a syntax error) or was stopped,
 * and the heap, the timeline and the position are still those of the last
 * run that finished. */
gboolean     reclaim_session_is_stale     (ReclaimSession *self);
/* Statements and expressions a run may evaluate before it is stopped (0:
 * the session's default); runs the script again when it changes. */
void         reclaim_session_set_max_steps (ReclaimSession *self,
                                            guint64         max_steps);
/* Bytes a run may take, its objects and every event it keeps, before it
 * is stopped (0: the session's default); runs the script again when it
 * changes. */
void         reclaim_session_set_max_memory (ReclaimSession *self,
                                             guint64         max_memory);
guint        reclaim_session_get_error_line (ReclaimSession *self);
const char  *reclaim_session_get_error_message (ReclaimSession *self);

/* Never NULL: an empty script has a heap and a timeline too. */
ReclaimHeap *reclaim_session_get_heap     (ReclaimSession *self);
const ReclaimTimeline *reclaim_session_get_timeline (ReclaimSession *self);
/* Whether the views show the interpreter's objects too (classes,
 * functions, modules, argument tuples: reclaim-visibility.h); FALSE at
 * first.  The canvas, the captions, event steps and the marks follow it.
 * Emits "moved" so that the views show the change. */
void         reclaim_session_set_show_internals (ReclaimSession *self,
                                                 gboolean        show);
gboolean     reclaim_session_get_show_internals (ReclaimSession *self);
/* Whether the views show obj. */
gboolean     reclaim_session_shows        (ReclaimSession *self,
                                           ReclaimId       obj);
/* Scene options for the script's objects at the current position. */
void         reclaim_session_scene_options (ReclaimSession      *self,
                                            ReclaimSceneOptions *options);

/* Where the user is: an event position in [start, end] of the timeline. */
guint64      reclaim_session_get_position (ReclaimSession *self);
void         reclaim_session_seek         (ReclaimSession *self,
                                           guint64         position);
/* The step the position is in (0 .. n_steps), and the line it shows as
 * running (0 at the end). */
guint        reclaim_session_get_step     (ReclaimSession *self);
guint        reclaim_session_get_line     (ReclaimSession *self);
/* Moves; FALSE when already at that end.  An event step stops after
 * every event about an object the views show, a statement or the
 * collector's phases; the events of hidden objects and the collector's
 * bookkeeping are folded into the next stop. */
gboolean     reclaim_session_step_forward (ReclaimSession *self);
gboolean     reclaim_session_step_back    (ReclaimSession *self);
gboolean     reclaim_session_event_forward (ReclaimSession *self);
gboolean     reclaim_session_event_back   (ReclaimSession *self);
/* Whether stepping into events stops after event i. */
gboolean     reclaim_session_event_is_stop (ReclaimSession *self,
                                            guint64         i);
void         reclaim_session_go_to_start  (ReclaimSession *self);
void         reclaim_session_go_to_end    (ReclaimSession *self);

/* Stepping by collector phase (reclaim-session-phase.c): to the next
 * (previous) place where a statement starts or a phase of the cycle
 * collector is done; FALSE when already at that end. */
gboolean     reclaim_session_phase_forward (ReclaimSession *self);
gboolean     reclaim_session_phase_back   (ReclaimSession *self);
/* The collector phase running at the position (just done, at a phase's
 * end), RECLAIM_PHASE_NONE outside a collection. */
ReclaimPhase reclaim_session_get_phase    (ReclaimSession *self);
/* What the phase just done did, or NULL when the position is not where
 * a phase is done. */
char        *reclaim_session_describe_phase (ReclaimSession *self);
/* Where the user is, in the units they step by: "Step 16 of 19 · line
 * 20", then on a second line inside a collection "phase 2 of 7:
 * subtract_refs", and between stops "event 3 of 12". */
char        *reclaim_session_describe_position (ReclaimSession *self);

/* One plain sentence about the event just before the position (the one
 * the last move applied): "n2 freed: its reference count reached 0". */
char        *reclaim_session_describe     (ReclaimSession *self);

/* A name for obj for captions and the inspector: its expression at the
 * script's end when it has one ("n1.next"), else "Node #57". */
char        *reclaim_session_name_of      (ReclaimSession *self,
                                           ReclaimId       obj);

/* Canvas edits: each changes the script as reclaim-edit.h says, runs it
 * (an undo point) and goes to the end.  FALSE with error: nothing
 * changed. */
gboolean     reclaim_session_new_object   (ReclaimSession *self,
                                           ReclaimNewKind  kind,
                                           GError        **error);
gboolean     reclaim_session_add_reference (ReclaimSession *self,
                                            ReclaimId       holder,
                                            const char     *name,
                                            ReclaimId       target,
                                            gboolean        weak,
                                            GError        **error);
char        *reclaim_session_default_name (ReclaimSession *self,
                                           ReclaimId       holder,
                                           gboolean        weak);
gboolean     reclaim_session_delete_reference (ReclaimSession *self,
                                               ReclaimId       holder,
                                               guint           slot,
                                               GError        **error);
gboolean     reclaim_session_give_finalizer (ReclaimSession *self,
                                             ReclaimId       obj,
                                             GError        **error);
gboolean     reclaim_session_collect      (ReclaimSession *self);

/* Card positions the user chose (scene units).  Kept by object name, so
 * they survive re-runs and are saved with the script; objects without a
 * name by id, which holds while the script before them is unchanged.
 * Cards in the way of a chosen position move out of it for good. */
gboolean     reclaim_session_get_card_position (ReclaimSession *self,
                                                ReclaimId       obj,
                                                double         *x,
                                                double         *y);
void         reclaim_session_set_card_position (ReclaimSession *self,
                                                ReclaimId       obj,
                                                double          x,
                                                double          y);
gboolean     reclaim_session_has_card_positions (ReclaimSession *self);
/* Forgets every chosen position and every card's place (Tidy up). */
void         reclaim_session_clear_card_positions (ReclaimSession *self);

/* Moves the cards of a scene of this run (laid out with options) to the
 * places they keep for the whole run: an object's card holds still from
 * the step it appears until it is freed, and after an edit (see
 * reclaim-placement.h).  A file loaded or Tidy up starts afresh. */
void         reclaim_session_place_scene (ReclaimSession             *self,
                                          ReclaimScene               *scene,
                                          const ReclaimLayoutOptions *options);
/* Sizes the cards of a scene of this run and moves them to the places
 * they keep for the whole run, as reclaim_session_place_scene() does; the
 * whole layout (columns, order) is worked out only when a card has no
 * such place yet, which stepping through a run never needs. */
void         reclaim_session_lay_out_scene (ReclaimSession             *self,
                                            ReclaimScene               *scene,
                                            const ReclaimLayoutOptions *options);
/* The rectangle holding every card's place in the whole run, once a
 * scene was placed: a view showing it need not move as the user steps.
 * FALSE when nothing was placed yet. */
gboolean     reclaim_session_get_run_bounds (ReclaimSession *self,
                                             double         *x0,
                                             double         *y0,
                                             double         *x1,
                                             double         *y1);

G_END_DECLS
