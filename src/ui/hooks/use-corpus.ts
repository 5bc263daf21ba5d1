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

/**
 * Watches the folder (`watchFolder`): calls back when it may have changed; says how it watches (by
 * the system's events, or by looking at the folders' times) and how to stop.
 */
export type FolderWatcher = (onChange: () => void) => {
  readonly mode: 'events' | 'polling';
  stop(): void;
};

export interface CorpusState {
  corpus: Corpus | null;
  progress: { done: number; total: number } | null;
  error: string | null;
  reload: () => void;
  /** What the last reading found changed in the folder ("3 new articles"), as it is found. */
  news: { text: string } | null;
}

/**
 * How often every file of the folder is checked again while the browser is open (a `stat` a file:
 * about 0.1 s of a core at 20 000): what a look at the folders' times cannot see (a file written over
 * in place, on a network file system) shows within this. Where the system's events are trusted, the
 * check is only a net under them.
 */
const RECHECK_MS = 30_000;
const RECHECK_WATCHED_MS = 300_000;

/**
 * The corpus, loaded in the background with progress, reloaded on demand,
 * read again quietly when the folder is seen to change (`watch`) and every
 * half minute (with the index that is a matter of file sizes and times): it
 * changes only when the folder did, and says what came, changed or went.
 */
export function useCorpus(
  load: CorpusLoader,
  initial: Corpus | null = null,
  watch?: FolderWatcher,
): CorpusState {
  const [corpus, setCorpus] = useState<Corpus | null>(initial);
  const [news, setNews] = useState<{ text: string } | null>(null);
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
        if (previous && sameCorpus(previous, next) && sameStamps(previous, next)) {
          // The same list again (the index and the folder agree) is not drawn, filtered or grouped
          // again; what this reading knows of the files, which caches of the folder compare (the body
          // index), is taken into the list shown.
          if (!previous.stamps || previous.fingerprint !== next.fingerprint)
            Object.assign(previous, { stamps: next.stamps, fingerprint: next.fingerprint });
          return;
        }
        shown.current = next;
        setCorpus(next);
        // Of a list that was the folder's, what changed is said; the newest only becoming all is not news.
        const change = previous && !previous.partial ? changeIn(previous, next) : null;
        if (change) setNews({ text: change });
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
    const watching = watch?.(() => reload(true));
    const every = watching?.mode === 'events' ? RECHECK_WATCHED_MS : RECHECK_MS;
    const timer = setInterval(() => reload(true), every);
    timer.unref();
    return () => {
      clearInterval(timer);
      watching?.stop();
    };
  }, [reload, watch]);
  return { corpus, progress, error, reload: () => reload(), news };
}

/** Whether every file is as it was (by size and time), where both readings know; a body may change alone. */
function sameStamps(a: Corpus, b: Corpus): boolean {
  if (!a.stamps || !b.stamps) return true;
  const before = a.stamps();
  const after = b.stamps();
  if (before === after) return true;
  if (before.size !== after.size) return false;
  for (const [file, stamp] of before) if (after.get(file) !== stamp) return false;
  return true;
}

/** What changed from one list to the next, in words: "3 new articles, 1 article changed"; null for nothing. */
export function changeIn(previous: Corpus, next: Corpus): string | null {
  const before = new Map(previous.articles.map((article) => [article.path, article]));
  const stampsBefore = previous.stamps?.();
  const stampsAfter = next.stamps?.();
  let added = 0;
  let changed = 0;
  for (const article of next.articles) {
    const old = before.get(article.path);
    before.delete(article.path);
    if (!old) added++;
    else if (stampsBefore && stampsAfter) {
      if (stampsBefore.get(article.path) !== stampsAfter.get(article.path)) changed++;
    } else if (old !== article && !sameFields(old, article)) changed++;
  }
  const removed = before.size;
  const count = (n: number, what: string) => `${n} article${n === 1 ? '' : 's'} ${what}`;
  const parts = [
    added > 0 ? `${added} new article${added === 1 ? '' : 's'}` : '',
    changed > 0 ? count(changed, 'changed') : '',
    removed > 0 ? count(removed, 'removed') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
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
