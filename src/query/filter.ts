import type { Article } from '../corpus/article.js';
import { fieldTerm } from './parse.js';

/** The filters of the command line, shared by `list`, `cat` and the browser's starting view. */
export interface ArticleFilter {
  category?: string;
  tag?: string;
  author?: string;
  since?: string;
  until?: string;
}

/**
 * The filters as the search language says them, so that each has one meaning
 * wherever it is written: `--category X` is `cat:X`, `--author` is `author:`,
 * `--tag` is `tag:`, `--since D` is `after:D`, `--until D` is `before:D`.
 */
export function filterQuery(filter: ArticleFilter): string {
  const terms: string[] = [];
  if (filter.category !== undefined) terms.push(fieldTerm('cat', filter.category));
  if (filter.tag !== undefined) terms.push(fieldTerm('tag', filter.tag));
  if (filter.author !== undefined) terms.push(fieldTerm('author', filter.author));
  if (filter.since !== undefined) terms.push(fieldTerm('after', filter.since));
  if (filter.until !== undefined) terms.push(fieldTerm('before', filter.until));
  return terms.join(' ');
}

/** The category tree's choice: articles filed under exactly this path from its root. */
export function inCategory(category: string): (article: Article) => boolean {
  const prefix = category.split('/').map((part) => part.toLowerCase());
  return (article) =>
    article.categories.some(
      (path) =>
        prefix.length <= path.length && prefix.every((part, i) => path[i]!.toLowerCase() === part),
    );
}
