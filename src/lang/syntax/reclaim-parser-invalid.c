/* reclaim-parser-invalid.c: the second pass's error rules
 *
 * The longer checks of the grammar's invalid_* rules, made only in the
 * second pass (CHECKS (p)), and the helpers that name the culprit.  Each
 * check parses again from a known position: when its rule matches it
 * raises the rule's message, otherwise it puts the position back (a hard
 * error found on the way stands).  The one-line checks stay in the parse
 * functions, under CHECKS (p).
 */
#include "reclaim-parser-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* names for messages */

static const char *
expr_name (const ReclaimNode *e)
{
  switch (e->kind)
    {
    case RECLAIM_NODE_ATTRIBUTE: return "attribute";
    case RECLAIM_NODE_SUBSCRIPT: return "subscript";
    case RECLAIM_NODE_STARRED: return "starred";
    case RECLAIM_NODE_NAME: return "name";
    case RECLAIM_NODE_LIST: return "list";
    case RECLAIM_NODE_TUPLE: return "tuple";
    case RECLAIM_NODE_LAMBDA: return "lambda";
    case RECLAIM_NODE_CALL: return "function call";
    case RECLAIM_NODE_BOOL_OP:
    case RECLAIM_NODE_BIN_OP:
    case RECLAIM_NODE_UNARY_OP: return "expression";
    case RECLAIM_NODE_GENERATOR_EXP: return "generator expression";
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM: return "yield expression";
    case RECLAIM_NODE_LIST_COMP: return "list comprehension";
    case RECLAIM_NODE_SET_COMP: return "set comprehension";
    case RECLAIM_NODE_DICT_COMP: return "dict comprehension";
    case RECLAIM_NODE_DICT: return "dict literal";
    case RECLAIM_NODE_SET: return "set display";
    case RECLAIM_NODE_JOINED_STR:
    case RECLAIM_NODE_FORMATTED_VALUE: return "f-string expression";
    case RECLAIM_NODE_CONSTANT:
      switch (e->v.constant.kind)
        {
        case RECLAIM_CONST_NONE: return "None";
        case RECLAIM_CONST_FALSE: return "False";
        case RECLAIM_CONST_TRUE: return "True";
        case RECLAIM_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case RECLAIM_NODE_COMPARE: return "comparison";
    case RECLAIM_NODE_IF_EXP: return "conditional expression";
    case RECLAIM_NODE_NAMED_EXPR: return "named expression";
    default: return "expression";
    }
}

/* _PyPegen_get_invalid_target() */
static const ReclaimNode *
invalid_target (const ReclaimNode *e, TargetsType type)
{
  if (e == NULL)
    return NULL;
  switch (e->kind)
    {
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      for (guint i = 0; i < e->v.seq.elts.n; i++)
        {
          const ReclaimNode *child = invalid_target (e->v.seq.elts.items[i], type);
          if (child)
            return child;
        }
      return NULL;
    case RECLAIM_NODE_STARRED:
      if (type == DEL_TARGETS)
        return e;
      return invalid_target (e->v.starred.value, type);
    case RECLAIM_NODE_COMPARE:
      if (type == FOR_TARGETS)
        {
          if (e->v.compare.ops[0] == RECLAIM_CMP_IN)
            return invalid_target (e->v.compare.left, type);
          return NULL;
        }
      return e;
    case RECLAIM_NODE_NAME:
    case RECLAIM_NODE_SUBSCRIPT:
    case RECLAIM_NODE_ATTRIBUTE:
      return NULL;
    default:
      return e;
    }
}

/* RAISE_SYNTAX_ERROR_INVALID_TARGET(): raises only if it finds the culprit. */
void
parser_raise_invalid_target (Parser *p, TargetsType type, const ReclaimNode *e)
{
  const ReclaimNode *bad = invalid_target (e, type);
  if (bad == NULL)
    return;
  if (type == DEL_TARGETS)
    raise_node (p, bad, "cannot delete %s", expr_name (bad));
  else
    raise_node (p, bad, "cannot assign to %s", expr_name (bad));
}

/* ------------------------------------------------------------------ */
/* the invalid_* rules */

static gboolean
is_legacy_name (const ReclaimNode *e)
{
  return e->kind == RECLAIM_NODE_NAME &&
         (strcmp (e->v.name.id, "print") == 0 || strcmp (e->v.name.id, "exec") == 0);
}

/* The SOFT_KEYWORD lookahead of pegen compares only the token's length
 * (strncmp (keyword, token, len)): "c", "ma", "mat" ... count too. */
static gboolean
is_soft_keyword (Parser *p, const ReclaimToken *t)
{
  static const char *const soft[] = { "_", "case", "match" };
  const char *text = p->tl->text + t->offset;

  if (t->kind != RECLAIM_TOK_NAME)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (soft); i++)
    if (strncmp (soft[i], text, t->length) == 0)
      return TRUE;
  return FALSE;
}

/* invalid_comprehension: '[' or '{' a, b, ... for ... */
void *
parser_check_comprehension_target (Parser *p, ReclaimNode *first, ReclaimNode *last, const ReclaimToken *comma)
{
  Mark m = mark (p);
  if (parser_parse_for_if_clauses (p))
    {
      if (last != NULL)
        return parser_raise_range (p, first, last, "did you forget parentheses around the comprehension target?");
      return parser_raise_node_token (p, first, comma, "did you forget parentheses around the comprehension target?");
    }
  soft_fail (p, m);
  return NULL;
}

/* invalid_double_starred_kvpairs / invalid_kvpair, at a key.  CPython
 * happens to look at a key after the first without its other checks
 * (a missing comma inside it is not reported unless the key fails). */
void *
parser_check_kvpair (Parser *p, gboolean after_pair)
{
  Mark m = mark (p);
  ReclaimNode *key;

  if (after_pair)
    p->no_invalid++;
  key = parser_parse_expression (p);
  if (after_pair)
    p->no_invalid--;
  if (key == NULL)
    {
      soft_fail (p, m);
      return NULL;
    }
  if (peek (p) != RECLAIM_TOK_COLON)
    {
      if (after_pair)
        return parser_raise_known (p, RECLAIM_ERROR_SYNTAX, unmap_line (p, key->line),
                                   unmap_col (p, key->end_line, key->end_col), unmap_line (p, key->end_line), 0,
                                   "':' expected after dictionary key");
      reset (p, m);
      return NULL;
    }
  {
    const ReclaimToken *colon = advance (p);
    if (peek (p) == RECLAIM_TOK_STAR)
      {
        const ReclaimToken *star = advance (p);
        if (parser_parse_bitwise_or (p))
          return parser_raise_starting_from (p, star, "cannot use a starred expression in a dictionary value");
        if (p->error)
          return NULL;
      }
    else if (peek (p) == RECLAIM_TOK_RBRACE || peek (p) == RECLAIM_TOK_COMMA)
      return parser_raise_token (p, colon, "expression expected after dictionary key and ':'");
  }
  reset (p, m);
  return NULL;
}

/* The checks of invalid_expression and invalid_legacy_expression, made
 * after the disjunction a at start has been parsed. */
void *
parser_check_expression (Parser *p, guint start, ReclaimNode *a)
{
  const ReclaimToken *first = tok (p, start);
  Mark m = mark (p);

  /* a b, inside brackets: a missing comma */
  if (!(first->kind == RECLAIM_TOK_NAME && tok (p, start + 1)->kind == RECLAIM_TOK_STRING) &&
      !is_soft_keyword (p, first) && parser_can_start_expression (peek (p)))
    {
      ReclaimNode *b;
      p->no_invalid++;
      b = parser_parse_expression (p);
      p->no_invalid--;
      if (b != NULL)
        {
          if (!is_legacy_name (a) && tok (p, p->pos - 1)->level != 0)
            return parser_raise_range (p, a, b, "invalid syntax. Perhaps you forgot a comma?");
          reset (p, m);
        }
      else if (!soft_fail (p, m))
        return NULL;
    }

  /* a if b, without else */
  if (peek (p) == RECLAIM_TOK_IF)
    {
      ReclaimNode *b;
      advance (p);
      b = parser_parse_disjunction (p);
      if (b != NULL)
        {
          if (peek (p) != RECLAIM_TOK_ELSE && peek (p) != RECLAIM_TOK_COLON)
            return parser_raise_range (p, a, b, "expected 'else' after 'if' expression");
          reset (p, m);
        }
      else if (!soft_fail (p, m))
        return NULL;
    }

  /* invalid_legacy_expression: NAME !'(' star_expressions, raised for
   * print and exec only, but parsed (with its own checks) for any name */
  if (first->kind == RECLAIM_TOK_NAME && tok (p, start + 1)->kind != RECLAIM_TOK_LPAR)
    {
      ReclaimNode *b;
      int frames = p->legacy_nesting > 0 ? 4 : 0;
      p->pos = start + 1;
      /* pegen nests four rule calls deeper per name juxtaposed */
      if (!enter (p, frames))
        return NULL;
      p->legacy_nesting++;
      b = parser_parse_star_expressions (p);
      p->legacy_nesting--;
      leave (p, frames);
      if (b != NULL && (parser_token_is (p, first, "print") || parser_token_is (p, first, "exec")))
        {
          ReclaimNode *name = parser_name_from_token (p, first);
          return parser_raise_range (p, name, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                     name->v.name.id, name->v.name.id);
        }
      if (p->error)
        return NULL;
      reset (p, m);
    }
  return NULL;
}

/* !(list|tuple|genexp|'True'|'None'|'False') at the current position */
static gboolean
starts_with_display (Parser *p)
{
  ReclaimTokenKind k = peek (p);
  Mark m;
  ReclaimNode *atom;
  gboolean result;

  if (k == RECLAIM_TOK_TRUE || k == RECLAIM_TOK_NONE || k == RECLAIM_TOK_FALSE)
    return TRUE;
  if (k != RECLAIM_TOK_LSQB && k != RECLAIM_TOK_LPAR)
    return FALSE;
  m = mark (p);
  atom = parser_parse_atom (p);
  result = atom != NULL &&
           (atom->kind == RECLAIM_NODE_LIST || atom->kind == RECLAIM_NODE_TUPLE ||
            atom->kind == RECLAIM_NODE_GENERATOR_EXP) &&
           tok (p, m.pos)->kind == (atom->kind == RECLAIM_NODE_LIST ? RECLAIM_TOK_LSQB : RECLAIM_TOK_LPAR) &&
           tok (p, p->pos - 1)->kind == (atom->kind == RECLAIM_NODE_LIST ? RECLAIM_TOK_RSQB : RECLAIM_TOK_RPAR);
  if (p->error == NULL)
    reset (p, m);
  return result;
}

/* invalid_named_expression */
void *
parser_check_named_expression (Parser *p, guint start)
{
  Mark m = mark (p);
  ReclaimNode *a, *b;

  p->pos = start;
  a = parser_parse_expression (p);
  if (a != NULL && peek (p) == RECLAIM_TOK_COLONEQUAL)
    {
      advance (p);
      if (parser_parse_expression (p))
        return raise_node (p, a, "cannot use assignment expressions with %s", expr_name (a));
    }
  if (p->error)
    return NULL;

  p->pos = start;
  if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_EQUAL)
    {
      ReclaimNode *name = parser_name_from_token (p, advance (p));
      advance (p);
      b = parser_parse_bitwise_or (p);
      if (b != NULL && peek (p) != RECLAIM_TOK_EQUAL && peek (p) != RECLAIM_TOK_COLONEQUAL)
        return parser_raise_range (p, name, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      if (p->error)
        return NULL;
    }

  p->pos = start;
  if (!starts_with_display (p))
    {
      if (p->error)
        return NULL;
      a = parser_parse_bitwise_or (p);
      if (a != NULL && accept (p, RECLAIM_TOK_EQUAL))
        {
          b = parser_parse_bitwise_or (p);
          if (b != NULL && peek (p) != RECLAIM_TOK_EQUAL && peek (p) != RECLAIM_TOK_COLONEQUAL)
            return raise_node (p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               expr_name (a));
        }
      if (p->error)
        return NULL;
    }
  reset (p, m);
  return NULL;
}

/* invalid_assignment, in the grammar's order */
void *
parser_check_assignment (Parser *p, guint start)
{
  ReclaimNode *a;
  ReclaimBinOp op;

  /* (a, b): int and [a]: int */
  p->pos = start;
  if (peek (p) == RECLAIM_TOK_LPAR || peek (p) == RECLAIM_TOK_LSQB)
    {
      a = parser_parse_atom (p);
      if (a && (a->kind == RECLAIM_NODE_TUPLE || a->kind == RECLAIM_NODE_LIST) &&
          accept (p, RECLAIM_TOK_COLON) && parser_parse_expression (p))
        return raise_node (p, a, "only single target (not %s) can be annotated", expr_name (a));
      if (p->error)
        return NULL;
    }

  /* a, b: int */
  p->pos = start;
  a = parser_parse_star_named_expression (p);
  if (a && peek (p) == RECLAIM_TOK_COMMA)
    {
      while (accept (p, RECLAIM_TOK_COMMA))
        {
          Mark m = mark (p);
          if (peek (p) == RECLAIM_TOK_COMMA)
            continue;
          if (!parser_parse_star_named_expression (p))
            {
              if (!soft_fail (p, m))
                return NULL;
              break;
            }
        }
      if (accept (p, RECLAIM_TOK_COLON) && parser_parse_expression (p))
        return raise_node (p, a, "only single target (not tuple) can be annotated");
    }
  if (p->error)
    return NULL;

  /* a + 1: int */
  p->pos = start;
  a = parser_parse_expression (p);
  if (a && accept (p, RECLAIM_TOK_COLON) && parser_parse_expression (p))
    return raise_node (p, a, "illegal target for annotation");
  if (p->error)
    return NULL;

  /* (star_targets '=')* a '=' */
  p->pos = start;
  for (;;)
    {
      Mark m = mark (p);
      ReclaimNode *t = parser_parse_star_expressions (p);
      if (t && peek (p) == RECLAIM_TOK_EQUAL && parser_to_target (p, t, RECLAIM_CTX_STORE))
        {
          advance (p);
          continue;
        }
      if (p->error)
        return NULL;
      reset (p, m);
      break;
    }
  {
    guint after_targets = p->pos;
    a = parser_parse_star_expressions (p);
    if (a && peek (p) == RECLAIM_TOK_EQUAL)
      {
        parser_raise_invalid_target (p, STAR_TARGETS, a);
        if (p->error)
          return NULL;
      }
    if (p->error)
      return NULL;
    p->pos = after_targets;
    if (peek (p) == RECLAIM_TOK_YIELD)
      {
        a = parser_parse_yield_expr (p);
        if (a && peek (p) == RECLAIM_TOK_EQUAL)
          return raise_node (p, a, "assignment to yield expression not possible");
        if (p->error)
          return NULL;
      }
  }

  /* (a, b) += 1 */
  p->pos = start;
  a = parser_parse_star_expressions (p);
  if (a && parser_is_augassign (peek (p), &op))
    {
      advance (p);
      if (parser_parse_rhs (p))
        return raise_node (p, a, "'%s' is an illegal expression for augmented assignment", expr_name (a));
    }
  return NULL;
}

/* invalid_with_stmt: the items, then NEWLINE instead of ':' */
void
parser_check_with_colon (Parser *p, const ReclaimToken *kw)
{
  gboolean parens;

  for (int variant = 0; variant < 2 && p->error == NULL; variant++)
    {
      p->pos = (guint) (kw - p->toks) + 1;
      parens = variant == 1;
      if (parens && !accept (p, RECLAIM_TOK_LPAR))
        return;
      do
        {
          if ((parens ? parser_parse_star_expressions (p) : parser_parse_expression (p)) == NULL)
            break;
          if (accept (p, RECLAIM_TOK_AS) && parser_parse_star_target (p) == NULL)
            break;
        }
      while (accept (p, RECLAIM_TOK_COMMA) && !(parens && peek (p) == RECLAIM_TOK_RPAR));
      if (p->error)
        return;
      if (parens && !accept (p, RECLAIM_TOK_RPAR))
        continue;
      if (peek (p) == RECLAIM_TOK_NEWLINE)
        parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
    }
}
