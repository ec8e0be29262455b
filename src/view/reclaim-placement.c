/* reclaim-placement.c: one place per card for the whole run.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-placement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Merging builds a scene per statement boundary; a long run is sampled so
 * that merging builds about this many cards at most (some tens of
 * milliseconds), judged by the scene at the script's end. */
#define MAX_MERGED_CARDS  30000
#define MAX_SAMPLES       400
/* A new card slides down past at most this many cards in its way; then
 * it goes below them all. */
#define MAX_SLIDES        64
/* New cards are placed one by one against every home; beyond this many
 * at once, the layered layout of them all is kept instead. */
#define MAX_PLACED_ONE_BY_ONE 300

typedef struct {
  double x, y, width, height;
  char  *name;    /* at the script's end, or NULL */
  char  *title;
} Home;

struct _ReclaimPlacement {
  GHashTable *homes;      /* char *key -> Home */
  /* The homes of objects' cards again, by id (NULL: none), so that a step
   * finds its cards' homes without making their keys. */
  GPtrArray  *by_id;
  double      column_gap;
  double      card_gap;
};

static void
home_free (Home *home)
{
  g_free (home->name);
  g_free (home->title);
  g_free (home);
}

static GHashTable *
homes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) home_free);
}

ReclaimPlacement *
reclaim_placement_new (void)
{
  ReclaimPlacement *placement = g_new0 (ReclaimPlacement, 1);

  placement->homes = homes_new ();
  placement->by_id = g_ptr_array_new ();
  placement->column_gap = RECLAIM_LAYOUT_COLUMN_GAP;
  placement->card_gap = RECLAIM_LAYOUT_CARD_GAP;
  return placement;
}

void
reclaim_placement_free (ReclaimPlacement *placement)
{
  if (placement == NULL)
    return;
  g_hash_table_unref (placement->homes);
  g_ptr_array_unref (placement->by_id);
  g_free (placement);
}

gboolean
reclaim_placement_get_bounds (ReclaimPlacement *placement, double *x0, double *y0, double *x1, double *y1)
{
  GHashTableIter iter;
  gpointer value;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  g_hash_table_iter_init (&iter, placement->homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Home *home = value;
      *x0 = MIN (*x0, home->x);
      *y0 = MIN (*y0, home->y);
      *x1 = MAX (*x1, home->x + home->width);
      *y1 = MAX (*y1, home->y + home->height);
    }
  return g_hash_table_size (placement->homes) > 0;
}

static void
remove_all_homes (ReclaimPlacement *placement)
{
  g_hash_table_remove_all (placement->homes);
  g_ptr_array_set_size (placement->by_id, 0);
}

void
reclaim_placement_forget (ReclaimPlacement *placement)
{
  remove_all_homes (placement);
}

/* "#" and the object's id: the key of its home.  Written by hand, as a
 * step makes one for every card it shows. */
static char *
object_key (ReclaimId id)
{
  char text[16];
  guint i = sizeof text;

  text[--i] = '\0';
  do
    text[--i] = '0' + id % 10;
  while ((id /= 10) > 0);
  text[--i] = '#';
  return g_strdup (text + i);
}

/* Objects by id; frames by depth and title, so that the frame of the
 * same function at the same depth has one place across calls. */
static char *
card_key (const ReclaimScene *scene, guint c)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, c);

  if (card->flags & RECLAIM_CARD_FRAME)
    return g_strdup_printf ("frame %u %s", c, card->title);
  return object_key (card->id);
}

static void
set_home (ReclaimPlacement *placement, char *key, const ReclaimCard *card, double x, double y,
          const char *name)
{
  Home *home = g_new0 (Home, 1);

  home->x = x;
  home->y = y;
  home->width = card->width;
  home->height = card->height;
  home->name = g_strdup (name);
  home->title = g_strdup (card->title);
  g_hash_table_replace (placement->homes, key, home);
  if (!(card->flags & RECLAIM_CARD_FRAME))
    {
      if (card->id >= placement->by_id->len)
        g_ptr_array_set_size (placement->by_id, card->id + 1);
      g_ptr_array_index (placement->by_id, card->id) = home;
    }
}

/* The home of card c, or NULL. */
static Home *
find_home (ReclaimPlacement *placement, const ReclaimScene *scene, guint c)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, c);

  if (card->flags & RECLAIM_CARD_FRAME)
    {
      g_autofree char *key = card_key (scene, c);
      return g_hash_table_lookup (placement->homes, key);
    }
  return card->id < placement->by_id->len ? g_ptr_array_index (placement->by_id, card->id) : NULL;
}

/* ---- merging the run's scenes -------------------------------------------- */

typedef struct {
  char  *label;
  char  *value;
  guint  flags;
  char  *target;     /* the key of the card it points at */
} MergedRow;

typedef struct {
  char       *key;
  ReclaimId   id;
  ReclaimKind kind;
  char       *title;
  char       *name;          /* the longest it had: the widest header */
  guint       flags;
  guint32     refcount;      /* the largest: the widest badge */
  guint       n_weakrefs;
  guint       depth;         /* frames: in the stack */
  GArray     *rows;          /* MergedRow: the most the object ever shows */
} Merged;

static void
merged_row_clear (MergedRow *row)
{
  g_free (row->label);
  g_free (row->value);
  g_free (row->target);
}

static void
merged_free (Merged *m)
{
  g_free (m->key);
  g_free (m->title);
  g_free (m->name);
  g_array_unref (m->rows);
  g_free (m);
}

static void
merge_card (GHashTable *merged, const ReclaimScene *scene, guint c)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, c);
  g_autofree char *key = card_key (scene, c);
  Merged *m = g_hash_table_lookup (merged, key);

  if (m == NULL)
    {
      m = g_new0 (Merged, 1);
      m->key = g_strdup (key);
      m->id = (card->flags & RECLAIM_CARD_FRAME) ? 0 : card->id;
      m->kind = card->kind;
      m->title = g_strdup (card->title);
      m->depth = c;
      m->rows = g_array_new (FALSE, TRUE, sizeof (MergedRow));
      g_array_set_clear_func (m->rows, (GDestroyNotify) merged_row_clear);
      g_hash_table_insert (merged, m->key, m);
    }
  m->flags |= card->flags & ~(RECLAIM_CARD_FREED | RECLAIM_CARD_MORE_ROWS);
  m->refcount = MAX (m->refcount, card->refcount);
  m->n_weakrefs = MAX (m->n_weakrefs, card->n_weakrefs);
  if (card->name != NULL && (m->name == NULL || strlen (card->name) > strlen (m->name)))
    {
      g_free (m->name);
      m->name = g_strdup (card->name);
    }
  if (card->n_rows < m->rows->len)
    return;
  g_array_set_size (m->rows, 0);
  for (guint r = 0; r < card->n_rows; r++)
    {
      const ReclaimRow *row = reclaim_scene_get_row (scene, card->first_row + r);
      MergedRow copy = {
        .label = g_strdup (row->label),
        .value = g_strdup (row->value),
        .flags = row->flags,
        .target = (row->flags & RECLAIM_ROW_POINTER) ? card_key (scene, row->target) : NULL,
      };
      g_array_append_val (m->rows, copy);
    }
}

/* Frames first, by depth, as a scene wants them; then objects by id. */
static int
compare_merged (const void *a, const void *b)
{
  const Merged *ma = *(Merged *const *) a, *mb = *(Merged *const *) b;
  gboolean fa = (ma->flags & RECLAIM_CARD_FRAME) != 0, fb = (mb->flags & RECLAIM_CARD_FRAME) != 0;

  if (fa != fb)
    return fa ? -1 : 1;
  if (fa && ma->depth != mb->depth)
    return ma->depth < mb->depth ? -1 : 1;
  if (fa)
    return strcmp (ma->title, mb->title);
  return ma->id < mb->id ? -1 : ma->id > mb->id;
}

static ReclaimScene *
merged_scene (GHashTable *merged)
{
  ReclaimScene *scene = reclaim_scene_new_empty ();
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  guint n = sorted->len;

  g_ptr_array_sort (sorted, compare_merged);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, ((Merged *) sorted->pdata[i])->key, GUINT_TO_POINTER (i));
  for (guint i = 0; i < n; i++)
    {
      Merged *m = sorted->pdata[i];
      ReclaimCard *card = reclaim_scene_add_card (scene, m->id, m->kind, m->title, m->flags);
      card->refcount = m->refcount;
      card->n_weakrefs = m->n_weakrefs;
      card->name = m->name ? g_string_chunk_insert_const (scene->strings, m->name) : NULL;
      for (guint r = 0; r < m->rows->len; r++)
        {
          const MergedRow *row = &g_array_index (m->rows, MergedRow, r);
          gpointer target;
          guint flags = row->flags;
          if (row->target == NULL || !g_hash_table_lookup_extended (index, row->target, NULL, &target))
            {
              flags &= ~RECLAIM_ROW_POINTER;
              target = GUINT_TO_POINTER (0);
            }
          reclaim_scene_add_row (scene, row->label, row->value, GPOINTER_TO_UINT (target), flags);
        }
    }
  g_ptr_array_unref (sorted);
  reclaim_scene_finish (scene);
  return scene;
}

static void
merge_scene_at (GHashTable *merged, ReclaimHeap *heap, guint64 position, const ReclaimSceneOptions *options,
                guint *n_cards)
{
  reclaim_heap_seek (heap, position);
  g_autoptr (ReclaimScene) scene = reclaim_scene_new (heap, options);
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    merge_card (merged, scene, c);
  *n_cards = reclaim_scene_n_cards (scene);
}

/* Every card the run shows at a statement's boundary, as one scene. */
static ReclaimScene *
merge_run (const ReclaimTimeline *timeline)
{
  ReclaimHeap *heap = timeline->heap;
  g_autoptr (GHashTable) merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) merged_free);
  ReclaimSceneOptions options;
  guint n_steps = reclaim_timeline_n_steps (timeline), n_cards;

  reclaim_timeline_scene_options (timeline, &options);
  options.show_freed = FALSE;
  /* the script's end first: its size says how many boundaries to visit */
  merge_scene_at (merged, heap, timeline->end, &options, &n_cards);
  guint64 budget = (guint64) MAX (n_cards, 1) * n_steps / MAX_MERGED_CARDS;
  guint stride = MAX ((guint) MIN (budget, G_MAXUINT / 2), (n_steps + MAX_SAMPLES - 1) / MAX_SAMPLES);
  stride = MAX (stride, 1);
  for (guint s = 0; s < n_steps; s += stride)
    merge_scene_at (merged, heap, reclaim_timeline_step_position (timeline, s), &options, &n_cards);
  return merged_scene (merged);
}

/* ---- placing one card ----------------------------------------------------- */

static gboolean
rectangles_meet (double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh,
                 double gap)
{
  return ax < bx + bw + gap && bx < ax + aw + gap && ay < by + bh + gap && by < ay + ah + gap;
}

/* The home a card of w x h at (x, y) would overlap (with room for the
 * gaps), or NULL. */
static const Home *
home_in_the_way (ReclaimPlacement *placement, double x, double y, double w, double h, double gap)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, placement->homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Home *home = value;
      if (rectangles_meet (x, y, w, h, home->x, home->y, home->width, home->height, gap))
        return home;
    }
  return NULL;
}

/* Where a new card would like to go: right of the first card with a home
 * pointing at it, level with the row that points; else in the first
 * column of objects, at the top. */
static void
wished_place (ReclaimPlacement *placement, const ReclaimScene *scene, guint c, double *x, double *y)
{
  double frames_right = RECLAIM_LAYOUT_MARGIN - placement->column_gap;
  GHashTableIter iter;
  gpointer key, value;

  for (guint a = 0; a < scene->arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      if (arrow->to != c || arrow->from == c)
        continue;
      const Home *from = find_home (placement, scene, arrow->from);
      if (from == NULL)
        continue;
      const ReclaimCard *from_card = reclaim_scene_get_card (scene, arrow->from);
      double row_middle = reclaim_layout_row_top (from_card, arrow->row - from_card->first_row) - from_card->y +
                          RECLAIM_LAYOUT_ROW_HEIGHT / 2;
      *x = from->x + from->width + placement->column_gap;
      *y = MAX (RECLAIM_LAYOUT_MARGIN, from->y + row_middle - RECLAIM_LAYOUT_HEADER_HEIGHT / 2);
      return;
    }
  g_hash_table_iter_init (&iter, placement->homes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "frame "))
      frames_right = MAX (frames_right, ((Home *) value)->x + ((Home *) value)->width);
  *x = frames_right + placement->column_gap;
  *y = RECLAIM_LAYOUT_MARGIN;
}

/* The bottom of the lowest home, or where a first card would go. */
static double
homes_bottom (ReclaimPlacement *placement)
{
  double bottom = RECLAIM_LAYOUT_MARGIN - placement->card_gap;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, placement->homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    bottom = MAX (bottom, ((Home *) value)->y + ((Home *) value)->height);
  return bottom;
}

/* A home for card c near what points at it, on no other home: the wished
 * place, or the first free one below it. */
static void
place_near (ReclaimPlacement *placement, const ReclaimScene *scene, guint c, const char *name)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, c);
  double x, y;
  const Home *hit = NULL;

  wished_place (placement, scene, c, &x, &y);
  for (guint slides = 0; slides < MAX_SLIDES; slides++)
    {
      hit = home_in_the_way (placement, x, y, card->width, card->height, placement->card_gap);
      if (hit == NULL)
        break;
      y = hit->y + hit->height + placement->card_gap;
    }
  if (hit != NULL)
    y = homes_bottom (placement) + placement->card_gap;
  set_home (placement, card_key (scene, c), card, round (x), round (y), name);
}

static int
compare_by_column (gconstpointer a, gconstpointer b, gpointer scene)
{
  const ReclaimCard *ca = reclaim_scene_get_card (scene, *(const guint *) a);
  const ReclaimCard *cb = reclaim_scene_get_card (scene, *(const guint *) b);

  if (ca->column != cb->column)
    return ca->column < cb->column ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* Places cards (indices) the scene's layout put: one by one near what
 * points at them, in the layout's column order so that a card's referrer
 * usually has its home first; too many at once keep their layered places,
 * set below every home. */
static void
place_new_cards (ReclaimPlacement *placement, const ReclaimScene *scene, GArray *cards, const char *const *names)
{
  if (cards->len > MAX_PLACED_ONE_BY_ONE)
    {
      double bottom = homes_bottom (placement), top = G_MAXDOUBLE;
      for (guint i = 0; i < cards->len; i++)
        top = MIN (top, reclaim_scene_get_card (scene, g_array_index (cards, guint, i))->y);
      for (guint i = 0; i < cards->len; i++)
        {
          guint c = g_array_index (cards, guint, i);
          const ReclaimCard *card = reclaim_scene_get_card (scene, c);
          set_home (placement, card_key (scene, c), card, card->x, card->y - top + bottom + placement->card_gap,
                    names ? names[c] : NULL);
        }
      return;
    }
  g_array_sort_with_data (cards, compare_by_column, (gpointer) scene);
  for (guint i = 0; i < cards->len; i++)
    {
      guint c = g_array_index (cards, guint, i);
      place_near (placement, scene, c, names ? names[c] : NULL);
    }
}

/* ---- preparing a run ------------------------------------------------------ */

static GHashTable *
homes_by_name (GHashTable *homes)
{
  GHashTable *by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Home *) value)->name != NULL)
      g_hash_table_insert (by_name, ((Home *) value)->name, value);
  return by_name;
}

/* The previous run's home of card c: by name, else by key when the
 * object is of the same type and was not known by another name. */
static const Home *
previous_home (GHashTable *previous, GHashTable *by_name, const ReclaimScene *scene, guint c, const char *name)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, c);
  g_autofree char *key = card_key (scene, c);
  const Home *home = name ? g_hash_table_lookup (by_name, name) : NULL;

  if (home != NULL)
    return home;
  home = g_hash_table_lookup (previous, key);
  if (home == NULL || g_strcmp0 (home->title, card->title) != 0 ||
      (home->name != NULL && name != NULL))
    return NULL;
  return home;
}

/* Frames keep their previous homes too, in stack order; one that would
 * now overlap the frame above it (grown by a variable) goes below that
 * one, and a new frame takes the new layout's place below the last. */
static void
keep_previous_frames (ReclaimPlacement *placement, const ReclaimScene *merged, GHashTable *previous)
{
  double below = -G_MAXDOUBLE;

  for (guint c = 0; c < merged->n_frames; c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (merged, c);
      g_autofree char *key = card_key (merged, c);
      const Home *old = g_hash_table_lookup (previous, key);
      double x = old ? old->x : card->x, y = old ? old->y : card->y;
      if (home_in_the_way (placement, x, y, card->width, card->height, 0) != NULL)
        y = MAX (y, below);
      set_home (placement, g_steal_pointer (&key), card, x, y, NULL);
      below = y + card->height + placement->card_gap;
    }
}

/* Frames and objects keep their previous homes where nothing is in the
 * way; the rest are placed as new.  FALSE when too much is new to keep
 * anything. */
static gboolean
keep_previous_homes (ReclaimPlacement *placement, const ReclaimScene *merged, GHashTable *previous,
                     const char *const *names)
{
  g_autoptr (GHashTable) by_name = homes_by_name (previous);
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));

  keep_previous_frames (placement, merged, previous);
  for (guint c = merged->n_frames; c < reclaim_scene_n_cards (merged); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (merged, c);
      const Home *old = previous_home (previous, by_name, merged, c, names[c]);
      if (old != NULL && home_in_the_way (placement, old->x, old->y, card->width, card->height, 0) == NULL)
        set_home (placement, card_key (merged, c), card, old->x, old->y, names[c]);
      else
        g_array_append_val (unplaced, c);
    }
  if (unplaced->len > MAX_PLACED_ONE_BY_ONE)
    return FALSE;
  place_new_cards (placement, merged, unplaced, names);
  return TRUE;
}

/* Moves the homes that meet `home` down below it, and those they then
 * meet, and so on: a home moved is checked again. */
static void
push_out_of_the_way (ReclaimPlacement *placement, const Home *home)
{
  g_autoptr (GQueue) moved = g_queue_new ();
  guint budget = 4 * g_hash_table_size (placement->homes);

  g_queue_push_tail (moved, (gpointer) home);
  while (!g_queue_is_empty (moved) && budget-- > 0)
    {
      const Home *mover = g_queue_pop_head (moved);
      GHashTableIter iter;
      gpointer value;
      g_hash_table_iter_init (&iter, placement->homes);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Home *other = value;
          if (other == home || other == mover ||
              !rectangles_meet (mover->x, mover->y, mover->width, mover->height, other->x, other->y,
                                other->width, other->height, placement->card_gap))
            continue;
          other->y = mover->y + mover->height + placement->card_gap;
          g_queue_push_tail (moved, other);
        }
    }
}

void
reclaim_placement_move_home (ReclaimPlacement *placement, ReclaimId obj, double x, double y)
{
  g_autofree char *key = object_key (obj);
  Home *home = g_hash_table_lookup (placement->homes, key);

  if (home == NULL)
    return;
  home->x = x;
  home->y = y;
  push_out_of_the_way (placement, home);
}

/* The positions the user chose become the homes of their cards. */
static void
take_chosen_positions (ReclaimPlacement *placement, const ReclaimScene *merged, ReclaimPlacementChosenFunc chosen,
                       gpointer user_data)
{
  for (guint c = merged->n_frames; c < reclaim_scene_n_cards (merged) && chosen; c++)
    {
      ReclaimId id = reclaim_scene_get_card (merged, c)->id;
      double x, y;
      if (chosen (id, &x, &y, user_data))
        reclaim_placement_move_home (placement, id, x, y);
    }
}

void
reclaim_placement_prepare (ReclaimPlacement *placement, const ReclaimTimeline *timeline,
                           const ReclaimLayoutOptions *options, ReclaimPlacementNameFunc name_of,
                           ReclaimPlacementChosenFunc chosen, gpointer user_data, gboolean keep_previous)
{
  ReclaimHeap *heap = timeline->heap;
  guint64 position = reclaim_heap_get_position (heap);
  g_autoptr (GHashTable) previous = placement->homes;

  placement->homes = homes_new ();
  g_ptr_array_set_size (placement->by_id, 0);
  placement->column_gap = options && options->column_gap > 0 ? options->column_gap : RECLAIM_LAYOUT_COLUMN_GAP;
  placement->card_gap = options && options->card_gap > 0 ? options->card_gap : RECLAIM_LAYOUT_CARD_GAP;

  g_autoptr (ReclaimScene) merged = merge_run (timeline);
  reclaim_heap_seek (heap, position);
  reclaim_layout_scene (merged, options);

  guint n = reclaim_scene_n_cards (merged);
  g_autofree const char **names = g_new0 (const char *, MAX (n, 1));
  for (guint c = merged->n_frames; c < n && name_of; c++)
    names[c] = name_of (reclaim_scene_get_card (merged, c)->id, user_data);

  if (!keep_previous || g_hash_table_size (previous) == 0 ||
      !keep_previous_homes (placement, merged, previous, names))
    {
      remove_all_homes (placement);
      for (guint c = 0; c < n; c++)
        {
          const ReclaimCard *card = reclaim_scene_get_card (merged, c);
          set_home (placement, card_key (merged, c), card, card->x, card->y, names[c]);
        }
    }
  take_chosen_positions (placement, merged, chosen, user_data);
}

/* ---- a scene at its homes -------------------------------------------------- */

guint
reclaim_placement_count_homeless (ReclaimPlacement *placement, const ReclaimScene *scene, guint at_most)
{
  guint n = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (scene) && n < at_most; c++)
    if (find_home (placement, scene, c) == NULL)
      n++;
  return n;
}

void
reclaim_placement_apply (ReclaimPlacement *placement, ReclaimScene *scene)
{
  g_autoptr (GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));
  double right = 0, bottom = 0;

  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, c);
      Home *home = find_home (placement, scene, c);
      if (home == NULL)
        {
          g_array_append_val (unplaced, c);
          continue;
        }
      card->x = home->x;
      card->y = home->y;
      /* a card larger than ever before: what comes next keeps off it */
      home->width = MAX (home->width, card->width);
      home->height = MAX (home->height, card->height);
    }
  place_new_cards (placement, scene, unplaced, NULL);
  for (guint i = 0; i < unplaced->len; i++)
    {
      ReclaimCard *card = reclaim_scene_get_card (scene, g_array_index (unplaced, guint, i));
      const Home *home = find_home (placement, scene, g_array_index (unplaced, guint, i));
      card->x = home->x;
      card->y = home->y;
    }
  for (guint c = 0; c < reclaim_scene_n_cards (scene); c++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (scene, c);
      right = MAX (right, card->x + card->width);
      bottom = MAX (bottom, card->y + card->height);
    }
  scene->width = MAX (right, RECLAIM_LAYOUT_MARGIN) + RECLAIM_LAYOUT_MARGIN;
  scene->height = MAX (bottom, RECLAIM_LAYOUT_MARGIN) + RECLAIM_LAYOUT_MARGIN;
  reclaim_layout_arrange_arrows (scene);
}
