/* reclaim-cli-lesson.c: "reclaim-cli lesson list|check|export".
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * list shows the built-in lessons and the user's own; check runs lessons
 * and confirms everything they claim: the output python3 printed for them,
 * each checkpoint's answer, each task's goals (false before, true with the
 * reference solution), each step's objects and collector phase.  export
 * (reclaim-cli-lesson-export.c) writes a handout.
 */
#include "reclaim-cli.h"
#include "reclaim-cli-lesson.h"
#include "reclaim-lesson.h"

#include <string.h>

#define EXIT_PROBLEMS 1

static int
usage_error (const char *message)
{
  reclaim_cli_error ("%s (see \"reclaim-cli lesson --help\")", message);
  return RECLAIM_CLI_EXIT_USAGE;
}

/* ---- list ---- */

static void
list_dir (const char *dir, const char *heading)
{
  g_autoptr (GPtrArray) paths = reclaim_lesson_list_dir (dir);

  if (paths->len == 0)
    return;
  printf ("%s (%s):\n", heading, dir);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (paths->pdata[i], &error);
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      name[strlen (name) - strlen (".py")] = '\0';
      if (lesson == NULL)
        {
          printf ("  %s  (broken: %s)\n", name, error->message);
          continue;
        }
      printf ("  %-42s %3u min %3u steps\n      %s: %s\n", name, lesson->minutes,
              reclaim_lesson_n_steps (lesson), lesson->title, lesson->summary);
    }
}

static int
run_list (int argc, char **argv)
{
  if (argc != 1)
    return usage_error ("lesson list takes no argument");
  g_autofree char *own = reclaim_lesson_user_dir ();
  list_dir (reclaim_lesson_builtin_dir (), "Built-in lessons");
  list_dir (own, "Your lessons");
  return RECLAIM_CLI_EXIT_OK;
}

/* ---- check ---- */

static guint
problem (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Says what is wrong; always 1, to count problems. */
static guint
problem (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("  %s\n", message);
  return 1;
}

/* The first line where two outputs differ, as a problem. */
static guint
compare_output (const char *path, const char *reclaim, const char *python)
{
  g_auto (GStrv) ours = g_strsplit (reclaim, "\n", -1);
  g_auto (GStrv) theirs = g_strsplit (python, "\n", -1);

  for (guint i = 0; ours[i] || theirs[i]; i++)
    if (ours[i] == NULL || theirs[i] == NULL || !g_str_equal (ours[i], theirs[i]))
      return problem ("line %u of the output: Reclaim prints \"%s\", python3 printed \"%s\" "
                      "(stored in %s)", i + 1, ours[i] ? ours[i] : "(nothing)",
                      theirs[i] ? theirs[i] : "(nothing)", path);
  return 0;
}

/* NAME.out beside NAME.py. */
char *
reclaim_cli_lesson_output_path (const char *path)
{
  g_autofree char *stem = g_str_has_suffix (path, ".py") ? g_strndup (path, strlen (path) - 3)
                                                         : g_strdup (path);
  return g_strconcat (stem, ".out", NULL);
}

static guint
check_output (const ReclaimLesson *lesson, const ReclaimLessonRun *run)
{
  g_autofree char *out_path = reclaim_cli_lesson_output_path (lesson->filename);
  g_autofree char *stored = NULL;

  if (run->status != 0 || *run->errors)
    return problem ("the code exits with status %d or writes to stderr: %s", run->status,
                    run->errors);
  if (!g_file_get_contents (out_path, &stored, NULL, NULL))
    return problem ("no stored python3 output: run \"python3 %s > %s\"", lesson->filename, out_path);
  return compare_output (out_path, run->output, stored);
}

static guint
check_predict (const ReclaimLesson *lesson, const ReclaimLessonRun *run, guint index)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, index);
  g_autofree char *answer = reclaim_lesson_answer (run, index);
  guint matching = 0;

  if (*answer == '\0')
    return problem ("%s:%u: the checkpoint's code prints nothing to predict", lesson->filename,
                    step->prompt_line);
  if (step->choices == NULL)
    return 0;
  for (guint i = 0; step->choices[i]; i++)
    matching += reclaim_lesson_answer_matches (answer, step->choices[i]);
  if (matching != 1)
    return problem ("%s:%u: the code prints \"%s\", which %s of the choices", lesson->filename,
                    step->prompt_line, answer, matching ? "is more than one" : "is none");
  return 0;
}

static guint
check_task (const ReclaimLesson *lesson, guint index)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, index);
  g_auto (GStrv) before = NULL, after = NULL;

  if (reclaim_lesson_check_task (lesson, index, NULL, &before))
    return problem ("%s:%u: the task's goal holds before the user does anything",
                    lesson->filename, step->prompt_line);
  if (!reclaim_lesson_check_task (lesson, index, step->code, &after))
    return problem ("%s:%u: the reference solution does not reach the goal: %s",
                    lesson->filename, step->prompt_line, after[0]);
  return 0;
}

static guint
check_steps (const ReclaimLesson *lesson, const ReclaimLessonRun *run,
             ReclaimLessonPlayback *playback)
{
  guint problems = 0;

  for (guint i = 0; i < reclaim_lesson_n_steps (lesson); i++)
    {
      const ReclaimLessonStep *step = reclaim_lesson_get_step (lesson, i);
      g_autofree char *show_problem = NULL;
      g_autoptr (GError) error = NULL;
      guint64 position;
      if (step->predict)
        problems += check_predict (lesson, run, i);
      if (step->task)
        problems += check_task (lesson, i);
      if (!reclaim_lesson_check_show (lesson, i, &show_problem))
        problems += problem ("%s", show_problem);
      if (playback && !reclaim_lesson_playback_position (playback, i, &position, &error))
        problems += problem ("%s", error->message);
    }
  return problems;
}

static const char *
plural (guint n)
{
  return n == 1 ? "" : "s";
}

static guint
check_lesson (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
  g_autoptr (ReclaimLessonRun) run = NULL;
  g_autoptr (ReclaimLessonPlayback) playback = NULL;
  guint problems = 0;

  printf ("%s\n", path);
  if (lesson == NULL)
    return problem ("%s", error->message);
  if ((run = reclaim_lesson_run (lesson, &error)) == NULL)
    return problem ("%s", error->message);
  problems += check_output (lesson, run);
  if (problems == 0 && (playback = reclaim_lesson_playback_new (lesson, &error)) == NULL)
    problems += problem ("%s", error->message);
  problems += check_steps (lesson, run, playback);
  if (problems == 0)
    printf ("  ok: %u steps, %u checkpoint%s, %u task%s, %u min; output as python3 printed it\n",
            reclaim_lesson_n_steps (lesson), reclaim_lesson_count_predicts (lesson),
            plural (reclaim_lesson_count_predicts (lesson)), reclaim_lesson_count_tasks (lesson),
            plural (reclaim_lesson_count_tasks (lesson)), lesson->minutes);
  return problems;
}

static int
run_check (int argc, char **argv)
{
  gboolean all = FALSE;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "Check every built-in lesson", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE.py…|--all");

  g_option_context_set_summary (context,
                                "Run lessons and confirm what they claim: their output is the one\n"
                                "stored from python3 (NAME.out), each checkpoint's answer is what\n"
                                "its code prints, each task's goal fails before and holds with the\n"
                                "reference solution, each step's objects and phase exist.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_set_prgname ("reclaim-cli lesson check");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (all == (argc > 1))
    return usage_error ("give lesson files or --all");

  g_autoptr (GPtrArray) paths = NULL;
  if (all)
    paths = reclaim_lesson_list_dir (reclaim_lesson_builtin_dir ());
  else
    {
      paths = g_ptr_array_new_with_free_func (g_free);
      for (int i = 1; i < argc; i++)
        g_ptr_array_add (paths, g_strdup (argv[i]));
    }
  if (paths->len == 0)
    {
      reclaim_cli_error ("no lessons in %s", reclaim_lesson_builtin_dir ());
      return EXIT_PROBLEMS;
    }

  guint problems = 0;
  for (guint i = 0; i < paths->len; i++)
    problems += check_lesson (paths->pdata[i]);
  printf ("%u lesson%s checked, %u problem%s\n", paths->len, plural (paths->len), problems,
          plural (problems));
  return problems ? EXIT_PROBLEMS : RECLAIM_CLI_EXIT_OK;
}

/* ---- the command ---- */

static void
print_help (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  reclaim-cli lesson list\n"
           "  reclaim-cli lesson check FILE.py…|--all\n"
           "  reclaim-cli lesson export FILE.py -o DIR [--format html|md]\n"
           "\n"
           "Step-through lessons on how Python reclaims memory (docs/lessons.md).\n"
           "\n"
           "  list     Show the built-in lessons and yours ($XDG_DATA_HOME/reclaim/lessons)\n"
           "  check    Run lessons and confirm everything they claim\n"
           "  export   Write a handout: narration, code, output and a figure per step\n"
           "\n"
           "Application Options:\n"
           "  --all                 check: check every built-in lesson\n"
           "  -o, --output=DIR      export: write the handout into DIR\n"
           "  --format=FORMAT       export: html (the default) or md\n");
}

int
reclaim_cli_lesson (int argc, char **argv)
{
  if (argc < 2)
    {
      print_help (stderr);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  const char *action = argv[1];
  if (g_str_equal (action, "--help") || g_str_equal (action, "-h"))
    {
      print_help (stdout);
      return RECLAIM_CLI_EXIT_OK;
    }
  if (g_str_equal (action, "list"))
    return run_list (argc - 1, argv + 1);
  if (g_str_equal (action, "check"))
    return run_check (argc - 1, argv + 1);
  if (g_str_equal (action, "export"))
    return reclaim_cli_lesson_export (argc - 1, argv + 1);
  g_autofree char *message = g_strdup_printf ("unknown lesson action \"%s\": list, check or export",
                                              action);
  return usage_error (message);
}
