import type { ImageRef, Span } from './doc.js';
import { pushAll } from '../text/arrays.js';

/**
 * One line of rendered text, no wider than the width it was laid out for.
 * An image's line carries the image, for a renderer that can draw it.
 */
export interface RenderedLine {
  spans: Span[];
  image?: ImageRef;
  /** Which of the document's top-level blocks the line is part of: a place in the text that any width shares. */
  block?: number;
  /** A line of a picture's placeholder after its first: gone when the picture is drawn. */
  pictureOf?: ImageRef;
}

export const blankLine = (): RenderedLine => ({ spans: [] });

/** The line with `prefix` spans before it (indent, quote bar, bullet). */
export function prefixLine(line: RenderedLine, prefix: Span[]): RenderedLine {
  return { ...line, spans: [...prefix, ...line.spans] };
}

/** Joins groups of lines with one blank line between non-empty groups. */
export function joinWithBlankLines(groups: RenderedLine[][]): RenderedLine[] {
  const out: RenderedLine[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    if (out.length > 0) out.push(blankLine());
    pushAll(out, group);
  }
  return out;
}

/** The text of a line without styles. */
export function lineText(line: RenderedLine): string {
  return line.spans.map((span) => span.text).join('');
}
