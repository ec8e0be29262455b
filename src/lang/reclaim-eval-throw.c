/* reclaim-eval-throw.c: generator.throw(), the exception made from its
 * arguments as CPython's gen_throw makes it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Raising it at the paused yield (and passing it on to a generator that
 * the paused one delegates to with `yield from`) is done beside send and
 * close, in reclaim-eval-flow.c.
 */
#include "reclaim-eval-private.h"

static LangClass *
exception_class (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS)
    return NULL;
  LangClass *cls = lang_class_get (interp, v);
  return cls && cls->is_exception ? cls : NULL;
}

static gboolean
is_exception_instance (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS &&
         lang_class_of (interp, v)->is_exception;
}

/* throw(type) makes type(), throw(type, value) takes value when it is a
 * type instance already, else type(*value) for a tuple and type(value)
 * for anything else. */
static ReclaimValue
instantiate (ReclaimInterp *interp, ReclaimValue type, ReclaimValue value)
{
  LangClass *cls = exception_class (interp, type);
  if (value == 0 || scalar_type (value) == SCALAR_NONE)
    return lang_call (interp, type, 0, NULL, 0, NULL);
  if (is_exception_instance (interp, value) && lang_is_subclass (lang_class_of (interp, value), cls))
    return lang_ref (interp, value);
  if (lang_is_instance (interp, value, "tuple"))
    {
      guint n = lang_seq_length (interp, value);
      g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
      for (guint i = 0; i < n; i++)
        items[i] = lang_seq_item (interp, value, i);
      return lang_call (interp, type, n, items, 0, NULL);
    }
  return lang_call (interp, type, 1, &value, 0, NULL);
}

/* The exception throw(type[, value[, traceback]]) raises, or LANG_ERROR
 * for arguments python3 refuses. */
static ReclaimValue
exception_from_arguments (ReclaimInterp *interp, guint nargs, const ReclaimValue *args)
{
  ReclaimValue type = args[0], value = nargs > 1 ? args[1] : 0, tb = nargs > 2 ? args[2] : 0;

  if (tb && scalar_type (tb) == SCALAR_NONE)
    tb = 0;
  if (tb && (!reclaim_value_is_object (tb) || g_strcmp0 (reclaim_heap_get_label (interp->heap, tb), "traceback") != 0))
    return lang_raise (interp, "TypeError", "throw() third argument must be a traceback object");
  if (exception_class (interp, type))
    {
      ReclaimValue exc = instantiate (interp, type, value);
      /* PyErr_Restore: the exception starts from the traceback given */
      if (exc != LANG_ERROR && tb && is_exception_instance (interp, exc) &&
          lang_setattr (interp, exc, "__traceback__", tb) < 0)
        {
          lang_decref (interp, exc);
          return LANG_ERROR;
        }
      return exc;
    }
  if (!is_exception_instance (interp, type))
    return lang_raise (interp, "TypeError", "exceptions must be classes or instances deriving from "
                       "BaseException, not %s", lang_type_name (interp, type));
  if (value && scalar_type (value) != SCALAR_NONE)
    return lang_raise (interp, "TypeError", "instance exception may not have a separate value");
  return lang_ref (interp, type);
}

ReclaimValue
eval_gen_method_throw (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "throw", nargs, 1, 3, nkw))
    return LANG_ERROR;
  ReclaimValue exc = exception_from_arguments (interp, nargs, args);
  if (exc == LANG_ERROR)
    return LANG_ERROR;
  if (!is_exception_instance (interp, exc))
    {
      /* the class's __new__ made something else */
      lang_decref (interp, exc);
      return lang_raise (interp, "TypeError", "calling %s should have returned an instance of "
                         "BaseException, not %s", lang_type_name (interp, args[0]), lang_type_name (interp, exc));
    }
  ReclaimValue item;
  int r = eval_generator_throw (interp, self, exc, &item);
  if (r == 1)
    return item;
  if (r == 0)
    return eval_raise_stop_iteration (interp);
  return LANG_ERROR;
}
