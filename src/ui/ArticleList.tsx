import type { Article } from '../corpus/article.js';
import type { GroupedList } from '../query/group.js';
import { useLook } from './hooks/use-look.js';
import { fitHeight, Lines } from './Lines.js';
import { listWindowLines, type ListWindow } from './list-rows.js';

interface Props extends Omit<ListWindow, 'look'> {
  rows: GroupedList;
  articles: readonly Article[];
  /** Shown instead of rows when there are none. */
  empty: string;
}

/** The visible window of the date-grouped list; only these rows are mounted. */
export function ArticleList({ rows, articles, empty, ...window }: Props) {
  const visible = listWindowLines(rows, articles, { ...window, look: useLook() });
  return (
    <Lines
      lines={fitHeight(rows.rowCount === 0 ? [` ${empty}`] : visible, window.height)}
      width={window.width}
    />
  );
}
