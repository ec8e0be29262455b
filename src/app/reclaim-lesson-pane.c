/* reclaim-lesson-pane.c: a lesson's narration and questions beside the canvas.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane shows one step of a lesson: its narration, what changed since
 * the step before, and its checkpoint or task.  Everything follows the
 * step index, never a clock: going to step N loads the lesson's code up to
 * that step into the window's session and moves the session to the
 * step's place in the lesson's run (after its code, or inside a collector
 * phase), so going back, skipping or scrubbing cannot leave the narration
 * and the canvas apart.  The canvas stays live: the user steps, inspects
 * and edits the script the pane loaded.
 *
 * A checkpoint is shown before its code runs (the session stops where the
 * step's code starts); the reveal moves on to after it, where the output
 * shows what the code printed.  A task loads the code before its
 * reference solution; whatever the user adds (typing or on the canvas) is
 * what Check runs the goals over.  Progress goes to the user's state
 * directory at once (reclaim-lesson-progress.c).
 */
#include "config.h"

#include "reclaim-lesson-pane-private.h"

#include <glib/gi18n.h>
#include <string.h>


G_DEFINE_FINAL_TYPE (ReclaimLessonPane, reclaim_lesson_pane, GTK_TYPE_BOX)


enum {
  LOAD_SCRIPT,
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const ReclaimLessonStep *
current_step (ReclaimLessonPane *self)
{
  return reclaim_lesson_get_step (self->lesson, self->step);
}

/* --- Progress ------------------------------------------------------------- */

/* Each change is read, made and written at once, so that two windows on
 * lessons do not undo each other's progress. */
typedef void (*ProgressChange) (ReclaimLessonProgress *progress, ReclaimLessonPane *self,
                                gconstpointer data);

static void
change_progress (ReclaimLessonPane *self, ProgressChange change, gconstpointer data)
{
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  g_autoptr (GError) error = NULL;

  change (progress, self, data);
  if (!reclaim_lesson_progress_save (progress, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your progress could not be saved: %s"),
                                                  error->message);
      gtk_label_set_text (self->status_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
    }
}

static void
record_step (ReclaimLessonProgress *progress, ReclaimLessonPane *self, gconstpointer data)
{
  reclaim_lesson_progress_set_step (progress, self->name, self->step);
  if (self->step + 1 == reclaim_lesson_n_steps (self->lesson))
    reclaim_lesson_progress_set_done (progress, self->name);
}

static void
record_solved (ReclaimLessonProgress *progress, ReclaimLessonPane *self, gconstpointer data)
{
  reclaim_lesson_progress_set_solved (progress, self->name, self->step);
}

typedef struct {
  const char *answer;
  gboolean    right;
} Answer;

static void
record_answer (ReclaimLessonProgress *progress, ReclaimLessonPane *self, gconstpointer data)
{
  const Answer *answer = data;

  reclaim_lesson_progress_set_answer (progress, self->name, self->step, answer->answer,
                                      answer->right);
}

static void
reset_lesson (ReclaimLessonProgress *progress, ReclaimLessonPane *self, gconstpointer data)
{
  reclaim_lesson_progress_reset (progress, self->name);
}

/* --- The session ---------------------------------------------------------- */

/* The last line of code a step's picture has run: its own, or, for
 * narration alone, that of the step with code before it; 0 for none. */
static guint
last_code_line (const ReclaimLesson *lesson, guint index)
{
  for (guint i = index + 1; i-- > 0;)
    {
      guint line = reclaim_lesson_get_step (lesson, i)->last_line;
      if (line != 0)
        return line;
    }
  return 0;
}

/* The code a task builds on: the file up to its reference solution. */
static char *
task_prefix (ReclaimLessonPane *self)
{
  return reclaim_lesson_source_through (self->lesson, current_step (self)->code_line - 1);
}

/* What the user added to a task's code, or NULL when the code the task
 * builds on was changed too. */
static char *
task_attempt (ReclaimLessonPane *self)
{
  g_autofree char *prefix = task_prefix (self);
  const char *source = reclaim_session_get_source (self->session);

  if (!g_str_has_prefix (source, prefix))
    return NULL;
  return g_strdup (source + strlen (prefix));
}

static void
remember_attempt (ReclaimLessonPane *self)
{
  char *attempt;

  if (self->lesson == NULL || !current_step (self)->task || (attempt = task_attempt (self)) == NULL)
    return;
  g_hash_table_insert (self->attempts, GUINT_TO_POINTER (self->step), attempt);
}

static void
load_script (ReclaimLessonPane *self, const char *text)
{
  g_signal_emit (self, signals[LOAD_SCRIPT], 0, text,
                 reclaim_lesson_shows_interpreter (self->lesson, self->step));
}

/* The session's position where a line first runs; its end if never. */
static guint64
position_before_line (ReclaimSession *session, guint line)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step;

  if (timeline == NULL)
    return 0;
  if (line == 0 || !reclaim_timeline_find_line (timeline, line, &step))
    return timeline->end;
  return reclaim_timeline_step_position (timeline, step);
}

/* The step's picture in the session: where the lesson's run has it, but
 * never past what the session ran. */
static void
seek_to_picture (ReclaimLessonPane *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self->session);
  guint64 position;

  if (timeline == NULL || !reclaim_lesson_playback_position (self->playback, self->step, &position, NULL))
    return;
  reclaim_session_seek (self->session, MIN (MAX (position, timeline->start), timeline->end));
}

static void
load_step_code (ReclaimLessonPane *self)
{
  const ReclaimLessonStep *step = current_step (self);

  if (step->task)
    {
      g_autofree char *prefix = task_prefix (self);
      const char *attempt = g_hash_table_lookup (self->attempts, GUINT_TO_POINTER (self->step));
      g_autofree char *text = g_strconcat (prefix, attempt ? attempt : "", NULL);
      load_script (self, text);
      reclaim_session_go_to_end (self->session);
      return;
    }
  g_autofree char *text = reclaim_lesson_source_through (self->lesson,
                                                         last_code_line (self->lesson, self->step));
  load_script (self, text);
  /* the lesson's own code is short: its picture is where its run is, so
   * the run must be there before the step can seek in it */
  reclaim_session_wait (self->session, -1);
  if (step->predict && !self->revealed)
    reclaim_session_seek (self->session, position_before_line (self->session, step->first_line));
  else
    seek_to_picture (self);
}

/* --- What the pane shows -------------------------------------------------- */

static void
set_feedback (ReclaimLessonPane *self, const char *text)
{
  g_free (self->feedback);
  self->feedback = g_strdup (text ? text : "");
  gtk_label_set_text (self->feedback_label, self->feedback);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), text != NULL && *text);
}

static void
set_markup (GtkLabel *label, const char *markdown)
{
  g_autofree char *markup = reclaim_lesson_markup (markdown);

  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (label), markdown != NULL && *markdown);
}

/* What changed from the step before's picture to this one's. */
static char *
describe_changes (ReclaimLessonPane *self)
{
  guint64 before_position, after_position;

  if (self->step == 0 ||
      !reclaim_lesson_playback_position (self->playback, self->step - 1, &before_position, NULL) ||
      !reclaim_lesson_playback_position (self->playback, self->step, &after_position, NULL))
    return NULL;
  g_autoptr (ReclaimScene) before = reclaim_lesson_playback_scene (self->playback, self->step - 1,
                                                                   before_position);
  g_autoptr (ReclaimScene) after = reclaim_lesson_playback_scene (self->playback, self->step,
                                                                  after_position);
  g_autofree char *changes = reclaim_lesson_describe_changes (before, after);
  if (changes == NULL)
    return g_strdup (_("Since the step before, no object appeared or went and no reference count changed."));
  return g_strdup_printf (_("Since the step before: %s"), changes);
}

static void
show_changes (ReclaimLessonPane *self)
{
  const ReclaimLessonStep *step = current_step (self);

  g_clear_pointer (&self->changes, g_free);
  /* before a reveal or a solution the changes would give the answer away */
  if (!step->task && (!step->predict || self->revealed))
    self->changes = describe_changes (self);
  gtk_label_set_text (self->changes_label, self->changes ? self->changes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), self->changes != NULL);
}

static void
show_reveal (ReclaimLessonPane *self, const char *given, gboolean right)
{
  g_autofree char *answer = reclaim_lesson_answer (self->run, self->step);
  g_autofree char *text = right
    ? g_strdup_printf (_("Right! The code printed: %s"), answer)
    : g_strdup_printf (_("Not quite: you said “%s”. The code printed: %s"), given, answer);

  self->revealed = TRUE;
  set_feedback (self, text);
}

static void choice_clicked (GtkButton *button, ReclaimLessonPane *self);

static void
fill_choices (ReclaimLessonPane *self, char **choices)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->choices_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->choices_box), child);
  for (guint i = 0; choices && choices[i]; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (choices[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked), self);
      gtk_box_append (GTK_BOX (self->choices_box), button);
    }
}

static void
show_question (ReclaimLessonPane *self)
{
  const ReclaimLessonStep *step = current_step (self);
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);

  gtk_widget_set_visible (self->question_box, step->predict || step->task);
  set_markup (self->prompt_label, step->prompt);
  gtk_widget_set_visible (self->choices_box, step->predict && step->choices != NULL);
  gtk_widget_set_visible (self->typed_box, step->predict && step->choices == NULL);
  gtk_widget_set_visible (self->task_box, step->task);
  fill_choices (self, step->predict ? step->choices : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->answer_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->solution_label), FALSE);
  set_feedback (self, NULL);
  self->revealed = FALSE;

  gboolean right;
  g_autofree char *given = step->predict
    ? reclaim_lesson_progress_get_answer (progress, self->name, self->step, &right) : NULL;
  if (given != NULL)
    show_reveal (self, given, right);
  if (step->task && reclaim_lesson_progress_is_solved (progress, self->name, self->step))
    set_feedback (self, _("You solved this task before. Check again, or go on."));
}

static gboolean
step_answered (ReclaimLessonPane *self)
{
  const ReclaimLessonStep *step = current_step (self);

  if (step->predict)
    return self->revealed;
  if (step->task)
    {
      g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
      return reclaim_lesson_progress_is_solved (progress, self->name, self->step);
    }
  return TRUE;
}

static void
update_navigation (ReclaimLessonPane *self)
{
  guint n = reclaim_lesson_n_steps (self->lesson);
  gboolean last = self->step + 1 >= n;

  gtk_widget_set_sensitive (self->back_button, self->step > 0);
  gtk_widget_set_sensitive (self->next_button, !last);
  /* an open question can be passed by: the lesson is never a lock */
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        step_answered (self) || last ? _("_Next") : _("_Skip"));
  gtk_widget_set_tooltip_text (self->next_button,
                               step_answered (self) || last
                               ? _("The next step (Alt+Right)")
                               : _("Go on without answering (Alt+Right)"));
}

static void
show_step (ReclaimLessonPane *self)
{
  g_autofree char *position = g_strdup_printf (_("Step %u of %u"), self->step + 1,
                                               reclaim_lesson_n_steps (self->lesson));
  g_autofree char *link = reclaim_lesson_pane_dup_link (self);

  gtk_label_set_text (self->title_label, self->lesson->title);
  gtk_label_set_text (self->step_label, position);
  set_markup (self->narration_label, current_step (self)->narration);
  show_question (self);
  show_changes (self);
  gtk_label_set_text (self->link_label, link);
  update_navigation (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* --- Navigation ----------------------------------------------------------- */

void
reclaim_lesson_pane_go_to_step (ReclaimLessonPane *self, guint step)
{
  g_return_if_fail (RECLAIM_IS_LESSON_PANE (self));
  g_return_if_fail (self->lesson != NULL);

  remember_attempt (self);
  self->step = MIN (step, reclaim_lesson_n_steps (self->lesson) - 1);
  self->revealed = FALSE;
  show_step (self);
  load_step_code (self);
  change_progress (self, record_step, NULL);
  g_signal_emit (self, signals[MOVED], 0);
}

gboolean
reclaim_lesson_pane_back (ReclaimLessonPane *self)
{
  if (self->lesson == NULL || self->step == 0)
    return FALSE;
  reclaim_lesson_pane_go_to_step (self, self->step - 1);
  return TRUE;
}

gboolean
reclaim_lesson_pane_next (ReclaimLessonPane *self)
{
  if (self->lesson == NULL || self->step + 1 >= reclaim_lesson_n_steps (self->lesson))
    return FALSE;
  reclaim_lesson_pane_go_to_step (self, self->step + 1);
  return TRUE;
}

char *
reclaim_lesson_pane_dup_link (ReclaimLessonPane *self)
{
  g_return_val_if_fail (self->lesson != NULL, NULL);

  return g_strdup_printf ("reclaim --lesson %s --step %u", self->name, self->step + 1);
}

gboolean
reclaim_lesson_pane_has_lesson (ReclaimLessonPane *self)
{
  return self->lesson != NULL;
}

const ReclaimLesson *
reclaim_lesson_pane_get_lesson (ReclaimLessonPane *self)
{
  return self->lesson;
}

guint
reclaim_lesson_pane_get_step (ReclaimLessonPane *self)
{
  return self->step;
}

const char *
reclaim_lesson_pane_get_feedback (ReclaimLessonPane *self)
{
  return self->feedback ? self->feedback : "";
}

const char *
reclaim_lesson_pane_get_changes (ReclaimLessonPane *self)
{
  return self->changes ? self->changes : "";
}

/* --- Checkpoints and tasks ------------------------------------------------ */

void
reclaim_lesson_pane_answer (ReclaimLessonPane *self, const char *given)
{
  g_return_if_fail (self->lesson != NULL && current_step (self)->predict);

  g_autofree char *answer = reclaim_lesson_answer (self->run, self->step);
  Answer record = { given, reclaim_lesson_answer_matches (answer, given) };

  change_progress (self, record_answer, &record);
  show_reveal (self, given, record.right);
  /* the code runs now: the output shows what it printed */
  seek_to_picture (self);
  g_signal_emit (self, signals[MOVED], 0);
  show_changes (self);
  update_navigation (self);
}

gboolean
reclaim_lesson_pane_check (ReclaimLessonPane *self)
{
  g_return_val_if_fail (self->lesson != NULL && current_step (self)->task, FALSE);

  g_autofree char *attempt = task_attempt (self);
  g_auto (GStrv) missing = NULL;

  if (attempt == NULL)
    {
      set_feedback (self, _("The lesson's code before the task was changed. "
                            "Go Back and Next to start the task again."));
      return FALSE;
    }
  if (!reclaim_lesson_check_task (self->lesson, self->step, attempt, &missing))
    {
      GString *text = g_string_new (_("Not yet:"));
      for (guint i = 0; missing[i]; i++)
        g_string_append_printf (text, "\n•  %s", missing[i]);
      set_feedback (self, text->str);
      g_string_free (text, TRUE);
      return FALSE;
    }
  change_progress (self, record_solved, NULL);
  set_feedback (self, _("Solved: every goal holds."));
  update_navigation (self);
  return TRUE;
}

void
reclaim_lesson_pane_show_solution (ReclaimLessonPane *self)
{
  g_return_if_fail (self->lesson != NULL && current_step (self)->task);

  const ReclaimLessonStep *step = current_step (self);
  g_autofree char *prefix = task_prefix (self);
  g_autofree char *text = g_strconcat (prefix, step->code, "\n", NULL);

  gtk_label_set_text (self->solution_label, step->code);
  gtk_widget_set_visible (GTK_WIDGET (self->solution_label), TRUE);
  load_script (self, text);
  reclaim_session_go_to_end (self->session);
  set_feedback (self, _("The solution is in the script now; Check confirms it."));
}

static void
choice_clicked (GtkButton *button, ReclaimLessonPane *self)
{
  reclaim_lesson_pane_answer (self, gtk_button_get_label (button));
}

void
reclaim_lesson_pane_typed_answer (ReclaimLessonPane *self)
{
  const char *given = gtk_editable_get_text (GTK_EDITABLE (self->answer_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (given));

  if (*trimmed == '\0')
    {
      set_feedback (self, _("Type what you think the code prints first."));
      return;
    }
  reclaim_lesson_pane_answer (self, given);
}

static void
solution_confirmed (GtkDialog *dialog, int response, ReclaimLessonPane *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    reclaim_lesson_pane_show_solution (self);
}

static void
ask_solution (ReclaimLessonPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Show the solution?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("It replaces what you added to the script for this task."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Show Solution"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (solution_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_link (ReclaimLessonPane *self)
{
  g_autofree char *link = reclaim_lesson_pane_dup_link (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), link);
  gtk_label_set_text (self->status_label, _("The link to this step is copied."));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
pane_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimLessonPane *self = RECLAIM_LESSON_PANE (widget);

  if (self->lesson == NULL)
    return;
  if (g_str_equal (name, "lesson.back"))
    reclaim_lesson_pane_back (self);
  else if (g_str_equal (name, "lesson.next"))
    reclaim_lesson_pane_next (self);
  else if (g_str_equal (name, "lesson.answer"))
    reclaim_lesson_pane_typed_answer (self);
  else if (g_str_equal (name, "lesson.check"))
    reclaim_lesson_pane_check (self);
  else if (g_str_equal (name, "lesson.hint"))
    {
      g_autofree char *hint = g_strdup_printf (_("Hint: %s"), current_step (self)->hint
                                               ? current_step (self)->hint
                                               : _("this task has none."));
      set_markup (self->hint_label, hint);
    }
  else if (g_str_equal (name, "lesson.solution"))
    ask_solution (self);
  else if (g_str_equal (name, "lesson.copy-link"))
    copy_link (self);
  else if (g_str_equal (name, "lesson.reset"))
    {
      change_progress (self, reset_lesson, NULL);
      reclaim_lesson_pane_go_to_step (self, self->step);
    }
}

/* --- Opening -------------------------------------------------------------- */

gboolean
reclaim_lesson_pane_open (ReclaimLessonPane *self, const char *path, guint step, GError **error)
{
  g_return_val_if_fail (RECLAIM_IS_LESSON_PANE (self), FALSE);

  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, error);
  if (lesson == NULL)
    return FALSE;
  g_autoptr (ReclaimLessonRun) run = reclaim_lesson_run (lesson, error);
  if (run == NULL)
    return FALSE;
  g_autoptr (ReclaimLessonPlayback) playback = reclaim_lesson_playback_new (lesson, error);
  if (playback == NULL)
    return FALSE;
  if (reclaim_lesson_n_steps (lesson) == 0)
    {
      g_set_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_FORMAT,
                   _("%s has no steps"), path);
      return FALSE;
    }
  reclaim_lesson_translate (lesson);

  /* the playback keeps a pointer to its lesson: drop it first */
  g_clear_pointer (&self->playback, reclaim_lesson_playback_free);
  g_clear_pointer (&self->run, reclaim_lesson_run_free);
  g_clear_pointer (&self->lesson, reclaim_lesson_free);
  g_hash_table_remove_all (self->attempts);
  self->lesson = g_steal_pointer (&lesson);
  self->run = g_steal_pointer (&run);
  self->playback = g_steal_pointer (&playback);
  g_free (self->name);
  self->name = reclaim_lesson_name (path);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  reclaim_lesson_pane_go_to_step (self, step);
  return TRUE;
}

/* --- Construction --------------------------------------------------------- */

static void
reclaim_lesson_pane_init (ReclaimLessonPane *self)
{
  self->attempts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reclaim_lesson_pane_build_widgets (self);
}

static void
reclaim_lesson_pane_dispose (GObject *object)
{
  ReclaimLessonPane *self = RECLAIM_LESSON_PANE (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (reclaim_lesson_pane_parent_class)->dispose (object);
}

static void
reclaim_lesson_pane_finalize (GObject *object)
{
  ReclaimLessonPane *self = RECLAIM_LESSON_PANE (object);

  g_clear_pointer (&self->playback, reclaim_lesson_playback_free);
  g_clear_pointer (&self->run, reclaim_lesson_run_free);
  g_clear_pointer (&self->lesson, reclaim_lesson_free);
  g_hash_table_unref (self->attempts);
  g_free (self->name);
  g_free (self->feedback);
  g_free (self->changes);
  G_OBJECT_CLASS (reclaim_lesson_pane_parent_class)->finalize (object);
}

static void
reclaim_lesson_pane_class_init (ReclaimLessonPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const actions[] = {
    "lesson.back", "lesson.next", "lesson.answer", "lesson.check", "lesson.hint",
    "lesson.solution", "lesson.copy-link", "lesson.reset",
  };

  object_class->dispose = reclaim_lesson_pane_dispose;
  object_class->finalize = reclaim_lesson_pane_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, pane_action);

  signals[LOAD_SCRIPT] = g_signal_new ("load-script", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

ReclaimLessonPane *
reclaim_lesson_pane_new (ReclaimSession *session)
{
  ReclaimLessonPane *self = g_object_new (RECLAIM_TYPE_LESSON_PANE, NULL);

  self->session = g_object_ref (session);
  return self;
}
