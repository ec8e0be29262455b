/* test-refcount.c: reference counting and deallocation order.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test rebuilds one of the python3 3.11.7 experiments of
 * shared/cpython-reference through the engine API and expects the output
 * python3 printed for it.
 */
#include "engine-test-util.h"

static void
assert_output (World *w, const char *expected)
{
  g_autofree char *out = world_take_output (w);
  g_assert_cmpstr (out, ==, expected);
}

/* class Obj: __init__ sets self.name and watches self with a weakref */
static ReclaimId
watched (World *w, WorldClass *cls, const char *name)
{
  ReclaimId obj = world_new_obj (w, cls, name);
  g_autofree char *text = g_strdup_printf ("died %s", name);
  world_watch (w, obj, text);
  return obj;
}

/* 01_attrs: attributes die in shared-key order; rebinding frees at once */
static void
test_attribute_order (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);

  world_set (w, "o", watched (w, obj, "o"));
  ReclaimId o = world_get (w, "o");
  world_setattr (w, o, "c", watched (w, obj, "c"));
  world_setattr (w, o, "a", watched (w, obj, "a"));
  world_setattr (w, o, "b", watched (w, obj, "b"));
  world_print (w, "L11");
  world_setattr (w, o, "a", watched (w, obj, "a2"));
  world_print (w, "L13");
  world_delattr (w, o, "c");
  world_setattr (w, o, "c", watched (w, obj, "c2"));
  world_print (w, "L16");
  world_del (w, "o");
  assert_output (w, "L11\n  died a\nL13\n  died c\nL16\n  died o\n  died c2\n  died a2\n  died b\n");
  world_free (w);
}

/* 02_containers: list/tuple last item first; dict key then value in
 * insertion order; pop, clear and rebinding */
static void
test_container_order (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);

  ReclaimValue l[] = { watched (w, obj, "l0"), watched (w, obj, "l1"), watched (w, obj, "l2") };
  world_set (w, "lst", world_list (w, 3, l));
  world_print (w, "L8");
  world_del (w, "lst");

  ReclaimValue t[] = { watched (w, obj, "t0"), watched (w, obj, "t1"), watched (w, obj, "t2") };
  world_set (w, "tup", world_tuple (w, 3, t));
  world_print (w, "L10");
  world_del (w, "tup");

  ReclaimId d = world_dict (w);
  world_dict_set (w, d, "k", watched (w, obj, "d0"));
  world_dict_set (w, d, "j", watched (w, obj, "d1"));
  world_set (w, "d", d);
  world_dict_set (w, d, "a", watched (w, obj, "d2"));
  world_dict_set (w, d, "k", watched (w, obj, "d0b"));
  world_print (w, "L12");
  world_del (w, "d");

  ReclaimId d2 = world_dict (w);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *k = g_strdup_printf ("k%d", i), *v = g_strdup_printf ("v%d", i);
      reclaim_heap_slot_append (w->heap, d2, RECLAIM_ROLE_KEY, NULL, watched (w, obj, k));
      reclaim_heap_slot_append (w->heap, d2, RECLAIM_ROLE_VALUE, NULL, watched (w, obj, v));
    }
  world_set (w, "d2", d2);
  world_print (w, "L14");
  world_del (w, "d2");

  ReclaimValue m[] = { watched (w, obj, "m0"), watched (w, obj, "m1"), watched (w, obj, "m2") };
  ReclaimId lst = world_list (w, 3, m);
  world_set (w, "lst", lst);
  world_print (w, "L16");
  reclaim_heap_decref (w->heap, reclaim_heap_slot_take (w->heap, lst, 0));   /* lst.pop(0) */
  world_print (w, "L17");
  reclaim_heap_clear (w->heap, lst);                                         /* lst.clear() */
  ReclaimValue n[] = { watched (w, obj, "n0"), watched (w, obj, "n1") };
  world_set (w, "lst", world_list (w, 2, n));
  world_print (w, "L19");
  world_set (w, "lst", reclaim_value_text ("None"));

  assert_output (w,
                 "L8\n  died l2\n  died l1\n  died l0\n"
                 "L10\n  died t2\n  died t1\n  died t0\n  died d0\n"
                 "L12\n  died d0b\n  died d1\n  died d2\n"
                 "L14\n  died k0\n  died v0\n  died k1\n  died v1\n"
                 "L16\n  died m0\n"
                 "L17\n  died m2\n  died m1\n"
                 "L19\n  died n1\n  died n0\n");
  world_free (w);
}

static ReclaimId
node (World *w, WorldClass *cls, const char *name, ReclaimId k0, ReclaimId k1)
{
  ReclaimId n = world_new_obj (w, cls, name);
  if (k0)
    world_setattr (w, n, "k0", k0);
  if (k1)
    world_setattr (w, n, "k1", k1);
  g_autofree char *text = g_strdup_printf ("died %s", name);
  world_watch (w, n, text);
  return n;
}

/* 03_chain_tree: pre-order death; a function's locals die in
 * co_varnames order when it returns */
static void
test_chain_tree_and_locals (void)
{
  World *w = world_new ();
  WorldClass *cls = world_class (w, "Node", FALSE);

  world_set (w, "head", node (w, cls, "a", node (w, cls, "b", node (w, cls, "c", node (w, cls, "d", 0, 0), 0), 0), 0));
  world_print (w, "L10");
  world_del (w, "head");

  world_set (w, "root", node (w, cls, "root",
                              node (w, cls, "L", node (w, cls, "LL", 0, 0), node (w, cls, "LR", 0, 0)),
                              node (w, cls, "R", node (w, cls, "RL", 0, 0), node (w, cls, "RR", 0, 0))));
  world_print (w, "L12");
  world_del (w, "root");

  world_print (w, "L18");
  ReclaimId frame = reclaim_heap_alloc (w->heap, RECLAIM_KIND_FRAME, 0, "f", RECLAIM_ALLOC_ROOT);
  reclaim_heap_slot_append (w->heap, frame, RECLAIM_ROLE_VAR, "x", node (w, cls, "x", 0, 0));
  ReclaimId y = node (w, cls, "y", 0, 0);
  reclaim_heap_slot_append (w->heap, frame, RECLAIM_ROLE_VAR, "y", y);
  reclaim_heap_slot_append (w->heap, frame, RECLAIM_ROLE_VAR, "z", node (w, cls, "z", 0, 0));
  reclaim_heap_incref (w->heap, y);
  reclaim_heap_slot_append (w->heap, frame, RECLAIM_ROLE_VAR, "y2", y);
  world_print (w, "  f returning");
  reclaim_heap_decref (w->heap, frame);

  assert_output (w,
                 "L10\n  died a\n  died b\n  died c\n  died d\n"
                 "L12\n  died root\n  died L\n  died LL\n  died LR\n  died R\n  died RL\n  died RR\n"
                 "L18\n  f returning\n  died x\n  died z\n  died y\n");
  g_assert_cmpint (reclaim_heap_get_state (w->heap, frame), ==, RECLAIM_STATE_FREED);
  world_free (w);
}

/* 05_cycle_del (first half): __del__, then the weakref callback, then the
 * attributes */
static void
test_del_then_callback (void)
{
  World *w = world_new ();
  WorldClass *cls = world_class (w, "Obj", TRUE);

  world_set (w, "p", watched (w, cls, "p"));
  world_setattr (w, world_get (w, "p"), "child", watched (w, cls, "child"));
  world_del (w, "p");
  assert_output (w, "  __del__ p\n  died p\n  __del__ child\n  died child\n");
  world_free (w);
}

static void
save_self (World *w, ReclaimId self, gpointer data)
{
  reclaim_heap_incref (w->heap, self);
  world_list_append (w, world_get (w, "saved"), self);
}

/* 06_resurrect (second half): __del__ saves self; the second death does
 * not call __del__ again */
static void
test_resurrection_by_refcount (void)
{
  World *w = world_new ();
  WorldClass *cls = world_class (w, "Obj", TRUE);
  cls->del_action = save_self;

  world_set (w, "saved", world_list (w, 0, NULL));
  ReclaimId r = world_new_obj (w, cls, "a");
  world_set (w, "r", r);
  world_del (w, "r");
  assert_output (w, "  __del__ a\n");
  g_assert_cmpint (reclaim_heap_get_state (w->heap, r), ==, RECLAIM_STATE_ALIVE);
  g_assert_cmpuint (reclaim_heap_get_refcount (w->heap, r), ==, 1);
  g_assert_true (reclaim_heap_get_flags (w->heap, r) & RECLAIM_FLAG_FINALIZED);
  g_assert_cmpint (reclaim_heap_get_generation (w->heap, r), ==, 0);

  reclaim_heap_decref (w->heap, reclaim_heap_slot_take (w->heap, world_get (w, "saved"), 0));
  assert_output (w, "");
  g_assert_cmpint (reclaim_heap_get_state (w->heap, r), ==, RECLAIM_STATE_FREED);
  world_free (w);
}

/* 07_weakrefs (first part): callbacks run newest first; a callback-less
 * weakref.ref(o) is shared */
static void
test_weakref_callbacks_newest_first (void)
{
  World *w = world_new ();
  WorldClass *cls = world_class (w, "Obj", FALSE);
  ReclaimId o = world_new_obj (w, cls, "o");
  ReclaimId r[3];

  world_set (w, "o", o);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("cb r%d", i + 1);
      ReclaimId cb = world_lambda (w, text, NULL, NULL);
      r[i] = reclaim_heap_weakref_new (w->heap, RECLAIM_KIND_WEAKREF, o, cb, 0);
      reclaim_heap_decref (w->heap, cb);
      world_set (w, text + 3, r[i]);
    }
  ReclaimId basic1 = reclaim_heap_weakref_new (w->heap, RECLAIM_KIND_WEAKREF, o, 0, 0);
  ReclaimId basic2 = reclaim_heap_weakref_new (w->heap, RECLAIM_KIND_WEAKREF, o, 0, 0);
  g_assert_cmpuint (basic1, ==, basic2);
  g_assert_cmpuint (reclaim_heap_weakref_first (w->heap, o), ==, basic1);
  g_assert_cmpuint (reclaim_heap_weakref_count (w->heap, o), ==, 4);
  world_set (w, "basic", basic1);
  reclaim_heap_decref (w->heap, basic2);

  world_del (w, "o");
  assert_output (w, "  cb r3\n  cb r2\n  cb r1\n");
  g_assert_cmpuint (reclaim_heap_weakref_get_referent (w->heap, r[0]), ==, 0);
  g_assert_cmpuint (reclaim_heap_weakref_get_referent (w->heap, basic1), ==, 0);
  world_free (w);
}

/* 12_trashcan: a 55-long chain; the trashcan defers at depth 50 */
static void
test_trashcan_order (void)
{
  World *w = world_new ();
  WorldClass *leaf = world_class (w, "Leaf", FALSE);
  WorldClass *nodecls = world_class (w, "Node", FALSE);
  ReclaimId order = world_list (w, 0, NULL);
  world_set (w, "head", reclaim_value_text ("None"));

  for (int i = 54; i >= 0; i--)
    {
      g_autofree char *nn = g_strdup_printf ("N%d", i), *ln = g_strdup_printf ("L%d", i);
      ReclaimId n = world_new_obj (w, nodecls, NULL);
      world_setattr (w, n, "nxt", world_load (w, "head"));
      ReclaimId l = world_new_obj (w, leaf, NULL);
      world_watch (w, l, ln);
      world_setattr (w, n, "leaf", l);
      world_watch (w, n, nn);
      world_set (w, "head", n);
    }
  world_del (w, "head");
  g_autofree char *out = world_take_output (w);
  g_auto (GStrv) lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_autofree char *joined = NULL;
  for (char **l = lines; *l; l++)
    g_strstrip (*l);
  joined = g_strjoinv (" ", lines);
  g_assert_cmpstr (joined, ==,
                   "N0 N1 N2 N3 N4 N5 N6 N7 N8 N9 N10 N11 N12 N13 N14 N15 N16 N17 N18 N19 N20 "
                   "N21 N22 N23 N24 N25 N26 N27 N28 N29 N30 N31 N32 N33 N34 N35 N36 N37 N38 N39 "
                   "N40 N41 N42 N43 N44 N45 N46 N47 N48 N49 L48 L47 L46 L45 L44 L43 L42 L41 L40 "
                   "L39 L38 L37 L36 L35 L34 L33 L32 L31 L30 L29 L28 L27 L26 L25 L24 L23 L22 L21 "
                   "L20 L19 L18 L17 L16 L15 L14 L13 L12 L11 L10 L9 L8 L7 L6 L5 L4 L3 L2 L1 L0 "
                   "L49 N50 N51 N52 N53 N54 L54 L53 L52 L51 L50");
  (void) order;
  world_free (w);
}

/* A 1,000,000-long chain is freed without deep C recursion. */
static void
test_million_chain (void)
{
  World *w = world_new ();
  WorldClass *cls = world_class (w, "Node", FALSE);
  const guint n = 1000000;
  ReclaimId first = 0;

  world_set (w, "head", reclaim_value_text ("None"));
  for (guint i = 0; i < n; i++)
    {
      ReclaimId node = world_new_obj (w, cls, NULL);
      if (i == 0)
        first = node;
      world_setattr (w, node, "nxt", world_load (w, "head"));
      world_set (w, "head", node);
    }
  ReclaimId last = world_get (w, "head");
  world_del (w, "head");
  g_assert_cmpint (reclaim_heap_get_state (w->heap, first), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_state (w->heap, last), ==, RECLAIM_STATE_FREED);
  g_assert_cmpuint (reclaim_heap_get_refcount (w->heap, cls->id), ==, 1);
  world_free (w);
}

/* extra/x_count: how gc.get_count() moves, free lists included.  Each
 * get_count() reads the count, then allocates its 3-tuple. */
static char *
get_count (World *w, const char *var)
{
  ReclaimHeap *h = w->heap;
  char *s = g_strdup_printf ("(%d, %d, %d)", reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT0),
                             reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT1),
                             reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT2));
  ReclaimValue items[] = { reclaim_value_int (0), reclaim_value_int (0), reclaim_value_int (0) };
  world_set (w, var, world_tuple (w, 3, items));
  return s;
}

static void
test_allocation_count (void)
{
  World *w = world_new ();
  WorldClass *c = world_class (w, "C", FALSE);
  GString *s = g_string_new (NULL);
  char *v;

  reclaim_heap_set_counter (w->heap, RECLAIM_COUNTER_ENABLED, 0);
  reclaim_heap_collect (w->heap, 2);
#define COUNT(var) (v = get_count (w, var), g_string_append_printf (s, "%s%s", s->len ? " " : "", v), g_free (v))
  COUNT ("c0");
  world_set (w, "x", world_new_obj (w, c, NULL));
  COUNT ("c1");
  ReclaimId y = world_new_obj (w, c, NULL);
  world_set (w, "y", y);
  COUNT ("c2");
  world_del (w, "x");
  COUNT ("c3");
  world_set (w, "l", world_list (w, 0, NULL));
  COUNT ("c4");
  ReclaimValue two[] = { reclaim_value_int (1), reclaim_value_int (2) };
  world_set (w, "l2", world_list (w, 2, two));
  COUNT ("c5");
  world_set (w, "d", world_dict (w));
  COUNT ("c6");
  ReclaimId d2 = world_dict (w);
  world_dict_set (w, d2, "a", world_load (w, "y"));
  world_set (w, "d2", d2);
  COUNT ("c7");
  ReclaimValue t[] = { reclaim_value_int (1), world_load (w, "y") };
  world_set (w, "t", world_tuple (w, 2, t));
  COUNT ("c8");
  world_del (w, "l");
  world_del (w, "l2");
  world_del (w, "d");
  world_del (w, "d2");
  world_del (w, "t");
  COUNT ("c9");
  ReclaimId z = world_new_obj (w, c, NULL);
  world_set (w, "z", z);
  world_setattr (w, z, "a", reclaim_value_int (1));
  world_set (w, "zdict", world_dict (w));   /* z.__dict__ comes from the dict free list */
  COUNT ("c10");
  world_set (w, "s", reclaim_heap_alloc (w->heap, RECLAIM_KIND_SET, 0, NULL, 0));
  COUNT ("c11");
#undef COUNT
  g_assert_cmpstr (s->str, ==, "(0, 0, 0) (2, 0, 0) (4, 0, 0) (4, 0, 0) (6, 0, 0) (8, 0, 0) "
                               "(10, 0, 0) (12, 0, 0) (14, 0, 0) (15, 0, 0) (17, 0, 0) (19, 0, 0)");
  g_string_free (s, TRUE);
  world_free (w);
}

/* Dicts start untracked and are tracked once they hold a container. */
static void
test_dict_tracking (void)
{
  World *w = world_new ();
  ReclaimId d = world_dict (w);

  world_set (w, "d", d);
  world_dict_set (w, d, "a", reclaim_value_int (1));
  g_assert_false (reclaim_heap_get_flags (w->heap, d) & RECLAIM_FLAG_TRACKED);
  world_dict_set (w, d, "b", world_list (w, 0, NULL));
  g_assert_true (reclaim_heap_get_flags (w->heap, d) & RECLAIM_FLAG_TRACKED);
  world_free (w);
}

/* class Stack(list) with an attribute: the __dict__ goes before the items,
 * which go last first (subtype_dealloc, then list_dealloc); a cycle through
 * the __dict__ is found by the collector, and stepping back brings the
 * __dict__ back. */
static void
test_instance_dict_order (void)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", FALSE);
  WorldClass *stack = world_class (w, "Stack", FALSE);
  ReclaimHeap *h = w->heap;

  ReclaimId s = reclaim_heap_alloc (h, RECLAIM_KIND_LIST, stack->id, NULL, RECLAIM_ALLOC_NO_FREELIST);
  world_set (w, "s", s);
  world_watch (w, s, "died s");
  world_list_append (w, s, watched (w, obj, "i0"));
  world_list_append (w, s, watched (w, obj, "i1"));
  ReclaimId dict = world_dict (w);
  world_dict_set (w, dict, "tag", watched (w, obj, "tag"));
  reclaim_heap_set_instance_dict (h, s, dict);
  g_assert_cmpuint (reclaim_heap_get_instance_dict (h, s), ==, dict);
  world_del (w, "s");
  assert_output (w, "  died s\n  died tag\n  died i1\n  died i0\n");

  ReclaimId c = reclaim_heap_alloc (h, RECLAIM_KIND_LIST, stack->id, NULL, RECLAIM_ALLOC_NO_FREELIST);
  world_set (w, "c", c);
  world_watch (w, c, "died c");
  ReclaimId cycle_dict = world_dict (w);
  reclaim_heap_incref (h, c);
  world_dict_set (w, cycle_dict, "me", c);
  reclaim_heap_set_instance_dict (h, c, cycle_dict);
  world_del (w, "c");
  g_assert_cmpint (reclaim_heap_get_state (h, c), ==, RECLAIM_STATE_ALIVE);
  guint64 before = reclaim_heap_get_position (h);
  guint64 digest = reclaim_heap_state_digest (h);
  g_assert_cmpint (reclaim_heap_collect (h, 2), ==, 2);
  assert_output (w, "  died c\n");
  g_assert_cmpint (reclaim_heap_get_state (h, cycle_dict), ==, RECLAIM_STATE_FREED);
  reclaim_heap_seek (h, before);
  g_assert_cmpuint (reclaim_heap_get_instance_dict (h, c), ==, cycle_dict);
  g_assert_cmpuint (reclaim_heap_state_digest (h), ==, digest);
  reclaim_heap_seek (h, reclaim_heap_n_events (h));
  world_free (w);
}

/* A heap that drops its events gives a freed id to a new object once the
 * caller says no one holds it; one that keeps them never does. */
static void
test_freed_ids_reused (void)
{
  for (int keep = 0; keep <= 1; keep++)
    {
      ReclaimHeap *heap = reclaim_heap_new ();
      reclaim_heap_set_keep_events (heap, keep);
      ReclaimId a = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
      reclaim_heap_decref (heap, a);
      /* not before the caller says so */
      ReclaimId b = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
      g_assert_cmpuint (b, !=, a);
      g_assert_cmpuint (reclaim_heap_reuse_freed_ids (heap, NULL, NULL), ==, keep ? 0 : 1);
      ReclaimId c = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, NULL, 0);
      if (keep)
        g_assert_cmpuint (c, >, b);
      else
        {
          g_assert_cmpuint (c, ==, a);
          g_assert_cmpint (reclaim_heap_get_kind (heap, c), ==, RECLAIM_KIND_DICT);
          g_assert_cmpint (reclaim_heap_get_state (heap, c), ==, RECLAIM_STATE_ALIVE);
          g_assert_cmpuint (reclaim_heap_get_refcount (heap, c), ==, 1);
          g_assert_cmpuint (reclaim_heap_n_slots (heap, c), ==, 0);
          g_assert_cmpuint (reclaim_heap_n_objects (heap), ==, 2);
        }
      g_assert_cmpuint (reclaim_heap_n_alive (heap), ==, 2);
      reclaim_heap_free (heap);
    }
}

/* A freed object's slot array stays with its record (events dropped) and
 * serves the next object with its id, which starts with no slots. */
static void
test_reused_record_slots (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  reclaim_heap_set_keep_events (heap, FALSE);
  ReclaimId a = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  ReclaimId item = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  reclaim_heap_slot_append (heap, a, RECLAIM_ROLE_ITEM, NULL, item);
  reclaim_heap_slot_append (heap, a, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (7));
  gsize held = reclaim_heap_memory_size (heap);
  reclaim_heap_decref (heap, a);
  g_assert_cmpint (reclaim_heap_get_state (heap, item), ==, RECLAIM_STATE_FREED);
  reclaim_heap_reuse_freed_ids (heap, NULL, NULL);
  ReclaimId b = reclaim_heap_alloc (heap, RECLAIM_KIND_TUPLE, 0, NULL, 0);
  g_assert_true (b == a || b == item);
  g_assert_cmpuint (reclaim_heap_n_slots (heap, b), ==, 0);
  reclaim_heap_slot_append (heap, b, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (1));
  g_assert_cmpuint (reclaim_heap_n_slots (heap, b), ==, 1);
  g_assert_cmpuint (reclaim_heap_slot_get (heap, b, 0), ==, reclaim_value_int (1));
  /* the kept array served: no slot memory was given back or taken */
  g_assert_cmpuint (reclaim_heap_memory_size (heap), ==, held);
  reclaim_heap_free (heap);
}

/* Slot arrays grow through every size the heap's blocks keep, and past
 * them into malloc's, while another object's grow beside them; each keeps
 * its values, also after seeking back and forth through the log. */
static void
test_slot_arrays_grow (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId a = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  ReclaimId b = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  guint64 middle = 0;
  for (int i = 0; i < 40; i++)
    {
      if (i == 21)
        middle = reclaim_heap_n_events (heap);
      reclaim_heap_slot_append (heap, a, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (i));
      reclaim_heap_slot_append (heap, b, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (1000 + i));
      if (i % 7 == 0)
        {
          ReclaimId t = reclaim_heap_alloc (heap, RECLAIM_KIND_TUPLE, 0, NULL, 0);
          reclaim_heap_slot_append (heap, t, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (-i));
          reclaim_heap_decref (heap, t);
        }
    }
  guint64 end = reclaim_heap_n_events (heap);
  for (int pass = 0; pass < 2; pass++)
    {
      g_assert_cmpuint (reclaim_heap_n_slots (heap, a), ==, 40);
      for (int i = 0; i < 40; i++)
        {
          g_assert_cmpuint (reclaim_heap_slot_get (heap, a, i), ==, reclaim_value_int (i));
          g_assert_cmpuint (reclaim_heap_slot_get (heap, b, i), ==, reclaim_value_int (1000 + i));
        }
      reclaim_heap_seek (heap, middle);
      g_assert_cmpuint (reclaim_heap_n_slots (heap, a), ==, 21);
      g_assert_cmpuint (reclaim_heap_slot_get (heap, a, 20), ==, reclaim_value_int (20));
      reclaim_heap_seek (heap, end);
    }
  reclaim_heap_free (heap);
}

/* Two neighbouring slots read at once; none past the last slot. */
static void
test_slot_get_pair (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId dict = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, NULL, 0);
  for (int i = 1; i <= 3; i++)
    reclaim_heap_slot_append (heap, dict, RECLAIM_ROLE_KEY, NULL, reclaim_value_int (i));
  ReclaimValue a = 0, b = 0;
  g_assert_true (reclaim_heap_slot_get_pair (heap, dict, 1, &a, &b));
  g_assert_cmpuint (a, ==, reclaim_value_int (2));
  g_assert_cmpuint (b, ==, reclaim_value_int (3));
  g_assert_false (reclaim_heap_slot_get_pair (heap, dict, 2, &a, &b));
  g_assert_false (reclaim_heap_slot_get_pair (heap, dict, G_MAXUINT, &a, &b));
  reclaim_heap_free (heap);
}

/* Whether the watch version moved since *seen, which is then updated. */
static gboolean
version_moved (ReclaimHeap *heap, guint32 *seen)
{
  guint32 now = reclaim_heap_get_watch_version (heap);
  gboolean moved = now != *seen;
  *seen = now;
  return moved;
}

/* Watched objects: a change to their slots, their being freed, or
 * watching one moves the version on; references and other objects do not. */
static void
test_watch_version (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId ns = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, NULL, 0);
  ReclaimId other = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, NULL, 0);
  guint32 seen = reclaim_heap_get_watch_version (heap);

  g_assert_false (reclaim_heap_is_watched (heap, ns));
  reclaim_heap_slot_append (heap, other, RECLAIM_ROLE_KEY, NULL, reclaim_value_int (1));
  g_assert_false (version_moved (heap, &seen));
  reclaim_heap_watch (heap, ns);
  g_assert_true (reclaim_heap_is_watched (heap, ns));
  g_assert_true (version_moved (heap, &seen));

  reclaim_heap_incref (heap, ns);
  reclaim_heap_decref (heap, ns);
  reclaim_heap_slot_set (heap, other, 0, reclaim_value_int (2));
  g_assert_false (version_moved (heap, &seen));
  reclaim_heap_slot_append (heap, ns, RECLAIM_ROLE_KEY, NULL, reclaim_value_int (1));
  g_assert_true (version_moved (heap, &seen));
  reclaim_heap_slot_set (heap, ns, 0, reclaim_value_int (2));
  g_assert_true (version_moved (heap, &seen));
  reclaim_heap_slot_take (heap, ns, 0);
  g_assert_true (version_moved (heap, &seen));
  reclaim_heap_decref (heap, ns);
  g_assert_true (version_moved (heap, &seen));
  reclaim_heap_free (heap);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/refcount/attribute-order", test_attribute_order);
  g_test_add_func ("/engine/refcount/container-order", test_container_order);
  g_test_add_func ("/engine/refcount/chain-tree-and-locals", test_chain_tree_and_locals);
  g_test_add_func ("/engine/refcount/del-then-callback", test_del_then_callback);
  g_test_add_func ("/engine/refcount/resurrection", test_resurrection_by_refcount);
  g_test_add_func ("/engine/refcount/weakref-callbacks-newest-first", test_weakref_callbacks_newest_first);
  g_test_add_func ("/engine/refcount/trashcan-order", test_trashcan_order);
  g_test_add_func ("/engine/refcount/million-chain", test_million_chain);
  g_test_add_func ("/engine/refcount/allocation-count", test_allocation_count);
  g_test_add_func ("/engine/refcount/dict-tracking", test_dict_tracking);
  g_test_add_func ("/engine/refcount/instance-dict-order", test_instance_dict_order);
  g_test_add_func ("/engine/refcount/freed-ids-reused", test_freed_ids_reused);
  g_test_add_func ("/engine/refcount/reused-record-slots", test_reused_record_slots);
  g_test_add_func ("/engine/refcount/watch-version", test_watch_version);
  g_test_add_func ("/engine/refcount/slot-get-pair", test_slot_get_pair);
  g_test_add_func ("/engine/refcount/slot-arrays-grow", test_slot_arrays_grow);
  return g_test_run ();
}
