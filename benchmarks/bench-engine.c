/* bench-engine.c: figures for the heap engine, beside python3 where the
 * same work can be done there.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-engine [--pairs N] [--no-python]
 */
#include "reclaim-heap.h"

#include <stdio.h>
#include <stdlib.h>

static int n_pairs = 500000;
static gboolean no_python = FALSE;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Builds n two-object cycles (a.other = b; b.other = a) held by nothing,
 * as a Python loop would leave them, with automatic collection off. */
static ReclaimHeap *
build_pairs (int n, ReclaimId *cls_out)
{
  ReclaimHeap *heap = reclaim_heap_new ();
  reclaim_heap_set_counter (heap, RECLAIM_COUNTER_ENABLED, 0);
  ReclaimId frame = reclaim_heap_alloc (heap, RECLAIM_KIND_FRAME, 0, "<module>", RECLAIM_ALLOC_ROOT);
  ReclaimId cls = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "C", 0);
  reclaim_heap_slot_append (heap, frame, RECLAIM_ROLE_VAR, "C", cls);
  reclaim_heap_collect (heap, 2);   /* the class goes to gen 2, as in the python3 script */

  for (int i = 0; i < n; i++)
    {
      ReclaimId a = reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, 0);
      ReclaimId b = reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, 0);
      reclaim_heap_incref (heap, b);
      reclaim_heap_slot_append (heap, a, RECLAIM_ROLE_ATTR, "other", b);
      reclaim_heap_incref (heap, a);
      reclaim_heap_slot_append (heap, b, RECLAIM_ROLE_ATTR, "other", a);
      reclaim_heap_decref (heap, a);
      reclaim_heap_decref (heap, b);
    }
  *cls_out = cls;
  return heap;
}

static const char python_pairs[] =
  "import gc, sys, time\n"
  "gc.disable()\n"
  "class C: pass\n"
  "gc.collect()\n"
  "for i in range(int(sys.argv[1])):\n"
  "    a = C(); b = C(); a.other = b; b.other = a\n"
  "del a, b\n"
  "t = time.perf_counter(); n = gc.collect(); t = time.perf_counter() - t\n"
  "print(n, t)\n";

/* Runs the same collection in python3; returns its time, or -1. */
static double
python_collection_time (int n, long *collected)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  g_autofree char *count = g_strdup_printf ("%d", n);
  int status = 0;

  if (python == NULL || no_python)
    return -1;
  char *argv[] = { python, "-c", (char *) python_pairs, count, NULL };
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  double t = -1;
  if (sscanf (out, "%ld %lf", collected, &t) != 2)
    return -1;
  return t;
}

static void
bench_full_collection (void)
{
  ReclaimId cls;
  double t0 = now ();
  ReclaimHeap *heap = build_pairs (n_pairs, &cls);
  double build = now () - t0;
  guint64 events_before = reclaim_heap_n_events (heap);

  t0 = now ();
  gssize collected = reclaim_heap_collect (heap, 2);
  double collect = now () - t0;
  guint64 events = reclaim_heap_n_events (heap) - events_before;

  printf ("full collection of %d objects in %d two-object cycles\n", 2 * n_pairs, n_pairs);
  printf ("  reclaim: %.3f s, collected %" G_GSSIZE_FORMAT ", %" G_GUINT64_FORMAT " events recorded (%.1f M events/s)\n",
          collect, collected, events, events / collect / 1e6);
  long py_collected = 0;
  double py = python_collection_time (n_pairs, &py_collected);
  if (py >= 0)
    printf ("  python3: %.3f s, collected %ld; reclaim/python3 = %.2f\n", py, py_collected, collect / py);
  else
    printf ("  python3: not run\n");
  printf ("  building the graph: %.3f s, %" G_GUINT64_FORMAT " events (%.1f M events/s)\n",
          build, events_before, events_before / build / 1e6);
  printf ("  memory: %.1f MiB in all, %zu bytes per event\n",
          reclaim_heap_memory_size (heap) / 1048576.0, sizeof (ReclaimEvent));
  reclaim_heap_free (heap);
}

/* Bytes per live object, without the log. */
static void
bench_object_size (void)
{
  ReclaimId cls;
  ReclaimHeap *heap = build_pairs (100000, &cls);
  gsize with_log = reclaim_heap_memory_size (heap);
  gsize log = ((reclaim_heap_n_events (heap) + 65535) / 65536) * 65536 * sizeof (ReclaimEvent);

  printf ("memory per object (instance with one attribute): %.0f bytes\n",
          (double) (with_log - log) / reclaim_heap_n_objects (heap));
  reclaim_heap_free (heap);
}

/* Stepping back one event at a time from the end of a 100,000-event
 * history, and jumping across all of it. */
static void
bench_time_travel (void)
{
  ReclaimId cls;
  ReclaimHeap *heap = build_pairs (1, &cls);
  int i = 0;

  while (reclaim_heap_n_events (heap) < 100000)
    {
      if (i++ % 50 == 0)
        reclaim_heap_collect (heap, i % 3);
      ReclaimId a = reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, 0);
      ReclaimId l = reclaim_heap_alloc (heap, RECLAIM_KIND_LIST, 0, NULL, 0);
      reclaim_heap_slot_append (heap, l, RECLAIM_ROLE_ITEM, NULL, a);
      reclaim_heap_decref (heap, l);
    }
  guint64 n = reclaim_heap_n_events (heap);
  double worst = 0, total = 0;
  for (guint64 p = n; p > n - 1000; p--)
    {
      double t0 = now ();
      reclaim_heap_seek (heap, p - 1);
      double t = now () - t0;
      worst = MAX (worst, t);
      total += t;
    }
  double t0 = now ();
  reclaim_heap_seek (heap, 0);
  double to_start = now () - t0;
  t0 = now ();
  reclaim_heap_seek (heap, n);
  double to_end = now () - t0;

  printf ("time travel over %" G_GUINT64_FORMAT " events\n", n);
  printf ("  step back one event: mean %.2f us, worst %.2f us\n", total / 1000 * 1e6, worst * 1e6);
  printf ("  seek end -> start: %.2f ms; start -> end: %.2f ms\n", to_start * 1e3, to_end * 1e3);
  reclaim_heap_free (heap);
}

/* Reference counting churn: a long chain built and freed. */
static void
bench_refcount_chain (void)
{
  ReclaimId cls;
  ReclaimHeap *heap = build_pairs (0, &cls);
  const int n = 1000000;
  ReclaimValue head = reclaim_value_text ("None");

  double t0 = now ();
  for (int i = 0; i < n; i++)
    {
      ReclaimId node = reclaim_heap_alloc (heap, RECLAIM_KIND_INSTANCE, cls, NULL, 0);
      reclaim_heap_slot_append (heap, node, RECLAIM_ROLE_ATTR, "nxt", head);
      head = node;
    }
  double build = now () - t0;
  guint64 before = reclaim_heap_n_events (heap);
  t0 = now ();
  reclaim_heap_decref (heap, head);
  double free_time = now () - t0;
  guint64 events = reclaim_heap_n_events (heap) - before;

  printf ("chain of %d objects: built in %.3f s, freed by refcount in %.3f s (%" G_GUINT64_FORMAT
          " events, %.1f M events/s)\n", n, build, free_time, events, events / free_time / 1e6);
  reclaim_heap_free (heap);
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "pairs", 0, 0, G_OPTION_ARG_INT, &n_pairs, "Two-object cycles to collect", "N" },
    { "no-python", 0, 0, G_OPTION_ARG_NONE, &no_python, "Do not run python3 for comparison", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- heap engine benchmarks");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-engine: %s\n", error->message);
      return 2;
    }
  bench_full_collection ();
  bench_object_size ();
  bench_refcount_chain ();
  bench_time_travel ();
  return 0;
}
