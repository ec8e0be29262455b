/* reclaim-mod-contextlib-generator.c: contextlib.contextmanager and the
 * _GeneratorContextManager it makes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in Lib/contextlib.py, the manager is an instance holding gen, func,
 * args, kwds and __doc__; __enter__ lets go of func, args and kwds (so
 * that only the paused generator keeps the arguments alive), and an
 * exception in the with block is thrown into the generator at its yield.
 */
#include "reclaim-modules-private.h"

#define GCM MODULES_GCM

/* __init__(self, func, args, kwds): self.gen = func(*args, **kwds) first */
static ReclaimValue
gcm_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, GCM, "__init__", &self, &nargs, &args) ||
      !lang_check_args (interp, GCM, nargs, 3, 3, nkw))
    return LANG_ERROR;
  ReclaimValue gen = modules_call_with_tuple_and_dict (interp, args[0], args[1], args[2]);
  if (gen == LANG_ERROR)
    return LANG_ERROR;
  lang_setattr (interp, self, "gen", gen);
  lang_decref (interp, gen);
  lang_setattr (interp, self, "func", args[0]);
  lang_setattr (interp, self, "args", args[1]);
  lang_setattr (interp, self, "kwds", args[2]);
  ReclaimValue doc = lang_lookup_attr (interp, args[0], "__doc__");
  if (doc == 0 && interp->exc)
    return LANG_ERROR;
  if (doc == 0 || scalar_type (doc) == SCALAR_NONE)
    doc = scalar_str ("Helper for @contextmanager decorator.", -1);
  lang_setattr (interp, self, "__doc__", doc);
  lang_decref (interp, doc);
  return scalar_none ();
}

/* self.gen, held while the generator runs (the with block may drop the
 * manager meanwhile) */
static ReclaimValue
gcm_generator (ReclaimInterp *interp, ReclaimValue self)
{
  ReclaimValue gen = modules_attr (interp, self, "gen");
  return gen ? lang_ref (interp, gen) : LANG_ERROR;
}

static ReclaimValue
gcm_enter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, GCM, "__enter__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__enter__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  /* del self.args, self.kwds, self.func */
  if (lang_delattr (interp, self, "args") < 0 || lang_delattr (interp, self, "kwds") < 0 ||
      lang_delattr (interp, self, "func") < 0)
    return LANG_ERROR;
  ReclaimValue gen = gcm_generator (interp, self);
  if (gen == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue item;
  int r = lang_next (interp, gen, &item);
  lang_decref (interp, gen);
  if (r == 1)
    return item;
  if (r == 0)
    {
      /* raise RuntimeError("generator didn't yield") from None */
      lang_decref (interp, lang_take_stop_value (interp));
      lang_raise (interp, "RuntimeError", "generator didn't yield");
      lang_setattr (interp, interp->exc, "__cause__", scalar_none ());
    }
  return LANG_ERROR;
}

/* No exception in the block: the generator must end at its next step. */
static ReclaimValue
gcm_exit_normally (ReclaimInterp *interp, ReclaimValue gen)
{
  ReclaimValue item;
  int r = lang_next (interp, gen, &item);
  if (r == 0)
    {
      lang_decref (interp, lang_take_stop_value (interp));
      return scalar_bool (FALSE);
    }
  if (r == 1)
    {
      lang_decref (interp, item);
      lang_raise (interp, "RuntimeError", "generator didn't stop");
    }
  return LANG_ERROR;
}

/* What gen.throw() raised tells whether the block's exception `value`
 * is suppressed (True), goes on (False, with value's traceback as it
 * was) or was replaced by another (LANG_ERROR, still pending). */
static ReclaimValue
gcm_judge_thrown (ReclaimInterp *interp, ReclaimValue value, ReclaimValue traceback)
{
  ReclaimValue raised = interp->exc;
  gboolean same = raised == value;
  if (lang_error_matches (interp, "StopIteration"))
    {
      lang_error_clear (interp);
      return scalar_bool (!same);
    }
  if (!same && lang_error_matches (interp, "RuntimeError") && lang_is_instance (interp, value, "StopIteration"))
    {
      ReclaimValue cause = lang_getattr (interp, raised, "__cause__");
      same = cause == value;
      lang_decref (interp, cause);
    }
  if (!same)
    return LANG_ERROR;
  lang_error_clear (interp);
  lang_setattr (interp, value, "__traceback__", traceback);
  return scalar_bool (FALSE);
}

/* An exception in the block: thrown into the generator at its yield. */
static ReclaimValue
gcm_exit_with_exception (ReclaimInterp *interp, ReclaimValue gen, ReclaimValue type, ReclaimValue value)
{
  ReclaimValue made = 0;
  if (scalar_type (value) == SCALAR_NONE)
    {
      /* value = typ(): throw() must get the very instance it gives back */
      made = value = lang_call (interp, type, 0, NULL, 0, NULL);
      if (made == LANG_ERROR)
        return LANG_ERROR;
    }
  ReclaimValue traceback = lang_getattr (interp, value, "__traceback__");
  if (traceback == LANG_ERROR)
    {
      lang_decref (interp, made);
      return LANG_ERROR;
    }
  ReclaimValue r = lang_call_method (interp, gen, "throw", 1, &value);
  if (r != LANG_ERROR)
    {
      lang_decref (interp, r);
      r = lang_raise (interp, "RuntimeError", "generator didn't stop after throw()");
    }
  else
    r = gcm_judge_thrown (interp, value, traceback);
  lang_decref (interp, traceback);
  lang_decref (interp, made);
  return r;
}

static ReclaimValue
gcm_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, GCM, "__exit__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__exit__", nargs, 3, 3, nkw))
    return LANG_ERROR;
  ReclaimValue gen = gcm_generator (interp, self);
  if (gen == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = scalar_type (args[0]) == SCALAR_NONE ? gcm_exit_normally (interp, gen)
                                                         : gcm_exit_with_exception (interp, gen, args[0], args[1]);
  lang_decref (interp, gen);
  return r;
}

MODULES_CONSTRUCTOR (gcm_construct, GCM)

/* _recreate_cm(self): a fresh manager for each call of a function it
 * decorates: self.__class__(self.func, self.args, self.kwds) */
static ReclaimValue
gcm_recreate_cm (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, GCM, "_recreate_cm", &self, &nargs, &args) ||
      !lang_check_args (interp, "_recreate_cm", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue parts[3];
  static const char *const names[] = { "func", "args", "kwds" };
  for (guint i = 0; i < 3; i++)
    if ((parts[i] = modules_attr (interp, self, names[i])) == 0)
      return LANG_ERROR;
  return lang_call (interp, lang_class_of (interp, self)->id, 3, parts, 0, NULL);
}

static ReclaimValue
contextlib_contextmanager (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                           guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "contextmanager", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return modules_contextlib_helper_new (interp, args[0]);
}

static const LangMethodDef gcm_dunders[] = {
  { "__enter__", gcm_enter }, { "__exit__", gcm_exit }, { "_recreate_cm", gcm_recreate_cm }, { NULL, NULL }
};
static const LangMethodDef gcm_methods[] = { { "__init__", gcm_init }, { NULL, NULL } };

void
modules_contextlib_add_contextmanager (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *gcm = modules_class_new (interp, "contextlib", GCM, gcm_construct, gcm_dunders, gcm_methods);
  modules_class_set_base (interp, gcm, modules_contextlib_add_decorator (interp, ns));
  lang_dict_set (interp, ns, scalar_str (GCM, -1), gcm->id);
  modules_add_function (interp, ns, "contextmanager", contextlib_contextmanager);
}
