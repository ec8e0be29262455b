/* reclaim-builtins.c: the builtin types.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The builtin functions and the types' methods are in
 * reclaim-builtins-funcs.c, the exception classes in
 * reclaim-builtins-exceptions.c; this file makes the classes they hang on.
 */
#include "reclaim-eval-private.h"

void
lang_class_add_methods (LangClass *cls, const LangMethodDef *methods)
{
  for (const LangMethodDef *m = methods; m && m->name; m++)
    g_hash_table_insert (cls->methods, (gpointer) m->name, m->func);
}

void
lang_builtins_init (ReclaimInterp *interp)
{
  LangClass *object = lang_builtin_type_new (interp, "object", NULL, RECLAIM_KIND_OBJECT, NULL, NULL, TRUE);
  lang_builtin_type_new (interp, "type", object, RECLAIM_KIND_CLASS, NULL, NULL, TRUE);

  /* the types of immediates */
  const char *scalars[] = { "NoneType", "int", "bool", "float", "str", "bytes" };
  const ScalarType scalar_types[] = { SCALAR_NONE, SCALAR_INT, SCALAR_BOOL, SCALAR_FLOAT, SCALAR_STR, SCALAR_BYTES };
  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    {
      LangClass *base = scalar_types[i] == SCALAR_BOOL ? lang_builtin_class (interp, "int") : object;
      LangClass *c = lang_builtin_type_new (interp, scalars[i], base, RECLAIM_KIND_PLAIN, NULL, NULL,
                                            scalar_types[i] != SCALAR_NONE);
      c->scalar = scalar_types[i];
    }

  /* containers and the other kinds of heap objects */
  const struct { const char *name; ReclaimKind kind; gboolean publish; } kinds[] = {
    { "list", RECLAIM_KIND_LIST, TRUE },
    { "tuple", RECLAIM_KIND_TUPLE, TRUE },
    { "dict", RECLAIM_KIND_DICT, TRUE },
    { "set", RECLAIM_KIND_SET, TRUE },
    { "range", RECLAIM_KIND_PLAIN, TRUE },
    { "function", RECLAIM_KIND_FUNCTION, FALSE },
    { "method", RECLAIM_KIND_METHOD, FALSE },
    { "builtin_function_or_method", RECLAIM_KIND_OBJECT, FALSE },
    { "generator", RECLAIM_KIND_GENERATOR, FALSE },
    { "cell", RECLAIM_KIND_CELL, FALSE },
    { "module", RECLAIM_KIND_OBJECT, FALSE },
    { "frame", RECLAIM_KIND_FRAME, FALSE },
    { "getset_descriptor", RECLAIM_KIND_OBJECT, FALSE },
    { "super", RECLAIM_KIND_OBJECT, FALSE },
    { "NotImplementedType", RECLAIM_KIND_PLAIN, FALSE },
    { "ReferenceType", RECLAIM_KIND_WEAKREF, FALSE },
    { "ProxyType", RECLAIM_KIND_PROXY, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    lang_builtin_type_new (interp, kinds[i].name, object, kinds[i].kind, NULL, NULL, kinds[i].publish);
  lang_class_add_methods (lang_builtin_class (interp, "generator"), eval_generator_methods);

  lang_exceptions_init (interp);
  eval_traceback_init (interp);

  lang_descriptors_init (interp);
  lang_builtin_functions_init (interp);
  lang_container_subclass_init (interp);
  lang_add_builtin (interp, "super", eval_builtin_super);
  /* the one NotImplemented: what a dunder returns to let the other operand try */
  ReclaimId not_implemented = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_PLAIN, 0, "NotImplementedType", 0);
  lang_dict_set (interp, interp->builtins, scalar_str ("NotImplemented", -1), not_implemented);
  lang_decref (interp, not_implemented);
  eval_state (interp)->not_implemented = not_implemented;
}
