/* reclaim-builtins-funcs.c: lang_builtin_functions_init, the builtin
 * functions that are not about numbers or iteration (print, len, repr,
 * isinstance, getattr, vars, id, hash, min, max, sum, sorted, any, all),
 * and the helpers the other reclaim-builtins-*.c files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function does what CPython 3.11's does in the order it does it:
 * which objects it allocates (an iterator, an args tuple, a bound
 * method), when it drops them, and the exact error messages.  See
 * reclaim-builtins-private.h for where the rest lives.
 */
#include "reclaim-builtins-private.h"
#include "reclaim-weakproxy.h"
#include "reclaim-bigint.h"

#include <math.h>
#include <string.h>

/* ---- shared helpers -------------------------------------------------------- */

static const char *
short_name (const char *name)
{
  const char *dot = strrchr (name, '.');
  return dot ? dot + 1 : name;
}

gboolean
builtins_check (ReclaimInterp *interp, const char *name, ArgsStyle style, guint nargs,
                guint min, guint max, guint nkw, gboolean allow_kw)
{
  if (nkw > 0 && !allow_kw)
    {
      lang_raise (interp, "TypeError", "%s() takes no keyword arguments", name);
      return FALSE;
    }
  if (nargs >= min && nargs <= max)
    return TRUE;

  const char *s = short_name (name);
  switch (style)
    {
    case ARGS_METH_O:
      if (max == 0)
        lang_raise (interp, "TypeError", "%s() takes no arguments (%u given)", name, nargs);
      else
        lang_raise (interp, "TypeError", "%s() takes exactly one argument (%u given)", name, nargs);
      break;
    case ARGS_CLINIC:
      if (min == max)
        lang_raise (interp, "TypeError", "%s expected %u argument%s, got %u", s, min, min == 1 ? "" : "s", nargs);
      else if (nargs < min)
        lang_raise (interp, "TypeError", "%s expected at least %u argument%s, got %u", s, min,
                    min == 1 ? "" : "s", nargs);
      else
        lang_raise (interp, "TypeError", "%s expected at most %u argument%s, got %u", s, max,
                    max == 1 ? "" : "s", nargs);
      break;
    case ARGS_KEYWORDS:
      if (min == max)
        lang_raise (interp, "TypeError", "%s() takes exactly %u argument%s (%u given)", s, min,
                    min == 1 ? "" : "s", nargs);
      else if (nargs < min)
        lang_raise (interp, "TypeError", "%s() takes at least %u argument%s (%u given)", s, min,
                    min == 1 ? "" : "s", nargs);
      else
        lang_raise (interp, "TypeError", "%s() takes at most %u argument%s (%u given)", s, max,
                    max == 1 ? "" : "s", nargs);
      break;
    }
  return FALSE;
}

gboolean
builtins_only_keywords (ReclaimInterp *interp, const char *func, guint nkw, const char *const *kwnames,
                        const char *const *allowed)
{
  for (guint i = 0; i < nkw; i++)
    {
      gboolean ok = FALSE;
      for (const char *const *a = allowed; *a && !ok; a++)
        ok = strcmp (*a, kwnames[i]) == 0;
      if (!ok)
        {
          lang_raise (interp, "TypeError", "'%s' is an invalid keyword argument for %s()", kwnames[i], func);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
builtins_is_str (ReclaimValue v)
{
  return scalar_type (v) == SCALAR_STR;
}

glong
builtins_str_len (ReclaimValue s)
{
  gsize len;
  const char *p = scalar_get_str (s, &len), *end = p + len;
  glong n = 0;
  for (; p < end; p = g_utf8_next_char (p))
    n++;
  return n;
}

gunichar *
builtins_str_ucs4 (ReclaimValue s, glong *n)
{
  gsize len;
  const char *p = scalar_get_str (s, &len), *end = p + len;
  gunichar *chars = g_new (gunichar, len + 1);
  for (*n = 0; p < end; p = g_utf8_next_char (p))
    chars[(*n)++] = g_utf8_get_char (p);
  chars[*n] = 0;
  return chars;
}

gboolean
builtins_is_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return reclaim_value_is_object (v) && lang_is_builtin_kind (interp, v, kind);
}

ReclaimValue
builtins_user_method (ReclaimInterp *interp, ReclaimValue v, const char *name)
{
  if (!reclaim_value_is_object (v))
    return 0;
  LangClass *cls = lang_class_of (interp, v);
  return cls->builtin ? 0 : lang_eval_class_lookup (interp, cls, name);
}

/* Calls a user class's special method with v as self. */
ReclaimValue
builtins_call_special (ReclaimInterp *interp, ReclaimValue method, ReclaimValue v, guint nargs, const ReclaimValue *args)
{
  ReclaimValue all[4] = { v };
  g_assert (nargs < 4);
  for (guint i = 0; i < nargs; i++)
    all[i + 1] = args[i];
  return lang_call (interp, method, nargs + 1, all, 0, NULL);
}

gboolean
builtins_index (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  if (builtins_is_int (v) && scalar_int_is_big (v))
    {
      lang_raise (interp, "OverflowError", "cannot fit 'int' into an index-sized integer");
      return FALSE;
    }
  if (builtins_is_int (v))
    {
      *out = scalar_get_int (v);
      return TRUE;
    }
  ReclaimValue method = builtins_user_method (interp, v, "__index__");
  if (method)
    {
      ReclaimValue r = builtins_call_special (interp, method, v, 0, NULL);
      if (r == LANG_ERROR)
        return FALSE;
      if (!builtins_is_int (r))
        {
          lang_raise (interp, "TypeError", "__index__ returned non-int (type %s)", lang_type_name (interp, r));
          lang_decref (interp, r);
          return FALSE;
        }
      *out = scalar_get_int (r);
      return TRUE;
    }
  lang_raise (interp, "TypeError", "'%s' object cannot be interpreted as an integer", lang_type_name (interp, v));
  return FALSE;
}

gboolean
builtins_number_to_double (ReclaimInterp *interp, ReclaimValue v, double *out)
{
  if (scalar_type (v) == SCALAR_FLOAT)
    {
      *out = scalar_get_float (v);
      return TRUE;
    }
  return bigint_to_double (interp, v, out);
}

gboolean
builtins_slice_index (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  if (builtins_is_int (v))
    {
      *out = scalar_get_int (v);
      return TRUE;
    }
  if (builtins_user_method (interp, v, "__index__"))
    return builtins_index (interp, v, out);
  lang_raise (interp, "TypeError", "slice indices must be integers or None or have an __index__ method");
  return FALSE;
}

int
builtins_length_hint (ReclaimInterp *interp, ReclaimValue iterable)
{
  if (!builtins_user_method (interp, iterable, "__len__"))
    return 0;
  gssize n = lang_length (interp, iterable);
  if (n >= 0)
    return 0;
  if (!lang_error_matches (interp, "TypeError"))
    return -1;
  lang_error_clear (interp);
  return 0;
}

int
builtins_next (ReclaimInterp *interp, ReclaimValue iterator, ReclaimValue *item)
{
  *item = 0;
  if (!eval_check_limits (interp))
    return -1;
  return lang_next (interp, iterator, item);
}

/* A str of this many characters (up to four bytes each) must fit in the
 * script's memory budget, as it must fit in python3's malloc. */
gboolean
builtins_check_size (ReclaimInterp *interp, gint64 chars)
{
  return lang_memory_reserve (interp, MAX (chars, 0), 4 * LANG_STR_BYTE_COST);
}

gint64
builtins_object_address (ReclaimValue v)
{
  /* the same number lang_repr prints as "0x7f..." */
  if (reclaim_value_is_object (v))
    return ((gint64) 0x7f << 40) + (gint64) ((guint) v * 48u);
  return ((gint64) 0x7e << 40) + (gint64) v * 16;
}

/* ---- print and friends ----------------------------------------------------- */

static gboolean
print_write (ReclaimInterp *interp, ReclaimValue file, const char *text, gssize len)
{
  if (file == 0)
    return lang_write_stdout (interp, text, len);
  ReclaimValue s = scalar_str (text, len);
  ReclaimValue r = lang_call_method (interp, file, "write", 1, &s);
  lang_decref (interp, r);
  return r != LANG_ERROR;
}

static gboolean
print_separator_ok (ReclaimInterp *interp, const char *what, ReclaimValue v)
{
  if (v == 0 || scalar_type (v) == SCALAR_NONE || builtins_is_str (v))
    return TRUE;
  lang_raise (interp, "TypeError", "%s must be None or a string, not %s", what, lang_type_name (interp, v));
  return FALSE;
}

static ReclaimValue
builtin_print (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "sep", "end", "file", "flush", NULL };
  if (!builtins_only_keywords (interp, "print", nkw, kwnames, allowed))
    return LANG_ERROR;
  ReclaimValue sep = lang_kwarg (nargs, args, nkw, kwnames, "sep");
  ReclaimValue end = lang_kwarg (nargs, args, nkw, kwnames, "end");
  ReclaimValue file = lang_kwarg (nargs, args, nkw, kwnames, "file");
  if (!print_separator_ok (interp, "sep", sep) || !print_separator_ok (interp, "end", end))
    return LANG_ERROR;
  if (file && scalar_type (file) == SCALAR_NONE)
    file = 0;
  gsize sep_len = 1, end_len = 1;
  const char *sep_text = sep && builtins_is_str (sep) ? scalar_get_str (sep, &sep_len) : " ";
  const char *end_text = end && builtins_is_str (end) ? scalar_get_str (end, &end_len) : "\n";

  /* CPython writes piece by piece: a __str__ that prints comes out between */
  for (guint i = 0; i < nargs; i++)
    {
      if (i > 0 && !print_write (interp, file, sep_text, sep_len))
        return LANG_ERROR;
      if (builtins_is_str (args[i]))
        {
          gsize len;
          const char *s = scalar_get_str (args[i], &len);
          if (!print_write (interp, file, s, len))
            return LANG_ERROR;
          continue;
        }
      g_autofree char *text = lang_str (interp, args[i]);
      if (text == NULL || !print_write (interp, file, text, -1))
        return LANG_ERROR;
    }
  if (!print_write (interp, file, end_text, end_len))
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
builtin_len (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "len", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  gssize n = lang_length (interp, args[0]);
  return n < 0 ? LANG_ERROR : scalar_int (n);
}

ReclaimValue
builtins_str_take (char *text)
{
  if (text == NULL)
    return LANG_ERROR;
  ReclaimValue r = scalar_str (text, -1);
  g_free (text);
  return r;
}

ReclaimValue
builtins_str_of (ReclaimInterp *interp, ReclaimValue v)
{
  return builtins_is_str (v) ? v : builtins_str_take (lang_str (interp, v));
}

static ReclaimValue
builtin_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "repr", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return builtins_str_take (lang_repr (interp, args[0]));
}

static ReclaimValue
builtin_ascii (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "ascii", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return builtins_str_take (builtins_ascii (interp, args[0]));
}

char *
builtins_ascii (ReclaimInterp *interp, ReclaimValue v)
{
  char *repr = lang_repr (interp, v);
  if (repr == NULL)
    return NULL;
  GString *out = g_string_new (NULL);
  for (const char *p = repr; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c <= 0xff)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c <= 0xffff)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_printf (out, "\\U%08x", c);
    }
  g_free (repr);
  return g_string_free (out, FALSE);
}

/* ---- types and attributes -------------------------------------------------- */

/* cls is a class or a tuple of them (nested tuples allowed). */
static int
class_matches (ReclaimInterp *interp, LangClass *cls, ReclaimValue spec, const char *func, const char *what)
{
  LangClass *target = lang_class_get (interp, spec);
  if (target)
    return lang_is_subclass (cls, target);
  if (builtins_is_kind (interp, spec, RECLAIM_KIND_TUPLE))
    {
      for (guint i = 0; i < lang_seq_length (interp, spec); i++)
        {
          int r = class_matches (interp, cls, lang_seq_item (interp, spec, i), func, what);
          if (r != 0)
            return r;
        }
      return 0;
    }
  lang_raise (interp, "TypeError", "%s() arg 2 must be %s", func, what);
  return -1;
}

static ReclaimValue
builtin_isinstance (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "isinstance", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  int r = class_matches (interp, lang_class_of (interp, args[0]), args[1], "isinstance",
                         "a type, a tuple of types, or a union");
  if (r == 0 && lang_is_proxy (interp, args[0]))
    {
      /* object_isinstance asks for __class__, which a proxy forwards */
      ReclaimValue referent = lang_proxy_referent (interp, args[0]);
      if (referent == LANG_ERROR)
        return LANG_ERROR;
      r = class_matches (interp, lang_class_of (interp, referent), args[1], "isinstance", "");
      lang_decref (interp, referent);
    }
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

static ReclaimValue
builtin_issubclass (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "issubclass", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  LangClass *cls = lang_class_get (interp, args[0]);
  if (cls == NULL)
    return lang_raise (interp, "TypeError", "issubclass() arg 1 must be a class");
  int r = class_matches (interp, cls, args[1], "issubclass", "a class, a tuple of classes, or a union");
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

static const char *
attr_name (ReclaimInterp *interp, ReclaimValue v)
{
  if (builtins_is_str (v))
    return scalar_get_str (v, NULL);
  lang_raise (interp, "TypeError", "attribute name must be string, not '%s'", lang_type_name (interp, v));
  return NULL;
}

static ReclaimValue
builtin_getattr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "getattr", ARGS_CLINIC, nargs, 2, 3, nkw, FALSE))
    return LANG_ERROR;
  const char *name = attr_name (interp, args[1]);
  if (name == NULL)
    return LANG_ERROR;
  ReclaimValue v = lang_getattr (interp, args[0], name);
  if (v == LANG_ERROR && nargs == 3 && lang_error_matches (interp, "AttributeError"))
    {
      lang_error_clear (interp);
      return lang_ref (interp, args[2]);
    }
  return v;
}

static ReclaimValue
builtin_hasattr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "hasattr", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  const char *name = attr_name (interp, args[1]);
  if (name == NULL)
    return LANG_ERROR;
  ReclaimValue v = lang_getattr (interp, args[0], name);
  if (v == LANG_ERROR)
    {
      if (!lang_error_matches (interp, "AttributeError"))
        return LANG_ERROR;
      lang_error_clear (interp);
      return scalar_bool (FALSE);
    }
  lang_decref (interp, v);
  return scalar_bool (TRUE);
}

static ReclaimValue
builtin_setattr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "setattr", ARGS_CLINIC, nargs, 3, 3, nkw, FALSE))
    return LANG_ERROR;
  const char *name = attr_name (interp, args[1]);
  if (name == NULL || lang_setattr (interp, args[0], name, args[2]) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
builtin_delattr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "delattr", ARGS_CLINIC, nargs, 2, 2, nkw, FALSE))
    return LANG_ERROR;
  const char *name = attr_name (interp, args[1]);
  if (name == NULL || lang_delattr (interp, args[0], name) < 0)
    return LANG_ERROR;
  return scalar_none ();
}

static ReclaimValue
builtin_vars (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "vars", ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  if (nargs == 0)
    {
      Frame *frame = eval_state (interp)->frame;
      if (frame && frame->ns)
        return lang_ref (interp, frame->ns);
      return lang_stop_not_supported (interp, "vars() without an argument in a function");
    }
  ReclaimValue v = args[0];
  if (reclaim_value_is_object (v))
    {
      ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
      LangClass *cls = lang_class_of (interp, v);
      if (kind == RECLAIM_KIND_INSTANCE && (!cls->builtin || cls->is_exception) && eval_instance_has_dict (interp, v))
        return lang_ref (interp, eval_materialize_dict (interp, v));
      if (lang_is_container_instance (interp, v))
        return lang_ref (interp, lang_container_instance_dict (interp, v, TRUE));
      if (kind == RECLAIM_KIND_CLASS && lang_class_get (interp, v)->ns)
        return lang_ref (interp, lang_class_get (interp, v)->ns);
      if (g_strcmp0 (reclaim_heap_get_label (interp->heap, v), "module") == 0)
        return lang_ref (interp, reclaim_heap_slot_get (interp->heap, v, 0));
      if (kind == RECLAIM_KIND_FUNCTION)
        return lang_getattr (interp, v, "__dict__");
    }
  return lang_raise (interp, "TypeError", "vars() argument must have __dict__ attribute");
}

static ReclaimValue
builtin_id (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "id", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return scalar_int (builtins_object_address (args[0]));
}

static ReclaimValue
builtin_hash (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint64 h;
  if (!builtins_check (interp, "hash", ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      !builtins_hash (interp, args[0], &h))
    return LANG_ERROR;
  return scalar_int (h);
}

static ReclaimValue
builtin_callable (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "callable", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  return scalar_bool (lang_is_callable (interp, args[0]));
}

static ReclaimValue
builtin_input (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  return lang_stop_not_supported (interp, "input()");
}

/* a > b for max(), with '>' in the message as CPython's */
static int
greater (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue method = builtins_user_method (interp, a, "__gt__");
  if (method)
    {
      ReclaimValue r = builtins_call_special (interp, method, a, 1, &b);
      if (r == LANG_ERROR)
        return -1;
      int t = lang_truth (interp, r);
      lang_decref (interp, r);
      return t;
    }
  if (lang_type_slot (interp, a, "__gt__") || lang_type_slot (interp, b, "__lt__"))
    {
      /* a builtin type a module defines with ordering slots (deque) */
      ReclaimValue r = eval_compare_values (interp, RECLAIM_CMP_GT, a, b);
      int t = r == LANG_ERROR ? -1 : lang_truth (interp, r);
      lang_decref (interp, r);
      return t;
    }
  gboolean comparable = (builtins_is_number (a) && builtins_is_number (b)) ||
                        (builtins_is_str (a) && builtins_is_str (b)) ||
                        builtins_user_method (interp, b, "__lt__") ||
                        (reclaim_value_is_object (a) && reclaim_value_is_object (b) &&
                         reclaim_heap_get_kind (interp->heap, a) == reclaim_heap_get_kind (interp->heap, b) &&
                         (builtins_is_kind (interp, a, RECLAIM_KIND_LIST) ||
                          builtins_is_kind (interp, a, RECLAIM_KIND_TUPLE)));
  if (!comparable)
    {
      lang_raise (interp, "TypeError", "'>' not supported between instances of '%s' and '%s'",
                  lang_type_name (interp, a), lang_type_name (interp, b));
      return -1;
    }
  return lang_less (interp, b, a);
}

/* min_max's loop: the best item, or LANG_ERROR (no exception: empty).
 * References are dropped in CPython's order, errors included. */
static ReclaimValue
min_max_iterate (ReclaimInterp *interp, ReclaimValue source, ReclaimValue key, gboolean is_max)
{
  ReclaimValue it = lang_iter (interp, source), item, best = 0, best_val = 0;
  int r;
  if (it == LANG_ERROR)
    return LANG_ERROR;
  while ((r = builtins_next (interp, it, &item)) == 1)
    {
      ReclaimValue val = key ? lang_call (interp, key, 1, &item, 0, NULL) : lang_ref (interp, item);
      if (val == LANG_ERROR)
        {
          lang_decref (interp, item);
          r = -1;
          break;
        }
      if (best == 0)
        {
          best = item;
          best_val = val;
          continue;
        }
      int cmp = is_max ? greater (interp, val, best_val) : lang_less (interp, val, best_val);
      if (cmp < 0)
        {
          lang_decref (interp, val);
          lang_decref (interp, item);
          r = -1;
          break;
        }
      if (cmp > 0)
        {
          lang_decref (interp, best_val);
          lang_decref (interp, best);
          best_val = val;
          best = item;
        }
      else
        {
          lang_decref (interp, item);
          lang_decref (interp, val);
        }
    }
  if (r < 0)
    {
      lang_decref (interp, best_val);
      lang_decref (interp, best);
      lang_decref (interp, it);
      return LANG_ERROR;
    }
  lang_decref (interp, it);
  lang_decref (interp, best_val);
  return best ? best : LANG_ERROR;
}

static ReclaimValue
min_max (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames,
         gboolean is_max)
{
  const char *name = is_max ? "max" : "min";
  static const char *const allowed[] = { "key", "default", NULL };
  if (nkw > 2)
    return lang_raise (interp, "TypeError", "%s() takes at most 2 keyword arguments (%u given)", name, nkw);
  if (!builtins_only_keywords (interp, name, nkw, kwnames, allowed))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "%s expected at least 1 argument, got 0", name);
  ReclaimValue key = lang_kwarg (nargs, args, nkw, kwnames, "key");
  ReclaimValue dflt = lang_kwarg (nargs, args, nkw, kwnames, "default");
  if (key && scalar_type (key) == SCALAR_NONE)
    key = 0;
  if (dflt && nargs > 1)
    return lang_raise (interp, "TypeError", "Cannot specify a default for %s() with multiple positional arguments",
                       name);

  /* with several arguments CPython iterates over its args tuple */
  ReclaimValue source;
  if (nargs > 1)
    {
      g_autofree ReclaimValue *items = g_new (ReclaimValue, nargs);
      for (guint i = 0; i < nargs; i++)
        items[i] = lang_ref (interp, args[i]);
      source = lang_tuple_new (interp, nargs, items);
    }
  else
    source = lang_ref (interp, args[0]);
  ReclaimValue result = min_max_iterate (interp, source, key, is_max);
  lang_decref (interp, source);
  if (result != LANG_ERROR || lang_error_occurred (interp))
    return result;
  if (dflt)
    return lang_ref (interp, dflt);
  return lang_raise (interp, "ValueError", "%s() arg is an empty sequence", name);
}

static ReclaimValue
builtin_min (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return min_max (interp, nargs, args, nkw, kwnames, FALSE);
}

static ReclaimValue
builtin_max (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return min_max (interp, nargs, args, nkw, kwnames, TRUE);
}

static ReclaimValue
builtin_sum (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "start", NULL };
  if (!builtins_only_keywords (interp, "sum", nkw, kwnames, allowed) ||
      !builtins_check (interp, "sum", ARGS_CLINIC, nargs, 1, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue start = lang_arg (nargs, args, nkw, kwnames, 1, "start");
  ReclaimValue result = start ? lang_ref (interp, start) : scalar_int (0);
  if (builtins_is_str (result))
    return lang_raise (interp, "TypeError", "sum() can't sum strings [use ''.join(seq) instead]");

  ReclaimValue it = lang_iter (interp, args[0]), item;
  if (it == LANG_ERROR)
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  int r;
  while ((r = builtins_next (interp, it, &item)) == 1)
    {
      ReclaimValue sum = eval_binary (interp, RECLAIM_BIN_ADD, result, item, FALSE);
      lang_decref (interp, result);
      lang_decref (interp, item);
      result = sum;
      if (sum == LANG_ERROR)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  if (r < 0)
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  return result;
}

static ReclaimValue
builtin_sorted (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, "sorted", ARGS_CLINIC, nargs, 1, 1, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue list = builtins_sequence_list (interp, args[0]);
  if (list == LANG_ERROR)
    return LANG_ERROR;
  /* builtin_sorted looks up newlist.sort: a bound method object */
  ReclaimValue sort = lang_builtin_method (interp, list, "sort");
  ReclaimValue r = lang_call (interp, sort, 0, args + 1, nkw, kwnames);
  lang_decref (interp, sort);
  if (r == LANG_ERROR)
    {
      lang_decref (interp, list);
      return LANG_ERROR;
    }
  lang_decref (interp, r);
  return list;
}

static ReclaimValue
builtin_any_all (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw, gboolean is_all)
{
  if (!builtins_check (interp, is_all ? "all" : "any", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, args[0]), item;
  if (it == LANG_ERROR)
    return LANG_ERROR;
  int r, found = 0;
  while (!found && (r = builtins_next (interp, it, &item)) == 1)
    {
      int t = lang_truth (interp, item);
      lang_decref (interp, item);
      if (t < 0)
        {
          r = -1;
          break;
        }
      found = is_all ? !t : t;
    }
  lang_decref (interp, it);
  if (!found && r < 0)
    return LANG_ERROR;
  return scalar_bool (is_all ? !found : found);
}

static ReclaimValue
builtin_any (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return builtin_any_all (interp, nargs, args, nkw, FALSE);
}

static ReclaimValue
builtin_all (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  return builtin_any_all (interp, nargs, args, nkw, TRUE);
}

/* ---- registration ------------------------------------------------------------- */

static const LangMethodDef builtin_functions[] = {
  { "print", builtin_print },
  { "len", builtin_len },
  { "repr", builtin_repr },
  { "ascii", builtin_ascii },
  { "isinstance", builtin_isinstance },
  { "issubclass", builtin_issubclass },
  { "getattr", builtin_getattr },
  { "hasattr", builtin_hasattr },
  { "setattr", builtin_setattr },
  { "delattr", builtin_delattr },
  { "vars", builtin_vars },
  { "id", builtin_id },
  { "hash", builtin_hash },
  { "callable", builtin_callable },
  { "input", builtin_input },
  { "min", builtin_min },
  { "max", builtin_max },
  { "sum", builtin_sum },
  { "sorted", builtin_sorted },
  { "any", builtin_any },
  { "all", builtin_all },
  { NULL }
};

void
lang_builtin_functions_init (ReclaimInterp *interp)
{
  builtins_constructors_init (interp);
  builtins_iterators_init (interp);
  builtins_numbers_init (interp);
  builtins_bytes_init (interp);
  builtins_slice_init (interp);
  lang_class_add_methods (lang_builtin_class (interp, "str"), builtins_str_methods);
  lang_class_add_methods (lang_builtin_class (interp, "str"), builtins_text_methods);
  lang_class_add_methods (lang_builtin_class (interp, "str"), builtins_str_case_methods);
  lang_class_add_methods (lang_builtin_class (interp, "list"), builtins_list_methods);
  lang_class_add_methods (lang_builtin_class (interp, "tuple"), builtins_tuple_methods);
  lang_class_add_methods (lang_builtin_class (interp, "dict"), builtins_dict_methods);
  lang_class_add_methods (lang_builtin_class (interp, "set"), builtins_set_methods);
  lang_class_add_methods (lang_builtin_class (interp, "int"), builtins_int_methods);
  lang_class_add_methods (lang_builtin_class (interp, "float"), builtins_float_methods);
  for (const LangMethodDef *f = builtin_functions; f->name; f++)
    lang_add_builtin (interp, f->name, f->func);
}
