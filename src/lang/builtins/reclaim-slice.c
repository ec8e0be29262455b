/* reclaim-slice.c: slice objects (CPython's Objects/sliceobject.c).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slice is a heap object holding its start, stop and step (None when
 * not given), so an object used as a bound stays alive, and counts one
 * reference more, while a slice holds it.  `obj[a:b]` gives one to a
 * class's own __getitem__ (and __setitem__, __delitem__), as python3 3.11
 * builds one for every slice it subscripts with; lists, tuples, strs,
 * bytes and ranges take one as well as `seq[a:b]`.  Slices compare as the
 * tuple of their three values and, in 3.11, are unhashable.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

/* The slots in the order slice_dealloc drops them: step, start, stop. */
enum { SLICE_SLOT_STEP, SLICE_SLOT_START, SLICE_SLOT_STOP, N_SLICE_SLOTS };

static const char *const slice_slot_names[] = { "step", "start", "stop" };

gboolean
lang_is_slice (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (lang_heap (interp), v) == RECLAIM_KIND_OBJECT &&
         reclaim_heap_get_class (lang_heap (interp), v) == 0 &&
         g_strcmp0 (reclaim_heap_get_label (lang_heap (interp), v), "slice") == 0;
}

ReclaimValue
lang_slice_new (ReclaimInterp *interp, ReclaimValue start, ReclaimValue stop, ReclaimValue step)
{
  ReclaimHeap *h = lang_heap (interp);
  ReclaimValue values[] = { [SLICE_SLOT_START] = start, [SLICE_SLOT_STOP] = stop, [SLICE_SLOT_STEP] = step };
  ReclaimId slice = reclaim_heap_alloc (h, RECLAIM_KIND_OBJECT, 0, "slice", 0);
  for (guint i = 0; i < N_SLICE_SLOTS; i++)
    reclaim_heap_slot_append (h, slice, RECLAIM_ROLE_OTHER, slice_slot_names[i],
                              lang_ref (interp, values[i] ? values[i] : scalar_none ()));
  return slice;
}

void
lang_slice_parts (ReclaimInterp *interp, ReclaimValue slice, ReclaimValue parts[3])
{
  ReclaimHeap *h = lang_heap (interp);
  parts[0] = reclaim_heap_slot_get (h, slice, SLICE_SLOT_START);
  parts[1] = reclaim_heap_slot_get (h, slice, SLICE_SLOT_STOP);
  parts[2] = reclaim_heap_slot_get (h, slice, SLICE_SLOT_STEP);
}

/* slice(stop), slice(start, stop[, step]) */
static ReclaimValue
slice_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "slice() takes no keyword arguments");
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "slice expected at least 1 argument, got 0");
  if (nargs > 3)
    return lang_raise (interp, "TypeError", "slice expected at most 3 arguments, got %u", nargs);
  if (nargs == 1)
    return lang_slice_new (interp, 0, args[0], 0);
  return lang_slice_new (interp, args[0], args[1], nargs == 3 ? args[2] : 0);
}

/* the read-only members start, stop and step */
static ReclaimValue
slice_getset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  const char *name = scalar_get_str (args[0], NULL);
  for (guint i = 0; i < N_SLICE_SLOTS; i++)
    if (strcmp (name, slice_slot_names[i]) == 0)
      {
        if (nargs == 2)
          return lang_raise (interp, "AttributeError", "readonly attribute");
        return lang_ref (interp, reclaim_heap_slot_get (lang_heap (interp), self, i));
      }
  return 0;
}

/* "slice(1, None, None)" */
static ReclaimValue
slice_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  GString *out = g_string_new ("slice(");
  ReclaimValue parts[N_SLICE_SLOTS];
  lang_slice_parts (interp, self, parts);
  for (guint i = 0; i < N_SLICE_SLOTS; i++)
    {
      char *part = lang_repr (interp, parts[i]);
      if (part == NULL)
        {
          g_string_free (out, TRUE);
          return LANG_ERROR;
        }
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", part);
      g_free (part);
    }
  g_string_append_c (out, ')');
  return builtins_str_take (g_string_free (out, FALSE));
}

/* slice_richcompare: the tuples (start, stop, step) of two slices, made
 * for the comparison as CPython makes them; NotImplemented otherwise. */
static ReclaimValue
slice_compare (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other, gboolean less)
{
  if (!lang_is_slice (interp, other))
    return lang_ref (interp, eval_state (interp)->not_implemented);
  ReclaimValue tuples[2];
  for (guint k = 0; k < 2; k++)
    {
      ReclaimValue items[N_SLICE_SLOTS];
      lang_slice_parts (interp, k == 0 ? self : other, items);
      for (guint i = 0; i < N_SLICE_SLOTS; i++)
        lang_incref (interp, items[i]);
      tuples[k] = lang_tuple_new (interp, N_SLICE_SLOTS, items);
    }
  int r = less ? lang_less (interp, tuples[0], tuples[1]) : lang_equal (interp, tuples[0], tuples[1]);
  lang_decref (interp, tuples[0]);
  lang_decref (interp, tuples[1]);
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

static ReclaimValue
slice_eq (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  return slice_compare (interp, self, args[0], FALSE);
}

static ReclaimValue
slice_lt (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  return slice_compare (interp, self, args[0], TRUE);
}

/* slice.indices(length): (start, stop, step) fitted to a sequence of that
 * length, as the slice would pick its items */
static ReclaimValue
slice_indices (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  gint64 length;
  if (!builtins_check (interp, "slice.indices", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      !builtins_index (interp, args[0], &length))
    return LANG_ERROR;
  if (length < 0)
    return lang_raise (interp, "ValueError", "length should not be negative");
  ReclaimValue parts[N_SLICE_SLOTS];
  BuiltinsSliceRange r;
  lang_slice_parts (interp, self, parts);
  if (!builtins_slice_adjust (interp, parts[0], parts[1], parts[2], length, &r))
    return LANG_ERROR;
  ReclaimValue items[] = { scalar_int (r.start), scalar_int (r.stop), scalar_int (r.step) };
  return lang_tuple_new (interp, 3, items);
}

/* ---- assigning to a slice of a list --------------------------------------- */

/* The items to assign, as PySequence_Fast gives them (a list or tuple as
 * it is, anything else iterated into a new list); a[i:j] = a copies a
 * first.  0 with TypeError `message` for what cannot be iterated. */
static ReclaimValue
items_to_assign (ReclaimInterp *interp, ReclaimValue list, ReclaimValue v, const char *message)
{
  if (v == list)
    return lang_slice_get (interp, list, scalar_none (), scalar_none (), scalar_none ());
  if (builtins_is_kind (interp, v, RECLAIM_KIND_LIST) || builtins_is_kind (interp, v, RECLAIM_KIND_TUPLE))
    return lang_ref (interp, v);
  ReclaimValue seq = builtins_sequence_list (interp, v);
  if (seq == LANG_ERROR && lang_error_matches (interp, "TypeError"))
    {
      lang_error_clear (interp);
      lang_raise (interp, "TypeError", "%s", message);
    }
  return seq;
}

/* list_ass_slice: the old items leave, the new ones come in, and only then
 * are the old ones dropped, last to first; a list left empty is cleared
 * as list.clear() does. */
static int
assign_simple_slice (ReclaimInterp *interp, ReclaimValue list, gint64 low, gint64 high, ReclaimValue seq)
{
  ReclaimHeap *h = lang_heap (interp);
  guint len = lang_seq_length (interp, list), n = lang_seq_length (interp, seq);
  if (high < low)
    high = low;
  if ((gint64) len - (high - low) + n == 0)
    {
      reclaim_heap_clear (h, list);
      return 0;
    }
  if (n > high - low && !lang_memory_reserve (interp, n - (high - low), LANG_SLOT_BYTE_COST))
    return -1;
  guint32 capacity = reclaim_heap_get_capacity (h, list);
  g_autofree ReclaimValue *recycle = g_new (ReclaimValue, high - low + 1);
  for (gint64 k = 0; k < high - low; k++)
    recycle[k] = reclaim_heap_slot_take (h, list, (guint) low);
  for (guint k = 0; k < n; k++)
    reclaim_heap_slot_insert (h, list, (guint) low + k, RECLAIM_ROLE_ITEM, NULL,
                              lang_ref (interp, lang_seq_item (interp, seq, k)));
  /* the items moved one by one above; CPython resizes once, to the new
   * length, and only when the length changes */
  if ((gint64) n != high - low)
    capacity = reclaim_list_resize (capacity, len, (guint32) ((gint64) len - (high - low) + n));
  reclaim_heap_set_capacity (h, list, capacity);
  for (gint64 k = high - low; k-- > 0;)
    lang_decref (interp, recycle[k]);
  return 0;
}

/* list_ass_subscript with a step: as many items as the slice picks, each
 * put in place; the old ones dropped afterwards, first to last. */
static int
assign_extended_slice (ReclaimInterp *interp, ReclaimValue list, const BuiltinsSliceRange *r, ReclaimValue seq)
{
  ReclaimHeap *h = lang_heap (interp);
  guint n = lang_seq_length (interp, seq);
  if (n != r->length)
    {
      lang_raise (interp, "ValueError", "attempt to assign sequence of size %u to extended slice of size %"
                  G_GINT64_FORMAT, n, r->length);
      return -1;
    }
  g_autofree ReclaimValue *garbage = g_new (ReclaimValue, n + 1);
  for (guint k = 0; k < n; k++)
    {
      guint at = (guint) (r->start + k * r->step);
      garbage[k] = reclaim_heap_slot_take (h, list, at);
      reclaim_heap_slot_insert (h, list, at, RECLAIM_ROLE_ITEM, NULL, lang_ref (interp, lang_seq_item (interp, seq, k)));
    }
  for (guint k = 0; k < n; k++)
    lang_decref (interp, garbage[k]);
  return 0;
}

int
lang_slice_store (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start, ReclaimValue stop,
                  ReclaimValue step, ReclaimValue v)
{
  if (!builtins_list_sliced_by_parts (interp, list, "__setitem__"))
    {
      if (!builtins_has_item_method (interp, list, "__setitem__"))
        {
          lang_raise (interp, "TypeError", "'%s' object does not support item assignment",
                      lang_type_name (interp, list));
          return -1;
        }
      ReclaimValue slice = lang_slice_new (interp, start, stop, step);
      int r = lang_store_subscript (interp, list, slice, v);
      lang_decref (interp, slice);
      return r;
    }
  return builtins_list_store_slice (interp, list, start, stop, step, v);
}

int
builtins_list_store_slice (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start, ReclaimValue stop,
                           ReclaimValue step, ReclaimValue v)
{
  BuiltinsSliceRange r;
  if (!builtins_slice_adjust (interp, start, stop, step, lang_seq_length (interp, list), &r))
    return -1;
  gboolean simple = r.step == 1;
  ReclaimValue seq = items_to_assign (interp, list, v, simple ? "can only assign an iterable"
                                                              : "must assign iterable to extended slice");
  if (seq == LANG_ERROR)
    return -1;
  int result = 0;
  if (simple)
    result = assign_simple_slice (interp, list, r.start, r.stop, seq);
  else
    result = assign_extended_slice (interp, list, &r, seq);
  lang_decref (interp, seq);
  return result;
}

static const LangMethodDef slice_methods[] = {
  { "indices", slice_indices },
  { "__repr__", slice_repr },
  { "__eq__", slice_eq },
  { "__lt__", slice_lt },
  { LANG_TYPE_GETSET, slice_getset },
  { NULL }
};

void
builtins_slice_init (ReclaimInterp *interp)
{
  lang_builtin_type_new (interp, "slice", lang_builtin_class (interp, "object"), RECLAIM_KIND_OBJECT,
                         slice_construct, slice_methods, TRUE);
}
