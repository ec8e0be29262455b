/* reclaim-event-store.c: the event log's memory and its line index.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an event is packed is in reclaim-event-store.h.
 *
 * An event's script line is not kept with it: it is the x of the last
 * RECLAIM_EV_LINE event up to it.  heap->block_lines notes the line
 * running at the start of each block of LINE_BLOCK events, so finding it
 * looks back at most LINE_BLOCK - 1 events.
 *
 * Chunks of freed heaps are kept for the next heap of the process (see
 * take_chunk), so that a script run again does not wait for the kernel to
 * hand out and clear fresh pages for its log.
 */
#include "reclaim-event-store.h"

#include <stdlib.h>
#include <sys/mman.h>

#define CHUNK_BYTES (EVENTS_PER_CHUNK * sizeof (StoredEvent))
#define PAGE_ALIGNMENT 4096

/* ---- chunks ------------------------------------------------------------- */

/* Freed heaps' chunks, up to SPARE_CHUNKS_MAX (256 MiB): memory the
 * process has touched already, so writing a new log into it costs no page
 * faults.  Heaps are made and freed on several threads. */
#define SPARE_CHUNKS_MAX 128
G_LOCK_DEFINE_STATIC (spare_chunks);
static StoredEvent *spare_chunks[SPARE_CHUNKS_MAX];
static guint n_spare_chunks;

/* A new chunk.  Its pages are asked of the kernel in one call where it
 * can (Linux 5.14), rather than by a page fault every 256 events.  Not as
 * a huge page: the kernel may stop the program to make one (compaction),
 * which made a collection take from 0.16 to 0.48 s. */
static StoredEvent *
new_chunk (void)
{
  void *memory = NULL;
  if (posix_memalign (&memory, PAGE_ALIGNMENT, CHUNK_BYTES) != 0)
    g_error ("out of memory for the event log");
#ifdef MADV_POPULATE_WRITE
  madvise (memory, CHUNK_BYTES, MADV_POPULATE_WRITE);  /* no harm if the kernel says no */
#endif
  return memory;
}

/* While a log grows into new memory, a helper thread makes the next few
 * chunks ahead and leaves them with the spare ones: the kernel clears
 * their pages on another core while this one records events (a first
 * collection of a million objects: 1.1-1.26 times python3's time, when
 * each chunk's pages were cleared in turn). */
#define CHUNKS_AHEAD 4
static GThreadPool *chunk_maker;
static gboolean     making_chunks;   /* a batch is queued or being made (under spare_chunks) */

static void
make_chunks_ahead (gpointer data, gpointer user_data)
{
  G_LOCK (spare_chunks);
  while (n_spare_chunks < CHUNKS_AHEAD)
    {
      G_UNLOCK (spare_chunks);
      StoredEvent *chunk = new_chunk ();
      G_LOCK (spare_chunks);
      /* a freed heap may have filled the spare chunks meanwhile */
      if (n_spare_chunks < SPARE_CHUNKS_MAX)
        spare_chunks[n_spare_chunks++] = chunk;
      else
        free (chunk);
    }
  making_chunks = FALSE;
  G_UNLOCK (spare_chunks);
}

/* Under spare_chunks: asks for CHUNKS_AHEAD spare chunks when they run low. */
static void
ask_for_chunks_locked (void)
{
  if (making_chunks || n_spare_chunks >= CHUNKS_AHEAD / 2)
    return;
  if (chunk_maker == NULL)
    chunk_maker = g_thread_pool_new (make_chunks_ahead, NULL, 1, FALSE, NULL);
  /* any non-NULL data: the pool takes no NULL */
  making_chunks = chunk_maker != NULL && g_thread_pool_push (chunk_maker, GUINT_TO_POINTER (1), NULL);
}

/* A chunk from a freed heap or made ahead if there is one, else a new one. */
static StoredEvent *
take_chunk (void)
{
  StoredEvent *chunk = NULL;

  G_LOCK (spare_chunks);
  if (n_spare_chunks > 0)
    chunk = spare_chunks[--n_spare_chunks];
  ask_for_chunks_locked ();
  G_UNLOCK (spare_chunks);
  return chunk != NULL ? chunk : new_chunk ();
}

static void
give_back_chunk (StoredEvent *chunk)
{
  G_LOCK (spare_chunks);
  if (n_spare_chunks < SPARE_CHUNKS_MAX)
    {
      spare_chunks[n_spare_chunks++] = chunk;
      chunk = NULL;
    }
  G_UNLOCK (spare_chunks);
  free (chunk);
}

guint
heap_events_n_spare_chunks (void)
{
  G_LOCK (spare_chunks);
  while (making_chunks)
    {
      G_UNLOCK (spare_chunks);
      g_usleep (1000);
      G_LOCK (spare_chunks);
    }
  guint n = n_spare_chunks;
  G_UNLOCK (spare_chunks);
  return n;
}

void
heap_events_free (ReclaimHeap *heap)
{
  for (guint64 c = 0; c * EVENTS_PER_CHUNK < heap->n_events; c++)
    give_back_chunk (heap->event_chunks[c]);
  g_free (heap->event_chunks);
  g_clear_pointer (&heap->overflow, g_array_unref);
  g_clear_pointer (&heap->block_lines, g_array_unref);
}

/* Makes room for the event at n_events: a new line entry at a block's
 * start, and a new chunk at a chunk's start. */
void
heap_events_open_block (ReclaimHeap *heap)
{
  if (heap->block_lines == NULL)
    {
      heap->block_lines = g_array_new (FALSE, FALSE, sizeof (guint32));
      heap->overflow = g_array_new (FALSE, FALSE, sizeof (ReclaimEvent));
    }
  g_array_append_val (heap->block_lines, heap->line);

  if ((heap->n_events & (EVENTS_PER_CHUNK - 1)) == 0)
    {
      guint64 chunk = heap->n_events >> EVENTS_PER_CHUNK_SHIFT;
      if (chunk >= heap->n_chunks_allocated)
        {
          heap->n_chunks_allocated = MAX (16, heap->n_chunks_allocated * 2);
          heap->event_chunks = g_renew (StoredEvent *, heap->event_chunks, heap->n_chunks_allocated);
        }
      heap->event_chunks[chunk] = take_chunk ();
    }
  heap->append_at = heap_stored_event (heap, heap->n_events);
  heap->block_end = heap->append_at + LINE_BLOCK;
}

void
heap_events_overflow (ReclaimHeap *heap, StoredEvent *stored, guint8 kind, guint8 a, guint16 b,
                      ReclaimId obj, guint32 x, guint32 y, guint32 z)
{
  ReclaimEvent event = { .kind = kind, .a = a, .b = b, .obj = obj, .x = x, .y = y, .z = z };

  *stored = (StoredEvent) { .head = STORED_OVERFLOW, .x = heap->overflow->len };
  g_array_append_val (heap->overflow, event);
}

/* ---- reading ------------------------------------------------------------ */

ReclaimEvent
reclaim_heap_get_event (ReclaimHeap *heap, guint64 index)
{
  ReclaimEvent event = { .kind = RECLAIM_N_EVENT_KINDS };

  g_return_val_if_fail (index < heap->n_events, event);
  stored_event_unpack (heap, heap_stored_event (heap, index), &event);
  return event;
}

gboolean
reclaim_heap_find_last_event_with_y (ReclaimHeap *heap, guint64 stop, guint64 before, guint32 y,
                                     ReclaimEvent *found, guint64 *index)
{
  g_return_val_if_fail (stop <= before && before <= heap->n_events, FALSE);
  for (guint64 i = before; i > stop; i--)
    {
      const StoredEvent *s = heap_stored_event (heap, i - 1);
      /* a record kept whole in heap->overflow has its own y there */
      if (s->y != y && (s->head & STORED_OVERFLOW) != STORED_OVERFLOW)
        continue;
      stored_event_unpack (heap, s, found);
      if (found->y == y)
        {
          *index = i - 1;
          return TRUE;
        }
    }
  return FALSE;
}

guint32
reclaim_heap_get_event_line (ReclaimHeap *heap, guint64 index)
{
  g_return_val_if_fail (index < heap->n_events, 0);

  guint64 block_start = index & ~(guint64) (LINE_BLOCK - 1);
  for (guint64 i = index + 1; i > block_start; i--)
    {
      const StoredEvent *s = heap_stored_event (heap, i - 1);
      guint kind = s->head & STORED_OVERFLOW;
      if (kind == RECLAIM_EV_LINE)
        return s->x;
      if (kind == STORED_OVERFLOW)
        {
          ReclaimEvent e;
          stored_event_unpack (heap, s, &e);
          if (e.kind == RECLAIM_EV_LINE)
            return e.x;
        }
    }
  return g_array_index (heap->block_lines, guint32, index >> LINE_BLOCK_SHIFT);
}

gsize
heap_events_memory_size (ReclaimHeap *heap)
{
  gsize n_chunks = (heap->n_events + EVENTS_PER_CHUNK - 1) / EVENTS_PER_CHUNK;
  gsize size = n_chunks * CHUNK_BYTES + heap->n_chunks_allocated * sizeof (StoredEvent *);

  if (heap->block_lines != NULL)
    size += heap->block_lines->len * sizeof (guint32) + heap->overflow->len * sizeof (ReclaimEvent);
  return size;
}
