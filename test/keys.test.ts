import { describe, expect, it } from 'vitest';
import { ReadingState } from '../src/state/reading.js';
import { runCommand } from '../src/ui/keys/commands.js';
import type { BrowserContext } from '../src/ui/keys/context.js';
import { confirm, submitPrompt } from '../src/ui/keys/prompts.js';
import { MarkHistory } from '../src/ui/mark-history.js';
import { createDefaultState, reduce, type Action, type ViewState } from '../src/ui/state.js';
import { makeArticle, recordingEffects, tempFolder } from './helpers.js';

const articles = ['a', 'b', 'c'].map((name) =>
  makeArticle({
    path: `${name}.md`,
    absolutePath: `/news/${name}.md`,
    link: name === 'a' ? 'https://example.org/a' : null,
  }),
);

/** A handler's context over three articles, with nothing on screen in the reader; what it dispatched and said. */
function browserAt(view: ViewState = createDefaultState()) {
  const actions: Action[] = [];
  const said: Array<string | null> = [];
  const recorded = recordingEffects();
  const reading = ReadingState.inFolder(tempFolder());
  const extent = {
    articles,
    rowOfArticle: [1, 2, 3],
    rowCount: 4,
    height: 10,
    treeCount: 1,
    reader: null,
    matchLines: [],
    pageLines: 0,
  };
  const browser: BrowserContext = {
    view,
    dispatch: (action) => actions.push(action),
    extent,
    article: articles[view.selected.index]!,
    index: view.selected.index,
    reader: {
      rows: null, lines: null, references: [], blocks: [], error: undefined, top: 0, matches: [],
      matchLines: [], marks: new Map(), fullImage: null, fullPicture: [],
    }, // prettier-ignore
    treeRows: [],
    problems: [{ path: 'gone.md', reason: 'bad YAML' }],
    root: tempFolder(),
    reading,
    marks: { isRead: (a) => reading.isRead(a.absolutePath), isStarred: () => false },
    history: new MarkHistory(),
    effects: recorded.effects,
    settings: { editor: 'vi', pager: 'less', picturesOn: false },
    reload: () => {},
    exit: () => {},
    say: (notice) => said.push(notice),
    run: (command) => runCommand(browser, command),
  };
  /** The view after the actions dispatched so far. */
  const after = () => actions.reduce(reduce, view);
  return { browser, actions, said, reading, after, ...recorded };
}

describe('the key handlers', () => {
  it('mark an article read in the list, the selection held to it first', () => {
    const { browser, actions, said, reading, after } = browserAt(
      createDefaultState({ selected: { path: null, index: 1 } }),
    );
    runCommand(browser, 'toggleRead');
    expect(reading.isRead('/news/b.md')).toBe(true);
    expect(said).toEqual(['marked read']);
    expect(actions[0]).toMatchObject({ type: 'command', command: 'toggleRead' });
    expect(after().selected).toEqual({ path: '/news/b.md', index: 1 });
  });

  it('add is:unread to the filter and take it out again, the article kept selected', () => {
    const first = browserAt(createDefaultState({ filter: 'cat:Tech' }));
    runCommand(first.browser, 'onlyUnread');
    expect(first.after()).toMatchObject({
      filter: 'cat:Tech is:unread',
      selected: { path: '/news/a.md', index: 0 },
    });
    expect(first.said).toEqual(['only unread articles']);
    const second = browserAt(first.after());
    runCommand(second.browser, 'onlyUnread');
    expect(second.after().filter).toBe('cat:Tech');
    expect(second.said).toEqual(['read articles shown again']);
  });

  it('copy the source link from the list, or the path when there is none', () => {
    const withLink = browserAt();
    runCommand(withLink.browser, 'copy');
    const without = browserAt(createDefaultState({ selected: { path: null, index: 2 } }));
    runCommand(without.browser, 'copy');
    expect([...withLink.copied, ...without.copied]).toEqual([
      'https://example.org/a',
      '/news/c.md',
    ]);
    expect(without.said).toEqual(['copied /news/c.md']);
  });

  it('copy the source link in the reader with Enter on the link prompt', () => {
    const { browser, copied, after } = browserAt(createDefaultState({ screen: 'reader' }));
    runCommand(browser, 'copy');
    const prompting = browserAt(after());
    expect(prompting.browser.view.prompt?.kind).toBe('copy');
    submitPrompt(prompting.browser);
    expect([...copied, ...prompting.copied]).toEqual(['https://example.org/a']);
    expect(prompting.after().prompt).toBeNull();
  });

  it('say that a file with problems cannot be read, and hand nothing to the pager', async () => {
    const { browser, said, handed } = browserAt(createDefaultState({ screen: 'problems' }));
    runCommand(browser, 'showFile');
    await expect.poll(() => said).toEqual([expect.stringMatching(/^could not read gone\.md: /)]);
    expect(handed).toEqual([]);
  });

  it('go to the next unread article with n when no search is on', () => {
    const { browser, actions, reading } = browserAt(createDefaultState({ screen: 'reader' }));
    reading.setRead('/news/b.md', true);
    runCommand(browser, 'nextMatch');
    expect(actions).toEqual([expect.objectContaining({ type: 'openArticle', index: 2 })]);
    const last = browserAt(
      createDefaultState({ screen: 'reader', selected: { path: null, index: 2 } }),
    );
    runCommand(last.browser, 'nextMatch');
    expect(last.said).toEqual(['no unread article below']);
    expect(last.actions).toEqual([]);
    // With a search on, n stays with the article: there is no match in it, and it says so.
    const searching = browserAt(createDefaultState({ screen: 'reader', search: 'harbour' }));
    runCommand(searching.browser, 'nextMatch');
    expect(searching.said).toEqual(['no match for “harbour”']);
    expect(searching.actions).toEqual([]);
  });

  it('take back the last marking action with z, thirty deep, saying each', () => {
    const { browser, said, reading } = browserAt();
    const marks = () =>
      articles.map(
        (a) =>
          `${reading.isRead(a.absolutePath) ? 'r' : '-'}${reading.isStarred(a.absolutePath) ? '*' : '-'}`,
      );
    const states = [marks().join(' ')];
    for (let i = 0; i < 30; i++) {
      runCommand(browser, i % 3 === 2 ? 'star' : 'toggleRead');
      states.push(marks().join(' '));
    }
    expect(new Set(states).size).toBe(4);
    said.length = 0;
    for (let i = 30; i > 0; i--) {
      runCommand(browser, 'undo');
      expect(marks().join(' '), `undo ${31 - i}`).toBe(states[i - 1]);
    }
    expect(said.slice(0, 3)).toEqual([
      'undone: star taken off “Title”',
      'undone: marked unread “Title”',
      'undone: marked read “Title”',
    ]);
    runCommand(browser, 'undo');
    expect(said.at(-1)).toBe('nothing to undo');
  });

  it('take back A whole, and select the article a mark was taken back from', () => {
    const { browser, said, reading, after, actions } = browserAt();
    reading.setStarred('/news/b.md', true);
    reading.markRead('/news/c.md', 7);
    runCommand(browser, 'markAllRead');
    browser.view = after();
    confirm(browser, true);
    expect(said.at(-1)).toBe('2 articles marked read');
    expect(articles.every((a) => reading.isRead(a.absolutePath))).toBe(true);
    runCommand(browser, 'undo');
    expect(said.at(-1)).toBe('undone: 2 articles marked read');
    expect(articles.map((a) => reading.isRead(a.absolutePath))).toEqual([false, false, true]);
    expect(reading.isStarred('/news/b.md')).toBe(true);
    expect(reading.position('/news/c.md')).toBe(7);
    expect(actions.at(-1)).toEqual({ type: 'relist' });
    runCommand(browser, 'star');
    runCommand(browser, 'undo');
    expect(actions.at(-1)).toEqual({ type: 'relist', select: '/news/a.md' });
  });
});
