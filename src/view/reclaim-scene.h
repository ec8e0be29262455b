/* reclaim-scene.h: what a picture of the heap shows, before it is placed.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scene is built from a heap at its current position (live or time
 * travelled).  It holds cards, rows and arrows:
 *
 *  - a card per object shown: the module namespace and the frames (drawn in
 *    the frames column, as Python Tutor does) and the objects the script
 *    made, with their type, reference count, generation and flags;
 *  - a row per slot worth showing: `x: 5`, `'name': 'a'`, `[0]`, an
 *    immediate inline, or a pointer to another card;
 *  - an arrow per pointer row: strong references, and a dashed weak
 *    reference from each weakref to its referent.
 *
 * The interpreter's own start-up objects (builtins, modules, built-in types)
 * are never cards; nor, unless asked for, is the machinery the script's
 * run made (classes, functions, their namespaces and tuples, argument
 * tuples: see reclaim-visibility.h).  A row pointing at an object without
 * a card says what it is in words ("module gc", "class Node").  A
 * function's __globals__ is never drawn.
 *
 * Cards and rows are plain structs so that the layout, the renderer and the
 * tests read them directly.  Geometry fields are filled by
 * reclaim_layout_scene() (see reclaim-layout.h).
 */
#pragma once

#include "reclaim-heap.h"
#include "reclaim-visibility.h"

G_BEGIN_DECLS

typedef enum {
  RECLAIM_CARD_FRAME        = 1 << 0,  /* the module namespace or a frame: frames column */
  RECLAIM_CARD_TRACKED      = 1 << 1,  /* in one of the collector's lists */
  RECLAIM_CARD_FINALIZER    = 1 << 2,  /* its class defines __del__ */
  RECLAIM_CARD_FINALIZED    = 1 << 3,  /* __del__ has run */
  RECLAIM_CARD_WEAKLY_REFERENCED = 1 << 4,
  RECLAIM_CARD_COLLECTING   = 1 << 5,  /* a candidate of the running collection */
  RECLAIM_CARD_UNREACHABLE  = 1 << 6,  /* in an unreachable list of the running collection */
  RECLAIM_CARD_FREED        = 1 << 7,  /* freed: shown faded (reclaim_scene_options.freed_since) */
  RECLAIM_CARD_CLASS_INTERNAL = 1 << 8,/* the interpreter's machinery, shown because it was asked for */
  RECLAIM_CARD_MORE_ROWS    = 1 << 9,  /* rows were cut at max_rows: the last row says how many */
  RECLAIM_CARD_MOVED_BACK   = 1 << 10, /* the running collection's move_unreachable found it
                                        * reachable again after it was tentatively unreachable */
  RECLAIM_CARD_RESURRECTED  = 1 << 11, /* its __del__ ran and it lives on (PEP 442 resurrection) */
  RECLAIM_CARD_GARBAGE      = 1 << 12, /* alive, but no root reaches it: a collection would free it */
} ReclaimCardFlags;

typedef enum {
  RECLAIM_ROW_POINTER       = 1 << 0,  /* points at another card; an arrow starts here */
  RECLAIM_ROW_WEAK          = 1 << 1,  /* the pointer is a weak reference */
  RECLAIM_ROW_MUTED         = 1 << 2,  /* a description, not a value: "module gc", "empty" */
  RECLAIM_ROW_KEY_OBJECT    = 1 << 3,  /* the pointer is a dict key, not its value */
} ReclaimRowFlags;

typedef struct {
  ReclaimId    id;
  ReclaimKind  kind;
  const char  *title;        /* "Node", "list", "class Node", "function f", "Global frame" */
  const char  *name;         /* how a variable reaches it ("n1.friend"), or NULL */
  guint32      refcount;
  gint32       gc_refs;      /* meaningful while COLLECTING or UNREACHABLE */
  int          generation;   /* 0..2, 3 for the permanent generation, -1 when untracked */
  guint        flags;        /* ReclaimCardFlags */
  guint        n_weakrefs;   /* weak references pointing at it */
  guint        first_row;    /* index in scene->rows */
  guint        n_rows;
  /* Filled by the layout, in scene units. */
  double       x, y, width, height;
  double       label_width;  /* width of the rows' label column */
  guint        column;       /* 0: frames */
} ReclaimCard;

typedef struct {
  const char  *label;        /* "name", "[0]", "'key'", or NULL (set items) */
  const char  *value;        /* inline text ("5", "'a'", "module gc"), NULL for a pointer */
  guint        target;       /* card index the row points at (RECLAIM_ROW_POINTER) */
  guint        flags;        /* ReclaimRowFlags */
  /* The index of the card's object's slot the row shows (for a dict
   * entry, its value slot; for an object key, the key slot), or G_MAXUINT
   * when the row is no slot of that object (a class's namespace entries,
   * a weakref's referent, "empty", "… N more"). */
  guint        slot;
} ReclaimRow;

typedef enum {
  RECLAIM_ARROW_STRONG,
  RECLAIM_ARROW_WEAK,
} ReclaimArrowKind;

typedef struct {
  guint            from;     /* card index */
  guint            row;      /* index in scene->rows of the pointer row */
  guint            to;       /* card index */
  ReclaimArrowKind kind;
  /* Set by the layout: this arrow's place among the n_arrivals arriving
   * at the same edge of its target, and when routed, the height of the
   * lane it takes round the cards in its way. */
  guint16          arrival;
  guint16          n_arrivals;
  gboolean         routed;
  double           lane;
} ReclaimArrow;

typedef struct {
  GArray        *cards;      /* ReclaimCard: frames first (the module namespace first), then by id */
  GArray        *rows;       /* ReclaimRow */
  GArray        *arrows;     /* ReclaimArrow, in card then row order */
  guint          n_frames;   /* cards [0, n_frames) are frames */
  /* Bounds of everything drawn, set by the layout (cards start at 0, 0). */
  double         width, height;
  /* private */
  GStringChunk  *strings;
  GArray        *index_of_id;  /* guint by id: its card's index + 1, 0: none */
  guint          filling;    /* the card rows are added to */
} ReclaimScene;

typedef struct {
  /* Objects with smaller ids are the interpreter's own and never cards
   * (except module_dict).  0 or 1: every object is a candidate. */
  ReclaimId  first_id;
  /* The module namespace, drawn first in the frames column as "Global
   * frame" without its dunder entries.  0: none. */
  ReclaimId  module_dict;
  /* Which objects from first_id on are cards (reclaim_visibility_shows);
   * NULL: all of them. */
  const ReclaimVisibility *visibility;
  /* Also show objects freed by events [freed_since, position) as faded
   * cards without rows (for animations).  Ignored unless show_freed. */
  gboolean   show_freed;
  guint64    freed_since;
  /* Rows shown per card at most; the rest become one "… N more" row.
   * 0: 64. */
  guint      max_rows;
} ReclaimSceneOptions;

ReclaimScene *reclaim_scene_new     (ReclaimHeap               *heap,
                                     const ReclaimSceneOptions *options);
void          reclaim_scene_free    (ReclaimScene *scene);

/* The card of object id, or NULL when it is not shown. */
ReclaimCard  *reclaim_scene_find_card (const ReclaimScene *scene, ReclaimId id);
guint         reclaim_scene_n_cards (const ReclaimScene *scene);
ReclaimCard  *reclaim_scene_get_card (const ReclaimScene *scene, guint index);
ReclaimRow   *reclaim_scene_get_row (const ReclaimScene *scene, guint index);
/* The row of card whose label is label, or NULL. */
ReclaimRow   *reclaim_scene_find_row (const ReclaimScene *scene,
                                      const ReclaimCard  *card,
                                      const char         *label);
/* The arrow leaving row index `row`, or NULL. */
const ReclaimArrow *reclaim_scene_find_arrow (const ReclaimScene *scene,
                                              ReclaimId           from,
                                              ReclaimId           to,
                                              ReclaimArrowKind    kind);

/* Sets RECLAIM_CARD_GARBAGE on the cards of live objects that nothing
 * held from outside the heap (a frame, the interpreter) reaches
 * (reclaim-scene-garbage.c).  reclaim_scene_new() calls it. */
void          reclaim_scene_mark_garbage (ReclaimScene *scene,
                                          ReclaimHeap  *heap);

/* Sets each object card's name: the expression that reaches it from a
 * variable along the scene's rows, global variables first
 * (reclaim-scene-names.c).  reclaim_scene_new() calls it. */
void          reclaim_scene_name_cards (ReclaimScene *scene);

/* Builds an empty scene for generated content (benchmarks, tests): add
 * cards with reclaim_scene_add_card(), their rows right after. */
ReclaimScene *reclaim_scene_new_empty (void);
ReclaimCard  *reclaim_scene_add_card (ReclaimScene *scene,
                                      ReclaimId     id,
                                      ReclaimKind   kind,
                                      const char   *title,
                                      guint         flags);
/* Adds a row to the last card added; target is a card index when flags
 * has RECLAIM_ROW_POINTER (an arrow is added when the scene is finished).
 * Its slot is the number of rows the card had before, as for a list. */
void          reclaim_scene_add_row (ReclaimScene *scene,
                                     const char   *label,
                                     const char   *value,
                                     guint         target,
                                     guint         flags);
/* Adds the arrows of the pointer rows.  Call once, after the last card. */
void          reclaim_scene_finish  (ReclaimScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimScene, reclaim_scene_free)

G_END_DECLS
