/* test-window-files.c: what the window keeps on disk and what it reads.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unsaved text goes to a draft a moment after typing; a window that was
 * not closed (a crash, a kill) leaves it, and a new window offers it back;
 * saving or closing as the user chose removes it.  A huge file is refused
 * before it is read.  The drafts and files go to directories of the
 * test's own, never to the home of whoever runs it.
 */
#include "app-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "reclaim-drafts.h"

static guint
n_drafts (void)
{
  g_autoptr (GPtrArray) drafts = reclaim_drafts_list ();

  return drafts->len;
}

/* Iterates until there are n drafts on disk, or fails after 5 s. */
static void
wait_for_drafts (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (n_drafts () != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_for (20);
    }
}

/* Each case starts with no draft: the state directory is the process's
 * (GLib reads XDG_STATE_HOME once), so a case clears what the last left. */
static void
remove_all_drafts (void)
{
  g_autoptr (GPtrArray) drafts = reclaim_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    reclaim_drafts_remove (((ReclaimDraft *) drafts->pdata[i])->id);
}

static ReclaimWindow *
new_window (void)
{
  ReclaimWindow *window = g_object_ref_sink (reclaim_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  reclaim_window_open_example (window);
  iterate_for (50);
  return window;
}

static void
type_at_end (ReclaimWindow *window, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->script_view));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* The files the tests open: a directory of the test's own (gtk_test_init
 * does not isolate the user's directories). */
static char *files_dir;

/* The window's Reclaim was killed: it does nothing more, and its draft
 * stays on disk. */
static void
kill_window (ReclaimWindow *window)
{
  window->draft_closed = TRUE;
  g_clear_handle_id (&window->draft_timeout, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Closes the window as a user who chose to discard their changes. */
static void
close_discarding (ReclaimWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);
  iterate_for (20);
}

/* Typing is kept within a couple of seconds, atomically, in the user's
 * state directory; the draft holds the text as typed, before it runs. */
static void
test_typing_is_kept (void)
{
  ReclaimWindow *window = new_window ();
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "reclaim", "drafts", NULL);

  g_assert_cmpuint (n_drafts (), ==, 0);
  type_at_end (window, "kept = [1, 2]\n");
  wait_for_drafts (1);

  g_autoptr (GPtrArray) drafts = reclaim_drafts_list ();
  ReclaimDraft *draft = drafts->pdata[0];
  g_autofree char *typed = script_text (window);
  g_assert_cmpstr (draft->text, ==, typed);
  g_assert_true (g_str_has_suffix (draft->text, "kept = [1, 2]\n"));
  g_assert_null (draft->uri);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  close_discarding (window);
  g_assert_cmpuint (n_drafts (), ==, 0);
}

/* A window that never closed (Reclaim was killed) leaves its draft: a new
 * window offers it, and Restore puts the text back, unsaved. */
static void
test_draft_offered_and_restored (void)
{
  ReclaimWindow *killed = new_window ();
  type_at_end (killed, "lost = {}\n");
  wait_for_drafts (1);
  g_autofree char *typed = script_text (killed);
  kill_window (killed);

  ReclaimWindow *window = new_window ();
  g_assert_false (gtk_revealer_get_reveal_child (window->draft_revealer));
  reclaim_window_offer_drafts (window);
  g_assert_true (gtk_revealer_get_reveal_child (window->draft_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->draft_label), "never saved was kept"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore-draft"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "restore-draft", NULL);
  iterate_for (50);
  g_autofree char *restored = script_text (window);
  g_assert_cmpstr (restored, ==, typed);
  g_assert_true (reclaim_window_is_modified (window));
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "• Untitled script");
  g_assert_false (gtk_revealer_get_reveal_child (window->draft_revealer));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore-draft"));
  /* the restored text is this window's draft now: still one on disk */
  iterate_for (1200);
  g_assert_cmpuint (n_drafts (), ==, 1);

  close_discarding (window);
  g_assert_cmpuint (n_drafts (), ==, 0);
}

/* Discard deletes the draft offered, and the banner goes. */
static void
test_draft_discarded (void)
{
  ReclaimWindow *killed = new_window ();
  type_at_end (killed, "gone = []\n");
  wait_for_drafts (1);
  kill_window (killed);

  ReclaimWindow *window = new_window ();
  reclaim_window_offer_drafts (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "discard-draft", NULL);
  g_assert_cmpuint (n_drafts (), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (window->draft_revealer));
  g_autofree char *text = script_text (window);
  g_assert_null (strstr (text, "gone = []"));

  close_discarding (window);
}

static gboolean
saved_and_unmodified (ReclaimWindow *window)
{
  return !reclaim_window_is_modified (window);
}

/* Saving removes the draft; so does undoing back to the saved text. */
static void
test_draft_removed_on_save (void)
{
  g_autofree char *path = g_build_filename (files_dir, "saved.py", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ReclaimWindow *window = new_window ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, "a = []\n", -1, NULL));
  reclaim_window_open_file (window, file);
  while (reclaim_window_is_modified (window) || !g_str_equal (reclaim_session_get_source (window->session), "a = []\n"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_for (10);
    }
  type_at_end (window, "b = [a]\n");
  wait_for_drafts (1);
  g_autoptr (GPtrArray) drafts = reclaim_drafts_list ();
  g_autofree char *uri = g_file_get_uri (file);
  g_assert_cmpstr (((ReclaimDraft *) drafts->pdata[0])->uri, ==, uri);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  while (!saved_and_unmodified (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_for (10);
    }
  g_assert_cmpuint (n_drafts (), ==, 0);
  close_discarding (window);
}

/* A window destroyed without closing (as the application is torn down)
 * keeps its latest text, even typed a moment before. */
static void
test_destroyed_window_keeps_text (void)
{
  ReclaimWindow *window = new_window ();

  type_at_end (window, "last = 1\n");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_assert_cmpuint (n_drafts (), ==, 1);
  g_autoptr (GPtrArray) drafts = reclaim_drafts_list ();
  g_assert_true (g_str_has_suffix (((ReclaimDraft *) drafts->pdata[0])->text, "last = 1\n"));
}

/* A 4 GB file (sparse: it takes no room) is refused from its size, at
 * once; the window keeps its script and its title. */
static void
test_huge_file_refused (void)
{
  g_autofree char *path = g_build_filename (files_dir, "huge.py", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ReclaimWindow *window = new_window ();
  g_autofree char *before = script_text (window);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  FILE *f;

  f = g_fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) 4 << 30), ==, 0);
  fclose (f);

  reclaim_window_open_file (window, file);
  while (!gtk_revealer_get_reveal_child (window->banner_revealer))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_for (10);
    }
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), "larger than 1 MB"));
  g_autofree char *after = script_text (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Welcome example");
  g_remove (path);
  close_discarding (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_remove (path);
}

/* Runs the case test with no draft on disk. */
static void
starting_clean (gconstpointer test)
{
  remove_all_drafts ();
  ((void (*) (void)) test) ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("reclaim-state-XXXXXX", NULL);

  /* before GLib first reads it */
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_assert_true (g_str_equal (g_get_user_state_dir (), state));
  files_dir = g_dir_make_tmp ("reclaim-files-XXXXXX", NULL);
  g_assert_nonnull (files_dir);

  g_test_add_data_func ("/app/files/typing-is-kept", test_typing_is_kept, starting_clean);
  g_test_add_data_func ("/app/files/draft-offered-and-restored", test_draft_offered_and_restored, starting_clean);
  g_test_add_data_func ("/app/files/draft-discarded", test_draft_discarded, starting_clean);
  g_test_add_data_func ("/app/files/draft-removed-on-save", test_draft_removed_on_save, starting_clean);
  g_test_add_data_func ("/app/files/destroyed-window-keeps-text", test_destroyed_window_keeps_text, starting_clean);
  g_test_add_data_func ("/app/files/huge-file-refused", test_huge_file_refused, starting_clean);
  int status = g_test_run ();
  remove_tree (state);
  remove_tree (files_dir);
  return status;
}
