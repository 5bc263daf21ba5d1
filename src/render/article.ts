import type { Article } from '../corpus/article.js';
import { joinCategoryPath } from '../corpus/categories.js';
import { formatLocalMinute } from '../corpus/dates.js';
import { glyphs } from '../text/profile.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { describeImageSource, imageName, resolveImageSource } from '../images/resolve.js';
import { Style, type Doc, type Span } from './doc.js';
import { htmlToDoc, htmlToDocInSlices } from './html.js';
import { imageLines, layoutDoc, layoutDocInSlices } from './layout.js';
import { blankLine, lineText, type RenderedLine } from './line.js';
import { markdownToHtml, markdownToHtmlInSlices } from '../text/markdown.js';
import { wrapSpans } from './wrap.js';
import { inSlices } from '../text/slices.js';

/** An article's body as the document model, from HTML or Markdown alike. */
export async function bodyToDoc(article: Article, body: string): Promise<Doc> {
  const html = article.format === 'markdown' ? await markdownToHtml(body) : body;
  return untitled(
    htmlToDoc(html, { articleFile: article.absolutePath, baseUrl: article.link }),
    article,
  );
}

/**
 * The document without the heading it opens with when that heading is the
 * article's title (a Markdown file named by its `# heading`): the header above
 * the body says it already.
 */
export function untitled(doc: Doc, article: Pick<Article, 'title'>): Doc {
  const first = doc.blocks[0];
  if (first?.kind !== 'heading' || first.level !== 1) return doc;
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const heading = words(first.spans.map((span) => span.text).join(''));
  if (heading === '' || heading !== words(article.title)) return doc;
  return { ...doc, blocks: doc.blocks.slice(1) };
}

/** Work done a stretch at a time, with turns of the event loop between, until done or cancelled. */
export interface SliceOptions {
  sliceMs: number;
  cancelled?: () => boolean;
}

/** The same, read a piece at a time (see `htmlToDocInSlices`); null when cancelled. */
export async function bodyToDocInSlices(
  article: Article,
  body: string,
  slices: SliceOptions,
): Promise<Doc | null> {
  const html =
    article.format === 'markdown'
      ? await markdownToHtmlInSlices(body, { cancelled: slices.cancelled })
      : body;
  if (html === null || slices.cancelled?.()) return null;
  const doc = await htmlToDocInSlices(
    html,
    { articleFile: article.absolutePath, baseUrl: article.link },
    slices,
  );
  return doc && untitled(doc, article);
}

export interface RenderedArticle {
  doc: Doc;
  header: RenderedLine[];
  /** The lead image (`headimg`, `cover` …) when the body does not show it already. */
  lead: RenderedLine[];
  body: RenderedLine[];
  references: RenderedLine[];
}

/**
 * How lines are set: for a terminal everything fits the width; for a pipe
 * (`plain`), a reference URL and a line of code are kept whole past it, so the
 * next tool gets whole tokens, and headings below the second level are marked `###`.
 */
export interface LayoutOptions {
  plain?: boolean;
}

/** The header, body and numbered references of an article, at `width` columns. */
export async function renderArticle(
  article: Article,
  body: string,
  width: number,
  options: LayoutOptions = {},
): Promise<RenderedArticle> {
  return layoutArticle(article, await bodyToDoc(article, body), width, options);
}

/** The same, from a document already read: re-layout at a new width costs no parsing. */
export function layoutArticle(
  article: Article,
  doc: Doc,
  width: number,
  options: LayoutOptions = {},
): RenderedArticle {
  return {
    doc,
    header: renderHeader(article, width),
    lead: leadImageLine(article, doc, width),
    body: layoutDoc(doc, width, options.plain),
    references: renderReferences(doc, width, options.plain ?? false),
  };
}

/** The same, the body and references laid out a few at a time (see `inSlices`); null when cancelled. */
export async function layoutArticleInSlices(
  article: Article,
  doc: Doc,
  width: number,
  slices: SliceOptions,
  options: LayoutOptions = {},
): Promise<RenderedArticle | null> {
  const plain = options.plain ?? false;
  const body = await layoutDocInSlices(doc, width, plain, slices);
  if (!body) return null;
  const references: RenderedLine[] = [];
  const each = (i: number) => appendReference(references, doc, i, width, plain);
  if (!(await inSlices(doc.references.length, each, slices))) return null;
  return {
    doc,
    header: renderHeader(article, width),
    lead: leadImageLine(article, doc, width),
    body,
    references,
  };
}

/**
 * All of it in reading order: header, a blank line, the body, then the
 * references; the reader also shows the lead image under the header.
 */
export function articleLines(
  rendered: RenderedArticle,
  options: { lead?: boolean } = {},
): RenderedLine[] {
  const lead = options.lead && rendered.lead.length > 0 ? [...rendered.lead, blankLine()] : [];
  const lines = [...rendered.header, blankLine(), ...lead, ...rendered.body];
  if (rendered.references.length > 0) lines.push(blankLine(), ...rendered.references);
  return lines;
}

function leadImageLine(article: Article, doc: Doc, width: number): RenderedLine[] {
  if (!article.image) return [];
  const source = resolveImageSource(article.image, article.absolutePath);
  if (
    !source ||
    doc.references.some((reference) => reference.target === describeImageSource(source))
  )
    return [];
  return imageLines({ source, alt: imageName(source), ref: 0 }, width);
}

/** An article as plain text, as `cat` prints it for a pipe: what the browser hands to a command. */
export async function plainArticleText(
  article: Article,
  body: string,
  width: number,
): Promise<string> {
  const rendered = await renderArticle(article, body, width, { plain: true });
  return articleLines(rendered)
    .map((line) => `${lineText(line).trimEnd()}\n`)
    .join('');
}

/**
 * When an article gives no date (or one that cannot be read), its file's time stands in: said so.
 * Of standard input, which has no file of its own, nothing is said.
 */
export function dateLabel(article: Pick<Article, 'date' | 'dateFromFile' | 'undated'>): string {
  if (article.undated && article.dateFromFile) return '';
  const minute = formatLocalMinute(article.date);
  return article.dateFromFile ? `${minute} (the file's time: no date it could read)` : minute;
}

/** Title, then date · categories · author. */
export function renderHeader(article: Article, width: number): RenderedLine[] {
  const title = wrapSpans(
    [{ text: sanitizeLine(article.title), style: Style.bold | Style.heading }],
    width,
  );
  const facts = [
    dateLabel(article),
    article.categories.map(joinCategoryPath).join(', '),
    article.author ?? '',
  ].filter(Boolean);
  const meta = wrapSpans(
    [{ text: sanitizeLine(facts.join(glyphs().separator)), style: Style.dim }],
    width,
  );
  return [...title, ...meta].map((spans) => ({ spans }));
}

/** `[N] target` a line, continuing lines indented under the target. */
function renderReferences(doc: Doc, width: number, whole: boolean): RenderedLine[] {
  const lines: RenderedLine[] = [];
  for (let i = 0; i < doc.references.length; i++) appendReference(lines, doc, i, width, whole);
  return lines;
}

/** Adds the lines of the document's `index`th reference. */
function appendReference(
  lines: RenderedLine[],
  doc: Doc,
  index: number,
  width: number,
  whole: boolean,
): void {
  const reference = doc.references[index]!;
  const labelWidth = displayWidth(`[${doc.references.length}] `);
  const label = `[${reference.n}] `.padStart(labelWidth);
  // A URL or path is one word, its spaces escaped; a note on a picture kept in the article reads as written.
  const target: Span = reference.embedded
    ? { text: reference.target, style: Style.dim }
    : { text: reference.target.replace(/ /g, '%20'), style: Style.link };
  if (reference.kind !== 'image' || /^https?:/.test(reference.target))
    target.href = reference.target;
  // For a pipe, one URL a line, whole: `grep -o 'https\?://[^ ]*'` gets it all.
  const wrapped = whole ? [[target]] : wrapSpans([target], Math.max(1, width - labelWidth));
  wrapped.forEach((spans, i) =>
    lines.push({
      spans: [{ text: i === 0 ? label : ' '.repeat(labelWidth), style: Style.dim }, ...spans],
    }),
  );
}
