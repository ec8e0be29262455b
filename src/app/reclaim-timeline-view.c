/* reclaim-timeline-view.c: every event of the script along a strip.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip spans the script's events from its first to its end.  Ticks
 * along the bottom mark where statements start; shaded bands mark the
 * cycle collector's runs, with a line where each phase starts; red marks
 * on top are objects freed, violet ones weak references cleared.  A
 * cursor shows the position.  Clicking or dragging moves there; the arrow
 * keys step by event, Page Up and Page Down by statement.
 *
 * Every statement gets the same width, its events spread across it.
 * The marks are counted into one bin per pixel column when the session
 * runs or the width changes, so drawing costs the same for ten events or
 * ten million.
 */
#include "config.h"

#include "reclaim-timeline-view.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#define PAD 12.0

typedef enum {
  MARK_STATEMENT = 1 << 0,
  MARK_FREE      = 1 << 1,
  MARK_WEAK      = 1 << 2,
  MARK_COLLECT   = 1 << 3,
  MARK_PHASE     = 1 << 4,
} Mark;

struct _ReclaimTimelineView
{
  GtkWidget       parent_instance;

  ReclaimSession *session;
  GArray         *bounds;     /* guint64: where the strip's segments start, and the end */
  guint8         *bins;       /* Mark flags per pixel column */
  int             n_bins;
  gboolean        counted_internals; /* the session's show-internals when bins were counted */
};

G_DEFINE_FINAL_TYPE (ReclaimTimelineView, reclaim_timeline_view, GTK_TYPE_WIDGET)

/* The strip gives each statement the same width, whatever number of
 * events it has: a full collection inside one statement would otherwise
 * squeeze every other statement into a corner.  Segment k runs from
 * bounds[k] to bounds[k + 1]: the events before the first statement, then
 * one segment per statement. */
static double
n_segments (ReclaimTimelineView *self)
{
  return MAX (self->bounds->len, 2) - 1;
}

/* The segment holding position: the last k with bounds[k] <= position. */
static guint
segment_of (ReclaimTimelineView *self, guint64 position)
{
  guint low = 0, high = self->bounds->len - 1;

  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;
      if (g_array_index (self->bounds, guint64, mid) <= position)
        low = mid;
      else
        high = mid;
    }
  return low;
}

static double
strip_width (ReclaimTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD, 1.0);
}

/* Where position falls on a strip `strip` wide, segment k holding it. */
static double
x_in_strip (ReclaimTimelineView *self, guint k, guint64 position, double strip)
{
  guint64 from = g_array_index (self->bounds, guint64, k);
  guint64 to = g_array_index (self->bounds, guint64, MIN (k + 1, self->bounds->len - 1));
  double within = to > from ? (double) (position - from) / (double) (to - from) : 0.0;

  return PAD + (k + within) / n_segments (self) * strip;
}

static double
x_in_segment (ReclaimTimelineView *self, guint k, guint64 position)
{
  return x_in_strip (self, k, position, strip_width (self));
}

static double
x_of (ReclaimTimelineView *self, guint64 position)
{
  return x_in_segment (self, segment_of (self, position), position);
}

guint64
reclaim_timeline_view_position_at (ReclaimTimelineView *self, double x)
{
  double units;
  guint k;

  g_return_val_if_fail (RECLAIM_IS_TIMELINE_VIEW (self), 0);
  if (self->session == NULL)
    return 0;
  units = CLAMP ((x - PAD) / strip_width (self), 0.0, 1.0) * n_segments (self);
  k = MIN ((guint) units, self->bounds->len - 2);
  guint64 from = g_array_index (self->bounds, guint64, k);
  guint64 to = g_array_index (self->bounds, guint64, k + 1);
  return from + (guint64) ((units - k) * (double) (to - from) + 0.5);
}

/* Segment bounds: the script's start, each statement's line event, its end. */
static void
find_bounds (ReclaimTimelineView *self)
{
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self->session);

  g_array_set_size (self->bounds, 0);
  if (timeline->lines->len == 0 || g_array_index (timeline->lines, guint64, 0) > timeline->start)
    g_array_append_val (self->bounds, timeline->start);
  g_array_append_vals (self->bounds, timeline->lines->data, timeline->lines->len);
  if (self->bounds->len == 0 || g_array_index (self->bounds, guint64, self->bounds->len - 1) < timeline->end)
    g_array_append_val (self->bounds, timeline->end);
  if (self->bounds->len == 1)
    g_array_append_val (self->bounds, timeline->end);
}

static Mark
mark_of (const ReclaimEvent *ev)
{
  switch ((ReclaimEventKind) ev->kind)
    {
    case RECLAIM_EV_LINE:
      return MARK_STATEMENT;
    case RECLAIM_EV_FREE:
      return MARK_FREE;
    case RECLAIM_EV_WEAKREF_CLEAR:
      return MARK_WEAK;
    case RECLAIM_EV_GC_PHASE:
      return MARK_PHASE;
    default:
      return 0;
    }
}

/* Frees and cleared weak references are marked for the objects the
 * canvas shows: the interpreter's come and go in every call. */
static Mark
shown_mark_of (ReclaimTimelineView *self, const ReclaimEvent *ev)
{
  Mark mark = mark_of (ev);

  if ((mark & (MARK_FREE | MARK_WEAK)) && !reclaim_session_shows (self->session, ev->obj))
    return 0;
  return mark;
}

static void
count_marks (ReclaimTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  const ReclaimTimeline *timeline;
  ReclaimHeap *heap;
  gboolean collecting = FALSE;

  g_clear_pointer (&self->bins, g_free);
  self->n_bins = 0;
  if (self->session == NULL || width <= 2 * PAD)
    return;

  heap = reclaim_session_get_heap (self->session);
  timeline = reclaim_session_get_timeline (self->session);
  self->counted_internals = reclaim_session_get_show_internals (self->session);
  self->n_bins = width;
  self->bins = g_new0 (guint8, width);
  /* events come in order: the segment only moves forwards; the width is
   * asked once, as a run may have millions of events */
  guint k = 0;
  double strip = strip_width (self);
  for (guint64 i = timeline->start; i < timeline->end; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      while (k + 2 < self->bounds->len && g_array_index (self->bounds, guint64, k + 1) <= i)
        k++;
      int bin = CLAMP ((int) x_in_strip (self, k, i, strip), 0, width - 1);
      if (ev.kind == RECLAIM_EV_GC_START)
        collecting = TRUE;
      self->bins[bin] |= shown_mark_of (self, &ev) | (collecting ? MARK_COLLECT : 0);
      if (ev.kind == RECLAIM_EV_GC_END)
        collecting = FALSE;
    }
}

static void
session_ran (ReclaimSession *session, ReclaimTimelineView *self)
{
  find_bounds (self);
  count_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
session_moved (ReclaimSession *session, ReclaimTimelineView *self)
{
  if (self->bins != NULL && self->counted_internals != reclaim_session_get_show_internals (session))
    count_marks (self);
  guint64 position = reclaim_session_get_position (session);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (session);
  /* PRIu64, unlike G_GUINT64_FORMAT, is a macro xgettext understands */
  g_autofree char *value = g_strdup_printf (_("Event %" PRIu64 " of %" PRIu64),
                                            (uint64_t) (position - timeline->start),
                                            (uint64_t) (timeline->end - timeline->start));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), value);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
reclaim_timeline_view_set_session (ReclaimTimelineView *self, ReclaimSession *session)
{
  g_return_if_fail (RECLAIM_IS_TIMELINE_VIEW (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect (session, "ran", G_CALLBACK (session_ran), self);
      g_signal_connect (session, "moved", G_CALLBACK (session_moved), self);
      session_ran (session, self);
      session_moved (session, self);
    }
}

/* --- Drawing ------------------------------------------------------------ */

static void
set_color (cairo_t *cr, const GdkRGBA *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_bins (ReclaimTimelineView *self, cairo_t *cr, const GdkRGBA *fg, double top, double bottom)
{
  static const GdkRGBA collect = { 0.96, 0.66, 0.16, 1 };
  static const GdkRGBA phase = { 0.80, 0.42, 0.02, 1 };
  static const GdkRGBA freed = { 0.88, 0.11, 0.14, 1 };
  static const GdkRGBA weak = { 0.57, 0.25, 0.67, 1 };

  for (int x = 0; x < self->n_bins; x++)
    {
      guint8 marks = self->bins[x];
      if (marks & MARK_COLLECT)
        {
          set_color (cr, &collect, 0.35);
          cairo_rectangle (cr, x, top, 1, bottom - top);
          cairo_fill (cr);
        }
      /* where each phase starts (and the one before is done): a line
       * across the band, so that phase steps can be seen to land on it */
      if (marks & MARK_PHASE)
        {
          set_color (cr, &phase, 0.8);
          cairo_rectangle (cr, x, top, 1, bottom - top);
          cairo_fill (cr);
          cairo_rectangle (cr, x - 1, top, 3, 6);
          cairo_fill (cr);
        }
      if (marks & MARK_STATEMENT)
        {
          set_color (cr, fg, 0.45);
          cairo_rectangle (cr, x, bottom - 8, 1, 8);
          cairo_fill (cr);
        }
      if (marks & (MARK_FREE | MARK_WEAK))
        {
          set_color (cr, (marks & MARK_FREE) ? &freed : &weak, 1.0);
          cairo_rectangle (cr, x - 1, top - 6, 2, 6);
          cairo_fill (cr);
        }
    }
}

static void
reclaim_timeline_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ReclaimTimelineView *self = RECLAIM_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  static const GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };

  if (self->session == NULL || width <= 2 * PAD)
    return;
  if (self->n_bins != width)
    count_marks (self);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  double top = 14, bottom = height - 10;

  set_color (cr, &fg, 0.06);
  cairo_rectangle (cr, PAD, top, width - 2 * PAD, bottom - top);
  cairo_fill (cr);
  draw_bins (self, cr, &fg, top, bottom);

  double x = x_of (self, reclaim_session_get_position (self->session));
  set_color (cr, &accent, 1.0);
  cairo_rectangle (cr, x - 1, top - 8, 2, bottom - top + 12);
  cairo_fill (cr);
  cairo_arc (cr, x, top - 8, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  if (gtk_widget_has_visible_focus (widget))
    {
      set_color (cr, &accent, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, PAD - 3, top - 3, width - 2 * PAD + 6, bottom - top + 6);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* --- Input -------------------------------------------------------------- */

static void
seek_to_x (ReclaimTimelineView *self, double x)
{
  reclaim_session_seek (self->session, reclaim_timeline_view_position_at (self, x));
}

static void
drag_begin (GtkGestureDrag *gesture, double x, double y, ReclaimTimelineView *self)
{
  if (self->session == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  seek_to_x (self, x);
}

static void
drag_update (GtkGestureDrag *gesture, double dx, double dy, ReclaimTimelineView *self)
{
  double x, y;

  if (self->session == NULL || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  seek_to_x (self, x + dx);
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, ReclaimTimelineView *self)
{
  if (self->session == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
      reclaim_session_event_back (self->session);
      return TRUE;
    case GDK_KEY_Right:
      reclaim_session_event_forward (self->session);
      return TRUE;
    case GDK_KEY_Page_Up:
      reclaim_session_step_back (self->session);
      return TRUE;
    case GDK_KEY_Page_Down:
      reclaim_session_step_forward (self->session);
      return TRUE;
    case GDK_KEY_Home:
      reclaim_session_go_to_start (self->session);
      return TRUE;
    case GDK_KEY_End:
      reclaim_session_go_to_end (self->session);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
reclaim_timeline_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ReclaimTimelineView *self = RECLAIM_TIMELINE_VIEW (widget);

  if (width != self->n_bins)
    count_marks (self);
}

static void
reclaim_timeline_view_dispose (GObject *object)
{
  ReclaimTimelineView *self = RECLAIM_TIMELINE_VIEW (object);

  reclaim_timeline_view_set_session (self, NULL);
  g_clear_pointer (&self->bins, g_free);
  g_clear_pointer (&self->bounds, g_array_unref);
  G_OBJECT_CLASS (reclaim_timeline_view_parent_class)->dispose (object);
}

static void
reclaim_timeline_view_class_init (ReclaimTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reclaim_timeline_view_dispose;
  widget_class->snapshot = reclaim_timeline_view_snapshot;
  widget_class->size_allocate = reclaim_timeline_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
reclaim_timeline_view_init (ReclaimTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->bounds = g_array_new (FALSE, FALSE, sizeof (guint64));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of the script's events"),
                                  -1);
}

GtkWidget *
reclaim_timeline_view_new (void)
{
  return g_object_new (RECLAIM_TYPE_TIMELINE_VIEW, NULL);
}
