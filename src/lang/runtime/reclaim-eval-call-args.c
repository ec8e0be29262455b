/* reclaim-eval-call-args.c: the arguments of a call spread into its
 * argument array: what `*iterable` gives, and the keyword arguments,
 * `name=value` and `**mapping`, with python3's errors for each.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11 gathers the keyword arguments into one dict when a `**` is
 * among them: each run of `name=value` and each mapping is merged into it
 * in turn (DICT_MERGE), so a name given twice raises "got multiple values
 * for keyword argument" as soon as the run or the mapping that repeats it
 * is merged, and a mapping without keys() raises "argument after ** must
 * be a mapping".  A key that is not a str passes the merge; the call
 * itself refuses it ("keywords must be strings"), once every argument is
 * made.
 */
#include "reclaim-eval-private.h"

#include <string.h>

/* _PyObject_FunctionStr: "module.qualname()", or "qualname()" for a
 * built-in.  A method of a built-in type found without a bound object
 * (callable 0) is named by its owner's type. */
static char *
function_str (ReclaimInterp *interp, const EvalCallTarget *target)
{
  if (target->callable == 0)
    return g_strdup_printf ("%s.%s()", lang_type_name (interp, target->owner), target->attr);
  ReclaimValue qualname = lang_lookup_attr (interp, target->callable, "__qualname__");
  /* Reclaim's built-in functions have a __name__ only */
  if (qualname == 0 && !lang_error_occurred (interp))
    qualname = lang_lookup_attr (interp, target->callable, "__name__");
  if (qualname == 0 || scalar_type (qualname) != SCALAR_STR)
    {
      lang_error_clear (interp);
      char *text = lang_str (interp, target->callable);
      lang_error_clear (interp);
      return text ? text : g_strdup ("?");
    }
  ReclaimValue module = lang_lookup_attr (interp, target->callable, "__module__");
  lang_error_clear (interp);
  const char *module_name = module && scalar_type (module) == SCALAR_STR ? scalar_get_str (module, NULL) : NULL;
  char *text = module_name && strcmp (module_name, "builtins") != 0
    ? g_strdup_printf ("%s.%s()", module_name, scalar_get_str (qualname, NULL))
    : g_strdup_printf ("%s()", scalar_get_str (qualname, NULL));
  lang_decref (interp, qualname);
  if (module)
    lang_decref (interp, module);
  return text;
}

/* The items of `*iterable` (new references), or NULL with an error.  A
 * lone `*x` is passed as it is (CALL_FUNCTION_EX names the callee when x
 * cannot be iterated); with other positional arguments a list is built
 * (LIST_EXTEND says "Value after *"). */
GPtrArray *
eval_call_star_items (ReclaimInterp *interp, const EvalCallTarget *target, ReclaimValue iterable, gboolean alone)
{
  ReclaimValue it = lang_iter (interp, iterable);
  if (it == LANG_ERROR)
    {
      if (lang_error_matches (interp, "TypeError"))
        {
          lang_error_clear (interp);
          if (alone)
            {
              g_autofree char *callee = function_str (interp, target);
              lang_raise (interp, "TypeError", "%s argument after * must be an iterable, not %s", callee,
                          lang_type_name (interp, iterable));
            }
          else
            lang_raise (interp, "TypeError", "Value after * must be an iterable, not %s",
                        lang_type_name (interp, iterable));
        }
      return NULL;
    }
  GPtrArray *items = lang_sequence_to_array (interp, it);
  lang_decref (interp, it);
  return items;
}

static gboolean
already_given (GPtrArray *kwnames, guint before, const char *name)
{
  for (guint i = 0; i < before; i++)
    if (strcmp (kwnames->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
multiple_values (ReclaimInterp *interp, const EvalCallTarget *target, const char *name)
{
  g_autofree char *callee = function_str (interp, target);
  lang_raise (interp, "TypeError", "%s got multiple values for keyword argument '%s'", callee, name);
  return FALSE;
}

/* Adds key=value (value stolen) unless key repeats a name: then raises. */
static gboolean
add_keyword (ReclaimInterp *interp, const EvalCallTarget *target, ReclaimValue key, ReclaimValue value,
             GArray *values, GPtrArray *kwnames, gboolean *non_str_key)
{
  if (scalar_type (key) != SCALAR_STR)
    {
      *non_str_key = TRUE;
      lang_decref (interp, value);
      return TRUE;
    }
  const char *name = scalar_get_str (key, NULL);
  if (already_given (kwnames, kwnames->len, name))
    {
      lang_decref (interp, value);
      return multiple_values (interp, target, name);
    }
  g_array_append_val (values, value);
  g_ptr_array_add (kwnames, (gpointer) name);
  return TRUE;
}

/* A mapping other than a dict: its keys(), then mapping[key] for each. */
static gboolean
merge_keys_mapping (ReclaimInterp *interp, const EvalCallTarget *target, ReclaimValue mapping, GArray *values,
                    GPtrArray *kwnames, gboolean *non_str_key)
{
  ReclaimValue keys_method = reclaim_value_is_object (mapping) ? lang_lookup_attr (interp, mapping, "keys") : 0;
  if (keys_method == 0)
    {
      if (lang_error_occurred (interp) && !lang_error_matches (interp, "AttributeError"))
        return FALSE;
      lang_error_clear (interp);
      g_autofree char *callee = function_str (interp, target);
      lang_raise (interp, "TypeError", "%s argument after ** must be a mapping, not %s", callee,
                  lang_type_name (interp, mapping));
      return FALSE;
    }
  ReclaimValue keys = lang_call (interp, keys_method, 0, NULL, 0, NULL);
  lang_decref (interp, keys_method);
  if (keys == LANG_ERROR)
    return FALSE;
  GPtrArray *items = lang_sequence_to_array (interp, keys);
  lang_decref (interp, keys);
  if (items == NULL)
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      ReclaimValue key = GPOINTER_TO_UINT (items->pdata[i]);
      if (ok && scalar_type (key) == SCALAR_STR && already_given (kwnames, kwnames->len, scalar_get_str (key, NULL)))
        ok = multiple_values (interp, target, scalar_get_str (key, NULL));
      ReclaimValue value = ok ? lang_subscript (interp, mapping, key) : LANG_ERROR;
      if (value == LANG_ERROR)
        ok = FALSE;
      else
        ok = add_keyword (interp, target, key, value, values, kwnames, non_str_key);
      lang_decref (interp, key);
    }
  g_ptr_array_unref (items);
  return ok;
}

/* DICT_MERGE of one **mapping. */
static gboolean
merge_mapping (ReclaimInterp *interp, const EvalCallTarget *target, ReclaimValue mapping, GArray *values,
               GPtrArray *kwnames, gboolean *non_str_key)
{
  if (!lang_is_instance (interp, mapping, "dict"))
    return merge_keys_mapping (interp, target, mapping, values, kwnames, non_str_key);
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, mapping, &pos, &key, &value);)
    if (!add_keyword (interp, target, key, lang_ref (interp, value), values, kwnames, non_str_key))
      return FALSE;
  return TRUE;
}

/* The run of name=value from `first` on, merged after a **mapping: a
 * name given before it raises. */
static gboolean
merge_named_run (ReclaimInterp *interp, const EvalCallTarget *target, GPtrArray *kwnames, guint first)
{
  for (guint i = first; i < kwnames->len; i++)
    if (already_given (kwnames, first, kwnames->pdata[i]))
      return multiple_values (interp, target, kwnames->pdata[i]);
  return TRUE;
}

gboolean
eval_call_keywords (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *keywords,
                    const EvalCallTarget *target, GArray *values, GPtrArray *kwnames)
{
  guint run_start = kwnames->len;
  gboolean after_mapping = FALSE, non_str_key = FALSE;

  for (guint i = 0; i < keywords->n; i++)
    {
      const ReclaimNode *kw = keywords->items[i];
      if (kw->v.keyword.arg == NULL && after_mapping && !merge_named_run (interp, target, kwnames, run_start))
        return FALSE;
      ReclaimValue v = eval_expr (interp, frame, kw->v.keyword.value);
      if (v == LANG_ERROR)
        return FALSE;
      if (kw->v.keyword.arg)
        {
          g_array_append_val (values, v);
          g_ptr_array_add (kwnames, (gpointer) kw->v.keyword.arg);
          continue;
        }
      gboolean ok = merge_mapping (interp, target, v, values, kwnames, &non_str_key);
      lang_decref (interp, v);
      if (!ok)
        return FALSE;
      after_mapping = TRUE;
      run_start = kwnames->len;
    }
  if (after_mapping && !merge_named_run (interp, target, kwnames, run_start))
    return FALSE;
  if (non_str_key)
    {
      lang_raise (interp, "TypeError", "keywords must be strings");
      return FALSE;
    }
  return TRUE;
}
