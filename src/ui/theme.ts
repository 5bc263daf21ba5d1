import { outputProfile } from '../text/profile.js';

/** The TUI's styles, in one place: SGR sequences around text. */
export interface Paint {
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  /** A 16-colour SGR foreground code (31–37, 90–97). */
  color?: number;
}

export function paint(text: string, style: Paint): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.inverse) codes.push(7);
  if (style.color && outputProfile().color) codes.push(style.color);
  return codes.length ? `\x1b[${codes.join(';')}m${text}\x1b[0m` : text;
}

export const colors = {
  heading: 35,
  warning: 33,
} as const;
