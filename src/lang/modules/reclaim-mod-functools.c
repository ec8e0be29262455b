/* reclaim-mod-functools.c: the functools module: reduce and partial.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A partial holds its function, the positional arguments (a tuple) and the
 * keyword arguments (a dict) as the attributes func, args and keywords, as
 * CPython's partial object does: what a callback registered as a partial
 * keeps alive is visible on the canvas.
 */
#include "reclaim-modules-private.h"

#include <string.h>

/* ---- reduce --------------------------------------------------------------- */

static ReclaimValue
functools_reduce (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "reduce", nargs, 2, 3, nkw))
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, args[1]);
  if (it == LANG_ERROR)
    {
      lang_error_clear (interp);
      return lang_raise (interp, "TypeError", "reduce() arg 2 must support iteration");
    }
  ReclaimValue acc = nargs == 3 ? lang_ref (interp, args[2]) : 0;
  ReclaimValue item;
  int r;
  while ((r = lang_next (interp, it, &item)) == 1)
    {
      if (acc == 0)
        {
          acc = item;
          continue;
        }
      ReclaimValue pair[] = { acc, item };
      ReclaimValue next = lang_call (interp, args[0], 2, pair, 0, NULL);
      lang_decref (interp, acc);
      lang_decref (interp, item);
      acc = next == LANG_ERROR ? 0 : next;
      if (next == LANG_ERROR)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  if (r < 0)
    {
      lang_decref (interp, acc);
      return LANG_ERROR;
    }
  if (acc == 0)
    return lang_raise (interp, "TypeError", "reduce() of empty iterable with no initial value");
  return acc;
}

/* ---- partial -------------------------------------------------------------- */

static gboolean
partial_parts (ReclaimInterp *interp, ReclaimValue self, ReclaimValue *func, ReclaimValue *pargs,
               ReclaimValue *keywords)
{
  *func = modules_attr (interp, self, "func");
  *pargs = *func ? modules_attr (interp, self, "args") : 0;
  *keywords = *pargs ? modules_attr (interp, self, "keywords") : 0;
  return *keywords != 0;
}

/* partial(func, *args, **keywords); a partial of a partial takes over the
 * inner one's function and arguments, as python3 does. */
static ReclaimValue
partial_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "partial", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "type 'partial' takes at least one argument");
  if (!lang_is_callable (interp, args[0]))
    return lang_raise (interp, "TypeError", "the first argument must be callable");

  ReclaimValue func = args[0], inner_args = 0, inner_kw = 0;
  if (reclaim_value_is_object (func) && lang_class_of (interp, func) == lang_builtin_class (interp, "partial") &&
      !partial_parts (interp, args[0], &func, &inner_args, &inner_kw))
    return LANG_ERROR;

  ReclaimValue all = lang_list_new (interp);
  for (guint i = 0; inner_args && i < lang_seq_length (interp, inner_args); i++)
    lang_list_append (interp, all, lang_ref (interp, lang_seq_item (interp, inner_args, i)));
  for (guint i = 1; i < nargs; i++)
    lang_list_append (interp, all, lang_ref (interp, args[i]));
  ReclaimValue keywords = lang_dict_new (interp);
  ReclaimValue key, value;
  for (guint pos = 0; inner_kw && lang_dict_next_entry (interp, inner_kw, &pos, &key, &value);)
    lang_dict_set (interp, keywords, key, value);
  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, keywords, scalar_str (kwnames[k], -1), args[nargs + k]);

  guint n = lang_seq_length (interp, all);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = lang_ref (interp, lang_seq_item (interp, all, i));
  lang_decref (interp, all);
  lang_setattr (interp, self, "func", func);
  modules_weak_set_attr (interp, self, "args", lang_tuple_new (interp, n, items));
  modules_weak_set_attr (interp, self, "keywords", keywords);
  return scalar_none ();
}

/* func(*args, *call_args, **{**keywords, **call_keywords}) */
static ReclaimValue
partial_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue func, pargs, keywords;

  if (!modules_method_self (interp, "partial", "__call__", &self, &nargs, &args) ||
      !partial_parts (interp, self, &func, &pargs, &keywords))
    return LANG_ERROR;

  ReclaimValue merged = lang_dict_new (interp);
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, keywords, &pos, &key, &value);)
    lang_dict_set (interp, merged, key, value);
  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, merged, scalar_str (kwnames[k], -1), args[nargs + k]);

  guint npos = lang_seq_length (interp, pargs), nk = lang_dict_length (interp, merged);
  g_autofree ReclaimValue *all = g_new (ReclaimValue, npos + nargs + nk + 1);
  g_autofree const char **names = g_new (const char *, nk + 1);
  for (guint i = 0; i < npos; i++)
    all[i] = lang_seq_item (interp, pargs, i);
  for (guint i = 0; i < nargs; i++)
    all[npos + i] = args[i];
  guint k = 0;
  for (guint pos = 0; lang_dict_next_entry (interp, merged, &pos, &key, &value); k++)
    {
      names[k] = scalar_get_str (key, NULL);
      all[npos + nargs + k] = value;
    }
  lang_incref (interp, func);
  ReclaimValue r = lang_call (interp, func, npos + nargs, all, k, names);
  lang_decref (interp, func);
  lang_decref (interp, merged);
  return r;
}

static ReclaimValue
partial_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue func, pargs, keywords;

  if (!modules_method_self (interp, "partial", "__repr__", &self, &nargs, &args) ||
      !partial_parts (interp, self, &func, &pargs, &keywords))
    return LANG_ERROR;
  g_autofree char *func_repr = lang_repr (interp, func);
  if (func_repr == NULL)
    return LANG_ERROR;
  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out, "functools.partial(%s", func_repr);
  if (!modules_append_argument_reprs (interp, out, pargs, keywords, TRUE))
    return LANG_ERROR;
  g_string_append_c (out, ')');
  return scalar_str (out->str, out->len);
}

MODULES_CONSTRUCTOR (partial_construct, "partial")

static const LangMethodDef partial_dunders[] = {
  { "__call__", partial_call }, { "__repr__", partial_repr }, { NULL, NULL }
};
static const LangMethodDef partial_methods[] = { { "__init__", partial_init }, { NULL, NULL } };

void
modules_functools_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "functools");
  LangClass *partial = modules_class_new (interp, "functools", "partial", partial_construct, partial_dunders,
                                          partial_methods);

  modules_add_function (interp, ns, "reduce", functools_reduce);
  modules_functools_add_wraps (interp, ns);
  modules_functools_add_caches (interp, ns);
  modules_functools_add_ordering (interp, ns);
  lang_dict_set (interp, ns, scalar_str ("partial", -1), partial->id);
  modules_new_module (interp, "functools", ns);
  lang_decref (interp, ns);
}
