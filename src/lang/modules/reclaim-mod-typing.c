/* reclaim-mod-typing.c: the typing module's names people annotate with,
 * and the built-in generics (`list[int]`, `int | None`).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython writes typing in Python (Lib/typing.py): its special forms
 * (Any, Union, Optional, ClassVar ...) and aliases (List, Dict ...) are
 * instances whose attributes say what they stand for.  Here they are
 * instances of classes of the same names, with the same attributes
 * (_name, __origin__, __args__) and the same reprs.  Subscribing one makes
 * a _GenericAlias (or _UnionGenericAlias) kept in a cache, so that
 * `List[int] is List[int]` as with CPython's lru_cache; `list[int]` makes
 * a types.GenericAlias and `int | None` a types.UnionType, new each time.
 *
 * Not modelled (refused by the subset check as missing attributes):
 * Protocol, TypedDict, NamedTuple, Generic, Literal, Annotated,
 * get_type_hints, overload and the rest of the module.
 */
#include "reclaim-modules-private.h"

#include <string.h>

enum { NO_ORIGIN = -1, VARIADIC = -1 };

/* The aliases of builtin classes and of abstract ones (whose origin,
 * a collections.abc class, Reclaim does not have). */
static const struct { const char *name, *origin; int n_params; } special_aliases[] = {
  { "List", "list", 1 }, { "Dict", "dict", 2 }, { "Set", "set", 1 }, { "FrozenSet", NULL, 1 },
  { "Tuple", "tuple", VARIADIC }, { "Type", "type", 1 }, { "Callable", NULL, 2 },
  { "Iterator", NULL, 1 }, { "Iterable", NULL, 1 }, { "Generator", NULL, 3 }, { "Sequence", NULL, 1 },
  { "MutableSequence", NULL, 1 }, { "Mapping", NULL, 2 }, { "MutableMapping", NULL, 2 },
  { "Collection", NULL, 1 }, { "AbstractSet", NULL, 1 }, { "Hashable", NULL, 0 }, { "Sized", NULL, 0 },
};
static const char *const special_forms[] = { "Any", "Union", "Optional", "ClassVar", "Final", "NoReturn" };

static gboolean
is_instance_of (ReclaimInterp *interp, ReclaimValue v, const char *cls)
{
  return reclaim_value_is_object (v) && strcmp (lang_class_of (interp, v)->name, cls) == 0;
}

static gboolean
is_class (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_CLASS;
}

/* `...` evaluates to the str "Ellipsis" in Reclaim */
static gboolean
is_ellipsis (ReclaimValue v)
{
  return scalar_type (v) == SCALAR_STR && strcmp (scalar_get_str (v, NULL), "Ellipsis") == 0;
}

/* obj.name (borrowed) or 0, no exception */
static ReclaimValue
peek_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimValue v = lang_lookup_attr (interp, obj, name);
  if (v == 0)
    {
      lang_error_clear (interp);
      return 0;
    }
  lang_decref (interp, v);   /* the object keeps it */
  return v;
}

static ReclaimValue
new_form (ReclaimInterp *interp, const char *cls, const char *name)
{
  ReclaimValue form = modules_construct (interp, cls, 0, NULL, 0, NULL);
  if (name)
    modules_weak_set_attr (interp, form, "_name", scalar_str (name, -1));
  return form;
}

/* ---- reprs ---------------------------------------------------------------- */

/* typing._type_repr and ga_repr_item: a class by its qualified name (no
 * module for builtins), `...`, a function by its name, else repr(). */
static char *
type_repr (ReclaimInterp *interp, ReclaimValue v)
{
  if (is_ellipsis (v))
    return g_strdup ("...");
  if (is_class (interp, v))
    {
      LangClass *cls = lang_class_get (interp, v);
      ReclaimValue module = cls->ns ? lang_dict_get (interp, cls->ns, scalar_str ("__module__", -1)) : 0;
      if (module == 0 || scalar_type (module) != SCALAR_STR || strcmp (scalar_get_str (module, NULL), "builtins") == 0)
        return g_strdup (cls->name);
      ReclaimValue qualname = peek_attr (interp, v, "__qualname__");
      return g_strdup_printf ("%s.%s", scalar_get_str (module, NULL),
                              qualname ? scalar_get_str (qualname, NULL) : cls->name);
    }
  if (reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_FUNCTION)
    return g_strdup (reclaim_heap_get_label (interp->heap, v));
  return lang_repr (interp, v);
}

static gboolean
append_args (ReclaimInterp *interp, GString *out, ReclaimValue args, guint from, guint to, const char *sep)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *r = type_repr (interp, lang_seq_item (interp, args, i));
      if (r == NULL)
        return FALSE;
      g_string_append_printf (out, "%s%s", i > from ? sep : "", r);
    }
  return TRUE;
}

static char *
alias_repr (ReclaimInterp *interp, ReclaimValue self)
{
  const char *cls = lang_class_of (interp, self)->name;
  ReclaimValue name = peek_attr (interp, self, "_name");
  ReclaimValue args = peek_attr (interp, self, "__args__");
  ReclaimValue origin = peek_attr (interp, self, "__origin__");
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = args ? lang_seq_length (interp, args) : 0;

  if (strcmp (cls, "TypeVar") == 0)
    return g_strdup_printf ("~%s", scalar_get_str (peek_attr (interp, self, "__name__"), NULL));
  if (strcmp (cls, "ForwardRef") == 0)
    {
      g_autofree char *arg = lang_repr (interp, peek_attr (interp, self, "__forward_arg__"));
      return g_strdup_printf ("ForwardRef(%s)", arg);
    }
  if (strcmp (cls, "UnionType") == 0)
    {
      for (guint i = 0; i < n; i++)
        {
          ReclaimValue item = lang_seq_item (interp, args, i);
          g_autofree char *r = item == lang_builtin_class (interp, "NoneType")->id ? g_strdup ("None")
                                                                                 : type_repr (interp, item);
          if (r == NULL)
            return NULL;
          g_string_append_printf (out, "%s%s", i ? " | " : "", r);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (strcmp (cls, "GenericAlias") == 0)
    {
      g_autofree char *o = type_repr (interp, origin);
      g_string_append_printf (out, "%s[", o);
      if (n == 0)
        g_string_append (out, "()");
      if (!append_args (interp, out, args, 0, n, ", "))
        return NULL;
      g_string_append_c (out, ']');
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (strcmp (cls, "_UnionGenericAlias") == 0 && n == 2)
    for (guint i = 0; i < 2; i++)
      if (lang_seq_item (interp, args, i) == lang_builtin_class (interp, "NoneType")->id)
        {
          g_autofree char *r = type_repr (interp, lang_seq_item (interp, args, 1 - i));
          return r ? g_strdup_printf ("typing.Optional[%s]", r) : NULL;
        }
  g_string_append_printf (out, "typing.%s", scalar_get_str (name, NULL));
  if (args == 0)
    return g_string_free (g_steal_pointer (&out), FALSE);
  g_string_append_c (out, '[');
  if (strcmp (scalar_get_str (name, NULL), "Callable") == 0 && n > 0 && !is_ellipsis (lang_seq_item (interp, args, 0)))
    {
      /* Callable[[int, str], bool]: the parameters in brackets */
      g_string_append_c (out, '[');
      if (!append_args (interp, out, args, 0, n - 1, ", "))
        return NULL;
      g_string_append (out, "], ");
      if (!append_args (interp, out, args, n - 1, n, ""))
        return NULL;
    }
  else if (n == 0)
    g_string_append (out, "()");
  else if (!append_args (interp, out, args, 0, n, ", "))
    return NULL;
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ReclaimValue
typing_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    self = args[0];
  g_autofree char *r = alias_repr (interp, self);
  return r ? scalar_str (r, -1) : LANG_ERROR;
}

/* ---- checking what is subscribed with ----------------------------------- */

/* typing._type_check (3.11): None stands for NoneType, a str for a
 * forward reference; a tuple and a bare Union, Optional, ClassVar or
 * Final are refused, anything else taken. */
static ReclaimValue
type_check (ReclaimInterp *interp, ReclaimValue arg, const char *message)
{
  if (is_instance_of (interp, arg, "_SpecialForm"))
    {
      const char *name = scalar_get_str (peek_attr (interp, arg, "_name"), NULL);
      if (strcmp (name, "Any") != 0 && strcmp (name, "NoReturn") != 0)
        return lang_raise (interp, "TypeError", "Plain typing.%s is not valid as type argument", name);
    }
  if (scalar_type (arg) == SCALAR_NONE)
    return lang_ref (interp, lang_builtin_class (interp, "NoneType")->id);
  if (scalar_type (arg) == SCALAR_STR)
    {
      ReclaimValue ref = new_form (interp, "ForwardRef", NULL);
      modules_weak_set_attr (interp, ref, "__forward_arg__", lang_ref (interp, arg));
      return ref;
    }
  if (!lang_is_builtin_kind (interp, arg, RECLAIM_KIND_TUPLE))
    return lang_ref (interp, arg);
  g_autofree char *r = lang_repr (interp, arg);
  return lang_raise (interp, "TypeError", "%s Got %.100s.", message, r ? r : "?");
}

/* The subscript as a tuple of parameters (new reference). */
static ReclaimValue
params_of (ReclaimInterp *interp, ReclaimValue key)
{
  if (lang_is_builtin_kind (interp, key, RECLAIM_KIND_TUPLE))
    return lang_ref (interp, key);
  ReclaimValue one = lang_ref (interp, key);
  return lang_tuple_new (interp, 1, &one);
}

/* Union's arguments: checked, nested unions flattened, duplicates gone. */
static ReclaimValue
union_args (ReclaimInterp *interp, ReclaimValue params)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  guint n = lang_seq_length (interp, params);

  for (guint i = 0; i < n; i++)
    {
      ReclaimValue p = type_check (interp, lang_seq_item (interp, params, i),
                                   "Union[arg, ...]: each arg must be a type.");
      if (p == LANG_ERROR)
        {
          for (guint j = 0; j < out->len; j++)
            lang_decref (interp, g_array_index (out, ReclaimValue, j));
          return LANG_ERROR;
        }
      ReclaimValue inner = is_instance_of (interp, p, "_UnionGenericAlias") || is_instance_of (interp, p, "UnionType")
                             ? peek_attr (interp, p, "__args__") : 0;
      guint m = inner ? lang_seq_length (interp, inner) : 1;
      for (guint k = 0; k < m; k++)
        {
          ReclaimValue item = inner ? lang_seq_item (interp, inner, k) : p;
          gboolean seen = FALSE;
          for (guint j = 0; j < out->len && !seen; j++)
            seen = lang_equal (interp, g_array_index (out, ReclaimValue, j), item) == 1;
          if (!seen)
            {
              lang_incref (interp, item);
              g_array_append_val (out, item);
            }
        }
      lang_decref (interp, p);
    }
  return lang_tuple_new (interp, out->len, (ReclaimValue *) out->data);
}

/* ---- subscription ----------------------------------------------------------- */

static ReclaimValue
cache_of (ReclaimInterp *interp)
{
  ReclaimId module = GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "typing"));
  ReclaimValue ns = reclaim_heap_slot_get (interp->heap, module, 0);
  return lang_dict_get (interp, ns, scalar_str ("_caches", -1));
}

/* A subscripted alias, from the cache when the same was asked before. */
static ReclaimValue
cached_alias (ReclaimInterp *interp, const char *cls, ReclaimValue form, ReclaimValue args)
{
  ReclaimValue key_items[2] = { lang_ref (interp, form), lang_ref (interp, args) };
  ReclaimValue key = lang_tuple_new (interp, 2, key_items);
  ReclaimValue cache = cache_of (interp);
  ReclaimValue alias = lang_hashable (interp, key) ? lang_dict_get (interp, cache, key) : 0;

  lang_error_clear (interp);   /* unhashable arguments are simply not cached */
  if (alias)
    {
      lang_decref (interp, key);
      return lang_ref (interp, alias);
    }
  alias = new_form (interp, cls, NULL);
  ReclaimValue origin = peek_attr (interp, form, "__origin__");
  modules_weak_set_attr (interp, alias, "_name", lang_ref (interp, peek_attr (interp, form, "_name")));
  modules_weak_set_attr (interp, alias, "__origin__", lang_ref (interp, origin ? origin : form));
  modules_weak_set_attr (interp, alias, "__args__", lang_ref (interp, args));
  if (lang_hashable (interp, key))
    lang_dict_set (interp, cache, key, alias);
  lang_error_clear (interp);
  lang_decref (interp, key);
  return alias;
}

static ReclaimValue
subscript_union (ReclaimInterp *interp, ReclaimValue form, ReclaimValue params, gboolean optional)
{
  if (optional)
    {
      /* Optional[X] is Union[X, None]; X is the whole subscript */
      ReclaimValue items[2] = { type_check (interp, params, "typing.Optional requires a single type."),
                                scalar_none () };
      if (items[0] == LANG_ERROR)
        return LANG_ERROR;
      params = lang_tuple_new (interp, 2, items);
    }
  else
    lang_incref (interp, params);
  ReclaimValue args = union_args (interp, params);
  lang_decref (interp, params);
  if (args == LANG_ERROR)
    return LANG_ERROR;
  if (lang_seq_length (interp, args) == 1)
    {
      ReclaimValue only = lang_ref (interp, lang_seq_item (interp, args, 0));
      lang_decref (interp, args);
      return only;
    }
  ReclaimValue union_form = lang_dict_get (interp, reclaim_heap_slot_get (interp->heap,
                              GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "typing")), 0),
                              scalar_str ("Union", -1));
  ReclaimValue alias = cached_alias (interp, "_UnionGenericAlias", union_form ? union_form : form, args);
  lang_decref (interp, args);
  return alias;
}

/* Callable[[a, b], r] is filed as Callable[a, b, r] */
static ReclaimValue
callable_params (ReclaimInterp *interp, ReclaimValue params)
{
  if (lang_seq_length (interp, params) != 2)
    return lang_raise (interp, "TypeError", "Callable must be used as Callable[[arg, ...], result].");
  ReclaimValue first = lang_seq_item (interp, params, 0);
  if (is_ellipsis (first))
    return lang_ref (interp, params);
  /* Callable[int, str] is taken as Callable[[int], str] */
  gboolean is_list = lang_is_builtin_kind (interp, first, RECLAIM_KIND_LIST);
  guint n = is_list ? lang_seq_length (interp, first) : 1;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = lang_ref (interp, is_list ? lang_seq_item (interp, first, i) : first);
  items[n] = lang_ref (interp, lang_seq_item (interp, params, 1));
  return lang_tuple_new (interp, n + 1, items);
}

static ReclaimValue
check_each (ReclaimInterp *interp, ReclaimValue params, const char *message)
{
  guint n = lang_seq_length (interp, params);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    {
      ReclaimValue p = lang_seq_item (interp, params, i);
      items[i] = is_ellipsis (p) ? lang_ref (interp, p) : type_check (interp, p, message);
      if (items[i] == LANG_ERROR)
        {
          for (guint j = i; j > 0; j--)
            lang_decref (interp, items[j - 1]);
          return LANG_ERROR;
        }
    }
  return lang_tuple_new (interp, n, items);
}

static int
expected_params (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_aliases); i++)
    if (strcmp (special_aliases[i].name, name) == 0)
      return special_aliases[i].n_params;
  return 1;
}

static ReclaimValue
subscript_alias (ReclaimInterp *interp, ReclaimValue form, const char *name, ReclaimValue params)
{
  gboolean is_callable = strcmp (name, "Callable") == 0;
  ReclaimValue flat = is_callable ? callable_params (interp, params) : lang_ref (interp, params);
  if (flat == LANG_ERROR)
    return LANG_ERROR;
  int expected = expected_params (name);
  guint n = lang_seq_length (interp, params);
  if (!is_callable && expected != VARIADIC && (int) n != expected)
    {
      lang_decref (interp, flat);
      return lang_raise (interp, "TypeError", "Too %s arguments for typing.%s; actual %u, expected %d",
                         (int) n > expected ? "many" : "few", name, n, expected);
    }
  ReclaimValue args = check_each (interp, flat, "Parameters to generic types must be types.");
  lang_decref (interp, flat);
  if (args == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue alias = cached_alias (interp, "_GenericAlias", form, args);
  lang_decref (interp, args);
  return alias;
}

static ReclaimValue
typing_getitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    {
      self = args[0];
      args++;
      nargs--;
    }
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "__getitem__ expected 1 argument, got %u", nargs);
  const char *cls = lang_class_of (interp, self)->name;
  ReclaimValue name = peek_attr (interp, self, "_name");
  const char *n = name ? scalar_get_str (name, NULL) : "";
  g_autofree char *r = NULL;

  if (strcmp (cls, "_SpecialForm") == 0 && (strcmp (n, "Union") == 0 || strcmp (n, "Optional") == 0))
    {
      if (lang_is_builtin_kind (interp, args[0], RECLAIM_KIND_TUPLE) && lang_seq_length (interp, args[0]) == 0)
        return lang_raise (interp, "TypeError", "Cannot take a Union of no types.");
      ReclaimValue params = n[0] == 'O' ? lang_ref (interp, args[0]) : params_of (interp, args[0]);
      ReclaimValue result = subscript_union (interp, self, params, n[0] == 'O');
      lang_decref (interp, params);
      return result;
    }
  if (strcmp (cls, "_SpecialForm") == 0 && (strcmp (n, "ClassVar") == 0 || strcmp (n, "Final") == 0))
    {
      g_autofree char *message = g_strdup_printf ("typing.%s accepts only single type.", n);
      ReclaimValue arg = type_check (interp, args[0], message);
      if (arg == LANG_ERROR)
        return LANG_ERROR;
      ReclaimValue tuple = lang_tuple_new (interp, 1, &arg);
      ReclaimValue alias = cached_alias (interp, "_GenericAlias", self, tuple);
      lang_decref (interp, tuple);
      return alias;
    }
  if (strcmp (cls, "_SpecialGenericAlias") == 0)
    {
      ReclaimValue params = params_of (interp, args[0]);
      ReclaimValue result = subscript_alias (interp, self, n, params);
      lang_decref (interp, params);
      return result;
    }
  r = alias_repr (interp, self);
  return lang_raise (interp, "TypeError", "%s is not subscriptable", r ? r : cls);
}

/* ---- comparison, hashing, | -------------------------------------------- */

/* An alias is equal by its origin and its arguments (a Union's in any
 * order), a ForwardRef by its str: these (borrowed), or 0 for what is
 * equal by identity. */
static ReclaimValue
identity_key (ReclaimInterp *interp, ReclaimValue v)
{
  if (is_instance_of (interp, v, "ForwardRef"))
    return peek_attr (interp, v, "__forward_arg__");
  return peek_attr (interp, v, "__args__");
}

static ReclaimValue
not_implemented (ReclaimInterp *interp)
{
  return lang_ref (interp, lang_dict_get (interp, interp->builtins, scalar_str ("NotImplemented", -1)));
}

static ReclaimValue
typing_eq (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    {
      self = args[0];
      args++;
      nargs--;
    }
  ReclaimValue other = args[0];
  if (!reclaim_value_is_object (other) || lang_class_of (interp, other) != lang_class_of (interp, self) ||
      identity_key (interp, self) == 0 || identity_key (interp, other) == 0)
    return self == other ? scalar_bool (TRUE) : not_implemented (interp);
  if (is_instance_of (interp, self, "ForwardRef"))
    {
      int r = lang_equal (interp, identity_key (interp, self), identity_key (interp, other));
      return r < 0 ? LANG_ERROR : scalar_bool (r);
    }
  if (peek_attr (interp, self, "__origin__") != peek_attr (interp, other, "__origin__"))
    return scalar_bool (FALSE);
  ReclaimValue a = identity_key (interp, self), b = identity_key (interp, other);
  guint n = lang_seq_length (interp, a);
  gboolean any_order = is_instance_of (interp, self, "_UnionGenericAlias") || is_instance_of (interp, self, "UnionType");
  if (n != lang_seq_length (interp, b))
    return scalar_bool (FALSE);
  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;
      for (guint j = any_order ? 0 : i; j < (any_order ? n : i + 1) && !found; j++)
        {
          int r = lang_equal (interp, lang_seq_item (interp, a, i), lang_seq_item (interp, b, j));
          if (r < 0)
            return LANG_ERROR;
          found = r;
        }
      if (!found)
        return scalar_bool (FALSE);
    }
  return scalar_bool (TRUE);
}

static ReclaimValue
typing_hash (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    self = args[0];
  if (is_instance_of (interp, self, "ForwardRef"))
    {
      ReclaimValue hash = lang_dict_get (interp, interp->builtins, scalar_str ("hash", -1));
      ReclaimValue arg = identity_key (interp, self);
      return lang_call (interp, hash, 1, &arg, 0, NULL);
    }
  /* equal aliases have the same origin and the same number of arguments */
  ReclaimValue key = identity_key (interp, self);
  gint64 h = key ? (gint64) peek_attr (interp, self, "__origin__") * 31 + lang_seq_length (interp, key) : (gint64) self;
  return scalar_int (h);
}

static gboolean
can_be_in_union (ReclaimInterp *interp, ReclaimValue v)
{
  return scalar_type (v) == SCALAR_NONE || is_class (interp, v) || is_instance_of (interp, v, "_GenericAlias") ||
         is_instance_of (interp, v, "_UnionGenericAlias") || is_instance_of (interp, v, "GenericAlias") ||
         is_instance_of (interp, v, "UnionType") || is_instance_of (interp, v, "TypeVar") ||
         is_instance_of (interp, v, "_SpecialForm") || is_instance_of (interp, v, "_SpecialGenericAlias");
}

/* X | Y with a typing alias on one side: Union[X, Y] */
static ReclaimValue
typing_or (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames, gboolean reflected)
{
  if (self == 0 && nargs > 0)
    {
      self = args[0];
      args++;
    }
  if (is_instance_of (interp, self, "UnionType") || is_instance_of (interp, self, "GenericAlias"))
    {
      /* types.UnionType.__or__ */
      ReclaimValue a = reflected ? args[0] : self, b = reflected ? self : args[0];
      return modules_can_make_union_type (interp, a, b) ? modules_union_type_new (interp, a, b) : not_implemented (interp);
    }
  if (!can_be_in_union (interp, args[0]))
    return not_implemented (interp);
  ReclaimValue items[2] = { lang_ref (interp, reflected ? args[0] : self), lang_ref (interp, reflected ? self : args[0]) };
  ReclaimValue params = lang_tuple_new (interp, 2, items);
  ReclaimValue r = subscript_union (interp, self, params, FALSE);
  lang_decref (interp, params);
  return r;
}

static ReclaimValue
typing_or_left (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  return typing_or (interp, self, nargs, args, nkw, kwnames, FALSE);
}

static ReclaimValue
typing_or_right (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return typing_or (interp, self, nargs, args, nkw, kwnames, TRUE);
}

/* ---- built-in generics: list[int], int | None ------------------------------ */

ReclaimValue
modules_generic_alias_new (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key)
{
  ReclaimValue alias = new_form (interp, "GenericAlias", NULL);
  modules_weak_set_attr (interp, alias, "__origin__", lang_ref (interp, origin));
  modules_weak_set_attr (interp, alias, "__args__", params_of (interp, key));
  return alias;
}

/* types' is_unionable: None, a class, a GenericAlias or a UnionType */
static gboolean
is_unionable (ReclaimInterp *interp, ReclaimValue v)
{
  return scalar_type (v) == SCALAR_NONE || is_class (interp, v) || is_instance_of (interp, v, "GenericAlias") ||
         is_instance_of (interp, v, "UnionType");
}

gboolean
modules_can_make_union_type (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  return is_unionable (interp, a) && is_unionable (interp, b) &&
         !(scalar_type (a) == SCALAR_NONE && scalar_type (b) == SCALAR_NONE);
}

/* int | None: a types.UnionType of both, nested ones flattened. */
ReclaimValue
modules_union_type_new (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  ReclaimValue items[2] = { lang_ref (interp, a), lang_ref (interp, b) };
  ReclaimValue params = lang_tuple_new (interp, 2, items);
  ReclaimValue args = union_args (interp, params);
  lang_decref (interp, params);
  if (args == LANG_ERROR)
    return LANG_ERROR;
  if (lang_seq_length (interp, args) == 1)
    {
      ReclaimValue only = lang_ref (interp, lang_seq_item (interp, args, 0));
      lang_decref (interp, args);
      return only;
    }
  ReclaimValue u = new_form (interp, "UnionType", NULL);
  modules_weak_set_attr (interp, u, "__args__", args);
  return u;
}

/* ---- TypeVar and the rest ---------------------------------------------- */

static ReclaimValue
typevar_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "TypeVar", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs < 1 || scalar_type (args[0]) != SCALAR_STR)
    return lang_raise (interp, "TypeError", "TypeVar() missing required argument 'name'");
  ReclaimValue bound = scalar_none ();
  gboolean covariant = FALSE, contravariant = FALSE;
  for (guint k = 0; k < nkw; k++)
    {
      ReclaimValue v = args[nargs + k];
      if (strcmp (kwnames[k], "bound") == 0)
        bound = v;
      else if (strcmp (kwnames[k], "covariant") == 0)
        covariant = lang_truth (interp, v) == 1;
      else if (strcmp (kwnames[k], "contravariant") == 0)
        contravariant = lang_truth (interp, v) == 1;
      else
        return lang_raise (interp, "TypeError", "TypeVar.__init__() got an unexpected keyword argument '%s'",
                           kwnames[k]);
    }
  modules_weak_set_attr (interp, self, "__name__", lang_ref (interp, args[0]));
  modules_weak_set_attr (interp, self, "__bound__", lang_ref (interp, bound));
  modules_weak_set_attr (interp, self, "__constraints__", modules_args_tuple (interp, nargs - 1, args + 1));
  modules_weak_set_attr (interp, self, "__covariant__", scalar_bool (covariant));
  modules_weak_set_attr (interp, self, "__contravariant__", scalar_bool (contravariant));
  return scalar_none ();
}

/* cast(typ, val) returns val unchanged */
static ReclaimValue
typing_cast (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "cast", nargs, 2, 2, nkw))
    return LANG_ERROR;
  return lang_ref (interp, args[1]);
}

/* list[int]() makes a list; List[int]() says to call list(); Union and
 * the abstract aliases cannot be called */
static ReclaimValue
typing_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (self == 0 && nargs > 0)
    {
      self = args[0];
      args++;
      nargs--;
    }
  const char *cls = lang_class_of (interp, self)->name;
  ReclaimValue origin = peek_attr (interp, self, "__origin__");
  if (strcmp (cls, "TypeVar") == 0 || strcmp (cls, "ForwardRef") == 0 || strcmp (cls, "UnionType") == 0)
    return lang_raise (interp, "TypeError", "'%s' object is not callable", cls);
  if (origin && is_class (interp, origin) && strcmp (cls, "GenericAlias") == 0)
    return lang_call (interp, origin, nargs, args, nkw, kwnames);
  if (origin && is_class (interp, origin))
    return lang_raise (interp, "TypeError", "Type %s cannot be instantiated; use %s() instead",
                       scalar_get_str (peek_attr (interp, self, "_name"), NULL), lang_class_get (interp, origin)->name);
  g_autofree char *r = alias_repr (interp, self);
  return lang_raise (interp, "TypeError", "Cannot instantiate %s", r ? r : "?");
}

MODULES_CONSTRUCTOR (special_form_construct, "_SpecialForm")
MODULES_CONSTRUCTOR (special_alias_construct, "_SpecialGenericAlias")
MODULES_CONSTRUCTOR (generic_alias_construct, "_GenericAlias")
MODULES_CONSTRUCTOR (union_alias_construct, "_UnionGenericAlias")
MODULES_CONSTRUCTOR (types_alias_construct, "GenericAlias")
MODULES_CONSTRUCTOR (union_type_construct, "UnionType")
MODULES_CONSTRUCTOR (forward_ref_construct, "ForwardRef")
MODULES_CONSTRUCTOR (typevar_construct, "TypeVar")

static const LangMethodDef alias_dunders[] = {
  { "__repr__", typing_repr }, { "__getitem__", typing_getitem }, { "__eq__", typing_eq },
  { "__hash__", typing_hash }, { "__or__", typing_or_left }, { "__ror__", typing_or_right },
  { "__call__", typing_call }, { NULL, NULL }
};
static const LangMethodDef typevar_methods[] = { { "__init__", typevar_init }, { NULL, NULL } };

void
modules_typing_init (ReclaimInterp *interp)
{
  static const struct { const char *cls; LangNativeFunc construct; } classes[] = {
    { "_SpecialForm", special_form_construct }, { "_SpecialGenericAlias", special_alias_construct },
    { "_GenericAlias", generic_alias_construct }, { "_UnionGenericAlias", union_alias_construct },
    { "GenericAlias", types_alias_construct }, { "UnionType", union_type_construct },
    { "ForwardRef", forward_ref_construct },
  };
  ReclaimValue ns = modules_namespace_new (interp, "typing");
  interp->hooks.generic_alias_new = modules_generic_alias_new;
  interp->hooks.can_make_union_type = modules_can_make_union_type;
  interp->hooks.union_type_new = modules_union_type_new;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    modules_class_new (interp, i >= 4 && i < 6 ? "types" : "typing", classes[i].cls, classes[i].construct,
                       alias_dunders, NULL);
  LangClass *typevar = modules_class_new (interp, "typing", "TypeVar", typevar_construct, alias_dunders,
                                          typevar_methods);
  lang_dict_set (interp, ns, scalar_str ("TypeVar", -1), typevar->id);
  modules_add_value (interp, ns, "_caches", lang_dict_new (interp));
  for (guint i = 0; i < G_N_ELEMENTS (special_forms); i++)
    modules_add_value (interp, ns, special_forms[i], new_form (interp, "_SpecialForm", special_forms[i]));
  for (guint i = 0; i < G_N_ELEMENTS (special_aliases); i++)
    {
      ReclaimValue alias = new_form (interp, "_SpecialGenericAlias", special_aliases[i].name);
      if (special_aliases[i].origin)
        modules_weak_set_attr (interp, alias, "__origin__",
                               lang_ref (interp, lang_builtin_class (interp, special_aliases[i].origin)->id));
      modules_add_value (interp, ns, special_aliases[i].name, alias);
    }
  modules_add_value (interp, ns, "TYPE_CHECKING", scalar_bool (FALSE));
  modules_add_function (interp, ns, "cast", typing_cast);
  modules_new_module (interp, "typing", ns);
  lang_decref (interp, ns);
}
