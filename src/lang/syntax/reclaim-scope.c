/* reclaim-scope.c: CPython's symtable for the subset.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of a function's locals matters to what python3 prints: when
 * it returns, its frame drops them in co_varnames order, which is the
 * parameters, then the other locals in the order the compiler first meets
 * them (the value of an assignment before its targets), then cells and
 * free variables, each sorted by name.
 */
#include "reclaim-scope.h"

#include <string.h>

#define DEF_BOUND    (1 << 0)
#define DEF_USED     (1 << 1)
#define DEF_GLOBAL   (1 << 2)
#define DEF_NONLOCAL (1 << 3)
#define DEF_PARAM    (1 << 4)

typedef struct {
  Scope      *scope;
  GHashTable *flags;      /* name -> DEF_* */
  GPtrArray  *order;      /* names in order of first reference */
} Collect;

typedef struct {
  Scope      *module;
  GHashTable *collects;   /* Scope -> Collect */
  GPtrArray  *names;      /* the Name nodes met, resolved once the layout is known */
  char       *error;
  int         error_line;
} Analysis;

static void walk_stmts (Analysis *a, Collect *c, const ReclaimNodeList *list);
static void walk_expr (Analysis *a, Collect *c, const ReclaimNode *node);

static void
note (Collect *c, const char *name, int flag)
{
  gpointer old;
  if (!g_hash_table_lookup_extended (c->flags, name, NULL, &old))
    {
      g_ptr_array_add (c->order, (gpointer) name);
      old = GINT_TO_POINTER (0);
    }
  g_hash_table_insert (c->flags, (gpointer) name, GINT_TO_POINTER (GPOINTER_TO_INT (old) | flag));
}

static Scope *
scope_new (Analysis *a, ScopeKind kind, const ReclaimNode *node, const char *name, Scope *parent)
{
  Scope *s = g_new0 (Scope, 1);

  s->kind = kind;
  s->node = node;
  s->name = g_strdup (name);
  s->parent = parent;
  s->children = g_ptr_array_new ();
  s->slots = g_ptr_array_new ();
  s->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  s->slot_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->passed_free = g_hash_table_new (g_str_hash, g_str_equal);
  if (parent == NULL || parent->kind == SCOPE_MODULE)
    s->qualname = g_strdup (name);
  else if (parent->kind == SCOPE_CLASS)
    s->qualname = g_strdup_printf ("%s.%s", parent->qualname, name);
  else
    s->qualname = g_strdup_printf ("%s.<locals>.%s", parent->qualname, name);
  if (parent)
    g_ptr_array_add (parent->children, s);
  if (a->module)
    g_hash_table_insert (a->module->by_node, (gpointer) node, s);

  Collect *c = g_new0 (Collect, 1);
  c->scope = s;
  c->flags = g_hash_table_new (g_str_hash, g_str_equal);
  c->order = g_ptr_array_new ();
  g_hash_table_insert (a->collects, s, c);
  return s;
}

/* The tree is the analysis's to annotate (the evaluator only reads it):
 * a Name node is evaluated in the scope it was met in. */
static void
meet_name (Analysis *a, Collect *c, const ReclaimNode *node)
{
  ReclaimNode *name = (ReclaimNode *) node;
  name->v.name.scope = c->scope;
  g_ptr_array_add (a->names, name);
}

static void
walk_params (Collect *c, const ReclaimNode *args)
{
  for (guint i = 0; i < args->v.arguments.args.n; i++)
    note (c, args->v.arguments.args.items[i]->v.arg.arg, DEF_BOUND | DEF_PARAM);
  c->scope->n_params = args->v.arguments.args.n;
  c->scope->n_posonly = args->v.arguments.n_posonly;
  /* keyword-only parameters come before *args in the frame, as in
   * CPython's co_varnames */
  for (guint i = 0; i < args->v.arguments.kwonlyargs.n; i++)
    note (c, args->v.arguments.kwonlyargs.items[i]->v.arg.arg, DEF_BOUND | DEF_PARAM);
  c->scope->n_kwonly = args->v.arguments.kwonlyargs.n;
  c->scope->n_params += c->scope->n_kwonly;
  if (args->v.arguments.vararg)
    {
      note (c, args->v.arguments.vararg->v.arg.arg, DEF_BOUND | DEF_PARAM);
      c->scope->has_vararg = TRUE;
      c->scope->n_params++;
    }
  if (args->v.arguments.kwarg)
    {
      note (c, args->v.arguments.kwarg->v.arg.arg, DEF_BOUND | DEF_PARAM);
      c->scope->has_kwarg = TRUE;
      c->scope->n_params++;
    }
}

static void
walk_list (Analysis *a, Collect *c, const ReclaimNodeList *list)
{
  for (guint i = 0; i < list->n; i++)
    if (list->items[i])
      walk_expr (a, c, list->items[i]);
}

/* A comprehension or generator expression is a function of its own; its
 * first iterable is evaluated outside and passed in as ".0". */
static void
walk_comprehension (Analysis *a, Collect *c, const ReclaimNode *node, const char *name)
{
  const ReclaimNodeList *gens = node->kind == RECLAIM_NODE_DICT_COMP ? &node->v.dict_comp.generators
                                                                      : &node->v.comp.generators;
  walk_expr (a, c, gens->items[0]->v.comprehension.iter);

  Scope *s = scope_new (a, SCOPE_FUNCTION, node, name, c->scope);
  Collect *inner = g_hash_table_lookup (a->collects, s);
  note (inner, ".0", DEF_BOUND | DEF_PARAM);
  s->n_params = 1;
  s->is_generator = node->kind == RECLAIM_NODE_GENERATOR_EXP;
  for (guint i = 0; i < gens->n; i++)
    {
      const ReclaimNode *g = gens->items[i];
      if (i > 0)
        walk_expr (a, inner, g->v.comprehension.iter);
      walk_expr (a, inner, g->v.comprehension.target);
      walk_list (a, inner, &g->v.comprehension.ifs);
    }
  if (node->kind == RECLAIM_NODE_DICT_COMP)
    {
      walk_expr (a, inner, node->v.dict_comp.key);
      walk_expr (a, inner, node->v.dict_comp.value);
    }
  else
    walk_expr (a, inner, node->v.comp.elt);
}

static void
walk_function (Analysis *a, Collect *c, const ReclaimNode *node)
{
  gboolean is_lambda = node->kind == RECLAIM_NODE_LAMBDA;
  const ReclaimNode *args = is_lambda ? node->v.lambda.args : node->v.function_def.args;

  /* decorators and defaults are evaluated where the function is defined */
  if (!is_lambda)
    walk_list (a, c, &node->v.function_def.decorators);
  walk_list (a, c, &args->v.arguments.defaults);
  walk_list (a, c, &args->v.arguments.kw_defaults);
  if (!is_lambda)
    {
      /* and so are the annotations */
      for (guint i = 0; i < args->v.arguments.args.n; i++)
        walk_expr (a, c, args->v.arguments.args.items[i]->v.arg.annotation);
      if (args->v.arguments.vararg)
        walk_expr (a, c, args->v.arguments.vararg->v.arg.annotation);
      for (guint i = 0; i < args->v.arguments.kwonlyargs.n; i++)
        walk_expr (a, c, args->v.arguments.kwonlyargs.items[i]->v.arg.annotation);
      if (args->v.arguments.kwarg)
        walk_expr (a, c, args->v.arguments.kwarg->v.arg.annotation);
      walk_expr (a, c, node->v.function_def.returns);
      note (c, node->v.function_def.bound_name, DEF_BOUND);
    }

  Scope *s = scope_new (a, SCOPE_FUNCTION, node, is_lambda ? "<lambda>" : node->v.function_def.name, c->scope);
  Collect *inner = g_hash_table_lookup (a->collects, s);
  walk_params (inner, args);
  if (is_lambda)
    walk_expr (a, inner, node->v.lambda.body);
  else
    walk_stmts (a, inner, &node->v.function_def.body);
}

static void
walk_expr (Analysis *a, Collect *c, const ReclaimNode *node)
{
  if (node == NULL)
    return;
  switch (node->kind)
    {
    case RECLAIM_NODE_NAME:
      note (c, node->v.name.id, node->v.name.ctx == RECLAIM_CTX_LOAD ? DEF_USED : DEF_BOUND);
      meet_name (a, c, node);
      break;
    case RECLAIM_NODE_BOOL_OP:
      walk_list (a, c, &node->v.bool_op.values);
      break;
    case RECLAIM_NODE_NAMED_EXPR:
      walk_expr (a, c, node->v.named_expr.value);
      walk_expr (a, c, node->v.named_expr.target);
      break;
    case RECLAIM_NODE_BIN_OP:
      walk_expr (a, c, node->v.bin_op.left);
      walk_expr (a, c, node->v.bin_op.right);
      break;
    case RECLAIM_NODE_UNARY_OP:
      walk_expr (a, c, node->v.unary_op.operand);
      break;
    case RECLAIM_NODE_LAMBDA:
      walk_function (a, c, node);
      break;
    case RECLAIM_NODE_IF_EXP:
      walk_expr (a, c, node->v.if_exp.test);
      walk_expr (a, c, node->v.if_exp.body);
      walk_expr (a, c, node->v.if_exp.orelse);
      break;
    case RECLAIM_NODE_DICT:
      for (guint i = 0; i < node->v.dict.values.n; i++)
        {
          walk_expr (a, c, node->v.dict.keys.items[i]);
          walk_expr (a, c, node->v.dict.values.items[i]);
        }
      break;
    case RECLAIM_NODE_SET:
      walk_list (a, c, &node->v.set.elts);
      break;
    case RECLAIM_NODE_LIST_COMP:
      walk_comprehension (a, c, node, "<listcomp>");
      break;
    case RECLAIM_NODE_SET_COMP:
      walk_comprehension (a, c, node, "<setcomp>");
      break;
    case RECLAIM_NODE_DICT_COMP:
      walk_comprehension (a, c, node, "<dictcomp>");
      break;
    case RECLAIM_NODE_GENERATOR_EXP:
      walk_comprehension (a, c, node, "<genexpr>");
      break;
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
      c->scope->is_generator = TRUE;
      walk_expr (a, c, node->v.yield.value);
      break;
    case RECLAIM_NODE_COMPARE:
      walk_expr (a, c, node->v.compare.left);
      walk_list (a, c, &node->v.compare.comparators);
      break;
    case RECLAIM_NODE_CALL:
      walk_expr (a, c, node->v.call.func);
      walk_list (a, c, &node->v.call.args);
      for (guint i = 0; i < node->v.call.keywords.n; i++)
        walk_expr (a, c, node->v.call.keywords.items[i]->v.keyword.value);
      break;
    case RECLAIM_NODE_FORMATTED_VALUE:
      walk_expr (a, c, node->v.formatted_value.value);
      walk_expr (a, c, node->v.formatted_value.format_spec);
      break;
    case RECLAIM_NODE_JOINED_STR:
      walk_list (a, c, &node->v.joined_str.values);
      break;
    case RECLAIM_NODE_ATTRIBUTE:
      walk_expr (a, c, node->v.attribute.value);
      break;
    case RECLAIM_NODE_SUBSCRIPT:
      walk_expr (a, c, node->v.subscript.value);
      walk_expr (a, c, node->v.subscript.slice);
      break;
    case RECLAIM_NODE_STARRED:
      walk_expr (a, c, node->v.starred.value);
      break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      walk_list (a, c, &node->v.seq.elts);
      break;
    case RECLAIM_NODE_SLICE:
      walk_expr (a, c, node->v.slice.lower);
      walk_expr (a, c, node->v.slice.upper);
      walk_expr (a, c, node->v.slice.step);
      break;
    default:
      break;
    }
}

static void
walk_stmt (Analysis *a, Collect *c, const ReclaimNode *node)
{
  switch (node->kind)
    {
    case RECLAIM_NODE_FUNCTION_DEF:
      walk_function (a, c, node);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      {
        walk_list (a, c, &node->v.class_def.decorators);
        walk_list (a, c, &node->v.class_def.bases);
        Scope *s = scope_new (a, SCOPE_CLASS, node, node->v.class_def.name, c->scope);
        walk_stmts (a, g_hash_table_lookup (a->collects, s), &node->v.class_def.body);
        note (c, node->v.class_def.bound_name, DEF_BOUND);
      }
      break;
    case RECLAIM_NODE_RETURN:
      walk_expr (a, c, node->v.return_stmt.value);
      break;
    case RECLAIM_NODE_DELETE:
      walk_list (a, c, &node->v.delete_stmt.targets);
      break;
    case RECLAIM_NODE_ASSIGN:
      walk_expr (a, c, node->v.assign.value);
      walk_list (a, c, &node->v.assign.targets);
      walk_expr (a, c, node->v.assign.annotation);
      break;
    case RECLAIM_NODE_AUG_ASSIGN:
      /* the target is read, then written */
      if (node->v.aug_assign.target->kind == RECLAIM_NODE_NAME)
        {
          note (c, node->v.aug_assign.target->v.name.id, DEF_USED | DEF_BOUND);
          meet_name (a, c, node->v.aug_assign.target);
        }
      else
        walk_expr (a, c, node->v.aug_assign.target);
      walk_expr (a, c, node->v.aug_assign.value);
      break;
    case RECLAIM_NODE_FOR:
      walk_expr (a, c, node->v.for_stmt.iter);
      walk_expr (a, c, node->v.for_stmt.target);
      walk_stmts (a, c, &node->v.for_stmt.body);
      walk_stmts (a, c, &node->v.for_stmt.orelse);
      break;
    case RECLAIM_NODE_WHILE:
    case RECLAIM_NODE_IF:
      walk_expr (a, c, node->v.if_stmt.test);
      walk_stmts (a, c, &node->v.if_stmt.body);
      walk_stmts (a, c, &node->v.if_stmt.orelse);
      break;
    case RECLAIM_NODE_WITH:
      for (guint i = 0; i < node->v.with_stmt.items.n; i++)
        {
          const ReclaimNode *item = node->v.with_stmt.items.items[i];
          walk_expr (a, c, item->v.with_item.context_expr);
          walk_expr (a, c, item->v.with_item.optional_vars);
        }
      walk_stmts (a, c, &node->v.with_stmt.body);
      break;
    case RECLAIM_NODE_RAISE:
      walk_expr (a, c, node->v.raise_stmt.exc);
      walk_expr (a, c, node->v.raise_stmt.cause);
      break;
    case RECLAIM_NODE_TRY:
      walk_stmts (a, c, &node->v.try_stmt.body);
      for (guint i = 0; i < node->v.try_stmt.handlers.n; i++)
        {
          const ReclaimNode *h = node->v.try_stmt.handlers.items[i];
          walk_expr (a, c, h->v.except_handler.type);
          if (h->v.except_handler.name)
            note (c, h->v.except_handler.name, DEF_BOUND);
          walk_stmts (a, c, &h->v.except_handler.body);
        }
      walk_stmts (a, c, &node->v.try_stmt.orelse);
      walk_stmts (a, c, &node->v.try_stmt.finalbody);
      break;
    case RECLAIM_NODE_ASSERT:
      walk_expr (a, c, node->v.assert_stmt.test);
      walk_expr (a, c, node->v.assert_stmt.msg);
      break;
    case RECLAIM_NODE_IMPORT:
    case RECLAIM_NODE_IMPORT_FROM:
      {
        const ReclaimNodeList *names = node->kind == RECLAIM_NODE_IMPORT ? &node->v.import_stmt.names
                                                                         : &node->v.import_from.names;
        for (guint i = 0; i < names->n; i++)
          {
            const ReclaimNode *alias = names->items[i];
            const char *bound = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
            note (c, bound, DEF_BOUND);
          }
      }
      break;
    case RECLAIM_NODE_GLOBAL:
    case RECLAIM_NODE_NONLOCAL:
      for (guint i = 0; i < node->v.global_stmt.names.n; i++)
        note (c, node->v.global_stmt.names.items[i]->v.name.id,
              node->kind == RECLAIM_NODE_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL);
      break;
    case RECLAIM_NODE_EXPR:
      walk_expr (a, c, node->v.expr_stmt.value);
      break;
    default:
      break;
    }
}

static void
walk_stmts (Analysis *a, Collect *c, const ReclaimNodeList *list)
{
  for (guint i = 0; i < list->n; i++)
    walk_stmt (a, c, list->items[i]);
}

/* ---- resolution --------------------------------------------------------- */

static int
flags_of (Analysis *a, Scope *s, const char *name)
{
  Collect *c = g_hash_table_lookup (a->collects, s);
  return GPOINTER_TO_INT (g_hash_table_lookup (c->flags, name));
}

/* Is `name` a variable of some enclosing function (classes are skipped)? */
static Scope *
enclosing_binder (Analysis *a, Scope *s, const char *name)
{
  for (Scope *p = s->parent; p && p->kind != SCOPE_MODULE; p = p->parent)
    {
      if (p->kind == SCOPE_CLASS)
        continue;
      int f = flags_of (a, p, name);
      if (f & DEF_GLOBAL)
        return NULL;
      if ((f & DEF_BOUND) || (f & DEF_NONLOCAL))
        return p;
    }
  return NULL;
}

static void
set_kind (Scope *s, const char *name, NameKind kind)
{
  g_hash_table_insert (s->kinds, (gpointer) name, GINT_TO_POINTER (kind));
}

/* A free variable also passes through the functions and class bodies
 * between its use and its binder: make it free there too (a method's
 * closure comes from its class body's cells), and a cell in the binder.
 * A class body that binds the name itself keeps it in its namespace and
 * passes the cell on beside it. */
static void
mark_free_path (Scope *from, Scope *binder, const char *name)
{
  for (Scope *p = from; p != binder; p = p->parent)
    {
      gpointer k;
      gboolean known = g_hash_table_lookup_extended (p->kinds, name, NULL, &k);
      if (((p->kind == SCOPE_FUNCTION || p == from) && (!known || GPOINTER_TO_INT (k) != NAME_LOCAL)) ||
          (p->kind == SCOPE_CLASS && !known))
        set_kind (p, name, NAME_FREE);
      else if (p->kind == SCOPE_CLASS && GPOINTER_TO_INT (k) == NAME_NAMESPACE)
        g_hash_table_add (p->passed_free, (gpointer) name);
    }
  set_kind (binder, name, NAME_CELL);
}

/* Zero-argument super() needs the class being defined: a function that
 * names super (or __class__) closes over an implicit __class__ cell of the
 * nearest enclosing class body, as CPython's compiler arranges. */
static void
add_class_cell (Analysis *a, Scope *s)
{
  Collect *c = g_hash_table_lookup (a->collects, s);
  if (s->kind != SCOPE_FUNCTION ||
      !(g_hash_table_contains (c->flags, "super") || g_hash_table_contains (c->flags, "__class__")))
    return;
  Scope *cls = s->parent;
  while (cls && cls->kind == SCOPE_FUNCTION)
    cls = cls->parent;
  if (cls == NULL || cls->kind != SCOPE_CLASS)
    return;
  for (Scope *p = s; p != cls; p = p->parent)
    set_kind (p, "__class__", NAME_FREE);
  set_kind (cls, "__class__", NAME_CELL);
}

static gboolean
resolve (Analysis *a, Scope *s)
{
  Collect *c = g_hash_table_lookup (a->collects, s);

  add_class_cell (a, s);

  for (guint i = 0; i < c->order->len; i++)
    {
      const char *name = c->order->pdata[i];
      int f = flags_of (a, s, name);
      if (g_hash_table_contains (s->kinds, name))
        continue;   /* already a cell or free from an inner scope */
      if (s->kind == SCOPE_MODULE)
        set_kind (s, name, f & DEF_GLOBAL ? NAME_GLOBAL : NAME_NAMESPACE);
      else if (f & DEF_GLOBAL)
        set_kind (s, name, NAME_GLOBAL);
      else if (f & DEF_NONLOCAL)
        {
          Scope *binder = enclosing_binder (a, s, name);
          if (binder == NULL)
            {
              a->error = g_strdup_printf ("no binding for nonlocal '%s' found", name);
              a->error_line = s->node->line;
              return FALSE;
            }
          mark_free_path (s, binder, name);
        }
      else if (f & DEF_BOUND)
        set_kind (s, name, s->kind == SCOPE_CLASS ? NAME_NAMESPACE : NAME_LOCAL);
      else
        {
          Scope *binder = enclosing_binder (a, s, name);
          if (binder)
            mark_free_path (s, binder, name);
          else
            set_kind (s, name, s->kind == SCOPE_CLASS ? NAME_NAMESPACE : NAME_GLOBAL);
        }
    }
  for (guint i = 0; i < s->children->len; i++)
    if (!resolve (a, s->children->pdata[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names (gconstpointer x, gconstpointer y)
{
  return strcmp (*(const char **) x, *(const char **) y);
}

static void
add_slot (Scope *s, const char *name)
{
  if (g_hash_table_contains (s->slot_index, name))
    return;
  g_ptr_array_add (s->slots, (gpointer) name);
  g_hash_table_insert (s->slot_index, (gpointer) name, GUINT_TO_POINTER (s->slots->len));
}

/* localsplus: parameters, plain locals in first-reference order, then the
 * other cells and the free variables, sorted. */
static void
layout (Analysis *a, Scope *s)
{
  Collect *c = g_hash_table_lookup (a->collects, s);

  if (s->kind == SCOPE_FUNCTION)
    {
      for (guint i = 0; i < c->order->len && s->slots->len < s->n_params; i++)
        if (flags_of (a, s, c->order->pdata[i]) & DEF_PARAM)
          add_slot (s, c->order->pdata[i]);
      for (guint i = 0; i < c->order->len; i++)
        if (reclaim_scope_name_kind (s, c->order->pdata[i]) == NAME_LOCAL)
          add_slot (s, c->order->pdata[i]);
    }
  g_autoptr (GPtrArray) cells = g_ptr_array_new (), frees = g_ptr_array_new ();
  GHashTableIter it;
  gpointer name, kind;
  g_hash_table_iter_init (&it, s->kinds);
  while (g_hash_table_iter_next (&it, &name, &kind))
    if (GPOINTER_TO_INT (kind) == NAME_CELL && !g_hash_table_contains (s->slot_index, name))
      g_ptr_array_add (cells, name);
    else if (GPOINTER_TO_INT (kind) == NAME_FREE || g_hash_table_contains (s->passed_free, name))
      g_ptr_array_add (frees, name);
  g_ptr_array_sort (cells, compare_names);
  g_ptr_array_sort (frees, compare_names);
  for (guint i = 0; i < cells->len; i++)
    add_slot (s, cells->pdata[i]);
  for (guint i = 0; i < frees->len; i++)
    add_slot (s, frees->pdata[i]);
  for (guint i = 0; i < s->slots->len; i++)
    if (reclaim_scope_name_kind (s, s->slots->pdata[i]) == NAME_CELL ||
        reclaim_scope_name_kind (s, s->slots->pdata[i]) == NAME_FREE)
      s->has_cells = TRUE;
  for (guint i = 0; i < s->children->len; i++)
    layout (a, s->children->pdata[i]);
}

/* Once every scope has its kinds and slots, each Name node learns its own:
 * the evaluator reads a local's slot from the node, as CPython's compiler
 * turns a local name into LOAD_FAST with its index. */
static void
resolve_names (Analysis *a)
{
  for (guint i = 0; i < a->names->len; i++)
    {
      ReclaimNode *node = a->names->pdata[i];
      const Scope *s = node->v.name.scope;
      node->v.name.kind = reclaim_scope_name_kind (s, node->v.name.id);
      node->v.name.slot = reclaim_scope_slot (s, node->v.name.id);
      node->v.name.cache_dict = 0;
    }
}

static void
collect_free (gpointer key, gpointer value, gpointer user_data)
{
  Collect *c = value;
  g_hash_table_unref (c->flags);
  g_ptr_array_unref (c->order);
  g_free (c);
}

Scope *
reclaim_scope_analyse (const ReclaimNode *module, char **error, int *error_line)
{
  Analysis a = { 0 };

  a.collects = g_hash_table_new (NULL, NULL);
  a.names = g_ptr_array_new ();
  a.module = scope_new (&a, SCOPE_MODULE, module, "<module>", NULL);
  a.module->by_node = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (a.module->by_node, (gpointer) module, a.module);
  walk_stmts (&a, g_hash_table_lookup (a.collects, a.module), &module->v.module.body);
  gboolean ok = resolve (&a, a.module);
  if (ok)
    {
      layout (&a, a.module);
      resolve_names (&a);
    }
  if (!ok)
    for (guint i = 0; i < a.names->len; i++)
      ((ReclaimNode *) a.names->pdata[i])->v.name.scope = NULL;   /* its scope is freed below */
  g_ptr_array_unref (a.names);
  g_hash_table_foreach (a.collects, collect_free, NULL);
  g_hash_table_unref (a.collects);
  if (!ok)
    {
      *error = a.error;
      *error_line = a.error_line;
      reclaim_scope_free (a.module);
      return NULL;
    }
  return a.module;
}

static void
scope_free_one (Scope *s)
{
  for (guint i = 0; i < s->children->len; i++)
    scope_free_one (s->children->pdata[i]);
  g_ptr_array_unref (s->children);
  g_ptr_array_unref (s->slots);
  g_hash_table_unref (s->kinds);
  g_hash_table_unref (s->slot_index);
  g_hash_table_unref (s->passed_free);
  if (s->by_node)
    g_hash_table_unref (s->by_node);
  g_free (s->name);
  g_free (s->qualname);
  g_free (s);
}

void
reclaim_scope_free (Scope *module_scope)
{
  if (module_scope)
    scope_free_one (module_scope);
}

Scope *
reclaim_scope_for_node (Scope *module_scope, const ReclaimNode *node)
{
  return g_hash_table_lookup (module_scope->by_node, node);
}

NameKind
reclaim_scope_name_kind (const Scope *scope, const char *name)
{
  gpointer kind;
  if (g_hash_table_lookup_extended (scope->kinds, name, NULL, &kind))
    return GPOINTER_TO_INT (kind);
  return scope->kind == SCOPE_FUNCTION ? NAME_GLOBAL : NAME_NAMESPACE;
}

int
reclaim_scope_slot (const Scope *scope, const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (scope->slot_index, name)) - 1;
}
