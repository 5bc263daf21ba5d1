// What the view state means on the screen as it is now: derived here, once, for the view and the reducer alike.
import type { Article } from '../corpus/article.js';
import type { RenderedLine } from '../render/line.js';
import type { TextPlace } from '../state/reading.js';
import { followAnchor, placeAt, rowOfPlace, type ReaderLine } from './pictures.js';

/**
 * The selected article, known by its file: it stays selected however the
 * list changes under it. `index` is where it was, for when the list no
 * longer holds it; a null path is the article at `index` (the first, after a
 * new filter), whichever that is.
 */
export interface Selection {
  path: string | null;
  index: number;
}

/** The list as shown: its articles, and the row each sits on among the date headings. */
export interface ListExtent {
  articles: readonly Article[];
  rowOfArticle: ArrayLike<number>;
  rowCount: number;
}

/** The reader's rows, and the layout they were made from (the rendered lines, before pictures). */
export interface ReaderRows {
  layout: readonly RenderedLine[];
  lines: readonly ReaderLine[];
}

/**
 * Where the reader is: a top row of the rows it was chosen in (none yet, when
 * the article was just opened), and the place in the text the article was
 * left at last time, to be found once its rows are there.
 */
export interface ReaderPosition {
  top: number;
  rows: ReaderRows | null;
  saved: TextPlace | null;
}

/**
 * Where the selection is in the list shown: its article's place, wherever
 * the list moved it (filtered, read again, grown as results came in); where
 * it was when the article is no longer listed; the first when none was chosen.
 */
export function selectedIndex(selection: Selection, articles: readonly Article[]): number {
  const count = articles.length;
  if (count === 0) return 0;
  const { path, index } = selection;
  if (path !== null) {
    if (articles[index]?.absolutePath === path) return index;
    const found = articles.findIndex((article) => article.absolutePath === path);
    if (found >= 0) return found;
  }
  return clamp(index, 0, count - 1);
}

/**
 * The list's first row on screen: where it was left, moved as little as
 * shows the selection (the list may have changed under it, or the pane
 * shrunk), and never past the end.
 */
export function listTop(
  view: { selected: Selection; listTop: number },
  list: ListExtent,
  height: number,
): number {
  if (list.articles.length === 0) return 0;
  const index = selectedIndex(view.selected, list.articles);
  if (index === 0) return 0;
  const row = list.rowOfArticle[index]!;
  let top = view.listTop;
  if (row < top) top = row;
  return clamp(showRow(top, row, list, height), 0, listMaxTop(list, height));
}

/**
 * Whether a pane whose first row is `top` starts inside a date group: its
 * heading is then drawn on the pane's first line, above the row at `top`.
 */
export function headed(list: Pick<ListExtent, 'rowOfArticle'>, top: number): boolean {
  // The article on row `top`, if any: rows and articles both grow, headings between.
  const rows = list.rowOfArticle;
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid]! < top) low = mid + 1;
    else high = mid;
  }
  // Its row less its index is the headings above it.
  return rows[low] === top && top > low;
}

/** Rows of the list a pane of `height` shows from `top`: one fewer when a date heading is drawn above them. */
export function listRowsShown(list: ListExtent, top: number, height: number): number {
  return height > 1 && headed(list, top) ? height - 1 : height;
}

/** The last top of the list that still shows its last row. */
export function listMaxTop(list: ListExtent, height: number): number {
  const top = maxTop(list.rowCount, height);
  return top + (top + listRowsShown(list, top, height) < list.rowCount ? 1 : 0);
}

/** `top`, moved down as little as shows `row` (which is not above it). */
export function showRow(top: number, row: number, list: ListExtent, height: number): number {
  if (row < top + listRowsShown(list, top, height)) return top;
  const moved = row - height + 1;
  return row < moved + listRowsShown(list, moved, height) ? moved : moved + 1;
}

/**
 * The reader's first row on screen. The position was chosen in some rows;
 * shown in others, it is the same text: a picture drawn above (the same
 * layout, more rows) keeps the row's line and part, another width keeps the
 * place in the text, and an article just opened finds the place it was left
 * at. Never past the end.
 */
export function readerTop(
  position: ReaderPosition,
  rows: ReaderRows | null,
  height: number,
): number {
  if (!rows) return position.top;
  const { lines } = rows;
  const basis = position.rows;
  let top = position.top;
  if (basis === null) {
    if (position.saved) top = rowOfPlace(lines, position.saved) ?? top;
  } else if (basis.lines !== lines) {
    if (basis.layout === rows.layout) top = followAnchor(basis.lines, position.top, lines);
    else {
      const place = placeAt(basis.lines, position.top);
      top = (place && rowOfPlace(lines, place)) ?? top;
    }
  }
  return clamp(top, 0, maxTop(lines.length, height));
}

/** The last top that still fills the pane. */
export function maxTop(count: number, height: number): number {
  return Math.max(0, count - height);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
