/* reclaim-preferences.c: the preferences window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The controls are bound to GSettings keys; whoever uses a setting (the
 * application for the colour scheme and the script font, each window for
 * animations and the collector model) follows the key, so every change
 * applies live and is remembered.
 */
#include "config.h"

#include "reclaim-preferences.h"

struct _ReclaimPreferences
{
  GtkWindow      parent_instance;

  GtkDropDown   *color_scheme;
  GtkDropDown   *collector;
  GtkAdjustment *animation_adjustment;
  GtkAdjustment *font_adjustment;
  GtkAdjustment *step_limit_adjustment;
  GtkAdjustment *memory_limit_adjustment;
};

G_DEFINE_FINAL_TYPE (ReclaimPreferences, reclaim_preferences, GTK_TYPE_WINDOW)

static const char *const color_scheme_nicks[] = { "system", "light", "dark", NULL };
static const char *const collector_nicks[] = { "cpython", "marksweep", NULL };

/* An enum key's nick <-> the position of a drop-down; user_data is the
 * nicks in drop-down order. */
static gboolean
nick_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_drop_down (GSettings *settings, const char *key, GtkDropDown *drop_down,
                const char *const *nicks)
{
  g_settings_bind_with_mapping (settings, key, drop_down, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

static void
reclaim_preferences_class_init (ReclaimPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reclaim/Reclaim/reclaim-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, color_scheme);
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, collector);
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, animation_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, font_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, step_limit_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ReclaimPreferences, memory_limit_adjustment);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reclaim_preferences_init (ReclaimPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reclaim_preferences_new (GSettings *settings, GtkWindow *parent)
{
  ReclaimPreferences *self = g_object_new (RECLAIM_TYPE_PREFERENCES, "transient-for", parent, NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), GTK_WIDGET (self));
  bind_drop_down (settings, "color-scheme", self->color_scheme, color_scheme_nicks);
  bind_drop_down (settings, "default-collector", self->collector, collector_nicks);
  g_settings_bind (settings, "animation-speed", self->animation_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "script-font-size", self->font_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "step-limit", self->step_limit_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "memory-limit", self->memory_limit_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
