/* reclaim-query.h: questions a user asks about the heap.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every query reads the heap at its current position (live or time
 * travelled) and changes nothing: no reference count moves and no event is
 * appended.  Only ALIVE objects take part.
 *
 * The strong-reference graph the queries walk is the one tp_traverse sees:
 * each slot holding an object, then, for instances, the class.  Weak
 * references are not edges.  Immediates and empty slots are ignored.
 *
 * A root is an object allocated with RECLAIM_ALLOC_ROOT (a frame, the module
 * namespace), or an object held by the running interpreter: one whose
 * reference count is larger than the number of strong references to it from
 * alive heap objects.  The collector can never free what a root reaches.
 *
 * Ownership: every GArray / GPtrArray / struct returned is new and belongs to
 * the caller (g_array_unref, g_ptr_array_unref, reclaim_query_freed_free);
 * g_autoptr works for all of them.
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

/* The slot index standing for an instance's reference to its class. */
#define RECLAIM_QUERY_SLOT_CLASS  G_MAXUINT
/* The slot index of the last step of a path: it is the object asked about. */
#define RECLAIM_QUERY_SLOT_NONE   (G_MAXUINT - 1)
/* The slot index standing for the reference of an instance of a class
 * based on list or dict to its __dict__ (reclaim_heap_get_instance_dict). */
#define RECLAIM_QUERY_SLOT_DICT   (G_MAXUINT - 2)

/* One strong reference: slot `slot` of some object, or an object seen
 * through slot `slot`; each function says which. */
typedef struct {
  ReclaimId obj;
  guint     slot;   /* a slot index, RECLAIM_QUERY_SLOT_CLASS, _DICT or _NONE */
} ReclaimRef;

typedef enum {
  RECLAIM_QUERY_ROOT_NONE,
  RECLAIM_QUERY_ROOT_ALLOC,     /* allocated with RECLAIM_ALLOC_ROOT */
  RECLAIM_QUERY_ROOT_EXTERNAL,  /* held by the running interpreter */
} ReclaimQueryRoot;

/* What reclaim_query_what_would_free() finds. */
typedef struct {
  /* ReclaimId, sorted: freed at once by the reference-count cascade. */
  GArray *freed_by_refcount;
  /* ReclaimId, sorted: still allocated afterwards but reachable from no root
   * any more (it was before), so only the cycle collector reclaims them. */
  GArray *left_as_garbage;
} ReclaimQueryFreed;

/* Every alive object holding a strong reference to obj, as ReclaimRef
 * {holder, slot}, by holder id, then slot order, the class reference last.
 * An object holding obj in two slots appears twice.  Empty when obj is not
 * alive. */
GArray            *reclaim_query_referrers      (ReclaimHeap *heap,
                                                 ReclaimId    obj);

/* The objects obj refers to strongly, as ReclaimRef {referent, slot of obj},
 * in slot order, then the class.  Empty when obj is not alive. */
GArray            *reclaim_query_referents      (ReclaimHeap *heap,
                                                 ReclaimId    obj);

/* References to obj from outside the heap: its reference count minus the
 * strong references from alive objects (0 when not alive). */
guint32            reclaim_query_count_external (ReclaimHeap *heap,
                                                 ReclaimId    obj);

/* Why is obj alive?  A shortest chain of strong references from a root to
 * obj, as ReclaimRef steps {object, slot holding the next step}; the last
 * step is {obj, RECLAIM_QUERY_SLOT_NONE}, and a root alone is a one-step
 * path.  Breadth first from the RECLAIM_ALLOC_ROOT objects, then the
 * externally held ones, each in id order, following slots in order, so the
 * answer is always the same.  out_root (nullable) says what kind of root the
 * first step is.  Returns NULL (and RECLAIM_QUERY_ROOT_NONE) when obj is not
 * alive or no root reaches it: it is cyclic garbage. */
GArray            *reclaim_query_why_alive      (ReclaimHeap      *heap,
                                                 ReclaimId         obj,
                                                 ReclaimQueryRoot *out_root);

/* What would deleting slot `slot` of holder free (slot may be
 * RECLAIM_QUERY_SLOT_CLASS)?  Simulates the decref cascade on scratch
 * counters, then which objects no root reaches any more.  Ignores what
 * __del__ methods and weakref callbacks would do.  Under
 * RECLAIM_COLLECTOR_MARKSWEEP a count of 0 frees nothing, so everything
 * lands in left_as_garbage.  Returns NULL when the slot does not hold an
 * alive object (holder not alive, no such slot, an immediate, empty). */
ReclaimQueryFreed *reclaim_query_what_would_free (ReclaimHeap *heap,
                                                  ReclaimId    holder,
                                                  guint        slot);

/* As reclaim_query_what_would_free(), for the running code dropping one of
 * its own references to obj (a `del` of a local that is not a heap slot).
 * Returns NULL when obj is not alive or has no external reference. */
ReclaimQueryFreed *reclaim_query_what_would_free_external (ReclaimHeap *heap,
                                                           ReclaimId    obj);

void               reclaim_query_freed_free     (ReclaimQueryFreed *freed);

/* The strongly connected components of the strong-reference graph among
 * alive objects that contain a cycle (more than one object, or an object
 * referring to itself).  Namespaces (dicts allocated as roots: a module's
 * globals, the builtins) are left out: a path through one is the script's
 * names, which every function's globals lead back to.  A GPtrArray of GArray of ReclaimId; each component
 * sorted, components ordered by their smallest id.  Iterative: safe on
 * heaps of millions of objects. */
GPtrArray         *reclaim_query_cycles         (ReclaimHeap *heap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimQueryFreed, reclaim_query_freed_free)

G_END_DECLS
