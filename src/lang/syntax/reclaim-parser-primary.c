/* reclaim-parser-primary.c: atoms and primaries
 *
 * Names, numbers and constants, the bracketed displays (tuple, group,
 * list, set, dict and their comprehensions), subscripts and slices,
 * calls and attribute access: the grammar's atom and primary rules.
 */
#include "reclaim-parser-private.h"
#include "reclaim-names.h"

#include <string.h>

gboolean
parser_can_start_expression (ReclaimTokenKind k)
{
  switch (k)
    {
    case RECLAIM_TOK_NAME: case RECLAIM_TOK_NUMBER: case RECLAIM_TOK_STRING:
    case RECLAIM_TOK_LPAR: case RECLAIM_TOK_LSQB: case RECLAIM_TOK_LBRACE:
    case RECLAIM_TOK_MINUS: case RECLAIM_TOK_PLUS: case RECLAIM_TOK_TILDE:
    case RECLAIM_TOK_NOT: case RECLAIM_TOK_LAMBDA: case RECLAIM_TOK_AWAIT:
    case RECLAIM_TOK_TRUE: case RECLAIM_TOK_FALSE: case RECLAIM_TOK_NONE:
    case RECLAIM_TOK_ELLIPSIS:
      return TRUE;
    default:
      return FALSE;
    }
}

ReclaimNode *
parser_name_from_token (Parser *p, const ReclaimToken *t)
{
  ReclaimNode *node = parser_new_node (p, RECLAIM_NODE_NAME, t, t);
  const char *text = p->tl->text + t->offset;
  gboolean ascii = TRUE;

  for (guint i = 0; i < t->length; i++)
    if ((guchar) text[i] >= 0x80)
      ascii = FALSE;
  /* one copy of each identifier's text for the whole process: its address
   * stands for the text, so the runtime can compare names by address
   * (reclaim-names.h) */
  if (ascii)
    node->v.name.id = reclaim_name_intern (parser_token_text (p, t));
  else
    {
      /* identifiers are NFKC-normalized */
      g_autofree char *nfkc = g_utf8_normalize (text, t->length, G_NORMALIZE_NFKC);
      node->v.name.id = reclaim_name_intern (nfkc ? nfkc : parser_token_text (p, t));
    }
  node->v.name.ctx = RECLAIM_CTX_LOAD;
  return node;
}

const char *
parser_name_id (Parser *p, const ReclaimToken *t)
{
  return parser_name_from_token (p, t)->v.name.id;
}

static ReclaimNode *
constant_node (Parser *p, ReclaimConstantKind kind, const ReclaimToken *t)
{
  ReclaimNode *node = parser_new_node (p, RECLAIM_NODE_CONSTANT, t, t);
  node->v.constant.kind = kind;
  return node;
}

static ReclaimNode *
parse_number (Parser *p)
{
  const ReclaimToken *t = advance (p);
  ReclaimNode *node = constant_node (p, RECLAIM_CONST_INT, t);
  GString *clean = g_string_sized_new (t->length);
  const char *text = p->tl->text + t->offset;
  gboolean is_float = FALSE, is_complex = FALSE;
  int base = 10;

  for (guint i = 0; i < t->length; i++)
    if (text[i] != '_')
      g_string_append_c (clean, text[i]);

  if (clean->len > 1 && clean->str[0] == '0' && strchr ("xXoObB", clean->str[1]))
    base = strchr ("xX", clean->str[1]) ? 16 : strchr ("oO", clean->str[1]) ? 8 : 2;
  else
    {
      is_complex = strchr ("jJ", clean->str[clean->len - 1]) != NULL;
      is_float = !is_complex && strpbrk (clean->str, ".eE") != NULL;
    }

  if (is_complex)
    {
      parser_not_supported_token (p, t, "complex numbers");
      node->v.constant.kind = RECLAIM_CONST_FLOAT;
      node->v.constant.float_value = g_ascii_strtod (clean->str, NULL);
    }
  else if (is_float)
    {
      node->v.constant.kind = RECLAIM_CONST_FLOAT;
      node->v.constant.float_value = g_ascii_strtod (clean->str, NULL);
    }
  else
    {
      const char *digits = base == 10 ? clean->str : clean->str + 2;
      guint64 value = 0;
      gboolean big = FALSE;

      for (const char *d = digits; *d; d++)
        {
          int v = g_ascii_xdigit_value (*d);
          if (value > (G_MAXUINT64 - (guint64) v) / (guint64) base)
            {
              big = TRUE;
              break;
            }
          value = value * (guint64) base + (guint64) v;
        }
      if (value > (guint64) G_MAXINT64)
        big = TRUE;
      if (base == 10)
        {
          /* sys.int_info.default_max_str_digits */
          gsize n_digits = strlen (digits);
          if (n_digits > 4300)
            {
              g_string_free (clean, TRUE);
              return parser_raise_known (p, RECLAIM_ERROR_SYNTAX, t->line, 0, t->end_line, 0,
                                         "Exceeds the limit (4300 digits) for integer string conversion: "
                                         "value has %" G_GSIZE_FORMAT " digits; use sys.set_int_max_str_digits() "
                                         "to increase the limit - Consider hexadecimal for huge integer literals "
                                         "to avoid decimal conversion limits.", n_digits);
            }
        }
      node->v.constant.int_big = big;
      node->v.constant.int_value = big ? 0 : (gint64) value;
      node->v.constant.int_literal = reclaim_arena_strndup (p->arena, clean->str, clean->len);
    }
  g_string_free (clean, TRUE);
  return node;
}

/* The for and if clauses of a list, set or generator comprehension after
 * its element, up to the closing bracket. */
static ReclaimNode *
parse_comprehension_rest (Parser *p, guint start, ReclaimNode *first, ReclaimTokenKind close,
                          ReclaimNodeKind kind)
{
  if (first->kind == RECLAIM_NODE_STARRED)
    {
      if (CHECKS (p))
        {
          Mark m = mark (p);
          if (parser_parse_for_if_clauses (p))
            return raise_node (p, first, "iterable unpacking cannot be used in comprehension");
          soft_fail (p, m);
        }
      return NULL;
    }
  guint base = stack_base (p);
  if (!parser_parse_for_if_clauses (p) || !accept (p, close))
    return NULL;
  ReclaimNode *node = parser_new_node_from (p, kind, start);
  node->v.comp.elt = first;
  node->v.comp.generators = parser_pop_list (p, base);
  return node;
}

/* '(' ... ')': tuple, group or generator expression */
static ReclaimNode *
parse_paren (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first, *node;
  guint base;

  advance (p);
  if (accept (p, RECLAIM_TOK_RPAR))
    {
      node = parser_new_node_from (p, RECLAIM_NODE_TUPLE, start);
      return node;
    }
  if (peek (p) == RECLAIM_TOK_YIELD)
    {
      node = parser_parse_yield_expr (p);
      if (node == NULL || !accept (p, RECLAIM_TOK_RPAR))
        return NULL;
      return node;
    }
  if (peek (p) == RECLAIM_TOK_DOUBLESTAR)
    {
      if (CHECKS (p))
        {
          const ReclaimToken *star = advance (p);
          Mark m = mark (p);
          ReclaimNode *e = parser_parse_expression (p);
          if (e && peek (p) == RECLAIM_TOK_RPAR)
            return parser_raise_token (p, star, "cannot use double starred expression here");
          if (!soft_fail (p, m))
            return NULL;
        }
      return NULL;
    }

  first = parser_parse_star_named_expression (p);
  if (first == NULL)
    return NULL;

  switch (peek (p))
    {
    case RECLAIM_TOK_COMMA:
      base = stack_base (p);
      push (p, first);
      while (accept (p, RECLAIM_TOK_COMMA))
        {
          ReclaimNode *e;
          if (peek (p) == RECLAIM_TOK_RPAR)
            break;
          e = parser_parse_star_named_expression (p);
          if (e == NULL)
            return NULL;
          push (p, e);
        }
      if (!accept (p, RECLAIM_TOK_RPAR))
        return NULL;
      node = parser_new_node_from (p, RECLAIM_NODE_TUPLE, start);
      node->v.seq.elts = parser_pop_list (p, base);
      return node;

    case RECLAIM_TOK_FOR:
    case RECLAIM_TOK_ASYNC:
      return parse_comprehension_rest (p, start, first, RECLAIM_TOK_RPAR, RECLAIM_NODE_GENERATOR_EXP);

    case RECLAIM_TOK_RPAR:
      if (first->kind == RECLAIM_NODE_STARRED)
        {
          if (CHECKS (p))
            return raise_node (p, first, "cannot use starred expression here");
          return NULL;
        }
      advance (p);
      return first;

    default:
      return NULL;
    }
}

/* A list or set display after its first element: a comprehension, or
 * more elements up to the closing bracket. */
static ReclaimNode *
parse_display_rest (Parser *p, guint start, ReclaimNode *first, ReclaimTokenKind close,
                    ReclaimNodeKind comp_kind, ReclaimNodeKind display_kind)
{
  ReclaimNode *node, *last = NULL;
  const ReclaimToken *last_comma = NULL;
  guint base;

  if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
    return parse_comprehension_rest (p, start, first, close, comp_kind);

  base = stack_base (p);
  push (p, first);
  while (peek (p) == RECLAIM_TOK_COMMA)
    {
      ReclaimNode *e;
      last_comma = advance (p);
      if (peek (p) == close || peek (p) == RECLAIM_TOK_FOR)
        break;
      e = parser_parse_star_named_expression (p);
      if (e == NULL)
        return NULL;
      push (p, e);
      last = e;
    }
  if (last_comma != NULL && peek (p) == RECLAIM_TOK_FOR && CHECKS (p))
    return parser_check_comprehension_target (p, first, last, last_comma);
  if (!accept (p, close))
    return NULL;
  node = parser_new_node_from (p, display_kind, start);
  if (display_kind == RECLAIM_NODE_SET)
    node->v.set.elts = parser_pop_list (p, base);
  else
    node->v.seq.elts = parser_pop_list (p, base);
  return node;
}

static ReclaimNode *
parse_list (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first;

  advance (p);
  if (accept (p, RECLAIM_TOK_RSQB))
    return parser_new_node_from (p, RECLAIM_NODE_LIST, start);
  first = parser_parse_star_named_expression (p);
  if (first == NULL)
    return NULL;
  return parse_display_rest (p, start, first, RECLAIM_TOK_RSQB, RECLAIM_NODE_LIST_COMP, RECLAIM_NODE_LIST);
}

static ReclaimNode *
parse_braces (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first, *node;
  guint base;

  advance (p);
  if (accept (p, RECLAIM_TOK_RBRACE))
    return parser_new_node_from (p, RECLAIM_NODE_DICT, start);

  if (peek (p) == RECLAIM_TOK_DOUBLESTAR)
    first = NULL;   /* a dict starting with **x */
  else
    {
      gboolean walrus = peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL;
      if (CHECKS (p))
        {
          parser_check_kvpair (p, FALSE);
          if (p->error)
            return NULL;
        }
      first = parser_parse_star_named_expression (p);
      if (first == NULL)
        return NULL;
      /* a set or set comprehension */
      if (peek (p) != RECLAIM_TOK_COLON || walrus || first->kind == RECLAIM_NODE_STARRED)
        return parse_display_rest (p, start, first, RECLAIM_TOK_RBRACE, RECLAIM_NODE_SET_COMP,
                                   RECLAIM_NODE_SET);
    }

  /* a dict or dict comprehension */
  {
    guint kbase, vbase;
    ReclaimNode *value;
    GPtrArray *keys = g_ptr_array_new ();

    if (first != NULL)
      {
        advance (p);   /* ':' */
        value = parser_parse_expression (p);
        if (value == NULL)
          {
            g_ptr_array_free (keys, TRUE);
            return NULL;
          }
        if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
          {
            g_ptr_array_free (keys, TRUE);
            base = stack_base (p);
            if (!parser_parse_for_if_clauses (p) || !accept (p, RECLAIM_TOK_RBRACE))
              return NULL;
            node = parser_new_node_from (p, RECLAIM_NODE_DICT_COMP, start);
            node->v.dict_comp.key = first;
            node->v.dict_comp.value = value;
            node->v.dict_comp.generators = parser_pop_list (p, base);
            return node;
          }
      }
    else
      {
        const ReclaimToken *stars = advance (p);
        value = parser_parse_bitwise_or (p);
        if (value == NULL)
          {
            g_ptr_array_free (keys, TRUE);
            return NULL;
          }
        if (peek (p) == RECLAIM_TOK_FOR && CHECKS (p))
          {
            Mark m = mark (p);
            if (parser_parse_for_if_clauses (p) && peek (p) == RECLAIM_TOK_RBRACE)
              {
                g_ptr_array_free (keys, TRUE);
                return parser_raise_token (p, stars, "dict unpacking cannot be used in dict comprehension");
              }
            soft_fail (p, m);
          }
      }
    g_ptr_array_add (keys, first);
    vbase = stack_base (p);
    push (p, value);
    while (accept (p, RECLAIM_TOK_COMMA))
      {
        ReclaimNode *k = NULL;
        if (peek (p) == RECLAIM_TOK_RBRACE)
          break;
        if (accept (p, RECLAIM_TOK_DOUBLESTAR))
          {
            value = parser_parse_bitwise_or (p);
          }
        else
          {
            if (CHECKS (p))
              {
                parser_check_kvpair (p, TRUE);
                if (p->error)
                  value = NULL;
              }
            k = p->error ? NULL : parser_parse_expression (p);
            value = NULL;
            if (k != NULL && accept (p, RECLAIM_TOK_COLON))
              value = parser_parse_expression (p);
          }
        if (value == NULL)
          {
            g_ptr_array_free (keys, TRUE);
            return NULL;
          }
        g_ptr_array_add (keys, k);
        push (p, value);
      }
    if (!accept (p, RECLAIM_TOK_RBRACE))
      {
        g_ptr_array_free (keys, TRUE);
        return NULL;
      }
    node = parser_new_node_from (p, RECLAIM_NODE_DICT, start);
    node->v.dict.values = parser_pop_list (p, vbase);
    kbase = stack_base (p);
    for (guint i = 0; i < keys->len; i++)
      push (p, keys->pdata[i]);
    node->v.dict.keys = parser_pop_list (p, kbase);
    g_ptr_array_free (keys, TRUE);
    return node;
  }
}

ReclaimNode *
parser_parse_atom (Parser *p)
{
  const ReclaimToken *t = cur (p);

  switch (t->kind)
    {
    case RECLAIM_TOK_NAME:
      advance (p);
      return parser_name_from_token (p, t);
    case RECLAIM_TOK_TRUE:
      advance (p);
      return constant_node (p, RECLAIM_CONST_TRUE, t);
    case RECLAIM_TOK_FALSE:
      advance (p);
      return constant_node (p, RECLAIM_CONST_FALSE, t);
    case RECLAIM_TOK_NONE:
      advance (p);
      return constant_node (p, RECLAIM_CONST_NONE, t);
    case RECLAIM_TOK_ELLIPSIS:
      advance (p);
      return constant_node (p, RECLAIM_CONST_ELLIPSIS, t);
    case RECLAIM_TOK_NUMBER:
      return parse_number (p);
    case RECLAIM_TOK_STRING:
      return parser_parse_strings (p);
    case RECLAIM_TOK_LPAR:
      return parse_paren (p);
    case RECLAIM_TOK_LSQB:
      return parse_list (p);
    case RECLAIM_TOK_LBRACE:
      return parse_braces (p);
    default:
      return NULL;
    }
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static ReclaimNode *
parse_slice (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *lower = NULL, *upper = NULL, *step = NULL, *node;

  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *star = advance (p);
      ReclaimNode *value = parser_parse_expression (p);
      if (value == NULL)
        return NULL;
      node = parser_new_node (p, RECLAIM_NODE_STARRED, star, parser_last_token (p));
      node->v.starred.value = value;
      return node;
    }
  if (peek (p) != RECLAIM_TOK_COLON)
    {
      if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
        return parser_parse_named_expression (p);
      lower = parser_parse_expression (p);
      if (lower == NULL)
        return NULL;
      if (peek (p) != RECLAIM_TOK_COLON)
        {
          if (CHECKS (p) && (peek (p) == RECLAIM_TOK_EQUAL || peek (p) == RECLAIM_TOK_COLONEQUAL))
            {
              /* the named_expression alternative, for its error checks */
              p->pos = start;
              return parser_parse_named_expression (p);
            }
          return lower;
        }
    }
  advance (p);   /* ':' */
  if (peek (p) != RECLAIM_TOK_COLON && peek (p) != RECLAIM_TOK_RSQB && peek (p) != RECLAIM_TOK_COMMA)
    {
      upper = parser_parse_expression (p);
      if (upper == NULL)
        return NULL;
    }
  if (accept (p, RECLAIM_TOK_COLON))
    {
      if (peek (p) != RECLAIM_TOK_RSQB && peek (p) != RECLAIM_TOK_COMMA)
        {
          step = parser_parse_expression (p);
          if (step == NULL)
            return NULL;
        }
    }
  node = parser_new_node_from (p, RECLAIM_NODE_SLICE, start);
  node->v.slice.lower = lower;
  node->v.slice.upper = upper;
  node->v.slice.step = step;
  return node;
}

static ReclaimNode *
parse_slices (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first = parse_slice (p), *node;
  guint base;

  if (first == NULL)
    return NULL;
  if (peek (p) != RECLAIM_TOK_COMMA && first->kind != RECLAIM_NODE_STARRED)
    return first;
  base = stack_base (p);
  push (p, first);
  while (accept (p, RECLAIM_TOK_COMMA))
    {
      ReclaimNode *e;
      if (peek (p) == RECLAIM_TOK_RSQB)
        break;
      e = parse_slice (p);
      if (e == NULL)
        return NULL;
      push (p, e);
    }
  node = parser_new_node_from (p, RECLAIM_NODE_TUPLE, start);
  node->v.seq.elts = parser_pop_list (p, base);
  return node;
}

/* The Call's arguments after '('; also a bare generator expression. */
ReclaimNode *
parser_parse_call (Parser *p, ReclaimNode *func, guint start)
{
  guint open = p->pos;
  guint abase, kbase;
  GPtrArray *keywords = g_ptr_array_new ();
  gboolean seen_keyword = FALSE, seen_double_star = FALSE;
  ReclaimNode *node;
  int n_positional = 0, n_items = 0;
  gboolean ok = FALSE;

  advance (p);   /* '(' */
  abase = stack_base (p);

  while (peek (p) != RECLAIM_TOK_RPAR)
    {
      const ReclaimToken *t = cur (p);
      ReclaimNode *item = NULL;

      if (t->kind == RECLAIM_TOK_STAR)
        {
          if (seen_double_star)
            {
              if (CHECKS (p))
                parser_raise_token (p, t, "iterable argument unpacking follows keyword argument unpacking");
              goto out;
            }
          advance (p);
          item = parser_parse_expression (p);
          if (item == NULL)
            goto out;
          {
            ReclaimNode *starred = parser_new_node (p, RECLAIM_NODE_STARRED, t, parser_last_token (p));
            starred->v.starred.value = item;
            item = starred;
          }
          push (p, item);
        }
      else if (t->kind == RECLAIM_TOK_DOUBLESTAR)
        {
          ReclaimNode *kw;
          advance (p);
          item = parser_parse_expression (p);
          if (item == NULL)
            goto out;
          kw = parser_new_node (p, RECLAIM_NODE_KEYWORD, t, parser_last_token (p));
          kw->v.keyword.value = item;
          g_ptr_array_add (keywords, kw);
          seen_keyword = seen_double_star = TRUE;
          item = kw;
        }
      else if ((t->kind == RECLAIM_TOK_TRUE || t->kind == RECLAIM_TOK_FALSE || t->kind == RECLAIM_TOK_NONE) &&
               peek_at (p, 1) == RECLAIM_TOK_EQUAL)
        {
          if (CHECKS (p))
            parser_raise_token_range (p, t, tok (p, p->pos + 1), "cannot assign to %.*s", (int) t->length,
                                      p->tl->text + t->offset);
          goto out;
        }
      else if (t->kind == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_EQUAL)
        {
          const ReclaimToken *eq;
          ReclaimNode *kw;
          advance (p);
          eq = advance (p);
          item = parser_parse_expression (p);
          if (item == NULL)
            goto out;
          if (CHECKS (p) && (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC))
            {
              Mark m = mark (p);
              if (parser_parse_for_if_clauses (p))
                {
                  parser_raise_token_range (p, t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                  goto out;
                }
              if (!soft_fail (p, m))
                goto out;
            }
          kw = parser_new_node (p, RECLAIM_NODE_KEYWORD, t, parser_last_token (p));
          kw->v.keyword.arg = parser_name_id (p, t);
          kw->v.keyword.value = item;
          g_ptr_array_add (keywords, kw);
          seen_keyword = TRUE;
          item = kw;
        }
      else
        {
          if (t->kind == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
            item = parser_parse_named_expression (p);
          else
            item = parser_parse_expression (p);
          if (item == NULL)
            goto out;
          if (peek (p) == RECLAIM_TOK_EQUAL)
            {
              if (CHECKS (p))
                parser_raise_node_token (p, item, cur (p),
                                         "expression cannot contain assignment, perhaps you meant \"==\"?");
              goto out;
            }
          if (peek (p) == RECLAIM_TOK_COLONEQUAL)
            goto out;
          if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
            {
              guint cbase = stack_base (p);
              ReclaimNode *last_item;
              ReclaimNode *genexp;

              if (!parser_parse_for_if_clauses (p))
                goto out;
              {
                ReclaimNodeList comps = parser_pop_list (p, cbase);
                ReclaimNode *c = comps.items[comps.n - 1];
                last_item = c->v.comprehension.ifs.n > 0
                  ? c->v.comprehension.ifs.items[c->v.comprehension.ifs.n - 1]
                  : c->v.comprehension.iter;
                if (n_items == 0 && peek (p) == RECLAIM_TOK_RPAR)
                  {
                    /* f(x for x in y): the call's parentheses are the genexp's */
                    advance (p);
                    genexp = parser_new_node (p, RECLAIM_NODE_GENERATOR_EXP, tok (p, open), parser_last_token (p));
                    genexp->v.comp.elt = item;
                    genexp->v.comp.generators = comps;
                    push (p, genexp);
                    node = parser_new_node_from (p, RECLAIM_NODE_CALL, start);
                    node->v.call.func = func;
                    node->v.call.args = parser_pop_list (p, abase);
                    g_ptr_array_free (keywords, TRUE);
                    return node;
                  }
                if (CHECKS (p))
                  {
                    if (n_items == 0 && peek (p) == RECLAIM_TOK_COMMA)
                      parser_raise_range (p, item, last_item, "Generator expression must be parenthesized");
                    else if (n_positional + 1 > 1 && !seen_keyword)
                      parser_raise_range (p, item, last_item, "Generator expression must be parenthesized");
                    else if (n_items > 0)
                      parser_raise_range (p, item, last_item, "Generator expression must be parenthesized");
                  }
                goto out;
              }
            }
          if (seen_keyword)
            {
              if (CHECKS (p))
                {
                  /* pegen's second args parses as far as it can first */
                  Mark m = mark (p);
                  while (accept (p, RECLAIM_TOK_COMMA) && peek (p) != RECLAIM_TOK_RPAR)
                    if (!parser_parse_expression (p))
                      break;
                  if (p->error == NULL)
                    reset (p, m);
                  parser_raise_last (p, RECLAIM_ERROR_SYNTAX, seen_double_star
                                ? "positional argument follows keyword argument unpacking"
                                : "positional argument follows keyword argument");
                }
              goto out;
            }
          push (p, item);
          n_positional++;
        }

      n_items++;
      if (!accept (p, RECLAIM_TOK_COMMA))
        break;
    }

  if (!accept (p, RECLAIM_TOK_RPAR))
    goto out;
  ok = TRUE;

out:
  if (!ok)
    {
      parser_drop_list (p, abase);
      g_ptr_array_free (keywords, TRUE);
      return NULL;
    }
  node = parser_new_node_from (p, RECLAIM_NODE_CALL, start);
  node->v.call.func = func;
  node->v.call.args = parser_pop_list (p, abase);
  kbase = stack_base (p);
  for (guint i = 0; i < keywords->len; i++)
    push (p, keywords->pdata[i]);
  node->v.call.keywords = parser_pop_list (p, kbase);
  g_ptr_array_free (keywords, TRUE);
  return node;
}

ReclaimNode *
parser_parse_primary (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *node = parser_parse_atom (p);

  if (node == NULL)
    return NULL;
  for (;;)
    {
      Mark m = mark (p);
      ReclaimNode *next = NULL;

      switch (peek (p))
        {
        case RECLAIM_TOK_DOT:
          advance (p);
          if (peek (p) == RECLAIM_TOK_NAME)
            {
              const ReclaimToken *name = advance (p);
              next = parser_new_node_from (p, RECLAIM_NODE_ATTRIBUTE, start);
              next->v.attribute.value = node;
              next->v.attribute.attr = parser_name_id (p, name);
            }
          break;
        case RECLAIM_TOK_LPAR:
          next = parser_parse_call (p, node, start);
          break;
        case RECLAIM_TOK_LSQB:
          {
            ReclaimNode *slice;
            advance (p);
            slice = parse_slices (p);
            if (slice && accept (p, RECLAIM_TOK_RSQB))
              {
                next = parser_new_node_from (p, RECLAIM_NODE_SUBSCRIPT, start);
                next->v.subscript.value = node;
                next->v.subscript.slice = slice;
              }
          }
          break;
        default:
          return node;
        }
      if (next == NULL)
        {
          /* pegen keeps the longest primary that parsed */
          if (p->error)
            return NULL;
          reset (p, m);
          return node;
        }
      node = next;
    }
}
