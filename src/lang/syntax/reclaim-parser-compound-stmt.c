/* reclaim-parser-compound-stmt.c: blocks and compound statements
 *
 * if, while, for, with, try, def and class, the match statements Reclaim
 * skips, and statement, the rule each of them starts from.
 */
#include "reclaim-parser-private.h"

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static gboolean
parse_block (Parser *p, ReclaimNodeList *out, const char *what, const ReclaimToken *keyword)
{
  guint base = stack_base (p);

  if (peek (p) == RECLAIM_TOK_NEWLINE)
    {
      advance (p);
      if (peek (p) != RECLAIM_TOK_INDENT)
        {
          if (CHECKS (p))
            parser_raise_last (p, RECLAIM_ERROR_INDENTATION, "expected an indented block after %s on line %d",
                               what, map_line (p, keyword->line));
          return FALSE;
        }
      advance (p);
      /* a block is six of CPython's rule calls deeper */
      if (!enter (p, 6))
        return FALSE;
      while (peek (p) != RECLAIM_TOK_DEDENT && peek (p) != RECLAIM_TOK_ENDMARKER)
        {
          if (!parser_parse_statement (p))
            {
              leave (p, 6);
              parser_drop_list (p, base);
              return FALSE;
            }
        }
      leave (p, 6);
      if (!accept (p, RECLAIM_TOK_DEDENT))
        {
          parser_drop_list (p, base);
          return FALSE;
        }
    }
  else if (!parser_parse_simple_stmts (p))
    {
      parser_drop_list (p, base);
      return FALSE;
    }
  *out = parser_pop_list (p, base);
  return TRUE;
}

/* ':' after a compound statement's header, when the grammar just expects it */
static gboolean
expect_colon (Parser *p)
{
  if (accept (p, RECLAIM_TOK_COLON))
    return TRUE;
  if (CHECKS (p) && peek (p) == RECLAIM_TOK_NEWLINE)
    parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
  return FALSE;
}

/* &&':' : a forced token, an error even in the first pass */
static gboolean
force_token (Parser *p, ReclaimTokenKind kind, const char *text)
{
  if (accept (p, kind))
    return TRUE;
  parser_raise_token (p, cur (p), "expected '%s'", text);
  return FALSE;
}

static gboolean
parse_else_block (Parser *p, ReclaimNodeList *out)
{
  const ReclaimToken *kw = advance (p);
  if (!force_token (p, RECLAIM_TOK_COLON, ":"))
    return FALSE;
  return parse_block (p, out, "'else' statement", kw);
}

static ReclaimNode *
parse_if (Parser *p)
{
  guint start = p->pos;
  const ReclaimToken *kw = advance (p);   /* 'if' or 'elif' */
  ReclaimNode *node, *test;

  test = parser_parse_named_expression (p);
  if (test == NULL || !expect_colon (p))
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_IF, tok (p, start), tok (p, start));
  node->v.if_stmt.test = test;
  if (!parse_block (p, &node->v.if_stmt.body, kw->kind == RECLAIM_TOK_IF ? "'if' statement" : "'elif' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELIF)
    {
      ReclaimNode *elif = parse_if (p);
      if (elif == NULL)
        return NULL;
      node->v.if_stmt.orelse = parser_list_of_one (p, elif);
    }
  else if (peek (p) == RECLAIM_TOK_ELSE)
    {
      if (!parse_else_block (p, &node->v.if_stmt.orelse))
        return NULL;
    }
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_while (Parser *p)
{
  guint start = p->pos;
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node, *test;

  test = parser_parse_named_expression (p);
  if (test == NULL || !expect_colon (p))
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_WHILE, tok (p, start), tok (p, start));
  node->v.while_stmt.test = test;
  if (!parse_block (p, &node->v.while_stmt.body, "'while' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELSE && !parse_else_block (p, &node->v.while_stmt.orelse))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_for (Parser *p, guint start)
{
  const ReclaimToken *kw = advance (p);
  guint after_for = p->pos;
  ReclaimNode *node, *target, *iter;

  target = parser_parse_star_targets (p);
  if (target == NULL || peek (p) != RECLAIM_TOK_IN)
    {
      if (p->error == NULL && CHECKS (p))
        {
          ReclaimNode *e;
          p->pos = after_for;
          e = parser_parse_star_expressions (p);
          if (e != NULL)
            parser_raise_invalid_target (p, FOR_TARGETS, e);
        }
      return NULL;
    }
  advance (p);
  iter = parser_parse_star_expressions (p);
  if (iter == NULL || !expect_colon (p))
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_FOR, tok (p, start), tok (p, start));
  node->v.for_stmt.target = target;
  node->v.for_stmt.iter = iter;
  if (!parse_block (p, &node->v.for_stmt.body, "'for' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELSE && !parse_else_block (p, &node->v.for_stmt.orelse))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

/* with_item: expression ['as' star_target &(',' | ')' | ':')] */
static ReclaimNode *
parse_with_item (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *e = parser_parse_expression (p), *item;

  if (e == NULL)
    return NULL;
  item = parser_new_node_from (p, RECLAIM_NODE_WITH_ITEM, start);
  item->v.with_item.context_expr = e;
  if (peek (p) == RECLAIM_TOK_AS)
    {
      Mark m = mark (p);
      ReclaimNode *target;
      advance (p);
      target = parser_parse_star_target (p);
      if (target != NULL && (peek (p) == RECLAIM_TOK_COMMA || peek (p) == RECLAIM_TOK_RPAR ||
                             peek (p) == RECLAIM_TOK_COLON))
        {
          item->v.with_item.optional_vars = target;
          return item;
        }
      if (p->error)
        return NULL;
      if (CHECKS (p))
        {
          ReclaimNode *a;
          p->pos = m.pos + 1;
          a = parser_parse_expression (p);
          if (a && (peek (p) == RECLAIM_TOK_COMMA || peek (p) == RECLAIM_TOK_RPAR ||
                    peek (p) == RECLAIM_TOK_COLON))
            {
              parser_raise_invalid_target (p, STAR_TARGETS, a);
              if (p->error)
                return NULL;
            }
          if (p->error)
            return NULL;
        }
      reset (p, m);
    }
  return item;
}

static ReclaimNode *
parse_with (Parser *p, guint start)
{
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node;
  guint base = stack_base (p);
  gboolean done = FALSE;

  if (peek (p) == RECLAIM_TOK_LPAR)
    {
      /* 'with' '(' ','.with_item+ ','? ')' ':' */
      Mark m = mark (p);
      advance (p);
      for (;;)
        {
          ReclaimNode *item = parse_with_item (p);
          if (item == NULL)
            break;
          push (p, item);
          if (!accept (p, RECLAIM_TOK_COMMA) || peek (p) == RECLAIM_TOK_RPAR)
            break;
        }
      if (p->error)
        return NULL;
      if (p->stack->len > base && accept (p, RECLAIM_TOK_RPAR) && accept (p, RECLAIM_TOK_COLON))
        done = TRUE;
      else
        reset (p, m);
    }
  if (!done)
    {
      do
        {
          ReclaimNode *item = parse_with_item (p);
          if (item == NULL)
            {
              parser_drop_list (p, base);
              return NULL;
            }
          push (p, item);
        }
      while (accept (p, RECLAIM_TOK_COMMA));
      if (!accept (p, RECLAIM_TOK_COLON))
        {
          parser_drop_list (p, base);
          if (CHECKS (p) && p->error == NULL)
            parser_check_with_colon (p, kw);
          return NULL;
        }
    }
  node = parser_new_node (p, RECLAIM_NODE_WITH, tok (p, start), tok (p, start));
  node->v.with_stmt.items = parser_pop_list (p, base);
  if (!parse_block (p, &node->v.with_stmt.body, "'with' statement", kw))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_except (Parser *p, gboolean *star)
{
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node = parser_new_node (p, RECLAIM_NODE_EXCEPT_HANDLER, kw, kw);

  *star = FALSE;
  if (peek (p) == RECLAIM_TOK_STAR)
    {
      *star = TRUE;
      advance (p);
      parser_not_supported_token (p, kw, "except*");
      if (peek (p) == RECLAIM_TOK_NEWLINE || peek (p) == RECLAIM_TOK_COLON)
        {
          if (CHECKS (p))
            parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "expected one or more exception types");
          return NULL;
        }
    }
  if (peek (p) == RECLAIM_TOK_NEWLINE && !*star)
    {
      if (CHECKS (p))
        parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
      return NULL;
    }
  if (peek (p) != RECLAIM_TOK_COLON)
    {
      const ReclaimToken *first = cur (p);
      ReclaimNode *type = parser_parse_expression (p);
      if (type == NULL)
        return NULL;
      if (peek (p) == RECLAIM_TOK_COMMA && CHECKS (p))
        {
          Mark m = mark (p);
          advance (p);
          if (parser_parse_expression (p))
            {
              while (accept (p, RECLAIM_TOK_COMMA) && parser_can_start_expression (peek (p)))
                if (!parser_parse_expression (p))
                  break;
              if (accept (p, RECLAIM_TOK_AS))
                accept (p, RECLAIM_TOK_NAME);
              if (accept (p, RECLAIM_TOK_COLON))
                return parser_raise_starting_from (p, first, "multiple exception types must be parenthesized");
            }
          if (p->error)
            return NULL;
          reset (p, m);
        }
      node->v.except_handler.type = type;
      if (accept (p, RECLAIM_TOK_AS))
        {
          if (peek (p) != RECLAIM_TOK_NAME)
            return NULL;
          node->v.except_handler.name = parser_name_id (p, advance (p));
        }
    }
  if (!expect_colon (p))
    return NULL;
  if (!parse_block (p, &node->v.except_handler.body, *star ? "'except*' statement" : "'except' statement", kw))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_try (Parser *p)
{
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node;
  guint base;
  gboolean any_star = FALSE, any_plain = FALSE;

  if (!force_token (p, RECLAIM_TOK_COLON, ":"))
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_TRY, kw, kw);
  if (!parse_block (p, &node->v.try_stmt.body, "'try' statement", kw))
    return NULL;
  if (peek (p) != RECLAIM_TOK_EXCEPT && peek (p) != RECLAIM_TOK_FINALLY)
    {
      if (CHECKS (p))
        parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "expected 'except' or 'finally' block");
      return NULL;
    }
  base = stack_base (p);
  while (peek (p) == RECLAIM_TOK_EXCEPT)
    {
      const ReclaimToken *ekw = cur (p);
      gboolean star;
      ReclaimNode *handler;
      gboolean next_star = peek_at (p, 1) == RECLAIM_TOK_STAR;
      if ((next_star && any_plain) || (!next_star && any_star))
        {
          if (CHECKS (p))
            {
              if (next_star)
                parser_raise_token_range (p, ekw, tok (p, p->pos + 1),
                                          "cannot have both 'except' and 'except*' on the same 'try'");
              else
                parser_raise_token (p, ekw, "cannot have both 'except' and 'except*' on the same 'try'");
            }
          parser_drop_list (p, base);
          return NULL;
        }
      handler = parse_except (p, &star);
      if (handler == NULL)
        {
          parser_drop_list (p, base);
          return NULL;
        }
      any_star |= star;
      any_plain |= !star;
      push (p, handler);
    }
  node->v.try_stmt.handlers = parser_pop_list (p, base);
  if (node->v.try_stmt.handlers.n > 0 && peek (p) == RECLAIM_TOK_ELSE)
    {
      if (!parse_else_block (p, &node->v.try_stmt.orelse))
        return NULL;
    }
  if (peek (p) == RECLAIM_TOK_FINALLY)
    {
      const ReclaimToken *fkw = advance (p);
      if (!force_token (p, RECLAIM_TOK_COLON, ":"))
        return NULL;
      if (!parse_block (p, &node->v.try_stmt.finalbody, "'finally' statement", fkw))
        return NULL;
    }
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_def (Parser *p, guint start)
{
  gboolean is_async = tok (p, p->pos)->kind == RECLAIM_TOK_DEF && p->pos > start &&
                      tok (p, p->pos - 1)->kind == RECLAIM_TOK_ASYNC;
  const ReclaimToken *kw = advance (p);
  const ReclaimToken *name;
  ReclaimNode *node, *args;

  if (peek (p) != RECLAIM_TOK_NAME)
    return NULL;
  name = advance (p);
  if (!force_token (p, RECLAIM_TOK_LPAR, "("))
    return NULL;
  args = parser_parse_parameters (p, FALSE);
  if (args == NULL || !accept (p, RECLAIM_TOK_RPAR))
    return NULL;
  ReclaimNode *returns = NULL;
  if (accept (p, RECLAIM_TOK_RARROW) && (returns = parser_parse_expression (p)) == NULL)
    return NULL;
  if (!force_token (p, RECLAIM_TOK_COLON, ":"))
    return NULL;
  node = parser_new_node (p, RECLAIM_NODE_FUNCTION_DEF, tok (p, start), tok (p, start));
  node->v.function_def.name = parser_name_id (p, name);
  node->v.function_def.bound_name = node->v.function_def.name;
  node->v.function_def.args = args;
  node->v.function_def.is_async = is_async;
  node->v.function_def.returns = returns;
  if (!parse_block (p, &node->v.function_def.body, "function definition", kw))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

static ReclaimNode *
parse_class (Parser *p, guint start)
{
  const ReclaimToken *kw = advance (p);
  const ReclaimToken *name;
  ReclaimNode *node;

  if (peek (p) != RECLAIM_TOK_NAME)
    return NULL;
  name = advance (p);
  node = parser_new_node (p, RECLAIM_NODE_CLASS_DEF, tok (p, start), tok (p, start));
  node->v.class_def.name = parser_name_id (p, name);
  node->v.class_def.bound_name = node->v.class_def.name;
  if (peek (p) == RECLAIM_TOK_LPAR)
    {
      ReclaimNode *call = parser_parse_call (p, node, p->pos);
      if (call == NULL)
        return NULL;
      node->v.class_def.bases = call->v.call.args;
      if (call->v.call.keywords.n > 0)
        parser_not_supported_node (p, call->v.call.keywords.items[0], "class keywords");
    }
  if (!expect_colon (p))
    return NULL;
  if (!parse_block (p, &node->v.class_def.body, "class definition", kw))
    return NULL;
  parser_set_end (p, node, parser_last_token (p));
  return node;
}

/* decorators: '@' named_expression NEWLINE, then the def or class they
 * decorate.  As in CPython's ast, the def or class starts at its keyword. */
static ReclaimNode *
parse_decorated (Parser *p)
{
  guint base = stack_base (p);
  ReclaimNode *node = NULL;

  while (peek (p) == RECLAIM_TOK_AT)
    {
      advance (p);
      ReclaimNode *decorator = parser_parse_named_expression (p);
      if (decorator == NULL || !accept (p, RECLAIM_TOK_NEWLINE))
        {
          parser_drop_list (p, base);
          return NULL;
        }
      push (p, decorator);
    }
  guint start = p->pos;
  if (peek (p) == RECLAIM_TOK_DEF)
    node = parse_def (p, start);
  else if (peek (p) == RECLAIM_TOK_CLASS)
    node = parse_class (p, start);
  else if (peek (p) == RECLAIM_TOK_ASYNC && peek_at (p, 1) == RECLAIM_TOK_DEF)
    {
      parser_not_supported_token (p, advance (p), "async functions");
      node = parse_def (p, start);
    }
  ReclaimNodeList decorators = parser_pop_list (p, base);
  if (node == NULL)
    return NULL;
  if (node->kind == RECLAIM_NODE_FUNCTION_DEF)
    node->v.function_def.decorators = decorators;
  else
    node->v.class_def.decorators = decorators;
  return node;
}

/* match statements are parsed only far enough to skip them */
static gboolean
looks_like_match (Parser *p)
{
  Mark m = mark (p);
  gboolean result = FALSE;

  advance (p);
  if (parser_can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
    {
      ReclaimNode *subject = parser_parse_star_expressions (p);
      result = subject != NULL && accept (p, RECLAIM_TOK_COLON) && accept (p, RECLAIM_TOK_NEWLINE) &&
               accept (p, RECLAIM_TOK_INDENT) && peek (p) == RECLAIM_TOK_NAME && parser_token_is (p, cur (p), "case");
    }
  if (p->error == NULL)
    reset (p, m);
  return result;
}

static ReclaimNode *
skip_match (Parser *p)
{
  guint start = p->pos;
  int depth = 0;
  ReclaimNode *node;

  parser_not_supported_token (p, cur (p), "match statements");
  while (peek (p) != RECLAIM_TOK_INDENT)
    advance (p);
  do
    {
      ReclaimTokenKind k = peek (p);
      if (k == RECLAIM_TOK_ENDMARKER || k == RECLAIM_TOK_ERRORTOKEN)
        return NULL;
      if (k == RECLAIM_TOK_INDENT)
        depth++;
      else if (k == RECLAIM_TOK_DEDENT)
        depth--;
      advance (p);
    }
  while (depth > 0);
  node = parser_new_node_from (p, RECLAIM_NODE_PASS, start);
  return node;
}

/* statement: compound_stmt | simple_stmts; pushes the statement(s) */
gboolean
parser_parse_statement (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *node = NULL;

  switch (peek (p))
    {
    case RECLAIM_TOK_IF:
      node = parse_if (p);
      break;
    case RECLAIM_TOK_WHILE:
      node = parse_while (p);
      break;
    case RECLAIM_TOK_FOR:
      node = parse_for (p, start);
      break;
    case RECLAIM_TOK_WITH:
      node = parse_with (p, start);
      break;
    case RECLAIM_TOK_TRY:
      node = parse_try (p);
      break;
    case RECLAIM_TOK_DEF:
      node = parse_def (p, start);
      break;
    case RECLAIM_TOK_CLASS:
      node = parse_class (p, start);
      break;
    case RECLAIM_TOK_AT:
      node = parse_decorated (p);
      break;
    case RECLAIM_TOK_ASYNC:
      {
        const ReclaimToken *async = advance (p);
        switch (peek (p))
          {
          case RECLAIM_TOK_DEF:
            parser_not_supported_token (p, async, "async functions");
            node = parse_def (p, start);
            break;
          case RECLAIM_TOK_FOR:
            parser_not_supported_token (p, async, "async for");
            node = parse_for (p, start);
            break;
          case RECLAIM_TOK_WITH:
            parser_not_supported_token (p, async, "async with");
            node = parse_with (p, start);
            break;
          default:
            return FALSE;
          }
      }
      break;
    case RECLAIM_TOK_NAME:
      if (parser_token_is (p, cur (p), "match") && looks_like_match (p))
        {
          node = skip_match (p);
          break;
        }
      return parser_parse_simple_stmts (p);
    default:
      return parser_parse_simple_stmts (p);
    }
  if (node == NULL)
    return FALSE;
  push (p, node);
  return TRUE;
}
