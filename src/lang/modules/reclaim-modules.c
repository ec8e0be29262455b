/* reclaim-modules.c: module objects, the sys module, and the helpers the
 * gc and weakref modules share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A module is a heap object of kind OBJECT labelled "module" whose slot 0
 * holds its namespace dict; the evaluator looks attributes up there.
 * interp->modules plays sys.modules: it keeps one reference to each
 * module for the whole run, so modules and what they hold never become
 * garbage, as in python3 where sys.modules outlives the script.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

/* ---- module objects ------------------------------------------------------ */

ReclaimId
modules_new_module (ReclaimInterp *interp, const char *name, ReclaimValue ns)
{
  ReclaimId module = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "module", 0);

  reclaim_heap_slot_append (interp->heap, module, RECLAIM_ROLE_OTHER, "__dict__", lang_ref (interp, ns));
  g_hash_table_insert (interp->modules, g_strdup (name), GUINT_TO_POINTER (module));
  return module;
}

void
modules_add_value (ReclaimInterp *interp, ReclaimValue ns, const char *name, ReclaimValue v)
{
  lang_dict_set (interp, ns, scalar_str (name, -1), v);
  lang_decref (interp, v);
}

void
modules_add_function (ReclaimInterp *interp, ReclaimValue ns, const char *name, LangNativeFunc func)
{
  modules_add_value (interp, ns, name, lang_native_new (interp, name, func, 0));
}

ReclaimValue
modules_namespace_new (ReclaimInterp *interp, const char *name)
{
  ReclaimValue ns = lang_dict_new (interp);

  modules_add_value (interp, ns, "__name__", scalar_str (name, -1));
  modules_add_value (interp, ns, "__doc__", scalar_none ());
  return ns;
}

/* ---- argument helpers ---------------------------------------------------- */

gboolean
modules_arg_int (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  ScalarType t = scalar_type (v);

  if (t != SCALAR_INT && t != SCALAR_BOOL)
    {
      lang_raise (interp, "TypeError", "'%s' object cannot be interpreted as an integer",
                  lang_type_name (interp, v));
      return FALSE;
    }
  *out = scalar_get_int (v);
  return TRUE;
}

ReclaimValue
modules_args_tuple (ReclaimInterp *interp, guint nargs, const ReclaimValue *args)
{
  g_autofree ReclaimValue *items = g_new (ReclaimValue, nargs + 1);

  for (guint i = 0; i < nargs; i++)
    items[i] = lang_ref (interp, args[i]);
  return lang_tuple_new (interp, nargs, items);
}

ReclaimValue
modules_kwargs_dict (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw,
                     const char *const *kwnames)
{
  ReclaimValue kwds = lang_dict_new (interp);

  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, kwds, scalar_str (kwnames[k], -1), args[nargs + k]);
  return kwds;
}

ReclaimValue
modules_call_with_tuple_and_dict (ReclaimInterp *interp, ReclaimValue func, ReclaimValue args, ReclaimValue kwds)
{
  guint npos = lang_seq_length (interp, args), nkw = lang_dict_length (interp, kwds);
  g_autofree ReclaimValue *all = g_new (ReclaimValue, npos + nkw + 1);
  g_autofree const char **names = g_new (const char *, nkw + 1);
  ReclaimValue key, value;
  guint k = 0;

  for (guint i = 0; i < npos; i++)
    all[i] = lang_seq_item (interp, args, i);
  for (guint pos = 0; lang_dict_next_entry (interp, kwds, &pos, &key, &value); k++)
    {
      names[k] = scalar_get_str (key, NULL);
      all[npos + k] = value;
    }
  return lang_call (interp, func, npos, all, k, names);
}

/* ---- classes written in Python in CPython ------------------------------- */

LangClass *
modules_class_new (ReclaimInterp *interp, const char *module, const char *name, LangNativeFunc constructor,
                   const LangMethodDef *dunders, const LangMethodDef *methods)
{
  LangClass *object = lang_builtin_class (interp, "object");
  LangClass *c = lang_builtin_type_new (interp, name, object, RECLAIM_KIND_INSTANCE, NULL, methods, FALSE);
  ReclaimValue ns = lang_dict_new (interp);

  /* a user class as far as the evaluator is concerned: instances keep their
   * attributes in shared-key order (in the keys lang_builtin_type_new
   * made), and the protocol finds the dunders in the namespace */
  c->builtin = FALSE;
  c->base = NULL;
  c->ns = ns;
  reclaim_heap_track (interp->heap, ns);
  modules_add_value (interp, ns, "__module__", scalar_str (module, -1));
  modules_add_value (interp, ns, "__qualname__", scalar_str (name, -1));
  /* They stand in for the functions of a Python class: owned by it, they
   * are bound when looked up on an instance (`with` does that). */
  for (const LangMethodDef *m = dunders; m && m->name; m++)
    {
      ReclaimValue f = lang_native_new (interp, m->name, m->func, 0);
      LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (f));
      native->owner = c;
      modules_add_value (interp, ns, m->name, f);
    }
  reclaim_heap_slot_append (interp->heap, c->id, RECLAIM_ROLE_OTHER, "__dict__", ns);
  reclaim_heap_slot_append (interp->heap, c->id, RECLAIM_ROLE_OTHER, "__base__", lang_ref (interp, object->id));

  /* The evaluator runs only Python functions as __init__, so calling the
   * class goes to the constructor instead: lang_call() looks a callable up
   * among the builtin functions first. */
  if (constructor)
    {
      LangNative *native = g_new0 (LangNative, 1);
      native->name = g_strdup (name);
      native->func = constructor;
      lang_side_insert (interp, interp->natives, c->id, native);
    }
  return c;
}

void
modules_class_set_base (ReclaimInterp *interp, LangClass *cls, LangClass *base)
{
  cls->base = base;
  guint n = reclaim_heap_n_slots (interp->heap, cls->id);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (interp->heap, cls->id, i), "__base__") == 0)
      reclaim_heap_slot_set (interp->heap, cls->id, i, lang_ref (interp, base->id));
}

static LangNativeFunc
find_init (LangClass *cls)
{
  for (LangClass *c = cls; c; c = c->base)
    if (c->methods && g_hash_table_lookup (c->methods, "__init__"))
      return g_hash_table_lookup (c->methods, "__init__");
  return NULL;
}

ReclaimValue
modules_construct (ReclaimInterp *interp, const char *cls_name, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  LangClass *cls = lang_builtin_class (interp, cls_name);
  LangNativeFunc init = find_init (cls);
  /* as lang_eval_call_class does for a user class */
  ReclaimValue argtuple = nargs > 0 ? modules_args_tuple (interp, nargs, args) : 0;
  ReclaimId obj = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_INSTANCE, cls->id, NULL, 0);
  ReclaimValue r = init ? init (interp, obj, nargs, args, nkw, kwnames) : scalar_none ();

  lang_decref (interp, r);
  lang_decref (interp, argtuple);
  if (r == LANG_ERROR)
    {
      lang_decref (interp, obj);
      return LANG_ERROR;
    }
  return obj;
}

int
modules_init_instance (ReclaimInterp *interp, ReclaimValue self)
{
  LangNativeFunc init = find_init (lang_class_of (interp, self));
  ReclaimValue r = init ? init (interp, self, 0, NULL, 0, NULL) : scalar_none ();

  lang_decref (interp, r);
  return r == LANG_ERROR ? -1 : 0;
}

gboolean
modules_method_self (ReclaimInterp *interp, const char *cls_name, const char *method,
                     ReclaimValue *self, guint *nargs, const ReclaimValue **args)
{
  LangClass *cls = g_hash_table_lookup (interp->builtin_types, cls_name);

  if (*self == 0)
    {
      if (*nargs == 0)
        {
          lang_raise (interp, "TypeError", "descriptor '%s' of '%s' object needs an argument", method, cls_name);
          return FALSE;
        }
      *self = (*args)[0];
      (*args)++;
      (*nargs)--;
    }
  if (cls == NULL || !reclaim_value_is_object (*self) || !lang_is_subclass (lang_class_of (interp, *self), cls))
    {
      lang_raise (interp, "TypeError", "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                  method, cls_name, lang_type_name (interp, *self));
      return FALSE;
    }
  return TRUE;
}

ReclaimValue
modules_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimValue v = lang_getattr (interp, obj, name);

  if (v == LANG_ERROR)
    return 0;
  /* the instance holds it: hand it out borrowed */
  lang_decref (interp, v);
  return v;
}

/* ---- sys ---------------------------------------------------------------- */

/* python3 3.11 counts references to statically allocated objects (small
 * ints, one-character strs) from 999999999 upwards, and None, True and
 * False are referred to from all over the interpreter; their exact counts
 * depend on what python3 loaded at startup.  These stand-ins are of the
 * right size; other immediates are counted as a constant in the code, the
 * caller's variable and the argument would be. */
static gint64
immediate_refcount (ReclaimValue v)
{
  switch (scalar_type (v))
    {
    case SCALAR_NONE:
      return 5000;
    case SCALAR_BOOL:
      return 400;
    case SCALAR_INT:
      {
        gint64 n = scalar_get_int (v);
        return n >= -5 && n <= 256 ? 1000000000 : 3;
      }
    case SCALAR_STR:
      return scalar_str_length (v) <= 1 ? 1000000000 : 3;
    default:
      return 3;
    }
}

static ReclaimValue
sys_getrefcount (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "sys.getrefcount", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (!reclaim_value_is_object (args[0]))
    return scalar_int (immediate_refcount (args[0]));
  /* The argument is on the caller's value stack, which holds a reference
   * to it: that is the "+1" python3 reports. */
  return scalar_int (reclaim_heap_get_refcount (interp->heap, args[0]));
}

/* sys.exit([code]): raises SystemExit, which ends the script quietly. */
static ReclaimValue
sys_exit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "exit", nargs, 0, 1, nkw))
    return LANG_ERROR;
  return lang_raise_value (interp, "SystemExit", nargs ? args[0] : 0);
}

static ReclaimValue
sys_getrecursionlimit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "sys.getrecursionlimit", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_int (LANG_RECURSION_LIMIT);
}

/* The evaluator's limit is fixed: setting it to anything else is refused
 * rather than silently ignored. */
static ReclaimValue
sys_setrecursionlimit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  gint64 n;

  if (!lang_check_args (interp, "sys.setrecursionlimit", nargs, 1, 1, nkw) ||
      !modules_arg_int (interp, args[0], &n))
    return LANG_ERROR;
  if (n < 1)
    return lang_raise (interp, "ValueError", "recursion limit must be greater or equal than 1");
  if (n != LANG_RECURSION_LIMIT)
    return lang_stop_not_supported (interp, "sys.setrecursionlimit(%" G_GINT64_FORMAT ") (the limit is fixed at %d)",
                                    n, LANG_RECURSION_LIMIT);
  return scalar_none ();
}

/* sys.exc_info(): (type, value, traceback) of the exception being
 * handled, or three Nones. */
static ReclaimValue
sys_exc_info (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "sys.exc_info", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue exc = eval_handled_exception (interp);
  ReclaimValue items[3] = { scalar_none (), scalar_none (), scalar_none () };
  if (exc && scalar_type (exc) != SCALAR_NONE)
    {
      ReclaimValue tb = lang_eval_getattr (interp, exc, "__traceback__", TRUE);
      items[0] = lang_ref (interp, lang_class_of (interp, exc)->id);
      items[1] = lang_ref (interp, exc);
      items[2] = tb == LANG_ERROR ? scalar_none () : tb;
    }
  return lang_tuple_new (interp, 3, items);
}

/* sys.exception(): the exception being handled, or None (the python3
 * 3.11.7 Reclaim follows has it, as 3.12 does). */
static ReclaimValue
sys_exception (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "sys.exception", nargs, 0, 0, nkw))
    return LANG_ERROR;
  ReclaimValue exc = eval_handled_exception (interp);
  return exc ? lang_ref (interp, exc) : scalar_none ();
}

static void
sys_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "sys");
  ReclaimValue version[] = {
    scalar_int (3), scalar_int (11), scalar_int (7), scalar_str ("final", -1), scalar_int (0),
  };

  modules_add_function (interp, ns, "getrefcount", sys_getrefcount);
  modules_add_function (interp, ns, "getsizeof", modules_sys_getsizeof);
  modules_add_function (interp, ns, "getrecursionlimit", sys_getrecursionlimit);
  modules_add_function (interp, ns, "exit", sys_exit);
  modules_add_function (interp, ns, "exc_info", sys_exc_info);
  modules_add_function (interp, ns, "exception", sys_exception);
  modules_add_function (interp, ns, "setrecursionlimit", sys_setrecursionlimit);
  modules_add_value (interp, ns, "version_info", lang_tuple_new (interp, G_N_ELEMENTS (version), version));
  modules_add_value (interp, ns, "hexversion", scalar_int (0x030b07f0));
  modules_add_value (interp, ns, "maxsize", scalar_int (G_MAXINT64));
  modules_add_value (interp, ns, "byteorder", scalar_str (G_BYTE_ORDER == G_LITTLE_ENDIAN ? "little" : "big", -1));
  modules_new_module (interp, "sys", ns);
  lang_decref (interp, ns);
}

/* ---- all of them -------------------------------------------------------- */

typedef struct {
  const char *name;
  void (*init) (ReclaimInterp *interp);
} ModuleDef;

/* Every module a script may import.  Adding one is adding its file
 * (reclaim-mod-NAME.c, with an init that ends in modules_new_module()) and
 * a line here; the subset check refuses any other import. */
static const ModuleDef module_table[] = {
  { "sys", sys_init },
  { "gc", modules_gc_init },
  { "weakref", modules_weakref_init },
  { "operator", modules_operator_init },
  { "functools", modules_functools_init },
  { "itertools", modules_itertools_init },
  { "contextlib", modules_contextlib_init },
  { "collections", modules_collections_init },
  { "typing", modules_typing_init },
  { "dataclasses", modules_dataclasses_init },
  { "pprint", modules_pprint_init },
};

gboolean
lang_module_known (const char *name)
{
  if (strcmp (name, "builtins") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (module_table); i++)
    if (strcmp (module_table[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* python3 has loaded these before the first line of a script runs: they
 * are made, and aged by the first collection, before it starts here too,
 * so that importing one allocates nothing. */
void
lang_modules_init (ReclaimInterp *interp)
{
  modules_new_module (interp, "builtins", interp->builtins);
  for (guint i = 0; i < G_N_ELEMENTS (module_table); i++)
    module_table[i].init (interp);
}

gboolean
lang_module_has_attribute (ReclaimInterp *interp, const char *module, const char *attr)
{
  ReclaimId id = GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, module));
  ReclaimValue ns = id ? reclaim_heap_slot_get (interp->heap, id, 0) : 0;

  return ns != 0 && lang_dict_get (interp, ns, scalar_str (attr, -1)) != 0;
}

gboolean
modules_append_argument_reprs (ReclaimInterp *interp, GString *out, ReclaimValue items, ReclaimValue kwargs,
                               gboolean after_first)
{
  ReclaimValue key, value;

  for (guint i = 0; i < lang_seq_length (interp, items); i++)
    {
      g_autofree char *r = lang_repr (interp, lang_seq_item (interp, items, i));
      if (r == NULL)
        return FALSE;
      g_string_append_printf (out, "%s%s", i > 0 || after_first ? ", " : "", r);
    }
  for (guint pos = 0; kwargs && lang_dict_next_entry (interp, kwargs, &pos, &key, &value);)
    {
      g_autofree char *r = lang_repr (interp, value);
      if (r == NULL)
        return FALSE;
      g_string_append_printf (out, ", %s=%s", scalar_get_str (key, NULL), r);
    }
  return TRUE;
}
