import { decodeHTML } from 'entities/decode';
import type { Article } from './article.js';
import { splitFrontMatter } from './front-matter.js';
import { readTextSync } from './read.js';
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

/** Lower-cased text of a body for matching: tags, scripts and styles dropped, entities decoded. */
export function searchableText(body: string): string {
  const text = body
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Inline tags join the words on either side (你好<b>世界</b> reads 你好世界); others part them.
    .replace(
      /<\/?(?:a|b|strong|i|em|u|s|span|font|code|kbd|mark|small|big|sub|sup|del|ins|abbr|cite|q|tt|var)\b[^>]*>/gi,
      '',
    )
    .replace(/<[^>]*>/g, ' ');
  return decodeHTML(text).replace(/\s+/g, ' ').toLowerCase();
}
