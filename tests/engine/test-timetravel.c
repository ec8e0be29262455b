/* test-timetravel.c: seeking through the event log restores the state.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "engine-test-util.h"

typedef struct {
  guint64 position;
  guint64 digest;
} Checkpoint;

static void
checkpoint (World *w, GArray *checkpoints)
{
  Checkpoint c = { reclaim_heap_get_position (w->heap), reclaim_heap_state_digest (w->heap) };
  g_array_append_val (checkpoints, c);
}

static void
save_self (World *w, ReclaimId self, gpointer data)
{
  reclaim_heap_incref (w->heap, self);
  world_list_append (w, world_get (w, "saved"), self);
}

/* A history that uses every kind of event: cascades, the trashcan,
 * weakref callbacks, __del__ with resurrection, cycles, generations,
 * free lists, freeze.  The live state is recorded after each step. */
static World *
build_history (GArray *checkpoints)
{
  World *w = world_new ();
  WorldClass *obj = world_class (w, "Obj", TRUE);
  ReclaimHeap *h = w->heap;

  obj->del_action = save_self;
  world_set (w, "saved", world_list (w, 0, NULL));
  checkpoint (w, checkpoints);
  for (int round = 0; round < 40; round++)
    {
      ReclaimId a = world_new_obj (w, obj, "a"), b = world_new_obj (w, obj, "b");
      world_set (w, "a", a);
      world_set (w, "b", b);
      world_setattr (w, a, "b", world_load (w, "b"));
      world_setattr (w, b, "a", world_load (w, "a"));
      world_watch (w, a, "a died");
      ReclaimValue items[] = { world_load (w, "a"), reclaim_value_int (round) };
      world_set (w, "t", world_tuple (w, 2, items));
      checkpoint (w, checkpoints);
      world_del (w, "a");
      world_del (w, "b");
      world_del (w, "t");
      checkpoint (w, checkpoints);
      reclaim_heap_collect (h, round % 3);
      checkpoint (w, checkpoints);
      reclaim_heap_clear (h, world_get (w, "saved"));
      checkpoint (w, checkpoints);

      /* a chain longer than the trashcan's limit */
      world_set (w, "head", reclaim_value_text ("None"));
      for (int i = 0; i < 60; i++)
        {
          ReclaimId n = world_new_obj (w, obj, NULL);
          world_setattr (w, n, "nxt", world_load (w, "head"));
          world_set (w, "head", n);
        }
      world_del (w, "head");
      checkpoint (w, checkpoints);
      if (round == 20)
        {
          reclaim_heap_freeze (h);
          checkpoint (w, checkpoints);
          reclaim_heap_unfreeze (h);
          checkpoint (w, checkpoints);
        }
    }
  reclaim_heap_collect (h, 2);
  checkpoint (w, checkpoints);
  return w;
}

static void
test_seek_restores_live_states (void)
{
  g_autoptr (GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  World *w = build_history (checkpoints);
  ReclaimHeap *h = w->heap;

  g_assert_cmpuint (reclaim_heap_n_events (h), >, 20000);
  /* backwards, then forwards again */
  for (guint i = checkpoints->len; i-- > 0;)
    {
      Checkpoint *c = &g_array_index (checkpoints, Checkpoint, i);
      reclaim_heap_seek (h, c->position);
      g_assert_cmpuint (reclaim_heap_state_digest (h), ==, c->digest);
    }
  for (guint i = 0; i < checkpoints->len; i++)
    {
      Checkpoint *c = &g_array_index (checkpoints, Checkpoint, i);
      reclaim_heap_seek (h, c->position);
      g_assert_cmpuint (reclaim_heap_state_digest (h), ==, c->digest);
    }
  world_free (w);
}

/* Stepping back N events and forward N gives the state before, for every
 * start position and several N. */
static void
test_step_back_and_forth (void)
{
  g_autoptr (GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  World *w = build_history (checkpoints);
  ReclaimHeap *h = w->heap;
  guint64 n = reclaim_heap_n_events (h);
  const guint64 steps[] = { 1, 2, 7, 100, 5000 };

  for (guint64 pos = n; pos > 0; pos -= MIN (pos, 997))
    {
      reclaim_heap_seek (h, pos);
      guint64 before = reclaim_heap_state_digest (h);
      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        {
          guint64 back = MIN (steps[s], pos);
          reclaim_heap_seek (h, pos - back);
          reclaim_heap_seek (h, pos);
          g_assert_cmpuint (reclaim_heap_state_digest (h), ==, before);
        }
    }
  world_free (w);
}

static void
test_seek_to_start (void)
{
  g_autoptr (GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  World *w = build_history (checkpoints);
  ReclaimHeap *h = w->heap;

  reclaim_heap_seek (h, 0);
  for (ReclaimId id = 1; id <= reclaim_heap_n_objects (h); id++)
    g_assert_cmpint (reclaim_heap_get_state (h, id), ==, RECLAIM_STATE_UNBORN);
  for (int l = 0; l < RECLAIM_N_LISTS; l++)
    g_assert_cmpuint (reclaim_heap_list_length (h, l), ==, 0);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COUNT0), ==, 0);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_THRESHOLD0), ==, 700);
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COLLECTIONS2), ==, 0);
  reclaim_heap_seek (h, reclaim_heap_n_events (h));
  g_assert_cmpint (reclaim_heap_get_counter (h, RECLAIM_COUNTER_COLLECTIONS2), >, 0);
  world_free (w);
}

/* A heap looked at in the past is read-only. */
static void
test_past_is_read_only (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  ReclaimId list = world_list (w, 0, NULL);
  world_set (w, "l", list);
  guint64 n = reclaim_heap_n_events (h);

  reclaim_heap_seek (h, n - 1);
  g_test_expect_message ("Reclaim", G_LOG_LEVEL_CRITICAL, "*is_live*");
  ReclaimId refused = reclaim_heap_alloc (h, RECLAIM_KIND_LIST, 0, NULL, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (refused, ==, 0);
  g_assert_cmpuint (reclaim_heap_n_events (h), ==, n);
  reclaim_heap_seek (h, n);
  g_assert_true (reclaim_heap_is_live (h));
  world_free (w);
}

/* A search back through the packed log finds what reading it event by
 * event finds, across the boundaries of the log's storage. */
static void
test_find_across_chunks (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  ReclaimId list = world_list (w, 0, NULL);
  world_set (w, "l", list);
  for (gint32 i = 0; reclaim_heap_n_events (h) < 300000; i++)
    world_list_append (w, list, reclaim_value_int (i % 5000));
  guint64 n = reclaim_heap_n_events (h);

  for (guint q = 0; q < 12; q++)
    {
      guint32 y = reclaim_value_int ((gint32) (q * 397 % 5000));
      guint64 before = n - q * (n / 12), expected = G_MAXUINT64;
      for (guint64 i = before; i > 0; i--)
        if (reclaim_heap_get_event (h, i - 1).y == y)
          {
            expected = i - 1;
            break;
          }
      ReclaimEvent found;
      guint64 index = 0;
      g_assert_true (reclaim_heap_find_last_event_with_y (h, 0, before, y, &found, &index));
      g_assert_cmpuint (index, ==, expected);
      ReclaimEvent one = reclaim_heap_get_event (h, index);
      g_assert_cmpmem (&one, sizeof one, &found, sizeof found);
    }
  world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/timetravel/seek-restores-live-states", test_seek_restores_live_states);
  g_test_add_func ("/engine/timetravel/step-back-and-forth", test_step_back_and_forth);
  g_test_add_func ("/engine/timetravel/seek-to-start", test_seek_to_start);
  g_test_add_func ("/engine/timetravel/past-is-read-only", test_past_is_read_only);
  g_test_add_func ("/engine/timetravel/find-across-chunks", test_find_across_chunks);
  return g_test_run ();
}
