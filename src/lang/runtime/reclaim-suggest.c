/* reclaim-suggest.c: "Did you mean: 'count'?" after a NameError or an
 * AttributeError, chosen as CPython 3.11 chooses it (Python/suggestions.c):
 * the candidate at the smallest Levenshtein distance, where moving a
 * character costs 2 and changing only its case costs 1, and no more than a
 * third of the characters may change.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-eval-private.h"

#include <string.h>

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE     40
#define MOVE_COST           2
#define CASE_COST           1

static gsize
substitution_cost (char a, char b)
{
  if ((a & 31) != (b & 31))
    return MOVE_COST;
  if (a == b)
    return 0;
  return g_ascii_tolower (a) == g_ascii_tolower (b) ? CASE_COST : MOVE_COST;
}

static gsize
levenshtein (const char *a, gsize a_size, const char *b, gsize b_size, gsize max_cost)
{
  gsize buffer[MAX_STRING_SIZE];

  while (a_size && b_size && a[0] == b[0])
    a++, a_size--, b++, b_size--;
  while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
    a_size--, b_size--;
  if (a_size == 0 || b_size == 0)
    return (a_size + b_size) * MOVE_COST;
  if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
    return max_cost + 1;
  if (b_size < a_size)
    {
      const char *t = a;
      a = b, b = t;
      gsize ts = a_size;
      a_size = b_size, b_size = ts;
    }
  if ((b_size - a_size) * MOVE_COST > max_cost)
    return max_cost + 1;

  for (gsize i = 0; i < a_size; i++)
    buffer[i] = (i + 1) * MOVE_COST;
  gsize result = 0;
  for (gsize bi = 0; bi < b_size; bi++)
    {
      gsize distance = result = bi * MOVE_COST;
      gsize minimum = G_MAXSIZE;
      for (gsize i = 0; i < a_size; i++)
        {
          gsize substitute = distance + substitution_cost (b[bi], a[i]);
          distance = buffer[i];
          gsize insert_delete = MIN (result, distance) + MOVE_COST;
          result = MIN (insert_delete, substitute);
          buffer[i] = result;
          minimum = MIN (minimum, result);
        }
      if (minimum > max_cost)
        return max_cost + 1;
    }
  return result;
}

/* The closest of the candidates (char *), or NULL. */
static const char *
closest (GPtrArray *candidates, const char *name)
{
  gsize name_size = strlen (name), best_distance = G_MAXSIZE;
  const char *best = NULL;

  if (candidates->len >= MAX_CANDIDATE_ITEMS)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *item = candidates->pdata[i];
      if (strcmp (item, name) == 0)
        continue;
      gsize item_size = strlen (item);
      gsize max_distance = MIN ((name_size + item_size + 3) * MOVE_COST / 6, best_distance - 1);
      gsize d = levenshtein (name, name_size, item, item_size, max_distance);
      if (d <= max_distance && (best == NULL || d < best_distance))
        {
          best = item;
          best_distance = d;
        }
    }
  return best;
}

static void
add_dict_keys (ReclaimInterp *interp, ReclaimValue dict, GPtrArray *out)
{
  ReclaimValue key, value;
  for (guint pos = 0; dict && lang_dict_next_entry (interp, dict, &pos, &key, &value);)
    if (scalar_type (key) == SCALAR_STR)
      g_ptr_array_add (out, (gpointer) scalar_get_str (key, NULL));
}

static void
remember (ReclaimInterp *interp, const char *suggestion)
{
  if (suggestion && interp->exc)
    lang_side_insert (interp, interp->suggestions, interp->exc, g_strdup (suggestion));
}

/* After a NameError: the function's own variables, then the module's,
 * then the builtins. */
void
lang_suggest_name (ReclaimInterp *interp, Frame *frame, const char *name, ReclaimId globals)
{
  g_autoptr (GPtrArray) tier = g_ptr_array_new ();
  const char *found = NULL;

  if (frame && frame->scope->kind == SCOPE_FUNCTION)
    {
      for (guint i = 0; i < frame->scope->slots->len; i++)
        if (reclaim_scope_name_kind (frame->scope, frame->scope->slots->pdata[i]) == NAME_LOCAL)
          g_ptr_array_add (tier, frame->scope->slots->pdata[i]);
      found = closest (tier, name);
    }
  if (found == NULL)
    {
      g_ptr_array_set_size (tier, 0);
      add_dict_keys (interp, globals, tier);
      found = closest (tier, name);
    }
  if (found == NULL)
    {
      g_ptr_array_set_size (tier, 0);
      add_dict_keys (interp, interp->builtins, tier);
      found = closest (tier, name);
    }
  remember (interp, found);
}

/* What dir() gives for an instance of a user class, besides its own. */
static const char *const object_attributes[] = {
  "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
  "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
  "__lt__", "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__",
  "__sizeof__", "__str__", "__subclasshook__", "__weakref__", NULL
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* After an AttributeError: what dir(obj) lists, sorted. */
void
lang_suggest_attribute (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  ReclaimHeap *h = interp->heap;

  if (reclaim_value_is_object (obj))
    {
      ReclaimKind kind = reclaim_heap_get_kind (h, obj);
      LangClass *cls = kind == RECLAIM_KIND_CLASS ? lang_class_get (interp, obj) : lang_class_of (interp, obj);
      if (g_strcmp0 (reclaim_heap_get_label (h, obj), "module") == 0)
        add_dict_keys (interp, reclaim_heap_slot_get (h, obj, 0), names);
      else
        {
          if (kind == RECLAIM_KIND_INSTANCE)
            for (guint i = 0; i < reclaim_heap_n_slots (h, obj); i++)
              if (reclaim_heap_slot_get_role (h, obj, i) == RECLAIM_ROLE_ATTR &&
                  reclaim_heap_slot_get (h, obj, i) != RECLAIM_VALUE_NONE)
                g_ptr_array_add (names, (gpointer) reclaim_heap_slot_get_label (h, obj, i));
          for (LangClass *c = cls; c; c = c->base)
            {
              add_dict_keys (interp, c->ns, names);
              if (c->methods)
                {
                  GHashTableIter it;
                  gpointer key;
                  g_hash_table_iter_init (&it, c->methods);
                  while (g_hash_table_iter_next (&it, &key, NULL))
                    g_ptr_array_add (names, key);
                }
            }
          if (cls && !cls->builtin)
            for (const char *const *a = object_attributes; *a; a++)
              g_ptr_array_add (names, (gpointer) *a);
        }
    }
  else
    {
      LangClass *cls = lang_class_of (interp, obj);
      GHashTableIter it;
      gpointer key;
      g_hash_table_iter_init (&it, cls->methods);
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_ptr_array_add (names, key);
    }
  /* dir() has each name once, sorted */
  g_autoptr (GPtrArray) unique = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    if (g_hash_table_add (seen, names->pdata[i]))
      g_ptr_array_add (unique, names->pdata[i]);
  g_ptr_array_sort (unique, compare_strings);
  remember (interp, closest (unique, name));
}

/* The suggestion python3 prints after the exception's message, or NULL. */
const char *
lang_suggestion_for (ReclaimInterp *interp, ReclaimValue exc)
{
  return g_hash_table_lookup (interp->suggestions, GUINT_TO_POINTER (exc));
}
