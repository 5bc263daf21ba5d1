import { useMemo, useRef } from 'react';
import type { Article } from '../../corpus/article.js';
import { narrowingFilter } from '../../query/narrow.js';
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
  const filter = useRef(narrowingFilter());
  return useMemo(() => filter.current(articles, source, query), [articles, source, query]);
}
