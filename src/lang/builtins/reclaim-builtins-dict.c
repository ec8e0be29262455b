/* reclaim-builtins-dict.c: the methods of dict, and the dict views.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting an entry drops its key, then its value (delitem_common);
 * clear() empties the table before it drops anything.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-sizeof.h"

#include <string.h>

#define H(interp) ((interp)->heap)

static gboolean
is_dict (ReclaimInterp *interp, ReclaimValue v)
{
  return builtins_is_kind (interp, v, RECLAIM_KIND_DICT);
}

/* ---- dict ---------------------------------------------------------------------------- */

/* dict_merge from something with keys(): list(other.keys()), then other[key] each */
static int
dict_merge_keys (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue other)
{
  ReclaimValue keys = lang_call_method (interp, other, "keys", 0, NULL);
  if (keys == LANG_ERROR)
    return -1;
  if (!builtins_is_kind (interp, keys, RECLAIM_KIND_LIST))
    {
      /* method_output_as_list */
      ReclaimValue it = lang_iter (interp, keys);
      lang_decref (interp, keys);
      if (it == LANG_ERROR)
        return -1;
      keys = builtins_sequence_list (interp, it);
      lang_decref (interp, it);
      if (keys == LANG_ERROR)
        return -1;
    }
  ReclaimValue iter = lang_iter (interp, keys), key;
  lang_decref (interp, keys);
  if (iter == LANG_ERROR)
    return -1;
  int r;
  while ((r = builtins_next (interp, iter, &key)) == 1)
    {
      ReclaimValue value = lang_subscript (interp, other, key);
      int status = value == LANG_ERROR ? -1 : lang_dict_set (interp, dict, key, value);
      lang_decref (interp, key);
      lang_decref (interp, value);
      if (status < 0)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, iter);
  return r;
}

/* PyDict_MergeFromSeq2: pairs */
static int
dict_merge_pairs (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue other)
{
  ReclaimValue it = lang_iter (interp, other), item;
  if (it == LANG_ERROR)
    return -1;
  int r;
  for (guint i = 0; (r = builtins_next (interp, it, &item)) == 1; i++)
    {
      ReclaimValue fast = item;
      gboolean seq = builtins_is_kind (interp, item, RECLAIM_KIND_LIST) ||
                     builtins_is_kind (interp, item, RECLAIM_KIND_TUPLE);
      if (seq)
        lang_incref (interp, fast);
      else
        {
          fast = builtins_sequence_list (interp, item);
          if (fast == LANG_ERROR && lang_error_matches (interp, "TypeError"))
            {
              lang_error_clear (interp);
              lang_raise (interp, "TypeError",
                          "cannot convert dictionary update sequence element #%u to a sequence", i);
            }
        }
      int status = fast == LANG_ERROR ? -1 : 0;
      if (status == 0 && lang_seq_length (interp, fast) != 2)
        {
          lang_raise (interp, "ValueError", "dictionary update sequence element #%u has length %u; 2 is required",
                      i, lang_seq_length (interp, fast));
          status = -1;
        }
      if (status == 0)
        {
          ReclaimValue key = lang_ref (interp, lang_seq_item (interp, fast, 0));
          ReclaimValue value = lang_ref (interp, lang_seq_item (interp, fast, 1));
          status = lang_dict_set (interp, dict, key, value);
          lang_decref (interp, key);
          lang_decref (interp, value);
        }
      if (fast != LANG_ERROR)
        lang_decref (interp, fast);
      lang_decref (interp, item);
      if (status < 0)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  return r;
}

/* dict_merge takes a dict's table as a whole when its type iterates as
 * dict does (not OrderedDict) */
static gboolean
merges_whole_table (ReclaimInterp *interp, ReclaimValue other)
{
  return strcmp (lang_type_name (interp, other), "OrderedDict") != 0 &&
         !builtins_user_method (interp, other, "__iter__");
}

int
builtins_dict_update (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue other)
{
  if (is_dict (interp, other))
    {
      ReclaimValue key, value;
      LangKeys clone;
      gboolean clones = merges_whole_table (interp, other) &&
                        lang_keys_dict_merge_begin (lang_table_get (interp, dict), lang_table_get (interp, other), &clone);
      if (!merges_whole_table (interp, other))
        lang_keys_forget (interp, dict);   /* keys() then one item at a time: not followed */
      for (guint pos = 0; lang_dict_next_entry (interp, other, &pos, &key, &value);)
        if (lang_dict_set (interp, dict, key, value) < 0)
          return -1;
      if (clones)
        lang_table_get (interp, dict)->keys = clone;
      return 0;
    }
  /* _PyObject_LookupAttr(arg, "keys") */
  ReclaimValue keys = reclaim_value_is_object (other) ? lang_lookup_attr (interp, other, "keys") : 0;
  if (keys == 0 && lang_error_occurred (interp))
    return -1;
  if (keys)
    {
      lang_decref (interp, keys);
      return dict_merge_keys (interp, dict, other);
    }
  return dict_merge_pairs (interp, dict, other);
}

static ReclaimValue
dict_get (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.get", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue v = lang_dict_get (interp, self, args[0]);
  if (v)
    return lang_ref (interp, v);
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  return nargs > 1 ? lang_ref (interp, args[1]) : scalar_none ();
}

static ReclaimValue
dict_setdefault (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.setdefault", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue v = lang_dict_get (interp, self, args[0]);
  if (v)
    return lang_ref (interp, v);
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  ReclaimValue dflt = nargs > 1 ? args[1] : scalar_none ();
  if (lang_dict_set (interp, self, args[0], dflt) < 0)
    return LANG_ERROR;
  return lang_ref (interp, dflt);
}

static ReclaimValue
dict_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.pop", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue v = lang_dict_get (interp, self, args[0]);
  if (v == 0)
    {
      if (lang_error_occurred (interp))
        return LANG_ERROR;
      if (nargs > 1)
        return lang_ref (interp, args[1]);
      return lang_raise_value (interp, "KeyError", args[0]);
    }
  /* the value is kept for the caller; the key is dropped with the entry */
  lang_incref (interp, v);
  lang_dict_delete (interp, self, args[0]);
  return v;
}

static ReclaimValue
dict_popitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.popitem", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  /* dict_popitem_impl allocates its result before it looks */
  ReclaimValue result = reclaim_heap_alloc_tuple (H (interp), 2);
  guint e = reclaim_heap_n_slots (H (interp), self) / 2;
  while (e > 0 && reclaim_heap_slot_get (H (interp), self, 2 * (e - 1)) == RECLAIM_VALUE_NONE)
    e--;
  if (e == 0)
    {
      lang_decref (interp, result);
      return lang_raise (interp, "KeyError", "popitem(): dictionary is empty");
    }
  ReclaimValue key = lang_ref (interp, reclaim_heap_slot_get (H (interp), self, 2 * (e - 1)));
  ReclaimValue value = lang_ref (interp, reclaim_heap_slot_get (H (interp), self, 2 * (e - 1) + 1));
  lang_keys_dict_popitem (lang_table_get (interp, self));
  lang_dict_delete (interp, self, key);
  reclaim_heap_slot_append (H (interp), result, RECLAIM_ROLE_ITEM, NULL, key);
  reclaim_heap_slot_append (H (interp), result, RECLAIM_ROLE_ITEM, NULL, value);
  return result;
}

static ReclaimValue
dict_view (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw, const char *label)
{
  g_autofree char *name = g_strdup_printf ("dict.%s", label + 5);
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  ReclaimId view = reclaim_heap_alloc (H (interp), RECLAIM_KIND_OBJECT, 0, label, 0);
  reclaim_heap_slot_append (H (interp), view, RECLAIM_ROLE_OTHER, "dv_dict", lang_ref (interp, self));
  return view;
}

static ReclaimValue
dict_keys (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return dict_view (interp, self, nargs, nkw, "dict_keys");
}

static ReclaimValue
dict_values (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return dict_view (interp, self, nargs, nkw, "dict_values");
}

static ReclaimValue
dict_items (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return dict_view (interp, self, nargs, nkw, "dict_items");
}

static ReclaimValue
dict_update (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.update", ARGS_CLINIC, nargs, 0, 1, nkw, TRUE))
    return LANG_ERROR;
  if (nargs == 1 && builtins_dict_update (interp, self, args[0]) < 0)
    return LANG_ERROR;
  for (guint i = 0; i < nkw; i++)
    if (lang_dict_set (interp, self, scalar_str (kwnames[i], -1), args[nargs + i]) < 0)
      return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
dict_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.clear", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  lang_dict_clear (interp, self);
  return scalar_none ();
}

static ReclaimValue
dict_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "dict.copy", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  LangTable *t = lang_table_get (interp, self);
  ReclaimValue copy = lang_dict_new (interp);
  if (t->used == 0)
    return copy;
  LangKeys clone;
  gboolean clones = lang_keys_dict_copy_clones (t, &clone);
  builtins_dict_update (interp, copy, self);
  if (clones)
    lang_table_get (interp, copy)->keys = clone;
  /* a dense table is cloned as a whole, tracked when the original is */
  if (t->used >= (t->entries * 2) / 3 && reclaim_heap_get_list (H (interp), self) != RECLAIM_LIST_NONE)
    reclaim_heap_track (H (interp), copy);
  return copy;
}

const LangMethodDef builtins_dict_methods[] = {
  { "get", dict_get },
  { "setdefault", dict_setdefault },
  { "pop", dict_pop },
  { "popitem", dict_popitem },
  { "keys", dict_keys },
  { "values", dict_values },
  { "items", dict_items },
  { "update", dict_update },
  { "clear", dict_clear },
  { "copy", dict_copy },
  { NULL }
};

/* dictview_repr: "dict_keys([...])" from a list made of the view */
char *
lang_dict_view_repr (ReclaimInterp *interp, ReclaimValue view)
{
  static GHashTable *active;
  if (active == NULL)
    active = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (active, GUINT_TO_POINTER (view)))
    return g_strdup ("...");
  g_hash_table_add (active, GUINT_TO_POINTER (view));
  ReclaimValue list = builtins_sequence_list (interp, view);
  char *items = list == LANG_ERROR ? NULL : lang_repr (interp, list);
  lang_decref (interp, list);
  g_hash_table_remove (active, GUINT_TO_POINTER (view));
  if (items == NULL)
    return NULL;
  char *repr = g_strdup_printf ("%s(%s)", reclaim_heap_get_label (H (interp), view), items);
  g_free (items);
  return repr;
}

