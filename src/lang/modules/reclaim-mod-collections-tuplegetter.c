/* reclaim-mod-collections-tuplegetter.c: what a named tuple class holds
 * besides its methods: a _tuplegetter for each field (Point.x), the
 * classmethod _make, and the defaults of its __new__.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython's _collections._tuplegetter is a descriptor holding a field's
 * position and its doc ("Alias for field number 0"); here it is an object
 * of its own type that holds the position and the doc.  An instance's field is still read by the class's data attributes
 * (reclaim-mod-collections-namedtuple.c); read from the class, the field
 * is the _tuplegetter itself, as in python3.
 */
#include "reclaim-mod-collections-private.h"

#include <string.h>

#define H(interp) ((interp)->heap)

static const char *const tuplegetter_name = "_collections._tuplegetter";

enum { GETTER_SLOT_INDEX, GETTER_SLOT_DOC };

static ReclaimValue
tuplegetter_new (ReclaimInterp *interp, guint index)
{
  LangClass *cls = lang_builtin_class (interp, tuplegetter_name);
  ReclaimValue getter = reclaim_heap_alloc (H (interp), RECLAIM_KIND_OBJECT, cls->id, NULL, 0);
  g_autofree char *doc = g_strdup_printf ("Alias for field number %u", index);
  reclaim_heap_slot_append (H (interp), getter, RECLAIM_ROLE_OTHER, "index", scalar_int (index));
  reclaim_heap_slot_append (H (interp), getter, RECLAIM_ROLE_OTHER, "__doc__", scalar_str (doc, -1));
  return getter;
}

static gboolean
getter_self (ReclaimInterp *interp, const char *method, ReclaimValue *self, guint *nargs, const ReclaimValue **args)
{
  return collections_self (interp, tuplegetter_name, method, self, nargs, args);
}

/* "_tuplegetter(0, 'Alias for field number 0')" */
static ReclaimValue
tuplegetter_repr (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  if (!getter_self (interp, "__repr__", &self, &nargs, &args))
    return LANG_ERROR;
  g_autofree char *doc = lang_repr (interp, reclaim_heap_slot_get (H (interp), self, GETTER_SLOT_DOC));
  if (doc == NULL)
    return LANG_ERROR;
  g_autofree char *text = g_strdup_printf ("_tuplegetter(%" G_GINT64_FORMAT ", %s)",
                                           scalar_get_int (reclaim_heap_slot_get (H (interp), self, GETTER_SLOT_INDEX)),
                                           doc);
  return scalar_str (text, -1);
}

/* __doc__, which python3 lets a script set */
static ReclaimValue
tuplegetter_getset (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (strcmp (scalar_get_str (args[0], NULL), "__doc__") != 0)
    return 0;
  if (nargs == 2)
    {
      reclaim_heap_slot_set (H (interp), self, GETTER_SLOT_DOC, lang_ref (interp, args[1]));
      return scalar_none ();
    }
  return lang_ref (interp, reclaim_heap_slot_get (H (interp), self, GETTER_SLOT_DOC));
}

static const LangMethodDef tuplegetter_methods[] = {
  { "__repr__", tuplegetter_repr }, { LANG_TYPE_GETSET, tuplegetter_getset },
  { NULL },
};

/* _make(iterable), a classmethod: tuple.__new__(cls, iterable), of the
 * right length */
static ReclaimValue
named_make (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
            guint nkw, const char *const *kwnames)
{
  /* args[0] is the class */
  LangClass *cls = lang_class_get (interp, args[0]);
  if (nkw > 0 || nargs != 2)
    return nargs + nkw < 2
           ? lang_raise (interp, "TypeError", "%s._make() missing 1 required positional argument: 'iterable'",
                         cls->name)
           : lang_raise (interp, "TypeError", "%s._make() takes 2 positional arguments but %u were given",
                         cls->name, nargs + nkw);
  GPtrArray *items = lang_sequence_to_array (interp, args[1]);
  if (items == NULL)
    return LANG_ERROR;
  guint want = lang_seq_length (interp, lang_dict_get (interp, cls->ns, scalar_str ("_fields", -1)));
  if (items->len != want)
    {
      /* the tuple made first dies, its items last first */
      for (guint i = items->len; i-- > 0;)
        lang_decref (interp, GPOINTER_TO_UINT (items->pdata[i]));
      guint got = items->len;
      g_ptr_array_unref (items);
      return lang_raise (interp, "TypeError", "Expected %u arguments, got %u", want, got);
    }
  ReclaimValue t = reclaim_heap_alloc (H (interp), RECLAIM_KIND_TUPLE, cls->id, NULL, RECLAIM_ALLOC_NO_FREELIST);
  for (guint i = 0; i < items->len; i++)
    reclaim_heap_slot_append (H (interp), t, RECLAIM_ROLE_ITEM, NULL, GPOINTER_TO_UINT (items->pdata[i]));
  g_ptr_array_unref (items);
  return t;
}

void
collections_named_class_fill (ReclaimInterp *interp, LangClass *cls, ReclaimValue fields)
{
  collections_add_classmethod (interp, cls, "_make", named_make);
  for (guint i = 0; i < lang_seq_length (interp, fields); i++)
    modules_add_value (interp, cls->ns, scalar_get_str (lang_seq_item (interp, fields, i), NULL),
                       tuplegetter_new (interp, i));
}

void
collections_tuplegetter_init (ReclaimInterp *interp)
{
  LangClass *object = lang_builtin_class (interp, "object");
  lang_builtin_type_new (interp, tuplegetter_name, object, RECLAIM_KIND_OBJECT, NULL, tuplegetter_methods, FALSE);
}
