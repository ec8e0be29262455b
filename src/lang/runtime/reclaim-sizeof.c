/* reclaim-sizeof.c: sys.getsizeof, as python3 3.11.7 on a 64-bit machine
 * answers it, from each type's fixed size and the allocation history that
 * reclaim-capacity.c keeps.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * getsizeof is the type's __sizeof__ plus 16 bytes for the GC header of
 * objects the collector tracks.  Sizes that do not depend on history are
 * python3's numbers; where Reclaim does not follow the history (a list a
 * builtin made its own way, a set that reused a deleted slot) the call
 * raises rather than print a number python3 would not.
 */
#include "reclaim-sizeof.h"
#include "reclaim-eval.h"
#include "reclaim-bigint.h"

#include <string.h>

#define GC_HEADER 16

static gboolean
list_sizeof (ReclaimInterp *interp, ReclaimValue list, gint64 base, gint64 *size)
{
  guint32 cap = reclaim_heap_get_capacity (interp->heap, list);
  if (cap == RECLAIM_CAPACITY_UNKNOWN)
    {
      lang_stop_not_supported (interp, "sys.getsizeof of a list made or changed "
                  "by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = base + 8 * (gint64) lang_list_allocated (cap);
  return TRUE;
}

/* ---- dicts ------------------------------------------------------------- */

/* An instance's __dict__ keeps its values beside the class's keys: one
 * pointer for each name the keys have or have room for. */
static gboolean
split_dict_sizeof (ReclaimInterp *interp, const LangTable *t, gint64 *size)
{
  LangClass *cls = t->keys.shared_by ? lang_class_get (interp, t->keys.shared_by) : NULL;
  if (cls == NULL || cls->is_exception || lang_keys_shared_names (cls) + cls->shared_keys_taken > LANG_SHARED_KEYS_MAX_SIZE)
    return FALSE;   /* the keys overflowed: python3 made the dict a plain one */
  *size = 48 + GC_HEADER + 8 * (gint64) (LANG_SHARED_KEYS_MAX_SIZE - cls->shared_keys_taken);
  return TRUE;
}

static gint64
index_bytes (guint8 log2)
{
  return log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
}

static gboolean
dict_sizeof (ReclaimInterp *interp, ReclaimValue dict, gint64 base, gint64 *size)
{
  LangTable *t = lang_table_get (interp, dict);
  if (t->split && !t->keys.unknown && base == 48 + GC_HEADER && split_dict_sizeof (interp, t, size))
    return TRUE;
  if (!lang_keys_dict_followed (t) || (reclaim_heap_get_alloc_flags (interp->heap, dict) & RECLAIM_ALLOC_ROOT))
    {
      lang_stop_not_supported (interp, "sys.getsizeof of %s",
                  t->split ? "an instance's __dict__ given a new name, or of an exception"
                           : "a dict made or changed by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = base;
  if (t->keys.log2)
    {
      gint64 entries = (gint64) 1 << t->keys.log2;
      *size += 32 + index_bytes (t->keys.log2) * entries + lang_keys_usable_fraction (entries) * (t->keys.general ? 24 : 16);
    }
  return TRUE;
}

static gboolean
set_sizeof (ReclaimInterp *interp, ReclaimValue set, gint64 *size)
{
  LangTable *t = lang_table_get (interp, set);
  if (t->keys.unknown)
    {
      lang_stop_not_supported (interp, "sys.getsizeof of a set that reused the "
                  "slot of a deleted item, or was made by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = 200 + GC_HEADER + (t->keys.log2 ? (gint64) 16 << t->keys.log2 : 0);
  return TRUE;
}

static gboolean
deque_sizeof (ReclaimInterp *interp, ReclaimValue d, gint64 *size)
{
  LangTable *t = lang_table_get (interp, d);
  if (t->keys.deque_left == 0)
    {
      lang_stop_not_supported (interp, "sys.getsizeof of a deque changed in its middle "
                  "(insert, remove, del) or repeated past its maxlen");
      return FALSE;
    }
  guint64 blocks = (t->keys.deque_left - 1 + (guint64) reclaim_heap_n_slots (interp->heap, d) + LANG_DEQUE_BLOCKLEN - 1) / LANG_DEQUE_BLOCKLEN;
  *size = 200 + GC_HEADER + 16 + (gint64) blocks * (LANG_DEQUE_BLOCKLEN * 8 + 16);
  return TRUE;
}

/* ---- atoms ------------------------------------------------------------- */

static gint64
int_sizeof (ReclaimValue v)
{
  /* 30-bit digits after a 24-byte head; 0 takes one digit too */
  guint64 bits = bigint_bit_length (v);
  return 24 + 4 * MAX ((gint64) ((bits + 29) / 30), 1);
}

static gint64
str_sizeof (ReclaimValue v)
{
  gsize len;
  const char *text = scalar_get_str (v, &len);
  gunichar widest = 0;
  gint64 chars = 0;
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p), chars++)
    widest = MAX (widest, g_utf8_get_char (p));
  /* compact ASCII: 48-byte head and one byte a character plus a NUL; else
   * a 72-byte head and 1, 2 or 4 bytes a character (plus one more) */
  if (widest < 0x80)
    return 48 + chars + 1;
  int width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  return 72 + (chars + 1) * width;
}

static gboolean
scalar_sizeof (ReclaimValue v, gint64 *size)
{
  gsize len;
  switch (scalar_type (v))
    {
    case SCALAR_NONE:
      *size = 16;
      return TRUE;
    case SCALAR_BOOL:
      *size = 28;
      return TRUE;
    case SCALAR_INT:
      *size = int_sizeof (v);
      return TRUE;
    case SCALAR_FLOAT:
      *size = 24;
      return TRUE;
    case SCALAR_STR:
      *size = str_sizeof (v);
      return TRUE;
    case SCALAR_BYTES:
      scalar_get_bytes (v, &len);
      *size = 33 + (gint64) len;
      return TRUE;
    case SCALAR_NOT_SCALAR:
      break;
    }
  return FALSE;
}

/* ---- everything else --------------------------------------------------- */

typedef struct {
  const char *type_name;
  gint64      size;
} FixedSize;

/* builtin types whose objects never change size, GC header included */
static const FixedSize fixed_sizes[] = {
  { "object", 16 }, { "NotImplementedType", 16 }, { "ellipsis", 16 },
  { "function", 152 }, { "builtin_function_or_method", 72 }, { "method", 64 }, { "method-wrapper", 48 },
  { "cell", 40 }, { "module", 72 }, { "mappingproxy", 40 }, { "property", 80 }, { "staticmethod", 48 },
  { "classmethod", 48 }, { "super", 56 }, { "slice", 56 },
  { "range", 48 }, { "range_iterator", 48 }, { "list_iterator", 48 }, { "list_reverseiterator", 48 },
  { "tuple_iterator", 48 }, { "str_ascii_iterator", 48 }, { "str_iterator", 48 }, { "bytes_iterator", 48 },
  { "dict_keyiterator", 72 }, { "dict_valueiterator", 72 }, { "dict_itemiterator", 72 }, { "set_iterator", 64 },
  { "dict_keys", 40 }, { "dict_values", 40 }, { "dict_items", 40 },
  { "map", 48 }, { "filter", 48 }, { "zip", 64 }, { "enumerate", 72 }, { "reversed", 48 },
  { "ReferenceType", 80 }, { "ProxyType", 80 }, { "CallableProxyType", 80 },
};

/* the builtin exceptions whose objects are bigger than BaseException's 88 */
static const FixedSize exception_sizes[] = {
  { "StopIteration", 96 }, { "SystemExit", 96 }, { "NameError", 96 }, { "AttributeError", 104 },
  { "ImportError", 112 }, { "ModuleNotFoundError", 112 }, { "SyntaxError", 152 }, { "IndentationError", 152 },
  { "TabError", 152 }, { "OSError", 128 }, { "FileNotFoundError", 128 }, { "FileExistsError", 128 },
  { "PermissionError", 128 }, { "TimeoutError", 128 }, { "ConnectionError", 128 }, { "BlockingIOError", 128 },
  { "InterruptedError", 128 }, { "IsADirectoryError", 128 }, { "NotADirectoryError", 128 },
  { "ProcessLookupError", 128 }, { "ChildProcessError", 128 }, { "BrokenPipeError", 128 },
  { "ConnectionAbortedError", 128 }, { "ConnectionRefusedError", 128 }, { "ConnectionResetError", 128 },
};

/* the static types (PyTypeObject): a heap type is bigger */
static const char *const static_types[] = {
  "object", "type", "int", "bool", "float", "str", "bytes", "list", "tuple", "dict", "set", "frozenset",
  "range", "NoneType", "function", "property", "staticmethod", "classmethod", "super", "slice",
  "deque", "defaultdict", "OrderedDict", "map", "filter", "zip", "enumerate", "reversed", NULL,
};

static gboolean
lookup_size (const FixedSize *table, gsize n, const char *name, gint64 *size)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].type_name, name) == 0)
      {
        *size = table[i].size;
        return TRUE;
      }
  return FALSE;
}

static LangClass *
builtin_base (LangClass *cls)
{
  while (cls && !cls->builtin)
    cls = cls->base;
  return cls;
}

static gboolean
class_has_dict (LangClass *cls)
{
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    if (c->slot_names)
      return FALSE;
  return TRUE;
}

/* The two pointers (__dict__ and its values) CPython 3.11 keeps before
 * an object whose class gives its instances a __dict__, which getsizeof
 * counts with the GC header. */
static gint64
pre_header (LangClass *cls)
{
  LangClass *base = builtin_base (cls);
  return GC_HEADER + (class_has_dict (cls) && base && !base->is_exception ? 16 : 0);
}

/* An instance of a user class: 56 with a __dict__ and __weakref__; with
 * __slots__ 32 and 8 a slot. */
static gboolean
user_instance_sizeof (ReclaimInterp *interp, LangClass *cls, gint64 *size)
{
  LangClass *base = builtin_base (cls);
  if (base == NULL || strcmp (base->name, "object") != 0)
    return FALSE;
  if (class_has_dict (cls))
    {
      *size = 16 + 8 + pre_header (cls);   /* the object and __weakref__ */
      return TRUE;
    }
  *size = 16 + pre_header (cls) + (cls->has_weakref_slot ? 8 : 0);
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    *size += 8 * (gint64) (c->slot_names ? c->slot_names->len : 0);
  return TRUE;
}

static gboolean
exception_sizeof (LangClass *cls, gint64 *size)
{
  LangClass *base = builtin_base (cls);
  if (base == NULL || !base->is_exception)
    return FALSE;
  if (!lookup_size (exception_sizes, G_N_ELEMENTS (exception_sizes), base->name, size))
    *size = 88;
  if (!cls->builtin)
    *size += 8;   /* a class statement adds __weakref__ */
  return TRUE;
}

/* A class: a heap type is 904 bytes, and a class whose instances have a
 * __dict__ holds their shared keys too (64 entries of str keys). */
static gboolean
class_sizeof (ReclaimInterp *interp, ReclaimValue v, gint64 *size)
{
  LangClass *cls = lang_class_get (interp, v);
  if (cls == NULL)
    return FALSE;
  if (cls->builtin)
    {
      LangClass *tuple = lang_builtin_class (interp, "tuple");
      if (cls != tuple && lang_is_subclass (cls, tuple))
        {
          *size = 904 + GC_HEADER;   /* a named tuple class: a heap type with __slots__ = () */
          return TRUE;
        }
      if (!g_strv_contains (static_types, cls->name) && !cls->is_exception)
        return FALSE;
      *size = 408 + GC_HEADER;
      return TRUE;
    }
  LangClass *base = builtin_base (cls);
  gboolean shared_keys = class_has_dict (cls) && base && !base->is_exception;
  *size = 904 + GC_HEADER + (shared_keys ? 32 + 64 + 42 * 16 : 0);
  return TRUE;
}

/* "defaultdict" for "collections.defaultdict" */
static const char *
short_name (const LangClass *cls)
{
  const char *dot = cls ? strrchr (cls->name, '.') : NULL;
  return cls == NULL ? "" : dot ? dot + 1 : cls->name;
}

static gboolean
object_sizeof (ReclaimInterp *interp, ReclaimValue v, gint64 *size)
{
  LangClass *cls = lang_class_of (interp, v);
  LangClass *base = builtin_base (cls);
  const char *base_name = short_name (base);
  gint64 extra = cls->builtin ? 0 : 8 + 16;   /* a subclass adds __weakref__, and __dict__ before the object */

  switch (reclaim_heap_get_kind (interp->heap, v))
    {
    case RECLAIM_KIND_LIST:
      return strcmp (base_name, "list") == 0 && list_sizeof (interp, v, 40 + GC_HEADER + extra, size);
    case RECLAIM_KIND_TUPLE:
      if (!cls->builtin && strcmp (base_name, "tuple") != 0)
        return FALSE;
      *size = 24 + GC_HEADER + 8 * (gint64) reclaim_heap_n_slots (interp->heap, v);
      return TRUE;
    case RECLAIM_KIND_DICT:
      if (strcmp (base_name, "dict") == 0)
        return dict_sizeof (interp, v, 48 + GC_HEADER + extra, size);
      if (strcmp (base_name, "defaultdict") == 0 && cls->builtin)
        return dict_sizeof (interp, v, 56 + GC_HEADER, size);
      if (strcmp (base_name, "Counter") == 0 && cls->builtin)
        return dict_sizeof (interp, v, 48 + GC_HEADER + 24, size);   /* a class written in Python */
      return FALSE;
    case RECLAIM_KIND_SET:
      return cls->builtin && set_sizeof (interp, v, size);
    case RECLAIM_KIND_CLASS:
      return class_sizeof (interp, v, size);
    case RECLAIM_KIND_INSTANCE:
      if (exception_sizeof (cls, size))
        return TRUE;
      if (!cls->builtin)
        return user_instance_sizeof (interp, cls, size);
      break;
    case RECLAIM_KIND_GENERATOR:
      /* its frame's size comes from the compiler's stack depth */
      return FALSE;
    case RECLAIM_KIND_DEQUE:
      return cls->builtin && deque_sizeof (interp, v, size);
    default:
      break;
    }
  /* iterators and the like are labelled with their type's name */
  const char *label = reclaim_heap_get_label (interp->heap, v);
  const char *name = label && strcmp (cls->name, "object") == 0 ? label : cls->name;
  return cls->builtin && lookup_size (fixed_sizes, G_N_ELEMENTS (fixed_sizes), name, size);
}

/* What a __sizeof__ written in Python returns, plus the pre-header. */
static gboolean
user_sizeof (ReclaimInterp *interp, ReclaimValue v, ReclaimValue method, gint64 *size)
{
  ReclaimValue r = lang_call (interp, method, 1, &v, 0, NULL);
  if (r == LANG_ERROR)
    return FALSE;
  ScalarType type = scalar_type (r);
  gboolean big = type == SCALAR_INT && scalar_int_is_big (r);
  gint64 n = type == SCALAR_INT || type == SCALAR_BOOL ? scalar_get_int (r) : 0;
  lang_decref (interp, r);
  if (type != SCALAR_INT && type != SCALAR_BOOL)
    lang_raise (interp, "TypeError", "an integer is required");
  else if (big)
    lang_raise (interp, "OverflowError", "Python int too large to convert to C ssize_t");
  else if (n < 0)
    lang_raise (interp, "ValueError", "__sizeof__() should return >= 0");
  else
    *size = n + pre_header (lang_class_of (interp, v));
  return !lang_error_occurred (interp);
}

gboolean
lang_sizeof (ReclaimInterp *interp, ReclaimValue v, gint64 *size)
{
  if (reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) != RECLAIM_KIND_CLASS)
    {
      LangClass *cls = lang_class_of (interp, v);
      ReclaimValue method = cls->builtin ? 0 : lang_eval_class_lookup (interp, cls, "__sizeof__");
      if (method)
        return user_sizeof (interp, v, method, size);
    }
  if (scalar_sizeof (v, size))
    return TRUE;
  if (object_sizeof (interp, v, size))
    return TRUE;
  if (!lang_error_occurred (interp))
    lang_stop_not_supported (interp, "sys.getsizeof of a '%s' object",
                lang_type_name (interp, v));
  return FALSE;
}
