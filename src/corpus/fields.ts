import type { Article, BodyFormat } from './article.js';
import { normalizeCategories, normalizeTags } from './categories.js';
import { isPlainData, shareValue } from './intern.js';
import { parseDate } from './dates.js';
import { unwrapProxy } from '../text/urls.js';
import { sanitizeLine } from '../text/sanitize.js';
import { decodeHTML } from 'entities/decode';

const FIELD_KEYS = new Set([
  'title', 'date', 'updated', 'categories', 'category', 'tags', 'author',
  'headimg', 'cover', 'thumbnail', 'banner', 'link', 'url', 'permalink',
]); // prettier-ignore

export interface ArticleSource {
  path: string;
  absolutePath: string;
  /** Modification time of the file, ms since the epoch. */
  mtime: number;
  data: Record<string, unknown>;
  body: string;
  format: BodyFormat;
  problems: string[];
}

/** Front matter → the normal form of every field: dates as instants, categories as paths, names on one line. */
export function normalizeArticle(source: ArticleSource): Article {
  const { data, problems } = source;
  const date = readDate(data.date, 'date', problems);
  const updated = readDate(data.updated, 'updated', problems);
  let meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!FIELD_KEYS.has(key)) meta[key] = value;
  }
  if (!isPlainData(meta, 10_000)) {
    // YAML aliases can make a few lines stand for a billion values, or for a loop.
    meta = {};
    problems.push('front matter too large or self-referring; its extra fields are left out');
  }
  return {
    path: source.path,
    absolutePath: source.absolutePath,
    title: readTitle(data.title, source),
    date: date ?? source.mtime,
    dateFromFile: date === null,
    updated,
    categories: shareValue(normalizeCategories(data.categories ?? data.category)),
    tags: shareValue(normalizeTags(data.tags)),
    author: shareNullable(readAuthor(data.author)),
    image: firstString(data, ['headimg', 'cover', 'thumbnail', 'banner'], unwrapProxy),
    link: firstString(data, ['link', 'url', 'permalink']),
    meta: shareValue(meta),
    problems: problems.length > 0 ? problems : shareValue([]),
    format: source.format,
  };
}

function shareNullable(value: string | null): string | null {
  return value === null ? null : shareValue(value);
}

function readDate(value: unknown, key: string, problems: string[]): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parseDate(value);
  if (!parsed) problems.push(`unreadable ${key}: ${sanitizeLine(String(value)).slice(0, 60)}`);
  return parsed?.time ?? null;
}

/** True when the front matter names the article itself, so its body need not be read for a heading. */
export function hasTitle(data: Record<string, unknown>): boolean {
  return givenTitle(data.title) !== '';
}

/** A title as written, its entities decoded: feeds write `Q&amp;A` in titles as they do in bodies. */
function givenTitle(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  return sanitizeLine(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text) ? decodeHTML(text) : text);
}

function readTitle(value: unknown, source: ArticleSource): string {
  const given = givenTitle(value);
  if (given) return given;
  const fromBody = bodyHeading(source.body, source.format);
  if (fromBody) return fromBody;
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  return sanitizeLine(name.replace(/\.[^.]+$/, '')) || name;
}

/** The body's first `<h1>` or `<title>`; in Markdown also a `# heading` line. */
function bodyHeading(body: string, format: BodyFormat): string {
  const html = htmlHeading(body);
  const markdown = format === 'markdown' ? markdownHeading(body) : null;
  const candidates: Array<[number, string]> = [];
  if (html) candidates.push(html);
  if (markdown) candidates.push(markdown);
  candidates.sort((a, b) => a[0] - b[0]);
  for (const [, text] of candidates) {
    const line = sanitizeLine(text);
    if (line) return line;
  }
  return '';
}

/**
 * The first `<h1>…</h1>` or `<title>…</title>` (any case), where it starts
 * and its text, tags dropped and entities decoded. Each search goes on from
 * where the last ended, so a body of unclosed headings costs its length once.
 */
function htmlHeading(body: string): [number, string] | null {
  const opening = /<(h1|title)\b/gi;
  /** Names with no closing tag after the last one tried: none after any later one either. */
  const unclosed = new Set<string>();
  for (let open = opening.exec(body); open; open = opening.exec(body)) {
    const name = open[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const end = body.indexOf('>', opening.lastIndex);
    // No tag after this one is ever closed by a `>`.
    if (end < 0) return null;
    const closing = new RegExp(`</${name}\\s*>`, 'gi');
    closing.lastIndex = end + 1;
    const close = closing.exec(body);
    if (!close) {
      unclosed.add(name);
      continue;
    }
    return [open.index, decodeHTML(withoutTags(body.slice(end + 1, close.index)))];
  }
  return null;
}

/** Text with every `<…>` taken out; a `<` with no `>` after it stays, with what follows. */
function withoutTags(html: string): string {
  let out = '';
  let at = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', at)) {
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    out += html.slice(at, lt);
    at = gt + 1;
  }
  return out + html.slice(at);
}

/**
 * The first `# heading` line with a character after its space, where it
 * starts and its text: the spaces before it and the closing `#`s and spaces
 * after it trimmed, at least one character kept.
 */
function markdownHeading(body: string): [number, string] | null {
  const heading = /^#[ \t](.+)$/m.exec(body);
  if (!heading) return null;
  const text = heading[1]!;
  const blank = (at: number) => text[at] === ' ' || text[at] === '\t';
  let start = 0;
  let end = text.length;
  while (end - start > 1 && blank(start)) start++;
  while (end - start > 1 && (blank(end - 1) || text[end - 1] === '#')) end--;
  return [heading.index, text.slice(start, end)];
}

function readAuthor(value: unknown): string | null {
  const name =
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>).name
      : value;
  if (typeof name !== 'string' && typeof name !== 'number') return null;
  return sanitizeLine(String(name)) || null;
}

function firstString(
  data: Record<string, unknown>,
  keys: string[],
  transform: (value: string) => string = (value) => value,
): string | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return transform(value.trim());
  }
  return null;
}
