import type { Marked } from 'marked';

let marked: Marked | undefined;

/**
 * Markdown → HTML, for the reader and body search alike; raw HTML inside the
 * Markdown passes through to the same HTML reader. The parser is loaded on
 * first use: RSS archives are HTML.
 */
export async function markdownToHtml(markdown: string): Promise<string> {
  return (await markdownReader())(markdown);
}

/** Markdown → HTML as a function that answers at once, the parser loaded first. */
export async function markdownReader(): Promise<(markdown: string) => string> {
  if (!marked) {
    const { Marked } = await import('marked');
    marked = new Marked({ gfm: true, breaks: false, async: false });
  }
  const parser = marked;
  return (markdown) => parseMarkdown(parser, markdown);
}

/**
 * The same a stretch at a time, for a long text: it is parsed in pieces of
 * about `chunkChars`, cut only at a blank line before a line that starts a
 * paragraph or a heading (a letter or `#`), outside fenced code and raw HTML
 * blocks that run across blank lines, so each piece makes the HTML it makes in
 * the whole. A text with link reference definitions is parsed whole. Null
 * when cancelled between pieces.
 */
export async function markdownToHtmlInSlices(
  markdown: string,
  options: { cancelled?: () => boolean; chunkChars?: number } = {},
): Promise<string | null> {
  const chunkChars = options.chunkChars ?? 64 * 1024;
  const parse = await markdownReader();
  if (markdown.length <= chunkChars || /^ {0,3}\[[^\]\n]+\]:/m.test(markdown))
    return parse(markdown);
  let html = '';
  for (const piece of markdownPieces(markdown, chunkChars)) {
    html += parse(piece);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.cancelled?.()) return null;
  }
  return html;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_OPEN = /<(?:pre|script|style|textarea)\b|<!--/gi;
const RAW_CLOSE = /<\/(?:pre|script|style|textarea)\s*>|-->/gi;

/** The text cut where a piece may end (see `markdownToHtmlInSlices`). */
function* markdownPieces(markdown: string, chunkChars: number): Generator<string> {
  const lines = markdown.split('\n');
  let start = 0;
  let length = 0;
  let fence: string | null = null;
  let raw = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    length += line.length + 1;
    const marker = FENCE_LINE.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (
      fence !== null &&
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      /^\s*[`~]+\s*$/.test(line)
    )
      fence = null;
    if (fence === null)
      raw += (line.match(RAW_OPEN)?.length ?? 0) - (line.match(RAW_CLOSE)?.length ?? 0);
    const next = lines[i + 1];
    if (
      length >= chunkChars &&
      fence === null &&
      raw <= 0 &&
      line.trim() === '' &&
      next !== undefined &&
      /^[#\p{L}]/u.test(next)
    ) {
      yield lines.slice(start, i + 1).join('\n');
      start = i + 1;
      length = 0;
      raw = 0;
    }
  }
  if (start < lines.length) yield lines.slice(start).join('\n');
}

/**
 * The parser is recursive: nesting it is not bounded costs stack (3 000 `>`
 * overflow it) and time (its lists cost the cube of their depth). Nesting is
 * bounded before it reads the text, and should it fail all the same, the text
 * is shown as paragraphs of plain text rather than not at all.
 */
function parseMarkdown(parser: Marked, markdown: string): string {
  try {
    return parser.parse(boundNesting(markdown), { async: false });
  } catch {
    return markdown
      .split(/\n[ \t]*\n/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('\n');
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Quotes and lists deeper than this on one line are read as this deep. */
export const MAX_CONTAINERS = 16;
/** Indentation beyond this many columns (outside code fences) counts as this many. */
export const MAX_INDENT = 40;
/** Emphasis opened inside this much emphasis, and runs of more `*` or `_` than this, are text. */
export const MAX_EMPHASIS = 8;
const MAX_DELIMITER_RUN = 6;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;

/**
 * Markdown with its nesting bounded, line by line: at most MAX_CONTAINERS
 * quote and list markers at a line's start, at most MAX_INDENT columns of
 * indentation, emphasis at most MAX_EMPHASIS deep. Text inside code fences
 * and code spans is left as written; everything else a reader reads is kept.
 */
export function boundNesting(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let emphasis = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const { prefix, content } = splitPrefix(line, fence === null);
    if (fence !== null) {
      if (content.trim().startsWith(fence) && /^[`~]+$/.test(content.trim())) fence = null;
      lines[i] = prefix + content;
      continue;
    }
    const opens = FENCE.exec(content.trimStart());
    if (opens) {
      fence = opens[1]!;
      lines[i] = prefix + content;
      continue;
    }
    if (content.trim() === '') emphasis = 0;
    const bounded = boundEmphasis(content, emphasis);
    emphasis = bounded.depth;
    lines[i] = prefix + bounded.text;
  }
  return lines.join('\n');
}

/** A line's container markers (`>`, list markers) and indentation, bounded, and the rest of it. */
function splitPrefix(line: string, capIndent: boolean): { prefix: string; content: string } {
  let prefix = '';
  let pos = 0;
  let containers = 0;
  for (;;) {
    let at = pos;
    while (line[at] === ' ' || line[at] === '\t') at++;
    const space = line.slice(pos, at);
    const spaces = capIndent && columnsOf(space) > MAX_INDENT ? ' '.repeat(MAX_INDENT) : space;
    const marker = line[at] === '>' ? '>' : LIST_MARKER.exec(line.slice(at, at + 12))?.[0];
    if (!marker) return { prefix: prefix + spaces, content: line.slice(at) };
    containers++;
    if (containers <= MAX_CONTAINERS) prefix += spaces + marker;
    pos = at + marker.length;
  }
}

function columnsOf(space: string): number {
  let columns = 0;
  for (const c of space) columns = c === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}

/**
 * A line's emphasis with openers past MAX_EMPHASIS deep (and long runs of
 * delimiters) escaped, so they read as the characters they are. `depth` is
 * how deep the paragraph's emphasis is where the line starts, and where it ends.
 */
function boundEmphasis(text: string, depth: number): { text: string; depth: number } {
  if (!/[*_]/.test(text) || /^[ \t]*(?:[*_-][ \t]*)+$/.test(text)) return { text, depth };
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '`') {
      // A code span, to the next run of as many backticks, is code.
      let run = 1;
      while (text[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      let close = text.indexOf(ticks, i + run);
      while (close >= 0 && text[close + run] === '`') {
        let next = close;
        while (text[next] === '`') next++;
        close = text.indexOf(ticks, next);
      }
      const end = close >= 0 ? close + run : i + run;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '*' && c !== '_') {
      out += c;
      i++;
      continue;
    }
    let run = 1;
    while (text[i + run] === c) run++;
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = i + run < text.length ? text[i + run]! : ' ';
    const opens = !/\s/.test(after) && (/\s/.test(before) || /[\p{P}\p{S}]/u.test(before));
    const closes = !/\s/.test(before) && (/\s/.test(after) || /[\p{P}\p{S}]/u.test(after));
    let escape = run > MAX_DELIMITER_RUN;
    if (!escape && opens && !closes) {
      if (depth >= MAX_EMPHASIS) escape = true;
      else depth++;
    } else if (!escape && closes && !opens) depth = Math.max(0, depth - 1);
    out += escape ? `\\${c}`.repeat(run) : c.repeat(run);
    i += run;
  }
  return { text: out, depth };
}
