/* reclaim-mod-contextlib.c: the contextlib module: suppress, closing and
 * nullcontext.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython writes them in Python (Lib/contextlib.py); here they are classes
 * whose methods are builtin functions and whose instances hold the
 * attributes CPython's have (_exceptions, thing, enter_result).
 *
 * contextmanager and ExitStack have files of their own.  Not modelled:
 * redirect_stdout (refused by the subset check as missing attributes).
 */
#include "reclaim-modules-private.h"

/* ---- suppress ------------------------------------------------------------ */

static ReclaimValue
suppress_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "suppress", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "suppress.__init__() got an unexpected keyword argument '%s'",
                       kwnames[0]);
  modules_weak_set_attr (interp, self, "_exceptions", modules_args_tuple (interp, nargs, args));
  return scalar_none ();
}

static ReclaimValue
suppress_enter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "suppress", "__enter__", &self, &nargs, &args) ||
      !lang_check_args (interp, "suppress.__enter__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_none ();
}

/* issubclass(exctype, self._exceptions) */
static ReclaimValue
suppress_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "suppress", "__exit__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs != 3 || nkw > 0)
    return lang_raise (interp, "TypeError", "suppress.__exit__() takes 4 positional arguments but %u were given",
                       nargs + 1);
  if (scalar_type (args[0]) == SCALAR_NONE)
    return scalar_none ();
  LangClass *raised = lang_class_get (interp, args[0]);
  ReclaimValue exceptions = modules_attr (interp, self, "_exceptions");
  if (exceptions == 0)
    return LANG_ERROR;
  for (guint i = 0; raised && i < lang_seq_length (interp, exceptions); i++)
    {
      LangClass *c = lang_class_get (interp, lang_seq_item (interp, exceptions, i));
      if (c == NULL)
        return lang_raise (interp, "TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union");
      if (lang_is_subclass (raised, c))
        return scalar_bool (TRUE);
    }
  return scalar_bool (FALSE);
}

/* ---- closing and nullcontext --------------------------------------------- */

static ReclaimValue
closing_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "closing", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue thing = lang_arg (nargs, args, nkw, kwnames, 0, "thing");
  if (nargs + nkw != 1 || thing == 0)
    return lang_raise (interp, "TypeError", "closing.__init__() missing 1 required positional argument: 'thing'");
  lang_setattr (interp, self, "thing", thing);
  return scalar_none ();
}

static ReclaimValue
closing_enter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "closing", "__enter__", &self, &nargs, &args))
    return LANG_ERROR;
  return lang_getattr (interp, self, "thing");
}

/* self.thing.close(), whatever happened in the block */
static ReclaimValue
closing_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "closing", "__exit__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue thing = lang_getattr (interp, self, "thing");
  if (thing == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = lang_call_method (interp, thing, "close", 0, NULL);
  lang_decref (interp, thing);
  if (r == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, r);
  return scalar_none ();
}

static ReclaimValue
nullcontext_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "nullcontext", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue result = lang_arg (nargs, args, nkw, kwnames, 0, "enter_result");
  if (nargs + nkw > 1)
    return lang_raise (interp, "TypeError", "nullcontext.__init__() takes from 1 to 2 positional arguments but %u were given",
                       nargs + nkw + 1);
  lang_setattr (interp, self, "enter_result", result ? result : scalar_none ());
  return scalar_none ();
}

static ReclaimValue
nullcontext_enter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "nullcontext", "__enter__", &self, &nargs, &args))
    return LANG_ERROR;
  return lang_getattr (interp, self, "enter_result");
}

static ReclaimValue
nullcontext_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "nullcontext", "__exit__", &self, &nargs, &args))
    return LANG_ERROR;
  return scalar_none ();
}

/* ---- the module ----------------------------------------------------------- */

MODULES_CONSTRUCTOR (suppress_construct, "suppress")
MODULES_CONSTRUCTOR (closing_construct, "closing")
MODULES_CONSTRUCTOR (nullcontext_construct, "nullcontext")

static const LangMethodDef suppress_dunders[] = {
  { "__enter__", suppress_enter }, { "__exit__", suppress_exit }, { NULL, NULL }
};
static const LangMethodDef suppress_methods[] = { { "__init__", suppress_init }, { NULL, NULL } };
static const LangMethodDef closing_dunders[] = {
  { "__enter__", closing_enter }, { "__exit__", closing_exit }, { NULL, NULL }
};
static const LangMethodDef closing_methods[] = { { "__init__", closing_init }, { NULL, NULL } };
static const LangMethodDef nullcontext_dunders[] = {
  { "__enter__", nullcontext_enter }, { "__exit__", nullcontext_exit }, { NULL, NULL }
};
static const LangMethodDef nullcontext_methods[] = { { "__init__", nullcontext_init }, { NULL, NULL } };

void
modules_contextlib_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "contextlib");
  LangClass *suppress = modules_class_new (interp, "contextlib", "suppress", suppress_construct, suppress_dunders,
                                           suppress_methods);
  LangClass *closing = modules_class_new (interp, "contextlib", "closing", closing_construct, closing_dunders,
                                          closing_methods);
  LangClass *null = modules_class_new (interp, "contextlib", "nullcontext", nullcontext_construct,
                                       nullcontext_dunders, nullcontext_methods);

  lang_dict_set (interp, ns, scalar_str ("suppress", -1), suppress->id);
  lang_dict_set (interp, ns, scalar_str ("closing", -1), closing->id);
  lang_dict_set (interp, ns, scalar_str ("nullcontext", -1), null->id);
  modules_contextlib_add_contextmanager (interp, ns);
  modules_contextlib_add_exit_stack (interp, ns);
  modules_new_module (interp, "contextlib", ns);
  lang_decref (interp, ns);
}
