// The view's reducer: one switch over the actions, and the movement rules it alone uses.
import type { Command } from './keymap.js';
import { editPrompt, type Prompt } from './prompt.js';

/** What is on screen and where the reader is in it; everything else is derived. */
export interface ViewState {
  screen: 'list' | 'reader' | 'help' | 'problems' | 'image';
  /** Where help and problems return to. */
  returnTo: 'list' | 'reader';
  focus: 'list' | 'tree';
  treeVisible: boolean;
  /** Index of the selected article in the visible list. */
  selected: number;
  /** First visible row of the list (rows include date headings). */
  listTop: number;
  treeSelected: number;
  treeTop: number;
  /** Category paths open in the tree. */
  expanded: readonly string[];
  /** The category the list is narrowed to, `/`-joined; null for all. */
  category: string | null;
  /** The list's filter (the search language), applied as typed; the command line's filters start it. */
  filter: string;
  /** At most this many articles (`--limit`); Esc lifts it with the filter. */
  limit: number | null;
  /** The reader's first visible line. */
  readerTop: number;
  /** The article search, and which of its matches is current. */
  search: string;
  matchIndex: number;
  /** A line being typed at the bottom: a filter, a search, a link number, a command, a yes or no. */
  prompt: Prompt | null;
  /** Help or problems scroll. */
  pageTop: number;
  /** The file chosen on the problems screen. */
  problemSelected: number;
  /** The picture shown full screen. */
  imageKey: string | null;
}

export function createDefaultState(initial: Partial<ViewState> = {}): ViewState {
  return {
    screen: 'list',
    returnTo: 'list',
    focus: 'list',
    treeVisible: false,
    selected: 0,
    listTop: 0,
    treeSelected: 0,
    treeTop: 0,
    expanded: [],
    category: null,
    filter: '',
    limit: null,
    readerTop: 0,
    search: '',
    matchIndex: 0,
    prompt: null,
    pageTop: 0,
    problemSelected: 0,
    imageKey: null,
    ...initial,
  };
}

/** The sizes a movement needs, measured by the view when the key is pressed. */
export interface Extent {
  /** Articles in the visible list, and the row each sits on. */
  articleCount: number;
  rowOfArticle: ArrayLike<number>;
  rowCount: number;
  /** Rows of the list pane, lines of the reader pane, rows of the tree. */
  height: number;
  lineCount: number;
  treeCount: number;
  /** Lines holding matches of the article search, in order. */
  matchLines: readonly number[];
  /** On the problems screen: the line each file's entry starts on. */
  problemStarts?: readonly number[];
}

export type Action =
  | { type: 'command'; command: Command; extent: Extent }
  | { type: 'select'; index: number; extent: Extent }
  | { type: 'focusTree'; index: number; extent: Extent }
  | { type: 'openArticle'; index: number; readerTop: number; extent: Extent }
  | { type: 'startPrompt'; prompt: Prompt }
  | { type: 'editPrompt'; name: string; typed: string }
  | { type: 'setFilter'; filter: string }
  | { type: 'endPrompt'; keep: boolean; extent: Extent }
  | { type: 'chooseCategory'; category: string | null }
  | { type: 'toggleExpanded'; path: string; open: boolean }
  | { type: 'resize'; extent: Extent }
  | { type: 'scrollTo'; readerTop: number }
  | { type: 'viewImage'; key: string }
  | { type: 'closeImage' };

export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'command':
      return command(state, action.command, action.extent);
    case 'select':
      return { ...selectArticle(state, action.index, action.extent), focus: 'list' };
    case 'focusTree': {
      const treeSelected = clamp(action.index, 0, action.extent.treeCount - 1);
      return { ...state, focus: 'tree', treeSelected };
    }
    case 'openArticle':
      return {
        ...selectArticle(state, action.index, action.extent),
        screen: 'reader',
        readerTop: action.readerTop,
        search: '',
        matchIndex: 0,
      };
    case 'startPrompt':
      return { ...state, prompt: action.prompt };
    case 'editPrompt': {
      if (!state.prompt) return state;
      const prompt = editPrompt(state.prompt, action.name, action.typed);
      // The list filter applies as it is typed.
      if (prompt.kind === 'filter' && prompt.text !== state.filter)
        return { ...state, prompt, filter: prompt.text, selected: 0, listTop: 0 };
      return { ...state, prompt };
    }
    case 'setFilter':
      return { ...state, filter: action.filter, selected: 0, listTop: 0 };
    case 'endPrompt':
      return endPrompt(state, action.keep, action.extent);
    case 'chooseCategory':
      return { ...state, category: action.category, focus: 'list', selected: 0, listTop: 0 };
    case 'toggleExpanded': {
      const others = state.expanded.filter((path) => path !== action.path);
      return { ...state, expanded: action.open ? [...others, action.path] : others };
    }
    case 'scrollTo':
      return { ...state, readerTop: Math.max(0, action.readerTop) };
    case 'viewImage':
      return { ...state, screen: 'image', returnTo: 'reader', imageKey: action.key };
    case 'closeImage':
      return { ...state, screen: 'reader', imageKey: null };
    case 'resize':
      return {
        ...selectArticle(state, state.selected, action.extent),
        readerTop: clamp(state.readerTop, 0, maxTop(action.extent.lineCount, action.extent.height)),
      };
  }
}

function endPrompt(state: ViewState, keep: boolean, extent: Extent): ViewState {
  const prompt = state.prompt;
  if (!prompt) return state;
  const base = { ...state, prompt: null };
  if (prompt.kind === 'filter') return keep ? base : { ...base, filter: prompt.before };
  if (prompt.kind === 'search') {
    if (!keep) return base;
    const searched = { ...base, search: prompt.text, matchIndex: 0 };
    // Jump to the first match at or below the top of the page.
    const below = extent.matchLines.findIndex((line) => line >= state.readerTop);
    const first = below < 0 && extent.matchLines.length > 0 ? 0 : below;
    if (first < 0) return searched;
    return {
      ...searched,
      matchIndex: first,
      readerTop: revealLine(state.readerTop, extent.matchLines[first]!, extent),
    };
  }
  return base;
}

function command(state: ViewState, name: Command, extent: Extent): ViewState {
  if (state.screen === 'help' || state.screen === 'problems') return page(state, name, extent);
  if (state.screen === 'reader') return readerCommand(state, name, extent);
  if (state.focus === 'tree') return treeCommand(state, name, extent);
  return listCommand(state, name, extent);
}

/**
 * Where a movement key takes a position: a line, page or half page either way,
 * or to either end. Undefined for keys that are not movements.
 */
function moved(name: Command, position: number, last: number, page: number): number | undefined {
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
function pageOf(extent: Extent): number {
  return Math.max(1, extent.height - 1);
}

function listCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  if (name === 'pageDown' || name === 'pageUp')
    return pageList(state, name === 'pageDown' ? 1 : -1, extent);
  const target = moved(name, state.selected, extent.articleCount - 1, pageOf(extent));
  if (target !== undefined) return selectArticle(state, target, extent);
  switch (name) {
    case 'clearFilter':
      return { ...state, filter: '', category: null, limit: null, selected: 0, listTop: 0 };
    case 'toggleTree':
      return { ...state, treeVisible: true, focus: 'tree' };
    case 'help':
    case 'problems':
      return { ...state, screen: name, returnTo: 'list', pageTop: 0, problemSelected: 0 };
    default:
      return state;
  }
}

function treeCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  const target = moved(name, state.treeSelected, extent.treeCount - 1, pageOf(extent));
  if (target !== undefined) {
    const treeSelected = clamp(target, 0, extent.treeCount - 1);
    return { ...state, treeSelected, treeTop: reveal(state.treeTop, treeSelected, extent.height) };
  }
  switch (name) {
    case 'back':
    case 'quit':
      return { ...state, focus: 'list', treeVisible: false };
    case 'help':
      return { ...state, screen: 'help', returnTo: 'list', pageTop: 0 };
    default:
      return state;
  }
}

function readerCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  const bottom = maxTop(extent.lineCount, extent.height);
  const target = moved(name, state.readerTop, bottom, pageOf(extent));
  if (target !== undefined) return { ...state, readerTop: clamp(target, 0, bottom) };
  switch (name) {
    case 'back':
      return { ...state, screen: 'list' };
    case 'clearSearch':
      return { ...state, search: '', matchIndex: 0 };
    case 'nextMatch':
    case 'previousMatch': {
      const next = nextMatch(state, extent, name === 'nextMatch' ? 1 : -1);
      if (!next) return state;
      return {
        ...state,
        matchIndex: next.index,
        readerTop: revealLine(state.readerTop, extent.matchLines[next.index]!, extent),
      };
    }
    case 'help':
    case 'problems':
      return { ...state, screen: name, returnTo: 'reader', pageTop: 0, problemSelected: 0 };
    default:
      return state;
  }
}

/**
 * The match `n` (or `N`) goes to: the one after (before) the current match
 * while it is on screen; after scrolling away, the first match from the top
 * of the screen down (the last one on screen or above). `wrapped` when it went
 * past the end (or the start) and round to the other.
 */
export function nextMatch(
  state: Pick<ViewState, 'matchIndex' | 'readerTop'>,
  extent: Pick<Extent, 'matchLines' | 'height'>,
  direction: 1 | -1,
): { index: number; wrapped: boolean } | null {
  const lines = extent.matchLines;
  const count = lines.length;
  if (count === 0) return null;
  const top = state.readerTop;
  const bottom = top + extent.height;
  const current = lines[state.matchIndex];
  if (current !== undefined && current >= top && current < bottom) {
    const index = state.matchIndex + direction;
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

/** Help and problems: scroll (on problems, choose a file, kept in view), and any other key returns. */
function page(state: ViewState, name: Command, extent: Extent): ViewState {
  const bottom = maxTop(extent.lineCount, extent.height);
  const starts = extent.problemStarts ?? [];
  if (state.screen === 'problems' && starts.length > 0) {
    // A page of files is five of them (each entry takes two rows or more).
    const chosen = moved(name, state.problemSelected, starts.length - 1, 5);
    if (chosen === undefined) return { ...state, screen: state.returnTo };
    const problemSelected = clamp(chosen, 0, starts.length - 1);
    const first = problemSelected === 0 ? 0 : starts[problemSelected]!;
    const last = (starts[problemSelected + 1] ?? extent.lineCount) - 1;
    let pageTop = state.pageTop;
    if (last >= pageTop + extent.height) pageTop = last - extent.height + 1;
    if (first < pageTop) pageTop = first;
    return { ...state, problemSelected, pageTop: clamp(pageTop, 0, bottom) };
  }
  const target = moved(name, state.pageTop, bottom, pageOf(extent));
  if (target !== undefined) return { ...state, pageTop: clamp(target, 0, bottom) };
  return { ...state, screen: state.returnTo };
}

/**
 * A page of the list: the rows scroll by the pane's height, date headings
 * counted, so paging shows each article once; the selection keeps its place
 * on screen. At either end the selection goes to the first or last article.
 */
function pageList(state: ViewState, direction: 1 | -1, extent: Extent): ViewState {
  const { articleCount, rowOfArticle, height } = extent;
  if (articleCount === 0) return state;
  const top = clamp(state.listTop + direction * height, 0, maxTop(extent.rowCount, height));
  if (top === state.listTop)
    return selectArticle(state, direction > 0 ? articleCount - 1 : 0, extent);
  const row = rowOfArticle[Math.min(state.selected, articleCount - 1)]! + (top - state.listTop);
  // The first article at or after that row, kept within the page.
  let low = 0;
  let high = articleCount;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rowOfArticle[mid]! < Math.max(row, top)) low = mid + 1;
    else high = mid;
  }
  let selected = Math.min(low, articleCount - 1);
  if (rowOfArticle[selected]! >= top + height && selected > 0) selected--;
  return { ...state, listTop: top, selected };
}

/** Selects an article and scrolls the list just enough to show it (and its date heading). */
function selectArticle(state: ViewState, index: number, extent: Extent): ViewState {
  if (extent.articleCount === 0) return { ...state, selected: 0, listTop: 0 };
  const selected = clamp(index, 0, extent.articleCount - 1);
  const row = extent.rowOfArticle[selected]!;
  // Keep a heading just above the first article of a group in view.
  const wanted = selected > 0 && extent.rowOfArticle[selected - 1] !== row - 1 ? row - 1 : row;
  let listTop = state.listTop;
  if (wanted < listTop) listTop = wanted;
  if (row >= listTop + extent.height) listTop = row - extent.height + 1;
  listTop = clamp(listTop, 0, maxTop(extent.rowCount, extent.height));
  if (selected === 0) listTop = 0;
  return { ...state, selected, listTop };
}

function reveal(top: number, index: number, height: number): number {
  if (index < top) return index;
  if (index >= top + height) return index - height + 1;
  return top;
}

/** A top that shows `line`, moving as little as possible, a little context above it. */
function revealLine(top: number, line: number, extent: Extent): number {
  if (line >= top && line < top + extent.height) return top;
  return clamp(line - Math.floor(extent.height / 3), 0, maxTop(extent.lineCount, extent.height));
}

export function maxTop(count: number, height: number): number {
  return Math.max(0, count - height);
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
