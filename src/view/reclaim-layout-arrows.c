/* reclaim-layout-arrows.c: the paths arrows take between cards.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-layout.h"

#include <math.h>
#include <string.h>

/* back arrows run this far above or below their source card: about the
 * middle of the gap between cards */
#define LANE_OFFSET          11.0
/* Arrows look for a way round cards in scenes of at most this many cards;
 * in larger ones (drawn small) the plain curves are kept, and cheap. */
#define ROUTE_MAX_CARDS      200
/* How far from a card's edge an arrow's vertical run goes, and how far
 * apart the heads arriving at one edge are at most. */
#define EDGE_RUN             14.0
#define ARRIVAL_SPACING      10.0
/* The most lanes tried for one arrow. */
#define MAX_LANES            24

/* ---- arrows ------------------------------------------------------------- */

static void
path_cubic (ReclaimArrowPath *path, double x1, double y1, double x2, double y2, double x3, double y3)
{
  g_return_if_fail (path->n_segments < RECLAIM_ARROW_MAX_SEGMENTS);
  path->seg[path->n_segments].x1 = x1;
  path->seg[path->n_segments].y1 = y1;
  path->seg[path->n_segments].x2 = x2;
  path->seg[path->n_segments].y2 = y2;
  path->seg[path->n_segments].x3 = x3;
  path->seg[path->n_segments].y3 = y3;
  path->n_segments++;
}

static void
path_current (const ReclaimArrowPath *path, double *x, double *y)
{
  if (path->n_segments == 0)
    {
      *x = path->x0;
      *y = path->y0;
      return;
    }
  *x = path->seg[path->n_segments - 1].x3;
  *y = path->seg[path->n_segments - 1].y3;
}

static void
path_line (ReclaimArrowPath *path, double x, double y)
{
  double x0, y0;
  path_current (path, &x0, &y0);
  path_cubic (path, x0 + (x - x0) / 3, y0 + (y - y0) / 3,
              x0 + 2 * (x - x0) / 3, y0 + 2 * (y - y0) / 3, x, y);
}

/* A polyline through points with its corners rounded. */
static void
path_rounded (ReclaimArrowPath *path, const double *xs, const double *ys, guint n, double radius)
{
  static const double kappa = 0.5523;

  for (guint i = 1; i < n; i++)
    {
      if (i == n - 1)
        {
          path_line (path, xs[i], ys[i]);
          break;
        }
      double in_len = hypot (xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
      double out_len = hypot (xs[i + 1] - xs[i], ys[i + 1] - ys[i]);
      double r = MIN (radius, MIN (in_len, out_len) / 2);
      if (r <= 0.01)
        {
          path_line (path, xs[i], ys[i]);
          continue;
        }
      double ix = (xs[i] - xs[i - 1]) / in_len, iy = (ys[i] - ys[i - 1]) / in_len;
      double ox = (xs[i + 1] - xs[i]) / out_len, oy = (ys[i + 1] - ys[i]) / out_len;
      double ax = xs[i] - ix * r, ay = ys[i] - iy * r;
      double bx = xs[i] + ox * r, by = ys[i] + oy * r;
      path_line (path, ax, ay);
      path_cubic (path, ax + ix * r * kappa, ay + iy * r * kappa,
                  bx - ox * r * kappa, by - oy * r * kappa, bx, by);
    }
}

void
reclaim_arrow_path_bounds (const ReclaimArrowPath *path, double *x0, double *y0, double *x1, double *y1)
{
  *x0 = *x1 = path->x0;
  *y0 = *y1 = path->y0;
  for (guint i = 0; i < path->n_segments; i++)
    {
      double xs[] = { path->seg[i].x1, path->seg[i].x2, path->seg[i].x3 };
      double ys[] = { path->seg[i].y1, path->seg[i].y2, path->seg[i].y3 };
      for (guint k = 0; k < 3; k++)
        {
          *x0 = MIN (*x0, xs[k]);
          *x1 = MAX (*x1, xs[k]);
          *y0 = MIN (*y0, ys[k]);
          *y1 = MAX (*y1, ys[k]);
        }
    }
}

void
reclaim_arrow_path_end (const ReclaimArrowPath *path, double *x, double *y, double *dx, double *dy)
{
  double px, py;

  path_current (path, x, y);
  if (path->n_segments == 0)
    {
      *dx = 1;
      *dy = 0;
      return;
    }
  px = path->seg[path->n_segments - 1].x2;
  py = path->seg[path->n_segments - 1].y2;
  double len = hypot (*x - px, *y - py);
  if (len < 1e-6)
    {
      px = path->seg[path->n_segments - 1].x1;
      py = path->seg[path->n_segments - 1].y1;
      len = hypot (*x - px, *y - py);
    }
  *dx = len > 1e-6 ? (*x - px) / len : 1;
  *dy = len > 1e-6 ? (*y - py) / len : 0;
}

/* ---- arrows as lines ----------------------------------------------------- */

#define FLATTEN_STEPS 16

static void
cubic_point (double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
             double t, double *x, double *y)
{
  double u = 1 - t;
  *x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
  *y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
}

static double
segment_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* Calls line for each short straight piece of the flattened path, in
 * order; stops when it returns FALSE. */
typedef gboolean (*PieceFunc) (guint seg, double t0, double t1, double ax, double ay, double bx,
                               double by, gpointer user_data);

static void
flatten (const ReclaimArrowPath *path, PieceFunc piece, gpointer user_data)
{
  double x = path->x0, y = path->y0;

  for (guint i = 0; i < path->n_segments; i++)
    {
      double px = x, py = y;
      for (guint k = 1; k <= FLATTEN_STEPS; k++)
        {
          double t = (double) k / FLATTEN_STEPS, qx, qy;
          cubic_point (x, y, path->seg[i].x1, path->seg[i].y1, path->seg[i].x2, path->seg[i].y2,
                       path->seg[i].x3, path->seg[i].y3, t, &qx, &qy);
          if (!piece (i, t - 1.0 / FLATTEN_STEPS, t, px, py, qx, qy, user_data))
            return;
          px = qx;
          py = qy;
        }
      x = path->seg[i].x3;
      y = path->seg[i].y3;
    }
}

typedef struct {
  double x, y, best;
} Nearest;

static gboolean
nearest_piece (guint seg, double t0, double t1, double ax, double ay, double bx, double by,
               gpointer user_data)
{
  Nearest *n = user_data;
  n->best = MIN (n->best, segment_distance (n->x, n->y, ax, ay, bx, by));
  return TRUE;
}

double
reclaim_arrow_path_distance (const ReclaimArrowPath *path, double x, double y)
{
  Nearest n = { x, y, hypot (x - path->x0, y - path->y0) };

  flatten (path, nearest_piece, &n);
  return n.best;
}

static gboolean
length_piece (guint seg, double t0, double t1, double ax, double ay, double bx, double by,
              gpointer user_data)
{
  *(double *) user_data += hypot (bx - ax, by - ay);
  return TRUE;
}

typedef struct {
  double remaining;   /* length still to walk */
  guint  seg;         /* where the walk stopped */
  double t;
} Walk;

static gboolean
walk_piece (guint seg, double t0, double t1, double ax, double ay, double bx, double by,
            gpointer user_data)
{
  Walk *w = user_data;
  double len = hypot (bx - ax, by - ay);

  w->seg = seg;
  if (len >= w->remaining)
    {
      w->t = t0 + (t1 - t0) * (len > 0 ? w->remaining / len : 0);
      return FALSE;
    }
  w->remaining -= len;
  w->t = t1;
  return TRUE;
}

/* Splits the cubic at t, keeping the first part (de Casteljau). */
static void
split_cubic (double x0, double y0, double *x1, double *y1, double *x2, double *y2, double *x3,
             double *y3, double t)
{
  double ax = x0 + (*x1 - x0) * t, ay = y0 + (*y1 - y0) * t;
  double bx = *x1 + (*x2 - *x1) * t, by = *y1 + (*y2 - *y1) * t;
  double cx = *x2 + (*x3 - *x2) * t, cy = *y2 + (*y3 - *y2) * t;
  double dx = ax + (bx - ax) * t, dy = ay + (by - ay) * t;
  double ex = bx + (cx - bx) * t, ey = by + (cy - by) * t;
  *x1 = ax;
  *y1 = ay;
  *x2 = dx;
  *y2 = dy;
  *x3 = dx + (ex - dx) * t;
  *y3 = dy + (ey - dy) * t;
}

void
reclaim_arrow_path_trim (const ReclaimArrowPath *path, double fraction, ReclaimArrowPath *trimmed)
{
  double total = 0;

  *trimmed = *path;
  if (fraction >= 1 || path->n_segments == 0)
    return;
  flatten (path, length_piece, &total);
  Walk w = { MAX (fraction, 0) * total, 0, 0 };
  flatten (path, walk_piece, &w);

  double sx = w.seg == 0 ? path->x0 : path->seg[w.seg - 1].x3;
  double sy = w.seg == 0 ? path->y0 : path->seg[w.seg - 1].y3;
  trimmed->n_segments = w.seg + 1;
  split_cubic (sx, sy, &trimmed->seg[w.seg].x1, &trimmed->seg[w.seg].y1, &trimmed->seg[w.seg].x2,
               &trimmed->seg[w.seg].y2, &trimmed->seg[w.seg].x3, &trimmed->seg[w.seg].y3, w.t);
}

gint
reclaim_layout_arrow_at (const ReclaimScene *scene, double x, double y, double tolerance)
{
  gint best = -1;
  double best_distance = tolerance;

  for (guint a = 0; a < scene->arrows->len; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      ReclaimArrowPath path;
      double x0, y0, x1, y1;
      reclaim_layout_arrow_path (scene, arrow, &path);
      reclaim_arrow_path_bounds (&path, &x0, &y0, &x1, &y1);
      if (x < x0 - tolerance || x > x1 + tolerance || y < y0 - tolerance || y > y1 + tolerance)
        continue;
      double d = reclaim_arrow_path_distance (&path, x, y);
      if (d <= best_distance)
        {
          best_distance = d;
          best = a;
        }
    }
  return best;
}

/* ---- where arrows arrive -------------------------------------------------- */

/* Arrows into a card arrive on its left edge when they come from a
 * column to its left, else on its right edge. */
static gboolean
arrives_left (const ReclaimCard *from, const ReclaimCard *to)
{
  return to->x >= from->x + from->width;
}

typedef struct {
  guint  arrow;
  guint  to;
  gboolean left;
  double source_y;
} Arrival;

static int
compare_arrivals (const void *a, const void *b)
{
  const Arrival *x = a, *y = b;

  if (x->to != y->to)
    return x->to < y->to ? -1 : 1;
  if (x->left != y->left)
    return x->left ? -1 : 1;
  if (x->source_y != y->source_y)
    return x->source_y < y->source_y ? -1 : 1;
  return x->arrow < y->arrow ? -1 : x->arrow > y->arrow;
}

/* Sorts a few arrivals in place; qsort for many. */
static void
sort_few_arrivals (Arrival *arrivals, guint n)
{
  if (n > 16)
    {
      qsort (arrivals, n, sizeof (Arrival), compare_arrivals);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Arrival moving = arrivals[i];
      guint j = i;
      for (; j > 0 && compare_arrivals (&arrivals[j - 1], &moving) > 0; j--)
        arrivals[j] = arrivals[j - 1];
      arrivals[j] = moving;
    }
}

/* Sorts arrivals by compare_arrivals(): first into one run per target
 * card (most cards have an arrow or two), then each run alone.  The order
 * is total, so this is qsort's order, at a fifth of its cost for ten
 * thousand cards. */
static void
sort_arrivals (Arrival *arrivals, guint n, guint n_cards)
{
  g_autofree guint *start = g_new0 (guint, n_cards + 1);
  g_autofree Arrival *sorted = g_new (Arrival, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    start[arrivals[i].to + 1]++;
  for (guint c = 0; c < n_cards; c++)
    start[c + 1] += start[c];
  for (guint i = 0; i < n; i++)
    sorted[start[arrivals[i].to]++] = arrivals[i];
  /* start[c] is now where the run of card c + 1 starts */
  for (guint c = 0, first = 0; c < n_cards; first = start[c], c++)
    sort_few_arrivals (sorted + first, start[c] - first);
  memcpy (arrivals, sorted, n * sizeof (Arrival));
}

static void
spread_arrivals (ReclaimScene *scene)
{
  guint n = scene->arrows->len;
  Arrival *arrivals = g_new (Arrival, MAX (n, 1));

  for (guint a = 0; a < n; a++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      const ReclaimCard *from = &g_array_index (scene->cards, ReclaimCard, arrow->from);
      const ReclaimCard *to = &g_array_index (scene->cards, ReclaimCard, arrow->to);
      arrivals[a] = (Arrival) {
        a, arrow->to, arrives_left (from, to),
        reclaim_layout_row_top (from, arrow->row - from->first_row),
      };
    }
  /* heads at one edge in the order their sources are from top to bottom:
   * the arrows do not cross to reach them */
  sort_arrivals (arrivals, n, scene->cards->len);
  for (guint i = 0; i < n;)
    {
      guint j = i;
      while (j < n && arrivals[j].to == arrivals[i].to && arrivals[j].left == arrivals[i].left)
        j++;
      for (guint k = i; k < j; k++)
        {
          ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, arrivals[k].arrow);
          arrow->arrival = MIN (k - i, G_MAXUINT16);
          arrow->n_arrivals = MIN (j - i, G_MAXUINT16);
        }
      i = j;
    }
  g_free (arrivals);
}

/* The height at which an arrow's head touches its target: the header's
 * middle for one arrow; several are spread down the edge. */
static double
arrival_y (const ReclaimCard *to, const ReclaimArrow *arrow)
{
  double middle = to->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2;

  if (arrow->n_arrivals <= 1)
    return middle;
  double top = to->y + 6, bottom = to->y + to->height - 6;
  double spacing = MIN (ARRIVAL_SPACING, (bottom - top) / (arrow->n_arrivals - 1));
  double span = spacing * (arrow->n_arrivals - 1);
  double first = CLAMP (middle - span / 2, top, MAX (top, bottom - span));
  return first + MIN (arrow->arrival, arrow->n_arrivals - 1) * spacing;
}

/* ---- ways round cards ------------------------------------------------------ */

/* Whether the segment from a to b crosses the rectangle (Liang-Barsky). */
static gboolean
segment_meets_rectangle (double ax, double ay, double bx, double by, double x0, double y0, double x1,
                         double y1)
{
  double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
  double p[] = { -dx, dx, -dy, dy };
  double q[] = { ax - x0, x1 - ax, ay - y0, y1 - ay };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double r = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, r);
      else
        t1 = MIN (t1, r);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  const ReclaimScene *scene;
  const guint        *cards;    /* the cards near the path */
  guint               n_cards;
  gboolean            hit;
} Obstacles;

static gboolean
piece_is_clear (guint seg, double t0, double t1, double ax, double ay, double bx, double by, gpointer user_data)
{
  Obstacles *o = user_data;

  for (guint i = 0; i < o->n_cards; i++)
    {
      const ReclaimCard *card = &g_array_index (o->scene->cards, ReclaimCard, o->cards[i]);
      if (segment_meets_rectangle (ax, ay, bx, by, card->x - 2, card->y - 2, card->x + card->width + 2,
                                   card->y + card->height + 2))
        {
          o->hit = TRUE;
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether the path crosses no card but its two ends.  Only the cards
 * within the path's bounds are looked at closely. */
static gboolean
path_is_clear (const ReclaimScene *scene, const ReclaimArrow *arrow, const ReclaimArrowPath *path)
{
  guint near[ROUTE_MAX_CARDS];
  Obstacles o = { scene, near, 0, FALSE };
  double x0, y0, x1, y1;

  reclaim_arrow_path_bounds (path, &x0, &y0, &x1, &y1);
  for (guint c = 0; c < scene->cards->len && o.n_cards < ROUTE_MAX_CARDS; c++)
    {
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if (c == arrow->from || c == arrow->to || (card->flags & RECLAIM_CARD_FREED) ||
          card->x - 2 > x1 || card->x + card->width + 2 < x0 || card->y - 2 > y1 ||
          card->y + card->height + 2 < y0)
        continue;
      near[o.n_cards++] = c;
    }
  if (o.n_cards > 0)
    flatten (path, piece_is_clear, &o);
  return !o.hit;
}

/* Out of the source to the right (to exit_x), along a horizontal lane,
 * down or up beside the target (at entry_x), into its edge at end_x. */
static void
lane_path (ReclaimArrowPath *path, double sx, double sy, double exit_x, double lane, double entry_x,
           double ty, double end_x)
{
  double xs[] = { sx, exit_x, exit_x, entry_x, entry_x, end_x };
  double ys[] = { sy, sy, lane, lane, ty, ty };

  memset (path, 0, sizeof *path);
  path->x0 = sx;
  path->y0 = sy;
  path_rounded (path, xs, ys, G_N_ELEMENTS (xs), 8);
}

typedef struct {
  double y;
  double cost;
} Lane;

static int
compare_lanes (const void *a, const void *b)
{
  const Lane *x = a, *y = b;
  return x->cost < y->cost ? -1 : x->cost > y->cost;
}

/* Lanes between exit_x and entry_x: level with the source, level with the
 * target, and the gaps just above and below each card in the way; the
 * shortest first. */
static guint
find_lanes (const ReclaimScene *scene, double exit_x, double entry_x, double sy, double ty, Lane *lanes)
{
  double left = MIN (exit_x, entry_x), right = MAX (exit_x, entry_x);
  guint n = 0;

  lanes[n++] = (Lane) { sy, 0 };
  lanes[n++] = (Lane) { ty, 0 };
  for (guint c = 0; c < scene->cards->len && n + 2 <= MAX_LANES * 4; c++)
    {
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if (card->x > right || card->x + card->width < left || (card->flags & RECLAIM_CARD_FREED))
        continue;
      lanes[n++] = (Lane) { card->y - LANE_OFFSET, 0 };
      lanes[n++] = (Lane) { card->y + card->height + LANE_OFFSET, 0 };
    }
  for (guint i = 0; i < n; i++)
    lanes[i].cost = fabs (lanes[i].y - sy) + fabs (lanes[i].y - ty);
  qsort (lanes, n, sizeof (Lane), compare_lanes);
  return MIN (n, MAX_LANES);
}

/* Where the path runs out of its source and into its target, by the
 * lanes' rules: see lane_path(). */
typedef struct {
  double sx, sy, ty;
  double exit_x, entry_x, end_x;
  gboolean forward;
} Ends;

/* The first lane whose route crosses no card; FALSE when none does. */
static gboolean
find_clear_lane (const ReclaimScene *scene, const ReclaimArrow *arrow, const Ends *e, double *lane)
{
  Lane lanes[MAX_LANES * 4];
  guint n = find_lanes (scene, e->exit_x, e->entry_x, e->sy, e->ty, lanes);
  ReclaimArrowPath candidate;

  for (guint i = 0; i < n; i++)
    {
      lane_path (&candidate, e->sx, e->sy, e->exit_x, lanes[i].y, e->entry_x, e->ty, e->end_x);
      if (path_is_clear (scene, arrow, &candidate))
        {
          *lane = lanes[i].y;
          return TRUE;
        }
    }
  return FALSE;
}

/* The arrows' own shapes, when nothing is in their way: */

/* forward: an S curve into the target's left edge */
static void
forward_curve (ReclaimArrowPath *path, double sx, double sy, const ReclaimCard *to, double ty)
{
  double bend = MAX (30, (to->x - sx) / 2);
  path_cubic (path, sx + bend, sy, to->x - bend, ty, to->x, ty);
}

/* the same column (or the card itself): out to the right and back into
 * the target's right edge */
static void
same_column_curve (ReclaimArrowPath *path, double sy, const ReclaimCard *from, const ReclaimCard *to, double ty)
{
  double to_right = to->x + to->width;
  double reach = MAX (from->x + from->width, to_right) + 28 + MIN (fabs (ty - sy), 400) * 0.08;
  path_cubic (path, reach, sy, reach, ty, to_right, ty);
}

/* back to a column on the left: out to the right, round the source card
 * through the gap above or below it (so as to cross no card of its
 * column), then into the target's right edge */
static void
back_curve (ReclaimArrowPath *path, double sx, double sy, const ReclaimCard *from, const ReclaimCard *to,
            double ty)
{
  double from_right = from->x + from->width, to_right = to->x + to->width;
  gboolean above = ty < from->y + from->height / 2;
  double lane = above ? from->y - LANE_OFFSET : from->y + from->height + LANE_OFFSET;
  double xs[] = { sx, from_right + 12, from_right + 12, from->x - 10 };
  double ys[] = { sy, sy, lane, lane };

  path_rounded (path, xs, ys, G_N_ELEMENTS (xs), 8);
  double bend = MAX (16, (from->x - 10 - to_right) / 2);
  path_cubic (path, from->x - 10 - bend, lane, to_right + bend, ty, to_right, ty);
}

static void
arrow_ends (const ReclaimScene *scene, const ReclaimArrow *arrow, Ends *e)
{
  const ReclaimCard *from = &g_array_index (scene->cards, ReclaimCard, arrow->from);
  const ReclaimCard *to = &g_array_index (scene->cards, ReclaimCard, arrow->to);
  double from_right = from->x + from->width, to_right = to->x + to->width;

  e->sx = from_right - RECLAIM_LAYOUT_PADDING - RECLAIM_LAYOUT_POINTER_RADIUS;
  e->sy = reclaim_layout_row_top (from, arrow->row - from->first_row) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
  e->ty = arrival_y (to, arrow);
  e->forward = arrives_left (from, to);
  if (e->forward)
    {
      e->exit_x = MIN (from_right + EDGE_RUN, (from_right + to->x) / 2);
      e->entry_x = MAX (to->x - EDGE_RUN, (from_right + to->x) / 2);
      e->end_x = to->x;
    }
  else
    {
      e->exit_x = MAX (from_right + EDGE_RUN, to_right + EDGE_RUN);
      e->entry_x = to_right + EDGE_RUN;
      e->end_x = to_right;
    }
}

/* The arrow's own shape, as if nothing were in its way. */
static void
plain_path (const ReclaimScene *scene, const ReclaimArrow *arrow, const Ends *e, ReclaimArrowPath *path)
{
  const ReclaimCard *from = &g_array_index (scene->cards, ReclaimCard, arrow->from);
  const ReclaimCard *to = &g_array_index (scene->cards, ReclaimCard, arrow->to);

  memset (path, 0, sizeof *path);
  path->x0 = e->sx;
  path->y0 = e->sy;
  if (e->forward)
    forward_curve (path, e->sx, e->sy, to, e->ty);
  else if (to->x + to->width > from->x)
    same_column_curve (path, e->sy, from, to, e->ty);
  else
    back_curve (path, e->sx, e->sy, from, to, e->ty);
}

void
reclaim_layout_arrow_path (const ReclaimScene *scene, const ReclaimArrow *arrow, ReclaimArrowPath *path)
{
  Ends e;

  arrow_ends (scene, arrow, &e);
  if (arrow->routed)
    lane_path (path, e.sx, e.sy, e.exit_x, arrow->lane, e.entry_x, e.ty, e.end_x);
  else
    plain_path (scene, arrow, &e, path);
}

/* An arrow whose own shape crosses another card or its title takes the
 * shortest lane round, when there is one. */
static void
route_arrow (const ReclaimScene *scene, ReclaimArrow *arrow)
{
  ReclaimArrowPath path;
  Ends e;
  double lane;

  arrow->routed = FALSE;
  if (arrow->from == arrow->to)
    return;
  arrow_ends (scene, arrow, &e);
  plain_path (scene, arrow, &e, &path);
  if (path_is_clear (scene, arrow, &path))
    return;
  if (find_clear_lane (scene, arrow, &e, &lane))
    {
      arrow->routed = TRUE;
      arrow->lane = lane;
    }
}

void
reclaim_layout_arrange_arrows (ReclaimScene *scene)
{
  spread_arrivals (scene);
  /* drawn small, big scenes keep the plain curves: cheap, and their
   * crossings are not what the eye follows there */
  for (guint a = 0; a < scene->arrows->len; a++)
    {
      ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, a);
      if (scene->cards->len <= ROUTE_MAX_CARDS)
        route_arrow (scene, arrow);
      else
        arrow->routed = FALSE;
    }
}
