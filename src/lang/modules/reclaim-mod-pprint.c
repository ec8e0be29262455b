/* reclaim-mod-pprint.c: the pprint module: pprint, pformat, pp and
 * saferepr.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython writes it in Python (Lib/pprint.py, PrettyPrinter); this follows
 * its 3.11 rules step for step, so that lines break where python3 breaks
 * them: an object whose one-line form (_safe_repr, with dicts sorted) fits
 * in what is left of the width is written as it is; a longer dict, list,
 * tuple, set or str is written one item per line (_format and the
 * _pprint_* functions), or as many items per line as fit with
 * compact=True.  Lists and dicts of classes based on them count when the
 * class keeps their __repr__, as the dispatch on type(obj).__repr__ does.
 *
 * Not modelled: PrettyPrinter, isreadable, isrecursive, a stream other
 * than sys.stdout (refused by the subset check or when called).
 */
#include "reclaim-modules-private.h"
#include "reclaim-builtins-private.h"

#include <string.h>

typedef struct {
  ReclaimInterp *interp;
  gint64         per_level;      /* indent */
  gint64         width;
  gint64         depth;          /* 0: no limit */
  gboolean       compact;
  gboolean       sort_dicts;
  gboolean       underscore_numbers;
  GHashTable    *context;        /* the containers being written, by id */
  GString       *out;
} Printer;

static gboolean pretty_format (Printer *p, ReclaimValue v, gint64 indent, gint64 allowance, int level);

static gint64
text_length (const char *text)
{
  return g_utf8_strlen (text, -1);
}

/* What is written so far is charged to the script's memory, as the repr of
 * a list of big strs is: a list nested through shared references can have
 * a repr far bigger than the heap. */
static gboolean
room_for (Printer *p, GString *text)
{
  return lang_memory_reserve (p->interp, text->len, LANG_STR_BYTE_COST);
}

static void
write_spaces (Printer *p, gint64 n)
{
  for (gint64 i = 0; i < n; i++)
    g_string_append_c (p->out, ' ');
}

/* type(v).__repr__ is list.__repr__ (dict, tuple, set ...): the builtin
 * type, or a class based on list or dict that keeps its repr. */
static gboolean
has_kind_repr (ReclaimInterp *interp, ReclaimValue v, ReclaimKind kind)
{
  if (!reclaim_value_is_object (v) || reclaim_heap_get_kind (lang_heap (interp), v) != kind)
    return FALSE;
  LangClass *cls = lang_class_of (interp, v);
  return cls->builtin || (lang_is_container_instance (interp, v) && lang_eval_class_lookup (interp, cls, "__repr__") == 0);
}

static char *
recursion_text (Printer *p, ReclaimValue v)
{
  return g_strdup_printf ("<Recursion on %s with id=%" G_GINT64_FORMAT ">", lang_type_name (p->interp, v),
                          builtins_object_address (v));
}

/* ---- _safe_key: sorting what does not compare ---------------------------- */

/* a < b, or, when they do not compare, their types' str() and then their
 * ids: 1, 0, or -1 on another error. */
static int
safe_less (Printer *p, ReclaimValue a, ReclaimValue b)
{
  int less = lang_less (p->interp, a, b);
  if (less >= 0 || !lang_error_matches (p->interp, "TypeError"))
    return less;
  lang_error_clear (p->interp);
  g_autofree char *ta = g_strdup_printf ("<class '%s'>", lang_type_name (p->interp, a));
  g_autofree char *tb = g_strdup_printf ("<class '%s'>", lang_type_name (p->interp, b));
  int c = strcmp (ta, tb);
  if (c != 0)
    return c < 0;
  return builtins_object_address (a) < builtins_object_address (b);
}

/* A stable merge sort of keys[lo, hi), moving values along (may be NULL). */
static gboolean
merge_sort (Printer *p, ReclaimValue *keys, ReclaimValue *values, ReclaimValue *tmp_k, ReclaimValue *tmp_v,
            gsize lo, gsize hi)
{
  if (hi - lo < 2)
    return TRUE;
  gsize mid = lo + (hi - lo) / 2;
  if (!merge_sort (p, keys, values, tmp_k, tmp_v, lo, mid) || !merge_sort (p, keys, values, tmp_k, tmp_v, mid, hi))
    return FALSE;
  gsize i = lo, j = mid, k = lo;
  while (i < mid && j < hi)
    {
      /* take from the right only when it is strictly less: stable */
      int right_first = safe_less (p, keys[j], keys[i]);
      if (right_first < 0)
        return FALSE;
      gsize from = right_first ? j++ : i++;
      tmp_k[k] = keys[from];
      if (values)
        tmp_v[k] = values[from];
      k++;
    }
  for (; i < mid; i++, k++)
    {
      tmp_k[k] = keys[i];
      if (values)
        tmp_v[k] = values[i];
    }
  for (; j < hi; j++, k++)
    {
      tmp_k[k] = keys[j];
      if (values)
        tmp_v[k] = values[j];
    }
  memcpy (keys + lo, tmp_k + lo, (hi - lo) * sizeof (ReclaimValue));
  if (values)
    memcpy (values + lo, tmp_v + lo, (hi - lo) * sizeof (ReclaimValue));
  return TRUE;
}

static gboolean
sort_safely (Printer *p, GArray *keys, GArray *values)
{
  gsize n = keys->len;
  g_autofree ReclaimValue *tmp_k = g_new (ReclaimValue, n + 1);
  g_autofree ReclaimValue *tmp_v = g_new (ReclaimValue, n + 1);
  return merge_sort (p, (ReclaimValue *) keys->data, values ? (ReclaimValue *) values->data : NULL,
                     tmp_k, tmp_v, 0, n);
}

/* ---- the items of a container, held while they are written -------------- */

typedef struct {
  GArray *keys;     /* dicts: keys; else the items */
  GArray *values;   /* dicts: values; else NULL */
} Items;

static void
items_clear (Printer *p, Items *items)
{
  for (guint i = 0; items->keys && i < items->keys->len; i++)
    lang_decref (p->interp, g_array_index (items->keys, ReclaimValue, i));
  for (guint i = 0; items->values && i < items->values->len; i++)
    lang_decref (p->interp, g_array_index (items->values, ReclaimValue, i));
  g_clear_pointer (&items->keys, g_array_unref);
  g_clear_pointer (&items->values, g_array_unref);
}

static void
add_held (Printer *p, GArray *array, ReclaimValue v)
{
  lang_incref (p->interp, v);
  g_array_append_val (array, v);
}

/* A dict's items, sorted by key when sort_dicts; a set's items sorted;
 * a list's or tuple's in order. */
static gboolean
items_get (Printer *p, ReclaimValue v, gboolean sort, Items *items)
{
  ReclaimInterp *interp = p->interp;
  ReclaimKind kind = reclaim_heap_get_kind (lang_heap (interp), v);
  items->keys = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
  items->values = NULL;
  if (kind == RECLAIM_KIND_DICT)
    {
      ReclaimValue key, value;
      items->values = g_array_new (FALSE, FALSE, sizeof (ReclaimValue));
      for (guint pos = 0; lang_dict_next_entry (interp, v, &pos, &key, &value);)
        {
          add_held (p, items->keys, key);
          add_held (p, items->values, value);
        }
    }
  else if (kind == RECLAIM_KIND_SET)
    {
      ReclaimValue it = lang_iter (interp, v), item;
      int r;
      if (it == LANG_ERROR)
        return FALSE;
      while ((r = lang_next (interp, it, &item)) == 1)
        g_array_append_val (items->keys, item);
      lang_decref (interp, it);
      if (r < 0)
        return FALSE;
    }
  else
    for (guint i = 0; i < lang_seq_length (interp, v); i++)
      add_held (p, items->keys, lang_seq_item (interp, v, i));
  return !sort || sort_safely (p, items->keys, items->values);
}

/* ---- _safe_repr: the one-line form ---------------------------------------- */

static char *safe_repr (Printer *p, ReclaimValue v, int level);

static char *
int_repr (Printer *p, ReclaimValue v)
{
  if (!p->underscore_numbers)
    return lang_repr (p->interp, v);
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, scalar_get_int (v));
  const char *start = digits[0] == '-' ? digits + 1 : digits;
  gsize n = strlen (start);
  GString *out = g_string_new (digits[0] == '-' ? "-" : "");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, '_');
      g_string_append_c (out, start[i]);
    }
  return g_string_free (out, FALSE);
}

/* "[a, b]", "(a,)", "{k: v}" with each part a safe_repr one level down;
 * "[...]" past the depth; a recursion notice for a container inside itself. */
static char *
container_safe_repr (Printer *p, ReclaimValue v, ReclaimKind kind, int level)
{
  guint n = kind == RECLAIM_KIND_DICT ? lang_dict_length (p->interp, v) : lang_seq_length (p->interp, v);
  const char *open = kind == RECLAIM_KIND_LIST ? "[" : kind == RECLAIM_KIND_TUPLE ? "(" : "{";
  const char *close = kind == RECLAIM_KIND_LIST ? "]" : kind == RECLAIM_KIND_TUPLE ? (n == 1 ? ",)" : ")") : "}";

  if (n == 0)
    return g_strdup_printf ("%s%s", open, kind == RECLAIM_KIND_TUPLE ? ")" : close);
  if (p->depth && level >= p->depth)
    return g_strdup_printf ("%s...%s", open, close);
  if (g_hash_table_contains (p->context, GUINT_TO_POINTER (v)))
    return recursion_text (p, v);

  Items items;
  if (!items_get (p, v, kind == RECLAIM_KIND_DICT && p->sort_dicts, &items))
    {
      items_clear (p, &items);
      return NULL;
    }
  g_hash_table_add (p->context, GUINT_TO_POINTER (v));
  GString *out = g_string_new (open);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < items.keys->len; i++)
    {
      g_autofree char *key = safe_repr (p, g_array_index (items.keys, ReclaimValue, i), level + 1);
      g_autofree char *value = key && items.values
                               ? safe_repr (p, g_array_index (items.values, ReclaimValue, i), level + 1) : NULL;
      ok = key && (items.values == NULL || value);
      if (ok)
        g_string_append_printf (out, "%s%s%s%s", i ? ", " : "", key, value ? ": " : "", value ? value : "");
      ok = ok && room_for (p, out);
    }
  g_hash_table_remove (p->context, GUINT_TO_POINTER (v));
  items_clear (p, &items);
  g_string_append (out, close);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
safe_repr (Printer *p, ReclaimValue v, int level)
{
  ScalarType t = scalar_type (v);
  if (t == SCALAR_INT)
    return int_repr (p, v);
  if (t != SCALAR_NOT_SCALAR)
    return lang_repr (p->interp, v);
  if (!lang_enter_recursive_call (p->interp, " while getting the repr of an object"))
    return NULL;
  char *text;
  if (has_kind_repr (p->interp, v, RECLAIM_KIND_DICT))
    text = container_safe_repr (p, v, RECLAIM_KIND_DICT, level);
  else if (has_kind_repr (p->interp, v, RECLAIM_KIND_LIST))
    text = container_safe_repr (p, v, RECLAIM_KIND_LIST, level);
  else if (has_kind_repr (p->interp, v, RECLAIM_KIND_TUPLE))
    text = container_safe_repr (p, v, RECLAIM_KIND_TUPLE, level);
  else
    text = lang_repr (p->interp, v);
  lang_leave_recursive_call (p->interp);
  return text;
}

/* ---- _format and the _pprint_* functions --------------------------------- */

/* _format_items: one item per line, or with compact as many as fit. */
static gboolean
format_items (Printer *p, GArray *items, gint64 indent, gint64 allowance, int level)
{
  indent += p->per_level;
  write_spaces (p, p->per_level - 1);
  g_autofree char *delimnl = g_strdup_printf (",\n%*s", (int) indent, "");
  const char *delim = "";
  gint64 width = p->width - indent + 1, max_width = width;

  for (guint i = 0; i < items->len; i++)
    {
      ReclaimValue item = g_array_index (items, ReclaimValue, i);
      gboolean last = i + 1 == items->len;
      if (last)
        {
          max_width -= allowance;
          width -= allowance;
        }
      if (p->compact)
        {
          g_autofree char *rep = safe_repr (p, item, level);
          if (rep == NULL)
            return FALSE;
          gint64 w = text_length (rep) + 2;
          if (width < w)
            {
              width = max_width;
              if (*delim)
                delim = delimnl;
            }
          if (width >= w)
            {
              width -= w;
              g_string_append (p->out, delim);
              delim = ", ";
              g_string_append (p->out, rep);
              continue;
            }
        }
      g_string_append (p->out, delim);
      delim = delimnl;
      if (!pretty_format (p, item, indent, last ? allowance : 1, level))
        return FALSE;
    }
  return TRUE;
}

/* _pprint_dict and _format_dict_items */
static gboolean
pprint_dict (Printer *p, ReclaimValue v, gint64 indent, gint64 allowance, int level)
{
  Items items;
  gboolean ok = items_get (p, v, p->sort_dicts, &items);

  g_string_append_c (p->out, '{');
  write_spaces (p, p->per_level - 1);
  indent += p->per_level;
  allowance += 1;
  g_autofree char *delimnl = g_strdup_printf (",\n%*s", (int) indent, "");
  for (guint i = 0; ok && i < items.keys->len; i++)
    {
      gboolean last = i + 1 == items.keys->len;
      g_autofree char *rep = safe_repr (p, g_array_index (items.keys, ReclaimValue, i), level);
      ok = rep != NULL;
      if (!ok)
        break;
      g_string_append_printf (p->out, "%s: ", rep);
      ok = pretty_format (p, g_array_index (items.values, ReclaimValue, i), indent + text_length (rep) + 2,
                          last ? allowance : 1, level);
      if (ok && !last)
        g_string_append (p->out, delimnl);
    }
  items_clear (p, &items);
  g_string_append_c (p->out, '}');
  return ok;
}

static gboolean
pprint_sequence (Printer *p, ReclaimValue v, ReclaimKind kind, gint64 indent, gint64 allowance, int level)
{
  Items items;
  gboolean ok = items_get (p, v, kind == RECLAIM_KIND_SET, &items);
  const char *open = kind == RECLAIM_KIND_LIST ? "[" : kind == RECLAIM_KIND_TUPLE ? "(" : "{";
  const char *close = kind == RECLAIM_KIND_LIST ? "]" : kind == RECLAIM_KIND_TUPLE
                      ? (items.keys->len == 1 ? ",)" : ")") : "}";

  g_string_append (p->out, open);
  ok = ok && format_items (p, items.keys, indent, allowance + strlen (close), level);
  g_string_append (p->out, close);
  items_clear (p, &items);
  return ok;
}

/* re.findall(r'\S*\s*', line) without its empty last match. */
static GPtrArray *
word_parts (const char *line)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *s = line;
  while (*s)
    {
      const char *start = s;
      while (*s && !g_unichar_isspace (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      while (*s && g_unichar_isspace (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      g_ptr_array_add (parts, g_strndup (start, s - start));
    }
  return parts;
}

static char *
str_repr (Printer *p, const char *text)
{
  return lang_repr (p->interp, scalar_str (text, -1));
}

/* _pprint_str: a long str as adjacent literals, split at line ends and
 * then between words, in parentheses at the top level. */
static gboolean
pprint_str (Printer *p, ReclaimValue v, gint64 indent, gint64 allowance, int level)
{
  ReclaimValue keepends = scalar_bool (TRUE);
  ReclaimValue lines = lang_call_method (p->interp, v, "splitlines", 1, &keepends);
  if (lines == LANG_ERROR)
    return FALSE;
  g_autoptr (GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  guint n = lang_seq_length (p->interp, lines);
  if (level == 1)
    {
      indent += 1;
      allowance += 1;
    }
  gint64 max_width = p->width - indent, max_width1 = max_width;
  char *rep = NULL;
  for (guint i = 0; i < n; i++)
    {
      const char *line = scalar_get_str (lang_seq_item (p->interp, lines, i), NULL);
      rep = str_repr (p, line);
      g_ptr_array_add (chunks, rep);
      if (i == n - 1)
        max_width1 -= allowance;
      if (text_length (rep) <= max_width1)
        continue;
      g_ptr_array_remove_index (chunks, chunks->len - 1);
      g_autoptr (GPtrArray) parts = word_parts (line);
      gint64 max_width2 = max_width;
      g_autofree char *current = g_strdup ("");
      for (guint j = 0; j < parts->len; j++)
        {
          g_autofree char *candidate = g_strconcat (current, parts->pdata[j], NULL);
          if (j == parts->len - 1 && i == n - 1)
            max_width2 -= allowance;
          g_autofree char *candidate_rep = str_repr (p, candidate);
          if (text_length (candidate_rep) > max_width2)
            {
              if (*current)
                g_ptr_array_add (chunks, str_repr (p, current));
              g_free (current);
              current = g_strdup (parts->pdata[j]);
            }
          else
            {
              g_free (current);
              current = g_steal_pointer (&candidate);
            }
        }
      if (*current)
        g_ptr_array_add (chunks, str_repr (p, current));
    }
  lang_decref (p->interp, lines);
  if (chunks->len == 1)
    {
      g_string_append (p->out, chunks->pdata[0]);
      return TRUE;
    }
  if (level == 1)
    g_string_append_c (p->out, '(');
  for (guint i = 0; i < chunks->len; i++)
    {
      if (i > 0)
        {
          g_string_append_c (p->out, '\n');
          write_spaces (p, indent);
        }
      g_string_append (p->out, chunks->pdata[i]);
    }
  if (level == 1)
    g_string_append_c (p->out, ')');
  return TRUE;
}

/* The _pprint_* function for v's type, run with v in the context. */
static gboolean
dispatch (Printer *p, ReclaimValue v, gint64 indent, gint64 allowance, int level, gboolean *done)
{
  ReclaimInterp *interp = p->interp;
  ReclaimKind kinds[] = { RECLAIM_KIND_DICT, RECLAIM_KIND_LIST, RECLAIM_KIND_TUPLE, RECLAIM_KIND_SET };
  gboolean ok = TRUE;

  *done = TRUE;
  if (scalar_type (v) == SCALAR_STR)
    return pprint_str (p, v, indent, allowance, level + 1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (has_kind_repr (interp, v, kinds[i]))
      {
        g_hash_table_add (p->context, GUINT_TO_POINTER (v));
        if (kinds[i] == RECLAIM_KIND_DICT)
          ok = pprint_dict (p, v, indent, allowance, level + 1);
        else if (kinds[i] == RECLAIM_KIND_SET && lang_length (interp, v) == 0)
          g_string_append (p->out, "set()");
        else
          ok = pprint_sequence (p, v, kinds[i], indent, allowance, level + 1);
        g_hash_table_remove (p->context, GUINT_TO_POINTER (v));
        return ok;
      }
  *done = FALSE;
  return TRUE;
}

/* _format */
static gboolean
pretty_format (Printer *p, ReclaimValue v, gint64 indent, gint64 allowance, int level)
{
  if (reclaim_value_is_object (v) && g_hash_table_contains (p->context, GUINT_TO_POINTER (v)))
    {
      g_autofree char *text = recursion_text (p, v);
      g_string_append (p->out, text);
      return TRUE;
    }
  g_autofree char *rep = safe_repr (p, v, level);
  if (rep == NULL)
    return FALSE;
  if (text_length (rep) > p->width - indent - allowance)
    {
      gboolean done;
      if (!lang_enter_recursive_call (p->interp, " while getting the repr of an object"))
        return FALSE;
      gboolean ok = dispatch (p, v, indent, allowance, level, &done);
      lang_leave_recursive_call (p->interp);
      if (!ok || done)
        return ok;
    }
  g_string_append (p->out, rep);
  return room_for (p, p->out);
}

/* ---- the module's functions ----------------------------------------------- */

static gboolean
int_option (ReclaimInterp *interp, ReclaimValue v, gint64 *out)
{
  if (v == 0)
    return TRUE;
  return modules_arg_int (interp, v, out);
}

/* PrettyPrinter.__init__'s arguments, from a call whose positional
 * parameters are `positional` (names, NULL-terminated). */
static gboolean
printer_init (Printer *p, ReclaimInterp *interp, const char *name, const char *const *positional,
              guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames, gboolean sort_default)
{
  static const char *const keywords[] = { "compact", "sort_dicts", "underscore_numbers" };
  guint n_positional = g_strv_length ((char **) positional);
  memset (p, 0, sizeof *p);
  p->interp = interp;
  p->per_level = 1;
  p->width = 80;
  p->sort_dicts = sort_default;

  if (nargs > n_positional)
    {
      lang_raise (interp, "TypeError", "%s() takes from 1 to %u positional arguments but %u were given",
                  name, n_positional, nargs);
      return FALSE;
    }
  for (guint i = 0; i < nkw; i++)
    if (!g_strv_contains (positional, kwnames[i]) && !g_strv_contains (keywords, kwnames[i]))
      {
        lang_raise (interp, "TypeError", "%s() got an unexpected keyword argument '%s'", name, kwnames[i]);
        return FALSE;
      }
  ReclaimValue stream = g_strv_contains (positional, "stream")
                        ? lang_arg (nargs, args, nkw, kwnames, 1, "stream") : 0;
  if (stream && scalar_type (stream) != SCALAR_NONE)
    {
      /* the check refuses a stream it can see; one it could not is stopped */
      lang_stop_not_supported (interp, "pprint.%s() to a stream", name);
      return FALSE;
    }
  guint first = g_strv_contains (positional, "stream") ? 2 : 1;
  ReclaimValue indent = lang_arg (nargs, args, nkw, kwnames, first, "indent");
  ReclaimValue width = lang_arg (nargs, args, nkw, kwnames, first + 1, "width");
  ReclaimValue depth = lang_arg (nargs, args, nkw, kwnames, first + 2, "depth");
  ReclaimValue compact = lang_kwarg (nargs, args, nkw, kwnames, "compact");
  ReclaimValue sort_dicts = lang_kwarg (nargs, args, nkw, kwnames, "sort_dicts");
  ReclaimValue underscore = lang_kwarg (nargs, args, nkw, kwnames, "underscore_numbers");
  if (!int_option (interp, indent, &p->per_level) || !int_option (interp, width, &p->width) ||
      (depth && scalar_type (depth) != SCALAR_NONE && !int_option (interp, depth, &p->depth)))
    return FALSE;
  if ((compact && (p->compact = lang_truth (interp, compact)) < 0) ||
      (sort_dicts && (p->sort_dicts = lang_truth (interp, sort_dicts)) < 0) ||
      (underscore && (p->underscore_numbers = lang_truth (interp, underscore)) < 0))
    return FALSE;
  if (p->per_level < 0)
    {
      lang_raise (interp, "ValueError", "indent must be >= 0");
      return FALSE;
    }
  if (depth && scalar_type (depth) != SCALAR_NONE && p->depth <= 0)
    {
      lang_raise (interp, "ValueError", "depth must be > 0");
      return FALSE;
    }
  if (p->width == 0)
    {
      lang_raise (interp, "ValueError", "width must be != 0");
      return FALSE;
    }
  p->context = g_hash_table_new (NULL, NULL);
  p->out = g_string_new (NULL);
  return TRUE;
}

static char *
printer_run (Printer *p, ReclaimValue v)
{
  gboolean ok = pretty_format (p, v, 0, 0, 0);
  g_hash_table_unref (p->context);
  return g_string_free (p->out, !ok);
}

static const char *const pformat_params[] = { "object", "indent", "width", "depth", NULL };
static const char *const pprint_params[] = { "object", "stream", "indent", "width", "depth", NULL };

static ReclaimValue
pformat_or_print (ReclaimInterp *interp, const char *name, const char *const *params, gboolean sort_default,
                  gboolean print, guint nargs, const ReclaimValue *args, guint nkw, const char *const *kwnames)
{
  Printer p;
  ReclaimValue object = lang_arg (nargs, args, nkw, kwnames, 0, "object");
  if (object == 0)
    return lang_raise (interp, "TypeError", "%s() missing 1 required positional argument: 'object'", name);
  if (!printer_init (&p, interp, name, params, nargs, args, nkw, kwnames, sort_default))
    return LANG_ERROR;
  g_autofree char *text = printer_run (&p, object);
  if (text == NULL)
    return LANG_ERROR;
  if (!print)
    return scalar_str (text, -1);
  g_autofree char *line = g_strconcat (text, "\n", NULL);
  return lang_write_stdout (interp, line, -1) ? scalar_none () : LANG_ERROR;
}

static ReclaimValue
pprint_pformat (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                guint nkw, const char *const *kwnames)
{
  return pformat_or_print (interp, "pformat", pformat_params, TRUE, FALSE, nargs, args, nkw, kwnames);
}

static ReclaimValue
pprint_pprint (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
               guint nkw, const char *const *kwnames)
{
  return pformat_or_print (interp, "pprint", pprint_params, TRUE, TRUE, nargs, args, nkw, kwnames);
}

/* pp: pprint with sort_dicts=False unless told */
static ReclaimValue
pprint_pp (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
           guint nkw, const char *const *kwnames)
{
  return pformat_or_print (interp, "pp", pprint_params, FALSE, TRUE, nargs, args, nkw, kwnames);
}

/* saferepr: the one-line form with dicts sorted */
static ReclaimValue
pprint_saferepr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  static const char *const params[] = { "object", NULL };
  Printer p;
  if (!lang_check_args (interp, "saferepr", nargs, 1, 1, nkw) ||
      !printer_init (&p, interp, "saferepr", params, nargs, args, 0, NULL, TRUE))
    return LANG_ERROR;
  char *text = safe_repr (&p, args[0], 0);
  g_hash_table_unref (p.context);
  g_string_free (p.out, TRUE);
  if (text == NULL)
    return LANG_ERROR;
  ReclaimValue r = scalar_str (text, -1);
  g_free (text);
  return r;
}

void
modules_pprint_init (ReclaimInterp *interp)
{
  ReclaimValue ns = modules_namespace_new (interp, "pprint");

  modules_add_function (interp, ns, "pprint", pprint_pprint);
  modules_add_function (interp, ns, "pformat", pprint_pformat);
  modules_add_function (interp, ns, "pp", pprint_pp);
  modules_add_function (interp, ns, "saferepr", pprint_saferepr);
  modules_new_module (interp, "pprint", ns);
  lang_decref (interp, ns);
}
