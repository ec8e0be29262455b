/* reclaim-scalar.h: Python's immutable atoms (None, bool, int, float, str)
 * as engine immediates.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * None, bools, ints, floats and strs are not drawn as objects on the
 * canvas and never take part in cycles, so they live inline in the slots
 * that hold them (see reclaim_value_text in the engine).  The text of the
 * immediate is the value's repr, which is what a view shows; this module
 * keeps the parsed value beside it so the interpreter can compute with it.
 */
#pragma once

#include "reclaim-heap.h"
#include "reclaim-literal-text.h"

G_BEGIN_DECLS

typedef enum {
  SCALAR_NOT_SCALAR,   /* a heap object, or no value */
  SCALAR_NONE,
  SCALAR_BOOL,
  SCALAR_INT,
  SCALAR_FLOAT,
  SCALAR_STR,
  SCALAR_BYTES,
} ScalarType;

ScalarType   scalar_type        (ReclaimValue value);
const char  *scalar_type_name   (ScalarType type);   /* "NoneType", "bool", "int", "float", "str", "bytes" */

ReclaimValue scalar_none        (void);
ReclaimValue scalar_bool        (gboolean b);
ReclaimValue scalar_int         (gint64 n);
ReclaimValue scalar_float       (double d);
/* A str from UTF-8 text of len bytes (-1: NUL-terminated). */
ReclaimValue scalar_str         (const char *utf8, gssize len);

gboolean     scalar_get_bool    (ReclaimValue value);
/* The integer value of an int or a bool; an int beyond 64 bits gives
 * G_MAXINT64 or G_MININT64 (see reclaim-bigint.h for its value). */
gint64       scalar_get_int     (ReclaimValue value);
/* An int that does not fit 64 bits. */
gboolean     scalar_int_is_big  (ReclaimValue value);
/* A big int with more decimal digits than python3 converts to text. */
gboolean     scalar_int_is_huge (ReclaimValue value);
/* The int an int or a bool stands for: True gives 1, an int itself. */
ReclaimValue scalar_int_of      (ReclaimValue value);
/* sys.int_info.default_max_str_digits */
#define SCALAR_INT_MAX_STR_DIGITS 4300
double       scalar_get_float   (ReclaimValue value);
/* The UTF-8 text of a str; valid as long as the value is held (a sweep
 * lets go of strs nothing holds, see reclaim-safe-point.c). */
const char  *scalar_get_str     (ReclaimValue value, gsize *len);
/* A bytes object of len bytes, and its bytes (valid as long as the
 * process runs). */
ReclaimValue scalar_bytes       (const guint8 *data, gsize len);
const guint8 *scalar_get_bytes  (ReclaimValue value, gsize *len);
/* Bytes held by the values made so far: strs, floats, bytes and ints not
 * small enough to be immediates.  Floats, strs and ints up to 64 bits go
 * when a sweep finds nothing holds them; the others live as long as the
 * process. */
gsize        scalar_bytes_held  (void);
/* The sweep (driven by reclaim-safe-point.c): when due, every value
 * still held is marked, then the floats, strs and ints left unmarked are freed
 * and their numbers may be given to new values.  marking_bytes is the size
 * of what a marking reads (the heaps and their logs): the next sweep is
 * due once the records made since are worth as much, and at least as much
 * as those still held. */
gboolean     scalar_sweep_due   (void);
void         scalar_sweep_postpone (gsize marking_bytes);
void         scalar_mark        (ReclaimValue value);
void         scalar_sweep       (gsize marking_bytes);
/* Number of code points of a str. */
gsize        scalar_str_length  (ReclaimValue value);

/* repr() and str() texts, newly allocated. */
char        *scalar_repr        (ReclaimValue value);
char        *scalar_to_str      (ReclaimValue value);
char        *scalar_str_repr    (const char *utf8, gsize len);
char        *scalar_float_repr  (double d);

/* Python's // and % on ints: rounding towards minus infinity, the
 * remainder taking the divisor's sign.  b is not 0. */
gint64       scalar_floor_div   (gint64 a, gint64 b);
gint64       scalar_floor_mod   (gint64 a, gint64 b);

G_END_DECLS
