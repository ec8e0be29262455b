/* engine-test-util.c
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "engine-test-util.h"

#include <string.h>

typedef struct {
  char        *text;
  WorldAction  action;
  gpointer     data;
} WorldLambda;

static void
lambda_free (gpointer p)
{
  WorldLambda *l = p;
  g_free (l->text);
  g_free (l);
}

static void
class_free (gpointer p)
{
  WorldClass *c = p;
  g_free (c->name);
  g_ptr_array_unref (c->keys);
  g_free (c);
}

static void
host_finalize (ReclaimHeap *heap, ReclaimId obj, gpointer user_data)
{
  World *w = user_data;
  WorldClass *c = g_hash_table_lookup (w->classes, GUINT_TO_POINTER (reclaim_heap_get_class (heap, obj)));

  if (c == NULL || !c->has_del)
    return;
  world_print (w, "  __del__ %s", world_name (w, obj));
  if (c->del_action)
    c->del_action (w, obj, c->del_data);
}

static void
host_weakref_callback (ReclaimHeap *heap, ReclaimId weakref, ReclaimId callback, gpointer user_data)
{
  World *w = user_data;
  WorldLambda *l = g_hash_table_lookup (w->lambdas, GUINT_TO_POINTER (callback));

  if (l == NULL)
    return;
  /* calling the function holds a reference to it, as a call does */
  reclaim_heap_incref (heap, callback);
  if (l->text)
    world_print (w, "  %s", l->text);
  if (l->action)
    l->action (w, weakref, l->data);
  reclaim_heap_decref (heap, callback);
}

static void
host_gc_callback (ReclaimHeap *heap, const char *phase, int generation,
                  gssize collected, gssize uncollectable, gpointer user_data)
{
  World *w = user_data;
  if (w->gc_info)
    g_ptr_array_add (w->gc_info, g_strdup_printf ("%s %d %" G_GSSIZE_FORMAT " %" G_GSSIZE_FORMAT,
                                                   phase, generation, collected, uncollectable));
}

World *
world_new (void)
{
  static const ReclaimHost host = { host_finalize, host_weakref_callback, host_gc_callback };
  World *w = g_new0 (World, 1);

  w->heap = reclaim_heap_new ();
  reclaim_heap_set_host (w->heap, &host, w);
  w->out = g_string_new (NULL);
  w->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  w->classes = g_hash_table_new_full (NULL, NULL, NULL, class_free);
  w->lambdas = g_hash_table_new_full (NULL, NULL, NULL, lambda_free);
  w->module = reclaim_heap_alloc (w->heap, RECLAIM_KIND_FRAME, 0, "<module>", RECLAIM_ALLOC_ROOT);
  world_set (w, "refs", world_list (w, 0, NULL));
  return w;
}

void
world_free (World *w)
{
  reclaim_heap_free (w->heap);
  g_string_free (w->out, TRUE);
  g_hash_table_unref (w->names);
  g_hash_table_unref (w->classes);
  g_hash_table_unref (w->lambdas);
  if (w->gc_info)
    g_ptr_array_unref (w->gc_info);
  g_free (w);
}

void
world_print (World *w, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_string_append_vprintf (w->out, fmt, ap);
  va_end (ap);
  g_string_append_c (w->out, '\n');
}

char *
world_take_output (World *w)
{
  char *s = g_strdup (w->out->str);
  g_string_truncate (w->out, 0);
  return s;
}

static int
find_slot (ReclaimHeap *heap, ReclaimId obj, const char *label)
{
  for (guint i = 0; i < reclaim_heap_n_slots (heap, obj); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (heap, obj, i), label) == 0)
      return i;
  return -1;
}

void
world_set (World *w, const char *var, ReclaimValue value)
{
  int i = find_slot (w->heap, w->module, var);

  if (i < 0)
    reclaim_heap_slot_append (w->heap, w->module, RECLAIM_ROLE_VAR, var, value);
  else
    reclaim_heap_slot_set (w->heap, w->module, i, value);
}

ReclaimValue
world_get (World *w, const char *var)
{
  int i = find_slot (w->heap, w->module, var);
  g_assert (i >= 0);
  return reclaim_heap_slot_get (w->heap, w->module, i);
}

ReclaimValue
world_load (World *w, const char *var)
{
  ReclaimValue v = world_get (w, var);
  reclaim_heap_incref (w->heap, v);
  return v;
}

void
world_del (World *w, const char *var)
{
  int i = find_slot (w->heap, w->module, var);
  g_assert (i >= 0);
  reclaim_heap_decref (w->heap, reclaim_heap_slot_take (w->heap, w->module, i));
}

WorldClass *
world_class (World *w, const char *name, gboolean has_del)
{
  WorldClass *c = g_new0 (WorldClass, 1);

  c->id = reclaim_heap_alloc (w->heap, RECLAIM_KIND_CLASS, 0, name, 0);
  c->name = g_strdup (name);
  c->keys = g_ptr_array_new_with_free_func (g_free);
  c->has_del = has_del;
  g_hash_table_insert (w->classes, GUINT_TO_POINTER (c->id), c);
  world_set (w, name, c->id);
  return c;
}

ReclaimId
world_new_obj (World *w, WorldClass *cls, const char *name)
{
  ReclaimId obj = reclaim_heap_alloc (w->heap, RECLAIM_KIND_INSTANCE, cls->id, NULL,
                                      cls->has_del ? RECLAIM_ALLOC_HAS_FINALIZER : 0);
  if (name)
    {
      g_hash_table_insert (w->names, GUINT_TO_POINTER (obj), g_strdup (name));
      world_setattr (w, obj, "name", reclaim_value_text (name));
    }
  return obj;
}

static guint
key_index (WorldClass *c, const char *attr)
{
  for (guint i = 0; i < c->keys->len; i++)
    if (strcmp (c->keys->pdata[i], attr) == 0)
      return i;
  g_ptr_array_add (c->keys, g_strdup (attr));
  return c->keys->len - 1;
}

void
world_setattr (World *w, ReclaimId obj, const char *attr, ReclaimValue value)
{
  WorldClass *c = g_hash_table_lookup (w->classes, GUINT_TO_POINTER (reclaim_heap_get_class (w->heap, obj)));
  guint index = key_index (c, attr);

  /* inline values: one slot per shared key, empty until set */
  while (reclaim_heap_n_slots (w->heap, obj) <= index)
    reclaim_heap_slot_append (w->heap, obj, RECLAIM_ROLE_ATTR,
                              c->keys->pdata[reclaim_heap_n_slots (w->heap, obj)], RECLAIM_VALUE_NONE);
  reclaim_heap_slot_set (w->heap, obj, index, value);
}

ReclaimValue
world_getattr (World *w, ReclaimId obj, const char *attr)
{
  int i = find_slot (w->heap, obj, attr);
  g_assert (i >= 0);
  return reclaim_heap_slot_get (w->heap, obj, i);
}

void
world_delattr (World *w, ReclaimId obj, const char *attr)
{
  int i = find_slot (w->heap, obj, attr);
  g_assert (i >= 0);
  reclaim_heap_slot_set (w->heap, obj, i, RECLAIM_VALUE_NONE);
}

ReclaimId
world_lambda (World *w, const char *text, WorldAction action, gpointer data)
{
  ReclaimId f = reclaim_heap_alloc (w->heap, RECLAIM_KIND_FUNCTION, 0, "<lambda>", 0);
  WorldLambda *l = g_new0 (WorldLambda, 1);

  l->text = g_strdup (text);
  l->action = action;
  l->data = data;
  g_hash_table_insert (w->lambdas, GUINT_TO_POINTER (f), l);
  return f;
}

void
world_watch (World *w, ReclaimId obj, const char *text)
{
  ReclaimId cb = world_lambda (w, text, NULL, NULL);
  ReclaimId wr = reclaim_heap_weakref_new (w->heap, RECLAIM_KIND_WEAKREF, obj, cb, 0);

  reclaim_heap_decref (w->heap, cb);   /* the weakref holds it now */
  world_list_append (w, world_get (w, "refs"), wr);
}

ReclaimId
world_list (World *w, guint n, const ReclaimValue *items)
{
  ReclaimId list = reclaim_heap_alloc (w->heap, RECLAIM_KIND_LIST, 0, NULL, 0);
  for (guint i = 0; i < n; i++)
    world_list_append (w, list, items[i]);
  return list;
}

void
world_list_append (World *w, ReclaimId list, ReclaimValue item)
{
  reclaim_heap_slot_append (w->heap, list, RECLAIM_ROLE_ITEM, NULL, item);
}

ReclaimId
world_tuple (World *w, guint n, const ReclaimValue *items)
{
  ReclaimId t = reclaim_heap_alloc_tuple (w->heap, n);
  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append (w->heap, t, RECLAIM_ROLE_ITEM, NULL, items[i]);
  return t;
}

ReclaimId
world_dict (World *w)
{
  return reclaim_heap_alloc (w->heap, RECLAIM_KIND_DICT, 0, NULL, RECLAIM_ALLOC_UNTRACKED);
}

void
world_dict_set (World *w, ReclaimId dict, const char *key, ReclaimValue value)
{
  int i = find_slot (w->heap, dict, key);
  if (i < 0)
    reclaim_heap_slot_append (w->heap, dict, RECLAIM_ROLE_VALUE, key, value);
  else
    reclaim_heap_slot_set (w->heap, dict, i, value);
}

void
world_record_gc_callbacks (World *w)
{
  if (w->gc_info == NULL)
    w->gc_info = g_ptr_array_new_with_free_func (g_free);
}

const char *
world_name (World *w, ReclaimId obj)
{
  const char *name = g_hash_table_lookup (w->names, GUINT_TO_POINTER (obj));
  return name ? name : "?";
}

char *
world_list_names (World *w, ReclaimList list)
{
  GString *s = g_string_new (NULL);

  for (ReclaimId id = reclaim_heap_list_first (w->heap, list); id; id = reclaim_heap_list_next (w->heap, id))
    if (g_hash_table_contains (w->names, GUINT_TO_POINTER (id)))
      g_string_append_printf (s, "%s%s", s->len ? " " : "", world_name (w, id));
  return g_string_free (s, FALSE);
}
