import { useMemo, useRef } from 'react';
import type { ArticleColumns, Selection } from '../../query/columns.js';
import type { Marks } from '../../query/match.js';
import { narrowingFilter } from '../../query/narrow.js';
import type { SearchQuery } from '../../query/parse.js';

/**
 * The positions of the articles whose fields match the filter. A filter that
 * only grows (another character typed, with no `-`, date or mark term that
 * could let more through) searches what the shorter one found, not the whole
 * folder: each keystroke costs less than the one before. `marks` are given
 * only when the filter asks about them, so they change the list only then.
 */
export function useNarrowingFilter(
  columns: ArticleColumns,
  from: Selection,
  source: string,
  query: SearchQuery,
  marks: Marks | undefined,
): Selection {
  const filter = useRef(narrowingFilter());
  return useMemo(
    () => filter.current(columns, from, source, query, marks),
    [columns, from, source, query, marks],
  );
}
