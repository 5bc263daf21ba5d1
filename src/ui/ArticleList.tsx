import type { Article } from '../corpus/article.js';
import { rowAt, type GroupedList } from '../query/group.js';
import { fitHeight, Lines } from './Lines.js';
import { columnWidths, listRowLine } from './list-rows.js';

interface Props {
  rows: GroupedList;
  articles: readonly Article[];
  top: number;
  height: number;
  width: number;
  selected: number;
  now: number;
  isRead: (article: Article) => boolean;
  /** Shown instead of rows when there are none. */
  empty: string;
}

/** The visible window of the date-grouped list; only these rows are mounted. */
export function ArticleList({
  rows,
  articles,
  top,
  height,
  width,
  selected,
  now,
  isRead,
  empty,
}: Props) {
  const window = Array.from(
    { length: Math.max(0, Math.min(height, rows.rowCount - top)) },
    (_, i) => rowAt(rows, top + i),
  );
  const onScreen = window.flatMap((row) => (row.kind === 'article' ? [articles[row.index]!] : []));
  const context = { width, now, selected, isRead, ...columnWidths(onScreen, width) };
  const visible = window.map((row) => listRowLine(row, articles, context));
  return (
    <Lines lines={fitHeight(rows.rowCount === 0 ? [` ${empty}`] : visible, height)} width={width} />
  );
}
