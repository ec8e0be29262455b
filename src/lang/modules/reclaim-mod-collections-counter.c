/* reclaim-mod-collections-counter.c: collections.Counter.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython writes Counter in Python (Lib/collections/__init__.py) as a dict
 * subclass; here it is a dict whose class is the Counter type, and which
 * holds that type as instances of a Python class hold theirs.  A missing
 * key counts 0 without being stored.  most_common() sorts by count, the
 * first seen first among equal counts, as sorted() and heapq.nlargest do.
 *
 * The operators and fromkeys are in reclaim-mod-collections-counter-ops.c.
 * Not modelled: the rich comparisons but ==, attributes set on an
 * instance (a Counter has a __dict__ in python3); elements() gives a list
 * iterator where python3 gives an itertools.chain.
 */
#include "reclaim-mod-collections-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

/* A class written in Python: its name is not dotted, its module is in its
 * namespace (see collections_counter_init). */
static const char *const counter_name = "Counter";

ReclaimValue
collections_counter_count (ReclaimInterp *interp, ReclaimValue counter, ReclaimValue key)
{
  ReclaimValue v = lang_dict_get (interp, counter, key);
  if (v)
    return lang_ref (interp, v);
  return lang_error_occurred (interp) ? LANG_ERROR : scalar_int (0);
}

/* self[key] = self.get(key, 0) + delta (or - delta) */
static int
add_count (ReclaimInterp *interp, ReclaimValue counter, ReclaimValue key, ReclaimValue delta, gboolean subtract)
{
  ReclaimValue old = collections_counter_count (interp, counter, key);
  if (old == LANG_ERROR)
    return -1;
  ReclaimValue sum = eval_binary (interp, subtract ? RECLAIM_BIN_SUB : RECLAIM_BIN_ADD, old, delta, FALSE);
  lang_decref (interp, old);
  if (sum == LANG_ERROR)
    return -1;
  int r = lang_store_subscript (interp, counter, key, sum);
  lang_decref (interp, sum);
  return r;
}

/* Counter.update / subtract with one argument: a mapping's counts, or one
 * for each item of an iterable. */
static int
count_from (ReclaimInterp *interp, ReclaimValue counter, ReclaimValue source, gboolean subtract)
{
  if (reclaim_value_is_object (source) && lang_is_instance (interp, source, "dict"))
    {
      if (!subtract && lang_dict_length (interp, counter) == 0)
        {
          /* an empty Counter takes a mapping's counts as they are */
          ReclaimValue r = collections_dict_update (interp, counter, 1, &source, 0, NULL);
          lang_decref (interp, r);
          return r == LANG_ERROR ? -1 : 0;
        }
      ReclaimValue items = lang_call_method (interp, source, "items", 0, NULL);
      GPtrArray *pairs = items == LANG_ERROR ? NULL : lang_sequence_to_array (interp, items);
      lang_decref (interp, items);
      if (pairs == NULL)
        return -1;
      int r = 0;
      for (guint i = 0; i < pairs->len; i++)
        {
          ReclaimValue pair = GPOINTER_TO_UINT (pairs->pdata[i]);
          if (r == 0)
            r = add_count (interp, counter, lang_seq_item (interp, pair, 0), lang_seq_item (interp, pair, 1),
                           subtract);
          lang_decref (interp, pair);
        }
      g_ptr_array_unref (pairs);
      return r;
    }
  ReclaimValue it = lang_iter (interp, source), item;
  if (it == LANG_ERROR)
    return -1;
  int r;
  while ((r = eval_check_limits (interp) ? lang_next (interp, it, &item) : -1) == 1)
    {
      r = add_count (interp, counter, item, scalar_int (1), subtract);
      lang_decref (interp, item);
      if (r < 0)
        break;
    }
  lang_decref (interp, it);
  return r;
}

/* update(iterable=None, /, **kwds) and subtract(...) */
static int
count_arguments (ReclaimInterp *interp, ReclaimValue counter, const char *method, guint nargs,
                 const ReclaimValue *args, guint nkw, const char *const *kwnames, gboolean subtract)
{
  if (nargs > 1)
    {
      lang_raise (interp, "TypeError", "%s expected at most 1 argument, got %u", method, nargs);
      return -1;
    }
  if (nargs == 1 && scalar_type (args[0]) != SCALAR_NONE && count_from (interp, counter, args[0], subtract) < 0)
    return -1;
  if (nkw == 0)
    return 0;
  /* the keywords as a dict, as **kwds makes one */
  ReclaimValue kwds = lang_dict_new (interp);
  for (guint i = 0; i < nkw; i++)
    lang_dict_set (interp, kwds, scalar_str (kwnames[i], -1), args[nargs + i]);
  int r = count_from (interp, counter, kwds, subtract);
  lang_decref (interp, kwds);
  return r;
}

ReclaimValue
collections_counter_new (ReclaimInterp *interp)
{
  return collections_dict_alloc (interp, counter_name, TRUE);
}

static ReclaimValue
counter_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  ReclaimValue counter = collections_counter_new (interp);
  if (count_arguments (interp, counter, "update", nargs, args, nkw, kwnames, FALSE) < 0)
    {
      lang_decref (interp, counter);
      return LANG_ERROR;
    }
  return counter;
}

#define COUNTER_SELF(method)                                                                     \
  if (!collections_self (interp, counter_name, method, &self, &nargs, &args))                    \
    return LANG_ERROR

static ReclaimValue
counter_update (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("update");
  return count_arguments (interp, self, "update", nargs, args, nkw, kwnames, FALSE) < 0 ? LANG_ERROR
                                                                                      : scalar_none ();
}

static ReclaimValue
counter_subtract (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("subtract");
  return count_arguments (interp, self, "subtract", nargs, args, nkw, kwnames, TRUE) < 0 ? LANG_ERROR
                                                                                       : scalar_none ();
}

static ReclaimValue
counter_missing (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("__missing__");
  if (!lang_check_args (interp, "__missing__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return scalar_int (0);
}

typedef struct {
  ReclaimInterp *interp;
  gboolean       failed;
} SortState;

/* larger counts first; equal ones keep their order (the sort is stable) */
static gint
by_count_descending (gconstpointer a, gconstpointer b, gpointer data)
{
  SortState *state = data;
  ReclaimInterp *interp = state->interp;
  if (state->failed)
    return 0;
  ReclaimValue ca = lang_seq_item (interp, GPOINTER_TO_UINT (*(gpointer *) a), 1);
  ReclaimValue cb = lang_seq_item (interp, GPOINTER_TO_UINT (*(gpointer *) b), 1);
  int less = lang_less (interp, cb, ca);
  if (less < 0)
    {
      state->failed = TRUE;
      return 0;
    }
  if (less)
    return -1;
  less = lang_less (interp, ca, cb);
  state->failed = less < 0;
  return less > 0 ? 1 : 0;
}

/* A list of (key, count) pairs, largest counts first; 0 on error. */
static ReclaimValue
sorted_pairs (ReclaimInterp *interp, ReclaimValue counter, gint64 limit)
{
  ReclaimValue list = lang_list_new (interp);
  GPtrArray *pairs = g_ptr_array_new ();
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, counter, &pos, &key, &value);)
    {
      ReclaimValue pair[] = { lang_ref (interp, key), lang_ref (interp, value) };
      g_ptr_array_add (pairs, GUINT_TO_POINTER (lang_tuple_new (interp, 2, pair)));
    }
  SortState state = { interp, FALSE };
  g_ptr_array_sort_with_data (pairs, by_count_descending, &state);
  for (guint i = 0; i < pairs->len; i++)
    {
      ReclaimValue pair = GPOINTER_TO_UINT (pairs->pdata[i]);
      if (!state.failed && (limit < 0 || i < limit))
        lang_list_append (interp, list, pair);
      else
        lang_decref (interp, pair);
    }
  g_ptr_array_unref (pairs);
  if (state.failed)
    {
      lang_decref (interp, list);
      return LANG_ERROR;
    }
  return list;
}

static ReclaimValue
counter_most_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("most_common");
  if (!lang_check_args (interp, "most_common", nargs + nkw, 0, 1, 0))
    return LANG_ERROR;
  ReclaimValue n = lang_arg (nargs, args, nkw, kwnames, 0, "n");
  gint64 limit = -1;
  if (n && scalar_type (n) != SCALAR_NONE)
    {
      ScalarType t = scalar_type (n);
      if (t != SCALAR_INT && t != SCALAR_BOOL)
        return lang_raise (interp, "TypeError", "'>=' not supported between instances of '%s' and 'int'",
                           lang_type_name (interp, n));
      limit = MAX (0, scalar_get_int (n));
    }
  return sorted_pairs (interp, self, limit);
}

static ReclaimValue
counter_total (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("total");
  if (!lang_check_args (interp, "total", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue sum = scalar_int (0), key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      ReclaimValue next = eval_binary (interp, RECLAIM_BIN_ADD, sum, value, FALSE);
      lang_decref (interp, sum);
      if ((sum = next) == LANG_ERROR)
        return LANG_ERROR;
    }
  return sum;
}

/* each key as many times as its count, when that is an int above 0 */
static ReclaimValue
counter_elements (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("elements");
  if (!lang_check_args (interp, "elements", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue list = lang_list_new (interp), key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      gint64 n = scalar_type (value) == SCALAR_INT || scalar_type (value) == SCALAR_BOOL ? scalar_get_int (value) : 0;
      if (!lang_memory_reserve (interp, MAX (n, 0), LANG_SLOT_BYTE_COST))
        {
          lang_decref (interp, list);
          return LANG_ERROR;
        }
      for (gint64 i = 0; i < n; i++)
        lang_list_append (interp, list, lang_ref (interp, key));
    }
  ReclaimValue it = lang_iter (interp, list);
  lang_decref (interp, list);
  return it;
}

/* "Counter({'a': 2, 'b': 1})", most common first; "Counter()" */
static ReclaimValue
counter_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("__repr__");
  const char *name = collections_short_name (lang_class_of (interp, self)->name);
  ReclaimValue pairs = sorted_pairs (interp, self, -1);
  if (pairs == LANG_ERROR)
    return LANG_ERROR;
  GString *out = g_string_new (name);
  g_string_append (out, lang_seq_length (interp, pairs) ? "({" : "(");
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < lang_seq_length (interp, pairs); i++)
    {
      ReclaimValue pair = lang_seq_item (interp, pairs, i);
      g_autofree char *k = lang_repr (interp, lang_seq_item (interp, pair, 0));
      g_autofree char *v = k ? lang_repr (interp, lang_seq_item (interp, pair, 1)) : NULL;
      ok = v != NULL;
      g_string_append_printf (out, "%s%s: %s", i ? ", " : "", k ? k : "", v ? v : "");
    }
  g_string_append (out, lang_seq_length (interp, pairs) ? "})" : ")");
  lang_decref (interp, pairs);
  ReclaimValue text = ok ? scalar_str (out->str, out->len) : LANG_ERROR;
  g_string_free (out, TRUE);
  return text;
}

/* Counter.__eq__: only with another Counter; a missing key counts 0. */
static int
counts_within (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, a, &pos, &key, &value);)
    {
      ReclaimValue other = collections_counter_count (interp, b, key);
      if (other == LANG_ERROR)
        return -1;
      int e = lang_equal (interp, value, other);
      lang_decref (interp, other);
      if (e != 1)
        return e;
    }
  return 1;
}

static ReclaimValue
counter_eq (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("__eq__");
  if (!lang_check_args (interp, "__eq__", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (!reclaim_value_is_object (args[0]) || !lang_is_instance (interp, args[0], counter_name))
    return collections_not_implemented (interp);
  int e = counts_within (interp, self, args[0]);
  if (e == 1)
    e = counts_within (interp, args[0], self);
  return e < 0 ? LANG_ERROR : scalar_bool (e);
}

static ReclaimValue
counter_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  COUNTER_SELF ("copy");
  if (!lang_check_args (interp, "copy", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return counter_construct (interp, 0, 1, &self, 0, NULL);
}

static const LangMethodDef counter_methods[] = {
  { "update", counter_update }, { "subtract", counter_subtract }, { "most_common", counter_most_common },
  { "total", counter_total }, { "elements", counter_elements }, { "copy", counter_copy },
  { "__copy__", counter_copy }, { "__missing__", counter_missing }, { "__repr__", counter_repr },
  { "__eq__", counter_eq },
  { NULL },
};

void
collections_counter_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *dict = lang_builtin_class (interp, "dict");
  LangClass *counter = lang_builtin_type_new (interp, counter_name, dict, RECLAIM_KIND_DICT, counter_construct,
                                              counter_methods, FALSE);
  ReclaimValue cls_ns = lang_dict_new (interp);

  modules_add_value (interp, cls_ns, "__module__", scalar_str ("collections", -1));
  counter->ns = cls_ns;
  reclaim_heap_slot_append (interp->heap, counter->id, RECLAIM_ROLE_OTHER, "__dict__", cls_ns);

  collections_counter_ops_init (interp, counter);
  lang_dict_set (interp, ns, scalar_str ("Counter", -1), counter->id);
}
