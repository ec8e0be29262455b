/* reclaim-lesson-pane.h: a lesson's narration and questions beside the canvas.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reclaim-lesson.h"
#include "reclaim-session.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_LESSON_PANE (reclaim_lesson_pane_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimLessonPane, reclaim_lesson_pane, RECLAIM, LESSON_PANE, GtkBox)

/* Signals:
 *   "load-script" (const char *text, gboolean show_internals)
 *       the window is to show text as its script, with the interpreter's
 *       objects or not; the pane then moves the session to the step.
 *   "moved"  the pane moved the session: to a step, or past a reveal. */
ReclaimLessonPane *reclaim_lesson_pane_new (ReclaimSession *session);

/* Reads, translates and runs the lesson at path and shows its step (the
 * last one for a larger number).  FALSE, the pane unchanged, with an
 * error that names the line when the file is no lesson or its code does
 * not run. */
gboolean       reclaim_lesson_pane_open        (ReclaimLessonPane *self,
                                                const char        *path,
                                                guint              step,
                                                GError           **error);
gboolean       reclaim_lesson_pane_has_lesson  (ReclaimLessonPane *self);
const ReclaimLesson *reclaim_lesson_pane_get_lesson (ReclaimLessonPane *self);
guint          reclaim_lesson_pane_get_step    (ReclaimLessonPane *self);
/* Shows step n: its narration, and the lesson's code loaded up to it,
 * the session at the step's position.  Steps are never locked. */
void           reclaim_lesson_pane_go_to_step  (ReclaimLessonPane *self,
                                                guint              step);
gboolean       reclaim_lesson_pane_back        (ReclaimLessonPane *self);
gboolean       reclaim_lesson_pane_next        (ReclaimLessonPane *self);
/* "reclaim --lesson NAME --step N", N counted from 1. */
char          *reclaim_lesson_pane_dup_link    (ReclaimLessonPane *self);

/* What a checkpoint or task does, as the buttons do it. */
void           reclaim_lesson_pane_answer      (ReclaimLessonPane *self,
                                                const char        *answer);
/* Checks the task of the step against the session's script; TRUE when
 * solved.  The pane says what is missing. */
gboolean       reclaim_lesson_pane_check       (ReclaimLessonPane *self);
/* Loads the reference solution of the step's task (the button asks first). */
void           reclaim_lesson_pane_show_solution (ReclaimLessonPane *self);
/* What the pane says now below the question: the reveal of a checkpoint
 * or the result of a check. */
const char    *reclaim_lesson_pane_get_feedback (ReclaimLessonPane *self);
/* What the pane says changed since the step before; "" for nothing. */
const char    *reclaim_lesson_pane_get_changes (ReclaimLessonPane *self);

G_END_DECLS
