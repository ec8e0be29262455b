/* test-placement.c: cards hold still while the user moves through a run.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenes are built at each position as the canvas builds them (scene,
 * layout, the session's placement), without a window.
 */
#include "reclaim-session.h"

#include <string.h>

/* Three nodes with references, one freed, a cycle made garbage and
 * collected: objects come and go at nearly every step. */
static const char nodes_script[] =
  "import gc\n"                   /* 1 */
  "class Node:\n"                 /* 2 */
  "    pass\n"                    /* 3 */
  "n1 = Node()\n"                 /* 4 */
  "n2 = Node()\n"                 /* 5 */
  "n1.friend = n2\n"              /* 6 */
  "n3 = Node()\n"                 /* 7 */
  "n2.friend = n3\n"              /* 8 */
  "n3.items = [1, 2]\n"           /* 9 */
  "n3.items.append(n1)\n"         /* 10 */
  "t = Node()\n"                  /* 11 */
  "t.back = t\n"                  /* 12 */
  "del t\n"                       /* 13 */
  "n4 = Node()\n"                 /* 14 */
  "n4.friend = n1\n"              /* 15 */
  "gc.collect()\n"                /* 16 */
  "d = {'a': n1, 'b': n4}\n"      /* 17 */
  "del n4\n";                     /* 18 */

static ReclaimScene *
placed_scene (ReclaimSession *session)
{
  ReclaimSceneOptions options;
  ReclaimScene *scene;

  reclaim_session_scene_options (session, &options);
  scene = reclaim_scene_new (reclaim_session_get_heap (session), &options);
  reclaim_layout_scene (scene, NULL);
  reclaim_session_place_scene (session, scene, NULL);
  return scene;
}

static gboolean
cards_overlap (const ReclaimCard *a, const ReclaimCard *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlap (const ReclaimScene *scene)
{
  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    for (guint j = i + 1; j < reclaim_scene_n_cards (scene); j++)
      if (cards_overlap (reclaim_scene_get_card (scene, i), reclaim_scene_get_card (scene, j)))
        g_error ("%s and %s overlap", reclaim_scene_get_card (scene, i)->title,
                 reclaim_scene_get_card (scene, j)->title);
}

typedef struct {
  double x, y;
} Point;

/* Records where each object's card is; fails when a card already seen is
 * elsewhere now.  Frames are left out: their column is a stack. */
static guint
check_places (GHashTable *seen, const ReclaimScene *scene)
{
  guint checked = 0;

  for (guint c = scene->n_frames; c < reclaim_scene_n_cards (scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, c);
      Point *was = g_hash_table_lookup (seen, GUINT_TO_POINTER (card->id));
      if (was == NULL)
        {
          was = g_new (Point, 1);
          *was = (Point) { card->x, card->y };
          g_hash_table_insert (seen, GUINT_TO_POINTER (card->id), was);
          continue;
        }
      g_assert_cmpfloat (card->x, ==, was->x);
      g_assert_cmpfloat (card->y, ==, was->y);
      checked++;
    }
  return checked;
}

/* Twenty steps forward and back, statement by statement and event by
 * event: no card moves, none overlaps another. */
static void
test_cards_hold_still (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint checked = 0, moves = 0;

  reclaim_session_set_source (session, nodes_script);
  g_assert_cmpint (reclaim_session_get_status (session), ==, 0);
  reclaim_session_go_to_start (session);
  for (guint round = 0; round < 2; round++)
    {
      while (reclaim_session_step_forward (session) && moves++ < 40)
        {
          g_autoptr (ReclaimScene) scene = placed_scene (session);
          assert_no_overlap (scene);
          checked += check_places (seen, scene);
        }
      for (guint i = 0; i < 20 && reclaim_session_step_back (session); i++)
        {
          g_autoptr (ReclaimScene) scene = placed_scene (session);
          assert_no_overlap (scene);
          checked += check_places (seen, scene);
        }
      /* inside statements too: temporaries come and go */
      for (guint i = 0; i < 60 && reclaim_session_event_forward (session); i++)
        {
          g_autoptr (ReclaimScene) scene = placed_scene (session);
          assert_no_overlap (scene);
          checked += check_places (seen, scene);
        }
    }
  /* the nodes, the list, the cycle and the dict were seen again and again */
  g_assert_cmpuint (g_hash_table_size (seen), >=, 7);
  g_assert_cmpuint (checked, >, 100);
}

/* Objects that live for one statement each, in a run so long that the
 * placement does not visit every boundary: many get their home only when
 * a step first shows them, alone (t) or three at once (p and its nodes). */
static const char short_lives_script[] =
  "class Node:\n"
  "    pass\n"
  "for i in range(200):\n"
  "    t = Node()\n"
  "    t = None\n"
  "    p = [Node(), Node()]\n"
  "    p = None\n";

/* The window lays a scene out in full only when more than one of its
 * cards has no home yet; a card alone gets the very place it got when
 * every step was laid out in full.  Step by step through the run, the two
 * ways give the same picture. */
static void
test_new_card_alone (void)
{
  g_autoptr (ReclaimSession) window = reclaim_session_new ();
  g_autoptr (ReclaimSession) in_full = reclaim_session_new ();
  guint compared = 0;

  reclaim_session_set_source (window, short_lives_script);
  reclaim_session_set_source (in_full, short_lives_script);
  reclaim_session_go_to_start (window);
  reclaim_session_go_to_start (in_full);
  while (reclaim_session_step_forward (window))
    {
      ReclaimSceneOptions options;
      g_assert_true (reclaim_session_step_forward (in_full));
      reclaim_session_scene_options (window, &options);
      g_autoptr (ReclaimScene) fast = reclaim_scene_new (reclaim_session_get_heap (window), &options);
      reclaim_session_lay_out_scene (window, fast, NULL);
      g_autoptr (ReclaimScene) full = placed_scene (in_full);

      g_assert_cmpuint (reclaim_scene_n_cards (fast), ==, reclaim_scene_n_cards (full));
      for (guint c = 0; c < reclaim_scene_n_cards (fast); c++)
        {
          const ReclaimCard *a = reclaim_scene_get_card (fast, c), *b = reclaim_scene_get_card (full, c);
          g_assert_cmpuint (a->id, ==, b->id);
          g_assert_cmpfloat (a->x, ==, b->x);
          g_assert_cmpfloat (a->y, ==, b->y);
          g_assert_cmpfloat (a->width, ==, b->width);
          compared++;
        }
      g_assert_cmpfloat (fast->width, ==, full->width);
      g_assert_cmpfloat (fast->height, ==, full->height);
    }
  g_assert_cmpuint (compared, >, 1000);
}

/* A statement added by an edit moves no card already there, and its new
 * object lands near what refers to it, on no other card. */
static void
test_edit_keeps_places (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *longer = g_strconcat (nodes_script, "n1.extra = [n1]\nlate = 5\n", NULL);
  double frame_x, frame_y;

  reclaim_session_set_source (session, nodes_script);
  {
    g_autoptr (ReclaimScene) scene = placed_scene (session);
    check_places (seen, scene);
    frame_x = reclaim_scene_get_card (scene, 0)->x;
    frame_y = reclaim_scene_get_card (scene, 0)->y;
  }
  reclaim_session_set_source (session, longer);
  g_autoptr (ReclaimScene) scene = placed_scene (session);
  assert_no_overlap (scene);
  g_assert_cmpuint (check_places (seen, scene), >=, 4);
  /* the global frame, a variable longer, stays too */
  g_assert_cmpfloat (reclaim_scene_get_card (scene, 0)->x, ==, frame_x);
  g_assert_cmpfloat (reclaim_scene_get_card (scene, 0)->y, ==, frame_y);

  /* the new list sits right of n1, which holds it */
  const ReclaimCard *n1 = NULL, *list = NULL;
  for (guint c = scene->n_frames; c < reclaim_scene_n_cards (scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, c);
      if (reclaim_scene_find_row (scene, card, "extra") != NULL)
        n1 = card;
    }
  g_assert_nonnull (n1);
  list = reclaim_scene_get_card (scene, reclaim_scene_find_row (scene, n1, "extra")->target);
  g_assert_cmpfloat (list->x, >, n1->x + n1->width);
  g_assert_cmpfloat (list->x, <, n1->x + n1->width + 3 * RECLAIM_LAYOUT_COLUMN_GAP);
}

/* Tidy up forgets the places: the cards go where a session that never
 * saw the earlier script puts them. */
static void
test_tidy_starts_afresh (void)
{
  static const char first[] = "n1 = [1]\nn2 = [n1]\n";
  static const char second[] = "big = [1, 2, 3, 4, 5, 6, 7, 8]\nn1 = [1]\nn2 = [n1]\n";
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (ReclaimSession) fresh = reclaim_session_new ();

  reclaim_session_set_source (session, first);
  g_autoptr (ReclaimScene) before = placed_scene (session);
  reclaim_session_set_source (session, second);
  g_autoptr (ReclaimScene) kept = placed_scene (session);
  reclaim_session_set_source (fresh, second);
  g_autoptr (ReclaimScene) expected = placed_scene (fresh);

  /* kept: n1 and n2 where they were, which a fresh layout does not do */
  gboolean same_as_fresh = TRUE;
  for (guint c = 0; c < reclaim_scene_n_cards (kept); c++)
    same_as_fresh &= reclaim_scene_get_card (kept, c)->y == reclaim_scene_get_card (expected, c)->y;
  g_assert_false (same_as_fresh);

  reclaim_session_clear_card_positions (session);
  g_autoptr (ReclaimScene) afresh = placed_scene (session);
  g_assert_cmpuint (reclaim_scene_n_cards (afresh), ==, reclaim_scene_n_cards (expected));
  for (guint c = 0; c < reclaim_scene_n_cards (afresh); c++)
    {
      g_assert_cmpfloat (reclaim_scene_get_card (afresh, c)->x, ==, reclaim_scene_get_card (expected, c)->x);
      g_assert_cmpfloat (reclaim_scene_get_card (afresh, c)->y, ==, reclaim_scene_get_card (expected, c)->y);
    }
}

/* Positions the user chose are saved and read back, for objects with a
 * name and for those no name reaches at the script's end. */
static void
test_positions_saved (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (ReclaimSession) reopened = reclaim_session_new ();
  double x, y;

  reclaim_session_set_source (session, nodes_script);
  g_autoptr (ReclaimScene) scene = placed_scene (session);
  /* n1 has a name; the dict's cycle partner t was freed, and n4's object
   * is reached by d['b'] */
  ReclaimId d = 0;
  for (guint c = scene->n_frames; c < reclaim_scene_n_cards (scene); c++)
    if (g_str_equal (reclaim_scene_get_card (scene, c)->title, "dict"))
      d = reclaim_scene_get_card (scene, c)->id;
  g_assert_cmpuint (d, !=, 0);
  /* an object without a name at the end: the cycle t made, found at line 12 */
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step;
  g_assert_true (reclaim_timeline_find_line (timeline, 13, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
  g_autoptr (ReclaimScene) before_del = placed_scene (session);
  ReclaimId t = 0;
  for (guint c = before_del->n_frames; c < reclaim_scene_n_cards (before_del); c++)
    if (reclaim_scene_find_row (before_del, reclaim_scene_get_card (before_del, c), "back"))
      t = reclaim_scene_get_card (before_del, c)->id;
  g_assert_cmpuint (t, !=, 0);

  reclaim_session_set_card_position (session, d, 612, 345);
  reclaim_session_set_card_position (session, t, 700.5, 80);
  g_autofree char *text = reclaim_session_dup_text (session);
  g_assert_nonnull (strstr (text, "# reclaim: positions\n"));

  reclaim_session_load_text (reopened, text);
  g_assert_cmpstr (reclaim_session_get_source (reopened), ==, nodes_script);
  g_assert_true (reclaim_session_get_card_position (reopened, d, &x, &y));
  g_assert_cmpfloat (x, ==, 612);
  g_assert_cmpfloat (y, ==, 345);
  g_assert_true (reclaim_session_get_card_position (reopened, t, &x, &y));
  g_assert_cmpfloat (x, ==, 700.5);
  g_assert_cmpfloat (y, ==, 80);

  /* an edit in the middle renumbers objects: a position kept by id would
   * land on another object */
  g_autofree char *edited = g_strconcat ("x = []\n", nodes_script, NULL);
  reclaim_session_set_source (reopened, edited);
  g_assert_false (reclaim_session_get_card_position (reopened, t, &x, &y));
}

static const ReclaimCard *
card_with_row (const ReclaimScene *scene, const char *label)
{
  for (guint c = scene->n_frames; c < reclaim_scene_n_cards (scene); c++)
    if (reclaim_scene_find_row (scene, reclaim_scene_get_card (scene, c), label) != NULL)
      return reclaim_scene_get_card (scene, c);
  return NULL;
}

/* A card put down on another: the other moves out of the way once, and
 * stays where it went at every step. */
static void
test_put_down_pushes_once (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  reclaim_session_set_source (session, "a = [1]\nb = [2, 2]\nc = [3, 3, 3]\n");
  g_autoptr (ReclaimScene) before = placed_scene (session);
  const ReclaimCard *b = card_with_row (before, "[1]");
  const ReclaimCard *c = card_with_row (before, "[2]");
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  ReclaimId c_id = c->id;
  reclaim_session_set_card_position (session, c_id, b->x, b->y);

  g_autoptr (ReclaimScene) after = placed_scene (session);
  assert_no_overlap (after);
  g_assert_cmpfloat (reclaim_scene_find_card (after, c_id)->x, ==, b->x);
  check_places (seen, after);
  reclaim_session_go_to_start (session);
  while (reclaim_session_step_forward (session))
    {
      g_autoptr (ReclaimScene) scene = placed_scene (session);
      assert_no_overlap (scene);
      check_places (seen, scene);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/placement/cards-hold-still", test_cards_hold_still);
  g_test_add_func ("/view/placement/new-card-alone", test_new_card_alone);
  g_test_add_func ("/view/placement/edit-keeps-places", test_edit_keeps_places);
  g_test_add_func ("/view/placement/tidy-starts-afresh", test_tidy_starts_afresh);
  g_test_add_func ("/view/placement/positions-saved", test_positions_saved);
  g_test_add_func ("/view/placement/put-down-pushes-once", test_put_down_pushes_once);
  return g_test_run ();
}
