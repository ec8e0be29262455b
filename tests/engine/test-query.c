/* test-query.c: referrers, why alive, what a deletion frees, cycles.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-query.h"

#define N_ELEMENTS_OF(...) (sizeof ((__VA_ARGS__)) / sizeof ((__VA_ARGS__)[0]))
#define assert_ids(array, ...) \
  assert_ids_equal ((array), (const ReclaimId[]) { __VA_ARGS__ }, \
                    N_ELEMENTS_OF ((const ReclaimId[]) { __VA_ARGS__ }))
#define assert_refs(array, ...) \
  assert_refs_equal ((array), (const ReclaimRef[]) { __VA_ARGS__ }, \
                     N_ELEMENTS_OF ((const ReclaimRef[]) { __VA_ARGS__ }))

static void
assert_ids_equal (GArray          *ids,
                  const ReclaimId *expected,
                  guint            n_expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (ids, ReclaimId, i), ==, expected[i]);
}

static void
assert_refs_equal (GArray           *refs,
                   const ReclaimRef *expected,
                   guint             n_expected)
{
  g_assert_nonnull (refs);
  g_assert_cmpuint (refs->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpuint (g_array_index (refs, ReclaimRef, i).obj, ==, expected[i].obj);
      g_assert_cmpuint (g_array_index (refs, ReclaimRef, i).slot, ==, expected[i].slot);
    }
}

static ReclaimId
new_frame (ReclaimHeap *heap)
{
  return reclaim_heap_alloc (heap, RECLAIM_KIND_FRAME, 0, "<module>", RECLAIM_ALLOC_ROOT);
}

static ReclaimId
new_instance (ReclaimHeap *heap,
              ReclaimId    cls)
{
  return reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, RECLAIM_ALLOC_DEFAULT);
}

/* The next three steal the caller's reference to value, as the engine does. */
static guint
bind_variable (ReclaimHeap *heap,
               ReclaimId    frame,
               const char  *name,
               ReclaimId    value)
{
  return reclaim_heap_slot_append (heap, frame, RECLAIM_ROLE_VAR, name, value);
}

static guint
set_attribute (ReclaimHeap *heap,
               ReclaimId    obj,
               const char  *name,
               ReclaimId    value)
{
  return reclaim_heap_slot_append (heap, obj, RECLAIM_ROLE_ATTR, name, value);
}

static guint
append_item (ReclaimHeap  *heap,
             ReclaimId     list,
             ReclaimValue  value)
{
  return reclaim_heap_slot_append (heap, list, RECLAIM_ROLE_ITEM, NULL, value);
}

/* The garbage collector devguide's example:
 *
 *   class Link: ...
 *   link_1, link_2, link_3 = Link(), Link(), Link()
 *   link_1.next_link = link_2; link_2.next_link = link_3; link_3.next_link = link_1
 *   A = link_1
 *   del link_1, link_2, link_3
 *   link_4 = Link(); link_4.next_link = link_4
 *   del link_4
 */
typedef struct {
  ReclaimHeap *heap;
  ReclaimId    frame, link_class, link_1, link_2, link_3, link_4;
  guint        slot_link_class, slot_a;
} Devguide;

static void
devguide_build (Devguide *d)
{
  ReclaimHeap *heap = d->heap = reclaim_heap_new ();

  d->frame = new_frame (heap);
  d->link_class = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "Link", RECLAIM_ALLOC_DEFAULT);
  d->slot_link_class = bind_variable (heap, d->frame, "Link", d->link_class);

  d->link_1 = new_instance (heap, d->link_class);
  d->link_2 = new_instance (heap, d->link_class);
  d->link_3 = new_instance (heap, d->link_class);
  set_attribute (heap, d->link_1, "next_link", d->link_2);
  set_attribute (heap, d->link_2, "next_link", d->link_3);
  reclaim_heap_incref (heap, d->link_1);
  set_attribute (heap, d->link_3, "next_link", d->link_1);
  d->slot_a = bind_variable (heap, d->frame, "A", d->link_1);

  d->link_4 = new_instance (heap, d->link_class);
  reclaim_heap_incref (heap, d->link_4);
  set_attribute (heap, d->link_4, "next_link", d->link_4);
  reclaim_heap_decref (heap, d->link_4);
}

static void
test_referrers_devguide (void)
{
  Devguide d;
  g_autoptr(GArray) of_link_1 = NULL;
  g_autoptr(GArray) of_class = NULL;

  devguide_build (&d);

  of_link_1 = reclaim_query_referrers (d.heap, d.link_1);
  assert_refs (of_link_1, { d.frame, d.slot_a }, { d.link_3, 0 });

  of_class = reclaim_query_referrers (d.heap, d.link_class);
  assert_refs (of_class,
               { d.frame, d.slot_link_class },
               { d.link_1, RECLAIM_QUERY_SLOT_CLASS },
               { d.link_2, RECLAIM_QUERY_SLOT_CLASS },
               { d.link_3, RECLAIM_QUERY_SLOT_CLASS },
               { d.link_4, RECLAIM_QUERY_SLOT_CLASS });

  reclaim_heap_free (d.heap);
}

static void
collect_visited (ReclaimId target,
                 gpointer  user_data)
{
  g_array_append_val ((GArray *) user_data, target);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return (int) *(const ReclaimId *) a - (int) *(const ReclaimId *) b;
}

/* The referents are what tp_traverse visits, whatever order it uses. */
static void
assert_referents_match_traverse (ReclaimHeap *heap,
                                 ReclaimId    obj)
{
  g_autoptr(GArray) referents = reclaim_query_referents (heap, obj);
  g_autoptr(GArray) from_refs = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  g_autoptr(GArray) visited = g_array_new (FALSE, FALSE, sizeof (ReclaimId));

  for (guint i = 0; i < referents->len; i++)
    g_array_append_val (from_refs, g_array_index (referents, ReclaimRef, i).obj);
  reclaim_heap_traverse (heap, obj, collect_visited, visited);

  g_array_sort (from_refs, compare_ids);
  g_array_sort (visited, compare_ids);
  assert_ids_equal (from_refs, (const ReclaimId *) (gpointer) visited->data, visited->len);
}

static void
test_referents_devguide (void)
{
  Devguide d;
  g_autoptr(GArray) of_link_1 = NULL;
  g_autoptr(GArray) of_frame = NULL;

  devguide_build (&d);

  of_link_1 = reclaim_query_referents (d.heap, d.link_1);
  assert_refs (of_link_1, { d.link_2, 0 }, { d.link_class, RECLAIM_QUERY_SLOT_CLASS });

  of_frame = reclaim_query_referents (d.heap, d.frame);
  assert_refs (of_frame, { d.link_class, d.slot_link_class }, { d.link_1, d.slot_a });

  for (ReclaimId obj = 1; obj <= reclaim_heap_n_objects (d.heap); obj++)
    assert_referents_match_traverse (d.heap, obj);

  reclaim_heap_free (d.heap);
}

/* A list holding one object twice holds two references; immediates and
 * freed objects are not references at all. */
static void
test_referrers_duplicates_and_immediates (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimId item = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimId gone = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  g_autoptr(GArray) referrers = NULL;
  g_autoptr(GArray) referents = NULL;
  g_autoptr(GArray) of_gone = NULL;

  bind_variable (heap, frame, "items", list);
  append_item (heap, list, reclaim_value_int (42));
  reclaim_heap_incref (heap, item);
  append_item (heap, list, item);
  append_item (heap, list, item);
  reclaim_heap_decref (heap, gone);
  g_assert_cmpint (reclaim_heap_get_state (heap, gone), ==, RECLAIM_STATE_FREED);

  referrers = reclaim_query_referrers (heap, item);
  assert_refs (referrers, { list, 1 }, { list, 2 });
  referents = reclaim_query_referents (heap, list);
  assert_refs (referents, { item, 1 }, { item, 2 });
  g_assert_cmpuint (reclaim_query_count_external (heap, item), ==, 0);

  of_gone = reclaim_query_referrers (heap, gone);
  g_assert_cmpuint (of_gone->len, ==, 0);
  g_assert_null (reclaim_query_why_alive (heap, gone, NULL));

  reclaim_heap_free (heap);
}

static void
test_why_alive_devguide (void)
{
  Devguide d;
  ReclaimQueryRoot root = RECLAIM_QUERY_ROOT_NONE;
  g_autoptr(GArray) to_link_3 = NULL;
  g_autoptr(GArray) to_frame = NULL;

  devguide_build (&d);

  to_link_3 = reclaim_query_why_alive (d.heap, d.link_3, &root);
  assert_refs (to_link_3,
               { d.frame, d.slot_a },
               { d.link_1, 0 },
               { d.link_2, 0 },
               { d.link_3, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_ALLOC);

  to_frame = reclaim_query_why_alive (d.heap, d.frame, &root);
  assert_refs (to_frame, { d.frame, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_ALLOC);

  /* link_4 only keeps itself alive: cyclic garbage, no path. */
  g_assert_null (reclaim_query_why_alive (d.heap, d.link_4, &root));
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_NONE);

  reclaim_heap_free (d.heap);
}

/* deep = a; a.next.next.next = target (four hops from the frame), and
 * items = [42, other, holder, holder]; holder.child = target (three hops):
 * the shorter path wins even though it starts at a later variable, and of
 * the two equal ones through the list, the lower slot. */
static void
test_why_alive_through_list (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId target = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "target", RECLAIM_ALLOC_DEFAULT);
  ReclaimId chain = target;
  ReclaimId list, other, holder;
  guint slot_items;
  ReclaimQueryRoot root;
  g_autoptr(GArray) path = NULL;

  reclaim_heap_incref (heap, target);
  for (guint i = 0; i < 3; i++)
    {
      ReclaimId link = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);

      reclaim_heap_slot_append (heap, link, RECLAIM_ROLE_OTHER, "next", chain);
      chain = link;
    }
  bind_variable (heap, frame, "deep", chain);

  list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  other = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  holder = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  reclaim_heap_slot_append (heap, holder, RECLAIM_ROLE_OTHER, "child", target);
  append_item (heap, list, reclaim_value_int (42));
  append_item (heap, list, other);
  reclaim_heap_incref (heap, holder);
  append_item (heap, list, holder);
  append_item (heap, list, holder);
  slot_items = bind_variable (heap, frame, "items", list);

  path = reclaim_query_why_alive (heap, target, &root);
  assert_refs (path,
               { frame, slot_items },
               { list, 2 },
               { holder, 0 },
               { target, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_ALLOC);

  reclaim_heap_free (heap);
}

/* Objects the running code holds (its "external" references) are roots,
 * searched after the RECLAIM_ALLOC_ROOT ones. */
static void
test_why_alive_external (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId held = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimId child = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimId shared = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimQueryRoot root;
  g_autoptr(GArray) to_held = NULL;
  g_autoptr(GArray) to_child = NULL;
  g_autoptr(GArray) to_shared = NULL;

  reclaim_heap_slot_append (heap, held, RECLAIM_ROLE_OTHER, "child", child);
  /* shared is reachable from both the frame and held: the frame wins. */
  reclaim_heap_incref (heap, shared);
  reclaim_heap_slot_append (heap, held, RECLAIM_ROLE_OTHER, "shared", shared);
  bind_variable (heap, frame, "shared", shared);

  g_assert_cmpuint (reclaim_query_count_external (heap, held), ==, 1);
  g_assert_cmpuint (reclaim_query_count_external (heap, child), ==, 0);
  g_assert_cmpuint (reclaim_query_count_external (heap, frame), ==, 1);

  to_held = reclaim_query_why_alive (heap, held, &root);
  assert_refs (to_held, { held, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_EXTERNAL);

  to_child = reclaim_query_why_alive (heap, child, &root);
  assert_refs (to_child, { held, 0 }, { child, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_EXTERNAL);

  to_shared = reclaim_query_why_alive (heap, shared, &root);
  assert_refs (to_shared, { frame, 0 }, { shared, RECLAIM_QUERY_SLOT_NONE });
  g_assert_cmpint (root, ==, RECLAIM_QUERY_ROOT_ALLOC);

  reclaim_heap_free (heap);
}

/* head = c1; c1 -> c2 -> c3 -> p; p <-> q.  Deleting `head` frees the
 * chain by reference counting and leaves p and q to the cycle collector. */
typedef struct {
  ReclaimHeap *heap;
  ReclaimId    frame, c1, c2, c3, p, q;
  guint        slot_head;
} ChainToCycle;

static void
chain_to_cycle_build (ChainToCycle *g)
{
  ReclaimHeap *heap = g->heap = reclaim_heap_new ();

  g->frame = new_frame (heap);
  g->c1 = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "c1", RECLAIM_ALLOC_DEFAULT);
  g->c2 = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "c2", RECLAIM_ALLOC_DEFAULT);
  g->c3 = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "c3", RECLAIM_ALLOC_DEFAULT);
  g->p = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "p", RECLAIM_ALLOC_DEFAULT);
  g->q = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "q", RECLAIM_ALLOC_DEFAULT);

  reclaim_heap_slot_append (heap, g->c1, RECLAIM_ROLE_OTHER, "next", g->c2);
  reclaim_heap_slot_append (heap, g->c2, RECLAIM_ROLE_OTHER, "next", g->c3);
  reclaim_heap_slot_append (heap, g->c3, RECLAIM_ROLE_OTHER, "next", g->p);
  reclaim_heap_incref (heap, g->p);
  reclaim_heap_slot_append (heap, g->p, RECLAIM_ROLE_OTHER, "other", g->q);
  reclaim_heap_slot_append (heap, g->q, RECLAIM_ROLE_OTHER, "other", g->p);
  g->slot_head = bind_variable (heap, g->frame, "head", g->c1);
}

static void
test_what_would_free_chain_then_cycle (void)
{
  ChainToCycle g;
  g_autoptr(ReclaimQueryFreed) freed = NULL;
  ReclaimValue taken;

  chain_to_cycle_build (&g);

  freed = reclaim_query_what_would_free (g.heap, g.frame, g.slot_head);
  g_assert_nonnull (freed);
  assert_ids (freed->freed_by_refcount, g.c1, g.c2, g.c3);
  assert_ids (freed->left_as_garbage, g.p, g.q);

  /* The engine agrees: `del head` frees the chain, a collection the cycle. */
  taken = reclaim_heap_slot_take (g.heap, g.frame, g.slot_head);
  reclaim_heap_decref (g.heap, taken);
  g_assert_cmpint (reclaim_heap_get_state (g.heap, g.c3), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_state (g.heap, g.p), ==, RECLAIM_STATE_ALIVE);
  reclaim_heap_collect (g.heap, 2);
  g_assert_cmpint (reclaim_heap_get_state (g.heap, g.p), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_state (g.heap, g.q), ==, RECLAIM_STATE_FREED);

  reclaim_heap_free (g.heap);
}

/* Cutting a reference inside the cycle frees nothing that is still held. */
static void
test_what_would_free_inside_cycle (void)
{
  ChainToCycle g;
  g_autoptr(ReclaimQueryFreed) cut_q_to_p = NULL;
  g_autoptr(ReclaimQueryFreed) cut_p_to_q = NULL;

  chain_to_cycle_build (&g);

  cut_q_to_p = reclaim_query_what_would_free (g.heap, g.q, 0);
  g_assert_cmpuint (cut_q_to_p->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (cut_q_to_p->left_as_garbage->len, ==, 0);

  cut_p_to_q = reclaim_query_what_would_free (g.heap, g.p, 0);
  assert_ids (cut_p_to_q->freed_by_refcount, g.q);
  g_assert_cmpuint (cut_p_to_q->left_as_garbage->len, ==, 0);

  reclaim_heap_free (g.heap);
}

/* Deleting `A` leaves the three links as garbage; link_4 was garbage
 * already, so deleting A does not free it. */
static void
test_what_would_free_devguide (void)
{
  Devguide d;
  g_autoptr(ReclaimQueryFreed) del_a = NULL;
  g_autoptr(ReclaimQueryFreed) del_class = NULL;

  devguide_build (&d);

  del_a = reclaim_query_what_would_free (d.heap, d.frame, d.slot_a);
  g_assert_cmpuint (del_a->freed_by_refcount->len, ==, 0);
  assert_ids (del_a->left_as_garbage, d.link_1, d.link_2, d.link_3);

  /* The instances still hold the class. */
  del_class = reclaim_query_what_would_free (d.heap, d.frame, d.slot_link_class);
  g_assert_cmpuint (del_class->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (del_class->left_as_garbage->len, ==, 0);

  reclaim_heap_free (d.heap);
}

/* The running code dropping its own reference (holder "NULL"). */
static void
test_what_would_free_external (void)
{
  ChainToCycle g;
  ReclaimId held, child, also_bound;
  g_autoptr(ReclaimQueryFreed) drop_held = NULL;
  g_autoptr(ReclaimQueryFreed) drop_p = NULL;
  g_autoptr(ReclaimQueryFreed) drop_also_bound = NULL;
  g_autoptr(ReclaimQueryFreed) unbind_also_bound = NULL;

  chain_to_cycle_build (&g);
  held = reclaim_heap_alloc (g.heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  child = reclaim_heap_alloc (g.heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  reclaim_heap_slot_append (g.heap, held, RECLAIM_ROLE_OTHER, "child", child);
  also_bound = reclaim_heap_alloc (g.heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  reclaim_heap_incref (g.heap, also_bound);
  bind_variable (g.heap, g.frame, "also_bound", also_bound);
  reclaim_heap_incref (g.heap, g.p);

  drop_held = reclaim_query_what_would_free_external (g.heap, held);
  assert_ids (drop_held->freed_by_refcount, held, child);
  g_assert_cmpuint (drop_held->left_as_garbage->len, ==, 0);

  /* Still reachable through the chain from the frame. */
  drop_p = reclaim_query_what_would_free_external (g.heap, g.p);
  g_assert_cmpuint (drop_p->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (drop_p->left_as_garbage->len, ==, 0);

  drop_also_bound = reclaim_query_what_would_free_external (g.heap, also_bound);
  g_assert_cmpuint (drop_also_bound->freed_by_refcount->len, ==, 0);
  unbind_also_bound = reclaim_query_what_would_free (g.heap, g.frame, 1);
  g_assert_cmpuint (unbind_also_bound->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (unbind_also_bound->left_as_garbage->len, ==, 0);

  /* The running code holds no reference of its own to c2. */
  g_assert_null (reclaim_query_what_would_free_external (g.heap, g.c2));

  reclaim_heap_free (g.heap);
}

/* p <-> q, and the running code holds p: letting go of p strands both. */
static void
test_what_would_free_external_leaves_cycle (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId p = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "p", RECLAIM_ALLOC_DEFAULT);
  ReclaimId q = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, "q", RECLAIM_ALLOC_DEFAULT);
  g_autoptr(ReclaimQueryFreed) drop_p = NULL;
  g_autoptr(ReclaimQueryFreed) drop_p_held_twice = NULL;

  reclaim_heap_incref (heap, p);
  reclaim_heap_slot_append (heap, p, RECLAIM_ROLE_OTHER, "other", q);
  reclaim_heap_slot_append (heap, q, RECLAIM_ROLE_OTHER, "other", p);

  drop_p = reclaim_query_what_would_free_external (heap, p);
  g_assert_cmpuint (drop_p->freed_by_refcount->len, ==, 0);
  assert_ids (drop_p->left_as_garbage, p, q);

  /* Held twice, it is still held after letting go once. */
  reclaim_heap_incref (heap, p);
  drop_p_held_twice = reclaim_query_what_would_free_external (heap, p);
  g_assert_cmpuint (drop_p_held_twice->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (drop_p_held_twice->left_as_garbage->len, ==, 0);

  reclaim_heap_free (heap);
}

/* Under mark-and-sweep a count of zero frees nothing: what `del head`
 * strands all waits for the sweep. */
static void
test_what_would_free_under_marksweep (void)
{
  ChainToCycle g;
  g_autoptr(ReclaimQueryFreed) del_head = NULL;

  chain_to_cycle_build (&g);
  reclaim_heap_set_mode (g.heap, RECLAIM_COLLECTOR_MARKSWEEP);

  del_head = reclaim_query_what_would_free (g.heap, g.frame, g.slot_head);
  g_assert_cmpuint (del_head->freed_by_refcount->len, ==, 0);
  assert_ids (del_head->left_as_garbage, g.c1, g.c2, g.c3, g.p, g.q);

  reclaim_heap_free (g.heap);
}

static void
test_what_would_free_bad_reference (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "C", RECLAIM_ALLOC_DEFAULT);
  ReclaimId instance;
  g_autoptr(ReclaimQueryFreed) del_class_ref = NULL;

  bind_variable (heap, frame, "items", list);
  append_item (heap, list, reclaim_value_int (7));
  append_item (heap, list, RECLAIM_VALUE_NONE);
  instance = new_instance (heap, cls);
  bind_variable (heap, frame, "obj", instance);
  reclaim_heap_decref (heap, cls);

  g_assert_null (reclaim_query_what_would_free (heap, list, 0));   /* an immediate */
  g_assert_null (reclaim_query_what_would_free (heap, list, 1));   /* empty */
  g_assert_null (reclaim_query_what_would_free (heap, list, 2));   /* no such slot */
  g_assert_null (reclaim_query_what_would_free (heap, list, RECLAIM_QUERY_SLOT_CLASS));
  g_assert_null (reclaim_query_what_would_free (heap, 0, 0));
  g_assert_null (reclaim_query_what_would_free (heap, 999, 0));
  g_assert_null (reclaim_query_what_would_free_external (heap, 999));

  /* The instance's reference to its class was the last one. */
  del_class_ref = reclaim_query_what_would_free (heap, instance, RECLAIM_QUERY_SLOT_CLASS);
  assert_ids (del_class_ref->freed_by_refcount, cls);

  reclaim_heap_free (heap);
}

/* A weak reference neither keeps its referent alive nor closes a cycle. */
static void
test_weakref_is_not_an_edge (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "C", RECLAIM_ALLOC_DEFAULT);
  ReclaimId obj, weakref;
  guint slot_obj;
  g_autoptr(GArray) referrers = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(ReclaimQueryFreed) del_obj = NULL;

  bind_variable (heap, frame, "C", cls);
  obj = new_instance (heap, cls);
  slot_obj = bind_variable (heap, frame, "obj", obj);
  weakref = reclaim_heap_weakref_new (heap, RECLAIM_KIND_WEAKREF, obj, 0, 0);
  g_assert_cmpuint (weakref, !=, 0);
  /* obj.me = weakref.ref(obj) */
  set_attribute (heap, obj, "me", weakref);

  referrers = reclaim_query_referrers (heap, obj);
  assert_refs (referrers, { frame, slot_obj });
  cycles = reclaim_query_cycles (heap);
  g_assert_cmpuint (cycles->len, ==, 0);

  del_obj = reclaim_query_what_would_free (heap, frame, slot_obj);
  assert_ids (del_obj->freed_by_refcount, obj, weakref);
  g_assert_cmpuint (del_obj->left_as_garbage->len, ==, 0);

  reclaim_heap_free (heap);
}

/* A loop through the module's globals is the script's names, not a
 * cycle: an instance, its class, a method and the method's __globals__
 * are not listed, while an object holding itself is, and so is a frame
 * that something it holds holds back (a traceback kept in a local). */
static void
test_cycles_leave_out_namespaces (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId globals = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, "__main__", RECLAIM_ALLOC_ROOT);
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "Token", RECLAIM_ALLOC_DEFAULT);
  ReclaimId method = reclaim_heap_alloc (heap, RECLAIM_KIND_FUNCTION, 0, "Token.__init__", RECLAIM_ALLOC_DEFAULT);
  g_autoptr(GPtrArray) cycles = NULL;

  reclaim_heap_incref (heap, globals);
  reclaim_heap_slot_append (heap, method, RECLAIM_ROLE_OTHER, "__globals__", globals);
  set_attribute (heap, cls, "__init__", method);
  bind_variable (heap, globals, "Token", cls);
  ReclaimId token = new_instance (heap, cls);
  bind_variable (heap, globals, "token", token);
  ReclaimId selfish = new_instance (heap, cls);
  reclaim_heap_incref (heap, selfish);
  set_attribute (heap, selfish, "me", selfish);
  bind_variable (heap, globals, "selfish", selfish);
  ReclaimId frame = new_frame (heap);
  ReclaimId held = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  reclaim_heap_incref (heap, frame);
  append_item (heap, held, frame);
  bind_variable (heap, frame, "held", held);

  cycles = reclaim_query_cycles (heap);
  g_assert_cmpuint (cycles->len, ==, 2);
  assert_ids (g_ptr_array_index (cycles, 0), selfish);
  assert_ids (g_ptr_array_index (cycles, 1), frame, held);

  reclaim_heap_free (heap);
}

static void
test_cycles_devguide (void)
{
  Devguide d;
  g_autoptr(GPtrArray) cycles = NULL;

  devguide_build (&d);

  cycles = reclaim_query_cycles (d.heap);
  g_assert_cmpuint (cycles->len, ==, 2);
  assert_ids (g_ptr_array_index (cycles, 0), d.link_1, d.link_2, d.link_3);
  assert_ids (g_ptr_array_index (cycles, 1), d.link_4);

  reclaim_heap_free (d.heap);
}

/* Two cycles sharing an object are one component; components come by
 * their smallest id, not in the order the walk finishes them; an object
 * that only points into a cycle is not part of it. */
static void
test_cycles_merge_and_order (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId o[7];
  g_autoptr(GPtrArray) cycles = NULL;

  for (guint i = 1; i < G_N_ELEMENTS (o); i++)
    o[i] = reclaim_heap_alloc (heap, RECLAIM_KIND_OBJECT, 0, NULL, RECLAIM_ALLOC_DEFAULT);

  /* o1 -> {o5 <-> o6}, found first; {o2 <-> o4 <-> o3, o3 -> o3} found second. */
#define LINK(from, to) \
  G_STMT_START { reclaim_heap_incref (heap, o[to]); \
                 reclaim_heap_slot_append (heap, o[from], RECLAIM_ROLE_OTHER, NULL, o[to]); } G_STMT_END
  LINK (1, 5);
  LINK (5, 6);
  LINK (6, 5);
  LINK (2, 4);
  LINK (4, 2);
  LINK (4, 3);
  LINK (3, 4);
  LINK (3, 3);
#undef LINK

  cycles = reclaim_query_cycles (heap);
  g_assert_cmpuint (cycles->len, ==, 2);
  assert_ids (g_ptr_array_index (cycles, 0), o[2], o[3], o[4]);
  assert_ids (g_ptr_array_index (cycles, 1), o[5], o[6]);

  reclaim_heap_free (heap);
}

/* Asking changes nothing: no event, same state. */
static void
test_queries_are_read_only (void)
{
  Devguide d;
  guint64 n_events, digest;

  devguide_build (&d);
  n_events = reclaim_heap_n_events (d.heap);
  digest = reclaim_heap_state_digest (d.heap);

  for (ReclaimId obj = 1; obj <= reclaim_heap_n_objects (d.heap); obj++)
    {
      g_autoptr(GArray) referrers = reclaim_query_referrers (d.heap, obj);
      g_autoptr(GArray) referents = reclaim_query_referents (d.heap, obj);
      g_autoptr(GArray) path = reclaim_query_why_alive (d.heap, obj, NULL);
      g_autoptr(ReclaimQueryFreed) drop = reclaim_query_what_would_free_external (d.heap, obj);

      for (guint i = 0; i < referents->len; i++)
        {
          guint slot = g_array_index (referents, ReclaimRef, i).slot;
          g_autoptr(ReclaimQueryFreed) cut = reclaim_query_what_would_free (d.heap, obj, slot);

          g_assert_nonnull (cut);
        }
    }
  g_ptr_array_unref (reclaim_query_cycles (d.heap));

  g_assert_cmpuint (reclaim_heap_n_events (d.heap), ==, n_events);
  g_assert_cmpuint (reclaim_heap_state_digest (d.heap), ==, digest);

  reclaim_heap_free (d.heap);
}

/* Queries read the heap at its time-travelled position. */
static void
test_queries_follow_time_travel (void)
{
  Devguide d;
  guint64 before_a;
  g_autoptr(GPtrArray) cycles_then = NULL;
  g_autoptr(GPtrArray) cycles_now = NULL;
  g_autoptr(GArray) referrers_then = NULL;

  devguide_build (&d);

  /* Rebuild the moment before `A = link_1`: find the slot insert. */
  for (before_a = reclaim_heap_n_events (d.heap); before_a > 0; before_a--)
    {
      const ReclaimEvent event = reclaim_heap_get_event (d.heap, before_a - 1);

      if (event.kind == RECLAIM_EV_SLOT_INSERT && event.obj == d.frame && event.z == d.slot_a)
        break;
    }
  g_assert_cmpuint (before_a, >, 0);
  reclaim_heap_seek (d.heap, before_a - 1);

  cycles_then = reclaim_query_cycles (d.heap);
  g_assert_cmpuint (cycles_then->len, ==, 1);
  assert_ids (g_ptr_array_index (cycles_then, 0), d.link_1, d.link_2, d.link_3);
  referrers_then = reclaim_query_referrers (d.heap, d.link_1);
  assert_refs (referrers_then, { d.link_3, 0 });
  g_assert_null (reclaim_query_why_alive (d.heap, d.link_4, NULL));

  reclaim_heap_seek (d.heap, reclaim_heap_n_events (d.heap));
  cycles_now = reclaim_query_cycles (d.heap);
  g_assert_cmpuint (cycles_now->len, ==, 2);

  reclaim_heap_free (d.heap);
}

#define N_CHAIN 1000000

/* head -> n -> ... -> tail, a million lists deep: every walk must be
 * iterative.  Then tail -> head closes one million-object cycle. */
static void
test_million_object_chain (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame, tail, head;
  guint slot_head;
  g_autoptr(GArray) path = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(ReclaimQueryFreed) del_chain = NULL;
  g_autoptr(ReclaimQueryFreed) del_cycle = NULL;
  GArray *component;

  reclaim_heap_set_counter (heap, RECLAIM_COUNTER_ENABLED, 0);  /* gc.disable() */
  frame = new_frame (heap);
  tail = head = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);
  for (guint i = 1; i < N_CHAIN; i++)
    {
      ReclaimId list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, RECLAIM_ALLOC_DEFAULT);

      append_item (heap, list, head);
      head = list;
    }
  slot_head = bind_variable (heap, frame, "head", head);

  path = reclaim_query_why_alive (heap, tail, NULL);
  g_assert_cmpuint (path->len, ==, N_CHAIN + 1);
  g_assert_cmpuint (g_array_index (path, ReclaimRef, 0).obj, ==, frame);
  g_assert_cmpuint (g_array_index (path, ReclaimRef, 1).obj, ==, head);
  g_assert_cmpuint (g_array_index (path, ReclaimRef, N_CHAIN).obj, ==, tail);

  del_chain = reclaim_query_what_would_free (heap, frame, slot_head);
  g_assert_cmpuint (del_chain->freed_by_refcount->len, ==, N_CHAIN);
  g_assert_cmpuint (del_chain->left_as_garbage->len, ==, 0);

  reclaim_heap_incref (heap, head);
  append_item (heap, tail, head);

  cycles = reclaim_query_cycles (heap);
  g_assert_cmpuint (cycles->len, ==, 1);
  component = g_ptr_array_index (cycles, 0);
  g_assert_cmpuint (component->len, ==, N_CHAIN);
  g_assert_cmpuint (g_array_index (component, ReclaimId, 0), ==, tail);
  g_assert_cmpuint (g_array_index (component, ReclaimId, N_CHAIN - 1), ==, head);

  del_cycle = reclaim_query_what_would_free (heap, frame, slot_head);
  g_assert_cmpuint (del_cycle->freed_by_refcount->len, ==, 0);
  g_assert_cmpuint (del_cycle->left_as_garbage->len, ==, N_CHAIN);

  reclaim_heap_free (heap);
}

/* A list subclass's __dict__ is a referent and a referrer like a slot,
 * under RECLAIM_QUERY_SLOT_DICT, and deleting that reference frees it. */
static void
test_instance_dict_references (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId frame = new_frame (heap);
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "Stack", RECLAIM_ALLOC_DEFAULT);
  ReclaimId stack = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, cls, NULL, RECLAIM_ALLOC_NO_FREELIST);
  ReclaimId dict = reclaim_heap_alloc (heap, RECLAIM_KIND_DICT, 0, NULL, RECLAIM_ALLOC_DEFAULT);

  bind_variable (heap, frame, "s", stack);
  reclaim_heap_set_instance_dict (heap, stack, dict);
  g_autoptr (GArray) referents = reclaim_query_referents (heap, stack);
  assert_refs (referents, { dict, RECLAIM_QUERY_SLOT_DICT }, { cls, RECLAIM_QUERY_SLOT_CLASS });
  g_autoptr (GArray) referrers = reclaim_query_referrers (heap, dict);
  assert_refs (referrers, { stack, RECLAIM_QUERY_SLOT_DICT });
  g_autoptr (ReclaimQueryFreed) freed = reclaim_query_what_would_free (heap, stack, RECLAIM_QUERY_SLOT_DICT);
  assert_ids (freed->freed_by_refcount, dict);
  reclaim_heap_free (heap);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/query/referrers/devguide", test_referrers_devguide);
  g_test_add_func ("/engine/query/referrers/duplicates-and-immediates",
                   test_referrers_duplicates_and_immediates);
  g_test_add_func ("/engine/query/referents/devguide", test_referents_devguide);
  g_test_add_func ("/engine/query/why-alive/devguide", test_why_alive_devguide);
  g_test_add_func ("/engine/query/why-alive/through-list", test_why_alive_through_list);
  g_test_add_func ("/engine/query/why-alive/external", test_why_alive_external);
  g_test_add_func ("/engine/query/what-would-free/chain-then-cycle",
                   test_what_would_free_chain_then_cycle);
  g_test_add_func ("/engine/query/what-would-free/inside-cycle", test_what_would_free_inside_cycle);
  g_test_add_func ("/engine/query/what-would-free/devguide", test_what_would_free_devguide);
  g_test_add_func ("/engine/query/what-would-free/external", test_what_would_free_external);
  g_test_add_func ("/engine/query/what-would-free/external-leaves-cycle",
                   test_what_would_free_external_leaves_cycle);
  g_test_add_func ("/engine/query/what-would-free/under-marksweep",
                   test_what_would_free_under_marksweep);
  g_test_add_func ("/engine/query/what-would-free/bad-reference", test_what_would_free_bad_reference);
  g_test_add_func ("/engine/query/weakref-is-not-an-edge", test_weakref_is_not_an_edge);
  g_test_add_func ("/engine/query/cycles/devguide", test_cycles_devguide);
  g_test_add_func ("/engine/query/cycles/leave-out-namespaces", test_cycles_leave_out_namespaces);
  g_test_add_func ("/engine/query/cycles/merge-and-order", test_cycles_merge_and_order);
  g_test_add_func ("/engine/query/read-only", test_queries_are_read_only);
  g_test_add_func ("/engine/query/time-travel", test_queries_follow_time_travel);
  g_test_add_func ("/engine/query/million-object-chain", test_million_object_chain);
  g_test_add_func ("/engine/query/instance-dict", test_instance_dict_references);

  return g_test_run ();
}
