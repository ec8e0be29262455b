/* test-safe-point.c: floats and strs nothing holds are let go, and
 * never one that is still held; freed objects' ids serve new objects when
 * the log is not kept, and never while it is.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson sets MALLOC_PERTURB_ for tests, so a value freed while held would
 * read back as other bytes and the output would differ.
 */
#include "reclaim-interp.h"
#include "reclaim-scalar.h"

#include <stdio.h>
#include <string.h>

static void
append (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (user_data, text, len);
}

/* Runs source; returns what it printed.  *interp_out, when given, gets
 * the interpreter (the caller frees it). */
static char *
run (const char *source, gboolean drop_events, ReclaimInterp **interp_out)
{
  GString *out = g_string_new (NULL);
  ReclaimInterpOptions options = {
    .drop_events = drop_events, .write_stdout = append, .write_stderr = append, .user_data = out,
  };
  ReclaimInterp *interp = reclaim_interp_new (&options);
  g_assert_cmpint (reclaim_interp_run (interp, source, -1, "test.py"), ==, 0);
  if (interp_out)
    *interp_out = interp;
  else
    reclaim_interp_free (interp);
  return g_string_free (out, FALSE);
}

/* 2,000 distinct strs of 20,000 characters (40 MB) made and dropped one
 * after the other: what stays held is bounded by the sweep's threshold. */
static void
test_dropped_strs_let_go (void)
{
  gsize before = scalar_bytes_held ();
  g_autofree char *out = run ("for i in range(2000):\n"
                              "    s = str(i) * 5000\n"
                              "    f = i * 0.5\n"
                              "print(len(s), f)\n", TRUE, NULL);
  g_assert_cmpstr (out, ==, "20000 999.5\n");
  g_assert_cmpuint (scalar_bytes_held () - MIN (before, scalar_bytes_held ()), <, 20u << 20);
}

/* Ints past the immediates (30 bits, up to 64) go too: 400,000 distinct
 * ones made and dropped leave the held bytes bounded, and the ones still
 * held (total, the list's items) keep their values. */
static void
test_dropped_ints_let_go (void)
{
  gsize before = scalar_bytes_held ();
  g_autofree char *out = run ("total = 0\n"
                              "kept = [2**40 + 1, -2**50]\n"
                              "for i in range(400000):\n"
                              "    big = i * 2**31\n"
                              "    total = (total + big) % 2**61\n"
                              "print(total, kept, big)\n", TRUE, NULL);
  g_assert_cmpstr (out, ==, "1165879661457047552 [1099511627777, -1125899906842624] 858991311716352\n");
  g_assert_cmpuint (scalar_bytes_held () - MIN (before, scalar_bytes_held ()), <, 20u << 20);
}

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  const char *line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* The same in a process of its own, by its peak resident size: 300
 * strs of a million characters made one after the other. */
static void
test_dropped_strs_bounded_rss (void)
{
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer holds freed memory back (its quarantine)");
  return;
#endif
  if (g_test_subprocess ())
    {
      gsize before = peak_rss_kb ();
      g_autofree char *out = run ("for i in range(300):\n"
                                  "    s = str(i % 10) * (1000000 + i)\n"
                                  "print(len(s))\n", TRUE, NULL);
      g_assert_cmpstr (out, ==, "1000299\n");
      g_assert_cmpuint (peak_rss_kb () - before, <, 100 * 1024);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Values only C code holds while Python runs survive the sweeps that
 * the garbage made meanwhile would call for: a str half way through an
 * expression around a call, one a paused generator holds half way
 * through its own expression, and the keys and values of a dict. */
static void
test_held_values_survive (void)
{
  /* every loop makes strs of its own (TAG, and a letter per loop), so
   * that none is found again among the values of an earlier run */
  const char *script =
    "def junk():\n"
    "    for i in range(2000):\n"
    "        s = (str(i) + TAG + 'a') * 4000\n"
    "    return 'z'\n"
    "def gen():\n"
    "    x = ('g' * 50 + str(1.25)) + (yield 1)\n"
    "    yield x\n"
    "d = {}\n"
    "for i in range(20):\n"
    "    d['key' + str(i)] = i + 0.5\n"
    "del d['key3']\n"
    "t = ('q' * 50 + str(2.5)) + junk()\n"
    "for i in range(2000):\n"
    "    s = (str(i) + TAG + 'b') * 4000\n"
    "d['key3'] = 7.25\n"
    "print(t[-5:], sum(d.values()), sorted(d)[:3], d['key19'])\n"
    "g = gen()\n"
    "next(g)\n"
    "for i in range(2000):\n"
    "    s = (str(i) + TAG + 'c') * 4000\n"
    "print(g.send('!')[-6:])\n";
  for (int drop = 0; drop <= 1; drop++)
    {
      g_autofree char *tagged = g_strdup_printf ("TAG = '%d'\n%s", drop, script);
      g_autofree char *out = run (tagged, drop, NULL);
      g_assert_cmpstr (out, ==, "q2.5z 203.75 ['key0', 'key1', 'key10'] 19.5\ng1.25!\n");
    }
}

/* Generators paused at a yield that is a whole statement (`yield x`,
 * `y = yield x`, `yield from`, also in a finally with a return pending)
 * let the sweep run: the strs the loop drops meanwhile are let go, and
 * what the generators hold (locals, a pending return value, what is sent
 * in) keeps its value.  A generator paused half way through an expression
 * still holds the sweep back (test_held_values_survive). */
static void
test_paused_generators_let_go (void)
{
  const char *script =
    "def inner():\n"
    "    kept = 'i' * 40 + str(0.25)\n"
    "    yield kept\n"
    "    yield kept[-4:]\n"
    "def gen():\n"
    "    kept = 'k' * 40 + str(3.5)\n"
    "    for i in range(2):\n"
    "        got = yield kept[-3:]\n"
    "        kept = kept + got\n"
    "    yield from inner()\n"
    "    try:\n"
    "        return kept[-5:] + 'r' * 30\n"
    "    finally:\n"
    "        yield 'finally'\n"
    "def churn(letter):\n"
    "    for i in range(100, 200):\n"
    "        yield (str(i) + letter) * 120000\n"
    "g = gen()\n"
    "seen = [next(g)]\n"
    "for s in churn('a'):\n"
    "    pass\n"
    "seen.append(g.send('x' + str(1.5)))\n"
    "for s in churn('b'):\n"
    "    pass\n"
    "seen.append(g.send('y' + str(2.5))[-6:])\n"
    "seen.append(next(g))\n"
    "for s in churn('c'):\n"
    "    pass\n"
    "seen.append(next(g))\n"
    "for s in churn('d'):\n"
    "    pass\n"
    "try:\n"
    "    next(g)\n"
    "except StopIteration as stop:\n"
    "    seen.append(stop.value[:8])\n"
    "paused = gen()\n"
    "next(paused)\n"
    "for s in churn('e'):\n"
    "    pass\n"
    "print(seen)\n";
  for (int drop = 1; drop >= 0; drop--)
    {
      gsize before = scalar_bytes_held ();
      g_autofree char *out = run (script, drop, NULL);
      g_assert_cmpstr (out, ==, "['3.5', '1.5', 'ii0.25', '0.25', 'finally', "
                                "'5y2.5rrr']\n");
      /* the last 100 strs of 480,000 bytes went by with `paused` paused:
       * 48 MB when none is let go */
      if (drop)
        g_assert_cmpuint (scalar_bytes_held () - MIN (before, scalar_bytes_held ()), <, 30u << 20);
    }
}

/* With the log kept, every value a slot ever held can come back by time
 * travel: all of them still have their repr after the run. */
static void
test_logged_values_kept (void)
{
  ReclaimInterp *interp;
  g_autofree char *out = run ("for i in range(1500):\n"
                              "    s = str(i) * 5000\n"
                              "print(len(s))\n", FALSE, &interp);
  g_assert_cmpstr (out, ==, "20000\n");
  ReclaimHeap *heap = reclaim_interp_get_heap (interp);
  guint seen = 0;
  for (guint64 i = 0; i < reclaim_heap_n_events (heap); i++)
    {
      const ReclaimEvent e = reclaim_heap_get_event (heap, i);
      if ((e.kind != RECLAIM_EV_SLOT_SET && e.kind != RECLAIM_EV_SLOT_INSERT) || scalar_type (e.y) != SCALAR_STR || scalar_str_length (e.y) < 5000)
        continue;
      g_autofree char *repr = reclaim_value_dup_repr (e.y);
      g_autofree char *expected = g_strdup_printf ("'%u", seen);
      g_assert_true (g_str_has_prefix (repr, expected));
      seen++;
    }
  g_assert_cmpuint (seen, ==, 1500);
  reclaim_interp_free (interp);
}

/* A loop of the module body that makes and drops objects (lists, and
 * classes with an instance each) reuses their ids when the log is not
 * kept; the objects behave, and a weakref to a dead one stays dead. */
static void
test_freed_ids_reused (void)
{
  const char *script =
    "import weakref\n"
    "class Probe: pass\n"
    "p = Probe()\n"
    "r = weakref.ref(p)\n"
    "del p\n"
    "total = 0\n"
    "for i in range(3000):\n"
    "    class K:\n"
    "        def f(self): return i\n"
    "    k = K()\n"
    "    items = [k, [i], {'n': i}]\n"
    "    total = total + items[0].f() + items[1][0] + items[2]['n']\n"
    "print(total, r(), isinstance(k, K), type(items[1]).__name__)\n";
  for (int drop = 0; drop <= 1; drop++)
    {
      ReclaimInterp *interp;
      g_autofree char *out = run (script, drop, &interp);
      g_assert_cmpstr (out, ==, "13495500 None True list\n");
      guint32 ids = reclaim_heap_n_objects (reclaim_interp_get_heap (interp));
      if (drop)
        g_assert_cmpuint (ids, <, 6000);
      else
        g_assert_cmpuint (ids, >, 5 * 3000);
      reclaim_interp_free (interp);
    }
}

/* As the window re-runs a script after each edit and lets the previous
 * run go once the new one has finished: eight runs (their logs kept),
 * each making a str of ten million characters of its own, leave at most
 * the last few held, not all eight. */
static void
test_edits_let_go (void)
{
  gsize before = scalar_bytes_held ();
  ReclaimInterp *previous = NULL;
  for (int edit = 0; edit < 8; edit++)
    {
      ReclaimInterp *interp;
      g_autofree char *script = g_strdup_printf ("x = '%c' * 10000000\ny = len(x)\nprint(y)\n", 'a' + edit);
      g_autofree char *out = run (script, FALSE, &interp);
      g_assert_cmpstr (out, ==, "10000000\n");
      g_clear_pointer (&previous, reclaim_interp_free);
      previous = interp;
    }
  reclaim_interp_free (previous);
  g_assert_cmpuint (scalar_bytes_held () - MIN (before, scalar_bytes_held ()), <, 45u << 20);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lang/safe-point/dropped-strs-let-go", test_dropped_strs_let_go);
  g_test_add_func ("/lang/safe-point/dropped-strs-bounded-rss", test_dropped_strs_bounded_rss);
  g_test_add_func ("/lang/safe-point/dropped-ints-let-go", test_dropped_ints_let_go);
  g_test_add_func ("/lang/safe-point/held-values-survive", test_held_values_survive);
  g_test_add_func ("/lang/safe-point/paused-generators-let-go", test_paused_generators_let_go);
  g_test_add_func ("/lang/safe-point/logged-values-kept", test_logged_values_kept);
  g_test_add_func ("/lang/safe-point/edits-let-go", test_edits_let_go);
  g_test_add_func ("/lang/safe-point/freed-ids-reused", test_freed_ids_reused);
  return g_test_run ();
}
