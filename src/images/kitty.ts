import { deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap.js';

/**
 * The kitty graphics protocol (kitty, Ghostty, and terminals that follow
 * them). Pixels go as zlib-compressed RGBA (`f=32,o=z`) in base64 chunks of
 * 4096 bytes; `q=2` keeps the terminal's replies out of the input.
 */

const CHUNK = 4096;

function transmit(bitmap: Bitmap, control: string): string {
  const payload = deflateSync(bitmap.data).toString('base64');
  const head = `${control},f=32,o=z,s=${bitmap.width},v=${bitmap.height},q=2`;
  let out = '';
  for (let at = 0; at < payload.length || at === 0; at += CHUNK) {
    const more = at + CHUNK < payload.length ? 1 : 0;
    out += `\x1b_G${at === 0 ? `${head},` : ''}m=${more};${payload.slice(at, at + CHUNK)}\x1b\\`;
  }
  return out;
}

/** Transmits and shows the picture at the cursor, `columns` × `rows` cells; with an id, to be freed later. */
export function kittyDirect(bitmap: Bitmap, columns: number, rows: number, id?: number): string {
  return transmit(bitmap, `a=T,${id === undefined ? '' : `i=${id},`}c=${columns},r=${rows}`);
}

/**
 * Transmits the picture with a virtual placement (`U=1`): the terminal draws
 * it wherever placeholder text for `id` is printed.
 */
export function kittyVirtual(bitmap: Bitmap, id: number, columns: number, rows: number): string {
  return transmit(bitmap, `a=T,U=1,i=${id},c=${columns},r=${rows}`);
}

/** Frees the picture and its placements. */
export function kittyDelete(id: number): string {
  return `\x1b_Ga=d,d=I,i=${id},q=2\x1b\\`;
}

/**
 * Placeholder text for a virtual placement: each cell is U+10EEEE with a row
 * and a column diacritic, in a foreground colour that spells the image id.
 * Each line names its own row, so any window of the lines draws correctly.
 */
export function kittyPlaceholderLines(id: number, columns: number, rows: number): string[] {
  const color = `\x1b[38;2;${(id >> 16) & 255};${(id >> 8) & 255};${id & 255}m`;
  const lines: string[] = [];
  for (let row = 0; row < Math.min(rows, DIACRITICS.length); row++) {
    let line = color;
    for (let column = 0; column < Math.min(columns, DIACRITICS.length); column++) {
      line += `\u{10EEEE}${DIACRITICS[row]}${DIACRITICS[column]}`;
    }
    lines.push(`${line}\x1b[39m`);
  }
  return lines;
}

/**
 * The row and column diacritics of kitty's placeholder scheme: the combining
 * marks of class 230 in Unicode 6.0 that no canonical decomposition uses, in
 * code point order (297 of them).
 */
const DIACRITICS = (
  '305 30d 30e 310 312 33d 33e 33f 346 34a 34b 34c 350 351 352 357 35b 363 364 365 366 367 368 369 36a 36b 36c 36d ' +
  '36e 36f 483 484 485 486 487 592 593 594 595 597 598 599 59c 59d 59e 59f 5a0 5a1 5a8 5a9 5ab 5ac 5af 5c4 610 611 ' +
  '612 613 614 615 616 617 657 658 659 65a 65b 65d 65e 6d6 6d7 6d8 6d9 6da 6db 6dc 6df 6e0 6e1 6e2 6e4 6e7 6e8 6eb ' +
  '6ec 730 732 733 735 736 73a 73d 73f 740 741 743 745 747 749 74a 7eb 7ec 7ed 7ee 7ef 7f0 7f1 7f3 816 817 818 819 ' +
  '81b 81c 81d 81e 81f 820 821 822 823 825 826 827 829 82a 82b 82c 82d 951 953 954 f82 f83 f86 f87 135d 135e 135f ' +
  '17dd 193a 1a17 1a75 1a76 1a77 1a78 1a79 1a7a 1a7b 1a7c 1b6b 1b6d 1b6e 1b6f 1b70 1b71 1b72 1b73 1cd0 1cd1 1cd2 ' +
  '1cda 1cdb 1ce0 1dc0 1dc1 1dc3 1dc4 1dc5 1dc6 1dc7 1dc8 1dc9 1dcb 1dcc 1dd1 1dd2 1dd3 1dd4 1dd5 1dd6 1dd7 1dd8 ' +
  '1dd9 1dda 1ddb 1ddc 1ddd 1dde 1ddf 1de0 1de1 1de2 1de3 1de4 1de5 1de6 1dfe 20d0 20d1 20d4 20d5 20d6 20d7 20db ' +
  '20dc 20e1 20e7 20e9 20f0 2cef 2cf0 2cf1 2de0 2de1 2de2 2de3 2de4 2de5 2de6 2de7 2de8 2de9 2dea 2deb 2dec 2ded ' +
  '2dee 2def 2df0 2df1 2df2 2df3 2df4 2df5 2df6 2df7 2df8 2df9 2dfa 2dfb 2dfc 2dfd 2dfe 2dff a66f a67c a67d a6f0 ' +
  'a6f1 a8e0 a8e1 a8e2 a8e3 a8e4 a8e5 a8e6 a8e7 a8e8 a8e9 a8ea a8eb a8ec a8ed a8ee a8ef a8f0 a8f1 aab0 aab2 aab3 ' +
  'aab7 aab8 aabe aabf aac1 fe20 fe21 fe22 fe23 fe24 fe25 fe26 10a0f 10a38 1d185 1d186 1d187 1d188 1d189 1d1aa ' +
  '1d1ab 1d1ac 1d1ad 1d242 1d243 1d244'
)
  .split(' ')
  .map((hex) => String.fromCodePoint(Number.parseInt(hex, 16)));

/** The most rows or columns a placeholder can address. */
export const KITTY_MAX_CELLS = DIACRITICS.length;
