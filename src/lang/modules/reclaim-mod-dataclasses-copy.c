/* reclaim-mod-dataclasses-copy.c: copy.deepcopy, as far as asdict() and
 * astuple() need it for the values they do not convert themselves.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython's copy.deepcopy leaves immutable atoms (numbers, str, None,
 * classes, functions) as they are, copies lists, dicts and tuples item by
 * item (a tuple whose items all come back the same is itself), and
 * rebuilds an instance of a plain class with cls.__new__(cls) and then
 * y.__dict__.update(deepcopy(x.__dict__)), which gives the copy a real
 * __dict__ and runs no __init__.  A memo makes each object copied once
 * per deepcopy() call, so shared and cyclic structures stay so.
 *
 * Not modelled (a TypeError naming it): instances with __slots__ or a
 * __deepcopy__, __reduce__, __getstate__ or __setstate__ of their own,
 * and the other builtin objects.
 */
#include "reclaim-mod-dataclasses-private.h"

#include <string.h>

static ReclaimValue deepcopy (ReclaimInterp *interp, ReclaimValue v, GHashTable *memo);

static void
remember (ReclaimInterp *interp, GHashTable *memo, ReclaimValue original, ReclaimValue copy)
{
  g_hash_table_insert (memo, GUINT_TO_POINTER (original), GUINT_TO_POINTER (copy));
}

static ReclaimValue
copy_list (ReclaimInterp *interp, ReclaimValue list, GHashTable *memo)
{
  ReclaimValue y = lang_list_new (interp);
  remember (interp, memo, list, y);
  for (guint i = 0; i < lang_seq_length (interp, list); i++)
    {
      ReclaimValue item = deepcopy (interp, lang_seq_item (interp, list, i), memo);
      if (item == LANG_ERROR)
        {
          lang_decref (interp, y);
          return LANG_ERROR;
        }
      lang_list_append (interp, y, item);
    }
  return y;
}

static ReclaimValue
copy_tuple (ReclaimInterp *interp, ReclaimValue tuple, GHashTable *memo)
{
  guint n = lang_seq_length (interp, tuple);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  gboolean same = TRUE;
  for (guint i = 0; i < n; i++)
    {
      items[i] = deepcopy (interp, lang_seq_item (interp, tuple, i), memo);
      if (items[i] == LANG_ERROR)
        {
          for (guint j = i; j > 0; j--)
            lang_decref (interp, items[j - 1]);
          return LANG_ERROR;
        }
      same = same && items[i] == lang_seq_item (interp, tuple, i);
    }
  if (same)
    {
      for (guint i = n; i > 0; i--)
        lang_decref (interp, items[i - 1]);
      return lang_ref (interp, tuple);
    }
  ReclaimValue y = lang_tuple_new (interp, n, items);
  remember (interp, memo, tuple, y);
  return y;
}

gboolean
dataclasses_map_dict_into (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue y, DataclassesMapFunc func,
                           gpointer data)
{
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, dict, &pos, &key, &value);)
    {
      ReclaimValue k = func (interp, key, data);
      ReclaimValue v = k == LANG_ERROR ? LANG_ERROR : func (interp, value, data);
      int r = v == LANG_ERROR ? -1 : lang_dict_set (interp, y, k, v);
      lang_decref (interp, k);
      lang_decref (interp, v);
      if (r < 0)
        return FALSE;
    }
  return TRUE;
}

static ReclaimValue
deepcopy_with_memo (ReclaimInterp *interp, ReclaimValue v, gpointer memo)
{
  return deepcopy (interp, v, memo);
}

static ReclaimValue
copy_dict (ReclaimInterp *interp, ReclaimValue dict, GHashTable *memo)
{
  ReclaimValue y = lang_dict_new (interp);
  remember (interp, memo, dict, y);
  if (!dataclasses_map_dict_into (interp, dict, y, deepcopy_with_memo, memo))
    {
      lang_decref (interp, y);
      return LANG_ERROR;
    }
  return y;
}

static gboolean
has_own_copy_hooks (ReclaimInterp *interp, LangClass *cls)
{
  static const char *const hooks[] = { "__deepcopy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__" };
  for (guint i = 0; i < G_N_ELEMENTS (hooks); i++)
    if (lang_eval_class_lookup (interp, cls, hooks[i]))
      return TRUE;
  return FALSE;
}

/* copyreg.__newobj__ and _reconstruct: a bare instance, then its
 * __dict__ updated with a deep copy of the original's. */
static ReclaimValue
copy_instance (ReclaimInterp *interp, ReclaimValue obj, GHashTable *memo)
{
  LangClass *cls = lang_class_of (interp, obj);
  if (cls->slot_names || has_own_copy_hooks (interp, cls) || !eval_instance_has_dict (interp, obj))
    return lang_raise (interp, "TypeError", "not supported in Reclaim: copying a '%s' object (copy.deepcopy)",
                       cls->name);
  ReclaimValue y = eval_alloc_plain_instance (interp, cls);
  remember (interp, memo, obj, y);
  ReclaimValue state = eval_materialize_dict (interp, obj);
  if (lang_length (interp, state) == 0)
    return y;   /* an empty __dict__ is no state */
  ReclaimValue copied = copy_dict (interp, state, memo);
  if (copied == LANG_ERROR)
    {
      lang_decref (interp, y);
      return LANG_ERROR;
    }
  ReclaimValue dict = eval_materialize_dict (interp, y), key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, copied, &pos, &key, &value);)
    lang_dict_set (interp, dict, key, value);
  lang_decref (interp, copied);
  return y;
}

static ReclaimValue
deepcopy (ReclaimInterp *interp, ReclaimValue v, GHashTable *memo)
{
  if (!reclaim_value_is_object (v))
    return lang_ref (interp, v);
  ReclaimValue seen = GPOINTER_TO_UINT (g_hash_table_lookup (memo, GUINT_TO_POINTER (v)));
  if (seen)
    return lang_ref (interp, seen);
  LangClass *cls = lang_class_of (interp, v);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  if (kind == RECLAIM_KIND_CLASS || kind == RECLAIM_KIND_FUNCTION ||
      g_hash_table_contains (interp->natives, GUINT_TO_POINTER (v)))
    return lang_ref (interp, v);
  if (cls->builtin && kind == RECLAIM_KIND_LIST)
    return copy_list (interp, v, memo);
  if (cls->builtin && kind == RECLAIM_KIND_TUPLE)
    return copy_tuple (interp, v, memo);
  if (cls->builtin && kind == RECLAIM_KIND_DICT)
    return copy_dict (interp, v, memo);
  if (!cls->builtin && kind == RECLAIM_KIND_INSTANCE && !cls->is_exception)
    return copy_instance (interp, v, memo);
  return lang_raise (interp, "TypeError", "not supported in Reclaim: copying a '%s' object (copy.deepcopy)",
                     cls->name);
}

ReclaimValue
dataclasses_deepcopy (ReclaimInterp *interp, ReclaimValue v)
{
  g_autoptr (GHashTable) memo = g_hash_table_new (NULL, NULL);
  return deepcopy (interp, v, memo);
}
