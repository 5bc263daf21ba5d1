import { useCallback, useEffect, useRef, useState } from 'react';
import type { Corpus } from '../../corpus/article.js';

/** Reads the folder: progress as it goes, and what an index already knows before the folder is checked. */
export type CorpusLoader = (
  onProgress: (done: number, total: number) => void,
  onIndexed: (corpus: Corpus) => void,
) => Promise<Corpus>;

export interface CorpusState {
  corpus: Corpus | null;
  progress: { done: number; total: number } | null;
  error: string | null;
  reload: () => void;
}

/** How often the folder is checked again while the browser is open, so new and deleted files show. */
const RECHECK_MS = 30_000;

/**
 * The corpus, loaded in the background with progress, reloaded on demand,
 * and checked again quietly every half minute (with the index that is a
 * matter of file sizes and times): it changes only when the folder did.
 */
export function useCorpus(load: CorpusLoader, initial: Corpus | null = null): CorpusState {
  const [corpus, setCorpus] = useState<Corpus | null>(initial);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const shown = useRef<string>('');
  const reload = useCallback(
    (quiet = false) => {
      const mine = ++generation.current;
      let lastUpdate = 0;
      if (!quiet) setProgress({ done: 0, total: 0 });
      const show = (next: Corpus) => {
        const signature = signatureOf(next);
        if (quiet && signature === shown.current) return;
        shown.current = signature;
        setCorpus(next);
      };
      load(
        (done, total) => {
          const now = Date.now();
          // A progress frame at most every 100 ms: rendering is the costly part.
          if (!quiet && mine === generation.current && (now - lastUpdate > 100 || done === total)) {
            lastUpdate = now;
            setProgress({ done, total });
          }
        },
        // A warm start shows the indexed list at once, while the folder is checked against it.
        (indexed) => {
          if (!quiet && mine === generation.current) show(indexed);
        },
      ).then(
        (loaded) => {
          if (mine !== generation.current) return;
          show(loaded);
          setProgress(null);
          setError(null);
        },
        (failure: unknown) => {
          if (mine !== generation.current) return;
          setProgress(null);
          setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    },
    [load],
  );
  useEffect(() => {
    reload();
    const timer = setInterval(() => reload(true), RECHECK_MS);
    timer.unref();
    return () => clearInterval(timer);
  }, [reload]);
  return { corpus, progress, error, reload: () => reload() };
}

/** What would change the list: which articles, with which titles and dates, and which problems. */
function signatureOf(corpus: Corpus): string {
  let signature = `${corpus.articles.length}:${corpus.problems.length}`;
  for (const article of corpus.articles)
    signature += `\n${article.path}\t${article.date}\t${article.title}`;
  for (const problem of corpus.problems) signature += `\n!${problem.path}\t${problem.reason}`;
  return signature;
}
