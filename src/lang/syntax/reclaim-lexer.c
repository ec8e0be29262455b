/* reclaim-lexer.c: tokenizer following CPython 3.11's Parser/tokenizer.c
 *
 * The structure mirrors tok_get() on purpose: CPython's error positions come
 * from where its cursor happens to be when it gives up, so the cursor moves
 * here exactly as it does there (nextc/backup), and errors are computed from
 * it the same way.
 */
#include "reclaim-lexer.h"
#include "reclaim-literal-text.h"

#include <string.h>

#define LEX_EOF (-1)
#define TABSIZE 8

typedef struct {
  ReclaimTokenList *out;
  GArray *tokens;
  const char *filename;

  const char *buf;
  gsize len;
  gsize cur;               /* next byte to read */
  gsize inp;               /* end of the lines read so far */
  gsize line_start;        /* start of the line being read */
  int lineno;              /* line being read (0 before the first) */

  gsize start;             /* first byte of the token being read */
  int start_lineno;
  gsize start_line_start;

  gboolean atbol;
  int level;
  char paren_char[RECLAIM_LEX_MAX_LEVEL];
  int paren_line[RECLAIM_LEX_MAX_LEVEL];
  int paren_col[RECLAIM_LEX_MAX_LEVEL];

  int indent;
  int indstack[RECLAIM_LEX_MAX_INDENT];
  int altindstack[RECLAIM_LEX_MAX_INDENT];
  int pendin;

  gsize first_nul;         /* offsets of the first bad bytes, or G_MAXSIZE */
  gsize first_bad_utf8;
  gboolean failed;
} Lexer;

/* ------------------------------------------------------------------ */
/* errors */

const char *
reclaim_syntax_error_kind_name (ReclaimSyntaxErrorKind kind)
{
  switch (kind)
    {
    case RECLAIM_ERROR_SYNTAX: return "SyntaxError";
    case RECLAIM_ERROR_INDENTATION: return "IndentationError";
    case RECLAIM_ERROR_TAB: return "TabError";
    case RECLAIM_ERROR_RECURSION: return "RecursionError";
    case RECLAIM_ERROR_MEMORY: return "MemoryError";
    case RECLAIM_ERROR_NOT_SUPPORTED: return "NotSupported";
    default: return "SyntaxError";
    }
}

void
reclaim_syntax_error_free (ReclaimSyntaxError *error)
{
  if (error == NULL)
    return;
  g_free (error->message);
  g_free (error->text);
  g_free (error);
}

ReclaimSyntaxError *
reclaim_syntax_error_copy (const ReclaimSyntaxError *error)
{
  ReclaimSyntaxError *copy = g_memdup2 (error, sizeof *error);
  copy->message = g_strdup (error->message);
  copy->text = g_strdup (error->text);
  return copy;
}

/* Number of UTF-8 characters in s[0..n). */
static int
count_chars (const char *s, gsize n)
{
  int count = 0;
  for (gsize i = 0; i < n; i++)
    if (((guchar) s[i] & 0xC0) != 0x80)
      count++;
  return count;
}

/* Like CPython's _syntaxerror_range(): the text is the line being read up to
 * its newline, the offsets count characters from the line start to col
 * (bytes), or to the cursor when col is -1. */
static void
lex_error_at (Lexer             *lx,
              ReclaimLexErrorClass error_class,
              gsize              line_start,
              int                lineno,
              gssize             col_offset,
              gssize             end_col_offset,
              const char        *format,
              ...) G_GNUC_PRINTF (7, 8);

static void
lex_error_at (Lexer             *lx,
              ReclaimLexErrorClass error_class,
              gsize              line_start,
              int                lineno,
              gssize             col_offset,
              gssize             end_col_offset,
              const char        *format,
              ...)
{
  ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);
  va_list args;
  const char *line = lx->buf + line_start;
  const char *nl = memchr (line, '\n', lx->len - line_start);
  gsize line_len = nl ? (gsize) (nl - line) : lx->len - line_start;

  va_start (args, format);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);

  error->kind = RECLAIM_ERROR_SYNTAX;
  if (col_offset < 0)
    col_offset = count_chars (line, MIN (lx->cur, lx->len) - line_start);
  if (end_col_offset < 0)
    end_col_offset = col_offset;
  error->line = lineno;
  error->end_line = lineno;
  error->column = (int) col_offset;
  error->end_column = (int) end_col_offset;
  error->text = g_strndup (line, line_len);

  lx->out->error = error;
  lx->out->error_class = error_class;
  lx->failed = TRUE;
}

#define syntax_error(lx, ...) \
  lex_error_at ((lx), RECLAIM_LEX_ERROR_RAISED, (lx)->line_start, (lx)->lineno, -1, -1, __VA_ARGS__)

/* Errors that CPython's tokenizer only flags (tok->done) and the parser turns
 * into an exception: the text is the line as read again from the file, the
 * offsets are 1-based byte offsets, converted by reclaim_lex() like any
 * parser error's. */
static void
quiet_error (Lexer                 *lx,
             ReclaimSyntaxErrorKind kind,
             int                    column,
             int                    end_column,
             const char            *message)
{
  ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);

  error->kind = kind;
  error->message = g_strdup (message);
  error->line = error->end_line = lx->lineno;
  error->column = column;
  error->end_column = end_column;
  lx->out->error = error;
  lx->out->error_class = RECLAIM_LEX_ERROR_QUIET;
  lx->failed = TRUE;
  /* the text needs the line table, filled in by reclaim_lex() */
}

/* ------------------------------------------------------------------ */
/* reading */

static void
read_error (Lexer *lx, gsize bad)
{
  if (bad == lx->first_nul && bad < lx->first_bad_utf8)
    {
      /* CPython reads the line as a C string: the text stops at the NUL. */
      ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);
      error->kind = RECLAIM_ERROR_SYNTAX;
      error->message = g_strdup ("source code cannot contain null bytes");
      error->line = error->end_line = lx->lineno;
      error->text = g_strndup (lx->buf + lx->line_start, bad - lx->line_start);
      lx->out->error = error;
      lx->out->error_class = RECLAIM_LEX_ERROR_RAISED;
      lx->failed = TRUE;
    }
  else
    {
      ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);
      error->kind = RECLAIM_ERROR_SYNTAX;
      error->message = g_strdup_printf ("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                        "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                                        (guchar) lx->buf[bad], lx->filename ? lx->filename : "<string>",
                                        lx->lineno);
      lx->out->error = error;
      lx->out->error_class = RECLAIM_LEX_ERROR_RAISED;
      lx->failed = TRUE;
    }
}

/* tok_nextc(): CPython reads one line at a time, and checks it (NUL bytes,
 * UTF-8) when it reads it, which is what decides which error wins. */
static int
nextc (Lexer *lx)
{
  if (lx->cur < lx->inp)
    return (guchar) lx->buf[lx->cur++];
  if (lx->failed || lx->cur >= lx->len)
    return LEX_EOF;

  {
    const char *nl = memchr (lx->buf + lx->cur, '\n', lx->len - lx->cur);
    gsize bad;

    lx->inp = nl ? (gsize) (nl - lx->buf) + 1 : lx->len;
    lx->line_start = lx->cur;
    lx->lineno++;
    bad = MIN (lx->first_nul, lx->first_bad_utf8);
    if (bad < lx->inp)
      {
        read_error (lx, bad);
        return LEX_EOF;
      }
  }
  return (guchar) lx->buf[lx->cur++];
}

static void
backup (Lexer *lx, int c)
{
  if (c != LEX_EOF)
    lx->cur--;
}

/* ------------------------------------------------------------------ */
/* tokens */

static void
emit (Lexer *lx, ReclaimTokenKind kind, gsize start, gsize end)
{
  ReclaimToken token;

  token.kind = kind;
  token.offset = (guint) start;
  token.length = (guint) (end - start);
  token.line = lx->start_lineno;
  token.col = (int) (start - lx->start_line_start);
  token.end_line = lx->lineno;
  token.end_col = (int) (end - lx->line_start);
  token.level = lx->level;
  g_array_append_val (lx->tokens, token);
}

/* INDENT, DEDENT, ENDMARKER and ERRORTOKEN have no text.  CPython gives them
 * col_offset -1 and locates errors on them by its cursor instead; col holds
 * that cursor column here (-1 at the end of the file). */
static void
emit_marker (Lexer *lx, ReclaimTokenKind kind, int col)
{
  ReclaimToken token;

  token.kind = kind;
  token.offset = (guint) MIN (lx->cur, lx->len);
  token.length = 0;
  token.line = token.end_line = MAX (lx->lineno, 1);
  token.col = col;
  token.end_col = -1;
  token.level = lx->level;
  g_array_append_val (lx->tokens, token);
}

static const struct { const char *word; ReclaimTokenKind kind; } keywords[] = {
  { "False", RECLAIM_TOK_FALSE }, { "None", RECLAIM_TOK_NONE }, { "True", RECLAIM_TOK_TRUE },
  { "and", RECLAIM_TOK_AND }, { "as", RECLAIM_TOK_AS }, { "assert", RECLAIM_TOK_ASSERT },
  { "async", RECLAIM_TOK_ASYNC }, { "await", RECLAIM_TOK_AWAIT }, { "break", RECLAIM_TOK_BREAK },
  { "class", RECLAIM_TOK_CLASS }, { "continue", RECLAIM_TOK_CONTINUE }, { "def", RECLAIM_TOK_DEF },
  { "del", RECLAIM_TOK_DEL }, { "elif", RECLAIM_TOK_ELIF }, { "else", RECLAIM_TOK_ELSE },
  { "except", RECLAIM_TOK_EXCEPT }, { "finally", RECLAIM_TOK_FINALLY }, { "for", RECLAIM_TOK_FOR },
  { "from", RECLAIM_TOK_FROM }, { "global", RECLAIM_TOK_GLOBAL }, { "if", RECLAIM_TOK_IF },
  { "import", RECLAIM_TOK_IMPORT }, { "in", RECLAIM_TOK_IN }, { "is", RECLAIM_TOK_IS },
  { "lambda", RECLAIM_TOK_LAMBDA }, { "nonlocal", RECLAIM_TOK_NONLOCAL }, { "not", RECLAIM_TOK_NOT },
  { "or", RECLAIM_TOK_OR }, { "pass", RECLAIM_TOK_PASS }, { "raise", RECLAIM_TOK_RAISE },
  { "return", RECLAIM_TOK_RETURN }, { "try", RECLAIM_TOK_TRY }, { "while", RECLAIM_TOK_WHILE },
  { "with", RECLAIM_TOK_WITH }, { "yield", RECLAIM_TOK_YIELD },
};

static ReclaimTokenKind
keyword_kind (const char *s, gsize n)
{
  if (n < 2 || n > 8)
    return RECLAIM_TOK_NAME;
  for (gsize i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (keywords[i].word[0] == s[0] && strlen (keywords[i].word) == n &&
        memcmp (keywords[i].word, s, n) == 0)
      return keywords[i].kind;
  return RECLAIM_TOK_NAME;
}

static const char *token_names[RECLAIM_TOK_N_KINDS] = {
  "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN", "OP",
  "'('", "')'", "'['", "']'", "'{'", "'}'", "':'", "','", "';'", "'+'", "'-'", "'*'", "'/'",
  "'|'", "'&'", "'<'", "'>'", "'='", "'.'", "'%'", "'=='", "'!='", "'<='", "'>='", "'~'", "'^'",
  "'<<'", "'>>'", "'**'", "'+='", "'-='", "'*='", "'/='", "'%='", "'&='", "'|='", "'^='",
  "'<<='", "'>>='", "'**='", "'//'", "'//='", "'@'", "'@='", "'->'", "'...'", "':='",
  "'False'", "'None'", "'True'", "'and'", "'as'", "'assert'", "'async'", "'await'", "'break'",
  "'class'", "'continue'", "'def'", "'del'", "'elif'", "'else'", "'except'", "'finally'",
  "'for'", "'from'", "'global'", "'if'", "'import'", "'in'", "'is'", "'lambda'", "'nonlocal'",
  "'not'", "'or'", "'pass'", "'raise'", "'return'", "'try'", "'while'", "'with'", "'yield'",
};

const char *
reclaim_token_kind_name (ReclaimTokenKind kind)
{
  if ((guint) kind >= RECLAIM_TOK_N_KINDS)
    return "?";
  return token_names[kind];
}

static ReclaimTokenKind
one_char (int c)
{
  switch (c)
    {
    case '(': return RECLAIM_TOK_LPAR;
    case ')': return RECLAIM_TOK_RPAR;
    case '[': return RECLAIM_TOK_LSQB;
    case ']': return RECLAIM_TOK_RSQB;
    case '{': return RECLAIM_TOK_LBRACE;
    case '}': return RECLAIM_TOK_RBRACE;
    case ':': return RECLAIM_TOK_COLON;
    case ',': return RECLAIM_TOK_COMMA;
    case ';': return RECLAIM_TOK_SEMI;
    case '+': return RECLAIM_TOK_PLUS;
    case '-': return RECLAIM_TOK_MINUS;
    case '*': return RECLAIM_TOK_STAR;
    case '/': return RECLAIM_TOK_SLASH;
    case '|': return RECLAIM_TOK_VBAR;
    case '&': return RECLAIM_TOK_AMPER;
    case '<': return RECLAIM_TOK_LESS;
    case '>': return RECLAIM_TOK_GREATER;
    case '=': return RECLAIM_TOK_EQUAL;
    case '.': return RECLAIM_TOK_DOT;
    case '%': return RECLAIM_TOK_PERCENT;
    case '~': return RECLAIM_TOK_TILDE;
    case '^': return RECLAIM_TOK_CIRCUMFLEX;
    case '@': return RECLAIM_TOK_AT;
    default: return RECLAIM_TOK_OP;
    }
}

/* PyToken_TwoChars(); "<>" is a token CPython always rejects: OP here. */
static ReclaimTokenKind
two_chars (int c1, int c2)
{
  switch (c1)
    {
    case '!': return c2 == '=' ? RECLAIM_TOK_NOTEQUAL : RECLAIM_TOK_N_KINDS;
    case '%': return c2 == '=' ? RECLAIM_TOK_PERCENTEQUAL : RECLAIM_TOK_N_KINDS;
    case '&': return c2 == '=' ? RECLAIM_TOK_AMPEREQUAL : RECLAIM_TOK_N_KINDS;
    case '*':
      if (c2 == '*') return RECLAIM_TOK_DOUBLESTAR;
      return c2 == '=' ? RECLAIM_TOK_STAREQUAL : RECLAIM_TOK_N_KINDS;
    case '+': return c2 == '=' ? RECLAIM_TOK_PLUSEQUAL : RECLAIM_TOK_N_KINDS;
    case '-':
      if (c2 == '=') return RECLAIM_TOK_MINEQUAL;
      return c2 == '>' ? RECLAIM_TOK_RARROW : RECLAIM_TOK_N_KINDS;
    case '/':
      if (c2 == '/') return RECLAIM_TOK_DOUBLESLASH;
      return c2 == '=' ? RECLAIM_TOK_SLASHEQUAL : RECLAIM_TOK_N_KINDS;
    case ':': return c2 == '=' ? RECLAIM_TOK_COLONEQUAL : RECLAIM_TOK_N_KINDS;
    case '<':
      if (c2 == '<') return RECLAIM_TOK_LEFTSHIFT;
      if (c2 == '=') return RECLAIM_TOK_LESSEQUAL;
      return c2 == '>' ? RECLAIM_TOK_OP : RECLAIM_TOK_N_KINDS;
    case '=': return c2 == '=' ? RECLAIM_TOK_EQEQUAL : RECLAIM_TOK_N_KINDS;
    case '>':
      if (c2 == '=') return RECLAIM_TOK_GREATEREQUAL;
      return c2 == '>' ? RECLAIM_TOK_RIGHTSHIFT : RECLAIM_TOK_N_KINDS;
    case '@': return c2 == '=' ? RECLAIM_TOK_ATEQUAL : RECLAIM_TOK_N_KINDS;
    case '^': return c2 == '=' ? RECLAIM_TOK_CIRCUMFLEXEQUAL : RECLAIM_TOK_N_KINDS;
    case '|': return c2 == '=' ? RECLAIM_TOK_VBAREQUAL : RECLAIM_TOK_N_KINDS;
    default: return RECLAIM_TOK_N_KINDS;
    }
}

static ReclaimTokenKind
three_chars (ReclaimTokenKind two, int c3)
{
  if (c3 != '=')
    return RECLAIM_TOK_N_KINDS;
  switch (two)
    {
    case RECLAIM_TOK_DOUBLESTAR: return RECLAIM_TOK_DOUBLESTAREQUAL;
    case RECLAIM_TOK_DOUBLESLASH: return RECLAIM_TOK_DOUBLESLASHEQUAL;
    case RECLAIM_TOK_LEFTSHIFT: return RECLAIM_TOK_LEFTSHIFTEQUAL;
    case RECLAIM_TOK_RIGHTSHIFT: return RECLAIM_TOK_RIGHTSHIFTEQUAL;
    default: return RECLAIM_TOK_N_KINDS;
    }
}

/* ------------------------------------------------------------------ */
/* identifiers */

static inline gboolean
is_potential_identifier_start (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static inline gboolean
is_potential_identifier_char (int c)
{
  return is_potential_identifier_start (c) || (c >= '0' && c <= '9');
}

/* XID_Start and XID_Continue, from the general categories. */
static gboolean
unichar_is_id_start (gunichar ch)
{
  if (ch == '_')
    return TRUE;
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_LETTER_NUMBER:
      return TRUE;
    default:
      /* Other_ID_Start */
      return ch == 0x1885 || ch == 0x1886 || ch == 0x2118 || ch == 0x212E ||
             ch == 0x309B || ch == 0x309C;
    }
}

static gboolean
unichar_is_id_continue (gunichar ch)
{
  if (unichar_is_id_start (ch))
    return TRUE;
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      /* Other_ID_Continue */
      return ch == 0x00B7 || ch == 0x0387 || (ch >= 0x1369 && ch <= 0x1371) || ch == 0x19DA;
    }
}

/* verify_identifier(): the first character that cannot be in an identifier
 * is the error, and the caret goes just after it. */
static gboolean
verify_identifier (Lexer *lx)
{
  const char *s = lx->buf + lx->start;
  const char *end = lx->buf + lx->cur;
  const char *p = s;
  gboolean first = TRUE;

  while (p < end)
    {
      gunichar ch = g_utf8_get_char (p);
      gboolean ok = first ? unichar_is_id_start (ch) : unichar_is_id_continue (ch);
      const char *next = g_utf8_next_char (p);

      if (!ok)
        {
          lx->cur = (gsize) (next - lx->buf);
          if (reclaim_unichar_is_printable (ch))
            {
              char utf8[8];
              utf8[g_unichar_to_utf8 (ch, utf8)] = '\0';
              syntax_error (lx, "invalid character '%s' (U+%04X)", utf8, ch);
            }
          else
            syntax_error (lx, "invalid non-printable character U+%04X", ch);
          return FALSE;
        }
      first = FALSE;
      p = next;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* numbers */

static gboolean
lookahead (Lexer *lx, const char *test)
{
  const char *s = test;
  int res = 0;
  gsize saved = lx->cur;

  while (1)
    {
      int c = nextc (lx);
      if (*s == 0)
        {
          res = !is_potential_identifier_char (c);
          break;
        }
      else if (c != (guchar) *s)
        break;
      s++;
    }
  lx->cur = saved;
  return res;
}

/* A number directly followed by a keyword that may follow it in valid code
 * ("1if x else y") is only a warning in 3.11; any other letter is an error. */
static gboolean
verify_end_of_number (Lexer *lx, int c, const char *kind)
{
  gboolean r = FALSE;

  if (c == 'a')
    r = lookahead (lx, "nd");
  else if (c == 'e')
    r = lookahead (lx, "lse");
  else if (c == 'f')
    r = lookahead (lx, "or");
  else if (c == 'i')
    {
      int c2 = nextc (lx);
      r = c2 == 'f' || c2 == 'n' || c2 == 's';
      backup (lx, c2);
    }
  else if (c == 'o')
    r = lookahead (lx, "r");
  else if (c == 'n')
    r = lookahead (lx, "ot");

  if (!r && c < 128 && c != LEX_EOF && is_potential_identifier_char (c))
    {
      backup (lx, c);
      syntax_error (lx, "invalid %s literal", kind);
      return FALSE;
    }
  return TRUE;
}

static inline gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

/* Returns the character after the digits, or 0 after an error. */
static int
decimal_tail (Lexer *lx)
{
  int c;

  while (1)
    {
      do
        c = nextc (lx);
      while (is_digit (c));
      if (c != '_')
        break;
      c = nextc (lx);
      if (!is_digit (c))
        {
          backup (lx, c);
          syntax_error (lx, "invalid decimal literal");
          return 0;
        }
    }
  return c;
}

/* Digits in base 16, 8 or 2 after the prefix; c is the first one. */
static gboolean
radix_digits (Lexer *lx, int base, const char *kind)
{
  int c = nextc (lx);

  do
    {
      if (c == '_')
        c = nextc (lx);
      if (base == 16 ? !g_ascii_isxdigit (c) : !(c >= '0' && c < '0' + base))
        {
          if (base != 16 && is_digit (c))
            {
              syntax_error (lx, "invalid digit '%c' in %s literal", c, kind);
              return FALSE;
            }
          backup (lx, c);
          syntax_error (lx, "invalid %s literal", kind);
          return FALSE;
        }
      do
        c = nextc (lx);
      while (base == 16 ? g_ascii_isxdigit (c) : (c >= '0' && c < '0' + base));
    }
  while (c == '_');

  if (base != 16 && is_digit (c))
    {
      syntax_error (lx, "invalid digit '%c' in %s literal", c, kind);
      return FALSE;
    }
  if (!verify_end_of_number (lx, c, kind))
    return FALSE;
  backup (lx, c);
  return TRUE;
}

/* After the integer part: fraction, exponent, imaginary suffix.  c is the
 * character after the integer part, fraction_started when the caller
 * already read the '.'. */
static gboolean
number_rest (Lexer *lx, int c, gboolean fraction_started)
{
  if (fraction_started || c == '.')
    {
      if (!fraction_started)
        c = nextc (lx);
      if (is_digit (c))
        {
          c = decimal_tail (lx);
          if (c == 0)
            return FALSE;
        }
    }
  if (c == 'e' || c == 'E')
    {
      int e = c;
      c = nextc (lx);
      if (c == '+' || c == '-')
        {
          c = nextc (lx);
          if (!is_digit (c))
            {
              backup (lx, c);
              syntax_error (lx, "invalid decimal literal");
              return FALSE;
            }
        }
      else if (!is_digit (c))
        {
          backup (lx, c);
          if (!verify_end_of_number (lx, e, "decimal"))
            return FALSE;
          backup (lx, e);
          return TRUE;
        }
      c = decimal_tail (lx);
      if (c == 0)
        return FALSE;
    }
  if (c == 'j' || c == 'J')
    {
      c = nextc (lx);
      if (!verify_end_of_number (lx, c, "imaginary"))
        return FALSE;
    }
  else if (!verify_end_of_number (lx, c, "decimal"))
    return FALSE;
  backup (lx, c);
  return TRUE;
}

/* The first digit c has been read. */
static gboolean
lex_number (Lexer *lx, int c)
{
  if (c != '0')
    {
      c = decimal_tail (lx);
      if (c == 0)
        return FALSE;
      return number_rest (lx, c, FALSE);
    }

  c = nextc (lx);
  if (c == 'x' || c == 'X')
    return radix_digits (lx, 16, "hexadecimal");
  if (c == 'o' || c == 'O')
    return radix_digits (lx, 8, "octal");
  if (c == 'b' || c == 'B')
    return radix_digits (lx, 2, "binary");

  {
    gboolean nonzero = FALSE;
    gsize zeros_end;

    while (1)
      {
        if (c == '_')
          {
            c = nextc (lx);
            if (!is_digit (c))
              {
                backup (lx, c);
                syntax_error (lx, "invalid decimal literal");
                return FALSE;
              }
          }
        if (c != '0')
          break;
        c = nextc (lx);
      }
    zeros_end = lx->cur;
    if (is_digit (c))
      {
        nonzero = TRUE;
        c = decimal_tail (lx);
        if (c == 0)
          return FALSE;
      }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
      return number_rest (lx, c, FALSE);
    if (nonzero)
      {
        backup (lx, c);
        lex_error_at (lx, RECLAIM_LEX_ERROR_RAISED, lx->line_start, lx->lineno,
                      (gssize) (lx->start + 1 - lx->line_start), (gssize) (zeros_end - lx->line_start),
                      "leading zeros in decimal integer literals are not permitted; "
                      "use an 0o prefix for octal integers");
        return FALSE;
      }
    if (!verify_end_of_number (lx, c, "decimal"))
      return FALSE;
    backup (lx, c);
    return TRUE;
  }
}

/* ------------------------------------------------------------------ */
/* strings */

/* The opening quote c has been read; lx->start is at the prefix. */
static gboolean
lex_string (Lexer *lx, int quote)
{
  int quote_size = 1;
  int end_quote_size = 0;
  int c;

  c = nextc (lx);
  if (c == quote)
    {
      c = nextc (lx);
      if (c == quote)
        quote_size = 3;
      else
        end_quote_size = 1;   /* empty string */
    }
  if (c != quote)
    backup (lx, c);

  while (end_quote_size != quote_size)
    {
      c = nextc (lx);
      if (lx->failed)
        return FALSE;
      if (c == LEX_EOF || (quote_size == 1 && c == '\n'))
        {
          /* The error is reported at the opening quote, on its line, but says
           * where the tokenizer noticed it. */
          int detected = lx->lineno;
          lx->cur = lx->start + 1;
          lex_error_at (lx, RECLAIM_LEX_ERROR_RAISED, lx->start_line_start, lx->start_lineno,
                        count_chars (lx->buf + lx->start_line_start, lx->cur - lx->start_line_start), -1,
                        quote_size == 3
                          ? "unterminated triple-quoted string literal (detected at line %d)"
                          : "unterminated string literal (detected at line %d)",
                        detected);
          return FALSE;
        }
      if (c == quote)
        end_quote_size++;
      else
        {
          end_quote_size = 0;
          if (c == '\\')
            {
              nextc (lx);
              if (lx->failed)
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* the main loop */

static void
begin_token (Lexer *lx)
{
  lx->start = lx->cur;
  lx->start_lineno = lx->lineno;
  lx->start_line_start = lx->line_start;
}

/* tok_continuation_line(): after a backslash, which must end the line.
 * At the end of the file CPython's cursor is at its buffer start when the
 * backslash came in the indentation (offset 0), else at the line end. */
static gboolean
continuation_line (Lexer *lx, gboolean in_indentation)
{
  int c = nextc (lx);

  if (lx->failed)
    return FALSE;
  if (c != '\n')
    {
      /* CPython: col_offset = cur - buf - 1, made 1-based */
      quiet_error (lx, RECLAIM_ERROR_SYNTAX, (int) (lx->cur - lx->line_start), 0,
                   "unexpected character after line continuation character");
      return FALSE;
    }
  c = nextc (lx);
  if (lx->failed)
    return FALSE;
  if (c == LEX_EOF)
    {
      if (lx->level > 0)
        return TRUE;   /* the end of the file inside brackets, reported as such */
      quiet_error (lx, RECLAIM_ERROR_SYNTAX, in_indentation ? 0 : (int) (lx->inp - lx->line_start),
                   -1, "unexpected EOF while parsing");
      return FALSE;
    }
  backup (lx, c);
  return TRUE;
}

/* One token (or one pending INDENT/DEDENT).  Returns FALSE at the end. */
static gboolean
next_token (Lexer *lx)
{
  int c;
  gboolean blankline = FALSE;

nextline:
  blankline = FALSE;

  if (lx->atbol)
    {
      int col = 0, altcol = 0;
      int cont_line_col = 0;

      lx->atbol = FALSE;
      for (;;)
        {
          c = nextc (lx);
          if (c == ' ')
            col++, altcol++;
          else if (c == '\t')
            {
              col = (col / TABSIZE + 1) * TABSIZE;
              altcol = altcol + 1;
            }
          else if (c == '\014')
            col = altcol = 0;
          else if (c == '\\')
            {
              /* a backslash in the indentation: the first one fixes the
               * indentation of what follows */
              cont_line_col = cont_line_col ? cont_line_col : col;
              if (!continuation_line (lx, TRUE))
                goto failed;
            }
          else
            break;
        }
      if (cont_line_col)
        col = altcol = cont_line_col;
      backup (lx, c);
      if (lx->failed)
        goto failed;
      if (c == '#' || c == '\n')
        blankline = TRUE;

      if (!blankline && lx->level == 0)
        {
          if (col == lx->indstack[lx->indent])
            {
              if (altcol != lx->altindstack[lx->indent])
                goto tab_error;
            }
          else if (col > lx->indstack[lx->indent])
            {
              if (lx->indent + 1 >= RECLAIM_LEX_MAX_INDENT)
                {
                  lx->cur = lx->inp;
                  quiet_error (lx, RECLAIM_ERROR_INDENTATION, 1, 0, "too many levels of indentation");
                  goto failed;
                }
              if (altcol <= lx->altindstack[lx->indent])
                goto tab_error;
              lx->pendin++;
              lx->indent++;
              lx->indstack[lx->indent] = col;
              lx->altindstack[lx->indent] = altcol;
            }
          else
            {
              while (lx->indent > 0 && col < lx->indstack[lx->indent])
                {
                  lx->pendin--;
                  lx->indent--;
                }
              if (col != lx->indstack[lx->indent])
                {
                  lx->cur = lx->inp;
                  quiet_error (lx, RECLAIM_ERROR_INDENTATION, (int) (lx->cur - lx->line_start), -1,
                               "unindent does not match any outer indentation level");
                  goto failed;
                }
              if (altcol != lx->altindstack[lx->indent])
                goto tab_error;
            }
        }
    }

  begin_token (lx);
  if (lx->pendin != 0)
    {
      /* at the end of the file CPython's cursor is at the start of the
       * buffer: errors there get offset 0 */
      int col = lx->cur >= lx->len ? -1 : (int) (lx->cur - lx->line_start);
      if (lx->pendin < 0)
        {
          lx->pendin++;
          emit_marker (lx, RECLAIM_TOK_DEDENT, col);
        }
      else
        {
          lx->pendin--;
          emit_marker (lx, RECLAIM_TOK_INDENT, col);
        }
      return TRUE;
    }

again:
  do
    c = nextc (lx);
  while (c == ' ' || c == '\t' || c == '\014');
  if (lx->failed)
    goto failed;

  begin_token (lx);
  if (c != LEX_EOF)
    lx->start = lx->cur - 1;

  if (c == '#')
    {
      while (c != LEX_EOF && c != '\n')
        c = nextc (lx);
      if (lx->failed)
        goto failed;
    }

  if (c == LEX_EOF)
    {
      if (lx->level > 0)
        {
          ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);
          int depth = lx->level - 1;
          error->kind = RECLAIM_ERROR_SYNTAX;
          error->message = g_strdup_printf ("'%c' was never closed", lx->paren_char[depth]);
          error->line = error->end_line = lx->paren_line[depth];
          error->column = lx->paren_col[depth] + 1;
          error->end_column = 0;
          lx->out->error = error;
          lx->out->error_class = RECLAIM_LEX_ERROR_UNCLOSED;
          lx->out->unclosed_line = lx->paren_line[depth];
          lx->failed = TRUE;
          goto failed;
        }
      emit_marker (lx, RECLAIM_TOK_ENDMARKER, -1);
      return FALSE;
    }

  if (is_potential_identifier_start (c))
    {
      gboolean saw_b = FALSE, saw_r = FALSE, saw_u = FALSE, saw_f = FALSE;
      gboolean nonascii = FALSE;

      while (1)
        {
          if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = TRUE;
          else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = TRUE;
          else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = TRUE;
          else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = TRUE;
          else
            break;
          c = nextc (lx);
          if (c == '"' || c == '\'')
            {
              if (!lex_string (lx, c))
                goto failed;
              emit (lx, RECLAIM_TOK_STRING, lx->start, lx->cur);
              return TRUE;
            }
        }
      while (is_potential_identifier_char (c))
        {
          if (c >= 128)
            nonascii = TRUE;
          c = nextc (lx);
        }
      backup (lx, c);
      if (lx->failed)
        goto failed;
      if (nonascii && !verify_identifier (lx))
        goto failed;
      emit (lx, keyword_kind (lx->buf + lx->start, lx->cur - lx->start), lx->start, lx->cur);
      return TRUE;
    }

  if (c == '\n')
    {
      lx->atbol = TRUE;
      if (blankline || lx->level > 0)
        goto nextline;
      emit (lx, RECLAIM_TOK_NEWLINE, lx->start, lx->cur - 1);
      return TRUE;
    }

  if (c == '.')
    {
      c = nextc (lx);
      if (is_digit (c))
        {
          if (!number_rest (lx, c, TRUE))
            goto failed;
          emit (lx, RECLAIM_TOK_NUMBER, lx->start, lx->cur);
          return TRUE;
        }
      if (c == '.')
        {
          c = nextc (lx);
          if (c == '.')
            {
              emit (lx, RECLAIM_TOK_ELLIPSIS, lx->start, lx->cur);
              return TRUE;
            }
          backup (lx, c);
          backup (lx, '.');
        }
      else
        backup (lx, c);
      emit (lx, RECLAIM_TOK_DOT, lx->start, lx->cur);
      return TRUE;
    }

  if (is_digit (c))
    {
      if (!lex_number (lx, c))
        goto failed;
      emit (lx, RECLAIM_TOK_NUMBER, lx->start, lx->cur);
      return TRUE;
    }

  if (c == '\'' || c == '"')
    {
      if (!lex_string (lx, c))
        goto failed;
      emit (lx, RECLAIM_TOK_STRING, lx->start, lx->cur);
      return TRUE;
    }

  if (c == '\\')
    {
      if (!continuation_line (lx, FALSE))
        goto failed;
      goto again;
    }

  /* operators */
  {
    int c2 = nextc (lx);
    ReclaimTokenKind two = two_chars (c, c2);
    if (two != RECLAIM_TOK_N_KINDS)
      {
        int c3 = nextc (lx);
        ReclaimTokenKind three = three_chars (two, c3);
        if (three != RECLAIM_TOK_N_KINDS)
          two = three;
        else
          backup (lx, c3);
        emit (lx, two, lx->start, lx->cur);
        return TRUE;
      }
    backup (lx, c2);
  }
  if (lx->failed)
    goto failed;

  switch (c)
    {
    case '(':
    case '[':
    case '{':
      if (lx->level >= RECLAIM_LEX_MAX_LEVEL)
        {
          syntax_error (lx, "too many nested parentheses");
          goto failed;
        }
      lx->paren_char[lx->level] = (char) c;
      lx->paren_line[lx->level] = lx->lineno;
      lx->paren_col[lx->level] = (int) (lx->start - lx->line_start);
      lx->level++;
      break;
    case ')':
    case ']':
    case '}':
      {
        int opening;
        if (lx->level == 0)
          {
            syntax_error (lx, "unmatched '%c'", c);
            goto failed;
          }
        lx->level--;
        opening = lx->paren_char[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}')))
          {
            if (lx->paren_line[lx->level] != lx->lineno)
              syntax_error (lx, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                            c, opening, lx->paren_line[lx->level]);
            else
              syntax_error (lx, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                            c, opening);
            goto failed;
          }
      }
      break;
    default:
      break;
    }

  if (c < 32 || c == 127)
    {
      syntax_error (lx, "invalid non-printable character U+%04X", c);
      goto failed;
    }

  emit (lx, one_char (c), lx->start, lx->cur);
  return TRUE;

tab_error:
  lx->cur = lx->inp;
  quiet_error (lx, RECLAIM_ERROR_TAB, 1, 0, "inconsistent use of tabs and spaces in indentation");

failed:
  emit_marker (lx, RECLAIM_TOK_ERRORTOKEN, -1);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* setup */

/* Universal newlines, no BOM, and a final newline, as CPython's file reader
 * hands the tokenizer its lines. */
static void
normalize_source (ReclaimTokenList *list, const char *source, gsize length)
{
  GString *out = g_string_sized_new (length + 2);
  gsize i = 0;

  if (length >= 3 && memcmp (source, "\xEF\xBB\xBF", 3) == 0)
    {
      i = 3;
      list->had_bom = TRUE;
    }
  while (i < length)
    {
      const char *cr = memchr (source + i, '\r', length - i);
      gsize stop = cr ? (gsize) (cr - source) : length;
      g_string_append_len (out, source + i, stop - i);
      i = stop;
      if (cr)
        {
          g_string_append_c (out, '\n');
          i++;
          if (i < length && source[i] == '\n')
            i++;
        }
    }
  list->had_final_newline = out->len == 0 || out->str[out->len - 1] == '\n';
  if (!list->had_final_newline)
    g_string_append_c (out, '\n');
  list->text_length = out->len;
  list->text = g_string_free (out, FALSE);
}

static void
compute_lines (ReclaimTokenList *list, gsize **starts_out)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  const char *p = list->text;
  const char *end = list->text + list->text_length;

  g_array_append_val (starts, zero);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize next;
      if (nl == NULL)
        break;
      next = (gsize) (nl - list->text) + 1;
      g_array_append_val (starts, next);
      p = nl + 1;
    }
  /* starts has one entry per line plus the end */
  list->n_lines = (int) starts->len - 1;
  *starts_out = (gsize *) (void *) g_array_free (starts, FALSE);
}

/* The public struct plus the line table, which errors need after lexing. */
typedef struct {
  ReclaimTokenList public;
  gsize *line_starts;
} TokenListPrivate;

/* "coding: xxx" in a comment on the first two lines (PEP 263). */
static char *
find_coding_cookie (const char *text, gsize length)
{
  gsize i = 0;

  for (int lineno = 0; lineno < 2 && i < length; lineno++)
    {
      const char *line = text + i;
      const char *nl = memchr (line, '\n', length - i);
      gsize n = nl ? (gsize) (nl - line) : length - i;
      gsize j = 0;

      while (j < n && (line[j] == ' ' || line[j] == '\t' || line[j] == '\014'))
        j++;
      if (j < n && line[j] == '#')
        {
          g_autofree char *comment = g_strndup (line + j, n - j);
          const char *at = strstr (comment, "coding");
          while (at)
            {
              const char *p = at + 6;
              if (*p == ':' || *p == '=')
                {
                  GString *name = g_string_new (NULL);
                  p++;
                  while (*p == ' ' || *p == '\t')
                    p++;
                  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
                    g_string_append_c (name, *p++);
                  if (name->len > 0)
                    return g_string_free (name, FALSE);
                  g_string_free (name, TRUE);
                }
              at = strstr (at + 1, "coding");
            }
        }
      else if (j < n)
        break;   /* only comments and blank lines may come before it */
      i += n + 1;
    }
  return NULL;
}

static gboolean
is_utf8_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  for (char *p = lower; *p; p++)
    if (*p == '_')
      *p = '-';
  return strcmp (lower, "utf-8") == 0 || strcmp (lower, "utf8") == 0 ||
         g_str_has_prefix (lower, "utf-8-");
}

ReclaimTokenList *
reclaim_lex (const char *source, gssize length, const char *filename)
{
  TokenListPrivate *priv = g_new0 (TokenListPrivate, 1);
  ReclaimTokenList *list = &priv->public;
  Lexer lx = { 0 };
  const char *valid_end;
  const char *nul;

  if (length < 0)
    length = source ? (gssize) strlen (source) : 0;
  normalize_source (list, source ? source : "", (gsize) length);
  compute_lines (list, &priv->line_starts);

  lx.out = list;
  lx.filename = filename;
  lx.buf = list->text;
  lx.len = list->text_length;
  lx.atbol = TRUE;
  lx.tokens = g_array_sized_new (FALSE, FALSE, sizeof (ReclaimToken), list->text_length / 3 + 16);

  nul = memchr (lx.buf, '\0', lx.len);
  lx.first_nul = nul ? (gsize) (nul - lx.buf) : G_MAXSIZE;
  /* g_utf8_validate_len() stops at a NUL byte, which is not an encoding
   * error: check the parts between NULs. */
  lx.first_bad_utf8 = G_MAXSIZE;
  {
    gsize from = 0;
    while (from < lx.len)
      {
        if (!g_utf8_validate_len (lx.buf + from, lx.len - from, &valid_end))
          {
            if (*valid_end != '\0')
              {
                lx.first_bad_utf8 = (gsize) (valid_end - lx.buf);
                break;
              }
            from = (gsize) (valid_end - lx.buf) + 1;
          }
        else
          break;
      }
  }

  {
    g_autofree char *cookie = find_coding_cookie (lx.buf, lx.len);
    list->encoding_declared = cookie != NULL || list->had_bom;
    if (cookie != NULL && !is_utf8_name (cookie))
      {
        ReclaimSyntaxError *error = g_new0 (ReclaimSyntaxError, 1);
        error->kind = RECLAIM_ERROR_NOT_SUPPORTED;
        error->message = g_strdup_printf ("not supported in Reclaim: encoding declaration '%s' "
                                          "(scripts are UTF-8)", cookie);
        error->line = error->end_line = 1;
        list->error = error;
        list->error_class = RECLAIM_LEX_ERROR_RAISED;
        lx.failed = TRUE;
        lx.lineno = 1;
        emit_marker (&lx, RECLAIM_TOK_ERRORTOKEN, -1);
      }
  }

  if (!lx.failed)
    while (next_token (&lx))
      ;

  if (list->error != NULL && list->error->text == NULL && list->error->line > 0 &&
      list->error_class != RECLAIM_LEX_ERROR_RAISED)
    {
      /* parser-style errors: CPython reads the text from the file and
       * converts its offsets like any parser error */
      ReclaimSyntaxError *e = list->error;
      e->text = reclaim_token_list_error_text (list, e->line);
      e->column = reclaim_token_list_error_column (list, e->text, e->column);
      if (e->end_column > 0)
        e->end_column = reclaim_token_list_error_column (list, e->text, e->end_column);
    }

  list->n_tokens = lx.tokens->len;
  list->tokens = (ReclaimToken *) (void *) g_array_free (lx.tokens, FALSE);
  return list;
}

void
reclaim_token_list_free (ReclaimTokenList *list)
{
  TokenListPrivate *priv = (TokenListPrivate *) list;

  if (list == NULL)
    return;
  g_free (list->text);
  g_free (list->tokens);
  reclaim_syntax_error_free (list->error);
  g_free (priv->line_starts);
  g_free (priv);
}

gsize
reclaim_token_list_line_offset (const ReclaimTokenList *list, int lineno)
{
  const TokenListPrivate *priv = (const TokenListPrivate *) list;

  if (lineno < 1)
    return 0;
  if (lineno > list->n_lines + 1)
    lineno = list->n_lines + 1;
  return priv->line_starts[lineno - 1];
}

const char *
reclaim_token_list_line (const ReclaimTokenList *list, int lineno, gsize *length)
{
  gsize start, end;

  if (lineno < 1 || lineno > list->n_lines)
    {
      if (length)
        *length = 0;
      return NULL;
    }
  start = reclaim_token_list_line_offset (list, lineno);
  end = reclaim_token_list_line_offset (list, lineno + 1);
  if (end > start && list->text[end - 1] == '\n')
    end--;
  if (length)
    *length = end - start;
  return list->text + start;
}

int
reclaim_token_list_error_column (const ReclaimTokenList *list, const char *text, int col_offset)
{
  int len, count = 0, n = col_offset;

  if (!list->encoding_declared || col_offset <= 0)
    return col_offset;
  /* _PyPegen_byte_offset_to_character_offset(): decode the first bytes,
   * the terminating NUL counting as one more */
  len = (int) strlen (text);
  if (n > len + 1)
    n = len + 1;
  count = count_chars (text, (gsize) MIN (n, len));
  if (n == len + 1)
    count++;
  return count;
}

char *
reclaim_token_list_error_text (const ReclaimTokenList *list, int lineno)
{
  gsize len, full, skip;
  const char *line = reclaim_token_list_line (list, lineno, &len);
  gboolean newline;

  if (line == NULL)
    return g_strdup ("");
  newline = !(lineno == list->n_lines && !list->had_final_newline);
  /* CPython rereads the line from the file with fgets() into a 1000-byte
   * buffer: of a longer line, only the last piece is left in it */
  full = len + (newline ? 1 : 0);
  skip = full > 0 ? 999 * ((full - 1) / 999) : 0;
  if (skip > 0)
    return g_strdup_printf ("%.*s%s", (int) (len - skip), line + skip, newline ? "\n" : "");
  return g_strdup_printf ("%s%.*s%s", lineno == 1 && list->had_bom ? "\xEF\xBB\xBF" : "", (int) len, line,
                          newline ? "\n" : "");
}

char *
reclaim_token_list_dump (const ReclaimTokenList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->n_tokens; i++)
    {
      const ReclaimToken *t = &list->tokens[i];
      const char *name = reclaim_token_kind_name (t->kind);
      if (i > 0)
        g_string_append_c (out, ' ');
      if (t->kind == RECLAIM_TOK_NAME || t->kind == RECLAIM_TOK_NUMBER || t->kind == RECLAIM_TOK_STRING)
        g_string_append_printf (out, "%s:%.*s", name, (int) t->length, list->text + t->offset);
      else
        g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}
