/* reclaim-weakproxy.c: what a weakref.proxy forwards to its referent.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As CPython's Objects/weakrefobject.c: every protocol slot of ProxyType
 * (str, len, subscripts, `in`, iteration, the number operators, rich
 * comparison, bool, call) fetches the referent, raising ReferenceError
 * "weakly-referenced object no longer exists" once it died, holds it for
 * the duration of the operation (so that it cannot die halfway, and dies
 * afterwards if the operation dropped its last other reference) and runs
 * the same operation on it.  repr() and hash() are the proxy's own: repr
 * names the referent's type (NoneType once dead), and proxies are
 * unhashable.  A proxy of something callable is a CallableProxyType,
 * decided when it is made, as PyWeakref_NewProxy does.
 */
#include "reclaim-eval-private.h"
#include "reclaim-weakproxy.h"

gboolean
lang_is_proxy (ReclaimInterp *interp, ReclaimValue v)
{
  return reclaim_value_is_object (v) && reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_PROXY;
}

void
lang_proxy_made (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue referent)
{
  if (lang_is_callable (interp, referent))
    g_hash_table_add (interp->callable_proxies, GUINT_TO_POINTER (proxy));
}

const char *
lang_proxy_type_name (ReclaimInterp *interp, ReclaimValue proxy)
{
  return g_hash_table_contains (interp->callable_proxies, GUINT_TO_POINTER (proxy)) ? "CallableProxyType"
                                                                                     : "ProxyType";
}

/* Proxies define rich comparison and no hash: unhashable, dead or alive. */
gboolean
lang_proxy_unhashable (ReclaimInterp *interp, ReclaimValue proxy)
{
  lang_raise (interp, "TypeError", "unhashable type: 'weakref.%s'", lang_proxy_type_name (interp, proxy));
  return FALSE;
}

/* proxy_checkref + Py_INCREF: the referent as a new reference. */
ReclaimValue
lang_proxy_referent (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimId referent = reclaim_heap_weakref_get_referent (interp->heap, proxy);
  if (referent == 0)
    return lang_raise (interp, "ReferenceError", "weakly-referenced object no longer exists");
  return lang_ref (interp, referent);
}

/* UNWRAP: v itself when it is no proxy, as a new reference either way. */
static ReclaimValue
unwrap (ReclaimInterp *interp, ReclaimValue v)
{
  return lang_is_proxy (interp, v) ? lang_proxy_referent (interp, v) : lang_ref (interp, v);
}

char *
lang_proxy_repr (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimId referent = reclaim_heap_weakref_get_referent (interp->heap, proxy);
  g_autofree char *addr = lang_address_text (proxy);
  g_autofree char *raddr = lang_address_text (referent ? referent : scalar_none ());
  return g_strdup_printf ("<weakproxy at %s to %s at %s>", addr,
                          referent ? lang_type_name (interp, referent) : "NoneType", raddr);
}

char *
lang_proxy_str (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return NULL;
  char *text = lang_str (interp, o);
  lang_decref (interp, o);
  return text;
}

int
lang_proxy_truth (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return -1;
  int t = lang_truth (interp, o);
  lang_decref (interp, o);
  return t;
}

gssize
lang_proxy_length (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return -1;
  gssize n = lang_length (interp, o);
  lang_decref (interp, o);
  return n;
}

int
lang_proxy_contains (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue v)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return -1;
  int found = lang_contains (interp, o, v);
  lang_decref (interp, o);
  return found;
}

ReclaimValue
lang_proxy_subscript (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue key)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = lang_subscript (interp, o, key);
  lang_decref (interp, o);
  return r;
}

/* proxy[key] = v, or del proxy[key] when v is 0. */
int
lang_proxy_store_subscript (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue key, ReclaimValue v)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return -1;
  int r = v ? lang_store_subscript (interp, o, key, v) : lang_delete_subscript (interp, o, key);
  lang_decref (interp, o);
  return r;
}

/* proxy_iter: the referent's iterator (which is the referent itself for an
 * iterator, not the proxy). */
ReclaimValue
lang_proxy_iter (ReclaimInterp *interp, ReclaimValue proxy)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue it = lang_iter (interp, o);
  lang_decref (interp, o);
  return it;
}

static gboolean
is_iterator (ReclaimInterp *interp, ReclaimValue v)
{
  if (lang_iter_state (interp, v) || reclaim_heap_get_kind (interp->heap, v) == RECLAIM_KIND_GENERATOR)
    return TRUE;
  LangClass *cls = lang_class_of (interp, v);
  return !cls->builtin && lang_eval_class_lookup (interp, cls, "__next__") != 0;
}

/* proxy_iternext: next() of a proxy whose referent is an iterator. */
int
lang_proxy_next (ReclaimInterp *interp, ReclaimValue proxy, ReclaimValue *item)
{
  *item = 0;
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return -1;
  int r = -1;
  if (!is_iterator (interp, o))
    lang_raise (interp, "TypeError", "Weakref proxy referenced a non-iterator '%s' object",
                lang_type_name (interp, o));
  else
    r = lang_next (interp, o, item);
  lang_decref (interp, o);
  return r;
}

ReclaimValue
lang_proxy_unary (ReclaimInterp *interp, ReclaimUnaryOp op, ReclaimValue proxy)
{
  ReclaimValue o = lang_proxy_referent (interp, proxy);
  if (o == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue r = eval_unary_value (interp, op, o);
  lang_decref (interp, o);
  return r;
}

/* self.name(other) of a user class, 0 when it has none or it answered
 * NotImplemented. */
static ReclaimValue
user_slot (ReclaimInterp *interp, ReclaimValue self, const char *name, ReclaimValue other)
{
  if (!eval_is_user_instance (interp, self))
    return 0;
  ReclaimValue method = lang_eval_class_lookup (interp, lang_class_of (interp, self), name);
  if (method == 0)
    return 0;
  ReclaimValue args[] = { self, other };
  ReclaimValue r = lang_call (interp, method, 2, args, 0, NULL);
  if (r == eval_state (interp)->not_implemented)
    {
      lang_decref (interp, r);
      return 0;
    }
  return r;
}

/* Runs op on the unwrapped operands (WRAP_BINARY / INPLACE_BINOP). */
static ReclaimValue
binary_on_referents (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b, gboolean inplace)
{
  ReclaimValue x = unwrap (interp, a);
  if (x == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue y = unwrap (interp, b);
  ReclaimValue r = y == LANG_ERROR ? LANG_ERROR : eval_binary (interp, op, x, y, inplace);
  lang_decref (interp, x);
  if (y != LANG_ERROR)
    lang_decref (interp, y);
  return r;
}

/* a op b with a proxy on either side.  As binary_op1 does it: a proxy on
 * the left answers first; with a proxy on the right only, a user class on
 * the left is asked first with the proxy itself, and the proxy's slot then
 * runs the plain (not in-place) operator on the referents. */
ReclaimValue
lang_proxy_binary (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b, gboolean inplace)
{
  if (lang_is_proxy (interp, a))
    return binary_on_referents (interp, op, a, b, inplace);

  ReclaimValue r = 0;
  if (inplace)
    r = user_slot (interp, a, eval_binop_dunder (op, TRUE), b);
  if (r == 0 && !lang_error_occurred (interp))
    r = user_slot (interp, a, eval_binop_dunder (op, FALSE), b);
  if (r || lang_error_occurred (interp))
    return r ? r : LANG_ERROR;
  return binary_on_referents (interp, op, a, b, FALSE);
}

/* A rich comparison with a proxy on either side (proxy_richcompare). */
ReclaimValue
lang_proxy_compare (ReclaimInterp *interp, ReclaimCmpOp op, ReclaimValue a, ReclaimValue b)
{
  static const char *names[] = { "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__" };
  static const ReclaimCmpOp swapped[] = { RECLAIM_CMP_EQ, RECLAIM_CMP_NOT_EQ, RECLAIM_CMP_GT,
                                          RECLAIM_CMP_GT_E, RECLAIM_CMP_LT, RECLAIM_CMP_LT_E };
  if (!lang_is_proxy (interp, a))
    {
      /* the left operand's own method sees the proxy; builtin types answer
       * NotImplemented, and then the proxy compares, swapped */
      ReclaimValue r = user_slot (interp, a, names[op], b);
      if (r || lang_error_occurred (interp))
        return r ? r : LANG_ERROR;
      ReclaimValue t = a;
      a = b;
      b = t;
      op = swapped[op];
    }
  ReclaimValue x = lang_proxy_referent (interp, a);
  if (x == LANG_ERROR)
    return LANG_ERROR;
  ReclaimValue y = unwrap (interp, b);
  ReclaimValue r = y == LANG_ERROR ? LANG_ERROR : eval_compare_values (interp, op, x, y);
  lang_decref (interp, x);
  if (y != LANG_ERROR)
    lang_decref (interp, y);
  return r;
}
