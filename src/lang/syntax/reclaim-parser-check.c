/* reclaim-parser-check.c: the compile-time checks
 *
 * After a successful parse, parser_check_module() rejects what CPython's
 * AST optimizer, symtable and compiler reject: too deep nesting, bad
 * global and nonlocal declarations, 'return' outside function ...
 */
#include "reclaim-parser-private.h"

#include <string.h>

typedef struct {
  Parser *p;
  int depth;
  gboolean in_function;
  gboolean in_async;
  gboolean in_loop;
} Checker;

typedef gboolean (*VisitFunc) (Checker *c, ReclaimNode *node);

/* Calls visit on each child, in source order. */
static gboolean
visit_children (Checker *c, ReclaimNode *n, VisitFunc visit)
{
#define V(x) G_STMT_START { if ((x) != NULL && !visit (c, (x))) return FALSE; } G_STMT_END
#define VL(l) G_STMT_START { for (guint _i = 0; _i < (l).n; _i++) V ((l).items[_i]); } G_STMT_END
  switch (n->kind)
    {
    case RECLAIM_NODE_MODULE: VL (n->v.module.body); break;
    case RECLAIM_NODE_FUNCTION_DEF:
      VL (n->v.function_def.decorators); V (n->v.function_def.args); VL (n->v.function_def.body);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      VL (n->v.class_def.decorators); VL (n->v.class_def.bases); VL (n->v.class_def.body);
      break;
    case RECLAIM_NODE_RETURN: V (n->v.return_stmt.value); break;
    case RECLAIM_NODE_DELETE: VL (n->v.delete_stmt.targets); break;
    case RECLAIM_NODE_ASSIGN: VL (n->v.assign.targets); V (n->v.assign.value); V (n->v.assign.annotation); break;
    case RECLAIM_NODE_AUG_ASSIGN: V (n->v.aug_assign.target); V (n->v.aug_assign.value); break;
    case RECLAIM_NODE_FOR: V (n->v.for_stmt.target); V (n->v.for_stmt.iter);
      VL (n->v.for_stmt.body); VL (n->v.for_stmt.orelse); break;
    case RECLAIM_NODE_WHILE: V (n->v.while_stmt.test); VL (n->v.while_stmt.body); VL (n->v.while_stmt.orelse); break;
    case RECLAIM_NODE_IF: V (n->v.if_stmt.test); VL (n->v.if_stmt.body); VL (n->v.if_stmt.orelse); break;
    case RECLAIM_NODE_WITH: VL (n->v.with_stmt.items); VL (n->v.with_stmt.body); break;
    case RECLAIM_NODE_RAISE: V (n->v.raise_stmt.exc); V (n->v.raise_stmt.cause); break;
    case RECLAIM_NODE_TRY: VL (n->v.try_stmt.body); VL (n->v.try_stmt.handlers);
      VL (n->v.try_stmt.orelse); VL (n->v.try_stmt.finalbody); break;
    case RECLAIM_NODE_ASSERT: V (n->v.assert_stmt.test); V (n->v.assert_stmt.msg); break;
    case RECLAIM_NODE_EXPR: V (n->v.expr_stmt.value); break;
    case RECLAIM_NODE_BOOL_OP: VL (n->v.bool_op.values); break;
    case RECLAIM_NODE_NAMED_EXPR: V (n->v.named_expr.target); V (n->v.named_expr.value); break;
    case RECLAIM_NODE_BIN_OP: V (n->v.bin_op.left); V (n->v.bin_op.right); break;
    case RECLAIM_NODE_UNARY_OP: V (n->v.unary_op.operand); break;
    case RECLAIM_NODE_LAMBDA: V (n->v.lambda.args); V (n->v.lambda.body); break;
    case RECLAIM_NODE_IF_EXP: V (n->v.if_exp.test); V (n->v.if_exp.body); V (n->v.if_exp.orelse); break;
    case RECLAIM_NODE_DICT:
      for (guint i = 0; i < n->v.dict.values.n; i++)
        {
          V (n->v.dict.keys.items[i]);
          V (n->v.dict.values.items[i]);
        }
      break;
    case RECLAIM_NODE_SET: VL (n->v.set.elts); break;
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_GENERATOR_EXP: VL (n->v.comp.generators); V (n->v.comp.elt); break;
    case RECLAIM_NODE_DICT_COMP: VL (n->v.dict_comp.generators); V (n->v.dict_comp.key); V (n->v.dict_comp.value); break;
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
    case RECLAIM_NODE_AWAIT: V (n->v.yield.value); break;
    case RECLAIM_NODE_COMPARE: V (n->v.compare.left); VL (n->v.compare.comparators); break;
    case RECLAIM_NODE_CALL: V (n->v.call.func); VL (n->v.call.args); VL (n->v.call.keywords); break;
    case RECLAIM_NODE_FORMATTED_VALUE: V (n->v.formatted_value.value); V (n->v.formatted_value.format_spec); break;
    case RECLAIM_NODE_JOINED_STR: VL (n->v.joined_str.values); break;
    case RECLAIM_NODE_ATTRIBUTE: V (n->v.attribute.value); break;
    case RECLAIM_NODE_SUBSCRIPT: V (n->v.subscript.value); V (n->v.subscript.slice); break;
    case RECLAIM_NODE_STARRED: V (n->v.starred.value); break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE: VL (n->v.seq.elts); break;
    case RECLAIM_NODE_SLICE: V (n->v.slice.lower); V (n->v.slice.upper); V (n->v.slice.step); break;
    case RECLAIM_NODE_ARGUMENTS: VL (n->v.arguments.defaults); VL (n->v.arguments.kw_defaults); break;
    case RECLAIM_NODE_KEYWORD: V (n->v.keyword.value); break;
    case RECLAIM_NODE_COMPREHENSION: V (n->v.comprehension.iter); V (n->v.comprehension.target);
      VL (n->v.comprehension.ifs); break;
    case RECLAIM_NODE_EXCEPT_HANDLER: V (n->v.except_handler.type); VL (n->v.except_handler.body); break;
    case RECLAIM_NODE_WITH_ITEM: V (n->v.with_item.context_expr); V (n->v.with_item.optional_vars); break;
    default: break;
    }
  return TRUE;
#undef V
#undef VL
}

static gboolean
raise_check (Checker *c, ReclaimNode *n, ReclaimSyntaxErrorKind kind, const char *message)
{
  Parser *p = c->p;
  p->error = parser_make_error_at_node (p, n, kind, message);
  return FALSE;
}

/* the AST optimizer counts nested statements and expressions */
static gboolean
check_depth (Checker *c, ReclaimNode *n)
{
  gboolean counted = reclaim_node_is_stmt (n) || reclaim_node_is_expr (n);
  gboolean ok;

  if (counted && ++c->depth > RECLAIM_COMPILER_MAX_DEPTH)
    return raise_check (c, n, RECLAIM_ERROR_RECURSION, "maximum recursion depth exceeded during compilation");
  ok = visit_children (c, n, check_depth);
  if (counted)
    c->depth--;
  return ok;
}

/* symtable: scopes and the names in them, checked like CPython's
 * Python/symtable.c: first while visiting, then in its analysis */

enum {
  DEF_GLOBAL = 1 << 0,
  DEF_LOCAL = 1 << 1,
  DEF_PARAM = 1 << 2,
  DEF_NONLOCAL = 1 << 3,
  USE = 1 << 4,
};

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } ScopeKind;

typedef struct _Scope Scope;
struct _Scope {
  ScopeKind kind;
  ReclaimNodeKind comprehension;   /* RECLAIM_NODE_N_KINDS if not one */
  GHashTable *flags;               /* name -> flags */
  GPtrArray *order;                /* names, first seen first */
  GHashTable *directives;          /* name -> its global/nonlocal statement */
  GPtrArray *children;
  Scope *parent;
};

typedef struct {
  Parser *p;
  Scope *top;
  Scope *cur;
} Symtable;

static Scope *
scope_new (Symtable *st, ScopeKind kind, ReclaimNodeKind comprehension)
{
  Scope *scope = g_new0 (Scope, 1);
  scope->kind = kind;
  scope->comprehension = comprehension;
  scope->flags = g_hash_table_new (g_str_hash, g_str_equal);
  scope->order = g_ptr_array_new ();
  scope->directives = g_hash_table_new (g_str_hash, g_str_equal);
  scope->children = g_ptr_array_new ();
  scope->parent = st->cur;
  if (st->cur)
    g_ptr_array_add (st->cur->children, scope);
  return scope;
}

static void
scope_free (Scope *scope)
{
  for (guint i = 0; i < scope->children->len; i++)
    scope_free (scope->children->pdata[i]);
  g_hash_table_destroy (scope->flags);
  g_ptr_array_free (scope->order, TRUE);
  g_hash_table_destroy (scope->directives);
  g_ptr_array_free (scope->children, TRUE);
  g_free (scope);
}

static int
lookup (Scope *scope, const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (scope->flags, name));
}

static gboolean
symtable_error (Symtable *st, const ReclaimNode *at, const char *format, const char *name)
{
  char *message = g_strdup_printf (format, name);
  st->p->error = parser_make_error_at_node (st->p, at, RECLAIM_ERROR_SYNTAX, message);
  g_free (message);
  return FALSE;
}

/* symtable_add_def() */
static gboolean
add_def (Symtable *st, const char *name, int flag, const ReclaimNode *at)
{
  Scope *scope = st->cur;
  int flags = lookup (scope, name);

  if ((flag & DEF_PARAM) && (flags & DEF_PARAM))
    return symtable_error (st, at, "duplicate argument '%s' in function definition", name);
  if (flags == 0)
    g_ptr_array_add (scope->order, (gpointer) name);
  g_hash_table_insert (scope->flags, (gpointer) name, GINT_TO_POINTER (flags | flag));
  return TRUE;
}

static gboolean visit_symbols (Symtable *st, ReclaimNode *n);

static gboolean
visit_symbol_list (Symtable *st, ReclaimNodeList list)
{
  for (guint i = 0; i < list.n; i++)
    if (list.items[i] != NULL && !visit_symbols (st, list.items[i]))
      return FALSE;
  return TRUE;
}

/* parameters in the function's scope: positional, keyword-only, *args,
 * **kwargs */
static gboolean
add_params (Symtable *st, ReclaimNode *args)
{
  for (guint i = 0; i < args->v.arguments.args.n; i++)
    if (!add_def (st, args->v.arguments.args.items[i]->v.arg.arg, DEF_PARAM, args->v.arguments.args.items[i]))
      return FALSE;
  for (guint i = 0; i < args->v.arguments.kwonlyargs.n; i++)
    if (!add_def (st, args->v.arguments.kwonlyargs.items[i]->v.arg.arg, DEF_PARAM, args->v.arguments.kwonlyargs.items[i]))
      return FALSE;
  if (args->v.arguments.vararg && !add_def (st, args->v.arguments.vararg->v.arg.arg, DEF_PARAM, args->v.arguments.vararg))
    return FALSE;
  if (args->v.arguments.kwarg && !add_def (st, args->v.arguments.kwarg->v.arg.arg, DEF_PARAM, args->v.arguments.kwarg))
    return FALSE;
  return TRUE;
}

static gboolean
visit_comprehension (Symtable *st, ReclaimNode *n)
{
  ReclaimNodeList gens = n->kind == RECLAIM_NODE_DICT_COMP ? n->v.dict_comp.generators : n->v.comp.generators;
  gboolean ok = TRUE;
  Scope *outer = st->cur;

  /* the first iterable belongs to the enclosing scope */
  if (!visit_symbols (st, gens.items[0]->v.comprehension.iter))
    return FALSE;
  st->cur = scope_new (st, SCOPE_FUNCTION, n->kind);
  for (guint i = 0; ok && i < gens.n; i++)
    {
      ReclaimNode *g = gens.items[i];
      ok = visit_symbols (st, g->v.comprehension.target);
      if (ok && i > 0)
        ok = visit_symbols (st, g->v.comprehension.iter);
      for (guint j = 0; ok && j < g->v.comprehension.ifs.n; j++)
        ok = visit_symbols (st, g->v.comprehension.ifs.items[j]);
    }
  if (ok)
    {
      if (n->kind == RECLAIM_NODE_DICT_COMP)
        ok = visit_symbols (st, n->v.dict_comp.key) && visit_symbols (st, n->v.dict_comp.value);
      else
        ok = visit_symbols (st, n->v.comp.elt);
    }
  st->cur = outer;
  return ok;
}

static void
visit_symbol_child (ReclaimNode *child, gpointer data)
{
  Symtable *st = data;
  if (st->p->error == NULL)
    visit_symbols (st, child);
}

/* symtable_visit_stmt() and symtable_visit_expr() */
static gboolean
visit_symbols (Symtable *st, ReclaimNode *n)
{
  Scope *outer = st->cur;
  gboolean ok = TRUE;

  switch (n->kind)
    {
    case RECLAIM_NODE_FUNCTION_DEF:
    case RECLAIM_NODE_LAMBDA:
      {
        ReclaimNode *args = n->kind == RECLAIM_NODE_LAMBDA ? n->v.lambda.args : n->v.function_def.args;
        if (n->kind == RECLAIM_NODE_FUNCTION_DEF &&
            (!add_def (st, n->v.function_def.name, DEF_LOCAL, n) ||
             !visit_symbol_list (st, n->v.function_def.decorators)))
          return FALSE;
        if (!visit_symbol_list (st, args->v.arguments.defaults) ||
            !visit_symbol_list (st, args->v.arguments.kw_defaults))
          return FALSE;
        st->cur = scope_new (st, SCOPE_FUNCTION, RECLAIM_NODE_N_KINDS);
        ok = add_params (st, args);
        if (ok)
          ok = n->kind == RECLAIM_NODE_LAMBDA ? visit_symbols (st, n->v.lambda.body)
                                              : visit_symbol_list (st, n->v.function_def.body);
        st->cur = outer;
        return ok;
      }
    case RECLAIM_NODE_CLASS_DEF:
      if (!add_def (st, n->v.class_def.name, DEF_LOCAL, n) || !visit_symbol_list (st, n->v.class_def.decorators) ||
          !visit_symbol_list (st, n->v.class_def.bases))
        return FALSE;
      st->cur = scope_new (st, SCOPE_CLASS, RECLAIM_NODE_N_KINDS);
      ok = visit_symbol_list (st, n->v.class_def.body);
      st->cur = outer;
      return ok;
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_DICT_COMP:
    case RECLAIM_NODE_GENERATOR_EXP:
      return visit_comprehension (st, n);
    case RECLAIM_NODE_GLOBAL:
    case RECLAIM_NODE_NONLOCAL:
      {
        gboolean global = n->kind == RECLAIM_NODE_GLOBAL;
        for (guint i = 0; i < n->v.global_stmt.names.n; i++)
          {
            const char *name = n->v.global_stmt.names.items[i]->v.name.id;
            int flags = lookup (st->cur, name);
            if (flags & (DEF_PARAM | DEF_LOCAL | USE))
              {
                const char *format;
                if (flags & DEF_PARAM)
                  format = global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
                else if (flags & USE)
                  format = global ? "name '%s' is used prior to global declaration"
                                  : "name '%s' is used prior to nonlocal declaration";
                else
                  format = global ? "name '%s' is assigned to before global declaration"
                                  : "name '%s' is assigned to before nonlocal declaration";
                return symtable_error (st, n, format, name);
              }
            if (!add_def (st, name, global ? DEF_GLOBAL : DEF_NONLOCAL, n))
              return FALSE;
            if (!g_hash_table_contains (st->cur->directives, name))
              g_hash_table_insert (st->cur->directives, (gpointer) name, n);
          }
        return TRUE;
      }
    case RECLAIM_NODE_IMPORT:
    case RECLAIM_NODE_IMPORT_FROM:
      {
        ReclaimNodeList names = n->kind == RECLAIM_NODE_IMPORT ? n->v.import_stmt.names : n->v.import_from.names;
        for (guint i = 0; i < names.n; i++)
          {
            ReclaimNode *alias = names.items[i];
            const char *name = alias->v.alias.asname;
            if (name == NULL)
              {
                /* "import a.b" binds a */
                const char *dot = strchr (alias->v.alias.name, '.');
                name = dot ? reclaim_arena_strndup (st->p->arena, alias->v.alias.name,
                                                    (gsize) (dot - alias->v.alias.name))
                           : alias->v.alias.name;
              }
            if (strcmp (name, "*") != 0 && !add_def (st, name, DEF_LOCAL, alias))
              return FALSE;
          }
        return TRUE;
      }
    case RECLAIM_NODE_EXCEPT_HANDLER:
      if (n->v.except_handler.type && !visit_symbols (st, n->v.except_handler.type))
        return FALSE;
      if (n->v.except_handler.name && !add_def (st, n->v.except_handler.name, DEF_LOCAL, n))
        return FALSE;
      return visit_symbol_list (st, n->v.except_handler.body);
    case RECLAIM_NODE_NAME:
      return add_def (st, n->v.name.id, n->v.name.ctx == RECLAIM_CTX_LOAD ? USE : DEF_LOCAL, n);
    case RECLAIM_NODE_NAMED_EXPR:
      {
        /* the target of := in a comprehension binds in the enclosing function */
        Scope *scope = st->cur;
        while (scope->comprehension != RECLAIM_NODE_N_KINDS && scope->parent)
          scope = scope->parent;
        if (!visit_symbols (st, n->v.named_expr.value))
          return FALSE;
        st->cur = scope;
        ok = add_def (st, n->v.named_expr.target->v.name.id, DEF_LOCAL, n->v.named_expr.target);
        st->cur = outer;
        return ok;
      }
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
      if (st->cur->comprehension != RECLAIM_NODE_N_KINDS)
        {
          ReclaimNodeKind k = st->cur->comprehension;
          const char *what = k == RECLAIM_NODE_LIST_COMP ? "list comprehension"
                           : k == RECLAIM_NODE_SET_COMP ? "set comprehension"
                           : k == RECLAIM_NODE_DICT_COMP ? "dict comprehension" : "generator expression";
          return symtable_error (st, n, "'yield' inside %s", what);
        }
      break;
    default:
      break;
    }
  reclaim_ast_foreach_child (n, visit_symbol_child, st);
  return st->p->error == NULL;
}

/* analyze_block(): nonlocal names must be bound in an enclosing function */
static gboolean
analyze_scope (Symtable *st, Scope *scope, GHashTable *bound)
{
  GHashTable *newbound;
  GHashTableIter iter;
  gpointer key;
  gboolean ok = TRUE;

  for (guint i = 0; i < scope->order->len; i++)
    {
      const char *name = scope->order->pdata[i];
      int flags = lookup (scope, name);
      if (!(flags & DEF_NONLOCAL))
        continue;
      if (flags & DEF_GLOBAL)
        return symtable_error (st, g_hash_table_lookup (scope->directives, name), "name '%s' is nonlocal and global", name);
      if (bound == NULL)
        return symtable_error (st, g_hash_table_lookup (scope->directives, name),
                               "nonlocal declaration not allowed at module level", NULL);
      if (!g_hash_table_contains (bound, name))
        return symtable_error (st, g_hash_table_lookup (scope->directives, name), "no binding for nonlocal '%s' found", name);
    }

  newbound = g_hash_table_new (g_str_hash, g_str_equal);
  if (bound)
    {
      g_hash_table_iter_init (&iter, bound);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (newbound, key);
    }
  if (scope->kind == SCOPE_FUNCTION)
    for (guint i = 0; i < scope->order->len; i++)
      {
        int flags = lookup (scope, scope->order->pdata[i]);
        if ((flags & (DEF_LOCAL | DEF_PARAM)) && !(flags & (DEF_GLOBAL | DEF_NONLOCAL)))
          g_hash_table_add (newbound, scope->order->pdata[i]);
      }
  for (guint i = 0; ok && i < scope->children->len; i++)
    ok = analyze_scope (st, scope->children->pdata[i], newbound);
  g_hash_table_destroy (newbound);
  return ok;
}

static gboolean
check_symtable (Parser *p, ReclaimNode *module)
{
  Symtable st = { p, NULL, NULL };
  gboolean ok;

  st.top = st.cur = scope_new (&st, SCOPE_MODULE, RECLAIM_NODE_N_KINDS);
  ok = visit_symbol_list (&st, module->v.module.body) && analyze_scope (&st, st.top, NULL);
  scope_free (st.top);
  return ok;
}

/* where Starred may appear: call arguments, displays, assignment targets */
static gboolean
starred_allowed_in (const ReclaimNode *parent)
{
  if (parent == NULL)
    return FALSE;
  switch (parent->kind)
    {
    case RECLAIM_NODE_CALL:
    case RECLAIM_NODE_CLASS_DEF:
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
    case RECLAIM_NODE_SET:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct {
  Checker base;
  ReclaimNode *parent;
} CompileChecker;

static gboolean check_compile (Checker *c, ReclaimNode *n);

static gboolean
check_compile_all (Checker *c, const ReclaimNodeList *list)
{
  for (guint i = 0; i < list->n; i++)
    if (!check_compile (c, list->items[i]))
      return FALSE;
  return TRUE;
}

/* break and continue belong to a loop's body, not to its else clause. */
static gboolean
check_loop_bodies (Checker *c, const ReclaimNodeList *body, const ReclaimNodeList *orelse, gboolean outer_in_loop)
{
  c->in_loop = TRUE;
  gboolean ok = check_compile_all (c, body);
  c->in_loop = outer_in_loop;
  return ok && check_compile_all (c, orelse);
}

/* compiler */
static gboolean
check_compile (Checker *c, ReclaimNode *n)
{
  CompileChecker *cc = (CompileChecker *) c;
  ReclaimNode *saved_parent = cc->parent;
  gboolean saved_function = c->in_function;
  gboolean saved_async = c->in_async;
  gboolean saved_loop = c->in_loop;
  gboolean ok = TRUE;

  switch (n->kind)
    {
    case RECLAIM_NODE_RETURN:
      if (!c->in_function)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'return' outside function");
      break;
    case RECLAIM_NODE_BREAK:
      if (!c->in_loop)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'break' outside loop");
      break;
    case RECLAIM_NODE_CONTINUE:
      if (!c->in_loop)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'continue' not properly in loop");
      break;
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
      if (!c->in_function)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'yield' outside function");
      break;
    case RECLAIM_NODE_AWAIT:
      if (!c->in_function)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'await' outside function");
      if (!c->in_async)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "'await' outside async function");
      break;
    case RECLAIM_NODE_NAME:
      if (n->v.name.ctx != RECLAIM_CTX_LOAD && strcmp (n->v.name.id, "__debug__") == 0)
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, n->v.name.ctx == RECLAIM_CTX_DEL
                            ? "cannot delete __debug__" : "cannot assign to __debug__");
      break;
    case RECLAIM_NODE_STARRED:
      if (n->v.starred.ctx == RECLAIM_CTX_LOAD && !starred_allowed_in (saved_parent))
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "can't use starred expression here");
      if (n->v.starred.ctx == RECLAIM_CTX_STORE && !starred_allowed_in (saved_parent))
        return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "starred assignment target must be in a list or tuple");
      break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      if (n->v.seq.ctx == RECLAIM_CTX_STORE)
        {
          int starred = 0;
          for (guint i = 0; i < n->v.seq.elts.n; i++)
            if (n->v.seq.elts.items[i]->kind == RECLAIM_NODE_STARRED)
              starred++;
          if (starred > 1)
            return raise_check (c, n, RECLAIM_ERROR_SYNTAX, "multiple starred expressions in assignment");
        }
      break;
    case RECLAIM_NODE_CALL:
      for (guint i = 0; i < n->v.call.keywords.n; i++)
        {
          ReclaimNode *k = n->v.call.keywords.items[i];
          if (k->v.keyword.arg == NULL)
            continue;
          for (guint j = 0; j < i; j++)
            {
              ReclaimNode *other = n->v.call.keywords.items[j];
              if (other->v.keyword.arg && strcmp (other->v.keyword.arg, k->v.keyword.arg) == 0)
                {
                  char *message = g_strdup_printf ("keyword argument repeated: %s", k->v.keyword.arg);
                  raise_check (c, k, RECLAIM_ERROR_SYNTAX, message);
                  g_free (message);
                  return FALSE;
                }
            }
        }
      break;
    default:
      break;
    }

  cc->parent = n;
  switch (n->kind)
    {
    case RECLAIM_NODE_FUNCTION_DEF:
    case RECLAIM_NODE_LAMBDA:
      {
        ReclaimNode *args = n->kind == RECLAIM_NODE_LAMBDA ? n->v.lambda.args : n->v.function_def.args;
        ok = visit_children (c, args, check_compile);
        if (ok && n->kind == RECLAIM_NODE_FUNCTION_DEF)
          ok = check_compile_all (c, &n->v.function_def.decorators);
        c->in_function = TRUE;
        c->in_async = n->kind == RECLAIM_NODE_FUNCTION_DEF && n->v.function_def.is_async;
        c->in_loop = FALSE;
        if (ok)
          ok = n->kind == RECLAIM_NODE_LAMBDA ? check_compile (c, n->v.lambda.body)
                                              : check_compile_all (c, &n->v.function_def.body);
      }
      break;
    case RECLAIM_NODE_CLASS_DEF:
      ok = check_compile_all (c, &n->v.class_def.decorators) && check_compile_all (c, &n->v.class_def.bases);
      c->in_function = FALSE;
      c->in_async = FALSE;
      c->in_loop = FALSE;
      ok = ok && check_compile_all (c, &n->v.class_def.body);
      break;
    case RECLAIM_NODE_FOR:
      ok = check_compile (c, n->v.for_stmt.iter) && check_compile (c, n->v.for_stmt.target) &&
           check_loop_bodies (c, &n->v.for_stmt.body, &n->v.for_stmt.orelse, saved_loop);
      break;
    case RECLAIM_NODE_WHILE:
      ok = check_compile (c, n->v.while_stmt.test) &&
           check_loop_bodies (c, &n->v.while_stmt.body, &n->v.while_stmt.orelse, saved_loop);
      break;
    case RECLAIM_NODE_ASSIGN:
      ok = (n->v.assign.value == NULL || check_compile (c, n->v.assign.value)) &&
           check_compile_all (c, &n->v.assign.targets) &&
           (n->v.assign.annotation == NULL || check_compile (c, n->v.assign.annotation));
      break;
    default:
      ok = visit_children (c, n, check_compile);
      break;
    }
  cc->parent = saved_parent;
  c->in_function = saved_function;
  c->in_async = saved_async;
  c->in_loop = saved_loop;
  return ok;
}

void
parser_check_module (Parser *p, ReclaimNode *module)
{
  CompileChecker cc;

  memset (&cc, 0, sizeof cc);
  cc.base.p = p;
  if (!check_depth (&cc.base, module))
    return;
  if (!check_symtable (p, module))
    return;
  memset (&cc, 0, sizeof cc);
  cc.base.p = p;
  check_compile (&cc.base, module);
}
