/* reclaim-mod-collections.c: the collections module.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * deque, defaultdict and OrderedDict are types written in C in CPython
 * (_collections), Counter a class written in Python; here all are builtin
 * types whose type slots the object protocol finds among their methods
 * (see LANG_TYPE_GETSET in reclaim-runtime.h).  The dict subclasses are
 * dicts (kind RECLAIM_KIND_DICT) whose class is the type: the dict's
 * entries are theirs, the dict methods work on them.  namedtuple makes
 * tuple subclasses.  ChainMap and the User* classes are not modelled: the
 * subset check refuses them as missing attributes of the module.
 */
#include "reclaim-mod-collections-private.h"

#include <string.h>

static LangNativeFunc
find_dict_method (ReclaimInterp *interp, const char *name)
{
  LangClass *dict = lang_builtin_class (interp, "dict");
  return g_hash_table_lookup (dict->methods, name);
}

/* Only one script runs at a time in a process: the set of objects whose
 * repr is being made can be shared. */
gboolean
collections_self (ReclaimInterp *interp, const char *type_name, const char *method, ReclaimValue *self,
                  guint *nargs, const ReclaimValue **args)
{
  if (*self == 0 && *nargs > 0)
    {
      *self = (*args)[0];
      (*args)++;
      (*nargs)--;
    }
  if (*self != 0 && reclaim_value_is_object (*self) && lang_is_instance (interp, *self, type_name))
    return TRUE;
  lang_raise (interp, "TypeError", "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
              method, type_name, *self ? lang_type_name (interp, *self) : "NoneType");
  return FALSE;
}

const char *
collections_short_name (const char *type_name)
{
  const char *dot = strrchr (type_name, '.');
  return dot ? dot + 1 : type_name;
}

ReclaimValue
collections_dict_alloc (ReclaimInterp *interp, const char *type_name, gboolean weakrefs)
{
  LangClass *cls = lang_builtin_class (interp, type_name);
  /* made by type_call: never from the dict free list, tracked at once */
  return reclaim_heap_alloc (interp->heap, RECLAIM_KIND_DICT, cls->id, NULL,
                             RECLAIM_ALLOC_NO_FREELIST | (weakrefs ? RECLAIM_ALLOC_WEAKREFS : 0));
}

ReclaimValue
collections_dict_update (ReclaimInterp *interp, ReclaimValue dict, guint nargs, const ReclaimValue *args,
                         guint nkw, const char *const *kwnames)
{
  LangNativeFunc update = find_dict_method (interp, "update");
  return update (interp, dict, nargs, args, nkw, kwnames);
}

ReclaimValue
collections_not_implemented (ReclaimInterp *interp)
{
  return lang_ref (interp, lang_dict_get (interp, interp->builtins, scalar_str ("NotImplemented", -1)));
}

void
collections_add_classmethod (ReclaimInterp *interp, LangClass *cls, const char *name, LangNativeFunc func)
{
  if (cls->ns == 0)
    {
      cls->ns = lang_dict_new (interp);
      reclaim_heap_slot_append (interp->heap, cls->id, RECLAIM_ROLE_OTHER, "__dict__", cls->ns);
    }
  g_autofree char *qualname = g_strdup_printf ("%s.%s", collections_short_name (cls->name), name);
  ReclaimValue native = lang_native_new (interp, qualname, func, 0);
  LangClass *classmethod = lang_builtin_class (interp, "classmethod");
  ReclaimValue wrapped = lang_call (interp, classmethod->id, 1, &native, 0, NULL);
  lang_decref (interp, native);
  modules_add_value (interp, cls->ns, name, wrapped);
}

void
modules_collections_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "collections");

  collections_deque_init (interp, ns);
  collections_dicts_init (interp, ns);
  collections_counter_init (interp, ns);
  collections_namedtuple_init (interp, ns);
  modules_new_module (interp, "collections", ns);
  lang_decref (interp, ns);
}
