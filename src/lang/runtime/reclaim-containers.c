/* reclaim-containers.c: lists, tuples, dicts and sets as heap objects.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dict keeps two slots per entry, the key then the value, in insertion
 * order; a set one slot per item.  Deleting leaves the slots empty (as
 * CPython leaves a dummy entry), so that entry numbers stay put and later
 * insertions go to the end.  A lookup table beside each dict or set maps
 * a normalised key to its entry.
 */
#include "reclaim-eval.h"
#include "reclaim-weakproxy.h"
#include "reclaim-bigint.h"
#include "reclaim-sizeof.h"

#include <math.h>
#include <string.h>

/* ---- nested tuples ------------------------------------------------------- */

typedef struct {
  ReclaimValue tuple;
  guint        next;    /* the next item to fold */
  guint        n_items;
  gpointer     state;
} TupleFoldLevel;

static gboolean
is_plain_tuple (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_TUPLE &&
         lang_class_of (interp, v)->builtin;
}

static void
tuple_fold_push (GArray *stack, const LangTupleFold *fold, ReclaimInterp *interp, ReclaimValue tuple)
{
  guint n = reclaim_heap_n_slots (interp->heap, tuple);
  TupleFoldLevel level = { tuple, 0, n, fold->begin (tuple, n) };
  g_array_append_val (stack, level);
}

gboolean
lang_tuple_fold (ReclaimInterp *interp, ReclaimValue tuple, const LangTupleFold *fold, gint64 *out)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (TupleFoldLevel));
  gboolean ok = TRUE;

  tuple_fold_push (stack, fold, interp, tuple);
  while (ok && stack->len > 0)
    {
      TupleFoldLevel *top = &g_array_index (stack, TupleFoldLevel, stack->len - 1);
      if (top->next == top->n_items)
        {
          gint64 folded = fold->end (top->state);
          g_array_set_size (stack, stack->len - 1);
          if (stack->len == 0)
            *out = folded;
          else
            fold->add (g_array_index (stack, TupleFoldLevel, stack->len - 1).state, folded);
          continue;
        }
      ReclaimValue item = reclaim_heap_slot_get (interp->heap, top->tuple, top->next++);
      gint64 number;
      if (is_plain_tuple (interp, item))
        tuple_fold_push (stack, fold, interp, item);
      else if ((ok = fold->leaf (interp, item, &number)))
        fold->add (top->state, number);
    }
  for (guint i = 0; i < stack->len; i++)
    fold->drop (g_array_index (stack, TupleFoldLevel, i).state);
  return ok;
}

/* ---- keys --------------------------------------------------------------- */

static gboolean normalise_key (ReclaimInterp *interp, ReclaimValue key, guint32 *out);

/* A tuple files under the text of its items' keys. */
static gpointer
tuple_key_begin (ReclaimValue tuple, guint n_items)
{
  return g_string_new ("\001(");
}

static gboolean
tuple_key_leaf (ReclaimInterp *interp, ReclaimValue item, gint64 *out)
{
  guint32 key;
  if (!normalise_key (interp, item, &key))
    return FALSE;
  *out = key;
  return TRUE;
}

static void
tuple_key_add (gpointer state, gint64 item)
{
  g_string_append_printf (state, "%u,", (guint32) item);
}

static gint64
tuple_key_end (gpointer state)
{
  guint32 key = reclaim_value_text (((GString *) state)->str);
  g_string_free (state, TRUE);
  return key;
}

static void
tuple_key_drop (gpointer state)
{
  g_string_free (state, TRUE);
}

static const LangTupleFold tuple_key_fold = {
  tuple_key_begin, tuple_key_leaf, tuple_key_add, tuple_key_end, tuple_key_drop,
};

/* An instance of a user class files under what its __hash__ says; a class
 * that defines __eq__ without __hash__ makes its instances unhashable, as
 * in CPython.  Keys with equal hashes are taken to be equal. */
static gboolean
normalise_user_key (ReclaimInterp *interp, ReclaimValue key, LangClass *cls, guint32 *out)
{
  ReclaimValue hash = lang_eval_class_lookup (interp, cls, "__hash__");
  ReclaimValue eq = lang_eval_class_lookup (interp, cls, "__eq__");

  if ((hash == 0 && eq != 0) || (hash != 0 && scalar_type (hash) == SCALAR_NONE))
    {
      lang_raise (interp, "TypeError", "unhashable type: '%s'", cls->name);
      return FALSE;
    }
  if (hash == 0)
    {
      *out = key;   /* identity */
      return TRUE;
    }
  ReclaimValue h = lang_call (interp, hash, 1, &key, 0, NULL);
  if (h == LANG_ERROR)
    return FALSE;
  if (scalar_type (h) != SCALAR_INT && scalar_type (h) != SCALAR_BOOL)
    {
      lang_decref (interp, h);
      lang_raise (interp, "TypeError", "__hash__ method should return an integer");
      return FALSE;
    }
  /* an int past 64 bits stands for its own hash, as in slot_tp_hash */
  gint64 hash_value = scalar_int_is_big (h) ? bigint_hash (h) : scalar_get_int (h);
  g_autofree char *canon = g_strdup_printf ("\002hash %" G_GINT64_FORMAT, hash_value);
  *out = reclaim_value_text (canon);
  return TRUE;
}

static gboolean normalise_key (ReclaimInterp *interp, ReclaimValue key, guint32 *out);

/* A weakref files under what its referent files under, as python3's
 * weakref_hash and weakref_richcompare make two refs to one object (or to
 * equal ones) one key; kept, as the hash is, so that a ref that died
 * still finds its entry.  A ref first filed dead has no hash. */
static gboolean
normalise_weakref_key (ReclaimInterp *interp, ReclaimValue ref, guint32 *out)
{
  gpointer kept;
  if (g_hash_table_lookup_extended (interp->weakref_keys, GUINT_TO_POINTER (ref), NULL, &kept))
    {
      *out = GPOINTER_TO_UINT (kept);
      return TRUE;
    }
  ReclaimId referent = reclaim_heap_weakref_get_referent (interp->heap, ref);
  if (referent == 0)
    {
      lang_raise (interp, "TypeError", "weak object has gone away");
      return FALSE;
    }
  guint32 inner;
  if (!normalise_key (interp, referent, &inner))
    return FALSE;
  g_autofree char *canon = g_strdup_printf ("\004weakref %u", inner);
  *out = reclaim_value_text (canon);
  lang_side_insert (interp, interp->weakref_keys, ref, GUINT_TO_POINTER (*out));
  return TRUE;
}

/* Equal keys must get equal numbers: 1, 1.0 and True are one key; a tuple
 * is its items; anything else hashable is itself (identity). */
static gboolean
normalise_key (ReclaimInterp *interp, ReclaimValue key, guint32 *out)
{
  switch (scalar_type (key))
    {
    case SCALAR_BOOL:
      *out = scalar_int (scalar_get_int (key));
      return TRUE;
    case SCALAR_FLOAT:
      {
        double d = scalar_get_float (key);
        if (d == floor (d) && fabs (d) < 1e15)
          *out = scalar_int ((gint64) d);
        else if (d == floor (d) && isfinite (d))
          *out = bigint_from_double (d);   /* 1e30 and 10**30 are one key */
        else
          *out = key;
        return TRUE;
      }
    case SCALAR_INT:
    case SCALAR_STR:
    case SCALAR_BYTES:
    case SCALAR_NONE:
      *out = key;
      return TRUE;
    case SCALAR_NOT_SCALAR:
      break;
    }

  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, key);
  LangClass *cls = lang_class_of (interp, key);
  if (kind == RECLAIM_KIND_PROXY)
    return lang_proxy_unhashable (interp, key);
  if (kind == RECLAIM_KIND_TUPLE && cls->builtin)
    {
      gint64 canon;
      if (!lang_tuple_fold (interp, key, &tuple_key_fold, &canon))
        return FALSE;
      *out = (guint32) canon;
      return TRUE;
    }
  /* a class based on list or dict inherits __hash__ = None */
  gboolean container = kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_DICT || kind == RECLAIM_KIND_SET ||
                       kind == RECLAIM_KIND_DEQUE;
  if (container && !cls->builtin && lang_eval_class_lookup (interp, cls, "__hash__"))
    return normalise_user_key (interp, key, cls, out);
  if (container)
    {
      lang_raise (interp, "TypeError", "unhashable type: '%s'", cls->name);
      return FALSE;
    }
  if (!cls->builtin && kind == RECLAIM_KIND_INSTANCE)
    return normalise_user_key (interp, key, cls, out);
  if (lang_is_slice (interp, key))   /* slice.__hash__ is None until 3.12 */
    {
      lang_raise (interp, "TypeError", "unhashable type: 'slice'");
      return FALSE;
    }
  if (kind == RECLAIM_KIND_METHOD)
    {
      /* bound methods are equal when their function and __self__ are the
       * same objects (h.run == h.run), so they file under that pair */
      g_autofree char *canon = g_strdup_printf ("\003method %u %u", reclaim_heap_slot_get (interp->heap, key, 0),
                                                reclaim_heap_slot_get (interp->heap, key, 1));
      *out = reclaim_value_text (canon);
      return TRUE;
    }
  if (kind == RECLAIM_KIND_WEAKREF && !lang_is_weakmethod (interp, key))
    return normalise_weakref_key (interp, key, out);
  *out = key;
  return TRUE;
}

gboolean
lang_hashable (ReclaimInterp *interp, ReclaimValue v)
{
  guint32 k;
  return normalise_key (interp, v, &k);
}

/* ---- a table's index (LangIndex) --------------------------------------- */

/* The entry number + 1 filed under norm, 0 for none. */
static guint32
index_lookup (const LangIndex *index, guint32 norm)
{
  if (index->table)
    return GPOINTER_TO_UINT (g_hash_table_lookup (index->table, GUINT_TO_POINTER (norm)));
  for (guint i = 0; i < index->n_inline; i++)
    if (index->keys[i] == norm)
      return index->entries[i];
  return 0;
}

static void
index_insert (LangIndex *index, guint32 norm, guint32 entry_plus_one)
{
  if (index->table == NULL)
    {
      for (guint i = 0; i < index->n_inline; i++)
        if (index->keys[i] == norm)
          {
            index->entries[i] = entry_plus_one;
            return;
          }
      if (index->n_inline < LANG_INDEX_INLINE)
        {
          index->keys[index->n_inline] = norm;
          index->entries[index->n_inline++] = entry_plus_one;
          return;
        }
      index->table = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < index->n_inline; i++)
        g_hash_table_insert (index->table, GUINT_TO_POINTER (index->keys[i]), GUINT_TO_POINTER (index->entries[i]));
      index->n_inline = 0;
    }
  g_hash_table_insert (index->table, GUINT_TO_POINTER (norm), GUINT_TO_POINTER (entry_plus_one));
}

static void
index_remove (LangIndex *index, guint32 norm)
{
  if (index->table)
    {
      g_hash_table_remove (index->table, GUINT_TO_POINTER (norm));
      return;
    }
  for (guint i = 0; i < index->n_inline; i++)
    if (index->keys[i] == norm)
      {
        /* the order of the arrays means nothing: the last takes the place */
        index->n_inline--;
        index->keys[i] = index->keys[index->n_inline];
        index->entries[i] = index->entries[index->n_inline];
        return;
      }
}

void
lang_table_clear_index (LangTable *t)
{
  g_clear_pointer (&t->index.table, g_hash_table_unref);
  t->index.n_inline = 0;
}

static void
table_free (gpointer p)
{
  LangTable *t = p;
  if (t == NULL)   /* interp->tables has no table for most ids */
    return;
  if (t->order)
    g_array_unref (t->order);
  lang_table_clear_index (t);
  g_free (t);
}

LangTable *
lang_table_get (ReclaimInterp *interp, ReclaimId obj)
{
  GPtrArray *tables = interp->tables;
  if (G_LIKELY (obj < tables->len && tables->pdata[obj] != NULL))
    return tables->pdata[obj];
  if (obj >= tables->len)
    g_ptr_array_set_size (tables, MAX (obj + 1, 2 * tables->len));
  /* not g_new0: glibc's calloc skips the per-thread cache that malloc
   * takes a block from, and a dict display made in a loop paid 400
   * instructions for it */
  LangTable *t = g_new (LangTable, 1);
  *t = (LangTable) { 0 };
  tables->pdata[obj] = t;
  return t;
}

/* Entry number of key, or -1 (-2 on error). */
static gssize
table_find (ReclaimInterp *interp, ReclaimId obj, ReclaimValue key, guint32 *norm)
{
  if (!normalise_key (interp, key, norm))
    return -2;
  return (gssize) index_lookup (&lang_table_get (interp, obj)->index, *norm) - 1;
}

/* ---- lists and tuples --------------------------------------------------- */

ReclaimValue
lang_list_new (ReclaimInterp *interp)
{
  return reclaim_heap_alloc (interp->heap, RECLAIM_KIND_LIST, 0, NULL, 0);
}

void
lang_list_append (ReclaimInterp *interp, ReclaimValue list, ReclaimValue item)
{
  reclaim_heap_slot_append (interp->heap, list, RECLAIM_ROLE_ITEM, NULL, item);
}

ReclaimValue
lang_tuple_new (ReclaimInterp *interp, guint n, ReclaimValue *items)
{
  if (n == 0)
    return lang_ref (interp, lang_empty_tuple (interp));
  ReclaimId t = reclaim_heap_alloc_tuple (interp->heap, n);
  reclaim_heap_reserve_slots (interp->heap, t, n);
  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append (interp->heap, t, RECLAIM_ROLE_ITEM, NULL, items[i]);
  return t;
}

guint
lang_seq_length (ReclaimInterp *interp, ReclaimValue seq)
{
  return reclaim_heap_n_slots (interp->heap, seq);
}

ReclaimValue
lang_seq_item (ReclaimInterp *interp, ReclaimValue seq, guint i)
{
  return reclaim_heap_slot_get (interp->heap, seq, i);
}

GPtrArray *
lang_sequence_to_array (ReclaimInterp *interp, ReclaimValue iterable)
{
  GPtrArray *items = g_ptr_array_new ();
  ReclaimValue it = lang_iter (interp, iterable), item;
  int r;

  if (it == LANG_ERROR)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  while ((r = lang_next (interp, it, &item)) == 1)
    g_ptr_array_add (items, GUINT_TO_POINTER (item));
  lang_decref (interp, it);
  if (r < 0)
    {
      for (guint i = 0; i < items->len; i++)
        lang_decref (interp, GPOINTER_TO_UINT (items->pdata[i]));
      g_ptr_array_unref (items);
      return NULL;
    }
  return items;
}

/* ---- dicts -------------------------------------------------------------- */

ReclaimValue
lang_dict_new (ReclaimInterp *interp)
{
  /* a dict starts untracked and is tracked once it holds a container */
  return reclaim_heap_alloc (interp->heap, RECLAIM_KIND_DICT, 0, NULL, RECLAIM_ALLOC_UNTRACKED);
}

gssize
lang_dict_find_entry (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  guint32 norm;
  gssize e = table_find (interp, dict, key, &norm);
  if (e >= 0 && reclaim_heap_slot_get (interp->heap, dict, 2 * e) == RECLAIM_VALUE_NONE)
    return -1;   /* a split dict's vacant entry */
  return e;
}

ReclaimValue
lang_dict_entry_value (ReclaimInterp *interp, ReclaimValue dict, guint entry, ReclaimValue key)
{
  ReclaimValue entry_key, value;
  if (2 * (guint64) entry > G_MAXUINT ||
      !reclaim_heap_slot_get_pair (interp->heap, dict, 2 * entry, &entry_key, &value) || entry_key != key)
    return 0;
  return value;
}

void
lang_dict_set_entry_value (ReclaimInterp *interp, ReclaimValue dict, guint entry, ReclaimValue v)
{
  lang_incref (interp, v);
  reclaim_heap_slot_set (interp->heap, dict, 2 * entry + 1, v);
}

ReclaimValue
lang_dict_get (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  guint32 norm;
  gssize e = table_find (interp, dict, key, &norm);
  if (e < 0)
    return 0;
  return reclaim_heap_slot_get (interp->heap, dict, 2 * e + 1);
}

int
lang_dict_set (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key, ReclaimValue v)
{
  guint32 norm;
  gssize e = table_find (interp, dict, key, &norm);
  if (e == -2)
    return -1;

  lang_incref (interp, v);
  if (e >= 0 && reclaim_heap_slot_get (interp->heap, dict, 2 * e) == RECLAIM_VALUE_NONE)
    {
      /* a split dict's vacant entry is filled again, and iterates last */
      LangTable *t = lang_table_get (interp, dict);
      if (t->order == NULL)
        {
          t->order = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint i = 0; i < t->entries; i++)
            if (reclaim_heap_slot_get (interp->heap, dict, 2 * i) != RECLAIM_VALUE_NONE)
              g_array_append_val (t->order, i);
        }
      guint entry = e;
      g_array_append_val (t->order, entry);
      t->used++;
      reclaim_heap_slot_set (interp->heap, dict, 2 * e, lang_ref (interp, key));
      reclaim_heap_slot_set (interp->heap, dict, 2 * e + 1, v);
      return 0;
    }
  if (e >= 0)
    {
      /* the old key stays; the new value is stored, then the old dropped */
      reclaim_heap_slot_set (interp->heap, dict, 2 * e + 1, v);
      return 0;
    }

  LangTable *t = lang_table_get (interp, dict);
  /* the value's slot is labelled with its key; a str key's own text is
   * passed rather than a copy, so that reclaim_intern finds it among the
   * texts it interned lately (a copy is at a new address each time) */
  g_autofree char *key_text = NULL;
  const char *label = NULL;
  if (scalar_type (key) == SCALAR_STR)
    label = scalar_get_str (key, NULL);
  else if (!reclaim_value_is_object (key))
    label = key_text = scalar_to_str (key);
  lang_keys_dict_insert (t, key);
  lang_incref (interp, key);
  reclaim_heap_slot_append (interp->heap, dict, RECLAIM_ROLE_KEY, NULL, key);
  reclaim_heap_slot_append (interp->heap, dict, RECLAIM_ROLE_VALUE, label, v);
  index_insert (&t->index, norm, t->entries + 1);
  if (t->order)
    g_array_append_val (t->order, t->entries);
  t->entries++;
  t->used++;
  return 0;
}

static void
order_remove (LangTable *t, guint entry)
{
  for (guint i = 0; t->order && i < t->order->len; i++)
    if (g_array_index (t->order, guint, i) == entry)
      {
        g_array_remove_index (t->order, i);
        return;
      }
}

int
lang_dict_delete (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  guint32 norm;
  gssize e = table_find (interp, dict, key, &norm);
  if (e == -2)
    return -1;
  if (e == -1 || reclaim_heap_slot_get (interp->heap, dict, 2 * e) == RECLAIM_VALUE_NONE)
    {
      lang_raise_value (interp, "KeyError", key);
      return -1;
    }
  LangTable *t = lang_table_get (interp, dict);
  if (!t->split)
    index_remove (&t->index, norm);
  order_remove (t, e);
  t->used--;
  /* delitem_common drops the key, then the value */
  reclaim_heap_slot_set (interp->heap, dict, 2 * e, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_set (interp->heap, dict, 2 * e + 1, RECLAIM_VALUE_NONE);
  return 0;
}

guint
lang_dict_length (ReclaimInterp *interp, ReclaimValue dict)
{
  return lang_table_get (interp, dict)->used;
}

/* Entry number of the pos-th entry in iteration order. */
static guint
nth_in_order (LangTable *t, guint pos)
{
  return t->order ? (pos < t->order->len ? g_array_index (t->order, guint, pos) : G_MAXUINT) : pos;
}

gboolean
lang_dict_entry (ReclaimInterp *interp, ReclaimValue dict, guint i, ReclaimValue *key, ReclaimValue *value)
{
  ReclaimValue k, v;
  for (guint pos = 0; lang_dict_next_entry (interp, dict, &pos, &k, &v);)
    if (i-- == 0)
      {
        *key = k;
        *value = v;
        return TRUE;
      }
  return FALSE;
}

/* The next live entry, in iteration order, from position *pos on. */
gboolean
lang_dict_next_entry (ReclaimInterp *interp, ReclaimValue dict, guint *pos,
                      ReclaimValue *key, ReclaimValue *value)
{
  LangTable *t = lang_table_get (interp, dict);
  guint n = reclaim_heap_n_slots (interp->heap, dict) / 2;
  for (; *pos < (t->order ? t->order->len : n); (*pos)++)
    {
      guint e = nth_in_order (t, *pos);
      if (e >= n)
        break;
      ReclaimValue k = reclaim_heap_slot_get (interp->heap, dict, 2 * e);
      if (k == RECLAIM_VALUE_NONE)
        continue;
      *key = k;
      if (value)
        *value = reclaim_heap_slot_get (interp->heap, dict, 2 * e + 1);
      (*pos)++;
      return TRUE;
    }
  return FALSE;
}

/* dict.clear(): the dict is emptied first, then keys and values dropped. */
void
lang_dict_clear (ReclaimInterp *interp, ReclaimValue dict)
{
  LangTable *t = lang_table_get (interp, dict);
  lang_table_clear_index (t);
  g_clear_pointer (&t->order, g_array_unref);
  t->used = t->entries = 0;
  lang_keys_reset (t);
  reclaim_heap_clear (interp->heap, dict);
}

/* ---- sets --------------------------------------------------------------- */

ReclaimValue
lang_set_new (ReclaimInterp *interp)
{
  return reclaim_heap_alloc (interp->heap, RECLAIM_KIND_SET, 0, NULL, 0);
}

int
lang_set_add (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v)
{
  guint32 norm;
  gssize e = table_find (interp, set, v, &norm);
  if (e == -2)
    return -1;
  if (e >= 0)
    return 0;
  LangTable *t = lang_table_get (interp, set);
  lang_keys_set_insert (t);
  reclaim_heap_slot_append (interp->heap, set, RECLAIM_ROLE_ITEM, NULL, lang_ref (interp, v));
  index_insert (&t->index, norm, t->entries + 1);
  t->entries++;
  t->used++;
  return 0;
}

int
lang_set_discard (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v)
{
  guint32 norm;
  gssize e = table_find (interp, set, v, &norm);
  if (e < 0)
    return e == -2 ? -1 : 0;
  LangTable *t = lang_table_get (interp, set);
  index_remove (&t->index, norm);
  t->used--;
  lang_keys_set_remove (t);
  reclaim_heap_slot_set (interp->heap, set, e, RECLAIM_VALUE_NONE);
  return 1;
}

/* ---- set iteration order ------------------------------------------------ */

#define SET_MINSIZE   8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* set_insert_clean: where a hash lands in a table being filled. */
static void
insert_clean (gint64 *table, gboolean *used, gsize mask, gint64 hash, guint item)
{
  gsize perturb = (gsize) hash, i = (gsize) hash & mask;
  for (;;)
    {
      if (!used[i])
        goto found;
      if (i + LINEAR_PROBES <= mask)
        for (int j = 0; j < LINEAR_PROBES; j++)
          if (!used[++i])
            goto found;
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
found:
  used[i] = TRUE;
  table[i] = item;
}

/* The order CPython's set table gives its items, replayed for a set of
 * ints (whose hashes are known); NULL for any other set, which then
 * iterates in insertion order.  The array holds slot numbers. */
GArray *
lang_set_iteration_order (ReclaimInterp *interp, ReclaimValue set)
{
  guint n = reclaim_heap_n_slots (interp->heap, set);
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      ReclaimValue v = reclaim_heap_slot_get (interp->heap, set, i);
      if (v == RECLAIM_VALUE_NONE)
        continue;
      if (scalar_type (v) != SCALAR_INT && scalar_type (v) != SCALAR_BOOL)
        return NULL;
      g_array_append_val (items, i);
    }
  /* set_add_entry with resizes: insert in order, resize when fill*5 >= mask*3 */
  gsize size = SET_MINSIZE;
  g_autofree gint64 *table = NULL;
  g_autofree gboolean *used = NULL;
  guint fill = 0;
  for (guint k = 0; k <= items->len; k++)
    {
      if (k == 0 || fill * 5 >= (size - 1) * 3)
        {
          gsize minused = k == 0 ? 0 : (fill > 50000 ? fill * 2 : fill * 4);
          gsize newsize = SET_MINSIZE;
          while (newsize <= minused)
            newsize <<= 1;
          gint64 *old = table;
          gboolean *old_used = used;
          gsize old_size = size;
          table = g_new0 (gint64, newsize);
          used = g_new0 (gboolean, newsize);
          for (gsize i = 0; old && i < old_size; i++)
            if (old_used[i])
              {
                guint item = old[i];
                insert_clean (table, used, newsize - 1, bigint_hash (reclaim_heap_slot_get (interp->heap, set, item)), item);
              }
          g_free (old);
          g_free (old_used);
          size = newsize;
        }
      if (k == items->len)
        break;
      guint item = g_array_index (items, guint, k);
      insert_clean (table, used, size - 1, bigint_hash (reclaim_heap_slot_get (interp->heap, set, item)), item);
      fill++;
    }
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gsize i = 0; i < size; i++)
    if (used[i])
      {
        guint item = table[i];
        g_array_append_val (order, item);
      }
  return order;
}

int
lang_set_contains (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v)
{
  guint32 norm;
  gssize e = table_find (interp, set, v, &norm);
  return e == -2 ? -1 : e >= 0;
}

int
lang_dict_contains (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  guint32 norm;
  gssize e = table_find (interp, dict, key, &norm);
  return e == -2 ? -1 : e >= 0 && reclaim_heap_slot_get (interp->heap, dict, 2 * e) != RECLAIM_VALUE_NONE;
}

/* An instance's __dict__ made from its inline values: one entry per
 * shared key, the vacant ones empty but kept. */
void
lang_dict_add_vacant (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  guint32 norm;
  LangTable *t = lang_table_get (interp, dict);
  if (!normalise_key (interp, key, &norm))
    return;
  t->split = TRUE;
  reclaim_heap_slot_append (interp->heap, dict, RECLAIM_ROLE_KEY, NULL, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (interp->heap, dict, RECLAIM_ROLE_VALUE, NULL, RECLAIM_VALUE_NONE);
  index_insert (&t->index, norm, t->entries + 1);
  t->entries++;
}

static void
mark_side (ReclaimInterp *interp, ReclaimId obj, LangSideFlags flag)
{
  GByteArray *marks = interp->side_entries;
  if (obj >= marks->len)
    {
      guint old = marks->len;
      g_byte_array_set_size (marks, MAX (obj + 1, 2 * old));
      memset (marks->data + old, 0, marks->len - old);
    }
  marks->data[obj] |= flag;
}

/* What the interpreter keeps beside an object, in one of the tables
 * lang_forget_object empties when the object is freed. */
void
lang_side_insert (ReclaimInterp *interp, GHashTable *table, ReclaimId obj, gpointer value)
{
  mark_side (interp, obj, LANG_SIDE_ENTRIES);
  g_hash_table_insert (table, GUINT_TO_POINTER (obj), value);
}

/* What lang_side_insert filed for obj in table, or NULL: an object never
 * marked is not searched for. */
gpointer
lang_side_lookup (ReclaimInterp *interp, GHashTable *table, ReclaimId obj)
{
  GByteArray *marks = interp->side_entries;
  if (obj >= marks->len || !(marks->data[obj] & LANG_SIDE_ENTRIES))
    return NULL;
  return g_hash_table_lookup (table, GUINT_TO_POINTER (obj));
}

/* A class, which lang_class_forget lets go once its id is reused. */
void
lang_classes_insert (ReclaimInterp *interp, ReclaimId id, LangClass *cls)
{
  mark_side (interp, id, LANG_SIDE_CLASS);
  g_hash_table_insert (interp->classes, GUINT_TO_POINTER (id), cls);
}

static void
forget_in (GHashTable *table, ReclaimId obj)
{
  if (g_hash_table_size (table) > 0)
    g_hash_table_remove (table, GUINT_TO_POINTER (obj));
}

/* What an array indexed by id keeps for a freed object goes. */
static void
free_by_id (GPtrArray *array, ReclaimId obj, GDestroyNotify free_func)
{
  if (obj < array->len && array->pdata[obj] != NULL)
    {
      free_func (array->pdata[obj]);
      array->pdata[obj] = NULL;
    }
}

/* Every object freed passes here. */
void
lang_forget_object (ReclaimInterp *interp, ReclaimId obj)
{
  free_by_id (interp->tables, obj, table_free);
  free_by_id (interp->functions, obj, lang_eval_function_info_free);
  GByteArray *marks = interp->side_entries;
  if (obj >= marks->len || !(marks->data[obj] & LANG_SIDE_ENTRIES))
    return;
  marks->data[obj] &= ~LANG_SIDE_ENTRIES;
  forget_in (interp->iterators, obj);
  forget_in (interp->insertion_order, obj);
  forget_in (interp->natives, obj);
  forget_in (interp->suggestions, obj);
  forget_in (interp->caught_tracebacks, obj);
  forget_in (interp->weakref_hashes, obj);
  forget_in (interp->weakref_keys, obj);
}

void
lang_tables_visit_keys (ReclaimInterp *interp, ReclaimValueVisitFunc visit, gpointer user_data)
{
  GHashTableIter keys;
  gpointer key;

  for (guint id = 0; id < interp->tables->len; id++)
    {
      LangTable *table = interp->tables->pdata[id];
      if (table == NULL)
        continue;
      for (guint i = 0; i < table->index.n_inline; i++)
        visit (table->index.keys[i], user_data);
      if (table->index.table == NULL)
        continue;
      g_hash_table_iter_init (&keys, table->index.table);
      while (g_hash_table_iter_next (&keys, &key, NULL))
        visit (GPOINTER_TO_UINT (key), user_data);
    }
}

void
lang_tables_init (ReclaimInterp *interp)
{
  interp->tables = g_ptr_array_new_with_free_func (table_free);
  interp->insertion_order = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}
