/* reclaim-layout.c: a deterministic layered layout for scenes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-layout.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_COLUMN_GAP   RECLAIM_LAYOUT_COLUMN_GAP
#define DEFAULT_CARD_GAP     RECLAIM_LAYOUT_CARD_GAP
#define MIN_COLUMN_HEIGHT    3000.0
#define BARYCENTRE_ROUNDS    2
#define UNPLACED             G_MAXUINT

typedef struct {
  ReclaimScene *scene;
  ReclaimMeasureFunc measure;
  gpointer      measure_data;
  double        column_gap;
  double        card_gap;
  double        max_column_height;
  guint         n;              /* cards */
  guint        *layer;          /* per card */
  GPtrArray    *layers;         /* GArray of guint card indices, per layer */
  /* arrows by source (the scene's order) and by target */
  guint        *out_start;      /* n + 1 */
  guint        *in_start;       /* n + 1 */
  guint        *in_arrows;      /* arrow indices, grouped by target */
} Layout;

/* ---- sizes -------------------------------------------------------------- */

static double
estimate_width (const char *text, ReclaimTextStyle style, gpointer user_data)
{
  static const double per_char[] = { 7.0, 7.6, 6.2 };
  return g_utf8_strlen (text, -1) * per_char[style];
}

static double
measure (Layout *layout, const char *text, ReclaimTextStyle style)
{
  if (text == NULL || *text == '\0')
    return 0;
  return layout->measure (text, style, layout->measure_data);
}

/* prefix and n's digits: what g_snprintf ("%s%u") writes, by hand, as a
 * step sizes every card it shows and printf was a tenth of a step's cost. */
static void
badge_count (ReclaimBadge *badge, ReclaimBadgeKind kind, const char *prefix, gboolean negative, guint n)
{
  char digits[12];
  guint i = sizeof digits;

  digits[--i] = '\0';
  do
    digits[--i] = '0' + n % 10;
  while ((n /= 10) > 0);
  if (negative)
    digits[--i] = '-';
  badge->kind = kind;
  g_strlcpy (badge->text, prefix, sizeof badge->text);
  g_strlcat (badge->text, digits + i, sizeof badge->text);
}

static void
add_gc_refs_badge (const ReclaimCard *card, ReclaimBadge *badge)
{
  guint magnitude = card->gc_refs < 0 ? 0u - (guint) card->gc_refs : (guint) card->gc_refs;

  badge_count (badge, RECLAIM_BADGE_GC_REFS, "gc_refs ", card->gc_refs < 0, magnitude);
}

guint
reclaim_layout_card_badges (const ReclaimCard *card, ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES])
{
  guint n = 0;

  if (card->flags & RECLAIM_CARD_FREED)
    return 0;
  /* a frame shows no count, except that the module's namespace is a
   * candidate of a full collection: its gc_refs is what keeps the rest */
  if (card->flags & RECLAIM_CARD_FRAME)
    {
      if (card->flags & RECLAIM_CARD_COLLECTING)
        add_gc_refs_badge (card, &badges[n++]);
      return n;
    }
  badge_count (&badges[n++], RECLAIM_BADGE_REFCOUNT, "rc ", FALSE, card->refcount);
  if (card->flags & (RECLAIM_CARD_COLLECTING | RECLAIM_CARD_UNREACHABLE))
    add_gc_refs_badge (card, &badges[n++]);
  if (card->flags & RECLAIM_CARD_FINALIZER)
    {
      badges[n].kind = RECLAIM_BADGE_FINALIZER;
      g_strlcpy (badges[n++].text,
                 /* TRANSLATORS: short badges on a card whose class has a __del__ */
                 (card->flags & RECLAIM_CARD_RESURRECTED) ? _("resurrected")
                 : (card->flags & RECLAIM_CARD_FINALIZED) ? _("__del__ ran") : "__del__",
                 sizeof badges[0].text);
    }
  if (card->n_weakrefs > 0)
    badge_count (&badges[n++], RECLAIM_BADGE_WEAKREFS, "weak ", FALSE, card->n_weakrefs);
  return n;
}

double
reclaim_layout_row_top (const ReclaimCard *card, guint i)
{
  return card->y + RECLAIM_LAYOUT_HEADER_HEIGHT + RECLAIM_LAYOUT_ROWS_INSET + i * RECLAIM_LAYOUT_ROW_HEIGHT;
}

static void
size_card (Layout *layout, ReclaimCard *card)
{
  ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
  guint n_badges = reclaim_layout_card_badges (card, badges);
  double header = 2 * RECLAIM_LAYOUT_PADDING + measure (layout, card->title, RECLAIM_TEXT_TITLE);
  if (card->name != NULL)
    header += RECLAIM_LAYOUT_NAME_GAP + measure (layout, card->name, RECLAIM_TEXT_ROW);
  double label_width = 0, value_width = 0;

  for (guint i = 0; i < n_badges; i++)
    header += RECLAIM_LAYOUT_BADGE_GAP * (i == 0 ? 3 : 1) + 2 * RECLAIM_LAYOUT_BADGE_PADDING +
              measure (layout, badges[i].text, RECLAIM_TEXT_BADGE);
  for (guint r = card->first_row; r < card->first_row + card->n_rows; r++)
    {
      const ReclaimRow *row = &g_array_index (layout->scene->rows, ReclaimRow, r);
      label_width = MAX (label_width, measure (layout, row->label, RECLAIM_TEXT_ROW));
      if (row->flags & RECLAIM_ROW_POINTER)
        value_width = MAX (value_width, 4 * RECLAIM_LAYOUT_POINTER_RADIUS);
      else
        value_width = MAX (value_width, measure (layout, row->value, RECLAIM_TEXT_ROW));
    }
  double rows = 2 * RECLAIM_LAYOUT_PADDING + label_width +
                (label_width > 0 ? RECLAIM_LAYOUT_LABEL_GAP : 0) + value_width;

  card->label_width = ceil (label_width);
  card->width = ceil (MAX (RECLAIM_LAYOUT_MIN_WIDTH, MAX (header, rows)));
  card->height = RECLAIM_LAYOUT_HEADER_HEIGHT +
                 (card->n_rows ? 2 * RECLAIM_LAYOUT_ROWS_INSET + card->n_rows * RECLAIM_LAYOUT_ROW_HEIGHT : 0);
}

/* ---- graph -------------------------------------------------------------- */

static ReclaimCard *
card_at (Layout *layout, guint i)
{
  return &g_array_index (layout->scene->cards, ReclaimCard, i);
}

static const ReclaimArrow *
arrow_at (Layout *layout, guint i)
{
  return &g_array_index (layout->scene->arrows, ReclaimArrow, i);
}

static void
index_arrows (Layout *layout)
{
  GArray *arrows = layout->scene->arrows;
  guint *fill = g_new0 (guint, layout->n + 1);

  layout->out_start = g_new0 (guint, layout->n + 1);
  layout->in_start = g_new0 (guint, layout->n + 1);
  layout->in_arrows = g_new (guint, MAX (arrows->len, 1));
  for (guint i = 0; i < arrows->len; i++)
    {
      layout->out_start[arrow_at (layout, i)->from + 1]++;
      layout->in_start[arrow_at (layout, i)->to + 1]++;
    }
  for (guint c = 0; c < layout->n; c++)
    {
      layout->out_start[c + 1] += layout->out_start[c];
      layout->in_start[c + 1] += layout->in_start[c];
    }
  /* the scene's arrows are in source order; by target, keep that order */
  for (guint i = 0; i < arrows->len; i++)
    {
      guint to = arrow_at (layout, i)->to;
      layout->in_arrows[layout->in_start[to] + fill[to]++] = i;
    }
  g_free (fill);
}

static GArray *
layer_cards (Layout *layout, guint l)
{
  while (layout->layers->len <= l)
    g_ptr_array_add (layout->layers, g_array_new (FALSE, FALSE, sizeof (guint)));
  return layout->layers->pdata[l];
}

static void
place_in_layer (Layout *layout, guint card, guint l)
{
  layout->layer[card] = l;
  g_array_append_val (layer_cards (layout, l), card);
}

/* Breadth first from the cards queued in [head, tail): each card one
 * column right of the first card found pointing at it. */
static void
breadth_first (Layout *layout, guint *queue, guint head, guint *tail)
{
  for (; head < *tail; head++)
    {
      guint c = queue[head];
      for (guint a = layout->out_start[c]; a < layout->out_start[c + 1]; a++)
        {
          guint to = arrow_at (layout, a)->to;
          if (layout->layer[to] != UNPLACED)
            continue;
          place_in_layer (layout, to, layout->layer[c] + 1);
          queue[(*tail)++] = to;
        }
    }
}

static void
assign_layers (Layout *layout)
{
  guint *queue = g_new (guint, MAX (layout->n, 1));
  guint tail = 0;

  for (guint c = 0; c < layout->n; c++)
    layout->layer[c] = UNPLACED;
  layer_cards (layout, 0);
  for (guint c = 0; c < layout->scene->n_frames; c++)
    {
      place_in_layer (layout, c, 0);
      queue[tail++] = c;
    }
  breadth_first (layout, queue, 0, &tail);

  /* what no frame reaches: chains start at what nothing points at, then
   * pure cycles start at their oldest object */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < layout->n; c++)
      {
        if (layout->layer[c] != UNPLACED)
          continue;
        if (pass == 0 && layout->in_start[c + 1] > layout->in_start[c])
          continue;
        guint head = tail;
        place_in_layer (layout, c, 1);
        queue[tail++] = c;
        breadth_first (layout, queue, head, &tail);
      }
  g_free (queue);
}

/* ---- ordering and placing within columns -------------------------------- */

static double
row_anchor (Layout *layout, const ReclaimArrow *arrow)
{
  const ReclaimCard *from = card_at (layout, arrow->from);
  return reclaim_layout_row_top (from, arrow->row - from->first_row) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
}

static double
row_offset (Layout *layout, const ReclaimArrow *arrow)
{
  const ReclaimCard *from = card_at (layout, arrow->from);
  return row_anchor (layout, arrow) - from->y;
}

/* Where card c would like its top: level with the rows pointing at it
 * from columns to the left (forward), or with the cards its rows point at
 * in columns to the right (backward).  FALSE when nothing says. */
static gboolean
desired_top (Layout *layout, guint c, gboolean forward, double *top)
{
  double sum = 0;
  guint n = 0;

  if (forward)
    for (guint i = layout->in_start[c]; i < layout->in_start[c + 1]; i++)
      {
        const ReclaimArrow *arrow = arrow_at (layout, layout->in_arrows[i]);
        if (layout->layer[arrow->from] < layout->layer[c])
          {
            sum += row_anchor (layout, arrow) - RECLAIM_LAYOUT_HEADER_HEIGHT / 2;
            n++;
          }
      }
  else
    for (guint a = layout->out_start[c]; a < layout->out_start[c + 1]; a++)
      {
        const ReclaimArrow *arrow = arrow_at (layout, a);
        if (layout->layer[arrow->to] > layout->layer[c])
          {
            sum += card_at (layout, arrow->to)->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2 - row_offset (layout, arrow);
            n++;
          }
      }
  if (n == 0)
    return FALSE;
  *top = sum / n;
  return TRUE;
}

typedef struct {
  double key;
  guint  order;
  guint  card;
} Keyed;

static int
compare_keyed (const void *a, const void *b)
{
  const Keyed *ka = a, *kb = b;
  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->order < kb->order ? -1 : ka->order > kb->order;
}

/* Tops as near the wished ones as the order and the spacing allow, in the
 * least-squares sense, none above 0: pool adjacent violators on the tops
 * minus the room the cards above need. */
static void
place_column (Layout *layout, GArray *cards, const double *wish)
{
  guint n = cards->len;
  double *offset = g_new (double, n);
  double *block_sum = g_new (double, n);
  guint *block_len = g_new (guint, n);
  guint n_blocks = 0;
  double room = 0;

  for (guint i = 0; i < n; i++)
    {
      offset[i] = room;
      room += card_at (layout, g_array_index (cards, guint, i))->height + layout->card_gap;
      block_sum[n_blocks] = wish[i] - offset[i];
      block_len[n_blocks++] = 1;
      while (n_blocks > 1 &&
             block_sum[n_blocks - 2] / block_len[n_blocks - 2] > block_sum[n_blocks - 1] / block_len[n_blocks - 1])
        {
          block_sum[n_blocks - 2] += block_sum[n_blocks - 1];
          block_len[n_blocks - 2] += block_len[n_blocks - 1];
          n_blocks--;
        }
    }
  /* nothing above the top of the frames column: clamping the pooled
   * means keeps them in order, and is the best placement under that bound */
  for (guint b = 0, i = 0; b < n_blocks; b++)
    for (guint k = 0; k < block_len[b]; k++, i++)
      card_at (layout, g_array_index (cards, guint, i))->y = MAX (block_sum[b] / block_len[b], 0) + offset[i];
  g_free (offset);
  g_free (block_sum);
  g_free (block_len);
}

static void
stack_column (Layout *layout, GArray *cards)
{
  double y = 0;
  for (guint i = 0; i < cards->len; i++)
    {
      ReclaimCard *card = card_at (layout, g_array_index (cards, guint, i));
      card->y = y;
      y += card->height + layout->card_gap;
    }
}

static void
sweep_layer (Layout *layout, guint l, gboolean forward)
{
  GArray *cards = layout->layers->pdata[l];
  Keyed *keyed = g_new (Keyed, MAX (cards->len, 1));
  double *wish = g_new (double, MAX (cards->len, 1));

  for (guint i = 0; i < cards->len; i++)
    {
      guint c = g_array_index (cards, guint, i);
      keyed[i].card = c;
      keyed[i].order = i;
      if (!desired_top (layout, c, forward, &keyed[i].key))
        keyed[i].key = card_at (layout, c)->y;
    }
  qsort (keyed, cards->len, sizeof (Keyed), compare_keyed);
  for (guint i = 0; i < cards->len; i++)
    {
      g_array_index (cards, guint, i) = keyed[i].card;
      wish[i] = keyed[i].key;
    }
  place_column (layout, cards, wish);
  g_free (keyed);
  g_free (wish);
}

static void
order_layers (Layout *layout)
{
  guint n_layers = layout->layers->len;

  for (guint l = 0; l < n_layers; l++)
    stack_column (layout, layout->layers->pdata[l]);
  for (guint round = 0; round < BARYCENTRE_ROUNDS; round++)
    {
      for (guint l = 1; l < n_layers; l++)
        sweep_layer (layout, l, TRUE);
      for (guint l = n_layers; l-- > 2;)
        sweep_layer (layout, l - 1, FALSE);
    }
}

/* ---- columns ------------------------------------------------------------ */

static void
place_columns (Layout *layout)
{
  double x = 0;

  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *cards = layout->layers->pdata[l];
      double right = x;
      for (guint i = 0; i < cards->len; i++)
        {
          ReclaimCard *card = card_at (layout, g_array_index (cards, guint, i));
          card->x = x;
          card->column = l;
          right = MAX (right, x + card->width);
        }
      x = right + layout->column_gap;
    }
}

/* A drawing much taller than wide (a list of thousands, a wide tree) is
 * cut into horizontal bands set side by side, as a newspaper sets a long
 * article in columns.  Cutting the whole drawing rather than each column
 * keeps what was near (a subtree, a chain) near, and its arrows short. */
static void
fold_into_bands (Layout *layout)
{
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE, left = G_MAXDOUBLE, right = -G_MAXDOUBLE;
  guint n_columns = layout->layers->len;

  for (guint c = 0; c < layout->n; c++)
    {
      ReclaimCard *card = card_at (layout, c);
      top = MIN (top, card->y);
      bottom = MAX (bottom, card->y + card->height);
      left = MIN (left, card->x);
      right = MAX (right, card->x + card->width);
    }
  double height = bottom - top, width = right - left;
  if (layout->n == 0 || height <= layout->max_column_height)
    return;

  /* bands for a picture about 3:2 wide */
  guint n_bands = (guint) ceil (sqrt (1.5 * height / MAX (width, 1)));
  n_bands = MAX (n_bands, (guint) ceil (height / (2 * layout->max_column_height)));
  n_bands = MAX (n_bands, 2);
  double band = height / n_bands;
  for (guint c = 0; c < layout->n; c++)
    {
      ReclaimCard *card = card_at (layout, c);
      guint b = MIN ((guint) floor ((card->y - top) / band), n_bands - 1);
      card->y -= b * band;
      card->x += b * (width + 2 * layout->column_gap);
      card->column += b * n_columns;
    }
}

static void
normalise (Layout *layout)
{
  ReclaimScene *scene = layout->scene;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = 0, max_y = 0;

  for (guint c = 0; c < layout->n; c++)
    {
      min_x = MIN (min_x, card_at (layout, c)->x);
      min_y = MIN (min_y, card_at (layout, c)->y);
    }
  if (layout->n == 0)
    min_x = min_y = 0;
  for (guint c = 0; c < layout->n; c++)
    {
      ReclaimCard *card = card_at (layout, c);
      /* whole units keep card edges sharp at scale 1 */
      card->x = round (card->x - min_x + RECLAIM_LAYOUT_MARGIN);
      card->y = round (card->y - min_y + RECLAIM_LAYOUT_MARGIN);
      max_x = MAX (max_x, card->x + card->width);
      max_y = MAX (max_y, card->y + card->height);
    }
  scene->width = MAX (max_x, RECLAIM_LAYOUT_MARGIN) + RECLAIM_LAYOUT_MARGIN;
  scene->height = MAX (max_y, RECLAIM_LAYOUT_MARGIN) + RECLAIM_LAYOUT_MARGIN;
}

static void
layout_init (Layout *layout, ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  static const ReclaimLayoutOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;
  *layout = (Layout) { .scene = scene, .n = scene->cards->len };
  layout->measure = options->measure ? options->measure : estimate_width;
  layout->measure_data = options->measure_data;
  layout->column_gap = options->column_gap > 0 ? options->column_gap : DEFAULT_COLUMN_GAP;
  layout->card_gap = options->card_gap > 0 ? options->card_gap : DEFAULT_CARD_GAP;
}

void
reclaim_layout_size_cards (ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  Layout layout;

  layout_init (&layout, scene, options);
  for (guint c = 0; c < layout.n; c++)
    size_card (&layout, card_at (&layout, c));
}

void
reclaim_layout_scene (ReclaimScene *scene, const ReclaimLayoutOptions *options)
{
  Layout layout;
  double area = 0;

  layout_init (&layout, scene, options);
  for (guint c = 0; c < layout.n; c++)
    {
      ReclaimCard *card = card_at (&layout, c);
      size_card (&layout, card);
      area += (card->width + layout.column_gap) * (card->height + layout.card_gap);
    }
  /* fold only drawings much taller than a squarish one of the same cards */
  layout.max_column_height = options != NULL && options->max_column_height > 0
    ? options->max_column_height
    : MAX (MIN_COLUMN_HEIGHT, 1.2 * sqrt (area));

  layout.layer = g_new (guint, MAX (layout.n, 1));
  layout.layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  index_arrows (&layout);
  assign_layers (&layout);
  order_layers (&layout);
  place_columns (&layout);
  fold_into_bands (&layout);
  normalise (&layout);
  reclaim_layout_arrange_arrows (scene);

  g_free (layout.layer);
  g_ptr_array_unref (layout.layers);
  g_free (layout.out_start);
  g_free (layout.in_start);
  g_free (layout.in_arrows);
}

/* ---- hit tests ---------------------------------------------------------- */

gint
reclaim_layout_card_at (const ReclaimScene *scene, double x, double y)
{
  for (guint c = scene->cards->len; c-- > 0;)
    {
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if (x >= card->x && x < card->x + card->width && y >= card->y && y < card->y + card->height)
        return c;
    }
  return -1;
}

gint
reclaim_layout_row_at (const ReclaimScene *scene, guint card_index, double x, double y)
{
  const ReclaimCard *card;

  g_return_val_if_fail (card_index < scene->cards->len, -1);
  card = &g_array_index (scene->cards, ReclaimCard, card_index);
  if (x < card->x || x >= card->x + card->width || card->n_rows == 0)
    return -1;
  double first = reclaim_layout_row_top (card, 0);
  if (y < first)
    return -1;
  guint i = (guint) ((y - first) / RECLAIM_LAYOUT_ROW_HEIGHT);
  return i < card->n_rows ? (gint) (card->first_row + i) : -1;
}

void
reclaim_layout_pointer_dot (const ReclaimCard *card, guint i, double *x, double *y)
{
  *x = card->x + card->width - RECLAIM_LAYOUT_PADDING - RECLAIM_LAYOUT_POINTER_RADIUS;
  *y = reclaim_layout_row_top (card, i) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
}

void
reclaim_layout_card_handle (const ReclaimCard *card, double *x, double *y)
{
  *x = card->x + card->width;
  *y = card->y + card->height;
}
