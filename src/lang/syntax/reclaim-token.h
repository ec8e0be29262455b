/* reclaim-token.h: tokens and syntax errors shared by the lexer and the parser
 *
 * Positions follow CPython 3.11: lines are 1-based, columns are 0-based UTF-8
 * byte offsets into the line (like ast col_offset).  Errors carry the
 * character based, 1-based offsets of SyntaxError.offset instead.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECLAIM_TOK_ENDMARKER,
  RECLAIM_TOK_NAME,
  RECLAIM_TOK_NUMBER,
  RECLAIM_TOK_STRING,
  RECLAIM_TOK_NEWLINE,
  RECLAIM_TOK_INDENT,
  RECLAIM_TOK_DEDENT,
  /* The tokenizer stopped here; the lexer result holds the error. */
  RECLAIM_TOK_ERRORTOKEN,
  /* A character that is no Python operator ($ ? ! `): never matches. */
  RECLAIM_TOK_OP,

  RECLAIM_TOK_LPAR,             /* ( */
  RECLAIM_TOK_RPAR,             /* ) */
  RECLAIM_TOK_LSQB,             /* [ */
  RECLAIM_TOK_RSQB,             /* ] */
  RECLAIM_TOK_LBRACE,           /* { */
  RECLAIM_TOK_RBRACE,           /* } */
  RECLAIM_TOK_COLON,            /* : */
  RECLAIM_TOK_COMMA,            /* , */
  RECLAIM_TOK_SEMI,             /* ; */
  RECLAIM_TOK_PLUS,             /* + */
  RECLAIM_TOK_MINUS,            /* - */
  RECLAIM_TOK_STAR,             /* * */
  RECLAIM_TOK_SLASH,            /* / */
  RECLAIM_TOK_VBAR,             /* | */
  RECLAIM_TOK_AMPER,            /* & */
  RECLAIM_TOK_LESS,             /* < */
  RECLAIM_TOK_GREATER,          /* > */
  RECLAIM_TOK_EQUAL,            /* = */
  RECLAIM_TOK_DOT,              /* . */
  RECLAIM_TOK_PERCENT,          /* % */
  RECLAIM_TOK_EQEQUAL,          /* == */
  RECLAIM_TOK_NOTEQUAL,         /* != */
  RECLAIM_TOK_LESSEQUAL,        /* <= */
  RECLAIM_TOK_GREATEREQUAL,     /* >= */
  RECLAIM_TOK_TILDE,            /* ~ */
  RECLAIM_TOK_CIRCUMFLEX,       /* ^ */
  RECLAIM_TOK_LEFTSHIFT,        /* << */
  RECLAIM_TOK_RIGHTSHIFT,       /* >> */
  RECLAIM_TOK_DOUBLESTAR,       /* ** */
  RECLAIM_TOK_PLUSEQUAL,        /* += */
  RECLAIM_TOK_MINEQUAL,         /* -= */
  RECLAIM_TOK_STAREQUAL,        /* *= */
  RECLAIM_TOK_SLASHEQUAL,       /* /= */
  RECLAIM_TOK_PERCENTEQUAL,     /* %= */
  RECLAIM_TOK_AMPEREQUAL,       /* &= */
  RECLAIM_TOK_VBAREQUAL,        /* |= */
  RECLAIM_TOK_CIRCUMFLEXEQUAL,  /* ^= */
  RECLAIM_TOK_LEFTSHIFTEQUAL,   /* <<= */
  RECLAIM_TOK_RIGHTSHIFTEQUAL,  /* >>= */
  RECLAIM_TOK_DOUBLESTAREQUAL,  /* **= */
  RECLAIM_TOK_DOUBLESLASH,      /* // */
  RECLAIM_TOK_DOUBLESLASHEQUAL, /* //= */
  RECLAIM_TOK_AT,               /* @ */
  RECLAIM_TOK_ATEQUAL,          /* @= */
  RECLAIM_TOK_RARROW,           /* -> */
  RECLAIM_TOK_ELLIPSIS,         /* ... */
  RECLAIM_TOK_COLONEQUAL,       /* := */

  /* Keywords: the lexer gives these instead of NAME. */
  RECLAIM_TOK_FALSE,
  RECLAIM_TOK_NONE,
  RECLAIM_TOK_TRUE,
  RECLAIM_TOK_AND,
  RECLAIM_TOK_AS,
  RECLAIM_TOK_ASSERT,
  RECLAIM_TOK_ASYNC,
  RECLAIM_TOK_AWAIT,
  RECLAIM_TOK_BREAK,
  RECLAIM_TOK_CLASS,
  RECLAIM_TOK_CONTINUE,
  RECLAIM_TOK_DEF,
  RECLAIM_TOK_DEL,
  RECLAIM_TOK_ELIF,
  RECLAIM_TOK_ELSE,
  RECLAIM_TOK_EXCEPT,
  RECLAIM_TOK_FINALLY,
  RECLAIM_TOK_FOR,
  RECLAIM_TOK_FROM,
  RECLAIM_TOK_GLOBAL,
  RECLAIM_TOK_IF,
  RECLAIM_TOK_IMPORT,
  RECLAIM_TOK_IN,
  RECLAIM_TOK_IS,
  RECLAIM_TOK_LAMBDA,
  RECLAIM_TOK_NONLOCAL,
  RECLAIM_TOK_NOT,
  RECLAIM_TOK_OR,
  RECLAIM_TOK_PASS,
  RECLAIM_TOK_RAISE,
  RECLAIM_TOK_RETURN,
  RECLAIM_TOK_TRY,
  RECLAIM_TOK_WHILE,
  RECLAIM_TOK_WITH,
  RECLAIM_TOK_YIELD,

  RECLAIM_TOK_N_KINDS
} ReclaimTokenKind;

#define RECLAIM_TOK_FIRST_KEYWORD RECLAIM_TOK_FALSE

typedef struct {
  ReclaimTokenKind kind;
  guint offset;       /* byte offset of the first byte in the source */
  guint length;       /* in bytes; 0 for NEWLINE, INDENT, DEDENT, ENDMARKER */
  int line;           /* 1-based */
  int col;            /* 0-based byte column */
  int end_line;
  int end_col;
  int level;          /* bracket depth after this token, as CPython's token->level */
} ReclaimToken;

typedef enum {
  RECLAIM_ERROR_SYNTAX,          /* SyntaxError */
  RECLAIM_ERROR_INDENTATION,     /* IndentationError */
  RECLAIM_ERROR_TAB,             /* TabError */
  RECLAIM_ERROR_RECURSION,       /* RecursionError, raised while compiling */
  RECLAIM_ERROR_MEMORY,          /* MemoryError: CPython's parser stack overflowed */
  RECLAIM_ERROR_NOT_SUPPORTED,   /* valid Python that Reclaim refuses */
} ReclaimSyntaxErrorKind;

/* Everything CPython puts in a SyntaxError, so the caller can print it the
 * way python3 does (pythonrun.c, print_error_text):
 *
 *     File "<filename>", line <line>
 *       <text, stripped of leading blanks>
 *       <spaces up to column - 1, then carets up to end_column, at least
 *        one; a range over several lines is drawn to the end of the text>
 *   <Kind>: <message>
 *
 * The numbers are exactly CPython's, quirks included: column and end_column
 * count characters for tokenizer errors, but UTF-8 bytes for parser and
 * compiler errors unless the file declares its encoding; the text of a
 * line longer than 998 bytes is only its end (CPython rereads it with a
 * 1000-byte fgets()); end_column may be 0 or -1 ("no end").
 *
 * line == 0 means no location (CPython's lineno None, e.g. a file that is
 * not UTF-8): python3 then prints only the last line.  RECURSION and MEMORY
 * errors are printed by python3 as a bare "RecursionError: maximum recursion
 * depth exceeded during compilation" and "MemoryError"; their location still
 * points at the construct.  NOT_SUPPORTED is Reclaim's own: located like a
 * parser error, to be printed as the caller sees fit.
 *
 * tests/lang/test-parser.c (format_like_python) renders these as python3.
 */
typedef struct {
  ReclaimSyntaxErrorKind kind;
  char *message;
  int line;          /* SyntaxError.lineno, 1-based, 0 = none */
  int column;        /* SyntaxError.offset, 1-based, 0 = none */
  int end_line;      /* SyntaxError.end_lineno */
  int end_column;    /* SyntaxError.end_offset, exclusive */
  char *text;        /* SyntaxError.text, NULL = None */
} ReclaimSyntaxError;

/* "SyntaxError", "IndentationError", "TabError", "RecursionError",
 * "MemoryError" or "NotSupported". */
const char *reclaim_syntax_error_kind_name (ReclaimSyntaxErrorKind kind);
void        reclaim_syntax_error_free      (ReclaimSyntaxError *error);
/* What python3 prints for the error: the File line, the source line with
 * its carets, and "Kind: message" (newly allocated). */
char       *reclaim_syntax_error_format    (const ReclaimSyntaxError *error, const char *filename);
ReclaimSyntaxError *reclaim_syntax_error_copy (const ReclaimSyntaxError *error);

/* "NAME", "'('", "'if'" ... for debugging and test output. */
const char *reclaim_token_kind_name (ReclaimTokenKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimSyntaxError, reclaim_syntax_error_free)

G_END_DECLS
