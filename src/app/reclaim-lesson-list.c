/* reclaim-lesson-list.c: the lessons to choose from.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first screen when Reclaim starts without a file, and the Lessons
 * item of the menu: the built-in lessons and the user's own, each with
 * its title, summary, a thumbnail drawn by the renderer, how long it
 * takes and how far the user got.  Nothing is locked: every row opens.
 * Thumbnails need a run of each lesson, so they are drawn one at a time
 * while the main loop is idle and the list shows at once.
 */
#include "config.h"

#include "reclaim-lesson-list.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reclaim-lesson.h"
#include "reclaim-render.h"

#define THUMBNAIL_WIDTH 168
#define THUMBNAIL_HEIGHT 104

typedef struct {
  char       *path;
  char       *status;
  GtkPicture *picture;
  gboolean    drawn;
} Entry;

struct _ReclaimLessonList
{
  GtkBox      parent_instance;

  GtkListBox *rows;
  GArray     *entries;      /* Entry */
  GPtrArray  *paths;
  GHashTable *thumbnails;   /* path -> GdkTexture, kept across refreshes */
  guint       thumbnail_idle;
};

G_DEFINE_FINAL_TYPE (ReclaimLessonList, reclaim_lesson_list, GTK_TYPE_BOX)

enum {
  OPEN_LESSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_entry (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->status);
}

/* --- Thumbnails ----------------------------------------------------------- */

/* Up to this many cards stay legible in a thumbnail. */
#define THUMBNAIL_MAX_CARDS 8

/* How well a step's picture shows what a lesson is about: a stop inside
 * the collector best, then pictures with more cards, as long as they stay
 * legible; 0 for a task's (its picture is the solution). */
static guint
picture_score (const ReclaimLessonStep *step, const ReclaimScene *scene)
{
  guint cards = reclaim_scene_n_cards (scene);

  if (step->task || cards > THUMBNAIL_MAX_CARDS)
    return 0;
  return cards + (step->phase != RECLAIM_PHASE_NONE ? THUMBNAIL_MAX_CARDS : 0);
}

/* The lesson's most telling picture drawn small, or NULL when the lesson
 * cannot be run. */
static GdkTexture *
draw_thumbnail (const char *path)
{
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, NULL);
  g_autoptr (ReclaimLessonPlayback) playback = NULL;
  g_autoptr (ReclaimScene) best = NULL;
  guint best_score = 0;

  if (lesson == NULL || (playback = reclaim_lesson_playback_new (lesson, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < reclaim_lesson_n_steps (lesson); i++)
    {
      guint64 position;
      if (!reclaim_lesson_playback_position (playback, i, &position, NULL))
        continue;
      g_autoptr (ReclaimScene) scene = reclaim_lesson_playback_scene (playback, i, position);
      guint score = picture_score (reclaim_lesson_get_step (lesson, i), scene);
      if (best == NULL || score > best_score)
        {
          g_clear_pointer (&best, reclaim_scene_free);
          best = g_steal_pointer (&scene);
          best_score = score;
        }
    }
  if (best == NULL)
    return NULL;
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  ReclaimFigure figure = { .width = THUMBNAIL_WIDTH * 2, .height = THUMBNAIL_HEIGHT * 2 };
  reclaim_renderer_layout (renderer, best);
  g_autoptr (GBytes) png = reclaim_renderer_figure_bytes (renderer, best, &figure,
                                                          RECLAIM_FIGURE_PNG, NULL);
  return png ? gdk_texture_new_from_bytes (png, NULL) : NULL;
}

static gboolean
draw_next_thumbnail (gpointer user_data)
{
  ReclaimLessonList *self = user_data;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      if (entry->drawn)
        continue;
      GdkTexture *texture = g_hash_table_lookup (self->thumbnails, entry->path);
      if (texture == NULL && (texture = draw_thumbnail (entry->path)) != NULL)
        g_hash_table_insert (self->thumbnails, g_strdup (entry->path), texture);
      gtk_picture_set_paintable (entry->picture, GDK_PAINTABLE (texture));
      entry->drawn = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->thumbnail_idle = 0;
  return G_SOURCE_REMOVE;
}

/* --- Rows ----------------------------------------------------------------- */

static char *
describe_progress (ReclaimLessonProgress *progress, const char *name, const ReclaimLesson *lesson)
{
  guint n = reclaim_lesson_n_steps (lesson);
  guint step;
  /* TRANSLATORS: how long a lesson takes, and its number of steps */
  g_autofree char *size = g_strdup_printf (_("%u min · %u steps"), lesson->minutes, n);

  if (reclaim_lesson_progress_is_done (progress, name))
    {
      guint predicts = reclaim_lesson_count_predicts (lesson);
      /* TRANSLATORS: %s is "12 min · 15 steps"; then the checkpoints answered right */
      return g_strdup_printf (_("%s · ✓ Done, best %u of %u checkpoints right"), size,
                              reclaim_lesson_progress_get_best (progress, name), predicts);
    }
  if (reclaim_lesson_progress_get_step (progress, name, &step))
    /* TRANSLATORS: %s is "12 min · 15 steps" */
    return g_strdup_printf (_("%s · at step %u"), size, step + 1);
  return g_strdup_printf (_("%s · not started"), size);
}

static GtkWidget *
row_label (GtkWidget *box, const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
lesson_row (ReclaimLessonList *self, const char *path, ReclaimLessonProgress *progress, Entry *entry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
  g_autofree char *name = reclaim_lesson_name (path);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();

  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_widget_add_css_class (picture, "lesson-thumbnail");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  if (lesson != NULL)
    {
      reclaim_lesson_translate (lesson);
      entry->status = describe_progress (progress, name, lesson);
      row_label (text, lesson->title, "lesson-row-title");
      row_label (text, lesson->summary, NULL);
    }
  else
    {
      /* a broken lesson of the user's says why, and does not open */
      entry->status = g_strdup (error->message);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      row_label (text, name, "lesson-row-title");
    }
  row_label (text, entry->status, "dim-label");
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  entry->path = g_strdup (path);
  entry->picture = GTK_PICTURE (picture);
  return row;
}

void
reclaim_lesson_list_refresh (ReclaimLessonList *self)
{
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  g_array_set_size (self->entries, 0);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  self->paths = reclaim_lesson_list_all ();
  g_array_set_size (self->entries, self->paths->len);
  for (guint i = 0; i < self->paths->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      memset (entry, 0, sizeof *entry);
      gtk_list_box_append (self->rows, lesson_row (self, self->paths->pdata[i], progress, entry));
    }
  if (self->thumbnail_idle == 0)
    self->thumbnail_idle = g_idle_add (draw_next_thumbnail, self);
}

GPtrArray *
reclaim_lesson_list_get_paths (ReclaimLessonList *self)
{
  return self->paths;
}

const char *
reclaim_lesson_list_get_status (ReclaimLessonList *self, guint index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, index).status;
}

gboolean
reclaim_lesson_list_has_thumbnail (ReclaimLessonList *self, guint index)
{
  g_return_val_if_fail (index < self->entries->len, FALSE);
  return gtk_picture_get_paintable (g_array_index (self->entries, Entry, index).picture) != NULL;
}

static void
row_activated (GtkListBox *rows, GtkListBoxRow *row, ReclaimLessonList *self)
{
  guint index = gtk_list_box_row_get_index (row);

  if (index < self->paths->len)
    g_signal_emit (self, signals[OPEN_LESSON], 0, self->paths->pdata[index]);
}

static void
reset_all_response (GtkDialog *dialog, int response, ReclaimLessonList *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  g_autoptr (ReclaimLessonProgress) progress = reclaim_lesson_progress_load (NULL);
  reclaim_lesson_progress_reset_all (progress);
  reclaim_lesson_progress_save (progress, NULL);
  reclaim_lesson_list_refresh (self);
}

static void
reset_all_clicked (ReclaimLessonList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Forget your progress in every lesson?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Steps reached, answers and solved tasks are forgotten."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Reset All"), GTK_RESPONSE_ACCEPT, NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_all_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Construction --------------------------------------------------------- */

static GtkWidget *
action_button (GtkWidget *box, const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (action != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
reclaim_lesson_list_init (ReclaimLessonList *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *free_play = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) clear_entry);
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lesson-list");

  gtk_widget_set_halign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (column, 720, -1);
  row_label (column, _("Lessons"), "title-1");
  row_label (column, _("Step-through tutorials on how Python reclaims memory. "
                       "Open any of them; your progress is kept."), "dim-label");

  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "rich-list");
  g_signal_connect (self->rows, "row-activated", G_CALLBACK (row_activated), self);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->rows));

  row_label (free_play, _("Or explore on your own:"), NULL);
  action_button (free_play, _("_Welcome Example"), "win.open-example");
  action_button (free_play, _("_New Script"), "win.new");
  action_button (free_play, _("_Open…"), "win.open");
  GtkWidget *reset = action_button (free_play, _("_Reset All Progress…"), NULL);
  gtk_widget_set_hexpand (reset, TRUE);
  gtk_widget_set_halign (reset, GTK_ALIGN_END);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (reset_all_clicked), self);
  gtk_box_append (GTK_BOX (column), free_play);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  gtk_box_append (GTK_BOX (self), scroller);
}

static void
reclaim_lesson_list_dispose (GObject *object)
{
  ReclaimLessonList *self = RECLAIM_LESSON_LIST (object);

  g_clear_handle_id (&self->thumbnail_idle, g_source_remove);
  G_OBJECT_CLASS (reclaim_lesson_list_parent_class)->dispose (object);
}

static void
reclaim_lesson_list_finalize (GObject *object)
{
  ReclaimLessonList *self = RECLAIM_LESSON_LIST (object);

  g_array_unref (self->entries);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_hash_table_unref (self->thumbnails);
  G_OBJECT_CLASS (reclaim_lesson_list_parent_class)->finalize (object);
}

static void
reclaim_lesson_list_class_init (ReclaimLessonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reclaim_lesson_list_dispose;
  object_class->finalize = reclaim_lesson_list_finalize;
  signals[OPEN_LESSON] = g_signal_new ("open-lesson", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

ReclaimLessonList *
reclaim_lesson_list_new (void)
{
  return g_object_new (RECLAIM_TYPE_LESSON_LIST, NULL);
}
