/* reclaim-sizeof.c: sys.getsizeof, as python3 3.11.7 on a 64-bit machine
 * answers it, and the allocation history it needs: how much room a list
 * has (Objects/listobject.c), how big a dict's keys table is
 * (Objects/dictobject.c) and a set's table (Objects/setobject.c).
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

/* ---- lists ------------------------------------------------------------- */

static guint32
even_items (guint64 n)
{
  /* list_preallocate_exact: malloc's 16-byte granularity makes an odd
   * count free to round up */
  return (guint32) MIN ((n + 1) & ~(guint64) 1, RECLAIM_CAPACITY_NO_ITEMS - 1);
}

static guint64
allocated (guint32 cap)
{
  return cap == RECLAIM_CAPACITY_NO_ITEMS ? 0 : cap;
}

guint32
lang_list_extend_capacity (guint32 cap, guint m, gboolean from_sequence, gint64 hint, guint count)
{
  if (cap == RECLAIM_CAPACITY_UNKNOWN)
    return cap;
  if (from_sequence)
    {
      if (count == 0)
        return cap;
      return cap == RECLAIM_CAPACITY_NO_ITEMS ? even_items (count) : reclaim_list_resize (cap, m, m + count);
    }
  if (hint < 0)
    return RECLAIM_CAPACITY_UNKNOWN;
  if (cap == RECLAIM_CAPACITY_NO_ITEMS)
    cap = hint > 0 ? even_items (hint) : cap;
  else
    cap = reclaim_list_resize (cap, m, (guint32) MIN ((guint64) m + hint, G_MAXUINT32 - 2));
  /* the items go into the room made, then one append at a time */
  guint64 size = m;
  for (guint i = 0; i < count; i++, size++)
    if (size >= allocated (cap))
      cap = reclaim_list_resize (cap, size, size + 1);
  /* and the guess is cut back when it was more than twice too big */
  if (size < allocated (cap))
    cap = reclaim_list_resize (cap, size, size);
  return cap;
}

guint32
lang_list_display_capacity (guint n, gboolean all_constant, gboolean maybe_folded)
{
  if (maybe_folded)
    return RECLAIM_CAPACITY_UNKNOWN;   /* [-1, 2**8, 3]: what the compiler folds is not modelled */
  if (n > 2 && all_constant)
    return even_items (n);             /* BUILD_LIST 0; LIST_EXTEND of the folded tuple */
  if (n == 0)
    return RECLAIM_CAPACITY_NO_ITEMS;
  if (n <= 30)
    return n;                          /* BUILD_LIST n */
  guint32 cap = RECLAIM_CAPACITY_NO_ITEMS;   /* BUILD_LIST 0, then LIST_APPEND each */
  for (guint i = 0; i < n; i++)
    cap = reclaim_list_resize (cap, i, i + 1);
  return cap;
}

static gboolean
class_defines (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  for (LangClass *c = cls; c && !c->builtin; c = c->base)
    if (lang_eval_class_lookup (interp, c, name))
      return TRUE;
  return FALSE;
}

gint64
lang_list_extend_hint (ReclaimInterp *interp, ReclaimValue iterable)
{
  gboolean sized;
  return lang_list_extend_hint_full (interp, iterable, &sized);
}

gint64
lang_list_extend_hint_full (ReclaimInterp *interp, ReclaimValue iterable, gboolean *sized)
{
  static const char *const unhinted[] = { "generator", "map", "filter", "zip", "enumerate", NULL };
  static const char *const sized_types[] = { "range", "dict_keys", "dict_values", "dict_items", NULL };

  *sized = TRUE;
  if (scalar_type (iterable) == SCALAR_STR)
    return scalar_str_length (iterable);
  if (scalar_type (iterable) == SCALAR_BYTES)
    {
      gsize len;
      scalar_get_bytes (iterable, &len);
      return len;
    }
  if (!reclaim_value_is_object (iterable))
    return -1;
  LangClass *cls = lang_class_of (interp, iterable);
  ReclaimKind kind = reclaim_heap_get_kind (interp->heap, iterable);
  if (!cls->builtin)
    {
      if (class_defines (interp, cls, "__len__") || class_defines (interp, cls, "__length_hint__"))
        return -1;   /* its own __len__ would run a second time */
      *sized = FALSE;
      if (kind == RECLAIM_KIND_INSTANCE)
        return 8;
      *sized = TRUE;
    }
  if (kind == RECLAIM_KIND_GENERATOR || g_strv_contains (unhinted, cls->name))
    {
      *sized = FALSE;
      return 8;
    }
  if (kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE || kind == RECLAIM_KIND_DICT ||
      kind == RECLAIM_KIND_SET || kind == RECLAIM_KIND_DEQUE || g_strv_contains (sized_types, cls->name))
    {
      gssize n = lang_length (interp, iterable);
      if (n < 0)
        lang_error_clear (interp);
      return n;
    }
  return -1;   /* an iterator's __length_hint__ is not modelled */
}

void
lang_list_extend_begin (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable, LangListExtend *e)
{
  ReclaimKind kind = reclaim_value_is_object (iterable) ? reclaim_heap_get_kind (interp->heap, iterable)
                                                        : RECLAIM_N_KINDS;
  e->cap = reclaim_heap_get_capacity (interp->heap, list);
  e->m = reclaim_heap_n_slots (interp->heap, list);
  e->from_sequence = iterable == list || ((kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE) &&
                                          lang_class_of (interp, iterable)->builtin);
  e->hint = e->from_sequence || e->cap == RECLAIM_CAPACITY_UNKNOWN ? 0 : lang_list_extend_hint (interp, iterable);
  /* the items go into room made beforehand, not one list_resize each */
  reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_UNKNOWN);
}

void
lang_list_extend_end (ReclaimInterp *interp, ReclaimValue list, const LangListExtend *e, gboolean ok)
{
  guint n = reclaim_heap_n_slots (interp->heap, list);
  guint32 cap = RECLAIM_CAPACITY_UNKNOWN;
  if (ok && n >= e->m)
    cap = lang_list_extend_capacity (e->cap, e->m, e->from_sequence, e->hint, n - e->m);
  reclaim_heap_set_capacity (interp->heap, list, cap);
}

void
lang_list_emptied_by_slice (ReclaimInterp *interp, ReclaimValue list)
{
  if (reclaim_heap_n_slots (interp->heap, list) == 0 &&
      reclaim_heap_get_capacity (interp->heap, list) != RECLAIM_CAPACITY_UNKNOWN)
    reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_NO_ITEMS);
}

static gboolean
list_sizeof (ReclaimInterp *interp, ReclaimValue list, gint64 base, gint64 *size)
{
  guint32 cap = reclaim_heap_get_capacity (interp->heap, list);
  if (cap == RECLAIM_CAPACITY_UNKNOWN)
    {
      lang_raise (interp, "RuntimeError", "not supported in Reclaim: sys.getsizeof of a list made or changed "
                  "by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = base + 8 * (gint64) allocated (cap);
  return TRUE;
}

/* ---- dicts ------------------------------------------------------------- */

#define DICT_LOG_MINSIZE 3

static gint64
usable_fraction (gint64 size)
{
  return (size << 1) / 3;
}

/* calculate_log2_keysize, bit for bit: ((minsize | 8) - 1) | 7, its bit
 * length; so 1 to 7 give 16 entries, not 8 */
static guint8
log2_keysize (guint64 minsize)
{
  guint64 bits = ((minsize | 8) - 1) | 7;
  guint8 n = 0;
  while (bits)
    {
      n++;
      bits >>= 1;
    }
  return n;
}

static guint8
estimate_log2_keysize (guint64 n)
{
  return log2_keysize ((n * 3 + 1) / 2);
}

static void
dict_resize (LangKeys *k, guint8 log2, gboolean unicode, guint used)
{
  k->log2 = log2;
  k->general = k->general || !unicode;
  k->usable = usable_fraction ((gint64) 1 << log2) - used;
  k->nentries = used;
}

void
lang_keys_dict_insert (LangTable *t, ReclaimValue key)
{
  LangKeys *k = &t->keys;
  gboolean is_str = scalar_type (key) == SCALAR_STR;

  if (t->split)
    k->unknown = TRUE;   /* a new name in an instance's __dict__: the shared keys may be full */
  if (k->unknown)
    return;
  if (k->log2 == 0)
    {
      /* insert_to_emptydict: a first table of 8, of the key's kind */
      k->log2 = DICT_LOG_MINSIZE;
      k->general = !is_str;
      k->usable = usable_fraction (1 << DICT_LOG_MINSIZE);
      k->nentries = 0;
    }
  else
    {
      /* a str-only table takes another key only after a resize; a full
       * one grows to three times what it holds */
      if (!k->general && !is_str)
        dict_resize (k, log2_keysize ((guint64) t->used * 3), FALSE, t->used);
      if (k->usable <= 0)
        dict_resize (k, log2_keysize ((guint64) t->used * 3), TRUE, t->used);
    }
  k->usable--;
  k->nentries++;
}

void
lang_keys_dict_presize (LangTable *t, guint n, gboolean general)
{
  if (n <= usable_fraction (1 << DICT_LOG_MINSIZE))
    return;   /* dict_new_presized: a plain new dict */
  t->keys.log2 = estimate_log2_keysize (n);
  t->keys.general = general;
  t->keys.usable = usable_fraction ((gint64) 1 << t->keys.log2);
  t->keys.nentries = 0;
}

static gboolean
dict_keys_followed (const LangTable *t)
{
  return !t->keys.unknown && !t->split;
}

gboolean
lang_keys_dict_merge_begin (LangTable *dst, const LangTable *src, LangKeys *clone)
{
  if (dst == src || src->used == 0)
    return FALSE;
  if (!dict_keys_followed (src))
    {
      dst->keys.unknown = TRUE;
      return FALSE;
    }
  /* an empty dict takes a dense table as it is */
  if (dst->used == 0 && src->used == src->keys.nentries &&
      (src->keys.log2 == DICT_LOG_MINSIZE || usable_fraction (((gint64) 1 << src->keys.log2) / 2) < src->used))
    {
      *clone = src->keys;
      return TRUE;
    }
  /* else one resize for all that comes */
  gint64 size = dst->keys.log2 ? (gint64) 1 << dst->keys.log2 : 1;
  if (!dst->keys.unknown && usable_fraction (size) < src->used)
    dict_resize (&dst->keys, estimate_log2_keysize ((guint64) dst->used + src->used), !src->keys.general,
                 dst->used);
  return FALSE;
}

gboolean
lang_keys_dict_copy_clones (const LangTable *src, LangKeys *clone)
{
  if (!dict_keys_followed (src) || src->used == 0 || src->used < (src->keys.nentries * 2) / 3)
    return FALSE;
  *clone = src->keys;
  return TRUE;
}

void
lang_keys_dict_popitem (LangTable *t)
{
  /* the entry count goes back to the popped entry, past deleted ones
   * after it, which Reclaim does not place */
  if (t->keys.nentries == t->used)
    t->keys.nentries--;
  else
    t->keys.unknown = TRUE;
}

/* A class's shared keys: 64 slots, room for 30 names less one for each
 * instance made while more than one was left. */
#define SHARED_KEYS_MAX_SIZE 30

static guint
shared_key_names (LangClass *cls)
{
  return cls->keys ? cls->keys->len : 0;
}

void
lang_keys_instance_made (LangClass *cls)
{
  if (SHARED_KEYS_MAX_SIZE - (gint64) cls->shared_keys_taken - shared_key_names (cls) > 1)
    cls->shared_keys_taken++;
}

/* An instance's __dict__ keeps its values beside the class's keys: one
 * pointer for each name the keys have or have room for. */
static gboolean
split_dict_sizeof (ReclaimInterp *interp, const LangTable *t, gint64 *size)
{
  LangClass *cls = t->keys.shared_by ? lang_class_get (interp, t->keys.shared_by) : NULL;
  if (cls == NULL || cls->is_exception || shared_key_names (cls) + cls->shared_keys_taken > SHARED_KEYS_MAX_SIZE)
    return FALSE;   /* the keys overflowed: python3 made the dict a plain one */
  *size = 48 + GC_HEADER + 8 * (gint64) (SHARED_KEYS_MAX_SIZE - cls->shared_keys_taken);
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
  if (!dict_keys_followed (t) || (reclaim_heap_get_alloc_flags (interp->heap, dict) & RECLAIM_ALLOC_ROOT))
    {
      lang_raise (interp, "RuntimeError", "not supported in Reclaim: sys.getsizeof of %s",
                  t->split ? "an instance's __dict__ given a new name, or of an exception"
                           : "a dict made or changed by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = base;
  if (t->keys.log2)
    {
      gint64 entries = (gint64) 1 << t->keys.log2;
      *size += 32 + index_bytes (t->keys.log2) * entries + usable_fraction (entries) * (t->keys.general ? 24 : 16);
    }
  return TRUE;
}

/* ---- sets -------------------------------------------------------------- */

#define SET_MINSIZE 8

static void
set_resize (LangKeys *k, guint64 minused, guint used)
{
  guint8 log2 = 3;
  while (((guint64) 1 << log2) <= minused)
    log2++;
  k->log2 = log2 == 3 ? 0 : log2;   /* back to the inline table */
  k->fill = used;
  k->dummies = FALSE;
}

static guint64
set_mask (const LangKeys *k)
{
  return ((guint64) 1 << (k->log2 ? k->log2 : 3)) - 1;
}

void
lang_keys_set_insert (LangTable *t)
{
  LangKeys *k = &t->keys;
  if (k->unknown)
    return;
  if (k->dummies)
    {
      k->unknown = TRUE;   /* whether the new key lands on a deleted slot depends on its hash */
      return;
    }
  guint used = t->used + 1;
  k->fill++;
  if ((guint64) k->fill * 5 >= set_mask (k) * 3)
    set_resize (k, used > 50000 ? (guint64) used * 2 : (guint64) used * 4, used);
}

void
lang_keys_set_remove (LangTable *t)
{
  t->keys.dummies = TRUE;
}

gboolean
lang_keys_set_update_begin (LangTable *t, guint n, gboolean from_set, LangKeys *after)
{
  LangKeys *k = &t->keys;
  if (k->unknown || n == 0)
    return FALSE;
  if ((guint64) (k->fill + n) * 5 >= set_mask (k) * 3)
    set_resize (k, ((guint64) t->used + n) * 2, t->used);
  if (!from_set || k->fill != 0)
    return FALSE;
  /* set_merge into an empty table: no checks, no resize on the way */
  *after = *k;
  after->fill = n;
  return TRUE;
}

void
lang_keys_set_folded (LangTable *t, gboolean maybe)
{
  LangKeys after;
  guint used = t->used;
  lang_keys_reset (t);
  t->keys.unknown = maybe;
  t->used = 0;
  if (lang_keys_set_update_begin (t, used, TRUE, &after))
    t->keys = after;
  t->used = used;
}

void
lang_keys_reset (LangTable *t)
{
  memset (&t->keys, 0, sizeof t->keys);
}

void
lang_keys_forget (ReclaimInterp *interp, ReclaimId obj)
{
  lang_table_get (interp, obj)->keys.unknown = TRUE;
}

static gboolean
set_sizeof (ReclaimInterp *interp, ReclaimValue set, gint64 *size)
{
  LangTable *t = lang_table_get (interp, set);
  if (t->keys.unknown)
    {
      lang_raise (interp, "RuntimeError", "not supported in Reclaim: sys.getsizeof of a set that reused the "
                  "slot of a deleted item, or was made by an operation whose allocation Reclaim does not follow");
      return FALSE;
    }
  *size = 200 + GC_HEADER + (t->keys.log2 ? (gint64) 16 << t->keys.log2 : 0);
  return TRUE;
}

/* ---- deques ------------------------------------------------------------ */

#define BLOCKLEN 64

void
lang_deque_set_left (LangTable *t, guint left)
{
  t->keys.deque_left = left + 1;
}

void
lang_deque_forget (LangTable *t)
{
  t->keys.deque_left = 0;
}

void
lang_deque_pushed (LangTable *t, gboolean left)
{
  /* appendleft steps into a new block once the first one is full */
  if (left && t->keys.deque_left)
    t->keys.deque_left = (t->keys.deque_left == 1 ? BLOCKLEN : t->keys.deque_left - 1);
}

void
lang_deque_taken (LangTable *t, gboolean left, guint n)
{
  guint index = t->keys.deque_left - 1;
  if (t->keys.deque_left == 0)
    return;
  if (left)
    {
      /* popleft frees an emptied first block, or re-centers an empty deque */
      index++;
      if (index == BLOCKLEN)
        index = n ? 0 : LANG_DEQUE_CENTER;
    }
  else if (n == 0 && index == 0)
    index = LANG_DEQUE_CENTER;   /* pop of the last item at the start of a block */
  lang_deque_set_left (t, index);
}

void
lang_deque_extend_empty (LangTable *t, gboolean left)
{
  if (t->keys.deque_left)
    lang_deque_set_left (t, left ? BLOCKLEN - 1 : 1);
}

static gboolean
deque_sizeof (ReclaimInterp *interp, ReclaimValue d, gint64 *size)
{
  LangTable *t = lang_table_get (interp, d);
  if (t->keys.deque_left == 0)
    {
      lang_raise (interp, "RuntimeError", "not supported in Reclaim: sys.getsizeof of a deque changed in its middle "
                  "(insert, remove, del) or repeated past its maxlen");
      return FALSE;
    }
  guint64 blocks = (t->keys.deque_left - 1 + (guint64) reclaim_heap_n_slots (interp->heap, d) + BLOCKLEN - 1) / BLOCKLEN;
  *size = 200 + GC_HEADER + 16 + (gint64) blocks * (BLOCKLEN * 8 + 16);
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
    lang_raise (interp, "RuntimeError", "not supported in Reclaim: sys.getsizeof of a '%s' object",
                lang_type_name (interp, v));
  return FALSE;
}
