/* test-lesson-cli.c: "reclaim-cli lesson" as an author and a teacher run it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs $RECLAIM_CLI on the built-in lessons of $RECLAIM_LESSONS_DIR: they
 * all pass "lesson check", their stored outputs are what python3 prints
 * today, and an exported handout holds SVG figures that parse.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs argv (NULL-terminated) and waits for it. */
static void
spawn (Result *result, const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                             | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                       &error);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* "reclaim-cli lesson ARG…" */
static void
lesson (Result *result, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("RECLAIM_CLI"));
  g_ptr_array_add (argv, (char *) "lesson");
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  spawn (result, (const char *const *) argv->pdata);
}

static GPtrArray *
built_in_lessons (void)
{
  const char *dir = g_getenv ("RECLAIM_LESSONS_DIR");
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  return paths;
}

static void
test_check_all (void)
{
  g_auto (Result) result = { 0 };

  lesson (&result, "check", "--all", NULL);
  if (result.status != 0)
    g_error ("lesson check --all failed:\n%s%s", result.out, result.err);
  g_autoptr (GPtrArray) paths = built_in_lessons ();
  g_autofree char *summary = g_strdup_printf ("%u lessons checked, 0 problems\n", paths->len);
  g_assert_true (g_str_has_suffix (result.out, summary));
  g_assert_cmpuint (paths->len, >=, 9);
}

/* Each lesson's stored NAME.out is what python3 prints for it now. */
static void
test_outputs_match_python3 (void)
{
  g_autofree char *python3 = g_find_program_in_path ("python3");

  if (python3 == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  g_autoptr (GPtrArray) paths = built_in_lessons ();
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      const char *argv[] = { python3, path, NULL };
      g_auto (Result) result = { 0 };
      g_autofree char *stored = NULL;
      g_autofree char *out_path = g_strndup (path, strlen (path) - 3);
      char *with_suffix = g_strconcat (out_path, ".out", NULL);

      g_free (out_path);
      out_path = with_suffix;
      spawn (&result, argv);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_true (g_file_get_contents (out_path, &stored, NULL, NULL));
      if (!g_str_equal (result.out, stored))
        g_error ("%s: python3 now prints\n%s\nbut %s holds\n%s", path, result.out, out_path, stored);
    }
}

static void
test_check_reports_problems (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reclaim-lesson-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "wrong.py", NULL);
  g_autofree char *out_path = g_build_filename (dir, "wrong.out", NULL);
  g_auto (Result) result = { 0 };

  g_assert_true (g_file_set_contents (path,
    "# ---\n# title: Wrong\n# summary: s\n# assumes: a\n# cpython: 3.11\n# minutes: 1\n# ---\n"
    "# %% [markdown] predict\n# What?\n# choices: 1 | 2\n"
    "# %%\nprint(3)\n"
    "# %% [markdown] task\n# Make x.\n# goal: x == 1\n"
    "# %% solution\nx = 2\n", -1, NULL));
  g_assert_true (g_file_set_contents (out_path, "4\n", -1, NULL));
  lesson (&result, "check", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "line 1 of the output: Reclaim prints \"3\", python3 printed \"4\""));
  g_assert_nonnull (strstr (result.out, ":8: the code prints \"3\", which is none of the choices"));
  g_assert_nonnull (strstr (result.out, ":13: the reference solution does not reach the goal: not yet true: x == 1"));
  g_assert_nonnull (strstr (result.out, "1 lesson checked, 3 problems"));
  g_remove (path);
  g_remove (out_path);
  g_rmdir (dir);
}

/* The built-in lessons, then the user's own from $XDG_DATA_HOME. */
static void
test_list (void)
{
  g_autofree char *data_home = g_dir_make_tmp ("reclaim-data-XXXXXX", NULL);
  g_autofree char *own_dir = g_build_filename (data_home, "reclaim", "lessons", NULL);
  g_autofree char *own = g_build_filename (own_dir, "mine.py", NULL);
  g_auto (Result) result = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (own_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (own,
    "# ---\n# title: My own\n# summary: Mine.\n# assumes: a\n# cpython: 3.11\n# minutes: 3\n"
    "# ---\n# %%\nx = 1\n", -1, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  lesson (&result, "list", NULL);
  g_unsetenv ("XDG_DATA_HOME");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "01-names-are-references"));
  g_assert_nonnull (strstr (result.out, "Names are references"));
  g_assert_nonnull (strstr (result.out, "09-finding-a-leak"));
  const char *yours = strstr (result.out, "Your lessons");
  g_assert_nonnull (yours);
  g_assert_nonnull (strstr (yours, "My own: Mine."));
  g_remove (own);
  g_rmdir (own_dir);
  g_autofree char *reclaim_dir = g_path_get_dirname (own_dir);
  g_rmdir (reclaim_dir);
  g_rmdir (data_home);
}

static void
test_usage_errors (void)
{
  g_auto (Result) unknown = { 0 }, both = { 0 }, no_dir = { 0 }, format = { 0 };

  lesson (&unknown, "play", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown lesson action \"play\""));
  lesson (&both, "check", NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.err, "give lesson files or --all"));
  lesson (&no_dir, "export", "x.py", NULL);
  g_assert_cmpint (no_dir.status, ==, 2);
  g_assert_nonnull (strstr (no_dir.err, "-o DIR"));
  lesson (&format, "export", "x.py", "-o", "/tmp", "--format", "pdf", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "--format is html or md"));
}

/* A parser that accepts any element: does the file parse as XML? */
static gboolean
xml_parses (const char *path, GError **error)
{
  static const GMarkupParser accept_all = { NULL };
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  /* the XML declaration is no element: GMarkup takes it as a processing instruction */
  GMarkupParseContext *context = g_markup_parse_context_new (&accept_all, 0, NULL, NULL);
  gboolean ok = g_markup_parse_context_parse (context, text, length, error)
                && g_markup_parse_context_end_parse (context, error);
  g_markup_parse_context_free (context);
  return ok;
}

static void
export_and_check (const char *format, const char *suffix, const char *figure_markup)
{
  g_autofree char *dir = g_dir_make_tmp ("reclaim-handout-XXXXXX", NULL);
  g_autofree char *lesson_path = g_build_filename (g_getenv ("RECLAIM_LESSONS_DIR"),
                                                   "04-how-the-cycle-detector-works.py", NULL);
  g_auto (Result) result = { 0 };

  lesson (&result, "export", lesson_path, "-o", dir, "--format", format, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_autofree char *name = g_strconcat ("04-how-the-cycle-detector-works", suffix, NULL);
  g_autofree char *handout_path = g_build_filename (dir, name, NULL);
  g_autofree char *handout = NULL;
  g_assert_true (g_file_get_contents (handout_path, &handout, NULL, NULL));
  g_assert_nonnull (strstr (handout, "How the cycle detector finds garbage"));
  g_assert_nonnull (strstr (handout, figure_markup));
  g_assert_nonnull (strstr (handout, "print(gc.collect(0))"));
  /* delete_garbage freed link_4 */
  g_assert_nonnull (strstr (handout, "Since the step before:"));
  g_assert_nonnull (strstr (handout, "Gone: Link."));

  guint figures = 0;
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *file;
  while ((file = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      if (g_str_has_suffix (file, ".svg"))
        {
          g_autoptr (GError) error = NULL;
          if (!xml_parses (path, &error))
            g_error ("%s does not parse: %s", path, error->message);
          figures++;
        }
      g_remove (path);
    }
  g_rmdir (dir);
  /* one per step: each has code, or looks again at the code before it */
  g_assert_cmpuint (figures, ==, 9);
}

static void
test_export_html (void)
{
  export_and_check ("html", ".html",
                    "<img src=\"step-05.svg\" alt=\"5 objects shown. Global frame: A refers to Link");
}

static void
test_export_markdown (void)
{
  export_and_check ("md", ".md", "](step-05.svg)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("RECLAIM_CLI") == NULL || g_getenv ("RECLAIM_LESSONS_DIR") == NULL)
    g_error ("RECLAIM_CLI and RECLAIM_LESSONS_DIR must be set");
  g_test_add_func ("/cli/lesson/check-all", test_check_all);
  g_test_add_func ("/cli/lesson/outputs-match-python3", test_outputs_match_python3);
  g_test_add_func ("/cli/lesson/check-reports-problems", test_check_reports_problems);
  g_test_add_func ("/cli/lesson/list", test_list);
  g_test_add_func ("/cli/lesson/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/lesson/export-html", test_export_html);
  g_test_add_func ("/cli/lesson/export-markdown", test_export_markdown);
  return g_test_run ();
}
