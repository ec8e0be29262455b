/* reclaim-run.c: one run of a script, on whichever thread runs it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-run.h"

#include <glib/gi18n-lib.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* lang keeps a few tables for the whole process (interned scalars, the
 * containers being printed), so two scripts never run at once. */
G_LOCK_DEFINE_STATIC (running_a_script);

ReclaimRun *
reclaim_run_new (const char *source, const char *script_name, ReclaimCollectorMode collector,
                 guint64 max_steps, guint32 max_objects, guint64 max_memory)
{
  ReclaimRun *run = g_new0 (ReclaimRun, 1);

  run->source = g_strdup (source);
  run->script_name = g_strdup (script_name);
  run->collector = collector;
  run->max_steps = max_steps;
  run->max_objects = max_objects;
  run->max_memory = max_memory;
  run->output = g_string_new (NULL);
  run->errors = g_string_new (NULL);
  run->output_marks = g_array_new (FALSE, FALSE, sizeof (ReclaimOutputMark));
  g_mutex_init (&run->lock);
  g_cond_init (&run->finished_cond);
  return run;
}

void
reclaim_run_free (ReclaimRun *run)
{
  g_free (run->source);
  g_free (run->script_name);
  g_clear_pointer (&run->timeline, reclaim_timeline_free);
  g_clear_pointer (&run->interp, reclaim_interp_free);
  if (run->output != NULL)
    g_string_free (run->output, TRUE);
  if (run->errors != NULL)
    g_string_free (run->errors, TRUE);
  g_clear_pointer (&run->output_marks, g_array_unref);
  g_mutex_clear (&run->lock);
  g_cond_clear (&run->finished_cond);
  g_free (run);
}

static void
append_output (ReclaimRun *run, const char *text, gsize len)
{
  ReclaimOutputMark mark;

  g_string_append_len (run->output, text, len);
  mark.events = reclaim_heap_n_events (reclaim_interp_get_heap (run->interp));
  mark.length = run->output->len;
  g_array_append_val (run->output_marks, mark);
}

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  append_output (user_data, text, len);
}

static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  ReclaimRun *run = user_data;

  append_output (run, text, len);
  g_string_append_len (run->errors, text, len);
}

void
reclaim_run_take_turn (void)
{
  G_LOCK (running_a_script);
}

void
reclaim_run_end_turn (void)
{
  G_UNLOCK (running_a_script);
}

void
reclaim_run_execute (ReclaimRun *run)
{
  ReclaimInterpOptions options = {
    .collector = run->collector,
    .max_steps = run->max_steps,
    .max_steps_advice = _("raise it in Preferences, Step limit"),
    .max_objects = run->max_objects,
    .max_memory = run->max_memory,
    .max_memory_advice = _("raise it in Preferences, Memory limit"),
    .cancel = &run->cancel,
    .cancel_reason = _("you pressed Stop"),
    .write_stdout = write_stdout,
    .write_stderr = write_stderr,
    .user_data = run,
  };

  G_LOCK (running_a_script);
  run->interp = reclaim_interp_new (&options);
  run->status = reclaim_interp_run (run->interp, run->source, -1, run->script_name);
  run->error_line = reclaim_interp_get_error_line (run->interp);
  if (reclaim_run_get_cancel (run) == RECLAIM_RUN_GOING)
    run->timeline = reclaim_timeline_new (reclaim_interp_get_heap (run->interp),
                                          reclaim_interp_get_script_start (run->interp),
                                          reclaim_interp_get_script_end (run->interp),
                                          reclaim_interp_get_module_namespace (run->interp));
  else
    {
      /* Stop must answer at once: indexing the millions of events a long
       * run can leave would take seconds, so its history goes here */
      g_clear_pointer (&run->interp, reclaim_interp_free);
      g_array_set_size (run->output_marks, 0);
    }
  G_UNLOCK (running_a_script);

  g_mutex_lock (&run->lock);
  run->finished = TRUE;
  g_cond_broadcast (&run->finished_cond);
  g_mutex_unlock (&run->lock);
}

typedef struct {
  ReclaimRun   *run;
  void        (*done) (ReclaimRun *run, gpointer user_data);
  gpointer      user_data;
  GMainContext *context;   /* where done is called */
} Worker;

static gboolean
hand_back (gpointer data)
{
  Worker *worker = data;

  worker->done (worker->run, worker->user_data);
  return G_SOURCE_REMOVE;
}

static void
worker_free (gpointer data)
{
  Worker *worker = data;

  g_main_context_unref (worker->context);
  g_free (worker);
}

/* A script can keep a core busy for as long as the step limit allows:
 * the worker gives way to the window's thread, which must draw and take
 * keys meanwhile. */
static void
give_way_to_the_window (void)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
}

static gpointer
execute_in_thread (gpointer data)
{
  Worker *worker = data;

  give_way_to_the_window ();
  reclaim_run_execute (worker->run);
  /* not g_main_context_invoke(): it would call hand_back here, on the
   * worker, whenever the context's own thread is not iterating it */
  GSource *source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, hand_back, worker, worker_free);
  g_source_attach (source, worker->context);
  g_source_unref (source);
  return NULL;
}

void
reclaim_run_execute_in_thread (ReclaimRun *run, void (*done) (ReclaimRun *run, gpointer user_data),
                               gpointer user_data)
{
  Worker *worker = g_new (Worker, 1);

  worker->run = run;
  worker->done = done;
  worker->user_data = user_data;
  worker->context = g_main_context_ref_thread_default ();
  g_thread_unref (g_thread_new ("reclaim-run", execute_in_thread, worker));
}

void
reclaim_run_cancel (ReclaimRun *run, ReclaimRunCancel why)
{
  g_atomic_int_set (&run->cancel, why);
}

ReclaimRunCancel
reclaim_run_get_cancel (ReclaimRun *run)
{
  return g_atomic_int_get (&run->cancel);
}

gboolean
reclaim_run_wait_until (ReclaimRun *run, gint64 end_time)
{
  gboolean finished;

  g_mutex_lock (&run->lock);
  while (!run->finished)
    if (end_time < 0)
      g_cond_wait (&run->finished_cond, &run->lock);
    else if (!g_cond_wait_until (&run->finished_cond, &run->lock, end_time))
      break;
  finished = run->finished;
  g_mutex_unlock (&run->lock);
  return finished;
}
