import type { Article } from '../corpus/article.js';
import { fieldMatcher } from './match.js';
import type { SearchQuery } from './parse.js';

/**
 * True when every article matching `after` also matches `before`: the same
 * words, the last perhaps longer and of the same field, perhaps more words,
 * and nothing (a `-`, a date, a quote) that could let more through.
 */
export function onlyNarrows(before: string, after: string): boolean {
  if (/(^|\s)-|after:|before:|"/i.test(after)) return false;
  const old = before.trim().split(/\s+/).filter(Boolean);
  const now = after.trim().split(/\s+/).filter(Boolean);
  if (old.length === 0 || old.length > now.length) return false;
  const field = (token: string) => /^([a-z]+):/i.exec(token)?.[1]?.toLowerCase() ?? '';
  const last = old.length - 1;
  return old.every((token, i) =>
    i < last
      ? token === now[i]
      : now[i]!.startsWith(token) &&
        field(now[i]!) === field(token) &&
        (field(token) !== '' || !now[i]!.includes(':')),
  );
}

/**
 * A filter over article fields that remembers its last answer: a query that
 * only narrows the last one searches what it found, and an answer that drops
 * nothing is the same array as before.
 */
export function narrowingFilter(): (
  articles: readonly Article[],
  source: string,
  query: SearchQuery,
) => readonly Article[] {
  let last: { articles: readonly Article[]; source: string; result: readonly Article[] } | null =
    null;
  return (articles, source, query) => {
    if (query.terms.length === 0) {
      last = null;
      return articles;
    }
    const narrows = last !== null && last.articles === articles && onlyNarrows(last.source, source);
    const pool = narrows ? last!.result : articles;
    const filtered = pool.filter(fieldMatcher(query));
    const result = narrows && filtered.length === pool.length ? last!.result : filtered;
    last = { articles, source, result };
    return result;
  };
}
