/* reclaim-traceback.c: traceback objects, frame objects and code objects
 * as Python sees them (tb_next, tb_frame, tb_lineno; f_back, f_lineno,
 * f_code; co_name).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As CPython's Python/traceback.c and Objects/frameobject.c (3.11):
 *
 * - Every frame an exception goes through, the one that raised it and the
 *   one that catches it included, puts a traceback object in front of the
 *   exception's __traceback__ (PyTraceBack_Here): tb_frame holds the frame,
 *   tb_next the older entry (the frame further in), tb_lineno the line.
 * - A function's frame object is the FRAME object that holds its locals.
 *   Module, class and generator bodies get one made when a traceback first
 *   needs it (_PyFrame_GetFrameObject); the body holds it while it runs or
 *   is suspended.
 * - A frame object still held when its body ends (by a traceback kept in
 *   a variable, say) takes over its locals (take_ownership): it remembers
 *   its line and its caller's frame (f_back, a strong reference) and the
 *   collector starts tracking it.  That is how `e = exc` inside a handler
 *   makes the cycle exception -> traceback -> frame -> e that only
 *   gc.collect() frees.  A generator's frame object takes over the
 *   generator's locals so (the generator keeps them in its own slots while
 *   it runs).
 */
#include "reclaim-eval-private.h"

#include <string.h>

#define TRACEBACK_LABEL "traceback"
#define CODE_LABEL "code"

enum { TB_SLOT_NEXT, TB_SLOT_FRAME, TB_SLOT_LINENO };

static gboolean
has_label (ReclaimInterp *interp, ReclaimValue v, const char *label)
{
  return reclaim_value_is_object (v) && g_strcmp0 (reclaim_heap_get_label (interp->heap, v), label) == 0 &&
         reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS;
}

static gboolean
is_frame_object (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_FRAME;
}

/* The frame object a running body already has, or 0. */
static ReclaimId
frame_object_peek (ReclaimInterp *interp, Frame *frame)
{
  if (frame->scope->kind == SCOPE_FUNCTION && is_frame_object (interp, frame->locals))
    return frame->locals;
  return frame->frame_object;
}

ReclaimId
eval_frame_object (ReclaimInterp *interp, Frame *frame)
{
  ReclaimId obj = frame_object_peek (interp, frame);
  if (obj == 0)
    {
      const char *name = frame->scope->kind == SCOPE_MODULE ? "<module>" : frame->scope->name;
      obj = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_FRAME, 0, name, RECLAIM_ALLOC_ROOT);
      frame->frame_object = obj;
      EvalState *es = eval_state (interp);
      if (es->made_frames == NULL)
        es->made_frames = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (es->made_frames, GUINT_TO_POINTER (obj), frame);
    }
  return obj;
}

void
eval_traceback_here (ReclaimInterp *interp, Frame *frame)
{
  ReclaimValue exc = interp->exc;
  if (exc == 0 || !reclaim_value_is_object (exc) || reclaim_heap_n_slots (interp->heap, exc) < EXC_N_SLOTS)
    return;
  ReclaimHeap *h = interp->heap;
  ReclaimValue older = reclaim_heap_slot_get (h, exc, EXC_SLOT_TRACEBACK);
  ReclaimId frame_object = eval_frame_object (interp, frame);
  /* once per raise and frame: passing through the frame's other try
   * statements, or a bare `raise`, adds no other entry */
  EvalState *es = eval_state (interp);
  if (!es->fresh_raise && has_label (interp, older, TRACEBACK_LABEL) &&
      reclaim_heap_slot_get (h, older, TB_SLOT_FRAME) == frame_object)
    return;
  es->fresh_raise = FALSE;
  ReclaimId tb = reclaim_heap_alloc (h, RECLAIM_KIND_OBJECT, 0, TRACEBACK_LABEL, 0);
  reclaim_heap_slot_append (h, tb, RECLAIM_ROLE_OTHER, "tb_next", lang_ref (interp, older));
  reclaim_heap_slot_append (h, tb, RECLAIM_ROLE_OTHER, "tb_frame", lang_ref (interp, frame_object));
  reclaim_heap_slot_append (h, tb, RECLAIM_ROLE_OTHER, "tb_lineno", scalar_int (frame->line));
  reclaim_heap_slot_set (h, exc, EXC_SLOT_TRACEBACK, tb);
}

/* take_ownership: the frame object outlives its body. */
static void
take_ownership (ReclaimInterp *interp, Frame *frame, ReclaimId obj)
{
  ReclaimHeap *h = interp->heap;
  if (obj != frame->locals && frame->gen)
    {
      /* the generator's locals (and its function) move to the frame object */
      for (guint i = 0; i < reclaim_heap_n_slots (h, frame->locals); i++)
        reclaim_heap_slot_append (h, obj, reclaim_heap_slot_get_role (h, frame->locals, i),
                                  reclaim_heap_slot_get_label (h, frame->locals, i),
                                  lang_ref (interp, reclaim_heap_slot_get (h, frame->locals, i)));
    }
  /* a generator's frame is unlinked from its caller before it is cleared */
  ReclaimValue back = frame->back && !frame->gen ? lang_ref (interp, eval_frame_object (interp, frame->back))
                                                 : scalar_none ();
  reclaim_heap_slot_append (h, obj, RECLAIM_ROLE_OTHER, "f_back", back);
  reclaim_heap_slot_append (h, obj, RECLAIM_ROLE_OTHER, "f_lineno", scalar_int (frame->line));
  reclaim_heap_track (h, obj);
}

void
eval_frame_exit (ReclaimInterp *interp, Frame *frame)
{
  ReclaimId obj = frame_object_peek (interp, frame);
  if (obj && is_frame_object (interp, obj) && reclaim_heap_get_refcount (interp->heap, obj) > 1)
    take_ownership (interp, frame, obj);
  if (frame->frame_object)
    {
      g_hash_table_remove (eval_state (interp)->made_frames, GUINT_TO_POINTER (frame->frame_object));
      lang_decref (interp, frame->frame_object);
      frame->frame_object = 0;
    }
}

/* The body whose frame object obj is, or NULL once it ended; *active
 * says whether it is running rather than a suspended generator. */
static Frame *
body_of (ReclaimInterp *interp, ReclaimId obj, gboolean *active)
{
  EvalState *es = eval_state (interp);
  *active = TRUE;
  for (Frame *f = es->frame; f; f = f->back)
    if (frame_object_peek (interp, f) == obj)
      return f;
  *active = FALSE;
  return es->made_frames ? g_hash_table_lookup (es->made_frames, GUINT_TO_POINTER (obj)) : NULL;
}

/* The code object of a scope: made once, held like a constant. */
static ReclaimValue
code_object (ReclaimInterp *interp, Scope *scope)
{
  EvalState *es = eval_state (interp);
  ReclaimId code = GPOINTER_TO_UINT (g_hash_table_lookup (es->constants, scope));
  if (code == 0)
    {
      code = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_PLAIN, 0, CODE_LABEL, 0);
      const char *name = scope->kind == SCOPE_MODULE ? "<module>" : scope->name;
      reclaim_heap_slot_append (interp->heap, code, RECLAIM_ROLE_OTHER, "co_name", scalar_str (name, -1));
      g_hash_table_insert (es->constants, scope, GUINT_TO_POINTER (code));
    }
  return lang_ref (interp, code);
}

static ReclaimValue
frame_attr (ReclaimInterp *interp, ReclaimId obj, const char *name)
{
  ReclaimHeap *h = interp->heap;
  gboolean active;
  Frame *running = body_of (interp, obj, &active);
  guint n = reclaim_heap_n_slots (h, obj);

  if (strcmp (name, "f_lineno") == 0)
    {
      if (running)
        return scalar_int (running->line);
      return n > 0 ? reclaim_heap_slot_get (h, obj, n - 1) : scalar_none ();
    }
  if (strcmp (name, "f_back") == 0)
    {
      if (running)   /* a suspended generator's frame has no caller */
        return active && running->back ? lang_ref (interp, eval_frame_object (interp, running->back))
                                       : scalar_none ();
      return n > 1 ? lang_ref (interp, reclaim_heap_slot_get (h, obj, n - 2)) : scalar_none ();
    }
  if (strcmp (name, "f_code") == 0)
    {
      if (running)
        return code_object (interp, running->scope);
      /* a function's frame holds the function after its locals */
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (reclaim_heap_slot_get_label (h, obj, i), "<function>") == 0)
          {
            FunctionInfo *fi = eval_function_info (interp, reclaim_heap_slot_get (h, obj, i));
            if (fi)
              return code_object (interp, fi->scope);
          }
      return code_object (interp, eval_state (interp)->module_scope);
    }
  return 0;
}

ReclaimValue
lang_traceback_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimHeap *h = interp->heap;
  if (has_label (interp, obj, TRACEBACK_LABEL) && reclaim_heap_n_slots (h, obj) > TB_SLOT_LINENO)
    {
      if (strcmp (name, "tb_next") == 0)
        {
          ReclaimValue next = reclaim_heap_slot_get (h, obj, TB_SLOT_NEXT);
          return next ? lang_ref (interp, next) : scalar_none ();
        }
      if (strcmp (name, "tb_frame") == 0)
        return lang_ref (interp, reclaim_heap_slot_get (h, obj, TB_SLOT_FRAME));
      if (strcmp (name, "tb_lineno") == 0)
        return reclaim_heap_slot_get (h, obj, TB_SLOT_LINENO);
      return 0;
    }
  if (is_frame_object (interp, obj))
    return frame_attr (interp, obj, name);
  if (has_label (interp, obj, CODE_LABEL) && strcmp (name, "co_name") == 0)
    return reclaim_heap_slot_get (h, obj, 0);
  return 0;
}

/* BaseException.with_traceback(tb): sets __traceback__, returns the exception. */
static ReclaimValue
exception_with_traceback (ReclaimInterp *interp, ReclaimValue exc, guint nargs, const ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "BaseException.with_traceback() takes no keyword arguments");
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "BaseException.with_traceback() takes exactly one argument (%u given)",
                       nargs);
  ReclaimValue tb = args[0];
  if (scalar_type (tb) != SCALAR_NONE && !has_label (interp, tb, TRACEBACK_LABEL))
    return lang_raise (interp, "TypeError", "__traceback__ must be a traceback or None");
  reclaim_heap_slot_set (interp->heap, exc, EXC_SLOT_TRACEBACK,
                         scalar_type (tb) == SCALAR_NONE ? RECLAIM_VALUE_NONE : lang_ref (interp, tb));
  return lang_ref (interp, exc);
}

static const LangMethodDef exception_methods[] = {
  { "with_traceback", exception_with_traceback },
  { NULL }
};

void
eval_traceback_init (ReclaimInterp *interp)
{
  LangClass *object = lang_builtin_class (interp, "object");
  lang_builtin_type_new (interp, TRACEBACK_LABEL, object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);
  lang_builtin_type_new (interp, CODE_LABEL, object, RECLAIM_KIND_PLAIN, NULL, NULL, FALSE);
  lang_class_add_methods (lang_builtin_class (interp, "BaseException"), exception_methods);
}
