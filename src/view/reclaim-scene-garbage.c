/* reclaim-scene-garbage.c: which cards no root reaches any more.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between `del a` and the collection that frees a cycle, its objects look
 * like any other: their counts are above zero.  What sets them apart is
 * that nothing outside the heap's references holds them.  That is the
 * collector's own test (gcmodule.c's update_refs and subtract_refs, then
 * move_unreachable), asked of every live object at once: an object whose
 * count is larger than the references other objects make to it is held
 * from outside (a frame being run, the interpreter) and is a root; what
 * the roots reach is alive; the rest is garbage waiting for a collection.
 */
#include "reclaim-scene.h"

typedef struct {
  ReclaimHeap *heap;
  guint32     *count;     /* references from other live objects, per id */
  guint8      *reached;   /* per id */
  GArray      *queue;     /* ReclaimId */
} Reach;

static gboolean
is_alive (ReclaimHeap *heap, ReclaimId id)
{
  return reclaim_heap_get_state (heap, id) == RECLAIM_STATE_ALIVE;
}

static void
count_reference (ReclaimId target, gpointer user_data)
{
  Reach *r = user_data;
  r->count[target]++;
}

static void
reach (ReclaimId target, gpointer user_data)
{
  Reach *r = user_data;

  if (r->reached[target] || !is_alive (r->heap, target))
    return;
  r->reached[target] = TRUE;
  g_array_append_val (r->queue, target);
}

void
reclaim_scene_mark_garbage (ReclaimScene *scene, ReclaimHeap *heap)
{
  guint32 n = reclaim_heap_n_objects (heap);
  Reach r = {
    .heap = heap,
    .count = g_new0 (guint32, n + 1),
    .reached = g_new0 (guint8, n + 1),
    .queue = g_array_new (FALSE, FALSE, sizeof (ReclaimId)),
  };

  for (ReclaimId id = 1; id <= n; id++)
    if (is_alive (heap, id))
      reclaim_heap_traverse (heap, id, count_reference, &r);
  for (ReclaimId id = 1; id <= n; id++)
    if (is_alive (heap, id) && reclaim_heap_get_refcount (heap, id) > r.count[id])
      reach (id, &r);
  for (guint i = 0; i < r.queue->len; i++)
    reclaim_heap_traverse (heap, g_array_index (r.queue, ReclaimId, i), reach, &r);

  for (guint c = scene->n_frames; c < scene->cards->len; c++)
    {
      ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if (card->id >= 1 && card->id <= n && !(card->flags & RECLAIM_CARD_FREED) &&
          is_alive (heap, card->id) && !r.reached[card->id])
        card->flags |= RECLAIM_CARD_GARBAGE;
    }
  g_free (r.count);
  g_free (r.reached);
  g_array_unref (r.queue);
}
