import type { EventEmitter } from 'node:events';
import { Box, useApp, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Article, Corpus } from '../corpus/article.js';
import { buildCategoryTree } from '../corpus/category-tree.js';
import { matchesFilter, type ArticleFilter } from '../query/filter.js';
import { groupByDate } from '../query/group.js';
import { parseQuery } from '../query/parse.js';
import type { ReadingState } from '../state/reading.js';
import { graphemes } from '../text/width.js';
import { sanitizeLine, sanitizeText } from '../text/sanitize.js';
import { ArticleList } from './ArticleList.js';
import type { Effects } from './effects.js';
import { CategoryTree } from './CategoryTree.js';
import { helpLines, Page, problemLines } from './Help.js';
import { useArticleLines, type BodyReader } from './hooks/use-article-lines.js';
import { useBodySearch } from './hooks/use-body-search.js';
import { useArticleColumns } from './hooks/use-article-columns.js';
import { useNarrowingFilter } from './hooks/use-narrowing-filter.js';
import { useCorpus, type CorpusLoader } from './hooks/use-corpus.js';
import { useKeypress } from './hooks/use-keypress.js';
import { useRepaint } from './hooks/use-repaint.js';
import { useFullPicture } from './hooks/use-full-picture.js';
import { usePictures } from './hooks/use-pictures.js';
import {
  expandPictures,
  followAnchor,
  matchingRows,
  pictureInView,
  pictureKey,
  type PictureSettings,
} from './pictures.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { commandFor, keyName, type Command } from './keymap.js';
import { Lines, fitHeight } from './Lines.js';
import { flattenTree } from './list-rows.js';
import { Reader } from './Reader.js';
import {
  createDefaultState,
  maxTop,
  reduce,
  type Action,
  type Extent,
  type ViewState,
} from './state.js';
import { StatusBar } from './StatusBar.js';
import { statusText } from './status.js';
import { paint } from './theme.js';
import { glyphs } from '../text/profile.js';

export interface AppProps {
  load: CorpusLoader;
  reading: ReadingState;
  effects: Effects;
  readBody?: BodyReader;
  /** Fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  /** The time "today" is measured from; default: when the folder was read. */
  now?: number;
  /** The starting view from the command line's filters. */
  start?: { filter?: ArticleFilter; category?: string; search?: string };
  /** How pictures are drawn; none when absent. */
  pictures?: PictureSettings | null;
  /** Articles already on screen before the app started (the first screen of a warm start). */
  initialCorpus?: Corpus | null;
  /** Emits `repaint` when the screen was lost (after Ctrl+Z and `fg`) and must be drawn whole again. */
  repaint?: EventEmitter;
}

/** Columns of reading text at most, for comfort. */
const MEASURE = 100;

export function App({
  load,
  reading,
  effects,
  readBody,
  size: fixedSize,
  now: fixedNow,
  start,
  pictures = null,
  initialCorpus = null,
  repaint,
}: AppProps) {
  const { exit } = useApp();
  const blank = useRepaint(repaint);
  const size = useTerminalSize(fixedSize);
  const { corpus, progress, error, reload } = useCorpus(load, initialCorpus);
  // The view state lives in a ref as well as in React: several keys can arrive in one read (a held
  // key, a fast typist), and each must see the state the one before it left, not the last render's.
  const stateRef = useRef<ViewState | null>(null);
  stateRef.current ??= createDefaultState({
    filter: start?.search ?? '',
    category: start?.category ?? null,
  });
  const [state, setState] = useState(stateRef.current);
  const dispatch = useCallback((action: Action) => {
    stateRef.current = reduce(stateRef.current!, action);
    setState(stateRef.current);
  }, []);
  const [notice, setNotice] = useState<string | null>(reading.warning);

  const now = useMemo(() => fixedNow ?? Date.now(), [fixedNow, corpus]);
  const base = useMemo(
    () => (corpus ? corpus.articles.filter(matchesFilter(start?.filter ?? {})) : []),
    [corpus, start?.filter],
  );
  const columns = useArticleColumns(base);
  const inCategory = useMemo(
    () => (state.category ? columns.where(matchesFilter({ category: state.category })) : null),
    [columns, state.category],
  );
  const query = useMemo(() => parseQuery(state.filter), [state.filter]);
  // Fields answer at once as the filter is typed; bodies, when a term needs them, a moment later.
  const byFields = useNarrowingFilter(columns, inCategory, state.filter, query);
  const searched = useMemo(() => columns.listing(inCategory).articles, [columns, inCategory]);
  const byBodies = useBodySearch(searched, state.filter);
  const listing = useMemo(
    () =>
      columns.listing(
        byBodies ? columns.where((article) => byBodies.has(article), inCategory) : byFields,
      ),
    [byBodies, byFields, columns, inCategory],
  );
  const visible = listing.articles;
  const grouped = useMemo(() => groupByDate(listing.dates, now), [listing, now]);
  const tree = useMemo(() => buildCategoryTree(base), [base]);
  const treeRows = useMemo(
    () => flattenTree(tree, new Set(state.expanded)),
    [tree, state.expanded],
  );

  const height = Math.max(1, size.rows - 2);
  const treeWidth = state.treeVisible
    ? Math.max(12, Math.min(32, Math.floor(size.columns / 3)))
    : 0;
  const listWidth = size.columns - (treeWidth ? treeWidth + 1 : 0);
  const margin = size.columns > 40 ? 1 : 0;
  const readerWidth = Math.max(10, Math.min(MEASURE, size.columns - 2 * margin));
  const selected = Math.min(state.selected, Math.max(0, visible.length - 1));
  const current: Article | null = visible[selected] ?? null;
  const reading_ =
    state.screen === 'reader' || (state.returnTo === 'reader' && state.screen !== 'list');
  const view = useArticleLines(reading_ ? current : null, readerWidth, readBody);
  const pictureStates = usePictures(
    view?.lines ?? null,
    pictures,
    readerWidth,
    Math.max(4, height - 2),
  );
  const lines = useMemo(
    () => (view ? expandPictures(view.lines, pictureStates, readerWidth) : null),
    [view, pictureStates, readerWidth],
  );
  const fullImage = useMemo(
    () =>
      state.imageKey
        ? (view?.lines.find((line) => line.image && pictureKey(line.image) === state.imageKey)
            ?.image ?? null)
        : null,
    [state.imageKey, view],
  );
  const fullPicture = useFullPicture(fullImage, pictures, size.columns, height);
  const matchLines = useMemo(
    () => (lines && state.search ? matchingRows(lines, state.search) : []),
    [lines, state.search],
  );
  const pageLines = useMemo(
    () =>
      state.screen === 'help'
        ? helpLines(size.columns)
        : state.screen === 'problems'
          ? problemLines(corpus?.problems ?? [], size.columns)
          : [],
    [state.screen, size.columns, corpus],
  );

  const extent = (overrides: Partial<Extent> = {}): Extent => ({
    articleCount: visible.length,
    rowOfArticle: grouped.rowOfArticle,
    rowCount: grouped.rowCount,
    height,
    lineCount: state.screen === 'reader' ? (lines?.length ?? 0) : pageLines.length,
    treeCount: treeRows.length,
    matchLines,
    ...overrides,
  });

  // Re-layout on resize; keep the selection in view.
  const lastSize = useRef(size);
  useEffect(() => {
    if (lastSize.current.columns === size.columns && lastSize.current.rows === size.rows) return;
    lastSize.current = size;
    dispatch({ type: 'resize', extent: extent() });
  });

  const readerTop = Math.min(state.readerTop, maxTop(lines?.length ?? 0, height));

  // When the folder is read again (a warm start checked, `r`, a quiet recheck), the same article stays selected.
  const selection = useRef<{ corpus: typeof corpus; path: string | null }>({
    corpus: null,
    path: null,
  });
  useEffect(() => {
    const previous = selection.current;
    if (
      corpus !== previous.corpus &&
      previous.corpus &&
      previous.path &&
      current?.absolutePath !== previous.path
    ) {
      const index = visible.findIndex((article) => article.absolutePath === previous.path);
      selection.current = { corpus, path: previous.path };
      if (index >= 0) return dispatch({ type: 'select', index, extent: extent() });
    }
    selection.current = { corpus, path: current?.absolutePath ?? null };
  });

  // A picture arriving above the reader's place must not move the text being read.
  const shownLines = useRef<{ view: typeof view; lines: typeof lines }>({
    view: null,
    lines: null,
  });
  useEffect(() => {
    const previous = shownLines.current;
    shownLines.current = { view, lines };
    if (!previous.lines || !lines || previous.view !== view || previous.lines === lines) return;
    const top = Math.min(stateRef.current!.readerTop, maxTop(previous.lines.length, height));
    const followed = followAnchor(previous.lines, top, lines);
    if (followed !== top) dispatch({ type: 'scrollTo', readerTop: followed });
  }, [view, lines, height, dispatch]);

  /** The state as the keys so far have left it, and the article it selects. */
  const latest = () => {
    const s = stateRef.current!;
    const index = Math.min(s.selected, Math.max(0, visible.length - 1));
    return { s, index, article: visible[index] ?? null };
  };

  const leaveArticle = () => {
    const { s, article } = latest();
    if (article)
      reading.markRead(
        article.absolutePath,
        Math.min(s.readerTop, maxTop(lines?.length ?? 0, height)),
      );
    const failure = reading.save();
    if (failure) setNotice(failure);
  };

  const quit = () => {
    if (latest().s.screen === 'reader') leaveArticle();
    else reading.save();
    exit();
  };

  const open = (index: number) => {
    const article = visible[index];
    if (!article) return;
    const line = reading.position(article.absolutePath);
    reading.markRead(article.absolutePath, line);
    dispatch({ type: 'openArticle', index, readerTop: line, extent: extent() });
  };

  const run = (command: Command) => {
    const { s, index, article } = latest();
    const inReader = s.screen === 'reader';
    switch (command) {
      case 'quit':
        return quit();
      case 'open':
        if (s.focus === 'tree' && !inReader) {
          const row = treeRows[s.treeSelected];
          return dispatch({ type: 'chooseCategory', category: row?.node?.path ?? null });
        }
        return open(index);
      case 'expand':
      case 'collapse': {
        const row = treeRows[s.treeSelected];
        if (row?.node && row.node.children.length > 0) {
          dispatch({ type: 'toggleExpanded', path: row.node.path, open: command === 'expand' });
        }
        return;
      }
      case 'back':
        if (inReader) leaveArticle();
        return dispatch({ type: 'command', command, extent: extent() });
      case 'nextArticle':
      case 'previousArticle': {
        const next = index + (command === 'nextArticle' ? 1 : -1);
        if (next < 0 || next >= visible.length) {
          return setNotice(next < 0 ? 'this is the first article' : 'this is the last article');
        }
        leaveArticle();
        return open(next);
      }
      case 'find':
        return dispatch({ type: 'startPrompt', kind: inReader ? 'search' : 'filter' });
      case 'openLink':
        if (inReader) return dispatch({ type: 'startPrompt', kind: 'link' });
        if (article?.link) return effects.openUrl(article.link);
        return setNotice('this article has no source link');
      case 'copy': {
        if (!article) return;
        const text = article.link ?? article.absolutePath;
        effects.copy(text);
        return setNotice(`copied ${text}`);
      }
      case 'reload':
        setNotice('reading the folder again');
        return reload();
      case 'viewImage': {
        if (!pictures) return setNotice('pictures are off (--images none)');
        const key = lines
          ? pictureInView(lines, Math.min(s.readerTop, maxTop(lines.length, height)))
          : null;
        if (!key) return setNotice('no picture here or below');
        return dispatch({ type: 'viewImage', key });
      }
      default:
        return dispatch({ type: 'command', command, extent: extent() });
    }
  };

  const editPrompt = (name: string, input: string) => {
    const prompt = latest().s.prompt!;
    if (name === 'escape') return dispatch({ type: 'endPrompt', keep: false, extent: extent() });
    if (name === 'enter') {
      if (prompt.kind === 'link') openLinkNumber(prompt.text);
      const matches =
        prompt.kind === 'search' && lines ? matchingRows(lines, prompt.text) : matchLines;
      return dispatch({ type: 'endPrompt', keep: true, extent: extent({ matchLines: matches }) });
    }
    if (name === 'backspace') {
      return dispatch({ type: 'editPrompt', text: graphemes(prompt.text).slice(0, -1).join('') });
    }
    // Typed text keeps its spaces; only control characters are dropped.
    const typed = sanitizeText(input).replace(/[\t\n]/g, '');
    if (typed && name !== 'tab') dispatch({ type: 'editPrompt', text: prompt.text + typed });
  };

  const openLinkNumber = (text: string) => {
    const n = Number.parseInt(text, 10);
    const url = view?.references.find((reference) => reference.n === n)?.target;
    if (url) effects.openUrl(url);
    else setNotice(`no link [${sanitizeLine(text)}] in this article`);
  };

  const press = (input: string, key: Key) => {
    const name = keyName(input, key);
    if (name === 'ctrl+c') return quit();
    setNotice(null);
    const { s } = latest();
    if (s.prompt) return editPrompt(name, input);
    const context =
      s.screen === 'reader' || (s.returnTo === 'reader' && s.screen !== 'list')
        ? 'reader'
        : s.focus === 'tree'
          ? 'tree'
          : 'list';
    if (s.screen === 'image') return dispatch({ type: 'closeImage' });
    if (s.screen === 'help' || s.screen === 'problems') {
      return dispatch({
        type: 'command',
        command: commandFor(context, name) ?? 'back',
        extent: extent(),
      });
    }
    const command = commandFor(context, name);
    if (command) run(command);
  };

  // Keys typed before the list is there wait for it, in order; q and Ctrl+C quit at once.
  useKeypress(press, corpus !== null, (name) => name === 'q' || name === 'ctrl+c');

  let content: ReactElement;
  if (blank) {
    content = <Lines lines={fitHeight([], height)} />;
  } else if (!corpus) {
    const message = error ? `Could not read the folder: ${error}` : 'Reading articles…';
    content = <Lines lines={fitHeight([paint(` ${message}`, { dim: !error })], height)} />;
  } else if (state.screen === 'help' || state.screen === 'problems') {
    content = <Page lines={pageLines} top={state.pageTop} height={height} />;
  } else if (state.screen === 'image') {
    content = <Lines lines={fitHeight(fullPicture, height)} />;
  } else if (state.screen === 'reader') {
    content = (
      <Reader lines={lines} top={readerTop} height={height} margin={margin} search={state.search} />
    );
  } else {
    const list = (
      <ArticleList
        rows={grouped}
        articles={visible}
        top={state.listTop}
        height={height}
        width={listWidth}
        selected={selected}
        now={now}
        isRead={(article) => reading.isRead(article.absolutePath)}
        empty={
          base.length === 0
            ? 'No articles in this folder.'
            : 'No article matches. Esc clears the filter.'
        }
      />
    );
    content = treeWidth ? (
      <Box flexDirection="row">
        <CategoryTree
          rows={treeRows}
          total={base.length}
          top={state.treeTop}
          height={height}
          width={treeWidth}
          selected={state.treeSelected}
          active={state.focus === 'tree'}
        />
        <Lines
          lines={fitHeight([], height).map(() => paint(glyphs().bar, { dim: true }))}
          width={1}
        />
        {list}
      </Box>
    ) : (
      list
    );
  }

  const status = statusText({
    loading:
      progress &&
      (progress.total > 0
        ? `Reading articles… ${progress.done}/${progress.total}`
        : 'Reading articles…'),
    screen: state.screen,
    count: visible.length,
    total: base.length,
    category: state.category,
    filter: state.filter,
    problems: corpus?.problems.length ?? 0,
    title: current?.title ?? '',
    position: lines ? percent(readerTop, height, lines.length) : '',
    image: fullImage?.alt ?? '',
    match: state.search
      ? `${matchLines.length ? state.matchIndex + 1 : 0}/${matchLines.length} “${state.search}”`
      : '',
    notice,
  });
  const prompt = state.prompt && {
    label: state.prompt.kind === 'link' ? 'open link number: ' : '/',
    text: state.prompt.text,
  };
  return (
    <Box flexDirection="column" height={height + 1} width={size.columns}>
      {content}
      <StatusBar width={size.columns} left={status.left} right={status.right} prompt={prompt} />
    </Box>
  );
}

function percent(top: number, height: number, total: number): string {
  if (total <= height) return '100%';
  return `${Math.min(100, Math.round(((top + height) / total) * 100))}%`;
}
