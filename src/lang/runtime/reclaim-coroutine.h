/* reclaim-coroutine.h: a body of code that can stop in the middle and be
 * resumed later, for generators.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each coroutine runs on a small stack of its own in the resumer's thread
 * (ucontext): the resumer waits while the coroutine runs and the coroutine
 * waits while suspended, so exactly one of them runs at any time and the
 * interpreter needs no locking.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _Coroutine Coroutine;
typedef void (*CoroutineBody) (Coroutine *co, gpointer data);

typedef enum {
  COROUTINE_SUSPENDED,    /* it called coroutine_suspend(): resume it later */
  COROUTINE_FINISHED,     /* its body returned */
  COROUTINE_NOT_STARTED,  /* the system refused it a stack (error is set); it
                           * may be resumed again later, or freed */
} CoroutineState;

Coroutine *coroutine_new      (CoroutineBody body, gpointer data);
/* Runs the body until it calls coroutine_suspend() or returns. */
CoroutineState coroutine_resume (Coroutine *co, GError **error);
/* From inside the body: give control back to the resumer. */
void       coroutine_suspend  (Coroutine *co);
gboolean   coroutine_started  (Coroutine *co);
/* The lowest address a new call may start above on the stack in use, or
 * NULL on a stack that is big enough for the whole recursion limit.
 * Initial-exec: the library is linked into programs only, and the default
 * model for position-independent code reads it through a call. */
G_GNUC_INTERNAL extern _Thread_local const guint8 *coroutine_stack_floor
  __attribute__ ((tls_model ("initial-exec")));
/* TRUE when the code runs on a coroutine's stack and a deeper call should
 * go to coroutine_call_on_big_stack().  Inline: every expression asks. */
static inline gboolean
coroutine_stack_low (void)
{
  guint8 here;
  return coroutine_stack_floor != NULL && &here < coroutine_stack_floor;
}
typedef void (*CoroutineCall) (gpointer data);
/* Runs call (data) on a stack of its own, big enough for the rest of the
 * recursion limit; FALSE (error set) when the system refuses the stack. */
gboolean   coroutine_call_on_big_stack (CoroutineCall call, gpointer data, GError **error);
/* Frees a coroutine that finished or never started. */
void       coroutine_free     (Coroutine *co);

G_END_DECLS
