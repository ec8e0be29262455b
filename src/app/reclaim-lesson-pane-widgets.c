/* reclaim-lesson-pane-widgets.c: the widgets of the lesson pane.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code: a header with the lesson's title and the step, the
 * narration and the question in a scrolled column, and a footer with Back,
 * Next and the link to the step.  The buttons run the pane's "lesson."
 * actions (reclaim-lesson-pane.c).
 */
#include "config.h"

#include "reclaim-lesson-pane-private.h"

#include <glib/gi18n.h>

/* How wide a label of the pane asks to be, in characters: less than the
 * pane (its style sheet gives its width), so that the labels wrap in it. */
#define PANE_WIDTH_CHARS 20

static GtkLabel *
add_label (GtkWidget *box, const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* the pane keeps its width whatever the narration says */
  gtk_label_set_max_width_chars (GTK_LABEL (label), PANE_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), PANE_WIDTH_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GtkWidget *
add_button (GtkWidget *box, const char *label, const char *action, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static GMenuModel *
pane_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("All _Lessons"), "win.lessons");
  g_menu_append (menu, _("_Copy Link to This Step"), "lesson.copy-link");
  g_menu_append (menu, _("_Reset Progress of This Lesson"), "lesson.reset");
  g_menu_append (menu, _("Leave the Lesson (Esc)"), "win.leave-lesson");
  return G_MENU_MODEL (menu);
}

static void
build_header (ReclaimLessonPane *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr (GMenuModel) menu = pane_menu ();

  gtk_widget_add_css_class (header, "lesson-header");
  gtk_widget_set_hexpand (titles, TRUE);
  self->title_label = add_label (titles, "lesson-title");
  self->step_label = add_label (titles, "dim-label");
  gtk_box_append (GTK_BOX (header), titles);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (menu_button, _("Lesson menu"));
  gtk_box_append (GTK_BOX (header), menu_button);
  gtk_box_append (GTK_BOX (self), header);
}

static void
build_question (ReclaimLessonPane *self, GtkWidget *content)
{
  self->question_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->question_box, "lesson-question");
  self->prompt_label = add_label (self->question_box, NULL);

  self->choices_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->question_box), self->choices_box);

  self->typed_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->answer_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->answer_entry), TRUE);
  gtk_entry_set_placeholder_text (self->answer_entry, _("What will it print?"));
  gtk_widget_add_css_class (GTK_WIDGET (self->answer_entry), "monospace");
  g_signal_connect_swapped (self->answer_entry, "activate", G_CALLBACK (reclaim_lesson_pane_typed_answer), self);
  gtk_box_append (GTK_BOX (self->typed_box), GTK_WIDGET (self->answer_entry));
  add_button (self->typed_box, _("_Answer"), "lesson.answer", NULL);
  gtk_box_append (GTK_BOX (self->question_box), self->typed_box);

  self->task_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (add_button (self->task_box, _("_Check"), "lesson.check",
                                        _("Run the goal over your script")), "suggested-action");
  add_button (self->task_box, _("_Hint"), "lesson.hint", NULL);
  add_button (self->task_box, _("Show _Solution…"), "lesson.solution", NULL);
  gtk_box_append (GTK_BOX (self->question_box), self->task_box);

  self->hint_label = add_label (self->question_box, NULL);
  self->feedback_label = add_label (self->question_box, "lesson-feedback");
  gtk_label_set_selectable (self->feedback_label, TRUE);
  self->solution_label = add_label (self->question_box, "monospace");
  gtk_label_set_selectable (self->solution_label, TRUE);
  gtk_box_append (GTK_BOX (content), self->question_box);
}

static void
build_footer (ReclaimLessonPane *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *link_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (footer, "lesson-footer");
  self->status_label = add_label (footer, "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  self->back_button = add_button (buttons, _("_Back"), "lesson.back", _("The step before (Alt+Left)"));
  self->next_button = add_button (buttons, _("_Next"), "lesson.next", NULL);
  gtk_widget_set_hexpand (self->next_button, TRUE);
  gtk_widget_set_halign (self->next_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  gtk_box_append (GTK_BOX (footer), buttons);

  self->link_label = add_label (link_row, "lesson-link");
  gtk_label_set_selectable (self->link_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->link_label), TRUE);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "lesson.copy-link");
  gtk_widget_set_tooltip_text (copy, _("Copy the link to this step"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_box_append (GTK_BOX (link_row), copy);
  gtk_box_append (GTK_BOX (footer), link_row);
  gtk_box_append (GTK_BOX (self), footer);
}

void
reclaim_lesson_pane_build_widgets (ReclaimLessonPane *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lesson-pane");
  build_header (self);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_add_css_class (content, "lesson-content");
  self->narration_label = add_label (content, "lesson-narration");
  self->changes_label = add_label (content, "lesson-changes");
  build_question (self, content);
  gtk_scrolled_window_set_child (self->scroller, content);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->scroller));
  build_footer (self);
}
