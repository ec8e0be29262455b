/* reclaim-mod-collections-private.h: what the files of the collections
 * module share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-mod-collections.c         the module; the helpers below
 * reclaim-mod-collections-deque.c   deque
 * reclaim-mod-collections-deque-ops.c  insert, reversed(), its operators
 * reclaim-mod-collections-dicts.c   defaultdict, OrderedDict
 * reclaim-mod-collections-counter.c Counter
 * reclaim-mod-collections-counter-ops.c  its operators
 * reclaim-mod-collections-namedtuple.c  namedtuple
 * reclaim-mod-collections-tuplegetter.c  its classes' _make and Point.x
 */
#pragma once

#include "reclaim-modules-private.h"

G_BEGIN_DECLS

/* The instance of type_name a method was called on: self when bound, else
 * args[0], shifted out of *nargs / *args.  FALSE with TypeError. */
gboolean     collections_self     (ReclaimInterp *interp, const char *type_name, const char *method,
                                   ReclaimValue *self, guint *nargs, const ReclaimValue **args);
/* "Counter" for "collections.Counter", as __name__ and the reprs say it. */
const char  *collections_short_name (const char *type_name);
/* A new, empty instance of a dict subclass of this module (kind DICT, its
 * class the type).  It holds its type, as instances of a class written in
 * Python (Counter) do in python3; the C types' instances do not.  With
 * `weakrefs`, it can be weakly referenced (OrderedDict, Counter). */
ReclaimValue collections_dict_alloc (ReclaimInterp *interp, const char *type_name, gboolean weakrefs);
/* dict.update(dict, *args, **kwargs) */
ReclaimValue collections_dict_update (ReclaimInterp *interp, ReclaimValue dict, guint nargs,
                                      const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* dict_equal: the same keys with equal values, in any order (1, 0, -1). */
/* cls.name = classmethod(func): func gets the class as args[0]. */
void         collections_add_classmethod (ReclaimInterp *interp, LangClass *cls, const char *name,
                                          LangNativeFunc func);
/* NotImplemented (new reference). */
ReclaimValue collections_not_implemented (ReclaimInterp *interp);

/* The deque's own operations that reclaim-mod-collections-deque-ops.c uses. */
gboolean     collections_is_deque (ReclaimInterp *interp, ReclaimValue v);
/* deque_append_internal / deque_appendleft_internal: steals the item */
void         collections_deque_push_right (ReclaimInterp *interp, ReclaimValue d, ReclaimValue stolen);
void         collections_deque_push_left (ReclaimInterp *interp, ReclaimValue d, ReclaimValue stolen);
/* deque.extend / extendleft: 0, or -1 with an exception */
int          collections_deque_extend (ReclaimInterp *interp, ReclaimValue d, ReclaimValue iterable,
                                       gboolean left);
void         collections_deque_clear (ReclaimInterp *interp, ReclaimValue d);
/* deque(d, d.maxlen) (new reference) */
ReclaimValue collections_deque_copy (ReclaimInterp *interp, ReclaimValue d);
/* insert, reversed(), + * += *= and < <= > >= join the deque type */
void         collections_deque_ops_init (ReclaimInterp *interp, LangClass *deque);

void         collections_deque_init (ReclaimInterp *interp, ReclaimValue ns);
void         collections_dicts_init (ReclaimInterp *interp, ReclaimValue ns);
/* counter[key] as Counter.__missing__ answers it: 0 when missing (new
 * reference). */
ReclaimValue collections_counter_count (ReclaimInterp *interp, ReclaimValue counter, ReclaimValue key);
/* Counter() (new reference) */
ReclaimValue collections_counter_new (ReclaimInterp *interp);
/* + - | & (also in place), unary + -, fromkeys join the Counter type */
void         collections_counter_ops_init (ReclaimInterp *interp, LangClass *counter);
void         collections_counter_init (ReclaimInterp *interp, ReclaimValue ns);
/* A named tuple class's _make and its fields' _tuplegetters, in its
 * namespace. */
void         collections_named_class_fill (ReclaimInterp *interp, LangClass *cls, ReclaimValue fields);
void         collections_tuplegetter_init (ReclaimInterp *interp);
void         collections_namedtuple_init (ReclaimInterp *interp, ReclaimValue ns);

G_END_DECLS
