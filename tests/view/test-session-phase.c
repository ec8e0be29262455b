/* test-session-phase.c: stepping a collection phase by phase, without a
 * window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The devguide's example walked through its gc.collect() in a handful of
 * presses, the gc_refs the candidates show at each phase, stepping back
 * to the same places, the position label and the line that is running;
 * the welcome example walked the same way.
 */
#include "reclaim-caption-phase.h"
#include "reclaim-session.h"

#include <string.h>

/* The garbage collector design's example from CPython's devguide: a cycle
 * of three Link objects, one of them still held by A, and one Link that
 * refers to itself. */
static char *devguide_script;     /* data/examples/devguide.py */

static const char finalizer_script[] =
  "import gc\n"                                       /* 1 */
  "class Node:\n"
  "    def __del__(self):\n"
  "        print('bye')\n"                            /* 4 */
  "n = Node()\n"                                      /* 5 */
  "n.me = n\n"
  "del n\n"
  "gc.collect()\n"                                    /* 8 */
  "print('done')\n";                                  /* 9 */

static const char callback_script[] =
  "import gc, weakref\n"                             /* 1 */
  "class Node:\n"
  "    pass\n"
  "def gone(ref):\n"
  "    print('gone')\n"                              /* 5 */
  "n = Node()\n"
  "n.me = n\n"
  "watch = weakref.ref(n, gone)\n"
  "del n\n"
  "gc.collect()\n"                                   /* 10 */
  "print('done')\n";                                 /* 11 */

static ReclaimSession *
session_with (const char *source)
{
  ReclaimSession *session = reclaim_session_new ();

  reclaim_session_set_source (session, source);
  return session;
}

static void
seek_to_line (ReclaimSession *session, guint line)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step;

  g_assert_true (reclaim_timeline_find_line (timeline, line, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
}

/* The collector's candidates: objects it is scanning right now. */
static gboolean
is_candidate (ReclaimHeap *heap, ReclaimId id)
{
  return reclaim_heap_get_state (heap, id) == RECLAIM_STATE_ALIVE &&
         (reclaim_heap_get_flags (heap, id) & RECLAIM_FLAG_COLLECTING) != 0;
}

typedef struct {
  ReclaimId target;
  guint     count;
} CountVisit;

static void
count_target (ReclaimId target, gpointer user_data)
{
  CountVisit *visit = user_data;

  if (target == visit->target)
    visit->count++;
}

/* CPython's rule: after subtract_refs, gc_refs is the reference count
 * less the references that come from other candidates. */
static gint32
references_from_outside (ReclaimHeap *heap, ReclaimId obj)
{
  CountVisit visit = { obj, 0 };

  for (ReclaimId id = 1; id <= reclaim_heap_n_objects (heap); id++)
    if (is_candidate (heap, id))
      reclaim_heap_traverse (heap, id, count_target, &visit);
  return (gint32) reclaim_heap_get_refcount (heap, obj) - (gint32) visit.count;
}

static void
check_subtract_refs (ReclaimSession *session)
{
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  ReclaimId first_id = reclaim_session_get_timeline (session)->first_id;
  guint links = 0;

  for (ReclaimId id = first_id; id <= reclaim_heap_n_objects (heap); id++)
    if (is_candidate (heap, id))
      {
        g_assert_cmpint (reclaim_heap_get_gc_refs (heap, id), ==, references_from_outside (heap, id));
        if (g_strcmp0 (reclaim_heap_get_type_name (heap, id), "Link") == 0)
          links++;
      }
  /* all four Links are candidates (A holds link_1 from the module's dict,
   * itself a candidate of this full collection) */
  g_assert_cmpuint (links, ==, 4);
}

/* From the statement before gc.collect() to the script's end, a press at
 * a time: each collector phase once, in CPython's order. */
static void
test_devguide_walk (void)
{
  static const ReclaimPhase expected[] = {
    RECLAIM_PHASE_UPDATE_REFS, RECLAIM_PHASE_SUBTRACT_REFS, RECLAIM_PHASE_MOVE_UNREACHABLE,
    RECLAIM_PHASE_HANDLE_WEAKREFS, RECLAIM_PHASE_FINALIZE_GARBAGE, RECLAIM_PHASE_CHECK_GARBAGE,
    RECLAIM_PHASE_DELETE_GARBAGE,
  };
  g_autoptr (ReclaimSession) session = session_with (devguide_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint presses = 0, n_phases = 0;

  seek_to_line (session, 17);
  while (reclaim_session_get_position (session) < timeline->end)
    {
      g_assert_true (reclaim_session_phase_forward (session));
      presses++;
      ReclaimPhase phase = reclaim_session_get_phase (session);
      if (phase == RECLAIM_PHASE_NONE)
        continue;
      g_assert_cmpuint (n_phases, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (phase, ==, expected[n_phases]);
      n_phases++;
      if (phase == RECLAIM_PHASE_SUBTRACT_REFS)
        check_subtract_refs (session);
    }
  g_assert_cmpuint (n_phases, ==, G_N_ELEMENTS (expected));
  /* del link_4, seven phases, the rest of the statement */
  g_assert_cmpuint (presses, ==, 9);
  g_assert_false (reclaim_session_phase_forward (session));
}

/* Between two statements without a collection, a phase step is a
 * statement step. */
static void
test_phase_outside_collection (void)
{
  g_autoptr (ReclaimSession) session = session_with (devguide_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);

  seek_to_line (session, 8);
  guint step = reclaim_session_get_step (session);
  g_assert_true (reclaim_session_phase_forward (session));
  g_assert_cmpuint (reclaim_session_get_position (session), ==,
                    reclaim_timeline_step_position (timeline, step + 1));
  g_assert_cmpint (reclaim_session_get_phase (session), ==, RECLAIM_PHASE_NONE);
}

/* Every stop is found again stepping back, in reverse. */
static void
test_phase_back (void)
{
  g_autoptr (ReclaimSession) session = session_with (finalizer_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  g_autoptr (GArray) stops = g_array_new (FALSE, FALSE, sizeof (guint64));

  reclaim_session_seek (session, timeline->start);
  do
    {
      guint64 position = reclaim_session_get_position (session);
      g_array_append_val (stops, position);
    }
  while (reclaim_session_phase_forward (session));
  g_assert_cmpuint (reclaim_session_get_position (session), ==, timeline->end);

  for (guint i = stops->len - 1; i-- > 0;)
    {
      g_assert_true (reclaim_session_phase_back (session));
      g_assert_cmpuint (reclaim_session_get_position (session), ==, g_array_index (stops, guint64, i));
    }
  g_assert_false (reclaim_session_phase_back (session));
}

/* Each phase stop says what the phase did, by its CPython name, and the
 * label counts the phases. */
static void
test_phase_captions (void)
{
  g_autoptr (ReclaimSession) session = session_with (devguide_script);
  guint seen = 0;

  seek_to_line (session, 19);
  while (reclaim_session_phase_forward (session))
    {
      ReclaimPhase phase = reclaim_session_get_phase (session);
      g_autofree char *caption = reclaim_session_describe (session);
      g_autofree char *label = reclaim_session_describe_position (session);
      if (phase == RECLAIM_PHASE_NONE)
        {
          g_assert_null (strstr (label, "phase"));
          continue;
        }
      seen++;
      g_test_message ("%s", caption);
      g_assert_true (g_str_has_prefix (caption, reclaim_caption_phase_name (phase)));
      g_autofree char *expected = g_strdup_printf ("Step 18 of 18 · line 19\nphase %u of 7: %s", seen,
                                                   reclaim_caption_phase_name (phase));
      g_assert_cmpstr (label, ==, expected);
      if (phase == RECLAIM_PHASE_SUBTRACT_REFS)
        g_assert_nonnull (strstr (caption, "only the references from outside"));
      if (phase == RECLAIM_PHASE_DELETE_GARBAGE)
        g_assert_nonnull (strstr (caption, "1 object was freed"));
    }
  g_assert_cmpuint (seen, ==, 7);
}

/* A phase's end reached another way than by an event step (a lesson's
 * step, the timeline) tells the phase too. */
static void
test_phase_caption_after_seek (void)
{
  g_autoptr (ReclaimSession) session = session_with (devguide_script);

  seek_to_line (session, 19);
  reclaim_session_phase_forward (session);
  reclaim_session_phase_forward (session);
  g_assert_cmpint (reclaim_session_get_phase (session), ==, RECLAIM_PHASE_SUBTRACT_REFS);
  guint64 phase_end = reclaim_session_get_position (session);
  g_autofree char *by_phase = reclaim_session_describe (session);

  seek_to_line (session, 19);
  reclaim_session_seek (session, phase_end);
  g_autofree char *by_seek = reclaim_session_describe (session);
  g_assert_cmpstr (by_seek, ==, by_phase);
  /* (event steps: test-visibility's mark-and-sweep walk) */
}

/* Stepping into events, the label changes with every press: it counts the
 * events of the statement. */
static void
test_label_counts_events (void)
{
  g_autoptr (ReclaimSession) session = session_with (devguide_script);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  g_autofree char *before = NULL;
  guint presses = 0;

  seek_to_line (session, 19);
  before = reclaim_session_describe_position (session);
  while (reclaim_session_get_position (session) < timeline->end)
    {
      g_assert_true (reclaim_session_event_forward (session));
      g_autofree char *label = reclaim_session_describe_position (session);
      g_assert_cmpstr (label, !=, before);
      g_free (before);
      before = g_steal_pointer (&label);
      presses++;
    }
  g_assert_cmpuint (presses, >, 7);
}

/* The mark-and-sweep model has two phases, mark and sweep, and its
 * captions speak of marks. */
static void
test_marksweep_phases (void)
{
  g_autoptr (ReclaimSession) session = session_with (devguide_script);
  const ReclaimTimeline *timeline;
  ReclaimPhase phases[4];
  guint n = 0;

  reclaim_session_set_collector (session, RECLAIM_COLLECTOR_MARKSWEEP);
  timeline = reclaim_session_get_timeline (session);
  seek_to_line (session, 19);
  while (reclaim_session_phase_forward (session) && reclaim_session_get_position (session) < timeline->end)
    {
      ReclaimPhase phase = reclaim_session_get_phase (session);
      if (phase == RECLAIM_PHASE_NONE)
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (phases));
      phases[n++] = phase;
      g_autofree char *caption = reclaim_session_describe (session);
      g_assert_null (strstr (caption, "gc_refs"));
      g_assert_nonnull (strstr (caption, "mark"));
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (phases[0], ==, RECLAIM_PHASE_MARK);
  g_assert_cmpint (phases[1], ==, RECLAIM_PHASE_SWEEP);
}

/* While __del__ runs, its body's line is the one running; once it has
 * returned, gc.collect()'s line is again, through delete_garbage. */
static void
test_line_after_finalizer (void)
{
  g_autoptr (ReclaimSession) session = session_with (finalizer_script);
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  gboolean in_body = FALSE, after_body = FALSE;

  seek_to_line (session, 8);
  while (reclaim_session_event_forward (session) && reclaim_session_get_position (session) < timeline->end)
    {
      guint64 position = reclaim_session_get_position (session);
      const ReclaimEvent last = reclaim_heap_get_event (heap, position - 1);
      if (last.kind == RECLAIM_EV_LINE && last.x == 9)
        break;
      /* on a statement's boundary the line about to run shows */
      if (reclaim_timeline_step_position (timeline, reclaim_session_get_step (session)) == position)
        continue;
      if (last.kind == RECLAIM_EV_LINE && last.x == 4)
        in_body = TRUE;
      if (last.kind == RECLAIM_EV_FINALIZE_END)
        in_body = FALSE, after_body = TRUE;
      g_assert_cmpuint (reclaim_session_get_line (session), ==, in_body ? 4 : 8);
      if (after_body && reclaim_session_get_phase (session) == RECLAIM_PHASE_DELETE_GARBAGE)
        g_assert_cmpuint (reclaim_session_get_line (session), ==, 8);
    }
  g_assert_true (after_body);
}

/* After __del__ ran, the resurrection check analyses the garbage again:
 * eleven phases, the second analysis named as such; the __del__ body's
 * statements are stops too, labelled with the phase they run in. */
static void
test_finalizer_phases (void)
{
  g_autoptr (ReclaimSession) session = session_with (finalizer_script);
  guint presses = 0, checks = 0, again = 0;
  gboolean body_in_phase = FALSE;

  seek_to_line (session, 8);
  while (reclaim_session_get_line (session) != 9)
    {
      g_assert_true (reclaim_session_phase_forward (session));
      presses++;
      g_autofree char *caption = reclaim_session_describe (session);
      g_autofree char *label = reclaim_session_describe_position (session);
      if (reclaim_session_get_line (session) == 4 &&
          strstr (label, "phase 5 of 11: finalize_garbage") != NULL)
        body_in_phase = TRUE;
      if (g_str_has_prefix (caption, "Resurrection check, on the garbage alone: "))
        again++;
      if (reclaim_session_get_phase (session) == RECLAIM_PHASE_CHECK_GARBAGE &&
          g_str_has_prefix (caption, "handle_resurrected_objects:"))
        {
          /* first the check starts the analysis again, then it reports */
          g_assert_true (strstr (caption, checks == 0 ? "once more" : "no __del__ made") != NULL);
          checks++;
        }
    }
  g_assert_true (body_in_phase);
  g_assert_cmpuint (again, ==, 3);
  g_assert_cmpuint (checks, ==, 2);
  /* the __del__ body's line, eleven phases, the statement's end */
  g_assert_cmpuint (presses, ==, 13);
}

/* A weakref callback's body is the running line only while it runs. */
static void
test_line_after_callback (void)
{
  g_autoptr (ReclaimSession) session = session_with (callback_script);
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  gboolean in_body = FALSE, after_body = FALSE;

  g_assert_cmpstr (reclaim_session_get_output (session), ==, "gone\ndone\n");
  seek_to_line (session, 10);
  while (reclaim_session_event_forward (session))
    {
      guint64 position = reclaim_session_get_position (session);
      const ReclaimEvent last = reclaim_heap_get_event (heap, position - 1);
      if (last.kind == RECLAIM_EV_LINE && last.x == 11)
        break;
      if (last.kind == RECLAIM_EV_LINE && last.x == 5)
        in_body = TRUE;
      if (last.kind == RECLAIM_EV_CALLBACK_END)
        in_body = FALSE, after_body = TRUE;
      /* on a statement's boundary the line about to run shows */
      if (reclaim_timeline_step_position (reclaim_session_get_timeline (session),
                                          reclaim_session_get_step (session)) == position)
        continue;
      g_assert_cmpuint (reclaim_session_get_line (session), ==, in_body ? 5 : 10);
    }
  g_assert_true (after_body);
}

/* The welcome example's gc.collect(), with two __del__ and the second
 * analysis they bring, from its statement to the next: each phase once,
 * and each __del__ body's statement. */
static void
test_welcome_walk (void)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "welcome.py", NULL);
  g_autofree char *source = NULL;
  guint line, presses = 0, phases = 0;

  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  g_autoptr (ReclaimSession) session = session_with (source);
  const char *collect = strstr (source, "gc.collect()");
  g_assert_nonnull (collect);
  line = 1;
  for (const char *c = source; c < collect; c++)
    line += *c == '\n';

  seek_to_line (session, line);
  while (reclaim_session_get_line (session) != line + 1)
    {
      g_assert_true (reclaim_session_phase_forward (session));
      presses++;
      if (reclaim_timeline_is_phase_end (reclaim_session_get_timeline (session),
                                         reclaim_session_get_position (session)))
        phases++;
    }
  guint event_presses = 0;
  seek_to_line (session, line);
  while (reclaim_session_get_line (session) != line + 1 && reclaim_session_event_forward (session))
    event_presses++;
  g_test_message ("the welcome example's collection: %u phase presses (%u phases), %u event presses",
                  presses, phases, event_presses);
  g_assert_cmpuint (phases, ==, 11);
  /* the phases, two __del__ bodies, the rest of the statement */
  g_assert_cmpuint (presses, ==, 14);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *devguide_path = g_build_filename (EXAMPLES_DIR, "devguide.py", NULL);
  if (!g_file_get_contents (devguide_path, &devguide_script, NULL, NULL))
    g_error ("cannot read %s", devguide_path);

  g_test_add_func ("/view/session-phase/caption-after-seek", test_phase_caption_after_seek);
  g_test_add_func ("/view/session-phase/devguide-walk", test_devguide_walk);
  g_test_add_func ("/view/session-phase/outside-collection", test_phase_outside_collection);
  g_test_add_func ("/view/session-phase/back", test_phase_back);
  g_test_add_func ("/view/session-phase/captions", test_phase_captions);
  g_test_add_func ("/view/session-phase/label-counts-events", test_label_counts_events);
  g_test_add_func ("/view/session-phase/marksweep", test_marksweep_phases);
  g_test_add_func ("/view/session-phase/line-after-finalizer", test_line_after_finalizer);
  g_test_add_func ("/view/session-phase/finalizer-phases", test_finalizer_phases);
  g_test_add_func ("/view/session-phase/line-after-callback", test_line_after_callback);
  g_test_add_func ("/view/session-phase/welcome-walk", test_welcome_walk);
  return g_test_run ();
}
