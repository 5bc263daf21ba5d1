import type { Key } from 'ink';
import type { Article } from '../../corpus/article.js';
import type { GroupedList } from '../../query/group.js';
import type { ReadingState } from '../../state/reading.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { openableUrl } from '../../text/urls.js';
import { graphemes } from '../../text/width.js';
import type { Effects } from '../effects.js';
import { keyIntent } from '../key-intent.js';
import { keyName, type Command } from '../keymap.js';
import type { TreeRow } from '../list-rows.js';
import { matchingRows, pictureInView, placeAt } from '../pictures.js';
import { maxTop, type Action, type Extent, type ViewState } from '../state.js';
import { useKeypress } from './use-keypress.js';
import type { ReaderView } from './use-reader.js';

/** What the keys act on, as the browser shows it now. */
export interface KeyTargets {
  current: () => ViewState;
  dispatch: (action: Action) => void;
  /** False until there is a list: keys wait for it (but q and Ctrl+C). */
  ready: boolean;
  visible: readonly Article[];
  grouped: GroupedList;
  treeRows: readonly TreeRow[];
  reader: ReaderView;
  /** Lines of help or problems, when shown. */
  pageLineCount: number;
  height: number;
  reading: ReadingState;
  effects: Effects;
  picturesOn: boolean;
  reload: () => void;
  exit: () => void;
  say: (notice: string | null) => void;
}

/**
 * Binds the keys: each key's intent (a pure function of the view) is carried
 * out here, where the reading state, the opener, the clipboard and the folder
 * are within reach. Returns the sizes a movement needs, as they are now, for
 * the view's own moves (a resize, a reloaded list).
 */
export function useBrowserKeys(targets: KeyTargets): { extent: () => Extent } {
  const { current, dispatch, visible, grouped, treeRows, reader, height, reading } = targets;

  const extent = (overrides: Partial<Extent> = {}): Extent => ({
    articleCount: visible.length,
    rowOfArticle: grouped.rowOfArticle,
    rowCount: grouped.rowCount,
    height,
    lineCount: current().screen === 'reader' ? (reader.lines?.length ?? 0) : targets.pageLineCount,
    treeCount: treeRows.length,
    matchLines: reader.matchLines,
    ...overrides,
  });

  /** The article the keys so far have selected. */
  const selectedArticle = () =>
    visible[Math.min(current().selected, Math.max(0, visible.length - 1))] ?? null;

  const leaveArticle = () => {
    const article = selectedArticle();
    if (article && reader.error === undefined && reader.lines) {
      const top = Math.min(current().readerTop, maxTop(reader.lines?.length ?? 0, height));
      reading.markRead(article.absolutePath, top, placeAt(reader.lines, top));
    }
    const failure = reading.save();
    if (failure) targets.say(failure);
  };

  const quit = () => {
    if (current().screen === 'reader') leaveArticle();
    else reading.save();
    targets.exit();
  };

  const open = (index: number) => {
    const article = visible[index];
    if (!article) return;
    // Marked read once its text is on screen (an article that cannot be read is not).
    const line = reading.position(article.absolutePath);
    dispatch({ type: 'openArticle', index, readerTop: line, extent: extent() });
  };

  const run = (command: Command) => {
    const view = current();
    const index = Math.min(view.selected, Math.max(0, visible.length - 1));
    const article = visible[index] ?? null;
    const inReader = view.screen === 'reader';
    switch (command) {
      case 'quit':
        return quit();
      case 'open':
        if (view.focus === 'tree' && !inReader) {
          const row = treeRows[view.treeSelected];
          return dispatch({ type: 'chooseCategory', category: row?.node?.path ?? null });
        }
        return open(index);
      case 'expand':
      case 'collapse': {
        const row = treeRows[view.treeSelected];
        if (row?.node && row.node.children.length > 0)
          dispatch({ type: 'toggleExpanded', path: row.node.path, open: command === 'expand' });
        return;
      }
      case 'back':
        if (inReader) leaveArticle();
        return dispatch({ type: 'command', command, extent: extent() });
      case 'nextArticle':
      case 'previousArticle': {
        const next = index + (command === 'nextArticle' ? 1 : -1);
        if (next < 0 || next >= visible.length)
          return targets.say(next < 0 ? 'this is the first article' : 'this is the last article');
        leaveArticle();
        return open(next);
      }
      case 'find':
        return dispatch({ type: 'startPrompt', kind: inReader ? 'search' : 'filter' });
      case 'openLink':
        if (inReader) return dispatch({ type: 'startPrompt', kind: 'link' });
        if (article?.link) return openLink(article.link);
        return targets.say('this article has no source link');
      case 'copy': {
        if (!article) return;
        const text = article.link ?? article.absolutePath;
        targets.effects.copy(text);
        return targets.say(`copied ${text}`);
      }
      case 'reload':
        targets.say('reading the folder again');
        return targets.reload();
      case 'viewImage': {
        if (!targets.picturesOn) return targets.say('pictures are off (--images none)');
        const lines = reader.lines;
        const key = lines
          ? pictureInView(lines, Math.min(view.readerTop, maxTop(lines.length, height)))
          : null;
        if (!key) return targets.say('no picture here or below');
        return dispatch({ type: 'viewImage', key });
      }
      default:
        return dispatch({ type: 'command', command, extent: extent() });
    }
  };

  /** Opens a web or mail link, and says what happened; anything else is shown, not opened. */
  const openLink = (raw: string) => {
    const url = openableUrl(raw);
    const shown = sanitizeLine(raw);
    if (!url) return targets.say(`not opened (only web and mail links open): ${shown}`);
    void targets.effects
      .openUrl(url)
      .then((failure) =>
        targets.say(failure ? `could not open ${shown}: ${failure}` : `opened ${shown}`),
      );
  };

  const submitPrompt = () => {
    const prompt = current().prompt!;
    if (prompt.kind === 'link') {
      const n = Number.parseInt(prompt.text, 10);
      const url = reader.references.find((reference) => reference.n === n)?.target;
      if (url) openLink(url);
      else targets.say(`no link [${sanitizeLine(prompt.text)}] in this article`);
    }
    const matches =
      prompt.kind === 'search' && reader.lines
        ? matchingRows(reader.lines, prompt.text)
        : reader.matchLines;
    dispatch({ type: 'endPrompt', keep: true, extent: extent({ matchLines: matches }) });
  };

  const press = (input: string, key: Key) => {
    const name = keyName(input, key);
    if (name !== 'ctrl+c') targets.say(null);
    const intent = keyIntent(current(), name, input);
    switch (intent.kind) {
      case 'quit':
        return quit();
      case 'editPrompt':
        if (intent.edit === 'cancel')
          return dispatch({ type: 'endPrompt', keep: false, extent: extent() });
        if (intent.edit === 'submit') return submitPrompt();
        return dispatch({
          type: 'editPrompt',
          text: graphemes(current().prompt!.text).slice(0, -1).join(''),
        });
      case 'typePrompt':
        return dispatch({ type: 'editPrompt', text: current().prompt!.text + intent.text });
      case 'closeImage':
        return dispatch({ type: 'closeImage' });
      case 'closePage':
        return dispatch({ type: 'command', command: intent.command, extent: extent() });
      case 'command':
        return run(intent.command);
      case 'none':
        return;
    }
  };

  // Keys typed before the list is there wait for it, in order; q and Ctrl+C quit at once.
  useKeypress(press, targets.ready, (name) => name === 'q' || name === 'ctrl+c');
  return { extent };
}
