/* reclaim-mod-collections-counter-ops.c: the operators of
 * collections.Counter, and its fromkeys that refuses.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Lib/collections/__init__.py writes them: c + d, c - d, c | d, c & d
 * take only Counters and make a new Counter that keeps the positive
 * counts, going through c's items and then d's; +c and -c keep the
 * positive counts or negate the negative ones.  The in-place forms take
 * any mapping with items(), change c, and then drop the keys whose count
 * is not above 0 (_keep_positive: the keys are gathered in a list first,
 * which frees them, last first, once all are deleted; the loop variable
 * lets the last one go after the others).
 */
#include "reclaim-mod-collections-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

typedef enum {
  COUNTS_ADD,
  COUNTS_SUBTRACT,
  COUNTS_UNION,        /* | : the larger count */
  COUNTS_INTERSECTION, /* & : the smaller count */
} CountsOp;

/* a OP b as a truth value: 1, 0, or -1 with an exception */
static int
compare_truth (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue r = eval_compare_values (interp, op, a, b);
  if (r == LANG_ERROR)
    return -1;
  int t = lang_truth (interp, r);
  lang_decref (interp, r);
  return t;
}

static gboolean
is_counter (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && lang_is_instance (interp, v, "Counter");
}

/* result[key] = count if count > 0: 0, or -1 with an exception */
static int
store_if_positive (ReclaimInterp *interp, ReclaimValue result, ReclaimValue key, ReclaimValue count)
{
  int positive = compare_truth (interp, RECLAIM_CMP_GT, count, scalar_int (0));
  if (positive <= 0)
    return positive;
  return lang_store_subscript (interp, result, key, count);
}

/* The new count of a key of self, given the other Counter's count. */
static ReclaimValue
combined_count (ReclaimInterp *interp, CountsOp op, ReclaimValue count, ReclaimValue other_count)
{
  if (op == COUNTS_ADD || op == COUNTS_SUBTRACT)
    return eval_binary (interp, op == COUNTS_ADD ? RECLAIM_BIN_ADD : RECLAIM_BIN_SUB, count, other_count, FALSE);
  int less = compare_truth (interp, RECLAIM_CMP_LT, count, other_count);
  if (less < 0)
    return LANG_ERROR;
  gboolean take_other = op == COUNTS_UNION ? less : !less;
  return lang_ref (interp, take_other ? other_count : count);
}

/* The first loop: for elem, count in self.items() */
static int
combine_own_keys (ReclaimInterp *interp, CountsOp op, ReclaimValue self, ReclaimValue other, ReclaimValue result)
{
  ReclaimValue key, value;
  int r = 0;
  for (guint pos = 0; r == 0 && lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      key = lang_ref (interp, key);
      value = lang_ref (interp, value);
      ReclaimValue other_count = collections_counter_count (interp, other, key);
      ReclaimValue count = other_count == LANG_ERROR ? LANG_ERROR : combined_count (interp, op, value, other_count);
      r = count == LANG_ERROR ? -1 : store_if_positive (interp, result, key, count);
      lang_decref (interp, count);
      lang_decref (interp, other_count);
      lang_decref (interp, value);
      lang_decref (interp, key);
    }
  return r;
}

/* The keys of source (not in `skip`, when given) with a count above 0,
 * or negated when below 0 (`negate`). */
static int
take_signed_counts (ReclaimInterp *interp, ReclaimValue source, ReclaimValue skip, gboolean negate,
                    ReclaimValue result)
{
  ReclaimValue key, value;
  int r = 0;
  for (guint pos = 0; r == 0 && lang_dict_next_entry (interp, source, &pos, &key, &value);)
    {
      key = lang_ref (interp, key);
      value = lang_ref (interp, value);
      int skipped = skip ? lang_contains (interp, skip, key) : 0;
      int wanted = skipped != 0 ? -(skipped < 0)
                                : compare_truth (interp, negate ? RECLAIM_CMP_LT : RECLAIM_CMP_GT, value, scalar_int (0));
      r = wanted < 0 ? -1 : 0;
      if (wanted == 1)
        {
          ReclaimValue count = negate ? eval_binary (interp, RECLAIM_BIN_SUB, scalar_int (0), value, FALSE)
                                      : lang_ref (interp, value);
          r = count == LANG_ERROR ? -1 : lang_store_subscript (interp, result, key, count);
          lang_decref (interp, count);
        }
      lang_decref (interp, value);
      lang_decref (interp, key);
    }
  return r;
}

static ReclaimValue
combine (ReclaimInterp *interp, CountsOp op, ReclaimValue self, ReclaimValue other)
{
  if (!is_counter (interp, other))
    return collections_not_implemented (interp);
  ReclaimValue result = collections_counter_new (interp);
  int r = combine_own_keys (interp, op, self, other, result);
  if (r == 0 && op != COUNTS_INTERSECTION)
    r = take_signed_counts (interp, other, self, op == COUNTS_SUBTRACT, result);
  if (r == 0)
    return result;
  lang_decref (interp, result);
  return LANG_ERROR;
}

/* _keep_positive */
static ReclaimValue
keep_positive (ReclaimInterp *interp, ReclaimValue self)
{
  GPtrArray *nonpositive = g_ptr_array_new ();
  ReclaimValue key, value;
  int r = 0;
  for (guint pos = 0; r == 0 && lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      key = lang_ref (interp, key);
      value = lang_ref (interp, value);
      r = compare_truth (interp, RECLAIM_CMP_GT, value, scalar_int (0));
      if (r == 0)
        g_ptr_array_add (nonpositive, GUINT_TO_POINTER (lang_ref (interp, key)));
      r = r < 0 ? -1 : 0;
      lang_decref (interp, value);
      lang_decref (interp, key);
    }
  for (guint i = 0; r == 0 && i < nonpositive->len; i++)
    r = lang_delete_subscript (interp, self, GPOINTER_TO_UINT (nonpositive->pdata[i]));
  /* the list of them dies, its items going last first, but the loop's
   * variable holds the last one until the method returns */
  for (guint i = nonpositive->len; i-- > 1;)
    lang_decref (interp, GPOINTER_TO_UINT (nonpositive->pdata[i - 1]));
  if (nonpositive->len > 0)
    lang_decref (interp, GPOINTER_TO_UINT (nonpositive->pdata[nonpositive->len - 1]));
  g_ptr_array_unref (nonpositive);
  return r < 0 ? LANG_ERROR : lang_ref (interp, self);
}

/* One step of an in-place operator for a key of the other mapping. */
static int
update_in_place (ReclaimInterp *interp, CountsOp op, ReclaimValue self, ReclaimValue key, ReclaimValue other_count)
{
  ReclaimValue count = collections_counter_count (interp, self, key);
  if (count == LANG_ERROR)
    return -1;
  int r = 0;
  if (op == COUNTS_UNION)
    {
      /* if other_count > count: self[elem] = other_count */
      r = compare_truth (interp, RECLAIM_CMP_GT, other_count, count);
      if (r == 1)
        r = lang_store_subscript (interp, self, key, other_count);
    }
  else
    {
      /* self[elem] += count */
      ReclaimBinOp bin = op == COUNTS_ADD ? RECLAIM_BIN_ADD : RECLAIM_BIN_SUB;
      ReclaimValue sum = eval_binary (interp, bin, count, other_count, TRUE);
      r = sum == LANG_ERROR ? -1 : lang_store_subscript (interp, self, key, sum);
      lang_decref (interp, sum);
    }
  lang_decref (interp, count);
  return r < 0 ? -1 : 0;
}

/* for elem, count in other.items(): ... */
static int
update_from_items (ReclaimInterp *interp, CountsOp op, ReclaimValue self, ReclaimValue other)
{
  ReclaimValue items = lang_call_method (interp, other, "items", 0, NULL);
  ReclaimValue it = items == LANG_ERROR ? LANG_ERROR : lang_iter (interp, items), pair;
  lang_decref (interp, items);
  if (it == LANG_ERROR)
    return -1;
  int r;
  while ((r = lang_next (interp, it, &pair)) == 1)
    {
      GPtrArray *kv = lang_sequence_to_array (interp, pair);
      lang_decref (interp, pair);
      if (kv == NULL || kv->len != 2)
        {
          if (kv)
            g_ptr_array_unref (kv);
          r = -1;
          break;
        }
      r = update_in_place (interp, op, self, GPOINTER_TO_UINT (kv->pdata[0]), GPOINTER_TO_UINT (kv->pdata[1]));
      lang_decref (interp, GPOINTER_TO_UINT (kv->pdata[0]));
      lang_decref (interp, GPOINTER_TO_UINT (kv->pdata[1]));
      g_ptr_array_unref (kv);
      if (r < 0)
        break;
    }
  lang_decref (interp, it);
  return r;
}

/* __iand__: for elem, count in self.items(): other_count = other[elem] ... */
static int
intersect_in_place (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other)
{
  ReclaimValue key, value;
  int r = 0;
  for (guint pos = 0; r == 0 && lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      key = lang_ref (interp, key);
      value = lang_ref (interp, value);
      ReclaimValue other_count = lang_subscript (interp, other, key);
      r = other_count == LANG_ERROR ? -1 : compare_truth (interp, RECLAIM_CMP_LT, other_count, value);
      if (r == 1)
        r = lang_store_subscript (interp, self, key, other_count);
      r = r < 0 ? -1 : 0;
      lang_decref (interp, other_count);
      lang_decref (interp, value);
      lang_decref (interp, key);
    }
  return r;
}

static ReclaimValue
combine_in_place (ReclaimInterp *interp, CountsOp op, ReclaimValue self, ReclaimValue other)
{
  int r = op == COUNTS_INTERSECTION ? intersect_in_place (interp, self, other)
                                    : update_from_items (interp, op, self, other);
  return r < 0 ? LANG_ERROR : keep_positive (interp, self);
}

#define COUNTER_OPERATOR(fname, dunder, body)                                                    \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!collections_self (interp, "Counter", dunder, &self, &nargs, &args) ||                   \
        !lang_check_args (interp, dunder, nargs, 1, 1, nkw))                                     \
      return LANG_ERROR;                                                                         \
    return body (interp, self, args[0]);                                                         \
  }

#define COUNTER_OPERATORS(name, op)                                                              \
  static ReclaimValue name##_of (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other)   \
  {                                                                                              \
    return combine (interp, op, self, other);                                                    \
  }                                                                                              \
  static ReclaimValue name##_in_place (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other) \
  {                                                                                              \
    return combine_in_place (interp, op, self, other);                                           \
  }

COUNTER_OPERATORS (sum, COUNTS_ADD)
COUNTER_OPERATORS (difference, COUNTS_SUBTRACT)
COUNTER_OPERATORS (union, COUNTS_UNION)
COUNTER_OPERATORS (intersection, COUNTS_INTERSECTION)

COUNTER_OPERATOR (counter_add, "__add__", sum_of)
COUNTER_OPERATOR (counter_sub, "__sub__", difference_of)
COUNTER_OPERATOR (counter_or, "__or__", union_of)
COUNTER_OPERATOR (counter_and, "__and__", intersection_of)
COUNTER_OPERATOR (counter_iadd, "__iadd__", sum_in_place)
COUNTER_OPERATOR (counter_isub, "__isub__", difference_in_place)
COUNTER_OPERATOR (counter_ior, "__ior__", union_in_place)
COUNTER_OPERATOR (counter_iand, "__iand__", intersection_in_place)

/* +c and -c: a new Counter of the positive counts, or of the negated
 * negative ones */
static ReclaimValue
signed_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
             const char *dunder, gboolean negate)
{
  if (!collections_self (interp, "Counter", dunder, &self, &nargs, &args) ||
      !lang_check_args (interp, dunder, nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue result = collections_counter_new (interp);
  if (take_signed_counts (interp, self, 0, negate, result) == 0)
    return result;
  lang_decref (interp, result);
  return LANG_ERROR;
}

static ReclaimValue
counter_pos (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return signed_copy (interp, self, nargs, args, nkw, "__pos__", FALSE);
}

static ReclaimValue
counter_neg (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return signed_copy (interp, self, nargs, args, nkw, "__neg__", TRUE);
}

/* Counter.fromkeys refuses, on the class and on an instance alike */
static ReclaimValue
counter_fromkeys (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return lang_raise (interp, "NotImplementedError",
                     "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

static const LangMethodDef counter_op_methods[] = {
  { "__add__", counter_add }, { "__sub__", counter_sub }, { "__or__", counter_or }, { "__and__", counter_and },
  { "__iadd__", counter_iadd }, { "__isub__", counter_isub }, { "__ior__", counter_ior },
  { "__iand__", counter_iand }, { "__pos__", counter_pos }, { "__neg__", counter_neg },
  { NULL },
};

void
collections_counter_ops_init (ReclaimInterp *interp, LangClass *counter)
{
  for (const LangMethodDef *m = counter_op_methods; m->name; m++)
    g_hash_table_insert (counter->methods, (gpointer) m->name, m->func);
  collections_add_classmethod (interp, counter, "fromkeys", counter_fromkeys);
}
