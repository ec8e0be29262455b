/* reclaim-literal-text.h: how Python writes characters and bytes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What str.isprintable() and repr() take for printable, one character. */
gboolean reclaim_unichar_is_printable (gunichar c);
/* bytes.__repr__ of len bytes: b'...', newly allocated. */
char    *reclaim_bytes_repr           (const guint8 *data, gsize len);

G_END_DECLS
