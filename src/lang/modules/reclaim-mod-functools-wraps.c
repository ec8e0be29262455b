/* reclaim-mod-functools-wraps.c: functools.update_wrapper and wraps.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in Lib/functools.py: update_wrapper copies __module__, __name__,
 * __qualname__, __doc__ and __annotations__ from the wrapped function,
 * updates the wrapper's __dict__ with the wrapped one's, then sets
 * wrapper.__wrapped__, a strong reference: a decorated function keeps the
 * function it wraps alive even when its closure does not.  wraps(f) is
 * partial(update_wrapper, wrapped=f, assigned=..., updated=...).
 */
#include "reclaim-modules-private.h"

static const char *const wrapper_assignments[] = {
  "__module__", "__name__", "__qualname__", "__doc__", "__annotations__", NULL
};

static ReclaimValue
names_tuple (ReclaimInterp *interp, const char *const *names)
{
  guint n = g_strv_length ((char **) names);
  g_autofree ReclaimValue *items = g_new (ReclaimValue, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = scalar_str (names[i], -1);
  return lang_tuple_new (interp, n, items);
}

/* for attr in assigned: setattr(wrapper, attr, getattr(wrapped, attr)),
 * leaving out what wrapped lacks */
static gboolean
assign_attributes (ReclaimInterp *interp, ReclaimValue wrapper, ReclaimValue wrapped, ReclaimValue assigned)
{
  ReclaimValue it = lang_iter (interp, assigned), attr;
  if (it == LANG_ERROR)
    return FALSE;
  int r;
  while ((r = lang_next (interp, it, &attr)) == 1)
    {
      const char *name = scalar_type (attr) == SCALAR_STR ? scalar_get_str (attr, NULL) : NULL;
      ReclaimValue value = name ? lang_lookup_attr (interp, wrapped, name) : 0;
      if (name == NULL)
        lang_raise (interp, "TypeError", "attribute name must be string, not '%s'", lang_type_name (interp, attr));
      if (value && lang_setattr (interp, wrapper, name, value) < 0)
        r = -1;
      lang_decref (interp, value);
      lang_decref (interp, attr);
      if (r < 0 || lang_error_occurred (interp))
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  return r == 0;
}

/* for attr in updated: getattr(wrapper, attr).update(getattr(wrapped, attr, {})) */
static gboolean
update_attributes (ReclaimInterp *interp, ReclaimValue wrapper, ReclaimValue wrapped, ReclaimValue updated)
{
  ReclaimValue it = lang_iter (interp, updated), attr;
  if (it == LANG_ERROR)
    return FALSE;
  int r;
  while ((r = lang_next (interp, it, &attr)) == 1)
    {
      const char *name = scalar_type (attr) == SCALAR_STR ? scalar_get_str (attr, NULL) : "";
      ReclaimValue target = lang_getattr (interp, wrapper, name);
      /* the default {} is made whether it is needed or not */
      ReclaimValue fallback = lang_dict_new (interp);
      ReclaimValue source = target ? lang_lookup_attr (interp, wrapped, name) : 0;
      if (source == 0 && target && !lang_error_occurred (interp))
        source = lang_ref (interp, fallback);
      ReclaimValue done = source ? lang_call_method (interp, target, "update", 1, &source) : LANG_ERROR;
      lang_decref (interp, done);
      lang_decref (interp, source);
      lang_decref (interp, fallback);
      lang_decref (interp, target);
      lang_decref (interp, attr);
      if (done == LANG_ERROR)
        {
          r = -1;
          break;
        }
    }
  lang_decref (interp, it);
  return r == 0;
}

static ReclaimValue
functools_update_wrapper (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                          guint nkw, const char *const *kwnames)
{
  ReclaimValue wrapper = lang_arg (nargs, args, nkw, kwnames, 0, "wrapper");
  ReclaimValue wrapped = lang_arg (nargs, args, nkw, kwnames, 1, "wrapped");
  ReclaimValue assigned = lang_arg (nargs, args, nkw, kwnames, 2, "assigned");
  ReclaimValue updated = lang_arg (nargs, args, nkw, kwnames, 3, "updated");
  if (nargs > 4)
    return lang_raise (interp, "TypeError", "update_wrapper() takes from 2 to 4 positional arguments but %u were given",
                       nargs);
  if (wrapper == 0 || wrapped == 0)
    return lang_raise (interp, "TypeError", "update_wrapper() missing 1 required positional argument: '%s'",
                       wrapper == 0 ? "wrapper" : "wrapped");
  ReclaimValue default_assigned = assigned ? 0 : names_tuple (interp, wrapper_assignments);
  ReclaimValue default_updated = updated ? 0 : names_tuple (interp, (const char *const[]) { "__dict__", NULL });
  gboolean ok = assign_attributes (interp, wrapper, wrapped, assigned ? assigned : default_assigned) &&
                update_attributes (interp, wrapper, wrapped, updated ? updated : default_updated) &&
                lang_setattr (interp, wrapper, "__wrapped__", wrapped) == 0;
  lang_decref (interp, default_assigned);
  lang_decref (interp, default_updated);
  return ok ? lang_ref (interp, wrapper) : LANG_ERROR;
}

ReclaimValue
modules_functools_update_wrapper (ReclaimInterp *interp, ReclaimValue wrapper, ReclaimValue wrapped)
{
  ReclaimValue args[] = { wrapper, wrapped };
  return functools_update_wrapper (interp, 0, 2, args, 0, NULL);
}

/* wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
 * partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated) */
static ReclaimValue
functools_wraps (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                 guint nkw, const char *const *kwnames)
{
  ReclaimValue wrapped = lang_arg (nargs, args, nkw, kwnames, 0, "wrapped");
  ReclaimValue assigned = lang_arg (nargs, args, nkw, kwnames, 1, "assigned");
  ReclaimValue updated = lang_arg (nargs, args, nkw, kwnames, 2, "updated");
  if (nargs > 3)
    return lang_raise (interp, "TypeError", "wraps() takes from 1 to 3 positional arguments but %u were given", nargs);
  if (wrapped == 0)
    return lang_raise (interp, "TypeError", "wraps() missing 1 required positional argument: 'wrapped'");
  ReclaimValue update_wrapper = lang_native_new (interp, "update_wrapper", functools_update_wrapper, 0);
  ReclaimValue parts[] = {
    update_wrapper, wrapped,
    assigned ? lang_ref (interp, assigned) : names_tuple (interp, wrapper_assignments),
    updated ? lang_ref (interp, updated) : names_tuple (interp, (const char *const[]) { "__dict__", NULL }),
  };
  static const char *const names[] = { "wrapped", "assigned", "updated" };
  ReclaimValue partial = modules_construct (interp, "partial", 1, parts, 3, names);
  lang_decref (interp, update_wrapper);
  lang_decref (interp, parts[2]);
  lang_decref (interp, parts[3]);
  return partial;
}

void
modules_functools_add_wraps (ReclaimInterp *interp, ReclaimValue ns)
{
  modules_add_function (interp, ns, "update_wrapper", functools_update_wrapper);
  modules_add_function (interp, ns, "wraps", functools_wraps);
  modules_add_value (interp, ns, "WRAPPER_ASSIGNMENTS", names_tuple (interp, wrapper_assignments));
  modules_add_value (interp, ns, "WRAPPER_UPDATES", names_tuple (interp, (const char *const[]) { "__dict__", NULL }));
}
