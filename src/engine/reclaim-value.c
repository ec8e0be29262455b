/* reclaim-value.c: the values a slot holds: object ids and immediates.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-heap-private.h"

/* Immediates: bit 31 set.  Bit 30 set: a 30-bit signed int; else a quark
 * holding the repr. */
#define VALUE_IMMEDIATE (1u << 31)
#define VALUE_INT       (1u << 30)
#define VALUE_PAYLOAD   (VALUE_INT - 1)

ReclaimValue
reclaim_value_int (gint32 n)
{
  if (n >= -(1 << 29) && n < (1 << 29))
    return VALUE_IMMEDIATE | VALUE_INT | ((guint32) n & VALUE_PAYLOAD);

  char buf[16];
  g_snprintf (buf, sizeof buf, "%d", n);
  return reclaim_value_text (buf);
}

ReclaimValue
reclaim_value_text (const char *repr)
{
  GQuark q = g_quark_from_string (repr);
  g_return_val_if_fail (q < VALUE_INT, RECLAIM_VALUE_NONE);
  return VALUE_IMMEDIATE | q;
}

gboolean
reclaim_value_is_object (ReclaimValue value)
{
  return value != RECLAIM_VALUE_NONE && !(value & VALUE_IMMEDIATE);
}

gboolean
reclaim_value_is_immediate (ReclaimValue value)
{
  return (value & VALUE_IMMEDIATE) != 0;
}

gboolean
reclaim_value_is_int (ReclaimValue value)
{
  return (value & (VALUE_IMMEDIATE | VALUE_INT)) == (VALUE_IMMEDIATE | VALUE_INT);
}

gint32
reclaim_value_get_int (ReclaimValue value)
{
  g_return_val_if_fail (reclaim_value_is_int (value), 0);
  /* sign-extend the 30-bit payload */
  return ((gint32) ((value & VALUE_PAYLOAD) << 2)) >> 2;
}

char *
reclaim_value_dup_repr (ReclaimValue value)
{
  if (!reclaim_value_is_immediate (value))
    return NULL;
  if (reclaim_value_is_int (value))
    return g_strdup_printf ("%d", reclaim_value_get_int (value));
  return g_strdup (g_quark_to_string (value & VALUE_PAYLOAD));
}
