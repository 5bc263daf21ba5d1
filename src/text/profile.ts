/**
 * What the output may use beyond plain text, decided once when the program
 * starts: colour (not under NO_COLOR or --no-color; bold, dim and inverse
 * are not colour and stay), and characters beyond ASCII for rules, bars and
 * markers (not in a C or other non-UTF-8 locale, whose terminal would show
 * box drawing as garbage).
 */
export interface OutputProfile {
  color: boolean;
  unicode: boolean;
}

/** The characters broadsheet draws with itself: box drawing and markers, or their ASCII stand-ins. */
export interface Glyphs {
  rule: string;
  bar: string;
  cross: string;
  /** Where a rule meets a column's bar on its left (`├`) and on its right (`┤`). */
  teeRight: string;
  teeLeft: string;
  pointer: string;
  star: string;
  open: string;
  closed: string;
  bullets: readonly string[];
  continued: string;
  /** What stands for text cut short, and what goes between facts on one line (`date · author`). */
  ellipsis: string;
  separator: string;
  /** Around a search or title quoted on the status line; a dash between a title and what follows. */
  quotes: readonly [string, string];
  dash: string;
}

const UNICODE_GLYPHS: Glyphs = {
  rule: '─', bar: '│', cross: '┼', teeRight: '├', teeLeft: '┤', pointer: '▸', star: '★', open: '▾', closed: '▸', bullets: ['•', '◦', '▪'], continued: '↩', ellipsis: '…', separator: ' · ', quotes: ['“', '”'], dash: ' — ',
}; // prettier-ignore
const ASCII_GLYPHS: Glyphs = {
  rule: '-', bar: '|', cross: '+', teeRight: '+', teeLeft: '+', pointer: '>', star: '*', open: 'v', closed: '>', bullets: ['*', '-', '+'], continued: '\\', ellipsis: '...', separator: ' - ', quotes: ['"', '"'], dash: ' - ',
}; // prettier-ignore

let profile: OutputProfile = { color: true, unicode: true };

export function setOutputProfile(next: OutputProfile): void {
  profile = next;
}

export function outputProfile(): OutputProfile {
  return profile;
}

export function glyphs(): Glyphs {
  return glyphsOf(profile);
}

/** The characters an output of this profile draws with. */
export function glyphsOf(output: Pick<OutputProfile, 'unicode'>): Glyphs {
  return output.unicode ? UNICODE_GLYPHS : ASCII_GLYPHS;
}

/** `text` in the quotes of the output's profile. */
export function quoted(text: string): string {
  const [open, close] = glyphs().quotes;
  return `${open}${text}${close}`;
}

/** True when the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG); Windows terminals are. */
export function isUnicodeLocale(env: NodeJS.ProcessEnv, platform = process.platform): boolean {
  if (platform === 'win32') return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** Colour is allowed unless --no-color or NO_COLOR (any non-empty value) says otherwise. */
export function colorAllowed(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  return !env.NO_COLOR;
}
