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
 * A set is rebuilt from a deep copy of its items, as set.__reduce__ and
 * copy._reconstruct do; ranges, slices, properties, weak references and
 * NotImplemented are atoms.  A class's own __deepcopy__ is called with
 * the memo as a dict, as python3 fills it: id(original) -> copy, and under
 * id(memo) the list of the originals it keeps alive.
 *
 * An instance goes as copyreg's object.__reduce_ex__(4) takes it: its
 * __dict__ and its slots, and its class keeps __slotnames__ afterwards.
 *
 * Not modelled (the script stops, "not supported in Reclaim"; the check
 * refuses a class defining one when the script calls asdict or astuple):
 * instances with a __reduce__, __reduce_ex__, __getstate__ or
 * __setstate__ of their own, and the other builtin objects.
 */
#include "reclaim-mod-dataclasses-private.h"
#include "reclaim-builtins-private.h"

#include <string.h>

/* copy.deepcopy's memo: the copies, and the order python3's dict would
 * hold its keys in (an original, or 0 for the keep-alive list) */
typedef struct {
  GHashTable *copies;   /* original -> copy */
  GArray     *order;    /* ReclaimValue: the keys as they came */
  GArray     *kept;     /* ReclaimValue: _keep_alive's list */
} Memo;

static ReclaimValue deepcopy (ReclaimInterp *interp, ReclaimValue v, Memo *memo);

static void
remember (ReclaimInterp *interp, Memo *memo, ReclaimValue original, ReclaimValue copy)
{
  if (!g_hash_table_contains (memo->copies, GUINT_TO_POINTER (original)))
    g_array_append_val (memo->order, original);
  g_hash_table_insert (memo->copies, GUINT_TO_POINTER (original), GUINT_TO_POINTER (copy));
}

/* _keep_alive: the original joins the list under id(memo) */
static void
keep_alive (Memo *memo, ReclaimValue original)
{
  ReclaimValue marker = 0;
  if (memo->kept->len == 0)
    g_array_append_val (memo->order, marker);
  g_array_append_val (memo->kept, original);
}

static ReclaimValue
copy_list (ReclaimInterp *interp, ReclaimValue list, Memo *memo)
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
copy_tuple (ReclaimInterp *interp, ReclaimValue tuple, Memo *memo)
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
  return lang_tuple_new (interp, n, items);
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
copy_dict (ReclaimInterp *interp, ReclaimValue dict, Memo *memo)
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

/* set.__reduce__ gives (set, (list(x),), None) and _reconstruct makes
 * set(*deepcopy(args)): the list and its tuple are copied, memo and all,
 * as python3 copies them. */
static ReclaimValue
copy_set (ReclaimInterp *interp, ReclaimValue set, Memo *memo)
{
  ReclaimValue list = builtins_sequence_list (interp, set);
  if (list == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue args = lang_tuple_new (interp, 1, &list);
  ReclaimValue copied = deepcopy (interp, args, memo);
  lang_decref (interp, args);
  if (copied == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue y = lang_set_new (interp);
  int r = builtins_set_update (interp, y, lang_seq_item (interp, copied, 0));
  lang_decref (interp, copied);
  if (r < 0)
    {
      lang_decref (interp, y);
      return LANG_ERROR;
    }
  return y;
}

/* The memo as the dict python3 hands a __deepcopy__ */
static ReclaimValue
memo_dict (ReclaimInterp *interp, Memo *memo)
{
  ReclaimValue dict = lang_dict_new (interp);
  for (guint i = 0; i < memo->order->len; i++)
    {
      ReclaimValue original = g_array_index (memo->order, ReclaimValue, i), value;
      if (original == 0)
        {
          value = lang_list_new (interp);
          for (guint k = 0; k < memo->kept->len; k++)
            lang_list_append (interp, value, lang_ref (interp, g_array_index (memo->kept, ReclaimValue, k)));
        }
      else
        value = lang_ref (interp, GPOINTER_TO_UINT (g_hash_table_lookup (memo->copies, GUINT_TO_POINTER (original))));
      ReclaimValue key = scalar_int (builtins_object_address (original ? original : dict));
      lang_dict_set (interp, dict, key, value);
      lang_decref (interp, value);
    }
  return dict;
}

/* x.__deepcopy__(memo) */
static ReclaimValue
copy_by_hook (ReclaimInterp *interp, ReclaimValue obj, ReclaimValue hook, Memo *memo)
{
  ReclaimValue method = lang_descriptor_get (interp, hook, obj, lang_class_of (interp, obj), "__deepcopy__");
  if (method == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue dict = memo_dict (interp, memo);
  ReclaimValue y = lang_call (interp, method, 1, &dict, 0, NULL);
  lang_decref (interp, dict);
  lang_decref (interp, method);
  return y;
}

static gboolean
has_own_copy_hooks (ReclaimInterp *interp, LangClass *cls)
{
  static const char *const hooks[] = { "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__" };
  for (guint i = 0; i < G_N_ELEMENTS (hooks); i++)
    if (lang_eval_class_lookup (interp, cls, hooks[i]))
      return TRUE;
  return FALSE;
}

/* copyreg._slotnames: the __slots__ names of the class and its bases (not
 * __dict__ and __weakref__, private ones mangled), subclass first, which
 * python3 keeps in the class as __slotnames__ once asked.  A new list. */
static ReclaimValue
slot_names (ReclaimInterp *interp, LangClass *cls)
{
  ReclaimValue key = scalar_str ("__slotnames__", -1);
  ReclaimValue kept = cls->ns ? lang_dict_get (interp, cls->ns, key) : 0;
  if (kept)
    return lang_ref (interp, kept);
  ReclaimValue names = lang_list_new (interp);
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    {
      ReclaimValue slots = c->ns ? lang_dict_get (interp, c->ns, scalar_str ("__slots__", -1)) : 0;
      GPtrArray *items = slots == 0 ? NULL : scalar_type (slots) == SCALAR_STR
                         ? g_ptr_array_new () : lang_sequence_to_array (interp, slots);
      if (items && scalar_type (slots) == SCALAR_STR)
        g_ptr_array_add (items, GUINT_TO_POINTER (slots));
      for (guint i = 0; items && i < items->len; i++)
        {
          const char *name = scalar_get_str (GPOINTER_TO_UINT (items->pdata[i]), NULL);
          gsize len = strlen (name);
          if (strcmp (name, "__dict__") == 0 || strcmp (name, "__weakref__") == 0)
            continue;
          gboolean private = len > 2 && g_str_has_prefix (name, "__") && !g_str_has_suffix (name, "__");
          const char *stripped = c->name + strspn (c->name, "_");
          g_autofree char *mangled = private && *stripped ? g_strdup_printf ("_%s%s", stripped, name)
                                                          : g_strdup (name);
          lang_list_append (interp, names, scalar_str (mangled, -1));
        }
      if (items && scalar_type (slots) != SCALAR_STR)
        for (guint i = 0; i < items->len; i++)
          lang_decref (interp, GPOINTER_TO_UINT (items->pdata[i]));
      if (items)
        g_ptr_array_unref (items);
    }
  if (lang_setattr (interp, cls->id, "__slotnames__", names) < 0)
    lang_error_clear (interp);
  return names;
}

/* object.__getstate__: the __dict__ (None when empty), and beside it in a
 * tuple the slots that hold a value, by name.  A new reference. */
static ReclaimValue
instance_state (ReclaimInterp *interp, ReclaimValue obj, LangClass *cls)
{
  ReclaimValue state = eval_instance_has_dict (interp, obj) ? eval_materialize_dict (interp, obj) : 0;
  state = state && lang_length (interp, state) > 0 ? lang_ref (interp, state) : scalar_none ();
  ReclaimValue names = slot_names (interp, cls), slots = lang_dict_new (interp);
  for (guint i = 0; i < lang_seq_length (interp, names); i++)
    {
      ReclaimValue name = lang_seq_item (interp, names, i);
      ReclaimValue v = lang_getattr (interp, obj, scalar_get_str (name, NULL));
      if (v == LANG_ERROR && !lang_error_matches (interp, "AttributeError"))
        {
          lang_decref (interp, names);
          lang_decref (interp, slots);
          lang_decref (interp, state);
          return LANG_ERROR;
        }
      lang_error_clear (interp);   /* an empty slot is left out */
      if (v)
        lang_dict_set (interp, slots, name, v);
      lang_decref (interp, v);
    }
  lang_decref (interp, names);
  if (lang_dict_length (interp, slots) == 0)
    {
      lang_decref (interp, slots);
      return state;
    }
  ReclaimValue pair[] = { state, slots };
  return lang_tuple_new (interp, 2, pair);
}

/* _reconstruct's end: the copied __dict__ merged, the slots set */
static int
set_state (ReclaimInterp *interp, ReclaimValue y, ReclaimValue state)
{
  ReclaimValue slots = 0, key, value;
  if (builtins_is_kind (interp, state, RECLAIM_KIND_TUPLE))
    {
      slots = lang_seq_item (interp, state, 1);
      state = lang_seq_item (interp, state, 0);
    }
  if (scalar_type (state) != SCALAR_NONE && lang_length (interp, state) > 0)
    {
      ReclaimValue dict = eval_materialize_dict (interp, y);
      for (guint pos = 0; lang_dict_next_entry (interp, state, &pos, &key, &value);)
        lang_dict_set (interp, dict, key, value);
    }
  for (guint pos = 0; slots && lang_dict_next_entry (interp, slots, &pos, &key, &value);)
    if (lang_setattr (interp, y, scalar_get_str (key, NULL), value) < 0)
      return -1;
  return 0;
}

/* copyreg.__newobj__ and _reconstruct: a bare instance, remembered, then
 * a deep copy of the original's state put in it. */
static ReclaimValue
copy_instance (ReclaimInterp *interp, ReclaimValue obj, Memo *memo)
{
  LangClass *cls = lang_class_of (interp, obj);
  ReclaimValue hook = lang_eval_class_lookup (interp, cls, "__deepcopy__");
  if (hook)
    return copy_by_hook (interp, obj, hook, memo);
  if (has_own_copy_hooks (interp, cls))
    return lang_stop_not_supported (interp, "copying a '%s' object (copy.deepcopy)", cls->name);
  ReclaimValue state = instance_state (interp, obj, cls);
  if (state == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue y = eval_alloc_plain_instance (interp, cls);
  remember (interp, memo, obj, y);
  ReclaimValue copied = scalar_type (state) == SCALAR_NONE ? lang_ref (interp, state) : deepcopy (interp, state, memo);
  lang_decref (interp, state);
  if (copied == LANG_ERROR || set_state (interp, y, copied) < 0)
    {
      lang_decref (interp, copied);
      lang_decref (interp, y);
      return LANG_ERROR;
    }
  lang_decref (interp, copied);
  return y;
}

/* copy._deepcopy_atomic's types among heap objects */
static gboolean
is_atomic (ReclaimInterp *interp, ReclaimValue v, LangClass *cls, ReclaimKind kind)
{
  static const char *const atoms[] = { "range", "slice", "property", "ReferenceType", "NotImplementedType", NULL };
  return kind == RECLAIM_KIND_CLASS || kind == RECLAIM_KIND_FUNCTION ||
         g_hash_table_contains (interp->natives, GUINT_TO_POINTER (v)) ||
         (cls->builtin && g_strv_contains (atoms, cls->name));
}

static ReclaimValue
copy_object (ReclaimInterp *interp, ReclaimValue v, Memo *memo)
{
  LangClass *cls = lang_class_of (interp, v);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  if (is_atomic (interp, v, cls, kind))
    return lang_ref (interp, v);
  if (cls->builtin && kind == RECLAIM_KIND_LIST)
    return copy_list (interp, v, memo);
  if (cls->builtin && kind == RECLAIM_KIND_TUPLE)
    return copy_tuple (interp, v, memo);
  if (cls->builtin && kind == RECLAIM_KIND_DICT)
    return copy_dict (interp, v, memo);
  if (cls->builtin && kind == RECLAIM_KIND_SET && strcmp (cls->name, "set") == 0)
    return copy_set (interp, v, memo);
  if (!cls->builtin && kind == RECLAIM_KIND_INSTANCE && !cls->is_exception)
    return copy_instance (interp, v, memo);
  return lang_stop_not_supported (interp, "copying a '%s' object (copy.deepcopy)", cls->name);
}

static ReclaimValue
deepcopy (ReclaimInterp *interp, ReclaimValue v, Memo *memo)
{
  if (!reclaim_value_is_object (v))
    return lang_ref (interp, v);
  ReclaimValue seen = GPOINTER_TO_UINT (g_hash_table_lookup (memo->copies, GUINT_TO_POINTER (v)));
  if (seen)
    return lang_ref (interp, seen);
  ReclaimValue y = copy_object (interp, v, memo);
  /* deepcopy(): what is not its own copy is memoized and kept alive */
  if (y != LANG_ERROR && y != v)
    {
      remember (interp, memo, v, y);
      keep_alive (memo, v);
    }
  return y;
}

ReclaimValue
dataclasses_deepcopy (ReclaimInterp *interp, ReclaimValue v)
{
  Memo memo = { g_hash_table_new (NULL, NULL), g_array_new (FALSE, FALSE, sizeof (ReclaimValue)),
                g_array_new (FALSE, FALSE, sizeof (ReclaimValue)) };
  ReclaimValue y = deepcopy (interp, v, &memo);
  g_hash_table_unref (memo.copies);
  g_array_unref (memo.order);
  g_array_unref (memo.kept);
  return y;
}
