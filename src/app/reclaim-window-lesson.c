/* reclaim-window-lesson.c: lessons in the window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds two pages: the lesson list (the first screen without a
 * file, and Lessons in the menu) and the work area of script, canvas and
 * inspector.  A lesson's pane sits at the work area's left; the script it
 * loads is the window's script like any other, so the canvas stays live.
 * Esc leaves the lesson for free play, and Return to Lesson (the banner's
 * button, or the menu) goes back to the same step.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>

/* The lesson pane's width, in pixels. */
#define LESSON_PANE_WIDTH 340

static gboolean
in_lesson (ReclaimWindow *self)
{
  return gtk_revealer_get_reveal_child (self->lesson_revealer);
}

static void
update_lesson_actions (ReclaimWindow *self)
{
  gboolean open = reclaim_lesson_pane_has_lesson (self->lesson_pane);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.leave-lesson", in_lesson (self));
  gtk_widget_action_set_enabled (widget, "win.lesson-back", in_lesson (self));
  gtk_widget_action_set_enabled (widget, "win.lesson-next", in_lesson (self));
  gtk_widget_action_set_enabled (widget, "win.return-to-lesson", open && !in_lesson (self));
}

static void
show_work (ReclaimWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "work");
}

/* The inspector makes room for the lesson pane, so that the canvas keeps
 * a size that shows card text; F8 brings it back, and it returns as it
 * was when the lesson is left.  The user's preference is not changed. */
static void
make_room_for_lesson (ReclaimWindow *self, gboolean lesson)
{
  GAction *inspector = g_action_map_lookup_action (G_ACTION_MAP (self), "show-inspector");
  g_autoptr (GVariant) state = g_action_get_state (inspector);
  gboolean shown = lesson ? FALSE : self->inspector_before_lesson;

  if (lesson == in_lesson (self))
    return;
  if (lesson)
    self->inspector_before_lesson = g_variant_get_boolean (state);
  g_simple_action_set_state (G_SIMPLE_ACTION (inspector), g_variant_new_boolean (shown));
  gtk_widget_set_visible (self->inspector_scroller, shown);
}

static void
set_lesson_shown (ReclaimWindow *self, gboolean shown)
{
  make_room_for_lesson (self, shown);
  gtk_revealer_set_reveal_child (self->lesson_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_revealer), shown);
  update_lesson_actions (self);
}

gboolean
reclaim_window_lesson_title (ReclaimWindow *self, char **title, char **subtitle)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "lessons"))
    {
      *title = g_strdup (_("Lessons"));
      *subtitle = g_strdup (_("Choose one, or explore on your own"));
      return TRUE;
    }
  if (!self->from_lesson || !reclaim_lesson_pane_has_lesson (self->lesson_pane))
    return FALSE;
  *title = g_strdup (reclaim_lesson_pane_get_lesson (self->lesson_pane)->title);
  *subtitle = g_strdup (in_lesson (self) ? _("Lesson") : _("Lesson, in free play"));
  return TRUE;
}

/* --- The pane's script ---------------------------------------------------- */

/* Frames in which the canvas is fitted again after a step is loaded: the
 * canvas takes its size from the pane and the page it is on only during
 * the first frames after they appear. */
#define FIT_FRAMES 40

static gboolean
fit_canvas (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames_left = user_data;

  reclaim_canvas_fit (RECLAIM_CANVAS (widget));
  return --(*frames_left) > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
load_lesson_script (ReclaimLessonPane *pane, const char *text, gboolean show_internals,
                    ReclaimWindow *self)
{
  GAction *internals = g_action_map_lookup_action (G_ACTION_MAP (self), "show-internals");

  reclaim_window_load_text (self, text, NULL);
  self->from_lesson = TRUE;
  set_lesson_shown (self, TRUE);
  show_work (self);
  /* the step decides, without changing the user's own preference */
  g_simple_action_set_state (G_SIMPLE_ACTION (internals), g_variant_new_boolean (show_internals));
  reclaim_session_set_show_internals (self->session, show_internals);
  reclaim_window_update_title (self);
  /* the pane may have just taken its room: fit once the canvas has its size */
  if (!reclaim_session_has_card_positions (self->session))
    {
      guint *frames_left = g_new (guint, 1);
      *frames_left = FIT_FRAMES;
      gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas), fit_canvas, frames_left, g_free);
    }
}

void
reclaim_window_lesson_loaded (ReclaimWindow *self, const char *text, GFile *file)
{
  self->from_lesson = FALSE;
  set_lesson_shown (self, FALSE);
  show_work (self);
  g_clear_pointer (&self->offered_lesson, g_free);
  if (file == NULL || !reclaim_lesson_has_header (text))
    return;
  self->offered_lesson = g_file_get_path (file);
  if (self->offered_lesson != NULL)
    reclaim_window_show_banner_with (self, _("This script is a lesson: open it with its narration "
                                             "and questions?"),
                                     _("Open as Lesson"), "win.open-offered-lesson");
}

gboolean
reclaim_window_open_lesson (ReclaimWindow *self, const char *path, guint step, GError **error)
{
  g_return_val_if_fail (RECLAIM_IS_WINDOW (self), FALSE);

  if (!reclaim_lesson_pane_open (self->lesson_pane, path, step, error))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return TRUE;
}

gboolean
reclaim_window_shows_lesson_list (ReclaimWindow *self)
{
  return self->main_stack != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "lessons") == 0;
}

void
reclaim_window_show_lessons (ReclaimWindow *self)
{
  reclaim_lesson_list_refresh (self->lesson_list);
  gtk_stack_set_visible_child_name (self->main_stack, "lessons");
  reclaim_window_update_title (self);
}

/* The script shows the line the step stopped at, with the cursor there (a
 * task is typed after it).  A mark scrolls once the text just loaded is
 * laid out, where scrolling to an iter would not. */
static void
show_lesson_line (ReclaimLessonPane *pane, ReclaimWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->script_view));
  guint line = reclaim_session_get_line (self->session);
  GtkTextIter iter;

  if (line == 0)
    line = gtk_text_buffer_get_line_count (buffer);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "lesson-line");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "lesson-line", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->script_view), mark, 0.1, TRUE, 0, 0.5);
}

/* The objects a step's show= points at stand out on the canvas (what is
 * not is dimmed), until the next step or the lesson is left. */
static void
point_at_objects (ReclaimWindow *self)
{
  const ReclaimLesson *lesson = reclaim_lesson_pane_get_lesson (self->lesson_pane);
  const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, reclaim_lesson_pane_get_step (self->lesson_pane));
  const ReclaimScene *scene = reclaim_canvas_get_scene (self->canvas);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  ReclaimDecorations decorations;

  reclaim_decorations_init (&decorations);
  if (scene != NULL && step->show != NULL && reclaim_lesson_highlight (scene, step->show, &decorations))
    for (guint i = scene->n_frames; i < reclaim_scene_n_cards (scene); i++)
      if (decorations.cards[i].highlighted)
        g_array_append_val (ids, reclaim_scene_get_card (scene, i)->id);
  g_free ((gpointer) decorations.cards);
  g_free ((gpointer) decorations.arrows);
  reclaim_canvas_set_highlight (self->canvas, (const ReclaimId *) ids->data, ids->len);
}

static void
lesson_moved (ReclaimLessonPane *pane, ReclaimWindow *self)
{
  show_lesson_line (pane, self);
  point_at_objects (self);
}

/* --- Actions -------------------------------------------------------------- */

static void
open_lesson_or_say (ReclaimWindow *self, const char *path, guint step)
{
  g_autoptr (GError) error = NULL;

  if (!reclaim_window_open_lesson (self, path, step, &error))
    {
      show_work (self);
      reclaim_window_show_banner (self, error->message, FALSE);
    }
}

/* Where the user was in a lesson, or its first step. */
static guint
step_reached (const char *path)
{
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  g_autofree char *name = reclaim_lesson_name (path);
  guint step = 0;

  reclaim_lesson_progress_get_step (progress, name, &step);
  return step;
}

#define CHOSEN_LESSON "reclaim-chosen-lesson"

static void
open_chosen_lesson (ReclaimWindow *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (self), CHOSEN_LESSON));

  open_lesson_or_say (self, path, step_reached (path));
}

static void
lesson_chosen (ReclaimLessonList *list, const char *path, ReclaimWindow *self)
{
  g_object_set_data_full (G_OBJECT (self), CHOSEN_LESSON, g_strdup (path), g_free);
  /* a lesson step is loaded without a question: only other work asks */
  if (self->from_lesson)
    open_chosen_lesson (self);
  else
    reclaim_window_confirm_discard (self, open_chosen_lesson);
}

static void
open_example (ReclaimWindow *self)
{
  reclaim_window_open_example (self);
}

static void
return_to_lesson (ReclaimWindow *self)
{
  reclaim_lesson_pane_go_to_step (self->lesson_pane, reclaim_lesson_pane_get_step (self->lesson_pane));
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
leave_lesson (ReclaimWindow *self)
{
  g_autofree char *message =
    g_strdup_printf (_("You left the lesson “%s” at step %u: the canvas is yours."),
                     reclaim_lesson_pane_get_lesson (self->lesson_pane)->title,
                     reclaim_lesson_pane_get_step (self->lesson_pane) + 1);

  set_lesson_shown (self, FALSE);
  reclaim_canvas_set_highlight (self->canvas, NULL, 0);
  reclaim_window_show_banner_with (self, message, _("Return to Lesson"), "win.return-to-lesson");
  reclaim_window_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
lesson_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  if (g_str_equal (name, "win.lessons"))
    reclaim_window_show_lessons (self);
  else if (g_str_equal (name, "win.open-example"))
    reclaim_window_confirm_discard (self, open_example);
  else if (g_str_equal (name, "win.leave-lesson") && in_lesson (self))
    leave_lesson (self);
  else if (g_str_equal (name, "win.return-to-lesson"))
    {
      /* free play on the lesson's own code returns without a question */
      if (self->from_lesson)
        return_to_lesson (self);
      else
        reclaim_window_confirm_discard (self, return_to_lesson);
    }
  else if (g_str_equal (name, "win.lesson-back") && in_lesson (self))
    reclaim_lesson_pane_back (self->lesson_pane);
  else if (g_str_equal (name, "win.lesson-next") && in_lesson (self))
    reclaim_lesson_pane_next (self->lesson_pane);
  else if (g_str_equal (name, "win.open-offered-lesson") && self->offered_lesson != NULL)
    {
      g_autofree char *path = g_strdup (self->offered_lesson);
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      open_lesson_or_say (self, path, 0);
    }
}

void
reclaim_window_class_init_lessons (GtkWidgetClass *widget_class)
{
  static const char *const actions[] = {
    "win.lessons", "win.open-example", "win.leave-lesson", "win.return-to-lesson",
    "win.lesson-back", "win.lesson-next", "win.open-offered-lesson",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, lesson_activated);
}

/* --- Construction --------------------------------------------------------- */

/* The lesson's keys.  Esc leaves the lesson only when nothing under the
 * focus wanted it (the canvas clears its selection with it first); the
 * window's own controller, so that they work in any window. */
static void
add_lesson_keys (ReclaimWindow *self)
{
  static const ReclaimWindowKey keys[] = {
    { GDK_KEY_Escape, 0, "win.leave-lesson" },
    { GDK_KEY_Right, GDK_ALT_MASK, "win.lesson-next" },
    { GDK_KEY_Left, GDK_ALT_MASK, "win.lesson-back" },
  };

  reclaim_window_add_keys (self, keys, G_N_ELEMENTS (keys), GTK_PHASE_BUBBLE);
}

/* The template's content becomes the "work" page of a stack, and the
 * lesson pane goes before the panes of script, canvas and inspector. */
void
reclaim_window_init_lessons (ReclaimWindow *self)
{
  GtkWidget *work = gtk_window_get_child (GTK_WINDOW (self));
  GtkWidget *panes = GTK_WIDGET (self->outer_paned);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->lesson_pane = reclaim_lesson_pane_new (self->session);
  self->lesson_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->lesson_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  /* the pane asks for its own width, not for the natural width of its
   * narration, so that the canvas keeps the rest */
  GtkWidget *pane_width = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (pane_width), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_widget_set_size_request (pane_width, LESSON_PANE_WIDTH, -1);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (pane_width), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (pane_width), GTK_WIDGET (self->lesson_pane));
  gtk_revealer_set_child (self->lesson_revealer, pane_width);
  /* the Next button expands inside the pane; the pane does not */
  gtk_widget_set_hexpand (GTK_WIDGET (self->lesson_revealer), FALSE);
  g_object_ref (panes);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (panes)), panes);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->lesson_revealer));
  gtk_box_append (GTK_BOX (row), panes);
  g_object_unref (panes);
  gtk_widget_set_vexpand (row, TRUE);
  gtk_box_append (GTK_BOX (work), row);
  g_signal_connect (self->lesson_pane, "load-script", G_CALLBACK (load_lesson_script), self);
  g_signal_connect (self->lesson_pane, "moved", G_CALLBACK (lesson_moved), self);

  self->lesson_list = reclaim_lesson_list_new ();
  g_signal_connect (self->lesson_list, "open-lesson", G_CALLBACK (lesson_chosen), self);
  self->main_stack = GTK_STACK (gtk_stack_new ());
  g_object_ref (work);
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->main_stack));
  gtk_stack_add_named (self->main_stack, work, "work");
  g_object_unref (work);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->lesson_list), "lessons");
  gtk_stack_set_visible_child_name (self->main_stack, "work");
  g_signal_connect_swapped (self->main_stack, "notify::visible-child-name",
                            G_CALLBACK (reclaim_window_update_actions), self);

  add_lesson_keys (self);
  gtk_revealer_set_reveal_child (self->lesson_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_revealer), FALSE);
  update_lesson_actions (self);
}
