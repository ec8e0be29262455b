/* reclaim-mod-functools-ordering.c: functools.total_ordering and
 * cmp_to_key.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * total_ordering follows Lib/functools.py: the class's own ordering
 * methods (those it does not get from object) are its roots; the
 * greatest name among them (__lt__ before __le__ before __gt__ before
 * __ge__) gives the other three, each of which calls type(self).ROOT
 * and passes NotImplemented through.  They are builtin functions here
 * that bind as methods, made once as module globals (functools._gt_from_lt
 * ...) and shared by every class they are added to, as in CPython.
 *
 * cmp_to_key(mycmp) is a KeyWrapper, as in Modules/_functoolsmodule.c:
 * calling it wraps an object in a new KeyWrapper whose comparisons
 * compare mycmp(self.obj, other.obj) with 0.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

/* ---- total_ordering ------------------------------------------------------- */

/* How a derived method turns the root's answer r into its own:
 * `not r and self != other`, `r or self == other`, `not r` ... */
typedef enum {
  COMBINE_NONE,      /* the (negated) answer itself */
  COMBINE_AND_NE,    /* ... and self != other */
  COMBINE_OR_EQ,     /* ... or self == other */
} Combine;

typedef struct {
  const char *root;
  gboolean    negate;
  Combine     combine;
} Derivation;

static ReclaimValue
not_implemented (ReclaimInterp *interp)
{
  return lang_dict_get (interp, interp->builtins, scalar_str ("NotImplemented", -1));
}

/* op_result = type(self).ROOT(self, other); NotImplemented goes back as
 * it is; then Python's `and` / `or`, which give one of their operands. */
static ReclaimValue
derive (ReclaimInterp *interp, const Derivation *d, const char *name, guint nargs, const ReclaimValue *args,
        guint nkw, const char *const *kwnames)
{
  if (nargs > 2)
    return lang_raise (interp, "TypeError", "%s() takes 2 positional arguments but %u were given", name, nargs);
  /* (self, other), by position or by name */
  ReclaimValue pair[2] = { nargs > 0 ? args[0] : 0, nargs > 1 ? args[1] : 0 };
  for (guint k = 0; k < nkw; k++)
    {
      int i = strcmp (kwnames[k], "self") == 0 ? 0 : strcmp (kwnames[k], "other") == 0 ? 1 : -1;
      if (i < 0 || pair[i])
        return lang_raise (interp, "TypeError", i < 0 ? "%s() got an unexpected keyword argument '%s'"
                                                      : "%s() got multiple values for argument '%s'",
                           name, kwnames[k]);
      pair[i] = args[nargs + k];
    }
  if (pair[0] == 0 || pair[1] == 0)
    return lang_raise (interp, "TypeError", "%s() missing %s", name,
                       pair[0] == 0 && pair[1] == 0 ? "2 required positional arguments: 'self' and 'other'"
                       : pair[0] == 0 ? "1 required positional argument: 'self'"
                                      : "1 required positional argument: 'other'");
  args = pair;
  ReclaimValue root = lang_getattr (interp, lang_class_of (interp, args[0])->id, d->root);
  if (root == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = lang_call (interp, root, 2, args, 0, NULL);
  lang_decref (interp, root);
  if (r == LANG_ERROR || r == not_implemented (interp))
    return r;
  if (d->negate)
    {
      int t = lang_truth (interp, r);
      lang_decref (interp, r);
      if (t < 0)
        return LANG_ERROR;
      r = scalar_bool (!t);
    }
  if (d->combine == COMBINE_NONE)
    return r;
  int t = lang_truth (interp, r);
  if (t < 0)
    {
      lang_decref (interp, r);
      return LANG_ERROR;
    }
  /* `r and ...` gives r when it is false, `r or ...` when it is true */
  if (t == (d->combine == COMBINE_OR_EQ))
    return r;
  lang_decref (interp, r);
  return eval_compare_values (interp, d->combine == COMBINE_OR_EQ ? RECLAIM_CMP_EQ : RECLAIM_CMP_NOT_EQ, args[0], args[1]);
}

#define DERIVED(fname, root, negate, combine)                                                       \
  static ReclaimValue                                                                             \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,         \
         guint nkw, const char *const *kwnames)                                                   \
  {                                                                                               \
    static const Derivation d = { root, negate, combine };                                        \
    return derive (interp, &d, #fname, nargs, args, nkw, kwnames);                                \
  }

DERIVED (_gt_from_lt, "__lt__", TRUE, COMBINE_AND_NE)
DERIVED (_le_from_lt, "__lt__", FALSE, COMBINE_OR_EQ)
DERIVED (_ge_from_lt, "__lt__", TRUE, COMBINE_NONE)
DERIVED (_ge_from_le, "__le__", TRUE, COMBINE_OR_EQ)
DERIVED (_lt_from_le, "__le__", FALSE, COMBINE_AND_NE)
DERIVED (_gt_from_le, "__le__", TRUE, COMBINE_NONE)
DERIVED (_lt_from_gt, "__gt__", TRUE, COMBINE_AND_NE)
DERIVED (_ge_from_gt, "__gt__", FALSE, COMBINE_OR_EQ)
DERIVED (_le_from_gt, "__gt__", TRUE, COMBINE_NONE)
DERIVED (_le_from_ge, "__ge__", TRUE, COMBINE_OR_EQ)
DERIVED (_gt_from_ge, "__ge__", FALSE, COMBINE_AND_NE)
DERIVED (_lt_from_ge, "__ge__", TRUE, COMBINE_NONE)

/* A method total_ordering may add: its name, and the name of the
 * function in Lib/functools.py (its __qualname__) */
typedef struct {
  const char     *name;
  const char     *qualname;
  LangNativeFunc  func;
} Derived;

typedef struct {
  const char *root;
  Derived     derived[3];
} Conversion;

#define D(name, fname) { name, #fname, fname }

/* Lib/functools.py's _convert, in the order max(roots) prefers */
static const Conversion conversions[] = {
  { "__lt__", { D ("__gt__", _gt_from_lt), D ("__le__", _le_from_lt), D ("__ge__", _ge_from_lt) } },
  { "__le__", { D ("__ge__", _ge_from_le), D ("__lt__", _lt_from_le), D ("__gt__", _gt_from_le) } },
  { "__gt__", { D ("__lt__", _lt_from_gt), D ("__ge__", _ge_from_gt), D ("__le__", _le_from_gt) } },
  { "__ge__", { D ("__le__", _le_from_ge), D ("__gt__", _gt_from_ge), D ("__lt__", _lt_from_ge) } },
};

/* getattr(cls, op, None) is not getattr(object, op, None): 1, 0, or -1
 * with an exception. */
static int
is_root (ReclaimInterp *interp, ReclaimValue cls, const char *op)
{
  ReclaimValue mine = lang_lookup_attr (interp, cls, op);
  if (mine == 0 && lang_error_occurred (interp))
    return -1;
  ReclaimValue objects = lang_lookup_attr (interp, lang_builtin_class (interp, "object")->id, op);
  if (objects == 0 && lang_error_occurred (interp))
    {
      lang_decref (interp, mine);
      return -1;
    }
  int root = mine != 0 && mine != objects;
  lang_decref (interp, mine);
  lang_decref (interp, objects);
  return root;
}

static ReclaimValue
functools_total_ordering (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  if (nargs + nkw != 1 || (nkw == 1 && strcmp (kwnames[0], "cls") != 0))
    return lang_raise (interp, "TypeError", nargs + nkw == 0
                       ? "total_ordering() missing 1 required positional argument: 'cls'"
                       : "total_ordering() takes 1 positional argument but %u were given", nargs + nkw);
  gboolean roots[G_N_ELEMENTS (conversions)];
  const Conversion *chosen = NULL;
  for (guint i = G_N_ELEMENTS (conversions); i-- > 0;)
    {
      int r = is_root (interp, args[0], conversions[i].root);
      if (r < 0)
        return LANG_ERROR;
      roots[i] = r;
      if (r)
        chosen = &conversions[i];
    }
  if (chosen == NULL)
    return lang_raise (interp, "ValueError", "must define at least one ordering operation: < > <= >=");
  for (guint k = 0; k < 3; k++)
    {
      const Derived *m = &chosen->derived[k];
      gboolean defined = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
        defined |= roots[i] && strcmp (conversions[i].root, m->name) == 0;
      if (defined)
        continue;
      /* self is the functools namespace, holding the shared functions */
      ReclaimValue func = lang_dict_get (interp, self, scalar_str (m->qualname, -1));
      if (func == 0)
        return lang_raise (interp, "AttributeError", "module 'functools' has no attribute '%s'", m->qualname);
      if (lang_setattr (interp, args[0], m->name, func) < 0)
        return LANG_ERROR;
    }
  return lang_ref (interp, args[0]);
}

/* ---- cmp_to_key ------------------------------------------------------------ */

#define KEY_WRAPPER "KeyWrapper"

/* KeyWrapper(cmp, obj): obj is absent in the one cmp_to_key gives back */
static ReclaimValue
key_wrapper_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, KEY_WRAPPER, "__init__", &self, &nargs, &args) ||
      !lang_check_args (interp, KEY_WRAPPER, nargs, 1, 2, nkw))
    return LANG_ERROR;
  lang_setattr (interp, self, "cmp", args[0]);
  if (nargs == 2)
    lang_setattr (interp, self, "obj", args[1]);
  return scalar_none ();
}

MODULES_CONSTRUCTOR (key_wrapper_construct, KEY_WRAPPER)

/* K(obj): a new KeyWrapper around obj sharing this one's cmp */
static ReclaimValue
key_wrapper_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, KEY_WRAPPER, "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue obj = lang_arg (nargs, args, nkw, kwnames, 0, "obj");
  if (obj == 0 || nargs + nkw != 1)
    return lang_raise (interp, "TypeError", "K() %s", obj == 0 ? "missing required argument 'obj' (pos 1)"
                                                                  : "takes at most 1 argument");
  ReclaimValue cmp = modules_attr (interp, self, "cmp");
  if (cmp == 0)
    return LANG_ERROR;
  ReclaimValue parts[] = { cmp, obj };
  return modules_construct (interp, KEY_WRAPPER, 2, parts, 0, NULL);
}

/* cmp(self.obj, other.obj) OP 0 */
static ReclaimValue
key_wrapper_compare (ReclaimInterp *interp, ReclaimCmpOp op, const char *name, ReclaimValue self, guint nargs,
                     const ReclaimValue *args)
{
  if (!modules_method_self (interp, KEY_WRAPPER, name, &self, &nargs, &args) ||
      !lang_check_args (interp, name, nargs, 1, 1, 0))
    return LANG_ERROR;
  LangClass *cls = lang_builtin_class (interp, KEY_WRAPPER);
  if (!reclaim_value_is_object (args[0]) || !lang_is_subclass (lang_class_of (interp, args[0]), cls))
    return lang_raise (interp, "TypeError", "other argument must be K instance");
  ReclaimValue cmp = modules_attr (interp, self, "cmp");
  ReclaimValue mine = cmp ? modules_attr (interp, self, "obj") : 0;
  ReclaimValue theirs = mine ? modules_attr (interp, args[0], "obj") : 0;
  if (theirs == 0)
    return LANG_ERROR;
  ReclaimValue pair[] = { mine, theirs };
  ReclaimValue r = lang_call (interp, cmp, 2, pair, 0, NULL);
  if (r == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue answer = eval_compare_values (interp, op, r, scalar_int (0));
  lang_decref (interp, r);
  return answer;
}

#define KEY_COMPARE(fname, op, name)                                                               \
  static ReclaimValue                                                                             \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,         \
         guint nkw, const char *const *kwnames)                                                   \
  {                                                                                               \
    return key_wrapper_compare (interp, op, name, self, nargs, args);                             \
  }

KEY_COMPARE (key_wrapper_lt, RECLAIM_CMP_LT, "__lt__")
KEY_COMPARE (key_wrapper_le, RECLAIM_CMP_LT_E, "__le__")
KEY_COMPARE (key_wrapper_gt, RECLAIM_CMP_GT, "__gt__")
KEY_COMPARE (key_wrapper_ge, RECLAIM_CMP_GT_E, "__ge__")
KEY_COMPARE (key_wrapper_eq, RECLAIM_CMP_EQ, "__eq__")
KEY_COMPARE (key_wrapper_ne, RECLAIM_CMP_NOT_EQ, "__ne__")

static const LangMethodDef key_wrapper_dunders[] = {
  { "__call__", key_wrapper_call },
  { "__lt__", key_wrapper_lt }, { "__le__", key_wrapper_le }, { "__gt__", key_wrapper_gt },
  { "__ge__", key_wrapper_ge }, { "__eq__", key_wrapper_eq }, { "__ne__", key_wrapper_ne },
  { NULL, NULL }
};
static const LangMethodDef key_wrapper_methods[] = { { "__init__", key_wrapper_init }, { NULL, NULL } };

static ReclaimValue
functools_cmp_to_key (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                      guint nkw, const char *const *kwnames)
{
  ReclaimValue mycmp = lang_arg (nargs, args, nkw, kwnames, 0, "mycmp");
  if (mycmp == 0 || nargs + nkw != 1)
    return lang_raise (interp, "TypeError", "cmp_to_key() %s", mycmp == 0 ? "missing required argument 'mycmp' (pos 1)"
                                                                          : "takes at most 1 argument");
  return modules_construct (interp, KEY_WRAPPER, 1, &mycmp, 0, NULL);
}

void
modules_functools_add_ordering (ReclaimInterp *interp, ReclaimValue ns)
{
  modules_class_new (interp, "functools", KEY_WRAPPER, key_wrapper_construct, key_wrapper_dunders,
                     key_wrapper_methods);
  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    for (guint k = 0; k < 3; k++)
      {
        const Derived *m = &conversions[i].derived[k];
        /* opfunc.__name__ = opname: the last class's op names it; each
         * function only ever gets the one name */
        modules_add_value (interp, ns, m->qualname, lang_native_function_new (interp, m->name, m->qualname, m->func));
      }
  modules_add_value (interp, ns, "total_ordering", lang_native_new (interp, "total_ordering", functools_total_ordering, ns));
  modules_add_function (interp, ns, "cmp_to_key", functools_cmp_to_key);
}
