/* reclaim-parser.h: recursive-descent parser for Reclaim's Python subset
 *
 * The grammar and the error messages follow CPython 3.11 (Grammar/
 * python.gram): a source that python3 rejects is rejected with the same
 * exception kind, message, line, offsets and text; the compile-time checks
 * python3 makes before running anything ('return' outside function, ...)
 * are made too.  A valid source that uses something Reclaim does not run
 * gives RECLAIM_ERROR_NOT_SUPPORTED, "not supported in Reclaim: <what>",
 * but only once the whole source is known to be valid Python.
 */
#pragma once

#include "reclaim-ast.h"
#include "reclaim-lexer.h"

G_BEGIN_DECLS

/* Parses source (length bytes, or -1 if NUL-terminated).  filename is used
 * in messages that name the file (invalid UTF-8); NULL gives "<string>".
 *
 * Returns the Module node, to free with reclaim_ast_free(), or NULL with
 * *error set (free it with reclaim_syntax_error_free()). */
ReclaimNode *reclaim_parse (const char          *source,
                            gssize               length,
                            const char          *filename,
                            ReclaimSyntaxError **error);

/* The same, except that constructs Reclaim refuses in otherwise valid
 * source do not make it fail: each is appended to refusals (a GPtrArray
 * of ReclaimSyntaxError, RECLAIM_ERROR_NOT_SUPPORTED, in the order the
 * parser met them) and the tree is returned, so that the subset check can
 * report them together with its own. */
ReclaimNode *reclaim_parse_with_refusals (const char          *source,
                                          gssize               length,
                                          const char          *filename,
                                          GPtrArray           *refusals,
                                          ReclaimSyntaxError **error);

/* CPython's parser gives up with MemoryError past this many nested rule
 * calls; the compiler with RecursionError past this AST depth. */
#define RECLAIM_PARSER_MAX_STACK 6000
#define RECLAIM_COMPILER_MAX_DEPTH 3000

G_END_DECLS
