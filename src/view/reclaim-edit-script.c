/* reclaim-edit-script.c: the script's text, as the edits read and write it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here parses Python.  The edits only need the script's layout:
 * which lines begin statements at the top level, and where strings,
 * brackets and backslashes carry a statement on to the next line.  A
 * script the parser would refuse still gets its edit, and python3 says
 * what is wrong with it, as it would have anyway.
 */
#include "reclaim-edit-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POSITIONS_HEADER "# reclaim: positions"

/* What the __del__ written by give_finalizer does: python3 and Reclaim
 * print it alike, and it names the class of what is finalized. */
#define FINALIZER_BODY "print('__del__', type(self).__name__)"

/* ---- Python's words -------------------------------------------------------- */

static const char *const python_keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield", NULL
};

gboolean
edit_is_python_name (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = c == '_' || g_unichar_isalpha (c);
      if (!(letter || (p > text && (g_unichar_isdigit (c) || g_unichar_ismark (c)))))
        return FALSE;
    }
  return !edit_is_keyword (text);
}

gboolean
edit_is_keyword (const char *text)
{
  return g_strv_contains (python_keywords, text);
}

gboolean
edit_is_dunder (const char *name)
{
  return strlen (name) > 4 && g_str_has_prefix (name, "__") && g_str_has_suffix (name, "__");
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* Every word of text, strings and comments included: a name that only
 * appears in a comment is not worth the confusion of reusing it. */
void
edit_note_words (GHashTable *taken, const char *text)
{
  const char *p = text;

  while (*p)
    {
      if (!is_word_byte (*p))
        {
          p++;
          continue;
        }
      const char *start = p;
      while (is_word_byte (*p))
        p++;
      if (!g_ascii_isdigit (*start))
        g_hash_table_add (taken, g_strndup (start, p - start));
    }
}

/* ---- the script's lines ---------------------------------------------------- */

typedef struct {
  gsize    start;      /* offset of the line's first byte */
  gsize    end;        /* offset after its newline (or the end of the text) */
  guint    indent;     /* bytes of leading white space */
  gboolean continues;  /* inside a statement begun earlier: an open string, bracket or backslash */
  gboolean empty;      /* begins no statement: blank, or only a comment */
} SourceLine;

/* The state a line leaves for the next one. */
typedef struct {
  char     quote;      /* the open string's quote, or 0 */
  gboolean triple;
  gboolean escaped_newline;
  guint    depth;      /* open brackets */
  gboolean backslash;  /* the line ended in a continuation backslash */
} LineState;

static void
scan_string_byte (const char *text, gsize *i, LineState *state)
{
  char c = text[*i];

  if (c == '\\' && text[*i + 1] == '\n')
    state->escaped_newline = TRUE;
  else if (c == '\\' && text[*i + 1] != '\0')
    (*i)++;
  else if (c == state->quote && !state->triple)
    state->quote = 0;
  else if (c == state->quote && text[*i + 1] == c && text[*i + 2] == c)
    {
      *i += 2;
      state->quote = 0;
    }
}

/* Scans one line from text[*i]; returns whether it holds code. */
static gboolean
scan_line (const char *text, gsize *i, LineState *state)
{
  gboolean code = FALSE;

  state->backslash = FALSE;
  state->escaped_newline = FALSE;
  for (; text[*i] != '\0' && text[*i] != '\n'; (*i)++)
    {
      char c = text[*i];
      if (state->quote)
        {
          scan_string_byte (text, i, state);
          continue;
        }
      if (c == '#')
        {
          *i += strcspn (text + *i, "\n") - 1;
          continue;
        }
      if (!g_ascii_isspace (c))
        code = TRUE;
      if (c == '\\' && text[*i + 1] == '\n')
        state->backslash = TRUE;
      else if (c == '\'' || c == '"')
        {
          state->quote = c;
          state->triple = text[*i + 1] == c && text[*i + 2] == c;
          *i += state->triple ? 2 : 0;
        }
      else if (strchr ("([{", c))
        state->depth++;
      else if (strchr (")]}", c) && state->depth > 0)
        state->depth--;
    }
  /* a string left open without a backslash ends with its line, as a
   * syntax error does */
  if (state->quote && !state->triple && !state->escaped_newline)
    state->quote = 0;
  return code;
}

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (SourceLine));
  LineState state = { 0 };
  gsize i = 0;

  while (text[i] != '\0')
    {
      SourceLine line = { .start = i };
      line.continues = state.quote != 0 || state.depth > 0 || state.backslash;
      line.indent = strspn (text + i, " \t\f");
      gboolean code = scan_line (text, &i, &state);
      line.empty = !line.continues && !code;
      line.end = text[i] == '\n' ? i + 1 : i;
      i = line.end;
      g_array_append_val (lines, line);
    }
  return lines;
}

#define LINE(lines, k) (&g_array_index ((lines), SourceLine, (k)))

/* The index after the last line of the statement that begins at line k. */
static guint
statement_end (GArray *lines, guint k)
{
  for (k++; k < lines->len && LINE (lines, k)->continues; k++)
    ;
  return k;
}

/* Whether line k begins a top-level statement whose text starts with word
 * (followed by a byte from after, or by white space). */
static gboolean
begins_with (const char *text, GArray *lines, guint k, const char *word, const char *after)
{
  const SourceLine *line = LINE (lines, k);
  const char *p = text + line->start + line->indent;
  gsize len = strlen (word);

  if (line->continues || line->empty || strncmp (p, word, len) != 0)
    return FALSE;
  return p[len] == ' ' || p[len] == '\t' || (p[len] != '\0' && strchr (after, p[len]));
}

/* A string literal beginning a statement: a docstring when it is first. */
static gboolean
begins_with_string (const char *text, const SourceLine *line)
{
  const char *p = text + line->start + line->indent;

  p += strspn (p, "rRuUbBfF");
  return !line->continues && !line->empty && (*p == '\'' || *p == '"') &&
         p - (text + line->start + line->indent) <= 2;
}

static gboolean
is_blank_line (const char *text, const SourceLine *line)
{
  return line->empty && text[line->start + line->indent] != '#';
}

/* The opening of a script: comments, a docstring, then its imports. */
typedef struct {
  gsize    header_end;   /* after the leading comments and docstring */
  gsize    imports_end;  /* after the last leading import; 0: none */
  gsize    end;          /* after all of it and the blank lines that follow */
} Prelude;

static Prelude
find_prelude (const char *text, GArray *lines)
{
  Prelude prelude = { 0 };
  guint k = 0, last = 0;

  for (; k < lines->len && LINE (lines, k)->empty; k++)
    if (!is_blank_line (text, LINE (lines, k)))
      last = k + 1;
  if (k < lines->len && begins_with_string (text, LINE (lines, k)))
    last = k = statement_end (lines, k);
  prelude.header_end = last > 0 ? LINE (lines, last - 1)->end : 0;
  while (k < lines->len)
    {
      if (LINE (lines, k)->empty)
        {
          k++;
          continue;
        }
      if (!begins_with (text, lines, k, "import", "") && !begins_with (text, lines, k, "from", ""))
        break;
      last = k = statement_end (lines, k);
      prelude.imports_end = LINE (lines, k - 1)->end;
    }
  for (k = last; k < lines->len && is_blank_line (text, LINE (lines, k)); k++)
    ;
  prelude.end = k > 0 ? LINE (lines, k - 1)->end : 0;
  return prelude;
}

/* Inserts whole lines at offset, which is a line start or the end. */
static void
insert_lines (GString *script, gsize offset, const char *lines)
{
  if (offset > 0 && script->str[offset - 1] != '\n')
    g_string_insert_c (script, offset++, '\n');
  g_string_insert (script, offset, lines);
}

/* Whether line k begins a statement of the top level: not a line of a
 * block, nor the else, elif, except or finally that goes on one. */
static gboolean
begins_top_level_statement (const char *text, GArray *lines, guint k)
{
  static const char *const clauses[] = { "else", "elif", "except", "finally" };
  const SourceLine *line = LINE (lines, k);

  if (line->indent > 0 || line->continues || line->empty)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    if (begins_with (text, lines, k, clauses[i], ":("))
      return FALSE;
  return TRUE;
}

/* The index after the last line of the top-level statement that begins at
 * line k (a decorator's goes on to its def), blank lines and comments
 * after it not counted. */
static guint
top_level_statement_end (const char *text, GArray *lines, guint k)
{
  guint end;

  for (;;)
    {
      end = statement_end (lines, k);
      while (end < lines->len && !begins_top_level_statement (text, lines, end))
        end++;
      if (text[LINE (lines, k)->start] != '@' || end >= lines->len)
        break;
      k = end;
    }
  while (end > k + 1 && LINE (lines, end - 1)->empty)
    end--;
  return end;
}

gboolean
reclaim_edit_find_top_level_statement (const char *source, guint line, guint *first, guint *last)
{
  g_autoptr (GArray) lines = split_lines (source);
  guint k = line - 1;

  if (line == 0 || k >= lines->len)
    return FALSE;
  while (k > 0 && !begins_top_level_statement (source, lines, k))
    k--;
  if (!begins_top_level_statement (source, lines, k))
    return FALSE;
  /* a def under its decorators belongs to the first of them */
  while (k > 0 && source[LINE (lines, k - 1)->start] == '@' && begins_top_level_statement (source, lines, k - 1))
    k--;
  guint end = top_level_statement_end (source, lines, k);
  if (line - 1 >= end)
    return FALSE;
  *first = k + 1;
  *last = end;
  return TRUE;
}

/* Where a statement goes: after the top-level statement on line
 * after_line, before the first one for 0, at the end for G_MAXUINT. */
static gsize
statement_offset (const char *text, guint after_line)
{
  g_autoptr (GArray) lines = split_lines (text);
  guint first, last;

  if (after_line == 0)
    {
      Prelude prelude = find_prelude (text, lines);
      /* after a docstring, which must stay first */
      for (guint k = 0; k < lines->len; k++)
        if (begins_top_level_statement (text, lines, k) && LINE (lines, k)->start >= prelude.header_end)
          return LINE (lines, k)->start;
      return strlen (text);
    }
  if (after_line == G_MAXUINT || !reclaim_edit_find_top_level_statement (text, after_line, &first, &last))
    return strlen (text);
  return LINE (lines, last - 1)->end;
}

static guint
count_lines_before (const char *text, gsize offset)
{
  guint n = 1;

  for (gsize i = 0; i < offset; i++)
    n += text[i] == '\n';
  return n;
}

guint
edit_insert_statement (GString *script, const char *statement, guint after_line)
{
  gsize offset = statement_offset (script->str, after_line);
  g_autofree char *line = g_strconcat (statement, "\n", NULL);

  /* insert_lines ends an unfinished last line first */
  gboolean ends_line = offset > 0 && script->str[offset - 1] != '\n';

  insert_lines (script, offset, line);
  return count_lines_before (script->str, offset + (ends_line ? 1 : 0));
}

guint
edit_count_lines (const char *text)
{
  return count_lines_before (text, strlen (text));
}

/* "import a, b as c" binds a but not b. */
static gboolean
imports_module (const char *text, const SourceLine *line, const char *module)
{
  const char *p = text + line->start + line->indent + strlen ("import");
  g_autofree char *names = g_strndup (p, strcspn (p, "#;\n\\"));
  g_auto (GStrv) parts = g_strsplit (names, ",", -1);

  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (g_strstrip (parts[i]), module))
      return TRUE;
  return FALSE;
}

/* Where the script first uses `module.`: an import after that binds the
 * name too late for it (an edit made at an earlier step writes its use
 * above the script's own import). */
static gsize
first_use (const char *text, const char *module)
{
  g_autofree char *use = g_strconcat (module, ".", NULL);

  for (const char *p = strstr (text, use); p != NULL; p = strstr (p + 1, use))
    if (p == text || !is_word_byte (p[-1]))
      return p - text;
  return strlen (text);
}

/* Adds "import module" among the script's imports, unless a top-level
 * import before its first use already binds it. */
void
edit_ensure_import (GString *script, const char *module)
{
  g_autoptr (GArray) lines = split_lines (script->str);
  gsize used = first_use (script->str, module);

  for (guint k = 0; k < lines->len && LINE (lines, k)->start < used; k++)
    if (LINE (lines, k)->indent == 0 && begins_with (script->str, lines, k, "import", "") &&
        imports_module (script->str, LINE (lines, k), module))
      return;

  Prelude prelude = find_prelude (script->str, lines);
  g_autofree char *statement = NULL;
  if (prelude.imports_end > 0)
    statement = g_strdup_printf ("import %s\n", module);
  else
    {
      /* a group of its own, set apart by blank lines from what is around */
      gsize at = prelude.header_end;
      char next = script->str[at + strspn (script->str + at, " \t\f")];
      gboolean code_follows = next != '\n' && next != '\0';
      statement = g_strdup_printf ("%simport %s\n%s", at > 0 ? "\n" : "", module, code_follows ? "\n" : "");
    }
  insert_lines (script, prelude.imports_end > 0 ? prelude.imports_end : prelude.header_end, statement);
}

/* ---- classes in the script -------------------------------------------------- */

typedef struct {
  guint header;       /* the line "class Name..." */
  guint body;         /* the first line after the header statement */
  guint end;          /* the index after the body's last line */
  guint first;        /* the body's first statement, or end: the body is on the header line */
} ClassLines;

/* The last top-level "class name" statement: the one alive at the end. */
static gboolean
find_class (const char *text, GArray *lines, const char *name, ClassLines *found)
{
  g_autofree char *header = g_strdup_printf ("class %s", name);
  gboolean any = FALSE;

  for (guint k = 0; k < lines->len; k++)
    {
      const SourceLine *line = LINE (lines, k);
      if (line->indent > 0 || !begins_with (text, lines, k, header, ":("))
        continue;
      any = TRUE;
      found->header = k;
      found->body = statement_end (lines, k);
      found->first = G_MAXUINT;
      for (found->end = found->body; found->end < lines->len; found->end++)
        {
          const SourceLine *next = LINE (lines, found->end);
          if (next->continues || next->empty)
            continue;
          if (next->indent == 0)
            break;
          if (found->first == G_MAXUINT)
            found->first = found->end;
        }
      if (found->first == G_MAXUINT)
        found->first = found->end;
    }
  return any;
}

/* The class body's statements that begin with word, at the body's indent. */
static guint
find_in_body (const char *text, GArray *lines, const ClassLines *cls, const char *word, const char *after)
{
  if (cls->first == cls->end)
    return G_MAXUINT;
  guint indent = LINE (lines, cls->first)->indent;
  for (guint k = cls->first; k < cls->end; k++)
    if (LINE (lines, k)->indent == indent && begins_with (text, lines, k, word, after))
      return k;
  return G_MAXUINT;
}

/* Whether Name() works: no __init__, or one whose parameters after self
 * all have defaults. */
static gboolean
class_takes_no_arguments (const char *text, GArray *lines, const ClassLines *cls)
{
  guint k = find_in_body (text, lines, cls, "def __init__", "(");
  if (k == G_MAXUINT)
    return TRUE;

  const SourceLine *first = LINE (lines, k), *last = LINE (lines, statement_end (lines, k) - 1);
  g_autofree char *def = g_strndup (text + first->start, last->end - first->start);
  char *open = strchr (def, '('), *close = open ? strchr (open, ')') : NULL;
  if (open == NULL || close == NULL)
    return FALSE;
  *close = '\0';
  g_auto (GStrv) params = g_strsplit (open + 1, ",", -1);
  for (guint i = 1; params[i]; i++)
    {
      const char *param = g_strstrip (params[i]);
      if (*param != '\0' && *param != '*' && *param != '/' && !strchr (param, '='))
        return FALSE;
    }
  return TRUE;
}


EditClassUse
edit_find_class_use (const char *script, const char *name)
{
  g_autoptr (GArray) lines = split_lines (script);
  ClassLines cls;

  if (!find_class (script, lines, name, &cls))
    return EDIT_CLASS_MISSING;
  return class_takes_no_arguments (script, lines, &cls) ? EDIT_CLASS_CALLABLE : EDIT_CLASS_NEEDS_ARGUMENTS;
}

void
edit_insert_class_definition (GString *script, const char *name)
{
  g_autoptr (GArray) lines = split_lines (script->str);
  Prelude prelude = find_prelude (script->str, lines);
  gsize at = prelude.end;
  gboolean after_blank = at == 0;

  for (guint k = 0; k < lines->len; k++)
    if (LINE (lines, k)->end == at)
      after_blank = is_blank_line (script->str, LINE (lines, k));
  g_autofree char *definition = g_strdup_printf ("%sclass %s:\n    pass\n\n", after_blank ? "" : "\n", name);
  insert_lines (script, at, definition);
}
static gsize
body_insertion_point (const char *text, GArray *lines, const ClassLines *cls)
{
  if (begins_with_string (text, LINE (lines, cls->first)))
    return LINE (lines, statement_end (lines, cls->first) - 1)->end;
  return LINE (lines, cls->body - 1)->end;
}

/* "class Node: pass" → the header alone, the def, then what followed the colon. */
static char *
split_one_line_class (const char *header)
{
  guint depth = 0;

  for (const char *p = header; *p && *p != '\n'; p++)
    {
      if (strchr ("([{", *p))
        depth++;
      else if (strchr (")]}", *p) && depth > 0)
        depth--;
      else if (*p == ':' && depth == 0)
        {
          g_autofree char *rest = g_strstrip (g_strndup (p + 1, strcspn (p + 1, "\n")));
          return g_strdup_printf ("%.*s\n    def __del__(self):\n        " FINALIZER_BODY "\n    %s\n",
                                  (int) (p + 1 - header), header, rest);
        }
    }
  return NULL;
}

/* The def goes in as the body's first statement, at its indentation. */
static char *
insert_finalizer (const char *script, GArray *lines, const ClassLines *cls)
{
  const SourceLine *first = LINE (lines, cls->first);
  g_autofree char *indent = g_strndup (script + first->start, first->indent);
  g_autofree char *def = g_strdup_printf ("%sdef __del__(self):\n%s%s" FINALIZER_BODY "\n",
                                          indent, indent, indent);
  GString *edited = g_string_new (script);

  insert_lines (edited, body_insertion_point (script, lines, cls), def);
  return g_string_free (edited, FALSE);
}

char *
edit_write_finalizer (const char *script, const char *name, GError **error)
{
  g_autoptr (GArray) lines = split_lines (script);
  ClassLines found;

  if (!find_class (script, lines, name, &found))
    {
      /* TRANSLATORS: %s is a Python class name; “class %s” is the Python statement */
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                   _("The script has no “class %s” statement at its top level to write a __del__ into."), name);
      return NULL;
    }
  if (find_in_body (script, lines, &found, "def __del__", "(") != G_MAXUINT ||
      find_in_body (script, lines, &found, "__del__", "=") != G_MAXUINT)
    {
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED, _("%s already has a __del__."), name);
      return NULL;
    }
  if (found.first < found.end)
    return insert_finalizer (script, lines, &found);

  const SourceLine *header = LINE (lines, found.header);
  g_autofree char *split = split_one_line_class (script + header->start);
  if (split == NULL)
    {
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                   _("The “class %s” statement has no body to write a __del__ into."), name);
      return NULL;
    }
  GString *edited = g_string_new (script);
  g_string_erase (edited, header->start, header->end - header->start);
  g_string_insert (edited, header->start, split);
  return g_string_free (edited, FALSE);
}

/* ---- card positions ----------------------------------------------------------- */

GHashTable *
reclaim_edit_positions_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* "# n1.next 300 40": the name may hold spaces (d['a b']), the numbers not. */
static void
parse_position (const char *line, GHashTable *positions)
{
  if (!g_str_has_prefix (line, "# "))
    return;
  g_autofree char *body = g_strstrip (g_strdup (line + 2));
  char *y_text = strrchr (body, ' ');
  if (y_text == NULL)
    return;
  *y_text++ = '\0';
  char *x_text = strrchr (body, ' ');
  if (x_text == NULL)
    return;
  *x_text++ = '\0';
  g_strchomp (body);

  char *end_x, *end_y;
  double x = g_ascii_strtod (x_text, &end_x), y = g_ascii_strtod (y_text, &end_y);
  if (*body == '\0' || *x_text == '\0' || *end_x != '\0' || *y_text == '\0' || *end_y != '\0' ||
      !isfinite (x) || !isfinite (y))
    return;
  ReclaimEditPoint *point = g_new (ReclaimEditPoint, 1);
  point->x = x;
  point->y = y;
  g_hash_table_replace (positions, g_strdup (body), point);
}

char *
reclaim_edit_split_positions (const char *text, GHashTable *positions)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* the last header line that starts a line is the block's */
  const char *header = NULL;
  for (const char *p = strstr (text, POSITIONS_HEADER); p; p = strstr (p + 1, POSITIONS_HEADER))
    if ((p == text || p[-1] == '\n') && (p[strlen (POSITIONS_HEADER)] == '\n' || p[strlen (POSITIONS_HEADER)] == '\0'))
      header = p;
  if (header == NULL)
    return g_strdup (text);

  /* the block is the comment lines after the header; code after it, put
   * there by hand, stays in the script */
  const char *p = header + strcspn (header, "\n");
  while (*p == '\n' && p[1] == '#')
    {
      const char *line = p + 1;
      p = line + strcspn (line, "\n");
      g_autofree char *copy = g_strndup (line, p - line);
      if (positions)
        parse_position (copy, positions);
    }
  if (*p == '\n')
    p++;

  GString *script = g_string_new_len (text, header - text);
  /* join() set the block apart with one blank line */
  if (g_str_has_suffix (script->str, "\n\n"))
    g_string_truncate (script, script->len - 1);
  g_string_append (script, p);
  return g_string_free (script, FALSE);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
reclaim_edit_join_positions (const char *source, GHashTable *positions)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (positions == NULL || g_hash_table_size (positions) == 0)
    return g_strdup (source);

  guint n = 0;
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (positions, &n);
  qsort (names, n, sizeof (gpointer), compare_names);

  GString *text = g_string_new (source);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, POSITIONS_HEADER "\n");
  for (guint i = 0; i < n; i++)
    {
      const ReclaimEditPoint *point = g_hash_table_lookup (positions, names[i]);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      if (strchr (names[i], '\n'))
        continue;
      g_ascii_formatd (x, sizeof x, "%.8g", point->x);
      g_ascii_formatd (y, sizeof y, "%.8g", point->y);
      g_string_append_printf (text, "# %s %s %s\n", (const char *) names[i], x, y);
    }
  return g_string_free (text, FALSE);
}
