/* test-interp.c: running scripts through the interpreter API.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What python3 prints for whole scripts is checked by the corpus
 * (tests/corpus); these tests cover what the corpus cannot: limits, the
 * event log the interpreter leaves, the collector modes.
 */
#include "reclaim-interp.h"

#include <string.h>

typedef struct {
  GString *out;
  GString *err;
  int      status;
  ReclaimInterp *interp;
} Run;

static void
append (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (user_data, text, len);
}

static void
append_err (const char *text, gsize len, gpointer user_data)
{
  Run *run = user_data;
  g_string_append_len (run->err, text, len);
}

static void
append_out (const char *text, gsize len, gpointer user_data)
{
  Run *run = user_data;
  append (text, len, run->out);
}

static Run *
run_script_with (const char *source, ReclaimInterpOptions options)
{
  Run *run = g_new0 (Run, 1);
  run->out = g_string_new (NULL);
  run->err = g_string_new (NULL);
  options.write_stdout = append_out;
  options.write_stderr = append_err;
  options.user_data = run;
  run->interp = reclaim_interp_new (&options);
  run->status = reclaim_interp_run (run->interp, source, strlen (source), "test.py");
  return run;
}

static Run *
run_script (const char *source)
{
  return run_script_with (source, (ReclaimInterpOptions) { 0 });
}

static void
run_free (Run *run)
{
  reclaim_interp_free (run->interp);
  g_string_free (run->out, TRUE);
  g_string_free (run->err, TRUE);
  g_free (run);
}

static const char *
last_line (GString *text)
{
  static char line[512];
  g_auto (GStrv) lines = g_strsplit (g_strchomp (text->str), "\n", -1);
  guint n = g_strv_length (lines);
  g_strlcpy (line, n ? lines[n - 1] : "", sizeof line);
  return line;
}

static void
test_output_and_status (void)
{
  Run *run = run_script ("class Node:\n"
                         "    def __init__(self, name):\n"
                         "        self.name = name\n"
                         "    def __del__(self):\n"
                         "        print('freed', self.name)\n"
                         "a = Node('a')\n"
                         "a.child = Node('b')\n"
                         "del a\n"
                         "print('end')\n");
  g_assert_cmpstr (run->out->str, ==, "freed a\nfreed b\nend\n");
  g_assert_cmpstr (run->err->str, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  run_free (run);
}

/* Where Reclaim does not follow how CPython allocated an object,
 * sys.getsizeof stops the script instead of printing a number python3
 * would not. */
static void
test_sizeof_not_followed (void)
{
  static const char *const scripts[] = {
    "def gen():\n    yield 1\nsys.getsizeof(gen())\n",                        /* frame size from co_stacksize */
    "class C:\n    pass\nc = C()\nd = vars(c)\nd['y'] = 1\nsys.getsizeof(d)\n", /* the shared keys may be full */
    "s = {1, 2, 3}\ns.discard(1)\ns.add(4)\nsys.getsizeof(s)\n",              /* a deleted slot may be reused */
    "sys.getsizeof([2 ** 8, 1, 0])\n",                                         /* folded by the compiler */
    "sys.getsizeof(list(iter([1, 2])))\n",                                      /* an iterator's length hint */
    "class C:\n    pass\nsys.getsizeof(vars(C))\n",                          /* a mappingproxy in python3 */
    "from collections import deque\nd = deque([1, 2, 3])\nd.remove(2)\nsys.getsizeof(d)\n",  /* rotations */
  };
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      /* stopped where it is reached: the script's handler does not run */
      const char *call = g_strrstr (scripts[i], "sys.getsizeof(");
      g_autofree char *before = g_strndup (scripts[i], call - scripts[i]);
      g_autofree char *source = g_strconcat ("import sys\nprint('runs')\n", before, "try:\n    ", call,
                                             "except Exception:\n    print('caught')\nprint('after')\n", NULL);
      Run *run = run_script (source);
      g_assert_cmpstr (run->out->str, ==, "runs\n");
      g_assert_nonnull (strstr (run->err->str, ": not supported in Reclaim: sys.getsizeof of "));
      g_assert_cmpint (run->status, ==, 3);
      run_free (run);
    }
}

static void
test_uncaught_exception (void)
{
  Run *run = run_script ("def f():\n    return 1 / 0\nprint('before')\nf()\nprint('after')\n");
  g_assert_cmpstr (run->out->str, ==, "before\n");
  g_assert_true (g_str_has_prefix (run->err->str, "Traceback (most recent call last):\n"));
  g_assert_nonnull (strstr (run->err->str, "  File \"test.py\", line 4, in <module>\n"));
  g_assert_nonnull (strstr (run->err->str, "  File \"test.py\", line 2, in f\n"));
  g_assert_cmpstr (last_line (run->err), ==, "ZeroDivisionError: division by zero");
  g_assert_cmpint (run->status, ==, 1);
  run_free (run);
}

/* The whole chain as python3 3.11 printed it for the same script (run as
 * test.py): the context, then the cause, each with its own traceback; a
 * cause never raised has none; `from None` hides the context. */
static void
test_chained_traceback (void)
{
  Run *run = run_script ("def f():\n"
                         "    try:\n"
                         "        raise KeyError(\"k\")\n"
                         "    except KeyError:\n"
                         "        raise ValueError(\"v\")\n"
                         "try:\n"
                         "    f()\n"
                         "except ValueError as e:\n"
                         "    raise RuntimeError(\"r\") from e\n");
  g_assert_cmpstr (run->err->str, ==,
                   "Traceback (most recent call last):\n"
                   "  File \"test.py\", line 3, in f\n"
                   "    raise KeyError(\"k\")\n"
                   "KeyError: 'k'\n"
                   "\n"
                   "During handling of the above exception, another exception occurred:\n"
                   "\n"
                   "Traceback (most recent call last):\n"
                   "  File \"test.py\", line 7, in <module>\n"
                   "    f()\n"
                   "  File \"test.py\", line 5, in f\n"
                   "    raise ValueError(\"v\")\n"
                   "ValueError: v\n"
                   "\n"
                   "The above exception was the direct cause of the following exception:\n"
                   "\n"
                   "Traceback (most recent call last):\n"
                   "  File \"test.py\", line 9, in <module>\n"
                   "    raise RuntimeError(\"r\") from e\n"
                   "RuntimeError: r\n");
  run_free (run);

  run = run_script ("raise TypeError(\"t\") from ValueError(\"v\")\n");
  g_assert_cmpstr (run->err->str, ==,
                   "ValueError: v\n"
                   "\n"
                   "The above exception was the direct cause of the following exception:\n"
                   "\n"
                   "Traceback (most recent call last):\n"
                   "  File \"test.py\", line 1, in <module>\n"
                   "    raise TypeError(\"t\") from ValueError(\"v\")\n"
                   "TypeError: t\n");
  run_free (run);

  run = run_script ("try:\n    1 / 0\nfinally:\n    raise KeyError(\"k\") from None\n");
  g_assert_cmpstr (run->err->str, ==,
                   "Traceback (most recent call last):\n"
                   "  File \"test.py\", line 4, in <module>\n"
                   "    raise KeyError(\"k\") from None\n"
                   "KeyError: 'k'\n");
  run_free (run);
}

static void
test_syntax_error (void)
{
  Run *run = run_script ("print('no run')\nx = (1,\n");
  g_assert_cmpstr (run->out->str, ==, "");
  g_assert_cmpstr (last_line (run->err), ==, "SyntaxError: '(' was never closed");
  g_assert_cmpint (run->status, ==, 1);
  run_free (run);
}

static void
test_not_supported (void)
{
  Run *run = run_script ("print('no run')\nasync def f():\n    pass\n");
  g_assert_cmpstr (run->out->str, ==, "");
  g_assert_cmpstr (last_line (run->err), ==, "test.py:2:1: not supported in Reclaim: async functions");
  g_assert_cmpint (run->status, ==, 2);
  run_free (run);
}

/* The parser refuses the match statement, the subset check the imports
 * around it: all are listed, in the order of the file, then the first
 * again as the last line (the one the window shows), and the error line
 * is the first one's. */
static void
test_not_supported_all_listed (void)
{
  Run *run = run_script ("import gc\nimport os\n\n"
                         "def f(x):\n    match x:\n        case 1:\n            pass\n"
                         "from subprocess import run\n");
  g_assert_cmpstr (run->out->str, ==, "");
  g_assert_cmpstr (run->err->str, ==,
                   "test.py:2:1: not supported in Reclaim: import of module 'os'\n"
                   "test.py:5:5: not supported in Reclaim: match statements\n"
                   "test.py:8:1: not supported in Reclaim: import of module 'subprocess'\n"
                   "test.py:2:1: not supported in Reclaim: import of module 'os' (the first of 3)\n");
  g_assert_cmpint (reclaim_interp_get_error_line (run->interp), ==, 2);
  g_assert_cmpint (run->status, ==, 2);
  run_free (run);
}

static void
test_step_limit (void)
{
  Run *run = run_script_with ("print('start')\nwhile True:\n    pass\n",
                              (ReclaimInterpOptions) { .max_steps = 10000 });
  g_assert_cmpstr (run->out->str, ==, "start\n");
  g_assert_nonnull (strstr (run->err->str, "stopped after 10000 steps"));
  g_assert_cmpint (run->status, ==, 3);
  run_free (run);
}

/* A codec python3 has and Reclaim lacks, named by a computed str the
 * check cannot see: the script stops there, no except or finally runs
 * (a LookupError would let it go on as python3 never would). */
static void
test_stopped_when_not_supported (void)
{
  Run *run = run_script ("print('start')\n"
                         "name = 'cp' + '1252'\n"
                         "try:\n"
                         "    'x'.encode(name)\n"
                         "except LookupError:\n"
                         "    print('caught')\n"
                         "finally:\n"
                         "    print('finally')\n"
                         "print('after')\n");
  g_assert_cmpstr (run->out->str, ==, "start\n");
  g_assert_nonnull (strstr (run->err->str, ":4: not supported in Reclaim: the codec 'cp1252'"));
  g_assert_cmpint (run->status, ==, 3);
  run_free (run);
  /* a base the check could not see: a sealed builtin type, or two */
  run = run_script ("bases = [int, str]\n"
                    "try:\n"
                    "    class A(bases[0]):\n"
                    "        pass\n"
                    "except TypeError:\n"
                    "    print('caught')\n");
  g_assert_cmpstr (run->out->str, ==, "");
  g_assert_nonnull (strstr (run->err->str, ":3: not supported in Reclaim: a class based on 'int'"));
  g_assert_cmpint (run->status, ==, 3);
  run_free (run);
  /* an unknown name is python3's LookupError, which the script may catch */
  run = run_script ("try:\n    'x'.encode('no-such-codec')\nexcept LookupError as e:\n    print(e)\n");
  g_assert_cmpstr (run->out->str, ==, "unknown encoding: no-such-codec\n");
  g_assert_cmpint (run->status, ==, 0);
  run_free (run);
}

static gpointer
cancel_soon (gpointer flag)
{
  g_usleep (50 * 1000);
  g_atomic_int_set ((gint *) flag, 1);
  return NULL;
}

/* A flag set by another thread stops a script that would run for ever,
 * the way the step limit does, and the message gives the reason. */
static void
test_cancel (void)
{
  gint cancel = 0;
  GThread *canceller = g_thread_new ("cancel", cancel_soon, &cancel);
  Run *run = run_script_with ("print('start')\nwhile True:\n    pass\n",
                              (ReclaimInterpOptions) { .max_steps = G_MAXUINT64 - 1, .cancel = &cancel,
                                                       .cancel_reason = "test over" });
  g_thread_join (canceller);
  g_assert_cmpstr (run->out->str, ==, "start\n");
  g_assert_nonnull (strstr (run->err->str, "(test over)"));
  g_assert_cmpint (run->status, ==, 3);
  run_free (run);
}

/* The memory budget: without advice the script gets MemoryError, as
 * python3 answers a failed malloc; with advice (the
 * window, whose budget covers every event it keeps) the script is
 * stopped, no handler of its own runs, and the message names the budget
 * and how to raise it.  The events kept count: 200,000 small objects fit
 * a 64 MiB budget only while their events are dropped. */
static void
test_memory_budget (void)
{
  const char *script = "class Node:\n    pass\n"
                       "print('start')\n"
                       "try:\n"
                       "    nodes = [Node() for i in range(200000)]\n"
                       "    print('made', len(nodes))\n"
                       "except MemoryError:\n"
                       "    print('caught')\n";
  Run *run = run_script_with (script, (ReclaimInterpOptions) { .max_memory = 64 << 20, .drop_events = TRUE });
  g_assert_cmpstr (run->out->str, ==, "start\nmade 200000\n");
  run_free (run);

  /* the events kept still fill the budget as the handler runs */
  run = run_script_with (script, (ReclaimInterpOptions) { .max_memory = 64 << 20 });
  g_assert_cmpstr (run->out->str, ==, "start\n");
  g_assert_cmpstr (last_line (run->err), ==, "MemoryError");
  g_assert_cmpint (run->status, ==, 1);
  run_free (run);

  run = run_script_with (script, (ReclaimInterpOptions) { .max_memory = 64 << 20,
                                                          .max_memory_advice = "raise it here" });
  g_assert_cmpstr (run->out->str, ==, "start\n");
  g_assert_nonnull (strstr (run->err->str, "stopped after"));
  g_assert_nonnull (strstr (run->err->str, "more than 64 MiB"));
  g_assert_nonnull (strstr (run->err->str, "(raise it here)"));
  g_assert_null (strstr (run->err->str, "Traceback"));
  g_assert_cmpint (run->status, ==, 3);
  run_free (run);
}

static void
test_object_limit (void)
{
  Run *run = run_script_with ("l = []\nwhile True:\n    l.append([l])\n",
                              (ReclaimInterpOptions) { .max_objects = 5000 });
  g_assert_true (g_str_has_prefix (last_line (run->err), "MemoryError: "));
  g_assert_cmpint (run->status, ==, 1);
  run_free (run);
}

/* Each statement starts with a line event; depth counts function frames. */
static void
test_line_events (void)
{
  Run *run = run_script ("def f():\n    x = 1\n    return x\ny = f()\n");
  ReclaimHeap *heap = reclaim_interp_get_heap (run->interp);
  GString *lines = g_string_new (NULL);

  for (guint64 i = reclaim_interp_get_script_start (run->interp); i < reclaim_heap_n_events (heap); i++)
    {
      const ReclaimEvent e = reclaim_heap_get_event (heap, i);
      if (e.kind == RECLAIM_EV_LINE)
        g_string_append_printf (lines, "%u/%u ", e.x, e.y);
    }
  g_assert_cmpstr (lines->str, ==, "1/0 4/0 2/1 3/1 ");
  g_string_free (lines, TRUE);
  run_free (run);
}

/* A paused generator keeps its locals; closing it runs its finally. */
static void
test_generator_frames (void)
{
  Run *run = run_script ("class T:\n"
                         "    def __init__(self, n): self.n = n\n"
                         "    def __del__(self): print('freed', self.n)\n"
                         "def gen():\n"
                         "    t = T('local')\n"
                         "    try:\n"
                         "        yield 1\n"
                         "        yield 2\n"
                         "    finally:\n"
                         "        print('finally')\n"
                         "g = gen()\n"
                         "print(next(g))\n"
                         "print('paused')\n"
                         "g.close()\n"
                         "print('closed')\n");
  g_assert_cmpstr (run->out->str, ==, "1\npaused\nfinally\nfreed local\nclosed\n");
  g_assert_cmpint (run->status, ==, 0);
  run_free (run);
}

/* Under mark-and-sweep nothing dies before a collection. */
static void
test_marksweep_mode (void)
{
  const char *script = "import gc\n"
                       "class T:\n"
                       "    def __del__(self): print('freed')\n"
                       "t = T()\n"
                       "del t\n"
                       "print('deleted')\n"
                       "gc.collect()\n"
                       "print('collected')\n";
  Run *run = run_script_with (script, (ReclaimInterpOptions) { .collector = RECLAIM_COLLECTOR_MARKSWEEP });
  g_assert_cmpstr (run->out->str, ==, "deleted\nfreed\ncollected\n");
  run_free (run);
  run = run_script (script);
  g_assert_cmpstr (run->out->str, ==, "freed\ndeleted\ncollected\n");
  run_free (run);
}

/* The heap a script leaves can be looked at in the past. */
static void
test_time_travel_after_run (void)
{
  Run *run = run_script ("a = [1, 2]\nb = [a]\ndel a\n");
  ReclaimHeap *heap = reclaim_interp_get_heap (run->interp);
  guint64 end = reclaim_heap_n_events (heap);
  guint64 digest = reclaim_heap_state_digest (heap);

  reclaim_heap_seek (heap, reclaim_interp_get_script_start (run->interp));
  reclaim_heap_seek (heap, end);
  g_assert_cmpuint (reclaim_heap_state_digest (heap), ==, digest);
  run_free (run);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lang/interp/output-and-status", test_output_and_status);
  g_test_add_func ("/lang/interp/uncaught-exception", test_uncaught_exception);
  g_test_add_func ("/lang/interp/sizeof-not-followed", test_sizeof_not_followed);
  g_test_add_func ("/lang/interp/chained-traceback", test_chained_traceback);
  g_test_add_func ("/lang/interp/syntax-error", test_syntax_error);
  g_test_add_func ("/lang/interp/not-supported", test_not_supported);
  g_test_add_func ("/lang/interp/memory-budget", test_memory_budget);
  g_test_add_func ("/lang/interp/not-supported-all-listed", test_not_supported_all_listed);
  g_test_add_func ("/lang/interp/step-limit", test_step_limit);
  g_test_add_func ("/lang/interp/cancel", test_cancel);
  g_test_add_func ("/lang/interp/stopped-when-not-supported", test_stopped_when_not_supported);
  g_test_add_func ("/lang/interp/object-limit", test_object_limit);
  g_test_add_func ("/lang/interp/line-events", test_line_events);
  g_test_add_func ("/lang/interp/generator-frames", test_generator_frames);
  g_test_add_func ("/lang/interp/marksweep-mode", test_marksweep_mode);
  g_test_add_func ("/lang/interp/time-travel-after-run", test_time_travel_after_run);
  return g_test_run ();
}
