/* reclaim-inspector.c: everything about the selected object.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector answers the questions the canvas raises: who holds this
 * object (its referrers, and how many references come from outside the
 * heap), what it holds, which weak references point at it, its generation
 * and gc_refs, why it is alive (a path from a root, drawn on the canvas)
 * and what deleting one of the references to it would free.  It is rebuilt
 * from the heap whenever the position or the selection changes: the heap
 * is the only state.  With nothing selected it lists the reference cycles.
 */
#include "config.h"

#include "reclaim-inspector.h"

#include <glib/gi18n.h>

#include "reclaim-caption.h"
#include "reclaim-query.h"

/* Longer lists end with "… N more". */
#define MAX_LIST 40

struct _ReclaimInspector
{
  GtkBox          parent_instance;

  ReclaimSession *session;
  ReclaimId       selected;
  GtkWidget      *content;      /* rebuilt each time */
  gboolean        stale;        /* the position moved while it was hidden */
};

G_DEFINE_FINAL_TYPE (ReclaimInspector, reclaim_inspector, GTK_TYPE_BOX)

enum {
  SIGNAL_HIGHLIGHT,
  SIGNAL_SELECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (ReclaimInspector *self);

/* --- Building blocks ---------------------------------------------------- */

static GtkWidget *
add_label (ReclaimInspector *self, const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->content), label);
  return label;
}

static void
add_fact (ReclaimInspector *self, const char *name, const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", name, value);

  add_label (self, text, NULL);
}

static ReclaimHeap *
heap_of (ReclaimInspector *self)
{
  return reclaim_session_get_heap (self->session);
}

static void
select_clicked (GtkButton *button, ReclaimInspector *self)
{
  ReclaimId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "object"));

  g_signal_emit (self, signals[SIGNAL_SELECT], 0, id);
}

/* A flat button that selects id on the canvas. */
static GtkWidget *
object_button (ReclaimInspector *self, const char *text, ReclaimId id)
{
  GtkWidget *button = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Select it"));
  g_object_set_data (G_OBJECT (button), "object", GUINT_TO_POINTER (id));
  g_signal_connect (button, "clicked", G_CALLBACK (select_clicked), self);
  return button;
}

static void
emit_highlight (ReclaimInspector *self, GArray *ids)
{
  g_signal_emit (self, signals[SIGNAL_HIGHLIGHT], 0, ids ? ids->data : NULL, ids ? ids->len : 0);
}

typedef char *(*NameFunc) (ReclaimHeap *heap, ReclaimId obj);

/* An object a list of objects names: one the canvas shows as a card of
 * its own, not a frame (every function's __globals__ makes the module
 * namespace part of a cycle). */
static gboolean
is_listed (ReclaimInspector *self, ReclaimId id)
{
  return reclaim_session_shows (self->session, id) &&
         !(reclaim_heap_get_alloc_flags (heap_of (self), id) & RECLAIM_ALLOC_ROOT);
}

/* The names of the objects of ids the canvas shows, "n1, n2, … 2 more". */
static char *
join_names (ReclaimInspector *self, GArray *ids, NameFunc name_of)
{
  ReclaimHeap *heap = heap_of (self);
  g_autoptr (GString) text = g_string_new (NULL);
  guint named = 0, left = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      ReclaimId id = g_array_index (ids, ReclaimId, i);
      if (!is_listed (self, id))
        continue;
      if (named == MAX_LIST)
        {
          left++;
          continue;
        }
      g_autofree char *name = name_of (heap, id);
      g_string_append_printf (text, "%s%s", named++ ? ", " : "", name);
    }
  if (left > 0)
    /* TRANSLATORS: ends a list of names, as in "n1, n2, n3, … 2 more" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", … %u more", ", … %u more", left), left);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- What would deleting a reference free? ------------------------------ */

static void
what_if_clicked (GtkButton *button, ReclaimInspector *self)
{
  ReclaimHeap *heap = heap_of (self);
  ReclaimId holder = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "holder"));
  guint slot = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "slot"));
  GtkLabel *answer = g_object_get_data (G_OBJECT (button), "answer");
  g_autoptr (ReclaimQueryFreed) freed = reclaim_query_what_would_free (heap, holder, slot);
  g_autofree char *reference = reclaim_caption_reference (heap, holder, slot);
  g_autoptr (GString) text = g_string_new (NULL);

  if (freed == NULL)
    return;
  /* the objects are named as they will be once freed, not by the
   * reference about to go */
  if (freed->freed_by_refcount->len > 0)
    {
      g_autofree char *names = join_names (self, freed->freed_by_refcount, reclaim_caption_name_before_free);
      /* TRANSLATORS: a reference, as in "n1.next", then the names of objects */
      g_string_printf (text, _("Deleting %s frees at once: %s."), reference, names);
    }
  else
    /* TRANSLATORS: %s is a reference, as in "n1.next" */
    g_string_printf (text, _("Deleting %s frees nothing at once."), reference);
  if (freed->left_as_garbage->len > 0)
    {
      g_autofree char *names = join_names (self, freed->left_as_garbage, reclaim_caption_name_before_free);
      g_string_append (text, " ");
      /* TRANSLATORS: follows the sentence above; %s names objects */
      g_string_append_printf (text, _("Only the cycle collector can reclaim: %s."), names);
    }
  gtk_label_set_text (answer, text->str);
  gtk_widget_set_visible (GTK_WIDGET (answer), TRUE);
  emit_highlight (self, freed->freed_by_refcount->len ? freed->freed_by_refcount
                                                       : freed->left_as_garbage);
}

/* A reference from an object the canvas hides (a function's
 * __globals__, a call's argument tuple): it counts, so it is listed, but
 * there is no card to select and no line of the script to delete. */
static void
add_hidden_referrer (ReclaimInspector *self, const char *reference)
{
  /* TRANSLATORS: a reference held by an object of the interpreter that
   * the canvas does not draw, as in "function f: __globals__ (not drawn)" */
  g_autofree char *text = g_strdup_printf (_("%s (not drawn)"), reference);
  GtkWidget *label = add_label (self, text, "dim-label");

  gtk_widget_set_margin_start (label, 12);
}

static void
add_referrer (ReclaimInspector *self, const ReclaimRef *ref)
{
  ReclaimHeap *heap = heap_of (self);
  g_autofree char *reference = reclaim_caption_reference (heap, ref->obj, ref->slot);

  if (!reclaim_session_shows (self->session, ref->obj))
    {
      add_hidden_referrer (self, reference);
      return;
    }

  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  /* it asks, it deletes nothing: a question, not a bin */
  GtkWidget *what_if = gtk_button_new_with_label (_("What If Deleted?"));
  GtkWidget *answer = gtk_label_new (NULL);
  GtkWidget *button = object_button (self, reference, ref->obj);
  GtkWidget *button_label = gtk_button_get_child (GTK_BUTTON (button));

  /* the question button beside it leaves little room: wrap, never cut */
  gtk_label_set_ellipsize (GTK_LABEL (button_label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (button_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (button_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_box_append (GTK_BOX (row), button);
  gtk_widget_set_tooltip_text (what_if, _("What would deleting this reference free?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (what_if), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What would deleting this reference free?"), -1);
  gtk_widget_add_css_class (what_if, "flat");
  g_object_set_data (G_OBJECT (what_if), "holder", GUINT_TO_POINTER (ref->obj));
  g_object_set_data (G_OBJECT (what_if), "slot", GUINT_TO_POINTER (ref->slot));
  g_object_set_data (G_OBJECT (what_if), "answer", answer);
  g_signal_connect (what_if, "clicked", G_CALLBACK (what_if_clicked), self);
  gtk_box_append (GTK_BOX (row), what_if);
  gtk_box_append (GTK_BOX (self->content), row);

  gtk_label_set_xalign (GTK_LABEL (answer), 0);
  gtk_label_set_wrap (GTK_LABEL (answer), TRUE);
  gtk_widget_set_margin_start (answer, 12);
  gtk_widget_add_css_class (answer, "dim-label");
  gtk_widget_set_visible (answer, FALSE);
  gtk_box_append (GTK_BOX (self->content), answer);
}

/* --- Why is this alive? ------------------------------------------------- */

static void
why_alive_clicked (GtkButton *button, ReclaimInspector *self)
{
  ReclaimHeap *heap = heap_of (self);
  GtkLabel *answer = g_object_get_data (G_OBJECT (button), "answer");
  ReclaimQueryRoot root;
  g_autoptr (GArray) path = reclaim_query_why_alive (heap, self->selected, &root);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (ReclaimId));
  g_autoptr (GString) text = g_string_new (NULL);

  if (path == NULL)
    {
      gtk_label_set_text (answer, _("No root reaches it: it is garbage that only the cycle "
                                    "collector can reclaim."));
      emit_highlight (self, NULL);
      return;
    }
  for (guint i = 0; i < path->len; i++)
    {
      const ReclaimRef *step = &g_array_index (path, ReclaimRef, i);
      g_array_append_val (ids, step->obj);
      if (i + 1 < path->len)
        {
          g_autofree char *reference = reclaim_caption_reference (heap, step->obj, step->slot);
          g_string_append_printf (text, "%s%s", i ? " → " : "", reference);
        }
    }
  /* TRANSLATORS: a chain of references follows, as in "a → a.next → b.items[0]" */
  if (root == RECLAIM_QUERY_ROOT_EXTERNAL)
    g_string_prepend (text, _("The running code holds it: "));
  else
    g_string_prepend (text, _("Reached from a variable: "));
  if (path->len == 1)
    g_string_append (text, _("it is a root itself"));
  gtk_label_set_text (answer, text->str);
  emit_highlight (self, ids);
}

/* --- Sections ----------------------------------------------------------- */

static const char *
generation_text (int generation)
{
  switch (generation)
    {
    case -1: return _("untracked (the collector never looks at it)");
    case 0: return _("0 (young)");
    case 1: return "1";
    case 2: return _("2 (old)");
    default: return _("permanent (gc.freeze)");
    }
}

static void
add_state (ReclaimInspector *self, ReclaimId obj)
{
  ReclaimHeap *heap = heap_of (self);
  ReclaimState state = reclaim_heap_get_state (heap, obj);

  if (state == RECLAIM_STATE_UNBORN)
    add_label (self, _("Not created yet at this point of the script."), "dim-label");
  else if (state == RECLAIM_STATE_FREED)
    add_label (self,
               reclaim_heap_get_freed_by (heap, obj) == RECLAIM_FREED_BY_REFCOUNT
               ? _("Freed by reference counting: its count reached 0.")
               : _("Freed by the cycle collector."),
               "dim-label");
}

static void
add_facts (ReclaimInspector *self, ReclaimId obj)
{
  ReclaimHeap *heap = heap_of (self);
  g_autofree char *refcount = g_strdup_printf ("%u", reclaim_heap_get_refcount (heap, obj));
  guint flags = reclaim_heap_get_flags (heap, obj);

  add_fact (self, _("Reference count"), refcount);
  add_fact (self, _("Generation"), generation_text (reclaim_heap_get_generation (heap, obj)));
  if (reclaim_heap_is_collecting (heap) && (flags & RECLAIM_FLAG_TRACKED))
    {
      g_autofree char *refs = g_strdup_printf ("%d", reclaim_heap_get_gc_refs (heap, obj));
      add_fact (self, "gc_refs", refs);
    }
  if (reclaim_heap_get_alloc_flags (heap, obj) & RECLAIM_ALLOC_HAS_FINALIZER)
    add_fact (self, "__del__",
              (flags & RECLAIM_FLAG_FINALIZED) ? _("has run") : _("defined, not run yet"));
}

static void
add_section (ReclaimInspector *self, const char *title)
{
  add_label (self, title, "section");
}

static void
add_referrers (ReclaimInspector *self, ReclaimId obj)
{
  ReclaimHeap *heap = heap_of (self);
  g_autoptr (GArray) referrers = reclaim_query_referrers (heap, obj);
  guint32 external = reclaim_query_count_external (heap, obj);

  add_section (self, _("Held by"));
  for (guint i = 0; i < referrers->len && i < MAX_LIST; i++)
    add_referrer (self, &g_array_index (referrers, ReclaimRef, i));
  if (referrers->len > MAX_LIST)
    {
      /* TRANSLATORS: the last line of a list that shows only its first entries */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… %u more", "… %u more",
                                                            referrers->len - MAX_LIST),
                                               referrers->len - MAX_LIST);
      add_label (self, more, "dim-label");
    }
  if (external > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reference from the running code",
                                      "%u references from the running code", external),
                         external);
      add_label (self, text, "dim-label");
    }
  if (referrers->len == 0 && external == 0)
    add_label (self, _("Nothing."), "dim-label");
}

static void
add_referents (ReclaimInspector *self, ReclaimId obj)
{
  ReclaimHeap *heap = heap_of (self);
  g_autoptr (GArray) referents = reclaim_query_referents (heap, obj);
  guint shown = 0;

  add_section (self, _("Refers to"));
  for (guint i = 0; i < referents->len && shown < MAX_LIST; i++)
    {
      const ReclaimRef *ref = &g_array_index (referents, ReclaimRef, i);
      /* its class and the objects the canvas hides are not news */
      if (ref->slot == RECLAIM_QUERY_SLOT_CLASS || !reclaim_session_shows (self->session, ref->obj))
        continue;
      g_autofree char *reference = reclaim_caption_reference (heap, obj, ref->slot);
      g_autofree char *target = reclaim_caption_name_of (heap, ref->obj);
      /* the target named by this very reference says nothing new: its type does */
      const char *what = g_str_equal (reference, target) ? reclaim_heap_get_type_name (heap, ref->obj) : target;
      g_autofree char *text = g_strdup_printf ("%s → %s", reference, what);
      gtk_box_append (GTK_BOX (self->content), object_button (self, text, ref->obj));
      shown++;
    }
  if (shown == 0)
    add_label (self, _("No object of the script."), "dim-label");
}

static void
add_weakrefs (ReclaimInspector *self, ReclaimId obj)
{
  ReclaimHeap *heap = heap_of (self);
  ReclaimKind kind = reclaim_heap_get_kind (heap, obj);

  if (kind == RECLAIM_KIND_WEAKREF || kind == RECLAIM_KIND_PROXY)
    {
      ReclaimId referent = reclaim_heap_weakref_get_referent (heap, obj);
      add_section (self, _("Refers weakly to"));
      if (referent == 0)
        add_label (self, _("Nothing: its referent is gone, so calling it returns None."), "dim-label");
      else
        {
          g_autofree char *name = reclaim_caption_name_of (heap, referent);
          gtk_box_append (GTK_BOX (self->content), object_button (self, name, referent));
        }
    }

  if (reclaim_heap_weakref_count (heap, obj) == 0)
    return;
  add_section (self, _("Weak references to it"));
  for (ReclaimId w = reclaim_heap_weakref_first (heap, obj); w != 0;
       w = reclaim_heap_weakref_next (heap, w))
    {
      g_autofree char *name = reclaim_caption_name_of (heap, w);
      gtk_box_append (GTK_BOX (self->content), object_button (self, name, w));
    }
}

static void
add_why_alive (ReclaimInspector *self)
{
  GtkWidget *button = gtk_button_new_with_label (_("Why Is This Alive?"));

  gtk_widget_set_margin_top (button, 12);
  gtk_box_append (GTK_BOX (self->content), button);
  g_object_set_data (G_OBJECT (button), "answer", add_label (self, "", NULL));
  g_signal_connect (button, "clicked", G_CALLBACK (why_alive_clicked), self);
}

static void
show_cycle_clicked (GtkButton *button, ReclaimInspector *self)
{
  emit_highlight (self, g_object_get_data (G_OBJECT (button), "cycle"));
}

/* Every class is in a cycle with its __mro__ and its descriptors: a
 * cycle of objects the canvas hides is not news. */
static gboolean
has_shown_object (ReclaimInspector *self, GArray *cycle)
{
  for (guint i = 0; i < cycle->len; i++)
    if (is_listed (self, g_array_index (cycle, ReclaimId, i)))
      return TRUE;
  return FALSE;
}

static void
add_cycles (ReclaimInspector *self)
{
  ReclaimHeap *heap = heap_of (self);
  g_autoptr (GPtrArray) cycles = reclaim_query_cycles (heap);
  guint shown = 0;

  add_section (self, _("Reference cycles"));
  for (guint i = 0; i < cycles->len && shown < MAX_LIST; i++)
    {
      GArray *cycle = g_ptr_array_index (cycles, i);
      if (!has_shown_object (self, cycle))
        continue;
      g_autofree char *names = join_names (self, cycle, reclaim_caption_name_of);
      GtkWidget *button = gtk_button_new_with_label (names);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Highlight this cycle on the canvas"));
      g_object_set_data_full (G_OBJECT (button), "cycle", g_array_ref (cycle),
                              (GDestroyNotify) g_array_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (show_cycle_clicked), self);
      gtk_box_append (GTK_BOX (self->content), button);
      shown++;
    }
  if (shown == 0)
    add_label (self, _("None: reference counting alone can free everything."), "dim-label");
}

static void
rebuild (ReclaimInspector *self)
{
  self->stale = FALSE;
  if (self->content != NULL)
    gtk_box_remove (GTK_BOX (self), self->content);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self), self->content);
  if (self->session == NULL)
    return;

  ReclaimHeap *heap = heap_of (self);
  ReclaimId obj = self->selected;
  if (obj == 0 || obj > reclaim_heap_n_objects (heap))
    {
      add_label (self, _("Nothing selected"), "title-4");
      add_label (self, _("Select an object on the canvas to see who holds it, what it holds "
                         "and why it is still alive."), "dim-label");
      add_cycles (self);
      return;
    }

  g_autofree char *name = reclaim_caption_name_of (heap, obj);
  add_label (self, name, "title-4");
  add_label (self, reclaim_heap_get_type_name (heap, obj), "dim-label");
  add_state (self, obj);
  if (reclaim_heap_get_state (heap, obj) != RECLAIM_STATE_ALIVE)
    return;
  add_facts (self, obj);
  add_referrers (self, obj);
  add_referents (self, obj);
  add_weakrefs (self, obj);
  add_why_alive (self);
}

/* --- Public ------------------------------------------------------------- */

/* A hidden inspector (the pane closed) waits until it shows again: the
 * cycles it lists cost a walk over the heap at every step. */
static void
session_changed (ReclaimSession *session, ReclaimInspector *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

static void
reclaim_inspector_map (GtkWidget *widget)
{
  ReclaimInspector *self = RECLAIM_INSPECTOR (widget);

  if (self->stale)
    rebuild (self);
  GTK_WIDGET_CLASS (reclaim_inspector_parent_class)->map (widget);
}

void
reclaim_inspector_set_session (ReclaimInspector *self, ReclaimSession *session)
{
  g_return_if_fail (RECLAIM_IS_INSPECTOR (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect (session, "moved", G_CALLBACK (session_changed), self);
  rebuild (self);
}

void
reclaim_inspector_set_selected (ReclaimInspector *self, ReclaimId obj)
{
  g_return_if_fail (RECLAIM_IS_INSPECTOR (self));

  if (self->selected == obj)
    return;
  self->selected = obj;
  emit_highlight (self, NULL);
  rebuild (self);
}

static void
reclaim_inspector_dispose (GObject *object)
{
  ReclaimInspector *self = RECLAIM_INSPECTOR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (reclaim_inspector_parent_class)->dispose (object);
}

static void
reclaim_inspector_class_init (ReclaimInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reclaim_inspector_dispose;
  widget_class->map = reclaim_inspector_map;

  signals[SIGNAL_HIGHLIGHT] = g_signal_new ("highlight", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
  signals[SIGNAL_SELECT] = g_signal_new ("select", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
reclaim_inspector_init (ReclaimInspector *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "inspector");
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"),
                                  -1);
  rebuild (self);
}

GtkWidget *
reclaim_inspector_new (void)
{
  return g_object_new (RECLAIM_TYPE_INSPECTOR, NULL);
}
