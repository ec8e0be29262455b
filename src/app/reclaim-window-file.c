/* reclaim-window-file.c: opening and saving scripts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A script is saved with its card positions in a comment block at its end
 * (python3 ignores it).  Saving replaces the file atomically
 * (g_file_replace_contents writes a temporary file and renames it), so a
 * failed save never leaves half a script.  Nothing the user typed is lost
 * without a question: opening another script or closing the window asks
 * first when there are unsaved changes.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Larger files are not scripts anyone steps through. */
#define MAX_SCRIPT_SIZE (1024 * 1024)
#define N_RECENT 8

static void save_to (ReclaimWindow *self, GFile *file, void (*then) (ReclaimWindow *self));

/* --- Loading ------------------------------------------------------------ */

void
reclaim_window_load_text (ReclaimWindow *self, const char *text, GFile *file)
{
  g_set_object (&self->file, file);
  self->untitled = FALSE;
  g_clear_handle_id (&self->rerun_timeout, g_source_remove);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      reclaim_session_set_script_name (self->session, name);
    }
  self->fit_after_run = TRUE;
  reclaim_session_load_text (self->session, text);
  /* a script opened is a script to step through from its first statement,
   * as the first F10 expects */
  if (file != NULL)
    reclaim_session_open_before_line (self->session, 1);
  g_free (self->saved_text);
  self->saved_text = reclaim_session_dup_text (self->session);
  reclaim_window_lesson_loaded (self, text, file);
  reclaim_window_update_title (self);
}

void
reclaim_window_open_example (ReclaimWindow *self)
{
  g_autoptr (GBytes) bytes =
    g_resources_lookup_data ("/io/github/reclaim/Reclaim/welcome.py", 0, NULL);

  const char *text;

  g_return_if_fail (bytes != NULL);
  text = g_bytes_get_data (bytes, NULL);
  reclaim_window_load_text (self, text, NULL);
  /* open where the cycle is garbage, waiting for the collector: the first
   * screen shows what the example is about */
  const char *collect = strstr (text, "gc.collect()");
  guint line = 1;
  for (const char *p = text; collect != NULL && p < collect; p++)
    line += *p == '\n';
  if (collect != NULL)
    reclaim_session_open_before_line (self->session, line);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* Why a file of that size is no script to open, in a sentence naming
 * it; NULL when it is fine. */
static char *
refuse_size (GFile *file, goffset size)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (size > MAX_SCRIPT_SIZE)
    return g_strdup_printf (_("Could not open %s: it is larger than 1 MB"), name);
  return NULL;
}

/* Why a file's contents are no script to open (it is too large, binary,
 * or not UTF-8), in a sentence naming it; NULL when they are fine.  The
 * size was measured before reading, but a file can grow meanwhile. */
static char *
refuse_contents (GFile *file, const char *contents, gsize length)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (length > MAX_SCRIPT_SIZE)
    return refuse_size (file, length);
  if (memchr (contents, '\0', length) != NULL || !g_utf8_validate (contents, length, NULL))
    return g_strdup_printf (_("Could not open %s: it is not UTF-8 text"), name);
  return NULL;
}

static char *
cannot_open (GFile *file, const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return g_strdup_printf (_("Could not open %s: %s"), name, error->message);
}

/* Reading a script: its size first, so that a huge file is refused
 * before a byte of it is read; then its text. */
typedef void (*ScriptRead) (GFile *file, const char *text, const char *refusal, gpointer user_data);

typedef struct {
  GFile     *file;
  ScriptRead then;
  gpointer   user_data;
} Reading;

static void
finish_reading (Reading *reading, const char *text, const char *refusal)
{
  reading->then (reading->file, text, refusal, reading->user_data);
  g_object_unref (reading->file);
  g_free (reading);
}

static void
contents_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Reading *reading = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *refusal = NULL;
  gsize length;

  if (!g_file_load_contents_finish (reading->file, result, &contents, &length, NULL, &error))
    refusal = cannot_open (reading->file, error);
  else
    refusal = refuse_contents (reading->file, contents, length);
  finish_reading (reading, refusal ? NULL : contents, refusal);
}

static void
measured (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Reading *reading = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info_finish (reading->file, result, &error);
  g_autofree char *refusal = NULL;

  if (info == NULL)
    refusal = cannot_open (reading->file, error);
  else if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    refusal = refuse_size (reading->file, g_file_info_get_size (info));
  if (refusal != NULL)
    {
      finish_reading (reading, NULL, refusal);
      return;
    }
  g_file_load_contents_async (reading->file, NULL, contents_loaded, reading);
}

static void
read_script (GFile *file, ScriptRead then, gpointer user_data)
{
  Reading *reading = g_new (Reading, 1);

  reading->file = g_object_ref (file);
  reading->then = then;
  reading->user_data = user_data;
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, NULL, measured, reading);
}

static void
loaded (GFile *file, const char *text, const char *refusal, gpointer user_data)
{
  g_autoptr (ReclaimWindow) self = user_data;

  if (text == NULL)
    {
      reclaim_window_show_banner (self, refusal, FALSE);
      return;
    }
  reclaim_window_load_text (self, text, file);
  add_to_recent (file);
  reclaim_window_update_recent (self);
}

void
reclaim_window_open_file (ReclaimWindow *self, GFile *file)
{
  g_return_if_fail (RECLAIM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  read_script (file, loaded, g_object_ref (self));
}

/* A file refused before any window opened for it: said on the terminal,
 * and in a window the user can see, an open one's banner or a dialog. */
static void
report_refused (GtkApplication *app, const char *message)
{
  GtkWindow *active = gtk_application_get_active_window (app);

  g_printerr ("reclaim: %s\n", message);
  if (RECLAIM_IS_WINDOW (active))
    {
      reclaim_window_show_banner (RECLAIM_WINDOW (active), message, FALSE);
      return;
    }
  GtkWidget *dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);
  gtk_window_set_application (GTK_WINDOW (dialog), app);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loaded_for_new_window (GFile *file, const char *text, const char *refusal, gpointer user_data)
{
  g_autoptr (GtkApplication) app = user_data;

  if (text == NULL)
    report_refused (app, refusal);
  else
    {
      ReclaimWindow *window = reclaim_window_new (RECLAIM_APPLICATION (app));
      reclaim_window_load_text (window, text, file);
      add_to_recent (file);
      reclaim_window_update_recent (window);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_application_release (G_APPLICATION (app));
}

void
reclaim_window_open_in_new_window (ReclaimApplication *app, GFile *file)
{
  g_return_if_fail (RECLAIM_IS_APPLICATION (app));
  g_return_if_fail (G_IS_FILE (file));

  /* the application must not quit while no window is open yet */
  g_application_hold (G_APPLICATION (app));
  read_script (file, loaded_for_new_window, g_object_ref (app));
}

/* --- Asking about unsaved work ------------------------------------------ */

typedef struct {
  ReclaimWindow *self;
  void         (*then) (ReclaimWindow *self);
} Pending;

enum {
  RESPONSE_DISCARD = 1,
  RESPONSE_SAVE,
};

static void
discard_response (GtkDialog *dialog, int response, gpointer user_data)
{
  Pending *pending = user_data;
  ReclaimWindow *self = pending->self;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_DISCARD)
    pending->then (self);
  else if (response == RESPONSE_SAVE)
    save_to (self, self->file, pending->then);
  g_object_unref (self);
  g_free (pending);
}

void
reclaim_window_confirm_discard (ReclaimWindow *self, void (*then) (ReclaimWindow *self))
{
  Pending *pending;
  GtkWidget *dialog;
  g_autofree char *name = self->file ? g_file_get_basename (self->file)
                                     /* TRANSLATORS: fills the %s of "Save the changes to %s?" */
                                     : self->untitled ? g_strdup (_("the new script"))
                                     /* TRANSLATORS: fills the %s of "Save the changes to %s?" */
                                     : g_strdup (_("the example"));

  reclaim_window_flush_typing (self);
  if (!reclaim_window_is_modified (self))
    {
      then (self);
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* TRANSLATORS: %s is a file name, or "the example" */
                                   _("Save the changes to %s?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Unsaved changes are lost if you don't save them."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), RESPONSE_DISCARD,
                          _("_Save"), RESPONSE_SAVE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  pending = g_new (Pending, 1);
  pending->self = g_object_ref (self);
  pending->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- New ------------------------------------------------------------------ */

static void
start_new_script (ReclaimWindow *self)
{
  reclaim_window_load_text (self, "", NULL);
  self->untitled = TRUE;
  reclaim_window_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->script_view));
}

static void
new_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  reclaim_window_confirm_discard (RECLAIM_WINDOW (widget), start_new_script);
}

/* --- Open ----------------------------------------------------------------- */

static GtkFileFilter *
python_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Python scripts"));
  gtk_file_filter_add_mime_type (filter, "text/x-python");
  gtk_file_filter_add_mime_type (filter, "text/x-python3");
  gtk_file_filter_add_pattern (filter, "*.py");
  return filter;
}

static void
open_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  ReclaimWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      reclaim_window_open_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_to_open (ReclaimWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Python Script"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = python_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  reclaim_window_confirm_discard (RECLAIM_WINDOW (widget), choose_file_to_open);
}

static void
open_pending_recent (ReclaimWindow *self)
{
  g_autoptr (GFile) file = g_file_new_for_uri (self->recent_uri);

  g_clear_pointer (&self->recent_uri, g_free);
  reclaim_window_open_file (self, file);
}

static void
open_recent_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  g_free (self->recent_uri);
  self->recent_uri = g_variant_dup_string (parameter, NULL);
  reclaim_window_confirm_discard (self, open_pending_recent);
}

void
reclaim_window_update_recent (ReclaimWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint added = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && added < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      if (!g_str_has_suffix (uri, ".py") || !gtk_recent_info_exists (info))
        continue;
      g_autoptr (GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  if (added == 0)
    /* an item without an action shows greyed out */
    g_menu_append (self->recent_menu, _("No Recent Scripts"), NULL);
}

/* --- Save ----------------------------------------------------------------- */

typedef struct {
  ReclaimWindow *self;
  char          *text;
  void         (*then) (ReclaimWindow *self);
} Saving;

static void
saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Saving *saving = user_data;
  ReclaimWindow *self = saving->self;
  GFile *file = G_FILE (source);
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not save %s: %s"), name, error->message);
      reclaim_window_show_banner (self, message, FALSE);
    }
  else
    {
      g_set_object (&self->file, file);
      g_free (self->saved_text);
      self->saved_text = g_steal_pointer (&saving->text);
      add_to_recent (file);
      reclaim_window_update_recent (self);
      reclaim_window_update_title (self);
      reclaim_window_forget_draft (self);
      if (saving->then != NULL)
        saving->then (self);
    }
  g_free (saving->text);
  g_object_unref (saving->self);
  g_free (saving);
}

static void
write_file (ReclaimWindow *self, GFile *file, void (*then) (ReclaimWindow *self))
{
  Saving *saving = g_new0 (Saving, 1);

  reclaim_window_flush_typing (self);
  saving->self = g_object_ref (self);
  saving->text = reclaim_session_dup_text (self->session);
  saving->then = then;
  g_file_replace_contents_async (file, saving->text, strlen (saving->text), NULL, FALSE,
                                 G_FILE_CREATE_NONE, NULL, saved, saving);
}

static void
save_as_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  Saving *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      write_file (request->self, file, request->then);
    }
  g_object_unref (chooser);
  g_object_unref (request->self);
  g_free (request);
}

/* Saves to file, or asks where when file is NULL; then runs after a
 * successful save. */
static void
save_to (ReclaimWindow *self, GFile *file, void (*then) (ReclaimWindow *self))
{
  if (file != NULL)
    {
      write_file (self, file, then);
      return;
    }

  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save the Script"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = python_filter ();
  Saving *request = g_new0 (Saving, 1);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "reclaim-example.py");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  request->self = g_object_ref (self);
  request->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  save_to (self, g_str_equal (name, "win.save") ? self->file : NULL, NULL);
}

void
reclaim_window_class_init_file (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_activated);
}
