/* reclaim-mod-collections-dicts.c: collections.defaultdict.
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

static gboolean
is_defaultdict (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && lang_is_instance (interp, v, defaultdict_name);
}

static ReclaimValue
factory_of (ReclaimInterp *interp, ReclaimValue dd)
{
  return reclaim_heap_slot_get (H (interp), dd, FACTORY_SLOT);
}

static gboolean
defaultdict_self (ReclaimInterp *interp, const char *method, ReclaimValue *self, guint *nargs,
                  const ReclaimValue **args)
{
  if (*self == 0 && *nargs > 0)
    {
      *self = (*args)[0];
      (*args)++;
      (*nargs)--;
    }
  if (is_defaultdict (interp, *self))
    return TRUE;
  lang_raise (interp, "TypeError", "descriptor '%s' for 'collections.defaultdict' objects doesn't apply to a '%s' object",
              method, *self ? lang_type_name (interp, *self) : "NoneType");
  return FALSE;
}

/* A defaultdict with the factory (stolen) in its vacant entry 0, and no items. */
static ReclaimValue
defaultdict_alloc (ReclaimInterp *interp, ReclaimValue factory)
{
  LangClass *cls = lang_builtin_class (interp, defaultdict_name);
  /* made by type_call, not from the dict free list, and tracked at once */
  ReclaimValue dd = reclaim_heap_alloc (H (interp), RECLAIM_KIND_DICT, cls->id, NULL, RECLAIM_ALLOC_NO_FREELIST);

  reclaim_heap_slot_append (H (interp), dd, RECLAIM_ROLE_KEY, NULL, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (H (interp), dd, RECLAIM_ROLE_OTHER, "default_factory", factory);
  lang_table_get (interp, dd)->entries = 1;
  return dd;
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
  ReclaimValue dd = defaultdict_alloc (interp, lang_ref (interp, factory));
  LangNativeFunc update = lang_find_builtin_method (interp, dd, "update");
  ReclaimValue r = update (interp, dd, nargs > 0 ? nargs - 1 : 0, args + (nargs > 0), nkw, kwnames);
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
  if (!defaultdict_self (interp, "__missing__", &self, &nargs, &args) ||
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
  if (!collections_repr_enter (dict))
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
  collections_repr_leave (dict);
  g_string_append (out, "}");
  return g_string_free (out, !ok);
}

/* defdict_repr: "defaultdict(<class 'list'>, {...})" */
static ReclaimValue
defaultdict_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!defaultdict_self (interp, "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  g_autofree char *base = entries_repr (interp, self);
  if (base == NULL)
    return LANG_ERROR;
  ReclaimValue factory = factory_of (interp, self);
  g_autofree char *factory_repr = NULL;
  if (!collections_repr_enter (factory))
    factory_repr = g_strdup ("...");
  else
    {
      factory_repr = lang_repr (interp, factory);
      collections_repr_leave (factory);
    }
  if (factory_repr == NULL)
    return LANG_ERROR;
  const char *name = lang_class_of (interp, self)->name, *dot = strrchr (name, '.');
  g_autofree char *text = g_strdup_printf ("%s(%s, %s)", dot ? dot + 1 : name, factory_repr, base);
  return scalar_str (text, -1);
}

/* defdict_copy: defaultdict(self.default_factory, self) */
static ReclaimValue
defaultdict_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!defaultdict_self (interp, "copy", &self, &nargs, &args) ||
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
  if (!defaultdict_self (interp, "clear", &self, &nargs, &args) ||
      !lang_check_args (interp, "dict.clear", nargs, 0, 0, nkw))
    return LANG_ERROR;
  /* the items go; the factory's slot is filled again before it is let go */
  ReclaimValue factory = lang_ref (interp, factory_of (interp, self));
  lang_dict_clear (interp, self);
  reclaim_heap_slot_append (H (interp), self, RECLAIM_ROLE_KEY, NULL, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (H (interp), self, RECLAIM_ROLE_OTHER, "default_factory", factory);
  lang_table_get (interp, self)->entries = 1;
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

void
collections_dicts_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *dict = lang_builtin_class (interp, "dict");
  LangClass *dd = lang_builtin_type_new (interp, defaultdict_name, dict, RECLAIM_KIND_DICT,
                                         defaultdict_construct, defaultdict_methods, FALSE);

  lang_dict_set (interp, ns, scalar_str ("defaultdict", -1), dd->id);
}
