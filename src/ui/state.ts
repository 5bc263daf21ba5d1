// The view's reducer: one switch over the actions, each screen's commands in a function of its own.
import type { TextPlace } from '../state/reading.js';
import type { HelpLayout } from './Help.js';
import type { Command, KeyContext } from './keymap.js';
import type { LinkMenuState } from './link-menu.js';
import { moved, nextMatch, pageList, pageOf, reveal, revealArticle, revealLine } from './moves.js';
import { editPrompt, type Prompt } from './prompt.js';
import {
  clamp,
  listTop,
  maxTop,
  readerTop,
  selectedIndex,
  type ListExtent,
  type ReaderPosition,
  type ReaderRows,
  type Selection,
} from './selectors.js';

/** What is on screen and where the reader is in it; everything else is derived. */
export interface ViewState {
  screen: 'list' | 'reader' | 'help' | 'problems' | 'image';
  /** Where help and problems return to. */
  returnTo: 'list' | 'reader';
  focus: 'list' | 'tree';
  treeVisible: boolean;
  /** The selected article, which stays selected as the list changes (`selectedIndex` finds it). */
  selected: Selection;
  /** First row of the list on screen (rows include date headings), as last chosen (`listTop` keeps it so). */
  listTop: number;
  treeSelected: number;
  treeTop: number;
  /** Category paths open in the tree. */
  expanded: readonly string[];
  /** The category the list is narrowed to, `/`-joined; null for all. */
  category: string | null;
  /** The list's filter (the search language), applied as typed; the command line's filters start it. */
  filter: string;
  /**
   * How many times the list was made: a filter that asks about marks
   * (`is:unread`) keeps the marks of the last time, so an article read or
   * unstarred meanwhile stays listed (dimmed, marked) until the list is made
   * again: a move in the list, a filter applied, a category chosen, the
   * folder read again.
   */
  listed: number;
  /** At most this many articles (`--limit`); Esc lifts it with the filter. */
  limit: number | null;
  /** Where the reader is in the article (`readerTop` finds its first row on screen). */
  reader: ReaderPosition;
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
  /** The article's links and pictures as a menu over the reader (`L`); null when closed. */
  linkMenu: LinkMenuState | null;
}

/** The first article of the list, whichever it is. */
const FIRST: Selection = { path: null, index: 0 };

/** The last article of the list, whichever it is: of a list still growing, the last once it is whole. */
const LAST: Selection = { path: null, index: Number.MAX_SAFE_INTEGER };

export function createDefaultState(initial: Partial<ViewState> = {}): ViewState {
  return {
    screen: 'list',
    returnTo: 'list',
    focus: 'list',
    treeVisible: false,
    selected: FIRST,
    listTop: 0,
    treeSelected: 0,
    treeTop: 0,
    expanded: [],
    category: null,
    filter: '',
    listed: 0,
    limit: null,
    reader: { top: 0, rows: null, saved: null },
    search: '',
    matchIndex: 0,
    prompt: null,
    pageTop: 0,
    problemSelected: 0,
    imageKey: null,
    linkMenu: null,
    ...initial,
  };
}

/** What a movement needs of the screen, measured by the view when the key is pressed. */
export interface Extent extends ListExtent {
  /** Rows of the list and the tree, lines of the reader and of help or problems. */
  height: number;
  treeCount: number;
  /** The reader's rows as shown; null while the article is read, or when none is open. */
  reader: ReaderRows | null;
  /** Lines holding matches of the article search, in order. */
  matchLines: readonly number[];
  /** Lines of help or problems, and on the problems screen the line each file's entry starts on. */
  pageLines: number;
  problemStarts?: readonly number[];
  /** Where each screen's section of help starts, and its lines in all: help opens at the section of its screen. */
  help?: HelpLayout;
  /** Only the newest articles are listed yet, the rest of the folder on its way. */
  partial?: boolean;
}

export type Action =
  | { type: 'command'; command: Command; extent: Extent }
  | { type: 'select'; index: number; extent: Extent }
  | { type: 'focusTree'; index: number; extent: Extent }
  | { type: 'openArticle'; index: number; at: OpenAt; extent: Extent }
  | { type: 'startPrompt'; prompt: Prompt }
  | { type: 'editPrompt'; name: string; typed: string }
  /** A filter set by a key (`U`): the selected article stays selected when it is still listed. */
  | { type: 'setFilter'; filter: string; extent: Extent }
  | { type: 'endPrompt'; keep: boolean; extent: Extent }
  | { type: 'chooseCategory'; category: string | null }
  | { type: 'toggleExpanded'; path: string; open: boolean }
  | { type: 'viewImage'; key: string }
  | { type: 'closeImage' }
  /** The list made again with the marks as they are now (marks taken back, the marks read in); `select` an article. */
  | { type: 'relist'; select?: string }
  /** The link menu: opened, closed, an entry chosen (of those shown), the words narrowing it. */
  | { type: 'openLinkMenu' }
  | { type: 'closeLinkMenu' }
  | { type: 'chooseLink'; index: number }
  | { type: 'narrowLinks'; narrow: string; typing: boolean };

/** Where an article opens: the line and the place in its text where it was left, when it was read before. */
export interface OpenAt {
  line: number;
  place: TextPlace | null;
}

export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'command':
      return command(state, action.command, action.extent);
    case 'select':
      return relist({ ...selectArticle(state, action.index, action.extent), focus: 'list' });
    case 'focusTree': {
      const treeSelected = clamp(action.index, 0, action.extent.treeCount - 1);
      return { ...state, focus: 'tree', treeSelected };
    }
    case 'openArticle':
      return {
        ...selectArticle(state, action.index, action.extent),
        screen: 'reader',
        reader: { top: action.at.line, rows: null, saved: action.at.place },
        search: '',
        matchIndex: 0,
      };
    case 'startPrompt':
      return { ...state, prompt: action.prompt };
    case 'editPrompt': {
      if (!state.prompt) return state;
      const prompt = editPrompt(state.prompt, action.name, action.typed);
      // The list filter applies as it is typed, from the first article it lets through.
      if (prompt.kind === 'filter' && prompt.text !== state.filter)
        return relist({ ...state, prompt, filter: prompt.text, selected: FIRST, listTop: 0 });
      return { ...state, prompt };
    }
    case 'setFilter':
      return relist({
        ...state,
        filter: action.filter,
        selected: keepSelected(state, action.extent, 0),
        listTop: 0,
      });
    case 'endPrompt':
      return endPrompt(state, action.keep, action.extent);
    case 'chooseCategory':
      return relist({
        ...state,
        category: action.category,
        focus: 'list',
        selected: FIRST,
        listTop: 0,
      });
    case 'toggleExpanded': {
      const others = state.expanded.filter((path) => path !== action.path);
      return { ...state, expanded: action.open ? [...others, action.path] : others };
    }
    case 'viewImage':
      return { ...state, screen: 'image', returnTo: 'reader', imageKey: action.key };
    case 'openLinkMenu':
      return { ...state, linkMenu: { selected: 0, narrow: '', typing: false } };
    case 'closeLinkMenu':
      return { ...state, linkMenu: null };
    case 'chooseLink':
      return state.linkMenu
        ? { ...state, linkMenu: { ...state.linkMenu, selected: Math.max(0, action.index) } }
        : state;
    case 'narrowLinks':
      return state.linkMenu
        ? { ...state, linkMenu: { selected: 0, narrow: action.narrow, typing: action.typing } }
        : state;
    case 'closeImage':
      return { ...state, screen: 'reader', imageKey: null };
    case 'relist': {
      const selected = action.select
        ? { path: action.select, index: state.selected.index }
        : state.selected;
      return relist({ ...state, selected });
    }
  }
}

/** The list made again: it takes the marks as they are now. */
function relist(state: ViewState): ViewState {
  return { ...state, listed: state.listed + 1 };
}

/**
 * The selection held to the article selected now, for a list about to change:
 * it stays selected where the new list has it; where it has not, the
 * selection goes to `fallback` (by default, where it is now).
 */
function keepSelected(state: ViewState, list: ListExtent, fallback?: number): Selection {
  const index = selectedIndex(state.selected, list.articles);
  return { path: list.articles[index]?.absolutePath ?? null, index: fallback ?? index };
}

/** Selects an article and scrolls the list just enough to show it (and its date heading). */
function selectArticle(state: ViewState, index: number, extent: Extent): ViewState {
  const { articles } = extent;
  if (articles.length === 0) return { ...state, selected: FIRST, listTop: 0 };
  const selected = clamp(index, 0, articles.length - 1);
  const top = listTop(state, extent, extent.height);
  return {
    ...state,
    selected: { path: articles[selected]!.absolutePath, index: selected },
    listTop: revealArticle(top, selected, extent, extent.height),
  };
}

/** The reader at another top row, counted in the rows on screen. */
function scrollReader(state: ViewState, top: number, rows: ReaderRows | null): ViewState {
  return { ...state, reader: rows ? { top, rows, saved: null } : { ...state.reader, top } };
}

function endPrompt(state: ViewState, keep: boolean, extent: Extent): ViewState {
  const prompt = state.prompt;
  if (!prompt) return state;
  const base = { ...state, prompt: null };
  // The filter is applied again, as typed or as it was before.
  if (prompt.kind === 'filter') return relist(keep ? base : { ...base, filter: prompt.before });
  if (prompt.kind === 'search') {
    if (!keep) return base;
    const searched = { ...base, search: prompt.text, matchIndex: 0 };
    // Jump to the first match at or below the top of the page.
    const top = readerTop(state.reader, extent.reader, extent.height);
    const below = extent.matchLines.findIndex((line) => line >= top);
    const first = below < 0 && extent.matchLines.length > 0 ? 0 : below;
    if (first < 0) return searched;
    const lineCount = extent.reader?.lines.length ?? 0;
    return {
      ...scrollReader(
        searched,
        revealLine(top, extent.matchLines[first]!, extent.height, lineCount),
        extent.reader,
      ),
      matchIndex: first,
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

function listCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  const count = extent.articles.length;
  const index = selectedIndex(state.selected, extent.articles);
  if (name === 'pageDown' || name === 'pageUp') {
    if (count === 0) return state;
    const top = listTop(state, extent, extent.height);
    const paged = pageList({ index, top }, name === 'pageDown' ? 1 : -1, extent, extent.height);
    const path = extent.articles[paged.index]!.absolutePath;
    const toEnd = name === 'pageDown' && paged.index === count - 1 && extent.partial;
    return relist({
      ...state,
      selected: toEnd ? LAST : { path, index: paged.index },
      listTop: paged.top,
    });
  }
  // The end of a list still being read is the end of the whole list, once it is there.
  if (name === 'bottom' && extent.partial && count > 0)
    return relist({ ...selectArticle(state, count - 1, extent), selected: LAST });
  // A move in the list makes it again: what was read or unstarred in it since goes, if the filter says so.
  const target = moved(name, index, count - 1, pageOf(extent.height));
  if (target !== undefined) return relist(selectArticle(state, target, extent));
  switch (name) {
    case 'clearFilter':
      return relist({
        ...state,
        filter: '',
        category: null,
        limit: null,
        selected: keepSelected(state, extent, 0),
        listTop: 0,
      });
    // The list is read again: the article stays selected if it is listed.
    case 'reload':
      return relist({ ...state, selected: keepSelected(state, extent) });
    case 'toggleRead':
      return { ...state, selected: keepSelected(state, extent) };
    case 'toggleTree':
      return { ...state, treeVisible: true, focus: 'tree' };
    case 'help':
      return { ...state, screen: 'help', returnTo: 'list', pageTop: helpTop('list', extent) };
    case 'problems':
      return { ...state, screen: name, returnTo: 'list', pageTop: 0, problemSelected: 0 };
    default:
      return state;
  }
}

function treeCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  const target = moved(name, state.treeSelected, extent.treeCount - 1, pageOf(extent.height));
  if (target !== undefined) {
    const treeSelected = clamp(target, 0, extent.treeCount - 1);
    return { ...state, treeSelected, treeTop: reveal(state.treeTop, treeSelected, extent.height) };
  }
  switch (name) {
    case 'back':
    case 'quit':
      return { ...state, focus: 'list', treeVisible: false };
    case 'help':
      return { ...state, screen: 'help', returnTo: 'list', pageTop: helpTop('tree', extent) };
    default:
      return state;
  }
}

function readerCommand(state: ViewState, name: Command, extent: Extent): ViewState {
  const rows = extent.reader;
  const lineCount = rows?.lines.length ?? 0;
  const top = readerTop(state.reader, rows, extent.height);
  const bottom = maxTop(lineCount, extent.height);
  const target = moved(name, top, bottom, pageOf(extent.height));
  if (target !== undefined) return scrollReader(state, clamp(target, 0, bottom), rows);
  switch (name) {
    case 'back':
      return { ...state, screen: 'list' };
    case 'clearSearch':
      return { ...state, search: '', matchIndex: 0 };
    case 'nextMatch':
    case 'previousMatch': {
      const next = nextMatch(
        { matchIndex: state.matchIndex, readerTop: top },
        extent,
        name === 'nextMatch' ? 1 : -1,
      );
      if (!next) return state;
      const line = extent.matchLines[next.index]!;
      return {
        ...scrollReader(state, revealLine(top, line, extent.height, lineCount), rows),
        matchIndex: next.index,
      };
    }
    case 'help':
      return { ...state, screen: 'help', returnTo: 'reader', pageTop: helpTop('reader', extent) };
    case 'problems':
      return { ...state, screen: name, returnTo: 'reader', pageTop: 0, problemSelected: 0 };
    default:
      return state;
  }
}

/** Help opened at the section of the screen it was asked for on, or as near it as the end of help lets it. */
function helpTop(context: KeyContext, extent: Extent): number {
  if (!extent.help) return 0;
  return clamp(extent.help.starts[context], 0, maxTop(extent.help.lineCount, extent.height));
}

/** Help and problems: scroll (on problems, choose a file, kept in view), and any other key returns. */
function page(state: ViewState, name: Command, extent: Extent): ViewState {
  const bottom = maxTop(extent.pageLines, extent.height);
  const starts = extent.problemStarts ?? [];
  if (state.screen === 'problems' && starts.length > 0) {
    // A page of files is five of them (each entry takes two rows or more).
    const chosen = moved(name, state.problemSelected, starts.length - 1, 5);
    if (chosen === undefined) return { ...state, screen: state.returnTo };
    const problemSelected = clamp(chosen, 0, starts.length - 1);
    const first = problemSelected === 0 ? 0 : starts[problemSelected]!;
    const last = (starts[problemSelected + 1] ?? extent.pageLines) - 1;
    let pageTop = state.pageTop;
    if (last >= pageTop + extent.height) pageTop = last - extent.height + 1;
    if (first < pageTop) pageTop = first;
    return { ...state, problemSelected, pageTop: clamp(pageTop, 0, bottom) };
  }
  const target = moved(name, state.pageTop, bottom, pageOf(extent.height));
  if (target !== undefined) return { ...state, pageTop: clamp(target, 0, bottom) };
  return { ...state, screen: state.returnTo };
}
