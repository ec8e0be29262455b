/* test-trace.c: the event log as JSON Lines (docs/trace-format.md).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines are read back with json-glib, an independent parser, so that a
 * mistake in the writer's escaping cannot hide behind the same mistake in
 * the reader.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "engine-test-util.h"
#include "reclaim-trace.h"

/* ---- reading a trace ---------------------------------------------------- */

typedef struct {
  GPtrArray *text;     /* char *: each line without its newline */
  GPtrArray *objects;  /* JsonObject * parsed from it */
} Trace;

static JsonObject *
parse_line (const char *line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    g_error ("not a JSON object: %s", line);

  JsonObject *object = json_node_dup_object (node);
  JsonNode *ev = json_object_get_member (object, "ev");
  JsonNode *at = json_object_get_member (object, "line");
  if (ev == NULL || json_node_get_value_type (ev) != G_TYPE_STRING)
    g_error ("no \"ev\" string: %s", line);
  if (at == NULL || json_node_get_value_type (at) != G_TYPE_INT64 || json_node_get_int (at) < 0)
    g_error ("no \"line\" number: %s", line);
  return object;
}

static Trace *
trace_parse (const char *text)
{
  Trace *t = g_new0 (Trace, 1);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* every line ends with a newline, so the last piece is empty */
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  t->text = g_ptr_array_new_with_free_func (g_free);
  t->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_ptr_array_add (t->text, g_strdup (lines[i]));
      g_ptr_array_add (t->objects, parse_line (lines[i]));
    }
  return t;
}

static void
trace_free (Trace *t)
{
  g_ptr_array_unref (t->text);
  g_ptr_array_unref (t->objects);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Trace, trace_free)

static char *
trace_text (ReclaimHeap *heap, guint64 from, guint64 to)
{
  GString *out = g_string_new (NULL);
  reclaim_trace_write (heap, from, to, out);
  return g_string_free (out, FALSE);
}

static Trace *
trace_heap (ReclaimHeap *heap)
{
  g_autofree char *text = trace_text (heap, 0, reclaim_heap_n_events (heap));
  return trace_parse (text);
}

static JsonObject *
line_at (Trace *t, guint i)
{
  return g_ptr_array_index (t->objects, i);
}

static const char *
ev_at (Trace *t, guint i)
{
  return json_object_get_string_member (line_at (t, i), "ev");
}

/* Index of the first line from `start` with that "ev" and, when id is not
 * 0, that "id"; -1 when there is none. */
static int
find_ev (Trace *t, guint start, const char *ev, ReclaimId id)
{
  for (guint i = start; i < t->objects->len; i++)
    {
      JsonObject *o = line_at (t, i);
      if (g_strcmp0 (ev_at (t, i), ev) != 0)
        continue;
      if (id != 0 && (!json_object_has_member (o, "id") ||
                      json_object_get_int_member (o, "id") != id))
        continue;
      return i;
    }
  return -1;
}

static guint
last_ev (Trace *t, const char *ev)
{
  for (guint i = t->objects->len; i-- > 0;)
    if (g_strcmp0 (ev_at (t, i), ev) == 0)
      return i;
  g_error ("no %s line", ev);
}

/* "id=refs ..." of a gc_phase line's map, in the order of ids given. */
static char *
gc_refs_text (JsonObject *phase_line, const ReclaimId *ids, guint n)
{
  JsonObject *map = json_object_get_object_member (phase_line, "gc_refs");
  GString *s = g_string_new (NULL);

  g_assert_nonnull (map);
  g_assert_cmpuint (json_object_get_size (map), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", ids[i]);
      g_assert_true (json_object_has_member (map, key));
      g_string_append_printf (s, "%s%u=%" G_GINT64_FORMAT, i ? " " : "", ids[i],
                              json_object_get_int_member (map, key));
    }
  return g_string_free (s, FALSE);
}

/* ---- heaps to trace ------------------------------------------------------ */

static void
disable_gc (World *w)
{
  reclaim_heap_set_counter (w->heap, RECLAIM_COUNTER_ENABLED, 0);
}

typedef struct {
  World     *w;
  ReclaimId  link_1, link_2, link_3, link_4;
} Devguide;

/* The devguide's example: link_1 -> link_2 -> link_3 -> link_1 held by A,
 * and link_4 -> link_4, all unreferenced by name before gc.collect(0). */
static void
devguide_build (Devguide *d, ReclaimCollectorMode mode)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;

  reclaim_heap_set_mode (h, mode);
  WorldClass *link = world_class (w, "Link", FALSE);
  disable_gc (w);
  reclaim_heap_collect (h, 2);

  reclaim_heap_set_line (h, 10, 0);
  d->link_3 = world_new_obj (w, link, NULL);
  world_setattr (w, d->link_3, "next_link", reclaim_value_text ("None"));
  world_set (w, "link_3", d->link_3);
  reclaim_heap_set_line (h, 11, 0);
  d->link_2 = world_new_obj (w, link, NULL);
  world_setattr (w, d->link_2, "next_link", world_load (w, "link_3"));
  world_set (w, "link_2", d->link_2);
  reclaim_heap_set_line (h, 12, 0);
  d->link_1 = world_new_obj (w, link, NULL);
  world_setattr (w, d->link_1, "next_link", world_load (w, "link_2"));
  world_set (w, "link_1", d->link_1);
  reclaim_heap_set_line (h, 13, 0);
  world_setattr (w, d->link_3, "next_link", world_load (w, "link_1"));
  reclaim_heap_set_line (h, 14, 0);
  world_set (w, "A", world_load (w, "link_1"));
  reclaim_heap_set_line (h, 15, 0);
  world_del (w, "link_1");
  world_del (w, "link_2");
  world_del (w, "link_3");
  reclaim_heap_set_line (h, 17, 0);
  d->link_4 = world_new_obj (w, link, NULL);
  world_setattr (w, d->link_4, "next_link", reclaim_value_text ("None"));
  world_set (w, "link_4", d->link_4);
  reclaim_heap_set_line (h, 18, 0);
  world_setattr (w, d->link_4, "next_link", world_load (w, "link_4"));
  reclaim_heap_set_line (h, 19, 0);
  world_del (w, "link_4");
  reclaim_heap_set_line (h, 21, 0);
  g_assert_cmpint (reclaim_heap_collect (h, 0), ==, 1);
  d->w = w;
}

static void
record_del (World *w, ReclaimId self, gpointer data)
{
  /* __del__ stores self in a global: the object comes back to life */
  reclaim_heap_incref (w->heap, self);
  world_set (w, "saved", self);
}

/* A bit of everything: weakrefs with callbacks, __del__, a resurrection,
 * containers, free lists, frames at depth, both collectors. */
static World *
varied_build (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  WorldClass *node = world_class (w, "Node", FALSE);
  WorldClass *fin = world_class (w, "Fin", TRUE);

  reclaim_heap_set_line (h, 1, 0);
  ReclaimId a = world_new_obj (w, node, "a");
  ReclaimId b = world_new_obj (w, node, "b");
  world_set (w, "a", a);
  world_set (w, "b", b);
  world_setattr (w, a, "other", world_load (w, "b"));
  world_setattr (w, b, "other", world_load (w, "a"));
  world_watch (w, a, "a died");
  reclaim_heap_set_line (h, 2, 1);
  ReclaimId f = world_new_obj (w, fin, "f");
  world_set (w, "f", f);
  reclaim_heap_incref (h, f);
  world_setattr (w, f, "me", f);
  fin->del_action = record_del;
  ReclaimValue items[] = { world_load (w, "a"), reclaim_value_int (7), reclaim_value_text ("'x'") };
  world_set (w, "lst", world_list (w, G_N_ELEMENTS (items), items));
  ReclaimValue pair[] = { reclaim_value_int (1), reclaim_value_int (2) };
  world_set (w, "tup", world_tuple (w, G_N_ELEMENTS (pair), pair));
  ReclaimId d = world_dict (w);
  world_dict_set (w, d, "k", world_load (w, "b"));
  world_set (w, "d", d);
  reclaim_heap_set_line (h, 3, 0);
  world_del (w, "a");
  world_del (w, "b");
  world_del (w, "f");
  world_del (w, "lst");
  world_del (w, "tup");
  world_del (w, "d");
  reclaim_heap_collect (h, 2);
  world_del (w, "saved");
  reclaim_heap_freeze (h);
  reclaim_heap_unfreeze (h);
  reclaim_heap_set_line (h, 4, 0);
  reclaim_heap_set_mode (h, RECLAIM_COLLECTOR_MARKSWEEP);
  ReclaimId c = world_new_obj (w, node, "c");
  world_set (w, "c", c);
  world_setattr (w, c, "other", world_load (w, "c"));
  world_watch (w, c, "c died");
  world_del (w, "c");
  reclaim_heap_collect (h, 0);
  reclaim_heap_set_mode (h, RECLAIM_COLLECTOR_CPYTHON);
  return w;
}

/* ---- tests -------------------------------------------------------------- */

/* gc_refs after each phase, as the devguide's figures show them. */
static void
test_devguide_gc_refs (void)
{
  Devguide d;
  devguide_build (&d, RECLAIM_COLLECTOR_CPYTHON);
  g_autoptr (Trace) t = trace_heap (d.w->heap);
  const ReclaimId ids[] = { d.link_1, d.link_2, d.link_3, d.link_4 };
  static const char *const expected[][2] = {
    { "update_refs",      "2 1 1 1" },
    { "subtract_refs",    "1 0 0 0" },
    { "move_unreachable", "1 1 1 0" },
    { "handle_weakrefs",  "1 1 1 0" },
    { "finalize_garbage", "1 1 1 0" },
    { "check_garbage",    "1 1 1 0" },
    { "delete_garbage",   "1 1 1 0" },
  };
  guint i = last_ev (t, "gc_start");

  g_assert_cmpint (json_object_get_int_member (line_at (t, i), "generation"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, i), "collector"), ==, "cpython");
  g_assert_cmpint (json_object_get_int_member (line_at (t, i), "line"), ==, 21);

  for (guint p = 0; p < G_N_ELEMENTS (expected); p++)
    {
      /* the phase starts, its events follow, then its summary, and the
       * next phase (or the end) comes right after */
      int start = find_ev (t, i, "gc_phase_start", 0);
      int end = find_ev (t, i, "gc_phase", 0);
      g_assert_cmpint (start, >, 0);
      g_assert_cmpint (end, >, start);
      g_assert_cmpstr (json_object_get_string_member (line_at (t, start), "phase"), ==, expected[p][0]);
      g_assert_cmpstr (json_object_get_string_member (line_at (t, end), "phase"), ==, expected[p][0]);
      int next_start = find_ev (t, start + 1, "gc_phase_start", 0);
      g_assert_true (next_start == -1 || next_start > end);
      g_assert_cmpstr (ev_at (t, end + 1), ==, p + 1 < G_N_ELEMENTS (expected) ? "gc_phase_start" : "gc_end");

      g_autofree char *want = g_strdup_printf ("%u=%c %u=%c %u=%c %u=%c",
                                               ids[0], expected[p][1][0], ids[1], expected[p][1][2],
                                               ids[2], expected[p][1][4], ids[3], expected[p][1][6]);
      g_autofree char *got = gc_refs_text (line_at (t, end), ids, G_N_ELEMENTS (ids));
      g_assert_cmpstr (got, ==, want);
      g_assert_false (json_object_has_member (line_at (t, end), "marked"));
      i = end + 1;
    }

  guint end = last_ev (t, "gc_end");
  g_assert_cmpint (json_object_get_int_member (line_at (t, end), "collected"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (line_at (t, end), "uncollectable"), ==, 0);
  world_free (d.w);
}

/* The moves of move_unreachable, and link_4 freed by the collector. */
static void
test_devguide_moves_and_free (void)
{
  Devguide d;
  devguide_build (&d, RECLAIM_COLLECTOR_CPYTHON);
  g_autoptr (Trace) t = trace_heap (d.w->heap);
  g_autoptr (GString) moves = g_string_new (NULL);
  guint start = last_ev (t, "gc_start");

  for (guint i = start; i < t->objects->len; i++)
    if (g_strcmp0 (ev_at (t, i), "gc_move") == 0)
      {
        JsonObject *o = line_at (t, i);
        g_string_append_printf (moves, "%s%" G_GINT64_FORMAT ":%s->%s", moves->len ? " " : "",
                                json_object_get_int_member (o, "id"),
                                json_object_get_string_member (o, "from"),
                                json_object_get_string_member (o, "to"));
      }
  g_autofree char *want = g_strdup_printf ("%u:gen0->unreachable %u:gen0->unreachable "
                                           "%u:unreachable->gen0 %u:gen0->unreachable "
                                           "%u:unreachable->gen0",
                                           d.link_3, d.link_2, d.link_2, d.link_4, d.link_3);
  g_assert_cmpstr (moves->str, ==, want);

  /* only link_4 dies, by gc, as a Link */
  int free_line = find_ev (t, start, "free", 0);
  g_assert_cmpint (free_line, >, 0);
  JsonObject *o = line_at (t, free_line);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, d.link_4);
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "Link");
  g_assert_cmpstr (json_object_get_string_member (o, "by"), ==, "gc");
  g_assert_cmpint (find_ev (t, free_line + 1, "free", 0), ==, -1);

  /* link_4 was allocated as a Link instance, after link_1 */
  int alloc_line = find_ev (t, 0, "alloc", d.link_4);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, alloc_line), "type"), ==, "Link");
  g_assert_cmpstr (json_object_get_string_member (line_at (t, alloc_line), "kind"), ==, "instance");
  g_assert_cmpint (d.link_4, >, d.link_1);
  g_assert_cmpint (json_object_get_int_member (line_at (t, alloc_line), "line"), ==, 17);

  /* its last reference went when the collector cleared next_link */
  g_autofree char *expected_decref = g_strdup_printf ("{\"ev\":\"decref\",\"line\":21,\"id\":%u,"
                                                      "\"refcount\":1,\"by\":%u,\"slot\":0}",
                                                      d.link_4, d.link_4);
  g_assert_cmpint (find_ev (t, start, "decref", d.link_4), >, 0);
  g_assert_cmpstr (g_ptr_array_index (t->text, find_ev (t, start, "decref", d.link_4)), ==,
                   expected_decref);
  world_free (d.w);
}

/* The same script under mark-and-sweep. */
static void
test_devguide_marksweep (void)
{
  Devguide d;
  devguide_build (&d, RECLAIM_COLLECTOR_MARKSWEEP);
  g_autoptr (Trace) t = trace_heap (d.w->heap);
  guint start = last_ev (t, "gc_start");

  g_assert_cmpint (json_object_get_int_member (line_at (t, start), "generation"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, start), "collector"), ==, "marksweep");

  int mark = find_ev (t, start, "gc_phase", 0);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, mark), "phase"), ==, "mark");
  /* the mark phase reaches the three links through A, never link_4 */
  JsonArray *marked = json_object_get_array_member (line_at (t, mark), "marked");
  g_autoptr (GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_assert_nonnull (marked);
  for (guint i = 0; i < json_array_get_length (marked); i++)
    g_hash_table_add (reached, GINT_TO_POINTER ((int) json_array_get_int_element (marked, i)));
  g_assert_true (g_hash_table_contains (reached, GUINT_TO_POINTER (d.link_1)));
  g_assert_true (g_hash_table_contains (reached, GUINT_TO_POINTER (d.link_2)));
  g_assert_true (g_hash_table_contains (reached, GUINT_TO_POINTER (d.link_3)));
  g_assert_false (g_hash_table_contains (reached, GUINT_TO_POINTER (d.link_4)));

  /* the sweep frees link_4 and leaves nothing marked */
  int sweep_start = find_ev (t, mark, "gc_phase_start", 0);
  int sweep = find_ev (t, mark + 1, "gc_phase", 0);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, sweep), "phase"), ==, "sweep");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (line_at (t, sweep), "marked")), ==, 0);
  int free_line = find_ev (t, start, "free", d.link_4);
  g_assert_cmpint (free_line, >, sweep_start);
  g_assert_cmpint (free_line, <, sweep);
  g_assert_cmpstr (json_object_get_string_member (line_at (t, free_line), "by"), ==, "marksweep");
  g_assert_cmpint (json_object_get_int_member (line_at (t, last_ev (t, "gc_end")), "collected"), ==, 1);
  world_free (d.w);
}

/* Every event is one line, every line a JSON object with "ev" and "line";
 * no name is missing from the writer's tables. */
static void
test_every_event_is_a_line (void)
{
  World *w = varied_build ();
  ReclaimHeap *h = w->heap;
  g_autoptr (Trace) t = trace_heap (h);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint phase_starts = 0, phase_ends = 0;

  for (guint i = 0; i < t->objects->len; i++)
    {
      const char *ev = ev_at (t, i);
      g_hash_table_add (seen, (gpointer) ev);
      phase_starts += g_strcmp0 (ev, "gc_phase_start") == 0;
      phase_ends += g_strcmp0 (ev, "gc_phase") == 0;
      g_assert_null (strstr (g_ptr_array_index (t->text, i), "unknown"));
    }
  g_assert_cmpuint (phase_starts, ==, phase_ends);
  g_assert_cmpuint (t->objects->len - phase_ends, ==, reclaim_heap_n_events (h));

  static const char *const kinds[] = {
    "alloc", "incref", "decref", "slot_set", "slot_insert", "slot_remove", "free", "track",
    "untrack", "gc_move", "gc_merge", "gc_word", "counter", "weakref_link", "weakref_cleared",
    "mode", "line", "finalize", "finalize_end", "callback", "callback_end", "resurrected",
    "gc_start", "gc_phase_start", "gc_phase", "gc_end",
  };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!g_hash_table_contains (seen, kinds[i]))
      g_error ("the varied heap wrote no %s line", kinds[i]);

  /* the lines are the events, in log order */
  for (guint i = 0, e = 0; i < t->objects->len; i++)
    {
      if (g_strcmp0 (ev_at (t, i), "gc_phase") == 0)
        continue;
      g_assert_cmpint (json_object_get_int_member (line_at (t, i), "line"), ==,
                       reclaim_heap_get_event_line (h, e));
      e++;
    }
  world_free (w);
}

static void
test_line_events (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  guint64 start = reclaim_heap_n_events (h);

  reclaim_heap_set_line (h, 10, 0);
  reclaim_heap_set_line (h, 4, 1);
  world_set (w, "x", world_list (w, 0, NULL));
  reclaim_heap_set_line (h, 10, 0);
  g_autofree char *text = trace_text (h, start, reclaim_heap_n_events (h));
  g_autoptr (Trace) t = trace_parse (text);

  g_assert_cmpstr (g_ptr_array_index (t->text, 0), ==, "{\"ev\":\"line\",\"line\":10,\"depth\":0}");
  g_assert_cmpstr (g_ptr_array_index (t->text, 1), ==, "{\"ev\":\"line\",\"line\":4,\"depth\":1}");
  g_assert_cmpstr (g_ptr_array_index (t->text, 2), ==,
                   "{\"ev\":\"alloc\",\"line\":4,\"id\":3,\"type\":\"list\",\"kind\":\"list\","
                   "\"counted\":true,\"from_freelist\":false}");
  g_assert_cmpstr (g_ptr_array_index (t->text, 3), ==, "{\"ev\":\"track\",\"line\":4,\"id\":3,\"list\":\"gen0\"}");
  g_assert_cmpstr (g_ptr_array_index (t->text, 4), ==,
                   "{\"ev\":\"slot_insert\",\"line\":4,\"id\":1,\"index\":1,\"role\":\"var\","
                   "\"label\":\"x\",\"value\":3}");
  g_assert_cmpstr (g_ptr_array_index (t->text, 5), ==, "{\"ev\":\"line\",\"line\":10,\"depth\":0}");
  g_assert_cmpuint (t->text->len, ==, 6);
  world_free (w);
}

/* incref/decref carry the new count and, when a heap object holds the
 * reference, which one and through which slot (null: its class). */
static void
test_refcounts_and_values (void)
{
  World *w = world_new ();
  ReclaimHeap *h = w->heap;
  WorldClass *cls = world_class (w, "C", FALSE);
  guint64 start = reclaim_heap_n_events (h);

  ReclaimId obj = world_new_obj (w, cls, NULL);               /* id 4 */
  world_set (w, "o", obj);
  world_setattr (w, obj, "n", reclaim_value_int (-5));
  world_setattr (w, obj, "s", reclaim_value_text ("'hi \"there\"'"));
  world_setattr (w, obj, "n", world_load (w, "o"));
  world_del (w, "o");
  g_autofree char *text = trace_text (h, start, reclaim_heap_n_events (h));
  g_autoptr (Trace) t = trace_parse (text);
  const char *expected[] = {
    "{\"ev\":\"alloc\",\"line\":0,\"id\":4,\"type\":\"C\",\"kind\":\"instance\",\"class\":3,"
      "\"counted\":true,\"from_freelist\":false}",
    "{\"ev\":\"incref\",\"line\":0,\"id\":3,\"refcount\":2,\"by\":4,\"slot\":null}",
    "{\"ev\":\"track\",\"line\":0,\"id\":4,\"list\":\"gen0\"}",
    "{\"ev\":\"slot_insert\",\"line\":0,\"id\":1,\"index\":2,\"role\":\"var\",\"label\":\"o\",\"value\":4}",
    "{\"ev\":\"slot_insert\",\"line\":0,\"id\":4,\"index\":0,\"role\":\"attr\",\"label\":\"n\",\"value\":null}",
    "{\"ev\":\"slot_set\",\"line\":0,\"id\":4,\"index\":0,\"old\":null,\"new\":\"-5\"}",
    "{\"ev\":\"slot_insert\",\"line\":0,\"id\":4,\"index\":1,\"role\":\"attr\",\"label\":\"s\",\"value\":null}",
    "{\"ev\":\"slot_set\",\"line\":0,\"id\":4,\"index\":1,\"old\":null,\"new\":\"'hi \\\"there\\\"'\"}",
    "{\"ev\":\"incref\",\"line\":0,\"id\":4,\"refcount\":2}",
    "{\"ev\":\"slot_set\",\"line\":0,\"id\":4,\"index\":0,\"old\":\"-5\",\"new\":4}",
    "{\"ev\":\"slot_remove\",\"line\":0,\"id\":1,\"index\":2,\"role\":\"var\",\"label\":\"o\",\"value\":4}",
    "{\"ev\":\"decref\",\"line\":0,\"id\":4,\"refcount\":1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (t->text, i), ==, expected[i]);
  g_assert_cmpuint (t->text->len, ==, G_N_ELEMENTS (expected));
  world_free (w);
}

/* Type names a user can write: quotes, backslashes, control characters,
 * non-ASCII, and bytes that are not UTF-8 at all. */
static void
test_string_escaping (void)
{
  static const struct {
    const char *name;
    const char *json;     /* as written */
    const char *parsed;   /* as a JSON reader gets it back */
  } cases[] = {
    { "Qu\"ote", "\"Qu\\\"ote\"", "Qu\"ote" },
    { "Back\\slash", "\"Back\\\\slash\"", "Back\\slash" },
    { "Tab\tNew\nLine\r", "\"Tab\\tNew\\nLine\\r\"", "Tab\tNew\nLine\r" },
    { "Ctl\x01\x1f\x7f\b\f", "\"Ctl\\u0001\\u001f\\u007f\\b\\f\"", "Ctl\x01\x1f\x7f\b\f" },
    { "Caf\xc3\xa9_\xe2\x98\x83_\xf0\x9f\x90\x8d", "\"Caf\xc3\xa9_\xe2\x98\x83_\xf0\x9f\x90\x8d\"",
      "Caf\xc3\xa9_\xe2\x98\x83_\xf0\x9f\x90\x8d" },
    { "Sep\xe2\x80\xa8", "\"Sep\\u2028\"", "Sep\xe2\x80\xa8" },
    { "Bad\xff\xc3", "\"Bad\\ufffd\\ufffd\"", "Bad\xef\xbf\xbd\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      World *w = world_new ();
      ReclaimHeap *h = w->heap;
      WorldClass *cls = world_class (w, cases[i].name, FALSE);
      guint64 start = reclaim_heap_n_events (h);
      ReclaimId obj = world_new_obj (w, cls, NULL);

      world_set (w, "o", obj);
      world_del (w, "o");
      g_autofree char *text = trace_text (h, start, reclaim_heap_n_events (h));
      g_autoptr (Trace) t = trace_parse (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));

      int alloc_line = find_ev (t, 0, "alloc", obj);
      int free_line = find_ev (t, 0, "free", obj);
      g_assert_cmpint (alloc_line, >=, 0);
      g_assert_cmpint (free_line, >, alloc_line);
      g_autofree char *field = g_strdup_printf ("\"type\":%s,", cases[i].json);
      g_assert_nonnull (strstr (g_ptr_array_index (t->text, alloc_line), field));
      g_assert_cmpstr (json_object_get_string_member (line_at (t, alloc_line), "type"), ==, cases[i].parsed);
      g_assert_cmpstr (json_object_get_string_member (line_at (t, free_line), "type"), ==, cases[i].parsed);
      g_assert_cmpstr (json_object_get_string_member (line_at (t, free_line), "by"), ==, "refcount");
      world_free (w);
    }
}

/* Cutting the log anywhere, even inside a collection, and writing the two
 * halves gives the same text as writing it whole. */
static void
test_ranges_join (void)
{
  Devguide d;
  devguide_build (&d, RECLAIM_COLLECTOR_CPYTHON);
  ReclaimHeap *h = d.w->heap;
  guint64 n = reclaim_heap_n_events (h);
  g_autofree char *whole = trace_text (h, 0, n);

  for (guint64 k = 0; k <= n; k++)
    {
      g_autofree char *head = trace_text (h, 0, k);
      g_autofree char *tail = trace_text (h, k, n);
      g_autofree char *joined = g_strconcat (head, tail, NULL);
      if (g_strcmp0 (joined, whole) != 0)
        g_error ("cutting the log at %" G_GUINT64_FORMAT " changes the trace", k);
    }
  g_autofree char *none = trace_text (h, n, n);
  g_assert_cmpstr (none, ==, "");
  world_free (d.w);
}

/* The writer reads the log, not the heap's state: it gives the same text
 * whatever the position, and leaves the position where it was. */
static void
test_time_travel (void)
{
  Devguide d;
  devguide_build (&d, RECLAIM_COLLECTOR_CPYTHON);
  ReclaimHeap *h = d.w->heap;
  guint64 n = reclaim_heap_n_events (h);
  g_autofree char *live = trace_text (h, 0, n);
  guint64 digest = reclaim_heap_state_digest (h);

  reclaim_heap_seek (h, n / 3);
  g_autofree char *travelled = trace_text (h, 0, n);
  g_assert_cmpstr (travelled, ==, live);
  g_assert_cmpuint (reclaim_heap_get_position (h), ==, n / 3);
  reclaim_heap_seek (h, n);
  g_assert_cmpuint (reclaim_heap_state_digest (h), ==, digest);
  world_free (d.w);
}

static void
test_write_file (void)
{
  World *w = varied_build ();
  ReclaimHeap *h = w->heap;
  guint64 n = reclaim_heap_n_events (h);
  g_autofree char *expected = trace_text (h, 0, n);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("test-trace-XXXXXX.jsonl", &path, &error);

  g_assert_no_error (error);
  FILE *file = fdopen (fd, "w");
  g_assert_nonnull (file);
  /* several times over, so that the file is written in several pieces */
  g_autoptr (GString) many = g_string_new (NULL);
  for (guint i = 0; i < 40; i++)
    {
      g_assert_true (reclaim_trace_write_file (h, 0, n, file, &error));
      g_assert_no_error (error);
      g_string_append (many, expected);
    }
  g_assert_cmpuint (many->len, >, 3 * 64 * 1024);
  fclose (file);

  g_autofree char *contents = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_equal (contents, many->str));
  g_unlink (path);
  world_free (w);
}

static void
test_write_file_error (void)
{
  World *w = varied_build ();
  ReclaimHeap *h = w->heap;
  g_autoptr (GError) error = NULL;
  FILE *full = fopen ("/dev/full", "w");

  if (full == NULL)
    {
      g_test_skip ("no /dev/full to fail writes");
      world_free (w);
      return;
    }
  g_assert_false (reclaim_trace_write_file (h, 0, reclaim_heap_n_events (h), full, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  fclose (full);
  world_free (w);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/trace/devguide-gc-refs", test_devguide_gc_refs);
  g_test_add_func ("/engine/trace/devguide-moves-and-free", test_devguide_moves_and_free);
  g_test_add_func ("/engine/trace/devguide-marksweep", test_devguide_marksweep);
  g_test_add_func ("/engine/trace/every-event-is-a-line", test_every_event_is_a_line);
  g_test_add_func ("/engine/trace/line-events", test_line_events);
  g_test_add_func ("/engine/trace/refcounts-and-values", test_refcounts_and_values);
  g_test_add_func ("/engine/trace/string-escaping", test_string_escaping);
  g_test_add_func ("/engine/trace/ranges-join", test_ranges_join);
  g_test_add_func ("/engine/trace/time-travel", test_time_travel);
  g_test_add_func ("/engine/trace/write-file", test_write_file);
  g_test_add_func ("/engine/trace/write-file-error", test_write_file_error);
  return g_test_run ();
}
