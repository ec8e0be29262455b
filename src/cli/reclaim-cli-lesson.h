/* reclaim-cli-lesson.h: what the files of "reclaim-cli lesson" share.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NAME.out beside NAME.py: what python3 printed for the lesson. */
char       *reclaim_cli_lesson_output_path (const char *path);

/* "reclaim-cli lesson export": argv[0] is "export". */
int         reclaim_cli_lesson_export      (int argc, char **argv);

G_END_DECLS
