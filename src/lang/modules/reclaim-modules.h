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

G_END_DECLS
