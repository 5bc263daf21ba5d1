import { describe, expect, it } from 'vitest';
import type { Command } from '../src/ui/keymap.js';
import { openPrompt } from '../src/ui/prompt.js';
import { listTop, readerTop, selectedIndex, type ReaderRows } from '../src/ui/selectors.js';
import { createDefaultState, reduce, type Extent, type ViewState } from '../src/ui/state.js';
import { makeArticle } from './helpers.js';
import type { ReaderLine } from '../src/ui/pictures.js';
import type { RenderedLine } from '../src/render/line.js';

const article = (name: string) =>
  makeArticle({ path: `${name}.md`, absolutePath: `/news/${name}.md` });

/** Ten articles in groups of 3 headed by a date row. */
const TEN = Array.from({ length: 10 }, (_, i) => article(`a${i}`));
const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => i + Math.floor(i / 3) + 1);

/** Reader rows: `count` lines, each its own block, of one layout. */
function readerRows(count: number, layout: RenderedLine[] = []): ReaderRows {
  const lines: ReaderLine[] = Array.from({ length: count }, (_, i) => ({
    line: { spans: [{ text: `line ${i}`, style: 0 }], block: i },
    source: i,
    part: 0,
  }));
  return { layout, lines };
}
const FORTY = readerRows(40);

/** The list of ten articles, a 40-line article, a 5-row pane. */
function extent(overrides: Partial<Extent> = {}): Extent {
  return {
    articles: TEN,
    rowOfArticle: rowsOf(10),
    rowCount: 14,
    height: 5,
    treeCount: 6,
    reader: FORTY,
    matchLines: [3, 20, 35],
    pageLines: 0,
    ...overrides,
  };
}

const press = (state: ViewState, ...commands: Command[]) =>
  commands.reduce((s, command) => reduce(s, { type: 'command', command, extent: extent() }), state);

const index = (state: ViewState, articles = TEN) => selectedIndex(state.selected, articles);

describe('list state', () => {
  it('moves the selection and keeps it in view with its heading', () => {
    let state = press(createDefaultState(), 'down', 'down', 'down');
    expect(state.selected).toEqual({ path: '/news/a3.md', index: 3 });
    // Article 3 is on row 5 (after two headings); its heading is row 4. A pane that starts
    // inside a group draws the group's heading on top, one row fewer below it: rows 2 to 5.
    expect(state.listTop).toBe(2);
    state = press(state, 'bottom');
    expect(index(state)).toBe(9);
    expect(state.listTop).toBe(10);
    state = press(state, 'top');
    expect(state).toMatchObject({ selected: { index: 0 }, listTop: 0 });
    state = press(state, 'up');
    expect(index(state)).toBe(0);
  });

  it('pages by the pane height and stops at the ends', () => {
    // The selection keeps its line on the screen: the first article of a page is the first of the
    // next, under the heading drawn on top of it.
    expect(index(press(createDefaultState(), 'pageDown'))).toBe(3);
    // Pages that start inside a group show four rows below its heading: the third ends the list.
    const third = press(createDefaultState(), 'pageDown', 'pageDown', 'pageDown');
    expect([index(third), third.listTop]).toEqual([7, 10]);
    expect(index(press(third, 'pageDown'))).toBe(9);
    expect(index(press(third, 'pageUp'))).toBe(4);
    expect(index(press(createDefaultState(), 'halfDown'))).toBe(2);
  });

  it('filters as the prompt is typed, keeps it on Enter and restores it on Escape', () => {
    let state = reduce(press(createDefaultState(), 'down', 'down'), {
      type: 'startPrompt',
      prompt: openPrompt('filter', '/'),
    });
    state = reduce(state, { type: 'editPrompt', name: 'r', typed: 'rus' });
    // A new filter starts from the first article it lets through, whichever that is.
    expect(state).toMatchObject({ filter: 'rus', selected: { path: null, index: 0 } });
    expect(index(state, TEN.slice(5))).toBe(0);
    const kept = reduce(state, { type: 'endPrompt', keep: true, extent: extent() });
    expect(kept).toMatchObject({ filter: 'rus', prompt: null });
    const dropped = reduce(state, { type: 'endPrompt', keep: false, extent: extent() });
    expect(dropped).toMatchObject({ filter: '', prompt: null });
    expect(press(kept, 'clearFilter').filter).toBe('');
  });

  it('focuses the tree with Tab and goes back', () => {
    let state = press(createDefaultState(), 'toggleTree');
    expect(state).toMatchObject({ focus: 'tree', treeVisible: true });
    state = press(state, 'down', 'down', 'bottom');
    expect(state.treeSelected).toBe(5);
    state = reduce(state, { type: 'chooseCategory', category: 'A/B' });
    expect(state).toMatchObject({ focus: 'list', category: 'A/B', selected: { index: 0 } });
  });
});

describe('the selection', () => {
  /** The list shown after a change: `articles`, grouped three to a heading. */
  const shown = (articles: typeof TEN) => ({
    articles,
    rowOfArticle: rowsOf(articles.length),
    rowCount: articles.length + Math.ceil(articles.length / 3),
  });

  it('follows its article when the list changes under it, and the list scrolls to show it', () => {
    const state = press(createDefaultState(), 'down', 'down');
    // Five new articles above it: it is the eighth now, on row 10, below a 5-row pane.
    const grown = [...['n0', 'n1', 'n2', 'n3', 'n4'].map(article), ...TEN];
    expect(index(state, grown)).toBe(7);
    // Rows 7 to 10, below the heading of row 7's group.
    expect(listTop(state, shown(grown), 5)).toBe(7);
    // The next key moves from where it is shown.
    const next = reduce(state, { type: 'command', command: 'down', extent: extent(shown(grown)) });
    expect(next.selected).toEqual({ path: '/news/a3.md', index: 8 });
  });

  it('stays where it was when its article is no longer listed', () => {
    const state = press(createDefaultState(), 'down', 'down');
    expect(
      index(
        state,
        TEN.filter((_, i) => i !== 2),
      ),
    ).toBe(2);
    expect(index(state, TEN.slice(0, 2))).toBe(1);
    expect(index(state, [])).toBe(0);
  });

  it('keeps the article selected when Esc clears the filter, and the first when it is not listed', () => {
    const filtered = TEN.filter((_, i) => i % 3 === 0);
    let state = reduce(createDefaultState({ filter: 'x' }), {
      type: 'command',
      command: 'down',
      extent: extent(shown(filtered)),
    });
    state = reduce(state, {
      type: 'command',
      command: 'clearFilter',
      extent: extent(shown(filtered)),
    });
    expect(state).toMatchObject({ filter: '', selected: { path: '/news/a3.md' } });
    expect(index(state)).toBe(3);
    expect(index(state, TEN.slice(5))).toBe(0);
  });

  it('is held to its article by a key that sets the filter, and by r', () => {
    // Moved to the third article of a list the typed filter started at its first.
    let state = reduce(createDefaultState(), { type: 'editPrompt', name: 'x', typed: 'x' });
    state = press(state, 'down', 'down');
    const held = reduce(state, { type: 'setFilter', filter: 'is:unread', extent: extent() });
    expect(index(held, TEN.slice(1))).toBe(1);
    const reloaded = press(
      reduce(createDefaultState(), { type: 'editPrompt', name: 'x', typed: 'x' }),
      'reload',
    );
    expect(reloaded.selected).toEqual({ path: '/news/a0.md', index: 0 });
  });
});

describe('the list made again', () => {
  const made = (state: ViewState) => state.listed;

  it('on a move in the list, a filter applied, a category chosen, the folder read again', () => {
    const start = createDefaultState();
    for (const command of [
      'down',
      'up',
      'pageDown',
      'pageUp',
      'top',
      'bottom',
      'clearFilter',
      'reload',
    ] as const)
      expect(made(press(start, command)), command).toBe(made(start) + 1);
    const select = reduce(start, { type: 'select', index: 3, extent: extent() });
    expect(made(select)).toBe(1);
    const typed = reduce(
      reduce(start, { type: 'startPrompt', prompt: openPrompt('filter', '/') }),
      { type: 'editPrompt', name: 'x', typed: 'x' },
    );
    expect(made(typed)).toBe(1);
    expect(made(reduce(typed, { type: 'endPrompt', keep: true, extent: extent() }))).toBe(2);
    expect(made(reduce(typed, { type: 'endPrompt', keep: false, extent: extent() }))).toBe(2);
    expect(made(reduce(start, { type: 'setFilter', filter: 'is:unread', extent: extent() }))).toBe(
      1,
    );
    expect(made(reduce(start, { type: 'chooseCategory', category: 'Tech' }))).toBe(1);
    expect(reduce(start, { type: 'relist', select: '/news/a4.md' })).toMatchObject({
      listed: 1,
      selected: { path: '/news/a4.md' },
    });
  });

  it('not while an article is opened, read, marked or left', () => {
    const start = press(createDefaultState(), 'down');
    const opened = reduce(start, {
      type: 'openArticle',
      index: 1,
      at: { line: 0, place: null },
      extent: extent(),
    });
    const read = press(opened, 'down', 'pageDown', 'bottom', 'top', 'back');
    expect(made(read)).toBe(made(start));
    expect(made(press(read, 'toggleRead', 'star', 'help'))).toBe(made(start));
  });
});

describe('reader state', () => {
  const open = (line = 0) =>
    reduce(createDefaultState(), {
      type: 'openArticle',
      index: 2,
      at: { line, place: null },
      extent: extent(),
    });
  const top = (state: ViewState, rows: ReaderRows | null = FORTY, height = 5) =>
    readerTop(state.reader, rows, height);

  it('opens at the remembered line and scrolls within the article', () => {
    let state = open(7);
    expect(state).toMatchObject({ screen: 'reader', selected: { path: '/news/a2.md' } });
    expect(top(state)).toBe(7);
    state = press(state, 'down', 'pageDown');
    expect(top(state)).toBe(12);
    state = press(state, 'bottom');
    expect(top(state)).toBe(35);
    state = press(state, 'pageDown', 'top');
    expect(top(state)).toBe(0);
    expect(press(state, 'back').screen).toBe('list');
  });

  it('searches, jumping to the first match below the top, and cycles with n and N', () => {
    let state = reduce(open(10), { type: 'startPrompt', prompt: openPrompt('search', '/') });
    state = reduce(state, { type: 'editPrompt', name: 'k', typed: 'kafka' });
    state = reduce(state, { type: 'endPrompt', keep: true, extent: extent() });
    // The first match below line 10 is on line 20, brought into view with a little context above.
    expect(state).toMatchObject({ search: 'kafka', matchIndex: 1 });
    expect(top(state)).toBe(19);
    state = press(state, 'nextMatch');
    expect(state.matchIndex).toBe(2);
    expect(top(state)).toBe(34);
    state = press(state, 'nextMatch');
    expect(state.matchIndex).toBe(0);
    expect(top(state)).toBe(2);
    expect(press(state, 'previousMatch').matchIndex).toBe(2);
  });

  it('shows help over the reader and returns to it on any other key', () => {
    const state = press(open(), 'help');
    expect(state).toMatchObject({ screen: 'help', returnTo: 'reader' });
    expect(press(state, 'open').screen).toBe('reader');
  });

  it('keeps the reader position inside the article in a taller pane', () => {
    expect(top(press(open(), 'bottom'), FORTY, 20)).toBe(20);
  });

  it('shows the same text when the rows change under it', () => {
    const layout: RenderedLine[] = [];
    const rows = readerRows(40, layout);
    const state = reduce(open(), {
      type: 'command',
      command: 'halfDown',
      extent: extent({ reader: rows }),
    });
    expect(top(state, rows)).toBe(2);
    // A picture of three rows drawn from the first line: the same layout, three rows more above.
    const picture: ReaderLine[] = [0, 1, 2].map((part) => ({
      ...rows.lines[0]!,
      picture: '▄',
      part,
    }));
    const drawn = { layout, lines: [...picture, ...rows.lines.slice(1)] };
    expect(top(state, drawn)).toBe(4);
    // Another width (another layout): the same block of text.
    const wider = readerRows(40);
    expect(top(state, wider)).toBe(2);
    // Just opened, the place it was left at is found in its rows when they come.
    const reopened = reduce(state, {
      type: 'openArticle',
      index: 2,
      at: { line: 0, place: { block: 30, within: 0 } },
      extent: extent(),
    });
    expect(top(reopened, null)).toBe(0);
    expect(top(reopened, rows)).toBe(30);
  });
});

describe('the status line', () => {
  it('counts articles in the singular and the plural, and what a filter left of them', async () => {
    const { statusText } = await import('../src/ui/status.js');
    const base = {
      loading: null, screen: 'list', folder: '', unread: 0, limit: null, focus: 'list' as const,
      category: null, filter: '', problems: 0, title: '', starred: false, position: '', match: '',
      image: '', notice: null,
    }; // prettier-ignore
    expect(statusText({ ...base, count: 1, total: 1, unread: 1 }).left).toBe(
      ' 1 article · 1 unread',
    );
    expect(statusText({ ...base, count: 0, total: 1, filter: 'x' }).left).toBe(
      ' 0 of 1 article · 0 unread · filter: x',
    );
    expect(statusText({ ...base, count: 20000, total: 20000, folder: 'demo articles' }).left).toBe(
      ' 20000 articles · 0 unread · demo articles',
    );
    expect(statusText({ ...base, count: 3, total: 5, problems: 1, limit: 3 }).left).toBe(
      ' 3 of 5 articles · 0 unread · first 3 · 1 problem (!)',
    );
  });
});
