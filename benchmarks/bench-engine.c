/* bench-engine.c: figures for the heap engine, beside python3 where the
 * same work can be done there.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-engine [--pairs N] [--runs N] [--no-python]
 */
#include "reclaim-heap.h"

#include <stdio.h>
#include <stdlib.h>

static int n_pairs = 500000;
static int n_runs = 3;
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

static const char python_chain[] =
  "import sys, time\n"
  "class C: pass\n"
  "head = None\n"
  "for i in range(int(sys.argv[1])):\n"
  "    node = C(); node.nxt = head; head = node\n"
  "del node\n"
  "t = time.perf_counter(); del head; t = time.perf_counter() - t\n"
  "print(sys.argv[1], t)\n";

/* Runs script in python3 with n as its argument; it prints a count and
 * the time of the work measured.  Returns the time, or -1. */
static double
python_time (const char *script, int n, long *count)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  g_autofree char *arg = g_strdup_printf ("%d", n);
  int status = 0;

  if (python == NULL || no_python)
    return -1;
  char *argv[] = { python, "-c", (char *) script, arg, NULL };
  /* G_SPAWN_LEAVE_DESCRIPTORS_OPEN lets GLib start python3 with
   * posix_spawn (clone with CLONE_VM|CLONE_VFORK) rather than fork: after a
   * fork every page of this process is copy-on-write, and the next run's
   * first write to each page of its heap and log took a page fault, which
   * no process that does not fork pays (a 1M-object run: ~10 ms of 40). */
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_LEAVE_DESCRIPTORS_OPEN, NULL, NULL,
                     &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  double t = -1;
  if (sscanf (out, "%ld %lf", count, &t) != 2)
    return -1;
  return t;
}

/* "python3 0.140 s, reclaim/python3 = 0.85", or that python3 did not run. */
static void
print_beside_python (double reclaim, double python)
{
  if (python >= 0)
    printf (", python3 %.3f s, reclaim/python3 = %.2f", python, reclaim / python);
  else
    printf (", python3 not run");
}

/* The log of the first run goes into pages new from the kernel; the runs
 * after it write into the memory the heap before them gave back. */
static const char *
log_memory_note (int run)
{
  return run == 0 ? "log memory new from the kernel" : "log memory of the run before";
}

static void
print_memory (ReclaimHeap *heap)
{
  gsize log = reclaim_heap_log_memory_size (heap);

  printf ("  memory: %.1f MiB in all; the log %.2f bytes per event (16 in each record, the rest line "
          "index and unused end of the last 2 MiB chunk), the rest %.0f bytes per object\n",
          reclaim_heap_memory_size (heap) / 1048576.0,
          (double) log / reclaim_heap_n_events (heap),
          (double) (reclaim_heap_memory_size (heap) - log) / reclaim_heap_n_objects (heap));
}

static void
bench_full_collection (void)
{
  printf ("full collection of %d objects in %d two-object cycles, every event recorded\n",
          2 * n_pairs, n_pairs);
  for (int run = 0; run < n_runs; run++)
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
      long py_collected = 0;
      double py = python_time (python_pairs, n_pairs, &py_collected);

      printf ("  run %d: reclaim %.3f s", run + 1, collect);
      print_beside_python (collect, py);
      printf (" (%s)\n", log_memory_note (run));
      if (py >= 0 && py_collected != collected)
        printf ("  python3 collected %ld, reclaim %" G_GSSIZE_FORMAT "\n", py_collected, collected);
      if (run == n_runs - 1)
        {
          printf ("  collected %" G_GSSIZE_FORMAT ", %" G_GUINT64_FORMAT " events (%.1f M events/s); "
                  "building the graph: %.3f s, %" G_GUINT64_FORMAT " events\n",
                  collected, events, events / collect / 1e6, build, events_before);
          print_memory (heap);
        }
      reclaim_heap_free (heap);
    }
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
  const int n = 1000000;

  printf ("chain of %d objects freed by reference counting, every event recorded "
          "(into log memory the heaps above gave back)\n", n);
  for (int run = 0; run < n_runs; run++)
    {
      ReclaimId cls;
      ReclaimHeap *heap = build_pairs (0, &cls);
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
      long py_n = 0;
      double py = python_time (python_chain, n, &py_n);

      printf ("  run %d: reclaim %.3f s", run + 1, free_time);
      print_beside_python (free_time, py);
      printf ("\n");
      if (run == n_runs - 1)
        {
          printf ("  %" G_GUINT64_FORMAT " events (%.1f M events/s); built in %.3f s\n",
                  events, events / free_time / 1e6, build);
          print_memory (heap);
        }
      reclaim_heap_free (heap);
    }
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "pairs", 0, 0, G_OPTION_ARG_INT, &n_pairs, "Two-object cycles to collect", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each benchmark (default 3)", "N" },
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
  bench_refcount_chain ();
  bench_time_travel ();
  return 0;
}
