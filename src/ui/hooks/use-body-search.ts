import { useEffect, useState } from 'react';
import type { Article, Corpus } from '../../corpus/article.js';
import { needsBody, parseQuery } from '../../query/parse.js';
import { searchArticles } from '../../query/search.js';
import type { Marks } from '../../query/match.js';
import type { BodySource } from '../../corpus/body-index.js';

/** How far reading or indexing article text is. */
export interface Progress {
  done: number;
  total: number;
}

/** A folder's body text as the browser asks it: searched, and indexed ahead of the first search where it can be. */
export type BrowserBodies = BodySource & {
  /** Brings the index up to date in the background (see `BodyIndex.prepare`). */
  prepare?: (onProgress?: (done: number, total: number) => void) => Promise<boolean>;
  /** Stops that. */
  stop?: () => void;
};

export interface BodySearch {
  /** The complete answer for the filter; null until it is in. */
  found: ReadonlySet<Article> | null;
  /** While the search runs: the body matches found so far, which join the list as they come. */
  sofar: ReadonlySet<Article> | null;
  /** True from the filter's change until its answer is in: no list shown meanwhile is the answer. */
  searching: boolean;
  /** How many bodies have been searched (or indexed, for the search), while it runs and says. */
  progress: Progress | null;
}

/** What the search of one filter has found. */
interface Answer {
  articles: readonly Article[];
  source: string;
  matches: Set<Article>;
  state: 'running' | 'done' | 'failed';
  progress: Progress | null;
}

/**
 * The answer to a filter that needs article bodies: searched in the
 * background (the body index, brought up to date in a worker thread; without
 * it, worker threads reading the bodies) once typing pauses, holding no body
 * in memory. Matches are handed over as they are found, so the list grows as
 * bodies are read; `found` is the whole answer once it is in, which is what
 * `list --search` prints.
 */
export function useBodySearch(
  articles: readonly Article[],
  source: string,
  marks: Marks | undefined,
  bodies: BodySource | null,
): BodySearch {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const wanted = needsBody(parseQuery(source));
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const mine: Answer = { articles, source, matches: new Set(), state: 'running', progress: null };
    const show = () => {
      if (!cancelled) setAnswer({ ...mine, matches: new Set(mine.matches) });
    };
    const timer = setTimeout(() => {
      // A frame at most every 100 ms as matches come: drawing the list is the costly part.
      let shown = 0;
      let pending: NodeJS.Timeout | undefined;
      const soon = () => {
        if (pending) return;
        pending = setTimeout(
          () => {
            pending = undefined;
            shown = Date.now();
            show();
          },
          Math.max(0, shown + 100 - Date.now()),
        );
      };
      const onProgress = (done: number, total: number) => {
        mine.progress = done < total ? { done, total } : null;
        soon();
      };
      const onFound = (found: readonly Article[]) => {
        for (const article of found) mine.matches.add(article);
        soon();
      };
      void searchArticles(articles, source, { marks, bodies, onProgress, onFound }).then(
        (matched) => {
          clearTimeout(pending);
          Object.assign(mine, { matches: new Set(matched), state: 'done', progress: null });
          show();
        },
        // A search that failed leaves the list as the fields filtered it.
        () => {
          clearTimeout(pending);
          Object.assign(mine, { state: 'failed', progress: null });
          show();
        },
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [wanted, articles, source, marks, bodies]);
  if (!wanted) return { found: null, sofar: null, searching: false, progress: null };
  const current =
    answer && answer.articles === articles && answer.source === source ? answer : null;
  if (current?.state === 'done')
    return { found: current.matches, sofar: null, searching: false, progress: null };
  if (current?.state === 'failed')
    return { found: null, sofar: null, searching: false, progress: null };
  return {
    found: null,
    sofar: current?.matches ?? null,
    searching: true,
    progress: current?.progress ?? null,
  };
}

/**
 * Brings the folder's body index up to date in the background once the
 * whole list is there, so the first search is answered from it; how far it
 * is, while it runs. Stopped when the list changes or the browser ends
 * (what was written is kept).
 */
export function usePreparedBodies(
  corpus: Corpus | null,
  bodies: BrowserBodies | null,
): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  const whole = corpus !== null && !corpus.partial;
  useEffect(() => {
    if (!whole || !bodies?.prepare) return;
    let stopped = false;
    void bodies
      .prepare((done, total) => {
        if (!stopped) setProgress(done < total ? { done, total } : null);
      })
      .finally(() => {
        if (!stopped) setProgress(null);
      });
    return () => {
      stopped = true;
      bodies.stop?.();
      setProgress(null);
    };
  }, [whole, bodies]);
  return progress;
}
