/* reclaim-cli-lesson-export.c: "reclaim-cli lesson export FILE -o DIR",
 * a handout of a lesson for documentation and for printing.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout holds each step's narration, its code, what the code prints
 * and a figure of the heap after it (an SVG drawn by the renderer the
 * window uses, with alt text listing the objects and references shown).
 * A checkpoint's answer and a task's reference solution are folded away
 * in HTML (<details>), so that a reader can still predict first.
 *
 * Unlike the rest of reclaim-cli, a handout speaks the user's language: the
 * lesson's prose and the handout's own words are translated.
 */
#include "reclaim-cli.h"
#include "reclaim-cli-lesson.h"
#include "reclaim-lesson.h"
#include "reclaim-render.h"

#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef enum {
  HANDOUT_HTML,
  HANDOUT_MARKDOWN,
} HandoutFormat;

typedef struct {
  const ReclaimLesson   *lesson;
  const ReclaimLessonRun *run;
  ReclaimLessonPlayback *playback;
  ReclaimRenderer       *renderer;
  const char            *dir;
  HandoutFormat          format;
  GString               *text;
  gboolean               drew;       /* a figure was drawn, at `previous` */
  guint64                previous;
} Handout;

static int
usage_error (const char *message)
{
  reclaim_cli_error ("%s (see \"reclaim-cli lesson export --help\")", message);
  return RECLAIM_CLI_EXIT_USAGE;
}

/* ---- markdown to HTML: paragraphs, lists, `code`, **strong**, *em* ---- */

static void
append_escaped (GString *out, const char *text, gssize len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* Appends text up to the closing delimiter as HTML inside tag; the position
 * after it, or NULL when it never closes. */
static const char *
append_span (GString *out, const char *start, const char *delimiter, const char *tag)
{
  const char *end = strstr (start, delimiter);

  if (end == NULL || end == start)
    return NULL;
  g_string_append_printf (out, "<%s>", tag);
  append_escaped (out, start, end - start);
  g_string_append_printf (out, "</%s>", tag);
  return end + strlen (delimiter);
}

static void
append_inline_html (GString *out, const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *next = NULL;
      if (*p == '`')
        next = append_span (out, p + 1, "`", "code");
      else if (g_str_has_prefix (p, "**"))
        next = append_span (out, p + 2, "**", "strong");
      else if (*p == '*')
        next = append_span (out, p + 1, "*", "em");
      if (next != NULL)
        {
          p = next;
          continue;
        }
      const char *char_end = g_utf8_next_char (p);
      append_escaped (out, p, char_end - p);
      p = char_end;
    }
}

static gboolean
is_list_item (const char *line)
{
  return g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* ");
}

static void
append_markdown_html (GString *out, const char *markdown)
{
  g_auto (GStrv) lines = g_strsplit (markdown, "\n", -1);
  gboolean in_paragraph = FALSE, in_list = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      gboolean blank = *g_strstrip (lines[i]) == '\0';
      if ((blank || is_list_item (line)) && in_paragraph)
        {
          g_string_append (out, "</p>\n");
          in_paragraph = FALSE;
        }
      if (!is_list_item (line) && in_list && (blank || !in_paragraph))
        {
          g_string_append (out, "</ul>\n");
          in_list = FALSE;
        }
      if (blank)
        continue;
      if (is_list_item (line))
        {
          g_string_append (out, in_list ? "<li>" : "<ul>\n<li>");
          in_list = TRUE;
          append_inline_html (out, line + 2);
          g_string_append (out, "</li>\n");
          continue;
        }
      g_string_append (out, in_paragraph ? "\n" : "<p>");
      in_paragraph = TRUE;
      append_inline_html (out, line);
    }
  if (in_paragraph)
    g_string_append (out, "</p>\n");
  if (in_list)
    g_string_append (out, "</ul>\n");
}

/* ---- figures ---- */

static cairo_status_t
write_to_file (void *closure, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_svg (ReclaimRenderer *renderer, const ReclaimScene *scene, const ReclaimFigure *figure,
           const char *path)
{
  int width, height;
  double scale;
  FILE *file = g_fopen (path, "wb");

  if (file == NULL)
    {
      int saved_errno = errno;
      reclaim_cli_error ("cannot write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  reclaim_renderer_figure_size (renderer, scene, figure, &width, &height, &scale);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write_to_file, file, width, height);
  cairo_t *cr = cairo_create (surface);
  reclaim_renderer_draw_figure (renderer, cr, scene, figure);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (fclose (file) != 0 && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      reclaim_cli_error ("cannot write %s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Draws step index's figure into the handout's directory; its file name,
 * alt text and what changed since the last figure (or NULL), or FALSE
 * after saying why. */
static gboolean
draw_step (Handout *handout, guint index, char **file_name, char **alt, char **changes)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (handout->lesson, index);
  guint n_steps = reclaim_lesson_n_steps (handout->lesson);
  g_autoptr (GError) error = NULL;
  guint64 position;

  if (!reclaim_lesson_playback_position (handout->playback, index, &position, &error))
    {
      reclaim_cli_error ("%s", error->message);
      return FALSE;
    }
  /* the last picture again, seen as this step shows things, so that
   * objects shown or hidden by interpreter= do not count as changes */
  g_autoptr (ReclaimScene) before = handout->drew
    ? reclaim_lesson_playback_scene (handout->playback, index, handout->previous) : NULL;
  g_autoptr (ReclaimScene) scene = reclaim_lesson_playback_scene (handout->playback, index, position);
  reclaim_renderer_layout (handout->renderer, scene);
  g_autofree char *caption = step->phase != RECLAIM_PHASE_NONE
    /* Translators: a figure's caption: the lesson's title, the step, the
     * collector phase it stops after (update_refs, ...) */
    ? g_strdup_printf (_("%s · step %u of %u · after %s"), handout->lesson->title, index + 1,
                       n_steps, reclaim_phase_name (step->phase))
    /* Translators: a figure's caption: the lesson's title, the step */
    : g_strdup_printf (_("%s · step %u of %u"), handout->lesson->title, index + 1, n_steps);
  ReclaimDecorations decorations;
  reclaim_lesson_highlight (scene, step->show, &decorations);
  ReclaimFigure figure = { .caption = caption, .legend = TRUE, .decorations = &decorations };
  *file_name = g_strdup_printf ("step-%02u.svg", index + 1);
  g_autofree char *path = g_build_filename (handout->dir, *file_name, NULL);
  *alt = reclaim_lesson_describe_scene (scene);
  if (step->show != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", step->show);
      /* Translators: alt text of a figure: what it shows, then the names
       * of the objects the step points at */
      char *longer = g_strdup_printf (_("%s Look at: %s."), *alt, names);
      g_free (*alt);
      *alt = longer;
    }
  gboolean written = write_svg (handout->renderer, scene, &figure, path);
  g_free ((gpointer) decorations.cards);
  g_free ((gpointer) decorations.arrows);
  *changes = before ? reclaim_lesson_describe_changes (before, scene) : NULL;
  handout->drew = TRUE;
  handout->previous = position;
  return written;
}

/* ---- the handout's text ---- */

static void
append_block (Handout *handout, const char *css_class, const char *text)
{
  if (handout->format == HANDOUT_HTML)
    {
      g_string_append_printf (handout->text, "<pre class=\"%s\"><code>", css_class);
      append_escaped (handout->text, text, -1);
      g_string_append (handout->text, "</code></pre>\n");
    }
  else
    g_string_append_printf (handout->text, "```%s\n%s%s```\n\n",
                            g_str_equal (css_class, "code") ? "python" : "",
                            text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

static void
append_markdown (Handout *handout, const char *markdown)
{
  if (handout->format == HANDOUT_HTML)
    append_markdown_html (handout->text, markdown);
  else
    g_string_append_printf (handout->text, "%s\n\n", markdown);
}

/* A folded part: the answer, the solution. */
static void
append_folded (Handout *handout, const char *summary, const char *css_class, const char *text)
{
  if (handout->format == HANDOUT_HTML)
    {
      g_string_append_printf (handout->text, "<details><summary>%s</summary>\n", summary);
      append_block (handout, css_class, text);
      g_string_append (handout->text, "</details>\n");
    }
  else
    {
      g_string_append_printf (handout->text, "**%s:**\n\n", summary);
      append_block (handout, css_class, text);
    }
}

static void
append_prompt (Handout *handout, guint index, const ReclaimLessonStep *step)
{
  GString *out = handout->text;
  gboolean html = handout->format == HANDOUT_HTML;

  g_string_append_printf (out, html ? "<div class=\"%s\"><h3>%s</h3>\n" : "**%s%s:**\n\n",
                          html ? (step->task ? "task" : "predict") : "",
                          step->task ? _("Task") : _("Predict, then reveal"));
  append_markdown (handout, step->prompt);
  if (step->choices != NULL)
    {
      g_autoptr (GString) items = g_string_new (NULL);
      for (guint i = 0; step->choices[i]; i++)
        g_string_append_printf (items, "%s- `%s`", i ? "\n" : "", step->choices[i]);
      append_markdown (handout, items->str);
    }
  if (step->task && step->hint)
    {
      /* Translators: Markdown; keep the stars */
      g_autofree char *hint = g_strdup_printf (_("*Hint:* %s"), step->hint);
      append_markdown (handout, hint);
    }
  if (html)
    g_string_append (out, "</div>\n");
}

/* What the figure changed since the one before, under it. */
static void
append_changes (Handout *handout, const char *changes)
{
  if (changes == NULL)
    return;
  /* Translators: Markdown, under a figure; keep the stars */
  g_autofree char *line = g_strdup_printf (_("*Since the step before:* %s"), changes);
  if (handout->format == HANDOUT_HTML)
    g_string_append (handout->text, "<div class=\"changes\">");
  append_markdown (handout, line);
  if (handout->format == HANDOUT_HTML)
    g_string_append (handout->text, "</div>\n");
}

static gboolean
append_step (Handout *handout, guint index)
{
  const ReclaimLessonStep *step = reclaim_lesson_get_step (handout->lesson, index);
  gboolean html = handout->format == HANDOUT_HTML;
  g_autofree char *answer = reclaim_lesson_answer (handout->run, index);
  g_autofree char *figure = NULL, *alt = NULL, *changes = NULL;

  g_autofree char *heading = g_strdup_printf (_("Step %u"), index + 1);
  if (html)
    g_string_append_printf (handout->text, "<section id=\"step-%u\">\n<h2>%s</h2>\n", index + 1,
                            heading);
  else
    g_string_append_printf (handout->text, "## %s\n\n", heading);
  if (step->narration)
    append_markdown (handout, step->narration);
  if (step->prompt)
    append_prompt (handout, index, step);
  if (step->code && step->task)
    append_folded (handout, _("Reference solution"), "code", step->code);
  else if (step->code)
    append_block (handout, "code", step->code);
  if (step->predict)
    append_folded (handout, _("Answer"), "output", answer);
  else if (*answer)
    append_block (handout, "output", handout->run->step_output[index]);
  if (step->last_line != 0)
    {
      if (!draw_step (handout, index, &figure, &alt, &changes))
        return FALSE;
      g_autofree char *alt_html = g_markup_escape_text (alt, -1);
      if (html)
        g_string_append_printf (handout->text, "<figure><img src=\"%s\" alt=\"%s\"></figure>\n",
                                figure, alt_html);
      else
        g_string_append_printf (handout->text, "![%s](%s)\n\n", alt, figure);
      append_changes (handout, changes);
    }
  if (html)
    g_string_append (handout->text, "</section>\n");
  return TRUE;
}

static const char html_head[] =
  "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
  "<style>\n"
  "body { font-family: sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }\n"
  "pre { background: #f4f4f4; padding: .6em; overflow-x: auto; }\n"
  "pre.output { background: #eef6ee; }\n"
  ".predict, .task { border-left: 4px solid #3584e4; padding-left: 1em; }\n"
  ".task { border-color: #e66100; }\n"
  "figure img { max-width: 100%%; }\n"
  "section { page-break-inside: avoid; }\n"
  ".changes { color: #555; font-size: 90%%; }\n"
  "</style>\n</head>\n<body>\n";

static void
append_title (Handout *handout)
{
  const ReclaimLesson *lesson = handout->lesson;
  /* Translators: Markdown, below a handout's title: the lesson's summary,
   * what it assumes, the CPython version, its minutes */
  g_autofree char *meta = g_strdup_printf (_("*%s* · Assumes: %s · CPython %s · about %u minutes"),
                                           lesson->summary, lesson->assumes, lesson->cpython,
                                           lesson->minutes);

  if (handout->format == HANDOUT_HTML)
    {
      g_autofree char *title = g_markup_escape_text (lesson->title, -1);
      /* Translators: the code of your language, for the lang attribute of
       * an HTML handout ("de" for German) */
      g_string_append_printf (handout->text, html_head, _("en"), title);
      g_string_append_printf (handout->text, "<h1>%s</h1>\n", title);
    }
  else
    g_string_append_printf (handout->text, "# %s\n\n", lesson->title);
  append_markdown (handout, meta);
}

static int
write_handout (Handout *handout)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stem = g_path_get_basename (handout->lesson->filename);

  append_title (handout);
  for (guint i = 0; i < reclaim_lesson_n_steps (handout->lesson); i++)
    if (!append_step (handout, i))
      return RECLAIM_CLI_EXIT_USAGE;
  if (handout->format == HANDOUT_HTML)
    g_string_append (handout->text, "</body>\n</html>\n");

  if (g_str_has_suffix (stem, ".py"))
    stem[strlen (stem) - 3] = '\0';
  g_autofree char *name = g_strconcat (stem, handout->format == HANDOUT_HTML ? ".html" : ".md", NULL);
  g_autofree char *path = g_build_filename (handout->dir, name, NULL);
  if (!g_file_set_contents (path, handout->text->str, handout->text->len, &error))
    {
      reclaim_cli_error ("cannot write %s: %s", path, error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  printf ("%s\n", path);
  return RECLAIM_CLI_EXIT_OK;
}

static int
export_lesson (const char *path, const char *dir, HandoutFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ReclaimLesson) lesson = reclaim_lesson_load (path, &error);
  g_autoptr (ReclaimLessonRun) run = NULL;
  g_autoptr (ReclaimLessonPlayback) playback = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (lesson != NULL)
    reclaim_lesson_translate (lesson);
  if (lesson == NULL || (run = reclaim_lesson_run (lesson, &error)) == NULL
      || (playback = reclaim_lesson_playback_new (lesson, &error)) == NULL)
    {
      reclaim_cli_error ("%s", error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      reclaim_cli_error ("cannot make the directory %s: %s", dir, g_strerror (saved_errno));
      return RECLAIM_CLI_EXIT_USAGE;
    }
  g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (RECLAIM_THEME_LIGHT);
  g_autoptr (GString) text = g_string_new (NULL);
  Handout handout = { lesson, run, playback, renderer, dir, format, text, FALSE, 0 };
  return write_handout (&handout);
}

int
reclaim_cli_lesson_export (int argc, char **argv)
{
  g_autofree char *output = NULL, *format_name = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the handout and its figures into DIR (made if missing)", "DIR" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      "html (the default) or md", "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE.py");
  HandoutFormat format = HANDOUT_HTML;

  g_option_context_set_summary (context,
                                "Write a handout of a lesson: each step's narration, code and output,\n"
                                "and an SVG figure of the heap after it, with alt text.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_set_prgname ("reclaim-cli lesson export");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error ("export takes one lesson file");
  if (output == NULL)
    return usage_error ("say where to write the handout with -o DIR");
  if (format_name != NULL && g_str_equal (format_name, "md"))
    format = HANDOUT_MARKDOWN;
  else if (format_name != NULL && !g_str_equal (format_name, "html"))
    return usage_error ("--format is html or md");
  return export_lesson (argv[1], output, format);
}
