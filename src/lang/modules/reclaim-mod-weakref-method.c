/* reclaim-mod-weakref-method.c: weakref.WeakMethod.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lib/weakref.py writes WeakMethod as a subclass of ref with
 * __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__": the ref
 * itself watches the bound method's __self__, _func_ref = ref(func, _cb)
 * watches its __func__, and both have the same callback _cb, a closure over
 * `callback` and `self_wr` (a ref to the WeakMethod, so that the closure
 * does not keep it alive).  _cb marks the WeakMethod dead and calls
 * callback(WeakMethod) the first time either of the two dies.
 *
 * Here the WeakMethod is a weakref object of that subclass whose slots,
 * after the callback slot, are the three __slots__ in CPython's (sorted)
 * order; _cb is a builtin function whose __self__ is its closure tuple of
 * two cells, (callback, self_wr), so the objects and the references
 * between them are those of CPython.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

#define WEAKMETHOD "WeakMethod"

/* Slot 0 is the weakref's callback (_cb); then the sorted __slots__. */
enum { SLOT_CALLBACK, SLOT_ALIVE, SLOT_FUNC_REF, SLOT_METH_TYPE };
/* The cells of _cb's closure, in co_freevars order. */
enum { CELL_CALLBACK, CELL_SELF_WR };

static const char *const slot_names[] = { NULL, "_alive", "_func_ref", "_meth_type" };

gboolean
modules_is_weakmethod (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_WEAKREF)
    return FALSE;
  LangClass *wm = lang_builtin_class (interp, WEAKMETHOD);
  return wm && lang_is_subclass (lang_class_of (interp, v), wm);
}

static ReclaimValue
slot (ReclaimInterp *interp, ReclaimValue self, guint index)
{
  return reclaim_heap_slot_get (interp->heap, self, index);
}

static gboolean
is_alive (ReclaimInterp *interp, ReclaimValue self)
{
  return scalar_get_bool (slot (interp, self, SLOT_ALIVE));
}

/* wm._alive, wm._func_ref, wm._meth_type; 0 for other names. */
ReclaimValue
modules_weakmethod_attr (ReclaimInterp *interp, ReclaimValue self, const char *name)
{
  for (guint i = SLOT_ALIVE; i < G_N_ELEMENTS (slot_names); i++)
    if (strcmp (name, slot_names[i]) == 0)
      return lang_ref (interp, slot (interp, self, i));
  return 0;
}

static ReclaimValue
cell_contents (ReclaimInterp *interp, ReclaimValue closure, guint index)
{
  ReclaimValue cell = lang_seq_item (interp, closure, index);
  return reclaim_heap_slot_get (interp->heap, cell, 0);
}

/* def _cb(arg): self = self_wr(); if self._alive: self._alive = False;
 * if callback is not None: callback(self) */
static ReclaimValue
weakmethod_cb (ReclaimInterp *interp, ReclaimValue closure, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (nargs != 1 || nkw > 0)
    return lang_raise (interp, "TypeError", "WeakMethod.__new__.<locals>._cb() takes 1 positional argument but %u were given",
                       nargs + nkw);
  ReclaimValue self_wr = cell_contents (interp, closure, CELL_SELF_WR);
  ReclaimId self = reclaim_heap_weakref_get_referent (interp->heap, self_wr);
  if (self == 0)
    return lang_raise (interp, "AttributeError", "'NoneType' object has no attribute '_alive'");
  if (!is_alive (interp, self))
    return scalar_none ();
  lang_incref (interp, self);   /* the local `self` */
  reclaim_heap_slot_set (interp->heap, self, SLOT_ALIVE, scalar_bool (FALSE));
  ReclaimValue callback = cell_contents (interp, closure, CELL_CALLBACK);
  ReclaimValue r = scalar_none ();
  if (scalar_type (callback) != SCALAR_NONE)
    r = lang_call (interp, callback, 1, &self, 0, NULL);
  lang_decref (interp, self);
  if (r == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, r);
  return scalar_none ();
}

static ReclaimValue
new_cell (ReclaimInterp *interp, ReclaimValue contents)
{
  ReclaimId cell = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_CELL, 0, NULL, 0);
  reclaim_heap_slot_append (interp->heap, cell, RECLAIM_ROLE_CELL, "cell_contents", contents);
  return cell;
}

static gboolean
bound_method_parts (ReclaimInterp *interp, ReclaimValue meth, ReclaimValue *obj, ReclaimValue *func)
{
  if (!reclaim_value_is_object (meth) || reclaim_heap_get_kind (interp->heap, meth) != RECLAIM_KIND_METHOD)
    {
      g_autofree char *type_repr = lang_repr (interp, lang_class_of (interp, meth)->id);
      lang_raise (interp, "TypeError", "argument should be a bound method, not %s", type_repr);
      return FALSE;
    }
  *func = reclaim_heap_slot_get (interp->heap, meth, 0);
  *obj = reclaim_heap_slot_get (interp->heap, meth, 1);
  return TRUE;
}

/* WeakMethod.__new__(cls, meth, callback=None) */
static ReclaimValue
weakmethod_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  ReclaimValue obj, func;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "WeakMethod() takes no keyword arguments");
  if (nargs < 1 || nargs > 2)
    return lang_raise (interp, "TypeError", nargs < 1
                       ? "WeakMethod.__new__() missing 1 required positional argument: 'meth'"
                       : "WeakMethod.__new__() takes from 2 to 3 positional arguments but %u were given",
                       nargs + 1);
  if (!bound_method_parts (interp, args[0], &obj, &func))
    return LANG_ERROR;

  ReclaimValue callback = nargs > 1 ? args[1] : scalar_none ();
  ReclaimValue cells[] = { new_cell (interp, lang_ref (interp, callback)), new_cell (interp, RECLAIM_VALUE_NONE) };
  ReclaimValue closure = lang_tuple_new (interp, 2, cells);
  ReclaimValue cb = lang_native_new (interp, "_cb", weakmethod_cb, closure);
  lang_decref (interp, closure);

  ReclaimValue self = LANG_ERROR;
  if (modules_supports_weakrefs (interp, obj))
    self = reclaim_heap_weakref_new_full (interp->heap, RECLAIM_KIND_WEAKREF, obj, cb, cls, RECLAIM_ALLOC_WEAKREFS);
  else
    modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, obj, cb, cls);   /* its TypeError */
  ReclaimValue func_ref = self == LANG_ERROR ? LANG_ERROR : modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, func, cb, 0);
  if (func_ref != LANG_ERROR)
    {
      ReclaimHeap *h = interp->heap;
      reclaim_heap_slot_append (h, self, RECLAIM_ROLE_OTHER, "_alive", scalar_bool (TRUE));
      reclaim_heap_slot_append (h, self, RECLAIM_ROLE_OTHER, "_func_ref", func_ref);
      reclaim_heap_slot_append (h, self, RECLAIM_ROLE_OTHER, "_meth_type",
                                lang_ref (interp, lang_class_of (interp, args[0])->id));
      ReclaimValue self_wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, self, 0, 0);
      reclaim_heap_slot_set (h, lang_seq_item (interp, closure, CELL_SELF_WR), 0, self_wr);
    }
  else if (self != LANG_ERROR)
    {
      lang_decref (interp, self);
      self = LANG_ERROR;
    }
  lang_decref (interp, cb);
  return self;
}

/* obj = super().__call__(); func = self._func_ref(); a new bound method of
 * both, or None once either died. */
ReclaimValue
lang_weakmethod_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw)
{
  if (nargs + nkw > 0)
    return lang_raise (interp, "TypeError", "WeakMethod.__call__() takes 1 positional argument but %u were given",
                       nargs + nkw + 1);
  ReclaimId obj = reclaim_heap_weakref_get_referent (interp->heap, self);
  ReclaimId func = reclaim_heap_weakref_get_referent (interp->heap, slot (interp, self, SLOT_FUNC_REF));
  if (obj == 0 || func == 0)
    return scalar_none ();
  return eval_bound_method (interp, func, obj);
}

/* WeakMethod.__eq__ / __ne__ when both are WeakMethods: identity once
 * either is dead, else the same object and an equal function.  1, 0, -1. */
int
lang_weakmethod_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (!is_alive (interp, a) || !is_alive (interp, b))
    return a == b;
  ReclaimId ra = reclaim_heap_weakref_get_referent (interp->heap, a);
  ReclaimId rb = reclaim_heap_weakref_get_referent (interp->heap, b);
  int same_obj = ra == 0 || rb == 0 ? a == b : lang_equal (interp, ra, rb);
  if (same_obj != 1)
    return same_obj;
  return lang_equal (interp, slot (interp, a, SLOT_FUNC_REF), slot (interp, b, SLOT_FUNC_REF));
}

void
modules_weakmethod_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *ref = lang_builtin_class (interp, "ReferenceType");
  LangClass *wm = lang_builtin_type_new (interp, WEAKMETHOD, ref, RECLAIM_KIND_WEAKREF, weakmethod_construct,
                                         NULL, FALSE);
  lang_dict_set (interp, ns, scalar_str (WEAKMETHOD, -1), wm->id);
}
