/* reclaim-lesson-run.c: running a lesson's code on the language layer.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a lesson claims is found by running scripts made from it, so
 * that no answer is kept by hand:
 *
 *  - what each step prints: the lesson is run with each code cell's "# %%"
 *    line replaced by a print of a marker.  The line numbers stay those of
 *    the file, and the output splits at the markers.
 *  - whether a task's goals hold: the file up to the task's code, then the
 *    code to try (the reference solution, the user's, or none), then a
 *    print of each goal's truth.
 *  - whether a step's show= expressions name objects: the file up to the
 *    step's last line, then a print of each one's type.
 *
 * Markers start with U+001E (record separator), which no lesson prints.
 */
#include "reclaim-lesson.h"
#include "reclaim-run.h"
#include "reclaim-interp.h"

#include <stdio.h>
#include <string.h>

#define MARKER "\x1e@"

typedef struct {
  GString *out;
  GString *err;
} Capture;

static void
write_out (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (((Capture *) user_data)->out, text, len);
}

static void
write_err (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (((Capture *) user_data)->err, text, len);
}

/* Runs source as python3 would; its exit status, and what it printed. */
static int
run_script (const ReclaimLesson *lesson, const char *source, GString *out, GString *err)
{
  Capture capture = { out, err };
  ReclaimInterpOptions options = {
    .collector = RECLAIM_COLLECTOR_CPYTHON,
    .drop_events = TRUE,
    .write_stdout = write_out,
    .write_stderr = write_err,
    .user_data = &capture,
  };
  g_autofree char *name = g_path_get_basename (lesson->filename);

  reclaim_run_take_turn ();
  ReclaimInterp *interp = reclaim_interp_new (&options);
  int status = reclaim_interp_run (interp, source, -1, name);
  reclaim_interp_free (interp);
  reclaim_run_end_turn ();
  return status;
}

/* The last line of a traceback: "NameError: name 'x' is not defined". */
static char *
last_error_line (const char *errors)
{
  g_auto (GStrv) lines = g_strsplit (errors, "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]))
      return g_strdup (lines[i]);
  return g_strdup ("the code stopped");
}

/* The file's lines 1..last, each ending in a newline. */
static GString *
source_prefix (const ReclaimLesson *lesson, guint last)
{
  g_auto (GStrv) lines = g_strsplit (lesson->source, "\n", -1);
  GString *prefix = g_string_new (NULL);

  for (guint i = 0; lines[i] && i < last; i++)
    g_string_append_printf (prefix, "%s\n", lines[i]);
  return prefix;
}

char *
reclaim_lesson_source_through (const ReclaimLesson *lesson, guint last)
{
  return g_string_free (source_prefix (lesson, last), FALSE);
}

/* ---- what each step prints ---- */

static char *
marked_source (const ReclaimLesson *lesson)
{
  g_auto (GStrv) lines = g_strsplit (lesson->source, "\n", -1);
  guint n_lines = g_strv_length (lines);

  for (guint i = 0; i < lesson->steps->len; i++)
    {
      const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, i);
      if (step->code == NULL || step->code_line > n_lines)
        continue;
      g_free (lines[step->code_line - 1]);
      lines[step->code_line - 1] = g_strdup_printf ("print(\"\\x1e@step %u\")", i);
    }
  return g_strjoinv ("\n", lines);
}

/* Splits the marked run's output into the steps' outputs; what comes
 * before a marker belongs to the step before it.  The output without the
 * markers goes to plain. */
static char **
split_step_output (const ReclaimLesson *lesson, const char *marked, GString *plain)
{
  char **outputs = g_new0 (char *, lesson->steps->len + 1);
  guint current = 0;
  GString *text = g_string_new (NULL);

  for (const char *p = marked; *p;)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p + 1) : strlen (p);
      guint index;
      if (g_str_has_prefix (p, MARKER "step ") && sscanf (p + strlen (MARKER "step "), "%u", &index) == 1
          && index < lesson->steps->len)
        {
          /* what ran before the first step's marker is no step's */
          g_free (outputs[current]);
          outputs[current] = g_string_free (text, FALSE);
          text = g_string_new (NULL);
          current = index;
        }
      else
        {
          g_string_append_len (text, p, len);
          g_string_append_len (plain, p, len);
        }
      p += len;
    }
  g_free (outputs[current]);
  outputs[current] = g_string_free (text, FALSE);
  for (guint i = 0; i < lesson->steps->len; i++)
    if (outputs[i] == NULL)
      outputs[i] = g_strdup ("");
  return outputs;
}

ReclaimLessonRun *
reclaim_lesson_run (const ReclaimLesson *lesson, GError **error)
{
  g_autoptr (ReclaimLessonRun) run = g_new0 (ReclaimLessonRun, 1);
  g_autoptr (GString) out = g_string_new (NULL), err = g_string_new (NULL);
  g_autoptr (GString) marked_out = g_string_new (NULL), marked_err = g_string_new (NULL);
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *marked = marked_source (lesson);

  run->status = run_script (lesson, lesson->source, out, err);
  run_script (lesson, marked, marked_out, marked_err);
  run->step_output = split_step_output (lesson, marked_out->str, plain);
  run->output = g_strdup (out->str);
  run->errors = g_strdup (err->str);
  if (!g_str_equal (plain->str, out->str))
    {
      g_set_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_RUN,
                   "%s: the output differs when it is split into steps; does a cell end "
                   "inside a block that the next cell continues?", lesson->filename);
      return NULL;
    }
  return g_steal_pointer (&run);
}

void
reclaim_lesson_run_free (ReclaimLessonRun *run)
{
  if (run == NULL)
    return;
  g_free (run->output);
  g_free (run->errors);
  g_strfreev (run->step_output);
  g_free (run);
}

char *
reclaim_lesson_answer (const ReclaimLessonRun *run, guint step)
{
  return g_strstrip (g_strdup (run->step_output[step]));
}

/* Blanks around and runs of blanks as one space. */
static char *
normalize_blanks (const char *text)
{
  GString *result = g_string_new (NULL);
  gboolean blank = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          blank = TRUE;
          continue;
        }
      if (blank && result->len > 0)
        g_string_append_c (result, ' ');
      blank = FALSE;
      g_string_append_c (result, *p);
    }
  return g_string_free (result, FALSE);
}

gboolean
reclaim_lesson_answer_matches (const char *expected, const char *given)
{
  g_autofree char *a = normalize_blanks (expected);
  g_autofree char *b = normalize_blanks (given);

  return g_str_equal (a, b);
}

/* ---- probes: expressions evaluated after a prefix of the lesson ---- */

/* Appends code that prints "MARKER probe I RESULT" for each expression:
 * RESULT is what `format` makes of it ("bool(%s)"), or "error" and the
 * exception's type. */
static void
append_probes (GString *script, const char *const *expressions, guint n, const char *format)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf (format, expressions[i]);
      g_string_append_printf (script,
                              "\ntry:\n"
                              "    print(\"\\x1e@probe %u\", %s)\n"
                              "except Exception as reclaim_probe_error:\n"
                              "    print(\"\\x1e@probe %u error\", "
                              "type(reclaim_probe_error).__name__)\n",
                              i, value, i);
    }
}

/* What probe i printed ("True", "error NameError"), or NULL. */
static char *
probe_result (const char *output, guint i)
{
  g_autofree char *prefix = g_strdup_printf ("\n" MARKER "probe %u ", i);
  g_autofree char *text = g_strconcat ("\n", output, NULL);
  const char *found = strstr (text, prefix);

  if (found == NULL)
    return NULL;
  found += strlen (prefix);
  return g_strndup (found, strcspn (found, "\n"));
}

/* Runs script; on an error before the probes answer, FALSE with the
 * error's last line in *problem. */
static gboolean
run_probes (const ReclaimLesson *lesson, const char *script, GString *out, char **problem)
{
  g_autoptr (GString) err = g_string_new (NULL);
  int status = run_script (lesson, script, out, err);

  if (status != 0)
    {
      *problem = last_error_line (err->str);
      return FALSE;
    }
  return TRUE;
}

static char **
one_message (char *message)
{
  char **messages = g_new0 (char *, 2);

  messages[0] = message;
  return messages;
}

gboolean
reclaim_lesson_check_task (const ReclaimLesson *lesson, guint step_index, const char *code,
                           char ***missing)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, step_index);
  g_autoptr (GString) script = source_prefix (lesson, step->code_line - 1);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) expressions = g_ptr_array_new ();
  g_autoptr (GPtrArray) messages = g_ptr_array_new ();
  char *problem = NULL;

  g_return_val_if_fail (step->task, FALSE);
  if (code != NULL)
    g_string_append_printf (script, "%s\n", code);
  for (guint i = 0; i < step->goals->len; i++)
    g_ptr_array_add (expressions, g_array_index (step->goals, ReclaimLessonGoal, i).expression);
  append_probes (script, (const char *const *) expressions->pdata, expressions->len, "bool(%s)");
  if (!run_probes (lesson, script->str, out, &problem))
    {
      *missing = one_message (problem);
      return FALSE;
    }
  for (guint i = 0; i < step->goals->len; i++)
    {
      const ReclaimLessonGoal *goal = &g_array_index (step->goals, ReclaimLessonGoal, i);
      g_autofree char *result = probe_result (out->str, i);
      if (result != NULL && g_str_equal (result, "True"))
        continue;
      if (result != NULL && g_str_has_prefix (result, "error "))
        g_ptr_array_add (messages, g_strdup_printf ("%s (the goal raised %s)", goal->missing,
                                                    result + strlen ("error ")));
      else
        g_ptr_array_add (messages, g_strdup (goal->missing));
    }
  g_ptr_array_add (messages, NULL);
  *missing = (char **) g_ptr_array_steal (messages, NULL);
  return (*missing)[0] == NULL;
}

gboolean
reclaim_lesson_check_show (const ReclaimLesson *lesson, guint step_index, char **problem)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, step_index);
  g_autoptr (GString) out = g_string_new (NULL);

  *problem = NULL;
  if (step->show == NULL)
    return TRUE;
  g_autoptr (GString) script = source_prefix (lesson, step->last_line);
  guint n = g_strv_length (step->show);
  append_probes (script, (const char *const *) step->show, n, "type(%s).__name__");
  if (!run_probes (lesson, script->str, out, problem))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *result = probe_result (out->str, i);
      if (result == NULL || g_str_has_prefix (result, "error "))
        {
          *problem = g_strdup_printf ("%s:%u: show=\"%s\" does not name an object after the "
                                      "step (%s)", lesson->filename, step->code_line,
                                      step->show[i], result ? result + strlen ("error ")
                                                            : "no answer");
          return FALSE;
        }
    }
  return TRUE;
}
