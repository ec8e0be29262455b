/* reclaim-str-methods.c: the methods of str and bytes that split, join,
 * strip, search and replace (the others are in reclaim-str-case.c and
 * reclaim-bytes-methods.c).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * strs are immediates holding UTF-8; indices count code points, so the
 * methods that take positions work on UCS-4 copies.  A bytes object is
 * the same walk over its bytes, one unit each (CPython shares these
 * algorithms too, in Objects/stringlib): only what counts as whitespace,
 * the types the arguments must have and the messages differ.
 */
#include "reclaim-builtins-private.h"

#include <string.h>

typedef struct {
  gunichar *c;
  glong     n;
  gboolean  bytes;   /* the units are a bytes object's bytes */
} Text;

static ReclaimValue
str_from (const gunichar *c, glong n)
{
  glong len;
  char *utf8 = g_ucs4_to_utf8 (c, n, NULL, &len, NULL);
  ReclaimValue v = scalar_str (utf8 ? utf8 : "", utf8 ? len : 0);
  g_free (utf8);
  return v;
}

static gboolean
is_bytes (ReclaimValue v)
{
  return scalar_type (v) == SCALAR_BYTES;
}

static Text
text_of (ReclaimValue s)
{
  Text t;
  t.bytes = is_bytes (s);
  if (!t.bytes)
    {
      t.c = builtins_str_ucs4 (s, &t.n);
      return t;
    }
  gsize len;
  const guint8 *data = scalar_get_bytes (s, &len);
  t.c = g_new (gunichar, len + 1);
  for (gsize i = 0; i < len; i++)
    t.c[i] = data[i];
  t.n = (glong) len;
  return t;
}

/* n units from c as a value of t's type */
static ReclaimValue
piece_of (const Text *t, const gunichar *c, glong n)
{
  if (!t->bytes)
    return str_from (c, n);
  g_autofree guint8 *data = g_malloc (n + 1);
  for (glong i = 0; i < n; i++)
    data[i] = (guint8) c[i];
  return scalar_bytes (data, n);
}

/* Py_ISSPACE for bytes, str.isspace for str */
static gboolean
unit_isspace (const Text *t, gunichar c)
{
  if (t->bytes)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return builtins_unichar_isspace (c);
}

/* An argument that must be of self's type: "must be str, not int" (format
 * given), or bytes' "a bytes-like object is required, not 'int'". */
static gboolean
need_like (ReclaimInterp *interp, ReclaimValue self, ReclaimValue v, const char *str_format)
{
  if (is_bytes (self))
    {
      if (is_bytes (v))
        return TRUE;
      lang_raise (interp, "TypeError", "a bytes-like object is required, not '%s'", lang_type_name (interp, v));
      return FALSE;
    }
  if (builtins_is_str (v))
    return TRUE;
  lang_raise (interp, "TypeError", str_format, lang_type_name (interp, v));
  return FALSE;
}

/* The UTF-8 of a str, or the bytes of a bytes object */
static const char *
utf8 (ReclaimValue s, gsize *len)
{
  return is_bytes (s) ? (const char *) scalar_get_bytes (s, len) : scalar_get_str (s, len);
}

/* A value of self's type made of len bytes (UTF-8 for a str) */
static ReclaimValue
same_type (ReclaimValue self, const char *data, gsize len)
{
  return is_bytes (self) ? scalar_bytes ((const guint8 *) data, len) : scalar_str (data, len);
}

/* ADJUST_INDICES of unicodeobject.c: start and end (None: not given) */
static gboolean
adjust_indices (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint first, glong len,
                glong *start, glong *end)
{
  gint64 s = 0, e = G_MAXINT64;
  if (nargs > first && scalar_type (args[first]) != SCALAR_NONE && !builtins_slice_index (interp, args[first], &s))
    return FALSE;
  if (nargs > first + 1 && scalar_type (args[first + 1]) != SCALAR_NONE &&
      !builtins_slice_index (interp, args[first + 1], &e))
    return FALSE;
  if (e > len)
    e = len;
  else if (e < 0)
    e = MAX (0, e + len);
  if (s < 0)
    s = MAX (0, s + len);
  *start = (glong) MIN (s, G_MAXLONG);
  *end = (glong) e;
  return TRUE;
}

static gboolean
match_at (const Text *t, glong i, const Text *sub)
{
  return memcmp (t->c + i, sub->c, sub->n * sizeof (gunichar)) == 0;
}

/* ---- join and split -------------------------------------------------------------- */

static ReclaimValue
str_join (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!builtins_check (interp, is_bytes (self) ? "bytes.join" : "str.join", ARGS_METH_O, nargs, 1, 1, nkw, FALSE))
    return LANG_ERROR;
  /* PySequence_Fast: lists and tuples as they are, anything else as a new list */
  ReclaimValue seq = args[0];
  if (builtins_is_kind (interp, seq, RECLAIM_KIND_LIST) || builtins_is_kind (interp, seq, RECLAIM_KIND_TUPLE))
    lang_incref (interp, seq);
  else
    {
      /* only a failing iter() gets the message: an error raised while
       * iterating (a generator's TypeError) goes through as it is */
      ReclaimValue it = lang_iter (interp, seq);
      if (it == LANG_ERROR)
        {
          if (lang_error_matches (interp, "TypeError"))
            {
              lang_error_clear (interp);
              lang_raise (interp, "TypeError", "can only join an iterable");
            }
          return LANG_ERROR;
        }
      seq = builtins_sequence_list (interp, it);
      lang_decref (interp, it);
      if (seq == LANG_ERROR)
        return LANG_ERROR;
    }
  gsize sep_len;
  const char *sep = utf8 (self, &sep_len);
  GString *out = g_string_new (NULL);
  ReclaimValue result = LANG_ERROR;
  guint n = lang_seq_length (interp, seq), i;
  for (i = 0; i < n; i++)
    {
      ReclaimValue item = lang_seq_item (interp, seq, i);
      if (is_bytes (self) ? !is_bytes (item) : !builtins_is_str (item))
        {
          lang_raise (interp, "TypeError", "sequence item %u: expected %s, %s found", i,
                      is_bytes (self) ? "a bytes-like object" : "str instance", lang_type_name (interp, item));
          break;
        }
      gsize len;
      const char *s = utf8 (item, &len);
      if (!lang_memory_reserve (interp, (guint64) out->len + sep_len + len, LANG_STR_BYTE_COST))
        break;
      if (i > 0)
        g_string_append_len (out, sep, sep_len);
      g_string_append_len (out, s, len);
    }
  if (i == n)
    result = same_type (self, out->str, out->len);
  g_string_free (out, TRUE);
  lang_decref (interp, seq);
  return result;
}

static void
add_piece (ReclaimInterp *interp, ReclaimValue list, const Text *t, glong from, glong to)
{
  lang_list_append (interp, list, piece_of (t, t->c + from, to - from));
}

static ReclaimValue
split_whitespace (ReclaimInterp *interp, const Text *t, gint64 max, gboolean from_right)
{
  ReclaimValue list = lang_list_new (interp);
  const gunichar *c = t->c;
  glong n = t->n;
  if (!from_right)
    {
      glong i = 0, j;
      while (max-- > 0)
        {
          while (i < n && unit_isspace (t, c[i]))
            i++;
          if (i == n)
            break;
          j = i++;
          while (i < n && !unit_isspace (t, c[i]))
            i++;
          add_piece (interp, list, t, j, i);
        }
      while (i < n && unit_isspace (t, c[i]))
        i++;
      if (i < n)
        add_piece (interp, list, t, i, n);
      return list;
    }
  GPtrArray *pieces = g_ptr_array_new ();
  glong i = n - 1, j;
  while (max-- > 0)
    {
      while (i >= 0 && unit_isspace (t, c[i]))
        i--;
      if (i < 0)
        break;
      j = i--;
      while (i >= 0 && !unit_isspace (t, c[i]))
        i--;
      g_ptr_array_add (pieces, GUINT_TO_POINTER (piece_of (t, c + i + 1, j - i)));
    }
  while (i >= 0 && unit_isspace (t, c[i]))
    i--;
  if (i >= 0)
    g_ptr_array_add (pieces, GUINT_TO_POINTER (piece_of (t, c, i + 1)));
  for (guint k = pieces->len; k-- > 0;)
    lang_list_append (interp, list, GPOINTER_TO_UINT (pieces->pdata[k]));
  g_ptr_array_unref (pieces);
  return list;
}

static ReclaimValue
split_sep (ReclaimInterp *interp, const Text *t, const Text *sep, gint64 max, gboolean from_right)
{
  ReclaimValue list = lang_list_new (interp);
  if (!from_right)
    {
      glong i = 0, j = 0;
      while (max > 0 && i + sep->n <= t->n)
        {
          if (match_at (t, i, sep))
            {
              add_piece (interp, list, t, j, i);
              i = j = i + sep->n;
              max--;
            }
          else
            i++;
        }
      add_piece (interp, list, t, j, t->n);
      return list;
    }
  GPtrArray *pieces = g_ptr_array_new ();
  glong j = t->n, i = t->n - sep->n;
  while (max > 0 && i >= 0)
    {
      if (match_at (t, i, sep))
        {
          g_ptr_array_add (pieces, GUINT_TO_POINTER (piece_of (t, t->c + i + sep->n, j - i - sep->n)));
          j = i;
          i -= sep->n;
          max--;
        }
      else
        i--;
    }
  g_ptr_array_add (pieces, GUINT_TO_POINTER (piece_of (t, t->c, j)));
  for (guint k = pieces->len; k-- > 0;)
    lang_list_append (interp, list, GPOINTER_TO_UINT (pieces->pdata[k]));
  g_ptr_array_unref (pieces);
  return list;
}

/* PyUnicode_KIND: bytes a character of t takes */
static int
text_kind (const Text *t)
{
  gunichar widest = 0;
  for (glong i = 0; i < t->n; i++)
    widest = MAX (widest, t->c[i]);
  return widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
}

/* split() makes its list with room for maxsplit + 1 pieces, at most 12,
 * and appends past that; a str shorter or narrower than the separator
 * is returned alone in a list of one. */
static void
set_split_capacity (ReclaimInterp *interp, ReclaimValue list, const Text *t, const Text *sep, gint64 max)
{
  guint32 capacity = max >= 12 ? 12 : (guint32) max + 1;
  guint n = lang_seq_length (interp, list);
  if (sep && (t->n < sep->n || text_kind (t) < text_kind (sep)))
    capacity = 1;
  for (guint size = capacity; size < n; size++)
    capacity = reclaim_list_resize (capacity, size, size + 1);
  reclaim_heap_set_capacity (interp->heap, list, capacity);
}

static ReclaimValue
split_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
              const char *const *kwnames, gboolean from_right)
{
  const char *name = from_right ? "rsplit" : "split";
  static const char *const allowed[] = { "sep", "maxsplit", NULL };
  if (!builtins_only_keywords (interp, name, nkw, kwnames, allowed) ||
      !builtins_check (interp, name, ARGS_KEYWORDS, nargs + nkw, 0, 2, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue sep = lang_arg (nargs, args, nkw, kwnames, 0, "sep");
  ReclaimValue maxsplit = lang_arg (nargs, args, nkw, kwnames, 1, "maxsplit");
  gint64 max = -1;
  if (sep && scalar_type (sep) != SCALAR_NONE && !need_like (interp, self, sep, "must be str or None, not %s"))
    return LANG_ERROR;
  if (maxsplit && !builtins_index (interp, maxsplit, &max))
    return LANG_ERROR;
  if (max < 0)
    max = G_MAXINT64;
  Text t = text_of (self);
  ReclaimValue r;
  if (sep == 0 || scalar_type (sep) == SCALAR_NONE)
    {
      r = split_whitespace (interp, &t, max, from_right);
      set_split_capacity (interp, r, &t, NULL, max);
    }
  else
    {
      Text s = text_of (sep);
      r = s.n == 0 ? lang_raise (interp, "ValueError", "empty separator") : split_sep (interp, &t, &s, max, from_right);
      if (r != LANG_ERROR)
        set_split_capacity (interp, r, &t, &s, max);
      g_free (s.c);
    }
  g_free (t.c);
  return r;
}

static ReclaimValue
str_split (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return split_common (interp, self, nargs, args, nkw, kwnames, FALSE);
}

static ReclaimValue
str_rsplit (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return split_common (interp, self, nargs, args, nkw, kwnames, TRUE);
}

static gboolean
is_line_break (const Text *t, gunichar c)
{
  if (t->bytes)
    return c == '\n' || c == '\r';
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

static ReclaimValue
str_splitlines (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  static const char *const allowed[] = { "keepends", NULL };
  if (!builtins_only_keywords (interp, "splitlines", nkw, kwnames, allowed) ||
      !builtins_check (interp, "splitlines", ARGS_KEYWORDS, nargs + nkw, 0, 1, 0, FALSE))
    return LANG_ERROR;
  ReclaimValue keep_arg = lang_arg (nargs, args, nkw, kwnames, 0, "keepends");
  gint64 keep = 0;
  if (keep_arg && !builtins_index (interp, keep_arg, &keep))
    return LANG_ERROR;
  Text t = text_of (self);
  ReclaimValue list = lang_list_new (interp);
  reclaim_heap_set_capacity (interp->heap, list, RECLAIM_CAPACITY_NO_ITEMS);   /* PyList_New(0), then appends */
  glong i = 0;
  while (i < t.n)
    {
      glong j = i;
      while (i < t.n && !is_line_break (&t, t.c[i]))
        i++;
      glong eol = i;
      if (i < t.n)
        {
          i += (t.c[i] == '\r' && i + 1 < t.n && t.c[i + 1] == '\n') ? 2 : 1;
          if (keep)
            eol = i;
        }
      add_piece (interp, list, &t, j, eol);
    }
  g_free (t.c);
  return list;
}

static ReclaimValue
partition_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
                  gboolean from_right)
{
  const char *name = is_bytes (self) ? (from_right ? "bytes.rpartition" : "bytes.partition")
                                     : (from_right ? "str.rpartition" : "str.partition");
  if (!builtins_check (interp, name, ARGS_METH_O, nargs, 1, 1, nkw, FALSE) ||
      !need_like (interp, self, args[0], "must be str, not %s"))
    return LANG_ERROR;
  Text t = text_of (self), s = text_of (args[0]);
  ReclaimValue r = LANG_ERROR;
  if (s.n == 0)
    lang_raise (interp, "ValueError", "empty separator");
  else
    {
      glong at = -1;
      if (!from_right)
        {
          for (glong i = 0; i + s.n <= t.n && at < 0; i++)
            if (match_at (&t, i, &s))
              at = i;
        }
      else
        for (glong i = t.n - s.n; i >= 0 && at < 0; i--)
          if (match_at (&t, i, &s))
            at = i;
      ReclaimValue empty = same_type (self, "", 0), items[3];
      if (at < 0)
        {
          items[0] = from_right ? empty : self;
          items[1] = empty;
          items[2] = from_right ? self : empty;
        }
      else
        {
          items[0] = piece_of (&t, t.c, at);
          items[1] = args[0];
          items[2] = piece_of (&t, t.c + at + s.n, t.n - at - s.n);
        }
      r = lang_tuple_new (interp, 3, items);
    }
  g_free (t.c);
  g_free (s.c);
  return r;
}

static ReclaimValue
str_partition (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  return partition_common (interp, self, nargs, args, nkw, FALSE);
}

static ReclaimValue
str_rpartition (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  return partition_common (interp, self, nargs, args, nkw, TRUE);
}

/* ---- strip ------------------------------------------------------------- */

static gboolean
strippable (const Text *t, gunichar c, gboolean whitespace, const Text *chars)
{
  if (whitespace)
    return unit_isspace (t, c);
  for (glong k = 0; k < chars->n; k++)
    if (chars->c[k] == c)
      return TRUE;
  return FALSE;
}

static ReclaimValue
strip_common (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
              const char *name, gboolean left, gboolean right)
{
  if (!builtins_check (interp, name, ARGS_CLINIC, nargs, 0, 1, nkw, FALSE))
    return LANG_ERROR;
  Text chars = { NULL, 0 };
  gboolean whitespace = nargs == 0 || scalar_type (args[0]) == SCALAR_NONE;
  if (!whitespace)
    {
      if (is_bytes (self) ? !need_like (interp, self, args[0], NULL) : !builtins_is_str (args[0]))
        return is_bytes (self) ? LANG_ERROR : lang_raise (interp, "TypeError", "%s arg must be None or str", name + 4);
      chars = text_of (args[0]);
    }
  Text t = text_of (self);
  glong i = 0, j = t.n;
  while (left && i < j && strippable (&t, t.c[i], whitespace, &chars))
    i++;
  while (right && j > i && strippable (&t, t.c[j - 1], whitespace, &chars))
    j--;
  ReclaimValue r = (i == 0 && j == t.n) ? self : piece_of (&t, t.c + i, j - i);
  g_free (t.c);
  g_free (chars.c);
  return r;
}

static ReclaimValue
str_strip (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return strip_common (interp, self, nargs, args, nkw, "str.strip", TRUE, TRUE);
}

static ReclaimValue
str_lstrip (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return strip_common (interp, self, nargs, args, nkw, "str.lstrip", TRUE, FALSE);
}

static ReclaimValue
str_rstrip (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return strip_common (interp, self, nargs, args, nkw, "str.rstrip", FALSE, TRUE);
}

/* ---- searching ------------------------------------------------------------------------ */

typedef enum { FIND, RFIND, INDEX, RINDEX, COUNT } SearchOp;

/* What find() and friends look for: a str in a str; in bytes, bytes or
 * one byte given as an int. */
static gboolean
search_target (ReclaimInterp *interp, ReclaimValue self, ReclaimValue v, Text *out)
{
  if (is_bytes (self) && builtins_is_int (v))
    {
      gint64 byte;
      if (!builtins_index (interp, v, &byte))
        return FALSE;
      if (byte < 0 || byte > 255)
        {
          lang_raise (interp, "ValueError", "byte must be in range(0, 256)");
          return FALSE;
        }
      out->bytes = TRUE;
      out->n = 1;
      out->c = g_new (gunichar, 1);
      out->c[0] = (gunichar) byte;
      return TRUE;
    }
  if (is_bytes (self) && !is_bytes (v))
    {
      lang_raise (interp, "TypeError", "argument should be integer or bytes-like object, not '%s'",
                  lang_type_name (interp, v));
      return FALSE;
    }
  if (!need_like (interp, self, v, "must be str, not %s"))
    return FALSE;
  *out = text_of (v);
  return TRUE;
}

static ReclaimValue
search (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
        const char *name, SearchOp op)
{
  if (!builtins_check (interp, name, ARGS_KEYWORDS, nargs, 1, 3, nkw, FALSE))
    return LANG_ERROR;
  Text t = text_of (self), sub;
  if (!search_target (interp, self, args[0], &sub))
    {
      g_free (t.c);
      return LANG_ERROR;
    }
  glong start, end;
  ReclaimValue r = LANG_ERROR;
  if (adjust_indices (interp, nargs, args, 1, t.n, &start, &end))
    {
      gint64 found = -1, count = 0;
      if (end - start >= sub.n)
        {
          if (op == COUNT)
            {
              if (sub.n == 0)
                count = end - start + 1;
              else
                for (glong i = start; i + sub.n <= end;)
                  {
                    if (match_at (&t, i, &sub))
                      {
                        count++;
                        i += sub.n;
                      }
                    else
                      i++;
                  }
            }
          else if (op == FIND || op == INDEX)
            {
              for (glong i = start; i + sub.n <= end && found < 0; i++)
                if (match_at (&t, i, &sub))
                  found = i;
            }
          else
            for (glong i = end - sub.n; i >= start && found < 0; i--)
              if (match_at (&t, i, &sub))
                found = i;
        }
      if (op == COUNT)
        r = scalar_int (count);
      else if (found < 0 && (op == INDEX || op == RINDEX))
        lang_raise (interp, "ValueError", t.bytes ? "subsection not found" : "substring not found");
      else
        r = scalar_int (found);
    }
  g_free (t.c);
  g_free (sub.c);
  return r;
}

#define SEARCH_METHOD(fn, name, op)                                                                      \
  static ReclaimValue fn (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, \
                          guint nkw, const char *const *kwnames)                                          \
  {                                                                                                      \
    return search (interp, self, nargs, args, nkw, name, op);                                            \
  }

SEARCH_METHOD (str_find, "find", FIND)
SEARCH_METHOD (str_rfind, "rfind", RFIND)
SEARCH_METHOD (str_index, "index", INDEX)
SEARCH_METHOD (str_rindex, "rindex", RINDEX)
SEARCH_METHOD (str_count, "count", COUNT)

/* startswith / endswith: a str or a tuple of them */
static ReclaimValue
tail_match (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
            const char *name, gboolean at_end)
{
  if (!builtins_check (interp, name, ARGS_KEYWORDS, nargs, 1, 3, nkw, FALSE))
    return LANG_ERROR;
  ReclaimValue prefix = args[0];
  gboolean is_tuple = builtins_is_kind (interp, prefix, RECLAIM_KIND_TUPLE);
  const char *type = is_bytes (self) ? "bytes" : "str";
  if (!is_tuple && (is_bytes (self) ? !is_bytes (prefix) : !builtins_is_str (prefix)))
    return lang_raise (interp, "TypeError", "%s first arg must be %s or a tuple of %s, not %s", name, type, type,
                       lang_type_name (interp, prefix));
  Text t = text_of (self);
  glong start, end;
  ReclaimValue r = LANG_ERROR;
  if (adjust_indices (interp, nargs, args, 1, t.n, &start, &end))
    {
      guint n = is_tuple ? lang_seq_length (interp, prefix) : 1;
      gboolean matched = FALSE, failed = FALSE;
      for (guint k = 0; k < n && !matched && !failed; k++)
        {
          ReclaimValue p = is_tuple ? lang_seq_item (interp, prefix, k) : prefix;
          if (is_bytes (self) ? !need_like (interp, self, p, NULL) : !builtins_is_str (p))
            {
              if (!is_bytes (self))
                lang_raise (interp, "TypeError", "tuple for %s must only contain str, not %s", name,
                            lang_type_name (interp, p));
              failed = TRUE;
              break;
            }
          Text sub = text_of (p);
          glong last = end - sub.n;
          if (last >= start && start <= t.n)
            matched = match_at (&t, at_end ? last : start, &sub);
          g_free (sub.c);
        }
      if (!failed)
        r = scalar_bool (matched);
    }
  g_free (t.c);
  return r;
}

static ReclaimValue
str_startswith (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  return tail_match (interp, self, nargs, args, nkw, "startswith", FALSE);
}

static ReclaimValue
str_endswith (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  return tail_match (interp, self, nargs, args, nkw, "endswith", TRUE);
}

static ReclaimValue
str_replace (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
             guint nkw, const char *const *kwnames)
{
  gint64 count = -1;
  if (!builtins_check (interp, "str.replace", ARGS_CLINIC, nargs, 2, 3, nkw, FALSE) ||
      !need_like (interp, self, args[0], "replace() argument 1 must be str, not %s") ||
      !need_like (interp, self, args[1], "replace() argument 2 must be str, not %s") ||
      (nargs > 2 && !builtins_index (interp, args[2], &count)))
    return LANG_ERROR;
  if (count < 0)
    count = G_MAXINT64;
  Text t = text_of (self), old = text_of (args[0]);
  gsize new_len;
  const char *new_text = utf8 (args[1], &new_len);
  gint64 new_units = is_bytes (self) ? (gint64) new_len : builtins_str_len (args[1]);
  gint64 most = MIN (count, t.n + 1) * new_units + t.n;
  if (!builtins_check_size (interp, most))
    {
      g_free (t.c);
      g_free (old.c);
      return LANG_ERROR;
    }
  GString *out = g_string_new (NULL);
  glong i = 0;
  while (i <= t.n)
    {
      gboolean hit = count > 0 && i + old.n <= t.n && match_at (&t, i, &old);
      if (hit)
        {
          g_string_append_len (out, new_text, new_len);
          count--;
          if (old.n > 0)
            {
              i += old.n;
              continue;
            }
        }
      if (i == t.n)
        break;
      char buf[8];
      if (t.bytes)
        g_string_append_c (out, (char) t.c[i]);
      else
        g_string_append_len (out, buf, g_unichar_to_utf8 (t.c[i], buf));
      i++;
    }
  ReclaimValue r = same_type (self, out->str, out->len);
  g_string_free (out, TRUE);
  g_free (t.c);
  g_free (old.c);
  return r;
}

static ReclaimValue
remove_affix (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args, guint nkw,
              const char *name, gboolean suffix)
{
  g_autofree char *message = g_strdup_printf ("%s() argument must be str, not %%s", name + 4);
  g_autofree char *qualified = g_strdup_printf ("%s.%s", is_bytes (self) ? "bytes" : "str", name + 4);
  if (!builtins_check (interp, qualified, ARGS_METH_O, nargs, 1, 1, nkw, FALSE) || !need_like (interp, self, args[0], message))
    return LANG_ERROR;
  gsize len, alen;
  const char *s = utf8 (self, &len), *a = utf8 (args[0], &alen);
  if (alen == 0 || alen > len)
    return self;
  if (!suffix && memcmp (s, a, alen) == 0)
    return same_type (self, s + alen, len - alen);
  if (suffix && memcmp (s + len - alen, a, alen) == 0)
    return same_type (self, s, len - alen);
  return self;
}

static ReclaimValue
str_removeprefix (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return remove_affix (interp, self, nargs, args, nkw, "str.removeprefix", FALSE);
}

static ReclaimValue
str_removesuffix (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return remove_affix (interp, self, nargs, args, nkw, "str.removesuffix", TRUE);
}

/* ---- the rest ------------------------------------------------------------------------------ */

static ReclaimValue
str_format (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  return builtins_str_format (interp, self, nargs, args, nkw, kwnames);
}

/* the methods str and bytes share */
const LangMethodDef builtins_text_methods[] = {
  { "join", str_join },
  { "split", str_split },
  { "rsplit", str_rsplit },
  { "splitlines", str_splitlines },
  { "partition", str_partition },
  { "rpartition", str_rpartition },
  { "strip", str_strip },
  { "lstrip", str_lstrip },
  { "rstrip", str_rstrip },
  { "find", str_find },
  { "rfind", str_rfind },
  { "index", str_index },
  { "rindex", str_rindex },
  { "count", str_count },
  { "startswith", str_startswith },
  { "endswith", str_endswith },
  { "replace", str_replace },
  { "removeprefix", str_removeprefix },
  { "removesuffix", str_removesuffix },
  { NULL }
};

const LangMethodDef builtins_str_methods[] = {
  { "format", str_format },
  { NULL }
};
