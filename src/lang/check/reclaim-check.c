/* reclaim-check.c: what the parser accepts as Python but the evaluator
 * does not run, refused before the script starts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-check-private.h"
#include "reclaim-modules.h"

#include <string.h>

/* Builtins python3 has and Reclaim does not (when the script does not
 * define a name of its own like them). */
static const char *const missing_builtins[] = {
  "frozenset", "globals", "locals", "open",
  "bytearray", "memoryview", "complex", "dir", "exec", "eval", "compile", "input",
  "__import__", "breakpoint", "help", "BaseExceptionGroup", "ExceptionGroup", NULL
};

/* Builtin types a class may not be based on. */
static const char *const sealed_types[] = {
  "str", "int", "float", "tuple", "set", "bool", "range", "type", "bytes", NULL
};

typedef struct {
  GHashTable *bound;       /* every name the script binds somewhere */
  GHashTable *by_import;   /* name -> module, for `import M` and `import M as name` */
  GHashTable *otherwise;   /* names bound by anything but `import M` */
} Names;

static void
bind_otherwise (Names *names, const char *name)
{
  g_hash_table_add (names->bound, (gpointer) name);
  g_hash_table_add (names->otherwise, (gpointer) name);
}

static void
collect_import (Names *names, const ReclaimNode *node)
{
  for (guint i = 0; i < node->v.import_stmt.names.n; i++)
    {
      const ReclaimNode *alias = node->v.import_stmt.names.items[i];
      const char *name = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
      const char *before = g_hash_table_lookup (names->by_import, name);

      g_hash_table_add (names->bound, (gpointer) name);
      /* a name bound to two modules: neither is known for certain */
      if (before != NULL && strcmp (before, alias->v.alias.name) != 0)
        g_hash_table_add (names->otherwise, (gpointer) name);
      g_hash_table_insert (names->by_import, (gpointer) name, (gpointer) alias->v.alias.name);
    }
}

static void
collect_bound (ReclaimNode *node, gpointer data)
{
  Names *names = data;
  switch (node->kind)
    {
    case RECLAIM_NODE_IMPORT:
      collect_import (names, node);
      return;
    case RECLAIM_NODE_NAME:
      if (node->v.name.ctx != RECLAIM_CTX_LOAD)
        bind_otherwise (names, node->v.name.id);
      break;
    case RECLAIM_NODE_FUNCTION_DEF:
      bind_otherwise (names, node->v.function_def.bound_name);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      bind_otherwise (names, node->v.class_def.bound_name);
      break;
    case RECLAIM_NODE_ARG:
      bind_otherwise (names, node->v.arg.arg);
      break;
    case RECLAIM_NODE_ALIAS:
      bind_otherwise (names, node->v.alias.asname ? node->v.alias.asname : node->v.alias.name);
      break;
    case RECLAIM_NODE_EXCEPT_HANDLER:
      if (node->v.except_handler.name)
        bind_otherwise (names, node->v.except_handler.name);
      break;
    default:
      break;
    }
  reclaim_ast_foreach_child (node, collect_bound, data);
}

typedef struct {
  const Names *names;
  GPtrArray *refusals;   /* of ReclaimSyntaxError */
  ReclaimCheckAttributeFunc has_attribute;
  gpointer data;
  GHashTable *slotted_classes;  /* names of the classes that set __slots__ */
  guint functions;              /* how many defs and lambdas the walk is inside */
  GHashTable *collections_names; /* check_collections_names */
  gboolean deep_copies;          /* the script calls asdict() or astuple() */
} Check;

/* Notes what is refused and returns TRUE, so that the walk goes on to the
 * next statement and every problem in the file gets listed. */
static gboolean
refuse (Check *c, const ReclaimNode *node, const char *format, const char *arg)
{
  ReclaimSyntaxError *e = g_new0 (ReclaimSyntaxError, 1);
  g_autofree char *what = g_strdup_printf (format, arg);
  e->kind = RECLAIM_ERROR_NOT_SUPPORTED;
  e->message = g_strdup_printf ("not supported in Reclaim: %s", what);
  e->line = node->line;
  e->column = node->col + 1;
  g_ptr_array_add (c->refusals, e);
  return TRUE;
}

static gboolean check_list (const ReclaimNodeList *list, Check *c);
static gboolean check_node (const ReclaimNode *node, Check *c);

/* Calls of builtins that Reclaim runs only in part: type(name, bases,
 * dict), which makes a class, and vars() in a function, which would need
 * the function's locals as a dict. */
static void
check_builtin_call (Check *c, const ReclaimNode *node)
{
  const ReclaimNode *func = node->v.call.func;
  if (func->kind != RECLAIM_NODE_NAME || g_hash_table_contains (c->names->bound, func->v.name.id))
    return;
  guint n = node->v.call.args.n + node->v.call.keywords.n;
  if (strcmp (func->v.name.id, "type") == 0 && n == 3)
    refuse (c, node, "%s", "type() with 3 arguments");
  else if (strcmp (func->v.name.id, "vars") == 0 && n == 0 && c->functions > 0)
    refuse (c, node, "%s", "vars() without an argument in a function");
}

/* A comprehension runs as a function of its own, but for its first
 * iterable, which the enclosing scope evaluates. */
static gboolean
check_comprehension (const ReclaimNodeList *generators, const ReclaimNode *elt, const ReclaimNode *value, Check *c)
{
  const ReclaimNode *first = generators->n > 0 ? generators->items[0] : NULL;
  if (first && !check_node (first->v.comprehension.iter, c))
    return FALSE;
  c->functions++;
  gboolean ok = check_node (elt, c) && check_node (value, c);
  for (guint i = 0; ok && i < generators->n; i++)
    {
      const ReclaimNode *g = generators->items[i];
      ok = check_node (g->v.comprehension.target, c) && (g == first || check_node (g->v.comprehension.iter, c)) &&
           check_list (&g->v.comprehension.ifs, c);
    }
  c->functions--;
  return ok;
}

/* A def's or lambda's body, counted as inside a function. */
static gboolean
check_function_body (const ReclaimNodeList *body, const ReclaimNode *expression, Check *c)
{
  c->functions++;
  gboolean ok = body ? check_list (body, c) : check_node (expression, c);
  c->functions--;
  return ok;
}

/* An attribute the module does not have would fail halfway through the
 * script with AttributeError, as if the user's code were wrong. */
static gboolean
refuse_missing_attribute (Check *c, const ReclaimNode *at, const char *module, const char *attr)
{
  g_autofree char *what = NULL;

  if (c->has_attribute == NULL || c->has_attribute (module, attr, c->data))
    return TRUE;
  what = g_strdup_printf ("%s.%s", module, attr);
  return refuse (c, at, "'%s'", what);
}

static gboolean
check_import_from (Check *c, const ReclaimNode *node)
{
  const char *module = node->v.import_from.module;

  if (module == NULL || node->v.import_from.level > 0 || !lang_module_known (module))
    return refuse (c, node, "import of module '%s'", module ? module : ".");
  const char *format, *name;
  const ReclaimNode *refused = check_missing_import (node, &format, &name);
  if (refused != NULL)
    return refuse (c, refused, format, name);
  for (guint i = 0; i < node->v.import_from.names.n; i++)
    {
      const ReclaimNode *alias = node->v.import_from.names.items[i];
      if (strcmp (alias->v.alias.name, "*") == 0)
        return refuse (c, alias, "%s", "import *");
      refuse_missing_attribute (c, alias, module, alias->v.alias.name);
    }
  return TRUE;
}

/* M.attr where M is only ever bound by `import M`. */
static gboolean
check_module_attribute (Check *c, const ReclaimNode *node)
{
  const ReclaimNode *value = node->v.attribute.value;
  const char *module;

  if (node->v.attribute.ctx != RECLAIM_CTX_LOAD || value->kind != RECLAIM_NODE_NAME ||
      g_hash_table_contains (c->names->otherwise, value->v.name.id))
    return TRUE;
  module = g_hash_table_lookup (c->names->by_import, value->v.name.id);
  if (module == NULL || !lang_module_known (module))
    return TRUE;
  return refuse_missing_attribute (c, node, module, node->v.attribute.attr);
}

static gboolean
check_node (const ReclaimNode *node, Check *c)
{
  if (node == NULL)
    return TRUE;
  switch (node->kind)
    {
    case RECLAIM_NODE_IMPORT:
      for (guint i = 0; i < node->v.import_stmt.names.n; i++)
        {
          const char *name = node->v.import_stmt.names.items[i]->v.alias.name;
          if (!lang_module_known (name))
            return refuse (c, node, "import of module '%s'", name);
        }
      return TRUE;
    case RECLAIM_NODE_IMPORT_FROM:
      return check_import_from (c, node);
    case RECLAIM_NODE_CLASS_DEF:
      if (node->v.class_def.bases.n > 1)
        refuse (c, node->v.class_def.bases.items[1], "%s", "multiple inheritance");
      {
        const char *what, *hook;
        const ReclaimNode *at = check_class_slots (node, c->slotted_classes, &what);
        if (at)
          refuse (c, at, "%s", what);
        if ((at = check_missing_hook (node, &what, &hook)) != NULL)
          refuse (c, at, what, hook);
        if (c->deep_copies && (at = check_copy_hook (node, &what, &hook)) != NULL)
          refuse (c, at, what, hook);
        if ((at = check_collections_base (node, c->collections_names, &what)) != NULL)
          refuse (c, at, "%s", what);
      }
      if (node->v.class_def.bases.n == 1 && node->v.class_def.bases.items[0]->kind == RECLAIM_NODE_NAME &&
          g_strv_contains (sealed_types, node->v.class_def.bases.items[0]->v.name.id) &&
          !g_hash_table_contains (c->names->bound, node->v.class_def.bases.items[0]->v.name.id))
        refuse (c, node->v.class_def.bases.items[0], "a class based on '%s'",
                       node->v.class_def.bases.items[0]->v.name.id);
      return check_list (&node->v.class_def.decorators, c) && check_list (&node->v.class_def.bases, c) &&
             check_list (&node->v.class_def.body, c);
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      return check_list (&node->v.seq.elts, c);
    case RECLAIM_NODE_SET:
      return check_list (&node->v.set.elts, c);
    case RECLAIM_NODE_DICT:
      return check_list (&node->v.dict.keys, c) && check_list (&node->v.dict.values, c);
    case RECLAIM_NODE_ASSIGN:
      return check_list (&node->v.assign.targets, c) && check_node (node->v.assign.value, c) &&
             check_node (node->v.assign.annotation, c);

    /* everything else: look inside */
    case RECLAIM_NODE_MODULE:
      return check_list (&node->v.module.body, c);
    case RECLAIM_NODE_FUNCTION_DEF:
      return check_list (&node->v.function_def.decorators, c) && check_node (node->v.function_def.args, c) &&
             check_node (node->v.function_def.returns, c) &&
             check_function_body (&node->v.function_def.body, NULL, c);
    case RECLAIM_NODE_ARGUMENTS:
      return check_list (&node->v.arguments.defaults, c) && check_list (&node->v.arguments.args, c) &&
             check_node (node->v.arguments.vararg, c) && check_list (&node->v.arguments.kwonlyargs, c) &&
             check_list (&node->v.arguments.kw_defaults, c) && check_node (node->v.arguments.kwarg, c);
    case RECLAIM_NODE_ARG:
      return check_node (node->v.arg.annotation, c);
    case RECLAIM_NODE_RETURN:
      return check_node (node->v.return_stmt.value, c);
    case RECLAIM_NODE_DELETE:
      return check_list (&node->v.delete_stmt.targets, c);
    case RECLAIM_NODE_AUG_ASSIGN:
      return check_node (node->v.aug_assign.target, c) && check_node (node->v.aug_assign.value, c);
    case RECLAIM_NODE_FOR:
      return check_node (node->v.for_stmt.target, c) && check_node (node->v.for_stmt.iter, c) &&
             check_list (&node->v.for_stmt.body, c) && check_list (&node->v.for_stmt.orelse, c);
    case RECLAIM_NODE_WHILE:
    case RECLAIM_NODE_IF:
      return check_node (node->v.if_stmt.test, c) && check_list (&node->v.if_stmt.body, c) &&
             check_list (&node->v.if_stmt.orelse, c);
    case RECLAIM_NODE_WITH:
      for (guint i = 0; i < node->v.with_stmt.items.n; i++)
        {
          const ReclaimNode *item = node->v.with_stmt.items.items[i];
          if (!check_node (item->v.with_item.context_expr, c) || !check_node (item->v.with_item.optional_vars, c))
            return FALSE;
        }
      return check_list (&node->v.with_stmt.body, c);
    case RECLAIM_NODE_RAISE:
      return check_node (node->v.raise_stmt.exc, c) && check_node (node->v.raise_stmt.cause, c);
    case RECLAIM_NODE_TRY:
      for (guint i = 0; i < node->v.try_stmt.handlers.n; i++)
        {
          const ReclaimNode *h = node->v.try_stmt.handlers.items[i];
          if (!check_node (h->v.except_handler.type, c) || !check_list (&h->v.except_handler.body, c))
            return FALSE;
        }
      return check_list (&node->v.try_stmt.body, c) && check_list (&node->v.try_stmt.orelse, c) &&
             check_list (&node->v.try_stmt.finalbody, c);
    case RECLAIM_NODE_ASSERT:
      return check_node (node->v.assert_stmt.test, c) && check_node (node->v.assert_stmt.msg, c);
    case RECLAIM_NODE_EXPR:
      return check_node (node->v.expr_stmt.value, c);
    case RECLAIM_NODE_BOOL_OP:
      return check_list (&node->v.bool_op.values, c);
    case RECLAIM_NODE_NAMED_EXPR:
      return check_node (node->v.named_expr.value, c);
    case RECLAIM_NODE_BIN_OP:
      return check_node (node->v.bin_op.left, c) && check_node (node->v.bin_op.right, c);
    case RECLAIM_NODE_UNARY_OP:
      return check_node (node->v.unary_op.operand, c);
    case RECLAIM_NODE_LAMBDA:
      return check_node (node->v.lambda.args, c) && check_function_body (NULL, node->v.lambda.body, c);
    case RECLAIM_NODE_IF_EXP:
      return check_node (node->v.if_exp.test, c) && check_node (node->v.if_exp.body, c) &&
             check_node (node->v.if_exp.orelse, c);
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_GENERATOR_EXP:
      return check_comprehension (&node->v.comp.generators, node->v.comp.elt, NULL, c);
    case RECLAIM_NODE_DICT_COMP:
      return check_comprehension (&node->v.dict_comp.generators, node->v.dict_comp.key, node->v.dict_comp.value, c);
    case RECLAIM_NODE_COMPREHENSION:
      return check_node (node->v.comprehension.target, c) && check_node (node->v.comprehension.iter, c) &&
             check_list (&node->v.comprehension.ifs, c);
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
      return check_node (node->v.yield.value, c);
    case RECLAIM_NODE_COMPARE:
      return check_node (node->v.compare.left, c) && check_list (&node->v.compare.comparators, c);
    case RECLAIM_NODE_CALL:
      {
        const char *format, *name;
        const ReclaimNode *at = check_exception_call (node, c->names->bound, &format, &name);
        if (at)
          refuse (c, at, format, name);
        if ((at = check_dataclass_call (node, &format, &name)) != NULL)
          refuse (c, at, format, name);
        if ((at = check_codec_call (node, c->names->bound, &format, &name)) != NULL)
          refuse (c, at, format, name);
        if ((at = check_pprint_call (node, &format, &name)) != NULL)
          refuse (c, at, format, name);
        if ((at = check_recursion_limit_call (node, &format, &name)) != NULL)
          refuse (c, at, format, name);
      }
      check_builtin_call (c, node);
      if (!check_node (node->v.call.func, c))
        return FALSE;
      for (guint i = 0; i < node->v.call.args.n; i++)
        {
          const ReclaimNode *a = node->v.call.args.items[i];
          if (!check_node (a->kind == RECLAIM_NODE_STARRED ? a->v.starred.value : a, c))
            return FALSE;
        }
      for (guint i = 0; i < node->v.call.keywords.n; i++)
        if (!check_node (node->v.call.keywords.items[i]->v.keyword.value, c))
          return FALSE;
      return TRUE;
    case RECLAIM_NODE_FORMATTED_VALUE:
      return check_node (node->v.formatted_value.value, c) && check_node (node->v.formatted_value.format_spec, c);
    case RECLAIM_NODE_JOINED_STR:
      return check_list (&node->v.joined_str.values, c);
    case RECLAIM_NODE_ATTRIBUTE:
      {
        const char *format, *name;
        const ReclaimNode *at = check_missing_attribute (node, &format, &name);
        if (at)
          return refuse (c, at, format, name) && check_node (node->v.attribute.value, c);
      }
      return check_module_attribute (c, node) && check_node (node->v.attribute.value, c);
    case RECLAIM_NODE_SUBSCRIPT:
      return check_node (node->v.subscript.value, c) && check_node (node->v.subscript.slice, c);
    case RECLAIM_NODE_STARRED:
      return check_node (node->v.starred.value, c);
    case RECLAIM_NODE_NAME:
      if (node->v.name.ctx == RECLAIM_CTX_LOAD && g_strv_contains (missing_builtins, node->v.name.id) &&
          !g_hash_table_contains (c->names->bound, node->v.name.id))
        return refuse (c, node, "builtin '%s'", node->v.name.id);
      return TRUE;
    case RECLAIM_NODE_SLICE:
      return check_node (node->v.slice.lower, c) && check_node (node->v.slice.upper, c) &&
             check_node (node->v.slice.step, c);
    default:
      return TRUE;
    }
}

static gboolean
check_list (const ReclaimNodeList *list, Check *c)
{
  for (guint i = 0; i < list->n; i++)
    if (!check_node (list->items[i], c))
      return FALSE;
  return TRUE;
}

static int
compare_refusals (gconstpointer a, gconstpointer b)
{
  const ReclaimSyntaxError *x = *(ReclaimSyntaxError *const *) a;
  const ReclaimSyntaxError *y = *(ReclaimSyntaxError *const *) b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

void
reclaim_check_collect (const ReclaimNode *module, GPtrArray *refusals, ReclaimCheckAttributeFunc has_attribute,
                       gpointer data)
{
  Names names = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
  };
  Check c = { .names = &names, .refusals = refusals, .has_attribute = has_attribute, .data = data,
              .slotted_classes = check_slotted_classes (module),
              .collections_names = check_collections_names (module),
              .deep_copies = check_uses_deepcopy (module) };

  collect_bound ((ReclaimNode *) module, &names);
  check_node (module, &c);
  g_hash_table_unref (c.slotted_classes);
  g_hash_table_unref (c.collections_names);
  g_hash_table_unref (names.bound);
  g_hash_table_unref (names.by_import);
  g_hash_table_unref (names.otherwise);
  g_ptr_array_sort (refusals, compare_refusals);
}
