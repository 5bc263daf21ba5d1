import type { Key } from 'ink';
import { useEffect, useRef } from 'react';
import type { Article, Problem } from '../../corpus/article.js';
import type { Marks } from '../../query/match.js';
import type { ReadingState } from '../../state/reading.js';
import type { Effects } from '../../terminal/effects.js';
import { keyIntent } from '../key-intent.js';
import { carryOut, runCommand } from '../keys/commands.js';
import type { BrowserContext } from '../keys/context.js';
import type { MarkHistory } from '../mark-history.js';
import { keyName, type Command, type KeyBindings } from '../keymap.js';
import { selectedIndex } from '../selectors.js';
import type { HelpLayout } from '../Help.js';
import type { Action, Extent, ViewState } from '../state.js';
import type { ArticleList } from './use-article-list.js';
import { useKeypress } from './use-keypress.js';
import type { ReaderView } from './use-reader.js';

/** What the keys act on: the view, what is on screen now, and the world beyond the frame. */
export interface KeyTargets {
  current: () => ViewState;
  dispatch: (action: Action) => void;
  /** False until there is a list: keys wait for it (but q and Ctrl+C). */
  ready: boolean;
  /** Only the newest articles are listed yet. */
  partial: boolean;
  list: Pick<ArticleList, 'visible' | 'grouped' | 'treeRows'>;
  reader: ReaderView;
  /**
   * The article being read, held by its file, and its place in the list shown (where it was, when
   * the list no longer has it); `gone` when its file was removed. Absent outside the reader.
   */
  open?: { article: Article | null; index: number; gone: boolean } | null;
  /** Rows of the list and the reader. */
  height: number;
  /** Lines of help or problems, and on the problems screen where each file's entry starts. */
  page: { lineCount: number; problemStarts: readonly number[]; help?: HelpLayout };
  problems: readonly Problem[];
  root: string;
  reading: ReadingState;
  marks: Marks;
  history: MarkHistory;
  effects: Effects;
  settings: BrowserContext['settings'];
  /** The keys in force. */
  keys: KeyBindings;
  reload: () => void;
  exit: () => void;
  say: (notice: string | null) => void;
}

/**
 * Binds the keys: each key's name, its intent in the view (`keyIntent`), and
 * the handler that carries it out (`keys/`), over a context made for the key.
 * Returns the sizes a movement needs as they are now and `run` for commands
 * from elsewhere (the mouse).
 */
export function useBrowserKeys(targets: KeyTargets): {
  extent: () => Extent;
  run: (command: Command) => void;
  /** A key of the link menu carried out as if typed (for the mouse). */
  linkMenuKey: (name: string) => void;
} {
  const { current, list, reader, height, page } = targets;

  const extent = (): Extent => ({
    articles: list.visible,
    rowOfArticle: list.grouped.rowOfArticle,
    rowCount: list.grouped.rowCount,
    height,
    treeCount: list.treeRows.length,
    reader: reader.rows,
    matchLines: reader.matchLines,
    pageLines: page.lineCount,
    problemStarts: page.problemStarts,
    help: page.help,
    partial: targets.partial,
  });

  // A command asked of the whole list before it was there: carried out when it is, unless a key came since.
  const deferred = useRef<Command | null>(null);

  const context = (): BrowserContext => {
    const view = current();
    const open = targets.open;
    const index = open ? open.index : selectedIndex(view.selected, list.visible);
    const browser: BrowserContext = {
      view,
      dispatch: targets.dispatch,
      extent: extent(),
      article: open ? open.article : (list.visible[index] ?? null),
      index,
      ...(open?.gone && { gone: true }),
      reader,
      treeRows: list.treeRows,
      problems: targets.problems,
      root: targets.root,
      reading: targets.reading,
      marks: targets.marks,
      history: targets.history,
      effects: targets.effects,
      settings: targets.settings,
      reload: targets.reload,
      exit: targets.exit,
      say: targets.say,
      run: (command) => runCommand(browser, command),
      partial: targets.partial,
      later: (command) => (deferred.current = command),
    };
    return browser;
  };

  const press = (input: string, key: Key) => {
    deferred.current = null;
    const name = keyName(input, key);
    if (name !== 'ctrl+c') targets.say(null);
    carryOut(context(), keyIntent(current(), name, input, targets.keys));
  };

  // Keys typed before the list is there wait for it, in order; q and Ctrl+C quit at once. So do
  // keys typed in an article before its text is on screen (G, Space: there is nowhere to go yet),
  // but those that leave it.
  const view = current();
  const opening =
    view.screen === 'reader' &&
    !view.prompt &&
    !view.linkMenu &&
    reader.rows === null &&
    reader.error === undefined;
  useKeypress(
    press,
    targets.ready && !opening,
    (name) =>
      name === 'q' ||
      name === 'ctrl+c' ||
      (opening && targets.keys.commandFor('reader', name) === 'back'),
  );
  const whole = targets.ready && !targets.partial;
  useEffect(() => {
    const command = deferred.current;
    deferred.current = null;
    if (!whole || !command) return;
    targets.say(null);
    runCommand(context(), command);
    // Only when the whole list has come: the context is this render's, with that list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [whole]);
  return {
    extent,
    run: (command) => runCommand(context(), command),
    linkMenuKey: (name) => carryOut(context(), { kind: 'linkMenu', name, text: '' }),
  };
}
