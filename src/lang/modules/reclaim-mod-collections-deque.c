/* reclaim-mod-collections-deque.c: collections.deque.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deque is a heap object of its own kind (RECLAIM_KIND_DEQUE) whose
 * slots are its items, left to right: CPython keeps them in linked blocks
 * of its own, not in a list, and frees them left to right when the deque
 * dies (a list frees its items right to left).  maxlen and the count of
 * changes its iterators check (deque->state) are numbers beside it, in its
 * LangTable.  An item pushed out by maxlen is dropped at once, as
 * deque_append_internal drops it.
 *
 * insert, reversed(), the operators and the ordering comparisons are in
 * reclaim-mod-collections-deque-ops.c.  Slicing is refused, by CPython too.
 */
#include "reclaim-modules-private.h"
#include "reclaim-sizeof.h"
#include "reclaim-eval-private.h"
#include "reclaim-mod-collections-private.h"

#include <string.h>

#define H(interp) ((interp)->heap)

gboolean
collections_is_deque (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (H (interp), v) == RECLAIM_KIND_DEQUE;
}

static guint
deque_len (ReclaimInterp *interp, ReclaimValue d)
{
  return reclaim_heap_n_slots (H (interp), d);
}

static LangTable *
deque_info (ReclaimInterp *interp, ReclaimValue d)
{
  return lang_table_get (interp, d);
}

/* The deque a method was called on (bound, or deque.append(d, x)). */
static gboolean
deque_self (ReclaimInterp *interp, const char *method, ReclaimValue *self, guint *nargs,
            const ReclaimValue **args)
{
  return collections_self (interp, "collections.deque", method, self, nargs, args);
}

/* METH_NOARGS / METH_O: "deque.pop() takes no arguments (1 given)" */
static gboolean
deque_args (ReclaimInterp *interp, const char *method, guint nargs, guint nkw, guint want)
{
  if (nkw > 0)
    {
      lang_raise (interp, "TypeError", "deque.%s() takes no keyword arguments", method);
      return FALSE;
    }
  if (nargs == want)
    return TRUE;
  if (want == 0)
    lang_raise (interp, "TypeError", "deque.%s() takes no arguments (%u given)", method, nargs);
  else
    lang_raise (interp, "TypeError", "deque.%s() takes exactly one argument (%u given)", method, nargs);
  return FALSE;
}

#define DEQUE_METHOD(fname, method, want)                                                        \
  static ReclaimValue fname##_body (ReclaimInterp *interp, ReclaimValue self, const ReclaimValue *args); \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!deque_self (interp, method, &self, &nargs, &args) ||                                    \
        !deque_args (interp, method, nargs, nkw, want))                                          \
      return LANG_ERROR;                                                                         \
    return fname##_body (interp, self, args);                                                    \
  }                                                                                              \
  static ReclaimValue                                                                            \
  fname##_body (ReclaimInterp *interp, ReclaimValue self, const ReclaimValue *args)

/* ---- the items ---------------------------------------------------------------- */

static ReclaimValue
take_left (ReclaimInterp *interp, ReclaimValue d)
{
  deque_info (interp, d)->state++;
  ReclaimValue item = reclaim_heap_slot_take (H (interp), d, 0);
  lang_deque_taken (deque_info (interp, d), TRUE, deque_len (interp, d));
  return item;
}

static ReclaimValue
take_right (ReclaimInterp *interp, ReclaimValue d)
{
  deque_info (interp, d)->state++;
  ReclaimValue item = reclaim_heap_slot_take (H (interp), d, deque_len (interp, d) - 1);
  lang_deque_taken (deque_info (interp, d), FALSE, deque_len (interp, d));
  return item;
}

/* deque_append_internal: the item goes in, then one is pushed out of the
 * other end and dropped if that makes the deque longer than maxlen. */
void
collections_deque_push_right (ReclaimInterp *interp, ReclaimValue d, ReclaimValue stolen)
{
  gint64 maxlen = deque_info (interp, d)->maxlen;

  reclaim_heap_slot_append (H (interp), d, RECLAIM_ROLE_ITEM, NULL, stolen);
  lang_deque_pushed (deque_info (interp, d), FALSE);
  if (maxlen >= 0 && deque_len (interp, d) > maxlen)
    lang_decref (interp, take_left (interp, d));
  else
    deque_info (interp, d)->state++;
}

void
collections_deque_push_left (ReclaimInterp *interp, ReclaimValue d, ReclaimValue stolen)
{
  gint64 maxlen = deque_info (interp, d)->maxlen;

  reclaim_heap_slot_insert (H (interp), d, 0, RECLAIM_ROLE_ITEM, NULL, stolen);
  lang_deque_pushed (deque_info (interp, d), TRUE);
  if (maxlen >= 0 && deque_len (interp, d) > maxlen)
    lang_decref (interp, take_right (interp, d));
  else
    deque_info (interp, d)->state++;
}

/* deque_extend / deque_extendleft: item by item from the iterable; a
 * deque of maxlen 0 only runs the iterator out. */
int
collections_deque_extend (ReclaimInterp *interp, ReclaimValue d, ReclaimValue iterable, gboolean left)
{
  if (iterable == d)
    {
      /* extending a deque by itself goes through a list of it */
      GPtrArray *items = lang_sequence_to_array (interp, d);
      if (items == NULL)
        return -1;
      for (guint i = 0; i < items->len; i++)
        (left ? collections_deque_push_left : collections_deque_push_right) (interp, d, GPOINTER_TO_UINT (items->pdata[i]));
      g_ptr_array_unref (items);
      return 0;
    }
  ReclaimValue it = lang_iter (interp, iterable), item;
  if (it == LANG_ERROR)
    return -1;
  if (deque_info (interp, d)->maxlen != 0 && deque_len (interp, d) == 0)
    lang_deque_extend_empty (deque_info (interp, d), left);   /* space saving: fill from one end */
  int r;
  while ((r = eval_check_limits (interp) ? lang_next (interp, it, &item) : -1) == 1)
    {
      if (deque_info (interp, d)->maxlen == 0)
        lang_decref (interp, item);
      else
        (left ? collections_deque_push_left : collections_deque_push_right) (interp, d, item);
    }
  lang_decref (interp, it);
  return r;
}

/* deque_clear: the deque is emptied first, then its items dropped left
 * to right. */
void
collections_deque_clear (ReclaimInterp *interp, ReclaimValue d)
{
  guint n = deque_len (interp, d);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);

  for (guint i = n; i-- > 0;)
    items[i] = reclaim_heap_slot_take (H (interp), d, i);
  deque_info (interp, d)->state++;
  if (n > 0)
    lang_deque_set_left (deque_info (interp, d), LANG_DEQUE_CENTER);
  for (guint i = 0; i < n; i++)
    lang_decref (interp, items[i]);
}

/* _deque_rotate: items move from one end to the other; nobody's count changes. */
static void
rotate (ReclaimInterp *interp, ReclaimValue d, gint64 n)
{
  guint len = deque_len (interp, d);

  if (len <= 1)
    return;
  n %= (gint64) len;
  if (n < 0)
    n += len;
  /* to the right by n, or to the left by len - n, whichever moves fewer */
  gboolean right = n <= (gint64) len / 2;
  guint moves = right ? (guint) n : len - (guint) n;
  for (guint i = 0; i < moves; i++)
    {
      ReclaimValue item = reclaim_heap_slot_take (H (interp), d, right ? deque_len (interp, d) - 1 : 0);
      reclaim_heap_slot_insert (H (interp), d, right ? 0 : deque_len (interp, d), RECLAIM_ROLE_ITEM, NULL, item);
      /* as appendleft then pop, or append then popleft */
      lang_deque_pushed (deque_info (interp, d), right);
      lang_deque_taken (deque_info (interp, d), !right, len);
    }
  deque_info (interp, d)->state++;
}

/* ---- construction --------------------------------------------------------------- */

static gboolean
parse_maxlen (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  *out = -1;
  if (v == 0 || scalar_type (v) == SCALAR_NONE)
    return TRUE;
  if (scalar_type (v) != SCALAR_INT && scalar_type (v) != SCALAR_BOOL)
    {
      lang_raise (interp, "TypeError", "an integer is required");
      return FALSE;
    }
  *out = scalar_get_int (v);
  if (*out >= 0)
    return TRUE;
  lang_raise (interp, "ValueError", "maxlen must be non-negative");
  return FALSE;
}

static ReclaimValue
deque_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  static const char *const known[] = { "iterable", "maxlen" };

  if (nargs + nkw > 2)
    return lang_raise (interp, "TypeError", "deque() takes at most 2 arguments (%u given)", nargs + nkw);
  for (guint k = 0; k < nkw; k++)
    if (strcmp (kwnames[k], known[0]) != 0 && strcmp (kwnames[k], known[1]) != 0)
      return lang_raise (interp, "TypeError", "'%s' is an invalid keyword argument for deque()", kwnames[k]);
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 0, "iterable");
  gint64 maxlen;
  if (!parse_maxlen (interp, lang_arg (nargs, args, nkw, kwnames, 1, "maxlen"), &maxlen))
    return LANG_ERROR;

  ReclaimValue d = reclaim_heap_alloc (H (interp), RECLAIM_KIND_DEQUE, 0, NULL, 0);
  deque_info (interp, d)->maxlen = maxlen;
  lang_deque_set_left (deque_info (interp, d), LANG_DEQUE_CENTER);
  if (iterable && collections_deque_extend (interp, d, iterable, FALSE) < 0)
    {
      lang_decref (interp, d);
      return LANG_ERROR;
    }
  return d;
}

/* ---- methods ------------------------------------------------------------------ */

DEQUE_METHOD (deque_append, "append", 1)
{
  collections_deque_push_right (interp, self, lang_ref (interp, args[0]));
  return scalar_none ();
}

DEQUE_METHOD (deque_appendleft, "appendleft", 1)
{
  collections_deque_push_left (interp, self, lang_ref (interp, args[0]));
  return scalar_none ();
}

DEQUE_METHOD (deque_pop, "pop", 0)
{
  if (deque_len (interp, self) == 0)
    return lang_raise (interp, "IndexError", "pop from an empty deque");
  return take_right (interp, self);
}

DEQUE_METHOD (deque_popleft, "popleft", 0)
{
  if (deque_len (interp, self) == 0)
    return lang_raise (interp, "IndexError", "pop from an empty deque");
  return take_left (interp, self);
}

DEQUE_METHOD (deque_extend, "extend", 1)
{
  return collections_deque_extend (interp, self, args[0], FALSE) < 0 ? LANG_ERROR : scalar_none ();
}

DEQUE_METHOD (deque_extendleft, "extendleft", 1)
{
  return collections_deque_extend (interp, self, args[0], TRUE) < 0 ? LANG_ERROR : scalar_none ();
}

DEQUE_METHOD (deque_clear, "clear", 0)
{
  collections_deque_clear (interp, self);
  return scalar_none ();
}

DEQUE_METHOD (deque_reverse, "reverse", 0)
{
  guint n = deque_len (interp, self);
  for (guint i = 1; i < n; i++)
    {
      /* the last item moves to place i - 1 */
      ReclaimValue item = reclaim_heap_slot_take (H (interp), self, n - 1);
      reclaim_heap_slot_insert (H (interp), self, i - 1, RECLAIM_ROLE_ITEM, NULL, item);
    }
  return scalar_none ();
}

/* The position of the first item equal to v, -1 if none, -2 on error;
 * RuntimeError if comparing changed the deque, as deque_index checks. */
static gssize
find (ReclaimInterp *interp, ReclaimValue d, ReclaimValue v)
{
  guint64 state = deque_info (interp, d)->state;
  for (guint i = 0; i < deque_len (interp, d); i++)
    {
      ReclaimValue item = lang_ref (interp, reclaim_heap_slot_get (H (interp), d, i));
      int e = item == v ? 1 : lang_equal (interp, item, v);
      lang_decref (interp, item);
      if (e < 0)
        return -2;
      if (deque_info (interp, d)->state != state)
        {
          lang_raise (interp, "RuntimeError", "deque mutated during iteration");
          return -2;
        }
      if (e)
        return i;
    }
  return -1;
}

static ReclaimValue
not_in_deque (ReclaimInterp *interp, ReclaimValue v)
{
  g_autofree char *r = lang_repr (interp, v);
  return r ? lang_raise (interp, "ValueError", "%s is not in deque", r) : LANG_ERROR;
}

DEQUE_METHOD (deque_remove, "remove", 1)
{
  gssize i = find (interp, self, args[0]);
  if (i == -2)
    return LANG_ERROR;
  if (i == -1)
    return not_in_deque (interp, args[0]);
  /* deque_remove rotates the item to the left end, pops it, and rotates
   * back: the deque has changed, and the item is dropped last */
  deque_info (interp, self)->state++;
  lang_deque_forget (deque_info (interp, self));   /* rotations not followed */
  lang_decref (interp, reclaim_heap_slot_take (H (interp), self, i));
  return scalar_none ();
}

DEQUE_METHOD (deque_index, "index", 1)
{
  gssize i = find (interp, self, args[0]);
  if (i == -2)
    return LANG_ERROR;
  return i == -1 ? not_in_deque (interp, args[0]) : scalar_int (i);
}

DEQUE_METHOD (deque_count, "count", 1)
{
  guint64 state = deque_info (interp, self)->state;
  gint64 count = 0;
  for (guint i = 0; i < deque_len (interp, self); i++)
    {
      ReclaimValue item = lang_ref (interp, reclaim_heap_slot_get (H (interp), self, i));
      int e = lang_equal (interp, item, args[0]);
      lang_decref (interp, item);
      if (e < 0)
        return LANG_ERROR;
      if (deque_info (interp, self)->state != state)
        return lang_raise (interp, "RuntimeError", "deque mutated during iteration");
      count += e;
    }
  return scalar_int (count);
}

static ReclaimValue
maxlen_value (ReclaimInterp *interp, ReclaimValue d)
{
  gint64 maxlen = deque_info (interp, d)->maxlen;
  return maxlen < 0 ? scalar_none () : scalar_int (maxlen);
}

ReclaimValue
collections_deque_copy (ReclaimInterp *interp, ReclaimValue d)
{
  ReclaimValue args_of_copy[] = { d, maxlen_value (interp, d) };
  ReclaimValue copy = deque_construct (interp, 0, 2, args_of_copy, 0, NULL);
  if (copy != LANG_ERROR && deque_len (interp, copy) == 1)
    lang_deque_set_left (deque_info (interp, copy), LANG_DEQUE_CENTER);   /* one item is appended, not extended */
  return copy;
}

DEQUE_METHOD (deque_copy, "copy", 0)
{
  return collections_deque_copy (interp, self);
}

static ReclaimValue
deque_rotate (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint64 n = 1;

  if (!deque_self (interp, "rotate", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "deque.rotate() takes no keyword arguments");
  if (nargs > 1)
    return lang_raise (interp, "TypeError", "rotate expected at most 1 argument, got %u", nargs);
  if (nargs == 1 && !modules_arg_int (interp, args[0], &n))
    return LANG_ERROR;
  rotate (interp, self, n);
  return scalar_none ();
}

/* ---- the type slots ------------------------------------------------------------- */

DEQUE_METHOD (deque_len_slot, "__len__", 0)
{
  return scalar_int (deque_len (interp, self));
}

/* deque_subscript's complaint for reading, PyNumber_AsSsize_t's for
 * setting and deleting */
static gboolean
item_index (ReclaimInterp *interp, ReclaimValue d, ReclaimValue key, gboolean reading, guint *out)
{
  ScalarType t = scalar_type (key);
  if (t != SCALAR_INT && t != SCALAR_BOOL)
    {
      lang_raise (interp, "TypeError", reading ? "sequence index must be integer, not '%s'"
                                               : "'%s' object cannot be interpreted as an integer",
                  lang_type_name (interp, key));
      return FALSE;
    }
  gint64 i = scalar_get_int (key), n = deque_len (interp, d);
  if (i < 0)
    i += n;
  if (i < 0 || i >= n)
    {
      lang_raise (interp, "IndexError", "deque index out of range");
      return FALSE;
    }
  *out = (guint) i;
  return TRUE;
}

DEQUE_METHOD (deque_getitem, "__getitem__", 1)
{
  guint i;
  return item_index (interp, self, args[0], TRUE, &i) ? lang_ref (interp, reclaim_heap_slot_get (H (interp), self, i))
                                                : LANG_ERROR;
}

static ReclaimValue
deque_setitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  guint i;
  if (!deque_self (interp, "__setitem__", &self, &nargs, &args))
    return LANG_ERROR;
  if (!lang_check_args (interp, "__setitem__", nargs, 2, 2, nkw) || !item_index (interp, self, args[0], FALSE, &i))
    return LANG_ERROR;
  /* deque_ass_item: the new item is stored, then the old one dropped */
  reclaim_heap_slot_set (H (interp), self, i, lang_ref (interp, args[1]));
  return scalar_none ();
}

DEQUE_METHOD (deque_delitem, "__delitem__", 1)
{
  guint i;
  if (!item_index (interp, self, args[0], FALSE, &i))
    return LANG_ERROR;
  deque_info (interp, self)->state++;
  lang_deque_forget (deque_info (interp, self));   /* rotations not followed */
  lang_decref (interp, reclaim_heap_slot_take (H (interp), self, i));
  return scalar_none ();
}

DEQUE_METHOD (deque_contains, "__contains__", 1)
{
  gssize i = find (interp, self, args[0]);
  return i == -2 ? LANG_ERROR : scalar_bool (i >= 0);
}

/* dequeiter_next: the iterator counts the items still to come; a change of
 * the deque's size since it was made is an error, once and for good. */
static ReclaimValue
deque_iter_next (ReclaimInterp *interp, ReclaimValue it, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  LangIterState *state = lang_iter_state (interp, it);
  ReclaimValue d = reclaim_heap_slot_get (H (interp), it, 0);

  if ((guint64) state->stop != deque_info (interp, d)->state)
    {
      state->current = 0;
      return lang_raise (interp, "RuntimeError", "deque mutated during iteration");
    }
  if (state->current == 0)
    return LANG_ERROR;
  state->current--;
  return lang_ref (interp, reclaim_heap_slot_get (H (interp), d, state->next++));
}

DEQUE_METHOD (deque_iter, "__iter__", 0)
{
  ReclaimValue it = lang_native_iter_new (interp, "_collections._deque_iterator", deque_iter_next, 1, &self);
  LangIterState *state = lang_iter_state (interp, it);
  state->current = deque_len (interp, self);
  state->stop = (gint64) deque_info (interp, self)->state;
  return it;
}

/* deque_repr: "deque([1, 2])", ", maxlen=N" when bounded; "[...]" inside itself */
DEQUE_METHOD (deque_repr, "__repr__", 0)
{
  if (!lang_repr_enter (self))
    return scalar_str ("[...]", -1);
  GString *out = g_string_new ("deque([");
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < deque_len (interp, self); i++)
    {
      g_autofree char *r = lang_repr (interp, reclaim_heap_slot_get (H (interp), self, i));
      ok = r != NULL;
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", r ? r : "");
    }
  lang_repr_leave (self);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return LANG_ERROR;
    }
  g_string_append (out, "]");
  if (deque_info (interp, self)->maxlen >= 0)
    g_string_append_printf (out, ", maxlen=%" G_GINT64_FORMAT, deque_info (interp, self)->maxlen);
  g_string_append (out, ")");
  ReclaimValue s = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return s;
}

/* deque_richcompare for ==: item by item, only with another deque */
DEQUE_METHOD (deque_eq, "__eq__", 1)
{
  ReclaimValue other = args[0];
  if (!collections_is_deque (interp, other))
    return collections_not_implemented (interp);
  if (deque_len (interp, self) != deque_len (interp, other))
    return scalar_bool (FALSE);
  for (guint i = 0; i < deque_len (interp, self) && i < deque_len (interp, other); i++)
    {
      ReclaimValue x = reclaim_heap_slot_get (H (interp), self, i), y = reclaim_heap_slot_get (H (interp), other, i);
      int e = x == y ? 1 : lang_equal (interp, x, y);
      if (e <= 0)
        return e < 0 ? LANG_ERROR : scalar_bool (FALSE);
    }
  return scalar_bool (TRUE);
}

/* the member maxlen, read-only */
static ReclaimValue
deque_getset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (strcmp (scalar_get_str (args[0], NULL), "maxlen") != 0)
    return 0;
  if (nargs == 2)
    return lang_raise (interp, "AttributeError", "attribute 'maxlen' of 'collections.deque' objects is not writable");
  return maxlen_value (interp, self);
}

static const LangMethodDef deque_methods[] = {
  { "append", deque_append }, { "appendleft", deque_appendleft },
  { "pop", deque_pop }, { "popleft", deque_popleft },
  { "extend", deque_extend }, { "extendleft", deque_extendleft },
  { "clear", deque_clear }, { "rotate", deque_rotate }, { "reverse", deque_reverse },
  { "remove", deque_remove }, { "index", deque_index }, { "count", deque_count }, { "copy", deque_copy },
  { "__len__", deque_len_slot }, { "__getitem__", deque_getitem }, { "__setitem__", deque_setitem },
  { "__delitem__", deque_delitem }, { "__contains__", deque_contains }, { "__iter__", deque_iter },
  { "__repr__", deque_repr }, { "__eq__", deque_eq }, { LANG_TYPE_GETSET, deque_getset },
  { NULL },
};

void
collections_deque_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *object = lang_builtin_class (interp, "object");
  LangClass *deque = lang_builtin_type_new (interp, "collections.deque", object, RECLAIM_KIND_DEQUE,
                                            deque_construct, deque_methods, FALSE);

  lang_builtin_type_new (interp, "_collections._deque_iterator", object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);
  collections_deque_ops_init (interp, deque);
  lang_dict_set (interp, ns, scalar_str ("deque", -1), deque->id);
}
