import { useEffect, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { needsBody, parseQuery } from '../../query/parse.js';
import { searchArticles } from '../../query/search.js';
import type { Marks } from '../../query/match.js';
import type { BodySource } from '../../corpus/body-index.js';

/**
 * The complete answer to a filter that needs article bodies: searched in the
 * background (worker threads for large folders) once typing pauses, holding
 * no body in memory. Null until the answer for this filter is in.
 */
export function useBodySearch(
  articles: readonly Article[],
  source: string,
  marks: Marks,
  marksVersion: number,
  bodies: BodySource | null,
): ReadonlySet<Article> | null {
  const [answer, setAnswer] = useState<{
    articles: readonly Article[];
    source: string;
    matches: Set<Article>;
  } | null>(null);
  useEffect(() => {
    if (!needsBody(parseQuery(source))) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void searchArticles([...articles], source, { marks, bodies }).then((matched) => {
        if (!cancelled) setAnswer({ articles, source, matches: new Set(matched) });
      });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- marks are read anew when their version changes
  }, [articles, source, marksVersion, bodies]);
  return answer && answer.articles === articles && answer.source === source ? answer.matches : null;
}
