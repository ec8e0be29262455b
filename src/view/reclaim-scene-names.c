/* reclaim-scene-names.c: the name that reaches each card.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three cards titled "Node" are told apart by the way the script reaches
 * them: `n1`, `n1.friend`, `items[0]`.  The names are read off the scene
 * itself, breadth first along its rows: from the global frame first (a
 * global name is the one the script's reader knows), then from the other
 * frames (`self` inside a method).  Objects nothing reaches have none.
 */
#include "reclaim-scene.h"

#include <string.h>

/* Names longer than this keep their end, which says the most. */
#define MAX_NAME_CHARS 16
/* A path longer than this names nothing (a.next.next.next…): the reader
 * would not follow it, and a long chain would cost time squared. */
#define MAX_PATH_BYTES 48

/* How a row's label extends its card's name, or NULL when it reads as
 * no Python expression (a set's item, a dict's key object). */
static char *
extend_name (const char *name, const ReclaimRow *row)
{
  const char *label = row->label;

  if (label == NULL || *label == '\0' || (row->flags & RECLAIM_ROW_KEY_OBJECT) ||
      strlen (name) + strlen (label) > MAX_PATH_BYTES)
    return NULL;
  if (label[0] == '[')
    return g_strconcat (name, label, NULL);              /* items[0] */
  if (label[0] == '\'' || label[0] == '"' || g_ascii_isdigit (label[0]) || label[0] == '-')
    return g_strdup_printf ("%s[%s]", name, label);      /* d['key'] */
  return g_strdup_printf ("%s.%s", name, label);         /* n1.friend */
}

static const char *
shortened (ReclaimScene *scene, const char *name)
{
  glong length = g_utf8_strlen (name, -1);

  if (length <= MAX_NAME_CHARS)
    return g_string_chunk_insert_const (scene->strings, name);
  g_autofree char *tail = g_strconcat ("…", g_utf8_offset_to_pointer (name, length - MAX_NAME_CHARS + 1), NULL);
  return g_string_chunk_insert_const (scene->strings, tail);
}

/* Names the cards reached from the frame `frame`, breadth first, that
 * have none yet. */
static void
name_from_frame (ReclaimScene *scene, guint frame, char **names, GArray *queue)
{
  g_array_set_size (queue, 0);
  g_array_append_val (queue, frame);
  for (guint head = 0; head < queue->len; head++)
    {
      guint c = g_array_index (queue, guint, head);
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      for (guint r = card->first_row; r < card->first_row + card->n_rows; r++)
        {
          const ReclaimRow *row = &g_array_index (scene->rows, ReclaimRow, r);
          if (!(row->flags & RECLAIM_ROW_POINTER) || (row->flags & RECLAIM_ROW_WEAK) ||
              row->target < scene->n_frames || row->target >= scene->cards->len || names[row->target])
            continue;
          /* a frame's rows are its variables: their names alone */
          names[row->target] = c < scene->n_frames
                               ? (row->label && !(row->flags & RECLAIM_ROW_KEY_OBJECT) ? g_strdup (row->label) : NULL)
                               : extend_name (names[c], row);
          if (names[row->target] != NULL)
            g_array_append_val (queue, row->target);
        }
    }
}

/* Whether the title names the object already: "class Node" for Node,
 * "function __init__" for Node.__init__. */
static gboolean
title_says (const char *title, const char *name)
{
  const char *last_word = strrchr (title, ' ');
  const char *last_part = strrchr (name, '.');

  if (g_str_equal (title, name))
    return TRUE;
  return last_word != NULL && g_str_equal (last_word + 1, last_part ? last_part + 1 : name);
}

void
reclaim_scene_name_cards (ReclaimScene *scene)
{
  guint n = scene->cards->len;
  char **names = g_new0 (char *, MAX (n, 1));
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint f = 0; f < scene->n_frames; f++)
    name_from_frame (scene, f, names, queue);
  for (guint c = scene->n_frames; c < n; c++)
    {
      ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      /* "class Node" says its name already */
      if (names[c] != NULL && !title_says (card->title, names[c]))
        card->name = shortened (scene, names[c]);
    }
  for (guint c = 0; c < n; c++)
    g_free (names[c]);
  g_free (names);
}
