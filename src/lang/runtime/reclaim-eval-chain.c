/* reclaim-eval-chain.c: exception chaining: __context__, __cause__,
 * __suppress_context__, `raise ... from ...`, and the chained traceback
 * python3 prints.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"

#include <string.h>

static ReclaimValue
exc_slot (ReclaimInterp *interp, ReclaimValue exc, guint slot)
{
  return reclaim_heap_n_slots (interp->heap, exc) > slot ? reclaim_heap_slot_get (interp->heap, exc, slot) : 0;
}

static gboolean
has_exc_slots (ReclaimInterp *interp, ReclaimValue exc)
{
  return reclaim_value_is_object (exc) && lang_class_of (interp, exc)->is_exception &&
         reclaim_heap_n_slots (interp->heap, exc) >= EXC_N_SLOTS;
}

/* _PyErr_SetObject: the exception raised while another is handled takes
 * it as its __context__, first cutting any loop back to itself from the
 * handled exception's own chain. */
void
eval_exception_set_context (ReclaimInterp *interp, ReclaimValue exc, ReclaimValue handled)
{
  if (handled == 0 || handled == exc || !has_exc_slots (interp, exc) || !has_exc_slots (interp, handled))
    return;
  for (ReclaimValue o = handled; o;)
    {
      ReclaimValue context = exc_slot (interp, o, EXC_SLOT_CONTEXT);
      if (context == exc)
        {
          reclaim_heap_slot_set (interp->heap, o, EXC_SLOT_CONTEXT, RECLAIM_VALUE_NONE);
          break;
        }
      o = reclaim_value_is_object (context) ? context : 0;
    }
  reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_CONTEXT, lang_ref (interp, handled));
}

/* `raise exc from cause`: cause is an exception, an exception class
 * (called) or None.  Takes cause; FALSE with TypeError otherwise. */
gboolean
eval_exception_set_cause (ReclaimInterp *interp, ReclaimValue exc, ReclaimValue cause)
{
  if (scalar_type (cause) == SCALAR_NONE)
    cause = RECLAIM_VALUE_NONE;
  else if (!reclaim_value_is_object (cause) || !lang_class_of (interp, cause)->is_exception)
    {
      lang_decref (interp, cause);
      lang_raise (interp, "TypeError", "exception causes must derive from BaseException");
      return FALSE;
    }
  if (has_exc_slots (interp, exc))
    {
      reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_CAUSE, cause);
      reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_SUPPRESS_CONTEXT, scalar_bool (TRUE));
    }
  else
    lang_decref (interp, cause);
  return TRUE;
}

/* e.__cause__, e.__context__, e.__suppress_context__: a new reference,
 * or 0 for other names. */
ReclaimValue
eval_exception_chain_attr (ReclaimInterp *interp, ReclaimValue exc, const char *name)
{
  if (!has_exc_slots (interp, exc))
    return 0;
  if (strcmp (name, "__cause__") == 0 || strcmp (name, "__context__") == 0)
    {
      ReclaimValue v = exc_slot (interp, exc, name[2] == 'c' && name[3] == 'a' ? EXC_SLOT_CAUSE : EXC_SLOT_CONTEXT);
      return v ? lang_ref (interp, v) : scalar_none ();
    }
  if (strcmp (name, "__suppress_context__") == 0)
    return scalar_bool (exc_slot (interp, exc, EXC_SLOT_SUPPRESS_CONTEXT) == scalar_bool (TRUE));
  return 0;
}

/* Setting them: 1 when name is none of them, else 0 or -1 on error. */
int
eval_exception_chain_setattr (ReclaimInterp *interp, ReclaimValue exc, const char *name, ReclaimValue v)
{
  if (!has_exc_slots (interp, exc))
    return 1;
  gboolean is_cause = strcmp (name, "__cause__") == 0;
  if (is_cause || strcmp (name, "__context__") == 0)
    {
      if (scalar_type (v) != SCALAR_NONE && (!reclaim_value_is_object (v) || !lang_class_of (interp, v)->is_exception))
        {
          lang_raise (interp, "TypeError", "exception %s must be None or derive from BaseException",
                      is_cause ? "cause" : "context");
          return -1;
        }
      ReclaimValue held = scalar_type (v) == SCALAR_NONE ? RECLAIM_VALUE_NONE : lang_ref (interp, v);
      reclaim_heap_slot_set (interp->heap, exc, is_cause ? EXC_SLOT_CAUSE : EXC_SLOT_CONTEXT, held);
      if (is_cause)
        reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_SUPPRESS_CONTEXT, scalar_bool (TRUE));
      return 0;
    }
  if (strcmp (name, "__traceback__") == 0)
    {
      gboolean none = scalar_type (v) == SCALAR_NONE;
      if (!none && (!reclaim_value_is_object (v) || strcmp (reclaim_heap_get_label (interp->heap, v), "traceback") != 0))
        {
          lang_raise (interp, "TypeError", "__traceback__ must be a traceback or None");
          return -1;
        }
      reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_TRACEBACK, none ? RECLAIM_VALUE_NONE : lang_ref (interp, v));
      return 0;
    }
  if (strcmp (name, "__suppress_context__") == 0)
    {
      int t = lang_truth (interp, v);
      if (t < 0)
        return -1;
      reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_SUPPRESS_CONTEXT, t ? scalar_bool (TRUE) : RECLAIM_VALUE_NONE);
      return 0;
    }
  return 1;
}

/* ---- printing ----------------------------------------------------------- */

/* What an exception's traceback shows when frame's handler (or finally
 * block) gets it: the frames it left, then frame at the line it came
 * from.  Printed for it as the cause or context of a later one. */
void
eval_exception_keep_traceback (ReclaimInterp *interp, ReclaimValue exc, GArray *traceback, Frame *frame)
{
  if (!has_exc_slots (interp, exc))
    return;
  GArray *copy = lang_traceback_new ();
  for (guint i = 0; i < traceback->len; i++)
    {
      LangTraceEntry *e = &g_array_index (traceback, LangTraceEntry, i);
      LangTraceEntry c = { g_strdup (e->filename), e->line, g_strdup (e->function) };
      g_array_append_val (copy, c);
    }
  GArray *current = interp->traceback;
  interp->traceback = copy;
  eval_traceback_add (interp, frame);   /* the outermost so far */
  interp->traceback = current;
  lang_side_insert (interp, interp->caught_tracebacks, exc, copy);
}

/* The exceptions printed before exc, with the line between: its cause,
 * or its context unless suppressed (print_exception_recursive). */
void
eval_print_chain (ReclaimInterp *interp, ReclaimValue exc, GString *out, GHashTable *seen,
                  void (*print_one) (ReclaimInterp *, ReclaimValue, GArray *, GString *))
{
  g_hash_table_add (seen, GUINT_TO_POINTER (exc));
  ReclaimValue cause = exc_slot (interp, exc, EXC_SLOT_CAUSE);
  ReclaimValue context = exc_slot (interp, exc, EXC_SLOT_CONTEXT);
  gboolean suppress = exc_slot (interp, exc, EXC_SLOT_SUPPRESS_CONTEXT) == scalar_bool (TRUE);
  ReclaimValue before = cause ? cause : (!suppress ? context : 0);
  if (before == 0 || !has_exc_slots (interp, before) || g_hash_table_contains (seen, GUINT_TO_POINTER (before)))
    return;
  eval_print_chain (interp, before, out, seen, print_one);
  print_one (interp, before, g_hash_table_lookup (interp->caught_tracebacks, GUINT_TO_POINTER (before)), out);
  g_string_append (out, cause ? "\nThe above exception was the direct cause of the following exception:\n\n"
                              : "\nDuring handling of the above exception, another exception occurred:\n\n");
}
