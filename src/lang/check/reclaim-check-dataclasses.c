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

/* ---- what asdict() and astuple() copy ------------------------------------- */

static void
find_deepcopy_call (ReclaimNode *node, gpointer data)
{
  gboolean *found = data;
  if (*found || node == NULL)
    return;
  if (node->kind == RECLAIM_NODE_CALL)
    {
      const char *called = called_name (node->v.call.func);
      if (g_strcmp0 (called, "asdict") == 0 || g_strcmp0 (called, "astuple") == 0)
        *found = TRUE;
    }
  reclaim_ast_foreach_child (node, find_deepcopy_call, data);
}

gboolean
check_uses_deepcopy (const ReclaimNode *module)
{
  gboolean found = FALSE;
  find_deepcopy_call ((ReclaimNode *) module, &found);
  return found;
}

/* The hooks copy.deepcopy would call through __reduce_ex__ (a class's own
 * __deepcopy__ it calls, and Reclaim with it) */
const ReclaimNode *
check_copy_hook (const ReclaimNode *class_def, const char **format, const char **name)
{
  static const char *const hooks[] = { "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", NULL };
  for (guint i = 0; i < class_def->v.class_def.body.n; i++)
    {
      const ReclaimNode *stmt = class_def->v.class_def.body.items[i];
      if (stmt->kind == RECLAIM_NODE_FUNCTION_DEF && g_strv_contains (hooks, stmt->v.function_def.name))
        {
          *name = stmt->v.function_def.name;
          *format = "defining %s in a class, in a script that calls asdict() or astuple()";
          return stmt;
        }
    }
  return NULL;
}
