import type { Article } from '../corpus/article.js';
import { isPlainData } from '../corpus/intern.js';

/**
 * The version of the JSON records (`docs/json-schema.json`): it goes up when a
 * field changes its meaning or goes; new fields may come without it.
 */
export const FORMAT_VERSION = 1;

/** What a record says beyond the article's own fields: its folder, and the reader's marks. */
export interface RecordContext {
  /** The folder the article's `path` is relative to, absolute. */
  root: string;
  isRead(article: Article): boolean;
  isStarred(article: Article): boolean;
}

/** The JSON form of an article's fields, as `list --json` prints them. */
export function articleFields(article: Article, context: RecordContext) {
  return {
    formatVersion: FORMAT_VERSION,
    root: context.root,
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
    read: context.isRead(article),
    starred: context.isStarred(article),
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
