import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeHTML } from 'entities/decode';
import type { Article } from './article.js';
import { splitFrontMatter } from './front-matter.js';
import { decodeText } from './read.js';

/** The article's body as written (front matter removed); empty when the file is gone. */
export async function readBody(article: Article): Promise<string> {
  try {
    const { text } = decodeText(await readFile(article.absolutePath));
    return splitFrontMatter(text).body;
  } catch {
    return '';
  }
}

/** The same, read synchronously: for going through thousands of bodies in time-sliced batches. */
export function readBodySync(article: Pick<Article, 'absolutePath'>): string {
  try {
    const { text } = decodeText(readFileSync(article.absolutePath));
    return splitFrontMatter(text).body;
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
