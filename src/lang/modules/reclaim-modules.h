/* reclaim-modules.h: the modules a script may import.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-interp-private.h"

G_BEGIN_DECLS

/* Whether a script may import the module. */
gboolean lang_module_known    (const char *name);
/* Whether the module, made in this interpreter, has the attribute. */
gboolean lang_module_has_attribute (ReclaimInterp *interp, const char *module, const char *attr);

/* Makes the modules and registers them in interp->modules, with
 * "builtins" (whose namespace is interp->builtins). */
void lang_modules_init        (ReclaimInterp *interp);
/* Calls what gc.callbacks holds, with an info dict, as
 * gc_collect_with_callback does; nothing while shutting down. */
void lang_gc_run_callbacks    (ReclaimInterp *interp, const char *phase, int generation,
                               gssize collected, gssize uncollectable);
/* weakref.finalize objects still alive with atexit set: called at exit,
 * newest first. */
void lang_weakref_run_atexit  (ReclaimInterp *interp);

/* The built-in generics (reclaim-mod-typing.c): list[int] (key: the
 * subscript), and X | Y for types, when lang_can_make_union_type(). */
ReclaimValue lang_generic_alias_new (ReclaimInterp *interp, ReclaimValue origin, ReclaimValue key);
gboolean     lang_can_make_union_type (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
ReclaimValue lang_union_type_new (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
/* Setting or deleting an attribute of an instance of a frozen dataclass
 * (reclaim-mod-dataclasses.c): -1 with FrozenInstanceError for a field. */
int          lang_dataclass_frozen_check (ReclaimInterp *interp, ReclaimValue obj, const char *name,
                                          gboolean deleting);

G_END_DECLS
