/* reclaim-runtime.h: the interpreter's object model, for the evaluator,
 * the builtins and the gc, weakref and sys modules.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conventions, as in CPython's C API:
 * - A function returning a ReclaimValue returns a NEW reference, or
 *   LANG_ERROR (0) after setting an exception with lang_raise().
 * - Functions returning int return 0 or 1 for false/true, -1 on error.
 * - Arguments are BORROWED unless the parameter is documented as stolen.
 * Values that are not heap objects (None, bool, int, float, str) are
 * immediates (reclaim-scalar.h): increfs and decrefs ignore them.
 */
#pragma once

#include "reclaim-interp.h"
#include "reclaim-scalar.h"

G_BEGIN_DECLS

#define LANG_ERROR RECLAIM_VALUE_NONE

/* A builtin function or method.  args holds nargs positional arguments
 * followed by nkw keyword arguments named by kwnames.  self is the bound
 * object for methods, 0 for plain functions. */
typedef ReclaimValue (*LangNativeFunc) (ReclaimInterp      *interp,
                                        ReclaimValue        self,
                                        guint               nargs,
                                        const ReclaimValue *args,
                                        guint               nkw,
                                        const char *const  *kwnames);

typedef struct {
  const char     *name;
  LangNativeFunc  func;
} LangMethodDef;

/* A class: a user class or a builtin type.  Every class is a heap object
 * of kind RECLAIM_KIND_CLASS; this is what the interpreter knows of it. */
typedef struct _LangClass LangClass;
#define LANG_KNOWN_KEYS 8
struct _LangClass {
  ReclaimId    id;
  char        *name;
  char        *qualname;       /* user classes: __qualname__ (A.B for a class B in A); else NULL */
  LangClass   *base;           /* NULL for object */
  ReclaimId    ns;             /* the class namespace: a dict of attributes and methods */
  GPtrArray   *keys;           /* instance attribute names in shared-key order (user classes) */
  GHashTable  *key_index;      /* name -> position in keys + 1 */
  GArray      *key_labels;     /* guint32: keys interned (reclaim_intern), once there are keys */
  /* the first keys first set under an interned name (reclaim_name_is_interned),
   * with their positions in keys: found by address before key_index is asked */
  const char  *known_names[LANG_KNOWN_KEYS];
  guint        known_positions[LANG_KNOWN_KEYS];
  guint        n_known;
  GHashTable  *methods;        /* builtin types: name -> LangNativeFunc */
  gboolean     builtin;
  ReclaimKind  instance_kind;  /* kind of the instances' heap objects */
  ScalarType   scalar;         /* int, str...: the type of immediate values; else SCALAR_NOT_SCALAR */
  LangNativeFunc construct;    /* builtin types: what calling the type does */
  gboolean     has_del;        /* user classes: __del__ defined in the class or a base */
  gboolean     is_exception;
  GPtrArray   *slot_names;     /* user classes with __slots__: their own names, sorted; else NULL */
  gboolean     has_weakref_slot; /* '__weakref__' in the __slots__ of the class or a base */
  /* classes a module makes whose instances are non-data descriptors
   * (tp_descr_get): what reading one through obj (0 through the class)
   * under name gives, a new reference; else NULL */
  ReclaimValue (*descr_get) (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, LangClass *owner,
                             const char *name);
  gboolean     frozen;         /* a frozen dataclass: its fields cannot be assigned or deleted */
  guint        shared_keys_taken; /* instances made while the shared keys had room: each took one (sys.getsizeof) */
};

/* ---- the interpreter state the runtime needs -------------------------- */
ReclaimHeap *lang_heap            (ReclaimInterp *interp);
/* FALSE with OSError when the host could not write it. */
gboolean     lang_write_stdout    (ReclaimInterp *interp, const char *text, gssize len);
void         lang_write_stderr    (ReclaimInterp *interp, const char *text, gssize len);

/* The str value of an identifier, cached by the pointer of its text (the
 * syntax tree's and C literals live as long as the interpreter). */
ReclaimValue lang_name_str        (ReclaimInterp *interp, const char *name);

/* ---- references ---------------------------------------------------------
 * Inline: most values a script passes around are immediates (small ints,
 * interned numbers and strs), which have no count to change. */
void         lang_incref_object   (ReclaimInterp *interp, ReclaimValue v);
void         lang_decref_object   (ReclaimInterp *interp, ReclaimValue v);

static inline void
lang_incref (ReclaimInterp *interp, ReclaimValue v)
{
  if (reclaim_value_is_object (v))
    lang_incref_object (interp, v);
}

static inline void
lang_decref (ReclaimInterp *interp, ReclaimValue v)
{
  if (reclaim_value_is_object (v))
    lang_decref_object (interp, v);
}

/* v with one more reference: `return lang_ref (interp, v);` */
static inline ReclaimValue
lang_ref (ReclaimInterp *interp, ReclaimValue v)
{
  lang_incref (interp, v);
  return v;
}

/* ---- what the modules lend the runtime ---------------------------------
 * A few objects that modules make take part in the object protocol:
 * calling or comparing weak references (weakref), X | Y of two types and
 * list[int] (typing), assigning a field of a frozen dataclass.  The
 * runtime stands below the modules and never calls them: a module lends
 * these operations when it is made (reclaim-modules.c makes every module
 * with the interpreter), and the functions below call them. */
typedef struct {
  ReclaimValue (*weakref_call)        (ReclaimInterp *interp, ReclaimValue weakref, guint nargs,
                                       const ReclaimValue *args, guint nkw, const char *const *kwnames);
  int          (*weakref_equal)       (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
  gboolean     (*is_weakmethod)       (ReclaimInterp *interp, ReclaimValue v);
  ReclaimValue (*weakmethod_attr)     (ReclaimInterp *interp, ReclaimValue self, const char *name);
  ReclaimValue (*generic_alias_new)   (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key);
  gboolean     (*can_make_union_type) (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
  ReclaimValue (*union_type_new)      (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
  int          (*dataclass_frozen_check) (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                          gboolean deleting);
} LangModuleHooks;

/* Calling a weak reference object: a ReferenceType (or KeyedRef) returns
 * its referent or None; a ProxyType calls its referent, or raises
 * ReferenceError once it is dead. */
ReclaimValue lang_weakref_call    (ReclaimInterp *interp, ReclaimValue weakref, guint nargs,
                                   const ReclaimValue *args, guint nkw, const char *const *kwnames);
/* a == b when both are weak references (weakref_richcompare): the
 * referents compare when both are alive, else identity.  1, 0, or -1
 * with an exception; -2 when a or b is not a weak reference. */
int          lang_weakref_equal   (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Whether v is a weakref.WeakMethod, and its slots _alive, _func_ref and
 * _meth_type (new reference), or 0. */
gboolean     lang_is_weakmethod   (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue lang_weakmethod_attr (ReclaimInterp *interp, ReclaimValue self, const char *name);
/* The built-in generics: list[int] (key: the subscript), and X | Y for
 * types, when lang_can_make_union_type(). */
ReclaimValue lang_generic_alias_new (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key);
gboolean     lang_can_make_union_type (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
ReclaimValue lang_union_type_new  (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Setting or deleting an attribute of an instance of a frozen dataclass:
 * -1 with FrozenInstanceError for a field. */
int          lang_dataclass_frozen_check (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                          gboolean deleting);

/* The stand-in address repr() prints for a heap object. */
char        *lang_address_text    (ReclaimValue v);

/* ---- exceptions --------------------------------------------------------- */
/* Raises type_name (a builtin exception class: "TypeError", "KeyError"...)
 * with a formatted message.  Always returns LANG_ERROR. */
ReclaimValue lang_raise           (ReclaimInterp *interp, const char *type_name,
                                   const char *format, ...) G_GNUC_PRINTF (3, 4);
/* Stops the script at once, as the step limit does (no except or finally
 * runs), for "not supported in Reclaim: <what>" that the check could not
 * refuse before the run.  Always returns LANG_ERROR. */
ReclaimValue lang_stop_not_supported (ReclaimInterp *interp, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Raises an exception with this value as its single argument (KeyError(key)). */
ReclaimValue lang_raise_value     (ReclaimInterp *interp, const char *type_name, ReclaimValue arg);
gboolean     lang_error_occurred  (ReclaimInterp *interp);
/* Is the pending exception an instance of type_name (or a subclass)? */
gboolean     lang_error_matches   (ReclaimInterp *interp, const char *type_name);
void         lang_error_clear     (ReclaimInterp *interp);
/* The one memory budget: room for count items of size_each bytes beside
 * what the script holds (checked arithmetic), or FALSE with MemoryError,
 * as python3 raises when malloc fails. */
gboolean     lang_memory_reserve  (ReclaimInterp *interp, guint64 count, guint64 size_each);
/* What one item of a list, tuple, dict or set costs (its slot, the event
 * that filled it, room to grow), and one byte of a new str (the text, its
 * repr and the repr's interned copy). */
#define LANG_SLOT_BYTE_COST 40
#define LANG_STR_BYTE_COST  3
/* FALSE with MemoryError when the script is over its budget already. */
gboolean     lang_memory_check (ReclaimInterp *interp);
/* CPython's Py_EnterRecursiveCall for C code that recurses on user data
 * (a list nested 100,000 deep): FALSE with RecursionError "maximum
 * recursion depth exceeded<where>" past the recursion limit; otherwise
 * one level is taken until lang_leave_recursive_call. */
gboolean     lang_enter_recursive_call (ReclaimInterp *interp, const char *where);
void         lang_leave_recursive_call (ReclaimInterp *interp);
/* "Exception ignored in: ..." for errors in __del__, callbacks and gc.callbacks. */
void         lang_error_write_unraisable (ReclaimInterp *interp, const char *where);

/* ---- classes and types -------------------------------------------------- */
LangClass   *lang_class_of        (ReclaimInterp *interp, ReclaimValue v);
LangClass   *lang_class_get       (ReclaimInterp *interp, ReclaimId cls);   /* NULL if not a class */
LangClass   *lang_builtin_class   (ReclaimInterp *interp, const char *name);
gboolean     lang_is_subclass     (LangClass *cls, LangClass *base);
gboolean     lang_is_instance     (ReclaimInterp *interp, ReclaimValue v, const char *builtin_name);
const char  *lang_type_name       (ReclaimInterp *interp, ReclaimValue v);
/* Creates a builtin type, bound in the builtins under its name when
 * `publish` is TRUE. */
LangClass   *lang_builtin_type_new (ReclaimInterp *interp, const char *name, LangClass *base,
                                    ReclaimKind instance_kind, LangNativeFunc construct,
                                    const LangMethodDef *methods, gboolean publish);

/* A builtin type a module defines in C (collections.deque) keeps its type
 * slots among its methods, under the dunders' names (__len__, __iter__,
 * __getitem__, __repr__, __eq__ ...), where the object protocol finds
 * them; its data attributes (deque.maxlen) come from the method under
 * this name, which no script can spell: called with the attribute's name
 * as a str, it returns the value, or 0 (without an exception) when the
 * object has no such attribute; called with the name and a value, it sets
 * the attribute and returns None, or raises (a read-only one), or returns
 * 0 when there is no such attribute. */
#define LANG_TYPE_GETSET "<getset>"
/* The type slot `dunder` of v's type, if v's type is such a builtin type. */
LangNativeFunc lang_type_slot     (ReclaimInterp *interp, ReclaimValue v, const char *dunder);
/* An exception class based on the builtin one named base, as a module
 * defines one (not a builtin name). */
LangClass   *lang_exception_class_new (ReclaimInterp *interp, const char *name, const char *base);

/* ---- builtin functions -------------------------------------------------- */
/* A builtin_function_or_method object (new reference); self may be 0. */
ReclaimValue lang_native_new      (ReclaimInterp *interp, const char *name, LangNativeFunc func,
                                   ReclaimValue self);
void         lang_add_builtin     (ReclaimInterp *interp, const char *name, LangNativeFunc func);
/* A builtin function standing for one CPython writes in Python (the
 * methods functools.total_ordering adds): read from an instance, it
 * gives a bound method with the instance as first argument, and its
 * repr is a function's, "<function QUALNAME at 0x...>". */
ReclaimValue lang_native_function_new (ReclaimInterp *interp, const char *name, const char *qualname,
                                       LangNativeFunc func);
gboolean     lang_native_binds    (ReclaimInterp *interp, ReclaimValue v);
/* Checks the argument count: "NAME() takes exactly one argument (N given)"
 * and similar CPython messages.  Returns FALSE with TypeError set. */
gboolean     lang_check_args      (ReclaimInterp *interp, const char *name, guint nargs,
                                   guint min, guint max, guint nkw);
/* The keyword argument `name`, or 0 (borrowed). */
ReclaimValue lang_kwarg           (guint nargs, const ReclaimValue *args, guint nkw,
                                   const char *const *kwnames, const char *name);
/* An argument that may come by position (index pos) or by keyword `name`
 * (NULL: positional only); borrowed or 0. */
ReclaimValue lang_arg             (guint nargs, const ReclaimValue *args, guint nkw,
                                   const char *const *kwnames, guint pos, const char *name);

/* ---- the object protocol ------------------------------------------------ */
ReclaimValue lang_getattr         (ReclaimInterp *interp, ReclaimValue obj, const char *name);
/* As lang_getattr but returns 0 without an exception when it is missing. */
ReclaimValue lang_lookup_attr     (ReclaimInterp *interp, ReclaimValue obj, const char *name);
int          lang_setattr         (ReclaimInterp *interp, ReclaimValue obj, const char *name, ReclaimValue v);
int          lang_delattr         (ReclaimInterp *interp, ReclaimValue obj, const char *name);
ReclaimValue lang_call            (ReclaimInterp *interp, ReclaimValue callable, guint nargs,
                                   const ReclaimValue *args, guint nkw, const char *const *kwnames);
ReclaimValue lang_call_method     (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                   guint nargs, const ReclaimValue *args);
gboolean     lang_is_callable     (ReclaimInterp *interp, ReclaimValue v);
/* repr() and str(): newly allocated UTF-8, or NULL with an exception set. */
char        *lang_repr            (ReclaimInterp *interp, ReclaimValue v);
char        *lang_str             (ReclaimInterp *interp, ReclaimValue v);
int          lang_truth           (ReclaimInterp *interp, ReclaimValue v);
int          lang_equal           (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Two dicts of equal items (dict_richcompare): 1, 0, or -1 with an
 * exception. */
int          lang_dicts_equal     (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Py_ReprEnter: FALSE when v's repr is being made already (a container
 * inside itself prints as [...]); else TRUE, and lang_repr_leave (v) once
 * it is made. */
gboolean     lang_repr_enter      (ReclaimValue v);
void         lang_repr_leave      (ReclaimValue v);
/* a < b: 1, 0 or -1 with TypeError "'<' not supported between ..." */
int          lang_less            (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* The key under which a dict or set files v; TypeError for unhashable. */
gboolean     lang_hashable        (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue lang_subscript       (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key);
int          lang_store_subscript (ReclaimInterp *interp, ReclaimValue container, ReclaimValue key, ReclaimValue v);
int          lang_delete_subscript(ReclaimInterp *interp, ReclaimValue container, ReclaimValue key);
gssize       lang_length          (ReclaimInterp *interp, ReclaimValue v);   /* -1 on error */
int          lang_contains        (ReclaimInterp *interp, ReclaimValue container, ReclaimValue v);

/* Slice objects (reclaim-slice.c): a new one holding start, stop and step
 * (0 stands for None); whether v is one; its three values, borrowed. */
ReclaimValue lang_slice_new       (ReclaimInterp *interp, ReclaimValue start, ReclaimValue stop, ReclaimValue step);
gboolean     lang_is_slice        (ReclaimInterp *interp, ReclaimValue v);
void         lang_slice_parts     (ReclaimInterp *interp, ReclaimValue slice, ReclaimValue parts[3]);
/* seq[start:stop:step] (each may be None); a container with a __getitem__
 * of its own (or __delitem__) is given a slice object. */
ReclaimValue lang_slice_get       (ReclaimInterp *interp, ReclaimValue seq, ReclaimValue start,
                                   ReclaimValue stop, ReclaimValue step);
int          lang_slice_delete    (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start,
                                   ReclaimValue stop, ReclaimValue step);
/* list[start:stop:step] = v, as list_ass_subscript does it. */
int          lang_slice_store     (ReclaimInterp *interp, ReclaimValue list, ReclaimValue start,
                                   ReclaimValue stop, ReclaimValue step, ReclaimValue v);
/* format(value, spec) and "fmt" % args. */
ReclaimValue lang_format_value    (ReclaimInterp *interp, ReclaimValue v, ReclaimValue spec);
ReclaimValue lang_string_format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args);
ReclaimValue lang_bytes_format_percent (ReclaimInterp *interp, ReclaimValue fmt, ReclaimValue args);

/* ---- iteration ---------------------------------------------------------- */
ReclaimValue lang_iter            (ReclaimInterp *interp, ReclaimValue iterable);
/* 1: *item is a new reference; 0: exhausted; -1: error. */
int          lang_next            (ReclaimInterp *interp, ReclaimValue iterator, ReclaimValue *item);
/* After lang_next() gave 0 for a generator: what it returned (a new
 * reference, or 0 for None). */
ReclaimValue lang_take_stop_value (ReclaimInterp *interp);

/* ---- containers (heap objects) ----------------------------------------- */
ReclaimValue lang_list_new        (ReclaimInterp *interp);
void         lang_list_append     (ReclaimInterp *interp, ReclaimValue list, ReclaimValue item /* stolen */);
ReclaimValue lang_tuple_new       (ReclaimInterp *interp, guint n, ReclaimValue *items /* stolen */);
guint        lang_seq_length      (ReclaimInterp *interp, ReclaimValue list_or_tuple);
ReclaimValue lang_seq_item        (ReclaimInterp *interp, ReclaimValue list_or_tuple, guint i); /* borrowed */
/* Folds a tuple into one number, each tuple nested in it folded first,
 * with a stack on the heap instead of C recursion: python3 hashes a tuple
 * nested 100,000 deep.  begin() makes the state of one tuple, leaf() gives
 * the number of an item that is not a builtin tuple, add() takes an item's
 * number, end() gives the tuple's number and frees the state, drop() frees
 * it after an error. */
typedef struct {
  gpointer (*begin) (ReclaimValue tuple, guint n_items);
  gboolean (*leaf)  (ReclaimInterp *interp, ReclaimValue item, gint64 *out);
  void     (*add)   (gpointer state, gint64 item);
  gint64   (*end)   (gpointer state);
  void     (*drop)  (gpointer state);
} LangTupleFold;
gboolean     lang_tuple_fold      (ReclaimInterp *interp, ReclaimValue tuple, const LangTupleFold *fold,
                                   gint64 *out);
/* A sequence's items as new references (list, tuple, or any iterable). */
GPtrArray   *lang_sequence_to_array (ReclaimInterp *interp, ReclaimValue iterable);

ReclaimValue lang_dict_new        (ReclaimInterp *interp);
/* d[key] (borrowed), or 0 when missing (no exception unless unhashable). */
ReclaimValue lang_dict_get        (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
int          lang_dict_set        (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key, ReclaimValue v);
int          lang_dict_delete     (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue key);
guint        lang_dict_length     (ReclaimInterp *interp, ReclaimValue dict);
/* Entry i of the dict in insertion order (borrowed key and value): FALSE past the end. */
gboolean     lang_dict_entry      (ReclaimInterp *interp, ReclaimValue dict, guint i,
                                   ReclaimValue *key, ReclaimValue *value);

ReclaimValue lang_set_new         (ReclaimInterp *interp);
int          lang_set_add         (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v);
int          lang_set_discard     (ReclaimInterp *interp, ReclaimValue set, ReclaimValue v);

G_END_DECLS
