/* fuzz-run.c: a fuzz target that parses and runs whatever it is given as
 * a script, with small step, object and memory limits.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer (or AFL++'s afl-clang-fast, which
 * takes the same entry point) it is a libFuzzer target; built without,
 * main() below runs the files named on the command line through the same
 * entry point, which is how a finding is replayed and how the seed corpus
 * is checked in every build.  See README.md.
 */
#include "reclaim-interp.h"

#include <stdint.h>
#include <stdio.h>

/* Small enough that one input runs in milliseconds: the fuzzer looks for
 * crashes, hangs and sanitizer reports, not for long computations. */
#define FUZZ_MAX_STEPS   20000
#define FUZZ_MAX_OBJECTS 20000
#define FUZZ_MAX_MEMORY  ((guint64) 64 << 20)

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ReclaimInterpOptions options = {
    .collector = RECLAIM_COLLECTOR_CPYTHON,
    .max_steps = FUZZ_MAX_STEPS,
    .max_objects = FUZZ_MAX_OBJECTS,
    .max_memory = FUZZ_MAX_MEMORY,
    .drop_events = TRUE,
    .write_stdout = discard,
    .write_stderr = discard,
  };
  ReclaimInterp *interp = reclaim_interp_new (&options);
  reclaim_interp_run (interp, (const char *) data, size, "fuzz.py");
  reclaim_interp_free (interp);
  return 0;
}

#ifndef RECLAIM_LIBFUZZER
/* The replayer: fuzz-run FILE-OR-DIRECTORY...  A directory stands for the
 * *.py files in it.  Prints TAP, one case per file: a case that crashes
 * ends the plan early, which counts as a failure. */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
add_inputs (GPtrArray *inputs, const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; dir && (name = g_dir_read_name (dir));)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (inputs, g_strdup (names->pdata[i]));
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = inputs->pdata[i];
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
#endif
