/* reclaim-check.h
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-ast.h"
#include "reclaim-token.h"

G_BEGIN_DECLS

/* FALSE with *error (RECLAIM_ERROR_NOT_SUPPORTED, "not supported in
 * Reclaim: <what>" at the construct) when the tree uses something the
 * evaluator does not run, such as importing a module other than gc,
 * weakref and sys. */
/* Appends every such construct to refusals (a GPtrArray of
 * ReclaimSyntaxError) and sorts all of refusals, those already there
 * included, by line and column: the first in the file comes first. */
void     reclaim_check_collect   (const ReclaimNode *module, GPtrArray *refusals);
gboolean reclaim_check_supported (const ReclaimNode *module, ReclaimSyntaxError **error);

G_END_DECLS
