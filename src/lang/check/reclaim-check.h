/* reclaim-check.h
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-ast.h"
#include "reclaim-token.h"

G_BEGIN_DECLS

/* Whether the module (one Reclaim has) has the attribute. */
typedef gboolean (*ReclaimCheckAttributeFunc) (const char *module, const char *attr, gpointer data);

/* Appends to refusals (a GPtrArray of ReclaimSyntaxError,
 * RECLAIM_ERROR_NOT_SUPPORTED, "not supported in Reclaim: <what>" at the
 * construct) everything in the tree the evaluator does not run, such as
 * importing a module Reclaim does not have, then sorts all of refusals,
 * those already there included, by line and column: the first in the file
 * comes first.  With has_attribute, `from M import name` and `M.name` (M
 * bound only by `import M`) are refused too when M has no such attribute. */
void     reclaim_check_collect   (const ReclaimNode *module, GPtrArray *refusals,
                                  ReclaimCheckAttributeFunc has_attribute, gpointer data);

G_END_DECLS
