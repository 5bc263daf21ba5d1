// One file for one machine: the reader of HTML is a single pass over the events of html-events.ts
// whose handlers share its stacks (open elements, frames, the inline buffer); the plain functions
// it uses are in html-parts.ts.
import { describeImageSource, imageName, resolveImageSource } from '../images/resolve.js';
import { sanitizeText } from '../text/sanitize.js';
import {
  imagePlaceholder,
  Style,
  type Block,
  type Doc,
  type ImageRef,
  type Reference,
  type Span,
  type TableCell,
  type TableRow,
} from './doc.js';
import {
  blockAsSpans,
  cellAlignment,
  hostOf,
  isTrackingPixel,
  linkTarget,
  spanCount,
  splitParagraphs,
  trimSpans,
} from './html-parts.js';
import { readHtml, readHtmlInSlices } from '../text/html-events.js';
// What the reader skips, breaks at and marks is what body search reads: one set of tables.
import { BLOCK_BREAKS, CODE_MARKUP, EMBEDS, INLINE_MARKS, SKIPPED } from '../corpus/body-text.js';
import { maxOf, pushAll } from '../text/arrays.js';
import { trailingSpaceLength } from '../text/trim.js';

export interface HtmlContext {
  /** The article file, against which relative image paths resolve. */
  articleFile: string;
  /** The article's source URL, against which relative links resolve. */
  baseUrl?: string | null;
}

/** Containers deeper than this are read as their content only: 20 000 nested divs must not cost a stack. */
const MAX_DEPTH = 24;

const INLINE_STYLES: Record<string, number> = {
  b: Style.bold, strong: Style.bold, i: Style.italic, em: Style.italic, cite: Style.italic, var: Style.italic,
  s: Style.strike, strike: Style.strike, del: Style.strike, code: Style.code, kbd: Style.code, samp: Style.code,
  tt: Style.code, u: Style.underline, ins: Style.underline, mark: Style.highlight,
}; // prettier-ignore
/** Runs of white space other than one space, and soft hyphens. */
const COLLAPSED = /[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+|\u00ad/g;
/** Inside `<svg>`, only these hold text a reader reads. */
const SVG_TEXT = new Set(['text', 'tspan', 'textpath']);
/** What closes a bracket a link stands in: `[<a>3</a>]` reads `[3][4]`, its number after the bracket. */
const CLOSING_BRACKET: Record<string, string> = {
  '[': ']',
  '(': ')',
  '［': '］',
  '（': '）',
  '【': '】',
};
/** Letters that go on a word a link ends inside (disentang<a>lem</a>ent): its number waits for the word's end. */
const WORD_GOES_ON = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d\p{M}'’-]+/u;

type ListBlock = Extract<Block, { kind: 'list' }>;

type Frame =
  | { kind: 'blocks'; blocks: Block[] }
  | { kind: 'list'; block: ListBlock; startGiven: boolean }
  | { kind: 'table'; rows: TableRow[] }
  | { kind: 'row'; row: TableRow }
  | { kind: 'cell'; cell: TableCell };

/** A link being read. */
interface OpenLink {
  href: string;
  /** How much text the document had when the link opened: more at its end means the link has text. */
  textAt: number;
  /** The pictures inside it, which carry its reference number. */
  pictures: ImageRef[];
  /** The bracket that closes one the link stands in. */
  closer?: string;
}

interface OpenElement {
  name: string;
  /** How many frames this element opened, to close with it. */
  frames: number;
  /** The style and heading level around the element, given back when it closes. */
  outerStyle: number;
  outerHeading: number;
  /** Inside `<pre>` or `<svg>`, or skipped: the element changes nothing. */
  inert: boolean;
  skip: boolean;
  pre: boolean;
  heading: number;
  link?: OpenLink;
  embed?: { label: string; url: string | null };
  /** Text written when the element closes (`-]` after a deletion). */
  closingMark?: string;
}

/**
 * HTML → Doc, in one pass over the tags and text with explicit stacks, so
 * nesting depth costs memory, not call stack, and each tag costs the same at
 * any depth.
 */
export function htmlToDoc(html: string, context: HtmlContext): Doc {
  const builder = new DocBuilder(context);
  readHtml(html, builder);
  return builder.finish();
}

/**
 * The same, read a piece at a time with turns of the event loop between
 * stretches of `sliceMs`, so a browser answers keys while a long article is
 * read; null when `cancelled` stopped it.
 */
export async function htmlToDocInSlices(
  html: string,
  context: HtmlContext,
  options: { sliceMs: number; cancelled?: () => boolean },
): Promise<Doc | null> {
  const builder = new DocBuilder(context);
  return (await readHtmlInSlices(html, builder, options)) ? builder.finish() : null;
}

class DocBuilder {
  private readonly root: Block[] = [];
  private readonly frames: Frame[] = [{ kind: 'blocks', blocks: this.root }];
  private readonly elements: OpenElement[] = [];
  private inline: Span[] = [];
  /** The span the last text went into, which more text of the same style may join. */
  private lastText: Span | null = null;
  private style = 0;
  private link: OpenLink | null = null;
  private skipDepth = 0;
  private preDepth = 0;
  private preText = '';
  private preBreak = false;
  /** Inside `<svg>`: how deep, and how deep in its text elements. */
  private svgDepth = 0;
  private svgTextDepth = 0;
  private headingLevel = 0;
  private cellDepth = 0;
  /** How many characters of text (not white space) have been read: a link with text moves it. */
  private textSeen = 0;
  private readonly references: Reference[] = [];
  /** A link's `[N]`, waiting for the end of the word the link ended in. */
  private pendingMarker: { span: Span; closer?: string } | null = null;
  private readonly referenceByTarget = new Map<string, number>();
  /** The player whose `<source>` may give it a URL. */
  private embedOwner: OpenElement | null = null;

  constructor(private readonly context: HtmlContext) {}

  open(name: string, attributes: Record<string, string>, raw = ''): void {
    const element: OpenElement = {
      name,
      frames: 0,
      outerStyle: this.style,
      outerHeading: this.headingLevel,
      inert: true,
      skip: false,
      pre: false,
      heading: 0,
    };
    this.elements.push(element);
    if (this.skipDepth > 0) {
      if (name === 'source' || name === 'track') this.fillEmbedSource(attributes);
      element.skip = true;
      this.skipDepth++;
      return;
    }
    // Code in <pre> is full of `<T>` that HTML reads as tags; only scripts and styles count there.
    if (SKIPPED.has(name) && (this.preDepth === 0 || name === 'script' || name === 'style')) {
      element.skip = true;
      this.skipDepth++;
      return;
    }
    if (this.preDepth > 0) {
      // `Box<T>`, `Map<K, V>`: in code, a tag HTML does not know (or one written in capitals, as no
      // exporter writes markup) is the code's own text.
      if (!CODE_MARKUP.has(name) || /[A-Z]/.test(raw.slice(1, 1 + name.length))) {
        this.preText += raw;
        return;
      }
      if (name === 'br') {
        this.preText += '\n';
        this.preBreak = true;
      }
      if (name === 'pre') {
        element.pre = true;
        this.preDepth++;
      }
      return;
    }
    if (this.svgDepth > 0) {
      // A drawing's shapes are not text; its labels are.
      if (name === 'svg') this.svgDepth++;
      if (SVG_TEXT.has(name)) this.svgTextDepth++;
      return;
    }
    element.inert = false;
    const inlineStyle = INLINE_STYLES[name];
    if (inlineStyle !== undefined) this.style |= inlineStyle;
    // Raised and lowered text reads as it would be typed: 10^100, H_2O; a change as [-old-]{+new+}.
    const mark = INLINE_MARKS[name];
    if (mark) {
      this.text(mark[0]);
      element.closingMark = mark[1];
    }
    if (inlineStyle !== undefined) return;
    switch (name) {
      case 'a':
        return this.openLink(element, attributes);
      case 'br':
        this.lineBreak();
        return;
      case 'img':
        return this.image(attributes);
      case 'input':
        // A task list's box: `[x]` done, `[ ]` not.
        if ((attributes.type ?? '').toLowerCase() === 'checkbox')
          this.text(attributes.checked === undefined ? '[ ] ' : '[x] ');
        return;
      case 'svg':
        this.svgDepth = 1;
        this.svgTextDepth = 0;
        return;
      case 'hr':
        this.flush();
        this.addBlock({ kind: 'rule' });
        return;
      case 'pre':
        this.flush();
        element.pre = true;
        this.preDepth = 1;
        this.preText = '';
        return;
      case 'ul':
      case 'ol':
        return this.openList(element, name === 'ol', attributes);
      case 'li':
        return this.openListItem(element, attributes);
      case 'blockquote':
      case 'dd':
        this.flush();
        if (this.canNest()) {
          const blocks: Block[] = [];
          this.addBlock(
            name === 'dd' ? { kind: 'quote', blocks, bar: false } : { kind: 'quote', blocks },
          );
          this.pushFrame(element, { kind: 'blocks', blocks });
        }
        return;
      case 'table':
        this.flush();
        if (this.canNest()) this.pushFrame(element, { kind: 'table', rows: [] });
        return;
      case 'tr':
        this.flush();
        if (this.top().kind === 'table')
          this.pushFrame(element, { kind: 'row', row: { header: false, cells: [] } });
        return;
      case 'td':
      case 'th':
        this.flush();
        return this.openCell(element, name === 'th', attributes);
    }
    if (/^h[1-6]$/.test(name)) {
      this.flush();
      element.heading = Number(name[1]);
      this.headingLevel = element.heading;
      return;
    }
    if (EMBEDS[name]) return this.openEmbed(element, name, attributes);
    if (BLOCK_BREAKS.has(name)) this.flush();
  }

  close(name: string): void {
    const element = this.elements.pop();
    if (!element) return;
    if (element.skip) {
      this.skipDepth--;
      if (element.embed) this.closeEmbed(element.embed);
      return;
    }
    if (element.pre) {
      this.preDepth--;
      if (this.preDepth === 0) this.closePre();
      return;
    }
    if (element.inert) {
      if (this.svgDepth > 0) {
        if (SVG_TEXT.has(name)) {
          this.svgTextDepth--;
          // Labels of a drawing are apart from each other.
          this.appendText(' ');
        }
        if (name === 'svg') this.svgDepth--;
      }
      return;
    }
    if (name === 'svg') {
      this.svgDepth = 0;
      return;
    }
    if (element.closingMark) this.text(element.closingMark);
    this.style = element.outerStyle;
    if (element.link) return this.closeLink(element.link);
    // The choices of a list box read apart.
    if (name === 'option') this.appendText(' ');
    if (element.heading) {
      this.flush();
      this.headingLevel = element.outerHeading;
      return;
    }
    if (element.frames > 0) {
      this.flush();
      for (let i = 0; i < element.frames; i++) this.popFrame();
      return;
    }
    if (BLOCK_BREAKS.has(name) || name === 'li' || name === 'td' || name === 'th' || name === 'tr')
      this.flush();
  }

  text(raw: string): void {
    if (this.skipDepth > 0 || (this.svgDepth > 0 && this.svgTextDepth === 0)) return;
    const text = sanitizeText(raw);
    if (this.preDepth > 0) {
      // Exporters write `line<br>\n` in <pre>: that is one line break, not two.
      const lines = text.replace(/[\u2028\u2029]/g, '\n');
      this.preText += this.preBreak ? lines.replace(/^\r?\n/, '') : lines;
      this.preBreak = false;
      return;
    }
    // The Unicode line and paragraph separators are a `<br>` and a paragraph's end.
    if (/[\u2028\u2029]/.test(text)) {
      for (const part of text.split(/([\u2028\u2029])/)) {
        if (part === '\u2028') this.lineBreak();
        else if (part === '\u2029') this.lineBreak(2);
        else this.inlineText(part);
      }
      return;
    }
    this.inlineText(text);
  }

  private inlineText(text: string): void {
    // White space is one space; a soft hyphen is where a word may break, and broadsheet's lines
    // break at spaces, so it goes. Single spaces, most of them, are left alone.
    let collapsed = text.replace(COLLAPSED, (found) => (found === '\u00ad' ? '' : ' '));
    if (collapsed === '') return;
    const pending = this.pendingMarker;
    if (pending) {
      // A link that ends inside a word (disentang<a>lem</a>ent) gets its number where the word
      // ends; one in brackets, after them.
      const rest =
        (this.link === null && WORD_GOES_ON.exec(collapsed)?.[0]) ||
        (pending.closer !== undefined && collapsed.startsWith(pending.closer)
          ? pending.closer
          : '');
      if (rest) {
        this.appendText(rest);
        collapsed = collapsed.slice(rest.length);
      }
      this.placeMarker();
      if (collapsed === '') return;
    }
    this.appendText(collapsed);
  }

  /** Adds text to the paragraph being collected, joining the last span of the same style and link. */
  private appendText(collapsed: string): void {
    if (collapsed.trim() !== '') this.textSeen += collapsed.length;
    const style = this.link ? this.style | Style.link : this.style;
    const href = this.link?.href;
    // The parser hands text over in pieces (at each entity): pieces of one style are one text, so a
    // sequence written as entities (an emoji with a joiner) stays one character for wrapping.
    const last = this.inline[this.inline.length - 1];
    if (
      last !== undefined &&
      last === this.lastText &&
      last.style === style &&
      last.href === href
    ) {
      const more =
        last.text.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
      this.lastText = { ...last, text: last.text + more };
      this.inline[this.inline.length - 1] = this.lastText;
      return;
    }
    this.lastText =
      href === undefined ? { text: collapsed, style } : { text: collapsed, style, href };
    this.inline.push(this.lastText);
  }

  /** A line break (`<br>`); two end the paragraph. */
  private lineBreak(count = 1): void {
    this.placeMarker();
    for (let i = 0; i < count; i++) this.inline.push({ text: '\n', style: this.style });
  }

  finish(): Doc {
    this.flush();
    while (this.frames.length > 1) this.popFrame();
    return { blocks: this.root, references: this.references };
  }

  // ── frames ──

  private top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private canNest(): boolean {
    return this.frames.length < MAX_DEPTH && this.cellDepth === 0;
  }

  private pushFrame(element: OpenElement, frame: Frame): void {
    element.frames++;
    if (frame.kind === 'cell') this.cellDepth++;
    this.frames.push(frame);
  }

  private popFrame(): void {
    const frame = this.frames.pop()!;
    if (frame.kind === 'cell') {
      this.cellDepth--;
      const row = this.top();
      if (row.kind === 'row')
        row.row.cells.push({ ...frame.cell, spans: trimSpans(frame.cell.spans) });
    } else if (frame.kind === 'row') {
      const table = this.top();
      if (table.kind === 'table' && frame.row.cells.some((cell) => cell.spans.length > 0))
        table.rows.push(frame.row);
    } else if (frame.kind === 'table') {
      this.closeTable(frame.rows);
    } else if (frame.kind === 'list' && frame.block.reversed && !frame.startGiven) {
      // A list counting down with no start counts down to 1.
      frame.block.start = frame.block.items.length;
    }
  }

  /** Adds a block where blocks go now: the innermost block container, or a new list item. */
  private addBlock(block: Block): void {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (frame.kind === 'blocks') {
        frame.blocks.push(block);
        return;
      }
      if (frame.kind === 'list') {
        frame.block.items.push([block]);
        return;
      }
      if (frame.kind === 'cell') {
        pushAll(frame.cell.spans, blockAsSpans(block));
        return;
      }
    }
  }

  private openList(
    element: OpenElement,
    ordered: boolean,
    attributes: Record<string, string>,
  ): void {
    this.flush();
    if (!this.canNest()) return;
    const start = Number.parseInt(attributes.start ?? '', 10);
    const block: ListBlock = {
      kind: 'list',
      ordered,
      start: Number.isFinite(start) ? start : 1,
      items: [],
      ...(ordered && /^[aAiI]$/.test(attributes.type ?? '')
        ? { numbering: attributes.type as 'a' | 'A' | 'i' | 'I' }
        : {}),
      ...(ordered && attributes.reversed !== undefined ? { reversed: true } : {}),
    };
    this.addBlock(block);
    this.pushFrame(element, { kind: 'list', block, startGiven: Number.isFinite(start) });
  }

  private openListItem(element: OpenElement, attributes: Record<string, string>): void {
    this.flush();
    let top = this.top();
    if (top.kind !== 'list') {
      if (!this.canNest()) return;
      // An item outside any list: an implicit list that closes with it.
      const block: ListBlock = { kind: 'list', ordered: false, start: 1, items: [] };
      this.addBlock(block);
      top = { kind: 'list', block, startGiven: true };
      this.pushFrame(element, top);
    }
    const item: Block[] = [];
    const value = Number.parseInt(attributes.value ?? '', 10);
    if (Number.isFinite(value)) (top.block.values ??= [])[top.block.items.length] = value;
    top.block.items.push(item);
    this.pushFrame(element, { kind: 'blocks', blocks: item });
  }

  private openCell(
    element: OpenElement,
    header: boolean,
    attributes: Record<string, string>,
  ): void {
    const row = this.top();
    if (row.kind !== 'row' || this.cellDepth > 0) return;
    if (header && row.row.cells.length === 0) row.row.header = true;
    if (!header) row.row.header = false;
    const align = cellAlignment(attributes);
    this.pushFrame(element, {
      kind: 'cell',
      cell: {
        spans: [],
        colspan: spanCount(attributes.colspan, 1, 100),
        rowspan: spanCount(attributes.rowspan, 0, 65_534),
        ...(align ? { align } : {}),
      },
    });
  }

  private closeTable(rows: TableRow[]): void {
    const columns = maxOf(
      rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)),
      0,
    );
    if (columns <= 1) {
      // A one-column table is layout, not data: its cells are paragraphs.
      for (const row of rows)
        for (const cell of row.cells)
          if (cell.spans.length) this.addBlock({ kind: 'paragraph', spans: cell.spans });
      return;
    }
    if (rows.length > 0) this.addBlock({ kind: 'table', rows });
  }

  // ── inline ──

  /** Ends the paragraph being collected; `<br><br>` inside it makes paragraphs of their own. */
  private flush(): void {
    this.placeMarker();
    if (this.inline.length === 0) return;
    const spans = this.inline;
    this.inline = [];
    this.lastText = null;
    for (const paragraph of splitParagraphs(spans)) {
      if (this.headingLevel)
        this.addBlock({ kind: 'heading', level: this.headingLevel, spans: paragraph });
      else this.addBlock({ kind: 'paragraph', spans: paragraph });
    }
  }

  private openLink(element: OpenElement, attributes: Record<string, string>): void {
    const href = linkTarget(attributes.href, this.context.baseUrl);
    // The number of a link just before goes before this one: each link keeps its own.
    this.placeMarker();
    if (href === null) return;
    // A link inside a link ends the outer one, as browsers read it.
    if (this.link) this.endLink(this.link);
    const before = this.inline[this.inline.length - 1]?.text ?? '';
    const closer = CLOSING_BRACKET[before[before.length - 1] ?? ''];
    element.link = {
      href,
      textAt: this.textSeen,
      pictures: [],
      ...(closer ? { closer } : {}),
    };
    this.link = element.link;
  }

  /** A link ended by one inside it is done already: what follows that one is not part of it. */
  private closeLink(link: OpenLink): void {
    if (this.link === link) this.endLink(link);
  }

  /** The link's text has ended: it is numbered, its pictures learn the number, and its `[N]` waits for its place. */
  private endLink(link: OpenLink): void {
    this.link = null;
    const hasText = this.textSeen > link.textAt;
    if (!hasText && link.pictures.length === 0) return;
    const n = this.reference('link', link.href);
    // A picture that is a link (a badge, a thumbnail) keeps where the link goes.
    for (const picture of link.pictures) picture.link = n;
    if (!hasText) return;
    this.placeMarker();
    const marker: Span = {
      text: `[${n}]`,
      style: (this.style & ~Style.link) | Style.dim | Style.marker,
    };
    // The number goes right after the link's last word: before a space or a line break the link
    // ended with, never on a line of its own.
    const tail: Span[] = [];
    while (this.inline.length > 0) {
      const last = this.inline[this.inline.length - 1]!;
      if (last.text !== '\n' && last.text.trim() !== '') break;
      tail.unshift(this.inline.pop()!);
    }
    const last = this.inline[this.inline.length - 1];
    const trailing = last ? trailingSpaceLength(last.text) : 0;
    if (last && trailing > 0) {
      const at = last.text.length - trailing;
      this.inline[this.inline.length - 1] = { ...last, text: last.text.slice(0, at) };
      tail.unshift({ ...last, text: last.text.slice(at) });
    }
    this.lastText = null;
    // Its text went into a block before (a picture stood between): the pictures carry the number.
    if (last === undefined) return;
    const endsInWord = last !== undefined && /[\p{L}\p{N}\p{M}]$/u.test(last.text);
    if (tail.length === 0 && (endsInWord || link.closer)) {
      this.pendingMarker = link.closer ? { span: marker, closer: link.closer } : { span: marker };
      return;
    }
    this.inline.push(marker);
    pushAll(this.inline, tail);
  }

  private placeMarker(): void {
    if (!this.pendingMarker) return;
    this.inline.push(this.pendingMarker.span);
    this.lastText = null;
    this.pendingMarker = null;
  }

  private reference(kind: Reference['kind'], target: string, embedded = false): number {
    const known = this.referenceByTarget.get(target);
    if (known !== undefined) return known;
    const n = this.references.length + 1;
    this.references.push(embedded ? { n, kind, target, embedded } : { n, kind, target });
    this.referenceByTarget.set(target, n);
    return n;
  }

  private image(attributes: Record<string, string>): void {
    if (isTrackingPixel(attributes)) return;
    const raw = sanitizeText(
      attributes['data-original'] ||
        attributes['data-src'] ||
        attributes['data-lazy-src'] ||
        attributes.src ||
        '',
    ).replace(/[\t\n\r]/g, '');
    const source = resolveImageSource(raw, this.context.articleFile);
    const described = sanitizeText(attributes.alt ?? attributes.title ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!source) {
      // A picture with nothing to show still says what it was.
      if (described) {
        this.placeMarker();
        this.inline.push({ text: `[image: ${described}]`, style: this.style | Style.dim });
        this.lastText = null;
      }
      return;
    }
    const alt = described || imageName(source);
    const ref = this.reference('image', describeImageSource(source), source.kind === 'data');
    const image: ImageRef = { source, alt, ref };
    this.link?.pictures.push(image);
    if (this.isInlinePicture(attributes)) {
      // An icon in a sentence (点选「<img>」就可加入) stays in the sentence, as its marker.
      const text = imagePlaceholder(image);
      this.textSeen += text.length;
      const style = this.link ? this.style | Style.link : this.style;
      this.inline.push(
        this.link ? { text, style, href: this.link.href, image } : { text, style, image },
      );
      this.lastText = null;
      return;
    }
    this.flush();
    this.addBlock({ kind: 'image', image });
  }

  /**
   * A picture is part of the text when it says it is text-sized (64 pixels or
   * less each way), or when it stands in the middle of a line of text and says
   * nothing of its size; any other picture is a block of its own.
   */
  private isInlinePicture(attributes: Record<string, string>): boolean {
    const size = (value: string | undefined) => {
      const n = Number.parseInt(value ?? '', 10);
      return Number.isFinite(n) ? n : null;
    };
    const [width, height] = [size(attributes.width), size(attributes.height)];
    if (width !== null && height !== null) return width <= 64 && height <= 64;
    if (width !== null || height !== null) return false;
    const last = this.inline[this.inline.length - 1];
    return last !== undefined && last.text !== '\n' && last.text.trim() !== '';
  }

  private openEmbed(element: OpenElement, name: string, attributes: Record<string, string>): void {
    this.flush();
    const title = sanitizeText(attributes.title ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const url = linkTarget(
      attributes.src || attributes['data-src'] || attributes.data,
      this.context.baseUrl,
    );
    let label = EMBEDS[name]!;
    if (name === 'iframe' && url) label = `${label}: ${hostOf(url)}`;
    if (title) label = `${label}: ${title}`;
    element.embed = { label, url };
    this.embedOwner = element;
    // Fallback text inside a player is not content.
    element.skip = true;
    this.skipDepth++;
  }

  private fillEmbedSource(attributes: Record<string, string>): void {
    const embed = this.embedOwner?.embed;
    if (embed && !embed.url) embed.url = linkTarget(attributes.src, this.context.baseUrl);
  }

  private closeEmbed(embed: { label: string; url: string | null }): void {
    this.embedOwner = null;
    if (!embed.url) {
      this.addBlock({ kind: 'paragraph', spans: [{ text: `[${embed.label}]`, style: Style.dim }] });
      return;
    }
    const ref = this.reference('embed', embed.url);
    this.addBlock({ kind: 'embed', label: embed.label, url: embed.url, ref });
  }

  private closePre(): void {
    const text = this.preText.replace(/^\n/, '').trimEnd();
    this.preText = '';
    if (text.trim() === '') return;
    this.addBlock({ kind: 'pre', text });
  }
}
