/* reclaim-heap.c: objects, slots and weak references.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-heap-private.h"

#include <string.h>

#define emit heap_emit_event

/* What CPython 3.11's types do, kind by kind. */
static const KindInfo kind_infos[RECLAIM_N_KINDS] = {
  /*                           name             gc wr tc wbf dealloc         clear */
  [RECLAIM_KIND_INSTANCE]  = { "object",        1, 1, 1, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_LIST]      = { "list",          1, 0, 1, 0, ORDER_REVERSE, CLEAR_EMPTY_FIRST },
  [RECLAIM_KIND_TUPLE]     = { "tuple",         1, 0, 1, 0, ORDER_REVERSE, CLEAR_NONE },
  [RECLAIM_KIND_DICT]      = { "dict",          1, 0, 1, 0, ORDER_FORWARD, CLEAR_EMPTY_FIRST },
  [RECLAIM_KIND_SET]       = { "set",           1, 1, 1, 0, ORDER_FORWARD, CLEAR_EMPTY_FIRST },
  [RECLAIM_KIND_FUNCTION]  = { "function",      1, 1, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_CELL]      = { "cell",          1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_METHOD]    = { "method",        1, 1, 1, 0, ORDER_FORWARD, CLEAR_NONE },
  [RECLAIM_KIND_GENERATOR] = { "generator",     1, 1, 0, 1, ORDER_FORWARD, CLEAR_NONE },
  [RECLAIM_KIND_WEAKREF]   = { "ReferenceType", 1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_PROXY]     = { "ProxyType",     1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_CLASS]     = { "type",          1, 1, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_FRAME]     = { "frame",         1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_OBJECT]    = { "object",        1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
  [RECLAIM_KIND_PLAIN]     = { "object",        0, 0, 0, 0, ORDER_FORWARD, CLEAR_NONE },
  /* deque_dealloc and deque_clear: emptied first, then left to right, no trashcan */
  [RECLAIM_KIND_DEQUE]     = { "collections.deque", 1, 1, 0, 0, ORDER_FORWARD, CLEAR_EMPTY_FIRST },
};

/* A frame is a GC object in CPython, but Reclaim's frame object is also its
 * _PyInterpreterFrame: made by every call, so never counted by
 * gc.get_count() and never tracked when made.  The collector tracks one only
 * when it outlives its call (take_ownership), held by a traceback. */
static inline gboolean
counts_allocations (ReclaimKind kind)
{
  return kind_infos[kind].is_gc && kind != RECLAIM_KIND_FRAME;
}

const KindInfo *
reclaim_kind_info (ReclaimKind kind)
{
  g_return_val_if_fail (kind < RECLAIM_N_KINDS, &kind_infos[RECLAIM_KIND_OBJECT]);
  return &kind_infos[kind];
}

const char *
reclaim_kind_name (ReclaimKind kind)
{
  return reclaim_kind_info (kind)->type_name;
}

gboolean
reclaim_kind_is_gc (ReclaimKind kind)
{
  return reclaim_kind_info (kind)->is_gc;
}

ReclaimHeap *
reclaim_heap_new (void)
{
  ReclaimHeap *heap = g_new0 (ReclaimHeap, 1);

  heap->objects_allocated = 1024;
  heap->objects = g_new0 (Object, heap->objects_allocated);
  heap->trash_later = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  /* The initial settings are the heap's first state, not events. */
  heap->counters[RECLAIM_COUNTER_THRESHOLD0] = 700;
  heap->counters[RECLAIM_COUNTER_THRESHOLD1] = 10;
  heap->counters[RECLAIM_COUNTER_THRESHOLD2] = 10;
  heap->counters[RECLAIM_COUNTER_ENABLED] = 1;
  heap_register (heap);
  return heap;
}

void
reclaim_heap_free (ReclaimHeap *heap)
{
  if (heap == NULL)
    return;
  heap_unregister (heap);
  if (heap->freed_ids)
    g_array_unref (heap->freed_ids);
  if (heap->reusable_ids)
    g_array_unref (heap->reusable_ids);
  heap_free_slot_arrays (heap);
  g_free (heap->objects);
  heap_events_free (heap);
  g_array_unref (heap->trash_later);
  g_free (heap);
}

void
reclaim_heap_set_host (ReclaimHeap *heap, const ReclaimHost *host, gpointer user_data)
{
  if (host)
    heap->host = *host;
  else
    memset (&heap->host, 0, sizeof heap->host);
  heap->host_data = user_data;
}

/* ---- primitive changes -------------------------------------------------- */

/* The most frequent of these are inlined into their callers in the
 * engine's core, as heap_emit_event() is into them. */

void
heap_emit_note (ReclaimHeap *heap, ReclaimEventKind kind, ReclaimId obj, guint32 x, guint32 y)
{
  emit (heap, kind, heap->phase, 0, obj, x, y, 0);
}

G_ALWAYS_INLINE inline void
heap_set_gc_word (ReclaimHeap *heap, ReclaimId obj, gint32 refs, guint flags)
{
  guint32 word = RECLAIM_GC_WORD (refs, flags);
  guint32 old = heap->objects[obj].gc_word;

  if (word != old)
    emit (heap, RECLAIM_EV_GC_WORD, heap->phase, 0, obj, old, word, 0);
}

G_ALWAYS_INLINE inline void
heap_set_refcount_event (ReclaimHeap *heap, ReclaimEventKind kind, ReclaimId obj,
                         guint32 new_refcnt, ReclaimId referrer, guint32 slot)
{
  emit (heap, kind, 0, 0, obj, referrer, new_refcnt, slot);
}

void
heap_gc_track (ReclaimHeap *heap, ReclaimId obj, ReclaimList list)
{
  g_assert (heap->objects[obj].list == RECLAIM_LIST_NONE);
  emit (heap, RECLAIM_EV_TRACK, list, 0, obj, 0, 0, 0);
}

G_ALWAYS_INLINE inline void
heap_gc_untrack (ReclaimHeap *heap, ReclaimId obj)
{
  Object *o = &heap->objects[obj];

  if (o->list != RECLAIM_LIST_NONE)
    emit (heap, RECLAIM_EV_UNTRACK, o->list, 0, obj, o->gc_prev, 0, 0);
}

void
heap_gc_move (ReclaimHeap *heap, ReclaimId obj, ReclaimList to)
{
  Object *o = &heap->objects[obj];

  g_assert (o->list != RECLAIM_LIST_NONE);
  emit (heap, RECLAIM_EV_GC_MOVE, o->list, to, obj, o->gc_prev, 0, 0);
}

void
heap_gc_merge (ReclaimHeap *heap, ReclaimList from, ReclaimList to)
{
  if (heap->lists[from].first == 0)
    return;
  emit (heap, RECLAIM_EV_GC_MERGE, from, to, 0, heap->lists[to].last, heap->lists[from].first, 0);
}

void
heap_set_counter (ReclaimHeap *heap, ReclaimCounter counter, gint32 value)
{
  if (heap->counters[counter] != value)
    emit (heap, RECLAIM_EV_COUNTER, counter, 0, 0, heap->counters[counter], value, 0);
}

void
heap_set_slot_value (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimValue value)
{
  emit (heap, RECLAIM_EV_SLOT_SET, 0, 0, obj, heap->objects[obj].slots[index].value, value, index);
}

G_ALWAYS_INLINE inline void
heap_free_object (ReclaimHeap *heap, ReclaimId obj, ReclaimFreedBy by)
{
  Object *o = &heap->objects[obj];
  guint16 b = 0;

  if (!counts_allocations (o->kind))
    ; /* frames, ranges...: not counted by the collector */
  else if (heap_freelist_room (heap, o))
    b |= RECLAIM_FREE_TO_FREELIST;
  else if (heap->counters[RECLAIM_COUNTER_COUNT0] > 0)
    b |= RECLAIM_FREE_COUNTED;
  emit (heap, RECLAIM_EV_FREE, by, b, obj, 0, 0, 0);
  if (heap->host.freed)
    heap->host.freed (heap, obj, heap->host_data);
}

void
heap_weakref_clear (ReclaimHeap *heap, ReclaimId weakref)
{
  Object *w = &heap->objects[weakref];

  if (w->wr_referent)
    emit (heap, RECLAIM_EV_WEAKREF_CLEAR, 0, 0, weakref, w->wr_referent, w->wr_prev, 0);
}

void
reclaim_heap_set_mode (ReclaimHeap *heap, ReclaimCollectorMode mode)
{
  if (heap->mode != mode)
    emit (heap, RECLAIM_EV_MODE, mode, heap->mode, 0, 0, 0, 0);
}

ReclaimCollectorMode
reclaim_heap_get_mode (ReclaimHeap *heap)
{
  return heap->mode;
}

/* Empties every free list, as a full collection does (clear_freelists);
 * each object given back lowers count0 while it is above zero. */
void
heap_clear_freelists (ReclaimHeap *heap)
{
  gint32 released = 0;

  for (int c = RECLAIM_COUNTER_FREELIST_LIST; c < RECLAIM_N_COUNTERS; c++)
    {
      released += heap->counters[c];
      heap_set_counter (heap, c, 0);
    }
  heap_set_counter (heap, RECLAIM_COUNTER_COUNT0,
                    MAX (0, heap->counters[RECLAIM_COUNTER_COUNT0] - released));
}

/* ---- allocation --------------------------------------------------------- */

/* A heap that drops its events never looks back at a freed object, so its
 * record and id can serve a new one, as CPython hands freed memory out
 * again.  Not at once: C code may still hold the id of an object freed a
 * moment ago (the collector's lists, a caller that is about to see it
 * died), so freed ids wait until reclaim_heap_reuse_freed_ids. */
void
heap_note_freed_id (ReclaimHeap *heap, ReclaimId obj)
{
  if (heap->freed_ids == NULL)
    heap->freed_ids = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  g_array_append_val (heap->freed_ids, obj);
}

guint
reclaim_heap_reuse_freed_ids (ReclaimHeap *heap, ReclaimVisitFunc forget, gpointer user_data)
{
  if (heap->freed_ids == NULL || heap->freed_ids->len == 0)
    return 0;
  guint n = heap->freed_ids->len;
  if (heap->reusable_ids == NULL)
    heap->reusable_ids = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  for (guint i = 0; i < n; i++)
    {
      ReclaimId id = g_array_index (heap->freed_ids, ReclaimId, i);
      if (forget)
        forget (id, user_data);
    }
  g_array_append_vals (heap->reusable_ids, heap->freed_ids->data, n);
  g_array_set_size (heap->freed_ids, 0);
  return n;
}

guint
reclaim_heap_n_freed_ids (ReclaimHeap *heap)
{
  return heap->freed_ids ? heap->freed_ids->len : 0;
}

static ReclaimId
reused_object_record (ReclaimHeap *heap)
{
  if (heap->reusable_ids == NULL || heap->reusable_ids->len == 0)
    return 0;
  ReclaimId id = g_array_index (heap->reusable_ids, ReclaimId, heap->reusable_ids->len - 1);
  g_array_set_size (heap->reusable_ids, heap->reusable_ids->len - 1);
  Object *o = &heap->objects[id];
  Slot *slots = o->slots;   /* heap_forget_slots kept them for this */
  guint32 slots_allocated = o->slots_allocated;
  memset (o, 0, sizeof (Object));
  o->slots = slots;
  o->slots_allocated = slots_allocated;
  return id;
}

static ReclaimId
fresh_object_record (ReclaimHeap *heap)
{
  if (heap->n_objects + 1 >= heap->objects_allocated)
    {
      guint32 old = heap->objects_allocated;
      heap->objects_allocated *= 2;
      heap->objects = g_renew (Object, heap->objects, heap->objects_allocated);
      memset (&heap->objects[old], 0, (heap->objects_allocated - old) * sizeof (Object));
    }
  return ++heap->n_objects;
}

static ReclaimId
new_object_record (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls, guint32 label,
                   ReclaimAllocFlags flags, guint tuple_size)
{
  ReclaimId id = reused_object_record (heap);
  if (id == 0)
    id = fresh_object_record (heap);
  Object *o = &heap->objects[id];
  o->kind = kind;
  o->cls = cls;
  o->label = label;
  o->alloc_flags = flags;
  o->tuple_size = MIN (tuple_size, 255);
  o->capacity = RECLAIM_CAPACITY_UNKNOWN;
  return id;
}

ReclaimId
heap_alloc_object (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls, guint32 label,
                   ReclaimAllocFlags flags, guint tuple_size)
{
  ReclaimId id = new_object_record (heap, kind, cls, label, flags, tuple_size);
  Object *o = &heap->objects[id];
  guint16 b = 0;

  if (heap_freelist_has_one (heap, o))
    b = RECLAIM_ALLOC_FROM_FREELIST;
  else if (counts_allocations (kind))
    b = RECLAIM_ALLOC_COUNTED;
  emit (heap, RECLAIM_EV_ALLOC, kind, b, id, cls, 0, 0);

  /* gc_alloc may start a collection before the object is tracked, so the
   * new object is never one of its candidates. */
  if (b & RECLAIM_ALLOC_COUNTED)
    heap_maybe_collect_on_alloc (heap);

  if (cls)
    {
      Object *c = &heap->objects[cls];
      heap_set_refcount_event (heap, RECLAIM_EV_INCREF, cls, c->refcnt + 1, id, G_MAXUINT32);
    }
  if (counts_allocations (kind) && !(flags & RECLAIM_ALLOC_UNTRACKED))
    heap_gc_track (heap, id, RECLAIM_LIST_GEN0);
  return id;
}

ReclaimId
reclaim_heap_alloc (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls,
                    const char *label, ReclaimAllocFlags flags)
{
  return reclaim_heap_alloc_interned (heap, kind, cls, label ? reclaim_intern (label) : 0, flags);
}

ReclaimId
reclaim_heap_alloc_interned (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls,
                             guint32 label, ReclaimAllocFlags flags)
{
  g_return_val_if_fail (reclaim_heap_is_live (heap), 0);
  g_return_val_if_fail (kind < RECLAIM_N_KINDS, 0);
  g_return_val_if_fail (cls == 0 || reclaim_heap_get_state (heap, cls) == RECLAIM_STATE_ALIVE, 0);

  if (kind == RECLAIM_KIND_GENERATOR)
    flags |= RECLAIM_ALLOC_HAS_FINALIZER;  /* every generator has tp_finalize */
  return heap_alloc_object (heap, kind, cls, label, flags, 0);
}

ReclaimId
reclaim_heap_alloc_tuple (ReclaimHeap *heap, guint size)
{
  g_return_val_if_fail (reclaim_heap_is_live (heap), 0);
  return heap_alloc_object (heap, RECLAIM_KIND_TUPLE, 0, 0, 0, size);
}

void
reclaim_heap_incref (ReclaimHeap *heap, ReclaimValue value)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  if (!reclaim_value_is_object (value))
    return;
  g_return_if_fail (reclaim_heap_get_state (heap, value) == RECLAIM_STATE_ALIVE);
  heap_set_refcount_event (heap, RECLAIM_EV_INCREF, value, heap->objects[value].refcnt + 1, 0, 0);
}

void
reclaim_heap_decref (ReclaimHeap *heap, ReclaimValue value)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  heap_decref_from (heap, value, 0, 0);
}

void
reclaim_heap_track (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_if_fail (reclaim_heap_get_state (heap, obj) == RECLAIM_STATE_ALIVE);
  if (heap->objects[obj].list == RECLAIM_LIST_NONE && reclaim_kind_is_gc (heap->objects[obj].kind))
    heap_gc_track (heap, obj, RECLAIM_LIST_GEN0);
}

void
reclaim_heap_untrack (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  g_return_if_fail (reclaim_heap_get_state (heap, obj) == RECLAIM_STATE_ALIVE);
  heap_gc_untrack (heap, obj);
}

/* _PyObject_GC_MAY_BE_TRACKED: a container, or a tuple that is tracked. */
gboolean
heap_may_be_tracked (ReclaimHeap *heap, ReclaimValue value)
{
  if (!reclaim_value_is_object (value))
    return FALSE;
  Object *o = &heap->objects[value];
  if (!reclaim_kind_is_gc (o->kind))
    return FALSE;
  if (o->kind == RECLAIM_KIND_TUPLE && o->cls == 0)
    return o->list != RECLAIM_LIST_NONE;
  return TRUE;
}

inline gboolean
heap_supports_weakrefs (ReclaimHeap *heap, ReclaimId obj)
{
  Object *o = &heap->objects[obj];
  /* a class based on list or dict adds __weakref__ */
  return (reclaim_kind_info (o->kind)->weakrefs || heap_is_container_subclass (o) ||
          (o->alloc_flags & RECLAIM_ALLOC_WEAKREFS)) &&
         !(o->alloc_flags & RECLAIM_ALLOC_NO_WEAKREFS);
}

/* ---- slots -------------------------------------------------------------- */

/* ---- list capacity ------------------------------------------------------ */

guint32
reclaim_list_resize (guint32 capacity, guint32 size, guint32 newsize)
{
  guint64 allocated = capacity == RECLAIM_CAPACITY_NO_ITEMS ? 0 : capacity;

  if (capacity == RECLAIM_CAPACITY_UNKNOWN)
    return capacity;
  /* room enough, and not more than twice what is needed: nothing moves
   * (an empty list without items keeps none) */
  if (allocated >= newsize && newsize >= (allocated >> 1))
    return capacity;
  if (newsize == 0)
    return 0;
  /* over-allocate by an eighth plus 6, rounded down to a multiple of 4,
   * unless the new size is nearer that than the old size */
  guint64 grown = ((guint64) newsize + (newsize >> 3) + 6) & ~(guint64) 3;
  if (newsize > size && newsize - size > grown - newsize)
    grown = ((guint64) newsize + 3) & ~(guint64) 3;
  return (guint32) MIN (grown, RECLAIM_CAPACITY_NO_ITEMS - 1);
}

/* An item put into a list (delta +1) or taken out (-1). */
static inline void
follow_list_resize (Object *o, int delta)
{
  if (o->kind == RECLAIM_KIND_LIST && o->capacity != RECLAIM_CAPACITY_UNKNOWN)
    o->capacity = reclaim_list_resize (o->capacity, o->n_slots, o->n_slots + delta);
}

guint32
reclaim_heap_get_capacity (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_val_if_fail (obj > 0 && obj <= heap->n_objects, RECLAIM_CAPACITY_UNKNOWN);
  return heap->objects[obj].capacity;
}

void
reclaim_heap_set_capacity (ReclaimHeap *heap, ReclaimId obj, guint32 capacity)
{
  g_return_if_fail (obj > 0 && obj <= heap->n_objects);
  heap->objects[obj].capacity = capacity;
}

static gboolean
check_slot_owner (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_val_if_fail (reclaim_heap_is_live (heap), FALSE);
  g_return_val_if_fail (obj > 0 && obj <= heap->n_objects, FALSE);
  g_return_val_if_fail (heap->objects[obj].state == RECLAIM_STATE_ALIVE, FALSE);
  return TRUE;
}

/* dict's MAINTAIN_TRACKING: an untracked dict starts being tracked when a
 * container is stored in it. */
static void
maintain_dict_tracking (ReclaimHeap *heap, ReclaimId obj, ReclaimValue value)
{
  Object *o = &heap->objects[obj];

  if (o->kind == RECLAIM_KIND_DICT && o->list == RECLAIM_LIST_NONE && heap_may_be_tracked (heap, value))
    heap_gc_track (heap, obj, RECLAIM_LIST_GEN0);
}

static void
slot_insert_interned (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimRole role,
                      guint32 label, ReclaimValue value)
{
  g_return_if_fail (index <= heap->objects[obj].n_slots);

  maintain_dict_tracking (heap, obj, value);
  follow_list_resize (&heap->objects[obj], +1);
  emit (heap, RECLAIM_EV_SLOT_INSERT, role, 0, obj, label, value, index);
}

void
reclaim_heap_slot_insert (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimRole role,
                          const char *label, ReclaimValue value)
{
  if (check_slot_owner (heap, obj))
    slot_insert_interned (heap, obj, index, role, label ? reclaim_intern (label) : 0, value);
}

guint
reclaim_heap_slot_append_interned (ReclaimHeap *heap, ReclaimId obj, ReclaimRole role,
                                   guint32 label, ReclaimValue value)
{
  if (!check_slot_owner (heap, obj))
    return 0;
  guint index = heap->objects[obj].n_slots;
  slot_insert_interned (heap, obj, index, role, label, value);
  return index;
}

void
reclaim_heap_reserve_slots (ReclaimHeap *heap, ReclaimId obj, guint n)
{
  if (check_slot_owner (heap, obj))
    heap_reserve_slots (heap, &heap->objects[obj], n);
}

guint
reclaim_heap_slot_append (ReclaimHeap *heap, ReclaimId obj, ReclaimRole role,
                          const char *label, ReclaimValue value)
{
  return reclaim_heap_slot_append_interned (heap, obj, role, label ? reclaim_intern (label) : 0, value);
}

void
reclaim_heap_slot_set (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimValue value)
{
  if (!check_slot_owner (heap, obj))
    return;
  g_return_if_fail (index < heap->objects[obj].n_slots);

  ReclaimValue old = heap->objects[obj].slots[index].value;
  maintain_dict_tracking (heap, obj, value);
  heap_set_slot_value (heap, obj, index, value);
  heap_decref_from (heap, old, obj, index);
}

ReclaimValue
reclaim_heap_slot_take (ReclaimHeap *heap, ReclaimId obj, guint index)
{
  if (!check_slot_owner (heap, obj))
    return RECLAIM_VALUE_NONE;
  g_return_val_if_fail (index < heap->objects[obj].n_slots, RECLAIM_VALUE_NONE);

  Slot s = heap->objects[obj].slots[index];
  follow_list_resize (&heap->objects[obj], -1);
  emit (heap, RECLAIM_EV_SLOT_REMOVE, s.role, 0, obj, s.label, s.value, index);
  return s.value;
}

/* ---- weak references ---------------------------------------------------- */

static gboolean
is_basic (ReclaimHeap *heap, ReclaimId wr, ReclaimKind kind)
{
  Object *w = &heap->objects[wr];
  return w->kind == kind && w->cls == 0 && w->n_slots == 0;
}

/* get_basic_refs: a callback-less exact ref at the head, then a
 * callback-less proxy. */
static void
get_basic_refs (ReclaimHeap *heap, ReclaimId referent, ReclaimId *ref, ReclaimId *proxy)
{
  ReclaimId head = heap->objects[referent].wr_first;

  *ref = *proxy = 0;
  if (head && is_basic (heap, head, RECLAIM_KIND_WEAKREF))
    {
      *ref = head;
      head = heap->objects[head].wr_next;
    }
  if (head && is_basic (heap, head, RECLAIM_KIND_PROXY))
    *proxy = head;
}

ReclaimId
reclaim_heap_weakref_new (ReclaimHeap *heap, ReclaimKind kind, ReclaimId referent,
                          ReclaimId callback, ReclaimId subclass)
{
  return reclaim_heap_weakref_new_full (heap, kind, referent, callback, subclass, RECLAIM_ALLOC_DEFAULT);
}

ReclaimId
reclaim_heap_weakref_new_full (ReclaimHeap *heap, ReclaimKind kind, ReclaimId referent,
                               ReclaimId callback, ReclaimId subclass, ReclaimAllocFlags flags)
{
  ReclaimId ref, proxy;

  g_return_val_if_fail (reclaim_heap_is_live (heap), 0);
  g_return_val_if_fail (kind == RECLAIM_KIND_WEAKREF || kind == RECLAIM_KIND_PROXY, 0);
  g_return_val_if_fail (reclaim_heap_get_state (heap, referent) == RECLAIM_STATE_ALIVE, 0);
  g_return_val_if_fail (heap_supports_weakrefs (heap, referent), 0);

  get_basic_refs (heap, referent, &ref, &proxy);
  gboolean basic = callback == 0 && subclass == 0;
  ReclaimId existing = kind == RECLAIM_KIND_WEAKREF ? ref : proxy;
  if (basic && existing)
    {
      reclaim_heap_incref (heap, existing);
      return existing;
    }

  /* The allocation may run a collection that changes the referent's list,
   * so the basic refs are looked up again afterwards, as CPython does. */
  ReclaimId wr = heap_alloc_object (heap, kind, subclass, 0, flags, 0);
  if (callback)
    {
      reclaim_heap_incref (heap, callback);
      emit (heap, RECLAIM_EV_SLOT_INSERT, RECLAIM_ROLE_CALLBACK, 0, wr,
            reclaim_intern ("callback"), callback, 0);
    }
  get_basic_refs (heap, referent, &ref, &proxy);
  if (basic && kind == RECLAIM_KIND_PROXY && proxy)
    {
      /* someone else added a basic proxy meanwhile: use that one */
      reclaim_heap_decref (heap, wr);
      reclaim_heap_incref (heap, proxy);
      return proxy;
    }
  ReclaimId prev = 0;
  if (basic && kind == RECLAIM_KIND_WEAKREF)
    prev = 0;
  else if (basic)
    prev = ref;
  else
    prev = proxy ? proxy : ref;
  emit (heap, RECLAIM_EV_WEAKREF_LINK, 0, 0, wr, referent, prev, 0);
  return wr;
}

ReclaimId
reclaim_heap_weakref_get_referent (ReclaimHeap *heap, ReclaimId weakref)
{
  g_return_val_if_fail (weakref > 0 && weakref <= heap->n_objects, 0);
  return heap->objects[weakref].wr_referent;
}

ReclaimId
reclaim_heap_weakref_first (ReclaimHeap *heap, ReclaimId referent)
{
  g_return_val_if_fail (referent > 0 && referent <= heap->n_objects, 0);
  return heap->objects[referent].wr_first;
}

ReclaimId
reclaim_heap_weakref_next (ReclaimHeap *heap, ReclaimId weakref)
{
  g_return_val_if_fail (weakref > 0 && weakref <= heap->n_objects, 0);
  return heap->objects[weakref].wr_next;
}

guint
reclaim_heap_weakref_count (ReclaimHeap *heap, ReclaimId referent)
{
  guint n = 0;
  for (ReclaimId w = reclaim_heap_weakref_first (heap, referent); w; w = heap->objects[w].wr_next)
    n++;
  return n;
}

void
reclaim_heap_set_instance_dict (ReclaimHeap *heap, ReclaimId obj, ReclaimId dict)
{
  g_return_if_fail (check_slot_owner (heap, obj));
  ReclaimId old = heap->objects[obj].dict;
  emit (heap, RECLAIM_EV_DICT_SET, 0, 0, obj, old, dict, 0);
  heap_decref_from (heap, old, obj, RECLAIM_SLOT_INSTANCE_DICT);
}

ReclaimId
reclaim_heap_get_instance_dict (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_val_if_fail (obj > 0 && obj <= heap->n_objects, 0);
  return heap->objects[obj].dict;
}
