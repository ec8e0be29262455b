/* reclaim-window-actions.c: stepping, running and the panes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stateless actions are installed on the class (win.step ...) and enabled
 * in one place, reclaim_window_update_actions(); stateful ones (the panes,
 * the collector model, Run) are GActions added per window.
 */
#include "config.h"

#include "reclaim-window-private.h"

#include <glib/gi18n.h>

static void
step_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  reclaim_window_flush_typing (self);
  if (g_str_equal (name, "win.step"))
    reclaim_session_step_forward (self->session);
  else if (g_str_equal (name, "win.step-into"))
    reclaim_session_event_forward (self->session);
  else if (g_str_equal (name, "win.step-back"))
    reclaim_session_step_back (self->session);
  else if (g_str_equal (name, "win.step-back-into"))
    reclaim_session_event_back (self->session);
  else if (g_str_equal (name, "win.phase"))
    reclaim_session_phase_forward (self->session);
  else if (g_str_equal (name, "win.phase-back"))
    reclaim_session_phase_back (self->session);
  else if (g_str_equal (name, "win.reset"))
    reclaim_session_go_to_start (self->session);
  else if (g_str_equal (name, "win.go-to-end"))
    reclaim_session_go_to_end (self->session);
}

static void
collect_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  reclaim_window_flush_typing (self);
  reclaim_session_collect (self->session);
}

static void
undo_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  reclaim_window_flush_typing (self);
  if (g_str_equal (name, "win.undo"))
    reclaim_session_undo (self->session);
  else
    reclaim_session_redo (self->session);
}

/* The canvas's view actions, reachable from the window's menu and
 * shortcuts wherever the focus is. */
static void
view_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  if (g_str_equal (name, "win.tidy"))
    reclaim_canvas_tidy (self->canvas);
  else if (g_str_equal (name, "win.fit"))
    reclaim_canvas_fit (self->canvas);
  else if (g_str_equal (name, "win.zoom-in"))
    reclaim_canvas_zoom_in (self->canvas);
  else if (g_str_equal (name, "win.zoom-out"))
    reclaim_canvas_zoom_out (self->canvas);
  else if (g_str_equal (name, "win.zoom-reset"))
    reclaim_canvas_zoom_reset (self->canvas);
}

static void
go_to_error_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  reclaim_window_go_to_line (self, reclaim_session_get_error_line (self->session));
}

static void
close_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  /* close-request asks about unsaved work first */
  gtk_window_close (GTK_WINDOW (widget));
}

static void
dismiss_banner_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ReclaimWindow *self = RECLAIM_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
reclaim_window_update_actions (ReclaimWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self->session);
  guint64 position = reclaim_session_get_position (self->session);
  /* the lesson list hides the script: nothing to step through */
  gboolean on_list = reclaim_window_shows_lesson_list (self);
  gboolean at_end = on_list || position >= timeline->end;
  gboolean at_start = on_list || position <= timeline->start;

  gtk_widget_action_set_enabled (widget, "win.step", !at_end);
  gtk_widget_action_set_enabled (widget, "win.step-into", !at_end);
  gtk_widget_action_set_enabled (widget, "win.go-to-end", !at_end);
  gtk_widget_action_set_enabled (widget, "win.step-back", !at_start);
  gtk_widget_action_set_enabled (widget, "win.step-back-into", !at_start);
  gtk_widget_action_set_enabled (widget, "win.phase", !at_end);
  gtk_widget_action_set_enabled (widget, "win.phase-back", !at_start);
  gtk_widget_action_set_enabled (widget, "win.reset",
                                 !on_list && position != reclaim_timeline_step_position (timeline, 0));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "play")),
                               !on_list);
  gtk_widget_action_set_enabled (widget, "win.collect", !on_list);
  gtk_widget_action_set_enabled (widget, "win.undo", reclaim_session_can_undo (self->session));
  gtk_widget_action_set_enabled (widget, "win.redo", reclaim_session_can_redo (self->session));
  gtk_widget_action_set_enabled (widget, "win.go-to-error",
                                 reclaim_session_get_error_line (self->session) != 0);
}

/* --- Run / Pause -------------------------------------------------------- */

static void
set_play_state (ReclaimWindow *self, gboolean playing)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "play");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (playing));
}

void
reclaim_window_stop_playing (ReclaimWindow *self)
{
  if (self->play_timeout == 0)
    return;
  g_clear_handle_id (&self->play_timeout, g_source_remove);
  set_play_state (self, FALSE);
}

static guint
play_interval_ms (ReclaimWindow *self)
{
  double per_second = gtk_adjustment_get_value (self->speed_adjustment);

  return (guint) (1000.0 / MAX (per_second, 0.1));
}

static gboolean
play_next (gpointer user_data)
{
  ReclaimWindow *self = user_data;

  /* a collection shows phase by phase; elsewhere a phase step is a statement */
  if (!reclaim_session_phase_forward (self->session) ||
      reclaim_session_get_position (self->session) >= reclaim_session_get_timeline (self->session)->end)
    {
      self->play_timeout = 0;
      set_play_state (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_playing (ReclaimWindow *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self->session);

  reclaim_window_flush_typing (self);
  /* from the end, Run starts again from the beginning */
  if (reclaim_session_get_position (self->session) >= timeline->end)
    reclaim_session_go_to_start (self->session);
  self->play_timeout = g_timeout_add (play_interval_ms (self), play_next, self);
  set_play_state (self, TRUE);
}

static void
play_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ReclaimWindow *self = user_data;

  if (g_variant_get_boolean (value))
    {
      if (self->play_timeout == 0)
        start_playing (self);
    }
  else
    reclaim_window_stop_playing (self);
}

static void
speed_changed (GtkAdjustment *adjustment, ReclaimWindow *self)
{
  if (self->play_timeout == 0)
    return;
  g_source_remove (self->play_timeout);
  self->play_timeout = g_timeout_add (play_interval_ms (self), play_next, self);
}

/* Whether Space types where the focus is: the script, an entry, or a
 * popover's menu or scale.  Anywhere else (the canvas, the timeline, the
 * output, a button just clicked) it runs or pauses. */
static gboolean
space_types_at (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if ((GTK_IS_TEXT_VIEW (w) && gtk_text_view_get_editable (GTK_TEXT_VIEW (w))) ||
        GTK_IS_EDITABLE (w) || GTK_IS_POPOVER (w))
      return TRUE;
  return FALSE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, ReclaimWindow *self)
{
  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (space_types_at (gtk_root_get_focus (GTK_ROOT (self))))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.play", NULL);
  return TRUE;
}

void
reclaim_window_add_keys (ReclaimWindow *self, const ReclaimWindowKey *keys, guint n_keys,
                         GtkPropagationPhase phase)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, phase);
  for (guint i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The stepping keys work wherever the focus is, before any widget sees
 * them: F10 is otherwise GTK's key for the menu bar, which moves the
 * focus to the header bar's first button instead of stepping. */
static void
add_stepping_keys (ReclaimWindow *self)
{
  static const ReclaimWindowKey keys[] = {
    { GDK_KEY_F10, 0, "win.step" },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "win.step-back" },
    { GDK_KEY_F9, 0, "win.phase" },
    { GDK_KEY_F9, GDK_SHIFT_MASK, "win.phase-back" },
    { GDK_KEY_F11, 0, "win.step-into" },
    { GDK_KEY_F11, GDK_SHIFT_MASK, "win.step-back-into" },
    { GDK_KEY_w, GDK_CONTROL_MASK, "win.close" },
  };

  reclaim_window_add_keys (self, keys, G_N_ELEMENTS (keys), GTK_PHASE_CAPTURE);
}

/* --- Panes and options -------------------------------------------------- */

static void
show_pane (ReclaimWindow *self, const char *name, gboolean shown)
{
  if (g_str_equal (name, "show-script"))
    gtk_widget_set_visible (gtk_paned_get_start_child (self->outer_paned), shown);
  else if (g_str_equal (name, "show-inspector"))
    gtk_widget_set_visible (self->inspector_scroller, shown);
  else if (g_str_equal (name, "show-timeline"))
    gtk_revealer_set_reveal_child (self->timeline_revealer, shown);
  else if (g_str_equal (name, "show-legend"))
    g_object_set (self->canvas, "show-legend", shown, NULL);
}

static void
pane_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ReclaimWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  g_simple_action_set_state (action, value);
  show_pane (self, name, g_variant_get_boolean (value));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, name, g_variant_get_boolean (value));
}

/* Show interpreter objects: the session's views follow it; remembered. */
static void
show_internals_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ReclaimWindow *self = user_data;
  gboolean shown = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  reclaim_session_set_show_internals (self->session, shown);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-internals", shown);
}

static void
weak_tool_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ReclaimWindow *self = user_data;

  g_simple_action_set_state (action, value);
  if (!self->weak_key_held)
    self->weak_tool_chosen = g_variant_get_boolean (value);
  g_object_set (self->canvas, "weak-tool", g_variant_get_boolean (value), NULL);
}

/* While Ctrl or Alt is held a drag draws a weak reference, so the weak
 * tool shows itself on; letting go gives it back the state the user chose. */
static void
show_weak_key (ReclaimWindow *self, gboolean held)
{
  GAction *tool = g_action_map_lookup_action (G_ACTION_MAP (self), "weak-tool");

  if (self->weak_key_held == held)
    return;
  self->weak_key_held = held;
  g_simple_action_set_state (G_SIMPLE_ACTION (tool), g_variant_new_boolean (held || self->weak_tool_chosen));
}

static gboolean
is_weak_key (guint keyval)
{
  return keyval == GDK_KEY_Control_L || keyval == GDK_KEY_Control_R ||
         keyval == GDK_KEY_Alt_L || keyval == GDK_KEY_Alt_R;
}

static gboolean
weak_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                  ReclaimWindow *self)
{
  if (is_weak_key (keyval))
    show_weak_key (self, TRUE);
  return FALSE;
}

static void
weak_key_released (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                   ReclaimWindow *self)
{
  GdkModifierType others = state & (GDK_CONTROL_MASK | GDK_ALT_MASK);

  /* the state is the one before the release: the key let go is still in it */
  if (keyval == GDK_KEY_Control_L || keyval == GDK_KEY_Control_R)
    others &= ~GDK_CONTROL_MASK;
  else if (keyval == GDK_KEY_Alt_L || keyval == GDK_KEY_Alt_R)
    others &= ~GDK_ALT_MASK;
  if (is_weak_key (keyval))
    show_weak_key (self, others != 0);
}

/* A window left while a key is down never hears it come up. */
static void
active_changed (ReclaimWindow *self, GParamSpec *pspec, gpointer user_data)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    show_weak_key (self, FALSE);
}

static void
collector_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ReclaimWindow *self = user_data;
  const char *mode = g_variant_get_string (value, NULL);

  g_simple_action_set_state (action, value);
  reclaim_window_flush_typing (self);
  reclaim_session_set_collector (self->session, g_str_equal (mode, "marksweep")
                                                ? RECLAIM_COLLECTOR_MARKSWEEP
                                                : RECLAIM_COLLECTOR_CPYTHON);
}

/* Toggling a boolean action from a button or menu item changes its state. */
static void
toggle_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GVariant *state = g_action_get_state (G_ACTION (action));

  g_action_change_state (G_ACTION (action), g_variant_new_boolean (!g_variant_get_boolean (state)));
  g_variant_unref (state);
}

static const GActionEntry stateful_actions[] = {
  { "play", toggle_activated, NULL, "false", play_changed },
  { "show-script", toggle_activated, NULL, "true", pane_changed },
  { "show-inspector", toggle_activated, NULL, "true", pane_changed },
  { "show-timeline", toggle_activated, NULL, "true", pane_changed },
  { "show-legend", toggle_activated, NULL, "true", pane_changed },
  { "weak-tool", toggle_activated, NULL, "false", weak_tool_changed },
  { "show-internals", toggle_activated, NULL, "false", show_internals_changed },
  { "collector", NULL, "s", "'cpython'", collector_changed },
};

void
reclaim_window_init_actions (ReclaimWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), stateful_actions,
                                   G_N_ELEMENTS (stateful_actions), self);
  g_signal_connect (self->speed_adjustment, "value-changed", G_CALLBACK (speed_changed), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  add_stepping_keys (self);

  GtkEventController *weak_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (weak_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (weak_keys, "key-pressed", G_CALLBACK (weak_key_pressed), self);
  g_signal_connect (weak_keys, "key-released", G_CALLBACK (weak_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), weak_keys);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed), NULL);
}

void
reclaim_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char *const steps[] = {
    "win.step", "win.step-into", "win.step-back", "win.step-back-into", "win.reset", "win.go-to-end",
    "win.phase", "win.phase-back",
  };
  static const char *const views[] = {
    "win.tidy", "win.fit", "win.zoom-in", "win.zoom-out", "win.zoom-reset",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_install_action (widget_class, steps[i], NULL, step_activated);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_install_action (widget_class, views[i], NULL, view_activated);
  gtk_widget_class_install_action (widget_class, "win.collect", NULL, collect_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.go-to-error", NULL, go_to_error_activated);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL,
                                   dismiss_banner_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
}
