/* main.c: the reclaim program.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reclaim-application.h"

static gboolean
run_from_build_tree (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = program ? g_path_get_dirname (program) : NULL;

  return dir != NULL && g_str_equal (dir, BUILD_PROGRAM_DIR);
}

/* Where the translations are: the installed ones, or, for the program
 * in the build tree (build-aux/run-app.sh, or build/src/app/reclaim run
 * by hand), those compiled beside it from po/. */
static const char *
locale_dir (void)
{
  return run_from_build_tree () ? BUILD_LOCALEDIR : LOCALEDIR;
}

int
main (int argc, char *argv[])
{
  g_autoptr (ReclaimApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* the program in the build tree lists the lessons of the source tree */
  if (run_from_build_tree ())
    g_setenv ("RECLAIM_LESSONS_DIR", BUILD_LESSONS_DIR, FALSE);

  app = reclaim_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
