/* reclaim-modules-private.h: what the gc, weakref and sys modules share,
 * and the entry points the runtime calls for weak reference objects.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-modules.c                  module objects, sys, shared helpers
 * reclaim-mod-gc.c                   gc
 * reclaim-mod-weakref.c              weakref: ref, proxy, counts, finalize
 * reclaim-mod-weakref-containers.c   what the weak containers share; WeakSet
 * reclaim-mod-weakref-dicts.c        WeakValueDictionary, WeakKeyDictionary
 * reclaim-mod-operator.c             operator
 * reclaim-mod-functools.c            functools: reduce, partial
 * reclaim-mod-functools-wraps.c      functools: update_wrapper, wraps
 * reclaim-mod-functools-cache.c      functools: lru_cache, cache, cached_property
 * reclaim-mod-itertools.c            itertools
 * reclaim-mod-contextlib.c           contextlib: suppress, closing, nullcontext
 * reclaim-mod-contextlib-generator.c contextlib: contextmanager
 * reclaim-mod-contextlib-exitstack.c contextlib: ExitStack
 * reclaim-mod-collections*.c         collections: deque, defaultdict
 *
 * CPython writes finalize and the weak containers in Python
 * (Lib/weakref.py, Lib/_weakrefset.py).  Here they are classes whose
 * methods are builtin functions, but whose instances are ordinary instances
 * with the attributes CPython's have, so that they take part in reference
 * counting, cycles and gc.collect() counts the same way.
 */
#pragma once

#include "reclaim-modules.h"
#include "reclaim-weakproxy.h"
#include "reclaim-eval.h"
#include "reclaim-ast.h"

G_BEGIN_DECLS

/* ---- lent to the runtime (LangModuleHooks in reclaim-runtime.h) ------------ */

/* Calling a weak reference object: a ReferenceType (or KeyedRef) returns
 * its referent or None; a ProxyType calls its referent, or raises
 * ReferenceError once it is dead. */
ReclaimValue modules_weakref_call    (ReclaimInterp *interp, ReclaimValue weakref, guint nargs,
                                   const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* a == b when both are weak references (weakref_richcompare): the
 * referents compare when both are alive, else identity.  1, 0, or -1
 * with an exception; -2 when a or b is not a weak reference. */
int          modules_weakref_equal   (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);

/* The built-in generics (reclaim-mod-typing.c): list[int] (key: the
 * subscript), and X | Y for types, when modules_can_make_union_type(). */
ReclaimValue modules_generic_alias_new (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key);
gboolean     modules_can_make_union_type (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
ReclaimValue modules_union_type_new (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Setting or deleting an attribute of an instance of a frozen dataclass
 * (reclaim-mod-dataclasses.c): -1 with FrozenInstanceError for a field. */
int          modules_dataclass_frozen_check (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                          gboolean deleting);

/* weakref.WeakMethod (reclaim-mod-weakref-method.c) */
gboolean     modules_is_weakmethod   (ReclaimInterp *interp, ReclaimValue v);
/* Calling one: a new bound method, or None once its object or function died. */
ReclaimValue lang_weakmethod_call (ReclaimInterp *interp, ReclaimValue self, guint nargs, guint nkw);
/* a == b for two WeakMethods: 1, 0, or -1 with an exception. */
int          lang_weakmethod_equal (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Its slots _alive, _func_ref and _meth_type (new reference), or 0. */
ReclaimValue modules_weakmethod_attr (ReclaimInterp *interp, ReclaimValue self, const char *name);
void         modules_weakmethod_init (ReclaimInterp *interp, ReclaimValue ns);

/* ---- shared by the module files ---------------------------------------- */

/* A module object (kind OBJECT, label "module", slot 0 its namespace),
 * registered in interp->modules, which owns the returned reference. */
ReclaimId    modules_new_module   (ReclaimInterp *interp, const char *name, ReclaimValue ns);
/* A new namespace dict with what every module's has first (__name__, __doc__). */
ReclaimValue modules_namespace_new (ReclaimInterp *interp, const char *name);
/* Binds a builtin function, or a value (stolen), in a namespace. */
void         modules_add_function (ReclaimInterp *interp, ReclaimValue ns, const char *name, LangNativeFunc func);
void         modules_add_value    (ReclaimInterp *interp, ReclaimValue ns, const char *name, ReclaimValue v);
/* PyLong_AsLong of an int or bool argument, with CPython's TypeError. */
gboolean     modules_arg_int      (ReclaimInterp *interp, ReclaimValue v, gint64 *out);
/* The keyword arguments of a call as a new dict, in the order given. */
ReclaimValue modules_kwargs_dict  (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw,
                                   const char *const *kwnames);
/* func(*args, **kwds) for a tuple args and a dict kwds with str keys. */
ReclaimValue modules_call_with_tuple_and_dict (ReclaimInterp *interp, ReclaimValue func, ReclaimValue args,
                                               ReclaimValue kwds);
/* METH_VARARGS: CPython packs the arguments in a tuple, which is a GC
 * allocation that gc.get_count() sees.  Returns the tuple (new reference). */
ReclaimValue modules_args_tuple   (ReclaimInterp *interp, guint nargs, const ReclaimValue *args);

/* A class written in Python in CPython: instances are plain instances
 * with attributes; `dunders` (called with self as the first argument, as
 * the protocol calls a user class's methods) go in the class namespace;
 * `methods`, __init__ among them, are bound like a builtin type's.
 * Calling the class runs `constructor` (see MODULES_CONSTRUCTOR); NULL
 * for a class that is not called. */
LangClass   *modules_class_new    (ReclaimInterp *interp, const char *module, const char *name,
                                   LangNativeFunc constructor, const LangMethodDef *dunders,
                                   const LangMethodDef *methods);
/* Bases such a class on another one (made the same way) instead of object. */
void         modules_class_set_base (ReclaimInterp *interp, LangClass *cls, LangClass *base);
/* type_call for such a class: the arguments as a tuple, a new instance,
 * then the __init__ of its `methods`. */
ReclaimValue modules_construct    (ReclaimInterp *interp, const char *cls_name, guint nargs,
                                   const ReclaimValue *args, guint nkw, const char *const *kwnames);
#define MODULES_CONSTRUCTOR(fname, cls_name)                                                     \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    return modules_construct (interp, cls_name, nargs, args, nkw, kwnames);                      \
  }
/* Runs the __init__ of an instance of such a class whose __init__ did not
 * run (an instance of a user subclass): -1 with an exception on error. */
int          modules_init_instance (ReclaimInterp *interp, ReclaimValue self);

/* The instance a method of cls was called on: self for bound methods, else
 * args[0] (shifted out of *nargs / *args).  FALSE with TypeError set. */
gboolean     modules_method_self  (ReclaimInterp *interp, const char *cls_name, const char *method,
                                   ReclaimValue *self, guint *nargs, const ReclaimValue **args);
/* obj.name as a borrowed value (the instance keeps it), or 0 with AttributeError. */
ReclaimValue modules_attr         (ReclaimInterp *interp, ReclaimValue obj, const char *name);
/* Appends the reprs of items (a tuple or list) and ", key=repr" for each
 * entry of kwargs (a dict, or 0), as a call's repr lists its arguments;
 * the first item has ", " before it when after_first.  FALSE when a repr
 * raised. */
gboolean     modules_append_argument_reprs (ReclaimInterp *interp, GString *out, ReclaimValue items,
                                            ReclaimValue kwargs, gboolean after_first);

/* Does v's type support weak references (tp_weaklistoffset)? */
gboolean     modules_supports_weakrefs (ReclaimInterp *interp, ReclaimValue v);
/* weakref.ref / proxy / a subclass: TypeError for objects that cannot be
 * weakly referenced; a callback of None counts as none. */
ReclaimValue modules_weakref_new  (ReclaimInterp *interp, ReclaimKind kind, ReclaimValue referent,
                                   ReclaimValue callback, ReclaimId subclass);

/* KeyedRef(ob, callback, key), as a WeakValueDictionary stores its values. */
ReclaimValue modules_keyedref_new (ReclaimInterp *interp, ReclaimValue ob, ReclaimValue callback,
                                   ReclaimValue key);
/* The key a KeyedRef was made with (borrowed), or 0. */
ReclaimValue modules_keyedref_key (ReclaimInterp *interp, ReclaimValue wr);

/* ---- the weak containers -------------------------------------------------- */

#define MODULES_WVD      "WeakValueDictionary"
#define MODULES_WKD      "WeakKeyDictionary"
#define MODULES_WEAKSET  "WeakSet"

/* self (see modules_method_self), then its `data` (borrowed). */
gboolean     modules_weak_self    (ReclaimInterp *interp, const char *cls, const char *method,
                                   ReclaimValue *self, guint *nargs, const ReclaimValue **args,
                                   ReclaimValue *data);
/* The argument count of a method written in Python (self not counted). */
gboolean     modules_weak_args    (ReclaimInterp *interp, const char *name, guint nargs, guint min,
                                   guint max, guint nkw);
/* The referent of a weakref, 0 if dead or not a weakref. */
ReclaimId    modules_weak_referent (ReclaimInterp *interp, ReclaimValue wr);
/* The weakref to obj that `data` (a dict keyed by weakrefs, or a set of
 * them) holds, or 0 (borrowed). */
ReclaimValue modules_weak_find    (ReclaimInterp *interp, ReclaimValue data, ReclaimValue obj);
/* ref(obj), as python3's lookups make it (new reference or LANG_ERROR). */
ReclaimValue modules_weak_probe   (ReclaimInterp *interp, ReclaimValue obj);
/* self.name = v (v stolen). */
void         modules_weak_set_attr (ReclaimInterp *interp, ReclaimValue self, const char *name, ReclaimValue v);
/* `def remove(wr, selfref=ref(self))`: a builtin function holding a weak
 * reference to its container (new reference or LANG_ERROR). */
ReclaimValue modules_weak_make_remove (ReclaimInterp *interp, ReclaimValue self, const char *name,
                                       LangNativeFunc func);
/* The body of such a function: if the container is alive and an argument
 * was given, drop takes the argument's entry out of container.data while
 * both are held.  drop returns 0, or -1 with an exception. */
typedef int (*ModulesDropFunc) (ReclaimInterp *interp, ReclaimValue data, ReclaimValue arg);
ReclaimValue modules_weak_remove_call (ReclaimInterp *interp, ReclaimValue selfref, guint nargs,
                                       const ReclaimValue *args, ModulesDropFunc drop);
/* self._remove = remove (stolen); self._pending_removals; self._iterating. */
void         modules_weak_init_bookkeeping (ReclaimInterp *interp, ReclaimValue self, ReclaimValue remove);
/* "<WeakValueDictionary at 0x...>" */
ReclaimValue modules_weak_repr    (ReclaimInterp *interp, ReclaimValue self);
ReclaimValue modules_weak_pair    (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);

/* Calls func for each (key, value) of a dict or an iterable of pairs, or
 * of the keyword arguments: 0, or -1 with an exception. */
typedef int (*ModulesPairFunc) (ReclaimInterp *interp, ReclaimValue self, ReclaimValue key, ReclaimValue value);
int          modules_weak_for_each_pair  (ReclaimInterp *interp, ReclaimValue self, ReclaimValue other,
                                          ModulesPairFunc func);
int          modules_weak_for_each_kwarg (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                          const ReclaimValue *args, guint nkw, const char *const *kwnames,
                                          ModulesPairFunc func);

/* The generators of keys(), values(), items() and __iter__. */
typedef enum {
  ITER_WVD_KEYS, ITER_WVD_VALUES, ITER_WVD_ITEMS,
  ITER_WKD_KEYS, ITER_WKD_VALUES, ITER_WKD_ITEMS,
  ITER_WEAKSET,
} ModulesWeakIterMode;

ReclaimValue modules_weak_iter_new (ReclaimInterp *interp, ReclaimValue self, ModulesWeakIterMode mode);

/* Defines a method returning a generator over self. */
#define MODULES_WEAK_ITER_METHOD(fname, cls, method, mode)                                       \
  static ReclaimValue                                                                            \
  fname (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,        \
         guint nkw, const char *const *kwnames)                                                  \
  {                                                                                              \
    ReclaimValue data;                                                                           \
    if (!modules_weak_self (interp, cls, method, &self, &nargs, &args, &data) ||                 \
        !modules_weak_args (interp, method, nargs, 0, 0, nkw))                                   \
      return LANG_ERROR;                                                                         \
    return modules_weak_iter_new (interp, self, mode);                                           \
  }

extern const LangMethodDef modules_wvd_dunders[];
extern const LangMethodDef modules_wvd_methods[];
extern const LangMethodDef modules_wkd_dunders[];
extern const LangMethodDef modules_wkd_methods[];

void         modules_gc_init      (ReclaimInterp *interp);
/* sys.getsizeof (reclaim-mod-sys-getsizeof.c) */
ReclaimValue modules_sys_getsizeof (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                    const ReclaimValue *args, guint nkw, const char *const *kwnames);
void         modules_operator_init (ReclaimInterp *interp);
void         modules_functools_init (ReclaimInterp *interp);
void         modules_itertools_init (ReclaimInterp *interp);
void         modules_itertools_shared_init (ReclaimInterp *interp, ReclaimValue ns);
void         modules_contextlib_init (ReclaimInterp *interp);
/* update_wrapper, wraps and their constants, bound in functools' namespace */
void         modules_functools_add_wraps (ReclaimInterp *interp, ReclaimValue ns);
/* update_wrapper(wrapper, wrapped): a new reference to wrapper, or LANG_ERROR */
ReclaimValue modules_functools_update_wrapper (ReclaimInterp *interp, ReclaimValue wrapper, ReclaimValue wrapped);
/* lru_cache, cache, cached_property, bound in functools' namespace */
void         modules_functools_add_caches (ReclaimInterp *interp, ReclaimValue ns);
void         modules_functools_add_ordering (ReclaimInterp *interp, ReclaimValue ns);
/* contextmanager and _GeneratorContextManager, bound in contextlib's namespace */
void         modules_contextlib_add_contextmanager (ReclaimInterp *interp, ReclaimValue ns);
#define MODULES_GCM "_GeneratorContextManager"
/* ContextDecorator, in ns; returned for _GeneratorContextManager's base */
LangClass   *modules_contextlib_add_decorator (ReclaimInterp *interp, ReclaimValue ns);
/* What @contextmanager gives back for func (new reference or LANG_ERROR). */
ReclaimValue modules_contextlib_helper_new (ReclaimInterp *interp, ReclaimValue func);
/* ExitStack, bound in contextlib's namespace */
void         modules_contextlib_add_exit_stack (ReclaimInterp *interp, ReclaimValue ns);
void         modules_collections_init (ReclaimInterp *interp);
void         modules_typing_init  (ReclaimInterp *interp);
void         modules_dataclasses_init (ReclaimInterp *interp);
void         modules_pprint_init  (ReclaimInterp *interp);
void         modules_weakref_init (ReclaimInterp *interp);
void         modules_weakref_containers_init (ReclaimInterp *interp, ReclaimValue ns);

G_END_DECLS
