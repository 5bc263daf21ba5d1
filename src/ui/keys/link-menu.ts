// The keys of the link menu: choose, open, copy, narrow, close.
import { linkEntries, narrowEntries, type LinkEntry } from '../link-menu.js';
import type { BrowserContext } from './context.js';
import { copy, openLink } from './links.js';

/** The menu's entries as shown now: the article's links and pictures, narrowed by what was typed. */
export function shownEntries(browser: BrowserContext): LinkEntry[] {
  const menu = browser.view.linkMenu;
  const entries = linkEntries(browser.reader.references, browser.reader.blocks);
  return narrowEntries(entries, menu?.narrow ?? '');
}

/** Opens the entry at `index` of those shown, through the same opener as `o`. */
export function openEntry(browser: BrowserContext, index: number): void {
  const entry = shownEntries(browser)[index];
  if (entry) openLink(browser, entry.target);
}

/**
 * A key in the link menu. While narrowing (after `/`), text is typed into
 * the words, Backspace takes a character back, Enter keeps the words and Esc
 * drops them; ↑ and ↓ still choose. Otherwise j/k/↓/↑ (g/G, Home/End) choose,
 * Enter or `o` opens, `y` copies, `/` narrows, Esc or `q` closes (Esc first
 * drops the words narrowing it).
 */
export function linkMenuKey(browser: BrowserContext, name: string, text: string): void {
  const menu = browser.view.linkMenu;
  if (!menu) return;
  const { dispatch } = browser;
  const entries = shownEntries(browser);
  const choose = (index: number) =>
    dispatch({
      type: 'chooseLink',
      index: Math.max(0, Math.min(entries.length - 1, index)),
    });
  const chosen = Math.min(menu.selected, Math.max(0, entries.length - 1));
  if (menu.typing) {
    if (name === 'escape') return dispatch({ type: 'narrowLinks', narrow: '', typing: false });
    if (name === 'enter')
      return dispatch({ type: 'narrowLinks', narrow: menu.narrow, typing: false });
    if (name === 'down') return choose(chosen + 1);
    if (name === 'up') return choose(chosen - 1);
    if (name === 'backspace')
      return dispatch({
        type: 'narrowLinks',
        narrow: Array.from(menu.narrow).slice(0, -1).join(''),
        typing: true,
      });
    if (name.startsWith('ctrl+') || text === '') return;
    return dispatch({ type: 'narrowLinks', narrow: menu.narrow + text, typing: true });
  }
  switch (name) {
    case 'j':
    case 'down':
      return choose(chosen + 1);
    case 'k':
    case 'up':
      return choose(chosen - 1);
    case 'g':
    case 'home':
      return choose(0);
    case 'G':
    case 'end':
      return choose(entries.length - 1);
    case 'enter':
    case 'o':
    case 'l':
      return openEntry(browser, chosen);
    case 'y': {
      const entry = entries[chosen];
      return entry ? copy(browser, entry.target) : undefined;
    }
    case '/':
      return dispatch({ type: 'narrowLinks', narrow: menu.narrow, typing: true });
    case 'escape':
      if (menu.narrow) return dispatch({ type: 'narrowLinks', narrow: '', typing: false });
      return dispatch({ type: 'closeLinkMenu' });
    case 'q':
    case 'L':
    case 'h':
    case 'left':
      return dispatch({ type: 'closeLinkMenu' });
    default:
      return;
  }
}
