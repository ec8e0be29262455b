/* reclaim-mod-dataclasses-functions.c: the functions of the dataclasses
 * module that read a dataclass: fields(), asdict(), astuple(), replace()
 * and is_dataclass().
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-mod-dataclasses-private.h"

#include <string.h>

#define FIELDS "__dataclass_fields__"

/* ---- fields(), asdict(), astuple(), replace(), is_dataclass() -------------- */

ReclaimValue
dataclasses_fields (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "fields", nargs, 1, 1, nkw))
    return LANG_ERROR;
  LangClass *cls = lang_class_get (interp, args[0]);
  if (cls == NULL || cls->builtin)
    cls = dataclasses_class_of (interp, args[0]);
  else if (!cls->ns || !lang_eval_class_lookup (interp, cls, FIELDS))
    cls = NULL;
  while (cls && !lang_dict_get (interp, cls->ns, scalar_str (FIELDS, -1)))
    cls = cls->base;
  if (cls == NULL)
    return lang_raise (interp, "TypeError", "must be called with a dataclass type or instance");
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, fields->len + 1);
  for (guint i = 0; i < fields->len; i++)
    items[i] = lang_ref (interp, GPOINTER_TO_UINT (fields->pdata[i]));
  return lang_tuple_new (interp, fields->len, items);
}

static ReclaimValue convert (ReclaimInterp *interp, ReclaimValue v, gboolean as_tuple);

/* The fields of a dataclass instance as a dict (asdict) or a tuple. */
static ReclaimValue
convert_instance (ReclaimInterp *interp, ReclaimValue obj, LangClass *cls, gboolean as_tuple)
{
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  ReclaimValue result = lang_list_new (interp);
  for (guint i = 0; i < fields->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (fields->pdata[i]);
      ReclaimValue attr = lang_getattr (interp, obj, dataclasses_field_name (interp, f));
      ReclaimValue v = attr ? convert (interp, attr, as_tuple) : LANG_ERROR;
      lang_decref (interp, attr);
      if (v == LANG_ERROR)
        {
          lang_decref (interp, result);
          return LANG_ERROR;
        }
      if (!as_tuple)
        {
          ReclaimValue pair[2] = { lang_ref (interp, dataclasses_field_attr (interp, f, "name")), v };
          v = lang_tuple_new (interp, 2, pair);
        }
      lang_list_append (interp, result, v);
    }
  /* dict_factory(result) / tuple_factory(result) */
  ReclaimValue factory = lang_builtin_class (interp, as_tuple ? "tuple" : "dict")->id;
  ReclaimValue made = lang_call (interp, factory, 1, &result, 0, NULL);
  lang_decref (interp, result);
  return made;
}

static ReclaimValue
convert_items (ReclaimInterp *interp, ReclaimValue seq, gboolean as_tuple)
{
  guint n = lang_seq_length (interp, seq);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    if ((items[i] = convert (interp, lang_seq_item (interp, seq, i), as_tuple)) == LANG_ERROR)
      {
        for (guint j = i; j > 0; j--)
          lang_decref (interp, items[j - 1]);
        return LANG_ERROR;
      }
  if (lang_is_builtin_kind (interp, seq, RECLAIM_KIND_TUPLE))
    return lang_tuple_new (interp, n, items);
  ReclaimValue list = lang_list_new (interp);
  for (guint i = 0; i < n; i++)
    lang_list_append (interp, list, items[i]);
  return list;
}

static ReclaimValue
convert_with (ReclaimInterp *interp, ReclaimValue v, gpointer as_tuple)
{
  return convert (interp, v, GPOINTER_TO_INT (as_tuple));
}

static ReclaimValue
convert_dict (ReclaimInterp *interp, ReclaimValue dict, gboolean as_tuple)
{
  ReclaimValue out = lang_dict_new (interp);
  if (!dataclasses_map_dict_into (interp, dict, out, convert_with, GINT_TO_POINTER (as_tuple)))
    {
      lang_decref (interp, out);
      return LANG_ERROR;
    }
  return out;
}

/* _asdict_inner / _astuple_inner: what they do not convert goes
 * through copy.deepcopy */
static ReclaimValue
convert (ReclaimInterp *interp, ReclaimValue v, gboolean as_tuple)
{
  if (!reclaim_value_is_object (v))
    return lang_ref (interp, v);
  LangClass *cls = lang_class_of (interp, v);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  LangClass *dataclass = kind == RECLAIM_KIND_INSTANCE ? dataclasses_class_of (interp, v) : NULL;
  if (dataclass)
    return convert_instance (interp, v, dataclass, as_tuple);
  if (cls->builtin && (kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE))
    return convert_items (interp, v, as_tuple);
  if (cls->builtin && kind == RECLAIM_KIND_DICT)
    return convert_dict (interp, v, as_tuple);
  return dataclasses_deepcopy (interp, v);
}

static ReclaimValue
convert_to (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw, gboolean as_tuple)
{
  const char *name = as_tuple ? "astuple" : "asdict";
  if (!lang_check_args (interp, name, nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (lang_class_get (interp, args[0]) || dataclasses_class_of (interp, args[0]) == NULL)
    return lang_raise (interp, "TypeError", "%s() should be called on dataclass instances", name);
  return convert (interp, args[0], as_tuple);
}

ReclaimValue
dataclasses_asdict (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  return convert_to (interp, nargs, args, nkw, FALSE);
}

ReclaimValue
dataclasses_astuple (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  return convert_to (interp, nargs, args, nkw, TRUE);
}

/* replace(obj, **changes): obj.__class__(**(fields of obj, then changes)) */
ReclaimValue
dataclasses_replace (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "replace() takes 1 positional argument but %u were given", nargs);
  LangClass *cls = lang_class_get (interp, args[0]) ? NULL : dataclasses_class_of (interp, args[0]);
  if (cls == NULL)
    return lang_raise (interp, "TypeError", "replace() should be called on dataclass instances");
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  ReclaimValue result = LANG_ERROR;
  for (guint k = 0; k < nkw; k++)
    {
      ReclaimValue v = lang_ref (interp, args[1 + k]);
      g_ptr_array_add (names, (gpointer) kwnames[k]);
      g_array_append_val (values, v);
    }
  for (guint i = 0; i < fields->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (fields->pdata[i]);
      const char *name = dataclasses_field_name (interp, f);
      gboolean changed = FALSE;
      for (guint k = 0; k < nkw && !changed; k++)
        changed = strcmp (kwnames[k], name) == 0;
      if (!dataclasses_field_flag (interp, f, "init"))
        {
          if (changed)
            {
              lang_raise (interp, "ValueError", "field %s is declared with init=False, it cannot be specified with "
                          "replace()", name);
              goto out;
            }
          continue;
        }
      if (changed)
        continue;
      ReclaimValue v = lang_getattr (interp, args[0], name);
      if (v == LANG_ERROR)
        goto out;
      g_ptr_array_add (names, (gpointer) name);
      g_array_append_val (values, v);
    }
  result = lang_call (interp, lang_class_of (interp, args[0])->id, 0, (ReclaimValue *) values->data, names->len,
                      (const char *const *) names->pdata);
out:
  for (guint i = 0; i < values->len; i++)
    lang_decref (interp, g_array_index (values, ReclaimValue, i));
  return result;
}

ReclaimValue
dataclasses_is_dataclass (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "is_dataclass", nargs, 1, 1, nkw))
    return LANG_ERROR;
  LangClass *cls = lang_class_get (interp, args[0]);
  if (cls == NULL)
    cls = reclaim_value_is_object (args[0]) ? lang_class_of (interp, args[0]) : NULL;
  return scalar_bool (cls && !cls->builtin && cls->ns && lang_eval_class_lookup (interp, cls, FIELDS) != 0);
}
