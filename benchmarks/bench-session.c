/* bench-session.c: what one step costs the window, without GTK.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A script builds N instances in a list, then runs ten statements that
 * each drop one.  The session runs it once (as the window does when a
 * script is opened or edited), then steps back and forth over the last
 * statements; each step is timed with what the window redoes for it: the
 * caption, and the canvas's scene, layout and placement.  The first
 * placement after the run gives every object of the run its place
 * (reclaim-placement.h): it is timed on its own.  Drawing is
 * bench-render's.
 *
 * bench-session [--cpu] [N]: --cpu times by the thread's CPU clock, which
 * a machine busy with other work inflates less than the wall clock.
 */
#include "reclaim-render.h"
#include "reclaim-session.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define STEPS 10

static const char script_format[] =
  "class Node:\n"
  "    def __init__(self, parent):\n"
  "        self.parent = parent\n"
  "\n"
  "nodes = [Node(None)]\n"
  "for i in range(%u):\n"
  "    nodes.append(Node(nodes[-1]))\n"
  "%s";

static gboolean cpu_clock;

/* Microseconds, by the wall clock or the thread's CPU clock. */
static gint64
now (void)
{
  struct timespec t;

  if (!cpu_clock)
    return g_get_monotonic_time ();
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return (gint64) t.tv_sec * G_USEC_PER_SEC + t.tv_nsec / 1000;
}

static double
ms_since (gint64 since)
{
  return (now () - since) / 1000.0;
}

/* The scene at the position as the canvas builds it: laid out, placed. */
static void
show_scene (ReclaimSession *session, ReclaimRenderer *renderer)
{
  ReclaimSceneOptions options;
  ReclaimLayoutOptions layout;

  reclaim_session_scene_options (session, &options);
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (reclaim_session_get_heap (session), &options);
  reclaim_renderer_layout_options (renderer, &layout);
  reclaim_session_lay_out_scene (session, scene, &layout);
}

/* A step as the window takes it: move, caption, scene.  Never inlined, so
 * that a profiler can take it alone (valgrind --toggle-collect=show_step). */
static G_GNUC_NO_INLINE void
show_step (ReclaimSession *session, ReclaimRenderer *renderer, gboolean forward)
{
  if (forward)
    reclaim_session_step_forward (session);
  else
    reclaim_session_step_back (session);
  g_autofree char *caption = reclaim_session_describe (session);
  show_scene (session, renderer);
}

static void
bench (guint n, ReclaimRenderer *renderer)
{
  g_autoptr (GString) drops = g_string_new (NULL);
  g_autoptr (ReclaimSession) session = reclaim_session_new ();

  for (guint i = 0; i < STEPS; i++)
    g_string_append (drops, "nodes.pop()\n");
  g_autofree char *script = g_strdup_printf (script_format, n - 1, drops->str);

  gint64 start = now ();
  reclaim_session_set_source (session, script);
  double run = ms_since (start);
  start = now ();
  show_scene (session, renderer);
  double first = ms_since (start);

  start = now ();
  for (guint i = 0; i < STEPS; i++)
    show_step (session, renderer, FALSE);
  double back = ms_since (start) / STEPS;
  start = now ();
  for (guint i = 0; i < STEPS; i++)
    show_step (session, renderer, TRUE);
  double forward = ms_since (start) / STEPS;

  printf ("%8u %10" G_GUINT64_FORMAT " %10.1f %12.1f %12.2f %12.2f\n", n,
          reclaim_session_get_timeline (session)->end - reclaim_session_get_timeline (session)->start,
          run, first, back, forward);
}

int
main (int argc, char *argv[])
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  static const guint sizes[] = { 100, 1000, 10000 };
  /* bench-session N: that size alone (to profile it) */
  guint only = 0;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--cpu") == 0)
      cpu_clock = TRUE;
    else
      only = (guint) g_ascii_strtoull (argv[i], NULL, 10);

  printf ("A session of N instances: the run, the first scene (every object placed), then a\n"
          "step back or forward with its caption and scene (times in ms%s; a step is the mean of %d)\n\n",
          cpu_clock ? " of CPU" : "", STEPS);
  printf ("%8s %10s %10s %12s %12s %12s\n", "objects", "events", "run", "first scene", "step back",
          "step forward");
  if (only > 0)
    bench (only, renderer);
  else
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      bench (sizes[i], renderer);
  return 0;
}
