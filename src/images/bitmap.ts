/** Pixels as RGBA bytes, row by row. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Decodes PNG, JPEG, GIF (its first frame) and BMP with jimp, loaded on first
 * use: most runs never draw a picture.
 */
export async function decodeBitmap(bytes: Uint8Array): Promise<Bitmap> {
  const { Jimp } = await import('jimp');
  const image = await Jimp.fromBuffer(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  const { width, height, data } = image.bitmap;
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/**
 * Scales by averaging the source pixels under each target pixel (a box
 * filter): downscaling photographs to a few dozen cells keeps their colours
 * instead of picking stray pixels.
 */
export function resizeBitmap(source: Bitmap, width: number, height: number): Bitmap {
  const out = new Uint8Array(width * height * 4);
  const xRatio = source.width / width;
  const yRatio = source.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * yRatio);
    const y1 = Math.max(y0 + 1, Math.min(source.height, Math.floor((y + 1) * yRatio)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * xRatio);
      const x1 = Math.max(x0 + 1, Math.min(source.width, Math.floor((x + 1) * xRatio)));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * source.width + sx) * 4;
          const alpha = source.data[i + 3]!;
          r += source.data[i]! * alpha;
          g += source.data[i + 1]! * alpha;
          b += source.data[i + 2]! * alpha;
          a += alpha;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a / count);
    }
  }
  return { width, height, data: out };
}

/**
 * Cells for a picture: as wide as the text (never wider than it has pixels for
 * at half a cell each), at most `maxRows` tall, keeping the aspect ratio for
 * cells `cellAspect` times taller than wide.
 */
export function fitToCells(
  pixelWidth: number,
  pixelHeight: number,
  maxColumns: number,
  maxRows: number,
  cellAspect = 2,
): { columns: number; rows: number } {
  let columns = Math.max(1, Math.min(maxColumns, Math.ceil(pixelWidth / 2)));
  let rows = Math.max(1, Math.round((columns * pixelHeight) / pixelWidth / cellAspect));
  if (rows > maxRows) {
    rows = maxRows;
    columns = Math.max(
      1,
      Math.min(maxColumns, Math.round((rows * cellAspect * pixelWidth) / pixelHeight)),
    );
  }
  return { columns, rows };
}
