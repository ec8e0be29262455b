/* reclaim-eval-throw.c: generator.throw() and the exceptions that leave a
 * generator's body.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * throw() makes its exception from its arguments as CPython's gen_throw
 * does and raises it at the paused yield; eval_yield_from (in
 * reclaim-eval-flow.c, beside send and close) passes it on to the
 * generator the paused one delegates to.
 */
#include "reclaim-eval-private.h"
#include "reclaim-coroutine.h"

/* The exception leaving a generator's body holds the body's frame in its
 * traceback, as a function's does; CPython's frame object takes the
 * generator's frame over when the generator finishes (take_ownership), so
 * the locals move from the generator to a frame object, which lives as
 * long as the traceback and not the generator. */
void
eval_generator_frame_to_traceback (ReclaimInterp *interp, Generator *g)
{
  ReclaimHeap *h = interp->heap;
  ReclaimValue exc = interp->exc;
  if (exc == 0 || eval_state (interp)->stopped || !reclaim_value_is_object (exc) ||
      reclaim_heap_n_slots (h, exc) < EXC_N_SLOTS)
    return;
  ReclaimValue tb = reclaim_heap_slot_get (h, exc, EXC_SLOT_TRACEBACK);
  if (!reclaim_value_is_object (tb) || reclaim_heap_n_slots (h, tb) < 2 || reclaim_heap_slot_get (h, tb, 1) != g->gen)
    return;
  ReclaimId frame = reclaim_heap_alloc (h, RECLAIM_KIND_FRAME, 0, reclaim_heap_get_label (h, g->gen), RECLAIM_ALLOC_ROOT);
  guint n = reclaim_heap_n_slots (h, g->gen);
  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append (h, frame, reclaim_heap_slot_get_role (h, g->gen, i),
                              reclaim_heap_slot_get_label (h, g->gen, i),
                              lang_ref (interp, reclaim_heap_slot_get (h, g->gen, i)));
  reclaim_heap_slot_set (h, tb, 1, frame);
}

/* throw() raises its exception at the yield.  Unlike a raise, it is
 * chained only to what the generator itself handles there, never to the
 * caller's exception (_PyErr_ChainStackItem). */
ReclaimValue
eval_generator_raise_thrown (ReclaimInterp *interp, Frame *frame)
{
  Generator *g = frame->gen;
  ReclaimValue exc = g->thrown;
  g->thrown = 0;
  g->raised_thrown = TRUE;
  lang_decref (interp, g->transfer);
  g->transfer = 0;
  eval_exception_set_context (interp, exc, frame->handling);
  lang_error_clear (interp);
  interp->exc = exc;
  return LANG_ERROR;
}

/* A StopIteration leaving a generator's body becomes a RuntimeError
 * caused by it (PEP 479), as _PyErr_FormatFromCause chains it. */
void
eval_generator_replace_stop_iteration (ReclaimInterp *interp)
{
  if (!lang_error_matches (interp, "StopIteration"))
    return;
  ReclaimValue stop = interp->exc;
  interp->exc = 0;
  g_array_set_size (interp->traceback, 0);
  lang_raise (interp, "RuntimeError", "generator raised StopIteration");
  eval_exception_set_context (interp, interp->exc, stop);
  eval_exception_set_cause (interp, interp->exc, stop);
}

/* throw(): exc (stolen) raised where g is paused; returns as
 * generator_send.  A generator that has not started, or has finished,
 * has no yield to raise it at: it leaves at once, and one not started is
 * finished by it. */
static int
generator_throw (ReclaimInterp *interp, Generator *g, ReclaimValue exc, ReclaimValue *item)
{
  *item = 0;
  if (g->running)
    {
      lang_decref (interp, exc);
      lang_raise (interp, "ValueError", "generator already executing");
      return -1;
    }
  if (g->done || !coroutine_started (g->co))
    {
      lang_error_clear (interp);
      interp->exc = exc;
      if (g->done)
        return -1;
      g->done = TRUE;
      eval_generator_clear_frame (interp, g);
      eval_generator_replace_stop_iteration (interp);
      return -1;
    }
  g->thrown = exc;
  int r = eval_generator_send (interp, g, scalar_none (), item);
  /* a script stopped by its limits leaves the yield without raising it */
  lang_decref (interp, g->thrown);
  g->thrown = 0;
  return r;
}

int
eval_generator_throw (ReclaimInterp *interp, ReclaimValue gen, ReclaimValue exc, ReclaimValue *item)
{
  Generator *g = g_hash_table_lookup (eval_generator_table (interp), GUINT_TO_POINTER (gen));
  return generator_throw (interp, g, exc, item);
}

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
