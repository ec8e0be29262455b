/* reclaim-parser-expr.c: expressions above the primaries
 *
 * Operators by precedence, conditional, named and starred expressions,
 * yield and lambda, comprehension clauses, assignment targets, and the
 * memoization of the rules the second pass tries again and again.
 */
#include "reclaim-parser-private.h"

#include <string.h>

static ReclaimNode *parse_factor (Parser *p);
static ReclaimNode *parse_lambda (Parser *p);

static ReclaimNode *
new_bin_op (Parser *p, guint start, ReclaimNode *left, ReclaimBinOp op, ReclaimNode *right)
{
  ReclaimNode *node = parser_new_node_from (p, RECLAIM_NODE_BIN_OP, start);
  node->v.bin_op.left = left;
  node->v.bin_op.op = op;
  node->v.bin_op.right = right;
  return node;
}

static ReclaimNode *
parse_power (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *left;

  if (peek (p) == RECLAIM_TOK_AWAIT)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *value = parser_parse_primary (p);
      if (value == NULL)
        return NULL;
      parser_not_supported_token (p, t, "await");
      left = parser_new_node_from (p, RECLAIM_NODE_AWAIT, start);
      left->v.yield.value = value;
    }
  else
    left = parser_parse_primary (p);
  if (left == NULL)
    return NULL;
  if (peek (p) != RECLAIM_TOK_DOUBLESTAR)
    return left;
  Mark m = mark (p);
  advance (p);
  /* power -> factor -> power: two of CPython's rule frames */
  if (!enter (p, 2))
    return NULL;
  ReclaimNode *right = parse_factor (p);
  leave (p, 2);
  if (right == NULL)
    return soft_fail (p, m) ? left : NULL;
  return new_bin_op (p, start, left, RECLAIM_BIN_POW, right);
}

static ReclaimNode *
parse_factor (Parser *p)
{
  const ReclaimToken *t = cur (p);
  ReclaimUnaryOp op;
  ReclaimNode *operand, *node;

  switch (t->kind)
    {
    case RECLAIM_TOK_PLUS: op = RECLAIM_UNARY_UADD; break;
    case RECLAIM_TOK_MINUS: op = RECLAIM_UNARY_USUB; break;
    case RECLAIM_TOK_TILDE: op = RECLAIM_UNARY_INVERT; break;
    default:
      return parse_power (p);
    }
  advance (p);
  if (!enter (p, 1))
    return NULL;
  operand = parse_factor (p);
  leave (p, 1);
  if (operand == NULL)
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_UNARY_OP, t, parser_last_token (p));
  node->v.unary_op.op = op;
  node->v.unary_op.operand = operand;
  return node;
}

static gboolean
binary_op (ReclaimTokenKind k, int precedence, ReclaimBinOp *op)
{
  switch (precedence)
    {
    case 0:
      if (k == RECLAIM_TOK_VBAR) { *op = RECLAIM_BIN_BITOR; return TRUE; }
      return FALSE;
    case 1:
      if (k == RECLAIM_TOK_CIRCUMFLEX) { *op = RECLAIM_BIN_BITXOR; return TRUE; }
      return FALSE;
    case 2:
      if (k == RECLAIM_TOK_AMPER) { *op = RECLAIM_BIN_BITAND; return TRUE; }
      return FALSE;
    case 3:
      if (k == RECLAIM_TOK_LEFTSHIFT) { *op = RECLAIM_BIN_LSHIFT; return TRUE; }
      if (k == RECLAIM_TOK_RIGHTSHIFT) { *op = RECLAIM_BIN_RSHIFT; return TRUE; }
      return FALSE;
    case 4:
      if (k == RECLAIM_TOK_PLUS) { *op = RECLAIM_BIN_ADD; return TRUE; }
      if (k == RECLAIM_TOK_MINUS) { *op = RECLAIM_BIN_SUB; return TRUE; }
      return FALSE;
    case 5:
      switch (k)
        {
        case RECLAIM_TOK_STAR: *op = RECLAIM_BIN_MULT; return TRUE;
        case RECLAIM_TOK_SLASH: *op = RECLAIM_BIN_DIV; return TRUE;
        case RECLAIM_TOK_DOUBLESLASH: *op = RECLAIM_BIN_FLOORDIV; return TRUE;
        case RECLAIM_TOK_PERCENT: *op = RECLAIM_BIN_MOD; return TRUE;
        case RECLAIM_TOK_AT: *op = RECLAIM_BIN_MATMULT; return TRUE;
        default: return FALSE;
        }
    default:
      return FALSE;
    }
}

/* bitwise_or ... term, all left-associative */
static ReclaimNode *
parse_binary (Parser *p, int precedence)
{
  guint start = p->pos;
  ReclaimNode *left, *right;
  ReclaimBinOp op;

  left = precedence == 5 ? parse_factor (p) : parse_binary (p, precedence + 1);
  if (left == NULL)
    return NULL;
  while (binary_op (peek (p), precedence, &op))
    {
      Mark m = mark (p);
      advance (p);
      right = precedence == 5 ? parse_factor (p) : parse_binary (p, precedence + 1);
      if (right == NULL)
        return soft_fail (p, m) ? left : NULL;
      left = new_bin_op (p, start, left, op, right);
    }
  return left;
}

static ReclaimNode *
parse_bitwise_or_impl (Parser *p)
{
  return parse_binary (p, 0);
}

static gboolean
comparison_op (Parser *p, ReclaimCmpOp *op, int *n_tokens)
{
  *n_tokens = 1;
  switch (peek (p))
    {
    case RECLAIM_TOK_EQEQUAL: *op = RECLAIM_CMP_EQ; return TRUE;
    case RECLAIM_TOK_NOTEQUAL: *op = RECLAIM_CMP_NOT_EQ; return TRUE;
    case RECLAIM_TOK_LESSEQUAL: *op = RECLAIM_CMP_LT_E; return TRUE;
    case RECLAIM_TOK_LESS: *op = RECLAIM_CMP_LT; return TRUE;
    case RECLAIM_TOK_GREATEREQUAL: *op = RECLAIM_CMP_GT_E; return TRUE;
    case RECLAIM_TOK_GREATER: *op = RECLAIM_CMP_GT; return TRUE;
    case RECLAIM_TOK_IN: *op = RECLAIM_CMP_IN; return TRUE;
    case RECLAIM_TOK_NOT:
      if (peek_at (p, 1) != RECLAIM_TOK_IN)
        return FALSE;
      *op = RECLAIM_CMP_NOT_IN;
      *n_tokens = 2;
      return TRUE;
    case RECLAIM_TOK_IS:
      if (peek_at (p, 1) == RECLAIM_TOK_NOT)
        {
          *op = RECLAIM_CMP_IS_NOT;
          *n_tokens = 2;
        }
      else
        *op = RECLAIM_CMP_IS;
      return TRUE;
    default:
      return FALSE;
    }
}

static ReclaimNode *
parse_comparison (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *left = parser_parse_bitwise_or (p), *node;
  GArray *ops;
  guint base;
  ReclaimCmpOp op;
  int n_tokens;

  if (left == NULL)
    return NULL;
  if (!comparison_op (p, &op, &n_tokens))
    return left;

  ops = g_array_new (FALSE, FALSE, sizeof (ReclaimCmpOp));
  base = stack_base (p);
  while (comparison_op (p, &op, &n_tokens))
    {
      Mark m = mark (p);
      ReclaimNode *right;
      p->pos += n_tokens;
      right = parser_parse_bitwise_or (p);
      if (right == NULL)
        {
          if (!soft_fail (p, m))
            {
              g_array_free (ops, TRUE);
              return NULL;
            }
          break;
        }
      g_array_append_val (ops, op);
      push (p, right);
    }
  if (ops->len == 0)
    {
      g_array_free (ops, TRUE);
      return left;
    }
  node = parser_new_node_from (p, RECLAIM_NODE_COMPARE, start);
  node->v.compare.left = left;
  node->v.compare.comparators = parser_pop_list (p, base);
  node->v.compare.ops = reclaim_arena_alloc (p->arena, ops->len * sizeof (ReclaimCmpOp));
  memcpy (node->v.compare.ops, ops->data, ops->len * sizeof (ReclaimCmpOp));
  g_array_free (ops, TRUE);
  return node;
}

static ReclaimNode *
parse_inversion (Parser *p)
{
  const ReclaimToken *t = cur (p);
  ReclaimNode *operand, *node;

  if (t->kind != RECLAIM_TOK_NOT)
    return parse_comparison (p);
  advance (p);
  if (!enter (p, 1))
    return NULL;
  operand = parse_inversion (p);
  leave (p, 1);
  if (operand == NULL)
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_UNARY_OP, t, parser_last_token (p));
  node->v.unary_op.op = RECLAIM_UNARY_NOT;
  node->v.unary_op.operand = operand;
  return node;
}

static ReclaimNode *
parse_bool (Parser *p, ReclaimBoolOp op)
{
  ReclaimTokenKind keyword = op == RECLAIM_BOOL_OR ? RECLAIM_TOK_OR : RECLAIM_TOK_AND;
  guint start = p->pos;
  ReclaimNode *first, *node;
  guint base;

  first = op == RECLAIM_BOOL_OR ? parse_bool (p, RECLAIM_BOOL_AND) : parse_inversion (p);
  if (first == NULL)
    return NULL;
  if (peek (p) != keyword)
    return first;
  base = stack_base (p);
  push (p, first);
  while (peek (p) == keyword)
    {
      Mark m = mark (p);
      ReclaimNode *next;
      advance (p);
      next = op == RECLAIM_BOOL_OR ? parse_bool (p, RECLAIM_BOOL_AND) : parse_inversion (p);
      if (next == NULL)
        {
          if (!soft_fail (p, m))
            return NULL;
          break;
        }
      push (p, next);
    }
  if (p->stack->len - base == 1)
    {
      parser_drop_list (p, base);
      return first;
    }
  node = parser_new_node_from (p, RECLAIM_NODE_BOOL_OP, start);
  node->v.bool_op.op = op;
  node->v.bool_op.values = parser_pop_list (p, base);
  return node;
}

static ReclaimNode *
parse_disjunction_impl (Parser *p)
{
  return parse_bool (p, RECLAIM_BOOL_OR);
}

static ReclaimNode *
parse_expression_impl (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *a, *b, *c, *node;

  if (peek (p) == RECLAIM_TOK_LAMBDA)
    return parse_lambda (p);

  a = parser_parse_disjunction (p);
  if (a == NULL)
    return NULL;
  if (CHECKS (p))
    {
      parser_check_expression (p, start, a);
      if (p->error)
        return NULL;
    }
  if (peek (p) != RECLAIM_TOK_IF)
    return a;

  Mark m = mark (p);
  advance (p);
  b = parser_parse_disjunction (p);
  if (b == NULL || !accept (p, RECLAIM_TOK_ELSE))
    return soft_fail (p, m) ? a : NULL;
  if (!enter (p, 1))
    return NULL;
  c = parser_parse_expression (p);
  leave (p, 1);
  if (c == NULL)
    return soft_fail (p, m) ? a : NULL;
  node = parser_new_node_from (p, RECLAIM_NODE_IF_EXP, start);
  node->v.if_exp.test = b;
  node->v.if_exp.body = a;
  node->v.if_exp.orelse = c;
  return node;
}

ReclaimNode *
parser_parse_named_expression (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *e;

  if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *target = parser_name_from_token (p, t), *value, *node;
      advance (p);
      value = parser_parse_expression (p);
      if (value == NULL)
        return NULL;
      target->v.name.ctx = RECLAIM_CTX_STORE;
      node = parser_new_node_from (p, RECLAIM_NODE_NAMED_EXPR, start);
      node->v.named_expr.target = target;
      node->v.named_expr.value = value;
      return node;
    }
  if (CHECKS (p))
    {
      parser_check_named_expression (p, start);
      if (p->error)
        return NULL;
    }
  e = parser_parse_expression (p);
  if (e == NULL || peek (p) == RECLAIM_TOK_COLONEQUAL)
    return NULL;
  return e;
}

/* '*' bitwise_or, read as a Starred expression */
static ReclaimNode *
parse_starred (Parser *p)
{
  const ReclaimToken *t = advance (p);
  ReclaimNode *value = parser_parse_bitwise_or (p), *node;
  if (value == NULL)
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_STARRED, t, parser_last_token (p));
  node->v.starred.value = value;
  return node;
}

ReclaimNode *
parser_parse_star_named_expression (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_STAR)
    return parse_starred (p);
  return parser_parse_named_expression (p);
}

ReclaimNode *
parser_parse_star_expression (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_STAR)
    return parse_starred (p);
  return parser_parse_expression (p);
}

/* star_expressions: a tuple when there is a comma */
ReclaimNode *
parser_parse_star_expressions (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first = parser_parse_star_expression (p), *node;
  guint base;

  if (first == NULL)
    return NULL;
  if (peek (p) != RECLAIM_TOK_COMMA)
    return first;
  base = stack_base (p);
  push (p, first);
  while (peek (p) == RECLAIM_TOK_COMMA)
    {
      Mark m = mark (p);
      ReclaimNode *e;
      advance (p);
      if (!parser_can_start_expression (peek (p)) && peek (p) != RECLAIM_TOK_STAR)
        break;
      e = parser_parse_star_expression (p);
      if (e == NULL)
        {
          if (!soft_fail (p, m))
            return NULL;
          advance (p);   /* keep the trailing comma */
          break;
        }
      push (p, e);
    }
  node = parser_new_node_from (p, RECLAIM_NODE_TUPLE, start);
  node->v.seq.elts = parser_pop_list (p, base);
  return node;
}

ReclaimNode *
parser_parse_yield_expr (Parser *p)
{
  const ReclaimToken *t = advance (p);   /* 'yield' */
  ReclaimNode *node, *value = NULL;

  if (accept (p, RECLAIM_TOK_FROM))
    {
      value = parser_parse_expression (p);
      if (value == NULL)
        return NULL;
      node = parser_new_node (p, RECLAIM_NODE_YIELD_FROM, t, parser_last_token (p));
      node->v.yield.value = value;
      return node;
    }
  if (parser_can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
    {
      Mark m = mark (p);
      value = parser_parse_star_expressions (p);
      if (value == NULL && !soft_fail (p, m))
        return NULL;
    }
  node = parser_new_node (p, RECLAIM_NODE_YIELD, t, parser_last_token (p));
  node->v.yield.value = value;
  return node;
}

static ReclaimNode *
parse_lambda (Parser *p)
{
  const ReclaimToken *t = advance (p);   /* 'lambda' */
  ReclaimNode *args, *body, *node;

  if (!enter (p, 2))
    return NULL;
  args = parser_parse_parameters (p, TRUE);
  if (args == NULL || !accept (p, RECLAIM_TOK_COLON))
    {
      leave (p, 2);
      return NULL;
    }
  body = parser_parse_expression (p);
  leave (p, 2);
  if (body == NULL)
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_LAMBDA, t, parser_last_token (p));
  node->v.lambda.args = args;
  node->v.lambda.body = body;
  return node;
}

/* for_if_clauses: pushes comprehension nodes */
gboolean
parser_parse_for_if_clauses (Parser *p)
{
  do
    {
      guint start = p->pos;
      ReclaimNode *target, *iter, *node;
      guint base;

      if (peek (p) == RECLAIM_TOK_ASYNC)
        {
          parser_not_supported_token (p, advance (p), "async comprehensions");
        }
      if (!accept (p, RECLAIM_TOK_FOR))
        return FALSE;
      {
        guint after_for = p->pos;
        target = parser_parse_star_targets (p);
        if (target == NULL || peek (p) != RECLAIM_TOK_IN)
          {
            if (p->error)
              return FALSE;
            if (CHECKS (p))
              {
                ReclaimNode *e;
                p->pos = after_for;
                e = parser_parse_star_expressions (p);
                if (e != NULL)
                  parser_raise_invalid_target (p, FOR_TARGETS, e);
              }
            return FALSE;
          }
      }
      advance (p);   /* 'in' */
      iter = parser_parse_disjunction (p);
      if (iter == NULL)
        return FALSE;
      base = stack_base (p);
      while (accept (p, RECLAIM_TOK_IF))
        {
          ReclaimNode *cond = parser_parse_disjunction (p);
          if (cond == NULL)
            return FALSE;
          push (p, cond);
        }
      node = parser_new_node_from (p, RECLAIM_NODE_COMPREHENSION, start);
      node->v.comprehension.target = target;
      node->v.comprehension.iter = iter;
      node->v.comprehension.ifs = parser_pop_list (p, base);
      push (p, node);
    }
  while (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC);
  return TRUE;
}

/* Checks that an expression parsed as such is a valid star_targets (or
 * del_targets) and gives it the context. */
gboolean
parser_to_target (Parser *p, ReclaimNode *e, ReclaimExprContext ctx)
{
  switch (e->kind)
    {
    case RECLAIM_NODE_NAME:
      e->v.name.ctx = ctx;
      return TRUE;
    case RECLAIM_NODE_ATTRIBUTE:
      e->v.attribute.ctx = ctx;
      return TRUE;
    case RECLAIM_NODE_SUBSCRIPT:
      e->v.subscript.ctx = ctx;
      return TRUE;
    case RECLAIM_NODE_STARRED:
      if (ctx == RECLAIM_CTX_DEL || e->v.starred.value->kind == RECLAIM_NODE_STARRED)
        return FALSE;
      if (!parser_to_target (p, e->v.starred.value, ctx))
        return FALSE;
      e->v.starred.ctx = ctx;
      return TRUE;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      for (guint i = 0; i < e->v.seq.elts.n; i++)
        if (!parser_to_target (p, e->v.seq.elts.items[i], ctx))
          return FALSE;
      e->v.seq.ctx = ctx;
      return TRUE;
    default:
      return FALSE;
    }
}

/* star_target: '*' star_target | target_with_star_atom */
ReclaimNode *
parser_parse_star_target (Parser *p)
{
  ReclaimNode *e;

  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *inner, *node;
      if (peek (p) == RECLAIM_TOK_STAR)
        return NULL;
      inner = parser_parse_star_target (p);
      if (inner == NULL)
        return NULL;
      node = parser_new_node (p, RECLAIM_NODE_STARRED, t, parser_last_token (p));
      node->v.starred.value = inner;
      node->v.starred.ctx = RECLAIM_CTX_STORE;
      return node;
    }
  e = parser_parse_primary (p);
  if (e == NULL)
    return NULL;
  if (!parser_to_target (p, e, RECLAIM_CTX_STORE))
    return NULL;
  return e;
}

ReclaimNode *
parser_parse_star_targets (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first = parser_parse_star_target (p), *node;
  guint base;

  if (first == NULL)
    return NULL;
  if (peek (p) != RECLAIM_TOK_COMMA)
    return first;
  base = stack_base (p);
  push (p, first);
  while (peek (p) == RECLAIM_TOK_COMMA)
    {
      Mark m;
      ReclaimNode *e;
      advance (p);
      m = mark (p);
      e = parser_parse_star_target (p);
      if (e == NULL)
        {
          if (!soft_fail (p, m))
            return NULL;
          break;
        }
      push (p, e);
    }
  node = parser_new_node_from (p, RECLAIM_NODE_TUPLE, start);
  node->v.seq.elts = parser_pop_list (p, base);
  node->v.seq.ctx = RECLAIM_CTX_STORE;
  return node;
}

/* ------------------------------------------------------------------ */
/* memoization: the second pass tries rules again and again at the same
 * position, like pegen; remembering the results keeps it linear */

typedef enum { MEMO_EXPRESSION, MEMO_DISJUNCTION, MEMO_BITWISE_OR } MemoRule;

typedef struct {
  guint64 key;
  ReclaimNode *node;
  guint end;
} MemoEntry;

static ReclaimNode *
memoized (Parser *p, MemoRule rule, ReclaimNode *(*func) (Parser *))
{
  guint64 key;
  MemoEntry *entry;
  guint start = p->pos;
  ReclaimNode *node;

  if (p->memo == NULL)
    return func (p);
  key = ((guint64) p->pos << 8) | ((guint64) rule << 1) | (p->no_invalid > 0 ? 1 : 0);
  entry = g_hash_table_lookup (p->memo, &key);
  if (entry != NULL)
    {
      p->pos = entry->end;
      return entry->node;
    }
  node = func (p);
  if (p->error)
    return NULL;
  entry = reclaim_arena_alloc (p->arena, sizeof (MemoEntry));
  entry->key = key;
  entry->node = node;
  entry->end = node ? p->pos : start;
  g_hash_table_insert (p->memo, &entry->key, entry);
  return node;
}

ReclaimNode *
parser_parse_expression (Parser *p)
{
  return memoized (p, MEMO_EXPRESSION, parse_expression_impl);
}

ReclaimNode *
parser_parse_disjunction (Parser *p)
{
  return memoized (p, MEMO_DISJUNCTION, parse_disjunction_impl);
}

ReclaimNode *
parser_parse_bitwise_or (Parser *p)
{
  return memoized (p, MEMO_BITWISE_OR, parse_bitwise_or_impl);
}
