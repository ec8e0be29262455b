/* reclaim-canvas-private.h: what the canvas's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-canvas.c          the widget: scene cache, viewport, drawing,
 *                           selection, accessibility
 * reclaim-canvas-actions.c  the canvas.* actions and the keyboard
 * reclaim-canvas-input.c    pointer gestures, the reference-name popover,
 *                           the context menu
 * reclaim-canvas-animation.c  transitions between two scenes
 * reclaim-canvas-view.c     zoom, pan, fit and the legend's box
 */
#pragma once

#include "reclaim-canvas.h"
#include "reclaim-render.h"

G_BEGIN_DECLS

#define CANVAS_MIN_ZOOM   0.05
#define CANVAS_MAX_ZOOM   4.0
#define CANVAS_ZOOM_STEP  1.25
/* scene units: how near a click must be to an arrow, a handle, a dot */
#define CANVAS_ARROW_TOLERANCE  5.0
#define CANVAS_HANDLE_TOLERANCE 9.0

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CARD,
  DRAG_REFERENCE,
} DragKind;

/* A transition from one scene to the next (see reclaim-canvas-animation.c). */
typedef struct _CanvasTransition CanvasTransition;

struct _ReclaimCanvas
{
  GtkWidget         parent_instance;

  ReclaimSession   *session;
  ReclaimRenderer  *renderer;
  gboolean          dark;
  gboolean          weak_tool;
  gboolean          show_legend;
  double            animation_speed;

  /* The scene at the session's position, laid out, chosen positions
   * applied; home holds the layout's own positions (2 doubles a card). */
  ReclaimScene     *scene;
  GArray           *home;
  ReclaimCardLook  *card_looks;    /* one per card */
  ReclaimArrowLook *arrow_looks;   /* one per arrow */
  guint64           position;      /* the heap position the scene shows */
  guint             step;          /* and its step */
  char             *source;        /* the script the scene comes from */
  gboolean          ran;           /* "ran" came: the next "moved" is a new run */

  /* What part of the scene shows: the scene point at the top-left corner
   * and device pixels per scene unit. */
  double            origin_x, origin_y;
  double            zoom;
  gboolean          placed;        /* the view was fitted or moved by the user */
  gboolean          view_moved;    /* zoomed or panned by the user: a resize keeps the view */
  int               fitted_width;  /* the size the last fit was for */
  int               fitted_height;

  /* Selection: a card, or one of its rows, or the arrow of that row. */
  ReclaimId         selected;
  guint             selected_row;  /* row offset in the card, G_MAXUINT: the card itself */
  gboolean          arrow_selected;
  GArray           *highlight;     /* ReclaimId */
  gint              hover_card;    /* card index under the pointer, -1 */
  double            pointer_x, pointer_y;         /* widget coordinates, for zooming */
  double            zoom_start;    /* the zoom when a pinch began */

  /* Pointer gestures. */
  DragKind          drag;
  double            drag_start_x, drag_start_y;   /* widget coordinates */
  double            drag_origin_x, drag_origin_y; /* the card's or the view's origin at the start */
  guint             drag_card;     /* card index */
  ReclaimId         drag_holder;   /* a reference drag: who will hold it */
  const char       *drag_name;     /* a variable's name (a variable's dot), else NULL */
  double            drag_x, drag_y;               /* scene coordinates now */
  gboolean          drag_weak;
  gboolean          drag_moved;    /* past the threshold: not a click */
  double            menu_x, menu_y;               /* scene point a menu or double-click was at */
  gboolean          menu_at_pointer;

  GtkWidget        *name_popover;
  GtkWidget        *name_entry;
  ReclaimId         pending_holder, pending_target;
  gboolean          pending_weak;
  GtkWidget        *context_menu;

  /* Animation. */
  CanvasTransition *transition;
  guint             tick_id;
};

/* reclaim-canvas.c */
void      canvas_scene_to_widget   (ReclaimCanvas *self, double sx, double sy, double *wx, double *wy);
void      canvas_widget_to_scene   (ReclaimCanvas *self, double wx, double wy, double *sx, double *sy);
gint      canvas_card_index        (ReclaimCanvas *self, ReclaimId id);
/* Selects a card (row G_MAXUINT) or one of its rows, or the row's arrow. */
void      canvas_select            (ReclaimCanvas *self, ReclaimId id, guint row, gboolean arrow);
void      canvas_message           (ReclaimCanvas *self, const GError *error);
void      canvas_set_zoom_at       (ReclaimCanvas *self, double zoom, double wx, double wy);
void      canvas_pan               (ReclaimCanvas *self, double dx, double dy);
/* Applies the chosen positions to the scene's cards, and nudges the
 * others off them. */
void      canvas_apply_positions   (ReclaimCanvas *self);
gboolean  canvas_animations_enabled (ReclaimCanvas *self);

/* reclaim-canvas-view.c */
/* Fits again when a card is out of view, unless the user moved the view. */
void      canvas_keep_in_view      (ReclaimCanvas *self);
/* The canvas got that size: fits again when the window was resized. */
void      canvas_follow_size       (ReclaimCanvas *self, int width, int height);
/* The legend over the cards, in the widget's bottom left corner. */
void      canvas_draw_legend       (ReclaimCanvas *self, cairo_t *cr, double width, double height);
/* The card the user means at a scene point: not one faded away. */
gint      canvas_card_at           (ReclaimCanvas *self, double sx, double sy);

/* The row selected, if any (and its card). */
const ReclaimRow *canvas_selected_row (ReclaimCanvas *self, ReclaimCard **card);

/* reclaim-canvas-actions.c */
void      canvas_install_actions   (GtkWidgetClass *widget_class);
/* Enables the actions that apply to the selection. */
void      canvas_update_actions    (ReclaimCanvas *self);
gboolean  canvas_key_pressed       (GtkEventControllerKey *controller, guint keyval, guint keycode,
                                    GdkModifierType state, ReclaimCanvas *self);

/* reclaim-canvas-input.c: widget coordinates; state is a GdkModifierType.
 * The gesture callbacks call these, and so do the tests. */
void      canvas_setup_input       (ReclaimCanvas *self);
void      canvas_teardown_input    (ReclaimCanvas *self);
void      canvas_press             (ReclaimCanvas *self, double x, double y, int n_press, guint state);
void      canvas_drag_begin        (ReclaimCanvas *self, double x, double y, guint state);
void      canvas_drag_update       (ReclaimCanvas *self, double dx, double dy, guint state);
void      canvas_drag_end          (ReclaimCanvas *self, double dx, double dy, guint state);
/* Opens the context menu at a widget point, or at the selection when x < 0. */
void      canvas_popup_menu        (ReclaimCanvas *self, double x, double y);
/* Makes a new object of kind (a ReclaimNewKind) at the menu's point. */
void      canvas_new_object        (ReclaimCanvas *self, int kind);
/* The reference drag ended on target: asks for the name, or adds it. */
void      canvas_finish_reference  (ReclaimCanvas *self, ReclaimId holder, const char *name,
                                    ReclaimId target, gboolean weak, double wx, double wy);
/* Confirms the name popover (as Enter does). */
void      canvas_confirm_name      (ReclaimCanvas *self);

/* reclaim-canvas-animation.c */
/* Starts a transition from the old scene to self->scene, when the move
 * was small; takes old.  Returns FALSE (and frees old) when it jumped. */
/* since: the position the events shown start at (finalizers and weakref
 * callbacks run since then flash their objects). */
gboolean  canvas_animate_change    (ReclaimCanvas *self, ReclaimScene *old, gboolean small,
                                    guint64 since);
/* Glides the cards from where they are (from: 2 doubles a card) to the
 * scene's positions. */
void      canvas_animate_moves     (ReclaimCanvas *self, const double *from);
void      canvas_stop_animation    (ReclaimCanvas *self);
/* Shows the transition under way as it looks at progress p (0..1), as a
 * frame would (for tests: frames come when the machine has time). */
void      canvas_show_transition_at (ReclaimCanvas *self, double p);
/* Fills the decorations' ghosts for this frame (may be none). */
void      canvas_transition_decorate (ReclaimCanvas *self, ReclaimDecorations *deco);

G_END_DECLS
