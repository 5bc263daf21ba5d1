import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { MAX_PIXELS, sniffImage } from './sniff.js';

/** Pixels as RGBA bytes, row by row. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Decodes PNG, JPEG, GIF (its first frame) and WebP into RGBA, each with a
 * decoder of its own loaded on first use: most runs never draw a picture, and
 * one that does loads only the decoder its pictures need.
 */
export async function decodeBitmap(bytes: Uint8Array): Promise<Bitmap> {
  const { type } = sniffImage(bytes);
  switch (type) {
    case 'png': {
      const { read } = await import('pngjs/lib/png-sync.js');
      return rgba(read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    }
    case 'jpeg': {
      const { default: decode } = await import('jpeg-js/lib/decoder.js');
      return rgba(
        decode(bytes, {
          useTArray: true,
          formatAsRGBA: true,
          maxResolutionInMP: MAX_PIXELS / 1e6,
          maxMemoryUsageInMB: 1024,
        }),
      );
    }
    case 'gif':
      return decodeGif(bytes);
    case 'webp':
      return decodeWebp(bytes);
    default:
      throw new Error(`not a picture broadsheet decodes (${type})`);
  }
}

function rgba(image: { width: number; height: number; data: Uint8Array }): Bitmap {
  const { width, height, data } = image;
  if (data.length < width * height * 4) throw new Error('the picture ends early');
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, width * height * 4) };
}

/** A GIF's first frame on its canvas, transparent where the frame does not reach. */
async function decodeGif(bytes: Uint8Array): Promise<Bitmap> {
  const { GifReader } = await import('omggif');
  const reader = new GifReader(bytes);
  if (reader.numFrames() === 0) throw new Error('a GIF without a picture');
  // The frame's own size decides what the decoder allocates: a small canvas may declare a huge frame.
  const frame = reader.frameInfo(0);
  if (frame.width * frame.height > MAX_PIXELS)
    throw new Error(`a frame of more than ${MAX_PIXELS / 1e6} megapixels`);
  const { width, height } = reader;
  if (frame.x + frame.width > width || frame.y + frame.height > height)
    throw new Error('a frame outside its picture');
  const data = new Uint8Array(width * height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width, height, data };
}

let webpReady: Promise<(bytes: ArrayBuffer) => Promise<unknown>> | null = null;

/** WebP with libwebp compiled to WebAssembly, set up once a run from the file the package ships. */
async function decodeWebp(bytes: Uint8Array): Promise<Bitmap> {
  webpReady ??= (async () => {
    const webp = await import('@jsquash/webp/decode.js');
    const wasm = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
    await webp.init({ wasmBinary: await readFile(wasm) });
    return webp.default;
  })();
  const decode = await webpReady;
  const copy = bytes.slice().buffer;
  const image = (await decode(copy)) as { width: number; height: number; data: Uint8ClampedArray };
  return rgba({
    width: image.width,
    height: image.height,
    data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
  });
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
