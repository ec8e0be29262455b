/* reclaim-caption-phase.c: what a phase of the cycle collector did.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences follow CPython 3.11's gcmodule.c: the candidates are the
 * objects of the generations collected; gc_refs is the working copy of
 * the reference count the collector keeps in each one.  The mark-and-sweep
 * model speaks of marks instead.
 */
#include "reclaim-caption-phase.h"

#include <glib/gi18n-lib.h>

const char *
reclaim_caption_phase_name (ReclaimPhase phase)
{
  static const char *const names[RECLAIM_N_PHASES] = {
    [RECLAIM_PHASE_NONE] = "",
    [RECLAIM_PHASE_UPDATE_REFS] = "update_refs",
    [RECLAIM_PHASE_SUBTRACT_REFS] = "subtract_refs",
    [RECLAIM_PHASE_MOVE_UNREACHABLE] = "move_unreachable",
    [RECLAIM_PHASE_HANDLE_WEAKREFS] = "handle_weakrefs",
    [RECLAIM_PHASE_FINALIZE_GARBAGE] = "finalize_garbage",
    [RECLAIM_PHASE_CHECK_GARBAGE] = "handle_resurrected_objects",
    [RECLAIM_PHASE_DELETE_GARBAGE] = "delete_garbage",
    [RECLAIM_PHASE_MARK] = "mark",
    [RECLAIM_PHASE_SWEEP] = "sweep",
  };

  return phase < RECLAIM_N_PHASES ? names[phase] : "";
}

/* The script's living objects at the heap's position whose collector
 * flags include `flags`. */
static guint
count_objects (ReclaimHeap *heap, ReclaimId first_id, guint flags)
{
  guint n = 0;

  for (ReclaimId id = first_id; id <= reclaim_heap_n_objects (heap); id++)
    if (reclaim_heap_get_state (heap, id) == RECLAIM_STATE_ALIVE &&
        (reclaim_heap_get_flags (heap, id) & flags) == flags)
      n++;
  return n;
}

/* Events of `kind` about the script's objects in [from, to). */
static guint
count_events (ReclaimHeap *heap, guint64 from, guint64 to, ReclaimEventKind kind, ReclaimId first_id)
{
  guint n = 0;

  for (guint64 i = from; i < to; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == kind && ev.obj >= first_id)
        n++;
    }
  return n;
}

static char *
describe_refs_phase (ReclaimHeap *heap, ReclaimPhase phase, ReclaimId first_id)
{
  guint unreachable;

  switch (phase)
    {
    case RECLAIM_PHASE_UPDATE_REFS:
      /* TRANSLATORS: in the phase sentences the word before the colon
       * names a function of CPython's gcmodule.c (or a phase of mark and
       * sweep), and gc_refs and __del__ are Python names: keep them */
      return g_strdup (_("update_refs: the collector copied each candidate's reference count into its "
                         "gc_refs."));
    case RECLAIM_PHASE_SUBTRACT_REFS:
      return g_strdup (_("subtract_refs: every reference from one candidate to another was taken off "
                         "gc_refs, so gc_refs now counts only the references from outside the "
                         "candidates."));
    default:
      unreachable = count_objects (heap, first_id, RECLAIM_FLAG_UNREACHABLE);
      return g_strdup_printf (ngettext ("move_unreachable: candidates that something outside reaches, "
                                        "directly or through other candidates, stay. %u object is left "
                                        "unreachable.",
                                        "move_unreachable: candidates that something outside reaches, "
                                        "directly or through other candidates, stay. %u objects are left "
                                        "unreachable.", unreachable),
                              unreachable);
    }
}

/* Whether the phase that ends at position `to` is followed by the
 * resurrection check's second analysis. */
static gboolean
analyses_again (ReclaimHeap *heap, guint64 to)
{
  if (to >= reclaim_heap_n_events (heap))
    return FALSE;
  const ReclaimEvent next = reclaim_heap_get_event (heap, to);
  return next.kind == RECLAIM_EV_GC_PHASE && next.a == RECLAIM_PHASE_UPDATE_REFS;
}

static char *
describe_garbage_phase (ReclaimHeap *heap, ReclaimPhase phase, guint64 from, guint64 to,
                        ReclaimId first_id)
{
  guint n;

  switch (phase)
    {
    case RECLAIM_PHASE_HANDLE_WEAKREFS:
      n = count_events (heap, from, to, RECLAIM_EV_WEAKREF_CLEAR, first_id);
      if (n == 0)
        return g_strdup (_("handle_weakrefs: no weak reference points to the unreachable objects, so "
                           "there was nothing to clear."));
      return g_strdup_printf (ngettext ("handle_weakrefs: %u weak reference to an unreachable object was "
                                        "cleared, so no code can reach the garbage through it.",
                                        "handle_weakrefs: %u weak references to unreachable objects were "
                                        "cleared, so no code can reach the garbage through them.", n),
                              n);
    case RECLAIM_PHASE_FINALIZE_GARBAGE:
      n = count_events (heap, from, to, RECLAIM_EV_FINALIZE, first_id);
      if (n == 0)
        return g_strdup (_("finalize_garbage: no unreachable object has a __del__ still to run."));
      return g_strdup_printf (ngettext ("finalize_garbage: __del__ ran for %u unreachable object.",
                                        "finalize_garbage: __del__ ran for %u unreachable objects.", n),
                              n);
    case RECLAIM_PHASE_CHECK_GARBAGE:
      if (analyses_again (heap, to))
        return g_strdup (_("handle_resurrected_objects: __del__ ran, so a finalizer may have made "
                           "garbage reachable again; the collector analyses the garbage once more, alone."));
      n = count_events (heap, from, to, RECLAIM_EV_RESURRECTED, first_id);
      if (n == 0)
        return g_strdup (_("handle_resurrected_objects: no __del__ made the garbage reachable again, so "
                           "all of it is deleted next."));
      return g_strdup_printf (ngettext ("handle_resurrected_objects: a __del__ made %u object reachable "
                                        "again; it is kept, and the rest is deleted next.",
                                        "handle_resurrected_objects: a __del__ made %u objects reachable "
                                        "again; they are kept, and the rest is deleted next.", n),
                              n);
    default:
      n = count_events (heap, from, to, RECLAIM_EV_FREE, first_id);
      return g_strdup_printf (ngettext ("delete_garbage: the references the garbage held were cleared, "
                                        "which broke its cycles; %u object was freed.",
                                        "delete_garbage: the references the garbage held were cleared, "
                                        "which broke its cycles; %u objects were freed.", n),
                              n);
    }
}

static char *
describe_marksweep_phase (ReclaimHeap *heap, ReclaimPhase phase, guint64 from, guint64 to,
                          ReclaimId first_id)
{
  guint n;

  if (phase == RECLAIM_PHASE_MARK)
    {
      n = count_objects (heap, first_id, 0) - count_objects (heap, first_id, RECLAIM_FLAG_MARKED);
      return g_strdup_printf (ngettext ("mark: every object the roots reach was marked, reference counts "
                                        "aside. %u object has no mark.",
                                        "mark: every object the roots reach was marked, reference counts "
                                        "aside. %u objects have no mark.", n),
                              n);
    }
  n = count_events (heap, from, to, RECLAIM_EV_FREE, first_id);
  if (n == 0)
    return g_strdup (_("sweep: every object had a mark, so nothing was freed; the marks were wiped for "
                       "the next collection."));
  return g_strdup_printf (ngettext ("sweep: the object without a mark was freed, and the marks were wiped "
                                    "for the next collection.",
                                    "sweep: the %u objects without a mark were freed, and the marks were "
                                    "wiped for the next collection.", n),
                          n);
}

char *
reclaim_caption_phase_done (ReclaimHeap *heap, guint64 from, guint64 to, ReclaimId first_id,
                            gboolean again)
{
  ReclaimPhase phase = reclaim_heap_get_event (heap, from).a;
  g_autofree char *sentence = NULL;

  switch (phase)
    {
    case RECLAIM_PHASE_UPDATE_REFS:
    case RECLAIM_PHASE_SUBTRACT_REFS:
    case RECLAIM_PHASE_MOVE_UNREACHABLE:
      sentence = describe_refs_phase (heap, phase, first_id);
      break;
    case RECLAIM_PHASE_HANDLE_WEAKREFS:
    case RECLAIM_PHASE_FINALIZE_GARBAGE:
    case RECLAIM_PHASE_CHECK_GARBAGE:
    case RECLAIM_PHASE_DELETE_GARBAGE:
      sentence = describe_garbage_phase (heap, phase, from, to, first_id);
      break;
    case RECLAIM_PHASE_MARK:
    case RECLAIM_PHASE_SWEEP:
      sentence = describe_marksweep_phase (heap, phase, from, to, first_id);
      break;
    default:
      return g_strdup ("");
    }
  if (!again)
    return g_steal_pointer (&sentence);
  /* TRANSLATORS: %s is one of the phase sentences */
  return g_strdup_printf (_("Resurrection check, on the garbage alone: %s"), sentence);
}
