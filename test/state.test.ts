import { openPrompt } from '../src/ui/prompt.js';
import { describe, expect, it } from 'vitest';
import type { Command } from '../src/ui/keymap.js';
import { createDefaultState, reduce, type Extent, type ViewState } from '../src/ui/state.js';

/** A list of 10 articles in groups of 3 headed by a date row, a 40-line article, a 5-row pane. */
function extent(overrides: Partial<Extent> = {}): Extent {
  const rowOfArticle = Array.from({ length: 10 }, (_, i) => i + Math.floor(i / 3) + 1);
  return {
    articleCount: 10,
    rowOfArticle,
    rowCount: 14,
    height: 5,
    lineCount: 40,
    treeCount: 6,
    matchLines: [3, 20, 35],
    ...overrides,
  };
}

const press = (state: ViewState, ...commands: Command[]) =>
  commands.reduce((s, command) => reduce(s, { type: 'command', command, extent: extent() }), state);

describe('list state', () => {
  it('moves the selection and keeps it in view with its heading', () => {
    let state = press(createDefaultState(), 'down', 'down', 'down');
    expect(state.selected).toBe(3);
    // Article 3 is on row 5 (after two headings); its heading is row 4.
    expect(state.listTop).toBe(1);
    state = press(state, 'bottom');
    expect(state.selected).toBe(9);
    expect(state.listTop).toBe(9);
    state = press(state, 'top');
    expect(state).toMatchObject({ selected: 0, listTop: 0 });
    state = press(state, 'up');
    expect(state.selected).toBe(0);
  });

  it('pages by the pane height and stops at the ends', () => {
    expect(press(createDefaultState(), 'pageDown').selected).toBe(4);
    expect(press(createDefaultState(), 'pageDown', 'pageDown', 'pageDown').selected).toBe(9);
    expect(press(createDefaultState(), 'halfDown').selected).toBe(2);
  });

  it('filters as the prompt is typed, keeps it on Enter and restores it on Escape', () => {
    let state = reduce(createDefaultState({ selected: 4 }), {
      type: 'startPrompt',
      prompt: openPrompt('filter', '/'),
    });
    state = reduce(state, { type: 'editPrompt', name: 'r', typed: 'rus' });
    expect(state).toMatchObject({ filter: 'rus', selected: 0 });
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
    expect(state).toMatchObject({ focus: 'list', category: 'A/B', selected: 0 });
  });
});

describe('reader state', () => {
  const open = (top = 0) =>
    reduce(createDefaultState(), {
      type: 'openArticle',
      index: 2,
      readerTop: top,
      extent: extent(),
    });

  it('opens at the remembered line and scrolls within the article', () => {
    let state = open(7);
    expect(state).toMatchObject({ screen: 'reader', selected: 2, readerTop: 7 });
    state = press(state, 'down', 'pageDown');
    expect(state.readerTop).toBe(12);
    state = press(state, 'bottom');
    expect(state.readerTop).toBe(35);
    state = press(state, 'pageDown', 'top');
    expect(state.readerTop).toBe(0);
    expect(press(state, 'back').screen).toBe('list');
  });

  it('searches, jumping to the first match below the top, and cycles with n and N', () => {
    let state = reduce(open(10), { type: 'startPrompt', prompt: openPrompt('search', '/') });
    state = reduce(state, { type: 'editPrompt', name: 'k', typed: 'kafka' });
    state = reduce(state, { type: 'endPrompt', keep: true, extent: extent() });
    // The first match below line 10 is on line 20, brought into view with a little context above.
    expect(state).toMatchObject({ search: 'kafka', matchIndex: 1, readerTop: 19 });
    state = press(state, 'nextMatch');
    expect(state.matchIndex).toBe(2);
    expect(state.readerTop).toBe(34);
    state = press(state, 'nextMatch');
    expect(state).toMatchObject({ matchIndex: 0, readerTop: 2 });
    expect(press(state, 'previousMatch').matchIndex).toBe(2);
  });

  it('shows help over the reader and returns to it on any other key', () => {
    const state = press(open(), 'help');
    expect(state).toMatchObject({ screen: 'help', returnTo: 'reader' });
    expect(press(state, 'open').screen).toBe('reader');
  });

  it('keeps the reader position inside the article after a resize', () => {
    const state = reduce(press(open(), 'bottom'), {
      type: 'resize',
      extent: extent({ height: 20 }),
    });
    expect(state.readerTop).toBe(20);
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
