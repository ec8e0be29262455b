/* reclaim-mod-weakref.c: the weakref module: ref, proxy, getweakrefcount,
 * getweakrefs, KeyedRef and finalize.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weak references themselves are the engine's (reclaim_heap_weakref_new
 * reuses a callback-less ref or proxy as CPython does, and the engine runs
 * the callbacks when the referent dies).
 *
 * finalize follows Lib/weakref.py: a class-level registry dict maps each
 * live finalizer to an _Info instance holding the weakref (whose callback
 * is the finalizer itself), func, args and kwargs.  The registry keeps
 * pending finalizers alive; calling one pops it.  Its `alive` and `atexit`
 * properties are kept as plain attributes of the instance (the subset has
 * no properties), updated whenever the state changes.
 */
#include "reclaim-modules-private.h"

#include <string.h>

/* ---- weak references ---------------------------------------------------- */

static gboolean
is_instance_of (ReclaimInterp *interp, ReclaimValue v, const char *cls_name)
{
  LangClass *cls = g_hash_table_lookup (interp->builtin_types, cls_name);
  return cls && reclaim_value_is_object (v) && lang_is_subclass (lang_class_of (interp, v), cls);
}

/* The engine's kinds with a weak reference list, as CPython's types with
 * tp_weaklistoffset: instances of user classes (unless __slots__ leaves
 * __weakref__ out, and lists and dicts of classes based on them), sets,
 * functions, bound methods, generators, types, itertools._tee objects.
 * Builtin exception instances have none; finalize and _Info use __slots__. */
gboolean
modules_supports_weakrefs (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_state (interp->heap, v) != RECLAIM_STATE_ALIVE)
    return FALSE;
  switch (reclaim_heap_get_kind (interp->heap, v))
    {
    case RECLAIM_KIND_INSTANCE:
      {
        LangClass *cls = lang_class_of (interp, v);
        if (cls->builtin || is_instance_of (interp, v, "finalize") || is_instance_of (interp, v, "_Info"))
          return FALSE;
      }
      G_GNUC_FALLTHROUGH;
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_DICT:
      /* a plain list or dict has none; a module's type based on dict says
       * by a flag (OrderedDict and Counter do, defaultdict does not); a
       * class written in Python based on list or dict adds __weakref__ */
      if (reclaim_heap_get_class (interp->heap, v) == 0)
        return FALSE;
      if (lang_class_of (interp, v)->builtin)
        return (reclaim_heap_get_alloc_flags (interp->heap, v) & RECLAIM_ALLOC_WEAKREFS) != 0;
      G_GNUC_FALLTHROUGH;
    case RECLAIM_KIND_SET:
    case RECLAIM_KIND_DEQUE:
    case RECLAIM_KIND_FUNCTION:
    case RECLAIM_KIND_METHOD:
    case RECLAIM_KIND_GENERATOR:
    case RECLAIM_KIND_CLASS:
      return !(reclaim_heap_get_alloc_flags (interp->heap, v) & RECLAIM_ALLOC_NO_WEAKREFS);
    case RECLAIM_KIND_WEAKREF:   /* a WeakMethod, with __weakref__ among its __slots__ */
    case RECLAIM_KIND_OBJECT:    /* an itertools._tee */
      return (reclaim_heap_get_alloc_flags (interp->heap, v) & RECLAIM_ALLOC_WEAKREFS) != 0;
    default:
      return FALSE;
    }
}

/* Py_TYPE(v)->tp_name: the weakref types are defined in C with a dotted name. */
static const char *
tp_name (ReclaimInterp *interp, ReclaimValue v)
{
  if (reclaim_value_is_object (v) && reclaim_heap_get_class (interp->heap, v) == 0)
    switch (reclaim_heap_get_kind (interp->heap, v))
      {
      case RECLAIM_KIND_WEAKREF:
        return "weakref.ReferenceType";
      case RECLAIM_KIND_PROXY:
        return g_str_equal (lang_proxy_type_name (interp, v), "ProxyType") ? "weakref.ProxyType"
                                                                          : "weakref.CallableProxyType";
      default:
        break;
      }
  return lang_type_name (interp, v);
}

ReclaimValue
modules_weakref_new (ReclaimInterp *interp, ReclaimKind kind, ReclaimValue referent,
                     ReclaimValue callback, ReclaimId subclass)
{
  if (!modules_supports_weakrefs (interp, referent))
    return lang_raise (interp, "TypeError", "cannot create weak reference to '%s' object",
                       tp_name (interp, referent));
  if (scalar_type (callback) == SCALAR_NONE)
    callback = 0;
  return reclaim_heap_weakref_new (interp->heap, kind, referent, callback, subclass);
}

/* ref.__new__(type, ob, callback=None) */
static ReclaimValue
ref_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "ref() takes no keyword arguments");
  /* ReferenceType has no vectorcall: python3 passes the arguments as a
   * tuple (_PyObject_MakeTpCall), which gc.get_count() sees */
  ReclaimValue argtuple = modules_args_tuple (interp, nargs, args);
  ReclaimValue wr = LANG_ERROR;
  if (lang_check_args (interp, "__new__", nargs, 1, 2, 0))
    {
      ReclaimId subclass = cls == lang_builtin_class (interp, "ReferenceType")->id ? 0 : cls;
      wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, args[0], nargs > 1 ? args[1] : 0, subclass);
    }
  lang_decref (interp, argtuple);
  return wr;
}

/* KeyedRef(ob, callback, key): a ref that remembers the key under which a
 * WeakValueDictionary files it.  Slot 0 is always the callback slot (empty
 * without one), slot 1 the key. */
enum { KEYEDREF_SLOT_CALLBACK, KEYEDREF_SLOT_KEY };

ReclaimValue
modules_keyedref_new (ReclaimInterp *interp, ReclaimValue ob, ReclaimValue callback, ReclaimValue key)
{
  LangClass *keyed = lang_builtin_class (interp, "KeyedRef");
  ReclaimValue wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, ob, callback, keyed->id);

  if (wr == LANG_ERROR)
    return LANG_ERROR;
  if (reclaim_heap_n_slots (interp->heap, wr) == KEYEDREF_SLOT_CALLBACK)
    reclaim_heap_slot_append (interp->heap, wr, RECLAIM_ROLE_CALLBACK, "callback", RECLAIM_VALUE_NONE);
  reclaim_heap_slot_append (interp->heap, wr, RECLAIM_ROLE_OTHER, "key", lang_ref (interp, key));
  return wr;
}

ReclaimValue
modules_keyedref_key (ReclaimInterp *interp, ReclaimValue wr)
{
  if (!reclaim_value_is_object (wr) || reclaim_heap_get_kind (interp->heap, wr) != RECLAIM_KIND_WEAKREF ||
      reclaim_heap_n_slots (interp->heap, wr) <= KEYEDREF_SLOT_KEY)
    return 0;
  return reclaim_heap_slot_get (interp->heap, wr, KEYEDREF_SLOT_KEY);
}

static ReclaimValue
keyedref_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "KeyedRef() takes no keyword arguments");
  if (nargs < 3)
    return lang_raise (interp, "TypeError", "KeyedRef.__new__() missing %u required positional argument%s",
                       3 - nargs, nargs == 2 ? "" : "s");
  if (nargs > 3)
    return lang_raise (interp, "TypeError", "KeyedRef.__new__() takes 4 positional arguments but %u were given",
                       nargs + 1);
  return modules_keyedref_new (interp, args[0], args[1], args[2]);
}

static ReclaimValue
weakref_proxy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "proxy() takes no keyword arguments");
  /* METH_VARARGS */
  ReclaimValue argtuple = modules_args_tuple (interp, nargs, args);
  ReclaimValue p = LANG_ERROR;
  if (lang_check_args (interp, "proxy", nargs, 1, 2, 0))
    p = modules_weakref_new (interp, RECLAIM_KIND_PROXY, args[0], nargs > 1 ? args[1] : 0, 0);
  if (p != LANG_ERROR)
    lang_proxy_made (interp, p, args[0]);
  lang_decref (interp, argtuple);
  return p;
}

static ReclaimValue
weakref_getweakrefcount (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                         guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "_weakref.getweakrefcount", nargs, 1, 1, nkw))
    return LANG_ERROR;
  if (!modules_supports_weakrefs (interp, args[0]))
    return scalar_int (0);
  return scalar_int (reclaim_heap_weakref_count (interp->heap, args[0]));
}

static ReclaimValue
weakref_getweakrefs (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "_weakref.getweakrefs", nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue result = lang_list_new (interp);
  if (modules_supports_weakrefs (interp, args[0]))
    for (ReclaimId w = reclaim_heap_weakref_first (interp->heap, args[0]); w;
         w = reclaim_heap_weakref_next (interp->heap, w))
      lang_list_append (interp, result, lang_ref (interp, w));
  return result;
}

ReclaimValue
modules_weakref_call (ReclaimInterp *interp, ReclaimValue weakref, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  ReclaimId referent = reclaim_heap_weakref_get_referent (interp->heap, weakref);

  if (reclaim_heap_get_kind (interp->heap, weakref) == RECLAIM_KIND_PROXY)
    {
      if (!lang_is_callable (interp, weakref))
        return lang_raise (interp, "TypeError", "'%s' object is not callable", tp_name (interp, weakref));
      if (referent == 0)
        return lang_raise (interp, "ReferenceError", "weakly-referenced object no longer exists");
      return lang_call (interp, referent, nargs, args, nkw, kwnames);
    }
  if (modules_is_weakmethod (interp, weakref))
    return lang_weakmethod_call (interp, weakref, nargs, nkw);
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "weakref() takes no keyword arguments");
  if (nargs > 0)
    return lang_raise (interp, "TypeError", "weakref expected 0 arguments, got %u", nargs);
  return referent ? lang_ref (interp, referent) : scalar_none ();
}

static gboolean
is_weakref_kind (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == kind;
}

/* A proxy compares as its referent (proxy_richcompare's UNWRAP). */
static gboolean
unwrap_proxy (ReclaimInterp *interp, ReclaimValue *v)
{
  if (!is_weakref_kind (interp, *v, RECLAIM_KIND_PROXY))
    return TRUE;
  *v = reclaim_heap_weakref_get_referent (interp->heap, *v);
  if (*v == 0)
    {
      lang_raise (interp, "ReferenceError", "weakly-referenced object no longer exists");
      return FALSE;
    }
  return TRUE;
}

int
modules_weakref_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  if (is_weakref_kind (interp, a, RECLAIM_KIND_PROXY) || is_weakref_kind (interp, b, RECLAIM_KIND_PROXY))
    {
      if (!unwrap_proxy (interp, &a) || !unwrap_proxy (interp, &b))
        return -1;
      return lang_equal (interp, a, b);
    }
  if (!is_weakref_kind (interp, a, RECLAIM_KIND_WEAKREF) || !is_weakref_kind (interp, b, RECLAIM_KIND_WEAKREF))
    return -2;
  if (modules_is_weakmethod (interp, a) && modules_is_weakmethod (interp, b))
    return lang_weakmethod_equal (interp, a, b);
  ReclaimId ra = reclaim_heap_weakref_get_referent (interp->heap, a);
  ReclaimId rb = reclaim_heap_weakref_get_referent (interp->heap, b);
  if (ra == 0 || rb == 0)
    return a == b;
  return lang_equal (interp, ra, rb);
}

/* ---- finalize: state kept in the class, as in Lib/weakref.py ------------ */

static LangClass *
finalize_class (ReclaimInterp *interp)
{
  return g_hash_table_lookup (interp->builtin_types, "finalize");
}

static ReclaimValue
class_get (LangClass *cls, ReclaimInterp *interp, const char *name)
{
  return lang_dict_get (interp, cls->ns, scalar_str (name, -1));
}

static void
class_set (LangClass *cls, ReclaimInterp *interp, const char *name, ReclaimValue v)
{
  lang_dict_set (interp, cls->ns, scalar_str (name, -1), v);
}

static ReclaimValue
finalize_registry (ReclaimInterp *interp)
{
  return class_get (finalize_class (interp), interp, "_registry");
}

static void
finalize_mark_dead (ReclaimInterp *interp, ReclaimValue self)
{
  lang_setattr (interp, self, "alive", scalar_bool (FALSE));
  lang_setattr (interp, self, "atexit", scalar_bool (FALSE));
  if (lang_error_occurred (interp))
    lang_error_clear (interp);
}

static ReclaimValue
finalize_init (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "finalize", "__init__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nargs < 2)
    return lang_raise (interp, "TypeError", nargs == 0
                       ? "finalize.__init__() missing 2 required positional arguments: 'obj' and 'func'"
                       : "finalize.__init__() missing 1 required positional argument: 'func'");

  LangClass *fin = finalize_class (interp);
  ReclaimValue extra = modules_args_tuple (interp, nargs - 2, args + 2);   /* *args */
  ReclaimValue kwargs = lang_dict_new (interp);                           /* **kwargs */
  for (guint k = 0; k < nkw; k++)
    lang_dict_set (interp, kwargs, scalar_str (kwnames[k], -1), args[nargs + k]);

  ReclaimId info = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_INSTANCE,
                                       lang_builtin_class (interp, "_Info")->id, NULL, 0);
  ReclaimValue wr = modules_weakref_new (interp, RECLAIM_KIND_WEAKREF, args[0], self, 0);
  if (wr != LANG_ERROR)
    {
      ReclaimValue index = class_get (fin, interp, "_index");
      lang_setattr (interp, info, "weakref", wr);
      lang_setattr (interp, info, "func", args[1]);
      lang_setattr (interp, info, "args", extra);
      lang_setattr (interp, info, "kwargs", lang_dict_length (interp, kwargs) ? kwargs : scalar_none ());
      lang_setattr (interp, info, "atexit", scalar_bool (TRUE));
      lang_setattr (interp, info, "index", index);
      class_set (fin, interp, "_index", scalar_int (scalar_get_int (index) + 1));
      lang_dict_set (interp, finalize_registry (interp), self, info);
      class_set (fin, interp, "_dirty", scalar_bool (TRUE));
      lang_setattr (interp, self, "alive", scalar_bool (TRUE));
      lang_setattr (interp, self, "atexit", scalar_bool (TRUE));
      lang_decref (interp, wr);
    }
  /* the frame's locals go in co_varnames order: args, kwargs, info */
  lang_decref (interp, extra);
  lang_decref (interp, kwargs);
  lang_decref (interp, info);
  return wr == LANG_ERROR ? LANG_ERROR : scalar_none ();
}

/* info.func(*info.args, **(info.kwargs or {})) */
static ReclaimValue
finalize_call_func (ReclaimInterp *interp, ReclaimValue info)
{
  ReclaimValue func = modules_attr (interp, info, "func");
  ReclaimValue args = func ? modules_attr (interp, info, "args") : 0;
  ReclaimValue kwargs = args ? modules_attr (interp, info, "kwargs") : 0;
  if (kwargs == 0)
    return LANG_ERROR;

  /* BUILD_MAP + DICT_MERGE make the keyword dict; `or {}` makes another */
  ReclaimValue merged = lang_dict_new (interp);
  ReclaimValue empty = scalar_type (kwargs) == SCALAR_NONE ? lang_dict_new (interp) : 0;
  lang_decref (interp, empty);

  guint npos = lang_seq_length (interp, args);
  guint nkw = empty ? 0 : lang_dict_length (interp, kwargs);
  g_autofree ReclaimValue *all = g_new (ReclaimValue, npos + nkw + 1);
  g_autofree const char **names = g_new (const char *, nkw + 1);
  for (guint i = 0; i < npos; i++)
    all[i] = lang_seq_item (interp, args, i);
  ReclaimValue key, value;
  guint k = 0;
  for (guint pos = 0; nkw && lang_dict_next_entry (interp, kwargs, &pos, &key, &value); k++)
    {
      names[k] = scalar_get_str (key, NULL);
      all[npos + k] = value;
    }
  lang_incref (interp, func);
  ReclaimValue r = lang_call (interp, func, npos, all, k, names);
  lang_decref (interp, func);
  lang_decref (interp, merged);
  return r;
}

/* finalize.__call__: pops the registry entry, then calls func unless the
 * interpreter is past the atexit stage. */
static ReclaimValue
finalize_fire (ReclaimInterp *interp, ReclaimValue self)
{
  ReclaimValue registry = finalize_registry (interp);
  ReclaimValue info = lang_dict_get (interp, registry, self);

  if (info == 0)
    return lang_error_occurred (interp) ? LANG_ERROR : scalar_none ();
  lang_incref (interp, info);
  lang_dict_delete (interp, registry, self);
  finalize_mark_dead (interp, self);
  ReclaimValue shutdown = class_get (finalize_class (interp), interp, "_shutdown");
  ReclaimValue result = shutdown && lang_truth (interp, shutdown) ? scalar_none ()
                      : finalize_call_func (interp, info);
  lang_decref (interp, info);
  return result;
}

static ReclaimValue
finalize_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "finalize", "__call__", &self, &nargs, &args))
    return LANG_ERROR;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "finalize.__call__() got an unexpected keyword argument '%s'",
                       kwnames[0]);
  if (nargs > 1)
    return lang_raise (interp, "TypeError",
                       "finalize.__call__() takes from 1 to 2 positional arguments but %u were given", nargs + 1);
  return finalize_fire (interp, self);
}

/* (obj, func, args, kwargs or {}) while alive; pops the entry when detaching. */
static ReclaimValue
finalize_info_tuple (ReclaimInterp *interp, ReclaimValue self, gboolean detach)
{
  ReclaimValue registry = finalize_registry (interp);
  ReclaimValue info = lang_dict_get (interp, registry, self);
  ReclaimValue wr = info ? modules_attr (interp, info, "weakref") : 0;
  ReclaimId obj = wr ? reclaim_heap_weakref_get_referent (interp->heap, wr) : 0;

  if (obj == 0)
    return lang_error_occurred (interp) ? LANG_ERROR : scalar_none ();
  lang_incref (interp, info);
  lang_incref (interp, obj);
  if (detach)
    {
      lang_dict_delete (interp, registry, self);
      finalize_mark_dead (interp, self);
    }
  ReclaimValue kwargs = modules_attr (interp, info, "kwargs");
  ReclaimValue items[] = {
    lang_ref (interp, obj),
    lang_ref (interp, modules_attr (interp, info, "func")),
    lang_ref (interp, modules_attr (interp, info, "args")),
    kwargs && scalar_type (kwargs) != SCALAR_NONE ? lang_ref (interp, kwargs) : lang_dict_new (interp),
  };
  ReclaimValue result = lang_tuple_new (interp, G_N_ELEMENTS (items), items);
  lang_decref (interp, obj);
  lang_decref (interp, info);
  return result;
}

static ReclaimValue
finalize_detach (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "finalize", "detach", &self, &nargs, &args) ||
      !lang_check_args (interp, "finalize.detach", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return finalize_info_tuple (interp, self, TRUE);
}

static ReclaimValue
finalize_peek (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "finalize", "peek", &self, &nargs, &args) ||
      !lang_check_args (interp, "finalize.peek", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return finalize_info_tuple (interp, self, FALSE);
}

static ReclaimValue
finalize_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!modules_method_self (interp, "finalize", "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  ReclaimValue info = lang_dict_get (interp, finalize_registry (interp), self);
  ReclaimValue wr = info ? modules_attr (interp, info, "weakref") : 0;
  ReclaimId obj = wr ? reclaim_heap_weakref_get_referent (interp->heap, wr) : 0;
  g_autofree char *addr = lang_address_text (self);
  g_autofree char *text = NULL;

  if (lang_error_occurred (interp))
    return LANG_ERROR;
  if (obj == 0)
    text = g_strdup_printf ("<%s object at %s; dead>", lang_type_name (interp, self), addr);
  else
    {
      g_autofree char *obj_addr = lang_address_text (obj);
      text = g_strdup_printf ("<%s object at %s; for '%s' at %s>", lang_type_name (interp, self), addr,
                              lang_type_name (interp, obj), obj_addr);
    }
  return scalar_str (text, -1);
}

/* ---- finalize at exit (_exitfunc) ---------------------------------------- */

/* sys.excepthook's report of an exception raised by a finalizer at exit. */
static void
report_exception (ReclaimInterp *interp)
{
  ReclaimValue exc = interp->exc;
  interp->exc = 0;
  g_autofree char *text = lang_str (interp, exc);
  lang_error_clear (interp);
  g_autofree char *report = g_strdup_printf ("Traceback (most recent call last):\n%s%s%s\n",
                                             lang_type_name (interp, exc), text && *text ? ": " : "",
                                             text ? text : "");
  lang_write_stderr (interp, report, -1);
  lang_decref (interp, exc);
}

/* _select_for_exit: the live finalizers with atexit set, oldest first
 * (the registry's order is their creation order). */
static void
select_for_exit (ReclaimInterp *interp, GArray *pending)
{
  ReclaimValue registry = finalize_registry (interp);
  ReclaimValue f, info;

  for (guint pos = 0; lang_dict_next_entry (interp, registry, &pos, &f, &info);)
    {
      ReclaimValue atexit = lang_lookup_attr (interp, f, "atexit");
      int wanted = atexit ? lang_truth (interp, atexit) : 0;
      lang_decref (interp, atexit);
      if (lang_error_occurred (interp))
        lang_error_clear (interp);
      if (wanted == 1)
        {
          lang_incref (interp, f);
          g_array_append_val (pending, f);
        }
    }
}

static void
drop_pending (ReclaimInterp *interp, GArray *pending)
{
  for (guint i = 0; i < pending->len; i++)
    lang_decref (interp, g_array_index (pending, ReclaimValue, i));
  g_array_set_size (pending, 0);
}

void
lang_weakref_run_atexit (ReclaimInterp *interp)
{
  LangClass *fin = finalize_class (interp);
  if (fin == NULL || fin->ns == 0)
    return;

  ReclaimValue saved = interp->exc;
  GArray *saved_tb = interp->traceback;
  interp->exc = 0;
  interp->traceback = lang_traceback_new ();

  gboolean reenable_gc = FALSE;
  if (lang_dict_length (interp, finalize_registry (interp)) > 0)
    {
      g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
      gboolean selected = FALSE;

      if (reclaim_heap_get_counter (interp->heap, RECLAIM_COUNTER_ENABLED))
        {
          reenable_gc = TRUE;
          reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_ENABLED, 0);
        }
      for (;;)
        {
          ReclaimValue dirty = class_get (fin, interp, "_dirty");
          if (!selected || (dirty && lang_truth (interp, dirty) == 1))
            {
              drop_pending (interp, pending);
              select_for_exit (interp, pending);
              class_set (fin, interp, "_dirty", scalar_bool (FALSE));
              selected = TRUE;
            }
          if (pending->len == 0)
            break;
          /* newest first */
          ReclaimValue f = g_array_index (pending, ReclaimValue, pending->len - 1);
          g_array_set_size (pending, pending->len - 1);
          ReclaimValue r = finalize_fire (interp, f);
          if (r == LANG_ERROR)
            report_exception (interp);
          lang_decref (interp, r);
          lang_decref (interp, f);
        }
      drop_pending (interp, pending);
    }
  /* no more finalizer functions from now on (finalize._shutdown) */
  class_set (fin, interp, "_shutdown", scalar_bool (TRUE));
  if (reenable_gc)
    reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_ENABLED, 1);

  g_array_unref (interp->traceback);
  interp->traceback = saved_tb;
  interp->exc = saved;
}

/* ---- the module ----------------------------------------------------------- */

MODULES_CONSTRUCTOR (finalize_construct, "finalize")

static const LangMethodDef finalize_dunders[] = {
  { "__call__", finalize_call },
  { "__repr__", finalize_repr },
  { NULL, NULL }
};

static const LangMethodDef finalize_methods[] = {
  { "__init__", finalize_init },
  { "detach", finalize_detach },
  { "peek", finalize_peek },
  { NULL, NULL }
};

static void
finalize_init_class (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *fin = modules_class_new (interp, "weakref", "finalize", finalize_construct, finalize_dunders,
                                      finalize_methods);
  LangClass *info = modules_class_new (interp, "weakref", "_Info", NULL, NULL, NULL);
  ReclaimValue registry = lang_dict_new (interp);

  class_set (fin, interp, "_registry", registry);
  class_set (fin, interp, "_shutdown", scalar_bool (FALSE));
  class_set (fin, interp, "_index", scalar_int (0));
  class_set (fin, interp, "_dirty", scalar_bool (FALSE));
  class_set (fin, interp, "_Info", info->id);
  lang_decref (interp, registry);
  lang_dict_set (interp, ns, scalar_str ("finalize", -1), fin->id);
}

void
modules_weakref_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "weakref");
  LangClass *ref = lang_builtin_class (interp, "ReferenceType");
  LangClass *proxy = lang_builtin_class (interp, "ProxyType");

  ref->construct = ref_construct;
  LangClass *keyed = lang_builtin_type_new (interp, "KeyedRef", ref, RECLAIM_KIND_WEAKREF, keyedref_construct,
                                            NULL, FALSE);
  lang_dict_set (interp, ns, scalar_str ("ref", -1), ref->id);
  lang_dict_set (interp, ns, scalar_str ("ReferenceType", -1), ref->id);
  LangClass *callable_proxy = lang_builtin_type_new (interp, "CallableProxyType", lang_builtin_class (interp, "object"),
                                                     RECLAIM_KIND_PROXY, NULL, NULL, FALSE);
  lang_dict_set (interp, ns, scalar_str ("ProxyType", -1), proxy->id);
  lang_dict_set (interp, ns, scalar_str ("CallableProxyType", -1), callable_proxy->id);
  ReclaimValue proxy_types[] = { proxy->id, callable_proxy->id };
  lang_ref (interp, proxy->id);
  lang_ref (interp, callable_proxy->id);
  modules_add_value (interp, ns, "ProxyTypes", lang_tuple_new (interp, 2, proxy_types));
  lang_dict_set (interp, ns, scalar_str ("KeyedRef", -1), keyed->id);
  modules_add_function (interp, ns, "proxy", weakref_proxy);
  modules_add_function (interp, ns, "getweakrefcount", weakref_getweakrefcount);
  modules_add_function (interp, ns, "getweakrefs", weakref_getweakrefs);
  modules_weakref_containers_init (interp, ns);
  modules_weakmethod_init (interp, ns);
  finalize_init_class (interp, ns);
  interp->hooks.weakref_call = modules_weakref_call;
  interp->hooks.weakref_equal = modules_weakref_equal;
  interp->hooks.is_weakmethod = modules_is_weakmethod;
  interp->hooks.weakmethod_attr = modules_weakmethod_attr;
  modules_new_module (interp, "weakref", ns);
  lang_decref (interp, ns);
}
