/* reclaim-function-attrs.c: the attributes a script may set on a function
 * (func_setattr): __name__, __qualname__, __doc__, __module__, __dict__,
 * __annotations__, __defaults__, __kwdefaults__ and any other name, kept
 * in the function's __dict__.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython's function object has a field for each; here the ones that hold
 * objects are slots appended to the function when they are first set (or
 * first read, for __dict__ and __annotations__, which CPython makes on
 * first access), so the canvas shows what a function keeps alive, such
 * as the __wrapped__ that functools.wraps puts in its __dict__.  A new
 * __name__ or __qualname__ is a string kept beside the function.
 */
#include "reclaim-eval-private.h"

#include <string.h>

int
eval_function_slot (ReclaimInterp *interp, ReclaimValue func, const char *label)
{
  guint n = reclaim_heap_n_slots (interp->heap, func);
  for (guint i = N_FUNC_SLOTS; i < n; i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (interp->heap, func, i), label) == 0)
      return (int) i;
  return -1;
}

/* Sets the slot labelled `label` to v (stolen), appending it if need be. */
static void
set_slot (ReclaimInterp *interp, ReclaimValue func, const char *label, ReclaimValue v)
{
  int slot = eval_function_slot (interp, func, label);
  if (slot < 0)
    reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, label, v);
  else
    reclaim_heap_slot_set (interp->heap, func, (guint) slot, v);
}

/* __dict__: made empty on first access. Borrowed. */
static ReclaimValue
lazy_dict (ReclaimInterp *interp, ReclaimValue func, const char *label)
{
  int slot = eval_function_slot (interp, func, label);
  ReclaimValue dict = slot >= 0 ? reclaim_heap_slot_get (interp->heap, func, (guint) slot) : 0;
  if (dict)
    return dict;
  dict = lang_dict_new (interp);
  set_slot (interp, func, label, dict);
  return dict;
}

/* The module name a function reports: its globals' __name__ (func_module). */
static ReclaimValue
default_module (ReclaimInterp *interp, ReclaimValue func)
{
  ReclaimValue globals = reclaim_heap_slot_get (interp->heap, func, FUNC_SLOT_GLOBALS);
  ReclaimValue name = globals ? lang_dict_get (interp, globals, scalar_str ("__name__", -1)) : 0;
  return name ? lang_ref (interp, name) : scalar_none ();
}

ReclaimValue
eval_function_attr (ReclaimInterp *interp, ReclaimValue func, const char *name)
{
  FunctionInfo *fi = eval_function_info (interp, func);
  if (strcmp (name, "__name__") == 0)
    return fi && fi->name ? scalar_str (fi->name, -1) : 0;
  if (strcmp (name, "__dict__") == 0)
    return lang_ref (interp, lazy_dict (interp, func, name));
  if (strcmp (name, "__annotations__") == 0)
    return eval_function_annotations_dict (interp, func);
  if (strcmp (name, "__kwdefaults__") == 0)
    {
      ReclaimValue v = reclaim_heap_slot_get (interp->heap, func, FUNC_SLOT_KWDEFAULTS);
      return v ? lang_ref (interp, v) : scalar_none ();
    }
  if (strcmp (name, "__doc__") == 0 || strcmp (name, "__module__") == 0)
    {
      int slot = eval_function_slot (interp, func, name);
      if (slot >= 0)
        return lang_ref (interp, reclaim_heap_slot_get (interp->heap, func, (guint) slot));
      return name[2] == 'm' ? default_module (interp, func) : 0;
    }
  int slot = eval_function_slot (interp, func, "__dict__");
  if (slot < 0 || name[0] == '\0')
    return 0;
  ReclaimValue v = lang_dict_get (interp, reclaim_heap_slot_get (interp->heap, func, (guint) slot),
                                  scalar_str (name, -1));
  return v ? lang_ref (interp, v) : 0;
}

static int
set_string_attr (ReclaimInterp *interp, ReclaimValue func, const char *name, ReclaimValue v)
{
  if (scalar_type (v) != SCALAR_STR)
    {
      lang_raise (interp, "TypeError", "%s must be set to a string object", name);
      return -1;
    }
  FunctionInfo *fi = eval_function_info (interp, func);
  if (fi == NULL)
    return 0;
  char **field = name[2] == 'n' ? &fi->name : &fi->qualname;
  g_free (*field);
  *field = g_strdup (scalar_get_str (v, NULL));
  return 0;
}

static int
set_dict_attr (ReclaimInterp *interp, ReclaimValue func, const char *name, ReclaimValue v)
{
  gboolean is_dict = lang_is_instance (interp, v, "dict");
  if (strcmp (name, "__dict__") == 0 && !is_dict)
    {
      lang_raise (interp, "TypeError", "__dict__ must be set to a dictionary, not a '%s'", lang_type_name (interp, v));
      return -1;
    }
  if (strcmp (name, "__annotations__") == 0 && !is_dict && scalar_type (v) != SCALAR_NONE)
    {
      lang_raise (interp, "TypeError", "__annotations__ must be set to a dict object");
      return -1;
    }
  set_slot (interp, func, name, scalar_type (v) == SCALAR_NONE ? RECLAIM_VALUE_NONE : lang_ref (interp, v));
  return 0;
}

/* __defaults__ (a tuple) or __kwdefaults__ (a dict), each held in its
 * fixed slot.  None clears. */
static int
set_defaults (ReclaimInterp *interp, ReclaimValue func, const char *name, ReclaimValue v)
{
  gboolean is_defaults = name[2] == 'd';
  gboolean none = scalar_type (v) == SCALAR_NONE;
  if (!none && !lang_is_instance (interp, v, is_defaults ? "tuple" : "dict"))
    {
      lang_raise (interp, "TypeError", "%s must be set to a %s object", name, is_defaults ? "tuple" : "dict");
      return -1;
    }
  ReclaimValue held = none ? RECLAIM_VALUE_NONE : lang_ref (interp, v);
  reclaim_heap_slot_set (interp->heap, func, is_defaults ? FUNC_SLOT_DEFAULTS : FUNC_SLOT_KWDEFAULTS, held);
  return 0;
}

int
eval_function_setattr (ReclaimInterp *interp, ReclaimValue func, const char *name, ReclaimValue v)
{
  static const char *const read_only[] = { "__globals__", "__closure__", "__builtins__", NULL };
  if (g_strv_contains (read_only, name))
    {
      lang_raise (interp, "AttributeError", "readonly attribute");
      return -1;
    }
  if (strcmp (name, "__name__") == 0 || strcmp (name, "__qualname__") == 0)
    return set_string_attr (interp, func, name, v);
  if (strcmp (name, "__dict__") == 0 || strcmp (name, "__annotations__") == 0)
    return set_dict_attr (interp, func, name, v);
  if (strcmp (name, "__doc__") == 0 || strcmp (name, "__module__") == 0)
    {
      set_slot (interp, func, name, lang_ref (interp, v));
      return 0;
    }
  if (strcmp (name, "__defaults__") == 0 || strcmp (name, "__kwdefaults__") == 0)
    return set_defaults (interp, func, name, v);
  return lang_dict_set (interp, lazy_dict (interp, func, "__dict__"), scalar_str (name, -1), v);
}

int
eval_function_delattr (ReclaimInterp *interp, ReclaimValue func, const char *name)
{
  if (strcmp (name, "__defaults__") == 0 || strcmp (name, "__kwdefaults__") == 0)
    return set_defaults (interp, func, name, scalar_none ());
  int slot = eval_function_slot (interp, func, "__dict__");
  ReclaimValue dict = slot >= 0 ? reclaim_heap_slot_get (interp->heap, func, (guint) slot) : 0;
  if (dict == 0 || lang_dict_get (interp, dict, scalar_str (name, -1)) == 0)
    {
      lang_raise (interp, "AttributeError", "'function' object has no attribute '%s'", name);
      return -1;
    }
  return lang_dict_delete (interp, dict, scalar_str (name, -1));
}
