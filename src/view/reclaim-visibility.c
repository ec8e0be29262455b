/* reclaim-visibility.c: which objects the views show.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-visibility.h"

#include <string.h>

struct _ReclaimVisibility
{
  ReclaimId   first_id;
  ReclaimId   module_dict;
  gboolean    show_internals;
  /* the interpreter's machinery: TRUE by id, below n_ids (a scene asks
   * of every object, each step) */
  guint8     *internal;
  ReclaimId   n_ids;
  GHashTable *temporary;    /* ReclaimId set: those no object ever held */
};

/* What one pass over the event log keeps while it classifies. */
typedef struct {
  ReclaimHeap *heap;
  ReclaimVisibility *visibility;
  GHashTable *machinery;    /* classes, functions, modules, descriptors */
  GHashTable *parts;        /* dicts and tuples the machinery holds itself */
  GHashTable *dunder_parts; /* what a class keeps under a dunder name, and all it holds */
  GHashTable *unheld;       /* tuples and iterators no slot has held yet */
  GHashTable *named;        /* held by an object the script can name */
} Classifier;

static gboolean
contains (GHashTable *set, ReclaimId id)
{
  return g_hash_table_contains (set, GUINT_TO_POINTER (id));
}

static void
add (GHashTable *set, ReclaimId id)
{
  g_hash_table_add (set, GUINT_TO_POINTER (id));
}

/* Classes, functions, modules and a class's descriptors: what Python
 * made for the script rather than what the script made. */
static gboolean
is_machinery_kind (ReclaimHeap *heap, ReclaimId id)
{
  const char *label = reclaim_heap_get_label (heap, id);

  switch (reclaim_heap_get_kind (heap, id))
    {
    case RECLAIM_KIND_CLASS:
    case RECLAIM_KIND_FUNCTION:
      return TRUE;
    case RECLAIM_KIND_OBJECT:
      return g_strcmp0 (label, "module") == 0 || g_strcmp0 (label, "getset_descriptor") == 0;
    default:
      return FALSE;
    }
}

/* Kinds an interpreter makes in passing (argument tuples, iterators):
 * they belong to the machinery unless some object holds them. */
static gboolean
may_be_temporary (ReclaimHeap *heap, ReclaimId id)
{
  ReclaimKind kind = reclaim_heap_get_kind (heap, id);
  return kind == RECLAIM_KIND_TUPLE || kind == RECLAIM_KIND_OBJECT || kind == RECLAIM_KIND_PLAIN;
}

static void
note_alloc (Classifier *c, ReclaimId id)
{
  if (id < c->visibility->first_id)
    return;
  if (is_machinery_kind (c->heap, id))
    add (c->machinery, id);
  else if (may_be_temporary (c->heap, id))
    add (c->unheld, id);
}

/* A slot label of the form __name__, or '__name__' (a dict entry's key). */
static gboolean
is_dunder_label (const char *label)
{
  if (label == NULL)
    return FALSE;
  gsize len = strlen (label);
  if (len >= 2 && label[0] == '\'' && label[len - 1] == '\'')
    label++, len -= 2;
  return len > 4 && strncmp (label, "__", 2) == 0 && strncmp (label + len - 2, "__", 2) == 0;
}

/* by_name: the slot is a global, an attribute or a dict entry, which the
 * script can name.  A list's or a set's items and a function's locals are
 * not enough: `[o for o in gc.get_objects() ...]` holds every class's
 * namespace in a list and, in turn, in a local. */
static void
note_held (Classifier *c, ReclaimId holder, ReclaimValue value, const char *label, gboolean by_name)
{
  if (!reclaim_value_is_object (value) || value < c->visibility->first_id)
    return;
  g_hash_table_remove (c->unheld, GUINT_TO_POINTER (value));
  ReclaimKind kind = reclaim_heap_get_kind (c->heap, value);
  /* the cell a class body makes for super(), which the script never names */
  if (kind == RECLAIM_KIND_CELL && g_strcmp0 (label, "__class__") == 0)
    add (c->machinery, value);
  else if (contains (c->machinery, holder))
    {
      if (kind == RECLAIM_KIND_DICT || kind == RECLAIM_KIND_TUPLE)
        add (c->parts, value);
    }
  /* what a class keeps under a dunder name (__annotations__, __slots__,
   * a dataclass's __dataclass_fields__ and its Field objects, a generated
   * __init__) is Python's bookkeeping, down to what that holds */
  else if (contains (c->dunder_parts, holder) || (contains (c->parts, holder) && is_dunder_label (label)))
    {
      add (c->parts, value);
      add (c->dunder_parts, value);
    }
  else if (by_name && !contains (c->parts, holder))
    add (c->named, value);
}

/* Whether the slots of holder are named ones: a namespace's or an
 * instance's, not a sequence's, a set's or a function's frame's. */
static gboolean
holds_by_name (ReclaimHeap *heap, ReclaimId holder)
{
  switch (reclaim_heap_get_kind (heap, holder))
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
    case RECLAIM_KIND_SET:
    case RECLAIM_KIND_DEQUE:
    case RECLAIM_KIND_FRAME:
      return FALSE;
    default:
      return TRUE;
    }
}

static void
classify_pass (Classifier *c)
{
  guint64 n = reclaim_heap_n_events (c->heap);

  for (guint64 i = 0; i < n; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (c->heap, i);
      if (ev.kind == RECLAIM_EV_ALLOC)
        note_alloc (c, ev.obj);
      else if (ev.kind == RECLAIM_EV_SLOT_INSERT)
        note_held (c, ev.obj, ev.y, ev.x ? reclaim_interned (ev.x) : NULL,
                   ev.a != RECLAIM_ROLE_ITEM && holds_by_name (c->heap, ev.obj));
      else if (ev.kind == RECLAIM_EV_SLOT_SET)
        note_held (c, ev.obj, ev.y, NULL, holds_by_name (c->heap, ev.obj));
    }
}

/* A dict gets its entries before it is put where it belongs (a class's
 * __annotations__ before the class, a dataclass's Field objects before
 * __dataclass_fields__ is stored): the log is read again, from what the
 * last pass found, until a pass finds nothing new. */
#define MAX_PASSES 4

static void
classify (Classifier *c)
{
  guint found = 0;

  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      g_hash_table_remove_all (c->unheld);
      g_hash_table_remove_all (c->named);
      classify_pass (c);
      guint now = g_hash_table_size (c->machinery) + g_hash_table_size (c->parts);
      if (now == found)
        break;
      found = now;
    }
}

static void
add_all (GHashTable *to, GHashTable *from, GHashTable *except)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (except == NULL || !g_hash_table_contains (except, key))
      g_hash_table_add (to, key);
}

static void
set_internal (ReclaimVisibility *visibility, GHashTable *internal)
{
  GHashTableIter iter;
  gpointer key;

  visibility->n_ids = 0;
  g_hash_table_iter_init (&iter, internal);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    visibility->n_ids = MAX (visibility->n_ids, GPOINTER_TO_UINT (key) + 1);
  visibility->internal = g_new0 (guint8, MAX (visibility->n_ids, 1));
  g_hash_table_iter_init (&iter, internal);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    visibility->internal[GPOINTER_TO_UINT (key)] = TRUE;
}

static gboolean
is_internal (const ReclaimVisibility *visibility, ReclaimId id)
{
  return id < visibility->n_ids && visibility->internal[id];
}

ReclaimVisibility *
reclaim_visibility_new (ReclaimHeap *heap, ReclaimId first_id, ReclaimId module_dict)
{
  ReclaimVisibility *visibility = g_new0 (ReclaimVisibility, 1);
  Classifier c = {
    .heap = heap,
    .visibility = visibility,
    .machinery = g_hash_table_new (NULL, NULL),
    .parts = g_hash_table_new (NULL, NULL),
    .dunder_parts = g_hash_table_new (NULL, NULL),
    .unheld = g_hash_table_new (NULL, NULL),
    .named = g_hash_table_new (NULL, NULL),
  };

  visibility->first_id = first_id;
  visibility->module_dict = module_dict;
  g_autoptr (GHashTable) internal = g_hash_table_new (NULL, NULL);
  classify (&c);
  add_all (internal, c.machinery, NULL);
  /* a part of the machinery the script holds itself is its own */
  add_all (internal, c.parts, c.named);
  add_all (internal, c.unheld, NULL);
  visibility->temporary = g_steal_pointer (&c.unheld);
  set_internal (visibility, internal);

  g_hash_table_unref (c.machinery);
  g_hash_table_unref (c.parts);
  g_hash_table_unref (c.dunder_parts);
  g_hash_table_unref (c.named);
  return visibility;
}

void
reclaim_visibility_free (ReclaimVisibility *visibility)
{
  if (visibility == NULL)
    return;
  g_free (visibility->internal);
  g_hash_table_unref (visibility->temporary);
  g_free (visibility);
}

void
reclaim_visibility_set_show_internals (ReclaimVisibility *visibility, gboolean show)
{
  visibility->show_internals = show;
}

gboolean
reclaim_visibility_get_show_internals (const ReclaimVisibility *visibility)
{
  return visibility->show_internals;
}

gboolean
reclaim_visibility_is_internal (const ReclaimVisibility *visibility, ReclaimId id)
{
  return is_internal (visibility, id);
}

gboolean
reclaim_visibility_is_temporary (const ReclaimVisibility *visibility, ReclaimId id)
{
  return contains (visibility->temporary, id);
}

gboolean
reclaim_visibility_shows (const ReclaimVisibility *visibility, ReclaimId id)
{
  if (id == 0)
    return FALSE;
  if (id == visibility->module_dict)
    return TRUE;
  if (id < visibility->first_id)
    return FALSE;
  return visibility->show_internals || !is_internal (visibility, id);
}
