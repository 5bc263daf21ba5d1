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

/** The corpus, loaded (and reloaded on demand) in the background with progress. */
export function useCorpus(load: CorpusLoader): CorpusState {
  const [corpus, setCorpus] = useState<Corpus | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    let lastUpdate = 0;
    setProgress({ done: 0, total: 0 });
    load(
      (done, total) => {
        const now = Date.now();
        // A progress frame at most every 100 ms: rendering is the costly part.
        if (mine === generation.current && (now - lastUpdate > 100 || done === total)) {
          lastUpdate = now;
          setProgress({ done, total });
        }
      },
      // A warm start shows the indexed list at once, while the folder is checked against it.
      (indexed) => {
        if (mine === generation.current) setCorpus(indexed);
      },
    ).then(
      (loaded) => {
        if (mine !== generation.current) return;
        setCorpus(loaded);
        setProgress(null);
        setError(null);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setProgress(null);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { corpus, progress, error, reload };
}
