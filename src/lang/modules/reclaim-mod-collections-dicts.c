/* reclaim-mod-collections-dicts.c: collections.defaultdict and OrderedDict.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A defaultdict is a dict (kind RECLAIM_KIND_DICT, its class the
 * defaultdict type) whose entries are the dict's own.  It holds its
 * default_factory as CPython's does, in a slot that the collector
 * traverses and that dies first: the dict's entry 0 is kept vacant (its
 * key slot empty, so lookups, iteration and popitem never see it) and its
 * value slot holds the factory.  defdict_dealloc and defdict_tp_clear drop
 * the factory before the dict's items, which is that slot's place.
 *
 * Not modelled: dict.clear called unbound on a defaultdict (it would drop
 * the factory).
 */
#include "reclaim-mod-collections-private.h"

#include <string.h>

#define H(interp) ((interp)->heap)

/* the vacant entry 0 */
#define FACTORY_SLOT 1

static const char *const defaultdict_name = "collections.defaultdict";

static ReclaimValue
factory_of (ReclaimInterp *interp, ReclaimValue dd)
{
  return reclaim_heap_slot_get (H (interp), dd, FACTORY_SLOT);
}

/* The factory (stolen) goes in the vacant entry 0 of an empty defaultdict. */
static void
set_up_factory (ReclaimInterp *interp, ReclaimValue dd, ReclaimValue factory)
{
  reclaim_heap_slot_append (H (interp), dd, RECLAIM_ROLE_KEY, NULL, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (H (interp), dd, RECLAIM_ROLE_OTHER, "default_factory", factory);
  lang_table_get (interp, dd)->entries = 1;
}

/* defdict_init: defaultdict(default_factory=None, /, *args, **kwargs); the
 * rest goes to dict.update. */
static ReclaimValue
defaultdict_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  ReclaimValue factory = nargs > 0 ? args[0] : scalar_none ();

  if (scalar_type (factory) != SCALAR_NONE && !lang_is_callable (interp, factory))
    return lang_raise (interp, "TypeError", "first argument must be callable or None");
  if (nargs > 2)
    return lang_raise (interp, "TypeError", "update expected at most 1 argument, got %u", nargs - 1);
  ReclaimValue dd = collections_dict_alloc (interp, defaultdict_name, FALSE);
  set_up_factory (interp, dd, lang_ref (interp, factory));
  ReclaimValue r = collections_dict_update (interp, dd, nargs > 0 ? nargs - 1 : 0, nargs > 0 ? args + 1 : NULL, nkw, kwnames);
  if (r == LANG_ERROR)
    {
      lang_decref (interp, dd);
      return LANG_ERROR;
    }
  return dd;
}

/* defdict_missing: KeyError without a factory; else factory() is stored
 * under the key and returned. */
static ReclaimValue
defaultdict_missing (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, defaultdict_name, "__missing__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__missing__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue factory = factory_of (interp, self);
  if (scalar_type (factory) == SCALAR_NONE)
    return lang_raise_value (interp, "KeyError", args[0]);
  ReclaimValue value = lang_call (interp, factory, 0, NULL, 0, NULL);
  if (value == LANG_ERROR)
    return LANG_ERROR;
  if (lang_store_subscript (interp, self, args[0], value) < 0)
    {
      lang_decref (interp, value);
      return LANG_ERROR;
    }
  return value;
}

/* The "{...}" part of the repr, as dict_repr writes it. */
static char *
entries_repr (ReclaimInterp *interp, ReclaimValue dict)
{
  if (!lang_repr_enter (dict))
    return g_strdup ("{...}");
  GString *out = g_string_new ("{");
  ReclaimValue key, value;
  gboolean ok = TRUE, first = TRUE;
  for (guint pos = 0; ok && lang_dict_next_entry (interp, dict, &pos, &key, &value); first = FALSE)
    {
      g_autofree char *k = lang_repr (interp, key);
      g_autofree char *v = k ? lang_repr (interp, value) : NULL;
      ok = v != NULL;
      g_string_append_printf (out, "%s%s: %s", first ? "" : ", ", k ? k : "", v ? v : "");
    }
  lang_repr_leave (dict);
  g_string_append (out, "}");
  return g_string_free (out, !ok);
}

/* defdict_repr: "defaultdict(<class 'list'>, {...})" */
static ReclaimValue
defaultdict_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, defaultdict_name, "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  g_autofree char *base = entries_repr (interp, self);
  if (base == NULL)
    return LANG_ERROR;
  ReclaimValue factory = factory_of (interp, self);
  g_autofree char *factory_repr = NULL;
  if (!lang_repr_enter (factory))
    factory_repr = g_strdup ("...");
  else
    {
      factory_repr = lang_repr (interp, factory);
      lang_repr_leave (factory);
    }
  if (factory_repr == NULL)
    return LANG_ERROR;
  g_autofree char *text = g_strdup_printf ("%s(%s, %s)", collections_short_name (lang_class_of (interp, self)->name),
                                           factory_repr, base);
  return scalar_str (text, -1);
}

/* defdict_copy: defaultdict(self.default_factory, self) */
static ReclaimValue
defaultdict_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, defaultdict_name, "copy", &self, &nargs, &args) ||
      !lang_check_args (interp, "copy", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue construct_args[] = { factory_of (interp, self), self };
  return defaultdict_construct (interp, 0, 2, construct_args, 0, NULL);
}

/* dict.clear on a defaultdict empties the dict and keeps the factory. */
static ReclaimValue
defaultdict_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, defaultdict_name, "clear", &self, &nargs, &args) ||
      !lang_check_args (interp, "dict.clear", nargs, 0, 0, nkw))
    return LANG_ERROR;
  /* the items go; the factory's slot is filled again before it is let go */
  ReclaimValue factory = lang_ref (interp, factory_of (interp, self));
  lang_dict_clear (interp, self);
  set_up_factory (interp, self, factory);
  return scalar_none ();
}

/* the member default_factory */
static ReclaimValue
defaultdict_getset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (strcmp (scalar_get_str (args[0], NULL), "default_factory") != 0)
    return 0;
  if (nargs == 1)
    return lang_ref (interp, factory_of (interp, self));
  /* a T_OBJECT member: anything goes, the old factory is dropped after */
  reclaim_heap_slot_set (H (interp), self, FACTORY_SLOT, lang_ref (interp, args[1]));
  return scalar_none ();
}

static const LangMethodDef defaultdict_methods[] = {
  { "__missing__", defaultdict_missing }, { "__repr__", defaultdict_repr },
  { "copy", defaultdict_copy }, { "__copy__", defaultdict_copy }, { "clear", defaultdict_clear },
  { LANG_TYPE_GETSET, defaultdict_getset },
  { NULL },
};

/* ---- OrderedDict ------------------------------------------------------------ */

/* An OrderedDict's order is its dict's iteration order (LangTable.order),
 * which move_to_end changes without moving an entry: the dict still frees
 * its entries in the order they were made, as CPython's dict under the
 * OrderedDict does. */

static const char *const ordered_name = "collections.OrderedDict";

static GArray *
order_of (ReclaimInterp *interp, ReclaimValue od)
{
  LangTable *t = lang_table_get (interp, od);
  if (t->order == NULL)
    {
      t->order = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint e = 0; e < t->entries; e++)
        if (reclaim_heap_slot_get (H (interp), od, 2 * e) != RECLAIM_VALUE_NONE)
          g_array_append_val (t->order, e);
    }
  return t->order;
}

/* The position of key in the order, -1 with KeyError if it is not there,
 * -2 with another error. */
static gssize
order_position (ReclaimInterp *interp, ReclaimValue od, ReclaimValue key)
{
  int present = lang_dict_contains (interp, od, key);
  if (present <= 0)
    {
      if (present == 0)
        lang_raise_value (interp, "KeyError", key);
      return present == 0 ? -1 : -2;
    }
  GArray *order = order_of (interp, od);
  for (guint i = 0; i < order->len; i++)
    {
      ReclaimValue k = reclaim_heap_slot_get (H (interp), od, 2 * g_array_index (order, guint, i));
      int e = k == key ? 1 : lang_equal (interp, k, key);
      if (e != 0)
        return e < 0 ? -2 : (gssize) i;
    }
  lang_raise_value (interp, "KeyError", key);
  return -1;
}

static ReclaimValue
ordered_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (nargs > 1)
    return lang_raise (interp, "TypeError", "expected at most 1 arguments, got %u", nargs);
  ReclaimValue od = collections_dict_alloc (interp, ordered_name, TRUE);
  order_of (interp, od);
  if (collections_dict_update (interp, od, nargs, args, nkw, kwnames) == LANG_ERROR)
    {
      lang_decref (interp, od);
      return LANG_ERROR;
    }
  return od;
}

/* "last" given by position or keyword; TRUE when absent */
static int
last_argument (ReclaimInterp *interp, const char *method, guint nargs, const ReclaimValue *args, guint nkw,
               const char *const *kwnames, guint pos)
{
  if (nargs + nkw > pos + 1 || (nkw == 1 && strcmp (kwnames[0], "last") != 0))
    {
      lang_raise (interp, "TypeError", "%s() got an unexpected argument", method);
      return -1;
    }
  ReclaimValue last = lang_arg (nargs, args, nkw, kwnames, pos, "last");
  return last ? lang_truth (interp, last) : 1;
}

static ReclaimValue
ordered_move_to_end (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, ordered_name, "move_to_end", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "move_to_end() missing required argument 'key' (pos 1)");
  int last = last_argument (interp, "move_to_end", nargs, args, nkw, kwnames, 1);
  gssize i = last < 0 ? -2 : order_position (interp, self, args[0]);
  if (i < 0)
    return LANG_ERROR;
  GArray *order = order_of (interp, self);
  guint entry = g_array_index (order, guint, i);
  g_array_remove_index (order, i);
  if (last)
    g_array_append_val (order, entry);
  else
    g_array_prepend_val (order, entry);
  return scalar_none ();
}

static ReclaimValue
ordered_popitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, ordered_name, "popitem", &self, &nargs, &args))
    return LANG_ERROR;
  int last = last_argument (interp, "popitem", nargs, args, nkw, kwnames, 0);
  if (last < 0)
    return LANG_ERROR;
  GArray *order = order_of (interp, self);
  if (order->len == 0)
    return lang_raise (interp, "KeyError", "dictionary is empty");
  guint entry = g_array_index (order, guint, last ? order->len - 1 : 0);
  ReclaimValue key = lang_ref (interp, reclaim_heap_slot_get (H (interp), self, 2 * entry));
  ReclaimValue value = lang_ref (interp, reclaim_heap_slot_get (H (interp), self, 2 * entry + 1));
  if (lang_dict_delete (interp, self, key) < 0)
    {
      lang_decref (interp, key);
      lang_decref (interp, value);
      return LANG_ERROR;
    }
  ReclaimValue pair[] = { key, value };
  return lang_tuple_new (interp, 2, pair);
}

/* odict_repr: "OrderedDict([('a', 1)])", "OrderedDict()", "..." inside itself */
static ReclaimValue
ordered_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, ordered_name, "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  const char *name = collections_short_name (lang_class_of (interp, self)->name);
  if (lang_dict_length (interp, self) == 0)
    {
      g_autofree char *empty = g_strdup_printf ("%s()", name);
      return scalar_str (empty, -1);
    }
  if (!lang_repr_enter (self))
    return scalar_str ("...", -1);
  GString *out = g_string_new (name);
  g_string_append (out, "([");
  ReclaimValue key, value;
  gboolean ok = TRUE, first = TRUE;
  for (guint pos = 0; ok && lang_dict_next_entry (interp, self, &pos, &key, &value); first = FALSE)
    {
      g_autofree char *k = lang_repr (interp, key);
      g_autofree char *v = k ? lang_repr (interp, value) : NULL;
      ok = v != NULL;
      g_string_append_printf (out, "%s(%s, %s)", first ? "" : ", ", k ? k : "", v ? v : "");
    }
  lang_repr_leave (self);
  g_string_append (out, "])");
  ReclaimValue text = ok ? scalar_str (out->str, out->len) : LANG_ERROR;
  g_string_free (out, TRUE);
  return text;
}

/* odict_richcompare: between two OrderedDicts the order counts too; with
 * another dict only the entries. */
static ReclaimValue
ordered_eq (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, ordered_name, "__eq__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__eq__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue other = args[0];
  if (!reclaim_value_is_object (other) || !lang_is_instance (interp, other, "dict"))
    return collections_not_implemented (interp);
  int e = lang_dicts_equal (interp, self, other);
  if (e <= 0 || !lang_is_instance (interp, other, ordered_name))
    return e < 0 ? LANG_ERROR : scalar_bool (e);
  ReclaimValue k1, k2;
  for (guint p1 = 0, p2 = 0; lang_dict_next_entry (interp, self, &p1, &k1, NULL) &&
                             lang_dict_next_entry (interp, other, &p2, &k2, NULL);)
    {
      int same = k1 == k2 ? 1 : lang_equal (interp, k1, k2);
      if (same <= 0)
        return same < 0 ? LANG_ERROR : scalar_bool (FALSE);
    }
  return scalar_bool (TRUE);
}

static ReclaimValue
ordered_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!collections_self (interp, ordered_name, "copy", &self, &nargs, &args) ||
      !lang_check_args (interp, "copy", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return ordered_construct (interp, 0, 1, &self, 0, NULL);
}

/* odict_fromkeys, a classmethod: cls(), then d[key] = value for each key
 * of the iterable, all holding the one value */
static ReclaimValue
ordered_fromkeys (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  static const char *const known[] = { "iterable", "value" };
  /* args[0] is the class */
  if (nargs + nkw > 3)
    return lang_raise (interp, "TypeError", "fromkeys() takes at most 2 arguments (%u given)", nargs + nkw - 1);
  for (guint k = 0; k < nkw; k++)
    if (strcmp (kwnames[k], known[0]) != 0 && strcmp (kwnames[k], known[1]) != 0)
      return lang_raise (interp, "TypeError", "fromkeys() got an unexpected keyword argument '%s'", kwnames[k]);
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 1, "iterable");
  ReclaimValue value = lang_arg (nargs, args, nkw, kwnames, 2, "value");
  if (iterable == 0)
    return lang_raise (interp, "TypeError", "fromkeys() missing required argument 'iterable' (pos 1)");
  ReclaimValue od = ordered_construct (interp, 0, 0, NULL, 0, NULL);
  ReclaimValue it = lang_iter (interp, iterable), key;
  int r = it == LANG_ERROR ? -1 : 0;
  while (r == 0 && (r = lang_next (interp, it, &key)) == 1)
    {
      r = lang_store_subscript (interp, od, key, value ? value : scalar_none ());
      lang_decref (interp, key);
    }
  lang_decref (interp, it);
  if (r == 0)
    return od;
  lang_decref (interp, od);
  return LANG_ERROR;
}

static const LangMethodDef ordered_methods[] = {
  { "move_to_end", ordered_move_to_end }, { "popitem", ordered_popitem },
  { "copy", ordered_copy }, { "__copy__", ordered_copy },
  { "__repr__", ordered_repr }, { "__eq__", ordered_eq },
  { NULL },
};

void
collections_dicts_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *dict = lang_builtin_class (interp, "dict");
  LangClass *dd = lang_builtin_type_new (interp, defaultdict_name, dict, RECLAIM_KIND_DICT,
                                         defaultdict_construct, defaultdict_methods, FALSE);

  LangClass *od = lang_builtin_type_new (interp, ordered_name, dict, RECLAIM_KIND_DICT, ordered_construct,
                                         ordered_methods, FALSE);

  collections_add_classmethod (interp, od, "fromkeys", ordered_fromkeys);
  lang_dict_set (interp, ns, scalar_str ("defaultdict", -1), dd->id);
  lang_dict_set (interp, ns, scalar_str ("OrderedDict", -1), od->id);
}
