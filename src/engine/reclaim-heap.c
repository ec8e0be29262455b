/* reclaim-heap.c: objects, slots, the event log and time travel.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of state is an event.  reclaim_heap_emit() applies an event
 * with apply_event() and appends it to the log; reclaim_heap_seek() moves
 * through the log with the same function, forwards or backwards.  Because
 * live execution and time travel share one code path, the state after
 * seeking back and forth is the state that was live.
 */
#include "reclaim-heap-private.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Immediates: bit 31 set.  Bit 30 set: a 30-bit signed int; else a quark
 * holding the repr. */
#define VALUE_IMMEDIATE (1u << 31)
#define VALUE_INT       (1u << 30)
#define VALUE_PAYLOAD   (VALUE_INT - 1)

ReclaimValue
reclaim_value_int (gint32 n)
{
  if (n >= -(1 << 29) && n < (1 << 29))
    return VALUE_IMMEDIATE | VALUE_INT | ((guint32) n & VALUE_PAYLOAD);

  char buf[16];
  g_snprintf (buf, sizeof buf, "%d", n);
  return reclaim_value_text (buf);
}

ReclaimValue
reclaim_value_text (const char *repr)
{
  GQuark q = g_quark_from_string (repr);
  g_return_val_if_fail (q < VALUE_INT, RECLAIM_VALUE_NONE);
  return VALUE_IMMEDIATE | q;
}

gboolean
reclaim_value_is_object (ReclaimValue value)
{
  return value != RECLAIM_VALUE_NONE && !(value & VALUE_IMMEDIATE);
}

gboolean
reclaim_value_is_immediate (ReclaimValue value)
{
  return (value & VALUE_IMMEDIATE) != 0;
}

gboolean
reclaim_value_is_int (ReclaimValue value)
{
  return (value & (VALUE_IMMEDIATE | VALUE_INT)) == (VALUE_IMMEDIATE | VALUE_INT);
}

gint32
reclaim_value_get_int (ReclaimValue value)
{
  g_return_val_if_fail (reclaim_value_is_int (value), 0);
  /* sign-extend the 30-bit payload */
  return ((gint32) ((value & VALUE_PAYLOAD) << 2)) >> 2;
}

char *
reclaim_value_dup_repr (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value))
    return NULL;
  if (reclaim_value_is_int (value))
    return g_strdup_printf ("%d", reclaim_value_get_int (value));
  return g_strdup (g_quark_to_string (value & VALUE_PAYLOAD));
}

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
  [RECLAIM_KIND_FRAME]     = { "frame",         0, 0, 0, 0, ORDER_FORWARD, CLEAR_NONE },
  [RECLAIM_KIND_OBJECT]    = { "object",        1, 0, 0, 0, ORDER_FORWARD, CLEAR_EACH },
};

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
  return heap;
}

void
reclaim_heap_free (ReclaimHeap *heap)
{
  if (heap == NULL)
    return;
  for (guint32 id = 1; id <= heap->n_objects; id++)
    g_free (heap->objects[id].slots);
  g_free (heap->objects);
  for (guint64 c = 0; c * EVENTS_PER_CHUNK < heap->n_events; c++)
    free (heap->event_chunks[c]);
  g_free (heap->event_chunks);
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

/* ---- collector lists ---------------------------------------------------- */

static void
list_insert_after (ReclaimHeap *heap, ReclaimList list, ReclaimId prev, ReclaimId obj)
{
  GcList *l = &heap->lists[list];
  Object *o = &heap->objects[obj];
  ReclaimId next = prev ? heap->objects[prev].gc_next : l->first;

  o->gc_prev = prev;
  o->gc_next = next;
  o->list = list;
  if (prev)
    heap->objects[prev].gc_next = obj;
  else
    l->first = obj;
  if (next)
    heap->objects[next].gc_prev = obj;
  else
    l->last = obj;
  l->length++;
}

static void
list_unlink (ReclaimHeap *heap, ReclaimId obj)
{
  Object *o = &heap->objects[obj];
  GcList *l = &heap->lists[o->list];

  if (o->gc_prev)
    heap->objects[o->gc_prev].gc_next = o->gc_next;
  else
    l->first = o->gc_next;
  if (o->gc_next)
    heap->objects[o->gc_next].gc_prev = o->gc_prev;
  else
    l->last = o->gc_prev;
  l->length--;
  o->gc_prev = o->gc_next = 0;
  o->list = RECLAIM_LIST_NONE;
}

/* Moves every object of `from` to the end of `to`. */
static void
list_splice (ReclaimHeap *heap, ReclaimList from, ReclaimList to)
{
  GcList *f = &heap->lists[from], *t = &heap->lists[to];

  if (f->first == 0)
    return;
  for (ReclaimId id = f->first; id; id = heap->objects[id].gc_next)
    heap->objects[id].list = to;
  heap->objects[f->first].gc_prev = t->last;
  if (t->last)
    heap->objects[t->last].gc_next = f->first;
  else
    t->first = f->first;
  t->last = f->last;
  t->length += f->length;
  f->first = f->last = 0;
  f->length = 0;
}

/* Undoes list_splice: the objects of `to` after `cut` go back to `from`. */
static void
list_split (ReclaimHeap *heap, ReclaimList to, ReclaimId cut, ReclaimList from)
{
  GcList *f = &heap->lists[from], *t = &heap->lists[to];
  ReclaimId first = cut ? heap->objects[cut].gc_next : t->first;
  guint32 n = 0;

  g_assert (f->first == 0);
  if (first == 0)
    return;
  for (ReclaimId id = first; id; id = heap->objects[id].gc_next)
    {
      heap->objects[id].list = from;
      n++;
    }
  f->first = first;
  f->last = t->last;
  f->length = n;
  heap->objects[first].gc_prev = 0;
  t->last = cut;
  if (cut)
    heap->objects[cut].gc_next = 0;
  else
    t->first = 0;
  t->length -= n;
}

/* ---- weakref lists ------------------------------------------------------ */

static void
weaklist_insert_after (ReclaimHeap *heap, ReclaimId referent, ReclaimId prev, ReclaimId wr)
{
  Object *w = &heap->objects[wr];
  ReclaimId next = prev ? heap->objects[prev].wr_next : heap->objects[referent].wr_first;

  w->wr_referent = referent;
  w->wr_prev = prev;
  w->wr_next = next;
  if (prev)
    heap->objects[prev].wr_next = wr;
  else
    heap->objects[referent].wr_first = wr;
  if (next)
    heap->objects[next].wr_prev = wr;
}

static void
weaklist_unlink (ReclaimHeap *heap, ReclaimId wr)
{
  Object *w = &heap->objects[wr];

  if (w->wr_prev)
    heap->objects[w->wr_prev].wr_next = w->wr_next;
  else
    heap->objects[w->wr_referent].wr_first = w->wr_next;
  if (w->wr_next)
    heap->objects[w->wr_next].wr_prev = w->wr_prev;
  w->wr_prev = w->wr_next = 0;
  w->wr_referent = 0;
}

/* ---- slots -------------------------------------------------------------- */

static void
slots_insert (Object *o, guint index, ReclaimValue value, GQuark label, guint8 role)
{
  g_assert (index <= o->n_slots);
  if (o->n_slots == o->slots_allocated)
    {
      o->slots_allocated = MAX (1, o->slots_allocated * 2);
      o->slots = g_renew (Slot, o->slots, o->slots_allocated);
    }
  memmove (&o->slots[index + 1], &o->slots[index], (o->n_slots - index) * sizeof (Slot));
  o->slots[index] = (Slot) { value, label, role };
  o->n_slots++;
}

static void
slots_remove (Object *o, guint index)
{
  g_assert (index < o->n_slots);
  memmove (&o->slots[index], &o->slots[index + 1], (o->n_slots - index - 1) * sizeof (Slot));
  o->n_slots--;
}

/* ---- applying events ---------------------------------------------------- */

static ReclaimCounter
freelist_counter (const Object *o)
{
  switch (o->kind)
    {
    case RECLAIM_KIND_LIST:
      return RECLAIM_COUNTER_FREELIST_LIST;
    case RECLAIM_KIND_DICT:
      return RECLAIM_COUNTER_FREELIST_DICT;
    case RECLAIM_KIND_TUPLE:
      return RECLAIM_COUNTER_FREELIST_TUPLE1 + o->tuple_size - 1;
    default:
      g_assert_not_reached ();
    }
}

/* CPython 3.11 keeps freed lists, dicts and small tuples for reuse; taking
 * one from a free list or putting one back does not move count0.  Tuples of
 * size 20 are kept but never reused (maybe_freelist_pop takes size < 20). */
#define LIST_MAXFREELIST  80
#define DICT_MAXFREELIST  80
#define TUPLE_MAXFREELIST 2000
#define TUPLE_NFREELISTS  20

static gboolean
has_freelist (const Object *o)
{
  if (o->alloc_flags & RECLAIM_ALLOC_NO_FREELIST)
    return FALSE;
  return o->kind == RECLAIM_KIND_LIST || o->kind == RECLAIM_KIND_DICT ||
         (o->kind == RECLAIM_KIND_TUPLE && o->tuple_size >= 1 && o->tuple_size <= TUPLE_NFREELISTS);
}

static gboolean
freelist_room (ReclaimHeap *heap, const Object *o)
{
  if (!has_freelist (o))
    return FALSE;
  int limit = o->kind == RECLAIM_KIND_TUPLE ? TUPLE_MAXFREELIST
            : o->kind == RECLAIM_KIND_LIST ? LIST_MAXFREELIST : DICT_MAXFREELIST;
  return heap->counters[freelist_counter (o)] < limit;
}

static gboolean
freelist_has_one (ReclaimHeap *heap, const Object *o)
{
  if (!has_freelist (o) || (o->kind == RECLAIM_KIND_TUPLE && o->tuple_size >= TUPLE_NFREELISTS))
    return FALSE;
  return heap->counters[freelist_counter (o)] > 0;
}

/* Applies one event forwards (forward = TRUE) or takes it back. */
static void
apply_event (ReclaimHeap *heap, const ReclaimEvent *e, gboolean forward)
{
  Object *o = e->obj ? &heap->objects[e->obj] : NULL;
  int sign = forward ? 1 : -1;

  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_ALLOC:
      o->state = forward ? RECLAIM_STATE_ALIVE : RECLAIM_STATE_UNBORN;
      o->refcnt = forward ? 1 : 0;
      o->gc_word = 0;
      if (e->b & RECLAIM_ALLOC_COUNTED)
        heap->counters[RECLAIM_COUNTER_COUNT0] += sign;
      if (e->b & RECLAIM_ALLOC_FROM_FREELIST)
        heap->counters[freelist_counter (o)] -= sign;
      break;

    case RECLAIM_EV_INCREF:
      o->refcnt = forward ? e->y : e->y - 1;
      break;

    case RECLAIM_EV_DECREF:
      o->refcnt = forward ? e->y : e->y + 1;
      break;

    case RECLAIM_EV_SLOT_SET:
      o->slots[e->z].value = forward ? e->y : e->x;
      break;

    case RECLAIM_EV_SLOT_INSERT:
      if (forward)
        slots_insert (o, e->z, e->y, e->x, e->a);
      else
        slots_remove (o, e->z);
      break;

    case RECLAIM_EV_SLOT_REMOVE:
      if (forward)
        slots_remove (o, e->z);
      else
        slots_insert (o, e->z, e->y, e->x, e->a);
      break;

    case RECLAIM_EV_FREE:
      o->state = forward ? RECLAIM_STATE_FREED : RECLAIM_STATE_ALIVE;
      o->freed_by = forward ? e->a : 0;
      if (e->b & RECLAIM_FREE_COUNTED)
        heap->counters[RECLAIM_COUNTER_COUNT0] -= sign;
      if (e->b & RECLAIM_FREE_TO_FREELIST)
        heap->counters[freelist_counter (o)] += sign;
      break;

    case RECLAIM_EV_TRACK:
      if (forward)
        list_insert_after (heap, e->a, heap->lists[e->a].last, e->obj);
      else
        list_unlink (heap, e->obj);
      break;

    case RECLAIM_EV_UNTRACK:
      if (forward)
        list_unlink (heap, e->obj);
      else
        list_insert_after (heap, e->a, e->x, e->obj);
      break;

    case RECLAIM_EV_GC_MOVE:
      list_unlink (heap, e->obj);
      if (forward)
        list_insert_after (heap, e->b, heap->lists[e->b].last, e->obj);
      else
        list_insert_after (heap, e->a, e->x, e->obj);
      break;

    case RECLAIM_EV_GC_MERGE:
      if (forward)
        list_splice (heap, e->a, e->b);
      else
        list_split (heap, e->b, e->x, e->a);
      break;

    case RECLAIM_EV_GC_WORD:
      o->gc_word = forward ? e->y : e->x;
      break;

    case RECLAIM_EV_COUNTER:
      heap->counters[e->a] = forward ? (gint32) e->y : (gint32) e->x;
      break;

    case RECLAIM_EV_WEAKREF_LINK:
      if (forward)
        weaklist_insert_after (heap, e->x, e->y, e->obj);
      else
        weaklist_unlink (heap, e->obj);
      break;

    case RECLAIM_EV_WEAKREF_CLEAR:
      if (forward)
        weaklist_unlink (heap, e->obj);
      else
        weaklist_insert_after (heap, e->x, e->y, e->obj);
      break;

    case RECLAIM_EV_MODE:
      heap->mode = forward ? e->a : e->b;
      break;

    case RECLAIM_EV_LINE:
    case RECLAIM_EV_FINALIZE:
    case RECLAIM_EV_FINALIZE_END:
    case RECLAIM_EV_CALLBACK:
    case RECLAIM_EV_CALLBACK_END:
    case RECLAIM_EV_RESURRECTED:
    case RECLAIM_EV_GC_START:
    case RECLAIM_EV_GC_PHASE:
    case RECLAIM_EV_GC_END:
    case RECLAIM_N_EVENT_KINDS:
      break;
    }
}

/* The log grows by megabytes at a time; on Linux, huge pages spare the
 * page faults of touching it for the first time. */
static ReclaimEvent *
new_event_chunk (void)
{
  gsize size = EVENTS_PER_CHUNK * sizeof (ReclaimEvent);
  void *chunk = NULL;

#ifdef MADV_HUGEPAGE
  if (posix_memalign (&chunk, 2 << 20, size) == 0)
    {
      madvise (chunk, size, MADV_HUGEPAGE);
      return chunk;
    }
#endif
  chunk = g_malloc (size);
  return chunk;
}

void
reclaim_heap_emit (ReclaimHeap *heap, const ReclaimEvent *event)
{
  g_return_if_fail (reclaim_heap_is_live (heap));

  guint64 chunk = heap->n_events >> EVENTS_PER_CHUNK_SHIFT;
  if (chunk >= heap->n_chunks_allocated)
    {
      heap->n_chunks_allocated = MAX (16, heap->n_chunks_allocated * 2);
      heap->event_chunks = g_renew (ReclaimEvent *, heap->event_chunks, heap->n_chunks_allocated);
    }
  if ((heap->n_events & (EVENTS_PER_CHUNK - 1)) == 0)
    heap->event_chunks[chunk] = new_event_chunk ();

  ReclaimEvent *slot = &heap->event_chunks[chunk][heap->n_events & (EVENTS_PER_CHUNK - 1)];
  *slot = *event;
  slot->line = heap->line;
  apply_event (heap, slot, TRUE);
  heap->n_events++;
  heap->position = heap->n_events;
}

void
heap_emit_event (ReclaimHeap *heap, ReclaimEventKind kind, guint8 a, guint16 b,
                 ReclaimId obj, guint32 x, guint32 y, guint32 z)
{
  ReclaimEvent e = { .kind = kind, .a = a, .b = b, .obj = obj, .x = x, .y = y, .z = z };
  reclaim_heap_emit (heap, &e);
}

#define emit heap_emit_event

guint64
reclaim_heap_n_events (ReclaimHeap *heap)
{
  return heap->n_events;
}

const ReclaimEvent *
reclaim_heap_get_event (ReclaimHeap *heap, guint64 index)
{
  g_return_val_if_fail (index < heap->n_events, NULL);
  return &heap->event_chunks[index >> EVENTS_PER_CHUNK_SHIFT][index & (EVENTS_PER_CHUNK - 1)];
}

guint64
reclaim_heap_get_position (ReclaimHeap *heap)
{
  return heap->position;
}

gboolean
reclaim_heap_is_live (ReclaimHeap *heap)
{
  return heap->position == heap->n_events;
}

void
reclaim_heap_seek (ReclaimHeap *heap, guint64 position)
{
  g_return_if_fail (position <= heap->n_events);
  g_return_if_fail (!heap->collecting && heap->trash_nesting == 0);

  while (heap->position > position)
    {
      heap->position--;
      apply_event (heap, reclaim_heap_get_event (heap, heap->position), FALSE);
    }
  while (heap->position < position)
    {
      apply_event (heap, reclaim_heap_get_event (heap, heap->position), TRUE);
      heap->position++;
    }
}

void
reclaim_heap_set_line (ReclaimHeap *heap, guint line, guint depth)
{
  heap->line = line;
  emit (heap, RECLAIM_EV_LINE, 0, 0, 0, line, depth, 0);
}

/* ---- primitive changes -------------------------------------------------- */

void
heap_emit_note (ReclaimHeap *heap, ReclaimEventKind kind, ReclaimId obj, guint32 x, guint32 y)
{
  emit (heap, kind, heap->phase, 0, obj, x, y, 0);
}

void
heap_set_gc_word (ReclaimHeap *heap, ReclaimId obj, gint32 refs, guint flags)
{
  guint32 word = RECLAIM_GC_WORD (refs, flags);
  guint32 old = heap->objects[obj].gc_word;

  if (word != old)
    emit (heap, RECLAIM_EV_GC_WORD, heap->phase, 0, obj, old, word, 0);
}

void
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

void
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

void
heap_free_object (ReclaimHeap *heap, ReclaimId obj, ReclaimFreedBy by)
{
  Object *o = &heap->objects[obj];
  guint16 b = 0;

  if (o->kind == RECLAIM_KIND_FRAME)
    ; /* frames live on the interpreter's stack, not in the collector's count */
  else if (freelist_room (heap, o))
    b |= RECLAIM_FREE_TO_FREELIST;
  else if (heap->counters[RECLAIM_COUNTER_COUNT0] > 0)
    b |= RECLAIM_FREE_COUNTED;
  emit (heap, RECLAIM_EV_FREE, by, b, obj, 0, 0, 0);
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

static ReclaimId
new_object_record (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls, GQuark label,
                   ReclaimAllocFlags flags, guint tuple_size)
{
  if (heap->n_objects + 1 >= heap->objects_allocated)
    {
      guint32 old = heap->objects_allocated;
      heap->objects_allocated *= 2;
      heap->objects = g_renew (Object, heap->objects, heap->objects_allocated);
      memset (&heap->objects[old], 0, (heap->objects_allocated - old) * sizeof (Object));
    }
  ReclaimId id = ++heap->n_objects;
  Object *o = &heap->objects[id];
  o->kind = kind;
  o->cls = cls;
  o->label = label;
  o->alloc_flags = flags;
  o->tuple_size = MIN (tuple_size, 255);
  return id;
}

ReclaimId
heap_alloc_object (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls, GQuark label,
                   ReclaimAllocFlags flags, guint tuple_size)
{
  const KindInfo *info = reclaim_kind_info (kind);
  ReclaimId id = new_object_record (heap, kind, cls, label, flags, tuple_size);
  Object *o = &heap->objects[id];
  guint16 b = 0;

  if (freelist_has_one (heap, o))
    b = RECLAIM_ALLOC_FROM_FREELIST;
  else if (info->is_gc)
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
  if (info->is_gc && !(flags & RECLAIM_ALLOC_UNTRACKED))
    heap_gc_track (heap, id, RECLAIM_LIST_GEN0);
  return id;
}

ReclaimId
reclaim_heap_alloc (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls,
                    const char *label, ReclaimAllocFlags flags)
{
  g_return_val_if_fail (reclaim_heap_is_live (heap), 0);
  g_return_val_if_fail (kind < RECLAIM_N_KINDS, 0);
  g_return_val_if_fail (cls == 0 || reclaim_heap_get_state (heap, cls) == RECLAIM_STATE_ALIVE, 0);

  if (kind == RECLAIM_KIND_GENERATOR)
    flags |= RECLAIM_ALLOC_HAS_FINALIZER;  /* every generator has tp_finalize */
  return heap_alloc_object (heap, kind, cls, label ? g_quark_from_string (label) : 0, flags, 0);
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

gboolean
heap_supports_weakrefs (ReclaimHeap *heap, ReclaimId obj)
{
  Object *o = &heap->objects[obj];
  return reclaim_kind_info (o->kind)->weakrefs && !(o->alloc_flags & RECLAIM_ALLOC_NO_WEAKREFS);
}

/* ---- slots -------------------------------------------------------------- */

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

void
reclaim_heap_slot_insert (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimRole role,
                          const char *label, ReclaimValue value)
{
  if (!check_slot_owner (heap, obj))
    return;
  g_return_if_fail (index <= heap->objects[obj].n_slots);

  maintain_dict_tracking (heap, obj, value);
  emit (heap, RECLAIM_EV_SLOT_INSERT, role, 0, obj,
        label ? g_quark_from_string (label) : 0, value, index);
}

guint
reclaim_heap_slot_append (ReclaimHeap *heap, ReclaimId obj, ReclaimRole role,
                          const char *label, ReclaimValue value)
{
  if (!check_slot_owner (heap, obj))
    return 0;
  guint index = heap->objects[obj].n_slots;
  reclaim_heap_slot_insert (heap, obj, index, role, label, value);
  return index;
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
  ReclaimId wr = heap_alloc_object (heap, kind, subclass, 0, 0, 0);
  if (callback)
    {
      reclaim_heap_incref (heap, callback);
      emit (heap, RECLAIM_EV_SLOT_INSERT, RECLAIM_ROLE_CALLBACK, 0, wr,
            g_quark_from_static_string ("callback"), callback, 0);
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

/* ---- reading ------------------------------------------------------------ */

guint32
reclaim_heap_n_objects (ReclaimHeap *heap)
{
  return heap->n_objects;
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
  return g_quark_to_string (heap->objects[obj].label);
}

const char *
reclaim_heap_get_type_name (ReclaimHeap *heap, ReclaimId obj)
{
  CHECK_ID (heap, obj, NULL);
  Object *o = &heap->objects[obj];
  if (o->cls && heap->objects[o->cls].label)
    return g_quark_to_string (heap->objects[o->cls].label);
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
  return g_quark_to_string (heap->objects[obj].slots[index].label);
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
  if (o->cls)
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

static const char *event_kind_names[RECLAIM_N_EVENT_KINDS] = {
  "alloc", "incref", "decref", "slot_set", "slot_insert", "slot_remove", "free",
  "track", "untrack", "gc_move", "gc_merge", "gc_word", "counter",
  "weakref_link", "weakref_cleared", "mode", "line", "finalize", "finalize_end",
  "callback", "callback_end", "resurrected", "gc_start", "gc_phase", "gc_end",
};

const char *
reclaim_event_kind_name (ReclaimEventKind kind)
{
  g_return_val_if_fail (kind < RECLAIM_N_EVENT_KINDS, "?");
  return event_kind_names[kind];
}

static const char *phase_names[RECLAIM_N_PHASES] = {
  "none", "update_refs", "subtract_refs", "move_unreachable", "handle_weakrefs",
  "finalize_garbage", "check_garbage", "delete_garbage", "mark", "sweep",
};

const char *
reclaim_phase_name (ReclaimPhase phase)
{
  g_return_val_if_fail (phase < RECLAIM_N_PHASES, "?");
  return phase_names[phase];
}

/* FNV-1a over everything that time travel restores. */
static guint64
fnv (guint64 h, const void *data, gsize len)
{
  const guint8 *p = data;
  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

guint64
reclaim_heap_state_digest (ReclaimHeap *heap)
{
  guint64 h = 14695981039346656037ull;

  for (ReclaimId id = 1; id <= heap->n_objects; id++)
    {
      Object *o = &heap->objects[id];
      if (o->state == RECLAIM_STATE_UNBORN)
        continue;
      guint32 fields[] = { id, o->gc_prev, o->gc_next, o->refcnt, o->gc_word, o->wr_first,
                           o->wr_prev, o->wr_next, o->wr_referent, o->n_slots,
                           o->state, o->list, o->freed_by };
      h = fnv (h, fields, sizeof fields);
      for (guint i = 0; i < o->n_slots; i++)
        {
          guint32 s[] = { o->slots[i].value, o->slots[i].label, o->slots[i].role };
          h = fnv (h, s, sizeof s);
        }
    }
  h = fnv (h, heap->lists, sizeof heap->lists);
  h = fnv (h, heap->counters, sizeof heap->counters);
  h = fnv (h, &heap->mode, sizeof heap->mode);
  return h;
}

gsize
reclaim_heap_memory_size (ReclaimHeap *heap)
{
  gsize size = sizeof *heap + heap->objects_allocated * sizeof (Object);

  for (ReclaimId id = 1; id <= heap->n_objects; id++)
    size += heap->objects[id].slots_allocated * sizeof (Slot);
  size += ((heap->n_events + EVENTS_PER_CHUNK - 1) / EVENTS_PER_CHUNK) * EVENTS_PER_CHUNK * sizeof (ReclaimEvent);
  return size;
}
