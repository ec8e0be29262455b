/* reclaim-bigint.h: ints beyond 64 bits, as CPython's Objects/longobject.c
 * computes them, on GMP.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ints that fit 64 bits stay on the fast paths of the evaluator; when a
 * result leaves that range, or an operand is already beyond it, the
 * operation comes here.  A big int is an interned immediate like any int
 * (reclaim-scalar.c keeps its mpz beside it), so equal values are one
 * value and a dict key needs nothing more.  Every result is charged to the
 * script's memory budget before GMP is asked to make it: GMP cannot fail
 * an allocation gracefully, so a result too big must be refused first.
 */
#pragma once

#include <gmp.h>

#include "reclaim-ast.h"
#include "reclaim-runtime.h"

G_BEGIN_DECLS

/* reclaim-scalar.c: an int of any size from an mpz, and back. */
ReclaimValue scalar_int_from_mpz     (const mpz_t z);
void         scalar_get_mpz          (ReclaimValue value, mpz_t out);

/* a op b for two ints (or bools), one of them or the result past 64 bits */
ReclaimValue bigint_binary           (ReclaimInterp *interp, ReclaimBinOp op, ReclaimValue a, ReclaimValue b);
ReclaimValue bigint_negative         (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue bigint_invert           (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue bigint_absolute         (ReclaimInterp *interp, ReclaimValue v);
ReclaimValue bigint_divmod           (ReclaimInterp *interp, ReclaimValue a, ReclaimValue b);
ReclaimValue bigint_pow_mod          (ReclaimInterp *interp, ReclaimValue base, ReclaimValue exp, ReclaimValue mod);
/* round(v, ndigits) for an int and ndigits < 0: halves to even */
ReclaimValue bigint_round            (ReclaimInterp *interp, ReclaimValue v, gint64 ndigits);

/* Exact comparison of two numbers (ints, bools, floats), one of them an
 * int: -1, 0, 1, or 2 when a float is nan. */
int          bigint_compare          (ReclaimValue a, ReclaimValue b);
/* float(v), correctly rounded; FALSE with OverflowError when too large. */
gboolean     bigint_to_double        (ReclaimInterp *interp, ReclaimValue v, double *out);
/* The int of a finite double with no fraction. */
ReclaimValue bigint_from_double      (double d);
/* hash() of an int of any size: its value modulo 2**61 - 1, with its sign. */
gint64       bigint_hash             (ReclaimValue v);
guint64      bigint_bit_length       (ReclaimValue v);
guint64      bigint_bit_count        (ReclaimValue v);

/* The digits of |v| in base 2, 8, 10 or 16; NULL with ValueError when
 * python3 would refuse the decimal text (more than 4300 digits). */
char        *bigint_digits           (ReclaimInterp *interp, ReclaimValue v, int base, gboolean upper);
/* str(v) and repr(v) of an int past python3's limit: the ValueError. */
void         bigint_raise_str_limit  (ReclaimInterp *interp);
/* The int written by digits (an optional '-' then digits of base, no
 * underscores), already checked for its form. */
ReclaimValue bigint_parse            (ReclaimInterp *interp, const char *digits, int base);

G_END_DECLS
