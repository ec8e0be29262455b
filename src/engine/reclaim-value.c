/* reclaim-value.c: the values a slot holds: object ids and immediates.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-heap-private.h"

#include <string.h>

/* Interned text: repr of immediates and labels of slots and objects.
 * Anonymous numbers (values whose repr is written on demand) may be
 * given back and then handed out again; text stays.
 * GLib's quarks would do, but their table leaks its old array every 2,048
 * new quarks, which makes memory grow with the square of the number of
 * distinct values a script makes (floats, strs, dict keys).  This table
 * grows linearly.  Text lives as long as the process; id 0 is "none".
 *
 * The texts sit in chunks that never move, and a number's text is set
 * before the number is given out, so reclaim_interned reads without the
 * lock: the window asks for a label for every slot of every card it shows. */
#define TEXT_CHUNK_SHIFT 12
#define TEXT_CHUNK_SIZE  (1u << TEXT_CHUNK_SHIFT)
#define MAX_TEXT_CHUNKS  ((RECLAIM_VALUE_INT_BIT >> TEXT_CHUNK_SHIFT) + 1)   /* ids stay below the int bit */
static const char **text_chunks[MAX_TEXT_CHUNKS];
static guint        n_texts = 1;     /* numbers below are given out; read with g_atomic_int_get */
static GHashTable  *text_ids;        /* text -> number */
static GArray      *anonymous_free;   /* guint32 numbers given back */
G_LOCK_DEFINE_STATIC (texts);

/* A new number for text (NULL for an anonymous one). */
static guint32
texts_add_locked (const char *text)
{
  guint32 id = n_texts;
  g_return_val_if_fail ((id >> TEXT_CHUNK_SHIFT) < MAX_TEXT_CHUNKS, 0);
  const char **chunk = text_chunks[id >> TEXT_CHUNK_SHIFT];
  if (chunk == NULL)
    {
      chunk = g_new0 (const char *, TEXT_CHUNK_SIZE);
      g_atomic_pointer_set (&text_chunks[id >> TEXT_CHUNK_SHIFT], chunk);
    }
  g_atomic_pointer_set (&chunk[id & (TEXT_CHUNK_SIZE - 1)], text);
  g_atomic_int_set (&n_texts, id + 1);
  return id;
}

/* The texts a thread interned last, by the address they came from: most
 * callers pass the same few labels again and again (a frame's slot names,
 * attribute names from the syntax tree), and each would take the lock and
 * hash the text.  Each thread keeps its own, read without the lock; an
 * address may hold other text by now, so a hit is checked against the
 * interned copy, which never moves. */
#define N_RECENT_TEXTS 256
typedef struct {
  const char *from;
  const char *copy;
  guint32     id;
} RecentText;
static _Thread_local RecentText recent_texts[N_RECENT_TEXTS];

guint32
reclaim_intern (const char *text)
{
  if (text == NULL)
    return 0;
  RecentText *recent = &recent_texts[((guintptr) text >> 3) % N_RECENT_TEXTS];
  if (recent->from == text && strcmp (recent->copy, text) == 0)
    return recent->id;

  G_LOCK (texts);
  if (text_ids == NULL)
    text_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gpointer copy;
  gpointer found;
  guint32 id;
  if (g_hash_table_lookup_extended (text_ids, text, &copy, &found))
    id = GPOINTER_TO_UINT (found);
  else
    {
      copy = g_strdup (text);
      id = texts_add_locked (copy);
      g_hash_table_insert (text_ids, copy, GUINT_TO_POINTER (id));
    }
  G_UNLOCK (texts);
  *recent = (RecentText) { text, copy, id };
  return id;
}

guint32
reclaim_intern_anonymous (void)
{
  G_LOCK (texts);
  guint32 id;
  if (anonymous_free != NULL && anonymous_free->len > 0)
    {
      id = g_array_index (anonymous_free, guint32, anonymous_free->len - 1);
      g_array_set_size (anonymous_free, anonymous_free->len - 1);
    }
  else
    id = texts_add_locked (NULL);
  G_UNLOCK (texts);
  return id;
}

void
reclaim_intern_release_anonymous (guint32 id)
{
  g_return_if_fail (id > 0 && id < (guint32) g_atomic_int_get (&n_texts) && reclaim_interned (id) == NULL);
  G_LOCK (texts);
  if (anonymous_free == NULL)
    anonymous_free = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (anonymous_free, id);
  G_UNLOCK (texts);
}

const char *
reclaim_interned (guint32 id)
{
  if (id == 0 || id >= (guint32) g_atomic_int_get (&n_texts))
    return NULL;
  const char **chunk = g_atomic_pointer_get (&text_chunks[id >> TEXT_CHUNK_SHIFT]);
  return g_atomic_pointer_get (&chunk[id & (TEXT_CHUNK_SIZE - 1)]);
}

/* the layout of immediates: see reclaim-heap.h */
#define VALUE_IMMEDIATE RECLAIM_VALUE_IMMEDIATE_BIT
#define VALUE_INT       RECLAIM_VALUE_INT_BIT
#define VALUE_PAYLOAD   (VALUE_INT - 1)

ReclaimValue
reclaim_value_int (gint32 n)
{
  if (n >= -(1 << 29) && n < (1 << 29))
    return VALUE_IMMEDIATE | VALUE_INT | ((guint32) n & VALUE_PAYLOAD);

  char buf[16];
  g_snprintf (buf, sizeof buf, "%d", n);
  return reclaim_value_text (buf);
}

ReclaimValue
reclaim_value_anonymous (void)
{
  guint32 id = reclaim_intern_anonymous ();
  g_return_val_if_fail (id < VALUE_INT, RECLAIM_VALUE_NONE);
  return VALUE_IMMEDIATE | id;
}

static ReclaimReprFunc repr_func;

void
reclaim_value_set_repr_func (ReclaimReprFunc func)
{
  repr_func = func;
}

ReclaimValue
reclaim_value_text (const char *repr)
{
  guint32 id = reclaim_intern (repr);
  g_return_val_if_fail (id < VALUE_INT, RECLAIM_VALUE_NONE);
  return VALUE_IMMEDIATE | id;
}

gint32
reclaim_value_get_int (ReclaimValue value)
{
  g_return_val_if_fail (reclaim_value_is_int (value), 0);
  /* sign-extend the 30-bit payload */
  return ((gint32) ((value & VALUE_PAYLOAD) << 2)) >> 2;
}

char *
reclaim_value_dup_repr (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value))
    return NULL;
  if (reclaim_value_is_int (value))
    return g_strdup_printf ("%d", reclaim_value_get_int (value));
  const char *text = reclaim_interned (value & VALUE_PAYLOAD);
  if (text != NULL)
    return g_strdup (text);
  return repr_func ? repr_func (value) : NULL;
}

guint32
reclaim_value_anonymous_id (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value) || reclaim_value_is_int (value))
    return 0;
  return value & VALUE_PAYLOAD;
}

/* ---- every value the heaps hold ----------------------------------------- */

/* The heaps alive in the process, so that the layer above can learn which
 * of its immediates are still held before it lets them go. */
static GPtrArray *live_heaps;
G_LOCK_DEFINE_STATIC (live_heaps);

void
heap_register (ReclaimHeap *heap)
{
  G_LOCK (live_heaps);
  if (live_heaps == NULL)
    live_heaps = g_ptr_array_new ();
  g_ptr_array_add (live_heaps, heap);
  G_UNLOCK (live_heaps);
}

void
heap_unregister (ReclaimHeap *heap)
{
  G_LOCK (live_heaps);
  g_ptr_array_remove_fast (live_heaps, heap);
  G_UNLOCK (live_heaps);
}

static void
visit_if_immediate (ReclaimValue value, ReclaimValueVisitFunc visit, gpointer user_data)
{
  if (reclaim_value_is_immediate (value) && !reclaim_value_is_int (value))
    visit (value, user_data);
}

/* A heap that keeps its log may go back to any point of it: every value
 * a slot ever held is in a slot event, and stays held.  A heap that drops
 * its events holds what its live objects' slots hold. */
static void
heap_visit_immediates (ReclaimHeap *heap, ReclaimValueVisitFunc visit, gpointer user_data)
{
  if (!heap->drop_events)
    {
      for (guint64 i = 0; i < heap->n_events; i++)
        {
          const ReclaimEvent e = reclaim_heap_get_event (heap, i);
          if (e.kind == RECLAIM_EV_SLOT_SET)
            visit_if_immediate (e.x, visit, user_data);
          if (e.kind == RECLAIM_EV_SLOT_SET || e.kind == RECLAIM_EV_SLOT_INSERT ||
              e.kind == RECLAIM_EV_SLOT_REMOVE)
            visit_if_immediate (e.y, visit, user_data);
        }
      return;
    }
  for (guint32 id = 1; id <= heap->n_objects; id++)
    {
      const Object *o = &heap->objects[id];
      if (o->state == RECLAIM_STATE_ALIVE)
        for (guint i = 0; i < o->n_slots; i++)
          visit_if_immediate (o->slots[i].value, visit, user_data);
    }
}

void
reclaim_heaps_foreach_immediate (ReclaimValueVisitFunc visit, gpointer user_data)
{
  G_LOCK (live_heaps);
  for (guint i = 0; live_heaps != NULL && i < live_heaps->len; i++)
    heap_visit_immediates (live_heaps->pdata[i], visit, user_data);
  G_UNLOCK (live_heaps);
}
