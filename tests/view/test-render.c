/* test-render.c: scenes, layouts and pictures of known heaps.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenes are built from scripts run by the interpreter (what is shown,
 * which arrows, which labels), layouts are checked for their promises (no
 * overlaps, frames on the left, the same positions every time), and the
 * renderer draws headless onto image surfaces whose pixels are read back
 * at places the layout predicts.
 */
#include "view-test-util.h"

#include <math.h>
#include <string.h>

/* ---- scripts ------------------------------------------------------------- */

static guint
count_titled (const ReclaimScene *scene, const char *title)
{
  guint n = 0;
  while (card_titled (scene, title, n))
    n++;
  return n;
}

/* The card titled title whose row label holds the inline value. */
static ReclaimCard *
card_with_value (const ReclaimScene *scene, const char *title, const char *label, const char *value)
{
  for (guint i = 0; card_titled (scene, title, i); i++)
    {
      ReclaimCard *card = card_titled (scene, title, i);
      ReclaimRow *row = reclaim_scene_find_row (scene, card, label);
      if (row && g_strcmp0 (row->value, value) == 0)
        return card;
    }
  return NULL;
}

/* The card a row points at. */
static ReclaimCard *
row_target (const ReclaimScene *scene, const ReclaimCard *card, const char *label)
{
  ReclaimRow *row = reclaim_scene_find_row (scene, card, label);
  g_assert_nonnull (row);
  g_assert_true (row->flags & RECLAIM_ROW_POINTER);
  return reclaim_scene_get_card (scene, row->target);
}

/* ---- scenes -------------------------------------------------------------- */

static const char cycle_script[] =
  "import gc\n"
  "class Node:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "a = Node('a')\n"
  "b = Node('b')\n"
  "a.partner = b\n"
  "b.partner = a\n"
  "n = 5\n";

static void
test_scene_objects_and_arrows (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script, cycle_script);
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);

  /* the module namespace first, as the only frame */
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  g_assert_cmpuint (scene->n_frames, ==, 1);
  g_assert_cmpstr (frame->title, ==, "Global frame");
  g_assert_true (frame->flags & RECLAIM_CARD_FRAME);
  g_assert_cmpuint (frame->id, ==, script.timeline->module_dict);

  /* what the script made, and nothing of the interpreter's or CPython's
   * class machinery: the class and its function are named in words */
  g_assert_cmpuint (count_titled (scene, "class Node"), ==, 0);
  g_assert_cmpuint (count_titled (scene, "Node"), ==, 2);
  g_assert_cmpuint (count_titled (scene, "function __init__"), ==, 0);
  g_assert_cmpuint (reclaim_scene_n_cards (scene), ==, 3);
  g_assert_cmpstr (reclaim_scene_find_row (scene, frame, "Node")->value, ==, "class Node");
  g_assert_cmpuint (count_titled (scene, "tuple"), ==, 0);
  g_assert_cmpuint (count_titled (scene, "getset_descriptor"), ==, 0);
  g_assert_cmpuint (count_titled (scene, "dict"), ==, 0);

  ReclaimCard *a = card_with_value (scene, "Node", "name", "'a'");
  ReclaimCard *b = card_with_value (scene, "Node", "name", "'b'");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->refcount, ==, 2);
  g_assert_cmpint (a->generation, ==, 0);
  g_assert_true (a->flags & RECLAIM_CARD_TRACKED);

  /* variables: dunders hidden, immediates inline, modules in words */
  g_assert_null (reclaim_scene_find_row (scene, frame, "__name__"));
  g_assert_null (reclaim_scene_find_row (scene, frame, "__builtins__"));
  g_assert_cmpstr (reclaim_scene_find_row (scene, frame, "n")->value, ==, "5");
  ReclaimRow *gc_row = reclaim_scene_find_row (scene, frame, "gc");
  g_assert_cmpstr (gc_row->value, ==, "module gc");
  g_assert_true (gc_row->flags & RECLAIM_ROW_MUTED);
  g_assert_true (row_target (scene, frame, "a") == a);
  g_assert_true (row_target (scene, frame, "b") == b);

  /* the cycle, labelled by the attribute */
  g_assert_true (row_target (scene, a, "partner") == b);
  g_assert_true (row_target (scene, b, "partner") == a);
  const ReclaimArrow *arrow = reclaim_scene_find_arrow (scene, a->id, b->id, RECLAIM_ARROW_STRONG);
  g_assert_nonnull (arrow);
  g_assert_cmpstr (reclaim_scene_get_row (scene, arrow->row)->label, ==, "partner");
  g_assert_nonnull (reclaim_scene_find_arrow (scene, b->id, a->id, RECLAIM_ARROW_STRONG));
  g_assert_null (reclaim_scene_find_arrow (scene, a->id, a->id, RECLAIM_ARROW_STRONG));
}

/* Asked for, the interpreter's objects come back: the class with its
 * namespace, mro and descriptors, and its function, whose __globals__
 * draws no arrow back to the module. */
static void
test_scene_class_internals (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script, cycle_script);
  g_autoptr (ReclaimScene) plain = script_scene (&script, FALSE);
  g_autoptr (ReclaimScene) full = script_scene (&script, TRUE);

  g_assert_null (card_titled (plain, "class Node", 0));
  ReclaimCard *init = card_titled (full, "function __init__", 0);
  g_assert_nonnull (init);
  g_assert_true (init->flags & RECLAIM_CARD_CLASS_INTERNAL);
  g_assert_cmpuint (init->n_rows, ==, 0);
  for (guint i = 0; i < full->arrows->len; i++)
    g_assert_cmpuint (g_array_index (full->arrows, ReclaimArrow, i).to, !=, 0);

  g_assert_cmpuint (count_titled (full, "getset_descriptor"), ==, 2);
  g_assert_cmpuint (count_titled (full, "tuple"), ==, 2);
  g_assert_cmpuint (count_titled (full, "dict"), ==, 1);
  ReclaimCard *full_cls = card_titled (full, "class Node", 0);
  g_assert_true (row_target (full, full_cls, "__mro__")->kind == RECLAIM_KIND_TUPLE);
  g_assert_cmpstr (reclaim_scene_find_row (full, full_cls, "__base__")->value, ==, "class object");
}

static void
test_scene_rows (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "l = [1, 'two', None]\n"
              "d = {'k': 'v', 3: 4.5}\n"
              "s = {7}\n"
              "e = []\n"
              "t = (l,)\n"
              "long = ['x' * 100]\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);

  ReclaimCard *l = row_target (scene, frame, "l");
  g_assert_cmpstr (l->title, ==, "list");
  g_assert_cmpuint (l->n_rows, ==, 3);
  g_assert_cmpstr (reclaim_scene_find_row (scene, l, "[0]")->value, ==, "1");
  g_assert_cmpstr (reclaim_scene_find_row (scene, l, "[1]")->value, ==, "'two'");
  g_assert_cmpstr (reclaim_scene_find_row (scene, l, "[2]")->value, ==, "None");

  ReclaimCard *d = row_target (scene, frame, "d");
  g_assert_cmpstr (reclaim_scene_find_row (scene, d, "'k'")->value, ==, "'v'");
  g_assert_cmpstr (reclaim_scene_find_row (scene, d, "3")->value, ==, "4.5");

  ReclaimCard *s = row_target (scene, frame, "s");
  g_assert_cmpuint (s->n_rows, ==, 1);
  g_assert_null (reclaim_scene_get_row (scene, s->first_row)->label);
  g_assert_cmpstr (reclaim_scene_get_row (scene, s->first_row)->value, ==, "7");

  ReclaimCard *e = row_target (scene, frame, "e");
  g_assert_cmpuint (e->n_rows, ==, 1);
  g_assert_cmpstr (reclaim_scene_get_row (scene, e->first_row)->value, ==, "empty");
  g_assert_true (reclaim_scene_get_row (scene, e->first_row)->flags & RECLAIM_ROW_MUTED);

  ReclaimCard *t = row_target (scene, frame, "t");
  g_assert_true (row_target (scene, t, "[0]") == l);

  ReclaimCard *long_list = row_target (scene, frame, "long");
  const char *value = reclaim_scene_get_row (scene, long_list->first_row)->value;
  g_assert_true (g_str_has_suffix (value, "…"));
  g_assert_cmpuint (g_utf8_strlen (value, -1), <=, 32);
}

static void
test_scene_max_rows (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script, "numbers = list(range(100))\n");
  ReclaimSceneOptions options;
  reclaim_timeline_scene_options (script.timeline, &options);
  options.max_rows = 10;
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (script.heap, &options);

  ReclaimCard *list = row_target (scene, reclaim_scene_get_card (scene, 0), "numbers");
  g_assert_cmpuint (list->n_rows, ==, 11);
  g_assert_true (list->flags & RECLAIM_CARD_MORE_ROWS);
  g_assert_cmpstr (reclaim_scene_get_row (scene, list->first_row + 10)->value, ==, "… 90 more");
}

static void
test_scene_weakref (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "import weakref\n"
              "class T:\n"
              "    pass\n"
              "t = T()\n"
              "r = weakref.ref(t)\n"
              "u = T()\n"
              "dead = weakref.ref(u)\n"
              "del u\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);

  ReclaimCard *t = row_target (scene, frame, "t");
  ReclaimCard *r = row_target (scene, frame, "r");
  ReclaimRow *referent = reclaim_scene_find_row (scene, r, "referent");
  g_assert_true (referent->flags & RECLAIM_ROW_WEAK);
  g_assert_true (reclaim_scene_get_card (scene, referent->target) == t);
  g_assert_nonnull (reclaim_scene_find_arrow (scene, r->id, t->id, RECLAIM_ARROW_WEAK));
  g_assert_null (reclaim_scene_find_arrow (scene, r->id, t->id, RECLAIM_ARROW_STRONG));
  g_assert_true (t->flags & RECLAIM_CARD_WEAKLY_REFERENCED);
  g_assert_cmpuint (t->n_weakrefs, ==, 1);

  ReclaimCard *dead = row_target (scene, frame, "dead");
  g_assert_cmpstr (reclaim_scene_find_row (scene, dead, "referent")->value, ==, "dead");
  g_assert_cmpuint (count_titled (scene, "T"), ==, 1);
}

/* Inside a call, the call's frame joins the frames column with its
 * variables. */
static void
test_scene_frames (void)
{
  g_auto (Script) script = { 0 };
  guint step;
  script_run (&script,
              "def f(x):\n"
              "    y = [x]\n"
              "    return y\n"
              "z = f(1)\n");
  g_assert_true (reclaim_timeline_find_line (script.timeline, 3, &step));
  reclaim_heap_seek (script.heap, reclaim_timeline_step_position (script.timeline, step));
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);

  g_assert_cmpuint (scene->n_frames, ==, 2);
  ReclaimCard *call = reclaim_scene_get_card (scene, 1);
  g_assert_cmpstr (call->title, ==, "f");
  g_assert_true (call->flags & RECLAIM_CARD_FRAME);
  g_assert_cmpstr (reclaim_scene_find_row (scene, call, "x")->value, ==, "1");
  g_assert_cmpstr (row_target (scene, call, "y")->title, ==, "list");
  /* a frame's own reference to its function is not a variable */
  g_assert_null (reclaim_scene_find_row (scene, call, "<function>"));
}

/* The position just before the collector's handle_weakrefs phase. */
static guint64
before_phase (ReclaimHeap *heap, guint64 from, ReclaimPhase phase)
{
  for (guint64 i = from; i < reclaim_heap_n_events (heap); i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_GC_PHASE && ev.a == phase)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_scene_collection_flags (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "import gc\n"
              "class Node:\n"
              "    pass\n"
              "a = Node()\n"
              "a.me = a\n"
              "del a\n"
              "gc.collect()\n");
  reclaim_heap_seek (script.heap, before_phase (script.heap, script.timeline->start,
                                                RECLAIM_PHASE_HANDLE_WEAKREFS));
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);

  ReclaimCard *a = card_titled (scene, "Node", 0);
  g_assert_nonnull (a);
  g_assert_true (a->flags & RECLAIM_CARD_UNREACHABLE);
  g_assert_cmpint (a->gc_refs, ==, 0);
  /* out of its generation's list, but still tinted as the generation
   * gc.collect() collects */
  g_assert_cmpint (a->generation, ==, 2);
  g_assert_true (row_target (scene, a, "me") == a);
  g_assert_nonnull (reclaim_scene_find_arrow (scene, a->id, a->id, RECLAIM_ARROW_STRONG));
}

static void
test_scene_freed_faded (void)
{
  g_auto (Script) script = { 0 };
  guint step;
  script_run (&script,
              "class Node:\n"
              "    pass\n"
              "head = Node()\n"
              "head.next = Node()\n"
              "del head\n"
              "x = 1\n");
  g_assert_true (reclaim_timeline_find_line (script.timeline, 6, &step));
  ReclaimSceneOptions options;
  reclaim_timeline_scene_options (script.timeline, &options);
  reclaim_heap_seek (script.heap, reclaim_timeline_step_position (script.timeline, step));
  g_autoptr (ReclaimScene) without = reclaim_scene_new (script.heap, &options);
  options.show_freed = TRUE;
  options.freed_since = reclaim_timeline_step_position (script.timeline, step - 1);
  g_autoptr (ReclaimScene) with = reclaim_scene_new (script.heap, &options);

  g_assert_cmpuint (count_titled (without, "Node"), ==, 0);
  g_assert_cmpuint (count_titled (with, "Node"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      ReclaimCard *card = card_titled (with, "Node", i);
      g_assert_true (card->flags & RECLAIM_CARD_FREED);
      g_assert_cmpuint (card->n_rows, ==, 0);
    }
}

/* A heap built on the engine alone: every object is a candidate and the
 * roots are the frames. */
static void
test_scene_engine_heap (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = reclaim_heap_alloc (heap, RECLAIM_KIND_FRAME, 0, "main", RECLAIM_ALLOC_ROOT);
  ReclaimId list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  reclaim_heap_slot_append (heap, frame, RECLAIM_ROLE_VAR, "xs", list);
  reclaim_heap_slot_append (heap, list, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (42));
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (heap, NULL);

  g_assert_cmpuint (reclaim_scene_n_cards (scene), ==, 2);
  g_assert_cmpuint (scene->n_frames, ==, 1);
  g_assert_cmpstr (reclaim_scene_get_card (scene, 0)->title, ==, "main");
  ReclaimCard *card = row_target (scene, reclaim_scene_get_card (scene, 0), "xs");
  g_assert_cmpuint (card->id, ==, list);
  g_assert_cmpstr (reclaim_scene_find_row (scene, card, "[0]")->value, ==, "42");
  reclaim_heap_free (heap);
}

/* ---- the timeline -------------------------------------------------------- */

static void
test_timeline_steps (void)
{
  g_auto (Script) script = { 0 };
  guint step = 0;
  script_run (&script,
              "def f():\n"
              "    return 1\n"
              "a = f()\n"
              "b = 2\n");
  const ReclaimTimeline *timeline = script.timeline;

  /* def, a = f(), return 1, b = 2 */
  g_assert_cmpuint (reclaim_timeline_n_steps (timeline), ==, 4);
  g_assert_cmpuint (reclaim_timeline_step_line (timeline, 0), ==, 1);
  g_assert_cmpuint (reclaim_timeline_step_line (timeline, 1), ==, 3);
  g_assert_cmpuint (reclaim_timeline_step_line (timeline, 2), ==, 2);
  g_assert_cmpuint (reclaim_timeline_step_line (timeline, 3), ==, 4);
  g_assert_cmpuint (reclaim_timeline_step_line (timeline, 4), ==, 0);
  g_assert_cmpuint (reclaim_timeline_step_position (timeline, 0), ==, timeline->start);
  g_assert_cmpuint (reclaim_timeline_step_position (timeline, 4), ==, timeline->end);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (reclaim_timeline_step_position (timeline, i), <,
                      reclaim_timeline_step_position (timeline, i + 1));
  g_assert_true (reclaim_timeline_find_line (timeline, 4, &step));
  g_assert_cmpuint (step, ==, 3);
  g_assert_false (reclaim_timeline_find_line (timeline, 99, &step));

  /* before the first statement the frame is empty */
  reclaim_heap_seek (script.heap, reclaim_timeline_step_position (timeline, 0));
  g_autoptr (ReclaimScene) start = script_scene (&script, FALSE);
  g_assert_cmpuint (reclaim_scene_n_cards (start), ==, 1);
  g_assert_cmpuint (reclaim_scene_get_card (start, 0)->n_rows, ==, 0);
}

/* The end of the script is before python3's exit collects the garbage
 * and frees everything. */
static void
test_timeline_end_before_exit (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "class T:\n"
              "    def __del__(self):\n"
              "        pass\n"
              "t = T()\n"
              "t.me = t\n"
              "g = T()\n"
              "g.me = g\n"
              "del g\n");
  ReclaimHeap *heap = script.heap;

  g_assert_cmpuint (script.timeline->end, <, reclaim_heap_n_events (heap));
  reclaim_heap_seek (heap, script.timeline->end);
  g_autoptr (ReclaimScene) end = script_scene (&script, FALSE);
  g_assert_cmpuint (count_titled (end, "T"), ==, 2);
  g_assert_nonnull (reclaim_scene_find_row (end, reclaim_scene_get_card (end, 0), "t"));

  reclaim_heap_seek (heap, reclaim_heap_n_events (heap));
  g_autoptr (ReclaimScene) after_exit = script_scene (&script, FALSE);
  g_assert_cmpuint (count_titled (after_exit, "T"), ==, 0);
}

/* ---- layout -------------------------------------------------------------- */

static const char busy_script[] =
  "import weakref\n"
  "class Node:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "chain = Node('c0')\n"
  "last = chain\n"
  "for i in range(6):\n"
  "    last.next = Node('c' + str(i + 1))\n"
  "    last = last.next\n"
  "ring = [Node('r0'), Node('r1'), Node('r2')]\n"
  "for i in range(3):\n"
  "    ring[i].right = ring[(i + 1) % 3]\n"
  "table = {'a': ring[0], 'b': [1, 2, 3], 'c': (chain, ring)}\n"
  "w = weakref.ref(ring[1])\n"
  "g = Node('garbage')\n"
  "g.me = g\n"
  "g.other = Node('other')\n"
  "g.other.back = g\n"
  "del g\n";

static gboolean
cards_overlap (const ReclaimCard *a, const ReclaimCard *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlaps (const ReclaimScene *scene)
{
  guint n = reclaim_scene_n_cards (scene);

  for (guint i = 0; i < n; i++)
    {
      const ReclaimCard *a = reclaim_scene_get_card (scene, i);
      g_assert_cmpfloat (a->width, >=, RECLAIM_LAYOUT_MIN_WIDTH);
      g_assert_cmpfloat (a->height, >=, RECLAIM_LAYOUT_HEADER_HEIGHT);
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, scene->width);
      g_assert_cmpfloat (a->y + a->height, <=, scene->height);
      for (guint j = i + 1; j < n; j++)
        if (cards_overlap (a, reclaim_scene_get_card (scene, j)))
          g_error ("cards %u (%s) and %u (%s) overlap", i, a->title, j,
                   reclaim_scene_get_card (scene, j)->title);
    }
}

static ReclaimScene *
busy_scene (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script, busy_script);
  ReclaimScene *scene = script_scene (&script, FALSE);
  reclaim_layout_scene (scene, NULL);
  return scene;
}

static void
test_layout_no_overlaps (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();

  g_assert_cmpuint (reclaim_scene_n_cards (scene), >, 15);
  assert_no_overlaps (scene);
  /* the garbage cycle no frame reaches is placed too */
  g_assert_nonnull (card_with_value (scene, "Node", "name", "'garbage'"));
  g_assert_cmpuint (card_with_value (scene, "Node", "name", "'garbage'")->column, >=, 1);
}

static void
test_layout_deterministic (void)
{
  g_autoptr (ReclaimScene) first = busy_scene ();
  g_autoptr (ReclaimScene) second = busy_scene ();

  g_assert_cmpuint (reclaim_scene_n_cards (first), ==, reclaim_scene_n_cards (second));
  for (guint i = 0; i < reclaim_scene_n_cards (first); i++)
    {
      const ReclaimCard *a = reclaim_scene_get_card (first, i);
      const ReclaimCard *b = reclaim_scene_get_card (second, i);
      g_assert_cmpuint (a->id, ==, b->id);
      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
      g_assert_cmpfloat (a->width, ==, b->width);
    }
  g_assert_cmpfloat (first->width, ==, second->width);
  g_assert_cmpfloat (first->height, ==, second->height);
}

static void
test_layout_frames_left (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();
  double frames_right = 0, objects_left = G_MAXDOUBLE;

  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, i);
      if (card->flags & RECLAIM_CARD_FRAME)
        frames_right = MAX (frames_right, card->x + card->width);
      else
        objects_left = MIN (objects_left, card->x);
    }
  g_assert_cmpfloat (frames_right, <, objects_left);
  g_assert_cmpuint (reclaim_scene_get_card (scene, 0)->column, ==, 0);
}

/* Columns follow the distance from the frames: a chain goes right, but
 * its last link, which a variable also holds, is in the first column. */
static void
test_layout_columns_by_distance (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();
  ReclaimCard *previous = NULL;

  g_assert_cmpuint (card_with_value (scene, "Node", "name", "'c6'")->column, ==, 1);
  for (guint i = 0; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("'c%u'", i);
      ReclaimCard *card = card_with_value (scene, "Node", "name", name);
      g_assert_nonnull (card);
      if (previous)
        {
          g_assert_cmpuint (card->column, ==, previous->column + 1);
          g_assert_cmpfloat (card->x, >=, previous->x + previous->width);
        }
      previous = card;
    }
}

/* Arrows leave from their row's pointer and end on the target's edge. */
static void
test_layout_arrow_paths (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();

  g_assert_cmpuint (scene->arrows->len, >, 10);
  for (guint i = 0; i < scene->arrows->len; i++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, i);
      const ReclaimCard *from = reclaim_scene_get_card (scene, arrow->from);
      const ReclaimCard *to = reclaim_scene_get_card (scene, arrow->to);
      ReclaimArrowPath path;
      double x, y, dx, dy;
      reclaim_layout_arrow_path (scene, arrow, &path);
      double row_top = reclaim_layout_row_top (from, arrow->row - from->first_row);
      g_assert_cmpfloat (path.x0, >, from->x);
      g_assert_cmpfloat (path.x0, <, from->x + from->width);
      g_assert_cmpfloat (path.y0, ==, row_top + RECLAIM_LAYOUT_ROW_HEIGHT / 2);
      reclaim_arrow_path_end (&path, &x, &y, &dx, &dy);
      g_assert_cmpfloat (fabs (hypot (dx, dy) - 1), <, 1e-9);
      g_assert_true (fabs (x - to->x) < 1e-9 || fabs (x - (to->x + to->width)) < 1e-9);
      /* level with the header, or spread down the edge with others */
      if (arrow->n_arrivals <= 1)
        g_assert_cmpfloat (y, ==, to->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2);
      g_assert_cmpfloat (y, >, to->y);
      g_assert_cmpfloat (y, <, to->y + to->height);
    }
}

/* A scene far taller than wide is folded into bands side by side. */
static void
test_layout_folds_tall_scenes (void)
{
  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();
  const guint hubs = 40, leaves = 30;

  reclaim_scene_add_card (scene, 1, RECLAIM_KIND_FRAME, "Global frame", RECLAIM_CARD_FRAME);
  for (guint h = 0; h < hubs; h++)
    reclaim_scene_add_row (scene, "hub", NULL, 1 + h, RECLAIM_ROW_POINTER);
  for (guint h = 0; h < hubs; h++)
    {
      reclaim_scene_add_card (scene, 2 + h, RECLAIM_KIND_LIST, "list", 0);
      for (guint l = 0; l < leaves; l++)
        reclaim_scene_add_row (scene, "[i]", NULL, 1 + hubs + h * leaves + l, RECLAIM_ROW_POINTER);
    }
  for (guint i = 0; i < hubs * leaves; i++)
    {
      reclaim_scene_add_card (scene, 2 + hubs + i, RECLAIM_KIND_INSTANCE, "Leaf", 0);
      reclaim_scene_add_row (scene, "n", "1", 0, 0);
    }
  reclaim_scene_finish (scene);
  reclaim_layout_scene (scene, NULL);

  assert_no_overlaps (scene);
  g_assert_cmpfloat (scene->height, <, 2 * scene->width);
  g_assert_cmpfloat (scene->height, <, 20000);
}

static void
test_layout_card_at (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();
  const ReclaimCard *card = reclaim_scene_get_card (scene, 3);

  g_assert_cmpint (reclaim_layout_card_at (scene, card->x + 1, card->y + 1), ==, 3);
  g_assert_cmpint (reclaim_layout_card_at (scene, 1, 1), ==, -1);
}

/* ---- rendering ----------------------------------------------------------- */

/* RECLAIM_TEST_PNG=FILE keeps the last picture drawn, to look at. */
static cairo_surface_t *
render (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport->width, viewport->height);
  cairo_t *cr = cairo_create (surface);

  reclaim_renderer_draw (renderer, cr, scene, viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("RECLAIM_TEST_PNG"))
    cairo_surface_write_to_png (surface, g_getenv ("RECLAIM_TEST_PNG"));
  return surface;
}

static ReclaimViewport
viewport_at (double x, double y, double scale, double width, double height)
{
  return (ReclaimViewport) { .x = x, .y = y, .scale = scale, .width = width, .height = height };
}

/* A point inside an arrow's head, half way from its tip. */
static void
head_point (const ReclaimScene *scene, ReclaimId from, ReclaimId to, ReclaimArrowKind kind,
            double *x, double *y)
{
  const ReclaimArrow *arrow = reclaim_scene_find_arrow (scene, from, to, kind);
  ReclaimArrowPath path;
  double dx, dy;

  g_assert_nonnull (arrow);
  reclaim_layout_arrow_path (scene, arrow, &path);
  reclaim_arrow_path_end (&path, x, y, &dx, &dy);
  *x -= dx * 4.5;
  *y -= dy * 4.5;
}

static void
test_render_light_pixels (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimViewport viewport = viewport_at (0, 0, 1, ceil (scene->width), ceil (scene->height));
  cairo_surface_t *surface = render (renderer, scene, &viewport);
  const ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  const ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  double x, y;

  /* empty space, card body (right of a row's text), header tints */
  assert_pixel (surface, 2, 2, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 1);
  assert_pixel (surface, a->x + a->width - 5, reclaim_layout_row_top (a, 0) + RECLAIM_LAYOUT_ROW_HEIGHT / 2,
                reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_CARD), 1);
  assert_pixel (surface, a->x + a->width / 2, a->y + 3,
                reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_GEN0), 1);
  assert_pixel (surface, b->x + b->width / 2, b->y + 3,
                reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_GEN2), 1);

  /* the heads of a strong and a weak reference */
  head_point (scene, 2, 3, RECLAIM_ARROW_STRONG, &x, &y);
  assert_pixel (surface, x, y, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_ARROW), 2);
  head_point (scene, 4, 2, RECLAIM_ARROW_WEAK, &x, &y);
  assert_pixel (surface, x, y, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_WEAK_ARROW), 2);
  /* the pointer dot a strong reference leaves from */
  ReclaimArrowPath path;
  reclaim_layout_arrow_path (scene, reclaim_scene_find_arrow (scene, 2, 3, RECLAIM_ARROW_STRONG), &path);
  assert_pixel (surface, path.x0, path.y0, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_ARROW), 2);
  cairo_surface_destroy (surface);
}

static void
test_render_dark_theme (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_DARK);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimViewport viewport = viewport_at (0, 0, 1, ceil (scene->width), ceil (scene->height));
  cairo_surface_t *surface = render (renderer, scene, &viewport);
  const ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  double x, y;

  g_assert_cmpint (reclaim_renderer_get_theme (renderer), ==, RECLAIM_THEME_DARK);
  assert_pixel (surface, 2, 2, reclaim_theme_color (RECLAIM_THEME_DARK, RECLAIM_COLOR_BACKGROUND), 1);
  assert_pixel (surface, a->x + a->width - 5, reclaim_layout_row_top (a, 0) + RECLAIM_LAYOUT_ROW_HEIGHT / 2,
                reclaim_theme_color (RECLAIM_THEME_DARK, RECLAIM_COLOR_CARD), 1);
  head_point (scene, 2, 3, RECLAIM_ARROW_STRONG, &x, &y);
  assert_pixel (surface, x, y, reclaim_theme_color (RECLAIM_THEME_DARK, RECLAIM_COLOR_ARROW), 2);
  cairo_surface_destroy (surface);
}

static void
test_render_unreachable_outline (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, RECLAIM_CARD_UNREACHABLE);
  ReclaimViewport viewport = viewport_at (0, 0, 1, ceil (scene->width), ceil (scene->height));
  cairo_surface_t *surface = render (renderer, scene, &viewport);
  const ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  const ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  ReclaimColor red = reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_UNREACHABLE);

  assert_pixel (surface, a->x - 1.5, reclaim_layout_row_top (a, 0) + 5, red, 2);
  assert_pixel (surface, b->x - 1.5, reclaim_layout_row_top (b, 0) + 5,
                reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (surface);
}

/* The viewport moves and zooms the scene; far from everything only the
 * background is drawn. */
static void
test_render_viewport (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  const ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  ReclaimViewport zoomed = viewport_at (b->x - 10, b->y - 10, 2, 200, 120);
  cairo_surface_t *surface = render (renderer, scene, &zoomed);

  assert_pixel (surface, 2 * (b->width / 2 + 10), 2 * (10 + 3),
                reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_GEN2), 1);
  assert_pixel (surface, 4, 4, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (surface);

  ReclaimViewport away = viewport_at (scene->width + 500, 0, 1, 64, 64);
  surface = render (renderer, scene, &away);
  for (int y = 0; y < 64; y += 7)
    for (int x = 0; x < 64; x += 7)
      assert_pixel (surface, x, y, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 0);
  cairo_surface_destroy (surface);
}

/* Zoomed far out a card is a block of its generation's tint; a little
 * less far, a card without text. */
static void
test_render_level_of_detail (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  const ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  double cx = a->x + a->width / 2, cy = a->y + a->height / 2;

  g_assert_cmpint (reclaim_detail_for_scale (1), ==, RECLAIM_DETAIL_FULL);
  g_assert_cmpint (reclaim_detail_for_scale (0.3), ==, RECLAIM_DETAIL_SIMPLE);
  g_assert_cmpint (reclaim_detail_for_scale (0.1), ==, RECLAIM_DETAIL_TINY);

  ReclaimViewport tiny = viewport_at (0, 0, 0.1, ceil (scene->width * 0.1), ceil (scene->height * 0.1));
  cairo_surface_t *surface = render (renderer, scene, &tiny);
  assert_pixel (surface, cx * 0.1, cy * 0.1, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_GEN0), 1);
  cairo_surface_destroy (surface);

  /* the "name: 'a'" row, where full detail draws text */
  double row_y = reclaim_layout_row_top (a, 0) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
  ReclaimViewport simple = viewport_at (0, 0, 0.3, ceil (scene->width * 0.3), ceil (scene->height * 0.3));
  surface = render (renderer, scene, &simple);
  for (double x = a->x + 12; x < a->x + 40; x += 3.4)
    assert_pixel (surface, x * 0.3, row_y * 0.3, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_CARD), 1);
  cairo_surface_destroy (surface);
}

static void
test_render_figure (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimFigure natural = { .caption = "caption", .legend = TRUE };
  ReclaimFigure fitted = { .width = 300, .height = 200 };
  int width, height;
  double scale;

  reclaim_renderer_figure_size (renderer, scene, &natural, &width, &height, &scale);
  g_assert_cmpfloat (scale, ==, 1);
  g_assert_cmpint (width, >=, (int) scene->width);
  g_assert_cmpint (height, >, (int) scene->height + 40);
  reclaim_renderer_figure_size (renderer, scene, &fitted, &width, &height, &scale);
  g_assert_cmpint (width, ==, 300);
  g_assert_cmpint (height, ==, 200);
  g_assert_cmpfloat (scale, <=, MIN (300 / scene->width, 200 / scene->height) + 1e-9);

  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);
  reclaim_renderer_draw_figure (renderer, cr, scene, &fitted);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  assert_pixel (surface, 1, 1, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (surface);
}

typedef struct {
  const guint8 *data;
  gsize         length, read;
} Reading;

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  Reading *reading = closure;

  if (reading->length - reading->read < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reading->data + reading->read, length);
  reading->read += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A scene of hundreds of objects at its natural size: as SVG or PDF the
 * picture is at most 4096 pixels a side; as a PNG, an overview of 2048
 * (its labels would be unreadable at 4096 too), which reads back as the
 * picture drawn. */
static void
test_render_figure_png (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_auto (Script) script = { 0 };
  script_run (&script, "class Node:\n    pass\nnodes = []\nfor i in range(400):\n"
                       "    n = Node()\n    n.peer = nodes[-1] if nodes else None\n    nodes.append(n)\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  reclaim_renderer_layout (renderer, scene);
  ReclaimFigure natural = { .legend = TRUE };
  int width, height;
  double scale;

  g_assert_cmpfloat (MAX (scene->width, scene->height), >, RECLAIM_FIGURE_NATURAL_MAX);
  reclaim_renderer_figure_size (renderer, scene, &natural, &width, &height, &scale);
  g_assert_cmpint (MAX (width, height), <=, RECLAIM_FIGURE_NATURAL_MAX);
  g_assert_cmpint (MAX (width, height), >, RECLAIM_FIGURE_NATURAL_MAX - 100);
  ReclaimFigure bitmap = { .legend = TRUE, .bitmap = TRUE };
  reclaim_renderer_figure_size (renderer, scene, &bitmap, &width, &height, &scale);
  g_assert_cmpint (MAX (width, height), <=, RECLAIM_FIGURE_SCREEN_MAX);
  g_assert_cmpint (MAX (width, height), >, RECLAIM_FIGURE_SCREEN_MAX - 100);

  /* figure_bytes() makes a PNG a bitmap of itself */
  g_autoptr (GBytes) png = reclaim_renderer_figure_bytes (renderer, scene, &natural, RECLAIM_FIGURE_PNG, NULL);
  g_assert_nonnull (png);
  Reading reading = { 0 };
  reading.data = g_bytes_get_data (png, &reading.length);
  cairo_surface_t *read = cairo_image_surface_create_from_png_stream (read_bytes, &reading);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, height);

  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (drawn);
  reclaim_renderer_draw_figure (renderer, cr, scene, &bitmap);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);
  /* every pixel, opaque, as drawn */
  const guint8 *a = cairo_image_surface_get_data (drawn), *b = cairo_image_surface_get_data (read);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (a + (gsize) y * cairo_image_surface_get_stride (drawn));
      const guint32 *row_b = (const guint32 *) (b + (gsize) y * cairo_image_surface_get_stride (read));
      for (int x = 0; x < width; x++)
        if ((row_a[x] | 0xff000000u) != row_b[x])
          g_error ("pixel %d,%d: drawn %08x, read back %08x", x, y, row_a[x], row_b[x]);
    }
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (read);
}

/* The scale of a picture of a scene w x h nobody asked a size of. */
static double
natural_scale (ReclaimRenderer *renderer, double w, double h, gboolean bitmap)
{
  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();
  ReclaimFigure figure = { .bitmap = bitmap };
  int width, height;
  double scale;

  reclaim_scene_finish (scene);
  scene->width = w;
  scene->height = h;
  reclaim_renderer_figure_size (renderer, scene, &figure, &width, &height, &scale);
  g_assert_cmpint (width, ==, (int) ceil (w * scale));
  return scale;
}

/* A bitmap's natural size: scale 1 on a screen's 2048 pixels; a larger
 * scene fits in them, but not below half size while labels then read in
 * 4096 pixels; beyond that an overview of 2048.  SVG and PDF take up to
 * 4096 at scale 1.  A scale, width or height asked for still decides. */
static void
test_render_bitmap_size (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);

  g_assert_cmpfloat (natural_scale (renderer, 2000, 600, TRUE), ==, 1);
  g_assert_cmpfloat_with_epsilon (natural_scale (renderer, 3000, 600, TRUE), 2048 / 3000.0, 1e-9);
  g_assert_cmpfloat (natural_scale (renderer, 6000, 600, TRUE), ==, RECLAIM_FIGURE_READABLE_SCALE);
  g_assert_cmpfloat (natural_scale (renderer, 600, 8000, TRUE), ==, RECLAIM_FIGURE_READABLE_SCALE);
  g_assert_cmpfloat_with_epsilon (natural_scale (renderer, 20000, 600, TRUE), 2048 / 20000.0, 1e-9);
  g_assert_cmpfloat (natural_scale (renderer, 4000, 600, FALSE), ==, 1);
  g_assert_cmpfloat_with_epsilon (natural_scale (renderer, 6000, 600, FALSE), 4096 / 6000.0, 1e-9);

  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();
  reclaim_scene_finish (scene);
  scene->width = 6000;
  scene->height = 600;
  ReclaimFigure scaled = { .scale = 1, .bitmap = TRUE };
  ReclaimFigure fitted = { .width = 3000, .bitmap = TRUE };
  int width, height;
  double scale;
  reclaim_renderer_figure_size (renderer, scene, &scaled, &width, &height, &scale);
  g_assert_cmpfloat (scale, ==, 1);
  g_assert_cmpint (width, ==, 6000);
  reclaim_renderer_figure_size (renderer, scene, &fitted, &width, &height, &scale);
  g_assert_cmpint (width, ==, 3000);
  g_assert_cmpfloat (scale, ==, 0.5);
}

static void
test_render_empty_scene (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = reclaim_scene_new_empty ();

  reclaim_scene_finish (scene);
  reclaim_renderer_layout (renderer, scene);
  g_assert_cmpfloat (scene->width, ==, 2 * RECLAIM_LAYOUT_MARGIN);
  g_assert_cmpfloat (scene->height, ==, 2 * RECLAIM_LAYOUT_MARGIN);
  ReclaimViewport viewport = viewport_at (0, 0, 1, 32, 32);
  cairo_surface_t *surface = render (renderer, scene, &viewport);
  assert_pixel (surface, 16, 16, reclaim_theme_color (RECLAIM_THEME_LIGHT, RECLAIM_COLOR_BACKGROUND), 0);
  cairo_surface_destroy (surface);
}

/* A laid out scene from a script draws without trouble at every level of
 * detail, in both themes. */
static void
test_render_script_scene (void)
{
  g_autoptr (ReclaimScene) scene = busy_scene ();

  for (ReclaimTheme theme = RECLAIM_THEME_LIGHT; theme <= RECLAIM_THEME_DARK; theme++)
    for (double scale = 0.05; scale < 3; scale *= 2.5)
      {
        g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (theme);
        reclaim_renderer_layout (renderer, scene);
        ReclaimViewport viewport;
        reclaim_viewport_fit (&viewport, scene, 400, 300, scale);
        cairo_surface_t *surface = render (renderer, scene, &viewport);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        assert_pixel (surface, 0, 0, reclaim_theme_color (theme, RECLAIM_COLOR_BACKGROUND), 1);
        cairo_surface_destroy (surface);
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view/scene/objects-and-arrows", test_scene_objects_and_arrows);
  g_test_add_func ("/view/scene/class-internals", test_scene_class_internals);
  g_test_add_func ("/view/scene/rows", test_scene_rows);
  g_test_add_func ("/view/scene/max-rows", test_scene_max_rows);
  g_test_add_func ("/view/scene/weakref", test_scene_weakref);
  g_test_add_func ("/view/scene/frames", test_scene_frames);
  g_test_add_func ("/view/scene/collection-flags", test_scene_collection_flags);
  g_test_add_func ("/view/scene/freed-faded", test_scene_freed_faded);
  g_test_add_func ("/view/scene/engine-heap", test_scene_engine_heap);
  g_test_add_func ("/view/timeline/steps", test_timeline_steps);
  g_test_add_func ("/view/timeline/end-before-exit", test_timeline_end_before_exit);
  g_test_add_func ("/view/layout/no-overlaps", test_layout_no_overlaps);
  g_test_add_func ("/view/layout/deterministic", test_layout_deterministic);
  g_test_add_func ("/view/layout/frames-left", test_layout_frames_left);
  g_test_add_func ("/view/layout/columns-by-distance", test_layout_columns_by_distance);
  g_test_add_func ("/view/layout/arrow-paths", test_layout_arrow_paths);
  g_test_add_func ("/view/layout/folds-tall-scenes", test_layout_folds_tall_scenes);
  g_test_add_func ("/view/layout/card-at", test_layout_card_at);
  g_test_add_func ("/view/render/light-pixels", test_render_light_pixels);
  g_test_add_func ("/view/render/dark-theme", test_render_dark_theme);
  g_test_add_func ("/view/render/unreachable-outline", test_render_unreachable_outline);
  g_test_add_func ("/view/render/viewport", test_render_viewport);
  g_test_add_func ("/view/render/level-of-detail", test_render_level_of_detail);
  g_test_add_func ("/view/render/figure", test_render_figure);
  g_test_add_func ("/view/render/figure-png", test_render_figure_png);
  g_test_add_func ("/view/render/bitmap-size", test_render_bitmap_size);
  g_test_add_func ("/view/render/empty-scene", test_render_empty_scene);
  g_test_add_func ("/view/render/script-scene", test_render_script_scene);
  return g_test_run ();
}
