/* reclaim-mod-weakref-containers.c: what WeakValueDictionary,
 * WeakKeyDictionary and WeakSet share, their generators, and WeakSet.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in Lib/weakref.py and Lib/_weakrefset.py, an instance holds `data`
 * (a dict or set), `_remove` (the callback of every weakref it makes; it
 * holds only a weak reference back to the container, so the container dies
 * by reference counting), `_pending_removals` and `_iterating`.  An entry
 * goes at once when its referent dies, from inside the weakref callback.
 *
 * WeakKeyDictionary and WeakSet file weakrefs to the keys; python3 finds
 * them by hash and equality of the referents, here by walking the
 * referent's weakref list for one that is in `data`.  Lookups still make
 * the temporary ref(key) python3 makes, for the same errors and
 * allocations.
 *
 * Not modelled: deferring removals while an iteration runs
 * (_IterationGuard); entries are removed at once, which iteration here
 * tolerates, and len() agrees because python3 subtracts the pending ones.
 */
#include "reclaim-modules-private.h"

#define WEAKSET MODULES_WEAKSET

/* ---- shared ------------------------------------------------------------ */

/* self for a dunder (args[0]) or a bound method, then its `data`. */
gboolean
modules_weak_self (ReclaimInterp *interp, const char *cls, const char *method, ReclaimValue *self,
                   guint *nargs, const ReclaimValue **args, ReclaimValue *data)
{
  if (!modules_method_self (interp, cls, method, self, nargs, args))
    return FALSE;
  /* An instance of a user subclass without an __init__ of its own: python3
   * would have run the inherited one, but the evaluator only looks in the
   * class namespaces, so run ours now. */
  LangClass *own = lang_class_of (interp, *self);
  if (!own->methods && lang_eval_class_lookup (interp, own, "__init__") == 0)
    {
      ReclaimValue existing = lang_lookup_attr (interp, *self, "data");
      lang_decref (interp, existing);
      if (existing == 0 && (lang_error_occurred (interp) || modules_init_instance (interp, *self) < 0))
        return FALSE;
    }
  *data = modules_attr (interp, *self, "data");
  return *data != 0;
}

gboolean
modules_weak_args (ReclaimInterp *interp, const char *name, guint nargs, guint min, guint max, guint nkw)
{
  if (nkw > 0)
    {
      lang_raise (interp, "TypeError", "%s() takes no keyword arguments", name);
      return FALSE;
    }
  if (nargs < min)
    {
      lang_raise (interp, "TypeError", "%s() missing %u required positional argument%s", name, min - nargs,
                  min - nargs == 1 ? "" : "s");
      return FALSE;
    }
  if (nargs > max)
    {
      lang_raise (interp, "TypeError", "%s() takes %u positional argument%s but %u were given", name, max + 1,
                  max == 0 ? "" : "s", nargs + 1);
      return FALSE;
    }
  return TRUE;
}

ReclaimId
modules_weak_referent (ReclaimInterp *interp, ReclaimValue wr)
{
  if (!reclaim_value_is_object (wr) || reclaim_heap_get_kind (interp->heap, wr) != RECLAIM_KIND_WEAKREF)
    return 0;
  return reclaim_heap_weakref_get_referent (interp->heap, wr);
}

/* The weakref to obj that `data` (a dict keyed by weakrefs, or a set of
 * them) holds, or 0 (borrowed). */
ReclaimValue
modules_weak_find (ReclaimInterp *interp, ReclaimValue data, ReclaimValue obj)
{
  gboolean is_set = reclaim_heap_get_kind (interp->heap, data) == RECLAIM_KIND_SET;

  if (!modules_supports_weakrefs (interp, obj))
    return 0;
  for (ReclaimId w = reclaim_heap_weakref_first (interp->heap, obj); w;
       w = reclaim_heap_weakref_next (interp->heap, w))
    if ((is_set ? lang_set_contains (interp, data, w) : lang_dict_contains (interp, data, w)) == 1)
      return w;
  return 0;
}

/* ref(obj) as python3's lookups make it (a new reference). */
ReclaimValue
modules_weak_probe (ReclaimInterp *interp, ReclaimValue obj)
{
  return modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, obj, 0, 0);
}

/* The instance's attributes, in the order CPython's __init__ sets them. */
void
modules_weak_set_attr (ReclaimInterp *interp, ReclaimValue self, const char *name, ReclaimValue v)
{
  lang_setattr (interp, self, name, v);
  lang_decref (interp, v);
}

/* `def remove(wr, selfref=ref(self)): ...`: a function holding a weak
 * reference to its container. */
ReclaimValue
modules_weak_make_remove (ReclaimInterp *interp, ReclaimValue self, const char *name, LangNativeFunc func)
{
  ReclaimValue selfref = modules_weak_probe (interp, self);
  if (selfref == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue remove = lang_native_new (interp, name, func, selfref);
  lang_decref (interp, selfref);
  return remove;
}

ReclaimValue
modules_weak_remove_call (ReclaimInterp *interp, ReclaimValue selfref, guint nargs, const ReclaimValue *args,
                          ModulesDropFunc drop)
{
  ReclaimId container = selfref ? reclaim_heap_weakref_get_referent (interp->heap, selfref) : 0;
  if (container == 0 || nargs < 1)
    return scalar_none ();
  ReclaimValue arg = lang_ref (interp, args[0]);
  lang_incref (interp, container);
  ReclaimValue data = modules_attr (interp, container, "data");
  int status = data ? drop (interp, data, arg) : -1;
  lang_decref (interp, container);
  lang_decref (interp, arg);
  return status < 0 ? LANG_ERROR : scalar_none ();
}

void
modules_weak_init_bookkeeping (ReclaimInterp *interp, ReclaimValue self, ReclaimValue remove)
{
  modules_weak_set_attr (interp, self, "_remove", remove);
  modules_weak_set_attr (interp, self, "_pending_removals", lang_list_new (interp));
  modules_weak_set_attr (interp, self, "_iterating", lang_set_new (interp));
}

ReclaimValue
modules_weak_repr (ReclaimInterp *interp, ReclaimValue self)
{
  g_autofree char *addr = lang_address_text (self);
  g_autofree char *text = g_strdup_printf ("<%s at %s>", lang_type_name (interp, self), addr);
  return scalar_str (text, -1);
}

int
modules_weak_for_each_pair (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other, ModulesPairFunc func)
{
  GPtrArray *items;
  int status = 0;

  if (lang_is_builtin_kind (interp, other, RECLAIM_KIND_DICT))
    {
      /* a snapshot: func may change `other` through callbacks */
      items = g_ptr_array_new ();
      ReclaimValue k, v;
      for (guint pos = 0; lang_dict_next_entry (interp, other, &pos, &k, &v);)
        {
          ReclaimValue pair[] = { lang_ref (interp, k), lang_ref (interp, v) };
          g_ptr_array_add (items, GUINT_TO_POINTER (lang_tuple_new (interp, 2, pair)));
        }
    }
  else
    {
      /* `if not hasattr(other, "items"): other = dict(other)`, then its items() */
      ReclaimValue method = lang_lookup_attr (interp, other, "items");
      ReclaimValue pairs = method ? lang_call (interp, method, 0, NULL, 0, NULL) : lang_ref (interp, other);
      lang_decref (interp, method);
      if (pairs == LANG_ERROR)
        return -1;
      items = lang_sequence_to_array (interp, pairs);
      lang_decref (interp, pairs);
      if (items == NULL)
        return -1;
    }
  for (guint i = 0; i < items->len; i++)
    {
      ReclaimValue item = GPOINTER_TO_UINT (items->pdata[i]);
      if (status == 0)
        {
          ReclaimKind kind = reclaim_value_is_object (item) ? reclaim_heap_get_kind (interp->heap, item)
                                                            : RECLAIM_N_KINDS;
          if (kind != RECLAIM_KIND_TUPLE && kind != RECLAIM_KIND_LIST)
            {
              lang_raise (interp, "TypeError",
                          "cannot convert dictionary update sequence element #%u to a sequence", i);
              status = -1;
            }
          else if (lang_seq_length (interp, item) != 2)
            {
              lang_raise (interp, "ValueError", "dictionary update sequence element #%u has length %u; 2 is required",
                          i, lang_seq_length (interp, item));
              status = -1;
            }
          else
            status = func (interp, self, lang_seq_item (interp, item, 0), lang_seq_item (interp, item, 1));
        }
      lang_decref (interp, item);
    }
  g_ptr_array_unref (items);
  return status;
}

int
modules_weak_for_each_kwarg (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                             guint nkw, const char *const *kwnames, ModulesPairFunc func)
{
  for (guint k = 0; k < nkw; k++)
    if (func (interp, self, scalar_str (kwnames[k], -1), args[nargs + k]) < 0)
      return -1;
  return 0;
}

/* ---- iteration: the generators of keys(), values(), items(), __iter__ --- */


ReclaimValue
modules_weak_pair (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue items[] = { lang_ref (interp, a), lang_ref (interp, b) };
  return lang_tuple_new (interp, 2, items);
}

/* What the generator's frame holds: the container (slot 0), as `self`,
 * and the object it last yielded (slot 1), as its local `item` / `obj` /
 * `v` / `key`, which keeps that object alive while the generator is
 * suspended. */
enum { ITER_SLOT_SELF, ITER_SLOT_ITEM };

static ReclaimValue
yield_item (ReclaimInterp *interp, ReclaimValue it, ReclaimValue held, ReclaimValue result)
{
  reclaim_heap_slot_set (interp->heap, it, ITER_SLOT_ITEM, lang_ref (interp, held));
  return result;
}

/* The next item whose referent is alive; when done, the generator lets go
 * of its container and its last item, as a finished frame does. */
static ReclaimValue
weak_iter_next (ReclaimInterp *interp, ReclaimValue it, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, it);
  ReclaimValue owner = reclaim_heap_slot_get (interp->heap, it, ITER_SLOT_SELF);
  ModulesWeakIterMode mode = GPOINTER_TO_INT (state->data);

  if (owner == RECLAIM_VALUE_NONE)
    return LANG_ERROR;
  ReclaimValue data = modules_attr (interp, owner, "data");
  if (data == 0)
    return LANG_ERROR;
  if (mode == ITER_WEAKSET)
    {
      guint n = reclaim_heap_n_slots (interp->heap, data);
      while (state->next < n)
        {
          ReclaimId o = modules_weak_referent (interp, reclaim_heap_slot_get (interp->heap, data, state->next++));
          if (o)
            return yield_item (interp, it, o, lang_ref (interp, o));
        }
    }
  else
    {
      ReclaimValue k, v;
      while (lang_dict_next_entry (interp, data, &state->next, &k, &v))
        {
          gboolean by_value = mode <= ITER_WVD_ITEMS;
          ReclaimId o = modules_weak_referent (interp, by_value ? v : k);
          if (o == 0)
            continue;
          switch (mode)
            {
            case ITER_WVD_KEYS: return yield_item (interp, it, k, lang_ref (interp, k));
            case ITER_WVD_VALUES: return yield_item (interp, it, o, lang_ref (interp, o));
            case ITER_WVD_ITEMS: return yield_item (interp, it, o, modules_weak_pair (interp, k, o));
            case ITER_WKD_KEYS: return yield_item (interp, it, o, lang_ref (interp, o));
            case ITER_WKD_VALUES: return yield_item (interp, it, v, lang_ref (interp, v));
            case ITER_WKD_ITEMS: return yield_item (interp, it, o, modules_weak_pair (interp, o, v));
            default: break;
            }
        }
    }
  reclaim_heap_slot_set (interp->heap, it, ITER_SLOT_SELF, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_set (interp->heap, it, ITER_SLOT_ITEM, RECLAIM_VALUE_NONE);
  return LANG_ERROR;
}

ReclaimValue
modules_weak_iter_new (ReclaimInterp *interp, ReclaimValue self, ModulesWeakIterMode mode)
{
  ReclaimValue it = lang_native_iter_new (interp, "weakref_iterator", weak_iter_next, 1, &self);
  reclaim_heap_slot_append (interp->heap, it, RECLAIM_ROLE_OTHER, "item", RECLAIM_VALUE_NONE);
  lang_iter_state (interp, it)->data = GINT_TO_POINTER (mode);
  return it;
}

/* ---- WeakSet -------------------------------------------------------------- */

MODULES_WEAK_ITER_METHOD (weakset_iter, WEAKSET, "__iter__", ITER_WEAKSET)


/* _remove(item, selfref=ref(self)): self.data.discard(item) */
static int
weakset_discard_ref (ReclaimInterp *interp, ReclaimValue data, ReclaimValue item)
{
  return lang_set_discard (interp, data, item);
}

static ReclaimValue
weakset_remove_ref (ReclaimInterp *interp, ReclaimValue selfref, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  return modules_weak_remove_call (interp, selfref, nargs, args, weakset_discard_ref);
}

static int
weakset_store (ReclaimInterp *interp, ReclaimValue self, ReclaimValue item)
{
  ReclaimValue data = modules_attr (interp, self, "data");
  ReclaimValue remove = data ? modules_attr (interp, self, "_remove") : 0;
  if (remove == 0)
    return -1;
  /* self.data.add(ref(item, self._remove)): a member already there stays */
  ReclaimValue wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, item, remove, 0);
  if (wr == LANG_ERROR)
    return -1;
  int r = modules_weak_find (interp, data, item) ? 0 : lang_set_add (interp, data, wr);
  lang_decref (interp, wr);
  return r;
}

static ReclaimValue
weakset_update (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "update", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "update", nargs, 1, 1, nkw))
    return LANG_ERROR;
  GPtrArray *items = lang_sequence_to_array (interp, args[0]);
  if (items == NULL)
    return LANG_ERROR;
  int status = 0;
  for (guint i = 0; i < items->len; i++)
    {
      ReclaimValue item = GPOINTER_TO_UINT (items->pdata[i]);
      if (status == 0)
        status = weakset_store (interp, self, item);
      lang_decref (interp, item);
    }
  g_ptr_array_unref (items);
  return status < 0 ? LANG_ERROR : scalar_none ();
}

static ReclaimValue
weakset_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, WEAKSET, "__init__", &self, &nargs, &args) ||
      !modules_weak_args (interp, "WeakSet.__init__", nargs, 0, 1, nkw))
    return LANG_ERROR;
  modules_weak_set_attr (interp, self, "data", lang_set_new (interp));
  ReclaimValue remove = modules_weak_make_remove (interp, self, "_remove", weakset_remove_ref);
  if (remove == LANG_ERROR)
    return LANG_ERROR;
  modules_weak_init_bookkeeping (interp, self, remove);
  if (nargs == 0 || scalar_type (args[0]) == SCALAR_NONE)
    return scalar_none ();
  return weakset_update (interp, self, 1, args, 0, NULL);
}

static ReclaimValue
weakset_add (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "add", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "add", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return weakset_store (interp, self, args[0]) < 0 ? LANG_ERROR : scalar_none ();
}

/* discard / remove: self.data.discard(ref(item)) */
static ReclaimValue
weakset_drop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *method, gboolean must_exist)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, method, &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, method, nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue probe = modules_weak_probe (interp, args[0]);
  if (probe == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue entry = modules_weak_find (interp, data, args[0]);
  ReclaimValue result = scalar_none ();
  if (entry)
    lang_set_discard (interp, data, entry);
  else if (must_exist)
    result = lang_raise_value (interp, "KeyError", probe);
  lang_decref (interp, probe);
  return result;
}

static ReclaimValue
weakset_discard (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return weakset_drop (interp, self, nargs, args, nkw, "discard", FALSE);
}

static ReclaimValue
weakset_remove (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  return weakset_drop (interp, self, nargs, args, nkw, "remove", TRUE);
}

static ReclaimValue
weakset_contains (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "__contains__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__contains__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue probe = modules_weak_probe (interp, args[0]);
  if (probe == LANG_ERROR)
    {
      if (!lang_error_matches (interp, "TypeError"))
        return LANG_ERROR;
      lang_error_clear (interp);
      return scalar_bool (FALSE);
    }
  gboolean found = modules_weak_find (interp, data, args[0]) != 0;
  lang_decref (interp, probe);
  return scalar_bool (found);
}

static ReclaimValue
weakset_len (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "__len__", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "__len__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  gssize n = lang_length (interp, data);
  return n < 0 ? LANG_ERROR : scalar_int (n);
}

static ReclaimValue
weakset_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "pop", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "pop", nargs, 0, 0, nkw))
    return LANG_ERROR;
  for (guint i = 0; i < reclaim_heap_n_slots (interp->heap, data); i++)
    {
      ReclaimValue wr = reclaim_heap_slot_get (interp->heap, data, i);
      if (wr == RECLAIM_VALUE_NONE)
        continue;
      ReclaimId o = modules_weak_referent (interp, wr);
      lang_incref (interp, o);
      lang_set_discard (interp, data, wr);
      if (o)
        return o;
    }
  return lang_raise (interp, "KeyError", "pop from empty WeakSet");
}

static ReclaimValue
weakset_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "clear", &self, &nargs, &args, &data) ||
      !modules_weak_args (interp, "clear", nargs, 0, 0, nkw))
    return LANG_ERROR;
  for (guint i = 0; i < reclaim_heap_n_slots (interp->heap, data); i++)
    {
      ReclaimValue wr = reclaim_heap_slot_get (interp->heap, data, i);
      if (wr != RECLAIM_VALUE_NONE)
        lang_set_discard (interp, data, wr);
    }
  return scalar_none ();
}

/* repr(self.data) */
static ReclaimValue
weakset_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue data;
  if (!modules_weak_self (interp, WEAKSET, "__repr__", &self, &nargs, &args, &data))
    return LANG_ERROR;
  g_autofree char *text = lang_repr (interp, data);
  return text ? scalar_str (text, -1) : LANG_ERROR;
}

/* ---- the classes ---------------------------------------------------------- */

MODULES_CONSTRUCTOR (wvd_construct, MODULES_WVD)
MODULES_CONSTRUCTOR (wkd_construct, MODULES_WKD)
MODULES_CONSTRUCTOR (weakset_construct, WEAKSET)

static const LangMethodDef weakset_dunders[] = {
  { "__len__", weakset_len }, { "__contains__", weakset_contains },
  { "__iter__", weakset_iter }, { "__repr__", weakset_repr }, { NULL, NULL }
};
static const LangMethodDef weakset_methods[] = {
  { "__init__", weakset_init },
  { "add", weakset_add }, { "discard", weakset_discard }, { "remove", weakset_remove },
  { "pop", weakset_pop }, { "clear", weakset_clear }, { "update", weakset_update }, { NULL, NULL }
};

void
modules_weakref_containers_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *wvd = modules_class_new (interp, "weakref", MODULES_WVD, wvd_construct, modules_wvd_dunders,
                                      modules_wvd_methods);
  LangClass *wkd = modules_class_new (interp, "weakref", MODULES_WKD, wkd_construct, modules_wkd_dunders,
                                      modules_wkd_methods);
  LangClass *ws = modules_class_new (interp, "_weakrefset", WEAKSET, weakset_construct, weakset_dunders,
                                     weakset_methods);

  lang_dict_set (interp, ns, scalar_str (MODULES_WVD, -1), wvd->id);
  lang_dict_set (interp, ns, scalar_str (MODULES_WKD, -1), wkd->id);
  lang_dict_set (interp, ns, scalar_str (WEAKSET, -1), ws->id);
}
