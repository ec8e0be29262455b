/* reclaim-mod-functools-cache.c: functools.lru_cache (and the CacheInfo
 * it reports) and functools.cached_property.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cache keeps every argument tuple and every result alive until it
 * evicts or clears them, which is the point of showing it.  CPython's C
 * wrapper (Modules/_functoolsmodule.c) holds a dict from key to result
 * (maxsize=None) or to a link of a list kept in order of use (a bounded
 * cache).  Here the instance holds the dict as its `cache` attribute; a
 * bounded cache moves a key to the end of the dict when it is used, so
 * that the dict's order is the list's and things die in the same order:
 * the least recently used first when the cache is cleared or goes, and
 * an evicted key, then its result, after the new result is stored.
 */
#include "reclaim-modules-private.h"

#include <string.h>

#define LRU "_lru_cache_wrapper"

/* ---- the key ------------------------------------------------------------- */

/* _make_key: one int or str argument is its own key; otherwise a tuple of
 * the arguments, then the keyword mark and each name and value, then the
 * types when `typed`. */
static ReclaimValue
make_key (ReclaimInterp *interp, ReclaimValue kwd_mark, gboolean typed, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!typed && nkw == 0 && nargs == 1 &&
      (scalar_type (args[0]) == SCALAR_INT || scalar_type (args[0]) == SCALAR_STR))
    return lang_ref (interp, args[0]);
  guint n = nargs + (nkw ? 1 + 2 * nkw : 0) + (typed ? nargs + nkw : 0), i = 0;
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint a = 0; a < nargs; a++)
    items[i++] = lang_ref (interp, args[a]);
  if (nkw)
    items[i++] = lang_ref (interp, kwd_mark);
  for (guint k = 0; k < nkw; k++)
    {
      items[i++] = scalar_str (kwnames[k], -1);
      items[i++] = lang_ref (interp, args[nargs + k]);
    }
  for (guint a = 0; typed && a < nargs + nkw; a++)
    items[i++] = lang_ref (interp, lang_class_of (interp, args[a])->id);
  return lang_tuple_new (interp, n, items);
}

/* ---- the wrapper ----------------------------------------------------------- */

static gint64
int_attr (ReclaimInterp *interp, ReclaimValue self, const char *name)
{
  ReclaimValue v = modules_attr (interp, self, name);
  return v && (scalar_type (v) == SCALAR_INT || scalar_type (v) == SCALAR_BOOL) ? scalar_get_int (v) : 0;
}

static void
count (ReclaimInterp *interp, ReclaimValue self, const char *name)
{
  lang_setattr (interp, self, name, scalar_int (int_attr (interp, self, name) + 1));
}

/* The least recently used entry goes: its key, then its result, die after
 * the new entry is in (bounded_lru_cache_wrapper reuses the link). */
static int
store_evicting (ReclaimInterp *interp, ReclaimValue cache, ReclaimValue key, ReclaimValue result)
{
  ReclaimValue old_key, old_result;
  if (!lang_dict_entry (interp, cache, 0, &old_key, &old_result))
    return lang_dict_set (interp, cache, key, result);
  lang_incref (interp, old_key);
  lang_incref (interp, old_result);
  int r = lang_dict_delete (interp, cache, old_key);
  if (r == 0)
    r = lang_dict_set (interp, cache, key, result);
  lang_decref (interp, old_key);
  lang_decref (interp, old_result);
  return r;
}

/* A hit in a bounded cache: the key becomes the most recently used. */
static void
mark_used (ReclaimInterp *interp, ReclaimValue cache, ReclaimValue key, ReclaimValue result)
{
  ReclaimValue stored_key = 0, value;
  for (guint pos = 0; lang_dict_next_entry (interp, cache, &pos, &stored_key, &value);)
    if (value == result && lang_equal (interp, stored_key, key) == 1)
      break;
  lang_incref (interp, stored_key);
  lang_incref (interp, result);
  lang_dict_delete (interp, cache, stored_key);
  lang_dict_set (interp, cache, stored_key, result);
  lang_decref (interp, stored_key);
  lang_decref (interp, result);
}

/* A miss: call the function and keep its result. */
static ReclaimValue
call_and_store (ReclaimInterp *interp, ReclaimValue self, ReclaimValue cache, ReclaimValue key, gint64 maxsize,
                guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  count (interp, self, "misses");
  ReclaimValue func = lang_getattr (interp, self, "__wrapped__");
  if (func == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue result = lang_call (interp, func, nargs, args, nkw, kwnames);
  lang_decref (interp, func);
  if (result == LANG_ERROR || maxsize == 0)
    return result;
  int r = 0;
  if (maxsize < 0)
    r = lang_dict_set (interp, cache, key, result);
  /* the call may have cached the same key meanwhile: that entry stays */
  else if (lang_dict_get (interp, cache, key) == 0 && !lang_error_occurred (interp))
    r = (gint64) lang_dict_length (interp, cache) < maxsize ? lang_dict_set (interp, cache, key, result)
                                                            : store_evicting (interp, cache, key, result);
  if (r < 0 || lang_error_occurred (interp))
    {
      lang_decref (interp, result);
      return LANG_ERROR;
    }
  return result;
}

/* maxsize is kept as -1 for None (no bound) */
static ReclaimValue
lru_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, LRU, "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  gint64 maxsize = int_attr (interp, self, "maxsize");
  ReclaimValue cache = modules_attr (interp, self, "cache");
  ReclaimValue kwd_mark = modules_attr (interp, self, "kwd_mark");
  if (cache == 0 || kwd_mark == 0)
    return LANG_ERROR;
  lang_incref (interp, cache);
  ReclaimValue key = maxsize == 0 ? 0
                                  : make_key (interp, kwd_mark, int_attr (interp, self, "typed"), nargs, args,
                                              nkw, kwnames);
  ReclaimValue found = key ? lang_dict_get (interp, cache, key) : 0;
  ReclaimValue result;
  if (found)
    {
      count (interp, self, "hits");
      result = lang_ref (interp, found);
      if (maxsize > 0)
        mark_used (interp, cache, key, found);
    }
  else if (lang_error_occurred (interp))
    result = LANG_ERROR;
  else
    result = call_and_store (interp, self, cache, key, maxsize, nargs, args, nkw, kwnames);
  lang_decref (interp, key);
  lang_decref (interp, cache);
  return result;
}

/* ---- CacheInfo ------------------------------------------------------------ */

static const char *const cache_info_fields[] = { "hits", "misses", "maxsize", "currsize", NULL };

static ReclaimValue
cache_info_tuple (ReclaimInterp *interp, ReclaimValue self)
{
  ReclaimValue items[4];
  for (guint i = 0; i < 4; i++)
    {
      ReclaimValue v = modules_attr (interp, self, cache_info_fields[i]);
      if (v == 0)
        {
          while (i > 0)
            lang_decref (interp, items[--i]);
          return LANG_ERROR;
        }
      items[i] = lang_ref (interp, v);
    }
  return lang_tuple_new (interp, 4, items);
}

static ReclaimValue
cache_info_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "CacheInfo", "__new__", &self, &nargs, &args))
    return LANG_ERROR;
  for (guint i = 0; i < 4; i++)
    {
      ReclaimValue v = lang_arg (nargs, args, nkw, kwnames, i, cache_info_fields[i]);
      if (v == 0 || nargs + nkw != 4)
        return lang_raise (interp, "TypeError", "CacheInfo.__new__() takes 5 positional arguments but %u were given",
                           nargs + nkw + 1);
      lang_setattr (interp, self, cache_info_fields[i], v);
    }
  return scalar_none ();
}

static ReclaimValue
cache_info_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "CacheInfo", "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  g_autoptr (GString) out = g_string_new ("CacheInfo(");
  for (guint i = 0; i < 4; i++)
    {
      ReclaimValue v = modules_attr (interp, self, cache_info_fields[i]);
      g_autofree char *r = v ? lang_repr (interp, v) : NULL;
      if (r == NULL)
        return LANG_ERROR;
      g_string_append_printf (out, "%s%s=%s", i ? ", " : "", cache_info_fields[i], r);
    }
  g_string_append_c (out, ')');
  return scalar_str (out->str, out->len);
}

/* CacheInfo is a named tuple in CPython: indexing, len(), iteration and
 * == go through the tuple of its four fields. */
typedef enum { AS_TUPLE_GETITEM, AS_TUPLE_LEN, AS_TUPLE_ITER, AS_TUPLE_EQ } AsTuple;

static ReclaimValue
cache_info_as_tuple (ReclaimInterp *interp, ReclaimValue self, AsTuple what, const char *method, guint nargs,
                     const ReclaimValue *args, guint nkw)
{
  if (!modules_method_self (interp, "CacheInfo", method, &self, &nargs, &args) ||
      !lang_check_args (interp, method, nargs, what == AS_TUPLE_GETITEM || what == AS_TUPLE_EQ,
                        what == AS_TUPLE_GETITEM || what == AS_TUPLE_EQ, nkw))
    return LANG_ERROR;
  ReclaimValue tuple = cache_info_tuple (interp, self);
  if (tuple == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = LANG_ERROR;
  switch (what)
    {
    case AS_TUPLE_GETITEM:
      r = lang_subscript (interp, tuple, args[0]);
      break;
    case AS_TUPLE_LEN:
      r = scalar_int (4);
      break;
    case AS_TUPLE_ITER:
      r = lang_iter (interp, tuple);
      break;
    case AS_TUPLE_EQ:
      {
        int eq = lang_equal (interp, tuple, args[0]);
        r = eq < 0 ? LANG_ERROR : scalar_bool (eq);
      }
      break;
    }
  lang_decref (interp, tuple);
  return r;
}

#define CACHE_INFO_AS_TUPLE(fname, what, method)                                                    \
  static ReclaimValue                                                                               \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,           \
         guint nkw, const char *const *kwnames)                                                     \
  {                                                                                                 \
    return cache_info_as_tuple (interp, self, what, method, nargs, args, nkw);                      \
  }

CACHE_INFO_AS_TUPLE (cache_info_getitem, AS_TUPLE_GETITEM, "__getitem__")
CACHE_INFO_AS_TUPLE (cache_info_len, AS_TUPLE_LEN, "__len__")
CACHE_INFO_AS_TUPLE (cache_info_iter, AS_TUPLE_ITER, "__iter__")
CACHE_INFO_AS_TUPLE (cache_info_eq, AS_TUPLE_EQ, "__eq__")

MODULES_CONSTRUCTOR (cache_info_construct, "CacheInfo")

/* ---- the wrapper's methods ------------------------------------------------- */

static ReclaimValue
lru_cache_info (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, LRU, "cache_info", &self, &nargs, &args) ||
      !lang_check_args (interp, "cache_info", nargs, 0, 0, nkw))
    return LANG_ERROR;
  gint64 maxsize = int_attr (interp, self, "maxsize");
  ReclaimValue cache = modules_attr (interp, self, "cache");
  if (cache == 0)
    return LANG_ERROR;
  ReclaimValue fields[] = {
    scalar_int (int_attr (interp, self, "hits")), scalar_int (int_attr (interp, self, "misses")),
    maxsize < 0 ? scalar_none () : scalar_int (maxsize), scalar_int (lang_dict_length (interp, cache)),
  };
  return modules_construct (interp, "CacheInfo", 4, fields, 0, NULL);
}

static ReclaimValue
lru_cache_clear (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, LRU, "cache_clear", &self, &nargs, &args) ||
      !lang_check_args (interp, "cache_clear", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue cache = modules_attr (interp, self, "cache");
  if (cache == 0)
    return LANG_ERROR;
  lang_setattr (interp, self, "hits", scalar_int (0));
  lang_setattr (interp, self, "misses", scalar_int (0));
  return lang_call_method (interp, cache, "clear", 0, NULL);
}

static ReclaimValue
lru_cache_parameters (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, LRU, "cache_parameters", &self, &nargs, &args) ||
      !lang_check_args (interp, "cache_parameters", nargs, 0, 0, nkw))
    return LANG_ERROR;
  gint64 maxsize = int_attr (interp, self, "maxsize");
  ReclaimValue d = lang_dict_new (interp);
  lang_dict_set (interp, d, scalar_str ("maxsize", -1), maxsize < 0 ? scalar_none () : scalar_int (maxsize));
  lang_dict_set (interp, d, scalar_str ("typed", -1), scalar_bool (int_attr (interp, self, "typed") != 0));
  return d;
}

/* Read through an instance, the wrapper is a bound method (as a function
 * would be); read through the class, itself. */
static ReclaimValue
lru_descr_get (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, LangClass *owner, const char *name)
{
  return obj ? lang_method_new (interp, descr, obj) : lang_ref (interp, descr);
}


MODULES_CONSTRUCTOR (lru_construct, LRU)

/* _lru_cache_wrapper(user_function, maxsize, typed), maxsize an int of 0
 * or more, or -1 for None.  The unbounded cache goes before the wrapper's
 * __dict__ when the wrapper dies, the bounded one's links after it
 * (lru_cache_tp_clear): the bounded cache is bound later, by make_wrapper. */
static ReclaimValue
lru_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, LRU, "__init__", &self, &nargs, &args) ||
      !lang_check_args (interp, LRU, nargs, 3, 3, nkw))
    return LANG_ERROR;
  if (!lang_is_callable (interp, args[0]))
    return lang_raise (interp, "TypeError", "the first argument must be callable");
  if (scalar_get_int (args[1]) < 0)
    modules_weak_set_attr (interp, self, "cache", lang_dict_new (interp));
  lang_setattr (interp, self, "maxsize", args[1]);
  lang_setattr (interp, self, "typed", args[2]);
  lang_setattr (interp, self, "hits", scalar_int (0));
  lang_setattr (interp, self, "misses", scalar_int (0));
  ReclaimValue mark = lang_call (interp, lang_builtin_class (interp, "object")->id, 0, NULL, 0, NULL);
  if (mark == LANG_ERROR)
    return LANG_ERROR;
  modules_weak_set_attr (interp, self, "kwd_mark", mark);
  return scalar_none ();
}

/* wrapper = _lru_cache_wrapper(func, maxsize, typed); update_wrapper(wrapper, func) */
static ReclaimValue
make_wrapper (ReclaimInterp *interp, ReclaimValue func, gint64 maxsize, gboolean typed)
{
  ReclaimValue parts[] = { func, scalar_int (maxsize), scalar_bool (typed) };
  ReclaimValue wrapper = modules_construct (interp, LRU, 3, parts, 0, NULL);
  if (wrapper == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue updated = modules_functools_update_wrapper (interp, wrapper, func);
  if (updated == LANG_ERROR)
    {
      lang_decref (interp, wrapper);
      return LANG_ERROR;
    }
  lang_decref (interp, updated);
  if (maxsize >= 0)
    modules_weak_set_attr (interp, wrapper, "cache", lang_dict_new (interp));
  return wrapper;
}

/* What lru_cache(maxsize, typed) gives back: its __self__ is the tuple
 * (maxsize, typed), as CPython's closure holds them. */
static ReclaimValue
decorating_function (ReclaimInterp *interp, ReclaimValue params, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "decorating_function", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return make_wrapper (interp, args[0], scalar_get_int (lang_seq_item (interp, params, 0)),
                       scalar_get_int (lang_seq_item (interp, params, 1)) != 0);
}

/* lru_cache(maxsize=128, typed=False), or @lru_cache on a function */
static ReclaimValue
functools_lru_cache (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  ReclaimValue maxsize = lang_arg (nargs, args, nkw, kwnames, 0, "maxsize");
  ReclaimValue typed = lang_arg (nargs, args, nkw, kwnames, 1, "typed");
  if (nargs > 2)
    return lang_raise (interp, "TypeError", "lru_cache() takes from 0 to 2 positional arguments but %u were given",
                       nargs);
  int typed_true = typed ? lang_truth (interp, typed) : 0;
  if (typed_true < 0)
    return LANG_ERROR;
  gint64 bound = 128;
  ScalarType t = maxsize ? scalar_type (maxsize) : SCALAR_INT;
  if (maxsize && (t == SCALAR_INT || t == SCALAR_BOOL))
    bound = MAX (scalar_get_int (maxsize), 0);
  else if (maxsize && lang_is_callable (interp, maxsize) && (typed == 0 || scalar_type (typed) == SCALAR_BOOL))
    return make_wrapper (interp, maxsize, 128, typed_true);
  else if (maxsize && t != SCALAR_NONE)
    return lang_raise (interp, "TypeError", "Expected first argument to be an integer, a callable, or None");
  else if (maxsize)
    bound = -1;
  ReclaimValue params[] = { scalar_int (bound), scalar_bool (typed_true) };
  ReclaimValue tuple = lang_tuple_new (interp, 2, params);
  ReclaimValue decorator = lang_native_new (interp, "decorating_function", decorating_function, tuple);
  lang_decref (interp, tuple);
  return decorator;
}

/* functools.cache(f) is lru_cache(maxsize=None)(f) */
static ReclaimValue
functools_cache (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  ReclaimValue func = lang_arg (nargs, args, nkw, kwnames, 0, "user_function");
  if (func == 0 || nargs + nkw != 1)
    return lang_raise (interp, "TypeError", "cache() takes 1 positional argument but %u were given", nargs + nkw);
  return make_wrapper (interp, func, -1, FALSE);
}

/* ---- cached_property ------------------------------------------------------ */

static ReclaimValue
cached_property_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "cached_property", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue func = lang_arg (nargs, args, nkw, kwnames, 0, "func");
  if (func == 0 || nargs + nkw != 1)
    return lang_raise (interp, "TypeError", "cached_property.__init__() missing 1 required positional argument: 'func'");
  ReclaimValue doc = lang_lookup_attr (interp, func, "__doc__");
  if (doc == 0 && interp->exc)
    return LANG_ERROR;
  lang_setattr (interp, self, "func", func);
  lang_setattr (interp, self, "attrname", scalar_none ());
  lang_setattr (interp, self, "__doc__", doc ? doc : scalar_none ());
  lang_decref (interp, doc);
  return scalar_none ();
}

/* The first read through an instance calls func(instance) and stores the
 * value in the instance's __dict__ under the attribute's name, where
 * later reads find it before they reach the class. */
static ReclaimValue
cached_property_get (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, LangClass *owner, const char *name)
{
  if (obj == 0)
    return lang_ref (interp, descr);
  /* CPython learns the name from __set_name__ when the class is made */
  ReclaimValue attrname = modules_attr (interp, descr, "attrname");
  if (attrname == 0)
    return LANG_ERROR;
  if (scalar_type (attrname) != SCALAR_STR)
    lang_setattr (interp, descr, "attrname", scalar_str (name, -1));
  ReclaimValue dict = lang_lookup_attr (interp, obj, "__dict__");
  if (dict == 0)
    {
      if (!lang_error_occurred (interp) || lang_error_matches (interp, "AttributeError"))
        {
          lang_error_clear (interp);
          lang_raise (interp, "TypeError", "No '__dict__' attribute on '%s' instance to cache '%s' property.",
                      lang_class_of (interp, obj)->name, name);
        }
      return LANG_ERROR;
    }
  ReclaimValue key = scalar_str (name, -1), value = lang_dict_get (interp, dict, key);
  if (value)
    value = lang_ref (interp, value);
  else if (!lang_error_occurred (interp))
    {
      ReclaimValue func = lang_getattr (interp, descr, "func");
      value = func == LANG_ERROR ? LANG_ERROR : lang_call (interp, func, 1, &obj, 0, NULL);
      lang_decref (interp, func);
      if (value != LANG_ERROR && lang_dict_set (interp, dict, key, value) < 0)
        {
          lang_decref (interp, value);
          value = LANG_ERROR;
        }
    }
  lang_decref (interp, dict);
  return value;
}

MODULES_CONSTRUCTOR (cached_property_construct, "cached_property")

/* ---- registration ---------------------------------------------------------- */

static const LangMethodDef lru_dunders[] = { { "__call__", lru_call }, { NULL, NULL } };
static const LangMethodDef lru_methods[] = {
  { "__init__", lru_init }, { "cache_info", lru_cache_info }, { "cache_clear", lru_cache_clear },
  { "cache_parameters", lru_cache_parameters }, { NULL, NULL }
};
static const LangMethodDef cache_info_dunders[] = {
  { "__repr__", cache_info_repr }, { "__getitem__", cache_info_getitem }, { "__len__", cache_info_len },
  { "__iter__", cache_info_iter }, { "__eq__", cache_info_eq }, { NULL, NULL }
};
static const LangMethodDef cache_info_methods[] = { { "__init__", cache_info_init }, { NULL, NULL } };
static const LangMethodDef cached_property_methods[] = { { "__init__", cached_property_init }, { NULL, NULL } };

void
modules_functools_add_caches (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *lru = modules_class_new (interp, "functools", LRU, lru_construct, lru_dunders, lru_methods);
  lru->descr_get = lru_descr_get;
  LangClass *info = modules_class_new (interp, "functools", "CacheInfo", cache_info_construct, cache_info_dunders,
                                       cache_info_methods);
  LangClass *cached = modules_class_new (interp, "functools", "cached_property", cached_property_construct, NULL,
                                         cached_property_methods);
  cached->descr_get = cached_property_get;

  lang_dict_set (interp, ns, scalar_str (LRU, -1), lru->id);
  lang_dict_set (interp, ns, scalar_str ("_CacheInfo", -1), info->id);
  lang_dict_set (interp, ns, scalar_str ("cached_property", -1), cached->id);
  modules_add_function (interp, ns, "lru_cache", functools_lru_cache);
  modules_add_function (interp, ns, "cache", functools_cache);
}
