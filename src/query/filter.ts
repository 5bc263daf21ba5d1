import type { Article } from '../corpus/article.js';

/** The filters shared by `list`, `cat` and the TUI's starting view. */
export interface ArticleFilter {
  /** `A/B`: a prefix of any category path. */
  category?: string;
  tag?: string;
  author?: string;
  /** Inclusive lower bound, ms since the epoch. */
  since?: number;
  /** Exclusive upper bound, ms since the epoch. */
  until?: number;
}

/** A predicate for the filter; every given condition must hold. */
export function matchesFilter(filter: ArticleFilter): (article: Article) => boolean {
  const prefix = filter.category
    ?.split('/')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const tag = filter.tag?.toLowerCase();
  const author = filter.author?.toLowerCase();
  return (article) =>
    (!prefix || article.categories.some((path) => startsWith(path, prefix))) &&
    (!tag || article.tags.some((t) => t.toLowerCase() === tag)) &&
    (!author || article.author?.toLowerCase() === author) &&
    (filter.since === undefined || article.date >= filter.since) &&
    (filter.until === undefined || article.date < filter.until);
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i]!.toLowerCase() === part);
}
