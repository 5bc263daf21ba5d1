import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { readBody, searchableText } from '../../corpus/body.js';

/**
 * Lower-cased body texts for the list filter, read in the background only once
 * a filter needs them. Returns the texts read so far, and a version that
 * changes (with a re-render) as more arrive.
 */
export function useBodyTexts(
  articles: readonly Article[],
  needed: boolean,
): { texts: ReadonlyMap<string, string>; version: number } {
  const texts = useRef(new Map<string, string>());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!needed) return;
    let cancelled = false;
    const missing = articles.filter((a) => !texts.current.has(a.absolutePath));
    if (missing.length === 0) return;
    let next = 0;
    let lastUpdate = Date.now();
    const worker = async () => {
      while (!cancelled && next < missing.length) {
        const article = missing[next++]!;
        texts.current.set(article.absolutePath, searchableText(await readBody(article)));
        if (Date.now() - lastUpdate > 150) {
          lastUpdate = Date.now();
          setVersion((v) => v + 1);
        }
      }
    };
    void Promise.all(Array.from({ length: 16 }, worker)).then(() => {
      if (!cancelled) setVersion((v) => v + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [articles, needed]);
  return { texts: texts.current, version };
}
