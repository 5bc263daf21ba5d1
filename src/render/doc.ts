import type { ImageSource } from '../images/source.js';

/**
 * The document model every body becomes, whatever it was written in: blocks of
 * styled spans. Text in it is already sanitised.
 */

/** Bit flags of inline style. */
export const Style = {
  none: 0,
  bold: 1,
  italic: 2,
  strike: 4,
  code: 8,
  link: 16,
  /** The `[N]` after a link, and other quiet text. */
  dim: 32,
  heading: 64,
  /** A search match in the reader. */
  mark: 128,
  /** The search match the reader is at. */
  current: 256,
  /** Underlined text: `<u>`, `<ins>`. */
  underline: 512,
  /** Highlighted text: `<mark>`. */
  highlight: 1024,
  /** White space kept as written (code from a `<pre>` inside a table cell). */
  pre: 2048,
  /** A link's `[N]`: it stays on the line of the word before it. */
  marker: 4096,
} as const;

export interface Span {
  text: string;
  style: number;
  /** For `Style.link`: where it goes. */
  href?: string;
  /** A picture standing in the text, as its placeholder. */
  image?: ImageRef;
}

export interface ImageRef {
  source: ImageSource;
  alt: string;
  /** Its number in the references; 0 for the lead image, which is not among them. */
  ref: number;
  /** The reference number of the link the picture stands in, when it is one. */
  link?: number;
}

/** How a picture reads in text: `[image 3: ALT]`, and `[4]` after it when it is a link. */
export function imagePlaceholder(image: ImageRef): string {
  const label = image.ref > 0 ? `[image ${image.ref}: ${image.alt}]` : `[image: ${image.alt}]`;
  return image.link === undefined ? label : `${label}[${image.link}]`;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | {
      kind: 'list';
      ordered: boolean;
      start: number;
      items: Block[][];
      /** How an ordered list counts, as `<ol type>` says: 1 (the default), a, A, i or I. */
      numbering?: 'a' | 'A' | 'i' | 'I';
      /** Counting down from `start` (`<ol reversed>`). */
      reversed?: boolean;
      /** The numbers items give themselves (`<li value="10">`), by item; the next ones count on from there. */
      values?: Array<number | undefined>;
    }
  | { kind: 'table'; rows: TableRow[] }
  /** A quotation (with a bar), or a description (`<dd>`), indented without one. */
  | { kind: 'quote'; blocks: Block[]; bar?: false }
  | { kind: 'pre'; text: string }
  | { kind: 'rule' }
  | { kind: 'image'; image: ImageRef }
  | { kind: 'embed'; label: string; url: string; ref: number };

export interface TableRow {
  header: boolean;
  cells: TableCell[];
}

export interface TableCell {
  spans: Span[];
  /** How many columns and rows the cell takes (1 when it says nothing). */
  colspan: number;
  rowspan: number;
  align?: 'left' | 'center' | 'right';
}

/** One entry of the numbered references after the body. */
export interface Reference {
  n: number;
  kind: 'link' | 'image' | 'embed';
  /** What to print: a URL, a file path, or a note for embedded data. */
  target: string;
  /** A picture kept in the article itself (`data:`): the target is a note, not a place. */
  embedded?: true;
}

export interface Doc {
  blocks: Block[];
  references: Reference[];
}
