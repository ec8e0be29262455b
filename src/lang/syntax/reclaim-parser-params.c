/* reclaim-parser-params.c: the parameters of def and lambda
 *
 * Positional parameters (positional-only before a `/`) and their
 * defaults, *args, keyword-only parameters and their defaults, **kwargs,
 * and in the second pass the messages of the grammar's invalid_parameters
 * rules.
 */
#include "reclaim-parser-private.h"

static ReclaimNode *
arg_node (Parser *p, const ReclaimToken *name)
{
  ReclaimNode *arg = parser_new_node (p, RECLAIM_NODE_ARG, name, name);
  arg->v.arg.arg = parser_name_id (p, name);
  return arg;
}

/* An annotation after a def parameter (`*args: *Ts` is refused). */
static gboolean
parse_annotation (Parser *p, ReclaimNode *arg, gboolean starred)
{
  advance (p);
  ReclaimNode *e = starred ? parser_parse_star_expression (p) : parser_parse_expression (p);
  if (e == NULL)
    return FALSE;
  if (e->kind == RECLAIM_NODE_STARRED)
    parser_not_supported_node (p, e, "a starred annotation");
  arg->v.arg.annotation = e;
  parser_set_end (p, arg, parser_last_token (p));
  return TRUE;
}

/* The nodes of `array` (freed) as a list in the arena. */
static ReclaimNodeList
node_list_of (Parser *p, GPtrArray *array)
{
  guint base = stack_base (p);
  for (guint i = 0; i < array->len; i++)
    push (p, array->pdata[i]);
  g_ptr_array_free (array, TRUE);
  return parser_pop_list (p, base);
}

/* def and lambda parameters, up to ')' or ':' (not consumed) */
ReclaimNode *
parser_parse_parameters (Parser *p, gboolean is_lambda)
{
  ReclaimTokenKind end = is_lambda ? RECLAIM_TOK_COLON : RECLAIM_TOK_RPAR;
  guint start = p->pos;
  guint abase = stack_base (p);
  GPtrArray *defaults = g_ptr_array_new ();
  /* keyword-only parameters and their defaults, NULL where none */
  GPtrArray *kwonly = g_ptr_array_new (), *kw_defaults = g_ptr_array_new ();
  ReclaimNode *vararg = NULL, *kwarg = NULL, *node;
  guint n_posonly = 0;
  gboolean seen_default = FALSE, seen_star = FALSE, seen_slash = FALSE, default_before_slash = FALSE;
  int n_params = 0;
  gboolean ok = FALSE;

  while (peek (p) != end)
    {
      const ReclaimToken *t = cur (p);

      if (kwarg != NULL)
        {
          if (CHECKS (p) && (t->kind == RECLAIM_TOK_NAME || t->kind == RECLAIM_TOK_STAR ||
                             t->kind == RECLAIM_TOK_DOUBLESTAR || t->kind == RECLAIM_TOK_SLASH))
            parser_raise_token (p, t, "arguments cannot follow var-keyword argument");
          goto out;
        }

      if (t->kind == RECLAIM_TOK_SLASH)
        {
          if (CHECKS (p))
            {
              if (n_params == 0 && peek_at (p, 1) == RECLAIM_TOK_COMMA)
                parser_raise_token (p, t, "at least one argument must precede /");
              else if (seen_slash)
                parser_raise_token (p, t, "/ may appear only once");
              else if (seen_star)
                parser_raise_token (p, t, "/ must be ahead of *");
            }
          if (n_params == 0 || seen_slash || seen_star)
            goto out;
          advance (p);
          seen_slash = TRUE;
          default_before_slash = seen_default;
          n_posonly = n_params;
          if (CHECKS (p) && peek (p) == RECLAIM_TOK_STAR)
            {
              parser_raise_token (p, cur (p), "expected comma between / and *");
              goto out;
            }
        }
      else if (t->kind == RECLAIM_TOK_STAR)
        {
          if (seen_star)
            {
              /* the grammar's rule wants a parameter or a comma after it */
              if (CHECKS (p) && (peek_at (p, 1) == RECLAIM_TOK_NAME || peek_at (p, 1) == RECLAIM_TOK_COMMA))
                parser_raise_token (p, t, "* argument may appear only once");
              goto out;
            }
          advance (p);
          seen_star = TRUE;
          if (peek (p) == RECLAIM_TOK_COMMA || peek (p) == end)
            {
              if (peek (p) == end || peek_at (p, 1) == end || peek_at (p, 1) == RECLAIM_TOK_DOUBLESTAR)
                {
                  if (CHECKS (p))
                    {
                      if (is_lambda)
                        parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "named arguments must follow bare *");
                      else
                        parser_raise_token (p, t, "named arguments must follow bare *");
                    }
                  goto out;
                }
            }
          else
            {
              const ReclaimToken *name;
              if (peek (p) != RECLAIM_TOK_NAME)
                goto out;
              name = advance (p);
              vararg = arg_node (p, name);
              if (!is_lambda && peek (p) == RECLAIM_TOK_COLON && !parse_annotation (p, vararg, TRUE))
                goto out;
              if (peek (p) == RECLAIM_TOK_EQUAL)
                {
                  if (CHECKS (p))
                    parser_raise_token (p, cur (p), "var-positional argument cannot have default value");
                  goto out;
                }
            }
        }
      else if (t->kind == RECLAIM_TOK_DOUBLESTAR)
        {
          const ReclaimToken *name;
          advance (p);
          if (peek (p) != RECLAIM_TOK_NAME)
            goto out;
          name = advance (p);
          kwarg = arg_node (p, name);
          if (!is_lambda && peek (p) == RECLAIM_TOK_COLON && !parse_annotation (p, kwarg, FALSE))
            goto out;
          if (peek (p) == RECLAIM_TOK_EQUAL)
            {
              if (CHECKS (p))
                parser_raise_token (p, cur (p), "var-keyword argument cannot have default value");
              goto out;
            }
        }
      else if (t->kind == RECLAIM_TOK_NAME)
        {
          ReclaimNode *arg = arg_node (p, advance (p));
          gboolean has_default = FALSE;

          if (!is_lambda && peek (p) == RECLAIM_TOK_COLON && !parse_annotation (p, arg, FALSE))
            goto out;
          if (peek (p) == RECLAIM_TOK_EQUAL)
            {
              const ReclaimToken *eq = advance (p);
              ReclaimNode *value;
              if (peek (p) == RECLAIM_TOK_RPAR || peek (p) == RECLAIM_TOK_COMMA)
                {
                  if (CHECKS (p))
                    parser_raise_token (p, eq, "expected default value expression");
                  goto out;
                }
              value = parser_parse_expression (p);
              if (value == NULL)
                goto out;
              has_default = TRUE;
              g_ptr_array_add (seen_star ? kw_defaults : defaults, value);
            }
          if (seen_star)
            {
              if (!has_default)
                g_ptr_array_add (kw_defaults, NULL);
              g_ptr_array_add (kwonly, arg);
            }
          else
            {
              if (!has_default && seen_default)
                {
                  /* the grammar's rule names only a parameter right after
                   * the defaults, or right after a `/` that follows them;
                   * others are plain invalid syntax */
                  gboolean named = !seen_slash || (default_before_slash && (guint) n_params == n_posonly);
                  if (CHECKS (p) && named)
                    raise_node (p, arg, "non-default argument follows default argument");
                  goto out;
                }
              seen_default |= has_default;
              push (p, arg);
            }
          n_params++;
        }
      else if (t->kind == RECLAIM_TOK_LPAR)
        {
          /* only after plain parameters without defaults does the grammar
           * name the mistake */
          if (CHECKS (p) && !seen_default && !seen_slash && !seen_star)
            {
              /* '(' NAME (',' NAME)* ','? ')' */
              Mark m = mark (p);
              gboolean names = FALSE;
              advance (p);
              while (peek (p) == RECLAIM_TOK_NAME)
                {
                  advance (p);
                  names = TRUE;
                  if (!accept (p, RECLAIM_TOK_COMMA))
                    break;
                }
              if (names && peek (p) == RECLAIM_TOK_RPAR)
                parser_raise_token_range (p, t, cur (p), is_lambda
                                     ? "Lambda expression parameters cannot be parenthesized"
                                     : "Function parameters cannot be parenthesized");
              else
                reset (p, m);
            }
          goto out;
        }
      else
        goto out;

      if (!accept (p, RECLAIM_TOK_COMMA))
        break;
    }
  if (peek (p) != end)
    goto out;
  ok = TRUE;

out:
  if (!ok)
    {
      parser_drop_list (p, abase);
      g_ptr_array_free (defaults, TRUE);
      g_ptr_array_free (kwonly, TRUE);
      g_ptr_array_free (kw_defaults, TRUE);
      return NULL;
    }
  node = parser_new_node (p, RECLAIM_NODE_ARGUMENTS, tok (p, start),
                          p->pos > start ? parser_last_token (p) : tok (p, start));
  node->v.arguments.args = parser_pop_list (p, abase);
  node->v.arguments.defaults = node_list_of (p, defaults);
  node->v.arguments.vararg = vararg;
  node->v.arguments.kwarg = kwarg;
  node->v.arguments.n_posonly = n_posonly;
  node->v.arguments.kwonlyargs = node_list_of (p, kwonly);
  node->v.arguments.kw_defaults = node_list_of (p, kw_defaults);
  return node;
}
