import { outputProfile } from '../text/profile.js';

/**
 * The one theme, for the list, the reader and `cat` alike: what each kind of
 * text looks like, as SGR sequences. A palette is chosen once (from
 * `--theme`, the configuration, or the terminal's background); colours are
 * left out where the output profile says no colour (NO_COLOR, --no-color)
 * and in the mono palette; bold, dim, underline and inverse are not colour
 * and stay.
 */
export type ColorName = 'heading' | 'link' | 'code' | 'warning' | 'accent';

export type ThemeName = 'dark' | 'light' | 'mono';

/** SGR foreground codes: bright on a dark background, deeper on a light one. */
const PALETTES: Record<ThemeName, Record<ColorName, number | null>> = {
  dark: { heading: 95, link: 94, code: 96, warning: 93, accent: 92 },
  light: { heading: 35, link: 34, code: 36, warning: 31, accent: 32 },
  mono: { heading: null, link: null, code: null, warning: null, accent: null },
};

/** A palette as an output may use it: the theme's colours, or none where colour is not allowed. */
export interface Palette {
  theme: ThemeName;
  color: boolean;
}

/** The palette of what is printed (`cat --color`); the browser is given its own. */
let palette: ThemeName = 'dark';

export function setTheme(name: ThemeName): void {
  palette = name;
}

/** The names of the theme's colours, for `color:` in a Paint. */
export const colors = {
  heading: 'heading',
  link: 'link',
  code: 'code',
  warning: 'warning',
  accent: 'accent',
} as const satisfies Record<ColorName, ColorName>;

export interface Paint {
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
  /** Marked text (`<mark>`): dark on yellow, or inverse where there is no colour. */
  highlight?: boolean;
  /** One of the theme's colours. */
  color?: ColorName;
}

/** The SGR sequence that starts a style in a palette (by default, that of what is printed), or '' for none. */
export function sgr(style: Paint, given?: Palette): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  const allowed = given ? given.color : outputProfile().color;
  const theme = given?.theme ?? palette;
  const colorful = allowed && theme !== 'mono';
  if (style.inverse || (style.highlight && !colorful)) codes.push(7);
  if (style.strike) codes.push(9);
  const color = style.color && allowed ? PALETTES[theme][style.color] : null;
  if (style.highlight && colorful) codes.push(30, 43);
  else if (color !== null) codes.push(color);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/** `text` in a style, the style ended after it. */
export function paint(text: string, style: Paint, given?: Palette): string {
  const open = sgr(style, given);
  return open ? `${open}${text}\x1b[0m` : text;
}

/**
 * The palette for a terminal background given as an OSC 11 answer
 * (`ESC ] 11 ; rgb:ffff/ffff/ffff ESC \`): light backgrounds get the light
 * palette. Null when the answer is not a colour.
 */
export function themeForBackground(answer: string): ThemeName | null {
  const match = /\]11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(answer);
  if (!match) return null;
  const [r, g, b] = match.slice(1, 4).map((hex) => parseInt(hex, 16) / (16 ** hex.length - 1));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.5 ? 'light' : 'dark';
}
