/* reclaim-mod-contextlib-decorator.c: contextlib.ContextDecorator and the
 * function-like objects contextmanager and ContextDecorator give back.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In Lib/contextlib.py both are Python functions made inside another
 * function and passed through functools.wraps:
 *
 *   contextmanager(func) -> helper(*args, **kwds), which makes
 *       _GeneratorContextManager(func, args, kwds)
 *   ContextDecorator.__call__(self, func) -> inner(*args, **kwds), which
 *       runs `with self._recreate_cm(): return func(*args, **kwds)`
 *
 * Here each is an instance of a small class whose repr is a function's
 * ("<function NAME at 0x...>") and which binds as a method when read
 * through an instance (tp_descr_get), so a decorated method gets its
 * self.  What CPython's closure holds is kept as attributes: the
 * function as __wrapped__ (set by update_wrapper, as wraps does) and, for
 * inner, the manager as `cm`.
 */
#include "reclaim-modules-private.h"

#include <string.h>

#define HELPER "contextmanager_helper"
#define INNER  "ContextDecorator_inner"

/* ---- what both function-like objects share --------------------------------- */

/* "<function QUALNAME at 0x...>", the qualname update_wrapper copied */
static ReclaimValue
function_like_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    self = args[0];
  ReclaimValue qualname = lang_lookup_attr (interp, self, "__qualname__");
  if (qualname == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  g_autofree char *addr = lang_address_text (self);
  g_autofree char *text = g_strdup_printf ("<function %s at %s>",
                                           qualname && scalar_type (qualname) == SCALAR_STR
                                             ? scalar_get_str (qualname, NULL) : "?", addr);
  lang_decref (interp, qualname);
  return scalar_str (text, -1);
}

/* Read through an instance, a bound method, as a function would be. */
static ReclaimValue
function_like_get (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, LangClass *owner, const char *name)
{
  return obj ? lang_method_new (interp, descr, obj) : lang_ref (interp, descr);
}

/* update_wrapper(wrapper, func), dropping wrapper when it fails */
static ReclaimValue
wrap (ReclaimInterp *interp, ReclaimValue wrapper, ReclaimValue func)
{
  if (wrapper == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue updated = modules_functools_update_wrapper (interp, wrapper, func);
  lang_decref (interp, wrapper);
  return updated;
}

static ReclaimValue
function_like_init (ReclaimInterp *interp, const char *cls, ReclaimValue self, guint nargs,
                    const ReclaimValue *args, guint nkw, const char *const *names)
{
  if (!modules_method_self (interp, cls, "__init__", &self, &nargs, &args) ||
      !lang_check_args (interp, cls, nargs, 0, 1, nkw))
    return LANG_ERROR;
  if (nargs == 1)
    lang_setattr (interp, self, names[0], args[0]);
  return scalar_none ();
}

/* ---- contextmanager's helper --------------------------------------------- */

static ReclaimValue
helper_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return function_like_init (interp, HELPER, self, nargs, args, nkw, NULL);
}

/* helper(*args, **kwds): _GeneratorContextManager(func, args, kwds) */
static ReclaimValue
helper_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, HELPER, "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue func = modules_attr (interp, self, "__wrapped__");
  if (func == 0)
    return LANG_ERROR;
  lang_incref (interp, func);
  ReclaimValue parts[] = { func, modules_args_tuple (interp, nargs, args),
                           modules_kwargs_dict (interp, nargs, args, nkw, kwnames) };
  ReclaimValue manager = modules_construct (interp, MODULES_GCM, 3, parts, 0, NULL);
  for (guint i = 0; i < 3; i++)
    lang_decref (interp, parts[i]);
  return manager;
}

MODULES_CONSTRUCTOR (helper_construct, HELPER)

ReclaimValue
modules_contextlib_helper_new (ReclaimInterp *interp, ReclaimValue func)
{
  return wrap (interp, modules_construct (interp, HELPER, 0, NULL, 0, NULL), func);
}

/* ---- ContextDecorator ------------------------------------------------------ */

static ReclaimValue
inner_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  static const char *const names[] = { "cm" };
  return function_like_init (interp, INNER, self, nargs, args, nkw, names);
}

/* The block's exception went to __exit__: a true answer suppresses it,
 * a false one lets it go on, an exception raised there replaces it
 * (with the block's one as its __context__). */
static ReclaimValue
exit_with_exception (ReclaimInterp *interp, ReclaimValue exit, ReclaimValue cm)
{
  ReclaimValue exc = interp->exc;
  interp->exc = 0;
  lang_error_clear (interp);
  ReclaimValue tb = lang_getattr (interp, exc, "__traceback__");
  ReclaimValue details[] = { cm, lang_class_of (interp, exc)->id, exc, tb == LANG_ERROR ? scalar_none () : tb };
  ReclaimValue answer = lang_call (interp, exit, 4, details, 0, NULL);
  int suppress = answer == LANG_ERROR ? -1 : lang_truth (interp, answer);
  lang_decref (interp, answer);
  lang_decref (interp, details[3]);
  if (suppress > 0)
    {
      lang_decref (interp, exc);
      return scalar_none ();
    }
  if (suppress == 0)
    interp->exc = exc;
  else
    {
      ReclaimValue context = lang_getattr (interp, interp->exc, "__context__");
      if (context != LANG_ERROR && scalar_type (context) == SCALAR_NONE && interp->exc != exc)
        lang_setattr (interp, interp->exc, "__context__", exc);
      lang_decref (interp, context);
      lang_decref (interp, exc);
    }
  return LANG_ERROR;
}

/* with cm: return func(*args, **kwds) -- type(cm).__enter__ and __exit__,
 * as the with statement finds them */
static ReclaimValue
call_within (ReclaimInterp *interp, ReclaimValue cm, ReclaimValue func, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  LangClass *cls = lang_class_of (interp, cm);
  ReclaimValue enter = lang_lookup_attr (interp, cls->id, "__enter__");
  ReclaimValue exit = enter ? lang_lookup_attr (interp, cls->id, "__exit__") : 0;
  if (exit == 0)
    {
      lang_decref (interp, enter);
      if (lang_error_occurred (interp))
        return LANG_ERROR;
      return lang_raise (interp, "TypeError", "'%s' object does not support the context manager protocol",
                         lang_type_name (interp, cm));
    }
  ReclaimValue entered = lang_call (interp, enter, 1, &cm, 0, NULL);
  lang_decref (interp, enter);
  ReclaimValue result = LANG_ERROR;
  if (entered != LANG_ERROR)
    {
      lang_decref (interp, entered);
      result = lang_call (interp, func, nargs, args, nkw, kwnames);
      if (result == LANG_ERROR)
        result = exit_with_exception (interp, exit, cm);
      else
        {
          ReclaimValue nones[] = { cm, scalar_none (), scalar_none (), scalar_none () };
          ReclaimValue answer = lang_call (interp, exit, 4, nones, 0, NULL);
          if (answer == LANG_ERROR)
            {
              lang_decref (interp, result);
              result = LANG_ERROR;
            }
          lang_decref (interp, answer);
        }
    }
  lang_decref (interp, exit);
  return result;
}

/* inner(*args, **kwds): with self._recreate_cm(): return func(*args, **kwds) */
static ReclaimValue
inner_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, INNER, "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue manager = modules_attr (interp, self, "cm");
  ReclaimValue func = manager ? modules_attr (interp, self, "__wrapped__") : 0;
  if (func == 0)
    return LANG_ERROR;
  lang_incref (interp, func);
  ReclaimValue cm = lang_call_method (interp, manager, "_recreate_cm", 0, NULL);
  ReclaimValue result = cm == LANG_ERROR ? LANG_ERROR : call_within (interp, cm, func, nargs, args, nkw, kwnames);
  lang_decref (interp, cm);
  lang_decref (interp, func);
  return result;
}

MODULES_CONSTRUCTOR (inner_construct, INNER)

static ReclaimValue
decorator_recreate_cm (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "ContextDecorator", "_recreate_cm", &self, &nargs, &args) ||
      !lang_check_args (interp, "_recreate_cm", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return lang_ref (interp, self);
}

/* ContextDecorator.__call__(self, func): inner, wrapped as func */
static ReclaimValue
decorator_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "ContextDecorator", "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue func = lang_arg (nargs, args, nkw, kwnames, 0, "func");
  if (func == 0 || nargs + nkw != 1)
    return lang_raise (interp, "TypeError", "ContextDecorator.__call__() %s",
                       func == 0 ? "missing 1 required positional argument: 'func'"
                                 : "takes 2 positional arguments but more were given");
  return wrap (interp, modules_construct (interp, INNER, 1, &self, 0, NULL), func);
}

MODULES_CONSTRUCTOR (decorator_construct, "ContextDecorator")

/* ---- the classes ------------------------------------------------------------ */

static const LangMethodDef helper_dunders[] = {
  { "__call__", helper_call }, { "__repr__", function_like_repr }, { NULL, NULL }
};
static const LangMethodDef helper_methods[] = { { "__init__", helper_init }, { NULL, NULL } };
static const LangMethodDef inner_dunders[] = {
  { "__call__", inner_call }, { "__repr__", function_like_repr }, { NULL, NULL }
};
static const LangMethodDef inner_methods[] = { { "__init__", inner_init }, { NULL, NULL } };
/* _recreate_cm is a method a subclass overrides (_GeneratorContextManager
 * does), so it lives in the class namespace as __call__ does */
static const LangMethodDef decorator_dunders[] = {
  { "__call__", decorator_call }, { "_recreate_cm", decorator_recreate_cm }, { NULL, NULL }
};

/* Makes ContextDecorator; returns it for _GeneratorContextManager to be
 * based on. */
LangClass *
modules_contextlib_add_decorator (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *helper = modules_class_new (interp, "contextlib", HELPER, helper_construct, helper_dunders,
                                         helper_methods);
  LangClass *inner = modules_class_new (interp, "contextlib", INNER, inner_construct, inner_dunders, inner_methods);
  helper->descr_get = function_like_get;
  inner->descr_get = function_like_get;
  LangClass *decorator = modules_class_new (interp, "contextlib", "ContextDecorator", decorator_construct,
                                            decorator_dunders, NULL);
  lang_dict_set (interp, ns, scalar_str ("ContextDecorator", -1), decorator->id);
  return decorator;
}
