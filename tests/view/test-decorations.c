/* test-decorations.c: what the canvas draws over a scene, and its hit tests.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scene's slot indexes and collection states are checked on scripts
 * run by the interpreter; decorations (selection, highlight, animation
 * looks, retracting arrows) are drawn headless on a known scene and read
 * back at the places the layout predicts.
 */
#include "view-test-util.h"

#include <math.h>
#include <string.h>

/* ---- scripts ------------------------------------------------------------- */

static guint64
event_position (ReclaimHeap *heap, guint64 from, ReclaimEventKind kind, ReclaimId obj)
{
  for (guint64 i = from; i < reclaim_heap_n_events (heap); i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (ev.kind == kind && (obj == 0 || ev.obj == obj))
        return i;
    }
  g_assert_not_reached ();
}

/* ---- slots and states ----------------------------------------------------- */

/* A row knows the slot of its card's object it shows: what a canvas edit
 * deletes. */
static void
test_scene_row_slots (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "class Node:\n"
              "    size = 3\n"
              "n = Node()\n"
              "n.label = 'x'\n"
              "n.items = [1, n]\n"
              "d = {'k': n}\n");
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  ReclaimHeap *heap = script.heap;
  ReclaimCard *frame = reclaim_scene_get_card (scene, 0);
  ReclaimCard *node = card_titled (scene, "Node", 0);
  ReclaimCard *list = card_titled (scene, "list", 0);
  ReclaimCard *dict = card_titled (scene, "dict", 0);
  ReclaimRow *row;

  g_assert_nonnull (node);
  g_assert_nonnull (list);
  g_assert_nonnull (dict);

  /* a variable: the value slot of the module namespace, labelled by name */
  row = reclaim_scene_find_row (scene, frame, "n");
  g_assert_cmpuint (row->slot, <, reclaim_heap_n_slots (heap, frame->id));
  g_assert_cmpstr (reclaim_heap_slot_get_label (heap, frame->id, row->slot), ==, "n");
  g_assert_cmpuint (reclaim_heap_slot_get (heap, frame->id, row->slot), ==, node->id);
  /* an attribute */
  row = reclaim_scene_find_row (scene, node, "items");
  g_assert_cmpstr (reclaim_heap_slot_get_label (heap, node->id, row->slot), ==, "items");
  /* an item */
  row = reclaim_scene_find_row (scene, list, "[1]");
  g_assert_cmpuint (row->slot, ==, 1);
  g_assert_cmpuint (reclaim_heap_slot_get (heap, list->id, row->slot), ==, node->id);
  /* a dict entry: its value slot */
  row = reclaim_scene_find_row (scene, dict, "'k'");
  g_assert_cmpint (reclaim_heap_slot_get_role (heap, dict->id, row->slot), ==, RECLAIM_ROLE_VALUE);
  g_assert_cmpuint (reclaim_heap_slot_get (heap, dict->id, row->slot), ==, node->id);
  /* generated scenes number rows as a list does */
  g_autoptr (ReclaimScene) made = reclaim_scene_new_empty ();
  reclaim_scene_add_card (made, 1, RECLAIM_KIND_LIST, "list", 0);
  reclaim_scene_add_row (made, "[0]", "1", 0, 0);
  reclaim_scene_add_row (made, "[1]", "2", 0, 0);
  reclaim_scene_finish (made);
  g_assert_cmpuint (reclaim_scene_get_row (made, 1)->slot, ==, 1);
}

static const char resurrect_script[] =
  "saved = None\n"
  "class Phoenix:\n"
  "    def __del__(self):\n"
  "        global saved\n"
  "        saved = self\n"
  "class Plain:\n"
  "    def __del__(self):\n"
  "        pass\n"
  "p = Phoenix()\n"
  "del p\n"
  "q = Plain()\n"
  "q.me = q\n"
  "del q\n"
  "x = 1\n";

/* An object whose __del__ ran and that lives on was resurrected; not
 * while its __del__ is still running. */
static void
test_scene_resurrected (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script, resurrect_script);
  g_autoptr (ReclaimScene) scene = script_scene (&script, FALSE);
  ReclaimCard *phoenix = card_titled (scene, "Phoenix", 0);
  ReclaimCard *plain = card_titled (scene, "Plain", 0);

  g_assert_nonnull (phoenix);
  g_assert_true (phoenix->flags & RECLAIM_CARD_FINALIZED);
  g_assert_true (phoenix->flags & RECLAIM_CARD_RESURRECTED);
  ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
  guint n = reclaim_layout_card_badges (phoenix, badges);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (badges[1].text, ==, "resurrected");
  /* the cycle of Plain is alive (no collection ran) but its __del__ never ran */
  g_assert_nonnull (plain);
  g_assert_false (plain->flags & (RECLAIM_CARD_FINALIZED | RECLAIM_CARD_RESURRECTED));

  /* inside __del__, the object is not yet resurrected */
  ReclaimId id = phoenix->id;
  guint64 inside = event_position (script.heap, script.timeline->start, RECLAIM_EV_FINALIZE, id) + 1;
  reclaim_heap_seek (script.heap, inside + 1);
  g_autoptr (ReclaimScene) during = script_scene (&script, FALSE);
  ReclaimCard *card = reclaim_scene_find_card (during, id);
  g_assert_nonnull (card);
  g_assert_false (card->flags & RECLAIM_CARD_RESURRECTED);
}

/* move_unreachable moves a child scanned before its parent to the
 * unreachable list, then back when it scans the parent. */
static void
test_scene_moved_back (void)
{
  g_auto (Script) script = { 0 };
  script_run (&script,
              "import gc\n"
              "class Node:\n"
              "    pass\n"
              "child = Node()\n"
              "parent = Node()\n"
              "parent.child = child\n"
              "del child\n"
              "gc.collect()\n");
  g_autoptr (ReclaimScene) end = script_scene (&script, FALSE);
  ReclaimRow *row = NULL;
  for (guint c = 0; c < reclaim_scene_n_cards (end) && row == NULL; c++)
    row = reclaim_scene_find_row (end, reclaim_scene_get_card (end, c), "child");
  g_assert_nonnull (row);
  ReclaimId child = reclaim_scene_get_card (end, row->target)->id;
  g_assert_false (reclaim_scene_get_card (end, row->target)->flags & RECLAIM_CARD_MOVED_BACK);

  guint64 at = script.timeline->start;
  do
    at = event_position (script.heap, at + 1, RECLAIM_EV_GC_MOVE, child);
  while (reclaim_heap_get_event (script.heap, at).a != RECLAIM_LIST_UNREACHABLE);
  reclaim_heap_seek (script.heap, at);
  g_autoptr (ReclaimScene) before = script_scene (&script, FALSE);
  g_assert_true (reclaim_scene_find_card (before, child)->flags & RECLAIM_CARD_UNREACHABLE);
  g_assert_false (reclaim_scene_find_card (before, child)->flags & RECLAIM_CARD_MOVED_BACK);
  reclaim_heap_seek (script.heap, at + 1);
  g_autoptr (ReclaimScene) after = script_scene (&script, FALSE);
  g_assert_false (reclaim_scene_find_card (after, child)->flags & RECLAIM_CARD_UNREACHABLE);
  g_assert_true (reclaim_scene_find_card (after, child)->flags & RECLAIM_CARD_MOVED_BACK);
}

/* RECLAIM_TEST_PNG=FILE keeps the last picture drawn, to look at. */
static cairo_surface_t *
render (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimDecorations *deco)
{
  ReclaimViewport viewport = { .scale = 1, .width = ceil (scene->width), .height = ceil (scene->height) };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport.width, viewport.height);
  cairo_t *cr = cairo_create (surface);

  reclaim_renderer_draw_decorated (renderer, cr, scene, &viewport, deco);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("RECLAIM_TEST_PNG"))
    cairo_surface_write_to_png (surface, g_getenv ("RECLAIM_TEST_PNG"));
  return surface;
}

static ReclaimColor
light (ReclaimColorRole role)
{
  return reclaim_theme_color (RECLAIM_THEME_LIGHT, role);
}

/* t of a, the rest of b: a colour drawn at opacity t over b. */
static ReclaimColor
mix (ReclaimColor a, ReclaimColor b, double t)
{
  return (ReclaimColor) { t * a.red + (1 - t) * b.red, t * a.green + (1 - t) * b.green,
                          t * a.blue + (1 - t) * b.blue, 1 };
}

static guint
arrow_index (const ReclaimScene *scene, ReclaimId from, ReclaimId to, ReclaimArrowKind kind)
{
  const ReclaimArrow *arrow = reclaim_scene_find_arrow (scene, from, to, kind);
  g_assert_nonnull (arrow);
  return arrow - &g_array_index (scene->arrows, ReclaimArrow, 0);
}

/* A point inside an arrow's head, half way from its tip. */
static void
head_point (const ReclaimArrowPath *path, double *x, double *y)
{
  double dx, dy;

  reclaim_arrow_path_end (path, x, y, &dx, &dy);
  *x -= dx * 4.5;
  *y -= dy * 4.5;
}

/* ---- decorations ----------------------------------------------------------- */

static void
test_render_selection (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  guint b_index = b - reclaim_scene_get_card (scene, 0);
  double mid = b->y + b->height / 2;
  ReclaimDecorations deco;

  reclaim_decorations_init (&deco);
  cairo_surface_t *plain = render (renderer, scene, &deco);
  assert_pixel (plain, b->x - 4.25, mid, light (RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (plain);

  /* a ring outside the card, three units away */
  deco.selected_card = b_index;
  cairo_surface_t *surface = render (renderer, scene, &deco);
  assert_pixel (surface, b->x - 4.25, mid, light (RECLAIM_COLOR_SELECTION), 2);
  assert_pixel (surface, b->x + b->width + 4.25, mid, light (RECLAIM_COLOR_SELECTION), 2);
  assert_pixel (surface, a->x - 4.25, a->y + a->height / 2, light (RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (surface);

  /* a selected row is washed in the selection colour */
  reclaim_decorations_init (&deco);
  deco.selected_row = a->first_row;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, a->x + a->width - 5, reclaim_layout_row_top (a, 0) + 11,
                mix (light (RECLAIM_COLOR_SELECTION), light (RECLAIM_COLOR_CARD), 0.22), 2);
  assert_pixel (surface, a->x + a->width - 5, reclaim_layout_row_top (a, 1) + 6,
                light (RECLAIM_COLOR_CARD), 1);
  cairo_surface_destroy (surface);

  /* the selected arrow is drawn in the selection colour */
  reclaim_decorations_init (&deco);
  deco.selected_arrow = arrow_index (scene, 2, 3, RECLAIM_ARROW_STRONG);
  surface = render (renderer, scene, &deco);
  ReclaimArrowPath path;
  double x, y;
  reclaim_layout_arrow_path (scene, reclaim_scene_find_arrow (scene, 2, 3, RECLAIM_ARROW_STRONG), &path);
  head_point (&path, &x, &y);
  assert_pixel (surface, x, y, light (RECLAIM_COLOR_SELECTION), 2);
  cairo_surface_destroy (surface);

  /* the handle new references are dragged from */
  reclaim_decorations_init (&deco);
  deco.handle_card = b_index;
  surface = render (renderer, scene, &deco);
  reclaim_layout_card_handle (b, &x, &y);
  assert_pixel (surface, x, y, light (RECLAIM_COLOR_SELECTION), 2);
  assert_pixel (surface, x + RECLAIM_LAYOUT_HANDLE_RADIUS - 1, y, light (RECLAIM_COLOR_SELECTION), 40);
  /* nothing joins it to the text drawn last (the value of b's row) */
  double text_x = b->x + RECLAIM_LAYOUT_PADDING + b->label_width + RECLAIM_LAYOUT_LABEL_GAP;
  double text_y = reclaim_layout_row_top (b, 0) + 4;
  assert_pixel (surface, (text_x + x) / 2 + 4, (text_y + y) / 2, light (RECLAIM_COLOR_CARD), 1);
  cairo_surface_destroy (surface);
}

/* A highlighted path stands out; the rest is dimmed. */
static void
test_render_highlight (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  g_autofree ReclaimCardLook *cards = g_new0 (ReclaimCardLook, scene->cards->len);
  g_autofree ReclaimArrowLook *arrows = g_new0 (ReclaimArrowLook, scene->arrows->len);
  guint a_index = a - reclaim_scene_get_card (scene, 0);
  guint strong = arrow_index (scene, 2, 3, RECLAIM_ARROW_STRONG);
  ReclaimDecorations deco;
  ReclaimArrowPath path;
  double x, y;

  reclaim_decorations_init (&deco);
  deco.cards = cards;
  deco.arrows = arrows;
  deco.highlighting = TRUE;
  cards[a_index].highlighted = TRUE;
  arrows[strong].highlighted = TRUE;
  cairo_surface_t *surface = render (renderer, scene, &deco);

  /* a ring round a; a's header keeps its tint; b's is dimmed */
  assert_pixel (surface, a->x - 3.5, a->y + a->height / 2, light (RECLAIM_COLOR_HIGHLIGHT), 2);
  assert_pixel (surface, a->x + a->width / 2, a->y + 3, light (RECLAIM_COLOR_GEN0), 1);
  assert_pixel (surface, b->x + b->width / 2, b->y + 3,
                mix (light (RECLAIM_COLOR_GEN2), light (RECLAIM_COLOR_BACKGROUND), 0.3), 2);
  /* the highlighted arrow in the highlight colour, the weak one dimmed */
  reclaim_layout_arrow_path (scene, &g_array_index (scene->arrows, ReclaimArrow, strong), &path);
  head_point (&path, &x, &y);
  assert_pixel (surface, x, y, light (RECLAIM_COLOR_HIGHLIGHT), 2);
  reclaim_layout_arrow_path (scene, reclaim_scene_find_arrow (scene, 4, 2, RECLAIM_ARROW_WEAK), &path);
  head_point (&path, &x, &y);
  assert_pixel (surface, x, y, mix (light (RECLAIM_COLOR_WEAK_ARROW), light (RECLAIM_COLOR_BACKGROUND), 0.3), 3);
  cairo_surface_destroy (surface);
}

/* Fading, shrinking, flashing and the reference count's pulse. */
static void
test_render_card_looks (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  g_autofree ReclaimCardLook *cards = g_new0 (ReclaimCardLook, scene->cards->len);
  guint a_index = a - reclaim_scene_get_card (scene, 0);
  double header_x = a->x + a->width / 2 - 20, header_y = a->y + 3;
  ReclaimDecorations deco;

  reclaim_decorations_init (&deco);
  deco.cards = cards;

  cards[a_index].fade = 0.5;
  cairo_surface_t *surface = render (renderer, scene, &deco);
  assert_pixel (surface, header_x, header_y,
                mix (light (RECLAIM_COLOR_GEN0), light (RECLAIM_COLOR_BACKGROUND), 0.5), 3);
  cairo_surface_destroy (surface);

  cards[a_index].fade = 1;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, header_x, header_y, light (RECLAIM_COLOR_BACKGROUND), 1);
  cairo_surface_destroy (surface);

  /* half its size about its centre: the corner is empty, the middle not */
  cards[a_index].fade = 0;
  cards[a_index].shrink = 0.5;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, a->x + 8, a->y + 3, light (RECLAIM_COLOR_BACKGROUND), 1);
  assert_pixel (surface, a->x + a->width / 2 + 5, a->y + a->height / 4 + 3, light (RECLAIM_COLOR_GEN0), 1);
  cairo_surface_destroy (surface);

  cards[a_index].shrink = 0;
  cards[a_index].flash = 1;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, header_x, header_y,
                mix (light (RECLAIM_COLOR_FLASH), light (RECLAIM_COLOR_GEN0), 0.75), 3);
  cairo_surface_destroy (surface);

  /* the swollen badge covers header just above where it ends at rest */
  ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
  g_assert_cmpuint (reclaim_layout_card_badges (a, badges), >=, 1);
  double badge_w = reclaim_renderer_measure_text (badges[0].text, RECLAIM_TEXT_BADGE, renderer) +
                   2 * RECLAIM_LAYOUT_BADGE_PADDING;
  double badge_cx = a->x + a->width - RECLAIM_LAYOUT_PADDING + 3 - badge_w / 2;
  double above = a->y + RECLAIM_LAYOUT_HEADER_HEIGHT / 2 - RECLAIM_LAYOUT_BADGE_HEIGHT / 2 - 1.5;
  cards[a_index].flash = 0;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, badge_cx, above, light (RECLAIM_COLOR_GEN0), 1);
  cairo_surface_destroy (surface);
  cards[a_index].pulse = 1;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, badge_cx, above, light (RECLAIM_COLOR_RC_BADGE), 2);
  cairo_surface_destroy (surface);
}

/* A retracting arrow keeps its start and loses its end; ghosts of arrows
 * gone from the scene are drawn the same way. */
static void
test_render_retract (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  g_autofree ReclaimArrowLook *arrows = g_new0 (ReclaimArrowLook, scene->arrows->len);
  guint strong = arrow_index (scene, 2, 3, RECLAIM_ARROW_STRONG);
  ReclaimCard *b = reclaim_scene_find_card (scene, 3);
  ReclaimDecorations deco;
  ReclaimArrowPath path, half;
  double hx, hy, x, y, dx, dy;

  reclaim_layout_arrow_path (scene, &g_array_index (scene->arrows, ReclaimArrow, strong), &path);
  head_point (&path, &hx, &hy);
  reclaim_decorations_init (&deco);
  deco.arrows = arrows;

  arrows[strong].retract = 0.5;
  cairo_surface_t *surface = render (renderer, scene, &deco);
  /* a line 1.5 wide centred on a pixel edge covers 3/4 of the pixel */
  assert_pixel (surface, path.x0 + 6, path.y0, mix (light (RECLAIM_COLOR_ARROW), light (RECLAIM_COLOR_CARD), 0.75), 4);
  assert_pixel (surface, hx, hy, light (RECLAIM_COLOR_BACKGROUND), 1);
  /* the head rides on the end of the half drawn */
  reclaim_arrow_path_trim (&path, 0.5, &half);
  reclaim_arrow_path_end (&half, &x, &y, &dx, &dy);
  assert_pixel (surface, x - dx * 4.5, y - dy * 4.5, light (RECLAIM_COLOR_ARROW), 3);
  cairo_surface_destroy (surface);

  arrows[strong].retract = 1;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, path.x0 + 6, path.y0, light (RECLAIM_COLOR_CARD), 1);
  cairo_surface_destroy (surface);

  /* the same arrow as a ghost, drawn whole */
  ReclaimGhostArrow ghost = { .path = path, .kind = RECLAIM_ARROW_STRONG };
  deco.ghosts = &ghost;
  deco.n_ghosts = 1;
  surface = render (renderer, scene, &deco);
  assert_pixel (surface, hx, hy, light (RECLAIM_COLOR_ARROW), 3);
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (hx, <, b->x);
}

/* ---- hit tests and paths -------------------------------------------------- */

static void
test_layout_hit_tests (void)
{
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (ReclaimScene) scene = known_scene (renderer, 0);
  ReclaimCard *a = reclaim_scene_find_card (scene, 2);
  guint a_index = a - reclaim_scene_get_card (scene, 0);
  guint strong = arrow_index (scene, 2, 3, RECLAIM_ARROW_STRONG);
  guint weak = arrow_index (scene, 4, 2, RECLAIM_ARROW_WEAK);
  ReclaimArrowPath path, part;
  double x, y, dx, dy;

  /* rows: by their band; not the header, not beside the card */
  g_assert_cmpint (reclaim_layout_row_at (scene, a_index, a->x + 5, reclaim_layout_row_top (a, 0) + 3),
                   ==, a->first_row);
  g_assert_cmpint (reclaim_layout_row_at (scene, a_index, a->x + 5, reclaim_layout_row_top (a, 1) + 20),
                   ==, a->first_row + 1);
  g_assert_cmpint (reclaim_layout_row_at (scene, a_index, a->x + 5, a->y + 5), ==, -1);
  g_assert_cmpint (reclaim_layout_row_at (scene, a_index, a->x - 5, reclaim_layout_row_top (a, 0) + 3), ==, -1);
  g_assert_cmpint (reclaim_layout_row_at (scene, a_index, a->x + 5, a->y + a->height + 30), ==, -1);
  /* the pointer dot is where the arrow leaves */
  reclaim_layout_arrow_path (scene, &g_array_index (scene->arrows, ReclaimArrow, strong), &path);
  reclaim_layout_pointer_dot (a, 1, &x, &y);
  g_assert_cmpfloat (fabs (x - path.x0) + fabs (y - path.y0), <, 1e-9);

  /* a point along an arrow, a little off it, finds it; far away nothing */
  reclaim_arrow_path_trim (&path, 0.25, &part);
  reclaim_arrow_path_end (&part, &x, &y, &dx, &dy);
  g_assert_cmpint (reclaim_layout_arrow_at (scene, x, y, 4), ==, strong);
  g_assert_cmpint (reclaim_layout_arrow_at (scene, x - dy * 3, y + dx * 3, 4), ==, strong);
  g_assert_cmpint (reclaim_layout_arrow_at (scene, x - dy * 9, y + dx * 9, 4), ==, -1);
  g_assert_cmpfloat (reclaim_arrow_path_distance (&path, x - dy * 3, y + dx * 3), <, 3.2);
  g_assert_cmpint (reclaim_layout_arrow_at (scene, scene->width - 2, scene->height - 2, 4), ==, -1);
  reclaim_layout_arrow_path (scene, &g_array_index (scene->arrows, ReclaimArrow, weak), &path);
  reclaim_arrow_path_trim (&path, 0.3, &part);
  reclaim_arrow_path_end (&part, &x, &y, &dx, &dy);
  g_assert_cmpint (reclaim_layout_arrow_at (scene, x, y, 4), ==, weak);

  /* trimming: all of it is the path; none of it ends at its start */
  reclaim_arrow_path_trim (&path, 1, &part);
  g_assert_cmpmem (&part, sizeof part, &path, sizeof path);
  reclaim_arrow_path_trim (&path, 0, &part);
  reclaim_arrow_path_end (&part, &x, &y, &dx, &dy);
  g_assert_cmpfloat (hypot (x - path.x0, y - path.y0), <, 1e-6);
}

/* The badges' numbers are written by hand: the same text as printf's,
 * at the ends of their ranges too. */
static void
test_layout_badge_numbers (void)
{
  static const struct { guint32 refcount; gint32 gc_refs; guint n_weakrefs; } cases[] = {
    { 0, 0, 1 }, { 7, -3, 10 }, { 1234567, 2147483647, 99 }, { G_MAXUINT32, G_MININT32, G_MAXUINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ReclaimCard card = { .id = 1, .kind = RECLAIM_KIND_INSTANCE, .title = "Node",
                           .flags = RECLAIM_CARD_COLLECTING, .refcount = cases[i].refcount,
                           .gc_refs = cases[i].gc_refs, .n_weakrefs = cases[i].n_weakrefs };
      ReclaimBadge badges[RECLAIM_LAYOUT_MAX_BADGES];
      g_autofree char *rc = g_strdup_printf ("rc %u", cases[i].refcount);
      g_autofree char *gc_refs = g_strdup_printf ("gc_refs %d", cases[i].gc_refs);
      g_autofree char *weak = g_strdup_printf ("weak %u", cases[i].n_weakrefs);

      g_assert_cmpuint (reclaim_layout_card_badges (&card, badges), ==, 3);
      g_assert_cmpint (badges[0].kind, ==, RECLAIM_BADGE_REFCOUNT);
      g_assert_cmpstr (badges[0].text, ==, rc);
      g_assert_cmpint (badges[1].kind, ==, RECLAIM_BADGE_GC_REFS);
      g_assert_cmpstr (badges[1].text, ==, gc_refs);
      g_assert_cmpint (badges[2].kind, ==, RECLAIM_BADGE_WEAKREFS);
      g_assert_cmpstr (badges[2].text, ==, weak);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view/scene/row-slots", test_scene_row_slots);
  g_test_add_func ("/view/scene/resurrected", test_scene_resurrected);
  g_test_add_func ("/view/scene/moved-back", test_scene_moved_back);
  g_test_add_func ("/view/decorations/selection", test_render_selection);
  g_test_add_func ("/view/decorations/highlight", test_render_highlight);
  g_test_add_func ("/view/decorations/card-looks", test_render_card_looks);
  g_test_add_func ("/view/decorations/retract", test_render_retract);
  g_test_add_func ("/view/layout/hit-tests", test_layout_hit_tests);
  g_test_add_func ("/view/layout/badge-numbers", test_layout_badge_numbers);
  return g_test_run ();
}
