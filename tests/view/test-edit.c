/* test-edit.c: canvas edits as Python source, run for real.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is checked three ways: the exact text it writes, what the
 * interpreter does when the new script runs (a count rose, an object was
 * freed, __del__ printed), and, when python3 is installed, that python3
 * prints the same as Reclaim for the new script.
 */
#include "reclaim-edit.h"
#include "reclaim-interp.h"

#include <glib/gstdio.h>
#include <string.h>

/* ---- running scripts ----------------------------------------------------- */

typedef struct {
  char               *source;
  ReclaimInterp      *interp;
  ReclaimHeap        *heap;
  ReclaimId           module_dict;
  ReclaimEditContext *context;
  GString            *out;
  GString            *err;
} Run;

static void
write_out (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (((Run *) user_data)->out, text, len);
}

static void
write_err (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len (((Run *) user_data)->err, text, len);
}

/* Runs source and reads its heap as the edits do: at the script's end. */
static void
run_script (Run *run, const char *source)
{
  ReclaimInterpOptions options = { .write_stdout = write_out, .write_stderr = write_err, .user_data = run };

  run->source = g_strdup (source);
  run->out = g_string_new (NULL);
  run->err = g_string_new (NULL);
  run->interp = reclaim_interp_new (&options);
  run->heap = reclaim_interp_get_heap (run->interp);
  int status = reclaim_interp_run (run->interp, source, -1, "edit.py");
  g_assert_cmpstr (run->err->str, ==, "");
  g_assert_cmpint (status, ==, 0);
  run->module_dict = reclaim_interp_get_module_namespace (run->interp);
  reclaim_heap_seek (run->heap, reclaim_interp_get_script_end (run->interp));
  run->context = reclaim_edit_context_new (run->heap, run->module_dict, source);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->context, reclaim_edit_context_free);
  g_clear_pointer (&run->interp, reclaim_interp_free);
  if (run->out)
    g_string_free (run->out, TRUE);
  if (run->err)
    g_string_free (run->err, TRUE);
  g_free (run->source);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* python3, when installed, prints what Reclaim printed for the script. */
static void
assert_python3_agrees (const Run *run)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (python == NULL)
    {
      g_test_message ("python3 is not installed: its output is not compared");
      return;
    }
  int fd = g_file_open_tmp ("reclaim-edit-XXXXXX.py", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, run->source, -1, &error);
  g_assert_no_error (error);
  char *argv[] = { python, path, NULL };
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_unlink (path);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, run->out->str);
}

/* Runs an edit's result, checked against python3. */
static void
run_edited (Run *run, char *source)
{
  g_assert_nonnull (source);
  run_script (run, source);
  g_free (source);
  assert_python3_agrees (run);
}

/* The module namespace's slot holding variable `name`. */
static guint
global_slot (const Run *run, const char *name)
{
  for (guint i = 0; i < reclaim_heap_n_slots (run->heap, run->module_dict); i++)
    if (reclaim_heap_slot_get_role (run->heap, run->module_dict, i) == RECLAIM_ROLE_VALUE &&
        g_strcmp0 (reclaim_heap_slot_get_label (run->heap, run->module_dict, i), name) == 0)
      return i;
  g_assert_not_reached ();
}

static ReclaimId
global (const Run *run, const char *name)
{
  ReclaimValue value = reclaim_heap_slot_get (run->heap, run->module_dict, global_slot (run, name));
  g_assert_true (reclaim_value_is_object (value));
  return value;
}

/* The slot of obj labelled label (attribute, or dict value of a str key). */
static guint
slot_labelled (const Run *run, ReclaimId obj, const char *label)
{
  for (guint i = 0; i < reclaim_heap_n_slots (run->heap, obj); i++)
    if (g_strcmp0 (reclaim_heap_slot_get_label (run->heap, obj, i), label) == 0)
      return i;
  g_assert_not_reached ();
}

static ReclaimId
slot_object (const Run *run, ReclaimId obj, guint slot)
{
  ReclaimValue value = reclaim_heap_slot_get (run->heap, obj, slot);
  g_assert_true (reclaim_value_is_object (value));
  return value;
}

static const char node_script[] =
  "class Node:\n"
  "    pass\n"
  "\n"
  "n1 = Node()\n"
  "n2 = Node()\n"
  "items = []\n"
  "d = {}\n";

/* ---- names ---------------------------------------------------------------- */

static void
test_names (void)
{
  g_auto (Run) run = { 0 };
  run_script (&run,
              "import gc\n"
              "class Node:\n"
              "    pass\n"
              "\n"
              "n1 = Node()\n"
              "n1.next = Node()\n"
              "items = [Node(), n1.next]\n"
              "d = {'k': Node(), \"it's\": Node(), 3: Node()}\n"
              "t = (Node(),)\n"
              "s = {Node()}\n"
              "alias = n1\n"
              "p = print\n"
              "def make():\n"
              "    inner = Node()\n"
              "    def get():\n"
              "        return inner\n"
              "    return get\n"
              "get = make()\n"
              "v = Node()\n"
              "v.__dict__\n"
              "v.x = Node()\n");
  ReclaimEditContext *names = run.context;
  ReclaimId n1 = global (&run, "n1");
  ReclaimId items = global (&run, "items");
  ReclaimId d = global (&run, "d");
  ReclaimId v = global (&run, "v");

  g_assert_cmpstr (reclaim_edit_name_of (names, n1), ==, "n1");
  /* reached as n1.next and as items[1]: n1 comes first in the globals */
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, n1, slot_labelled (&run, n1, "next"))),
                   ==, "n1.next");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, items, 0)), ==, "items[0]");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, d, slot_labelled (&run, d, "k"))),
                   ==, "d['k']");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, d, slot_labelled (&run, d, "it's"))),
                   ==, "d[\"it's\"]");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, d, 5)), ==, "d[3]");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, global (&run, "t"), 0)), ==, "t[0]");
  g_assert_cmpstr (reclaim_edit_name_of (names, global (&run, "get")), ==, "get");
  g_assert_cmpstr (reclaim_edit_name_of (names, global (&run, "Node")), ==, "Node");

  /* vars() moved v's attributes into a dict: still written v.x */
  ReclaimId v_dict = slot_object (&run, v, reclaim_heap_n_slots (run.heap, v) - 1);
  g_assert_cmpstr (reclaim_edit_name_of (names, v_dict), ==, "v.__dict__");
  g_assert_cmpstr (reclaim_edit_name_of (names, slot_object (&run, v_dict, slot_labelled (&run, v_dict, "x"))),
                   ==, "v.x");

  /* modules, builtins and the namespace itself have no name here */
  g_assert_null (reclaim_edit_name_of (names, global (&run, "gc")));
  g_assert_null (reclaim_edit_name_of (names, global (&run, "p")));
  g_assert_null (reclaim_edit_name_of (names, run.module_dict));

  /* the set's member and the closure's variable: no expression reaches them */
  guint unnamed = 0;
  for (ReclaimId id = 1; id <= reclaim_heap_n_objects (run.heap); id++)
    if (reclaim_heap_get_state (run.heap, id) == RECLAIM_STATE_ALIVE &&
        g_strcmp0 (reclaim_heap_get_type_name (run.heap, id), "Node") == 0 &&
        reclaim_heap_get_kind (run.heap, id) == RECLAIM_KIND_INSTANCE &&
        reclaim_edit_name_of (names, id) == NULL)
      unnamed++;
  g_assert_cmpuint (unnamed, ==, 2);
}

/* ---- new objects -------------------------------------------------------------- */

static void
test_new_instance (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autofree char *variable = NULL;
  g_autoptr (GError) error = NULL;

  run_script (&run, "import gc\n\nx = 1\n");
  char *source = reclaim_edit_new_object (run.context, RECLAIM_NEW_INSTANCE, &variable, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (variable, ==, "n1");
  g_assert_cmpstr (source, ==,
                   "import gc\n"
                   "\n"
                   "class Node:\n"
                   "    pass\n"
                   "\n"
                   "x = 1\n"
                   "n1 = Node()\n");
  run_edited (&edited, source);
  ReclaimId n1 = global (&edited, "n1");
  g_assert_cmpint (reclaim_heap_get_kind (edited.heap, n1), ==, RECLAIM_KIND_INSTANCE);
  g_assert_cmpstr (reclaim_heap_get_type_name (edited.heap, n1), ==, "Node");

  /* with Node there, only the variable is added */
  source = reclaim_edit_new_object (edited.context, RECLAIM_NEW_INSTANCE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (source, "x = 1\nn1 = Node()\nn2 = Node()\n"));
  g_assert_cmpuint (strstr (source, "class Node") - source, ==, strlen ("import gc\n\n"));
  g_assert_null (strstr (strstr (source, "class Node") + 1, "class Node"));
  g_free (source);
}

static void
test_new_instance_placement (void)
{
  g_autoptr (GError) error = NULL;
  struct {
    const char *before;
    const char *after;
  } cases[] = {
    { "", "class Node:\n    pass\n\nn1 = Node()\n" },
    /* a name used in a comment is not reused; no final newline */
    { "\"\"\"Nodes.\"\"\"\n# n1 is mentioned here\nx = 1",
      "\"\"\"Nodes.\"\"\"\n\nclass Node:\n    pass\n\n# n1 is mentioned here\nx = 1\nn2 = Node()\n" },
    { "import gc\nimport weakref\n\n\nx = 1\n",
      "import gc\nimport weakref\n\n\nclass Node:\n    pass\n\nx = 1\nn1 = Node()\n" },
    /* Node() works: no new class */
    { "class Node:\n    def __init__(self, name='a'):\n        self.name = name\n",
      "class Node:\n    def __init__(self, name='a'):\n        self.name = name\nn1 = Node()\n" },
    /* Node(name) needs an argument: a class of its own */
    { "class Node:\n    def __init__(self, name):\n        self.name = name\n",
      "class Node2:\n    pass\n\nclass Node:\n    def __init__(self, name):\n        self.name = name\nn1 = Node2()\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };
      g_auto (Run) edited = { 0 };
      run_script (&run, cases[i].before);
      char *source = reclaim_edit_new_object (run.context, RECLAIM_NEW_INSTANCE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (source, ==, cases[i].after);
      run_edited (&edited, source);
    }
}

static void
test_new_list_and_dict (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autofree char *variable = NULL;
  g_autoptr (GError) error = NULL;

  run_script (&run, "l1 = 0\n");
  char *source = reclaim_edit_new_object (run.context, RECLAIM_NEW_LIST, &variable, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (variable, ==, "l2");
  g_assert_cmpstr (source, ==, "l1 = 0\nl2 = []\n");
  run_edited (&edited, source);
  g_assert_cmpint (reclaim_heap_get_kind (edited.heap, global (&edited, "l2")), ==, RECLAIM_KIND_LIST);

  source = reclaim_edit_new_object (edited.context, RECLAIM_NEW_DICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source, ==, "l1 = 0\nl2 = []\nd1 = {}\n");
  g_free (source);
}

/* ---- references --------------------------------------------------------------- */

/* Adds a reference from the object named holder (NULL: the namespace),
 * checks the text appended, and that the target's count rose by one. */
static void
check_strong_reference (const char *holder, const char *name, const char *appended)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, node_script);
  ReclaimId holder_id = holder ? global (&run, holder) : run.module_dict;
  ReclaimId n2 = global (&run, "n2");
  char *source = reclaim_edit_add_reference (run.context, holder_id, name, n2, FALSE, &error);
  g_assert_no_error (error);
  g_autofree char *expected = g_strconcat (node_script, appended, NULL);
  g_assert_cmpstr (source, ==, expected);
  run_edited (&edited, source);
  g_assert_cmpuint (global (&edited, "n2"), ==, n2);
  g_assert_cmpuint (reclaim_heap_get_refcount (edited.heap, n2), ==, reclaim_heap_get_refcount (run.heap, n2) + 1);
}

static void
test_add_reference (void)
{
  check_strong_reference ("n1", NULL, "n1.next = n2\n");
  check_strong_reference ("n1", "partner", "n1.partner = n2\n");
  check_strong_reference ("items", NULL, "items.append(n2)\n");
  check_strong_reference ("d", NULL, "d['k1'] = n2\n");
  check_strong_reference ("d", "it's", "d[\"it's\"] = n2\n");
  check_strong_reference ("d", "a\tb\\", "d['a\\tb\\\\'] = n2\n");
  check_strong_reference (NULL, NULL, "n3 = n2\n");
  check_strong_reference (NULL, "partner", "partner = n2\n");
}

static void
test_default_names (void)
{
  g_auto (Run) run = { 0 };

  run_script (&run,
              "class Node:\n"
              "    pass\n"
              "n1 = Node()\n"
              "n1.next = n1\n"
              "n1.next2 = n1\n"
              "n1.ref = None\n"
              "d = {'k1': 1}\n"
              "r1 = 0\n"
              "items = []\n");
  g_autofree char *attribute = reclaim_edit_default_name (run.context, global (&run, "n1"), FALSE);
  g_autofree char *weak_attribute = reclaim_edit_default_name (run.context, global (&run, "n1"), TRUE);
  g_autofree char *key = reclaim_edit_default_name (run.context, global (&run, "d"), FALSE);
  g_autofree char *variable = reclaim_edit_default_name (run.context, run.module_dict, FALSE);
  g_autofree char *weak_variable = reclaim_edit_default_name (run.context, run.module_dict, TRUE);
  g_autofree char *item = reclaim_edit_default_name (run.context, global (&run, "items"), FALSE);

  g_assert_cmpstr (attribute, ==, "next3");
  g_assert_cmpstr (weak_attribute, ==, "ref2");
  g_assert_cmpstr (key, ==, "k2");
  g_assert_cmpstr (variable, ==, "n2");
  g_assert_cmpstr (weak_variable, ==, "r2");
  g_assert_null (item);
}

static void
test_add_weak_reference (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, node_script);
  ReclaimId n2 = global (&run, "n2");
  char *source = reclaim_edit_add_reference (run.context, global (&run, "n1"), NULL, n2, TRUE, &error);
  g_assert_no_error (error);
  g_autofree char *expected = g_strconcat ("import weakref\n\n", node_script, "n1.ref = weakref.ref(n2)\n", NULL);
  g_assert_cmpstr (source, ==, expected);
  run_edited (&edited, source);
  g_assert_cmpuint (reclaim_heap_weakref_count (edited.heap, n2), ==, 1);
  g_assert_cmpuint (reclaim_heap_get_refcount (edited.heap, n2), ==, reclaim_heap_get_refcount (run.heap, n2));

  /* weakref is imported now: not twice */
  source = reclaim_edit_add_reference (edited.context, edited.module_dict, NULL, n2, TRUE, &error);
  g_assert_no_error (error);
  g_autofree char *again = g_strconcat (expected, "r1 = weakref.ref(n2)\n", NULL);
  g_assert_cmpstr (source, ==, again);
  g_free (source);
}

static void
test_weak_reference_import_placement (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, "# Nodes\nimport gc\n\nclass Node:\n    pass\nn1 = Node()\n");
  char *source = reclaim_edit_add_reference (run.context, run.module_dict, "w", global (&run, "Node"), TRUE,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source, ==, "# Nodes\nimport gc\nimport weakref\n\nclass Node:\n    pass\nn1 = Node()\n"
                               "w = weakref.ref(Node)\n");
  run_edited (&edited, source);
  g_assert_cmpuint (reclaim_heap_weakref_count (edited.heap, global (&edited, "Node")), ==, 1);
}

static void
test_reference_errors (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run,
              "class Node:\n"
              "    pass\n"
              "class Slotted:\n"
              "    __slots__ = ('a',)\n"
              "class WeakSlotted(Slotted):\n"
              "    __slots__ = ['__weakref__']\n"
              "n1 = Node()\n"
              "items = []\n"
              "d = {}\n"
              "t = (1, 2)\n"
              "s = {Node()}\n"
              "x = Slotted()\n"
              "y = WeakSlotted()\n");
  ReclaimId n1 = global (&run, "n1");

  g_assert_null (reclaim_edit_add_reference (run.context, n1, "1x", n1, FALSE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME);
  g_assert_cmpstr (error->message, ==, "“1x” is not a valid Python name.");
  g_clear_error (&error);

  g_assert_null (reclaim_edit_add_reference (run.context, run.module_dict, "class", n1, FALSE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_BAD_NAME);
  g_assert_cmpstr (error->message, ==, "“class” is a Python keyword, not a name.");
  g_clear_error (&error);

  g_assert_null (reclaim_edit_add_reference (run.context, n1, NULL, global (&run, "items"), TRUE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "A list cannot be weakly referenced in Python.");
  g_clear_error (&error);

  g_assert_null (reclaim_edit_add_reference (run.context, n1, NULL, global (&run, "d"), TRUE, &error));
  g_assert_cmpstr (error->message, ==, "A dict cannot be weakly referenced in Python.");
  g_clear_error (&error);

  g_assert_null (reclaim_edit_add_reference (run.context, n1, NULL, global (&run, "x"), TRUE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==,
                   "A Slotted object cannot be weakly referenced in Python: the __slots__ of its class leave out __weakref__.");
  g_clear_error (&error);
  char *weak_slotted = reclaim_edit_add_reference (run.context, n1, NULL, global (&run, "y"), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (weak_slotted, "n1.ref = weakref.ref(y)\n"));
  g_auto (Run) edited = { 0 };
  run_edited (&edited, weak_slotted);
  g_assert_cmpuint (reclaim_heap_weakref_count (edited.heap, global (&edited, "y")), ==, 1);

  /* the set's member has no name */
  ReclaimId member = slot_object (&run, global (&run, "s"), 0);
  g_assert_null (reclaim_edit_add_reference (run.context, n1, NULL, member, FALSE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_UNNAMED);
  g_clear_error (&error);

  g_assert_null (reclaim_edit_add_reference (run.context, global (&run, "t"), NULL, n1, FALSE, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
}

/* ---- deleting ------------------------------------------------------------------- */

static const char delete_script[] =
  "class Node:\n"
  "    pass\n"
  "\n"
  "n1 = Node()\n"
  "n1.next = Node()\n"
  "items = [Node(), Node()]\n"
  "d = {'k': Node()}\n";

/* Deletes slot of the object named holder (NULL: the namespace), checks
 * the statement appended and that the object it held is freed. */
static void
check_delete (const char *holder, guint slot, const char *appended)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, delete_script);
  ReclaimId holder_id = holder ? global (&run, holder) : run.module_dict;
  ReclaimValue held = reclaim_heap_slot_get (run.heap, holder_id, slot);
  if (reclaim_heap_slot_get_role (run.heap, holder_id, slot) == RECLAIM_ROLE_KEY)
    held = reclaim_heap_slot_get (run.heap, holder_id, slot + 1);
  g_assert_true (reclaim_value_is_object (held));

  char *source = reclaim_edit_delete_reference (run.context, holder_id, slot, &error);
  g_assert_no_error (error);
  g_autofree char *expected = g_strconcat (delete_script, appended, NULL);
  g_assert_cmpstr (source, ==, expected);
  run_edited (&edited, source);
  g_assert_cmpint (reclaim_heap_get_state (edited.heap, held), ==, RECLAIM_STATE_FREED);
}

static void
test_delete_reference (void)
{
  g_auto (Run) run = { 0 };
  run_script (&run, delete_script);
  ReclaimId n1 = global (&run, "n1");
  ReclaimId d = global (&run, "d");

  check_delete (NULL, global_slot (&run, "n1"), "del n1\n");
  check_delete ("n1", slot_labelled (&run, n1, "next"), "del n1.next\n");
  check_delete ("items", 1, "del items[1]\n");
  check_delete ("d", slot_labelled (&run, d, "k"), "del d['k']\n");
  check_delete ("d", slot_labelled (&run, d, "k") - 1, "del d['k']\n");
}

static void
test_delete_errors (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, "t = (1, [])\nitems = []\n");
  g_assert_null (reclaim_edit_delete_reference (run.context, global (&run, "t"), 1, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (reclaim_edit_delete_reference (run.context, global (&run, "items"), 0, &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
}

/* ---- finalizers ------------------------------------------------------------------ */

static void
test_give_finalizer (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_auto (Run) deleted = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run, "class Node:\n    pass\n\nn1 = Node()\nprint('end')\n");
  char *source = reclaim_edit_give_finalizer (run.context, global (&run, "n1"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source, ==,
                   "class Node:\n"
                   "    def __del__(self):\n"
                   "        print('__del__', type(self).__name__)\n"
                   "    pass\n"
                   "\n"
                   "n1 = Node()\n"
                   "print('end')\n");
  /* python3 finalizes n1 at exit */
  run_edited (&edited, source);
  g_assert_cmpstr (edited.out->str, ==, "end\n__del__ Node\n");

  source = reclaim_edit_delete_reference (edited.context, edited.module_dict, global_slot (&edited, "n1"), &error);
  g_assert_no_error (error);
  run_edited (&deleted, source);
  g_assert_cmpstr (deleted.out->str, ==, "end\n__del__ Node\n");
  g_assert_true (g_str_has_suffix (deleted.source, "print('end')\ndel n1\n"));
  g_assert_cmpint (reclaim_heap_get_state (deleted.heap, global (&edited, "n1")), ==, RECLAIM_STATE_FREED);

  /* once is enough, asked through the class this time */
  g_assert_null (reclaim_edit_give_finalizer (edited.context, global (&edited, "Node"), &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Node already has a __del__.");
}

static void
test_finalizer_placement (void)
{
  g_autoptr (GError) error = NULL;
  struct {
    const char *before;
    const char *after;
  } cases[] = {
    /* after the docstring, at the body's indentation */
    { "class Node:\n  \"\"\"A node.\"\"\"\n\n  def __init__(self):\n    self.next = None\n\nn1 = Node()\ndel n1\n",
      "class Node:\n  \"\"\"A node.\"\"\"\n  def __del__(self):\n    print('__del__', type(self).__name__)\n"
      "\n  def __init__(self):\n    self.next = None\n\nn1 = Node()\ndel n1\n" },
    /* the body on the header line */
    { "class Node: pass\nn1 = Node()\ndel n1\n",
      "class Node:\n    def __del__(self):\n        print('__del__', type(self).__name__)\n    pass\n"
      "n1 = Node()\ndel n1\n" },
    /* the last definition is the class alive at the end */
    { "class Node:\n    pass\nclass Node(\n        object):\n    x = 1\nn1 = Node()\ndel n1\n",
      "class Node:\n    pass\nclass Node(\n        object):\n    def __del__(self):\n"
      "        print('__del__', type(self).__name__)\n    x = 1\nn1 = Node()\ndel n1\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };
      g_auto (Run) edited = { 0 };
      run_script (&run, cases[i].before);
      char *source = reclaim_edit_give_finalizer (run.context, global (&run, "Node"), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (source, ==, cases[i].after);
      run_edited (&edited, source);
      g_assert_cmpstr (edited.out->str, ==, "__del__ Node\n");
    }
}

static void
test_finalizer_errors (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  run_script (&run,
              "class Node:\n"
              "    def __del__(self):\n"
              "        pass\n"
              "def make():\n"
              "    class Inner:\n"
              "        pass\n"
              "    return Inner()\n"
              "n1 = Node()\n"
              "inner = make()\n"
              "items = []\n");
  g_assert_null (reclaim_edit_give_finalizer (run.context, global (&run, "n1"), &error));
  g_assert_cmpstr (error->message, ==, "Node already has a __del__.");
  g_clear_error (&error);
  g_assert_null (reclaim_edit_give_finalizer (run.context, global (&run, "inner"), &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (reclaim_edit_give_finalizer (run.context, global (&run, "items"), &error));
  g_assert_error (error, RECLAIM_EDIT_ERROR, RECLAIM_EDIT_ERROR_NOT_ALLOWED);
}

/* ---- collect ---------------------------------------------------------------------- */

/* The script's last instance, alive or not. */
static ReclaimId
last_instance (const Run *run)
{
  ReclaimId last = 0;

  for (ReclaimId id = run->module_dict + 1; id <= reclaim_heap_n_objects (run->heap); id++)
    if (reclaim_heap_get_state (run->heap, id) != RECLAIM_STATE_UNBORN &&
        reclaim_heap_get_kind (run->heap, id) == RECLAIM_KIND_INSTANCE)
      last = id;
  g_assert_cmpuint (last, !=, 0);
  return last;
}

static void
test_collect (void)
{
  static const char cycle_script[] =
    "class Node:\n"
    "    pass\n"
    "\n"
    "a = Node()\n"
    "a.me = a\n"
    "del a\n";
  g_auto (Run) run = { 0 };
  g_auto (Run) edited = { 0 };
  g_auto (Run) again = { 0 };

  run_script (&run, cycle_script);
  g_assert_cmpint (reclaim_heap_get_state (run.heap, last_instance (&run)), ==, RECLAIM_STATE_ALIVE);

  char *source = reclaim_edit_collect (run.context);
  g_autofree char *expected = g_strconcat ("import gc\n\n", cycle_script, "gc.collect()\n", NULL);
  g_assert_cmpstr (source, ==, expected);
  run_edited (&edited, source);
  ReclaimId node = last_instance (&edited);
  g_assert_cmpint (reclaim_heap_get_state (edited.heap, node), ==, RECLAIM_STATE_FREED);
  g_assert_cmpint (reclaim_heap_get_freed_by (edited.heap, node), ==, RECLAIM_FREED_BY_GC);

  source = reclaim_edit_collect (edited.context);
  g_autofree char *twice = g_strconcat (expected, "gc.collect()\n", NULL);
  g_assert_cmpstr (source, ==, twice);
  g_free (source);

  /* "import gc as g" does not bind gc */
  run_script (&again, "import gc as g\nx = 1\n");
  source = reclaim_edit_collect (again.context);
  g_assert_cmpstr (source, ==, "import gc as g\nimport gc\nx = 1\ngc.collect()\n");
  g_free (source);
}

/* ---- positions ---------------------------------------------------------------------- */

static void
add_point (GHashTable *positions, const char *name, double x, double y)
{
  ReclaimEditPoint *point = g_new (ReclaimEditPoint, 1);
  point->x = x;
  point->y = y;
  g_hash_table_replace (positions, g_strdup (name), point);
}

static void
assert_point (GHashTable *positions, const char *name, double x, double y)
{
  ReclaimEditPoint *point = g_hash_table_lookup (positions, name);
  g_assert_nonnull (point);
  g_assert_cmpfloat (point->x, ==, x);
  g_assert_cmpfloat (point->y, ==, y);
}

static void
test_positions_round_trip (void)
{
  g_autoptr (GHashTable) positions = reclaim_edit_positions_new ();
  g_autoptr (GHashTable) read = reclaim_edit_positions_new ();

  add_point (positions, "n1.next", -3, 0);
  add_point (positions, "n1", 120, 40.5);
  add_point (positions, "d['a b']", 1, 2);
  g_autofree char *text = reclaim_edit_join_positions ("x = 1\n", positions);
  g_assert_cmpstr (text, ==,
                   "x = 1\n"
                   "\n"
                   "# reclaim: positions\n"
                   "# d['a b'] 1 2\n"
                   "# n1 120 40.5\n"
                   "# n1.next -3 0\n");

  g_autofree char *script = reclaim_edit_split_positions (text, read);
  g_assert_cmpstr (script, ==, "x = 1\n");
  g_assert_cmpuint (g_hash_table_size (read), ==, 3);
  assert_point (read, "n1", 120, 40.5);
  assert_point (read, "n1.next", -3, 0);
  assert_point (read, "d['a b']", 1, 2);

  /* no positions, no block; a text without block is the script */
  g_autoptr (GHashTable) none = reclaim_edit_positions_new ();
  g_autofree char *plain = reclaim_edit_join_positions ("x = 1", none);
  g_assert_cmpstr (plain, ==, "x = 1");
  g_autofree char *split = reclaim_edit_split_positions ("x = 1\n# n1 1 2\n", none);
  g_assert_cmpstr (split, ==, "x = 1\n# n1 1 2\n");
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);

  /* an empty script */
  g_autofree char *only_block = reclaim_edit_join_positions ("", positions);
  g_autofree char *empty = reclaim_edit_split_positions (only_block, NULL);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_positions_malformed (void)
{
  g_autoptr (GHashTable) positions = reclaim_edit_positions_new ();

  g_autofree char *script = reclaim_edit_split_positions ("x = 1\n"
                                                           "\n"
                                                           "# reclaim: positions\n"
                                                           "# n1 12\n"
                                                           "# n2 a b\n"
                                                           "# 5 6\n"
                                                           "# n3 nan 2\n"
                                                           "#\n"
                                                           "#n5 1 2\n"
                                                           "# n4 5 6\n"
                                                           "# n6 1 2 3x\n"
                                                           "print(x)\n",
                                                           positions);
  /* code someone typed after the block stays in the script */
  g_assert_cmpstr (script, ==, "x = 1\nprint(x)\n");
  g_assert_cmpuint (g_hash_table_size (positions), ==, 1);
  assert_point (positions, "n4", 5, 6);

  g_autofree char *cut = reclaim_edit_split_positions ("# reclaim: positions\n# n1 1", positions);
  g_assert_cmpstr (cut, ==, "");
  g_assert_cmpuint (g_hash_table_size (positions), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/view/edit/names", test_names);
  g_test_add_func ("/view/edit/new-instance", test_new_instance);
  g_test_add_func ("/view/edit/new-instance-placement", test_new_instance_placement);
  g_test_add_func ("/view/edit/new-list-and-dict", test_new_list_and_dict);
  g_test_add_func ("/view/edit/add-reference", test_add_reference);
  g_test_add_func ("/view/edit/default-names", test_default_names);
  g_test_add_func ("/view/edit/add-weak-reference", test_add_weak_reference);
  g_test_add_func ("/view/edit/weak-reference-import", test_weak_reference_import_placement);
  g_test_add_func ("/view/edit/reference-errors", test_reference_errors);
  g_test_add_func ("/view/edit/delete-reference", test_delete_reference);
  g_test_add_func ("/view/edit/delete-errors", test_delete_errors);
  g_test_add_func ("/view/edit/give-finalizer", test_give_finalizer);
  g_test_add_func ("/view/edit/finalizer-placement", test_finalizer_placement);
  g_test_add_func ("/view/edit/finalizer-errors", test_finalizer_errors);
  g_test_add_func ("/view/edit/collect", test_collect);
  g_test_add_func ("/view/edit/positions-round-trip", test_positions_round_trip);
  g_test_add_func ("/view/edit/positions-malformed", test_positions_malformed);
  return g_test_run ();
}
