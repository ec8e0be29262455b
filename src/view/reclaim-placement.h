/* reclaim-placement.h: where each card stays for the whole run.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laying out each scene afresh moves every card whenever an object comes
 * or goes.  A placement gives each card one place, its home, kept from the
 * step its object appears until it is freed, whichever way the user moves
 * through the run:
 *
 *  - when a run is prepared, the scenes at the statements' boundaries are
 *    merged into one (every object the run ever shows, with the most rows
 *    it ever has) and that one scene is laid out: each object gets its
 *    home once;
 *  - after an edit, objects of the previous run keep their homes, matched
 *    by the name that reaches them at the script's end, else by id and
 *    type (an edit that appends a statement keeps every id); only new
 *    objects are placed, near what refers to them, on no other card;
 *  - a card no boundary shows (a temporary made inside a statement) is
 *    placed the same way the first time a scene shows it.
 *
 * Frames are matched by their depth in the stack and their title, so a
 * function called in a loop has one place in the frames column.
 */
#pragma once

#include "reclaim-layout.h"
#include "reclaim-timeline.h"

G_BEGIN_DECLS

typedef struct _ReclaimPlacement ReclaimPlacement;

/* The name of obj at the script's end (NULL: none). */
typedef const char *(*ReclaimPlacementNameFunc) (ReclaimId obj, gpointer user_data);
/* Where the user put obj's card, if they did. */
typedef gboolean (*ReclaimPlacementChosenFunc) (ReclaimId obj, double *x, double *y, gpointer user_data);

ReclaimPlacement *reclaim_placement_new     (void);
void              reclaim_placement_free    (ReclaimPlacement *placement);

/* Gives every object of the run a home.  The heap is left at the position
 * it was at.  keep_previous: objects of the run prepared before keep their
 * homes (an edit); FALSE starts afresh (a file opened, Tidy up).
 * options: the text widths and gaps (NULL: estimates and defaults). */
void              reclaim_placement_prepare (ReclaimPlacement           *placement,
                                             const ReclaimTimeline      *timeline,
                                             const ReclaimLayoutOptions *options,
                                             ReclaimPlacementNameFunc    name_of,
                                             ReclaimPlacementChosenFunc  chosen,
                                             gpointer                    user_data,
                                             gboolean                    keep_previous);
/* The user put obj's card at (x, y): that is its home now, and the cards
 * whose homes it covers move down out of its way, once and for good. */
void              reclaim_placement_move_home (ReclaimPlacement *placement,
                                               ReclaimId         obj,
                                               double            x,
                                               double            y);
/* The rectangle holding every home: the whole run's picture.  FALSE when
 * there is none. */
gboolean          reclaim_placement_get_bounds (ReclaimPlacement *placement,
                                                double           *x0,
                                                double           *y0,
                                                double           *x1,
                                                double           *y1);
/* Forgets every home: the next prepare() starts afresh. */
void              reclaim_placement_forget  (ReclaimPlacement *placement);

/* How many cards of the scene have no home, counted up to at_most. */
guint             reclaim_placement_count_homeless (ReclaimPlacement   *placement,
                                                    const ReclaimScene *scene,
                                                    guint               at_most);
/* Moves a scene's cards (sized by reclaim_layout_scene()) to their homes;
 * a card without one gets one near the card pointing at it.  Sets the
 * scene's width and height. */
void              reclaim_placement_apply   (ReclaimPlacement *placement,
                                             ReclaimScene     *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReclaimPlacement, reclaim_placement_free)

G_END_DECLS
