/* reclaim-check-slots.c: the uses of __slots__ Reclaim runs, checked
 * before the script starts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reclaim runs classes whose __slots__ is a literal str, tuple or list of
 * names, based on object or on another class with __slots__.  A class
 * that mixes slots with a __dict__ (a class without __slots__ based on
 * one with them, or the reverse, or '__dict__' among the names) would
 * need both layouts at once; it is refused.  Classes are matched by the
 * name the class statement binds.
 */
#include "reclaim-check-private.h"

#include <string.h>

/* The value of a `__slots__ = ...` statement in the class body, or NULL. */
static const ReclaimNode *
slots_value (const ReclaimNode *class_def)
{
  const ReclaimNodeList *body = &class_def->v.class_def.body;
  for (guint i = 0; i < body->n; i++)
    {
      const ReclaimNode *stmt = body->items[i];
      if (stmt->kind != RECLAIM_NODE_ASSIGN)
        continue;
      for (guint t = 0; t < stmt->v.assign.targets.n; t++)
        {
          const ReclaimNode *target = stmt->v.assign.targets.items[t];
          if (target->kind == RECLAIM_NODE_NAME && strcmp (target->v.name.id, "__slots__") == 0)
            return stmt->v.assign.value;
        }
    }
  return NULL;
}

static void
collect_slotted (ReclaimNode *node, gpointer data)
{
  if (node->kind == RECLAIM_NODE_CLASS_DEF && slots_value (node))
    g_hash_table_add (data, (gpointer) node->v.class_def.name);
  reclaim_ast_foreach_child (node, collect_slotted, data);
}

GHashTable *
check_slotted_classes (const ReclaimNode *module)
{
  GHashTable *slotted = g_hash_table_new (g_str_hash, g_str_equal);
  collect_slotted ((ReclaimNode *) module, slotted);
  return slotted;
}

static gboolean
is_str_constant (const ReclaimNode *node)
{
  return node->kind == RECLAIM_NODE_CONSTANT && node->v.constant.kind == RECLAIM_CONST_STR;
}

/* The first part of value that is not a name Reclaim can lay out, or NULL. */
static const ReclaimNode *
refused_slot_names (const ReclaimNode *value, const char **what)
{
  if (is_str_constant (value))
    return NULL;
  if (value->kind != RECLAIM_NODE_TUPLE && value->kind != RECLAIM_NODE_LIST)
    {
      *what = "__slots__ other than a str, tuple or list of names";
      return value;
    }
  for (guint i = 0; i < value->v.seq.elts.n; i++)
    {
      const ReclaimNode *item = value->v.seq.elts.items[i];
      if (!is_str_constant (item))
        {
          *what = "__slots__ other than a str, tuple or list of names";
          return item;
        }
      if (strcmp (item->v.constant.str, "__dict__") == 0)
        {
          *what = "'__dict__' in __slots__";
          return item;
        }
    }
  return NULL;
}

const ReclaimNode *
check_class_slots (const ReclaimNode *class_def, GHashTable *slotted, const char **what)
{
  const ReclaimNode *value = slots_value (class_def);
  const ReclaimNodeList *bases = &class_def->v.class_def.bases;
  const ReclaimNode *base = bases->n == 1 ? bases->items[0] : NULL;
  /* (a class of several bases is refused on its own, and checked on) */
  gboolean base_is_object = bases->n == 0 ||
                            (base && base->kind == RECLAIM_NODE_NAME && strcmp (base->v.name.id, "object") == 0);
  gboolean base_is_slotted = base && base->kind == RECLAIM_NODE_NAME &&
                             g_hash_table_contains (slotted, base->v.name.id);

  if (value == NULL)
    {
      if (!base_is_slotted)
        return NULL;
      *what = "a class without __slots__ based on a class with them";
      return base;
    }
  const ReclaimNode *refused = refused_slot_names (value, what);
  if (refused)
    return refused;
  if (base_is_object || base_is_slotted)
    return NULL;
  *what = "__slots__ in a class based on a class without them";
  return base;
}
