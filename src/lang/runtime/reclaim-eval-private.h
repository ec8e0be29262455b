/* reclaim-eval-private.h: frames and function objects of the evaluator.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-eval.h"
#include "reclaim-scope.h"
#include "reclaim-ast.h"
#include "reclaim-coroutine.h"

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
  const ReclaimNode *statement_value; /* the value of the expression or assignment statement
                                       * running, so a yield knows whether it is that whole value */
  guint         finally_pending; /* finally blocks running with an exception or a return
                                  * pending, which only their C frame holds */
  ReclaimId     frame_object; /* module, class and generator bodies: their frame object once a
                               * traceback needed one (owned); see reclaim-traceback.c */
};

/* A call's argument array: on the caller's stack when it has room for n
 * values (most calls pass a few), else on the heap, in *heap, which the
 * caller frees.  It spares a malloc and a free for each call. */
#define EVAL_ARGS_ON_STACK 8

static inline ReclaimValue *
eval_args_buffer (ReclaimValue stack[EVAL_ARGS_ON_STACK], ReclaimValue **heap, guint n)
{
  if (n <= EVAL_ARGS_ON_STACK)
    return stack;
  *heap = g_new (ReclaimValue, n);
  return *heap;
}

/* What the interpreter keeps beside a function object. */
typedef struct {
  const ReclaimNode *node;   /* FunctionDef, Lambda or a comprehension */
  Scope             *scope;
  char              *qualname;
  char              *name;     /* a __name__ the script set, or NULL: the label */
  guint32           *slot_labels; /* a frame's slot labels, interned: its locals, then
                                   * "<function>" (new_locals) */
  guint32            frame_label; /* the frame's own label, the scope's name, interned */
} FunctionInfo;

/* reclaim-function-attrs.c: what a script sets on a function.  The
 * getter returns 0 for the names it leaves to the defaults. */
ReclaimValue  eval_function_attr (ReclaimInterp *interp, ReclaimValue func, const char *name);
int           eval_function_setattr (ReclaimInterp *interp, ReclaimValue func, const char *name, ReclaimValue v);
int           eval_function_delattr (ReclaimInterp *interp, ReclaimValue func, const char *name);

/* Exception instances: their arguments, traceback, cause and context
 * (and __suppress_context__, True or empty) come before the attributes. */
enum { EXC_SLOT_ARGS, EXC_SLOT_TRACEBACK, EXC_SLOT_CAUSE, EXC_SLOT_CONTEXT, EXC_SLOT_SUPPRESS_CONTEXT, EXC_N_SLOTS };

/* Function objects keep their references in these slots, in func_clear's
 * order. */
enum { FUNC_SLOT_GLOBALS, FUNC_SLOT_DEFAULTS, FUNC_SLOT_KWDEFAULTS, FUNC_SLOT_CLOSURE, N_FUNC_SLOTS };
/* ... then, in the order they were first set or read, slots labelled
 * __annotations__, __dict__, __doc__ ...: the index of the one labelled
 * label, or -1 (reclaim-function-attrs.c). */
int eval_function_slot (ReclaimInterp *interp, ReclaimValue func, const char *label);

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
  gboolean      fresh_raise; /* the pending exception was raised, not re-raised, and has no
                              * traceback entry for the frame it was raised in yet */
  GHashTable   *made_frames; /* frame object made for a module, class or generator body ->
                              * its Frame, until the body ends (reclaim-traceback.c) */
} EvalState;

static inline EvalState *
eval_state (ReclaimInterp *interp)
{
  return interp->eval;
}

FunctionInfo *eval_function_info (ReclaimInterp *interp, ReclaimValue func);

/* reclaim-eval-bind.c: puts a call's arguments (stolen) in the parameter
 * slots of `locals`; FALSE with python3's TypeError when they do not fit. */
gboolean      eval_bind_arguments (ReclaimInterp *interp, FunctionInfo *fi, ReclaimValue func, ReclaimId locals,
                                   guint nargs, ReclaimValue *args, guint nkw, const char *const *kwnames);

/* The callee of a call, as its keyword errors name it: callable, or (when
 * callable is 0) the method attr of owner's built-in type. */
typedef struct {
  ReclaimValue callable, owner;
  const char  *attr;
} EvalCallTarget;
/* reclaim-eval-call-args.c: the items of a call's *iterable (alone: the
 * only positional argument), and its name=value and **mapping arguments
 * appended to values (new references) and kwnames; NULL or FALSE on an
 * error. */
GPtrArray    *eval_call_star_items (ReclaimInterp *interp, const EvalCallTarget *target, ReclaimValue iterable,
                                    gboolean alone);
gboolean      eval_call_keywords (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *keywords,
                                  const EvalCallTarget *target, GArray *values, GPtrArray *kwnames);
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
/* Before a yield suspends: whether node is the whole value of the
 * statement running (`yield x` or `y = yield x`), for the sweep. */
void          eval_note_yield_site (Frame *frame, const ReclaimNode *node);
ReclaimValue  eval_make_generator (ReclaimInterp *interp, ReclaimValue func, ReclaimId locals);
ReclaimValue  eval_yield          (ReclaimInterp *interp, Frame *frame, ReclaimValue value);
void          eval_generator_finalize (ReclaimInterp *interp, ReclaimId gen);
void          eval_generators_free    (ReclaimInterp *interp);
/* For the scalar sweep: whether a generator is paused in the middle of
 * an expression, and the values generators keep beside their slots. */
gboolean      eval_generators_paused_mid_expression (ReclaimInterp *interp);
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
/* reclaim-eval-unpack.c: `a, *rest = v` (v stolen; targets->items[star]
 * is the Starred one), displays with starred items, dicts with `**` */
int           eval_store_unpack_starred (ReclaimInterp *interp, Frame *frame, const ReclaimNodeList *targets,
                                         guint star, ReclaimValue v);
ReclaimValue  eval_starred_display (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
ReclaimValue  eval_dict_display_unpacking (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
/* A dict of the key: value pairs from..to-1 of a Dict node. */
ReclaimValue  eval_dict_pairs    (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node, guint from, guint to);
/* reclaim-eval-annotations.c */
gboolean      eval_body_has_annotations (const ReclaimNodeList *body);
void          eval_setup_annotations (ReclaimInterp *interp, ReclaimValue ns, const ReclaimNodeList *body);
ExecStatus    eval_annotation_of_assign (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node);
gboolean      eval_function_annotations (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node,
                                         ReclaimValue *tuple);
ReclaimValue  eval_function_annotations_dict (ReclaimInterp *interp, ReclaimValue func);
ReclaimValue  eval_class_annotations (ReclaimInterp *interp, LangClass *cls);
/* A private name (__x) as the class around frame's code spells it. */
const char   *eval_mangle        (Frame *frame, const char *name);
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
/* Classes based on list or dict (reclaim-container-subclass.c). */
ReclaimKind   lang_container_instance_kind (ReclaimInterp *interp, LangClass *base);
ReclaimValue  lang_container_instance_new (ReclaimInterp *interp, LangClass *cls);
ReclaimValue  lang_container_instance_dict (ReclaimInterp *interp, ReclaimValue obj, gboolean create);
void          lang_container_subclass_init (ReclaimInterp *interp);
gboolean      lang_container_default_init (ReclaimInterp *interp, ReclaimValue obj, guint nargs,
                                           const ReclaimValue *args, guint nkw, const char *const *kwnames);
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
/* A generator's state beside its heap object (reclaim-eval-flow.c; throw
 * and the exceptions leaving a body are in reclaim-eval-throw.c). */
struct _Generator {
  ReclaimInterp *interp;
  ReclaimId      gen;        /* the generator object; its slots are the frame's */
  ReclaimValue   func;       /* held by the generator's last slot */
  Coroutine     *co;
  ReclaimValue   transfer;   /* the value yielded, or sent in */
  ReclaimValue   result;     /* what the body returned: a value or LANG_ERROR */
  gboolean       closing;    /* raise GeneratorExit at the yield */
  ReclaimValue   thrown;     /* throw(): the exception to raise at the yield */
  gboolean       raised_thrown; /* the yield just raised `thrown` */
  gboolean       running;
  gboolean       done;
  gboolean       yield_is_statement; /* the yield running is a statement's whole value */
  Frame         *paused_frame; /* paused at such a yield: its frame (see reclaim-safe-point.c) */
};
GHashTable   *eval_generator_table (ReclaimInterp *interp);   /* generator id -> Generator */
/* What a for loop or a comprehension iterates, with the iterator's state
 * found once: lang_next() looks a builtin iterator's or a generator's
 * state up by id for every item.  The loop holds the iterator, which
 * keeps its state. */
typedef struct {
  ReclaimValue   it;
  LangIterState *state;      /* a builtin iterator's, or NULL */
  Generator     *gen;        /* a generator's, or NULL */
} EvalLoop;
EvalLoop      eval_loop_begin    (ReclaimInterp *interp, ReclaimValue it);
/* lang_next() of loop->it. */
int           eval_loop_next     (ReclaimInterp *interp, const EvalLoop *loop, ReclaimValue *item);
/* Resumes g with `sent` (stolen); 1 with *item when it yields, 0 when it
 * returns, -1 when it raises. */
int           eval_generator_send (ReclaimInterp *interp, Generator *g, ReclaimValue sent, ReclaimValue *item);
void          eval_generator_clear_frame (ReclaimInterp *interp, Generator *g);
void          eval_generator_frame_to_traceback (ReclaimInterp *interp, Generator *g);
ReclaimValue  eval_generator_raise_thrown (ReclaimInterp *interp, Frame *frame);
void          eval_generator_replace_stop_iteration (ReclaimInterp *interp);
int           eval_generator_throw (ReclaimInterp *interp, ReclaimValue gen, ReclaimValue exc, ReclaimValue *item);
ReclaimValue  eval_raise_stop_iteration (ReclaimInterp *interp);
ReclaimValue  eval_gen_method_throw (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                                     guint nkw, const char *const *kwnames);
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
/* reclaim-eval-operators.c, for the comparisons and displays of
 * reclaim-eval.c: an int, bool or float and its value as a double; a new
 * tuple or list of n items (stolen); self's dunder `name` called with
 * other (0 when it has none or answers NotImplemented). */
double        eval_as_double     (ReclaimValue v);
ReclaimValue  eval_sequence_from_items (ReclaimInterp *interp, ReclaimKind kind, guint n, ReclaimValue *items);
ReclaimValue  eval_try_dunder    (ReclaimInterp *interp, ReclaimValue self, const char *name, ReclaimValue other);

/* reclaim-traceback.c: traceback, frame and code objects. */
/* The frame object of a running body, made for a module or class body the
 * first time (borrowed: the body holds it). */
ReclaimId     eval_frame_object  (ReclaimInterp *interp, Frame *frame);
/* PyTraceBack_Here: the pending exception gets a traceback entry for frame
 * (once per frame). */
void          eval_traceback_here (ReclaimInterp *interp, Frame *frame);
/* A body ends: a frame object held elsewhere takes over (f_back, f_lineno,
 * tracked by the collector); a module or class body drops its own. */
void          eval_frame_exit    (ReclaimInterp *interp, Frame *frame);
/* tb_next, tb_frame, tb_lineno; f_back, f_lineno, f_code; co_name: a new
 * reference, or 0 when obj has no such attribute. */
ReclaimValue  lang_traceback_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name);
void          eval_traceback_init (ReclaimInterp *interp);
/* "__add__", or "__iadd__" when inplace: the method a user class defines for op. */
const char   *eval_binop_dunder  (ReclaimBinOp op, gboolean inplace);
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
gboolean      eval_check_limits  (ReclaimInterp *interp);
/* Stops the script, as the step limit does: no handler catches it. */
void          eval_stop          (ReclaimInterp *interp);

/* "Did you mean" for the exception just raised (reclaim-suggest.c). */
void          lang_suggest_name  (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimId globals);
void          lang_suggest_attribute (ReclaimInterp *interp, ReclaimValue obj, const char *name);
const char   *lang_suggestion_for (ReclaimInterp *interp, ReclaimValue exc);

G_END_DECLS
