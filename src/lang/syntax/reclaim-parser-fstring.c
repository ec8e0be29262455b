/* reclaim-parser-fstring.c: string literals and f-strings
 *
 * Concatenation, escapes and the f-string mini-parser of CPython's
 * Parser/string_parser.c; the expressions inside f-strings are parsed by
 * a parser of their own (parser_run_fstring_parser()).
 */
#include "reclaim-parser-private.h"

#include <string.h>

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

/* decode_unicode_with_escapes(), or decode_bytes_with_escapes() when
 * bytes (\ooo and \xhh are one byte; \u, \U and \N are no escapes):
 * errors are raised at the token after the strings, as CPython's
 * RAISE_SYNTAX_ERROR does there. */
static gboolean
decode_escapes (Parser *p, const ReclaimToken *t, const char *s, gsize len, gboolean bytes, GString *out)
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
      if (bytes && (*esc == 'u' || *esc == 'U' || *esc == 'N'))
        {
          /* no escapes in bytes: kept as written */
          g_string_append_c (out, '\\');
          c = esc;
          continue;
        }
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
            if (bytes)
              g_string_append_c (out, (char) (v & 0xff));
            else
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
            if (bytes && k < digits)
              {
                parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "(value error) invalid \\x escape at position %"
                                   G_GSIZE_FORMAT, escape_position (s, bs));
                return FALSE;
              }
            if (k < digits || v > 0x10FFFF)
              {
                gsize from = escape_position (s, bs);
                gsize to = escape_position (s, c) - 1;
                parser_raise_last (p, RECLAIM_ERROR_SYNTAX,
                                   "(unicode error) 'unicodeescape' codec can't decode bytes in position %"
                                   G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ": %s", from, to,
                                   k < digits ? what : "illegal Unicode character");
                return FALSE;
              }
            if (bytes)
              g_string_append_c (out, (char) v);
            else
              append_unichar (out, v);
          }
          break;
        case 'N':
          parser_not_supported_token (p, t, "\\N{...} escapes");
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
  ReclaimNode *node = parser_new_node (p, RECLAIM_NODE_CONSTANT, first, last);
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
                  parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: single '}' is not allowed");
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
      else if (!decode_escapes (p, t, literal_start, (gsize) (s - literal_start), FALSE, st->literal))
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
        return parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expression required before '%c'", *expr_end);
      return parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: empty expression not allowed");
    }

  src = g_string_sized_new ((gsize) (expr_end - expr_start) + 3);
  g_string_append_c (src, '(');
  g_string_append_len (src, expr_start, expr_end - expr_start);
  g_string_append (src, ")\n");
  fstring_position (p, t, expr_start, &line, &col);
  result = parser_run_fstring_parser (p, src->str, src->len, line, col);
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
      parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expressions nested too deeply");
      return FALSE;
    }
  *str += 1;
  expr_start = *str;
  for (; *str < end; (*str)++)
    {
      char ch = **str;
      if (ch == '\\')
        {
          parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string expression part cannot include a backslash");
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
              parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: too many nested parenthesis");
              return FALSE;
            }
          parenstack[nested_depth++] = ch;
        }
      else if (ch == '#')
        {
          parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string expression part cannot include '#'");
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
              parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unmatched '%c'", ch);
              return FALSE;
            }
          opening = parenstack[--nested_depth];
          if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
            {
              parser_raise_last (p, RECLAIM_ERROR_SYNTAX,
                                 "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                                 ch, opening);
              return FALSE;
            }
        }
    }
  expr_end = *str;
  if (quote_char)
    {
      parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unterminated string");
      return FALSE;
    }
  if (nested_depth)
    {
      parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unmatched '%c'", parenstack[nested_depth - 1]);
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
          parser_raise_last (p, RECLAIM_ERROR_SYNTAX,
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
      format_spec = parser_new_node (p, RECLAIM_NODE_JOINED_STR, t, t);
      format_spec->v.joined_str.values = parser_pop_list (p, spec.base);
    }

  if (*str >= end || **str != '}')
    goto unexpected_end_of_string;
  *str += 1;

  if (self_doc && format_spec == NULL && conversion == -1)
    conversion = 'r';

  node = parser_new_node (p, RECLAIM_NODE_FORMATTED_VALUE, st->first, st->last);
  node->v.formatted_value.value = expression;
  node->v.formatted_value.conversion = conversion;
  node->v.formatted_value.format_spec = format_spec;
  fstate_flush (p, st);
  push (p, node);
  return TRUE;

unexpected_end_of_string:
  parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expecting '}'");
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
      parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: unexpected end of string");
      return FALSE;
    }
  if (recurse_lvl != 0 && (*str >= end || **str != '}'))
    {
      parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "f-string: expecting '}'");
      return FALSE;
    }
  return TRUE;
}

/* strings: STRING+ (_PyPegen_concatenate_strings) */
ReclaimNode *
parser_parse_strings (Parser *p)
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
                parser_raise_token (p, t, "bytes can only contain ASCII literal characters");
                goto fail;
              }
        }
      if (i != first_index && bytesmode != s.bytes)
        {
          parser_raise_last (p, RECLAIM_ERROR_SYNTAX, "cannot mix bytes and nonbytes literals");
          goto fail;
        }
      bytesmode = s.bytes;
      if (s.bytes && s.raw)
        g_string_append_len (st.literal, s.body, s.body_len);
      else if (s.bytes)
        {
          if (!decode_escapes (p, t, s.body, s.body_len, TRUE, st.literal))
            goto fail;
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
      else if (!decode_escapes (p, t, s.body, s.body_len, FALSE, st.literal))
        goto fail;
    }

  if (!st.fmode)
    {
      node = str_constant (p, st.first, st.last, st.literal->str, st.literal->len);
      if (bytesmode)
        node->v.constant.kind = RECLAIM_CONST_BYTES;
      parser_drop_list (p, st.base);
    }
  else
    {
      fstate_flush (p, &st);
      node = parser_new_node (p, RECLAIM_NODE_JOINED_STR, st.first, st.last);
      node->v.joined_str.values = parser_pop_list (p, st.base);
    }
  g_string_free (st.literal, TRUE);
  return node;

fail:
  parser_drop_list (p, st.base);
  g_string_free (st.literal, TRUE);
  return NULL;
}
