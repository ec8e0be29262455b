/* reclaim-drafts.c: unsaved text kept on disk, so that no edit is lost.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is a key file, ID.draft:
 *
 *   [Draft]
 *   file=file:///home/ada/nodes.py      (absent for a script never saved)
 *   written=1796630400
 *   text=class Node:\n    pass\n...
 */
#include "config.h"

#include "reclaim-drafts.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define GROUP "Draft"
#define SUFFIX ".draft"

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "reclaim", "drafts", NULL);
}

static char *
draft_path (const char *id)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (id, SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
reclaim_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

gboolean
reclaim_drafts_write (const char *id, const char *text, const char *uri, GError **error)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *dir = drafts_dir ();
  g_autofree char *path = draft_path (id);
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (uri != NULL)
    g_key_file_set_string (keys, GROUP, "file", uri);
  g_key_file_set_int64 (keys, GROUP, "written", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_string (keys, GROUP, "text", text);
  data = g_key_file_to_data (keys, &length, NULL);
  /* written to a temporary file and renamed over the last draft */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
reclaim_drafts_remove (const char *id)
{
  g_autofree char *path = draft_path (id);

  g_remove (path);
}

void
reclaim_draft_free (ReclaimDraft *draft)
{
  g_free (draft->id);
  g_free (draft->text);
  g_free (draft->uri);
  g_free (draft);
}

/* The draft at path, or NULL when it is no draft (a file half written by
 * another program, a stray file). */
static ReclaimDraft *
read_draft (const char *path, const char *id)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  ReclaimDraft *draft;
  char *text;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  text = g_key_file_get_string (keys, GROUP, "text", NULL);
  if (text == NULL)
    return NULL;
  draft = g_new0 (ReclaimDraft, 1);
  draft->id = g_strdup (id);
  draft->text = text;
  draft->uri = g_key_file_get_string (keys, GROUP, "file", NULL);
  draft->written = g_key_file_get_int64 (keys, GROUP, "written", NULL);
  return draft;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const ReclaimDraft *x = *(ReclaimDraft * const *) a;
  const ReclaimDraft *y = *(ReclaimDraft * const *) b;

  return (y->written > x->written) - (y->written < x->written);
}

GPtrArray *
reclaim_drafts_list (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) reclaim_draft_free);
  g_autofree char *dir_path = drafts_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, SUFFIX))
        continue;
      g_autofree char *id = g_strndup (name, strlen (name) - strlen (SUFFIX));
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      ReclaimDraft *draft = read_draft (path, id);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, newest_first);
  return drafts;
}
