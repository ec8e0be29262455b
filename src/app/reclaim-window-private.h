/* reclaim-window-private.h: what the window's files share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is split by concern: reclaim-window.c builds it and follows
 * the session, reclaim-window-actions.c holds the stepping and view
 * actions, reclaim-window-file.c opening and saving.
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "reclaim-canvas.h"
#include "reclaim-inspector.h"
#include "reclaim-lesson-list.h"
#include "reclaim-lesson-pane.h"
#include "reclaim-render.h"
#include "reclaim-timeline-view.h"
#include "reclaim-window.h"

G_BEGIN_DECLS

struct _ReclaimWindow
{
  GtkApplicationWindow parent_instance;

  ReclaimSession      *session;
  GSettings           *settings;     /* NULL when the schema is not installed */
  GFile               *file;         /* NULL: not saved anywhere yet */
  gboolean             untitled;     /* a new script (New), not the example */
  gboolean             weak_tool_chosen;  /* the weak tool as the user set it */
  gboolean             weak_key_held;     /* Ctrl or Alt is down: drags make weak references */
  char                *saved_text;   /* the text as last loaded or saved */
  char                *recent_uri;   /* a recent file to open once unsaved work is dealt with */
  guint                rerun_timeout;  /* a typed change waiting to run */
  guint                play_timeout;   /* Run: the next step */
  gboolean             updating_buffer;
  guint                progress_timeout;  /* a run under way: when to show it */
  gboolean             fit_after_run;     /* a file was loaded: fit its objects once they ran */
  char                *draft_id;          /* this window's draft (reclaim-drafts.h) */
  guint                draft_timeout;     /* a change waiting to be kept */
  gboolean             draft_closed;      /* the window closed: no more drafts */
  GPtrArray           *offered_drafts;    /* ReclaimDraft *: left by a Reclaim that stopped */
  gboolean             close_confirmed;
  /* A narrow window: the side panes gave way (reclaim-window-panes.c). */
  guint                panes_idle;
  gboolean             panes_narrowed;
  int                  wide_script_width;
  int                  wide_inspector_width;

  /* Template children. */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkWidget           *banner_button;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  GtkPaned            *outer_paned;
  GtkPaned            *script_paned;
  GtkPaned            *inner_paned;
  GtkSourceView       *script_view;
  GtkTextView         *output_view;
  ReclaimCanvas       *canvas;
  GtkLabel            *step_label;
  GtkLabel            *caption_label;
  GtkWidget           *running_box;
  GtkSpinner          *running_spinner;
  GtkLabel            *running_label;
  GtkWidget           *stop_button;
  GtkRevealer         *timeline_revealer;
  ReclaimTimelineView *timeline;
  GtkWidget           *inspector_scroller;
  ReclaimInspector    *inspector;
  GtkAdjustment       *speed_adjustment;
  GMenu               *recent_menu;

  GtkTextTag          *executing_tag;
  GtkTextTag          *error_tag;

  /* Lessons (reclaim-window-lesson.c). */
  GtkStack            *main_stack;     /* "lessons": the list, "work": the rest */
  ReclaimLessonList   *lesson_list;
  GtkRevealer         *lesson_revealer;
  ReclaimLessonPane   *lesson_pane;
  gboolean             from_lesson;    /* the script is a lesson's step */
  char                *offered_lesson; /* a file opened as a script that is a lesson */
  gboolean             inspector_before_lesson;  /* F8's state when the lesson pane opened */
};

/* reclaim-window.c */
/* Restores the window's size, panes and speed from settings and keeps
 * them there (reclaim_window_new does it with the application's). */
void  reclaim_window_use_settings     (ReclaimWindow *self,
                                       GSettings     *settings);
void  reclaim_window_show_banner      (ReclaimWindow *self,
                                       const char    *message,
                                       gboolean       with_go_to_line);
/* The banner with a button of its own: label, and the action it runs. */
void  reclaim_window_show_banner_with (ReclaimWindow *self,
                                       const char    *message,
                                       const char    *button_label,
                                       const char    *action);
void  reclaim_window_update_title     (ReclaimWindow *self);
void  reclaim_window_update_actions   (ReclaimWindow *self);
/* Runs a typed change now rather than after the pause. */
void  reclaim_window_flush_typing     (ReclaimWindow *self);
void  reclaim_window_go_to_line       (ReclaimWindow *self,
                                       guint          line);

/* reclaim-window-actions.c */
/* A key that activates one of the window's actions. */
typedef struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} ReclaimWindowKey;

/* The keys, in a controller of the window's own at the given phase:
 * GTK_PHASE_CAPTURE comes before any widget under the focus. */
void  reclaim_window_add_keys         (ReclaimWindow          *self,
                                       const ReclaimWindowKey *keys,
                                       guint                   n_keys,
                                       GtkPropagationPhase     phase);
void  reclaim_window_class_init_actions (GtkWidgetClass *widget_class);
void  reclaim_window_init_actions     (ReclaimWindow *self);
void  reclaim_window_stop_playing     (ReclaimWindow *self);

/* reclaim-window-panes.c */
/* Soon checks that the canvas has half the width, and narrows the side
 * panes if not (or gives them back their width). */
void  reclaim_window_queue_panes_check (ReclaimWindow *self);

/* reclaim-window-file.c */
void  reclaim_window_class_init_file  (GtkWidgetClass *widget_class);
void  reclaim_window_load_text        (ReclaimWindow *self,
                                       const char    *text,
                                       GFile         *file);
void  reclaim_window_update_recent    (ReclaimWindow *self);
/* Asks what to do with unsaved work, then calls then (self) unless the
 * user cancelled. */
void  reclaim_window_confirm_discard  (ReclaimWindow *self,
                                       void         (*then) (ReclaimWindow *self));

/* reclaim-window-run.c */
void  reclaim_window_class_init_run   (GtkWidgetClass *widget_class);
/* Runs the session's scripts in the background and shows a long run. */
void  reclaim_window_init_run         (ReclaimWindow *self);
void  reclaim_window_dispose_run      (ReclaimWindow *self);
/* Dims the canvas while it shows a run that is not the script's. */
void  reclaim_window_update_dimming   (ReclaimWindow *self);

/* reclaim-window-drafts.c */
void  reclaim_window_init_drafts      (ReclaimWindow *self);
/* Keeps the unsaved text a moment after a change (or removes the draft
 * when nothing is unsaved any more). */
void  reclaim_window_schedule_draft   (ReclaimWindow *self);
/* The text was saved: its draft goes. */
void  reclaim_window_forget_draft     (ReclaimWindow *self);
/* The window closes: as the user chose (nothing left unsaved that they
 * wanted), or otherwise (the draft keeps the text). */
void  reclaim_window_close_drafts     (ReclaimWindow *self,
                                       gboolean       as_the_user_chose);
void  reclaim_window_finalize_drafts  (ReclaimWindow *self);

/* reclaim-window-lesson.c */
void  reclaim_window_class_init_lessons (GtkWidgetClass *widget_class);
/* Puts the lesson list and the lesson pane into the window. */
void  reclaim_window_init_lessons     (ReclaimWindow *self);
/* A script was loaded: the lesson pane closes; a file with a lesson's
 * header is offered as a lesson. */
void  reclaim_window_lesson_loaded    (ReclaimWindow *self,
                                       const char    *text,
                                       GFile         *file);
/* Whether the lesson list fills the window (the script is hidden). */
gboolean reclaim_window_shows_lesson_list (ReclaimWindow *self);
/* The window's title while it shows lessons; FALSE otherwise. */
gboolean reclaim_window_lesson_title  (ReclaimWindow *self,
                                       char         **title,
                                       char         **subtitle);

/* reclaim-window-figure.c */
void    reclaim_window_class_init_figure (GtkWidgetClass *widget_class);
/* What the window shows, as a figure file's bytes. */
GBytes *reclaim_window_figure_bytes      (ReclaimWindow       *self,
                                          ReclaimFigureFormat  format,
                                          GError             **error);
/* Writes the figure to file, its format from its name's extension; a
 * failure shows in the banner. */
void    reclaim_window_export_figure     (ReclaimWindow *self,
                                          GFile         *file);

G_END_DECLS
