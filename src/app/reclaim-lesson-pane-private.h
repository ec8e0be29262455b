/* reclaim-lesson-pane-private.h: what the lesson pane's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-lesson-pane.h"

G_BEGIN_DECLS

struct _ReclaimLessonPane
{
  GtkBox                 parent_instance;

  ReclaimSession        *session;
  ReclaimLesson         *lesson;
  ReclaimLessonRun      *run;
  ReclaimLessonPlayback *playback;
  char                  *name;       /* reclaim_lesson_name of its file */
  guint                  step;
  gboolean               revealed;   /* the checkpoint's answer is shown */
  GHashTable            *attempts;   /* step index -> what the user added to a task */
  char                  *feedback;
  char                  *changes;

  GtkLabel              *title_label;
  GtkLabel              *step_label;
  GtkScrolledWindow     *scroller;
  GtkLabel              *narration_label;
  GtkLabel              *changes_label;
  GtkWidget             *question_box;
  GtkLabel              *prompt_label;
  GtkWidget             *choices_box;
  GtkWidget             *typed_box;
  GtkEntry              *answer_entry;
  GtkWidget             *task_box;
  GtkLabel              *hint_label;
  GtkLabel              *feedback_label;
  GtkLabel              *solution_label;
  GtkWidget             *back_button;
  GtkWidget             *next_button;
  GtkLabel              *link_label;
  GtkLabel              *status_label;
};

/* reclaim-lesson-pane-widgets.c: builds the pane's widgets. */
void  reclaim_lesson_pane_build_widgets (ReclaimLessonPane *self);

/* reclaim-lesson-pane.c: the typed answer of a checkpoint, as its entry's
 * Enter and its Answer button give it. */
void  reclaim_lesson_pane_typed_answer  (ReclaimLessonPane *self);

G_END_DECLS
