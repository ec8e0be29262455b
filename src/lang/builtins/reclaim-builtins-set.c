/* reclaim-builtins-set.c: the methods of set and the set operations.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operations walk sets and dicts directly and anything else through
 * an iterator object, and walk the same operand CPython's setobject.c
 * does, so results come out in the same insertion order.  clear() empties
 * the table before it drops anything.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-sizeof.h"

#include <string.h>

#define H(interp) ((interp)->heap)

static gboolean
is_dict (ReclaimInterp *interp, ReclaimValue v)
{
  return builtins_is_kind (interp, v, RECLAIM_KIND_DICT);
}

static gboolean
is_set (ReclaimInterp *interp, ReclaimValue v)
{
  return builtins_is_kind (interp, v, RECLAIM_KIND_SET);
}

static guint
table_used (ReclaimInterp *interp, ReclaimValue v)
{
  return lang_table_get (interp, v)->used;
}

/* ---- set ------------------------------------------------------------------------------- */

/* The live items of a set, or the keys of a dict (borrowed), in order. */
static gboolean
table_next (ReclaimInterp *interp, ReclaimValue v, guint *pos, ReclaimValue *item)
{
  if (is_dict (interp, v))
    return lang_dict_next_entry (interp, v, pos, item, NULL);
  guint n = reclaim_heap_n_slots (H (interp), v);
  for (; *pos < n; (*pos)++)
    {
      *item = reclaim_heap_slot_get (H (interp), v, *pos);
      if (*item != RECLAIM_VALUE_NONE)
        {
          (*pos)++;
          return TRUE;
        }
    }
  return FALSE;
}

/* Calls fn on each item of iterable: sets and dicts walked, anything else iterated. */
typedef int (*ItemFunc) (ReclaimInterp *interp, ReclaimValue target, ReclaimValue item, gpointer data);

static int
for_each_item (ReclaimInterp *interp, ReclaimValue iterable, ItemFunc fn, ReclaimValue target, gpointer data)
{
  if (is_set (interp, iterable) || is_dict (interp, iterable))
    {
      ReclaimValue item;
      for (guint pos = 0; table_next (interp, iterable, &pos, &item);)
        {
          lang_incref (interp, item);
          int r = fn (interp, target, item, data);
          lang_decref (interp, item);
          if (r < 0)
            return -1;
        }
      return 0;
    }
  ReclaimValue it = lang_iter (interp, iterable), item;
  if (it == LANG_ERROR)
    return -1;
  int r;
  while ((r = builtins_next (interp, it, &item)) == 1)
    {
      int status = fn (interp, target, item, data);
      lang_decref (interp, item);
      if (status < 0)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  return r;
}

/* for_each_item over iter(iterable): how set_intersection and
 * set_difference_update take a dict that is not a set. */
static int
for_each_iterated (ReclaimInterp *interp, ReclaimValue iterable, ItemFunc fn, ReclaimValue target, gpointer data)
{
  ReclaimValue it = lang_iter (interp, iterable);
  int r = it == LANG_ERROR ? -1 : for_each_item (interp, it, fn, target, data);
  lang_decref (interp, it);
  return r;
}

/* result when status says filling it went well; else it is dropped. */
static ReclaimValue
result_unless_failed (ReclaimInterp *interp, ReclaimValue result, int status)
{
  if (status < 0)
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  return result;
}

static int
add_item (ReclaimInterp *interp, ReclaimValue set, ReclaimValue item, gpointer data)
{
  return lang_set_add (interp, set, item);
}

int
builtins_set_update (ReclaimInterp *interp, ReclaimValue set, ReclaimValue iterable)
{
  /* set_update_internal sizes the table once for a set or a dict */
  gboolean from_set = is_set (interp, iterable), from_dict = lang_is_builtin_kind (interp, iterable, RECLAIM_KIND_DICT) &&
                                                              strcmp (lang_type_name (interp, iterable), "dict") == 0;
  LangTable *t = lang_table_get (interp, set);
  LangKeys after;
  gboolean clean = iterable != set && (from_set || from_dict) &&
                   lang_keys_set_update_begin (t, table_used (interp, iterable), from_set, &after);
  int r = for_each_item (interp, iterable, add_item, set, NULL);
  if (clean && r == 0)
    t->keys = after;
  return r;
}

static ReclaimValue
set_copy_of (ReclaimInterp *interp, ReclaimValue iterable)
{
  ReclaimValue set = lang_set_new (interp);
  return result_unless_failed (interp, set, builtins_set_update (interp, set, iterable));
}

void
builtins_set_clear (ReclaimInterp *interp, ReclaimValue set)
{
  LangTable *t = lang_table_get (interp, set);
  lang_table_clear_index (t);
  t->used = t->entries = 0;
  lang_keys_reset (t);
  reclaim_heap_clear (H (interp), set);
}

/* adds item to target when (data != NULL) == (item in the set data) */
typedef struct {
  ReclaimValue filter;
  gboolean     keep_members;
} Filter;

static int
add_filtered (ReclaimInterp *interp, ReclaimValue target, ReclaimValue item, gpointer data)
{
  Filter *f = data;
  int in = is_dict (interp, f->filter) ? lang_dict_contains (interp, f->filter, item)
                                       : lang_set_contains (interp, f->filter, item);
  if (in < 0)
    return -1;
  return in == f->keep_members ? lang_set_add (interp, target, item) : 0;
}

static int
discard_item (ReclaimInterp *interp, ReclaimValue set, ReclaimValue item, gpointer data)
{
  return lang_set_discard (interp, set, item) < 0 ? -1 : 0;
}

/* symmetric difference update: in the set, out; else in */
static int
toggle_item (ReclaimInterp *interp, ReclaimValue set, ReclaimValue item, gpointer data)
{
  int r = lang_set_discard (interp, set, item);
  if (r < 0)
    return -1;
  return r == 0 ? lang_set_add (interp, set, item) : 0;
}

ReclaimValue
lang_set_union (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  ReclaimValue result = set_copy_of (interp, set);
  if (result == LANG_ERROR || other == set)
    return result;
  return result_unless_failed (interp, result, builtins_set_update (interp, result, other));
}

ReclaimValue
lang_set_intersection (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  if (other == set)
    return set_copy_of (interp, set);
  ReclaimValue result = lang_set_new (interp);
  Filter f = { set, TRUE };
  ReclaimValue walk = other;
  /* a set: walk the smaller one, look things up in the larger */
  if (is_set (interp, other) && table_used (interp, other) > table_used (interp, set))
    {
      f.filter = other;
      walk = set;
    }
  /* a dict is not a set: set_intersection iterates it with an iterator */
  int status = is_dict (interp, other) ? for_each_iterated (interp, other, add_filtered, result, &f)
                                       : for_each_item (interp, walk, add_filtered, result, &f);
  return result_unless_failed (interp, result, status);
}

static int
difference_update (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  if (other == set)
    {
      builtins_set_clear (interp, set);
      return 0;
    }
  if (is_set (interp, other) && (table_used (interp, other) >> 3) > table_used (interp, set))
    {
      ReclaimValue common = lang_set_intersection (interp, set, other);
      int r = common == LANG_ERROR ? -1 : for_each_item (interp, common, discard_item, set, NULL);
      lang_decref (interp, common);
      return r;
    }
  if (is_dict (interp, other))
    return for_each_iterated (interp, other, discard_item, set, NULL);
  return for_each_item (interp, other, discard_item, set, NULL);
}

ReclaimValue
lang_set_difference (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  gboolean table = is_set (interp, other) || is_dict (interp, other);
  if (!table || (table_used (interp, set) >> 2) > table_used (interp, other))
    {
      /* set_copy_and_difference */
      ReclaimValue result = set_copy_of (interp, set);
      if (result == LANG_ERROR)
        return LANG_ERROR;
      return result_unless_failed (interp, result, difference_update (interp, result, other));
    }
  ReclaimValue result = lang_set_new (interp);
  Filter f = { other, FALSE };
  return result_unless_failed (interp, result, for_each_item (interp, set, add_filtered, result, &f));
}

static int
symmetric_difference_update (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  if (other == set)
    {
      builtins_set_clear (interp, set);
      return 0;
    }
  if (is_dict (interp, other) || is_set (interp, other))
    return for_each_item (interp, other, toggle_item, set, NULL);
  ReclaimValue otherset = set_copy_of (interp, other);
  if (otherset == LANG_ERROR)
    return -1;
  int r = for_each_item (interp, otherset, toggle_item, set, NULL);
  lang_decref (interp, otherset);
  return r;
}

ReclaimValue
lang_set_symmetric_difference (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other)
{
  ReclaimValue result = set_copy_of (interp, other);
  if (result == LANG_ERROR)
    return LANG_ERROR;
  return result_unless_failed (interp, result, symmetric_difference_update (interp, result, set));
}

/* s |= t, s -= t, s ^= t change s in place; s &= t gives s the table
 * of s & t (set_swap_bodies), its old items dropped first. */
ReclaimValue
lang_set_inplace (ReclaimInterp *interp, char op, ReclaimValue set, ReclaimValue other)
{
  int r = 0;
  if (op == '|')
    r = builtins_set_update (interp, set, other);
  else if (op == '-')
    r = difference_update (interp, set, other);
  else if (op == '^')
    r = symmetric_difference_update (interp, set, other);
  else
    {
      ReclaimValue common = lang_set_intersection (interp, set, other);
      if (common == LANG_ERROR)
        return LANG_ERROR;
      builtins_set_clear (interp, set);
      r = builtins_set_update (interp, set, common);
      lang_table_get (interp, set)->keys = lang_table_get (interp, common)->keys;
      lang_decref (interp, common);
    }
  return r < 0 ? LANG_ERROR : lang_ref (interp, set);
}

/* ---- set methods ---------------------------------------------------------------------- */

static ReclaimValue
set_add (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.add", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      lang_set_add (interp, self, args[0]) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
set_discard (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.discard", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      lang_set_discard (interp, self, args[0]) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
set_remove (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.remove", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  int r = lang_set_discard (interp, self, args[0]);
  if (r < 0)
    return LANG_ERROR;
  if (r == 0)
    return lang_raise_value (interp, "KeyError", args[0]);
  return scalar_none ();
}

static ReclaimValue
set_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.pop", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  /* CPython's order is that of its hash table; here it is the first item */
  ReclaimValue item;
  guint pos = 0;
  if (!table_next (interp, self, &pos, &item))
    return lang_raise (interp, "KeyError", "pop from an empty set");
  lang_incref (interp, item);
  lang_set_discard (interp, self, item);
  return item;
}

static ReclaimValue
set_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.clear", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  builtins_set_clear (interp, self);
  return scalar_none ();
}

static ReclaimValue
set_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.copy", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  return set_copy_of (interp, self);
}

static ReclaimValue
set_update (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.update", ARGS_METH_O, nargs, 0, G_MAXUINT, nkw, FALSE))
    return LANG_ERROR;
  for (guint i = 0; i < nargs; i++)
    if (builtins_set_update (interp, self, args[i]) < 0)
      return LANG_ERROR;
  return scalar_none ();
}

/* set.union(*others) and friends: each other in turn */
typedef ReclaimValue (*SetOp) (ReclaimInterp *interp, ReclaimValue set, ReclaimValue other);

static ReclaimValue
set_fold (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
          const char *name, SetOp op)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 0, G_MAXUINT, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    return set_copy_of (interp, self);
  ReclaimValue result = lang_ref (interp, self);
  for (guint i = 0; i < nargs && result != LANG_ERROR; i++)
    {
      ReclaimValue next = op (interp, result, args[i]);
      lang_decref (interp, result);
      result = next;
    }
  return result;
}

static ReclaimValue
set_union (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.union", ARGS_METH_O, nargs, 0, G_MAXUINT, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue result = set_copy_of (interp, self);
  for (guint i = 0; i < nargs && result != LANG_ERROR; i++)
    if (args[i] != self)
      result = result_unless_failed (interp, result, builtins_set_update (interp, result, args[i]));
  return result;
}

static ReclaimValue
set_intersection_method (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                         guint nkw, const char *const *kwnames)
{
  return set_fold (interp, self, nargs, args, nkw, "set.intersection", lang_set_intersection);
}

static ReclaimValue
set_difference_method (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.difference", ARGS_METH_O, nargs, 0, G_MAXUINT, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    return set_copy_of (interp, self);
  ReclaimValue result = lang_set_difference (interp, self, args[0]);
  for (guint i = 1; i < nargs && result != LANG_ERROR; i++)
    result = result_unless_failed (interp, result, difference_update (interp, result, args[i]));
  return result;
}

static ReclaimValue
set_symmetric_difference_method (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                 const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.symmetric_difference", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return lang_set_symmetric_difference (interp, self, args[0]);
}

static ReclaimValue
set_difference_update_method (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.difference_update", ARGS_METH_O, nargs, 0, G_MAXUINT, nkw, FALSE))
    return LANG_ERROR;
  for (guint i = 0; i < nargs; i++)
    if (difference_update (interp, self, args[i]) < 0)
      return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
set_intersection_update_method (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  ReclaimValue tmp = set_fold (interp, self, nargs, args, nkw, "set.intersection_update", lang_set_intersection);
  if (tmp == LANG_ERROR)
    return LANG_ERROR;
  /* set_swap_bodies: the set takes the result's table, the old items go with tmp */
  guint n;
  ReclaimValue item;
  GPtrArray *items = g_ptr_array_new ();
  for (guint pos = 0; table_next (interp, tmp, &pos, &item);)
    g_ptr_array_add (items, GUINT_TO_POINTER (lang_ref (interp, item)));
  builtins_set_clear (interp, tmp);
  n = reclaim_heap_n_slots (H (interp), self);
  for (guint i = 0; i < n; i++)
    {
      item = reclaim_heap_slot_get (H (interp), self, i);
      if (item != RECLAIM_VALUE_NONE)
        lang_set_add (interp, tmp, item);
    }
  builtins_set_clear (interp, self);
  for (guint i = 0; i < items->len; i++)
    {
      item = GPOINTER_TO_UINT (items->pdata[i]);
      lang_set_add (interp, self, item);
      lang_decref (interp, item);
    }
  g_ptr_array_unref (items);
  lang_decref (interp, tmp);
  return scalar_none ();
}

static ReclaimValue
set_symmetric_difference_update_method (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                        const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.symmetric_difference_update", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      symmetric_difference_update (interp, self, args[0]) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

/* all items of a in the set or dict b */
static int
all_in (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue item;
  for (guint pos = 0; table_next (interp, a, &pos, &item);)
    {
      int in = lang_set_contains (interp, b, item);
      if (in <= 0)
        return in;
    }
  return 1;
}

static ReclaimValue
set_issubset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.issubset", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue other = is_set (interp, args[0]) ? lang_ref (interp, args[0]) : set_copy_of (interp, args[0]);
  if (other == LANG_ERROR)
    return LANG_ERROR;
  int r = table_used (interp, self) > table_used (interp, other) ? 0 : all_in (interp, self, other);
  lang_decref (interp, other);
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

static int
require_member (ReclaimInterp *interp, ReclaimValue set, ReclaimValue item, gpointer data)
{
  int in = lang_set_contains (interp, set, item);
  if (in < 0)
    return -1;
  if (!in)
    *(gboolean *) data = FALSE;
  return in ? 0 : -2;
}

static ReclaimValue
set_issuperset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.issuperset", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue other = args[0];
  if (is_set (interp, other))
    {
      int r = table_used (interp, other) > table_used (interp, self) ? 0 : all_in (interp, other, self);
      return r < 0 ? LANG_ERROR : scalar_bool (r);
    }
  gboolean all = TRUE;
  ReclaimValue it = lang_iter (interp, other), item;
  if (it == LANG_ERROR)
    return LANG_ERROR;
  int r;
  while (all && (r = builtins_next (interp, it, &item)) == 1)
    {
      int status = require_member (interp, self, item, &all);
      lang_decref (interp, item);
      if (status == -1)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  if (all && r < 0)
    return LANG_ERROR;
  return scalar_bool (all);
}

static ReclaimValue
set_isdisjoint (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "set.isdisjoint", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue other = args[0], item;
  if (other == self)
    return scalar_bool (table_used (interp, self) == 0);
  if (is_set (interp, other))
    {
      ReclaimValue small = self, large = other;
      if (table_used (interp, other) < table_used (interp, self))
        {
          small = other;
          large = self;
        }
      for (guint pos = 0; table_next (interp, small, &pos, &item);)
        {
          int in = lang_set_contains (interp, large, item);
          if (in != 0)
            return in < 0 ? LANG_ERROR : scalar_bool (FALSE);
        }
      return scalar_bool (TRUE);
    }
  ReclaimValue it = lang_iter (interp, other);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  int r, in = 0;
  while (in == 0 && (r = builtins_next (interp, it, &item)) == 1)
    {
      in = lang_set_contains (interp, self, item);
      lang_decref (interp, item);
    }
  lang_decref (interp, it);
  if (in < 0 || (in == 0 && r < 0))
    return LANG_ERROR;
  return scalar_bool (in == 0);
}

const LangMethodDef builtins_set_methods[] = {
  { "add", set_add },
  { "discard", set_discard },
  { "remove", set_remove },
  { "pop", set_pop },
  { "clear", set_clear },
  { "copy", set_copy },
  { "update", set_update },
  { "union", set_union },
  { "intersection", set_intersection_method },
  { "difference", set_difference_method },
  { "symmetric_difference", set_symmetric_difference_method },
  { "difference_update", set_difference_update_method },
  { "intersection_update", set_intersection_update_method },
  { "symmetric_difference_update", set_symmetric_difference_update_method },
  { "issubset", set_issubset },
  { "issuperset", set_issuperset },
  { "isdisjoint", set_isdisjoint },
  { NULL }
};
