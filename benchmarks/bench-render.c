/* bench-render.c: how long scenes of 100 to 10,000 objects take to build,
 * lay out and draw.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scene is the heap of a script that builds a tree of N instances,
 * each holding its parent (a cycle per edge) and every seventh a cousin,
 * as programs with parent pointers do.  A frame is drawn on a 1400x900
 * image twice: the whole scene fitted (zoomed out: simpler levels of
 * detail) and a window at scale 1 around its middle card (full detail).
 */
#include "reclaim-interp.h"
#include "reclaim-render.h"
#include "reclaim-timeline.h"

#include <stdio.h>

#define FRAME_WIDTH   1400
#define FRAME_HEIGHT  900
#define FRAMES        10

static const char script_format[] =
  "class Node:\n"
  "    def __init__(self, parent):\n"
  "        self.parent = parent\n"
  "\n"
  "root = Node(None)\n"
  "level = [root]\n"
  "count = 1\n"
  "while count < %u:\n"
  "    below = []\n"
  "    for p in level:\n"
  "        if count < %u:\n"
  "            p.a = Node(p)\n"
  "            below.append(p.a)\n"
  "            count += 1\n"
  "        if count < %u:\n"
  "            p.b = Node(p)\n"
  "            below.append(p.b)\n"
  "            count += 1\n"
  "        if count < %u:\n"
  "            p.c = Node(p)\n"
  "            below.append(p.c)\n"
  "            count += 1\n"
  "        if count %% 7 == 0 and len(below) > 2:\n"
  "            p.cousin = below[0]\n"
  "    level = below\n"
  "del below, level, p\n";

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static double
frame_ms (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  gint64 start;

  reclaim_renderer_draw (renderer, cr, scene, viewport);   /* warm the font caches */
  cairo_surface_flush (surface);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < FRAMES; i++)
    reclaim_renderer_draw (renderer, cr, scene, viewport);
  cairo_surface_flush (surface);
  double ms = elapsed_ms (start) / FRAMES;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ms;
}

static void
bench (ReclaimRenderer *renderer, guint n)
{
  g_autofree char *script = g_strdup_printf (script_format, n, n, n, n);
  ReclaimInterpOptions options = { .write_stdout = discard, .write_stderr = discard };
  ReclaimInterp *interp = reclaim_interp_new (&options);
  ReclaimHeap *heap = reclaim_interp_get_heap (interp);

  if (reclaim_interp_run (interp, script, -1, "bench.py") != 0)
    g_error ("the benchmark's script failed");
  ReclaimTimeline *timeline = reclaim_timeline_new (heap, reclaim_interp_get_script_start (interp),
                                                    reclaim_interp_get_script_end (interp),
                                                    reclaim_interp_get_module_namespace (interp));
  ReclaimSceneOptions scene_options;
  reclaim_timeline_scene_options (timeline, &scene_options);
  reclaim_heap_seek (heap, timeline->end);

  gint64 start = g_get_monotonic_time ();
  ReclaimScene *scene = reclaim_scene_new (heap, &scene_options);
  double scene_ms = elapsed_ms (start);
  start = g_get_monotonic_time ();
  reclaim_renderer_layout (renderer, scene);
  double layout_ms = elapsed_ms (start);

  ReclaimViewport whole, zoomed;
  reclaim_viewport_fit (&whole, scene, FRAME_WIDTH, FRAME_HEIGHT, 1);
  /* centred on the middle card, so that it shows cards and not a gap */
  const ReclaimCard *middle = reclaim_scene_get_card (scene, reclaim_scene_n_cards (scene) / 2);
  zoomed = (ReclaimViewport) {
    .x = middle->x + middle->width / 2 - FRAME_WIDTH / 2.0,
    .y = middle->y + middle->height / 2 - FRAME_HEIGHT / 2.0,
    .scale = 1,
    .width = FRAME_WIDTH,
    .height = FRAME_HEIGHT,
  };
  double whole_ms = frame_ms (renderer, scene, &whole);
  double zoomed_ms = frame_ms (renderer, scene, &zoomed);

  g_autofree char *size = g_strdup_printf ("%.0fx%.0f", scene->width, scene->height);
  printf ("%8u %7u %7u %12s %9.2f %9.2f %10.2f %7.3f %10.2f\n", n, reclaim_scene_n_cards (scene),
          scene->arrows->len, size, scene_ms, layout_ms, whole_ms, whole.scale, zoomed_ms);
  reclaim_scene_free (scene);
  reclaim_timeline_free (timeline);
  reclaim_interp_free (interp);
}

int
main (int argc, char *argv[])
{
  static const guint sizes[] = { 100, 1000, 10000 };
  ReclaimRenderer *renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);

  printf ("Scenes of N instances drawn on a %dx%d image (times in ms; a frame is the mean of %d)\n\n",
          FRAME_WIDTH, FRAME_HEIGHT, FRAMES);
  printf ("%8s %7s %7s %12s %9s %9s %10s %7s %10s\n", "objects", "cards", "arrows", "size", "scene",
          "layout", "frame:all", "scale", "frame:1.0");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench (renderer, sizes[i]);
  reclaim_renderer_free (renderer);
  return 0;
}
