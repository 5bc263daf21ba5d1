/** What the first bytes of a file say it is, and how big it claims to be. */
export interface ImageInfo {
  type: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'svg' | 'unknown';
  width?: number;
  height?: number;
}

/** The most pixels an image may declare before it is refused undecoded. */
export const MAX_PIXELS = 50_000_000;

/**
 * Reads the type and declared size from an image's header, so that a
 * decompression bomb is refused before a byte of it is decoded.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = (...values: number[]) => values.every((value, i) => bytes[i] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return bytes.length >= 24
      ? { type: 'png', width: view.getUint32(16), height: view.getUint32(20) }
      : { type: 'png' };
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) {
    return bytes.length >= 10
      ? { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
      : { type: 'gif' };
  }
  if (starts(0xff, 0xd8)) return { type: 'jpeg', ...jpegSize(bytes, view) };
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP')
    return { type: 'webp', ...webpSize(bytes, view) };
  if (starts(0x42, 0x4d) && bytes.length >= 26) {
    return {
      type: 'bmp',
      width: Math.abs(view.getInt32(18, true)),
      height: Math.abs(view.getInt32(22, true)),
    };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { type: 'svg' };
  return { type: 'unknown' };
}

/** The size in a JPEG's start-of-frame segment, walking the segments before it. */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + length;
  }
  return {};
}

/** The canvas of a WebP's first chunk: extended (VP8X), lossy (VP8) or lossless (VP8L). */
function webpSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  if (bytes.length < 30) return {};
  const uint24 = (at: number) => view.getUint16(at, true) | (bytes[at + 2]! << 16);
  switch (String.fromCharCode(...bytes.subarray(12, 16))) {
    case 'VP8X':
      return { width: uint24(24) + 1, height: uint24(27) + 1 };
    case 'VP8 ':
      return {
        width: view.getUint16(26, true) & 0x3fff,
        height: view.getUint16(28, true) & 0x3fff,
      };
    case 'VP8L': {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    default:
      return {};
  }
}

/** Why these bytes will not be drawn, or null when they can be. */
export function refusal(info: ImageInfo): string | null {
  if (info.type === 'svg') return 'SVG images are not supported';
  if (info.type === 'bmp') return 'BMP images are not supported';
  if (info.type === 'unknown') return 'not an image broadsheet can decode';
  if (info.width !== undefined && info.height !== undefined) {
    const pixels = info.width * info.height;
    if (pixels > MAX_PIXELS)
      return `declares ${(pixels / 1e6).toFixed(0)} megapixels, more than ${MAX_PIXELS / 1e6}`;
    if (pixels === 0) return 'declares no pixels';
  }
  return null;
}
