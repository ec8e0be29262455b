/* reclaim-eval-flow.c: generators, exceptions, try and with, and the
 * limits that stop runaway scripts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-coroutine.h"

#include <stdarg.h>
#include <string.h>

/* ---- generators --------------------------------------------------------- */

static int generator_close (ReclaimInterp *interp, Generator *g);

static GHashTable *
generators (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);
  return es->generators;
}

static void
generator_body (Coroutine *co, gpointer data)
{
  Generator *g = data;
  g->result = eval_run_function_frame (g->interp, g->func, g->gen, g);
}

ReclaimValue
eval_make_generator (ReclaimInterp *interp, ReclaimValue func, ReclaimId gen)
{
  Generator *g = g_new0 (Generator, 1);
  g->interp = interp;
  g->gen = gen;
  g->func = func;
  g->co = coroutine_new (generator_body, g);
  g_hash_table_insert (generators (interp), GUINT_TO_POINTER (gen), g);
  return gen;
}

/* When a generator's body ends, its frame is cleared at once. */
static void
generator_clear_frame (ReclaimInterp *interp, Generator *g)
{
  guint n = reclaim_heap_n_slots (interp->heap, g->gen);
  for (guint i = 0; i < n; i++)
    if (reclaim_heap_slot_get (interp->heap, g->gen, i) != RECLAIM_VALUE_NONE)
      reclaim_heap_slot_set (interp->heap, g->gen, i, RECLAIM_VALUE_NONE);
}

void
eval_note_yield_site (Frame *frame, const ReclaimNode *node)
{
  if (frame->gen != NULL)
    frame->gen->yield_is_statement = node == frame->statement_value && frame->finally_pending == 0;
}

ReclaimValue
eval_yield (ReclaimInterp *interp, Frame *frame, ReclaimValue value)
{
  EvalState *es = eval_state (interp);
  Generator *g = frame->gen;

  if (g == NULL)
    {
      lang_decref (interp, value);
      return lang_raise (interp, "SyntaxError", "'yield' outside function");
    }
  g->transfer = value;
  g->raised_thrown = FALSE;
  g->paused_frame = g->yield_is_statement ? frame : NULL;
  es->frame = frame->back;
  interp->depth--;
  coroutine_suspend (g->co);
  g->paused_frame = NULL;
  frame->back = es->frame;
  es->frame = frame;
  interp->depth++;
  if (es->stopped)
    return LANG_ERROR;
  if (g->closing)
    return lang_raise_value (interp, "GeneratorExit", 0);
  if (g->thrown)
    return eval_generator_raise_thrown (interp, frame);
  ReclaimValue sent = g->transfer;
  g->transfer = 0;
  return sent;
}

/* Resumes g with `sent` (stolen); 1 with *item when it yields, 0 when it
 * returns, -1 when it raises. */
static int
generator_send (ReclaimInterp *interp, Generator *g, ReclaimValue sent, ReclaimValue *item)
{
  *item = 0;
  if (g->done)
    {
      lang_decref (interp, sent);
      return 0;
    }
  if (g->running)
    {
      lang_decref (interp, sent);
      lang_raise (interp, "ValueError", "generator already executing");
      return -1;
    }
  if (!coroutine_started (g->co) && scalar_type (sent) != SCALAR_NONE)
    {
      lang_decref (interp, sent);
      lang_raise (interp, "TypeError", "can't send non-None value to a just-started generator");
      return -1;
    }
  g->running = TRUE;
  g->transfer = sent;
  lang_decref (interp, lang_take_stop_value (interp));
  g_autoptr (GError) error = NULL;
  CoroutineState state = coroutine_resume (g->co, &error);
  g->running = FALSE;
  if (state == COROUTINE_NOT_STARTED)
    {
      lang_decref (interp, g->transfer);
      g->transfer = 0;
      /* the system refused the generator a stack: say so, instead of dying */
      lang_raise (interp, "MemoryError", "not supported in Reclaim: this many paused generators "
                  "(each takes a stack of its own; %s)", error->message);
      return -1;
    }
  if (state == COROUTINE_SUSPENDED)
    {
      *item = g->transfer;
      g->transfer = 0;
      return 1;
    }
  g->done = TRUE;
  if (g->result == LANG_ERROR)
    eval_generator_frame_to_traceback (interp, g);
  generator_clear_frame (interp, g);
  if (g->result == LANG_ERROR)
    {
      eval_generator_replace_stop_iteration (interp);
      return -1;
    }
  if (scalar_type (g->result) == SCALAR_NONE)
    lang_decref (interp, g->result);
  else
    eval_state (interp)->stop_value = g->result;
  return 0;
}

/* What reclaim-eval-throw.c needs of the above. */
GHashTable *
eval_generator_table (ReclaimInterp *interp)
{
  return generators (interp);
}

int
eval_generator_send (ReclaimInterp *interp, Generator *g, ReclaimValue sent, ReclaimValue *item)
{
  return generator_send (interp, g, sent, item);
}

void
eval_generator_clear_frame (ReclaimInterp *interp, Generator *g)
{
  generator_clear_frame (interp, g);
}

ReclaimValue
lang_take_stop_value (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);
  ReclaimValue v = es->stop_value;
  es->stop_value = 0;
  return v;
}

int
lang_eval_generator_next (ReclaimInterp *interp, ReclaimValue gen, ReclaimValue *item)
{
  Generator *g = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (gen));
  if (g == NULL)
    {
      lang_raise (interp, "TypeError", "not a generator");
      return -1;
    }
  return generator_send (interp, g, scalar_none (), item);
}

EvalLoop
eval_loop_begin (ReclaimInterp *interp, ReclaimValue it)
{
  EvalLoop loop = { .it = it, .state = lang_iter_state (interp, it) };
  if (loop.state == NULL && reclaim_value_is_object (it) &&
      reclaim_heap_get_kind (interp->heap, it) == RECLAIM_KIND_GENERATOR)
    loop.gen = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (it));
  return loop;
}

int
eval_loop_next (ReclaimInterp *interp, const EvalLoop *loop, ReclaimValue *item)
{
  if (loop->gen != NULL)
    return generator_send (interp, loop->gen, scalar_none (), item);
  if (loop->state != NULL)
    return lang_iter_state_next (interp, loop->it, loop->state, item);
  return lang_next (interp, loop->it, item);
}

/* CPython's gi_yieldfrom: the generator holds what it delegates to in a
 * slot after its locals and its function, where the collector sees it (a
 * reference from C alone would keep the whole chain alive at exit). */
static guint
yield_from_slot (ReclaimInterp *interp, Frame *frame)
{
  guint slot = frame->scope->slots->len + 1;
  if (reclaim_heap_n_slots (interp->heap, frame->locals) == slot)
    reclaim_heap_slot_append (interp->heap, frame->locals, RECLAIM_ROLE_OTHER, "gi_yieldfrom", RECLAIM_VALUE_NONE);
  return slot;
}

/* The delegation is over: the generator lets go of the iterator (stolen
 * when there is no generator to hold it). */
static void
yield_from_end (ReclaimInterp *interp, Frame *frame, ReclaimValue it)
{
  if (frame->gen)
    reclaim_heap_slot_set (interp->heap, frame->locals, yield_from_slot (interp, frame), RECLAIM_VALUE_NONE);
  else
    lang_decref (interp, it);
}

/* yield from: every value the inner iterator yields passes out, every
 * value sent in passes to it (when it is a generator), and the expression
 * is what the inner generator returns. */
ReclaimValue
eval_yield_from (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue it = eval_iter (interp, frame, node->v.yield.value);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  eval_note_yield_site (frame, node);
  if (frame->gen)
    reclaim_heap_slot_set (interp->heap, frame->locals, yield_from_slot (interp, frame), it);
  Generator *inner = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (it));
  ReclaimValue item;
  int r = inner ? generator_send (interp, inner, scalar_none (), &item) : lang_next (interp, it, &item);
  for (;;)
    {
      if (r <= 0)
        {
          ReclaimValue value = r == 0 ? lang_take_stop_value (interp) : 0;
          yield_from_end (interp, frame, it);
          return r < 0 ? LANG_ERROR : value ? value : scalar_none ();
        }
      ReclaimValue sent = eval_yield (interp, frame, item);
      if (sent != LANG_ERROR)
        {
          r = inner ? generator_send (interp, inner, sent, &item) : lang_next (interp, it, &item);
          continue;
        }
      /* closing the outer generator closes the inner one first */
      if (inner && lang_error_matches (interp, "GeneratorExit"))
        {
          ReclaimValue exc = interp->exc;
          interp->exc = 0;
          generator_close (interp, inner);
          if (interp->exc == 0)
            interp->exc = exc;
          else
            lang_decref (interp, exc);
        }
      /* any other exception thrown in goes on to the inner generator;
       * what it yields or returns then is the outer one's */
      else if (inner && frame->gen && frame->gen->raised_thrown)
        {
          ReclaimValue exc = interp->exc;
          interp->exc = 0;
          g_array_set_size (interp->traceback, 0);
          r = eval_generator_throw (interp, inner->gen, exc, &item);
          continue;
        }
      yield_from_end (interp, frame, it);
      return LANG_ERROR;
    }
}

/* close(): GeneratorExit at the paused yield; yielding again is an error. */
static int
generator_close (ReclaimInterp *interp, Generator *g)
{
  if (g->done)
    return 0;
  if (!coroutine_started (g->co))
    {
      /* GeneratorExit at the very start ends it at once: the frame is
       * cleared before any of its code runs */
      g->done = TRUE;
      generator_clear_frame (interp, g);
      return 0;
    }
  g->closing = TRUE;
  ReclaimValue item;
  int r = generator_send (interp, g, scalar_none (), &item);
  if (r == 1)
    {
      lang_decref (interp, item);
      lang_raise (interp, "RuntimeError", "generator ignored GeneratorExit");
      return -1;
    }
  if (r < 0 && lang_error_matches (interp, "GeneratorExit"))
    {
      lang_error_clear (interp);
      return 0;
    }
  return r;
}

/* The generator's tp_finalize: close it if it is paused. */
void
eval_generator_finalize (ReclaimInterp *interp, ReclaimId gen)
{
  Generator *g = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (gen));
  if (g == NULL || g->done)
    return;
  ReclaimValue saved = interp->exc;
  interp->exc = 0;
  if (generator_close (interp, g) < 0)
    lang_error_write_unraisable (interp, lang_eval_function_qualname (interp, gen));
  interp->exc = saved;
}

/* StopIteration carrying what the generator returned. */
ReclaimValue
eval_raise_stop_iteration (ReclaimInterp *interp)
{
  ReclaimValue value = lang_take_stop_value (interp);
  lang_raise_value (interp, "StopIteration", value);
  lang_decref (interp, value);
  return LANG_ERROR;
}

static ReclaimValue
gen_method_close (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  Generator *g = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (self));
  if (!lang_check_args (interp, "close", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return generator_close (interp, g) < 0 ? LANG_ERROR : scalar_none ();
}

static ReclaimValue
gen_method_send (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  Generator *g = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (self));
  ReclaimValue item;
  if (!lang_check_args (interp, "send", nargs, 1, 1, nkw))
    return LANG_ERROR;
  int r = generator_send (interp, g, lang_ref (interp, args[0]), &item);
  if (r == 1)
    return item;
  if (r == 0)
    return eval_raise_stop_iteration (interp);
  return LANG_ERROR;
}

static ReclaimValue
gen_method_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  ReclaimValue item;
  int r = lang_eval_generator_next (interp, self, &item);
  if (r == 1)
    return item;
  if (r == 0)
    return eval_raise_stop_iteration (interp);
  return LANG_ERROR;
}

const LangMethodDef eval_generator_methods[] = {
  { "close", gen_method_close },
  { "send", gen_method_send },
  { "throw", eval_gen_method_throw },
  { "__next__", gen_method_next },
  { NULL }
};

static void
generator_free (gpointer p)
{
  Generator *g = p;
  coroutine_free (g->co);
  g_free (g);
}

void
eval_generators_init (ReclaimInterp *interp)
{
  eval_state (interp)->generators = g_hash_table_new_full (NULL, NULL, NULL, generator_free);
  eval_state (interp)->constants = g_hash_table_new (NULL, NULL);
}

void
eval_generator_forget (ReclaimInterp *interp, ReclaimId gen)
{
  Generator *g = g_hash_table_lookup (generators (interp), GUINT_TO_POINTER (gen));
  if (g && (!coroutine_started (g->co) || g->done))
    g_hash_table_remove (generators (interp), GUINT_TO_POINTER (gen));
}

gboolean
eval_generators_paused_mid_expression (ReclaimInterp *interp)
{
  GHashTableIter iter;
  gpointer p;

  if (generators (interp) == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, generators (interp));
  while (g_hash_table_iter_next (&iter, NULL, &p))
    {
      Generator *g = p;
      if (coroutine_started (g->co) && !g->done && g->paused_frame == NULL)
        return TRUE;
    }
  return FALSE;
}

void
eval_generators_visit (ReclaimInterp *interp, ReclaimValueVisitFunc visit, gpointer user_data)
{
  GHashTableIter iter;
  gpointer p;

  if (generators (interp) == NULL)
    return;
  g_hash_table_iter_init (&iter, generators (interp));
  while (g_hash_table_iter_next (&iter, NULL, &p))
    {
      Generator *g = p;
      visit (g->transfer, user_data);
      visit (g->result, user_data);
      if (g->paused_frame != NULL)
        visit (g->paused_frame->handling, user_data);
    }
}

/* At the end: generators still paused are unwound without running Python.
 * Unwinding one that is in a yield from lets go of the inner generator,
 * which then leaves the table: walk a copy of its keys. */
void
eval_generators_free (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);
  g_autoptr (GList) paused = g_hash_table_get_keys (es->generators);

  es->stopped = TRUE;
  for (GList *l = paused; l; l = l->next)
    {
      Generator *g = g_hash_table_lookup (es->generators, l->data);
      if (g && coroutine_started (g->co) && !g->done)
        {
          g->running = TRUE;
          while (coroutine_resume (g->co, NULL) == COROUTINE_SUSPENDED)
            ;
          g->done = TRUE;
        }
    }
  g_hash_table_unref (es->generators);
  es->generators = NULL;
  g_clear_pointer (&es->constants, g_hash_table_unref);
  g_clear_pointer (&es->made_frames, g_hash_table_unref);
}

/* ---- exceptions --------------------------------------------------------- */

void
lang_eval_set_exception (ReclaimInterp *interp, ReclaimValue exc)
{
  eval_exception_set_context (interp, exc, eval_handled_exception (interp));
  ReclaimValue old = interp->exc;
  interp->exc = exc;
  g_array_set_size (interp->traceback, 0);
  if (interp->eval)
    eval_state (interp)->fresh_raise = TRUE;
  lang_decref (interp, old);
}

static const char *
frame_function_name (ReclaimInterp *interp, Frame *frame)
{
  if (frame->scope->kind == SCOPE_MODULE)
    return "<module>";
  return frame->scope->name;
}

void
eval_traceback_add (ReclaimInterp *interp, Frame *frame)
{
  EvalState *es = eval_state (interp);
  LangTraceEntry e = { g_strdup (es->filename), frame->line, g_strdup (frame_function_name (interp, frame)) };
  g_array_append_val (interp->traceback, e);
}

void
lang_error_write_unraisable (ReclaimInterp *interp, const char *where)
{
  ReclaimValue exc = interp->exc;
  if (exc == 0)
    return;
  /* the step limit stops the whole script: it is not the __del__'s error */
  if (eval_state (interp)->stopped)
    {
      lang_error_clear (interp);
      return;
    }
  interp->exc = 0;
  g_autofree char *text = lang_str (interp, exc);
  lang_error_clear (interp);
  g_autofree char *line = g_strdup_printf ("Exception ignored in: %s\nTraceback (most recent call last):\n%s%s%s\n",
                                           where, lang_type_name (interp, exc), text && *text ? ": " : "",
                                           text ? text : "");
  lang_write_stderr (interp, line, -1);
  lang_decref (interp, exc);
}

/* The exception a bare `raise` re-raises: the innermost being handled. */
static ReclaimValue
handled_exception (ReclaimInterp *interp, Frame *frame)
{
  for (Frame *f = frame; f; f = f->back)
    if (f->handling)
      return f->handling;
  return 0;
}

ReclaimValue
lang_handled_exception (ReclaimInterp *interp)
{
  return eval_handled_exception (interp);
}

ReclaimValue
eval_handled_exception (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);
  return es ? handled_exception (interp, es->frame) : 0;
}

static gboolean
is_exception_class (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS)
    return FALSE;
  LangClass *cls = lang_class_get (interp, v);
  return cls && cls->is_exception;
}

ExecStatus
eval_exec_raise (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  if (node->v.raise_stmt.exc == NULL)
    {
      ReclaimValue exc = handled_exception (interp, frame);
      if (exc == 0)
        lang_raise (interp, "RuntimeError", "No active exception to reraise");
      else
        {
          lang_eval_set_exception (interp, lang_ref (interp, exc));
          eval_state (interp)->fresh_raise = FALSE;   /* RERAISE adds no traceback entry */
        }
      return EXEC_ERROR;
    }
  ReclaimValue v = eval_expr (interp, frame, node->v.raise_stmt.exc);
  if (v == LANG_ERROR)
    return EXEC_ERROR;
  ReclaimValue cause = 0;
  if (node->v.raise_stmt.cause)
    {
      cause = eval_expr (interp, frame, node->v.raise_stmt.cause);
      if (cause == LANG_ERROR)
        {
          lang_decref (interp, v);
          return EXEC_ERROR;
        }
    }
  /* do_raise: the exception class is called first, then the cause's */
  if (is_exception_class (interp, v))
    {
      ReclaimValue exc = lang_call (interp, v, 0, NULL, 0, NULL);
      lang_decref (interp, v);
      v = exc;
    }
  if (v != LANG_ERROR && (!reclaim_value_is_object (v) || !lang_class_of (interp, v)->is_exception))
    {
      lang_decref (interp, v);
      lang_raise (interp, "TypeError", "exceptions must derive from BaseException");
      v = LANG_ERROR;
    }
  if (v != LANG_ERROR && cause && is_exception_class (interp, cause))
    {
      ReclaimValue made = lang_call (interp, cause, 0, NULL, 0, NULL);
      lang_decref (interp, cause);
      cause = made;
      if (made == LANG_ERROR)
        {
          lang_decref (interp, v);
          return EXEC_ERROR;
        }
    }
  if (v == LANG_ERROR)
    {
      lang_decref (interp, cause);
      return EXEC_ERROR;
    }
  if (cause && !eval_exception_set_cause (interp, v, cause))
    {
      lang_decref (interp, v);
      return EXEC_ERROR;
    }
  lang_eval_set_exception (interp, v);
  return EXEC_ERROR;
}

/* Does the pending exception match the handler's type (a class or a
 * tuple of classes)?  -1 on error. */
static int
handler_matches (ReclaimInterp *interp, Frame *frame, const ReclaimNode *type_node)
{
  if (type_node == NULL)
    return 1;
  ReclaimValue exc = interp->exc;
  interp->exc = 0;
  ReclaimValue type = eval_expr (interp, frame, type_node);
  if (type == LANG_ERROR)
    {
      lang_decref (interp, exc);
      return -1;
    }
  interp->exc = exc;
  int match = 0;
  LangClass *exc_class = lang_class_of (interp, exc);
  if (reclaim_value_is_object (type) && reclaim_heap_get_kind (interp->heap, type) == RECLAIM_KIND_TUPLE)
    {
      for (guint i = 0; i < lang_seq_length (interp, type) && !match; i++)
        {
          LangClass *c = lang_class_get (interp, lang_seq_item (interp, type, i));
          match = c && lang_is_subclass (exc_class, c);
        }
    }
  else
    {
      LangClass *c = is_exception_class (interp, type) ? lang_class_get (interp, type) : NULL;
      if (c == NULL)
        {
          lang_decref (interp, type);
          lang_error_clear (interp);
          lang_raise (interp, "TypeError", "catching classes that do not inherit from BaseException is not allowed");
          return -1;
        }
      match = lang_is_subclass (exc_class, c);
    }
  lang_decref (interp, type);
  return match;
}

static ExecStatus
run_handler (ReclaimInterp *interp, Frame *frame, const ReclaimNode *handler)
{
  ReclaimValue exc = interp->exc;
  interp->exc = 0;
  g_array_set_size (interp->traceback, 0);
  ReclaimValue outer = frame->handling;
  frame->handling = exc;

  const char *name = handler->v.except_handler.name;
  ExecStatus s = EXEC_OK;
  if (name && eval_store_name (interp, frame, name, lang_ref (interp, exc)) < 0)
    s = EXEC_ERROR;
  if (s == EXEC_OK)
    s = eval_body (interp, frame, &handler->v.except_handler.body);
  frame->handling = outer;
  if (name)
    {
      /* `except E as e` ends with e = None; del e */
      ReclaimValue pending = interp->exc;
      interp->exc = 0;
      if (eval_store_name (interp, frame, name, scalar_none ()) < 0 || eval_delete_name (interp, frame, name) < 0)
        lang_error_clear (interp);
      interp->exc = pending;
    }
  lang_decref (interp, exc);
  return s;
}

ExecStatus
eval_exec_try (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  EvalState *es = eval_state (interp);
  ExecStatus s = eval_body (interp, frame, &node->v.try_stmt.body);

  if (s == EXEC_ERROR && !es->stopped)
    eval_traceback_here (interp, frame);
  if (s == EXEC_ERROR && !es->stopped && node->v.try_stmt.handlers.n > 0)
    {
      eval_exception_keep_traceback (interp, interp->exc, interp->traceback, frame);
      guint raise_line = frame->line;
      for (guint i = 0; i < node->v.try_stmt.handlers.n; i++)
        {
          const ReclaimNode *h = node->v.try_stmt.handlers.items[i];
          frame->line = h->line;
          int m = handler_matches (interp, frame, h->v.except_handler.type);
          if (m < 0)
            break;
          if (m)
            {
              s = run_handler (interp, frame, h);
              break;
            }
          /* no handler matched: the exception goes on from where it was raised */
          if (i + 1 == node->v.try_stmt.handlers.n)
            frame->line = raise_line;
        }
    }
  else if (s == EXEC_OK)
    s = eval_body (interp, frame, &node->v.try_stmt.orelse);

  if (node->v.try_stmt.finalbody.n == 0 || es->stopped)
    return s;
  /* finally: keep what was pending, unless the finally block ends otherwise */
  ReclaimValue pending_exc = interp->exc, pending_ret = frame->retval;
  GArray *pending_tb = interp->traceback;
  interp->exc = 0;
  frame->retval = 0;
  /* a pending exception is the one handled while the finally block runs */
  if (pending_exc)
    eval_exception_keep_traceback (interp, pending_exc, pending_tb, frame);
  interp->traceback = lang_traceback_new ();
  ReclaimValue outer = frame->handling;
  if (pending_exc)
    frame->handling = pending_exc;
  gboolean pending = pending_exc || pending_ret;
  frame->finally_pending += pending;
  ExecStatus f = eval_body (interp, frame, &node->v.try_stmt.finalbody);
  frame->finally_pending -= pending;
  frame->handling = outer;
  if (f == EXEC_OK)
    {
      g_array_unref (interp->traceback);
      interp->traceback = pending_tb;
      interp->exc = pending_exc;
      frame->retval = pending_ret;
      return s;
    }
  g_array_unref (pending_tb);
  lang_decref (interp, pending_exc);
  lang_decref (interp, pending_ret);
  return f;
}

/* with: __enter__ and __exit__ are looked up on the class and bound, the
 * manager dropped, then __enter__ called (BEFORE_WITH). */
static ExecStatus
exec_with_item (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint index)
{
  const ReclaimNode *item = node->v.with_stmt.items.items[index];
  ReclaimValue mgr = eval_expr (interp, frame, item->v.with_item.context_expr);
  if (mgr == LANG_ERROR)
    return EXEC_ERROR;
  LangClass *cls = lang_class_of (interp, mgr);
  gboolean has_enter = !cls->builtin && lang_eval_class_lookup (interp, cls, "__enter__");
  gboolean has_exit = !cls->builtin && lang_eval_class_lookup (interp, cls, "__exit__");
  if (!has_enter || !has_exit)
    {
      lang_raise (interp, "TypeError", "'%s' object does not support the context manager protocol%s", cls->name,
                  has_enter ? " (missed __exit__ method)" : "");
      lang_decref (interp, mgr);
      return EXEC_ERROR;
    }
  ReclaimValue enter = lang_getattr (interp, mgr, "__enter__");
  ReclaimValue exit = lang_getattr (interp, mgr, "__exit__");
  lang_decref (interp, mgr);
  ReclaimValue entered = lang_call (interp, enter, 0, NULL, 0, NULL);
  lang_decref (interp, enter);
  if (entered == LANG_ERROR)
    {
      lang_decref (interp, exit);
      return EXEC_ERROR;
    }
  ExecStatus s = EXEC_OK;
  if (item->v.with_item.optional_vars)
    {
      if (eval_store_target (interp, frame, item->v.with_item.optional_vars, entered) == LANG_ERROR)
        s = EXEC_ERROR;
    }
  else
    lang_decref (interp, entered);

  if (s == EXEC_OK)
    s = index + 1 < node->v.with_stmt.items.n ? exec_with_item (interp, frame, node, index + 1)
                                              : eval_body (interp, frame, &node->v.with_stmt.body);

  ReclaimValue args[3];
  ReclaimValue exc = 0;
  if (s == EXEC_ERROR && !eval_state (interp)->stopped)
    {
      eval_traceback_here (interp, frame);
      exc = interp->exc;
      interp->exc = 0;
      args[0] = lang_class_of (interp, exc)->id;
      args[1] = exc;
      args[2] = reclaim_heap_n_slots (interp->heap, exc) > EXC_SLOT_TRACEBACK
                ? reclaim_heap_slot_get (interp->heap, exc, EXC_SLOT_TRACEBACK) : 0;
      if (args[2] == 0)
        args[2] = scalar_none ();
    }
  else
    args[0] = args[1] = args[2] = scalar_none ();
  if (s == EXEC_ERROR && exc == 0)
    {
      lang_decref (interp, exit);
      return s;
    }
  /* __exit__ runs while the block's exception is being handled: what it
   * raises has that exception as its context */
  ReclaimValue outer_handling = frame->handling;
  if (exc)
    frame->handling = exc;
  ReclaimValue r = lang_call (interp, exit, 3, args, 0, NULL);
  frame->handling = outer_handling;
  if (r == LANG_ERROR)
    {
      lang_decref (interp, exit);
      lang_decref (interp, exc);
      return EXEC_ERROR;
    }
  int suppress = exc ? lang_truth (interp, r) : 0;
  lang_decref (interp, r);
  if (exc && suppress == 1)
    {
      /* the swallowed exception goes (POP_EXCEPT) before __exit__ does */
      lang_decref (interp, exc);
      g_array_set_size (interp->traceback, 0);
      lang_decref (interp, exit);
      return EXEC_OK;
    }
  lang_decref (interp, exit);
  if (exc)
    {
      interp->exc = exc;
      return EXEC_ERROR;
    }
  return s;
}

ExecStatus
eval_exec_with (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  return exec_with_item (interp, frame, node, 0);
}

/* ---- limits ------------------------------------------------------------- */

void
eval_stop (ReclaimInterp *interp)
{
  eval_state (interp)->stopped = TRUE;
  lang_raise (interp, "SystemExit", "stopped");
}

/* Something Reclaim does not model, reached where the check could not see
 * it coming (a codec named by a computed str): the script stops there, as
 * at the step limit, rather than raise an exception python3 would not
 * raise and the script could catch and go on from. */
ReclaimValue
lang_stop_not_supported (ReclaimInterp *interp, const char *format, ...)
{
  EvalState *es = eval_state (interp);
  va_list ap;
  va_start (ap, format);
  g_autofree char *what = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_free (interp->not_supported);
  interp->not_supported = g_strdup_printf ("not supported in Reclaim: %s", what);
  interp->error_line = es->frame ? es->frame->line : 0;
  eval_stop (interp);
  return LANG_ERROR;
}

gboolean
eval_check_limits (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);

  if (es->stopped)
    return FALSE;
  /* checked where the step limit is: as often, and unwound the same way */
  if (++interp->steps > interp->options.max_steps ||
      (interp->options.cancel != NULL && g_atomic_int_get (interp->options.cancel)))
    {
      eval_stop (interp);
      return FALSE;
    }
  if (reclaim_heap_n_alive (interp->heap) > interp->options.max_objects)
    {
      lang_raise (interp, "MemoryError", "more than %u objects alive (raise the limit with --max-objects)",
                  interp->options.max_objects);
      return FALSE;
    }
  if (!lang_memory_check (interp))
    return FALSE;
  return TRUE;
}
