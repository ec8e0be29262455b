/* reclaim-eval.h: what the runtime asks of the evaluator.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-interp-private.h"

G_BEGIN_DECLS

/* Calls a Python function object (new reference or LANG_ERROR). */
ReclaimValue lang_eval_call_function (ReclaimInterp *interp, ReclaimValue func, guint nargs,
                                      const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* Calls a class: a user class makes an instance and runs __init__. */
ReclaimValue lang_eval_call_class    (ReclaimInterp *interp, LangClass *cls, guint nargs,
                                      const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* An attribute of a class or its bases (borrowed), or 0. */
ReclaimValue lang_eval_class_lookup  (ReclaimInterp *interp, LangClass *cls, const char *name);
/* obj.name, with bound methods made as CPython makes them. */
ReclaimValue lang_eval_getattr       (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                      gboolean raise_missing);
int          lang_eval_setattr       (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                      ReclaimValue v);
/* object.__setattr__: as lang_eval_setattr, but past a frozen dataclass's check */
int          lang_object_setattr     (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v);
int          lang_eval_generator_next (ReclaimInterp *interp, ReclaimValue gen, ReclaimValue *item);
/* Starts raising exc (stolen). */
void         lang_eval_set_exception (ReclaimInterp *interp, ReclaimValue exc);
/* The free function of interp->functions' entries (NULL for most ids). */
void         lang_eval_function_info_free (gpointer info);
/* The exception being handled where the script is now (sys.exc_info()[1]),
 * borrowed, or 0. */
ReclaimValue lang_handled_exception (ReclaimInterp *interp);
ReclaimValue lang_eval_exception_args (ReclaimInterp *interp, ReclaimValue exc);   /* borrowed */
const char  *lang_eval_function_qualname (ReclaimInterp *interp, ReclaimValue func_or_gen);
const char  *lang_eval_module_name   (ReclaimInterp *interp, ReclaimValue module);

/* Helpers the runtime's other files share. */
ReclaimValue lang_empty_tuple        (ReclaimInterp *interp);   /* borrowed */
gboolean     lang_dict_next_entry    (ReclaimInterp *interp, ReclaimValue dict, guint *pos,
                                      ReclaimValue *key, ReclaimValue *value);
int          lang_dict_contains      (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
/* The entry holding key: its key is in slot 2 * entry and its value in
 * the next; -1 when key is missing, -2 on error. */
gssize       lang_dict_find_entry    (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
/* The value of that entry (borrowed) while its key is still key, else 0:
 * the entry a lookup found before, tried first.  A dict's keys are
 * unique, so an entry whose key slot still holds key is key's entry. */
ReclaimValue lang_dict_entry_value   (ReclaimInterp *interp, ReclaimValue dict, guint entry, ReclaimValue key);
/* What lang_dict_set does for a key the dict holds at entry: v is stored
 * (a new reference), then the old value dropped. */
void         lang_dict_set_entry_value (ReclaimInterp *interp, ReclaimValue dict, guint entry, ReclaimValue v);
void         lang_dict_clear         (ReclaimInterp *interp, ReclaimValue dict);
void         lang_dict_add_vacant    (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
int          lang_set_contains       (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v);
GArray      *lang_set_iteration_order (ReclaimInterp *interp, ReclaimValue set);
void         lang_tables_init        (ReclaimInterp *interp);
/* Calls visit for every normalised key of every dict and set table (a
 * split table keeps the keys of deleted entries). */
void         lang_tables_visit_keys  (ReclaimInterp *interp, ReclaimValueVisitFunc visit, gpointer user_data);
ReclaimValue lang_range_iter         (ReclaimInterp *interp, gint64 start, gint64 stop, gint64 step);
/* An iterator object whose next_fn(interp, it, ...) returns the next item,
 * or LANG_ERROR with no exception set when exhausted.  It holds the
 * sources in its slots. */
ReclaimValue lang_native_iter_new    (ReclaimInterp *interp, const char *type_name, LangNativeFunc next_fn,
                                      guint nsources, const ReclaimValue *sources);
/* The same, allocated with flags (RECLAIM_ALLOC_WEAKREFS). */
ReclaimValue lang_native_iter_new_with_flags (ReclaimInterp *interp, const char *type_name, LangNativeFunc next_fn,
                                              guint nsources, const ReclaimValue *sources, ReclaimAllocFlags flags);
LangIterState *lang_iter_state       (ReclaimInterp *interp, ReclaimValue it);
/* lang_next() of an iterator whose state lang_iter_state() found: a loop
 * finds the state once, not for every item. */
int          lang_iter_state_next    (ReclaimInterp *interp, ReclaimValue it, LangIterState *state,
                                      ReclaimValue *item);
ReclaimValue lang_builtin_method     (ReclaimInterp *interp, ReclaimValue obj, const char *name);
ReclaimValue lang_unbound_method_new (ReclaimInterp *interp, LangClass *cls, const char *name);
/* A bound method object: func (any callable) called with self first. */
ReclaimValue lang_method_new (ReclaimInterp *interp, ReclaimValue func, ReclaimValue self);
LangNativeFunc lang_find_builtin_method (ReclaimInterp *interp, ReclaimValue obj, const char *name);
gboolean     lang_is_builtin_kind    (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind);
/* d[key] with a dict subclass's __missing__; list and dict repr() and
 * iter() that skip a subclass's own dunders (reclaim-protocol.c). */
ReclaimValue lang_dict_subscript     (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
char        *lang_builtin_container_repr (ReclaimInterp *interp, ReclaimValue v);
int          lang_builtin_container_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
int          lang_builtin_list_less  (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* An instance of a user class based on list or dict
 * (reclaim-container-subclass.c). */
gboolean     lang_is_container_instance (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue lang_builtin_container_iter (ReclaimInterp *interp, ReclaimValue v);

G_END_DECLS
