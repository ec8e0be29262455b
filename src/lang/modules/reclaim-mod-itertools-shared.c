/* reclaim-mod-itertools-shared.c: the itertools iterators that share
 * their state with other objects: groupby with its _grouper objects, and
 * tee with its _tee objects and the _tee_dataobject blocks they share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both follow CPython 3.11's Modules/itertoolsmodule.c, because what they
 * hold is the point:
 *
 * - A groupby holds its source, the key function, the key of the group it
 *   handed out last (tgtkey) and the current item with its key.  A
 *   _grouper holds the groupby and its group's key; it reads the groupby's
 *   current item, and is dead (empty) as soon as the groupby has moved on
 *   to another group, which the groupby knows by a borrowed pointer to the
 *   last _grouper it made.  Handing out an item lets go of it and its key.
 * - tee() makes _tee objects that read one chain of _tee_dataobject blocks
 *   of 57 items each.  The first _tee to reach an item reads it from the
 *   source into the block; a block lets go of its items (and of the next
 *   block) only when no _tee points into it any more, so an item lives
 *   until every _tee has left its whole block behind.
 */
#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

#include <string.h>

/* LINKCELLS: the items in one block */
#define TEE_BLOCK_ITEMS 57

static ReclaimValue
slot (ReclaimInterp *interp, ReclaimValue obj, guint i)
{
  return reclaim_heap_slot_get (interp->heap, obj, i);
}

/* lang_next() as an iterator's next function answers: the item, or
 * LANG_ERROR with or without an exception. */
static ReclaimValue
next_item (ReclaimInterp *interp, ReclaimValue it)
{
  ReclaimValue item;
  return lang_next (interp, it, &item) == 1 ? item : LANG_ERROR;
}

/* ---- groupby ---------------------------------------------------------------- */

/* in the order groupby_dealloc drops them */
enum { GROUPBY_IT, GROUPBY_KEYFUNC, GROUPBY_TGTKEY, GROUPBY_CURRKEY, GROUPBY_CURRVALUE };
enum { GROUPER_PARENT, GROUPER_TGTKEY };

/* The groupby's borrowed pointer to its last _grouper (0: none), kept
 * beside the object as CPython keeps it outside what it holds. */
static gint64 *
current_grouper (ReclaimInterp *interp, ReclaimValue groupby)
{
  return &lang_iter_state (interp, groupby)->current;
}

/* groupby_step: the next item and its key become the current ones; the
 * old item is dropped after the old key.  0, or -1 at the end or on error. */
static int
groupby_step (ReclaimInterp *interp, ReclaimValue gbo)
{
  ReclaimHeap *h = interp->heap;
  ReclaimValue value = next_item (interp, slot (interp, gbo, GROUPBY_IT));
  if (value == LANG_ERROR)
    return -1;
  ReclaimValue keyfunc = slot (interp, gbo, GROUPBY_KEYFUNC), key;
  if (scalar_type (keyfunc) == SCALAR_NONE)
    key = lang_ref (interp, value);
  else if ((key = lang_call (interp, keyfunc, 1, &value, 0, NULL)) == LANG_ERROR)
    {
      lang_decref (interp, value);
      return -1;
    }
  ReclaimValue old_value = lang_ref (interp, slot (interp, gbo, GROUPBY_CURRVALUE));
  reclaim_heap_slot_set (h, gbo, GROUPBY_CURRVALUE, value);
  reclaim_heap_slot_set (h, gbo, GROUPBY_CURRKEY, key);
  lang_decref (interp, old_value);
  return 0;
}

static ReclaimValue
grouper_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  ReclaimValue gbo = slot (interp, self, GROUPER_PARENT);
  if (*current_grouper (interp, gbo) != (gint64) self)
    return LANG_ERROR;
  if (slot (interp, gbo, GROUPBY_CURRVALUE) == RECLAIM_VALUE_NONE && groupby_step (interp, gbo) < 0)
    return LANG_ERROR;
  int same = lang_equal (interp, slot (interp, self, GROUPER_TGTKEY), slot (interp, gbo, GROUPBY_CURRKEY));
  if (same <= 0)
    return LANG_ERROR;   /* an error, or the end of the group */
  /* the item goes to the caller; the groupby forgets it and its key */
  ReclaimValue value = lang_ref (interp, slot (interp, gbo, GROUPBY_CURRVALUE));
  reclaim_heap_slot_set (interp->heap, gbo, GROUPBY_CURRVALUE, RECLAIM_VALUE_NONE);
  reclaim_heap_slot_set (interp->heap, gbo, GROUPBY_CURRKEY, RECLAIM_VALUE_NONE);
  return value;
}

static ReclaimValue
grouper_new (ReclaimInterp *interp, ReclaimValue gbo, ReclaimValue tgtkey)
{
  ReclaimValue grouper = lang_native_iter_new (interp, "itertools._grouper", grouper_next, 0, NULL);
  reclaim_heap_slot_append (interp->heap, grouper, RECLAIM_ROLE_OTHER, "parent", lang_ref (interp, gbo));
  reclaim_heap_slot_append (interp->heap, grouper, RECLAIM_ROLE_OTHER, "tgtkey", lang_ref (interp, tgtkey));
  *current_grouper (interp, gbo) = grouper;
  return grouper;
}

/* groupby_next: skip what is left of the group handed out last, then hand
 * out (key, _grouper) for the next one. */
static ReclaimValue
groupby_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  *current_grouper (interp, self) = 0;
  for (;;)
    {
      ReclaimValue currkey = slot (interp, self, GROUPBY_CURRKEY), tgtkey = slot (interp, self, GROUPBY_TGTKEY);
      if (currkey != RECLAIM_VALUE_NONE)
        {
          if (tgtkey == RECLAIM_VALUE_NONE)
            break;
          int same = lang_equal (interp, tgtkey, currkey);
          if (same < 0)
            return LANG_ERROR;
          if (same == 0)
            break;
        }
      if (groupby_step (interp, self) < 0)
        return LANG_ERROR;
    }
  ReclaimValue currkey = slot (interp, self, GROUPBY_CURRKEY);
  reclaim_heap_slot_set (interp->heap, self, GROUPBY_TGTKEY, lang_ref (interp, currkey));
  ReclaimValue items[] = { lang_ref (interp, currkey), grouper_new (interp, self, currkey) };
  return lang_tuple_new (interp, 2, items);
}

static ReclaimValue
groupby_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                   guint nkw, const char *const *kwnames)
{
  static const char *const names[] = { "iterable", "key", NULL };
  for (guint i = 0; i < nkw; i++)
    if (!g_strv_contains (names, kwnames[i]))
      return lang_raise (interp, "TypeError", "groupby() got an unexpected keyword argument '%s'", kwnames[i]);
  if (nargs + nkw > 2)
    return lang_raise (interp, "TypeError", "groupby() takes at most 2 arguments (%u given)", nargs + nkw);
  ReclaimValue iterable = lang_arg (nargs, args, nkw, kwnames, 0, "iterable");
  ReclaimValue keyfunc = lang_arg (nargs, args, nkw, kwnames, 1, "key");
  if (iterable == 0)
    return lang_raise (interp, "TypeError", "groupby() missing required argument 'iterable' (pos 1)");
  ReclaimValue it = lang_iter (interp, iterable);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue gbo = lang_native_iter_new (interp, "itertools.groupby", groupby_next, 0, NULL);
  const char *labels[] = { "it", "keyfunc", "tgtkey", "currkey", "currvalue" };
  ReclaimValue values[] = { it, lang_ref (interp, keyfunc ? keyfunc : scalar_none ()), 0, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    reclaim_heap_slot_append (interp->heap, gbo, RECLAIM_ROLE_OTHER, labels[i], values[i]);
  return gbo;
}

/* ---- tee ---------------------------------------------------------------------- */

/* A block: its source, then the items read so far, then the next block
 * once one is made: the order teedataobject_clear drops them in. */
enum { BLOCK_IT, BLOCK_FIRST_ITEM };
enum { TEE_DATA };

static ReclaimValue
block_new (ReclaimInterp *interp, ReclaimValue it)
{
  ReclaimId block = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "itertools._tee_dataobject", 0);
  reclaim_heap_slot_append (interp->heap, block, RECLAIM_ROLE_OTHER, "it", lang_ref (interp, it));
  return block;
}

static guint
block_read (ReclaimInterp *interp, ReclaimValue block)
{
  return MIN (reclaim_heap_n_slots (interp->heap, block) - BLOCK_FIRST_ITEM, TEE_BLOCK_ITEMS);
}

/* The blocks whose source is being read right now (teedataobject's
 * running flag), to refuse a source that reads the tee it feeds.  Scripts
 * run one at a time, and a block leaves this set as soon as its read
 * returns. */
static GHashTable *
running_blocks (void)
{
  static GHashTable *running;
  if (running == NULL)
    running = g_hash_table_new (NULL, NULL);
  return running;
}

/* teedataobject_getitem: item i, read from the source by the first _tee
 * that gets there (a new reference). */
static ReclaimValue
block_item (ReclaimInterp *interp, ReclaimValue block, guint i)
{
  if (i < block_read (interp, block))
    return lang_ref (interp, slot (interp, block, BLOCK_FIRST_ITEM + i));
  if (g_hash_table_contains (running_blocks (), GUINT_TO_POINTER (block)))
    return lang_raise (interp, "RuntimeError", "cannot re-enter the tee iterator");
  g_hash_table_add (running_blocks (), GUINT_TO_POINTER (block));
  ReclaimValue value = next_item (interp, slot (interp, block, BLOCK_IT));
  g_hash_table_remove (running_blocks (), GUINT_TO_POINTER (block));
  if (value == LANG_ERROR)
    return LANG_ERROR;
  reclaim_heap_slot_append (interp->heap, block, RECLAIM_ROLE_ITEM, NULL, value);
  return lang_ref (interp, value);
}

/* teedataobject_jumplink: the next block, made the first time (new reference). */
static ReclaimValue
block_next (ReclaimInterp *interp, ReclaimValue block)
{
  guint link = BLOCK_FIRST_ITEM + TEE_BLOCK_ITEMS;
  if (reclaim_heap_n_slots (interp->heap, block) <= link)
    reclaim_heap_slot_append (interp->heap, block, RECLAIM_ROLE_OTHER, "nextlink",
                              block_new (interp, slot (interp, block, BLOCK_IT)));
  return lang_ref (interp, slot (interp, block, link));
}

static gint64 *
tee_index (ReclaimInterp *interp, ReclaimValue tee)
{
  return &lang_iter_state (interp, tee)->current;
}

static ReclaimValue
tee_next (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (*tee_index (interp, self) >= TEE_BLOCK_ITEMS)
    {
      /* stepping into the next block lets go of this one */
      reclaim_heap_slot_set (interp->heap, self, TEE_DATA, block_next (interp, slot (interp, self, TEE_DATA)));
      *tee_index (interp, self) = 0;
    }
  ReclaimValue value = block_item (interp, slot (interp, self, TEE_DATA), *tee_index (interp, self));
  if (value != LANG_ERROR)
    (*tee_index (interp, self))++;
  return value;
}

static ReclaimValue
tee_new (ReclaimInterp *interp, ReclaimValue block, gint64 index)
{
  /* teeobject has a weak reference list */
  ReclaimValue tee = lang_native_iter_new_with_flags (interp, "itertools._tee", tee_next, 0, NULL,
                                                      RECLAIM_ALLOC_WEAKREFS);
  reclaim_heap_slot_append (interp->heap, tee, RECLAIM_ROLE_OTHER, "dataobj", lang_ref (interp, block));
  *tee_index (interp, tee) = index;
  return tee;
}

static gboolean
is_tee (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && lang_class_of (interp, v) == lang_builtin_class (interp, "itertools._tee");
}

/* tee.__copy__: another _tee at the same place in the same blocks */
static ReclaimValue
tee_copy (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
          guint nkw, const char *const *kwnames)
{
  if (!lang_check_args (interp, "__copy__", nargs, 0, 0, nkw))
    return LANG_ERROR;
  return tee_new (interp, slot (interp, self, TEE_DATA), *tee_index (interp, self));
}

/* itertools.tee: the first _tee reads the source (or is a copy of it when
 * the source is itself a _tee), the others are its copies. */
static ReclaimValue
tee_function (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
              guint nkw, const char *const *kwnames)
{
  gint64 n = 2;
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "tee() takes no keyword arguments");
  if (nargs < 1 || nargs > 2)
    return lang_raise (interp, "TypeError", "tee expected %s %d argument%s, got %u",
                       nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
  if (nargs == 2 && !modules_arg_int (interp, args[1], &n))
    return LANG_ERROR;
  if (n < 0)
    return lang_raise (interp, "ValueError", "n must be >= 0");
  if (!lang_memory_reserve (interp, n, 4 * LANG_SLOT_BYTE_COST))
    return LANG_ERROR;
  if (n == 0)
    return lang_ref (interp, lang_empty_tuple (interp));
  ReclaimValue it = lang_iter (interp, args[0]);
  if (it == LANG_ERROR)
    return LANG_ERROR;
  g_autofree ReclaimValue *tees = g_new (ReclaimValue, n);
  if (is_tee (interp, it))
    tees[0] = it;
  else
    {
      ReclaimValue block = block_new (interp, it);
      tees[0] = tee_new (interp, block, 0);
      lang_decref (interp, block);
      lang_decref (interp, it);
    }
  for (gint64 i = 1; i < n; i++)
    tees[i] = tee_new (interp, slot (interp, tees[0], TEE_DATA), *tee_index (interp, tees[0]));
  return lang_tuple_new (interp, n, tees);
}

/* ---- the module's part -------------------------------------------------------- */

static const LangMethodDef tee_methods[] = {
  { "__copy__", tee_copy },
  { NULL, NULL },
};

void
modules_itertools_shared_init (ReclaimInterp *interp, ReclaimValue ns)
{
  LangClass *object = lang_builtin_class (interp, "object");
  LangClass *groupby = lang_builtin_type_new (interp, "itertools.groupby", object, RECLAIM_KIND_OBJECT,
                                              groupby_construct, NULL, FALSE);

  lang_builtin_type_new (interp, "itertools._grouper", object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);
  lang_builtin_type_new (interp, "itertools._tee", object, RECLAIM_KIND_OBJECT, NULL, tee_methods, FALSE);
  lang_builtin_type_new (interp, "itertools._tee_dataobject", object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);
  lang_dict_set (interp, ns, scalar_str ("groupby", -1), groupby->id);
  modules_add_function (interp, ns, "tee", tee_function);
}
