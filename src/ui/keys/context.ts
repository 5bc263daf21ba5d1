import type { Article, Problem } from '../../corpus/article.js';
import type { Marks } from '../../query/match.js';
import type { ReadingState } from '../../state/reading.js';
import type { Effects } from '../../terminal/effects.js';
import type { BodyReader } from '../hooks/use-article-lines.js';
import type { ReaderView } from '../hooks/use-reader.js';
import type { Command } from '../keymap.js';
import type { TreeRow } from '../list-rows.js';
import type { Action, Extent, ViewState } from '../state.js';
import type { MarkHistory } from '../mark-history.js';

/**
 * What a key's handler works with: the view as the keys before it left it,
 * what is on screen, and the world beyond the frame (the reading state, the
 * opener, the clipboard, other programs). Made afresh for each key.
 */
export interface BrowserContext {
  view: ViewState;
  dispatch: (action: Action) => void;
  /** What a movement needs of the screen, as it is now; what the reducer is given with a command. */
  extent: Extent;
  /**
   * The selected article and its place in the list; null when the list is empty. In the reader, the
   * article being read; when its file was removed (`gone`), the place it had, which the article
   * below it now has.
   */
  article: Article | null;
  index: number;
  /** The article being read was removed from the folder: it is still shown, but nothing is saved of it. */
  gone?: boolean;
  reader: ReaderView;
  treeRows: readonly TreeRow[];
  /** The files with problems, and the folder their paths are in. */
  problems: readonly Problem[];
  root: string;
  reading: ReadingState;
  /** The marks of the listed articles, as the reading state holds them now. */
  marks: Marks;
  /** The marking actions done, to be taken back (`z`). */
  history: MarkHistory;
  effects: Effects;
  /** The programs `e` and `v` hand the article to, whether pictures are drawn, how a body is read. */
  settings: { editor: string; pager: string; picturesOn: boolean; readBody?: BodyReader };
  reload: () => void;
  exit: () => void;
  /** Says something in the status line (null: nothing). */
  say: (notice: string | null) => void;
  /** Carries out another command, as its key would. */
  run: (command: Command) => void;
  /** Only the newest articles are listed yet; the rest of the folder is being read. */
  partial?: boolean;
  /**
   * Carries out `command` again once the whole list is there (a key that
   * means a place in it, asked too early), unless another key comes first.
   */
  later?: (command: Command) => void;
}

/** A command's handler: what it does beyond the view state, and the actions it dispatches. */
export type Handler = (browser: BrowserContext) => void;

/** Hands the command to the reducer: a movement, or a change of screen. */
export function dispatchCommand(browser: BrowserContext, command: Command): void {
  browser.dispatch({ type: 'command', command, extent: browser.extent });
}
