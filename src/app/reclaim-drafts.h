/* reclaim-drafts.h: unsaved text kept on disk, so that no edit is lost.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each window keeps its unsaved text in a draft of its own, a file in
 * $XDG_STATE_HOME/reclaim/drafts/ written atomically a moment after each
 * change, and removes it once the text is saved or knowingly discarded.
 * A draft still there when Reclaim starts was left by a Reclaim that
 * crashed or was killed: the window offers it back.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *id;
  char  *text;      /* the script, with its card positions block */
  char  *uri;       /* the file it belongs to; NULL: not saved anywhere */
  gint64 written;   /* when, in seconds since 1970 */
} ReclaimDraft;

/* A new id, for a window's draft. */
char      *reclaim_drafts_new_id (void);
/* Keeps text as the draft id, replacing the last one at once (a crash
 * while writing leaves the last one whole). */
gboolean   reclaim_drafts_write  (const char  *id,
                                  const char  *text,
                                  const char  *uri,
                                  GError     **error);
void       reclaim_drafts_remove (const char  *id);
/* The drafts on disk, newest first: ReclaimDraft *. */
GPtrArray *reclaim_drafts_list   (void);
void       reclaim_draft_free    (ReclaimDraft *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimDraft, reclaim_draft_free)

G_END_DECLS
