import type { EventEmitter } from 'node:events';
import { Box, useApp } from 'ink';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Article, Corpus, Problem } from '../corpus/article.js';
import type { ReadingState } from '../state/reading.js';
import { ArticleList } from './ArticleList.js';
import { CategoryTree } from './CategoryTree.js';
import type { Effects } from '../terminal/effects.js';
import { helpLayout, helpLines, Page, problemPage } from './Help.js';
import { useArticleList } from './hooks/use-article-list.js';
import type { BrowserBodies } from './hooks/use-body-search.js';
import type { BodyReader } from './hooks/use-article-lines.js';
import { useBrowserKeys } from './hooks/use-browser-keys.js';
import { useCorpus, type CorpusLoader, type FolderWatcher } from './hooks/use-corpus.js';
import { useReader } from './hooks/use-reader.js';
import { useRepaint } from './hooks/use-repaint.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { useViewState } from './hooks/use-view-state.js';
import { keyContext } from './key-intent.js';
import { LookContext } from './hooks/use-look.js';
import { DEFAULT_LOOK, type Look } from './look.js';
import { DEFAULT_BINDINGS, type KeyBindings } from './keymap.js';
import { Lines, fitHeight } from './Lines.js';
import type { PictureSettings } from './pictures.js';
import { Reader } from './Reader.js';
import { createDefaultState } from './state.js';
import { listTop, selectedIndex } from './selectors.js';
import { StatusBar } from './StatusBar.js';
import { statusText } from './status.js';
import { paint } from '../render/theme.js';
import { unreadByCategory } from './list-rows.js';
import type { SearchQuery } from '../query/parse.js';
import { useMouse, type MouseSource } from './hooks/use-mouse.js';
import { useMarks, useMarksOf } from './hooks/use-marks.js';
import { named } from './keys/undo.js';
import { leftAt } from './keys/reading.js';
import { MarkHistory } from './mark-history.js';
import { LinkMenu } from './LinkMenu.js';
import { entryAtRow, linkEntries, narrowEntries } from './link-menu.js';

/** The browser: the list, the category tree and the reader over one folder of articles. */
export interface AppProps {
  load: CorpusLoader;
  /** Tells when the folder may have changed, so it is read again at once; without it, every half minute. */
  watch?: FolderWatcher;
  reading: ReadingState;
  effects: Effects;
  readBody?: BodyReader;
  /** Fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  /** The time "today" is measured from; default: when the folder was read. */
  now?: number;
  /**
   * The starting view from the command line: its filters in the search language, the limit, and
   * the article to open at once (its absolute path) at the place it was left.
   */
  start?: { search?: string; limit?: number; open?: string };
  /** One article, not a folder (a file named, standard input): leaving the reader quits. */
  single?: boolean;
  /** The folder as the status line names it. */
  folderLabel?: string;
  /** The reading measure and the programs articles are handed to. */
  settings?: Partial<BrowserSettings>;
  /** Mouse reports from the terminal, when it sends them. */
  mouse?: MouseSource;
  /** Said in the status line at the start (a problem with the configuration). */
  notice?: string | null;
  /** What was wrong in the configuration file, listed with the folder's problems. */
  configProblems?: readonly Problem[];
  /** The folder's body index, for filters that search article text; bodies are read without it. */
  bodiesOf?: (corpus: Corpus) => BrowserBodies;
  /** How pictures are drawn; none when absent. */
  pictures?: PictureSettings | null;
  /** The keys in force (the configuration's over the defaults); the defaults when absent. */
  keys?: KeyBindings;
  /** The palette and the glyphs to draw with; dark, in colour, with Unicode when absent. */
  look?: Look;
  /** Articles already on screen before the app started (the first screen of a warm start). */
  initialCorpus?: Corpus | null;
  /** Emits `repaint` when the screen was lost (after Ctrl+Z and `fg`) and must be drawn whole again. */
  repaint?: EventEmitter;
}

/** What the configuration and the environment decide for the browser. */
export interface BrowserSettings {
  /** Columns of reading text at most, for comfort; the text is centred in wider terminals. */
  measure: number;
  editor: string;
  pager: string;
}

const DEFAULT_SETTINGS: BrowserSettings = { measure: 100, editor: 'vi', pager: 'less' };

const NO_ARTICLES: readonly Article[] = [];

const NO_PROBLEMS: readonly Problem[] = [];

export function App({
  load,
  watch,
  reading,
  effects,
  readBody,
  size: fixedSize,
  now: fixedNow,
  start,
  pictures = null,
  initialCorpus = null,
  keys = DEFAULT_BINDINGS,
  look = DEFAULT_LOOK,
  repaint,
  folderLabel = '',
  settings: given = {},
  mouse,
  notice: firstNotice = null,
  configProblems = NO_PROBLEMS,
  bodiesOf,
  single = false,
}: AppProps) {
  const settings = { ...DEFAULT_SETTINGS, ...given };
  const { exit } = useApp();
  const blank = useRepaint(repaint);
  const size = useTerminalSize(fixedSize);
  const { corpus, progress, error, reload, news } = useCorpus(load, initialCorpus, watch);
  const partial = corpus?.partial === true;
  const {
    view,
    held: heldMarks,
    current,
    dispatch,
  } = useViewState(
    () =>
      createDefaultState({
        filter: start?.search ?? '',
        limit: start?.limit ?? null,
        ...(start?.open && {
          screen: 'reader',
          selected: { path: start.open, index: 0 },
          reader: {
            top: reading.position(start.open),
            rows: null,
            saved: reading.place(start.open),
          },
        }),
      }),
    // The marks the list is made with: those of the moment an action makes it again.
    reading.getSnapshot,
  );
  const [notice, setNotice] = useState<string | null>(reading.warning ?? firstNotice);
  const [history] = useState(() => new MarkHistory());
  // What came, changed or went in the folder is said as it is found.
  useEffect(() => {
    if (news) setNotice(news.text);
  }, [news]);

  // "Today" is when the folder was last read.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => fixedNow ?? Date.now(), [fixedNow, corpus]);
  const marks = useMarks(reading, corpus?.articles ?? NO_ARTICLES);
  // The list is filtered by the marks of the last time it was made: what is read meanwhile stays in it.
  const listMarks = useMarksOf(heldMarks, corpus?.articles ?? NO_ARTICLES);
  const { base, visible, unread, grouped, treeRows, indexing, searching, searchProgress, query } =
    useArticleList(corpus, view, now, { live: marks, listed: listMarks }, bodiesOf);
  const unreadInCategories = useMemo(
    () =>
      view.treeVisible
        ? {
            all: base.reduce((sum, article) => sum + (marks.isRead(article) ? 0 : 1), 0),
            byCategory: unreadByCategory(base, marks.isRead),
          }
        : null,
    [base, marks, view.treeVisible],
  );

  const height = Math.max(1, size.rows - 2);
  const treeWidth = view.treeVisible ? Math.max(12, Math.min(32, Math.floor(size.columns / 3))) : 0;
  const listWidth = size.columns - (treeWidth ? treeWidth + 1 : 0);
  const readerWidth = Math.max(
    10,
    Math.min(settings.measure, size.columns - (size.columns > 40 ? 2 : 0)),
  );
  // The text is centred: what is left over is shared either side.
  const margin = Math.max(0, Math.floor((size.columns - readerWidth) / 2));
  const selected = useMemo(() => selectedIndex(view.selected, visible), [view.selected, visible]);
  const context = keyContext(view);
  // The article being read is the one opened, known by its file, whatever the list does meanwhile:
  // when its file goes, its text stays on screen and no other article takes its place.
  const [held, setHeld] = useState<Article | null>(null);
  const readerPath = context === 'reader' ? view.selected.path : null;
  const found = useMemo(
    () =>
      readerPath === null
        ? null
        : (visible.find((a) => a.absolutePath === readerPath) ??
          corpus?.articles.find((a) => a.absolutePath === readerPath) ??
          null),
    [readerPath, visible, corpus],
  );
  if (readerPath !== null && found && found !== held) setHeld(found);
  const removed = readerPath !== null && !found && held?.absolutePath === readerPath;
  const article: Article | null =
    readerPath === null ? (visible[selected] ?? null) : (found ?? (removed ? held : null));
  // Its place in the list shown; of one no longer listed, where it was (the article below it is there now).
  const readerIndex =
    found && visible[selected] === found ? selected : Math.min(view.selected.index, visible.length);
  // The article being read whose file went is said so (after the news of the folder, which it outweighs).
  const removedFile = removed && held ? held.path : null;
  useEffect(() => {
    if (removedFile)
      setNotice(`${removedFile} was removed; its text stays here until you leave it`);
  }, [removedFile]);
  const reader = useReader({
    article: context === 'reader' ? article : null,
    view,
    layout: { width: readerWidth, height, columns: size.columns },
    pictures,
    readBody,
  });
  const problems = useMemo(
    () => [...configProblems, ...(corpus?.problems ?? [])],
    [configProblems, corpus],
  );
  const helpShape = useMemo(() => helpLayout(size.columns, keys, look), [size.columns, keys, look]);
  const { lines: pageLines, starts: problemStarts } = useMemo(
    () =>
      view.screen === 'help'
        ? { lines: helpLines(size.columns, keys, look), starts: [] }
        : view.screen === 'problems'
          ? problemPage(problems, size.columns, view.problemSelected, look)
          : { lines: [], starts: [] },
    [view.screen, size.columns, keys, look, problems, view.problemSelected],
  );

  const { extent, run, linkMenuKey } = useBrowserKeys({
    current,
    dispatch,
    ready: corpus !== null,
    partial,
    list: { visible, grouped, treeRows },
    reader,
    open: readerPath === null ? null : { article, index: readerIndex, gone: removed },
    height,
    page: { lineCount: pageLines.length, problemStarts, help: helpShape },
    problems,
    root: corpus?.root ?? '',
    reading,
    marks,
    history,
    effects,
    settings: {
      editor: settings.editor,
      pager: settings.pager,
      picturesOn: pictures !== null,
      readBody,
    },
    keys,
    reload,
    exit,
    say: setNotice,
  });

  // Marks are saved as they change (a burst of them in one write), and what other browsers save to
  // the same state is taken in as it is written; what goes wrong is said in the status line.
  useEffect(() => {
    reading.autosave((problem) => setNotice(problem));
    reading.watch();
    return () => reading.stop();
  }, [reading]);

  // The place being read is remembered as it changes, so that however the browser ends it is saved.
  const readingPath =
    context === 'reader' && view.screen === 'reader' && !removed
      ? article?.absolutePath
      : undefined;
  // An unread article is read once its text is on screen: a marking action, which `z` takes back.
  const readable = reader.error === undefined;
  const readingTitle = readingPath && article ? named(article) : '';
  useEffect(() => {
    if (!readingPath || !readable || !reader.lines) return;
    const before = reading.isRead(readingPath) ? null : reading.recall([readingPath]);
    // Read to the end, it reopens at its start.
    const { line, place } = leftAt(reader.lines, reader.top, height);
    reading.markRead(readingPath, line, place);
    if (before)
      history.push({ said: `read ${readingTitle}`, before, article: readingPath, opened: true });
  }, [reading, history, readingPath, readingTitle, readable, reader.top, reader.lines, height]);

  // One article has no list to go back to: leaving it (q, Esc, m) quits, what is read kept.
  useEffect(() => {
    if (!single || !corpus || view.screen !== 'list') return;
    reading.save();
    exit();
  }, [single, corpus, view.screen, reading, exit]);

  // The link menu's entries: the article's links and pictures, narrowed by the words typed.
  const narrow = view.linkMenu?.narrow;
  const linkMenu = useMemo(
    () =>
      narrow === undefined
        ? []
        : narrowEntries(linkEntries(reader.references, reader.blocks), narrow),
    [narrow, reader.references, reader.blocks],
  );

  // How far the search of article text is: in the status line, and beside the filter being typed.
  const searchLine = searchProgress
    ? `searching article text${look.glyphs.ellipsis} ${searchProgress.done}/${searchProgress.total}`
    : `searching article text${look.glyphs.ellipsis}`;

  let content: ReactElement;
  // One article's list is never shown: leaving the reader quits (above).
  if (blank || (single && view.screen === 'list')) {
    content = <Lines lines={fitHeight([], height)} />;
  } else if (!corpus) {
    const message = error
      ? `Could not read the folder: ${error}`
      : `Reading articles${look.glyphs.ellipsis}`;
    content = (
      <Lines lines={fitHeight([paint(` ${message}`, { dim: !error }, look.palette)], height)} />
    );
  } else if (view.screen === 'help' || view.screen === 'problems') {
    content = <Page lines={pageLines} top={view.pageTop} height={height} />;
  } else if (view.screen === 'reader' && view.linkMenu) {
    content = (
      <LinkMenu entries={linkMenu} state={view.linkMenu} width={size.columns} height={height} />
    );
  } else if (view.screen === 'image') {
    content = <Lines lines={fitHeight(reader.fullPicture, height)} />;
  } else if (view.screen === 'reader') {
    content = (
      <Reader
        lines={reader.lines}
        top={reader.top}
        height={height}
        margin={margin}
        marks={reader.marks}
      />
    );
  } else {
    const list = (
      <ArticleList
        rows={grouped}
        articles={visible}
        columnsOf={base}
        top={listTop(view, { articles: visible, ...grouped }, height)}
        height={height}
        width={listWidth}
        selected={selected}
        now={now}
        isRead={marks.isRead}
        isStarred={marks.isStarred}
        dimmed={view.focus === 'tree'}
        empty={
          base.length === 0
            ? 'No articles in this folder.'
            : searching
              ? `${searchLine}; nothing found yet.`
              : 'No article matches. Esc clears the filter.'
        }
      />
    );
    content = treeWidth ? (
      <Box flexDirection="row">
        <CategoryTree
          rows={treeRows}
          total={base.length}
          top={view.treeTop}
          height={height}
          width={treeWidth}
          selected={view.treeSelected}
          active={view.focus === 'tree'}
          unread={unreadInCategories}
        />
        <Lines
          lines={fitHeight([], height).map(() =>
            paint(look.glyphs.bar, { dim: true }, look.palette),
          )}
          width={1}
        />
        {list}
      </Box>
    ) : (
      list
    );
  }

  const status = statusText(
    {
      loading: partial
        ? null
        : progress
          ? progress.total > 0
            ? `Reading articles${look.glyphs.ellipsis} ${progress.done}/${progress.total}`
            : `Reading articles${look.glyphs.ellipsis}`
          : searching
            ? searchLine
            : indexing &&
              `indexing article text${look.glyphs.ellipsis} ${indexing.done}/${indexing.total}`,
      screen: view.screen,
      folder: folderLabel,
      count: visible.length,
      total: base.length,
      unread,
      partial,
      limit: view.limit,
      focus: view.focus,
      category: view.category,
      filter: view.filter,
      filterProblem: filterProblem(query),
      problems: problems.length,
      title: article?.title ?? '',
      position: reader.lines ? percent(reader.top, height, reader.lines.length) : '',
      image: reader.fullImage?.alt ?? '',
      match: view.search
        ? `${reader.matchLines.length ? view.matchIndex + 1 : 0}/${reader.matchLines.length} ${look.glyphs.quotes[0]}${view.search}${look.glyphs.quotes[1]}`
        : '',
      starred: article ? marks.isStarred(article) : false,
      notice,
      single,
    },
    keys,
    look,
  );
  useMouse(mouse, {
    view: current,
    dispatch,
    run,
    grouped,
    height,
    listLeft: treeWidth ? treeWidth + 1 : 0,
    extent,
    linkMenu: {
      key: linkMenuKey,
      entryAt: (row) => entryAtRow(row, current().linkMenu?.selected ?? 0, linkMenu.length, height),
    },
  });
  return (
    <LookContext value={look}>
      <Box flexDirection="column" height={height + 1} width={size.columns}>
        {content}
        <StatusBar
          width={size.columns}
          left={status.left}
          right={status.right}
          prompt={view.prompt}
          note={view.prompt?.kind === 'filter' && searching ? searchLine : null}
        />
      </Box>
    </LookContext>
  );
}

/** What the filter has that is not understood yet, as a half-typed date is. */
function filterProblem(query: SearchQuery): string | undefined {
  const ignored = query.ignored[0];
  return ignored && `${ignored.term}: ${ignored.why}`;
}

function percent(top: number, height: number, total: number): string {
  if (total <= height) return '100%';
  return `${Math.min(100, Math.round(((top + height) / total) * 100))}%`;
}
