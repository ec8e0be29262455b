/* reclaim-caption.h: one plain sentence about an engine event.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's caption says as the user steps: what the event is and
 * why, in the words the seed topic teaches ("n2 freed: its reference count
 * reached 0").  Objects are named by the way a variable reaches them at
 * that moment ("n1.next", "items[0]"), or by type and number ("Node #57")
 * when nothing does.
 */
#pragma once

#include "reclaim-heap.h"
#include "reclaim-visibility.h"

G_BEGIN_DECLS

/* A name for obj at the heap's position: the expression a global
 * variable reaches it by ("n1.next"), else "the object that was n1" when
 * a global held it before, else a frame's variable, else its type and
 * number ("Node #57").  A class is always "class Node", a function
 * "function f", so that a name never means two objects. */
char *reclaim_caption_name_of  (ReclaimHeap *heap,
                                ReclaimId    obj);

/* How an object about to be freed is named: by type and number, and
 * the name it has now, as captions name it once it is gone ("Node #57
 * (was a.next)"). */
char *reclaim_caption_name_before_free (ReclaimHeap *heap,
                                        ReclaimId    obj);

/* How Python reads slot `slot` of holder: "n1.next", "items[0]", or the
 * holder's name and the slot's label ("Node #57: next") when Python has
 * no plain expression for it. */
char *reclaim_caption_reference (ReclaimHeap *heap,
                                 ReclaimId    holder,
                                 guint        slot);

/* The sentence for event `index`; the heap is just after it (position
 * index + 1).  source gives the text of line events. */
char *reclaim_caption_describe (ReclaimHeap *heap,
                                guint64      index,
                                const char  *source);
/* The same, saying so when an object visibility hides holds or lets go
 * of a shown one (visibility NULL: every object is shown). */
char *reclaim_caption_describe_shown (ReclaimHeap             *heap,
                                      const ReclaimVisibility *visibility,
                                      guint64                  index,
                                      const char              *source);

/* What statement `line` did, events [from, to) of the log, for the
 * objects visibility shows: "line 24 ran: del b · 2 freed: Node #60, Node #61".
 * Not finished: the statement called a function whose first statement
 * comes next.  The heap is at position to. */
char *reclaim_caption_summarize (ReclaimHeap *heap,
                                 guint64      from,
                                 guint64      to,
                                 const ReclaimVisibility *visibility,
                                 guint        line,
                                 gboolean     finished,
                                 const char  *source);

G_END_DECLS
