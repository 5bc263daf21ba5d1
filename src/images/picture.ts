import { decodeBitmap, fitToCells, resizeBitmap, type Bitmap } from './bitmap.js';
import { blockLines, type ColorDepth } from './blocks.js';
import { DEFAULT_CELL, type CellSize, type Protocol } from './detect.js';
import { itermImage } from './iterm.js';
import { KITTY_MAX_CELLS, kittyDirect } from './kitty.js';
import { sixelImage } from './sixel.js';
import type { Loaded } from './load.js';
import type { ImageSource } from './source.js';

export interface PictureOptions {
  maxColumns: number;
  maxRows: number;
  depth: ColorDepth;
  cell?: CellSize;
}

/** A decoded picture at the size it will take on screen. */
export interface SizedPicture {
  source: Bitmap;
  columns: number;
  rows: number;
  cell: CellSize;
}

export async function sizePicture(
  bytes: Uint8Array,
  options: PictureOptions,
): Promise<SizedPicture> {
  const source = await decodeBitmap(bytes);
  const cell = options.cell ?? DEFAULT_CELL;
  const { columns, rows } = fitToCells(
    source.width,
    source.height,
    Math.min(options.maxColumns, KITTY_MAX_CELLS),
    Math.min(options.maxRows, KITTY_MAX_CELLS),
    cell.height / cell.width,
  );
  return { source, columns, rows, cell };
}

/** The picture scaled for half-blocks: one pixel a column, two a row. */
export function blocksBitmap(picture: SizedPicture): Bitmap {
  return resizeBitmap(picture.source, picture.columns, picture.rows * 2);
}

/** The picture scaled to the pixels its cells cover, never above its own size. */
export function pixelBitmap(picture: SizedPicture): Bitmap {
  const width = Math.min(picture.source.width, picture.columns * picture.cell.width);
  const height = Math.max(1, Math.round((width * picture.source.height) / picture.source.width));
  return width === picture.source.width
    ? picture.source
    : resizeBitmap(picture.source, width, height);
}

export type PreparedPicture =
  { ok: true; picture: SizedPicture; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * A picture from wherever it lives, decoded and sized for the screen, or the
 * reason it cannot be shown: the one way `cat`, the reader and the
 * full-screen view get a picture, before each draws it its own way.
 */
export async function preparePicture(
  load: (source: ImageSource) => Promise<Loaded>,
  source: ImageSource,
  options: PictureOptions,
): Promise<PreparedPicture> {
  const loaded = await load(source);
  if (!loaded.ok) return loaded;
  try {
    return { ok: true, picture: await sizePicture(loaded.bytes, options), bytes: loaded.bytes };
  } catch (error) {
    return {
      ok: false,
      reason: `undecodable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Half-block lines for a picture, in the colour depth given. */
export function pictureBlocks(picture: SizedPicture, depth: ColorDepth): string[] {
  return blockLines(blocksBitmap(picture), depth);
}

/** A picture in a graphics protocol, shown at the cursor; with a kitty id, to be freed later. */
export function graphicsSequence(
  picture: SizedPicture,
  bytes: Uint8Array,
  protocol: Exclude<Protocol, 'blocks'>,
  kittyId?: number,
): string {
  switch (protocol) {
    case 'kitty':
      return kittyDirect(pixelBitmap(picture), picture.columns, picture.rows, kittyId);
    case 'iterm':
      return itermImage(bytes, picture.columns, picture.rows);
    case 'sixel':
      return sixelImage(pixelBitmap(picture));
  }
}
