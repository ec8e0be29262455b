/* reclaim-mod-dataclasses-private.h: what the files of the dataclasses
 * module share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reclaim-mod-dataclasses.c             dataclass(), field(), the generated methods
 * reclaim-mod-dataclasses-functions.c   fields(), asdict(), astuple(), replace(), is_dataclass()
 * reclaim-mod-dataclasses-copy.c        copy.deepcopy, for asdict() and astuple()
 */
#pragma once

#include "reclaim-modules-private.h"
#include "reclaim-eval-private.h"

G_BEGIN_DECLS

/* dataclasses.MISSING (borrowed) */
ReclaimValue dataclasses_missing     (ReclaimInterp *interp);
/* An attribute of a Field (borrowed); its truth; its name. */
ReclaimValue dataclasses_field_attr  (ReclaimInterp *interp, ReclaimValue field, const char *name);
gboolean     dataclasses_field_flag  (ReclaimInterp *interp, ReclaimValue field, const char *name);
const char  *dataclasses_field_name  (ReclaimInterp *interp, ReclaimValue field);
/* The class whose generated methods serve obj: the nearest among its
 * class and bases with fields of its own, or NULL. */
LangClass   *dataclasses_class_of    (ReclaimInterp *interp, ReclaimValue obj);
/* cls's Fields that are real fields (not ClassVars), in order (borrowed). */
GPtrArray   *dataclasses_real_fields (ReclaimInterp *interp, LangClass *cls);

/* the module's functions (reclaim-mod-dataclasses-functions.c) */
ReclaimValue dataclasses_fields      (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                                      guint nkw, const char *const *kwnames);
ReclaimValue dataclasses_asdict      (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                                      guint nkw, const char *const *kwnames);
ReclaimValue dataclasses_astuple     (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                                      guint nkw, const char *const *kwnames);
ReclaimValue dataclasses_replace     (ReclaimInterp *interp, ReclaimValue self, guint nargs, const ReclaimValue *args,
                                      guint nkw, const char *const *kwnames);
ReclaimValue dataclasses_is_dataclass (ReclaimInterp *interp, ReclaimValue self, guint nargs,
                                       const ReclaimValue *args, guint nkw, const char *const *kwnames);

/* Sets y[func(k)] = func(v) for each item of dict; FALSE on an error. */
typedef ReclaimValue (*DataclassesMapFunc) (ReclaimInterp *interp, ReclaimValue v, gpointer data);
gboolean     dataclasses_map_dict_into (ReclaimInterp *interp, ReclaimValue dict, ReclaimValue y,
                                        DataclassesMapFunc func, gpointer data);
/* copy.deepcopy(v) (reclaim-mod-dataclasses-copy.c; new reference) */
ReclaimValue dataclasses_deepcopy    (ReclaimInterp *interp, ReclaimValue v);

G_END_DECLS
