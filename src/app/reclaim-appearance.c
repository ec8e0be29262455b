/* reclaim-appearance.c: light or dark, and the script's font size.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reclaim-appearance.h"

#define PORTAL_BUS_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT     "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS   "org.freedesktop.portal.Settings"
#define APPEARANCE        "org.freedesktop.appearance"

/* org.freedesktop.appearance color-scheme values. */
enum {
  PORTAL_NO_PREFERENCE = 0,
  PORTAL_PREFER_DARK = 1,
  PORTAL_PREFER_LIGHT = 2,
  PORTAL_UNKNOWN = -1,
};

struct _ReclaimAppearance
{
  GSettings      *settings;
  GDBusProxy     *portal;
  GCancellable   *cancellable;
  int             portal_preference;
  gboolean        gtk_prefers_dark;   /* GTK's setting before we changed it */
  gboolean        dark;
  GtkCssProvider *font_css;
};

static void
apply_color_scheme (ReclaimAppearance *self)
{
  const char *scheme = "system";
  g_autofree char *nick = NULL;

  if (self->settings != NULL)
    scheme = nick = g_settings_get_string (self->settings, "color-scheme");
  if (g_str_equal (scheme, "dark"))
    self->dark = TRUE;
  else if (g_str_equal (scheme, "light"))
    self->dark = FALSE;
  else if (self->portal_preference == PORTAL_PREFER_DARK)
    self->dark = TRUE;
  else if (self->portal_preference == PORTAL_PREFER_LIGHT)
    self->dark = FALSE;
  else
    self->dark = self->gtk_prefers_dark;

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", self->dark, NULL);
}

static void
apply_font_size (ReclaimAppearance *self)
{
  int size = self->settings ? g_settings_get_int (self->settings, "script-font-size") : 11;
  g_autofree char *css = g_strdup_printf (".script-view { font-size: %dpt; }", size);

  gtk_css_provider_load_from_data (self->font_css, css, -1);
}

static void
setting_changed (GSettings *settings, const char *key, ReclaimAppearance *self)
{
  if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
  else if (g_str_equal (key, "script-font-size"))
    apply_font_size (self);
}

/* Portal values come wrapped in one or two variants, depending on its
 * version. */
static int
portal_value (GVariant *value)
{
  g_autoptr (GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (inner);
      g_variant_unref (inner);
      inner = next;
    }
  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    return PORTAL_UNKNOWN;
  return (int) g_variant_get_uint32 (inner);
}

static void
portal_signal (GDBusProxy *proxy, const char *sender, const char *signal, GVariant *parameters,
               ReclaimAppearance *self)
{
  const char *namespace, *key;
  g_autoptr (GVariant) value = NULL;

  if (!g_str_equal (signal, "SettingChanged"))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE) && g_str_equal (key, "color-scheme"))
    {
      self->portal_preference = portal_value (value);
      apply_color_scheme (self);
    }
}

static void
portal_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, NULL);
  ReclaimAppearance *self = user_data;
  g_autoptr (GVariant) value = NULL;

  /* no portal, or one without the appearance settings: GTK's setting counts */
  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  self->portal_preference = portal_value (value);
  apply_color_scheme (self);
}

static void
portal_ready (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, NULL);
  ReclaimAppearance *self = user_data;

  if (proxy == NULL)
    return;
  self->portal = proxy;
  g_signal_connect (proxy, "g-signal", G_CALLBACK (portal_signal), self);
  g_dbus_proxy_call (proxy, "Read", g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                     G_DBUS_CALL_FLAGS_NONE, 2000, self->cancellable, portal_read, self);
}

ReclaimAppearance *
reclaim_appearance_new (GSettings *settings)
{
  ReclaimAppearance *self = g_new0 (ReclaimAppearance, 1);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autofree char *theme = NULL;

  self->settings = settings ? g_object_ref (settings) : NULL;
  self->cancellable = g_cancellable_new ();
  self->portal_preference = PORTAL_UNKNOWN;
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &self->gtk_prefers_dark,
                "gtk-theme-name", &theme, NULL);
  if (theme != NULL && g_str_has_suffix (theme, "-dark"))
    self->gtk_prefers_dark = TRUE;

  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (settings != NULL)
    g_signal_connect (settings, "changed", G_CALLBACK (setting_changed), self);
  apply_color_scheme (self);
  apply_font_size (self);

  /* without a session bus (a bare X server) this fails quietly */
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION, G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                            NULL, PORTAL_BUS_NAME, PORTAL_OBJECT, PORTAL_SETTINGS,
                            self->cancellable, portal_ready, self);
  return self;
}

gboolean
reclaim_appearance_is_dark (ReclaimAppearance *self)
{
  return self->dark;
}

void
reclaim_appearance_free (ReclaimAppearance *self)
{
  if (self == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->portal != NULL)
    g_signal_handlers_disconnect_by_data (self->portal, self);
  g_clear_object (&self->portal);
  g_clear_object (&self->settings);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (self->font_css));
  g_clear_object (&self->font_css);
  g_free (self);
}
