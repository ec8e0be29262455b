/* reclaim-eval.c: the evaluator: names, expressions and statements.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expression returns a new reference, and each reference is dropped
 * at the moment CPython 3.11's bytecode drops it: an attribute's owner
 * right after the lookup, a call's callable and then its arguments in
 * order after a builtin returns, a binary operation's left operand before
 * its right, the old value of a variable after the new one is stored...
 * That is what makes objects die in the order python3 shows.
 */
#include "reclaim-eval-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-names.h"
#include "reclaim-weakproxy.h"
#include "reclaim-coroutine.h"
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <string.h>

static ExecStatus exec_stmt (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
static int store_target (ReclaimInterp *interp, Frame *frame, const ReclaimNode *target, ReclaimValue v);

static ReclaimValue
error_at (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  if (node)
    frame->line = node->line;
  return LANG_ERROR;
}

/* ---- names -------------------------------------------------------------- */

static ReclaimValue
cell_of (ReclaimInterp *interp, Frame *frame, const char *name)
{
  int slot = reclaim_scope_slot (frame->scope, name);
  return reclaim_heap_slot_get (interp->heap, frame->locals, slot);
}

/* A name missing from the module namespace globals: a builtin, or NameError. */
static ReclaimValue
load_builtin (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimId globals)
{
  ReclaimValue v = lang_dict_get (interp, interp->builtins, lang_name_str (interp, name));
  if (v == 0)
    {
      lang_raise (interp, "NameError", "name '%s' is not defined", name);
      lang_suggest_name (interp, frame, name, globals);
      return LANG_ERROR;
    }
  return lang_ref (interp, v);
}

static ReclaimValue
load_global (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimId globals)
{
  ReclaimValue v = lang_dict_get (interp, globals, lang_name_str (interp, name));
  if (v == 0)
    return load_builtin (interp, frame, name, globals);
  return lang_ref (interp, v);
}

/* A function's frame finds globals through the function's __globals__,
 * which keeps the module namespace alive even after the interpreter lets
 * go of it at exit. */
static ReclaimId
frame_globals (ReclaimInterp *interp, Frame *frame)
{
  for (Frame *f = frame; f; f = f->back)
    if (f->function)
      return reclaim_heap_slot_get (interp->heap, f->function, FUNC_SLOT_GLOBALS);
  return interp->globals;
}

static ReclaimValue
load_local (ReclaimInterp *interp, Frame *frame, int slot, const char *name)
{
  ReclaimValue v = reclaim_heap_slot_get (interp->heap, frame->locals, slot);
  if (v == RECLAIM_VALUE_NONE)
    return lang_raise (interp, "UnboundLocalError",
                       "cannot access local variable '%s' where it is not associated with a value", name);
  return lang_ref (interp, v);
}

static ReclaimValue
load_cell (ReclaimInterp *interp, Frame *frame, int slot, const char *name)
{
  ReclaimValue cell = reclaim_heap_slot_get (interp->heap, frame->locals, slot);
  ReclaimValue v = cell ? reclaim_heap_slot_get (interp->heap, cell, 0) : RECLAIM_VALUE_NONE;
  if (v == RECLAIM_VALUE_NONE)
    return lang_raise (interp, "NameError",
                       "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                       name);
  return lang_ref (interp, v);
}

ReclaimValue
eval_load_name (ReclaimInterp *interp, Frame *frame, const char *name)
{
  switch (reclaim_scope_name_kind (frame->scope, name))
    {
    case NAME_LOCAL:
      return load_local (interp, frame, reclaim_scope_slot (frame->scope, name), name);
    case NAME_CELL:
    case NAME_FREE:
      return load_cell (interp, frame, reclaim_scope_slot (frame->scope, name), name);
    case NAME_NAMESPACE:
      {
        ReclaimValue v = lang_dict_get (interp, frame->ns, lang_name_str (interp, name));
        if (v)
          return lang_ref (interp, v);
      }
      G_GNUC_FALLTHROUGH;
    case NAME_GLOBAL:
      return load_global (interp, frame, name, frame_globals (interp, frame));
    }
  return LANG_ERROR;
}

/* The dict a name of a namespace (module or class body) or a global lives in. */
static ReclaimId
names_dict (ReclaimInterp *interp, Frame *frame, NameKind kind)
{
  return kind == NAME_NAMESPACE ? frame->ns : frame_globals (interp, frame);
}

/* ---- names the scope analysis resolved ------------------------------------
 * A Name node knows its kind and slot in the scope it is evaluated in
 * (reclaim-scope.c), so a local is found by number; a name kept in a dict
 * goes first to the entry where the last lookup found it.  A node met in
 * another scope than the one analysed (none is, today) takes the way by
 * its text. */

static gboolean
resolved_here (const Frame *frame, const ReclaimNode *node)
{
  return node->v.name.scope == frame->scope;
}

/* The value of node's name in dict through the entry cached in the node
 * (borrowed), or 0 when the cache does not hold it. */
static ReclaimValue
cached_dict_value (ReclaimInterp *interp, const ReclaimNode *node, ReclaimId dict)
{
  if (node->v.name.cache_dict != dict)
    return 0;
  return lang_dict_entry_value (interp, dict, node->v.name.cache_entry, node->v.name.cache_key);
}

/* Looks node's name up in dict by its text, and keeps the entry found in
 * the node for the next time: the value (borrowed), or 0 when missing. */
static ReclaimValue
find_and_cache (ReclaimInterp *interp, const ReclaimNode *node, ReclaimId dict)
{
  ReclaimNode *cached = (ReclaimNode *) node;   /* the cache is the evaluator's part of the node */
  ReclaimValue key = lang_name_str (interp, node->v.name.id);
  gssize entry = lang_dict_find_entry (interp, dict, key);
  if (entry < 0)
    return 0;
  cached->v.name.cache_dict = dict;
  cached->v.name.cache_entry = entry;
  cached->v.name.cache_key = key;
  return lang_dict_entry_value (interp, dict, entry, key);
}

static ReclaimValue
load_from_names_dict (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const char *name = node->v.name.id;
  ReclaimId dict = node->v.name.kind == NAME_NAMESPACE ? frame->ns : frame_globals (interp, frame);
  ReclaimValue v = cached_dict_value (interp, node, dict);
  if (v == 0)
    v = find_and_cache (interp, node, dict);
  if (v != 0)
    return lang_ref (interp, v);
  if (node->v.name.kind == NAME_NAMESPACE)
    return load_global (interp, frame, name, frame_globals (interp, frame));
  return load_builtin (interp, frame, name, dict);
}

static ReclaimValue
load_name_node (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  if (!resolved_here (frame, node))
    return eval_load_name (interp, frame, node->v.name.id);
  switch ((NameKind) node->v.name.kind)
    {
    case NAME_LOCAL:
      return load_local (interp, frame, node->v.name.slot, node->v.name.id);
    case NAME_CELL:
    case NAME_FREE:
      return load_cell (interp, frame, node->v.name.slot, node->v.name.id);
    case NAME_NAMESPACE:
    case NAME_GLOBAL:
      return load_from_names_dict (interp, frame, node);
    }
  return LANG_ERROR;
}

/* Stores v (stolen) in node's variable, then drops the old value. */
static int
store_name_node (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, ReclaimValue v)
{
  if (!resolved_here (frame, node))
    return eval_store_name (interp, frame, node->v.name.id, v);
  switch ((NameKind) node->v.name.kind)
    {
    case NAME_LOCAL:
      reclaim_heap_slot_set (interp->heap, frame->locals, node->v.name.slot, v);
      return 0;
    case NAME_CELL:
    case NAME_FREE:
      reclaim_heap_slot_set (interp->heap, reclaim_heap_slot_get (interp->heap, frame->locals, node->v.name.slot),
                             0, v);
      return 0;
    case NAME_NAMESPACE:
    case NAME_GLOBAL:
      {
        ReclaimId dict = names_dict (interp, frame, node->v.name.kind);
        if (cached_dict_value (interp, node, dict) == 0)
          {
            int r = eval_store_name (interp, frame, node->v.name.id, v);
            if (r == 0)
              find_and_cache (interp, node, dict);
            return r;
          }
        lang_dict_set_entry_value (interp, dict, node->v.name.cache_entry, v);
        lang_decref (interp, v);
        return 0;
      }
    }
  return -1;
}

/* Stores v (stolen) in the variable `name`, then drops the old value. */
int
eval_store_name (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimValue v)
{
  NameKind kind = reclaim_scope_name_kind (frame->scope, name);

  switch (kind)
    {
    case NAME_LOCAL:
      reclaim_heap_slot_set (interp->heap, frame->locals, reclaim_scope_slot (frame->scope, name), v);
      return 0;
    case NAME_CELL:
    case NAME_FREE:
      reclaim_heap_slot_set (interp->heap, cell_of (interp, frame, name), 0, v);
      return 0;
    case NAME_NAMESPACE:
    case NAME_GLOBAL:
      {
        int r = lang_dict_set (interp, names_dict (interp, frame, kind), lang_name_str (interp, name), v);
        lang_decref (interp, v);
        return r;
      }
    }
  return -1;
}

int
eval_delete_name (ReclaimInterp *interp, Frame *frame, const char *name)
{
  NameKind kind = reclaim_scope_name_kind (frame->scope, name);

  switch (kind)
    {
    case NAME_LOCAL:
      {
        int slot = reclaim_scope_slot (frame->scope, name);
        if (reclaim_heap_slot_get (interp->heap, frame->locals, slot) == RECLAIM_VALUE_NONE)
          {
            lang_raise (interp, "UnboundLocalError",
                        "cannot access local variable '%s' where it is not associated with a value", name);
            return -1;
          }
        reclaim_heap_slot_set (interp->heap, frame->locals, slot, RECLAIM_VALUE_NONE);
        return 0;
      }
    case NAME_CELL:
    case NAME_FREE:
      reclaim_heap_slot_set (interp->heap, cell_of (interp, frame, name), 0, RECLAIM_VALUE_NONE);
      return 0;
    case NAME_NAMESPACE:
    case NAME_GLOBAL:
      {
        ReclaimId ns = names_dict (interp, frame, kind);
        ReclaimValue key = lang_name_str (interp, name);
        if (!lang_dict_contains (interp, ns, key))
          {
            lang_raise (interp, "NameError", "name '%s' is not defined", name);
            return -1;
          }
        return lang_dict_delete (interp, ns, key);
      }
    }
  return -1;
}

/* Inside a class, an attribute named __x (not ending in __) is really
 * _Class__x: CPython's compiler mangles private names. */
static const char *
mangle (Frame *frame, const char *name)
{
  if (name[0] != '_' || name[1] != '_')
    return name;
  const Scope *s = frame->scope;
  while (s && s->kind != SCOPE_CLASS)
    s = s->parent;
  g_autofree char *mangled = s ? reclaim_mangle_private_name (s->name, name) : NULL;
  /* names are few: interned for good, so the pointer stays valid */
  return mangled ? reclaim_name_intern (mangled) : name;
}

const char *
eval_mangle (Frame *frame, const char *name)
{
  return mangle (frame, name);
}

/* ---- expressions -------------------------------------------------------- */

static ReclaimValue eval_call (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);

/* A literal past 64 bits: "123...", "0x...", "0o..." or "0b...", its
 * underscores already gone. */
static ReclaimValue
int_from_literal (ReclaimInterp *interp, const char *literal)
{
  int base = 10;
  if (literal[0] == '0' && literal[1] != '\0')
    {
      char prefix = g_ascii_tolower (literal[1]);
      base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10;
      literal += base == 10 ? 0 : 2;
    }
  return bigint_parse (interp, literal, base);
}

static ReclaimValue
eval_constant (ReclaimInterp *interp, const ReclaimNode *node)
{
  switch (node->v.constant.kind)
    {
    case RECLAIM_CONST_NONE: return scalar_none ();
    case RECLAIM_CONST_TRUE: return scalar_bool (TRUE);
    case RECLAIM_CONST_FALSE: return scalar_bool (FALSE);
    case RECLAIM_CONST_ELLIPSIS: return scalar_str ("Ellipsis", -1);
    case RECLAIM_CONST_INT:
      if (node->v.constant.int_big)
        return int_from_literal (interp, node->v.constant.int_literal);
      return scalar_int (node->v.constant.int_value);
    case RECLAIM_CONST_FLOAT: return scalar_float (node->v.constant.float_value);
    case RECLAIM_CONST_STR: return scalar_str (node->v.constant.str, node->v.constant.str_len);
    case RECLAIM_CONST_BYTES: return scalar_bytes ((const guint8 *) node->v.constant.str, node->v.constant.str_len);
    }
  return LANG_ERROR;
}

static gboolean
is_constant (const ReclaimNode *node)
{
  if (node->kind == RECLAIM_NODE_CONSTANT)
    return !(node->v.constant.kind == RECLAIM_CONST_INT && node->v.constant.int_big);
  if (node->kind != RECLAIM_NODE_TUPLE)
    return FALSE;
  for (guint i = 0; i < node->v.seq.elts.n; i++)
    if (!is_constant (node->v.seq.elts.items[i]))
      return FALSE;
  return TRUE;
}

/* The compiler folds a tuple of constants into one code constant: made
 * once, never tracked by the collector, the same object each time. */
ReclaimValue
eval_constant_tuple (ReclaimInterp *interp, const ReclaimNode *node)
{
  EvalState *es = eval_state (interp);
  if (node->kind != RECLAIM_NODE_TUPLE || node->v.seq.elts.n == 0 || !is_constant (node))
    return 0;
  ReclaimValue t = GPOINTER_TO_UINT (g_hash_table_lookup (es->constants, node));
  if (t)
    return t;
  guint n = node->v.seq.elts.n;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n);
  for (guint i = 0; i < n; i++)
    {
      const ReclaimNode *e = node->v.seq.elts.items[i];
      /* an inner () is the empty tuple, which is not folded */
      if (e->kind == RECLAIM_NODE_TUPLE)
        items[i] = lang_ref (interp, e->v.seq.elts.n ? eval_constant_tuple (interp, e) : es->empty_tuple);
      else
        items[i] = eval_constant (interp, e);
    }
  t = lang_tuple_new (interp, n, items);
  reclaim_heap_untrack (interp->heap, t);
  g_hash_table_insert (es->constants, (gpointer) node, GUINT_TO_POINTER (t));
  return t;
}

/* Evaluates the list into new references; on error drops what it has. */
static gboolean
eval_list (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *list, ReclaimValue *out)
{
  for (guint i = 0; i < list->n; i++)
    {
      out[i] = eval_expr (interp, frame, list->items[i]);
      if (out[i] == LANG_ERROR)
        {
          for (guint j = 0; j < i; j++)
            lang_decref (interp, out[j]);
          return FALSE;
        }
    }
  return TRUE;
}

/* 1: a literal, -1 or a tuple of them; 2: constants under binary
 * operators (2**8, 'a' * 3), which the compiler folds into one when the
 * result is small enough; 0 else. */
static int
constant_kind (const ReclaimNode *node)
{
  int kind = 1;
  switch (node->kind)
    {
    case RECLAIM_NODE_CONSTANT:
      return 1;
    case RECLAIM_NODE_TUPLE:
      for (guint i = 0; i < node->v.seq.elts.n; i++)
        {
          int item = constant_kind (node->v.seq.elts.items[i]);
          if (item == 0)
            return 0;
          kind = MAX (kind, item);
        }
      return kind;
    case RECLAIM_NODE_UNARY_OP:
      /* -1, ~0, not 1: always folded (a failing one raises first) */
      return constant_kind (node->v.unary_op.operand);
    case RECLAIM_NODE_BIN_OP:
      return constant_kind (node->v.bin_op.left) && constant_kind (node->v.bin_op.right) ? 2 : 0;
    default:
      return 0;
    }
}

/* starunpack_helper: more than two constants are one folded tuple the
 * list or set is extended with */
static void
display_constants (const ReclaimNodeList *elts, gboolean *all_literal, gboolean *maybe_folded)
{
  int worst = elts->n > 2 ? 1 : 0;
  for (guint i = 0; i < elts->n && worst; i++)
    {
      int kind = constant_kind (elts->items[i]);
      worst = kind == 0 ? 0 : MAX (worst, kind);
    }
  *all_literal = worst == 1;
  *maybe_folded = worst == 2;
}

static ReclaimValue
eval_display (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNodeList *elts = node->kind == RECLAIM_NODE_SET ? &node->v.set.elts : &node->v.seq.elts;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, elts->n + 1);

  for (guint i = 0; i < elts->n; i++)
    if (elts->items[i]->kind == RECLAIM_NODE_STARRED)
      return eval_starred_display (interp, frame, node);
  if (!eval_list (interp, frame, elts, items))
    return LANG_ERROR;
  gboolean all_literal, maybe_folded;
  display_constants (elts, &all_literal, &maybe_folded);
  if (node->kind == RECLAIM_NODE_LIST)
    {
      ReclaimValue list = eval_sequence_from_items (interp, RECLAIM_KIND_LIST, elts->n, items);
      reclaim_heap_set_capacity (interp->heap, list, lang_list_display_capacity (elts->n, all_literal, maybe_folded));
      return list;
    }
  if (node->kind != RECLAIM_NODE_SET)
    return eval_sequence_from_items (interp, RECLAIM_KIND_TUPLE, elts->n, items);
  ReclaimValue set = lang_set_new (interp);
  int ok = 0;
  for (guint i = 0; i < elts->n; i++)
    {
      if (ok == 0)
        ok = lang_set_add (interp, set, items[i]);
      lang_decref (interp, items[i]);
    }
  if (ok < 0)
    {
      lang_decref (interp, set);
      return LANG_ERROR;
    }
  if (all_literal || maybe_folded)
    lang_keys_set_folded (lang_table_get (interp, set), maybe_folded);
  return set;
}

static ReclaimValue
eval_dict_display (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  guint n = node->v.dict.values.n;

  for (guint i = 0; i < n; i++)
    if (node->v.dict.keys.items[i] == NULL)
      return eval_dict_display_unpacking (interp, frame, node);
  return eval_dict_pairs (interp, frame, node, 0, n);
}

/* a <= b as not (b < a), except that a NaN is never <= anything. */
static int
less_or_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  int r = lang_less (interp, b, a);
  if (r < 0)
    return r;
  if (!r && builtins_is_number (a) && builtins_is_number (b) && (isnan (eval_as_double (a)) || isnan (eval_as_double (b))))
    return 0;
  return !r;
}

/* One comparison between values of builtin types: 1, 0, or -1 on error. */
static int
builtin_compare (ReclaimInterp *interp, ReclaimCmpOp cmp, ReclaimValue left, ReclaimValue right)
{
  int r = -1;

  switch (cmp)
    {
    case RECLAIM_CMP_EQ: r = lang_equal (interp, left, right); break;
    case RECLAIM_CMP_NOT_EQ: r = lang_equal (interp, left, right); r = r < 0 ? r : !r; break;
    case RECLAIM_CMP_LT: r = lang_less (interp, left, right); break;
    case RECLAIM_CMP_GT: r = lang_less (interp, right, left); break;
    case RECLAIM_CMP_LT_E: r = less_or_equal (interp, left, right); break;
    case RECLAIM_CMP_GT_E: r = less_or_equal (interp, right, left); break;
    case RECLAIM_CMP_IS: r = left == right; break;
    case RECLAIM_CMP_IS_NOT: r = left != right; break;
    case RECLAIM_CMP_IN: r = lang_contains (interp, right, left); break;
    case RECLAIM_CMP_NOT_IN: r = lang_contains (interp, right, left); r = r < 0 ? r : !r; break;
    }
  return r;
}

/* Operands whose rich comparison is a method: user classes, proxies
 * (which compare their referents), and builtin types a module defines
 * with ordering type slots (deque). */
static gboolean
has_rich_compare (ReclaimInterp *interp, ReclaimValue v)
{
  return eval_is_user_instance (interp, v) || lang_is_proxy (interp, v) || lang_type_slot (interp, v, "__lt__");
}

ReclaimValue
eval_compare_values (ReclaimInterp *interp, ReclaimCmpOp cmp, ReclaimValue left, ReclaimValue right)
{
  if (cmp <= RECLAIM_CMP_GT_E && (has_rich_compare (interp, left) || has_rich_compare (interp, right)))
    return eval_user_compare (interp, cmp, left, right);
  int r = builtin_compare (interp, cmp, left, right);
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

/* Two small ints (immediates) compared by an ordering or equality: no
 * method to ask and no number to look up, the most frequent comparison of
 * all (i < n, x % 2 == 0). */
static gboolean
compares_small_ints (ReclaimCmpOp cmp, ReclaimValue left, ReclaimValue right)
{
  return cmp <= RECLAIM_CMP_GT_E && reclaim_value_is_int (left) && reclaim_value_is_int (right);
}

static int
compare_small_ints (ReclaimCmpOp cmp, ReclaimValue left, ReclaimValue right)
{
  gint32 a = reclaim_value_get_int (left), b = reclaim_value_get_int (right);
  switch (cmp)
    {
    case RECLAIM_CMP_EQ: return a == b;
    case RECLAIM_CMP_NOT_EQ: return a != b;
    case RECLAIM_CMP_LT: return a < b;
    case RECLAIM_CMP_LT_E: return a <= b;
    case RECLAIM_CMP_GT: return a > b;
    case RECLAIM_CMP_GT_E: return a >= b;
    default: g_return_val_if_reached (-1);
    }
}

/* a < b < c: each comparison drops its left operand (COMPARE_OP), and the
 * chain stops at the first false one. */
static ReclaimValue
eval_compare (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue left = eval_expr (interp, frame, node->v.compare.left);
  if (left == LANG_ERROR)
    return LANG_ERROR;

  for (guint i = 0; i < node->v.compare.comparators.n; i++)
    {
      ReclaimValue right = eval_expr (interp, frame, node->v.compare.comparators.items[i]);
      if (right == LANG_ERROR)
        {
          lang_decref (interp, left);
          return LANG_ERROR;
        }
      ReclaimCmpOp cmp = node->v.compare.ops[i];
      gboolean last = i + 1 == node->v.compare.comparators.n;
      int r;
      if (compares_small_ints (cmp, left, right))
        r = compare_small_ints (cmp, left, right);
      else if (cmp <= RECLAIM_CMP_GT_E && (has_rich_compare (interp, left) || has_rich_compare (interp, right)))
        {
          ReclaimValue result = eval_user_compare (interp, cmp, left, right);
          if (result == LANG_ERROR || last)
            {
              /* the last rich comparison's result is the value itself */
              lang_decref (interp, left);
              lang_decref (interp, right);
              return result;
            }
          r = lang_truth (interp, result);
          lang_decref (interp, result);
        }
      else
        r = builtin_compare (interp, cmp, left, right);
      lang_decref (interp, left);
      if (r < 0 || !r || last)
        {
          lang_decref (interp, right);
          return r < 0 ? LANG_ERROR : scalar_bool (r);
        }
      left = right;
    }
  return LANG_ERROR;
}

static ReclaimValue
eval_bool_op (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNodeList *values = &node->v.bool_op.values;
  ReclaimValue v = LANG_ERROR;

  for (guint i = 0; i < values->n; i++)
    {
      v = eval_expr (interp, frame, values->items[i]);
      if (v == LANG_ERROR || i + 1 == values->n)
        return v;
      int t = lang_truth (interp, v);
      if (t < 0)
        {
          lang_decref (interp, v);
          return LANG_ERROR;
        }
      if ((node->v.bool_op.op == RECLAIM_BOOL_AND) != (t == 1))
        return v;
      lang_decref (interp, v);
    }
  return v;
}

static ReclaimValue
eval_unary (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue v = eval_expr (interp, frame, node->v.unary_op.operand);

  if (v == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = eval_unary_value (interp, node->v.unary_op.op, v);
  lang_decref (interp, v);
  return r;
}

/* lower, upper and step of a[lower:upper:step], None where left out. */
/* The three values of a[x:y:z] (None where not written), new references. */
static gboolean
eval_slice_parts (ReclaimInterp *interp, Frame *frame, const ReclaimNode *slice, ReclaimValue parts[3])
{
  const ReclaimNode *nodes[3] = { slice->v.slice.lower, slice->v.slice.upper, slice->v.slice.step };

  for (int i = 0; i < 3; i++)
    {
      parts[i] = nodes[i] ? eval_expr (interp, frame, nodes[i]) : scalar_none ();
      if (parts[i] == LANG_ERROR)
        {
          for (int k = 0; k < i; k++)
            lang_decref (interp, parts[k]);
          return FALSE;
        }
    }
  return TRUE;
}

static void
drop_slice_parts (ReclaimInterp *interp, ReclaimValue parts[3])
{
  for (int i = 0; i < 3; i++)
    lang_decref (interp, parts[i]);
}

/* A slice node on its own, as in a[1:2, 3]: BUILD_SLICE. */
static ReclaimValue
eval_slice_object (ReclaimInterp *interp, Frame *frame, const ReclaimNode *slice)
{
  ReclaimValue parts[3];
  if (!eval_slice_parts (interp, frame, slice, parts))
    return LANG_ERROR;
  ReclaimValue r = lang_slice_new (interp, parts[0], parts[1], parts[2]);
  drop_slice_parts (interp, parts);
  return r;
}

/* a[x:y:z]: python3 3.11 builds a slice object for it.  Bounds that are
 * ints or None cannot tell, so they go to lang_slice_get as they are (it
 * makes the slice where someone can see it: a class's own __getitem__);
 * an object as a bound (one with __index__) is held by a real slice while
 * the subscript runs, as in python3. */
static ReclaimValue
eval_slice_subscript (ReclaimInterp *interp, Frame *frame, ReclaimValue container, const ReclaimNode *slice)
{
  ReclaimValue parts[3], r;

  if (!eval_slice_parts (interp, frame, slice, parts))
    return LANG_ERROR;
  if (!reclaim_value_is_object (parts[0]) && !reclaim_value_is_object (parts[1]) &&
      !reclaim_value_is_object (parts[2]))
    return lang_slice_get (interp, container, parts[0], parts[1], parts[2]);
  ReclaimValue obj = lang_slice_new (interp, parts[0], parts[1], parts[2]);
  drop_slice_parts (interp, parts);
  r = lang_subscript (interp, container, obj);
  lang_decref (interp, obj);
  return r;
}

static ReclaimValue
eval_fstring (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < node->v.joined_str.values.n; i++)
    {
      const ReclaimNode *part = node->v.joined_str.values.items[i];
      if (part->kind == RECLAIM_NODE_CONSTANT)
        {
          g_string_append_len (out, part->v.constant.str, part->v.constant.str_len);
          continue;
        }
      ReclaimValue v = eval_expr (interp, frame, part);
      if (v == LANG_ERROR)
        {
          g_string_free (out, TRUE);
          return LANG_ERROR;
        }
      gsize len;
      g_string_append (out, scalar_get_str (v, &len));
      lang_decref (interp, v);
    }
  ReclaimValue r = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

static ReclaimValue
eval_formatted_value (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue v = eval_expr (interp, frame, node->v.formatted_value.value);
  ReclaimValue spec = scalar_str ("", 0);
  if (v == LANG_ERROR)
    return LANG_ERROR;
  if (node->v.formatted_value.format_spec)
    {
      spec = eval_expr (interp, frame, node->v.formatted_value.format_spec);
      if (spec == LANG_ERROR)
        {
          lang_decref (interp, v);
          return LANG_ERROR;
        }
    }
  char *text = NULL;
  int conversion = node->v.formatted_value.conversion;
  if (conversion == 'r' || conversion == 'a')
    text = lang_repr (interp, v);
  else if (conversion == 's')
    text = lang_str (interp, v);
  ReclaimValue r;
  if (conversion > 0)
    {
      r = text ? lang_format_value (interp, scalar_str (text, -1), spec) : LANG_ERROR;
      g_free (text);
    }
  else
    r = lang_format_value (interp, v, spec);
  lang_decref (interp, v);
  return r;
}

static ReclaimValue eval_expr_here (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);

typedef struct {
  ReclaimInterp      *interp;
  Frame              *frame;
  const ReclaimNode  *node;
  ReclaimValue        result;
} DeepExpr;

static void
eval_deep_expr (gpointer data)
{
  DeepExpr *deep = data;
  deep->result = eval_expr_here (deep->interp, deep->frame, deep->node);
}

/* A generator's own stack is small, so that many can be paused: an
 * expression nested deep inside one (or the calls it makes) goes on in a
 * big stack.  A yield there suspends the generator with both stacks. */
static G_GNUC_NO_INLINE ReclaimValue
eval_expr_on_big_stack (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  DeepExpr deep = { interp, frame, node, LANG_ERROR };
  g_autoptr (GError) error = NULL;
  if (!coroutine_call_on_big_stack (eval_deep_expr, &deep, &error))
    return lang_raise (interp, "MemoryError", "%s", error->message);
  return deep.result;
}

/* Every expression passes here, so it is kept small: names and constants,
 * most of the expressions a script evaluates, call nothing deep and are
 * found without the stack check and eval_expr_here's big frame; the way
 * to the big stack is apart. */
ReclaimValue
eval_expr (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue r;
  if (node->kind == RECLAIM_NODE_NAME)
    r = load_name_node (interp, frame, node);
  else if (node->kind == RECLAIM_NODE_CONSTANT)
    r = eval_constant (interp, node);
  else if (G_LIKELY (!coroutine_stack_low ()))
    return eval_expr_here (interp, frame, node);
  else
    return eval_expr_on_big_stack (interp, frame, node);
  if (r == LANG_ERROR)
    return error_at (interp, frame, node);
  return r;
}

static ReclaimValue
eval_expr_here (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue r;

  switch (node->kind)
    {
    case RECLAIM_NODE_CONSTANT:
      r = eval_constant (interp, node);
      break;
    case RECLAIM_NODE_NAME:
      r = load_name_node (interp, frame, node);
      break;
    case RECLAIM_NODE_ATTRIBUTE:
      {
        ReclaimValue owner = eval_expr (interp, frame, node->v.attribute.value);
        if (owner == LANG_ERROR)
          return LANG_ERROR;
        r = lang_getattr (interp, owner, mangle (frame, node->v.attribute.attr));
        lang_decref (interp, owner);
      }
      break;
    case RECLAIM_NODE_SUBSCRIPT:
      {
        ReclaimValue container = eval_expr (interp, frame, node->v.subscript.value);
        if (container == LANG_ERROR)
          return LANG_ERROR;
        if (node->v.subscript.slice->kind == RECLAIM_NODE_SLICE)
          {
            r = eval_slice_subscript (interp, frame, container, node->v.subscript.slice);
            lang_decref (interp, container);
            break;
          }
        ReclaimValue key = eval_expr (interp, frame, node->v.subscript.slice);
        if (key == LANG_ERROR)
          {
            lang_decref (interp, container);
            return LANG_ERROR;
          }
        r = lang_subscript (interp, container, key);
        lang_decref (interp, container);
        lang_decref (interp, key);
      }
      break;
    case RECLAIM_NODE_SLICE:
      r = eval_slice_object (interp, frame, node);
      break;
    case RECLAIM_NODE_BIN_OP:
      {
        ReclaimValue a = eval_expr (interp, frame, node->v.bin_op.left);
        if (a == LANG_ERROR)
          return LANG_ERROR;
        ReclaimValue b = eval_expr (interp, frame, node->v.bin_op.right);
        if (b == LANG_ERROR)
          {
            lang_decref (interp, a);
            return LANG_ERROR;
          }
        r = eval_binary (interp, node->v.bin_op.op, a, b, FALSE);
        lang_decref (interp, a);
        lang_decref (interp, b);
      }
      break;
    case RECLAIM_NODE_UNARY_OP:
      r = eval_unary (interp, frame, node);
      break;
    case RECLAIM_NODE_BOOL_OP:
      r = eval_bool_op (interp, frame, node);
      break;
    case RECLAIM_NODE_COMPARE:
      r = eval_compare (interp, frame, node);
      break;
    case RECLAIM_NODE_IF_EXP:
      {
        int t = eval_test (interp, frame, node->v.if_exp.test);
        if (t < 0)
          return LANG_ERROR;
        r = eval_expr (interp, frame, t ? node->v.if_exp.body : node->v.if_exp.orelse);
      }
      break;
    case RECLAIM_NODE_NAMED_EXPR:
      r = eval_expr (interp, frame, node->v.named_expr.value);
      if (r != LANG_ERROR && store_target (interp, frame, node->v.named_expr.target, lang_ref (interp, r)) < 0)
        {
          lang_decref (interp, r);
          r = LANG_ERROR;
        }
      break;
    case RECLAIM_NODE_CALL:
      r = eval_call (interp, frame, node);
      break;
    case RECLAIM_NODE_TUPLE:
      r = eval_constant_tuple (interp, node);
      r = r ? lang_ref (interp, r) : eval_display (interp, frame, node);
      break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_SET:
      r = eval_display (interp, frame, node);
      break;
    case RECLAIM_NODE_DICT:
      r = eval_dict_display (interp, frame, node);
      break;
    case RECLAIM_NODE_LAMBDA:
      r = eval_make_function (interp, frame, node);
      break;
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_DICT_COMP:
    case RECLAIM_NODE_GENERATOR_EXP:
      r = eval_comprehension (interp, frame, node);
      break;
    case RECLAIM_NODE_YIELD:
      {
        ReclaimValue v = node->v.yield.value ? eval_expr (interp, frame, node->v.yield.value) : scalar_none ();
        if (v == LANG_ERROR)
          return LANG_ERROR;
        eval_note_yield_site (frame, node);
        r = eval_yield (interp, frame, v);
      }
      break;
    case RECLAIM_NODE_YIELD_FROM:
      r = eval_yield_from (interp, frame, node);
      break;
    case RECLAIM_NODE_JOINED_STR:
      r = eval_fstring (interp, frame, node);
      break;
    case RECLAIM_NODE_FORMATTED_VALUE:
      r = eval_formatted_value (interp, frame, node);
      break;
    case RECLAIM_NODE_STARRED:
      return lang_raise (interp, "SyntaxError", "can't use starred expression here");
    default:
      return lang_stop_not_supported (interp, "%s", reclaim_node_kind_name (node->kind));
    }
  if (r == LANG_ERROR)
    return error_at (interp, frame, node);
  return r;
}

int
eval_test (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue v = eval_expr (interp, frame, node);
  if (v == LANG_ERROR)
    return -1;
  int t = lang_truth (interp, v);
  lang_decref (interp, v);
  return t;
}

ReclaimValue
eval_iter (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue iterable = eval_expr (interp, frame, node);
  if (iterable == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, iterable);
  lang_decref (interp, iterable);
  return it;
}

/* Rich comparison with user classes: a.__op__(b), then b.__swapped__(a);
 * == and != fall back to identity, the orderings to a TypeError. */
ReclaimValue
eval_user_compare (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b)
{
  static const char *names[] = { "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__" };
  static const ReclaimCmpOp swapped[] = { RECLAIM_CMP_EQ, RECLAIM_CMP_NOT_EQ, RECLAIM_CMP_GT,
                                          RECLAIM_CMP_GT_E, RECLAIM_CMP_LT, RECLAIM_CMP_LT_E };
  ReclaimValue r;

  if (lang_is_proxy (interp, a) || lang_is_proxy (interp, b))
    return lang_proxy_compare (interp, op, a, b);
  if (eval_is_user_instance (interp, b) && eval_is_user_instance (interp, a) &&
      lang_class_of (interp, a) != lang_class_of (interp, b) &&
      lang_is_subclass (lang_class_of (interp, b), lang_class_of (interp, a)) &&
      (r = eval_try_dunder (interp, b, names[swapped[op]], a)))
    return r;
  if ((r = eval_try_dunder (interp, a, names[op], b)) || lang_error_occurred (interp))
    return r ? r : LANG_ERROR;
  if ((r = eval_try_dunder (interp, b, names[swapped[op]], a)) || lang_error_occurred (interp))
    return r ? r : LANG_ERROR;
  int items_equal = op <= RECLAIM_CMP_NOT_EQ ? lang_builtin_container_equal (interp, a, b) : -2;
  if (items_equal != -2)
    return items_equal < 0 ? LANG_ERROR : scalar_bool (items_equal == (op == RECLAIM_CMP_EQ));
  /* a < b is b > a; a <= b is not b < a */
  gboolean swap = op == RECLAIM_CMP_GT || op == RECLAIM_CMP_LT_E;
  int less = op > RECLAIM_CMP_NOT_EQ ? lang_builtin_list_less (interp, swap ? b : a, swap ? a : b) : -2;
  if (less != -2)
    return less < 0 ? LANG_ERROR : scalar_bool (op == RECLAIM_CMP_LT || op == RECLAIM_CMP_GT ? less : !less);
  if (op == RECLAIM_CMP_NOT_EQ)
    {
      /* != is the opposite of == when only __eq__ is defined */
      r = eval_user_compare (interp, RECLAIM_CMP_EQ, a, b);
      if (r == LANG_ERROR)
        return r;
      int t = lang_truth (interp, r);
      lang_decref (interp, r);
      return t < 0 ? LANG_ERROR : scalar_bool (!t);
    }
  if (op == RECLAIM_CMP_EQ)
    return scalar_bool (a == b);
  return lang_raise (interp, "TypeError", "'%s' not supported between instances of '%s' and '%s'",
                     reclaim_cmp_op_symbol (op), lang_type_name (interp, a), lang_type_name (interp, b));
}

/* ---- calls -------------------------------------------------------------- */

static void
drop_values (ReclaimInterp *interp, ReclaimValue *values, guint n)
{
  for (guint i = 0; i < n; i++)
    lang_decref (interp, values[i]);
}

/* f(*args, **kwargs) arguments spread into one array. */
static gboolean
eval_call_arguments (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, const EvalCallTarget *target,
                     GArray *values, GPtrArray *kwnames, guint *nargs)
{
  for (guint i = 0; i < node->v.call.args.n; i++)
    {
      const ReclaimNode *arg = node->v.call.args.items[i];
      gboolean star = arg->kind == RECLAIM_NODE_STARRED;
      ReclaimValue v = eval_expr (interp, frame, star ? arg->v.starred.value : arg);
      if (v == LANG_ERROR)
        return FALSE;
      if (!star)
        {
          g_array_append_val (values, v);
          continue;
        }
      GPtrArray *items = eval_call_star_items (interp, target, v, node->v.call.args.n == 1);
      lang_decref (interp, v);
      if (items == NULL)
        return FALSE;
      for (guint j = 0; j < items->len; j++)
        {
          ReclaimValue item = GPOINTER_TO_UINT (items->pdata[j]);
          g_array_append_val (values, item);
        }
      g_ptr_array_unref (items);
    }
  *nargs = values->len;
  return eval_call_keywords (interp, frame, &node->v.call.keywords, target, values, kwnames);
}

/* obj.name(...) without making a bound method, as LOAD_METHOD does:
 * returns the function and sets *self when the attribute is a method. */
static ReclaimValue
load_method (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue *self)
{
  *self = 0;
  LangClass *cls = lang_class_of (interp, obj);
  if (reclaim_value_is_object (obj) && !cls->builtin && !eval_instance_has_attr (interp, obj, name))
    {
      ReclaimValue attr = lang_eval_class_lookup (interp, cls, name);
      if (attr && reclaim_heap_get_kind (interp->heap, attr) == RECLAIM_KIND_FUNCTION &&
          reclaim_heap_get_kind (interp->heap, obj) != RECLAIM_KIND_CLASS)
        {
          *self = obj;
          return lang_ref (interp, attr);
        }
    }
  return lang_getattr (interp, obj, name);
}

/* A call with positional arguments only, none starred: most calls. */
static gboolean
is_positional_call (const ReclaimNode *node)
{
  if (node->v.call.keywords.n > 0)
    return FALSE;
  for (guint i = 0; i < node->v.call.args.n; i++)
    if (node->v.call.args.items[i]->kind == RECLAIM_NODE_STARRED)
      return FALSE;
  return TRUE;
}

/* A call whose arguments could not all be had: what was evaluated goes.
 * callable is 0 for a native method, whose self is held apart. */
static ReclaimValue
call_failed (ReclaimInterp *interp, ReclaimValue callable, ReclaimValue self, LangNativeFunc native_method,
             ReclaimValue *values, guint n)
{
  drop_values (interp, values, n);
  lang_decref (interp, callable);
  if (native_method)
    lang_decref (interp, self);
  return LANG_ERROR;
}

/* The call itself, with every argument evaluated: values holds the
 * positional ones (a method's self first), then the nkw keyword ones. */
static ReclaimValue
finish_call (ReclaimInterp *interp, ReclaimValue callable, ReclaimValue self, LangNativeFunc native_method,
             ReclaimValue *values, guint n, guint nkw, const char *const *kwnames)
{
  guint nargs = n - nkw;
  ReclaimValue result;
  if (native_method)
    {
      result = native_method (interp, self, nargs, values, nkw, kwnames);
      lang_decref (interp, self);
      drop_values (interp, values, n);
      return result;
    }
  if (reclaim_value_is_object (callable) && reclaim_heap_get_kind (interp->heap, callable) == RECLAIM_KIND_FUNCTION)
    {
      /* A Python function takes over the arguments and the callable: its
       * frame drops them when it returns. */
      return eval_call_function_steal (interp, callable, nargs, values, nkw, kwnames);
    }
  result = lang_call (interp, callable, nargs, values, nkw, kwnames);
  /* CALL drops the callable, then the arguments in order */
  lang_decref (interp, callable);
  drop_values (interp, values, n);
  return result;
}

static ReclaimValue
eval_call (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNode *func_node = node->v.call.func;
  ReclaimValue callable, self = 0;
  LangNativeFunc native_method = NULL;

  if (func_node->kind == RECLAIM_NODE_ATTRIBUTE)
    {
      ReclaimValue owner = eval_expr (interp, frame, func_node->v.attribute.value);
      if (owner == LANG_ERROR)
        return LANG_ERROR;
      LangClass *cls = lang_class_of (interp, owner);
      native_method = cls->builtin ? lang_find_builtin_method (interp, owner, func_node->v.attribute.attr) : NULL;
      if (native_method && reclaim_value_is_object (owner) &&
          reclaim_heap_get_kind (interp->heap, owner) == RECLAIM_KIND_CLASS)
        native_method = NULL;   /* list.append itself, not a method of a list */
      if (native_method)
        {
          callable = 0;
          self = owner;
        }
      else
        {
          callable = load_method (interp, owner, mangle (frame, func_node->v.attribute.attr), &self);
          if (self == 0)
            lang_decref (interp, owner);
          if (callable == LANG_ERROR)
            {
              if (self)
                lang_decref (interp, owner);
              return LANG_ERROR;
            }
        }
    }
  else
    {
      callable = eval_expr (interp, frame, func_node);
      if (callable == LANG_ERROR)
        return LANG_ERROR;
    }

  EvalCallTarget target = { callable, self, func_node->kind == RECLAIM_NODE_ATTRIBUTE ? func_node->v.attribute.attr : NULL };
  /* the reference LOAD_METHOD left on the stack goes first */
  ReclaimValue method_self = native_method ? 0 : self;
  if (is_positional_call (node) && node->v.call.args.n + 1 <= EVAL_ARGS_ON_STACK)
    {
      ReclaimValue values[EVAL_ARGS_ON_STACK];
      guint n = 0;
      if (method_self)
        values[n++] = method_self;
      for (guint i = 0; i < node->v.call.args.n; i++)
        {
          ReclaimValue v = eval_expr (interp, frame, node->v.call.args.items[i]);
          if (v == LANG_ERROR)
            return call_failed (interp, callable, self, native_method, values, n);
          values[n++] = v;
        }
      if (!eval_check_limits (interp))
        return call_failed (interp, callable, self, native_method, values, n);
      return finish_call (interp, callable, self, native_method, values, n, 0, NULL);
    }

  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  g_autoptr (GPtrArray) kwnames = g_ptr_array_new ();
  guint nargs = 0;
  if (method_self)
    g_array_append_val (values, method_self);
  if (!eval_call_arguments (interp, frame, node, &target, values, kwnames, &nargs) || !eval_check_limits (interp))
    return call_failed (interp, callable, self, native_method, (ReclaimValue *) values->data, values->len);
  return finish_call (interp, callable, self, native_method, (ReclaimValue *) values->data, values->len,
                      kwnames->len, (const char *const *) kwnames->pdata);
}

/* ---- assignment targets ------------------------------------------------- */

/* Unpacks v (stolen) into the targets, left to right. */
static int
store_unpack (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *targets, ReclaimValue v)
{
  for (guint i = 0; i < targets->n; i++)
    if (targets->items[i]->kind == RECLAIM_NODE_STARRED)
      return eval_store_unpack_starred (interp, frame, targets, i, v);
  if (!reclaim_value_is_object (v) && scalar_type (v) != SCALAR_STR)
    {
      lang_raise (interp, "TypeError", "cannot unpack non-iterable %s object", lang_type_name (interp, v));
      lang_decref (interp, v);
      return -1;
    }
  GPtrArray *items = lang_sequence_to_array (interp, v);
  lang_decref (interp, v);
  if (items == NULL)
    return -1;
  int r = 0;
  if (items->len != targets->n)
    {
      if (items->len > targets->n)
        lang_raise (interp, "ValueError", "too many values to unpack (expected %u)", targets->n);
      else
        lang_raise (interp, "ValueError", "not enough values to unpack (expected %u, got %u)", targets->n, items->len);
      r = -1;
    }
  for (guint i = 0; i < items->len; i++)
    {
      ReclaimValue item = GPOINTER_TO_UINT (items->pdata[i]);
      if (r == 0)
        r = store_target (interp, frame, targets->items[i], item);
      else
        lang_decref (interp, item);
    }
  g_ptr_array_unref (items);
  return r;
}

/* Stores v (stolen) into the target. */
static int
store_target (ReclaimInterp *interp, Frame *frame, const ReclaimNode *target, ReclaimValue v)
{
  switch (target->kind)
    {
    case RECLAIM_NODE_NAME:
      return store_name_node (interp, frame, target, v);
    case RECLAIM_NODE_ATTRIBUTE:
      {
        ReclaimValue owner = eval_expr (interp, frame, target->v.attribute.value);
        if (owner == LANG_ERROR)
          {
            lang_decref (interp, v);
            return -1;
          }
        int r = lang_setattr (interp, owner, mangle (frame, target->v.attribute.attr), v);
        lang_decref (interp, v);
        lang_decref (interp, owner);
        return r;
      }
    case RECLAIM_NODE_SUBSCRIPT:
      {
        ReclaimValue container = eval_expr (interp, frame, target->v.subscript.value);
        if (container == LANG_ERROR)
          {
            lang_decref (interp, v);
            return -1;
          }
        ReclaimValue key = target->v.subscript.slice->kind == RECLAIM_NODE_SLICE
                             ? eval_slice_object (interp, frame, target->v.subscript.slice)
                             : eval_expr (interp, frame, target->v.subscript.slice);
        if (key == LANG_ERROR)
          {
            lang_decref (interp, v);
            lang_decref (interp, container);
            return -1;
          }
        int r = lang_store_subscript (interp, container, key, v);
        lang_decref (interp, v);
        lang_decref (interp, container);
        lang_decref (interp, key);
        return r;
      }
    case RECLAIM_NODE_TUPLE:
    case RECLAIM_NODE_LIST:
      return store_unpack (interp, frame, &target->v.seq.elts, v);
    case RECLAIM_NODE_STARRED:   /* the list UNPACK_EX made for it */
      return store_target (interp, frame, target->v.starred.value, v);
    default:
      lang_decref (interp, v);
      lang_raise (interp, "SyntaxError", "cannot assign to %s", reclaim_node_kind_name (target->kind));
      return -1;
    }
}

static int
delete_target (ReclaimInterp *interp, Frame *frame, const ReclaimNode *target)
{
  switch (target->kind)
    {
    case RECLAIM_NODE_NAME:
      return eval_delete_name (interp, frame, target->v.name.id);
    case RECLAIM_NODE_ATTRIBUTE:
      {
        ReclaimValue owner = eval_expr (interp, frame, target->v.attribute.value);
        if (owner == LANG_ERROR)
          return -1;
        int r = lang_delattr (interp, owner, mangle (frame, target->v.attribute.attr));
        lang_decref (interp, owner);
        return r;
      }
    case RECLAIM_NODE_SUBSCRIPT:
      {
        ReclaimValue container = eval_expr (interp, frame, target->v.subscript.value);
        if (container == LANG_ERROR)
          return -1;
        ReclaimValue key = target->v.subscript.slice->kind == RECLAIM_NODE_SLICE
                             ? eval_slice_object (interp, frame, target->v.subscript.slice)
                             : eval_expr (interp, frame, target->v.subscript.slice);
        int r = key == LANG_ERROR ? -1 : lang_delete_subscript (interp, container, key);
        lang_decref (interp, key);
        lang_decref (interp, container);
        return r;
      }
    case RECLAIM_NODE_TUPLE:
    case RECLAIM_NODE_LIST:
      for (guint i = 0; i < target->v.seq.elts.n; i++)
        if (delete_target (interp, frame, target->v.seq.elts.items[i]) < 0)
          return -1;
      return 0;
    default:
      lang_raise (interp, "SyntaxError", "cannot delete %s", reclaim_node_kind_name (target->kind));
      return -1;
    }
}

/* a, b = x, y: CPython 3.11 swaps on the stack instead of building a tuple. */
static gboolean
is_tuple_swap (const ReclaimNode *node)
{
  if (node->v.assign.targets.n != 1)
    return FALSE;
  const ReclaimNode *t = node->v.assign.targets.items[0], *v = node->v.assign.value;
  if ((t->kind != RECLAIM_NODE_TUPLE && t->kind != RECLAIM_NODE_LIST) || v->kind != RECLAIM_NODE_TUPLE)
    return FALSE;
  if (t->v.seq.elts.n != v->v.seq.elts.n || v->v.seq.elts.n > 3)
    return FALSE;
  for (guint i = 0; i < v->v.seq.elts.n; i++)
    if (v->v.seq.elts.items[i]->kind == RECLAIM_NODE_STARRED || t->v.seq.elts.items[i]->kind == RECLAIM_NODE_STARRED)
      return FALSE;
  return TRUE;
}

static ExecStatus
exec_assign (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  if (is_tuple_swap (node))
    {
      const ReclaimNodeList *elts = &node->v.assign.value->v.seq.elts;
      const ReclaimNodeList *targets = &node->v.assign.targets.items[0]->v.seq.elts;
      ReclaimValue values[3];
      if (!eval_list (interp, frame, elts, values))
        return EXEC_ERROR;
      for (guint i = 0; i < elts->n; i++)
        if (store_target (interp, frame, targets->items[i], values[i]) < 0)
          {
            drop_values (interp, values + i + 1, elts->n - i - 1);
            return EXEC_ERROR;
          }
      return EXEC_OK;
    }

  if (node->v.assign.annotation && node->v.assign.value == NULL)
    return eval_annotation_of_assign (interp, frame, node);
  ReclaimValue v = eval_expr (interp, frame, node->v.assign.value);
  if (v == LANG_ERROR)
    return EXEC_ERROR;
  guint n = node->v.assign.targets.n;
  for (guint i = 0; i < n; i++)
    {
      /* every target but the last gets a copy of the reference */
      if (i + 1 < n)
        lang_incref (interp, v);
      if (store_target (interp, frame, node->v.assign.targets.items[i], v) < 0)
        {
          if (i + 1 < n)
            lang_decref (interp, v);
          return EXEC_ERROR;
        }
    }
  if (node->v.assign.annotation)
    return eval_annotation_of_assign (interp, frame, node);
  return EXEC_OK;
}

static ExecStatus
exec_aug_assign (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNode *target = node->v.aug_assign.target;
  ReclaimValue owner = 0, key = 0, old;

  switch (target->kind)
    {
    case RECLAIM_NODE_NAME:
      old = load_name_node (interp, frame, target);
      break;
    case RECLAIM_NODE_ATTRIBUTE:
      owner = eval_expr (interp, frame, target->v.attribute.value);
      old = owner == LANG_ERROR ? LANG_ERROR : lang_getattr (interp, owner, mangle (frame, target->v.attribute.attr));
      break;
    case RECLAIM_NODE_SUBSCRIPT:
      owner = eval_expr (interp, frame, target->v.subscript.value);
      key = owner == LANG_ERROR ? LANG_ERROR : eval_expr (interp, frame, target->v.subscript.slice);
      old = key == LANG_ERROR ? LANG_ERROR : lang_subscript (interp, owner, key);
      break;
    default:
      lang_raise (interp, "SyntaxError", "illegal expression for augmented assignment");
      return EXEC_ERROR;
    }
  ReclaimValue right = old == LANG_ERROR ? LANG_ERROR : eval_expr (interp, frame, node->v.aug_assign.value);
  ReclaimValue result = right == LANG_ERROR ? LANG_ERROR
                                            : eval_binary (interp, node->v.aug_assign.op, old, right, TRUE);
  lang_decref (interp, old);
  lang_decref (interp, right);
  int r = -1;
  if (result != LANG_ERROR)
    {
      if (target->kind == RECLAIM_NODE_NAME)
        r = store_name_node (interp, frame, target, result);
      else if (target->kind == RECLAIM_NODE_ATTRIBUTE)
        {
          r = lang_setattr (interp, owner, mangle (frame, target->v.attribute.attr), result);
          lang_decref (interp, result);
        }
      else
        {
          r = lang_store_subscript (interp, owner, key, result);
          lang_decref (interp, result);
        }
    }
  lang_decref (interp, owner);
  lang_decref (interp, key);
  return r < 0 ? EXEC_ERROR : EXEC_OK;
}

/* ---- statements --------------------------------------------------------- */

static ExecStatus
exec_if (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  int t = eval_test (interp, frame, node->v.if_stmt.test);
  if (t < 0)
    return EXEC_ERROR;
  return eval_body (interp, frame, t ? &node->v.if_stmt.body : &node->v.if_stmt.orelse);
}

static ExecStatus
exec_while (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  for (;;)
    {
      frame->line = node->line;
      if (!eval_check_limits (interp))
        return EXEC_ERROR;
      int t = eval_test (interp, frame, node->v.while_stmt.test);
      if (t < 0)
        return EXEC_ERROR;
      if (!t)
        return eval_body (interp, frame, &node->v.while_stmt.orelse);
      ExecStatus s = eval_body (interp, frame, &node->v.while_stmt.body);
      if (s == EXEC_BREAK)
        return EXEC_OK;
      if (s != EXEC_OK && s != EXEC_CONTINUE)
        return s;
    }
}

static ExecStatus
exec_for (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  /* not eval_iter: a failed GET_ITER, unlike a failed expression, is
   * reported at the iterable's first line */
  ReclaimValue iterable = eval_expr (interp, frame, node->v.for_stmt.iter);
  if (iterable == LANG_ERROR)
    return EXEC_ERROR;
  ReclaimValue it = lang_iter (interp, iterable);
  lang_decref (interp, iterable);
  if (it == LANG_ERROR)
    {
      error_at (interp, frame, node->v.for_stmt.iter);
      return EXEC_ERROR;
    }

  EvalLoop loop = eval_loop_begin (interp, it);
  ExecStatus status = EXEC_OK;
  for (;;)
    {
      ReclaimValue item;
      int r = eval_loop_next (interp, &loop, &item);
      if (r < 0)
        {
          status = EXEC_ERROR;
          break;
        }
      if (r == 0)
        {
          /* FOR_ITER drops the exhausted iterator before the else clause */
          lang_decref (interp, it);
          return eval_body (interp, frame, &node->v.for_stmt.orelse);
        }
      if (store_target (interp, frame, node->v.for_stmt.target, item) < 0)
        {
          status = EXEC_ERROR;
          break;
        }
      status = eval_body (interp, frame, &node->v.for_stmt.body);
      if (status == EXEC_CONTINUE)
        status = EXEC_OK;
      if (status != EXEC_OK)
        break;
      frame->line = node->line;
      if (!eval_check_limits (interp))
        {
          status = EXEC_ERROR;
          break;
        }
    }
  if (status == EXEC_BREAK)
    status = EXEC_OK;
  lang_decref (interp, it);
  return status;
}

static ExecStatus
exec_return (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  ReclaimValue v = node->v.return_stmt.value ? eval_expr (interp, frame, node->v.return_stmt.value) : scalar_none ();
  if (v == LANG_ERROR)
    return EXEC_ERROR;
  frame->retval = v;
  return EXEC_RETURN;
}

static ExecStatus
exec_delete (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  for (guint i = 0; i < node->v.delete_stmt.targets.n; i++)
    if (delete_target (interp, frame, node->v.delete_stmt.targets.items[i]) < 0)
      return EXEC_ERROR;
  return EXEC_OK;
}

static ExecStatus
exec_assert (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  int t = eval_test (interp, frame, node->v.assert_stmt.test);
  if (t < 0)
    return EXEC_ERROR;
  if (t)
    return EXEC_OK;
  if (node->v.assert_stmt.msg == NULL)
    {
      lang_raise_value (interp, "AssertionError", 0);
      return EXEC_ERROR;
    }
  ReclaimValue msg = eval_expr (interp, frame, node->v.assert_stmt.msg);
  if (msg == LANG_ERROR)
    return EXEC_ERROR;
  lang_raise_value (interp, "AssertionError", msg);
  lang_decref (interp, msg);
  return EXEC_ERROR;
}

static ExecStatus
exec_import (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  const ReclaimNodeList *names = node->kind == RECLAIM_NODE_IMPORT ? &node->v.import_stmt.names
                                                                   : &node->v.import_from.names;
  for (guint i = 0; i < names->n; i++)
    {
      const ReclaimNode *alias = names->items[i];
      const char *module_name = node->kind == RECLAIM_NODE_IMPORT ? alias->v.alias.name : node->v.import_from.module;
      ReclaimValue module = g_hash_table_lookup (interp->modules, module_name) ?
        GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, module_name)) : 0;
      if (module == 0)
        {
          lang_raise (interp, "ModuleNotFoundError", "No module named '%s'", module_name);
          return EXEC_ERROR;
        }
      ReclaimValue v;
      if (node->kind == RECLAIM_NODE_IMPORT)
        v = lang_ref (interp, module);
      else
        {
          v = lang_lookup_attr (interp, module, alias->v.alias.name);
          if (v == 0)
            {
              if (!lang_error_occurred (interp))
                lang_raise (interp, "ImportError", "cannot import name '%s' from '%s' (unknown location)",
                            alias->v.alias.name, module_name);
              return EXEC_ERROR;
            }
        }
      const char *bound = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
      if (eval_store_name (interp, frame, bound, v) < 0)
        return EXEC_ERROR;
    }
  return EXEC_OK;
}

/* def and class: the name is bound to what was made (stolen), unless
 * making it failed. */
static ExecStatus
bind_made (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimValue made)
{
  if (made == LANG_ERROR)
    return EXEC_ERROR;
  return eval_store_name (interp, frame, name, made) < 0 ? EXEC_ERROR : EXEC_OK;
}

static ExecStatus
exec_stmt (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  frame->line = node->line;
  reclaim_heap_set_line (interp->heap, node->line, MAX (interp->depth - 1, 0));
  if (!eval_check_limits (interp))
    return EXEC_ERROR;
  lang_safe_point_at_statement (interp, frame);

  frame->statement_value = node->kind == RECLAIM_NODE_EXPR     ? node->v.expr_stmt.value
                          : node->kind == RECLAIM_NODE_ASSIGN ? node->v.assign.value
                                                              : NULL;
  switch (node->kind)
    {
    case RECLAIM_NODE_EXPR:
      {
        ReclaimValue v = eval_expr (interp, frame, node->v.expr_stmt.value);
        if (v == LANG_ERROR)
          return EXEC_ERROR;
        lang_decref (interp, v);
        return EXEC_OK;
      }
    case RECLAIM_NODE_ASSIGN:
      return exec_assign (interp, frame, node);
    case RECLAIM_NODE_AUG_ASSIGN:
      return exec_aug_assign (interp, frame, node);
    case RECLAIM_NODE_DELETE:
      return exec_delete (interp, frame, node);
    case RECLAIM_NODE_PASS:
    case RECLAIM_NODE_GLOBAL:
    case RECLAIM_NODE_NONLOCAL:
      return EXEC_OK;
    case RECLAIM_NODE_BREAK:
      return EXEC_BREAK;
    case RECLAIM_NODE_CONTINUE:
      return EXEC_CONTINUE;
    case RECLAIM_NODE_IF:
      return exec_if (interp, frame, node);
    case RECLAIM_NODE_WHILE:
      return exec_while (interp, frame, node);
    case RECLAIM_NODE_FOR:
      return exec_for (interp, frame, node);
    case RECLAIM_NODE_RETURN:
      return exec_return (interp, frame, node);
    case RECLAIM_NODE_ASSERT:
      return exec_assert (interp, frame, node);
    case RECLAIM_NODE_IMPORT:
    case RECLAIM_NODE_IMPORT_FROM:
      return exec_import (interp, frame, node);
    case RECLAIM_NODE_FUNCTION_DEF:
      return bind_made (interp, frame, node->v.function_def.bound_name,
                        node->v.function_def.decorators.n ? eval_make_decorated (interp, frame, node)
                                                          : eval_make_function (interp, frame, node));
    case RECLAIM_NODE_CLASS_DEF:
      return bind_made (interp, frame, node->v.class_def.bound_name,
                        node->v.class_def.decorators.n ? eval_make_decorated (interp, frame, node)
                                                       : eval_make_class (interp, frame, node));
    case RECLAIM_NODE_RAISE:
      return eval_exec_raise (interp, frame, node);
    case RECLAIM_NODE_TRY:
      return eval_exec_try (interp, frame, node);
    case RECLAIM_NODE_WITH:
      return eval_exec_with (interp, frame, node);
    default:
      lang_stop_not_supported (interp, "%s", reclaim_node_kind_name (node->kind));
      return EXEC_ERROR;
    }
}

ExecStatus
eval_body (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *body)
{
  for (guint i = 0; i < body->n; i++)
    {
      ExecStatus s = exec_stmt (interp, frame, body->items[i]);
      if (s != EXEC_OK)
        return s;
    }
  return EXEC_OK;
}

ReclaimValue
eval_store_target (ReclaimInterp *interp, Frame *frame, const ReclaimNode *target, ReclaimValue v)
{
  return store_target (interp, frame, target, v) < 0 ? LANG_ERROR : scalar_none ();
}

ReclaimValue
lang_empty_tuple (ReclaimInterp *interp)
{
  return eval_state (interp)->empty_tuple;
}
