/* reclaim-container-subclass.c: user classes based on list or dict.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An instance of `class Stack(list)` is a list object of that class: its
 * items are its slots, as a list's are, so every list operation works on
 * it unchanged.  Its attributes live in a real __dict__ dict beside the
 * items (the heap's instance dict, CPython's managed dict pointer): list
 * and dict subclasses never get inline values in 3.11, because their
 * tp_new is not object_new.  On death the __del__ runs, then the dict
 * goes, then the items (list_dealloc: last first), then the class.
 *
 * The builtin types also get the dunder methods a subclass reaches
 * through super() or `list.__init__(self)`: __init__, __getitem__,
 * __setitem__, __delitem__, __len__, __contains__, __iter__, __repr__.
 * They work on the items directly, never through the subclass's own
 * overrides, as CPython's slot wrappers do.
 */
#include "reclaim-interp-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-eval-private.h"
#include "reclaim-builtins-private.h"

#include <string.h>

gboolean
lang_is_container_instance (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_class (interp->heap, v) == 0)
    return FALSE;
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  /* a module's own type based on dict (defaultdict, Counter) is not one:
   * its attributes are its type's */
  return (kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_DICT) && !lang_class_of (interp, v)->builtin;
}

/* type_new: a class based on list or dict (directly or through another
 * user class) makes list or dict objects. */
ReclaimKind
lang_container_instance_kind (ReclaimInterp *interp, LangClass *base)
{
  if (base == lang_builtin_class (interp, "list") || base == lang_builtin_class (interp, "dict"))
    return base->instance_kind;
  return base->builtin ? RECLAIM_KIND_INSTANCE : base->instance_kind;
}

ReclaimValue
lang_container_instance_new (ReclaimInterp *interp, LangClass *cls)
{
  /* dict_new leaves only exact dicts untracked; a subtype is never taken
   * from a free list */
  ReclaimAllocFlags flags = RECLAIM_ALLOC_NO_FREELIST;
  if (cls->has_del)
    flags |= RECLAIM_ALLOC_HAS_FINALIZER;
  ReclaimValue obj = reclaim_heap_alloc (interp->heap, cls->instance_kind, cls->id, NULL, flags);
  if (cls->instance_kind == RECLAIM_KIND_LIST)
    reclaim_heap_set_capacity (interp->heap, obj, RECLAIM_CAPACITY_NO_ITEMS);   /* list_new: no items yet */
  return obj;
}

/* The instance's __dict__ (borrowed), made empty when `create` and it has
 * none yet; 0 otherwise. */
ReclaimValue
lang_container_instance_dict (ReclaimInterp *interp, ReclaimValue obj, gboolean create)
{
  ReclaimValue dict = reclaim_heap_get_instance_dict (interp->heap, obj);
  if (dict || !create)
    return dict;
  dict = lang_dict_new (interp);
  lang_keys_forget (interp, dict);   /* its keys are shared with the class's */
  reclaim_heap_set_instance_dict (interp->heap, obj, dict);
  return dict;
}

/* ---- the builtin types' dunders ---------------------------------------- */

static gboolean
list_index (ReclaimInterp *interp, ReclaimValue self, ReclaimValue key, const char *what, guint *out)
{
  ScalarType t = scalar_type (key);
  if (t != SCALAR_INT && t != SCALAR_BOOL)
    {
      lang_raise (interp, "TypeError", "list indices must be integers or slices, not %s",
                  lang_type_name (interp, key));
      return FALSE;
    }
  gint64 n = reclaim_heap_n_slots (interp->heap, self), i = scalar_get_int (key);
  if (i < 0)
    i += n;
  if (i < 0 || i >= n)
    {
      lang_raise (interp, "IndexError", "%s index out of range", what);
      return FALSE;
    }
  *out = (guint) i;
  return TRUE;
}

static gboolean
is_dict (ReclaimInterp *interp, ReclaimValue self)
{
  return reclaim_heap_get_kind (interp->heap, self) == RECLAIM_KIND_DICT;
}

static ReclaimValue
container_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (is_dict (interp, self))
    {
      if (!lang_check_args (interp, "dict", nargs, 0, 1, 0))
        return LANG_ERROR;
      if (nargs == 1 && builtins_dict_update (interp, self, args[0]) < 0)
        return LANG_ERROR;
      for (guint i = 0; i < nkw; i++)
        if (lang_dict_set (interp, self, scalar_str (kwnames[i], -1), args[nargs + i]) < 0)
          return LANG_ERROR;
      return scalar_none ();
    }
  if (!lang_check_args (interp, "list", nargs, 0, 1, nkw))
    return LANG_ERROR;
  /* list.__init__ empties the list first */
  if (reclaim_heap_n_slots (interp->heap, self) > 0)
    reclaim_heap_clear (interp->heap, self);
  if (nargs == 1 && builtins_list_extend (interp, self, args[0]) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

/* A slice as the key of a list's item slots: its three values. */
static gboolean
slice_key (ReclaimInterp *interp, ReclaimValue key, ReclaimValue parts[3])
{
  if (!lang_is_slice (interp, key))
    return FALSE;
  lang_slice_parts (interp, key, parts);
  return TRUE;
}

static ReclaimValue
container_getitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  guint i;
  if (!lang_check_args (interp, "__getitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (is_dict (interp, self))
    return lang_dict_subscript (interp, self, args[0]);
  ReclaimValue parts[3];
  if (slice_key (interp, args[0], parts))
    return builtins_list_get_slice (interp, self, parts[0], parts[1], parts[2]);
  if (!list_index (interp, self, args[0], "list", &i))
    return LANG_ERROR;
  return lang_ref (interp, reclaim_heap_slot_get (interp->heap, self, i));
}

static ReclaimValue
container_setitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  guint i;
  if (!lang_check_args (interp, "__setitem__", nargs, 2, 2, nkw))
    return LANG_ERROR;
  if (is_dict (interp, self))
    return lang_dict_set (interp, self, args[0], args[1]) < 0 ? LANG_ERROR : scalar_none ();
  ReclaimValue parts[3];
  if (slice_key (interp, args[0], parts))
    return builtins_list_store_slice (interp, self, parts[0], parts[1], parts[2], args[1]) < 0 ? LANG_ERROR
                                                                                                : scalar_none ();
  if (!list_index (interp, self, args[0], "list assignment", &i))
    return LANG_ERROR;
  reclaim_heap_slot_set (interp->heap, self, i, lang_ref (interp, args[1]));
  return scalar_none ();
}

static ReclaimValue
container_delitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  guint i;
  if (!lang_check_args (interp, "__delitem__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (is_dict (interp, self))
    return lang_dict_delete (interp, self, args[0]) < 0 ? LANG_ERROR : scalar_none ();
  ReclaimValue parts[3];
  if (slice_key (interp, args[0], parts))
    return builtins_list_delete_slice (interp, self, parts[0], parts[1], parts[2]) < 0 ? LANG_ERROR
                                                                                      : scalar_none ();
  if (!list_index (interp, self, args[0], "list assignment", &i))
    return LANG_ERROR;
  ReclaimValue item = reclaim_heap_slot_take (interp->heap, self, i);
  lang_list_emptied_by_slice (interp, self);
  lang_decref (interp, item);
  return scalar_none ();
}

static ReclaimValue
container_len (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "__len__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_int (is_dict (interp, self) ? lang_dict_length (interp, self)
                                            : reclaim_heap_n_slots (interp->heap, self));
}

static ReclaimValue
container_contains (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "__contains__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (is_dict (interp, self))
    {
      int r = lang_dict_contains (interp, self, args[0]);
      return r < 0 ? LANG_ERROR : scalar_bool (r);
    }
  for (guint i = 0; i < reclaim_heap_n_slots (interp->heap, self); i++)
    {
      ReclaimValue item = reclaim_heap_slot_get (interp->heap, self, i);
      int e = item == args[0] ? 1 : lang_equal (interp, item, args[0]);
      if (e != 0)
        return e < 0 ? LANG_ERROR : scalar_bool (TRUE);
    }
  return scalar_bool (FALSE);
}

static ReclaimValue
container_iter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "__iter__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return lang_builtin_container_iter (interp, self);
}

static ReclaimValue
container_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "__repr__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  g_autofree char *text = lang_builtin_container_repr (interp, self);
  return text ? scalar_str (text, -1) : LANG_ERROR;
}

static const LangMethodDef container_dunders[] = {
  { "__init__", container_init },
  { "__getitem__", container_getitem },
  { "__setitem__", container_setitem },
  { "__delitem__", container_delitem },
  { "__len__", container_len },
  { "__contains__", container_contains },
  { "__iter__", container_iter },
  { "__repr__", container_repr },
  { NULL, NULL },
};

void
lang_container_subclass_init (ReclaimInterp *interp)
{
  lang_class_add_methods (lang_builtin_class (interp, "list"), container_dunders);
  lang_class_add_methods (lang_builtin_class (interp, "dict"), container_dunders);
}

/* type_call's __init__ for a class based on list or dict that defines
 * none: the builtin type's. */
gboolean
lang_container_default_init (ReclaimInterp *interp, ReclaimValue obj, guint nargs, const ReclaimValue *args,
                             guint nkw, const char *const *kwnames)
{
  ReclaimValue r = container_init (interp, obj, nargs, args, nkw, kwnames);
  return r != LANG_ERROR;
}
