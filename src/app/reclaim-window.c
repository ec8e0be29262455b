/* reclaim-window.c: a window on one script.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows one session: the script on the left (with the line
 * being run highlighted), the canvas in the middle with a caption under it
 * saying what the last event was, the timeline under that, and the
 * inspector on the right.  Typing in the script runs it again after a
 * short pause; everything else follows the session's "ran" and "moved"
 * signals.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>

/* How long typing must pause before the script runs again. */
#define RERUN_DELAY_MS 600

G_DEFINE_FINAL_TYPE (ReclaimWindow, reclaim_window, GTK_TYPE_APPLICATION_WINDOW)

ReclaimSession *
reclaim_window_get_session (ReclaimWindow *self)
{
  return self->session;
}

/* --- Banner, title ------------------------------------------------------ */

void
reclaim_window_show_banner_with (ReclaimWindow *self, const char *message, const char *button_label,
                                 const char *action)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_widget_set_visible (self->banner_button, action != NULL);
  if (action != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->banner_button), button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
reclaim_window_show_banner (ReclaimWindow *self, const char *message, gboolean with_go_to_line)
{
  reclaim_window_show_banner_with (self, message, _("Go to Line"),
                                   with_go_to_line ? "win.go-to-error" : NULL);
}

gboolean
reclaim_window_is_modified (ReclaimWindow *self)
{
  if (self->rerun_timeout != 0)
    return TRUE;
  g_autofree char *text = reclaim_session_dup_text (self->session);
  return g_strcmp0 (text, self->saved_text) != 0;
}

void
reclaim_window_update_title (ReclaimWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (reclaim_window_lesson_title (self, &name, &folder))
    ;
  else if (self->file != NULL)
    {
      name = g_file_get_basename (self->file);
      g_autoptr (GFile) parent = g_file_get_parent (self->file);
      folder = parent ? g_file_get_parse_name (parent) : NULL;
    }
  else
    name = g_strdup (self->untitled ? _("Untitled script") : _("Welcome example"));

  g_autofree char *title = reclaim_window_is_modified (self)
                           ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, folder ? folder : _("Not saved"));
  g_autofree char *window_title = g_strdup_printf ("%s — Reclaim", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* --- The script pane ---------------------------------------------------- */

static GtkTextBuffer *
script_buffer (ReclaimWindow *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->script_view));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Marks line (1-based) with tag, alone; 0 clears it. */
static void
tag_line (GtkTextBuffer *buffer, GtkTextTag *tag, guint line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  if (line == 0 || line > (guint) gtk_text_buffer_get_line_count (buffer))
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &start, line - 1);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

void
reclaim_window_go_to_line (ReclaimWindow *self, guint line)
{
  GtkTextBuffer *buffer = script_buffer (self);
  GtkTextIter iter;

  if (line == 0)
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->script_view), &iter, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->script_view));
}

static gboolean
rerun_typed_script (gpointer user_data)
{
  ReclaimWindow *self = user_data;
  g_autofree char *text = buffer_text (script_buffer (self));

  self->rerun_timeout = 0;
  reclaim_session_set_source (self->session, text);
  return G_SOURCE_REMOVE;
}

void
reclaim_window_flush_typing (ReclaimWindow *self)
{
  if (self->rerun_timeout == 0)
    return;
  g_source_remove (self->rerun_timeout);
  rerun_typed_script (self);
}

static void
script_changed (GtkTextBuffer *buffer, ReclaimWindow *self)
{
  if (self->updating_buffer)
    return;
  g_clear_handle_id (&self->rerun_timeout, g_source_remove);
  self->rerun_timeout = g_timeout_add (RERUN_DELAY_MS, rerun_typed_script, self);
  reclaim_window_schedule_draft (self);
  reclaim_window_update_title (self);
}

/* --- Following the session ---------------------------------------------- */

/* "Line 3: SyntaxError: ...", naming the line once: without the
 * "script.py:3:1: " a refusal begins with (or the "script.py:3: " of a
 * script stopped at something Reclaim does not model), and without
 * python3's "(detected at line 3)" when that is the same line. */
static char *
error_banner_text (const char *error, guint line)
{
  g_autofree char *where = g_strdup_printf (":%u:", line);
  g_autofree char *detected = g_strdup_printf (" (detected at line %u)", line);
  const char *at = line ? strstr (error, where) : NULL;
  g_autofree char *text = NULL;

  if (at != NULL && strchr (error, ' ') > at)
    {
      const char *rest = at + strlen (where);
      error = g_ascii_isdigit (*rest) && strchr (rest, ':') ? strchr (rest, ':') + 1 : rest;
    }
  text = g_strstrip (g_strdup (error));
  if (line != 0 && g_str_has_suffix (text, detected))
    text[strlen (text) - strlen (detected)] = '\0';
  if (line == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf (_("Line %u: %s"), line, text);
}

/* A canvas edit, undo or a loaded file: the new script shows at once,
 * before its run is back, keeping the cursor's line when it can. */
static void
source_changed (ReclaimSession *session, ReclaimWindow *self)
{
  GtkTextBuffer *buffer = script_buffer (self);
  g_autofree char *text = buffer_text (buffer);
  const char *source = reclaim_session_get_source (session);

  if (!g_str_equal (text, source) && self->rerun_timeout == 0)
    {
      GtkTextIter cursor;
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      int line = gtk_text_iter_get_line (&cursor);
      self->updating_buffer = TRUE;
      gtk_text_buffer_set_text (buffer, source, -1);
      self->updating_buffer = FALSE;
      gtk_text_buffer_get_iter_at_line (buffer, &cursor, line);
      gtk_text_buffer_place_cursor (buffer, &cursor);
    }
  /* undo and redo follow the text, not its run */
  reclaim_window_update_actions (self);
}

static void
session_ran (ReclaimSession *session, ReclaimWindow *self)
{
  GtkTextBuffer *buffer = script_buffer (self);

  source_changed (session, self);
  guint error_line = reclaim_session_get_error_line (session);
  const char *error = reclaim_session_get_error_message (session);
  tag_line (buffer, self->error_tag, error_line);
  if (error != NULL && reclaim_session_get_status (session) != 0)
    {
      g_autofree char *message = error_banner_text (error, error_line);
      reclaim_window_show_banner (self, message, error_line != 0);
    }
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  /* a script that does not start leaves the last run on the canvas, dimmed */
  reclaim_window_update_dimming (self);

  /* the actions follow in session_moved: "moved" comes after "ran" */
  reclaim_window_update_title (self);
}

static void
session_moved (ReclaimSession *session, ReclaimWindow *self)
{
  guint line = reclaim_session_get_line (session);
  g_autofree char *caption = reclaim_session_describe (session);
  g_autofree char *step_text = NULL;

  /* the output as it stood at this point, as python3 would have printed it */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->output_view),
                            reclaim_session_get_output (session),
                            reclaim_session_get_output_length (session));
  tag_line (script_buffer (self), self->executing_tag, line);
  if (line != 0)
    {
      GtkTextIter iter;
      gtk_text_buffer_get_iter_at_line (script_buffer (self), &iter, line - 1);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->script_view), &iter, 0.2, FALSE, 0, 0);
    }

  step_text = reclaim_session_describe_position (session);
  gtk_label_set_text (self->step_label, step_text);
  gtk_label_set_text (self->caption_label, caption);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->caption_label), caption);

  reclaim_window_update_actions (self);
}

/* After the canvas has the new run's cards: a file just loaded shows all
 * its objects, unless it placed them itself. */
static void
fit_loaded_file (ReclaimSession *session, ReclaimWindow *self)
{
  if (!self->fit_after_run)
    return;
  self->fit_after_run = FALSE;
  if (!reclaim_session_has_card_positions (session))
    reclaim_canvas_fit (self->canvas);
}

static void
positions_changed (ReclaimSession *session, ReclaimWindow *self)
{
  reclaim_window_update_title (self);
}

static void
canvas_message (ReclaimCanvas *canvas, const char *message, ReclaimWindow *self)
{
  reclaim_window_show_banner (self, message, FALSE);
}

/* --- Settings ----------------------------------------------------------- */

static void
step_limit_changed (GSettings *settings, const char *key, ReclaimWindow *self)
{
  reclaim_session_set_max_steps (self->session, g_settings_get_uint (settings, key));
}

static void
memory_limit_changed (GSettings *settings, const char *key, ReclaimWindow *self)
{
  reclaim_session_set_max_memory (self->session, (guint64) g_settings_get_uint (settings, key) << 20);
}

static void
restore_settings (ReclaimWindow *self)
{
  static const char *const panes[] = { "show-script", "show-inspector", "show-timeline", "show-legend" };

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "script-pane-width", self->outer_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "canvas-width", self->inner_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "script-height", self->script_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-speed", self->speed_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    g_action_change_state (g_action_map_lookup_action (G_ACTION_MAP (self), panes[i]),
                           g_variant_new_boolean (g_settings_get_boolean (self->settings, panes[i])));
  g_settings_bind (self->settings, "animation-speed", self->canvas, "animation-speed",
                   G_SETTINGS_BIND_GET);
  g_action_change_state (g_action_map_lookup_action (G_ACTION_MAP (self), "show-internals"),
                         g_variant_new_boolean (g_settings_get_boolean (self->settings, "show-internals")));
  step_limit_changed (self->settings, "step-limit", self);
  g_signal_connect_object (self->settings, "changed::step-limit", G_CALLBACK (step_limit_changed), self, 0);
  memory_limit_changed (self->settings, "memory-limit", self);
  g_signal_connect_object (self->settings, "changed::memory-limit", G_CALLBACK (memory_limit_changed), self, 0);
  /* a new window starts with the preferred model; the menu changes it for
   * this window only */
  g_action_change_state (g_action_map_lookup_action (G_ACTION_MAP (self), "collector"),
                         g_settings_get_value (self->settings, "default-collector"));
}

static void
save_window_size (ReclaimWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
close_after_confirming (ReclaimWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
reclaim_window_close_request (GtkWindow *window)
{
  ReclaimWindow *self = RECLAIM_WINDOW (window);

  if (!self->close_confirmed && reclaim_window_is_modified (self))
    {
      reclaim_window_confirm_discard (self, close_after_confirming);
      return TRUE;
    }
  reclaim_window_stop_playing (self);
  save_window_size (self);
  reclaim_window_close_drafts (self, TRUE);
  return GTK_WINDOW_CLASS (reclaim_window_parent_class)->close_request (window);
}

/* --- Construction ------------------------------------------------------- */

/* The application decides light or dark (reclaim-appearance.c) through
 * GtkSettings; the canvas and the script pane follow. */
static void
follow_color_scheme (ReclaimWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  gboolean dark = FALSE;

  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  g_object_set (self->canvas, "dark", dark, NULL);

  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (script_buffer (self)), scheme);
  g_object_set (self->executing_tag, "paragraph-background", dark ? "#5c4f1a" : "#fff1b8", NULL);
}

static void
color_scheme_changed (GtkSettings *settings, GParamSpec *pspec, ReclaimWindow *self)
{
  follow_color_scheme (self);
}

static void
setup_script_view (ReclaimWindow *self)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (script_buffer (self));
  GtkSourceLanguage *python =
    gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "python3");

  if (python != NULL)
    gtk_source_buffer_set_language (buffer, python);
  /* undo is the session's: one history for typing and canvas edits */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  self->executing_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "executing", NULL);
  self->error_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "error",
                                                "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect (buffer, "changed", G_CALLBACK (script_changed), self);
}

static void
inspector_highlight (ReclaimInspector *inspector, gpointer ids, guint n_ids, ReclaimWindow *self)
{
  reclaim_canvas_set_highlight (self->canvas, ids, n_ids);
}

static void
inspector_select (ReclaimInspector *inspector, guint id, ReclaimWindow *self)
{
  g_object_set (self->canvas, "selected", id, NULL);
}

static void
canvas_selected (ReclaimCanvas *canvas, GParamSpec *pspec, ReclaimWindow *self)
{
  guint selected = 0;

  g_object_get (canvas, "selected", &selected, NULL);
  reclaim_inspector_set_selected (self->inspector, selected);
}

/* GtkApplication loads no style sheet by itself (libadwaita's
 * AdwApplication does): without this the banners, the caption and the
 * panes' headings have none of their style.  The window loads it, once,
 * so that a window looks the same with or without the application. */
static void
load_style_sheet (void)
{
  static gboolean loaded;
  g_autoptr (GtkCssProvider) style = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/reclaim/Reclaim/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
reclaim_window_init (ReclaimWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_style_sheet ();

  self->session = reclaim_session_new ();
  setup_script_view (self);
  g_signal_connect (self->session, "source-changed", G_CALLBACK (source_changed), self);
  g_signal_connect (self->session, "ran", G_CALLBACK (session_ran), self);
  g_signal_connect (self->session, "moved", G_CALLBACK (session_moved), self);
  g_signal_connect (self->session, "positions-changed", G_CALLBACK (positions_changed), self);
  g_signal_connect_after (self->session, "ran", G_CALLBACK (fit_loaded_file), self);

  g_object_set (self->canvas, "session", self->session, NULL);
  reclaim_timeline_view_set_session (self->timeline, self->session);
  reclaim_inspector_set_session (self->inspector, self->session);
  g_signal_connect (self->canvas, "message", G_CALLBACK (canvas_message), self);
  g_signal_connect (self->canvas, "notify::selected", G_CALLBACK (canvas_selected), self);
  g_signal_connect (self->inspector, "highlight", G_CALLBACK (inspector_highlight), self);
  g_signal_connect (self->inspector, "select", G_CALLBACK (inspector_select), self);

  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (color_scheme_changed), self, 0);
  follow_color_scheme (self);

  self->saved_text = g_strdup ("");
  reclaim_window_init_actions (self);
  reclaim_window_init_lessons (self);
  reclaim_window_update_recent (self);
  session_ran (self->session, self);
  session_moved (self->session, self);
  reclaim_window_init_run (self);
  reclaim_window_init_drafts (self);
}

static void
reclaim_window_dispose (GObject *object)
{
  ReclaimWindow *self = RECLAIM_WINDOW (object);

  /* before the text goes: a window destroyed without closing keeps it */
  if (self->draft_id != NULL)
    reclaim_window_close_drafts (self, FALSE);
  g_clear_handle_id (&self->rerun_timeout, g_source_remove);
  g_clear_handle_id (&self->panes_idle, g_source_remove);
  reclaim_window_stop_playing (self);
  reclaim_window_dispose_run (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECLAIM_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (reclaim_window_parent_class)->dispose (object);
}

static void
reclaim_window_finalize (GObject *object)
{
  ReclaimWindow *self = RECLAIM_WINDOW (object);

  g_free (self->saved_text);
  g_free (self->recent_uri);
  reclaim_window_finalize_drafts (self);
  g_free (self->offered_lesson);
  G_OBJECT_CLASS (reclaim_window_parent_class)->finalize (object);
}

static void
reclaim_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GTK_WIDGET_CLASS (reclaim_window_parent_class)->size_allocate (widget, width, height, baseline);
  reclaim_window_queue_panes_check (RECLAIM_WINDOW (widget));
}

static void
reclaim_window_class_init (ReclaimWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reclaim_window_dispose;
  object_class->finalize = reclaim_window_finalize;
  window_class->close_request = reclaim_window_close_request;
  widget_class->size_allocate = reclaim_window_size_allocate;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (RECLAIM_TYPE_CANVAS);
  g_type_ensure (RECLAIM_TYPE_TIMELINE_VIEW);
  g_type_ensure (RECLAIM_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reclaim/Reclaim/reclaim-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, script_paned);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, script_view);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, output_view);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, running_box);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, running_spinner);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, running_label);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, timeline_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, inspector_scroller);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ReclaimWindow, recent_menu);

  reclaim_window_class_init_actions (widget_class);
  reclaim_window_class_init_file (widget_class);
  reclaim_window_class_init_figure (widget_class);
  reclaim_window_class_init_run (widget_class);
  reclaim_window_class_init_lessons (widget_class);
}

void
reclaim_window_use_settings (ReclaimWindow *self, GSettings *settings)
{
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  restore_settings (self);
}

ReclaimWindow *
reclaim_window_new (ReclaimApplication *app)
{
  ReclaimWindow *self = g_object_new (RECLAIM_TYPE_WINDOW, "application", app, NULL);

  if (app != NULL && reclaim_application_get_settings (app) != NULL)
    reclaim_window_use_settings (self, reclaim_application_get_settings (app));
  if (app != NULL && reclaim_application_take_drafts_offer (app))
    reclaim_window_offer_drafts (self);
  return self;
}
