/* reclaim-parser.c: recursive-descent parser for the Python subset
 *
 * How errors match CPython 3.11's PEG parser (Parser/pegen.c):
 *
 * - First pass: a plain deterministic parse.  On failure it remembers the
 *   furthest token it looked at (pegen's last token of the first pass).
 * - Second pass ("diag"), only for the failing top-level statement: the same
 *   functions run again with the checks of the grammar's invalid_* rules
 *   switched on, in the grammar's order.  The first check that matches
 *   raises the specific message ("expected ':'", "Perhaps you forgot a
 *   comma?", "cannot assign to ..." ...).
 * - If none matches: "invalid syntax" (or "unexpected indent") at the
 *   furthest token of the first pass.
 * - A tokenizer error wins when the parser reaches it, and also over a
 *   parser error if CPython's re-tokenizing of the rest of the file would
 *   find it (see finish_error()).
 * - After a successful parse, check_module() makes the compile-time checks.
 * - Constructs Reclaim refuses are parsed normally and only remembered; they
 *   are reported if nothing else went wrong.
 *
 * Parse functions return NULL on failure.  p->error is set for a hard
 * error (the final answer); NULL with no p->error is a soft failure, which
 * speculative callers may recover from.
 */
#include "reclaim-parser.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
  ReclaimSyntaxError *unsupported;

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

static void tokenizer_error (Parser *p);

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
    tokenizer_error (p);
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

/* The last token before pos that is not NEWLINE, INDENT, DEDENT: where
 * CPython ends a node. */
static const ReclaimToken *
last_token (Parser *p)
{
  guint i = p->pos;
  while (i > 0)
    {
      const ReclaimToken *t = &p->toks[--i];
      if (t->kind != RECLAIM_TOK_NEWLINE && t->kind != RECLAIM_TOK_INDENT &&
          t->kind != RECLAIM_TOK_DEDENT && t->kind != RECLAIM_TOK_ENDMARKER)
        return t;
    }
  return &p->toks[0];
}

static gboolean
token_is (Parser *p, const ReclaimToken *t, const char *text)
{
  gsize n = strlen (text);
  return t->length == n && memcmp (p->tl->text + t->offset, text, n) == 0;
}

static char *
token_text (Parser *p, const ReclaimToken *t)
{
  return reclaim_arena_strndup (p->arena, p->tl->text + t->offset, t->length);
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

static void
set_start (Parser *p, ReclaimNode *node, const ReclaimToken *t)
{
  node->line = map_line (p, t->line);
  node->col = map_col (p, t->line, t->col);
}

static void
set_end (Parser *p, ReclaimNode *node, const ReclaimToken *t)
{
  node->end_line = map_line (p, t->end_line);
  node->end_col = map_col (p, t->end_line, t->end_col);
}

static ReclaimNode *
new_node (Parser *p, ReclaimNodeKind kind, const ReclaimToken *first, const ReclaimToken *last)
{
  ReclaimNode *node = reclaim_node_new (p->arena, kind);
  set_start (p, node, first);
  set_end (p, node, last);
  return node;
}

/* A node from the token at start to the last token consumed. */
static ReclaimNode *
new_node_from (Parser *p, ReclaimNodeKind kind, guint start)
{
  return new_node (p, kind, tok (p, start), last_token (p));
}

/* CPython places a node from the first token of its rule to the last
 * token consumed: parentheses around an operand count. */
static void
span_from (Parser *p, ReclaimNode *node, guint start)
{
  set_start (p, node, tok (p, start));
  set_end (p, node, last_token (p));
}

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

static ReclaimNodeList
pop_list (Parser *p, guint base)
{
  ReclaimNodeList list = { NULL, 0 };
  guint n = p->stack->len - base;

  if (n > 0)
    {
      list.items = reclaim_arena_alloc (p->arena, n * sizeof (ReclaimNode *));
      memcpy (list.items, p->stack->pdata + base, n * sizeof (ReclaimNode *));
      list.n = n;
    }
  g_ptr_array_set_size (p->stack, base);
  return list;
}

static void
drop_list (Parser *p, guint base)
{
  g_ptr_array_set_size (p->stack, base);
}

static ReclaimNodeList
list_of_one (Parser *p, ReclaimNode *node)
{
  ReclaimNodeList list;
  list.items = reclaim_arena_alloc (p->arena, sizeof (ReclaimNode *));
  list.items[0] = node;
  list.n = 1;
  return list;
}

/* ------------------------------------------------------------------ */
/* errors */

/* CPython converts offsets to characters only when an encoding was
 * declared; otherwise they stay 1-based byte offsets. */
static int
chars_in_prefix (Parser *p, const char *text, int n)
{
  return reclaim_token_list_error_column (p->tl, text, n);
}

static ReclaimSyntaxError *
make_error (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
            int end_lineno, int end_col_offset, const char *format, va_list args)
{
  ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);

  error->kind = kind;
  error->message = g_strdup_vprintf (format, args);
  if (p->fstring_input)
    {
      /* what _PyPegen_raise_error_known_location() does in f-strings */
      char *prefixed = g_strconcat ("f-string: ", error->message, NULL);
      g_free (error->message);
      error->message = prefixed;
    }
  error->line = lineno + p->line_shift;
  error->end_line = end_lineno + p->line_shift;
  error->text = reclaim_token_list_error_text (p->tl, lineno);
  error->column = chars_in_prefix (p, error->text, col_offset);
  error->end_column = end_col_offset > 0 ? chars_in_prefix (p, error->text, end_col_offset) : end_col_offset;
  return error;
}

static ReclaimSyntaxError *
make_error_v (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
              int end_lineno, int end_col_offset, const char *format, ...)
{
  va_list args;
  ReclaimSyntaxError *error;
  va_start (args, format);
  error = make_error (p, kind, lineno, col_offset, end_lineno, end_col_offset, format, args);
  va_end (args);
  return error;
}

/* compile-time errors: at the node, which is in file coordinates */
static ReclaimSyntaxError *
make_error_at_node (Parser *p, const ReclaimNode *n, ReclaimSyntaxErrorKind kind, const char *message)
{
  /* the compiler and the symtable give byte offsets, whatever the encoding */
  ReclaimSyntaxError *error = make_error_v (p, kind, n->line, 0, n->end_line, 0, "%s", message);
  error->column = n->col + 1;
  error->end_column = n->end_col + 1;
  return error;
}

/* _PyPegen_raise_error_known_location(): offsets are 1-based byte columns
 * of the token list's lines. */
static void *
raise_known (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
             int end_lineno, int end_col_offset, const char *format, ...) G_GNUC_PRINTF (7, 8);

static void *
raise_known (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
             int end_lineno, int end_col_offset, const char *format, ...)
{
  va_list args;

  if (p->error != NULL)
    return NULL;
  va_start (args, format);
  p->error = make_error (p, kind, lineno, col_offset, end_lineno, end_col_offset, format, args);
  va_end (args);
  return NULL;
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

/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node) / _KNOWN_RANGE(a, b) */
#define raise_node(p, a, ...) raise_range ((p), (a), (a), __VA_ARGS__)

static void *
raise_range (Parser *p, const ReclaimNode *a, const ReclaimNode *b, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void *
raise_range (Parser *p, const ReclaimNode *a, const ReclaimNode *b, const char *format, ...)
{
  va_list args;
  int line = unmap_line (p, a->line);
  int end_line = unmap_line (p, b->end_line);

  if (p->error != NULL)
    return NULL;
  va_start (args, format);
  p->error = make_error (p, RECLAIM_ERROR_SYNTAX, line, unmap_col (p, a->line, a->col) + 1,
                         end_line, unmap_col (p, b->end_line, b->end_col) + 1, format, args);
  va_end (args);
  return NULL;
}

/* The location CPython gives a token: col_offset + 1, or for the markers
 * without text (INDENT, DEDENT, ENDMARKER) its cursor and no end. */
static void
token_location (const ReclaimToken *t, int *col, int *end_col)
{
  if (t->length == 0 && t->kind != RECLAIM_TOK_NEWLINE)
    {
      *col = t->col < 0 ? 0 : t->col;
      *end_col = -1;
    }
  else
    {
      *col = t->col + 1;
      *end_col = t->end_col + 1;
    }
}

static void *
raise_token_kind (Parser *p, ReclaimSyntaxErrorKind kind, const ReclaimToken *t,
                  const ReclaimToken *end, const char *format, va_list args)
{
  int col, end_col, unused;

  if (p->error != NULL)
    return NULL;
  token_location (t, &col, &unused);
  token_location (end, &unused, &end_col);
  p->error = make_error (p, kind, t->line, col, end->end_line, end_col, format, args);
  return NULL;
}

static void *
raise_token (Parser *p, const ReclaimToken *t, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void *
raise_token (Parser *p, const ReclaimToken *t, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  raise_token_kind (p, RECLAIM_ERROR_SYNTAX, t, t, format, args);
  va_end (args);
  return NULL;
}

static void *
raise_token_range (Parser *p, const ReclaimToken *a, const ReclaimToken *b, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void *
raise_token_range (Parser *p, const ReclaimToken *a, const ReclaimToken *b, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  raise_token_kind (p, RECLAIM_ERROR_SYNTAX, a, b, format, args);
  va_end (args);
  return NULL;
}

/* RAISE_SYNTAX_ERROR(msg): at the last token fetched so far. */
static void *
raise_last (Parser *p, ReclaimSyntaxErrorKind kind, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void *
raise_last (Parser *p, ReclaimSyntaxErrorKind kind, const char *format, ...)
{
  va_list args;
  const ReclaimToken *t = tok (p, p->fill_pos);
  va_start (args, format);
  raise_token_kind (p, kind, t, t, format, args);
  va_end (args);
  return NULL;
}

/* A node range mixed with a token end: RAISE_SYNTAX_ERROR_KNOWN_RANGE(node, token). */
static void *
raise_node_token (Parser *p, const ReclaimNode *a, const ReclaimToken *b, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void *
raise_node_token (Parser *p, const ReclaimNode *a, const ReclaimToken *b, const char *format, ...)
{
  va_list args;
  int line = unmap_line (p, a->line);

  if (p->error != NULL)
    return NULL;
  va_start (args, format);
  p->error = make_error (p, RECLAIM_ERROR_SYNTAX, line, unmap_col (p, a->line, a->col) + 1,
                         b->end_line, b->end_col + 1, format, args);
  va_end (args);
  return NULL;
}

/* RAISE_SYNTAX_ERROR_STARTING_FROM(a): to the tokenizer's position. */
static void *
raise_starting_from (Parser *p, const ReclaimToken *a, const char *message)
{
  /* the end is the tokenizer's cursor: after the last token fetched */
  const ReclaimToken *last = tok (p, p->fill_pos);
  return raise_known (p, RECLAIM_ERROR_SYNTAX, a->line, a->col + 1, last->end_line, last->end_col, "%s", message);
}

static void
tokenizer_error (Parser *p)
{
  if (p->error != NULL)
    return;
  p->error = reclaim_syntax_error_copy (p->tl->error);
  if (p->error->line > 0)
    {
      p->error->line += p->line_shift;
      p->error->end_line += p->line_shift;
    }
  p->error_from_tokenizer = TRUE;
}

static void
memory_error (Parser *p)
{
  ReclaimSyntaxError *error;
  const ReclaimToken *t = cur (p);

  if (p->error != NULL)
    return;
  error = g_new0 (ReclaimSyntaxError, 1);
  error->kind = RECLAIM_ERROR_MEMORY;
  error->message = g_strdup ("");
  error->line = error->end_line = map_line (p, t->line);
  error->column = t->col + 1;
  error->end_column = t->end_col + 1;
  error->text = reclaim_token_list_error_text (p->tl, t->line);
  p->error = error;
}

/* CPython counts nested rule calls and gives up at MAXSTACK. */
static inline gboolean
enter (Parser *p, int frames)
{
  p->level += frames;
  if (G_UNLIKELY (p->level > RECLAIM_PARSER_MAX_STACK - 33))
    {
      memory_error (p);
      return FALSE;
    }
  return TRUE;
}

static inline void
leave (Parser *p, int frames)
{
  p->level -= frames;
}

/* Remember the first construct Reclaim refuses; reported only if the
 * source is otherwise fine. */
static void
not_supported_at (Parser *p, int line, int col, int end_line, int end_col, const char *what)
{
  Parser *root = p->root;
  ReclaimSyntaxError *error;
  int tl_line;

  if (root->unsupported != NULL || p->diag)
    return;
  error = g_new0 (ReclaimSyntaxError, 1);
  error->kind = RECLAIM_ERROR_NOT_SUPPORTED;
  error->message = g_strdup_printf ("not supported in Reclaim: %s", what);
  error->line = line;
  error->end_line = end_line;
  error->text = reclaim_token_list_error_text (root->tl, line);
  tl_line = line;
  error->column = chars_in_prefix (root, error->text, col + 1);
  error->end_column = chars_in_prefix (root, error->text, end_col + 1);
  (void) tl_line;
  root->unsupported = error;
}

static void
not_supported_token (Parser *p, const ReclaimToken *t, const char *what)
{
  not_supported_at (p, map_line (p, t->line), map_col (p, t->line, t->col),
                    map_line (p, t->end_line), map_col (p, t->end_line, t->end_col), what);
}

static void
not_supported_node (Parser *p, const ReclaimNode *n, const char *what)
{
  not_supported_at (p, n->line, n->col, n->end_line, n->end_col, what);
}

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

typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

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
static void
raise_invalid_target (Parser *p, TargetsType type, const ReclaimNode *e)
{
  const ReclaimNode *bad = invalid_target (e, type);
  if (bad == NULL)
    return;
  if (type == DEL_TARGETS)
    raise_node (p, bad, "cannot delete %s", expr_name (bad));
  else
    raise_node (p, bad, "cannot assign to %s", expr_name (bad));
}

/* Checks that an expression parsed as such is a valid star_targets (or
 * del_targets) and gives it the context. */
static gboolean
to_target (Parser *p, ReclaimNode *e, ReclaimExprContext ctx)
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
      if (!to_target (p, e->v.starred.value, ctx))
        return FALSE;
      e->v.starred.ctx = ctx;
      not_supported_node (p, e, "starred assignment targets");
      return TRUE;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      for (guint i = 0; i < e->v.seq.elts.n; i++)
        if (!to_target (p, e->v.seq.elts.items[i], ctx))
          return FALSE;
      e->v.seq.ctx = ctx;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_single_target (const ReclaimNode *e)
{
  return e->kind == RECLAIM_NODE_NAME || e->kind == RECLAIM_NODE_ATTRIBUTE ||
         e->kind == RECLAIM_NODE_SUBSCRIPT;
}

static gboolean
is_legacy_name (const ReclaimNode *e)
{
  return e->kind == RECLAIM_NODE_NAME &&
         (strcmp (e->v.name.id, "print") == 0 || strcmp (e->v.name.id, "exec") == 0);
}

/* ------------------------------------------------------------------ */
/* expressions */

static ReclaimNode *parse_expression (Parser *p);
static ReclaimNode *parse_named_expression (Parser *p);
static ReclaimNode *parse_star_named_expression (Parser *p);
static ReclaimNode *parse_star_expressions (Parser *p);
static ReclaimNode *parse_disjunction (Parser *p);
static ReclaimNode *parse_bitwise_or (Parser *p);
static ReclaimNode *parse_factor (Parser *p);
static ReclaimNode *parse_primary (Parser *p);
static ReclaimNode *parse_yield_expr (Parser *p);
static ReclaimNode *parse_lambda (Parser *p);
static ReclaimNode *parse_strings (Parser *p);
static ReclaimNode *parse_parameters (Parser *p, gboolean is_lambda);
static gboolean     parse_for_if_clauses (Parser *p);
static ReclaimNode *parse_star_targets (Parser *p);

static gboolean
can_start_expression (ReclaimTokenKind k)
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

static ReclaimNode *
name_from_token (Parser *p, const ReclaimToken *t)
{
  ReclaimNode *node = new_node (p, RECLAIM_NODE_NAME, t, t);
  const char *text = p->tl->text + t->offset;
  gboolean ascii = TRUE;

  for (guint i = 0; i < t->length; i++)
    if ((guchar) text[i] >= 0x80)
      ascii = FALSE;
  if (ascii)
    node->v.name.id = token_text (p, t);
  else
    {
      /* identifiers are NFKC-normalized */
      g_autofree char *nfkc = g_utf8_normalize (text, t->length, G_NORMALIZE_NFKC);
      node->v.name.id = nfkc ? reclaim_arena_strndup (p->arena, nfkc, strlen (nfkc)) : token_text (p, t);
    }
  node->v.name.ctx = RECLAIM_CTX_LOAD;
  return node;
}

static const char *
name_id (Parser *p, const ReclaimToken *t)
{
  return name_from_token (p, t)->v.name.id;
}

static ReclaimNode *
constant_node (Parser *p, ReclaimConstantKind kind, const ReclaimToken *t)
{
  ReclaimNode *node = new_node (p, RECLAIM_NODE_CONSTANT, t, t);
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
      not_supported_token (p, t, "complex numbers");
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
              return raise_known (p, RECLAIM_ERROR_SYNTAX, t->line, 0, t->end_line, 0,
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
      node = new_node_from (p, RECLAIM_NODE_TUPLE, start);
      return node;
    }
  if (peek (p) == RECLAIM_TOK_YIELD)
    {
      node = parse_yield_expr (p);
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
          ReclaimNode *e = parse_expression (p);
          if (e && peek (p) == RECLAIM_TOK_RPAR)
            return raise_token (p, star, "cannot use double starred expression here");
          if (!soft_fail (p, m))
            return NULL;
        }
      return NULL;
    }

  first = parse_star_named_expression (p);
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
          e = parse_star_named_expression (p);
          if (e == NULL)
            return NULL;
          push (p, e);
        }
      if (!accept (p, RECLAIM_TOK_RPAR))
        return NULL;
      node = new_node_from (p, RECLAIM_NODE_TUPLE, start);
      node->v.seq.elts = pop_list (p, base);
      return node;

    case RECLAIM_TOK_FOR:
    case RECLAIM_TOK_ASYNC:
      if (first->kind == RECLAIM_NODE_STARRED)
        {
          if (CHECKS (p))
            {
              Mark m = mark (p);
              if (parse_for_if_clauses (p))
                return raise_node (p, first, "iterable unpacking cannot be used in comprehension");
              soft_fail (p, m);
            }
          return NULL;
        }
      base = stack_base (p);
      if (!parse_for_if_clauses (p))
        return NULL;
      if (!accept (p, RECLAIM_TOK_RPAR))
        return NULL;
      node = new_node_from (p, RECLAIM_NODE_GENERATOR_EXP, start);
      node->v.comp.elt = first;
      node->v.comp.generators = pop_list (p, base);
      return node;

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

/* invalid_comprehension: '[' or '{' a, b, ... for ... */
static void *
check_comprehension_target (Parser *p, ReclaimNode *first, ReclaimNode *last, const ReclaimToken *comma)
{
  Mark m = mark (p);
  if (parse_for_if_clauses (p))
    {
      if (last != NULL)
        return raise_range (p, first, last, "did you forget parentheses around the comprehension target?");
      return raise_node_token (p, first, comma, "did you forget parentheses around the comprehension target?");
    }
  soft_fail (p, m);
  return NULL;
}

static ReclaimNode *
parse_list (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first, *node, *last = NULL;
  const ReclaimToken *last_comma = NULL;
  guint base;
  int n_commas = 0;

  advance (p);
  if (accept (p, RECLAIM_TOK_RSQB))
    {
      node = new_node_from (p, RECLAIM_NODE_LIST, start);
      return node;
    }
  first = parse_star_named_expression (p);
  if (first == NULL)
    return NULL;

  if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
    {
      if (first->kind == RECLAIM_NODE_STARRED)
        {
          if (CHECKS (p))
            {
              Mark m = mark (p);
              if (parse_for_if_clauses (p))
                return raise_node (p, first, "iterable unpacking cannot be used in comprehension");
              soft_fail (p, m);
            }
          return NULL;
        }
      base = stack_base (p);
      if (!parse_for_if_clauses (p) || !accept (p, RECLAIM_TOK_RSQB))
        return NULL;
      node = new_node_from (p, RECLAIM_NODE_LIST_COMP, start);
      node->v.comp.elt = first;
      node->v.comp.generators = pop_list (p, base);
      return node;
    }

  base = stack_base (p);
  push (p, first);
  while (peek (p) == RECLAIM_TOK_COMMA)
    {
      ReclaimNode *e;
      last_comma = advance (p);
      n_commas++;
      if (peek (p) == RECLAIM_TOK_RSQB || peek (p) == RECLAIM_TOK_FOR)
        break;
      e = parse_star_named_expression (p);
      if (e == NULL)
        return NULL;
      push (p, e);
      last = e;
    }
  if (n_commas > 0 && peek (p) == RECLAIM_TOK_FOR && CHECKS (p))
    return check_comprehension_target (p, first, last, last_comma);
  if (!accept (p, RECLAIM_TOK_RSQB))
    return NULL;
  node = new_node_from (p, RECLAIM_NODE_LIST, start);
  node->v.seq.elts = pop_list (p, base);
  return node;
}

/* invalid_double_starred_kvpairs / invalid_kvpair, at a key.  CPython
 * happens to look at a key after the first without its other checks
 * (a missing comma inside it is not reported unless the key fails). */
static void *
check_kvpair (Parser *p, gboolean after_pair)
{
  Mark m = mark (p);
  ReclaimNode *key;

  if (after_pair)
    p->no_invalid++;
  key = parse_expression (p);
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
        return raise_known (p, RECLAIM_ERROR_SYNTAX, unmap_line (p, key->line),
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
        if (parse_bitwise_or (p))
          return raise_starting_from (p, star, "cannot use a starred expression in a dictionary value");
        if (p->error)
          return NULL;
      }
    else if (peek (p) == RECLAIM_TOK_RBRACE || peek (p) == RECLAIM_TOK_COMMA)
      return raise_token (p, colon, "expression expected after dictionary key and ':'");
  }
  reset (p, m);
  return NULL;
}

static ReclaimNode *
parse_braces (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first, *node;
  guint base;

  advance (p);
  if (accept (p, RECLAIM_TOK_RBRACE))
    return new_node_from (p, RECLAIM_NODE_DICT, start);

  if (peek (p) == RECLAIM_TOK_DOUBLESTAR)
    first = NULL;   /* a dict starting with **x */
  else
    {
      gboolean walrus = peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL;
      if (CHECKS (p))
        {
          check_kvpair (p, FALSE);
          if (p->error)
            return NULL;
        }
      first = parse_star_named_expression (p);
      if (first == NULL)
        return NULL;
      if (peek (p) != RECLAIM_TOK_COLON || walrus || first->kind == RECLAIM_NODE_STARRED)
        {
          /* a set or set comprehension */
          if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
            {
              if (first->kind == RECLAIM_NODE_STARRED)
                {
                  if (CHECKS (p))
                    {
                      Mark m = mark (p);
                      if (parse_for_if_clauses (p))
                        return raise_node (p, first, "iterable unpacking cannot be used in comprehension");
                      soft_fail (p, m);
                    }
                  return NULL;
                }
              base = stack_base (p);
              if (!parse_for_if_clauses (p) || !accept (p, RECLAIM_TOK_RBRACE))
                return NULL;
              node = new_node_from (p, RECLAIM_NODE_SET_COMP, start);
              node->v.comp.elt = first;
              node->v.comp.generators = pop_list (p, base);
              return node;
            }
          {
            ReclaimNode *last = NULL;
            const ReclaimToken *last_comma = NULL;
            int n_commas = 0;
            base = stack_base (p);
            push (p, first);
            while (peek (p) == RECLAIM_TOK_COMMA)
              {
                ReclaimNode *e;
                last_comma = advance (p);
                n_commas++;
                if (peek (p) == RECLAIM_TOK_RBRACE || peek (p) == RECLAIM_TOK_FOR)
                  break;
                e = parse_star_named_expression (p);
                if (e == NULL)
                  return NULL;
                push (p, e);
                last = e;
              }
            if (n_commas > 0 && peek (p) == RECLAIM_TOK_FOR && CHECKS (p))
              return check_comprehension_target (p, first, last, last_comma);
            if (!accept (p, RECLAIM_TOK_RBRACE))
              return NULL;
            node = new_node_from (p, RECLAIM_NODE_SET, start);
            node->v.set.elts = pop_list (p, base);
            return node;
          }
        }
    }

  /* a dict or dict comprehension */
  {
    guint kbase, vbase;
    ReclaimNode *value;
    GPtrArray *keys = g_ptr_array_new ();

    if (first != NULL)
      {
        advance (p);   /* ':' */
        value = parse_expression (p);
        if (value == NULL)
          {
            g_ptr_array_free (keys, TRUE);
            return NULL;
          }
        if (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC)
          {
            g_ptr_array_free (keys, TRUE);
            base = stack_base (p);
            if (!parse_for_if_clauses (p) || !accept (p, RECLAIM_TOK_RBRACE))
              return NULL;
            node = new_node_from (p, RECLAIM_NODE_DICT_COMP, start);
            node->v.dict_comp.key = first;
            node->v.dict_comp.value = value;
            node->v.dict_comp.generators = pop_list (p, base);
            return node;
          }
      }
    else
      {
        const ReclaimToken *stars = advance (p);
        value = parse_bitwise_or (p);
        if (value == NULL)
          {
            g_ptr_array_free (keys, TRUE);
            return NULL;
          }
        if (peek (p) == RECLAIM_TOK_FOR && CHECKS (p))
          {
            Mark m = mark (p);
            if (parse_for_if_clauses (p) && peek (p) == RECLAIM_TOK_RBRACE)
              {
                g_ptr_array_free (keys, TRUE);
                return raise_token (p, stars, "dict unpacking cannot be used in dict comprehension");
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
            value = parse_bitwise_or (p);
          }
        else
          {
            if (CHECKS (p))
              {
                check_kvpair (p, TRUE);
                if (p->error)
                  value = NULL;
              }
            k = p->error ? NULL : parse_expression (p);
            value = NULL;
            if (k != NULL && accept (p, RECLAIM_TOK_COLON))
              value = parse_expression (p);
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
    node = new_node_from (p, RECLAIM_NODE_DICT, start);
    node->v.dict.values = pop_list (p, vbase);
    kbase = stack_base (p);
    for (guint i = 0; i < keys->len; i++)
      push (p, keys->pdata[i]);
    node->v.dict.keys = pop_list (p, kbase);
    g_ptr_array_free (keys, TRUE);
    return node;
  }
}

static ReclaimNode *
parse_atom (Parser *p)
{
  const ReclaimToken *t = cur (p);

  switch (t->kind)
    {
    case RECLAIM_TOK_NAME:
      advance (p);
      return name_from_token (p, t);
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
      return parse_strings (p);
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
      ReclaimNode *value = parse_expression (p);
      if (value == NULL)
        return NULL;
      node = new_node (p, RECLAIM_NODE_STARRED, star, last_token (p));
      node->v.starred.value = value;
      return node;
    }
  if (peek (p) != RECLAIM_TOK_COLON)
    {
      if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
        return parse_named_expression (p);
      lower = parse_expression (p);
      if (lower == NULL)
        return NULL;
      if (peek (p) != RECLAIM_TOK_COLON)
        {
          if (CHECKS (p) && (peek (p) == RECLAIM_TOK_EQUAL || peek (p) == RECLAIM_TOK_COLONEQUAL))
            {
              /* the named_expression alternative, for its error checks */
              p->pos = start;
              return parse_named_expression (p);
            }
          return lower;
        }
    }
  advance (p);   /* ':' */
  if (peek (p) != RECLAIM_TOK_COLON && peek (p) != RECLAIM_TOK_RSQB && peek (p) != RECLAIM_TOK_COMMA)
    {
      upper = parse_expression (p);
      if (upper == NULL)
        return NULL;
    }
  if (accept (p, RECLAIM_TOK_COLON))
    {
      if (peek (p) != RECLAIM_TOK_RSQB && peek (p) != RECLAIM_TOK_COMMA)
        {
          step = parse_expression (p);
          if (step == NULL)
            return NULL;
        }
    }
  node = new_node_from (p, RECLAIM_NODE_SLICE, start);
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
  node = new_node_from (p, RECLAIM_NODE_TUPLE, start);
  node->v.seq.elts = pop_list (p, base);
  return node;
}

/* The Call's arguments after '('; also a bare generator expression. */
static ReclaimNode *
parse_call (Parser *p, ReclaimNode *func, guint start)
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
                raise_token (p, t, "iterable argument unpacking follows keyword argument unpacking");
              goto out;
            }
          advance (p);
          item = parse_expression (p);
          if (item == NULL)
            goto out;
          {
            ReclaimNode *starred = new_node (p, RECLAIM_NODE_STARRED, t, last_token (p));
            starred->v.starred.value = item;
            item = starred;
          }
          push (p, item);
        }
      else if (t->kind == RECLAIM_TOK_DOUBLESTAR)
        {
          ReclaimNode *kw;
          advance (p);
          item = parse_expression (p);
          if (item == NULL)
            goto out;
          kw = new_node (p, RECLAIM_NODE_KEYWORD, t, last_token (p));
          kw->v.keyword.value = item;
          g_ptr_array_add (keywords, kw);
          seen_keyword = seen_double_star = TRUE;
          item = kw;
        }
      else if ((t->kind == RECLAIM_TOK_TRUE || t->kind == RECLAIM_TOK_FALSE || t->kind == RECLAIM_TOK_NONE) &&
               peek_at (p, 1) == RECLAIM_TOK_EQUAL)
        {
          if (CHECKS (p))
            raise_token_range (p, t, tok (p, p->pos + 1), "cannot assign to %.*s", (int) t->length,
                               p->tl->text + t->offset);
          goto out;
        }
      else if (t->kind == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_EQUAL)
        {
          const ReclaimToken *eq;
          ReclaimNode *kw;
          advance (p);
          eq = advance (p);
          item = parse_expression (p);
          if (item == NULL)
            goto out;
          if (CHECKS (p) && (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC))
            {
              Mark m = mark (p);
              if (parse_for_if_clauses (p))
                {
                  raise_token_range (p, t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                  goto out;
                }
              if (!soft_fail (p, m))
                goto out;
            }
          kw = new_node (p, RECLAIM_NODE_KEYWORD, t, last_token (p));
          kw->v.keyword.arg = name_id (p, t);
          kw->v.keyword.value = item;
          g_ptr_array_add (keywords, kw);
          seen_keyword = TRUE;
          item = kw;
        }
      else
        {
          if (t->kind == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
            item = parse_named_expression (p);
          else
            item = parse_expression (p);
          if (item == NULL)
            goto out;
          if (peek (p) == RECLAIM_TOK_EQUAL)
            {
              if (CHECKS (p))
                raise_node_token (p, item, cur (p),
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

              if (!parse_for_if_clauses (p))
                goto out;
              {
                ReclaimNodeList comps = pop_list (p, cbase);
                ReclaimNode *c = comps.items[comps.n - 1];
                last_item = c->v.comprehension.ifs.n > 0
                  ? c->v.comprehension.ifs.items[c->v.comprehension.ifs.n - 1]
                  : c->v.comprehension.iter;
                if (n_items == 0 && peek (p) == RECLAIM_TOK_RPAR)
                  {
                    /* f(x for x in y): the call's parentheses are the genexp's */
                    advance (p);
                    genexp = new_node (p, RECLAIM_NODE_GENERATOR_EXP, tok (p, open), last_token (p));
                    genexp->v.comp.elt = item;
                    genexp->v.comp.generators = comps;
                    push (p, genexp);
                    node = reclaim_node_new (p->arena, RECLAIM_NODE_CALL);
                    span_from (p, node, start);
                    node->v.call.func = func;
                    node->v.call.args = pop_list (p, abase);
                    g_ptr_array_free (keywords, TRUE);
                    return node;
                  }
                if (CHECKS (p))
                  {
                    if (n_items == 0 && peek (p) == RECLAIM_TOK_COMMA)
                      raise_range (p, item, last_item, "Generator expression must be parenthesized");
                    else if (n_positional + 1 > 1 && !seen_keyword)
                      raise_range (p, item, last_item, "Generator expression must be parenthesized");
                    else if (n_items > 0)
                      raise_range (p, item, last_item, "Generator expression must be parenthesized");
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
                    if (!parse_expression (p))
                      break;
                  if (p->error == NULL)
                    reset (p, m);
                  raise_last (p, RECLAIM_ERROR_SYNTAX, seen_double_star
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
      drop_list (p, abase);
      g_ptr_array_free (keywords, TRUE);
      return NULL;
    }
  node = reclaim_node_new (p->arena, RECLAIM_NODE_CALL);
  span_from (p, node, start);
  node->v.call.func = func;
  node->v.call.args = pop_list (p, abase);
  kbase = stack_base (p);
  for (guint i = 0; i < keywords->len; i++)
    push (p, keywords->pdata[i]);
  node->v.call.keywords = pop_list (p, kbase);
  g_ptr_array_free (keywords, TRUE);
  return node;
}

static ReclaimNode *
parse_primary (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *node = parse_atom (p);

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
              next = reclaim_node_new (p->arena, RECLAIM_NODE_ATTRIBUTE);
              span_from (p, next, start);
              next->v.attribute.value = node;
              next->v.attribute.attr = name_id (p, name);
            }
          break;
        case RECLAIM_TOK_LPAR:
          next = parse_call (p, node, start);
          break;
        case RECLAIM_TOK_LSQB:
          {
            ReclaimNode *slice;
            advance (p);
            slice = parse_slices (p);
            if (slice && accept (p, RECLAIM_TOK_RSQB))
              {
                next = reclaim_node_new (p->arena, RECLAIM_NODE_SUBSCRIPT);
                span_from (p, next, start);
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

static ReclaimNode *
parse_power (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *left, *right, *node;

  if (peek (p) == RECLAIM_TOK_AWAIT)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *value = parse_primary (p);
      if (value == NULL)
        return NULL;
      not_supported_token (p, t, "await");
      left = reclaim_node_new (p->arena, RECLAIM_NODE_AWAIT);
      span_from (p, left, start);
      left->v.yield.value = value;
    }
  else
    left = parse_primary (p);
  if (left == NULL)
    return NULL;
  if (peek (p) != RECLAIM_TOK_DOUBLESTAR)
    return left;
  {
    Mark m = mark (p);
    advance (p);
    /* power -> factor -> power: two of CPython's rule frames */
    if (!enter (p, 2))
      return NULL;
    right = parse_factor (p);
    leave (p, 2);
    if (right == NULL)
      {
        if (!soft_fail (p, m))
          return NULL;
        return left;
      }
  }
  node = reclaim_node_new (p->arena, RECLAIM_NODE_BIN_OP);
  span_from (p, node, start);
  node->v.bin_op.left = left;
  node->v.bin_op.op = RECLAIM_BIN_POW;
  node->v.bin_op.right = right;
  return node;
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
  node = new_node (p, RECLAIM_NODE_UNARY_OP, t, last_token (p));
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
  ReclaimNode *left, *right, *node;
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
        {
          if (!soft_fail (p, m))
            return NULL;
          return left;
        }
      node = reclaim_node_new (p->arena, RECLAIM_NODE_BIN_OP);
      span_from (p, node, start);
      node->v.bin_op.left = left;
      node->v.bin_op.op = op;
      node->v.bin_op.right = right;
      left = node;
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
  ReclaimNode *left = parse_bitwise_or (p), *node;
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
      right = parse_bitwise_or (p);
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
  node = reclaim_node_new (p->arena, RECLAIM_NODE_COMPARE);
  node->v.compare.left = left;
  node->v.compare.comparators = pop_list (p, base);
  node->v.compare.ops = reclaim_arena_alloc (p->arena, ops->len * sizeof (ReclaimCmpOp));
  memcpy (node->v.compare.ops, ops->data, ops->len * sizeof (ReclaimCmpOp));
  span_from (p, node, start);
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
  node = new_node (p, RECLAIM_NODE_UNARY_OP, t, last_token (p));
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
      drop_list (p, base);
      return first;
    }
  node = reclaim_node_new (p->arena, RECLAIM_NODE_BOOL_OP);
  node->v.bool_op.op = op;
  node->v.bool_op.values = pop_list (p, base);
  span_from (p, node, start);
  return node;
}

static ReclaimNode *
parse_disjunction_impl (Parser *p)
{
  return parse_bool (p, RECLAIM_BOOL_OR);
}

/* The checks of invalid_expression and invalid_legacy_expression, made
 * after the disjunction a at start has been parsed. */
static void *
check_expression (Parser *p, guint start, ReclaimNode *a)
{
  const ReclaimToken *first = tok (p, start);
  Mark m = mark (p);

  /* a b, inside brackets: a missing comma */
  if (!(first->kind == RECLAIM_TOK_NAME && tok (p, start + 1)->kind == RECLAIM_TOK_STRING) &&
      !is_soft_keyword (p, first) && can_start_expression (peek (p)))
    {
      ReclaimNode *b;
      p->no_invalid++;
      b = parse_expression (p);
      p->no_invalid--;
      if (b != NULL)
        {
          if (!is_legacy_name (a) && tok (p, p->pos - 1)->level != 0)
            return raise_range (p, a, b, "invalid syntax. Perhaps you forgot a comma?");
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
      b = parse_disjunction (p);
      if (b != NULL)
        {
          if (peek (p) != RECLAIM_TOK_ELSE && peek (p) != RECLAIM_TOK_COLON)
            return raise_range (p, a, b, "expected 'else' after 'if' expression");
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
      b = parse_star_expressions (p);
      p->legacy_nesting--;
      leave (p, frames);
      if (b != NULL && (token_is (p, first, "print") || token_is (p, first, "exec")))
        {
          ReclaimNode *name = name_from_token (p, first);
          return raise_range (p, name, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                              name->v.name.id, name->v.name.id);
        }
      if (p->error)
        return NULL;
      reset (p, m);
    }
  return NULL;
}

static ReclaimNode *
parse_expression_impl (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *a, *b, *c, *node;

  if (peek (p) == RECLAIM_TOK_LAMBDA)
    return parse_lambda (p);

  a = parse_disjunction (p);
  if (a == NULL)
    return NULL;
  if (CHECKS (p))
    {
      check_expression (p, start, a);
      if (p->error)
        return NULL;
    }
  if (peek (p) != RECLAIM_TOK_IF)
    return a;

  {
    Mark m = mark (p);
    advance (p);
    b = parse_disjunction (p);
    if (b == NULL || !accept (p, RECLAIM_TOK_ELSE))
      {
        if (!soft_fail (p, m))
          return NULL;
        return a;
      }
    if (!enter (p, 1))
      return NULL;
    c = parse_expression (p);
    leave (p, 1);
    if (c == NULL)
      {
        if (!soft_fail (p, m))
          return NULL;
        return a;
      }
  }
  node = reclaim_node_new (p->arena, RECLAIM_NODE_IF_EXP);
  span_from (p, node, start);
  node->v.if_exp.test = b;
  node->v.if_exp.body = a;
  node->v.if_exp.orelse = c;
  return node;
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
  atom = parse_atom (p);
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
static void *
check_named_expression (Parser *p, guint start)
{
  Mark m = mark (p);
  ReclaimNode *a, *b;

  p->pos = start;
  a = parse_expression (p);
  if (a != NULL && peek (p) == RECLAIM_TOK_COLONEQUAL)
    {
      advance (p);
      if (parse_expression (p))
        return raise_node (p, a, "cannot use assignment expressions with %s", expr_name (a));
    }
  if (p->error)
    return NULL;

  p->pos = start;
  if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_EQUAL)
    {
      ReclaimNode *name = name_from_token (p, advance (p));
      advance (p);
      b = parse_bitwise_or (p);
      if (b != NULL && peek (p) != RECLAIM_TOK_EQUAL && peek (p) != RECLAIM_TOK_COLONEQUAL)
        return raise_range (p, name, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      if (p->error)
        return NULL;
    }

  p->pos = start;
  if (!starts_with_display (p))
    {
      if (p->error)
        return NULL;
      a = parse_bitwise_or (p);
      if (a != NULL && accept (p, RECLAIM_TOK_EQUAL))
        {
          b = parse_bitwise_or (p);
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

static ReclaimNode *
parse_named_expression (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *e;

  if (peek (p) == RECLAIM_TOK_NAME && peek_at (p, 1) == RECLAIM_TOK_COLONEQUAL)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *target = name_from_token (p, t), *value, *node;
      advance (p);
      value = parse_expression (p);
      if (value == NULL)
        return NULL;
      target->v.name.ctx = RECLAIM_CTX_STORE;
      node = reclaim_node_new (p->arena, RECLAIM_NODE_NAMED_EXPR);
      span_from (p, node, start);
      node->v.named_expr.target = target;
      node->v.named_expr.value = value;
      return node;
    }
  if (CHECKS (p))
    {
      check_named_expression (p, start);
      if (p->error)
        return NULL;
    }
  e = parse_expression (p);
  if (e == NULL || peek (p) == RECLAIM_TOK_COLONEQUAL)
    return NULL;
  return e;
}

static ReclaimNode *
parse_star_named_expression (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *value = parse_bitwise_or (p), *node;
      if (value == NULL)
        return NULL;
      node = new_node (p, RECLAIM_NODE_STARRED, t, last_token (p));
      node->v.starred.value = value;
      return node;
    }
  return parse_named_expression (p);
}

static ReclaimNode *
parse_star_expression (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *value = parse_bitwise_or (p), *node;
      if (value == NULL)
        return NULL;
      node = new_node (p, RECLAIM_NODE_STARRED, t, last_token (p));
      node->v.starred.value = value;
      return node;
    }
  return parse_expression (p);
}

/* star_expressions: a tuple when there is a comma */
static ReclaimNode *
parse_star_expressions (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first = parse_star_expression (p), *node;
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
      if (!can_start_expression (peek (p)) && peek (p) != RECLAIM_TOK_STAR)
        break;
      e = parse_star_expression (p);
      if (e == NULL)
        {
          if (!soft_fail (p, m))
            return NULL;
          advance (p);   /* keep the trailing comma */
          break;
        }
      push (p, e);
    }
  node = reclaim_node_new (p->arena, RECLAIM_NODE_TUPLE);
  span_from (p, node, start);
  node->v.seq.elts = pop_list (p, base);
  return node;
}

static ReclaimNode *
parse_yield_expr (Parser *p)
{
  const ReclaimToken *t = advance (p);   /* 'yield' */
  ReclaimNode *node, *value = NULL;

  if (accept (p, RECLAIM_TOK_FROM))
    {
      value = parse_expression (p);
      if (value == NULL)
        return NULL;
      node = new_node (p, RECLAIM_NODE_YIELD_FROM, t, last_token (p));
      node->v.yield.value = value;
      return node;
    }
  if (can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
    {
      Mark m = mark (p);
      value = parse_star_expressions (p);
      if (value == NULL && !soft_fail (p, m))
        return NULL;
    }
  node = new_node (p, RECLAIM_NODE_YIELD, t, last_token (p));
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
  args = parse_parameters (p, TRUE);
  if (args == NULL || !accept (p, RECLAIM_TOK_COLON))
    {
      leave (p, 2);
      return NULL;
    }
  body = parse_expression (p);
  leave (p, 2);
  if (body == NULL)
    return NULL;
  node = new_node (p, RECLAIM_NODE_LAMBDA, t, last_token (p));
  node->v.lambda.args = args;
  node->v.lambda.body = body;
  return node;
}

/* for_if_clauses: pushes comprehension nodes */
static gboolean
parse_for_if_clauses (Parser *p)
{
  do
    {
      guint start = p->pos;
      ReclaimNode *target, *iter, *node;
      guint base;

      if (peek (p) == RECLAIM_TOK_ASYNC)
        {
          not_supported_token (p, advance (p), "async comprehensions");
        }
      if (!accept (p, RECLAIM_TOK_FOR))
        return FALSE;
      {
        guint after_for = p->pos;
        target = parse_star_targets (p);
        if (target == NULL || peek (p) != RECLAIM_TOK_IN)
          {
            if (p->error)
              return FALSE;
            if (CHECKS (p))
              {
                ReclaimNode *e;
                p->pos = after_for;
                e = parse_star_expressions (p);
                if (e != NULL)
                  raise_invalid_target (p, FOR_TARGETS, e);
              }
            return FALSE;
          }
      }
      advance (p);   /* 'in' */
      iter = parse_disjunction (p);
      if (iter == NULL)
        return FALSE;
      base = stack_base (p);
      while (accept (p, RECLAIM_TOK_IF))
        {
          ReclaimNode *cond = parse_disjunction (p);
          if (cond == NULL)
            return FALSE;
          push (p, cond);
        }
      node = new_node_from (p, RECLAIM_NODE_COMPREHENSION, start);
      node->v.comprehension.target = target;
      node->v.comprehension.iter = iter;
      node->v.comprehension.ifs = pop_list (p, base);
      push (p, node);
    }
  while (peek (p) == RECLAIM_TOK_FOR || peek (p) == RECLAIM_TOK_ASYNC);
  return TRUE;
}

/* star_target: '*' star_target | target_with_star_atom */
static ReclaimNode *
parse_star_target (Parser *p)
{
  ReclaimNode *e;

  if (peek (p) == RECLAIM_TOK_STAR)
    {
      const ReclaimToken *t = advance (p);
      ReclaimNode *inner, *node;
      if (peek (p) == RECLAIM_TOK_STAR)
        return NULL;
      inner = parse_star_target (p);
      if (inner == NULL)
        return NULL;
      node = new_node (p, RECLAIM_NODE_STARRED, t, last_token (p));
      node->v.starred.value = inner;
      node->v.starred.ctx = RECLAIM_CTX_STORE;
      not_supported_node (p, node, "starred assignment targets");
      return node;
    }
  e = parse_primary (p);
  if (e == NULL)
    return NULL;
  if (!to_target (p, e, RECLAIM_CTX_STORE))
    return NULL;
  return e;
}

static ReclaimNode *
parse_star_targets (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *first = parse_star_target (p), *node;
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
      e = parse_star_target (p);
      if (e == NULL)
        {
          if (!soft_fail (p, m))
            return NULL;
          break;
        }
      push (p, e);
    }
  node = new_node_from (p, RECLAIM_NODE_TUPLE, start);
  node->v.seq.elts = pop_list (p, base);
  node->v.seq.ctx = RECLAIM_CTX_STORE;
  return node;
}

/* ------------------------------------------------------------------ */
/* parameters */

static ReclaimNode *
arg_node (Parser *p, const ReclaimToken *name)
{
  ReclaimNode *arg = new_node (p, RECLAIM_NODE_ARG, name, name);
  arg->v.arg.arg = name_id (p, name);
  return arg;
}

/* An annotation after a def parameter; Reclaim parses and drops it. */
static gboolean
parse_annotation (Parser *p, ReclaimNode *arg, gboolean starred)
{
  const ReclaimToken *colon = advance (p);
  ReclaimNode *e = starred ? parse_star_expression (p) : parse_expression (p);
  if (e == NULL)
    return FALSE;
  set_end (p, arg, last_token (p));
  not_supported_token (p, colon, "annotations");
  return TRUE;
}

/* def and lambda parameters, up to ')' or ':' (not consumed) */
static ReclaimNode *
parse_parameters (Parser *p, gboolean is_lambda)
{
  ReclaimTokenKind end = is_lambda ? RECLAIM_TOK_COLON : RECLAIM_TOK_RPAR;
  guint start = p->pos;
  guint abase = stack_base (p);
  GPtrArray *defaults = g_ptr_array_new ();
  ReclaimNode *vararg = NULL, *kwarg = NULL, *node;
  gboolean seen_default = FALSE, seen_star = FALSE, seen_slash = FALSE;
  int n_params = 0;
  gboolean ok = FALSE;

  while (peek (p) != end)
    {
      const ReclaimToken *t = cur (p);

      if (kwarg != NULL)
        {
          if (CHECKS (p) && (t->kind == RECLAIM_TOK_NAME || t->kind == RECLAIM_TOK_STAR ||
                             t->kind == RECLAIM_TOK_DOUBLESTAR || t->kind == RECLAIM_TOK_SLASH))
            raise_token (p, t, "arguments cannot follow var-keyword argument");
          goto out;
        }

      if (t->kind == RECLAIM_TOK_SLASH)
        {
          if (CHECKS (p))
            {
              if (n_params == 0 && peek_at (p, 1) == RECLAIM_TOK_COMMA)
                raise_token (p, t, "at least one argument must precede /");
              else if (seen_slash)
                raise_token (p, t, "/ may appear only once");
              else if (seen_star)
                raise_token (p, t, "/ must be ahead of *");
            }
          if (n_params == 0 || seen_slash || seen_star)
            goto out;
          advance (p);
          seen_slash = TRUE;
          not_supported_token (p, t, "positional-only parameters");
          if (CHECKS (p) && peek (p) == RECLAIM_TOK_STAR)
            {
              raise_token (p, cur (p), "expected comma between / and *");
              goto out;
            }
        }
      else if (t->kind == RECLAIM_TOK_STAR)
        {
          if (seen_star)
            {
              if (CHECKS (p))
                raise_token (p, t, "* argument may appear only once");
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
                        raise_last (p, RECLAIM_ERROR_SYNTAX, "named arguments must follow bare *");
                      else
                        raise_token (p, t, "named arguments must follow bare *");
                    }
                  goto out;
                }
              not_supported_token (p, t, "keyword-only parameters");
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
                    raise_token (p, cur (p), "var-positional argument cannot have default value");
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
                raise_token (p, cur (p), "var-keyword argument cannot have default value");
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
                    raise_token (p, eq, "expected default value expression");
                  goto out;
                }
              value = parse_expression (p);
              if (value == NULL)
                goto out;
              has_default = TRUE;
              if (!seen_star)
                g_ptr_array_add (defaults, value);
            }
          if (seen_star)
            not_supported_node (p, arg, "keyword-only parameters");
          else
            {
              if (!has_default && seen_default)
                {
                  if (CHECKS (p))
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
          if (CHECKS (p))
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
                raise_token_range (p, t, cur (p), is_lambda
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
      drop_list (p, abase);
      g_ptr_array_free (defaults, TRUE);
      return NULL;
    }
  node = new_node (p, RECLAIM_NODE_ARGUMENTS, tok (p, start), p->pos > start ? last_token (p) : tok (p, start));
  node->v.arguments.args = pop_list (p, abase);
  {
    guint dbase = stack_base (p);
    for (guint i = 0; i < defaults->len; i++)
      push (p, defaults->pdata[i]);
    node->v.arguments.defaults = pop_list (p, dbase);
  }
  node->v.arguments.vararg = vararg;
  node->v.arguments.kwarg = kwarg;
  g_ptr_array_free (defaults, TRUE);
  return node;
}

/* ------------------------------------------------------------------ */
/* simple statements */

static gboolean parse_statement (Parser *p);

static gboolean
is_augassign (ReclaimTokenKind k, ReclaimBinOp *op)
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

static ReclaimNode *
parse_rhs (Parser *p)
{
  if (peek (p) == RECLAIM_TOK_YIELD)
    return parse_yield_expr (p);
  return parse_star_expressions (p);
}

/* assignment | star_expressions, as the first pass sees them;
 * *assignment tells which of the two it was */
static ReclaimNode *
parse_expr_stmt_plain (Parser *p, gboolean *assignment)
{
  guint start = p->pos;
  ReclaimNode *e = parse_rhs (p), *node;
  ReclaimBinOp op;

  if (e == NULL)
    return NULL;

  *assignment = TRUE;
  if (peek (p) == RECLAIM_TOK_EQUAL)
    {
      guint base = stack_base (p);
      while (accept (p, RECLAIM_TOK_EQUAL))
        {
          if (!to_target (p, e, RECLAIM_CTX_STORE))
            return NULL;
          push (p, e);
          e = parse_rhs (p);
          if (e == NULL)
            return NULL;
        }
      node = new_node_from (p, RECLAIM_NODE_ASSIGN, start);
      node->v.assign.targets = pop_list (p, base);
      node->v.assign.value = e;
      return node;
    }

  if (is_augassign (peek (p), &op))
    {
      ReclaimNode *value;
      if (!is_single_target (e))
        return NULL;
      to_target (p, e, RECLAIM_CTX_STORE);
      advance (p);
      value = parse_rhs (p);
      if (value == NULL)
        return NULL;
      node = new_node_from (p, RECLAIM_NODE_AUG_ASSIGN, start);
      node->v.aug_assign.target = e;
      node->v.aug_assign.op = op;
      node->v.aug_assign.value = value;
      return node;
    }

  if (peek (p) == RECLAIM_TOK_COLON)
    {
      /* annotated assignment: NAME, (single_target) or attribute/subscript */
      const ReclaimToken *colon;
      ReclaimNode *value = NULL;
      if (!is_single_target (e))
        return NULL;
      colon = advance (p);
      if (parse_expression (p) == NULL)
        return NULL;
      if (accept (p, RECLAIM_TOK_EQUAL))
        {
          value = parse_rhs (p);
          if (value == NULL)
            return NULL;
        }
      not_supported_token (p, colon, "variable annotations");
      to_target (p, e, RECLAIM_CTX_STORE);
      if (value)
        {
          node = new_node_from (p, RECLAIM_NODE_ASSIGN, start);
          node->v.assign.targets = list_of_one (p, e);
          node->v.assign.value = value;
        }
      else
        {
          node = new_node_from (p, RECLAIM_NODE_EXPR, start);
          node->v.expr_stmt.value = e;
        }
      return node;
    }

  *assignment = FALSE;
  node = new_node_from (p, RECLAIM_NODE_EXPR, start);
  node->v.expr_stmt.value = e;
  return node;
}

/* invalid_assignment, in the grammar's order */
static void *
check_assignment (Parser *p, guint start)
{
  ReclaimNode *a;
  ReclaimBinOp op;

  /* (a, b): int and [a]: int */
  p->pos = start;
  if (peek (p) == RECLAIM_TOK_LPAR || peek (p) == RECLAIM_TOK_LSQB)
    {
      a = parse_atom (p);
      if (a && (a->kind == RECLAIM_NODE_TUPLE || a->kind == RECLAIM_NODE_LIST) &&
          accept (p, RECLAIM_TOK_COLON) && parse_expression (p))
        return raise_node (p, a, "only single target (not %s) can be annotated", expr_name (a));
      if (p->error)
        return NULL;
    }

  /* a, b: int */
  p->pos = start;
  a = parse_star_named_expression (p);
  if (a && peek (p) == RECLAIM_TOK_COMMA)
    {
      while (accept (p, RECLAIM_TOK_COMMA))
        {
          Mark m = mark (p);
          if (peek (p) == RECLAIM_TOK_COMMA)
            continue;
          if (!parse_star_named_expression (p))
            {
              if (!soft_fail (p, m))
                return NULL;
              break;
            }
        }
      if (accept (p, RECLAIM_TOK_COLON) && parse_expression (p))
        return raise_node (p, a, "only single target (not tuple) can be annotated");
    }
  if (p->error)
    return NULL;

  /* a + 1: int */
  p->pos = start;
  a = parse_expression (p);
  if (a && accept (p, RECLAIM_TOK_COLON) && parse_expression (p))
    return raise_node (p, a, "illegal target for annotation");
  if (p->error)
    return NULL;

  /* (star_targets '=')* a '=' */
  p->pos = start;
  for (;;)
    {
      Mark m = mark (p);
      ReclaimNode *t = parse_star_expressions (p);
      if (t && peek (p) == RECLAIM_TOK_EQUAL && to_target (p, t, RECLAIM_CTX_STORE))
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
    a = parse_star_expressions (p);
    if (a && peek (p) == RECLAIM_TOK_EQUAL)
      {
        raise_invalid_target (p, STAR_TARGETS, a);
        if (p->error)
          return NULL;
      }
    if (p->error)
      return NULL;
    p->pos = after_targets;
    if (peek (p) == RECLAIM_TOK_YIELD)
      {
        a = parse_yield_expr (p);
        if (a && peek (p) == RECLAIM_TOK_EQUAL)
          return raise_node (p, a, "assignment to yield expression not possible");
        if (p->error)
          return NULL;
      }
  }

  /* (a, b) += 1 */
  p->pos = start;
  a = parse_star_expressions (p);
  if (a && is_augassign (peek (p), &op))
    {
      advance (p);
      if (parse_rhs (p))
        return raise_node (p, a, "'%s' is an illegal expression for augmented assignment", expr_name (a));
    }
  return NULL;
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
  check_assignment (p, start);
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
      if (!can_start_expression (peek (p)) && peek (p) != RECLAIM_TOK_STAR)
        break;
      /* del_target is a primary, as pegen's first pass sees it */
      e = parse_primary (p);
      if (e == NULL || !to_target (p, e, RECLAIM_CTX_DEL))
        goto invalid;
      push (p, e);
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  if (p->stack->len == base || (peek (p) != RECLAIM_TOK_SEMI && peek (p) != RECLAIM_TOK_NEWLINE))
    goto invalid;
  node = new_node_from (p, RECLAIM_NODE_DELETE, start);
  node->v.delete_stmt.targets = pop_list (p, base);
  return node;

invalid:
  drop_list (p, base);
  if (p->error == NULL && CHECKS (p))
    {
      ReclaimNode *e;
      p->pos = after_del;
      e = parse_star_expressions (p);
      if (e != NULL)
        raise_invalid_target (p, DEL_TARGETS, e);
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
          drop_list (p, base);
          return NULL;
        }
      push (p, name_from_token (p, advance (p)));
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  node = new_node_from (p, kind, start);
  node->v.global_stmt.names = pop_list (p, base);
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
      g_string_append (name, name_id (p, advance (p)));
    }
  while (peek (p) == RECLAIM_TOK_DOT && peek_at (p, 1) == RECLAIM_TOK_NAME && accept (p, RECLAIM_TOK_DOT));
  result = reclaim_arena_strndup (p->arena, name->str, name->len);
  g_string_free (name, TRUE);
  return result;
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
          drop_list (p, base);
          return NULL;
        }
      alias = new_node_from (p, RECLAIM_NODE_ALIAS, astart);
      alias->v.alias.name = name;
      if (accept (p, RECLAIM_TOK_AS))
        {
          if (peek (p) != RECLAIM_TOK_NAME)
            {
              drop_list (p, base);
              return NULL;
            }
          alias->v.alias.asname = name_id (p, advance (p));
          set_end (p, alias, last_token (p));
        }
      push (p, alias);
    }
  while (accept (p, RECLAIM_TOK_COMMA));
  node = new_node_from (p, RECLAIM_NODE_IMPORT, start);
  node->v.import_stmt.names = pop_list (p, base);
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
      ReclaimNode *alias = new_node (p, RECLAIM_NODE_ALIAS, star, star);
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
                raise_last (p, RECLAIM_ERROR_SYNTAX, "trailing comma not allowed without surrounding parentheses");
              drop_list (p, base);
              return NULL;
            }
          name = advance (p);
          alias = new_node (p, RECLAIM_NODE_ALIAS, name, name);
          alias->v.alias.name = name_id (p, name);
          if (accept (p, RECLAIM_TOK_AS))
            {
              if (peek (p) != RECLAIM_TOK_NAME)
                {
                  drop_list (p, base);
                  return NULL;
                }
              alias->v.alias.asname = name_id (p, advance (p));
              set_end (p, alias, last_token (p));
            }
          push (p, alias);
        }
      while (accept (p, RECLAIM_TOK_COMMA));
      if (parens && !accept (p, RECLAIM_TOK_RPAR))
        {
          drop_list (p, base);
          return NULL;
        }
    }
  node = new_node_from (p, RECLAIM_NODE_IMPORT_FROM, start);
  node->v.import_from.module = module;
  node->v.import_from.level = level;
  node->v.import_from.names = pop_list (p, base);
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
      if (can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
        {
          a = parse_star_expressions (p);
          if (a == NULL)
            return NULL;
        }
      node = new_node_from (p, RECLAIM_NODE_RETURN, start);
      node->v.return_stmt.value = a;
      return node;

    case RECLAIM_TOK_IMPORT:
      return parse_import (p);
    case RECLAIM_TOK_FROM:
      return parse_from_import (p);

    case RECLAIM_TOK_RAISE:
      advance (p);
      a = b = NULL;
      if (can_start_expression (peek (p)))
        {
          a = parse_expression (p);
          if (a == NULL)
            return NULL;
          if (accept (p, RECLAIM_TOK_FROM))
            {
              b = parse_expression (p);
              if (b == NULL)
                return NULL;
            }
        }
      node = new_node_from (p, RECLAIM_NODE_RAISE, start);
      node->v.raise_stmt.exc = a;
      node->v.raise_stmt.cause = b;
      return node;

    case RECLAIM_TOK_PASS:
      advance (p);
      return new_node_from (p, RECLAIM_NODE_PASS, start);
    case RECLAIM_TOK_BREAK:
      advance (p);
      return new_node_from (p, RECLAIM_NODE_BREAK, start);
    case RECLAIM_TOK_CONTINUE:
      advance (p);
      return new_node_from (p, RECLAIM_NODE_CONTINUE, start);

    case RECLAIM_TOK_DEL:
      return parse_del (p);

    case RECLAIM_TOK_ASSERT:
      advance (p);
      a = parse_expression (p);
      if (a == NULL)
        return NULL;
      b = NULL;
      if (accept (p, RECLAIM_TOK_COMMA))
        {
          b = parse_expression (p);
          if (b == NULL)
            return NULL;
        }
      node = new_node_from (p, RECLAIM_NODE_ASSERT, start);
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
static gboolean
parse_simple_stmts (Parser *p)
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

/* ------------------------------------------------------------------ */
/* compound statements */

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
            raise_last (p, RECLAIM_ERROR_INDENTATION, "expected an indented block after %s on line %d",
                        what, map_line (p, keyword->line));
          return FALSE;
        }
      advance (p);
      /* a block is six of CPython's rule calls deeper */
      if (!enter (p, 6))
        return FALSE;
      while (peek (p) != RECLAIM_TOK_DEDENT && peek (p) != RECLAIM_TOK_ENDMARKER)
        {
          if (!parse_statement (p))
            {
              leave (p, 6);
              drop_list (p, base);
              return FALSE;
            }
        }
      leave (p, 6);
      if (!accept (p, RECLAIM_TOK_DEDENT))
        {
          drop_list (p, base);
          return FALSE;
        }
    }
  else if (!parse_simple_stmts (p))
    {
      drop_list (p, base);
      return FALSE;
    }
  *out = pop_list (p, base);
  return TRUE;
}

/* ':' after a compound statement's header, when the grammar just expects it */
static gboolean
expect_colon (Parser *p)
{
  if (accept (p, RECLAIM_TOK_COLON))
    return TRUE;
  if (CHECKS (p) && peek (p) == RECLAIM_TOK_NEWLINE)
    raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
  return FALSE;
}

/* &&':' : a forced token, an error even in the first pass */
static gboolean
force_token (Parser *p, ReclaimTokenKind kind, const char *text)
{
  if (accept (p, kind))
    return TRUE;
  raise_token (p, cur (p), "expected '%s'", text);
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

  test = parse_named_expression (p);
  if (test == NULL || !expect_colon (p))
    return NULL;
  node = new_node (p, RECLAIM_NODE_IF, tok (p, start), tok (p, start));
  node->v.if_stmt.test = test;
  if (!parse_block (p, &node->v.if_stmt.body, kw->kind == RECLAIM_TOK_IF ? "'if' statement" : "'elif' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELIF)
    {
      ReclaimNode *elif = parse_if (p);
      if (elif == NULL)
        return NULL;
      node->v.if_stmt.orelse = list_of_one (p, elif);
    }
  else if (peek (p) == RECLAIM_TOK_ELSE)
    {
      if (!parse_else_block (p, &node->v.if_stmt.orelse))
        return NULL;
    }
  set_end (p, node, last_token (p));
  return node;
}

static ReclaimNode *
parse_while (Parser *p)
{
  guint start = p->pos;
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node, *test;

  test = parse_named_expression (p);
  if (test == NULL || !expect_colon (p))
    return NULL;
  node = new_node (p, RECLAIM_NODE_WHILE, tok (p, start), tok (p, start));
  node->v.while_stmt.test = test;
  if (!parse_block (p, &node->v.while_stmt.body, "'while' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELSE && !parse_else_block (p, &node->v.while_stmt.orelse))
    return NULL;
  set_end (p, node, last_token (p));
  return node;
}

static ReclaimNode *
parse_for (Parser *p, guint start)
{
  const ReclaimToken *kw = advance (p);
  guint after_for = p->pos;
  ReclaimNode *node, *target, *iter;

  target = parse_star_targets (p);
  if (target == NULL || peek (p) != RECLAIM_TOK_IN)
    {
      if (p->error == NULL && CHECKS (p))
        {
          ReclaimNode *e;
          p->pos = after_for;
          e = parse_star_expressions (p);
          if (e != NULL)
            raise_invalid_target (p, FOR_TARGETS, e);
        }
      return NULL;
    }
  advance (p);
  iter = parse_star_expressions (p);
  if (iter == NULL || !expect_colon (p))
    return NULL;
  node = new_node (p, RECLAIM_NODE_FOR, tok (p, start), tok (p, start));
  node->v.for_stmt.target = target;
  node->v.for_stmt.iter = iter;
  if (!parse_block (p, &node->v.for_stmt.body, "'for' statement", kw))
    return NULL;
  if (peek (p) == RECLAIM_TOK_ELSE && !parse_else_block (p, &node->v.for_stmt.orelse))
    return NULL;
  set_end (p, node, last_token (p));
  return node;
}

/* with_item: expression ['as' star_target &(',' | ')' | ':')] */
static ReclaimNode *
parse_with_item (Parser *p)
{
  guint start = p->pos;
  ReclaimNode *e = parse_expression (p), *item;

  if (e == NULL)
    return NULL;
  item = new_node_from (p, RECLAIM_NODE_WITH_ITEM, start);
  item->v.with_item.context_expr = e;
  if (peek (p) == RECLAIM_TOK_AS)
    {
      Mark m = mark (p);
      ReclaimNode *target;
      advance (p);
      target = parse_star_target (p);
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
          a = parse_expression (p);
          if (a && (peek (p) == RECLAIM_TOK_COMMA || peek (p) == RECLAIM_TOK_RPAR ||
                    peek (p) == RECLAIM_TOK_COLON))
            {
              raise_invalid_target (p, STAR_TARGETS, a);
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

/* invalid_with_stmt: the items, then NEWLINE instead of ':' */
static void
check_with_colon (Parser *p, const ReclaimToken *kw)
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
          if ((parens ? parse_star_expressions (p) : parse_expression (p)) == NULL)
            break;
          if (accept (p, RECLAIM_TOK_AS) && parse_star_target (p) == NULL)
            break;
        }
      while (accept (p, RECLAIM_TOK_COMMA) && !(parens && peek (p) == RECLAIM_TOK_RPAR));
      if (p->error)
        return;
      if (parens && !accept (p, RECLAIM_TOK_RPAR))
        continue;
      if (peek (p) == RECLAIM_TOK_NEWLINE)
        raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
    }
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
              drop_list (p, base);
              return NULL;
            }
          push (p, item);
        }
      while (accept (p, RECLAIM_TOK_COMMA));
      if (!accept (p, RECLAIM_TOK_COLON))
        {
          drop_list (p, base);
          if (CHECKS (p) && p->error == NULL)
            check_with_colon (p, kw);
          return NULL;
        }
    }
  node = new_node (p, RECLAIM_NODE_WITH, tok (p, start), tok (p, start));
  node->v.with_stmt.items = pop_list (p, base);
  if (!parse_block (p, &node->v.with_stmt.body, "'with' statement", kw))
    return NULL;
  set_end (p, node, last_token (p));
  return node;
}

static ReclaimNode *
parse_except (Parser *p, gboolean *star)
{
  const ReclaimToken *kw = advance (p);
  ReclaimNode *node = new_node (p, RECLAIM_NODE_EXCEPT_HANDLER, kw, kw);

  *star = FALSE;
  if (peek (p) == RECLAIM_TOK_STAR)
    {
      *star = TRUE;
      advance (p);
      not_supported_token (p, kw, "except*");
      if (peek (p) == RECLAIM_TOK_NEWLINE || peek (p) == RECLAIM_TOK_COLON)
        {
          if (CHECKS (p))
            raise_last (p, RECLAIM_ERROR_SYNTAX, "expected one or more exception types");
          return NULL;
        }
    }
  if (peek (p) == RECLAIM_TOK_NEWLINE && !*star)
    {
      if (CHECKS (p))
        raise_last (p, RECLAIM_ERROR_SYNTAX, "expected ':'");
      return NULL;
    }
  if (peek (p) != RECLAIM_TOK_COLON)
    {
      const ReclaimToken *first = cur (p);
      ReclaimNode *type = parse_expression (p);
      if (type == NULL)
        return NULL;
      if (peek (p) == RECLAIM_TOK_COMMA && CHECKS (p))
        {
          Mark m = mark (p);
          advance (p);
          if (parse_expression (p))
            {
              while (accept (p, RECLAIM_TOK_COMMA) && can_start_expression (peek (p)))
                if (!parse_expression (p))
                  break;
              if (accept (p, RECLAIM_TOK_AS))
                accept (p, RECLAIM_TOK_NAME);
              if (accept (p, RECLAIM_TOK_COLON))
                return raise_starting_from (p, first, "multiple exception types must be parenthesized");
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
          node->v.except_handler.name = name_id (p, advance (p));
        }
    }
  if (!expect_colon (p))
    return NULL;
  if (!parse_block (p, &node->v.except_handler.body, *star ? "'except*' statement" : "'except' statement", kw))
    return NULL;
  set_end (p, node, last_token (p));
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
  node = new_node (p, RECLAIM_NODE_TRY, kw, kw);
  if (!parse_block (p, &node->v.try_stmt.body, "'try' statement", kw))
    return NULL;
  if (peek (p) != RECLAIM_TOK_EXCEPT && peek (p) != RECLAIM_TOK_FINALLY)
    {
      if (CHECKS (p))
        raise_last (p, RECLAIM_ERROR_SYNTAX, "expected 'except' or 'finally' block");
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
                raise_token_range (p, ekw, tok (p, p->pos + 1),
                                   "cannot have both 'except' and 'except*' on the same 'try'");
              else
                raise_token (p, ekw, "cannot have both 'except' and 'except*' on the same 'try'");
            }
          drop_list (p, base);
          return NULL;
        }
      handler = parse_except (p, &star);
      if (handler == NULL)
        {
          drop_list (p, base);
          return NULL;
        }
      any_star |= star;
      any_plain |= !star;
      push (p, handler);
    }
  node->v.try_stmt.handlers = pop_list (p, base);
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
  set_end (p, node, last_token (p));
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
  args = parse_parameters (p, FALSE);
  if (args == NULL || !accept (p, RECLAIM_TOK_RPAR))
    return NULL;
  if (peek (p) == RECLAIM_TOK_RARROW)
    {
      const ReclaimToken *arrow = advance (p);
      if (parse_expression (p) == NULL)
        return NULL;
      not_supported_token (p, arrow, "annotations");
    }
  if (!force_token (p, RECLAIM_TOK_COLON, ":"))
    return NULL;
  node = new_node (p, RECLAIM_NODE_FUNCTION_DEF, tok (p, start), tok (p, start));
  node->v.function_def.name = name_id (p, name);
  node->v.function_def.args = args;
  node->v.function_def.is_async = is_async;
  if (!parse_block (p, &node->v.function_def.body, "function definition", kw))
    return NULL;
  set_end (p, node, last_token (p));
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
  node = new_node (p, RECLAIM_NODE_CLASS_DEF, tok (p, start), tok (p, start));
  node->v.class_def.name = name_id (p, name);
  if (peek (p) == RECLAIM_TOK_LPAR)
    {
      ReclaimNode *call = parse_call (p, node, p->pos);
      if (call == NULL)
        return NULL;
      node->v.class_def.bases = call->v.call.args;
      if (call->v.call.keywords.n > 0)
        not_supported_node (p, call->v.call.keywords.items[0], "class keywords");
    }
  if (!expect_colon (p))
    return NULL;
  if (!parse_block (p, &node->v.class_def.body, "class definition", kw))
    return NULL;
  set_end (p, node, last_token (p));
  return node;
}

/* match statements are parsed only far enough to skip them */
static gboolean
looks_like_match (Parser *p)
{
  Mark m = mark (p);
  gboolean result = FALSE;

  advance (p);
  if (can_start_expression (peek (p)) || peek (p) == RECLAIM_TOK_STAR)
    {
      ReclaimNode *subject = parse_star_expressions (p);
      result = subject != NULL && accept (p, RECLAIM_TOK_COLON) && accept (p, RECLAIM_TOK_NEWLINE) &&
               accept (p, RECLAIM_TOK_INDENT) && peek (p) == RECLAIM_TOK_NAME && token_is (p, cur (p), "case");
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

  not_supported_token (p, cur (p), "match statements");
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
  node = new_node_from (p, RECLAIM_NODE_PASS, start);
  return node;
}

/* statement: compound_stmt | simple_stmts; pushes the statement(s) */
static gboolean
parse_statement (Parser *p)
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
      while (peek (p) == RECLAIM_TOK_AT)
        {
          const ReclaimToken *at = advance (p);
          if (parse_named_expression (p) == NULL || !accept (p, RECLAIM_TOK_NEWLINE))
            return FALSE;
          not_supported_token (p, at, "decorators");
        }
      if (peek (p) == RECLAIM_TOK_DEF)
        node = parse_def (p, start);
      else if (peek (p) == RECLAIM_TOK_CLASS)
        node = parse_class (p, start);
      else if (peek (p) == RECLAIM_TOK_ASYNC && peek_at (p, 1) == RECLAIM_TOK_DEF)
        {
          not_supported_token (p, advance (p), "async functions");
          node = parse_def (p, start);
        }
      break;
    case RECLAIM_TOK_ASYNC:
      {
        const ReclaimToken *async = advance (p);
        switch (peek (p))
          {
          case RECLAIM_TOK_DEF:
            not_supported_token (p, async, "async functions");
            node = parse_def (p, start);
            break;
          case RECLAIM_TOK_FOR:
            not_supported_token (p, async, "async for");
            node = parse_for (p, start);
            break;
          case RECLAIM_TOK_WITH:
            not_supported_token (p, async, "async with");
            node = parse_with (p, start);
            break;
          default:
            return FALSE;
          }
      }
      break;
    case RECLAIM_TOK_NAME:
      if (token_is (p, cur (p), "match") && looks_like_match (p))
        {
          node = skip_match (p);
          break;
        }
      return parse_simple_stmts (p);
    default:
      return parse_simple_stmts (p);
    }
  if (node == NULL)
    return FALSE;
  push (p, node);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* string literals and f-strings (CPython's Parser/string_parser.c) */

typedef struct {
  gboolean raw, bytes, fstring;
  const char *body;      /* between the quotes */
  gsize body_len;
} StrToken;

static void
split_string_token (Parser *p, const ReclaimToken *t, StrToken *st)
{
  const char *s = p->tl->text + t->offset;
  gsize n = t->length, i = 0, q;
  char quote;

  memset (st, 0, sizeof *st);
  while (s[i] != '\'' && s[i] != '"')
    {
      switch (s[i])
        {
        case 'r': case 'R': st->raw = TRUE; break;
        case 'b': case 'B': st->bytes = TRUE; break;
        case 'f': case 'F': st->fstring = TRUE; break;
        default: break;
        }
      i++;
    }
  quote = s[i];
  q = (n - i >= 6 && s[i + 1] == quote && s[i + 2] == quote) ? 3 : 1;
  st->body = s + i + q;
  st->body_len = n - i - 2 * q;
}

/* The offset CPython's unicode-escape decoder reports: it sees every
 * non-ASCII character as a 10-byte \Uxxxxxxxx escape. */
static gsize
escape_position (const char *s, const char *at)
{
  gsize pos = 0;
  for (const char *c = s; c < at; c++)
    {
      guchar b = (guchar) *c;
      if (b < 0x80)
        {
          pos++;
          if (b == '\\' && (c + 1 == at || (guchar) c[1] >= 0x80))
            pos += 5;
        }
      else if ((b & 0xC0) != 0x80)
        pos += 10;
    }
  return pos;
}

static void
append_unichar (GString *out, gunichar ch)
{
  /* lone surrogates are kept, encoded like any other code point */
  if (ch >= 0xD800 && ch <= 0xDFFF)
    {
      g_string_append_c (out, (char) (0xE0 | (ch >> 12)));
      g_string_append_c (out, (char) (0x80 | ((ch >> 6) & 0x3F)));
      g_string_append_c (out, (char) (0x80 | (ch & 0x3F)));
    }
  else
    {
      char buf[8];
      int n = g_unichar_to_utf8 (ch, buf);
      g_string_append_len (out, buf, n);
    }
}

/* decode_unicode_with_escapes(): errors are raised at the token after the
 * strings, as CPython's RAISE_SYNTAX_ERROR does there. */
static gboolean
decode_escapes (Parser *p, const ReclaimToken *t, const char *s, gsize len, GString *out)
{
  const char *end = s + len;
  const char *c = s;

  while (c < end)
    {
      const char *bs = memchr (c, '\\', (gsize) (end - c));
      const char *esc;
      if (bs == NULL)
        {
          g_string_append_len (out, c, end - c);
          break;
        }
      g_string_append_len (out, c, bs - c);
      esc = bs + 1;
      if (esc >= end)
        {
          g_string_append_c (out, '\\');
          break;
        }
      c = esc + 1;
      switch (*esc)
        {
        case '\n': break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '\'': g_string_append_c (out, '\''); break;
        case '"': g_string_append_c (out, '"'); break;
        case 'a': g_string_append_c (out, '\a'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
          {
            gunichar v = (gunichar) (*esc - '0');
            for (int k = 0; k < 2 && c < end && *c >= '0' && *c <= '7'; k++, c++)
              v = v * 8 + (gunichar) (*c - '0');
            append_unichar (out, v);
          }
          break;
        case 'x': case 'u': case 'U':
          {
            int digits = *esc == 'x' ? 2 : *esc == 'u' ? 4 : 8;
            const char *what = *esc == 'x' ? "truncated \\xXX escape"
                               : *esc == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            gunichar v = 0;
            int k;
            for (k = 0; k < digits && c < end && g_ascii_isxdigit (*c); k++, c++)
              v = v * 16 + (gunichar) g_ascii_xdigit_value (*c);
            if (k < digits || v > 0x10FFFF)
              {
                gsize from = escape_position (s, bs);
                gsize to = escape_position (s, c) - 1;
                raise_last (p, RECLAIM_ERROR_SYNTAX,
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position %"
                            G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ": %s", from, to,
                            k < digits ? what : "illegal Unicode character");
                return FALSE;
              }
            append_unichar (out, v);
          }
          break;
        case 'N':
          not_supported_token (p, t, "\\N{...} escapes");
          g_string_append (out, "\\N");
          break;
        default:
          /* an invalid escape stays as it is (a DeprecationWarning only) */
          g_string_append_c (out, '\\');
          c = esc;
          break;
        }
    }
  return TRUE;
}

typedef struct {
  const ReclaimToken *first, *last;   /* all the concatenated strings */
  GString *literal;                   /* text not yet put in a Constant */
  gboolean fmode;
  guint base;                         /* parser stack: the values */
} FState;

static ReclaimNode *
str_constant (Parser *p, const ReclaimToken *first, const ReclaimToken *last, const char *s, gsize len)
{
  ReclaimNode *node = new_node (p, RECLAIM_NODE_CONSTANT, first, last);
  node->v.constant.kind = RECLAIM_CONST_STR;
  node->v.constant.str = reclaim_arena_strndup (p->arena, s, len);
  node->v.constant.str_len = len;
  return node;
}

static void
fstate_flush (Parser *p, FState *st)
{
  if (st->literal->len > 0)
    {
      push (p, str_constant (p, st->first, st->last, st->literal->str, st->literal->len));
      g_string_truncate (st->literal, 0);
    }
}

static gboolean fstring_parse (Parser *p, FState *st, const ReclaimToken *t, const char **str,
                               const char *end, gboolean raw, int recurse_lvl);

/* fstring_find_literal(): 1 after a doubled brace, 0 at '{', '}' or the
 * end, -1 on error. */
static int
fstring_find_literal (Parser *p, FState *st, const ReclaimToken *t, const char **str,
                      const char *end, gboolean raw, int recurse_lvl)
{
  const char *s = *str;
  const char *literal_start = s;
  int result = 0;

  while (s < end)
    {
      char ch = *s++;
      if (!raw && ch == '\\' && s < end)
        {
          ch = *s++;
          if (ch == 'N')
            {
              if (s < end && *s++ == '{')
                {
                  while (s < end && *s++ != '}')
                    ;
                  continue;
                }
              continue;
            }
        }
      if (ch == '{' || ch == '}')
        {
          if (recurse_lvl == 0)
            {
              if (s < end && *s == ch)
                {
                  *str = s + 1;
                  result = 1;
                  goto done;
                }
              if (ch == '}')
                {
                  *str = s - 1;
                  raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: single '}' is not allowed");
                  return -1;
                }
            }
          s--;
          break;
        }
    }
  *str = s;
done:
  if (literal_start != s)
    {
      if (raw)
        g_string_append_len (st->literal, literal_start, s - literal_start);
      else if (!decode_escapes (p, t, literal_start, (gsize) (s - literal_start), st->literal))
        return -1;
    }
  return result;
}

static void
fstring_position (Parser *p, const ReclaimToken *t, const char *at, int *line, int *col)
{
  const char *start = p->tl->text + t->offset;
  const char *nl = NULL;
  int lines = 0;

  for (const char *c = start; c < at; c++)
    if (*c == '\n')
      {
        lines++;
        nl = c;
      }
  *line = t->line + lines;
  *col = lines == 0 ? t->col + (int) (at - start) : (int) (at - nl - 1);
}

static ReclaimNode *run_fstring_parser (Parser *p, const char *src, gsize len, int line, int col);

/* fstring_compile_expr(): the expression, parsed as "(expr)" on its own */
static ReclaimNode *
fstring_compile_expr (Parser *p, const ReclaimToken *t, const char *expr_start, const char *expr_end)
{
  const char *s;
  GString *src;
  ReclaimNode *result;
  int line, col;

  for (s = expr_start; s != expr_end; s++)
    if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
      break;
  if (s == expr_end)
    {
      if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
        return raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expression required before '%c'", *expr_end);
      return raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: empty expression not allowed");
    }

  src = g_string_sized_new ((gsize) (expr_end - expr_start) + 3);
  g_string_append_c (src, '(');
  g_string_append_len (src, expr_start, expr_end - expr_start);
  g_string_append (src, ")\n");
  fstring_position (p, t, expr_start, &line, &col);
  result = run_fstring_parser (p, src->str, src->len, line, col);
  g_string_free (src, TRUE);
  return result;
}

/* fstring_find_expr(): at '{' */
static gboolean
fstring_find_expr (Parser *p, FState *st, const ReclaimToken *t, const char **str, const char *end,
                   gboolean raw, int recurse_lvl)
{
  const char *expr_start, *expr_end;
  ReclaimNode *expression, *format_spec = NULL, *node;
  char quote_char = 0;
  int string_type = 0;
  int nested_depth = 0;
  char parenstack[RECLAIM_LEX_MAX_LEVEL];
  int conversion = -1;
  gboolean self_doc = FALSE;

  if (recurse_lvl >= 2)
    {
      raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expressions nested too deeply");
      return FALSE;
    }
  *str += 1;
  expr_start = *str;
  for (; *str < end; (*str)++)
    {
      char ch = **str;
      if (ch == '\\')
        {
          raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string expression part cannot include a backslash");
          return FALSE;
        }
      if (quote_char)
        {
          if (ch == quote_char)
            {
              if (string_type == 3)
                {
                  if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
                    {
                      *str += 2;
                      string_type = 0;
                      quote_char = 0;
                      continue;
                    }
                }
              else
                {
                  string_type = 0;
                  quote_char = 0;
                  continue;
                }
            }
          continue;
        }
      if (ch == '\'' || ch == '"')
        {
          if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
            {
              string_type = 3;
              *str += 2;
            }
          else
            string_type = 1;
          quote_char = ch;
        }
      else if (ch == '[' || ch == '{' || ch == '(')
        {
          if (nested_depth >= RECLAIM_LEX_MAX_LEVEL)
            {
              raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: too many nested parenthesis");
              return FALSE;
            }
          parenstack[nested_depth++] = ch;
        }
      else if (ch == '#')
        {
          raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string expression part cannot include '#'");
          return FALSE;
        }
      else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'))
        {
          if (*str + 1 < end)
            {
              char next = (*str)[1];
              if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                  (ch == '<' && next == '=') || (ch == '>' && next == '='))
                {
                  *str += 1;
                  continue;
                }
            }
          if (ch == '>' || ch == '<')
            continue;
          break;
        }
      else if (ch == ']' || ch == '}' || ch == ')')
        {
          char opening;
          if (!nested_depth)
            {
              raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unmatched '%c'", ch);
              return FALSE;
            }
          opening = parenstack[--nested_depth];
          if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
            {
              raise_last (p, RECLAIM_ERROR_SYNTAX,
                          "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                          ch, opening);
              return FALSE;
            }
        }
    }
  expr_end = *str;
  if (quote_char)
    {
      raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unterminated string");
      return FALSE;
    }
  if (nested_depth)
    {
      raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unmatched '%c'", parenstack[nested_depth - 1]);
      return FALSE;
    }
  if (*str >= end)
    goto unexpected_end_of_string;

  expression = fstring_compile_expr (p, t, expr_start, expr_end);
  if (expression == NULL)
    return FALSE;

  if (**str == '=')
    {
      *str += 1;
      while (*str < end && g_ascii_isspace (**str))
        *str += 1;
      if (*str >= end)
        goto unexpected_end_of_string;
      g_string_append_len (st->literal, expr_start, *str - expr_start);
      self_doc = TRUE;
    }

  if (**str == '!')
    {
      *str += 1;
      if (*str >= end)
        goto unexpected_end_of_string;
      conversion = (guchar) **str;
      *str += 1;
      if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
        {
          raise_last (p, RECLAIM_ERROR_SYNTAX,
                      "f-string: invalid conversion character: expected 's', 'r', or 'a'");
          return FALSE;
        }
    }

  if (*str < end && **str == ':')
    {
      FState spec = { st->first, st->last, g_string_new (NULL), TRUE, 0 };
      *str += 1;
      if (*str >= end)
        {
          g_string_free (spec.literal, TRUE);
          goto unexpected_end_of_string;
        }
      spec.base = stack_base (p);
      if (!fstring_parse (p, &spec, t, str, end, raw, recurse_lvl + 1))
        {
          g_string_free (spec.literal, TRUE);
          return FALSE;
        }
      fstate_flush (p, &spec);
      g_string_free (spec.literal, TRUE);
      /* CPython places the spec on the string token it is in */
      format_spec = new_node (p, RECLAIM_NODE_JOINED_STR, t, t);
      format_spec->v.joined_str.values = pop_list (p, spec.base);
    }

  if (*str >= end || **str != '}')
    goto unexpected_end_of_string;
  *str += 1;

  if (self_doc && format_spec == NULL && conversion == -1)
    conversion = 'r';

  node = new_node (p, RECLAIM_NODE_FORMATTED_VALUE, st->first, st->last);
  node->v.formatted_value.value = expression;
  node->v.formatted_value.conversion = conversion;
  node->v.formatted_value.format_spec = format_spec;
  fstate_flush (p, st);
  push (p, node);
  return TRUE;

unexpected_end_of_string:
  raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expecting '}'");
  return FALSE;
}

static gboolean
fstring_parse (Parser *p, FState *st, const ReclaimToken *t, const char **str, const char *end,
               gboolean raw, int recurse_lvl)
{
  for (;;)
    {
      int result = fstring_find_literal (p, st, t, str, end, raw, recurse_lvl);
      if (result < 0)
        return FALSE;
      if (result == 1)
        continue;
      if (*str >= end || **str == '}')
        break;
      if (!fstring_find_expr (p, st, t, str, end, raw, recurse_lvl))
        return FALSE;
    }
  if (recurse_lvl == 0 && *str < end - 1)
    {
      raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unexpected end of string");
      return FALSE;
    }
  if (recurse_lvl != 0 && (*str >= end || **str != '}'))
    {
      raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expecting '}'");
      return FALSE;
    }
  return TRUE;
}

/* strings: STRING+ (_PyPegen_concatenate_strings) */
static ReclaimNode *
parse_strings (Parser *p)
{
  guint first_index = p->pos;
  guint last_index;
  FState st;
  gboolean bytesmode = FALSE;
  ReclaimNode *node;

  while (peek (p) == RECLAIM_TOK_STRING)
    advance (p);
  last_index = p->pos - 1;
  if (p->error)
    return NULL;

  st.first = tok (p, first_index);
  st.last = tok (p, last_index);
  st.literal = g_string_new (NULL);
  st.fmode = FALSE;
  st.base = stack_base (p);

  for (guint i = first_index; i <= last_index; i++)
    {
      const ReclaimToken *t = tok (p, i);
      StrToken s;

      split_string_token (p, t, &s);
      if (s.bytes)
        {
          for (gsize k = 0; k < s.body_len; k++)
            if ((guchar) s.body[k] >= 0x80)
              {
                raise_token (p, t, "bytes can only contain ASCII literal characters");
                goto fail;
              }
        }
      if (i != first_index && bytesmode != s.bytes)
        {
          raise_last (p, RECLAIM_ERROR_SYNTAX, "cannot mix bytes and nonbytes literals");
          goto fail;
        }
      bytesmode = s.bytes;
      if (s.bytes)
        {
          not_supported_token (p, t, "bytes literals");
          g_string_append_len (st.literal, s.body, s.body_len);
        }
      else if (s.fstring)
        {
          const char *str = s.body;
          st.fmode = TRUE;
          if (!fstring_parse (p, &st, t, &str, s.body + s.body_len, s.raw, 0))
            goto fail;
        }
      else if (s.raw)
        g_string_append_len (st.literal, s.body, s.body_len);
      else if (!decode_escapes (p, t, s.body, s.body_len, st.literal))
        goto fail;
    }

  if (!st.fmode)
    {
      node = str_constant (p, st.first, st.last, st.literal->str, st.literal->len);
      drop_list (p, st.base);
    }
  else
    {
      fstate_flush (p, &st);
      node = new_node (p, RECLAIM_NODE_JOINED_STR, st.first, st.last);
      node->v.joined_str.values = pop_list (p, st.base);
    }
  g_string_free (st.literal, TRUE);
  return node;

fail:
  drop_list (p, st.base);
  g_string_free (st.literal, TRUE);
  return NULL;
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

static ReclaimNode *
parse_expression (Parser *p)
{
  return memoized (p, MEMO_EXPRESSION, parse_expression_impl);
}

static ReclaimNode *
parse_disjunction (Parser *p)
{
  return memoized (p, MEMO_DISJUNCTION, parse_disjunction_impl);
}

static ReclaimNode *
parse_bitwise_or (Parser *p)
{
  return memoized (p, MEMO_BITWISE_OR, parse_bitwise_or_impl);
}

/* ------------------------------------------------------------------ */
/* driving the two passes */

/* _Pypegen_set_syntax_error() when the second pass found nothing */
static void
generic_error (Parser *p, guint first_max)
{
  const ReclaimToken *last = tok (p, first_max);

  if (last->kind == RECLAIM_TOK_INDENT || last->kind == RECLAIM_TOK_DEDENT)
    {
      raise_last (p, RECLAIM_ERROR_INDENTATION,
                  last->kind == RECLAIM_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
      p->error_final = TRUE;
    }
  else
    raise_token (p, last, "invalid syntax");
}

/* _PyPegen_tokenize_full_source_to_check_for_errors(): a tokenizer error
 * further on wins over a parser error. */
static void
finish_error (Parser *p)
{
  ReclaimTokenList *tl = p->tl;
  gboolean replace = FALSE;

  if (p->error == NULL || p->error_from_tokenizer || p->error_final || p->error->kind == RECLAIM_ERROR_MEMORY)
    return;
  if (tl->error_class == RECLAIM_LEX_ERROR_RAISED)
    replace = TRUE;
  else if (tl->error_class == RECLAIM_LEX_ERROR_UNCLOSED)
    replace = tok (p, p->fill_pos)->line > tl->unclosed_line;
  if (replace)
    {
      reclaim_syntax_error_free (p->error);
      p->error = NULL;
      tokenizer_error (p);
    }
}

typedef gboolean (*RuleFunc) (Parser *p, gpointer out);

/* A rule that failed in the first pass runs again with the checks on. */
static gboolean
two_passes (Parser *p, RuleFunc rule, gpointer out)
{
  Mark m = mark (p);
  guint first_max;

  if (rule (p, out))
    return TRUE;
  if (p->error)
    return FALSE;
  first_max = p->max_pos;
  reset (p, m);
  p->diag = TRUE;
  p->memo = g_hash_table_new (g_int64_hash, g_int64_equal);
  rule (p, out);
  g_hash_table_destroy (p->memo);
  p->memo = NULL;
  p->diag = FALSE;
  if (p->error == NULL)
    generic_error (p, first_max);
  return FALSE;
}

static gboolean
statement_rule (Parser *p, gpointer out)
{
  return parse_statement (p);
}

static gboolean
star_expressions_rule (Parser *p, gpointer out)
{
  ReclaimNode *e = parse_star_expressions (p);
  *(ReclaimNode **) out = e;
  return e != NULL;
}

static void
parser_init (Parser *p, ReclaimTokenList *tl, Parser *root, ReclaimArena *arena,
             const char *filename, GPtrArray *stack)
{
  memset (p, 0, sizeof *p);
  p->tl = tl;
  p->toks = tl->tokens;
  p->n_toks = tl->n_tokens;
  p->root = root ? root : p;
  p->arena = arena;
  p->filename = filename;
  p->stack = stack;
}

static ReclaimNode *
run_fstring_parser (Parser *p, const char *src, gsize len, int line, int col)
{
  Parser sub;
  ReclaimTokenList *tl = reclaim_lex (src, (gssize) len, p->filename);
  ReclaimNode *e = NULL;

  parser_init (&sub, tl, p->root, p->arena, p->filename, p->stack);
  sub.fstring_input = TRUE;
  sub.level = p->level;
  sub.line_shift = map_line (p, line) - 1;
  sub.col_shift = map_col (p, line, col) - 1;

  if (!two_passes (&sub, star_expressions_rule, &e))
    {
      finish_error (&sub);
      if (p->error == NULL)
        p->error = sub.error;
      else
        reclaim_syntax_error_free (sub.error);
      e = NULL;
    }
  reclaim_token_list_free (tl);
  return e;
}

static ReclaimNode *
parse_file (Parser *p)
{
  guint base = stack_base (p);
  ReclaimNode *module;

  while (peek (p) != RECLAIM_TOK_ENDMARKER)
    {
      if (!two_passes (p, statement_rule, NULL))
        return NULL;
    }
  module = reclaim_node_new (p->arena, RECLAIM_NODE_MODULE);
  module->line = 1;
  module->v.module.body = pop_list (p, base);
  return module;
}

/* ------------------------------------------------------------------ */
/* compile-time checks: what CPython's AST optimizer, symtable and
 * compiler reject after a successful parse */

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
    case RECLAIM_NODE_FUNCTION_DEF: V (n->v.function_def.args); VL (n->v.function_def.body); break;
    case RECLAIM_NODE_CLASS_DEF: VL (n->v.class_def.bases); VL (n->v.class_def.body); break;
    case RECLAIM_NODE_RETURN: V (n->v.return_stmt.value); break;
    case RECLAIM_NODE_DELETE: VL (n->v.delete_stmt.targets); break;
    case RECLAIM_NODE_ASSIGN: VL (n->v.assign.targets); V (n->v.assign.value); break;
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
    case RECLAIM_NODE_ARGUMENTS: VL (n->v.arguments.defaults); break;
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
  p->error = make_error_at_node (p, n, kind, message);
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
  st->p->error = make_error_at_node (st->p, at, RECLAIM_ERROR_SYNTAX, message);
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
    if (!visit_symbols (st, list.items[i]))
      return FALSE;
  return TRUE;
}

/* parameters in the function's scope: positional, *args, **kwargs */
static gboolean
add_params (Symtable *st, ReclaimNode *args)
{
  for (guint i = 0; i < args->v.arguments.args.n; i++)
    if (!add_def (st, args->v.arguments.args.items[i]->v.arg.arg, DEF_PARAM, args->v.arguments.args.items[i]))
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
        if (n->kind == RECLAIM_NODE_FUNCTION_DEF && !add_def (st, n->v.function_def.name, DEF_LOCAL, n))
          return FALSE;
        if (!visit_symbol_list (st, args->v.arguments.defaults))
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
      if (!add_def (st, n->v.class_def.name, DEF_LOCAL, n) || !visit_symbol_list (st, n->v.class_def.bases))
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
  GHashTable *newbound = g_hash_table_new (g_str_hash, g_str_equal);
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
        c->in_function = TRUE;
        c->in_async = n->kind == RECLAIM_NODE_FUNCTION_DEF && n->v.function_def.is_async;
        c->in_loop = FALSE;
        if (ok && n->kind == RECLAIM_NODE_LAMBDA)
          ok = check_compile (c, n->v.lambda.body);
        else
          for (guint i = 0; ok && i < n->v.function_def.body.n; i++)
            ok = check_compile (c, n->v.function_def.body.items[i]);
      }
      break;
    case RECLAIM_NODE_CLASS_DEF:
      for (guint i = 0; ok && i < n->v.class_def.bases.n; i++)
        ok = check_compile (c, n->v.class_def.bases.items[i]);
      c->in_function = FALSE;
      c->in_async = FALSE;
      c->in_loop = FALSE;
      for (guint i = 0; ok && i < n->v.class_def.body.n; i++)
        ok = check_compile (c, n->v.class_def.body.items[i]);
      break;
    case RECLAIM_NODE_FOR:
      ok = check_compile (c, n->v.for_stmt.iter) && check_compile (c, n->v.for_stmt.target);
      c->in_loop = TRUE;
      for (guint i = 0; ok && i < n->v.for_stmt.body.n; i++)
        ok = check_compile (c, n->v.for_stmt.body.items[i]);
      c->in_loop = saved_loop;
      for (guint i = 0; ok && i < n->v.for_stmt.orelse.n; i++)
        ok = check_compile (c, n->v.for_stmt.orelse.items[i]);
      break;
    case RECLAIM_NODE_WHILE:
      ok = check_compile (c, n->v.while_stmt.test);
      c->in_loop = TRUE;
      for (guint i = 0; ok && i < n->v.while_stmt.body.n; i++)
        ok = check_compile (c, n->v.while_stmt.body.items[i]);
      c->in_loop = saved_loop;
      for (guint i = 0; ok && i < n->v.while_stmt.orelse.n; i++)
        ok = check_compile (c, n->v.while_stmt.orelse.items[i]);
      break;
    case RECLAIM_NODE_ASSIGN:
      ok = check_compile (c, n->v.assign.value);
      for (guint i = 0; ok && i < n->v.assign.targets.n; i++)
        ok = check_compile (c, n->v.assign.targets.items[i]);
      break;
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_GENERATOR_EXP:
    case RECLAIM_NODE_DICT_COMP:
      /* a comprehension is a function of its own */
      ok = visit_children (c, n, check_compile);
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

static void
check_module (Parser *p, ReclaimNode *module)
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

/* ------------------------------------------------------------------ */
/* entry point */

ReclaimNode *
reclaim_parse (const char *source, gssize length, const char *filename, ReclaimSyntaxError **error)
{
  Parser p;
  ReclaimTokenList *tl = reclaim_lex (source, length, filename);
  ReclaimArena *arena = reclaim_arena_new ();
  GPtrArray *stack = g_ptr_array_new ();
  ReclaimNode *module;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser_init (&p, tl, NULL, arena, filename, stack);
  module = parse_file (&p);
  if (module == NULL)
    finish_error (&p);
  else
    check_module (&p, module);

  if (p.error == NULL && p.unsupported != NULL)
    {
      p.error = p.unsupported;
      p.unsupported = NULL;
    }
  reclaim_syntax_error_free (p.unsupported);
  g_ptr_array_free (stack, TRUE);
  reclaim_token_list_free (tl);

  if (p.error != NULL)
    {
      if (error)
        *error = p.error;
      else
        reclaim_syntax_error_free (p.error);
      reclaim_arena_free (arena);
      return NULL;
    }
  module->v.module.arena = arena;
  return module;
}
