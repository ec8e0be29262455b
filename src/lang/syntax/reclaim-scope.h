/* reclaim-scope.h: which names of a function are locals, cells, free
 * variables or globals (CPython's symtable), and the frame layout.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-ast.h"

G_BEGIN_DECLS

typedef enum {
  SCOPE_MODULE,
  SCOPE_CLASS,
  SCOPE_FUNCTION,        /* def, lambda, comprehension, generator expression */
} ScopeKind;

typedef enum {
  NAME_LOCAL,            /* a slot of the frame */
  NAME_CELL,             /* a slot holding a cell, shared with inner functions */
  NAME_FREE,             /* a slot holding a cell of an enclosing function */
  NAME_GLOBAL,           /* the module namespace, then the builtins */
  NAME_NAMESPACE,        /* module and class bodies: their namespace dict */
} NameKind;

typedef struct _Scope Scope;

struct _Scope {
  ScopeKind    kind;
  const ReclaimNode *node;   /* FunctionDef, Lambda, ClassDef, a comprehension, Module */
  char        *name;         /* "f", "<lambda>", "<listcomp>", "<module>", "C" */
  char        *qualname;     /* "C.method", "f.<locals>.g" */
  Scope       *parent;
  GPtrArray   *children;     /* Scope *, in source order */
  /* Frame slots, CPython's localsplus order: parameters, other locals in
   * order of first use, cells that are not parameters, free variables. */
  GPtrArray   *slots;        /* char * */
  guint        n_params;     /* all of them: positional, keyword-only, *args, **kwargs */
  guint        n_posonly, n_kwonly;
  gboolean     has_vararg, has_kwarg;
  gboolean     is_generator;
  gboolean     has_cells;    /* a slot is a cell or a free variable: the frame sets them up */
  GHashTable  *kinds;        /* name -> NameKind (as GINT_TO_POINTER) */
  GHashTable  *slot_index;   /* name -> slot + 1 */
  GHashTable  *passed_free;  /* class bodies: variables of enclosing functions that
                              * methods use while the body binds a name of its own */
  GHashTable  *by_node;      /* only on the module scope: node -> Scope */
};

/* Analyses a module; NULL with *error set for `nonlocal x` without an
 * enclosing binding and similar compile-time errors. */
Scope     *reclaim_scope_analyse   (const ReclaimNode *module, char **error, int *error_line);
void       reclaim_scope_free      (Scope *module_scope);
Scope     *reclaim_scope_for_node  (Scope *module_scope, const ReclaimNode *node);
NameKind   reclaim_scope_name_kind (const Scope *scope, const char *name);
/* Slot of a local, cell or free variable, or -1. */
int        reclaim_scope_slot      (const Scope *scope, const char *name);

G_END_DECLS
