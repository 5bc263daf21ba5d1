import type { Article } from '../corpus/article.js';
import type { ListRow } from '../query/group.js';
import { fitHeight, Lines } from './Lines.js';
import { columnWidths, listRowLine } from './list-rows.js';

interface Props {
  rows: readonly ListRow[];
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
  const window = rows.slice(top, top + height);
  const onScreen = window.flatMap((row) => (row.kind === 'article' ? [articles[row.index]!] : []));
  const context = { width, now, selected, isRead, ...columnWidths(onScreen, width) };
  const visible = window.map((row) => listRowLine(row, articles, context));
  return (
    <Lines lines={fitHeight(rows.length === 0 ? [` ${empty}`] : visible, height)} width={width} />
  );
}
