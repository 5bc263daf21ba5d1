import type { Article } from '../corpus/article.js';
import { joinCategoryPath } from '../corpus/categories.js';
import type { ImageSource } from '../images/source.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { Style, type Block, type Doc, type ImageRef, type Span, type TableRow } from './doc.js';
import { dateLabel } from './article.js';
import { itemNumber, itemNumbers } from './layout.js';
import { placeCells } from './table.js';

/**
 * An article as Markdown, for notes and other tools: `# Title`, a line of
 * date, categories and author, then the body — headings, lists, quotes,
 * tables as GFM tables, links with their URLs, pictures as `![alt](url)`,
 * code fenced. Paragraphs are one line each: Markdown is wrapped by whoever
 * shows it.
 */
export function articleMarkdown(article: Article, doc: Doc): string {
  const facts = [
    dateLabel(article),
    article.categories.map(joinCategoryPath).join(', '),
    article.author ?? '',
  ].filter(Boolean);
  const source = article.link ? ` · <${article.link.replace(/[<>\s]/g, encodeURIComponent)}>` : '';
  const header = [
    `# ${escapeText(sanitizeLine(article.title))}`,
    `${escapeText(sanitizeLine(facts.join(' · ')))}${source}`,
  ];
  const body = docMarkdown(doc);
  return `${[...header, ...(body ? [body] : [])].join('\n\n')}\n`;
}

/** The body of a document as Markdown. */
export function docMarkdown(doc: Doc): string {
  const writer = new MarkdownWriter(doc);
  return writer.blocks(doc.blocks).join('\n');
}

class MarkdownWriter {
  constructor(private readonly doc: Doc) {}

  /** Blocks as lines, one blank line between blocks. */
  blocks(blocks: Block[]): string[] {
    const out: string[] = [];
    for (const block of blocks) {
      const lines = this.block(block);
      if (lines.length === 0) continue;
      if (out.length > 0) out.push('');
      for (const line of lines) out.push(line);
    }
    return out;
  }

  private block(block: Block): string[] {
    switch (block.kind) {
      case 'paragraph':
        // A line break in a paragraph is a backslash at the end of the line.
        return this.inline(block.spans).replace(/\n/g, '\\\n').split('\n');
      case 'heading':
        return [
          `${'#'.repeat(Math.min(block.level, 6))} ${this.inline(block.spans).replace(/\n/g, ' ')}`,
        ];
      case 'list':
        return this.list(block);
      case 'quote': {
        const inner = this.blocks(block.blocks);
        // A description (`<dd>`) has no bar in Markdown either: its paragraphs stand as they are.
        return block.bar === false ? inner : inner.map((line) => (line ? `> ${line}` : '>'));
      }
      case 'pre':
        return fenced(block.text);
      case 'rule':
        return ['---'];
      case 'image':
        return [this.picture(block.image)];
      case 'embed':
        return [`[${escapeText(block.label)}](${url(block.url)})`];
      case 'table':
        return this.table(block.rows);
    }
  }

  private list(block: Extract<Block, { kind: 'list' }>): string[] {
    const numbers = itemNumbers(block);
    const out: string[] = [];
    const loose = block.items.some((item) => item.filter((b) => b.kind !== 'list').length > 1);
    block.items.forEach((item, i) => {
      // Markdown counts in digits; a list counted in letters keeps its letters as text.
      const marker = !block.ordered
        ? '-'
        : block.numbering
          ? `- ${itemNumber(numbers[i]!, block.numbering)}.`
          : `${Math.max(0, numbers[i]!)}.`;
      const indent = ' '.repeat(block.ordered && !block.numbering ? marker.length + 1 : 2);
      const lines = this.itemLines(item);
      if (loose && i > 0) out.push('');
      lines.forEach((line, l) => {
        if (l === 0) out.push(`${marker} ${line}`.trimEnd());
        else out.push(line ? `${indent}${line}` : '');
      });
      if (lines.length === 0) out.push(marker);
    });
    return out;
  }

  /** A list item: its paragraphs, with a nested list right under the text before it. */
  private itemLines(blocks: Block[]): string[] {
    const out: string[] = [];
    blocks.forEach((block, i) => {
      const lines = this.block(block);
      if (lines.length === 0) return;
      if (out.length > 0 && !(block.kind === 'list' && blocks[i - 1]?.kind === 'paragraph'))
        out.push('');
      for (const line of lines) out.push(line);
    });
    return out;
  }

  private table(rows: TableRow[]): string[] {
    const grid = placeCells(rows);
    const columns = grid.columns;
    const cells: string[][] = rows.map(() => new Array<string>(columns).fill(''));
    const aligns: Array<'left' | 'center' | 'right' | undefined> = new Array(columns);
    for (const spot of grid.placed) {
      // A cell spanning columns or rows is written once, in its first slot.
      cells[spot.row]![spot.column] = this.inline(spot.cell.spans)
        .replace(/\|/g, '\\|')
        .replace(/\n/g, '<br>');
      aligns[spot.column] ??= spot.cell.align;
    }
    const headed = rows[0]?.header ?? false;
    const head = headed ? cells[0]! : new Array<string>(columns).fill('');
    const body = headed ? cells.slice(1) : cells;
    const widths = Array.from({ length: columns }, (_, c) =>
      Math.max(3, ...[head, ...body].map((row) => displayWidth(row[c]!))),
    );
    const row = (values: string[]) =>
      `| ${values.map((v, c) => v + ' '.repeat(widths[c]! - displayWidth(v))).join(' | ')} |`;
    const rule = widths.map((w, c) => {
      const align = aligns[c];
      const dashes = '-'.repeat(w - (align === 'center' ? 2 : align ? 1 : 0));
      return align === 'center'
        ? `:${dashes}:`
        : align === 'right'
          ? `${dashes}:`
          : align === 'left'
            ? `:${dashes}`
            : dashes;
    });
    return [row(head), `| ${rule.join(' | ')} |`, ...body.map(row)];
  }

  /** A picture, inside the link it stands for unless the text around it is that link already. */
  private picture(image: ImageRef, linked = true): string {
    const picture = `![${escapeText(image.alt)}](${url(imageAddress(image.source))})`;
    const link =
      image.link === undefined || !linked ? undefined : this.doc.references[image.link - 1];
    return link ? `[${picture}](${url(link.target)})` : picture;
  }

  /** Styled text as Markdown: emphasis, code, links with their URLs; a link's number is left out. */
  inline(spans: Span[]): string {
    let out = '';
    for (let i = 0; i < spans.length;) {
      const span = spans[i]!;
      if (span.style & Style.marker) {
        i++;
        continue;
      }
      if (span.href !== undefined) {
        // A link's spans together: `[text](url)`.
        let j = i;
        let text = '';
        while (j < spans.length && spans[j]!.href === span.href) {
          if ((spans[j]!.style & Style.marker) === 0) text += this.styled(spans[j]!);
          j++;
        }
        out += `[${text}](${url(span.href)})`;
        i = j;
        continue;
      }
      out += this.styled(span);
      i++;
    }
    return out;
  }

  private styled(span: Span): string {
    if (span.image) return this.picture(span.image, span.href === undefined);
    if (span.text === '\n') return '\n';
    if (span.style & Style.code) return codeSpan(span.text);
    // A deletion is marked `[-…-]` in text; Markdown strikes it through instead.
    const written =
      span.style & Style.strike ? span.text.replace(/^\[-/, '').replace(/-\]$/, '') : span.text;
    const text = escapeText(written);
    const core = text.trim();
    if (core === '') return text;
    // `**` next to punctuation may not close (CommonMark's flanking rules: `**思路：**当`): tags always do.
    const tags = /^[\p{P}\p{S}]|[\p{P}\p{S}]$/u.test(core);
    const wrap = (mark: string, tag: string) => (text: string) =>
      tags ? `<${tag}>${text}</${tag}>` : `${mark}${text}${mark}`;
    let marked = core;
    if (span.style & Style.strike) marked = wrap('~~', 'del')(marked);
    if (span.style & Style.italic) marked = wrap('*', 'em')(marked);
    if (span.style & Style.bold) marked = wrap('**', 'strong')(marked);
    // Emphasis hugs its words: the spaces around it stay outside.
    const lead = text.slice(0, text.length - text.trimStart().length);
    const trail = text.slice(text.trimEnd().length);
    return `${lead}${marked}${trail}`;
  }
}

/** Where a picture is, as Markdown writes it: its URL, its path, or its bytes as a `data:` URI. */
function imageAddress(source: ImageSource): string {
  switch (source.kind) {
    case 'remote':
      return source.url;
    case 'file':
      return source.path;
    case 'data':
      return `data:${source.mime};base64,${Buffer.from(source.bytes).toString('base64')}`;
  }
}

/** A URL as a link destination: in angle brackets when it holds spaces or parentheses. */
function url(target: string): string {
  return /[\s()<>]/.test(target) ? `<${target.replace(/[<>\n]/g, encodeURIComponent)}>` : target;
}

/** Code in a span of backticks longer than any run inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Code in a fence longer than any run of backticks inside it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [fence, ...text.split('\n'), fence];
}

/** Text with what Markdown would read as markup escaped: emphasis, code, links, HTML, and line starts that open blocks. */
function escapeText(text: string): string {
  return (
    text
      .replace(/[\\`*[\]<]/g, '\\$&')
      // An underscore inside a word (snake_case) is no emphasis; at a word's edge it could be.
      .replace(/_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu, '\\_')
      .replace(/(^|\n)([#>+-])(?= |$)/g, '$1\\$2')
      .replace(/(^|\n)(\d+)([.)])(?= |$)/g, '$1$2\\$3')
      .replace(/(^|\n)(=+|-+)$/g, '$1\\$2')
      // A web address in text stays text: GFM would make it a link of its own.
      .replace(/\b(https?|ftp):\/\//gi, '$1\\://')
      .replace(/\bwww\./gi, 'www\\.')
  );
}
