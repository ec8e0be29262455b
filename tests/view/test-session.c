/* test-session.c: the session a window shows, without a window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs, stepping at both granularities, captions, errors, undo, saved
 * card positions, and canvas edits through the session (edit -> script
 * line -> engine state).
 */
#include "reclaim-caption.h"
#include "reclaim-session.h"

#include <string.h>

static const char cycle_script[] =
  "class Node:\n"                 /* 1 */
  "    pass\n"                    /* 2 */
  "a = Node()\n"                  /* 3 */
  "a.next = Node()\n"             /* 4 */
  "a.next.next = a\n"             /* 5 */
  "print('made')\n"               /* 6 */
  "del a\n";                      /* 7 */

static ReclaimSession *
session_with (const char *source)
{
  ReclaimSession *session = reclaim_session_new ();

  reclaim_session_set_source (session, source);
  return session;
}

/* The global variable name's value, 0 if it is not an object. */
static ReclaimId
global (ReclaimSession *session, const char *name)
{
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  ReclaimId ns = reclaim_session_get_timeline (session)->module_dict;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, ns); i++)
    if (reclaim_heap_slot_get_role (heap, ns, i) == RECLAIM_ROLE_VALUE &&
        g_strcmp0 (reclaim_heap_slot_get_label (heap, ns, i), name) == 0)
      {
        ReclaimValue value = reclaim_heap_slot_get (heap, ns, i);
        return reclaim_value_is_object (value) ? (ReclaimId) value : 0;
      }
  return 0;
}

static void
test_run_and_output (void)
{
  g_autoptr (ReclaimSession) session = session_with (cycle_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);

  g_assert_cmpstr (reclaim_session_get_output (session), ==, "made\n");
  g_assert_cmpint (reclaim_session_get_status (session), ==, 0);
  g_assert_cmpuint (reclaim_session_get_error_line (session), ==, 0);
  g_assert_cmpuint (reclaim_timeline_n_steps (timeline), ==, 7);
  /* a run leaves the user at the script's end */
  g_assert_cmpuint (reclaim_session_get_position (session), ==, timeline->end);
  g_assert_cmpuint (reclaim_session_get_step (session), ==, 7);
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 0);
}

/* The output grows as the script is stepped through. */
static void
test_output_so_far (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("class Node:\n    def __del__(self):\n        print('bye')\n"
                  "print('one')\nn = Node()\nprint('two')\nx = 1\n");
  const char *output = reclaim_session_get_output (session);

  /* at the end, with what python3 prints as it exits */
  g_assert_cmpstr (output, ==, "one\ntwo\nbye\n");
  g_assert_cmpuint (reclaim_session_get_output_length (session), ==, strlen (output));
  reclaim_session_go_to_start (session);
  g_assert_cmpuint (reclaim_session_get_output_length (session), ==, 0);
  /* class Node, its body, print('one') */
  for (guint i = 0; i < 3; i++)
    reclaim_session_step_forward (session);
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 5);
  g_assert_cmpuint (reclaim_session_get_output_length (session), ==, strlen ("one\n"));
  reclaim_session_step_forward (session);
  reclaim_session_step_forward (session);
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 7);
  g_assert_cmpuint (reclaim_session_get_output_length (session), ==, strlen ("one\ntwo\n"));
}

static void
test_step_statements (void)
{
  g_autoptr (ReclaimSession) session = session_with (cycle_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);

  reclaim_session_go_to_start (session);
  g_assert_cmpuint (reclaim_session_get_step (session), ==, 0);
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 1);
  /* the class body's statement is a step of its own, as in python3's
   * line tracing */
  g_assert_true (reclaim_session_step_forward (session));
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 2);
  g_assert_true (reclaim_session_step_forward (session));
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 3);
  g_assert_true (reclaim_session_step_forward (session));
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 4);
  /* after `a = Node()`, a exists; the second Node does not yet */
  g_assert_cmpuint (global (session, "a"), !=, 0);
  g_assert_true (reclaim_session_step_back (session));
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 3);
  g_assert_cmpuint (global (session, "a"), ==, 0);

  reclaim_session_go_to_end (session);
  g_assert_false (reclaim_session_step_forward (session));
  g_assert_false (reclaim_session_event_forward (session));
  while (reclaim_session_step_back (session))
    ;
  g_assert_cmpuint (reclaim_session_get_position (session), ==, timeline->start);
  g_assert_false (reclaim_session_event_back (session));
}

static void
test_step_events (void)
{
  g_autoptr (ReclaimSession) session = session_with (cycle_script);

  reclaim_session_go_to_start (session);
  guint64 start = reclaim_session_get_position (session);
  g_assert_true (reclaim_session_event_forward (session));
  g_assert_cmpuint (reclaim_session_get_position (session), ==, start + 1);
  /* inside statement 1, line 1 is the one running */
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 1);
  g_assert_true (reclaim_session_event_back (session));
  g_assert_cmpuint (reclaim_session_get_position (session), ==, start);
}

static void
test_step_events_skip_interpreter (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("import gc\nclass Node:\n    pass\na = Node()\na.me = a\ndel a\ngc.collect()\n");
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  guint stops = 0;

  /* a full collection walks every object of the interpreter: stepping into
   * it stops only at the objects shown and the collector's phases */
  reclaim_session_step_back (session);
  guint64 before = reclaim_session_get_position (session);
  while (reclaim_session_event_forward (session))
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, reclaim_session_get_position (session) - 1);
      g_assert_true (ev.obj == 0 || reclaim_session_shows (session, ev.obj) ||
                     reclaim_session_get_position (session) == timeline->end);
      stops++;
    }
  g_assert_cmpuint (stops, >, 10);
  g_assert_cmpuint (stops, <, (timeline->end - timeline->lines->len) / 4);
  /* and back, over the same stops */
  while (reclaim_session_get_position (session) > before)
    {
      g_assert_true (reclaim_session_event_back (session));
      stops--;
    }
  g_assert_cmpuint (stops, ==, 0);
  g_assert_cmpuint (reclaim_session_get_position (session), ==, before);
}

/* Seeks to just after the first event of kind about obj. */
static gboolean
seek_after (ReclaimSession *session, ReclaimEventKind kind, ReclaimId obj)
{
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);

  for (guint64 i = timeline->start; i < timeline->end; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == kind && (obj == 0 || ev.obj == obj))
        {
          reclaim_session_seek (session, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_captions (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("class Node:\n    pass\na = Node()\nb = a\ndel a\ndel b\n");
  reclaim_session_seek (session, reclaim_session_get_timeline (session)->end - 1);
  reclaim_session_go_to_end (session);
  reclaim_session_step_back (session);   /* before `del b` */
  ReclaimId node = global (session, "b");
  g_autofree char *name = reclaim_session_name_of (session, node);
  g_autofree char *caption = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (name, ==, "b");
  g_assert_true (seek_after (session, RECLAIM_EV_FREE, node));
  caption = reclaim_session_describe (session);
  /* no variable holds it any more: it is named by the last one that did */
  expected = g_strdup_printf ("Node #%u (was b) freed: its reference count reached 0", node);
  g_assert_cmpstr (caption, ==, expected);

  g_assert_true (seek_after (session, RECLAIM_EV_LINE, 0));
  g_clear_pointer (&caption, g_free);
  caption = reclaim_session_describe (session);
  g_assert_cmpstr (caption, ==, "line 1 runs: class Node:");

  /* after a whole statement, the caption sums it up */
  reclaim_session_go_to_end (session);
  g_clear_pointer (&caption, g_free);
  g_clear_pointer (&expected, g_free);
  caption = reclaim_session_describe (session);
  expected = g_strdup_printf ("line 6 ran: del b · 1 freed: Node #%u (was b)", node);
  g_assert_cmpstr (caption, ==, expected);
  reclaim_session_step_back (session);
  g_clear_pointer (&caption, g_free);
  caption = reclaim_session_describe (session);
  /* what a statement did to the counts of the objects that outlive it */
  g_assert_cmpstr (caption, ==, "line 5 ran: del a · reference counts: b 2 → 1");
  reclaim_session_step_back (session);
  reclaim_session_step_back (session);
  g_clear_pointer (&caption, g_free);
  caption = reclaim_session_describe (session);
  g_assert_cmpstr (caption, ==, "line 3 ran: a = Node() · 1 object created");
  reclaim_session_go_to_start (session);
  g_clear_pointer (&caption, g_free);
  caption = reclaim_session_describe (session);
  g_assert_cmpstr (caption, ==, "The script has not started yet: F10 runs its first statement.");
}

static void
test_collector_captions (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("import gc\nclass Node:\n    pass\na = Node()\na.me = a\ndel a\ngc.collect()\n");
  g_autofree char *caption = NULL;

  g_assert_true (seek_after (session, RECLAIM_EV_GC_START, 0));
  caption = reclaim_session_describe (session);
  g_assert_cmpstr (caption, ==, "the cycle collector starts on generation 2 and the younger ones");
  g_assert_true (seek_after (session, RECLAIM_EV_FREE, 0));
  g_clear_pointer (&caption, g_free);
  caption = reclaim_session_describe (session);
  g_assert_true (g_str_has_suffix (caption, "freed by the cycle collector: clearing the garbage "
                                            "broke its last reference"));
}

/* Every caption from the start of line to the end, one per event step. */
static GPtrArray *
captions_from_line (ReclaimSession *session, guint line)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  GPtrArray *captions = g_ptr_array_new_with_free_func (g_free);
  guint step;

  g_assert_true (reclaim_timeline_find_line (timeline, line, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
  while (reclaim_session_event_forward (session) &&
         reclaim_session_get_position (session) < reclaim_session_get_timeline (session)->end)
    g_ptr_array_add (captions, reclaim_session_describe (session));
  return captions;
}

static guint
count_containing (GPtrArray *captions, const char *text)
{
  guint n = 0;

  for (guint i = 0; i < captions->len; i++)
    n += strstr (g_ptr_array_index (captions, i), text) != NULL;
  return n;
}

static void
test_collection_captions (void)
{
  g_autoptr (ReclaimSession) moved_back =
    session_with ("import gc\nclass Node:\n    pass\nchild = Node()\nkeep = Node()\n"
                  "keep.child = child\nchild.back = keep\ndel child\ngc.collect()\n");
  g_autoptr (ReclaimSession) finalized =
    session_with ("import gc\nclass Node:\n    def __del__(self):\n        pass\n"
                  "a = Node()\na.me = a\ndel a\ngc.collect()\n");
  g_autoptr (GPtrArray) first = captions_from_line (moved_back, 9);
  g_autoptr (GPtrArray) second = captions_from_line (finalized, 8);

  /* the child comes first in the young generation: tentatively
   * unreachable, then moved back when keep is scanned */
  g_assert_cmpuint (count_containing (first, "is tentatively unreachable"), ==, 1);
  g_assert_cmpuint (count_containing (first, "moved back: a reachable object refers to it"), ==, 1);
  /* the garbage is never moved back, and a statement that calls __del__
   * is not over when __del__'s body starts */
  g_assert_cmpuint (count_containing (second, "Node #"), >, 0);
  for (guint i = 0; i < second->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (second, i), "Node #") &&
                    strstr (g_ptr_array_index (second, i), "moved back") != NULL);
  g_assert_cmpuint (count_containing (second, "line 8 calls a function: gc.collect()"), ==, 1);
  g_assert_cmpuint (count_containing (second, "finalize_garbage takes Node #"), ==, 1);
  g_assert_cmpuint (count_containing (second, "'s __del__ runs"), ==, 1);
}

static void
test_names (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("class Node:\n    pass\na = Node()\na.next = Node()\nitems = [a, Node()]\n"
                  "d = {'k': Node()}\n");
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  ReclaimId items = global (session, "items");
  ReclaimId d = global (session, "d");
  ReclaimId second = (ReclaimId) reclaim_heap_slot_get (heap, items, 1);
  ReclaimId next = (ReclaimId) reclaim_heap_slot_get (heap, global (session, "a"), 0);
  g_autofree char *item_name = reclaim_session_name_of (session, second);
  g_autofree char *next_name = reclaim_session_name_of (session, next);
  g_autofree char *value_name = NULL;

  g_assert_cmpstr (item_name, ==, "items[1]");
  g_assert_cmpstr (next_name, ==, "a.next");
  for (guint i = 0; i < reclaim_heap_n_slots (heap, d); i++)
    if (reclaim_heap_slot_get_role (heap, d, i) == RECLAIM_ROLE_VALUE)
      value_name = reclaim_session_name_of (session, reclaim_heap_slot_get (heap, d, i));
  g_assert_cmpstr (value_name, ==, "d['k']");
}

static void
test_errors (void)
{
  g_autoptr (ReclaimSession) session = session_with ("x = 1\nprint(y)\n");

  g_assert_cmpint (reclaim_session_get_status (session), ==, 1);
  g_assert_cmpuint (reclaim_session_get_error_line (session), ==, 2);
  g_assert_cmpstr (reclaim_session_get_error_message (session), ==,
                   "NameError: name 'y' is not defined");
  g_assert_true (strstr (reclaim_session_get_output (session), "Traceback") != NULL);

  /* a syntax error names its line too; the last run that started stays,
   * its two steps and the position in them */
  g_assert_false (reclaim_session_is_stale (session));
  reclaim_session_step_back (session);
  guint64 position = reclaim_session_get_position (session);
  reclaim_session_set_source (session, "x = 1\nif x\n");
  g_assert_cmpuint (reclaim_session_get_error_line (session), ==, 2);
  g_assert_cmpstr (reclaim_session_get_error_message (session), ==, "SyntaxError: expected ':'");
  g_assert_true (reclaim_session_is_stale (session));
  g_assert_cmpuint (reclaim_timeline_n_steps (reclaim_session_get_timeline (session)), ==, 2);
  g_assert_cmpuint (reclaim_session_get_position (session), ==, position);
  /* what python3 printed about it shows wherever the position is */
  g_assert_cmpuint (reclaim_session_get_output_length (session), ==, strlen (reclaim_session_get_output (session)));
  g_assert_nonnull (strstr (reclaim_session_get_output (session), "SyntaxError"));

  /* an edit on the canvas meanwhile keeps what was typed */
  g_assert_true (reclaim_session_collect (session));
  g_assert_true (g_str_has_prefix (reclaim_session_get_source (session), "import gc\n"));
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "x = 1\nif x\ngc.collect()\n"));
  g_assert_true (reclaim_session_is_stale (session));

  reclaim_session_set_source (session, "x = 1\n");
  g_assert_false (reclaim_session_is_stale (session));
  g_assert_cmpuint (reclaim_session_get_error_line (session), ==, 0);
  g_assert_null (reclaim_session_get_error_message (session));
  g_assert_cmpuint (reclaim_timeline_n_steps (reclaim_session_get_timeline (session)), ==, 1);

  /* a file that does not start shows nothing of the script before it */
  reclaim_session_load_text (session, "if x\n");
  g_assert_false (reclaim_session_is_stale (session));
  g_assert_cmpuint (reclaim_timeline_n_steps (reclaim_session_get_timeline (session)), ==, 0);
}

static void
test_runaway (void)
{
  g_autoptr (ReclaimSession) session = session_with ("while True:\n    pass\n");

  /* the window's limit stops it quickly, with a message that names the
   * preference that changes it, not reclaim-cli's option */
  g_assert_cmpint (reclaim_session_get_status (session), !=, 0);
  g_assert_nonnull (reclaim_session_get_error_message (session));
  g_assert_nonnull (strstr (reclaim_session_get_error_message (session), "Preferences, Step limit"));
  g_assert_null (strstr (reclaim_session_get_output (session), "--max-steps"));
  g_assert_nonnull (strstr (reclaim_session_get_output (session), "after 2000000 steps"));

  reclaim_session_set_max_steps (session, 5000);
  g_assert_nonnull (strstr (reclaim_session_get_output (session), "after 5000 steps"));
}

/* A script whose events outgrow the window's memory budget is stopped
 * with a message naming the preference, never by the kernel; the
 * default budget lets it finish. */
static void
test_memory_budget (void)
{
  g_autoptr (ReclaimSession) session = session_with ("class Node:\n    pass\n"
                                                     "nodes = [Node() for i in range(150000)]\n"
                                                     "print(len(nodes))\n");

  g_assert_cmpint (reclaim_session_get_status (session), ==, 0);
  g_assert_cmpstr (reclaim_session_get_output (session), ==, "150000\n");

  reclaim_session_set_max_memory (session, 32 << 20);
  g_assert_cmpint (reclaim_session_get_status (session), ==, 3);
  g_assert_nonnull (strstr (reclaim_session_get_error_message (session), "Preferences, Memory limit"));
  g_assert_nonnull (strstr (reclaim_session_get_output (session), "more than 32 MiB"));
  g_assert_null (strstr (reclaim_session_get_output (session), "MemoryError"));
}

static void
test_undo_redo (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();

  g_assert_false (reclaim_session_can_undo (session));
  reclaim_session_set_source (session, "a = 1\n");
  reclaim_session_set_source (session, "a = 2\n");
  g_assert_true (reclaim_session_can_undo (session));
  reclaim_session_undo (session);
  g_assert_cmpstr (reclaim_session_get_source (session), ==, "a = 1\n");
  g_assert_true (reclaim_session_can_redo (session));
  reclaim_session_redo (session);
  g_assert_cmpstr (reclaim_session_get_source (session), ==, "a = 2\n");
  g_assert_false (reclaim_session_can_redo (session));
  /* a new change forgets what could be redone */
  reclaim_session_undo (session);
  reclaim_session_set_source (session, "a = 3\n");
  g_assert_false (reclaim_session_can_redo (session));
}

static void
count_signal (ReclaimSession *session, guint *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  guint ran = 0, moved = 0;

  g_signal_connect (session, "ran", G_CALLBACK (count_signal), &ran);
  g_signal_connect (session, "moved", G_CALLBACK (count_signal), &moved);
  reclaim_session_set_source (session, "a = 1\nb = 2\n");
  g_assert_cmpuint (ran, ==, 1);
  g_assert_cmpuint (moved, ==, 1);
  reclaim_session_step_back (session);
  g_assert_cmpuint (ran, ==, 1);
  g_assert_cmpuint (moved, ==, 2);
  /* the same text does not run again */
  reclaim_session_set_source (session, "a = 1\nb = 2\n");
  g_assert_cmpuint (ran, ==, 1);
}

static void
test_positions_saved (void)
{
  g_autoptr (ReclaimSession) session = session_with (cycle_script);
  g_autoptr (ReclaimSession) reopened = reclaim_session_new ();
  double x, y;

  reclaim_session_set_source (session, "class Node:\n    pass\nn1 = Node()\nn1.next = Node()\n");
  ReclaimId next = (ReclaimId) reclaim_heap_slot_get (reclaim_session_get_heap (session),
                                                      global (session, "n1"), 0);
  reclaim_session_set_card_position (session, next, 120, 40);
  g_autofree char *text = reclaim_session_dup_text (session);
  g_assert_true (g_str_has_prefix (text, "class Node:\n    pass\nn1 = Node()\nn1.next = Node()\n"));
  g_assert_true (strstr (text, "n1.next") != NULL);

  reclaim_session_load_text (reopened, text);
  /* the block is not part of the script the user edits */
  g_assert_cmpstr (reclaim_session_get_source (reopened), ==,
                   "class Node:\n    pass\nn1 = Node()\nn1.next = Node()\n");
  ReclaimId reopened_next = (ReclaimId) reclaim_heap_slot_get (reclaim_session_get_heap (reopened),
                                                               global (reopened, "n1"), 0);
  g_assert_true (reclaim_session_get_card_position (reopened, reopened_next, &x, &y));
  g_assert_cmpfloat (x, ==, 120);
  g_assert_cmpfloat (y, ==, 40);
  g_assert_false (reclaim_session_can_undo (reopened));

  /* positions survive a re-run, and Tidy up forgets them */
  reclaim_session_set_source (reopened, "class Node:\n    pass\nn1 = Node()\nn1.next = Node()\nx = 1\n");
  reopened_next = (ReclaimId) reclaim_heap_slot_get (reclaim_session_get_heap (reopened),
                                                     global (reopened, "n1"), 0);
  g_assert_true (reclaim_session_get_card_position (reopened, reopened_next, &x, &y));
  reclaim_session_clear_card_positions (reopened);
  g_assert_false (reclaim_session_get_card_position (reopened, reopened_next, &x, &y));
}

static void
test_edit_new_object (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (reclaim_session_new_object (session, RECLAIM_NEW_INSTANCE, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "n1 = Node()\n"));
  ReclaimId n1 = global (session, "n1");
  g_assert_cmpuint (n1, !=, 0);
  g_assert_cmpstr (reclaim_heap_get_type_name (reclaim_session_get_heap (session), n1), ==, "Node");
  g_assert_cmpuint (reclaim_session_get_position (session), ==,
                    reclaim_session_get_timeline (session)->end);

  /* an edit is an undo point */
  reclaim_session_undo (session);
  g_assert_cmpuint (global (session, "n1"), ==, 0);
}

static void
test_edit_references (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (reclaim_session_new_object (session, RECLAIM_NEW_INSTANCE, NULL));
  g_assert_true (reclaim_session_new_object (session, RECLAIM_NEW_INSTANCE, NULL));
  ReclaimId n1 = global (session, "n1"), n2 = global (session, "n2");
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  guint32 before = reclaim_heap_get_refcount (heap, n2);

  g_assert_true (reclaim_session_add_reference (session, n1, "next", n2, FALSE, &error));
  g_assert_no_error (error);
  heap = reclaim_session_get_heap (session);
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "n1.next = n2\n"));
  g_assert_cmpuint (reclaim_heap_get_refcount (heap, global (session, "n2")), ==, before + 1);

  g_assert_true (reclaim_session_add_reference (session, global (session, "n2"), "back",
                                                global (session, "n1"), TRUE, &error));
  heap = reclaim_session_get_heap (session);
  g_assert_cmpuint (reclaim_heap_weakref_count (heap, global (session, "n1")), ==, 1);

  /* a refused edit changes nothing */
  g_autofree char *source = g_strdup (reclaim_session_get_source (session));
  g_assert_false (reclaim_session_add_reference (session, global (session, "n1"), "1x",
                                                 global (session, "n2"), FALSE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME);
  g_assert_cmpstr (reclaim_session_get_source (session), ==, source);
}

static void
test_edit_delete_and_collect (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("class Node:\n    pass\n\n\nn1 = Node()\nn1.me = n1\n");
  ReclaimId ns = reclaim_session_get_timeline (session)->module_dict;
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  ReclaimId n1 = global (session, "n1");
  guint slot = G_MAXUINT;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, ns); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (heap, ns, i), "n1") == 0 &&
        reclaim_heap_slot_get_role (heap, ns, i) == RECLAIM_ROLE_VALUE)
      slot = i;
  g_assert_cmpuint (slot, !=, G_MAXUINT);
  g_assert_true (reclaim_session_delete_reference (session, ns, slot, NULL));
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "del n1\n"));
  /* the self-cycle keeps it alive until a collection */
  heap = reclaim_session_get_heap (session);
  g_assert_cmpint (reclaim_heap_get_state (heap, n1), ==, RECLAIM_STATE_ALIVE);

  g_assert_true (reclaim_session_collect (session));
  heap = reclaim_session_get_heap (session);
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "gc.collect()\n"));
  g_assert_cmpint (reclaim_heap_get_state (heap, n1), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_freed_by (heap, n1), ==, RECLAIM_FREED_BY_GC);
}

static void
test_collector_mode (void)
{
  g_autoptr (ReclaimSession) session =
    session_with ("class Node:\n    pass\nn1 = Node()\ndel n1\n");
  ReclaimId node = 0;
  ReclaimHeap *heap = reclaim_session_get_heap (session);

  for (ReclaimId id = reclaim_session_get_timeline (session)->first_id;
       id <= reclaim_heap_n_objects (heap); id++)
    if (g_strcmp0 (reclaim_heap_get_type_name (heap, id), "Node") == 0)
      node = id;
  g_assert_cmpint (reclaim_heap_get_state (heap, node), ==, RECLAIM_STATE_FREED);

  /* under mark-and-sweep a count of 0 frees nothing */
  reclaim_session_set_collector (session, RECLAIM_COLLECTOR_MARKSWEEP);
  heap = reclaim_session_get_heap (session);
  g_assert_cmpint (reclaim_heap_get_state (heap, node), ==, RECLAIM_STATE_ALIVE);
}

/* The session at the point just before line first runs. */
static void
seek_before_line (ReclaimSession *session, guint line)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step;

  g_assert_true (reclaim_timeline_find_line (timeline, line, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
}

static void
test_edit_at_earlier_step (void)
{
  g_autoptr (ReclaimSession) session = session_with ("class Node:\n"
                                                     "    pass\n"
                                                     "def make():\n"
                                                     "    return Node()\n"
                                                     "a = make()\n"
                                                     "b = Node()\n"
                                                     "del a\n");
  g_autoptr (GError) error = NULL;

  /* looking at the heap after a = make(): the new object's statement goes
   * after it, and the view stays there, at the new statement */
  seek_before_line (session, 6);
  g_assert_true (reclaim_session_new_object (session, RECLAIM_NEW_LIST, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reclaim_session_get_source (session), ==,
                   "class Node:\n    pass\ndef make():\n    return Node()\na = make()\nl1 = []\nb = Node()\ndel a\n");
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 7);
  g_assert_cmpuint (reclaim_session_get_position (session), <, reclaim_session_get_timeline (session)->end);

  /* a is alive there (deleted at the end): an edit can name it */
  ReclaimId ns = reclaim_session_get_timeline (session)->module_dict;
  g_assert_true (reclaim_session_add_reference (session, ns, "keep", global (session, "a"), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (strstr (reclaim_session_get_source (session), "l1 = []\nkeep = a\nb = Node()\n") != NULL);
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 8);

  /* inside make(), called by line 5: the edit goes after line 5's
   * statement, not into the function */
  seek_before_line (session, 4);
  g_assert_true (reclaim_session_collect (session));
  g_assert_true (strstr (reclaim_session_get_source (session), "a = make()\ngc.collect()\nl1 = []\n") != NULL);
  g_assert_true (g_str_has_prefix (reclaim_session_get_source (session), "import gc\n"));
  g_assert_cmpuint (reclaim_session_get_line (session), ==, 9);

  /* at the end, edits still go at the end */
  reclaim_session_go_to_end (session);
  g_assert_true (reclaim_session_new_object (session, RECLAIM_NEW_DICT, NULL));
  g_assert_true (g_str_has_suffix (reclaim_session_get_source (session), "del a\nd1 = {}\n"));
  g_assert_cmpuint (reclaim_session_get_position (session), ==, reclaim_session_get_timeline (session)->end);
}

/* A weak reference made above the script's own "import weakref" imports
 * it where it is used first. */
static void
test_edit_before_import (void)
{
  g_autoptr (ReclaimSession) session = session_with ("class Node:\n"
                                                     "    pass\n"
                                                     "a = Node()\n"
                                                     "b = Node()\n"
                                                     "import weakref\n"
                                                     "w = weakref.ref(a)\n");
  g_autoptr (GError) error = NULL;
  ReclaimId ns = reclaim_session_get_timeline (session)->module_dict;

  seek_before_line (session, 5);
  g_assert_true (reclaim_session_add_reference (session, ns, "r", global (session, "b"), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reclaim_session_get_status (session), ==, 0);
  g_assert_true (g_str_has_prefix (reclaim_session_get_source (session), "import weakref\n"));
  g_assert_nonnull (strstr (reclaim_session_get_source (session), "b = Node()\nr = weakref.ref(b)\n"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/session/run-and-output", test_run_and_output);
  g_test_add_func ("/view/session/output-so-far", test_output_so_far);
  g_test_add_func ("/view/session/step-statements", test_step_statements);
  g_test_add_func ("/view/session/step-events", test_step_events);
  g_test_add_func ("/view/session/step-events-skip-interpreter", test_step_events_skip_interpreter);
  g_test_add_func ("/view/session/captions", test_captions);
  g_test_add_func ("/view/session/collector-captions", test_collector_captions);
  g_test_add_func ("/view/session/collection-captions", test_collection_captions);
  g_test_add_func ("/view/session/names", test_names);
  g_test_add_func ("/view/session/errors", test_errors);
  g_test_add_func ("/view/session/runaway", test_runaway);
  g_test_add_func ("/view/session/memory-budget", test_memory_budget);
  g_test_add_func ("/view/session/undo-redo", test_undo_redo);
  g_test_add_func ("/view/session/signals", test_signals);
  g_test_add_func ("/view/session/positions-saved", test_positions_saved);
  g_test_add_func ("/view/session/edit-new-object", test_edit_new_object);
  g_test_add_func ("/view/session/edit-references", test_edit_references);
  g_test_add_func ("/view/session/edit-delete-and-collect", test_edit_delete_and_collect);
  g_test_add_func ("/view/session/collector-mode", test_collector_mode);
  g_test_add_func ("/view/session/edit-at-earlier-step", test_edit_at_earlier_step);
  g_test_add_func ("/view/session/edit-before-import", test_edit_before_import);

  return g_test_run ();
}
