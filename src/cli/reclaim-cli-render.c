/* reclaim-cli-render.c: "reclaim-cli render SCRIPT.py -o OUT.png", a
 * picture of the heap at one point of a script, without a window.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-cli.h"
#include "reclaim-interp.h"
#include "reclaim-render.h"
#include "reclaim-timeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define MAX_SIZE   16384
#define MAX_SCALE  16.0


typedef struct {
  gint64       step;       /* -1: not asked */
  gint64       line;       /* 0: not asked */
  gboolean     end;
  const char  *phase;      /* a collector phase's name, or NULL */
  ReclaimPhase phase_id;
  gint64       event;      /* -1: not asked */
  const char  *output;
  ReclaimFigureFormat format;
  int          width, height;
  double       scale;
  ReclaimTheme theme;
  gboolean     internals;
  ReclaimCollectorMode collector;
} RenderArgs;

/* The names the trace and the collector's source use; the resurrection
 * check also by the name of CPython's function. */
static gboolean
phase_of (const char *name, ReclaimPhase *phase)
{
  if (g_str_equal (name, "handle_resurrected_objects"))
    name = "check_garbage";
  for (ReclaimPhase p = RECLAIM_PHASE_UPDATE_REFS; p < RECLAIM_N_PHASES; p++)
    if (g_str_equal (name, reclaim_phase_name (p)))
      {
        *phase = p;
        return TRUE;
      }
  return FALSE;
}

static int
usage_error (const char *message)
{
  reclaim_cli_error ("%s (see \"reclaim-cli render --help\")", message);
  return RECLAIM_CLI_EXIT_USAGE;
}

/* Returns 0 when the arguments make sense, else the exit status. */
static int
check_args (RenderArgs *args, const char *theme, const char *collector)
{
  int points = (args->step != -1) + (args->line != 0) + (args->end ? 1 : 0);

  if (points > 1)
    return usage_error ("give one of --step, --line and --end");
  if (args->step < -1 || args->line < 0)
    return usage_error ("--step takes a number from 0, --line a line number from 1");
  if (args->phase && args->event != -1)
    return usage_error ("give --phase or --event, not both");
  if ((args->phase || args->event != -1) && (args->step != -1 || args->end))
    return usage_error ("--phase and --event go with --line or alone, not with --step or --end");
  if (args->event < -1)
    return usage_error ("--event takes a number from 0");
  if (args->phase && !phase_of (args->phase, &args->phase_id))
    return usage_error ("--phase is one of update_refs, subtract_refs, move_unreachable, handle_weakrefs, "
                        "finalize_garbage, check_garbage, delete_garbage, mark and sweep");
  if (args->output == NULL)
    return usage_error ("say where to write the picture with -o FILE.png, .svg or .pdf");
  if (!reclaim_figure_format_for_name (args->output, &args->format))
    {
      reclaim_cli_error ("cannot tell the format of %s: its name must end in .png, .svg or .pdf",
                         args->output);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  if (args->width < 0 || args->height < 0 || args->width > MAX_SIZE || args->height > MAX_SIZE)
    return usage_error ("--width and --height take a size from 1 to 16384");
  if (args->scale < 0 || args->scale > MAX_SCALE)
    return usage_error ("--scale takes a number above 0, up to 16");
  if (theme == NULL || g_str_equal (theme, "light"))
    args->theme = RECLAIM_THEME_LIGHT;
  else if (g_str_equal (theme, "dark"))
    args->theme = RECLAIM_THEME_DARK;
  else
    return usage_error ("--theme is light or dark");
  if (!reclaim_cli_parse_collector (collector, &args->collector))
    return usage_error ("--collector is cpython or marksweep");
  return 0;
}

static void
discard_output (const char *text, gsize len, gpointer user_data)
{
}

static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  fwrite (text, 1, len, stderr);
  fflush (stderr);
}

/* A line of the script as a caption shows it: without its indentation and
 * without a trailing comment. */
static char *
code_of_line (const char *source, guint line)
{
  g_auto (GStrv) lines = g_strsplit (source, "\n", -1);
  char quote = 0;

  if (line == 0 || line > g_strv_length (lines))
    return g_strdup ("");
  char *text = g_strstrip (lines[line - 1]);
  for (char *p = text; *p; p++)
    {
      if (quote && *p == '\\' && p[1])
        p++;
      else if (quote && *p == quote)
        quote = 0;
      else if (!quote && (*p == '\'' || *p == '"'))
        quote = *p;
      else if (!quote && *p == '#')
        {
          *p = '\0';
          break;
        }
    }
  g_strchomp (text);
  if (g_utf8_strlen (text, -1) > 60)
    return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (text, 59) - text), text);
  return g_strdup (text);
}

/* The first collection from position `from` (started by line `line`
 * when it is not 0): the position at the end of its phase `phase`, where
 * the phase's changes are all made; 0 when there is none. */
static guint64
find_phase_end (const ReclaimTimeline *timeline, guint64 from, guint line, ReclaimPhase phase)
{
  ReclaimHeap *heap = timeline->heap;
  gboolean in_collection = FALSE, in_phase = FALSE;

  for (guint64 i = from; i < timeline->end; i++)
    {
      const ReclaimEvent ev = reclaim_heap_get_event (heap, i);
      if (!in_collection)
        {
          in_collection = ev.kind == RECLAIM_EV_GC_START &&
                          (line == 0 || reclaim_heap_get_event_line (heap, i) == line);
          continue;
        }
      if (in_phase && (ev.kind == RECLAIM_EV_GC_PHASE || ev.kind == RECLAIM_EV_GC_END))
        return i;
      if (ev.kind == RECLAIM_EV_GC_PHASE && ev.a == phase)
        in_phase = TRUE;
      else if (ev.kind == RECLAIM_EV_GC_END)
        return 0;
    }
  return 0;
}

/* --phase and --event: a point inside the step found so far, counted from
 * the first run of --line or from the script's start.  0 or an exit
 * status; the caption says where. */
static int
find_position_inside (const RenderArgs *args, const ReclaimTimeline *timeline, const char *name,
                      guint64 *position, char **caption)
{
  guint64 from = args->line > 0 ? *position : timeline->start;
  g_autofree char *where = args->line > 0 ? g_strdup_printf ("line %" G_GINT64_FORMAT, args->line)
                                          : g_strdup ("the script");

  if (args->phase)
    {
      *position = find_phase_end (timeline, from, args->line, args->phase_id);
      if (*position == 0)
        {
          reclaim_cli_error ("no collection of %s reaches the phase %s", where, args->phase);
          return RECLAIM_CLI_EXIT_USAGE;
        }
      *caption = g_strdup_printf ("%s · collection of %s, after its phase %s", name, where,
                                  reclaim_phase_name (args->phase_id));
      return 0;
    }
  if ((guint64) args->event > timeline->end - from)
    {
      reclaim_cli_error ("%s has %" G_GUINT64_FORMAT " events from %s: --event takes 0 to %"
                         G_GUINT64_FORMAT, name, timeline->end - from, where, timeline->end - from);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  *position = from + args->event;
  *caption = g_strdup_printf ("%s · after event %" G_GINT64_FORMAT " of %s", name, args->event, where);
  return 0;
}

/* Where the picture is taken, and its caption; 0 or an exit status. */
static int
find_position (const RenderArgs *args, const ReclaimTimeline *timeline, const char *script,
               const char *source, guint64 *position, char **caption)
{
  g_autofree char *name = g_path_get_basename (script);
  guint n_steps = reclaim_timeline_n_steps (timeline);
  guint step = n_steps;

  if (args->step >= 0)
    {
      if (args->step > n_steps)
        {
          reclaim_cli_error ("%s runs %u steps: --step takes 0 to %u", script, n_steps, n_steps);
          return RECLAIM_CLI_EXIT_USAGE;
        }
      step = args->step;
    }
  else if (args->line > 0 && (args->line > G_MAXUINT ||
                              !reclaim_timeline_find_line (timeline, args->line, &step)))
    {
      reclaim_cli_error ("line %" G_GINT64_FORMAT " of %s never runs", args->line, script);
      return RECLAIM_CLI_EXIT_USAGE;
    }

  *position = reclaim_timeline_step_position (timeline, step);
  if (args->phase || args->event >= 0)
    return find_position_inside (args, timeline, name, position, caption);
  guint next = reclaim_timeline_step_line (timeline, step);
  g_autofree char *code = code_of_line (source, next);
  if (next == 0)
    *caption = g_strdup_printf ("%s · end of the script, after step %u", name, n_steps);
  else if (args->line > 0)
    *caption = g_strdup_printf ("%s · before line %u: %s", name, next, code);
  else
    *caption = g_strdup_printf ("%s · after step %u of %u · next, line %u: %s", name, step, n_steps,
                                next, code);
  return 0;
}

static int
write_figure (const RenderArgs *args, ReclaimRenderer *renderer, const ReclaimScene *scene,
              const ReclaimFigure *figure)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = reclaim_renderer_figure_bytes (renderer, scene, figure, args->format, &error);

  if (bytes == NULL)
    {
      reclaim_cli_error ("cannot draw %s: %s", args->output, error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  /* g_file_set_contents would replace a file by a new one, dropping
   * what the user set on it; write it in place, as any program does */
  FILE *file = fopen (args->output, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;
      reclaim_cli_error ("cannot write %s: %s", args->output, g_strerror (saved_errno));
      return RECLAIM_CLI_EXIT_USAGE;
    }
  gsize length = 0;
  const void *data = g_bytes_get_data (bytes, &length);
  errno = 0;
  gboolean written = fwrite (data, 1, length, file) == length && fflush (file) == 0;
  int saved_errno = errno;
  if (fclose (file) != 0 && written)
    {
      written = FALSE;
      saved_errno = errno;
    }
  if (!written)
    {
      reclaim_cli_error ("cannot write %s: %s", args->output,
                         g_strerror (saved_errno ? saved_errno : EIO));
      return RECLAIM_CLI_EXIT_USAGE;
    }
  return RECLAIM_CLI_EXIT_OK;
}

static int
render (const RenderArgs *args, const char *script, const char *source, gsize length)
{
  ReclaimInterpOptions options = {
    .collector = args->collector,
    .write_stdout = discard_output,
    .write_stderr = write_stderr,
  };
  ReclaimInterp *interp = reclaim_interp_new (&options);
  ReclaimHeap *heap = reclaim_interp_get_heap (interp);
  int status = reclaim_interp_run (interp, source, length, script);
  ReclaimTimeline *timeline = reclaim_timeline_new (heap, reclaim_interp_get_script_start (interp),
                                                      reclaim_interp_get_script_end (interp),
                                                      reclaim_interp_get_module_namespace (interp));
  g_autofree char *caption = NULL;
  guint64 position = 0;

  if (status == 2 || (status != 0 && reclaim_timeline_n_steps (timeline) == 0))
    {
      reclaim_cli_error ("%s does not run: nothing to render", script);
      status = RECLAIM_CLI_EXIT_USAGE;
    }
  else if ((status = find_position (args, timeline, script, source, &position, &caption)) == 0)
    {
      ReclaimSceneOptions scene_options;
      reclaim_heap_seek (heap, position);
      reclaim_timeline_scene_options (timeline, &scene_options);
      reclaim_visibility_set_show_internals (timeline->visibility, args->internals);
      g_autoptr (ReclaimScene) scene = reclaim_scene_new (heap, &scene_options);
      g_autoptr (ReclaimRenderer) renderer = reclaim_renderer_new (args->theme);
      reclaim_renderer_layout (renderer, scene);
      ReclaimFigure figure = {
        .width = args->width,
        .height = args->height,
        .scale = args->scale,
        .caption = caption,
        .legend = TRUE,
      };
      status = write_figure (args, renderer, scene, &figure);
    }
  reclaim_timeline_free (timeline);
  reclaim_interp_free (interp);
  return status;
}

int
reclaim_cli_render (int argc, char **argv)
{
  RenderArgs args = { .step = -1, .event = -1 };
  g_autofree char *output = NULL, *theme = NULL, *collector = NULL, *phase = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_INT64, &args.step,
      "Draw the heap after N statements (0: before the first)", "N" },
    { "line", 0, 0, G_OPTION_ARG_INT64, &args.line,
      "Draw the heap just before line L first runs", "L" },
    { "end", 0, 0, G_OPTION_ARG_NONE, &args.end,
      "Draw the heap after the last statement (the default)", NULL },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase,
      "Draw the heap at the end of a collector phase (update_refs, subtract_refs, ...) of the first "
      "collection of --line, or of the script", "NAME" },
    { "event", 0, 0, G_OPTION_ARG_INT64, &args.event,
      "Draw the heap after N events from the first run of --line, or from the script's start", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the picture to FILE: .png, .svg or .pdf", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width,
      "Width in pixels (default: what the picture needs at the default --scale)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height,
      "Height in pixels (default: what the picture needs at the default --scale)", "H" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &args.scale,
      "Zoom (default: 1, or to fit --width and --height; less for a larger scene: a PNG fits in 2048 pixels a side, or at 0.5 in 4096 while labels would be too small at 2048; SVG and PDF fit in 4096)", "S" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      "light (the default) or dark", "THEME" },
    { "internals", 0, 0, G_OPTION_ARG_NONE, &args.internals,
      "Also draw the interpreter's objects: classes, functions, modules, argument tuples", NULL },
    { "collector", 'c', 0, G_OPTION_ARG_STRING, &collector,
      "The collector: cpython (the default) or marksweep", "NAME" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("SCRIPT.py");

  g_option_context_set_summary (context,
                                "Run a script and draw its objects and references at one point:\n"
                                "frames on the left, objects as cards with their reference counts,\n"
                                "references as arrows.  The format follows the output's extension.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_set_prgname ("reclaim-cli render");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error ("render takes one script");
  args.output = output;
  args.phase = phase;
  int status = check_args (&args, theme, collector);
  if (status != 0)
    return status;

  g_autofree char *source = NULL;
  gsize length = 0;
  if (!g_file_get_contents (argv[1], &source, &length, &error))
    {
      reclaim_cli_error ("cannot read %s: %s", argv[1], error->message);
      return RECLAIM_CLI_EXIT_USAGE;
    }
  return render (&args, argv[1], source, length);
}
