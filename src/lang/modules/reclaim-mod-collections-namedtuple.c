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
 * defaults= are held by the class, as python3's __new__ holds them in its
 * __defaults__; _make and the field descriptors (Point.x) are in
 * reclaim-mod-collections-tuplegetter.c.
 *
 * Not modelled: __getnewargs__, __match_args__, __new__ read from the
 * class, subclassing a named tuple.
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

/* The defaults of __new__, a tuple, or 0 when there are none (borrowed). */
static ReclaimValue
new_defaults (ReclaimInterp *interp, LangClass *cls)
{
  for (guint i = 0; i < reclaim_heap_n_slots (H (interp), cls->id); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (H (interp), cls->id, i), "__new__.__defaults__") == 0)
      return reclaim_heap_slot_get (H (interp), cls->id, i);
  return 0;
}

/* The missing arguments that have a default take it (borrowed). */
static void
fill_defaults (ReclaimInterp *interp, LangClass *cls, ReclaimValue *items)
{
  ReclaimValue defaults = new_defaults (interp, cls);
  guint n = n_fields (interp, cls), d = defaults ? lang_seq_length (interp, defaults) : 0;
  for (guint i = n - d; i < n; i++)
    if (items[i] == 0)
      items[i] = lang_seq_item (interp, defaults, i - (n - d));
}

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
  ReclaimValue defaults = new_defaults (interp, cls);
  guint d = defaults ? lang_seq_length (interp, defaults) : 0;
  if (nargs > n)
    {
      if (d > 0)
        lang_raise (interp, "TypeError", "%s.__new__() takes from %u to %u positional arguments but %u were given",
                    cls->name, n - d + 1, n + 1, nargs + 1);
      else
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
  fill_defaults (interp, cls, items);
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

static gboolean
is_keyword (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strcmp (keywords[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* 1 for an identifier, 0 if not, -1 on error */
static int
is_identifier (ReclaimInterp *interp, ReclaimValue name)
{
  ReclaimValue ok = lang_call_method (interp, name, "isidentifier", 0, NULL);
  return ok == LANG_ERROR ? -1 : scalar_get_bool (ok);
}

/* namedtuple's first check, of the type name and each field name */
static gboolean
check_identifier (ReclaimInterp *interp, ReclaimValue name)
{
  const char *text = scalar_get_str (name, NULL);
  int identifier = is_identifier (interp, name);
  if (identifier < 0)
    return FALSE;
  if (!identifier)
    {
      lang_raise (interp, "ValueError", "Type names and field names must be valid identifiers: '%s'", text);
      return FALSE;
    }
  if (is_keyword (text))
    {
      lang_raise (interp, "ValueError", "Type names and field names cannot be a keyword: '%s'", text);
      return FALSE;
    }
  return TRUE;
}

/* and then of the field names alone */
static gboolean
check_field (ReclaimInterp *interp, ReclaimValue name, gboolean rename, GHashTable *seen)
{
  const char *text = scalar_get_str (name, NULL);
  if (!rename && text[0] == '_')
    {
      lang_raise (interp, "ValueError", "Field names cannot start with an underscore: '%s'", text);
      return FALSE;
    }
  if (!g_hash_table_add (seen, (gpointer) text))
    {
      lang_raise (interp, "ValueError", "Encountered duplicate field name: '%s'", text);
      return FALSE;
    }
  return TRUE;
}

/* rename=True: a name that is no identifier, a keyword, starts with an
 * underscore or was seen before becomes _INDEX.  A new tuple, or
 * LANG_ERROR. */
static ReclaimValue
rename_fields (ReclaimInterp *interp, ReclaimValue fields)
{
  guint n = lang_seq_length (interp, fields);
  g_autofree ReclaimValue *names = g_new (ReclaimValue, n + 1);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue name = lang_seq_item (interp, fields, i);
      const char *text = scalar_get_str (name, NULL);
      int identifier = is_identifier (interp, name);
      if (identifier < 0)
        {
          for (guint j = 0; j < i; j++)
            lang_decref (interp, names[j]);
          return LANG_ERROR;
        }
      gboolean bad = !identifier || is_keyword (text) || text[0] == '_' || g_hash_table_contains (seen, text);
      g_autofree char *renamed = bad ? g_strdup_printf ("_%u", i) : NULL;
      names[i] = bad ? scalar_str (renamed, -1) : lang_ref (interp, name);
      g_hash_table_add (seen, (gpointer) text);
    }
  return lang_tuple_new (interp, n, names);
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
 * its mro and its bases; and the defaults (stolen, 0 for none). */
static ReclaimValue
class_new (ReclaimInterp *interp, const char *name, ReclaimValue fields, ReclaimValue defaults,
           ReclaimValue field_defaults, ReclaimValue module)
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
  lang_classes_insert (interp, c->id, c);

  /* the namespace is the class's before it is filled: what it holds is
   * part of the class, not something the script made */
  ReclaimValue ns = lang_dict_new (interp);
  c->ns = ns;
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__dict__", ns);
  modules_add_value (interp, ns, "__module__", module);
  modules_add_value (interp, ns, "__doc__", class_doc (interp, name, fields));
  modules_add_value (interp, ns, "__slots__", lang_tuple_new (interp, 0, NULL));
  lang_dict_set (interp, ns, scalar_str ("_fields", -1), fields);
  modules_add_value (interp, ns, "_field_defaults", field_defaults);
  collections_named_class_fill (interp, c, fields);
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__base__", lang_ref (interp, tuple->id));
  ReclaimValue mro[] = { lang_ref (interp, c->id), lang_ref (interp, tuple->id), lang_ref (interp, object->id) };
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__mro__", lang_tuple_new (interp, 3, mro));
  ReclaimValue bases[] = { lang_ref (interp, tuple->id) };
  reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__bases__", lang_tuple_new (interp, 1, bases));
  if (defaults)
    reclaim_heap_slot_append (H (interp), c->id, RECLAIM_ROLE_OTHER, "__new__.__defaults__", defaults);
  return c->id;
}

/* defaults: a tuple of them (new reference, 0 for None) and the dict of
 * the fields they go to, the last ones; FALSE with TypeError if there are
 * more defaults than fields. */
static gboolean
parse_defaults (ReclaimInterp *interp, ReclaimValue spec, ReclaimValue fields, ReclaimValue *defaults,
                ReclaimValue *field_defaults)
{
  *defaults = 0;
  *field_defaults = lang_dict_new (interp);
  if (spec == 0 || scalar_type (spec) == SCALAR_NONE)
    return TRUE;
  GPtrArray *items = lang_sequence_to_array (interp, spec);
  if (items == NULL)
    return FALSE;
  guint n = lang_seq_length (interp, fields), d = items->len;
  g_autofree ReclaimValue *values = g_new (ReclaimValue, d + 1);
  for (guint i = 0; i < d; i++)
    values[i] = GPOINTER_TO_UINT (items->pdata[i]);
  g_ptr_array_unref (items);
  *defaults = lang_tuple_new (interp, d, values);
  if (d > n)
    {
      lang_raise (interp, "TypeError", "Got more default values than field names");
      return FALSE;
    }
  for (guint i = 0; i < d; i++)
    lang_dict_set (interp, *field_defaults, lang_seq_item (interp, fields, n - d + i),
                   lang_seq_item (interp, *defaults, i));
  return TRUE;
}

/* module: where the class says it comes from, "__main__" unless given */
static ReclaimValue
module_name (ReclaimInterp *interp, ReclaimValue spec)
{
  return spec && scalar_type (spec) != SCALAR_NONE ? lang_ref (interp, spec) : scalar_str ("__main__", -1);
}

/* The field names after rename and the checks (new reference), or
 * LANG_ERROR. */
static ReclaimValue
checked_fields (ReclaimInterp *interp, ReclaimValue name_str, ReclaimValue spec, gboolean rename)
{
  ReclaimValue fields = parse_fields (interp, spec);
  if (fields != LANG_ERROR && rename)
    {
      ReclaimValue renamed = rename_fields (interp, fields);
      lang_decref (interp, fields);
      fields = renamed;
    }
  if (fields == LANG_ERROR)
    return LANG_ERROR;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = check_identifier (interp, name_str);
  for (guint i = 0; ok && i < lang_seq_length (interp, fields); i++)
    ok = check_identifier (interp, lang_seq_item (interp, fields, i));
  for (guint i = 0; ok && i < lang_seq_length (interp, fields); i++)
    ok = check_field (interp, lang_seq_item (interp, fields, i), rename, seen);
  if (ok)
    return fields;
  lang_decref (interp, fields);
  return LANG_ERROR;
}

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
static ReclaimValue
collections_namedtuple (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  static const char *const known[] = { "typename", "field_names", "rename", "defaults", "module" };
  ReclaimValue typename = lang_arg (nargs, args, nkw, kwnames, 0, "typename");
  ReclaimValue spec = lang_arg (nargs, args, nkw, kwnames, 1, "field_names");

  for (guint k = 0; k < nkw; k++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        found = found || strcmp (kwnames[k], known[i]) == 0;
      if (!found)
        return lang_raise (interp, "TypeError", "namedtuple() got an unexpected keyword argument '%s'", kwnames[k]);
    }
  if (nargs > 2)
    return lang_raise (interp, "TypeError", "namedtuple() takes 2 positional arguments but %u were given", nargs);
  if (typename == 0 || spec == 0)
    return lang_raise (interp, "TypeError", "namedtuple() missing required argument '%s'",
                       typename == 0 ? "typename" : "field_names");
  ReclaimValue rename_arg = lang_kwarg (nargs, args, nkw, kwnames, "rename");
  int rename = rename_arg ? lang_truth (interp, rename_arg) : 0;
  if (rename < 0)
    return LANG_ERROR;
  g_autofree char *name = scalar_type (typename) == SCALAR_STR ? NULL : lang_str (interp, typename);
  ReclaimValue name_str = name ? scalar_str (name, -1) : typename;
  ReclaimValue fields = checked_fields (interp, name_str, spec, rename);
  if (fields == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue defaults, field_defaults;
  if (!parse_defaults (interp, lang_kwarg (nargs, args, nkw, kwnames, "defaults"), fields, &defaults,
                       &field_defaults))
    {
      lang_decref (interp, defaults);
      lang_decref (interp, field_defaults);
      lang_decref (interp, fields);
      return LANG_ERROR;
    }
  ReclaimValue cls = class_new (interp, scalar_get_str (name_str, NULL), fields, defaults, field_defaults,
                                module_name (interp, lang_kwarg (nargs, args, nkw, kwnames, "module")));
  lang_decref (interp, fields);
  return cls;
}

void
collections_namedtuple_init (ReclaimInterp *interp, ReclaimValue ns)
{
  collections_tuplegetter_init (interp);
  modules_add_function (interp, ns, "namedtuple", collections_namedtuple);
}
