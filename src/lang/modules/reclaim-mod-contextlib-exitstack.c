/* reclaim-mod-contextlib-exitstack.c: contextlib.ExitStack.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in Lib/contextlib.py, the stack holds its exit callbacks in
 * `_exit_callbacks` as (True, callback) pairs: a context manager's
 * __exit__ bound to it, a callable pushed as it is, or a wrapper holding a
 * callback(*args, **kwds).  On exit they run last in, first out; each
 * gets the exception the previous ones left, a true result suppresses it,
 * and an exception one raises replaces it, chained to the one before.
 * CPython keeps the pairs in a deque; here it is a list.
 */
#include "reclaim-modules-private.h"

#define STACK "ExitStack"
#define CALLBACKS "_exit_callbacks"

static ReclaimValue
exit_stack_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "__init__", &self, &nargs, &args) ||
      !lang_check_args (interp, "ExitStack", nargs, 0, 0, nkw))
    return LANG_ERROR;
  modules_weak_set_attr (interp, self, CALLBACKS, lang_list_new (interp));
  return scalar_none ();
}

/* self._exit_callbacks.append((True, callback)) */
static ReclaimValue
push_exit_callback (ReclaimInterp *interp, ReclaimValue self, ReclaimValue callback /* stolen */)
{
  ReclaimValue callbacks = modules_attr (interp, self, CALLBACKS);
  if (callbacks == 0)
    {
      lang_decref (interp, callback);
      return LANG_ERROR;
    }
  ReclaimValue pair[] = { scalar_bool (TRUE), callback };
  ReclaimValue item = lang_tuple_new (interp, 2, pair);
  ReclaimValue r = lang_call_method (interp, callbacks, "append", 1, &item);
  lang_decref (interp, item);
  return r;
}

/* type(cm).<name>, or 0 without an exception when the type lacks it */
static ReclaimValue
type_method (ReclaimInterp *interp, ReclaimValue cm, const char *name)
{
  return lang_lookup_attr (interp, lang_class_of (interp, cm)->id, name);
}

static ReclaimValue
exit_stack_enter_context (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "enter_context", &self, &nargs, &args) ||
      !lang_check_args (interp, "enter_context", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue cm = args[0];
  ReclaimValue enter = type_method (interp, cm, "__enter__");
  ReclaimValue exit = enter ? type_method (interp, cm, "__exit__") : 0;
  if (exit == 0)
    {
      lang_decref (interp, enter);
      if (lang_error_occurred (interp))
        return LANG_ERROR;
      LangClass *cls = lang_class_of (interp, cm);
      ReclaimValue module = lang_lookup_attr (interp, cls->id, "__module__");
      const char *module_name = module && scalar_type (module) == SCALAR_STR ? scalar_get_str (module, NULL)
                                                                             : "builtins";
      lang_raise (interp, "TypeError", "'%s.%s' object does not support the context manager protocol", module_name,
                  cls->name);
      lang_decref (interp, module);
      return LANG_ERROR;
    }
  ReclaimValue result = lang_call (interp, enter, 1, &cm, 0, NULL);
  lang_decref (interp, enter);
  if (result == LANG_ERROR)
    {
      lang_decref (interp, exit);
      return LANG_ERROR;
    }
  ReclaimValue bound = lang_method_new (interp, exit, cm);
  lang_decref (interp, exit);
  ReclaimValue pushed = push_exit_callback (interp, self, bound);
  if (pushed == LANG_ERROR)
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  lang_decref (interp, pushed);
  return result;
}

/* push(exit): a context manager's __exit__, bound, or any callable */
static ReclaimValue
exit_stack_push (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "push", &self, &nargs, &args) ||
      !lang_check_args (interp, "push", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue exit = type_method (interp, args[0], "__exit__");
  if (exit == 0 && lang_error_occurred (interp))
    return LANG_ERROR;
  ReclaimValue callback = exit ? lang_method_new (interp, exit, args[0]) : lang_ref (interp, args[0]);
  lang_decref (interp, exit);
  ReclaimValue pushed = push_exit_callback (interp, self, callback);
  if (pushed == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, pushed);
  return lang_ref (interp, args[0]);
}

/* The wrapper callback() pushes: its __self__ is (callback, args, kwds),
 * what CPython's _exit_wrapper closure holds; it ignores the exception. */
static ReclaimValue
callback_exit_wrapper (ReclaimInterp *interp, ReclaimValue held, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  if (nargs != 3 || nkw > 0)
    return lang_raise (interp, "TypeError", "_exit_wrapper() takes 3 positional arguments but %u were given", nargs);
  ReclaimValue r = modules_call_with_tuple_and_dict (interp, lang_seq_item (interp, held, 0),
                                                     lang_seq_item (interp, held, 1), lang_seq_item (interp, held, 2));
  if (r == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, r);
  return scalar_none ();
}

/* callback(callback, /, *args, **kwds) */
static ReclaimValue
exit_stack_callback (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "callback", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "ExitStack.callback() missing 1 required positional argument: 'callback'");
  ReclaimValue kwds = modules_kwargs_dict (interp, nargs, args, nkw, kwnames);
  ReclaimValue parts[] = { lang_ref (interp, args[0]), modules_args_tuple (interp, nargs - 1, args + 1), kwds };
  ReclaimValue held = lang_tuple_new (interp, 3, parts);
  ReclaimValue wrapper = lang_native_new (interp, "_exit_wrapper", callback_exit_wrapper, held);
  lang_decref (interp, held);
  ReclaimValue pushed = push_exit_callback (interp, self, wrapper);
  if (pushed == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, pushed);
  return lang_ref (interp, args[0]);
}

MODULES_CONSTRUCTOR (exit_stack_construct, STACK)

/* new_stack = type(self)(); the callbacks move to it */
static ReclaimValue
exit_stack_pop_all (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "pop_all", &self, &nargs, &args) ||
      !lang_check_args (interp, "pop_all", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue new_stack = lang_call (interp, lang_class_of (interp, self)->id, 0, NULL, 0, NULL);
  ReclaimValue callbacks = new_stack != LANG_ERROR ? modules_attr (interp, self, CALLBACKS) : 0;
  if (callbacks == 0)
    {
      lang_decref (interp, new_stack);
      return LANG_ERROR;
    }
  lang_setattr (interp, new_stack, CALLBACKS, callbacks);
  modules_weak_set_attr (interp, self, CALLBACKS, lang_list_new (interp));
  return new_stack;
}

static ReclaimValue
exit_stack_enter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "__enter__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__enter__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return lang_ref (interp, self);
}

/* _fix_exception_context: the context chain of the new exception reaches
 * the one the frame handles; there it is linked to the old one instead. */
static void
fix_exception_context (ReclaimInterp *interp, ReclaimValue new_exc, ReclaimValue old_exc, ReclaimValue frame_exc)
{
  for (guint guard = 0; guard < 100000; guard++)
    {
      ReclaimValue context = lang_getattr (interp, new_exc, "__context__");
      lang_decref (interp, context);
      if (context == LANG_ERROR || scalar_type (context) == SCALAR_NONE || context == old_exc)
        return;
      if (context == frame_exc)
        break;
      new_exc = context;
    }
  lang_setattr (interp, new_exc, "__context__", old_exc ? old_exc : scalar_none ());
}

/* The pending exception and what __exit__ is told of it. */
typedef struct {
  ReclaimValue details[3];   /* (type, value, traceback), owned, Nones when none */
  gboolean     suppressed;
  gboolean     pending_raise;
} ExitState;

static void
exit_state_set (ReclaimInterp *interp, ExitState *st, ReclaimValue exc /* stolen, or 0 */)
{
  for (guint i = 0; i < 3; i++)
    lang_decref (interp, st->details[i]);
  if (exc == 0)
    {
      st->details[0] = st->details[1] = st->details[2] = scalar_none ();
      return;
    }
  st->details[0] = lang_ref (interp, lang_class_of (interp, exc)->id);
  st->details[1] = exc;
  ReclaimValue tb = lang_getattr (interp, exc, "__traceback__");
  st->details[2] = tb == LANG_ERROR ? scalar_none () : tb;
}

/* Runs one callback: a true result suppresses the exception, an
 * exception it raises replaces it. FALSE when its truth raised. */
static void
run_callback (ReclaimInterp *interp, ExitState *st, ReclaimValue callback, ReclaimValue frame_exc)
{
  ReclaimValue r = lang_call (interp, callback, 3, st->details, 0, NULL);
  int truth = r == LANG_ERROR ? -1 : lang_truth (interp, r);
  lang_decref (interp, r);
  if (truth > 0)
    {
      st->suppressed = TRUE;
      st->pending_raise = FALSE;
      exit_state_set (interp, st, 0);
    }
  else if (truth < 0)
    {
      ReclaimValue new_exc = interp->exc;
      interp->exc = 0;
      lang_error_clear (interp);
      ReclaimValue old_exc = scalar_type (st->details[1]) == SCALAR_NONE ? 0 : st->details[1];
      fix_exception_context (interp, new_exc, old_exc, frame_exc);
      st->pending_raise = TRUE;
      exit_state_set (interp, st, new_exc);
    }
}

/* self._exit_callbacks.pop(), or 0 when it is empty */
static ReclaimValue
pop_callback (ReclaimInterp *interp, ReclaimValue self)
{
  ReclaimValue callbacks = modules_attr (interp, self, CALLBACKS);
  if (callbacks == 0 || lang_seq_length (interp, callbacks) == 0)
    return 0;
  ReclaimValue pair = lang_call_method (interp, callbacks, "pop", 0, NULL);
  if (pair == LANG_ERROR)
    return 0;
  ReclaimValue callback = lang_ref (interp, lang_seq_item (interp, pair, 1));
  lang_decref (interp, pair);
  return callback;
}

static ReclaimValue
exit_stack_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "__exit__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs != 3 || nkw > 0)
    return lang_raise (interp, "TypeError", "ExitStack.__exit__() takes 4 positional arguments but %u were given",
                       nargs + 1);
  gboolean received = scalar_type (args[0]) != SCALAR_NONE;
  ReclaimValue frame_exc = lang_handled_exception (interp);
  ExitState st = { { lang_ref (interp, args[0]), lang_ref (interp, args[1]), lang_ref (interp, args[2]) } };
  ReclaimValue callback;
  while ((callback = pop_callback (interp, self)) != 0)
    {
      run_callback (interp, &st, callback, frame_exc);
      lang_decref (interp, callback);
    }
  if (lang_error_occurred (interp))
    {
      exit_state_set (interp, &st, 0);
      return LANG_ERROR;
    }
  if (st.pending_raise)
    {
      /* raised again with the context it has */
      interp->exc = lang_ref (interp, st.details[1]);
      exit_state_set (interp, &st, 0);
      return LANG_ERROR;
    }
  exit_state_set (interp, &st, 0);
  return scalar_bool (received && st.suppressed);
}

static ReclaimValue
exit_stack_close (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, STACK, "close", &self, &nargs, &args) ||
      !lang_check_args (interp, "close", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue nones[] = { scalar_none (), scalar_none (), scalar_none () };
  ReclaimValue r = exit_stack_exit (interp, self, 3, nones, 0, NULL);
  if (r == LANG_ERROR)
    return LANG_ERROR;
  lang_decref (interp, r);
  return scalar_none ();
}

static const LangMethodDef exit_stack_dunders[] = {
  { "__enter__", exit_stack_enter }, { "__exit__", exit_stack_exit }, { NULL, NULL }
};
static const LangMethodDef exit_stack_methods[] = {
  { "__init__", exit_stack_init }, { "enter_context", exit_stack_enter_context }, { "push", exit_stack_push },
  { "callback", exit_stack_callback }, { "pop_all", exit_stack_pop_all }, { "close", exit_stack_close },
  { NULL, NULL }
};

void
modules_contextlib_add_exit_stack (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *stack = modules_class_new (interp, "contextlib", STACK, exit_stack_construct, exit_stack_dunders,
                                        exit_stack_methods);
  lang_dict_set (interp, ns, scalar_str (STACK, -1), stack->id);
}
