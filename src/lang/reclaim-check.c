/* reclaim-check.c: what the parser accepts as Python but the evaluator
 * does not run, refused before the script starts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-check-private.h"

#include <string.h>

static const char *const known_modules[] = { "gc", "weakref", "sys", "builtins", NULL };

/* Builtins python3 has and Reclaim does not (when the script does not
 * define a name of its own like them). */
static const char *const missing_builtins[] = {
  "frozenset", "globals", "locals", "open", "bytes",
  "bytearray", "memoryview", "complex", "slice", "dir", "exec", "eval", "compile", "input",
  "__import__", "breakpoint", "help", "BaseExceptionGroup", "ExceptionGroup", NULL
};

/* Builtin types a class may not be based on. */
static const char *const sealed_types[] = {
  "list", "dict", "str", "int", "float", "tuple", "set", "bool", "range", "type", NULL
};

typedef struct {
  GHashTable *bound;   /* every name the script binds somewhere */
} Names;

static void
collect_bound (ReclaimNode *node, gpointer data)
{
  Names *names = data;
  switch (node->kind)
    {
    case RECLAIM_NODE_NAME:
      if (node->v.name.ctx != RECLAIM_CTX_LOAD)
        g_hash_table_add (names->bound, (gpointer) node->v.name.id);
      break;
    case RECLAIM_NODE_FUNCTION_DEF:
      g_hash_table_add (names->bound, (gpointer) node->v.function_def.name);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      g_hash_table_add (names->bound, (gpointer) node->v.class_def.name);
      break;
    case RECLAIM_NODE_ARG:
      g_hash_table_add (names->bound, (gpointer) node->v.arg.arg);
      break;
    case RECLAIM_NODE_ALIAS:
      g_hash_table_add (names->bound, (gpointer) (node->v.alias.asname ? node->v.alias.asname : node->v.alias.name));
      break;
    case RECLAIM_NODE_EXCEPT_HANDLER:
      if (node->v.except_handler.name)
        g_hash_table_add (names->bound, (gpointer) node->v.except_handler.name);
      break;
    default:
      break;
    }
  reclaim_ast_foreach_child (node, collect_bound, data);
}

static GHashTable *bound_names;
static GHashTable *slotted_classes;

static gboolean
refuse (ReclaimSyntaxError **error, const ReclaimNode *node, const char *format, const char *arg)
{
  ReclaimSyntaxError *e = g_new0 (ReclaimSyntaxError, 1);
  g_autofree char *what = g_strdup_printf (format, arg);
  e->kind = RECLAIM_ERROR_NOT_SUPPORTED;
  e->message = g_strdup_printf ("not supported in Reclaim: %s", what);
  e->line = node->line;
  e->column = node->col + 1;
  *error = e;
  return FALSE;
}

static gboolean check_list (const ReclaimNodeList *list, ReclaimSyntaxError **error);

static gboolean
check_node (const ReclaimNode *node, ReclaimSyntaxError **error)
{
  if (node == NULL)
    return TRUE;
  switch (node->kind)
    {
    case RECLAIM_NODE_IMPORT:
      for (guint i = 0; i < node->v.import_stmt.names.n; i++)
        {
          const char *name = node->v.import_stmt.names.items[i]->v.alias.name;
          if (!g_strv_contains (known_modules, name))
            return refuse (error, node, "import of module '%s'", name);
        }
      return TRUE;
    case RECLAIM_NODE_IMPORT_FROM:
      if (node->v.import_from.module == NULL || node->v.import_from.level > 0 ||
          !g_strv_contains (known_modules, node->v.import_from.module))
        return refuse (error, node, "import of module '%s'",
                       node->v.import_from.module ? node->v.import_from.module : ".");
      {
        const char *format, *name;
        const ReclaimNode *at = check_missing_import (node, &format, &name);
        if (at)
          return refuse (error, at, format, name);
      }
      return TRUE;
    case RECLAIM_NODE_CLASS_DEF:
      if (node->v.class_def.bases.n > 1)
        return refuse (error, node->v.class_def.bases.items[1], "%s", "multiple inheritance");
      {
        const char *slots_problem, *hook;
        const ReclaimNode *at = check_class_slots (node, slotted_classes, &slots_problem);
        if (at)
          return refuse (error, at, "%s", slots_problem);
        if ((at = check_missing_hook (node, &slots_problem, &hook)) != NULL)
          return refuse (error, at, slots_problem, hook);
      }
      if (node->v.class_def.bases.n == 1 && node->v.class_def.bases.items[0]->kind == RECLAIM_NODE_NAME &&
          g_strv_contains (sealed_types, node->v.class_def.bases.items[0]->v.name.id) &&
          !g_hash_table_contains (bound_names, node->v.class_def.bases.items[0]->v.name.id))
        return refuse (error, node->v.class_def.bases.items[0], "a class based on '%s'",
                       node->v.class_def.bases.items[0]->v.name.id);
      return check_list (&node->v.class_def.decorators, error) && check_list (&node->v.class_def.bases, error) &&
             check_list (&node->v.class_def.body, error);
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      for (guint i = 0; i < node->v.seq.elts.n; i++)
        if (node->v.seq.elts.items[i]->kind == RECLAIM_NODE_STARRED)
          return refuse (error, node->v.seq.elts.items[i], "%s", "starred expression");
      return check_list (&node->v.seq.elts, error);
    case RECLAIM_NODE_SET:
      for (guint i = 0; i < node->v.set.elts.n; i++)
        if (node->v.set.elts.items[i]->kind == RECLAIM_NODE_STARRED)
          return refuse (error, node->v.set.elts.items[i], "%s", "starred expression");
      return check_list (&node->v.set.elts, error);
    case RECLAIM_NODE_DICT:
      for (guint i = 0; i < node->v.dict.values.n; i++)
        if (node->v.dict.keys.items[i] == NULL)
          return refuse (error, node->v.dict.values.items[i], "%s", "** in a dict display");
      return check_list (&node->v.dict.keys, error) && check_list (&node->v.dict.values, error);
    case RECLAIM_NODE_ASSIGN:
      for (guint i = 0; i < node->v.assign.targets.n; i++)
        {
          const ReclaimNode *t = node->v.assign.targets.items[i];
          if (t->kind == RECLAIM_NODE_SUBSCRIPT && t->v.subscript.slice->kind == RECLAIM_NODE_SLICE)
            return refuse (error, t, "%s", "assignment to a slice");
        }
      return check_list (&node->v.assign.targets, error) && check_node (node->v.assign.value, error);

    /* everything else: look inside */
    case RECLAIM_NODE_MODULE:
      return check_list (&node->v.module.body, error);
    case RECLAIM_NODE_FUNCTION_DEF:
      return check_list (&node->v.function_def.decorators, error) && check_node (node->v.function_def.args, error) &&
             check_list (&node->v.function_def.body, error);
    case RECLAIM_NODE_ARGUMENTS:
      return check_list (&node->v.arguments.defaults, error);
    case RECLAIM_NODE_RETURN:
      return check_node (node->v.return_stmt.value, error);
    case RECLAIM_NODE_DELETE:
      return check_list (&node->v.delete_stmt.targets, error);
    case RECLAIM_NODE_AUG_ASSIGN:
      return check_node (node->v.aug_assign.target, error) && check_node (node->v.aug_assign.value, error);
    case RECLAIM_NODE_FOR:
      return check_node (node->v.for_stmt.target, error) && check_node (node->v.for_stmt.iter, error) &&
             check_list (&node->v.for_stmt.body, error) && check_list (&node->v.for_stmt.orelse, error);
    case RECLAIM_NODE_WHILE:
    case RECLAIM_NODE_IF:
      return check_node (node->v.if_stmt.test, error) && check_list (&node->v.if_stmt.body, error) &&
             check_list (&node->v.if_stmt.orelse, error);
    case RECLAIM_NODE_WITH:
      for (guint i = 0; i < node->v.with_stmt.items.n; i++)
        {
          const ReclaimNode *item = node->v.with_stmt.items.items[i];
          if (!check_node (item->v.with_item.context_expr, error) || !check_node (item->v.with_item.optional_vars, error))
            return FALSE;
        }
      return check_list (&node->v.with_stmt.body, error);
    case RECLAIM_NODE_RAISE:
      return check_node (node->v.raise_stmt.exc, error) && check_node (node->v.raise_stmt.cause, error);
    case RECLAIM_NODE_TRY:
      for (guint i = 0; i < node->v.try_stmt.handlers.n; i++)
        {
          const ReclaimNode *h = node->v.try_stmt.handlers.items[i];
          if (!check_node (h->v.except_handler.type, error) || !check_list (&h->v.except_handler.body, error))
            return FALSE;
        }
      return check_list (&node->v.try_stmt.body, error) && check_list (&node->v.try_stmt.orelse, error) &&
             check_list (&node->v.try_stmt.finalbody, error);
    case RECLAIM_NODE_ASSERT:
      return check_node (node->v.assert_stmt.test, error) && check_node (node->v.assert_stmt.msg, error);
    case RECLAIM_NODE_EXPR:
      return check_node (node->v.expr_stmt.value, error);
    case RECLAIM_NODE_BOOL_OP:
      return check_list (&node->v.bool_op.values, error);
    case RECLAIM_NODE_NAMED_EXPR:
      return check_node (node->v.named_expr.value, error);
    case RECLAIM_NODE_BIN_OP:
      return check_node (node->v.bin_op.left, error) && check_node (node->v.bin_op.right, error);
    case RECLAIM_NODE_UNARY_OP:
      return check_node (node->v.unary_op.operand, error);
    case RECLAIM_NODE_LAMBDA:
      return check_node (node->v.lambda.args, error) && check_node (node->v.lambda.body, error);
    case RECLAIM_NODE_IF_EXP:
      return check_node (node->v.if_exp.test, error) && check_node (node->v.if_exp.body, error) &&
             check_node (node->v.if_exp.orelse, error);
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_GENERATOR_EXP:
      return check_node (node->v.comp.elt, error) && check_list (&node->v.comp.generators, error);
    case RECLAIM_NODE_DICT_COMP:
      return check_node (node->v.dict_comp.key, error) && check_node (node->v.dict_comp.value, error) &&
             check_list (&node->v.dict_comp.generators, error);
    case RECLAIM_NODE_COMPREHENSION:
      return check_node (node->v.comprehension.target, error) && check_node (node->v.comprehension.iter, error) &&
             check_list (&node->v.comprehension.ifs, error);
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
      return check_node (node->v.yield.value, error);
    case RECLAIM_NODE_COMPARE:
      return check_node (node->v.compare.left, error) && check_list (&node->v.compare.comparators, error);
    case RECLAIM_NODE_CALL:
      {
        const char *format, *name;
        const ReclaimNode *at = check_exception_call (node, bound_names, &format, &name);
        if (at)
          return refuse (error, at, format, name);
      }
      if (!check_node (node->v.call.func, error))
        return FALSE;
      for (guint i = 0; i < node->v.call.args.n; i++)
        {
          const ReclaimNode *a = node->v.call.args.items[i];
          if (!check_node (a->kind == RECLAIM_NODE_STARRED ? a->v.starred.value : a, error))
            return FALSE;
        }
      for (guint i = 0; i < node->v.call.keywords.n; i++)
        if (!check_node (node->v.call.keywords.items[i]->v.keyword.value, error))
          return FALSE;
      return TRUE;
    case RECLAIM_NODE_FORMATTED_VALUE:
      return check_node (node->v.formatted_value.value, error) && check_node (node->v.formatted_value.format_spec, error);
    case RECLAIM_NODE_JOINED_STR:
      return check_list (&node->v.joined_str.values, error);
    case RECLAIM_NODE_ATTRIBUTE:
      {
        const char *format, *name;
        const ReclaimNode *at = check_missing_attribute (node, &format, &name);
        if (at)
          return refuse (error, at, format, name);
      }
      return check_node (node->v.attribute.value, error);
    case RECLAIM_NODE_SUBSCRIPT:
      return check_node (node->v.subscript.value, error) && check_node (node->v.subscript.slice, error);
    case RECLAIM_NODE_STARRED:
      return refuse (error, node, "%s", "starred expression");
    case RECLAIM_NODE_NAME:
      if (node->v.name.ctx == RECLAIM_CTX_LOAD && g_strv_contains (missing_builtins, node->v.name.id) &&
          !g_hash_table_contains (bound_names, node->v.name.id))
        return refuse (error, node, "builtin '%s'", node->v.name.id);
      return TRUE;
    case RECLAIM_NODE_SLICE:
      return check_node (node->v.slice.lower, error) && check_node (node->v.slice.upper, error) &&
             check_node (node->v.slice.step, error);
    default:
      return TRUE;
    }
}

static gboolean
check_list (const ReclaimNodeList *list, ReclaimSyntaxError **error)
{
  for (guint i = 0; i < list->n; i++)
    if (!check_node (list->items[i], error))
      return FALSE;
  return TRUE;
}

gboolean
reclaim_check_supported (const ReclaimNode *module, ReclaimSyntaxError **error)
{
  Names names = { g_hash_table_new (g_str_hash, g_str_equal) };
  collect_bound ((ReclaimNode *) module, &names);
  bound_names = names.bound;
  slotted_classes = check_slotted_classes (module);
  gboolean ok = check_node (module, error);
  g_clear_pointer (&slotted_classes, g_hash_table_unref);
  bound_names = NULL;
  g_hash_table_unref (names.bound);
  return ok;
}
