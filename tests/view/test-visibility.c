/* test-visibility.c: the script's objects in front, the interpreter's
 * machinery on request.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's scene, event stepping and the captions all follow one
 * predicate (reclaim-visibility.h); these tests walk whole scripts with a
 * session, as the window does, without a display.
 */
#include "reclaim-session.h"

#include <string.h>

/* Classes with inheritance and super(), a mutable default, a closure, a
 * bound method, a generator, a reference to a function's defaults, and a
 * cycle collected at the end. */
static const char classy_script[] =
  "import gc\n"
  "class Shape:\n"
  "    count = 0\n"
  "    def __init__(self, name, tags=[]):\n"
  "        self.name = name\n"
  "        self.tags = tags\n"
  "class Square(Shape):\n"
  "    def __init__(self, name, side):\n"
  "        super().__init__(name)\n"
  "        self.side = side\n"
  "    def area(self):\n"
  "        return self.side * self.side\n"
  "def counter():\n"
  "    total = 0\n"
  "    def bump():\n"
  "        nonlocal total\n"
  "        total += 1\n"
  "        return total\n"
  "    return bump\n"
  "def squares(n):\n"
  "    for i in range(n):\n"
  "        yield Square('s%d' % i, i)\n"
  "s = Square('s', 2)\n"
  "measure = s.area\n"
  "bump = counter()\n"
  "bump()\n"
  "gen = squares(2)\n"
  "first = next(gen)\n"
  "defaults = Shape.__init__.__defaults__\n"
  "s.me = s\n"
  "del s\n"
  "gc.collect()\n";

static char *
welcome_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "welcome.py", NULL);
  char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static ReclaimSession *
session_with (const char *source)
{
  ReclaimSession *session = reclaim_session_new ();

  reclaim_session_load_text (session, source);
  g_assert_cmpint (reclaim_session_get_status (session), ==, 0);
  return session;
}

static ReclaimScene *
scene_of (ReclaimSession *session)
{
  ReclaimSceneOptions options;

  reclaim_session_scene_options (session, &options);
  return reclaim_scene_new (reclaim_session_get_heap (session), &options);
}

static gboolean
is_machinery_card (const ReclaimCard *card)
{
  return card->kind == RECLAIM_KIND_CLASS || card->kind == RECLAIM_KIND_FUNCTION ||
         g_strcmp0 (card->title, "getset_descriptor") == 0 || g_strcmp0 (card->title, "module") == 0 ||
         (card->flags & RECLAIM_CARD_CLASS_INTERNAL);
}

static guint
count_machinery (const ReclaimScene *scene)
{
  guint n = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    n += is_machinery_card (reclaim_scene_get_card (scene, c));
  return n;
}

/* At every statement, by default, no card is the interpreter's; turned
 * on, they are there, and every card both scenes share has the same
 * reference count, references from hidden objects included. */
static void
check_every_step (const char *source, const char *expected_hidden_title)
{
  g_autoptr (ReclaimSession) session = session_with (source);
  gboolean seen_hidden = FALSE;

  reclaim_session_go_to_start (session);
  do
    {
      g_assert_false (reclaim_session_get_show_internals (session));
      g_autoptr (ReclaimScene) plain = scene_of (session);
      reclaim_session_set_show_internals (session, TRUE);
      g_autoptr (ReclaimScene) full = scene_of (session);
      reclaim_session_set_show_internals (session, FALSE);

      g_assert_cmpuint (count_machinery (plain), ==, 0);
      for (guint c = 0; c < reclaim_scene_n_cards (full); c++)
        {
          const ReclaimCard *card = reclaim_scene_get_card (full, c);
          const ReclaimCard *same = reclaim_scene_find_card (plain, card->id);
          if (g_strcmp0 (card->title, expected_hidden_title) == 0)
            seen_hidden = TRUE;
          if (same == NULL)
            {
              g_assert_false (reclaim_session_shows (session, card->id));
              continue;
            }
          g_assert_cmpuint (same->refcount, ==, card->refcount);
          g_assert_cmpint (same->generation, ==, card->generation);
        }
      g_assert_cmpuint (reclaim_scene_n_cards (plain), <=, reclaim_scene_n_cards (full));
    }
  while (reclaim_session_step_forward (session));
  g_assert_true (seen_hidden);
}

static void
test_welcome_shows_script_objects (void)
{
  g_autofree char *source = welcome_source ();
  check_every_step (source, "class Node");
  check_every_step (source, "function __del__");
}

static void
test_classes_hidden (void)
{
  check_every_step (classy_script, "class Square");
}

/* What the script can name stays: the mutable default, the closure's
 * cell, the bound method, the generator, and a function's defaults once
 * a variable holds them; the super() cell and the classes go. */
static void
test_script_objects_stay (void)
{
  g_autoptr (ReclaimSession) session = session_with (classy_script);
  guint step;

  g_assert_true (reclaim_timeline_find_line (reclaim_session_get_timeline (session), 30, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (reclaim_session_get_timeline (session), step));
  g_autoptr (ReclaimScene) scene = scene_of (session);
  const char *titles[] = { "list", "cell", "method", "generator squares", "tuple", "Square" };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      guint found = 0;
      for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
        found += g_strcmp0 (reclaim_scene_get_card (scene, c)->title, titles[i]) == 0;
      g_test_message ("%s: %u", titles[i], found);
      /* one cell: the closure's total, not super()'s __class__ */
      g_assert_cmpuint (found, ==, g_str_equal (titles[i], "Square") ? 2 : 1);
    }
}

/* What a class keeps under dunder names is Python's bookkeeping, even
 * when its dicts got their entries before they were stored: a class's
 * __annotations__, a dataclass's __dataclass_fields__ with its Field
 * objects, __slots__.  A class attribute the script wrote stays, and so
 * does a Field the script holds itself. */
static void
test_class_bookkeeping_hidden (void)
{
  static const char source[] =
    "import dataclasses\n"
    "@dataclasses.dataclass\n"
    "class Job:\n"
    "    name: str\n"
    "    size: int = 1\n"
    "class Slotted:\n"
    "    __slots__ = ('a', 'b')\n"
    "    registry = [1, 2]\n"
    "job = Job('a')\n"
    "first = dataclasses.fields(Job)[0]\n";
  g_autoptr (ReclaimSession) session = session_with (source);
  reclaim_session_go_to_end (session);
  g_autoptr (ReclaimScene) scene = scene_of (session);
  guint fields = 0, dicts = 0, tuples = 0, lists = 0, jobs = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, c);
      if (card->flags & RECLAIM_CARD_FRAME)
        continue;
      fields += g_strcmp0 (card->title, "Field") == 0;
      dicts += card->kind == RECLAIM_KIND_DICT;
      tuples += card->kind == RECLAIM_KIND_TUPLE;
      lists += card->kind == RECLAIM_KIND_LIST;
      jobs += g_strcmp0 (card->title, "Job") == 0;
    }
  g_assert_cmpuint (jobs, ==, 1);
  g_assert_cmpuint (lists, ==, 1);     /* registry */
  g_assert_cmpuint (fields, ==, 1);    /* first, which a global holds */
  g_assert_cmpuint (dicts, ==, 0);     /* no __annotations__, no __dataclass_fields__ */
  g_assert_cmpuint (tuples, ==, 0);    /* no __slots__ */
}

/* The events between the start of line `from` and the start of line `to`:
 * how many event steps take the user across, and how many the filter
 * before this one (which passed over the interpreter's start-up objects
 * only) took. */
static void
walk_events (ReclaimSession *session, guint from, guint to, guint *presses, guint *presses_before)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  guint first_step, last_step;

  g_assert_true (reclaim_timeline_find_line (timeline, from, &first_step));
  g_assert_true (reclaim_timeline_find_line (timeline, to, &last_step));
  guint64 start = reclaim_timeline_step_position (timeline, first_step);
  guint64 end = reclaim_timeline_step_position (timeline, last_step);

  *presses_before = 0;
  for (guint64 i = start; i < end; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      *presses_before += ev.obj == 0 || ev.obj >= timeline->first_id;
    }

  *presses = 0;
  reclaim_session_seek (session, start);
  while (reclaim_session_get_position (session) < end)
    {
      guint64 at = reclaim_session_get_position (session);
      g_assert_true (reclaim_session_event_forward (session));
      guint64 stop = reclaim_session_get_position (session);
      (*presses)++;
      /* nothing about a shown object is passed over */
      for (guint64 i = at; i + 1 < stop; i++)
        {
          const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
          g_assert_false (ev.obj != 0 && reclaim_session_shows (session, ev.obj));
        }
      /* and a step ends after an event about a shown object, or at a
       * statement's boundary */
      const ReclaimEvent last = reclaim_heap_get_event (heap, stop - 1);
      g_assert_true (last.obj == 0 || reclaim_session_shows (session, last.obj) ||
                     reclaim_heap_get_event (heap, stop).kind == RECLAIM_EV_LINE);
    }
  g_assert_cmpuint (reclaim_session_get_position (session), ==, end);
}

static void
test_event_steps_through_collect (void)
{
  g_autofree char *source = welcome_source ();
  g_autoptr (ReclaimSession) session = session_with (source);
  guint presses, before;

  /* print("unreachable:", gc.collect()), __del__ twice included */
  walk_events (session, 25, 26, &presses, &before);
  g_test_message ("welcome.py, line 25 to line 26: %u event steps (%u before)", presses, before);
  g_assert_cmpuint (presses, <, before);
  g_assert_cmpuint (presses, <=, 90);

  /* with the interpreter's objects shown, their events are steps again */
  reclaim_session_set_show_internals (session, TRUE);
  guint with_internals;
  walk_events (session, 25, 26, &with_internals, &before);
  g_test_message ("the same with the interpreter's objects: %u event steps", with_internals);
  g_assert_cmpuint (with_internals, >, presses);
}

static void
test_hidden_holder_caption (void)
{
  g_autofree char *source = welcome_source ();
  g_autoptr (ReclaimSession) session = session_with (source);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step, mentions = 0;

  /* watcher = weakref.ref(a): the call's argument tuple holds a for a moment */
  g_assert_true (reclaim_timeline_find_line (timeline, 22, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
  while (reclaim_session_get_position (session) < reclaim_timeline_step_position (timeline, step + 1) &&
         reclaim_session_event_forward (session))
    {
      g_autofree char *caption = reclaim_session_describe (session);
      if (strstr (caption, "not drawn") != NULL)
        {
          g_assert_cmpstr (caption, ==, "a's reference count fell to 3: a call's argument tuple no longer "
                                        "refers to it (an interpreter object, not drawn)");
          mentions++;
        }
    }
  g_assert_cmpuint (mentions, ==, 1);
}

/* The class and the instance never share a name in a caption. */
static void
test_class_named_as_class (void)
{
  g_autoptr (ReclaimSession) session = session_with ("class Node:\n    pass\nNode.me = Node()\n");
  ReclaimHeap *heap = reclaim_session_get_heap (session);
  ReclaimId ns = reclaim_session_get_timeline (session)->module_dict;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, ns); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (heap, ns, i), "Node") == 0)
      {
        ReclaimValue cls = reclaim_heap_slot_get (heap, ns, i);
        g_autofree char *name = reclaim_session_name_of (session, cls);
        g_assert_cmpstr (name, ==, "class Node");
        return;
      }
  g_assert_not_reached ();
}

/* The object that was `a` keeps that name while its __del__ sees it as
 * self: a global (or the global it last was) names an object before a
 * frame's variable does. */
static void
test_garbage_keeps_its_name (void)
{
  g_autofree char *source = welcome_source ();
  g_autoptr (ReclaimSession) session = session_with (source);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step, end_step, was_a = 0;

  g_assert_true (reclaim_timeline_find_line (timeline, 25, &step));
  g_assert_true (reclaim_timeline_find_line (timeline, 26, &end_step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
  while (reclaim_session_get_position (session) < reclaim_timeline_step_position (timeline, end_step) &&
         reclaim_session_event_forward (session))
    {
      g_autofree char *caption = reclaim_session_describe (session);
      g_assert_false (g_str_has_prefix (caption, "self"));
      g_assert_null (strstr (caption, ": self "));
      was_a += strstr (caption, " (was a)") != NULL;
    }
  g_assert_cmpuint (was_a, >, 10);
}

/* Under mark-and-sweep an object is marked or not: the captions say so
 * and never speak of gc_refs, which that collector does not keep. */
static void
test_mark_and_sweep_captions (void)
{
  g_autoptr (ReclaimSession) session = reclaim_session_new ();
  guint marked = 0, cleared = 0;

  reclaim_session_set_collector (session, RECLAIM_COLLECTOR_MARKSWEEP);
  reclaim_session_set_source (session, "import gc\nclass Node:\n    pass\na = Node()\na.me = a\ndel a\n"
                                       "keep = Node()\ngc.collect()\n");
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  guint step;
  g_assert_true (reclaim_timeline_find_line (timeline, 8, &step));
  reclaim_session_seek (session, reclaim_timeline_step_position (timeline, step));
  while (reclaim_session_event_forward (session))
    {
      g_autofree char *caption = reclaim_session_describe (session);
      g_assert_null (strstr (caption, "gc_refs"));
      marked += g_str_equal (caption, "keep is marked: a root reaches it");
      cleared += g_str_equal (caption, "keep's mark is cleared for the next collection");
    }
  g_assert_cmpuint (marked, ==, 1);
  g_assert_cmpuint (cleared, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view/visibility/welcome", test_welcome_shows_script_objects);
  g_test_add_func ("/view/visibility/classes", test_classes_hidden);
  g_test_add_func ("/view/visibility/script-objects", test_script_objects_stay);
  g_test_add_func ("/view/visibility/class-bookkeeping", test_class_bookkeeping_hidden);
  g_test_add_func ("/view/visibility/event-steps", test_event_steps_through_collect);
  g_test_add_func ("/view/visibility/hidden-holder", test_hidden_holder_caption);
  g_test_add_func ("/view/visibility/class-name", test_class_named_as_class);
  g_test_add_func ("/view/caption/garbage-keeps-its-name", test_garbage_keeps_its_name);
  g_test_add_func ("/view/caption/mark-and-sweep", test_mark_and_sweep_captions);
  return g_test_run ();
}
