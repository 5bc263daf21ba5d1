import type { Bitmap } from './bitmap.js';

/** Channel levels of the palette: 6 × 7 × 6 = 252 colours, green finest as the eye is. */
const LEVELS = [6, 7, 6] as const;

function paletteIndex(r: number, g: number, b: number): number {
  const q = (value: number, levels: number) => Math.round((value / 255) * (levels - 1));
  return (q(r, LEVELS[0]) * LEVELS[1] + q(g, LEVELS[1])) * LEVELS[2] + q(b, LEVELS[2]);
}

function paletteColor(index: number): [number, number, number] {
  const b = index % LEVELS[2];
  const g = Math.floor(index / LEVELS[2]) % LEVELS[1];
  const r = Math.floor(index / (LEVELS[1] * LEVELS[2]));
  // Sixel colour registers take percentages.
  return [r / (LEVELS[0] - 1), g / (LEVELS[1] - 1), b / (LEVELS[2] - 1)].map((v) =>
    Math.round(v * 100),
  ) as [number, number, number];
}

/**
 * A picture as a sixel DCS sequence: colour registers for the colours used,
 * then bands six pixels tall, one pass per colour, runs compressed with `!`.
 * Transparent pixels are left unpainted.
 */
export function sixelImage(bitmap: Bitmap): string {
  const { width, height, data } = bitmap;
  const indexes = new Int16Array(width * height);
  const used = new Set<number>();
  for (let i = 0; i < width * height; i++) {
    if (data[i * 4 + 3]! < 128) {
      indexes[i] = -1;
      continue;
    }
    const index = paletteIndex(data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!);
    indexes[i] = index;
    used.add(index);
  }
  let out = `\x1bP0;1;0q"1;1;${width};${height}`;
  for (const index of used) out += `#${index};2;${paletteColor(index).join(';')}`;
  for (let band = 0; band < height; band += 6) {
    const colors = new Set<number>();
    for (let y = band; y < Math.min(height, band + 6); y++) {
      for (let x = 0; x < width; x++)
        if (indexes[y * width + x]! >= 0) colors.add(indexes[y * width + x]!);
    }
    let first = true;
    for (const color of colors) {
      if (!first) out += '$';
      first = false;
      out += `#${color}`;
      let run = '';
      let runLength = 0;
      const flush = () => {
        if (runLength === 0) return;
        out += runLength > 3 ? `!${runLength}${run}` : run.repeat(runLength);
        runLength = 0;
      };
      for (let x = 0; x < width; x++) {
        let bits = 0;
        for (let k = 0; k < 6 && band + k < height; k++)
          if (indexes[(band + k) * width + x] === color) bits |= 1 << k;
        const char = String.fromCharCode(63 + bits);
        if (char === run) runLength++;
        else {
          flush();
          run = char;
          runLength = 1;
        }
      }
      flush();
    }
    out += '-';
  }
  return `${out}\x1b\\`;
}
