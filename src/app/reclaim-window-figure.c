/* reclaim-window-figure.c: the canvas as a figure, to a file or the clipboard.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Figure writes what the window shows (the step it is at, the
 * objects the canvas draws where the canvas draws them, its theme) as PNG,
 * SVG or PDF, drawn by the same code as `reclaim-cli render`; Copy Figure
 * puts the PNG on the clipboard.  A documentation author never needs a
 * screenshot tool, and the figure is sharp at any size.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reclaim-render.h"

/* The caption of the window's figure: the script and where it is. */
static char *
figure_caption (ReclaimWindow *self)
{
  g_autofree char *name = self->file ? g_file_get_basename (self->file)
                                     : g_strdup (self->untitled ? _("Untitled script") : _("Welcome example"));

  return g_strdup_printf ("%s · %s", name, gtk_label_get_text (self->step_label));
}

GBytes *
reclaim_window_figure_bytes (ReclaimWindow *self, ReclaimFigureFormat format, GError **error)
{
  const ReclaimScene *scene = reclaim_canvas_get_scene (self->canvas);
  gboolean dark = FALSE;

  g_object_get (self->canvas, "dark", &dark, NULL);
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (dark ? RECLAIM_THEME_DARK : RECLAIM_THEME_LIGHT);
  g_autofree char *caption = figure_caption (self);
  ReclaimFigure figure = {
    .caption = caption,
    .legend = TRUE,
  };
  return reclaim_renderer_figure_bytes (renderer, scene, &figure, format, error);
}

/* --- Export ------------------------------------------------------------- */

static void
exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ReclaimWindow) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not export %s: %s"), name, error->message);
      reclaim_window_show_banner (self, message, FALSE);
    }
}

void
reclaim_window_export_figure (ReclaimWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GError) error = NULL;
  ReclaimFigureFormat format;

  if (!reclaim_figure_format_for_name (name, &format))
    {
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Could not export %s: the name must end in .png, .svg or .pdf"),
                                                  name);
      reclaim_window_show_banner (self, message, FALSE);
      return;
    }
  g_autoptr (GBytes) bytes = reclaim_window_figure_bytes (self, format, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export %s: %s"), name, error->message);
      reclaim_window_show_banner (self, message, FALSE);
      return;
    }
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL, exported,
                                       g_object_ref (self));
}

static const char *const format_ids[] = { "png", "svg", "pdf", NULL };

/* The file the user chose: a name that ends in .png, .svg or .pdf says
 * its format; one that does not gets the format chosen beside it. */
static GFile *
chosen_figure_file (GtkFileChooser *chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *name = g_file_get_basename (file);
  const char *format = gtk_file_chooser_get_choice (chooser, "format");
  ReclaimFigureFormat typed;

  if (reclaim_figure_format_for_name (name, &typed) || format == NULL || !g_strv_contains (format_ids, format))
    return g_steal_pointer (&file);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *named = g_strconcat (name, ".", format, NULL);
  return g_file_get_child (parent, named);
}

static void
export_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  ReclaimWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = chosen_figure_file (GTK_FILE_CHOOSER (chooser));
      reclaim_window_export_figure (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  const char *format_labels[] = { _("PNG image"), _("SVG drawing"), _("PDF document"), NULL };
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *stem = self->file ? g_file_get_basename (self->file)
                                     : g_strdup (self->untitled ? "untitled" : "welcome");
  char *dot = strrchr (stem, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  /* no extension: the format chosen beside the name gives it */
  name = g_strdup_printf ("%s-step-%u", stem, reclaim_session_get_step (self->session));
  gtk_file_filter_set_name (filter, _("Figures"));
  for (guint i = 0; format_ids[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strconcat ("*.", format_ids[i], NULL);
      gtk_file_filter_add_pattern (filter, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               (const char **) format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Copy ----------------------------------------------------------------- */

static void
copy_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = reclaim_window_figure_bytes (self, RECLAIM_FIGURE_PNG, &error);
  g_autoptr (GdkTexture) texture = png ? gdk_texture_new_from_bytes (png, &error) : NULL;

  if (texture == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not copy the figure: %s"), error->message);
      reclaim_window_show_banner (self, message, FALSE);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

void
reclaim_window_class_init_figure (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-figure", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", NULL, copy_activated);
}
