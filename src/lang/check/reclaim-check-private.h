/* reclaim-check-private.h: the parts of the subset check kept in files of
 * their own.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-check.h"

G_BEGIN_DECLS

/* reclaim-check-slots.c: the names of the classes that set __slots__
 * (a set of the tree's strings), and the node of a class statement whose
 * use of __slots__ Reclaim refuses (NULL if none) with what it is. */
GHashTable        *check_slotted_classes (const ReclaimNode *module);
const ReclaimNode *check_class_slots     (const ReclaimNode *class_def, GHashTable *slotted, const char **what);

/* reclaim-check-exceptions.c: a call of a builtin exception class that
 * Reclaim refuses (NULL if none), with a format of one %s for name. */
const ReclaimNode *check_exception_call  (const ReclaimNode *call, GHashTable *bound, const char **format,
                                          const char **name);

/* reclaim-check-calls.c: a codec or error handler named by a literal in
 * s.encode(), b.decode(), str(b, ...) or bytes(s, ...) that python3 has
 * and Reclaim lacks; a stream given to pprint.pprint() or pp() (NULL if
 * none), with a format of one %s for name. */
const ReclaimNode *check_codec_call      (const ReclaimNode *call, GHashTable *bound, const char **format,
                                          const char **name);
const ReclaimNode *check_pprint_call     (const ReclaimNode *call, const char **format, const char **name);
/* sys.setrecursionlimit() of a literal other than 1000 */
const ReclaimNode *check_recursion_limit_call (const ReclaimNode *call, const char **format, const char **name);

/* reclaim-check-dataclasses.c: whether the script calls asdict() or
 * astuple(), which deep-copy values; then the def in a class statement of
 * a copy hook Reclaim's copy does not call (__reduce__, __getstate__ ...),
 * or NULL. */
gboolean           check_uses_deepcopy   (const ReclaimNode *module);
const ReclaimNode *check_copy_hook       (const ReclaimNode *class_def, const char **format, const char **name);

/* reclaim-check-dataclasses.c: a keyword of dataclass() or field() that
 * Reclaim refuses (NULL if none), with a format of one %s for name. */
const ReclaimNode *check_dataclass_call  (const ReclaimNode *call, const char **format, const char **name);

/* reclaim-check-attributes.c: an attribute read, or a name imported from
 * a module, that Reclaim refuses (NULL if none), with a format of one %s
 * for name. */
const ReclaimNode *check_missing_attribute (const ReclaimNode *attribute, const char **format, const char **name);
const ReclaimNode *check_missing_import    (const ReclaimNode *import_from, const char **format, const char **name);
/* a method of the descriptor protocol or a class hook defined in a class */
const ReclaimNode *check_missing_hook      (const ReclaimNode *class_def, const char **format, const char **name);

/* reclaim-check-collections.c: what the script's names stand for among
 * what the collections module makes, and the base of a class statement
 * that is one of them (NULL if none), with what is refused. */
GHashTable        *check_collections_names (const ReclaimNode *module);
const ReclaimNode *check_collections_base  (const ReclaimNode *class_def, GHashTable *names, const char **what);

G_END_DECLS
