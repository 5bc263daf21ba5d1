// One file for one machine: the reader of HTML is a single pass over htmlparser2's events whose
// handlers share its stacks (open elements, frames, the inline buffer); the plain functions it
// uses are in html-parts.ts.
import { Parser } from 'htmlparser2';
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
  type TableRow,
} from './doc.js';
import {
  blockAsSpans,
  hostOf,
  isTrackingPixel,
  linkTarget,
  splitParagraphs,
  trimSpans,
} from './html-parts.js';
import { maxOf, pushAll } from '../text/arrays.js';
// What the reader skips, breaks at and marks is what body search reads: one set of tables.
import {
  BLOCK_BREAKS,
  CODE_MARKUP,
  EMBEDS,
  HTML_OPTIONS,
  INLINE_MARKS,
  SKIPPED,
} from '../corpus/body-text.js';

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
  tt: Style.code,
}; // prettier-ignore

type ListBlock = Extract<Block, { kind: 'list' }>;

type Frame =
  | { kind: 'blocks'; blocks: Block[] }
  | { kind: 'list'; block: ListBlock }
  | { kind: 'table'; rows: TableRow[] }
  | { kind: 'row'; row: TableRow }
  | { kind: 'cell'; spans: Span[] };

interface OpenElement {
  name: string;
  /** How many frames this element opened, to close with it. */
  frames: number;
  style: number;
  href?: string;
  /** For a link: where its text starts in the inline buffer. */
  linkStart?: number;
  skip: boolean;
  pre: boolean;
  heading: number;
  embed?: { label: string; url: string | null };
  /** Text written when the element closes (`-]` after a deletion). */
  closingMark?: string;
  /** For a link: the pictures inside it, which carry its reference number. */
  pictures?: ImageRef[];
}

/**
 * HTML → Doc, in one pass over htmlparser2's events with explicit stacks, so
 * nesting depth costs memory, not call stack.
 */
export function htmlToDoc(html: string, context: HtmlContext): Doc {
  const builder = new DocBuilder(context);
  const parser = new Parser(
    {
      onopentag: (name, attributes) =>
        builder.open(name, attributes, html.slice(parser.startIndex, parser.endIndex + 1)),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    HTML_OPTIONS,
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}

class DocBuilder {
  private readonly root: Block[] = [];
  private readonly frames: Frame[] = [{ kind: 'blocks', blocks: this.root }];
  private readonly elements: OpenElement[] = [];
  private inline: Span[] = [];
  /** The span the last text went into, which more text of the same style may join. */
  private lastText: Span | null = null;
  private style = 0;
  private href: string | undefined;
  private skipDepth = 0;
  private preDepth = 0;
  private preText = '';
  private preBreak = false;
  private headingLevel = 0;
  private cellDepth = 0;
  private readonly references: Reference[] = [];
  /** A link's `[N]`, waiting for the end of the word the link ended in. */
  private pendingMarker: Span | null = null;
  private readonly referenceByTarget = new Map<string, number>();

  constructor(private readonly context: HtmlContext) {}

  open(name: string, attributes: Record<string, string>, raw = ''): void {
    const element: OpenElement = { name, frames: 0, style: 0, skip: false, pre: false, heading: 0 };
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
    // Raised and lowered text reads as it would be typed: 10^100, H_2O; a change as [-old-]{+new+}.
    const mark = INLINE_MARKS[name];
    if (mark) {
      this.text(mark[0]);
      element.closingMark = mark[1];
    }
    const inlineStyle = INLINE_STYLES[name];
    if (inlineStyle !== undefined) {
      element.style = inlineStyle;
      this.style |= inlineStyle;
      return;
    }
    switch (name) {
      case 'a':
        return this.openLink(element, attributes);
      case 'br':
        this.inline.push({ text: '\n', style: this.style });
        return;
      case 'img':
        return this.image(attributes);
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
        this.flush();
        if (this.canNest()) {
          const start = Number.parseInt(attributes.start ?? '1', 10);
          const block: ListBlock = {
            kind: 'list',
            ordered: name === 'ol',
            start: Number.isFinite(start) ? start : 1,
            items: [],
            ...(name === 'ol' && /^[aAiI]$/.test(attributes.type ?? '')
              ? { numbering: attributes.type as 'a' | 'A' | 'i' | 'I' }
              : {}),
          };
          this.addBlock(block);
          this.pushFrame(element, { kind: 'list', block });
        }
        return;
      case 'li':
        return this.openListItem(element);
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
        return this.openCell(element, name === 'th');
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
    if (this.preDepth > 0) return;
    if (element.closingMark) this.text(element.closingMark);
    if (element.style) this.style = this.elements.reduce((style, e) => style | e.style, 0);
    if (element.href !== undefined) return this.closeLink(element);
    if (element.heading) {
      this.flush();
      this.headingLevel = this.elements.reduce((level, e) => e.heading || level, 0);
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
    if (this.skipDepth > 0) return;
    const text = sanitizeText(raw);
    if (this.preDepth > 0) {
      // Exporters write `line<br>\n` in <pre>: that is one line break, not two.
      this.preText += this.preBreak ? text.replace(/^\r?\n/, '') : text;
      this.preBreak = false;
      return;
    }
    // A soft hyphen is where a word may break; broadsheet's lines break at spaces, so it goes.
    let collapsed = text.replace(/[ \t\n\r\f]+/g, ' ').replace(/\u00ad/g, '');
    if (collapsed === '') return;
    if (this.pendingMarker) {
      // A link that ends inside a word (disentang<a>lem</a>ent) gets its number where the word ends.
      const rest =
        /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d\p{M}'’-]+/u.exec(collapsed)?.[0] ??
        '';
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
    // The parser hands text over in pieces (at each entity): pieces of one style are one text, so a
    // sequence written as entities (an emoji with a joiner) stays one character for wrapping.
    const last = this.inline[this.inline.length - 1];
    if (
      last !== undefined &&
      last === this.lastText &&
      last.style === this.style &&
      last.href === this.href
    ) {
      const more =
        last.text.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
      this.lastText = { ...last, text: last.text + more };
      this.inline[this.inline.length - 1] = this.lastText;
      return;
    }
    this.lastText =
      this.href === undefined
        ? { text: collapsed, style: this.style }
        : { text: collapsed, style: this.style, href: this.href };
    this.inline.push(this.lastText);
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
      if (row.kind === 'row') row.row.cells.push(trimSpans(frame.spans));
    } else if (frame.kind === 'row') {
      const table = this.top();
      if (table.kind === 'table' && frame.row.cells.some((cell) => cell.length > 0))
        table.rows.push(frame.row);
    } else if (frame.kind === 'table') {
      this.closeTable(frame.rows);
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
        pushAll(frame.spans, blockAsSpans(block));
        return;
      }
    }
  }

  private openListItem(element: OpenElement): void {
    this.flush();
    let top = this.top();
    if (top.kind !== 'list') {
      if (!this.canNest()) return;
      // An item outside any list: an implicit list that closes with it.
      const block: ListBlock = { kind: 'list', ordered: false, start: 1, items: [] };
      this.addBlock(block);
      top = { kind: 'list', block };
      this.pushFrame(element, top);
    }
    const item: Block[] = [];
    top.block.items.push(item);
    this.pushFrame(element, { kind: 'blocks', blocks: item });
  }

  private openCell(element: OpenElement, header: boolean): void {
    const row = this.top();
    if (row.kind !== 'row' || this.cellDepth > 0) return;
    if (header && row.row.cells.length === 0) row.row.header = true;
    if (!header) row.row.header = false;
    this.pushFrame(element, { kind: 'cell', spans: [] });
  }

  private closeTable(rows: TableRow[]): void {
    const columns = maxOf(
      rows.map((row) => row.cells.length),
      0,
    );
    if (columns <= 1) {
      // A one-column table is layout, not data: its cells are paragraphs.
      for (const row of rows)
        for (const cell of row.cells)
          if (cell.length) this.addBlock({ kind: 'paragraph', spans: cell });
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
    for (const paragraph of splitParagraphs(spans)) {
      if (this.headingLevel)
        this.addBlock({ kind: 'heading', level: this.headingLevel, spans: paragraph });
      else this.addBlock({ kind: 'paragraph', spans: paragraph });
    }
  }

  private openLink(element: OpenElement, attributes: Record<string, string>): void {
    const href = linkTarget(attributes.href, this.context.baseUrl);
    if (href === null) return;
    element.href = href;
    element.linkStart = this.inline.length;
    this.href = href;
    this.style |= Style.link;
    element.style = Style.link;
  }

  private closeLink(element: OpenElement): void {
    this.style = this.elements.reduce((style, e) => style | e.style, 0);
    this.href = [...this.elements].reverse().find((e) => e.href !== undefined)?.href;
    const start = element.linkStart ?? this.inline.length;
    const hasText = this.inline.slice(start).some((span) => span.text.trim() !== '');
    const pictures = element.pictures ?? [];
    if (!hasText && pictures.length === 0) return;
    const n = this.reference('link', element.href!);
    // A picture that is a link (a badge, a thumbnail) keeps where the link goes.
    for (const picture of pictures) picture.link = n;
    if (hasText) {
      this.placeMarker();
      this.pendingMarker = { text: `[${n}]`, style: (this.style & ~Style.link) | Style.dim };
    }
  }

  private placeMarker(): void {
    if (!this.pendingMarker) return;
    this.inline.push(this.pendingMarker);
    this.pendingMarker = null;
  }

  private reference(kind: Reference['kind'], target: string): number {
    const known = this.referenceByTarget.get(target);
    if (known !== undefined) return known;
    const n = this.references.length + 1;
    this.references.push({ n, kind, target });
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
    );
    const source = resolveImageSource(raw, this.context.articleFile);
    if (!source) return;
    const alt =
      sanitizeText(attributes.alt ?? attributes.title ?? '')
        .replace(/\s+/g, ' ')
        .trim() || imageName(source);
    const ref = this.reference('image', describeImageSource(source));
    const image: ImageRef = { source, alt, ref };
    const link = [...this.elements].reverse().find((e) => e.href !== undefined);
    if (link) (link.pictures ??= []).push(image);
    if (this.isInlinePicture(attributes)) {
      // An icon in a sentence (点选「<img>」就可加入) stays in the sentence, as its marker.
      this.appendText(imagePlaceholder(image));
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
    // Fallback text inside a player is not content.
    element.skip = true;
    this.skipDepth++;
  }

  private fillEmbedSource(attributes: Record<string, string>): void {
    const owner = [...this.elements].reverse().find((e) => e.embed);
    if (owner?.embed && !owner.embed.url)
      owner.embed.url = linkTarget(attributes.src, this.context.baseUrl);
  }

  private closeEmbed(embed: { label: string; url: string | null }): void {
    if (!embed.url) {
      this.addBlock({ kind: 'paragraph', spans: [{ text: `[${embed.label}]`, style: Style.dim }] });
      return;
    }
    const ref = this.reference('embed', embed.url);
    this.addBlock({ kind: 'embed', label: embed.label, url: embed.url, ref });
  }

  private closePre(): void {
    const text = this.preText.replace(/^\n/, '').replace(/\s+$/, '');
    this.preText = '';
    if (text.trim() === '') return;
    this.addBlock({ kind: 'pre', text });
  }
}
