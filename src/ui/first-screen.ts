import type { Corpus } from '../corpus/article.js';
import { groupByDate } from '../query/group.js';
import { marksOf } from '../query/marks.js';
import type { ReadingState } from '../state/reading.js';
import { listWindowLines } from './list-rows.js';
import type { KeyBindings } from './keymap.js';
import type { Look } from './look.js';
import { statusLine, statusText } from './status.js';

/**
 * The browser's first screen, drawn from the newest articles of the index
 * with the same functions the app draws its list with: it can be on screen
 * before Ink (a third of a second to load) has started, and Ink's first frame
 * then draws the same lines over it.
 */
export function firstScreenLines(
  corpus: Corpus,
  size: { columns: number; rows: number },
  reading: ReadingState,
  now: number,
  folder: string,
  look: Look,
  keys?: KeyBindings,
): string[] {
  const height = Math.max(1, size.rows - 2);
  const grouped = groupByDate(
    corpus.articles.map((article) => article.date),
    now,
  );
  const marks = marksOf(reading, corpus.articles);
  const rows = listWindowLines(grouped, corpus.articles, {
    top: 0,
    height,
    width: size.columns,
    selected: 0,
    now,
    isRead: marks.isRead,
    isStarred: marks.isStarred,
    look,
  });
  while (rows.length < height) rows.push(' ');
  const count = corpus.articles.length;
  const unread = corpus.articles.filter((article) => !marks.isRead(article)).length;
  const status = statusText({
    loading: null, screen: 'list', folder, count, total: count, unread, partial: corpus.partial,
    limit: null, focus: 'list', category: null, filter: '', problems: 0, title: '', starred: false, position: '', match: '',
    image: '', notice: reading.warning,
  }, keys, look); // prettier-ignore
  return [...rows, statusLine(size.columns, status.left, status.right, look)];
}
