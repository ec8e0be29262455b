/* reclaim-builtins-methods.c: the methods of list and tuple, list.sort,
 * slices, and what list(), sorted() and str.join() share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refcounts move as in CPython's listobject.c: an item leaving a list is
 * taken out first and dropped after (so a __del__ it triggers sees the
 * list already changed), and items going in steal a new reference.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-weakproxy.h"
#include "reclaim-sizeof.h"

#include <string.h>

#define H(interp) ((interp)->heap)

static ReclaimValue
none (void)
{
  return scalar_none ();
}

/* PyObject_RichCompareBool(a, b, Py_EQ): identity first. */
static int
same_or_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  return a == b ? 1 : lang_equal (interp, a, b);
}

/* ---- filling lists ---------------------------------------------------------------- */

static int
extend_items (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable)
{
  if (iterable == list || builtins_is_kind (interp, iterable, RECLAIM_KIND_LIST) ||
      builtins_is_kind (interp, iterable, RECLAIM_KIND_TUPLE))
    {
      guint n = lang_seq_length (interp, iterable);
      if (!lang_memory_reserve (interp, n, LANG_SLOT_BYTE_COST))
        return -1;
      for (guint i = 0; i < n; i++)
        lang_list_append (interp, list, lang_ref (interp, lang_seq_item (interp, iterable, i)));
      return 0;
    }
  ReclaimValue it = lang_iter (interp, iterable), item;
  if (it == LANG_ERROR)
    return -1;
  if (builtins_length_hint (interp, iterable) < 0)
    {
      lang_decref (interp, it);
      return -1;
    }
  int r;
  while ((r = builtins_next (interp, it, &item)) == 1)
    {
      if (!lang_memory_reserve (interp, 1, LANG_SLOT_BYTE_COST))
        {
          lang_decref (interp, item);
          r = -1;
          break;
        }
      lang_list_append (interp, list, item);
    }
  lang_decref (interp, it);
  return r;
}

int
builtins_list_extend (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable)
{
  LangListExtend e;
  lang_list_extend_begin (interp, list, iterable, &e);
  int r = extend_items (interp, list, iterable);
  lang_list_extend_end (interp, list, &e, r == 0);
  return r;
}

ReclaimValue
builtins_sequence_list (ReclaimInterp *interp, ReclaimValue iterable)
{
  ReclaimValue list = lang_list_new (interp);
  reclaim_heap_set_capacity (H (interp), list, RECLAIM_CAPACITY_NO_ITEMS);   /* PyList_New(0) */
  if (builtins_list_extend (interp, list, iterable) < 0)
    {
      lang_decref (interp, list);
      return LANG_ERROR;
    }
  return list;
}

/* ---- list methods ------------------------------------------------------------------- */

static ReclaimValue
list_append (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.append", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  lang_list_append (interp, self, lang_ref (interp, args[0]));
  return none ();
}

static ReclaimValue
list_extend (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.extend", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return builtins_list_extend (interp, self, args[0]) < 0 ? LANG_ERROR : none ();
}

static ReclaimValue
list_insert (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  gint64 i;
  if (!builtins_check (interp, "list.insert", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE) ||
      !builtins_index (interp, args[0], &i))
    return LANG_ERROR;
  gint64 n = lang_seq_length (interp, self);
  if (i < 0)
    i = MAX (0, i + n);
  i = MIN (i, n);
  reclaim_heap_slot_insert (H (interp), self, (guint) i, RECLAIM_ROLE_ITEM, NULL, lang_ref (interp, args[1]));
  return none ();
}

static ReclaimValue
list_pop (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  gint64 i = -1;
  if (!builtins_check (interp, "list.pop", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE) ||
      (nargs == 1 && !builtins_index (interp, args[0], &i)))
    return LANG_ERROR;
  gint64 n = lang_seq_length (interp, self);
  if (n == 0)
    return lang_raise (interp, "IndexError", "pop from empty list");
  if (i < 0)
    i += n;
  if (i < 0 || i >= n)
    return lang_raise (interp, "IndexError", "pop index out of range");
  return reclaim_heap_slot_take (H (interp), self, (guint) i);
}

static ReclaimValue
list_remove (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.remove", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  /* the length is read again each time: __eq__ may change the list */
  for (guint i = 0; i < lang_seq_length (interp, self); i++)
    {
      ReclaimValue item = lang_ref (interp, lang_seq_item (interp, self, i));
      int cmp = same_or_equal (interp, item, args[0]);
      lang_decref (interp, item);
      if (cmp < 0)
        return LANG_ERROR;
      if (cmp > 0)
        {
          ReclaimValue removed = reclaim_heap_slot_take (H (interp), self, i);
          lang_list_emptied_by_slice (interp, self);
          lang_decref (interp, removed);
          return none ();
        }
    }
  return lang_raise (interp, "ValueError", "list.remove(x): x not in list");
}

/* start and stop of index(): ints (None is refused), counted from the end when negative */
static gboolean
search_bounds (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, gint64 n, gint64 *start, gint64 *stop)
{
  *start = 0;
  *stop = n;
  for (guint k = 1; k < nargs && k < 3; k++)
    {
      gint64 *out = k == 1 ? start : stop;
      if (!builtins_is_int (args[k]) && !builtins_user_method (interp, args[k], "__index__"))
        {
          lang_raise (interp, "TypeError", "slice indices must be integers or have an __index__ method");
          return FALSE;
        }
      if (!builtins_index (interp, args[k], out))
        return FALSE;
      if (*out < 0)
        *out = MAX (0, *out + n);
    }
  return TRUE;
}

static ReclaimValue
sequence_index (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
                gboolean is_list)
{
  gint64 start, stop;
  if (!builtins_check (interp, is_list ? "list.index" : "tuple.index", ARGS_CLINIC, nargs, 1, 3, nkw, FALSE) ||
      !search_bounds (interp, nargs, args, lang_seq_length (interp, self), &start, &stop))
    return LANG_ERROR;
  for (gint64 i = start; i < stop && i < lang_seq_length (interp, self); i++)
    {
      int cmp = same_or_equal (interp, lang_seq_item (interp, self, i), args[0]);
      if (cmp < 0)
        return LANG_ERROR;
      if (cmp > 0)
        return scalar_int (i);
    }
  if (!is_list)
    return lang_raise (interp, "ValueError", "tuple.index(x): x not in tuple");
  g_autofree char *repr = lang_repr (interp, args[0]);
  if (repr == NULL)
    return LANG_ERROR;
  return lang_raise (interp, "ValueError", "%s is not in list", repr);
}

static ReclaimValue
sequence_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
                const char *name)
{
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  gint64 count = 0;
  for (guint i = 0; i < lang_seq_length (interp, self); i++)
    {
      int cmp = same_or_equal (interp, lang_seq_item (interp, self, i), args[0]);
      if (cmp < 0)
        return LANG_ERROR;
      count += cmp;
    }
  return scalar_int (count);
}

static ReclaimValue
list_index (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return sequence_index (interp, self, nargs, args, nkw, TRUE);
}

static ReclaimValue
list_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return sequence_count (interp, self, nargs, args, nkw, "list.count");
}

static ReclaimValue
list_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.clear", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  reclaim_heap_clear (H (interp), self);
  return none ();
}

static ReclaimValue
list_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.copy", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue copy = lang_list_new (interp);
  builtins_list_extend (interp, copy, self);
  guint n = lang_seq_length (interp, copy);
  reclaim_heap_set_capacity (H (interp), copy, n ? n : RECLAIM_CAPACITY_NO_ITEMS);   /* list_slice: exact */
  return copy;
}

/* The items leave the list and come back in the new order: CPython moves
 * pointers, no reference count changes. */
static ReclaimValue *
take_all (ReclaimInterp *interp, ReclaimValue list, guint *n)
{
  *n = lang_seq_length (interp, list);
  ReclaimValue *items = g_new (ReclaimValue, *n + 1);
  for (guint i = *n; i-- > 0;)
    items[i] = reclaim_heap_slot_take (H (interp), list, i);
  return items;
}

static void
put_all (ReclaimInterp *interp, ReclaimValue list, ReclaimValue *items, guint n)
{
  for (guint i = 0; i < n; i++)
    lang_list_append (interp, list, items[i]);
}

static void
reverse_values (ReclaimValue *v, guint n)
{
  for (guint i = 0, j = n; i + 1 < j; i++, j--)
    {
      ReclaimValue t = v[i];
      v[i] = v[j - 1];
      v[j - 1] = t;
    }
}

static ReclaimValue
list_reverse (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "list.reverse", ARGS_METH_O, nargs, 0, 0, nkw, FALSE))
    return LANG_ERROR;
  guint n;
  guint32 capacity = reclaim_heap_get_capacity (H (interp), self);
  ReclaimValue *items = take_all (interp, self, &n);
  reverse_values (items, n);
  put_all (interp, self, items, n);
  reclaim_heap_set_capacity (H (interp), self, capacity);   /* done in place */
  g_free (items);
  return none ();
}

/* ---- list.sort ---------------------------------------------------------------------- */

/* listsort_impl: the list is empty while it sorts; keys are computed
 * first, dropped after the sort in their sorted order. */
int
builtins_list_sort (ReclaimInterp *interp, ReclaimValue list, ReclaimValue key, gboolean reverse)
{
  guint n;
  guint32 capacity = reclaim_heap_get_capacity (H (interp), list);
  ReclaimValue *values = take_all (interp, list, &n), *keys = values;
  gboolean failed = FALSE;

  if (key && scalar_type (key) == SCALAR_NONE)
    key = 0;
  if (key)
    {
      keys = g_new (ReclaimValue, n + 1);
      for (guint i = 0; i < n && !failed; i++)
        {
          keys[i] = lang_call (interp, key, 1, &values[i], 0, NULL);
          if (keys[i] == LANG_ERROR)
            {
              for (guint k = i; k-- > 0;)
                lang_decref (interp, keys[k]);
              failed = TRUE;
              reverse = FALSE;
            }
        }
    }
  if (!failed)
    {
      if (reverse)
        {
          if (keys != values)
            reverse_values (keys, n);
          reverse_values (values, n);
        }
      failed = builtins_timsort (interp, keys, keys != values ? values : NULL, n) < 0;
      if (keys != values)
        for (guint i = 0; i < n; i++)
          lang_decref (interp, keys[i]);
    }

  /* items a key function or __lt__ added meanwhile are thrown away */
  guint extra_n;
  ReclaimValue *extra = take_all (interp, list, &extra_n);
  if (extra_n > 0 && !failed)
    {
      lang_raise (interp, "ValueError", "list modified during sort");
      failed = TRUE;
    }
  if (reverse && n > 1)
    reverse_values (values, n);
  put_all (interp, list, values, n);
  reclaim_heap_set_capacity (H (interp), list, capacity);   /* the sorted items go back where they were */
  for (guint i = extra_n; i-- > 0;)
    lang_decref (interp, extra[i]);
  g_free (extra);
  if (keys != values)
    g_free (keys);
  g_free (values);
  return failed ? -1 : 0;
}

static ReclaimValue
list_sort (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "key", "reverse", NULL };
  if (nargs > 0)
    return lang_raise (interp, "TypeError", "sort() takes no positional arguments");
  if (!builtins_only_keywords (interp, "sort", nkw, kwnames, allowed))
    return LANG_ERROR;
  ReclaimValue reverse = lang_kwarg (nargs, args, nkw, kwnames, "reverse");
  gint64 rev = 0;
  if (reverse && !builtins_index (interp, reverse, &rev))
    return LANG_ERROR;
  if (builtins_list_sort (interp, self, lang_kwarg (nargs, args, nkw, kwnames, "key"), rev != 0) < 0)
    return LANG_ERROR;
  return none ();
}

const LangMethodDef builtins_list_methods[] = {
  { "append", list_append },
  { "extend", list_extend },
  { "insert", list_insert },
  { "pop", list_pop },
  { "remove", list_remove },
  { "index", list_index },
  { "count", list_count },
  { "clear", list_clear },
  { "copy", list_copy },
  { "reverse", list_reverse },
  { "sort", list_sort },
  { NULL }
};

/* ---- tuple methods ------------------------------------------------------------------ */

static ReclaimValue
tuple_index (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return sequence_index (interp, self, nargs, args, nkw, FALSE);
}

static ReclaimValue
tuple_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return sequence_count (interp, self, nargs, args, nkw, "tuple.count");
}

const LangMethodDef builtins_tuple_methods[] = {
  { "index", tuple_index },
  { "count", tuple_count },
  { NULL }
};

/* ---- slices ------------------------------------------------------------------------- */

typedef BuiltinsSliceRange SliceRange;

gboolean
builtins_slice_adjust (ReclaimInterp *interp, ReclaimValue start, ReclaimValue stop, ReclaimValue step, gint64 len,
                       SliceRange *out)
{
  out->step = 1;
  if (scalar_type (step) != SCALAR_NONE)
    {
      if (!builtins_slice_index (interp, step, &out->step))
        return FALSE;
      if (out->step == 0)
        {
          lang_raise (interp, "ValueError", "slice step cannot be zero");
          return FALSE;
        }
    }
  gboolean back = out->step < 0;
  out->start = back ? G_MAXINT64 : 0;
  out->stop = back ? G_MININT64 : G_MAXINT64;
  if (scalar_type (start) != SCALAR_NONE && !builtins_slice_index (interp, start, &out->start))
    return FALSE;
  if (scalar_type (stop) != SCALAR_NONE && !builtins_slice_index (interp, stop, &out->stop))
    return FALSE;

  gint64 *ends[] = { &out->start, &out->stop };
  for (int k = 0; k < 2; k++)
    {
      gint64 *e = ends[k];
      if (*e < 0)
        {
          *e = *e == G_MININT64 ? -1 : *e + len;
          if (*e < 0)
            *e = back ? -1 : 0;
        }
      else if (*e >= len)
        *e = back ? len - 1 : len;
    }
  out->length = 0;
  if (back && out->stop < out->start)
    out->length = (out->start - out->stop - 1) / -out->step + 1;
  else if (!back && out->start < out->stop)
    out->length = (out->stop - out->start - 1) / out->step + 1;
  return TRUE;
}

static ReclaimValue
slice_str (ReclaimValue s, const SliceRange *r)
{
  glong n;
  gunichar *chars = builtins_str_ucs4 (s, &n);
  if (r->step == 1 && r->length == n)
    {
      g_free (chars);
      return s;
    }
  gunichar *picked = g_new (gunichar, r->length + 1);
  for (gint64 i = 0; i < r->length; i++)
    picked[i] = chars[r->start + i * r->step];
  glong out_len;
  char *utf8 = g_ucs4_to_utf8 (picked, r->length, NULL, &out_len, NULL);
  ReclaimValue v = scalar_str (utf8 ? utf8 : "", utf8 ? out_len : 0);
  g_free (utf8);
  g_free (picked);
  g_free (chars);
  return v;
}

static ReclaimValue
slice_range (ReclaimInterp *interp, ReclaimValue range, const SliceRange *r)
{
  ReclaimHeap *h = H (interp);
  gint64 start = scalar_get_int (reclaim_heap_slot_get (h, range, 0));
  gint64 step = scalar_get_int (reclaim_heap_slot_get (h, range, 2));
  gint64 values[] = { start + r->start * step, start + r->stop * step, step * r->step };
  ReclaimId sub = reclaim_heap_alloc (h, RECLAIM_KIND_PLAIN, 0, "range", 0);
  const char *labels[] = { "start", "stop", "step" };
  for (guint i = 0; i < 3; i++)
    reclaim_heap_slot_append (h, sub, RECLAIM_ROLE_OTHER, labels[i], scalar_int (values[i]));
  return sub;
}

/* A user class's method, a module type's slot, or a weak proxy's
 * referent's: what takes a slice object as its key. */
gboolean
builtins_has_item_method (ReclaimInterp *interp, ReclaimValue container, const char *dunder)
{
  /* a list's own slots (reclaim-container-subclass.c) slice as lists do */
  gboolean list = reclaim_value_is_object (container) &&
                  reclaim_heap_get_kind (H (interp), container) == RECLAIM_KIND_LIST;
  return builtins_user_method (interp, container, dunder) || lang_is_proxy (interp, container) ||
         (!list && lang_type_slot (interp, container, dunder));
}

/* A list (of any class) that takes its slices as lists do. */
gboolean
builtins_list_sliced_by_parts (ReclaimInterp *interp, ReclaimValue v, const char *dunder)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (H (interp), v) == RECLAIM_KIND_LIST &&
         !builtins_has_item_method (interp, v, dunder);
}

/* container[slice(start, stop, step)] for anything but the builtin
 * sequences: the slice lives while the subscript runs. */
static ReclaimValue
slice_by_subscript (ReclaimInterp *interp, ReclaimValue container, ReclaimValue start, ReclaimValue stop,
                    ReclaimValue step)
{
  if (!builtins_has_item_method (interp, container, "__getitem__"))
    return lang_raise (interp, "TypeError", "'%s' object is not subscriptable", lang_type_name (interp, container));
  ReclaimValue slice = lang_slice_new (interp, start, stop, step);
  ReclaimValue r = lang_subscript (interp, container, slice);
  lang_decref (interp, slice);
  return r;
}

/* The items a slice picks from a list or tuple, in a new list or tuple. */
static ReclaimValue
copy_slice (ReclaimInterp *interp, ReclaimValue seq, const SliceRange *r, gboolean tuple)
{
  g_autofree ReclaimValue *items = g_new (ReclaimValue, r->length + 1);
  for (gint64 i = 0; i < r->length; i++)
    items[i] = lang_ref (interp, lang_seq_item (interp, seq, r->start + i * r->step));
  if (tuple)
    return lang_tuple_new (interp, r->length, items);
  ReclaimValue list = lang_list_new (interp);
  put_all (interp, list, items, r->length);
  /* list_new_prealloc: room for exactly the items */
  reclaim_heap_set_capacity (H (interp), list, r->length ? (guint32) r->length : RECLAIM_CAPACITY_NO_ITEMS);
  return list;
}

ReclaimValue
lang_slice_get (ReclaimInterp *interp, ReclaimValue seq, ReclaimValue start, ReclaimValue stop, ReclaimValue step)
{
  SliceRange r;
  /* a class based on list slices as a list unless it has a __getitem__ of
   * its own, which would be given a slice object */
  gboolean is_list = builtins_is_kind (interp, seq, RECLAIM_KIND_LIST) ||
                     (lang_is_container_instance (interp, seq) && !builtins_user_method (interp, seq, "__getitem__") &&
                      reclaim_heap_get_kind (H (interp), seq) == RECLAIM_KIND_LIST);
  /* a named tuple slices to a plain tuple */
  gboolean is_tuple = reclaim_value_is_object (seq) && reclaim_heap_get_kind (H (interp), seq) == RECLAIM_KIND_TUPLE &&
                      lang_class_of (interp, seq)->builtin;
  gboolean is_range = reclaim_value_is_object (seq) && reclaim_heap_get_class (H (interp), seq) == 0 &&
                      g_strcmp0 (reclaim_heap_get_label (H (interp), seq), "range") == 0;

  if (builtins_is_str (seq))
    {
      if (!builtins_slice_adjust (interp, start, stop, step, builtins_str_len (seq), &r))
        return LANG_ERROR;
      return slice_str (seq, &r);
    }
  if (scalar_type (seq) == SCALAR_BYTES)
    {
      gsize len;
      const guint8 *data = scalar_get_bytes (seq, &len);
      if (!builtins_slice_adjust (interp, start, stop, step, len, &r))
        return LANG_ERROR;
      g_autofree guint8 *part = g_malloc (r.length + 1);
      for (gint64 i = 0; i < r.length; i++)
        part[i] = data[r.start + i * r.step];
      return scalar_bytes (part, r.length);
    }
  if (!is_list && !is_tuple && !is_range)
    return slice_by_subscript (interp, seq, start, stop, step);
  gint64 len = is_range ? lang_length (interp, seq) : lang_seq_length (interp, seq);
  if (!builtins_slice_adjust (interp, start, stop, step, len, &r))
    return LANG_ERROR;
  if (is_range)
    return slice_range (interp, seq, &r);
  if (is_tuple && r.step == 1 && r.length == len && builtins_is_kind (interp, seq, RECLAIM_KIND_TUPLE))
    return lang_ref (interp, seq);
  return copy_slice (interp, seq, &r, is_tuple);
}

ReclaimValue
builtins_list_get_slice (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start, ReclaimValue stop,
                         ReclaimValue step)
{
  SliceRange r;
  if (!builtins_slice_adjust (interp, start, stop, step, lang_seq_length (interp, list), &r))
    return LANG_ERROR;
  return copy_slice (interp, list, &r, FALSE);
}

/* del lst[a:b:c]: the items leave the list first, then are dropped;
 * list_ass_slice drops them last to first, the extended-slice path first
 * to last (both as python3 3.11 does). */
int
lang_slice_delete (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start, ReclaimValue stop,
                   ReclaimValue step)
{
  if (!builtins_list_sliced_by_parts (interp, list, "__delitem__"))
    {
      if (!builtins_has_item_method (interp, list, "__delitem__"))
        {
          lang_raise (interp, "TypeError", "'%s' object does not support item deletion",
                      lang_type_name (interp, list));
          return -1;
        }
      ReclaimValue slice = lang_slice_new (interp, start, stop, step);
      int r = lang_delete_subscript (interp, list, slice);
      lang_decref (interp, slice);
      return r;
    }
  return builtins_list_delete_slice (interp, list, start, stop, step);
}

int
builtins_list_delete_slice (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start, ReclaimValue stop,
                            ReclaimValue step)
{
  SliceRange r;
  gint64 len = lang_seq_length (interp, list);
  if (!builtins_slice_adjust (interp, start, stop, step, len, &r))
    return -1;
  if (r.length <= 0)
    {
      if (r.step == 1)
        lang_list_emptied_by_slice (interp, list);   /* list_ass_slice on an empty list clears it */
      return 0;
    }
  if (r.step == 1 && r.length == len)
    {
      reclaim_heap_clear (H (interp), list);   /* _list_clear */
      return 0;
    }
  gint64 first = r.start, stride = r.step;
  if (stride < 0)
    {
      first = r.start + r.step * (r.length - 1);
      stride = -stride;
    }
  g_autofree ReclaimValue *garbage = g_new (ReclaimValue, r.length);
  guint32 capacity = reclaim_heap_get_capacity (H (interp), list);
  for (gint64 k = 0; k < r.length; k++)
    garbage[k] = reclaim_heap_slot_take (H (interp), list, (guint) (first + k * stride - k));
  /* one list_resize for the whole slice */
  reclaim_heap_set_capacity (H (interp), list, reclaim_list_resize (capacity, len, len - r.length));
  if (r.step == 1)
    for (gint64 k = r.length; k-- > 0;)
      lang_decref (interp, garbage[k]);
  else
    for (gint64 k = 0; k < r.length; k++)
      lang_decref (interp, garbage[k]);
  return 0;
}
