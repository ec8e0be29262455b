/* reclaim-canvas.h: the heap as a picture the user can point at and edit.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas draws its session's scene at the session's position with the
 * view layer's renderer, and turns pointer and keyboard gestures into the
 * session's edits (each one a line of Python appended to the script):
 *
 *  - click selects a card, a row or an arrow; a drag moves a card (the
 *    position is kept by the session) or pans; Ctrl+scroll and pinch zoom;
 *  - double-click on empty space makes a new object there;
 *  - a drag from a card's handle (or a variable's dot) to another card
 *    makes a reference, named in a small popover; weak with the weak tool
 *    or Alt/Ctrl held;
 *  - Delete removes the selected reference or variable;
 *  - the context menu (right click, Menu, Shift+Menu) and the canvas.*
 *    actions below do the rest.
 *
 * Small moves along the history are animated (a count that changes
 * pulses, a freed object flashes and fades, its references retract, a
 * cleared weak reference snaps); big jumps just redraw.
 *
 * Actions: canvas.new-object, canvas.new-list, canvas.new-dict,
 * canvas.give-del, canvas.collect, canvas.tidy, canvas.fit,
 * canvas.zoom-in, canvas.zoom-out, canvas.zoom-reset, canvas.delete,
 * canvas.menu.
 *
 * Properties: "session", "selected" (object id, 0: none), "dark",
 * "weak-tool", "animation-speed" (1: normal, 0: no animation).
 * Signal: "message" (const char *) a refused edit's reason, a notice.
 */
#pragma once

#include <gtk/gtk.h>

#include "reclaim-scene.h"
#include "reclaim-session.h"

G_BEGIN_DECLS

#define RECLAIM_TYPE_CANVAS (reclaim_canvas_get_type ())
G_DECLARE_FINAL_TYPE (ReclaimCanvas, reclaim_canvas, RECLAIM, CANVAS, GtkWidget)

GtkWidget      *reclaim_canvas_new           (void);

void            reclaim_canvas_set_session   (ReclaimCanvas  *self,
                                              ReclaimSession *session);
ReclaimSession *reclaim_canvas_get_session   (ReclaimCanvas  *self);

/* The object selected (its card, or the card holding the row or arrow
 * selected), 0 when none. */
ReclaimId       reclaim_canvas_get_selected  (ReclaimCanvas  *self);
void            reclaim_canvas_set_selected  (ReclaimCanvas  *self,
                                              ReclaimId       id);

void            reclaim_canvas_zoom_in       (ReclaimCanvas  *self);
void            reclaim_canvas_zoom_out      (ReclaimCanvas  *self);
/* Back to 100 %, keeping the middle of the view where it is. */
void            reclaim_canvas_zoom_reset    (ReclaimCanvas  *self);
/* Shows every card, at 100 % at most. */
void            reclaim_canvas_fit           (ReclaimCanvas  *self);
/* Forgets the positions the user chose; the cards glide to the layout's. */
void            reclaim_canvas_tidy          (ReclaimCanvas  *self);
double          reclaim_canvas_get_zoom      (ReclaimCanvas  *self);

/* Emphasises these objects and the references between them (a path from
 * a root, a cycle); NULL or 0 clears. */
void            reclaim_canvas_set_highlight (ReclaimCanvas   *self,
                                              const ReclaimId *ids,
                                              guint            n_ids);

/* The scene drawn (laid out, chosen positions applied); never NULL.
 * While animations are on, it may also hold the cards of objects just
 * freed (RECLAIM_CARD_FREED), kept to fade them away. */
const ReclaimScene *reclaim_canvas_get_scene (ReclaimCanvas  *self);

G_END_DECLS
