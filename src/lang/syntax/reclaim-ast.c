/* reclaim-ast.c: arena, names, and the S-expression dump
 *
 * Dump notation (one line, compact enough to write expected trees in tests):
 *
 *   module          (module S...)          block      [S S ...]
 *   x = y = 1       (= x y 1)              x += 1     (+= x 1)
 *   del a, b.c      (del a (. b c))        a.b        (. a b)
 *   a[1:2]          ([] a (slice 1 2 #))   absent     #
 *   f(1, *a, k=2, **d)  (call f 1 (* a) (kw k 2) (** d))
 *   1 + 2, -x, not x    (+ 1 2) (- x) (not x)
 *   a < b is not c  (cmp a < b is-not c)   a and b    (and a b)
 *   x if c else y   (if-exp c x y)         (g := 1)   (:= g 1)
 *   [1, 2] (1,) {1} (list 1 2) (tuple 1) (set 1)
 *   {1: 2, **d}     (dict (: 1 2) (** d))
 *   [x for x in y if c]  (listcomp x (for x y (if c)))   also setcomp,
 *                   genexp, (dictcomp k v (for ...))
 *   f"a{x!r:>4}"    (f 'a' (fv x !r (f '>4')))
 *   lambda a, b=1, *c, **d: 0   (lambda (params a (= b 1) (* c) (** d)) 0)
 *   def f(a): pass  (def f (params a) [pass])
 *   class A(B): ... (class A (B) [(expr ...)])
 *   if/while/for    (if c [body] [orelse]) (while c [body]) (for t i [body] [orelse])
 *                   (orelse only when not empty)
 *   with a as b, c: (with (item a b) (item c) [body])
 *   try             (try [body] (except T n [body]) (else [..]) (finally [..]))
 *   raise x from y  (raise x y)            assert a, m  (assert a m)
 *   import a as b   (import (as a b))      from .m import x  (from .m x)
 *   global a        (global a)             yield x      (yield x) (yield-from x)
 *   constants       1 2.5 'str' True None ...
 */
#include "reclaim-ast.h"
#include "reclaim-literal-text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* arena */

#define ARENA_CHUNK (64 * 1024)

typedef struct _ArenaChunk ArenaChunk;
struct _ArenaChunk {
  ArenaChunk *next;
  gsize used;
  gsize size;
  /* data follows, 16-byte aligned */
};

struct _ReclaimArena {
  ArenaChunk *chunks;
};

#define CHUNK_HEADER ((sizeof (ArenaChunk) + 15) & ~(gsize) 15)

ReclaimArena *
reclaim_arena_new (void)
{
  return g_new0 (ReclaimArena, 1);
}

void
reclaim_arena_free (ReclaimArena *arena)
{
  ArenaChunk *chunk;

  if (arena == NULL)
    return;
  chunk = arena->chunks;
  while (chunk)
    {
      ArenaChunk *next = chunk->next;
      g_free (chunk);
      chunk = next;
    }
  g_free (arena);
}

gpointer
reclaim_arena_alloc (ReclaimArena *arena, gsize size)
{
  ArenaChunk *chunk = arena->chunks;
  gpointer mem;

  size = (size + 15) & ~(gsize) 15;
  if (size == 0)
    size = 16;
  if (chunk == NULL || chunk->size - chunk->used < size)
    {
      gsize capacity = MAX (ARENA_CHUNK, size);
      ArenaChunk *fresh = g_malloc (CHUNK_HEADER + capacity);
      fresh->used = 0;
      fresh->size = capacity;
      if (chunk != NULL && size > ARENA_CHUNK / 4)
        {
          /* keep filling the current chunk; put the big one behind it */
          fresh->next = chunk->next;
          chunk->next = fresh;
        }
      else
        {
          fresh->next = chunk;
          arena->chunks = fresh;
        }
      chunk = fresh;
    }
  mem = (char *) chunk + CHUNK_HEADER + chunk->used;
  chunk->used += size;
  memset (mem, 0, size);
  return mem;
}

char *
reclaim_arena_strndup (ReclaimArena *arena, const char *s, gsize n)
{
  char *copy = reclaim_arena_alloc (arena, n + 1);
  if (n > 0)
    memcpy (copy, s, n);
  copy[n] = '\0';
  return copy;
}

ReclaimNode *
reclaim_node_new (ReclaimArena *arena, ReclaimNodeKind kind)
{
  ReclaimNode *node = reclaim_arena_alloc (arena, sizeof (ReclaimNode));
  node->kind = kind;
  return node;
}

void
reclaim_ast_free (ReclaimNode *module)
{
  if (module == NULL)
    return;
  g_return_if_fail (module->kind == RECLAIM_NODE_MODULE);
  reclaim_arena_free (module->v.module.arena);
}

/* ------------------------------------------------------------------ */
/* names */

static const char *kind_names[RECLAIM_NODE_N_KINDS] = {
  "Module",
  "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "For", "While", "If",
  "With", "Raise", "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr",
  "Pass", "Break", "Continue",
  "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
  "SetComp", "DictComp", "GeneratorExp", "Yield", "YieldFrom", "Await", "Compare", "Call",
  "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
  "List", "Tuple", "Slice",
  "arguments", "arg", "keyword", "comprehension", "ExceptHandler", "alias", "withitem",
};

const char *
reclaim_node_kind_name (ReclaimNodeKind kind)
{
  if ((guint) kind >= RECLAIM_NODE_N_KINDS)
    return "?";
  return kind_names[kind];
}

gboolean
reclaim_node_is_stmt (const ReclaimNode *node)
{
  return node->kind >= RECLAIM_NODE_FUNCTION_DEF && node->kind <= RECLAIM_NODE_CONTINUE;
}

gboolean
reclaim_node_is_expr (const ReclaimNode *node)
{
  return node->kind >= RECLAIM_NODE_BOOL_OP && node->kind <= RECLAIM_NODE_SLICE;
}

const char *
reclaim_bin_op_symbol (ReclaimBinOp op)
{
  static const char *symbols[] = { "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//" };
  if ((guint) op >= G_N_ELEMENTS (symbols))
    return "?";
  return symbols[op];
}

const char *
reclaim_unary_op_symbol (ReclaimUnaryOp op)
{
  static const char *symbols[] = { "~", "not", "+", "-" };
  if ((guint) op >= G_N_ELEMENTS (symbols))
    return "?";
  return symbols[op];
}

const char *
reclaim_cmp_op_symbol (ReclaimCmpOp op)
{
  static const char *symbols[] = { "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in" };
  if ((guint) op >= G_N_ELEMENTS (symbols))
    return "?";
  return symbols[op];
}

/* ------------------------------------------------------------------ */
/* children */

void
reclaim_ast_foreach_child (ReclaimNode *n, ReclaimNodeFunc func, gpointer data)
{
#define C(x) G_STMT_START { if ((x) != NULL) func ((x), data); } G_STMT_END
#define CL(l) G_STMT_START { for (guint _i = 0; _i < (l).n; _i++) C ((l).items[_i]); } G_STMT_END
  switch (n->kind)
    {
    case RECLAIM_NODE_MODULE: CL (n->v.module.body); break;
    case RECLAIM_NODE_FUNCTION_DEF:
      CL (n->v.function_def.decorators); C (n->v.function_def.args); C (n->v.function_def.returns);
      CL (n->v.function_def.body);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      CL (n->v.class_def.decorators); CL (n->v.class_def.bases); CL (n->v.class_def.body);
      break;
    case RECLAIM_NODE_RETURN: C (n->v.return_stmt.value); break;
    case RECLAIM_NODE_DELETE: CL (n->v.delete_stmt.targets); break;
    case RECLAIM_NODE_ASSIGN:
      CL (n->v.assign.targets); C (n->v.assign.value); C (n->v.assign.annotation);
      break;
    case RECLAIM_NODE_AUG_ASSIGN: C (n->v.aug_assign.target); C (n->v.aug_assign.value); break;
    case RECLAIM_NODE_FOR:
      C (n->v.for_stmt.target); C (n->v.for_stmt.iter); CL (n->v.for_stmt.body); CL (n->v.for_stmt.orelse);
      break;
    case RECLAIM_NODE_WHILE: C (n->v.while_stmt.test); CL (n->v.while_stmt.body); CL (n->v.while_stmt.orelse); break;
    case RECLAIM_NODE_IF: C (n->v.if_stmt.test); CL (n->v.if_stmt.body); CL (n->v.if_stmt.orelse); break;
    case RECLAIM_NODE_WITH: CL (n->v.with_stmt.items); CL (n->v.with_stmt.body); break;
    case RECLAIM_NODE_RAISE: C (n->v.raise_stmt.exc); C (n->v.raise_stmt.cause); break;
    case RECLAIM_NODE_TRY:
      CL (n->v.try_stmt.body); CL (n->v.try_stmt.handlers); CL (n->v.try_stmt.orelse); CL (n->v.try_stmt.finalbody);
      break;
    case RECLAIM_NODE_ASSERT: C (n->v.assert_stmt.test); C (n->v.assert_stmt.msg); break;
    case RECLAIM_NODE_IMPORT: CL (n->v.import_stmt.names); break;
    case RECLAIM_NODE_IMPORT_FROM: CL (n->v.import_from.names); break;
    case RECLAIM_NODE_GLOBAL:
    case RECLAIM_NODE_NONLOCAL: CL (n->v.global_stmt.names); break;
    case RECLAIM_NODE_EXPR: C (n->v.expr_stmt.value); break;
    case RECLAIM_NODE_BOOL_OP: CL (n->v.bool_op.values); break;
    case RECLAIM_NODE_NAMED_EXPR: C (n->v.named_expr.target); C (n->v.named_expr.value); break;
    case RECLAIM_NODE_BIN_OP: C (n->v.bin_op.left); C (n->v.bin_op.right); break;
    case RECLAIM_NODE_UNARY_OP: C (n->v.unary_op.operand); break;
    case RECLAIM_NODE_LAMBDA: C (n->v.lambda.args); C (n->v.lambda.body); break;
    case RECLAIM_NODE_IF_EXP: C (n->v.if_exp.body); C (n->v.if_exp.test); C (n->v.if_exp.orelse); break;
    case RECLAIM_NODE_DICT:
      for (guint i = 0; i < n->v.dict.values.n; i++)
        {
          C (n->v.dict.keys.items[i]);
          C (n->v.dict.values.items[i]);
        }
      break;
    case RECLAIM_NODE_SET: CL (n->v.set.elts); break;
    case RECLAIM_NODE_LIST_COMP:
    case RECLAIM_NODE_SET_COMP:
    case RECLAIM_NODE_GENERATOR_EXP: C (n->v.comp.elt); CL (n->v.comp.generators); break;
    case RECLAIM_NODE_DICT_COMP: C (n->v.dict_comp.key); C (n->v.dict_comp.value); CL (n->v.dict_comp.generators); break;
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
    case RECLAIM_NODE_AWAIT: C (n->v.yield.value); break;
    case RECLAIM_NODE_COMPARE: C (n->v.compare.left); CL (n->v.compare.comparators); break;
    case RECLAIM_NODE_CALL: C (n->v.call.func); CL (n->v.call.args); CL (n->v.call.keywords); break;
    case RECLAIM_NODE_FORMATTED_VALUE: C (n->v.formatted_value.value); C (n->v.formatted_value.format_spec); break;
    case RECLAIM_NODE_JOINED_STR: CL (n->v.joined_str.values); break;
    case RECLAIM_NODE_ATTRIBUTE: C (n->v.attribute.value); break;
    case RECLAIM_NODE_SUBSCRIPT: C (n->v.subscript.value); C (n->v.subscript.slice); break;
    case RECLAIM_NODE_STARRED: C (n->v.starred.value); break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE: CL (n->v.seq.elts); break;
    case RECLAIM_NODE_SLICE: C (n->v.slice.lower); C (n->v.slice.upper); C (n->v.slice.step); break;
    case RECLAIM_NODE_ARGUMENTS:
      CL (n->v.arguments.args); C (n->v.arguments.vararg); CL (n->v.arguments.kwonlyargs);
      CL (n->v.arguments.kw_defaults); C (n->v.arguments.kwarg); CL (n->v.arguments.defaults);
      break;
    case RECLAIM_NODE_KEYWORD: C (n->v.keyword.value); break;
    case RECLAIM_NODE_ARG: C (n->v.arg.annotation); break;
    case RECLAIM_NODE_COMPREHENSION:
      C (n->v.comprehension.target); C (n->v.comprehension.iter); CL (n->v.comprehension.ifs);
      break;
    case RECLAIM_NODE_EXCEPT_HANDLER: C (n->v.except_handler.type); CL (n->v.except_handler.body); break;
    case RECLAIM_NODE_WITH_ITEM: C (n->v.with_item.context_expr); C (n->v.with_item.optional_vars); break;
    default: break;
    }
#undef C
#undef CL
}

/* ------------------------------------------------------------------ */
/* dump */

static void dump (GString *out, const ReclaimNode *node);

static void
dump_list (GString *out, const ReclaimNodeList *list)
{
  for (guint i = 0; i < list->n; i++)
    {
      g_string_append_c (out, ' ');
      dump (out, list->items[i]);
    }
}

/* The nodes separated by one space, none before the first. */
static void
dump_spaced (GString *out, const ReclaimNodeList *list)
{
  for (guint i = 0; i < list->n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      dump (out, list->items[i]);
    }
}

static void
dump_block (GString *out, const ReclaimNodeList *list)
{
  g_string_append (out, " [");
  dump_spaced (out, list);
  g_string_append_c (out, ']');
}

/* "(@ d) " for each decorator, before the def or class it decorates */
static void
dump_decorators (GString *out, const ReclaimNodeList *decorators)
{
  for (guint i = 0; i < decorators->n; i++)
    {
      g_string_append (out, "(@ ");
      dump (out, decorators->items[i]);
      g_string_append (out, ") ");
    }
}

static void
dump_opt (GString *out, const ReclaimNode *node)
{
  g_string_append_c (out, ' ');
  if (node)
    dump (out, node);
  else
    g_string_append_c (out, '#');
}

static void
dump_str (GString *out, const char *s, gsize len)
{
  char quote = '\'';

  if (memchr (s, '\'', len) && !memchr (s, '"', len))
    quote = '"';
  g_string_append_c (out, quote);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c == '\\' || c == (guchar) quote)
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, quote);
}

/* Python's repr() of a float: the shortest digits that read back, fixed
 * notation for exponents in [-4, 16), else d.ddde+XX */
static void
dump_float (GString *out, double value)
{
  char buf[64], digits[32];
  int exp10 = 0, n_digits = 0;

  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "inf" : "-inf");
      return;
    }
  if (isnan (value))
    {
      g_string_append (out, "nan");
      return;
    }
  for (int precision = 0; precision <= 16; precision++)
    {
      g_snprintf (buf, sizeof buf, "%.*e", precision, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  {
    const char *c = buf;
    if (*c == '-')
      {
        g_string_append_c (out, '-');
        c++;
      }
    for (; *c && *c != 'e'; c++)
      if (g_ascii_isdigit (*c))
        digits[n_digits++] = *c;
    digits[n_digits] = '\0';
    exp10 = atoi (c + 1);
  }
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    digits[--n_digits] = '\0';
  if (exp10 >= -4 && exp10 < 16)
    {
      if (exp10 < 0)
        {
          g_string_append (out, "0.");
          for (int i = -1; i > exp10; i--)
            g_string_append_c (out, '0');
          g_string_append (out, digits);
        }
      else
        {
          for (int i = 0; i <= exp10; i++)
            g_string_append_c (out, i < n_digits ? digits[i] : '0');
          g_string_append_c (out, '.');
          if (n_digits > exp10 + 1)
            g_string_append (out, digits + exp10 + 1);
          else
            g_string_append_c (out, '0');
        }
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%02d", exp10 < 0 ? '-' : '+', ABS (exp10));
    }
}

static void
dump_constant (GString *out, const ReclaimNode *node)
{
  switch (node->v.constant.kind)
    {
    case RECLAIM_CONST_NONE: g_string_append (out, "None"); break;
    case RECLAIM_CONST_TRUE: g_string_append (out, "True"); break;
    case RECLAIM_CONST_FALSE: g_string_append (out, "False"); break;
    case RECLAIM_CONST_ELLIPSIS: g_string_append (out, "..."); break;
    case RECLAIM_CONST_INT:
      if (node->v.constant.int_big)
        g_string_append (out, node->v.constant.int_literal);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, node->v.constant.int_value);
      break;
    case RECLAIM_CONST_FLOAT: dump_float (out, node->v.constant.float_value); break;
    case RECLAIM_CONST_STR: dump_str (out, node->v.constant.str, node->v.constant.str_len); break;
    case RECLAIM_CONST_BYTES:
      {
        g_autofree char *repr = reclaim_bytes_repr ((const guint8 *) node->v.constant.str, node->v.constant.str_len);
        g_string_append (out, repr);
      }
      break;
    default: g_string_append (out, "?"); break;
    }
}

static const char *
cmp_word (ReclaimCmpOp op)
{
  switch (op)
    {
    case RECLAIM_CMP_IS_NOT: return "is-not";
    case RECLAIM_CMP_NOT_IN: return "not-in";
    default: return reclaim_cmp_op_symbol (op);
    }
}

static void
dump_comp (GString *out, const char *head, const ReclaimNode *node)
{
  g_string_append_printf (out, "(%s ", head);
  dump (out, node->v.comp.elt);
  dump_list (out, &node->v.comp.generators);
  g_string_append_c (out, ')');
}

static void
dump_stmt (GString *out, const ReclaimNode *node)
{
  switch (node->kind)
    {
    case RECLAIM_NODE_FUNCTION_DEF:
      dump_decorators (out, &node->v.function_def.decorators);
      g_string_append_printf (out, "(def %s ", node->v.function_def.name);
      dump (out, node->v.function_def.args);
      dump_block (out, &node->v.function_def.body);
      break;
    case RECLAIM_NODE_CLASS_DEF:
      dump_decorators (out, &node->v.class_def.decorators);
      g_string_append_printf (out, "(class %s (", node->v.class_def.name);
      dump_spaced (out, &node->v.class_def.bases);
      g_string_append_c (out, ')');
      dump_block (out, &node->v.class_def.body);
      break;
    case RECLAIM_NODE_RETURN:
      g_string_append (out, "(return");
      if (node->v.return_stmt.value)
        dump_opt (out, node->v.return_stmt.value);
      break;
    case RECLAIM_NODE_DELETE:
      g_string_append (out, "(del");
      dump_list (out, &node->v.delete_stmt.targets);
      break;
    case RECLAIM_NODE_ASSIGN:
      g_string_append (out, node->v.assign.annotation ? "(:" : "(=");
      dump_list (out, &node->v.assign.targets);
      if (node->v.assign.annotation)
        dump_opt (out, node->v.assign.annotation);
      if (node->v.assign.value)
        dump_opt (out, node->v.assign.value);
      break;
    case RECLAIM_NODE_AUG_ASSIGN:
      g_string_append_printf (out, "(%s=", reclaim_bin_op_symbol (node->v.aug_assign.op));
      dump_opt (out, node->v.aug_assign.target);
      dump_opt (out, node->v.aug_assign.value);
      break;
    case RECLAIM_NODE_FOR:
      g_string_append (out, "(for");
      dump_opt (out, node->v.for_stmt.target);
      dump_opt (out, node->v.for_stmt.iter);
      dump_block (out, &node->v.for_stmt.body);
      if (node->v.for_stmt.orelse.n)
        dump_block (out, &node->v.for_stmt.orelse);
      break;
    case RECLAIM_NODE_WHILE:
    case RECLAIM_NODE_IF:
      g_string_append (out, node->kind == RECLAIM_NODE_IF ? "(if" : "(while");
      dump_opt (out, node->v.if_stmt.test);
      dump_block (out, &node->v.if_stmt.body);
      if (node->v.if_stmt.orelse.n)
        dump_block (out, &node->v.if_stmt.orelse);
      break;
    case RECLAIM_NODE_WITH:
      g_string_append (out, "(with");
      dump_list (out, &node->v.with_stmt.items);
      dump_block (out, &node->v.with_stmt.body);
      break;
    case RECLAIM_NODE_RAISE:
      g_string_append (out, "(raise");
      if (node->v.raise_stmt.exc)
        dump_opt (out, node->v.raise_stmt.exc);
      if (node->v.raise_stmt.cause)
        dump_opt (out, node->v.raise_stmt.cause);
      break;
    case RECLAIM_NODE_TRY:
      g_string_append (out, "(try");
      dump_block (out, &node->v.try_stmt.body);
      dump_list (out, &node->v.try_stmt.handlers);
      if (node->v.try_stmt.orelse.n)
        {
          g_string_append (out, " (else");
          dump_block (out, &node->v.try_stmt.orelse);
          g_string_append_c (out, ')');
        }
      if (node->v.try_stmt.finalbody.n)
        {
          g_string_append (out, " (finally");
          dump_block (out, &node->v.try_stmt.finalbody);
          g_string_append_c (out, ')');
        }
      break;
    case RECLAIM_NODE_ASSERT:
      g_string_append (out, "(assert");
      dump_opt (out, node->v.assert_stmt.test);
      if (node->v.assert_stmt.msg)
        dump_opt (out, node->v.assert_stmt.msg);
      break;
    case RECLAIM_NODE_IMPORT:
      g_string_append (out, "(import");
      dump_list (out, &node->v.import_stmt.names);
      break;
    case RECLAIM_NODE_IMPORT_FROM:
      g_string_append (out, "(from ");
      for (int i = 0; i < node->v.import_from.level; i++)
        g_string_append_c (out, '.');
      if (node->v.import_from.module)
        g_string_append (out, node->v.import_from.module);
      dump_list (out, &node->v.import_from.names);
      break;
    case RECLAIM_NODE_GLOBAL:
    case RECLAIM_NODE_NONLOCAL:
      g_string_append (out, node->kind == RECLAIM_NODE_GLOBAL ? "(global" : "(nonlocal");
      dump_list (out, &node->v.global_stmt.names);
      break;
    case RECLAIM_NODE_EXPR:
      g_string_append (out, "(expr");
      dump_opt (out, node->v.expr_stmt.value);
      break;
    case RECLAIM_NODE_PASS:
      g_string_append (out, "pass");
      return;
    case RECLAIM_NODE_BREAK:
      g_string_append (out, "break");
      return;
    case RECLAIM_NODE_CONTINUE:
      g_string_append (out, "continue");
      return;
    default:
      g_string_append (out, "(?");
      break;
    }
  g_string_append_c (out, ')');
}

static void
dump (GString *out, const ReclaimNode *node)
{
  if (node == NULL)
    {
      g_string_append_c (out, '#');
      return;
    }
  if (reclaim_node_is_stmt (node))
    {
      dump_stmt (out, node);
      return;
    }
  switch (node->kind)
    {
    case RECLAIM_NODE_MODULE:
      g_string_append (out, "(module");
      dump_list (out, &node->v.module.body);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_BOOL_OP:
      g_string_append (out, node->v.bool_op.op == RECLAIM_BOOL_AND ? "(and" : "(or");
      dump_list (out, &node->v.bool_op.values);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_NAMED_EXPR:
      g_string_append (out, "(:=");
      dump_opt (out, node->v.named_expr.target);
      dump_opt (out, node->v.named_expr.value);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_BIN_OP:
      g_string_append_printf (out, "(%s", reclaim_bin_op_symbol (node->v.bin_op.op));
      dump_opt (out, node->v.bin_op.left);
      dump_opt (out, node->v.bin_op.right);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_UNARY_OP:
      g_string_append_printf (out, "(%s", reclaim_unary_op_symbol (node->v.unary_op.op));
      dump_opt (out, node->v.unary_op.operand);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_LAMBDA:
      g_string_append (out, "(lambda");
      dump_opt (out, node->v.lambda.args);
      dump_opt (out, node->v.lambda.body);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_IF_EXP:
      g_string_append (out, "(if-exp");
      dump_opt (out, node->v.if_exp.test);
      dump_opt (out, node->v.if_exp.body);
      dump_opt (out, node->v.if_exp.orelse);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_DICT:
      g_string_append (out, "(dict");
      for (guint i = 0; i < node->v.dict.keys.n; i++)
        {
          if (node->v.dict.keys.items[i])
            {
              g_string_append (out, " (:");
              dump_opt (out, node->v.dict.keys.items[i]);
            }
          else
            g_string_append (out, " (**");
          dump_opt (out, node->v.dict.values.items[i]);
          g_string_append_c (out, ')');
        }
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_SET:
      g_string_append (out, "(set");
      dump_list (out, &node->v.set.elts);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_LIST_COMP:
      dump_comp (out, "listcomp", node);
      break;
    case RECLAIM_NODE_SET_COMP:
      dump_comp (out, "setcomp", node);
      break;
    case RECLAIM_NODE_GENERATOR_EXP:
      dump_comp (out, "genexp", node);
      break;
    case RECLAIM_NODE_DICT_COMP:
      g_string_append (out, "(dictcomp");
      dump_opt (out, node->v.dict_comp.key);
      dump_opt (out, node->v.dict_comp.value);
      dump_list (out, &node->v.dict_comp.generators);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_YIELD:
    case RECLAIM_NODE_YIELD_FROM:
    case RECLAIM_NODE_AWAIT:
      g_string_append (out, node->kind == RECLAIM_NODE_YIELD ? "(yield"
                            : node->kind == RECLAIM_NODE_AWAIT ? "(await" : "(yield-from");
      if (node->v.yield.value)
        dump_opt (out, node->v.yield.value);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_COMPARE:
      g_string_append (out, "(cmp");
      dump_opt (out, node->v.compare.left);
      for (guint i = 0; i < node->v.compare.comparators.n; i++)
        {
          g_string_append_printf (out, " %s", cmp_word (node->v.compare.ops[i]));
          dump_opt (out, node->v.compare.comparators.items[i]);
        }
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_CALL:
      g_string_append (out, "(call");
      dump_opt (out, node->v.call.func);
      dump_list (out, &node->v.call.args);
      dump_list (out, &node->v.call.keywords);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_FORMATTED_VALUE:
      g_string_append (out, "(fv");
      dump_opt (out, node->v.formatted_value.value);
      if (node->v.formatted_value.conversion >= 0)
        g_string_append_printf (out, " !%c", node->v.formatted_value.conversion);
      if (node->v.formatted_value.format_spec)
        dump_opt (out, node->v.formatted_value.format_spec);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_JOINED_STR:
      g_string_append (out, "(f");
      dump_list (out, &node->v.joined_str.values);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_CONSTANT:
      dump_constant (out, node);
      break;
    case RECLAIM_NODE_ATTRIBUTE:
      g_string_append (out, "(.");
      dump_opt (out, node->v.attribute.value);
      g_string_append_printf (out, " %s)", node->v.attribute.attr);
      break;
    case RECLAIM_NODE_SUBSCRIPT:
      g_string_append (out, "([]");
      dump_opt (out, node->v.subscript.value);
      dump_opt (out, node->v.subscript.slice);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_STARRED:
      g_string_append (out, "(*");
      dump_opt (out, node->v.starred.value);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_NAME:
      g_string_append (out, node->v.name.id);
      break;
    case RECLAIM_NODE_LIST:
    case RECLAIM_NODE_TUPLE:
      g_string_append (out, node->kind == RECLAIM_NODE_LIST ? "(list" : "(tuple");
      dump_list (out, &node->v.seq.elts);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_SLICE:
      g_string_append (out, "(slice");
      dump_opt (out, node->v.slice.lower);
      dump_opt (out, node->v.slice.upper);
      dump_opt (out, node->v.slice.step);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_ARGUMENTS:
      {
        guint n_args = node->v.arguments.args.n;
        guint n_defaults = node->v.arguments.defaults.n;
        g_string_append (out, "(params");
        for (guint i = 0; i < n_args; i++)
          {
            const ReclaimNode *arg = node->v.arguments.args.items[i];
            if (i + n_defaults >= n_args)
              {
                g_string_append_printf (out, " (= %s", arg->v.arg.arg);
                dump_opt (out, node->v.arguments.defaults.items[i + n_defaults - n_args]);
                g_string_append_c (out, ')');
              }
            else
              g_string_append_printf (out, " %s", arg->v.arg.arg);
            if (i + 1 == node->v.arguments.n_posonly)
              g_string_append (out, " /");
          }
        if (node->v.arguments.vararg)
          g_string_append_printf (out, " (* %s)", node->v.arguments.vararg->v.arg.arg);
        else if (node->v.arguments.kwonlyargs.n > 0)
          g_string_append (out, " *");
        for (guint i = 0; i < node->v.arguments.kwonlyargs.n; i++)
          {
            const ReclaimNode *arg = node->v.arguments.kwonlyargs.items[i];
            const ReclaimNode *value = node->v.arguments.kw_defaults.items[i];
            if (value)
              {
                g_string_append_printf (out, " (= %s", arg->v.arg.arg);
                dump_opt (out, value);
                g_string_append_c (out, ')');
              }
            else
              g_string_append_printf (out, " %s", arg->v.arg.arg);
          }
        if (node->v.arguments.kwarg)
          g_string_append_printf (out, " (** %s)", node->v.arguments.kwarg->v.arg.arg);
        g_string_append_c (out, ')');
      }
      break;
    case RECLAIM_NODE_ARG:
      g_string_append (out, node->v.arg.arg);
      break;
    case RECLAIM_NODE_KEYWORD:
      if (node->v.keyword.arg)
        g_string_append_printf (out, "(kw %s", node->v.keyword.arg);
      else
        g_string_append (out, "(**");
      dump_opt (out, node->v.keyword.value);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_COMPREHENSION:
      g_string_append (out, "(for");
      dump_opt (out, node->v.comprehension.target);
      dump_opt (out, node->v.comprehension.iter);
      for (guint i = 0; i < node->v.comprehension.ifs.n; i++)
        {
          g_string_append (out, " (if");
          dump_opt (out, node->v.comprehension.ifs.items[i]);
          g_string_append_c (out, ')');
        }
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_EXCEPT_HANDLER:
      g_string_append (out, "(except");
      if (node->v.except_handler.type)
        dump_opt (out, node->v.except_handler.type);
      if (node->v.except_handler.name)
        g_string_append_printf (out, " %s", node->v.except_handler.name);
      dump_block (out, &node->v.except_handler.body);
      g_string_append_c (out, ')');
      break;
    case RECLAIM_NODE_ALIAS:
      if (node->v.alias.asname)
        g_string_append_printf (out, "(as %s %s)", node->v.alias.name, node->v.alias.asname);
      else
        g_string_append (out, node->v.alias.name);
      break;
    case RECLAIM_NODE_WITH_ITEM:
      g_string_append (out, "(item");
      dump_opt (out, node->v.with_item.context_expr);
      if (node->v.with_item.optional_vars)
        dump_opt (out, node->v.with_item.optional_vars);
      g_string_append_c (out, ')');
      break;
    default:
      g_string_append (out, "?");
      break;
    }
}

char *
reclaim_ast_dump (const ReclaimNode *node)
{
  GString *out = g_string_new (NULL);
  dump (out, node);
  return g_string_free (out, FALSE);
}
