/* reclaim-builtins-iter.c: iter(), next(), and the iterator types
 * enumerate, zip, map, filter and reversed.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The iterator objects are GC-tracked heap objects, as in CPython, that
 * keep their references in slots in tp_traverse order.  enumerate and
 * zip recycle their result tuple when nobody else holds it, as CPython's
 * do, so a `for i, x in enumerate(...)` loop allocates no tuples.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

static ReclaimHeap *
heap (ReclaimInterp *interp)
{
  return interp->heap;
}

static ReclaimValue
slot (ReclaimInterp *interp, ReclaimValue obj, guint i)
{
  return reclaim_heap_slot_get (interp->heap, obj, i);
}

static void
add_slot (ReclaimInterp *interp, ReclaimValue obj, const char *label, ReclaimValue stolen)
{
  reclaim_heap_slot_append (interp->heap, obj, RECLAIM_ROLE_OTHER, label, stolen);
}

/* The end of iteration: LANG_ERROR with no exception set. */
static ReclaimValue
exhausted (void)
{
  return LANG_ERROR;
}

/* A recycled result tuple may have been untracked by a collection
 * (_PyTuple_MaybeUntrack); CPython tracks it again. */
static void
retrack (ReclaimInterp *interp, ReclaimValue tuple)
{
  if (reclaim_heap_get_list (heap (interp), tuple) == RECLAIM_LIST_NONE)
    reclaim_heap_track (heap (interp), tuple);
}

/* ---- iter() and next() ------------------------------------------------------ */

static ReclaimValue
callable_iterator_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  ReclaimValue callable = slot (interp, self, 0);
  if (callable == RECLAIM_VALUE_NONE)
    return exhausted ();
  ReclaimValue result = lang_call (interp, callable, 0, NULL, 0, NULL);
  if (result != LANG_ERROR)
    {
      ReclaimValue sentinel = slot (interp, self, 1);
      int ok = sentinel == result ? 1 : lang_equal (interp, sentinel, result);
      if (ok == 0)
        return result;
      lang_decref (interp, result);
      if (ok < 0)
        return LANG_ERROR;
    }
  else if (lang_error_matches (interp, "StopIteration"))
    lang_error_clear (interp);
  else
    return LANG_ERROR;
  reclaim_heap_slot_set (heap (interp), self, 0, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_set (heap (interp), self, 1, RECLAIM_VALUE_NONE);
  return exhausted ();
}

static ReclaimValue
builtin_iter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "iter", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 1)
    return lang_iter (interp, args[0]);
  if (!lang_is_callable (interp, args[0]))
    return lang_raise (interp, "TypeError", "iter(v, w): v must be callable");
  ReclaimValue it = lang_native_iter_new (interp, "callable_iterator", callable_iterator_next, 0, NULL);
  add_slot (interp, it, "it_callable", lang_ref (interp, args[0]));
  add_slot (interp, it, "it_sentinel", lang_ref (interp, args[1]));
  return it;
}

static ReclaimValue
builtin_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "next", ARGS_CLINIC, nargs, 1, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue item;
  int r = lang_next (interp, args[0], &item);
  if (r == 1)
    return item;
  if (r < 0)
    return LANG_ERROR;
  /* a generator's return value travels in the StopIteration */
  ReclaimValue value = lang_take_stop_value (interp);
  if (nargs == 2)
    {
      lang_decref (interp, value);
      return lang_ref (interp, args[1]);
    }
  lang_raise_value (interp, "StopIteration", value);
  lang_decref (interp, value);
  return LANG_ERROR;
}

/* ---- enumerate ---------------------------------------------------------------- */

enum { ENUM_SIT, ENUM_RESULT };

static ReclaimValue
enumerate_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, self);
  ReclaimValue item;
  if (lang_next (interp, slot (interp, self, ENUM_SIT), &item) <= 0)
    return LANG_ERROR;
  ReclaimValue index = scalar_int (state->current++);
  ReclaimValue result = slot (interp, self, ENUM_RESULT);
  if (reclaim_heap_get_refcount (heap (interp), result) == 1)
    {
      lang_incref (interp, result);
      reclaim_heap_slot_set (heap (interp), result, 0, index);
      reclaim_heap_slot_set (heap (interp), result, 1, item);
      retrack (interp, result);
      return result;
    }
  ReclaimValue items[] = { index, item };
  return lang_tuple_new (interp, 2, items);
}

static ReclaimValue
enumerate_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "iterable", "start", NULL };
  if (!builtins_only_keywords (interp, "enumerate", nkw, kwnames, allowed) ||
      !builtins_check (interp, "enumerate", ARGS_KEYWORDS, nargs + nkw, 0, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 0, "iterable");
  ReclaimValue start = lang_arg (nargs, args, nkw, kwnames, 1, "start");
  if (iterable == 0)
    return lang_raise (interp, "TypeError", "enumerate() missing required argument 'iterable'");

  ReclaimValue en = lang_native_iter_new (interp, "enumerate", enumerate_next, 0, NULL);
  gint64 index = 0;
  ReclaimValue sit = start && !builtins_index (interp, start, &index) ? LANG_ERROR : lang_iter (interp, iterable);
  if (sit == LANG_ERROR)
    {
      lang_decref (interp, en);
      return LANG_ERROR;
    }
  lang_iter_state (interp, en)->current = index;
  add_slot (interp, en, "en_sit", sit);
  ReclaimValue nones[] = { scalar_none (), scalar_none () };
  add_slot (interp, en, "en_result", lang_tuple_new (interp, 2, nones));
  return en;
}

/* ---- zip ------------------------------------------------------------------------ */

enum { ZIP_ITTUPLE, ZIP_RESULT };

/* zip(strict=True) found iterator i exhausted: are the others too? */
static ReclaimValue
zip_check_strict (ReclaimInterp *interp, ReclaimValue ittuple, guint i)
{
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  if (i > 0)
    return lang_raise (interp, "ValueError", "zip() argument %u is shorter than argument%s%u", i + 1,
                       i == 1 ? " " : "s 1-", i);
  guint n = lang_seq_length (interp, ittuple);
  for (i = 1; i < n; i++)
    {
      ReclaimValue item;
      int r = lang_next (interp, lang_seq_item (interp, ittuple, i), &item);
      if (r < 0)
        return LANG_ERROR;
      if (r == 1)
        {
          lang_decref (interp, item);
          return lang_raise (interp, "ValueError", "zip() argument %u is longer than argument%s%u", i + 1,
                             i == 1 ? " " : "s 1-", i);
        }
    }
  return exhausted ();
}

static ReclaimValue
zip_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  gboolean strict = lang_iter_state (interp, self)->step != 0;
  ReclaimValue ittuple = slot (interp, self, ZIP_ITTUPLE), result = slot (interp, self, ZIP_RESULT);
  guint n = lang_seq_length (interp, ittuple);
  if (n == 0)
    return exhausted ();

  gboolean reuse = reclaim_heap_get_refcount (heap (interp), result) == 1;
  if (reuse)
    lang_incref (interp, result);
  else
    result = reclaim_heap_alloc_tuple (heap (interp), n);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue item;
      if (lang_next (interp, lang_seq_item (interp, ittuple, i), &item) <= 0)
        {
          lang_decref (interp, result);
          return strict ? zip_check_strict (interp, ittuple, i) : LANG_ERROR;
        }
      if (reuse)
        reclaim_heap_slot_set (heap (interp), result, i, item);
      else
        reclaim_heap_slot_append (heap (interp), result, RECLAIM_ROLE_ITEM, NULL, item);
    }
  if (reuse)
    retrack (interp, result);
  return result;
}

static ReclaimValue
zip_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "strict", NULL };
  if (!builtins_only_keywords (interp, "zip", nkw, kwnames, allowed))
    return LANG_ERROR;
  ReclaimValue strict_arg = lang_kwarg (nargs, args, nkw, kwnames, "strict");
  int strict = strict_arg ? lang_truth (interp, strict_arg) : 0;
  if (strict < 0)
    return LANG_ERROR;

  ReclaimValue ittuple;
  if (nargs == 0)
    ittuple = lang_ref (interp, lang_empty_tuple (interp));
  else
    ittuple = reclaim_heap_alloc_tuple (heap (interp), nargs);
  for (guint i = 0; i < nargs; i++)
    {
      ReclaimValue it = lang_iter (interp, args[i]);
      if (it == LANG_ERROR)
        {
          lang_decref (interp, ittuple);
          return LANG_ERROR;
        }
      reclaim_heap_slot_append (heap (interp), ittuple, RECLAIM_ROLE_ITEM, NULL, it);
    }
  g_autofree ReclaimValue *nones = g_new (ReclaimValue, nargs + 1);
  for (guint i = 0; i < nargs; i++)
    nones[i] = scalar_none ();
  ReclaimValue result = lang_tuple_new (interp, nargs, nones);
  ReclaimValue z = lang_native_iter_new (interp, "zip", zip_next, 0, NULL);
  lang_iter_state (interp, z)->step = strict;
  add_slot (interp, z, "ittuple", ittuple);
  add_slot (interp, z, "result", result);
  return z;
}

/* ---- map and filter ---------------------------------------------------------------- */

enum { MAP_ITERS, MAP_FUNC };

static ReclaimValue
map_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  ReclaimValue iters = slot (interp, self, MAP_ITERS);
  guint n = lang_seq_length (interp, iters), got = 0;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n);
  ReclaimValue result = LANG_ERROR;
  for (; got < n; got++)
    if (lang_next (interp, lang_seq_item (interp, iters, got), &items[got]) <= 0)
      break;
  if (got == n)
    result = lang_call (interp, slot (interp, self, MAP_FUNC), n, items, 0, NULL);
  for (guint i = 0; i < got; i++)
    lang_decref (interp, items[i]);
  return result;
}

static ReclaimValue
map_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "map() takes no keyword arguments");
  if (nargs < 2)
    return lang_raise (interp, "TypeError", "map() must have at least two arguments.");
  ReclaimValue iters = reclaim_heap_alloc_tuple (heap (interp), nargs - 1);
  for (guint i = 1; i < nargs; i++)
    {
      ReclaimValue it = lang_iter (interp, args[i]);
      if (it == LANG_ERROR)
        {
          lang_decref (interp, iters);
          return LANG_ERROR;
        }
      reclaim_heap_slot_append (heap (interp), iters, RECLAIM_ROLE_ITEM, NULL, it);
    }
  ReclaimValue m = lang_native_iter_new (interp, "map", map_next, 0, NULL);
  add_slot (interp, m, "iters", iters);
  add_slot (interp, m, "func", lang_ref (interp, args[0]));
  return m;
}

/* filter_dealloc drops func, then it: the slots go in that order */
enum { FILTER_FUNC, FILTER_IT };

static ReclaimValue
filter_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  ReclaimValue func = slot (interp, self, FILTER_FUNC), it = slot (interp, self, FILTER_IT);
  gboolean check_true = scalar_type (func) == SCALAR_NONE || func == lang_builtin_class (interp, "bool")->id;
  for (;;)
    {
      ReclaimValue item;
      if (builtins_next (interp, it, &item) <= 0)
        return LANG_ERROR;
      int ok;
      if (check_true)
        ok = lang_truth (interp, item);
      else
        {
          ReclaimValue good = lang_call (interp, func, 1, &item, 0, NULL);
          if (good == LANG_ERROR)
            {
              lang_decref (interp, item);
              return LANG_ERROR;
            }
          ok = lang_truth (interp, good);
          lang_decref (interp, good);
        }
      if (ok > 0)
        return item;
      lang_decref (interp, item);
      if (ok < 0)
        return LANG_ERROR;
    }
}

static ReclaimValue
filter_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "filter", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, args[1]);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue f = lang_native_iter_new (interp, "filter", filter_next, 0, NULL);
  add_slot (interp, f, "func", lang_ref (interp, args[0]));
  add_slot (interp, f, "it", it);
  return f;
}

/* ---- reversed ---------------------------------------------------------------------- */

/* Gives the sequence back once exhausted, as CPython's reverse iterators do. */
static ReclaimValue
reverse_done (ReclaimInterp *interp, ReclaimValue self)
{
  lang_iter_state (interp, self)->current = -1;
  if (slot (interp, self, 0) != RECLAIM_VALUE_NONE)
    reclaim_heap_slot_set (heap (interp), self, 0, RECLAIM_VALUE_NONE);
  return exhausted ();
}

static ReclaimValue
list_reverse_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, self);
  ReclaimValue list = slot (interp, self, 0);
  if (list == RECLAIM_VALUE_NONE)
    return exhausted ();
  if (state->current >= 0 && state->current < lang_seq_length (interp, list))
    return lang_ref (interp, lang_seq_item (interp, list, state->current--));
  return reverse_done (interp, self);
}

/* reversed(tuple), reversed(str), and sequences with __len__ and __getitem__ */
static ReclaimValue
sequence_reverse_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, self);
  ReclaimValue seq = slot (interp, self, 0);
  if (seq == RECLAIM_VALUE_NONE)
    return exhausted ();
  if (state->current >= 0)
    {
      ReclaimValue item = lang_subscript (interp, seq, scalar_int (state->current));
      if (item != LANG_ERROR)
        {
          state->current--;
          return item;
        }
      if (!lang_error_matches (interp, "IndexError") && !lang_error_matches (interp, "StopIteration"))
        return LANG_ERROR;
      lang_error_clear (interp);
    }
  return reverse_done (interp, self);
}

/* reversed(dict) and reversed(dict view): entries from the last one */
static ReclaimValue
dict_reverse_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, self);
  ReclaimValue dict = slot (interp, self, 0);
  if (dict == RECLAIM_VALUE_NONE)
    return exhausted ();
  if (lang_dict_length (interp, dict) != (guint) state->stop)
    {
      state->stop = -1;
      return lang_raise (interp, "RuntimeError", "dictionary changed size during iteration");
    }
  /* an OrderedDict moved by move_to_end has an order of its own */
  GArray *order = lang_table_get (interp, dict)->order;
  while (state->current > 0)
    {
      guint e = (guint) --state->current;
      if (order)
        {
          if (e >= order->len)
            continue;
          e = g_array_index (order, guint, e);
        }
      if (2 * e + 1 >= reclaim_heap_n_slots (heap (interp), dict))
        continue;
      ReclaimValue key = reclaim_heap_slot_get (heap (interp), dict, 2 * e);
      if (key == RECLAIM_VALUE_NONE)
        continue;
      ReclaimValue value = reclaim_heap_slot_get (heap (interp), dict, 2 * e + 1);
      if (state->step == 'k')
        return lang_ref (interp, key);
      if (state->step == 'v')
        return lang_ref (interp, value);
      ReclaimValue items[] = { lang_ref (interp, key), lang_ref (interp, value) };
      return lang_tuple_new (interp, 2, items);
    }
  return reverse_done (interp, self);
}

/* A list or dict, of the builtin type or of a class based on it (which
 * inherits its __reversed__). */
static gboolean
is_list_or_dict_of_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (heap (interp), v) == kind;
}

static ReclaimValue
reverse_iterator (ReclaimInterp *interp, const char *type_name, LangNativeFunc next, ReclaimValue seq,
                  gint64 index)
{
  ReclaimValue it = lang_native_iter_new (interp, type_name, next, 0, NULL);
  lang_iter_state (interp, it)->current = index;
  if (is_list_or_dict_of_kind (interp, seq, RECLAIM_KIND_DICT))
    lang_iter_state (interp, it)->stop = lang_dict_length (interp, seq);
  add_slot (interp, it, "seq", lang_ref (interp, seq));
  return it;
}

static ReclaimValue
reversed_range (ReclaimInterp *interp, ReclaimValue range)
{
  gint64 start = scalar_get_int (slot (interp, range, 0));
  gint64 step = scalar_get_int (slot (interp, range, 2));
  gssize n = lang_length (interp, range);
  if (n <= 0)
    return lang_range_iter (interp, start, start, 1);
  gint64 last = start + (n - 1) * step;
  return lang_range_iter (interp, last, start - step, -step);
}

static ReclaimValue
reversed_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "reversed", ARGS_CLINIC, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue seq = args[0];
  ReclaimValue method = builtins_user_method (interp, seq, "__reversed__");
  if (method && scalar_type (method) != SCALAR_NONE)
    return builtins_call_special (interp, method, seq, 0, NULL);
  LangNativeFunc reversed_slot = lang_type_slot (interp, seq, "__reversed__");
  if (reversed_slot)
    return reversed_slot (interp, seq, 0, NULL, 0, NULL);
  if (is_list_or_dict_of_kind (interp, seq, RECLAIM_KIND_LIST))
    return reverse_iterator (interp, "list_reverseiterator", list_reverse_next, seq,
                             (gint64) lang_seq_length (interp, seq) - 1);
  if (is_list_or_dict_of_kind (interp, seq, RECLAIM_KIND_DICT))
    {
      ReclaimValue it = reverse_iterator (interp, "dict_reversekeyiterator", dict_reverse_next, seq,
                                          reclaim_heap_n_slots (heap (interp), seq) / 2);
      lang_iter_state (interp, it)->step = 'k';
      return it;
    }
  const char *label = reclaim_value_is_object (seq) ? reclaim_heap_get_label (heap (interp), seq) : NULL;
  if (label && reclaim_heap_get_class (heap (interp), seq) == 0)
    {
      if (strcmp (label, "range") == 0)
        return reversed_range (interp, seq);
      if (strcmp (label, "dict_keys") == 0 || strcmp (label, "dict_values") == 0 ||
          strcmp (label, "dict_items") == 0)
        {
          const char *names[] = { "dict_reversekeyiterator", "dict_reversevalueiterator",
                                  "dict_reverseitemiterator" };
          char which = label[5];
          ReclaimValue dict = slot (interp, seq, 0);
          ReclaimValue it = reverse_iterator (interp, names[which == 'k' ? 0 : which == 'v' ? 1 : 2],
                                              dict_reverse_next, dict,
                                              reclaim_heap_n_slots (heap (interp), dict) / 2);
          lang_iter_state (interp, it)->step = which;
          return it;
        }
    }
  gboolean sequence = builtins_is_str (seq) || scalar_type (seq) == SCALAR_BYTES ||
                      builtins_is_kind (interp, seq, RECLAIM_KIND_TUPLE) ||
                      (builtins_user_method (interp, seq, "__getitem__") &&
                       builtins_user_method (interp, seq, "__len__"));
  if (!sequence || method)
    return lang_raise (interp, "TypeError", "'%s' object is not reversible", lang_type_name (interp, seq));
  gssize n = lang_length (interp, seq);
  if (n < 0)
    return LANG_ERROR;
  return reverse_iterator (interp, "reversed", sequence_reverse_next, seq, n - 1);
}

/* ---- registration --------------------------------------------------------------- */

void
builtins_iterators_init (ReclaimInterp *interp)
{
  LangClass *object = lang_builtin_class (interp, "object");
  const struct { const char *name; LangNativeFunc construct; } published[] = {
    { "enumerate", enumerate_construct },
    { "zip", zip_construct },
    { "map", map_construct },
    { "filter", filter_construct },
    { "reversed", reversed_construct },
  };
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    lang_builtin_type_new (interp, published[i].name, object, RECLAIM_KIND_OBJECT, published[i].construct,
                           NULL, TRUE);

  /* types that type(x) names but scripts cannot call */
  const char *hidden[] = {
    "list_iterator", "tuple_iterator", "set_iterator", "str_ascii_iterator", "range_iterator",
    "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "dict_keys", "dict_values",
    "dict_items", "list_reverseiterator", "callable_iterator", "dict_reversekeyiterator",
    "dict_reversevalueiterator", "dict_reverseitemiterator",
  };
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    lang_builtin_type_new (interp, hidden[i], object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);

  lang_add_builtin (interp, "iter", builtin_iter);
  lang_add_builtin (interp, "next", builtin_next);
}
