/* reclaim-session-private.h: what the session's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-session.h"

G_BEGIN_DECLS

/* Seeks as reclaim_session_seek() does, and remembers that a phase step
 * got there: the caption then tells what the phase did rather than the
 * phase's last event, which is what an event step to the same place
 * tells. */
void  reclaim_session_seek_by_phase (ReclaimSession *self,
                                     guint64         position);

G_END_DECLS
