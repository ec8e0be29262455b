/* test-figures.c: the figures reclaim-cli render writes, looked at.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the welcome example the way a user does ($RECLAIM_CLI) and
 * reads what came out: the SVG's paths, and the PDF rasterised by
 * pdftoppm against the PNG of the same figure.  Vector formats show what
 * a PNG hides: a filled sliver of no area is invisible in a PNG but is
 * drawn as a hairline by PDF and SVG viewers.
 */
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RECLAIM_EXAMPLES"), name, NULL);
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("reclaim-figures-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Runs a program; returns its exit status, its standard error in *err. */
static int
run (char **err, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  return error->domain == G_SPAWN_EXIT_ERROR ? error->code : -1;
}

/* Renders the welcome example before its line 25 (the collection) with
 * the extra arguments; asserts it worked. */
static void
render_welcome (const char *output, const char *extra, const char *value)
{
  g_autofree char *script = example ("welcome.py");
  g_autofree char *err = NULL;
  int status = run (&err, g_getenv ("RECLAIM_CLI"), "render", script, "--line", "25", "-o", output,
                    extra, value, NULL);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
}

/* ---- SVG: every filled outline closes where it starts ----------------------- */

/* Whether the subpath from `from` to `to` (the text of one "M ..." run of
 * a path's d) ends where it began.  A fill joins its two ends with a
 * line: when they differ, and the outline is a circle drawn after a line
 * from elsewhere, that line is a sliver a viewer draws. */
static gboolean
subpath_closes (const char *subpath)
{
  g_auto (GStrv) words = g_strsplit_set (subpath, " ", -1);
  GPtrArray *numbers = g_ptr_array_new ();
  gboolean closed = FALSE, empty = TRUE;

  for (guint i = 0; words[i]; i++)
    {
      if (g_str_equal (words[i], "Z"))
        closed = TRUE;
      else if (g_ascii_isdigit (words[i][0]) || words[i][0] == '-')
        g_ptr_array_add (numbers, words[i]);
      else if (g_str_equal (words[i], "L") || g_str_equal (words[i], "C"))
        empty = FALSE;
    }
  gboolean ok = closed || empty || numbers->len < 4;
  if (!ok)
    {
      double x0 = g_ascii_strtod (numbers->pdata[0], NULL), y0 = g_ascii_strtod (numbers->pdata[1], NULL);
      double x1 = g_ascii_strtod (numbers->pdata[numbers->len - 2], NULL);
      double y1 = g_ascii_strtod (numbers->pdata[numbers->len - 1], NULL);
      ok = fabs (x0 - x1) < 0.01 && fabs (y0 - y1) < 0.01;
    }
  g_ptr_array_unref (numbers);
  return ok;
}

/* Counts the filled subpaths of the drawing (the glyph shapes in <defs>
 * aside) that do not close. */
static guint
count_open_fills (const char *svg)
{
  const char *body = strstr (svg, "</defs>");
  guint open = 0;

  for (const char *p = strstr (body ? body : svg, "<path"); p; p = strstr (p + 1, "<path"))
    {
      const char *end = strchr (p, '>');
      g_autofree char *element = g_strndup (p, end - p);
      const char *d = strstr (element, " d=\"");
      if (d == NULL || strstr (element, "fill:none") != NULL)
        continue;
      g_autofree char *data = g_strndup (d + 4, strcspn (d + 4, "\""));
      g_auto (GStrv) subpaths = g_strsplit (data, "M ", -1);
      for (guint i = 0; subpaths[i]; i++)
        if (*g_strstrip (subpaths[i]) != '\0' && !subpath_closes (subpaths[i]))
          {
            g_test_message ("open fill: M %s", subpaths[i]);
            open++;
          }
    }
  return open;
}

static void
test_svg_fills_close (void)
{
  g_autofree char *svg = temp_path ("welcome.svg");
  g_autofree char *text = NULL;

  render_welcome (svg, NULL, NULL);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  /* the figure has rows with pointer dots: the shape that went wrong */
  g_assert_nonnull (strstr (text, "</defs>"));
  g_assert_cmpuint (count_open_fills (text), ==, 0);
}

/* ---- PDF against PNG ----------------------------------------------------------- */

static guint
colour_distance (const guint8 *a, const guint8 *b)
{
  guint distance = 0;

  for (int c = 0; c < 3; c++)
    distance = MAX (distance, (guint) abs ((int) a[c] - (int) b[c]));
  return distance;
}

/* Pixels of `drawn` with ink where `reference` is one flat colour for two
 * pixels around.  Edges, text and shadows are rasterised a little
 * differently by poppler and by cairo, but only where the reference has
 * them too; a line that is not in the reference lies on flat ground. */
static guint
count_foreign_pixels (cairo_surface_t *drawn, cairo_surface_t *reference)
{
  int width = cairo_image_surface_get_width (drawn), height = cairo_image_surface_get_height (drawn);
  int ds = cairo_image_surface_get_stride (drawn), rs = cairo_image_surface_get_stride (reference);
  const guint8 *d = cairo_image_surface_get_data (drawn), *r = cairo_image_surface_get_data (reference);
  guint foreign = 0;

  for (int y = 2; y < height - 2; y++)
    for (int x = 2; x < width - 2; x++)
      {
        const guint8 *ground = r + y * rs + 4 * x;
        gboolean flat = TRUE;
        for (int dy = -2; dy <= 2 && flat; dy++)
          for (int dx = -2; dx <= 2 && flat; dx++)
            flat = colour_distance (ground, r + (y + dy) * rs + 4 * (x + dx)) == 0;
        foreign += flat && colour_distance (ground, d + y * ds + 4 * x) > 12;
      }
  return foreign;
}

static cairo_surface_t *
as_argb32 (cairo_surface_t *image)
{
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (image),
                                                      cairo_image_surface_get_height (image));
  cairo_t *cr = cairo_create (copy);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_flush (copy);
  return copy;
}

static void
test_pdf_matches_png (void)
{
  g_autofree char *png = temp_path ("welcome.png");
  g_autofree char *pdf = temp_path ("welcome.pdf");
  g_autofree char *raster_base = temp_path ("welcome-pdf");
  g_autofree char *raster = g_strconcat (raster_base, ".png", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *err = NULL;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }
  render_welcome (png, NULL, NULL);
  render_welcome (pdf, NULL, NULL);
  /* 72 dots an inch: one PDF point, one pixel of the PNG */
  g_assert_cmpint (run (&err, pdftoppm, "-png", "-r", "72", "-singlefile", pdf, raster_base, NULL), ==, 0);

  /* both as ARGB32, the format the comparison reads */
  cairo_surface_t *expected = as_argb32 (cairo_image_surface_create_from_png (png));
  cairo_surface_t *rasterised = as_argb32 (cairo_image_surface_create_from_png (raster));
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (rasterised), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (rasterised), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (rasterised), ==, cairo_image_surface_get_height (expected));
  guint foreign = count_foreign_pixels (rasterised, expected);
  g_test_message ("%u pixels of the PDF are ink where the PNG has none", foreign);
  g_assert_cmpuint (foreign, <, 20);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (rasterised);
}

/* ---- inside a collection ------------------------------------------------------- */

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_phase_and_event (void)
{
  g_autofree char *before = temp_path ("before.svg");
  g_autofree char *subtract = temp_path ("subtract.svg");
  g_autofree char *deleted = temp_path ("deleted.svg");
  g_autofree char *event = temp_path ("event.svg");
  g_autofree char *script = example ("welcome.py");
  g_autofree char *err = NULL;

  render_welcome (before, NULL, NULL);
  render_welcome (subtract, "--phase", "subtract_refs");
  render_welcome (deleted, "--phase", "delete_garbage");
  render_welcome (event, "--event", "1");
  g_autofree char *before_text = read_file (before), *subtract_text = read_file (subtract);
  g_autofree char *deleted_text = read_file (deleted), *event_text = read_file (event);
  /* gc_refs badges while the collection runs; fewer cards once it freed its garbage */
  g_assert_cmpstr (before_text, !=, subtract_text);
  g_assert_cmpstr (subtract_text, !=, deleted_text);
  g_assert_cmpuint (strlen (deleted_text), <, strlen (subtract_text));
  g_assert_cmpstr (event_text, !=, before_text);

  /* a phase no collection of that line reaches, a phase that does not
   * exist, and too many events are refused with a message */
  g_assert_cmpint (run (&err, g_getenv ("RECLAIM_CLI"), "render", script, "--line", "25", "--phase", "mark",
                        "-o", event, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "mark"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&err, g_getenv ("RECLAIM_CLI"), "render", script, "--phase", "sweeping",
                        "-o", event, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "subtract_refs"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&err, g_getenv ("RECLAIM_CLI"), "render", script, "--event", "99999999",
                        "-o", event, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&err, g_getenv ("RECLAIM_CLI"), "render", script, "--step", "2", "--phase",
                        "update_refs", "-o", event, NULL), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("RECLAIM_CLI") == NULL || g_getenv ("RECLAIM_EXAMPLES") == NULL)
    g_error ("RECLAIM_CLI and RECLAIM_EXAMPLES must be set");
  g_test_add_func ("/figures/svg-fills-close", test_svg_fills_close);
  g_test_add_func ("/figures/pdf-matches-png", test_pdf_matches_png);
  g_test_add_func ("/figures/phase-and-event", test_phase_and_event);
  return g_test_run ();
}
