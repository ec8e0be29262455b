/* test-arrows.c: arrows go round cards and their heads stay apart.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenes built by hand, with cards put where the case needs them.
 */
#include "reclaim-layout.h"

#include <math.h>

static void
put (ReclaimScene *scene, guint c, double x, double y)
{
  ReclaimCard *card = reclaim_scene_get_card (scene, c);

  card->x = x;
  card->y = y;
}

/* Whether any point of the path lies inside the card (its edges aside). */
static gboolean
path_enters (const ReclaimArrowPath *path, const ReclaimCard *card)
{
  for (double f = 0.01; f <= 1.0; f += 0.01)
    {
      ReclaimArrowPath part;
      double x, y, dx, dy;
      reclaim_arrow_path_trim (path, f, &part);
      reclaim_arrow_path_end (&part, &x, &y, &dx, &dy);
      if (x > card->x + 1 && x < card->x + card->width - 1 && y > card->y + 1 && y < card->y + card->height - 1)
        return TRUE;
    }
  return FALSE;
}

/* a (left) points at c (right), b stands between them at the row's
 * height: the arrow goes round b. */
static void
test_round_a_card (void)
{
  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();
  ReclaimArrowPath path;

  reclaim_scene_add_card (scene, 1, RECLAIM_KIND_LIST, "list", 0);
  reclaim_scene_add_row (scene, "[0]", NULL, 2, RECLAIM_ROW_POINTER);
  reclaim_scene_add_card (scene, 2, RECLAIM_KIND_LIST, "in the way", 0);
  reclaim_scene_add_row (scene, "[0]", "1", 0, 0);
  reclaim_scene_add_row (scene, "[1]", "2", 0, 0);
  reclaim_scene_add_card (scene, 3, RECLAIM_KIND_LIST, "target", 0);
  reclaim_scene_finish (scene);
  /* a's arrow points at the third card (index 2) */
  g_array_index (scene->rows, ReclaimRow, 0).target = 2;
  g_array_index (scene->arrows, ReclaimArrow, 0).to = 2;
  reclaim_layout_scene (scene, NULL);
  put (scene, 0, 40, 100);
  put (scene, 1, 260, 80);
  put (scene, 2, 480, 100);
  reclaim_layout_arrange_arrows (scene);

  const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, 0);
  reclaim_layout_arrow_path (scene, arrow, &path);
  g_assert_false (path_enters (&path, reclaim_scene_get_card (scene, 1)));
  /* and still ends on the target's left edge */
  double x, y, dx, dy;
  reclaim_arrow_path_end (&path, &x, &y, &dx, &dy);
  g_assert_cmpfloat (fabs (x - reclaim_scene_get_card (scene, 2)->x), <, 0.5);
}

/* Three references to one object: three heads, apart, in the order of
 * their sources from top to bottom. */
static void
test_heads_apart (void)
{
  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();
  double ends[3];

  reclaim_scene_add_card (scene, 1, RECLAIM_KIND_LIST, "list", 0);
  for (guint i = 0; i < 3; i++)
    reclaim_scene_add_row (scene, "[i]", NULL, 1, RECLAIM_ROW_POINTER);
  reclaim_scene_add_card (scene, 2, RECLAIM_KIND_INSTANCE, "Node", 0);
  reclaim_scene_add_row (scene, "x", "1", 0, 0);
  reclaim_scene_finish (scene);
  reclaim_layout_scene (scene, NULL);

  for (guint a = 0; a < 3; a++)
    {
      ReclaimArrowPath path;
      double x, y, dx, dy;
      reclaim_layout_arrow_path (scene, &g_array_index (scene->arrows, ReclaimArrow, a), &path);
      reclaim_arrow_path_end (&path, &x, &y, &dx, &dy);
      ends[a] = y;
    }
  g_assert_cmpfloat (ends[1] - ends[0], >=, 6);
  g_assert_cmpfloat (ends[2] - ends[1], >=, 6);
  /* all on the target's edge */
  const ReclaimCard *target = reclaim_scene_get_card (scene, 1);
  g_assert_cmpfloat (ends[0], >, target->y);
  g_assert_cmpfloat (ends[2], <, target->y + target->height);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/arrows/round-a-card", test_round_a_card);
  g_test_add_func ("/view/arrows/heads-apart", test_heads_apart);
  return g_test_run ();
}
