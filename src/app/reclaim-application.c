/* reclaim-application.c: the application: windows, files given to it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `reclaim FILE.py` opens each file in a window of its own; with no file a
 * window opens on the list of lessons.  `reclaim --lesson NAME --step N`
 * opens a lesson at a step.  A second launch hands its files, or its
 * lesson, to the running instance (GApplication's uniqueness).
 */
#include "config.h"

#include "reclaim-application.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "reclaim-appearance.h"
#include "reclaim-lesson.h"
#include "reclaim-preferences.h"
#include "reclaim-window.h"

struct _ReclaimApplication
{
  GtkApplication     parent_instance;
  GSettings         *settings;
  ReclaimAppearance *appearance;
  gboolean           drafts_offered;
  char              *lesson;       /* --lesson: a path, found before the first window */
  guint              lesson_step;  /* --step, from 0 */
};

G_DEFINE_FINAL_TYPE (ReclaimApplication, reclaim_application, GTK_TYPE_APPLICATION)

ReclaimApplication *
reclaim_application_new (void)
{
  return g_object_new (RECLAIM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/reclaim/Reclaim",
                       NULL);
}

GSettings *
reclaim_application_get_settings (ReclaimApplication *self)
{
  g_return_val_if_fail (RECLAIM_IS_APPLICATION (self), NULL);
  return self->settings;
}

gboolean
reclaim_application_take_drafts_offer (ReclaimApplication *self)
{
  g_return_val_if_fail (RECLAIM_IS_APPLICATION (self), FALSE);

  if (self->drafts_offered)
    return FALSE;
  self->drafts_offered = TRUE;
  return TRUE;
}

/* A new window on a lesson's step; a lesson that does not open leaves the
 * window on the list, and a dialog says why. */
static void
open_lesson_window (ReclaimApplication *self, const char *path, guint step)
{
  ReclaimWindow *window = reclaim_window_new (self);
  g_autoptr (GError) error = NULL;

  reclaim_window_show_lessons (window);
  if (!reclaim_window_open_lesson (window, path, step, &error))
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("The lesson could not be opened"));
      g_printerr ("reclaim: %s\n", error->message);
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
reclaim_application_activate (GApplication *app)
{
  ReclaimApplication *self = RECLAIM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->lesson != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->lesson);
      open_lesson_window (self, path, self->lesson_step);
      return;
    }
  if (window == NULL)
    {
      ReclaimWindow *new_window = reclaim_window_new (self);
      reclaim_window_show_lessons (new_window);
      window = GTK_WINDOW (new_window);
    }
  gtk_window_present (window);
}

/* --lesson NAME|FILE.py [--step N]: the lesson is found here, where a
 * relative path means something; a running instance is handed the whole
 * path through its "open-lesson" action. */
static int
reclaim_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  ReclaimApplication *self = RECLAIM_APPLICATION (app);
  const char *lesson = NULL;
  gint32 step = 1;
  g_autoptr (GError) error = NULL;

  if (!g_variant_dict_lookup (options, "lesson", "&s", &lesson))
    {
      if (g_variant_dict_contains (options, "step"))
        {
          g_printerr ("reclaim: %s\n", _("--step needs --lesson"));
          return 1;
        }
      return -1;
    }
  g_variant_dict_lookup (options, "step", "i", &step);
  g_autofree char *path = reclaim_lesson_find (lesson);
  if (path == NULL)
    {
      g_printerr ("reclaim: %s\n", _("no such lesson: give a lesson file, or a name that "
                                     "“reclaim-cli lesson list” shows"));
      return 1;
    }
  if (step < 1)
    {
      g_printerr ("reclaim: %s\n", _("--step counts from 1"));
      return 1;
    }
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("reclaim: %s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-lesson",
                                      g_variant_new ("(su)", absolute, (guint) step - 1));
      return 0;
    }
  self->lesson = g_steal_pointer (&absolute);
  self->lesson_step = step - 1;
  return -1;
}

static void
reclaim_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  /* a window opens once its file is read: a file refused opens none */
  for (int i = 0; i < n_files; i++)
    reclaim_window_open_in_new_window (RECLAIM_APPLICATION (app), files[i]);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = user_data;

  /* each window asks about its unsaved work before it closes */
  for (GList *l = gtk_application_get_windows (app); l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
new_window_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ReclaimWindow *window = reclaim_window_new (RECLAIM_APPLICATION (user_data));

  reclaim_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_lesson_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  const char *path;
  guint step;

  g_variant_get (parameter, "(&su)", &path, &step);
  open_lesson_window (RECLAIM_APPLICATION (user_data), path, step);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ReclaimApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (reclaim_preferences_new (self->settings, parent)));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *const authors[] = { "The Reclaim developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (parent,
                         "program-name", "Reclaim",
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Watch Python reclaim memory: reference counting, "
                                       "weak references and CPython's cycle collector, "
                                       "step by step"),
                         "website", "https://github.com/reclaim/reclaim",
                         "website-label", _("Website"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Reclaim developers",
                         "authors", authors,
                         /* TRANSLATORS: your name, and an e-mail address if you like */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "open-lesson", open_lesson_activated, "(su)" },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "app.new-window", { "<Control><Shift>n", NULL } },
  { "win.export-figure", { "<Control><Shift>e", NULL } },
  { "win.copy-figure", { "<Control><Shift>c", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.step", { "F10", NULL } },
  { "win.step-into", { "F11", NULL } },
  { "win.step-back", { "<Shift>F10", NULL } },
  { "win.step-back-into", { "<Shift>F11", NULL } },
  { "win.phase", { "F9", NULL } },
  { "win.phase-back", { "<Shift>F9", NULL } },
  { "win.reset", { "<Control>Home", NULL } },
  { "win.go-to-end", { "<Control>End", NULL } },
  { "win.collect", { "<Control>g", NULL } },
  { "win.show-script", { "F7", NULL } },
  { "win.show-inspector", { "F8", NULL } },
  { "win.show-timeline", { "F6", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>1", NULL } },
  { "win.fit", { "<Control>0", NULL } },
  { "win.tidy", { "<Control>t", NULL } },
  /* only while a script runs: otherwise Escape goes on to the canvas */
  { "win.stop", { "Escape", "<Control>period", NULL } },
};

static void
reclaim_application_startup (GApplication *app)
{
  ReclaimApplication *self = RECLAIM_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (reclaim_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.reclaim.Reclaim", TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_message ("the settings schema io.github.reclaim.Reclaim is not installed: "
               "window sizes and panes will not be remembered");

  self->appearance = reclaim_appearance_new (self->settings);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  /* without a schema there is nothing to keep preferences in */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               self->settings != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
reclaim_application_dispose (GObject *object)
{
  ReclaimApplication *self = RECLAIM_APPLICATION (object);

  g_clear_pointer (&self->appearance, reclaim_appearance_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->lesson, g_free);
  G_OBJECT_CLASS (reclaim_application_parent_class)->dispose (object);
}

static void
reclaim_application_class_init (ReclaimApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = reclaim_application_dispose;
  app_class->startup = reclaim_application_startup;
  app_class->activate = reclaim_application_activate;
  app_class->open = reclaim_application_open;
  app_class->handle_local_options = reclaim_application_handle_local_options;
}

static void
reclaim_application_init (ReclaimApplication *self)
{
  const GOptionEntry options[] = {
    { "lesson", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open a lesson: its name in the lesson list, or a lesson file"), N_("NAME|FILE.py") },
    { "step", 0, 0, G_OPTION_ARG_INT, NULL, N_("With --lesson: open it at this step, from 1"),
      N_("N") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
