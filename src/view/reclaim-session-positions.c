/* reclaim-session-positions.c: where the session's cards go.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Card positions the user chose are kept by name (saved with the script);
 * the other cards keep the place the run's placement gave them.
 */

#include "reclaim-session-private.h"

/* The key of obj's chosen position: its name, or "#id" (no name has a '#'). */
static char *
position_key (ReclaimSession *self, ReclaimId obj)
{
  const char *name = reclaim_edit_name_of (self->names, obj);

  return name ? g_strdup (name) : g_strdup_printf ("#%u", obj);
}

gboolean
reclaim_session_get_card_position (ReclaimSession *self, ReclaimId obj, double *x, double *y)
{
  g_autofree char *key = position_key (self, obj);
  ReclaimEditPoint *point = g_hash_table_lookup (self->positions, key);

  if (point == NULL)
    return FALSE;
  *x = point->x;
  *y = point->y;
  return TRUE;
}

void
reclaim_session_set_card_position (ReclaimSession *self, ReclaimId obj, double x, double y)
{
  ReclaimEditPoint *point = g_new (ReclaimEditPoint, 1);

  point->x = x;
  point->y = y;
  g_hash_table_replace (self->positions, position_key (self, obj), point);
  if (self->placement_current)
    reclaim_placement_move_home (self->placement, obj, x, y);
  g_signal_emit (self, reclaim_session_signals[SIGNAL_POSITIONS_CHANGED], 0);
}

gboolean
reclaim_session_has_card_positions (ReclaimSession *self)
{
  return g_hash_table_size (self->positions) > 0;
}

void
reclaim_session_clear_card_positions (ReclaimSession *self)
{
  g_hash_table_remove_all (self->positions);
  reclaim_placement_forget (self->placement);
  self->placement_current = FALSE;
  g_signal_emit (self, reclaim_session_signals[SIGNAL_POSITIONS_CHANGED], 0);
}

static const char *
name_at_end (ReclaimId obj, gpointer self)
{
  return reclaim_edit_name_of (((ReclaimSession *) self)->names, obj);
}

static gboolean
chosen_position (ReclaimId obj, double *x, double *y, gpointer self)
{
  return reclaim_session_get_card_position (self, obj, x, y);
}

/* Gives every object of the run its place, once a run. */
static void
prepare_placement (ReclaimSession *self, const ReclaimLayoutOptions *options)
{
  if (!self->placement_current)
    {
      reclaim_placement_prepare (self->placement, self->timeline, options, name_at_end, chosen_position,
                                 self, !self->placement_afresh);
      self->placement_current = TRUE;
      self->placement_afresh = FALSE;
    }
}

void
reclaim_session_place_scene (ReclaimSession *self, ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  prepare_placement (self, options);
  reclaim_placement_apply (self->placement, scene);
}

void
reclaim_session_lay_out_scene (ReclaimSession *self, ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  g_return_if_fail (RECLAIM_IS_SESSION (self));

  prepare_placement (self, options);
  /* the layout's own places only matter for cards with no place yet: its
   * columns say in which order they are placed, each near what points at
   * it (a card alone needs no order) */
  reclaim_layout_size_cards (scene, options);
  if (reclaim_placement_count_homeless (self->placement, scene, 2) > 1)
    reclaim_layout_scene (scene, options);
  reclaim_placement_apply (self->placement, scene);
}

gboolean
reclaim_session_get_run_bounds (ReclaimSession *self, double *x0, double *y0, double *x1, double *y1)
{
  g_return_val_if_fail (RECLAIM_IS_SESSION (self), FALSE);

  return self->placement_current && reclaim_placement_get_bounds (self->placement, x0, y0, x1, y1);
}
