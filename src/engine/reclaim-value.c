/* reclaim-value.c: the values a slot holds: object ids and immediates.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-heap-private.h"

/* Interned text: repr of immediates and labels of slots and objects.
 * GLib's quarks would do, but their table leaks its old array every 2,048
 * new quarks, which makes memory grow with the square of the number of
 * distinct values a script makes (floats, strs, dict keys).  This table
 * grows linearly.  Text lives as long as the process; id 0 is "none". */
static GHashTable *text_ids;
static GPtrArray  *texts;
G_LOCK_DEFINE_STATIC (texts);

guint32
reclaim_intern (const char *text)
{
  if (text == NULL)
    return 0;
  G_LOCK (texts);
  if (texts == NULL)
    {
      texts = g_ptr_array_new ();
      g_ptr_array_add (texts, NULL);
      text_ids = g_hash_table_new (g_str_hash, g_str_equal);
    }
  guint32 id = GPOINTER_TO_UINT (g_hash_table_lookup (text_ids, text));
  if (id == 0)
    {
      char *copy = g_strdup (text);
      id = texts->len;
      g_ptr_array_add (texts, copy);
      g_hash_table_insert (text_ids, copy, GUINT_TO_POINTER (id));
    }
  G_UNLOCK (texts);
  return id;
}

const char *
reclaim_interned (guint32 id)
{
  G_LOCK (texts);
  const char *text = texts && id > 0 && id < texts->len ? texts->pdata[id] : NULL;
  G_UNLOCK (texts);
  return text;
}

/* Immediates: bit 31 set.  Bit 30 set: a 30-bit signed int; else the
 * interned repr. */
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
  guint32 id = reclaim_intern (repr);
  g_return_val_if_fail (id < VALUE_INT, RECLAIM_VALUE_NONE);
  return VALUE_IMMEDIATE | id;
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
  return g_strdup (reclaim_interned (value & VALUE_PAYLOAD));
}
