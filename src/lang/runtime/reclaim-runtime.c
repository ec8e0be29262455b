/* reclaim-runtime.c: references, exceptions, classes, builtin functions,
 * calls and attributes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-interp-private.h"
#include "reclaim-weakproxy.h"
#include "reclaim-eval.h"
#include "reclaim-eval-private.h"
#include "reclaim-coroutine.h"

#include <stdarg.h>
#include <string.h>

ReclaimHeap *
lang_heap (ReclaimInterp *interp)
{
  return interp->heap;
}

gboolean
lang_write_stdout (ReclaimInterp *interp, const char *text, gssize len)
{
  if (interp->options.write_stdout)
    interp->options.write_stdout (text, len < 0 ? strlen (text) : (gsize) len, interp->options.user_data);
  int error = interp->output_errno;
  if (error == 0)
    return TRUE;
  interp->output_errno = 0;
  lang_raise (interp, "OSError", "[Errno %d] %s", error, g_strerror (error));
  return FALSE;
}

void
lang_write_stderr (ReclaimInterp *interp, const char *text, gssize len)
{
  if (interp->options.write_stderr)
    interp->options.write_stderr (text, len < 0 ? strlen (text) : (gsize) len, interp->options.user_data);
}

ReclaimValue
lang_name_str (ReclaimInterp *interp, const char *name)
{
  ReclaimValue v = GPOINTER_TO_UINT (g_hash_table_lookup (interp->names, name));
  /* a pointer can be reused for other text: check it still matches */
  if (v && strcmp (scalar_get_str (v, NULL), name) == 0)
    return v;
  v = scalar_str (name, -1);
  g_hash_table_insert (interp->names, (gpointer) name, GUINT_TO_POINTER (v));
  return v;
}

/* ---- references --------------------------------------------------------- */

void
lang_incref_object (ReclaimInterp *interp, ReclaimValue v)
{
  reclaim_heap_incref (interp->heap, v);
}

void
lang_decref_object (ReclaimInterp *interp, ReclaimValue v)
{
  reclaim_heap_decref (interp->heap, v);
}

/* ---- classes ------------------------------------------------------------ */

LangClass *
lang_class_get (ReclaimInterp *interp, ReclaimId cls)
{
  if (!reclaim_value_is_object (cls))
    return NULL;
  /* every list, dict or frame has a class id, looked at on most operations */
  guint i = cls % G_N_ELEMENTS (interp->recent_classes);
  if (interp->recent_classes[i].id == cls)
    return interp->recent_classes[i].cls;
  LangClass *c = g_hash_table_lookup (interp->classes, GUINT_TO_POINTER (cls));
  if (c)
    {
      interp->recent_classes[i].id = cls;
      interp->recent_classes[i].cls = c;
    }
  return c;
}

void
lang_class_forget (ReclaimInterp *interp, ReclaimId cls)
{
  guint i = cls % G_N_ELEMENTS (interp->recent_classes);
  if (interp->recent_classes[i].id == cls)
    interp->recent_classes[i].id = 0;
  GByteArray *marks = interp->side_entries;
  if (cls >= marks->len || !(marks->data[cls] & LANG_SIDE_CLASS))
    return;
  marks->data[cls] &= ~LANG_SIDE_CLASS;
  g_hash_table_remove (interp->classes, GUINT_TO_POINTER (cls));
}

LangClass *
lang_builtin_class (ReclaimInterp *interp, const char *name)
{
  LangClass *c = g_hash_table_lookup (interp->builtin_types, name);
  g_return_val_if_fail (c != NULL, NULL);
  return c;
}

static const char *
kind_class_name (ReclaimInterp *interp, ReclaimValue v)
{
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  switch (kind)
    {
    case RECLAIM_KIND_OBJECT:
    case RECLAIM_KIND_PLAIN:
      {
        const char *label = reclaim_heap_get_label (interp->heap, v);
        if (g_hash_table_contains (interp->natives, GUINT_TO_POINTER (v)))
          return "builtin_function_or_method";
        return label ? label : "object";
      }
    case RECLAIM_KIND_WEAKREF:
      return "ReferenceType";
    case RECLAIM_KIND_PROXY:
      return lang_proxy_type_name (interp, v);
    default:
      return reclaim_kind_name (kind);
    }
}

/* Whether an object of this kind (without a class of its own) has the
 * type its kind names, whatever the object. */
static gboolean
kind_names_type (ReclaimKind kind)
{
  return kind != RECLAIM_KIND_OBJECT && kind != RECLAIM_KIND_PLAIN && kind != RECLAIM_KIND_PROXY;
}

LangClass *
lang_class_of (ReclaimInterp *interp, ReclaimValue v)
{
  ScalarType st = scalar_type (v);
  if (st != SCALAR_NOT_SCALAR)
    {
      if (G_UNLIKELY (interp->scalar_classes[st] == NULL))
        interp->scalar_classes[st] = lang_builtin_class (interp, scalar_type_name (st));
      return interp->scalar_classes[st];
    }

  ReclaimId cls = reclaim_heap_get_class (interp->heap, v);
  if (cls)
    return lang_class_get (interp, cls);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  if (kind_names_type (kind) && interp->kind_classes[kind])
    return interp->kind_classes[kind];
  LangClass *c = g_hash_table_lookup (interp->builtin_types, kind_class_name (interp, v));
  if (c && kind_names_type (kind))
    interp->kind_classes[kind] = c;
  return c ? c : lang_builtin_class (interp, "object");
}

gboolean
lang_is_subclass (LangClass *cls, LangClass *base)
{
  for (LangClass *c = cls; c; c = c->base)
    if (c == base)
      return TRUE;
  return FALSE;
}

gboolean
lang_is_instance (ReclaimInterp *interp, ReclaimValue v, const char *builtin_name)
{
  LangClass *base = g_hash_table_lookup (interp->builtin_types, builtin_name);
  return base && lang_is_subclass (lang_class_of (interp, v), base);
}

const char *
lang_type_name (ReclaimInterp *interp, ReclaimValue v)
{
  return lang_class_of (interp, v)->name;
}

LangClass *
lang_builtin_type_new (ReclaimInterp *interp, const char *name, LangClass *base,
                       ReclaimKind instance_kind, LangNativeFunc construct,
                       const LangMethodDef *methods, gboolean publish)
{
  LangClass *c = g_new0 (LangClass, 1);

  c->id = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_CLASS, 0, name, 0);
  c->name = g_strdup (name);
  c->base = base;
  c->builtin = TRUE;
  c->instance_kind = instance_kind;
  c->construct = construct;
  c->scalar = SCALAR_NOT_SCALAR;
  c->methods = g_hash_table_new (g_str_hash, g_str_equal);
  c->keys = g_ptr_array_new_with_free_func (g_free);   /* instances of exceptions take attributes */
  c->key_index = g_hash_table_new (g_str_hash, g_str_equal);
  c->is_exception = base && base->is_exception;
  for (const LangMethodDef *m = methods; m && m->name; m++)
    g_hash_table_insert (c->methods, (gpointer) m->name, m->func);
  lang_classes_insert (interp, c->id, c);
  g_hash_table_insert (interp->builtin_types, c->name, c);
  if (publish)
    lang_dict_set (interp, interp->builtins, scalar_str (name, -1), c->id);
  return c;
}

static LangNativeFunc
find_builtin_method (LangClass *cls, const char *name)
{
  for (LangClass *c = cls; c; c = c->base)
    if (c->methods)
      {
        LangNativeFunc f = g_hash_table_lookup (c->methods, name);
        if (f)
          return f;
      }
  return NULL;
}

/* ---- exceptions --------------------------------------------------------- */

ReclaimValue
lang_raise_value (ReclaimInterp *interp, const char *type_name, ReclaimValue arg)
{
  LangClass *cls = lang_builtin_class (interp, type_name);
  ReclaimValue args[] = { arg };
  ReclaimValue exc = lang_call (interp, cls->id, arg ? 1 : 0, args, 0, NULL);

  if (exc != LANG_ERROR)
    lang_eval_set_exception (interp, exc);
  return LANG_ERROR;
}

ReclaimValue
lang_raise (ReclaimInterp *interp, const char *type_name, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *message = g_strdup_vprintf (format, ap);
  va_end (ap);
  return lang_raise_value (interp, type_name, scalar_str (message, -1));
}

static guint64
memory_in_use (ReclaimInterp *interp)
{
  /* values made before this interpreter may have been let go since */
  gsize held = scalar_bytes_held ();
  return reclaim_heap_memory_size (interp->heap) +
         (held > interp->scalar_bytes_at_start ? held - interp->scalar_bytes_at_start : 0);
}

gboolean
lang_memory_reserve (ReclaimInterp *interp, guint64 count, guint64 size_each)
{
  guint64 bytes;
  if (g_uint64_checked_mul (&bytes, count, size_each) &&
      g_uint64_checked_add (&bytes, bytes, memory_in_use (interp)) && bytes <= interp->options.max_memory)
    return TRUE;
  if (interp->options.max_memory_advice != NULL)
    {
      /* the window's budget covers what Reclaim records too: that is no
       * failure python3 would have, and no handler of the script's may
       * catch it */
      interp->out_of_memory = TRUE;
      eval_stop (interp);
      return FALSE;
    }
  lang_raise_value (interp, "MemoryError", 0);
  return FALSE;
}

gboolean
lang_memory_check (ReclaimInterp *interp)
{
  /* asked at every statement: the sum alone, without reserve's checked
   * arithmetic, while there is room */
  if (G_LIKELY (memory_in_use (interp) <= interp->options.max_memory))
    return TRUE;
  return lang_memory_reserve (interp, 0, 0);
}

gboolean
lang_enter_recursive_call (ReclaimInterp *interp, const char *where)
{
  /* a generator's own stack is small: nested data deep inside one ends
   * here, before the stack does */
  if (interp->depth + 1 > LANG_RECURSION_LIMIT || G_UNLIKELY (coroutine_stack_low ()))
    {
      lang_raise (interp, "RecursionError", "maximum recursion depth exceeded%s", where);
      return FALSE;
    }
  interp->depth++;
  return TRUE;
}

void
lang_leave_recursive_call (ReclaimInterp *interp)
{
  interp->depth--;
}

static void
trace_entry_clear (gpointer p)
{
  LangTraceEntry *e = p;
  g_free (e->filename);
  g_free (e->function);
}

GArray *
lang_traceback_new (void)
{
  GArray *traceback = g_array_new (FALSE, TRUE, sizeof (LangTraceEntry));
  g_array_set_clear_func (traceback, trace_entry_clear);
  return traceback;
}

gboolean
lang_error_occurred (ReclaimInterp *interp)
{
  return interp->exc != RECLAIM_VALUE_NONE;
}

gboolean
lang_error_matches (ReclaimInterp *interp, const char *type_name)
{
  return interp->exc && lang_is_instance (interp, interp->exc, type_name);
}

void
lang_error_clear (ReclaimInterp *interp)
{
  ReclaimValue exc = interp->exc;
  interp->exc = RECLAIM_VALUE_NONE;
  g_array_set_size (interp->traceback, 0);
  lang_decref (interp, exc);
}

/* ---- builtin functions -------------------------------------------------- */

ReclaimValue
lang_native_new (ReclaimInterp *interp, const char *name, LangNativeFunc func, ReclaimValue self)
{
  ReclaimId obj = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, name, 0);
  LangNative *native = g_new0 (LangNative, 1);

  native->name = g_strdup (name);
  native->func = func;
  lang_side_insert (interp, interp->natives, obj, native);
  if (self)
    reclaim_heap_slot_append (interp->heap, obj, RECLAIM_ROLE_OTHER, "__self__", lang_ref (interp, self));
  return obj;
}

ReclaimValue
lang_native_function_new (ReclaimInterp *interp, const char *name, const char *qualname, LangNativeFunc func)
{
  ReclaimValue obj = lang_native_new (interp, name, func, 0);
  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (obj));
  native->binds = TRUE;
  native->qualname = g_strdup (qualname);
  return obj;
}

gboolean
lang_native_binds (ReclaimInterp *interp, ReclaimValue v)
{
  LangNative *native = reclaim_value_is_object (v) ? g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (v))
                                                   : NULL;
  return native && native->binds;
}

void
lang_add_builtin (ReclaimInterp *interp, const char *name, LangNativeFunc func)
{
  ReclaimValue f = lang_native_new (interp, name, func, 0);
  lang_dict_set (interp, interp->builtins, scalar_str (name, -1), f);
  lang_decref (interp, f);
}

gboolean
lang_check_args (ReclaimInterp *interp, const char *name, guint nargs, guint min, guint max, guint nkw)
{
  if (nkw > 0)
    {
      lang_raise (interp, "TypeError", "%s() takes no keyword arguments", name);
      return FALSE;
    }
  if (nargs >= min && nargs <= max)
    return TRUE;
  if (min == max && min == 0)
    lang_raise (interp, "TypeError", "%s() takes no arguments (%u given)", name, nargs);
  else if (min == max && min == 1)
    lang_raise (interp, "TypeError", "%s() takes exactly one argument (%u given)", name, nargs);
  else if (min == max)
    lang_raise (interp, "TypeError", "%s expected %u arguments, got %u", name, min, nargs);
  else if (nargs < min)
    lang_raise (interp, "TypeError", "%s expected at least %u argument%s, got %u", name, min,
                min == 1 ? "" : "s", nargs);
  else
    lang_raise (interp, "TypeError", "%s expected at most %u argument%s, got %u", name, max,
                max == 1 ? "" : "s", nargs);
  return FALSE;
}

ReclaimValue
lang_kwarg (guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames, const char *name)
{
  for (guint i = 0; i < nkw; i++)
    if (strcmp (kwnames[i], name) == 0)
      return args[nargs + i];
  return 0;
}

ReclaimValue
lang_arg (guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames,
          guint pos, const char *name)
{
  if (pos < nargs)
    return args[pos];
  return name ? lang_kwarg (nargs, args, nkw, kwnames, name) : 0;
}

/* ---- calls -------------------------------------------------------------- */

static ReclaimValue
call_native (ReclaimInterp *interp, ReclaimValue callable, LangNative *native, guint nargs,
             const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  if (native->unbound)
    {
      if (nargs == 0)
        return lang_raise (interp, "TypeError", "unbound method %s() needs an argument", native->name);
      if (!lang_is_subclass (lang_class_of (interp, args[0]), native->owner))
        return lang_raise (interp, "TypeError", "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                           strchr (native->name, '.') + 1, native->owner->name, lang_type_name (interp, args[0]));
      return native->unbound (interp, args[0], nargs - 1, args + 1, nkw, kwnames);
    }
  ReclaimValue self = 0;
  if (reclaim_heap_n_slots (interp->heap, callable) > 0)
    self = reclaim_heap_slot_get (interp->heap, callable, 0);
  return native->func (interp, self, nargs, args, nkw, kwnames);
}

/* Calling a bound method calls its function with self in front. */
static ReclaimValue
call_method_object (ReclaimInterp *interp, ReclaimValue method, guint nargs,
                    const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  ReclaimValue func = reclaim_heap_slot_get (interp->heap, method, 0);
  ReclaimValue self = reclaim_heap_slot_get (interp->heap, method, 1);
  g_autofree ReclaimValue *all = g_new (ReclaimValue, nargs + nkw + 1);

  all[0] = self;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, (nargs + nkw) * sizeof (ReclaimValue));
  return lang_call (interp, func, nargs + 1, all, nkw, kwnames);
}

ReclaimValue
lang_call (ReclaimInterp *interp, ReclaimValue callable, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!reclaim_value_is_object (callable))
    return lang_raise (interp, "TypeError", "'%s' object is not callable", lang_type_name (interp, callable));

  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (callable));
  if (native)
    return call_native (interp, callable, native, nargs, args, nkw, kwnames);

  switch (reclaim_heap_get_kind (interp->heap, callable))
    {
    case RECLAIM_KIND_FUNCTION:
      return lang_eval_call_function (interp, callable, nargs, args, nkw, kwnames);
    case RECLAIM_KIND_METHOD:
      return call_method_object (interp, callable, nargs, args, nkw, kwnames);
    case RECLAIM_KIND_WEAKREF:
    case RECLAIM_KIND_PROXY:
      return lang_weakref_call (interp, callable, nargs, args, nkw, kwnames);
    case RECLAIM_KIND_CLASS:
      {
        LangClass *cls = lang_class_get (interp, callable);
        return lang_eval_call_class (interp, cls, nargs, args, nkw, kwnames);
      }
    default:
      break;
    }
  /* since 3.10 a staticmethod calls its function */
  if (g_strcmp0 (reclaim_heap_get_label (interp->heap, callable), "staticmethod") == 0)
    return lang_call (interp, reclaim_heap_slot_get (interp->heap, callable, 0), nargs, args, nkw, kwnames);
  /* an instance with __call__ */
  LangClass *cls = lang_class_of (interp, callable);
  if (!cls->builtin)
    {
      ReclaimValue call = lang_eval_class_lookup (interp, cls, "__call__");
      if (call)
        {
          g_autofree ReclaimValue *all = g_new (ReclaimValue, nargs + nkw + 1);
          all[0] = callable;
          if (nargs + nkw > 0)
            memcpy (all + 1, args, (nargs + nkw) * sizeof (ReclaimValue));
          return lang_call (interp, call, nargs + 1, all, nkw, kwnames);
        }
    }
  return lang_raise (interp, "TypeError", "'%s' object is not callable", cls->name);
}

gboolean
lang_is_callable (ReclaimInterp *interp, ReclaimValue v)
{
  if (!reclaim_value_is_object (v))
    return FALSE;
  if (g_hash_table_contains (interp->natives, GUINT_TO_POINTER (v)))
    return TRUE;
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, v);
  if (kind == RECLAIM_KIND_FUNCTION || kind == RECLAIM_KIND_METHOD || kind == RECLAIM_KIND_CLASS ||
      kind == RECLAIM_KIND_WEAKREF)
    return TRUE;
  if (kind == RECLAIM_KIND_PROXY)   /* the type decides, dead or alive */
    return g_str_equal (lang_proxy_type_name (interp, v), "CallableProxyType");
  if (g_strcmp0 (reclaim_heap_get_label (interp->heap, v), "staticmethod") == 0)
    return TRUE;
  LangClass *cls = lang_class_of (interp, v);
  return !cls->builtin && lang_eval_class_lookup (interp, cls, "__call__") != 0;
}

ReclaimValue
lang_call_method (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                  guint nargs, const ReclaimValue *args)
{
  LangClass *cls = lang_class_of (interp, obj);
  LangNativeFunc native = find_builtin_method (cls, name);

  if (native && cls->builtin)
    return native (interp, obj, nargs, args, 0, NULL);
  ReclaimValue method = lang_getattr (interp, obj, name);
  if (method == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue result = lang_call (interp, method, nargs, args, 0, NULL);
  lang_decref (interp, method);
  return result;
}

/* ---- attributes --------------------------------------------------------- */

ReclaimValue
lang_lookup_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  ReclaimValue v = lang_eval_getattr (interp, obj, name, FALSE);
  return v;
}

ReclaimValue
lang_getattr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  return lang_eval_getattr (interp, obj, name, TRUE);
}

/* A builtin type's method taken from the type (str.lower): calling it
 * passes the first argument as self. */
ReclaimValue
lang_unbound_method_new (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  LangNativeFunc f = find_builtin_method (cls, name);
  if (f == NULL)
    return 0;
  g_autofree char *qualname = g_strdup_printf ("%s.%s", cls->name, name);
  ReclaimValue m = lang_native_new (interp, qualname, f, 0);
  /* the classmethods of builtin types: their first argument is no self */
  static const char *const class_methods[] = { "fromhex", "from_bytes", "maketrans", NULL };
  if (g_strv_contains (class_methods, name))
    return m;
  LangNative *native = g_hash_table_lookup (interp->natives, GUINT_TO_POINTER (m));
  native->unbound = f;
  native->owner = cls;
  return m;
}

/* A builtin object's method as a bound builtin_function_or_method. */
ReclaimValue
lang_builtin_method (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  LangNativeFunc f = find_builtin_method (lang_class_of (interp, obj), name);
  if (f == NULL)
    return 0;
  return lang_native_new (interp, name, f, obj);
}

LangNativeFunc
lang_find_builtin_method (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  return find_builtin_method (lang_class_of (interp, obj), name);
}

LangNativeFunc
lang_type_slot (ReclaimInterp *interp, ReclaimValue v, const char *dunder)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_CLASS)
    return NULL;
  LangClass *cls = lang_class_of (interp, v);
  return cls->builtin ? find_builtin_method (cls, dunder) : NULL;
}

/* ---- what the modules lend the runtime ----------------------------------
 * Until the modules are made (while the built-in types are), no object of
 * theirs exists: each hook then answers as for an object that is not one. */

ReclaimValue
lang_weakref_call (ReclaimInterp *interp, ReclaimValue weakref, guint nargs, const ReclaimValue *args, guint nkw,
                   const char *const *kwnames)
{
  return interp->hooks.weakref_call (interp, weakref, nargs, args, nkw, kwnames);
}

int
lang_weakref_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  return interp->hooks.weakref_equal ? interp->hooks.weakref_equal (interp, a, b) : -2;
}

gboolean
lang_is_weakmethod (ReclaimInterp *interp, ReclaimValue v)
{
  return interp->hooks.is_weakmethod && interp->hooks.is_weakmethod (interp, v);
}

ReclaimValue
lang_weakmethod_attr (ReclaimInterp *interp, ReclaimValue self, const char *name)
{
  return interp->hooks.weakmethod_attr ? interp->hooks.weakmethod_attr (interp, self, name) : 0;
}

ReclaimValue
lang_generic_alias_new (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key)
{
  return interp->hooks.generic_alias_new (interp, origin, key);
}

gboolean
lang_can_make_union_type (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  return interp->hooks.can_make_union_type && interp->hooks.can_make_union_type (interp, a, b);
}

ReclaimValue
lang_union_type_new (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b)
{
  return interp->hooks.union_type_new (interp, a, b);
}

int
lang_dataclass_frozen_check (ReclaimInterp *interp, ReclaimValue obj, const char *name, gboolean deleting)
{
  /* asked at every attribute set: the module's check only runs when the
   * class or a base is a frozen dataclass */
  gboolean frozen = FALSE;
  for (LangClass *c = lang_class_of (interp, obj); c && !frozen; c = c->base)
    frozen = c->frozen;
  if (!frozen)
    return 0;
  return interp->hooks.dataclass_frozen_check ? interp->hooks.dataclass_frozen_check (interp, obj, name, deleting) : 0;
}
