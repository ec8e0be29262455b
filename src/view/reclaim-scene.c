/* reclaim-scene.c: choose the cards, rows and arrows of a picture.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-scene.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define DEFAULT_MAX_ROWS  64
/* Inline values longer than this are cut with an ellipsis, so that one
 * long string does not make a card as wide as the screen. */
#define MAX_VALUE_CHARS   32

/* What building a scene from a heap keeps beside the scene. */
typedef struct {
  ReclaimHeap               *heap;
  const ReclaimSceneOptions *options;
  ReclaimScene              *scene;
  /* ReclaimId of objects freed in the window asked for */
  GHashTable                *freed;
  /* the generation being collected: -1 when none, -2 until looked up */
  int                        collecting;
  /* the type name of the last card titled by its type, and that title in
   * the scene's strings: ten thousand Nodes make their title once */
  const char                *titled_type;
  const char                *type_title;
} Builder;

/* ---- the scene as a container ------------------------------------------ */

ReclaimScene *
reclaim_scene_new_empty (void)
{
  ReclaimScene *scene = g_new0 (ReclaimScene, 1);

  scene->cards = g_array_new (FALSE, TRUE, sizeof (ReclaimCard));
  scene->rows = g_array_new (FALSE, TRUE, sizeof (ReclaimRow));
  scene->arrows = g_array_new (FALSE, TRUE, sizeof (ReclaimArrow));
  scene->strings = g_string_chunk_new (4096);
  scene->index_of_id = g_array_new (FALSE, TRUE, sizeof (guint));
  return scene;
}

void
reclaim_scene_free (ReclaimScene *scene)
{
  if (scene == NULL)
    return;
  g_array_unref (scene->cards);
  g_array_unref (scene->rows);
  g_array_unref (scene->arrows);
  g_string_chunk_free (scene->strings);
  g_array_unref (scene->index_of_id);
  g_free (scene);
}

static const char *
intern (ReclaimScene *scene, const char *text)
{
  return text ? g_string_chunk_insert_const (scene->strings, text) : NULL;
}

/* Adds a card whose title is in the scene's strings already. */
static ReclaimCard *
append_card (ReclaimScene *scene, ReclaimId id, ReclaimKind kind, const char *title, guint flags)
{
  ReclaimCard card = {
    .id = id,
    .kind = kind,
    .title = title,
    .generation = -1,
    .flags = flags,
    .first_row = scene->rows->len,
  };

  if (flags & RECLAIM_CARD_FRAME)
    {
      g_return_val_if_fail (scene->n_frames == scene->cards->len, NULL);
      scene->n_frames++;
    }
  scene->filling = scene->cards->len;
  if (id)
    {
      /* ids are dense: an array indexed by them is a step's cheapest map */
      if (id >= scene->index_of_id->len)
        g_array_set_size (scene->index_of_id, MAX (id + 1, 2 * scene->index_of_id->len));
      g_array_index (scene->index_of_id, guint, id) = scene->cards->len + 1;
    }
  g_array_append_val (scene->cards, card);
  return &g_array_index (scene->cards, ReclaimCard, scene->cards->len - 1);
}

ReclaimCard *
reclaim_scene_add_card (ReclaimScene *scene, ReclaimId id, ReclaimKind kind,
                        const char *title, guint flags)
{
  return append_card (scene, id, kind, intern (scene, title), flags);
}

static void
add_row_owned (ReclaimScene *scene, const char *label, const char *value,
               guint target, guint flags, guint slot)
{
  ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, scene->filling);
  ReclaimRow row = { .label = label, .value = value, .target = target, .flags = flags, .slot = slot };

  g_array_append_val (scene->rows, row);
  card->n_rows++;
}

void
reclaim_scene_add_row (ReclaimScene *scene, const char *label, const char *value,
                       guint target, guint flags)
{
  g_return_if_fail (scene->cards->len > 0);
  ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, scene->filling);
  add_row_owned (scene, intern (scene, label),
                 value ? g_string_chunk_insert (scene->strings, value) : NULL, target, flags,
                 card->n_rows);
}

void
reclaim_scene_finish (ReclaimScene *scene)
{
  g_array_set_size (scene->arrows, 0);
  for (guint c = 0; c < scene->cards->len; c++)
    {
      const ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      for (guint r = card->first_row; r < card->first_row + card->n_rows; r++)
        {
          const ReclaimRow *row = &g_array_index (scene->rows, ReclaimRow, r);
          if (!(row->flags & RECLAIM_ROW_POINTER) || row->target >= scene->cards->len)
            continue;
          ReclaimArrow arrow = {
            .from = c,
            .row = r,
            .to = row->target,
            .kind = (row->flags & RECLAIM_ROW_WEAK) ? RECLAIM_ARROW_WEAK : RECLAIM_ARROW_STRONG,
          };
          g_array_append_val (scene->arrows, arrow);
        }
    }
}

guint
reclaim_scene_n_cards (const ReclaimScene *scene)
{
  return scene->cards->len;
}

ReclaimCard *
reclaim_scene_get_card (const ReclaimScene *scene, guint index)
{
  g_return_val_if_fail (index < scene->cards->len, NULL);
  return &g_array_index (scene->cards, ReclaimCard, index);
}

ReclaimRow *
reclaim_scene_get_row (const ReclaimScene *scene, guint index)
{
  g_return_val_if_fail (index < scene->rows->len, NULL);
  return &g_array_index (scene->rows, ReclaimRow, index);
}

static gint
card_index (const ReclaimScene *scene, ReclaimId id)
{
  return id < scene->index_of_id->len ? (gint) g_array_index (scene->index_of_id, guint, id) - 1 : -1;
}

ReclaimCard *
reclaim_scene_find_card (const ReclaimScene *scene, ReclaimId id)
{
  gint index = card_index (scene, id);
  return index < 0 ? NULL : &g_array_index (scene->cards, ReclaimCard, index);
}

ReclaimRow *
reclaim_scene_find_row (const ReclaimScene *scene, const ReclaimCard *card, const char *label)
{
  for (guint r = card->first_row; r < card->first_row + card->n_rows; r++)
    {
      ReclaimRow *row = &g_array_index (scene->rows, ReclaimRow, r);
      if (g_strcmp0 (row->label, label) == 0)
        return row;
    }
  return NULL;
}

const ReclaimArrow *
reclaim_scene_find_arrow (const ReclaimScene *scene, ReclaimId from, ReclaimId to,
                          ReclaimArrowKind kind)
{
  gint f = card_index (scene, from), t = card_index (scene, to);

  if (f < 0 || t < 0)
    return NULL;
  for (guint i = 0; i < scene->arrows->len; i++)
    {
      const ReclaimArrow *arrow = &g_array_index (scene->arrows, ReclaimArrow, i);
      if (arrow->from == (guint) f && arrow->to == (guint) t && arrow->kind == kind)
        return arrow;
    }
  return NULL;
}

/* ---- which objects are cards ------------------------------------------- */

static gboolean
is_dunder (const char *name)
{
  gsize len = name ? strlen (name) : 0;
  return len > 4 && g_str_has_prefix (name, "__") && g_str_has_suffix (name, "__");
}

static gboolean
is_alive (ReclaimHeap *heap, ReclaimId id)
{
  return reclaim_heap_get_state (heap, id) == RECLAIM_STATE_ALIVE;
}

static ReclaimId
slot_object (ReclaimHeap *heap, ReclaimId obj, guint index)
{
  ReclaimValue v = reclaim_heap_slot_get (heap, obj, index);
  return v && reclaim_value_is_object (v) ? v : 0;
}

static gboolean
is_frame_object (Builder *b, ReclaimId id)
{
  return id == b->options->module_dict ||
         (reclaim_heap_get_alloc_flags (b->heap, id) & RECLAIM_ALLOC_ROOT);
}

static gboolean
is_candidate (Builder *b, ReclaimId id)
{
  if (id < b->options->first_id && id != b->options->module_dict)
    return FALSE;
  if (b->options->visibility && !reclaim_visibility_shows (b->options->visibility, id))
    return FALSE;
  return is_alive (b->heap, id) || g_hash_table_contains (b->freed, GUINT_TO_POINTER (id));
}

static gboolean
is_internal (Builder *b, ReclaimId id)
{
  return b->options->visibility && reclaim_visibility_is_internal (b->options->visibility, id);
}

static void
collect_freed (Builder *b)
{
  ReclaimHeap *heap = b->heap;
  guint64 position = reclaim_heap_get_position (heap);

  if (!b->options->show_freed)
    return;
  for (guint64 i = b->options->freed_since; i < position; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_FREE &&
          reclaim_heap_get_state (heap, ev.obj) == RECLAIM_STATE_FREED)
        g_hash_table_add (b->freed, GUINT_TO_POINTER (ev.obj));
    }
}

/* The generation of the collection running at the heap's position (the
 * innermost, when a finalizer started another), or -1.  Only asked when
 * an object is in one of the collector's working lists, so the search
 * back is as long as the collection so far. */
static int
collecting_generation (ReclaimHeap *heap)
{
  int depth = 0;

  for (guint64 i = reclaim_heap_get_position (heap); i-- > 0;)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_GC_END)
        depth++;
      else if (ev.kind == RECLAIM_EV_GC_START && depth-- == 0)
        return ev.b <= 2 ? ev.b : -1;
    }
  return -1;
}

/* A card's type in the reader's language where it is an ordinary word
 * ("function", "object"); Python's own type names (list, dict, int) stay
 * as Python spells them. */
static const char *
type_title (const char *type)
{
  static const char *const words[] = {
    /* TRANSLATORS: card titles: the type of an object as a plain word */
    N_("object"), N_("function"), N_("generator"), N_("cell"), N_("method"), N_("frame"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (type, words[i]) == 0)
      return _(words[i]);
  return type;
}

static char *
card_title (Builder *b, ReclaimId id)
{
  ReclaimHeap *heap = b->heap;
  const char *label = reclaim_heap_get_label (heap, id);
  const char *type = type_title (reclaim_heap_get_type_name (heap, id));

  if (id == b->options->module_dict)
    /* TRANSLATORS: the title of the card that holds the module's variables */
    return g_strdup (_("Global frame"));
  switch (reclaim_heap_get_kind (heap, id))
    {
    case RECLAIM_KIND_FRAME:
      /* TRANSLATORS: the title of a function call's card whose function has no name */
      return g_strdup (label ? label : _("frame"));
    case RECLAIM_KIND_CLASS:
      return g_strdup_printf (_("class %s"), label ? label : "?");
    case RECLAIM_KIND_FUNCTION:
    case RECLAIM_KIND_GENERATOR:
      return label ? g_strdup_printf ("%s %s", type, label) : g_strdup (type);
    case RECLAIM_KIND_OBJECT:
    case RECLAIM_KIND_PLAIN:
      /* object() is labelled by its type's name */
      return g_strdup (label ? type_title (label) : type);
    default:
      if (reclaim_heap_get_alloc_flags (heap, id) & RECLAIM_ALLOC_ROOT)
        return g_strdup (label ? label : type);
      return g_strdup (type);
    }
}

/* Whether card_title() titles obj by its type alone. */
static gboolean
titled_by_type (Builder *b, ReclaimId id)
{
  switch (reclaim_heap_get_kind (b->heap, id))
    {
    case RECLAIM_KIND_FRAME:
    case RECLAIM_KIND_CLASS:
    case RECLAIM_KIND_FUNCTION:
    case RECLAIM_KIND_GENERATOR:
    case RECLAIM_KIND_OBJECT:
    case RECLAIM_KIND_PLAIN:
      return FALSE;
    default:
      return id != b->options->module_dict &&
             !(reclaim_heap_get_alloc_flags (b->heap, id) & RECLAIM_ALLOC_ROOT);
    }
}

/* card_title() in the scene's strings. */
static const char *
scene_card_title (Builder *b, ReclaimId id)
{
  if (titled_by_type (b, id))
    {
      /* type names are the heap's interned texts: one pointer a type */
      const char *type = reclaim_heap_get_type_name (b->heap, id);
      if (type != b->titled_type || b->type_title == NULL)
        {
          b->titled_type = type;
          b->type_title = intern (b->scene, type_title (type));
        }
      return b->type_title;
    }
  g_autofree char *title = card_title (b, id);
  return intern (b->scene, title);
}

static void
add_object_card (Builder *b, ReclaimId id, guint extra_flags)
{
  ReclaimHeap *heap = b->heap;
  const char *title = scene_card_title (b, id);
  guint flags = extra_flags;
  gboolean alive = is_alive (heap, id);

  if (!alive)
    flags |= RECLAIM_CARD_FREED;
  if (reclaim_heap_get_alloc_flags (heap, id) & RECLAIM_ALLOC_HAS_FINALIZER)
    flags |= RECLAIM_CARD_FINALIZER;
  if (alive)
    {
      guint f = reclaim_heap_get_flags (heap, id);
      if (f & RECLAIM_FLAG_TRACKED)
        flags |= RECLAIM_CARD_TRACKED;
      if (f & RECLAIM_FLAG_FINALIZED)
        flags |= RECLAIM_CARD_FINALIZED;
      if (f & RECLAIM_FLAG_COLLECTING)
        flags |= RECLAIM_CARD_COLLECTING;
      if (f & RECLAIM_FLAG_UNREACHABLE)
        flags |= RECLAIM_CARD_UNREACHABLE;
    }

  ReclaimCard *card = append_card (b->scene, id, reclaim_heap_get_kind (heap, id), title, flags);
  if (alive)
    {
      card->refcount = reclaim_heap_get_refcount (heap, id);
      card->gc_refs = reclaim_heap_get_gc_refs (heap, id);
      card->generation = (flags & RECLAIM_CARD_TRACKED) ? reclaim_heap_get_generation (heap, id) : -1;
      /* in one of the collector's working lists, it still belongs to the
       * generation being collected: not to be tinted as untracked */
      if (card->generation < 0 && (flags & RECLAIM_CARD_TRACKED))
        {
          if (b->collecting == -2)
            b->collecting = collecting_generation (heap);
          card->generation = b->collecting;
        }
      card->n_weakrefs = reclaim_heap_weakref_count (heap, id);
      if (card->n_weakrefs > 0)
        card->flags |= RECLAIM_CARD_WEAKLY_REFERENCED;
    }
}

/* ---- rows -------------------------------------------------------------- */

typedef struct {
  Builder    *b;
  guint       n_added;   /* rows of the current card, the "more" row aside */
  guint       n_cut;     /* rows not shown beyond max_rows */
} RowSink;

static char *
shorten (char *text)
{
  if (g_utf8_strlen (text, -1) <= MAX_VALUE_CHARS)
    return text;
  const char *end = g_utf8_offset_to_pointer (text, MAX_VALUE_CHARS - 1);
  char *result = g_strdup_printf ("%.*s…", (int) (end - text), text);
  g_free (text);
  return result;
}

/* The __name__ entry of a module's namespace, without its quotes. */
static char *
module_name (ReclaimHeap *heap, ReclaimId ns)
{
  if (ns == 0 || reclaim_heap_get_kind (heap, ns) != RECLAIM_KIND_DICT)
    return NULL;
  for (guint i = 0; i < reclaim_heap_n_slots (heap, ns); i++)
    {
      ReclaimValue v = reclaim_heap_slot_get (heap, ns, i);
      if (reclaim_heap_slot_get_role (heap, ns, i) != RECLAIM_ROLE_VALUE ||
          g_strcmp0 (reclaim_heap_slot_get_label (heap, ns, i), "__name__") != 0 ||
          !reclaim_value_is_immediate (v))
        continue;
      g_autofree char *repr = reclaim_value_dup_repr (v);
      gsize len = strlen (repr);
      if (len >= 2 && (repr[0] == '\'' || repr[0] == '"'))
        return g_strndup (repr + 1, len - 2);
      return g_steal_pointer (&repr);
    }
  return NULL;
}

/* How a row names an object that has no card: "class object",
 * "module gc" (a module's name is its namespace's label). */
static char *
describe_hidden (ReclaimHeap *heap, ReclaimId id)
{
  const char *label = reclaim_heap_get_label (heap, id);
  const char *python_type = reclaim_heap_get_type_name (heap, id);
  const char *type = type_title (python_type);

  if (reclaim_heap_get_kind (heap, id) == RECLAIM_KIND_CLASS)
    return g_strdup_printf (_("class %s"), label ? label : "?");
  if (g_strcmp0 (label, "module") == 0 && reclaim_heap_n_slots (heap, id) > 0)
    {
      g_autofree char *name = module_name (heap, slot_object (heap, id, 0));
      /* TRANSLATORS: names a Python module, as in "module gc"; %s is its name */
      if (name)
        return g_strdup_printf (_("module %s"), name);
    }
  if (label && (reclaim_heap_get_kind (heap, id) == RECLAIM_KIND_OBJECT ||
                reclaim_heap_get_kind (heap, id) == RECLAIM_KIND_PLAIN))
    return g_strdup (label);
  if (label && g_strcmp0 (label, python_type) != 0)
    return g_strdup_printf ("%s %s", type, label);
  return g_strdup (type);
}

/* Whether the card has all the rows it shows: the rest are counted. */
static gboolean
sink_is_full (const RowSink *sink)
{
  guint max_rows = sink->b->options->max_rows ? sink->b->options->max_rows : DEFAULT_MAX_ROWS;

  return sink->n_added >= max_rows;
}

/* A row of the card being filled.  label lasts as long as the scene: a
 * literal, a label of the heap (interned for the process's life, so
 * the ten thousand "parent" rows of a step copy nothing) or the scene's
 * own text; sink_row_copy() copies one that does not. */
static void
sink_row (RowSink *sink, const char *label, ReclaimValue value, guint flags, guint slot)
{
  Builder *b = sink->b;
  ReclaimScene *scene = b->scene;

  if (value == RECLAIM_VALUE_NONE)
    return;
  if (sink_is_full (sink))
    {
      sink->n_cut++;
      return;
    }
  sink->n_added++;
  const char *l = label;
  if (reclaim_value_is_immediate (value))
    {
      char *repr = shorten (reclaim_value_dup_repr (value));
      add_row_owned (scene, l, g_string_chunk_insert (scene->strings, repr), 0, flags, slot);
      g_free (repr);
      return;
    }
  gint target = card_index (scene, value);
  if (target >= 0 && !(reclaim_scene_get_card (scene, target)->flags & RECLAIM_CARD_FREED))
    {
      add_row_owned (scene, l, NULL, target, flags | RECLAIM_ROW_POINTER, slot);
      return;
    }
  g_autofree char *text = describe_hidden (b->heap, value);
  add_row_owned (scene, l, g_string_chunk_insert_const (scene->strings, text), 0,
                 flags | RECLAIM_ROW_MUTED, slot);
}

static void
sink_row_copy (RowSink *sink, const char *label, ReclaimValue value, guint flags, guint slot)
{
  /* a row cut at max_rows keeps no label */
  sink_row (sink, sink_is_full (sink) ? NULL : intern (sink->b->scene, label), value, flags, slot);
}

static void
sink_text (RowSink *sink, const char *label, const char *text)
{
  sink->n_added++;
  add_row_owned (sink->b->scene, intern (sink->b->scene, label),
                 intern (sink->b->scene, text), 0, RECLAIM_ROW_MUTED, G_MAXUINT);
}

/* A dict's entries: a KEY slot, then its VALUE slot.  In the frames
 * column the key is a variable name; in a card it is the key's repr. */
/* Entries of a namespace that are bookkeeping rather than what the
 * script defined. */
typedef enum {
  SKIP_NOTHING,
  SKIP_MODULE_DUNDERS,     /* __name__, __doc__, __builtins__ ... */
} SkipEntries;

static gboolean
skips (SkipEntries skip, const char *name)
{
  switch (skip)
    {
    case SKIP_MODULE_DUNDERS:
      return is_dunder (name);
    default:
      return FALSE;
    }
}

static void
dict_rows (RowSink *sink, ReclaimId dict, gboolean as_namespace, SkipEntries skip)
{
  ReclaimHeap *heap = sink->b->heap;
  guint n = reclaim_heap_n_slots (heap, dict);

  for (guint i = 0; i < n; i++)
    {
      if (reclaim_heap_slot_get_role (heap, dict, i) != RECLAIM_ROLE_KEY)
        continue;
      ReclaimValue key = reclaim_heap_slot_get (heap, dict, i);
      ReclaimValue value = i + 1 < n ? reclaim_heap_slot_get (heap, dict, i + 1) : RECLAIM_VALUE_NONE;
      const char *name = i + 1 < n ? reclaim_heap_slot_get_label (heap, dict, i + 1) : NULL;
      if (key == RECLAIM_VALUE_NONE || value == RECLAIM_VALUE_NONE)
        continue;
      if (skips (skip, name))
        continue;
      if (reclaim_value_is_object (key))
        {
          sink_row (sink, "key", key, RECLAIM_ROW_KEY_OBJECT, i);
          sink_row (sink, "value", value, 0, i + 1);
          continue;
        }
      if (as_namespace && name)
        sink_row (sink, name, value, 0, i + 1);
      else
        {
          g_autofree char *repr = shorten (reclaim_value_dup_repr (key));
          sink_row_copy (sink, repr, value, 0, i + 1);
        }
    }
}

static const char *
role_label (ReclaimRole role)
{
  switch (role)
    {
    case RECLAIM_ROLE_CELL:
      return "cell_contents";
    case RECLAIM_ROLE_CALLBACK:
      return "callback";
    case RECLAIM_ROLE_DICT:
      return "__dict__";
    default:
      return NULL;
    }
}

static void
slot_rows (RowSink *sink, ReclaimId id, gboolean is_frame)
{
  ReclaimHeap *heap = sink->b->heap;
  ReclaimKind kind = reclaim_heap_get_kind (heap, id);
  guint item = 0;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, id); i++)
    {
      ReclaimRole role = reclaim_heap_slot_get_role (heap, id, i);
      const char *label = reclaim_heap_slot_get_label (heap, id, i);
      ReclaimValue value = reclaim_heap_slot_get (heap, id, i);
      if (role == RECLAIM_ROLE_ITEM)
        {
          if (value == RECLAIM_VALUE_NONE)
            continue;
          /* the index of a row that shows: a list of thousands shows a few */
          char index[16] = "";
          if (kind != RECLAIM_KIND_SET && !sink_is_full (sink))
            g_snprintf (index, sizeof index, "[%u]", item);
          item++;
          sink_row_copy (sink, kind == RECLAIM_KIND_SET ? NULL : index, value, 0, i);
          continue;
        }
      /* a frame's reference to its function, and a function's to the
       * module namespace, would draw an arrow from everything to everything */
      if (role == RECLAIM_ROLE_OTHER &&
          ((is_frame && g_strcmp0 (label, "<function>") == 0) ||
           (kind == RECLAIM_KIND_FUNCTION && g_strcmp0 (label, "__globals__") == 0)))
        continue;
      sink_row (sink, label ? label : role_label (role), value, 0, i);
    }
}

static void
weakref_rows (RowSink *sink, ReclaimId id)
{
  ReclaimHeap *heap = sink->b->heap;
  ReclaimId referent = reclaim_heap_weakref_get_referent (heap, id);

  if (referent == 0 || !is_alive (heap, referent))
    /* TRANSLATORS: the value shown for a weak reference whose referent is gone */
    sink_text (sink, "referent", _("dead"));
  else
    sink_row (sink, "referent", referent, RECLAIM_ROW_WEAK, G_MAXUINT);
  slot_rows (sink, id, FALSE);
}

static gboolean
shows_empty (ReclaimKind kind)
{
  return kind == RECLAIM_KIND_LIST || kind == RECLAIM_KIND_TUPLE ||
         kind == RECLAIM_KIND_DICT || kind == RECLAIM_KIND_SET || kind == RECLAIM_KIND_DEQUE;
}

static void
card_rows (Builder *b, guint index)
{
  ReclaimCard *card = reclaim_scene_get_card (b->scene, index);
  ReclaimId id = card->id;
  RowSink sink = { .b = b };

  card->first_row = b->scene->rows->len;
  card->n_rows = 0;
  b->scene->filling = index;
  if (card->flags & RECLAIM_CARD_FREED)
    return;

  gboolean is_frame = (card->flags & RECLAIM_CARD_FRAME) != 0;
  /* a list or dict subclass's __dict__ sits beside its items; the
   * reference cannot be deleted from the canvas (no slot) */
  ReclaimId instance_dict = reclaim_heap_get_instance_dict (b->heap, id);
  if (instance_dict != 0)
    sink_row (&sink, "__dict__", instance_dict, 0, G_MAXUINT);
  guint rows_before_items = sink.n_added;
  switch (card->kind)
    {
    case RECLAIM_KIND_DICT:
      dict_rows (&sink, id, is_frame,
                 id == b->options->module_dict ? SKIP_MODULE_DUNDERS : SKIP_NOTHING);
      break;
    case RECLAIM_KIND_WEAKREF:
    case RECLAIM_KIND_PROXY:
      weakref_rows (&sink, id);
      break;
    default:
      slot_rows (&sink, id, is_frame);
      break;
    }
  if (sink.n_cut > 0)
    {
      /* TRANSLATORS: the last row of a card that shows only its first rows */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… %u more", "… %u more", sink.n_cut),
                                               sink.n_cut);
      sink_text (&sink, NULL, more);
      reclaim_scene_get_card (b->scene, index)->flags |= RECLAIM_CARD_MORE_ROWS;
    }
  else if (sink.n_added == rows_before_items && !is_frame && shows_empty (card->kind))
    /* TRANSLATORS: the only row of an empty list, tuple, dict or set */
    sink_text (&sink, NULL, _("empty"));
}

/* ---- what the flags forget --------------------------------------------- */

static void
add_card_flag (Builder *b, ReclaimId id, guint flag)
{
  ReclaimCard *card = reclaim_scene_find_card (b->scene, id);

  if (card && !(card->flags & RECLAIM_CARD_FREED))
    card->flags |= flag;
}

/* The running collection's own history, back to its GC_START: which
 * candidates move_unreachable moved back from the unreachable list (found
 * reachable again), and which handle_resurrected_objects found alive after
 * the finalizers ran.  Only looked for while a card is a candidate. */
static void
note_running_collection (Builder *b)
{
  ReclaimHeap *heap = b->heap;
  ReclaimScene *scene = b->scene;
  gboolean running = FALSE;
  int depth = 0;

  for (guint c = 0; c < scene->cards->len && !running; c++)
    running = (g_array_index (scene->cards, ReclaimCard, c).flags &
               (RECLAIM_CARD_COLLECTING | RECLAIM_CARD_UNREACHABLE)) != 0;
  if (!running)
    return;
  for (guint64 i = reclaim_heap_get_position (heap); i-- > 0;)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_GC_END)
        depth++;
      else if (ev.kind == RECLAIM_EV_GC_START && depth-- == 0)
        return;
      else if (depth > 0)
        continue;
      else if (ev.kind == RECLAIM_EV_GC_MOVE && ev.a == RECLAIM_LIST_UNREACHABLE &&
               ev.b >= RECLAIM_LIST_GEN0 && ev.b <= RECLAIM_LIST_GEN2)
        add_card_flag (b, ev.obj, RECLAIM_CARD_MOVED_BACK);
      else if (ev.kind == RECLAIM_EV_RESURRECTED)
        add_card_flag (b, ev.obj, RECLAIM_CARD_RESURRECTED);
    }
}

static gboolean
is_garbage_list (ReclaimList list)
{
  return list == RECLAIM_LIST_UNREACHABLE || list == RECLAIM_LIST_FINAL_UNREACHABLE ||
         list == RECLAIM_LIST_WEAKREF_CALLBACKS || list == RECLAIM_LIST_FINALIZE_SEEN;
}

/* Finalizers still running at the position: a FINALIZE without its
 * FINALIZE_END.  None can have started before the last line of the
 * module's own code, so the search stops there. */
static GHashTable *
open_finalizers (ReclaimHeap *heap)
{
  GHashTable *ended = g_hash_table_new (NULL, NULL);
  GHashTable *open = g_hash_table_new (NULL, NULL);

  for (guint64 i = reclaim_heap_get_position (heap); i-- > 0;)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == RECLAIM_EV_LINE && ev.y == 0)
        break;
      if (ev.kind == RECLAIM_EV_FINALIZE_END)
        g_hash_table_add (ended, GUINT_TO_POINTER (ev.obj));
      else if (ev.kind == RECLAIM_EV_FINALIZE &&
               !g_hash_table_contains (ended, GUINT_TO_POINTER (ev.obj)))
        g_hash_table_add (open, GUINT_TO_POINTER (ev.obj));
    }
  g_hash_table_unref (ended);
  return open;
}

/* An object whose __del__ has run (it runs only once, just before the
 * object would go) and that is still alive was resurrected by it, once
 * the collector no longer holds it as garbage, its __del__ has returned
 * and the deallocation that called it has let go of it. */
static void
note_resurrected (Builder *b)
{
  ReclaimHeap *heap = b->heap;
  ReclaimScene *scene = b->scene;
  guint64 position = reclaim_heap_get_position (heap);
  const ReclaimEvent last = position > 0 ? reclaim_heap_get_event (heap, position - 1)
                                          : (ReclaimEvent) { .kind = RECLAIM_N_EVENT_KINDS };
  GHashTable *open = NULL;

  for (guint c = 0; c < scene->cards->len; c++)
    {
      ReclaimCard *card = &g_array_index (scene->cards, ReclaimCard, c);
      if ((card->flags & (RECLAIM_CARD_FREED | RECLAIM_CARD_FRAME)) ||
          !(card->flags & RECLAIM_CARD_FINALIZED) || card->refcount == 0 ||
          is_garbage_list (reclaim_heap_get_list (heap, card->id)))
        continue;
      /* the dealloc that ran __del__ has not yet dropped its own reference */
      if (last.obj == card->id &&
          (last.kind == RECLAIM_EV_FINALIZE_END || last.kind == RECLAIM_EV_GC_WORD))
        continue;
      if (open == NULL)
        open = open_finalizers (heap);
      if (!g_hash_table_contains (open, GUINT_TO_POINTER (card->id)))
        card->flags |= RECLAIM_CARD_RESURRECTED;
    }
  g_clear_pointer (&open, g_hash_table_unref);
}

/* ---- the whole ---------------------------------------------------------- */

static void
add_frames (Builder *b)
{
  ReclaimHeap *heap = b->heap;
  guint32 n = reclaim_heap_n_objects (heap);

  if (b->options->module_dict && is_alive (heap, b->options->module_dict))
    add_object_card (b, b->options->module_dict, RECLAIM_CARD_FRAME);
  for (ReclaimId id = MAX (b->options->first_id, 1); id <= n; id++)
    if (id != b->options->module_dict && is_alive (heap, id) && is_frame_object (b, id))
      add_object_card (b, id, RECLAIM_CARD_FRAME);
}

static void
add_objects (Builder *b)
{
  ReclaimHeap *heap = b->heap;
  guint32 n = reclaim_heap_n_objects (heap);

  for (ReclaimId id = MAX (b->options->first_id, 1); id <= n; id++)
    if (is_candidate (b, id) && !is_frame_object (b, id))
      add_object_card (b, id, is_internal (b, id) ? RECLAIM_CARD_CLASS_INTERNAL : 0);
}

ReclaimScene *
reclaim_scene_new (ReclaimHeap *heap, const ReclaimSceneOptions *options)
{
  ReclaimSceneOptions defaults = { 0 };
  Builder b = {
    .heap = heap,
    .options = options ? options : &defaults,
    .scene = reclaim_scene_new_empty (),
    .freed = g_hash_table_new (NULL, NULL),
    .collecting = -2,
  };

  collect_freed (&b);
  add_frames (&b);
  add_objects (&b);
  note_running_collection (&b);
  note_resurrected (&b);
  /* rows come after all cards, so that a row can point at any card; each
   * card's rows are contiguous because cards are filled in order */
  for (guint i = 0; i < b.scene->cards->len; i++)
    card_rows (&b, i);
  reclaim_scene_finish (b.scene);
  reclaim_scene_mark_garbage (b.scene, heap);
  reclaim_scene_name_cards (b.scene);

  g_hash_table_unref (b.freed);
  return b.scene;
}
