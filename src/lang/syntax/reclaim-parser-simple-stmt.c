/* reclaim-parser-simple-stmt.c: simple statements
 *
 * Assignments and expression statements, del, global and nonlocal,
 * import, return, raise, assert, pass, break and continue, and a line of
 * them separated by ';'.
 */
#include "reclaim-parser-private.h"

static gboolean
is_single_target (const ReclaimNode *e)
{
  return e->kind == RECLAIM_NODE_NAME || e->kind == RECLAIM_NODE_ATTRIBUTE ||
         e->kind == RECLAIM_NODE_SUBSCRIPT;
}

gboolean
parser_is_augassign (ReclaimTokenKind k, ReclaimBinOp *op)
{
  switch (k)
    {
    case RECLAIM_TOK_PLUSEQUAL: *op = RECLAIM_BIN_ADD; return TRUE;
    case RECLAIM_TOK_MINEQUAL: *op = RECLAIM_BIN_SUB; return TRUE;
    case RECLAIM_TOK_STAREQUAL: *op = RECLAIM_BIN_MULT; return TRUE;
    case RECLAIM_TOK_ATEQUAL: *op = RECLAIM_BIN_MATMULT; return TRUE;
    case RECLAIM_TOK_SLASHEQUAL: *op = RECLAIM_BIN_DIV; return TRUE;
    case RECLAIM_TOK_PERCENTEQUAL: *op = RECLAIM_BIN_MOD; return TRUE;
    case RECLAIM_TOK_AMPEREQUAL: *op = RECLAIM_BIN_BITAND; return TRUE;
    case RECLAIM_TOK_VBAREQUAL: *op = RECLAIM_BIN_BITOR; return TRUE;
    case RECLAIM_TOK_CIRCUMFLEXEQUAL: *op = RECLAIM_BIN_BITXOR; return TRUE;
    case RECLAIM_TOK_LEFTSHIFTEQUAL: *op = RECLAIM_BIN_LSHIFT; return TRUE;
    case RECLAIM_TOK_RIGHTSHIFTEQUAL: *op = RECLAIM_BIN_RSHIFT; return TRUE;
    case RECLAIM_TOK_DOUBLESTAREQUAL: *op = RECLAIM_BIN_POW; return TRUE;
    case RECLAIM_TOK_DOUBLESLASHEQUAL: *op = RECLAIM_BIN_FLOORDIV; return TRUE;
    default: return FALSE;
    }
}

ReclaimNode *
parser_parse_rhs (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_YIELD)
    return parser_parse_yield_expr (p);
  return parser_parse_star_expressions (p);
}

/* assignment | star_expressions, as the first pass sees them;
 * *assignment tells which of the two it was */
static ReclaimNode *
parse_expr_stmt_plain (Parser *p, gboolean *assignment)
{
  guint start = p->pos;
  ReclaimNode *e = parser_parse_rhs (p), *node;
  ReclaimBinOp op;

  if (e == NULL)
    return NULL;

  *assignment = TRUE;
  if (peek (p) == RECLAIM_TOK_EQUAL)
    {
      guint base = stack_base (p);
      while (accept (p, RECLAIM_TOK_EQUAL))
        {
          if (!parser_to_target (p, e, RECLAIM_CTX_STORE))
            return NULL;
          push (p, e);
          e = parser_parse_rhs (p);
          if (e == NULL)
            return NULL;
        }
      node = parser_new_node_from (p, RECLAIM_NODE_ASSIGN, start);
      node->v.assign.targets = parser_pop_list (p, base);
      node->v.assign.value = e;
      return node;
    }

  if (parser_is_augassign (peek (p), &op))
    {
      ReclaimNode *value;
      if (!is_single_target (e))
        return NULL;
      parser_to_target (p, e, RECLAIM_CTX_STORE);
      advance (p);
      value = parser_parse_rhs (p);
      if (value == NULL)
        return NULL;
      node = parser_new_node_from (p, RECLAIM_NODE_AUG_ASSIGN, start);
      node->v.aug_assign.target = e;
      node->v.aug_assign.op = op;
      node->v.aug_assign.value = value;
      return node;
    }

  if (peek (p) == RECLAIM_TOK_COLON)
    {
      /* annotated assignment: NAME, (single_target) or attribute/subscript */
      ReclaimNode *value = NULL, *annotation;
      if (!is_single_target (e))
        return NULL;
      advance (p);
      if ((annotation = parser_parse_expression (p)) == NULL)
        return NULL;
      if (accept (p, RECLAIM_TOK_EQUAL))
        {
          value = parser_parse_rhs (p);
          if (value == NULL)
            return NULL;
        }
      parser_to_target (p, e, RECLAIM_CTX_STORE);
      node = parser_new_node_from (p, RECLAIM_NODE_ASSIGN, start);
      node->v.assign.targets = parser_list_of_one (p, e);
      node->v.assign.value = value;
      node->v.assign.annotation = annotation;
      /* `(x): int` is not simple: its target starts one token earlier */
      node->v.assign.simple = e->kind == RECLAIM_NODE_NAME && tok (p, start)->kind == RECLAIM_TOK_NAME;
      return node;
    }

  *assignment = FALSE;
  node = parser_new_node_from (p, RECLAIM_NODE_EXPR, start);
  node->v.expr_stmt.value = e;
  return node;
}

/* simple_stmt: assignment | star_expressions.  In the second pass,
 * invalid_assignment comes between the two, so it is looked at whenever
 * the statement is not a valid assignment. */
static ReclaimNode *
parse_expr_stmt (Parser *p)
{
  guint start = p->pos;
  Mark m = mark (p);
  gboolean assignment = FALSE;
  ReclaimNode *node = parse_expr_stmt_plain (p, &assignment);

  if (p->error != NULL || !CHECKS (p) || (node != NULL && assignment))
    return node;
  reset (p, m);
  parser_check_assignment (p, start);
  if (p->error != NULL)
    return NULL;
  reset (p, m);
  return parse_expr_stmt_plain (p, &assignment);
}

static ReclaimNode *
parse_del (Parser *p)
{
  guint start = p->pos;
  guint after_del, base;
  ReclaimNode *node;

  advance (p);
  after_del = p->pos;
  base = stack_base (p);
  do
    {
      ReclaimNode *e;
      if (!parser_can_start_expression (peek (p)) && peek (p) != RECLAIM_TOK_STAR)
        break;
      /* del_target is a primary, as pegen's first pass sees it */
      e = parser_parse_primary (p);
      if (e == NULL || !parser_to_target (p, e, RECLAIM_CTX_DEL))
        goto invalid;
      push (p, e);
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  if (p->stack->len == base || (peek (p) != RECLAIM_TOK_SEMI && peek (p) != RECLAIM_TOK_NEWLINE))
    goto invalid;
  node = parser_new_node_from (p, RECLAIM_NODE_DELETE, start);
  node->v.delete_stmt.targets = parser_pop_list (p, base);
  return node;

invalid:
  parser_drop_list (p, base);
  if (p->error == NULL && CHECKS (p))
    {
      ReclaimNode *e;
      p->pos = after_del;
      e = parser_parse_star_expressions (p);
      if (e != NULL)
        parser_raise_invalid_target (p, DEL_TARGETS, e);
    }
  return NULL;
}

static ReclaimNode *
parse_names_stmt (Parser *p, ReclaimNodeKind kind)
{
  guint start = p->pos;
  guint base;
  ReclaimNode *node;

  advance (p);
  base = stack_base (p);
  do
    {
      if (peek (p) != RECLAIM_TOK_NAME)
        {
          parser_drop_list (p, base);
          return NULL;
        }
      push (p, parser_name_from_token (p, advance (p)));
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  node = parser_new_node_from (p, kind, start);
  node->v.global_stmt.names = parser_pop_list (p, base);
  return node;
}

/* dotted_name: NAME ('.' NAME)* */
static char *
parse_dotted_name (Parser *p)
{
  GString *name = g_string_new (NULL);
  char *result;

  do
    {
      if (peek (p) != RECLAIM_TOK_NAME)
        {
          g_string_free (name, TRUE);
          return NULL;
        }
      if (name->len)
        g_string_append_c (name, '.');
      g_string_append (name, parser_name_id (p, advance (p)));
    }
  while (peek (p) == RECLAIM_TOK_DOT && peek_at (p, 1) == RECLAIM_TOK_NAME && accept (p, RECLAIM_TOK_DOT));
  result = reclaim_arena_strndup (p->arena, name->str, name->len);
  g_string_free (name, TRUE);
  return result;
}

/* The optional `as name` of an import alias; FALSE when `as` has no name. */
static gboolean
parse_alias_asname (Parser *p, ReclaimNode *alias)
{
  if (!accept (p, RECLAIM_TOK_AS))
    return TRUE;
  if (peek (p) != RECLAIM_TOK_NAME)
    return FALSE;
  alias->v.alias.asname = parser_name_id (p, advance (p));
  parser_set_end (p, alias, parser_last_token (p));
  return TRUE;
}

static ReclaimNode *
parse_import (Parser *p)
{
  guint start = p->pos;
  guint base;
  ReclaimNode *node;

  advance (p);
  base = stack_base (p);
  do
    {
      guint astart = p->pos;
      char *name = parse_dotted_name (p);
      ReclaimNode *alias;
      if (name == NULL)
        {
          parser_drop_list (p, base);
          return NULL;
        }
      alias = parser_new_node_from (p, RECLAIM_NODE_ALIAS, astart);
      alias->v.alias.name = name;
      if (!parse_alias_asname (p, alias))
        {
          parser_drop_list (p, base);
          return NULL;
        }
      push (p, alias);
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  node = parser_new_node_from (p, RECLAIM_NODE_IMPORT, start);
  node->v.import_stmt.names = parser_pop_list (p, base);
  return node;
}

static ReclaimNode *
parse_from_import (Parser *p)
{
  guint start = p->pos;
  guint base;
  int level = 0;
  char *module = NULL;
  gboolean parens = FALSE;
  ReclaimNode *node;

  advance (p);
  for (;;)
    {
      if (accept (p, RECLAIM_TOK_DOT))
        level++;
      else if (accept (p, RECLAIM_TOK_ELLIPSIS))
        level += 3;
      else
        break;
    }
  if (peek (p) != RECLAIM_TOK_IMPORT || level == 0)
    {
      module = parse_dotted_name (p);
      if (module == NULL)
        return NULL;
    }
  if (!accept (p, RECLAIM_TOK_IMPORT))
    return NULL;

  base = stack_base (p);
  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *star = advance (p);
      ReclaimNode *alias = parser_new_node (p, RECLAIM_NODE_ALIAS, star, star);
      alias->v.alias.name = "*";
      push (p, alias);
    }
  else
    {
      parens = accept (p, RECLAIM_TOK_LPAR);
      do
        {
          const ReclaimToken *name;
          ReclaimNode *alias;
          if (parens && peek (p) == RECLAIM_TOK_RPAR && p->stack->len > base)
            break;
          if (peek (p) != RECLAIM_TOK_NAME)
            {
              if (!parens && p->stack->len > base && peek (p) == RECLAIM_TOK_NEWLINE && CHECKS (p))
                parser_raise_last (p, RECLAIM_ERROR_SYNTAX,
                                   "trailing comma not allowed without surrounding parentheses");
              parser_drop_list (p, base);
              return NULL;
            }
          name = advance (p);
          alias = parser_new_node (p, RECLAIM_NODE_ALIAS, name, name);
          alias->v.alias.name = parser_name_id (p, name);
          if (!parse_alias_asname (p, alias))
            {
              parser_drop_list (p, base);
              return NULL;
            }
          push (p, alias);
        }
      while (accept (p, RECLAIM_TOK_COMMA));
      if (parens && !accept (p, RECLAIM_TOK_RPAR))
        {
          parser_drop_list (p, base);
          return NULL;
        }
    }
  node = parser_new_node_from (p, RECLAIM_NODE_IMPORT_FROM, start);
  node->v.import_from.module = module;
  node->v.import_from.level = level;
  node->v.import_from.names = parser_pop_list (p, base);
  return node;
}

static ReclaimNode *
parse_simple_stmt (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *node, *a, *b;

  switch (peek (p))
    {
    case RECLAIM_TOK_RETURN:
      advance (p);
      a = NULL;
      if (parser_can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
        {
          a = parser_parse_star_expressions (p);
          if (a == NULL)
            return NULL;
        }
      node = parser_new_node_from (p, RECLAIM_NODE_RETURN, start);
      node->v.return_stmt.value = a;
      return node;

    case RECLAIM_TOK_IMPORT:
      return parse_import (p);
    case RECLAIM_TOK_FROM:
      return parse_from_import (p);

    case RECLAIM_TOK_RAISE:
      advance (p);
      a = b = NULL;
      if (parser_can_start_expression (peek (p)))
        {
          a = parser_parse_expression (p);
          if (a == NULL)
            return NULL;
          if (accept (p, RECLAIM_TOK_FROM))
            {
              b = parser_parse_expression (p);
              if (b == NULL)
                return NULL;
            }
        }
      node = parser_new_node_from (p, RECLAIM_NODE_RAISE, start);
      node->v.raise_stmt.exc = a;
      node->v.raise_stmt.cause = b;
      return node;

    case RECLAIM_TOK_PASS:
      advance (p);
      return parser_new_node_from (p, RECLAIM_NODE_PASS, start);
    case RECLAIM_TOK_BREAK:
      advance (p);
      return parser_new_node_from (p, RECLAIM_NODE_BREAK, start);
    case RECLAIM_TOK_CONTINUE:
      advance (p);
      return parser_new_node_from (p, RECLAIM_NODE_CONTINUE, start);

    case RECLAIM_TOK_DEL:
      return parse_del (p);

    case RECLAIM_TOK_ASSERT:
      advance (p);
      a = parser_parse_expression (p);
      if (a == NULL)
        return NULL;
      b = NULL;
      if (accept (p, RECLAIM_TOK_COMMA))
        {
          b = parser_parse_expression (p);
          if (b == NULL)
            return NULL;
        }
      node = parser_new_node_from (p, RECLAIM_NODE_ASSERT, start);
      node->v.assert_stmt.test = a;
      node->v.assert_stmt.msg = b;
      return node;

    case RECLAIM_TOK_GLOBAL:
      return parse_names_stmt (p, RECLAIM_NODE_GLOBAL);
    case RECLAIM_TOK_NONLOCAL:
      return parse_names_stmt (p, RECLAIM_NODE_NONLOCAL);

    default:
      return parse_expr_stmt (p);
    }
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
gboolean
parser_parse_simple_stmts (Parser *p)
{
  for (;;)
    {
      ReclaimNode *s = parse_simple_stmt (p);
      if (s == NULL)
        return FALSE;
      push (p, s);
      if (!accept (p, RECLAIM_TOK_SEMI))
        break;
      if (peek (p) == RECLAIM_TOK_NEWLINE)
        break;
    }
  return accept (p, RECLAIM_TOK_NEWLINE);
}
