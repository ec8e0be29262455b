/* reclaim-canvas.c: the heap as a picture the user can point at and edit.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scene and its layout are rebuilt only when the session runs or
 * moves; every other change (selection, zoom, a card dragged, a frame of
 * an animation) only redraws the cached scene.
 */
#include "config.h"

#include "reclaim-canvas-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Moves of at most this many events are animated; farther is a jump. */
#define ANIMATE_MAX_EVENTS  20000
#define NUDGE_GAP           16.0

G_DEFINE_FINAL_TYPE (ReclaimCanvas, reclaim_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED,
  PROP_DARK,
  PROP_WEAK_TOOL,
  PROP_ANIMATION_SPEED,
  PROP_SHOW_LEGEND,
  N_PROPS
};

enum {
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- Coordinates --------------------------------------------------------- */

void
canvas_scene_to_widget (ReclaimCanvas *self, double sx, double sy, double *wx, double *wy)
{
  *wx = (sx - self->origin_x) * self->zoom;
  *wy = (sy - self->origin_y) * self->zoom;
}

void
canvas_widget_to_scene (ReclaimCanvas *self, double wx, double wy, double *sx, double *sy)
{
  *sx = self->origin_x + wx / self->zoom;
  *sy = self->origin_y + wy / self->zoom;
}

gint
canvas_card_index (ReclaimCanvas *self, ReclaimId id)
{
  ReclaimCard *card = id ? reclaim_scene_find_card (self->scene, id) : NULL;
  return card ? (gint) (card - reclaim_scene_get_card (self->scene, 0)) : -1;
}

gint
canvas_card_at (ReclaimCanvas *self, double sx, double sy)
{
  for (guint c = reclaim_scene_n_cards (self->scene); c-- > 0;)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      if ((card->flags & RECLAIM_CARD_FREED) || self->card_looks[c].fade >= 1)
        continue;
      if (sx >= card->x && sx < card->x + card->width && sy >= card->y && sy < card->y + card->height)
        return c;
    }
  return -1;
}

gboolean
canvas_animations_enabled (ReclaimCanvas *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && self->animation_speed > 0;
}

void
canvas_message (ReclaimCanvas *self, const GError *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
}

/* --- The scene ------------------------------------------------------------ */

static gboolean
cards_overlap (const ReclaimCard *a, const ReclaimCard *b, double gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

void
canvas_apply_positions (ReclaimCanvas *self)
{
  ReclaimScene *scene = self->scene;
  guint n = reclaim_scene_n_cards (scene);
  g_autofree gboolean *chosen = g_new0 (gboolean, n);
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < n; c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      double x, y;
      card->x = g_array_index (self->home, double, 2 * c);
      card->y = g_array_index (self->home, double, 2 * c + 1);
      if (self->session && reclaim_session_get_card_position (self->session, card->id, &x, &y))
        {
          card->x = x;
          card->y = y;
          chosen[c] = TRUE;
          g_array_append_val (placed, c);
        }
    }
  /* a card the layout put where the user put another moves down below it */
  for (guint c = 0; c < n && placed->len > 0; c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      if (chosen[c] || (card->flags & RECLAIM_CARD_FREED))
        continue;
      for (guint tries = 0; tries < placed->len + 1; tries++)
        {
          ReclaimCard *in_the_way = NULL;
          for (guint p = 0; p < placed->len && in_the_way == NULL; p++)
            {
              ReclaimCard *other = reclaim_scene_get_card (scene, g_array_index (placed, guint, p));
              if (cards_overlap (card, other, NUDGE_GAP))
                in_the_way = other;
            }
          if (in_the_way == NULL)
            break;
          card->y = in_the_way->y + in_the_way->height + NUDGE_GAP;
        }
    }
  g_array_unref (placed);
  reclaim_layout_arrange_arrows (scene);
}

static void
apply_highlight (ReclaimCanvas *self)
{
  ReclaimScene *scene = self->scene;
  g_autoptr (GHashTable) ids = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->highlight->len; i++)
    g_hash_table_add (ids, GUINT_TO_POINTER (g_array_index (self->highlight, ReclaimId, i)));
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    self->card_looks[c].highlighted =
      g_hash_table_contains (ids, GUINT_TO_POINTER (reclaim_scene_get_card (scene, c)->id));
  /* an arrow is on the path when both its ends are */
  for (guint a = 0; a < scene->arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      self->arrow_looks[a].highlighted = self->card_looks[arrow->from].highlighted &&
                                         self->card_looks[arrow->to].highlighted;
    }
}

/* The selection follows its object into the new scene, or is dropped. */
static void
keep_selection (ReclaimCanvas *self)
{
  ReclaimCard *card = self->selected ? reclaim_scene_find_card (self->scene, self->selected) : NULL;

  if (card == NULL || (card->flags & RECLAIM_CARD_FREED))
    {
      if (self->selected != 0)
        {
          self->selected = 0;
          self->selected_row = G_MAXUINT;
          self->arrow_selected = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
        }
      return;
    }
  if (self->selected_row != G_MAXUINT && self->selected_row >= card->n_rows)
    self->selected_row = G_MAXUINT;
  if (self->selected_row == G_MAXUINT ||
      !(reclaim_scene_get_row (self->scene, card->first_row + self->selected_row)->flags & RECLAIM_ROW_POINTER))
    self->arrow_selected = FALSE;
}

static gboolean
appended_one_line (const char *added)
{
  const char *newline = strchr (added, '\n');

  return *added != '\0' && (newline == NULL || newline[1] == '\0');
}

/* Where the cards are now is their home: where they are when the user
 * moved none. */
static void
remember_homes (ReclaimCanvas *self)
{
  guint n = reclaim_scene_n_cards (self->scene);

  g_array_set_size (self->home, 2 * n);
  for (guint c = 0; c < n; c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      g_array_index (self->home, double, 2 * c) = card->x;
      g_array_index (self->home, double, 2 * c + 1) = card->y;
    }
}

/* The scene's cards go to the places they keep for the whole run. */
static void
place_scene (ReclaimCanvas *self)
{
  ReclaimLayoutOptions options;

  reclaim_renderer_layout_options (self->renderer, &options);
  reclaim_session_place_scene (self->session, self->scene, &options);
  remember_homes (self);
}

/* A new scene: its cards sized and at their places. */
static void
lay_out_scene (ReclaimCanvas *self)
{
  ReclaimLayoutOptions options;

  reclaim_renderer_layout_options (self->renderer, &options);
  reclaim_session_lay_out_scene (self->session, self->scene, &options);
  remember_homes (self);
}

static void
rebuild_scene (ReclaimCanvas *self)
{
  ReclaimHeap *heap = reclaim_session_get_heap (self->session);
  const ReclaimTimeline *timeline = reclaim_session_get_timeline (self->session);
  const char *source = reclaim_session_get_source (self->session);
  guint64 position = reclaim_session_get_position (self->session);
  ReclaimSceneOptions options;
  gboolean small;

  reclaim_session_scene_options (self->session, &options);
  if (self->ran)
    {
      /* a canvas edit appends a statement: what it freed fades away;
       * a file loaded or a script rewritten is a new picture */
      guint n_steps = reclaim_timeline_n_steps (timeline);
      small = self->source != NULL && *self->source != '\0' && g_str_has_prefix (source, self->source) &&
              appended_one_line (source + strlen (self->source)) && position == timeline->end;
      options.show_freed = small && canvas_animations_enabled (self);
      options.freed_since = reclaim_timeline_step_position (timeline, n_steps > 0 ? n_steps - 1 : 0);
    }
  else
    {
      /* a step or an event is animated; scrubbing further is a jump */
      guint64 delta = position > self->position ? position - self->position : self->position - position;
      guint step = reclaim_session_get_step (self->session);
      guint steps = step > self->step ? step - self->step : self->step - step;
      small = self->scene != NULL && delta > 0 && delta <= ANIMATE_MAX_EVENTS && steps <= 1;
      options.show_freed = small && position > self->position && canvas_animations_enabled (self);
      options.freed_since = self->position;
    }

  ReclaimScene *old = self->scene;
  canvas_stop_animation (self);
  self->scene = reclaim_scene_new (heap, &options);
  lay_out_scene (self);

  guint n = reclaim_scene_n_cards (self->scene);
  g_free (self->card_looks);
  g_free (self->arrow_looks);
  self->card_looks = g_new0 (ReclaimCardLook, MAX (n, 1));
  self->arrow_looks = g_new0 (ReclaimArrowLook, MAX (self->scene->arrows->len, 1));
  canvas_apply_positions (self);
  apply_highlight (self);
  keep_selection (self);

  self->position = position;
  self->step = reclaim_session_get_step (self->session);
  g_free (self->source);
  self->source = g_strdup (source);
  self->ran = FALSE;
  self->hover_card = -1;

  if (old != NULL)
    canvas_animate_change (self, old, small && canvas_animations_enabled (self), options.freed_since);
  canvas_keep_in_view (self);
  canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ReclaimScene *
reclaim_canvas_get_scene (ReclaimCanvas *self)
{
  g_return_val_if_fail (RECLAIM_IS_CANVAS (self), NULL);
  return self->scene;
}

static void
session_ran (ReclaimSession *session, ReclaimCanvas *self)
{
  /* "moved" follows at once: the scene is built then, once */
  self->ran = TRUE;
}

static void
session_moved (ReclaimSession *session, ReclaimCanvas *self)
{
  rebuild_scene (self);
}

static void
session_positions_changed (ReclaimSession *session, ReclaimCanvas *self)
{
  guint n = reclaim_scene_n_cards (self->scene);
  g_autofree double *from = g_new (double, 2 * MAX (n, 1));

  if (self->drag == DRAG_CARD || self->transition != NULL)
    return;   /* the canvas is where the change came from */
  /* cards in the way of one the user put down glide out of it */
  for (guint c = 0; c < n; c++)
    {
      from[2 * c] = reclaim_scene_get_card (self->scene, c)->x;
      from[2 * c + 1] = reclaim_scene_get_card (self->scene, c)->y;
    }
  place_scene (self);
  canvas_apply_positions (self);
  if (canvas_animations_enabled (self))
    canvas_animate_moves (self, from);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
reclaim_canvas_set_session (ReclaimCanvas *self, ReclaimSession *session)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  g_return_if_fail (session == NULL || RECLAIM_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  canvas_stop_animation (self);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->scene, reclaim_scene_free);
  g_clear_pointer (&self->source, g_free);
  self->placed = FALSE;
  self->selected = 0;
  self->selected_row = G_MAXUINT;
  self->arrow_selected = FALSE;
  if (session)
    {
      g_signal_connect (session, "ran", G_CALLBACK (session_ran), self);
      g_signal_connect (session, "moved", G_CALLBACK (session_moved), self);
      g_signal_connect (session, "positions-changed", G_CALLBACK (session_positions_changed), self);
      rebuild_scene (self);
    }
  else
    {
      self->scene = reclaim_scene_new_empty ();
      reclaim_scene_finish (self->scene);
      g_array_set_size (self->home, 0);
    }
  canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

ReclaimSession *
reclaim_canvas_get_session (ReclaimCanvas *self)
{
  return self->session;
}

void
reclaim_canvas_set_highlight (ReclaimCanvas *self, const ReclaimId *ids, guint n_ids)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));

  g_array_set_size (self->highlight, 0);
  if (ids != NULL && n_ids > 0)
    g_array_append_vals (self->highlight, ids, n_ids);
  apply_highlight (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
reclaim_canvas_tidy (ReclaimCanvas *self)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));

  canvas_stop_animation (self);
  /* every card's place is chosen again, from this run's layout: the
   * cards glide there (session_positions_changed) */
  if (self->session)
    reclaim_session_clear_card_positions (self->session);
}

/* --- Selection ------------------------------------------------------------ */

static void
describe_selection (ReclaimCanvas *self)
{
  gint c = canvas_card_index (self, self->selected);
  g_autofree char *text = NULL;

  if (c < 0)
    text = g_strdup (_("Nothing selected. Tab moves between objects; the Menu key opens the canvas menu."));
  else
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      g_autofree char *name = self->session ? reclaim_session_name_of (self->session, card->id) : NULL;
      if (self->selected_row != G_MAXUINT)
        {
          const ReclaimRow *row = reclaim_scene_get_row (self->scene, card->first_row + self->selected_row);
          const char *value = row->value;
          if (row->flags & RECLAIM_ROW_POINTER)
            value = reclaim_scene_get_card (self->scene, row->target)->title;
          /* TRANSLATORS: a row of a card, as in "next of n1: Node" — the row's
           * name, the object's name, then the row's value */
          text = g_strdup_printf ((row->flags & RECLAIM_ROW_WEAK) ? _("%s of %s: weak reference to %s")
                                                                 : _("%s of %s: %s"),
                                  row->label ? row->label : _("item"), name ? name : card->title,
                                  value ? value : "");
        }
      else if (card->flags & RECLAIM_CARD_FRAME)
        /* TRANSLATORS: a frame's card: its title and how many variables it shows */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u variable", "%s, %u variables", card->n_rows),
                                card->title, card->n_rows);
      else
        /* TRANSLATORS: an object's card: its name, its title (its type), its
         * reference count and how many rows it shows */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s), reference count %u, %u row",
                                             "%s (%s), reference count %u, %u rows", card->n_rows),
                                name ? name : card->title, card->title, card->refcount, card->n_rows);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
canvas_select (ReclaimCanvas *self, ReclaimId id, guint row, gboolean arrow)
{
  gboolean changed = id != self->selected;

  self->selected = id;
  self->selected_row = id ? row : G_MAXUINT;
  self->arrow_selected = id && row != G_MAXUINT && arrow;
  canvas_update_actions (self);
  describe_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

ReclaimId
reclaim_canvas_get_selected (ReclaimCanvas *self)
{
  return self->selected;
}

void
reclaim_canvas_set_selected (ReclaimCanvas *self, ReclaimId id)
{
  g_return_if_fail (RECLAIM_IS_CANVAS (self));
  if (id != 0 && canvas_card_index (self, id) < 0)
    id = 0;
  if (id == self->selected && self->selected_row == G_MAXUINT)
    return;
  canvas_select (self, id, G_MAXUINT, FALSE);
}

/* The row selected, if any. */
const ReclaimRow *
canvas_selected_row (ReclaimCanvas *self, ReclaimCard **card_out)
{
  ReclaimCard *card = self->selected ? reclaim_scene_find_card (self->scene, self->selected) : NULL;

  if (card_out)
    *card_out = card;
  if (card == NULL || self->selected_row == G_MAXUINT || self->selected_row >= card->n_rows)
    return NULL;
  return reclaim_scene_get_row (self->scene, card->first_row + self->selected_row);
}

/* --- The widget ------------------------------------------------------------- */

/* Nothing to look at: no object, only a frame without variables. */
static gboolean
canvas_is_empty (ReclaimCanvas *self)
{
  for (guint c = 0; c < reclaim_scene_n_cards (self->scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (self->scene, c);
      if (!(card->flags & RECLAIM_CARD_FRAME) || card->n_rows > 0)
        return FALSE;
    }
  return TRUE;
}

/* An empty canvas says how to begin, in its middle. */
static void
snapshot_empty_hint (ReclaimCanvas *self, GtkSnapshot *snapshot, double width, double height)
{
  g_autoptr (PangoLayout) layout =
    gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                    _("Double-click here to make an object,\nor type Python in the script."));
  GdkRGBA color;
  int text_width, text_height;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, (int) MAX (width - 48, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  color.alpha *= 0.6;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (float) (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
reclaim_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  ReclaimViewport viewport = { self->origin_x, self->origin_y, self->zoom, width, height };
  ReclaimDecorations deco;
  ReclaimCard *card;
  const ReclaimRow *row = canvas_selected_row (self, &card);
  gint c = card ? (gint) (card - reclaim_scene_get_card (self->scene, 0)) : -1;

  if (width <= 0 || height <= 0)
    return;
  reclaim_decorations_init (&deco);
  deco.cards = self->card_looks;
  deco.arrows = self->arrow_looks;
  deco.highlighting = self->highlight->len > 0;
  if (c >= 0 && row == NULL)
    deco.selected_card = c;
  else if (row && self->arrow_selected)
    {
      for (guint a = 0; a < self->scene->arrows->len; a++)
        if (g_array_index (self->scene->arrows, ReclaimArrow, a).row == card->first_row + self->selected_row)
          deco.selected_arrow = a;
    }
  else if (row)
    deco.selected_row = card->first_row + self->selected_row;
  deco.handle_card = self->hover_card >= 0 ? (guint) self->hover_card : c >= 0 ? (guint) c : G_MAXUINT;
  if (self->drag == DRAG_REFERENCE)
    {
      deco.dragging = TRUE;
      deco.drag_weak = self->drag_weak;
      canvas_widget_to_scene (self, self->drag_start_x, self->drag_start_y, &deco.drag_x0, &deco.drag_y0);
      deco.drag_x1 = self->drag_x;
      deco.drag_y1 = self->drag_y;
    }
  canvas_transition_decorate (self, &deco);

  /* an empty frame alone says nothing: the hint says what to do */
  if (canvas_is_empty (self))
    {
      snapshot_empty_hint (self, snapshot, width, height);
      return;
    }
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  reclaim_renderer_draw_decorated (self->renderer, cr, self->scene, &viewport, &deco);
  if (self->show_legend)
    canvas_draw_legend (self, cr, width, height);
  cairo_destroy (cr);
}

static void
reclaim_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (widget);

  canvas_follow_size (self, width, height);
  if (self->name_popover)
    gtk_popover_present (GTK_POPOVER (self->name_popover));
  if (self->context_menu)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
reclaim_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 100;
  *natural = 600;
}

static void
reclaim_canvas_dispose (GObject *object)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (object);

  canvas_stop_animation (self);
  canvas_teardown_input (self);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (reclaim_canvas_parent_class)->dispose (object);
}

static void
reclaim_canvas_finalize (GObject *object)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (object);

  g_clear_pointer (&self->scene, reclaim_scene_free);
  g_clear_pointer (&self->renderer, reclaim_renderer_free);
  g_array_unref (self->home);
  g_array_unref (self->highlight);
  g_free (self->card_looks);
  g_free (self->arrow_looks);
  g_free (self->source);

  G_OBJECT_CLASS (reclaim_canvas_parent_class)->finalize (object);
}

static void
reclaim_canvas_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_WEAK_TOOL:
      g_value_set_boolean (value, self->weak_tool);
      break;
    case PROP_ANIMATION_SPEED:
      g_value_set_double (value, self->animation_speed);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reclaim_canvas_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ReclaimCanvas *self = RECLAIM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      reclaim_canvas_set_session (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      reclaim_canvas_set_selected (self, g_value_get_uint (value));
      break;
    case PROP_DARK:
      if (self->dark != g_value_get_boolean (value))
        {
          self->dark = g_value_get_boolean (value);
          reclaim_renderer_set_theme (self->renderer, self->dark ? RECLAIM_THEME_DARK : RECLAIM_THEME_LIGHT);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEAK_TOOL:
      if (self->weak_tool != g_value_get_boolean (value))
        {
          self->weak_tool = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ANIMATION_SPEED:
      if (self->animation_speed != g_value_get_double (value))
        {
          self->animation_speed = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_LEGEND:
      if (self->show_legend != g_value_get_boolean (value))
        {
          self->show_legend = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reclaim_canvas_class_init (ReclaimCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reclaim_canvas_dispose;
  object_class->finalize = reclaim_canvas_finalize;
  object_class->get_property = reclaim_canvas_get_property;
  object_class->set_property = reclaim_canvas_set_property;
  widget_class->snapshot = reclaim_canvas_snapshot;
  widget_class->size_allocate = reclaim_canvas_size_allocate;
  widget_class->measure = reclaim_canvas_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RECLAIM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEAK_TOOL] =
    g_param_spec_boolean ("weak-tool", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANIMATION_SPEED] =
    g_param_spec_double ("animation-speed", NULL, NULL, 0, 10, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the key to the colours and outlines, drawn over the cards */
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  canvas_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
reclaim_canvas_init (ReclaimCanvas *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  self->animation_speed = 1;
  self->show_legend = TRUE;
  self->zoom = 1;
  self->home = g_array_new (FALSE, TRUE, sizeof (double));
  self->highlight = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  self->selected_row = G_MAXUINT;
  self->hover_card = -1;
  self->scene = reclaim_scene_new_empty ();
  reclaim_scene_finish (self->scene);
  self->card_looks = g_new0 (ReclaimCardLook, 1);
  self->arrow_looks = g_new0 (ReclaimArrowLook, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (canvas_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  canvas_setup_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heap"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The objects of the script and the references between them. "
                                    "Tab and the arrow keys move between objects and their rows; "
                                    "Delete removes the selected reference; the Menu key opens the canvas menu."),
                                  -1);
  canvas_update_actions (self);
}

GtkWidget *
reclaim_canvas_new (void)
{
  return g_object_new (RECLAIM_TYPE_CANVAS, NULL);
}
