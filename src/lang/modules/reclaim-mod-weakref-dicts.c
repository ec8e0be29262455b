/* reclaim-mod-weakref-dicts.c: WeakValueDictionary and WeakKeyDictionary.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WeakValueDictionary files each value as a KeyedRef under its plain key;
 * WeakKeyDictionary files each value under a weakref to its key.  The
 * shared helpers and the generators are in
 * reclaim-mod-weakref-containers.c.
 */
#include "reclaim-modules-private.h"

#define WVD MODULES_WVD
#define WKD MODULES_WKD

MODULES_WEAK_ITER_METHOD (wvd_keys, WVD, "keys", ITER_WVD_KEYS)
MODULES_WEAK_ITER_METHOD (wvd_iter, WVD, "__iter__", ITER_WVD_KEYS)
MODULES_WEAK_ITER_METHOD (wvd_values, WVD, "values", ITER_WVD_VALUES)
MODULES_WEAK_ITER_METHOD (wvd_items, WVD, "items", ITER_WVD_ITEMS)

/* ---- what both dictionaries do alike ----------------------------------- */

/* The last entry whose weak side is alive, taken out, as (key, value). */
typedef ReclaimValue (*PopItemFunc) (ReclaimInterp *interp, ReclaimValue self, ReclaimValue data);

/* MutableMapping.update: pairs of a dict or iterable, then the keywords. */
static ReclaimValue
weak_dict_update (ReclaimInterp *interp, const char *cls, ModulesPairFunc store, ReclaimValue self,
                  guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, cls, "update", &self, &nargs, &args, &data))
    return LANG_ERROR;
  if (nargs > 1)
    return lang_raise (interp, "TypeError", "update() takes from 1 to 2 positional arguments but %u were given",
                       nargs + 1);
  if (nargs == 1 && scalar_type (args[0]) != SCALAR_NONE &&
      modules_weak_for_each_pair (interp, self, args[0], store) < 0)
    return LANG_ERROR;
  if (modules_weak_for_each_kwarg (interp, self, nargs, args, nkw, kwnames, store) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
weak_dict_setitem (ReclaimInterp *interp, const char *cls, ModulesPairFunc store, ReclaimValue self,
                   guint nargs, const ReclaimValue *args, guint nkw)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, cls, "__setitem__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__setitem__", nargs, 2, 2, nkw))
    return LANG_ERROR;
  return store (interp, self, args[0], args[1]) < 0 ? LANG_ERROR : scalar_none ();
}

static ReclaimValue
weak_dict_len (ReclaimInterp *interp, const char *cls, ReclaimValue self, guint nargs,
               const ReclaimValue *args, guint nkw)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, cls, "__len__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__len__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_int (lang_dict_length (interp, data));
}

/* MutableMapping.clear: popitem until empty. */
static ReclaimValue
weak_dict_clear (ReclaimInterp *interp, const char *cls, PopItemFunc popitem, ReclaimValue self,
                 guint nargs, const ReclaimValue *args, guint nkw)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, cls, "clear", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "clear", nargs, 0, 0, nkw))
    return LANG_ERROR;
  while (lang_dict_length (interp, data) > 0)
    {
      ReclaimValue item = popitem (interp, self, data);
      if (item == LANG_ERROR)
        {
          lang_error_clear (interp);
          break;
        }
      lang_decref (interp, item);
    }
  return scalar_none ();
}

static ReclaimValue
weak_dict_popitem (ReclaimInterp *interp, const char *cls, PopItemFunc popitem, ReclaimValue self,
                   guint nargs, const ReclaimValue *args, guint nkw)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, cls, "popitem", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "popitem", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return popitem (interp, self, data);
}

/* Which item of an entry (key, value) is held by a weak reference. */
enum { WEAK_SIDE_KEY = 0, WEAK_SIDE_VALUE = 1 };

/* The last entry whose weak side is alive, as (key, value) with the
 * referent in place of the weakref; dead entries on the way are deleted. */
static ReclaimValue
weak_dict_pop_live_entry (ReclaimInterp *interp, ReclaimValue data, guint weak_side)
{
  for (;;)
    {
      guint n = lang_dict_length (interp, data);
      ReclaimValue key, value;
      if (n == 0 || !lang_dict_entry (interp, data, n - 1, &key, &value))
        return lang_raise (interp, "KeyError", "popitem(): dictionary is empty");
      ReclaimValue pair = modules_weak_pair (interp, key, value);
      lang_dict_delete (interp, data, key);
      ReclaimId o = modules_weak_referent (interp, lang_seq_item (interp, pair, weak_side));
      ReclaimValue result = 0;
      if (o && weak_side == WEAK_SIDE_KEY)
        result = modules_weak_pair (interp, o, lang_seq_item (interp, pair, 1));
      else if (o)
        result = modules_weak_pair (interp, lang_seq_item (interp, pair, 0), o);
      lang_decref (interp, pair);
      if (result)
        return result;
    }
}

static ReclaimValue
weak_dict_repr (ReclaimInterp *interp, const char *cls, ReclaimValue self, guint nargs,
                const ReclaimValue *args)
{
  if (!modules_method_self (interp, cls, "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  return modules_weak_repr (interp, self);
}

/* Defines the six methods above for one of the two classes. */
#define WEAK_DICT_COMMON_METHODS(prefix, cls, store, popitem)                                          \
  static ReclaimValue                                                                                \
  prefix##_update (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,  \
                   guint nkw, const char *const *kwnames)                                            \
  {                                                                                                  \
    return weak_dict_update (interp, cls, store, self, nargs, args, nkw, kwnames);                   \
  }                                                                                                  \
  static ReclaimValue                                                                                \
  prefix##_setitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                    guint nkw, const char *const *kwnames)                                           \
  {                                                                                                  \
    return weak_dict_setitem (interp, cls, store, self, nargs, args, nkw);                           \
  }                                                                                                  \
  static ReclaimValue                                                                                \
  prefix##_popitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                    guint nkw, const char *const *kwnames)                                           \
  {                                                                                                  \
    return weak_dict_popitem (interp, cls, popitem, self, nargs, args, nkw);                         \
  }                                                                                                  \
  static ReclaimValue                                                                                \
  prefix##_len (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,     \
                guint nkw, const char *const *kwnames)                                               \
  {                                                                                                  \
    return weak_dict_len (interp, cls, self, nargs, args, nkw);                                      \
  }                                                                                                  \
  static ReclaimValue                                                                                \
  prefix##_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,   \
                  guint nkw, const char *const *kwnames)                                             \
  {                                                                                                  \
    return weak_dict_clear (interp, cls, popitem, self, nargs, args, nkw);                           \
  }                                                                                                  \
  static ReclaimValue                                                                                \
  prefix##_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,    \
                 guint nkw, const char *const *kwnames)                                              \
  {                                                                                                  \
    return weak_dict_repr (interp, cls, self, nargs, args);                                          \
  }

/* ---- WeakValueDictionary ------------------------------------------------ */

/* remove(wr, selfref=ref(self)): _remove_dead_weakref(self.data, wr.key) */
static int
wvd_drop_dead (ReclaimInterp *interp, ReclaimValue data, ReclaimValue wr)
{
  ReclaimValue key = modules_keyedref_key (interp, wr);
  int status = 0;
  if (key)
    {
      ReclaimValue current = lang_dict_get (interp, data, key);
      if (current && reclaim_value_is_object (current) &&
          reclaim_heap_get_kind (interp->heap, current) == RECLAIM_KIND_WEAKREF &&
          modules_weak_referent (interp, current) == 0)
        status = lang_dict_delete (interp, data, key);
    }
  return status < 0 || lang_error_occurred (interp) ? -1 : 0;
}

static ReclaimValue
wvd_remove (ReclaimInterp *interp, ReclaimValue selfref, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return modules_weak_remove_call (interp, selfref, nargs, args, wvd_drop_dead);
}

static int
wvd_store (ReclaimInterp *interp, ReclaimValue self, ReclaimValue key, ReclaimValue value)
{
  ReclaimValue data = modules_attr (interp, self, "data");
  ReclaimValue remove = data ? modules_attr (interp, self, "_remove") : 0;
  if (remove == 0)
    return -1;
  ReclaimValue kr = modules_keyedref_new (interp, value, remove, key);
  if (kr == LANG_ERROR)
    return -1;
  int r = lang_dict_set (interp, data, key, kr);
  lang_decref (interp, kr);
  return r;
}

static ReclaimValue
wvd_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, WVD, "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs > 1)
    return lang_raise (interp, "TypeError", "WeakValueDictionary.__init__() takes from 1 to 2 positional "
                       "arguments but %u were given", nargs + 1);
  ReclaimValue remove = modules_weak_make_remove (interp, self, "remove", wvd_remove);
  if (remove == LANG_ERROR)
    return LANG_ERROR;
  modules_weak_init_bookkeeping (interp, self, remove);
  modules_weak_set_attr (interp, self, "data", lang_dict_new (interp));
  return weak_dict_update (interp, WVD, wvd_store, self, nargs, args, nkw, kwnames);
}

static ReclaimValue
wvd_getitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "__getitem__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__getitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue wr = lang_dict_get (interp, data, args[0]);
  ReclaimId o = wr ? modules_weak_referent (interp, wr) : 0;
  if (o)
    return lang_ref (interp, o);
  return lang_error_occurred (interp) ? LANG_ERROR : lang_raise_value (interp, "KeyError", args[0]);
}

static ReclaimValue
wvd_delitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "__delitem__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__delitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return lang_dict_delete (interp, data, args[0]) < 0 ? LANG_ERROR : scalar_none ();
}

static ReclaimValue
wvd_contains (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "__contains__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__contains__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue wr = lang_dict_get (interp, data, args[0]);
  if (wr == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  return scalar_bool (wr && modules_weak_referent (interp, wr) != 0);
}

static ReclaimValue
wvd_get (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "get", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "get", nargs, 1, 2, nkw))
    return LANG_ERROR;
  ReclaimValue wr = lang_dict_get (interp, data, args[0]);
  if (wr == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  ReclaimId o = wr ? modules_weak_referent (interp, wr) : 0;
  if (o)
    return lang_ref (interp, o);
  return nargs > 1 ? lang_ref (interp, args[1]) : scalar_none ();
}

static ReclaimValue
wvd_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "pop", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "pop", nargs, 1, 2, nkw))
    return LANG_ERROR;
  ReclaimValue wr = lang_dict_get (interp, data, args[0]);
  if (wr == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  ReclaimId o = 0;
  if (wr)
    {
      /* o = self.data.pop(key)(): the referent is held before the ref goes */
      o = modules_weak_referent (interp, wr);
      lang_incref (interp, o);
      lang_dict_delete (interp, data, args[0]);
    }
  if (o)
    return o;
  return nargs > 1 ? lang_ref (interp, args[1]) : lang_raise_value (interp, "KeyError", args[0]);
}

static ReclaimValue
wvd_setdefault (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WVD, "setdefault", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "setdefault", nargs, 1, 2, nkw))
    return LANG_ERROR;
  ReclaimValue wr = lang_dict_get (interp, data, args[0]);
  if (wr == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  ReclaimId o = wr ? modules_weak_referent (interp, wr) : 0;
  if (o)
    return lang_ref (interp, o);
  ReclaimValue dflt = nargs > 1 ? args[1] : scalar_none ();
  if (wvd_store (interp, self, args[0], dflt) < 0)
    return LANG_ERROR;
  return lang_ref (interp, dflt);
}

static ReclaimValue
wvd_popitem_value (ReclaimInterp *interp, ReclaimValue self, ReclaimValue data)
{
  return weak_dict_pop_live_entry (interp, data, WEAK_SIDE_VALUE);
}

MODULES_WEAK_ITER_METHOD (wkd_keys, WKD, "keys", ITER_WKD_KEYS)
MODULES_WEAK_ITER_METHOD (wkd_iter, WKD, "__iter__", ITER_WKD_KEYS)
MODULES_WEAK_ITER_METHOD (wkd_values, WKD, "values", ITER_WKD_VALUES)
MODULES_WEAK_ITER_METHOD (wkd_items, WKD, "items", ITER_WKD_ITEMS)

/* ---- WeakKeyDictionary -------------------------------------------------- */

/* remove(k, selfref=ref(self)): del self.data[k] */
static int
wkd_drop_key (ReclaimInterp *interp, ReclaimValue data, ReclaimValue k)
{
  return lang_dict_contains (interp, data, k) == 1 ? lang_dict_delete (interp, data, k) : 0;
}

static ReclaimValue
wkd_remove (ReclaimInterp *interp, ReclaimValue selfref, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return modules_weak_remove_call (interp, selfref, nargs, args, wkd_drop_key);
}

static int
wkd_store (ReclaimInterp *interp, ReclaimValue self, ReclaimValue key, ReclaimValue value)
{
  ReclaimValue data = modules_attr (interp, self, "data");
  ReclaimValue remove = data ? modules_attr (interp, self, "_remove") : 0;
  if (remove == 0)
    return -1;
  /* self.data[ref(key, self._remove)] = value: an equal key already there
   * keeps its ref, and the new one is dropped afterwards */
  ReclaimValue wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, key, remove, 0);
  if (wr == LANG_ERROR)
    return -1;
  ReclaimValue existing = modules_weak_find (interp, data, key);
  int r = lang_dict_set (interp, data, existing ? existing : wr, value);
  lang_decref (interp, wr);
  return r;
}

static ReclaimValue
wkd_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, WKD, "__init__", &self, &nargs, &args) ||
      !modules_weak_args (interp, "WeakKeyDictionary.__init__", nargs, 0, 1, nkw))
    return LANG_ERROR;
  modules_weak_set_attr (interp, self, "data", lang_dict_new (interp));
  ReclaimValue remove = modules_weak_make_remove (interp, self, "remove", wkd_remove);
  if (remove == LANG_ERROR)
    return LANG_ERROR;
  modules_weak_init_bookkeeping (interp, self, remove);
  lang_setattr (interp, self, "_dirty_len", scalar_bool (FALSE));
  return nargs ? weak_dict_update (interp, WKD, wkd_store, self, nargs, args, 0, NULL) : scalar_none ();
}

/* The value filed under key (borrowed), or 0; *probe gets ref(key). */
static ReclaimValue
wkd_lookup (ReclaimInterp *interp, ReclaimValue data, ReclaimValue key, ReclaimValue *probe, ReclaimValue *entry)
{
  *probe = modules_weak_probe (interp, key);
  *entry = 0;
  if (*probe == LANG_ERROR)
    return 0;
  *entry = modules_weak_find (interp, data, key);
  return *entry ? lang_dict_get (interp, data, *entry) : 0;
}

static ReclaimValue
wkd_getitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data, probe, entry;
  if (!modules_weak_self (interp, WKD, "__getitem__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__getitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue v = wkd_lookup (interp, data, args[0], &probe, &entry);
  if (probe == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue result = v ? lang_ref (interp, v) : lang_raise_value (interp, "KeyError", probe);
  lang_decref (interp, probe);
  return result;
}

/* del / pop: the entry goes, key first, then its value */
static ReclaimValue
wkd_take (ReclaimInterp *interp, ReclaimValue self, ReclaimValue data, ReclaimValue key,
          const ReclaimValue *dflt, gboolean want_value)
{
  ReclaimValue probe, entry;
  lang_setattr (interp, self, "_dirty_len", scalar_bool (TRUE));
  ReclaimValue v = wkd_lookup (interp, data, key, &probe, &entry);
  if (probe == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue result;
  if (v)
    {
      result = want_value ? lang_ref (interp, v) : scalar_none ();
      lang_dict_delete (interp, data, entry);
    }
  else
    result = dflt ? lang_ref (interp, *dflt) : lang_raise_value (interp, "KeyError", probe);
  lang_decref (interp, probe);
  return result;
}

static ReclaimValue
wkd_delitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WKD, "__delitem__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__delitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return wkd_take (interp, self, data, args[0], NULL, FALSE);
}

static ReclaimValue
wkd_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WKD, "pop", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "pop", nargs, 1, 2, nkw))
    return LANG_ERROR;
  return wkd_take (interp, self, data, args[0], nargs > 1 ? &args[1] : NULL, TRUE);
}

static ReclaimValue
wkd_contains (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue data, probe, entry;
  if (!modules_weak_self (interp, WKD, "__contains__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__contains__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  wkd_lookup (interp, data, args[0], &probe, &entry);
  if (probe == LANG_ERROR)
    {
      /* try: wr = ref(key) except TypeError: return False */
      if (!lang_error_matches (interp, "TypeError"))
        return LANG_ERROR;
      lang_error_clear (interp);
      return scalar_bool (FALSE);
    }
  lang_decref (interp, probe);
  return scalar_bool (entry != 0);
}

static ReclaimValue
wkd_get (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  ReclaimValue data, probe, entry;
  if (!modules_weak_self (interp, WKD, "get", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "get", nargs, 1, 2, nkw))
    return LANG_ERROR;
  ReclaimValue v = wkd_lookup (interp, data, args[0], &probe, &entry);
  if (probe == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue result = lang_ref (interp, v ? v : nargs > 1 ? args[1] : scalar_none ());
  lang_decref (interp, probe);
  return result;
}

static ReclaimValue
wkd_setdefault (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WKD, "setdefault", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "setdefault", nargs, 1, 2, nkw))
    return LANG_ERROR;
  ReclaimValue entry = modules_weak_find (interp, data, args[0]);
  if (entry)
    return lang_ref (interp, lang_dict_get (interp, data, entry));
  ReclaimValue dflt = nargs > 1 ? args[1] : scalar_none ();
  if (wkd_store (interp, self, args[0], dflt) < 0)
    return LANG_ERROR;
  return lang_ref (interp, dflt);
}

static ReclaimValue
wkd_popitem_value (ReclaimInterp *interp, ReclaimValue self, ReclaimValue data)
{
  lang_setattr (interp, self, "_dirty_len", scalar_bool (TRUE));
  return weak_dict_pop_live_entry (interp, data, WEAK_SIDE_KEY);
}

WEAK_DICT_COMMON_METHODS (wvd, WVD, wvd_store, wvd_popitem_value)
WEAK_DICT_COMMON_METHODS (wkd, WKD, wkd_store, wkd_popitem_value)

/* ---- the method tables ---------------------------------------------------- */

const LangMethodDef modules_wvd_dunders[] = {
  { "__getitem__", wvd_getitem }, { "__setitem__", wvd_setitem },
  { "__delitem__", wvd_delitem }, { "__len__", wvd_len }, { "__contains__", wvd_contains },
  { "__iter__", wvd_iter }, { "__repr__", wvd_repr }, { NULL, NULL }
};
const LangMethodDef modules_wvd_methods[] = {
  { "__init__", wvd_init },
  { "get", wvd_get }, { "keys", wvd_keys }, { "values", wvd_values }, { "items", wvd_items },
  { "pop", wvd_pop }, { "popitem", wvd_popitem }, { "setdefault", wvd_setdefault },
  { "update", wvd_update }, { "clear", wvd_clear }, { NULL, NULL }
};
const LangMethodDef modules_wkd_dunders[] = {
  { "__getitem__", wkd_getitem }, { "__setitem__", wkd_setitem },
  { "__delitem__", wkd_delitem }, { "__len__", wkd_len }, { "__contains__", wkd_contains },
  { "__iter__", wkd_iter }, { "__repr__", wkd_repr }, { NULL, NULL }
};
const LangMethodDef modules_wkd_methods[] = {
  { "__init__", wkd_init },
  { "get", wkd_get }, { "keys", wkd_keys }, { "values", wkd_values }, { "items", wkd_items },
  { "pop", wkd_pop }, { "popitem", wkd_popitem }, { "setdefault", wkd_setdefault },
  { "update", wkd_update }, { "clear", wkd_clear }, { NULL, NULL }
};
