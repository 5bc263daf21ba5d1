import { useEffect, useEffectEvent } from 'react';
import type { GroupedList } from '../../query/group.js';
import type { MouseEvent } from '../../terminal/mouse.js';
import type { Command } from '../keymap.js';
import { rowAt } from '../list-rows.js';
import { headed, listTop, selectedIndex } from '../selectors.js';
import type { Action, Extent, ViewState } from '../state.js';

/** Where mouse reports come from: subscribe, and get back the way to stop. */
export type MouseSource = (listener: (event: MouseEvent) => void) => () => void;

/** Lines the wheel moves a step. */
const WHEEL_STEP = 3;

/**
 * Binds the mouse: the wheel scrolls the list, the reader and the help; a
 * click on an article selects it, a second click on it opens it; a click in
 * the category tree chooses that row, a second one shows it. Reports arrive
 * in SGR form (1006); nothing happens when the terminal sends none.
 */
export function useMouse(
  source: MouseSource | undefined,
  targets: {
    view: () => ViewState;
    dispatch: (action: Action) => void;
    run: (command: Command) => void;
    grouped: GroupedList;
    height: number;
    /** Columns of the category tree and its bar, when shown. */
    listLeft: number;
    extent: () => Extent;
    /** The link menu, when open: its keys, and the entry on a row of the screen (0 = the first row). */
    linkMenu?: { key: (name: string) => void; entryAt: (row: number) => number | null };
  },
): void {
  const onEvent = useEffectEvent((event: MouseEvent) => {
    const { view, dispatch, run, grouped, height, listLeft, extent } = targets;
    const state = view();
    // A prompt takes keys only; a picture shown full screen has nothing to scroll.
    if (state.prompt || state.screen === 'image') return;
    // In the link menu the wheel chooses, a click chooses an entry and a click on the chosen one opens it.
    if (state.linkMenu && state.screen === 'reader' && targets.linkMenu) {
      const menu = targets.linkMenu;
      if (event.kind === 'wheelUp' || event.kind === 'wheelDown')
        return menu.key(event.kind === 'wheelUp' ? 'up' : 'down');
      if (event.kind !== 'press' || event.button !== 0) return;
      const index = menu.entryAt(event.row - 1);
      if (index === null) return;
      if (index === state.linkMenu.selected) return menu.key('enter');
      return dispatch({ type: 'chooseLink', index });
    }
    if (event.kind === 'wheelUp' || event.kind === 'wheelDown') {
      for (let i = 0; i < WHEEL_STEP; i++) run(event.kind === 'wheelUp' ? 'up' : 'down');
      return;
    }
    if (event.kind !== 'press' || event.button !== 0 || event.row > height) return;
    if (state.screen !== 'list') return;
    if (listLeft > 0 && event.column <= listLeft) {
      const index = state.treeTop + event.row - 1;
      if (state.focus === 'tree' && index === state.treeSelected) return run('open');
      dispatch({ type: 'focusTree', index, extent: extent() });
      return;
    }
    const shown = extent();
    // A pane that starts inside a date group has its heading on the first line.
    const top = listTop(state, shown, height);
    const row = top + event.row - 1 - (height > 1 && headed(shown, top) ? 1 : 0);
    if (row < top) return;
    if (row >= grouped.rowCount) return;
    const target = rowAt(grouped, row);
    if (target.kind !== 'article') return;
    const selected = selectedIndex(state.selected, shown.articles);
    if (state.focus === 'list' && target.index === selected) return run('open');
    dispatch({ type: 'select', index: target.index, extent: shown });
  });
  useEffect(() => {
    if (!source) return;
    return source((event) => onEvent(event));
  }, [source]);
}
