/* reclaim-mod-itertools.c: the itertools module.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each iterator is a GC-tracked heap object, as in CPython, holding in its
 * slots what CPython's holds: the source iterator, the saved items of
 * cycle, the pools of product.  Numbers of its state (counters, indices)
 * are kept in slots too, as ints, which refer to nothing.  islice and
 * chain let go of an exhausted source at once, as CPython's do.
 *
 * groupby and tee are in reclaim-mod-itertools-shared.c.
 *
 * Not modelled: chain.from_iterable, starmap, takewhile,
 * dropwhile, compress, filterfalse, pairwise (refused by the subset check,
 * as missing attributes); the reprs of count and repeat.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

static ReclaimValue
slot (ReclaimInterp *interp, ReclaimValue obj, guint i)
{
  return reclaim_heap_slot_get (interp->heap, obj, i);
}

static void
set_slot (ReclaimInterp *interp, ReclaimValue obj, guint i, ReclaimValue stolen)
{
  reclaim_heap_slot_set (interp->heap, obj, i, stolen);
}

static void
add_slot (ReclaimInterp *interp, ReclaimValue obj, const char *label, ReclaimValue stolen)
{
  reclaim_heap_slot_append (interp->heap, obj, RECLAIM_ROLE_OTHER, label, stolen);
}

static gint64
slot_int (ReclaimInterp *interp, ReclaimValue obj, guint i)
{
  return scalar_get_int (slot (interp, obj, i));
}

/* The end of iteration: LANG_ERROR with no exception set. */
static ReclaimValue
exhausted (void)
{
  return LANG_ERROR;
}

/* lang_next() as a next function answers: the item, or LANG_ERROR with or
 * without an exception. */
static ReclaimValue
next_of (ReclaimInterp *interp, ReclaimValue it)
{
  ReclaimValue item;
  int r = lang_next (interp, it, &item);
  return r == 1 ? item : LANG_ERROR;
}

static ReclaimValue
new_iterator (ReclaimInterp *interp, const char *type, LangNativeFunc next_fn)
{
  return lang_native_iter_new (interp, type, next_fn, 0, NULL);
}

static gboolean
no_keywords (ReclaimInterp *interp, const char *name, guint nkw)
{
  if (nkw == 0)
    return TRUE;
  lang_raise (interp, "TypeError", "%s() takes no keyword arguments", name);
  return FALSE;
}

/* ---- count and repeat ------------------------------------------------------ */

enum { COUNT_NEXT, COUNT_STEP };

static ReclaimValue
count_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  ReclaimValue current = slot (interp, self, COUNT_NEXT);
  ReclaimValue following = eval_binary (interp, RECLAIM_BIN_ADD, current, slot (interp, self, COUNT_STEP), FALSE);
  if (following == LANG_ERROR)
    return LANG_ERROR;
  lang_incref (interp, current);
  set_slot (interp, self, COUNT_NEXT, following);
  return current;
}

static gboolean
is_number (ReclaimValue v)
{
  ScalarType t = scalar_type (v);
  return t == SCALAR_INT || t == SCALAR_BOOL || t == SCALAR_FLOAT;
}

static ReclaimValue
count_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "count", nargs + nkw, 0, 2, 0))
    return LANG_ERROR;
  ReclaimValue start = lang_arg (nargs, args, nkw, kwnames, 0, "start");
  ReclaimValue step = lang_arg (nargs, args, nkw, kwnames, 1, "step");
  start = start ? start : scalar_int (0);
  step = step ? step : scalar_int (1);
  if (!is_number (start) || !is_number (step))
    return lang_raise (interp, "TypeError", "a number is required");
  ReclaimValue it = new_iterator (interp, "itertools.count", count_next);
  add_slot (interp, it, "cnt", lang_ref (interp, start));
  add_slot (interp, it, "step", lang_ref (interp, step));
  return it;
}

enum { REPEAT_ELEMENT, REPEAT_LEFT };

static ReclaimValue
repeat_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  gint64 left = slot_int (interp, self, REPEAT_LEFT);
  if (left == 0)
    return exhausted ();
  if (left > 0)
    set_slot (interp, self, REPEAT_LEFT, scalar_int (left - 1));
  return lang_ref (interp, slot (interp, self, REPEAT_ELEMENT));
}

static ReclaimValue
repeat_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  ReclaimValue element = lang_arg (nargs, args, nkw, kwnames, 0, "object");
  ReclaimValue times = lang_arg (nargs, args, nkw, kwnames, 1, "times");
  gint64 n = -1;

  if (!lang_check_args (interp, "repeat", nargs + nkw, 1, 2, 0))
    return LANG_ERROR;
  if (element == 0)
    return lang_raise (interp, "TypeError", "repeat() missing required argument 'object' (pos 1)");
  if (times && !modules_arg_int (interp, times, &n))
    return LANG_ERROR;
  ReclaimValue it = new_iterator (interp, "itertools.repeat", repeat_next);
  add_slot (interp, it, "element", lang_ref (interp, element));
  add_slot (interp, it, "cnt", scalar_int (times ? MAX (n, 0) : -1));
  return it;
}

/* ---- cycle and chain ------------------------------------------------------- */

enum { CYCLE_IT, CYCLE_SAVED, CYCLE_INDEX, CYCLE_FIRSTPASS };

static ReclaimValue
cycle_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  ReclaimValue saved = slot (interp, self, CYCLE_SAVED);
  if (slot_int (interp, self, CYCLE_FIRSTPASS))
    {
      ReclaimValue item = next_of (interp, slot (interp, self, CYCLE_IT));
      if (item != LANG_ERROR)
        {
          lang_list_append (interp, saved, lang_ref (interp, item));
          return item;
        }
      if (lang_error_occurred (interp))
        return LANG_ERROR;
      set_slot (interp, self, CYCLE_FIRSTPASS, scalar_int (0));
    }
  guint n = lang_seq_length (interp, saved);
  if (n == 0)
    return exhausted ();
  gint64 i = slot_int (interp, self, CYCLE_INDEX);
  set_slot (interp, self, CYCLE_INDEX, scalar_int ((i + 1) % n));
  return lang_ref (interp, lang_seq_item (interp, saved, (guint) i));
}

static ReclaimValue
cycle_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!no_keywords (interp, "cycle", nkw))
    return LANG_ERROR;
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "cycle expected 1 argument, got %u", nargs);
  ReclaimValue source = lang_iter (interp, args[0]);
  if (source == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = new_iterator (interp, "itertools.cycle", cycle_next);
  add_slot (interp, it, "it", source);
  add_slot (interp, it, "saved", lang_list_new (interp));
  add_slot (interp, it, "index", scalar_int (0));
  add_slot (interp, it, "firstpass", scalar_int (1));
  return it;
}

/* chain_dealloc drops active, then source: the slots go in that order */
enum { CHAIN_ACTIVE, CHAIN_SOURCE };

static ReclaimValue
chain_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  for (;;)
    {
      ReclaimValue active = slot (interp, self, CHAIN_ACTIVE);
      if (active == RECLAIM_VALUE_NONE)
        {
          ReclaimValue source = slot (interp, self, CHAIN_SOURCE);
          if (source == RECLAIM_VALUE_NONE)
            return exhausted ();
          ReclaimValue iterable = next_of (interp, source);
          if (iterable == LANG_ERROR)
            {
              if (!lang_error_occurred (interp))
                set_slot (interp, self, CHAIN_SOURCE, RECLAIM_VALUE_NONE);
              return LANG_ERROR;
            }
          active = lang_iter (interp, iterable);
          lang_decref (interp, iterable);
          if (active == LANG_ERROR)
            return LANG_ERROR;
          set_slot (interp, self, CHAIN_ACTIVE, active);
        }
      ReclaimValue item = next_of (interp, active);
      if (item != LANG_ERROR || lang_error_occurred (interp))
        return item;
      set_slot (interp, self, CHAIN_ACTIVE, RECLAIM_VALUE_NONE);
    }
}

static ReclaimValue
chain_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!no_keywords (interp, "chain", nkw))
    return LANG_ERROR;
  ReclaimValue all = modules_args_tuple (interp, nargs, args);
  ReclaimValue source = lang_iter (interp, all);
  lang_decref (interp, all);
  if (source == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = new_iterator (interp, "itertools.chain", chain_next);
  add_slot (interp, it, "active", RECLAIM_VALUE_NONE);
  add_slot (interp, it, "source", source);
  return it;
}

/* ---- islice ------------------------------------------------------------------- */

enum { ISLICE_IT, ISLICE_NEXT, ISLICE_STOP, ISLICE_STEP, ISLICE_CNT };

static ReclaimValue
islice_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue source = slot (interp, self, ISLICE_IT);
  gint64 next = slot_int (interp, self, ISLICE_NEXT), stop = slot_int (interp, self, ISLICE_STOP);
  gint64 cnt = slot_int (interp, self, ISLICE_CNT);

  if (source == RECLAIM_VALUE_NONE)
    return exhausted ();
  for (; cnt < next; cnt++)
    {
      ReclaimValue skipped = next_of (interp, source);
      if (skipped == LANG_ERROR)
        goto empty;
      lang_decref (interp, skipped);
      set_slot (interp, self, ISLICE_CNT, scalar_int (cnt + 1));
    }
  if (stop != -1 && cnt >= stop)
    goto empty;
  ReclaimValue item = next_of (interp, source);
  if (item == LANG_ERROR)
    goto empty;
  set_slot (interp, self, ISLICE_CNT, scalar_int (cnt + 1));
  gint64 following = next + slot_int (interp, self, ISLICE_STEP);
  if (stop != -1 && following > stop)
    following = stop;
  set_slot (interp, self, ISLICE_NEXT, scalar_int (following));
  return item;
empty:
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  set_slot (interp, self, ISLICE_IT, RECLAIM_VALUE_NONE);
  return exhausted ();
}

/* None or an int 0 <= x <= sys.maxsize, else ValueError with message. */
static gboolean
islice_index (ReclaimInterp *interp, ReclaimValue v, gint64 none_value, gint64 *out, const char *message)
{
  if (scalar_type (v) == SCALAR_NONE)
    {
      *out = none_value;
      return TRUE;
    }
  if ((scalar_type (v) != SCALAR_INT && scalar_type (v) != SCALAR_BOOL) || scalar_get_int (v) < 0)
    {
      lang_raise (interp, "ValueError", "%s", message);
      return FALSE;
    }
  *out = scalar_get_int (v);
  return TRUE;
}

static ReclaimValue
islice_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  gint64 start = 0, stop = -1, step = 1;
  const char *indices = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

  if (!no_keywords (interp, "islice", nkw) || !lang_check_args (interp, "islice", nargs, 2, 4, 0))
    return LANG_ERROR;
  if (nargs == 2)
    {
      if (!islice_index (interp, args[1], -1, &stop,
                         "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."))
        return LANG_ERROR;
    }
  else if (!islice_index (interp, args[1], 0, &start, indices) || !islice_index (interp, args[2], -1, &stop, indices))
    return LANG_ERROR;
  if (nargs == 4 && (!islice_index (interp, args[3], 1, &step, "Step for islice() must be a positive integer or None.")))
    return LANG_ERROR;
  if (step < 1)
    return lang_raise (interp, "ValueError", "Step for islice() must be a positive integer or None.");
  ReclaimValue source = lang_iter (interp, args[0]);
  if (source == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = new_iterator (interp, "itertools.islice", islice_next);
  add_slot (interp, it, "it", source);
  add_slot (interp, it, "next", scalar_int (start));
  add_slot (interp, it, "stop", scalar_int (stop));
  add_slot (interp, it, "step", scalar_int (step));
  add_slot (interp, it, "cnt", scalar_int (0));
  return it;
}

/* ---- accumulate and zip_longest ------------------------------------------- */

/* in the order accumulate_dealloc drops them */
enum { ACC_FUNC, ACC_TOTAL, ACC_IT, ACC_INITIAL };

static ReclaimValue
accumulate_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  ReclaimValue initial = slot (interp, self, ACC_INITIAL);
  if (initial != RECLAIM_VALUE_NONE)
    {
      lang_incref (interp, initial);
      set_slot (interp, self, ACC_TOTAL, lang_ref (interp, initial));
      set_slot (interp, self, ACC_INITIAL, RECLAIM_VALUE_NONE);
      return initial;
    }
  ReclaimValue item = next_of (interp, slot (interp, self, ACC_IT));
  if (item == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue total = slot (interp, self, ACC_TOTAL), func = slot (interp, self, ACC_FUNC);
  ReclaimValue next = item;
  if (total != RECLAIM_VALUE_NONE)
    {
      ReclaimValue pair[] = { total, item };
      next = scalar_type (func) == SCALAR_NONE ? eval_binary (interp, RECLAIM_BIN_ADD, total, item, FALSE)
                                               : lang_call (interp, func, 2, pair, 0, NULL);
      lang_decref (interp, item);
      if (next == LANG_ERROR)
        return LANG_ERROR;
    }
  set_slot (interp, self, ACC_TOTAL, lang_ref (interp, next));
  return next;
}

static ReclaimValue
accumulate_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 0, "iterable");
  ReclaimValue func = lang_arg (nargs, args, nkw, kwnames, 1, "func");
  ReclaimValue initial = lang_kwarg (nargs, args, nkw, kwnames, "initial");

  if (!lang_check_args (interp, "accumulate", nargs, 0, 2, 0))
    return LANG_ERROR;
  if (iterable == 0)
    return lang_raise (interp, "TypeError", "accumulate() missing required argument 'iterable' (pos 1)");
  ReclaimValue source = lang_iter (interp, iterable);
  if (source == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = new_iterator (interp, "itertools.accumulate", accumulate_next);
  add_slot (interp, it, "binop", func ? lang_ref (interp, func) : scalar_none ());
  add_slot (interp, it, "total", RECLAIM_VALUE_NONE);
  add_slot (interp, it, "it", source);
  add_slot (interp, it, "initial",
            initial && scalar_type (initial) != SCALAR_NONE ? lang_ref (interp, initial) : RECLAIM_VALUE_NONE);
  return it;
}

enum { ZL_ITERS, ZL_FILL, ZL_ACTIVE };

static ReclaimValue
zip_longest_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  ReclaimValue iters = slot (interp, self, ZL_ITERS);
  guint n = lang_seq_length (interp, iters);
  gint64 active = slot_int (interp, self, ZL_ACTIVE);

  if (n == 0 || active == 0)
    return exhausted ();
  g_autofree ReclaimValue *items = g_new0 (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue source = reclaim_heap_slot_get (interp->heap, iters, i);
      ReclaimValue item = source == RECLAIM_VALUE_NONE ? LANG_ERROR : next_of (interp, source);
      if (item == LANG_ERROR && !lang_error_occurred (interp) && source != RECLAIM_VALUE_NONE)
        {
          set_slot (interp, self, ZL_ACTIVE, scalar_int (--active));
          if (active > 0)
            reclaim_heap_slot_set (interp->heap, iters, i, RECLAIM_VALUE_NONE);
        }
      if (item == LANG_ERROR && (lang_error_occurred (interp) || active == 0))
        {
          for (guint j = 0; j < i; j++)
            lang_decref (interp, items[j]);
          return LANG_ERROR;
        }
      items[i] = item != LANG_ERROR ? item : lang_ref (interp, slot (interp, self, ZL_FILL));
    }
  return lang_tuple_new (interp, n, items);
}

static ReclaimValue
zip_longest_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  ReclaimValue fill = lang_kwarg (nargs, args, nkw, kwnames, "fillvalue");
  if (nkw > (fill ? 1u : 0u))
    return lang_raise (interp, "TypeError", "zip_longest() got an unexpected keyword argument");
  ReclaimValue iters = reclaim_heap_alloc_tuple (interp->heap, nargs);
  for (guint i = 0; i < nargs; i++)
    {
      ReclaimValue source = lang_iter (interp, args[i]);
      if (source == LANG_ERROR)
        {
          lang_decref (interp, iters);
          return LANG_ERROR;
        }
      reclaim_heap_slot_append (interp->heap, iters, RECLAIM_ROLE_ITEM, NULL, source);
    }
  ReclaimValue it = new_iterator (interp, "itertools.zip_longest", zip_longest_next);
  add_slot (interp, it, "ittuple", iters);
  add_slot (interp, it, "fillvalue", fill ? lang_ref (interp, fill) : scalar_none ());
  add_slot (interp, it, "numactive", scalar_int (nargs));
  return it;
}

/* ---- product, permutations, combinations ------------------------------- */

/* Slots: the pools (a tuple of tuples for product, the one pool tuple for
 * permutations and combinations), whether the first result is still to come, r, then the
 * r indices. */
enum { COMB_POOLS, COMB_FIRST, COMB_R, COMB_INDICES };
typedef enum { COMB_PRODUCT, COMB_PERMUTATIONS, COMB_COMBINATIONS } CombKind;

static ReclaimValue
pool_at (ReclaimInterp *interp, ReclaimValue self, CombKind kind, guint i)
{
  ReclaimValue pools = slot (interp, self, COMB_POOLS);
  return kind == COMB_PRODUCT ? lang_seq_item (interp, pools, i) : pools;
}

static guint
pool_size (ReclaimInterp *interp, ReclaimValue self, CombKind kind, guint i)
{
  return lang_seq_length (interp, pool_at (interp, self, kind, i));
}

static gint64
index_at (ReclaimInterp *interp, ReclaimValue self, guint i)
{
  return slot_int (interp, self, COMB_INDICES + i);
}

static void
set_index (ReclaimInterp *interp, ReclaimValue self, guint i, gint64 v)
{
  set_slot (interp, self, COMB_INDICES + i, scalar_int (v));
}

static gboolean
advance_product (ReclaimInterp *interp, ReclaimValue self, guint r)
{
  for (guint i = r; i-- > 0;)
    {
      if (index_at (interp, self, i) + 1 < pool_size (interp, self, COMB_PRODUCT, i))
        {
          set_index (interp, self, i, index_at (interp, self, i) + 1);
          return TRUE;
        }
      set_index (interp, self, i, 0);
    }
  return FALSE;
}

static gboolean
advance_combinations (ReclaimInterp *interp, ReclaimValue self, guint r, guint n)
{
  for (guint i = r; i-- > 0;)
    if (index_at (interp, self, i) != i + n - r)
      {
        set_index (interp, self, i, index_at (interp, self, i) + 1);
        for (guint j = i + 1; j < r; j++)
          set_index (interp, self, j, index_at (interp, self, j - 1) + 1);
        return TRUE;
      }
  return FALSE;
}

/* The next r-permutation of range(n) in lexicographic order, the order of
 * itertools.permutations. */
static gboolean
advance_permutations (ReclaimInterp *interp, ReclaimValue self, guint r, guint n)
{
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < r; i++)
    used[index_at (interp, self, i)] = TRUE;
  for (guint i = r; i-- > 0;)
    {
      used[index_at (interp, self, i)] = FALSE;
      for (gint64 v = index_at (interp, self, i) + 1; v < n; v++)
        if (!used[v])
          {
            set_index (interp, self, i, v);
            used[v] = TRUE;
            for (guint j = i + 1, w = 0; j < r; j++, w++)
              {
                while (used[w])
                  w++;
                set_index (interp, self, j, w);
                used[w] = TRUE;
              }
            return TRUE;
          }
    }
  return FALSE;
}

static ReclaimValue
comb_next (ReclaimInterp *interp, ReclaimValue self, CombKind kind)
{
  ReclaimValue pools = slot (interp, self, COMB_POOLS);
  guint r = (guint) slot_int (interp, self, COMB_R);
  guint n = kind == COMB_PRODUCT ? 0 : pool_size (interp, self, kind, 0);

  if (pools == RECLAIM_VALUE_NONE)
    return exhausted ();
  gboolean more = slot_int (interp, self, COMB_FIRST);
  if (more)
    {
      set_slot (interp, self, COMB_FIRST, scalar_int (0));
      for (guint i = 0; i < r && more; i++)
        more = pool_size (interp, self, kind, i) > 0;
      more = more && (kind == COMB_PRODUCT || r <= n);
    }
  else if (kind == COMB_PRODUCT)
    more = advance_product (interp, self, r);
  else if (kind == COMB_COMBINATIONS)
    more = advance_combinations (interp, self, r, n);
  else
    more = advance_permutations (interp, self, r, n);
  if (!more)
    {
      set_slot (interp, self, COMB_POOLS, RECLAIM_VALUE_NONE);
      return exhausted ();
    }
  g_autofree ReclaimValue *items = g_new (ReclaimValue, r + 1);
  for (guint i = 0; i < r; i++)
    {
      ReclaimValue pool = pool_at (interp, self, kind, i);
      items[i] = lang_ref (interp, lang_seq_item (interp, pool, (guint) index_at (interp, self, i)));
    }
  return lang_tuple_new (interp, r, items);
}

#define COMB_NEXT(fname, kind)                                                                   \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    return comb_next (interp, self, kind);                                                       \
  }

COMB_NEXT (product_next, COMB_PRODUCT)
COMB_NEXT (permutations_next, COMB_PERMUTATIONS)
COMB_NEXT (combinations_next, COMB_COMBINATIONS)

static ReclaimValue
comb_new (ReclaimInterp *interp, const char *type, LangNativeFunc next_fn, ReclaimValue pools, gint64 r,
          gboolean start_at_zero)
{
  ReclaimValue it = new_iterator (interp, type, next_fn);
  add_slot (interp, it, "pools", pools);
  add_slot (interp, it, "first", scalar_int (1));
  add_slot (interp, it, "r", scalar_int (r));
  for (gint64 i = 0; i < r; i++)
    add_slot (interp, it, "index", scalar_int (start_at_zero ? 0 : i));
  return it;
}

/* tuple(iterable) */
static ReclaimValue
as_tuple (ReclaimInterp *interp, ReclaimValue iterable)
{
  GPtrArray *items = lang_sequence_to_array (interp, iterable);
  if (items == NULL)
    return LANG_ERROR;
  g_autofree ReclaimValue *values = g_new (ReclaimValue, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    values[i] = GPOINTER_TO_UINT (g_ptr_array_index (items, i));
  ReclaimValue t = lang_tuple_new (interp, items->len, values);
  g_ptr_array_free (items, TRUE);
  return t;
}

static ReclaimValue
product_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  ReclaimValue repeat_v = lang_kwarg (nargs, args, nkw, kwnames, "repeat");
  gint64 repeat = 1;

  if (nkw > (repeat_v ? 1u : 0u))
    return lang_raise (interp, "TypeError", "product() got an unexpected keyword argument");
  if (repeat_v && !modules_arg_int (interp, repeat_v, &repeat))
    return LANG_ERROR;
  if (repeat < 0)
    return lang_raise (interp, "ValueError", "repeat argument cannot be negative");
  if (nargs * repeat > 10000)
    return lang_raise (interp, "MemoryError", "not supported in Reclaim: product() of more than 10000 pools");
  g_autofree ReclaimValue *pools = g_new0 (ReclaimValue, nargs + 1);
  for (guint i = 0; i < nargs; i++)
    if ((pools[i] = as_tuple (interp, args[i])) == LANG_ERROR)
      {
        for (guint j = 0; j < i; j++)
          lang_decref (interp, pools[j]);
        return LANG_ERROR;
      }
  guint n = nargs * (guint) repeat;
  g_autofree ReclaimValue *all = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    all[i] = lang_ref (interp, pools[i % nargs]);
  for (guint i = 0; i < nargs; i++)
    lang_decref (interp, pools[i]);
  return comb_new (interp, "itertools.product", product_next, lang_tuple_new (interp, n, all), n, TRUE);
}

static ReclaimValue
pool_construct (ReclaimInterp *interp, const char *name, const char *type, LangNativeFunc next_fn,
                guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames, gboolean r_required)
{
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 0, "iterable");
  ReclaimValue r_v = lang_arg (nargs, args, nkw, kwnames, 1, "r");
  gint64 r = -1;

  if (!lang_check_args (interp, name, nargs + nkw, 0, 2, 0))
    return LANG_ERROR;
  if (iterable == 0 || (r_required && r_v == 0))
    return lang_raise (interp, "TypeError", "%s() missing required argument '%s' (pos %d)", name,
                       iterable == 0 ? "iterable" : "r", iterable == 0 ? 1 : 2);
  if (r_v && scalar_type (r_v) != SCALAR_NONE && !modules_arg_int (interp, r_v, &r))
    return LANG_ERROR;
  if (r_v && scalar_type (r_v) != SCALAR_NONE && r < 0)
    return lang_raise (interp, "ValueError", "r must be non-negative");
  ReclaimValue pool = iterable ? as_tuple (interp, iterable) : LANG_ERROR;
  if (pool == LANG_ERROR)
    return LANG_ERROR;
  if (r < 0)
    r = lang_seq_length (interp, pool);
  if (r > 10000)
    r = lang_seq_length (interp, pool) + 1;   /* more than the pool: nothing comes */
  return comb_new (interp, type, next_fn, pool, r, FALSE);
}

static ReclaimValue
permutations_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  return pool_construct (interp, "permutations", "itertools.permutations", permutations_next, nargs, args, nkw,
                         kwnames, FALSE);
}

static ReclaimValue
combinations_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  return pool_construct (interp, "combinations", "itertools.combinations", combinations_next, nargs, args, nkw,
                         kwnames, TRUE);
}

/* ---- the module ------------------------------------------------------------- */

void
modules_itertools_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "itertools");
  LangClass *object = lang_builtin_class (interp, "object");
  const struct { const char *name; LangNativeFunc construct; } types[] = {
    { "count", count_construct }, { "repeat", repeat_construct }, { "cycle", cycle_construct },
    { "chain", chain_construct }, { "islice", islice_construct }, { "accumulate", accumulate_construct },
    { "zip_longest", zip_longest_construct }, { "product", product_construct },
    { "permutations", permutations_construct }, { "combinations", combinations_construct },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *qualified = g_strdup_printf ("itertools.%s", types[i].name);
      LangClass *c = lang_builtin_type_new (interp, qualified, object, RECLAIM_KIND_OBJECT, types[i].construct,
                                            NULL, FALSE);
      lang_dict_set (interp, ns, scalar_str (types[i].name, -1), c->id);
    }
  modules_itertools_shared_init (interp, ns);
  modules_new_module (interp, "itertools", ns);
  lang_decref (interp, ns);
}
