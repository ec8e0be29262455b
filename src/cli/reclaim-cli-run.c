/* reclaim-cli-run.c: "reclaim-cli run SCRIPT.py", which prints what
 * python3 would print, and optionally writes the event log.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-cli.h"
#include "reclaim-interp.h"
#include "reclaim-trace.h"

#include <errno.h>
#include <stdio.h>

static void
write_to (const char *text, gsize len, gpointer user_data)
{
  fwrite (text, 1, len, user_data);
}

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  write_to (text, len, stdout);
}

static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  /* python3's stderr is unbuffered: what it writes appears at once */
  fflush (stdout);
  write_to (text, len, stderr);
  fflush (stderr);
}

int
reclaim_cli_run (int argc, char **argv)
{
  g_autofree char *trace_path = NULL;
  g_autofree char *collector = NULL;
  gint64 max_steps = 0, max_objects = 0, max_memory_mb = 0;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "trace", 't', 0, G_OPTION_ARG_FILENAME, &trace_path,
      "Also write every event as JSON Lines to FILE (see docs/trace-format.md)", "FILE" },
    { "collector", 'c', 0, G_OPTION_ARG_STRING, &collector,
      "The collector: cpython (the default) or marksweep", "NAME" },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      "Stop the script after N statements and calls (default 50000000)", "N" },
    { "max-objects", 0, 0, G_OPTION_ARG_INT64, &max_objects,
      "Raise MemoryError beyond N live objects (default 2000000)", "N" },
    { "max-memory", 0, 0, G_OPTION_ARG_INT64, &max_memory_mb,
      "Raise MemoryError when the script would hold more than N MiB (default 1024)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("SCRIPT.py");
  ReclaimCollectorMode mode;

  g_option_context_set_summary (context,
                                "Run a script of Reclaim's Python subset.  Its output, errors and exit\n"
                                "status are those python3 3.11 gives for the same script.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_set_prgname ("reclaim-cli run");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      reclaim_cli_error ("%s (see \"reclaim-cli run --help\")", error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (argc != 2)
    {
      reclaim_cli_error ("run takes one script (see \"reclaim-cli run --help\")");
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (!reclaim_cli_parse_collector (collector, &mode))
    {
      reclaim_cli_error ("unknown collector \"%s\": use cpython or marksweep", collector);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (max_steps < 0 || max_objects < 0 || max_objects > G_MAXUINT32 || max_memory_mb < 0 ||
      max_memory_mb > G_MAXINT64 / (1 << 20))
    {
      reclaim_cli_error ("--max-steps, --max-objects and --max-memory take a positive number");
      return RECLAIM_CLI_EXIT_USAGE;
    }

  g_autofree char *source = NULL;
  gsize length = 0;
  if (!g_file_get_contents (argv[1], &source, &length, &error))
    {
      reclaim_cli_error ("cannot read %s: %s", argv[1], error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  FILE *trace_file;
  if (!reclaim_cli_open_trace (trace_path, &trace_file))
    return RECLAIM_CLI_EXIT_USAGE;

  ReclaimInterpOptions options = {
    .collector = mode,
    .max_steps = max_steps,
    .max_objects = max_objects,
    .max_memory = (guint64) max_memory_mb << 20,
    .drop_events = trace_path == NULL,
    .write_stdout = write_stdout,
    .write_stderr = write_stderr,
  };
  ReclaimInterp *interp = reclaim_interp_new (&options);
  /* python3 names its main script by absolute path in tracebacks */
  g_autofree char *path = g_canonicalize_filename (argv[1], NULL);
  int status = reclaim_interp_run (interp, source, length, path);
  fflush (stdout);

  if (trace_file)
    {
      ReclaimHeap *heap = reclaim_interp_get_heap (interp);
      if (!reclaim_trace_write_file (heap, reclaim_interp_get_script_start (interp),
                                     reclaim_heap_n_events (heap), trace_file, &error) ||
          fclose (trace_file) != 0)
        {
          reclaim_cli_error ("cannot write the trace to %s: %s", trace_path,
                             error ? error->message : g_strerror (errno));
          status = RECLAIM_CLI_EXIT_USAGE;
        }
    }
  reclaim_interp_free (interp);
  return status;
}
