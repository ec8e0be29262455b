/* reclaim-query.c: questions a user asks about the heap.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole-heap queries first copy the strong-reference graph into flat
 * arrays indexed by id (ids are dense), so each query is O(objects +
 * references) and every walk uses an explicit stack or queue: a heap can
 * hold a million objects chained one after the other, far deeper than the
 * C stack.
 */
#include "reclaim-query.h"
#include "reclaim-heap-private.h"

#include <string.h>

/* No edge is cut: an index no edge array reaches. */
#define NO_EDGE G_MAXUINT

static gboolean
is_alive (ReclaimHeap *heap,
          ReclaimId    obj)
{
  return obj != 0
         && obj <= reclaim_heap_n_objects (heap)
         && reclaim_heap_get_state (heap, obj) == RECLAIM_STATE_ALIVE;
}

/* The alive object slot `index` of obj holds a strong reference to, or 0. */
static ReclaimId
slot_get_referent (ReclaimHeap *heap,
                   ReclaimId    obj,
                   guint        index)
{
  ReclaimValue value = reclaim_heap_slot_get (heap, obj, index);

  if (value == RECLAIM_VALUE_NONE || !reclaim_value_is_object (value))
    return 0;
  if (!is_alive (heap, (ReclaimId) value))
    return 0;
  return (ReclaimId) value;
}

static ReclaimId
class_get_referent (ReclaimHeap *heap,
                    ReclaimId    obj)
{
  ReclaimId cls = reclaim_heap_get_class (heap, obj);

  return is_alive (heap, cls) ? cls : 0;
}

static ReclaimId
dict_get_referent (ReclaimHeap *heap,
                   ReclaimId    obj)
{
  ReclaimId dict = reclaim_heap_get_instance_dict (heap, obj);

  return dict != 0 && is_alive (heap, dict) ? dict : 0;
}

/* Whatever the reference at (obj, slot) points to, or 0. */
static ReclaimId
reference_get_referent (ReclaimHeap *heap,
                        ReclaimId    obj,
                        guint        slot)
{
  if (slot == RECLAIM_QUERY_SLOT_CLASS)
    return class_get_referent (heap, obj);
  if (slot == RECLAIM_QUERY_SLOT_DICT)
    return dict_get_referent (heap, obj);
  if (slot >= reclaim_heap_n_slots (heap, obj))
    return 0;
  return slot_get_referent (heap, obj, slot);
}

static void
append_ref (GArray    *refs,
            ReclaimId  obj,
            guint      slot)
{
  ReclaimRef ref = { obj, slot };

  g_array_append_val (refs, ref);
}

/* Appends obj's strong references: the instance dict of a class based on
 * list or dict, the slots, then the class. */
static void
append_referents (ReclaimHeap *heap,
                  ReclaimId    obj,
                  GArray      *refs)
{
  guint n_slots = reclaim_heap_n_slots (heap, obj);
  ReclaimId cls, dict = dict_get_referent (heap, obj);

  if (dict != 0)
    append_ref (refs, dict, RECLAIM_QUERY_SLOT_DICT);
  for (guint i = 0; i < n_slots; i++)
    {
      ReclaimId target = slot_get_referent (heap, obj, i);

      if (target != 0)
        append_ref (refs, target, i);
    }

  cls = class_get_referent (heap, obj);
  if (cls != 0)
    append_ref (refs, cls, RECLAIM_QUERY_SLOT_CLASS);
}

static GArray *
ref_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (ReclaimRef));
}

static GArray *
id_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (ReclaimId));
}

/* Appends to `referrers` (nullable) each reference to obj from an alive
 * object, and returns how many there are. */
static guint
scan_referrers (ReclaimHeap *heap,
                ReclaimId    obj,
                GArray      *referrers)
{
  guint32 n_objects = reclaim_heap_n_objects (heap);
  guint n_found = 0;

  for (ReclaimId holder = 1; holder <= n_objects; holder++)
    {
      guint n_slots;

      if (reclaim_heap_get_state (heap, holder) != RECLAIM_STATE_ALIVE)
        continue;

      if (dict_get_referent (heap, holder) == obj)
        {
          n_found++;
          if (referrers != NULL)
            append_ref (referrers, holder, RECLAIM_QUERY_SLOT_DICT);
        }

      n_slots = reclaim_heap_n_slots (heap, holder);
      for (guint i = 0; i < n_slots; i++)
        {
          if (slot_get_referent (heap, holder, i) != obj)
            continue;
          n_found++;
          if (referrers != NULL)
            append_ref (referrers, holder, i);
        }

      if (class_get_referent (heap, holder) == obj)
        {
          n_found++;
          if (referrers != NULL)
            append_ref (referrers, holder, RECLAIM_QUERY_SLOT_CLASS);
        }
    }

  return n_found;
}

GArray *
reclaim_query_referrers (ReclaimHeap *heap,
                         ReclaimId    obj)
{
  GArray *referrers = ref_array_new ();

  g_return_val_if_fail (heap != NULL, referrers);

  if (is_alive (heap, obj))
    scan_referrers (heap, obj, referrers);
  return referrers;
}

GArray *
reclaim_query_referents (ReclaimHeap *heap,
                         ReclaimId    obj)
{
  GArray *referents = ref_array_new ();

  g_return_val_if_fail (heap != NULL, referents);

  if (is_alive (heap, obj))
    append_referents (heap, obj, referents);
  return referents;
}

static guint32
external_references (guint32 refcount,
                     guint32 n_referrers)
{
  return refcount > n_referrers ? refcount - n_referrers : 0;
}

guint32
reclaim_query_count_external (ReclaimHeap *heap,
                              ReclaimId    obj)
{
  g_return_val_if_fail (heap != NULL, 0);

  if (!is_alive (heap, obj))
    return 0;
  return external_references (reclaim_heap_get_refcount (heap, obj),
                              scan_referrers (heap, obj, NULL));
}

/* The strong-reference graph among alive objects, in compressed rows:
 * obj's references are edges[first_edge[obj] .. first_edge[obj + 1]),
 * each {target, slot of obj}. */
typedef struct {
  ReclaimHeap *heap;
  guint32      n_objects;
  guint8      *alive;        /* by id */
  guint32     *refcount;     /* by id */
  guint32     *n_referrers;  /* by id: strong references from alive objects */
  guint       *first_edge;   /* n_objects + 2 entries */
  ReclaimRef  *edges;
  guint        n_edges;
} QueryGraph;

static void
query_graph_count_referrers (QueryGraph *graph)
{
  for (guint e = 0; e < graph->n_edges; e++)
    graph->n_referrers[graph->edges[e].obj]++;
}

static gboolean
graph_is_alive (const ReclaimHeap *heap, ReclaimId obj)
{
  return obj != 0 && obj <= heap->n_objects && heap->objects[obj].state == RECLAIM_STATE_ALIVE;
}

/* append_referents() for the graph, read from the heap's own arrays into
 * edges (room for them all): the graph reads every object whenever a
 * caption names one, and the accessors' checks were most of its cost. */
static guint
graph_add_referents (const ReclaimHeap *heap, ReclaimId obj, ReclaimRef *edges)
{
  const Object *o = &heap->objects[obj];
  guint n = 0;

  if (o->dict != 0 && graph_is_alive (heap, o->dict))
    edges[n++] = (ReclaimRef) { o->dict, RECLAIM_QUERY_SLOT_DICT };
  for (guint i = 0; i < o->n_slots; i++)
    {
      ReclaimValue value = o->slots[i].value;
      if (reclaim_value_is_object (value) && graph_is_alive (heap, (ReclaimId) value))
        edges[n++] = (ReclaimRef) { (ReclaimId) value, i };
    }
  if (graph_is_alive (heap, o->cls))
    edges[n++] = (ReclaimRef) { o->cls, RECLAIM_QUERY_SLOT_CLASS };
  return n;
}

/* How many references graph_add_referents() may find, at most. */
static gsize
graph_room (const ReclaimHeap *heap)
{
  gsize room = 0;

  for (ReclaimId obj = 1; obj <= heap->n_objects; obj++)
    if (heap->objects[obj].state == RECLAIM_STATE_ALIVE)
      room += heap->objects[obj].n_slots + 2;
  return room;
}

static QueryGraph *
query_graph_new (ReclaimHeap *heap)
{
  QueryGraph *graph = g_new0 (QueryGraph, 1);
  guint32 n = reclaim_heap_n_objects (heap);
  ReclaimRef *edges = g_new (ReclaimRef, MAX (graph_room (heap), 1));
  guint n_edges = 0;

  graph->heap = heap;
  graph->n_objects = n;
  graph->alive = g_new0 (guint8, n + 1);
  graph->refcount = g_new0 (guint32, n + 1);
  graph->n_referrers = g_new0 (guint32, n + 1);
  graph->first_edge = g_new (guint, n + 2);

  graph->first_edge[0] = 0;
  for (ReclaimId obj = 1; obj <= n; obj++)
    {
      graph->first_edge[obj] = n_edges;
      if (heap->objects[obj].state != RECLAIM_STATE_ALIVE)
        continue;
      graph->alive[obj] = TRUE;
      graph->refcount[obj] = heap->objects[obj].refcnt;
      n_edges += graph_add_referents (heap, obj, edges + n_edges);
    }
  graph->first_edge[n + 1] = n_edges;

  graph->n_edges = n_edges;
  graph->edges = edges;
  query_graph_count_referrers (graph);
  return graph;
}

static void
query_graph_free (QueryGraph *graph)
{
  g_free (graph->alive);
  g_free (graph->refcount);
  g_free (graph->n_referrers);
  g_free (graph->first_edge);
  g_free (graph->edges);
  g_free (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryGraph, query_graph_free)

static guint32
query_graph_external (QueryGraph *graph,
                      ReclaimId   obj)
{
  return external_references (graph->refcount[obj], graph->n_referrers[obj]);
}

static ReclaimQueryRoot
query_graph_root_kind (QueryGraph *graph,
                       ReclaimId   obj)
{
  if (!graph->alive[obj])
    return RECLAIM_QUERY_ROOT_NONE;
  if (graph->heap->objects[obj].alloc_flags & RECLAIM_ALLOC_ROOT)
    return RECLAIM_QUERY_ROOT_ALLOC;
  if (query_graph_external (graph, obj) > 0)
    return RECLAIM_QUERY_ROOT_EXTERNAL;
  return RECLAIM_QUERY_ROOT_NONE;
}

/* The roots in search order: RECLAIM_ALLOC_ROOT objects, then the externally
 * held ones, each by id. */
static GArray *
query_graph_roots (QueryGraph *graph)
{
  GArray *roots = id_array_new ();
  const ReclaimQueryRoot kinds[] = { RECLAIM_QUERY_ROOT_ALLOC, RECLAIM_QUERY_ROOT_EXTERNAL };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (ReclaimId obj = 1; obj <= graph->n_objects; obj++)
      if (query_graph_root_kind (graph, obj) == kinds[k])
        g_array_append_val (roots, obj);
  return roots;
}

/* The index of the edge for reference (obj, slot), or NO_EDGE. */
static guint
query_graph_find_edge (QueryGraph *graph,
                       ReclaimId   obj,
                       guint       slot)
{
  for (guint e = graph->first_edge[obj]; e < graph->first_edge[obj + 1]; e++)
    if (graph->edges[e].slot == slot)
      return e;
  return NO_EDGE;
}

/* Returns, by id, whether an object is reachable from `roots`, without
 * crossing edge `cut_edge` or entering an object marked in `gone`
 * (nullable). */
static guint8 *
query_graph_mark_reachable (QueryGraph   *graph,
                            GArray       *roots,
                            guint         cut_edge,
                            const guint8 *gone)
{
  guint8 *reached = g_new0 (guint8, graph->n_objects + 1);
  ReclaimId *stack = g_new (ReclaimId, graph->n_objects + 1);
  guint depth = 0;

  for (guint i = 0; i < roots->len; i++)
    {
      ReclaimId root = g_array_index (roots, ReclaimId, i);

      if ((gone == NULL || !gone[root]) && !reached[root])
        {
          reached[root] = TRUE;
          stack[depth++] = root;
        }
    }

  while (depth > 0)
    {
      ReclaimId obj = stack[--depth];

      for (guint e = graph->first_edge[obj]; e < graph->first_edge[obj + 1]; e++)
        {
          ReclaimId target = graph->edges[e].obj;

          if (e == cut_edge || reached[target] || (gone != NULL && gone[target]))
            continue;
          reached[target] = TRUE;
          stack[depth++] = target;
        }
    }

  g_free (stack);
  return reached;
}

/* Breadth first from the roots until `goal` is found.  came_from[obj] is
 * {predecessor, its slot holding obj}; a root comes from itself through
 * RECLAIM_QUERY_SLOT_NONE. */
static ReclaimRef *
query_graph_search_breadth_first (QueryGraph *graph,
                                  GArray     *roots,
                                  ReclaimId   goal)
{
  ReclaimRef *came_from = g_new0 (ReclaimRef, graph->n_objects + 1);
  ReclaimId *queue = g_new (ReclaimId, graph->n_objects + 1);
  guint head = 0, tail = 0;

  for (guint i = 0; i < roots->len; i++)
    {
      ReclaimId root = g_array_index (roots, ReclaimId, i);

      came_from[root] = (ReclaimRef) { root, RECLAIM_QUERY_SLOT_NONE };
      queue[tail++] = root;
    }

  while (head < tail && came_from[goal].obj == 0)
    {
      ReclaimId obj = queue[head++];

      for (guint e = graph->first_edge[obj]; e < graph->first_edge[obj + 1]; e++)
        {
          ReclaimId target = graph->edges[e].obj;

          if (came_from[target].obj != 0)
            continue;
          came_from[target] = (ReclaimRef) { obj, graph->edges[e].slot };
          queue[tail++] = target;
        }
    }

  g_free (queue);
  return came_from;
}

static void
ref_array_reverse (GArray *refs)
{
  if (refs->len < 2)
    return;
  for (guint i = 0, j = refs->len - 1; i < j; i++, j--)
    {
      ReclaimRef swap = g_array_index (refs, ReclaimRef, i);

      g_array_index (refs, ReclaimRef, i) = g_array_index (refs, ReclaimRef, j);
      g_array_index (refs, ReclaimRef, j) = swap;
    }
}

/* Walks came_from back from goal to its root. */
static GArray *
path_from_came_from (const ReclaimRef *came_from,
                     ReclaimId         goal)
{
  GArray *path = ref_array_new ();
  ReclaimId obj = goal;
  guint slot = RECLAIM_QUERY_SLOT_NONE;

  for (;;)
    {
      append_ref (path, obj, slot);
      if (came_from[obj].slot == RECLAIM_QUERY_SLOT_NONE)
        break;
      slot = came_from[obj].slot;
      obj = came_from[obj].obj;
    }

  ref_array_reverse (path);
  return path;
}

GArray *
reclaim_query_why_alive (ReclaimHeap      *heap,
                         ReclaimId         obj,
                         ReclaimQueryRoot *out_root)
{
  g_autoptr(QueryGraph) graph = NULL;
  g_autoptr(GArray) roots = NULL;
  g_autofree ReclaimRef *came_from = NULL;
  GArray *path;

  if (out_root != NULL)
    *out_root = RECLAIM_QUERY_ROOT_NONE;

  g_return_val_if_fail (heap != NULL, NULL);

  if (!is_alive (heap, obj))
    return NULL;

  graph = query_graph_new (heap);
  roots = query_graph_roots (graph);
  came_from = query_graph_search_breadth_first (graph, roots, obj);
  if (came_from[obj].obj == 0)
    return NULL;

  path = path_from_came_from (came_from, obj);
  if (out_root != NULL)
    *out_root = query_graph_root_kind (graph, g_array_index (path, ReclaimRef, 0).obj);
  return path;
}

/* Drops one count of target, and frees by reference counting whatever
 * reaches zero, as the deallocators' Py_DECREF of their referents would.
 * Returns, by id, the objects freed. */
static guint8 *
query_graph_decref_cascade (QueryGraph *graph,
                            ReclaimId   target,
                            guint       cut_edge)
{
  guint8 *freed = g_new0 (guint8, graph->n_objects + 1);
  g_autofree guint32 *count = g_memdup2 (graph->refcount,
                                         (graph->n_objects + 1) * sizeof (guint32));
  g_autofree ReclaimId *stack = g_new (ReclaimId, graph->n_objects + 1);
  guint depth = 0;

  if (count[target] > 0 && --count[target] == 0)
    stack[depth++] = target;

  while (depth > 0)
    {
      ReclaimId obj = stack[--depth];

      freed[obj] = TRUE;
      for (guint e = graph->first_edge[obj]; e < graph->first_edge[obj + 1]; e++)
        {
          ReclaimId referent = graph->edges[e].obj;

          if (e != cut_edge && count[referent] > 0 && --count[referent] == 0)
            stack[depth++] = referent;
        }
    }

  return freed;
}

/* The roots still standing after the release: none of the freed ones, and
 * not target if the running code let go of its last reference to it. */
static GArray *
roots_after_release (QueryGraph   *graph,
                     GArray       *roots,
                     const guint8 *freed,
                     ReclaimId     target,
                     gboolean      drops_external)
{
  GArray *after = id_array_new ();

  for (guint i = 0; i < roots->len; i++)
    {
      ReclaimId root = g_array_index (roots, ReclaimId, i);

      if (freed[root])
        continue;
      if (drops_external && root == target
          && query_graph_root_kind (graph, root) == RECLAIM_QUERY_ROOT_EXTERNAL
          && query_graph_external (graph, root) == 1)
        continue;
      g_array_append_val (after, root);
    }

  return after;
}

/* Releases one reference to target: the edge cut_edge, or one of the
 * running code's references when drops_external. */
static ReclaimQueryFreed *
query_graph_simulate_release (QueryGraph *graph,
                              ReclaimId   target,
                              guint       cut_edge,
                              gboolean    drops_external)
{
  g_autoptr(GArray) roots = query_graph_roots (graph);
  g_autoptr(GArray) roots_after = NULL;
  g_autofree guint8 *reached_before = NULL;
  g_autofree guint8 *reached_after = NULL;
  g_autofree guint8 *freed = NULL;
  ReclaimQueryFreed *result = g_new0 (ReclaimQueryFreed, 1);

  reached_before = query_graph_mark_reachable (graph, roots, NO_EDGE, NULL);

  /* Under mark-and-sweep a count of zero frees nothing: all is left to the sweep. */
  if (reclaim_heap_get_mode (graph->heap) == RECLAIM_COLLECTOR_MARKSWEEP)
    freed = g_new0 (guint8, graph->n_objects + 1);
  else
    freed = query_graph_decref_cascade (graph, target, cut_edge);

  roots_after = roots_after_release (graph, roots, freed, target, drops_external);
  reached_after = query_graph_mark_reachable (graph, roots_after, cut_edge, freed);

  result->freed_by_refcount = id_array_new ();
  result->left_as_garbage = id_array_new ();
  for (ReclaimId obj = 1; obj <= graph->n_objects; obj++)
    {
      if (freed[obj])
        g_array_append_val (result->freed_by_refcount, obj);
      else if (graph->alive[obj] && reached_before[obj] && !reached_after[obj])
        g_array_append_val (result->left_as_garbage, obj);
    }

  return result;
}

ReclaimQueryFreed *
reclaim_query_what_would_free (ReclaimHeap *heap,
                               ReclaimId    holder,
                               guint        slot)
{
  g_autoptr(QueryGraph) graph = NULL;
  ReclaimId target;

  g_return_val_if_fail (heap != NULL, NULL);

  if (!is_alive (heap, holder))
    return NULL;
  target = reference_get_referent (heap, holder, slot);
  if (target == 0)
    return NULL;

  graph = query_graph_new (heap);
  return query_graph_simulate_release (graph, target,
                                       query_graph_find_edge (graph, holder, slot),
                                       FALSE);
}

ReclaimQueryFreed *
reclaim_query_what_would_free_external (ReclaimHeap *heap,
                                        ReclaimId    obj)
{
  g_autoptr(QueryGraph) graph = NULL;

  g_return_val_if_fail (heap != NULL, NULL);

  if (!is_alive (heap, obj))
    return NULL;

  graph = query_graph_new (heap);
  if (query_graph_external (graph, obj) == 0)
    return NULL;
  return query_graph_simulate_release (graph, obj, NO_EDGE, TRUE);
}

void
reclaim_query_freed_free (ReclaimQueryFreed *freed)
{
  if (freed == NULL)
    return;
  g_clear_pointer (&freed->freed_by_refcount, g_array_unref);
  g_clear_pointer (&freed->left_as_garbage, g_array_unref);
  g_free (freed);
}

/* Tarjan's strongly connected components, with the recursion turned into
 * an explicit stack of (object, next edge to follow). */
typedef struct {
  ReclaimId obj;
  guint     next_edge;
} TarjanFrame;

typedef struct {
  QueryGraph  *graph;
  guint32     *index;      /* by id: visiting order from 1; 0 = not visited */
  guint32     *lowlink;
  guint8      *on_stack;
  ReclaimId   *component_stack;
  guint        component_depth;
  TarjanFrame *frames;
  guint        frame_depth;
  guint32      next_index;
  GPtrArray   *cycles;
} Tarjan;

static gboolean
query_graph_refers_to_itself (QueryGraph *graph,
                              ReclaimId   obj)
{
  for (guint e = graph->first_edge[obj]; e < graph->first_edge[obj + 1]; e++)
    if (graph->edges[e].obj == obj)
      return TRUE;
  return FALSE;
}

static void
tarjan_enter (Tarjan    *tarjan,
              ReclaimId  obj)
{
  tarjan->index[obj] = tarjan->lowlink[obj] = ++tarjan->next_index;
  tarjan->on_stack[obj] = TRUE;
  tarjan->component_stack[tarjan->component_depth++] = obj;
  tarjan->frames[tarjan->frame_depth++] = (TarjanFrame) { obj, tarjan->graph->first_edge[obj] };
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  ReclaimId id_a = *(const ReclaimId *) a;
  ReclaimId id_b = *(const ReclaimId *) b;

  return (id_a > id_b) - (id_a < id_b);
}

/* obj is the root of a component: pop it, and keep it if it is a cycle. */
static void
tarjan_pop_component (Tarjan    *tarjan,
                      ReclaimId  obj)
{
  GArray *component = id_array_new ();
  ReclaimId member;

  do
    {
      member = tarjan->component_stack[--tarjan->component_depth];
      tarjan->on_stack[member] = FALSE;
      g_array_append_val (component, member);
    }
  while (member != obj);

  if (component->len > 1 || query_graph_refers_to_itself (tarjan->graph, obj))
    {
      g_array_sort (component, compare_ids);
      g_ptr_array_add (tarjan->cycles, component);
    }
  else
    g_array_unref (component);
}

/* One step of the depth-first walk: follow the top frame's next edge, or
 * leave the frame when it has none left. */
static void
tarjan_step (Tarjan *tarjan)
{
  QueryGraph *graph = tarjan->graph;
  TarjanFrame *frame = &tarjan->frames[tarjan->frame_depth - 1];
  ReclaimId obj = frame->obj;

  if (frame->next_edge < graph->first_edge[obj + 1])
    {
      ReclaimId target = graph->edges[frame->next_edge++].obj;

      if (tarjan->index[target] == 0)
        tarjan_enter (tarjan, target);
      else if (tarjan->on_stack[target])
        tarjan->lowlink[obj] = MIN (tarjan->lowlink[obj], tarjan->index[target]);
      return;
    }

  tarjan->frame_depth--;
  if (tarjan->lowlink[obj] == tarjan->index[obj])
    tarjan_pop_component (tarjan, obj);
  if (tarjan->frame_depth > 0)
    {
      ReclaimId parent = tarjan->frames[tarjan->frame_depth - 1].obj;

      tarjan->lowlink[parent] = MIN (tarjan->lowlink[parent], tarjan->lowlink[obj]);
    }
}

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const GArray *component_a = *(GArray * const *) a;
  const GArray *component_b = *(GArray * const *) b;

  return compare_ids (component_a->data, component_b->data);
}

/* The module's globals or the builtins: a dict that is a root.  Every
 * function's __globals__ leads back to every global, so through one each
 * instance of a class with methods would be in a cycle with the names
 * that hold it; that loop ends when the name goes, and is no cycle. */
static gboolean
is_namespace (QueryGraph *graph, ReclaimId obj)
{
  return query_graph_root_kind (graph, obj) == RECLAIM_QUERY_ROOT_ALLOC &&
         graph->heap->objects[obj].kind == RECLAIM_KIND_DICT;
}

GPtrArray *
reclaim_query_cycles (ReclaimHeap *heap)
{
  g_autoptr(QueryGraph) graph = NULL;
  Tarjan tarjan = { 0 };
  guint32 n;

  g_return_val_if_fail (heap != NULL, NULL);

  graph = query_graph_new (heap);
  n = graph->n_objects;
  tarjan.graph = graph;
  tarjan.index = g_new0 (guint32, n + 1);
  tarjan.lowlink = g_new0 (guint32, n + 1);
  tarjan.on_stack = g_new0 (guint8, n + 1);
  tarjan.component_stack = g_new (ReclaimId, n + 1);
  tarjan.frames = g_new (TarjanFrame, n + 1);
  tarjan.cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* a namespace is never entered: marking it visited leaves it out */
  for (ReclaimId obj = 1; obj <= n; obj++)
    if (is_namespace (graph, obj))
      tarjan.index[obj] = G_MAXUINT32;
  for (ReclaimId obj = 1; obj <= n; obj++)
    {
      if (!graph->alive[obj] || tarjan.index[obj] != 0)
        continue;
      tarjan_enter (&tarjan, obj);
      while (tarjan.frame_depth > 0)
        tarjan_step (&tarjan);
    }

  g_free (tarjan.index);
  g_free (tarjan.lowlink);
  g_free (tarjan.on_stack);
  g_free (tarjan.component_stack);
  g_free (tarjan.frames);

  g_ptr_array_sort (tarjan.cycles, compare_components);
  return tarjan.cycles;
}
