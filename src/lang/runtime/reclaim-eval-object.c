/* reclaim-eval-object.c: functions, frames, classes, instances and their
 * attributes, comprehensions and generators.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-names.h"
#include "reclaim-coroutine.h"
#include "reclaim-builtins-private.h"

#include <string.h>

/* ---- function objects --------------------------------------------------- */

void
lang_eval_function_info_free (gpointer p)
{
  FunctionInfo *fi = p;
  if (fi == NULL)   /* interp->functions has none for most ids */
    return;
  g_free (fi->qualname);
  g_free (fi->name);
  g_free (fi->slot_labels);
  g_free (fi);
}

FunctionInfo *
eval_function_info (ReclaimInterp *interp, ReclaimValue func)
{
  GPtrArray *functions = interp->functions;
  return reclaim_value_is_object (func) && func < functions->len ? functions->pdata[func] : NULL;
}

const char *
lang_eval_function_qualname (ReclaimInterp *interp, ReclaimValue func)
{
  FunctionInfo *fi = eval_function_info (interp, func);
  return fi ? fi->qualname : "?";
}

static void
set_function_info (ReclaimInterp *interp, ReclaimValue func, const ReclaimNode *node, Scope *scope)
{
  FunctionInfo *fi = g_new0 (FunctionInfo, 1);
  fi->node = node;
  fi->scope = scope;
  fi->qualname = g_strdup (scope->qualname);
  fi->slot_labels = g_new (guint32, scope->slots->len + 1);
  for (guint i = 0; i < scope->slots->len; i++)
    fi->slot_labels[i] = reclaim_intern (scope->slots->pdata[i]);
  fi->slot_labels[scope->slots->len] = reclaim_intern ("<function>");
  fi->frame_label = scope->name ? reclaim_intern (scope->name) : 0;
  if (func >= interp->functions->len)
    g_ptr_array_set_size (interp->functions, MAX (func + 1, 2 * interp->functions->len));
  interp->functions->pdata[func] = fi;
}

/* The closure tuple: the cells of the enclosing frame that the new
 * function's scope uses, in the order of its free variables. */
static ReclaimValue
build_closure (ReclaimInterp *interp, Frame *frame, Scope *scope)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));

  for (guint i = 0; i < scope->slots->len; i++)
    {
      const char *name = scope->slots->pdata[i];
      if (reclaim_scope_name_kind (scope, name) != NAME_FREE)
        continue;
      ReclaimValue cell = reclaim_heap_slot_get (interp->heap, frame->locals,
                                                 reclaim_scope_slot (frame->scope, name));
      lang_incref (interp, cell);
      g_array_append_val (cells, cell);
    }
  if (cells->len == 0)
    return 0;
  return lang_tuple_new (interp, cells->len, (ReclaimValue *) cells->data);
}

/* Defaults that are all constants are one constant tuple (LOAD_CONST),
 * made once for the arguments node. */
static ReclaimValue
eval_constant_defaults (ReclaimInterp *interp, const ReclaimNode *args)
{
  EvalState *es = eval_state (interp);
  ReclaimValue t = GPOINTER_TO_UINT (g_hash_table_lookup (es->constants, args));
  if (t)
    return t;
  ReclaimNode *tuple = reclaim_node_new (es->module->v.module.arena, RECLAIM_NODE_TUPLE);
  tuple->v.seq.elts = args->v.arguments.defaults;
  t = eval_constant_tuple (interp, tuple);
  if (t)
    g_hash_table_insert (es->constants, (gpointer) args, GUINT_TO_POINTER (t));
  return t;
}

/* Evaluates the n expressions (NULL ones skipped) into values; on an
 * error drops those made so far, the last first (CPython pops its stack). */
static gboolean
eval_expr_values (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *exprs, ReclaimValue *values,
                  guint *n_values)
{
  *n_values = 0;
  for (guint i = 0; i < exprs->n; i++)
    {
      if (exprs->items[i] == NULL)
        continue;
      ReclaimValue v = eval_expr (interp, frame, exprs->items[i]);
      if (v == LANG_ERROR)
        {
          while (*n_values > 0)
            lang_decref (interp, values[--*n_values]);
          return FALSE;
        }
      values[(*n_values)++] = v;
    }
  return TRUE;
}

/* *dict: the __kwdefaults__ dict, made anew each time the def runs
 * (CPython's BUILD_CONST_KEY_MAP): keyword-only parameter -> default, for
 * those that have one; 0 when none has.  FALSE when a default raised. */
static gboolean
eval_kw_defaults (ReclaimInterp *interp, Frame *frame, const ReclaimNode *args, ReclaimValue *dict)
{
  const ReclaimNodeList *kw_defaults = &args->v.arguments.kw_defaults;
  *dict = 0;
  if (kw_defaults->n == 0)
    return TRUE;
  g_autofree ReclaimValue *values = g_new (ReclaimValue, kw_defaults->n);
  guint n;
  if (!eval_expr_values (interp, frame, kw_defaults, values, &n))
    return FALSE;
  if (n == 0)
    return TRUE;
  *dict = lang_dict_new (interp);
  for (guint i = 0, k = 0; i < kw_defaults->n; i++)
    if (kw_defaults->items[i] != NULL)
      {
        const char *name = args->v.arguments.kwonlyargs.items[i]->v.arg.arg;
        lang_dict_set (interp, *dict, scalar_str (name, -1), values[k]);
        lang_decref (interp, values[k++]);
      }
  return TRUE;
}

/* MAKE_FUNCTION: defaults, keyword-only defaults, annotations and closure
 * are built before the function. */
ReclaimValue
eval_make_function (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  EvalState *es = eval_state (interp);
  Scope *scope = reclaim_scope_for_node (es->module_scope, node);
  const ReclaimNode *args = node->kind == RECLAIM_NODE_LAMBDA ? node->v.lambda.args
                          : node->kind == RECLAIM_NODE_FUNCTION_DEF ? node->v.function_def.args : NULL;
  ReclaimValue defaults = 0, kw_defaults = 0, closure;

  ReclaimValue constant_defaults = args && args->v.arguments.defaults.n > 0
    ? eval_constant_defaults (interp, args) : 0;
  if (constant_defaults)
    defaults = lang_ref (interp, constant_defaults);
  else if (args && args->v.arguments.defaults.n > 0)
    {
      guint n;
      g_autofree ReclaimValue *values = g_new (ReclaimValue, args->v.arguments.defaults.n);
      if (!eval_expr_values (interp, frame, &args->v.arguments.defaults, values, &n))
        return LANG_ERROR;
      defaults = lang_tuple_new (interp, n, values);
    }
  ReclaimValue annotations;
  if ((args && !eval_kw_defaults (interp, frame, args, &kw_defaults)) ||
      !eval_function_annotations (interp, frame, node, &annotations))
    {
      if (kw_defaults)
        lang_decref (interp, kw_defaults);
      if (defaults)
        lang_decref (interp, defaults);
      return LANG_ERROR;
    }
  closure = build_closure (interp, frame, scope);

  ReclaimId func = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_FUNCTION, 0, scope->name, 0);
  set_function_info (interp, func, node, scope);
  reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, "__globals__", lang_ref (interp, interp->globals));
  reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, "__defaults__", defaults);
  reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, "__kwdefaults__", kw_defaults);
  reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, "__closure__", closure);
  if (annotations)
    reclaim_heap_slot_append (interp->heap, func, RECLAIM_ROLE_OTHER, "__annotations__", annotations);
  return func;
}

/* ---- calling functions -------------------------------------------------- */

/* MAKE_CELL and COPY_FREE_VARS at the start of the body. */
static void
make_cells (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func, ReclaimId locals)
{
  Scope *scope = fi->scope;
  if (!scope->has_cells)
    return;   /* most functions: no slot to look at by name on each call */
  ReclaimValue closure = reclaim_heap_slot_get (interp->heap, func, FUNC_SLOT_CLOSURE);
  guint next_free = 0;

  for (guint i = 0; i < scope->slots->len; i++)
    {
      const char *name = scope->slots->pdata[i];
      NameKind kind = reclaim_scope_name_kind (scope, name);
      if (kind == NAME_CELL)
        {
          ReclaimId cell = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_CELL, 0, NULL, 0);
          ReclaimValue content = reclaim_heap_slot_get (interp->heap, locals, i);
          reclaim_heap_slot_append (interp->heap, cell, RECLAIM_ROLE_CELL, "cell_contents",
                                    lang_ref (interp, content));
          reclaim_heap_slot_set (interp->heap, locals, i, cell);
        }
      else if (kind == NAME_FREE && closure)
        reclaim_heap_slot_set (interp->heap, locals, i,
                               lang_ref (interp, lang_seq_item (interp, closure, next_free++)));
    }
}

/* The slots a frame starts with: one per local, then the function. */
static ReclaimId
new_locals (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func)
{
  Scope *scope = fi->scope;
  ReclaimId locals = scope->is_generator
    ? reclaim_heap_alloc_interned (interp->heap, RECLAIM_KIND_GENERATOR, 0, fi->frame_label, 0)
    : reclaim_heap_alloc_interned (interp->heap, RECLAIM_KIND_FRAME, 0, fi->frame_label, RECLAIM_ALLOC_ROOT);

  guint n = scope->slots->len;
  reclaim_heap_reserve_slots (interp->heap, locals, n + 1);
  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append_interned (interp->heap, locals, RECLAIM_ROLE_VAR, fi->slot_labels[i], RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append_interned (interp->heap, locals, RECLAIM_ROLE_OTHER, fi->slot_labels[n], func);
  return locals;
}

typedef struct {
  ReclaimInterp *interp;
  ReclaimValue   func;
  ReclaimId      locals;
  ReclaimValue   result;
} DeepCall;

static void
run_deep_call (gpointer data)
{
  DeepCall *call = data;
  call->result = eval_run_function_frame (call->interp, call->func, call->locals, NULL);
}

/* A generator's stack is small (so that many can be paused): a call deep
 * inside one runs on a big stack instead. */
static ReclaimValue
run_function_frame_with_room (ReclaimInterp *interp, ReclaimValue func, ReclaimId locals)
{
  if (G_LIKELY (!coroutine_stack_low ()))
    return eval_run_function_frame (interp, func, locals, NULL);

  DeepCall call = { interp, func, locals, LANG_ERROR };
  g_autoptr (GError) error = NULL;
  if (!coroutine_call_on_big_stack (run_deep_call, &call, &error))
    return lang_raise (interp, "MemoryError", "%s", error->message);
  return call.result;
}

ReclaimValue
eval_call_function_steal (ReclaimInterp *interp, ReclaimValue func, guint nargs, ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  FunctionInfo *fi = eval_function_info (interp, func);

  if (interp->depth + 1 > LANG_RECURSION_LIMIT)
    {
      for (guint i = 0; i < nargs + nkw; i++)
        lang_decref (interp, args[i]);
      lang_decref (interp, func);
      return lang_raise (interp, "RecursionError", "maximum recursion depth exceeded");
    }
  ReclaimId locals = new_locals (interp, fi, func);
  if (!eval_bind_arguments (interp, fi, func, locals, nargs, args, nkw, kwnames))
    {
      reclaim_heap_decref (interp->heap, locals);
      return LANG_ERROR;
    }
  make_cells (interp, fi, func, locals);
  if (fi->scope->is_generator)
    return eval_make_generator (interp, func, locals);
  ReclaimValue result = run_function_frame_with_room (interp, func, locals);
  /* the frame drops its locals in co_varnames order, then the function */
  reclaim_heap_decref (interp->heap, locals);
  return result;
}

ReclaimValue
lang_eval_call_function (ReclaimInterp *interp, ReclaimValue func, guint nargs, const ReclaimValue *args,
                         guint nkw, const char *const *kwnames)
{
  ReclaimValue stack[EVAL_ARGS_ON_STACK];
  g_autofree ReclaimValue *heap = NULL;
  ReclaimValue *owned = eval_args_buffer (stack, &heap, nargs + nkw + 1);
  for (guint i = 0; i < nargs + nkw; i++)
    owned[i] = lang_ref (interp, args[i]);
  return eval_call_function_steal (interp, lang_ref (interp, func), nargs, owned, nkw, kwnames);
}

static ReclaimValue run_comprehension (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);

ReclaimValue
eval_run_function_frame (ReclaimInterp *interp, ReclaimValue func, ReclaimId locals, Generator *gen)
{
  EvalState *es = eval_state (interp);
  FunctionInfo *fi = eval_function_info (interp, func);
  Frame frame = { .scope = fi->scope, .locals = locals, .function = func, .back = es->frame, .gen = gen };
  const ReclaimNode *node = fi->node;
  ReclaimValue result;

  frame.line = node->line;
  es->frame = &frame;
  interp->depth++;
  if (node->kind == RECLAIM_NODE_FUNCTION_DEF)
    {
      ExecStatus s = eval_body (interp, &frame, &node->v.function_def.body);
      if (s == EXEC_RETURN)
        result = frame.retval;
      else if (s == EXEC_ERROR)
        result = LANG_ERROR;
      else
        result = scalar_none ();
    }
  else if (node->kind == RECLAIM_NODE_LAMBDA)
    {
      reclaim_heap_set_line (interp->heap, node->line, MAX (interp->depth - 1, 0));
      result = eval_expr (interp, &frame, node->v.lambda.body);
    }
  else
    result = run_comprehension (interp, &frame, node);
  if (result == LANG_ERROR)
    {
      eval_traceback_add (interp, &frame);
      eval_traceback_here (interp, &frame);
    }
  eval_frame_exit (interp, &frame);
  interp->depth--;
  es->frame = frame.back;
  return result;
}

/* ---- comprehensions ----------------------------------------------------- */

/* In 3.11 a comprehension is a function called at once: MAKE_FUNCTION,
 * then the outer iterable's iterator, then the call. */
ReclaimValue
eval_comprehension (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNodeList *gens = node->kind == RECLAIM_NODE_DICT_COMP ? &node->v.dict_comp.generators
                                                                      : &node->v.comp.generators;
  ReclaimValue func = eval_make_function (interp, frame, node);
  if (func == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = eval_iter (interp, frame, gens->items[0]->v.comprehension.iter);
  if (it == LANG_ERROR)
    {
      lang_decref (interp, func);
      return LANG_ERROR;
    }
  return eval_call_function_steal (interp, func, 1, &it, 0, NULL);
}

static ReclaimValue
comprehension_loop (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint level,
                    ReclaimValue result)
{
  const ReclaimNodeList *gens = node->kind == RECLAIM_NODE_DICT_COMP ? &node->v.dict_comp.generators
                                                                      : &node->v.comp.generators;
  const ReclaimNode *gen = gens->items[level];
  /* the outermost iterator was made outside and passed in as .0 */
  ReclaimValue it = level == 0 ? eval_load_name (interp, frame, ".0")
                               : eval_iter (interp, frame, gen->v.comprehension.iter);
  if (it == LANG_ERROR)
    return LANG_ERROR;

  EvalLoop loop = eval_loop_begin (interp, it);
  ReclaimValue status = scalar_none ();
  for (;;)
    {
      ReclaimValue item;
      int r = eval_loop_next (interp, &loop, &item);
      if (r <= 0)
        {
          status = r < 0 ? LANG_ERROR : status;
          break;
        }
      if (eval_store_target (interp, frame, gen->v.comprehension.target, item) == LANG_ERROR ||
          !eval_check_limits (interp))
        {
          status = LANG_ERROR;
          break;
        }
      gboolean keep = TRUE;
      for (guint i = 0; i < gen->v.comprehension.ifs.n && keep; i++)
        {
          int t = eval_test (interp, frame, gen->v.comprehension.ifs.items[i]);
          if (t < 0)
            {
              status = LANG_ERROR;
              break;
            }
          keep = t;
        }
      if (status == LANG_ERROR)
        break;
      if (!keep)
        continue;
      if (level + 1 < gens->n)
        {
          if (comprehension_loop (interp, frame, node, level + 1, result) == LANG_ERROR)
            {
              status = LANG_ERROR;
              break;
            }
          continue;
        }
      int ok = 0;
      if (node->kind == RECLAIM_NODE_DICT_COMP)
        {
          ReclaimValue k = eval_expr (interp, frame, node->v.dict_comp.key);
          ReclaimValue v = k == LANG_ERROR ? LANG_ERROR : eval_expr (interp, frame, node->v.dict_comp.value);
          ok = v == LANG_ERROR ? -1 : lang_dict_set (interp, result, k, v);
          lang_decref (interp, k);
          lang_decref (interp, v);
        }
      else
        {
          ReclaimValue v = eval_expr (interp, frame, node->v.comp.elt);
          if (v == LANG_ERROR)
            ok = -1;
          else if (node->kind == RECLAIM_NODE_GENERATOR_EXP)
            {
              ReclaimValue sent = eval_yield (interp, frame, v);
              ok = sent == LANG_ERROR ? -1 : 0;
              lang_decref (interp, sent);
            }
          else if (node->kind == RECLAIM_NODE_LIST_COMP)
            lang_list_append (interp, result, v);
          else
            {
              ok = lang_set_add (interp, result, v);
              lang_decref (interp, v);
            }
        }
      if (ok < 0)
        {
          status = LANG_ERROR;
          break;
        }
    }
  lang_decref (interp, it);
  return status;
}

static ReclaimValue
run_comprehension (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue result = 0;

  reclaim_heap_set_line (interp->heap, node->line, MAX (interp->depth - 1, 0));
  if (node->kind == RECLAIM_NODE_LIST_COMP)
    {
      result = lang_list_new (interp);
      reclaim_heap_set_capacity (interp->heap, result, RECLAIM_CAPACITY_NO_ITEMS);   /* then LIST_APPEND */
    }
  else if (node->kind == RECLAIM_NODE_SET_COMP)
    result = lang_set_new (interp);
  else if (node->kind == RECLAIM_NODE_DICT_COMP)
    result = lang_dict_new (interp);

  if (comprehension_loop (interp, frame, node, 0, result) == LANG_ERROR)
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  return result ? result : scalar_none ();
}

/* The docstring of a body: its first statement, when a str constant. */
static ReclaimValue
docstring (const ReclaimNodeList *body)
{
  if (body->n > 0 && body->items[0]->kind == RECLAIM_NODE_EXPR)
    {
      const ReclaimNode *v = body->items[0]->v.expr_stmt.value;
      if (v->kind == RECLAIM_NODE_CONSTANT && v->v.constant.kind == RECLAIM_CONST_STR)
        return scalar_str (v->v.constant.str, v->v.constant.str_len);
    }
  return scalar_none ();
}

/* ---- classes ------------------------------------------------------------ */

/* An attribute is looked up along a class and its bases on every call of
 * a class and every attribute of an instance, a dict lookup per class.
 * What a lookup found (or that nothing was found) is kept by class and
 * name in interp->attr_cache, as CPython's method cache does, for as long
 * as no class namespace changes: each namespace a lookup reads is watched
 * (reclaim_heap_watch), so a change to one, or its being freed, moves the
 * heap's watch version on and every kept answer is looked up again. */
static LangAttrCacheEntry *
attr_cache_entry (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  /* both addresses multiplied, and the high bits taken: names close
   * together, or far apart, spread over the whole cache */
  guint64 h = (guint64) (guintptr) cls * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^
              (guint64) (guintptr) name * G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f);
  return &interp->attr_cache[(h >> 32) % LANG_ATTR_CACHE_SIZE];
}

static ReclaimValue
class_lookup_uncached (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  ReclaimValue key = lang_name_str (interp, name);
  for (LangClass *c = cls; c; c = c->base)
    if (c->ns)
      {
        if (!reclaim_heap_is_watched (interp->heap, c->ns))
          reclaim_heap_watch (interp->heap, c->ns);
        ReclaimValue v = lang_dict_get (interp, c->ns, key);
        if (v)
          return v;
      }
  return 0;
}

ReclaimValue
lang_eval_class_lookup (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  LangAttrCacheEntry *e = attr_cache_entry (interp, cls, name);
  gboolean same_name = e->name == name && (e->canonical || strcmp (e->text, name) == 0);
  if (same_name && e->cls == cls && e->version == reclaim_heap_get_watch_version (interp->heap))
    return e->found;

  ReclaimValue found = class_lookup_uncached (interp, cls, name);
  if (strlen (name) < sizeof e->text)
    {
      /* a class namespace changed since: the entry keeps its name, and
       * whether it is interned (which takes a lock to learn) */
      if (!same_name)
        {
          e->name = name;
          strcpy (e->text, name);
          e->canonical = reclaim_name_is_interned (name);
        }
      e->cls = cls;
      e->version = reclaim_heap_get_watch_version (interp->heap);
      e->found = found;
    }
  return found;
}

/* A class body that holds cells (the __class__ of methods using super(),
 * or variables of enclosing functions) runs with a frame object for them. */
static ReclaimId
class_body_cells (ReclaimInterp *interp, Frame *outer, Scope *scope)
{
  if (scope->slots->len == 0)
    return 0;
  ReclaimId locals = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_FRAME, 0, scope->name, RECLAIM_ALLOC_ROOT);
  for (guint i = 0; i < scope->slots->len; i++)
    {
      const char *name = scope->slots->pdata[i];
      ReclaimValue cell;
      if (reclaim_scope_name_kind (scope, name) != NAME_CELL && outer->locals)
        cell = lang_ref (interp, reclaim_heap_slot_get (interp->heap, outer->locals,
                                                        reclaim_scope_slot (outer->scope, name)));
      else
        {
          cell = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_CELL, 0, NULL, 0);
          reclaim_heap_slot_append (interp->heap, cell, RECLAIM_ROLE_CELL, "cell_contents", RECLAIM_VALUE_NONE);
        }
      reclaim_heap_slot_append (interp->heap, locals, RECLAIM_ROLE_VAR, name, cell);
    }
  return locals;
}

static LangClass *
class_base_of (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, gboolean *ok)
{
  *ok = TRUE;
  if (node->v.class_def.bases.n == 0)
    return lang_builtin_class (interp, "object");
  if (node->v.class_def.bases.n > 1)
    {
      lang_stop_not_supported (interp, "multiple inheritance");
      *ok = FALSE;
      return NULL;
    }
  ReclaimValue base = eval_expr (interp, frame, node->v.class_def.bases.items[0]);
  if (base == LANG_ERROR)
    {
      *ok = FALSE;
      return NULL;
    }
  LangClass *cls = reclaim_value_is_object (base) && reclaim_heap_get_kind (interp->heap, base) == RECLAIM_KIND_CLASS
                   ? lang_class_get (interp, base) : NULL;
  if (cls == NULL || (cls->builtin && cls != lang_builtin_class (interp, "object") && !cls->is_exception &&
                      lang_container_instance_kind (interp, cls) == RECLAIM_KIND_INSTANCE))
    {
      lang_stop_not_supported (interp, "a class based on '%s'", cls ? cls->name : lang_type_name (interp, base));
      cls = NULL;
      *ok = FALSE;
    }
  lang_decref (interp, base);
  return cls;
}

static void
class_free (gpointer p)
{
  LangClass *c = p;
  if (c->keys)
    g_ptr_array_unref (c->keys);
  if (c->key_index)
    g_hash_table_unref (c->key_index);
  if (c->key_labels)
    g_array_unref (c->key_labels);
  if (c->methods)
    g_hash_table_unref (c->methods);
  if (c->slot_names)
    g_ptr_array_unref (c->slot_names);
  g_free (c->name);
  g_free (c->qualname);
  g_free (c);
}

/* type_new: __qualname__ leaves the namespace, for the type to keep; a
 * body that deleted it leaves the class's name.  NULL with TypeError when
 * the body set it to something else than a str. */
static char *
take_qualname (ReclaimInterp *interp, ReclaimValue ns, const ReclaimNode *node)
{
  ReclaimValue key = scalar_str ("__qualname__", -1);
  ReclaimValue qualname = lang_dict_get (interp, ns, key);
  if (qualname == 0)
    return g_strdup (node->v.class_def.name);
  if (scalar_type (qualname) != SCALAR_STR)
    {
      lang_raise (interp, "TypeError", "type __qualname__ must be a str, not %s", lang_type_name (interp, qualname));
      return NULL;
    }
  char *text = g_strdup (scalar_get_str (qualname, NULL));
  lang_dict_delete (interp, ns, key);
  return text;
}

ReclaimValue
eval_make_class (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  EvalState *es = eval_state (interp);
  Scope *scope = reclaim_scope_for_node (es->module_scope, node);
  gboolean ok;
  LangClass *base = class_base_of (interp, frame, node, &ok);
  if (!ok)
    return LANG_ERROR;

  ReclaimValue ns = lang_dict_new (interp);
  lang_keys_forget (interp, ns);   /* python3 shows it as a mappingproxy */
  lang_dict_set (interp, ns, scalar_str ("__module__", -1), scalar_str ("__main__", -1));
  lang_dict_set (interp, ns, scalar_str ("__qualname__", -1), scalar_str (scope->qualname, -1));
  eval_setup_annotations (interp, ns, &node->v.class_def.body);
  lang_dict_set (interp, ns, scalar_str ("__doc__", -1), docstring (&node->v.class_def.body));
  Frame body = { .scope = scope, .ns = ns, .back = frame, .line = node->line };
  body.locals = class_body_cells (interp, frame, scope);
  es->frame = &body;
  interp->depth++;
  ExecStatus s = eval_body (interp, &body, &node->v.class_def.body);
  if (s == EXEC_ERROR)
    eval_traceback_here (interp, &body);
  eval_frame_exit (interp, &body);
  interp->depth--;
  es->frame = frame;
  if (s == EXEC_ERROR)
    {
      eval_traceback_add (interp, &body);
      lang_decref (interp, ns);
      lang_decref (interp, body.locals);
      return LANG_ERROR;
    }

  g_autofree char *qualname = take_qualname (interp, ns, node);
  if (qualname == NULL)
    {
      lang_decref (interp, ns);
      lang_decref (interp, body.locals);
      return LANG_ERROR;
    }

  /* type_new: a __new__ defined as a plain function is a static method */
  ReclaimValue new_func = lang_dict_get (interp, ns, scalar_str ("__new__", -1));
  if (new_func && reclaim_value_is_object (new_func) &&
      reclaim_heap_get_kind (interp->heap, new_func) == RECLAIM_KIND_FUNCTION)
    {
      ReclaimValue wrapped = lang_staticmethod_new (interp, new_func);
      lang_dict_set (interp, ns, scalar_str ("__new__", -1), wrapped);
      lang_decref (interp, wrapped);
    }

  ReclaimId id = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_CLASS, 0, node->v.class_def.name, 0);
  LangClass *cls = g_new0 (LangClass, 1);
  cls->id = id;
  cls->name = g_strdup (node->v.class_def.name);
  cls->qualname = g_steal_pointer (&qualname);
  cls->instance_kind = lang_container_instance_kind (interp, base);
  cls->base = base->builtin && !base->is_exception && base->instance_kind == RECLAIM_KIND_INSTANCE ? NULL : base;
  cls->ns = ns;
  cls->keys = g_ptr_array_new_with_free_func (g_free);
  cls->key_index = g_hash_table_new (g_str_hash, g_str_equal);
  cls->scalar = SCALAR_NOT_SCALAR;
  cls->is_exception = base->is_exception;
  cls->has_del = lang_eval_class_lookup (interp, cls, "__del__") != 0;
  lang_classes_insert (interp, id, cls);
  gboolean slots_ok = eval_class_set_slots (interp, cls, base);

  /* what a class holds in CPython, so it takes part in cycles and counts
   * the same way: its dict (tracked only once it holds a container, unless
   * the class is based on object and so holds the __dict__ and __weakref__
   * descriptors), its mro and its tuple of bases */
  /* a class based on list or dict adds __dict__ and __weakref__ as one
   * based on object does */
  gboolean based_on_object = base == lang_builtin_class (interp, "object") ||
                             (base->builtin && cls->instance_kind != RECLAIM_KIND_INSTANCE);
  if (based_on_object)
    reclaim_heap_track (interp->heap, ns);   /* it holds the descriptors below */
  reclaim_heap_slot_append (interp->heap, id, RECLAIM_ROLE_OTHER, "__dict__", ns);
  reclaim_heap_slot_append (interp->heap, id, RECLAIM_ROLE_OTHER, "__base__", lang_ref (interp, base->id));
  reclaim_heap_slot_append (interp->heap, id, RECLAIM_ROLE_OTHER, "__mro__", eval_mro_tuple (interp, cls, base));
  ReclaimValue bases_items[] = { lang_ref (interp, base->id) };
  reclaim_heap_slot_append (interp->heap, id, RECLAIM_ROLE_OTHER, "__bases__", lang_tuple_new (interp, 1, bases_items));
  if (based_on_object)
    {
      /* a class with __slots__ has __weakref__ only when they name it */
      const char *descriptors[] = { "__dict__", "__weakref__" };
      for (guint i = cls->slot_names ? 1 : 0; i < (cls->slot_names && !cls->has_weakref_slot ? 1 : 2); i++)
        {
          ReclaimId d = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "getset_descriptor", 0);
          reclaim_heap_slot_append (interp->heap, d, RECLAIM_ROLE_OTHER, "__objclass__", lang_ref (interp, id));
          reclaim_heap_slot_append (interp->heap, id, RECLAIM_ROLE_OTHER, descriptors[i], d);
        }
    }
  /* the methods' __class__ cell now holds the class */
  int class_cell = reclaim_scope_slot (scope, "__class__");
  if (class_cell >= 0 && reclaim_scope_name_kind (scope, "__class__") == NAME_CELL)
    reclaim_heap_slot_set (interp->heap, reclaim_heap_slot_get (interp->heap, body.locals, class_cell), 0,
                           lang_ref (interp, id));
  lang_decref (interp, body.locals);
  if (!slots_ok)
    {
      lang_decref (interp, id);
      return LANG_ERROR;
    }
  return id;
}

/* Instance attributes sit after any fixed slots (an exception's args and
 * traceback). */
static guint
attr_base (LangClass *cls)
{
  return cls->is_exception ? EXC_N_SLOTS : 0;
}

static gboolean
slot_filled (ReclaimInterp *interp, ReclaimValue obj, guint slot)
{
  return slot < reclaim_heap_n_slots (interp->heap, obj) &&
         reclaim_heap_slot_get (interp->heap, obj, slot) != RECLAIM_VALUE_NONE;
}

/* An instance's attributes iterate (vars, __dict__) in the order they were
 * added, which may differ from their shared-key order, the order they die
 * in.  The insertion order is kept only once it differs. */
static void
note_insertion (ReclaimInterp *interp, ReclaimValue obj, guint base, guint key)
{
  GArray *order = lang_side_lookup (interp, interp->insertion_order, obj);
  guint n = reclaim_heap_n_slots (interp->heap, obj);

  if (order == NULL)
    {
      gboolean in_key_order = TRUE;
      for (guint i = base + key + 1; i < n && in_key_order; i++)
        in_key_order = !slot_filled (interp, obj, i);
      if (in_key_order)
        return;
      order = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = base; i < n; i++)
        if (slot_filled (interp, obj, i))
          {
            guint k = i - base;
            g_array_append_val (order, k);
          }
      lang_side_insert (interp, interp->insertion_order, obj, order);
    }
  g_array_append_val (order, key);
}

static void
note_deletion (ReclaimInterp *interp, ReclaimValue obj, guint key)
{
  GArray *order = lang_side_lookup (interp, interp->insertion_order, obj);
  for (guint i = 0; order && i < order->len; i++)
    if (g_array_index (order, guint, i) == key)
      {
        g_array_remove_index (order, i);
        return;
      }
}

static int
key_index (LangClass *cls, const char *name, gboolean add)
{
  for (guint i = 0; i < cls->n_known; i++)
    if (cls->known_names[i] == name)
      return cls->known_positions[i];
  gpointer found = g_hash_table_lookup (cls->key_index, name);
  if (found || !add)
    return GPOINTER_TO_INT (found) - 1;
  char *key = g_strdup (name);
  g_ptr_array_add (cls->keys, key);
  g_hash_table_insert (cls->key_index, key, GINT_TO_POINTER (cls->keys->len));
  if (cls->n_known < LANG_KNOWN_KEYS && reclaim_name_is_interned (name))
    {
      cls->known_names[cls->n_known] = name;
      cls->known_positions[cls->n_known++] = cls->keys->len - 1;
    }
  if (cls->key_labels == NULL)
    cls->key_labels = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 label = reclaim_intern (key);
  g_array_append_val (cls->key_labels, label);
  return cls->keys->len - 1;
}

static ReclaimValue
instance_dict (ReclaimInterp *interp, ReclaimValue obj)
{
  guint n = reclaim_heap_n_slots (interp->heap, obj);
  if (n > 0 && reclaim_heap_slot_get_role (interp->heap, obj, n - 1) == RECLAIM_ROLE_DICT)
    return reclaim_heap_slot_get (interp->heap, obj, n - 1);
  return 0;
}

/* vars(obj) / obj.__dict__: the inline values move into a real dict. */
ReclaimValue
eval_materialize_dict (ReclaimInterp *interp, ReclaimValue obj)
{
  ReclaimValue dict = instance_dict (interp, obj);
  if (dict)
    return dict;
  LangClass *cls = lang_class_of (interp, obj);
  guint base = attr_base (cls);
  guint n = reclaim_heap_n_slots (interp->heap, obj);
  dict = lang_dict_new (interp);
  g_autofree guint *entry_of_key = g_new0 (guint, n + 1);
  guint entries = 0;
  for (guint k = base; k < n; k++)
    {
      /* entries go in shared-key order, which is also their death order */
      g_autofree char *name = g_strdup (reclaim_heap_slot_get_label (interp->heap, obj, base));
      ReclaimValue v = reclaim_heap_slot_take (interp->heap, obj, base);
      entry_of_key[k - base] = entries++;
      if (v == RECLAIM_VALUE_NONE)
        {
          lang_dict_add_vacant (interp, dict, scalar_str (name, -1));
          continue;
        }
      lang_dict_set (interp, dict, scalar_str (name, -1), v);
      lang_decref (interp, v);
    }
  GArray *order = lang_side_lookup (interp, interp->insertion_order, obj);
  lang_table_get (interp, dict)->split = TRUE;
  lang_table_get (interp, dict)->keys.shared_by = cls->id;
  if (order)
    {
      /* a split dict: entries in key order, iteration in insertion order */
      LangTable *t = lang_table_get (interp, dict);
      t->order = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < order->len; i++)
        g_array_append_val (t->order, entry_of_key[g_array_index (order, guint, i)]);
    }
  reclaim_heap_slot_append (interp->heap, obj, RECLAIM_ROLE_DICT, "__dict__", dict);
  return dict;
}

/* An attribute in the __dict__ of an instance of a class based on list or
 * dict (borrowed), or 0. */
static ReclaimValue
container_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimValue dict = lang_is_container_instance (interp, obj) ? lang_container_instance_dict (interp, obj, FALSE) : 0;
  return dict ? lang_dict_get (interp, dict, lang_name_str (interp, name)) : 0;
}

/* Instances of a class with __slots__ have none. */
gboolean
eval_instance_has_dict (ReclaimInterp *interp, ReclaimValue obj)
{
  return lang_class_of (interp, obj)->slot_names == NULL;
}

gboolean
eval_instance_has_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  if (reclaim_heap_get_kind (interp->heap, obj) != RECLAIM_KIND_INSTANCE)
    return container_attr (interp, obj, name) != 0;
  ReclaimValue dict = instance_dict (interp, obj);
  if (dict)
    return lang_dict_get (interp, dict, scalar_str (name, -1)) != 0;
  LangClass *cls = lang_class_of (interp, obj);
  int k = key_index (cls, name, FALSE);
  guint slot = attr_base (cls) + k;
  return k >= 0 && slot < reclaim_heap_n_slots (interp->heap, obj) &&
         reclaim_heap_slot_get (interp->heap, obj, slot) != RECLAIM_VALUE_NONE;
}

static ReclaimValue
instance_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimValue dict = instance_dict (interp, obj);
  if (dict)
    return lang_dict_get (interp, dict, scalar_str (name, -1));
  LangClass *cls = lang_class_of (interp, obj);
  int k = key_index (cls, name, FALSE);
  guint slot = attr_base (cls) + k;
  if (k < 0 || slot >= reclaim_heap_n_slots (interp->heap, obj))
    return 0;
  ReclaimValue v = reclaim_heap_slot_get (interp->heap, obj, slot);
  return v == RECLAIM_VALUE_NONE ? 0 : v;
}

ReclaimValue
eval_bound_method (ReclaimInterp *interp, ReclaimValue func, ReclaimValue self)
{
  ReclaimId m = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_METHOD, 0, NULL, 0);
  reclaim_heap_slot_append (interp->heap, m, RECLAIM_ROLE_OTHER, "__func__", lang_ref (interp, func));
  reclaim_heap_slot_append (interp->heap, m, RECLAIM_ROLE_OTHER, "__self__", lang_ref (interp, self));
  return m;
}

ReclaimValue
lang_method_new (ReclaimInterp *interp, ReclaimValue func, ReclaimValue self)
{
  return eval_bound_method (interp, func, self);
}

static ReclaimValue
missing_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name, gboolean raise)
{
  if (!raise)
    return 0;
  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (interp->heap, obj) == RECLAIM_KIND_CLASS)
    return lang_raise (interp, "AttributeError", "type object '%s' has no attribute '%s'",
                       lang_class_get (interp, obj)->name, name);
  if (g_strcmp0 (lang_type_name (interp, obj), "module") == 0)
    lang_raise (interp, "AttributeError", "module '%s' has no attribute '%s'",
                lang_eval_module_name (interp, obj), name);
  else
    lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
  lang_suggest_attribute (interp, obj, name);
  return LANG_ERROR;
}

enum { CLASS_SLOT_DICT, CLASS_SLOT_BASE, CLASS_SLOT_MRO, CLASS_SLOT_BASES };

/* __mro__, __bases__ and __base__: a user class holds them; a builtin
 * type makes them when asked.  0 for other names. */
static ReclaimValue
class_layout_attr (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  static const char *const names[] = { "__base__", "__mro__", "__bases__" };
  guint which = 0;
  while (which < G_N_ELEMENTS (names) && strcmp (name, names[which]) != 0)
    which++;
  if (which == G_N_ELEMENTS (names))
    return 0;
  if (!cls->builtin)
    return lang_ref (interp, reclaim_heap_slot_get (interp->heap, cls->id, CLASS_SLOT_BASE + which));
  if (which == 1)
    return eval_mro_tuple (interp, cls, cls->base);
  if (cls->base == NULL)
    return which == 0 ? scalar_none () : lang_ref (interp, lang_empty_tuple (interp));
  ReclaimValue base = lang_ref (interp, cls->base->id);
  return which == 0 ? base : lang_tuple_new (interp, 1, &base);
}

/* Attributes every object of a builtin kind has. */
static ReclaimValue
special_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimHeap *h = interp->heap;
  ReclaimKind kind = reclaim_heap_get_kind (h, obj);

  if (strcmp (name, "__class__") == 0)
    return lang_ref (interp, lang_class_of (interp, obj)->id);
  switch (kind)
    {
    case RECLAIM_KIND_CLASS:
      if (strcmp (name, "__qualname__") == 0 && lang_class_get (interp, obj)->qualname)
        return scalar_str (lang_class_get (interp, obj)->qualname, -1);
      if (strcmp (name, "__name__") == 0 || strcmp (name, "__qualname__") == 0)
        {
          /* a type named "module.name" in C (tp_name) is called name */
          const char *type_name = lang_class_get (interp, obj)->name, *dot = strrchr (type_name, '.');
          return scalar_str (dot ? dot + 1 : type_name, -1);
        }
      if (strcmp (name, "__dict__") == 0 && lang_class_get (interp, obj)->ns)
        return lang_ref (interp, lang_class_get (interp, obj)->ns);
      if (strcmp (name, "__annotations__") == 0 && lang_class_get (interp, obj)->ns)
        return eval_class_annotations (interp, lang_class_get (interp, obj));
      if (strcmp (name, "__module__") == 0 && lang_class_get (interp, obj)->builtin &&
          lang_eval_class_lookup (interp, lang_class_get (interp, obj), name) == 0)
        {
          /* a type named "module.name" in C comes from that module, others from builtins */
          const char *type_name = lang_class_get (interp, obj)->name, *dot = strrchr (type_name, '.');
          return dot ? scalar_str (type_name, dot - type_name) : scalar_str ("builtins", -1);
        }
      return class_layout_attr (interp, lang_class_get (interp, obj), name);
    case RECLAIM_KIND_FUNCTION:
      {
        ReclaimValue set = eval_function_attr (interp, obj, name);
        if (set || lang_error_occurred (interp))
          return set;
      }
      if (strcmp (name, "__name__") == 0)
        return scalar_str (reclaim_heap_get_label (h, obj), -1);
      if (strcmp (name, "__qualname__") == 0)
        return scalar_str (lang_eval_function_qualname (interp, obj), -1);
      if (strcmp (name, "__doc__") == 0)
        {
          FunctionInfo *fi = eval_function_info (interp, obj);
          return fi && fi->node->kind == RECLAIM_NODE_FUNCTION_DEF ? docstring (&fi->node->v.function_def.body)
                                                                   : scalar_none ();
        }
      if (strcmp (name, "__defaults__") == 0 || strcmp (name, "__closure__") == 0 || strcmp (name, "__globals__") == 0)
        {
          guint slot = name[2] == 'd' ? FUNC_SLOT_DEFAULTS : name[2] == 'c' ? FUNC_SLOT_CLOSURE : FUNC_SLOT_GLOBALS;
          ReclaimValue v = reclaim_heap_slot_get (h, obj, slot);
          return v ? lang_ref (interp, v) : scalar_none ();
        }
      break;
    case RECLAIM_KIND_METHOD:
      if (strcmp (name, "__func__") == 0)
        return lang_ref (interp, reclaim_heap_slot_get (h, obj, 0));
      if (strcmp (name, "__self__") == 0)
        return lang_ref (interp, reclaim_heap_slot_get (h, obj, 1));
      break;
    case RECLAIM_KIND_CELL:
      if (strcmp (name, "cell_contents") == 0)
        {
          ReclaimValue v = reclaim_heap_slot_get (h, obj, 0);
          return v ? lang_ref (interp, v) : lang_raise (interp, "ValueError", "Cell is empty");
        }
      break;
    case RECLAIM_KIND_WEAKREF:
      if (strcmp (name, "__callback__") == 0)
        {
          ReclaimValue cb = reclaim_heap_n_slots (h, obj) ? reclaim_heap_slot_get (h, obj, 0) : 0;
          return cb ? lang_ref (interp, cb) : scalar_none ();
        }
      if (lang_is_weakmethod (interp, obj))
        return lang_weakmethod_attr (interp, obj, name);
      break;
    case RECLAIM_KIND_INSTANCE:
      /* what follows is of builtin functions, tracebacks and exceptions:
       * the instance of a class (most attributes read) has none of it */
      if (!lang_class_of (interp, obj)->is_exception)
        return 0;
      break;
    default:
      break;
    }
  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (obj));
  if (native && strcmp (name, "__name__") == 0)
    return scalar_str (native->name, -1);
  if (native && native->qualname && strcmp (name, "__qualname__") == 0)
    return scalar_str (native->qualname, -1);
  ReclaimValue oserror_attr = lang_oserror_attr (interp, obj, name);
  if (oserror_attr)
    return oserror_attr;
  ReclaimValue traceback_attr = lang_traceback_attr (interp, obj, name);
  if (traceback_attr)
    return traceback_attr;
  ReclaimValue chain_attr = eval_exception_chain_attr (interp, obj, name);
  if (chain_attr)
    return chain_attr;
  if (lang_class_of (interp, obj)->is_exception && strcmp (name, "args") == 0)
    return lang_ref (interp, lang_eval_exception_args (interp, obj));
  if (lang_is_instance (interp, obj, "StopIteration") && strcmp (name, "value") == 0)
    {
      ReclaimValue args = lang_eval_exception_args (interp, obj);
      return lang_seq_length (interp, args) ? lang_ref (interp, lang_seq_item (interp, args, 0)) : scalar_none ();
    }
  if (lang_class_of (interp, obj)->is_exception && strcmp (name, "__traceback__") == 0)
    {
      ReclaimValue tb = reclaim_heap_slot_get (h, obj, EXC_SLOT_TRACEBACK);
      return tb ? lang_ref (interp, tb) : scalar_none ();
    }
  return 0;
}

/* ---- super ------------------------------------------------------------- */

enum { SUPER_SLOT_THISCLASS, SUPER_SLOT_SELF, SUPER_SLOT_SELF_CLASS };

static ReclaimValue
object_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (nargs + nkw > 0)
    return lang_raise (interp, "TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
  return scalar_none ();
}

/* BaseException.__init__ stores its arguments. */
static ReclaimValue
exception_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  g_autofree ReclaimValue *items = g_new (ReclaimValue, nargs + 1);
  for (guint i = 0; i < nargs; i++)
    items[i] = lang_ref (interp, args[i]);
  reclaim_heap_slot_set (interp->heap, self, EXC_SLOT_ARGS, lang_tuple_new (interp, nargs, items));
  return scalar_none ();
}

/* super().name: the attribute of the classes after __thisclass__ in the
 * MRO, bound to the instance. */
static ReclaimValue
super_getattr (ReclaimInterp *interp, ReclaimValue sup, const char *name, gboolean raise)
{
  ReclaimHeap *h = interp->heap;
  LangClass *this_class = lang_class_get (interp, reclaim_heap_slot_get (h, sup, SUPER_SLOT_THISCLASS));
  ReclaimValue self = reclaim_heap_slot_get (h, sup, SUPER_SLOT_SELF);
  LangClass *next = this_class ? this_class->base : NULL;

  if (next && !next->builtin)
    {
      ReclaimValue v = lang_eval_class_lookup (interp, next, name);
      if (v)
        return lang_descriptor_get (interp, v, self, lang_class_of (interp, self), name);
    }
  /* list.append, dict.__setitem__ ... of a class based on them, when no
   * user class after this one defines the name */
  if (next && lang_is_container_instance (interp, self))
    {
      ReclaimValue m = lang_builtin_method (interp, self, name);
      if (m)
        return m;
    }
  if (strcmp (name, "__init__") == 0)
    return lang_native_new (interp, "__init__", next && next->is_exception ? exception_init : object_init, self);
  if (strcmp (name, "__new__") == 0)
    return eval_object_new_function (interp);
  if (!raise)
    return 0;
  return lang_raise (interp, "AttributeError", "'super' object has no attribute '%s'", name);
}

/* super() and super(cls, obj).  With no arguments, the class comes from
 * the calling method's __class__ cell and the instance from its first
 * parameter. */
ReclaimValue
eval_builtin_super (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  ReclaimValue cls, obj;

  if (nkw > 0)
    return lang_raise (interp, "TypeError", "super() takes no keyword arguments");
  if (nargs == 2)
    {
      cls = args[0];
      obj = args[1];
    }
  else if (nargs == 0)
    {
      Frame *frame = eval_state (interp)->frame;
      /* the first positional parameter (CPython's co_argcount > 0) */
      Scope *scope = frame ? frame->scope : NULL;
      if (frame == NULL || frame->locals == 0 ||
          scope->n_params - scope->n_kwonly - scope->has_vararg - scope->has_kwarg == 0)
        return lang_raise (interp, "RuntimeError", "super(): no arguments");
      int cell_slot = reclaim_scope_slot (frame->scope, "__class__");
      if (cell_slot < 0)
        return lang_raise (interp, "RuntimeError", "super(): __class__ cell not found");
      cls = reclaim_heap_slot_get (interp->heap, reclaim_heap_slot_get (interp->heap, frame->locals, cell_slot), 0);
      obj = reclaim_heap_slot_get (interp->heap, frame->locals, 0);
      if (obj && reclaim_scope_name_kind (frame->scope, frame->scope->slots->pdata[0]) == NAME_CELL)
        obj = reclaim_heap_slot_get (interp->heap, obj, 0);
      if (obj == RECLAIM_VALUE_NONE)
        return lang_raise (interp, "RuntimeError", "super(): arg[0] deleted");
    }
  else
    return lang_raise (interp, "TypeError", "super() expected 0 or 2 arguments, got %u", nargs);
  if (lang_class_get (interp, cls) == NULL)
    return lang_raise (interp, "TypeError", "super() argument 1 must be a type, not %s", lang_type_name (interp, cls));

  ReclaimId sup = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "super", 0);
  reclaim_heap_slot_append (interp->heap, sup, RECLAIM_ROLE_OTHER, "__thisclass__", lang_ref (interp, cls));
  reclaim_heap_slot_append (interp->heap, sup, RECLAIM_ROLE_OTHER, "__self__", lang_ref (interp, obj));
  reclaim_heap_slot_append (interp->heap, sup, RECLAIM_ROLE_OTHER, "__self_class__",
                            lang_ref (interp, lang_class_of (interp, obj)->id));
  return sup;
}

/* The data attributes of int, bool and float (getset descriptors in
 * CPython): real, imag, and for int numerator and denominator. 0 for any
 * other name. */
static ReclaimValue
number_data_attr (ReclaimValue v, const char *name)
{
  ScalarType t = scalar_type (v);

  if (t == SCALAR_FLOAT)
    return strcmp (name, "real") == 0 ? v : strcmp (name, "imag") == 0 ? scalar_float (0.0) : 0;
  if (t != SCALAR_INT && t != SCALAR_BOOL)
    return 0;
  if (strcmp (name, "real") == 0 || strcmp (name, "numerator") == 0)
    return scalar_int_of (v);
  if (strcmp (name, "imag") == 0)
    return scalar_int (0);
  if (strcmp (name, "denominator") == 0)
    return scalar_int (1);
  return 0;
}

ReclaimValue
lang_eval_getattr (ReclaimInterp *interp, ReclaimValue obj, const char *name, gboolean raise)
{
  if (!reclaim_value_is_object (obj))
    {
      ReclaimValue data = number_data_attr (obj, name);
      if (data)
        return data;
      ReclaimValue m = lang_builtin_method (interp, obj, name);
      return m ? m : missing_attr (interp, obj, name, raise);
    }

  ReclaimHeap *h = interp->heap;
  ReclaimKind kind = reclaim_heap_get_kind (h, obj);
  ReclaimValue v = special_attr (interp, obj, name);
  if (v || lang_error_occurred (interp))
    return v;

  if (kind == RECLAIM_KIND_PROXY)
    {
      ReclaimId referent = reclaim_heap_weakref_get_referent (h, obj);
      if (referent == 0)
        return lang_raise (interp, "ReferenceError", "weakly-referenced object no longer exists");
      return lang_eval_getattr (interp, referent, name, raise);
    }
  /* super objects and modules are plain objects, told apart by label */
  gboolean plain = kind == RECLAIM_KIND_OBJECT;
  if (plain && g_strcmp0 (reclaim_heap_get_label (h, obj), "super") == 0)
    return super_getattr (interp, obj, name, raise);
  if ((v = lang_descriptor_own_attr (interp, obj, name)) != 0)
    return v;
  if (kind == RECLAIM_KIND_CLASS)
    {
      LangClass *cls = lang_class_get (interp, obj);
      v = lang_eval_class_lookup (interp, cls, name);
      if (v)
        return lang_descriptor_get (interp, v, 0, cls, name);
      if (cls->builtin && (v = lang_unbound_method_new (interp, cls, name)))
        return v;
      if (cls->builtin && strcmp (name, "__new__") == 0 &&
          (cls == lang_builtin_class (interp, "object") || cls->is_exception))
        return eval_object_new_function (interp);
      return missing_attr (interp, obj, name, raise);
    }
  if (plain && g_strcmp0 (reclaim_heap_get_label (h, obj), "module") == 0)
    {
      v = lang_dict_get (interp, reclaim_heap_slot_get (h, obj, 0), scalar_str (name, -1));
      return v ? lang_ref (interp, v) : missing_attr (interp, obj, name, raise);
    }

  LangClass *cls = lang_class_of (interp, obj);
  if (!cls->builtin || cls->is_exception)
    {
      gboolean is_dict = name[0] == '_' && strcmp (name, "__dict__") == 0;
      if (is_dict && kind == RECLAIM_KIND_INSTANCE && eval_instance_has_dict (interp, obj))
        return lang_ref (interp, eval_materialize_dict (interp, obj));
      if (is_dict && lang_is_container_instance (interp, obj))
        return lang_ref (interp, lang_container_instance_dict (interp, obj, TRUE));
      ReclaimValue class_attr = lang_eval_class_lookup (interp, cls, name);
      if (lang_is_data_descriptor (interp, class_attr))
        return lang_descriptor_get (interp, class_attr, obj, cls, name);
      v = kind == RECLAIM_KIND_INSTANCE ? instance_attr (interp, obj, name) : container_attr (interp, obj, name);
      if (v)
        return lang_ref (interp, v);
      if (class_attr)
        {
          LangNative *native = reclaim_value_is_object (class_attr)
                               ? g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (class_attr)) : NULL;
          /* a method of a class a module defines (modules_class_new) */
          if (native && native->owner && !native->owner->builtin && native->unbound == NULL)
            return lang_native_new (interp, native->name, native->func, obj);
          return lang_descriptor_get (interp, class_attr, obj, cls, name);
        }
      /* __getattr__ answers for what the instance and its class lack */
      ReclaimValue hook = lang_eval_class_lookup (interp, cls, "__getattr__");
      if (hook && !cls->builtin)
        {
          ReclaimValue args[] = { obj, lang_name_str (interp, name) };
          v = lang_call (interp, hook, 2, args, 0, NULL);
          if (v == LANG_ERROR && !raise && lang_error_matches (interp, "AttributeError"))
            lang_error_clear (interp);
          return v;
        }
    }
  LangNativeFunc getset = lang_type_slot (interp, obj, LANG_TYPE_GETSET);
  if (getset)
    {
      ReclaimValue attr_name = scalar_str (name, -1);
      if ((v = getset (interp, obj, 1, &attr_name, 0, NULL)) != 0 || lang_error_occurred (interp))
        return v;
    }
  v = lang_builtin_method (interp, obj, name);
  if (v)
    return v;
  /* what a builtin type a module defines keeps in its namespace
   * (OrderedDict.fromkeys, a classmethod) */
  ReclaimValue class_attr = cls->builtin ? lang_eval_class_lookup (interp, cls, name) : 0;
  if (class_attr)
    return lang_descriptor_get (interp, class_attr, obj, cls, name);
  return missing_attr (interp, obj, name, raise);
}

/* respect_frozen: FALSE for object.__setattr__, which a frozen
 * dataclass's __init__ uses. */
static int
eval_setattr (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v, gboolean respect_frozen)
{
  ReclaimHeap *h = interp->heap;

  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_PROXY)
    {
      ReclaimId referent = reclaim_heap_weakref_get_referent (h, obj);
      if (referent == 0)
        {
          lang_raise (interp, "ReferenceError", "weakly-referenced object no longer exists");
          return -1;
        }
      return eval_setattr (interp, referent, name, v, respect_frozen);
    }
  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_FUNCTION)
    return eval_function_setattr (interp, obj, name, v);
  LangClass *cls = reclaim_value_is_object (obj) ? lang_class_of (interp, obj) : NULL;
  if (cls && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_CLASS && !lang_class_get (interp, obj)->builtin)
    {
      /* a __del__ set later still makes the instances finalizable */
      if (strcmp (name, "__del__") == 0)
        lang_class_get (interp, obj)->has_del = TRUE;
      return lang_dict_set (interp, lang_class_get (interp, obj)->ns, scalar_str (name, -1), v);
    }
  if (lang_is_container_instance (interp, obj))
    {
      ReclaimValue class_attr = lang_eval_class_lookup (interp, cls, name);
      if (lang_is_data_descriptor (interp, class_attr))
        return lang_descriptor_set (interp, class_attr, obj, name, v);
      return lang_dict_set (interp, lang_container_instance_dict (interp, obj, TRUE), lang_name_str (interp, name), v);
    }
  if (cls == NULL || reclaim_heap_get_kind (h, obj) != RECLAIM_KIND_INSTANCE || (cls->builtin && !cls->is_exception))
    {
      LangNativeFunc getset = lang_type_slot (interp, obj, LANG_TYPE_GETSET);
      ReclaimValue name_and_value[] = { scalar_str (name, -1), v };
      ReclaimValue set = getset ? getset (interp, obj, 2, name_and_value, 0, NULL) : 0;
      if (set != 0 || lang_error_occurred (interp))
        return set == LANG_ERROR ? -1 : 0;
      if (cls && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_CLASS)
        lang_raise (interp, "TypeError", "cannot set '%s' attribute of immutable type '%s'", name, cls->name);
      else
        lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
      return -1;
    }
  if (respect_frozen && lang_dataclass_frozen_check (interp, obj, name, FALSE) < 0)
    return -1;
  ReclaimValue class_attr = lang_eval_class_lookup (interp, cls, name);
  if (lang_is_data_descriptor (interp, class_attr))
    return lang_descriptor_set (interp, class_attr, obj, name, v);
  int chained = cls->is_exception ? eval_exception_chain_setattr (interp, obj, name, v) : 1;
  if (chained <= 0)
    return chained;
  if (cls->slot_names != NULL)   /* !eval_instance_has_dict */
    {
      lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", cls->name, name);
      return -1;
    }
  ReclaimValue dict = instance_dict (interp, obj);
  if (dict)
    return lang_dict_set (interp, dict, scalar_str (name, -1), v);

  /* inline values: one slot per shared key, in key order */
  guint key = key_index (cls, name, TRUE);
  guint base = attr_base (cls), slot = base + key;
  guint n = reclaim_heap_n_slots (h, obj);
  gboolean filled = slot < n && reclaim_heap_slot_get (h, obj, slot) != RECLAIM_VALUE_NONE;
  for (; n <= slot; n++)
    reclaim_heap_slot_append_interned (h, obj, RECLAIM_ROLE_ATTR, g_array_index (cls->key_labels, guint32, n - base),
                                       RECLAIM_VALUE_NONE);
  if (!filled)
    note_insertion (interp, obj, base, key);
  reclaim_heap_slot_set (h, obj, slot, lang_ref (interp, v));
  return 0;
}

int
lang_eval_setattr (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v)
{
  return eval_setattr (interp, obj, name, v, TRUE);
}

int
lang_object_setattr (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v)
{
  return eval_setattr (interp, obj, name, v, FALSE);
}

int
lang_setattr (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v)
{
  return lang_eval_setattr (interp, obj, name, v);
}

int
lang_delattr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimHeap *h = interp->heap;
  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_INSTANCE)
    {
      LangClass *cls = lang_class_of (interp, obj);
      if (lang_dataclass_frozen_check (interp, obj, name, TRUE) < 0)
        return -1;
      ReclaimValue class_attr = lang_eval_class_lookup (interp, cls, name);
      if (lang_is_data_descriptor (interp, class_attr))
        return lang_descriptor_set (interp, class_attr, obj, name, 0);
      ReclaimValue dict = instance_dict (interp, obj);
      if (dict)
        {
          if (lang_dict_contains (interp, dict, scalar_str (name, -1)) == 1)
            return lang_dict_delete (interp, dict, scalar_str (name, -1));
        }
      else if (eval_instance_has_attr (interp, obj, name))
        {
          guint key = key_index (cls, name, FALSE);
          note_deletion (interp, obj, key);
          reclaim_heap_slot_set (h, obj, attr_base (cls) + key, RECLAIM_VALUE_NONE);
          return 0;
        }
      lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", cls->name, name);
      return -1;
    }
  if (lang_is_container_instance (interp, obj))
    {
      if (container_attr (interp, obj, name))
        return lang_dict_delete (interp, lang_container_instance_dict (interp, obj, FALSE), lang_name_str (interp, name));
      lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
      return -1;
    }
  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_CLASS)
    {
      LangClass *cls = lang_class_get (interp, obj);
      if (cls->ns && lang_dict_contains (interp, cls->ns, scalar_str (name, -1)) == 1)
        return lang_dict_delete (interp, cls->ns, scalar_str (name, -1));
      lang_raise (interp, "AttributeError", "type object '%s' has no attribute '%s'", cls->name, name);
      return -1;
    }
  if (reclaim_value_is_object (obj) && reclaim_heap_get_kind (h, obj) == RECLAIM_KIND_FUNCTION)
    return eval_function_delattr (interp, obj, name);
  lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
  return -1;
}

/* ---- instances ---------------------------------------------------------- */

ReclaimValue
lang_eval_exception_args (ReclaimInterp *interp, ReclaimValue exc)
{
  if (reclaim_heap_n_slots (interp->heap, exc) == 0)
    return lang_empty_tuple (interp);
  ReclaimValue args = reclaim_heap_slot_get (interp->heap, exc, 0);
  return args ? args : lang_empty_tuple (interp);
}

/* BaseException.__new__: the instance with its args tuple. */
ReclaimValue
eval_new_exception (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args)
{
  ReclaimId exc = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_INSTANCE, cls->id, NULL,
                                      cls->has_del ? RECLAIM_ALLOC_HAS_FINALIZER : 0);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, nargs + 1);
  for (guint i = 0; i < nargs; i++)
    items[i] = lang_ref (interp, args[i]);
  reclaim_heap_slot_append (interp->heap, exc, RECLAIM_ROLE_OTHER, "args", lang_tuple_new (interp, nargs, items));
  reclaim_heap_slot_append (interp->heap, exc, RECLAIM_ROLE_OTHER, "__traceback__", RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (interp->heap, exc, RECLAIM_ROLE_OTHER, "__cause__", RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (interp->heap, exc, RECLAIM_ROLE_OTHER, "__context__", RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (interp->heap, exc, RECLAIM_ROLE_OTHER, "__suppress_context__", RECLAIM_VALUE_NONE);
  return exc;
}

const char *
lang_eval_module_name (ReclaimInterp *interp, ReclaimValue module)
{
  GHashTableIter it;
  gpointer name, value;
  g_hash_table_iter_init (&it, interp->modules);
  while (g_hash_table_iter_next (&it, &name, &value))
    if (GPOINTER_TO_UINT (value) == module)
      return name;
  return "?";
}

void
eval_classes_init (ReclaimInterp *interp)
{
  interp->classes = g_hash_table_new_full (NULL, NULL, NULL, class_free);
}
