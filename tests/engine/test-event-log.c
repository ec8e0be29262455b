/* test-event-log.c: the log keeps events in 16 bytes and gives back
 * exactly what was emitted, their lines included, and reuses its memory.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "engine-test-util.h"
#include "reclaim-heap-private.h"

static void
assert_event (ReclaimHeap *heap, guint64 index, const ReclaimEvent *expected)
{
  ReclaimEvent e = reclaim_heap_get_event (heap, index);

  g_assert_cmpuint (e.kind, ==, expected->kind);
  g_assert_cmpuint (e.a, ==, expected->a);
  g_assert_cmpuint (e.b, ==, expected->b);
  g_assert_cmpuint (e.obj, ==, expected->obj);
  g_assert_cmpuint (e.x, ==, expected->x);
  g_assert_cmpuint (e.y, ==, expected->y);
  g_assert_cmpuint (e.z, ==, expected->z);
}

static void
emit_and_keep (ReclaimHeap *heap, GArray *emitted, ReclaimEventKind kind, guint8 a, guint16 b,
               ReclaimId obj, guint32 x, guint32 y, guint32 z)
{
  ReclaimEvent e = { .kind = kind, .a = a, .b = b, .obj = obj, .x = x, .y = y, .z = z };

  heap_emit_event (heap, kind, a, b, obj, x, y, z);
  g_array_append_val (emitted, e);
}

/* Values at the edges of what fits in the packed form, and past them:
 * each comes back as it was emitted, before and after time travel. */
static void
test_events_come_back (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  g_autoptr (GArray) emitted = g_array_new (FALSE, FALSE, sizeof (ReclaimEvent));
  ReclaimId obj = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  guint64 first = reclaim_heap_n_events (heap);
  const guint32 slots[] = { 0, 1, (1 << 20) - 1, 1 << 20, 5000000, G_MAXUINT32 - (1 << 20),
                            G_MAXUINT32 - (1 << 20) + 1, G_MAXUINT32 - 1, G_MAXUINT32 };
  const guint8 as[] = { 0, 63, 64, 255 };
  const guint16 bs[] = { 0, 1, 65535 };

  /* increfs and decrefs keep the slot index (z) */
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bs); j++)
      {
        emit_and_keep (heap, emitted, RECLAIM_EV_INCREF, 0, bs[j], obj, G_MAXUINT32, 2, slots[i]);
        emit_and_keep (heap, emitted, RECLAIM_EV_DECREF, 0, bs[j], obj, 7, 1, slots[i]);
      }
  /* notes keep b: a past 6 bits or a z beside b does not fit */
  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bs); j++)
      for (guint32 z = 0; z < 2; z++)
        emit_and_keep (heap, emitted, RECLAIM_EV_GC_END, as[i], bs[j], obj, 0, G_MAXUINT32, z);

  for (guint i = 0; i < emitted->len; i++)
    assert_event (heap, first + i, &g_array_index (emitted, ReclaimEvent, i));
  guint64 digest = reclaim_heap_state_digest (heap);
  reclaim_heap_seek (heap, 0);
  reclaim_heap_seek (heap, reclaim_heap_n_events (heap));
  g_assert_cmpuint (reclaim_heap_state_digest (heap), ==, digest);
  for (guint i = 0; i < emitted->len; i++)
    assert_event (heap, first + i, &g_array_index (emitted, ReclaimEvent, i));
  reclaim_heap_free (heap);
}

/* A list longer than the packed slot index reaches: its slot events keep
 * their indexes, and time travel across them restores it. */
static void
test_long_list (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId list = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  const guint n = (1 << 20) + 1000;
  guint64 before = reclaim_heap_n_events (heap);

  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append (heap, list, RECLAIM_ROLE_ITEM, NULL, reclaim_value_int (i));
  ReclaimEvent last = reclaim_heap_get_event (heap, reclaim_heap_n_events (heap) - 1);
  g_assert_cmpuint (last.kind, ==, RECLAIM_EV_SLOT_INSERT);
  g_assert_cmpuint (last.z, ==, n - 1);
  g_assert_cmpuint (last.y, ==, reclaim_value_int (n - 1));

  guint64 digest = reclaim_heap_state_digest (heap);
  reclaim_heap_seek (heap, before + 5);
  g_assert_cmpuint (reclaim_heap_n_slots (heap, list), ==, 5);
  reclaim_heap_seek (heap, reclaim_heap_n_events (heap));
  g_assert_cmpuint (reclaim_heap_state_digest (heap), ==, digest);
  g_assert_cmpuint (reclaim_heap_slot_get (heap, list, n - 1), ==, reclaim_value_int (n - 1));
  reclaim_heap_free (heap);
}

/* reclaim_heap_find_last_event_with_y finds what a scan of every event
 * finds, records kept whole in the overflow (slot index past the packed
 * range, a past 6 bits) among them, from any starting point. */
static void
test_find_last_with_y (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId obj = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  const guint32 wanted = 77, other = 78;
  guint64 first = reclaim_heap_n_events (heap);

  for (guint i = 0; i < 60; i++)
    {
      guint32 y = i % 3 == 0 ? wanted : other;
      guint32 z = i % 4 == 0 ? 5000000 : i;   /* past the packed range: kept whole */
      guint8 a = i % 5 == 0 ? 64 : 0;
      heap_emit_event (heap, i % 2 ? RECLAIM_EV_INCREF : RECLAIM_EV_GC_END, a, 0, obj, i, y, i % 2 ? z : 0);
    }
  guint64 end = reclaim_heap_n_events (heap);
  for (guint64 before = first; before <= end; before++)
    {
      guint64 expected = G_MAXUINT64;
      for (guint64 i = before; i > first; i--)
        if (reclaim_heap_get_event (heap, i - 1).y == wanted)
          {
            expected = i - 1;
            break;
          }
      ReclaimEvent found;
      guint64 index = 0;
      gboolean any = reclaim_heap_find_last_event_with_y (heap, first, before, wanted, &found, &index);
      g_assert_cmpint (any, ==, expected != G_MAXUINT64);
      if (any)
        {
          g_assert_cmpuint (index, ==, expected);
          g_assert_cmpuint (found.y, ==, wanted);
          g_assert_cmpuint (found.x, ==, reclaim_heap_get_event (heap, expected).x);
        }
    }
  reclaim_heap_free (heap);
}

/* Interned texts are read without a lock while another thread interns
 * more (the window reads labels while a script runs): every number a
 * reader learns gives back its text, across many chunks of the table. */
#define N_INTERNED 20000
typedef struct {
  guint32 ids[N_INTERNED];
  gint    published;   /* ids[0..published) are set */
} Interned;

static gpointer
intern_many (gpointer data)
{
  Interned *in = data;
  for (guint i = 0; i < N_INTERNED; i++)
    {
      g_autofree char *text = g_strdup_printf ("interned-across-threads-%u", i);
      in->ids[i] = i % 7 == 0 ? reclaim_intern_anonymous () : reclaim_intern (text);
      g_atomic_int_set (&in->published, i + 1);
    }
  return NULL;
}

static void
test_interned_across_threads (void)
{
  static Interned in;
  GThread *writer = g_thread_new ("intern", intern_many, &in);
  guint checked = 0;

  while (checked < N_INTERNED)
    {
      guint published = g_atomic_int_get (&in.published);
      for (; checked < published; checked++)
        {
          const char *text = reclaim_interned (in.ids[checked]);
          if (checked % 7 == 0)
            g_assert_null (text);
          else
            {
              g_autofree char *expected = g_strdup_printf ("interned-across-threads-%u", checked);
              g_assert_cmpstr (text, ==, expected);
            }
        }
    }
  g_thread_join (writer);
  g_assert_cmpuint (reclaim_intern ("interned-across-threads-1"), ==, in.ids[1]);
  for (guint i = 0; i < N_INTERNED; i += 7)
    reclaim_intern_release_anonymous (in.ids[i]);
}

/* An instance holds its class in the slot numbered G_MAXUINT32: the
 * incref that says so keeps that number. */
static void
test_class_reference_slot (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "C", 0);
  guint64 before = reclaim_heap_n_events (heap);
  ReclaimId obj = reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, 0);
  gboolean seen = FALSE;

  for (guint64 i = before; i < reclaim_heap_n_events (heap); i++)
    {
      ReclaimEvent e = reclaim_heap_get_event (heap, i);
      if (e.kind == RECLAIM_EV_INCREF && e.obj == cls)
        {
          g_assert_cmpuint (e.x, ==, obj);
          g_assert_cmpuint (e.z, ==, G_MAXUINT32);
          seen = TRUE;
        }
    }
  g_assert_true (seen);
  reclaim_heap_free (heap);
}

/* Every event's line is the one set last before it, wherever the line
 * events fall in the log's blocks: at a block's start, several in a row,
 * none for several blocks. */
static void
test_lines (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  ReclaimId obj = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 line = 0;

  for (guint64 i = 0; i < reclaim_heap_n_events (heap); i++)
    g_array_append_val (expected, line);
  for (guint step = 0; step < 3000; step++)
    {
      gboolean block_start = reclaim_heap_n_events (heap) % 64 == 0;
      if ((step % 7 == 3 && step < 1000) || (step > 2000 && step % 3 == 0) || (block_start && step % 2))
        {
          line = step + 1;
          reclaim_heap_set_line (heap, line, step % 4);
        }
      else
        {
          reclaim_heap_incref (heap, obj);
          reclaim_heap_decref (heap, obj);
        }
      while (expected->len < reclaim_heap_n_events (heap))
        g_array_append_val (expected, line);
    }
  for (guint64 i = 0; i < expected->len; i++)
    g_assert_cmpuint (reclaim_heap_get_event_line (heap, i), ==, g_array_index (expected, guint32, i));
  reclaim_heap_free (heap);
}

static void
fill_chunks (ReclaimHeap *heap, guint n_chunks)
{
  ReclaimId obj = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);

  while (reclaim_heap_n_events (heap) < (guint64) n_chunks * EVENTS_PER_CHUNK)
    {
      reclaim_heap_incref (heap, obj);
      reclaim_heap_decref (heap, obj);
    }
}

/* A heap freed gives its log's chunks to the next heap made, rather than
 * back to the system. */
static void
test_chunks_reused (void)
{
  ReclaimHeap *first = reclaim_heap_new ();

  fill_chunks (first, 3);
  StoredEvent *freed[3] = { first->event_chunks[0], first->event_chunks[1], first->event_chunks[2] };
  guint spare = heap_events_n_spare_chunks ();
  reclaim_heap_free (first);
  g_assert_cmpuint (heap_events_n_spare_chunks (), ==, spare + 3);

  /* the last given back is the first taken */
  ReclaimHeap *second = reclaim_heap_new ();
  fill_chunks (second, 2);
  g_assert_true (second->event_chunks[0] == freed[2]);
  g_assert_true (second->event_chunks[1] == freed[1]);
  reclaim_heap_seek (second, 0);
  reclaim_heap_seek (second, reclaim_heap_n_events (second));
  g_assert_cmpuint (reclaim_heap_get_event (second, 0).kind, ==, RECLAIM_EV_ALLOC);
  reclaim_heap_free (second);
}

/* A log growing into memory new from the kernel finds chunks made ahead
 * by a helper thread: once the spare chunks are used up, some are made
 * for the chunks to come. */
static void
test_chunks_made_ahead (void)
{
  ReclaimHeap *heap = reclaim_heap_new ();

  fill_chunks (heap, heap_events_n_spare_chunks () + 3);
  g_assert_cmpuint (heap_events_n_spare_chunks (), >=, 2);
  guint64 before = reclaim_heap_n_events (heap);
  fill_chunks (heap, before / EVENTS_PER_CHUNK + 4);
  g_assert_cmpuint (heap_events_n_spare_chunks (), >=, 2);
  reclaim_heap_seek (heap, 0);
  reclaim_heap_seek (heap, reclaim_heap_n_events (heap));
  g_assert_cmpuint (reclaim_heap_get_event (heap, reclaim_heap_n_events (heap) - 1).kind, ==, RECLAIM_EV_DECREF);
  reclaim_heap_free (heap);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/log/events-come-back", test_events_come_back);
  g_test_add_func ("/engine/log/long-list", test_long_list);
  g_test_add_func ("/engine/log/find-last-with-y", test_find_last_with_y);
  g_test_add_func ("/engine/log/interned-across-threads", test_interned_across_threads);
  g_test_add_func ("/engine/log/class-reference-slot", test_class_reference_slot);
  g_test_add_func ("/engine/log/lines", test_lines);
  g_test_add_func ("/engine/log/chunks-reused", test_chunks_reused);
  g_test_add_func ("/engine/log/chunks-made-ahead", test_chunks_made_ahead);
  return g_test_run ();
}
