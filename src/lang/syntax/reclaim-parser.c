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
 * - After a successful parse, parser_check_module() makes the compile-time
 *   checks.
 * - Constructs Reclaim refuses are parsed normally and only remembered; they
 *   are reported if nothing else went wrong.
 *
 * Parse functions return NULL on failure.  p->error is set for a hard
 * error (the final answer); NULL with no p->error is a soft failure, which
 * speculative callers may recover from.
 *
 * reclaim-parser-private.h lists the files of the parser and what they
 * share.
 */
#include "reclaim-parser-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* tokens */

/* The last token before pos that is not NEWLINE, INDENT, DEDENT: where
 * CPython ends a node. */
const ReclaimToken *
parser_last_token (Parser *p)
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

gboolean
parser_token_is (Parser *p, const ReclaimToken *t, const char *text)
{
  gsize n = strlen (text);
  return t->length == n && memcmp (p->tl->text + t->offset, text, n) == 0;
}

char *
parser_token_text (Parser *p, const ReclaimToken *t)
{
  return reclaim_arena_strndup (p->arena, p->tl->text + t->offset, t->length);
}

/* ------------------------------------------------------------------ */
/* positions */

static void
set_start (Parser *p, ReclaimNode *node, const ReclaimToken *t)
{
  node->line = map_line (p, t->line);
  node->col = map_col (p, t->line, t->col);
}

void
parser_set_end (Parser *p, ReclaimNode *node, const ReclaimToken *t)
{
  node->end_line = map_line (p, t->end_line);
  node->end_col = map_col (p, t->end_line, t->end_col);
}

ReclaimNode *
parser_new_node (Parser *p, ReclaimNodeKind kind, const ReclaimToken *first, const ReclaimToken *last)
{
  ReclaimNode *node = reclaim_node_new (p->arena, kind);
  set_start (p, node, first);
  parser_set_end (p, node, last);
  return node;
}

/* A node from the token at start to the last token consumed: CPython
 * places a node from the first token of its rule to the last token
 * consumed, so parentheses around an operand count. */
ReclaimNode *
parser_new_node_from (Parser *p, ReclaimNodeKind kind, guint start)
{
  return parser_new_node (p, kind, tok (p, start), parser_last_token (p));
}

/* ------------------------------------------------------------------ */
/* lists */

ReclaimNodeList
parser_pop_list (Parser *p, guint base)
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

void
parser_drop_list (Parser *p, guint base)
{
  g_ptr_array_set_size (p->stack, base);
}

ReclaimNodeList
parser_list_of_one (Parser *p, ReclaimNode *node)
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
ReclaimSyntaxError *
parser_make_error_at_node (Parser *p, const ReclaimNode *n, ReclaimSyntaxErrorKind kind, const char *message)
{
  /* the compiler and the symtable give byte offsets, whatever the encoding */
  ReclaimSyntaxError *error = make_error_v (p, kind, n->line, 0, n->end_line, 0, "%s", message);
  error->column = n->col + 1;
  error->end_column = n->end_col + 1;
  return error;
}

/* _PyPegen_raise_error_known_location(): offsets are 1-based byte columns
 * of the token list's lines. */
void *
parser_raise_known (Parser *p, ReclaimSyntaxErrorKind kind, int lineno, int col_offset,
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

void *
parser_raise_range (Parser *p, const ReclaimNode *a, const ReclaimNode *b, const char *format, ...)
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

void *
parser_raise_token (Parser *p, const ReclaimToken *t, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  raise_token_kind (p, RECLAIM_ERROR_SYNTAX, t, t, format, args);
  va_end (args);
  return NULL;
}

void *
parser_raise_token_range (Parser *p, const ReclaimToken *a, const ReclaimToken *b, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  raise_token_kind (p, RECLAIM_ERROR_SYNTAX, a, b, format, args);
  va_end (args);
  return NULL;
}

/* RAISE_SYNTAX_ERROR(msg): at the last token fetched so far. */
void *
parser_raise_last (Parser *p, ReclaimSyntaxErrorKind kind, const char *format, ...)
{
  va_list args;
  const ReclaimToken *t = tok (p, p->fill_pos);
  va_start (args, format);
  raise_token_kind (p, kind, t, t, format, args);
  va_end (args);
  return NULL;
}

/* A node range mixed with a token end: RAISE_SYNTAX_ERROR_KNOWN_RANGE(node, token). */
void *
parser_raise_node_token (Parser *p, const ReclaimNode *a, const ReclaimToken *b, const char *format, ...)
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
void *
parser_raise_starting_from (Parser *p, const ReclaimToken *a, const char *message)
{
  /* the end is the tokenizer's cursor: after the last token fetched */
  const ReclaimToken *last = tok (p, p->fill_pos);
  return parser_raise_known (p, RECLAIM_ERROR_SYNTAX, a->line, a->col + 1, last->end_line, last->end_col,
                             "%s", message);
}

void
parser_tokenizer_error (Parser *p)
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

void
parser_memory_error (Parser *p)
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

static gboolean
same_refusal (const ReclaimSyntaxError *a, const ReclaimSyntaxError *b)
{
  return a->line == b->line && a->column == b->column && strcmp (a->message, b->message) == 0;
}

/* Remember every construct Reclaim refuses (once: the first pass may try a
 * rule twice); reported only if the source is otherwise fine. */
static void
not_supported_at (Parser *p, int line, int col, int end_line, int end_col, const char *what)
{
  Parser *root = p->root;
  ReclaimSyntaxError *error;
  int tl_line;

  if (p->diag)
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
  for (guint i = 0; i < root->unsupported->len; i++)
    if (same_refusal (g_ptr_array_index (root->unsupported, i), error))
      {
        reclaim_syntax_error_free (error);
        return;
      }
  g_ptr_array_add (root->unsupported, error);
}

void
parser_not_supported_token (Parser *p, const ReclaimToken *t, const char *what)
{
  not_supported_at (p, map_line (p, t->line), map_col (p, t->line, t->col),
                    map_line (p, t->end_line), map_col (p, t->end_line, t->end_col), what);
}

void
parser_not_supported_node (Parser *p, const ReclaimNode *n, const char *what)
{
  not_supported_at (p, n->line, n->col, n->end_line, n->end_col, what);
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
      parser_raise_last (p, RECLAIM_ERROR_INDENTATION,
                         last->kind == RECLAIM_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
      p->error_final = TRUE;
    }
  else
    parser_raise_token (p, last, "invalid syntax");
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
      parser_tokenizer_error (p);
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
  return parser_parse_statement (p);
}

static gboolean
star_expressions_rule (Parser *p, gpointer out)
{
  ReclaimNode *e = parser_parse_star_expressions (p);
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
  if (root == NULL)
    p->unsupported = g_ptr_array_new_with_free_func ((GDestroyNotify) reclaim_syntax_error_free);
  p->arena = arena;
  p->filename = filename;
  p->stack = stack;
}

ReclaimNode *
parser_run_fstring_parser (Parser *p, const char *src, gsize len, int line, int col)
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
  module->v.module.body = parser_pop_list (p, base);
  return module;
}

/* ------------------------------------------------------------------ */
/* entry point */

ReclaimNode *
reclaim_parse_with_refusals (const char *source, gssize length, const char *filename,
                             GPtrArray *refusals, ReclaimSyntaxError **error)
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
    parser_check_module (&p, module);

  if (p.error == NULL)
    while (p.unsupported->len > 0)
      g_ptr_array_add (refusals, g_ptr_array_steal_index (p.unsupported, 0));
  g_ptr_array_unref (p.unsupported);
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
  reclaim_ast_mangle_private_names (module);
  return module;
}

ReclaimNode *
reclaim_parse (const char *source, gssize length, const char *filename, ReclaimSyntaxError **error)
{
  g_autoptr (GPtrArray) refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) reclaim_syntax_error_free);
  ReclaimNode *module = reclaim_parse_with_refusals (source, length, filename, refusals, error);

  if (module != NULL && refusals->len > 0)
    {
      reclaim_ast_free (module);
      if (error)
        *error = g_ptr_array_steal_index (refusals, 0);
      return NULL;
    }
  return module;
}
