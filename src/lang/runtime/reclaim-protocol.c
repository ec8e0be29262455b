/* reclaim-protocol.c: iteration, repr and str, truth, comparison,
 * subscripts, len() and `in` for the builtin types; user classes get
 * their dunder methods called.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-interp-private.h"
#include "reclaim-weakproxy.h"
#include "reclaim-eval-private.h"
#include "reclaim-builtins-private.h"
#include "reclaim-bigint.h"
#include "reclaim-sizeof.h"

#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

static ReclaimKind
kind_of (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) ? reclaim_heap_get_kind (interp->heap, v) : RECLAIM_N_KINDS;
}

static gboolean
is_builtin_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return kind_of (interp, v) == kind && reclaim_heap_get_class (interp->heap, v) == 0;
}

static ReclaimValue
user_method (ReclaimInterp *interp, ReclaimValue v, const char *name)
{
  if (!reclaim_value_is_object (v))
    return 0;
  LangClass *cls = lang_class_of (interp, v);
  if (cls->builtin)
    return 0;
  return lang_eval_class_lookup (interp, cls, name);
}

/* Calls a dunder method of a user class with self and the arguments. */
static ReclaimValue
call_dunder (ReclaimInterp *interp, ReclaimValue method, ReclaimValue self, guint nargs,
             const ReclaimValue *args)
{
  ReclaimValue all[4] = { self };
  g_assert (nargs < 4);
  if (nargs > 0)
    memcpy (all + 1, args, nargs * sizeof (ReclaimValue));
  return lang_call (interp, method, nargs + 1, all, 0, NULL);
}

/* Calls the type slot of a builtin type a module defines (lang_type_slot). */
static ReclaimValue
call_type_slot (ReclaimInterp *interp, LangNativeFunc slot, ReclaimValue self, guint nargs,
                const ReclaimValue *args)
{
  return slot (interp, self, nargs, args, 0, NULL);
}

/* ---- iteration ---------------------------------------------------------- */

typedef enum {
  ITER_SEQ,          /* list or tuple: slot by slot */
  ITER_DICT_KEYS,
  ITER_DICT_VALUES,
  ITER_DICT_ITEMS,
  ITER_SET,
  ITER_STR,
  ITER_BYTES,
  ITER_RANGE,
  ITER_NATIVE,       /* next_fn */
} LangIterKind;

static ReclaimValue
iterator_new (ReclaimInterp *interp, const char *type_name, gboolean tracked,
              ReclaimValue source, LangIterKind kind)
{
  ReclaimId it = reclaim_heap_alloc (interp->heap, tracked ? RECLAIM_KIND_OBJECT : RECLAIM_KIND_PLAIN,
                                     0, type_name, 0);
  LangIterState *state = g_new0 (LangIterState, 1);

  state->kind = kind;
  /* dict and set iterators notice a change of size, as CPython's do */
  if (kind == ITER_DICT_KEYS || kind == ITER_DICT_VALUES || kind == ITER_DICT_ITEMS || kind == ITER_SET)
    state->stop = state->current = lang_table_get (interp, source)->used;
  if (kind == ITER_SET)
    state->order = lang_set_iteration_order (interp, source);
  lang_side_insert (interp, interp->iterators, it, state);
  reclaim_heap_slot_append (interp->heap, it, RECLAIM_ROLE_OTHER, "it_seq", lang_ref (interp, source));
  return it;
}

ReclaimValue
lang_range_iter (ReclaimInterp *interp, gint64 start, gint64 stop, gint64 step)
{
  ReclaimId it = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_PLAIN, 0, "range_iterator", 0);
  LangIterState *state = g_new0 (LangIterState, 1);

  state->kind = ITER_RANGE;
  state->current = start;
  state->stop = stop;
  state->step = step;
  lang_side_insert (interp, interp->iterators, it, state);
  return it;
}

ReclaimValue
lang_native_iter_new (ReclaimInterp *interp, const char *type_name, LangNativeFunc next_fn,
                      guint nsources, const ReclaimValue *sources)
{
  return lang_native_iter_new_with_flags (interp, type_name, next_fn, nsources, sources, 0);
}

ReclaimValue
lang_native_iter_new_with_flags (ReclaimInterp *interp, const char *type_name, LangNativeFunc next_fn,
                                 guint nsources, const ReclaimValue *sources, ReclaimAllocFlags flags)
{
  ReclaimId it = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, type_name, flags);
  LangIterState *state = g_new0 (LangIterState, 1);

  state->kind = ITER_NATIVE;
  state->next_fn = next_fn;
  lang_side_insert (interp, interp->iterators, it, state);
  for (guint i = 0; i < nsources; i++)
    reclaim_heap_slot_append (interp->heap, it, RECLAIM_ROLE_OTHER, NULL, lang_ref (interp, sources[i]));
  return it;
}

LangIterState *
lang_iter_state (ReclaimInterp *interp, ReclaimValue it)
{
  return reclaim_value_is_object (it) ? g_hash_table_lookup (interp->iterators, GUINT_TO_POINTER (it)) : NULL;
}

ReclaimValue
lang_iter (ReclaimInterp *interp, ReclaimValue v)
{
  switch (scalar_type (v))
    {
    case SCALAR_STR:
      return iterator_new (interp, "str_ascii_iterator", TRUE, v, ITER_STR);
    case SCALAR_BYTES:
      return iterator_new (interp, "bytes_iterator", TRUE, v, ITER_BYTES);
    case SCALAR_NOT_SCALAR:
      break;
    default:
      return lang_raise (interp, "TypeError", "'%s' object is not iterable", lang_type_name (interp, v));
    }

  if (lang_iter_state (interp, v) || kind_of (interp, v) == RECLAIM_KIND_GENERATOR)
    return lang_ref (interp, v);
  if (lang_is_proxy (interp, v))
    return lang_proxy_iter (interp, v);

  ReclaimValue method = user_method (interp, v, "__iter__");
  if (method)
    return call_dunder (interp, method, v, 0, NULL);
  LangNativeFunc slot = lang_type_slot (interp, v, "__iter__");
  if (slot)
    return call_type_slot (interp, slot, v, 0, NULL);

  const char *label = reclaim_heap_get_label (interp->heap, v);
  switch (kind_of (interp, v))
    {
    case RECLAIM_KIND_LIST:
      return iterator_new (interp, "list_iterator", TRUE, v, ITER_SEQ);
    case RECLAIM_KIND_TUPLE:
      return iterator_new (interp, "tuple_iterator", TRUE, v, ITER_SEQ);
    case RECLAIM_KIND_DICT:
      return iterator_new (interp, "dict_keyiterator", TRUE, v, ITER_DICT_KEYS);
    case RECLAIM_KIND_SET:
      return iterator_new (interp, "set_iterator", TRUE, v, ITER_SET);
    default:
      break;
    }
  if (g_strcmp0 (label, "range") == 0)
    {
      ReclaimHeap *h = interp->heap;
      return lang_range_iter (interp, scalar_get_int (reclaim_heap_slot_get (h, v, 0)),
                              scalar_get_int (reclaim_heap_slot_get (h, v, 1)),
                              scalar_get_int (reclaim_heap_slot_get (h, v, 2)));
    }
  if (g_strcmp0 (label, "dict_keys") == 0 || g_strcmp0 (label, "dict_values") == 0 ||
      g_strcmp0 (label, "dict_items") == 0)
    {
      ReclaimValue dict = reclaim_heap_slot_get (interp->heap, v, 0);
      LangIterKind kind = label[5] == 'k' ? ITER_DICT_KEYS : label[5] == 'v' ? ITER_DICT_VALUES : ITER_DICT_ITEMS;
      const char *name = kind == ITER_DICT_KEYS ? "dict_keyiterator"
                       : kind == ITER_DICT_VALUES ? "dict_valueiterator" : "dict_itemiterator";
      return iterator_new (interp, name, TRUE, dict, kind);
    }
  return lang_raise (interp, "TypeError", "'%s' object is not iterable", lang_type_name (interp, v));
}

static gboolean
size_changed (ReclaimInterp *interp, LangIterState *state, ReclaimValue container, const char *message)
{
  if (state->stop >= 0 && (guint) state->stop == lang_table_get (interp, container)->used)
    return FALSE;
  state->stop = -1;   /* and it stays broken */
  lang_raise (interp, "RuntimeError", "%s", message);
  return TRUE;
}

/* The iterator lets go of its sequence once exhausted, as CPython's do. */
static int
iterator_exhausted (ReclaimInterp *interp, ReclaimValue it)
{
  if (reclaim_heap_n_slots (interp->heap, it) > 0 &&
      reclaim_heap_slot_get (interp->heap, it, 0) != RECLAIM_VALUE_NONE)
    reclaim_heap_slot_set (interp->heap, it, 0, RECLAIM_VALUE_NONE);
  return 0;
}

/* next() of an iterator that has no LangIterState: a generator, a proxy,
 * or an instance with __next__. */
static int
next_without_state (ReclaimInterp *interp, ReclaimValue it, ReclaimValue *item)
{
  *item = 0;
  if (kind_of (interp, it) == RECLAIM_KIND_GENERATOR)
    return lang_eval_generator_next (interp, it, item);
  if (lang_is_proxy (interp, it))
    return lang_proxy_next (interp, it, item);
  ReclaimValue method = user_method (interp, it, "__next__");
  if (!method)
    {
      lang_raise (interp, "TypeError", "'%s' object is not an iterator", lang_type_name (interp, it));
      return -1;
    }
  ReclaimValue v = call_dunder (interp, method, it, 0, NULL);
  if (v != LANG_ERROR)
    {
      *item = v;
      return 1;
    }
  if (lang_error_matches (interp, "StopIteration"))
    {
      lang_error_clear (interp);
      return 0;
    }
  return -1;
}

int
lang_next (ReclaimInterp *interp, ReclaimValue it, ReclaimValue *item)
{
  LangIterState *state = lang_iter_state (interp, it);
  if (state == NULL)
    return next_without_state (interp, it, item);
  return lang_iter_state_next (interp, it, state, item);
}

int
lang_iter_state_next (ReclaimInterp *interp, ReclaimValue it, LangIterState *state, ReclaimValue *item)
{
  ReclaimHeap *h = interp->heap;

  *item = 0;
  ReclaimValue seq = state->kind == ITER_RANGE ? 0 : reclaim_heap_slot_get (h, it, 0);
  switch ((LangIterKind) state->kind)
    {
    case ITER_SEQ:
      if (seq == RECLAIM_VALUE_NONE || state->next >= reclaim_heap_n_slots (h, seq))
        return iterator_exhausted (interp, it);
      *item = lang_ref (interp, reclaim_heap_slot_get (h, seq, state->next++));
      return 1;

    case ITER_SET:
      if (seq != RECLAIM_VALUE_NONE && size_changed (interp, state, seq, "Set changed size during iteration"))
        return -1;
      while (seq != RECLAIM_VALUE_NONE &&
             state->next < (state->order ? state->order->len : reclaim_heap_n_slots (h, seq)))
        {
          guint slot = state->order ? g_array_index (state->order, guint, state->next) : state->next;
          state->next++;
          ReclaimValue v = reclaim_heap_slot_get (h, seq, slot);
          if (v != RECLAIM_VALUE_NONE)
            {
              *item = lang_ref (interp, v);
              return 1;
            }
        }
      return iterator_exhausted (interp, it);

    case ITER_DICT_KEYS:
    case ITER_DICT_VALUES:
    case ITER_DICT_ITEMS:
      {
        ReclaimValue key, value;
        if (seq != RECLAIM_VALUE_NONE && size_changed (interp, state, seq, "dictionary changed size during iteration"))
          return -1;
        if (seq == RECLAIM_VALUE_NONE || !lang_dict_next_entry (interp, seq, &state->next, &key, &value))
          return iterator_exhausted (interp, it);
        /* as many keys deleted as added: the size is the same, but one
         * more entry than the dict had turned up (CPython's di_len) */
        if (state->current-- == 0)
          {
            iterator_exhausted (interp, it);
            lang_raise (interp, "RuntimeError", "dictionary keys changed during iteration");
            return -1;
          }
        if (state->kind == ITER_DICT_KEYS)
          *item = lang_ref (interp, key);
        else if (state->kind == ITER_DICT_VALUES)
          *item = lang_ref (interp, value);
        else
          {
            ReclaimValue pair[] = { lang_ref (interp, key), lang_ref (interp, value) };
            *item = lang_tuple_new (interp, 2, pair);
          }
        return 1;
      }

    case ITER_STR:
      {
        if (seq == RECLAIM_VALUE_NONE)
          return 0;
        gsize len;
        const char *s = scalar_get_str (seq, &len);
        if (state->next >= len)
          return iterator_exhausted (interp, it);
        const char *p = s + state->next, *next = g_utf8_next_char (p);
        *item = scalar_str (p, next - p);
        state->next = next - s;
        return 1;
      }

    case ITER_BYTES:
      {
        gsize len;
        const guint8 *data = seq == RECLAIM_VALUE_NONE ? NULL : scalar_get_bytes (seq, &len);
        if (data == NULL)
          return 0;
        if (state->next >= len)
          return iterator_exhausted (interp, it);
        *item = scalar_int (data[state->next++]);
        return 1;
      }

    case ITER_RANGE:
      if ((state->step > 0 && state->current >= state->stop) ||
          (state->step < 0 && state->current <= state->stop))
        return 0;
      *item = scalar_int (state->current);
      state->current += state->step;
      return 1;

    case ITER_NATIVE:
      {
        ReclaimValue v = state->next_fn (interp, it, 0, NULL, 0, NULL);
        if (v != LANG_ERROR)
          {
            *item = v;
            return 1;
          }
        if (!lang_error_occurred (interp) || lang_error_matches (interp, "StopIteration"))
          {
            lang_error_clear (interp);
            return 0;
          }
        return -1;
      }
    }
  return -1;
}

/* ---- repr and str ------------------------------------------------------- */

/* Containers that contain themselves print as [...], {...}. */
static GHashTable *repr_active;

gboolean
lang_repr_enter (ReclaimValue v)
{
  if (repr_active == NULL)
    repr_active = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (repr_active, GUINT_TO_POINTER (v)))
    return FALSE;
  g_hash_table_add (repr_active, GUINT_TO_POINTER (v));
  return TRUE;
}

void
lang_repr_leave (ReclaimValue v)
{
  g_hash_table_remove (repr_active, GUINT_TO_POINTER (v));
}

static gboolean
append_repr (ReclaimInterp *interp, GString *out, ReclaimValue v)
{
  char *r = lang_repr (interp, v);
  if (r == NULL)
    return FALSE;
  g_string_append (out, r);
  g_free (r);
  /* the repr of a list of big strs is as big as they are together */
  return lang_memory_reserve (interp, out->len, LANG_STR_BYTE_COST);
}

static char *
container_repr (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  ReclaimHeap *h = interp->heap;
  guint n = reclaim_heap_n_slots (h, v);
  const char *open = kind == RECLAIM_KIND_LIST ? "[" : kind == RECLAIM_KIND_TUPLE ? "(" : "{";
  const char *close = kind == RECLAIM_KIND_LIST ? "]" : kind == RECLAIM_KIND_TUPLE ? ")" : "}";

  if (kind == RECLAIM_KIND_SET && lang_table_get (interp, v)->used == 0)
    return g_strdup ("set()");
  if (!lang_repr_enter (v))
    return g_strdup_printf ("%s...%s", open, close);

  GString *out = g_string_new (open);
  gboolean ok = TRUE, first = TRUE;
  if (kind == RECLAIM_KIND_DICT)
    {
      ReclaimValue key, value;
      for (guint pos = 0; ok && lang_dict_next_entry (interp, v, &pos, &key, &value); first = FALSE)
        {
          g_string_append (out, first ? "" : ", ");
          ok = append_repr (interp, out, key) && (g_string_append (out, ": "), append_repr (interp, out, value));
        }
    }
  else
    {
    g_autoptr (GArray) order = kind == RECLAIM_KIND_SET ? lang_set_iteration_order (interp, v) : NULL;
    for (guint k = 0; k < (order ? order->len : n) && ok; k++)
      {
        ReclaimValue item = reclaim_heap_slot_get (h, v, order ? g_array_index (order, guint, k) : k);
        if (item == RECLAIM_VALUE_NONE)
          continue;
        g_string_append (out, first ? "" : ", ");
        ok = append_repr (interp, out, item);
        first = FALSE;
      }
    }
  lang_repr_leave (v);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (kind == RECLAIM_KIND_TUPLE && n == 1)
    g_string_append_c (out, ',');
  g_string_append (out, close);
  return g_string_free (out, FALSE);
}

/* CPython prints addresses; these stand-ins are stable for one run. */
char *
lang_address_text (ReclaimValue v)
{
  return g_strdup_printf ("0x7f%010x", (guint) v * 48u);
}

/* A class's __module__: "__main__" for the script's own, the module's
 * name for the classes a module defines (as python3 reads it from the
 * class's namespace). */
static const char *
class_module (ReclaimInterp *interp, LangClass *c)
{
  ReclaimValue module = c->ns ? lang_dict_get (interp, c->ns, scalar_str ("__module__", -1)) : 0;

  return module && scalar_type (module) == SCALAR_STR ? scalar_get_str (module, NULL) : "__main__";
}

static char *
default_repr (ReclaimInterp *interp, ReclaimValue v)
{
  ReclaimHeap *h = interp->heap;
  g_autofree char *addr = lang_address_text (v);
  LangClass *cls = lang_class_of (interp, v);

  switch (kind_of (interp, v))
    {
    case RECLAIM_KIND_CLASS:
      {
        LangClass *c = lang_class_get (interp, v);
        /* a class made at run time (namedtuple) has a namespace too */
        if (c && (!c->builtin || (c->ns && strchr (c->name, '.') == NULL)))
          return g_strdup_printf ("<class '%s.%s'>", class_module (interp, c), c->qualname ? c->qualname : c->name);
        return g_strdup_printf ("<class '%s'>", c ? c->name : "?");
      }
    case RECLAIM_KIND_FUNCTION:
      return g_strdup_printf ("<function %s at %s>", lang_eval_function_qualname (interp, v), addr);
    case RECLAIM_KIND_METHOD:
      {
        ReclaimValue func = reclaim_heap_slot_get (h, v, 0), self = reclaim_heap_slot_get (h, v, 1);
        g_autofree char *self_repr = lang_repr (interp, self);
        /* method_repr asks any callable for its __qualname__ */
        ReclaimValue qualname = reclaim_heap_get_kind (h, func) == RECLAIM_KIND_FUNCTION
                                ? 0 : lang_lookup_attr (interp, func, "__qualname__");
        gboolean named = qualname && scalar_type (qualname) == SCALAR_STR;
        /* a builtin function bound as a classmethod (Point._make) */
        LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (func));
        g_autofree char *text = g_strdup_printf ("<bound method %s of %s>",
                                                 named ? scalar_get_str (qualname, NULL)
                                                 : native ? native->name
                                                          : lang_eval_function_qualname (interp, func),
                                                 self_repr ? self_repr : "?");
        lang_decref (interp, qualname);
        if (self_repr)
          lang_error_clear (interp);   /* a missing __qualname__ is not an error here */
        return g_steal_pointer (&text);
      }
    case RECLAIM_KIND_PROXY:
      return lang_proxy_repr (interp, v);
    case RECLAIM_KIND_WEAKREF:
      {
        ReclaimId referent = reclaim_heap_weakref_get_referent (h, v);
        if (referent == 0)
          return g_strdup_printf ("<weakref at %s; dead>", addr);
        g_autofree char *raddr = lang_address_text (referent);
        return g_strdup_printf ("<weakref at %s; to '%s' at %s>", addr,
                                lang_type_name (interp, referent), raddr);
      }
    case RECLAIM_KIND_GENERATOR:
      return g_strdup_printf ("<generator object %s at %s>", lang_eval_function_qualname (interp, v), addr);
    case RECLAIM_KIND_CELL:
      return g_strdup_printf ("<cell at %s>", addr);
    default:
      break;
    }
  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (v));
  if (native && native->qualname)
    return g_strdup_printf ("<function %s at %s>", native->qualname, addr);
  if (native)
    return g_strdup_printf ("<built-in function %s>", reclaim_heap_get_label (h, v));
  if (lang_is_member_descriptor (interp, v))
    return lang_member_repr (interp, v);
  if (cls->builtin && (strcmp (cls->name, "classmethod") == 0 || strcmp (cls->name, "staticmethod") == 0))
    {
      g_autofree char *func_repr = lang_repr (interp, reclaim_heap_slot_get (h, v, 0));
      return func_repr ? g_strdup_printf ("<%s(%s)>", cls->name, func_repr) : NULL;
    }
  if (cls->builtin)
    return g_strdup_printf ("<%s object at %s>", cls->name, addr);
  return g_strdup_printf ("<%s.%s object at %s>", class_module (interp, cls), cls->qualname ? cls->qualname : cls->name,
                          addr);
}

static char *
exception_text (ReclaimInterp *interp, ReclaimValue exc, gboolean as_repr)
{
  ReclaimValue args = lang_eval_exception_args (interp, exc);
  guint n = args ? reclaim_heap_n_slots (interp->heap, args) : 0;
  LangClass *cls = lang_class_of (interp, exc);

  if (!as_repr)
    {
      char *oserror_text = lang_oserror_str (interp, exc);
      if (oserror_text || lang_error_occurred (interp))
        return oserror_text;
      if (n == 0)
        return g_strdup ("");
      if (n == 1)
        {
          ReclaimValue a = reclaim_heap_slot_get (interp->heap, args, 0);
          /* KeyError shows its key as a repr */
          if (lang_is_instance (interp, exc, "KeyError"))
            return lang_repr (interp, a);
          return lang_str (interp, a);
        }
      return lang_repr (interp, args);
    }
  if (n == 1)
    {
      g_autofree char *a = lang_repr (interp, reclaim_heap_slot_get (interp->heap, args, 0));
      return a ? g_strdup_printf ("%s(%s)", cls->name, a) : NULL;
    }
  g_autofree char *a = n ? lang_repr (interp, args) : g_strdup ("()");
  return a ? g_strdup_printf ("%s%s", cls->name, a) : NULL;
}

/* A user __repr__ or __str__, which must return a str; NULL with an
 * exception set otherwise. */
static char *
call_text_dunder (ReclaimInterp *interp, ReclaimValue method, ReclaimValue v, const char *dunder)
{
  ReclaimValue r = call_dunder (interp, method, v, 0, NULL);
  if (r == LANG_ERROR)
    return NULL;
  if (scalar_type (r) != SCALAR_STR)
    {
      lang_raise (interp, "TypeError", "%s returned non-string (type %s)", dunder, lang_type_name (interp, r));
      lang_decref (interp, r);
      return NULL;
    }
  return scalar_to_str (r);
}

static char *object_repr (ReclaimInterp *interp, ReclaimValue v);

/* The repr of an immediate; python3 refuses to write an int of more than
 * 4300 decimal digits. */
static char *
immediate_repr (ReclaimInterp *interp, ReclaimValue v)
{
  if (G_UNLIKELY (scalar_int_is_huge (v)))
    {
      bigint_raise_str_limit (interp);
      return NULL;
    }
  return scalar_repr (v);
}

char *
lang_repr (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v))
    return immediate_repr (interp, v);
  if (!lang_enter_recursive_call (interp, " while getting the repr of an object"))
    return NULL;
  char *text = object_repr (interp, v);
  lang_leave_recursive_call (interp);
  return text;
}

static char *
object_repr (ReclaimInterp *interp, ReclaimValue v)
{
  ReclaimValue method = user_method (interp, v, "__repr__");
  if (method)
    return call_text_dunder (interp, method, v, "__repr__");
  if (lang_class_of (interp, v)->is_exception)
    return exception_text (interp, v, TRUE);
  LangNativeFunc slot = lang_type_slot (interp, v, "__repr__");
  if (slot)
    {
      ReclaimValue r = call_type_slot (interp, slot, v, 0, NULL);
      return r == LANG_ERROR ? NULL : scalar_to_str (r);
    }

  ReclaimKind kind = kind_of (interp, v);
  /* a class based on list or dict shows its items as they do */
  if ((reclaim_heap_get_class (interp->heap, v) == 0 || kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_DICT) &&
      (kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE || kind == RECLAIM_KIND_DICT ||
       kind == RECLAIM_KIND_SET))
    return container_repr (interp, v, kind);
  /* the types range, module... carry the label their instances carry */
  if (kind == RECLAIM_KIND_CLASS)
    return default_repr (interp, v);
  const char *label = reclaim_heap_get_label (interp->heap, v);
  if (g_strcmp0 (label, "range") == 0)
    {
      ReclaimHeap *h = interp->heap;
      gint64 start = scalar_get_int (reclaim_heap_slot_get (h, v, 0));
      gint64 stop = scalar_get_int (reclaim_heap_slot_get (h, v, 1));
      gint64 step = scalar_get_int (reclaim_heap_slot_get (h, v, 2));
      if (step == 1)
        return g_strdup_printf ("range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", start, stop);
      return g_strdup_printf ("range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                              start, stop, step);
    }
  if (g_strcmp0 (label, "module") == 0)
    return g_strdup_printf ("<module '%s' (built-in)>", lang_eval_module_name (interp, v));
  if (g_strcmp0 (label, "NotImplementedType") == 0)
    return g_strdup ("NotImplemented");
  if (g_strcmp0 (label, "dict_keys") == 0 || g_strcmp0 (label, "dict_values") == 0 ||
      g_strcmp0 (label, "dict_items") == 0)
    return lang_dict_view_repr (interp, v);
  return default_repr (interp, v);
}

char *
lang_str (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v))
    return scalar_type (v) == SCALAR_STR ? scalar_to_str (v) : immediate_repr (interp, v);
  if (lang_is_proxy (interp, v))
    return lang_proxy_str (interp, v);
  if (!lang_enter_recursive_call (interp, " while getting the str of an object"))
    return NULL;
  char *text;
  ReclaimValue method = user_method (interp, v, "__str__");
  if (method)
    text = call_text_dunder (interp, method, v, "__str__");
  else if (lang_class_of (interp, v)->is_exception)
    text = exception_text (interp, v, FALSE);
  else
    text = lang_repr (interp, v);
  lang_leave_recursive_call (interp);
  return text;
}

/* ---- truth and comparison ----------------------------------------------- */

int
lang_truth (ReclaimInterp *interp, ReclaimValue v)
{
  switch (scalar_type (v))
    {
    case SCALAR_NONE: return 0;
    case SCALAR_BOOL:
    case SCALAR_INT: return scalar_get_int (v) != 0;
    case SCALAR_FLOAT: return scalar_get_float (v) != 0.0;
    case SCALAR_STR:
      {
        gsize len;
        scalar_get_str (v, &len);
        return len > 0;
      }
    case SCALAR_BYTES:
      {
        gsize len;
        scalar_get_bytes (v, &len);
        return len > 0;
      }
    case SCALAR_NOT_SCALAR:
      break;
    }
  if (lang_is_proxy (interp, v))
    return lang_proxy_truth (interp, v);
  ReclaimValue method = user_method (interp, v, "__bool__");
  if (method)
    {
      ReclaimValue r = call_dunder (interp, method, v, 0, NULL);
      if (r == LANG_ERROR)
        return -1;
      if (scalar_type (r) != SCALAR_BOOL)
        {
          lang_raise (interp, "TypeError", "__bool__ should return bool, returned %s", lang_type_name (interp, r));
          lang_decref (interp, r);
          return -1;
        }
      return scalar_get_bool (r);
    }
  if (user_method (interp, v, "__len__") || lang_type_slot (interp, v, "__len__"))
    {
      gssize n = lang_length (interp, v);
      return n < 0 ? -1 : n > 0;
    }
  switch (kind_of (interp, v))
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
    case RECLAIM_KIND_DICT:
    case RECLAIM_KIND_SET:
      return lang_length (interp, v) > 0;
    default:
      break;
    }
  if (g_strcmp0 (reclaim_heap_get_label (interp->heap, v), "range") == 0)
    return lang_length (interp, v) > 0;
  return 1;
}

static gboolean
is_number (ReclaimValue v)
{
  ScalarType t = scalar_type (v);
  return t == SCALAR_INT || t == SCALAR_BOOL || t == SCALAR_FLOAT;
}

static double
number_as_double (ReclaimValue v)
{
  return scalar_type (v) == SCALAR_FLOAT ? scalar_get_float (v) : (double) scalar_get_int (v);
}

/* An int a double may not hold exactly: beyond 2**53. */
static gboolean
is_wide_int (ReclaimValue v)
{
  if (scalar_type (v) == SCALAR_FLOAT)
    return FALSE;
  gint64 n = scalar_get_int (v);
  return n > (G_GINT64_CONSTANT (1) << 53) || n < -(G_GINT64_CONSTANT (1) << 53);
}

static int
compare_numbers (ReclaimValue a, ReclaimValue b)
{
  if (G_UNLIKELY (is_wide_int (a) || is_wide_int (b)))
    return bigint_compare (a, b);
  if (scalar_type (a) != SCALAR_FLOAT && scalar_type (b) != SCALAR_FLOAT)
    {
      gint64 x = scalar_get_int (a), y = scalar_get_int (b);
      return x < y ? -1 : x > y;
    }
  double x = number_as_double (a), y = number_as_double (b);
  return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;   /* 2: unordered (nan) */
}

static int
sequences_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  guint n = reclaim_heap_n_slots (interp->heap, a);
  if (n != reclaim_heap_n_slots (interp->heap, b))
    return 0;
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue x = reclaim_heap_slot_get (interp->heap, a, i), y = reclaim_heap_slot_get (interp->heap, b, i);
      int e = x == y ? 1 : lang_equal (interp, x, y);
      if (e != 1)
        return e;
    }
  return 1;
}

int
lang_dicts_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (lang_dict_length (interp, a) != lang_dict_length (interp, b))
    return 0;
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, a, &pos, &key, &value);)
    {
      ReclaimValue other = lang_dict_get (interp, b, key);
      if (other == 0)
        return lang_error_occurred (interp) ? -1 : 0;
      int e = other == value ? 1 : lang_equal (interp, value, other);
      if (e != 1)
        return e;
    }
  return 1;
}

static int
sets_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (lang_table_get (interp, a)->used != lang_table_get (interp, b)->used)
    return 0;
  guint n = reclaim_heap_n_slots (interp->heap, a);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue x = reclaim_heap_slot_get (interp->heap, a, i);
      if (x != RECLAIM_VALUE_NONE && lang_set_contains (interp, b, x) != 1)
        return 0;
    }
  return 1;
}

static int
user_compare_truth (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue r = eval_user_compare (interp, op, a, b);
  if (r == LANG_ERROR)
    return -1;
  int t = lang_truth (interp, r);
  lang_decref (interp, r);
  return t;
}

static int objects_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);

/* a == b by the __eq__ type slot of a, or else of b: 1, 0, -1 with an
 * exception, or -2 when neither has one that answers. */
static int
type_slot_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue pair[] = { a, b };
  for (guint i = 0; i < 2; i++)
    {
      LangNativeFunc slot = lang_type_slot (interp, pair[i], "__eq__");
      ReclaimValue r = slot ? call_type_slot (interp, slot, pair[i], 1, &pair[1 - i]) : 0;
      if (slot && r == LANG_ERROR)
        return -1;
      if (r && scalar_type (r) == SCALAR_BOOL)
        return scalar_get_bool (r);
      lang_decref (interp, r);   /* NotImplemented */
    }
  return -2;
}

int
lang_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (is_number (a) && is_number (b))
    return compare_numbers (a, b) == 0;
  if (!reclaim_value_is_object (a) && !reclaim_value_is_object (b))
    return a == b;   /* strs and None are interned */
  if (!lang_enter_recursive_call (interp, " in comparison"))
    return -1;
  int e = objects_equal (interp, a, b);
  lang_leave_recursive_call (interp);
  return e;
}

static int
objects_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{

  /* weakrefs compare their referents while both are alive */
  int w = lang_weakref_equal (interp, a, b);
  if (w != -2)
    return w;
  if (eval_is_user_instance (interp, a) || eval_is_user_instance (interp, b))
    return user_compare_truth (interp, RECLAIM_CMP_EQ, a, b);
  if (a == b)
    return 1;
  int by_slot = type_slot_equal (interp, a, b);
  if (by_slot != -2)
    return by_slot;
  if (!reclaim_value_is_object (a) || !reclaim_value_is_object (b))
    return 0;
  ReclaimKind ka = kind_of (interp, a), kb = kind_of (interp, b);
  /* the builtin subclasses a module defines (defaultdict) compare as their base */
  if (ka != kb || !lang_class_of (interp, a)->builtin || !lang_class_of (interp, b)->builtin)
    return 0;
  switch (ka)
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
      return sequences_equal (interp, a, b);
    case RECLAIM_KIND_DICT:
      return lang_dicts_equal (interp, a, b);
    case RECLAIM_KIND_SET:
      return sets_equal (interp, a, b);
    case RECLAIM_KIND_METHOD:
      /* method_richcompare: the same function bound to the same object */
      return reclaim_heap_slot_get (interp->heap, a, 0) == reclaim_heap_slot_get (interp->heap, b, 0) &&
             reclaim_heap_slot_get (interp->heap, a, 1) == reclaim_heap_slot_get (interp->heap, b, 1);
    default:
      return 0;
    }
}

static int
unorderable (ReclaimInterp *interp, const char *op, ReclaimValue a, ReclaimValue b)
{
  lang_raise (interp, "TypeError", "'%s' not supported between instances of '%s' and '%s'",
              op, lang_type_name (interp, a), lang_type_name (interp, b));
  return -1;
}

static int objects_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);

int
lang_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (is_number (a) && is_number (b))
    return compare_numbers (a, b) == -1;
  if (scalar_type (a) == SCALAR_STR && scalar_type (b) == SCALAR_STR)
    {
      gsize la, lb;
      const char *x = scalar_get_str (a, &la), *y = scalar_get_str (b, &lb);
      int c = memcmp (x, y, MIN (la, lb));
      return c < 0 || (c == 0 && la < lb);
    }
  if (scalar_type (a) == SCALAR_BYTES && scalar_type (b) == SCALAR_BYTES)
    return lang_bytes_compare (a, b) < 0;
  if (!lang_enter_recursive_call (interp, " in comparison"))
    return -1;
  int less = objects_less (interp, a, b);
  lang_leave_recursive_call (interp);
  return less;
}

static int sequences_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);

static int
objects_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (eval_is_user_instance (interp, a) || eval_is_user_instance (interp, b) ||
      lang_is_proxy (interp, a) || lang_is_proxy (interp, b) ||
      lang_type_slot (interp, a, "__lt__") || lang_type_slot (interp, b, "__lt__"))
    return user_compare_truth (interp, RECLAIM_CMP_LT, a, b);
  int less = sequences_less (interp, a, b);
  return less != -2 ? less : unorderable (interp, "<", a, b);
}

/* a < b item by item for two lists or two tuples (of any class); -2 when
 * they are not. */
static int
sequences_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimKind ka = kind_of (interp, a);
  if (ka == kind_of (interp, b) && (ka == RECLAIM_KIND_LIST || ka == RECLAIM_KIND_TUPLE))
    {
      guint na = reclaim_heap_n_slots (interp->heap, a), nb = reclaim_heap_n_slots (interp->heap, b);
      for (guint i = 0; i < MIN (na, nb); i++)
        {
          ReclaimValue x = reclaim_heap_slot_get (interp->heap, a, i), y = reclaim_heap_slot_get (interp->heap, b, i);
          int e = lang_equal (interp, x, y);
          if (e < 0)
            return -1;
          if (!e)
            return lang_less (interp, x, y);
        }
      return na < nb;
    }
  return -2;
}

/* list_richcompare's ordering for a class based on list: -2 when a and b
 * are not both lists. */
int
lang_builtin_list_less (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (kind_of (interp, a) != RECLAIM_KIND_LIST || kind_of (interp, b) != RECLAIM_KIND_LIST)
    return -2;
  if (!lang_enter_recursive_call (interp, " in comparison"))
    return -1;
  int less = sequences_less (interp, a, b);
  lang_leave_recursive_call (interp);
  return less;
}

/* ---- len, in, subscripts ------------------------------------------------ */

gssize
lang_length (ReclaimInterp *interp, ReclaimValue v)
{
  if (scalar_type (v) == SCALAR_STR)
    return scalar_str_length (v);
  if (lang_is_proxy (interp, v))
    return lang_proxy_length (interp, v);
  if (scalar_type (v) == SCALAR_BYTES)
    {
      gsize len;
      scalar_get_bytes (v, &len);
      return len;
    }
  ReclaimValue method = user_method (interp, v, "__len__");
  if (method)
    {
      ReclaimValue r = call_dunder (interp, method, v, 0, NULL);
      if (r == LANG_ERROR)
        return -1;
      if (scalar_type (r) != SCALAR_INT && scalar_type (r) != SCALAR_BOOL)
        {
          lang_raise (interp, "TypeError", "'%s' object cannot be interpreted as an integer", lang_type_name (interp, r));
          lang_decref (interp, r);
          return -1;
        }
      gssize n = scalar_get_int (r);
      if (n < 0)
        lang_raise (interp, "ValueError", "__len__() should return >= 0");
      return n < 0 ? -1 : n;
    }
  LangNativeFunc slot = lang_type_slot (interp, v, "__len__");
  if (slot)
    {
      ReclaimValue r = call_type_slot (interp, slot, v, 0, NULL);
      return r == LANG_ERROR ? -1 : scalar_get_int (r);
    }
  switch (kind_of (interp, v))
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
      return reclaim_heap_n_slots (interp->heap, v);
    case RECLAIM_KIND_DICT:
    case RECLAIM_KIND_SET:
      return lang_table_get (interp, v)->used;
    default:
      break;
    }
  const char *label = reclaim_value_is_object (v) ? reclaim_heap_get_label (interp->heap, v) : NULL;
  if (g_strcmp0 (label, "range") == 0)
    {
      ReclaimHeap *h = interp->heap;
      gint64 start = scalar_get_int (reclaim_heap_slot_get (h, v, 0));
      gint64 stop = scalar_get_int (reclaim_heap_slot_get (h, v, 1));
      gint64 step = scalar_get_int (reclaim_heap_slot_get (h, v, 2));
      gint64 n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
      return MAX (0, n);
    }
  if (label && g_str_has_prefix (label, "dict_"))
    return lang_dict_length (interp, reclaim_heap_slot_get (interp->heap, v, 0));
  lang_raise (interp, "TypeError", "object of type '%s' has no len()", lang_type_name (interp, v));
  return -1;
}

/* range_contains: an int is in a range by arithmetic, as in CPython, not
 * by walking 10**15 items. */
static gboolean
range_contains_int (ReclaimInterp *interp, ReclaimValue range, gint64 n)
{
  ReclaimHeap *h = interp->heap;
  gint64 start = scalar_get_int (reclaim_heap_slot_get (h, range, 0));
  gint64 stop = scalar_get_int (reclaim_heap_slot_get (h, range, 1));
  gint64 step = scalar_get_int (reclaim_heap_slot_get (h, range, 2));

  if (step > 0 ? (n < start || n >= stop) : (n > start || n <= stop))
    return FALSE;
  guint64 distance = step > 0 ? (guint64) n - (guint64) start : (guint64) start - (guint64) n;
  guint64 stride = step > 0 ? (guint64) step : -(guint64) step;
  return distance % stride == 0;
}

int
lang_contains (ReclaimInterp *interp, ReclaimValue container, ReclaimValue v)
{
  if (scalar_type (container) == SCALAR_STR)
    {
      if (scalar_type (v) != SCALAR_STR)
        {
          lang_raise (interp, "TypeError", "'in <string>' requires string as left operand, not %s",
                      lang_type_name (interp, v));
          return -1;
        }
      return strstr (scalar_get_str (container, NULL), scalar_get_str (v, NULL)) != NULL;
    }
  if (lang_is_proxy (interp, container))
    return lang_proxy_contains (interp, container, v);
  if (scalar_type (container) == SCALAR_BYTES)
    return lang_bytes_contains (interp, container, v);
  ReclaimValue method = user_method (interp, container, "__contains__");
  if (method)
    {
      ReclaimValue r = call_dunder (interp, method, container, 1, &v);
      if (r == LANG_ERROR)
        return -1;
      int t = lang_truth (interp, r);
      lang_decref (interp, r);
      return t;
    }
  LangNativeFunc slot = lang_type_slot (interp, container, "__contains__");
  if (slot)
    {
      ReclaimValue r = call_type_slot (interp, slot, container, 1, &v);
      return r == LANG_ERROR ? -1 : scalar_get_bool (r);
    }
  switch (kind_of (interp, container))
    {
    case RECLAIM_KIND_DICT:
      return lang_dict_contains (interp, container, v);
    case RECLAIM_KIND_SET:
      return lang_set_contains (interp, container, v);
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
      for (guint i = 0; i < reclaim_heap_n_slots (interp->heap, container); i++)
        {
          ReclaimValue item = reclaim_heap_slot_get (interp->heap, container, i);
          int e = item == v ? 1 : lang_equal (interp, item, v);
          if (e != 0)
            return e;
        }
      return 0;
    default:
      break;
    }
  ScalarType t = scalar_type (v);
  if ((t == SCALAR_INT || t == SCALAR_BOOL) &&
      g_strcmp0 (reclaim_heap_get_label (interp->heap, container), "range") == 0 &&
      kind_of (interp, container) != RECLAIM_KIND_CLASS)
    return range_contains_int (interp, container, scalar_get_int (v));
  /* anything iterable */
  ReclaimValue it = lang_iter (interp, container), item;
  if (it == LANG_ERROR)
    {
      lang_error_clear (interp);
      lang_raise (interp, "TypeError", "argument of type '%s' is not iterable", lang_type_name (interp, container));
      return -1;
    }
  int found = 0;
  while (found == 0)
    {
      int r = eval_check_limits (interp) ? lang_next (interp, it, &item) : -1;
      if (r <= 0)
        {
          found = r;   /* 0: not there; -1: an error */
          break;
        }
      found = lang_equal (interp, item, v);
      lang_decref (interp, item);
    }
  lang_decref (interp, it);
  return found;
}

/* Python index rules: negative counts from the end; IndexError outside. */
static gboolean
seq_index (ReclaimInterp *interp, ReclaimValue key, guint n, const char *what, guint *out)
{
  ScalarType t = scalar_type (key);
  if (t != SCALAR_INT && t != SCALAR_BOOL)
    {
      lang_raise (interp, "TypeError", "%s indices must be integers or slices, not %s", what,
                  lang_type_name (interp, key));
      return FALSE;
    }
  if (scalar_int_is_big (key))
    {
      lang_raise (interp, "IndexError", "cannot fit 'int' into an index-sized integer");
      return FALSE;
    }
  gint64 i = scalar_get_int (key);
  if (i < 0)
    i += n;
  if (i < 0 || i >= (gint64) n)
    {
      /* bytes say "index out of range", without their name */
      if (strcmp (what, "byte") == 0)
        lang_raise (interp, "IndexError", "index out of range");
      else
        lang_raise (interp, "IndexError", "%s index out of range", what);
      return FALSE;
    }
  *out = (guint) i;
  return TRUE;
}

/* The builtin classes with a __class_getitem__: list[int] ... */
static gboolean
is_builtin_generic (ReclaimInterp *interp, ReclaimValue cls)
{
  static const char *const generic[] = { "list", "dict", "tuple", "set", "frozenset", "type", NULL };
  LangClass *c = lang_class_get (interp, cls);
  return c && c->builtin && g_strv_contains (generic, c->name);
}

/* seq[slice] for the builtin sequences (and the "not subscriptable" of
 * what has no __getitem__): by its three values, as lang_slice_get takes
 * them.  A dict files a slice as a key (and finds it unhashable); a
 * class's own __getitem__ and a weak proxy are given the slice. */
static gboolean
slices_by_parts (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key, const char *dunder)
{
  if (!lang_is_slice (interp, key) || lang_is_proxy (interp, container) ||
      user_method (interp, container, dunder) || lang_type_slot (interp, container, dunder))
    return FALSE;
  ReclaimKind kind = kind_of (interp, container);
  return kind != RECLAIM_KIND_DICT && kind != RECLAIM_KIND_CLASS;
}

/* list[key], tuple[key] */
static ReclaimValue
item_of_sequence (ReclaimInterp *interp, ReclaimValue seq, ReclaimValue key)
{
  guint i;
  const char *what = kind_of (interp, seq) == RECLAIM_KIND_LIST ? "list" : "tuple";
  if (!seq_index (interp, key, reclaim_heap_n_slots (interp->heap, seq), what, &i))
    return LANG_ERROR;
  return lang_ref (interp, reclaim_heap_slot_get (interp->heap, seq, i));
}

ReclaimValue
lang_subscript (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key)
{
  guint i;

  /* A plain dict, or a plain list or tuple with an int (most subscripts):
   * no class has a method to look for. */
  if (reclaim_value_is_object (container) && reclaim_heap_get_class (interp->heap, container) == 0)
    {
      ReclaimKind kind = kind_of (interp, container);
      if (kind == RECLAIM_KIND_DICT)
        return lang_dict_subscript (interp, container, key);
      if ((kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE) && reclaim_value_is_int (key))
        return item_of_sequence (interp, container, key);
    }
  if (slices_by_parts (interp, container, key, "__getitem__"))
    {
      ReclaimValue parts[3];
      lang_slice_parts (interp, key, parts);
      return lang_slice_get (interp, container, parts[0], parts[1], parts[2]);
    }
  if (scalar_type (container) == SCALAR_STR)
    {
      gsize len;
      const char *s = scalar_get_str (container, &len);
      if (!seq_index (interp, key, g_utf8_strlen (s, len), "string", &i))
        return LANG_ERROR;
      const char *p = g_utf8_offset_to_pointer (s, i);
      return scalar_str (p, g_utf8_next_char (p) - p);
    }
  if (lang_is_proxy (interp, container))
    return lang_proxy_subscript (interp, container, key);
  if (scalar_type (container) == SCALAR_BYTES)
    {
      gsize len;
      const guint8 *data = scalar_get_bytes (container, &len);
      if (!seq_index (interp, key, len, "byte", &i))
        return LANG_ERROR;
      return scalar_int (data[i]);
    }
  ReclaimValue method = user_method (interp, container, "__getitem__");
  if (method)
    return call_dunder (interp, method, container, 1, &key);
  LangNativeFunc slot = lang_type_slot (interp, container, "__getitem__");
  if (slot)
    return call_type_slot (interp, slot, container, 1, &key);
  if (reclaim_value_is_object (container) && g_strcmp0 (reclaim_heap_get_label (interp->heap, container), "range") == 0)
    {
      gssize n = lang_length (interp, container);
      if (n < 0 || !seq_index (interp, key, n, "range object", &i))
        return LANG_ERROR;
      gint64 start = scalar_get_int (reclaim_heap_slot_get (interp->heap, container, 0));
      gint64 step = scalar_get_int (reclaim_heap_slot_get (interp->heap, container, 2));
      return scalar_int (start + (gint64) i * step);
    }
  switch (kind_of (interp, container))
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
      return item_of_sequence (interp, container, key);
    case RECLAIM_KIND_DICT:
      return lang_dict_subscript (interp, container, key);
    case RECLAIM_KIND_CLASS:
      if (is_builtin_generic (interp, container))
        return lang_generic_alias_new (interp, container, key);
      return lang_raise (interp, "TypeError", "type '%s' is not subscriptable",
                         lang_class_get (interp, container)->name);
    default:
      break;
    }
  return lang_raise (interp, "TypeError", "'%s' object is not subscriptable", lang_type_name (interp, container));
}

/* list[key] = v */
static int
store_list_item (ReclaimInterp *interp, ReclaimValue list, ReclaimValue key, ReclaimValue v)
{
  guint i;
  if (!seq_index (interp, key, reclaim_heap_n_slots (interp->heap, list), "list assignment", &i))
    return -1;
  reclaim_heap_slot_set (interp->heap, list, i, lang_ref (interp, v));
  return 0;
}

int
lang_store_subscript (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key, ReclaimValue v)
{
  /* a plain dict, or a plain list with an int: as in lang_subscript */
  if (reclaim_value_is_object (container) && reclaim_heap_get_class (interp->heap, container) == 0)
    {
      ReclaimKind kind = kind_of (interp, container);
      if (kind == RECLAIM_KIND_DICT)
        return lang_dict_set (interp, container, key, v);
      if (kind == RECLAIM_KIND_LIST && reclaim_value_is_int (key))
        return store_list_item (interp, container, key, v);
    }
  if (lang_is_proxy (interp, container))
    return lang_proxy_store_subscript (interp, container, key, v);
  ReclaimValue method = user_method (interp, container, "__setitem__");
  if (method)
    {
      ReclaimValue args[] = { key, v };
      ReclaimValue r = call_dunder (interp, method, container, 2, args);
      lang_decref (interp, r);
      return r == LANG_ERROR ? -1 : 0;
    }
  LangNativeFunc slot = lang_type_slot (interp, container, "__setitem__");
  if (slot)
    {
      ReclaimValue args[] = { key, v };
      return call_type_slot (interp, slot, container, 2, args) == LANG_ERROR ? -1 : 0;
    }
  if (slices_by_parts (interp, container, key, "__setitem__"))
    {
      ReclaimValue parts[3];
      lang_slice_parts (interp, key, parts);
      return lang_slice_store (interp, container, parts[0], parts[1], parts[2], v);
    }
  switch (kind_of (interp, container))
    {
    case RECLAIM_KIND_LIST:
      return store_list_item (interp, container, key, v);
    case RECLAIM_KIND_DICT:
      return lang_dict_set (interp, container, key, v);
    default:
      break;
    }
  lang_raise (interp, "TypeError", "'%s' object does not support item assignment", lang_type_name (interp, container));
  return -1;
}

int
lang_delete_subscript (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key)
{
  guint i;
  if (lang_is_proxy (interp, container))
    return lang_proxy_store_subscript (interp, container, key, 0);
  ReclaimValue method = user_method (interp, container, "__delitem__");
  if (method)
    {
      ReclaimValue r = call_dunder (interp, method, container, 1, &key);
      lang_decref (interp, r);
      return r == LANG_ERROR ? -1 : 0;
    }
  LangNativeFunc slot = lang_type_slot (interp, container, "__delitem__");
  if (slot)
    return call_type_slot (interp, slot, container, 1, &key) == LANG_ERROR ? -1 : 0;
  if (slices_by_parts (interp, container, key, "__delitem__"))
    {
      ReclaimValue parts[3];
      lang_slice_parts (interp, key, parts);
      return lang_slice_delete (interp, container, parts[0], parts[1], parts[2]);
    }
  switch (kind_of (interp, container))
    {
    case RECLAIM_KIND_LIST:
      if (!seq_index (interp, key, reclaim_heap_n_slots (interp->heap, container), "list assignment", &i))
        return -1;
      {
        ReclaimValue item = reclaim_heap_slot_take (interp->heap, container, i);
        lang_list_emptied_by_slice (interp, container);
        lang_decref (interp, item);
        return 0;
      }
    case RECLAIM_KIND_DICT:
      return lang_dict_delete (interp, container, key);
    default:
      break;
    }
  lang_raise (interp, "TypeError", "'%s' object doesn't support item deletion", lang_type_name (interp, container));
  return -1;
}

/* dict_subscript: d[key], which asks the __missing__ of a class based on
 * dict before it raises KeyError. */
ReclaimValue
lang_dict_subscript (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key)
{
  ReclaimValue v = lang_dict_get (interp, dict, key);
  if (v)
    return lang_ref (interp, v);
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  /* dict_subscript asks a subclass's __missing__: a class's own, or a
   * module type's (defaultdict) */
  ReclaimValue missing = user_method (interp, dict, "__missing__");
  if (missing)
    return call_dunder (interp, missing, dict, 1, &key);
  LangNativeFunc type_missing = lang_type_slot (interp, dict, "__missing__");
  if (lang_error_occurred (interp))
    return LANG_ERROR;
  if (type_missing)
    return call_type_slot (interp, type_missing, dict, 1, &key);
  return lang_raise_value (interp, "KeyError", key);
}

/* repr() and iter() of a list or dict as the builtin type makes them,
 * for super().__repr__() and super().__iter__() in a class based on it. */
char *
lang_builtin_container_repr (ReclaimInterp *interp, ReclaimValue v)
{
  return container_repr (interp, v, kind_of (interp, v));
}

ReclaimValue
lang_builtin_container_iter (ReclaimInterp *interp, ReclaimValue v)
{
  if (kind_of (interp, v) == RECLAIM_KIND_DICT)
    return iterator_new (interp, "dict_keyiterator", TRUE, v, ITER_DICT_KEYS);
  return iterator_new (interp, "list_iterator", TRUE, v, ITER_SEQ);
}

/* list_richcompare and dict_richcompare's == for a class based on list or
 * dict that defines no __eq__ of its own: -2 when a and b are not both
 * lists or both dicts. */
int
lang_builtin_container_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimKind kind = kind_of (interp, a);
  if (kind != kind_of (interp, b) || (kind != RECLAIM_KIND_LIST && kind != RECLAIM_KIND_DICT))
    return -2;
  if (!lang_enter_recursive_call (interp, " in comparison"))
    return -1;
  int e = kind == RECLAIM_KIND_LIST ? sequences_equal (interp, a, b) : lang_dicts_equal (interp, a, b);
  lang_leave_recursive_call (interp);
  return e;
}

gboolean
lang_is_builtin_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return is_builtin_kind (interp, v, kind);
}
