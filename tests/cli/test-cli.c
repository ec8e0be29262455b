/* test-cli.c: reclaim-cli run the way a user runs it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the executable named by $RECLAIM_CLI and checks its exit status,
 * what it prints, and the trace it writes.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  int   status;     /* exit status */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs reclaim-cli with the arguments, NULL-terminated. */
static void
run_cli (Run *run, const char *first_arg, ...)
{
  const char *cli = g_getenv ("RECLAIM_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("RECLAIM_CLI must name the reclaim-cli executable to test");
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      if (!g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
        g_error ("reclaim-cli did not exit normally: %s", error->message);
      run->status = error->code;
    }
}

/* The output with every run of spaces made one, so that checks do not
 * depend on how wide a table's columns are. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ' || (s->len > 0 && s->str[s->len - 1] != ' ' && s->str[s->len - 1] != '\n'))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The output as one line, with every run of white space made one space,
 * for checking sentences however they are wrapped. */
static char *
flatten (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (s, "%s%s", s->len ? " " : "", words[i]);
  return g_string_free (s, FALSE);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    return;
  /* stderr, so that the text does not get in the way of the TAP lines */
  g_printerr ("%s\n", haystack);
  g_error ("expected \"%s\" in the text above", needle);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_usage_error (Run *run, const char *mention)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "reclaim-cli: "));
  assert_contains (run->err, mention);
}

/* ---- the command table ---------------------------------------------------- */

static void
test_help (void)
{
  g_auto (Run) help = { 0 };
  g_auto (Run) dash_help = { 0 };
  g_auto (Run) demo_help = { 0 };
  g_auto (Run) nothing = { 0 };

  run_cli (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  assert_contains (help.out, "Commands:");
  assert_contains (help.out, "\n  demo ");
  assert_contains (help.out, "\n  help ");

  run_cli (&dash_help, "--help", NULL);
  g_assert_cmpint (dash_help.status, ==, 0);
  g_assert_cmpstr (dash_help.out, ==, help.out);

  run_cli (&demo_help, "help", "demo", NULL);
  g_assert_cmpint (demo_help.status, ==, 0);
  assert_contains (demo_help.out, "--trace=FILE");
  assert_contains (demo_help.out, "--collector=NAME");

  /* no command at all: the list, on stderr, as an error */
  run_cli (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_cmpstr (nothing.out, ==, "");
  g_assert_cmpstr (nothing.err, ==, help.out);
}

static void
test_unknown_command (void)
{
  g_auto (Run) unknown = { 0 };
  g_auto (Run) option = { 0 };
  g_auto (Run) help_unknown = { 0 };

  run_cli (&unknown, "frobnicate", "--trace", "x", NULL);
  assert_usage_error (&unknown, "unknown command \"frobnicate\"");
  run_cli (&option, "--frobnicate", NULL);
  assert_usage_error (&option, "--frobnicate");
  run_cli (&help_unknown, "help", "frobnicate", NULL);
  assert_usage_error (&help_unknown, "frobnicate");
}

/* ---- demo ----------------------------------------------------------------- */

static void
test_demo_explains (void)
{
  g_auto (Run) run = { 0 };

  run_cli (&run, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_autofree char *out = squeeze (run.out);

  assert_contains (out, "Result: gc.collect(0) -> 1\n");
  /* link_4 is the only object freed, and the story says why */
  const char *result = strstr (out, "Result:");
  g_autofree char *story = g_strndup (out, result - out);
  g_autofree char *story_prose = flatten (story);
  assert_contains (story_prose, "link_4 freed by the cycle collector: its refcount fell to 0");
  g_assert_cmpuint (count (story_prose, " freed by "), ==, 1);
  assert_contains (result, "\nlink_4 freed by the cycle collector\n");

  /* the seven phases, in order */
  static const char *const phases[] = {
    "Phase 1, update_refs:", "Phase 2, subtract_refs:", "Phase 3, move_unreachable:",
    "Phase 4, handle_weakrefs:", "Phase 5, finalize_garbage:", "Phase 6, check_garbage:",
    "Phase 7, delete_garbage:",
  };
  const char *at = out;
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      const char *found = strstr (at, phases[i]);
      if (found == NULL)
        g_error ("no \"%s\" after the phases before it", phases[i]);
      at = found;
    }

  /* the devguide's figures: gc_refs after update_refs and subtract_refs */
  assert_contains (out, "\nlink_1 2 2 A, link_3.next_link\n");
  assert_contains (out, "\nlink_4 1 1 link_4.next_link\n");
  assert_contains (out, "\nlink_1 1 A\nlink_2 0 -\nlink_3 0 -\nlink_4 0 -\n");
  /* the moves of move_unreachable */
  g_autofree char *prose = flatten (run.out);
  assert_contains (prose, "link_3: gc_refs 0, so it moves to the unreachable list, for now. "
                          "link_2: gc_refs 0, so it moves to the unreachable list, for now. "
                          "link_1: gc_refs 1, so it is reachable. It refers to link_2, which is "
                          "therefore reachable too: link_2 moves back from the unreachable list");
  assert_contains (out, "\nlink_4 0 the unreachable list\n");
  assert_contains (out, "\nlink_1 alive, refcount 2, in generation 1\n");
}

static void
test_demo_marksweep (void)
{
  g_auto (Run) run = { 0 };

  run_cli (&run, "demo", "--collector", "marksweep", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_autofree char *out = squeeze (run.out);
  assert_contains (out, "Phase 1, mark:");
  assert_contains (out, "\nlink_4 1 no\n");
  g_autofree char *prose = flatten (run.out);
  assert_contains (prose, "link_4 freed by mark-and-sweep: no root reaches it.");
  assert_contains (out, "Result: gc.collect(0) -> 1\n");
  g_assert_null (strstr (out, "update_refs"));
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (line, &error);

  g_assert_no_error (error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    g_error ("not a JSON object: %s", line);
  JsonObject *o = json_node_dup_object (node);
  if (!json_object_has_member (o, "ev") || !json_object_has_member (o, "line"))
    g_error ("no \"ev\" or \"line\": %s", line);
  return o;
}

static void
test_demo_trace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.jsonl", NULL);
  g_auto (Run) run = { 0 };
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  run_cli (&run, "demo", "--trace", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, path);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "}\n"));

  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  gint64 link_4 = 0;
  gboolean freed_by_gc = FALSE, saw_update_refs = FALSE;
  JsonObject *last = NULL;

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonObject *o = parse_line (lines[i]);
      const char *ev = json_object_get_string_member (o, "ev");

      if (g_str_equal (ev, "slot_insert") &&
          g_strcmp0 (json_object_get_string_member_with_default (o, "label", ""), "link_4") == 0)
        link_4 = json_object_get_int_member (o, "value");
      if (g_str_equal (ev, "free"))
        {
          g_assert_cmpint (json_object_get_int_member (o, "id"), ==, link_4);
          g_assert_cmpstr (json_object_get_string_member (o, "by"), ==, "gc");
          g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "Link");
          freed_by_gc = TRUE;
        }
      if (g_str_equal (ev, "gc_phase") && json_object_get_int_member (o, "line") == 21 &&
          g_str_equal (json_object_get_string_member (o, "phase"), "update_refs"))
        {
          JsonObject *refs = json_object_get_object_member (o, "gc_refs");
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, link_4);
          g_assert_cmpuint (json_object_get_size (refs), ==, 4);
          g_assert_cmpint (json_object_get_int_member (refs, key), ==, 1);
          saw_update_refs = TRUE;
        }
      if (last)
        json_object_unref (last);
      last = o;
    }
  g_assert_true (freed_by_gc);
  g_assert_true (saw_update_refs);
  g_assert_cmpstr (json_object_get_string_member (last, "ev"), ==, "gc_end");
  g_assert_cmpint (json_object_get_int_member (last, "collected"), ==, 1);
  json_object_unref (last);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_demo_bad_options (void)
{
  g_auto (Run) unknown = { 0 };
  g_auto (Run) extra = { 0 };
  g_auto (Run) collector = { 0 };
  g_auto (Run) missing = { 0 };

  run_cli (&unknown, "demo", "--frobnicate", NULL);
  assert_usage_error (&unknown, "--frobnicate");
  run_cli (&extra, "demo", "extra", NULL);
  assert_usage_error (&extra, "extra");
  run_cli (&collector, "demo", "--collector", "refcount", NULL);
  assert_usage_error (&collector, "refcount");
  run_cli (&missing, "demo", "--trace", NULL);
  assert_usage_error (&missing, "--trace");
}

/* A trace that cannot be written: the demo says so before it starts, or,
 * when the disk fills up, after it, and exits 2 either way. */
static void
test_demo_unwritable_trace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "demo.jsonl", NULL);
  g_auto (Run) missing_dir = { 0 };
  g_auto (Run) full = { 0 };

  run_cli (&missing_dir, "demo", "--trace", path, NULL);
  assert_usage_error (&missing_dir, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full to fill up");
      return;
    }
  run_cli (&full, "demo", "--trace", "/dev/full", NULL);
  g_assert_cmpint (full.status, ==, 2);
  g_assert_true (g_str_has_prefix (full.err, "reclaim-cli: /dev/full: "));
}

/* A script written to a fresh temporary directory; returns its path. */
static char *
write_script (const char *source)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reclaim-cli-XXXXXX", &error);
  g_assert_no_error (error);
  char *path = g_build_filename (dir, "script.py", NULL);
  g_file_set_contents (path, source, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_run_output_and_status (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *script = write_script ("class T:\n"
                                          "    def __del__(self): print('freed')\n"
                                          "t = T()\n"
                                          "del t\n"
                                          "print('end')\n");
  run_cli (&run, "run", script, NULL);
  g_assert_cmpstr (run.out, ==, "freed\nend\n");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_run_uncaught_exception (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *script = write_script ("print('before')\nraise ValueError('no')\n");
  run_cli (&run, "run", script, NULL);
  g_assert_cmpstr (run.out, ==, "before\n");
  g_assert_true (g_str_has_suffix (run.err, "ValueError: no\n"));
  g_assert_cmpint (run.status, ==, 1);
}

/* Every line of the trace is a JSON object with "ev" and "line"; a line
 * event in a function has depth 1. */
static void
test_run_trace (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *script = write_script ("def f():\n    x = [1]\n    return x\nf()\n");
  g_autofree char *trace = g_strconcat (script, ".jsonl", NULL);
  g_autofree char *text = NULL;
  gboolean depth_one = FALSE;

  run_cli (&run, "run", "--trace", trace, script, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (trace, &text, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (g_strchomp (text), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 5);
  for (char **l = lines; *l; l++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_assert_true (json_parser_load_from_data (parser, *l, -1, NULL));
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (json_object_has_member (o, "ev"));
      g_assert_true (json_object_has_member (o, "line"));
      if (g_str_equal (json_object_get_string_member (o, "ev"), "line") &&
          json_object_get_int_member (o, "line") == 2)
        depth_one = json_object_get_int_member (o, "depth") == 1;
    }
  g_assert_true (depth_one);
}

static void
test_run_bad_input (void)
{
  g_auto (Run) missing = { 0 }, refused = { 0 }, usage = { 0 };
  g_autofree char *script = write_script ("import os\n");

  run_cli (&missing, "run", "/nonexistent/script.py", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_true (g_str_has_prefix (missing.err, "reclaim-cli: cannot read /nonexistent/script.py"));
  run_cli (&refused, "run", script, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, ":1:1: not supported in Reclaim: import of module 'os'"));
  run_cli (&usage, "run", "--collector", "tracing", script, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_run_limits_and_collector (void)
{
  g_auto (Run) loop = { 0 }, marksweep = { 0 };
  g_autofree char *endless = write_script ("while True:\n    pass\n");
  g_autofree char *cycle = write_script ("import gc\n"
                                         "class T:\n"
                                         "    def __del__(self): print('freed')\n"
                                         "t = T()\n"
                                         "del t\n"
                                         "print('deleted')\n"
                                         "gc.collect()\n");

  run_cli (&loop, "run", "--max-steps", "1000", endless, NULL);
  g_assert_cmpint (loop.status, ==, 3);
  g_assert_nonnull (strstr (loop.err, "stopped after 1000 steps"));
  run_cli (&marksweep, "run", "--collector", "marksweep", cycle, NULL);
  g_assert_cmpstr (marksweep.out, ==, "deleted\nfreed\n");
}

/* A __del__ that never ends stops the script at the step limit, whether
 * it runs during the script or at exit: no "Exception ignored". */
static void
test_run_step_limit_in_del (void)
{
  const char *when[] = { "a = A()\ndel a\nprint('after')\n", "a = A()\n" };

  for (guint i = 0; i < G_N_ELEMENTS (when); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *source = g_strconcat ("class A:\n    def __del__(self):\n        while True:\n"
                                             "            pass\n", when[i], NULL);
      g_autofree char *script = write_script (source);
      run_cli (&run, "run", "--max-steps", "5000", script, NULL);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, "reclaim: the script was stopped after 5000 steps "
                                    "(raise the limit with --max-steps)\n");
    }
}

/* Output to /dev/full: a small output fails at exit as python3's does
 * ("Exception ignored", status 120), a large one at the print that fills
 * the buffer (a traceback, status 1). */
static void
test_run_output_to_full_device (void)
{
  const char *cli = g_getenv ("RECLAIM_CLI");
  g_autofree char *small = write_script ("print('hi')\n");
  g_autofree char *large = write_script ("for i in range(100000):\n    print('hi')\n");
  g_autofree char *small_cmd = g_strdup_printf ("%s run %s > /dev/full", cli, small);
  g_autofree char *large_cmd = g_strdup_printf ("%s run %s > /dev/full", cli, large);
  g_autofree char *small_err = NULL, *large_err = NULL;
  const char *sh_small[] = { "/bin/sh", "-c", small_cmd, NULL }, *sh_large[] = { "/bin/sh", "-c", large_cmd, NULL };
  int small_status, large_status;

  g_assert_true (g_spawn_sync (NULL, (char **) sh_small, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &small_err,
                               &small_status, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) sh_large, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &large_err,
                               &large_status, NULL));
  g_assert_true (WIFEXITED (small_status) && WEXITSTATUS (small_status) == 120);
  assert_contains (small_err, "Exception ignored in: <_io.TextIOWrapper name='<stdout>'");
  assert_contains (small_err, "OSError: [Errno 28] No space left on device\n");
  g_assert_true (WIFEXITED (large_status) && WEXITSTATUS (large_status) == 1);
  g_assert_true (g_str_has_suffix (large_err, "    print('hi')\nOSError: [Errno 28] No space left on device\n"));
}

/* A fatal signal does not lose what the script printed before it. */
static void
test_run_output_survives_fatal_signal (void)
{
  const char *cli = g_getenv ("RECLAIM_CLI");
  g_autofree char *script = write_script ("print('before')\nwhile True:\n    pass\n");
  const char *argv[] = { cli, "run", "--max-steps", "100000000000", script, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int out_fd, wait_status;
  char text[64] = "";

  /* stderr is dropped: under AddressSanitizer the signal prints a report
   * that reads like a failure in the test log */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_usleep (G_USEC_PER_SEC / 2);   /* the print is the first statement: long done by then */
  kill (pid, SIGSEGV);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  /* the signal kills it, or (under AddressSanitizer) the sanitizer's report ends it */
  g_assert_true ((WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGSEGV) ||
                 (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) != 0));
  g_assert_cmpint (read (out_fd, text, sizeof text - 1), ==, 7);
  g_assert_cmpstr (text, ==, "before\n");
  close (out_fd);
  g_spawn_close_pid (pid);
}

/* ---- render ---------------------------------------------------------------- */

static const char render_script[] =
  "class Node:\n"
  "    pass\n"
  "a = Node()\n"
  "b = Node()\n"
  "a.partner = b\n"
  "b.partner = a\n";

/* The width and height in a PNG's header. */
static void
png_size (const char *path, guint32 *width, guint32 *height)
{
  g_autofree guint8 *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *width = (guint32) data[16] << 24 | data[17] << 16 | data[18] << 8 | data[19];
  *height = (guint32) data[20] << 24 | data[21] << 16 | data[22] << 8 | data[23];
}

static void
test_render_png_size (void)
{
  g_auto (Run) sized = { 0 }, natural = { 0 };
  g_autofree char *script = write_script (render_script);
  g_autofree char *png = g_strconcat (script, ".png", NULL);
  g_autofree char *wide = g_strconcat (script, "-wide.PNG", NULL);
  guint32 width, height;

  run_cli (&sized, "render", script, "--step", "4", "--width", "640", "--height", "400", "-o", png, NULL);
  g_assert_cmpint (sized.status, ==, 0);
  g_assert_cmpstr (sized.out, ==, "");
  g_assert_cmpstr (sized.err, ==, "");
  png_size (png, &width, &height);
  g_assert_cmpuint (width, ==, 640);
  g_assert_cmpuint (height, ==, 400);

  /* without a size, the picture's own, larger at a larger scale */
  run_cli (&natural, "render", script, "--end", "--scale", "2", "--theme", "dark", "-o", wide, NULL);
  g_assert_cmpint (natural.status, ==, 0);
  png_size (wide, &width, &height);
  g_assert_cmpuint (width, >, 640);
  g_assert_cmpuint (height, >, 200);
}

/* Drawing a line before the end leaves generators paused in a yield
 * from; they unwind cleanly when the run is thrown away. */
static void
test_render_paused_generators (void)
{
  g_autofree char *script = write_script ("def inner():\n    yield 1\n    yield 2\n"
                                          "def outer():\n    yield from inner()\n"
                                          "g = outer()\nprint(next(g))\n"
                                          "h = outer()\nprint(next(h), next(h))\nx = 1\n");
  g_autofree char *png = g_strconcat (script, ".png", NULL);

  for (int line = 8; line <= 10; line++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *at = g_strdup_printf ("%d", line);
      run_cli (&run, "render", script, "--line", at, "-o", png, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
    }
}

static void
test_render_svg_and_pdf (void)
{
  g_auto (Run) svg_run = { 0 }, pdf_run = { 0 };
  g_autofree char *script = write_script (render_script);
  g_autofree char *svg = g_strconcat (script, ".svg", NULL);
  g_autofree char *pdf = g_strconcat (script, ".pdf", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;

  run_cli (&svg_run, "render", script, "--line", "5", "-o", svg, NULL);
  g_assert_cmpint (svg_run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &text, &length, NULL));
  assert_contains (text, "<svg");
  g_clear_pointer (&text, g_free);

  run_cli (&pdf_run, "render", script, "-o", pdf, NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
}

/* By default the picture leaves out the class and its machinery; with
 * --internals they are drawn too, so the picture grows. */
static void
test_render_internals (void)
{
  g_auto (Run) plain = { 0 }, full = { 0 };
  g_autofree char *script = write_script (render_script);
  g_autofree char *plain_png = g_strconcat (script, "-plain.png", NULL);
  g_autofree char *full_png = g_strconcat (script, "-full.png", NULL);
  guint32 plain_width, plain_height, full_width, full_height;

  run_cli (&plain, "render", script, "-o", plain_png, NULL);
  run_cli (&full, "render", script, "--internals", "-o", full_png, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpint (full.status, ==, 0);
  png_size (plain_png, &plain_width, &plain_height);
  png_size (full_png, &full_width, &full_height);
  g_assert_cmpuint ((guint64) full_width * full_height, >, (guint64) plain_width * plain_height * 3 / 2);
}

static void
test_render_bad_arguments (void)
{
  g_auto (Run) extension = { 0 }, step = { 0 }, line = { 0 }, both = { 0 }, theme = { 0 }, no_output = { 0 };
  g_autofree char *script = write_script (render_script);
  g_autofree char *txt = g_strconcat (script, ".txt", NULL);
  g_autofree char *png = g_strconcat (script, ".png", NULL);

  run_cli (&extension, "render", script, "-o", txt, NULL);
  assert_usage_error (&extension, ".png, .svg or .pdf");
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  run_cli (&step, "render", script, "--step", "99", "-o", png, NULL);
  assert_usage_error (&step, "--step takes 0 to 6");
  run_cli (&line, "render", script, "--line", "99", "-o", png, NULL);
  assert_usage_error (&line, "line 99 of");
  run_cli (&both, "render", script, "--step", "1", "--end", "-o", png, NULL);
  assert_usage_error (&both, "one of --step, --line and --end");
  run_cli (&theme, "render", script, "--theme", "blue", "-o", png, NULL);
  assert_usage_error (&theme, "--theme");
  run_cli (&no_output, "render", script, NULL);
  assert_usage_error (&no_output, "-o FILE");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_render_unwritable_output (void)
{
  g_auto (Run) missing = { 0 }, directory = { 0 }, script_missing = { 0 };
  g_autofree char *script = write_script (render_script);
  g_autofree char *dir_png = g_strconcat (script, ".dir.png", NULL);
  g_autofree char *png = g_strconcat (script, ".png", NULL);

  run_cli (&missing, "render", script, "-o", "/nonexistent/dir/out.png", NULL);
  assert_usage_error (&missing, "cannot write /nonexistent/dir/out.png");
  g_assert_cmpint (g_mkdir (dir_png, 0700), ==, 0);
  run_cli (&directory, "render", script, "-o", dir_png, NULL);
  assert_usage_error (&directory, "cannot write");
  run_cli (&script_missing, "render", "/nonexistent/script.py", "-o", png, NULL);
  assert_usage_error (&script_missing, "cannot read /nonexistent/script.py");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/demo/explains", test_demo_explains);
  g_test_add_func ("/cli/demo/marksweep", test_demo_marksweep);
  g_test_add_func ("/cli/demo/trace", test_demo_trace);
  g_test_add_func ("/cli/demo/bad-options", test_demo_bad_options);
  g_test_add_func ("/cli/demo/unwritable-trace", test_demo_unwritable_trace);
  g_test_add_func ("/cli/run/output-and-status", test_run_output_and_status);
  g_test_add_func ("/cli/run/uncaught-exception", test_run_uncaught_exception);
  g_test_add_func ("/cli/run/trace", test_run_trace);
  g_test_add_func ("/cli/run/bad-input", test_run_bad_input);
  g_test_add_func ("/cli/run/limits-and-collector", test_run_limits_and_collector);
  g_test_add_func ("/cli/run/step-limit-in-del", test_run_step_limit_in_del);
  g_test_add_func ("/cli/run/output-to-full-device", test_run_output_to_full_device);
  g_test_add_func ("/cli/run/output-survives-fatal-signal", test_run_output_survives_fatal_signal);
  g_test_add_func ("/cli/render/png-size", test_render_png_size);
  g_test_add_func ("/cli/render/svg-and-pdf", test_render_svg_and_pdf);
  g_test_add_func ("/cli/render/internals", test_render_internals);
  g_test_add_func ("/cli/render/paused-generators", test_render_paused_generators);
  g_test_add_func ("/cli/render/bad-arguments", test_render_bad_arguments);
  g_test_add_func ("/cli/render/unwritable-output", test_render_unwritable_output);
  return g_test_run ();
}
