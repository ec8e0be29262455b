/* reclaim-eval-private.h: frames and function objects of the evaluator.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-eval.h"
#include "reclaim-scope.h"
#include "reclaim-ast.h"

G_BEGIN_DECLS

typedef enum {
  EXEC_OK,
  EXEC_BREAK,
  EXEC_CONTINUE,
  EXEC_RETURN,
  EXEC_ERROR,
} ExecStatus;

typedef struct _Generator Generator;
typedef struct _Frame Frame;

/* A running body: module, class body or function. */
struct _Frame {
  Scope        *scope;
  ReclaimId     locals;      /* function scopes: the FRAME or GENERATOR object holding the slots */
  ReclaimId     ns;          /* module and class bodies: the namespace dict */
  ReclaimId     function;    /* the function being run, or 0 */
  Frame        *back;
  Generator    *gen;         /* set while a generator's body runs */
  ReclaimValue  retval;      /* EXEC_RETURN: the value (new reference) */
  ReclaimValue  handling;    /* the exception an except block handles, for a bare raise */
  guint         line;
};

/* What the interpreter keeps beside a function object. */
typedef struct {
  const ReclaimNode *node;   /* FunctionDef, Lambda or a comprehension */
  Scope             *scope;
  char              *qualname;
} FunctionInfo;

/* Exception instances: their arguments, traceback, cause and context
 * (and __suppress_context__, True or empty) come before the attributes. */
enum { EXC_SLOT_ARGS, EXC_SLOT_TRACEBACK, EXC_SLOT_CAUSE, EXC_SLOT_CONTEXT, EXC_SLOT_SUPPRESS_CONTEXT, EXC_N_SLOTS };

/* Function objects keep their references in these slots, in func_clear's
 * order. */
enum { FUNC_SLOT_GLOBALS, FUNC_SLOT_DEFAULTS, FUNC_SLOT_CLOSURE, N_FUNC_SLOTS };

typedef struct {
  Scope        *module_scope;
  ReclaimNode  *module;
  Frame        *frame;       /* innermost */
  const char   *filename;
  char        **source_lines;
  ReclaimValue  empty_tuple;
  gboolean      stopped;     /* the step budget ran out: unwind everything */
  GHashTable   *generators;  /* generator id -> Generator */
  GHashTable   *constants;   /* Tuple node -> its constant tuple, made once (held) */
  ReclaimValue  not_implemented;
  ReclaimValue  stop_value;  /* what the generator that just finished returned */
} EvalState;

static inline EvalState *
eval_state (ReclaimInterp *interp)
{
  return interp->eval;
}

FunctionInfo *eval_function_info (ReclaimInterp *interp, ReclaimValue func);
ExecStatus    eval_body          (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *body);
ReclaimValue  eval_expr          (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
/* The truth of what node evaluates to, the value dropped at once:
 * 1 or 0, -1 on error. */
int           eval_test          (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
/* GET_ITER on what node evaluates to: the iterable is dropped once the
 * iterator is made. */
ReclaimValue  eval_iter          (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
/* The tuple a display of constants stands for, made once like a code
 * constant (untracked); 0 when the node is not constant. */
ReclaimValue  eval_constant_tuple (ReclaimInterp *interp, const ReclaimNode *node);
ReclaimValue  eval_run_function_frame (ReclaimInterp *interp, ReclaimValue func, ReclaimId locals,
                                       Generator *gen);
ReclaimValue  eval_make_generator (ReclaimInterp *interp, ReclaimValue func, ReclaimId locals);
ReclaimValue  eval_yield          (ReclaimInterp *interp, Frame *frame, ReclaimValue value);
void          eval_generator_finalize (ReclaimInterp *interp, ReclaimId gen);
void          eval_generators_free    (ReclaimInterp *interp);
/* For the scalar sweep: whether a generator is paused in its body, and
 * the values generators keep beside their slots. */
gboolean      eval_generators_paused  (ReclaimInterp *interp);
void          eval_generators_visit   (ReclaimInterp *interp, ReclaimValueVisitFunc visit, gpointer user_data);
/* reclaim-safe-point.c: interpreters whose roots a scalar sweep marks;
 * the sweep and the reuse of freed ids, run (when due) as a statement of
 * the module body starts. */
void          lang_safe_point_register   (ReclaimInterp *interp);
void          lang_safe_point_unregister (ReclaimInterp *interp);
void          lang_safe_point_at_statement (ReclaimInterp *interp, Frame *frame);
ReclaimValue  eval_load_name     (ReclaimInterp *interp, Frame *frame, const char *name);
int           eval_store_name    (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimValue v);
int           eval_delete_name   (ReclaimInterp *interp, Frame *frame, const char *name);
/* A bound method object: func with self (new reference). */
ReclaimValue  eval_bound_method  (ReclaimInterp *interp, ReclaimValue func, ReclaimValue self);
/* reclaim-eval-chain.c */
void          eval_exception_set_context (ReclaimInterp *interp, ReclaimValue exc, ReclaimValue handled);
gboolean      eval_exception_set_cause (ReclaimInterp *interp, ReclaimValue exc, ReclaimValue cause);
ReclaimValue  eval_exception_chain_attr (ReclaimInterp *interp, ReclaimValue exc, const char *name);
int           eval_exception_chain_setattr (ReclaimInterp *interp, ReclaimValue exc, const char *name, ReclaimValue v);
void          eval_exception_keep_traceback (ReclaimInterp *interp, ReclaimValue exc, GArray *traceback, Frame *frame);
void          eval_print_chain   (ReclaimInterp *interp, ReclaimValue exc, GString *out, GHashTable *seen,
                                  void (*print_one) (ReclaimInterp *, ReclaimValue, GArray *, GString *));
/* The exception the innermost handler (or finally block) handles, or 0. */
ReclaimValue  eval_handled_exception (ReclaimInterp *interp);
/* reclaim-builtins-exceptions.c */
void          lang_exceptions_init (ReclaimInterp *interp);
ReclaimValue  lang_oserror_attr  (ReclaimInterp *interp, ReclaimValue exc, const char *name);
char         *lang_oserror_str   (ReclaimInterp *interp, ReclaimValue exc);
/* reclaim-slots.c */
gboolean      eval_class_set_slots (ReclaimInterp *interp, LangClass *cls, LangClass *base);
ReclaimValue  eval_alloc_slotted_instance (ReclaimInterp *interp, LangClass *cls);
gboolean      eval_instance_has_dict (ReclaimInterp *interp, ReclaimValue obj);
gboolean      lang_is_member_descriptor (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue  lang_member_get    (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj);
int           lang_member_set    (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj, ReclaimValue value);
char         *lang_member_repr   (ReclaimInterp *interp, ReclaimValue member);
gboolean      lang_is_data_descriptor (ReclaimInterp *interp, ReclaimValue v);
int           lang_descriptor_set (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, const char *name,
                                   ReclaimValue value);
/* reclaim-eval-new.c */
ReclaimValue  eval_alloc_plain_instance (ReclaimInterp *interp, LangClass *cls);
ReclaimValue  eval_object_new_function (ReclaimInterp *interp);
ReclaimValue  eval_mro_tuple     (ReclaimInterp *interp, LangClass *cls, LangClass *base);
ReclaimValue  lang_staticmethod_new (ReclaimInterp *interp, ReclaimValue func);
/* A def or class with decorators (reclaim-descriptors.c). */
ReclaimValue  eval_make_decorated (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
/* property, classmethod, staticmethod (reclaim-descriptors.c) */
void          lang_descriptors_init (ReclaimInterp *interp);
gboolean      lang_is_property   (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue  lang_descriptor_get (ReclaimInterp *interp, ReclaimValue attr, ReclaimValue obj, LangClass *owner,
                                   const char *name);
ReclaimValue  lang_descriptor_own_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name);
int           lang_property_set  (ReclaimInterp *interp, ReclaimValue prop, ReclaimValue obj, const char *name,
                                  ReclaimValue value);
ReclaimValue  eval_materialize_dict (ReclaimInterp *interp, ReclaimValue obj);
ReclaimValue  eval_new_exception (ReclaimInterp *interp, LangClass *cls, guint nargs, const ReclaimValue *args);
void          eval_classes_init  (ReclaimInterp *interp);
ReclaimValue  eval_builtin_super (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                  const ReclaimValue *args, guint nkw, const char *const *kwnames);
void          eval_generators_init (ReclaimInterp *interp);
void          eval_generator_forget (ReclaimInterp *interp, ReclaimId gen);
extern const LangMethodDef eval_generator_methods[];
ReclaimValue  eval_binary        (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b,
                                  gboolean inplace);
/* a OP b for a comparison operator when either side is an instance of a
 * user class: its dunder, then the other side's reflected one; 0 when
 * neither answers. */
ReclaimValue  eval_user_compare  (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b);
gboolean      eval_is_user_instance (ReclaimInterp *interp, ReclaimValue v);
/* left OP right as one comparison of a chain (a new reference). */
ReclaimValue  eval_compare_values (ReclaimInterp *interp, ReclaimCmpOp cmp, ReclaimValue left, ReclaimValue right);
/* not, -, + and ~ of v (borrowed): a new reference. */
ReclaimValue  eval_unary_value   (ReclaimInterp *interp, ReclaimUnaryOp op, ReclaimValue v);
ReclaimValue  eval_store_target  (ReclaimInterp *interp, Frame *frame, const ReclaimNode *target, ReclaimValue v);
/* A Python function call that takes over func and the arguments. */
ReclaimValue  eval_call_function_steal (ReclaimInterp *interp, ReclaimValue func, guint nargs,
                                        ReclaimValue *args, guint nkw, const char *const *kwnames);
ReclaimValue  eval_make_function (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ReclaimValue  eval_make_class    (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ReclaimValue  eval_comprehension (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ReclaimValue  eval_yield_from    (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ExecStatus    eval_exec_raise    (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ExecStatus    eval_exec_try      (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ExecStatus    eval_exec_with     (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
gboolean      eval_instance_has_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name);

/* Adds the frame's position to the traceback of the exception raised. */
void          eval_traceback_add (ReclaimInterp *interp, Frame *frame);
void          eval_traceback_keep_frame (ReclaimInterp *interp, ReclaimId frame_object);
gboolean      eval_check_limits  (ReclaimInterp *interp);

/* "Did you mean" for the exception just raised (reclaim-suggest.c). */
void          lang_suggest_name  (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimId globals);
void          lang_suggest_attribute (ReclaimInterp *interp, ReclaimValue obj, const char *name);
const char   *lang_suggestion_for (ReclaimInterp *interp, ReclaimValue exc);

G_END_DECLS
