import type { Key } from 'ink';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Problem } from '../../corpus/article.js';
import { reason } from '../../files/errors.js';
import { readArticleBody } from '../../corpus/body.js';
import type { GroupedList } from '../../query/group.js';
import { plainArticleText } from '../../render/article.js';
import type { ReadingState } from '../../state/reading.js';
import type { Marks } from '../../query/match.js';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import { openableUrl } from '../../text/urls.js';
import type { Effects, HandOver } from '../effects.js';
import { findMatches } from '../find.js';
import { keyIntent } from '../key-intent.js';
import { keyName, type Command } from '../keymap.js';
import type { TreeRow } from '../list-rows.js';
import { pictureInView, placeAt } from '../pictures.js';
import { openPrompt, type Prompt } from '../prompt.js';
import { nextMatch } from '../moves.js';
import { maxTop, selectedIndex } from '../selectors.js';
import type { Action, Extent, ViewState } from '../state.js';
import type { BodyReader } from './use-article-lines.js';
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
  /** The problems screen: where each file's entry starts, the files, and the folder they are in. */
  problemStarts: readonly number[];
  problems: readonly Problem[];
  root: string;
  height: number;
  reading: ReadingState;
  /** The marks of the listed articles, as `reading` holds them now. */
  marks: Marks;
  effects: Effects;
  picturesOn: boolean;
  readBody?: BodyReader;
  /** The programs `e` and `v` hand the article to. */
  editor: string;
  pager: string;
  reload: () => void;
  exit: () => void;
  say: (notice: string | null) => void;
}

/** The `is:unread` term `U` adds to the filter and takes out again. */
const UNREAD_TERM = /(^|\s)is:unread(?=\s|$)/gi;

/**
 * Binds the keys: each key's intent (a pure function of the view) is carried
 * out here, where the reading state, the opener, the clipboard and the folder
 * are within reach. Returns the sizes a movement needs, as they are now, for
 * the view's own moves (a resize, a reloaded list), and `run` for commands from
 * elsewhere (the mouse).
 */
export function useBrowserKeys(targets: KeyTargets): {
  extent: () => Extent;
  run: (command: Command) => void;
} {
  const { current, dispatch, visible, grouped, treeRows, reader, height, reading } = targets;

  const extent = (overrides: Partial<Extent> = {}): Extent => ({
    articles: visible,
    rowOfArticle: grouped.rowOfArticle,
    rowCount: grouped.rowCount,
    height,
    treeCount: treeRows.length,
    reader: reader.rows,
    matchLines: reader.matchLines,
    pageLines: targets.pageLineCount,
    problemStarts: targets.problemStarts,
    ...overrides,
  });

  /** The article the keys so far have selected. */
  const selectedArticle = () => visible[selectedIndex(current().selected, visible)] ?? null;

  const leaveArticle = () => {
    const article = selectedArticle();
    if (article && reader.error === undefined && reader.lines)
      reading.markRead(article.absolutePath, reader.top, placeAt(reader.lines, reader.top));
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
    const at = {
      line: reading.position(article.absolutePath),
      place: reading.place(article.absolutePath),
    };
    dispatch({ type: 'openArticle', index, at, extent: extent() });
  };

  /** The next (or previous) unread article from the selection, selected; said when there is none. */
  const toUnread = (step: 1 | -1) => {
    const from = selectedIndex(current().selected, visible);
    for (let i = from + step; i >= 0 && i < visible.length; i += step) {
      if (!targets.marks.isRead(visible[i]!))
        return dispatch({ type: 'select', index: i, extent: extent() });
    }
    targets.say(step > 0 ? 'no unread article below' : 'no unread article above');
  };

  const handOver = (program: HandOver, done?: () => void) =>
    void targets.effects.handOver(program).then((failure) => {
      targets.say(failure);
      done?.();
    });

  /** Hands a program the article's text, as `cat` prints it for a pipe, on its standard input. */
  const handText = async (article: Article, program: Omit<HandOver, 'input'>) => {
    let input: string;
    try {
      const body = await (targets.readBody ?? readArticleBody)(article);
      input = await plainArticleText(article, body, 80);
    } catch (error) {
      return targets.say(`could not read the article: ${String(error)}`);
    }
    handOver({ ...program, input });
  };

  const startPrompt = (prompt: Prompt) => dispatch({ type: 'startPrompt', prompt });

  const run = (command: Command) => {
    const view = current();
    const index = selectedIndex(view.selected, visible);
    const article = visible[index] ?? null;
    const inReader = view.screen === 'reader';
    switch (command) {
      case 'quit':
        return view.focus === 'tree' && !inReader
          ? dispatch({ type: 'command', command, extent: extent() })
          : quit();
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
      case 'pageDown':
        // Space at the end of an article goes on to the next one.
        if (inReader && reader.lines && reader.top >= maxTop(reader.lines.length, height))
          return run('nextArticle');
        return dispatch({ type: 'command', command, extent: extent() });
      case 'nextArticle':
      case 'previousArticle': {
        const next = index + (command === 'nextArticle' ? 1 : -1);
        if (next < 0 || next >= visible.length)
          return targets.say(next < 0 ? 'this is the first article' : 'this is the last article');
        leaveArticle();
        return open(next);
      }
      case 'nextMatch':
      case 'previousMatch': {
        const count = reader.matchLines.length;
        if (!view.search) return targets.say('no search: / searches the article');
        if (count === 0) return targets.say(`no match for “${view.search}”`);
        const at = { matchIndex: view.matchIndex, readerTop: reader.top };
        const next = nextMatch(at, extent(), command === 'nextMatch' ? 1 : -1);
        if (next?.wrapped)
          targets.say(
            command === 'nextMatch'
              ? 'wrapped: back to the first match'
              : 'wrapped: on from the last match',
          );
        return dispatch({ type: 'command', command, extent: extent() });
      }
      case 'nextUnread':
      case 'previousUnread':
        return toUnread(command === 'nextUnread' ? 1 : -1);
      case 'toggleRead': {
        if (!article) return;
        if (inReader) {
          leaveArticle();
          reading.setRead(article.absolutePath, false);
          dispatch({ type: 'command', command: 'back', extent: extent() });
          return targets.say('kept unread');
        }
        const read = !reading.isRead(article.absolutePath);
        // The article stays selected while it is listed (a mark can take it out of the list).
        dispatch({ type: 'command', command, extent: extent() });
        reading.setRead(article.absolutePath, read);
        return targets.say(read ? 'marked read' : 'marked unread');
      }
      case 'markAllRead': {
        const unread = visible.filter((candidate) => !targets.marks.isRead(candidate));
        if (unread.length === 0) return targets.say('every article shown is read');
        const label = `Mark ${unread.length} article${unread.length === 1 ? '' : 's'} read? (y/n) `;
        return startPrompt(openPrompt('confirm', label));
      }
      case 'onlyUnread': {
        const only = new RegExp(UNREAD_TERM.source, 'i').test(view.filter);
        const filter = only
          ? view.filter.replace(UNREAD_TERM, '').trim()
          : `${view.filter} is:unread`.trim();
        dispatch({ type: 'setFilter', filter, extent: extent() });
        return targets.say(only ? 'read articles shown again' : 'only unread articles');
      }
      case 'star': {
        if (!article) return;
        const starred = !reading.isStarred(article.absolutePath);
        reading.setStarred(article.absolutePath, starred);
        return targets.say(starred ? 'starred (is:starred finds it)' : 'star taken off');
      }
      case 'find':
        return startPrompt(
          inReader
            ? openPrompt('search', '/', view.search, reading.history('search'))
            : openPrompt('filter', '/', view.filter, reading.history('filter')),
        );
      case 'openLink':
        if (inReader) return startPrompt(openPrompt('link', 'open link number: '));
        return openSource(article);
      case 'openSource':
        return openSource(article);
      case 'copy':
        if (inReader)
          return startPrompt(openPrompt('copy', 'copy link number (Enter: the source link): '));
        return copySource(article);
      case 'pipe':
        if (!article) return;
        return startPrompt(openPrompt('pipe', '| ', '', reading.history('pipe')));
      case 'edit':
        if (!article) return;
        return handOver(commandLine(targets.editor, [article.absolutePath]), () => {
          // What was edited is read again, the article still selected.
          dispatch({ type: 'command', command: 'reload', extent: extent() });
          targets.reload();
        });
      case 'page':
        if (!article) return;
        return void handText(article, commandLine(targets.pager, []));
      case 'showFile': {
        const problem = targets.problems[view.problemSelected];
        if (!problem) return;
        const file = path.resolve(targets.root, problem.path);
        let text: string;
        try {
          // As it is, but with nothing in it that a terminal would take as a command.
          text = sanitizeText(readFileSync(file, 'utf8'));
        } catch (error) {
          return targets.say(`could not read ${sanitizeLine(problem.path)}: ${reason(error)}`);
        }
        return handOver({ ...commandLine(targets.pager, []), input: text });
      }
      case 'reload':
        targets.say('reading the folder again');
        // The article selected stays selected in the list read again.
        dispatch({ type: 'command', command, extent: extent() });
        return targets.reload();
      case 'viewImage': {
        if (!targets.picturesOn) return targets.say('pictures are off (--images none)');
        const key = reader.lines ? pictureInView(reader.lines, reader.top) : null;
        if (!key) return targets.say('no picture here or below');
        return dispatch({ type: 'viewImage', key });
      }
      default:
        return dispatch({ type: 'command', command, extent: extent() });
    }
  };

  const openSource = (article: Article | null) => {
    if (article?.link) return openLink(article.link);
    return targets.say('this article has no source link');
  };

  const copySource = (article: Article | null) => {
    if (!article) return;
    copy(article.link ?? article.absolutePath);
  };

  const copy = (text: string) => {
    targets.effects.copy(text);
    targets.say(`copied ${sanitizeLine(text)}`);
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

  /** The link numbered as typed, or a sentence saying there is none. */
  const linkNumbered = (text: string): string | null => {
    const n = Number.parseInt(text, 10);
    const url = reader.references.find((reference) => reference.n === n)?.target;
    if (!url) targets.say(`no link [${sanitizeLine(text)}] in this article`);
    return url ?? null;
  };

  const submitPrompt = () => {
    const prompt = current().prompt!;
    const article = selectedArticle();
    const text = prompt.text.trim();
    let matchLines = reader.matchLines;
    switch (prompt.kind) {
      case 'link': {
        const url = linkNumbered(text);
        if (url) openLink(url);
        break;
      }
      case 'copy': {
        if (text === '') copySource(article);
        else {
          const url = linkNumbered(text);
          if (url) copy(url);
        }
        break;
      }
      case 'filter':
        reading.remember('filter', prompt.text);
        break;
      case 'search':
        reading.remember('search', prompt.text);
        matchLines = reader.lines ? findMatches(reader.lines, prompt.text).map((m) => m.row) : [];
        if (text && matchLines.length === 0) targets.say(`no match for “${text}”`);
        break;
      case 'pipe':
        if (!text || !article) break;
        reading.remember('pipe', text);
        void handText(article, { command: '/bin/sh', args: ['-c', text], wait: true });
        break;
      case 'confirm':
        break;
    }
    dispatch({ type: 'endPrompt', keep: true, extent: extent({ matchLines }) });
  };

  const confirm = (yes: boolean) => {
    dispatch({ type: 'endPrompt', keep: false, extent: extent() });
    if (!yes) return targets.say('nothing marked');
    for (const article of visible) reading.setRead(article.absolutePath, true);
    const failure = reading.save();
    targets.say(failure ?? `${visible.length} articles marked read`);
  };

  const press = (input: string, key: Key) => {
    const name = keyName(input, key);
    if (name !== 'ctrl+c') targets.say(null);
    const intent = keyIntent(current(), name, input);
    switch (intent.kind) {
      case 'quit':
        return quit();
      case 'endPrompt':
        if (intent.submit) return submitPrompt();
        return dispatch({ type: 'endPrompt', keep: false, extent: extent() });
      case 'editPrompt':
        return dispatch({ type: 'editPrompt', name: intent.name, typed: intent.text });
      case 'confirm':
        return confirm(intent.yes);
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
  return { extent, run };
}

/** A program named as `$EDITOR` and `$PAGER` name one (`code -w`), with arguments after. */
function commandLine(setting: string, args: string[]): { command: string; args: string[] } {
  const [command = 'vi', ...options] = setting.split(/\s+/).filter(Boolean);
  return { command, args: [...options, ...args] };
}
