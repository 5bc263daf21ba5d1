import type { Article } from '../corpus/article.js';
import { isPlainData } from '../corpus/intern.js';

/** The JSON form of an article's fields, as `list --json` prints them. */
export function articleFields(article: Article) {
  return {
    path: article.path,
    title: article.title,
    date: new Date(article.date).toISOString(),
    dateFromFile: article.dateFromFile,
    updated: article.updated === null ? null : new Date(article.updated).toISOString(),
    categories: article.categories,
    tags: article.tags,
    author: article.author,
    image: article.image,
    link: article.link,
    meta: jsonSafe(article.meta),
    problems: article.problems,
  };
}

/**
 * Front matter can hold what JSON cannot (a YAML alias that refers to itself)
 * or what it should not spell out (aliases that expand a billion times); such
 * meta is left out at reading already, and checked again here.
 */
function jsonSafe(meta: Record<string, unknown>): Record<string, unknown> {
  return isPlainData(meta, 100_000)
    ? meta
    : { error: 'front matter too large or self-referring to print' };
}
