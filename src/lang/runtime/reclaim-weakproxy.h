/* reclaim-weakproxy.h: weakref.proxy objects in the object protocol.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-eval.h"
#include "reclaim-ast.h"

G_BEGIN_DECLS

/* weakref.proxy (reclaim-weakproxy.c): each protocol operation of a proxy
 * runs on its referent, held meanwhile, or raises ReferenceError once the
 * referent died.  The runtime calls these when lang_is_proxy (v). */
gboolean     lang_is_proxy        (ReclaimInterp *interp, ReclaimValue v);
/* Records that proxy is a CallableProxyType (its referent was callable). */
void         lang_proxy_made      (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue referent);
const char  *lang_proxy_type_name (ReclaimInterp *interp, ReclaimValue proxy);
/* Raises the TypeError of hash(proxy); returns FALSE. */
gboolean     lang_proxy_unhashable (ReclaimInterp *interp, ReclaimValue proxy);
/* The referent as a new reference, or LANG_ERROR with ReferenceError. */
ReclaimValue lang_proxy_referent  (ReclaimInterp *interp, ReclaimValue proxy);
char        *lang_proxy_repr      (ReclaimInterp *interp, ReclaimValue proxy);
char        *lang_proxy_str       (ReclaimInterp *interp, ReclaimValue proxy);
int          lang_proxy_truth     (ReclaimInterp *interp, ReclaimValue proxy);
gssize       lang_proxy_length    (ReclaimInterp *interp, ReclaimValue proxy);
int          lang_proxy_contains  (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue v);
ReclaimValue lang_proxy_subscript (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue key);
/* proxy[key] = v, or del proxy[key] when v is 0. */
int          lang_proxy_store_subscript (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue key,
                                         ReclaimValue v);
ReclaimValue lang_proxy_iter      (ReclaimInterp *interp, ReclaimValue proxy);
int          lang_proxy_next      (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue *item);
ReclaimValue lang_proxy_unary     (ReclaimInterp *interp, ReclaimUnaryOp op, ReclaimValue proxy);
ReclaimValue lang_proxy_binary    (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b,
                                   gboolean inplace);
ReclaimValue lang_proxy_compare   (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b);

G_END_DECLS
