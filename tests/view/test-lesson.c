/* test-lesson.c: reading lessons, and running what they claim.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-lesson.h"
#include "reclaim-render.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#define HEADER \
  "# ---\n" \
  "# title: Pairs\n" \
  "# summary: Two nodes.\n" \
  "# assumes: Nothing.\n" \
  "# cpython: 3.11\n" \
  "# minutes: 4\n" \
  "# ---\n"

/* Line 8 is the blank line after the header. */
static const char lesson_text[] =
  HEADER
  "\n"
  "# %% [markdown]\n"                          /* 9 */
  "# A *pair* of `Node`s:\n"
  "#\n"
  "# - one\n"
  "# - two\n"
  "\n"
  "# %% show=\"a, b\"\n"                       /* 15 */
  "import gc\n"
  "class Node:\n"
  "    pass\n"
  "a = Node()\n"
  "b = Node()\n"
  "a.other = b\n"
  "b.other = a\n"
  "\n"
  "# %% [markdown] predict\n"                  /* 24 */
  "# What does it print?\n"
  "# choices: 0 | 2\n"
  "\n"
  "# %% phase=\"subtract_refs\"\n"             /* 28 */
  "print(gc.collect())\n"
  "\n"
  "# %% [markdown] phase=\"move_unreachable\"\n" /* 31 */
  "# Then move_unreachable.\n"
  "\n"
  "# %% [markdown] task\n"                     /* 34 */
  "# Make the pair garbage.\n"
  "# goal: gc.collect() == 2\n"
  "# missing: the pair is still reachable\n"
  "# goal: 1 == 1\n"
  "# hint: del both names\n"
  "\n"
  "# %% solution interpreter=\"show\"\n"       /* 41 */
  "del a, b\n"
  "\n"
  "# %% [markdown]\n"                          /* 44 */
  "# The end.\n";

static ReclaimLesson *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  ReclaimLesson *lesson = reclaim_lesson_parse (text, "pairs.py", &error);

  g_assert_no_error (error);
  g_assert_nonnull (lesson);
  return lesson;
}

static void
test_parse_header_and_steps (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);

  g_assert_cmpstr (lesson->title, ==, "Pairs");
  g_assert_cmpstr (lesson->summary, ==, "Two nodes.");
  g_assert_cmpstr (lesson->assumes, ==, "Nothing.");
  g_assert_cmpstr (lesson->cpython, ==, "3.11");
  g_assert_cmpuint (lesson->minutes, ==, 4);
  g_assert_cmpuint (reclaim_lesson_n_steps (lesson), ==, 5);
  g_assert_cmpuint (reclaim_lesson_count_predicts (lesson), ==, 1);
  g_assert_cmpuint (reclaim_lesson_count_tasks (lesson), ==, 1);

  ReclaimLessonStep *first = reclaim_lesson_get_step (lesson, 0);
  g_assert_cmpstr (first->narration, ==, "A *pair* of `Node`s:\n\n- one\n- two");
  g_assert_cmpuint (first->narration_line, ==, 9);
  g_assert_cmpuint (first->code_line, ==, 15);
  g_assert_cmpuint (first->first_line, ==, 16);
  g_assert_cmpuint (first->last_line, ==, 22);
  g_assert_cmpstr (first->show[0], ==, "a");
  g_assert_cmpstr (first->show[1], ==, "b");
  g_assert_null (first->show[2]);
  g_assert_false (first->predict);

  ReclaimLessonStep *predict = reclaim_lesson_get_step (lesson, 1);
  g_assert_true (predict->predict);
  g_assert_null (predict->narration);
  g_assert_cmpstr (predict->prompt, ==, "What does it print?");
  g_assert_cmpstr (predict->choices[0], ==, "0");
  g_assert_cmpstr (predict->choices[1], ==, "2");
  g_assert_cmpint (predict->phase, ==, RECLAIM_PHASE_SUBTRACT_REFS);
  g_assert_cmpstr (predict->code, ==, "print(gc.collect())\n");
}

static void
test_parse_picture_task_and_closing_steps (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);

  /* the markdown cell with phase= looks again at the code before it */
  ReclaimLessonStep *picture = reclaim_lesson_get_step (lesson, 2);
  g_assert_null (picture->code);
  g_assert_cmpstr (picture->narration, ==, "Then move_unreachable.");
  g_assert_cmpint (picture->phase, ==, RECLAIM_PHASE_MOVE_UNREACHABLE);
  g_assert_cmpuint (picture->first_line, ==, 29);
  g_assert_cmpuint (picture->last_line, ==, 29);

  ReclaimLessonStep *task = reclaim_lesson_get_step (lesson, 3);
  g_assert_true (task->task);
  g_assert_cmpstr (task->prompt, ==, "Make the pair garbage.");
  g_assert_cmpuint (task->goals->len, ==, 2);
  ReclaimLessonGoal *goal = &g_array_index (task->goals, ReclaimLessonGoal, 0);
  g_assert_cmpstr (goal->expression, ==, "gc.collect() == 2");
  g_assert_cmpstr (goal->missing, ==, "the pair is still reachable");
  g_assert_cmpuint (goal->line, ==, 36);
  goal = &g_array_index (task->goals, ReclaimLessonGoal, 1);
  g_assert_cmpstr (goal->missing, ==, "not yet true: 1 == 1");
  g_assert_cmpstr (task->hint, ==, "del both names");
  g_assert_cmpstr (task->code, ==, "del a, b\n");
  g_assert_cmpint (task->interpreter, ==, RECLAIM_LESSON_INTERPRETER_SHOW);

  ReclaimLessonStep *last = reclaim_lesson_get_step (lesson, 4);
  g_assert_cmpstr (last->narration, ==, "The end.");
  g_assert_null (last->code);
  g_assert_cmpuint (last->last_line, ==, 0);
}

/* Each broken lesson of tests/view/lessons, and the start of its message
 * after the file name. */
static const struct {
  const char *file;
  const char *message;
} broken[] = {
  { "no-header.py", ":1: a lesson starts with its header" },
  { "unclosed-header.py", ":4: a header line reads \"# key: value\", and \"# ---\" closes" },
  { "unknown-key.py", ":7: unknown header key \"author\"" },
  { "bad-minutes.py", ":6: minutes is a whole number" },
  { "missing-title.py", ":1: the header has no \"title\"" },
  { "unknown-cell-type.py", ":9: unknown cell type \"[raw]\"" },
  { "code-in-markdown.py", ":11: a markdown cell holds comments only" },
  { "predict-without-code.py", ":12: the checkpoint has no code cell after it" },
  { "task-without-goal.py", ":9: the task has no \"goal:\" line" },
  { "task-without-solution.py", ":13: the task at line 9 needs its reference solution" },
  { "unknown-phase.py", ":9: unknown phase \"sweep_everything\"" },
  { "one-choice.py", ":11: give two choices or more" },
  { "missing-before-goal.py", ":11: \"missing:\" says what a goal lacks" },
  { "unterminated-quote.py", ":9: the value of show= has no closing quote" },
  { "two-narrations.py", ":12: the step already has narration (line 9)" },
  { "code-before-cells.py", ":9: code before the first cell" },
  { "solution-without-task.py", ":9: a solution cell comes right after" },
  { "empty-code-cell.py", ":9: the code cell has no code" },
  { "picture-step-first.py", ":9: a markdown cell with show=, phase= or interpreter= looks again" },
  { "choices-in-task.py", ":12: \"choices:\" belongs in a [markdown] predict cell" },
};

static void
test_broken_lessons (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "view", "lessons", broken[i].file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
      g_autofree char *expected = g_strconcat (path, broken[i].message, NULL);

      g_assert_null (lesson);
      g_assert_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_FORMAT);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("%s: got \"%s\", expected it to start with \"%s\"", broken[i].file,
                 error->message, expected);
    }
}

static void
test_run_splits_output_by_step (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLessonRun) run = reclaim_lesson_run (lesson, &error);

  g_assert_no_error (error);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->output, ==, "0\n");
  g_assert_cmpstr (run->step_output[0], ==, "");
  g_assert_cmpstr (run->step_output[1], ==, "0\n");
  g_autofree char *answer = reclaim_lesson_answer (run, 1);
  g_assert_cmpstr (answer, ==, "0");
  g_assert_true (reclaim_lesson_answer_matches ("True 1", "  True   1 \n"));
  g_assert_false (reclaim_lesson_answer_matches ("True 1", "True1"));
}

static void
test_task_goals (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);
  g_auto (GStrv) before = NULL, solved = NULL, extra = NULL, broken_code = NULL;

  /* nothing done: the goal says what is missing */
  g_assert_false (reclaim_lesson_check_task (lesson, 3, NULL, &before));
  g_assert_cmpstr (before[0], ==, "the pair is still reachable");
  g_assert_null (before[1]);
  /* the reference solution */
  g_assert_true (reclaim_lesson_check_task (lesson, 3, "del a, b", &solved));
  g_assert_null (solved[0]);
  /* a harmless extra is no reason to reject an answer */
  g_assert_true (reclaim_lesson_check_task (lesson, 3, "c = 5\ndel b\ndel a", &extra));
  /* code that fails says why */
  g_assert_false (reclaim_lesson_check_task (lesson, 3, "del z", &broken_code));
  g_assert_cmpstr (broken_code[0], ==, "NameError: name 'z' is not defined");
}

static void
test_goal_that_raises (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (
    HEADER
    "# %% [markdown] task\n"
    "# Name it.\n"
    "# goal: d == 1\n"
    "# missing: d is not 1\n"
    "# %% solution\n"
    "d = 1\n");
  g_auto (GStrv) missing = NULL;

  g_assert_false (reclaim_lesson_check_task (lesson, 0, NULL, &missing));
  g_assert_cmpstr (missing[0], ==, "d is not 1 (the goal raised NameError)");
}

static void
test_show_must_resolve (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (
    HEADER
    "# %% show=\"x, y.missing\"\n"
    "class C:\n"
    "    pass\n"
    "x = C()\n"
    "y = C()\n");
  g_autofree char *problem = NULL;

  g_assert_false (reclaim_lesson_check_show (lesson, 0, &problem));
  g_assert_cmpstr (problem, ==, "pairs.py:8: show=\"y.missing\" does not name an object after "
                   "the step (AttributeError)");
}

static void
test_playback_positions (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLessonPlayback) playback = reclaim_lesson_playback_new (lesson, &error);
  guint64 end_of_first, subtract, move;

  g_assert_no_error (error);
  g_assert_true (reclaim_lesson_playback_position (playback, 0, &end_of_first, NULL));
  g_assert_true (reclaim_lesson_playback_position (playback, 1, &subtract, NULL));
  g_assert_true (reclaim_lesson_playback_position (playback, 2, &move, NULL));
  g_assert_cmpuint (end_of_first, <, subtract);
  g_assert_cmpuint (subtract, <, move);

  /* after subtract_refs, the pair is being collected and has no outside reference */
  g_autoptr (ReclaimScene) scene = reclaim_lesson_playback_scene (playback, 1, subtract);
  guint collecting = 0;
  for (guint i = 0; i < reclaim_scene_n_cards (scene); i++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, i);
      if (g_str_equal (card->title, "Node"))
        {
          g_assert_true (card->flags & RECLAIM_CARD_COLLECTING);
          collecting++;
        }
    }
  g_assert_cmpuint (collecting, ==, 2);
  g_autofree char *alt = reclaim_lesson_describe_scene (scene);
  g_assert_nonnull (strstr (alt, "Global frame: a refers to Node, b refers to Node."));
  g_assert_nonnull (strstr (alt, "Node (2 references): other refers to Node."));
}

/* show= names become highlighted cards and arrows, through attributes too. */
static void
test_highlight (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);
  g_autoptr (ReclaimLessonPlayback) playback = reclaim_lesson_playback_new (lesson, NULL);
  guint64 position;

  g_assert_true (reclaim_lesson_playback_position (playback, 0, &position, NULL));
  g_autoptr (ReclaimScene) scene = reclaim_lesson_playback_scene (playback, 0, position);
  ReclaimDecorations deco;
  char *just_a[] = { (char *) "a", NULL };
  char *through[] = { (char *) "a.other", NULL };
  char *nothing[] = { (char *) "a.missing", (char *) "zz", NULL };

  g_assert_true (reclaim_lesson_highlight (scene, just_a, &deco));
  guint highlighted = 0, arrows = 0, node_a = G_MAXUINT;
  for (guint i = 0; i < scene->cards->len; i++)
    if (deco.cards[i].highlighted)
      highlighted++, node_a = i;
  for (guint i = 0; i < scene->arrows->len; i++)
    arrows += deco.arrows[i].highlighted;
  g_assert_cmpuint (highlighted, ==, 1);
  g_assert_cmpuint (arrows, ==, 1);
  g_assert_cmpstr (reclaim_scene_get_card (scene, node_a)->title, ==, "Node");
  g_free ((gpointer) deco.cards);
  g_free ((gpointer) deco.arrows);

  /* a.other is b's node, reached by a's arrow and then other's */
  g_assert_true (reclaim_lesson_highlight (scene, through, &deco));
  g_assert_false (deco.cards[node_a].highlighted);
  arrows = 0;
  for (guint i = 0; i < scene->arrows->len; i++)
    arrows += deco.arrows[i].highlighted;
  g_assert_cmpuint (arrows, ==, 2);
  g_free ((gpointer) deco.cards);
  g_free ((gpointer) deco.arrows);

  g_assert_false (reclaim_lesson_highlight (scene, nothing, &deco));
  g_assert_false (deco.highlighting);
  g_free ((gpointer) deco.cards);
  g_free ((gpointer) deco.arrows);
}

/* Between two pictures: what appeared, went, and whose count moved. */
static void
test_describe_changes (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (lesson_text);
  g_autoptr (ReclaimLessonPlayback) playback = reclaim_lesson_playback_new (lesson, NULL);
  guint64 start = 0, made, dropped;

  g_assert_true (reclaim_lesson_playback_position (playback, 0, &made, NULL));
  g_assert_true (reclaim_lesson_playback_position (playback, 3, &dropped, NULL));
  g_autoptr (ReclaimScene) empty = reclaim_lesson_playback_scene (playback, 0, start);
  g_autoptr (ReclaimScene) pair = reclaim_lesson_playback_scene (playback, 0, made);
  /* seen as step 0 shows things: step 3 also shows the interpreter's objects */
  g_autoptr (ReclaimScene) orphans = reclaim_lesson_playback_scene (playback, 0, dropped);

  g_autofree char *appeared = reclaim_lesson_describe_changes (empty, pair);
  g_assert_cmpstr (appeared, ==, "New: Node (a), Node (b).");
  g_autofree char *names_gone = reclaim_lesson_describe_changes (pair, orphans);
  g_assert_cmpstr (names_gone, ==, "Reference counts: Node 2 → 1, Node 2 → 1.");
  g_assert_null (reclaim_lesson_describe_changes (pair, pair));
}

static void
test_phase_never_reached (void)
{
  g_autoptr (ReclaimLesson) lesson = parse_ok (
    HEADER
    "# %% phase=\"finalize_garbage\"\n"
    "x = 1\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLessonPlayback) playback = reclaim_lesson_playback_new (lesson, &error);
  guint64 position;

  g_assert_no_error (error);
  g_assert_false (reclaim_lesson_playback_position (playback, 0, &position, &error));
  g_assert_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_RUN);
  g_assert_cmpstr (error->message, ==, "pairs.py:8: phase=\"finalize_garbage\" but the cell's "
                   "code runs no collection that reaches it");
}

/* The built-in lessons, in their teaching order: each parses and holds two
 * predict checkpoints or more and a task. */
static void
test_built_in_lessons (void)
{
  static const char *const order[] = {
    "01-names-are-references.py",
    "02-when-the-count-reaches-zero.py",
    "03-circular-references.py",
    "04-how-the-cycle-detector-works.py",
    "05-weak-references.py",
    "06-finalizers-and-resources.py",
    "07-generators-versus-lists.py",
    "08-generations-and-automatic-collection.py",
    "09-finding-a-leak.py",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", order[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (reclaim_lesson_count_predicts (lesson), >=, 2);
      g_assert_cmpuint (reclaim_lesson_count_tasks (lesson), >=, 1);
      g_assert_cmpstr (lesson->cpython, ==, "3.11");
    }
}

/* The prose of a built-in lesson comes out in German from the catalogue
 * the build makes (build/po); code, choices and goals stay as they are. */
static void
test_translate (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons",
                                                 "05-weak-references.py", NULL);
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
  g_autoptr (ReclaimLesson) own = parse_ok (lesson_text);

  g_assert_no_error (error);
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain ("reclaim", locale_dir);
  bind_textdomain_codeset ("reclaim", "UTF-8");
  reclaim_lesson_translate (lesson);
  reclaim_lesson_translate (own);

  g_assert_cmpstr (lesson->title, ==, "Schwache Referenzen");
  ReclaimLessonStep *first = reclaim_lesson_get_step (lesson, 0);
  g_assert_true (g_str_has_prefix (first->narration, "Manchmal will man ein Objekt erreichen"));
  g_assert_true (g_str_has_prefix (first->code, "import sys\n"));
  ReclaimLessonStep *predict = reclaim_lesson_get_step (lesson, 2);
  g_assert_cmpstr (predict->choices[0], ==, "None");
  ReclaimLessonStep *task = reclaim_lesson_get_step (lesson, 6);
  ReclaimLessonGoal *goal = &g_array_index (task->goals, ReclaimLessonGoal, 0);
  g_assert_cmpstr (goal->expression, ==, "\"bird.png\" in cache");
  g_assert_true (g_str_has_prefix (goal->missing, "Der Cache hat kein"));
  /* a lesson the catalogue does not know keeps its own words */
  g_assert_cmpstr (own->title, ==, "Pairs");
  g_assert_cmpstr (reclaim_lesson_get_step (own, 0)->narration, ==,
                   "A *pair* of `Node`s:\n\n- one\n- two");
  g_unsetenv ("LANGUAGE");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view/Lesson/parse/header-and-steps", test_parse_header_and_steps);
  g_test_add_func ("/view/Lesson/parse/picture-task-closing", test_parse_picture_task_and_closing_steps);
  g_test_add_func ("/view/Lesson/parse/broken", test_broken_lessons);
  g_test_add_func ("/view/Lesson/run/step-output", test_run_splits_output_by_step);
  g_test_add_func ("/view/Lesson/task/goals", test_task_goals);
  g_test_add_func ("/view/Lesson/task/goal-raises", test_goal_that_raises);
  g_test_add_func ("/view/Lesson/show/resolves", test_show_must_resolve);
  g_test_add_func ("/view/Lesson/playback/positions", test_playback_positions);
  g_test_add_func ("/view/Lesson/playback/phase-never-reached", test_phase_never_reached);
  g_test_add_func ("/view/Lesson/playback/highlight", test_highlight);
  g_test_add_func ("/view/Lesson/playback/changes", test_describe_changes);
  g_test_add_func ("/view/Lesson/built-in", test_built_in_lessons);
  g_test_add_func ("/view/Lesson/translate", test_translate);
  return g_test_run ();
}
