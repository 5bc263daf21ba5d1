import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, Corpus } from '../../corpus/article.js';

/**
 * Reads the folder: progress as it goes, and, when asked (the first reading
 * only), what an index already knows before the folder is checked.
 */
export type CorpusLoader = (
  onProgress: (done: number, total: number) => void,
  onIndexed?: (corpus: Corpus) => void,
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
  const shown = useRef<Corpus | null>(initial);
  /** One reading at a time: a reload asked for meanwhile waits for it, and many such are one. */
  const running = useRef(false);
  const again = useRef<{ quiet: boolean } | null>(null);
  const reload = useCallback(
    function start(quiet = false) {
      if (running.current) {
        again.current = { quiet: quiet && (again.current?.quiet ?? true) };
        return;
      }
      running.current = true;
      const mine = ++generation.current;
      let lastUpdate = 0;
      if (!quiet) setProgress({ done: 0, total: 0 });
      const show = (next: Corpus) => {
        const previous = shown.current;
        if (previous && sameCorpus(previous, next)) {
          // The same list again (the index and the folder agree) is not drawn, filtered or grouped
          // again; what this reading knows of the files, which caches of the folder compare (the body
          // index), is taken into the list shown.
          if (!previous.stamps || previous.fingerprint !== next.fingerprint)
            Object.assign(previous, { stamps: next.stamps, fingerprint: next.fingerprint });
          return;
        }
        shown.current = next;
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
        // A warm start shows the indexed list at once, while the folder is checked against it; a list
        // already on screen stays there until the folder has been read again.
        mine === 1
          ? (indexed) => {
              if (mine === generation.current) show(indexed);
            }
          : undefined,
      )
        .then(
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
        )
        .finally(() => {
          running.current = false;
          const next = again.current;
          again.current = null;
          if (next) start(next.quiet);
        });
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

/**
 * True when the list would not change: the same articles and the same
 * problems. Unchanged files keep their article objects from one reading to
 * the next while the index is in use; without it, the fields are compared.
 */
function sameCorpus(a: Corpus, b: Corpus): boolean {
  return (
    a.root === b.root &&
    a.articles.length === b.articles.length &&
    a.problems.length === b.problems.length &&
    a.articles.every(
      (article, i) => article === b.articles[i] || sameFields(article, b.articles[i]!),
    ) &&
    a.problems.every(
      (problem, i) =>
        problem.path === b.problems[i]!.path && problem.reason === b.problems[i]!.reason,
    )
  );
}

function sameFields(a: Article, b: Article): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
