/* reclaim-trace.c: the event log written as JSON Lines.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON is written by hand: every value is a number, a boolean, null, a
 * string we escape here, or a small array or object of those.
 *
 * The gc_refs reported when a phase ends come from the log alone: the
 * writer remembers the last gc word of every object whose word changed since
 * the collection's gc_start.  Seeking the heap instead would need it idle
 * (no collection running) and would change its position under the caller.
 */
#include "reclaim-trace.h"

#include <errno.h>
#include <string.h>

/* The trace's vocabulary lives here rather than being borrowed from the
 * engine's debugging names, so that renaming something inside the engine
 * cannot change the file format without this file (and its tests) noticing. */
static const char *const event_names[RECLAIM_N_EVENT_KINDS] = {
  [RECLAIM_EV_ALLOC]         = "alloc",
  [RECLAIM_EV_INCREF]        = "incref",
  [RECLAIM_EV_DECREF]        = "decref",
  [RECLAIM_EV_SLOT_SET]      = "slot_set",
  [RECLAIM_EV_SLOT_INSERT]   = "slot_insert",
  [RECLAIM_EV_SLOT_REMOVE]   = "slot_remove",
  [RECLAIM_EV_FREE]          = "free",
  [RECLAIM_EV_TRACK]         = "track",
  [RECLAIM_EV_UNTRACK]       = "untrack",
  [RECLAIM_EV_GC_MOVE]       = "gc_move",
  [RECLAIM_EV_GC_MERGE]      = "gc_merge",
  [RECLAIM_EV_GC_WORD]       = "gc_word",
  [RECLAIM_EV_COUNTER]       = "counter",
  [RECLAIM_EV_WEAKREF_LINK]  = "weakref_link",
  [RECLAIM_EV_WEAKREF_CLEAR] = "weakref_cleared",
  [RECLAIM_EV_MODE]          = "mode",
  [RECLAIM_EV_DICT_SET]      = "dict_set",
  [RECLAIM_EV_LINE]          = "line",
  [RECLAIM_EV_FINALIZE]      = "finalize",
  [RECLAIM_EV_FINALIZE_END]  = "finalize_end",
  [RECLAIM_EV_CALLBACK]      = "callback",
  [RECLAIM_EV_CALLBACK_END]  = "callback_end",
  [RECLAIM_EV_RESURRECTED]   = "resurrected",
  [RECLAIM_EV_GC_START]      = "gc_start",
  [RECLAIM_EV_GC_PHASE]      = "gc_phase_start",
  [RECLAIM_EV_GC_END]        = "gc_end",
};

static const char *const phase_names[RECLAIM_N_PHASES] = {
  [RECLAIM_PHASE_NONE]             = "none",
  [RECLAIM_PHASE_UPDATE_REFS]      = "update_refs",
  [RECLAIM_PHASE_SUBTRACT_REFS]    = "subtract_refs",
  [RECLAIM_PHASE_MOVE_UNREACHABLE] = "move_unreachable",
  [RECLAIM_PHASE_HANDLE_WEAKREFS]  = "handle_weakrefs",
  [RECLAIM_PHASE_FINALIZE_GARBAGE] = "finalize_garbage",
  [RECLAIM_PHASE_CHECK_GARBAGE]    = "check_garbage",
  [RECLAIM_PHASE_DELETE_GARBAGE]   = "delete_garbage",
  [RECLAIM_PHASE_MARK]             = "mark",
  [RECLAIM_PHASE_SWEEP]            = "sweep",
};

static const char *const list_names[RECLAIM_N_LISTS] = {
  [RECLAIM_LIST_NONE]              = "none",
  [RECLAIM_LIST_GEN0]              = "gen0",
  [RECLAIM_LIST_GEN1]              = "gen1",
  [RECLAIM_LIST_GEN2]              = "gen2",
  [RECLAIM_LIST_PERMANENT]         = "permanent",
  [RECLAIM_LIST_UNREACHABLE]       = "unreachable",
  [RECLAIM_LIST_FINAL_UNREACHABLE] = "final_unreachable",
  [RECLAIM_LIST_WEAKREF_CALLBACKS] = "weakref_callbacks",
  [RECLAIM_LIST_FINALIZE_SEEN]     = "finalize_seen",
};

static const char *const kind_names[RECLAIM_N_KINDS] = {
  [RECLAIM_KIND_INSTANCE]  = "instance",
  [RECLAIM_KIND_LIST]      = "list",
  [RECLAIM_KIND_TUPLE]     = "tuple",
  [RECLAIM_KIND_DICT]      = "dict",
  [RECLAIM_KIND_SET]       = "set",
  [RECLAIM_KIND_FUNCTION]  = "function",
  [RECLAIM_KIND_CELL]      = "cell",
  [RECLAIM_KIND_METHOD]    = "method",
  [RECLAIM_KIND_GENERATOR] = "generator",
  [RECLAIM_KIND_WEAKREF]   = "weakref",
  [RECLAIM_KIND_PROXY]     = "proxy",
  [RECLAIM_KIND_CLASS]     = "class",
  [RECLAIM_KIND_FRAME]     = "frame",
  [RECLAIM_KIND_OBJECT]    = "object",
  [RECLAIM_KIND_PLAIN]     = "plain",
  [RECLAIM_KIND_DEQUE]     = "deque",
};

static const char *const role_names[] = {
  [RECLAIM_ROLE_ATTR]     = "attr",
  [RECLAIM_ROLE_ITEM]     = "item",
  [RECLAIM_ROLE_KEY]      = "key",
  [RECLAIM_ROLE_VALUE]    = "value",
  [RECLAIM_ROLE_VAR]      = "var",
  [RECLAIM_ROLE_CELL]     = "cell",
  [RECLAIM_ROLE_CALLBACK] = "callback",
  [RECLAIM_ROLE_DICT]     = "dict",
  [RECLAIM_ROLE_OTHER]    = "other",
};

static const char *const freed_by_names[] = {
  [RECLAIM_FREED_BY_REFCOUNT]  = "refcount",
  [RECLAIM_FREED_BY_GC]        = "gc",
  [RECLAIM_FREED_BY_MARKSWEEP] = "marksweep",
};

static const char *const collector_names[] = {
  [RECLAIM_COLLECTOR_CPYTHON]   = "cpython",
  [RECLAIM_COLLECTOR_MARKSWEEP] = "marksweep",
};

/* Bits of the gc word's flag byte, lowest first. */
static const char *const flag_names[] = {
  "tracked", "finalized", "collecting", "unreachable", "marked",
};

static const char *const counter_names[RECLAIM_COUNTER_FREELIST_TUPLE1] = {
  [RECLAIM_COUNTER_COUNT0]             = "count0",
  [RECLAIM_COUNTER_COUNT1]             = "count1",
  [RECLAIM_COUNTER_COUNT2]             = "count2",
  [RECLAIM_COUNTER_THRESHOLD0]         = "threshold0",
  [RECLAIM_COUNTER_THRESHOLD1]         = "threshold1",
  [RECLAIM_COUNTER_THRESHOLD2]         = "threshold2",
  [RECLAIM_COUNTER_LONG_LIVED_PENDING] = "long_lived_pending",
  [RECLAIM_COUNTER_LONG_LIVED_TOTAL]   = "long_lived_total",
  [RECLAIM_COUNTER_ENABLED]            = "enabled",
  [RECLAIM_COUNTER_DEBUG]              = "debug",
  [RECLAIM_COUNTER_COLLECTIONS0]       = "collections0",
  [RECLAIM_COUNTER_COLLECTIONS1]       = "collections1",
  [RECLAIM_COUNTER_COLLECTIONS2]       = "collections2",
  [RECLAIM_COUNTER_COLLECTED0]         = "collected0",
  [RECLAIM_COUNTER_COLLECTED1]         = "collected1",
  [RECLAIM_COUNTER_COLLECTED2]         = "collected2",
  [RECLAIM_COUNTER_UNCOLLECTABLE0]     = "uncollectable0",
  [RECLAIM_COUNTER_UNCOLLECTABLE1]     = "uncollectable1",
  [RECLAIM_COUNTER_UNCOLLECTABLE2]     = "uncollectable2",
  [RECLAIM_COUNTER_FREELIST_LIST]      = "freelist_list",
  [RECLAIM_COUNTER_FREELIST_DICT]      = "freelist_dict",
};

/* Names out of range can only come from a log this file does not know
 * yet; they are written as "unknown" rather than crashing the writer. */
#define NAME_OF(table, index) \
  ((gsize) (index) < G_N_ELEMENTS (table) && (table)[index] ? (table)[index] : "unknown")

/* The slot index standing for an instance's reference to its class. */
#define SLOT_CLASS G_MAXUINT32

/* Files are written in pieces of about this size. */
#define FILE_CHUNK_SIZE (64 * 1024)

/* ---- JSON values --------------------------------------------------------- */

static void
append_uint (GString *out, guint64 n)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    *--p = '0' + n % 10;
  while ((n /= 10) != 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_int (GString *out, gint64 n)
{
  if (n < 0)
    {
      g_string_append_c (out, '-');
      append_uint (out, (guint64) 0 - (guint64) n);
    }
  else
    append_uint (out, n);
}

/* A JSON string.  Valid UTF-8 passes through; bytes that are not valid
 * UTF-8 become U+FFFD, so the output is always valid JSON in UTF-8.  U+2028
 * and U+2029 are escaped too, for readers that treat them as line breaks. */
static void
append_string (GString *out, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  const char *end = s + strlen (s);
  const char *p = s;

  g_string_append_c (out, '"');
  while (p < end)
    {
      guchar c = *p;

      if (c >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);
          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              g_string_append (out, "\\ufffd");
              p++;
            }
          else
            {
              const char *next = g_utf8_next_char (p);
              if (ch == 0x2028 || ch == 0x2029)
                g_string_append (out, ch == 0x2028 ? "\\u2028" : "\\u2029");
              else
                g_string_append_len (out, p, next - p);
              p = next;
            }
          continue;
        }

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[c >> 4]);
              g_string_append_c (out, hex[c & 0xf]);
            }
          else
            g_string_append_c (out, c);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* ---- fields of a line ---------------------------------------------------- */

static void
begin_line (GString *out, const char *ev, guint32 line)
{
  g_string_append (out, "{\"ev\":\"");
  g_string_append (out, ev);
  g_string_append (out, "\",\"line\":");
  append_uint (out, line);
}

static void
end_line (GString *out)
{
  g_string_append (out, "}\n");
}

static void
key (GString *out, const char *name)
{
  g_string_append (out, ",\"");
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
field_uint (GString *out, const char *name, guint64 n)
{
  key (out, name);
  append_uint (out, n);
}

static void
field_int (GString *out, const char *name, gint64 n)
{
  key (out, name);
  append_int (out, n);
}

static void
field_bool (GString *out, const char *name, gboolean b)
{
  key (out, name);
  g_string_append (out, b ? "true" : "false");
}

/* For names from this file's tables: nothing to escape. */
static void
field_name (GString *out, const char *name, const char *value)
{
  key (out, name);
  g_string_append_c (out, '"');
  g_string_append (out, value);
  g_string_append_c (out, '"');
}

static void
field_string (GString *out, const char *name, const char *value)
{
  key (out, name);
  append_string (out, value);
}

/* An object id, or null for "no object". */
static void
field_id (GString *out, const char *name, ReclaimId id)
{
  key (out, name);
  if (id == 0)
    g_string_append (out, "null");
  else
    append_uint (out, id);
}

/* A slot's value: an object's id, an immediate's repr as a string, or null
 * for an empty slot. */
static void
field_value (GString *out, const char *name, ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value))
    {
      field_id (out, name, value);
      return;
    }
  g_autofree char *repr = reclaim_value_dup_repr (value);
  field_string (out, name, repr ? repr : "");
}

static void
field_flags (GString *out, const char *name, guint flags)
{
  gboolean first = TRUE;

  key (out, name);
  g_string_append_c (out, '[');
  for (guint bit = 0; bit < 8; bit++)
    {
      if (!(flags & (1u << bit)))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (bit < G_N_ELEMENTS (flag_names))
        {
          g_string_append_c (out, '"');
          g_string_append (out, flag_names[bit]);
          g_string_append_c (out, '"');
        }
      else
        {
          g_string_append (out, "\"bit");
          append_uint (out, bit);
          g_string_append_c (out, '"');
        }
    }
  g_string_append_c (out, ']');
}

static void
field_type (GString *out, ReclaimHeap *heap, ReclaimId obj)
{
  const char *type = reclaim_heap_get_type_name (heap, obj);
  field_string (out, "type", type ? type : "");
}

static void
field_counter (GString *out, guint counter)
{
  if (counter < G_N_ELEMENTS (counter_names))
    field_name (out, "name", NAME_OF (counter_names, counter));
  else if (counter < RECLAIM_N_COUNTERS)
    {
      /* freelist_tuple1 .. freelist_tuple20: one free list per tuple size */
      key (out, "name");
      g_string_append (out, "\"freelist_tuple");
      append_uint (out, counter - RECLAIM_COUNTER_FREELIST_TUPLE1 + 1);
      g_string_append_c (out, '"');
    }
  else
    field_name (out, "name", "unknown");
}

/* ---- the writer ---------------------------------------------------------- */

typedef struct {
  ReclaimHeap *heap;
  GString     *out;
  /* The collection running at the event being written, if any. */
  gboolean     collecting;
  ReclaimPhase phase;          /* RECLAIM_PHASE_NONE before its first phase */
  /* ReclaimId -> gc word, for every object whose word changed since the
   * collection's gc_start: its candidates, and what its phases touched. */
  GHashTable  *gc_words;
} TraceWriter;

static void
writer_init (TraceWriter *w, ReclaimHeap *heap, GString *out)
{
  w->heap = heap;
  w->out = out;
  w->collecting = FALSE;
  w->phase = RECLAIM_PHASE_NONE;
  w->gc_words = g_hash_table_new (NULL, NULL);
}

static void
writer_clear (TraceWriter *w)
{
  g_hash_table_unref (w->gc_words);
}

/* Keeps track of the running collection; writes nothing. */
static void
writer_observe (TraceWriter *w, const ReclaimEvent *e)
{
  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_GC_START:
    case RECLAIM_EV_GC_END:
      w->collecting = e->kind == RECLAIM_EV_GC_START;
      w->phase = RECLAIM_PHASE_NONE;
      g_hash_table_remove_all (w->gc_words);
      break;

    case RECLAIM_EV_GC_PHASE:
      w->phase = e->a;
      break;

    case RECLAIM_EV_GC_WORD:
      if (w->collecting)
        g_hash_table_insert (w->gc_words, GUINT_TO_POINTER (e->obj), GUINT_TO_POINTER (e->y));
      break;

    default:
      break;
    }
}

/* Collections do not nest, so the one running at `from` (if any) is the one
 * whose gc_start is the last gc_start or gc_end before it. */
static void
writer_catch_up (TraceWriter *w, guint64 from)
{
  guint64 start = from;

  while (start > 0)
    {
      guint8 kind = reclaim_heap_get_event (w->heap, start - 1).kind;
      if (kind == RECLAIM_EV_GC_END)
        return;
      start--;
      if (kind == RECLAIM_EV_GC_START)
        break;
    }
  if (start == from || reclaim_heap_get_event (w->heap, start).kind != RECLAIM_EV_GC_START)
    return;
  for (guint64 i = start; i < from; i++)
    {
      ReclaimEvent e = reclaim_heap_get_event (w->heap, i);
      writer_observe (w, &e);
    }
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  ReclaimId x = *(const ReclaimId *) a, y = *(const ReclaimId *) b;
  return x < y ? -1 : x > y;
}

/* The line summing up the phase that just ended. */
static void
write_phase_end (TraceWriter *w, guint32 line)
{
  GString *out = w->out;
  g_autoptr (GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (ReclaimId),
                                              g_hash_table_size (w->gc_words));
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, w->gc_words);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      ReclaimId obj = GPOINTER_TO_UINT (id);
      g_array_append_val (ids, obj);
    }
  g_array_sort (ids, compare_ids);

  begin_line (out, "gc_phase", line);
  field_name (out, "phase", NAME_OF (phase_names, w->phase));
  key (out, "gc_refs");
  g_string_append_c (out, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      ReclaimId obj = g_array_index (ids, ReclaimId, i);
      guint32 word = GPOINTER_TO_UINT (g_hash_table_lookup (w->gc_words, GUINT_TO_POINTER (obj)));
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      append_uint (out, obj);
      g_string_append (out, "\":");
      append_int (out, RECLAIM_GC_WORD_REFS (word));
    }
  g_string_append_c (out, '}');

  if (w->phase == RECLAIM_PHASE_MARK || w->phase == RECLAIM_PHASE_SWEEP)
    {
      gboolean first = TRUE;

      key (out, "marked");
      g_string_append_c (out, '[');
      for (guint i = 0; i < ids->len; i++)
        {
          ReclaimId obj = g_array_index (ids, ReclaimId, i);
          guint32 word = GPOINTER_TO_UINT (g_hash_table_lookup (w->gc_words, GUINT_TO_POINTER (obj)));
          if (!(RECLAIM_GC_WORD_FLAGS (word) & RECLAIM_FLAG_MARKED))
            continue;
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          append_uint (out, obj);
        }
      g_string_append_c (out, ']');
    }
  end_line (out);
}

static void
write_event_fields (TraceWriter *w, const ReclaimEvent *e)
{
  GString *out = w->out;

  switch ((ReclaimEventKind) e->kind)
    {
    case RECLAIM_EV_ALLOC:
      {
        const char *label = reclaim_heap_get_label (w->heap, e->obj);
        field_uint (out, "id", e->obj);
        field_type (out, w->heap, e->obj);
        field_name (out, "kind", NAME_OF (kind_names, e->a));
        if (e->x)
          field_uint (out, "class", e->x);
        if (label)
          field_string (out, "label", label);
        field_bool (out, "counted", e->b & RECLAIM_ALLOC_COUNTED);
        field_bool (out, "from_freelist", e->b & RECLAIM_ALLOC_FROM_FREELIST);
      }
      break;

    case RECLAIM_EV_INCREF:
    case RECLAIM_EV_DECREF:
      field_uint (out, "id", e->obj);
      field_uint (out, "refcount", e->y);
      if (e->x)
        {
          field_uint (out, "by", e->x);
          key (out, "slot");
          if (e->z == SLOT_CLASS)
            g_string_append (out, "null");
          else
            append_uint (out, e->z);
        }
      break;

    case RECLAIM_EV_SLOT_SET:
      field_uint (out, "id", e->obj);
      field_uint (out, "index", e->z);
      field_value (out, "old", e->x);
      field_value (out, "new", e->y);
      break;

    case RECLAIM_EV_DICT_SET:
      field_uint (out, "id", e->obj);
      field_value (out, "old", e->x);
      field_value (out, "new", e->y);
      break;

    case RECLAIM_EV_SLOT_INSERT:
    case RECLAIM_EV_SLOT_REMOVE:
      field_uint (out, "id", e->obj);
      field_uint (out, "index", e->z);
      field_name (out, "role", NAME_OF (role_names, e->a));
      if (e->x)
        field_string (out, "label", reclaim_interned (e->x));
      field_value (out, "value", e->y);
      break;

    case RECLAIM_EV_FREE:
      field_uint (out, "id", e->obj);
      field_type (out, w->heap, e->obj);
      field_name (out, "by", NAME_OF (freed_by_names, e->a));
      field_bool (out, "counted", e->b & RECLAIM_FREE_COUNTED);
      field_bool (out, "to_freelist", e->b & RECLAIM_FREE_TO_FREELIST);
      break;

    case RECLAIM_EV_TRACK:
    case RECLAIM_EV_UNTRACK:
      field_uint (out, "id", e->obj);
      field_name (out, "list", NAME_OF (list_names, e->a));
      break;

    case RECLAIM_EV_GC_MOVE:
      field_uint (out, "id", e->obj);
      field_name (out, "from", NAME_OF (list_names, e->a));
      field_name (out, "to", NAME_OF (list_names, e->b));
      break;

    case RECLAIM_EV_GC_MERGE:
      field_name (out, "from", NAME_OF (list_names, e->a));
      field_name (out, "to", NAME_OF (list_names, e->b));
      field_id (out, "first", e->y);
      break;

    case RECLAIM_EV_GC_WORD:
      field_uint (out, "id", e->obj);
      if (e->a != RECLAIM_PHASE_NONE)
        field_name (out, "phase", NAME_OF (phase_names, e->a));
      field_int (out, "gc_refs", RECLAIM_GC_WORD_REFS (e->y));
      field_flags (out, "flags", RECLAIM_GC_WORD_FLAGS (e->y));
      field_int (out, "old_gc_refs", RECLAIM_GC_WORD_REFS (e->x));
      field_flags (out, "old_flags", RECLAIM_GC_WORD_FLAGS (e->x));
      break;

    case RECLAIM_EV_COUNTER:
      field_counter (out, e->a);
      field_int (out, "old", (gint32) e->x);
      field_int (out, "new", (gint32) e->y);
      break;

    case RECLAIM_EV_WEAKREF_LINK:
    case RECLAIM_EV_WEAKREF_CLEAR:
      field_id (out, "id", e->x);
      field_uint (out, "weakref", e->obj);
      break;

    case RECLAIM_EV_MODE:
      field_name (out, "collector", NAME_OF (collector_names, e->a));
      field_name (out, "old", NAME_OF (collector_names, e->b));
      break;

    case RECLAIM_EV_LINE:
      field_uint (out, "depth", e->y);
      break;

    case RECLAIM_EV_FINALIZE:
    case RECLAIM_EV_FINALIZE_END:
      field_uint (out, "id", e->obj);
      break;

    case RECLAIM_EV_CALLBACK:
    case RECLAIM_EV_CALLBACK_END:
      field_id (out, "id", e->obj);
      field_uint (out, "weakref", e->x);
      field_id (out, "callback", e->y);
      break;

    case RECLAIM_EV_RESURRECTED:
      field_uint (out, "id", e->obj);
      field_uint (out, "refcount", e->x);
      break;

    case RECLAIM_EV_GC_START:
      field_uint (out, "generation", e->b);
      field_name (out, "collector", e->b == 3 ? "marksweep" : "cpython");
      break;

    case RECLAIM_EV_GC_PHASE:
      field_name (out, "phase", NAME_OF (phase_names, e->a));
      break;

    case RECLAIM_EV_GC_END:
      field_uint (out, "collected", e->x);
      field_uint (out, "uncollectable", e->y);
      break;

    case RECLAIM_N_EVENT_KINDS:
      break;
    }
}

static void
writer_write (TraceWriter *w, const ReclaimEvent *e, guint32 line)
{
  /* A phase ends where the next one starts, or where the collection ends. */
  if ((e->kind == RECLAIM_EV_GC_PHASE || e->kind == RECLAIM_EV_GC_END) &&
      w->collecting && w->phase != RECLAIM_PHASE_NONE)
    write_phase_end (w, line);

  begin_line (w->out, NAME_OF (event_names, e->kind), line);
  write_event_fields (w, e);
  end_line (w->out);
  writer_observe (w, e);
}

/* Writes [from, to) into out; when flush is given, calls it each time out
 * holds more than FILE_CHUNK_SIZE bytes, and at the end. */
typedef gboolean (*FlushFunc) (GString *out, gpointer data, GError **error);

static gboolean
write_range (ReclaimHeap *heap, guint64 from, guint64 to, GString *out,
             FlushFunc flush, gpointer flush_data, GError **error)
{
  TraceWriter w;
  gboolean ok = TRUE;

  writer_init (&w, heap, out);
  writer_catch_up (&w, from);
  for (guint64 i = from; i < to && ok; i++)
    {
      ReclaimEvent e = reclaim_heap_get_event (heap, i);
      writer_write (&w, &e, reclaim_heap_get_event_line (heap, i));
      if (flush && out->len >= FILE_CHUNK_SIZE)
        ok = flush (out, flush_data, error);
    }
  if (ok && flush)
    ok = flush (out, flush_data, error);
  writer_clear (&w);
  return ok;
}

void
reclaim_trace_write (ReclaimHeap *heap, guint64 from, guint64 to, GString *out)
{
  g_return_if_fail (heap != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (from <= to && to <= reclaim_heap_n_events (heap));

  write_range (heap, from, to, out, NULL, NULL, NULL);
}

static gboolean
flush_to_file (GString *out, gpointer data, GError **error)
{
  FILE *file = data;
  gboolean ok;

  errno = 0;
  ok = fwrite (out->str, 1, out->len, file) == out->len;

  g_string_truncate (out, 0);
  if (ok)
    ok = fflush (file) == 0;
  if (!ok)
    {
      int saved_errno = errno ? errno : EIO;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not write the trace: %s", g_strerror (saved_errno));
    }
  return ok;
}

gboolean
reclaim_trace_write_file (ReclaimHeap *heap, guint64 from, guint64 to, FILE *file, GError **error)
{
  g_return_val_if_fail (heap != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (from <= to && to <= reclaim_heap_n_events (heap), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (GString) out = g_string_sized_new (FILE_CHUNK_SIZE + 4096);
  return write_range (heap, from, to, out, flush_to_file, file, error);
}
