import { useMemo, useRef } from 'react';
import type { Article } from '../../corpus/article.js';
import { fieldMatcher } from '../../query/match.js';
import { onlyNarrows } from '../../query/narrow.js';
import type { SearchQuery } from '../../query/parse.js';

/**
 * The articles whose fields match the filter. A filter that only grows
 * (another character typed, with no `-` or date term that could let more
 * through) searches what the shorter one found, not the whole folder: each
 * keystroke costs less than the one before.
 */
export function useNarrowingFilter(
  articles: readonly Article[],
  source: string,
  query: SearchQuery,
): readonly Article[] {
  const previous = useRef<{
    articles: readonly Article[];
    source: string;
    result: readonly Article[];
  } | null>(null);
  return useMemo(() => {
    if (query.terms.length === 0) {
      previous.current = null;
      return articles;
    }
    const last = previous.current;
    const narrows =
      last !== null &&
      last.articles === articles &&
      source.startsWith(last.source) &&
      !/(^|\s)-|after:|before:|"/.test(source);
    const pool = narrows ? last.result : articles;
    const result = pool.filter(fieldMatcher(query));
    previous.current = { articles, source, result };
    return result;
  }, [articles, source, query]);
}
