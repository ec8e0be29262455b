/* test-card-titles.c: card titles in the reader's language.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the German translation compiled in the build tree
 * ($RECLAIM_LOCALEDIR, as the program run from the build tree does) and
 * checks that the titles of cards are German where they are plain words,
 * and Python's own where they are Python's type names.
 */
#include <glib.h>
#include <libintl.h>
#include <locale.h>

#include "reclaim-session.h"

/* The title of the card of the object the global name holds. */
static const char *
title_of (ReclaimSession *session, const ReclaimScene *scene, const char *name)
{
  const ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  const ReclaimRow *row = reclaim_scene_find_row (scene, frame, name);

  g_assert_nonnull (row);
  return reclaim_scene_get_card (scene, row->target)->title;
}

static void
test_german_titles (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  ReclaimSceneOptions options;

  /* functions are interpreter objects: drawn only when asked for */
  reclaim_session_set_show_internals (session, TRUE);
  reclaim_session_set_source (session, "def f():\n    pass\no = object()\nitems = []\n");
  reclaim_session_scene_options (session, &options);
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (reclaim_session_get_heap (session), &options);

  g_assert_cmpstr (reclaim_scene_get_card (scene, 0)->title, ==, "Globaler Frame");
  g_assert_cmpstr (title_of (session, scene, "f"), ==, "Funktion f");
  g_assert_cmpstr (title_of (session, scene, "o"), ==, "Objekt");
  /* a Python type name stays Python's */
  g_assert_cmpstr (title_of (session, scene, "items"), ==, "list");
}

/* A row naming an object the canvas hides says what it is in German too:
 * "Funktion f", "Klasse C". */
static void
test_german_hidden_rows (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  ReclaimSceneOptions options;

  reclaim_session_set_source (session, "def f():\n    pass\nclass C:\n    pass\n");
  reclaim_session_scene_options (session, &options);
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (reclaim_session_get_heap (session), &options);
  const ReclaimCard *frame = reclaim_scene_get_card (scene, 0);

  g_assert_cmpstr (reclaim_scene_find_row (scene, frame, "f")->value, ==, "Funktion f");
  g_assert_cmpstr (reclaim_scene_find_row (scene, frame, "C")->value, ==, "Klasse C");
}

int
main (int argc, char *argv[])
{
  const char *dir = g_getenv ("RECLAIM_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* any locale but "C" lets LANGUAGE choose the messages */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  if (dir == NULL)
    g_error ("RECLAIM_LOCALEDIR must name the build tree's po directory");
  bindtextdomain ("reclaim", dir);
  bind_textdomain_codeset ("reclaim", "UTF-8");
  g_test_add_func ("/view/card-titles/german", test_german_titles);
  g_test_add_func ("/view/card-titles/german-hidden-rows", test_german_hidden_rows);
  return g_test_run ();
}
