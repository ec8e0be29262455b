/* reclaim-coroutine.h: a body of code that can stop in the middle and be
 * resumed later, for generators.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each coroutine runs on its own thread, but control is handed over
 * strictly: the resumer waits while the coroutine runs and the coroutine
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
  COROUTINE_NOT_STARTED,  /* the system refused it a thread (error is set); it
                           * may be resumed again later, or freed */
} CoroutineState;

Coroutine *coroutine_new      (CoroutineBody body, gpointer data);
/* Runs the body until it calls coroutine_suspend() or returns. */
CoroutineState coroutine_resume (Coroutine *co, GError **error);
/* From inside the body: give control back to the resumer. */
void       coroutine_suspend  (Coroutine *co);
gboolean   coroutine_finished (Coroutine *co);
gboolean   coroutine_started  (Coroutine *co);
/* Frees a coroutine that finished or never started. */
void       coroutine_free     (Coroutine *co);

G_END_DECLS
