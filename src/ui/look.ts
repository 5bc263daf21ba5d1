import type { Palette } from '../render/theme.js';
import { glyphsOf, type Glyphs, type OutputProfile } from '../text/profile.js';

/** How the browser draws: its palette, and the characters of its rules, bars and markers. */
export interface Look {
  palette: Palette;
  glyphs: Glyphs;
}

/** The look of an output of this profile (colour allowed or not, Unicode or ASCII) in a theme. */
export function lookOf(profile: OutputProfile, theme: Palette['theme']): Look {
  return { palette: { theme, color: profile.color }, glyphs: glyphsOf(profile) };
}

/** The look where nothing says otherwise: dark, in colour, with Unicode. */
export const DEFAULT_LOOK: Look = lookOf({ color: true, unicode: true }, 'dark');
