/* reclaim-lesson-list.h: the lessons to choose from.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RECLAIM_TYPE_LESSON_LIST (reclaim_lesson_list_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimLessonList, reclaim_lesson_list, RECLAIM, LESSON_LIST, GtkBox)

/* Signals:
 *   "open-lesson" (const char *path)  a lesson was chosen */
ReclaimLessonList *reclaim_lesson_list_new     (void);
/* Reads the lessons and the user's progress again. */
void               reclaim_lesson_list_refresh (ReclaimLessonList *self);
/* The lesson files listed, in order (the list's). */
GPtrArray         *reclaim_lesson_list_get_paths (ReclaimLessonList *self);
/* What a lesson's row says under its summary: time, steps, progress. */
const char        *reclaim_lesson_list_get_status (ReclaimLessonList *self,
                                                   guint              index);
/* Whether the lesson's thumbnail is drawn yet. */
gboolean           reclaim_lesson_list_has_thumbnail (ReclaimLessonList *self,
                                                      guint              index);

G_END_DECLS
