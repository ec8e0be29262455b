/* reclaim-edit.c: canvas edits as Python source.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an edit says: objects are named by a breadth-first walk from the
 * globals, and each edit becomes the statement that makes it.  Where the
 * statement goes in the script is reclaim-edit-script.c's business.
 */
#include "reclaim-edit-private.h"
#include "reclaim-scalar.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (reclaim-edit-error-quark, reclaim_edit_error)

struct _ReclaimEditContext
{
  ReclaimHeap *heap;
  ReclaimId    module_dict;
  char        *source;
  GHashTable  *names;   /* ReclaimId -> char *expression */
  GHashTable  *taken;   /* char *: every word of the source, every global's name */
  guint        insert_after;    /* see reclaim_edit_context_set_insertion() */
  guint        statement_line;  /* where the last edit put its statement */
};

/* ---- naming the heap ------------------------------------------------------- */

static gboolean
is_alive (ReclaimHeap *heap, ReclaimId id)
{
  return id != 0 && reclaim_heap_get_state (heap, id) == RECLAIM_STATE_ALIVE;
}

/* Built before the module namespace: builtins, modules, the interpreter's
 * own objects.  The script's objects come after it. */
static gboolean
is_interpreter_object (ReclaimEditContext *context, ReclaimId id)
{
  return id <= context->module_dict;
}

static gboolean
is_module (ReclaimHeap *heap, ReclaimId id)
{
  return reclaim_heap_get_kind (heap, id) == RECLAIM_KIND_OBJECT &&
         g_strcmp0 (reclaim_heap_get_label (heap, id), "module") == 0;
}

typedef struct {
  ReclaimEditContext *context;
  GQueue              pending;
} Walk;

static void
give_name (Walk *walk, ReclaimValue value, char *expression)
{
  ReclaimEditContext *context = walk->context;
  ReclaimHeap *heap = context->heap;

  if (!reclaim_value_is_object (value) || is_interpreter_object (context, value) ||
      !is_alive (heap, value) || is_module (heap, value) ||
      g_hash_table_contains (context->names, GUINT_TO_POINTER (value)))
    {
      g_free (expression);
      return;
    }
  g_hash_table_insert (context->names, GUINT_TO_POINTER (value), expression);
  g_queue_push_tail (&walk->pending, GUINT_TO_POINTER (value));
}

/* A dict key as a subscript writes it: a str or an int, else NULL. */
static char *
key_expression (ReclaimValue key)
{
  if (key == RECLAIM_VALUE_NONE || !reclaim_value_is_immediate (key))
    return NULL;
  char *repr = reclaim_value_dup_repr (key);
  if (reclaim_value_is_int (key) || repr[0] == '\'' || repr[0] == '"')
    return repr;
  g_free (repr);
  return NULL;
}

/* Entries of a namespace (prefix NULL: the globals) or of an instance's
 * __dict__ (prefix "n1"), named as variables or attributes. */
static void
name_attribute_entries (Walk *walk, ReclaimId dict, const char *prefix)
{
  ReclaimHeap *heap = walk->context->heap;
  guint n = reclaim_heap_n_slots (heap, dict);

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *name = reclaim_heap_slot_get_label (heap, dict, i + 1);
      if (reclaim_heap_slot_get_role (heap, dict, i) != RECLAIM_ROLE_KEY || !edit_is_python_name (name) ||
          (prefix == NULL && edit_is_dunder (name)))
        continue;
      give_name (walk, reclaim_heap_slot_get (heap, dict, i + 1),
                 prefix ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name));
    }
}

static void
name_dict_entries (Walk *walk, ReclaimId dict, const char *expression)
{
  ReclaimHeap *heap = walk->context->heap;
  guint n = reclaim_heap_n_slots (heap, dict);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (reclaim_heap_slot_get_role (heap, dict, i) != RECLAIM_ROLE_KEY)
        continue;
      g_autofree char *key = key_expression (reclaim_heap_slot_get (heap, dict, i));
      if (key)
        give_name (walk, reclaim_heap_slot_get (heap, dict, i + 1),
                   g_strdup_printf ("%s[%s]", expression, key));
    }
}

static void
name_items (Walk *walk, ReclaimId seq, const char *expression)
{
  ReclaimHeap *heap = walk->context->heap;
  guint index = 0;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, seq); i++)
    {
      ReclaimValue item = reclaim_heap_slot_get (heap, seq, i);
      if (reclaim_heap_slot_get_role (heap, seq, i) == RECLAIM_ROLE_ITEM && item != RECLAIM_VALUE_NONE)
        give_name (walk, item, g_strdup_printf ("%s[%u]", expression, index++));
    }
}

static void
name_attributes (Walk *walk, ReclaimId obj, const char *expression)
{
  ReclaimHeap *heap = walk->context->heap;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, obj); i++)
    {
      ReclaimValue value = reclaim_heap_slot_get (heap, obj, i);
      const char *label = reclaim_heap_slot_get_label (heap, obj, i);
      switch (reclaim_heap_slot_get_role (heap, obj, i))
        {
        case RECLAIM_ROLE_ATTR:
          if (edit_is_python_name (label))
            give_name (walk, value, g_strdup_printf ("%s.%s", expression, label));
          break;
        case RECLAIM_ROLE_DICT:
          /* vars(obj) moved the attributes into a dict: still obj.attr */
          give_name (walk, value, g_strdup_printf ("%s.__dict__", expression));
          if (reclaim_value_is_object (value) && is_alive (heap, value))
            name_attribute_entries (walk, value, expression);
          break;
        default:
          break;
        }
    }
}

static void
name_objects (ReclaimEditContext *context)
{
  Walk walk = { .context = context, .pending = G_QUEUE_INIT };

  name_attribute_entries (&walk, context->module_dict, NULL);
  while (!g_queue_is_empty (&walk.pending))
    {
      ReclaimId obj = GPOINTER_TO_UINT (g_queue_pop_head (&walk.pending));
      const char *expression = g_hash_table_lookup (context->names, GUINT_TO_POINTER (obj));
      switch (reclaim_heap_get_kind (context->heap, obj))
        {
        case RECLAIM_KIND_INSTANCE:
          name_attributes (&walk, obj, expression);
          break;
        case RECLAIM_KIND_LIST:
        case RECLAIM_KIND_TUPLE:
          name_items (&walk, obj, expression);
          break;
        case RECLAIM_KIND_DICT:
          name_dict_entries (&walk, obj, expression);
          break;
        default:
          /* sets have no order to index, and functions, classes and
           * cells are reached through machinery no one writes */
          break;
        }
    }
}

static void
note_global_names (ReclaimEditContext *context)
{
  ReclaimHeap *heap = context->heap;

  for (guint i = 0; i < reclaim_heap_n_slots (heap, context->module_dict); i++)
    if (reclaim_heap_slot_get_role (heap, context->module_dict, i) == RECLAIM_ROLE_VALUE &&
        reclaim_heap_slot_get_label (heap, context->module_dict, i))
      g_hash_table_add (context->taken, g_strdup (reclaim_heap_slot_get_label (heap, context->module_dict, i)));
}

ReclaimEditContext *
reclaim_edit_context_new (ReclaimHeap *heap, ReclaimId module_dict, const char *source)
{
  ReclaimEditContext *context = g_new0 (ReclaimEditContext, 1);

  context->heap = heap;
  context->module_dict = module_dict;
  context->source = g_strdup (source ? source : "");
  context->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  context->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context->insert_after = G_MAXUINT;
  edit_note_words (context->taken, context->source);
  if (is_alive (heap, module_dict))
    {
      note_global_names (context);
      name_objects (context);
    }
  return context;
}

void
reclaim_edit_context_free (ReclaimEditContext *context)
{
  if (context == NULL)
    return;
  g_hash_table_unref (context->names);
  g_hash_table_unref (context->taken);
  g_free (context->source);
  g_free (context);
}

const char *
reclaim_edit_name_of (ReclaimEditContext *context, ReclaimId obj)
{
  g_return_val_if_fail (context != NULL, NULL);
  return g_hash_table_lookup (context->names, GUINT_TO_POINTER (obj));
}

void
reclaim_edit_context_set_insertion (ReclaimEditContext *context, guint line)
{
  g_return_if_fail (context != NULL);
  context->insert_after = line;
}

guint
reclaim_edit_context_get_statement_line (ReclaimEditContext *context)
{
  g_return_val_if_fail (context != NULL, 0);
  return context->statement_line;
}

/* ---- what the edits share ---------------------------------------------------- */

/* Puts the statement where the context says, then what it needs (an
 * import, a class) among the script's first lines, which come before it;
 * notes the statement's line. */
static void
insert_statement (ReclaimEditContext *context, GString *script, const char *statement,
                  void (*prepare) (GString *script, const char *name), const char *name)
{
  guint line = edit_insert_statement (script, statement, context->insert_after);

  if (prepare != NULL)
    {
      guint before = edit_count_lines (script->str);
      prepare (script, name);
      line += edit_count_lines (script->str) - before;
    }
  context->statement_line = line;
}

/* "this Node object", "this list", "the class Node". */
static char *
describe (ReclaimHeap *heap, ReclaimId obj)
{
  const char *label = reclaim_heap_get_label (heap, obj);

  switch (reclaim_heap_get_kind (heap, obj))
    {
    case RECLAIM_KIND_INSTANCE:
      /* TRANSLATORS: %s is a Python class name, as in "this Node object"; the
       * phrase fills the %s of the edit messages below */
      return g_strdup_printf (_("this %s object"), reclaim_heap_get_type_name (heap, obj));
    case RECLAIM_KIND_CLASS:
      return g_strdup_printf (_("the class %s"), label ? label : "?");
    case RECLAIM_KIND_FUNCTION:
      return g_strdup_printf (_("the function %s"), label ? label : "?");
    default:
      /* TRANSLATORS: %s is a Python type name, as in "this list" or "this int" */
      return g_strdup_printf (_("this %s"), reclaim_heap_get_type_name (heap, obj));
    }
}

static const char *
require_name (ReclaimEditContext *context, ReclaimId obj, GError **error)
{
  const char *name = reclaim_edit_name_of (context, obj);

  if (name == NULL)
    {
      g_autofree char *what = is_alive (context->heap, obj) ? describe (context->heap, obj) : g_strdup (_("this object"));
      /* TRANSLATORS: %s is a phrase such as "this Node object" or "the class Node" */
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_UNNAMED,
                   _("No variable of the script reaches %s, so Python has no way to name it."), what);
    }
  return name;
}

static char *
free_name (ReclaimEditContext *context, const char *prefix)
{
  for (guint k = 1;; k++)
    {
      char *name = g_strdup_printf ("%s%u", prefix, k);
      if (!g_hash_table_contains (context->taken, name))
        return name;
      g_free (name);
    }
}

static char *
with_statement (ReclaimEditContext *context, const char *module, const char *statement)
{
  GString *script = g_string_new (context->source);

  insert_statement (context, script, statement, module ? edit_ensure_import : NULL, module);
  return g_string_free (script, FALSE);
}

/* ---- new objects --------------------------------------------------------------- */

/* The class new instances are made of: Node when the script defines it at
 * the top level and Node() works, or when the name is free for a new
 * definition (*define); else Node2, Node3 ... */
static char *
instance_class (ReclaimEditContext *context, gboolean *define)
{
  for (guint k = 1;; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup ("Node") : g_strdup_printf ("Node%u", k);
      EditClassUse use = edit_find_class_use (context->source, name);
      if (use == EDIT_CLASS_CALLABLE || (use == EDIT_CLASS_MISSING && !g_hash_table_contains (context->taken, name)))
        {
          *define = use == EDIT_CLASS_MISSING;
          return g_steal_pointer (&name);
        }
    }
}

char *
reclaim_edit_new_object (ReclaimEditContext *context, ReclaimNewKind kind, char **out_variable,
                         GError **error)
{
  static const char *const prefixes[] = { [RECLAIM_NEW_INSTANCE] = "n", [RECLAIM_NEW_LIST] = "l",
                                          [RECLAIM_NEW_DICT] = "d" };
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (kind <= RECLAIM_NEW_DICT, NULL);

  g_autofree char *variable = free_name (context, prefixes[kind]);
  g_autofree char *statement = NULL;
  g_autofree char *cls = NULL;
  gboolean define = FALSE;
  GString *script = g_string_new (context->source);
  if (kind == RECLAIM_NEW_INSTANCE)
    {
      cls = instance_class (context, &define);
      statement = g_strdup_printf ("%s = %s()", variable, cls);
    }
  else
    statement = g_strdup_printf ("%s = %s", variable, kind == RECLAIM_NEW_LIST ? "[]" : "{}");
  insert_statement (context, script, statement, define ? edit_insert_class_definition : NULL, cls);
  if (out_variable)
    *out_variable = g_steal_pointer (&variable);
  return g_string_free (script, FALSE);
}

/* ---- references ----------------------------------------------------------------- */

/* The namespace dict of a class the script made, or 0. */
static ReclaimId
class_namespace (ReclaimHeap *heap, ReclaimId cls)
{
  for (guint i = 0; i < reclaim_heap_n_slots (heap, cls); i++)
    {
      ReclaimValue ns = reclaim_heap_slot_get (heap, cls, i);
      if (g_strcmp0 (reclaim_heap_slot_get_label (heap, cls, i), "__dict__") == 0 &&
          reclaim_value_is_object (ns) && is_alive (heap, ns) &&
          reclaim_heap_get_kind (heap, ns) == RECLAIM_KIND_DICT)
        return ns;
    }
  return 0;
}

static ReclaimValue
slot_labelled (ReclaimHeap *heap, ReclaimId obj, const char *label)
{
  for (guint i = 0; i < reclaim_heap_n_slots (heap, obj); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (heap, obj, i), label) == 0)
      return reclaim_heap_slot_get (heap, obj, i);
  return RECLAIM_VALUE_NONE;
}

/* __slots__ = '__weakref__', or a tuple or list naming it. */
static gboolean
slots_name_weakref (ReclaimHeap *heap, ReclaimValue slots)
{
  guint n = reclaim_value_is_immediate (slots) ? 1 : reclaim_heap_n_slots (heap, slots);

  for (guint i = 0; i < n; i++)
    {
      ReclaimValue name = reclaim_value_is_immediate (slots) ? slots : reclaim_heap_slot_get (heap, slots, i);
      g_autofree char *repr = reclaim_value_dup_repr (name);
      if (g_strcmp0 (repr, "'__weakref__'") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether instances of cls have a weak reference list, as CPython decides
 * it: some class of the script in its hierarchy has no __slots__, or
 * names __weakref__ in them.  (object itself gives none.) */
static gboolean
instances_get_weakrefs (ReclaimEditContext *context, ReclaimId cls)
{
  ReclaimHeap *heap = context->heap;
  ReclaimId ns = class_namespace (heap, cls);
  ReclaimValue slots = ns ? slot_labelled (heap, ns, "__slots__") : RECLAIM_VALUE_NONE;

  if (slots == RECLAIM_VALUE_NONE || slots_name_weakref (heap, slots))
    return TRUE;
  ReclaimValue bases = slot_labelled (heap, cls, "__bases__");
  if (bases == RECLAIM_VALUE_NONE || !reclaim_value_is_object (bases))
    return FALSE;
  for (guint i = 0; i < reclaim_heap_n_slots (heap, bases); i++)
    {
      ReclaimValue base = reclaim_heap_slot_get (heap, bases, i);
      if (reclaim_value_is_object (base) && !is_interpreter_object (context, base) &&
          is_alive (heap, base) && instances_get_weakrefs (context, base))
        return TRUE;
    }
  return FALSE;
}

/* CPython's types with a weak reference list (tp_weaklistoffset). */
static gboolean
check_weakly_referenceable (ReclaimEditContext *context, ReclaimId obj, GError **error)
{
  ReclaimHeap *heap = context->heap;
  ReclaimKind kind = reclaim_heap_get_kind (heap, obj);
  const char *type = reclaim_heap_get_type_name (heap, obj);
  gboolean slots = (reclaim_heap_get_alloc_flags (heap, obj) & RECLAIM_ALLOC_NO_WEAKREFS) != 0 ||
                   (kind == RECLAIM_KIND_INSTANCE && !instances_get_weakrefs (context, reclaim_heap_get_class (heap, obj)));
  gboolean builtin_instance = kind == RECLAIM_KIND_INSTANCE &&
                              is_interpreter_object (context, reclaim_heap_get_class (heap, obj));

  switch (kind)
    {
    case RECLAIM_KIND_INSTANCE:
    case RECLAIM_KIND_SET:
    case RECLAIM_KIND_FUNCTION:
    case RECLAIM_KIND_METHOD:
    case RECLAIM_KIND_GENERATOR:
    case RECLAIM_KIND_CLASS:
      if (!slots && !builtin_instance)
        return TRUE;
      break;
    default:
      break;
    }
  if (slots)
    /* TRANSLATORS: %s is a Python class name; __slots__ and __weakref__ are Python names */
    g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                 _("A %s object cannot be weakly referenced in Python: the __slots__ of its class leave out __weakref__."),
                 type);
  else
    /* TRANSLATORS: %s is a Python type name (int, str, tuple, …); English
     * picks "An" or "A" by its first letter */
    g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                 strchr ("aeiouAEIOU", type[0]) ? _("An %s cannot be weakly referenced in Python.")
                                                : _("A %s cannot be weakly referenced in Python."),
                 type);
  return FALSE;
}

static gboolean
check_python_name (const char *name, GError **error)
{
  if (edit_is_python_name (name))
    return TRUE;
  g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME,
               edit_is_keyword (name)
                 ? _("“%s” is a Python keyword, not a name.") : _("“%s” is not a valid Python name."),
               name);
  return FALSE;
}

/* An attribute name of obj (its own, or its __dict__'s). */
static gboolean
has_attribute (ReclaimHeap *heap, ReclaimId obj, const char *name)
{
  for (guint i = 0; i < reclaim_heap_n_slots (heap, obj); i++)
    {
      ReclaimRole role = reclaim_heap_slot_get_role (heap, obj, i);
      ReclaimValue value = reclaim_heap_slot_get (heap, obj, i);
      if ((role == RECLAIM_ROLE_ATTR || role == RECLAIM_ROLE_VALUE) && value != RECLAIM_VALUE_NONE &&
          g_strcmp0 (reclaim_heap_slot_get_label (heap, obj, i), name) == 0)
        return TRUE;
      if (role == RECLAIM_ROLE_DICT && reclaim_value_is_object (value) && has_attribute (heap, value, name))
        return TRUE;
    }
  return FALSE;
}

static char *
free_attribute (ReclaimHeap *heap, ReclaimId obj, const char *base)
{
  for (guint k = 1;; k++)
    {
      char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s%u", base, k);
      if (!has_attribute (heap, obj, name))
        return name;
      g_free (name);
    }
}

char *
reclaim_edit_default_name (ReclaimEditContext *context, ReclaimId holder, gboolean weak)
{
  g_return_val_if_fail (context != NULL, NULL);

  if (holder == context->module_dict)
    return free_name (context, weak ? "r" : "n");
  if (!is_alive (context->heap, holder))
    return NULL;
  switch (reclaim_heap_get_kind (context->heap, holder))
    {
    case RECLAIM_KIND_INSTANCE:
      return free_attribute (context->heap, holder, weak ? "ref" : "next");
    case RECLAIM_KIND_DICT:
      /* dict keys are labels of the value slots too */
      for (guint k = 1;; k++)
        {
          char *key = g_strdup_printf ("k%u", k);
          if (!has_attribute (context->heap, holder, key))
            return key;
          g_free (key);
        }
    default:
      return NULL;
    }
}

/* `holder_name <sets> value` as the holder's kind writes it. */
static char *
reference_statement (ReclaimEditContext *context, ReclaimId holder, const char *name,
                     const char *value, GError **error)
{
  if (holder == context->module_dict)
    return check_python_name (name, error) ? g_strdup_printf ("%s = %s", name, value) : NULL;

  const char *holder_name = require_name (context, holder, error);
  if (holder_name == NULL)
    return NULL;
  switch (reclaim_heap_get_kind (context->heap, holder))
    {
    case RECLAIM_KIND_INSTANCE:
      return check_python_name (name, error) ? g_strdup_printf ("%s.%s = %s", holder_name, name, value) : NULL;
    case RECLAIM_KIND_LIST:
      return g_strdup_printf ("%s.append(%s)", holder_name, value);
    case RECLAIM_KIND_DICT:
      {
        if (!g_utf8_validate (name, -1, NULL))
          {
            g_set_error_literal (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME, _("The key is not valid text."));
            return NULL;
          }
        g_autofree char *key = scalar_str_repr (name, strlen (name));
        return g_strdup_printf ("%s[%s] = %s", holder_name, key, value);
      }
    default:
      {
        g_autofree char *what = describe (context->heap, holder);
        /* TRANSLATORS: %s is a phrase such as "this int" or "the function f" */
        g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                     _("References can be added to variables, objects of a class, lists and dicts, not to %s."), what);
        return NULL;
      }
    }
}

char *
reclaim_edit_add_reference (ReclaimEditContext *context, ReclaimId holder, const char *name,
                            ReclaimId target, gboolean weak, GError **error)
{
  g_return_val_if_fail (context != NULL, NULL);

  const char *target_name = require_name (context, target, error);
  if (target_name == NULL || (weak && !check_weakly_referenceable (context, target, error)))
    return NULL;

  g_autofree char *default_name = NULL;
  if (name == NULL || *name == '\0')
    name = default_name = reclaim_edit_default_name (context, holder, weak);
  g_autofree char *value = weak ? g_strdup_printf ("weakref.ref(%s)", target_name) : g_strdup (target_name);
  g_autofree char *statement = reference_statement (context, holder, name ? name : "", value, error);
  if (statement == NULL)
    return NULL;
  return with_statement (context, weak ? "weakref" : NULL, statement);
}

/* The key of the dict entry slot belongs to, as a subscript writes it. */
static char *
entry_key (ReclaimEditContext *context, ReclaimId dict, guint slot, GError **error)
{
  ReclaimHeap *heap = context->heap;

  if (reclaim_heap_slot_get_role (heap, dict, slot) == RECLAIM_ROLE_VALUE && slot > 0)
    slot--;
  ReclaimValue key = reclaim_heap_slot_get (heap, dict, slot);
  char *expression = key_expression (key);
  if (expression == NULL && reclaim_value_is_object (key) && reclaim_edit_name_of (context, key))
    expression = g_strdup (reclaim_edit_name_of (context, key));
  if (expression == NULL)
    g_set_error_literal (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_UNNAMED,
                         _("The key of this entry cannot be written in Python, so it cannot be deleted by name."));
  return expression;
}

static char *
delete_statement (ReclaimEditContext *context, ReclaimId holder, const char *holder_name, guint slot,
                  GError **error)
{
  ReclaimHeap *heap = context->heap;
  const char *label = reclaim_heap_slot_get_label (heap, holder, slot);

  switch (reclaim_heap_get_kind (heap, holder))
    {
    case RECLAIM_KIND_INSTANCE:
      if (reclaim_heap_slot_get_role (heap, holder, slot) != RECLAIM_ROLE_ATTR || !edit_is_python_name (label))
        break;
      return g_strdup_printf ("del %s.%s", holder_name, label);
    case RECLAIM_KIND_LIST:
      {
        guint index = 0;
        for (guint i = 0; i < slot; i++)
          index += reclaim_heap_slot_get_role (heap, holder, i) == RECLAIM_ROLE_ITEM &&
                   reclaim_heap_slot_get (heap, holder, i) != RECLAIM_VALUE_NONE;
        return g_strdup_printf ("del %s[%u]", holder_name, index);
      }
    case RECLAIM_KIND_DICT:
      {
        g_autofree char *key = entry_key (context, holder, slot, error);
        return key ? g_strdup_printf ("del %s[%s]", holder_name, key) : NULL;
      }
    default:
      break;
    }
  g_autofree char *what = describe (heap, holder);
  /* TRANSLATORS: %s is a phrase such as "this tuple": the object holding the reference */
  g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
               _("Python has no statement that deletes this reference of %s."), what);
  return NULL;
}

char *
reclaim_edit_delete_reference (ReclaimEditContext *context, ReclaimId holder, guint slot, GError **error)
{
  g_return_val_if_fail (context != NULL, NULL);
  ReclaimHeap *heap = context->heap;

  if (!is_alive (heap, holder) || slot >= reclaim_heap_n_slots (heap, holder) ||
      reclaim_heap_slot_get (heap, holder, slot) == RECLAIM_VALUE_NONE)
    {
      g_set_error_literal (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                           _("There is no such reference to delete."));
      return NULL;
    }

  g_autofree char *statement = NULL;
  if (holder == context->module_dict)
    {
      g_autofree char *variable = NULL;
      if (reclaim_heap_slot_get_role (heap, holder, slot) == RECLAIM_ROLE_KEY && slot + 1 < reclaim_heap_n_slots (heap, holder))
        slot++;
      variable = g_strdup (reclaim_heap_slot_get_label (heap, holder, slot));
      if (!check_python_name (variable ? variable : "", error))
        return NULL;
      statement = g_strdup_printf ("del %s", variable);
    }
  else
    {
      const char *holder_name = require_name (context, holder, error);
      if (holder_name == NULL)
        return NULL;
      statement = delete_statement (context, holder, holder_name, slot, error);
    }
  return statement ? with_statement (context, NULL, statement) : NULL;
}

/* ---- finalizers ------------------------------------------------------------------ */

/* Whether the class's namespace holds __del__: a def, or one set later. */
static gboolean
class_has_del (ReclaimHeap *heap, ReclaimId cls)
{
  ReclaimId ns = class_namespace (heap, cls);
  return ns && has_attribute (heap, ns, "__del__");
}

static ReclaimId
class_to_finalize (ReclaimEditContext *context, ReclaimId obj, GError **error)
{
  ReclaimHeap *heap = context->heap;
  ReclaimId cls = 0;

  if (is_alive (heap, obj) && reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_CLASS)
    cls = obj;
  else if (is_alive (heap, obj) && reclaim_heap_get_kind (heap, obj) == RECLAIM_KIND_INSTANCE)
    cls = reclaim_heap_get_class (heap, obj);
  if (cls == 0 || is_interpreter_object (context, cls))
    {
      g_autofree char *what = is_alive (heap, obj) ? describe (heap, obj) : g_strdup (_("this object"));
      /* TRANSLATORS: %s is a phrase such as "this list"; __del__ is Python's name */
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED,
                   _("Only a class the script defines can be given a __del__, and the class of %s is built into Python."),
                   what);
      return 0;
    }
  return cls;
}

/* Where the class body begins: the def goes before the first statement,
 * after a docstring (which must stay first to stay the docstring). */
char *
reclaim_edit_give_finalizer (ReclaimEditContext *context, ReclaimId obj, GError **error)
{
  g_return_val_if_fail (context != NULL, NULL);

  ReclaimId cls = class_to_finalize (context, obj, error);
  if (cls == 0)
    return NULL;
  const char *name = reclaim_heap_get_label (context->heap, cls);
  /* a __del__ set from outside the class body is in the heap only */
  if (class_has_del (context->heap, cls))
    {
      /* TRANSLATORS: %s is a Python class name */
      g_set_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED, _("%s already has a __del__."), name);
      return NULL;
    }
  context->statement_line = 0;
  return edit_write_finalizer (context->source, name ? name : "?", error);
}

char *
reclaim_edit_collect (ReclaimEditContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);
  return with_statement (context, "gc", "gc.collect()");
}
