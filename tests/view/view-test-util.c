/* view-test-util.c: what the view tests share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "view-test-util.h"

#include <math.h>

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

void
script_run (Script *script, const char *source)
{
  ReclaimInterpOptions options = { .write_stdout = discard, .write_stderr = discard };

  script->interp = reclaim_interp_new (&options);
  script->heap = reclaim_interp_get_heap (script->interp);
  g_assert_cmpint (reclaim_interp_run (script->interp, source, -1, "test.py"), ==, 0);
  script->timeline = reclaim_timeline_new (script->heap, reclaim_interp_get_script_start (script->interp),
                                           reclaim_interp_get_script_end (script->interp),
                                           reclaim_interp_get_module_namespace (script->interp));
  reclaim_heap_seek (script->heap, script->timeline->end);
}

void
script_clear (Script *script)
{
  reclaim_timeline_free (script->timeline);
  reclaim_interp_free (script->interp);
}

ReclaimScene *
script_scene (Script *script, gboolean internals)
{
  ReclaimSceneOptions options;

  reclaim_timeline_scene_options (script->timeline, &options);
  reclaim_visibility_set_show_internals (script->timeline->visibility, internals);
  return reclaim_scene_new (script->heap, &options);
}

ReclaimCard *
card_titled (const ReclaimScene *scene, const char *title, guint nth)
{
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      if (g_str_equal (card->title, title) && nth-- == 0)
        return card;
    }
  return NULL;
}

ReclaimColor
pixel_at (cairo_surface_t *surface, double x, double y)
{
  int px = (int) floor (x), py = (int) floor (y);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  const guint8 *data = cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface);
  guint32 pixel = ((const guint32 *) data)[px];
  return (ReclaimColor) { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0,
                          (pixel & 0xff) / 255.0, 1 };
}

void
assert_pixel (cairo_surface_t *surface, double x, double y, ReclaimColor expected, int tolerance)
{
  ReclaimColor got = pixel_at (surface, x, y);
  int g[3] = { lround (got.red * 255), lround (got.green * 255), lround (got.blue * 255) };
  int w[3] = { lround (expected.red * 255), lround (expected.green * 255), lround (expected.blue * 255) };

  for (guint i = 0; i < 3; i++)
    if (abs (g[i] - w[i]) > tolerance)
      g_error ("pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x", (int) floor (x),
               (int) floor (y), g[0], g[1], g[2], w[0], w[1], w[2]);
}

ReclaimScene *
known_scene (ReclaimRenderer *renderer, guint extra_flags)
{
  ReclaimScene *scene = reclaim_scene_new_empty ();
  ReclaimCard *card;

  reclaim_scene_add_card (scene, 1, RECLAIM_KIND_FRAME, "Global frame", RECLAIM_CARD_FRAME);
  reclaim_scene_add_row (scene, "a", NULL, 1, RECLAIM_ROW_POINTER);
  reclaim_scene_add_row (scene, "w", NULL, 3, RECLAIM_ROW_POINTER);
  card = reclaim_scene_add_card (scene, 2, RECLAIM_KIND_INSTANCE, "Node", RECLAIM_CARD_TRACKED | extra_flags);
  card->generation = 0;
  card->refcount = 1;
  reclaim_scene_add_row (scene, "name", "'a'", 0, 0);
  reclaim_scene_add_row (scene, "next", NULL, 2, RECLAIM_ROW_POINTER);
  card = reclaim_scene_add_card (scene, 3, RECLAIM_KIND_INSTANCE, "Node", RECLAIM_CARD_TRACKED);
  card->generation = 2;
  card->refcount = 1;
  reclaim_scene_add_row (scene, "name", "'b'", 0, 0);
  card = reclaim_scene_add_card (scene, 4, RECLAIM_KIND_WEAKREF, "weakref", 0);
  card->refcount = 1;
  reclaim_scene_add_row (scene, "referent", NULL, 1, RECLAIM_ROW_POINTER | RECLAIM_ROW_WEAK);
  reclaim_scene_finish (scene);
  reclaim_renderer_layout (renderer, scene);
  return scene;
}
