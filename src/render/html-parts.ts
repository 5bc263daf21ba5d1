import { sanitizeText } from '../text/sanitize.js';
import { unwrapProxy } from '../text/urls.js';
import { expandTabs } from '../text/width.js';
import { trailingSpaceLength, trimEndSpace } from '../text/trim.js';
import { imagePlaceholder, Style, type Block, type Span, type TableCell } from './doc.js';

/**
 * The pieces of reading HTML that are plain functions: paragraphs and their
 * white space, blocks inside table cells, link targets, tracking pixels.
 */

/** Splits inline content at runs of two or more line breaks, trimming each paragraph. */
export function splitParagraphs(spans: Span[]): Span[][] {
  const paragraphs: Span[][] = [];
  let current: Span[] = [];
  let breaks = 0;
  const end = () => {
    const trimmed = trimSpans(current);
    if (trimmed.length > 0) paragraphs.push(trimmed);
    current = [];
  };
  for (const span of spans) {
    if (span.text === '\n') {
      breaks++;
      if (breaks === 2) end();
      if (breaks === 1) current.push(span);
      continue;
    }
    if (span.text.trim() === '' && breaks > 0) continue;
    breaks = 0;
    current.push(span);
  }
  end();
  return paragraphs;
}

/** White space at the edge of a paragraph, no-break and ideographic spaces included: `<p>&nbsp;</p>` is empty. */
const EDGE_SPACE_START = /^[\s\u200b]+/;

/**
 * Removes leading and trailing white space and line breaks, and the spaces that
 * stand beside a line break or repeat across span boundaries.
 */
export function trimSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  let lastEndsInSpace = true;
  for (const span of spans) {
    let text = span.text;
    // Code keeps its indentation.
    if (span.style & Style.pre) {
      out.push({ ...span });
      lastEndsInSpace = false;
      continue;
    }
    if (text === '\n') {
      const previous = out[out.length - 1];
      if (!previous) continue;
      previous.text = trimEndSpace(previous.text);
      if (previous.text === '') out.pop();
      if (out.length > 0 && out[out.length - 1]!.text !== '\n') out.push({ ...span });
      lastEndsInSpace = true;
      continue;
    }
    if (lastEndsInSpace) text = text.replace(EDGE_SPACE_START, '');
    if (text === '') continue;
    // Spans come fresh from the reader: one kept as it is need not be copied.
    out.push(text === span.text ? span : { ...span, text });
    lastEndsInSpace = trailingSpaceLength(text) > 0;
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.text === '\n') {
      out.pop();
      continue;
    }
    last.text = trimEndSpace(last.text);
    if (last.text === '') {
      out.pop();
      continue;
    }
    break;
  }
  return out;
}

/** A block inside a table cell, as the cell's spans. */
export function blockAsSpans(block: Block): Span[] {
  const newline: Span = { text: '\n', style: 0 };
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return [
        newline,
        ...block.spans.map((s) =>
          block.kind === 'heading' ? { ...s, style: s.style | Style.bold } : s,
        ),
      ];
    case 'image':
      return [
        newline,
        { text: imagePlaceholder(block.image), style: Style.dim, image: block.image },
      ];
    case 'embed':
      return [
        newline,
        { text: `[${block.label}]`, style: Style.dim, href: block.url },
        { text: `[${block.ref}]`, style: Style.dim | Style.marker },
      ];
    case 'pre':
      return [newline, { text: expandTabs(block.text), style: Style.code | Style.pre }];
    default:
      return [];
  }
}

/** A link's target, or null for one we drop: `javascript:`, in-page anchors, nothing. */
export function linkTarget(
  raw: string | undefined,
  base: string | null | undefined,
): string | null {
  // A proxy wrapper around the real URL stands for it, in links, videos and frames as in pictures;
  // tabs and line breaks inside a URL are not part of it, as browsers read it.
  const href = unwrapProxy(
    sanitizeText(raw ?? '')
      .replace(/[\t\n\r]/g, '')
      .trim(),
  );
  if (href === '' || href.startsWith('#')) return null;
  if (/^(?:javascript|vbscript|data):/i.test(href.replace(/\s+/g, ''))) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (base) {
    try {
      return new URL(href, base).href;
    } catch {
      return href;
    }
  }
  if (href.startsWith('//')) return `https:${href}`;
  return href;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function isTrackingPixel(attributes: Record<string, string>): boolean {
  const tiny = (value: string | undefined) =>
    value !== undefined && /^\s*[01](?:px)?\s*$/.test(value);
  return tiny(attributes.width) && tiny(attributes.height);
}

/** A cell's `colspan` or `rowspan`: a whole number from `least` to `most`, else 1. */
export function spanCount(value: string | undefined, least: number, most: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= least ? Math.min(n, most) : 1;
}

/** How a cell's text lines up, from `align` or the style's `text-align`. */
export function cellAlignment(attributes: Record<string, string>): TableCell['align'] {
  const said =
    attributes.align ?? /text-align\s*:\s*([a-z]+)/i.exec(attributes.style ?? '')?.[1] ?? '';
  const align = said.toLowerCase();
  return align === 'left' || align === 'center' || align === 'right' ? align : undefined;
}
