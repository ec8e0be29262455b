/* reclaim-lexer.h: the tokenizer of the Python subset
 *
 * It follows CPython 3.11's Parser/tokenizer.c (file input): INDENT/DEDENT
 * from a stack of columns (tabs to the next multiple of 8, checked against
 * a tab-as-one-column stack for TabError), no NEWLINE inside brackets,
 * backslash continuation, universal newlines, an implicit newline at the end
 * of the last line, and the same error messages and positions.
 *
 * The whole source is tokenized at once.  Like CPython's lazy tokenizer, it
 * stops at the first error; the parser reports that error only if it reads
 * that far (or if CPython would let the error win over a parser error, see
 * ReclaimLexErrorClass).
 */
#pragma once

#include "reclaim-token.h"

G_BEGIN_DECLS

/* CPython's MAXLEVEL and MAXINDENT. */
#define RECLAIM_LEX_MAX_LEVEL  200
#define RECLAIM_LEX_MAX_INDENT 100

typedef enum {
  RECLAIM_LEX_OK,
  /* CPython raised the SyntaxError inside the tokenizer (bad number,
   * unterminated string, stray bracket, NUL byte, invalid UTF-8 ...).  Such
   * an error also wins over a parser error found earlier in the file. */
  RECLAIM_LEX_ERROR_RAISED,
  /* End of file inside brackets: "'(' was never closed".  Wins over an
   * earlier parser error only if the bracket is on an earlier line. */
  RECLAIM_LEX_ERROR_UNCLOSED,
  /* Indentation, TabError, backslash errors: reported only when reached. */
  RECLAIM_LEX_ERROR_QUIET,
} ReclaimLexErrorClass;

typedef struct {
  /* The source with "\r\n" and "\r" turned into "\n" and a final "\n"
   * added if missing; token offsets point into it.  Owned. */
  char *text;
  gsize text_length;
  gboolean had_final_newline;
  gboolean had_bom;
  /* A coding cookie or a BOM: CPython then converts the byte offsets of
   * parser errors to character offsets; without, they stay in bytes. */
  gboolean encoding_declared;
  int n_lines;                  /* physical lines in the source */

  ReclaimToken *tokens;         /* ends with ENDMARKER or ERRORTOKEN */
  guint n_tokens;

  ReclaimLexErrorClass error_class;
  ReclaimSyntaxError *error;    /* set iff error_class != RECLAIM_LEX_OK */
  int unclosed_line;            /* line of the innermost unclosed bracket */
} ReclaimTokenList;

/* Tokenizes source (length bytes, or -1 for NUL-terminated).  filename only
 * goes into the "Non-UTF-8 code ... in file <filename>" message.  Never
 * fails: errors are described in the result. */
ReclaimTokenList *reclaim_lex (const char *source,
                               gssize      length,
                               const char *filename);

void reclaim_token_list_free (ReclaimTokenList *list);

/* Line lineno (1-based) of list->text without its "\n", or NULL past the
 * end.  *length gets its length in bytes. */
const char *reclaim_token_list_line (const ReclaimTokenList *list,
                                     int                     lineno,
                                     gsize                  *length);

/* Offset of the start of line lineno in list->text (n_lines + 1 gives the
 * end of the text). */
gsize reclaim_token_list_line_offset (const ReclaimTokenList *list,
                                      int                     lineno);

/* The SyntaxError.offset CPython gives for a parser error at the 1-based
 * byte offset col_offset of the line whose SyntaxError.text is text: the
 * bytes themselves, or characters when an encoding was declared. */
int reclaim_token_list_error_column (const ReclaimTokenList *list,
                                     const char             *text,
                                     int                     col_offset);

/* A copy of the line as SyntaxError.text: with its "\n" unless it is the
 * last line and the source had no final newline.  "" past the end. */
char *reclaim_token_list_error_text (const ReclaimTokenList *list,
                                     int                     lineno);

/* A compact dump such as "NAME 'x' 1:0-1:1\nOP '=' ..." for tests. */
char *reclaim_token_list_dump (const ReclaimTokenList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimTokenList, reclaim_token_list_free)

G_END_DECLS
