import { useLook } from './hooks/use-look.js';
import { fitHeight, Lines } from './Lines.js';
import { treeRowLine, type TreeRow, type TreeUnread } from './list-rows.js';

interface Props {
  rows: readonly TreeRow[];
  total: number;
  top: number;
  height: number;
  width: number;
  selected: number;
  active: boolean;
  /** Unread articles of all and under each category, when known. */
  unread: TreeUnread | null;
}

/** The visible window of the category tree. */
export function CategoryTree({ rows, total, top, height, width, selected, active, unread }: Props) {
  const look = useLook();
  const lines = rows
    .slice(top, top + height)
    .map((row, i) => treeRowLine(row, total, width, top + i === selected, active, unread, look));
  return <Lines lines={fitHeight(lines, height)} width={width} />;
}
