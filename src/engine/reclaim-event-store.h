/* reclaim-event-store.h: how the event log packs an event into 16 bytes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readers see a ReclaimEvent (kind, a, b, obj, x, y, z: 20 bytes).  The log
 * keeps a StoredEvent of 16: obj, x and y as they are, and one head word
 *
 *   bits  0-4   kind
 *   bits  5-10  a
 *   bits 11-31  z for the events that name a slot (increfs, decrefs and
 *               slot changes), b for the others
 *
 * No event uses both b and z.  The third field is a signed 21-bit number,
 * so the slot numbers just below 2^32 that stand for an instance's class
 * (G_MAXUINT32) and its dict (G_MAXUINT32 - 1) fit as -1 and -2.  An event
 * whose values do not fit (a slot index past a million, say) is kept whole
 * in heap->overflow, and its record has kind STORED_OVERFLOW and x the
 * index there.
 *
 * The functions here are inline: every change of state goes through
 * heap_events_append, and time travel through stored_event_unpack.
 */
#pragma once

#include "reclaim-heap-private.h"

G_BEGIN_DECLS

#define HEAD_KIND_BITS   5
#define HEAD_A_BITS      6
#define HEAD_A_SHIFT     HEAD_KIND_BITS
#define HEAD_SMALL_SHIFT (HEAD_KIND_BITS + HEAD_A_BITS)
#define HEAD_SMALL_BITS  (32 - HEAD_SMALL_SHIFT)
#define SMALL_LIMIT      (1 << (HEAD_SMALL_BITS - 1))  /* the third field is in [-SMALL_LIMIT, SMALL_LIMIT) */
#define STORED_OVERFLOW  ((1 << HEAD_KIND_BITS) - 1)   /* the kind of a record kept in heap->overflow */

G_STATIC_ASSERT (RECLAIM_N_EVENT_KINDS < STORED_OVERFLOW);
G_STATIC_ASSERT (sizeof (StoredEvent) == 16);
G_STATIC_ASSERT (sizeof (ReclaimEvent) == 20);

/* The slow paths of heap_events_append (reclaim-event-store.c): a new
 * block of LINE_BLOCK events (and a new chunk at a chunk's start), and an
 * event too wide for 16 bytes. */
void heap_events_open_block (ReclaimHeap *heap);
void heap_events_overflow   (ReclaimHeap *heap, StoredEvent *stored, guint8 kind, guint8 a, guint16 b,
                             ReclaimId obj, guint32 x, guint32 y, guint32 z);

static inline StoredEvent *
heap_stored_event (ReclaimHeap *heap, guint64 index)
{
  return &heap->event_chunks[index >> EVENTS_PER_CHUNK_SHIFT][index & (EVENTS_PER_CHUNK - 1)];
}

/* The events that name a slot keep z in the head; the others keep b. */
#define KEEPS_Z_KINDS ((1u << RECLAIM_EV_INCREF) | (1u << RECLAIM_EV_DECREF) | (1u << RECLAIM_EV_SLOT_SET) | \
                       (1u << RECLAIM_EV_SLOT_INSERT) | (1u << RECLAIM_EV_SLOT_REMOVE))

static inline gboolean
stored_event_keeps_z (guint kind)
{
  return (KEEPS_Z_KINDS >> kind) & 1;
}

/* Packs e into s; FALSE (s untouched) when its values do not fit. */
static inline gboolean
stored_event_pack (const ReclaimEvent *e, StoredEvent *s)
{
  gboolean keeps_z = stored_event_keeps_z (e->kind);
  guint32 small = keeps_z ? e->z : e->b;
  guint32 unused = keeps_z ? e->b : e->z;

  /* small + SMALL_LIMIT wraps below 2 * SMALL_LIMIT just when small, read
   * as a signed number, is in [-SMALL_LIMIT, SMALL_LIMIT) */
  if (e->a >= (1 << HEAD_A_BITS) || unused != 0 || small + SMALL_LIMIT >= 2u * SMALL_LIMIT)
    return FALSE;
  s->head = e->kind | (guint32) e->a << HEAD_A_SHIFT | small << HEAD_SMALL_SHIFT;
  s->obj = e->obj;
  s->x = e->x;
  s->y = e->y;
  return TRUE;
}

static inline void
stored_event_unpack (ReclaimHeap *heap, const StoredEvent *s, ReclaimEvent *e)
{
  guint kind = s->head & STORED_OVERFLOW;

  if (G_UNLIKELY (kind == STORED_OVERFLOW))
    {
      *e = g_array_index (heap->overflow, ReclaimEvent, s->x);
      return;
    }
  /* the third field's sign, extended back to 32 bits */
  gint32 small_bits = (gint32) (s->head >> HEAD_SMALL_SHIFT);
  guint32 small = (guint32) ((small_bits ^ SMALL_LIMIT) - SMALL_LIMIT);

  e->kind = kind;
  e->a = (s->head >> HEAD_A_SHIFT) & ((1 << HEAD_A_BITS) - 1);
  e->b = stored_event_keeps_z (kind) ? 0 : small;
  e->obj = s->obj;
  e->x = s->x;
  e->y = s->y;
  e->z = stored_event_keeps_z (kind) ? small : 0;
}

/* Appends e to the log: n_events grows by one. */
static inline void
heap_events_append (ReclaimHeap *heap, const ReclaimEvent *e)
{
  if (G_UNLIKELY (heap->append_at == heap->block_end))
    heap_events_open_block (heap);

  StoredEvent *s = heap->append_at++;
  heap->n_events++;
  /* the fields one by one, so that e need not be in memory */
  if (G_UNLIKELY (!stored_event_pack (e, s)))
    heap_events_overflow (heap, s, e->kind, e->a, e->b, e->obj, e->x, e->y, e->z);
}

G_END_DECLS
