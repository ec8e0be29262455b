/* test-card-names.c: cards of the same type carry the name that reaches them.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "view-test-util.h"

#include <string.h>

static const ReclaimCard *
card_named (const ReclaimScene *scene, const char *name)
{
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_strcmp0 (reclaim_scene_get_card (scene, c)->name, name) == 0)
      return reclaim_scene_get_card (scene, c);
  return NULL;
}

/* Three Node cards: each says how the script reaches it, a global name
 * before a longer path; items and dict entries read as Python reads them. */
static void
test_three_nodes (void)
{
  g_auto (Script) script = { 0 };

  script_run (&script, "class Node:\n    def f(self):\n        pass\n"
                       "n1 = Node()\nn2 = Node()\nn1.friend = n2\nn1.friend.friend = Node()\n"
                       "items = [Node()]\nd = {'k': [1]}\ns = {n1}\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);

  g_assert_nonnull (card_named (scene, "n1"));
  g_assert_cmpstr (card_named (scene, "n1")->title, ==, "Node");
  /* n2 is a global: not n1.friend */
  g_assert_nonnull (card_named (scene, "n2"));
  g_assert_null (card_named (scene, "n1.friend"));
  g_assert_nonnull (card_named (scene, "n2.friend"));
  g_assert_nonnull (card_named (scene, "items[0]"));
  g_assert_nonnull (card_named (scene, "d['k']"));
  g_assert_cmpstr (card_named (scene, "d['k']")->title, ==, "list");
  /* "class Node" needs no "Node" beside it (when classes are drawn), nor
   * frames a name */
  const ReclaimCard *class_card = card_titled (scene, "class Node", 0);
  g_assert_true (class_card == NULL || class_card->name == NULL);
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    if (g_str_has_prefix (reclaim_scene_get_card (scene, c)->title, "function "))
      g_assert_null (reclaim_scene_get_card (scene, c)->name);
  g_assert_null (reclaim_scene_get_card (scene, 0)->name);
}

/* The name widens the header, so that it fits beside the title. */
static void
test_name_fits_in_header (void)
{
  g_auto (Script) script = { 0 };
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);

  script_run (&script, "class Node:\n    pass\nrather_long_name = Node()\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  reclaim_renderer_layout (renderer, scene);
  const ReclaimCard *card = card_named (scene, "rather_long_name");
  g_assert_nonnull (card);
  double needed = 2 * RECLAIM_LAYOUT_PADDING + RECLAIM_LAYOUT_NAME_GAP +
                  reclaim_renderer_measure_text ("Node", RECLAIM_TEXT_TITLE, renderer) +
                  reclaim_renderer_measure_text ("rather_long_name", RECLAIM_TEXT_ROW, renderer);
  g_assert_cmpfloat (card->width, >=, needed);
}

/* A list subclass's card points at its __dict__, which is named for it,
 * beside its items; an empty one still says so. */
static void
test_instance_dict_row (void)
{
  g_auto (Script) script = { 0 };

  script_run (&script, "class Stack(list):\n    pass\n"
                       "s = Stack([[1]])\ns.owner = s\ne = Stack()\ne.tag = 'x'\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  const ReclaimCard *stack = card_named (scene, "s");
  g_assert_nonnull (stack);
  const ReclaimRow *dict_row = reclaim_scene_find_row (scene, stack, "__dict__");
  g_assert_nonnull (dict_row);
  g_assert_true (dict_row->flags & RECLAIM_ROW_POINTER);
  g_assert_cmpuint (dict_row->slot, ==, G_MAXUINT);
  const ReclaimCard *dict = reclaim_scene_get_card (scene, dict_row->target);
  g_assert_cmpstr (dict->title, ==, "dict");
  g_assert_cmpstr (dict->name, ==, "s.__dict__");
  g_assert_nonnull (reclaim_scene_find_row (scene, stack, "[0]"));
  const ReclaimCard *empty = card_named (scene, "e");
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->n_rows, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/card-names/three-nodes", test_three_nodes);
  g_test_add_func ("/view/card-names/name-fits-in-header", test_name_fits_in_header);
  g_test_add_func ("/view/card-names/instance-dict-row", test_instance_dict_row);
  return g_test_run ();
}
