/* reclaim-builtins-sort.c: CPython 3.11's timsort, for list.sort().
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A __lt__ written in Python can print, so the comparisons must be the
 * ones CPython makes, in its order: natural runs (count_run), short runs
 * extended by binary insertion, the powersort merge policy, and merges
 * that gallop once one side keeps winning.  The layout follows
 * Objects/listobject.c so the two can be read side by side.
 *
 * Keys and values move together; values is NULL when the keys are the
 * values (no key function).
 */
#include "reclaim-builtins-private.h"

#include <string.h>

#define MIN_GALLOP 7
#define MAX_PENDING 85

typedef struct {
  ReclaimValue *keys;
  ReclaimValue *values;
} Slice;

typedef struct {
  Slice  base;
  gssize len;
  int    power;
} Run;

typedef struct {
  ReclaimInterp *interp;
  gssize         min_gallop;
  Slice          a;          /* temporary storage for merges */
  gssize         alloced;
  Run            pending[MAX_PENDING];
  int            n;
  gssize         listlen;
  ReclaimValue  *basekeys;
} MergeState;

/* -1 error, else 0 or 1 */
static int
islt (MergeState *ms, ReclaimValue x, ReclaimValue y)
{
  return lang_less (ms->interp, x, y);
}

#define IFLT(X, Y)                          \
  if ((k = islt (ms, (X), (Y))) < 0)        \
    goto fail;                              \
  if (k)

static void
slice_copy (Slice *d, gssize i, const Slice *s, gssize j)
{
  d->keys[i] = s->keys[j];
  if (d->values)
    d->values[i] = s->values[j];
}

static void
slice_copy_incr (Slice *d, Slice *s)
{
  *d->keys++ = *s->keys++;
  if (d->values)
    *d->values++ = *s->values++;
}

static void
slice_copy_decr (Slice *d, Slice *s)
{
  *d->keys-- = *s->keys--;
  if (d->values)
    *d->values-- = *s->values--;
}

static void
slice_memmove (Slice *d, gssize i, const Slice *s, gssize j, gssize n)
{
  memmove (&d->keys[i], &s->keys[j], n * sizeof (ReclaimValue));
  if (d->values)
    memmove (&d->values[i], &s->values[j], n * sizeof (ReclaimValue));
}

static void
slice_advance (Slice *s, gssize n)
{
  s->keys += n;
  if (s->values)
    s->values += n;
}

static void
reverse_range (ReclaimValue *lo, ReclaimValue *hi)
{
  for (--hi; lo < hi; lo++, hi--)
    {
      ReclaimValue t = *lo;
      *lo = *hi;
      *hi = t;
    }
}

static void
reverse_slice (Slice *s, gssize n)
{
  reverse_range (s->keys, s->keys + n);
  if (s->values)
    reverse_range (s->values, s->values + n);
}

static int
binarysort (MergeState *ms, Slice lo, ReclaimValue *hi, ReclaimValue *start)
{
  int k;
  ReclaimValue *l, *p, *r, pivot;

  if (lo.keys == start)
    ++start;
  for (; start < hi; ++start)
    {
      l = lo.keys;
      r = start;
      pivot = *r;
      do
        {
          p = l + ((r - l) >> 1);
          IFLT (pivot, *p)
            r = p;
          else
            l = p + 1;
        }
      while (l < r);
      for (p = start; p > l; --p)
        *p = *(p - 1);
      *l = pivot;
      if (lo.values != NULL)
        {
          /* the same move among the values (by index: separate arrays) */
          gssize li = l - lo.keys, si = start - lo.keys;
          pivot = lo.values[si];
          memmove (lo.values + li + 1, lo.values + li, (si - li) * sizeof (ReclaimValue));
          lo.values[li] = pivot;
        }
    }
  return 0;
fail:
  return -1;
}

static gssize
count_run (MergeState *ms, ReclaimValue *lo, ReclaimValue *hi, int *descending)
{
  int k;
  gssize n;

  *descending = 0;
  ++lo;
  if (lo == hi)
    return 1;
  n = 2;
  IFLT (*lo, *(lo - 1))
    {
      *descending = 1;
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        {
          IFLT (*lo, *(lo - 1))
            ;
          else
            break;
        }
    }
  else
    {
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        {
          IFLT (*lo, *(lo - 1))
            break;
        }
    }
  return n;
fail:
  return -1;
}

static gssize
gallop_left (MergeState *ms, ReclaimValue key, ReclaimValue *a, gssize n, gssize hint)
{
  gssize ofs, lastofs, kk;
  int k;

  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT (*a, key)
    {
      const gssize maxofs = n - hint;
      while (ofs < maxofs)
        {
          IFLT (a[ofs], key)
            {
              lastofs = ofs;
              ofs = (ofs << 1) + 1;
            }
          else
            break;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
  else
    {
      const gssize maxofs = hint + 1;
      while (ofs < maxofs)
        {
          IFLT (*(a - ofs), key)
            break;
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      kk = lastofs;
      lastofs = hint - ofs;
      ofs = hint - kk;
    }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs)
    {
      gssize m = lastofs + ((ofs - lastofs) >> 1);
      IFLT (a[m], key)
        lastofs = m + 1;
      else
        ofs = m;
    }
  return ofs;
fail:
  return -1;
}

static gssize
gallop_right (MergeState *ms, ReclaimValue key, ReclaimValue *a, gssize n, gssize hint)
{
  gssize ofs, lastofs, kk;
  int k;

  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT (key, *a)
    {
      const gssize maxofs = hint + 1;
      while (ofs < maxofs)
        {
          IFLT (key, *(a - ofs))
            {
              lastofs = ofs;
              ofs = (ofs << 1) + 1;
            }
          else
            break;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      kk = lastofs;
      lastofs = hint - ofs;
      ofs = hint - kk;
    }
  else
    {
      const gssize maxofs = n - hint;
      while (ofs < maxofs)
        {
          IFLT (key, a[ofs])
            break;
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs)
    {
      gssize m = lastofs + ((ofs - lastofs) >> 1);
      IFLT (key, a[m])
        ofs = m;
      else
        lastofs = m + 1;
    }
  return ofs;
fail:
  return -1;
}

static void
merge_getmem (MergeState *ms, gssize need, gboolean with_values)
{
  if (need <= ms->alloced)
    return;
  g_free (ms->a.keys);
  ms->a.keys = g_new (ReclaimValue, with_values ? 2 * need : need);
  ms->a.values = with_values ? ms->a.keys + need : NULL;
  ms->alloced = need;
}

static int
merge_lo (MergeState *ms, Slice ssa, gssize na, Slice ssb, gssize nb)
{
  gssize k;
  Slice dest;
  int result = -1, lt;
  gssize min_gallop;

  merge_getmem (ms, na, ssa.values != NULL);
  slice_memmove (&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;

  slice_copy_incr (&dest, &ssb);
  --nb;
  if (nb == 0)
    goto succeed;
  if (na == 1)
    goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;)
    {
      gssize acount = 0, bcount = 0;
      for (;;)
        {
          lt = islt (ms, ssb.keys[0], ssa.keys[0]);
          if (lt < 0)
            goto fail;
          if (lt)
            {
              slice_copy_incr (&dest, &ssb);
              ++bcount;
              acount = 0;
              --nb;
              if (nb == 0)
                goto succeed;
              if (bcount >= min_gallop)
                break;
            }
          else
            {
              slice_copy_incr (&dest, &ssa);
              ++acount;
              bcount = 0;
              --na;
              if (na == 1)
                goto copy_b;
              if (acount >= min_gallop)
                break;
            }
        }

      ++min_gallop;
      do
        {
          min_gallop -= min_gallop > 1;
          ms->min_gallop = min_gallop;
          k = gallop_right (ms, ssb.keys[0], ssa.keys, na, 0);
          acount = k;
          if (k)
            {
              if (k < 0)
                goto fail;
              slice_memmove (&dest, 0, &ssa, 0, k);
              slice_advance (&dest, k);
              slice_advance (&ssa, k);
              na -= k;
              if (na == 1)
                goto copy_b;
              if (na == 0)
                goto succeed;
            }
          slice_copy_incr (&dest, &ssb);
          --nb;
          if (nb == 0)
            goto succeed;

          k = gallop_left (ms, ssa.keys[0], ssb.keys, nb, 0);
          bcount = k;
          if (k)
            {
              if (k < 0)
                goto fail;
              slice_memmove (&dest, 0, &ssb, 0, k);
              slice_advance (&dest, k);
              slice_advance (&ssb, k);
              nb -= k;
              if (nb == 0)
                goto succeed;
            }
          slice_copy_incr (&dest, &ssa);
          --na;
          if (na == 1)
            goto copy_b;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++min_gallop;
      ms->min_gallop = min_gallop;
    }
succeed:
  result = 0;
fail:
  if (na)
    slice_memmove (&dest, 0, &ssa, 0, na);
  return result;
copy_b:
  slice_memmove (&dest, 0, &ssb, 0, nb);
  slice_copy (&dest, nb, &ssa, 0);
  return 0;
}

static int
merge_hi (MergeState *ms, Slice ssa, gssize na, Slice ssb, gssize nb)
{
  gssize k;
  Slice dest, basea, baseb;
  int result = -1, lt;
  gssize min_gallop;

  merge_getmem (ms, nb, ssa.values != NULL);
  dest = ssb;
  slice_advance (&dest, nb - 1);
  slice_memmove (&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values != NULL)
    ssb.values = ms->a.values + nb - 1;
  slice_advance (&ssa, na - 1);

  slice_copy_decr (&dest, &ssa);
  --na;
  if (na == 0)
    goto succeed;
  if (nb == 1)
    goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;)
    {
      gssize acount = 0, bcount = 0;
      for (;;)
        {
          lt = islt (ms, ssb.keys[0], ssa.keys[0]);
          if (lt < 0)
            goto fail;
          if (lt)
            {
              slice_copy_decr (&dest, &ssa);
              ++acount;
              bcount = 0;
              --na;
              if (na == 0)
                goto succeed;
              if (acount >= min_gallop)
                break;
            }
          else
            {
              slice_copy_decr (&dest, &ssb);
              ++bcount;
              acount = 0;
              --nb;
              if (nb == 1)
                goto copy_a;
              if (bcount >= min_gallop)
                break;
            }
        }

      ++min_gallop;
      do
        {
          min_gallop -= min_gallop > 1;
          ms->min_gallop = min_gallop;
          k = gallop_right (ms, ssb.keys[0], basea.keys, na, na - 1);
          if (k < 0)
            goto fail;
          k = na - k;
          acount = k;
          if (k)
            {
              slice_advance (&dest, -k);
              slice_advance (&ssa, -k);
              slice_memmove (&dest, 1, &ssa, 1, k);
              na -= k;
              if (na == 0)
                goto succeed;
            }
          slice_copy_decr (&dest, &ssb);
          --nb;
          if (nb == 1)
            goto copy_a;

          k = gallop_left (ms, ssa.keys[0], baseb.keys, nb, nb - 1);
          if (k < 0)
            goto fail;
          k = nb - k;
          bcount = k;
          if (k)
            {
              slice_advance (&dest, -k);
              slice_advance (&ssb, -k);
              slice_memmove (&dest, 1, &ssb, 1, k);
              nb -= k;
              if (nb == 1)
                goto copy_a;
              if (nb == 0)
                goto succeed;
            }
          slice_copy_decr (&dest, &ssa);
          --na;
          if (na == 0)
            goto succeed;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++min_gallop;
      ms->min_gallop = min_gallop;
    }
succeed:
  result = 0;
fail:
  if (nb)
    slice_memmove (&dest, -(nb - 1), &baseb, 0, nb);
  return result;
copy_a:
  slice_memmove (&dest, 1 - na, &ssa, 1 - na, na);
  slice_advance (&dest, -na);
  slice_advance (&ssa, -na);
  slice_copy (&dest, 0, &ssb, 0);
  return 0;
}

static int
merge_at (MergeState *ms, int i)
{
  Slice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
  gssize na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;

  ms->pending[i].len = na + nb;
  if (i == ms->n - 3)
    ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  k = gallop_right (ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0)
    return -1;
  slice_advance (&ssa, k);
  na -= k;
  if (na == 0)
    return 0;
  nb = gallop_left (ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0)
    return (int) nb;
  if (na <= nb)
    return merge_lo (ms, ssa, na, ssb, nb);
  return merge_hi (ms, ssa, na, ssb, nb);
}

/* powersort's node power of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) */
static int
powerloop (gssize s1, gssize n1, gssize n2, gssize n)
{
  int result = 0;
  gssize a = 2 * s1 + n1, b = a + n1 + n2;
  for (;;)
    {
      ++result;
      if (a >= n)
        {
          a -= n;
          b -= n;
        }
      else if (b >= n)
        break;
      a <<= 1;
      b <<= 1;
    }
  return result;
}

static int
found_new_run (MergeState *ms, gssize n2)
{
  if (ms->n)
    {
      Run *p = ms->pending;
      gssize s1 = p[ms->n - 1].base.keys - ms->basekeys, n1 = p[ms->n - 1].len;
      int power = powerloop (s1, n1, n2, ms->listlen);
      while (ms->n > 1 && p[ms->n - 2].power > power)
        if (merge_at (ms, ms->n - 2) < 0)
          return -1;
      p[ms->n - 1].power = power;
    }
  return 0;
}

static int
merge_force_collapse (MergeState *ms)
{
  Run *p = ms->pending;
  while (ms->n > 1)
    {
      int n = ms->n - 2;
      if (n > 0 && p[n - 1].len < p[n + 1].len)
        --n;
      if (merge_at (ms, n) < 0)
        return -1;
    }
  return 0;
}

static gssize
merge_compute_minrun (gssize n)
{
  gssize r = 0;
  while (n >= 64)
    {
      r |= n & 1;
      n >>= 1;
    }
  return n + r;
}

int
builtins_timsort (ReclaimInterp *interp, ReclaimValue *keys, ReclaimValue *values, gssize n)
{
  MergeState ms = { interp, MIN_GALLOP, { NULL, NULL }, 0, { { { NULL, NULL }, 0, 0 } }, 0, n, keys };
  Slice lo = { keys, values };
  gssize nremaining = n, minrun;
  int result = -1;

  if (n < 2)
    return 0;
  minrun = merge_compute_minrun (nremaining);
  do
    {
      int descending;
      gssize len = count_run (&ms, lo.keys, lo.keys + nremaining, &descending);
      if (len < 0)
        goto out;
      if (descending)
        reverse_slice (&lo, len);
      if (len < minrun)
        {
          const gssize force = nremaining <= minrun ? nremaining : minrun;
          if (binarysort (&ms, lo, lo.keys + force, lo.keys + len) < 0)
            goto out;
          len = force;
        }
      if (found_new_run (&ms, len) < 0)
        goto out;
      g_assert (ms.n < MAX_PENDING);
      ms.pending[ms.n].base = lo;
      ms.pending[ms.n].len = len;
      ++ms.n;
      slice_advance (&lo, len);
      nremaining -= len;
    }
  while (nremaining);
  if (merge_force_collapse (&ms) < 0)
    goto out;
  result = 0;
out:
  g_free (ms.a.keys);
  return result;
}
