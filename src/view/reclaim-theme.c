/* reclaim-theme.c: the colours of the light and dark themes.
 *
 * Copyright 2026 The Reclaim developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reclaim-theme.h"

/* 0xRRGGBBAA */
static const guint32 palette[2][RECLAIM_N_COLORS] = {
  [RECLAIM_THEME_LIGHT] = {
    [RECLAIM_COLOR_BACKGROUND] = 0xf7f8faff,
    [RECLAIM_COLOR_CARD] = 0xffffffff,
    [RECLAIM_COLOR_BORDER] = 0xc9ced6ff,
    [RECLAIM_COLOR_SHADOW] = 0x1018281a,
    [RECLAIM_COLOR_TEXT] = 0x1d2939ff,
    [RECLAIM_COLOR_MUTED] = 0x667085ff,
    [RECLAIM_COLOR_SEPARATOR] = 0xeef0f3ff,
    [RECLAIM_COLOR_ARROW] = 0x475467ff,
    [RECLAIM_COLOR_WEAK_ARROW] = 0x7a5af8ff,
    [RECLAIM_COLOR_GEN0] = 0xdbeafeff,
    [RECLAIM_COLOR_GEN1] = 0xd3f3dfff,
    [RECLAIM_COLOR_GEN2] = 0xfdefc3ff,
    [RECLAIM_COLOR_PERMANENT] = 0xe9e3fdff,
    [RECLAIM_COLOR_UNTRACKED] = 0xeceef2ff,
    [RECLAIM_COLOR_FRAME_BODY] = 0xf0f2f5ff,
    [RECLAIM_COLOR_FRAME_HEADER] = 0xe1e5eaff,
    [RECLAIM_COLOR_FRAME_BORDER] = 0xb9c0caff,
    [RECLAIM_COLOR_UNREACHABLE] = 0xd92d20ff,
    [RECLAIM_COLOR_COLLECTING] = 0xf79009ff,
    [RECLAIM_COLOR_RC_BADGE] = 0x344054ff,
    [RECLAIM_COLOR_RC_BADGE_TEXT] = 0xffffffff,
    [RECLAIM_COLOR_GC_BADGE] = 0xf79009ff,
    [RECLAIM_COLOR_GC_BADGE_TEXT] = 0xffffffff,
    [RECLAIM_COLOR_DEL_BADGE] = 0xfee4e2ff,
    [RECLAIM_COLOR_DEL_BADGE_TEXT] = 0xb42318ff,
    [RECLAIM_COLOR_WEAK_BADGE] = 0xebe9feff,
    [RECLAIM_COLOR_WEAK_BADGE_TEXT] = 0x5925dcff,
    [RECLAIM_COLOR_SELECTION] = 0x1c71d8ff,
    [RECLAIM_COLOR_HIGHLIGHT] = 0xc11574ff,
    [RECLAIM_COLOR_MOVED_BACK] = 0x079455ff,
    [RECLAIM_COLOR_RESURRECTED] = 0x0e9384ff,
    [RECLAIM_COLOR_FLASH] = 0xfde272ff,
    [RECLAIM_COLOR_GARBAGE] = 0xb42318ff,
  },
  [RECLAIM_THEME_DARK] = {
    [RECLAIM_COLOR_BACKGROUND] = 0x16181dff,
    [RECLAIM_COLOR_CARD] = 0x23262dff,
    [RECLAIM_COLOR_BORDER] = 0x3d424dff,
    [RECLAIM_COLOR_SHADOW] = 0x00000066,
    [RECLAIM_COLOR_TEXT] = 0xe6e8ecff,
    [RECLAIM_COLOR_MUTED] = 0x98a2b3ff,
    [RECLAIM_COLOR_SEPARATOR] = 0x2e323aff,
    [RECLAIM_COLOR_ARROW] = 0xa4acb9ff,
    [RECLAIM_COLOR_WEAK_ARROW] = 0xa48afbff,
    [RECLAIM_COLOR_GEN0] = 0x1e3a5fff,
    [RECLAIM_COLOR_GEN1] = 0x1f4130ff,
    [RECLAIM_COLOR_GEN2] = 0x4a3a12ff,
    [RECLAIM_COLOR_PERMANENT] = 0x3b2f63ff,
    [RECLAIM_COLOR_UNTRACKED] = 0x30343cff,
    [RECLAIM_COLOR_FRAME_BODY] = 0x1c1f25ff,
    [RECLAIM_COLOR_FRAME_HEADER] = 0x2b2f37ff,
    [RECLAIM_COLOR_FRAME_BORDER] = 0x464c58ff,
    [RECLAIM_COLOR_UNREACHABLE] = 0xf97066ff,
    [RECLAIM_COLOR_COLLECTING] = 0xfdb022ff,
    [RECLAIM_COLOR_RC_BADGE] = 0xd0d5ddff,
    [RECLAIM_COLOR_RC_BADGE_TEXT] = 0x16181dff,
    [RECLAIM_COLOR_GC_BADGE] = 0xfdb022ff,
    [RECLAIM_COLOR_GC_BADGE_TEXT] = 0x16181dff,
    [RECLAIM_COLOR_DEL_BADGE] = 0x55160cff,
    [RECLAIM_COLOR_DEL_BADGE_TEXT] = 0xfda29bff,
    [RECLAIM_COLOR_WEAK_BADGE] = 0x2d1f66ff,
    [RECLAIM_COLOR_WEAK_BADGE_TEXT] = 0xbdb4feff,
    [RECLAIM_COLOR_SELECTION] = 0x78aeedff,
    [RECLAIM_COLOR_HIGHLIGHT] = 0xf670c7ff,
    [RECLAIM_COLOR_MOVED_BACK] = 0x47cd89ff,
    [RECLAIM_COLOR_RESURRECTED] = 0x2ed3b7ff,
    [RECLAIM_COLOR_FLASH] = 0xfde272ff,
    [RECLAIM_COLOR_GARBAGE] = 0xfda29bff,
  },
};

ReclaimColor
reclaim_theme_color (ReclaimTheme theme, ReclaimColorRole role)
{
  guint32 c = palette[theme == RECLAIM_THEME_DARK][role];
  return (ReclaimColor) { (c >> 24) / 255.0, ((c >> 16) & 0xff) / 255.0,
                          ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0 };
}

ReclaimColorRole
reclaim_theme_generation_role (int generation)
{
  switch (generation)
    {
    case 0: return RECLAIM_COLOR_GEN0;
    case 1: return RECLAIM_COLOR_GEN1;
    case 2: return RECLAIM_COLOR_GEN2;
    case 3: return RECLAIM_COLOR_PERMANENT;
    default: return RECLAIM_COLOR_UNTRACKED;
    }
}
