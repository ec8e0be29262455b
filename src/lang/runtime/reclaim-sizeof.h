/* reclaim-sizeof.h: what sys.getsizeof says of an object (reclaim-sizeof.c),
 * and the allocation history of lists, dicts, sets and deques it depends
 * on (reclaim-capacity.c).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-interp-private.h"

G_BEGIN_DECLS

/* The bytes python3 3.11.7 (64-bit) gives for v in sys.getsizeof: the
 * type's __sizeof__ plus the GC header of the objects the collector
 * tracks.  FALSE with an exception for an object whose size Reclaim does
 * not follow ("not supported in Reclaim: ..."). */
gboolean     lang_sizeof              (ReclaimInterp *interp, ReclaimValue v, gint64 *size);

/* ---- lists: the capacity the engine keeps (reclaim_heap_get_capacity) --- */
/* the items a capacity has room for (RECLAIM_CAPACITY_NO_ITEMS: none) */
guint64      lang_list_allocated      (guint32 cap);
/* list_extend's guess of how many items iterable gives: its length, 8 for
 * what has neither a length nor a hint (a generator, map, zip ...), -1
 * when Reclaim cannot tell. */
gint64       lang_list_extend_hint    (ReclaimInterp *interp, ReclaimValue iterable);
/* The same, telling whether it is a length (not the default 8). */
gint64       lang_list_extend_hint_full (ReclaimInterp *interp, ReclaimValue iterable, gboolean *sized);
/* The capacity after list_extend added count items to a list of size m
 * and capacity cap: from a list or tuple (exact), else guided by hint. */
guint32      lang_list_extend_capacity (guint32 cap, guint m, gboolean from_sequence, gint64 hint,
                                        guint count);
/* Around code that adds the items of iterable to list as list_extend
 * does (list.extend, list(), +=, [*xs]): the capacity is set once they
 * are in, or left unknown when ok is FALSE (the room made stays). */
typedef struct {
  guint32  cap;
  guint    m;
  gboolean from_sequence;
  gint64   hint;
} LangListExtend;
void         lang_list_extend_begin   (ReclaimInterp *interp, ReclaimValue list, ReclaimValue iterable,
                                       LangListExtend *e);
void         lang_list_extend_end     (ReclaimInterp *interp, ReclaimValue list, const LangListExtend *e,
                                       gboolean ok);
/* del lst[i] and lst.remove(x) go through list_ass_slice, which frees
 * the item array of a list it empties (pop() keeps it): call after. */
void         lang_list_emptied_by_slice (ReclaimInterp *interp, ReclaimValue list);
/* The capacity of a list display: [] and [a, b] take exactly their
 * items, [1, 2, 3] is a folded tuple extended into an empty list, more
 * than 30 items are appended one by one. */
guint32      lang_list_display_capacity (guint n, gboolean all_constant, gboolean maybe_folded);

/* ---- dicts -------------------------------------------------------------- */
/* USABLE_FRACTION: the entries a table of size slots takes, two thirds */
gint64       lang_keys_usable_fraction (gint64 size);
/* whether its keys table is followed (not an instance's split __dict__) */
gboolean     lang_keys_dict_followed  (const LangTable *t);
/* the keys a class shares with its instances' __dict__s: room for 30 names */
#define LANG_SHARED_KEYS_MAX_SIZE 30
guint        lang_keys_shared_names   (LangClass *cls);
/* insertdict for a key not in the dict (t->used still counts the old entries) */
void         lang_keys_dict_insert    (LangTable *t, ReclaimValue key);
/* a display of n pairs (_PyDict_FromItems): presized past 5 */
void         lang_keys_dict_presize   (LangTable *t, guint n, gboolean general);
/* dict_merge of the dict src into dst, before the entries are copied:
 * resizes dst once, or returns TRUE and fills *clone with the table dst
 * gets once they are (src's table copied whole). */
gboolean     lang_keys_dict_merge_begin (LangTable *dst, const LangTable *src, LangKeys *clone);
/* dict.copy(): TRUE and *clone when the table is copied whole */
gboolean     lang_keys_dict_copy_clones (const LangTable *src, LangKeys *clone);
/* popitem() took the last entry */
void         lang_keys_dict_popitem   (LangTable *t);
/* object_new of a class whose instances have a __dict__: the new
 * instance takes one entry of room from the keys the class shares */
void         lang_keys_instance_made  (LangClass *cls);

/* ---- sets --------------------------------------------------------------- */
void         lang_keys_set_insert     (LangTable *t);
void         lang_keys_set_remove     (LangTable *t);
/* set_update_internal from a set or dict of n items, before they are
 * added: presizes; TRUE and *after when they go in without the usual
 * checks (an empty set filled from a set). */
gboolean     lang_keys_set_update_begin (LangTable *t, guint n, gboolean from_set, LangKeys *after);

/* a set display of constants, built of one folded frozenset (maybe: the
 * compiler may fold them, Reclaim does not follow) */
void         lang_keys_set_folded     (LangTable *t, gboolean maybe);

/* ---- deques: where the items start in the first block of 64 ---------- */
#define LANG_DEQUE_BLOCKLEN 64
#define LANG_DEQUE_CENTER 32   /* a new or emptied deque: CENTER + 1 */
void         lang_deque_set_left      (LangTable *t, guint left);
void         lang_deque_forget        (LangTable *t);
/* an item put in or taken out at the left or right end; n is the length after */
void         lang_deque_pushed        (LangTable *t, gboolean left);
void         lang_deque_taken         (LangTable *t, gboolean left, guint n);
/* deque_extend of an empty deque starts it at the left (right for extendleft) */
void         lang_deque_extend_empty  (LangTable *t, gboolean left);

/* dict.clear(), set.clear(): the shared empty keys, the inline table */
void         lang_keys_reset          (LangTable *t);
/* a dict or set made or changed in a way that is not followed */
void         lang_keys_forget         (ReclaimInterp *interp, ReclaimId obj);

G_END_DECLS
