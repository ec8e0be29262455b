/* reclaim-edit.h: canvas edits as Python source.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit made on the canvas becomes the Python statement that makes
 * it, appended to the script (or, for __del__, put into the class body).
 * The functions here only compute the new source text; the session runs
 * it.  They read the heap as the script left it (after its last
 * statement, before the interpreter's exit), where objects are named by
 * the shortest expression that reaches them from a global variable:
 * `n1`, `n1.next`, `items[0]`, `d['k']`.
 *
 * An edit that makes no sense (an object no variable reaches, a name that
 * is not an identifier) returns NULL with an error in plain words, and
 * changes nothing.
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

#define RECLAIM_EDIT_ERROR (reclaim_edit_error_quark ())
GQuark reclaim_edit_error_quark (void);

typedef enum {
  RECLAIM_EDIT_ERROR_UNNAMED,      /* no global variable reaches the object */
  RECLAIM_EDIT_ERROR_BAD_NAME,     /* not a Python identifier, or a keyword */
  RECLAIM_EDIT_ERROR_NOT_ALLOWED,  /* the edit does not apply to that object */
} ReclaimEditError;

/* What the edits read: a heap positioned at the script's end, and the
 * module namespace (reclaim_interp_get_module_namespace()); source is the
 * script without its positions block.  Builds the names of every object
 * the globals reach, once: breadth first over the globals in their order,
 * through attributes, list and tuple items and dict values of str and int
 * keys.  Objects reached only through sets, cells, functions or classes
 * have no name; neither have modules and the interpreter's own objects. */
typedef struct _ReclaimEditContext ReclaimEditContext;

ReclaimEditContext *reclaim_edit_context_new  (ReclaimHeap *heap,
                                               ReclaimId    module_dict,
                                               const char  *source);
void                reclaim_edit_context_free (ReclaimEditContext *context);

/* The shortest expression naming obj from a global variable, or NULL. */
const char *reclaim_edit_name_of   (ReclaimEditContext *context, ReclaimId obj);

/* Where the edits put the statement they write: after the top-level
 * statement that begins on line `line` (0: before the script's first
 * statement).  G_MAXUINT, the default, is the script's end. */
void        reclaim_edit_context_set_insertion (ReclaimEditContext *context,
                                                guint               line);
/* The line the last edit's statement begins on in the script it returned;
 * 0 when it wrote none at the top level (a __del__ goes into a class). */
guint       reclaim_edit_context_get_statement_line (ReclaimEditContext *context);

/* The top-level statement line `line` is part of: the lines it spans.
 * FALSE for a line past the end, or blank before the first statement. */
gboolean    reclaim_edit_find_top_level_statement (const char *source,
                                                   guint       line,
                                                   guint      *first,
                                                   guint      *last);

typedef enum {
  RECLAIM_NEW_INSTANCE,   /* n1 = Node()   (adds "class Node:" when missing; Node2 when
                           * the script's Node() needs arguments) */
  RECLAIM_NEW_LIST,       /* l1 = []       */
  RECLAIM_NEW_DICT,       /* d1 = {}       */
} ReclaimNewKind;

/* A new object bound to a new global variable.  *out_variable (when not
 * NULL) receives the variable's name. */
char *reclaim_edit_new_object      (ReclaimEditContext *context,
                                    ReclaimNewKind      kind,
                                    char              **out_variable,
                                    GError            **error);

/* A reference from holder to target, strong or weak (weakref.ref, adding
 * "import weakref" when missing).  holder is the module namespace (then
 * name is the variable: `name = target`), an instance (`holder.name =
 * target`), a list (`holder.append(target)`, name ignored) or a dict
 * (`holder['name'] = target`: any text is a key).  name NULL or "": a
 * free default ("next", "ref", or the next free variable name).  Weak
 * references to what CPython cannot weakly reference (lists, dicts,
 * tuples, instances of a __slots__ class without __weakref__) are
 * refused. */
char *reclaim_edit_add_reference   (ReclaimEditContext *context,
                                    ReclaimId           holder,
                                    const char         *name,
                                    ReclaimId           target,
                                    gboolean            weak,
                                    GError            **error);

/* The default name add_reference would use: NULL for a list, which
 * needs none, and for holders that take no references. */
char *reclaim_edit_default_name    (ReclaimEditContext *context,
                                    ReclaimId           holder,
                                    gboolean            weak);

/* Deletes slot `slot` of holder: `del name` for a variable of the module
 * namespace, `del holder.attr`, `del holder[i]`, `del holder['key']`. */
char *reclaim_edit_delete_reference (ReclaimEditContext *context,
                                     ReclaimId           holder,
                                     guint               slot,
                                     GError            **error);

/* Gives obj's class (or the class obj itself) a __del__ that prints what
 * it finalizes, written into the class body. */
char *reclaim_edit_give_finalizer  (ReclaimEditContext *context,
                                    ReclaimId           obj,
                                    GError            **error);

/* gc.collect(), adding "import gc" when missing. */
char *reclaim_edit_collect         (ReclaimEditContext *context);

/* Card positions kept in the script, in a comment block python3 ignores:
 *
 *     # reclaim: positions
 *     # n1 120 40
 *     # n1.next 300 40
 *
 * at the end of the file.  split() takes the block off a file's text
 * (returning the script alone) and fills positions (char *name ->
 * ReclaimEditPoint *; may be NULL); join() puts one back (no block when
 * positions is empty). */
typedef struct {
  double x, y;
} ReclaimEditPoint;

char *reclaim_edit_split_positions (const char *text,
                                    GHashTable *positions);
char *reclaim_edit_join_positions  (const char *source,
                                    GHashTable *positions);
/* A table for positions: names owned, points g_free'd. */
GHashTable *reclaim_edit_positions_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimEditContext, reclaim_edit_context_free)

G_END_DECLS
