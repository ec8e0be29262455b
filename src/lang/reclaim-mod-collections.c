/* reclaim-mod-collections.c: the collections module.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * deque and defaultdict are types written in C in CPython (_collections);
 * here they are builtin types whose type slots the object protocol finds
 * among their methods (see LANG_TYPE_GETSET in reclaim-runtime.h).
 * OrderedDict, Counter and namedtuple are not modelled: the subset check
 * refuses them as missing attributes of the module.
 */
#include "reclaim-mod-collections-private.h"

/* Only one script runs at a time in a process: the set of objects whose
 * repr is being made can be shared. */
static GHashTable *repr_active;

gboolean
collections_repr_enter (ReclaimValue v)
{
  if (repr_active == NULL)
    repr_active = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (repr_active, GUINT_TO_POINTER (v)))
    return FALSE;
  g_hash_table_add (repr_active, GUINT_TO_POINTER (v));
  return TRUE;
}

void
collections_repr_leave (ReclaimValue v)
{
  g_hash_table_remove (repr_active, GUINT_TO_POINTER (v));
}

ReclaimValue
collections_not_implemented (ReclaimInterp *interp)
{
  return lang_ref (interp, lang_dict_get (interp, interp->builtins, scalar_str ("NotImplemented", -1)));
}

void
modules_collections_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "collections");

  collections_deque_init (interp, ns);
  collections_dicts_init (interp, ns);
  modules_new_module (interp, "collections", ns);
  lang_decref (interp, ns);
}
