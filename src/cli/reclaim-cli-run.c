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
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The script's stdout, buffered as python3 buffers it (8 KiB, by lines on
 * a terminal) but by hand, so that a failed write is reported to the
 * print() that made it and a fatal signal can still write out what was
 * printed before it. */
static struct {
  ReclaimInterp *interp;
  gboolean       by_lines;
  char           buffer[8192];
  gsize          used;
} output;

/* Async-signal-safe: only write(2). */
static int
output_flush (void)
{
  gsize done = 0;
  while (done < output.used)
    {
      gssize n = write (STDOUT_FILENO, output.buffer + done, output.used - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          output.used = 0;   /* python3 drops what it could not write */
          return n < 0 ? errno : EIO;
        }
      done += n;
    }
  output.used = 0;
  return 0;
}

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  gboolean line_ends = output.by_lines && memchr (text, '\n', len) != NULL;
  while (len > 0)
    {
      if (output.used == sizeof output.buffer)
        {
          int error = output_flush ();
          if (error != 0)
            {
              reclaim_interp_set_output_error (output.interp, error);
              return;
            }
        }
      gsize n = MIN (len, sizeof output.buffer - output.used);
      memcpy (output.buffer + output.used, text, n);
      output.used += n;
      text += n;
      len -= n;
    }
  int error = line_ends ? output_flush () : 0;
  if (error != 0)
    reclaim_interp_set_output_error (output.interp, error);
}

static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  /* python3's stderr is unbuffered: what it writes appears at once */
  fwrite (text, 1, len, stderr);
  fflush (stderr);
}

/* ---- fatal signals ------------------------------------------------------ */

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
static struct sigaction previous_actions[G_N_ELEMENTS (fatal_signals)];

/* Whatever goes wrong, what the script printed is not lost: write it
 * out, then let the signal do what it did before.  A fault the kernel
 * raised repeats itself on return (a sanitizer's handler then sees the
 * real address); a signal sent by kill(), abort() or a trap is sent again. */
static void
on_fatal_signal (int sig, siginfo_t *info, void *context)
{
  output_flush ();
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    if (fatal_signals[i] == sig)
      sigaction (sig, &previous_actions[i], NULL);
  if (info->si_code <= 0 || sig == SIGABRT || sig == SIGTRAP)
    raise (sig);
}

static void
flush_output_on_fatal_signals (void)
{
  /* an alternate stack, for a fault that is a stack overflow */
  static char alternate_stack[64 * 1024];
  stack_t stack = { .ss_sp = alternate_stack, .ss_size = sizeof alternate_stack };
  struct sigaction action = { .sa_sigaction = on_fatal_signal, .sa_flags = SA_ONSTACK | SA_SIGINFO };

  sigaltstack (&stack, NULL);
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaction (fatal_signals[i], &action, &previous_actions[i]);
}

/* python3 flushes stdout at exit; when that fails it says so and exits
 * with 120. */
static int
finish_output (int status)
{
  int error = output_flush ();
  if (error == 0)
    return status;
  fprintf (stderr, "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                   "OSError: [Errno %d] %s\n", error, g_strerror (error));
  return 120;
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
  output.interp = interp;
  output.by_lines = isatty (STDOUT_FILENO);
  flush_output_on_fatal_signals ();
  /* python3 names its main script by absolute path in tracebacks */
  g_autofree char *path = g_canonicalize_filename (argv[1], NULL);
  int status = finish_output (reclaim_interp_run (interp, source, length, path));

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
