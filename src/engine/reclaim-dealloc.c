/* reclaim-dealloc.c: reference counting and what happens when it hits 0.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows CPython 3.11: subtype_dealloc (Objects/typeobject.c), the other
 * types' tp_dealloc, PyObject_ClearWeakRefs (Objects/weakrefobject.c) and
 * the trashcan (Objects/object.c), which bounds the C recursion of a
 * cascade and so decides the order in which long chains die.
 */
#include "reclaim-heap-private.h"

/* _PyTrash_UNWIND_LEVEL */
#define TRASHCAN_UNWIND_LEVEL 50
/* Types without a trashcan recurse in CPython too; past this depth we defer
 * them like the trashcan does so that the engine's own stack stays small. */
#define MAX_DEALLOC_DEPTH 2000

static void dealloc_body (ReclaimHeap *heap, ReclaimId obj, ReclaimFreedBy by);

void
heap_decref_from (ReclaimHeap *heap, ReclaimValue value, ReclaimId referrer, guint32 slot)
{
  if (!reclaim_value_is_object (value))
    return;

  Object *o = reclaim_heap_object (heap, value);
  g_return_if_fail (o->state == RECLAIM_STATE_ALIVE && o->refcnt > 0);

  guint32 refcnt = o->refcnt - 1;
  heap_set_refcount_event (heap, RECLAIM_EV_DECREF, value, refcnt, referrer, slot);
  if (refcnt > 0)
    return;
  /* Under mark-and-sweep a count of zero frees nothing, except for frames,
   * which live on the interpreter's stack rather than in the heap. */
  if (heap->mode == RECLAIM_COLLECTOR_MARKSWEEP && reclaim_kind_is_gc (o->kind) && o->kind != RECLAIM_KIND_FRAME)
    return;
  heap_dealloc (heap, value);
}

static void
destroy_trash_chain (ReclaimHeap *heap)
{
  heap->trash_nesting++;
  while (heap->trash_later->len > 0)
    {
      ReclaimId obj = g_array_index (heap->trash_later, ReclaimId, heap->trash_later->len - 1);
      g_array_remove_index_fast (heap->trash_later, heap->trash_later->len - 1);
      heap_dealloc (heap, obj);
    }
  heap->trash_nesting--;
}

void
heap_dealloc (ReclaimHeap *heap, ReclaimId obj)
{
  Object *o = reclaim_heap_object (heap, obj);
  const KindInfo *info = reclaim_kind_info (o->kind);
  /* What the collector is deleting right now dies "by gc". */
  ReclaimFreedBy by = o->list == RECLAIM_LIST_FINAL_UNREACHABLE ? RECLAIM_FREED_BY_GC
                                                                  : RECLAIM_FREED_BY_REFCOUNT;

  if (info->trashcan)
    {
      /* Py_TRASHCAN_BEGIN comes after the untrack */
      heap_gc_untrack (heap, obj);
      if (heap->trash_nesting >= TRASHCAN_UNWIND_LEVEL)
        {
          g_array_append_val (heap->trash_later, obj);
          return;
        }
      heap->trash_nesting++;
      dealloc_body (heap, obj, by);
      heap->trash_nesting--;
    }
  else if (heap->dealloc_depth >= MAX_DEALLOC_DEPTH)
    {
      heap_gc_untrack (heap, obj);
      g_array_append_val (heap->trash_later, obj);
      return;
    }
  else
    dealloc_body (heap, obj, by);

  if (heap->trash_later->len > 0 && heap->trash_nesting <= 0 && heap->dealloc_depth == 0)
    destroy_trash_chain (heap);
}

static gboolean
has_callback (ReclaimHeap *heap, ReclaimId weakref)
{
  Object *w = reclaim_heap_object (heap, weakref);
  return w->n_slots > 0 && w->slots[0].value != RECLAIM_VALUE_NONE;
}

static void
handle_callback (ReclaimHeap *heap, ReclaimId referent, ReclaimId weakref, ReclaimId callback)
{
  heap_emit_note (heap, RECLAIM_EV_CALLBACK, referent, weakref, callback);
  if (heap->host.weakref_callback)
    heap->host.weakref_callback (heap, weakref, callback, heap->host_data);
  heap_emit_note (heap, RECLAIM_EV_CALLBACK_END, referent, weakref, callback);
}

/* Takes the callback out of a weakref without dropping the reference:
 * the caller now owns it. */
static ReclaimId
take_callback (ReclaimHeap *heap, ReclaimId weakref)
{
  if (!has_callback (heap, weakref))
    return 0;
  ReclaimId callback = reclaim_heap_object (heap, weakref)->slots[0].value;
  heap_set_slot_value (heap, weakref, 0, RECLAIM_VALUE_NONE);
  return callback;
}

/* clear_weakref: unlink from the referent and drop the callback. */
static void
clear_weakref_and_callback (ReclaimHeap *heap, ReclaimId weakref)
{
  heap_weakref_clear (heap, weakref);
  heap_decref_from (heap, take_callback (heap, weakref), weakref, 0);
}

/* PyObject_ClearWeakRefs */
void
heap_clear_weakrefs (ReclaimHeap *heap, ReclaimId obj)
{
  if (reclaim_heap_object (heap, obj)->wr_first == 0)
    return;   /* most objects die with no weak reference to them */

  /* Callback-less basic ref and proxy at the head go silently. */
  for (int i = 0; i < 2; i++)
    {
      ReclaimId head = reclaim_heap_object (heap, obj)->wr_first;
      if (head && !has_callback (heap, head))
        clear_weakref_and_callback (heap, head);
    }

  ReclaimId current = reclaim_heap_object (heap, obj)->wr_first;
  if (current == 0)
    return;

  guint count = reclaim_heap_weakref_count (heap, obj);
  if (count == 1)
    {
      ReclaimId callback = take_callback (heap, current);
      heap_weakref_clear (heap, current);
      if (callback)
        {
          if (reclaim_heap_object (heap, current)->refcnt > 0)
            handle_callback (heap, obj, current, callback);
          heap_decref_from (heap, callback, 0, 0);
        }
      return;
    }

  /* Several: CPython gathers (weakref, callback) pairs in a tuple, clears
   * them all, then calls the callbacks in list order (newest first). */
  ReclaimId tuple = heap_alloc_object (heap, RECLAIM_KIND_TUPLE, 0, 0, 0, count * 2);
  current = reclaim_heap_object (heap, obj)->wr_first;
  for (guint i = 0; i < count && current; i++)
    {
      ReclaimId next = reclaim_heap_object (heap, current)->wr_next;
      ReclaimId callback = take_callback (heap, current);
      ReclaimValue item_wr = RECLAIM_VALUE_NONE, item_cb = RECLAIM_VALUE_NONE;

      if (reclaim_heap_object (heap, current)->refcnt > 0)
        {
          heap_set_refcount_event (heap, RECLAIM_EV_INCREF, current,
                                   reclaim_heap_object (heap, current)->refcnt + 1, tuple, i * 2);
          item_wr = current;
          item_cb = callback;
        }
      else
        heap_decref_from (heap, callback, current, 0);
      heap_weakref_clear (heap, current);
      reclaim_heap_slot_append (heap, tuple, RECLAIM_ROLE_ITEM, NULL, item_wr);
      reclaim_heap_slot_append (heap, tuple, RECLAIM_ROLE_ITEM, NULL, item_cb);
      current = next;
    }
  for (guint i = 0; i < count; i++)
    {
      Object *t = reclaim_heap_object (heap, tuple);
      if (2 * i + 1 >= t->n_slots)
        break;
      ReclaimValue callback = t->slots[2 * i + 1].value;
      if (callback != RECLAIM_VALUE_NONE)
        handle_callback (heap, obj, t->slots[2 * i].value, callback);
    }
  heap_decref_from (heap, tuple, 0, 0);
}

/* PyObject_CallFinalizer: runs __del__ once (PEP 442). */
static void
call_finalizer_once (ReclaimHeap *heap, ReclaimId obj, gboolean mark_before)
{
  guint flags = heap_gc_flags (heap, obj);

  if (flags & RECLAIM_FLAG_FINALIZED)
    return;
  if (mark_before)
    heap_set_gc_word (heap, obj, heap_gc_refs (heap, obj), flags | RECLAIM_FLAG_FINALIZED);
  heap_emit_note (heap, RECLAIM_EV_FINALIZE, obj, 0, 0);
  heap->finalizers_called++;
  if (heap->host.finalize)
    heap->host.finalize (heap, obj, heap->host_data);
  heap_emit_note (heap, RECLAIM_EV_FINALIZE_END, obj, 0, 0);
  if (!mark_before)
    heap_set_gc_word (heap, obj, heap_gc_refs (heap, obj),
                      heap_gc_flags (heap, obj) | RECLAIM_FLAG_FINALIZED);
}

/* The collector's finalize_garbage: flag first, then call with a reference held. */
void
heap_call_finalizer (ReclaimHeap *heap, ReclaimId obj)
{
  reclaim_heap_incref (heap, obj);
  call_finalizer_once (heap, obj, TRUE);
  heap_decref_from (heap, obj, 0, 0);
}

/* PyObject_CallFinalizerFromDealloc: the object is brought back to a count
 * of 1 for its __del__; returns TRUE when __del__ resurrected it. */
static gboolean
finalize_from_dealloc (ReclaimHeap *heap, ReclaimId obj)
{
  heap_set_refcount_event (heap, RECLAIM_EV_INCREF, obj, 1, 0, 0);
  call_finalizer_once (heap, obj, FALSE);

  guint32 refcnt = reclaim_heap_object (heap, obj)->refcnt - 1;
  heap_set_refcount_event (heap, RECLAIM_EV_DECREF, obj, refcnt, 0, 0);
  if (refcnt == 0)
    return FALSE;
  heap_emit_note (heap, RECLAIM_EV_RESURRECTED, obj, refcnt, 0);
  return TRUE;
}

/* Drops every reference the object holds, in its type's dealloc order.
 * The slots keep their values so that a view can still draw what the
 * object held when it died. */
static void
release_slots (ReclaimHeap *heap, ReclaimId obj)
{
  guint n = reclaim_heap_object (heap, obj)->n_slots;
  gboolean reverse = reclaim_kind_info (reclaim_heap_object (heap, obj)->kind)->dealloc_order == ORDER_REVERSE;

  for (guint k = 0; k < n; k++)
    {
      guint i = reverse ? n - 1 - k : k;
      heap_decref_from (heap, reclaim_heap_object (heap, obj)->slots[i].value, obj, i);
    }
}

/* subtype_dealloc / subtype_clear of a weakref subclass (KeyedRef,
 * WeakMethod): its __slots__, the slots after the callback one, are
 * cleared before the weakref itself lets go of its callback. */
static void
clear_subclass_slots (ReclaimHeap *heap, ReclaimId obj)
{
  for (guint i = 1; i < reclaim_heap_object (heap, obj)->n_slots; i++)
    {
      ReclaimValue old = reclaim_heap_object (heap, obj)->slots[i].value;
      if (old == RECLAIM_VALUE_NONE)
        continue;
      heap_set_slot_value (heap, obj, i, RECLAIM_VALUE_NONE);
      heap_decref_from (heap, old, obj, i);
    }
}

static void
dealloc_body (ReclaimHeap *heap, ReclaimId obj, ReclaimFreedBy by)
{
  Object *o = reclaim_heap_object (heap, obj);
  const KindInfo *info = reclaim_kind_info (o->kind);

  heap->dealloc_depth++;
  heap_gc_untrack (heap, obj);

  /* Most objects die with no weak reference to them (any object that
   * takes none among them): no call for those.  A __del__ may make one,
   * so the second place looks again. */
  if (info->weakrefs_before_finalizer && o->wr_first != 0)
    heap_clear_weakrefs (heap, obj);

  o = reclaim_heap_object (heap, obj);
  if ((o->alloc_flags & RECLAIM_ALLOC_HAS_FINALIZER) &&
      !(heap_gc_flags (heap, obj) & RECLAIM_FLAG_FINALIZED))
    {
      /* subtype_dealloc re-tracks the object around its __del__ */
      heap_gc_track (heap, obj, RECLAIM_LIST_GEN0);
      if (finalize_from_dealloc (heap, obj))
        {
          heap->dealloc_depth--;
          return;
        }
      heap_gc_untrack (heap, obj);
    }

  if (!info->weakrefs_before_finalizer && reclaim_heap_object (heap, obj)->wr_first != 0)
    heap_clear_weakrefs (heap, obj);

  /* subtype_dealloc drops the instance dict, then the base type's
   * dealloc drops the items */
  if (reclaim_heap_object (heap, obj)->dict)
    heap_decref_from (heap, reclaim_heap_object (heap, obj)->dict, obj, RECLAIM_SLOT_INSTANCE_DICT);
  o = reclaim_heap_object (heap, obj);
  if (o->kind == RECLAIM_KIND_WEAKREF || o->kind == RECLAIM_KIND_PROXY)
    {
      clear_subclass_slots (heap, obj);
      clear_weakref_and_callback (heap, obj);
    }
  else
    release_slots (heap, obj);

  ReclaimId cls = reclaim_heap_object (heap, obj)->cls;
  heap_free_object (heap, obj, by);
  if (cls)
    heap_decref_from (heap, cls, obj, G_MAXUINT32);
  heap->dealloc_depth--;
}

/* tp_clear */
void
reclaim_heap_clear (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_if_fail (reclaim_heap_get_state (heap, obj) == RECLAIM_STATE_ALIVE);

  Object *o = reclaim_heap_object (heap, obj);
  const KindInfo *info = reclaim_kind_info (o->kind);
  guint n = o->n_slots;

  if (o->kind == RECLAIM_KIND_WEAKREF || o->kind == RECLAIM_KIND_PROXY)
    {
      clear_subclass_slots (heap, obj);
      clear_weakref_and_callback (heap, obj);
      return;
    }

  switch (info->clear)
    {
    case CLEAR_NONE:
      break;

    case CLEAR_EACH:
      /* Py_CLEAR, slot by slot: each drop may free other objects at once */
      for (guint i = 0; i < reclaim_heap_object (heap, obj)->n_slots; i++)
        {
          ReclaimValue old = reclaim_heap_object (heap, obj)->slots[i].value;
          if (old == RECLAIM_VALUE_NONE)
            continue;
          heap_set_slot_value (heap, obj, i, RECLAIM_VALUE_NONE);
          heap_decref_from (heap, old, obj, i);
        }
      break;

    case CLEAR_EMPTY_FIRST:
      {
        /* The container is emptied before any item is dropped, because
         * dropping one can run code that looks at the container. */
        g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
        for (guint i = n; i-- > 0;)
          items[i] = reclaim_heap_slot_take (heap, obj, i);
        if (o->kind == RECLAIM_KIND_LIST && o->capacity != RECLAIM_CAPACITY_UNKNOWN)
          o->capacity = RECLAIM_CAPACITY_NO_ITEMS;   /* _list_clear frees the items first */
        gboolean reverse = info->dealloc_order == ORDER_REVERSE;
        for (guint k = 0; k < n; k++)
          heap_decref_from (heap, items[reverse ? n - 1 - k : k], obj, reverse ? n - 1 - k : k);
      }
      break;
    }
}
