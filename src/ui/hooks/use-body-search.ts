import { useEffect, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { needsBody, parseQuery } from '../../query/parse.js';
import { searchArticles } from '../../query/search.js';
import type { Marks } from '../../query/match.js';
import type { BodySource } from '../../corpus/body-index.js';

/**
 * The complete answer to a filter that needs article bodies: searched in the
 * background (the body index, brought up to date in a worker thread; without
 * it, worker threads reading the bodies) once typing pauses, holding no body
 * in memory. `found` is null until the answer for this filter is in;
 * `indexing` says how far the body index is while it is being brought up to
 * date.
 */
export function useBodySearch(
  articles: readonly Article[],
  source: string,
  marks: Marks | undefined,
  bodies: BodySource | null,
): { found: ReadonlySet<Article> | null; indexing: { done: number; total: number } | null } {
  const [indexing, setIndexing] = useState<{ done: number; total: number } | null>(null);
  const [answer, setAnswer] = useState<{
    articles: readonly Article[];
    source: string;
    matches: Set<Article>;
  } | null>(null);
  useEffect(() => {
    if (!needsBody(parseQuery(source))) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const onProgress = (done: number, total: number) =>
        setIndexing(done < total ? { done, total } : null);
      void searchArticles(articles, source, { marks, bodies, onProgress }).then(
        (matched) => {
          setIndexing(null);
          if (!cancelled) setAnswer({ articles, source, matches: new Set(matched) });
        },
        // A search that failed leaves the list as the fields filtered it.
        () => setIndexing(null),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [articles, source, marks, bodies]);
  const found =
    answer && answer.articles === articles && answer.source === source ? answer.matches : null;
  return { found, indexing };
}
