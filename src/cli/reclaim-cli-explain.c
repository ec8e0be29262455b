/* reclaim-cli-explain.c: the event log told in plain English.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The teller walks the log one event at a time and keeps the heap's
 * position just after the event it tells, so that it can read the state of
 * that moment (lists, gc_refs, who refers to what) with the ordinary
 * reading functions and queries.
 */
#include "reclaim-cli.h"

#include <string.h>

#include "reclaim-query.h"

#define WRAP_COLUMN 78

typedef struct {
  ReclaimId      id;
  gint64         before;    /* refcount before the statement; -1: created by it */
  guint32        after;
  gboolean       freed;
  ReclaimFreedBy freed_by;
} Change;

/* An object a reachable one made reachable, during move_unreachable. */
typedef struct {
  ReclaimId id;
  gboolean  moved_back;     /* it was in the unreachable list */
  gint32    old_refs;
} Reached;

typedef struct {
  const ReclaimCliStory *story;
  ReclaimHeap *heap;
  GString     *out;
  GHashTable  *made_names;  /* ReclaimId -> char *, for objects the story does not name */

  /* The statement being told. */
  guint        line;        /* 0: none yet */
  guint        depth;       /* of the last line event */
  GArray      *changes;     /* Change, in the order of their first event */

  /* The collection being told. */
  gboolean     collecting;
  int          generation;  /* 3: mark-and-sweep */
  ReclaimPhase phase;
  guint        n_phases;
  gboolean     phase_told;  /* something was said about the phase's events */
  GArray      *candidates;  /* ReclaimId, in the order tables show them */
  GArray      *reached;     /* Reached, waiting for the object that reached them */
} Teller;

typedef struct {
  const char *what;         /* what the phase does */
  const char *nothing;      /* said when none of its events were told */
} PhaseText;

static const PhaseText phase_texts[RECLAIM_N_PHASES] = {
  [RECLAIM_PHASE_UPDATE_REFS] = {
    "Each object's gc_refs starts as its reference count.", NULL },
  [RECLAIM_PHASE_SUBTRACT_REFS] = {
    "For each reference from one examined object to another, the collector takes 1 off "
    "the gc_refs of the object referred to. What is left counts the references from "
    "outside: variables, older objects, the running code.", NULL },
  [RECLAIM_PHASE_MOVE_UNREACHABLE] = {
    "The collector scans the examined objects in list order. An object with gc_refs above 0 "
    "is reachable, and so is everything it refers to. An object with gc_refs 0 moves to the "
    "unreachable list, and moves back if a reachable object turns out to refer to it.", NULL },
  [RECLAIM_PHASE_HANDLE_WEAKREFS] = {
    "Weak references to unreachable objects are cleared before anything is freed, and "
    "their callbacks run.",
    "No weak reference points to an unreachable object." },
  [RECLAIM_PHASE_FINALIZE_GARBAGE] = {
    "__del__ runs for each unreachable object that defines it and has not run it yet "
    "(PEP 442).",
    "No unreachable object has a __del__ method to call." },
  [RECLAIM_PHASE_CHECK_GARBAGE] = {
    "A __del__ method can make garbage reachable again: whatever it brought back is kept "
    "(handle_resurrected_objects).",
    "Nothing is unreachable." },
  [RECLAIM_PHASE_DELETE_GARBAGE] = {
    "The collector clears the references each unreachable object holds (tp_clear). That "
    "breaks the cycles, and reference counting frees the objects.",
    "There is nothing to delete." },
  [RECLAIM_PHASE_MARK] = {
    "Starting from the roots (the module's variables, and whatever the running code "
    "holds), the collector marks every object it can reach.", NULL },
  [RECLAIM_PHASE_SWEEP] = {
    "Every object left unmarked is garbage: its weak references are cleared, its __del__ "
    "runs, and it is freed.",
    "Everything was marked: nothing to free." },
};

static const char *const list_texts[RECLAIM_N_LISTS] = {
  [RECLAIM_LIST_NONE]              = "no list",
  [RECLAIM_LIST_GEN0]              = "generation 0",
  [RECLAIM_LIST_GEN1]              = "generation 1",
  [RECLAIM_LIST_GEN2]              = "generation 2",
  [RECLAIM_LIST_PERMANENT]         = "the permanent generation",
  [RECLAIM_LIST_UNREACHABLE]       = "the unreachable list",
  [RECLAIM_LIST_FINAL_UNREACHABLE] = "the list of garbage to delete",
  [RECLAIM_LIST_WEAKREF_CALLBACKS] = "the list of weakrefs whose callbacks will run",
  [RECLAIM_LIST_FINALIZE_SEEN]     = "the list of objects finalize_garbage has seen",
};

static const char *
list_text (guint list)
{
  return list < RECLAIM_N_LISTS ? list_texts[list] : "an unknown list";
}

/* ---- words ---------------------------------------------------------------- */

static const char *
name_of (Teller *t, ReclaimId id)
{
  const char *name = t->story->names ? g_hash_table_lookup (t->story->names, GUINT_TO_POINTER (id)) : NULL;

  if (name)
    return name;
  name = g_hash_table_lookup (t->made_names, GUINT_TO_POINTER (id));
  if (name == NULL)
    {
      char *made = g_strdup_printf ("#%u (%s)", id, reclaim_heap_get_type_name (t->heap, id));
      g_hash_table_insert (t->made_names, GUINT_TO_POINTER (id), made);
      name = made;
    }
  return name;
}

/* "a", "a and b", "a, b and c" */
static char *
join_names (Teller *t, const ReclaimId *ids, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n ? " and " : ", ");
      g_string_append (s, name_of (t, ids[i]));
    }
  return g_string_free (s, FALSE);
}

/* Appends text wrapped at WRAP_COLUMN, every line indented. */
static void
say_wrapped (Teller *t, guint indent, const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  gsize column = 0;

  for (guint i = 0; words[i]; i++)
    {
      gsize len = g_utf8_strlen (words[i], -1);
      if (column > indent && column + 1 + len > WRAP_COLUMN)
        {
          g_string_append_c (t->out, '\n');
          column = 0;
        }
      if (column == 0)
        {
          for (guint k = 0; k < indent; k++)
            g_string_append_c (t->out, ' ');
          column = indent;
        }
      else
        {
          g_string_append_c (t->out, ' ');
          column++;
        }
      g_string_append (t->out, words[i]);
      column += len;
    }
  g_string_append_c (t->out, '\n');
}

static void G_GNUC_PRINTF (3, 4)
say (Teller *t, guint indent, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *text = g_strdup_vprintf (format, args);
  va_end (args);
  say_wrapped (t, indent, text);
}

/* Rows of cells, the first row the heading; columns padded to the widest. */
static void
say_table (Teller *t, guint indent, GPtrArray *rows)
{
  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  g_autofree gsize *widths = g_new0 (gsize, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns && row[c]; c++)
        widths[c] = MAX (widths[c], (gsize) g_utf8_strlen (row[c], -1));
    }
  if (t->phase_told)
    g_string_append_c (t->out, '\n');
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      GString *line = g_string_new (NULL);

      for (guint k = 0; k < indent; k++)
        g_string_append_c (line, ' ');
      for (guint c = 0; c < n_columns && row[c]; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            for (gsize k = (gsize) g_utf8_strlen (row[c], -1); k < widths[c] + 2; k++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (t->out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

static GPtrArray *
table_new (const char *first_heading, ...)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first_heading);
  for (const char *h = first_heading; h; h = va_arg (args, const char *))
    g_strv_builder_add (builder, h);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return rows;
}

/* Takes the cells (char *, freed with the table), NULL-terminated. */
static void
table_add (GPtrArray *rows, char *first_cell, ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first_cell);
  for (char *cell = first_cell; cell; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

/* How a reference looks in the script: "A", "link_3.next_link", "lst[0]". */
static char *
describe_ref (Teller *t, const ReclaimRef *ref)
{
  ReclaimHeap *heap = t->heap;
  const char *label = ref->slot < reclaim_heap_n_slots (heap, ref->obj)
                    ? reclaim_heap_slot_get_label (heap, ref->obj, ref->slot) : NULL;

  if (ref->slot == RECLAIM_QUERY_SLOT_CLASS)
    return g_strdup_printf ("%s.__class__", name_of (t, ref->obj));
  if (ref->slot == RECLAIM_QUERY_SLOT_DICT)
    return g_strdup_printf ("%s.__dict__", name_of (t, ref->obj));
  if (reclaim_heap_get_kind (heap, ref->obj) == RECLAIM_KIND_FRAME && label)
    return g_strdup (label);
  if (label && reclaim_heap_slot_get_role (heap, ref->obj, ref->slot) == RECLAIM_ROLE_VALUE)
    return g_strdup_printf ("%s['%s']", name_of (t, ref->obj), label);
  if (label)
    return g_strdup_printf ("%s.%s", name_of (t, ref->obj), label);
  return g_strdup_printf ("%s[%u]", name_of (t, ref->obj), ref->slot);
}

static gboolean
is_candidate (Teller *t, ReclaimId id)
{
  for (guint i = 0; i < t->candidates->len; i++)
    if (g_array_index (t->candidates, ReclaimId, i) == id)
      return TRUE;
  return FALSE;
}

/* Who refers to obj, as the script would write it; with outside_only, only
 * the references that subtract_refs leaves in gc_refs. */
static char *
describe_referrers (Teller *t, ReclaimId obj, gboolean outside_only)
{
  g_autoptr (GArray) refs = reclaim_query_referrers (t->heap, obj);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      const ReclaimRef *ref = &g_array_index (refs, ReclaimRef, i);
      if (outside_only && is_candidate (t, ref->obj))
        continue;
      g_autofree char *text = describe_ref (t, ref);
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", text);
    }
  if (reclaim_query_count_external (t->heap, obj) > 0)
    g_string_append_printf (s, "%sthe running code", s->len ? ", " : "");
  if (s->len == 0)
    g_string_append (s, "-");
  return g_string_free (s, FALSE);
}

/* ---- statements ----------------------------------------------------------- */

static gboolean
is_followed (Teller *t, ReclaimId id)
{
  return id != 0 && reclaim_heap_get_kind (t->heap, id) == RECLAIM_KIND_INSTANCE;
}

static Change *
change_for (Teller *t, ReclaimId id, gint64 before)
{
  for (guint i = 0; i < t->changes->len; i++)
    if (g_array_index (t->changes, Change, i).id == id)
      return &g_array_index (t->changes, Change, i);
  Change c = { .id = id, .before = before, .after = MAX (before, 0) };
  g_array_append_val (t->changes, c);
  return &g_array_index (t->changes, Change, t->changes->len - 1);
}

static const char *
freed_because (ReclaimFreedBy by)
{
  switch (by)
    {
    case RECLAIM_FREED_BY_GC:
      return "by the cycle collector: its refcount fell to 0 when the references held "
             "by the garbage were cleared";
    case RECLAIM_FREED_BY_MARKSWEEP:
      return "by mark-and-sweep: no root reaches it";
    case RECLAIM_FREED_BY_REFCOUNT:
    default:
      return "by reference counting: its refcount reached 0";
    }
}

static void
tell_changes (Teller *t)
{
  for (guint i = 0; i < t->changes->len; i++)
    {
      Change *c = &g_array_index (t->changes, Change, i);
      const char *name = name_of (t, c->id);

      if (c->before < 0 && c->freed)
        say (t, 2, "%s is created and freed again.", name);
      else if (c->before < 0)
        say (t, 2, "%s is created: a new %s (object #%u), refcount %u.", name,
             reclaim_heap_get_type_name (t->heap, c->id), c->id, c->after);
      else if (c->freed)
        say (t, 2, "%s freed %s.", name, freed_because (c->freed_by));
      else if (c->before != c->after)
        say (t, 2, "%s: refcount %" G_GINT64_FORMAT " -> %u.", name, c->before, c->after);
    }
  g_array_set_size (t->changes, 0);
}

static void
finish_statement (Teller *t)
{
  const char *const *remarks = t->story->remarks;

  tell_changes (t);
  if (t->line == 0 || remarks == NULL || t->story->source == NULL)
    return;
  if (t->line <= g_strv_length ((char **) t->story->source) && remarks[t->line - 1])
    say (t, 2, "%s", remarks[t->line - 1]);
}

static const char *
source_line (Teller *t, guint line)
{
  for (guint i = 0; t->story->source && t->story->source[i]; i++)
    if (i + 1 == line)
      return t->story->source[i];
  return "";
}

static void
tell_line (Teller *t, const ReclaimEvent *e)
{
  guint line = e->x, depth = e->y;
  /* Coming back from a call into the statement that made it is not a new
   * statement; a line inside a call belongs to the statement calling it. */
  gboolean returning = depth == 0 && line == t->line && t->depth > 0;

  t->depth = depth;
  if (depth > 0 || returning)
    return;
  finish_statement (t);
  t->line = line;
  g_string_append_c (t->out, '\n');
  say (t, 0, "Line %u: %s", line, source_line (t, line));
}

static void
follow_statement_event (Teller *t, const ReclaimEvent *e)
{
  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_LINE:
      tell_line (t, e);
      break;

    case RECLAIM_EV_ALLOC:
      if (is_followed (t, e->obj))
        change_for (t, e->obj, -1)->after = 1;
      break;

    case RECLAIM_EV_INCREF:
    case RECLAIM_EV_DECREF:
      if (is_followed (t, e->obj))
        change_for (t, e->obj, e->kind == RECLAIM_EV_INCREF ? e->y - 1 : e->y + 1)->after = e->y;
      break;

    case RECLAIM_EV_FREE:
      if (is_followed (t, e->obj))
        {
          Change *c = change_for (t, e->obj, 0);
          c->freed = TRUE;
          c->freed_by = e->a;
        }
      break;

    default:
      break;
    }
}

/* ---- collections ---------------------------------------------------------- */

static gint
compare_names (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Teller *t = user_data;
  g_autofree char *key_a = g_utf8_collate_key_for_filename (name_of (t, *(const ReclaimId *) a), -1);
  g_autofree char *key_b = g_utf8_collate_key_for_filename (name_of (t, *(const ReclaimId *) b), -1);

  return strcmp (key_a, key_b);
}

static void
append_list (Teller *t, GArray *ids, ReclaimList list, ReclaimId from)
{
  for (ReclaimId id = from ? from : reclaim_heap_list_first (t->heap, list); id;
       id = reclaim_heap_list_next (t->heap, id))
    g_array_append_val (ids, id);
}

/* The objects a collection looks at, in the order it scans them. */
static void
gather_candidates (Teller *t)
{
  g_array_set_size (t->candidates, 0);
  if (t->generation > 2)
    {
      /* mark-and-sweep looks at the whole heap, roots included */
      for (ReclaimId id = 1; id <= reclaim_heap_n_objects (t->heap); id++)
        if (reclaim_heap_get_state (t->heap, id) == RECLAIM_STATE_ALIVE)
          g_array_append_val (t->candidates, id);
      return;
    }
  /* the younger generations are merged after the one collected */
  append_list (t, t->candidates, RECLAIM_LIST_GEN0 + t->generation, 0);
  for (int g = 0; g < t->generation; g++)
    append_list (t, t->candidates, RECLAIM_LIST_GEN0 + g, 0);
}

static void
begin_collection (Teller *t, const ReclaimEvent *e)
{
  tell_changes (t);
  t->collecting = TRUE;
  t->generation = e->b;
  t->phase = RECLAIM_PHASE_NONE;
  t->n_phases = 0;
  gather_candidates (t);

  g_autofree char *names = join_names (t, (ReclaimId *) (gpointer) t->candidates->data, t->candidates->len);
  if (t->generation > 2)
    say (t, 2, "Mark-and-sweep looks at every object in the heap: %s.", names);
  else if (t->candidates->len == 0)
    say (t, 2, "The collector examines generation %d and the younger ones, which are empty.",
         t->generation);
  else if (t->generation == 0)
    say (t, 2, "The collector examines generation 0, in list order: %s.", names);
  else
    say (t, 2, "The collector examines generations 0 to %d, in the order it scans them: %s.",
         t->generation, names);
  g_array_sort_with_data (t->candidates, compare_names, t);
}

static guint
indent_in_phase (Teller *t)
{
  return t->phase == RECLAIM_PHASE_NONE ? 2 : 4;
}

static void
begin_phase (Teller *t, ReclaimPhase phase)
{
  t->phase = phase;
  t->n_phases++;
  t->phase_told = FALSE;
  g_string_append_c (t->out, '\n');
  say (t, 2, "Phase %u, %s:", t->n_phases, reclaim_phase_name (phase));
  if (phase < RECLAIM_N_PHASES && phase_texts[phase].what)
    say (t, 4, "%s", phase_texts[phase].what);
  g_string_append_c (t->out, '\n');
}

static char *
gc_refs_cell (Teller *t, ReclaimId id)
{
  return g_strdup_printf ("%d", reclaim_heap_get_gc_refs (t->heap, id));
}

static void
tell_phase_table (Teller *t)
{
  g_autoptr (GPtrArray) rows = NULL;

  switch (t->phase)
    {
    case RECLAIM_PHASE_UPDATE_REFS:
      rows = table_new ("object", "refcount", "gc_refs", "referred to by", NULL);
      break;
    case RECLAIM_PHASE_SUBTRACT_REFS:
      rows = table_new ("object", "gc_refs", "referred to from outside", NULL);
      break;
    case RECLAIM_PHASE_MOVE_UNREACHABLE:
      rows = table_new ("object", "gc_refs", "now in", NULL);
      break;
    case RECLAIM_PHASE_MARK:
      rows = table_new ("object", "refcount", "marked", NULL);
      break;
    default:
      return;
    }

  for (guint i = 0; i < t->candidates->len; i++)
    {
      ReclaimId id = g_array_index (t->candidates, ReclaimId, i);

      if (reclaim_heap_get_state (t->heap, id) != RECLAIM_STATE_ALIVE)
        continue;

      char *name = g_strdup (name_of (t, id));
      char *refcount = g_strdup_printf ("%u", reclaim_heap_get_refcount (t->heap, id));
      switch (t->phase)
        {
        case RECLAIM_PHASE_UPDATE_REFS:
          table_add (rows, name, refcount, gc_refs_cell (t, id), describe_referrers (t, id, FALSE), NULL);
          break;
        case RECLAIM_PHASE_SUBTRACT_REFS:
          g_free (refcount);
          table_add (rows, name, gc_refs_cell (t, id), describe_referrers (t, id, TRUE), NULL);
          break;
        case RECLAIM_PHASE_MOVE_UNREACHABLE:
          g_free (refcount);
          table_add (rows, name, gc_refs_cell (t, id),
                     g_strdup (list_text (reclaim_heap_get_list (t->heap, id))), NULL);
          break;
        default:
          table_add (rows, name, refcount,
                     g_strdup (reclaim_heap_get_flags (t->heap, id) & RECLAIM_FLAG_MARKED ? "yes" : "no"),
                     NULL);
          break;
        }
    }
  say_table (t, 6, rows);
}

static void
end_phase (Teller *t)
{
  if (t->phase == RECLAIM_PHASE_NONE)
    return;
  if (t->phase < RECLAIM_N_PHASES && phase_texts[t->phase].nothing && !t->phase_told)
    say (t, 4, "%s", phase_texts[t->phase].nothing);
  tell_phase_table (t);
  t->phase = RECLAIM_PHASE_NONE;
}

static void
end_collection (Teller *t, const ReclaimEvent *e)
{
  end_phase (t);
  t->collecting = FALSE;
  g_string_append_c (t->out, '\n');
  say (t, 2, "The collection is over: %u collected, %u uncollectable.", e->x, e->y);
}

static void
tell_move (Teller *t, const ReclaimEvent *e)
{
  const char *name = name_of (t, e->obj);

  if (t->phase == RECLAIM_PHASE_MOVE_UNREACHABLE && e->b == RECLAIM_LIST_UNREACHABLE)
    say (t, 4, "%s: gc_refs %d, so it moves to the unreachable list, for now.", name,
         reclaim_heap_get_gc_refs (t->heap, e->obj));
  else if (t->phase == RECLAIM_PHASE_MOVE_UNREACHABLE && e->a == RECLAIM_LIST_UNREACHABLE)
    {
      /* told with the object whose scan reached it, which comes next */
      Reached r = { e->obj, TRUE, 0 };
      g_array_append_val (t->reached, r);
    }
  else if (e->b == RECLAIM_LIST_FINALIZE_SEEN || e->a == RECLAIM_LIST_FINALIZE_SEEN)
    return;   /* finalize_garbage's bookkeeping: its __del__ calls are what matters */
  else
    say (t, indent_in_phase (t), "%s moves from %s to %s.", name, list_text (e->a), list_text (e->b));
  t->phase_told = TRUE;
}

static void
tell_merge (Teller *t, const ReclaimEvent *e)
{
  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (ReclaimId));

  append_list (t, moved, e->b, e->y);
  g_autofree char *names = join_names (t, (ReclaimId *) (gpointer) moved->data, moved->len);
  if (e->b == RECLAIM_LIST_FINALIZE_SEEN || e->a == RECLAIM_LIST_FINALIZE_SEEN)
    return;
  if (e->a == RECLAIM_LIST_UNREACHABLE && e->b == RECLAIM_LIST_FINAL_UNREACHABLE)
    say (t, 4, "Still unreachable, so garbage: %s.", names);
  else if (t->phase == RECLAIM_PHASE_MOVE_UNREACHABLE)
    say (t, 4, "The %s, %s, move%s from %s to %s.", moved->len == 1 ? "survivor" : "survivors",
         names, moved->len == 1 ? "s" : "", list_text (e->a), list_text (e->b));
  else
    say (t, indent_in_phase (t), "%s move%s from %s to %s.", names, moved->len == 1 ? "s" : "",
         list_text (e->a), list_text (e->b));
  t->phase_told = TRUE;
}

/* In move_unreachable an object's scan ends when it loses COLLECTING; the
 * objects it made reachable were noted just before. */
static void
tell_gc_word (Teller *t, const ReclaimEvent *e)
{
  guint old_flags = RECLAIM_GC_WORD_FLAGS (e->x), new_flags = RECLAIM_GC_WORD_FLAGS (e->y);

  if (t->phase != RECLAIM_PHASE_MOVE_UNREACHABLE)
    return;
  if ((old_flags & RECLAIM_FLAG_COLLECTING) && !(new_flags & RECLAIM_FLAG_COLLECTING))
    {
      const char *name = name_of (t, e->obj);

      say (t, 4, "%s: gc_refs %d, so it is reachable.", name, RECLAIM_GC_WORD_REFS (e->y));
      for (guint i = 0; i < t->reached->len; i++)
        {
          Reached *r = &g_array_index (t->reached, Reached, i);
          const char *other = name_of (t, r->id);
          if (r->moved_back)
            say (t, 6, "It refers to %s, which is therefore reachable too: %s moves back from "
                 "the unreachable list, with gc_refs 1.", other, other);
          else
            say (t, 6, "It refers to %s, which is therefore reachable too: its gc_refs goes "
                 "from %d to 1.", other, r->old_refs);
        }
      g_array_set_size (t->reached, 0);
      t->phase_told = TRUE;
    }
  else if (new_flags & RECLAIM_FLAG_COLLECTING)
    {
      Reached *last = t->reached->len ? &g_array_index (t->reached, Reached, t->reached->len - 1) : NULL;
      if (last == NULL || last->id != e->obj)
        {
          Reached r = { e->obj, FALSE, RECLAIM_GC_WORD_REFS (e->x) };
          g_array_append_val (t->reached, r);
        }
    }
}

static void
tell_collection_event (Teller *t, const ReclaimEvent *e)
{
  guint indent = indent_in_phase (t);

  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_GC_PHASE:
      end_phase (t);
      begin_phase (t, e->a);
      break;

    case RECLAIM_EV_GC_END:
      end_collection (t, e);
      break;

    case RECLAIM_EV_GC_MOVE:
      tell_move (t, e);
      break;

    case RECLAIM_EV_GC_MERGE:
      tell_merge (t, e);
      break;

    case RECLAIM_EV_GC_WORD:
      tell_gc_word (t, e);
      break;

    case RECLAIM_EV_UNTRACK:
      if (t->phase == RECLAIM_PHASE_MOVE_UNREACHABLE)
        {
          say (t, indent, "%s is untracked: it holds nothing that could be part of a cycle.",
               name_of (t, e->obj));
          t->phase_told = TRUE;
        }
      break;

    case RECLAIM_EV_WEAKREF_CLEAR:
      say (t, indent, "The weak reference %s to %s is cleared.", name_of (t, e->obj), name_of (t, e->x));
      t->phase_told = TRUE;
      break;

    case RECLAIM_EV_CALLBACK:
      say (t, indent, "The callback of %s runs.", name_of (t, e->x));
      t->phase_told = TRUE;
      break;

    case RECLAIM_EV_FINALIZE:
      say (t, indent, "%s.__del__() runs.", name_of (t, e->obj));
      t->phase_told = TRUE;
      break;

    case RECLAIM_EV_RESURRECTED:
      say (t, indent, "%s came back to life in __del__ (refcount %u): it is kept.",
           name_of (t, e->obj), e->x);
      t->phase_told = TRUE;
      break;

    case RECLAIM_EV_SLOT_SET:
      if (e->y == RECLAIM_VALUE_NONE && reclaim_value_is_object (e->x))
        {
          ReclaimRef ref = { e->obj, e->z };
          g_autofree char *slot = describe_ref (t, &ref);
          say (t, indent, "%s is cleared: it referred to %s.", slot, name_of (t, e->x));
          t->phase_told = TRUE;
        }
      break;

    case RECLAIM_EV_FREE:
      say (t, indent, "%s freed %s.", name_of (t, e->obj), freed_because (e->a));
      t->phase_told = TRUE;
      break;

    default:
      break;
    }
}

/* ---- the story ------------------------------------------------------------ */

void
reclaim_cli_explain (const ReclaimCliStory *story, guint64 from, guint64 to, GString *out)
{
  ReclaimHeap *heap = story->heap;
  guint64 position = reclaim_heap_get_position (heap);
  Teller t = {
    .story = story,
    .heap = heap,
    .out = out,
    .made_names = g_hash_table_new_full (NULL, NULL, NULL, g_free),
    .changes = g_array_new (FALSE, FALSE, sizeof (Change)),
    .candidates = g_array_new (FALSE, FALSE, sizeof (ReclaimId)),
    .reached = g_array_new (FALSE, FALSE, sizeof (Reached)),
  };

  g_return_if_fail (from <= to && to <= reclaim_heap_n_events (heap));

  reclaim_heap_seek (heap, from);
  for (guint64 i = from; i < to; i++)
    {
      const ReclaimEvent e = reclaim_heap_get_event (heap, i);

      reclaim_heap_seek (heap, i + 1);
      if (e.kind == RECLAIM_EV_GC_START)
        begin_collection (&t, &e);
      else if (t.collecting)
        tell_collection_event (&t, &e);
      else
        follow_statement_event (&t, &e);
    }
  if (t.collecting)
    end_phase (&t);
  finish_statement (&t);
  reclaim_heap_seek (heap, position);

  g_hash_table_unref (t.made_names);
  g_array_unref (t.changes);
  g_array_unref (t.candidates);
  g_array_unref (t.reached);
}
