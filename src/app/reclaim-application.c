/* reclaim-application.c: the application: windows, files given to it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `reclaim FILE.py` opens each file in a window of its own; with no file a
 * window opens the built-in example.  A second launch hands its files to
 * the running instance (GApplication's uniqueness).
 */
#include "config.h"

#include "reclaim-application.h"

#include <glib/gi18n.h>

#include "reclaim-appearance.h"
#include "reclaim-preferences.h"
#include "reclaim-window.h"

struct _ReclaimApplication
{
  GtkApplication     parent_instance;
  GSettings         *settings;
  ReclaimAppearance *appearance;
  gboolean           drafts_offered;
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

static void
reclaim_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      ReclaimWindow *new_window = reclaim_window_new (RECLAIM_APPLICATION (app));
      reclaim_window_open_example (new_window);
      window = GTK_WINDOW (new_window);
    }
  gtk_window_present (window);
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

/* GtkApplication loads no style sheet by itself (libadwaita's
 * AdwApplication does): without this the banners, the caption and the
 * panes' headings have none of their style. */
static void
load_style_sheet (void)
{
  g_autoptr (GtkCssProvider) style = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (style, "/io/github/reclaim/Reclaim/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

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
  load_style_sheet ();

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
}

static void
reclaim_application_init (ReclaimApplication *self)
{
}
