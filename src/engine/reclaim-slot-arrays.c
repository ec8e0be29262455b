/* reclaim-slot-arrays.c: where objects keep their slots.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most objects hold a few slots (an instance's attributes, a frame's
 * locals, a two-item tuple).  Their arrays, up to SMALL_SLOTS_MAX slots,
 * come from blocks of the heap's own, carved in the order objects ask for
 * them, and a freed one waits on a list for its size: a chain or a tree of
 * objects made one after the other has its slots one after the other too,
 * so a cascade that frees it reads memory in order (malloc promises no
 * such thing once other heaps have come and gone), and freeing the heap
 * frees a few blocks.  Bigger arrays come from malloc.
 *
 * The capacities are powers of two up to SMALL_SLOTS_MAX; a freed array
 * keeps the address of the next free one of its size in its first bytes.
 */
#include "reclaim-heap-private.h"

#include <string.h>

#define SLOT_BLOCK_BYTES ((gsize) 64 * 1024)

/* The size class of an array with room for n slots: capacity 1 << class. */
static guint
size_class (guint n)
{
  guint c = 0;
  while ((1u << c) < n)
    c++;
  return c;
}

/* Bytes of an array of the class: a multiple of 8, so that a free one can
 * hold a pointer. */
static gsize
class_bytes (guint c)
{
  return ((1u << c) * sizeof (Slot) + 7) & ~(gsize) 7;
}

static Slot *
small_alloc (ReclaimHeap *heap, guint c)
{
  Slot *slots = heap->free_slot_arrays[c];
  if (slots != NULL)
    {
      memcpy (&heap->free_slot_arrays[c], slots, sizeof (Slot *));
      return slots;
    }
  gsize bytes = class_bytes (c);
  if (heap->slot_block_left < bytes)
    {
      guint8 *block = g_malloc (SLOT_BLOCK_BYTES);
      if (heap->slot_blocks == NULL)
        heap->slot_blocks = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (heap->slot_blocks, block);
      heap->slot_block_next = block;
      heap->slot_block_left = SLOT_BLOCK_BYTES;
    }
  slots = (Slot *) heap->slot_block_next;
  heap->slot_block_next += bytes;
  heap->slot_block_left -= bytes;
  return slots;
}

/* Gives back an array of the given capacity. */
static void
slots_free (ReclaimHeap *heap, Slot *slots, guint capacity)
{
  if (slots == NULL)
    return;
  if (capacity > SMALL_SLOTS_MAX)
    {
      g_free (slots);
      return;
    }
  guint c = size_class (capacity);
  memcpy (slots, &heap->free_slot_arrays[c], sizeof (Slot *));
  heap->free_slot_arrays[c] = slots;
}

/* Makes room for n slots (memory only: not part of the time-travelled state). */
void
heap_reserve_slots (ReclaimHeap *heap, Object *o, guint n)
{
  if (n <= o->slots_allocated)
    return;
  guint capacity = n <= SMALL_SLOTS_MAX ? 1u << size_class (n) : n;
  Slot *slots = capacity <= SMALL_SLOTS_MAX ? small_alloc (heap, size_class (capacity)) : g_new (Slot, capacity);
  if (o->n_slots > 0)
    memcpy (slots, o->slots, o->n_slots * sizeof (Slot));
  slots_free (heap, o->slots, o->slots_allocated);
  heap->slot_bytes += (capacity - o->slots_allocated) * sizeof (Slot);
  o->slots = slots;
  o->slots_allocated = capacity;
}

/* A freed object's slots, in a heap that keeps no log: a small array stays
 * with the record, for the object that takes its id next
 * (reused_object_record); a big one goes. */
void
heap_forget_slots (ReclaimHeap *heap, Object *o)
{
  o->n_slots = 0;
  if (o->slots_allocated > SMALL_SLOTS_MAX)
    {
      slots_free (heap, o->slots, o->slots_allocated);
      heap->slot_bytes -= o->slots_allocated * sizeof (Slot);
      o->slots = NULL;
      o->slots_allocated = 0;
    }
}

/* Every object's slots, when the heap goes. */
void
heap_free_slot_arrays (ReclaimHeap *heap)
{
  for (guint32 id = 1; id <= heap->n_objects; id++)
    if (heap->objects[id].slots_allocated > SMALL_SLOTS_MAX)
      g_free (heap->objects[id].slots);
  if (heap->slot_blocks != NULL)
    g_ptr_array_unref (heap->slot_blocks);
}
