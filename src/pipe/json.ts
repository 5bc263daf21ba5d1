import type { Article } from '../corpus/article.js';

/** The JSON form of an article's fields, as `list --json` prints them (SPEC §2). */
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
 * meta is replaced by a note instead of breaking or flooding the output.
 */
function jsonSafe(meta: Record<string, unknown>): Record<string, unknown> {
  const limit = 100_000;
  let nodes = 0;
  const inProgress = new Set<object>();
  const fits = (value: unknown): boolean => {
    if (++nodes > limit) return false;
    if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
    if (inProgress.has(value)) return false;
    inProgress.add(value);
    const ok = Object.values(value).every(fits);
    inProgress.delete(value);
    return ok;
  };
  return fits(meta) ? meta : { error: 'front matter too large or self-referring to print' };
}
