/* reclaim-heap.h: a model of a CPython 3.11 heap.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The heap holds objects with reference counts, ordered strong references
 * ("slots"), weak references, and the generation lists of the cycle
 * collector.  Every change of state is an event appended to the heap's log
 * and applied through one function, so the log can be replayed forwards and
 * backwards (time travel) and read by the layers above to animate it.
 *
 * Reference ownership mirrors CPython: a function documented as returning a
 * "new reference" hands the caller one count it must give back with
 * reclaim_heap_decref(); a function documented as "stealing" a value takes
 * over the caller's count.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text the heap refers to by number (labels, reprs of immediates): the
 * same text always gives the same number; 0 stands for none. */
guint32      reclaim_intern   (const char *text);
/* A new number with no text (reclaim_interned gives NULL): for values
 * whose repr is written only when it is asked for. */
guint32      reclaim_intern_anonymous (void);
/* Give an anonymous number back: nothing holds its value any more, and
 * a later reclaim_intern_anonymous may hand it out again. */
void         reclaim_intern_release_anonymous (guint32 id);
const char  *reclaim_interned (guint32 id);

/* Object ids are given in creation order, starting at 1; 0 is "no object". */
typedef guint32 ReclaimId;

/* A value stored in a slot: either an object id, or an immediate value
 * (small int, str, None, bool, float) that is shown inline and not counted.
 * Immediates have the top bit set; see reclaim_value_*(). */
typedef guint32 ReclaimValue;

#define RECLAIM_VALUE_NONE ((ReclaimValue) 0)

ReclaimValue reclaim_value_int        (gint32       n);
ReclaimValue reclaim_value_text       (const char  *repr);   /* interned: see reclaim_intern */
/* A new immediate with no text of its own: its repr comes from the
 * function the layer that made it registered (a float keeps its double
 * and writes its digits only when they are shown). */
ReclaimValue reclaim_value_anonymous  (void);
typedef char *(*ReclaimReprFunc) (ReclaimValue value);
void         reclaim_value_set_repr_func (ReclaimReprFunc func);
/* The interned number of an immediate that is not an int, else 0. */
guint32      reclaim_value_anonymous_id (ReclaimValue value);
/* Calls visit for every immediate other than a small int that a heap of
 * the process holds in a slot, or held at some point of a log it keeps
 * (time travel may bring it back).  Under a lock: heaps are neither made
 * nor freed meanwhile. */
typedef void (*ReclaimValueVisitFunc) (ReclaimValue value, gpointer user_data);
void         reclaim_heaps_foreach_immediate (ReclaimValueVisitFunc visit, gpointer user_data);
/* Immediates: bit 31 set.  Bit 30 set: a 30-bit signed int; else an
 * interned number: the repr's, or an anonymous one.  The tests below are
 * inline: the interpreter asks them several times per operation. */
#define RECLAIM_VALUE_IMMEDIATE_BIT (1u << 31)
#define RECLAIM_VALUE_INT_BIT       (1u << 30)

static inline gboolean
reclaim_value_is_object (ReclaimValue value)
{
  return value != RECLAIM_VALUE_NONE && !(value & RECLAIM_VALUE_IMMEDIATE_BIT);
}

static inline gboolean
reclaim_value_is_immediate (ReclaimValue value)
{
  return (value & RECLAIM_VALUE_IMMEDIATE_BIT) != 0;
}

static inline gboolean
reclaim_value_is_int (ReclaimValue value)
{
  return (value & (RECLAIM_VALUE_IMMEDIATE_BIT | RECLAIM_VALUE_INT_BIT)) ==
         (RECLAIM_VALUE_IMMEDIATE_BIT | RECLAIM_VALUE_INT_BIT);
}
gint32       reclaim_value_get_int    (ReclaimValue value);
/* The repr of an immediate ("42", "'abc'", "None"), or NULL for an object. */
char        *reclaim_value_dup_repr   (ReclaimValue value);

typedef enum {
  RECLAIM_KIND_INSTANCE,   /* instance of a user class */
  RECLAIM_KIND_LIST,
  RECLAIM_KIND_TUPLE,
  RECLAIM_KIND_DICT,
  RECLAIM_KIND_SET,
  RECLAIM_KIND_FUNCTION,
  RECLAIM_KIND_CELL,
  RECLAIM_KIND_METHOD,     /* bound method */
  RECLAIM_KIND_GENERATOR,  /* generator with its frame's locals as slots */
  RECLAIM_KIND_WEAKREF,    /* weakref.ref */
  RECLAIM_KIND_PROXY,      /* weakref.proxy */
  RECLAIM_KIND_CLASS,      /* a user class (heap type) */
  RECLAIM_KIND_FRAME,      /* an executing frame: a root holding variables */
  RECLAIM_KIND_OBJECT,     /* any other container tracked by the collector */
  RECLAIM_KIND_PLAIN,      /* an object the collector does not track (range, range_iterator ...) */
  RECLAIM_KIND_DEQUE,      /* collections.deque: its items, left to right */
  RECLAIM_N_KINDS
} ReclaimKind;

/* What a slot is, for drawing and for the per-type orders. */
typedef enum {
  RECLAIM_ROLE_ATTR,       /* instance attribute; label = name */
  RECLAIM_ROLE_ITEM,       /* list/tuple/set item; no label */
  RECLAIM_ROLE_KEY,        /* dict key object; the next slot is its value */
  RECLAIM_ROLE_VALUE,      /* dict value; label = key text when the key is a str */
  RECLAIM_ROLE_VAR,        /* frame variable; label = name */
  RECLAIM_ROLE_CELL,       /* cell contents, or a closure cell of a function */
  RECLAIM_ROLE_CALLBACK,   /* callback of a weakref */
  RECLAIM_ROLE_DICT,       /* materialised __dict__ of an instance */
  RECLAIM_ROLE_OTHER,      /* anything else (defaults, __self__, __func__ ...); label says what */
} ReclaimRole;

typedef enum {
  RECLAIM_STATE_UNBORN,    /* allocated later in the history than the current position */
  RECLAIM_STATE_ALIVE,
  RECLAIM_STATE_FREED,
} ReclaimState;

/* Options given at allocation. */
typedef enum {
  RECLAIM_ALLOC_DEFAULT      = 0,
  RECLAIM_ALLOC_UNTRACKED    = 1 << 0,  /* e.g. a dict holding only atomic values */
  RECLAIM_ALLOC_HAS_FINALIZER = 1 << 1, /* the class defines __del__ (always set for generators) */
  RECLAIM_ALLOC_ROOT         = 1 << 2,  /* a frame or namespace: a root for mark-and-sweep and "why alive?" */
  RECLAIM_ALLOC_NO_WEAKREFS  = 1 << 3,  /* instances of a class whose __slots__ lack __weakref__ */
  RECLAIM_ALLOC_NO_FREELIST  = 1 << 4,  /* a subclass of list/dict/tuple: never from a free list */
  RECLAIM_ALLOC_WEAKREFS     = 1 << 5,  /* weakly referenceable though its kind is not: a weakref
                                         * subclass with __weakref__ (weakref.WeakMethod), a dict
                                         * subclass that adds a weak reference list (OrderedDict),
                                         * an itertools._tee */
} ReclaimAllocFlags;

/* Object flags that change over time (part of the time-travelled state). */
typedef enum {
  RECLAIM_FLAG_TRACKED     = 1 << 0,  /* in one of the collector's lists */
  RECLAIM_FLAG_FINALIZED   = 1 << 1,  /* __del__ has run (PEP 442: never twice) */
  RECLAIM_FLAG_COLLECTING  = 1 << 2,  /* a candidate of the running collection, not yet scanned */
  RECLAIM_FLAG_UNREACHABLE = 1 << 3,  /* in an unreachable list (read-only: derived from the list) */
  RECLAIM_FLAG_MARKED      = 1 << 4,  /* reached by the mark phase of mark-and-sweep */
} ReclaimFlags;

/* The collector's lists.  An object is in at most one. */
typedef enum {
  RECLAIM_LIST_NONE,
  RECLAIM_LIST_GEN0,
  RECLAIM_LIST_GEN1,
  RECLAIM_LIST_GEN2,
  RECLAIM_LIST_PERMANENT,          /* gc.freeze() */
  RECLAIM_LIST_UNREACHABLE,
  RECLAIM_LIST_FINAL_UNREACHABLE,  /* still unreachable after finalizers ran */
  RECLAIM_LIST_WEAKREF_CALLBACKS,  /* handle_weakrefs' wrcb_to_call */
  RECLAIM_LIST_FINALIZE_SEEN,      /* finalize_garbage's 'seen' */
  RECLAIM_N_LISTS
} ReclaimList;

typedef enum {
  RECLAIM_FREED_BY_REFCOUNT,
  RECLAIM_FREED_BY_GC,             /* tp_clear of the cycle collector broke its last reference */
  RECLAIM_FREED_BY_MARKSWEEP,
} ReclaimFreedBy;

typedef enum {
  RECLAIM_COLLECTOR_CPYTHON,       /* reference counting + CPython 3.11's generational cycle collector */
  RECLAIM_COLLECTOR_MARKSWEEP,     /* textbook mark-and-sweep from the roots; a count of 0 frees nothing */
} ReclaimCollectorMode;

typedef enum {
  RECLAIM_PHASE_NONE,
  RECLAIM_PHASE_UPDATE_REFS,
  RECLAIM_PHASE_SUBTRACT_REFS,
  RECLAIM_PHASE_MOVE_UNREACHABLE,
  RECLAIM_PHASE_HANDLE_WEAKREFS,
  RECLAIM_PHASE_FINALIZE_GARBAGE,
  RECLAIM_PHASE_CHECK_GARBAGE,     /* handle_resurrected_objects */
  RECLAIM_PHASE_DELETE_GARBAGE,
  RECLAIM_PHASE_MARK,              /* mark-and-sweep */
  RECLAIM_PHASE_SWEEP,
  RECLAIM_N_PHASES
} ReclaimPhase;

/* Settings and counters of the collector; all are time-travelled state. */
typedef enum {
  RECLAIM_COUNTER_COUNT0,          /* allocations minus frees since gen 0 was collected */
  RECLAIM_COUNTER_COUNT1,          /* gen 0 collections since gen 1 was collected */
  RECLAIM_COUNTER_COUNT2,
  RECLAIM_COUNTER_THRESHOLD0,
  RECLAIM_COUNTER_THRESHOLD1,
  RECLAIM_COUNTER_THRESHOLD2,
  RECLAIM_COUNTER_LONG_LIVED_PENDING,
  RECLAIM_COUNTER_LONG_LIVED_TOTAL,
  RECLAIM_COUNTER_ENABLED,
  RECLAIM_COUNTER_DEBUG,           /* gc.set_debug flags */
  RECLAIM_COUNTER_COLLECTIONS0,    /* gc.get_stats() */
  RECLAIM_COUNTER_COLLECTIONS1,
  RECLAIM_COUNTER_COLLECTIONS2,
  RECLAIM_COUNTER_COLLECTED0,
  RECLAIM_COUNTER_COLLECTED1,
  RECLAIM_COUNTER_COLLECTED2,
  RECLAIM_COUNTER_UNCOLLECTABLE0,
  RECLAIM_COUNTER_UNCOLLECTABLE1,
  RECLAIM_COUNTER_UNCOLLECTABLE2,
  RECLAIM_COUNTER_FREELIST_LIST,   /* objects waiting on the list free list */
  RECLAIM_COUNTER_FREELIST_DICT,
  RECLAIM_COUNTER_FREELIST_TUPLE1, /* tuples of size 1 .. 20 follow */
  RECLAIM_N_COUNTERS = RECLAIM_COUNTER_FREELIST_TUPLE1 + 20
} ReclaimCounter;

#define RECLAIM_DEBUG_SAVEALL 32   /* gc.DEBUG_SAVEALL */

/* The event log.  Readers get each event as a ReclaimEvent; the log keeps
 * it in 16 bytes, and its script line apart (reclaim_heap_get_event_line). */
typedef enum {
  /* Changes of state: replayed forwards and backwards by time travel. */
  RECLAIM_EV_ALLOC,        /* obj; a = kind; b = ALLOC_COUNTED|ALLOC_FROM_FREELIST; x = class; y = initial flags */
  RECLAIM_EV_INCREF,       /* obj; x = referrer (0: the running code); y = new refcount; z = slot index of referrer */
  RECLAIM_EV_DECREF,       /* as INCREF */
  RECLAIM_EV_SLOT_SET,     /* obj; z = index; x = old value; y = new value */
  RECLAIM_EV_SLOT_INSERT,  /* obj; z = index; y = value; x = label quark; a = role */
  RECLAIM_EV_SLOT_REMOVE,  /* obj; z = index; y = old value; x = label quark; a = role */
  RECLAIM_EV_FREE,         /* obj; a = ReclaimFreedBy; b = FREE_UNCOUNTED|FREE_TO_FREELIST */
  RECLAIM_EV_TRACK,        /* obj appended to list a */
  RECLAIM_EV_UNTRACK,      /* obj removed from list a; x = its predecessor (0: it was first) */
  RECLAIM_EV_GC_MOVE,      /* obj moved from list a to the end of list b; x = old predecessor */
  RECLAIM_EV_GC_MERGE,     /* list a appended to list b; x = old last of b; y = old first of a */
  RECLAIM_EV_GC_WORD,      /* obj; a = phase; x = old word; y = new word (gc_refs << 8 | flags) */
  RECLAIM_EV_COUNTER,      /* a = ReclaimCounter; x = old; y = new */
  RECLAIM_EV_WEAKREF_LINK, /* obj = weakref; x = referent; y = predecessor in the referent's list */
  RECLAIM_EV_WEAKREF_CLEAR,/* obj = weakref; x = referent it pointed to; y = old predecessor */
  RECLAIM_EV_MODE,         /* a = new ReclaimCollectorMode; b = old */
  RECLAIM_EV_DICT_SET,     /* obj; x = old instance dict; y = new one (see reclaim_heap_set_instance_dict) */
  /* Notes: no change of state. */
  RECLAIM_EV_LINE,         /* x = script line; y = frame depth */
  RECLAIM_EV_FINALIZE,     /* obj: __del__ (tp_finalize) is about to run */
  RECLAIM_EV_FINALIZE_END, /* obj: it returned */
  RECLAIM_EV_CALLBACK,     /* obj = referent that died; x = weakref; y = callback */
  RECLAIM_EV_CALLBACK_END,
  RECLAIM_EV_RESURRECTED,  /* obj came back to life in __del__ */
  RECLAIM_EV_GC_START,     /* b = generation (3: mark-and-sweep) */
  RECLAIM_EV_GC_PHASE,     /* a = ReclaimPhase */
  RECLAIM_EV_GC_END,       /* x = collected; y = uncollectable */
  RECLAIM_N_EVENT_KINDS
} ReclaimEventKind;

#define RECLAIM_ALLOC_COUNTED        1  /* count0 was incremented */
#define RECLAIM_ALLOC_FROM_FREELIST  2
#define RECLAIM_FREE_COUNTED         1  /* count0 was decremented */
#define RECLAIM_FREE_TO_FREELIST     2

/* The gc word packs gc_refs with the flags, as CPython's _gc_prev does. */
#define RECLAIM_GC_WORD(refs, flags)   (((guint32) (refs) << 8) | ((flags) & 0xff))
#define RECLAIM_GC_WORD_REFS(word)     ((gint32) ((word) >> 8))
#define RECLAIM_GC_WORD_FLAGS(word)    ((word) & 0xff)

typedef struct {
  guint8    kind;   /* ReclaimEventKind; RECLAIM_N_EVENT_KINDS: no event */
  guint8    a;
  guint16   b;
  ReclaimId obj;
  guint32   x;
  guint32   y;
  guint32   z;
} ReclaimEvent;

typedef struct _ReclaimHeap ReclaimHeap;

/* What the engine asks of its caller: run Python code.  Any of these may
 * be NULL.  They may call back into the heap. */
typedef struct {
  /* Run obj's __del__ (or a generator's close). */
  void (*finalize)       (ReclaimHeap *heap, ReclaimId obj, gpointer user_data);
  /* Call callback(weakref). */
  void (*weakref_callback) (ReclaimHeap *heap, ReclaimId weakref, ReclaimId callback,
                            gpointer user_data);
  /* gc.callbacks: phase is "start" or "stop". */
  void (*gc_callback)    (ReclaimHeap *heap, const char *phase, int generation,
                          gssize collected, gssize uncollectable, gpointer user_data);
  /* obj's memory is given back: the caller may drop what it kept beside it. */
  void (*freed)          (ReclaimHeap *heap, ReclaimId obj, gpointer user_data);
} ReclaimHost;

ReclaimHeap *reclaim_heap_new           (void);
void         reclaim_heap_free          (ReclaimHeap *heap);
void         reclaim_heap_set_host      (ReclaimHeap       *heap,
                                         const ReclaimHost *host,
                                         gpointer           user_data);

/* Objects */
ReclaimId    reclaim_heap_alloc         (ReclaimHeap      *heap,
                                         ReclaimKind       kind,
                                         ReclaimId         cls,
                                         const char       *label,
                                         ReclaimAllocFlags flags);
/* The same, with the label already interned (reclaim_intern). */
ReclaimId    reclaim_heap_alloc_interned (ReclaimHeap      *heap,
                                          ReclaimKind       kind,
                                          ReclaimId         cls,
                                          guint32           label,
                                          ReclaimAllocFlags flags);
ReclaimId    reclaim_heap_alloc_tuple   (ReclaimHeap      *heap,
                                         guint             size);
void         reclaim_heap_incref        (ReclaimHeap *heap, ReclaimValue value);
void         reclaim_heap_decref        (ReclaimHeap *heap, ReclaimValue value);
/* Track an object that was allocated untracked (gc.is_tracked turns true). */
void         reclaim_heap_track         (ReclaimHeap *heap, ReclaimId obj);
/* Take an object out of the collector's lists (a constant tuple). */
void         reclaim_heap_untrack       (ReclaimHeap *heap, ReclaimId obj);

/* Slots.  Values stored are stolen; values taken out are new references. */
/* Makes room for n slots, when the caller knows how many obj will hold:
 * memory only, no event. */
void         reclaim_heap_reserve_slots (ReclaimHeap  *heap,
                                         ReclaimId     obj,
                                         guint         n);
guint        reclaim_heap_slot_append   (ReclaimHeap  *heap,
                                         ReclaimId     obj,
                                         ReclaimRole   role,
                                         const char   *label,
                                         ReclaimValue  value);
/* The same, with the label already interned (reclaim_intern), for callers
 * that append under the same few labels again and again. */
guint        reclaim_heap_slot_append_interned (ReclaimHeap  *heap,
                                                ReclaimId     obj,
                                                ReclaimRole   role,
                                                guint32       label,
                                                ReclaimValue  value);
void         reclaim_heap_slot_insert   (ReclaimHeap  *heap,
                                         ReclaimId     obj,
                                         guint         index,
                                         ReclaimRole   role,
                                         const char   *label,
                                         ReclaimValue  value);
/* Store value at index (stolen), then drop the old value (CPython's order). */
void         reclaim_heap_slot_set      (ReclaimHeap  *heap,
                                         ReclaimId     obj,
                                         guint         index,
                                         ReclaimValue  value);
/* Remove the slot and return its value as a new reference. */
ReclaimValue reclaim_heap_slot_take     (ReclaimHeap *heap, ReclaimId obj, guint index);
/* The __dict__ of an instance of a class based on list or dict.  CPython
 * keeps it beside the object (its managed dict pointer), not among the
 * items: it is traversed before them and dropped before them, on death
 * and by tp_clear.  dict is stolen; the old one is dropped. */
void         reclaim_heap_set_instance_dict (ReclaimHeap *heap, ReclaimId obj, ReclaimId dict);
ReclaimId    reclaim_heap_get_instance_dict (ReclaimHeap *heap, ReclaimId obj);
/* The items a list has room for, as CPython 3.11 allocated them (its
 * `allocated`), which sys.getsizeof shows.  A list starts UNKNOWN, and the
 * layer that makes it sets where it starts; from then on each item put in
 * or taken out resizes it by list_resize's rule, and clearing it frees the
 * room.  Operations that move many items at once set the result.  Read
 * live only: time travel does not restore it. */
#define RECLAIM_CAPACITY_UNKNOWN  G_MAXUINT32        /* made by code that does not follow CPython's sizes */
#define RECLAIM_CAPACITY_NO_ITEMS (G_MAXUINT32 - 1)  /* no item array at all: PyList_New(0), after clear() */
guint32      reclaim_heap_get_capacity  (ReclaimHeap *heap, ReclaimId obj);
void         reclaim_heap_set_capacity  (ReclaimHeap *heap, ReclaimId obj, guint32 capacity);
/* list_resize (Objects/listobject.c): the capacity after a list of size
 * items and that capacity is resized to newsize. */
guint32      reclaim_list_resize        (guint32 capacity, guint32 size, guint32 newsize);
/* tp_clear of the object's type: what the collector does to break cycles,
 * and what list.clear() / dict.clear() do. */
void         reclaim_heap_clear         (ReclaimHeap *heap, ReclaimId obj);

/* Weak references.  Returns a new reference: an existing basic ref or proxy
 * is reused as CPython does when no callback is given.  callback is borrowed. */
ReclaimId    reclaim_heap_weakref_new   (ReclaimHeap *heap,
                                         ReclaimKind  kind,
                                         ReclaimId    referent,
                                         ReclaimId    callback,
                                         ReclaimId    subclass);
/* The same, for a subclass instance allocated with flags. */
ReclaimId    reclaim_heap_weakref_new_full (ReclaimHeap      *heap,
                                            ReclaimKind       kind,
                                            ReclaimId         referent,
                                            ReclaimId         callback,
                                            ReclaimId         subclass,
                                            ReclaimAllocFlags flags);
ReclaimId    reclaim_heap_weakref_get_referent (ReclaimHeap *heap, ReclaimId weakref);
ReclaimId    reclaim_heap_weakref_first (ReclaimHeap *heap, ReclaimId referent);
ReclaimId    reclaim_heap_weakref_next  (ReclaimHeap *heap, ReclaimId weakref);
guint        reclaim_heap_weakref_count (ReclaimHeap *heap, ReclaimId referent);

/* The collector (gc module) */
gssize       reclaim_heap_collect       (ReclaimHeap *heap, int generation);
void         reclaim_heap_set_mode      (ReclaimHeap *heap, ReclaimCollectorMode mode);
ReclaimCollectorMode reclaim_heap_get_mode (ReclaimHeap *heap);
void         reclaim_heap_set_counter   (ReclaimHeap *heap, ReclaimCounter counter, gint32 value);
gint32       reclaim_heap_get_counter   (ReclaimHeap *heap, ReclaimCounter counter);
void         reclaim_heap_freeze        (ReclaimHeap *heap);
void         reclaim_heap_unfreeze      (ReclaimHeap *heap);
guint        reclaim_heap_list_length   (ReclaimHeap *heap, ReclaimList list);
/* gc.garbage: a list object the collector appends to under DEBUG_SAVEALL. */
void         reclaim_heap_set_garbage_list (ReclaimHeap *heap, ReclaimId list);
gboolean     reclaim_heap_is_collecting (ReclaimHeap *heap);

/* Reading the state at the current position */
guint32      reclaim_heap_n_objects     (ReclaimHeap *heap);  /* highest id ever given */
guint32      reclaim_heap_n_alive       (ReclaimHeap *heap);
ReclaimState reclaim_heap_get_state     (ReclaimHeap *heap, ReclaimId obj);
ReclaimKind  reclaim_heap_get_kind      (ReclaimHeap *heap, ReclaimId obj);
ReclaimId    reclaim_heap_get_class     (ReclaimHeap *heap, ReclaimId obj);
const char  *reclaim_heap_get_label     (ReclaimHeap *heap, ReclaimId obj);
/* The Python type name: the class's label for instances, else "list", "dict" ... */
const char  *reclaim_heap_get_type_name (ReclaimHeap *heap, ReclaimId obj);
guint32      reclaim_heap_get_refcount  (ReclaimHeap *heap, ReclaimId obj);
gint32       reclaim_heap_get_gc_refs   (ReclaimHeap *heap, ReclaimId obj);
guint        reclaim_heap_get_flags     (ReclaimHeap *heap, ReclaimId obj);
ReclaimAllocFlags reclaim_heap_get_alloc_flags (ReclaimHeap *heap, ReclaimId obj);

/* Watched objects: any change to a watched object's slots, or its being
 * freed, moves the heap's watch version on, as does watching one.  A
 * caller keeps what it worked out from watched objects (a class's
 * attributes from its namespace dict) for as long as the version stays. */
void         reclaim_heap_watch         (ReclaimHeap *heap, ReclaimId obj);
gboolean     reclaim_heap_is_watched    (ReclaimHeap *heap, ReclaimId obj);
guint32      reclaim_heap_get_watch_version (ReclaimHeap *heap);
ReclaimList  reclaim_heap_get_list      (ReclaimHeap *heap, ReclaimId obj);
/* The generation 0..2, 3 for the permanent one, -1 when not in a generation. */
int          reclaim_heap_get_generation (ReclaimHeap *heap, ReclaimId obj);
ReclaimFreedBy reclaim_heap_get_freed_by (ReclaimHeap *heap, ReclaimId obj);
guint        reclaim_heap_n_slots       (ReclaimHeap *heap, ReclaimId obj);
ReclaimValue reclaim_heap_slot_get      (ReclaimHeap *heap, ReclaimId obj, guint index);
/* Slots index and index + 1 (a dict's key and value) in one call; FALSE
 * when obj has not that many. */
gboolean     reclaim_heap_slot_get_pair (ReclaimHeap *heap, ReclaimId obj, guint index,
                                         ReclaimValue *first, ReclaimValue *second);
ReclaimRole  reclaim_heap_slot_get_role (ReclaimHeap *heap, ReclaimId obj, guint index);
const char  *reclaim_heap_slot_get_label (ReclaimHeap *heap, ReclaimId obj, guint index);
ReclaimId    reclaim_heap_list_first    (ReclaimHeap *heap, ReclaimList list);
ReclaimId    reclaim_heap_list_next     (ReclaimHeap *heap, ReclaimId obj);
/* Calls visit for each object obj refers to strongly, in tp_traverse order
 * (the class last, for instances). */
typedef void (*ReclaimVisitFunc) (ReclaimId target, gpointer user_data);
void         reclaim_heap_traverse      (ReclaimHeap *heap, ReclaimId obj,
                                         ReclaimVisitFunc visit, gpointer user_data);
const char  *reclaim_kind_name          (ReclaimKind kind);
gboolean     reclaim_kind_is_gc         (ReclaimKind kind);

/* A heap that drops its events may give the records and ids of freed
 * objects to new ones, as CPython reuses freed memory (id() of a new
 * object may then be that of a dead one).  Ids freed so far become
 * reusable here: call it only where no caller still holds the id of an
 * object freed since the last call.  forget (may be NULL) is called for
 * each first.  Returns how many; 0 when the heap keeps its events (ids
 * then stay unique, for time travel). */
guint        reclaim_heap_reuse_freed_ids (ReclaimHeap *heap, ReclaimVisitFunc forget, gpointer user_data);
/* Ids freed since the last reclaim_heap_reuse_freed_ids. */
guint        reclaim_heap_n_freed_ids   (ReclaimHeap *heap);

/* The event log and time travel */
void         reclaim_heap_set_line      (ReclaimHeap *heap, guint line, guint depth);
guint64      reclaim_heap_n_events      (ReclaimHeap *heap);
/* The event at index (a copy: the log keeps it packed). */
ReclaimEvent reclaim_heap_get_event     (ReclaimHeap *heap, guint64 index);
/* The script line running when the event at index happened: the x of the
 * last RECLAIM_EV_LINE event up to it, 0 before the first. */
guint32      reclaim_heap_get_event_line (ReclaimHeap *heap, guint64 index);
/* The last event in [stop, before) whose y is y (for a slot set or insert,
 * the value stored), into *found and its index into *index; FALSE when
 * there is none.  Reads the log as it is packed, so a search back through
 * hundreds of thousands of events stays quick. */
gboolean     reclaim_heap_find_last_event_with_y (ReclaimHeap *heap, guint64 stop, guint64 before, guint32 y,
                                                  ReclaimEvent *found, guint64 *index);
/* Whether events are kept (the default).  A heap nobody will look back
 * at can drop them as they are applied, which saves their memory; seeking
 * is then impossible.  Only while the log is empty. */
void         reclaim_heap_set_keep_events (ReclaimHeap *heap, gboolean keep);
/* Number of events applied: n_events when live. */
guint64      reclaim_heap_get_position  (ReclaimHeap *heap);
/* Put the heap in the state it had after the first `position` events.
 * While the position is not at the end, the heap is read-only. */
void         reclaim_heap_seek          (ReclaimHeap *heap, guint64 position);
gboolean     reclaim_heap_is_live       (ReclaimHeap *heap);
const char  *reclaim_event_kind_name    (ReclaimEventKind kind);
const char  *reclaim_phase_name         (ReclaimPhase phase);
/* A digest of the whole state, for tests of time travel. */
guint64      reclaim_heap_state_digest  (ReclaimHeap *heap);
/* Bytes the heap holds: object records, slot arrays and the event log. */
gsize        reclaim_heap_memory_size   (ReclaimHeap *heap);
/* Of which the event log. */
gsize        reclaim_heap_log_memory_size (ReclaimHeap *heap);

G_END_DECLS
