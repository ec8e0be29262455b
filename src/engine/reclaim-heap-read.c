/* reclaim-heap-read.c: reading the state at the current position.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-heap-private.h"

/* ---- reading ------------------------------------------------------------ */

guint32
reclaim_heap_n_objects (ReclaimHeap *heap)
{
  return heap->n_objects;
}

guint32
reclaim_heap_n_alive (ReclaimHeap *heap)
{
  return heap->n_alive;
}

#define CHECK_ID(heap, obj, val) \
  g_return_val_if_fail ((obj) > 0 && (obj) <= (heap)->n_objects, val)

ReclaimState
reclaim_heap_get_state (ReclaimHeap *heap, ReclaimId obj)
{
  if (obj == 0 || obj > heap->n_objects)
    return RECLAIM_STATE_UNBORN;
  return heap->objects[obj].state;
}

ReclaimKind
reclaim_heap_get_kind (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, RECLAIM_KIND_OBJECT);
  return heap->objects[obj].kind;
}

ReclaimId
reclaim_heap_get_class (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap->objects[obj].cls;
}

const char *
reclaim_heap_get_label (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, NULL);
  return reclaim_interned (heap->objects[obj].label);
}

const char *
reclaim_heap_get_type_name (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, NULL);
  Object *o = &heap->objects[obj];
  if (o->cls && heap->objects[o->cls].label)
    return reclaim_interned (heap->objects[o->cls].label);
  return reclaim_kind_name (o->kind);
}

guint32
reclaim_heap_get_refcount (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap->objects[obj].refcnt;
}

gint32
reclaim_heap_get_gc_refs (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap_gc_refs (heap, obj);
}

guint
reclaim_heap_get_flags (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  guint flags = heap_gc_flags (heap, obj);
  ReclaimList list = heap->objects[obj].list;
  if (list != RECLAIM_LIST_NONE)
    flags |= RECLAIM_FLAG_TRACKED;
  if (list == RECLAIM_LIST_UNREACHABLE || list == RECLAIM_LIST_FINAL_UNREACHABLE)
    flags |= RECLAIM_FLAG_UNREACHABLE;
  return flags;
}

ReclaimAllocFlags
reclaim_heap_get_alloc_flags (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap->objects[obj].alloc_flags;
}

void
reclaim_heap_watch (ReclaimHeap *heap, ReclaimId obj)
{
  g_return_if_fail (obj > 0 && obj <= heap->n_objects);
  heap->objects[obj].watched = TRUE;
  heap->watch_version++;
}

gboolean
reclaim_heap_is_watched (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, FALSE);
  return heap->objects[obj].watched;
}

guint32
reclaim_heap_get_watch_version (ReclaimHeap *heap)
{
  return heap->watch_version;
}

ReclaimList
reclaim_heap_get_list (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, RECLAIM_LIST_NONE);
  return heap->objects[obj].list;
}

int
reclaim_heap_get_generation (ReclaimHeap *heap, ReclaimId obj)
{
  switch (reclaim_heap_get_list (heap, obj))
    {
    case RECLAIM_LIST_GEN0: return 0;
    case RECLAIM_LIST_GEN1: return 1;
    case RECLAIM_LIST_GEN2: return 2;
    case RECLAIM_LIST_PERMANENT: return 3;
    default: return -1;
    }
}

ReclaimFreedBy
reclaim_heap_get_freed_by (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, RECLAIM_FREED_BY_REFCOUNT);
  return heap->objects[obj].freed_by;
}

guint
reclaim_heap_n_slots (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap->objects[obj].n_slots;
}

ReclaimValue
reclaim_heap_slot_get (ReclaimHeap *heap, ReclaimId obj, guint index)
{
  CHECK_ID (heap, obj, RECLAIM_VALUE_NONE);
  g_return_val_if_fail (index < heap->objects[obj].n_slots, RECLAIM_VALUE_NONE);
  return heap->objects[obj].slots[index].value;
}

gboolean
reclaim_heap_slot_get_pair (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimValue *first, ReclaimValue *second)
{
  CHECK_ID (heap, obj, FALSE);
  const Object *o = &heap->objects[obj];
  if ((guint64) index + 1 >= o->n_slots)
    return FALSE;
  *first = o->slots[index].value;
  *second = o->slots[index + 1].value;
  return TRUE;
}

ReclaimRole
reclaim_heap_slot_get_role (ReclaimHeap *heap, ReclaimId obj, guint index)
{
  CHECK_ID (heap, obj, RECLAIM_ROLE_OTHER);
  g_return_val_if_fail (index < heap->objects[obj].n_slots, RECLAIM_ROLE_OTHER);
  return heap->objects[obj].slots[index].role;
}

const char *
reclaim_heap_slot_get_label (ReclaimHeap *heap, ReclaimId obj, guint index)
{
  CHECK_ID (heap, obj, NULL);
  g_return_val_if_fail (index < heap->objects[obj].n_slots, NULL);
  return reclaim_interned (heap->objects[obj].slots[index].label);
}

ReclaimId
reclaim_heap_list_first (ReclaimHeap *heap, ReclaimList list)
{
  g_return_val_if_fail (list < RECLAIM_N_LISTS, 0);
  return heap->lists[list].first;
}

ReclaimId
reclaim_heap_list_next (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, 0);
  return heap->objects[obj].gc_next;
}

guint
reclaim_heap_list_length (ReclaimHeap *heap, ReclaimList list)
{
  g_return_val_if_fail (list < RECLAIM_N_LISTS, 0);
  return heap->lists[list].length;
}

/* tp_traverse order: list and tuple last to first; a dict visits each
 * value before its key; an instance visits its class last. */
void
reclaim_heap_traverse (ReclaimHeap *heap, ReclaimId obj, ReclaimVisitFunc visit, gpointer user_data)
{
  g_return_if_fail (obj > 0 && obj <= heap->n_objects);
  Object *o = &heap->objects[obj];
  guint n = o->n_slots;
  /* subtype_traverse of a class based on list or dict: the instance dict
   * and the class, then the base type's items */
  gboolean class_first = heap_is_container_subclass (o);

  if (o->dict)
    visit (o->dict, user_data);
  if (class_first)
    visit (o->cls, user_data);
  if (reclaim_kind_info (o->kind)->dealloc_order == ORDER_REVERSE)
    {
      for (guint i = n; i-- > 0;)
        if (reclaim_value_is_object (o->slots[i].value))
          visit (o->slots[i].value, user_data);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          Slot *s = &o->slots[i];
          if (s->role == RECLAIM_ROLE_KEY && i + 1 < n)
            {
              if (reclaim_value_is_object (o->slots[i + 1].value))
                visit (o->slots[i + 1].value, user_data);
              if (reclaim_value_is_object (s->value))
                visit (s->value, user_data);
              i++;
            }
          else if (reclaim_value_is_object (s->value))
            visit (s->value, user_data);
        }
    }
  if (o->cls && !class_first)
    visit (o->cls, user_data);
}

void
reclaim_heap_set_garbage_list (ReclaimHeap *heap, ReclaimId list)
{
  heap->garbage_list = list;
}

gboolean
reclaim_heap_is_collecting (ReclaimHeap *heap)
{
  return heap->collecting;
}

gint32
reclaim_heap_get_counter (ReclaimHeap *heap, ReclaimCounter counter)
{
  g_return_val_if_fail (counter < RECLAIM_N_COUNTERS, 0);
  return heap->counters[counter];
}

void
reclaim_heap_set_counter (ReclaimHeap *heap, ReclaimCounter counter, gint32 value)
{
  g_return_if_fail (reclaim_heap_is_live (heap));
  g_return_if_fail (counter < RECLAIM_N_COUNTERS);
  heap_set_counter (heap, counter, value);
}
