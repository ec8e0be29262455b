/* test-collector.c: the cycle collector, phase by phase.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected outputs are what python3 3.11.7 printed for the scripts of
 * shared/cpython-reference named in each test.
 */
#include "engine-test-util.h"

static void
assert_output (World *w, const char *expected)
{
  g_autofree char *out = world_take_output (w);
  g_assert_cmpstr (out, ==, expected);
}

static ReclaimId
named (World *w, WorldClass *cls, const char *name)
{
  ReclaimId obj = world_new_obj (w, cls, NULL);
  g_hash_table_insert (w->names, GUINT_TO_POINTER (obj), g_strdup (name));
  return obj;
}

static ReclaimId
watched (World *w, WorldClass *cls, const char *name)
{
  ReclaimId obj = world_new_obj (w, cls, name);
  g_autofree char *text = g_strdup_printf ("wr callback %s", name);
  world_watch (w, obj, text);
  return obj;
}

static void
self_cycle (World *w, ReclaimId obj)
{
  reclaim_heap_incref (w->heap, obj);
  world_setattr (w, obj, "me", obj);
}

static void
disable_gc (World *w)
{
  reclaim_heap_set_counter (w->heap, RECLAIM_COUNTER_ENABLED, 0);
}

/* The state of the heap after each phase of the last collection, found
 * through the event log and time travel. */
typedef struct {
  ReclaimPhase phase;
  guint64      end;   /* position where the phase's events end */
} PhaseSpan;

static GArray *
last_collection_phases (ReclaimHeap *heap)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PhaseSpan));
  guint64 n = reclaim_heap_n_events (heap), start = 0;

  for (guint64 i = n; i-- > 0;)
    if (reclaim_heap_get_event (heap, i).kind == RECLAIM_EV_GC_START)
      {
        start = i;
        break;
      }
  for (guint64 i = start; i < n; i++)
    {
      const ReclaimEvent e = reclaim_heap_get_event (heap, i);
      if (e.kind == RECLAIM_EV_GC_PHASE || e.kind == RECLAIM_EV_GC_END)
        {
          if (spans->len > 0)
            g_array_index (spans, PhaseSpan, spans->len - 1).end = i;
          if (e.kind == RECLAIM_EV_GC_PHASE)
            g_array_append_val (spans, ((PhaseSpan) { e.a, 0 }));
        }
    }
  return spans;
}

static char *
gc_refs_of (World *w, ReclaimId *objs, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s=%d", i ? " " : "", world_name (w, objs[i]),
                            reclaim_heap_get_gc_refs (w->heap, objs[i]));
  return g_string_free (s, FALSE);
}

/* The devguide's example (00 and 10): link_1 -> link_2 -> link_3 -> link_1
 * held by A, and link_4 -> link_4. */
static void
test_devguide_example (void)
{
  World *w = world_new ();
  WorldClass *link = world_class (w, "Link", FALSE);
  ReclaimHeap *h = w->heap;

  disable_gc (w);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 0);   /* everything so far -> gen 2 */

  ReclaimId l3 = named (w, link, "link_3");
  world_setattr (w, l3, "next_link", reclaim_value_text ("None"));
  world_set (w, "link_3", l3);
  ReclaimId l2 = named (w, link, "link_2");
  world_setattr (w, l2, "next_link", world_load (w, "link_3"));
  world_set (w, "link_2", l2);
  ReclaimId l1 = named (w, link, "link_1");
  world_setattr (w, l1, "next_link", world_load (w, "link_2"));
  world_set (w, "link_1", l1);
  world_setattr (w, l3, "next_link", world_load (w, "link_1"));
  world_set (w, "A", world_load (w, "link_1"));
  ReclaimId l4 = named (w, link, "link_4");
  world_setattr (w, l4, "next_link", reclaim_value_text ("None"));
  world_set (w, "link_4", l4);
  world_setattr (w, l4, "next_link", world_load (w, "link_4"));

  g_autofree char *gen0 = world_list_names (w, RECLAIM_LIST_GEN0);
  g_assert_cmpstr (gen0, ==, "link_3 link_2 link_1 link_4");

  world_del (w, "link_1");
  world_del (w, "link_2");
  world_del (w, "link_3");
  world_del (w, "link_4");
  g_assert_cmpint (reclaim_heap_collect (h, 0), ==, 1);
  g_autofree char *gen1 = world_list_names (w, RECLAIM_LIST_GEN1);
  g_assert_cmpstr (gen1, ==, "link_1 link_2 link_3");
  g_assert_cmpint (reclaim_heap_get_state (h, l4), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_freed_by (h, l4), ==, RECLAIM_FREED_BY_GC);

  /* gc_refs after each phase, as the devguide's figures show them */
  ReclaimId links[] = { l1, l2, l3, l4 };
  g_autoptr (GArray) spans = last_collection_phases (h);
  const char *expected[][2] = {
    { "update_refs", "link_1=2 link_2=1 link_3=1 link_4=1" },
    { "subtract_refs", "link_1=1 link_2=0 link_3=0 link_4=0" },
    { "move_unreachable", "link_1=1 link_2=1 link_3=1 link_4=0" },
  };
  guint64 live = reclaim_heap_get_position (h);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PhaseSpan *span = &g_array_index (spans, PhaseSpan, i);
      g_assert_cmpstr (reclaim_phase_name (span->phase), ==, expected[i][0]);
      reclaim_heap_seek (h, span->end);
      g_autofree char *refs = gc_refs_of (w, links, 4);
      g_assert_cmpstr (refs, ==, expected[i][1]);
    }
  /* before handle_weakrefs: the survivors are already promoted */
  g_autofree char *young = world_list_names (w, RECLAIM_LIST_GEN1);
  g_autofree char *unreachable = world_list_names (w, RECLAIM_LIST_UNREACHABLE);
  g_assert_cmpstr (young, ==, "link_1 link_2 link_3");
  g_assert_cmpstr (unreachable, ==, "link_4");
  reclaim_heap_seek (h, live);

  /* the moves of move_unreachable, in order */
  GString *moves = g_string_new (NULL);
  PhaseSpan *mu = &g_array_index (spans, PhaseSpan, 2);
  for (guint64 i = g_array_index (spans, PhaseSpan, 1).end; i < mu->end; i++)
    {
      const ReclaimEvent e = reclaim_heap_get_event (h, i);
      if (e.kind == RECLAIM_EV_GC_MOVE)
        g_string_append_printf (moves, "%s%s%s", moves->len ? " " : "", world_name (w, e.obj),
                                e.b == RECLAIM_LIST_UNREACHABLE ? "->unreachable" : "->young");
    }
  g_assert_cmpstr (moves->str, ==, "link_3->unreachable link_2->unreachable link_2->young "
                                   "link_4->unreachable link_3->young");
  g_string_free (moves, TRUE);
  world_free (w);
}

/* vars(x): the instance's attributes move into a real __dict__ object. */
static void
materialize_dict (World *w, ReclaimId obj)
{
  ReclaimId dict = world_dict (w);
  guint n = reclaim_heap_n_slots (w->heap, obj);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *attr = g_strdup (reclaim_heap_slot_get_label (w->heap, obj, 0));
      ReclaimValue v = reclaim_heap_slot_take (w->heap, obj, 0);
      if (v != RECLAIM_VALUE_NONE)
        world_dict_set (w, dict, attr, v);
    }
  reclaim_heap_slot_append (w->heap, obj, RECLAIM_ROLE_DICT, "__dict__", dict);
}

/* 04_cycles */
static void
test_cycles (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);
  ReclaimHeap *h = w->heap;

  disable_gc (w);
  ReclaimId a = watched (w, obj, "a"), b = watched (w, obj, "b"), s = watched (w, obj, "s");
  world_set (w, "a", a);
  world_set (w, "b", b);
  world_setattr (w, a, "other", world_load (w, "b"));
  world_setattr (w, b, "other", world_load (w, "a"));
  world_set (w, "s", s);
  self_cycle (w, s);
  world_del (w, "a");
  world_del (w, "b");
  world_del (w, "s");
  assert_output (w, "");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 3);
  assert_output (w, "  wr callback a\n  wr callback b\n  wr callback s\n");

  ReclaimId x = watched (w, obj, "x"), y = watched (w, obj, "y");
  world_set (w, "x", x);
  world_set (w, "y", y);
  world_setattr (w, x, "y", world_load (w, "y"));
  world_setattr (w, y, "x", world_load (w, "x"));
  world_setattr (w, x, "leaf", watched (w, obj, "leaf"));
  materialize_dict (w, x);
  world_del (w, "x");
  world_del (w, "y");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 4);
  assert_output (w, "  wr callback x\n  wr callback y\n  wr callback leaf\n");

  ReclaimValue items[] = { watched (w, obj, "in_list") };
  ReclaimId lst = world_list (w, 1, items);
  world_set (w, "lst", lst);
  world_list_append (w, lst, world_load (w, "lst"));
  world_del (w, "lst");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  assert_output (w, "  wr callback in_list\n");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 0);
  world_free (w);
}

/* 05_cycle_del: cyclic garbage gets all callbacks, then all __del__ */
static void
test_cycle_with_del (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", TRUE);

  disable_gc (w);
  world_set (w, "a", watched (w, obj, "a"));
  world_set (w, "b", watched (w, obj, "b"));
  world_setattr (w, world_get (w, "a"), "b", world_load (w, "b"));
  world_setattr (w, world_get (w, "b"), "a", world_load (w, "a"));
  world_setattr (w, world_get (w, "a"), "leaf", watched (w, obj, "leaf"));
  world_del (w, "a");
  world_del (w, "b");
  assert_output (w, "");
  g_assert_cmpint (reclaim_heap_collect (w->heap, 2), ==, 3);
  assert_output (w, "  wr callback a\n  wr callback b\n  wr callback leaf\n"
                    "  __del__ a\n  __del__ b\n  __del__ leaf\n");
  world_free (w);
}

static void
save_if_a (World *w, ReclaimId self, gpointer data)
{
  if (g_strcmp0 (world_name (w, self), "a") == 0)
    {
      reclaim_heap_incref (w->heap, self);
      world_list_append (w, world_get (w, "saved"), self);
    }
}

/* 06_resurrect: a resurrected object is not counted, its weakref is
 * already dead, and __del__ never runs twice */
static void
test_resurrection (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", TRUE);
  ReclaimHeap *h = w->heap;

  obj->del_action = save_if_a;
  disable_gc (w);
  world_set (w, "saved", world_list (w, 0, NULL));
  ReclaimId a = world_new_obj (w, obj, "a"), b = world_new_obj (w, obj, "b");
  world_set (w, "a", a);
  world_set (w, "b", b);
  world_setattr (w, a, "b", world_load (w, "b"));
  world_setattr (w, b, "a", world_load (w, "a"));
  ReclaimId cb = world_lambda (w, "wr callback a", NULL, NULL);
  ReclaimId wa = reclaim_heap_weakref_new (h, RECLAIM_KIND_WEAKREF, a, cb, 0);
  reclaim_heap_decref (h, cb);
  world_set (w, "wa", wa);
  ReclaimId c = world_new_obj (w, obj, "c");
  world_set (w, "c", c);
  self_cycle (w, c);
  world_del (w, "a");
  world_del (w, "b");
  world_del (w, "c");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 1);
  assert_output (w, "  wr callback a\n  __del__ a\n  __del__ b\n  __del__ c\n");
  g_assert_cmpint (reclaim_heap_get_state (h, a), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpint (reclaim_heap_get_state (h, b), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpint (reclaim_heap_get_state (h, c), ==, RECLAIM_STATE_FREED);
  g_assert_cmpuint (reclaim_heap_weakref_get_referent (h, wa), ==, 0);
  g_assert_cmpint (reclaim_heap_get_generation (h, a), ==, 2);

  reclaim_heap_clear (h, world_get (w, "saved"));
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  assert_output (w, "");
  g_assert_cmpint (reclaim_heap_get_state (h, a), ==, RECLAIM_STATE_FREED);
  world_free (w);
}

static void
clear_holder (World *w, ReclaimId self, gpointer data)
{
  reclaim_heap_clear (w->heap, world_get (w, "holder"));
}

/* 07_weakrefs: a weakref inside the garbage gets no callback; a weakref
 * freed by its own callback counts as collected */
static void
test_weakrefs_and_garbage (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);
  ReclaimHeap *h = w->heap;

  disable_gc (w);
  ReclaimId g = world_new_obj (w, obj, "g");
  world_set (w, "g", g);
  self_cycle (w, g);
  ReclaimId cb_in = world_lambda (w, "cb of weakref inside garbage", NULL, NULL);
  world_setattr (w, g, "wr", reclaim_heap_weakref_new (h, RECLAIM_KIND_WEAKREF, g, cb_in, 0));
  reclaim_heap_decref (h, cb_in);
  ReclaimId cb_ext = world_lambda (w, "cb of external weakref", NULL, NULL);
  world_set (w, "ext", reclaim_heap_weakref_new (h, RECLAIM_KIND_WEAKREF, g, cb_ext, 0));
  reclaim_heap_decref (h, cb_ext);
  world_set (w, "g", reclaim_value_text ("None"));
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 3);
  assert_output (w, "  cb of external weakref\n");

  ReclaimId hh = world_new_obj (w, obj, "h");
  world_set (w, "h", hh);
  self_cycle (w, hh);
  ReclaimId cb = world_lambda (w, "cb clears its own holder", clear_holder, NULL);
  ReclaimValue item[] = { reclaim_heap_weakref_new (h, RECLAIM_KIND_WEAKREF, hh, cb, 0) };
  reclaim_heap_decref (h, cb);
  world_set (w, "holder", world_list (w, 1, item));
  world_set (w, "h", reclaim_value_text ("None"));
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  assert_output (w, "  cb clears its own holder\n");
  g_assert_cmpint (reclaim_heap_get_state (h, item[0]), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_state (h, cb), ==, RECLAIM_STATE_FREED);
  world_free (w);
}

/* 08_callbacks_saveall: gc.callbacks info; DEBUG_SAVEALL fills gc.garbage
 * and still counts the objects as collected */
static void
test_callbacks_and_saveall (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);
  ReclaimHeap *h = w->heap;
  ReclaimId garbage = world_list (w, 0, NULL);

  world_set (w, "gc.garbage", garbage);
  reclaim_heap_set_garbage_list (h, garbage);
  disable_gc (w);
  world_record_gc_callbacks (w);
  world_set (w, "a", world_new_obj (w, obj, "a"));
  world_set (w, "b", world_new_obj (w, obj, "b"));
  world_setattr (w, world_get (w, "a"), "b", world_load (w, "b"));
  world_setattr (w, world_get (w, "b"), "a", world_load (w, "a"));
  world_del (w, "a");
  world_del (w, "b");
  g_assert_cmpint (reclaim_heap_collect (h, 1), ==, 2);
  g_assert_cmpuint (w->gc_info->len, ==, 2);
  g_assert_cmpstr (w->gc_info->pdata[0], ==, "start 1 0 0");
  g_assert_cmpstr (w->gc_info->pdata[1], ==, "stop 1 2 0");

  reclaim_heap_set_counter (h, RECLAIM_COUNTER_DEBUG, RECLAIM_DEBUG_SAVEALL);
  ReclaimId c = world_new_obj (w, obj, "c");
  world_set (w, "c", c);
  self_cycle (w, c);
  materialize_dict (w, c);
  world_del (w, "c");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  g_assert_cmpuint (reclaim_heap_n_slots (h, garbage), ==, 2);
  g_assert_cmpuint (reclaim_heap_slot_get (h, garbage, 0), ==, c);
  g_assert_cmpint (reclaim_heap_get_kind (h, reclaim_heap_slot_get (h, garbage, 1)), ==, RECLAIM_KIND_DICT);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COLLECTED2), ==, 2);

  reclaim_heap_set_counter (h, RECLAIM_COUNTER_DEBUG, 0);
  reclaim_heap_clear (h, garbage);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  g_assert_cmpint (reclaim_heap_get_state (h, c), ==, RECLAIM_STATE_FREED);
  world_free (w);
}

/* 09_tpclear_order: frozen leaves hung on the garbage show the order in
 * which delete_garbage clears it */
static void
test_delete_garbage_order (void)
{
  World *w = world_new ();
  WorldClass *leaf = world_class (w, "Leaf", FALSE);
  WorldClass *A = world_class (w, "A", FALSE), *B = world_class (w, "B", FALSE);
  ReclaimHeap *h = w->heap;
  const char *names[] = { "la", "lb", "lc", "lx", "ly" };

  disable_gc (w);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ReclaimId l = world_new_obj (w, leaf, NULL);
      g_autofree char *text = g_strdup_printf ("freed leaf %s", names[i]);
      ReclaimId cb = world_lambda (w, text, NULL, NULL);
      world_setattr (w, l, "cb", reclaim_heap_weakref_new (h, RECLAIM_KIND_WEAKREF, l, cb, 0));
      reclaim_heap_decref (h, cb);
      world_set (w, names[i], l);
    }
  reclaim_heap_freeze (h);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT0), ==, 0);
  g_assert_cmpint (reclaim_heap_list_length (h, RECLAIM_LIST_GEN0), ==, 0);

  ReclaimId a = world_new_obj (w, A, NULL), b = world_new_obj (w, A, NULL), c = world_new_obj (w, A, NULL);
  world_set (w, "a", a);
  world_set (w, "b", b);
  world_set (w, "c", c);
  world_setattr (w, a, "nxt", world_load (w, "b"));
  world_setattr (w, b, "nxt", world_load (w, "c"));
  world_setattr (w, c, "nxt", world_load (w, "a"));
  world_setattr (w, a, "leaf", world_load (w, "la"));
  world_setattr (w, b, "leaf", world_load (w, "lb"));
  world_setattr (w, c, "leaf", world_load (w, "lc"));
  const char *dels1[] = { "la", "lb", "lc", "a", "b", "c" };
  for (guint i = 0; i < G_N_ELEMENTS (dels1); i++)
    world_del (w, dels1[i]);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 3);
  assert_output (w, "  freed leaf lc\n  freed leaf lb\n  freed leaf la\n");

  ReclaimId x = world_new_obj (w, B, NULL), y = world_new_obj (w, B, NULL);
  world_set (w, "x", x);
  world_set (w, "y", y);
  world_setattr (w, x, "leaf", world_load (w, "lx"));
  world_setattr (w, y, "leaf", world_load (w, "ly"));
  world_setattr (w, x, "nxt", world_load (w, "y"));
  world_setattr (w, y, "nxt", world_load (w, "x"));
  const char *dels2[] = { "lx", "ly", "x", "y" };
  for (guint i = 0; i < G_N_ELEMENTS (dels2); i++)
    world_del (w, dels2[i]);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  assert_output (w, "  freed leaf lx\n  freed leaf ly\n");

  guint frozen = reclaim_heap_list_length (h, RECLAIM_LIST_PERMANENT);
  g_assert_cmpuint (frozen, >, 0);
  reclaim_heap_unfreeze (h);
  g_assert_cmpuint (reclaim_heap_list_length (h, RECLAIM_LIST_PERMANENT), ==, 0);
  g_assert_cmpuint (reclaim_heap_list_length (h, RECLAIM_LIST_GEN2), >=, frozen);
  world_free (w);
}

/* 13_merge_order: a full collection scans gen2, then gen0, then gen1 */
static void
test_merge_order (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);
  ReclaimHeap *h = w->heap;

  disable_gc (w);
  reclaim_heap_collect (h, 2);
  world_set (w, "a", watched (w, obj, "a1"));
  self_cycle (w, world_get (w, "a"));
  world_set (w, "a2", watched (w, obj, "a2"));
  self_cycle (w, world_get (w, "a2"));
  g_assert_cmpint (reclaim_heap_collect (h, 0), ==, 0);
  g_assert_cmpint (reclaim_heap_get_generation (h, world_get (w, "a")), ==, 1);
  world_set (w, "b", watched (w, obj, "b1"));
  self_cycle (w, world_get (w, "b"));
  world_set (w, "b2", watched (w, obj, "b2"));
  self_cycle (w, world_get (w, "b2"));
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT1), ==, 1);
  world_del (w, "a");
  world_del (w, "a2");
  world_del (w, "b");
  world_del (w, "b2");
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 4);
  assert_output (w, "  wr callback b1\n  wr callback b2\n  wr callback a1\n  wr callback a2\n");
  world_free (w);
}

/* 11_auto_gc: the allocation that makes count0 exceed threshold0 (700)
 * runs a generation 0 collection first */
static void
test_automatic_collection (void)
{
  World *w = world_new ();
  WorldClass *c = world_class (w, "C", FALSE);
  ReclaimHeap *h = w->heap;

  reclaim_heap_collect (h, 2);
  ReclaimId cyc = watched (w, c, "cyc");
  world_set (w, "cyc", cyc);
  self_cycle (w, cyc);
  world_del (w, "cyc");
  ReclaimId keep = world_list (w, 0, NULL);
  world_set (w, "keep", keep);

  int count_before_trigger = -1;
  for (int i = 0; i < 1500 && count_before_trigger < 0; i++)
    {
      int before = reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT0);
      world_list_append (w, keep, world_new_obj (w, c, NULL));
      if (reclaim_heap_get_state (h, cyc) == RECLAIM_STATE_FREED)
        count_before_trigger = before;
    }
  g_assert_cmpint (count_before_trigger, ==, 700);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT0), ==, 0);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT1), ==, 1);
  assert_output (w, "  wr callback cyc\n");

  /* disabled: no automatic collection, but gc.collect() still works */
  reclaim_heap_set_counter (h, RECLAIM_COUNTER_ENABLED, 0);
  ReclaimId cyc2 = world_new_obj (w, c, NULL);
  world_set (w, "cyc2", cyc2);
  self_cycle (w, cyc2);
  world_del (w, "cyc2");
  for (int i = 0; i < 2000; i++)
    world_list_append (w, keep, world_new_obj (w, c, NULL));
  g_assert_cmpint (reclaim_heap_get_state (h, cyc2), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 1);
  world_free (w);
}

typedef struct {
  GString *log;
  ReclaimHeap *heap;
  int index;
  int gen1;
} DampingLog;

static void
damping_callback (ReclaimHeap *heap, const char *phase, int generation,
                  gssize collected, gssize uncollectable, gpointer user_data)
{
  DampingLog *log = user_data;
  if (g_strcmp0 (phase, "start") != 0)
    return;
  if (generation == 2)
    g_string_append_printf (log->log, "%s(%d, %d)", log->log->len ? ", " : "", log->index,
                            reclaim_heap_get_counter (heap, RECLAIM_COUNTER_COUNT2));
  if (generation == 1)
    log->gen1++;
  log->index++;
}

/* extra/x_damping: promotion through the generations and the 25%
 * long-lived rule, N = 10000 */
static void
test_generations_and_damping (void)
{
  World *w = world_new ();
  WorldClass *c = world_class (w, "C", FALSE);
  ReclaimHeap *h = w->heap;

  ReclaimId big = world_list (w, 0, NULL);
  world_set (w, "big", big);
  for (int i = 0; i < 10000; i++)
    world_list_append (w, big, world_new_obj (w, c, NULL));
  reclaim_heap_collect (h, 2);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_LONG_LIVED_PENDING), ==, 0);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_LONG_LIVED_TOTAL), ==,
                   reclaim_heap_list_length (h, RECLAIM_LIST_GEN2));

  DampingLog log = { g_string_new (NULL), h, 0, 0 };
  static const ReclaimHost host = { NULL, NULL, damping_callback };
  reclaim_heap_set_host (h, &host, &log);
  ReclaimId keep = world_list (w, 0, NULL);
  world_set (w, "keep", keep);
  for (int i = 0; i < 400000; i++)
    world_list_append (w, keep, world_new_obj (w, c, NULL));

  g_assert_cmpint (log.index, ==, 570);
  g_assert_cmpint (log.gen1, ==, 47);
  g_assert_cmpstr (log.log->str, ==, "(132, 11), (265, 11), (398, 11), (531, 11)");
  g_string_free (log.log, TRUE);
  world_free (w);
}

/* Tuples of atoms leave the collector's lists at the next collection;
 * dicts of atoms only at a full one. */
static void
test_untrack_tuples_and_dicts (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  ReclaimValue atoms[] = { reclaim_value_int (1), reclaim_value_int (2) };
  ReclaimId t = world_tuple (w, 2, atoms);
  ReclaimValue holds[] = { world_list (w, 0, NULL) };
  ReclaimId t2 = world_tuple (w, 1, holds);
  ReclaimId d = reclaim_heap_alloc (h, RECLAIM_KIND_DICT, 0, NULL, 0);   /* tracked from the start */

  world_set (w, "t", t);
  world_set (w, "t2", t2);
  world_set (w, "d", d);
  g_assert_true (reclaim_heap_get_flags (h, t) & RECLAIM_FLAG_TRACKED);
  reclaim_heap_collect (h, 0);
  g_assert_false (reclaim_heap_get_flags (h, t) & RECLAIM_FLAG_TRACKED);
  g_assert_true (reclaim_heap_get_flags (h, t2) & RECLAIM_FLAG_TRACKED);
  g_assert_true (reclaim_heap_get_flags (h, d) & RECLAIM_FLAG_TRACKED);
  reclaim_heap_collect (h, 2);
  g_assert_false (reclaim_heap_get_flags (h, d) & RECLAIM_FLAG_TRACKED);
  world_free (w);
}

/* Mark-and-sweep: a count of 0 frees nothing; a collection frees what the
 * roots and the running code cannot reach, cycles included. */
static void
test_mark_and_sweep (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", TRUE);
  ReclaimHeap *h = w->heap;

  reclaim_heap_set_mode (h, RECLAIM_COLLECTOR_MARKSWEEP);
  disable_gc (w);
  ReclaimId p = watched (w, obj, "p");
  world_set (w, "p", p);
  world_setattr (w, p, "child", watched (w, obj, "child"));
  ReclaimId child = world_getattr (w, p, "child");
  ReclaimId s = world_new_obj (w, obj, "s");
  world_set (w, "s", s);
  self_cycle (w, s);
  ReclaimId held = world_new_obj (w, obj, "held");   /* only the running code holds it */
  world_set (w, "kept", world_new_obj (w, obj, "kept"));

  world_del (w, "p");
  world_del (w, "s");
  assert_output (w, "");
  g_assert_cmpint (reclaim_heap_get_state (h, p), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpuint (reclaim_heap_get_refcount (h, p), ==, 0);

  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 3);
  assert_output (w, "  wr callback p\n  wr callback child\n  __del__ p\n  __del__ child\n  __del__ s\n");
  g_assert_cmpint (reclaim_heap_get_state (h, p), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_freed_by (h, child), ==, RECLAIM_FREED_BY_MARKSWEEP);
  g_assert_cmpint (reclaim_heap_get_state (h, s), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_state (h, held), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpint (reclaim_heap_get_state (h, world_get (w, "kept")), ==, RECLAIM_STATE_ALIVE);
  world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/collector/devguide-example", test_devguide_example);
  g_test_add_func ("/engine/collector/cycles", test_cycles);
  g_test_add_func ("/engine/collector/cycle-with-del", test_cycle_with_del);
  g_test_add_func ("/engine/collector/resurrection", test_resurrection);
  g_test_add_func ("/engine/collector/weakrefs-and-garbage", test_weakrefs_and_garbage);
  g_test_add_func ("/engine/collector/callbacks-and-saveall", test_callbacks_and_saveall);
  g_test_add_func ("/engine/collector/delete-garbage-order", test_delete_garbage_order);
  g_test_add_func ("/engine/collector/merge-order", test_merge_order);
  g_test_add_func ("/engine/collector/automatic", test_automatic_collection);
  g_test_add_func ("/engine/collector/generations-and-damping", test_generations_and_damping);
  g_test_add_func ("/engine/collector/untrack-tuples-and-dicts", test_untrack_tuples_and_dicts);
  g_test_add_func ("/engine/collector/mark-and-sweep", test_mark_and_sweep);
  return g_test_run ();
}
