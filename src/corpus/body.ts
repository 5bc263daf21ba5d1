import { decodeHTML } from 'entities/decode';
import type { Article } from './article.js';
import { splitFrontMatter } from './front-matter.js';
import { readTextSync } from './read.js';

/** The article's body as written (front matter removed, at most 8 MiB read); empty when the file is gone. */
export function readBody(article: Pick<Article, 'absolutePath'>): string {
  try {
    return splitFrontMatter(readTextSync(article.absolutePath)).body;
  } catch {
    return '';
  }
}

/** Lower-cased text of a body for matching: tags, scripts and styles dropped, entities decoded. */
export function searchableText(body: string): string {
  const text = body
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeHTML(text).replace(/\s+/g, ' ').toLowerCase();
}
