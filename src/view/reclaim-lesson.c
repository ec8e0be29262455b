/* reclaim-lesson.c: reading a lesson file (see docs/lessons.md).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader walks the file line by line: the header between two "# ---"
 * lines, then cells, each opened by a "# %%" line.  Markdown cells
 * (narration, a predict checkpoint, a task) gather into the step that the
 * next code cell closes.  Every complaint names the line it is about, so
 * that an author finds it at once.
 */
#include "reclaim-lesson.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (reclaim-lesson-error-quark, reclaim_lesson_error)

typedef enum {
  CELL_CODE,
  CELL_MARKDOWN,
} CellType;

/* What a "# %%" line says. */
typedef struct {
  CellType  type;
  gboolean  predict, task, solution;
  char    **show;
  ReclaimPhase phase;
  ReclaimLessonInterpreter interpreter;
} CellHeader;

typedef struct {
  const char    *filename;
  char         **lines;      /* the file's lines; lines[0] is line 1 */
  guint          n_lines;
  ReclaimLesson *lesson;
  GError       **error;
} Reader;

static const char *const phase_names[] = {
  [RECLAIM_PHASE_UPDATE_REFS] = "update_refs",
  [RECLAIM_PHASE_SUBTRACT_REFS] = "subtract_refs",
  [RECLAIM_PHASE_MOVE_UNREACHABLE] = "move_unreachable",
  [RECLAIM_PHASE_HANDLE_WEAKREFS] = "handle_weakrefs",
  [RECLAIM_PHASE_FINALIZE_GARBAGE] = "finalize_garbage",
  [RECLAIM_PHASE_CHECK_GARBAGE] = "check_garbage",
  [RECLAIM_PHASE_DELETE_GARBAGE] = "delete_garbage",
};

gboolean
reclaim_lesson_phase_from_name (const char *name, ReclaimPhase *phase)
{
  if (g_str_equal (name, "resurrection"))
    name = "check_garbage";
  for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
    if (phase_names[i] != NULL && g_str_equal (phase_names[i], name))
      {
        *phase = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean fail (Reader *reader, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Sets the reader's error to "FILE:LINE: MESSAGE"; always FALSE. */
static gboolean
fail (Reader *reader, guint line, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (reader->error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_FORMAT,
               "%s:%u: %s", reader->filename, line, message);
  return FALSE;
}

static gboolean
is_blank (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static gboolean
is_cell_marker (const char *line)
{
  return g_str_has_prefix (line, "# %%");
}

static gboolean
is_comment (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  return *line == '#';
}

/* A comment line's text: without the "#" and the one space after it. */
static const char *
comment_text (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  line++;
  return *line == ' ' ? line + 1 : line;
}

/* ---- the header ---- */

static char **
header_field (ReclaimLesson *lesson, const char *key)
{
  if (g_str_equal (key, "title"))
    return &lesson->title;
  if (g_str_equal (key, "summary"))
    return &lesson->summary;
  if (g_str_equal (key, "assumes"))
    return &lesson->assumes;
  if (g_str_equal (key, "cpython"))
    return &lesson->cpython;
  return NULL;
}

static gboolean
read_header_line (Reader *reader, guint line, char **minutes, guint *minutes_line)
{
  const char *text = comment_text (reader->lines[line - 1]);
  const char *colon = strchr (text, ':');

  if (!is_comment (reader->lines[line - 1]) || colon == NULL)
    return fail (reader, line, "a header line reads \"# key: value\", and \"# ---\" closes "
                 "the header");
  g_autofree char *key = g_strstrip (g_strndup (text, colon - text));
  g_autofree char *value = g_strstrip (g_strdup (colon + 1));
  char **field = g_str_equal (key, "minutes") ? minutes : header_field (reader->lesson, key);
  if (field == NULL)
    return fail (reader, line, "unknown header key \"%s\" (the keys are title, summary, "
                 "assumes, cpython and minutes)", key);
  if (*field != NULL)
    return fail (reader, line, "\"%s\" is given twice", key);
  if (*value == '\0')
    return fail (reader, line, "\"%s\" has no value", key);
  *field = g_steal_pointer (&value);
  if (field == minutes)
    *minutes_line = line;
  return TRUE;
}

static gboolean
check_minutes (Reader *reader, guint line, const char *minutes)
{
  char *end = NULL;
  guint64 value = g_ascii_strtoull (minutes, &end, 10);

  if (end == minutes || *end != '\0' || value == 0 || value > 600)
    return fail (reader, line, "minutes is a whole number from 1 to 600, not \"%s\"", minutes);
  reader->lesson->minutes = value;
  return TRUE;
}

/* Reads "# ---" ... "# ---" from the top; *next is the line after it. */
static gboolean
read_header (Reader *reader, guint *next)
{
  guint line = 1, minutes_line = 0;
  g_autofree char *minutes = NULL;

  while (line <= reader->n_lines && is_blank (reader->lines[line - 1]))
    line++;
  if (line > reader->n_lines || !g_str_equal (g_strchomp (reader->lines[line - 1]), "# ---"))
    return fail (reader, line > reader->n_lines ? 1 : line,
                 "a lesson starts with its header: \"# ---\", \"# title: …\" and the other keys, "
                 "then \"# ---\"");
  guint opened = line++;
  for (; line <= reader->n_lines && !g_str_equal (reader->lines[line - 1], "# ---"); line++)
    if (!read_header_line (reader, line, &minutes, &minutes_line))
      return FALSE;
  if (line > reader->n_lines)
    return fail (reader, opened, "the header opened here is never closed by \"# ---\"");

  const char *required[] = { "title", "summary", "assumes", "cpython" };
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (*header_field (reader->lesson, required[i]) == NULL)
      return fail (reader, opened, "the header has no \"%s\"", required[i]);
  if (minutes == NULL)
    return fail (reader, opened, "the header has no \"minutes\"");
  if (!check_minutes (reader, minutes_line, minutes))
    return FALSE;
  *next = line + 1;
  return TRUE;
}

/* ---- cell markers: "# %% [markdown] predict", "# %% show=\"a, b\"" ---- */

static char **
split_names (const char *list)
{
  g_auto (GStrv) parts = g_strsplit (list, ",", -1);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_ptr_array_add (names, g_strdup (parts[i]));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static gboolean
apply_attribute (Reader *reader, guint line, CellHeader *header, const char *key,
                 const char *value)
{
  if (header->predict || header->task)
    return fail (reader, line, "a checkpoint or a task takes no %s=; put it on the code cell",
                 key);
  if (g_str_equal (key, "show"))
    {
      g_strfreev (header->show);
      header->show = split_names (value);
      if (header->show[0] == NULL)
        return fail (reader, line, "show= names no object");
    }
  else if (g_str_equal (key, "phase"))
    {
      if (!reclaim_lesson_phase_from_name (value, &header->phase))
        return fail (reader, line, "unknown phase \"%s\" (the phases are update_refs, "
                     "subtract_refs, move_unreachable, handle_weakrefs, finalize_garbage, "
                     "check_garbage and delete_garbage)", value);
    }
  else if (g_str_equal (key, "interpreter"))
    {
      if (g_str_equal (value, "show"))
        header->interpreter = RECLAIM_LESSON_INTERPRETER_SHOW;
      else if (g_str_equal (value, "hide"))
        header->interpreter = RECLAIM_LESSON_INTERPRETER_HIDE;
      else
        return fail (reader, line, "interpreter= is \"show\" or \"hide\", not \"%s\"", value);
    }
  else
    return fail (reader, line, "unknown cell attribute \"%s\" (a code cell takes show=, phase= "
                 "and interpreter=)", key);
  return TRUE;
}

static gboolean
apply_word (Reader *reader, guint line, CellHeader *header, const char *word)
{
  gboolean markdown = header->type == CELL_MARKDOWN;

  if (markdown && g_str_equal (word, "predict"))
    header->predict = TRUE;
  else if (markdown && g_str_equal (word, "task"))
    header->task = TRUE;
  else if (!markdown && g_str_equal (word, "solution"))
    header->solution = TRUE;
  else if (markdown)
    return fail (reader, line, "unknown word \"%s\": a markdown cell is plain narration, "
                 "\"predict\" or \"task\"", word);
  else
    return fail (reader, line, "unknown word \"%s\": did you mean \"[markdown] %s\", or "
                 "\"solution\"?", word, word);
  if (header->predict && header->task)
    return fail (reader, line, "a cell is a predict checkpoint or a task, not both");
  return TRUE;
}

/* The words after the cell type: bare words and key="value" pairs. */
static gboolean
read_cell_words (Reader *reader, guint line, const char *p, CellHeader *header)
{
  while (TRUE)
    {
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0' || *p == '\r')
        return TRUE;
      const char *start = p;
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      if (p == start)
        return fail (reader, line, "unexpected \"%c\" in the cell marker", *p);
      g_autofree char *word = g_strndup (start, p - start);
      if (*p != '=')
        {
          if (!apply_word (reader, line, header, word))
            return FALSE;
          continue;
        }
      if (p[1] != '"')
        return fail (reader, line, "the value of %s= goes in double quotes", word);
      const char *value = p + 2, *close = strchr (value, '"');
      if (close == NULL)
        return fail (reader, line, "the value of %s= has no closing quote", word);
      g_autofree char *text = g_strndup (value, close - value);
      if (!apply_attribute (reader, line, header, word, text))
        return FALSE;
      p = close + 1;
    }
}

static gboolean
read_cell_marker (Reader *reader, guint line, CellHeader *header)
{
  const char *p = reader->lines[line - 1] + strlen ("# %%");

  memset (header, 0, sizeof *header);
  while (*p == ' ')
    p++;
  if (*p == '[')
    {
      const char *close = strchr (p, ']');
      if (close == NULL)
        return fail (reader, line, "the cell type has no closing \"]\"");
      g_autofree char *type = g_strndup (p + 1, close - p - 1);
      if (!g_str_equal (type, "markdown") && !g_str_equal (type, "md"))
        return fail (reader, line, "unknown cell type \"[%s]\": a cell is code (\"# %%%%\") "
                     "or \"# %%%% [markdown]\"", type);
      header->type = CELL_MARKDOWN;
      p = close + 1;
    }
  return read_cell_words (reader, line, p, header);
}

/* ---- cells into steps ---- */

static void
step_clear (gpointer data)
{
  ReclaimLessonStep *step = data;

  g_free (step->narration);
  g_free (step->prompt);
  g_strfreev (step->choices);
  if (step->goals)
    g_array_unref (step->goals);
  g_free (step->hint);
  g_free (step->code);
  g_strfreev (step->show);
}

static void
goal_clear (gpointer data)
{
  ReclaimLessonGoal *goal = data;

  g_free (goal->expression);
  g_free (goal->missing);
}

static ReclaimLessonStep *
new_step (Reader *reader)
{
  ReclaimLessonStep step = { .phase = RECLAIM_PHASE_NONE };

  g_array_append_val (reader->lesson->steps, step);
  return &g_array_index (reader->lesson->steps, ReclaimLessonStep,
                         reader->lesson->steps->len - 1);
}

/* The step a cell belongs to: the open one, or a new one when the open
 * step has its code already. */
static ReclaimLessonStep *
open_step (Reader *reader)
{
  GArray *steps = reader->lesson->steps;
  ReclaimLessonStep *last = steps->len ? &g_array_index (steps, ReclaimLessonStep, steps->len - 1)
                                       : NULL;

  return last && last->last_line == 0 ? last : new_step (reader);
}

/* Joins lines [first, last] into text, without leading and trailing blank
 * lines. */
static char *
join_text (GPtrArray *lines)
{
  guint first = 0, end = lines->len;

  while (first < end && is_blank (lines->pdata[first]))
    first++;
  while (end > first && is_blank (lines->pdata[end - 1]))
    end--;
  GString *text = g_string_new (NULL);
  for (guint i = first; i < end; i++)
    g_string_append_printf (text, "%s%s", i > first ? "\n" : "", (char *) lines->pdata[i]);
  return g_string_free (text, FALSE);
}

/* "choices:", "goal:", "missing:", "hint:" inside a checkpoint or task. */
static gboolean
read_directive (Reader *reader, guint line, const CellHeader *header, ReclaimLessonStep *step,
                const char *text, gboolean *taken)
{
  const char *colon = strchr (text, ':');
  *taken = FALSE;
  if (colon == NULL || (!header->predict && !header->task))
    return TRUE;
  g_autofree char *key = g_strndup (text, colon - text);
  g_autofree char *value = g_strstrip (g_strdup (colon + 1));
  gboolean predict_key = g_str_equal (key, "choices");
  gboolean task_key = g_str_equal (key, "goal") || g_str_equal (key, "missing")
                      || g_str_equal (key, "hint");
  if (!predict_key && !task_key)
    return TRUE;
  *taken = TRUE;
  if (predict_key != header->predict)
    return fail (reader, line, "\"%s:\" belongs in a %s cell", key,
                 predict_key ? "[markdown] predict" : "[markdown] task");
  if (*value == '\0')
    return fail (reader, line, "\"%s:\" has nothing after it", key);
  if (predict_key)
    {
      if (step->choices)
        return fail (reader, line, "a checkpoint has one \"choices:\" line");
      step->choices = g_strsplit (value, " | ", -1);
      for (guint i = 0; step->choices[i]; i++)
        g_strstrip (step->choices[i]);
      if (g_strv_length (step->choices) < 2)
        return fail (reader, line, "give two choices or more, separated by \" | \"");
    }
  else if (g_str_equal (key, "goal"))
    {
      ReclaimLessonGoal goal = { g_strdup (value), NULL, line };
      g_array_append_val (step->goals, goal);
    }
  else if (g_str_equal (key, "missing"))
    {
      ReclaimLessonGoal *goal = step->goals->len
        ? &g_array_index (step->goals, ReclaimLessonGoal, step->goals->len - 1) : NULL;
      if (goal == NULL || goal->missing != NULL)
        return fail (reader, line, "\"missing:\" says what a goal lacks: put it right after "
                     "its \"goal:\" line");
      goal->missing = g_steal_pointer (&value);
    }
  else if (step->hint != NULL)
    return fail (reader, line, "a task has one \"hint:\" line");
  else
    step->hint = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
check_markdown_order (Reader *reader, guint line, const CellHeader *header,
                      const ReclaimLessonStep *step)
{
  if (step->prompt != NULL)
    return fail (reader, line, "the %s at line %u has no code cell after it yet; a step has one "
                 "checkpoint or task, then its code", step->task ? "task" : "checkpoint",
                 step->prompt_line);
  if (!header->predict && !header->task && step->narration != NULL)
    return fail (reader, line, "the step already has narration (line %u): a code cell goes "
                 "between two markdown cells", step->narration_line);
  return TRUE;
}

static gboolean
has_attributes (const CellHeader *header)
{
  return header->show || header->phase != RECLAIM_PHASE_NONE
         || header->interpreter != RECLAIM_LESSON_INTERPRETER_DEFAULT;
}

/* A markdown cell with show=, phase= or interpreter= is a step of its own
 * that looks again at the code of the step before it: at another phase of
 * its collection, say. */
static gboolean
open_picture_step (Reader *reader, guint marker, CellHeader *header, ReclaimLessonStep **step)
{
  GArray *steps = reader->lesson->steps;
  ReclaimLessonStep *last = steps->len ? &g_array_index (steps, ReclaimLessonStep, steps->len - 1)
                                       : NULL;

  if (last == NULL || last->last_line == 0)
    return fail (reader, marker, "a markdown cell with show=, phase= or interpreter= looks again "
                 "at the code before it, and there is none");
  guint first = last->first_line, last_line = last->last_line;
  *step = new_step (reader);
  (*step)->first_line = first;
  (*step)->last_line = last_line;
  (*step)->code_line = marker;
  (*step)->show = g_steal_pointer (&header->show);
  (*step)->phase = header->phase;
  (*step)->interpreter = header->interpreter;
  return TRUE;
}

static gboolean
read_markdown_cell (Reader *reader, guint marker, guint end, CellHeader *header)
{
  ReclaimLessonStep *step = NULL;
  g_autoptr (GPtrArray) text = g_ptr_array_new ();

  if (has_attributes (header))
    {
      if (!open_picture_step (reader, marker, header, &step))
        return FALSE;
    }
  else if (!check_markdown_order (reader, marker, header, step = open_step (reader)))
    return FALSE;
  step->predict = header->predict;
  step->task = header->task;
  if (step->task)
    {
      step->goals = g_array_new (FALSE, TRUE, sizeof (ReclaimLessonGoal));
      g_array_set_clear_func (step->goals, goal_clear);
    }
  for (guint line = marker + 1; line < end; line++)
    {
      const char *raw = reader->lines[line - 1];
      gboolean taken;
      if (is_blank (raw))
        {
          g_ptr_array_add (text, (char *) "");
          continue;
        }
      if (!is_comment (raw))
        return fail (reader, line, "a markdown cell holds comments only: start a code cell "
                     "with \"# %%%%\" before this line");
      if (!read_directive (reader, line, header, step, comment_text (raw), &taken))
        return FALSE;
      if (!taken)
        g_ptr_array_add (text, (char *) comment_text (raw));
    }

  char *joined = join_text (text);
  if (!header->predict && !header->task)
    {
      step->narration = joined;
      step->narration_line = marker;
      return TRUE;
    }
  step->prompt = joined;
  step->prompt_line = marker;
  if (*joined == '\0')
    return fail (reader, marker, "the %s asks nothing: write its question under the marker",
                 header->task ? "task" : "checkpoint");
  if (header->task && step->goals->len == 0)
    return fail (reader, marker, "the task has no \"goal:\" line");
  for (guint i = 0; header->task && i < step->goals->len; i++)
    {
      ReclaimLessonGoal *goal = &g_array_index (step->goals, ReclaimLessonGoal, i);
      if (goal->missing == NULL)
        goal->missing = g_strdup_printf ("not yet true: %s", goal->expression);
    }
  return TRUE;
}

static gboolean
read_code_cell (Reader *reader, guint marker, guint end, CellHeader *header)
{
  ReclaimLessonStep *step = open_step (reader);
  guint first = marker + 1, last = end - 1;

  if (step->task && !header->solution)
    return fail (reader, marker, "the task at line %u needs its reference solution: mark this "
                 "cell \"# %%%% solution\"", step->prompt_line);
  if (header->solution && !step->task)
    return fail (reader, marker, "a solution cell comes right after a \"[markdown] task\" cell");
  while (last >= first && (is_blank (reader->lines[last - 1]) || is_comment (reader->lines[last - 1])))
    last--;
  if (last < first)
    return fail (reader, marker, "the code cell has no code");
  if (reader->lines[first - 1][0] == ' ' || reader->lines[first - 1][0] == '\t')
    return fail (reader, first, "a cell's code starts at the left margin");

  GString *code = g_string_new (NULL);
  for (guint line = first; line <= last; line++)
    g_string_append_printf (code, "%s\n", reader->lines[line - 1]);
  step->code = g_string_free (code, FALSE);
  step->code_line = marker;
  step->first_line = first;
  step->last_line = last;
  step->show = g_steal_pointer (&header->show);
  step->phase = header->phase;
  step->interpreter = header->interpreter;
  return TRUE;
}

static gboolean
read_cell (Reader *reader, guint marker, guint end)
{
  CellHeader header;

  if (!read_cell_marker (reader, marker, &header))
    {
      g_strfreev (header.show);
      return FALSE;
    }
  gboolean ok = header.type == CELL_MARKDOWN ? read_markdown_cell (reader, marker, end, &header)
                                             : read_code_cell (reader, marker, end, &header);
  g_strfreev (header.show);
  return ok;
}

static gboolean
read_cells (Reader *reader, guint line)
{
  for (; line <= reader->n_lines && !is_cell_marker (reader->lines[line - 1]); line++)
    if (!is_blank (reader->lines[line - 1]) && !is_comment (reader->lines[line - 1]))
      return fail (reader, line, "code before the first cell: start it with \"# %%%%\"");
  if (line > reader->n_lines)
    return fail (reader, reader->n_lines, "the lesson has no cells");

  while (line <= reader->n_lines)
    {
      guint end = line + 1;
      while (end <= reader->n_lines && !is_cell_marker (reader->lines[end - 1]))
        end++;
      if (!read_cell (reader, line, end))
        return FALSE;
      line = end;
    }

  GArray *steps = reader->lesson->steps;
  ReclaimLessonStep *last = &g_array_index (steps, ReclaimLessonStep, steps->len - 1);
  if (last->prompt != NULL && last->code == NULL)
    return fail (reader, last->prompt_line, "the %s has no code cell after it",
                 last->task ? "task" : "checkpoint");
  return TRUE;
}

ReclaimLesson *
reclaim_lesson_parse (const char *source, const char *filename, GError **error)
{
  g_autoptr (ReclaimLesson) lesson = g_new0 (ReclaimLesson, 1);
  guint line = 1;

  lesson->source = g_strdup (source);
  lesson->filename = g_strdup (filename);
  lesson->steps = g_array_new (FALSE, TRUE, sizeof (ReclaimLessonStep));
  g_array_set_clear_func (lesson->steps, step_clear);

  g_auto (GStrv) lines = g_strsplit (source, "\n", -1);
  Reader reader = { filename, lines, g_strv_length (lines), lesson, error };
  for (guint i = 0; i < reader.n_lines; i++)
    g_strchomp (lines[i]);
  if (reader.n_lines > 0 && *lines[reader.n_lines - 1] == '\0')
    reader.n_lines--;
  if (!g_utf8_validate (source, -1, NULL))
    {
      fail (&reader, 1, "the file is not UTF-8");
      return NULL;
    }
  if (!read_header (&reader, &line) || !read_cells (&reader, line))
    return NULL;
  return g_steal_pointer (&lesson);
}

ReclaimLesson *
reclaim_lesson_load (const char *path, GError **error)
{
  g_autofree char *source = NULL;

  if (!g_file_get_contents (path, &source, NULL, error))
    return NULL;
  return reclaim_lesson_parse (source, path, error);
}

void
reclaim_lesson_free (ReclaimLesson *lesson)
{
  if (lesson == NULL)
    return;
  g_free (lesson->title);
  g_free (lesson->summary);
  g_free (lesson->assumes);
  g_free (lesson->cpython);
  g_free (lesson->source);
  g_free (lesson->filename);
  if (lesson->steps)
    g_array_unref (lesson->steps);
  g_free (lesson);
}

guint
reclaim_lesson_n_steps (const ReclaimLesson *lesson)
{
  return lesson->steps->len;
}

ReclaimLessonStep *
reclaim_lesson_get_step (const ReclaimLesson *lesson, guint index)
{
  g_return_val_if_fail (index < lesson->steps->len, NULL);
  return &g_array_index (lesson->steps, ReclaimLessonStep, index);
}

guint
reclaim_lesson_count_predicts (const ReclaimLesson *lesson)
{
  guint n = 0;

  for (guint i = 0; i < lesson->steps->len; i++)
    n += reclaim_lesson_get_step (lesson, i)->predict;
  return n;
}

guint
reclaim_lesson_count_tasks (const ReclaimLesson *lesson)
{
  guint n = 0;

  for (guint i = 0; i < lesson->steps->len; i++)
    n += reclaim_lesson_get_step (lesson, i)->task;
  return n;
}
