/* reclaim-eval-annotations.c: annotations, evaluated as CPython 3.11
 * evaluates them without `from __future__ import annotations`.
 *
 * A module or class body that annotates anything starts by making its
 * `__annotations__` dict (SETUP_ANNOTATIONS); `x: int = 5` there stores 5
 * in x, then evaluates int and stores it in `__annotations__['x']`.  In a
 * function the annotation of a variable is never evaluated.  A function's
 * parameter and return annotations are evaluated when the def runs, kept
 * as a tuple (name, value, name, value ...) and turned into a dict the
 * first time `__annotations__` is read, as CPython's function objects do.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"

#include <string.h>

/* CPython's find_ann: an annotated assignment anywhere in the body but
 * inside a def or class. */
gboolean
eval_body_has_annotations (const ReclaimNodeList *body)
{
  for (guint i = 0; i < body->n; i++)
    {
      const ReclaimNode *st = body->items[i];
      switch (st->kind)
        {
        case RECLAIM_NODE_ASSIGN:
          if (st->v.assign.annotation)
            return TRUE;
          break;
        case RECLAIM_NODE_FOR:
          if (eval_body_has_annotations (&st->v.for_stmt.body) || eval_body_has_annotations (&st->v.for_stmt.orelse))
            return TRUE;
          break;
        case RECLAIM_NODE_WHILE:
        case RECLAIM_NODE_IF:
          if (eval_body_has_annotations (&st->v.if_stmt.body) || eval_body_has_annotations (&st->v.if_stmt.orelse))
            return TRUE;
          break;
        case RECLAIM_NODE_WITH:
          if (eval_body_has_annotations (&st->v.with_stmt.body))
            return TRUE;
          break;
        case RECLAIM_NODE_TRY:
          for (guint h = 0; h < st->v.try_stmt.handlers.n; h++)
            if (eval_body_has_annotations (&st->v.try_stmt.handlers.items[h]->v.except_handler.body))
              return TRUE;
          if (eval_body_has_annotations (&st->v.try_stmt.body) || eval_body_has_annotations (&st->v.try_stmt.orelse) ||
              eval_body_has_annotations (&st->v.try_stmt.finalbody))
            return TRUE;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/* SETUP_ANNOTATIONS: an empty `__annotations__` in the namespace, unless
 * it has one. */
void
eval_setup_annotations (ReclaimInterp *interp, ReclaimValue ns, const ReclaimNodeList *body)
{
  ReclaimValue key = scalar_str ("__annotations__", -1);

  if (!eval_body_has_annotations (body) || lang_dict_get (interp, ns, key))
    return;
  ReclaimValue annotations = lang_dict_new (interp);
  lang_dict_set (interp, ns, key, annotations);
  lang_decref (interp, annotations);
}

/* Evaluates an expression only for what it does, dropping its value. */
static gboolean
evaluate_and_drop (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue v = eval_expr (interp, frame, node);
  if (v == LANG_ERROR)
    return FALSE;
  lang_decref (interp, v);
  return TRUE;
}

/* The annotation of `x: T`: in a module or class body, T goes into
 * `__annotations__` (found as LOAD_NAME finds it) under x's name. */
static gboolean
store_annotation (ReclaimInterp *interp, Frame *frame, const char *name, const ReclaimNode *annotation)
{
  ReclaimValue value = eval_expr (interp, frame, annotation);
  if (value == LANG_ERROR)
    return FALSE;
  ReclaimValue annotations = eval_load_name (interp, frame, "__annotations__");
  if (annotations == LANG_ERROR)
    {
      lang_decref (interp, value);
      return FALSE;
    }
  int r = lang_store_subscript (interp, annotations, scalar_str (name, -1), value);
  lang_decref (interp, annotations);
  lang_decref (interp, value);
  return r == 0;
}

/* What `target: annotation` does besides the assignment itself (which
 * comes first when there is a value). */
ExecStatus
eval_annotation_of_assign (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNode *target = node->v.assign.targets.items[0];
  gboolean in_function = frame->ns == 0;
  gboolean ok = TRUE;

  if (node->v.assign.simple)
    {
      if (!in_function)
        ok = store_annotation (interp, frame, eval_mangle (frame, target->v.name.id), node->v.assign.annotation);
      return ok ? EXEC_OK : EXEC_ERROR;
    }
  /* `obj.attr: T` and `obj[key]: T` without a value still evaluate obj
   * (and key) */
  if (node->v.assign.value == NULL && target->kind == RECLAIM_NODE_ATTRIBUTE)
    ok = evaluate_and_drop (interp, frame, target->v.attribute.value);
  else if (node->v.assign.value == NULL && target->kind == RECLAIM_NODE_SUBSCRIPT)
    ok = evaluate_and_drop (interp, frame, target->v.subscript.value) &&
         evaluate_and_drop (interp, frame, target->v.subscript.slice);
  if (ok && !in_function)
    ok = evaluate_and_drop (interp, frame, node->v.assign.annotation);
  return ok ? EXEC_OK : EXEC_ERROR;
}

/* ---- functions ------------------------------------------------------------ */

static gboolean
push_annotation (ReclaimInterp *interp, Frame *frame, GArray *pairs, const char *name, const ReclaimNode *annotation)
{
  if (annotation == NULL)
    return TRUE;
  ReclaimValue value = eval_expr (interp, frame, annotation);
  if (value == LANG_ERROR)
    return FALSE;
  ReclaimValue key = scalar_str (name, -1);
  g_array_append_val (pairs, key);
  g_array_append_val (pairs, value);
  return TRUE;
}

/* *tuple: the tuple of a def's annotations, in CPython's order
 * (parameters, *args, keyword-only parameters, **kwargs, then 'return'),
 * or 0 when it has none.  FALSE on an error. */
gboolean
eval_function_annotations (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, ReclaimValue *tuple)
{
  *tuple = 0;
  if (node->kind != RECLAIM_NODE_FUNCTION_DEF)
    return TRUE;
  const ReclaimNode *args = node->v.function_def.args;
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  gboolean ok = TRUE;

  /* CPython's order: the parameters after a `/`, then those before it */
  guint n_args = args->v.arguments.args.n, n_posonly = args->v.arguments.n_posonly;
  for (guint k = 0; ok && k < n_args; k++)
    {
      const ReclaimNode *arg = args->v.arguments.args.items[(k + n_posonly) % n_args];
      ok = push_annotation (interp, frame, pairs, eval_mangle (frame, arg->v.arg.arg), arg->v.arg.annotation);
    }
  if (ok && args->v.arguments.vararg)
    ok = push_annotation (interp, frame, pairs, eval_mangle (frame, args->v.arguments.vararg->v.arg.arg),
                          args->v.arguments.vararg->v.arg.annotation);
  for (guint i = 0; ok && i < args->v.arguments.kwonlyargs.n; i++)
    {
      const ReclaimNode *arg = args->v.arguments.kwonlyargs.items[i];
      ok = push_annotation (interp, frame, pairs, eval_mangle (frame, arg->v.arg.arg), arg->v.arg.annotation);
    }
  if (ok && args->v.arguments.kwarg)
    ok = push_annotation (interp, frame, pairs, eval_mangle (frame, args->v.arguments.kwarg->v.arg.arg),
                          args->v.arguments.kwarg->v.arg.annotation);
  if (ok)
    ok = push_annotation (interp, frame, pairs, "return", node->v.function_def.returns);
  if (!ok)
    {
      for (guint i = pairs->len; i > 0; i--)
        lang_decref (interp, g_array_index (pairs, ReclaimValue, i - 1));
      return FALSE;
    }
  if (pairs->len > 0)
    *tuple = lang_tuple_new (interp, pairs->len, (ReclaimValue *) pairs->data);
  return TRUE;
}

/* f.__annotations__: the dict, made from the tuple (or empty) the first
 * time it is asked for and kept by the function from then on. */
ReclaimValue
eval_function_annotations_dict (ReclaimInterp *interp, ReclaimValue func)
{
  ReclaimHeap *h = interp->heap;

  int slot = eval_function_slot (interp, func, "__annotations__");
  if (slot < 0)
    {
      reclaim_heap_slot_append (h, func, RECLAIM_ROLE_OTHER, "__annotations__", 0);
      slot = (int) reclaim_heap_n_slots (h, func) - 1;
    }
  ReclaimValue held = reclaim_heap_slot_get (h, func, (guint) slot);
  if (held && lang_is_builtin_kind (interp, held, RECLAIM_KIND_DICT))
    return lang_ref (interp, held);

  ReclaimValue dict = lang_dict_new (interp);
  guint n = held ? lang_seq_length (interp, held) : 0;
  for (guint i = 0; i + 1 < n; i += 2)
    if (lang_dict_set (interp, dict, lang_seq_item (interp, held, i), lang_seq_item (interp, held, i + 1)) < 0)
      {
        lang_decref (interp, dict);
        return LANG_ERROR;
      }
  reclaim_heap_slot_set (h, func, (guint) slot, dict);   /* drops the tuple */
  return lang_ref (interp, dict);
}

/* C.__annotations__: the class's own dict (a base's is not inherited),
 * made empty and stored in the class the first time it is missing. */
ReclaimValue
eval_class_annotations (ReclaimInterp *interp, LangClass *cls)
{
  ReclaimValue key = scalar_str ("__annotations__", -1);
  ReclaimValue held = lang_dict_get (interp, cls->ns, key);
  if (held)
    return lang_ref (interp, held);
  ReclaimValue dict = lang_dict_new (interp);
  if (lang_dict_set (interp, cls->ns, key, dict) < 0)
    {
      lang_decref (interp, dict);
      return LANG_ERROR;
    }
  return dict;
}
