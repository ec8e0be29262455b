/* reclaim-lesson.h: step-through lessons, read from one Python file.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lesson is a Python script that python3 runs unchanged; its narration,
 * checkpoints and tasks live in comments, in "percent" cells (# %%) as
 * Jupytext, Spyder and VS Code read them.  docs/lessons.md describes the
 * format.  This file reads it (reclaim_lesson_parse) and runs it on the
 * language layer (reclaim_lesson_run, reclaim_lesson_probe): what each
 * step's code prints, and whether a task's goal holds.
 *
 * GTK-free: the player in the window, reclaim-cli lesson and the tests
 * share it.
 */
#pragma once

#include <glib.h>

#include "reclaim-heap.h"
#include "reclaim-render.h"
#include "reclaim-scene.h"

G_BEGIN_DECLS

#define RECLAIM_LESSON_ERROR (reclaim_lesson_error_quark ())
GQuark reclaim_lesson_error_quark (void);

typedef enum {
  RECLAIM_LESSON_ERROR_FORMAT,   /* the file breaks the format: the message names the line */
  RECLAIM_LESSON_ERROR_RUN,      /* the code does not run as the lesson needs */
} ReclaimLessonError;

typedef enum {
  RECLAIM_LESSON_INTERPRETER_DEFAULT,   /* as the step before (hidden at first) */
  RECLAIM_LESSON_INTERPRETER_SHOW,
  RECLAIM_LESSON_INTERPRETER_HIDE,
} ReclaimLessonInterpreter;

/* One condition of a task: a Python expression over the script's state,
 * and what to tell the user while it is false. */
typedef struct {
  char  *expression;
  char  *missing;        /* never NULL: a default names the expression */
  guint  line;
} ReclaimLessonGoal;

typedef struct {
  /* Markdown with the comment marks taken off, or NULL. */
  char       *narration;
  guint       narration_line;

  /* A checkpoint or a task: what it asks (markdown), or NULL for neither. */
  char       *prompt;
  guint       prompt_line;

  /* A predict checkpoint: the answer is what the step's code prints.
   * With choices (NULL-terminated, or NULL for a typed answer) the answer
   * must be one of them. */
  gboolean    predict;
  char      **choices;

  /* A task: the step's code is the reference solution, which python3
   * runs and the player hides.  goals is ReclaimLessonGoal, in order. */
  gboolean    task;
  GArray     *goals;
  char       *hint;

  /* The code cell; code is NULL for a step of narration only.  Lines are
   * the file's, from 1; code_line is the cell's marker line.  A picture
   * step (a markdown cell with show=, phase= or interpreter=) has no code
   * but the lines of the code before it, which it looks at again. */
  char       *code;
  guint       code_line;
  guint       first_line, last_line;

  /* What the picture of the step shows: objects pointed at by the
   * expressions that reach them, a stop at a collector phase during the
   * step's code (RECLAIM_PHASE_NONE: at its end), the interpreter's
   * objects or not. */
  char      **show;
  ReclaimPhase phase;
  ReclaimLessonInterpreter interpreter;
} ReclaimLessonStep;

typedef struct {
  char   *title;
  char   *summary;
  char   *assumes;
  char   *cpython;
  guint   minutes;
  /* The whole file, as python3 runs it. */
  char   *source;
  char   *filename;
  GArray *steps;          /* ReclaimLessonStep */
} ReclaimLesson;

/* Reads a lesson.  On a broken one, NULL and an error whose message starts
 * with "FILENAME:LINE: ". */
ReclaimLesson *reclaim_lesson_parse (const char  *source,
                                     const char  *filename,
                                     GError     **error);
/* reclaim_lesson_parse() of a file's contents. */
ReclaimLesson *reclaim_lesson_load  (const char  *path,
                                     GError     **error);
void           reclaim_lesson_free  (ReclaimLesson *lesson);

guint          reclaim_lesson_n_steps (const ReclaimLesson *lesson);
ReclaimLessonStep *reclaim_lesson_get_step (const ReclaimLesson *lesson,
                                            guint                index);
/* The number of predict checkpoints and of tasks. */
guint          reclaim_lesson_count_predicts (const ReclaimLesson *lesson);
guint          reclaim_lesson_count_tasks (const ReclaimLesson *lesson);

/* "update_refs" ... "delete_garbage" (and "resurrection" for
 * check_garbage); FALSE for anything else. */
gboolean       reclaim_lesson_phase_from_name (const char   *name,
                                               ReclaimPhase *phase);

/* Translation.  A lesson's prose is translated with gettext, in the
 * "reclaim" domain, one Markdown block (text between blank lines) at a
 * time: the header's title, summary and assumes, narration, the question
 * of a checkpoint or task, a goal's missing message, a hint.  Choices,
 * code and goals stay as they are: they are Python, or what it prints.
 *
 * The msgids of a lesson, in the order of the file, each once. */
GPtrArray     *reclaim_lesson_translatable (const ReclaimLesson *lesson);
/* Replaces the lesson's prose with its translation in the current
 * locale; text the catalogue lacks (a lesson of the user's) stays. */
void           reclaim_lesson_translate (ReclaimLesson *lesson);

/* The file's lines 1..last, each ending in a newline: the code a step
 * builds on. */
char          *reclaim_lesson_source_through (const ReclaimLesson *lesson,
                                              guint                last);

/* A lesson run as python3 runs it, with what each step's code printed. */
typedef struct {
  int     status;         /* python3's exit status */
  char   *output;         /* stdout, whole */
  char   *errors;         /* stderr, whole */
  char  **step_output;    /* per step, n_steps of them, NULL-terminated */
} ReclaimLessonRun;

/* Runs the lesson on Reclaim's interpreter; NULL and an error when it
 * cannot be run at all. */
ReclaimLessonRun *reclaim_lesson_run (const ReclaimLesson *lesson,
                                      GError             **error);
void              reclaim_lesson_run_free (ReclaimLessonRun *run);

/* The answer of a checkpoint: what the step printed, trimmed. */
char          *reclaim_lesson_answer (const ReclaimLessonRun *run,
                                      guint                   step);
/* Does a typed answer match?  Compared without surrounding blanks and with
 * runs of blanks as one space. */
gboolean       reclaim_lesson_answer_matches (const char *expected,
                                              const char *given);

/* A task's goals over the state the lesson's code reaches when the code
 * before step `step` runs, then `code` (NULL: nothing; the step's code: its
 * reference solution).  Returns TRUE when every goal holds; else FALSE
 * with the messages of the goals still missing in *missing (a
 * NULL-terminated array, or an error's text when the code does not run). */
gboolean       reclaim_lesson_check_task (const ReclaimLesson *lesson,
                                          guint                step,
                                          const char          *code,
                                          char              ***missing);

/* Do the expressions of the step's show= all evaluate, after its code?
 * FALSE with the first that does not, and why, in *problem. */
gboolean       reclaim_lesson_check_show (const ReclaimLesson *lesson,
                                          guint                step,
                                          char               **problem);

/* A lesson run with every event kept, to picture its steps. */
typedef struct _ReclaimLessonPlayback ReclaimLessonPlayback;

/* NULL and an error when the lesson's code does not run to its end. */
ReclaimLessonPlayback *reclaim_lesson_playback_new (const ReclaimLesson *lesson,
                                                    GError             **error);
void           reclaim_lesson_playback_free (ReclaimLessonPlayback *playback);
/* Where the step's picture is taken: after its code, or, with a phase, when
 * the first collection the step's code runs has finished that phase.
 * FALSE with an error naming the step's line when the code runs no such
 * phase. */
gboolean       reclaim_lesson_playback_position (ReclaimLessonPlayback *playback,
                                                 guint                  step,
                                                 guint64               *position,
                                                 GError               **error);
/* The heap at that position (the playback's heap moves there), as the
 * step shows it: the interpreter's objects as its interpreter= says. */
ReclaimScene  *reclaim_lesson_playback_scene (ReclaimLessonPlayback *playback,
                                              guint                  step,
                                              guint64                position);
/* Highlights what a step's show= expressions reach in scene: each name's
 * row in the Global frame, then attributes (.next), items ([0]) and keys
 * (['k']) followed through the rows, with the arrows on the way.  Fills
 * decorations (its cards and arrows arrays are the caller's to g_free);
 * FALSE when nothing was found. */
gboolean       reclaim_lesson_highlight (const ReclaimScene *scene,
                                         char *const        *show,
                                         ReclaimDecorations *decorations);
/* What changed from one picture to the next, in a sentence or two: the
 * objects that appeared and went, and the reference counts that moved.
 * Objects are named by their type, and by the global name that reaches
 * them if any.  NULL when nothing changed. */
char          *reclaim_lesson_describe_changes (const ReclaimScene *before,
                                                const ReclaimScene *after);
/* A sentence listing the objects and references a scene shows, for the
 * alt text of a figure. */
char          *reclaim_lesson_describe_scene (const ReclaimScene *scene);

/* Whether a step's picture shows the interpreter's objects: as the last
 * step up to it that said so (interpreter=), hidden at first. */
gboolean       reclaim_lesson_shows_interpreter (const ReclaimLesson *lesson,
                                                 guint                step);

/* The lesson's small Markdown (paragraphs, *emphasis*, **strong**, `code`,
 * "- " lists) as Pango markup; everything else is escaped. */
char          *reclaim_lesson_markup (const char *markdown);

/* Where lessons are (reclaim-lesson-library.c).  The built-in ones:
 * $RECLAIM_LESSONS_DIR (for a build tree), else where they are installed;
 * the user's own: $XDG_DATA_HOME/reclaim/lessons. */
const char    *reclaim_lesson_builtin_dir (void);
char          *reclaim_lesson_user_dir (void);
/* The .py files of dir, sorted (their names start with their place in the
 * teaching order); empty when dir does not exist. */
GPtrArray     *reclaim_lesson_list_dir (const char *dir);
/* The built-in lessons, then the user's. */
GPtrArray     *reclaim_lesson_list_all (void);
/* A lesson's name: its file's name without ".py". */
char          *reclaim_lesson_name (const char *path);
/* The file of a lesson given by a path, or by a name of the lesson list:
 * whole ("04-how-the-cycle-detector-works"), without the number, or the
 * number alone ("4").  NULL when there is none. */
char          *reclaim_lesson_find (const char *name_or_path);
/* Does a script start with a lesson's header (docs/lessons.md)? */
gboolean       reclaim_lesson_has_header (const char *text);

/* What a user did in lessons (reclaim-lesson-progress.c), kept in
 * $XDG_STATE_HOME/reclaim/progress.ini; lessons go by reclaim_lesson_name.
 * Steps count from 0. */
typedef struct _ReclaimLessonProgress ReclaimLessonProgress;

/* path NULL: the user's file.  A file missing or broken is no progress. */
ReclaimLessonProgress *reclaim_lesson_progress_load (const char *path);
void           reclaim_lesson_progress_free (ReclaimLessonProgress *progress);
const char    *reclaim_lesson_progress_get_path (ReclaimLessonProgress *progress);
/* Writes the file whole, atomically. */
gboolean       reclaim_lesson_progress_save (ReclaimLessonProgress *progress,
                                             GError               **error);
gboolean       reclaim_lesson_progress_is_done (ReclaimLessonProgress *progress,
                                                const char            *lesson);
void           reclaim_lesson_progress_set_done (ReclaimLessonProgress *progress,
                                                 const char            *lesson);
/* The step last seen; FALSE when the lesson was never opened. */
gboolean       reclaim_lesson_progress_get_step (ReclaimLessonProgress *progress,
                                                 const char            *lesson,
                                                 guint                 *step);
void           reclaim_lesson_progress_set_step (ReclaimLessonProgress *progress,
                                                 const char            *lesson,
                                                 guint                  step);
/* A checkpoint's answer, and whether it was right; the first try's
 * rightness is kept for the best score. */
void           reclaim_lesson_progress_set_answer (ReclaimLessonProgress *progress,
                                                   const char            *lesson,
                                                   guint                  step,
                                                   const char            *answer,
                                                   gboolean               right);
/* NULL when the checkpoint was not answered. */
char          *reclaim_lesson_progress_get_answer (ReclaimLessonProgress *progress,
                                                   const char            *lesson,
                                                   guint                  step,
                                                   gboolean              *right);
/* The most checkpoints ever right at the first try. */
guint          reclaim_lesson_progress_get_best (ReclaimLessonProgress *progress,
                                                 const char            *lesson);
void           reclaim_lesson_progress_set_solved (ReclaimLessonProgress *progress,
                                                   const char            *lesson,
                                                   guint                  step);
gboolean       reclaim_lesson_progress_is_solved (ReclaimLessonProgress *progress,
                                                  const char            *lesson,
                                                  guint                  step);
/* Forgets one lesson, or all. */
void           reclaim_lesson_progress_reset (ReclaimLessonProgress *progress,
                                              const char            *lesson);
void           reclaim_lesson_progress_reset_all (ReclaimLessonProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimLessonProgress, reclaim_lesson_progress_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimLessonPlayback, reclaim_lesson_playback_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimLesson, reclaim_lesson_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimLessonRun, reclaim_lesson_run_free)

G_END_DECLS
