/* reclaim-eval-operators.c: the arithmetic and unary operators: ints,
 * big ints and floats, sequences concatenated and repeated, and the
 * dunders of user classes and of the types modules define, in CPython's
 * order (the left operand's method, then the reflected one).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-weakproxy.h"
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <string.h>

double
eval_as_double (ReclaimValue v)
{
  return scalar_type (v) == SCALAR_FLOAT ? scalar_get_float (v) : (double) scalar_get_int (v);
}


#define EXACT_IN_DOUBLE ((gint64) 1 << 53)

static ReclaimValue
unsupported_operands (ReclaimInterp *interp, const char *op, ReclaimValue a, ReclaimValue b)
{
  return lang_raise (interp, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'",
                     op, lang_type_name (interp, a), lang_type_name (interp, b));
}

static ReclaimValue
int_op (ReclaimInterp *interp, ReclaimBinOp op, gint64 x, gint64 y)
{
  gint64 r;
  switch (op)
    {
    case RECLAIM_BIN_ADD:
      if (__builtin_add_overflow (x, y, &r))
        goto overflow;
      return scalar_int (r);
    case RECLAIM_BIN_SUB:
      if (__builtin_sub_overflow (x, y, &r))
        goto overflow;
      return scalar_int (r);
    case RECLAIM_BIN_MULT:
      if (__builtin_mul_overflow (x, y, &r))
        goto overflow;
      return scalar_int (r);
    case RECLAIM_BIN_FLOORDIV:
    case RECLAIM_BIN_MOD:
      if (y == 0)
        return lang_raise (interp, "ZeroDivisionError", op == RECLAIM_BIN_MOD ? "integer modulo by zero"
                                                                             : "integer division or modulo by zero");
      if (x == G_MININT64 && y == -1)
        goto overflow;
      return scalar_int (op == RECLAIM_BIN_MOD ? scalar_floor_mod (x, y) : scalar_floor_div (x, y));
    case RECLAIM_BIN_DIV:
      if (y == 0)
        return lang_raise (interp, "ZeroDivisionError", "division by zero");
      /* a double holds ints up to 2**53 exactly; past that, x / y must be
       * rounded once, from the exact quotient, as long_true_divide does */
      if (x > EXACT_IN_DOUBLE || x < -EXACT_IN_DOUBLE || y > EXACT_IN_DOUBLE || y < -EXACT_IN_DOUBLE)
        goto overflow;
      return scalar_float ((double) x / (double) y);
    case RECLAIM_BIN_POW:
      if (y < 0 && x == 0)
        return lang_raise (interp, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
      if (y < 0)
        return scalar_float (pow ((double) x, (double) y));
      if (y >= 64 && (x > 1 || x < -1))
        goto overflow;
      /* by squaring: 1 ** 10**18 takes 60 steps, not 10**18 */
      r = 1;
      for (gint64 base = x, e = y; e > 0; e >>= 1)
        {
          if ((e & 1) && __builtin_mul_overflow (r, base, &r))
            goto overflow;
          if (e > 1 && __builtin_mul_overflow (base, base, &base))
            goto overflow;
        }
      return scalar_int (r);
    case RECLAIM_BIN_LSHIFT:
      if (y < 0)
        return lang_raise (interp, "ValueError", "negative shift count");
      if (y >= 62 || (x != 0 && (x > (G_MAXINT64 >> y) || x < (G_MININT64 >> y))))
        goto overflow;
      return scalar_int (x << y);
    case RECLAIM_BIN_RSHIFT:
      if (y < 0)
        return lang_raise (interp, "ValueError", "negative shift count");
      return scalar_int (y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case RECLAIM_BIN_BITOR: return scalar_int (x | y);
    case RECLAIM_BIN_BITXOR: return scalar_int (x ^ y);
    case RECLAIM_BIN_BITAND: return scalar_int (x & y);
    case RECLAIM_BIN_MATMULT: break;
    }
  return LANG_ERROR;
overflow:
  return bigint_binary (interp, op, scalar_int (x), scalar_int (y));
}

static ReclaimValue
float_op (ReclaimInterp *interp, ReclaimBinOp op, double x, double y)
{
  switch (op)
    {
    case RECLAIM_BIN_ADD: return scalar_float (x + y);
    case RECLAIM_BIN_SUB: return scalar_float (x - y);
    case RECLAIM_BIN_MULT: return scalar_float (x * y);
    case RECLAIM_BIN_DIV:
      if (y == 0)
        return lang_raise (interp, "ZeroDivisionError", "float division by zero");
      return scalar_float (x / y);
    case RECLAIM_BIN_FLOORDIV:
    case RECLAIM_BIN_MOD:
      if (y == 0)
        return lang_raise (interp, "ZeroDivisionError", op == RECLAIM_BIN_MOD ? "float modulo" : "float floor division by zero");
      if (op == RECLAIM_BIN_FLOORDIV)
        return scalar_float (floor (x / y));
      {
        double m = fmod (x, y);
        if (m != 0 && ((m < 0) != (y < 0)))
          m += y;
        return scalar_float (m);
      }
    case RECLAIM_BIN_POW:
      if (x == 0 && y < 0)
        return lang_raise (interp, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
      return scalar_float (pow (x, y));
    default: return LANG_ERROR;
    }
}

/* A tuple or a list of the n items (stolen). */
ReclaimValue
eval_sequence_from_items (ReclaimInterp *interp, ReclaimKind kind, guint n, ReclaimValue *items)
{
  if (kind == RECLAIM_KIND_TUPLE)
    return lang_tuple_new (interp, n, items);
  ReclaimValue list = lang_list_new (interp);
  reclaim_heap_reserve_slots (interp->heap, list, n);
  for (guint i = 0; i < n; i++)
    lang_list_append (interp, list, items[i]);
  /* list_new_prealloc: room for exactly the items */
  reclaim_heap_set_capacity (interp->heap, list, n ? n : RECLAIM_CAPACITY_NO_ITEMS);
  return list;
}

/* list *= n (list_inplace_repeat): the same list, emptied below 1, else
 * resized once for all the copies */
static ReclaimValue
list_inplace_repeat (ReclaimInterp *interp, ReclaimValue list, gint64 times)
{
  guint n = lang_seq_length (interp, list);
  guint64 total;
  if (times == G_MAXINT64 || times == G_MININT64)
    return lang_raise (interp, "OverflowError", "cannot fit 'int' into an index-sized integer");
  if (times < 1)
    {
      reclaim_heap_clear (interp->heap, list);
      return lang_ref (interp, list);
    }
  if (n == 0 || times == 1)
    return lang_ref (interp, list);
  if (!g_uint64_checked_mul (&total, n, times) || total > G_MAXUINT32 - 2 ||
      !lang_memory_reserve (interp, total - n, LANG_SLOT_BYTE_COST))
    {
      if (!lang_error_occurred (interp))
        lang_raise_value (interp, "MemoryError", 0);
      return LANG_ERROR;
    }
  guint32 capacity = reclaim_heap_get_capacity (interp->heap, list);
  for (guint64 i = n; i < total; i++)
    lang_list_append (interp, list, lang_ref (interp, lang_seq_item (interp, list, i % n)));
  reclaim_heap_set_capacity (interp->heap, list, reclaim_list_resize (capacity, n, total));
  return lang_ref (interp, list);
}

/* An object of that kind, of its builtin type or, for a list, of a class
 * based on list (which inherits list's + and *). */
static gboolean
is_builtin_of_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == kind &&
         (lang_class_of (interp, v)->builtin || kind == RECLAIM_KIND_LIST);
}

/* A list (or an instance of a class based on list) or a tuple. */
static gboolean
is_builtin_sequence (ReclaimInterp *interp, ReclaimValue v)
{
  return is_builtin_of_kind (interp, v, RECLAIM_KIND_LIST) || is_builtin_of_kind (interp, v, RECLAIM_KIND_TUPLE);
}

static ReclaimValue
sequence_concat (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, a);
  guint na = lang_seq_length (interp, a), nb = lang_seq_length (interp, b);
  if (!lang_memory_reserve (interp, (guint64) na + nb, LANG_SLOT_BYTE_COST))
    return LANG_ERROR;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, na + nb + 1);

  for (guint i = 0; i < na; i++)
    items[i] = lang_ref (interp, lang_seq_item (interp, a, i));
  for (guint i = 0; i < nb; i++)
    items[na + i] = lang_ref (interp, lang_seq_item (interp, b, i));
  return eval_sequence_from_items (interp, kind, na + nb, items);
}

/* 'ab' * n: python3 refuses a length past PY_SSIZE_T_MAX with OverflowError
 * and one it cannot allocate with MemoryError. */
static ReclaimValue
str_repeat (ReclaimInterp *interp, ReclaimValue str, gint64 times)
{
  gsize len;
  const char *s = scalar_get_str (str, &len);
  guint64 total;

  if (len == 0 || times <= 0)
    return scalar_str ("", 0);
  if (!g_uint64_checked_mul (&total, len, times) || total > G_MAXSSIZE)
    return lang_raise (interp, "OverflowError", "repeated string is too long");
  if (!lang_memory_reserve (interp, total, LANG_STR_BYTE_COST))
    return LANG_ERROR;
  char *out = g_malloc (total + 1);
  memcpy (out, s, len);
  /* double what is written: log(times) copies instead of times appends */
  for (guint64 done = len; done < total; done *= 2)
    memcpy (out + done, out, MIN (done, total - done));
  ReclaimValue r = scalar_str (out, total);
  g_free (out);
  return r;
}

static ReclaimValue
sequence_repeat (ReclaimInterp *interp, ReclaimValue seq, gint64 times)
{
  if (times == G_MAXINT64 || times == G_MININT64)
    /* a count past 64 bits: scalar_get_int saturated it */
    return lang_raise (interp, "OverflowError", "cannot fit 'int' into an index-sized integer");
  if (scalar_type (seq) == SCALAR_STR)
    return str_repeat (interp, seq, times);
  guint n = lang_seq_length (interp, seq);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, seq);
  guint64 total = 0;
  if (n > 0 && times > 0 &&
      (!g_uint64_checked_mul (&total, n, times) || !lang_memory_reserve (interp, total, LANG_SLOT_BYTE_COST)))
    {
      if (!lang_error_occurred (interp))
        lang_raise_value (interp, "MemoryError", 0);
      return LANG_ERROR;
    }
  g_autofree ReclaimValue *items = g_new (ReclaimValue, total + 1);
  for (guint i = 0; i < total; i++)
    items[i] = lang_ref (interp, lang_seq_item (interp, seq, i % n));
  return eval_sequence_from_items (interp, kind, total, items);
}

static const char *
user_binop_name (ReclaimBinOp op, gboolean inplace)
{
  static const char *names[] = { "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__",
                                 "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__",
                                 "__floordiv__" };
  static const char *inames[] = { "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__",
                                  "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__",
                                  "__ifloordiv__" };
  return inplace ? inames[op] : names[op];
}

static const char *
reflected_binop_name (ReclaimBinOp op)
{
  static const char *names[] = { "__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__",
                                 "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__",
                                 "__rfloordiv__" };
  return names[op];
}

gboolean
eval_is_user_instance (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS &&
         !lang_class_of (interp, v)->builtin;
}

/* The builtin types a module defines (deque, Counter) keep their
 * operators among their methods, as type slots (lang_type_slot). */
static gboolean
has_operator_slot (ReclaimInterp *interp, ReclaimValue v, ReclaimBinOp op)
{
  return lang_type_slot (interp, v, user_binop_name (op, FALSE)) ||
         lang_type_slot (interp, v, user_binop_name (op, TRUE)) ||
         lang_type_slot (interp, v, reflected_binop_name (op));
}

/* Calls self.name(other) if the class has it, or the type slot of that
 * name; 0 when it has not or when it returned NotImplemented. */
ReclaimValue
eval_try_dunder (ReclaimInterp *interp, ReclaimValue self, const char *name, ReclaimValue other)
{
  ReclaimValue r;
  if (!eval_is_user_instance (interp, self))
    {
      LangNativeFunc slot = lang_type_slot (interp, self, name);
      if (slot == NULL)
        return 0;
      r = slot (interp, self, 1, &other, 0, NULL);
    }
  else
    {
      ReclaimValue method = lang_eval_class_lookup (interp, lang_class_of (interp, self), name);
      if (method == 0)
        return 0;
      ReclaimValue args[] = { self, other };
      r = lang_call (interp, method, 2, args, 0, NULL);
    }
  if (r == eval_state (interp)->not_implemented)
    {
      lang_decref (interp, r);
      return 0;
    }
  return r;
}

/* binary_op1: the left operand's method, then the right operand's
 * reflected one (first, if the right is of a subclass of the left's). */
static ReclaimValue
user_binary (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b, gboolean inplace)
{
  ReclaimValue r = 0;
  gboolean other_type = eval_is_user_instance (interp, b) &&
                        lang_class_of (interp, a) != lang_class_of (interp, b);

  if (inplace && (r = eval_try_dunder (interp, a, user_binop_name (op, TRUE), b)))
    return r;
  if (other_type && eval_is_user_instance (interp, a) &&
      lang_is_subclass (lang_class_of (interp, b), lang_class_of (interp, a)) &&
      (r = eval_try_dunder (interp, b, reflected_binop_name (op), a)))
    return r;
  if (lang_error_occurred (interp) || (r = eval_try_dunder (interp, a, user_binop_name (op, FALSE), b)))
    return r;
  if (lang_error_occurred (interp))
    return 0;
  if (other_type || !eval_is_user_instance (interp, a))
    r = eval_try_dunder (interp, b, reflected_binop_name (op), a);
  return r;
}

const char *
eval_binop_dunder (ReclaimBinOp op, gboolean inplace)
{
  return user_binop_name (op, inplace);
}

static gboolean
is_number_type (ScalarType t)
{
  return t == SCALAR_INT || t == SCALAR_BOOL || t == SCALAR_FLOAT;
}

/* Bit operations and @ take no float: they go the long way, to their errors. */
static gboolean
takes_floats (ReclaimBinOp op)
{
  return op != RECLAIM_BIN_LSHIFT && op != RECLAIM_BIN_RSHIFT && op != RECLAIM_BIN_BITOR &&
         op != RECLAIM_BIN_BITAND && op != RECLAIM_BIN_BITXOR && op != RECLAIM_BIN_MATMULT;
}

/* a OP b for two numbers, the operands of most operations a loop makes:
 * numbers are immediates, which no proxy, user class or type slot takes
 * part in, so they go straight to the arithmetic eval_binary would reach.
 * FALSE when the operation is not plain arithmetic; else TRUE with the
 * result (or LANG_ERROR) in *r. */
static gboolean
number_binary (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b, ReclaimValue *r)
{
  /* two small ints (i + 1, i * i) hold their values in the bits */
  if (reclaim_value_is_int (a) && reclaim_value_is_int (b) && op != RECLAIM_BIN_MATMULT)
    {
      *r = int_op (interp, op, reclaim_value_get_int (a), reclaim_value_get_int (b));
      return TRUE;
    }
  ScalarType ta = scalar_type (a), tb = scalar_type (b);
  if (!is_number_type (ta) || !is_number_type (tb))
    return FALSE;
  if (ta != SCALAR_FLOAT && tb != SCALAR_FLOAT && op != RECLAIM_BIN_MATMULT)
    {
      if (G_UNLIKELY (scalar_int_is_big (a) || scalar_int_is_big (b)))
        *r = bigint_binary (interp, op, a, b);
      else
        *r = int_op (interp, op, scalar_get_int (a), scalar_get_int (b));
      return TRUE;
    }
  if (!takes_floats (op))
    return FALSE;
  double x, y;
  if (!builtins_number_to_double (interp, a, &x) || !builtins_number_to_double (interp, b, &y))
    *r = LANG_ERROR;
  else
    *r = float_op (interp, op, x, y);
  return TRUE;
}

ReclaimValue
eval_binary (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b, gboolean inplace)
{
  ReclaimValue number;
  if (number_binary (interp, op, a, b, &number))
    return number;
  if (lang_is_proxy (interp, a) || lang_is_proxy (interp, b))
    return lang_proxy_binary (interp, op, a, b, inplace);
  if (eval_is_user_instance (interp, a) || eval_is_user_instance (interp, b) ||
      has_operator_slot (interp, a, op) || has_operator_slot (interp, b, op))
    {
      ReclaimValue r = user_binary (interp, op, a, b, inplace);
      if (r || lang_error_occurred (interp))
        return r ? r : LANG_ERROR;
    }

  const char *sym = reclaim_bin_op_symbol (op);
  g_autofree char *isym = inplace ? g_strdup_printf ("%s=", sym) : NULL;

  /* two numbers were number_binary's: what is left of them are
   * operations they do not take (int @ int, a float in a bit operation) */
  ScalarType ta = scalar_type (a), tb = scalar_type (b);
  if (op == RECLAIM_BIN_ADD && ta == SCALAR_STR && tb == SCALAR_STR)
    {
      gsize la, lb;
      const char *x = scalar_get_str (a, &la), *y = scalar_get_str (b, &lb);
      if (!lang_memory_reserve (interp, (guint64) la + lb, LANG_STR_BYTE_COST))
        return LANG_ERROR;
      g_autofree char *s = g_malloc (la + lb + 1);
      memcpy (s, x, la);
      memcpy (s + la, y, lb);
      return scalar_str (s, la + lb);
    }
  if (op == RECLAIM_BIN_MULT && ((ta == SCALAR_STR && builtins_is_int (b)) || (tb == SCALAR_STR && builtins_is_int (a))))
    return ta == SCALAR_STR ? sequence_repeat (interp, a, scalar_get_int (b)) : sequence_repeat (interp, b, scalar_get_int (a));
  if (op == RECLAIM_BIN_MOD && ta == SCALAR_STR)
    return lang_string_format_percent (interp, a, b);
  if (op == RECLAIM_BIN_ADD && ta == SCALAR_BYTES)
    return lang_bytes_concat (interp, a, b);
  if (op == RECLAIM_BIN_MOD && ta == SCALAR_BYTES)
    return lang_bytes_format_percent (interp, a, b);
  if (op == RECLAIM_BIN_MULT && ((ta == SCALAR_BYTES && builtins_is_int (b)) || (tb == SCALAR_BYTES && builtins_is_int (a))))
    return ta == SCALAR_BYTES ? lang_bytes_repeat (interp, a, scalar_get_int (b))
                              : lang_bytes_repeat (interp, b, scalar_get_int (a));

  if (is_builtin_sequence (interp, a))
    {
      ReclaimKind kind = reclaim_heap_get_kind (interp->heap, a);
      if (op == RECLAIM_BIN_ADD && is_builtin_of_kind (interp, b, kind))
        {
          if (inplace && kind == RECLAIM_KIND_LIST)
            {
              guint nb = lang_seq_length (interp, b);
              if (!lang_memory_reserve (interp, nb, LANG_SLOT_BYTE_COST))
                return LANG_ERROR;
              LangListExtend e;
              lang_list_extend_begin (interp, a, b, &e);
              for (guint i = 0; i < nb; i++)
                lang_list_append (interp, a, lang_ref (interp, lang_seq_item (interp, b, i)));
              lang_list_extend_end (interp, a, &e, TRUE);
              return lang_ref (interp, a);
            }
          return sequence_concat (interp, a, b);
        }
      if (op == RECLAIM_BIN_MULT && builtins_is_int (b) && inplace && kind == RECLAIM_KIND_LIST)
        return list_inplace_repeat (interp, a, scalar_get_int (b));
      if (op == RECLAIM_BIN_MULT && builtins_is_int (b))
        return sequence_repeat (interp, a, scalar_get_int (b));
    }
  /* set operators */
  if (reclaim_value_is_object (a) && reclaim_value_is_object (b) &&
      lang_is_builtin_kind (interp, a, RECLAIM_KIND_SET) && lang_is_builtin_kind (interp, b, RECLAIM_KIND_SET))
    {
      ReclaimValue r = 0;
      static const char inplace_ops[] = { [RECLAIM_BIN_BITOR] = '|', [RECLAIM_BIN_BITAND] = '&',
                                          [RECLAIM_BIN_SUB] = '-', [RECLAIM_BIN_BITXOR] = '^' };
      if (inplace && op < G_N_ELEMENTS (inplace_ops) && inplace_ops[op] && strcmp (lang_type_name (interp, a), "set") == 0)
        return lang_set_inplace (interp, inplace_ops[op], a, b);
      switch (op)
        {
        case RECLAIM_BIN_BITOR: r = lang_set_union (interp, a, b); break;
        case RECLAIM_BIN_BITAND: r = lang_set_intersection (interp, a, b); break;
        case RECLAIM_BIN_SUB: r = lang_set_difference (interp, a, b); break;
        case RECLAIM_BIN_BITXOR: r = lang_set_symmetric_difference (interp, a, b); break;
        default: break;
        }
      if (r)
        return r;
    }
  /* list += any iterable extends the list in place */
  if (op == RECLAIM_BIN_ADD && inplace && is_builtin_of_kind (interp, a, RECLAIM_KIND_LIST))
    {
      LangListExtend e;
      lang_list_extend_begin (interp, a, b, &e);
      GPtrArray *items = lang_sequence_to_array (interp, b);
      if (items == NULL)
        {
          lang_list_extend_end (interp, a, &e, FALSE);
          return LANG_ERROR;
        }
      for (guint i = 0; i < items->len; i++)
        lang_list_append (interp, a, GPOINTER_TO_UINT (items->pdata[i]));
      lang_list_extend_end (interp, a, &e, TRUE);
      g_ptr_array_unref (items);
      return lang_ref (interp, a);
    }
  /* "a" + 1, [1] + (2,): CPython's sequence concatenation refuses first */
  if (op == RECLAIM_BIN_ADD && (ta == SCALAR_STR || is_builtin_sequence (interp, a)))
    return lang_raise (interp, "TypeError", "can only concatenate %s (not \"%s\") to %s",
                       lang_type_name (interp, a), lang_type_name (interp, b), lang_type_name (interp, a));
  /* "x" * 2.0 */
  if (op == RECLAIM_BIN_MULT && !builtins_is_int (b) && (ta == SCALAR_STR || ta == SCALAR_BYTES || is_builtin_sequence (interp, a)))
    return lang_raise (interp, "TypeError", "can't multiply sequence by non-int of type '%s'", lang_type_name (interp, b));
  /* 3 * [x] */
  if (op == RECLAIM_BIN_MULT && builtins_is_int (a) && is_builtin_sequence (interp, b))
    return sequence_repeat (interp, b, scalar_get_int (a));
  /* int | None (type.__or__) */
  if (op == RECLAIM_BIN_BITOR && lang_can_make_union_type (interp, a, b))
    return lang_union_type_new (interp, a, b);
  return unsupported_operands (interp, inplace ? isym : sym, a, b);
}

static const char *
unary_dunder (ReclaimUnaryOp op)
{
  return op == RECLAIM_UNARY_USUB ? "__neg__" : op == RECLAIM_UNARY_UADD ? "__pos__" : "__invert__";
}

/* -x, +x, ~x of a user class: its __neg__, __pos__, __invert__. */
static ReclaimValue
user_unary (ReclaimInterp *interp, ReclaimUnaryOp op, ReclaimValue v)
{
  ReclaimValue method = lang_eval_class_lookup (interp, lang_class_of (interp, v), unary_dunder (op));
  return method ? lang_call (interp, method, 1, &v, 0, NULL) : 0;
}

ReclaimValue
eval_unary_value (ReclaimInterp *interp, ReclaimUnaryOp op, ReclaimValue v)
{
  ReclaimValue r = LANG_ERROR;

  if (op != RECLAIM_UNARY_NOT && lang_is_proxy (interp, v))
    return lang_proxy_unary (interp, op, v);
  if (op != RECLAIM_UNARY_NOT && eval_is_user_instance (interp, v) && (r = user_unary (interp, op, v)))
    return r;
  LangNativeFunc slot = op == RECLAIM_UNARY_NOT ? NULL : lang_type_slot (interp, v, unary_dunder (op));
  if (slot)
    return slot (interp, v, 0, NULL, 0, NULL);
  switch (op)
    {
    case RECLAIM_UNARY_NOT:
      {
        int t = lang_truth (interp, v);
        r = t < 0 ? LANG_ERROR : scalar_bool (!t);
      }
      break;
    case RECLAIM_UNARY_USUB:
      if (builtins_is_int (v) && (scalar_int_is_big (v) || scalar_get_int (v) == G_MININT64))
        r = bigint_negative (interp, v);
      else if (builtins_is_int (v))
        r = scalar_int (-scalar_get_int (v));
      else if (scalar_type (v) == SCALAR_FLOAT)
        r = scalar_float (-scalar_get_float (v));
      else
        r = lang_raise (interp, "TypeError", "bad operand type for unary -: '%s'", lang_type_name (interp, v));
      break;
    case RECLAIM_UNARY_UADD:
      if (builtins_is_number (v))
        r = scalar_type (v) == SCALAR_BOOL ? scalar_int (scalar_get_int (v)) : v;
      else
        r = lang_raise (interp, "TypeError", "bad operand type for unary +: '%s'", lang_type_name (interp, v));
      break;
    case RECLAIM_UNARY_INVERT:
      if (builtins_is_int (v) && scalar_int_is_big (v))
        r = bigint_invert (interp, v);
      else if (builtins_is_int (v))
        r = scalar_int (~scalar_get_int (v));
      else
        r = lang_raise (interp, "TypeError", "bad operand type for unary ~: '%s'", lang_type_name (interp, v));
      break;
    }
  return r;
}
