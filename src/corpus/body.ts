import path from 'node:path';
import type { Article } from './article.js';
import { splitFrontMatter } from './front-matter.js';
import { bodyFormat, readTextSync } from './read.js';
import { bodyText, htmlText } from './body-text.js';
import { reason } from '../files/errors.js';

/**
 * The article's body as written (front matter removed, at most 8 MiB read).
 * Throws when the file cannot be read (gone, renamed, unreadable, not a file),
 * with a reason a person understands.
 */
export function readArticleBody(article: Pick<Article, 'absolutePath'>): string {
  try {
    return splitFrontMatter(readTextSync(article.absolutePath)).body;
  } catch (error) {
    throw new Error(reason(error), { cause: error });
  }
}

/** The same, empty when the file cannot be read: for searching many bodies. */
export function readBody(article: Pick<Article, 'absolutePath'>): string {
  try {
    return readArticleBody(article);
  } catch {
    return '';
  }
}

/**
 * The searchable text of the article file at `absolutePath` (empty when it
 * cannot be read): its body, HTML or Markdown as the list tells them apart,
 * read as the reader shows it (see body-text.ts).
 */
export function readBodyText(
  absolutePath: string,
  markdownToHtml: ((markdown: string) => string) | null,
): string {
  const body = readBody({ absolutePath });
  return body === ''
    ? ''
    : bodyText(body, bodyFormat(path.extname(absolutePath).toLowerCase(), body), markdownToHtml);
}

/** The searchable text of an HTML body (see body-text.ts). */
export const searchableText = htmlText;
