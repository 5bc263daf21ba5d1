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
  const html = /<(h1|title)\b[^>]*>([\s\S]*?)<\/\1\s*>/i.exec(body);
  const markdown = format === 'markdown' ? /^#[ \t]+(.+?)[ \t#]*$/m.exec(body) : null;
  const candidates: Array<[number, string]> = [];
  if (html) candidates.push([html.index, decodeHTML(html[2]!.replace(/<[^>]*>/g, ''))]);
  if (markdown) candidates.push([markdown.index, markdown[1]!]);
  candidates.sort((a, b) => a[0] - b[0]);
  for (const [, text] of candidates) {
    const line = sanitizeLine(text);
    if (line) return line;
  }
  return '';
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
