/* reclaim-mod-collections-namedtuple.c: collections.namedtuple.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * namedtuple() makes a class at run time, a subclass of tuple with
 * __slots__ = (): its instances are tuples (kind RECLAIM_KIND_TUPLE) whose
 * class is the new one, so they hash, compare, iterate and die as tuples
 * do (right to left), never come from the tuple free list, and hold their
 * class, as instances of a heap type do.  The class keeps __module__,
 * __doc__, __slots__, _fields and _field_defaults in its namespace; the
 * fields are read through the class's data attributes, by position.
 *
 * defaults= fills the last fields (kept in _field_defaults), rename=
 * replaces bad field names with _INDEX, module= sets __module__.
 *
 * Not modelled: _make, __getnewargs__, __match_args__, the field descriptors read from
 * the class (Point.x), subclassing a named tuple.
 */
#include "reclaim-mod-collections-private.h"

#include <string.h>

#define H(interp) ((interp)->heap)

/* ---- the class ------------------------------------------------------------------ */

static ReclaimValue
fields_of (ReclaimInterp *interp, LangClass *cls)
{
  return lang_dict_get (interp, cls->ns, scalar_str ("_fields", -1));
}

static guint
n_fields (ReclaimInterp *interp, LangClass *cls)
{
  return lang_seq_length (interp, fields_of (interp, cls));
}

static const char *
field_name (ReclaimInterp *interp, LangClass *cls, guint i)
{
  return scalar_get_str (lang_seq_item (interp, fields_of (interp, cls), i), NULL);
}

/* The position of a field, or -1. */
static gssize
field_index (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  for (guint i = 0; i < n_fields (interp, cls); i++)
    if (strcmp (field_name (interp, cls, i), name) == 0)
      return i;
  return -1;
}

static gboolean
is_named_tuple_class (LangClass *cls)
{
  return cls && cls->builtin && cls->ns && cls->instance_kind == RECLAIM_KIND_TUPLE;
}

/* The named tuple a method was called on. */
static LangClass *
named_self (ReclaimInterp *interp, const char *method, ReclaimValue *self, guint *nargs, const ReclaimValue **args)
{
  if (*self == 0 && *nargs > 0)
    {
      *self = (*args)[0];
      (*args)++;
      (*nargs)--;
    }
  LangClass *cls = *self && reclaim_value_is_object (*self) ? lang_class_of (interp, *self) : NULL;
  if (is_named_tuple_class (cls))
    return cls;
  lang_raise (interp, "TypeError", "%s() needs a named tuple", method);
  return NULL;
}

/* ---- instances ---------------------------------------------------------------- */

/* A new instance holding items (stolen). */
static ReclaimValue
instance_new (ReclaimInterp *interp, LangClass *cls, ReclaimValue *items)
{
  guint n = n_fields (interp, cls);
  ReclaimValue t = reclaim_heap_alloc (H (interp), RECLAIM_KIND_TUPLE, cls->id, NULL, RECLAIM_ALLOC_NO_FREELIST);
  for (guint i = 0; i < n; i++)
    reclaim_heap_slot_append (H (interp), t, RECLAIM_ROLE_ITEM, NULL, items[i]);
  return t;
}

/* "'x', 'y' and 'z'" as a Python function's missing-arguments message names them */
static char *
missing_names (ReclaimInterp *interp, LangClass *cls, ReclaimValue *items, guint *count)
{
  GString *out = g_string_new (NULL);
  guint n = n_fields (interp, cls), seen = 0;
  *count = 0;
  for (guint i = 0; i < n; i++)
    *count += items[i] == 0;
  for (guint i = 0; i < n; i++)
    if (items[i] == 0)
      {
        seen++;
        const char *sep = seen == 1 ? "" : seen < *count ? ", " : *count > 2 ? ", and " : " and ";
        g_string_append_printf (out, "%s'%s'", sep, field_name (interp, cls, i));
      }
  return g_string_free (out, FALSE);
}

/* __new__(_cls, x, y): the arguments by position or by field name */
static gboolean
collect_arguments (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args, guint nkw,
                   const char *const *kwnames, ReclaimValue *items)
{
  guint n = n_fields (interp, cls);
  if (nargs > n)
    {
      lang_raise (interp, "TypeError", "%s.__new__() takes %u positional arguments but %u were given", cls->name,
                  n + 1, nargs + 1);
      return FALSE;
    }
  for (guint i = 0; i < nargs; i++)
    items[i] = args[i];
  for (guint k = 0; k < nkw; k++)
    {
      gssize i = field_index (interp, cls, kwnames[k]);
      if (i < 0 || items[i] != 0)
        {
          lang_raise (interp, "TypeError", i < 0 ? "%s.__new__() got an unexpected keyword argument '%s'"
                                                 : "%s.__new__() got multiple values for argument '%s'",
                      cls->name, kwnames[k]);
          return FALSE;
        }
      items[i] = args[nargs + k];
    }
  /* __new__.__defaults__: the class's _field_defaults, by name */
  ReclaimValue defaults = lang_dict_get (interp, cls->ns, scalar_str ("_field_defaults", -1));
  for (guint i = 0; defaults && i < n; i++)
    if (items[i] == 0)
      items[i] = lang_dict_get (interp, defaults, scalar_str (field_name (interp, cls, i), -1));
  guint missing;
  g_autofree char *names = missing_names (interp, cls, items, &missing);
  if (missing == 0)
    return TRUE;
  lang_raise (interp, "TypeError", "%s.__new__() missing %u required positional argument%s: %s", cls->name,
              missing, missing == 1 ? "" : "s", names);
  return FALSE;
}

static ReclaimValue
named_construct (ReclaimInterp *interp, ReclaimValue cls_id, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  LangClass *cls = lang_class_get (interp, cls_id);
  g_autofree ReclaimValue *items = g_new0 (ReclaimValue, n_fields (interp, cls) + 1);

  if (!collect_arguments (interp, cls, nargs, args, nkw, kwnames, items))
    return LANG_ERROR;
  for (guint i = 0; i < n_fields (interp, cls); i++)
    lang_incref (interp, items[i]);
  return instance_new (interp, cls, items);
}

/* "Point(x=1, y=2)" */
static ReclaimValue
named_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  LangClass *cls = named_self (interp, "__repr__", &self, &nargs, &args);
  if (cls == NULL)
    return LANG_ERROR;
  GString *out = g_string_new (cls->name);
  g_string_append_c (out, '(');
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < n_fields (interp, cls); i++)
    {
      g_autofree char *r = lang_repr (interp, reclaim_heap_slot_get (H (interp), self, i));
      ok = r != NULL;
      g_string_append_printf (out, "%s%s=%s", i ? ", " : "", field_name (interp, cls, i), r ? r : "");
    }
  g_string_append_c (out, ')');
  ReclaimValue text = ok ? scalar_str (out->str, out->len) : LANG_ERROR;
  g_string_free (out, TRUE);
  return text;
}

static ReclaimValue
named_asdict (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  LangClass *cls = named_self (interp, "_asdict", &self, &nargs, &args);
  if (cls == NULL || !lang_check_args (interp, "_asdict", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue dict = lang_dict_new (interp);
  for (guint i = 0; i < n_fields (interp, cls); i++)
    lang_dict_set (interp, dict, scalar_str (field_name (interp, cls, i), -1),
                   reclaim_heap_slot_get (H (interp), self, i));
  return dict;
}

/* _replace(**kwds): a new instance with those fields changed */
static ReclaimValue
named_replace (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  LangClass *cls = named_self (interp, "_replace", &self, &nargs, &args);
  if (cls == NULL)
    return LANG_ERROR;
  if (nargs > 0)
    return lang_raise (interp, "TypeError", "%s._replace() takes 1 positional argument but %u were given",
                       cls->name, nargs + 1);
  guint n = n_fields (interp, cls);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  GString *unknown = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    items[i] = reclaim_heap_slot_get (H (interp), self, i);
  for (guint k = 0; k < nkw; k++)
    {
      gssize i = field_index (interp, cls, kwnames[k]);
      if (i >= 0)
        items[i] = args[k];
      else
        g_string_append_printf (unknown, "%s'%s'", unknown->len ? ", " : "", kwnames[k]);
    }
  if (unknown->len > 0)
    {
      lang_raise (interp, "ValueError", "Got unexpected field names: [%s]", unknown->str);
      g_string_free (unknown, TRUE);
      return LANG_ERROR;
    }
  g_string_free (unknown, TRUE);
  for (guint i = 0; i < n; i++)
    lang_incref (interp, items[i]);
  return instance_new (interp, cls, items);
}

/* the fields, read-only; _fields from the class */
static ReclaimValue
named_getset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  LangClass *cls = lang_class_of (interp, self);
  const char *name = scalar_get_str (args[0], NULL);
  gssize i = field_index (interp, cls, name);

  if (nargs == 2)
    return i >= 0 ? lang_raise (interp, "AttributeError", "can't set attribute") : 0;
  if (i >= 0)
    return lang_ref (interp, reclaim_heap_slot_get (H (interp), self, i));
  ReclaimValue v = strcmp (name, "_fields") == 0 || strcmp (name, "_field_defaults") == 0
                   ? lang_eval_class_lookup (interp, cls, name) : 0;
  return v ? lang_ref (interp, v) : 0;
}

static const LangMethodDef named_methods[] = {
  { "_asdict", named_asdict }, { "_replace", named_replace },
  { "__repr__", named_repr }, { LANG_TYPE_GETSET, named_getset },
  { NULL },
};

/* ---- namedtuple() ------------------------------------------------------------- */

static const char *const keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
  "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

/* rename=True: a field name that is no identifier, a keyword, starts
 * with an underscore or was seen before becomes _INDEX.  Takes fields,
 * returns the renamed tuple (or LANG_ERROR). */
static ReclaimValue
rename_fields (ReclaimInterp *interp, ReclaimValue fields)
{
  guint n = lang_seq_length (interp, fields);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree ReclaimValue *renamed = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue name = lang_seq_item (interp, fields, i);
      const char *text = scalar_get_str (name, NULL);
      ReclaimValue ok = lang_call_method (interp, name, "isidentifier", 0, NULL);
      gboolean bad = ok == LANG_ERROR || !scalar_get_bool (ok) || text[0] == '_' ||
                     g_hash_table_contains (seen, text);
      for (guint k = 0; k < G_N_ELEMENTS (keywords); k++)
        bad |= strcmp (keywords[k], text) == 0;
      lang_error_clear (interp);
      g_autofree char *numbered = g_strdup_printf ("_%u", i);
      renamed[i] = bad ? scalar_str (numbered, -1) : lang_ref (interp, name);
      g_hash_table_add (seen, (gpointer) text);
    }
  ReclaimValue result = lang_tuple_new (interp, n, renamed);
  lang_decref (interp, fields);
  return result;
}

/* namedtuple's checks of the type name and each field name (renamed
 * fields may start with an underscore) */
static gboolean
check_name (ReclaimInterp *interp, ReclaimValue name, gboolean is_field, gboolean renamed, GHashTable *seen)
{
  const char *text = scalar_get_str (name, NULL);
  ReclaimValue ok = lang_call_method (interp, name, "isidentifier", 0, NULL);
  if (ok == LANG_ERROR)
    return FALSE;
  if (!scalar_get_bool (ok))
    {
      lang_raise (interp, "ValueError", "Type names and field names must be valid identifiers: '%s'", text);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strcmp (keywords[i], text) == 0)
      {
        lang_raise (interp, "ValueError", "Type names and field names cannot be a keyword: '%s'", text);
        return FALSE;
      }
  if (is_field && text[0] == '_' && !renamed)
    {
      lang_raise (interp, "ValueError", "Field names cannot start with an underscore: '%s'", text);
      return FALSE;
    }
  if (is_field && !g_hash_table_add (seen, (gpointer) text))
    {
      lang_raise (interp, "ValueError", "Encountered duplicate field name: '%s'", text);
      return FALSE;
    }
  return TRUE;
}

/* field_names: a str of names split at commas and spaces, or an iterable
 * whose items are made strs.  A tuple of strs (new reference) or LANG_ERROR. */
static ReclaimValue
parse_fields (ReclaimInterp *interp, ReclaimValue spec)
{
  GPtrArray *names = g_ptr_array_new ();
  if (scalar_type (spec) == SCALAR_STR)
    {
      g_autofree char *text = g_strdup (scalar_get_str (spec, NULL));
      g_strdelimit (text, ",", ' ');
      g_auto (GStrv) parts = g_strsplit_set (text, " \t\n\r\f\v", -1);
      for (guint i = 0; parts[i]; i++)
        if (parts[i][0])
          g_ptr_array_add (names, GUINT_TO_POINTER (scalar_str (parts[i], -1)));
    }
  else
    {
      GPtrArray *items = lang_sequence_to_array (interp, spec);
      if (items == NULL)
        {
          g_ptr_array_unref (names);
          return LANG_ERROR;
        }
      for (guint i = 0; i < items->len; i++)
        {
          ReclaimValue item = GPOINTER_TO_UINT (items->pdata[i]);
          g_autofree char *text = scalar_type (item) == SCALAR_STR ? NULL : lang_str (interp, item);
          g_ptr_array_add (names, GUINT_TO_POINTER (text ? scalar_str (text, -1) : lang_ref (interp, item)));
          lang_decref (interp, item);
        }
      g_ptr_array_unref (items);
    }
  g_autofree ReclaimValue *values = g_new (ReclaimValue, names->len + 1);
  for (guint i = 0; i < names->len; i++)
    values[i] = GPOINTER_TO_UINT (names->pdata[i]);
  ReclaimValue fields = lang_tuple_new (interp, names->len, values);
  g_ptr_array_unref (names);
  return fields;
}

/* "Point(x, y)" */
static ReclaimValue
class_doc (ReclaimInterp *interp, const char *name, ReclaimValue fields)
{
  GString *out = g_string_new (name);
  g_string_append_c (out, '(');
  for (guint i = 0; i < lang_seq_length (interp, fields); i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", scalar_get_str (lang_seq_item (interp, fields, i), NULL));
  g_string_append_c (out, ')');
  ReclaimValue doc = scalar_str (out->str, out->len);
  g_string_free (out, TRUE);
  return doc;
}

/* The class, holding what type() gives a class: its namespace, its base,
 * its mro and its bases. */
static ReclaimValue
class_new (ReclaimInterp *interp, const char *name, ReclaimValue fields)
{
  LangClass *tuple = lang_builtin_class (interp, "tuple");
  LangClass *object = lang_builtin_class (interp, "object");
  LangClass *c = g_new0 (LangClass, 1);

  c->id = reclaim_heap_alloc (H (interp), RECLAIM_KIND_CLASS, 0, name, 0);
  c->name = g_strdup (name);
  c->base = tuple;
  c->builtin = TRUE;   /* its instances are tuples; it is not in interp->builtin_types */
  c->instance_kind = RECLAIM_KIND_TUPLE;
  c->construct = named_construct;
  c->scalar = SCALAR_NOT_SCALAR;
  c->methods = g_hash_table_new (g_str_hash, g_str_equal);
  c->keys = g_ptr_array_new_with_free_func (g_free);
  c->key_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (const LangMethodDef *m = named_methods; m->name; m++)
    g_hash_table_insert (c->methods, (gpointer) m->name, m->func);
  g_hash_table_insert (interp->classes, GUINT_TO_POINTER (c->id), c);

  /* the namespace is the class's before it is filled: what it holds is
   * part of the class, not something the script made */
  ReclaimValue ns = lang_dict_new (interp);
  c->ns = ns;
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__dict__", ns);
  modules_add_value (interp, ns, "__module__", scalar_str ("__main__", -1));
  modules_add_value (interp, ns, "__doc__", class_doc (interp, name, fields));
  modules_add_value (interp, ns, "__slots__", lang_tuple_new (interp, 0, NULL));
  lang_dict_set (interp, ns, scalar_str ("_fields", -1), fields);
  modules_add_value (interp, ns, "_field_defaults", lang_dict_new (interp));
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__base__", lang_ref (interp, tuple->id));
  ReclaimValue mro[] = { lang_ref (interp, c->id), lang_ref (interp, tuple->id), lang_ref (interp, object->id) };
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__mro__", lang_tuple_new (interp, 3, mro));
  ReclaimValue bases[] = { lang_ref (interp, tuple->id) };
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__bases__", lang_tuple_new (interp, 1, bases));
  return c->id;
}

/* defaults=: tuple(defaults), at most one per field, matched to the last
 * fields.  The _field_defaults dict (new reference) or LANG_ERROR; the
 * tuple goes in *as_tuple (0 when there are no defaults). */
static ReclaimValue
make_field_defaults (ReclaimInterp *interp, ReclaimValue fields, ReclaimValue defaults, ReclaimValue *as_tuple)
{
  ReclaimValue result = lang_dict_new (interp);
  *as_tuple = 0;
  if (defaults == 0 || scalar_type (defaults) == SCALAR_NONE)
    return result;
  GPtrArray *values = lang_sequence_to_array (interp, defaults);
  guint n = lang_seq_length (interp, fields);
  if (values && values->len > n)
    lang_raise (interp, "TypeError", "Got more default values than field names");
  gboolean ok = values && values->len <= n;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, values ? values->len + 1 : 1);
  for (guint i = 0; values && i < values->len; i++)
    {
      items[i] = GPOINTER_TO_UINT (values->pdata[i]);
      if (ok)
        lang_dict_set (interp, result, lang_seq_item (interp, fields, n - values->len + i), items[i]);
    }
  if (values)
    {
      *as_tuple = lang_tuple_new (interp, values->len, items);
      g_ptr_array_unref (values);
    }
  if (!ok)
    {
      lang_decref (interp, result);
      lang_decref (interp, *as_tuple);
      *as_tuple = 0;
      return LANG_ERROR;
    }
  return result;
}

static ReclaimValue
collections_namedtuple (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  ReclaimValue typename = lang_arg (nargs, args, nkw, kwnames, 0, "typename");
  ReclaimValue spec = lang_arg (nargs, args, nkw, kwnames, 1, "field_names");

  static const char *const known[] = { "typename", "field_names", "rename", "defaults", "module", NULL };
  for (guint k = 0; k < nkw; k++)
    if (!g_strv_contains (known, kwnames[k]))
      return lang_raise (interp, "TypeError", "namedtuple() got an unexpected keyword argument '%s'", kwnames[k]);
  ReclaimValue rename = lang_kwarg (nargs, args, nkw, kwnames, "rename");
  ReclaimValue defaults = lang_kwarg (nargs, args, nkw, kwnames, "defaults");
  ReclaimValue module = lang_kwarg (nargs, args, nkw, kwnames, "module");
  if (nargs > 2)
    return lang_raise (interp, "TypeError", "namedtuple() takes 2 positional arguments but %u were given", nargs);
  if (typename == 0 || spec == 0)
    return lang_raise (interp, "TypeError", "namedtuple() missing required argument '%s'",
                       typename == 0 ? "typename" : "field_names");
  g_autofree char *name = scalar_type (typename) == SCALAR_STR ? NULL : lang_str (interp, typename);
  ReclaimValue name_str = name ? scalar_str (name, -1) : typename;
  ReclaimValue fields = parse_fields (interp, spec);
  int renaming = fields == LANG_ERROR || rename == 0 ? 0 : lang_truth (interp, rename);
  if (renaming > 0)
    fields = rename_fields (interp, fields);
  if (fields == LANG_ERROR || renaming < 0)
    {
      lang_decref (interp, fields);
      return LANG_ERROR;
    }
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = check_name (interp, name_str, FALSE, FALSE, seen);
  for (guint i = 0; ok && i < lang_seq_length (interp, fields); i++)
    ok = check_name (interp, lang_seq_item (interp, fields, i), TRUE, renaming > 0, seen);
  ReclaimValue defaults_tuple = 0;
  ReclaimValue field_defaults = ok ? make_field_defaults (interp, fields, defaults, &defaults_tuple) : LANG_ERROR;
  ReclaimValue cls = field_defaults != LANG_ERROR ? class_new (interp, scalar_get_str (name_str, NULL), fields)
                                                  : LANG_ERROR;
  if (cls != LANG_ERROR)
    {
      LangClass *c = lang_class_get (interp, cls);
      lang_dict_set (interp, c->ns, scalar_str ("_field_defaults", -1), field_defaults);
      if (module && scalar_type (module) != SCALAR_NONE)
        lang_dict_set (interp, c->ns, scalar_str ("__module__", -1), module);
      /* CPython's __new__ holds them too, as its __defaults__ */
      if (defaults_tuple)
        reclaim_heap_slot_append (H (interp), cls, RECLAIM_ROLE_OTHER, "__new__.__defaults__", defaults_tuple);
      defaults_tuple = 0;   /* the class has it now */
    }
  lang_decref (interp, defaults_tuple);
  lang_decref (interp, field_defaults);
  lang_decref (interp, fields);
  return cls;
}

void
collections_namedtuple_init (ReclaimInterp *interp, ReclaimValue ns)
{
  modules_add_function (interp, ns, "namedtuple", collections_namedtuple);
}
