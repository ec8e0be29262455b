/* reclaim-check-dataclasses.c: the options of dataclass() and field()
 * that Reclaim does not model, refused before the script starts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * slots= makes a new class with __slots__, kw_only= and KW_ONLY need
 * keyword-only parameters, weakref_slot= goes with slots, and
 * unsafe_hash= a __hash__ over unfrozen fields; all are refused when
 * dataclass or field (by that name, or as an attribute) is called with
 * them.
 */
#include "reclaim-check-private.h"

#include <string.h>

static const char *
called_name (const ReclaimNode *func)
{
  if (func->kind == RECLAIM_NODE_NAME)
    return func->v.name.id;
  if (func->kind == RECLAIM_NODE_ATTRIBUTE)
    return func->v.attribute.attr;
  return NULL;
}

const ReclaimNode *
check_dataclass_call (const ReclaimNode *call, const char **format, const char **name)
{
  static const char *const dataclass_options[] = { "slots", "kw_only", "weakref_slot", "unsafe_hash", NULL };
  static const char *const field_options[] = { "kw_only", NULL };
  const char *called = called_name (call->v.call.func);
  const char *const *refused = NULL;

  if (g_strcmp0 (called, "dataclass") == 0)
    refused = dataclass_options;
  else if (g_strcmp0 (called, "field") == 0)
    refused = field_options;
  if (refused == NULL)
    return NULL;
  for (guint i = 0; i < call->v.call.keywords.n; i++)
    {
      const ReclaimNode *kw = call->v.call.keywords.items[i];
      if (kw->v.keyword.arg && g_strv_contains (refused, kw->v.keyword.arg))
        {
          *format = refused == dataclass_options ? "dataclass(%s=...)" : "field(%s=...)";
          *name = kw->v.keyword.arg;
          return kw;
        }
    }
  return NULL;
}
