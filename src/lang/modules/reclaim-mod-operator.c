/* reclaim-mod-operator.c: the operator module.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The functions are the operators as functions: each one does what the
 * evaluator does for the operator, dunders of user classes included.
 * itemgetter, attrgetter and methodcaller are classes whose instances hold
 * what they were made with (_items, _attrs; _name, _args, _kwargs), so that
 * they keep it alive as CPython's C objects do.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

/* CPython's argument clinic messages: "_operator.neg() takes exactly one
 * argument (0 given)" for one argument, "add expected 2 arguments, got 1"
 * for more. */
static gboolean
operator_args (ReclaimInterp *interp, const char *name, guint nargs, guint n, guint nkw)
{
  g_autofree char *qualified = g_strdup_printf ("_operator.%s", name);

  if (nkw > 0)
    return lang_check_args (interp, qualified, nargs, n, n, nkw);
  return lang_check_args (interp, n == 1 ? qualified : name, nargs, n, n, 0);
}

/* ---- the operators as functions ----------------------------------------- */

#define OPERATOR_BINARY(fname, pyname, op, inplace)                                              \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!operator_args (interp, pyname, nargs, 2, nkw))                                          \
      return LANG_ERROR;                                                                         \
    return eval_binary (interp, op, args[0], args[1], inplace);                                  \
  }

OPERATOR_BINARY (operator_add, "add", RECLAIM_BIN_ADD, FALSE)
OPERATOR_BINARY (operator_sub, "sub", RECLAIM_BIN_SUB, FALSE)
OPERATOR_BINARY (operator_mul, "mul", RECLAIM_BIN_MULT, FALSE)
OPERATOR_BINARY (operator_truediv, "truediv", RECLAIM_BIN_DIV, FALSE)
OPERATOR_BINARY (operator_floordiv, "floordiv", RECLAIM_BIN_FLOORDIV, FALSE)
OPERATOR_BINARY (operator_mod, "mod", RECLAIM_BIN_MOD, FALSE)
OPERATOR_BINARY (operator_pow, "pow", RECLAIM_BIN_POW, FALSE)
OPERATOR_BINARY (operator_lshift, "lshift", RECLAIM_BIN_LSHIFT, FALSE)
OPERATOR_BINARY (operator_rshift, "rshift", RECLAIM_BIN_RSHIFT, FALSE)
OPERATOR_BINARY (operator_and, "and_", RECLAIM_BIN_BITAND, FALSE)
OPERATOR_BINARY (operator_or, "or_", RECLAIM_BIN_BITOR, FALSE)
OPERATOR_BINARY (operator_xor, "xor", RECLAIM_BIN_BITXOR, FALSE)
OPERATOR_BINARY (operator_iadd, "iadd", RECLAIM_BIN_ADD, TRUE)
OPERATOR_BINARY (operator_isub, "isub", RECLAIM_BIN_SUB, TRUE)
OPERATOR_BINARY (operator_imul, "imul", RECLAIM_BIN_MULT, TRUE)
OPERATOR_BINARY (operator_itruediv, "itruediv", RECLAIM_BIN_DIV, TRUE)
OPERATOR_BINARY (operator_ifloordiv, "ifloordiv", RECLAIM_BIN_FLOORDIV, TRUE)
OPERATOR_BINARY (operator_imod, "imod", RECLAIM_BIN_MOD, TRUE)

#define OPERATOR_COMPARE(fname, pyname, op)                                                      \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!operator_args (interp, pyname, nargs, 2, nkw))                                          \
      return LANG_ERROR;                                                                         \
    return eval_compare_values (interp, op, args[0], args[1]);                                   \
  }

OPERATOR_COMPARE (operator_eq, "eq", RECLAIM_CMP_EQ)
OPERATOR_COMPARE (operator_ne, "ne", RECLAIM_CMP_NOT_EQ)
OPERATOR_COMPARE (operator_lt, "lt", RECLAIM_CMP_LT)
OPERATOR_COMPARE (operator_le, "le", RECLAIM_CMP_LT_E)
OPERATOR_COMPARE (operator_gt, "gt", RECLAIM_CMP_GT)
OPERATOR_COMPARE (operator_ge, "ge", RECLAIM_CMP_GT_E)
OPERATOR_COMPARE (operator_is, "is_", RECLAIM_CMP_IS)
OPERATOR_COMPARE (operator_is_not, "is_not", RECLAIM_CMP_IS_NOT)

#define OPERATOR_UNARY(fname, pyname, op)                                                        \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    if (!operator_args (interp, pyname, nargs, 1, nkw))                                          \
      return LANG_ERROR;                                                                         \
    return eval_unary_value (interp, op, args[0]);                                               \
  }

OPERATOR_UNARY (operator_not, "not_", RECLAIM_UNARY_NOT)
OPERATOR_UNARY (operator_neg, "neg", RECLAIM_UNARY_USUB)
OPERATOR_UNARY (operator_pos, "pos", RECLAIM_UNARY_UADD)
OPERATOR_UNARY (operator_invert, "invert", RECLAIM_UNARY_INVERT)

static ReclaimValue
operator_truth (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "truth", nargs, 1, nkw))
    return LANG_ERROR;
  int t = lang_truth (interp, args[0]);
  return t < 0 ? LANG_ERROR : scalar_bool (t);
}

/* contains(a, b) is `b in a` */
static ReclaimValue
operator_contains (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "contains", nargs, 2, nkw))
    return LANG_ERROR;
  int r = lang_contains (interp, args[0], args[1]);
  return r < 0 ? LANG_ERROR : scalar_bool (r);
}

static ReclaimValue
operator_getitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "getitem", nargs, 2, nkw))
    return LANG_ERROR;
  return lang_subscript (interp, args[0], args[1]);
}

static ReclaimValue
operator_setitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "setitem", nargs, 3, nkw))
    return LANG_ERROR;
  return lang_store_subscript (interp, args[0], args[1], args[2]) < 0 ? LANG_ERROR : scalar_none ();
}

static ReclaimValue
operator_delitem (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "delitem", nargs, 2, nkw))
    return LANG_ERROR;
  return lang_delete_subscript (interp, args[0], args[1]) < 0 ? LANG_ERROR : scalar_none ();
}

/* countOf and indexOf walk the iterable comparing with `is` first, then ==. */
static ReclaimValue
count_or_index (ReclaimInterp *interp, const char *name, guint nargs, const ReclaimValue *args, guint nkw,
                gboolean want_index)
{
  if (!operator_args (interp, name, nargs, 2, nkw))
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, args[0]);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  gint64 count = 0, index = 0;
  ReclaimValue item;
  int r;
  while ((r = lang_next (interp, it, &item)) == 1)
    {
      int eq = item == args[1] ? 1 : lang_equal (interp, item, args[1]);
      lang_decref (interp, item);
      if (eq < 0)
        {
          r = -1;
          break;
        }
      if (eq && want_index)
        break;
      count += eq;
      index++;
    }
  lang_decref (interp, it);
  if (r < 0)
    return LANG_ERROR;
  if (!want_index)
    return scalar_int (count);
  if (r == 0)
    return lang_raise (interp, "ValueError", "sequence.index(x): x not in sequence");
  return scalar_int (index);
}

static ReclaimValue
operator_countof (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return count_or_index (interp, "countOf", nargs, args, nkw, FALSE);
}

static ReclaimValue
operator_indexof (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return count_or_index (interp, "indexOf", nargs, args, nkw, TRUE);
}

static ReclaimValue
operator_abs (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "abs", nargs, 1, nkw))
    return LANG_ERROR;
  ReclaimValue builtin = lang_dict_get (interp, interp->builtins, scalar_str ("abs", -1));
  return lang_call (interp, builtin, 1, args, 0, NULL);
}

static ReclaimValue
operator_index (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  gint64 n;

  if (!operator_args (interp, "index", nargs, 1, nkw) || !modules_arg_int (interp, args[0], &n))
    return LANG_ERROR;
  return scalar_int (n);
}

/* concat is + for sequences only */
static ReclaimValue
operator_concat (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!operator_args (interp, "concat", nargs, 2, nkw))
    return LANG_ERROR;
  if (!reclaim_value_is_object (args[0]) && scalar_type (args[0]) != SCALAR_STR)
    return lang_raise (interp, "TypeError", "'%s' object can't be concatenated", lang_type_name (interp, args[0]));
  return eval_binary (interp, RECLAIM_BIN_ADD, args[0], args[1], FALSE);
}

/* ---- itemgetter, attrgetter, methodcaller ------------------------------- */

/* "operator.NAME(" the reprs of the items ", k=v" ")" */
static ReclaimValue
getter_repr (ReclaimInterp *interp, const char *name, ReclaimValue items, ReclaimValue kwargs)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_string_append_printf (out, "operator.%s(", name);
  if (!modules_append_argument_reprs (interp, out, items, kwargs, FALSE))
    return LANG_ERROR;
  g_string_append_c (out, ')');
  return scalar_str (out->str, out->len);
}

/* get (obj, key) for the one key, else a tuple of what each key gives,
 * as itemgetter and attrgetter answer. */
static ReclaimValue
get_each (ReclaimInterp *interp, ReclaimValue obj, ReclaimValue keys,
          ReclaimValue (*get) (ReclaimInterp *interp, ReclaimValue obj, ReclaimValue key))
{
  guint n = lang_seq_length (interp, keys);
  if (n == 1)
    return get (interp, obj, lang_seq_item (interp, keys, 0));
  g_autofree ReclaimValue *got = g_new0 (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    {
      got[i] = get (interp, obj, lang_seq_item (interp, keys, i));
      if (got[i] == LANG_ERROR)
        {
          for (guint j = 0; j < i; j++)
            lang_decref (interp, got[j]);
          return LANG_ERROR;
        }
    }
  return lang_tuple_new (interp, n, got);
}

/* The __call__ of itemgetter and attrgetter: get each of the keys the
 * getter keeps in its attribute `keys` from the one argument. */
static ReclaimValue
getter_call (ReclaimInterp *interp, const char *type, const char *keys, ReclaimValue self, guint nargs,
             const ReclaimValue *args, guint nkw,
             ReclaimValue (*get) (ReclaimInterp *interp, ReclaimValue obj, ReclaimValue key))
{
  if (!modules_method_self (interp, type, "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  if (!lang_check_args (interp, type, nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue kept = modules_attr (interp, self, keys);
  if (kept == 0)
    return LANG_ERROR;
  return get_each (interp, args[0], kept, get);
}

/* obj[item] for one item, else a tuple of them. */
static ReclaimValue
itemgetter_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return getter_call (interp, "itemgetter", "_items", self, nargs, args, nkw, lang_subscript);
}

static ReclaimValue
itemgetter_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "itemgetter", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "itemgetter() takes no keyword arguments");
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "itemgetter expected 1 argument, got 0");
  modules_weak_set_attr (interp, self, "_items", modules_args_tuple (interp, nargs, args));
  return scalar_none ();
}

static ReclaimValue
itemgetter_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "itemgetter", "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue items = modules_attr (interp, self, "_items");
  return items ? getter_repr (interp, "itemgetter", items, 0) : LANG_ERROR;
}

/* getattr(obj, "a.b.c") one name at a time */
static ReclaimValue
get_dotted (ReclaimInterp *interp, ReclaimValue obj, const char *dotted)
{
  g_auto (GStrv) parts = g_strsplit (dotted, ".", -1);
  ReclaimValue v = lang_ref (interp, obj);

  for (guint i = 0; parts[i] && v != LANG_ERROR; i++)
    {
      ReclaimValue next = lang_getattr (interp, v, parts[i]);
      lang_decref (interp, v);
      v = next;
    }
  return v;
}

static ReclaimValue
get_dotted_name (ReclaimInterp *interp, ReclaimValue obj, ReclaimValue dotted)
{
  return get_dotted (interp, obj, scalar_get_str (dotted, NULL));
}

static ReclaimValue
attrgetter_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return getter_call (interp, "attrgetter", "_attrs", self, nargs, args, nkw, get_dotted_name);
}

static ReclaimValue
attrgetter_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "attrgetter", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "attrgetter() takes no keyword arguments");
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "attrgetter expected 1 argument, got 0");
  for (guint i = 0; i < nargs; i++)
    if (scalar_type (args[i]) != SCALAR_STR)
      return lang_raise (interp, "TypeError", "attribute name must be a string");
  modules_weak_set_attr (interp, self, "_attrs", modules_args_tuple (interp, nargs, args));
  return scalar_none ();
}

static ReclaimValue
attrgetter_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "attrgetter", "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue attrs = modules_attr (interp, self, "_attrs");
  return attrs ? getter_repr (interp, "attrgetter", attrs, 0) : LANG_ERROR;
}

static ReclaimValue
methodcaller_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "methodcaller", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs == 0)
    return lang_raise (interp, "TypeError", "methodcaller needs at least one argument, the method name");
  if (scalar_type (args[0]) != SCALAR_STR)
    return lang_raise (interp, "TypeError", "method name must be a string");
  ReclaimValue kwargs = lang_dict_new (interp);
  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, kwargs, scalar_str (kwnames[k], -1), args[nargs + k]);
  lang_setattr (interp, self, "_name", args[0]);
  modules_weak_set_attr (interp, self, "_args", modules_args_tuple (interp, nargs - 1, args + 1));
  modules_weak_set_attr (interp, self, "_kwargs", kwargs);
  return scalar_none ();
}

static ReclaimValue
methodcaller_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "methodcaller", "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  if (!lang_check_args (interp, "methodcaller", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue name = modules_attr (interp, self, "_name");
  ReclaimValue extra = name ? modules_attr (interp, self, "_args") : 0;
  ReclaimValue kwargs = extra ? modules_attr (interp, self, "_kwargs") : 0;
  if (kwargs == 0)
    return LANG_ERROR;
  ReclaimValue method = lang_getattr (interp, args[0], scalar_get_str (name, NULL));
  if (method == LANG_ERROR)
    return LANG_ERROR;
  guint npos = lang_seq_length (interp, extra), nk = lang_dict_length (interp, kwargs);
  g_autofree ReclaimValue *all = g_new (ReclaimValue, npos + nk + 1);
  g_autofree const char **names = g_new (const char *, nk + 1);
  ReclaimValue key, value;
  guint k = 0;
  for (guint i = 0; i < npos; i++)
    all[i] = lang_seq_item (interp, extra, i);
  for (guint pos = 0; lang_dict_next_entry (interp, kwargs, &pos, &key, &value); k++)
    {
      names[k] = scalar_get_str (key, NULL);
      all[npos + k] = value;
    }
  ReclaimValue r = lang_call (interp, method, npos, all, k, names);
  lang_decref (interp, method);
  return r;
}

static ReclaimValue
methodcaller_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "methodcaller", "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue name = modules_attr (interp, self, "_name");
  ReclaimValue extra = name ? modules_attr (interp, self, "_args") : 0;
  ReclaimValue kwargs = extra ? modules_attr (interp, self, "_kwargs") : 0;
  if (kwargs == 0)
    return LANG_ERROR;
  ReclaimValue first[] = { lang_ref (interp, name) };
  ReclaimValue all = lang_tuple_new (interp, 1, first);
  ReclaimValue joined = eval_binary (interp, RECLAIM_BIN_ADD, all, extra, FALSE);
  lang_decref (interp, all);
  if (joined == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue text = getter_repr (interp, "methodcaller", joined, kwargs);
  lang_decref (interp, joined);
  return text;
}

MODULES_CONSTRUCTOR (itemgetter_construct, "itemgetter")
MODULES_CONSTRUCTOR (attrgetter_construct, "attrgetter")
MODULES_CONSTRUCTOR (methodcaller_construct, "methodcaller")

static const LangMethodDef itemgetter_dunders[] = {
  { "__call__", itemgetter_call }, { "__repr__", itemgetter_repr }, { NULL, NULL }
};
static const LangMethodDef itemgetter_methods[] = { { "__init__", itemgetter_init }, { NULL, NULL } };
static const LangMethodDef attrgetter_dunders[] = {
  { "__call__", attrgetter_call }, { "__repr__", attrgetter_repr }, { NULL, NULL }
};
static const LangMethodDef attrgetter_methods[] = { { "__init__", attrgetter_init }, { NULL, NULL } };
static const LangMethodDef methodcaller_dunders[] = {
  { "__call__", methodcaller_call }, { "__repr__", methodcaller_repr }, { NULL, NULL }
};
static const LangMethodDef methodcaller_methods[] = { { "__init__", methodcaller_init }, { NULL, NULL } };

static const LangMethodDef operator_functions[] = {
  { "add", operator_add }, { "sub", operator_sub }, { "mul", operator_mul },
  { "truediv", operator_truediv }, { "floordiv", operator_floordiv }, { "mod", operator_mod },
  { "pow", operator_pow }, { "lshift", operator_lshift }, { "rshift", operator_rshift },
  { "and_", operator_and }, { "or_", operator_or }, { "xor", operator_xor },
  { "iadd", operator_iadd }, { "isub", operator_isub }, { "imul", operator_imul },
  { "itruediv", operator_itruediv }, { "ifloordiv", operator_ifloordiv }, { "imod", operator_imod },
  { "eq", operator_eq }, { "ne", operator_ne }, { "lt", operator_lt }, { "le", operator_le },
  { "gt", operator_gt }, { "ge", operator_ge }, { "is_", operator_is }, { "is_not", operator_is_not },
  { "not_", operator_not }, { "neg", operator_neg }, { "pos", operator_pos },
  { "invert", operator_invert }, { "inv", operator_invert }, { "truth", operator_truth },
  { "contains", operator_contains }, { "getitem", operator_getitem }, { "setitem", operator_setitem },
  { "delitem", operator_delitem }, { "countOf", operator_countof }, { "indexOf", operator_indexof },
  { "abs", operator_abs }, { "index", operator_index }, { "concat", operator_concat },
  { NULL, NULL }
};

void
modules_operator_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "operator");
  LangClass *item = modules_class_new (interp, "operator", "itemgetter", itemgetter_construct,
                                       itemgetter_dunders, itemgetter_methods);
  LangClass *attr = modules_class_new (interp, "operator", "attrgetter", attrgetter_construct,
                                       attrgetter_dunders, attrgetter_methods);
  LangClass *caller = modules_class_new (interp, "operator", "methodcaller", methodcaller_construct,
                                         methodcaller_dunders, methodcaller_methods);

  for (const LangMethodDef *f = operator_functions; f->name; f++)
    modules_add_function (interp, ns, f->name, f->func);
  lang_dict_set (interp, ns, scalar_str ("itemgetter", -1), item->id);
  lang_dict_set (interp, ns, scalar_str ("attrgetter", -1), attr->id);
  lang_dict_set (interp, ns, scalar_str ("methodcaller", -1), caller->id);
  modules_new_module (interp, "operator", ns);
  lang_decref (interp, ns);
}
