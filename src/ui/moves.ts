// The movement rules: where a key takes a position in the list, the tree, the reader or a page.
import type { Command } from './keymap.js';
import { clamp, listMaxTop, listRowsShown, maxTop, showRow, type ListExtent } from './selectors.js';

/**
 * Where a movement key takes a position: a line, page or half page either way,
 * or to either end. Undefined for keys that are not movements.
 */
export function moved(
  name: Command,
  position: number,
  last: number,
  page: number,
): number | undefined {
  const steps: Partial<Record<Command, number>> = {
    down: 1,
    up: -1,
    pageDown: page,
    pageUp: -page,
    halfDown: Math.ceil(page / 2),
    halfUp: -Math.ceil(page / 2),
  };
  if (name === 'top') return 0;
  if (name === 'bottom') return last;
  const step = steps[name];
  return step === undefined ? undefined : position + step;
}

/** A page is the pane less one line, so the last line of one page is the first of the next. */
export function pageOf(height: number): number {
  return Math.max(1, height - 1);
}

/**
 * The list's top that shows the article at `index` from `top`, moving as
 * little as it can, with the date heading just above the first article of a
 * group.
 */
export function revealArticle(
  top: number,
  index: number,
  list: ListExtent,
  height: number,
): number {
  if (index === 0) return 0;
  const row = list.rowOfArticle[index]!;
  const wanted = list.rowOfArticle[index - 1] !== row - 1 ? row - 1 : row;
  const listTop = wanted < top ? wanted : showRow(top, row, list, height);
  return clamp(listTop, 0, listMaxTop(list, height));
}

/**
 * A page of the list: the rows scroll by the rows shown, date headings
 * counted, so paging shows each article once; the selection keeps its place
 * on screen. At either end the selection goes to the first or last article.
 */
export function pageList(
  at: { index: number; top: number },
  direction: 1 | -1,
  list: ListExtent,
  height: number,
): { index: number; top: number } {
  const count = list.articles.length;
  const { rowOfArticle } = list;
  // Down, the row after the last one shown; up, the top whose rows end where these begin.
  const up = at.top - height;
  const next =
    direction > 0
      ? at.top + listRowsShown(list, at.top, height)
      : up + (up > 0 && listRowsShown(list, up, height) < height ? 1 : 0);
  const top = clamp(next, 0, listMaxTop(list, height));
  if (top === at.top) {
    const index = direction > 0 ? count - 1 : 0;
    return { index, top: revealArticle(at.top, index, list, height) };
  }
  // The selection keeps its line on the screen: a heading drawn on top of either page counts.
  const drawn = (from: number) => (listRowsShown(list, from, height) < height ? 1 : 0);
  const row = rowOfArticle[at.index]! - at.top + drawn(at.top) + top - drawn(top);
  // The first article at or after that row, kept within the page.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rowOfArticle[mid]! < Math.max(row, top)) low = mid + 1;
    else high = mid;
  }
  let index = Math.min(low, count - 1);
  if (rowOfArticle[index]! >= top + listRowsShown(list, top, height) && index > 0) index--;
  return { index, top };
}

/** A top that shows `index`, moving as little as possible. */
export function reveal(top: number, index: number, height: number): number {
  if (index < top) return index;
  if (index >= top + height) return index - height + 1;
  return top;
}

/** A top that shows `line`, moving as little as possible, a little context above it. */
export function revealLine(top: number, line: number, height: number, lineCount: number): number {
  if (line >= top && line < top + height) return top;
  return clamp(line - Math.floor(height / 3), 0, maxTop(lineCount, height));
}

/**
 * The match `n` (or `N`) goes to: the one after (before) the current match
 * while it is on screen; after scrolling away, the first match from the top
 * of the screen down (the last one on screen or above). `wrapped` when it went
 * past the end (or the start) and round to the other.
 */
export function nextMatch(
  at: { matchIndex: number; readerTop: number },
  extent: { matchLines: readonly number[]; height: number },
  direction: 1 | -1,
): { index: number; wrapped: boolean } | null {
  const lines = extent.matchLines;
  const count = lines.length;
  if (count === 0) return null;
  const top = at.readerTop;
  const bottom = top + extent.height;
  const current = lines[at.matchIndex];
  if (current !== undefined && current >= top && current < bottom) {
    const index = at.matchIndex + direction;
    return index >= 0 && index < count
      ? { index, wrapped: false }
      : { index: direction > 0 ? 0 : count - 1, wrapped: true };
  }
  if (direction > 0) {
    const index = lines.findIndex((line) => line >= top);
    return index >= 0 ? { index, wrapped: false } : { index: 0, wrapped: true };
  }
  let index = -1;
  for (let i = 0; i < count; i++) if (lines[i]! < bottom) index = i;
  return index >= 0 ? { index, wrapped: false } : { index: count - 1, wrapped: true };
}
