import { useEffect, useMemo } from 'react';
import type { Article } from '../../corpus/article.js';
import { ArticleColumns } from '../../query/columns.js';

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
    let timer: NodeJS.Immediate | undefined;
    const build = () => {
      if (!columns.buildUntil(performance.now() + SLICE_MS)) timer = setImmediate(build);
    };
    timer = setImmediate(build);
    return () => clearImmediate(timer);
  }, [columns]);
  return columns;
}
