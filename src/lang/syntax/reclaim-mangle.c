/* reclaim-mangle.c: private names, as CPython's compiler mangles them.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a class body, and in the functions, lambdas and comprehensions in it,
 * an identifier that starts with two underscores and does not end with two
 * (__x) stands for _Class__x: the class's name without its leading
 * underscores, after one underscore.  That holds for the variables and
 * parameters, the keywords of calls, the names a def, class or except
 * binds; a def's or class's own __name__ stays as written.  Attributes are
 * mangled by the evaluator, which knows the class a frame runs in.
 */
#include "reclaim-ast.h"

#include <string.h>

typedef struct {
  ReclaimArena *arena;
  const char   *prefix;   /* the class's name without leading underscores, or NULL */
} Mangle;

static const char *
mangled (const Mangle *m, const char *name)
{
  if (m->prefix == NULL || name == NULL || strncmp (name, "__", 2) != 0 || strchr (name, '.') != NULL)
    return name;
  gsize len = strlen (name);
  if (len >= 2 && name[len - 1] == '_' && name[len - 2] == '_')
    return name;
  g_autofree char *text = g_strconcat ("_", m->prefix, name, NULL);
  return reclaim_arena_strndup (m->arena, text, strlen (text));
}

static void mangle_node (ReclaimNode *node, gpointer data);

static void
mangle_list (ReclaimNodeList *list, Mangle *m)
{
  for (guint i = 0; i < list->n; i++)
    mangle_node (list->items[i], m);
}

/* A class's decorators and bases belong to the scope around it; its body
 * to the class, whose name as written is the new prefix. */
static void
mangle_class (ReclaimNode *node, Mangle *m)
{
  node->v.class_def.bound_name = mangled (m, node->v.class_def.name);
  mangle_list (&node->v.class_def.decorators, m);
  mangle_list (&node->v.class_def.bases, m);
  const char *stripped = node->v.class_def.name + strspn (node->v.class_def.name, "_");
  Mangle inner = { m->arena, *stripped ? stripped : NULL };
  mangle_list (&node->v.class_def.body, &inner);
}

static void
mangle_node (ReclaimNode *node, gpointer data)
{
  Mangle *m = data;

  switch (node->kind)
    {
    case RECLAIM_NODE_CLASS_DEF:
      mangle_class (node, m);
      return;
    case RECLAIM_NODE_FUNCTION_DEF:
      node->v.function_def.bound_name = mangled (m, node->v.function_def.name);
      break;
    case RECLAIM_NODE_NAME:
      node->v.name.id = mangled (m, node->v.name.id);
      break;
    case RECLAIM_NODE_ARG:
      node->v.arg.arg = mangled (m, node->v.arg.arg);
      break;
    case RECLAIM_NODE_KEYWORD:
      node->v.keyword.arg = mangled (m, node->v.keyword.arg);
      break;
    case RECLAIM_NODE_EXCEPT_HANDLER:
      node->v.except_handler.name = mangled (m, node->v.except_handler.name);
      break;
    default:
      break;
    }
  reclaim_ast_foreach_child (node, mangle_node, m);
}

void
reclaim_ast_mangle_private_names (ReclaimNode *module)
{
  Mangle m = { module->v.module.arena, NULL };
  mangle_list (&module->v.module.body, &m);
}
