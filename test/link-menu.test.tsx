import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { oneArticleCorpus } from '../src/commands/one-article.js';
import { renderArticle } from '../src/render/article.js';
import { ReadingState } from '../src/state/reading.js';
import type { MouseEvent } from '../src/terminal/mouse.js';
import { App } from '../src/ui/App.js';
import { entryAtRow, linkEntries, narrowEntries } from '../src/ui/link-menu.js';
import { createDefaultState, reduce } from '../src/ui/state.js';
import { makeArticle, recordingEffects, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

const body = [
  '# Links galore',
  '',
  'Read [the first site](https://first.example.com/a) and [a second',
  'one](https://second.example.org/b).',
  '',
  '![A harbour at dusk](https://pics.example.net/harbour.png)',
  '',
  'Mail [the editor](mailto:editor@example.com), or see [the first site](https://first.example.com/a) again.',
  '',
].join('\n');

describe('the link menu, its entries', () => {
  it('names each link by its words and each picture by its description, with the host', async () => {
    const article = makeArticle({ format: 'markdown', title: 'Links galore' });
    const rendered = await renderArticle(article, body, 30, { plain: true });
    const entries = linkEntries(rendered.doc.references, rendered.doc.blocks);
    expect(entries.map(({ n, kind, text, host }) => [n, kind, text, host])).toEqual([
      [1, 'link', 'the first site', 'first.example.com'],
      [2, 'link', 'a second one', 'second.example.org'],
      [3, 'picture', 'A harbour at dusk', 'pics.example.net'],
      [4, 'link', 'the editor', 'mail'],
    ]);
    expect(narrowEntries(entries, 'HARBOUR').map((entry) => entry.n)).toEqual([3]);
    expect(narrowEntries(entries, 'example.org second').map((entry) => entry.n)).toEqual([2]);
    expect(narrowEntries(entries, '4').map((entry) => entry.n)).toEqual([4]);
    expect(narrowEntries(entries, 'nowhere')).toEqual([]);
  });

  // Words a line may be broken after (a hyphen, a slash) are a link's own all the same.
  const broken = [
    '# Broken words',
    '',
    'The layout is in [docs/json-schema.json](docs/json-schema.json); widths come from',
    '[string-width](https://github.com/sindresorhus/string-width), and the figures from',
    '[docs/speed.md](docs/speed.md), with [a long-winded link title](https://example.com/x).',
    '',
  ].join('\n');
  it.each([12, 20, 24, 33, 50, 80])(
    "takes each link's words from the text, not from its lines at %i columns",
    async (width) => {
      const article = makeArticle({ format: 'markdown', title: 'Broken words' });
      const rendered = await renderArticle(article, broken, width, { plain: true });
      const entries = linkEntries(rendered.doc.references, rendered.doc.blocks);
      expect(entries.map((entry) => entry.text)).toEqual([
        'docs/json-schema.json',
        'string-width',
        'docs/speed.md',
        'a long-winded link title',
      ]);
    },
  );

  it('finds the entry under a row of the screen, below the title', () => {
    // 10 rows: a title, a blank, 7 entries, the keys.
    expect(entryAtRow(0, 0, 4, 10)).toBeNull();
    expect(entryAtRow(2, 0, 4, 10)).toBe(0);
    expect(entryAtRow(5, 0, 4, 10)).toBe(3);
    expect(entryAtRow(6, 0, 4, 10)).toBeNull();
    // The second page of 20 entries, when the chosen one is on it.
    expect(entryAtRow(2, 9, 20, 10)).toBe(7);
    expect(entryAtRow(9, 9, 20, 10)).toBeNull();
  });

  it('is opened, chosen in, narrowed and closed by the reducer alone', () => {
    let state = createDefaultState({ screen: 'reader' });
    state = reduce(state, { type: 'openLinkMenu' });
    expect(state.linkMenu).toEqual({ selected: 0, narrow: '', typing: false });
    state = reduce(state, { type: 'chooseLink', index: 2 });
    expect(state.linkMenu?.selected).toBe(2);
    state = reduce(state, { type: 'narrowLinks', narrow: 'har', typing: true });
    expect(state.linkMenu).toEqual({ selected: 0, narrow: 'har', typing: true });
    state = reduce(state, { type: 'closeLinkMenu' });
    expect(state.linkMenu).toBeNull();
    expect(state.screen).toBe('reader');
  });
});

describe('the link menu in the reader', () => {
  async function reader() {
    const root = tempCorpus({ 'links.md': body });
    const file = path.join(root, 'links.md');
    const { effects, opened, copied } = recordingEffects();
    let emit: (event: MouseEvent) => void = () => {};
    const app = render(
      <App
        load={() => Promise.resolve(oneArticleCorpus(file))}
        initialCorpus={oneArticleCorpus(file)}
        single
        start={{ open: file }}
        reading={ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')))}
        effects={effects}
        size={{ columns: 80, rows: 14 }}
        mouse={(listener) => {
          emit = listener;
          return () => {};
        }}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    await until(() => frame().includes('Read the first site'), 'the article', frame);
    const press = async (keys: string, expected: () => boolean, what: string) => {
      app.stdin.write(keys);
      await until(expected, what, frame);
    };
    const click = (row: number) => emit({ kind: 'press', button: 0, column: 5, row });
    return { frame, press, opened, copied, click };
  }

  it('lists the links by keys: j chooses, Enter opens, y copies, / narrows, Esc closes', async () => {
    const { frame, press, opened, copied } = await reader();
    await press('L', () => frame().includes('Links and pictures (4)'), 'the menu');
    expect(frame()).toMatch(/\[1\] the first site {2}first\.example\.com/);
    expect(frame()).toMatch(/\[3\] picture: A harbour at dusk {2}pics\.example\.net/);
    await press('j', () => true, 'the second entry');
    await press('\r', () => opened.length === 1, 'the second link opened');
    expect(opened).toEqual(['https://second.example.org/b']);
    await press('y', () => copied.length === 1, 'the second link copied');
    expect(copied).toEqual(['https://second.example.org/b']);
    await press('/', () => frame().includes('(4) / │'), 'narrowing');
    await press(
      'harb',
      () => frame().includes('Links and pictures (1) / harb'),
      'narrowed to the picture',
    );
    await press('\r', () => frame().includes('matching “harb”'), 'the words kept');
    await press('\r', () => opened.length === 2, 'the picture opened');
    expect(opened[1]).toBe('https://pics.example.net/harbour.png');
    await press('\u001b', () => frame().includes('Links and pictures (4)'), 'all of them again');
    await press('\u001b', () => frame().includes('Read the first site'), 'the article again');
    // A number typed in the article, then Enter, opens that link.
    await press('4', () => frame().includes('open link number: 4'), 'the number prompt');
    await press('\r', () => opened.length === 3, 'link 4 opened');
    expect(opened[2]).toBe('mailto:editor@example.com');
  });

  it('takes only digits into a link number: another key ends it unopened and is then itself', async () => {
    const { frame, press, opened } = await reader();
    const status = () => frame().split('\n').at(-1)!;
    await press('1', () => status().includes('open link number: 1'), 'the number prompt');
    // A letter is no part of a number: the prompt is gone, the letter did what it does (L: the menu).
    await press('L', () => frame().includes('Links and pictures (4)'), 'the menu, opened by L');
    expect(status()).not.toContain('open link number');
    await press('\u001b', () => frame().includes('Read the first site'), 'the article again');
    // 1, a, b, Enter opens nothing: the letters ended the number.
    await press('1ab', () => !status().includes('open link number'), 'the prompt ended by a');
    await press('\r', () => true, 'Enter');
    await press('4', () => status().includes('open link number: 4'), 'a number again');
    // Digits, and the keys that edit them, still make a number.
    await press('2', () => status().includes('open link number: 42'), 'two digits');
    await press('\u007f', () => status().includes('open link number: 4 '), 'one erased');
    await press('\r', () => opened.length === 1, 'link 4 opened');
    expect(opened).toEqual(['mailto:editor@example.com']);
  });

  it('works with the mouse: a click chooses, a click on the chosen entry opens it', async () => {
    const { frame, press, opened, click } = await reader();
    await press('L', () => frame().includes('Links and pictures (4)'), 'the menu');
    // Rows count from 1: the title, a blank, then [1] on row 3, [2] on row 4.
    click(4);
    await until(() => opened.length === 0 && frame().includes('[2]'), 'chosen', frame);
    click(4);
    await until(() => opened.length === 1, 'opened by a second click', frame);
    expect(opened).toEqual(['https://second.example.org/b']);
  });
});
