/* reclaim-check-collections.c: classes based on what the collections
 * module makes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * deque, defaultdict, OrderedDict and Counter are builtin types here, and
 * a named tuple class is made by namedtuple() as one: a class statement
 * cannot extend them.  Without this check the class statement would fail
 * when it runs, halfway through the script.  The check knows these bases
 * by name: names bound by `from collections import X` (with `as` too),
 * `M.X` where M is bound by `import collections`, a call of namedtuple
 * and a name assigned the result of one.  A script that binds such a
 * name to something else as well is refused all the same: rather refused
 * than stopped halfway.
 */
#include "reclaim-check-private.h"

#include <string.h>

static const char *const collections_types[] = { "deque", "defaultdict", "OrderedDict", "Counter", NULL };

/* what a name stands for in the table: a type's name, or these */
static const char *const module_marker = "collections";
static const char *const namedtuple_marker = "namedtuple";
static const char *const named_class_marker = "a named tuple";

static void
collect_imports (ReclaimNode *node, gpointer data)
{
  GHashTable *names = data;
  if (node->kind == RECLAIM_NODE_IMPORT_FROM && node->v.import_from.level == 0 &&
      g_strcmp0 (node->v.import_from.module, "collections") == 0)
    for (guint i = 0; i < node->v.import_from.names.n; i++)
      {
        const ReclaimNode *alias = node->v.import_from.names.items[i];
        const char *bound = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
        if (g_strv_contains (collections_types, alias->v.alias.name))
          g_hash_table_insert (names, (gpointer) bound, (gpointer) alias->v.alias.name);
        else if (strcmp (alias->v.alias.name, "namedtuple") == 0)
          g_hash_table_insert (names, (gpointer) bound, (gpointer) namedtuple_marker);
      }
  if (node->kind == RECLAIM_NODE_IMPORT)
    for (guint i = 0; i < node->v.import_stmt.names.n; i++)
      {
        const ReclaimNode *alias = node->v.import_stmt.names.items[i];
        if (strcmp (alias->v.alias.name, "collections") == 0)
          g_hash_table_insert (names, (gpointer) (alias->v.alias.asname ? alias->v.alias.asname : "collections"),
                               (gpointer) module_marker);
      }
  reclaim_ast_foreach_child (node, collect_imports, data);
}

/* What an expression names: a collections type's name, one of the
 * markers, or NULL. */
static const char *
named (GHashTable *names, const ReclaimNode *node)
{
  if (node->kind == RECLAIM_NODE_NAME)
    return g_hash_table_lookup (names, node->v.name.id);
  if (node->kind == RECLAIM_NODE_ATTRIBUTE && node->v.attribute.value->kind == RECLAIM_NODE_NAME &&
      g_hash_table_lookup (names, node->v.attribute.value->v.name.id) == module_marker)
    {
      const char *attr = node->v.attribute.attr;
      for (guint i = 0; collections_types[i]; i++)
        if (strcmp (attr, collections_types[i]) == 0)
          return collections_types[i];
      return strcmp (attr, "namedtuple") == 0 ? namedtuple_marker : NULL;
    }
  return NULL;
}

static gboolean
is_namedtuple_call (GHashTable *names, const ReclaimNode *node)
{
  /* node is NULL for an annotation without a value (`x: int`) */
  return node != NULL && node->kind == RECLAIM_NODE_CALL && named (names, node->v.call.func) == namedtuple_marker;
}

/* Point = namedtuple(...): Point is a named tuple class */
static void
collect_named_classes (ReclaimNode *node, gpointer data)
{
  GHashTable *names = data;
  if (node->kind == RECLAIM_NODE_ASSIGN && is_namedtuple_call (names, node->v.assign.value))
    for (guint i = 0; i < node->v.assign.targets.n; i++)
      if (node->v.assign.targets.items[i]->kind == RECLAIM_NODE_NAME)
        g_hash_table_insert (names, (gpointer) node->v.assign.targets.items[i]->v.name.id,
                             (gpointer) named_class_marker);
  reclaim_ast_foreach_child (node, collect_named_classes, data);
}

GHashTable *
check_collections_names (const ReclaimNode *module)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);
  collect_imports ((ReclaimNode *) module, names);
  collect_named_classes ((ReclaimNode *) module, names);
  return names;
}

const ReclaimNode *
check_collections_base (const ReclaimNode *class_def, GHashTable *names, const char **what)
{
  for (guint i = 0; i < class_def->v.class_def.bases.n; i++)
    {
      const ReclaimNode *base = class_def->v.class_def.bases.items[i];
      const char *name = named (names, base);
      if (is_namedtuple_call (names, base) || name == named_class_marker)
        {
          *what = "a class based on a named tuple";
          return base;
        }
      if (name == NULL || name == module_marker || name == namedtuple_marker)
        continue;
      static const char *const refusals[] = {
        "a class based on 'collections.deque'", "a class based on 'collections.defaultdict'",
        "a class based on 'collections.OrderedDict'", "a class based on 'collections.Counter'",
      };
      for (guint t = 0; collections_types[t]; t++)
        if (strcmp (name, collections_types[t]) == 0)
          *what = refusals[t];
      return base;
    }
  return NULL;
}
