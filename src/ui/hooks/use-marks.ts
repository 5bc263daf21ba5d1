import { useMemo, useSyncExternalStore } from 'react';
import type { Article } from '../../corpus/article.js';
import { marksOf } from '../../query/marks.js';
import type { Marks } from '../../query/match.js';
import type { MarksSnapshot, ReadingState } from '../../state/reading.js';

/**
 * The marks of the folder's articles (read, starred) as the reading state
 * holds them; re-renders when one changes, here or, taken in by a save, in
 * another browser.
 */
export function useMarks(reading: ReadingState, articles: readonly Article[]): Marks {
  const snapshot = useSyncExternalStore(reading.subscribe, reading.getSnapshot);
  return useMemo(() => marksOf(snapshot, articles), [snapshot, articles]);
}

/** The marks of the folder's articles as a snapshot of the reading state held them. */
export function useMarksOf(snapshot: MarksSnapshot, articles: readonly Article[]): Marks {
  return useMemo(() => marksOf(snapshot, articles), [snapshot, articles]);
}
