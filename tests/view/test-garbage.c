/* test-garbage.c: objects no root reaches are marked before a collection.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome example's cycle after `del a; del b`: both nodes are alive
 * (counts of 1) and garbage; the scene says so, and a figure draws it as
 * the window does, with its key in the legend.
 */
#include "view-test-util.h"

#include <math.h>

static const char cycle_script[] =
  "import gc\n"                   /* 1 */
  "import weakref\n"              /* 2 */
  "class Node:\n"                 /* 3 */
  "    pass\n"                    /* 4 */
  "gc.disable()\n"                /* 5 */
  "a = Node()\n"                  /* 6 */
  "b = Node()\n"                  /* 7 */
  "a.friend = b\n"                /* 8 */
  "b.friend = a\n"                /* 9 */
  "watcher = weakref.ref(a)\n"    /* 10 */
  "keep = [Node()]\n"             /* 11 */
  "del a\n"                       /* 12 */
  "del b\n"                       /* 13 */
  "gc.collect()\n"                /* 14 */
  "done = 1\n";                   /* 15 */

/* The scene when line `line` is about to run. */
static ReclaimScene *
scene_before_line (Script *script, guint line)
{
  guint step;

  g_assert_true (reclaim_timeline_find_line (script->timeline, line, &step));
  reclaim_heap_seek (script->heap, reclaim_timeline_step_position (script->timeline, step));
  return script_scene (script, FALSE);
}

static guint
n_garbage (const ReclaimScene *scene)
{
  guint n = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    n += (reclaim_scene_get_card (scene, c)->flags & RECLAIM_CARD_GARBAGE) != 0;
  return n;
}

static void
test_cycle_marked_before_collection (void)
{
  g_auto (Script) script = { 0 };

  script_run (&script, cycle_script);
  {
    /* a variable still holds the cycle */
    g_autoptr (ReclaimScene) scene = scene_before_line (&script, 13);
    g_assert_cmpuint (n_garbage (scene), ==, 0);
  }
  g_autoptr (ReclaimScene) scene = scene_before_line (&script, 14);
  ReclaimCard *a = card_titled (scene, "Node", 0), *b = card_titled (scene, "Node", 1);
  ReclaimCard *kept = card_titled (scene, "Node", 2);
  g_assert_nonnull (kept);
  g_assert_cmpuint (a->refcount, ==, 1);
  g_assert_true (a->flags & RECLAIM_CARD_GARBAGE);
  g_assert_true (b->flags & RECLAIM_CARD_GARBAGE);
  /* reached: through a list, and a weak reference is no root's path */
  g_assert_false (kept->flags & RECLAIM_CARD_GARBAGE);
  g_assert_false (card_titled (scene, "list", 0)->flags & RECLAIM_CARD_GARBAGE);
  g_assert_false (card_titled (scene, "ReferenceType", 0)->flags & RECLAIM_CARD_GARBAGE);
  g_assert_cmpuint (n_garbage (scene), ==, 2);
  {
    /* collected: nothing is left to mark */
    g_autoptr (ReclaimScene) after = scene_before_line (&script, 15);
    g_assert_cmpuint (n_garbage (after), ==, 0);
  }
}

/* Whether some pixel of the colour lies on the rectangle's outline, a
 * pixel or two outside it. */
static gboolean
outline_has_color (cairo_surface_t *surface, double x, double y, double w, double h, ReclaimColor color)
{
  for (double t = 0; t <= 1; t += 0.01)
    {
      double points[][2] = { { x + t * w, y - 1 }, { x + t * w, y + h + 1 }, { x - 1, y + t * h },
                             { x + w + 1, y + t * h } };
      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        {
          ReclaimColor p = pixel_at (surface, points[i][0], points[i][1]);
          if (fabs (p.red - color.red) < 0.08 && fabs (p.green - color.green) < 0.08 &&
              fabs (p.blue - color.blue) < 0.08)
            return TRUE;
        }
    }
  return FALSE;
}

/* The figure draws garbage with the dashed outline the legend explains;
 * other cards have none. */
static void
test_figure_shows_garbage (void)
{
  g_auto (Script) script = { 0 };
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  ReclaimColor garbage = reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_GARBAGE);
  ReclaimFigure figure = { .scale = 1, .legend = TRUE };
  int width, height;
  double scale;

  script_run (&script, cycle_script);
  g_autoptr (ReclaimScene) scene = scene_before_line (&script, 14);
  reclaim_renderer_layout (renderer, scene);
  reclaim_renderer_figure_size (renderer, scene, &figure, &width, &height, &scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  reclaim_renderer_draw_figure (renderer, cr, scene, &figure);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  const ReclaimCard *a = card_titled (scene, "Node", 0), *kept = card_titled (scene, "Node", 2);
  g_assert_true (outline_has_color (surface, a->x, a->y, a->width, a->height, garbage));
  g_assert_false (outline_has_color (surface, kept->x, kept->y, kept->width, kept->height, garbage));
  /* the legend's key: the same colour in the band below the scene */
  gboolean in_legend = FALSE;
  for (int x = 0; x < width && !in_legend; x++)
    for (int y = (int) ceil (scene->height * scale); y < height && !in_legend; y++)
      {
        ReclaimColor p = pixel_at (surface, x, y);
        in_legend = fabs (p.red - garbage.red) < 0.08 && fabs (p.green - garbage.green) < 0.08 &&
                    fabs (p.blue - garbage.blue) < 0.08;
      }
  g_assert_true (in_legend);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/garbage/cycle-marked-before-collection", test_cycle_marked_before_collection);
  g_test_add_func ("/view/garbage/figure-shows-garbage", test_figure_shows_garbage);
  return g_test_run ();
}
