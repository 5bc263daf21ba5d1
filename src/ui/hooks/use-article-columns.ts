import { useEffect, useMemo } from 'react';
import type { Article } from '../../corpus/article.js';
import { ArticleColumns } from '../../query/columns.js';
import { inSlices } from '../../text/slices.js';

/** How long one stretch of building may hold the event loop, so keys are still answered. */
const SLICE_MS = 6;

/**
 * The list's articles as columns for filtering, made again only when the
 * list changes. The fields are lower-cased in short stretches while the
 * browser is idle, so the first filter keystroke finds them ready; a filter
 * typed sooner finishes them on the spot.
 */
export function useArticleColumns(articles: readonly Article[]): ArticleColumns {
  const columns = useMemo(() => new ArticleColumns(articles), [articles]);
  useEffect(() => {
    let cancelled = false;
    // From the next turn of the event loop: the frame that shows the list comes first.
    const start = setImmediate(() => {
      void inSlices(articles.length, (i) => columns.build(i), {
        sliceMs: SLICE_MS,
        cancelled: () => cancelled,
      });
    });
    return () => {
      cancelled = true;
      clearImmediate(start);
    };
  }, [articles, columns]);
  return columns;
}
