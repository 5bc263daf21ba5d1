import { outputProfile } from '../text/profile.js';

/**
 * The one theme, for the list, the reader and `cat` alike: what each kind of
 * text looks like, as SGR sequences. Colours are left out where the output
 * profile says no colour (NO_COLOR, --no-color); bold, dim, underline and
 * inverse are not colour and stay.
 */
export const colors = {
  heading: 35,
  link: 34,
  code: 36,
  warning: 33,
} as const;

export interface Paint {
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
  /** One of the theme's colours. */
  color?: (typeof colors)[keyof typeof colors];
}

/** The SGR sequence that starts a style, or '' for none. */
export function sgr(style: Paint): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.strike) codes.push(9);
  if (style.color && outputProfile().color) codes.push(style.color);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/** `text` in a style, the style ended after it. */
export function paint(text: string, style: Paint): string {
  const open = sgr(style);
  return open ? `${open}${text}\x1b[0m` : text;
}
