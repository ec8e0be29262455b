/* reclaim-edit-private.h: the script's text, as the edits read and write it.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-edit.c decides what an edit says; reclaim-edit-script.c knows
 * where in the script a line goes and how Python spells a name or a str.
 */
#pragma once

#include "reclaim-edit.h"

G_BEGIN_DECLS

/* An identifier python3 accepts as a name: not a keyword. */
gboolean edit_is_python_name (const char *text);
gboolean edit_is_keyword     (const char *text);
gboolean edit_is_dunder      (const char *name);
/* Adds every word of text to taken (a set of char *, owning them). */
void     edit_note_words     (GHashTable *taken, const char *text);

/* A statement on a line of its own after the top-level statement that
 * begins on line after_line (0: before the script's first statement,
 * G_MAXUINT: at the end); returns the line it begins on. */
guint    edit_insert_statement (GString *script, const char *statement, guint after_line);
/* The lines of text: 1 + its newlines. */
guint    edit_count_lines      (const char *text);
/* "import module" among the script's first imports, unless a top-level
 * import binds it already. */
void     edit_ensure_import    (GString *script, const char *module);

typedef enum {
  EDIT_CLASS_MISSING,          /* no top-level "class name" */
  EDIT_CLASS_NEEDS_ARGUMENTS,  /* its __init__ wants more than self */
  EDIT_CLASS_CALLABLE,         /* name() makes an instance */
} EditClassUse;

EditClassUse edit_find_class_use        (const char *script, const char *name);
/* "class name:\n    pass" after the script's imports. */
void     edit_insert_class_definition   (GString *script, const char *name);
/* The script with a __del__ that prints what it finalizes written into
 * the top-level class name; NULL with an error when there is no such
 * class, or its body defines __del__ already. */
char    *edit_write_finalizer           (const char *script, const char *name, GError **error);

G_END_DECLS
