/* app-test-util.h: what the window tests share: the main loop turned,
 * a window closed without questions, the script's text read back.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reclaim-window-private.h"

/* Lets the main loop handle what is pending (a few rounds, no waiting). */
void   iterate          (void);
/* Turns the main loop for ms milliseconds. */
void   iterate_for      (guint ms);
/* Destroys the window as if the user had said to discard it, and drops
 * the test's reference. */
void   close_window     (ReclaimWindow *window);
/* The script as the window's text view has it (free it). */
char  *script_text      (ReclaimWindow *window);
/* The line the window highlights as running (from 1), or 0. */
guint  highlighted_line (ReclaimWindow *window);
