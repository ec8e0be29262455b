/* main.c: the reclaim program.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reclaim-application.h"

/* Where the translations are: the installed ones, or, for the program
 * in the build tree (build-aux/run-app.sh, or build/src/app/reclaim run
 * by hand), those compiled beside it from po/. */
static const char *
locale_dir (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = program ? g_path_get_dirname (program) : NULL;

  if (dir != NULL && g_str_equal (dir, BUILD_PROGRAM_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int argc, char *argv[])
{
  g_autoptr (ReclaimApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = reclaim_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
