/* reclaim-heap-private.h: the engine's internals, shared by its files.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

typedef struct {
  ReclaimValue value;
  guint32      label;   /* reclaim_intern */
  guint8       role;
} Slot;

/* One object.  The first group changes only through events; the second is
 * fixed at allocation. */
typedef struct {
  ReclaimId  gc_prev, gc_next;   /* links in the collector list `list` */
  guint32    refcnt;
  guint32    gc_word;            /* RECLAIM_GC_WORD (gc_refs, flags) */
  ReclaimId  wr_first;           /* first weakref to this object */
  ReclaimId  wr_prev, wr_next;   /* for weakrefs: neighbours in the referent's list */
  ReclaimId  wr_referent;        /* for weakrefs: what they point to (0 once cleared) */
  ReclaimId  dict;               /* reclaim_heap_set_instance_dict */
  guint32    capacity;           /* lists: reclaim_heap_get_capacity (not time-travelled) */
  Slot      *slots;
  guint32    n_slots;
  guint32    slots_allocated;
  guint8     state;              /* ReclaimState */
  guint8     list;               /* ReclaimList */
  guint8     freed_by;           /* ReclaimFreedBy */

  guint8     kind;               /* ReclaimKind */
  guint8     alloc_flags;        /* ReclaimAllocFlags */
  guint8     tuple_size;         /* size class for the tuple free lists */
  guint8     watched;            /* reclaim_heap_watch */
  ReclaimId  cls;
  guint32    label;     /* reclaim_intern */
} Object;

typedef struct {
  ReclaimId first, last;
  guint32   length;
} GcList;

/* How the log keeps an event: 16 bytes where a ReclaimEvent takes 20
 * (reclaim-event-store.h says how the fields are packed).  The line is
 * not kept with each event: it is found from the RECLAIM_EV_LINE events. */
typedef struct {
  guint32   head;   /* kind, a, and b or z */
  ReclaimId obj;
  guint32   x;
  guint32   y;
} StoredEvent;

/* The log is kept in chunks of 2 MiB. */
#define EVENTS_PER_CHUNK_SHIFT 17
#define EVENTS_PER_CHUNK (1u << EVENTS_PER_CHUNK_SHIFT)
/* The line running at the start of each block of 64 events is noted, so
 * an event's line is found by looking back at most 63 events. */
#define LINE_BLOCK_SHIFT 6
#define LINE_BLOCK (1u << LINE_BLOCK_SHIFT)

/* Slot arrays up to this many slots come from the heap's blocks
 * (reclaim-slot-arrays.c), in SMALL_SLOT_CLASSES sizes: 1, 2, 4, 8, 16. */
#define SMALL_SLOTS_MAX 16
#define SMALL_SLOT_CLASSES 5

struct _ReclaimHeap {
  Object       *objects;          /* indexed by id; objects[0] is unused */
  guint32       n_objects;
  guint32       n_alive;
  gsize         slot_bytes;       /* the slot arrays of all objects, for reclaim_heap_memory_size */
  /* small slot arrays (reclaim-slot-arrays.c): the free ones by size class,
   * and the blocks they are carved from */
  Slot         *free_slot_arrays[SMALL_SLOT_CLASSES];
  GPtrArray    *slot_blocks;
  guint8       *slot_block_next;
  gsize         slot_block_left;
  guint32       objects_allocated;

  GcList        lists[RECLAIM_N_LISTS];
  gint32        counters[RECLAIM_N_COUNTERS];
  guint32       watch_version;    /* reclaim_heap_get_watch_version */
  ReclaimCollectorMode mode;

  StoredEvent **event_chunks;
  StoredEvent  *append_at;        /* where the next event goes */
  StoredEvent  *block_end;        /* the end of the current LINE_BLOCK */
  GArray       *overflow;         /* ReclaimEvent: the events too wide for a StoredEvent */
  GArray       *block_lines;      /* guint32: the line at the start of each LINE_BLOCK of events */
  guint64       n_events;
  guint64       position;         /* events applied; == n_events when live */
  gboolean      drop_events;      /* apply events without keeping them */
  GArray       *freed_ids;        /* drop_events: ids freed since the last reclaim_heap_reuse_freed_ids */
  GArray       *reusable_ids;     /* drop_events: ids a new object may take */
  guint         n_chunks_allocated;

  guint32       line;
  ReclaimId     garbage_list;     /* gc.garbage */

  /* Transient machinery, empty between calls: not part of the state. */
  gboolean      collecting;       /* gcstate->collecting */
  int           trash_nesting;
  GArray       *trash_later;      /* ReclaimId stack, the trashcan's delete_later */
  int           dealloc_depth;    /* C recursion guard for non-trashcan types */
  ReclaimPhase  phase;            /* phase of the running collection, for events */
  guint64       finalizers_called;

  ReclaimHost   host;
  gpointer      host_data;
};

/* The referrer's slot index an incref or decref by an instance dict names. */
#define RECLAIM_SLOT_INSTANCE_DICT (G_MAXUINT32 - 1)

/* An instance of a user class based on list or dict. */
static inline gboolean
heap_is_container_subclass (const Object *o)
{
  return o->cls != 0 && (o->kind == RECLAIM_KIND_LIST || o->kind == RECLAIM_KIND_DICT);
}

/* A freed object's id, for reclaim_heap_reuse_freed_ids (reclaim-heap.c). */
void     heap_note_freed_id         (ReclaimHeap *heap, ReclaimId obj);

/* The registry of live heaps (reclaim-value.c). */
void     heap_register              (ReclaimHeap *heap);
void     heap_unregister            (ReclaimHeap *heap);

/* The log's memory (reclaim-event-store.c; packing in reclaim-event-store.h). */
void     heap_events_free           (ReclaimHeap *heap);
/* Chunks freed heaps left for the next ones, and chunks made ahead: how
 * many there are once the batch being made ahead, if any, is done. */
guint    heap_events_n_spare_chunks (void);
gsize    heap_events_memory_size    (ReclaimHeap *heap);

static inline Object *
reclaim_heap_object (ReclaimHeap *heap, ReclaimId id)
{
  return &heap->objects[id];
}

/* Builds one event, applies it and appends it to the log. */
void     heap_emit_event           (ReclaimHeap *heap, ReclaimEventKind kind, guint8 a, guint16 b,
                                    ReclaimId obj, guint32 x, guint32 y, guint32 z);

/* Primitive changes, each one event. */
void     heap_emit_note            (ReclaimHeap *heap, ReclaimEventKind kind, ReclaimId obj,
                                    guint32 x, guint32 y);
void     heap_set_gc_word          (ReclaimHeap *heap, ReclaimId obj, gint32 refs, guint flags);
void     heap_set_refcount_event   (ReclaimHeap *heap, ReclaimEventKind kind, ReclaimId obj,
                                    guint32 new_refcnt, ReclaimId referrer, guint32 slot);
void     heap_gc_track             (ReclaimHeap *heap, ReclaimId obj, ReclaimList list);
void     heap_gc_untrack           (ReclaimHeap *heap, ReclaimId obj);
void     heap_gc_move              (ReclaimHeap *heap, ReclaimId obj, ReclaimList to);
void     heap_gc_merge             (ReclaimHeap *heap, ReclaimList from, ReclaimList to);
void     heap_set_slot_value       (ReclaimHeap *heap, ReclaimId obj, guint index, ReclaimValue value);
void     heap_weakref_clear        (ReclaimHeap *heap, ReclaimId weakref);
void     heap_free_object          (ReclaimHeap *heap, ReclaimId obj, ReclaimFreedBy by);
void     heap_clear_freelists      (ReclaimHeap *heap);

static inline gint32
heap_gc_refs (ReclaimHeap *heap, ReclaimId obj)
{
  return RECLAIM_GC_WORD_REFS (heap->objects[obj].gc_word);
}

static inline guint
heap_gc_flags (ReclaimHeap *heap, ReclaimId obj)
{
  return RECLAIM_GC_WORD_FLAGS (heap->objects[obj].gc_word);
}

/* Free lists of lists, dicts and small tuples (reclaim-log.c). */
ReclaimCounter heap_freelist_counter (const Object *o);
gboolean heap_freelist_room       (ReclaimHeap *heap, const Object *o);
gboolean heap_freelist_has_one    (ReclaimHeap *heap, const Object *o);

/* Per-kind behaviour (reclaim-heap.c). */
typedef enum {
  ORDER_FORWARD,      /* slot order */
  ORDER_REVERSE,      /* last slot first: list and tuple */
} SlotOrder;

typedef enum {
  CLEAR_NONE,         /* the type has no tp_clear (tuple, bound method, generator) */
  CLEAR_EACH,         /* Py_CLEAR slot by slot: instance, function, cell, class */
  CLEAR_EMPTY_FIRST,  /* empty the container, then drop the old items: list, dict, set */
} ClearStyle;

typedef struct {
  const char *type_name;
  guint       is_gc : 1;
  guint       weakrefs : 1;        /* supports weak references */
  guint       trashcan : 1;        /* tp_dealloc uses Py_TRASHCAN_BEGIN */
  guint       weakrefs_before_finalizer : 1;  /* gen_dealloc clears them first */
  SlotOrder   dealloc_order;
  ClearStyle  clear;
} KindInfo;

const KindInfo *reclaim_kind_info (ReclaimKind kind);

gboolean heap_may_be_tracked      (ReclaimHeap *heap, ReclaimValue value);
gboolean heap_supports_weakrefs   (ReclaimHeap *heap, ReclaimId obj);

/* Reference counting and deallocation (reclaim-dealloc.c). */
void     heap_decref_from          (ReclaimHeap *heap, ReclaimValue value,
                                    ReclaimId referrer, guint32 slot);
void     heap_dealloc              (ReclaimHeap *heap, ReclaimId obj);
void     heap_clear_weakrefs       (ReclaimHeap *heap, ReclaimId obj);
void     heap_call_finalizer       (ReclaimHeap *heap, ReclaimId obj);
ReclaimId heap_alloc_object        (ReclaimHeap *heap, ReclaimKind kind, ReclaimId cls,
                                    guint32 label, ReclaimAllocFlags flags, guint tuple_size);
void     heap_reserve_slots        (ReclaimHeap *heap, Object *o, guint n);
void     heap_forget_slots         (ReclaimHeap *heap, Object *o);
void     heap_free_slot_arrays     (ReclaimHeap *heap);

/* The collector (reclaim-collector.c, reclaim-marksweep.c). */
void     heap_maybe_collect_on_alloc (ReclaimHeap *heap);
gssize   heap_collect_main         (ReclaimHeap *heap, int generation,
                                    gssize *collected, gssize *uncollectable);
gssize   heap_marksweep_collect    (ReclaimHeap *heap);
void     heap_set_counter          (ReclaimHeap *heap, ReclaimCounter counter, gint32 value);
void     heap_phase                (ReclaimHeap *heap, ReclaimPhase phase);

G_END_DECLS
