import type { Bitmap } from './bitmap.js';

export type ColorDepth = 'truecolor' | '256';

const LOWER_HALF = '▄';
const UPPER_HALF = '▀';

/**
 * A picture as lines of half-block cells: each cell shows two pixels, the
 * upper as background and the lower as foreground of `▄`. The bitmap is
 * `columns` wide and twice the rows tall. Transparent pixels show the
 * terminal's own background.
 */
export function blockLines(bitmap: Bitmap, depth: ColorDepth): string[] {
  const lines: string[] = [];
  const color = (layer: 38 | 48, i: number) => {
    const [r, g, b] = [bitmap.data[i]!, bitmap.data[i + 1]!, bitmap.data[i + 2]!];
    return depth === 'truecolor'
      ? `\x1b[${layer};2;${r};${g};${b}m`
      : `\x1b[${layer};5;${xterm256(r, g, b)}m`;
  };
  for (let y = 0; y < bitmap.height; y += 2) {
    let line = '';
    let last = '';
    for (let x = 0; x < bitmap.width; x++) {
      const top = (y * bitmap.width + x) * 4;
      const bottom = y + 1 < bitmap.height ? ((y + 1) * bitmap.width + x) * 4 : -1;
      const topShown = bitmap.data[top + 3]! >= 128;
      const bottomShown = bottom >= 0 && bitmap.data[bottom + 3]! >= 128;
      let cell: string;
      if (topShown && bottomShown) cell = color(48, top) + color(38, bottom) + LOWER_HALF;
      else if (bottomShown) cell = '\x1b[49m' + color(38, bottom) + LOWER_HALF;
      else if (topShown) cell = '\x1b[49m' + color(38, top) + UPPER_HALF;
      else cell = '\x1b[0m ';
      // Repeat no colour the cell before already set.
      const codes = cell.slice(0, -1);
      line += codes === last ? cell.slice(-1) : cell;
      last = codes;
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines;
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** The nearest colour of the xterm 256-colour palette: the 6×6×6 cube or the grey ramp. */
export function xterm256(r: number, g: number, b: number): number {
  const level = (value: number) =>
    value < 48 ? 0 : value < 115 ? 1 : Math.min(5, Math.floor((value - 35) / 40));
  const [cr, cg, cb] = [level(r), level(g), level(b)];
  const cubeError = (CUBE[cr]! - r) ** 2 + (CUBE[cg]! - g) ** 2 + (CUBE[cb]! - b) ** 2;
  const grey = Math.max(0, Math.min(23, Math.round(((r + g + b) / 3 - 8) / 10)));
  const greyValue = 8 + grey * 10;
  const greyError = (greyValue - r) ** 2 + (greyValue - g) ** 2 + (greyValue - b) ** 2;
  return greyError < cubeError ? 232 + grey : 16 + 36 * cr + 6 * cg + cb;
}
