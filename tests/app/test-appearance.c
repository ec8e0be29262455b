/* test-appearance.c: following the desktop's colour scheme through the
 * settings portal.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test plays the portal itself: on a private session bus (the test
 * runs under dbus-run-session) it owns org.freedesktop.portal.Desktop and
 * answers org.freedesktop.portal.Settings.Read for the appearance
 * namespace, then changes the value with a SettingChanged signal.
 */
#include "config.h"

#include "reclaim-appearance.h"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

typedef struct {
  GDBusConnection *bus;
  guint32          scheme;     /* what Read answers: 1 dark, 2 light */
  guint            reads;
} FakePortal;

static void
portal_method (GDBusConnection *connection, const char *sender, const char *path,
               const char *interface, const char *method, GVariant *parameters,
               GDBusMethodInvocation *invocation, gpointer user_data)
{
  FakePortal *portal = user_data;
  const char *namespace, *key;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  portal->reads++;
  if (!g_str_equal (namespace, "org.freedesktop.appearance") || !g_str_equal (key, "color-scheme"))
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                  "no such setting");
      return;
    }
  /* the portal wraps the value in a second variant, as xdg-desktop-portal 1.x does */
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(v)", g_variant_new_variant (
                                                          g_variant_new_uint32 (portal->scheme))));
}

static const GDBusInterfaceVTable portal_vtable = { portal_method, NULL, NULL };

static gboolean
is_dark (ReclaimAppearance *appearance)
{
  gboolean prefer_dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &prefer_dark, NULL);
  g_assert_cmpint (prefer_dark, ==, reclaim_appearance_is_dark (appearance));
  return prefer_dark;
}

static void
wait_for_dark (ReclaimAppearance *appearance, gboolean dark)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (is_dark (appearance) != dark)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_portal (void)
{
  FakePortal portal = { .scheme = 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.reclaim.Reclaim");

  g_assert_no_error (error);
  portal.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (portal.bus, "/org/freedesktop/portal/desktop",
                                     info->interfaces[0], &portal_vtable, &portal, NULL, &error);
  g_assert_no_error (error);
  guint owner = g_bus_own_name_on_connection (portal.bus, "org.freedesktop.portal.Desktop",
                                              G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);

  g_settings_set_string (settings, "color-scheme", "system");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  ReclaimAppearance *appearance = reclaim_appearance_new (settings);

  /* the desktop prefers dark: following the system goes dark */
  wait_for_dark (appearance, TRUE);
  g_assert_cmpuint (portal.reads, ==, 1);

  /* the desktop changes its mind: the app follows at once */
  g_dbus_connection_emit_signal (portal.bus, NULL, "/org/freedesktop/portal/desktop",
                                 "org.freedesktop.portal.Settings", "SettingChanged",
                                 g_variant_new ("(ssv)", "org.freedesktop.appearance", "color-scheme",
                                                g_variant_new_uint32 (2)),
                                 &error);
  g_assert_no_error (error);
  wait_for_dark (appearance, FALSE);

  /* the user's choice wins over the desktop's */
  g_settings_set_string (settings, "color-scheme", "dark");
  wait_for_dark (appearance, TRUE);
  g_settings_set_string (settings, "color-scheme", "system");
  wait_for_dark (appearance, FALSE);

  reclaim_appearance_free (appearance);
  g_bus_unown_name (owner);
  g_object_unref (portal.bus);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/appearance/portal", test_portal);
  return g_test_run ();
}
