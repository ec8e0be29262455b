/* reclaim-visibility.h: which objects the views show.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas, the captions, event stepping, the timeline's marks and the
 * inspector all ask this one question: is this object shown?
 *
 * By default they show the objects the script made and can name:
 * instances, lists, dicts, sets, tuples, weakrefs, generators, cells,
 * bound methods, the module namespace and the frames of the script's
 * functions.  The interpreter's machinery is hidden unless asked for
 * ("Show interpreter objects", `reclaim-cli render --internals`):
 *
 *  - classes, functions and modules, and the __class__ cell super() uses;
 *  - the dicts and tuples they hold themselves: a class's namespace (the
 *    class body's namespace, which holds its methods), its __mro__ and
 *    __bases__, a function's __defaults__ and __closure__, a module's
 *    namespace, and a class's getset descriptors;
 *  - temporaries no object ever holds: the argument tuple a call builds,
 *    an iterator a loop keeps on its stack.
 *
 * Such an object is shown after all when something the script can name
 * holds it (`d = f.__defaults__`): hiding it would hide the script's own
 * reference.  The interpreter's start-up objects (before first_id, the
 * module namespace aside) are never shown.
 *
 * The answer is one per object for the whole run, worked out once from
 * the event log, so a card does not come and go as the user steps and an
 * event filter costs one lookup.  Hiding changes nothing in the engine:
 * counts still include references from hidden objects.
 */
#pragma once

#include "reclaim-heap.h"

G_BEGIN_DECLS

typedef struct _ReclaimVisibility ReclaimVisibility;

/* Classifies every object of the heap's event log (all of it, so that
 * the objects of the interpreter's exit are classified too). */
ReclaimVisibility *reclaim_visibility_new  (ReclaimHeap *heap,
                                            ReclaimId    first_id,
                                            ReclaimId    module_dict);
void               reclaim_visibility_free (ReclaimVisibility *visibility);

/* Whether the interpreter's machinery is shown too (FALSE at first). */
void     reclaim_visibility_set_show_internals (ReclaimVisibility *visibility,
                                                gboolean           show);
gboolean reclaim_visibility_get_show_internals (const ReclaimVisibility *visibility);

/* Whether id is part of the interpreter's machinery (shown or not). */
gboolean reclaim_visibility_is_internal (const ReclaimVisibility *visibility,
                                         ReclaimId                id);
/* Whether id is a temporary no object ever held (the argument tuple of a
 * call, an iterator on the interpreter's stack). */
gboolean reclaim_visibility_is_temporary (const ReclaimVisibility *visibility,
                                          ReclaimId                id);
/* Whether the views show id.  0 is never shown. */
gboolean reclaim_visibility_shows       (const ReclaimVisibility *visibility,
                                         ReclaimId                id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimVisibility, reclaim_visibility_free)

G_END_DECLS
