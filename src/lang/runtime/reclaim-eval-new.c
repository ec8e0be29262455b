/* reclaim-eval-new.c: calling a class (CPython's type_call): __new__
 * makes the instance, __init__ fills it; object.__new__; and a class's
 * __mro__.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-sizeof.h"

#include <string.h>

ReclaimValue
eval_alloc_plain_instance (ReclaimInterp *interp, LangClass *cls)
{
  if (cls->slot_names)
    return eval_alloc_slotted_instance (interp, cls);
  if (cls->instance_kind != RECLAIM_KIND_INSTANCE)
    return lang_container_instance_new (interp, cls);
  lang_keys_instance_made (cls);
  ReclaimId obj = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_INSTANCE, cls->id, NULL,
                                      cls->has_del ? RECLAIM_ALLOC_HAS_FINALIZER : 0);
  /* room for the attributes the class's instances took so far, as
   * CPython sizes an instance's values by its class's shared keys */
  if (cls->keys)
    reclaim_heap_reserve_slots (interp->heap, obj, cls->keys->len);
  return obj;
}

/* A bare instance of cls: an exception keeps its arguments. */
static ReclaimValue
alloc_instance (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args)
{
  if (cls->is_exception)
    return eval_new_exception (interp, cls, nargs, args);
  return eval_alloc_plain_instance (interp, cls);
}

/* The __new__ a user class defines (or inherits from a user class), as
 * the function to call; 0 when object.__new__ does the work. */
static ReclaimValue
user_new (ReclaimInterp *interp, LangClass *cls)
{
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    {
      ReclaimValue v = lang_eval_class_lookup (interp, c, "__new__");
      if (v)
        return v;
    }
  return 0;
}

/* object.__new__(cls, ...) and BaseException.__new__(cls, *args), with
 * object_new's checks of extra arguments. */
static ReclaimValue
object_new (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "object.__new__(): not enough arguments");
  LangClass *cls = reclaim_value_is_object (args[0]) ? lang_class_get (interp, args[0]) : NULL;
  if (cls == NULL)
    return lang_raise (interp, "TypeError", "object.__new__(X): X is not a type object (%s)",
                       lang_type_name (interp, args[0]));
  if (cls->builtin && !cls->is_exception && cls != lang_builtin_class (interp, "object"))
    return lang_raise (interp, "TypeError", "object.__new__(%s) is not safe, use %s.__new__()", cls->name, cls->name);
  if ((nargs > 1 || nkw > 0) && !cls->is_exception && cls->instance_kind == RECLAIM_KIND_INSTANCE)
    {
      if (user_new (interp, cls))
        return lang_raise (interp, "TypeError", "object.__new__() takes exactly one argument (the type to instantiate)");
      if (lang_eval_class_lookup (interp, cls, "__init__") == 0)
        return lang_raise (interp, "TypeError", "%s() takes no arguments", cls->name);
    }
  return alloc_instance (interp, cls, nargs - 1, args + 1);
}

/* object.__new__ as a builtin function (new reference). */
ReclaimValue
eval_object_new_function (ReclaimInterp *interp)
{
  return lang_native_new (interp, "__new__", object_new, 0);
}

/* tp_new: the user's __new__ called with the class first, or a bare
 * instance. */
static ReclaimValue
call_new (ReclaimInterp *interp, LangClass *cls, ReclaimValue new_attr, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (new_attr == 0)
    return alloc_instance (interp, cls, nargs, args);
  ReclaimValue new_func = lang_descriptor_get (interp, new_attr, 0, cls, "__new__");
  if (new_func == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue stack[EVAL_ARGS_ON_STACK];
  g_autofree ReclaimValue *heap = NULL;
  ReclaimValue *all = eval_args_buffer (stack, &heap, nargs + nkw + 1);
  all[0] = cls->id;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, (nargs + nkw) * sizeof (ReclaimValue));
  ReclaimValue obj = lang_call (interp, new_func, nargs + 1, all, nkw, kwnames);
  lang_decref (interp, new_func);
  return obj;
}

/* tp_init: __init__ of the instance's class, which must return None. */
static gboolean
call_init (ReclaimInterp *interp, ReclaimValue obj, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  ReclaimValue init = lang_eval_class_lookup (interp, lang_class_of (interp, obj), "__init__");
  if (init == 0)
    return !lang_is_container_instance (interp, obj) ||
           lang_container_default_init (interp, obj, nargs, args, nkw, kwnames);
  ReclaimValue stack[EVAL_ARGS_ON_STACK];
  g_autofree ReclaimValue *heap = NULL;
  ReclaimValue *all = eval_args_buffer (stack, &heap, nargs + nkw + 1);
  all[0] = obj;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, (nargs + nkw) * sizeof (ReclaimValue));
  /* a builtin function stands in for a generated one (dataclasses) */
  gboolean is_function = reclaim_heap_get_kind (interp->heap, init) == RECLAIM_KIND_FUNCTION;
  ReclaimValue r = is_function ? lang_eval_call_function (interp, init, nargs + 1, all, nkw, kwnames)
                               : lang_call (interp, init, nargs + 1, all, nkw, kwnames);
  if (r == LANG_ERROR)
    return FALSE;
  if (scalar_type (r) != SCALAR_NONE)
    {
      lang_raise (interp, "TypeError", "__init__() should return None, not '%s'", lang_type_name (interp, r));
      lang_decref (interp, r);
      return FALSE;
    }
  return TRUE;
}

ReclaimValue
lang_eval_call_class (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  if (cls->builtin)
    {
      if (cls->construct == NULL)
        return lang_raise (interp, "TypeError", "cannot create '%s' instances", cls->name);
      return cls->construct (interp, cls->id, nargs, args, nkw, kwnames);
    }

  ReclaimValue new_attr = user_new (interp, cls);
  if (new_attr == 0 && lang_eval_class_lookup (interp, cls, "__init__") == 0 && (nargs || nkw) &&
      !cls->is_exception && cls->instance_kind == RECLAIM_KIND_INSTANCE)
    return lang_raise (interp, "TypeError", "%s() takes no arguments", cls->name);

  /* type_call passes the arguments along as a tuple */
  ReclaimValue argtuple = 0;
  if (nargs > 0)
    {
      ReclaimValue stack[EVAL_ARGS_ON_STACK];
      g_autofree ReclaimValue *heap = NULL;
      ReclaimValue *items = eval_args_buffer (stack, &heap, nargs);
      for (guint i = 0; i < nargs; i++)
        items[i] = lang_ref (interp, args[i]);
      argtuple = lang_tuple_new (interp, nargs, items);
    }
  ReclaimValue obj = call_new (interp, cls, new_attr, nargs, args, nkw, kwnames);
  /* __init__ runs only on an instance of the class called */
  if (obj != LANG_ERROR && reclaim_value_is_object (obj) && lang_is_subclass (lang_class_of (interp, obj), cls) &&
      !call_init (interp, obj, nargs, args, nkw, kwnames))
    {
      lang_decref (interp, obj);
      obj = LANG_ERROR;
    }
  lang_decref (interp, argtuple);
  return obj;
}

/* ---- __mro__ ------------------------------------------------------------ */

/* The classes a lookup on cls walks: cls, its bases, object last. */
ReclaimValue
eval_mro_tuple (ReclaimInterp *interp, LangClass *cls, LangClass *base)
{
  LangClass *object = lang_builtin_class (interp, "object");
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  ReclaimValue first = lang_ref (interp, cls->id);
  g_array_append_val (items, first);
  for (LangClass *c = base; c; c = c->base ? c->base : (c == object ? NULL : object))
    {
      ReclaimValue v = lang_ref (interp, c->id);
      g_array_append_val (items, v);
    }
  return lang_tuple_new (interp, items->len, (ReclaimValue *) items->data);
}
