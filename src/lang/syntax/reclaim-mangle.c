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
#include "reclaim-names.h"

#include <string.h>

char *
reclaim_mangle_private_name (const char *class_name, const char *name)
{
  gsize len = strlen (name);
  if (strncmp (name, "__", 2) != 0 || (len >= 2 && name[len - 1] == '_' && name[len - 2] == '_') ||
      strchr (name, '.') != NULL)
    return NULL;
  const char *stripped = class_name + strspn (class_name, "_");
  return *stripped ? g_strconcat ("_", stripped, name, NULL) : NULL;
}

typedef struct {
  const char *class_name;   /* the innermost class around, or NULL */
} Mangle;

static const char *
mangled (const Mangle *m, const char *name)
{
  if (m->class_name == NULL || name == NULL)
    return name;
  g_autofree char *text = reclaim_mangle_private_name (m->class_name, name);
  return text ? reclaim_name_intern (text) : name;   /* interned as the parser's names are */
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
  Mangle inner = { node->v.class_def.name };
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
  Mangle m = { NULL };
  mangle_list (&module->v.module.body, &m);
}
