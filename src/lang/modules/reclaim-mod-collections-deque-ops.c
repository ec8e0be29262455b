/* reclaim-mod-collections-deque-ops.c: what a deque does beyond its
 * methods for one end or the other: insert, reversed(), the operators
 * + * += *= and the ordering comparisons.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in CPython's _collections: d + e copies d (keeping its maxlen) and
 * extends the copy; d * n copies d and repeats the copy in place; d += x
 * extends d by any iterable; d *= n extends d by a list of itself n - 1
 * times, an item pushed out by maxlen being dropped at once.  The ordering
 * comparisons go through both deques with their iterators, so changing a
 * deque while comparing is the iterator's RuntimeError.
 */
#include "reclaim-modules-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-eval-private.h"
#include "reclaim-mod-collections-private.h"

#include <string.h>

#define H(interp) ((interp)->heap)

static guint
deque_len (ReclaimInterp *interp, ReclaimValue d)
{
  return reclaim_heap_n_slots (H (interp), d);
}

static gboolean
deque_self (ReclaimInterp *interp, const char *method, ReclaimValue *self, guint *nargs,
            const ReclaimValue **args)
{
  return collections_self (interp, "collections.deque", method, self, nargs, args);
}

/* ---- insert ------------------------------------------------------------------- */

/* deque_insert: like list.insert, except into a full bounded deque */
static ReclaimValue
deque_insert (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint64 index;

  if (!deque_self (interp, "insert", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "deque.insert() takes no keyword arguments");
  if (nargs != 2)
    return lang_raise (interp, "TypeError", "insert() takes exactly 2 arguments (%u given)", nargs);
  if (!modules_arg_int (interp, args[0], &index))
    return LANG_ERROR;
  gint64 n = deque_len (interp, self);
  LangTable *info = lang_table_get (interp, self);
  if (info->maxlen == n)
    return lang_raise (interp, "IndexError", "deque already at its maximum size");
  if (index < 0)
    index = MAX (index + n, 0);
  index = MIN (index, n);
  /* CPython rotates, appends and rotates back: the deque has changed */
  lang_deque_forget (info);
  reclaim_heap_slot_insert (H (interp), self, (guint) index, RECLAIM_ROLE_ITEM, NULL, lang_ref (interp, args[1]));
  info->state++;
  return scalar_none ();
}

/* ---- reversed() ------------------------------------------------------------------ */

/* dequereviter_next: as the forward iterator, from the right end, except
 * that one run out stays so even after the deque changed */
static ReclaimValue
deque_reverse_next (ReclaimInterp *interp, ReclaimValue it, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, it);
  ReclaimValue d = reclaim_heap_slot_get (H (interp), it, 0);

  if (state->current == 0)
    return LANG_ERROR;
  if ((guint64) state->stop != lang_table_get (interp, d)->state)
    {
      state->current = 0;
      return lang_raise (interp, "RuntimeError", "deque mutated during iteration");
    }
  state->current--;
  return lang_ref (interp, reclaim_heap_slot_get (H (interp), d, state->next--));
}

static ReclaimValue
deque_reversed (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!deque_self (interp, "__reversed__", &self, &nargs, &args) ||
      !lang_check_args (interp, "__reversed__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue it = lang_native_iter_new (interp, "_collections._deque_reverse_iterator", deque_reverse_next,
                                          1, &self);
  LangIterState *state = lang_iter_state (interp, it);
  state->current = deque_len (interp, self);
  state->next = (gint64) deque_len (interp, self) - 1;
  state->stop = (gint64) lang_table_get (interp, self)->state;
  return it;
}

/* ---- + * += *= ------------------------------------------------------------------- */

static ReclaimValue
self_again (ReclaimInterp *interp, ReclaimValue d)
{
  return lang_ref (interp, d);
}

/* deque_inplace_repeat */
static ReclaimValue
repeat_in_place (ReclaimInterp *interp, ReclaimValue d, gint64 n)
{
  guint size = deque_len (interp, d);
  gint64 maxlen = lang_table_get (interp, d)->maxlen;

  if (size == 0 || n == 1)
    return self_again (interp, d);
  if (n <= 0)
    {
      collections_deque_clear (interp, d);
      return self_again (interp, d);
    }
  guint64 total;
  if (!g_uint64_checked_mul (&total, size, (guint64) n))
    return lang_raise_value (interp, "MemoryError", 0);
  /* fewer repetitions when maxlen would be passed: what they would push
   * out is never made */
  if (maxlen >= 0 && total > (guint64) maxlen)
    {
      n = (maxlen + size - 1) / size;
      if (size > 1)
        lang_deque_forget (lang_table_get (interp, d));   /* python3 pushes out what this never makes */
    }
  if (!lang_memory_reserve (interp, (guint64) size * (guint64) n, LANG_SLOT_BYTE_COST))
    return lang_error_occurred (interp) ? LANG_ERROR : lang_raise_value (interp, "MemoryError", 0);
  GPtrArray *items = lang_sequence_to_array (interp, d);
  if (items == NULL)
    return LANG_ERROR;
  for (gint64 i = 0; i < n - 1; i++)
    for (guint j = 0; j < items->len; j++)
      collections_deque_push_right (interp, d, lang_ref (interp, GPOINTER_TO_UINT (items->pdata[j])));
  for (guint j = 0; j < items->len; j++)
    lang_decref (interp, GPOINTER_TO_UINT (items->pdata[j]));
  g_ptr_array_unref (items);
  return self_again (interp, d);
}

/* sq_repeat takes an index: "can't multiply sequence by non-int" */
static gboolean
repeat_count (ReclaimInterp *interp, ReclaimValue v, gint64 *n)
{
  ScalarType t = scalar_type (v);
  if (t == SCALAR_INT || t == SCALAR_BOOL)
    {
      *n = scalar_get_int (v);
      return TRUE;
    }
  return FALSE;
}

static ReclaimValue
non_int_count (ReclaimInterp *interp, ReclaimValue v)
{
  return lang_raise (interp, "TypeError", "can't multiply sequence by non-int of type '%s'",
                     lang_type_name (interp, v));
}

#define DEQUE_OPERATOR(fname, dunder)                                                            \
  static ReclaimValue fname##_body (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other); \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!deque_self (interp, dunder, &self, &nargs, &args) ||                                    \
        !lang_check_args (interp, dunder, nargs, 1, 1, nkw))                                     \
      return LANG_ERROR;                                                                         \
    return fname##_body (interp, self, args[0]);                                                 \
  }                                                                                              \
  static ReclaimValue                                                                            \
  fname##_body (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other)

/* deque_concat: only a deque; the copy keeps self's maxlen */
DEQUE_OPERATOR (deque_add, "__add__")
{
  if (!collections_is_deque (interp, other))
    return lang_raise (interp, "TypeError", "can only concatenate deque (not \"%s\") to deque",
                       lang_type_name (interp, other));
  ReclaimValue copy = collections_deque_copy (interp, self);
  if (copy == LANG_ERROR || collections_deque_extend (interp, copy, other, FALSE) == 0)
    return copy;
  lang_decref (interp, copy);
  return LANG_ERROR;
}

DEQUE_OPERATOR (deque_iadd, "__iadd__")
{
  return collections_deque_extend (interp, self, other, FALSE) < 0 ? LANG_ERROR : self_again (interp, self);
}

static ReclaimValue
repeat_copy (ReclaimInterp *interp, ReclaimValue d, gint64 n)
{
  ReclaimValue copy = collections_deque_copy (interp, d);
  if (copy == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = repeat_in_place (interp, copy, n);
  lang_decref (interp, copy);
  return r;
}

DEQUE_OPERATOR (deque_mul, "__mul__")
{
  gint64 n;
  return repeat_count (interp, other, &n) ? repeat_copy (interp, self, n) : non_int_count (interp, other);
}

/* 3 * d; anything else is left to the other operand */
DEQUE_OPERATOR (deque_rmul, "__rmul__")
{
  gint64 n;
  return repeat_count (interp, other, &n) ? repeat_copy (interp, self, n) : collections_not_implemented (interp);
}

DEQUE_OPERATOR (deque_imul, "__imul__")
{
  gint64 n;
  return repeat_count (interp, other, &n) ? repeat_in_place (interp, self, n) : non_int_count (interp, other);
}

/* ---- < <= > >= -------------------------------------------------------------------- */

/* The answer when one deque ran out: by the lengths. */
static ReclaimValue
compare_lengths (ReclaimCmpOp op, guint a, guint b)
{
  switch (op)
    {
    case RECLAIM_CMP_LT: return scalar_bool (a < b);
    case RECLAIM_CMP_LT_E: return scalar_bool (a <= b);
    case RECLAIM_CMP_GT: return scalar_bool (a > b);
    default: return scalar_bool (a >= b);
    }
}

/* deque_richcompare: the first items that differ decide, compared with
 * op (PyObject_RichCompareBool: a bool); else the lengths.  Only between
 * deques. */
static ReclaimValue
deque_order (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b)
{
  if (!collections_is_deque (interp, b))
    return collections_not_implemented (interp);
  guint na = deque_len (interp, a), nb = deque_len (interp, b);
  ReclaimValue ia = lang_iter (interp, a), ib = ia ? lang_iter (interp, b) : LANG_ERROR;
  ReclaimValue x = 0, y = 0, r = LANG_ERROR;
  int ra = 0, rb = 0;

  while (ib != LANG_ERROR && (ra = lang_next (interp, ia, &x)) == 1 && (rb = lang_next (interp, ib, &y)) == 1)
    {
      int e = lang_equal (interp, x, y);
      if (e != 1)
        {
          r = e < 0 ? LANG_ERROR : eval_compare_values (interp, op, x, y);
          int t = r == LANG_ERROR ? -1 : lang_truth (interp, r);
          lang_decref (interp, r);
          r = t < 0 ? LANG_ERROR : scalar_bool (t);
          goto done;
        }
      lang_decref (interp, x);
      lang_decref (interp, y);
      x = y = 0;
    }
  if (ra >= 0 && rb >= 0 && ib != LANG_ERROR)
    r = compare_lengths (op, na, nb);
done:
  lang_decref (interp, x);
  lang_decref (interp, y);
  lang_decref (interp, ia);
  lang_decref (interp, ib);
  return r;
}

#define DEQUE_ORDER(fname, dunder, op)                                                           \
  DEQUE_OPERATOR (fname, dunder)                                                                 \
  {                                                                                              \
    return deque_order (interp, op, self, other);                                                \
  }

DEQUE_ORDER (deque_lt, "__lt__", RECLAIM_CMP_LT)
DEQUE_ORDER (deque_le, "__le__", RECLAIM_CMP_LT_E)
DEQUE_ORDER (deque_gt, "__gt__", RECLAIM_CMP_GT)
DEQUE_ORDER (deque_ge, "__ge__", RECLAIM_CMP_GT_E)

static const LangMethodDef deque_op_methods[] = {
  { "insert", deque_insert }, { "__reversed__", deque_reversed },
  { "__add__", deque_add }, { "__iadd__", deque_iadd },
  { "__mul__", deque_mul }, { "__rmul__", deque_rmul }, { "__imul__", deque_imul },
  { "__lt__", deque_lt }, { "__le__", deque_le }, { "__gt__", deque_gt }, { "__ge__", deque_ge },
  { NULL },
};

void
collections_deque_ops_init (ReclaimInterp *interp, LangClass *deque)
{
  LangClass *object = lang_builtin_class (interp, "object");

  for (const LangMethodDef *m = deque_op_methods; m->name; m++)
    g_hash_table_insert (deque->methods, (gpointer) m->name, m->func);
  lang_builtin_type_new (interp, "_collections._deque_reverse_iterator", object, RECLAIM_KIND_OBJECT, NULL,
                         NULL, FALSE);
}
