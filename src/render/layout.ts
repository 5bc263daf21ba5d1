import { displayWidth, expandTabs, graphemes } from '../text/width.js';
import { imagePlaceholder, Style, type Block, type Doc, type ImageRef, type Span } from './doc.js';
import { blankLine, joinWithBlankLines, prefixLine, type RenderedLine } from './line.js';
import { inSlices } from '../text/slices.js';
import { layoutTable } from './table.js';
import { wrapSpans } from './wrap.js';
import { glyphs } from '../text/profile.js';
import { maxOf, pushAll } from '../text/arrays.js';

/** Below this, nesting stops indenting so that text keeps some room. */
const NARROWEST = 8;

/** A document as lines of at most `width` columns. */
export function layoutDoc(doc: Doc, width: number, plain = false): RenderedLine[] {
  const lines: RenderedLine[] = [];
  for (let index = 0; index < doc.blocks.length; index++)
    appendBlock(lines, doc, index, width, plain);
  return lines;
}

/**
 * The same, a few blocks at a time with turns of the event loop between
 * stretches of `sliceMs`, so a browser answers keys while a long article is
 * laid out; null when `cancelled` stopped it.
 */
export async function layoutDocInSlices(
  doc: Doc,
  width: number,
  plain: boolean,
  options: { sliceMs: number; cancelled?: () => boolean },
): Promise<RenderedLine[] | null> {
  const lines: RenderedLine[] = [];
  const done = await inSlices(
    doc.blocks.length,
    (index) => appendBlock(lines, doc, index, width, plain),
    options,
  );
  return done ? lines : null;
}

/** Adds a top-level block's lines, one blank line after the lines before them. */
function appendBlock(
  out: RenderedLine[],
  doc: Doc,
  index: number,
  width: number,
  plain: boolean,
): void {
  const lines = layoutBlock(doc.blocks[index]!, Math.max(2, width), { depth: 0, plain });
  if (lines.length === 0) return;
  // The lines are new: each learns its block, so a place in the text outlives a change of width.
  for (const line of lines) line.block = index;
  if (out.length > 0) out.push(blankLine());
  pushAll(out, lines);
}

function layoutBlocks(blocks: Block[], width: number, nesting: Nesting): RenderedLine[] {
  return joinWithBlankLines(blocks.map((block) => layoutBlock(block, width, nesting)));
}

/** How deep in lists a block is, and whether the lines are plain text for a pipe (code kept whole, headings marked). */
interface Nesting {
  depth: number;
  plain: boolean;
}

function layoutBlock(block: Block, width: number, nesting: Nesting): RenderedLine[] {
  switch (block.kind) {
    case 'paragraph':
      return wrapSpans(block.spans, width).map((spans) => ({ spans }));
    case 'heading':
      return heading(block.level, block.spans, width, nesting.plain);
    case 'list':
      return list(block, width, nesting);
    case 'quote': {
      const inner = width - 2 >= NARROWEST ? width - 2 : width;
      const bar: Span[] =
        inner < width
          ? [{ text: block.bar === false ? '  ' : `${glyphs().bar} `, style: Style.dim }]
          : [];
      return layoutBlocks(block.blocks, inner, nesting).map((line) => prefixLine(line, bar));
    }
    case 'pre': {
      // Code is set off by an indent where there is room for one.
      if (width < 24) return preformatted(block.text, width, nesting.plain);
      const indent: Span[] = [{ text: '  ', style: 0 }];
      return preformatted(block.text, width - 2, nesting.plain).map((line) =>
        prefixLine(line, indent),
      );
    }
    case 'rule':
      return [{ spans: [{ text: glyphs().rule.repeat(Math.min(width, 40)), style: Style.dim }] }];
    case 'image':
      return imageLines(block.image, width);
    case 'embed':
      return wrapSpans(
        [{ text: `[${block.label}][${block.ref}]`, style: Style.dim, href: block.url }],
        width,
      ).map((spans) => ({ spans }));
    case 'table':
      return layoutTable(block.rows, width);
  }
}

/**
 * A picture's placeholder, `[image 3: ALT]`, wrapped like text (nothing of the
 * description is cut); its first line carries the picture for whoever draws it.
 */
export function imageLines(image: ImageRef, width: number): RenderedLine[] {
  return wrapSpans([{ text: imagePlaceholder(image), style: Style.dim }], width).map((spans, i) =>
    i === 0 ? { spans, image } : { spans, pictureOf: image },
  );
}

/**
 * How each level of heading looks on a terminal, each apart from the others
 * and from body text: h1 and h2 bold in the heading colour (and underlined
 * with a rule), h3 bold in the heading colour, h4 italic in it, h5 bold and
 * underlined, h6 bold italic.
 */
const HEADING_STYLES = [
  Style.heading | Style.bold,
  Style.heading | Style.bold,
  Style.heading | Style.bold,
  Style.heading | Style.italic,
  Style.bold | Style.underline,
  Style.bold | Style.italic,
];

/**
 * Headings stand out: underlined with `=` (h1) or `-` (h2) in every form; a
 * lower heading is marked `###` in plain text, where styles do not show.
 */
function heading(level: number, spans: Span[], width: number, plain: boolean): RenderedLine[] {
  const marked =
    plain && level > 2 ? [{ text: `${'#'.repeat(level)} `, style: Style.dim }, ...spans] : spans;
  const look = HEADING_STYLES[Math.min(Math.max(level, 1), 6) - 1]!;
  const styled = marked.map((span) => ({ ...span, style: span.style | look }));
  const lines = wrapSpans(styled, width).map((spans) => ({ spans }));
  if (level > 2 || lines.length === 0) return lines;
  const underline = maxOf(
    lines.map((line) => displayWidth(line.spans.map((s) => s.text).join(''))),
    0,
  );
  return [
    ...lines,
    {
      spans: [
        { text: (level === 1 ? '=' : '-').repeat(underline), style: Style.heading | Style.dim },
      ],
    },
  ];
}

/** An item's number as the list counts: 3, c, C, iii or III. */
export function itemNumber(n: number, numbering: 'a' | 'A' | 'i' | 'I' | undefined): string {
  if (!numbering || n < 1) return String(n);
  if (numbering === 'a' || numbering === 'A') {
    let letters = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
      letters = String.fromCharCode(97 + ((k - 1) % 26)) + letters;
    return numbering === 'A' ? letters.toUpperCase() : letters;
  }
  const numerals: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'],
    [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ]; // prettier-ignore
  let roman = '';
  let rest = n;
  for (const [value, letters] of numerals) for (; rest >= value; rest -= value) roman += letters;
  return numbering === 'I' ? roman.toUpperCase() : roman;
}

/** Each item's number: counting on (or down, reversed) from the start, or from a number an item gives itself. */
export function itemNumbers(block: Extract<Block, { kind: 'list' }>): number[] {
  const numbers: number[] = [];
  let n = block.start;
  for (let i = 0; i < block.items.length; i++) {
    n = block.values?.[i] ?? n;
    numbers.push(n);
    n += block.reversed ? -1 : 1;
  }
  return numbers;
}

function list(
  block: Extract<Block, { kind: 'list' }>,
  width: number,
  nesting: Nesting,
): RenderedLine[] {
  const { bullets } = glyphs();
  const numbers = itemNumbers(block);
  const markers = block.items.map((_, i) =>
    block.ordered
      ? `${itemNumber(numbers[i]!, block.numbering)}.`
      : bullets[Math.min(nesting.depth, bullets.length - 1)]!,
  );
  const markerWidth = maxOf(markers.map(displayWidth), 0) + 1;
  const inner = width - markerWidth >= NARROWEST ? width - markerWidth : width;
  // A list whose items hold several paragraphs is loose: a blank line between items.
  const loose = block.items.some((item) => item.filter((b) => b.kind !== 'list').length > 1);
  const lines: RenderedLine[] = [];
  block.items.forEach((item, i) => {
    const itemLines = layoutItem(item, inner, { ...nesting, depth: nesting.depth + 1 });
    if (itemLines.length === 0) return;
    if (lines.length > 0 && loose) lines.push({ spans: [] });
    itemLines.forEach((line, l) => {
      if (inner === width) return lines.push(line);
      const marker = block.ordered
        ? `${markers[i]!.padStart(markerWidth - 1)} `
        : `${markers[i]} `.padEnd(markerWidth);
      lines.push(
        prefixLine(line, [
          l === 0
            ? { text: marker, style: Style.dim }
            : { text: ' '.repeat(markerWidth), style: 0 },
        ]),
      );
    });
  });
  return lines;
}

/** A list item: its paragraphs, with a nested list right under the text before it. */
function layoutItem(blocks: Block[], width: number, nesting: Nesting): RenderedLine[] {
  const out: RenderedLine[] = [];
  blocks.forEach((block, i) => {
    const lines = layoutBlock(block, width, nesting);
    if (lines.length === 0) return;
    if (out.length > 0 && !(block.kind === 'list' && blocks[i - 1]?.kind === 'paragraph'))
      out.push({ spans: [] });
    pushAll(out, lines);
  });
  return out;
}

/** `<pre>` keeps its spacing; a line too long for the width continues after a `↩` (on a terminal). */
function preformatted(text: string, width: number, whole: boolean): RenderedLine[] {
  const lines: RenderedLine[] = [];
  for (const raw of text.split('\n')) {
    // A no-break space in code is a space: copied out, the code must run.
    const line = expandTabs(raw.replace(/\u00a0/g, ' ')).trimEnd();
    // For a pipe, a code line is kept whole, past the width: cut, it would not paste back.
    if (whole || displayWidth(line) <= width) {
      lines.push({ spans: line ? [{ text: line, style: Style.code }] : [] });
      continue;
    }
    // Room for the continuation marker, unless the width is too small to spare it.
    const room = width >= 3 ? width - 1 : width;
    let piece = '';
    let used = 0;
    for (const g of graphemes(line)) {
      const w = displayWidth(g);
      if (used + w > room && piece !== '') {
        const marker: Span[] =
          room < width
            ? [
                {
                  text: `${' '.repeat(Math.max(0, room - used))}${glyphs().continued}`,
                  style: Style.dim,
                },
              ]
            : [];
        lines.push({ spans: [{ text: piece, style: Style.code }, ...marker] });
        piece = '';
        used = 0;
      }
      piece += g;
      used += w;
    }
    lines.push({ spans: [{ text: piece, style: Style.code }] });
  }
  return lines;
}
