import type { ImageRef } from '../render/doc.js';
import type { TextPlace } from '../state/reading.js';
import type { RenderedLine } from '../render/line.js';
import { lineText } from '../render/line.js';
import { truncateToWidth } from '../text/width.js';
import { glyphs } from '../text/profile.js';
import { describeImageSource } from '../images/resolve.js';
import type { Loaded } from '../images/load.js';
import type { ImageSource } from '../images/source.js';
import type { ColorDepth } from '../images/blocks.js';
import type { CellSize, Protocol } from '../images/detect.js';

/** How the browser shows pictures, decided before it starts. */
export interface PictureSettings {
  /** Inline drawing: kitty placeholders, or half-blocks (also for iTerm2 and sixel terminals). */
  protocol: Protocol;
  depth: ColorDepth;
  cell: CellSize;
  load: (source: ImageSource) => Promise<Loaded>;
  /** Writes straight to the terminal, outside the frame (kitty transmissions, full-screen pictures). */
  writeRaw: (sequence: string) => void;
}

/** Where a picture is: on its way, drawn as lines of cells, or not to be had. */
export type PictureState =
  | { status: 'loading' }
  | { status: 'ready'; rows: string[]; kittyId?: number }
  | { status: 'failed'; reason: string };

/** One row of the reader: text from the renderer, or one row of a drawn picture. */
export interface ReaderLine {
  line: RenderedLine;
  /** The row of the picture, when this line draws one. */
  picture?: string;
  /** Index of the rendered line it comes from, and which of its rows it is. */
  source: number;
  part: number;
}

export function pictureKey(image: ImageRef): string {
  return describeImageSource(image.source);
}

/**
 * The reader's rows: the rendered lines, with each image line replaced by
 * its picture's rows once drawn, and by a note while it loads or when it
 * cannot be shown.
 */
export function expandPictures(
  lines: readonly RenderedLine[],
  pictures: ReadonlyMap<string, PictureState> | null,
  width: number,
): ReaderLine[] {
  const rows: ReaderLine[] = [];
  lines.forEach((line, source) => {
    // A placeholder's further lines give way to its picture once it is drawn.
    if (line.pictureOf && pictures?.get(pictureKey(line.pictureOf))?.status === 'ready') return;
    const state = line.image && pictures ? pictures.get(pictureKey(line.image)) : undefined;
    if (!state || !line.image) return void rows.push({ line, source, part: 0 });
    if (state.status === 'ready') {
      state.rows.forEach((picture, part) => rows.push({ line, picture, source, part }));
      return;
    }
    const note =
      state.status === 'loading' ? `loading${glyphs().ellipsis}` : `not shown: ${state.reason}`;
    const first = line.spans[0];
    const text = truncateToWidth(`${lineText(line)} ${note}`, width);
    rows.push({ line: { ...line, spans: first ? [{ ...first, text }] : [] }, source, part: 0 });
  });
  return rows;
}

/** The row that shows the same place after the rows changed: same source line, same part or the nearest. */
export function followAnchor(
  previous: readonly ReaderLine[],
  top: number,
  next: readonly ReaderLine[],
): number {
  const anchor = previous[top];
  if (!anchor) return Math.min(top, Math.max(0, next.length - 1));
  const index = next.findIndex(
    (row) =>
      row.source > anchor.source || (row.source === anchor.source && row.part >= anchor.part),
  );
  return index < 0 ? Math.max(0, next.length - 1) : index;
}

/** The picture on screen (the first whose row is in view), else the next one below. */
export function pictureInView(rows: readonly ReaderLine[], top: number): string | null {
  for (let i = Math.max(0, top); i < rows.length; i++) {
    const image = rows[i]!.line.image;
    if (image) return pictureKey(image);
  }
  return null;
}

/** The place shown at row `top`, or null for a row outside the body (header, references). */
export function placeAt(rows: readonly ReaderLine[], top: number): TextPlace | null {
  // A blank row between blocks is the start of the block after it.
  const block = rows[top]?.line.block ?? rows[top + 1]?.line.block;
  if (block === undefined) return null;
  if (rows[top]?.line.block === undefined) return { block, within: 0 };
  let first = top;
  while (first > 0 && rows[first - 1]!.line.block === block) first--;
  let end = top + 1;
  while (end < rows.length && rows[end]!.line.block === block) end++;
  return { block, within: (top - first) / (end - first) };
}

/** The row that shows `place` in these rows; null when the article has no such block. */
export function rowOfPlace(rows: readonly ReaderLine[], place: TextPlace): number | null {
  const first = rows.findIndex((row) => row.line.block === place.block);
  if (first < 0) return null;
  let end = first + 1;
  while (end < rows.length && rows[end]!.line.block === place.block) end++;
  return first + Math.min(end - first - 1, Math.round(place.within * (end - first)));
}
