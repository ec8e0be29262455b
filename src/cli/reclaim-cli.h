/* reclaim-cli.h: what the commands of reclaim-cli share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "reclaim-heap.h"

G_BEGIN_DECLS

/* Exit statuses of reclaim-cli. */
#define RECLAIM_CLI_EXIT_OK     0
#define RECLAIM_CLI_EXIT_USAGE  2   /* bad command line, or an output that cannot be written */

/* Prints "reclaim-cli: MESSAGE" on stderr. */
void reclaim_cli_error   (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* A command gets its own name in argv[0] and its arguments after it, and
 * returns the exit status. */
typedef int (*ReclaimCliCommandFunc) (int argc, char **argv);

int  reclaim_cli_demo    (int argc, char **argv);
int  reclaim_cli_run     (int argc, char **argv);
int  reclaim_cli_render  (int argc, char **argv);
int  reclaim_cli_lesson  (int argc, char **argv);

/* Opens path (when not NULL) for --trace into *file, before anything is
 * printed, so that a path that cannot be written fails first; FALSE after
 * saying why.  *file stays NULL without a path. */
gboolean reclaim_cli_open_trace (const char *path, FILE **file);

/* "cpython" (or NULL) and "marksweep"; FALSE for anything else. */
gboolean reclaim_cli_parse_collector (const char *name, ReclaimCollectorMode *mode);

/* What reclaim_cli_explain() needs to tell a script's events. */
typedef struct {
  ReclaimHeap        *heap;
  /* ReclaimId -> const char *: objects to call by name; others are "#id". */
  GHashTable         *names;
  /* The script, NULL-terminated: source[0] is line 1. */
  const char *const  *source;
  /* Said after the effects of line i + 1, or NULL; as long as source. */
  const char *const  *remarks;
} ReclaimCliStory;

/* Tells in plain English what events [from, to) of the log do: each
 * statement with the objects it creates and frees and the reference counts
 * it changes, each collection phase by phase.  Only instances of classes
 * are followed through statements, so that a class's count (which every
 * instance holds) does not drown the story.  Moves the heap's position
 * along the way and puts it back. */
void reclaim_cli_explain (const ReclaimCliStory *story,
                          guint64                from,
                          guint64                to,
                          GString               *out);

G_END_DECLS
