/* reclaim-cli.c: the command-line front end, and its table of commands.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "reclaim-cli COMMAND [OPTION…]": each command parses its own options and
 * lives in its own file (reclaim-cli-COMMAND.c).  Adding one is a line in
 * the table below.
 */
#include "reclaim-cli.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char            *name;
  const char            *summary;
  ReclaimCliCommandFunc  run;
} CliCommand;

static const CliCommand commands[] = {
  { "run", "Run a Python script as python3 would, on Reclaim's model of the heap",
    reclaim_cli_run },
  { "demo", "Show how the cycle collector frees CPython's devguide example",
    reclaim_cli_demo },
  { "render", "Draw the objects and references of a script at one step (PNG, SVG, PDF)",
    reclaim_cli_render },
  { "lesson", "List, check and export the step-through lessons",
    reclaim_cli_lesson },
};

gboolean
reclaim_cli_parse_collector (const char *name, ReclaimCollectorMode *mode)
{
  if (name == NULL || g_str_equal (name, "cpython"))
    *mode = RECLAIM_COLLECTOR_CPYTHON;
  else if (g_str_equal (name, "marksweep"))
    *mode = RECLAIM_COLLECTOR_MARKSWEEP;
  else
    return FALSE;
  return TRUE;
}

void
reclaim_cli_error (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "reclaim-cli: %s\n", message);
}

gboolean
reclaim_cli_open_trace (const char *path, FILE **file)
{
  *file = NULL;
  if (path == NULL || (*file = fopen (path, "w")) != NULL)
    return TRUE;
  int saved_errno = errno;
  reclaim_cli_error ("cannot write the trace to %s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

static const CliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: reclaim-cli COMMAND [OPTION…]\n"
           "\n"
           "Explore how CPython 3.11 manages memory: reference counts, weak references\n"
           "and the cycle collector.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s  %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "  %-8s  %s\n"
           "\n"
           "Options:\n"
           "  -h, --help     Show this help\n"
           "  --version      Show the version\n"
           "\n"
           "\"reclaim-cli COMMAND --help\" (or \"reclaim-cli help COMMAND\") lists the options\n"
           "of a command.\n",
           "help", "Show this help, or the options of one command");
}

static int
unknown_command (const char *name)
{
  reclaim_cli_error ("unknown command \"%s\"; \"reclaim-cli help\" lists the commands", name);
  return RECLAIM_CLI_EXIT_USAGE;
}

/* "help" alone lists the commands; "help COMMAND" is "COMMAND --help". */
static int
run_help (int argc, char **argv)
{
  if (argc < 2)
    {
      print_usage (stdout);
      return RECLAIM_CLI_EXIT_OK;
    }
  if (argc > 2)
    {
      reclaim_cli_error ("help takes one command name at most");
      return RECLAIM_CLI_EXIT_USAGE;
    }

  const CliCommand *command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (argv[1]);
  char *help_argv[] = { argv[1], (char *) "--help", NULL };
  return command->run (2, help_argv);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_set_prgname ("reclaim-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return RECLAIM_CLI_EXIT_USAGE;
    }

  const char *name = argv[1];
  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    return run_help (argc - 1, argv + 1);
  if (g_str_equal (name, "--version"))
    {
      printf ("reclaim-cli %s\n", RECLAIM_VERSION);
      return RECLAIM_CLI_EXIT_OK;
    }
  if (name[0] == '-')
    {
      reclaim_cli_error ("unknown option \"%s\"; \"reclaim-cli --help\" lists the options", name);
      return RECLAIM_CLI_EXIT_USAGE;
    }

  const CliCommand *command = find_command (name);
  if (command == NULL)
    return unknown_command (name);
  return command->run (argc - 1, argv + 1);
}
