/* reclaim-cli-demo.c: "reclaim-cli demo", CPython's devguide example.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example of the "Garbage collector design" page of CPython's developer
 * guide, built statement by statement through the engine's public API (as
 * the Python subset will do once it exists), then told in plain English.
 */
#include "reclaim-cli.h"

#include <errno.h>
#include <stdio.h>

#include "reclaim-trace.h"

/* The script the demo runs; the engine is driven below line by line. */
static const char *const script[] = {
  "import gc",                                  /*  1 */
  "",
  "class Link:",                                /*  3 */
  "    def __init__(self, next_link=None):",
  "        self.next_link = next_link",          /*  5 */
  "",
  "gc.disable()",                               /*  7 */
  "gc.collect()",                               /*  8 */
  "",
  "link_3 = Link()",                            /* 10 */
  "link_2 = Link(link_3)",
  "link_1 = Link(link_2)",
  "link_3.next_link = link_1",
  "A = link_1",
  "del link_1, link_2, link_3",                 /* 15 */
  "",
  "link_4 = Link()",                            /* 17 */
  "link_4.next_link = link_4",
  "del link_4",
  "",
  "gc.collect(0)",                              /* 21 */
  NULL
};

enum {
  LINE_IMPORT = 1, LINE_CLASS = 3, LINE_INIT_BODY = 5, LINE_DISABLE = 7, LINE_COLLECT_ALL = 8,
  LINE_LINK_3 = 10, LINE_LINK_2, LINE_LINK_1, LINE_CLOSE_CYCLE, LINE_A, LINE_DEL_123,
  LINE_LINK_4 = 17, LINE_SELF_CYCLE, LINE_DEL_4, LINE_COLLECT_0 = 21
};

static const char *const remarks[G_N_ELEMENTS (script)] = {
  [LINE_CLOSE_CYCLE - 1] = "The three links now form a cycle: link_1 -> link_2 -> link_3 -> link_1.",
  [LINE_DEL_123 - 1] = "Nothing is freed: in the cycle each link is referred to by the one "
                       "before it, and A still refers to link_1.",
  [LINE_DEL_4 - 1] = "link_4 still refers to itself, so its refcount cannot reach 0: only a "
                     "collection can free it.",
};

typedef struct {
  ReclaimHeap *heap;
  ReclaimId    module;      /* the frame holding the module's variables */
  ReclaimId    link_class;
  GHashTable  *names;       /* ReclaimId -> const char * */
  guint64      story_start; /* the first event told */
  gssize       collected;   /* what gc.collect(0) returned */
} Demo;

/* ---- the module's variables ---------------------------------------------- */

static int
find_var (Demo *d, const char *name)
{
  for (guint i = 0; i < reclaim_heap_n_slots (d->heap, d->module); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (d->heap, d->module, i), name) == 0)
      return i;
  return -1;
}

/* name = value; steals value */
static void
store_var (Demo *d, const char *name, ReclaimValue value)
{
  int i = find_var (d, name);

  if (i < 0)
    reclaim_heap_slot_append (d->heap, d->module, RECLAIM_ROLE_VAR, name, value);
  else
    reclaim_heap_slot_set (d->heap, d->module, i, value);
}

/* LOAD_NAME: a new reference */
static ReclaimValue
load_var (Demo *d, const char *name)
{
  ReclaimValue value = reclaim_heap_slot_get (d->heap, d->module, find_var (d, name));

  reclaim_heap_incref (d->heap, value);
  return value;
}

static void
delete_var (Demo *d, const char *name)
{
  reclaim_heap_decref (d->heap, reclaim_heap_slot_take (d->heap, d->module, find_var (d, name)));
}

/* ---- the script ---------------------------------------------------------- */

static void
at_line (Demo *d, guint line)
{
  reclaim_heap_set_line (d->heap, line, 0);
}

/* Link(next_link) on the current line: a new reference to the instance.
 * __init__ runs one level deeper, then the statement carries on. */
static ReclaimId
new_link (Demo *d, const char *name, guint line, ReclaimValue next_link)
{
  ReclaimId link = reclaim_heap_alloc (d->heap, RECLAIM_KIND_INSTANCE, d->link_class, NULL, 0);

  g_hash_table_insert (d->names, GUINT_TO_POINTER (link), (gpointer) name);
  reclaim_heap_set_line (d->heap, LINE_INIT_BODY, 1);
  reclaim_heap_slot_append (d->heap, link, RECLAIM_ROLE_ATTR, "next_link", next_link);
  reclaim_heap_set_line (d->heap, line, 0);
  return link;
}

/* obj.next_link = value; steals value */
static void
set_next_link (Demo *d, ReclaimId obj, ReclaimValue value)
{
  reclaim_heap_slot_set (d->heap, obj, 0, value);
}

static ReclaimValue
none (void)
{
  return reclaim_value_text ("None");
}

static void
run_script (Demo *d, ReclaimCollectorMode mode)
{
  ReclaimHeap *heap = d->heap;

  reclaim_heap_set_mode (heap, mode);
  d->module = reclaim_heap_alloc (heap, RECLAIM_KIND_FRAME, 0, "<module>", RECLAIM_ALLOC_ROOT);
  g_hash_table_insert (d->names, GUINT_TO_POINTER (d->module), "<module>");

  at_line (d, LINE_IMPORT);
  at_line (d, LINE_CLASS);
  d->link_class = reclaim_heap_alloc (heap, RECLAIM_KIND_CLASS, 0, "Link", 0);
  g_hash_table_insert (d->names, GUINT_TO_POINTER (d->link_class), "Link");
  store_var (d, "Link", d->link_class);
  at_line (d, LINE_DISABLE);
  reclaim_heap_set_counter (heap, RECLAIM_COUNTER_ENABLED, 0);
  at_line (d, LINE_COLLECT_ALL);
  reclaim_heap_collect (heap, 2);

  d->story_start = reclaim_heap_n_events (heap);
  at_line (d, LINE_LINK_3);
  store_var (d, "link_3", new_link (d, "link_3", LINE_LINK_3, none ()));
  at_line (d, LINE_LINK_2);
  store_var (d, "link_2", new_link (d, "link_2", LINE_LINK_2, load_var (d, "link_3")));
  at_line (d, LINE_LINK_1);
  store_var (d, "link_1", new_link (d, "link_1", LINE_LINK_1, load_var (d, "link_2")));
  at_line (d, LINE_CLOSE_CYCLE);
  set_next_link (d, reclaim_heap_slot_get (heap, d->module, find_var (d, "link_3")),
                 load_var (d, "link_1"));
  at_line (d, LINE_A);
  store_var (d, "A", load_var (d, "link_1"));
  at_line (d, LINE_DEL_123);
  delete_var (d, "link_1");
  delete_var (d, "link_2");
  delete_var (d, "link_3");

  at_line (d, LINE_LINK_4);
  store_var (d, "link_4", new_link (d, "link_4", LINE_LINK_4, none ()));
  at_line (d, LINE_SELF_CYCLE);
  set_next_link (d, reclaim_heap_slot_get (heap, d->module, find_var (d, "link_4")),
                 load_var (d, "link_4"));
  at_line (d, LINE_DEL_4);
  delete_var (d, "link_4");

  at_line (d, LINE_COLLECT_0);
  d->collected = reclaim_heap_collect (heap, 0);
}

/* ---- telling it ---------------------------------------------------------- */

static void
print_intro (ReclaimCollectorMode mode)
{
  printf ("Reclaim demo: how CPython 3.11 frees a reference cycle, on the example of\n"
          "the \"Garbage collector design\" page of CPython's developer guide.\n\n"
          "The script:\n\n");
  for (guint i = 0; script[i]; i++)
    printf ("  %3u  %s\n", i + 1, script[i]);
  printf ("\n");
  if (mode == RECLAIM_COLLECTOR_MARKSWEEP)
    printf ("Collector: a textbook mark-and-sweep instead of CPython's (--collector marksweep).\n"
            "Reference counts are still kept, but a count of 0 frees nothing: only a\n"
            "collection frees, and it frees whatever the roots do not reach.\n\n"
            "Lines 1 to 8 set the stage: automatic collection is off, so only line %d\n"
            "collects.\n", LINE_COLLECT_0);
  else
    printf ("Lines 1 to 8 set the stage: automatic collection is off, and gc.collect()\n"
            "has moved the class Link to generation 2, the oldest, so the collection at\n"
            "line %d only examines what the script creates after it.\n", LINE_COLLECT_0);
}

static void
print_outcome (Demo *d, ReclaimCollectorMode mode)
{
  static const char *const links[] = { "link_1", "link_2", "link_3", "link_4" };
  static const char *const freed_by[] = {
    [RECLAIM_FREED_BY_REFCOUNT]  = "reference counting",
    [RECLAIM_FREED_BY_GC]        = "the cycle collector",
    [RECLAIM_FREED_BY_MARKSWEEP] = "mark-and-sweep",
  };

  printf ("\nResult: gc.collect(0) -> %" G_GSSIZE_FORMAT "\n\n", d->collected);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    for (ReclaimId id = 1; id <= reclaim_heap_n_objects (d->heap); id++)
      {
        if (g_strcmp0 (g_hash_table_lookup (d->names, GUINT_TO_POINTER (id)), links[i]) != 0)
          continue;
        if (reclaim_heap_get_state (d->heap, id) == RECLAIM_STATE_ALIVE &&
            mode == RECLAIM_COLLECTOR_MARKSWEEP)
          printf ("  %s  alive, refcount %u\n", links[i], reclaim_heap_get_refcount (d->heap, id));
        else if (reclaim_heap_get_state (d->heap, id) == RECLAIM_STATE_ALIVE)
          printf ("  %s  alive, refcount %u, in generation %d\n", links[i],
                  reclaim_heap_get_refcount (d->heap, id), reclaim_heap_get_generation (d->heap, id));
        else
          printf ("  %s  freed by %s\n", links[i],
                  freed_by[MIN (reclaim_heap_get_freed_by (d->heap, id), RECLAIM_FREED_BY_MARKSWEEP)]);
      }
}

/* ---- the command --------------------------------------------------------- */

static gboolean
write_trace (Demo *d, FILE *file, const char *path)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = reclaim_trace_write_file (d->heap, 0, reclaim_heap_n_events (d->heap), file, &error);

  if (fclose (file) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not write the trace: %s", g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      reclaim_cli_error ("%s: %s", path, error->message);
      return FALSE;
    }
  printf ("\nThe trace of every event is in %s, one JSON object per line\n"
          "(docs/trace-format.md describes the format).\n", path);
  return TRUE;
}

int
reclaim_cli_demo (int argc, char **argv)
{
  g_autofree char *trace_path = NULL;
  g_autofree char *collector = NULL;
  g_autoptr (GError) error = NULL;
  ReclaimCollectorMode mode;
  const GOptionEntry entries[] = {
    { "trace", 't', 0, G_OPTION_ARG_FILENAME, &trace_path,
      "Also write every event as JSON Lines to FILE", "FILE" },
    { "collector", 'c', 0, G_OPTION_ARG_STRING, &collector,
      "The collector: cpython (the default) or marksweep", "NAME" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_summary (context,
                                "Run CPython's devguide example of a reference cycle and explain, "
                                "phase by phase,\nhow the cycle collector finds and frees it.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_set_prgname ("reclaim-cli demo");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      reclaim_cli_error ("%s (see \"reclaim-cli demo --help\")", error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    {
      reclaim_cli_error ("demo takes no arguments, but was given \"%s\"", argv[1]);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (!reclaim_cli_parse_collector (collector, &mode))
    {
      reclaim_cli_error ("unknown collector \"%s\": use cpython or marksweep", collector);
      return RECLAIM_CLI_EXIT_USAGE;
    }

  /* Open the trace first, so that a path that cannot be written fails
   * before anything is printed. */
  FILE *trace_file;
  if (!reclaim_cli_open_trace (trace_path, &trace_file))
    return RECLAIM_CLI_EXIT_USAGE;

  Demo d = { .heap = reclaim_heap_new (), .names = g_hash_table_new (NULL, NULL) };
  run_script (&d, mode);

  g_autoptr (GString) story = g_string_new (NULL);
  const ReclaimCliStory telling = { d.heap, d.names, script, remarks };
  reclaim_cli_explain (&telling, d.story_start, reclaim_heap_n_events (d.heap), story);
  print_intro (mode);
  fputs (story->str, stdout);
  print_outcome (&d, mode);

  gboolean ok = trace_file == NULL || write_trace (&d, trace_file, trace_path);
  reclaim_heap_free (d.heap);
  g_hash_table_unref (d.names);
  return ok ? RECLAIM_CLI_EXIT_OK : RECLAIM_CLI_EXIT_USAGE;
}
