/* reclaim-names.h: identifiers, one copy of each text for the process.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The copy of text the table keeps, added if need be: that address holds
 * that text for as long as the process lives. */
const char *reclaim_name_intern      (const char *text);
/* Whether text is that copy: its address, not just its text. */
gboolean    reclaim_name_is_interned (const char *text);

G_END_DECLS
