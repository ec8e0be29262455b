/* reclaim-marksweep.c: a textbook mark-and-sweep collector, for comparison.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In this mode a reference count reaching zero frees nothing (the counts
 * are still kept, so they can be shown).  A collection marks everything
 * reachable from the roots and frees the rest, cycles or not.  The roots
 * are the frames and namespaces (RECLAIM_ALLOC_ROOT) and whatever the
 * running code holds: objects whose count is higher than the references
 * the heap itself has to them.
 */
#include "reclaim-heap-private.h"

static void
count_internal_ref (ReclaimId target, gpointer user_data)
{
  guint32 *internal = user_data;
  internal[target]++;
}

typedef struct {
  ReclaimHeap *heap;
  GArray      *stack;
} MarkVisit;

static void
mark_one (MarkVisit *v, ReclaimId obj)
{
  if (heap_gc_flags (v->heap, obj) & RECLAIM_FLAG_MARKED)
    return;
  heap_set_gc_word (v->heap, obj, heap_gc_refs (v->heap, obj),
                    heap_gc_flags (v->heap, obj) | RECLAIM_FLAG_MARKED);
  g_array_append_val (v->stack, obj);
}

static void
visit_mark (ReclaimId target, gpointer user_data)
{
  mark_one (user_data, target);
}

static gboolean
is_alive (ReclaimHeap *heap, ReclaimId obj)
{
  return reclaim_heap_object (heap, obj)->state == RECLAIM_STATE_ALIVE;
}

/* Marks from the roots, depth first with an explicit stack. */
static void
mark_from_roots (ReclaimHeap *heap)
{
  guint32 n = heap->n_objects;
  g_autofree guint32 *internal = g_new0 (guint32, n + 1);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  MarkVisit v = { heap, stack };

  for (ReclaimId id = 1; id <= n; id++)
    if (is_alive (heap, id))
      reclaim_heap_traverse (heap, id, count_internal_ref, internal);
  for (ReclaimId id = 1; id <= n; id++)
    {
      Object *o = reclaim_heap_object (heap, id);
      if (is_alive (heap, id) &&
          ((o->alloc_flags & RECLAIM_ALLOC_ROOT) || o->refcnt > internal[id]))
        mark_one (&v, id);
    }
  while (stack->len > 0)
    {
      ReclaimId id = g_array_index (stack, ReclaimId, stack->len - 1);
      g_array_set_size (stack, stack->len - 1);
      reclaim_heap_traverse (heap, id, visit_mark, &v);
    }
}

static GArray *
unmarked_objects (ReclaimHeap *heap)
{
  GArray *garbage = g_array_new (FALSE, FALSE, sizeof (ReclaimId));

  for (ReclaimId id = 1; id <= heap->n_objects; id++)
    if (is_alive (heap, id) && !(heap_gc_flags (heap, id) & RECLAIM_FLAG_MARKED))
      g_array_append_val (garbage, id);
  return garbage;
}

static void
unmark_all (ReclaimHeap *heap)
{
  for (ReclaimId id = 1; id <= heap->n_objects; id++)
    if (heap_gc_flags (heap, id) & RECLAIM_FLAG_MARKED)
      heap_set_gc_word (heap, id, heap_gc_refs (heap, id),
                        heap_gc_flags (heap, id) & ~RECLAIM_FLAG_MARKED);
}

/* Weakrefs to garbage are cleared; the callbacks of those that survive
 * run, then the finalizers. */
static void
clear_weakrefs_and_finalize (ReclaimHeap *heap, GArray *garbage)
{
  for (guint i = 0; i < garbage->len; i++)
    {
      ReclaimId obj = g_array_index (garbage, ReclaimId, i);
      if (heap_supports_weakrefs (heap, obj) && is_alive (heap, obj))
        heap_clear_weakrefs (heap, obj);
    }
  for (guint i = 0; i < garbage->len; i++)
    {
      ReclaimId obj = g_array_index (garbage, ReclaimId, i);
      if (is_alive (heap, obj) &&
          (reclaim_heap_object (heap, obj)->alloc_flags & RECLAIM_ALLOC_HAS_FINALIZER) &&
          !(heap_gc_flags (heap, obj) & RECLAIM_FLAG_FINALIZED))
        heap_call_finalizer (heap, obj);
    }
}

gssize
heap_marksweep_collect (ReclaimHeap *heap)
{
  gssize freed = 0;

  heap_emit_event (heap, RECLAIM_EV_GC_START, 0, 3, 0, 0, 0, 0);
  heap_set_counter (heap, RECLAIM_COUNTER_COUNT0, 0);

  heap_phase (heap, RECLAIM_PHASE_MARK);
  mark_from_roots (heap);
  g_autoptr (GArray) garbage = unmarked_objects (heap);

  heap_phase (heap, RECLAIM_PHASE_SWEEP);
  clear_weakrefs_and_finalize (heap, garbage);
  /* A finalizer may have made garbage reachable again: mark once more. */
  mark_from_roots (heap);

  for (guint i = 0; i < garbage->len; i++)
    {
      ReclaimId obj = g_array_index (garbage, ReclaimId, i);
      if (!is_alive (heap, obj) || (heap_gc_flags (heap, obj) & RECLAIM_FLAG_MARKED))
        continue;
      Object *o = reclaim_heap_object (heap, obj);
      ReclaimId cls = o->cls;
      if (o->dict)
        reclaim_heap_set_instance_dict (heap, obj, 0);
      for (guint s = 0; s < reclaim_heap_object (heap, obj)->n_slots; s++)
        heap_decref_from (heap, reclaim_heap_object (heap, obj)->slots[s].value, obj, s);
      if (reclaim_heap_object (heap, obj)->kind == RECLAIM_KIND_WEAKREF ||
          reclaim_heap_object (heap, obj)->kind == RECLAIM_KIND_PROXY)
        heap_weakref_clear (heap, obj);
      heap_gc_untrack (heap, obj);
      heap_free_object (heap, obj, RECLAIM_FREED_BY_MARKSWEEP);
      if (cls)
        heap_decref_from (heap, cls, obj, G_MAXUINT32);
      freed++;
    }
  unmark_all (heap);
  heap->phase = RECLAIM_PHASE_NONE;
  heap_emit_event (heap, RECLAIM_EV_GC_END, 0, 0, 0, freed, 0, 0);
  return freed;
}
