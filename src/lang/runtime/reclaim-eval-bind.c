/* reclaim-eval-bind.c: a call's arguments put in the parameter slots of
 * the new frame, as CPython 3.11's initialize_locals does, with its
 * TypeErrors word for word.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The frame's first slots are the parameters in co_varnames order: the
 * positional ones (positional-only first), the keyword-only ones, then
 * *args and **kwargs.  The order of the steps decides which error a bad
 * call gets: positional arguments and *args first, then each keyword (an
 * unknown one, or one naming a positional-only parameter, or one given
 * twice, stops there), then too many positional arguments, then missing
 * positional ones (after the __defaults__), then missing keyword-only
 * ones (after the __kwdefaults__ dict).
 */
#include "reclaim-eval-private.h"

#include <string.h>

static ReclaimValue
bind_error (ReclaimInterp *interp, FunctionInfo *fi, const char *format, ...) G_GNUC_PRINTF (3, 4);

static ReclaimValue
bind_error (ReclaimInterp *interp, FunctionInfo *fi, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *message = g_strdup_vprintf (format, ap);
  va_end (ap);
  /* the __qualname__ the script may have set, as CPython's func_qualname */
  return lang_raise (interp, "TypeError", "%s() %s", fi->qualname, message);
}

/* "takes 2 positional arguments but 3 were given", with defaults "takes
 * from 1 to 2 ..." (from a negative count when __defaults__ was set
 * longer than the parameters, as CPython says too), and when keyword-only
 * arguments were given "... but 3 positional arguments (and 1
 * keyword-only argument) were given" */
static void
too_many_positional (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func, ReclaimId locals,
                     guint npos, guint nargs)
{
  ReclaimValue defaults = reclaim_heap_slot_get (interp->heap, func, FUNC_SLOT_DEFAULTS);
  gint64 ndef = defaults ? lang_seq_length (interp, defaults) : 0;
  guint kwonly_given = 0;
  for (guint i = npos; i < npos + fi->scope->n_kwonly; i++)
    kwonly_given += reclaim_heap_slot_get (interp->heap, locals, i) != RECLAIM_VALUE_NONE;
  g_autofree char *takes = ndef > 0
    ? g_strdup_printf ("from %" G_GINT64_FORMAT " to %u positional arguments", (gint64) npos - ndef, npos)
    : g_strdup_printf ("%u positional argument%s", npos, npos == 1 ? "" : "s");
  if (kwonly_given > 0)
    bind_error (interp, fi, "takes %s but %u positional argument%s (and %u keyword-only argument%s) were given",
                takes, nargs, nargs == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
  else
    bind_error (interp, fi, "takes %s but %u %s given", takes, nargs, nargs == 1 ? "was" : "were");
}

static const char *
param_name (Scope *scope, guint i)
{
  return scope->slots->pdata[i];
}

/* "missing 2 required keyword-only arguments: 'a' and 'b'", naming the
 * empty slots first..end-1 (kind is "positional" or "keyword-only"). */
static void
missing_arguments (ReclaimInterp *interp, FunctionInfo *fi, ReclaimId locals, guint first, guint end,
                   const char *kind)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint n = 0, listed = 0;
  for (guint i = first; i < end; i++)
    n += reclaim_heap_slot_get (interp->heap, locals, i) == RECLAIM_VALUE_NONE;
  for (guint i = first; i < end; i++)
    {
      if (reclaim_heap_slot_get (interp->heap, locals, i) != RECLAIM_VALUE_NONE)
        continue;
      listed++;
      if (listed > 1)
        g_string_append (names, listed < n ? ", " : n > 2 ? ", and " : " and ");
      g_string_append_printf (names, "'%s'", param_name (fi->scope, i));
    }
  bind_error (interp, fi, "missing %u required %s argument%s: %s", n, kind, n == 1 ? "" : "s", names->str);
}

/* The positional-only parameters a call named by keyword, when the
 * function has no **kwargs to take them: "got some positional-only
 * arguments passed as keyword arguments: 'a, b'".  FALSE if none was. */
static gboolean
positional_only_passed_as_keyword (ReclaimInterp *interp, FunctionInfo *fi, guint nkw,
                                   const char *const *kwnames)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (guint i = 0; i < fi->scope->n_posonly; i++)
    for (guint k = 0; k < nkw; k++)
      if (strcmp (param_name (fi->scope, i), kwnames[k]) == 0)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", kwnames[k]);
  if (names->len == 0)
    return FALSE;
  bind_error (interp, fi, "got some positional-only arguments passed as keyword arguments: '%s'", names->str);
  return TRUE;
}

/* The slot of the parameter a keyword argument names (positional-only
 * ones excepted), or -1. */
static int
keyword_slot (Scope *scope, guint n_named, const char *kwname)
{
  for (guint i = scope->n_posonly; i < n_named; i++)
    if (strcmp (param_name (scope, i), kwname) == 0)
      return (int) i;
  return -1;
}

/* Keyword-only parameters left empty take their default from the
 * function's __kwdefaults__ dict; FALSE (raised) if one has none. */
static gboolean
bind_kwonly_defaults (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func, ReclaimId locals, guint npos)
{
  ReclaimHeap *h = interp->heap;
  ReclaimValue kw_defaults = reclaim_heap_slot_get (h, func, FUNC_SLOT_KWDEFAULTS);
  gboolean missing = FALSE;
  for (guint i = npos; i < npos + fi->scope->n_kwonly; i++)
    {
      if (reclaim_heap_slot_get (h, locals, i) != RECLAIM_VALUE_NONE)
        continue;
      ReclaimValue d = kw_defaults ? lang_dict_get (interp, kw_defaults, scalar_str (param_name (fi->scope, i), -1)) : 0;
      if (d)
        reclaim_heap_slot_set (h, locals, i, lang_ref (interp, d));
      else if (lang_error_occurred (interp))
        return FALSE;
      else
        missing = TRUE;
    }
  if (missing)
    missing_arguments (interp, fi, locals, npos, npos + fi->scope->n_kwonly, "keyword-only");
  return !missing;
}

gboolean
eval_bind_arguments (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func, ReclaimId locals,
                     guint nargs, ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  Scope *scope = fi->scope;
  ReclaimHeap *h = interp->heap;
  guint npos = scope->n_params - scope->n_kwonly - scope->has_vararg - scope->has_kwarg;
  /* the parameters a keyword may name; *args and **kwargs follow them */
  guint n_named = npos + scope->n_kwonly;
  gboolean ok = TRUE;

  /* positional */
  for (guint i = 0; i < nargs && i < npos; i++)
    reclaim_heap_slot_set (h, locals, i, args[i]);
  if (scope->has_vararg)
    {
      guint extra = nargs > npos ? nargs - npos : 0;
      /* args may be NULL when there are none */
      ReclaimValue t = lang_tuple_new (interp, extra, extra > 0 ? args + npos : NULL);
      reclaim_heap_slot_set (h, locals, n_named, t);
    }
  else
    for (guint i = npos; i < nargs; i++)
      lang_decref (interp, args[i]);

  /* keywords: after the first error the rest are dropped */
  ReclaimValue kwdict = scope->has_kwarg ? lang_dict_new (interp) : 0;
  for (guint k = 0; k < nkw; k++)
    {
      ReclaimValue v = args[nargs + k];
      int slot = ok ? keyword_slot (scope, n_named, kwnames[k]) : -1;
      if (!ok)
        lang_decref (interp, v);
      else if (slot >= 0 && reclaim_heap_slot_get (h, locals, slot) != RECLAIM_VALUE_NONE)
        {
          bind_error (interp, fi, "got multiple values for argument '%s'", kwnames[k]);
          ok = FALSE;
          lang_decref (interp, v);
        }
      else if (slot >= 0)
        reclaim_heap_slot_set (h, locals, slot, v);
      else if (kwdict)
        {
          lang_dict_set (interp, kwdict, scalar_str (kwnames[k], -1), v);
          lang_decref (interp, v);
        }
      else
        {
          if (!positional_only_passed_as_keyword (interp, fi, nkw, kwnames))
            bind_error (interp, fi, "got an unexpected keyword argument '%s'", kwnames[k]);
          ok = FALSE;
          lang_decref (interp, v);
        }
    }
  if (kwdict)
    reclaim_heap_slot_set (h, locals, n_named + scope->has_vararg, kwdict);
  if (!ok)
    return FALSE;
  if (nargs > npos && !scope->has_vararg)
    {
      too_many_positional (interp, fi, func, locals, npos, nargs);
      return FALSE;
    }

  /* defaults fill the last positional parameters */
  ReclaimValue defaults = reclaim_heap_slot_get (h, func, FUNC_SLOT_DEFAULTS);
  guint ndef = defaults ? lang_seq_length (interp, defaults) : 0;
  if (ndef < npos)
    for (guint i = nargs; i < npos - ndef; i++)
      if (reclaim_heap_slot_get (h, locals, i) == RECLAIM_VALUE_NONE)
        {
          missing_arguments (interp, fi, locals, 0, npos - ndef, "positional");
          return FALSE;
        }
  /* a __defaults__ the script set may be longer than the parameters:
   * its last items serve, as in CPython */
  for (guint i = nargs; i < npos; i++)
    if (reclaim_heap_slot_get (h, locals, i) == RECLAIM_VALUE_NONE)
      reclaim_heap_slot_set (h, locals, i, lang_ref (interp, lang_seq_item (interp, defaults, i + ndef - npos)));
  return bind_kwonly_defaults (interp, fi, func, locals, npos);
}
