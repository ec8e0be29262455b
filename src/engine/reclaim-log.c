/* reclaim-log.c: the event log, and time travel through it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of state is an event.  heap_emit_event() applies an event
 * with apply_event() and appends it to the log; reclaim_heap_seek() moves
 * through the log with the same function, forwards or backwards.  Because
 * live execution and time travel share one code path, the state after
 * seeking back and forth is the state that was live.
 */
#include "reclaim-event-store.h"

#include <string.h>

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
slots_insert (ReclaimHeap *heap, Object *o, guint index, ReclaimValue value, guint32 label, guint8 role)
{
  g_assert (index <= o->n_slots);
  if (o->n_slots == o->slots_allocated)
    heap_reserve_slots (heap, o, MAX (1, o->slots_allocated * 2));
  if (index < o->n_slots)   /* most slots are appended: nothing to move */
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

ReclaimCounter
heap_freelist_counter (const Object *o)
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

static inline gboolean
has_freelist (const Object *o)
{
  if (o->alloc_flags & RECLAIM_ALLOC_NO_FREELIST)
    return FALSE;
  return o->kind == RECLAIM_KIND_LIST || o->kind == RECLAIM_KIND_DICT ||
         (o->kind == RECLAIM_KIND_TUPLE && o->tuple_size >= 1 && o->tuple_size <= TUPLE_NFREELISTS);
}

inline gboolean
heap_freelist_room (ReclaimHeap *heap, const Object *o)
{
  if (!has_freelist (o))
    return FALSE;
  int limit = o->kind == RECLAIM_KIND_TUPLE ? TUPLE_MAXFREELIST
            : o->kind == RECLAIM_KIND_LIST ? LIST_MAXFREELIST : DICT_MAXFREELIST;
  return heap->counters[heap_freelist_counter (o)] < limit;
}

inline gboolean
heap_freelist_has_one (ReclaimHeap *heap, const Object *o)
{
  if (!has_freelist (o) || (o->kind == RECLAIM_KIND_TUPLE && o->tuple_size >= TUPLE_NFREELISTS))
    return FALSE;
  return heap->counters[heap_freelist_counter (o)] > 0;
}

/* Applies one event forwards (forward = TRUE) or takes it back.  Inlined
 * where it is called, so each place gets the half it uses. */
static inline G_ALWAYS_INLINE void
apply_event (ReclaimHeap *heap, const ReclaimEvent *e, gboolean forward)
{
  Object *o = e->obj ? &heap->objects[e->obj] : NULL;
  int sign = forward ? 1 : -1;

  if (o && G_UNLIKELY (o->watched) && e->kind != RECLAIM_EV_INCREF && e->kind != RECLAIM_EV_DECREF)
    heap->watch_version++;

  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_ALLOC:
      o->state = forward ? RECLAIM_STATE_ALIVE : RECLAIM_STATE_UNBORN;
      o->refcnt = forward ? 1 : 0;
      heap->n_alive += sign;
      o->gc_word = 0;
      if (e->b & RECLAIM_ALLOC_COUNTED)
        heap->counters[RECLAIM_COUNTER_COUNT0] += sign;
      if (e->b & RECLAIM_ALLOC_FROM_FREELIST)
        heap->counters[heap_freelist_counter (o)] -= sign;
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
        slots_insert (heap, o, e->z, e->y, e->x, e->a);
      else
        slots_remove (o, e->z);
      break;

    case RECLAIM_EV_SLOT_REMOVE:
      if (forward)
        slots_remove (o, e->z);
      else
        slots_insert (heap, o, e->z, e->y, e->x, e->a);
      break;

    case RECLAIM_EV_FREE:
      o->state = forward ? RECLAIM_STATE_FREED : RECLAIM_STATE_ALIVE;
      heap->n_alive -= sign;
      o->freed_by = forward ? e->a : 0;
      if (e->b & RECLAIM_FREE_COUNTED)
        heap->counters[RECLAIM_COUNTER_COUNT0] -= sign;
      if (e->b & RECLAIM_FREE_TO_FREELIST)
        heap->counters[heap_freelist_counter (o)] += sign;
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

    case RECLAIM_EV_DICT_SET:
      o->dict = forward ? e->y : e->x;
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

void
reclaim_heap_set_keep_events (ReclaimHeap *heap, gboolean keep)
{
  g_return_if_fail (heap->n_events == 0);
  heap->drop_events = !keep;
}

/* A heap that keeps no log empties a freed object's slots at once:
 * nobody will look back at it. */
static inline void
forget_freed (ReclaimHeap *heap, ReclaimId obj)
{
  heap_forget_slots (heap, &heap->objects[obj]);
  heap_note_freed_id (heap, obj);
}

/* Every change of state comes through here, millions of times a second.
 * apply_event and the packing are inlined into it, and it is inlined into
 * its callers in the engine's core (see src/engine/meson.build), where the
 * kind of event is known and the rest of it falls away. */
G_ALWAYS_INLINE inline void
heap_emit_event (ReclaimHeap *heap, ReclaimEventKind kind, guint8 a, guint16 b,
                 ReclaimId obj, guint32 x, guint32 y, guint32 z)
{
  const ReclaimEvent e = { .kind = kind, .a = a, .b = b, .obj = obj, .x = x, .y = y, .z = z };

  g_return_if_fail (reclaim_heap_is_live (heap));
  apply_event (heap, &e, TRUE);
  if (G_LIKELY (!heap->drop_events))
    {
      heap_events_append (heap, &e);
      heap->position = heap->n_events;
    }
  else if (kind == RECLAIM_EV_FREE)
    forget_freed (heap, obj);
}

guint64
reclaim_heap_n_events (ReclaimHeap *heap)
{
  return heap->n_events;
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
  g_return_if_fail (!heap->drop_events);
  g_return_if_fail (position <= heap->n_events);
  g_return_if_fail (!heap->collecting && heap->trash_nesting == 0);

  ReclaimEvent e;
  while (heap->position > position)
    {
      heap->position--;
      stored_event_unpack (heap, heap_stored_event (heap, heap->position), &e);
      apply_event (heap, &e, FALSE);
    }
  while (heap->position < position)
    {
      stored_event_unpack (heap, heap_stored_event (heap, heap->position), &e);
      apply_event (heap, &e, TRUE);
      heap->position++;
    }
}

void
reclaim_heap_set_line (ReclaimHeap *heap, guint line, guint depth)
{
  heap->line = line;
  heap_emit_event (heap, RECLAIM_EV_LINE, 0, 0, 0, line, depth, 0);
}

static const char *event_kind_names[RECLAIM_N_EVENT_KINDS] = {
  "alloc", "incref", "decref", "slot_set", "slot_insert", "slot_remove", "free",
  "track", "untrack", "gc_move", "gc_merge", "gc_word", "counter",
  "weakref_link", "weakref_cleared", "mode", "dict_set", "line", "finalize", "finalize_end",
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
                           o->wr_prev, o->wr_next, o->wr_referent, o->dict, o->n_slots,
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
  return sizeof *heap + heap->objects_allocated * sizeof (Object) + heap->slot_bytes +
         heap_events_memory_size (heap);
}

gsize
reclaim_heap_log_memory_size (ReclaimHeap *heap)
{
  return heap_events_memory_size (heap);
}
