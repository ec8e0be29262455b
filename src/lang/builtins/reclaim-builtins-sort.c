/* reclaim-builtins-sort.c: list.sort() as CPython 3.11 sorts.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A __lt__ written in Python can print, so the comparisons must be the
 * ones CPython makes, in its order.  CPython's sort is timsort:
 *
 *   1. Cut the list into natural runs, ascending or strictly descending
 *      (a descending run is reversed), each extended to `minrun` items by
 *      binary insertion when shorter.
 *   2. Keep a stack of runs, merged by the powersort rule: a new run's
 *      boundary gets a "power", and runs below deeper boundaries merge
 *      first.  At the end the stack collapses from the top.
 *   3. A merge first trims what is already in place (gallops), then copies
 *      the shorter run aside and merges towards the longer one: forwards
 *      when the left run is the shorter, backwards otherwise.  When one
 *      side keeps winning, it switches to galloping: an exponential then
 *      binary search for how many items to move at once.
 *
 * The sort here moves indices (into the keys) rather than the keys and
 * values themselves; the permutation is applied once at the end, also
 * after an exception, when the list keeps the partly sorted order.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

#define MIN_GALLOP  7
#define MAX_RUNS    85

typedef struct {
  gsize start;
  gsize len;
  int   power;    /* of the boundary before the next run */
} Run;

typedef struct {
  ReclaimInterp      *interp;
  const ReclaimValue *keys;
  gsize              *order;        /* the permutation being sorted */
  gsize               n;
  gsize              *spare;        /* room for the shorter run of a merge */
  gsize               spare_len;
  gsize               min_gallop;
  Run                 runs[MAX_RUNS];
  int                 n_runs;
} Sort;

/* keys[x] < keys[y] as Python decides it: 1, 0, or -1 with an exception. */
static int
less (Sort *s, gsize x, gsize y)
{
  return lang_less (s->interp, s->keys[x], s->keys[y]);
}

/* Whether `key` goes after a_i: a_i < key, or when `after_equal`, not
 * key < a_i.  -1 with an exception. */
static int
goes_after (Sort *s, gsize key, gsize a_i, gboolean after_equal)
{
  if (!after_equal)
    return less (s, a_i, key);
  int r = less (s, key, a_i);
  return r < 0 ? -1 : !r;
}

/* Where `key` belongs in the sorted a[0..n): before the items equal to it,
 * or after them when `after_equal`.  The search starts at a[hint] and
 * widens 1, 3, 7, ... items away from it before bisecting, which is what
 * fixes the comparisons made.  -1 with an exception. */
static gssize
gallop (Sort *s, gsize key, const gsize *a, gsize n, gsize hint, gboolean after_equal)
{
  gsize lo, hi, near = 0, far = 1;
  int after = goes_after (s, key, a[hint], after_equal);

  if (after < 0)
    return -1;
  if (after)
    {
      /* to the right: key goes after a[hint + near], before a[hint + far] */
      gsize limit = n - hint;
      while (far < limit)
        {
          int r = goes_after (s, key, a[hint + far], after_equal);
          if (r < 0)
            return -1;
          if (!r)
            break;
          near = far;
          far = 2 * far + 1;
        }
      lo = hint + near + 1;
      hi = hint + MIN (far, limit);
    }
  else
    {
      /* to the left: key goes before a[hint - near], after a[hint - far] */
      gsize limit = hint + 1;
      while (far < limit)
        {
          int r = goes_after (s, key, a[hint - far], after_equal);
          if (r < 0)
            return -1;
          if (r)
            break;
          near = far;
          far = 2 * far + 1;
        }
      lo = hint + 1 - MIN (far, limit);
      hi = hint - near;
    }
  /* the answer is in [lo, hi] */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int r = goes_after (s, key, a[mid], after_equal);
      if (r < 0)
        return -1;
      if (r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return hi;
}

/* ---- runs ------------------------------------------------------------------ */

/* The length of the run at a[0..n): ascending (each item not less than the
 * one before) or strictly descending.  -1 with an exception. */
static gssize
natural_run (Sort *s, const gsize *a, gsize n, gboolean *descending)
{
  gsize len = 1;
  int r;

  *descending = FALSE;
  if (n == 1)
    return 1;
  if ((r = less (s, a[1], a[0])) < 0)
    return -1;
  *descending = r;
  for (len = 2; len < n; len++)
    {
      if ((r = less (s, a[len], a[len - 1])) < 0)
        return -1;
      if (r != *descending)
        break;
    }
  return len;
}

/* n >= 1 */
static void
reverse (gsize *a, gsize n)
{
  for (gsize i = 0, j = n - 1; i < j; i++, j--)
    {
      gsize t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
}

/* a[0..sorted) is sorted: insert a[sorted..n) one by one, each at the
 * place a bisection of the sorted part finds (after equal items). */
static int
insertion_sort (Sort *s, gsize *a, gsize sorted, gsize n)
{
  for (gsize i = MAX (sorted, 1); i < n; i++)
    {
      gsize item = a[i], lo = 0, hi = i;
      do
        {
          gsize mid = lo + (hi - lo) / 2;
          int r = less (s, item, a[mid]);
          if (r < 0)
            return -1;
          if (r)
            hi = mid;
          else
            lo = mid + 1;
        }
      while (lo < hi);
      memmove (a + lo + 1, a + lo, (i - lo) * sizeof *a);
      a[lo] = item;
    }
  return 0;
}

/* The shortest run the main loop makes: n itself below 64, else n's six
 * leading bits, plus one if any bit below them is set. */
static gsize
min_run_length (gsize n)
{
  gboolean rest = FALSE;
  while (n >= 64)
    {
      rest |= n & 1;
      n >>= 1;
    }
  return n + rest;
}

/* Powersort: the depth of the boundary between the adjacent runs
 * [start, start + n1) and [start + n1, start + n1 + n2) of n items: the
 * first binary digit where the fractions mid1/n and mid2/n differ, mid
 * being each run's midpoint (doubled, to stay in integers). */
static int
boundary_power (gsize start, gsize n1, gsize n2, gsize n)
{
  gsize x = 2 * start + n1, y = x + n1 + n2;
  for (int power = 1;; power++)
    {
      gboolean x_digit = x >= n, y_digit = y >= n;
      if (x_digit != y_digit)
        return power;
      if (x_digit)
        {
          x -= n;
          y -= n;
        }
      x <<= 1;
      y <<= 1;
    }
}

/* ---- merging --------------------------------------------------------------- */

/* Moves k indices from *from to *to in the merge's direction, advancing
 * both. */
static void
move_items (gsize **to, gsize **from, gsize k, int dir)
{
  if (dir > 0)
    {
      memmove (*to, *from, k * sizeof **to);
      *to += k;
      *from += k;
    }
  else
    {
      *to -= k;
      *from -= k;
      memmove (*to + 1, *from + 1, k * sizeof **to);
    }
}

/* One side of a merge: the next item to take (`front`), how many are left,
 * and whether it is the run copied aside (`spare`). */
typedef struct {
  gsize   *front;
  gsize    left;
  gboolean spare;
} Side;

typedef enum { GO_ON, DONE, LAST_SPARE } MergeStep;

/* After `side` gave items: the merge is DONE when the run in place is
 * used up, and ends with LAST_SPARE when one spare item is left: the rest
 * of the run in place comes before it. */
static MergeStep
after_taking (const Side *side)
{
  if (side->spare && side->left == 1)
    return LAST_SPARE;
  return side->left == 0 ? DONE : GO_ON;
}

static MergeStep
take_one (gsize **dest, Side *side, int dir)
{
  **dest = *side->front;
  *dest += dir;
  side->front += dir;
  side->left--;
  return after_taking (side);
}

/* Gallops for how many items of `side` come next, given the other side's
 * front item, and moves them. */
static int
gallop_take (Sort *s, gsize **dest, Side *side, gsize key, gboolean after_equal, int dir,
             gsize *count, MergeStep *step)
{
  gsize n = side->left;
  const gsize *base = dir > 0 ? side->front : side->front - (n - 1);   /* in list order */
  gssize at = gallop (s, key, base, n, dir > 0 ? 0 : n - 1, after_equal);
  if (at < 0)
    return -1;
  *count = dir > 0 ? (gsize) at : n - at;
  move_items (dest, &side->front, *count, dir);
  side->left -= *count;
  *step = *count ? after_taking (side) : GO_ON;
  return 0;
}

/* Merges the sorted runs a = order[start, start + na) and b, which
 * follows it, nb items long, b's first item going before all of a's and
 * a's last after all of b's.  dir > 0: a is copied aside and the merge
 * runs forwards; dir < 0: b is, and it runs backwards from the end. */
static int
merge_runs (Sort *s, gsize start, gsize na, gsize nb, int dir)
{
  gsize *a = s->order + start, *b = a + na;
  gsize spare_len = dir > 0 ? na : nb;
  if (spare_len > s->spare_len)
    {
      s->spare = g_renew (gsize, s->spare, spare_len);
      s->spare_len = spare_len;
    }
  memcpy (s->spare, dir > 0 ? a : b, spare_len * sizeof *a);

  /* fronts: first items going forwards, last items going backwards */
  Side sa = { dir > 0 ? s->spare : a + na - 1, na, dir > 0 };
  Side sb = { dir > 0 ? b : s->spare + nb - 1, nb, dir < 0 };
  Side *kept = dir > 0 ? &sb : &sa, *spare = dir > 0 ? &sa : &sb;
  gsize *dest = dir > 0 ? a : b + nb - 1;
  gsize min_gallop = s->min_gallop;
  MergeStep step;
  int result = -1;

  /* the run in place gives the first item: merge_at made sure of that */
  step = take_one (&dest, kept, dir);
  if (step == GO_ON)
    step = after_taking (spare);

  while (step == GO_ON)
    {
      /* one at a time, until a side wins min_gallop times in a row */
      gsize a_wins = 0, b_wins = 0;
      while (step == GO_ON && a_wins < min_gallop && b_wins < min_gallop)
        {
          int r = less (s, *sb.front, *sa.front);
          if (r < 0)
            goto out;
          /* going forwards b wins only when strictly less, going
           * backwards a wins only when b is strictly less */
          gboolean b_next = dir > 0 ? r : !r;
          step = take_one (&dest, b_next ? &sb : &sa, dir);
          a_wins = b_next ? 0 : a_wins + 1;
          b_wins = b_next ? b_wins + 1 : 0;
        }
      if (step != GO_ON)
        break;

      /* galloping, while it moves enough items at a time */
      min_gallop++;
      do
        {
          min_gallop -= min_gallop > 1;
          s->min_gallop = min_gallop;
          if (gallop_take (s, &dest, &sa, *sb.front, TRUE, dir, &a_wins, &step) < 0)
            goto out;
          if (step != GO_ON || (step = take_one (&dest, &sb, dir)) != GO_ON)
            break;
          if (gallop_take (s, &dest, &sb, *sa.front, FALSE, dir, &b_wins, &step) < 0)
            goto out;
          if (step != GO_ON || (step = take_one (&dest, &sa, dir)) != GO_ON)
            break;
        }
      while (a_wins >= MIN_GALLOP || b_wins >= MIN_GALLOP);
      if (step != GO_ON)
        break;
      min_gallop++;
      s->min_gallop = min_gallop;
    }
  if (step == LAST_SPARE)
    {
      move_items (&dest, &kept->front, kept->left, dir);
      *dest = *spare->front;
      return 0;
    }
  result = 0;
out:
  /* the spare items not placed yet go back, so order stays a permutation */
  move_items (&dest, &spare->front, spare->left, dir);
  return result;
}

/* Merges runs i and i + 1 of the stack. */
static int
merge_at (Sort *s, int i)
{
  Run *runs = s->runs;
  gsize start = runs[i].start, na = runs[i].len, nb = runs[i + 1].len;
  gsize *a = s->order + start, *b = a + na;

  runs[i].len = na + nb;
  if (i == s->n_runs - 3)
    runs[i + 1] = runs[i + 2];
  s->n_runs--;

  /* a's items not above b's first are already in place */
  gssize k = gallop (s, *b, a, na, 0, TRUE);
  if (k < 0)
    return -1;
  start += k;
  na -= k;
  if (na == 0)
    return 0;
  /* so are b's items not below a's last */
  k = gallop (s, s->order[start + na - 1], b, nb, nb - 1, FALSE);
  if (k <= 0)
    return (int) k;
  return merge_runs (s, start, na, k, na <= (gsize) k ? 1 : -1);
}

/* Before pushing a run n2 long: merges the runs below boundaries deeper
 * than the new one. */
static int
merge_before_push (Sort *s, gsize n2)
{
  if (s->n_runs == 0)
    return 0;
  Run *top = &s->runs[s->n_runs - 1];
  int power = boundary_power (top->start, top->len, n2, s->n);
  while (s->n_runs > 1 && s->runs[s->n_runs - 2].power > power)
    if (merge_at (s, s->n_runs - 2) < 0)
      return -1;
  s->runs[s->n_runs - 1].power = power;
  return 0;
}

/* At the end: merges the stack from the top, taking the shorter
 * neighbour's side where the run below the top two is shorter. */
static int
merge_all (Sort *s)
{
  while (s->n_runs > 1)
    {
      int i = s->n_runs - 2;
      if (i > 0 && s->runs[i - 1].len < s->runs[i + 1].len)
        i--;
      if (merge_at (s, i) < 0)
        return -1;
    }
  return 0;
}

static int
sort_order (Sort *s)
{
  gsize min_run = min_run_length (s->n);

  for (gsize start = 0; start < s->n;)
    {
      gsize *a = s->order + start, remaining = s->n - start;
      gboolean descending;
      gssize len = natural_run (s, a, remaining, &descending);
      if (len < 0)
        return -1;
      if (descending)
        reverse (a, len);
      if ((gsize) len < min_run)
        {
          gsize full = MIN (remaining, min_run);
          if (insertion_sort (s, a, len, full) < 0)
            return -1;
          len = full;
        }
      if (merge_before_push (s, len) < 0)
        return -1;
      g_assert (s->n_runs < MAX_RUNS);
      s->runs[s->n_runs++] = (Run) { start, len, 0 };
      start += len;
    }
  return merge_all (s);
}

/* Puts items[order[i]] at i. */
static void
apply_order (ReclaimValue *items, const gsize *order, gsize n)
{
  g_autofree ReclaimValue *copy = g_memdup2 (items, n * sizeof *items);
  for (gsize i = 0; i < n; i++)
    items[i] = copy[order[i]];
}

int
builtins_timsort (ReclaimInterp *interp, ReclaimValue *keys, ReclaimValue *values, gssize n)
{
  if (n < 2)
    return 0;
  Sort s = { .interp = interp, .keys = keys, .n = n, .min_gallop = MIN_GALLOP };
  s.order = g_new (gsize, n);
  for (gsize i = 0; i < s.n; i++)
    s.order[i] = i;
  int result = sort_order (&s);
  if (values != NULL)
    apply_order (values, s.order, s.n);
  apply_order (keys, s.order, s.n);
  g_free (s.order);
  g_free (s.spare);
  return result;
}
