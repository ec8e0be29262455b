/* reclaim-mod-gc.c: the gc module, over the engine's collector.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function does what Modules/gcmodule.c (3.11) does, including the
 * allocations python3 makes on the way, because gc.get_count() and the
 * automatic collections see them: METH_VARARGS functions get their
 * arguments as a tuple, results are built after the counts are read.
 */
#include "reclaim-modules-private.h"

#include <string.h>

#define NUM_GENERATIONS 3

static const ReclaimCounter threshold_counters[NUM_GENERATIONS] = {
  RECLAIM_COUNTER_THRESHOLD0, RECLAIM_COUNTER_THRESHOLD1, RECLAIM_COUNTER_THRESHOLD2,
};
static const ReclaimList generation_lists[NUM_GENERATIONS] = {
  RECLAIM_LIST_GEN0, RECLAIM_LIST_GEN1, RECLAIM_LIST_GEN2,
};

/* The gc module object keeps, after its namespace, the two lists the
 * collector itself uses (gcstate->callbacks and gcstate->garbage): python3
 * keeps using them even if the module attributes are rebound. */
enum { GC_SLOT_NAMESPACE, GC_SLOT_CALLBACKS, GC_SLOT_GARBAGE };

static gint32
counter (ReclaimInterp *interp, ReclaimCounter c)
{
  return reclaim_heap_get_counter (interp->heap, c);
}

static ReclaimValue
int_triple (ReclaimInterp *interp, gint32 a, gint32 b, gint32 c)
{
  ReclaimValue items[] = { scalar_int (a), scalar_int (b), scalar_int (c) };
  return lang_tuple_new (interp, 3, items);
}

/* ---- traversal as gc.get_referents() sees it ---------------------------- */

/* Returns TRUE to stop the walk. */
typedef gboolean (*ReferentFunc) (ReclaimInterp *interp, ReclaimValue referent, gpointer data);

/* A dict whose keys are all strs has a "unicode" key table, whose
 * traversal visits the values only (dict_traverse). */
static gboolean
dict_has_str_keys_only (ReclaimHeap *heap, ReclaimId dict)
{
  guint n = reclaim_heap_n_slots (heap, dict);

  for (guint i = 0; i + 1 < n; i += 2)
    {
      ReclaimValue key = reclaim_heap_slot_get (heap, dict, i);
      if (key != RECLAIM_VALUE_NONE && scalar_type (key) != SCALAR_STR)
        return FALSE;
    }
  return TRUE;
}

/* tp_traverse of obj, including the ints and strs it holds (they are
 * objects in python3): lists and tuples last to first; dicts value then
 * key per entry, values only for str keys; anything else slot by slot;
 * the class of an instance last. */
static gboolean
traverse_referents (ReclaimInterp *interp, ReclaimId obj, ReferentFunc func, gpointer data)
{
  ReclaimHeap *h = interp->heap;
  guint n = reclaim_heap_n_slots (h, obj);
  ReclaimValue v;
  /* subtype_traverse of a class based on list or dict: its __dict__ and
   * the class come before the items */
  gboolean class_first = lang_is_container_instance (interp, obj);
  ReclaimId cls = reclaim_heap_get_class (h, obj);

  if (class_first && (v = reclaim_heap_get_instance_dict (h, obj)) && func (interp, v, data))
    return TRUE;
  if (class_first && func (interp, cls, data))
    return TRUE;
  switch (reclaim_heap_get_kind (h, obj))
    {
    case RECLAIM_KIND_LIST:
    case RECLAIM_KIND_TUPLE:
      for (guint i = n; i-- > 0;)
        if ((v = reclaim_heap_slot_get (h, obj, i)) != RECLAIM_VALUE_NONE && func (interp, v, data))
          return TRUE;
      break;
    case RECLAIM_KIND_DICT:
      {
        gboolean values_only = dict_has_str_keys_only (h, obj);
        for (guint i = 0; i + 1 < n; i += 2)
          {
            ReclaimValue key = reclaim_heap_slot_get (h, obj, i);
            if (key == RECLAIM_VALUE_NONE)
              continue;
            if (func (interp, reclaim_heap_slot_get (h, obj, i + 1), data) ||
                (!values_only && func (interp, key, data)))
              return TRUE;
          }
      }
      break;
    default:
      for (guint i = 0; i < n; i++)
        if ((v = reclaim_heap_slot_get (h, obj, i)) != RECLAIM_VALUE_NONE && func (interp, v, data))
          return TRUE;
      break;
    }
  return cls && !class_first && func (interp, cls, data);
}

static gboolean
is_gc_object (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_kind_is_gc (reclaim_heap_get_kind (interp->heap, v));
}

static gboolean
append_referent (ReclaimInterp *interp, ReclaimValue referent, gpointer list)
{
  lang_list_append (interp, GPOINTER_TO_UINT (list), lang_ref (interp, referent));
  return FALSE;
}

typedef struct {
  guint               n;
  const ReclaimValue *targets;
} Targets;

static gboolean
is_target (ReclaimInterp *interp, ReclaimValue referent, gpointer data)
{
  const Targets *t = data;
  for (guint i = 0; i < t->n; i++)
    if (t->targets[i] == referent)
      return TRUE;
  return FALSE;
}

/* ---- the module's functions --------------------------------------------- */

static ReclaimValue
gc_collect (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  gint64 generation = NUM_GENERATIONS - 1;

  for (guint i = 0; i < nkw; i++)
    if (strcmp (kwnames[i], "generation") != 0)
      return lang_raise (interp, "TypeError", "'%s' is an invalid keyword argument for collect()", kwnames[i]);
  if (nargs + nkw > 1)
    return lang_raise (interp, "TypeError", "collect() takes at most 1 argument (%u given)", nargs + nkw);
  ReclaimValue arg = lang_arg (nargs, args, nkw, kwnames, 0, "generation");
  if (arg && !modules_arg_int (interp, arg, &generation))
    return LANG_ERROR;
  if (generation < 0 || generation >= NUM_GENERATIONS)
    return lang_raise (interp, "ValueError", "invalid generation");
  /* the engine returns 0 when a collection is already running */
  return scalar_int (reclaim_heap_collect (interp->heap, (int) generation));
}

static ReclaimValue
gc_enable (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.enable", nargs, 0, 0, nkw))
    return LANG_ERROR;
  reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_ENABLED, 1);
  return scalar_none ();
}

static ReclaimValue
gc_disable (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.disable", nargs, 0, 0, nkw))
    return LANG_ERROR;
  reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_ENABLED, 0);
  return scalar_none ();
}

static ReclaimValue
gc_isenabled (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.isenabled", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_bool (counter (interp, RECLAIM_COUNTER_ENABLED) != 0);
}

static ReclaimValue
gc_get_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.get_count", nargs, 0, 0, nkw))
    return LANG_ERROR;
  /* read first: the tuple's own allocation is not in what it reports */
  gint32 c0 = counter (interp, RECLAIM_COUNTER_COUNT0);
  gint32 c1 = counter (interp, RECLAIM_COUNTER_COUNT1);
  gint32 c2 = counter (interp, RECLAIM_COUNTER_COUNT2);
  return int_triple (interp, c0, c1, c2);
}

static ReclaimValue
gc_get_threshold (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.get_threshold", nargs, 0, 0, nkw))
    return LANG_ERROR;
  gint32 t0 = counter (interp, RECLAIM_COUNTER_THRESHOLD0);
  gint32 t1 = counter (interp, RECLAIM_COUNTER_THRESHOLD1);
  gint32 t2 = counter (interp, RECLAIM_COUNTER_THRESHOLD2);
  return int_triple (interp, t0, t1, t2);
}

/* PyArg_ParseTuple's "i": an int that fits a C int. */
static gboolean
arg_c_int (ReclaimInterp *interp, ReclaimValue v, gint32 *out)
{
  gint64 n;
  if (!modules_arg_int (interp, v, &n))
    return FALSE;
  if (n > G_MAXINT32 || n < G_MININT32)
    {
      lang_raise (interp, "OverflowError", "signed integer is %s",
                  n > 0 ? "greater than maximum" : "less than minimum");
      return FALSE;
    }
  *out = (gint32) n;
  return TRUE;
}

static ReclaimValue
gc_set_threshold (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "set_threshold() takes no keyword arguments");
  ReclaimValue argtuple = modules_args_tuple (interp, nargs, args);
  gboolean ok = FALSE;
  if (nargs < 1)
    lang_raise (interp, "TypeError", "set_threshold() takes at least 1 argument (%u given)", nargs);
  else if (nargs > NUM_GENERATIONS)
    lang_raise (interp, "TypeError", "set_threshold() takes at most %d arguments (%u given)", NUM_GENERATIONS, nargs);
  else
    {
      /* PyArg_ParseTuple writes each threshold as it converts it, so a bad
       * argument leaves the ones before it set */
      ok = TRUE;
      for (guint i = 0; i < nargs && ok; i++)
        {
          gint32 value;
          ok = arg_c_int (interp, args[i], &value);
          if (ok)
            reclaim_heap_set_counter (interp->heap, threshold_counters[i], value);
        }
    }
  lang_decref (interp, argtuple);
  return ok ? scalar_none () : LANG_ERROR;
}

static ReclaimValue
gc_get_debug (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.get_debug", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_int (counter (interp, RECLAIM_COUNTER_DEBUG));
}

static ReclaimValue
gc_set_debug (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint32 flags;

  if (!lang_check_args (interp, "gc.set_debug", nargs, 1, 1, nkw) || !arg_c_int (interp, args[0], &flags))
    return LANG_ERROR;
  reclaim_heap_set_counter (interp->heap, RECLAIM_COUNTER_DEBUG, flags);
  return scalar_none ();
}

static ReclaimValue
gc_get_stats (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint32 stats[NUM_GENERATIONS][3];

  if (!lang_check_args (interp, "gc.get_stats", nargs, 0, 0, nkw))
    return LANG_ERROR;
  /* a snapshot first: building the result allocates, which may collect */
  for (int i = 0; i < NUM_GENERATIONS; i++)
    {
      stats[i][0] = counter (interp, RECLAIM_COUNTER_COLLECTIONS0 + i);
      stats[i][1] = counter (interp, RECLAIM_COUNTER_COLLECTED0 + i);
      stats[i][2] = counter (interp, RECLAIM_COUNTER_UNCOLLECTABLE0 + i);
    }
  ReclaimValue result = lang_list_new (interp);
  static const char *const keys[] = { "collections", "collected", "uncollectable" };
  for (int i = 0; i < NUM_GENERATIONS; i++)
    {
      ReclaimValue d = lang_dict_new (interp);
      for (int k = 0; k < 3; k++)
        lang_dict_set (interp, d, scalar_str (keys[k], -1), scalar_int (stats[i][k]));
      lang_list_append (interp, result, d);
    }
  return result;
}

static ReclaimValue
gc_get_objects (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  gint64 generation = -1;

  for (guint i = 0; i < nkw; i++)
    if (strcmp (kwnames[i], "generation") != 0)
      return lang_raise (interp, "TypeError", "'%s' is an invalid keyword argument for get_objects()", kwnames[i]);
  if (nargs + nkw > 1)
    return lang_raise (interp, "TypeError", "get_objects() takes at most 1 argument (%u given)", nargs + nkw);
  ReclaimValue arg = lang_arg (nargs, args, nkw, kwnames, 0, "generation");
  if (arg && scalar_type (arg) != SCALAR_NONE && !modules_arg_int (interp, arg, &generation))
    return LANG_ERROR;
  if (generation >= NUM_GENERATIONS)
    return lang_raise (interp, "ValueError", "generation parameter must be less than the number of "
                       "available generations (%d)", NUM_GENERATIONS);
  if (generation < -1)
    return lang_raise (interp, "ValueError", "generation parameter cannot be negative");

  ReclaimValue result = lang_list_new (interp);
  for (int g = 0; g < NUM_GENERATIONS; g++)
    {
      if (generation != -1 && g != generation)
        continue;
      for (ReclaimId o = reclaim_heap_list_first (interp->heap, generation_lists[g]); o;
           o = reclaim_heap_list_next (interp->heap, o))
        if (o != result)
          lang_list_append (interp, result, lang_ref (interp, o));
    }
  return result;
}

static ReclaimValue
gc_get_referrers (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "get_referrers() takes no keyword arguments");
  ReclaimValue argtuple = modules_args_tuple (interp, nargs, args);
  ReclaimValue result = lang_list_new (interp);
  Targets targets = { nargs, args };

  /* the collector's lists, young to old; frames and other untracked
   * objects are never found, nor the argument tuple and the result */
  for (int g = 0; g < NUM_GENERATIONS; g++)
    for (ReclaimId o = reclaim_heap_list_first (interp->heap, generation_lists[g]); o;
         o = reclaim_heap_list_next (interp->heap, o))
      if (o != argtuple && o != result && traverse_referents (interp, o, is_target, &targets))
        lang_list_append (interp, result, lang_ref (interp, o));
  lang_decref (interp, argtuple);
  return result;
}

static ReclaimValue
gc_get_referents (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "get_referents() takes no keyword arguments");
  ReclaimValue argtuple = modules_args_tuple (interp, nargs, args);
  ReclaimValue result = lang_list_new (interp);

  for (guint i = 0; i < nargs; i++)
    if (is_gc_object (interp, args[i]))
      traverse_referents (interp, args[i], append_referent, GUINT_TO_POINTER (result));
  lang_decref (interp, argtuple);
  return result;
}

static ReclaimValue
gc_is_tracked (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.is_tracked", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return scalar_bool (reclaim_value_is_object (args[0]) &&
                      (reclaim_heap_get_flags (interp->heap, args[0]) & RECLAIM_FLAG_TRACKED));
}

static ReclaimValue
gc_is_finalized (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.is_finalized", nargs, 1, 1, nkw))
    return LANG_ERROR;
  return scalar_bool (is_gc_object (interp, args[0]) &&
                      (reclaim_heap_get_flags (interp->heap, args[0]) & RECLAIM_FLAG_FINALIZED));
}

static ReclaimValue
gc_freeze (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.freeze", nargs, 0, 0, nkw))
    return LANG_ERROR;
  reclaim_heap_freeze (interp->heap);
  return scalar_none ();
}

static ReclaimValue
gc_unfreeze (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.unfreeze", nargs, 0, 0, nkw))
    return LANG_ERROR;
  reclaim_heap_unfreeze (interp->heap);
  return scalar_none ();
}

static ReclaimValue
gc_get_freeze_count (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "gc.get_freeze_count", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return scalar_int (reclaim_heap_list_length (interp->heap, RECLAIM_LIST_PERMANENT));
}

/* ---- gc.callbacks -------------------------------------------------------- */

static ReclaimValue
callbacks_list (ReclaimInterp *interp)
{
  ReclaimId gc = GPOINTER_TO_UINT (g_hash_table_lookup (interp->modules, "gc"));

  if (gc == 0 || reclaim_heap_n_slots (interp->heap, gc) <= GC_SLOT_CALLBACKS)
    return 0;
  return reclaim_heap_slot_get (interp->heap, gc, GC_SLOT_CALLBACKS);
}

/* invoke_gc_callback: one info dict, made only when there are callbacks;
 * the list is read by index as it goes, as python3 does, so a callback
 * that changes the list changes which callbacks run. */
void
lang_gc_run_callbacks (ReclaimInterp *interp, const char *phase, int generation,
                       gssize collected, gssize uncollectable)
{
  ReclaimValue list = callbacks_list (interp);

  if (interp->shutting_down || list == 0 || lang_seq_length (interp, list) == 0)
    return;

  ReclaimValue saved = interp->exc;
  GArray *saved_tb = interp->traceback;
  interp->exc = 0;
  interp->traceback = lang_traceback_new ();

  ReclaimValue info = lang_dict_new (interp);
  lang_dict_set (interp, info, scalar_str ("generation", -1), scalar_int (generation));
  lang_dict_set (interp, info, scalar_str ("collected", -1), scalar_int (collected));
  lang_dict_set (interp, info, scalar_str ("uncollectable", -1), scalar_int (uncollectable));
  for (guint i = 0; i < lang_seq_length (interp, list); i++)
    {
      ReclaimValue cb = lang_ref (interp, lang_seq_item (interp, list, i));
      ReclaimValue call_args[] = { scalar_str (phase, -1), info };
      ReclaimValue r = lang_call (interp, cb, 2, call_args, 0, NULL);
      if (r == LANG_ERROR)
        {
          ReclaimValue exc = interp->exc;
          interp->exc = 0;
          g_autofree char *where = lang_repr (interp, cb);
          lang_error_clear (interp);
          interp->exc = exc;
          lang_error_write_unraisable (interp, where ? where : "gc callback");
        }
      lang_decref (interp, r);
      lang_decref (interp, cb);
    }
  lang_decref (interp, info);

  g_array_unref (interp->traceback);
  interp->traceback = saved_tb;
  interp->exc = saved;
}

/* ---- the module ----------------------------------------------------------- */

static const LangMethodDef gc_functions[] = {
  { "enable", gc_enable },
  { "disable", gc_disable },
  { "isenabled", gc_isenabled },
  { "set_debug", gc_set_debug },
  { "get_debug", gc_get_debug },
  { "get_count", gc_get_count },
  { "set_threshold", gc_set_threshold },
  { "get_threshold", gc_get_threshold },
  { "collect", gc_collect },
  { "get_objects", gc_get_objects },
  { "get_stats", gc_get_stats },
  { "is_tracked", gc_is_tracked },
  { "is_finalized", gc_is_finalized },
  { "get_referrers", gc_get_referrers },
  { "get_referents", gc_get_referents },
  { "freeze", gc_freeze },
  { "unfreeze", gc_unfreeze },
  { "get_freeze_count", gc_get_freeze_count },
  { NULL, NULL }
};

static const struct { const char *name; int value; } gc_constants[] = {
  { "DEBUG_STATS", 1 },
  { "DEBUG_COLLECTABLE", 2 },
  { "DEBUG_UNCOLLECTABLE", 4 },
  { "DEBUG_SAVEALL", RECLAIM_DEBUG_SAVEALL },
  { "DEBUG_LEAK", 2 | 4 | RECLAIM_DEBUG_SAVEALL },
};

void
modules_gc_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "gc");
  ReclaimValue garbage = lang_list_new (interp);
  ReclaimValue callbacks = lang_list_new (interp);

  for (const LangMethodDef *f = gc_functions; f->name; f++)
    modules_add_function (interp, ns, f->name, f->func);
  lang_dict_set (interp, ns, scalar_str ("garbage", -1), garbage);
  lang_dict_set (interp, ns, scalar_str ("callbacks", -1), callbacks);
  for (guint i = 0; i < G_N_ELEMENTS (gc_constants); i++)
    lang_dict_set (interp, ns, scalar_str (gc_constants[i].name, -1), scalar_int (gc_constants[i].value));

  ReclaimId gc = modules_new_module (interp, "gc", ns);
  reclaim_heap_slot_append (interp->heap, gc, RECLAIM_ROLE_OTHER, "callbacks", callbacks);
  reclaim_heap_slot_append (interp->heap, gc, RECLAIM_ROLE_OTHER, "garbage", garbage);
  reclaim_heap_set_garbage_list (interp->heap, garbage);
  lang_decref (interp, ns);
}
