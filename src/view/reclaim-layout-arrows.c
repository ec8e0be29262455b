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
reclaim_layout_arrow_path (const ReclaimScene *scene, const ReclaimArrow *arrow, ReclaimArrowPath *path)
{
  const ReclaimCard *from = &g_array_index (scene->cards, ReclaimCard, arrow->from);
  const ReclaimCard *to = &g_array_index (scene->cards, ReclaimCard, arrow->to);
  double sx = from->x + from->width - RECLAIM_LAYOUT_PADDING - RECLAIM_LAYOUT_POINTER_RADIUS;
  double sy = reclaim_layout_row_top (from, arrow->row - from->first_row) + RECLAIM_LAYOUT_ROW_HEIGHT / 2;
  double ty = to->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2;
  double from_right = from->x + from->width;

  memset (path, 0, sizeof *path);
  path->x0 = sx;
  path->y0 = sy;

  if (to->x >= from_right)
    {
      /* forward: an S curve into the target's left edge */
      double bend = MAX (30, (to->x - sx) / 2);
      path_cubic (path, sx + bend, sy, to->x - bend, ty, to->x, ty);
    }
  else if (to->x + to->width > from->x)
    {
      /* the same column (or the card itself): out to the right and back
       * into the target's right edge */
      double to_right = to->x + to->width;
      double reach = MAX (from_right, to_right) + 28 + MIN (fabs (ty - sy), 400) * 0.08;
      path_cubic (path, reach, sy, reach, ty, to_right, ty);
    }
  else
    {
      /* back to a column on the left: out to the right, round the
       * source card through the gap above or below it (so as to cross no
       * card of its column), then into the target's right edge */
      double to_right = to->x + to->width;
      gboolean above = ty < from->y + from->height / 2;
      double lane = above ? from->y - LANE_OFFSET : from->y + from->height + LANE_OFFSET;
      double xs[] = { sx, from_right + 12, from_right + 12, from->x - 10 };
      double ys[] = { sy, sy, lane, lane };
      path_rounded (path, xs, ys, G_N_ELEMENTS (xs), 8);
      double bend = MAX (16, (from->x - 10 - to_right) / 2);
      path_cubic (path, from->x - 10 - bend, lane, to_right + bend, ty, to_right, ty);
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
