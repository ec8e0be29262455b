/* reclaim-descriptors.c: decorators, and the descriptors they usually
 * make: property, classmethod and staticmethod.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A class attribute read through an instance or the class goes through
 * lang_descriptor_get (CPython's tp_descr_get): functions bind, a property
 * calls its getter, a classmethod binds to the class and a staticmethod
 * gives its function.  A property is a data descriptor: it comes before
 * the instance's own attributes, for reading, setting and deleting.
 */
#include "reclaim-eval-private.h"

#include <string.h>

enum { PROPERTY_SLOT_FGET, PROPERTY_SLOT_FSET, PROPERTY_SLOT_FDEL, PROPERTY_SLOT_DOC, N_PROPERTY_SLOTS };
enum { WRAPPER_SLOT_FUNC };

static const char *const property_slot_names[] = { "fget", "fset", "fdel", "__doc__" };

static gboolean
has_label (ReclaimInterp *interp, ReclaimValue v, const char *label)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_OBJECT &&
         g_strcmp0 (reclaim_heap_get_label (interp->heap, v), label) == 0;
}

gboolean
lang_is_property (ReclaimInterp *interp, ReclaimValue v)
{
  return has_label (interp, v, "property");
}

/* A descriptor that also sets: it wins over the instance's own attributes. */
gboolean
lang_is_data_descriptor (ReclaimInterp *interp, ReclaimValue v)
{
  return lang_is_property (interp, v) || lang_is_member_descriptor (interp, v);
}

int
lang_descriptor_set (ReclaimInterp *interp, ReclaimValue descr, ReclaimValue obj, const char *name,
                     ReclaimValue value)
{
  if (lang_is_member_descriptor (interp, descr))
    return lang_member_set (interp, descr, obj, value);
  return lang_property_set (interp, descr, obj, name, value);
}

/* ---- property ----------------------------------------------------------- */

/* A property of the four values given (references taken). */
static ReclaimValue
property_new (ReclaimInterp *interp, const ReclaimValue values[N_PROPERTY_SLOTS])
{
  ReclaimId prop = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, "property", 0);
  for (guint i = 0; i < N_PROPERTY_SLOTS; i++)
    reclaim_heap_slot_append (interp->heap, prop, RECLAIM_ROLE_OTHER, property_slot_names[i],
                              lang_ref (interp, values[i] ? values[i] : scalar_none ()));
  return prop;
}

static ReclaimValue
property_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                    guint nkw, const char *const *kwnames)
{
  if (nargs > N_PROPERTY_SLOTS)
    return lang_raise (interp, "TypeError", "property() takes at most 4 arguments (%u given)", nargs);
  ReclaimValue values[N_PROPERTY_SLOTS];
  guint found = 0;
  for (guint i = 0; i < N_PROPERTY_SLOTS; i++)
    {
      const char *keyword = i == PROPERTY_SLOT_DOC ? "doc" : property_slot_names[i];
      values[i] = lang_arg (nargs, args, nkw, kwnames, i, keyword);
      found += i >= nargs && values[i] != 0;
    }
  if (found < nkw)
    return lang_raise (interp, "TypeError", "property() got an unexpected keyword argument");
  return property_new (interp, values);
}

static ReclaimValue
property_slot (ReclaimInterp *interp, ReclaimValue prop, guint slot)
{
  return reclaim_heap_slot_get (interp->heap, prop, slot);
}

/* prop.getter(f), prop.setter(f), prop.deleter(f): a copy with f in place
 * (None keeps the old one, as property_copy does). */
static ReclaimValue
property_copy_with (ReclaimInterp *interp, ReclaimValue prop, guint slot, const char *method,
                    guint nargs, const ReclaimValue *args, guint nkw)
{
  if (!lang_check_args (interp, method, nargs, 1, 1, nkw))
    return LANG_ERROR;
  ReclaimValue values[N_PROPERTY_SLOTS];
  for (guint i = 0; i < N_PROPERTY_SLOTS; i++)
    values[i] = property_slot (interp, prop, i);
  if (scalar_type (args[0]) != SCALAR_NONE)
    values[slot] = args[0];
  return property_new (interp, values);
}

static ReclaimValue
property_getter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return property_copy_with (interp, self, PROPERTY_SLOT_FGET, "getter", nargs, args, nkw);
}

static ReclaimValue
property_setter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  return property_copy_with (interp, self, PROPERTY_SLOT_FSET, "setter", nargs, args, nkw);
}

static ReclaimValue
property_deleter (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                  guint nkw, const char *const *kwnames)
{
  return property_copy_with (interp, self, PROPERTY_SLOT_FDEL, "deleter", nargs, args, nkw);
}

static const LangMethodDef property_methods[] = {
  { "getter", property_getter },
  { "setter", property_setter },
  { "deleter", property_deleter },
  { NULL }
};

static ReclaimValue
property_missing (ReclaimInterp *interp, ReclaimValue obj, const char *name, const char *what)
{
  return lang_raise (interp, "AttributeError", "property '%s' of '%s' object has no %s",
                     name, lang_type_name (interp, obj), what);
}

/* Setting (value) or deleting (value 0) name through a property. */
int
lang_property_set (ReclaimInterp *interp, ReclaimValue prop, ReclaimValue obj, const char *name,
                   ReclaimValue value)
{
  ReclaimValue func = property_slot (interp, prop, value ? PROPERTY_SLOT_FSET : PROPERTY_SLOT_FDEL);
  if (scalar_type (func) == SCALAR_NONE)
    {
      property_missing (interp, obj, name, value ? "setter" : "deleter");
      return -1;
    }
  ReclaimValue call_args[] = { obj, value };
  ReclaimValue r = lang_call (interp, func, value ? 2 : 1, call_args, 0, NULL);
  if (r == LANG_ERROR)
    return -1;
  lang_decref (interp, r);
  return 0;
}

/* ---- classmethod and staticmethod --------------------------------------- */

static ReclaimValue
wrapper_construct (ReclaimInterp *interp, const char *type_name, guint nargs, const ReclaimValue *args,
                   guint nkw)
{
  if (nkw > 0)
    return lang_raise (interp, "TypeError", "%s() takes no keyword arguments", type_name);
  if (nargs != 1)
    return lang_raise (interp, "TypeError", "%s expected 1 argument, got %u", type_name, nargs);
  ReclaimId w = reclaim_heap_alloc (interp->heap, RECLAIM_KIND_OBJECT, 0, type_name, 0);
  reclaim_heap_slot_append (interp->heap, w, RECLAIM_ROLE_OTHER, "__func__", lang_ref (interp, args[0]));
  return w;
}

ReclaimValue
lang_staticmethod_new (ReclaimInterp *interp, ReclaimValue func)
{
  return wrapper_construct (interp, "staticmethod", 1, &func, 0);
}

static ReclaimValue
classmethod_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  return wrapper_construct (interp, "classmethod", nargs, args, nkw);
}

static ReclaimValue
staticmethod_construct (ReclaimInterp *interp, ReclaimValue cls, guint nargs, const ReclaimValue *args,
                        guint nkw, const char *const *kwnames)
{
  return wrapper_construct (interp, "staticmethod", nargs, args, nkw);
}

/* ---- reading through a class -------------------------------------------- */

/* The attributes of the descriptor objects themselves (prop.fget,
 * cm.__func__ ...): a new reference, or 0 when name is not one of them. */
ReclaimValue
lang_descriptor_own_attr (ReclaimInterp *interp, ReclaimValue obj, const char *name)
{
  if (lang_is_property (interp, obj))
    {
      for (guint i = 0; i < N_PROPERTY_SLOTS; i++)
        if (strcmp (name, property_slot_names[i]) == 0)
          {
            ReclaimValue v = property_slot (interp, obj, i);
            /* like CPython, a property without a doc of its own shows its getter's */
            if (i == PROPERTY_SLOT_DOC && scalar_type (v) == SCALAR_NONE &&
                scalar_type (property_slot (interp, obj, PROPERTY_SLOT_FGET)) != SCALAR_NONE)
              {
                v = lang_lookup_attr (interp, property_slot (interp, obj, PROPERTY_SLOT_FGET), "__doc__");
                return v ? v : (lang_error_occurred (interp) ? LANG_ERROR : scalar_none ());
              }
            return lang_ref (interp, v);
          }
      return 0;
    }
  if ((has_label (interp, obj, "classmethod") || has_label (interp, obj, "staticmethod")) &&
      (strcmp (name, "__func__") == 0 || strcmp (name, "__wrapped__") == 0))
    return lang_ref (interp, reclaim_heap_slot_get (interp->heap, obj, WRAPPER_SLOT_FUNC));
  return 0;
}

/* What the class attribute attr (found under name) gives when read
 * through the instance obj, or through the class owner when obj is 0.
 * A new reference, or LANG_ERROR. */
ReclaimValue
lang_descriptor_get (ReclaimInterp *interp, ReclaimValue attr, ReclaimValue obj, LangClass *owner,
                     const char *name)
{
  if (!reclaim_value_is_object (attr))
    return lang_ref (interp, attr);
  if (reclaim_heap_get_kind (interp->heap, attr) == RECLAIM_KIND_FUNCTION || lang_native_binds (interp, attr))
    return obj ? eval_bound_method (interp, attr, obj) : lang_ref (interp, attr);
  if (lang_is_member_descriptor (interp, attr))
    return obj ? lang_member_get (interp, attr, obj) : lang_ref (interp, attr);
  if (lang_is_property (interp, attr))
    {
      if (obj == 0)
        return lang_ref (interp, attr);
      ReclaimValue fget = property_slot (interp, attr, PROPERTY_SLOT_FGET);
      if (scalar_type (fget) == SCALAR_NONE)
        return property_missing (interp, obj, name, "getter");
      return lang_call (interp, fget, 1, &obj, 0, NULL);
    }
  if (has_label (interp, attr, "classmethod"))
    return eval_bound_method (interp, reclaim_heap_slot_get (interp->heap, attr, WRAPPER_SLOT_FUNC), owner->id);
  if (has_label (interp, attr, "staticmethod"))
    return lang_ref (interp, reclaim_heap_slot_get (interp->heap, attr, WRAPPER_SLOT_FUNC));
  LangClass *attr_class = lang_class_of (interp, attr);
  if (attr_class && attr_class->descr_get)
    return attr_class->descr_get (interp, attr, obj, owner, name);
  return lang_ref (interp, attr);
}

/* ---- decorators --------------------------------------------------------- */

static void
drop_values (ReclaimInterp *interp, ReclaimValue *values, guint n)
{
  for (guint i = 0; i < n; i++)
    lang_decref (interp, values[i]);
}

/* A decorated def or class: the decorators are evaluated first, top to
 * bottom, then the function or class is made, then each decorator is
 * called with what the one below it returned, bottom to top.  As in
 * CPython, each call drops its argument, then the decorator. */
ReclaimValue
eval_make_decorated (ReclaimInterp *interp, Frame *frame, const ReclaimNode *node)
{
  gboolean is_def = node->kind == RECLAIM_NODE_FUNCTION_DEF;
  const ReclaimNodeList *decorators = is_def ? &node->v.function_def.decorators : &node->v.class_def.decorators;
  guint n = decorators->n;
  g_autofree ReclaimValue *made = g_new (ReclaimValue, n + 1);

  for (guint i = 0; i < n; i++)
    {
      frame->line = decorators->items[i]->line;
      made[i] = eval_expr (interp, frame, decorators->items[i]);
      if (made[i] == LANG_ERROR)
        {
          drop_values (interp, made, i);
          return LANG_ERROR;
        }
    }
  frame->line = node->line;
  ReclaimValue v = is_def ? eval_make_function (interp, frame, node) : eval_make_class (interp, frame, node);
  for (guint i = n; i-- > 0;)
    {
      if (v == LANG_ERROR)
        {
          drop_values (interp, made, i + 1);
          return LANG_ERROR;
        }
      frame->line = decorators->items[i]->line;
      ReclaimValue r = lang_call (interp, made[i], 1, &v, 0, NULL);
      lang_decref (interp, v);
      lang_decref (interp, made[i]);
      v = r;
    }
  frame->line = node->line;
  return v;
}

void
lang_descriptors_init (ReclaimInterp *interp)
{
  LangClass *object = lang_builtin_class (interp, "object");
  lang_builtin_type_new (interp, "property", object, RECLAIM_KIND_OBJECT, property_construct, property_methods, TRUE);
  lang_builtin_type_new (interp, "classmethod", object, RECLAIM_KIND_OBJECT, classmethod_construct, NULL, TRUE);
  lang_builtin_type_new (interp, "staticmethod", object, RECLAIM_KIND_OBJECT, staticmethod_construct, NULL, TRUE);
  lang_builtin_type_new (interp, "member_descriptor", object, RECLAIM_KIND_OBJECT, NULL, NULL, FALSE);
}
