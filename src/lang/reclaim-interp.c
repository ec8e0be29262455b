/* reclaim-interp.c: running a script from start to exit.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"
#include "reclaim-parser.h"
#include "reclaim-check.h"
#include "reclaim-modules.h"

#include <string.h>

/* ---- what the engine asks of us ------------------------------------------ */

static void
host_finalize (ReclaimHeap *heap, ReclaimId obj, gpointer user_data)
{
  ReclaimInterp *interp = user_data;

  if (reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_GENERATOR)
    {
      eval_generator_finalize (interp, obj);
      return;
    }
  LangClass *cls = lang_class_of (interp, obj);
  ReclaimValue del = cls->builtin ? 0 : lang_eval_class_lookup (interp, cls, "__del__");
  if (del == 0)
    return;
  /* __del__ runs with any pending exception put aside */
  ReclaimValue saved = interp->exc;
  GArray *saved_tb = interp->traceback;
  interp->exc = 0;
  interp->traceback = lang_traceback_new ();
  ReclaimValue r = lang_call (interp, del, 1, &obj, 0, NULL);
  if (r == LANG_ERROR)
    {
      g_autofree char *where = g_strdup_printf ("<function %s at 0x7f%010x>",
                                                lang_eval_function_qualname (interp, del), (guint) del * 48u);
      lang_error_write_unraisable (interp, where);
    }
  lang_decref (interp, r);
  g_array_unref (interp->traceback);
  interp->traceback = saved_tb;
  interp->exc = saved;
}

static void
host_weakref_callback (ReclaimHeap *heap, ReclaimId weakref, ReclaimId callback, gpointer user_data)
{
  ReclaimInterp *interp = user_data;
  ReclaimValue saved = interp->exc;
  GArray *saved_tb = interp->traceback;

  interp->exc = 0;
  interp->traceback = lang_traceback_new ();
  ReclaimValue r = lang_call (interp, callback, 1, &weakref, 0, NULL);
  if (r == LANG_ERROR)
    {
      g_autofree char *repr = lang_repr (interp, callback);
      lang_error_write_unraisable (interp, repr ? repr : "callback");
    }
  lang_decref (interp, r);
  g_array_unref (interp->traceback);
  interp->traceback = saved_tb;
  interp->exc = saved;
}

static void
host_gc_callback (ReclaimHeap *heap, const char *phase, int generation, gssize collected,
                  gssize uncollectable, gpointer user_data)
{
  lang_gc_run_callbacks (user_data, phase, generation, collected, uncollectable);
}

static void
host_freed (ReclaimHeap *heap, ReclaimId obj, gpointer user_data)
{
  ReclaimInterp *interp = user_data;
  lang_forget_object (interp, obj);
  if (reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_GENERATOR && eval_state (interp) &&
      eval_state (interp)->generators)
    eval_generator_forget (interp, obj);
}

static const ReclaimHost host = {
  host_finalize, host_weakref_callback, host_gc_callback, host_freed,
};

/* ---- creation ----------------------------------------------------------- */

static void
native_free (gpointer p)
{
  LangNative *n = p;
  g_free (n->name);
  g_free (n->qualname);
  g_free (n);
}

static void
iter_state_free (gpointer p)
{
  LangIterState *state = p;
  if (state->order)
    g_array_unref (state->order);
  g_free (state);
}

ReclaimInterp *
reclaim_interp_new (const ReclaimInterpOptions *options)
{
  ReclaimInterp *interp = g_new0 (ReclaimInterp, 1);
  EvalState *es = g_new0 (EvalState, 1);

  if (options)
    interp->options = *options;
  if (interp->options.max_steps == 0)
    interp->options.max_steps = RECLAIM_DEFAULT_MAX_STEPS;
  if (interp->options.max_objects == 0)
    interp->options.max_objects = RECLAIM_DEFAULT_MAX_OBJECTS;
  if (interp->options.max_memory == 0)
    interp->options.max_memory = RECLAIM_DEFAULT_MAX_MEMORY;
  interp->scalar_bytes_at_start = scalar_bytes_held ();

  interp->eval = es;
  interp->heap = reclaim_heap_new ();
  lang_safe_point_register (interp);
  reclaim_heap_set_keep_events (interp->heap, !interp->options.drop_events);
  interp->side_entries = g_byte_array_new ();
  interp->natives = g_hash_table_new_full (NULL, NULL, NULL, native_free);
  interp->iterators = g_hash_table_new_full (NULL, NULL, NULL, iter_state_free);
  interp->functions = g_ptr_array_new_with_free_func (lang_eval_function_info_free);
  interp->builtin_types = g_hash_table_new (g_str_hash, g_str_equal);
  interp->names = g_hash_table_new (NULL, NULL);
  interp->suggestions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  interp->caught_tracebacks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  interp->callable_proxies = g_hash_table_new (NULL, NULL);
  interp->weakref_hashes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  interp->weakref_keys = g_hash_table_new (NULL, NULL);
  interp->modules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  interp->traceback = lang_traceback_new ();
  eval_classes_init (interp);
  lang_tables_init (interp);
  eval_generators_init (interp);
  reclaim_heap_set_host (interp->heap, &host, interp);

  /* the interpreter's own objects: builtins, modules, the module namespace */
  interp->builtins = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_DICT, 0, "builtins", RECLAIM_ALLOC_ROOT);
  es->empty_tuple = reclaim_heap_alloc_tuple (interp->heap, 0);
  lang_builtins_init (interp);
  lang_modules_init (interp);
  interp->globals = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_DICT, 0, "__main__", RECLAIM_ALLOC_ROOT);
  lang_dict_set (interp, interp->globals, scalar_str ("__name__", -1), scalar_str ("__main__", -1));
  lang_dict_set (interp, interp->globals, scalar_str ("__doc__", -1), scalar_none ());
  lang_dict_set (interp, interp->globals, scalar_str ("__builtins__", -1),
                 GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "builtins")));

  /* what python3 has before the first line: everything old, free lists
   * empty, the count at zero */
  reclaim_heap_collect (interp->heap, 2);
  reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_COUNT0, 0);
  reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_COLLECTIONS2, 0);
  reclaim_heap_set_mode (interp->heap, interp->options.collector);
  interp->script_start = reclaim_heap_n_events (interp->heap);
  interp->script_end = interp->script_start;
  interp->module_namespace = interp->globals;
  return interp;
}

ReclaimHeap *
reclaim_interp_get_heap (ReclaimInterp *interp)
{
  return interp->heap;
}

guint64
reclaim_interp_get_script_start (ReclaimInterp *interp)
{
  return interp->script_start;
}

guint64
reclaim_interp_get_script_end (ReclaimInterp *interp)
{
  return interp->script_end;
}

ReclaimId
reclaim_interp_get_module_namespace (ReclaimInterp *interp)
{
  return interp->module_namespace;
}

void
reclaim_interp_free (ReclaimInterp *interp)
{
  EvalState *es;

  if (interp == NULL)
    return;
  es = interp->eval;
  /* paused generators unwind on the live heap, wherever a viewer left it */
  if (!reclaim_heap_is_live (interp->heap))
    reclaim_heap_seek (interp->heap, reclaim_heap_n_events (interp->heap));
  eval_generators_free (interp);
  lang_safe_point_unregister (interp);
  reclaim_heap_set_host (interp->heap, NULL, NULL);
  reclaim_heap_free (interp->heap);
  g_hash_table_unref (interp->natives);
  g_hash_table_unref (interp->iterators);
  g_ptr_array_unref (interp->functions);
  g_hash_table_unref (interp->builtin_types);
  g_hash_table_unref (interp->names);
  g_hash_table_unref (interp->suggestions);
  g_hash_table_unref (interp->caught_tracebacks);
  g_hash_table_unref (interp->callable_proxies);
  g_hash_table_unref (interp->weakref_hashes);
  g_hash_table_unref (interp->weakref_keys);
  g_hash_table_unref (interp->modules);
  g_hash_table_unref (interp->classes);
  g_ptr_array_unref (interp->tables);
  g_byte_array_unref (interp->side_entries);
  g_hash_table_unref (interp->insertion_order);
  g_array_unref (interp->traceback);
  g_free (interp->not_supported);
  reclaim_scope_free (es->module_scope);
  if (es->module)
    reclaim_ast_free (es->module);
  g_strfreev (es->source_lines);
  g_free (es);
  g_free (interp);
}

/* ---- errors ------------------------------------------------------------- */

static void
print_syntax_error (ReclaimInterp *interp, const ReclaimSyntaxError *error, const char *filename)
{
  g_autofree char *text = NULL;

  if (error->kind == RECLAIM_ERROR_NOT_SUPPORTED)
    {
      g_autofree char *name = g_path_get_basename (filename);
      text = g_strdup_printf ("%s:%d:%d: %s\n", name, error->line, error->column, error->message);
    }
  else
    text = reclaim_syntax_error_format (error, filename);
  interp->error_line = MAX (error->line, 0);
  lang_write_stderr (interp, text, -1);
}

static gboolean
module_has_attribute (const char *module, const char *attr, gpointer interp)
{
  return lang_module_has_attribute (interp, module, attr);
}

/* Parses the script and checks that it stays within the subset.  A syntax
 * error comes back in *error; constructs Reclaim refuses are all printed
 * here in the order of the file, then the first one again when there are
 * several; its line is the error line, and NULL is returned with *error
 * unset. */
static ReclaimNode *
parse_supported (ReclaimInterp *interp, const char *source, gssize length, const char *filename,
                 ReclaimSyntaxError **error)
{
  g_autoptr (GPtrArray) refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) reclaim_syntax_error_free);
  ReclaimNode *module = reclaim_parse_with_refusals (source, length, filename, refusals, error);

  if (module == NULL)
    return NULL;
  reclaim_check_collect (module, refusals, module_has_attribute, interp);
  if (refusals->len == 0)
    return module;
  reclaim_ast_free (module);
  for (guint i = 0; i < refusals->len; i++)
    print_syntax_error (interp, g_ptr_array_index (refusals, i), filename);
  /* The last line is the one the window's banner and the corpus read: the
   * first problem again, saying that more are listed above. */
  if (refusals->len > 1)
    {
      g_autoptr (ReclaimSyntaxError) first = reclaim_syntax_error_copy (g_ptr_array_index (refusals, 0));
      char *message = g_strdup_printf ("%s (the first of %u)", first->message, refusals->len);
      g_free (first->message);
      first->message = message;
      print_syntax_error (interp, first, filename);
    }
  interp->error_line = MAX (((ReclaimSyntaxError *) g_ptr_array_index (refusals, 0))->line, 0);
  return NULL;
}

/* One exception as python3 prints it: its traceback (NULL for one never
 * raised: no traceback at all), then "Type: text". */
static void
print_one_exception (ReclaimInterp *interp, ReclaimValue exc, GArray *traceback, GString *out)
{
  EvalState *es = eval_state (interp);
  if (traceback)
    g_string_append (out, "Traceback (most recent call last):\n");
  for (guint i = traceback ? traceback->len : 0; i-- > 0;)
    {
      LangTraceEntry *e = &g_array_index (traceback, LangTraceEntry, i);
      g_string_append_printf (out, "  File \"%s\", line %u, in %s\n", e->filename, e->line, e->function);
      if (es->source_lines && e->line > 0 && e->line <= g_strv_length (es->source_lines))
        {
          g_autofree char *line = g_strstrip (g_strdup (es->source_lines[e->line - 1]));
          g_string_append_printf (out, "    %s\n", line);
        }
    }
  g_autofree char *text = lang_str (interp, exc);
  lang_error_clear (interp);
  g_string_append (out, lang_type_name (interp, exc));
  if (text && *text)
    g_string_append_printf (out, ": %s", text);
  const char *suggestion = lang_suggestion_for (interp, exc);
  if (suggestion)
    g_string_append_printf (out, ". Did you mean: '%s'?", suggestion);
  g_string_append_c (out, '\n');
}

static void
print_traceback (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);
  ReclaimValue exc = interp->exc;
  GString *out = g_string_new (NULL);

  /* the innermost line of the script itself, printed last */
  for (guint i = interp->traceback->len; i-- > 0;)
    {
      LangTraceEntry *e = &g_array_index (interp->traceback, LangTraceEntry, i);
      if (g_strcmp0 (e->filename, es->filename) == 0)
        interp->error_line = e->line;
    }
  interp->exc = 0;
  GArray *traceback = interp->traceback;
  interp->traceback = lang_traceback_new ();   /* str() of the exceptions may raise and clear it */
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  eval_print_chain (interp, exc, out, seen, print_one_exception);
  print_one_exception (interp, exc, traceback, out);
  g_array_unref (interp->traceback);
  interp->traceback = traceback;
  lang_write_stderr (interp, out->str, out->len);
  g_string_free (out, TRUE);
  lang_decref (interp, exc);
}

/* An uncaught SystemExit ends python3 quietly: its code is the exit
 * status (None: 0), anything else is printed and gives 1. */
static int
system_exit_status (ReclaimInterp *interp)
{
  ReclaimValue args = lang_eval_exception_args (interp, interp->exc);
  ReclaimValue code = lang_seq_length (interp, args) > 0 ? lang_seq_item (interp, args, 0) : scalar_none ();
  int status = 0;

  if (scalar_type (code) == SCALAR_INT || scalar_type (code) == SCALAR_BOOL)
    status = (int) scalar_get_int (code);
  else if (scalar_type (code) != SCALAR_NONE)
    {
      g_autofree char *text = lang_str (interp, code);
      g_autofree char *line = g_strdup_printf ("%s\n", text ? text : "");
      lang_write_stderr (interp, line, -1);
      status = 1;
    }
  lang_error_clear (interp);
  return status;
}

/* ---- running ------------------------------------------------------------ */

/* The step limit, the memory budget and Stop are Reclaim's, not the
 * script's: no traceback, status 3. */
static int
report_stopped (ReclaimInterp *interp)
{
  const ReclaimInterpOptions *o = &interp->options;
  g_autofree char *message = NULL;
  if (interp->not_supported)   /* the line of a refusal, where the script got to */
    message = g_strdup_printf ("%s:%u: %s\n", eval_state (interp)->filename, interp->error_line,
                               interp->not_supported);
  else
    {
      g_autofree char *why = NULL;
      if (interp->out_of_memory)
        why = g_strdup_printf (": it needs more than %" G_GUINT64_FORMAT " MiB, its objects and every event kept (%s)",
                               o->max_memory >> 20, o->max_memory_advice);
      else if (interp->steps > o->max_steps)
        why = g_strdup_printf (" (%s)", o->max_steps_advice ? o->max_steps_advice : "raise the limit with --max-steps");
      else
        why = g_strdup_printf (" (%s)", o->cancel_reason ? o->cancel_reason : "cancelled");
      message = g_strdup_printf ("reclaim: the script was stopped after %" G_GUINT64_FORMAT " steps%s\n",
                                 MIN (interp->steps, o->max_steps), why);
    }
  lang_error_clear (interp);
  lang_write_stderr (interp, message, -1);
  return 3;
}

/* What python3 does after the last line: weakref.finalize callbacks, a
 * full collection if the collector is enabled, then the module namespace
 * becomes garbage and one more collection finalizes it, callbacks or not. */
static void
finalize_at_exit (ReclaimInterp *interp)
{
  EvalState *es = eval_state (interp);

  interp->script_end = reclaim_heap_n_events (interp->heap);
  if (es->stopped)
    return;
  lang_weakref_run_atexit (interp);
  if (reclaim_heap_get_counter (interp->heap, RECLAIM_COUNTER_ENABLED))
    reclaim_heap_collect (interp->heap, 2);
  interp->shutting_down = TRUE;
  ReclaimId globals = interp->globals;
  interp->globals = 0;
  reclaim_heap_decref (interp->heap, globals);
  reclaim_heap_collect (interp->heap, 2);
  if (interp->exc)
    lang_error_clear (interp);
}

int
reclaim_interp_run (ReclaimInterp *interp, const char *source, gssize length, const char *filename)
{
  EvalState *es = eval_state (interp);
  g_autoptr (ReclaimSyntaxError) error = NULL;

  g_return_val_if_fail (es->module == NULL, 1);
  es->filename = filename;
  es->module = parse_supported (interp, source, length, filename, &error);
  if (es->module == NULL)
    {
      if (error == NULL)
        return 2;
      print_syntax_error (interp, error, filename);
      return 1;
    }
  char *scope_error = NULL;
  int error_line = 0;
  es->module_scope = reclaim_scope_analyse (es->module, &scope_error, &error_line);
  /* the source need not end in a NUL when its length is given */
  g_autofree char *text = length < 0 ? g_strdup (source) : g_strndup (source, length);
  es->source_lines = g_strsplit (text, "\n", -1);
  if (es->module_scope == NULL)
    {
      ReclaimSyntaxError e = { RECLAIM_ERROR_SYNTAX, scope_error, error_line, 0, 0, 0, NULL };
      if (error_line > 0 && error_line <= (int) g_strv_length (es->source_lines))
        e.text = es->source_lines[error_line - 1];
      print_syntax_error (interp, &e, filename);
      g_free (scope_error);
      return 1;
    }

  Frame module = { .scope = es->module_scope, .ns = interp->globals };
  es->frame = &module;
  interp->depth = 1;
  eval_setup_annotations (interp, interp->globals, &es->module->v.module.body);
  ExecStatus s = eval_body (interp, &module, &es->module->v.module.body);
  int status = 0;
  if (s == EXEC_ERROR)
    {
      if (es->stopped)
        status = report_stopped (interp);
      else if (lang_error_matches (interp, "SystemExit"))
        status = system_exit_status (interp);
      else
        {
          eval_traceback_add (interp, &module);
          print_traceback (interp);
          status = 1;
        }
    }
  eval_frame_exit (interp, &module);
  interp->depth = 0;
  es->frame = NULL;
  finalize_at_exit (interp);
  /* a __del__ or callback at exit that ran into the step limit */
  if (es->stopped && status != 3)
    status = report_stopped (interp);
  return status;
}

void
reclaim_interp_set_output_error (ReclaimInterp *interp, int errno_value)
{
  interp->output_errno = errno_value;
}

guint
reclaim_interp_get_error_line (ReclaimInterp *interp)
{
  return interp->error_line;
}

