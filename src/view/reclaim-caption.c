/* reclaim-caption.c: one plain sentence about an engine event.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-caption.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "reclaim-query.h"

static gboolean
is_dunder (const char *name)
{
  return strlen (name) > 4 && g_str_has_prefix (name, "__") && g_str_has_suffix (name, "__");
}

static gboolean
is_dunder_or_null (const char *name)
{
  return name == NULL || is_dunder (name);
}

/* "Node #57", "class Node", "function f". */
static char *
generic_name (ReclaimHeap *heap, ReclaimId obj)
{
  const char *label = reclaim_heap_get_label (heap, obj);

  switch (reclaim_heap_get_kind (heap, obj))
    {
    case RECLAIM_KIND_CLASS:
      /* TRANSLATORS: names a Python class in a sentence; %s is its name, as in "class Node" */
      return g_strdup_printf (_("class %s"), label ? label : "?");
    case RECLAIM_KIND_FUNCTION:
      /* TRANSLATORS: names a Python function in a sentence; %s is its name */
      return g_strdup_printf (_("function %s"), label ? label : "?");
    case RECLAIM_KIND_FRAME:
      /* TRANSLATORS: names the frame of a running function in a
       * sentence, as in "the frame of __init__"; %s is the function */
      return g_strdup_printf (_("the frame of %s"), label ? label : "?");
    case RECLAIM_KIND_DICT:
      /* the module namespace, as the canvas titles it */
      if ((reclaim_heap_get_alloc_flags (heap, obj) & RECLAIM_ALLOC_ROOT) && g_strcmp0 (label, "__main__") == 0)
        return g_strdup (_("Global frame"));
      return g_strdup_printf ("%s #%u", reclaim_heap_get_type_name (heap, obj), obj);
    default:
      return g_strdup_printf ("%s #%u", reclaim_heap_get_type_name (heap, obj), obj);
    }
}

/* Index of item slot `slot` among the non-empty item slots before it. */
static guint
item_index (ReclaimHeap *heap, ReclaimId obj, guint slot)
{
  guint index = 0;

  for (guint i = 0; i < slot; i++)
    if (reclaim_heap_slot_get_role (heap, obj, i) == RECLAIM_ROLE_ITEM &&
        reclaim_heap_slot_get (heap, obj, i) != RECLAIM_VALUE_NONE)
      index++;
  return index;
}

/* Appends how slot `slot` of obj is read in Python; FALSE when Python has
 * no plain expression for it (a set member, a cell, a callback). */
static gboolean
append_access (GString *expr, ReclaimHeap *heap, ReclaimId obj, guint slot, gboolean *as_attribute)
{
  if (slot == RECLAIM_QUERY_SLOT_CLASS)
    {
      g_string_append (expr, ".__class__");
      return TRUE;
    }
  if (slot == RECLAIM_QUERY_SLOT_DICT)
    {
      /* the __dict__ of a list or dict subclass: its entries read as attributes */
      *as_attribute = TRUE;
      return TRUE;
    }

  ReclaimRole role = reclaim_heap_slot_get_role (heap, obj, slot);
  const char *label = reclaim_heap_slot_get_label (heap, obj, slot);
  gboolean attribute = *as_attribute;

  *as_attribute = FALSE;
  switch (role)
    {
    case RECLAIM_ROLE_ATTR:
    case RECLAIM_ROLE_VAR:
      if (label == NULL)
        return FALSE;
      g_string_append_printf (expr, ".%s", label);
      return TRUE;
    case RECLAIM_ROLE_DICT:
      /* a materialised __dict__: its entries read as attributes */
      *as_attribute = TRUE;
      return TRUE;
    case RECLAIM_ROLE_ITEM:
      if (reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_SET)
        return FALSE;
      g_string_append_printf (expr, "[%u]", item_index (heap, obj, slot));
      return TRUE;
    case RECLAIM_ROLE_VALUE:
      {
        if (attribute && label != NULL)
          {
            g_string_append_printf (expr, ".%s", label);
            return TRUE;
          }
        ReclaimValue key = slot > 0 ? reclaim_heap_slot_get (heap, obj, slot - 1) : RECLAIM_VALUE_NONE;
        if (!reclaim_value_is_immediate (key))
          return FALSE;
        g_autofree char *repr = reclaim_value_dup_repr (key);
        g_string_append_printf (expr, "[%s]", repr);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* The expression a variable reaches obj by, or NULL; in_frame says
 * whether that variable is a frame's rather than a global. */
static char *
path_name (ReclaimHeap *heap, ReclaimId obj, gboolean *in_frame)
{
  g_autoptr (GArray) path = reclaim_query_why_alive (heap, obj, NULL);

  if (path == NULL || path->len < 2)
    return NULL;

  /* the first step is a root: a variable of the module or of a frame */
  const ReclaimRef *root = &g_array_index (path, ReclaimRef, 0);
  if (root->slot >= reclaim_heap_n_slots (heap, root->obj))
    return NULL;
  ReclaimRole role = reclaim_heap_slot_get_role (heap, root->obj, root->slot);
  const char *variable = reclaim_heap_slot_get_label (heap, root->obj, root->slot);
  if (variable == NULL ||
      (role != RECLAIM_ROLE_VALUE && role != RECLAIM_ROLE_VAR))
    return NULL;
  *in_frame = reclaim_heap_get_kind (heap, root->obj) != RECLAIM_KIND_DICT;

  g_autoptr (GString) expr = g_string_new (variable);
  gboolean as_attribute = FALSE;
  for (guint i = 1; i + 1 < path->len; i++)
    {
      const ReclaimRef *step = &g_array_index (path, ReclaimRef, i);
      /* the __dict__ of a list or dict subclass named for itself */
      if (i + 2 == path->len && step->slot == RECLAIM_QUERY_SLOT_DICT)
        {
          g_string_append (expr, ".__dict__");
          break;
        }
      if (!append_access (expr, heap, step->obj, step->slot, &as_attribute))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&expr), FALSE);
}

/* The variable of a root of kind `kind` (the module namespace's DICT, a
 * FRAME) that holds obj now, or NULL: a path from a root may start at a
 * temporary the running code holds (the argument tuple of the call in
 * progress) although a variable holds obj too. */
static const char *
variable_holding (ReclaimHeap *heap, ReclaimId obj, ReclaimKind kind)
{
  ReclaimRole role = kind == RECLAIM_KIND_DICT ? RECLAIM_ROLE_VALUE : RECLAIM_ROLE_VAR;
  g_autoptr (GArray) referrers = NULL;

  if (reclaim_heap_get_state (heap, obj) != RECLAIM_STATE_ALIVE)
    return NULL;
  referrers = reclaim_query_referrers (heap, obj);
  for (guint i = 0; i < referrers->len; i++)
    {
      const ReclaimRef *ref = &g_array_index (referrers, ReclaimRef, i);
      if (ref->slot < reclaim_heap_n_slots (heap, ref->obj) && reclaim_heap_get_kind (heap, ref->obj) == kind &&
          (reclaim_heap_get_alloc_flags (heap, ref->obj) & RECLAIM_ALLOC_ROOT) &&
          reclaim_heap_slot_get_role (heap, ref->obj, ref->slot) == role &&
          !is_dunder_or_null (reclaim_heap_slot_get_label (heap, ref->obj, ref->slot)))
        return reclaim_heap_slot_get_label (heap, ref->obj, ref->slot);
    }
  return NULL;
}

/* How far back a name is looked for: enough for any script one steps
 * through, bounded for the huge ones. */
#define FORMER_NAME_EVENTS 200000

/* Whether ev sets a slot of a module namespace to obj. */
static gboolean
sets_global_to (ReclaimHeap *heap, const ReclaimEvent *ev, ReclaimId obj)
{
  return (ev->kind == RECLAIM_EV_SLOT_INSERT || ev->kind == RECLAIM_EV_SLOT_SET) && ev->y == obj &&
         (reclaim_heap_get_alloc_flags (heap, ev->obj) & RECLAIM_ALLOC_ROOT) &&
         reclaim_heap_get_kind (heap, ev->obj) == RECLAIM_KIND_DICT;
}

/* The last event before `position`, not before `stop`, that sets a global
 * to obj, into *found: a caption may look back through hundreds of
 * thousands of events, and only those that store obj are looked at. */
static gboolean
last_global_set (ReclaimHeap *heap, ReclaimId obj, guint64 stop, guint64 position, ReclaimEvent *found)
{
  guint64 at = position;
  while (reclaim_heap_find_last_event_with_y (heap, stop, at, obj, found, &at))
    if (sets_global_to (heap, found, obj))
      return TRUE;
  return FALSE;
}

/* The global variable that last held obj before the position, or NULL:
 * the label of the last slot of a module namespace set to it.  Not a
 * frame's: `self` in the __del__ that just ran says nothing. */
static const char *
former_variable (ReclaimHeap *heap, ReclaimId obj)
{
  guint64 position = reclaim_heap_get_position (heap);
  guint64 stop = position > FORMER_NAME_EVENTS ? position - FORMER_NAME_EVENTS : 0;
  ReclaimEvent ev;

  if (!last_global_set (heap, obj, stop, position, &ev))
    return NULL;
  if (ev.kind == RECLAIM_EV_SLOT_INSERT)
    return ev.x ? reclaim_interned (ev.x) : NULL;
  if (ev.z < reclaim_heap_n_slots (heap, ev.obj))
    return reclaim_heap_slot_get_label (heap, ev.obj, ev.z);
  return NULL;
}

/* A global names an object best, then the global that held it last, so
 * that the object that was `a` keeps that name while a __del__ or a
 * function call sees it as `self`; a frame's variable names what no
 * global ever held. */
char *
reclaim_caption_name_of (ReclaimHeap *heap, ReclaimId obj)
{
  ReclaimKind kind = reclaim_heap_get_kind (heap, obj);
  g_autofree char *generic = generic_name (heap, obj);
  g_autofree char *path = NULL;
  gboolean in_frame = FALSE;

  /* "Node" is the class's variable, and the class alone is "class Node" */
  if (kind == RECLAIM_KIND_CLASS || kind == RECLAIM_KIND_FUNCTION)
    return g_steal_pointer (&generic);
  if (reclaim_heap_get_state (heap, obj) == RECLAIM_STATE_ALIVE)
    path = path_name (heap, obj, &in_frame);
  if (path != NULL && !in_frame)
    return g_steal_pointer (&path);
  const char *global = variable_holding (heap, obj, RECLAIM_KIND_DICT);
  if (global != NULL)
    return g_strdup (global);

  const char *variable = former_variable (heap, obj);
  if (variable != NULL && !is_dunder (variable))
    /* TRANSLATORS: an object no variable reaches any more, and the variable
     * that last held it, as in "Node #57 (was a)" */
    return g_strdup_printf (_("%s (was %s)"), generic, variable);
  if (path != NULL)
    return g_steal_pointer (&path);
  const char *local = variable_holding (heap, obj, RECLAIM_KIND_FRAME);
  return local != NULL ? g_strdup (local) : g_steal_pointer (&generic);
}

char *
reclaim_caption_name_before_free (ReclaimHeap *heap, ReclaimId obj)
{
  ReclaimKind kind = reclaim_heap_get_kind (heap, obj);
  g_autofree char *generic = generic_name (heap, obj);

  if (kind == RECLAIM_KIND_CLASS || kind == RECLAIM_KIND_FUNCTION)
    return g_steal_pointer (&generic);
  g_autofree char *name = reclaim_caption_name_of (heap, obj);
  if (g_str_has_prefix (name, generic))
    return g_steal_pointer (&name);
  return g_strdup_printf (_("%s (was %s)"), generic, name);
}

char *
reclaim_caption_reference (ReclaimHeap *heap, ReclaimId holder, guint slot)
{
  g_autofree char *holder_name = reclaim_caption_name_of (heap, holder);
  g_autoptr (GString) expr = g_string_new (holder_name);
  gboolean as_attribute = FALSE;

  /* a variable of the module or of a frame reads as its own name */
  if (slot < reclaim_heap_n_slots (heap, holder) &&
      (reclaim_heap_get_alloc_flags (heap, holder) & RECLAIM_ALLOC_ROOT) &&
      reclaim_heap_slot_get_label (heap, holder, slot) != NULL)
    return g_strdup (reclaim_heap_slot_get_label (heap, holder, slot));
  if (append_access (expr, heap, holder, slot, &as_attribute))
    return g_string_free (g_steal_pointer (&expr), FALSE);

  const char *label = slot == RECLAIM_QUERY_SLOT_CLASS ? "__class__"
                      : slot == RECLAIM_QUERY_SLOT_DICT ? "__dict__"
                      : reclaim_heap_slot_get_label (heap, holder, slot);
  return g_strdup_printf ("%s: %s", holder_name, label ? label : _("a reference"));
}

/* --- Sentences ---------------------------------------------------------- */

static const char *
list_name (guint list)
{
  switch (list)
    {
    /* TRANSLATORS: the lists of CPython's cycle collector; they follow
     * "in", "to" and "from" in other captions ("Node #3 survived and moves
     * to generation 1") */
    case RECLAIM_LIST_GEN0: return _("generation 0");
    case RECLAIM_LIST_GEN1: return _("generation 1");
    case RECLAIM_LIST_GEN2: return _("generation 2");
    case RECLAIM_LIST_PERMANENT: return _("the permanent generation");
    case RECLAIM_LIST_UNREACHABLE: return _("the unreachable list");
    case RECLAIM_LIST_FINAL_UNREACHABLE: return _("the garbage to delete");
    case RECLAIM_LIST_WEAKREF_CALLBACKS: return _("the list of weakrefs to call back");
    case RECLAIM_LIST_FINALIZE_SEEN: return _("the finalized list");
    default: return _("no list");
    }
}

static const char *
phase_sentence (ReclaimPhase phase)
{
  switch (phase)
    {
    case RECLAIM_PHASE_UPDATE_REFS:
      /* TRANSLATORS: in these phase captions the word before the colon
       * names a function of CPython's gcmodule.c, and gc_refs and __del__
       * are Python names: keep them as they are */
      return _("update_refs: each candidate's gc_refs starts as its reference count");
    case RECLAIM_PHASE_SUBTRACT_REFS:
      return _("subtract_refs: references between candidates are taken off their gc_refs, "
               "leaving the references from outside");
    case RECLAIM_PHASE_MOVE_UNREACHABLE:
      return _("move_unreachable: candidates with gc_refs 0 are tentatively unreachable "
               "unless a reachable one refers to them");
    case RECLAIM_PHASE_HANDLE_WEAKREFS:
      return _("handle_weakrefs: weak references to unreachable objects are cleared, "
               "and their callbacks run");
    case RECLAIM_PHASE_FINALIZE_GARBAGE:
      return _("finalize_garbage: __del__ runs for unreachable objects that have one");
    case RECLAIM_PHASE_CHECK_GARBAGE:
      return _("handle_resurrected_objects: whatever __del__ made reachable again is kept");
    case RECLAIM_PHASE_DELETE_GARBAGE:
      return _("delete_garbage: the references the garbage holds are cleared, which frees it");
    case RECLAIM_PHASE_MARK:
      return _("mark: every object reachable from the roots is marked");
    case RECLAIM_PHASE_SWEEP:
      return _("sweep: every unmarked object is freed");
    default:
      return _("the collector moves on");
    }
}

/* Line `line` of source, stripped; "" when there is none. */
static char *
source_line (const char *source, guint line)
{
  g_auto (GStrv) lines = g_strsplit (source ? source : "", "\n", -1);

  if (line == 0 || line > g_strv_length (lines))
    return g_strdup ("");
  return g_strdup (g_strstrip (lines[line - 1]));
}

static gboolean
is_shown (const ReclaimVisibility *visibility, ReclaimId obj)
{
  return visibility == NULL || reclaim_visibility_shows (visibility, obj);
}

/* A reference held by an object the canvas does not draw: the caption
 * names it, so that a count that moves with no arrow is explained. */
static char *
describe_hidden_holder (const ReclaimEvent *ev, const char *name, const char *holder)
{
  /* TRANSLATORS: the first %s names an object, %u is its new reference
   * count, the last %s names an object of the interpreter (a class, a
   * function, the argument tuple of a call) that the canvas leaves out */
  if (ev->kind == RECLAIM_EV_DECREF && ev->y == 0)
    return g_strdup_printf (_("%s's reference count reached 0 as %s let go of it "
                              "(an interpreter object, not drawn): it is freed now"), name, holder);
  if (ev->kind == RECLAIM_EV_INCREF)
    return g_strdup_printf (_("%s's reference count rose to %u: %s now refers to it "
                              "(an interpreter object, not drawn)"), name, ev->y, holder);
  return g_strdup_printf (_("%s's reference count fell to %u: %s no longer refers to it "
                            "(an interpreter object, not drawn)"), name, ev->y, holder);
}

/* A hidden object named for a caption: a tuple only the running code
 * held is the arguments of a call. */
static char *
hidden_name (ReclaimHeap *heap, const ReclaimVisibility *visibility, ReclaimId obj)
{
  if (reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_TUPLE && reclaim_visibility_is_temporary (visibility, obj))
    /* TRANSLATORS: the tuple CPython makes to pass a call its arguments */
    return g_strdup (_("a call's argument tuple"));
  return reclaim_caption_name_of (heap, obj);
}

static char *
describe_refcount (ReclaimHeap *heap, const ReclaimVisibility *visibility, const ReclaimEvent *ev,
                   const char *name)
{
  gboolean up = ev->kind == RECLAIM_EV_INCREF;

  if (ev->x != 0 && !is_shown (visibility, ev->x))
    {
      g_autofree char *hidden = hidden_name (heap, visibility, ev->x);
      return describe_hidden_holder (ev, name, hidden);
    }
  g_autofree char *holder = ev->x ? reclaim_caption_name_of (heap, ev->x) : NULL;
  /* TRANSLATORS (reference count captions): the first %s names an object,
   * as in "n1" or "Node #57"; %u is its new reference count; a second %s
   * names the object that holds (or held) the reference */
  if (!up && ev->y == 0)
    return g_strdup_printf (_("%s's reference count reached 0: it is freed now"), name);
  if (holder != NULL)
    return g_strdup_printf (up ? _("%s's reference count rose to %u: %s now refers to it")
                               : _("%s's reference count fell to %u: %s no longer refers to it"),
                            name, ev->y, holder);
  return g_strdup_printf (up ? _("%s's reference count rose to %u: the running code took a reference")
                             : _("%s's reference count fell to %u: the running code dropped a reference"),
                          name, ev->y);
}

static char *
describe_free (ReclaimHeap *heap, const ReclaimEvent *ev, const char *name)
{
  switch ((ReclaimFreedBy) ev->a)
    {
    case RECLAIM_FREED_BY_GC:
      return g_strdup_printf (_("%s freed by the cycle collector: clearing the garbage broke "
                                "its last reference"), name);
    case RECLAIM_FREED_BY_MARKSWEEP:
      return g_strdup_printf (_("%s freed by the sweep: no root reaches it"), name);
    default:
      return g_strdup_printf (_("%s freed: its reference count reached 0"), name);
    }
}

/* The collector phase event `index` belongs to (NONE outside a
 * collection). */
static ReclaimPhase
phase_at (ReclaimHeap *heap, guint64 index)
{
  for (guint64 i = index; i-- > 0;)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_GC_PHASE)
        return (ReclaimPhase) ev.a;
      if (ev.kind == RECLAIM_EV_GC_START || ev.kind == RECLAIM_EV_GC_END)
        break;
    }
  return RECLAIM_PHASE_NONE;
}

static gboolean
is_generation (guint list)
{
  return list >= RECLAIM_LIST_GEN0 && list <= RECLAIM_LIST_PERMANENT;
}

static char *
describe_gc_move (ReclaimHeap *heap, guint64 index, const ReclaimEvent *ev, const char *name)
{
  ReclaimPhase phase = phase_at (heap, index);

  if (ev->b == RECLAIM_LIST_UNREACHABLE && phase == RECLAIM_PHASE_MOVE_UNREACHABLE)
    return g_strdup_printf (_("%s is tentatively unreachable: its gc_refs is 0"), name);
  if (ev->a == RECLAIM_LIST_UNREACHABLE && is_generation (ev->b) &&
      phase == RECLAIM_PHASE_MOVE_UNREACHABLE)
    return g_strdup_printf (_("%s moved back: a reachable object refers to it"), name);
  if (ev->b == RECLAIM_LIST_FINAL_UNREACHABLE)
    return g_strdup_printf (_("%s is still unreachable after the finalizers: it will be deleted"), name);
  if (phase == RECLAIM_PHASE_CHECK_GARBAGE && is_generation (ev->b))
    return g_strdup_printf (_("%s survives: a __del__ made it reachable again"), name);
  if (ev->b == RECLAIM_LIST_FINALIZE_SEEN)
    /* TRANSLATORS: finalize_garbage is a function of CPython's gcmodule.c */
    return g_strdup_printf (_("finalize_garbage takes %s"), name);
  if (ev->b == RECLAIM_LIST_WEAKREF_CALLBACKS)
    return g_strdup_printf (_("%s's callback will run: its referent is garbage"), name);
  if (is_generation (ev->b))
    /* TRANSLATORS: the second %s is a collector list, such as "generation 1" */
    return g_strdup_printf (_("%s survived and moves to %s"), name, list_name (ev->b));
  /* TRANSLATORS: an object, then the list it leaves and the list it joins */
  return g_strdup_printf (_("%s moves from %s to %s"), name, list_name (ev->a), list_name (ev->b));
}

static char *
describe_gc_word (const ReclaimEvent *ev, const char *name)
{
  gint32 refs = RECLAIM_GC_WORD_REFS (ev->y);
  guint marked_before = RECLAIM_GC_WORD_FLAGS (ev->x) & RECLAIM_FLAG_MARKED;
  guint marked_after = RECLAIM_GC_WORD_FLAGS (ev->y) & RECLAIM_FLAG_MARKED;

  /* mark-and-sweep keeps a mark, not a count */
  if (marked_before != marked_after)
    return g_strdup_printf (marked_after ? _("%s is marked: a root reaches it")
                                         : _("%s's mark is cleared for the next collection"),
                            name);
  if (ev->a == RECLAIM_PHASE_MARK || ev->a == RECLAIM_PHASE_SWEEP)
    return g_strdup_printf (_("%s is not marked: the sweep takes it as garbage"), name);

  switch ((ReclaimPhase) ev->a)
    {
    case RECLAIM_PHASE_UPDATE_REFS:
      /* TRANSLATORS: gc_refs is the name of CPython's counter: keep it */
      return g_strdup_printf (_("%s's gc_refs starts at its reference count, %d"), name, refs);
    case RECLAIM_PHASE_SUBTRACT_REFS:
      return g_strdup_printf (_("%s's gc_refs falls to %d: another candidate refers to it"), name, refs);
    case RECLAIM_PHASE_MOVE_UNREACHABLE:
      if (RECLAIM_GC_WORD_REFS (ev->x) == 0 && refs == 1)
        return g_strdup_printf (_("%s is reachable after all: its gc_refs is set to 1"), name);
      return g_strdup_printf (_("%s's gc_refs is now %d"), name, refs);
    default:
      return g_strdup_printf (_("%s's gc_refs is now %d"), name, refs);
    }
}

static char *
describe_counter (const ReclaimEvent *ev)
{
  ReclaimCounter counter = ev->a;

  switch (counter)
    {
    case RECLAIM_COUNTER_COUNT0:
    case RECLAIM_COUNTER_COUNT1:
    case RECLAIM_COUNTER_COUNT2:
      return g_strdup_printf (_("gc.get_count()[%d] is now %d"), counter - RECLAIM_COUNTER_COUNT0,
                              (gint32) ev->y);
    case RECLAIM_COUNTER_THRESHOLD0:
    case RECLAIM_COUNTER_THRESHOLD1:
    case RECLAIM_COUNTER_THRESHOLD2:
      return g_strdup_printf (_("gc.get_threshold()[%d] is now %d"), counter - RECLAIM_COUNTER_THRESHOLD0,
                              (gint32) ev->y);
    case RECLAIM_COUNTER_ENABLED:
      return g_strdup (ev->y ? _("automatic collection is on") : _("automatic collection is off"));
    case RECLAIM_COUNTER_COLLECTIONS0:
    case RECLAIM_COUNTER_COLLECTIONS1:
    case RECLAIM_COUNTER_COLLECTIONS2:
      /* TRANSLATORS: the first %d is a generation (0, 1 or 2), the second how often */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "generation %d has been collected %d time",
                                           "generation %d has been collected %d times", (gint32) ev->y),
                              counter - RECLAIM_COUNTER_COLLECTIONS0, (gint32) ev->y);
    case RECLAIM_COUNTER_COLLECTED0:
    case RECLAIM_COUNTER_COLLECTED1:
    case RECLAIM_COUNTER_COLLECTED2:
      /* TRANSLATORS: the first %d counts objects, the second is a generation (0, 1 or 2) */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d object collected in generation %d so far",
                                           "%d objects collected in generation %d so far", (gint32) ev->y),
                              (gint32) ev->y, counter - RECLAIM_COUNTER_COLLECTED0);
    default:
      return g_strdup_printf (_("the collector's bookkeeping changed (%d → %d)"), (gint32) ev->x,
                              (gint32) ev->y);
    }
}

char *
reclaim_caption_describe (ReclaimHeap *heap, guint64 index, const char *source)
{
  return reclaim_caption_describe_shown (heap, NULL, index, source);
}

char *
reclaim_caption_describe_shown (ReclaimHeap *heap, const ReclaimVisibility *visibility, guint64 index,
                                const char *source)
{
  const ReclaimEvent ev = reclaim_heap_get_event (heap, index);
  g_autofree char *name = ev.obj ? reclaim_caption_name_of (heap, ev.obj) : NULL;

  switch ((ReclaimEventKind) ev.kind)
    {
    case RECLAIM_EV_ALLOC:
      return g_strdup_printf (_("%s created"), name);
    case RECLAIM_EV_INCREF:
    case RECLAIM_EV_DECREF:
      return describe_refcount (heap, visibility, &ev, name);
    case RECLAIM_EV_SLOT_SET:
    case RECLAIM_EV_DICT_SET:
    case RECLAIM_EV_SLOT_INSERT:
    case RECLAIM_EV_SLOT_REMOVE:
      return g_strdup_printf (ev.kind == RECLAIM_EV_SLOT_SET || ev.kind == RECLAIM_EV_DICT_SET ? _("%s changed: one of its references was replaced")
                              : ev.kind == RECLAIM_EV_SLOT_INSERT ? _("%s changed: one of its references was added")
                              : _("%s changed: one of its references was removed"),
                              name);
    case RECLAIM_EV_FREE:
      return describe_free (heap, &ev, name);
    case RECLAIM_EV_TRACK:
      /* TRANSLATORS: the second %s is a collector list, such as "generation 0" */
      return g_strdup_printf (_("%s is tracked by the cycle collector, in %s"), name, list_name (ev.a));
    case RECLAIM_EV_UNTRACK:
      return g_strdup_printf (_("%s is no longer tracked by the cycle collector"), name);
    case RECLAIM_EV_GC_MOVE:
      return describe_gc_move (heap, index, &ev, name);
    case RECLAIM_EV_GC_MERGE:
      /* TRANSLATORS: two collector lists: the first is merged into the second */
      return g_strdup_printf (_("%s joins %s"), list_name (ev.a), list_name (ev.b));
    case RECLAIM_EV_GC_WORD:
      return describe_gc_word (&ev, name);
    case RECLAIM_EV_COUNTER:
      return describe_counter (&ev);
    case RECLAIM_EV_WEAKREF_LINK:
      {
        g_autofree char *referent = reclaim_caption_name_of (heap, ev.x);
        return g_strdup_printf (_("%s now refers weakly to %s, without raising its reference count"),
                                name, referent);
      }
    case RECLAIM_EV_WEAKREF_CLEAR:
      {
        g_autofree char *referent = reclaim_caption_name_of (heap, ev.x);
        /* TRANSLATORS: a weak reference, then its referent; None is Python's */
        return g_strdup_printf (_("%s cleared: %s is going away, so calling it now returns None"),
                                name, referent);
      }
    case RECLAIM_EV_MODE:
      return g_strdup (ev.a == RECLAIM_COLLECTOR_MARKSWEEP ? _("the heap now uses mark-and-sweep")
                                                            : _("the heap now uses CPython's collector"));
    case RECLAIM_EV_LINE:
      {
        g_autofree char *code = source_line (source, ev.x);
        /* TRANSLATORS: a line number and the Python code on that line */
        return g_strdup_printf (_("line %u runs: %s"), ev.x, code);
      }
    case RECLAIM_EV_FINALIZE:
      return g_strdup_printf (_("%s's __del__ runs"), name);
    case RECLAIM_EV_FINALIZE_END:
      return g_strdup_printf (_("%s's __del__ returned"), name);
    case RECLAIM_EV_CALLBACK:
      {
        g_autofree char *weakref = reclaim_caption_name_of (heap, ev.x);
        /* TRANSLATORS: a weak reference, then the object it referred to */
        return g_strdup_printf (_("the callback of %s runs: %s died"), weakref, name);
      }
    case RECLAIM_EV_CALLBACK_END:
      return g_strdup (_("the weakref callback returned"));
    case RECLAIM_EV_RESURRECTED:
      return g_strdup_printf (_("%s was resurrected: its __del__ made it reachable again"), name);
    case RECLAIM_EV_GC_START:
      if (ev.b == 3)
        return g_strdup (_("mark-and-sweep starts"));
      return g_strdup_printf (ev.b == 0 ? _("the cycle collector starts on generation %u")
                                         : _("the cycle collector starts on generation %u and the younger ones"),
                              ev.b);
    case RECLAIM_EV_GC_PHASE:
      return g_strdup (phase_sentence ((ReclaimPhase) ev.a));
    case RECLAIM_EV_GC_END:
      /* TRANSLATORS: two counts of objects */
      return g_strdup_printf (_("the collection is over: %u unreachable, %u uncollectable"),
                              ev.x, ev.y);
    default:
      return g_strdup (reclaim_event_kind_name ((ReclaimEventKind) ev.kind));
    }
}

/* Names of ids, "A, B and 3 more". */
static void
append_names (GString *text, ReclaimHeap *heap, GArray *ids)
{
  const guint shown = 3;

  for (guint i = 0; i < ids->len && i < shown; i++)
    {
      g_autofree char *name = reclaim_caption_name_of (heap, g_array_index (ids, ReclaimId, i));
      g_string_append_printf (text, "%s%s", i ? ", " : "", name);
    }
  if (ids->len > shown)
    /* TRANSLATORS: ends a list of names, as in "Node #3, Node #4, Node #5 and 2 more" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                               ids->len - shown),
                            ids->len - shown);
}

/* An object whose reference count a statement changed. */
typedef struct {
  ReclaimId id;
  guint32   before, after;
  gboolean  created_or_freed;
} CountChange;

static CountChange *
count_change (GArray *changes, ReclaimId id)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_array_index (changes, CountChange, i).id == id)
      return &g_array_index (changes, CountChange, i);
  return NULL;
}

static void
note_count (GArray *changes, const ReclaimEvent *ev)
{
  CountChange *change = count_change (changes, ev->obj);

  if (change == NULL)
    {
      CountChange fresh = { ev->obj, ev->kind == RECLAIM_EV_INCREF ? ev->y - 1 : ev->y + 1, 0, FALSE };
      g_array_append_val (changes, fresh);
      change = count_change (changes, ev->obj);
    }
  change->after = ev->y;
}

/* Objects a script works with, whose counts are news; not classes and
 * functions, whose counts every instance and call moves. */
static gboolean
is_data (ReclaimKind kind)
{
  switch (kind)
    {
    case RECLAIM_KIND_INSTANCE:
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
    case RECLAIM_KIND_DICT:
    case RECLAIM_KIND_SET:
    case RECLAIM_KIND_DEQUE:
    case RECLAIM_KIND_GENERATOR:
    case RECLAIM_KIND_WEAKREF:
    case RECLAIM_KIND_PROXY:
      return TRUE;
    default:
      return FALSE;
    }
}

/* " · reference counts: a 1 → 2, b 2 → 1" for the objects that outlive
 * the statement with another count than before it. */
static void
append_count_changes (GString *text, ReclaimHeap *heap, GArray *changes)
{
  const guint shown = 3;
  guint n = 0;

  for (guint i = 0; i < changes->len && n < shown; i++)
    {
      const CountChange *change = &g_array_index (changes, CountChange, i);
      if (change->created_or_freed || change->before == change->after ||
          !is_data (reclaim_heap_get_kind (heap, change->id)))
        continue;
      g_autofree char *name = reclaim_caption_name_of (heap, change->id);
      if (n == 0)
        {
          g_string_append (text, " · ");
          /* TRANSLATORS: names and counts follow, as in "a 1 → 2, b 2 → 1" */
          g_string_append (text, _("reference counts: "));
        }
      g_string_append_printf (text, "%s%s %u → %u", n ? ", " : "", name, change->before, change->after);
      n++;
    }
}

char *
reclaim_caption_summarize (ReclaimHeap *heap, guint64 from, guint64 to, const ReclaimVisibility *visibility,
                           guint line, gboolean finished, const char *source)
{
  g_autofree char *code = source_line (source, line);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) freed = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (CountChange));
  guint created = 0, collections = 0;

  for (guint64 i = from; i < to; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_GC_START)
        collections++;
      if (!is_shown (visibility, ev.obj))
        continue;
      if (ev.kind == RECLAIM_EV_INCREF || ev.kind == RECLAIM_EV_DECREF)
        note_count (changes, &ev);
      else if (ev.kind == RECLAIM_EV_ALLOC || ev.kind == RECLAIM_EV_FREE)
        {
          CountChange *change = count_change (changes, ev.obj);
          if (change == NULL)
            {
              CountChange fresh = { ev.obj, 0, 0, TRUE };
              g_array_append_val (changes, fresh);
            }
          else
            change->created_or_freed = TRUE;
          if (ev.kind == RECLAIM_EV_ALLOC)
            created++;
          else
            g_array_append_val (freed, ev.obj);
        }
    }

  /* TRANSLATORS: a line number and the Python code on that line; more
   * facts may follow, each after " · " */
  g_string_printf (text, finished ? _("line %u ran: %s") : _("line %u calls a function: %s"), line, code);
  if (collections > 0)
    {
      g_string_append (text, " · ");
      g_string_append (text, collections == 1 ? _("the cycle collector ran")
                                              : _("the cycle collector ran several times"));
    }
  if (created > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u object created", "%u objects created",
                                                 created),
                              created);
    }
  if (freed->len > 0)
    {
      g_string_append (text, " · ");
      /* TRANSLATORS: a count of objects; their names follow */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u freed: ", "%u freed: ", freed->len),
                              freed->len);
      append_names (text, heap, freed);
    }
  append_count_changes (text, heap, changes);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
