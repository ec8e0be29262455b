/* reclaim-parser-private.h: what the files of the parser share.
 *
 * reclaim-parser.c                the token cursor, nodes, lists, errors; the two
 *                                 passes and reclaim_parse() (how they fit together
 *                                 is told at its top)
 * reclaim-parser-primary.c        atoms, displays, subscripts and calls
 * reclaim-parser-expr.c           operators, named and starred expressions, lambda,
 *                                 comprehension clauses, targets; memoization
 * reclaim-parser-params.c         the parameters of def and lambda
 * reclaim-parser-simple-stmt.c    simple statements
 * reclaim-parser-compound-stmt.c  blocks and compound statements
 * reclaim-parser-fstring.c        string literals and f-strings
 * reclaim-parser-invalid.c        the second pass's longer invalid_* checks
 * reclaim-parser-check.c          the compile-time checks after a successful parse
 */
#pragma once

#include "reclaim-parser.h"

G_BEGIN_DECLS

typedef struct _Parser Parser;

struct _Parser {
  ReclaimTokenList *tl;
  const ReclaimToken *toks;
  guint n_toks;
  guint pos;
  guint max_pos;          /* furthest token fetched by the first pass */
  guint fill_pos;         /* furthest token fetched by both passes */
  gboolean diag;          /* second pass: invalid_* checks on */
  int no_invalid;         /* > 0 inside *_without_invalid rules */

  ReclaimSyntaxError *error;
  gboolean error_from_tokenizer;
  gboolean error_final;   /* CPython does not re-tokenize after this one */

  Parser *root;           /* the file's parser; owns unsupported */
  GPtrArray *unsupported; /* of ReclaimSyntaxError, each construct once */

  ReclaimArena *arena;
  const char *filename;
  int level;              /* CPython parser stack estimate */
  int legacy_nesting;     /* invalid_legacy_expression checks under way */
  GPtrArray *stack;       /* scratch for building lists */
  GHashTable *memo;       /* second pass: rule results by position */

  /* f-string expression parsers: positions in the sub-source map to the
   * file by these */
  gboolean fstring_input;
  int line_shift;
  int col_shift;
};

#define CHECKS(p) ((p)->diag && (p)->no_invalid == 0)

/* ------------------------------------------------------------------ */
/* tokens */

void                parser_tokenizer_error (Parser *p);
const ReclaimToken *parser_last_token      (Parser *p);
gboolean            parser_token_is        (Parser *p, const ReclaimToken *t, const char *text);
char               *parser_token_text      (Parser *p, const ReclaimToken *t);

static inline const ReclaimToken *
fetch (Parser *p, guint i)
{
  const ReclaimToken *t;

  if (i >= p->n_toks)
    i = p->n_toks - 1;
  if (i > p->fill_pos)
    p->fill_pos = i;
  if (!p->diag && i > p->max_pos)
    p->max_pos = i;
  t = &p->toks[i];
  if (G_UNLIKELY (t->kind == RECLAIM_TOK_ERRORTOKEN))
    parser_tokenizer_error (p);
  return t;
}

static inline ReclaimTokenKind
peek (Parser *p)
{
  return fetch (p, p->pos)->kind;
}

static inline ReclaimTokenKind
peek_at (Parser *p, guint k)
{
  /* never look past an error token */
  guint i = p->pos;
  for (guint j = 0; j < k; j++)
    {
      if (fetch (p, i)->kind == RECLAIM_TOK_ERRORTOKEN || i + 1 >= p->n_toks)
        return p->toks[i].kind == RECLAIM_TOK_ERRORTOKEN ? RECLAIM_TOK_ERRORTOKEN : RECLAIM_TOK_ENDMARKER;
      i++;
    }
  return fetch (p, i)->kind;
}

static inline const ReclaimToken *
cur (Parser *p)
{
  return fetch (p, p->pos);
}

static inline const ReclaimToken *
advance (Parser *p)
{
  const ReclaimToken *t = fetch (p, p->pos);
  if (t->kind != RECLAIM_TOK_ERRORTOKEN && t->kind != RECLAIM_TOK_ENDMARKER)
    p->pos++;
  return t;
}

static inline gboolean
accept (Parser *p, ReclaimTokenKind kind)
{
  if (peek (p) == kind)
    {
      p->pos++;
      return TRUE;
    }
  return FALSE;
}

static inline const ReclaimToken *
tok (Parser *p, guint i)
{
  return &p->toks[MIN (i, p->n_toks - 1)];
}

/* ------------------------------------------------------------------ */
/* positions */

static inline int
map_line (Parser *p, int line)
{
  return line + p->line_shift;
}

static inline int
map_col (Parser *p, int line, int col)
{
  return line == 1 ? col + p->col_shift : col;
}

/* Positions of nodes are in file coordinates; errors are computed in the
 * token list's coordinates (they differ inside f-strings). */
static inline int
unmap_line (Parser *p, int line)
{
  return line - p->line_shift;
}

static inline int
unmap_col (Parser *p, int line, int col)
{
  return unmap_line (p, line) == 1 ? col - p->col_shift : col;
}

void         parser_set_end       (Parser *p, ReclaimNode *node, const ReclaimToken *t);
ReclaimNode *parser_new_node      (Parser *p, ReclaimNodeKind kind, const ReclaimToken *first,
                                   const ReclaimToken *last);
ReclaimNode *parser_new_node_from (Parser *p, ReclaimNodeKind kind, guint start);

/* ------------------------------------------------------------------ */
/* lists */

static inline guint
stack_base (Parser *p)
{
  return p->stack->len;
}

static inline void
push (Parser *p, gpointer item)
{
  g_ptr_array_add (p->stack, item);
}

ReclaimNodeList parser_pop_list    (Parser *p, guint base);
void            parser_drop_list   (Parser *p, guint base);
ReclaimNodeList parser_list_of_one (Parser *p, ReclaimNode *node);

/* ------------------------------------------------------------------ */
/* errors */

/* The raise functions set p->error unless one is set already, and return
 * NULL. */
void *parser_raise_known         (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset,
                                  const char *format, ...) G_GNUC_PRINTF (7, 8);
void *parser_raise_range         (Parser *p, const ReclaimNode *a, const ReclaimNode *b,
                                  const char *format, ...) G_GNUC_PRINTF (4, 5);
void *parser_raise_token         (Parser *p, const ReclaimToken *t,
                                  const char *format, ...) G_GNUC_PRINTF (3, 4);
void *parser_raise_token_range   (Parser *p, const ReclaimToken *a, const ReclaimToken *b,
                                  const char *format, ...) G_GNUC_PRINTF (4, 5);
void *parser_raise_last          (Parser *p, ReclaimSyntaxErrorKind kind,
                                  const char *format, ...) G_GNUC_PRINTF (3, 4);
void *parser_raise_node_token    (Parser *p, const ReclaimNode *a, const ReclaimToken *b,
                                  const char *format, ...) G_GNUC_PRINTF (4, 5);
void *parser_raise_starting_from (Parser *p, const ReclaimToken *a, const char *message);

/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node) / _KNOWN_RANGE(a, b) */
#define raise_node(p, a, ...) parser_raise_range ((p), (a), (a), __VA_ARGS__)

void parser_memory_error (Parser *p);

/* CPython counts nested rule calls and gives up at MAXSTACK. */
static inline gboolean
enter (Parser *p, int frames)
{
  p->level += frames;
  if (G_UNLIKELY (p->level > RECLAIM_PARSER_MAX_STACK - 33))
    {
      parser_memory_error (p);
      return FALSE;
    }
  return TRUE;
}

static inline void
leave (Parser *p, int frames)
{
  p->level -= frames;
}

void parser_not_supported_token (Parser *p, const ReclaimToken *t, const char *what);
void parser_not_supported_node  (Parser *p, const ReclaimNode *n, const char *what);

ReclaimSyntaxError *parser_make_error_at_node (Parser *p, const ReclaimNode *n, ReclaimSyntaxErrorKind kind,
                                               const char *message);

/* ------------------------------------------------------------------ */
/* speculation */

typedef struct {
  guint pos;
  guint stack_len;
} Mark;

static inline Mark
mark (Parser *p)
{
  Mark m = { p->pos, p->stack->len };
  return m;
}

static inline void
reset (Parser *p, Mark m)
{
  p->pos = m.pos;
  g_ptr_array_set_size (p->stack, m.stack_len);
}

/* After a speculative attempt that returned NULL: TRUE if it was only a
 * soft failure (position restored), FALSE if a hard error stands. */
static inline gboolean
soft_fail (Parser *p, Mark m)
{
  if (p->error != NULL)
    return FALSE;
  reset (p, m);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* rules */

/* reclaim-parser-primary.c */
gboolean     parser_can_start_expression (ReclaimTokenKind k);
ReclaimNode *parser_name_from_token      (Parser *p, const ReclaimToken *t);
const char  *parser_name_id              (Parser *p, const ReclaimToken *t);
ReclaimNode *parser_parse_atom           (Parser *p);
ReclaimNode *parser_parse_call           (Parser *p, ReclaimNode *func, guint start);
ReclaimNode *parser_parse_primary        (Parser *p);

/* reclaim-parser-expr.c */
ReclaimNode *parser_parse_expression            (Parser *p);
ReclaimNode *parser_parse_disjunction           (Parser *p);
ReclaimNode *parser_parse_bitwise_or            (Parser *p);
ReclaimNode *parser_parse_named_expression      (Parser *p);
ReclaimNode *parser_parse_star_named_expression (Parser *p);
ReclaimNode *parser_parse_star_expression       (Parser *p);
ReclaimNode *parser_parse_star_expressions      (Parser *p);
ReclaimNode *parser_parse_yield_expr            (Parser *p);
gboolean     parser_parse_for_if_clauses        (Parser *p);
gboolean     parser_to_target                   (Parser *p, ReclaimNode *e, ReclaimExprContext ctx);
ReclaimNode *parser_parse_star_target           (Parser *p);
ReclaimNode *parser_parse_star_targets          (Parser *p);

/* reclaim-parser-params.c */
ReclaimNode *parser_parse_parameters (Parser *p, gboolean is_lambda);

/* reclaim-parser-simple-stmt.c */
gboolean     parser_is_augassign       (ReclaimTokenKind k, ReclaimBinOp *op);
ReclaimNode *parser_parse_rhs          (Parser *p);
gboolean     parser_parse_simple_stmts (Parser *p);

/* reclaim-parser-compound-stmt.c */
gboolean     parser_parse_statement (Parser *p);

/* reclaim-parser-fstring.c */
ReclaimNode *parser_parse_strings (Parser *p);

/* reclaim-parser.c: a parser of its own for an f-string's expression */
ReclaimNode *parser_run_fstring_parser (Parser *p, const char *src, gsize len, int line, int col);

/* ------------------------------------------------------------------ */
/* the second pass's checks (reclaim-parser-invalid.c) */

typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

void  parser_raise_invalid_target       (Parser *p, TargetsType type, const ReclaimNode *e);
void *parser_check_comprehension_target (Parser *p, ReclaimNode *first, ReclaimNode *last,
                                         const ReclaimToken *comma);
void *parser_check_kvpair               (Parser *p, gboolean after_pair);
void *parser_check_expression           (Parser *p, guint start, ReclaimNode *a);
void *parser_check_named_expression     (Parser *p, guint start);
void *parser_check_assignment           (Parser *p, guint start);
void  parser_check_with_colon           (Parser *p, const ReclaimToken *kw);

/* ------------------------------------------------------------------ */
/* compile-time checks (reclaim-parser-check.c) */

void parser_check_module (Parser *p, ReclaimNode *module);

G_END_DECLS
