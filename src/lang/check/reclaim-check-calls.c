/* reclaim-check-calls.c: arguments of builtin calls that Reclaim does not
 * model, refused before the script starts: a codec or error handler
 * python3 has and Reclaim lacks, named by a literal (a name the script
 * computes is stopped at run time, reclaim-bytes.c), and a stream given
 * to pprint.pprint() or pprint.pp().
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-check-private.h"
#include "reclaim-builtins-private.h"

#include <string.h>

/* python3's error handlers beyond the five Reclaim has */
static const char *const lacking_handlers[] = { "surrogateescape", "surrogatepass", "namereplace", NULL };

/* The argument at position pos or under keyword name, or NULL. */
static const ReclaimNode *
argument (const ReclaimNode *call, guint pos, const char *name)
{
  if (pos < call->v.call.args.n)
    return call->v.call.args.items[pos];
  for (guint i = 0; i < call->v.call.keywords.n; i++)
    {
      const ReclaimNode *kw = call->v.call.keywords.items[i];
      if (kw->v.keyword.arg && strcmp (kw->v.keyword.arg, name) == 0)
        return kw->v.keyword.value;
    }
  return NULL;
}

static const char *
literal_str (const ReclaimNode *node)
{
  return node && node->kind == RECLAIM_NODE_CONSTANT && node->v.constant.kind == RECLAIM_CONST_STR
         ? node->v.constant.str : NULL;
}

const ReclaimNode *
check_codec_call (const ReclaimNode *call, GHashTable *bound, const char **format, const char **name)
{
  const ReclaimNode *func = call->v.call.func;
  guint first;
  if (func->kind == RECLAIM_NODE_ATTRIBUTE &&
      (strcmp (func->v.attribute.attr, "encode") == 0 || strcmp (func->v.attribute.attr, "decode") == 0))
    first = 0;   /* s.encode(encoding, errors) */
  else if (func->kind == RECLAIM_NODE_NAME && !g_hash_table_contains (bound, func->v.name.id) &&
           (strcmp (func->v.name.id, "str") == 0 || strcmp (func->v.name.id, "bytes") == 0))
    first = 1;   /* str(b, encoding, errors), bytes(s, encoding, errors) */
  else
    return NULL;
  const ReclaimNode *encoding = argument (call, first, "encoding"), *errors = argument (call, first + 1, "errors");
  if ((*name = literal_str (encoding)) != NULL && builtins_codec_lacking (*name))
    {
      *format = "the codec '%s'";
      return encoding;
    }
  if ((*name = literal_str (errors)) != NULL && g_strv_contains (lacking_handlers, *name))
    {
      *format = "the error handler '%s'";
      return errors;
    }
  return NULL;
}

/* pprint.pprint(obj, stream) and pp(): python3 writes the text to the
 * stream in pieces, as its PrettyPrinter walks the object; Reclaim writes
 * to standard output only (a None stream is standard output). */
const ReclaimNode *
check_pprint_call (const ReclaimNode *call, const char **format, const char **name)
{
  const ReclaimNode *func = call->v.call.func;
  const char *called = func->kind == RECLAIM_NODE_NAME ? func->v.name.id
                       : func->kind == RECLAIM_NODE_ATTRIBUTE && func->v.attribute.value->kind == RECLAIM_NODE_NAME &&
                           strcmp (func->v.attribute.value->v.name.id, "pprint") == 0 ? func->v.attribute.attr : NULL;
  if (called == NULL || (strcmp (called, "pprint") != 0 && strcmp (called, "pp") != 0))
    return NULL;
  const ReclaimNode *stream = argument (call, 1, "stream");
  if (stream == NULL || (stream->kind == RECLAIM_NODE_CONSTANT && stream->v.constant.kind == RECLAIM_CONST_NONE))
    return NULL;
  *format = "pprint.%s() to a stream";
  *name = called;
  return stream;
}

/* sys.setrecursionlimit(N): Reclaim's limit is python3's default, fixed */
const ReclaimNode *
check_recursion_limit_call (const ReclaimNode *call, const char **format, const char **name)
{
  const ReclaimNode *func = call->v.call.func, *limit = argument (call, 0, "limit");
  if (func->kind != RECLAIM_NODE_ATTRIBUTE || strcmp (func->v.attribute.attr, "setrecursionlimit") != 0 ||
      func->v.attribute.value->kind != RECLAIM_NODE_NAME || strcmp (func->v.attribute.value->v.name.id, "sys") != 0 ||
      limit == NULL || limit->kind != RECLAIM_NODE_CONSTANT || limit->v.constant.kind != RECLAIM_CONST_INT ||
      (!limit->v.constant.int_big && limit->v.constant.int_value == 1000))
    return NULL;
  *format = "sys.setrecursionlimit(%s) (the limit is fixed at 1000)";
  *name = limit->v.constant.int_literal;
  return call;
}
