/* reclaim-names.c: identifiers, one copy of each text for the process.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser keeps each identifier as the copy this table holds, so that
 * code meeting a name again (the runtime's attribute caches) can know it
 * by its address alone.  The copies live as long as the process: the
 * table grows with the distinct identifiers of the scripts read, linearly
 * (GLib's quark table would do the same, but leaks its old array every
 * 2,048 quarks).  Scripts are parsed on several threads.
 */
#include "reclaim-names.h"

static GHashTable *names;   /* text -> the same copy */
G_LOCK_DEFINE_STATIC (names);

const char *
reclaim_name_intern (const char *text)
{
  G_LOCK (names);
  if (names == NULL)
    names = g_hash_table_new (g_str_hash, g_str_equal);
  char *copy = g_hash_table_lookup (names, text);
  if (copy == NULL)
    {
      copy = g_strdup (text);
      g_hash_table_add (names, copy);
    }
  G_UNLOCK (names);
  return copy;
}

gboolean
reclaim_name_is_interned (const char *text)
{
  G_LOCK (names);
  gboolean interned = names != NULL && g_hash_table_lookup (names, text) == text;
  G_UNLOCK (names);
  return interned;
}
