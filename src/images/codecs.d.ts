// The few calls broadsheet makes of the picture decoders that ship no types of their own.

declare module 'pngjs/lib/png-sync.js' {
  /** pngjs's synchronous reader: any bit depth, palette, grey or interlaced PNG as 8-bit RGBA. */
  export function read(bytes: Buffer): { width: number; height: number; data: Uint8Array };
}

declare module 'jpeg-js/lib/decoder.js' {
  /** jpeg-js's decoder alone (the package's main module loads its encoder too). */
  export default function decode(
    bytes: Uint8Array,
    options: {
      useTArray: true;
      formatAsRGBA: true;
      maxResolutionInMP?: number;
      maxMemoryUsageInMB?: number;
    },
  ): { width: number; height: number; data: Uint8Array };
}

declare module 'omggif' {
  export class GifReader {
    constructor(bytes: Uint8Array);
    width: number;
    height: number;
    numFrames(): number;
    frameInfo(frame: number): { x: number; y: number; width: number; height: number };
    decodeAndBlitFrameRGBA(frame: number, pixels: Uint8Array): void;
  }
}
