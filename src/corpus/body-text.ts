// What a search means by an article's body text: the words the reader shows of it, read in one
// streaming pass over the HTML (Markdown is made HTML first, as the reader does), with no layout.
// The element tables are the reader's own (src/render/html.ts imports them from here), so the two
// cannot drift apart. The HTML is read by the reader's own reader too, linear at any depth of nesting.
import type { BodyFormat } from './article.js';
import { readHtml } from '../text/html-events.js';
import { markdownReader } from '../text/markdown.js';
import { sanitizeText } from '../text/sanitize.js';

/** Elements whose content is not read (scripts, styles, metadata, drawings, form controls). */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  // A formula's source beside the formula: `<math>` is read from its letters and signs.
  'annotation',
  'annotation-xml',
]);

/** Elements that end a paragraph where they open and close. */
export const BLOCK_BREAKS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption',
  'dl', 'dt', 'address', 'details', 'summary', 'center', 'form', 'fieldset', 'caption', 'body', 'html',
]); // prettier-ignore

/** Elements that mark up code in `<pre>` (highlighting, links, line breaks); any other tag there is text. */
export const CODE_MARKUP: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'br', 'code', 'del', 'div', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'mark', 'p', 'pre',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'tt', 'u', 'var', 'script', 'style',
]); // prettier-ignore

/** Players and frames: shown as a label, their fallback content is not read. */
export const EMBEDS: Readonly<Record<string, string>> = {
  iframe: 'embed',
  video: 'video',
  audio: 'audio',
  embed: 'embed',
  object: 'embed',
};

/** Raised and lowered text reads as it would be typed (10^100, H_2O); a change as [-old-]{+new+}. */
export const INLINE_MARKS: Readonly<Record<string, readonly [string, string]>> = {
  sup: ['^', ''],
  sub: ['_', ''],
  del: ['[-', '-]'],
  s: ['[-', '-]'],
  strike: ['[-', '-]'],
  ins: ['{+', '+}'],
  q: ['“', '”'],
};

/** Elements that part the words on either side of them; any other element (`<b>`, `<span>`, `<a>`) joins them. */
const PARTS = new Set([
  ...BLOCK_BREAKS,
  ...['br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'dd', 'table', 'tr', 'td', 'th', 'option'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

/** A picture too small to be one (1×1 trackers) is not shown, nor its description. */
function isTrackingPixel(attributes: Record<string, string>): boolean {
  const tiny = (value: string | undefined) =>
    value !== undefined && /^\s*[01](?:px)?\s*$/.test(value);
  return tiny(attributes.width) && tiny(attributes.height);
}

const NORMAL = 0;
const SKIP = 1;
const PRE = 2;

/**
 * The searchable text of an HTML body: what the reader shows as words, in
 * order, lower-cased, with runs of white space as one space. Kept: text,
 * entities decoded, a picture's description (its `alt`), code as written.
 * Dropped: tags (inline ones join the words on either side, `你好<b>世界</b>`
 * reads 你好世界; others part them), what the reader does not show (scripts,
 * styles, templates, form controls, a player's fallback), control characters
 * and soft hyphens, and the reader's link numbers. Raised text and changes
 * read as the reader writes them (`10^100`, `[-old-]{+new+}`), so what is
 * found in the list is found again in the article.
 */
export function htmlText(html: string): string {
  const out: string[] = [];
  /** Each open element: normal, skipped, code, or the mark written when it closes. */
  const stack: Array<number | string> = [];
  let skipDepth = 0;
  let preDepth = 0;
  readHtml(html, {
    open(name, attributes, raw) {
      const at = stack.length;
      stack.push(NORMAL);
      if (skipDepth > 0) {
        stack[at] = SKIP;
        skipDepth++;
        return;
      }
      if (SKIPPED.has(name) && (preDepth === 0 || name === 'script' || name === 'style')) {
        stack[at] = SKIP;
        skipDepth++;
        return;
      }
      if (preDepth > 0) {
        // `Box<T>` in code: a tag HTML does not know, or one written in capitals, is the code's text.
        if (!CODE_MARKUP.has(name) || /[A-Z]/.test(raw.slice(1, 1 + name.length))) out.push(raw);
        else if (name === 'br') out.push(' ');
        else if (name === 'pre') {
          stack[at] = PRE;
          preDepth++;
        }
        return;
      }
      if (name === 'img') {
        if (isTrackingPixel(attributes)) return;
        // The reader shows a picture's description, with a source it can load or without.
        out.push(' ', attributes.alt ?? attributes.title ?? '', ' ');
        return;
      }
      if (name === 'pre') {
        out.push(' ');
        stack[at] = PRE;
        preDepth = 1;
        return;
      }
      if (EMBEDS[name] !== undefined) {
        out.push(' ');
        stack[at] = SKIP;
        skipDepth++;
        return;
      }
      const mark = INLINE_MARKS[name];
      if (mark) {
        out.push(mark[0]);
        stack[at] = mark[1];
      }
      if (PARTS.has(name)) out.push(' ');
    },
    close(name) {
      const element = stack.pop();
      if (element === undefined) return;
      if (element === SKIP) {
        skipDepth--;
        return;
      }
      if (element === PRE) {
        preDepth--;
        if (preDepth === 0) out.push(' ');
        return;
      }
      if (preDepth > 0) return;
      if (typeof element === 'string') out.push(element);
      if (PARTS.has(name)) out.push(' ');
    },
    text(text) {
      if (skipDepth > 0) return;
      out.push(preDepth > 0 ? text : text.replace(/\u00ad/g, ''));
    },
  });
  return sanitizeText(out.join('')).replace(/\s+/g, ' ').toLowerCase();
}

/** Markdown → HTML as the reader makes it (nesting bounded), once the parser is loaded. */
export const loadMarkdown = markdownReader;

/**
 * A body's searchable text, HTML or Markdown. Markdown the parser cannot take
 * (nesting deep enough to overflow its stack) is read as HTML, so its words
 * are still found.
 */
export function bodyText(
  body: string,
  format: BodyFormat,
  markdownToHtml: ((markdown: string) => string) | null,
): string {
  if (format === 'markdown' && markdownToHtml) {
    try {
      return htmlText(markdownToHtml(body));
    } catch {
      // Fall through: the words of the Markdown as written.
    }
  }
  return htmlText(body);
}
