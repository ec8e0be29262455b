/* reclaim-lesson-playback.c: the pictures of a lesson's steps.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lesson runs once with every event kept; each step's picture is the
 * heap at one position of that history.  A step's code ends where the
 * first line of a later cell starts: a later cell's lines cannot run
 * before its first statement has (a function defined there does not exist
 * yet), so the first line event past the step's last line is that point.
 */
#include "reclaim-lesson.h"
#include "reclaim-run.h"
#include "reclaim-visibility.h"
#include "reclaim-interp.h"
#include "reclaim-timeline.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _ReclaimLessonPlayback {
  const ReclaimLesson *lesson;
  ReclaimInterp       *interp;
  ReclaimTimeline     *timeline;
};

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

ReclaimLessonPlayback *
reclaim_lesson_playback_new (const ReclaimLesson *lesson, GError **error)
{
  ReclaimInterpOptions options = {
    .collector = RECLAIM_COLLECTOR_CPYTHON,
    .write_stdout = discard,
    .write_stderr = discard,
  };
  g_autofree char *name = g_path_get_basename (lesson->filename);

  reclaim_run_take_turn ();
  ReclaimInterp *interp = reclaim_interp_new (&options);
  int status = reclaim_interp_run (interp, lesson->source, -1, name);
  reclaim_run_end_turn ();
  if (status != 0)
    {
      g_set_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_RUN,
                   "%s:%u: the lesson's code stops on an error here", lesson->filename,
                   reclaim_interp_get_error_line (interp));
      reclaim_interp_free (interp);
      return NULL;
    }

  ReclaimLessonPlayback *playback = g_new0 (ReclaimLessonPlayback, 1);
  playback->lesson = lesson;
  playback->interp = interp;
  playback->timeline = reclaim_timeline_new (reclaim_interp_get_heap (interp),
                                             reclaim_interp_get_script_start (interp),
                                             reclaim_interp_get_script_end (interp),
                                             reclaim_interp_get_module_namespace (interp));
  return playback;
}

void
reclaim_lesson_playback_free (ReclaimLessonPlayback *playback)
{
  if (playback == NULL)
    return;
  reclaim_timeline_free (playback->timeline);
  reclaim_interp_free (playback->interp);
  g_free (playback);
}

/* The first line event at or after `from` whose line is past `line`; the
 * timeline's end when there is none. */
static guint64
first_line_after (ReclaimLessonPlayback *playback, guint line)
{
  ReclaimHeap *heap = reclaim_interp_get_heap (playback->interp);
  GArray *lines = playback->timeline->lines;

  for (guint i = 0; i < lines->len; i++)
    {
      guint64 position = g_array_index (lines, guint64, i);
      if (reclaim_heap_get_event (heap, position).x > line)
        return position;
    }
  return playback->timeline->end;
}

/* The first line event of the step's own lines. */
static guint64
step_start (ReclaimLessonPlayback *playback, const ReclaimLessonStep *step)
{
  ReclaimHeap *heap = reclaim_interp_get_heap (playback->interp);
  GArray *lines = playback->timeline->lines;

  for (guint i = 0; i < lines->len; i++)
    {
      guint64 position = g_array_index (lines, guint64, i);
      guint32 line = reclaim_heap_get_event (heap, position).x;
      if (line >= step->first_line && line <= step->last_line)
        return position;
    }
  return playback->timeline->end;
}

/* Where the first collection in [from, to) has finished `phase`: the
 * next phase's or the end's event; FALSE if none reaches it. */
static gboolean
find_phase_end (ReclaimHeap *heap, guint64 from, guint64 to, ReclaimPhase phase,
                guint64 *position)
{
  gboolean inside = FALSE;

  for (guint64 i = from; i < to; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (inside && (ev.kind == RECLAIM_EV_GC_PHASE || ev.kind == RECLAIM_EV_GC_END))
        {
          *position = i;
          return TRUE;
        }
      if (ev.kind == RECLAIM_EV_GC_PHASE && ev.a == phase)
        inside = TRUE;
    }
  return FALSE;
}

gboolean
reclaim_lesson_playback_position (ReclaimLessonPlayback *playback, guint index, guint64 *position,
                                  GError **error)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (playback->lesson, index);
  ReclaimHeap *heap = reclaim_interp_get_heap (playback->interp);

  /* narration alone shows the picture of the last step with code */
  while (step->last_line == 0 && index > 0)
    step = reclaim_lesson_get_step (playback->lesson, --index);
  if (step->last_line == 0)
    {
      *position = playback->timeline->start;
      return TRUE;
    }
  guint64 end = first_line_after (playback, step->last_line);
  if (step->phase == RECLAIM_PHASE_NONE)
    {
      *position = end;
      return TRUE;
    }
  if (find_phase_end (heap, step_start (playback, step), end, step->phase, position))
    return TRUE;
  g_set_error (error, RECLAIM_LESSON_ERROR, RECLAIM_LESSON_ERROR_RUN,
               "%s:%u: phase=\"%s\" but the cell's code runs no collection that reaches it",
               playback->lesson->filename, step->code_line, reclaim_phase_name (step->phase));
  return FALSE;
}

gboolean
reclaim_lesson_shows_interpreter (const ReclaimLesson *lesson, guint index)
{
  for (guint i = index + 1; i-- > 0;)
    {
      ReclaimLessonInterpreter said = reclaim_lesson_get_step (lesson, i)->interpreter;
      if (said != RECLAIM_LESSON_INTERPRETER_DEFAULT)
        return said == RECLAIM_LESSON_INTERPRETER_SHOW;
    }
  return FALSE;
}

ReclaimScene *
reclaim_lesson_playback_scene (ReclaimLessonPlayback *playback, guint step, guint64 position)
{
  ReclaimHeap *heap = reclaim_interp_get_heap (playback->interp);
  ReclaimSceneOptions options;

  reclaim_heap_seek (heap, position);
  reclaim_visibility_set_show_internals (playback->timeline->visibility,
                                         reclaim_lesson_shows_interpreter (playback->lesson, step));
  reclaim_timeline_scene_options (playback->timeline, &options);
  return reclaim_scene_new (heap, &options);
}

/* The index in scene->rows of a row. */
static guint
row_index (const ReclaimScene *scene, const ReclaimRow *row)
{
  return row - &g_array_index (scene->rows, ReclaimRow, 0);
}

/* Follows the pointer row labelled `label` of card `from`: the card it
 * points at, with its arrow highlighted; G_MAXUINT when there is none. */
static guint
follow_row (const ReclaimScene *scene, guint from, const char *label, ReclaimDecorations *deco)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, from);
  const ReclaimRow *row = reclaim_scene_find_row (scene, card, label);

  if (row == NULL || !(row->flags & RECLAIM_ROW_POINTER))
    return G_MAXUINT;
  for (guint i = 0; i < scene->arrows->len; i++)
    if (g_array_index (scene->arrows, ReclaimArrow, i).row == row_index (scene, row))
      ((ReclaimArrowLook *) deco->arrows)[i].highlighted = TRUE;
  return row->target;
}

/* The next label of a path: "name" after a dot or at the start, "[0]" or
 * "'k'" for a subscript; NULL at the end or on anything else. */
static char *
next_label (const char **p)
{
  const char *start = *p;

  if (**p == '.')
    start = ++*p;
  if (**p == '[')
    {
      const char *close = strchr (*p, ']');
      if (close == NULL)
        return NULL;
      char *inside = g_strndup (*p + 1, close - *p - 1);
      *p = close + 1;
      if (*inside == '\'' || *inside == '"')
        {
          inside[0] = inside[strlen (inside) - 1] = '\'';
          return inside;
        }
      char *label = g_strdup_printf ("[%s]", inside);
      g_free (inside);
      return label;
    }
  while (g_ascii_isalnum (**p) || **p == '_')
    ++*p;
  return *p > start ? g_strndup (start, *p - start) : NULL;
}

static gboolean
highlight_path (const ReclaimScene *scene, const char *path, ReclaimDecorations *deco)
{
  const char *p = path;
  guint card = 0;   /* the Global frame */
  char *label;

  if (scene->n_frames == 0)
    return FALSE;
  while (card != G_MAXUINT && (label = next_label (&p)) != NULL)
    {
      card = follow_row (scene, card, label, deco);
      g_free (label);
    }
  if (card == G_MAXUINT || *p != '\0')
    return FALSE;
  ((ReclaimCardLook *) deco->cards)[card].highlighted = TRUE;
  return TRUE;
}

gboolean
reclaim_lesson_highlight (const ReclaimScene *scene, char *const *show, ReclaimDecorations *deco)
{
  gboolean found = FALSE;

  reclaim_decorations_init (deco);
  deco->cards = g_new0 (ReclaimCardLook, scene->cards->len);
  deco->arrows = g_new0 (ReclaimArrowLook, MAX (scene->arrows->len, 1));
  for (guint i = 0; show && show[i]; i++)
    found |= highlight_path (scene, show[i], deco);
  deco->highlighting = found;
  return found;
}

/* "Node (head)": a card's type, and the global name pointing at it. */
static char *
card_label (const ReclaimScene *scene, const ReclaimCard *card)
{
  guint index = card - &g_array_index (scene->cards, ReclaimCard, 0);

  if (scene->n_frames > 0)
    {
      const ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
      for (guint r = frame->first_row; r < frame->first_row + frame->n_rows; r++)
        {
          const ReclaimRow *row = reclaim_scene_get_row (scene, r);
          /* "function work" names itself already */
          if ((row->flags & RECLAIM_ROW_POINTER) && row->target == index && row->label
              && !g_str_has_suffix (card->title, row->label))
            return g_strdup_printf ("%s (%s)", card->title, row->label);
        }
    }
  return g_strdup (card->title);
}

/* Appends the labels of the objects of `from` that `other` lacks. */
static void
list_missing (const ReclaimScene *from, const ReclaimScene *other, GString *list)
{
  for (guint i = from->n_frames; i < from->cards->len; i++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (from, i);
      if (card->flags & RECLAIM_CARD_FREED || reclaim_scene_find_card (other, card->id) != NULL)
        continue;
      g_autofree char *label = card_label (from, card);
      g_string_append_printf (list, "%s%s", list->len ? ", " : "", label);
    }
}

static void
list_count_changes (const ReclaimScene *before, const ReclaimScene *after, GString *list)
{
  for (guint i = after->n_frames; i < after->cards->len; i++)
    {
      const ReclaimCard *card = reclaim_scene_get_card (after, i);
      const ReclaimCard *old = reclaim_scene_find_card (before, card->id);
      /* every instance holds its class: a class's count would drown the story */
      if (old == NULL || old->refcount == card->refcount || card->kind == RECLAIM_KIND_CLASS)
        continue;
      g_autofree char *label = card_label (after, card);
      g_string_append (list, list->len ? ", " : "");
      /* Translators: what changed since the step before: an object, its
       * reference count before and after */
      g_string_append_printf (list, _("%s %u → %u"), label, old->refcount, card->refcount);
    }
}

char *
reclaim_lesson_describe_changes (const ReclaimScene *before, const ReclaimScene *after)
{
  g_autoptr (GString) appeared = g_string_new (NULL), went = g_string_new (NULL);
  g_autoptr (GString) counts = g_string_new (NULL);
  g_autoptr (GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);

  list_missing (after, before, appeared);
  list_missing (before, after, went);
  list_count_changes (before, after, counts);
  if (appeared->len)
    g_ptr_array_add (sentences, g_strdup_printf (_("New: %s."), appeared->str));
  if (went->len)
    g_ptr_array_add (sentences, g_strdup_printf (_("Gone: %s."), went->str));
  if (counts->len)
    g_ptr_array_add (sentences, g_strdup_printf (_("Reference counts: %s."), counts->str));
  if (sentences->len == 0)
    return NULL;
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (" ", (char **) sentences->pdata);
}

static void
describe_card (const ReclaimScene *scene, guint index, GString *text)
{
  const ReclaimCard *card = reclaim_scene_get_card (scene, index);
  guint pointers = 0;

  g_string_append (text, card->title);
  if (!(card->flags & RECLAIM_CARD_FRAME))
    /* Translators: alt text: after an object's type, its reference count */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u reference)",
                                               " (%u references)", card->refcount),
                            card->refcount);
  for (guint r = card->first_row; r < card->first_row + card->n_rows; r++)
    {
      const ReclaimRow *row = reclaim_scene_get_row (scene, r);
      if (!(row->flags & RECLAIM_ROW_POINTER))
        continue;
      const ReclaimCard *target = reclaim_scene_get_card (scene, row->target);
      /* Translators: alt text: "next refers to Node": a slot, the object it reaches */
      const char *format = row->flags & RECLAIM_ROW_WEAK ? _("%s weakly refers to %s")
                                                          : _("%s refers to %s");
      g_string_append (text, pointers++ ? ", " : ": ");
      g_string_append_printf (text, format, row->label ? row->label : _("an item"), target->title);
    }
  g_string_append (text, ". ");
}

char *
reclaim_lesson_describe_scene (const ReclaimScene *scene)
{
  GString *text = g_string_new (NULL);
  guint n = reclaim_scene_n_cards (scene);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u object shown. ",
                                             "%u objects shown. ", n), n);
  for (guint i = 0; i < n; i++)
    describe_card (scene, i, text);
  g_strchomp (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}
