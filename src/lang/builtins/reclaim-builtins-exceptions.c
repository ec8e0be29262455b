/* reclaim-builtins-exceptions.c: CPython 3.11's builtin exception
 * classes, and what OSError adds to them.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BaseExceptionGroup and ExceptionGroup (two bases, and except*) are
 * refused by the subset check; every other class of the hierarchy is
 * here, under its base.
 */
#include "reclaim-eval-private.h"

#include <string.h>

/* OSError(errno, strerror) makes the subclass for that errno
 * (Objects/exceptions.c, errnomap), with Linux's numbers. */
static const struct { int errno_value; const char *class_name; } errno_classes[] = {
  { 11, "BlockingIOError" }, { 114, "BlockingIOError" }, { 115, "BlockingIOError" },
  { 10, "ChildProcessError" }, { 32, "BrokenPipeError" }, { 108, "BrokenPipeError" },
  { 103, "ConnectionAbortedError" }, { 111, "ConnectionRefusedError" }, { 104, "ConnectionResetError" },
  { 17, "FileExistsError" }, { 2, "FileNotFoundError" }, { 21, "IsADirectoryError" },
  { 20, "NotADirectoryError" }, { 4, "InterruptedError" }, { 13, "PermissionError" },
  { 1, "PermissionError" }, { 3, "ProcessLookupError" }, { 110, "TimeoutError" },
};

static LangClass *
oserror_subclass_for (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args)
{
  if (cls != lang_builtin_class (interp, "OSError") || nargs < 2 || scalar_type (args[0]) != SCALAR_INT)
    return cls;
  for (guint i = 0; i < G_N_ELEMENTS (errno_classes); i++)
    if (scalar_get_int (args[0]) == errno_classes[i].errno_value)
      return lang_builtin_class (interp, errno_classes[i].class_name);
  return cls;
}

static ReclaimValue
exception_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                     guint nkw, const char *const *kwnames)
{
  LangClass *c = lang_class_get (interp, cls);
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "%s() takes no keyword arguments", c->name);
  return eval_new_exception (interp, oserror_subclass_for (interp, c, nargs, args), nargs, args);
}

/* errno and strerror of an OSError made with two arguments (the subset
 * check refuses more, and setting them). */
static gboolean
oserror_pair (ReclaimInterp *interp, ReclaimValue exc, ReclaimValue *errno_value, ReclaimValue *strerror)
{
  if (!lang_is_instance (interp, exc, "OSError"))
    return FALSE;
  ReclaimValue args = lang_eval_exception_args (interp, exc);
  if (lang_seq_length (interp, args) != 2)
    return FALSE;
  *errno_value = lang_seq_item (interp, args, 0);
  *strerror = lang_seq_item (interp, args, 1);
  return TRUE;
}

/* e.errno, e.strerror, e.filename, e.filename2 of an OSError: a new
 * reference, or 0 for other names and other exceptions. */
ReclaimValue
lang_oserror_attr (ReclaimInterp *interp, ReclaimValue exc, const char *name)
{
  static const char *const names[] = { "errno", "strerror", "filename", "filename2" };
  guint which = 0;
  while (which < G_N_ELEMENTS (names) && strcmp (name, names[which]) != 0)
    which++;
  if (which == G_N_ELEMENTS (names) || !lang_is_instance (interp, exc, "OSError") ||
      eval_instance_has_attr (interp, exc, name))
    return 0;   /* one the script set is an attribute like any other */
  ReclaimValue pair[2];
  if (which >= 2 || !oserror_pair (interp, exc, &pair[0], &pair[1]))
    return scalar_none ();
  return lang_ref (interp, pair[which]);
}

/* str() of an OSError made with (errno, strerror): "[Errno 2] message";
 * NULL when it prints like any exception. */
char *
lang_oserror_str (ReclaimInterp *interp, ReclaimValue exc)
{
  ReclaimValue pair[2];
  if (!oserror_pair (interp, exc, &pair[0], &pair[1]))
    return NULL;
  /* what e.errno and e.strerror are now, as the script may have set them */
  ReclaimValue errno_value = lang_getattr (interp, exc, "errno");
  ReclaimValue strerror = errno_value == LANG_ERROR ? LANG_ERROR : lang_getattr (interp, exc, "strerror");
  g_autofree char *number = strerror != LANG_ERROR ? lang_str (interp, errno_value) : NULL;
  g_autofree char *message = number ? lang_str (interp, strerror) : NULL;
  lang_decref (interp, errno_value);
  lang_decref (interp, strerror);
  return message ? g_strdup_printf ("[Errno %s] %s", number, message) : NULL;
}

static LangClass *
exception_class (ReclaimInterp *interp, const char *name, const char *base)
{
  LangClass *b = base ? lang_builtin_class (interp, base) : lang_builtin_class (interp, "object");
  LangClass *c = lang_builtin_type_new (interp, name, b, RECLAIM_KIND_INSTANCE, exception_construct, NULL, TRUE);
  c->is_exception = TRUE;
  return c;
}

LangClass *
lang_exception_class_new (ReclaimInterp *interp, const char *name, const char *base)
{
  LangClass *c = lang_builtin_type_new (interp, name, lang_builtin_class (interp, base), RECLAIM_KIND_INSTANCE,
                                        exception_construct, NULL, FALSE);
  c->is_exception = TRUE;
  return c;
}

/* CPython 3.11's exception tree, each class after its base. */
static const char *const exception_tree[][2] = {
  { "BaseException", NULL },
  { "SystemExit", "BaseException" },
  { "KeyboardInterrupt", "BaseException" },
  { "GeneratorExit", "BaseException" },
  { "Exception", "BaseException" },
  { "StopIteration", "Exception" },
  { "StopAsyncIteration", "Exception" },
  { "ArithmeticError", "Exception" },
  { "FloatingPointError", "ArithmeticError" },
  { "OverflowError", "ArithmeticError" },
  { "ZeroDivisionError", "ArithmeticError" },
  { "AssertionError", "Exception" },
  { "AttributeError", "Exception" },
  { "BufferError", "Exception" },
  { "EOFError", "Exception" },
  { "ImportError", "Exception" },
  { "ModuleNotFoundError", "ImportError" },
  { "LookupError", "Exception" },
  { "IndexError", "LookupError" },
  { "KeyError", "LookupError" },
  { "MemoryError", "Exception" },
  { "NameError", "Exception" },
  { "UnboundLocalError", "NameError" },
  { "OSError", "Exception" },
  { "BlockingIOError", "OSError" },
  { "ChildProcessError", "OSError" },
  { "ConnectionError", "OSError" },
  { "BrokenPipeError", "ConnectionError" },
  { "ConnectionAbortedError", "ConnectionError" },
  { "ConnectionRefusedError", "ConnectionError" },
  { "ConnectionResetError", "ConnectionError" },
  { "FileExistsError", "OSError" },
  { "FileNotFoundError", "OSError" },
  { "InterruptedError", "OSError" },
  { "IsADirectoryError", "OSError" },
  { "NotADirectoryError", "OSError" },
  { "PermissionError", "OSError" },
  { "ProcessLookupError", "OSError" },
  { "TimeoutError", "OSError" },
  { "ReferenceError", "Exception" },
  { "RuntimeError", "Exception" },
  { "NotImplementedError", "RuntimeError" },
  { "RecursionError", "RuntimeError" },
  { "SyntaxError", "Exception" },
  { "IndentationError", "SyntaxError" },
  { "TabError", "IndentationError" },
  { "SystemError", "Exception" },
  { "TypeError", "Exception" },
  { "ValueError", "Exception" },
  { "UnicodeError", "ValueError" },
  { "UnicodeDecodeError", "UnicodeError" },
  { "UnicodeEncodeError", "UnicodeError" },
  { "UnicodeTranslateError", "UnicodeError" },
  { "Warning", "Exception" },
  { "BytesWarning", "Warning" },
  { "DeprecationWarning", "Warning" },
  { "EncodingWarning", "Warning" },
  { "FutureWarning", "Warning" },
  { "ImportWarning", "Warning" },
  { "PendingDeprecationWarning", "Warning" },
  { "ResourceWarning", "Warning" },
  { "RuntimeWarning", "Warning" },
  { "SyntaxWarning", "Warning" },
  { "UnicodeWarning", "Warning" },
  { "UserWarning", "Warning" },
};

void
lang_exceptions_init (ReclaimInterp *interp)
{
  for (guint i = 0; i < G_N_ELEMENTS (exception_tree); i++)
    exception_class (interp, exception_tree[i][0], exception_tree[i][1]);
  /* the old names of OSError are the same class */
  ReclaimValue oserror = lang_builtin_class (interp, "OSError")->id;
  lang_dict_set (interp, interp->builtins, scalar_str ("EnvironmentError", -1), oserror);
  lang_dict_set (interp, interp->builtins, scalar_str ("IOError", -1), oserror);
}
