/* reclaim-ast.h: the syntax tree of the Python subset
 *
 * Node kinds and fields follow CPython's Parser/Python.asdl (3.11), minus
 * what Reclaim does not run.  Every node carries its source range like
 * CPython's ast: 1-based lines, 0-based UTF-8 byte columns, exclusive end.
 *
 * All nodes, lists and strings of one tree live in one arena owned by the
 * Module node: reclaim_ast_free() on the module frees everything.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ReclaimArena ReclaimArena;
typedef struct _ReclaimNode ReclaimNode;

typedef enum {
  RECLAIM_NODE_MODULE,

  /* statements */
  RECLAIM_NODE_FUNCTION_DEF,
  RECLAIM_NODE_CLASS_DEF,
  RECLAIM_NODE_RETURN,
  RECLAIM_NODE_DELETE,
  RECLAIM_NODE_ASSIGN,
  RECLAIM_NODE_AUG_ASSIGN,
  RECLAIM_NODE_FOR,
  RECLAIM_NODE_WHILE,
  RECLAIM_NODE_IF,
  RECLAIM_NODE_WITH,
  RECLAIM_NODE_RAISE,
  RECLAIM_NODE_TRY,
  RECLAIM_NODE_ASSERT,
  RECLAIM_NODE_IMPORT,
  RECLAIM_NODE_IMPORT_FROM,
  RECLAIM_NODE_GLOBAL,
  RECLAIM_NODE_NONLOCAL,
  RECLAIM_NODE_EXPR,
  RECLAIM_NODE_PASS,
  RECLAIM_NODE_BREAK,
  RECLAIM_NODE_CONTINUE,

  /* expressions */
  RECLAIM_NODE_BOOL_OP,
  RECLAIM_NODE_NAMED_EXPR,
  RECLAIM_NODE_BIN_OP,
  RECLAIM_NODE_UNARY_OP,
  RECLAIM_NODE_LAMBDA,
  RECLAIM_NODE_IF_EXP,
  RECLAIM_NODE_DICT,
  RECLAIM_NODE_SET,
  RECLAIM_NODE_LIST_COMP,
  RECLAIM_NODE_SET_COMP,
  RECLAIM_NODE_DICT_COMP,
  RECLAIM_NODE_GENERATOR_EXP,
  RECLAIM_NODE_YIELD,
  RECLAIM_NODE_YIELD_FROM,
  RECLAIM_NODE_AWAIT,           /* parsed so errors match CPython; refused */
  RECLAIM_NODE_COMPARE,
  RECLAIM_NODE_CALL,
  RECLAIM_NODE_FORMATTED_VALUE,
  RECLAIM_NODE_JOINED_STR,
  RECLAIM_NODE_CONSTANT,
  RECLAIM_NODE_ATTRIBUTE,
  RECLAIM_NODE_SUBSCRIPT,
  RECLAIM_NODE_STARRED,
  RECLAIM_NODE_NAME,
  RECLAIM_NODE_LIST,
  RECLAIM_NODE_TUPLE,
  RECLAIM_NODE_SLICE,

  /* parts */
  RECLAIM_NODE_ARGUMENTS,
  RECLAIM_NODE_ARG,
  RECLAIM_NODE_KEYWORD,
  RECLAIM_NODE_COMPREHENSION,
  RECLAIM_NODE_EXCEPT_HANDLER,
  RECLAIM_NODE_ALIAS,
  RECLAIM_NODE_WITH_ITEM,

  RECLAIM_NODE_N_KINDS
} ReclaimNodeKind;

typedef enum {
  RECLAIM_CTX_LOAD,
  RECLAIM_CTX_STORE,
  RECLAIM_CTX_DEL,
} ReclaimExprContext;

typedef enum {
  RECLAIM_BOOL_AND,
  RECLAIM_BOOL_OR,
} ReclaimBoolOp;

typedef enum {
  RECLAIM_BIN_ADD,
  RECLAIM_BIN_SUB,
  RECLAIM_BIN_MULT,
  RECLAIM_BIN_MATMULT,
  RECLAIM_BIN_DIV,
  RECLAIM_BIN_MOD,
  RECLAIM_BIN_POW,
  RECLAIM_BIN_LSHIFT,
  RECLAIM_BIN_RSHIFT,
  RECLAIM_BIN_BITOR,
  RECLAIM_BIN_BITXOR,
  RECLAIM_BIN_BITAND,
  RECLAIM_BIN_FLOORDIV,
} ReclaimBinOp;

typedef enum {
  RECLAIM_UNARY_INVERT,
  RECLAIM_UNARY_NOT,
  RECLAIM_UNARY_UADD,
  RECLAIM_UNARY_USUB,
} ReclaimUnaryOp;

typedef enum {
  RECLAIM_CMP_EQ,
  RECLAIM_CMP_NOT_EQ,
  RECLAIM_CMP_LT,
  RECLAIM_CMP_LT_E,
  RECLAIM_CMP_GT,
  RECLAIM_CMP_GT_E,
  RECLAIM_CMP_IS,
  RECLAIM_CMP_IS_NOT,
  RECLAIM_CMP_IN,
  RECLAIM_CMP_NOT_IN,
} ReclaimCmpOp;

typedef enum {
  RECLAIM_CONST_NONE,
  RECLAIM_CONST_TRUE,
  RECLAIM_CONST_FALSE,
  RECLAIM_CONST_ELLIPSIS,
  RECLAIM_CONST_INT,
  RECLAIM_CONST_FLOAT,
  RECLAIM_CONST_STR,
  RECLAIM_CONST_BYTES,   /* str and str_len hold the bytes */
} ReclaimConstantKind;

typedef struct {
  ReclaimNode **items;
  guint n;
} ReclaimNodeList;

struct _ReclaimNode {
  ReclaimNodeKind kind;
  int line;          /* 1-based */
  int col;           /* 0-based, UTF-8 bytes */
  int end_line;
  int end_col;       /* exclusive */

  union {
    struct { ReclaimNodeList body; ReclaimArena *arena; } module;

    /* statements */
    /* is_async: parsed so errors match CPython; refused */
    /* decorators: the @ expressions in source order (applied last to first) */
    /* returns: the annotation after ->, or NULL */
    /* bound_name: the name the def binds, which differs from name (the
     * function's __name__) for a private name in a class (reclaim-mangle.c) */
    struct { const char *name; ReclaimNode *args; ReclaimNodeList body; gboolean is_async;
             ReclaimNodeList decorators; ReclaimNode *returns; const char *bound_name; } function_def;
    struct { const char *name; ReclaimNodeList bases; ReclaimNodeList body; ReclaimNodeList decorators;
             const char *bound_name; } class_def;
    struct { ReclaimNode *value; /* or NULL */ } return_stmt;
    struct { ReclaimNodeList targets; } delete_stmt;
    /* a = b = value: targets (a, b) in source order.  CPython's AnnAssign
     * (`x: int = 5`, `x: int`) is an Assign with one target and an
     * annotation; its value may then be NULL, and simple says the target
     * is a name without parentheses (the one kind __annotations__ gets). */
    struct { ReclaimNodeList targets; ReclaimNode *value; ReclaimNode *annotation; gboolean simple; } assign;
    struct { ReclaimNode *target; ReclaimBinOp op; ReclaimNode *value; } aug_assign;
    struct { ReclaimNode *target; ReclaimNode *iter; ReclaimNodeList body, orelse; } for_stmt;
    /* while and if (elif is an If alone in orelse, as in CPython) */
    struct { ReclaimNode *test; ReclaimNodeList body, orelse; } while_stmt;
    struct { ReclaimNode *test; ReclaimNodeList body, orelse; } if_stmt;
    struct { ReclaimNodeList items; /* WithItem */ ReclaimNodeList body; } with_stmt;
    struct { ReclaimNode *exc, *cause; /* both may be NULL */ } raise_stmt;
    struct { ReclaimNodeList body, handlers, orelse, finalbody; } try_stmt;
    struct { ReclaimNode *test, *msg; } assert_stmt;
    struct { ReclaimNodeList names; /* Alias */ } import_stmt;
    /* module is NULL for "from . import x"; level counts the dots */
    struct { const char *module; ReclaimNodeList names; int level; } import_from;
    /* global and nonlocal: names are Name nodes (ctx LOAD) */
    struct { ReclaimNodeList names; } global_stmt;
    struct { ReclaimNode *value; } expr_stmt;

    /* expressions */
    struct { ReclaimBoolOp op; ReclaimNodeList values; } bool_op;
    struct { ReclaimNode *target, *value; } named_expr;
    struct { ReclaimNode *left; ReclaimBinOp op; ReclaimNode *right; } bin_op;
    struct { ReclaimUnaryOp op; ReclaimNode *operand; } unary_op;
    struct { ReclaimNode *args; ReclaimNode *body; } lambda;
    struct { ReclaimNode *test, *body, *orelse; } if_exp;
    /* keys[i] is NULL for **values[i] */
    struct { ReclaimNodeList keys, values; } dict;
    struct { ReclaimNodeList elts; } set;
    /* ListComp, SetComp and GeneratorExp */
    struct { ReclaimNode *elt; ReclaimNodeList generators; } comp;
    struct { ReclaimNode *key, *value; ReclaimNodeList generators; } dict_comp;
    /* Yield (value may be NULL), YieldFrom and Await */
    struct { ReclaimNode *value; } yield;
    struct { ReclaimNode *left; ReclaimCmpOp *ops; ReclaimNodeList comparators; } compare;
    /* args may hold Starred nodes; keywords are Keyword nodes */
    struct { ReclaimNode *func; ReclaimNodeList args, keywords; } call;
    /* conversion: -1, 's', 'r' or 'a'; format_spec: JoinedStr or NULL */
    struct { ReclaimNode *value; int conversion; ReclaimNode *format_spec; } formatted_value;
    struct { ReclaimNodeList values; /* Constant str and FormattedValue */ } joined_str;
    struct {
      ReclaimConstantKind kind;
      /* INT: int_value when it fits (int_big FALSE); int_literal is always the
       * literal without underscores, with its 0x/0o/0b prefix */
      gint64 int_value;
      gboolean int_big;
      const char *int_literal;
      double float_value;
      /* STR: UTF-8 (lone surrogates from \ud800 escapes as 3-byte
       * sequences), may contain NUL bytes: use str_len */
      const char *str;
      gsize str_len;
    } constant;
    struct { ReclaimNode *value; const char *attr; ReclaimExprContext ctx; } attribute;
    struct { ReclaimNode *value, *slice; ReclaimExprContext ctx; } subscript;
    struct { ReclaimNode *value; ReclaimExprContext ctx; } starred;
    /* scope, kind and slot: where the name lives, as the scope analysis
     * (reclaim-scope.c) resolved it, so that the evaluator finds a local
     * by its frame slot and not by its text; scope is NULL for a name the
     * analysis did not see.  kind is a NameKind, slot -1 but for names in
     * frame slots.  cache_*: for a name found in a dict (a module or class
     * namespace), the dict, entry and key of the last lookup, which the
     * evaluator tries first, as CPython 3.11 keeps an inline cache beside
     * each LOAD_GLOBAL. */
    struct { const char *id; ReclaimExprContext ctx;
             const struct _Scope *scope; int kind; int slot;
             guint32 cache_dict, cache_entry, cache_key; } name;
    /* List and Tuple */
    struct { ReclaimNodeList elts; ReclaimExprContext ctx; } seq;
    struct { ReclaimNode *lower, *upper, *step; /* each may be NULL */ } slice;

    /* parts */
    /* positional parameters (the first n_posonly before a `/`), the
     * defaults of the last len(defaults) of them, *vararg and **kwarg (Arg
     * nodes or NULL), the keyword-only parameters and their defaults (one
     * per keyword-only parameter, NULL where it has none) */
    struct {
      ReclaimNodeList args, defaults;
      ReclaimNode *vararg, *kwarg;
      guint n_posonly;
      ReclaimNodeList kwonlyargs, kw_defaults;
    } arguments;
    struct { const char *arg; ReclaimNode *annotation; /* or NULL */ } arg;
    /* arg is NULL for **value */
    struct { const char *arg; ReclaimNode *value; } keyword;
    struct { ReclaimNode *target, *iter; ReclaimNodeList ifs; } comprehension;
    /* type and name may be NULL */
    struct { ReclaimNode *type; const char *name; ReclaimNodeList body; } except_handler;
    struct { const char *name, *asname; /* asname may be NULL */ } alias;
    struct { ReclaimNode *context_expr, *optional_vars; } with_item;
  } v;
};

/* arena */
ReclaimArena *reclaim_arena_new    (void);
void          reclaim_arena_free   (ReclaimArena *arena);
gpointer      reclaim_arena_alloc  (ReclaimArena *arena, gsize size);   /* zeroed */
char         *reclaim_arena_strndup (ReclaimArena *arena, const char *s, gsize n);
ReclaimNode  *reclaim_node_new     (ReclaimArena *arena, ReclaimNodeKind kind);

/* Frees a tree returned by reclaim_parse(). */
void reclaim_ast_free (ReclaimNode *module);

/* "Module", "FunctionDef", "Assign" ... as CPython's ast class names. */
const char *reclaim_node_kind_name (ReclaimNodeKind kind);
gboolean    reclaim_node_is_stmt   (const ReclaimNode *node);
gboolean    reclaim_node_is_expr   (const ReclaimNode *node);

/* "+", "-", "@", "<=", "is not", "not" ... */
const char *reclaim_bin_op_symbol   (ReclaimBinOp op);
const char *reclaim_unary_op_symbol (ReclaimUnaryOp op);
const char *reclaim_cmp_op_symbol   (ReclaimCmpOp op);

typedef void (*ReclaimNodeFunc) (ReclaimNode *child, gpointer data);

/* Calls func on each direct child of node (NULL ones skipped), in source
 * order; Dict keys and values alternate.  Identifiers are not nodes. */
void reclaim_ast_foreach_child (ReclaimNode *node, ReclaimNodeFunc func, gpointer data);
/* Private names (__x) in a class body, and in what it defines, become
 * _Class__x, as CPython's compiler mangles them (reclaim-mangle.c). */
void reclaim_ast_mangle_private_names (ReclaimNode *module);
/* _Class__x for a private name __x in class_name (a new string), or NULL
 * for a name that stays as it is. */
char *reclaim_mangle_private_name (const char *class_name, const char *name);

/* A compact S-expression of the tree, for tests and debugging, e.g.
 * "(module (= a (call f 1)))".  See reclaim-ast.c for the notation. */
char *reclaim_ast_dump (const ReclaimNode *node);

G_END_DECLS
