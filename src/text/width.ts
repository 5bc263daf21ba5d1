import { createRequire } from 'node:module';
import { eastAsianWidth } from 'get-east-asian-width';
import { glyphs } from './profile.js';

/** Text whose every UTF-16 unit is one column and one character: printable Latin without combining marks. */
const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff]*$/;

/**
 * The one width function: terminal columns, with CJK and emoji two wide,
 * combining marks and zero-width joiners none, a ZWJ sequence one glyph.
 * Emoji, keycaps, Hangul jamo and spacing marks go to string-width, which
 * measures grapheme clusters; all other text is the sum of its code points'
 * East Asian widths, which is what string-width computes for it too.
 */
export function displayWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  if (NEEDS_CLUSTERS.test(text)) return clusterWidth()(text);
  let width = 0;
  for (const character of text) width += codePointWidth(character);
  return width;
}

/**
 * string-width, loaded the first time a text needs it: building its emoji
 * tables and segmenter costs a tenth of `cat`'s start-up, and most articles
 * have no character that needs it. Loaded synchronously, so a width never
 * depends on what was loaded before.
 */
let stringWidth: ((text: string) => number) | undefined;
const require = createRequire(import.meta.url);

function clusterWidth(): (text: string) => number {
  stringWidth ??= (require('string-width') as { default: (text: string) => number }).default;
  return stringWidth;
}

// Joiners and selectors are looked for one by one, not as parts of a character.
const NEEDS_CLUSTERS =
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Extended_Pictographic}\p{RI}\p{Mc}\u200d\ufe0e\ufe0f\u20e3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
/** What can join code points into one user-perceived character. */
const CLUSTERS =
  // eslint-disable-next-line no-misleading-character-class
  /[\p{M}\p{Extended_Pictographic}\p{RI}\u200d\ufe0e\ufe0f\u20e3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const codePointWidths = new Map<string, number>();

function codePointWidth(character: string): number {
  // Most of a Chinese article: CJK Unified Ideographs, East Asian Wide throughout.
  const code = character.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  let width = codePointWidths.get(character);
  if (width === undefined) {
    width = ZERO_WIDTH.test(character)
      ? 0
      : eastAsianWidth(character.codePointAt(0)!, { ambiguousAsWide: false });
    codePointWidths.set(character, width);
  }
  return width;
}

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters: an emoji ZWJ sequence or a letter with its accents is one. */
export function graphemes(text: string): string[] {
  if (ONE_COLUMN_EACH.test(text)) return text.split('');
  // Without marks, joiners, emoji or jamo, every code point is a character of its own (most CJK text).
  if (!CLUSTERS.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The longest start of `text` that fits in `width` columns, cut at a character boundary. */
export function sliceToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return out;
}

/** `text` cut to `width` columns with `…` (`...` in ASCII, see `glyphs`) when it is longer. */
export function truncateToWidth(text: string, width: number, ellipsis = glyphs().ellipsis): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  const room = width - displayWidth(ellipsis);
  return room < 1 ? sliceToWidth(text, width) : `${sliceToWidth(text, room)}${ellipsis}`;
}

/** `text` padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Tabs stop every 8 columns, as terminals and `cat -A` have them. */
const TAB_STOP = 8;

/** Code with its tabs turned into the spaces they stand for, at any line's length in one pass. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const piece of text.split(/(\t|\n)/)) {
    if (piece === '\n') {
      out += piece;
      column = 0;
    } else if (piece === '\t') {
      const spaces = TAB_STOP - (column % TAB_STOP);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += piece;
      column += displayWidth(piece);
    }
  }
  return out;
}
