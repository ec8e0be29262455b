/* reclaim-check-exceptions.c: the exception constructions Reclaim does
 * not model, refused before the script starts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OSError with a filename (three to five arguments, or a number unknown
 * until it runs) keeps only two of them in args, and the Unicode errors take encoding, bytes and
 * positions; Reclaim has neither, so calling them by their builtin
 * names is refused.
 */
#include "reclaim-check-private.h"

#include <string.h>

static const char *const oserror_names[] = {
  "OSError", "IOError", "EnvironmentError", "BlockingIOError", "ChildProcessError", "ConnectionError",
  "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
  "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
  "PermissionError", "ProcessLookupError", "TimeoutError", NULL
};

static const char *const unicode_error_names[] = {
  "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", NULL
};

const ReclaimNode *
check_exception_call (const ReclaimNode *call, GHashTable *bound, const char **format, const char **name)
{
  const ReclaimNode *func = call->v.call.func;
  if (func->kind != RECLAIM_NODE_NAME || g_hash_table_contains (bound, func->v.name.id))
    return NULL;
  *name = func->v.name.id;
  if (g_strv_contains (unicode_error_names, *name))
    {
      *format = "creating a %s";
      return call;
    }
  if (!g_strv_contains (oserror_names, *name))
    return NULL;
  gboolean starred = FALSE;
  for (guint i = 0; i < call->v.call.args.n; i++)
    starred |= call->v.call.args.items[i]->kind == RECLAIM_NODE_STARRED;
  if ((call->v.call.args.n <= 2 || call->v.call.args.n > 5) && !starred)
    return NULL;
  *format = "%s with a filename (three to five arguments)";
  return call;
}
