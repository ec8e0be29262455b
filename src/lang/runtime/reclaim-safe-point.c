/* reclaim-safe-point.c: what is let go as a statement of the module body
 * starts: floats, strs and ints nothing holds, and the ids of freed objects.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Floats, strs and ints are immediates: slots hold them without a count, so
 * nothing says when the last holder lets one go.  A sweep finds out:
 * it marks every value that can still be reached (every heap's slots, or
 * its whole log when it keeps one, and what each interpreter keeps beside
 * its heap), then reclaim-scalar.c frees the rest.  Likewise a heap that
 * drops its events may give a freed object's id to a new object, once no
 * C code can still hold that id.
 *
 * A value or an id may sit in a C variable of a function that is half way
 * through an expression, where no table can see it.  So both happen only
 * where no such function can be on the stack: as a statement of the
 * module body starts.  The C functions then running are the interpreter's
 * entry and the module's own compound statements (for, while, if, try,
 * with), which hold only live objects between their body's statements, and
 * objects keep their values in slots.  A call, a class body, a __del__ or
 * a callback runs in a frame of its own, so a statement there is no such
 * point.  A generator paused in its body keeps C frames of its own on its
 * stack.  When the yield it paused at is a statement's whole value (`yield
 * x`, `y = yield x`, `yield from it`) those frames are again only compound
 * statements, and what an except block handles is in its Frame; while one
 * is paused anywhere else (half way through an expression, or in a finally
 * block with a return or exception pending), both wait.
 */
#include "reclaim-eval-private.h"
#include "reclaim-interp-private.h"

static GPtrArray *live_interps;
G_LOCK_DEFINE_STATIC (live_interps);

void
lang_safe_point_register (ReclaimInterp *interp)
{
  G_LOCK (live_interps);
  if (live_interps == NULL)
    live_interps = g_ptr_array_new ();
  g_ptr_array_add (live_interps, interp);
  G_UNLOCK (live_interps);
}

void
lang_safe_point_unregister (ReclaimInterp *interp)
{
  G_LOCK (live_interps);
  g_ptr_array_remove_fast (live_interps, interp);
  G_UNLOCK (live_interps);
}

static void
mark_value (ReclaimValue value, gpointer user_data)
{
  scalar_mark (value);
}

static void
mark_hash_values (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    scalar_mark (GPOINTER_TO_UINT (value));
}

/* What an interpreter keeps beside its heap's slots. */
static void
mark_interp (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);

  scalar_mark (interp->exc);
  mark_hash_values (interp->names);
  lang_tables_visit_keys (interp, mark_value, NULL);
  scalar_mark (es->stop_value);
  for (Frame *f = es->frame; f != NULL; f = f->back)
    {
      scalar_mark (f->retval);
      scalar_mark (f->handling);
    }
  eval_generators_visit (interp, mark_value, NULL);
}

static gboolean
is_module_statement (ReclaimInterp *interp, Frame *frame)
{
  return frame == eval_state (interp)->frame && frame->back == NULL && frame->function == 0 &&
         frame->gen == NULL && frame->ns == interp->globals && interp->depth == 1;
}

/* What a marking reads: the heaps' objects and slots, and the logs they
 * keep.  The next sweep waits until the values made meanwhile are worth
 * reading all that again. */
static gsize
marking_bytes (void)
{
  gsize bytes = 0;
  for (guint i = 0; i < live_interps->len; i++)
    bytes += reclaim_heap_memory_size (((ReclaimInterp *) live_interps->pdata[i])->heap);
  return bytes;
}

static void
sweep_scalars (void)
{
  G_LOCK (live_interps);
  for (guint i = 0; i < live_interps->len; i++)
    if (eval_generators_paused_mid_expression (live_interps->pdata[i]))
      {
        scalar_sweep_postpone (marking_bytes ());
        G_UNLOCK (live_interps);
        return;
      }
  for (guint i = 0; i < live_interps->len; i++)
    mark_interp (live_interps->pdata[i]);
  reclaim_heaps_foreach_immediate (mark_value, NULL);
  scalar_sweep (marking_bytes ());
  G_UNLOCK (live_interps);
}

/* A freed class's entry goes only now: until here C code may still look
 * at the class it had in hand. */
static void
forget_class (ReclaimId id, gpointer user_data)
{
  ReclaimInterp *interp = user_data;
  lang_class_forget (interp, id);
}

/* Freed ids are handed on in batches: the check for paused generators
 * walks them all. */
#define REUSE_BATCH 256

static void
reuse_freed_ids (ReclaimInterp *interp)
{
  if (!eval_generators_paused_mid_expression (interp))
    reclaim_heap_reuse_freed_ids (interp->heap, forget_class, interp);
}

void
lang_safe_point_at_statement (ReclaimInterp *interp, Frame *frame)
{
  gboolean sweep = scalar_sweep_due ();
  gboolean reuse = reclaim_heap_n_freed_ids (interp->heap) >= REUSE_BATCH;
  if (G_LIKELY (!sweep && !reuse) || !is_module_statement (interp, frame))
    return;
  if (sweep)
    sweep_scalars ();
  if (reuse)
    reuse_freed_ids (interp);
}
