/* reclaim-slots.c: classes with __slots__.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A class with __slots__ (based on object or on another such class: the
 * subset check refuses the mixes) gives its instances one slot per name
 * and neither a __dict__ nor, unless '__weakref__' is among the names,
 * weak references.  Each name is a member descriptor in the class.  As
 * in CPython, a class's names are sorted, and the instance holds the most
 * derived class's slots first: subtype_dealloc clears them in that
 * order, after the weak references are cleared.
 */
#include "reclaim-eval-private.h"

#include <string.h>

enum { MEMBER_SLOT_OBJCLASS, MEMBER_SLOT_NAME };

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names of a __slots__ value (a str, or a tuple or list of strs),
 * or NULL with TypeError. */
static GPtrArray *
slot_names_of (ReclaimInterp *interp, ReclaimValue slots)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  if (scalar_type (slots) == SCALAR_STR)
    {
      g_ptr_array_add (names, g_strdup (scalar_get_str (slots, NULL)));
      return names;
    }
  gboolean is_sequence = reclaim_value_is_object (slots) &&
                         (reclaim_heap_get_kind (interp->heap, slots) == RECLAIM_KIND_TUPLE ||
                          reclaim_heap_get_kind (interp->heap, slots) == RECLAIM_KIND_LIST);
  guint n = is_sequence ? reclaim_heap_n_slots (interp->heap, slots) : 0;
  for (guint i = 0; is_sequence && i < n; i++)
    {
      ReclaimValue item = reclaim_heap_slot_get (interp->heap, slots, i);
      if (scalar_type (item) != SCALAR_STR)
        {
          lang_raise (interp, "TypeError", "__slots__ items must be strings, not '%s'", lang_type_name (interp, item));
          g_ptr_array_unref (names);
          return NULL;
        }
      g_ptr_array_add (names, g_strdup (scalar_get_str (item, NULL)));
    }
  if (!is_sequence)
    {
      lang_stop_not_supported (interp, "__slots__ of type '%s'", lang_type_name (interp, slots));
      g_ptr_array_unref (names);
      return NULL;
    }
  return names;
}

static ReclaimValue
member_new (ReclaimInterp *interp, LangClass *cls, const char *name)
{
  ReclaimId m = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "member_descriptor", 0);
  reclaim_heap_slot_append (interp->heap, m, RECLAIM_ROLE_OTHER, "__objclass__", lang_ref (interp, cls->id));
  reclaim_heap_slot_append (interp->heap, m, RECLAIM_ROLE_OTHER, "__name__", scalar_str (name, -1));
  return m;
}

/* type_new's part for __slots__, once the body has run and before the
 * class is used: the sorted names and a member descriptor for each.
 * FALSE with an exception. */
gboolean
eval_class_set_slots (ReclaimInterp *interp, LangClass *cls, LangClass *base)
{
  ReclaimValue slots = lang_dict_get (interp, cls->ns, scalar_str ("__slots__", -1));
  if (slots == 0)
    return TRUE;
  GPtrArray *names = slot_names_of (interp, slots);
  if (names == NULL)
    return FALSE;
  cls->has_weakref_slot = base->slot_names ? base->has_weakref_slot : FALSE;
  for (guint i = names->len; i-- > 0;)
    if (strcmp (names->pdata[i], "__weakref__") == 0)
      {
        cls->has_weakref_slot = TRUE;
        g_ptr_array_remove_index (names, i);
      }
    else
      {
        /* type_new mangles private slot names, then sorts them */
        char *mangled = reclaim_mangle_private_name (cls->name, names->pdata[i]);
        if (mangled)
          {
            g_free (names->pdata[i]);
            names->pdata[i] = mangled;
          }
      }
  g_ptr_array_sort (names, compare_names);
  cls->slot_names = names;
  for (guint i = 0; i < names->len; i++)
    {
      ReclaimValue key = scalar_str (names->pdata[i], -1);
      if (lang_dict_get (interp, cls->ns, key))
        {
          lang_raise (interp, "ValueError", "'%s' in __slots__ conflicts with class variable",
                      (const char *) names->pdata[i]);
          return FALSE;
        }
      ReclaimValue member = member_new (interp, cls, names->pdata[i]);
      lang_dict_set (interp, cls->ns, key, member);
      lang_decref (interp, member);
    }
  return TRUE;
}

/* Where name lives in an instance of cls when owner declared it: the
 * slots of cls's own names come first, then those of its base ... */
static int
slot_position (LangClass *cls, LangClass *owner, const char *name)
{
  guint offset = 0;
  for (LangClass *c = cls; c && c->slot_names; c = c->base)
    {
      if (c == owner)
        {
          for (guint i = 0; i < c->slot_names->len; i++)
            if (strcmp (c->slot_names->pdata[i], name) == 0)
              return offset + i;
          return -1;
        }
      offset += c->slot_names->len;
    }
  return -1;
}

ReclaimValue
eval_alloc_slotted_instance (ReclaimInterp *interp, LangClass *cls)
{
  ReclaimAllocFlags flags = (cls->has_del ? RECLAIM_ALLOC_HAS_FINALIZER : 0) |
                            (cls->has_weakref_slot ? 0 : RECLAIM_ALLOC_NO_WEAKREFS);
  ReclaimId obj = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_INSTANCE, cls->id, NULL, flags);
  for (LangClass *c = cls; c && c->slot_names; c = c->base)
    for (guint i = 0; i < c->slot_names->len; i++)
      reclaim_heap_slot_append (interp->heap, obj, RECLAIM_ROLE_ATTR, c->slot_names->pdata[i], RECLAIM_VALUE_NONE);
  return obj;
}

gboolean
lang_is_member_descriptor (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_OBJECT &&
         g_strcmp0 (reclaim_heap_get_label (interp->heap, v), "member_descriptor") == 0;
}

static int
member_slot (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj, const char **name)
{
  LangClass *owner = lang_class_get (interp, reclaim_heap_slot_get (interp->heap, member, MEMBER_SLOT_OBJCLASS));
  *name = scalar_get_str (reclaim_heap_slot_get (interp->heap, member, MEMBER_SLOT_NAME), NULL);
  if (!reclaim_value_is_object (obj) || reclaim_heap_get_kind (interp->heap, obj) != RECLAIM_KIND_INSTANCE)
    return -1;
  return slot_position (lang_class_of (interp, obj), owner, *name);
}

static void
member_wrong_object (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj, const char *name)
{
  LangClass *owner = lang_class_get (interp, reclaim_heap_slot_get (interp->heap, member, MEMBER_SLOT_OBJCLASS));
  lang_raise (interp, "TypeError", "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
              name, owner->name, lang_type_name (interp, obj));
}

/* obj.name through the member descriptor (new reference). */
ReclaimValue
lang_member_get (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj)
{
  const char *name;
  int slot = member_slot (interp, member, obj, &name);
  if (slot < 0)
    {
      member_wrong_object (interp, member, obj, name);
      return LANG_ERROR;
    }
  ReclaimValue v = reclaim_heap_slot_get (interp->heap, obj, slot);
  if (v == RECLAIM_VALUE_NONE)
    return lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
  return lang_ref (interp, v);
}

/* Setting (value) or deleting (value 0) a slot. */
int
lang_member_set (ReclaimInterp *interp, ReclaimValue member, ReclaimValue obj, ReclaimValue value)
{
  const char *name;
  int slot = member_slot (interp, member, obj, &name);
  if (slot < 0)
    {
      member_wrong_object (interp, member, obj, name);
      return -1;
    }
  if (value == 0 && reclaim_heap_slot_get (interp->heap, obj, slot) == RECLAIM_VALUE_NONE)
    {
      lang_raise (interp, "AttributeError", "'%s' object has no attribute '%s'", lang_type_name (interp, obj), name);
      return -1;
    }
  reclaim_heap_slot_set (interp->heap, obj, slot, value ? lang_ref (interp, value) : RECLAIM_VALUE_NONE);
  return 0;
}

char *
lang_member_repr (ReclaimInterp *interp, ReclaimValue member)
{
  LangClass *owner = lang_class_get (interp, reclaim_heap_slot_get (interp->heap, member, MEMBER_SLOT_OBJCLASS));
  return g_strdup_printf ("<member '%s' of '%s' objects>",
                          scalar_get_str (reclaim_heap_slot_get (interp->heap, member, MEMBER_SLOT_NAME), NULL),
                          owner->name);
}
