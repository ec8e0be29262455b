/* reclaim-mod-sys-getsizeof.c: sys.getsizeof(object[, default]).
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sizes themselves come from the runtime (reclaim-sizeof.c), which
 * follows how CPython 3.11 allocates lists, dicts and sets.
 */
#include "reclaim-modules-private.h"
#include "reclaim-sizeof.h"

#include <string.h>

/* The arguments as sys_getsizeof parses them ("O|O:getsizeof"): FALSE
 * with python3's TypeError. */
static gboolean
parse_arguments (ReclaimInterp *interp, guint nargs, const ReclaimValue *args, guint nkw,
                 const char *const *kwnames, ReclaimValue *object, ReclaimValue *dflt)
{
  *object = nargs > 0 ? args[0] : 0;
  *dflt = nargs > 1 ? args[1] : 0;
  if (nargs + nkw > 2)
    {
      lang_raise (interp, "TypeError", "getsizeof() takes at most 2 arguments (%u given)", nargs + nkw);
      return FALSE;
    }
  for (guint i = 0; i < nkw; i++)
    {
      ReclaimValue *target = strcmp (kwnames[i], "object") == 0 ? object
                             : strcmp (kwnames[i], "default") == 0 ? dflt : NULL;
      if (target == NULL)
        {
          lang_raise (interp, "TypeError", "'%s' is an invalid keyword argument for getsizeof()", kwnames[i]);
          return FALSE;
        }
      if (*target)
        {
          lang_raise (interp, "TypeError", "argument for getsizeof() given by name ('%s') and position (%u)",
                      kwnames[i], target == object ? 1 : 2);
          return FALSE;
        }
      *target = args[nargs + i];
    }
  if (*object == 0)
    {
      lang_raise (interp, "TypeError", "getsizeof() missing required argument 'object' (pos 1)");
      return FALSE;
    }
  return TRUE;
}

ReclaimValue
modules_sys_getsizeof (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                       guint nkw, const char *const *kwnames)
{
  ReclaimValue object, dflt;
  gint64 size;

  if (!parse_arguments (interp, nargs, args, nkw, kwnames, &object, &dflt))
    return LANG_ERROR;
  if (lang_sizeof (interp, object, &size))
    return scalar_int (size);
  /* a __sizeof__ that fails with a TypeError gives the default instead */
  if (dflt && lang_error_matches (interp, "TypeError"))
    {
      lang_error_clear (interp);
      return lang_ref (interp, dflt);
    }
  return LANG_ERROR;
}
