/* reclaim-collector.c: CPython 3.11's generational cycle collector.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Function names follow Modules/gcmodule.c so the two can be read side by
 * side: gc_collect_main, deduce_unreachable (update_refs, subtract_refs,
 * move_unreachable), untrack_tuples/untrack_dicts, handle_weakrefs,
 * finalize_garbage, handle_resurrected_objects and delete_garbage.  Every
 * gc_refs value a phase sets and every move between lists is an event.
 *
 * Legacy finalizers (tp_del) cannot be written in Python 3.11, so the
 * "finalizers" list of move_legacy_finalizers is always empty here and
 * collections report 0 uncollectable objects, as python3 does.
 */
#include "reclaim-heap-private.h"

#define NUM_GENERATIONS 3

static ReclaimList
gen_list (int generation)
{
  return RECLAIM_LIST_GEN0 + generation;
}

static gboolean
is_collecting (ReclaimHeap *heap, ReclaimId obj)
{
  return reclaim_kind_is_gc (reclaim_heap_object (heap, obj)->kind) &&
         (heap_gc_flags (heap, obj) & RECLAIM_FLAG_COLLECTING);
}

void
heap_phase (ReclaimHeap *heap, ReclaimPhase phase)
{
  heap->phase = phase;
  if (phase != RECLAIM_PHASE_NONE)
    heap_emit_note (heap, RECLAIM_EV_GC_PHASE, 0, 0, 0);  /* the phase travels in a */
}

/* update_refs: gc_refs starts as the reference count. */
static void
update_refs (ReclaimHeap *heap, ReclaimList containers)
{
  for (ReclaimId id = heap->lists[containers].first; id; id = reclaim_heap_object (heap, id)->gc_next)
    heap_set_gc_word (heap, id, reclaim_heap_object (heap, id)->refcnt,
                      heap_gc_flags (heap, id) | RECLAIM_FLAG_COLLECTING);
}

static void
visit_decref (ReclaimId target, gpointer user_data)
{
  ReclaimHeap *heap = user_data;

  if (is_collecting (heap, target))
    heap_set_gc_word (heap, target, heap_gc_refs (heap, target) - 1, heap_gc_flags (heap, target));
}

/* subtract_refs: take away the references from inside the set. */
static void
subtract_refs (ReclaimHeap *heap, ReclaimList containers)
{
  for (ReclaimId id = heap->lists[containers].first; id; id = reclaim_heap_object (heap, id)->gc_next)
    reclaim_heap_traverse (heap, id, visit_decref, heap);
}

typedef struct {
  ReclaimHeap *heap;
  ReclaimList  young;
  ReclaimList  unreachable;
} ReachableVisit;

static void
visit_reachable (ReclaimId target, gpointer user_data)
{
  ReachableVisit *v = user_data;
  ReclaimHeap *heap = v->heap;

  /* Only candidates not scanned yet carry COLLECTING. */
  if (!is_collecting (heap, target))
    return;
  /* Being in the unreachable list is CPython's NEXT_MASK_UNREACHABLE. */
  if (reclaim_heap_object (heap, target)->list == v->unreachable)
    {
      /* It was tentatively unreachable: move it back to the end of the
       * young list, where the scan will reach it again. */
      heap_gc_move (heap, target, v->young);
      heap_set_gc_word (heap, target, 1, heap_gc_flags (heap, target));
    }
  else if (heap_gc_refs (heap, target) == 0)
    heap_set_gc_word (heap, target, 1, heap_gc_flags (heap, target));
}

/* move_unreachable: scan young in order; an object with gc_refs > 0 is
 * reachable from outside and makes what it refers to reachable; one with
 * gc_refs == 0 moves to `unreachable` until something reachable refers to it. */
static void
move_unreachable (ReclaimHeap *heap, ReclaimList young, ReclaimList unreachable)
{
  ReachableVisit v = { heap, young, unreachable };
  ReclaimId prev = 0;
  ReclaimId id = heap->lists[young].first;

  while (id)
    {
      if (heap_gc_refs (heap, id) > 0)
        {
          reclaim_heap_traverse (heap, id, visit_reachable, &v);
          heap_set_gc_word (heap, id, heap_gc_refs (heap, id),
                            heap_gc_flags (heap, id) & ~RECLAIM_FLAG_COLLECTING);
          prev = id;
        }
      else
        heap_gc_move (heap, id, unreachable);
      id = prev ? reclaim_heap_object (heap, prev)->gc_next : heap->lists[young].first;
    }
}

static void
deduce_unreachable (ReclaimHeap *heap, ReclaimList base, ReclaimList unreachable)
{
  heap_phase (heap, RECLAIM_PHASE_UPDATE_REFS);
  update_refs (heap, base);
  heap_phase (heap, RECLAIM_PHASE_SUBTRACT_REFS);
  subtract_refs (heap, base);
  heap_phase (heap, RECLAIM_PHASE_MOVE_UNREACHABLE);
  move_unreachable (heap, base, unreachable);
}

static gboolean
any_slot_may_be_tracked (ReclaimHeap *heap, ReclaimId obj, gboolean null_counts)
{
  Object *o = reclaim_heap_object (heap, obj);

  for (guint i = 0; i < o->n_slots; i++)
    {
      ReclaimValue v = o->slots[i].value;
      if ((v == RECLAIM_VALUE_NONE && null_counts) || heap_may_be_tracked (heap, v))
        return TRUE;
    }
  return FALSE;
}

/* untrack_tuples / untrack_dicts: exact tuples and dicts that hold no
 * container leave the collector's lists. */
static void
untrack_atomic (ReclaimHeap *heap, ReclaimList list, ReclaimKind kind)
{
  ReclaimId next;

  for (ReclaimId id = heap->lists[list].first; id; id = next)
    {
      Object *o = reclaim_heap_object (heap, id);
      next = o->gc_next;
      if (o->kind == kind && o->cls == 0 &&
          !any_slot_may_be_tracked (heap, id, kind == RECLAIM_KIND_TUPLE))
        heap_gc_untrack (heap, id);
    }
}

static void
clear_flags_in_list (ReclaimHeap *heap, ReclaimList list, guint flags)
{
  for (ReclaimId id = heap->lists[list].first; id; id = reclaim_heap_object (heap, id)->gc_next)
    heap_set_gc_word (heap, id, heap_gc_refs (heap, id), heap_gc_flags (heap, id) & ~flags);
}

/* handle_weakrefs: clear every weakref to the garbage; a callback runs only
 * when its weakref is not garbage itself.  Returns the weakrefs that the
 * callbacks freed, which the collection counts as collected. */
static gssize
handle_weakrefs (ReclaimHeap *heap, ReclaimList unreachable, ReclaimList old)
{
  g_autoptr (GArray) referents = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  gssize num_freed = 0;
  ReclaimId next;

  for (ReclaimId op = heap->lists[unreachable].first; op; op = next)
    {
      next = reclaim_heap_object (heap, op)->gc_next;
      ReclaimKind kind = reclaim_heap_object (heap, op)->kind;
      if (kind == RECLAIM_KIND_WEAKREF || kind == RECLAIM_KIND_PROXY)
        heap_weakref_clear (heap, op);   /* its callback will never run */
      if (!heap_supports_weakrefs (heap, op))
        continue;

      ReclaimId wr;
      while ((wr = reclaim_heap_object (heap, op)->wr_first) != 0)
        {
          Object *w = reclaim_heap_object (heap, wr);
          heap_weakref_clear (heap, wr);
          if (w->n_slots == 0 || w->slots[0].value == RECLAIM_VALUE_NONE)
            continue;
          if (is_collecting (heap, wr))
            continue;   /* the weakref is garbage too */
          reclaim_heap_incref (heap, wr);
          heap_gc_move (heap, wr, RECLAIM_LIST_WEAKREF_CALLBACKS);
          g_array_append_val (referents, op);
        }
    }

  for (guint i = 0; heap->lists[RECLAIM_LIST_WEAKREF_CALLBACKS].first; i++)
    {
      ReclaimId wr = heap->lists[RECLAIM_LIST_WEAKREF_CALLBACKS].first;
      ReclaimId callback = reclaim_heap_object (heap, wr)->slots[0].value;
      ReclaimId referent = i < referents->len ? g_array_index (referents, ReclaimId, i) : 0;

      heap_emit_note (heap, RECLAIM_EV_CALLBACK, referent, wr, callback);
      if (heap->host.weakref_callback)
        heap->host.weakref_callback (heap, wr, callback, heap->host_data);
      heap_emit_note (heap, RECLAIM_EV_CALLBACK_END, referent, wr, callback);

      heap_decref_from (heap, wr, 0, 0);
      if (heap->lists[RECLAIM_LIST_WEAKREF_CALLBACKS].first == wr)
        heap_gc_move (heap, wr, old);   /* still alive */
      else
        num_freed++;
    }
  return num_freed;
}

/* finalize_garbage: __del__ of every garbage object that has not run it yet
 * (PEP 442: never twice).  Objects are taken off the list one at a time
 * because a finalizer can free others. */
static gboolean
needs_finalizing (ReclaimHeap *heap, ReclaimId obj)
{
  return (reclaim_heap_object (heap, obj)->alloc_flags & RECLAIM_ALLOC_HAS_FINALIZER) &&
         !(heap_gc_flags (heap, obj) & RECLAIM_FLAG_FINALIZED);
}

static void
finalize_garbage (ReclaimHeap *heap, ReclaimList collectable)
{
  ReclaimId op;

  /* With no finalizer to run, moving every object to 'seen' and back
   * would leave the list as it was: skip the walk. */
  for (op = heap->lists[collectable].first; op; op = reclaim_heap_object (heap, op)->gc_next)
    if (needs_finalizing (heap, op))
      break;
  if (op == 0)
    return;

  while ((op = heap->lists[collectable].first) != 0)
    {
      heap_gc_move (heap, op, RECLAIM_LIST_FINALIZE_SEEN);
      if (needs_finalizing (heap, op))
        heap_call_finalizer (heap, op);
    }
  heap_gc_merge (heap, RECLAIM_LIST_FINALIZE_SEEN, collectable);
}

/* handle_resurrected_objects: run the analysis again on the garbage alone;
 * what a finalizer made reachable again goes to the old generation. */
static void
handle_resurrected_objects (ReclaimHeap *heap, ReclaimList unreachable,
                            ReclaimList still_unreachable, ReclaimList old,
                            gboolean finalizers_ran)
{
  heap_phase (heap, RECLAIM_PHASE_CHECK_GARBAGE);
  if (!finalizers_ran)
    {
      /* Only a finalizer can make garbage reachable again (weakref
       * callbacks cannot reach it), so the analysis would find every
       * object unreachable again, with the same gc_refs and flags. */
      heap_gc_merge (heap, unreachable, still_unreachable);
      return;
    }
  clear_flags_in_list (heap, unreachable, RECLAIM_FLAG_COLLECTING);
  deduce_unreachable (heap, unreachable, still_unreachable);
  heap_phase (heap, RECLAIM_PHASE_CHECK_GARBAGE);
  for (ReclaimId id = heap->lists[unreachable].first; id; id = reclaim_heap_object (heap, id)->gc_next)
    heap_emit_note (heap, RECLAIM_EV_RESURRECTED, id, reclaim_heap_object (heap, id)->refcnt, 0);
  heap_gc_merge (heap, unreachable, old);
}

static void
append_to_garbage (ReclaimHeap *heap, ReclaimId op)
{
  if (heap->garbage_list == 0 ||
      reclaim_heap_get_state (heap, heap->garbage_list) != RECLAIM_STATE_ALIVE)
    return;
  reclaim_heap_incref (heap, op);
  reclaim_heap_slot_append (heap, heap->garbage_list, RECLAIM_ROLE_ITEM, NULL, op);
}

/* delete_garbage: tp_clear each object in turn, which breaks the cycles;
 * what survives its clearing goes to the old generation. */
static void
delete_garbage (ReclaimHeap *heap, ReclaimList collectable, ReclaimList old)
{
  ReclaimId op;

  while ((op = heap->lists[collectable].first) != 0)
    {
      if (heap->counters[RECLAIM_COUNTER_DEBUG] & RECLAIM_DEBUG_SAVEALL)
        append_to_garbage (heap, op);
      else if (reclaim_kind_info (reclaim_heap_object (heap, op)->kind)->clear != CLEAR_NONE ||
               reclaim_heap_object (heap, op)->kind == RECLAIM_KIND_WEAKREF ||
               reclaim_heap_object (heap, op)->kind == RECLAIM_KIND_PROXY)
        {
          reclaim_heap_incref (heap, op);
          /* subtype_clear: the instance dict goes before the base's tp_clear */
          if (reclaim_heap_object (heap, op)->dict)
            reclaim_heap_set_instance_dict (heap, op, 0);
          reclaim_heap_clear (heap, op);
          heap_decref_from (heap, op, 0, 0);
        }
      if (heap->lists[collectable].first == op)
        {
          heap_set_gc_word (heap, op, 0, heap_gc_flags (heap, op) & RECLAIM_FLAG_FINALIZED);
          heap_gc_move (heap, op, old);
        }
    }
}

static void
add_counter (ReclaimHeap *heap, ReclaimCounter counter, gint32 delta)
{
  heap_set_counter (heap, counter, heap->counters[counter] + delta);
}

/* gc_collect_main */
gssize
heap_collect_main (ReclaimHeap *heap, int generation, gssize *collected, gssize *uncollectable)
{
  gssize m = 0, n = 0;

  heap_emit_event (heap, RECLAIM_EV_GC_START, 0, generation, 0, 0, 0, 0);

  if (generation + 1 < NUM_GENERATIONS)
    add_counter (heap, RECLAIM_COUNTER_COUNT0 + generation + 1, 1);
  for (int i = 0; i <= generation; i++)
    heap_set_counter (heap, RECLAIM_COUNTER_COUNT0 + i, 0);

  /* merge the younger generations into the one collected: a full
   * collection scans gen2, then gen0, then gen1 */
  for (int i = 0; i < generation; i++)
    heap_gc_merge (heap, gen_list (i), gen_list (generation));

  ReclaimList young = gen_list (generation);
  ReclaimList old = generation < NUM_GENERATIONS - 1 ? gen_list (generation + 1) : young;

  deduce_unreachable (heap, young, RECLAIM_LIST_UNREACHABLE);

  untrack_atomic (heap, young, RECLAIM_KIND_TUPLE);
  if (young != old)
    {
      if (generation == NUM_GENERATIONS - 2)
        add_counter (heap, RECLAIM_COUNTER_LONG_LIVED_PENDING, heap->lists[young].length);
      heap_gc_merge (heap, young, old);
    }
  else
    {
      /* dicts are untracked only in full collections (bpo-14775) */
      untrack_atomic (heap, young, RECLAIM_KIND_DICT);
      heap_set_counter (heap, RECLAIM_COUNTER_LONG_LIVED_PENDING, 0);
      heap_set_counter (heap, RECLAIM_COUNTER_LONG_LIVED_TOTAL, heap->lists[young].length);
    }

  heap_phase (heap, RECLAIM_PHASE_HANDLE_WEAKREFS);
  m += handle_weakrefs (heap, RECLAIM_LIST_UNREACHABLE, old);

  heap_phase (heap, RECLAIM_PHASE_FINALIZE_GARBAGE);
  guint64 finalizers_before = heap->finalizers_called;
  finalize_garbage (heap, RECLAIM_LIST_UNREACHABLE);

  handle_resurrected_objects (heap, RECLAIM_LIST_UNREACHABLE, RECLAIM_LIST_FINAL_UNREACHABLE, old,
                              heap->finalizers_called != finalizers_before);

  heap_phase (heap, RECLAIM_PHASE_DELETE_GARBAGE);
  m += heap->lists[RECLAIM_LIST_FINAL_UNREACHABLE].length;
  delete_garbage (heap, RECLAIM_LIST_FINAL_UNREACHABLE, old);

  if (generation == NUM_GENERATIONS - 1)
    heap_clear_freelists (heap);

  add_counter (heap, RECLAIM_COUNTER_COLLECTIONS0 + generation, 1);
  add_counter (heap, RECLAIM_COUNTER_COLLECTED0 + generation, m);
  add_counter (heap, RECLAIM_COUNTER_UNCOLLECTABLE0 + generation, n);
  heap->phase = RECLAIM_PHASE_NONE;
  heap_emit_note (heap, RECLAIM_EV_GC_END, 0, m, n);

  *collected = m;
  *uncollectable = n;
  return m + n;
}

/* gc_collect_with_callback: gc.callbacks see "start" and "stop". */
static gssize
collect_with_callback (ReclaimHeap *heap, int generation)
{
  gssize collected = 0, uncollectable = 0, result;

  if (heap->host.gc_callback)
    heap->host.gc_callback (heap, "start", generation, 0, 0, heap->host_data);
  if (heap->mode == RECLAIM_COLLECTOR_MARKSWEEP)
    {
      result = heap_marksweep_collect (heap);
      collected = result;
    }
  else
    result = heap_collect_main (heap, generation, &collected, &uncollectable);
  if (heap->host.gc_callback)
    heap->host.gc_callback (heap, "stop", generation, collected, uncollectable, heap->host_data);
  return result;
}

/* gc_collect_generations: the oldest generation whose count exceeds its
 * threshold, except that a full collection also waits until the objects
 * that survived since the last one are 25% of those it kept then. */
static void
collect_generations (ReclaimHeap *heap)
{
  for (int i = NUM_GENERATIONS - 1; i >= 0; i--)
    {
      if (heap->counters[RECLAIM_COUNTER_COUNT0 + i] > heap->counters[RECLAIM_COUNTER_THRESHOLD0 + i])
        {
          if (i == NUM_GENERATIONS - 1 &&
              heap->counters[RECLAIM_COUNTER_LONG_LIVED_PENDING] <
              heap->counters[RECLAIM_COUNTER_LONG_LIVED_TOTAL] / 4)
            continue;
          collect_with_callback (heap, i);
          break;
        }
    }
}

void
heap_maybe_collect_on_alloc (ReclaimHeap *heap)
{
  if (heap->counters[RECLAIM_COUNTER_COUNT0] > heap->counters[RECLAIM_COUNTER_THRESHOLD0] &&
      heap->counters[RECLAIM_COUNTER_ENABLED] &&
      heap->counters[RECLAIM_COUNTER_THRESHOLD0] &&
      !heap->collecting)
    {
      heap->collecting = TRUE;
      collect_generations (heap);
      heap->collecting = FALSE;
    }
}

gssize
reclaim_heap_collect (ReclaimHeap *heap, int generation)
{
  g_return_val_if_fail (reclaim_heap_is_live (heap), 0);
  g_return_val_if_fail (generation >= 0 && generation < NUM_GENERATIONS, 0);

  if (heap->collecting)
    return 0;   /* gc.collect() inside a collection does nothing */
  heap->collecting = TRUE;
  gssize n = collect_with_callback (heap, generation);
  heap->collecting = FALSE;
  return n;
}

void
reclaim_heap_freeze (ReclaimHeap *heap)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  for (int i = 0; i < NUM_GENERATIONS; i++)
    heap_gc_merge (heap, gen_list (i), RECLAIM_LIST_PERMANENT);
  heap_set_counter (heap, RECLAIM_COUNTER_COUNT0, 0);
}

void
reclaim_heap_unfreeze (ReclaimHeap *heap)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  heap_gc_merge (heap, RECLAIM_LIST_PERMANENT, gen_list (NUM_GENERATIONS - 1));
}
