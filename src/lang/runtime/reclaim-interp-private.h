/* reclaim-interp-private.h: the interpreter's state.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-runtime.h"

G_BEGIN_DECLS

/* What the interpreter keeps beside a builtin function object. */
typedef struct {
  char           *name;
  LangNativeFunc  func;
  LangNativeFunc  unbound;   /* str.lower and the like: the method, called with
                              * its first argument as self */
  LangClass      *owner;     /* the type an unbound method belongs to */
  gboolean        binds;     /* found on a class, binds to the instance as a
                              * Python function does (lang_native_function_new) */
  char           *qualname;  /* such a function's __qualname__ */
} LangNative;

/* A dict's or set's lookup table: key -> entry index.  Entries live in
 * the heap object's slots (dict: a key slot and a value slot per entry;
 * set: one slot); a deleted entry leaves empty slots behind, as CPython's
 * dummies, so indices stay put and insertion order is kept. */
/* The table CPython 3.11 keeps for a dict or a set, as far as its size
 * goes (sys.getsizeof, reclaim-sizeof.c).  All zero is a new dict with
 * the shared empty keys, or a new set with its 8 inline entries. */
typedef struct {
  guint8   log2;         /* dict: log2 of its keys table's size, 0 for the shared empty one;
                          * set: log2 of its own table's size, 0 for the inline one */
  gboolean general;      /* dict: its table takes keys other than str (bigger entries) */
  gboolean unknown;      /* made or changed in a way Reclaim does not follow */
  gboolean dummies;      /* set: a deleted entry still holds its place */
  gint32   usable;       /* dict: entries it takes before it must grow */
  guint32  nentries;     /* dict: entries since it was made, deleted ones included */
  guint32  fill;         /* set: live and deleted entries */
  ReclaimId shared_by;   /* an instance's __dict__: the class whose keys it shares */
  guint8   deque_left;   /* a deque: its leftindex + 1 in its first block of 64; 0 when not followed */
} LangKeys;

/* A dict's or set's index: normalised key -> entry number + 1.  Most
 * dicts hold a few keys (an instance's attributes, a display of two
 * pairs) and live a short while, so the first LANG_INDEX_INLINE keys sit
 * in arrays searched in order; past that a GHashTable takes them all.
 * (reclaim-containers.c: index_lookup, index_insert, index_remove) */
#define LANG_INDEX_INLINE 8
typedef struct {
  guint32     n_inline;
  guint32     keys[LANG_INDEX_INLINE];
  guint32     entries[LANG_INDEX_INLINE];
  GHashTable *table;     /* NULL until there are more keys than the arrays take */
} LangIndex;

typedef struct {
  LangIndex   index;
  guint       used;      /* live entries */
  guint       entries;   /* live + deleted */
  GArray     *order;     /* iteration order (entry numbers) when it is not entry order: an
                          * instance's split __dict__ iterates in insertion order */
  gboolean    split;     /* an instance's __dict__: a deleted key keeps its entry, and
                          * setting it again fills that entry (CPython's shared keys) */
  gint64      maxlen;    /* a deque's maxlen, -1 for none (reclaim-mod-collections-deque.c) */
  guint64     state;     /* a deque's changes of size, as deque->state: its iterators notice them */
  LangKeys    keys;
} LangTable;

/* An iterator's position, for iterators that are heap objects. */
typedef struct {
  guint          next;          /* next index in the underlying slots */
  gint64         stop, step;    /* range iterators */
  gint64         current;       /* range iterators; dict iterators: entries still expected */
  int            kind;          /* LangIterKind (reclaim-protocol.c) */
  LangNativeFunc next_fn;       /* native iterators */
  gpointer       data;
  GArray        *order;         /* set iterators: slots in CPython's table order, or NULL */
} LangIterState;

typedef struct _LangFrameInfo LangFrameInfo;

/* What lang_eval_class_lookup found for a class and a name. */
typedef struct {
  LangClass   *cls;
  const char  *name;       /* the address the name was given at ... */
  char         text[24];   /* ... and its text then: the address may hold other text by now, */
  gboolean     canonical;  /* unless name is interned (reclaim_name_is_interned) */
  guint32      version;    /* reclaim_heap_get_watch_version when it was found */
  ReclaimValue found;      /* borrowed from the namespace holding it; 0 when none does */
} LangAttrCacheEntry;

#define LANG_ATTR_CACHE_SIZE 256

/* python3's default sys.getrecursionlimit(): Python calls and the C paths
 * that walk nested data (repr, comparison, hashing) count against it
 * together, as CPython 3.11's recursion_remaining does. */
#define LANG_RECURSION_LIMIT 1000

struct _ReclaimInterp {
  ReclaimHeap          *heap;
  ReclaimInterpOptions  options;
  guint64               steps;
  gboolean              out_of_memory; /* stopped at max_memory (see max_memory_advice) */

  GHashTable           *classes;      /* class id -> LangClass */
  GHashTable           *natives;      /* builtin function id -> LangNative */
  GPtrArray            *tables;       /* dict/set id -> LangTable, indexed by id (NULL for other
                                       * objects): a dict's table is wanted on every lookup */
  GByteArray           *side_entries; /* id -> LangSideFlags: which tables may hold an entry
                                       * for the object (lang_side_insert, lang_classes_insert).
                                       * Most objects freed are in none, and are searched for
                                       * in none (lang_forget_object, lang_class_forget) */
  GHashTable           *iterators;    /* iterator id -> LangIterState */
  GPtrArray            *functions;    /* function id -> its FunctionInfo (reclaim-eval-private.h),
                                       * indexed by id: looked up at every call */
  GHashTable           *insertion_order; /* instance id -> GArray of key indices, when attributes
                                          * were added out of shared-key order */

  GHashTable           *builtin_types; /* name -> LangClass (not owned) */
  /* the builtin types of immediates (by ScalarType) and of heap objects
   * whose kind alone names their type, found once in builtin_types: an
   * object's class is asked for on nearly every operation */
  LangClass            *scalar_classes[SCALAR_BYTES + 1];
  LangClass            *kind_classes[RECLAIM_N_KINDS];
  /* classes looked up lately, by id modulo the size: in front of classes */
  struct { ReclaimId id; LangClass *cls; } recent_classes[64];
  /* lang_eval_class_lookup's answers while no class namespace has changed:
   * the namespaces are watched (reclaim_heap_watch) */
  LangAttrCacheEntry    attr_cache[LANG_ATTR_CACHE_SIZE];
  GHashTable           *names;        /* identifier text (by pointer) -> str value */
  GHashTable           *suggestions;  /* exception id -> "Did you mean" name */
  GHashTable           *caught_tracebacks; /* exception id -> GArray of LangTraceEntry: what its
                                            * traceback showed when a handler caught it */
  GHashTable           *callable_proxies; /* ids of the proxies that are CallableProxyType */
  GHashTable           *weakref_hashes; /* weakref id -> its hash (gint64 *), kept once computed
                                         * (weakref_hash caches it in wr->hash) */
  GHashTable           *weakref_keys;   /* weakref id -> the key it files under in dicts and sets,
                                         * kept once computed, as its hash is */
  ReclaimId             builtins;     /* the builtins namespace dict */
  ReclaimId             globals;      /* the module's namespace dict (a root) */
  GHashTable           *modules;      /* "gc" -> module object */

  /* the exception being raised, and what the traceback will show */
  ReclaimValue          exc;
  GArray               *traceback;    /* LangTraceEntry, innermost last */
  guint                 error_line;   /* the script's line the error that stopped it names */
  char                 *not_supported; /* what stopped the script: something Reclaim does not model,
                                        * reached where the check could not see it */

  int                   depth;        /* Python call depth, for RecursionError */
  int                   output_errno; /* a failed write of stdout, not reported yet */
  gsize                 scalar_bytes_at_start; /* scalar_bytes_held () when the interpreter was made */
  guint64               script_start; /* the first event of the script (after start-up) */
  guint64               script_end;   /* the first event of the exit */
  ReclaimId             module_namespace;
  gboolean              shutting_down;
  gpointer              eval;         /* the evaluator's own state */
  LangModuleHooks       hooks;        /* what the modules lend the runtime */
};

typedef struct {
  char   *filename;
  guint   line;
  char   *function;
} LangTraceEntry;

/* An empty traceback whose entries free their strings: for the main one,
 * and for code that runs with the pending error put aside (__del__,
 * callbacks, finally blocks). */
GArray      *lang_traceback_new   (void);
LangTable   *lang_table_get       (ReclaimInterp *interp, ReclaimId obj);
/* A freed class's id goes out of interp->classes (and of what
 * lang_class_get remembers) before it is handed on. */
void         lang_class_forget    (ReclaimInterp *interp, ReclaimId cls);
void         lang_interp_init_runtime (ReclaimInterp *interp);
void         lang_interp_free_runtime (ReclaimInterp *interp);
/* Called by the engine when an object is freed: drop the side state. */
void         lang_forget_object   (ReclaimInterp *interp, ReclaimId obj);
/* What interp->side_entries says of an object. */
typedef enum {
  LANG_SIDE_ENTRIES = 1 << 0,  /* natives, iterators, insertion_order, suggestions,
                                * caught_tracebacks, weakref_hashes or weakref_keys */
  LANG_SIDE_CLASS   = 1 << 1,  /* classes */
} LangSideFlags;

void         lang_table_clear_index (LangTable *t);
void         lang_side_insert     (ReclaimInterp *interp, GHashTable *table, ReclaimId obj,
                                   gpointer value);
void         lang_classes_insert  (ReclaimInterp *interp, ReclaimId id, LangClass *cls);
gpointer     lang_side_lookup     (ReclaimInterp *interp, GHashTable *table, ReclaimId obj);

void         lang_builtins_init   (ReclaimInterp *interp);   /* reclaim-builtins.c */
/* Builtin functions, the constructors and methods of the builtin types
 * (reclaim-builtins-funcs.c). */
void         lang_builtin_functions_init (ReclaimInterp *interp);
void         lang_class_add_methods (LangClass *cls, const LangMethodDef *methods);

G_END_DECLS
