/* reclaim-canvas-animation.c: from one scene to the next, smoothly.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the position moves a little, the canvas compares the scene it
 * showed with the new one, card by card (by object id) and arrow by arrow
 * (by holder, row and target): a card that moved glides, a reference
 * count that changed pulses, a card freed flashes, fades and shrinks
 * while its references retract, a new card fades in and its references
 * grow, a cleared weak reference snaps back, an object whose __del__ or
 * weakref callback ran flashes.  The frames come from the
 * frame clock (a tick callback); with animations off in GtkSettings the
 * canvas shows the end state at once.
 */
#include "reclaim-canvas-private.h"

#include <math.h>

#define DURATION   0.6    /* seconds, at animation-speed 1 */

typedef enum {
  MOTION_MOVE  = 1 << 0,
  MOTION_PULSE = 1 << 1,
  MOTION_FREED = 1 << 2,
  MOTION_NEW   = 1 << 3,
  MOTION_RAN   = 1 << 4,   /* its __del__ or a weakref callback of it ran */
} MotionFlags;

typedef struct {
  double from_x, from_y, to_x, to_y;
  guint  flags;
} CardMotion;

struct _CanvasTransition {
  gint64      start;       /* frame time in µs, 0 until the first frame */
  double      duration;
  CardMotion *cards;       /* one per card of the scene */
  guint8     *new_arrows;  /* one per arrow: it grows in */
  GArray     *ghosts;      /* ReclaimGhostArrow: arrows gone, retracting */
  GArray     *ghost_weak;  /* gboolean: a cleared weak reference snaps */
};

static double
ease (double t)
{
  t = CLAMP (t, 0, 1);
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static double
ramp (double t, double from, double to)
{
  return CLAMP ((t - from) / (to - from), 0, 1);
}

/* Sets the scene and the looks as they are at progress p (0..1). */
static void
apply (ReclaimCanvas *self, double p)
{
  CanvasTransition *tr = self->transition;
  ReclaimScene *scene = self->scene;
  double e = ease (p);

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      const CardMotion *m = &tr->cards[c];
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      ReclaimCardLook *look = &self->card_looks[c];
      if (m->flags & MOTION_MOVE)
        {
          card->x = m->from_x + (m->to_x - m->from_x) * e;
          card->y = m->from_y + (m->to_y - m->from_y) * e;
        }
      if (m->flags & MOTION_PULSE)
        look->pulse = p < 1 ? sin (G_PI * p) : 0;
      /* a freed card flashes, then goes away; a card whose code ran
       * flashes and is as before at the end */
      double flash = 0;
      if (m->flags & MOTION_FREED)
        {
          flash = p < 0.2 ? ramp (p, 0, 0.2) : 1 - ramp (p, 0.2, 0.55);
          look->fade = ease (ramp (p, 0.3, 1));
          look->shrink = 0.45 * ease (ramp (p, 0.3, 1));
        }
      if (m->flags & MOTION_RAN)
        flash = MAX (flash, p < 1 ? sin (G_PI * p) : 0);
      if (m->flags & (MOTION_FREED | MOTION_RAN))
        look->flash = flash;
      if (m->flags & MOTION_NEW)
        {
          look->fade = 1 - e;
          look->shrink = 0.25 * (1 - e);
        }
    }
  for (guint a = 0; a < scene->arrows->len; a++)
    if (tr->new_arrows[a])
      self->arrow_looks[a].retract = 1 - ease (ramp (p, 0.15, 1));
  for (guint g = 0; g < tr->ghosts->len; g++)
    {
      ReclaimGhostArrow *ghost = &g_array_index (tr->ghosts, ReclaimGhostArrow, g);
      gboolean weak = g_array_index (tr->ghost_weak, gboolean, g);
      ghost->retract = weak ? ramp (p, 0, 0.15) : ease (ramp (p, 0.05, 0.6));
    }
}

static void
transition_free (CanvasTransition *tr)
{
  g_free (tr->cards);
  g_free (tr->new_arrows);
  g_array_unref (tr->ghosts);
  g_array_unref (tr->ghost_weak);
  g_free (tr);
}

/* Freed cards kept for the animation stay, invisible, until the next scene. */
static void
hide_freed (ReclaimCanvas *self)
{
  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    if (reclaim_scene_get_card (self->scene, c)->flags & RECLAIM_CARD_FREED)
      self->card_looks[c] = (ReclaimCardLook) { .fade = 1, .highlighted = self->card_looks[c].highlighted };
}

void
canvas_stop_animation (ReclaimCanvas *self)
{
  if (self->tick_id)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->transition)
    {
      apply (self, 1);
      g_clear_pointer (&self->transition, transition_free);
      hide_freed (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
canvas_show_transition_at (ReclaimCanvas *self, double p)
{
  if (self->transition != NULL)
    apply (self, CLAMP (p, 0, 1));
}

static gboolean
tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);
  CanvasTransition *tr = self->transition;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (tr == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (tr->start == 0)
    tr->start = now;
  double p = (now - tr->start) / (1e6 * tr->duration);
  if (p >= 1)
    {
      self->tick_id = 0;
      apply (self, 1);
      g_clear_pointer (&self->transition, transition_free);
      hide_freed (self);
      gtk_widget_queue_draw (widget);
      return G_SOURCE_REMOVE;
    }
  apply (self, p);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static CanvasTransition *
transition_new (ReclaimCanvas *self)
{
  CanvasTransition *tr = g_new0 (CanvasTransition, 1);

  tr->duration = DURATION / MAX (self->animation_speed, 0.05);
  tr->cards = g_new0 (CardMotion, MAX (reclaim_scene_n_cards (self->scene), 1));
  tr->new_arrows = g_new0 (guint8, MAX (self->scene->arrows->len, 1));
  tr->ghosts = g_array_new (FALSE, TRUE, sizeof (ReclaimGhostArrow));
  tr->ghost_weak = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return tr;
}

static void
start (ReclaimCanvas *self, CanvasTransition *tr)
{
  self->transition = tr;
  apply (self, 0);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Arrows are the same arrow when they leave the same object's row of the
 * same name for the same object. */
static char *
arrow_key (const ReclaimScene *scene, const ReclaimArrow *arrow)
{
  const ReclaimRow *row = reclaim_scene_get_row (scene, arrow->row);
  return g_strdup_printf ("%u %u %d %s", reclaim_scene_get_card (scene, arrow->from)->id,
                          reclaim_scene_get_card (scene, arrow->to)->id, arrow->kind,
                          row->label ? row->label : "");
}

static GHashTable *
arrow_keys (const ReclaimScene *scene)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint a = 0; a < scene->arrows->len; a++)
    g_hash_table_add (keys, arrow_key (scene, &g_array_index (scene->arrows, ReclaimArrow, a)));
  return keys;
}

/* A freed object's card is built bare (no rows, no badges); while it
 * fades away it shows what it held, as the card the user was looking at
 * did. */
static void
dress_as_before (ReclaimScene *scene, ReclaimCard *card, const ReclaimScene *old, const ReclaimCard *was)
{
  guint index = card - reclaim_scene_get_card (scene, 0);

  card->first_row = scene->rows->len;
  card->n_rows = was->n_rows;
  for (guint r = 0; r < was->n_rows; r++)
    {
      ReclaimRow row = *reclaim_scene_get_row (old, was->first_row + r);
      row.label = row.label ? g_string_chunk_insert_const (scene->strings, row.label) : NULL;
      row.value = row.value ? g_string_chunk_insert_const (scene->strings, row.value) : NULL;
      /* no arrow leaves it: its references are the transition's ghosts */
      row.target = index;
      g_array_append_val (scene->rows, row);
    }
  card->x = was->x;
  card->y = was->y;
  card->width = was->width;
  card->height = was->height;
  card->label_width = was->label_width;
}

static gboolean
compare_cards (ReclaimCanvas *self, const ReclaimScene *old, CanvasTransition *tr)
{
  ReclaimScene *scene = self->scene;
  gboolean any = FALSE;

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      const ReclaimCard *was = reclaim_scene_find_card (old, card->id);
      CardMotion *m = &tr->cards[c];
      gboolean was_alive = was && !(was->flags & RECLAIM_CARD_FREED);
      if (card->flags & RECLAIM_CARD_FREED)
        {
          if (!was_alive)
            continue;   /* hidden when the transition ends */
          /* it goes where it was, as it was */
          dress_as_before (scene, card, old, was);
          m->flags |= MOTION_FREED;
        }
      else if (!was_alive)
        m->flags |= MOTION_NEW;
      else
        {
          m->from_x = was->x;
          m->from_y = was->y;
          m->to_x = card->x;
          m->to_y = card->y;
          if (fabs (was->x - card->x) + fabs (was->y - card->y) > 0.5)
            m->flags |= MOTION_MOVE;
          if (was->refcount != card->refcount && !(card->flags & RECLAIM_CARD_FRAME))
            m->flags |= MOTION_PULSE;
        }
      any |= m->flags != 0;
    }
  return any;
}

static gboolean
compare_arrows (ReclaimCanvas *self, const ReclaimScene *old, CanvasTransition *tr)
{
  ReclaimScene *scene = self->scene;
  g_autoptr (GHashTable) before = arrow_keys (old);
  g_autoptr (GHashTable) after = arrow_keys (scene);
  gboolean any = FALSE;

  for (guint a = 0; a < scene->arrows->len; a++)
    {
      g_autofree char *key = arrow_key (scene, &g_array_index (scene->arrows, ReclaimArrow, a));
      tr->new_arrows[a] = !g_hash_table_contains (before, key);
      any |= tr->new_arrows[a];
    }
  for (guint a = 0; a < old->arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (old->arrows, ReclaimArrow, a);
      g_autofree char *key = arrow_key (old, arrow);
      if (g_hash_table_contains (after, key))
        continue;
      ReclaimGhostArrow ghost = { .kind = arrow->kind };
      gboolean weak = arrow->kind == RECLAIM_ARROW_WEAK;
      reclaim_layout_arrow_path (old, arrow, &ghost.path);
      g_array_append_val (tr->ghosts, ghost);
      g_array_append_val (tr->ghost_weak, weak);
      any = TRUE;
    }
  return any;
}

/* Flashes the objects whose __del__ ran and the weakrefs whose callback
 * ran in events [since, position): the code they ran is Python code the
 * collector or a decref called. */
static gboolean
mark_code_that_ran (ReclaimCanvas *self, guint64 since, CanvasTransition *tr)
{
  ReclaimHeap *heap = reclaim_session_get_heap (self->session);
  guint64 position = reclaim_session_get_position (self->session);
  gboolean any = FALSE;

  for (guint64 i = since; i < position; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      ReclaimId id = ev.kind == RECLAIM_EV_FINALIZE ? ev.obj
                     : ev.kind == RECLAIM_EV_CALLBACK ? ev.x : 0;
      const ReclaimCard *card = id ? reclaim_scene_find_card (self->scene, id) : NULL;
      if (card == NULL)
        continue;
      tr->cards[card - reclaim_scene_get_card (self->scene, 0)].flags |= MOTION_RAN;
      any = TRUE;
    }
  return any;
}

gboolean
canvas_animate_change (ReclaimCanvas *self, ReclaimScene *old, gboolean small, guint64 since)
{
  CanvasTransition *tr;
  gboolean any;

  if (!small)
    {
      reclaim_scene_free (old);
      hide_freed (self);
      return FALSE;
    }
  tr = transition_new (self);
  any = compare_cards (self, old, tr);
  any |= compare_arrows (self, old, tr);
  any |= mark_code_that_ran (self, since, tr);
  reclaim_scene_free (old);
  if (!any)
    {
      transition_free (tr);
      hide_freed (self);
      return FALSE;
    }
  start (self, tr);
  return TRUE;
}

void
canvas_animate_moves (ReclaimCanvas *self, const double *from)
{
  CanvasTransition *tr = transition_new (self);
  gboolean any = FALSE;

  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      CardMotion *m = &tr->cards[c];
      *m = (CardMotion) { from[2 * c], from[2 * c + 1], card->x, card->y, 0 };
      if (fabs (m->from_x - m->to_x) + fabs (m->from_y - m->to_y) > 0.5)
        {
          m->flags = MOTION_MOVE;
          any = TRUE;
        }
    }
  if (!any)
    {
      transition_free (tr);
      return;
    }
  start (self, tr);
}

void
canvas_transition_decorate (ReclaimCanvas *self, ReclaimDecorations *deco)
{
  if (self->transition == NULL)
    return;
  deco->ghosts = (const ReclaimGhostArrow *) self->transition->ghosts->data;
  deco->n_ghosts = self->transition->ghosts->len;
}
