// The category tree: showing a category, opening and closing its branches.
import type { Command } from '../keymap.js';
import type { Handler } from './context.js';

export const treeHandlers = {
  /** Enter: the list narrowed to the category chosen (the first row is every article). */
  open: ({ treeRows, view, dispatch }) => {
    const row = treeRows[view.treeSelected];
    dispatch({ type: 'chooseCategory', category: row?.node?.path ?? null });
  },
  expand: (browser) => toggle(browser, true),
  collapse: (browser) => toggle(browser, false),
} satisfies Partial<Record<Command, Handler>>;

function toggle({ treeRows, view, dispatch }: Parameters<Handler>[0], open: boolean): void {
  const row = treeRows[view.treeSelected];
  if (row?.node && row.node.children.length > 0)
    dispatch({ type: 'toggleExpanded', path: row.node.path, open });
}
