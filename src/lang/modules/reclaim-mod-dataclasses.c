/* reclaim-mod-dataclasses.c: the dataclasses module: dataclass (bare and
 * with init=, repr=, eq=, order=, frozen=, match_args=), field, fields,
 * asdict, astuple, replace, is_dataclass, MISSING, FrozenInstanceError.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython (Lib/dataclasses.py) reads the class's own __annotations__
 * (after the fields of its dataclass bases), keeps a Field per name in
 * __dataclass_fields__, puts the defaults back as class attributes, and
 * writes the methods as Python source that it runs.  Here the methods
 * are builtin functions owned by the class, which do what that source
 * does in the same order: __init__ stores the fields in field order (so
 * instances hold them, and free them, as python3's do), calling a
 * default_factory for each new instance, then calls __post_init__.
 *
 * fields(), asdict(), astuple(), replace() and is_dataclass() are in
 * reclaim-mod-dataclasses-functions.c, copy.deepcopy (which asdict()
 * uses) in reclaim-mod-dataclasses-copy.c.
 *
 * Not modelled, and refused before the script runs: slots=, kw_only=,
 * weakref_slot=, unsafe_hash=, InitVar, KW_ONLY, make_dataclass.
 */
#include "reclaim-mod-dataclasses-private.h"

#include <string.h>

#define FIELDS "__dataclass_fields__"

static ReclaimValue
module_value (ReclaimInterp *interp, const char *name)
{
  ReclaimId module = GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "dataclasses"));
  return lang_dict_get (interp, reclaim_heap_slot_get (interp->heap, module, 0), scalar_str (name, -1));
}

ReclaimValue
dataclasses_missing (ReclaimInterp *interp)
{
  return module_value (interp, "MISSING");
}

ReclaimValue
dataclasses_field_attr (ReclaimInterp *interp, ReclaimValue field, const char *name)
{
  return modules_attr (interp, field, name);
}

gboolean
dataclasses_field_flag (ReclaimInterp *interp, ReclaimValue field, const char *name)
{
  return lang_truth (interp, dataclasses_field_attr (interp, field, name)) == 1;
}

const char *
dataclasses_field_name (ReclaimInterp *interp, ReclaimValue field)
{
  return scalar_get_str (dataclasses_field_attr (interp, field, "name"), NULL);
}

static gboolean
is_field (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && lang_class_of (interp, v) == lang_builtin_class (interp, "Field");
}

/* ---- field() ---------------------------------------------------------------- */

static ReclaimValue
new_field (ReclaimInterp *interp, ReclaimValue dflt, ReclaimValue factory, ReclaimValue init, ReclaimValue repr,
           ReclaimValue hash, ReclaimValue compare, ReclaimValue metadata)
{
  ReclaimValue f = modules_construct (interp, "Field", 0, NULL, 0, NULL);
  if (f == LANG_ERROR)
    return LANG_ERROR;
  /* Field.__init__'s order */
  modules_weak_set_attr (interp, f, "name", scalar_none ());
  modules_weak_set_attr (interp, f, "type", scalar_none ());
  modules_weak_set_attr (interp, f, "default", lang_ref (interp, dflt));
  modules_weak_set_attr (interp, f, "default_factory", lang_ref (interp, factory));
  modules_weak_set_attr (interp, f, "init", lang_ref (interp, init));
  modules_weak_set_attr (interp, f, "repr", lang_ref (interp, repr));
  modules_weak_set_attr (interp, f, "hash", lang_ref (interp, hash));
  modules_weak_set_attr (interp, f, "compare", lang_ref (interp, compare));
  modules_weak_set_attr (interp, f, "metadata", scalar_type (metadata) == SCALAR_NONE ? lang_dict_new (interp)
                                                                                      : lang_ref (interp, metadata));
  modules_weak_set_attr (interp, f, "kw_only", lang_ref (interp, dataclasses_missing (interp)));
  modules_weak_set_attr (interp, f, "_field_type", scalar_none ());
  return f;
}

static ReclaimValue
dc_field (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  static const char *const names[] = { "default", "default_factory", "init", "repr", "hash", "compare", "metadata" };
  ReclaimValue values[G_N_ELEMENTS (names)] = {
    dataclasses_missing (interp), dataclasses_missing (interp), scalar_bool (TRUE), scalar_bool (TRUE), scalar_none (), scalar_bool (TRUE),
    scalar_none ()
  };

  if (nargs > 0)
    return lang_raise (interp, "TypeError", "field() takes 0 positional arguments but %u were given", nargs);
  for (guint k = 0; k < nkw; k++)
    {
      guint i = 0;
      while (i < G_N_ELEMENTS (names) && strcmp (names[i], kwnames[k]) != 0)
        i++;
      if (i == G_N_ELEMENTS (names))
        return lang_raise (interp, "TypeError", "field() got an unexpected keyword argument '%s'", kwnames[k]);
      values[i] = args[k];
    }
  if (values[0] != dataclasses_missing (interp) && values[1] != dataclasses_missing (interp))
    return lang_raise (interp, "ValueError", "cannot specify both default and default_factory");
  return new_field (interp, values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
}

/* ---- reading a dataclass ---------------------------------------------------- */

/* The class whose generated methods serve obj: the nearest in its bases
 * with fields of its own. */
LangClass *
dataclasses_class_of (ReclaimInterp *interp, ReclaimValue obj)
{
  LangClass *cls = reclaim_value_is_object (obj) ? lang_class_of (interp, obj) : NULL;
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    if (c->ns && lang_dict_get (interp, c->ns, scalar_str (FIELDS, -1)))
      return c;
  return NULL;
}

/* The Fields that are real fields (not ClassVars), in order (borrowed). */
GPtrArray *
dataclasses_real_fields (ReclaimInterp *interp, LangClass *cls)
{
  GPtrArray *out = g_ptr_array_new ();
  ReclaimValue fields = lang_dict_get (interp, cls->ns, scalar_str (FIELDS, -1)), key, value;
  for (guint pos = 0; fields && lang_dict_next_entry (interp, fields, &pos, &key, &value);)
    if (scalar_type (dataclasses_field_attr (interp, value, "_field_type")) == SCALAR_STR &&
        strcmp (scalar_get_str (dataclasses_field_attr (interp, value, "_field_type"), NULL), "_FIELD") == 0)
      g_ptr_array_add (out, GUINT_TO_POINTER (value));
  return out;
}

static ReclaimValue
self_of (guint *nargs, const ReclaimValue **args, ReclaimValue self)
{
  if (self)
    return self;
  self = (*args)[0];
  (*args)++;
  (*nargs)--;
  return self;
}

/* ---- the generated __init__ ------------------------------------------------ */

static gboolean
has_default (ReclaimInterp *interp, ReclaimValue f)
{
  return dataclasses_field_attr (interp, f, "default") != dataclasses_missing (interp) ||
         dataclasses_field_attr (interp, f, "default_factory") != dataclasses_missing (interp);
}

static void
append_name_list (GString *out, GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s'%s'", i == 0 ? "" : i + 1 < names->len ? ", " : names->len > 2 ? ", and " : " and ",
                            (const char *) names->pdata[i]);
}

/* The arguments of __init__ matched to the init fields: given[i] is the
 * borrowed argument for fields[i], or 0. */
static gboolean
bind_init_arguments (ReclaimInterp *interp, LangClass *cls, GPtrArray *params, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames, ReclaimValue *given)
{
  if (nargs > params->len)
    {
      guint required = 0;
      for (guint i = 0; i < params->len; i++)
        required += !has_default (interp, GPOINTER_TO_UINT (params->pdata[i]));
      if (required < params->len)
        lang_raise (interp, "TypeError", "%s.__init__() takes from %u to %u positional arguments but %u were given",
                    cls->name, required + 1, params->len + 1, nargs + 1);
      else
        lang_raise (interp, "TypeError", "%s.__init__() takes %u positional argument%s but %u were given", cls->name,
                    params->len + 1, params->len ? "s" : "", nargs + 1);
      return FALSE;
    }
  for (guint i = 0; i < nargs; i++)
    given[i] = args[i];
  for (guint k = 0; k < nkw; k++)
    {
      guint i = 0;
      while (i < params->len && strcmp (dataclasses_field_name (interp, GPOINTER_TO_UINT (params->pdata[i])), kwnames[k]) != 0)
        i++;
      if (i == params->len)
        {
          lang_raise (interp, "TypeError", "%s.__init__() got an unexpected keyword argument '%s'", cls->name,
                      kwnames[k]);
          return FALSE;
        }
      if (given[i])
        {
          lang_raise (interp, "TypeError", "%s.__init__() got multiple values for argument '%s'", cls->name,
                      kwnames[k]);
          return FALSE;
        }
      given[i] = args[nargs + k];
    }
  g_autoptr (GPtrArray) absent = g_ptr_array_new ();
  for (guint i = 0; i < params->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (params->pdata[i]);
      if (!given[i] && !has_default (interp, f))
        g_ptr_array_add (absent, (gpointer) dataclasses_field_name (interp, f));
    }
  if (absent->len == 0)
    return TRUE;
  g_autoptr (GString) names = g_string_new (NULL);
  append_name_list (names, absent);
  lang_raise (interp, "TypeError", "%s.__init__() missing %u required positional argument%s: %s", cls->name,
              absent->len, absent->len == 1 ? "" : "s", names->str);
  return FALSE;
}

/* What field f starts with: the argument, the default, or a new object
 * from the default_factory (new reference); 0 for a field __init__ leaves
 * to its class attribute. */
static ReclaimValue
initial_value (ReclaimInterp *interp, ReclaimValue f, ReclaimValue given)
{
  ReclaimValue factory = dataclasses_field_attr (interp, f, "default_factory");
  if (given)
    return lang_ref (interp, given);
  if (factory != dataclasses_missing (interp))
    return lang_call (interp, factory, 0, NULL, 0, NULL);
  if (!dataclasses_field_flag (interp, f, "init"))
    return 0;
  return lang_ref (interp, dataclasses_field_attr (interp, f, "default"));
}

static ReclaimValue
dc_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  self = self_of (&nargs, &args, self);
  LangClass *cls = dataclasses_class_of (interp, self);
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  for (guint i = 0; i < fields->len; i++)
    if (dataclasses_field_flag (interp, GPOINTER_TO_UINT (fields->pdata[i]), "init"))
      g_ptr_array_add (params, fields->pdata[i]);
  g_autofree ReclaimValue *given = g_new0 (ReclaimValue, params->len + 1);
  if (!bind_init_arguments (interp, cls, params, nargs, args, nkw, kwnames, given))
    return LANG_ERROR;

  gboolean frozen = cls->frozen;
  for (guint i = 0, p = 0; i < fields->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (fields->pdata[i]);
      gboolean init = dataclasses_field_flag (interp, f, "init");
      ReclaimValue value = initial_value (interp, f, init ? given[p++] : 0);
      if (value == 0 && !lang_error_occurred (interp))
        continue;
      if (value == LANG_ERROR)
        return LANG_ERROR;
      /* a frozen class's __init__ stores through object.__setattr__ */
      int r = frozen ? lang_object_setattr (interp, self, dataclasses_field_name (interp, f), value)
                     : lang_setattr (interp, self, dataclasses_field_name (interp, f), value);
      lang_decref (interp, value);
      if (r < 0)
        return LANG_ERROR;
    }
  if (lang_eval_class_lookup (interp, lang_class_of (interp, self), "__post_init__"))
    {
      ReclaimValue post = lang_getattr (interp, self, "__post_init__");
      ReclaimValue r = post ? lang_call (interp, post, 0, NULL, 0, NULL) : LANG_ERROR;
      lang_decref (interp, post);
      if (r == LANG_ERROR)
        return LANG_ERROR;
      lang_decref (interp, r);
    }
  return scalar_none ();
}

/* ---- __repr__, __eq__, ordering, __hash__ -------------------------------- */

static ReclaimValue
dc_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  self = self_of (&nargs, &args, self);
  /* reprlib.recursive_repr: an instance inside itself is "..." */
  ReclaimValue running = module_value (interp, "_repr_running");
  if (lang_set_contains (interp, running, scalar_int (self)) == 1)
    return scalar_str ("...", -1);
  lang_set_add (interp, running, scalar_int (self));

  LangClass *cls = dataclasses_class_of (interp, self);
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  ReclaimValue qualname = lang_getattr (interp, lang_class_of (interp, self)->id, "__qualname__");
  g_autoptr (GString) out = g_string_new (scalar_get_str (qualname, NULL));
  gboolean ok = TRUE, first = TRUE;
  lang_decref (interp, qualname);
  g_string_append_c (out, '(');
  for (guint i = 0; ok && i < fields->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (fields->pdata[i]);
      if (!dataclasses_field_flag (interp, f, "repr"))
        continue;
      ReclaimValue v = lang_getattr (interp, self, dataclasses_field_name (interp, f));
      g_autofree char *r = v ? lang_repr (interp, v) : NULL;
      lang_decref (interp, v);
      ok = r != NULL;
      if (ok)
        g_string_append_printf (out, "%s%s=%s", first ? "" : ", ", dataclasses_field_name (interp, f), r);
      first = FALSE;
    }
  g_string_append_c (out, ')');
  lang_set_discard (interp, running, scalar_int (self));
  return ok ? scalar_str (out->str, out->len) : LANG_ERROR;
}

/* (self.a, self.b, ...) of the fields with compare (or hash) set */
static ReclaimValue
compared_tuple (ReclaimInterp *interp, ReclaimValue obj, LangClass *cls, gboolean for_hash)
{
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, cls);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, fields->len + 1);
  guint n = 0;
  for (guint i = 0; i < fields->len; i++)
    {
      ReclaimValue f = GPOINTER_TO_UINT (fields->pdata[i]);
      ReclaimValue hash = dataclasses_field_attr (interp, f, "hash");
      gboolean use = for_hash && scalar_type (hash) != SCALAR_NONE ? lang_truth (interp, hash) == 1
                                                                    : dataclasses_field_flag (interp, f, "compare");
      if (!use)
        continue;
      items[n] = lang_getattr (interp, obj, dataclasses_field_name (interp, f));
      if (items[n] == LANG_ERROR)
        {
          for (guint j = n; j > 0; j--)
            lang_decref (interp, items[j - 1]);
          return LANG_ERROR;
        }
      n++;
    }
  return lang_tuple_new (interp, n, items);
}

/* `if other.__class__ is self.__class__: return (self.a, ...) OP (other.a, ...)` */
static ReclaimValue
compare_instances (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   ReclaimCmpOp op)
{
  self = self_of (&nargs, &args, self);
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "expected 1 argument, got %u", nargs);
  ReclaimValue other = args[0];
  if (!reclaim_value_is_object (other) || lang_class_of (interp, other) != lang_class_of (interp, self))
    return lang_ref (interp, lang_dict_get (interp, interp->builtins, scalar_str ("NotImplemented", -1)));
  LangClass *cls = dataclasses_class_of (interp, self);
  ReclaimValue a = compared_tuple (interp, self, cls, FALSE);
  ReclaimValue b = a == LANG_ERROR ? LANG_ERROR : compared_tuple (interp, other, cls, FALSE);
  ReclaimValue r = b == LANG_ERROR ? LANG_ERROR : eval_compare_values (interp, op, a, b);
  lang_decref (interp, a);
  lang_decref (interp, b);
  return r;
}

#define COMPARISON(fname, op)                                                                      \
  static ReclaimValue                                                                             \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,         \
         guint nkw, const char *const *kwnames)                                                   \
  {                                                                                               \
    return compare_instances (interp, self, nargs, args, op);                                     \
  }
COMPARISON (dc_eq, RECLAIM_CMP_EQ)
COMPARISON (dc_lt, RECLAIM_CMP_LT)
COMPARISON (dc_le, RECLAIM_CMP_LT_E)
COMPARISON (dc_gt, RECLAIM_CMP_GT)
COMPARISON (dc_ge, RECLAIM_CMP_GT_E)

static ReclaimValue
dc_hash (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  self = self_of (&nargs, &args, self);
  ReclaimValue t = compared_tuple (interp, self, dataclasses_class_of (interp, self), TRUE);
  if (t == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue hash = lang_dict_get (interp, interp->builtins, scalar_str ("hash", -1));
  ReclaimValue r = lang_call (interp, hash, 1, &t, 0, NULL);
  lang_decref (interp, t);
  return r;
}

/* ---- frozen instances -------------------------------------------------------- */

int
modules_dataclass_frozen_check (ReclaimInterp *interp, ReclaimValue obj, const char *name, gboolean deleting)
{
  LangClass *cls = lang_class_of (interp, obj), *frozen = cls;
  while (frozen && !frozen->frozen)
    frozen = frozen->base;
  if (frozen == NULL)
    return 0;
  gboolean is_field = FALSE;
  g_autoptr (GPtrArray) fields = dataclasses_real_fields (interp, frozen);
  for (guint i = 0; i < fields->len && !is_field; i++)
    is_field = strcmp (dataclasses_field_name (interp, GPOINTER_TO_UINT (fields->pdata[i])), name) == 0;
  if (cls != frozen && !is_field)
    return 0;
  lang_raise (interp, "FrozenInstanceError", "cannot %s field '%s'", deleting ? "delete" : "assign to", name);
  return -1;
}

/* ---- making the class a dataclass ----------------------------------------- */

typedef struct {
  gboolean init, repr, eq, order, frozen, match_args;
} Options;

static gboolean
is_classvar (ReclaimInterp *interp, ReclaimValue type)
{
  ReclaimId typing = GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "typing"));
  ReclaimValue classvar = typing ? lang_dict_get (interp, reclaim_heap_slot_get (interp->heap, typing, 0),
                                                  scalar_str ("ClassVar", -1)) : 0;
  if (type == classvar)
    return TRUE;
  ReclaimValue origin = reclaim_value_is_object (type) ? lang_lookup_attr (interp, type, "__origin__") : 0;
  lang_error_clear (interp);
  lang_decref (interp, origin);
  return origin && origin == classvar;
}

/* dataclasses' check: a default whose class has __hash__ = None (list,
 * dict, set, an unfrozen dataclass ...) would be shared. */
static gboolean
is_mutable_default (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v))
    return FALSE;
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  if (lang_class_of (interp, v)->builtin)
    return kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_DICT || kind == RECLAIM_KIND_SET;
  ReclaimValue hash = lang_eval_class_lookup (interp, lang_class_of (interp, v), "__hash__");
  return hash && scalar_type (hash) == SCALAR_NONE;
}

/* The Field for `name: type` in the class body (new reference). */
static ReclaimValue
own_field (ReclaimInterp *interp, LangClass *cls, ReclaimValue name, ReclaimValue type)
{
  ReclaimValue dflt = lang_lookup_attr (interp, cls->id, scalar_get_str (name, NULL));
  lang_error_clear (interp);
  ReclaimValue f;
  if (dflt && is_field (interp, dflt))
    f = lang_ref (interp, dflt);
  else
    f = new_field (interp, dflt ? dflt : dataclasses_missing (interp), dataclasses_missing (interp), scalar_bool (TRUE), scalar_bool (TRUE),
                   scalar_none (), scalar_bool (TRUE), scalar_none ());
  lang_decref (interp, dflt);
  modules_weak_set_attr (interp, f, "name", lang_ref (interp, name));
  modules_weak_set_attr (interp, f, "type", lang_ref (interp, type));
  gboolean classvar = is_classvar (interp, type);
  modules_weak_set_attr (interp, f, "_field_type", scalar_str (classvar ? "_FIELD_CLASSVAR" : "_FIELD", -1));
  if (classvar && dataclasses_field_attr (interp, f, "default_factory") != dataclasses_missing (interp))
    {
      lang_decref (interp, f);
      return lang_raise (interp, "TypeError", "field %s cannot have a default factory", scalar_get_str (name, NULL));
    }
  if (!classvar && is_mutable_default (interp, dataclasses_field_attr (interp, f, "default")))
    {
      g_autofree char *type_repr = lang_repr (interp, lang_class_of (interp, dataclasses_field_attr (interp, f, "default"))->id);
      lang_decref (interp, f);
      return lang_raise (interp, "ValueError", "mutable default %s for field %s is not allowed: use default_factory",
                         type_repr, scalar_get_str (name, NULL));
    }
  return f;
}

/* The fields of the dataclass bases, then the class's own (new dict). */
static ReclaimValue
collect_fields (ReclaimInterp *interp, LangClass *cls)
{
  ReclaimValue fields = lang_dict_new (interp), key, value;
  g_autoptr (GPtrArray) bases = g_ptr_array_new ();
  for (LangClass *b = cls->base; b && !b->builtin; b = b->base)
    g_ptr_array_insert (bases, 0, b);
  for (guint i = 0; i < bases->len; i++)
    {
      LangClass *b = bases->pdata[i];
      ReclaimValue base_fields = lang_dict_get (interp, b->ns, scalar_str (FIELDS, -1));
      for (guint pos = 0; base_fields && lang_dict_next_entry (interp, base_fields, &pos, &key, &value);)
        lang_dict_set (interp, fields, key, value);
    }
  ReclaimValue annotations = lang_dict_get (interp, cls->ns, scalar_str ("__annotations__", -1));
  for (guint pos = 0; annotations && lang_dict_next_entry (interp, annotations, &pos, &key, &value);)
    {
      ReclaimValue f = own_field (interp, cls, key, value);
      if (f == LANG_ERROR)
        {
          lang_decref (interp, fields);
          return LANG_ERROR;
        }
      lang_dict_set (interp, fields, key, f);
      /* the class keeps the default as its attribute, or no attribute */
      ReclaimValue attr = lang_dict_get (interp, cls->ns, key);
      if (attr && is_field (interp, attr))
        {
          ReclaimValue dflt = dataclasses_field_attr (interp, f, "default");
          if (dflt == dataclasses_missing (interp))
            lang_dict_delete (interp, cls->ns, key);
          else
            lang_dict_set (interp, cls->ns, key, dflt);
        }
      lang_decref (interp, f);
    }
  return fields;
}

static gboolean
check_field_order (ReclaimInterp *interp, LangClass *cls, ReclaimValue fields)
{
  ReclaimValue key, f;
  gboolean seen_default = FALSE;
  for (guint pos = 0; lang_dict_next_entry (interp, fields, &pos, &key, &f);)
    {
      if (strcmp (scalar_get_str (dataclasses_field_attr (interp, f, "_field_type"), NULL), "_FIELD") != 0 ||
          !dataclasses_field_flag (interp, f, "init"))
        continue;
      gboolean with_default = has_default (interp, f);
      if (seen_default && !with_default)
        {
          lang_raise (interp, "TypeError", "non-default argument '%s' follows default argument", dataclasses_field_name (interp, f));
          return FALSE;
        }
      seen_default |= with_default;
    }
  (void) cls;
  return TRUE;
}

/* _set_new_attribute: a method the class does not define itself. */
static gboolean
add_method (ReclaimInterp *interp, LangClass *cls, const char *name, LangNativeFunc func)
{
  ReclaimValue key = scalar_str (name, -1);
  if (lang_dict_get (interp, cls->ns, key))
    return FALSE;
  ReclaimValue method = lang_native_new (interp, name, func, 0);
  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (method));
  native->owner = cls;
  lang_dict_set (interp, cls->ns, key, method);
  lang_decref (interp, method);
  return TRUE;
}

static gboolean
add_methods (ReclaimInterp *interp, LangClass *cls, ReclaimValue fields, const Options *o)
{
  static const struct { const char *name; LangNativeFunc func; } order[] = {
    { "__lt__", dc_lt }, { "__le__", dc_le }, { "__gt__", dc_gt }, { "__ge__", dc_ge },
  };
  if (o->init)
    add_method (interp, cls, "__init__", dc_init);
  if (o->repr)
    add_method (interp, cls, "__repr__", dc_repr);
  if (o->eq)
    add_method (interp, cls, "__eq__", dc_eq);
  for (guint i = 0; o->order && i < G_N_ELEMENTS (order); i++)
    if (!add_method (interp, cls, order[i].name, order[i].func))
      {
        lang_raise (interp, "TypeError", "Cannot overwrite attribute %s in class %s. Consider using "
                    "functools.total_ordering", order[i].name, cls->name);
        return FALSE;
      }
  if (o->frozen)
    cls->frozen = TRUE;

  /* __hash__: None for eq without frozen, from the fields for both,
   * unless the class set one itself */
  ReclaimValue own_hash = lang_dict_get (interp, cls->ns, scalar_str ("__hash__", -1));
  gboolean explicit_hash = own_hash && !(scalar_type (own_hash) == SCALAR_NONE &&
                                         lang_dict_get (interp, cls->ns, scalar_str ("__eq__", -1)));
  if (o->eq && !o->frozen && !explicit_hash)
    lang_dict_set (interp, cls->ns, scalar_str ("__hash__", -1), scalar_none ());
  else if (o->eq && o->frozen && !explicit_hash)
    {
      lang_dict_delete (interp, cls->ns, scalar_str ("__hash__", -1));
      lang_error_clear (interp);
      add_method (interp, cls, "__hash__", dc_hash);
    }
  if (o->match_args && !lang_dict_get (interp, cls->ns, scalar_str ("__match_args__", -1)))
    {
      g_autoptr (GPtrArray) all = dataclasses_real_fields (interp, cls);
      g_autofree ReclaimValue *names = g_new (ReclaimValue, all->len + 1);
      guint n = 0;
      for (guint i = 0; i < all->len; i++)
        if (dataclasses_field_flag (interp, GPOINTER_TO_UINT (all->pdata[i]), "init"))
          names[n++] = lang_ref (interp, dataclasses_field_attr (interp, GPOINTER_TO_UINT (all->pdata[i]), "name"));
      modules_add_value (interp, cls->ns, "__match_args__", lang_tuple_new (interp, n, names));
    }
  (void) fields;
  return TRUE;
}

static ReclaimValue
process_class (ReclaimInterp *interp, ReclaimValue cls_value, const Options *o)
{
  LangClass *cls = lang_class_get (interp, cls_value);
  if (cls == NULL || cls->builtin || cls->ns == 0)
    return lang_stop_not_supported (interp, "dataclass() of a %s", lang_type_name (interp, cls_value));
  if (o->order && !o->eq)
    return lang_raise (interp, "ValueError", "eq must be true if order is true");
  ReclaimValue fields = collect_fields (interp, cls);
  if (fields == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, cls->ns, &pos, &key, &value);)
    if (is_field (interp, value))
      {
        lang_decref (interp, fields);
        return lang_raise (interp, "TypeError", "'%s' is a field but has no type annotation",
                           scalar_get_str (key, NULL));
      }
  lang_dict_set (interp, cls->ns, scalar_str (FIELDS, -1), fields);
  lang_decref (interp, fields);
  if (o->init && !check_field_order (interp, cls, fields))
    return LANG_ERROR;
  if (!add_methods (interp, cls, fields, o))
    return LANG_ERROR;
  return lang_ref (interp, cls_value);
}

static gboolean
read_options (ReclaimInterp *interp, const ReclaimValue *values, guint nkw, const char *const *kwnames, Options *o)
{
  static const char *const names[] = { "init", "repr", "eq", "order", "frozen", "match_args" };
  gboolean *flags[] = { &o->init, &o->repr, &o->eq, &o->order, &o->frozen, &o->match_args };
  *o = (Options) { TRUE, TRUE, TRUE, FALSE, FALSE, TRUE };
  for (guint k = 0; k < nkw; k++)
    {
      guint i = 0;
      while (i < G_N_ELEMENTS (names) && strcmp (names[i], kwnames[k]) != 0)
        i++;
      if (i == G_N_ELEMENTS (names))
        {
          lang_raise (interp, "TypeError", "dataclass() got an unexpected keyword argument '%s'", kwnames[k]);
          return FALSE;
        }
      *flags[i] = lang_truth (interp, values[k]) == 1;
    }
  return TRUE;
}

/* dataclass(cls) with the options a dataclass(...) call stored in a dict */
static ReclaimValue
dc_wrap (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
         guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "wrap", nargs, 1, 1, nkw))
    return LANG_ERROR;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  ReclaimValue key, value;
  for (guint pos = 0; lang_dict_next_entry (interp, self, &pos, &key, &value);)
    {
      g_ptr_array_add (names, (gpointer) scalar_get_str (key, NULL));
      g_array_append_val (values, value);
    }
  Options o;
  if (!read_options (interp, (ReclaimValue *) values->data, names->len, (const char *const *) names->pdata, &o))
    return LANG_ERROR;
  return process_class (interp, args[0], &o);
}

static ReclaimValue
dc_dataclass (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  Options o;
  if (nargs > 1)
    return lang_raise (interp, "TypeError", "dataclass() takes from 0 to 1 positional arguments but %u were given",
                       nargs);
  if (!read_options (interp, args + nargs, nkw, kwnames, &o))
    return LANG_ERROR;
  if (nargs == 1)
    return process_class (interp, args[0], &o);
  /* @dataclass(...): the options wait in a function for the class */
  ReclaimValue options = lang_dict_new (interp);
  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, options, scalar_str (kwnames[k], -1), args[k]);
  ReclaimValue wrap = lang_native_new (interp, "wrap", dc_wrap, options);
  lang_decref (interp, options);
  return wrap;
}

/* ---- the module ------------------------------------------------------------- */

static ReclaimValue
missing_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  return scalar_str ("<dataclasses._MISSING_TYPE object>", -1);
}

static const LangMethodDef missing_dunders[] = { { "__repr__", missing_repr }, { NULL, NULL } };

void
modules_dataclasses_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "dataclasses");
  LangClass *field = modules_class_new (interp, "dataclasses", "Field", NULL, NULL, NULL);
  modules_class_new (interp, "dataclasses", "_MISSING_TYPE", NULL, missing_dunders, NULL);
  LangClass *frozen = lang_exception_class_new (interp, "FrozenInstanceError", "AttributeError");
  interp->hooks.dataclass_frozen_check = modules_dataclass_frozen_check;

  lang_dict_set (interp, ns, scalar_str ("Field", -1), field->id);
  lang_dict_set (interp, ns, scalar_str ("FrozenInstanceError", -1), frozen->id);
  modules_add_value (interp, ns, "MISSING", modules_construct (interp, "_MISSING_TYPE", 0, NULL, 0, NULL));
  modules_add_value (interp, ns, "_repr_running", lang_set_new (interp));
  modules_add_function (interp, ns, "dataclass", dc_dataclass);
  modules_add_function (interp, ns, "field", dc_field);
  modules_add_function (interp, ns, "fields", dataclasses_fields);
  modules_add_function (interp, ns, "asdict", dataclasses_asdict);
  modules_add_function (interp, ns, "astuple", dataclasses_astuple);
  modules_add_function (interp, ns, "replace", dataclasses_replace);
  modules_add_function (interp, ns, "is_dataclass", dataclasses_is_dataclass);
  modules_new_module (interp, "dataclasses", ns);
  lang_decref (interp, ns);
}
