/* reclaim-eval-unpack.c: the starred forms: `a, *rest = xs` (UNPACK_EX),
 * `[*a, *b]`, `(*a,)`, `{*a}` and `{**a, 'k': 1}`, made in the order of
 * the instructions CPython 3.11 compiles them to, so that the same
 * intermediate lists, tuples and dicts exist and die at the same moments.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-builtins-private.h"

/* ---- starred assignment targets ------------------------------------------ */

static void
drop_reversed (ReclaimInterp *interp, GPtrArray *items, guint from, guint to)
{
  for (guint i = to; i > from; i--)
    lang_decref (interp, GPOINTER_TO_UINT (items->pdata[i - 1]));
}

/* The list the starred target gets: the items between the ones before
 * and the ones after it (references moved from items). */
static ReclaimValue
starred_list (ReclaimInterp *interp, GPtrArray *items, guint from, guint to, guint32 capacity)
{
  ReclaimValue list = lang_list_new (interp);
  for (guint i = from; i < to; i++)
    lang_list_append (interp, list, GPOINTER_TO_UINT (items->pdata[i]));
  reclaim_heap_set_capacity (interp->heap, list, capacity);
  return list;
}

/* unpack_iterable makes the starred list with PySequence_List of the
 * iterator, past the items before the star: its length hint is what is
 * left (8 for a generator), and the items after the star are cut off
 * without a resize. */
static guint32
starred_capacity (gint64 hint, gboolean sized, guint before, guint rest)
{
  if (hint < 0)
    return RECLAIM_CAPACITY_UNKNOWN;
  if (sized)
    hint = MAX (hint - (gint64) before, 0);
  return lang_list_extend_capacity (RECLAIM_CAPACITY_NO_ITEMS, 0, FALSE, hint, rest);
}

/* Stores the unpacked values left to right; on a failed store the rest
 * are dropped left to right, as the value stack unwinds. */
static int
store_each (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *targets, ReclaimValue *values)
{
  for (guint i = 0; i < targets->n; i++)
    if (eval_store_target (interp, frame, targets->items[i], values[i]) == LANG_ERROR)
      {
        for (guint j = i + 1; j < targets->n; j++)
          lang_decref (interp, values[j]);
        return -1;
      }
  return 0;
}

int
eval_store_unpack_starred (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *targets, guint star,
                           ReclaimValue v)
{
  guint before = star, after = targets->n - star - 1;

  if (!reclaim_value_is_object (v) && scalar_type (v) != SCALAR_STR)
    {
      lang_raise (interp, "TypeError", "cannot unpack non-iterable %s object", lang_type_name (interp, v));
      lang_decref (interp, v);
      return -1;
    }
  gboolean sized;
  gint64 hint = lang_list_extend_hint_full (interp, v, &sized);
  if (reclaim_value_is_object (v) && !lang_class_of (interp, v)->builtin)
    hint = -1;   /* the hint is that of what its __iter__ returns */
  GPtrArray *items = lang_sequence_to_array (interp, v);
  lang_decref (interp, v);
  if (items == NULL)
    return -1;
  if (items->len < before + after)
    {
      /* CPython counts what it took one by one before the star, then the
       * length of the list it made of the rest */
      lang_raise (interp, "ValueError", "not enough values to unpack (expected at least %u, got %u)",
                  before + after, items->len);
      if (items->len >= before)
        drop_reversed (interp, items, before, items->len);   /* the rest's list dies first */
      drop_reversed (interp, items, 0, MIN (before, items->len));
      g_ptr_array_unref (items);
      return -1;
    }
  g_autofree ReclaimValue *values = g_new (ReclaimValue, targets->n);
  for (guint i = 0; i < before; i++)
    values[i] = GPOINTER_TO_UINT (items->pdata[i]);
  values[star] = starred_list (interp, items, before, items->len - after,
                              starred_capacity (hint, sized, before, items->len - before));
  for (guint i = 0; i < after; i++)
    values[star + 1 + i] = GPOINTER_TO_UINT (items->pdata[items->len - after + i]);
  g_ptr_array_unref (items);
  return store_each (interp, frame, targets, values);
}

/* ---- displays with starred items ------------------------------------------ */

/* LIST_EXTEND's message for what has no __iter__ and no __getitem__. */
static void
explain_not_iterable (ReclaimInterp *interp, ReclaimValue v)
{
  if (!lang_error_matches (interp, "TypeError"))
    return;
  if (reclaim_value_is_object (v))
    {
      ReclaimValue method = lang_lookup_attr (interp, v, "__iter__");
      if (method == 0)
        method = lang_lookup_attr (interp, v, "__getitem__");
      if (method)
        {
          lang_decref (interp, method);
          return;
        }
    }
  lang_error_clear (interp);
  lang_raise (interp, "TypeError", "Value after * must be an iterable, not %s", lang_type_name (interp, v));
}

/* LIST_EXTEND and SET_UPDATE: every item of iterable (borrowed) into
 * the list or set. */
static gboolean
extend_items (ReclaimInterp *interp, ReclaimValue target, gboolean is_set, ReclaimValue iterable)
{
  ReclaimValue it = lang_iter (interp, iterable), item;
  int r;

  if (it == LANG_ERROR)
    {
      if (!is_set)
        explain_not_iterable (interp, iterable);
      return FALSE;
    }
  while ((r = builtins_next (interp, it, &item)) == 1)
    {
      if (!is_set)
        {
          lang_list_append (interp, target, item);
          continue;
        }
      r = lang_set_add (interp, target, item);
      lang_decref (interp, item);
      if (r < 0)
        break;
    }
  lang_decref (interp, it);
  return r == 0;
}

static gboolean
extend_with (ReclaimInterp *interp, ReclaimValue target, gboolean is_set, ReclaimValue iterable)
{
  if (is_set)
    return extend_items (interp, target, is_set, iterable);
  LangListExtend e;
  lang_list_extend_begin (interp, target, iterable, &e);
  gboolean ok = extend_items (interp, target, is_set, iterable);
  lang_list_extend_end (interp, target, &e, ok);
  return ok;
}

/* Adds the value of one element (a plain item or a starred iterable);
 * the element's value is dropped once added. */
static gboolean
add_element (ReclaimInterp *interp, Frame *frame, ReclaimValue target, gboolean is_set, const ReclaimNode *elt)
{
  gboolean star = elt->kind == RECLAIM_NODE_STARRED;
  ReclaimValue v = eval_expr (interp, frame, star ? elt->v.starred.value : elt);
  if (v == LANG_ERROR)
    return FALSE;
  if (star)
    {
      gboolean ok = extend_with (interp, target, is_set, v);
      lang_decref (interp, v);
      return ok;
    }
  if (!is_set)
    {
      lang_list_append (interp, target, v);
      return TRUE;
    }
  int r = lang_set_add (interp, target, v);
  lang_decref (interp, v);
  return r == 0;
}

/* A list, tuple or set display with a starred item: the items before
 * the first star are evaluated, then the list (or set) is built of them
 * and the rest added one by one; a tuple is made from that list at the
 * end (LIST_TO_TUPLE) and the list dropped. */
ReclaimValue
eval_starred_display (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  gboolean is_set = node->kind == RECLAIM_NODE_SET;
  const ReclaimNodeList *elts = is_set ? &node->v.set.elts : &node->v.seq.elts;
  guint first_star = 0;

  while (elts->items[first_star]->kind != RECLAIM_NODE_STARRED)
    first_star++;
  g_autofree ReclaimValue *leading = g_new (ReclaimValue, first_star + 1);
  for (guint i = 0; i < first_star; i++)
    if ((leading[i] = eval_expr (interp, frame, elts->items[i])) == LANG_ERROR)
      {
        for (guint j = i; j > 0; j--)
          lang_decref (interp, leading[j - 1]);
        return LANG_ERROR;
      }

  ReclaimValue target = is_set ? lang_set_new (interp) : lang_list_new (interp);
  gboolean ok = TRUE;
  /* BUILD_LIST of the leading items, or of none when the display has
   * more than 30 items (then LIST_APPEND each) */
  gboolean big = elts->n > 30;
  if (!is_set && big)
    reclaim_heap_set_capacity (interp->heap, target, RECLAIM_CAPACITY_NO_ITEMS);
  for (guint i = 0; i < first_star; i++)
    {
      if (!is_set)
        lang_list_append (interp, target, leading[i]);
      else
        {
          ok = ok && lang_set_add (interp, target, leading[i]) == 0;
          lang_decref (interp, leading[i]);
        }
    }
  if (!is_set && !big)
    reclaim_heap_set_capacity (interp->heap, target, first_star ? first_star : RECLAIM_CAPACITY_NO_ITEMS);
  for (guint i = first_star; ok && i < elts->n; i++)
    ok = add_element (interp, frame, target, is_set, elts->items[i]);
  if (!ok)
    {
      lang_decref (interp, target);
      return LANG_ERROR;
    }
  if (node->kind != RECLAIM_NODE_TUPLE)
    return target;

  guint n = reclaim_heap_n_slots (interp->heap, target);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = lang_ref (interp, reclaim_heap_slot_get (interp->heap, target, i));
  ReclaimValue tuple = lang_tuple_new (interp, n, items);
  lang_decref (interp, target);
  return tuple;
}

/* ---- dict displays with ** ----------------------------------------------- */

/* DICT_UPDATE: a dict, or anything with keys(); otherwise python3's
 * "is not a mapping". */
static gboolean
dict_update_from (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue other)
{
  if (!lang_is_builtin_kind (interp, other, RECLAIM_KIND_DICT))
    {
      ReclaimValue keys = reclaim_value_is_object (other) ? lang_lookup_attr (interp, other, "keys") : 0;
      if (keys == 0)
        {
          if (!lang_error_occurred (interp))
            lang_raise (interp, "TypeError", "'%s' object is not a mapping", lang_type_name (interp, other));
          return FALSE;
        }
      lang_decref (interp, keys);
    }
  return builtins_dict_update (interp, dict, other) == 0;
}

/* BUILD_MAP n makes its dict with room for n pairs, of str keys only
 * when they all are; from 16 pairs on the compiler starts from an empty
 * dict and adds them one by one (MAP_ADD). */
static void
presize_display (ReclaimInterp *interp, ReclaimValue dict, const ReclaimValue *kv, guint n)
{
  gboolean general = FALSE;
  for (guint i = 0; i < n; i++)
    general = general || scalar_type (kv[2 * i]) != SCALAR_STR;
  if (n < 16)
    lang_keys_dict_presize (lang_table_get (interp, dict), n, general);
}

/* BUILD_MAP of the key: value pairs from..to-1: the dict is made once
 * every key and value is on the stack. */
static ReclaimValue
dict_pairs_run (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint from, guint to)
{
  guint n = to - from;
  g_autofree ReclaimValue *kv = g_new (ReclaimValue, 2 * n + 1);

  for (guint i = 0; i < n; i++)
    {
      kv[2 * i] = eval_expr (interp, frame, node->v.dict.keys.items[from + i]);
      kv[2 * i + 1] = kv[2 * i] ? eval_expr (interp, frame, node->v.dict.values.items[from + i]) : LANG_ERROR;
      if (kv[2 * i + 1] == LANG_ERROR)
        {
          for (guint j = 0; j < 2 * i + 1; j++)
            lang_decref (interp, kv[j]);
          return LANG_ERROR;
        }
    }
  ReclaimValue dict = lang_dict_new (interp);
  presize_display (interp, dict, kv, n);
  reclaim_heap_reserve_slots (interp->heap, dict, 2 * n);
  int r = 0;
  for (guint i = 0; i < n; i++)
    if (r == 0)
      r = lang_dict_set (interp, dict, kv[2 * i], kv[2 * i + 1]);
  for (guint i = 0; i < 2 * n; i++)
    lang_decref (interp, kv[i]);
  if (r < 0)
    {
      lang_decref (interp, dict);
      return LANG_ERROR;
    }
  return dict;
}

/* Merges a run of key: value pairs into *dict: the first run becomes the
 * dict itself, a later one is a dict of its own merged in and dropped.
 * The compiler cuts a long run into runs of 17 pairs (compiler_dict). */
static gboolean
merge_pairs (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint from, guint to, ReclaimValue *dict)
{
  for (guint start = from; start < to; start += 17)
    {
      ReclaimValue sub = dict_pairs_run (interp, frame, node, start, MIN (start + 17, to));
      if (sub == LANG_ERROR)
        return FALSE;
      if (*dict == 0)
        {
          *dict = sub;
          continue;
        }
      gboolean ok = builtins_dict_update (interp, *dict, sub) == 0;
      lang_decref (interp, sub);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

ReclaimValue
eval_dict_pairs (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint from, guint to)
{
  if (to - from <= 17)
    return dict_pairs_run (interp, frame, node, from, to);
  ReclaimValue dict = 0;
  if (!merge_pairs (interp, frame, node, from, to, &dict))
    {
      if (dict)
        lang_decref (interp, dict);
      return LANG_ERROR;
    }
  return dict;
}

/* {k: v, **m, ...}, compiled by CPython 3.11 as runs of pairs built into
 * dicts of their own and merged with DICT_UPDATE. */
ReclaimValue
eval_dict_display_unpacking (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue dict = 0;
  guint n = node->v.dict.values.n, run_start = 0;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < n; i++)
    {
      if (node->v.dict.keys.items[i] != NULL)
        continue;
      if (i > run_start)
        ok = merge_pairs (interp, frame, node, run_start, i, &dict);
      run_start = i + 1;
      if (!ok)
        break;
      if (dict == 0)
        dict = lang_dict_new (interp);
      ReclaimValue other = eval_expr (interp, frame, node->v.dict.values.items[i]);
      ok = other != LANG_ERROR && dict_update_from (interp, dict, other);
      if (other != LANG_ERROR)
        lang_decref (interp, other);
    }
  if (ok && run_start < n)
    ok = merge_pairs (interp, frame, node, run_start, n, &dict);
  if (!ok)
    {
      if (dict)
        lang_decref (interp, dict);
      return LANG_ERROR;
    }
  return dict;
}
