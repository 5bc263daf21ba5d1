import type { ArticleColumns, Selection } from './columns.js';
import type { Marks } from './match.js';
import type { SearchQuery } from './parse.js';

/**
 * True when every article matching `after` also matches `before`: the same
 * words, the last perhaps longer and of the same field, perhaps more words,
 * and nothing (a `-`, a date, a quote) that could let more through.
 */
export function onlyNarrows(before: string, after: string): boolean {
  if (/(^|\s)-|after:|before:|is:|"/i.test(after)) return false;
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
 * nothing is the same selection as before.
 */
export function narrowingFilter(): (
  columns: ArticleColumns,
  from: Selection,
  source: string,
  query: SearchQuery,
  marks?: Marks,
) => Selection {
  let last: { columns: ArticleColumns; from: Selection; source: string; result: Selection } | null =
    null;
  return (columns, from, source, query, marks) => {
    if (query.terms.length === 0) {
      last = null;
      return from;
    }
    const narrows =
      last !== null &&
      last.columns === columns &&
      last.from === from &&
      onlyNarrows(last.source, source);
    const pool = narrows ? last!.result : from;
    const found = columns.match(query, pool, marks);
    const result =
      narrows && found.length === (pool?.length ?? columns.articles.length) ? pool : found;
    last = { columns, from, source, result };
    return result;
  };
}
