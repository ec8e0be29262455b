/* reclaim-coroutine.c
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-coroutine.h"

#include <pthread.h>

/* A generator's thread needs the stack of the Python calls and nested
 * repr()s it runs, at most the recursion limit (1000) deep: under 1 MiB
 * in an optimised build, several times that with AddressSanitizer.  The
 * default (8 MiB) would make a 1000-deep yield from chain take 8 GiB of
 * address space. */
#if defined(__SANITIZE_ADDRESS__)   /* gcc */
#define GENERATOR_STACK_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)   /* clang */
#define GENERATOR_STACK_UNDER_ASAN 1
#endif
#endif

#ifdef GENERATOR_STACK_UNDER_ASAN
#define GENERATOR_STACK_SIZE (16u << 20)
#else
#define GENERATOR_STACK_SIZE (2u << 20)
#endif

struct _Coroutine {
  CoroutineBody body;
  gpointer      data;
  pthread_t     thread;
  gboolean      has_thread;
  GMutex        lock;
  GCond         turn_changed;
  gboolean      coroutine_turn;   /* who may run now */
  gboolean      started;
  gboolean      finished;
};

static void
hand_over (Coroutine *co, gboolean to_coroutine)
{
  co->coroutine_turn = to_coroutine;
  g_cond_broadcast (&co->turn_changed);
  while (co->coroutine_turn == to_coroutine && !(to_coroutine && co->finished))
    g_cond_wait (&co->turn_changed, &co->lock);
}

static void *
run (void *p)
{
  Coroutine *co = p;

  g_mutex_lock (&co->lock);
  while (!co->coroutine_turn)
    g_cond_wait (&co->turn_changed, &co->lock);
  g_mutex_unlock (&co->lock);

  co->body (co, co->data);

  g_mutex_lock (&co->lock);
  co->finished = TRUE;
  co->coroutine_turn = FALSE;
  g_cond_broadcast (&co->turn_changed);
  g_mutex_unlock (&co->lock);
  return NULL;
}

Coroutine *
coroutine_new (CoroutineBody body, gpointer data)
{
  Coroutine *co = g_new0 (Coroutine, 1);
  co->body = body;
  co->data = data;
  g_mutex_init (&co->lock);
  g_cond_init (&co->turn_changed);
  return co;
}

static gboolean
start_thread (Coroutine *co, GError **error)
{
  pthread_attr_t attr;
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, GENERATOR_STACK_SIZE);
  int err = pthread_create (&co->thread, &attr, run, co);
  pthread_attr_destroy (&attr);
  if (err != 0)
    {
      g_set_error (error, G_THREAD_ERROR, G_THREAD_ERROR_AGAIN, "cannot start a thread: %s", g_strerror (err));
      return FALSE;
    }
  co->has_thread = TRUE;
  return TRUE;
}

CoroutineState
coroutine_resume (Coroutine *co, GError **error)
{
  g_return_val_if_fail (!co->finished, COROUTINE_FINISHED);

  g_mutex_lock (&co->lock);
  if (!co->started)
    {
      /* the system may refuse: Linux gives a process at most 32,768 threads */
      if (!start_thread (co, error))
        {
          g_mutex_unlock (&co->lock);
          return COROUTINE_NOT_STARTED;
        }
      co->started = TRUE;
    }
  hand_over (co, TRUE);
  gboolean suspended = !co->finished;
  g_mutex_unlock (&co->lock);

  if (!suspended && co->has_thread)
    {
      pthread_join (co->thread, NULL);
      co->has_thread = FALSE;
    }
  return suspended ? COROUTINE_SUSPENDED : COROUTINE_FINISHED;
}

void
coroutine_suspend (Coroutine *co)
{
  g_mutex_lock (&co->lock);
  hand_over (co, FALSE);
  g_mutex_unlock (&co->lock);
}

gboolean
coroutine_finished (Coroutine *co)
{
  return co->finished;
}

gboolean
coroutine_started (Coroutine *co)
{
  return co->started;
}

void
coroutine_free (Coroutine *co)
{
  if (co == NULL)
    return;
  g_return_if_fail (!co->started || co->finished);
  g_mutex_clear (&co->lock);
  g_cond_clear (&co->turn_changed);
  g_free (co);
}
