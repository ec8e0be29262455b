/* reclaim-mod-collections-private.h: what the files of the collections
 * module share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-mod-collections.c         the module; the helpers below
 * reclaim-mod-collections-deque.c   deque
 * reclaim-mod-collections-dicts.c   defaultdict
 */
#pragma once

#include "reclaim-modules-private.h"

G_BEGIN_DECLS

/* A container that shows itself inside itself prints as "[...]" or
 * "...": FALSE when v's repr is being made already. */
gboolean     collections_repr_enter (ReclaimValue v);
void         collections_repr_leave (ReclaimValue v);
/* NotImplemented (new reference). */
ReclaimValue collections_not_implemented (ReclaimInterp *interp);

void         collections_deque_init (ReclaimInterp *interp, ReclaimValue ns);
void         collections_dicts_init (ReclaimInterp *interp, ReclaimValue ns);

G_END_DECLS
