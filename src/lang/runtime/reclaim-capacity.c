/* reclaim-capacity.c: the allocation history sys.getsizeof needs, kept
 * as CPython 3.11 allocates: how much room a list has (list_resize,
 * list_extend, list_preallocate_exact in Objects/listobject.c), how big a
 * dict's keys table is and what kind (Objects/dictobject.c), how big a
 * set's table is (Objects/setobject.c), where a deque's items start in its
 * first block (Modules/_collectionsmodule.c).  One integer update for each
 * change that moves them.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-sizeof.h"
#include "reclaim-eval.h"

#include <string.h>

/* ---- lists ------------------------------------------------------------- */

static guint32
even_items (guint64 n)
{
  /* list_preallocate_exact: malloc's 16-byte granularity makes an odd
   * count free to round up */
  return (guint32) MIN ((n + 1) & ~(guint64) 1, RECLAIM_CAPACITY_NO_ITEMS - 1);
}

guint64
lang_list_allocated (guint32 cap)
{
  return cap == RECLAIM_CAPACITY_NO_ITEMS ? 0 : cap;
}

guint32
lang_list_extend_capacity (guint32 cap, guint m, gboolean from_sequence, gint64 hint, guint count)
{
  if (cap == RECLAIM_CAPACITY_UNKNOWN)
    return cap;
  if (from_sequence)
    {
      if (count == 0)
        return cap;
      return cap == RECLAIM_CAPACITY_NO_ITEMS ? even_items (count) : reclaim_list_resize (cap, m, m + count);
    }
  if (hint < 0)
    return RECLAIM_CAPACITY_UNKNOWN;
  if (cap == RECLAIM_CAPACITY_NO_ITEMS)
    cap = hint > 0 ? even_items (hint) : cap;
  else
    cap = reclaim_list_resize (cap, m, (guint32) MIN ((guint64) m + hint, G_MAXUINT32 - 2));
  /* the items go into the room made, then one append at a time */
  guint64 size = m;
  for (guint i = 0; i < count; i++, size++)
    if (size >= lang_list_allocated (cap))
      cap = reclaim_list_resize (cap, size, size + 1);
  /* and the guess is cut back when it was more than twice too big */
  if (size < lang_list_allocated (cap))
    cap = reclaim_list_resize (cap, size, size);
  return cap;
}

guint32
lang_list_display_capacity (guint n, gboolean all_constant, gboolean maybe_folded)
{
  if (maybe_folded)
    return RECLAIM_CAPACITY_UNKNOWN;   /* [-1, 2**8, 3]: what the compiler folds is not modelled */
  if (n > 2 && all_constant)
    return even_items (n);             /* BUILD_LIST 0; LIST_EXTEND of the folded tuple */
  if (n == 0)
    return RECLAIM_CAPACITY_NO_ITEMS;
  if (n <= 30)
    return n;                          /* BUILD_LIST n */
  guint32 cap = RECLAIM_CAPACITY_NO_ITEMS;   /* BUILD_LIST 0, then LIST_APPEND each */
  for (guint i = 0; i < n; i++)
    cap = reclaim_list_resize (cap, i, i + 1);
  return cap;
}

static gboolean
class_defines (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    if (lang_eval_class_lookup (interp, c, name))
      return TRUE;
  return FALSE;
}

gint64
lang_list_extend_hint (ReclaimInterp *interp, ReclaimValue iterable)
{
  gboolean sized;
  return lang_list_extend_hint_full (interp, iterable, &sized);
}

gint64
lang_list_extend_hint_full (ReclaimInterp *interp, ReclaimValue iterable, gboolean *sized)
{
  static const char *const unhinted[] = { "generator", "map", "filter", "zip", "enumerate", NULL };
  static const char *const sized_types[] = { "range", "dict_keys", "dict_values", "dict_items", NULL };

  *sized = TRUE;
  if (scalar_type (iterable) == SCALAR_STR)
    return scalar_str_length (iterable);
  if (scalar_type (iterable) == SCALAR_BYTES)
    {
      gsize len;
      scalar_get_bytes (iterable, &len);
      return len;
    }
  if (!reclaim_value_is_object (iterable))
    return -1;
  LangClass *cls = lang_class_of (interp, iterable);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, iterable);
  if (!cls->builtin)
    {
      if (class_defines (interp, cls, "__len__") || class_defines (interp, cls, "__length_hint__"))
        return -1;   /* its own __len__ would run a second time */
      *sized = FALSE;
      if (kind == RECLAIM_KIND_INSTANCE)
        return 8;
      *sized = TRUE;
    }
  if (kind == RECLAIM_KIND_GENERATOR || g_strv_contains (unhinted, cls->name))
    {
      *sized = FALSE;
      return 8;
    }
  if (kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE || kind == RECLAIM_KIND_DICT ||
      kind == RECLAIM_KIND_SET || kind == RECLAIM_KIND_DEQUE || g_strv_contains (sized_types, cls->name))
    {
      gssize n = lang_length (interp, iterable);
      if (n < 0)
        lang_error_clear (interp);
      return n;
    }
  return -1;   /* an iterator's __length_hint__ is not modelled */
}

void
lang_list_extend_begin (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable, LangListExtend *e)
{
  ReclaimKind kind = reclaim_value_is_object (iterable) ? reclaim_heap_get_kind (interp->heap, iterable)
                                                        : RECLAIM_N_KINDS;
  e->cap = reclaim_heap_get_capacity (interp->heap, list);
  e->m = reclaim_heap_n_slots (interp->heap, list);
  e->from_sequence = iterable == list || ((kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE) &&
                                          lang_class_of (interp, iterable)->builtin);
  e->hint = e->from_sequence || e->cap == RECLAIM_CAPACITY_UNKNOWN ? 0 : lang_list_extend_hint (interp, iterable);
  /* the items go into room made beforehand, not one list_resize each */
  reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_UNKNOWN);
}

void
lang_list_extend_end (ReclaimInterp *interp, ReclaimValue list, const LangListExtend *e, gboolean ok)
{
  guint n = reclaim_heap_n_slots (interp->heap, list);
  guint32 cap = RECLAIM_CAPACITY_UNKNOWN;
  if (ok && n >= e->m)
    cap = lang_list_extend_capacity (e->cap, e->m, e->from_sequence, e->hint, n - e->m);
  reclaim_heap_set_capacity (interp->heap, list, cap);
}

void
lang_list_emptied_by_slice (ReclaimInterp *interp, ReclaimValue list)
{
  if (reclaim_heap_n_slots (interp->heap, list) == 0 &&
      reclaim_heap_get_capacity (interp->heap, list) != RECLAIM_CAPACITY_UNKNOWN)
    reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_NO_ITEMS);
}

/* ---- dicts ------------------------------------------------------------- */

#define DICT_LOG_MINSIZE 3

gint64
lang_keys_usable_fraction (gint64 size)
{
  return (size << 1) / 3;
}

/* calculate_log2_keysize, bit for bit: ((minsize | 8) - 1) | 7, its bit
 * length; so 1 to 7 give 16 entries, not 8 */
static guint8
log2_keysize (guint64 minsize)
{
  guint64 bits = ((minsize | 8) - 1) | 7;
  guint8 n = 0;
  while (bits)
    {
      n++;
      bits >>= 1;
    }
  return n;
}

static guint8
estimate_log2_keysize (guint64 n)
{
  return log2_keysize ((n * 3 + 1) / 2);
}

static void
dict_resize (LangKeys *k, guint8 log2, gboolean unicode, guint used)
{
  k->log2 = log2;
  k->general = k->general || !unicode;
  k->usable = lang_keys_usable_fraction ((gint64) 1 << log2) - used;
  k->nentries = used;
}

void
lang_keys_dict_insert (LangTable *t, ReclaimValue key)
{
  LangKeys *k = &t->keys;
  gboolean is_str = scalar_type (key) == SCALAR_STR;

  if (t->split)
    k->unknown = TRUE;   /* a new name in an instance's __dict__: the shared keys may be full */
  if (k->unknown)
    return;
  if (k->log2 == 0)
    {
      /* insert_to_emptydict: a first table of 8, of the key's kind */
      k->log2 = DICT_LOG_MINSIZE;
      k->general = !is_str;
      k->usable = lang_keys_usable_fraction (1 << DICT_LOG_MINSIZE);
      k->nentries = 0;
    }
  else
    {
      /* a str-only table takes another key only after a resize; a full
       * one grows to three times what it holds */
      if (!k->general && !is_str)
        dict_resize (k, log2_keysize ((guint64) t->used * 3), FALSE, t->used);
      if (k->usable <= 0)
        dict_resize (k, log2_keysize ((guint64) t->used * 3), TRUE, t->used);
    }
  k->usable--;
  k->nentries++;
}

void
lang_keys_dict_presize (LangTable *t, guint n, gboolean general)
{
  if (n <= lang_keys_usable_fraction (1 << DICT_LOG_MINSIZE))
    return;   /* dict_new_presized: a plain new dict */
  t->keys.log2 = estimate_log2_keysize (n);
  t->keys.general = general;
  t->keys.usable = lang_keys_usable_fraction ((gint64) 1 << t->keys.log2);
  t->keys.nentries = 0;
}

gboolean
lang_keys_dict_followed (const LangTable *t)
{
  return !t->keys.unknown && !t->split;
}

gboolean
lang_keys_dict_merge_begin (LangTable *dst, const LangTable *src, LangKeys *clone)
{
  if (dst == src || src->used == 0)
    return FALSE;
  if (!lang_keys_dict_followed (src))
    {
      dst->keys.unknown = TRUE;
      return FALSE;
    }
  /* an empty dict takes a dense table as it is */
  if (dst->used == 0 && src->used == src->keys.nentries &&
      (src->keys.log2 == DICT_LOG_MINSIZE || lang_keys_usable_fraction (((gint64) 1 << src->keys.log2) / 2) < src->used))
    {
      *clone = src->keys;
      return TRUE;
    }
  /* else one resize for all that comes */
  gint64 size = dst->keys.log2 ? (gint64) 1 << dst->keys.log2 : 1;
  if (!dst->keys.unknown && lang_keys_usable_fraction (size) < src->used)
    dict_resize (&dst->keys, estimate_log2_keysize ((guint64) dst->used + src->used), !src->keys.general,
                 dst->used);
  return FALSE;
}

gboolean
lang_keys_dict_copy_clones (const LangTable *src, LangKeys *clone)
{
  if (!lang_keys_dict_followed (src) || src->used == 0 || src->used < (src->keys.nentries * 2) / 3)
    return FALSE;
  *clone = src->keys;
  return TRUE;
}

void
lang_keys_dict_popitem (LangTable *t)
{
  /* the entry count goes back to the popped entry, past deleted ones
   * after it, which Reclaim does not place */
  if (t->keys.nentries == t->used)
    t->keys.nentries--;
  else
    t->keys.unknown = TRUE;
}

/* A class's shared keys: 64 slots, room for 30 names less one for each
 * instance made while more than one was left. */
guint
lang_keys_shared_names (LangClass *cls)
{
  return cls->keys ? cls->keys->len : 0;
}

void
lang_keys_instance_made (LangClass *cls)
{
  if (LANG_SHARED_KEYS_MAX_SIZE - (gint64) cls->shared_keys_taken - lang_keys_shared_names (cls) > 1)
    cls->shared_keys_taken++;
}

/* ---- sets -------------------------------------------------------------- */

static void
set_resize (LangKeys *k, guint64 minused, guint used)
{
  guint8 log2 = 3;
  while (((guint64) 1 << log2) <= minused)
    log2++;
  k->log2 = log2 == 3 ? 0 : log2;   /* back to the inline table */
  k->fill = used;
  k->dummies = FALSE;
}

static guint64
set_mask (const LangKeys *k)
{
  return ((guint64) 1 << (k->log2 ? k->log2 : 3)) - 1;
}

void
lang_keys_set_insert (LangTable *t)
{
  LangKeys *k = &t->keys;
  if (k->unknown)
    return;
  if (k->dummies)
    {
      k->unknown = TRUE;   /* whether the new key lands on a deleted slot depends on its hash */
      return;
    }
  guint used = t->used + 1;
  k->fill++;
  if ((guint64) k->fill * 5 >= set_mask (k) * 3)
    set_resize (k, used > 50000 ? (guint64) used * 2 : (guint64) used * 4, used);
}

void
lang_keys_set_remove (LangTable *t)
{
  t->keys.dummies = TRUE;
}

gboolean
lang_keys_set_update_begin (LangTable *t, guint n, gboolean from_set, LangKeys *after)
{
  LangKeys *k = &t->keys;
  if (k->unknown || n == 0)
    return FALSE;
  if ((guint64) (k->fill + n) * 5 >= set_mask (k) * 3)
    set_resize (k, ((guint64) t->used + n) * 2, t->used);
  if (!from_set || k->fill != 0)
    return FALSE;
  /* set_merge into an empty table: no checks, no resize on the way */
  *after = *k;
  after->fill = n;
  return TRUE;
}

void
lang_keys_set_folded (LangTable *t, gboolean maybe)
{
  LangKeys after;
  guint used = t->used;
  lang_keys_reset (t);
  t->keys.unknown = maybe;
  t->used = 0;
  if (lang_keys_set_update_begin (t, used, TRUE, &after))
    t->keys = after;
  t->used = used;
}

void
lang_keys_reset (LangTable *t)
{
  memset (&t->keys, 0, sizeof t->keys);
}

void
lang_keys_forget (ReclaimInterp *interp, ReclaimId obj)
{
  lang_table_get (interp, obj)->keys.unknown = TRUE;
}

/* ---- deques ------------------------------------------------------------ */

void
lang_deque_set_left (LangTable *t, guint left)
{
  t->keys.deque_left = left + 1;
}

void
lang_deque_forget (LangTable *t)
{
  t->keys.deque_left = 0;
}

void
lang_deque_pushed (LangTable *t, gboolean left)
{
  /* appendleft steps into a new block once the first one is full */
  if (left && t->keys.deque_left)
    t->keys.deque_left = (t->keys.deque_left == 1 ? LANG_DEQUE_BLOCKLEN : t->keys.deque_left - 1);
}

void
lang_deque_taken (LangTable *t, gboolean left, guint n)
{
  guint index = t->keys.deque_left - 1;
  if (t->keys.deque_left == 0)
    return;
  if (left)
    {
      /* popleft frees an emptied first block, or re-centers an empty deque */
      index++;
      if (index == LANG_DEQUE_BLOCKLEN)
        index = n ? 0 : LANG_DEQUE_CENTER;
    }
  else if (n == 0 && index == 0)
    index = LANG_DEQUE_CENTER;   /* pop of the last item at the start of a block */
  lang_deque_set_left (t, index);
}

void
lang_deque_extend_empty (LangTable *t, gboolean left)
{
  if (t->keys.deque_left)
    lang_deque_set_left (t, left ? LANG_DEQUE_BLOCKLEN - 1 : 1);
}
