import { decodeBitmap, fitToCells, resizeBitmap, type Bitmap } from './bitmap.js';
import { blockLines, type ColorDepth } from './blocks.js';
import { DEFAULT_CELL, type CellSize, type Protocol } from './detect.js';
import { itermImage } from './iterm.js';
import { KITTY_MAX_CELLS, kittyDirect } from './kitty.js';
import { sixelImage } from './sixel.js';

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

/**
 * What `cat` prints in place of an image: half-block lines, or the
 * protocol's sequence followed by a line break so the text continues below.
 */
export async function inlinePicture(
  bytes: Uint8Array,
  protocol: Protocol,
  options: PictureOptions,
): Promise<string> {
  const picture = await sizePicture(bytes, options);
  return protocol === 'blocks'
    ? blockLines(blocksBitmap(picture), options.depth).join('\n')
    : graphicsSequence(picture, bytes, protocol);
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
