import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import { keyBindings, type KeyBindings } from '../src/ui/keymap.js';
import type { Corpus } from '../src/corpus/article.js';
import { recordingEffects, tempCorpus } from './helpers.js';

const KEYS = { down: '\u001b[B', enter: '\r', escape: '\u001b', tab: '\t' };

const body = (words: string) =>
  Array.from({ length: 30 }, (_, i) => `<p>${words} paragraph ${i + 1}.</p>`).join('\n');

function fixture() {
  const root = tempCorpus({
    'rust.md': `---\ntitle: Rust release\ndate: 2026-11-26 09:00\ncategories: [Tech, Rust]\nauthor: Weekly\nlink: https://example.org/rust\n---\n${body('Compilers and borrow checking')}<p>See <a href="https://example.org/notes">the notes</a>.</p>`,
    'go.md': `---\ntitle: Go generics\ndate: 2026-11-25 10:00\ncategories: [Tech, Go]\nauthor: Weekly\n---\n${body('Generic functions')}`,
    'tea.md': `---\ntitle: 一杯好茶\ndate: 2026-10-02 08:00\ncategories: [生活, 茶]\nauthor: 慢读\n---\n${body('绿茶八十度')}`,
    'broken.md': `---\ntitle: [oops\n---\nbroken body`,
  });
  // Dated by its file, which must not depend on when the test runs.
  const old = new Date(2020, 0, 1);
  utimesSync(path.join(root, 'broken.md'), old, old);
  return root;
}

const mounted = unmountAfterEach();

async function start(
  columns = 80,
  rows = 16,
  given: { keys?: KeyBindings; folderLabel?: string } = {},
) {
  const root = fixture();
  const { effects, opened, copied } = recordingEffects();
  const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
  const app = render(
    <App
      load={(onProgress) => loadCorpus(root, { onProgress })}
      reading={reading}
      effects={effects}
      size={{ columns, rows }}
      now={new Date(2026, 10, 26, 12).getTime()}
      {...given}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  await until(() => frame().includes('Rust release'), 'the list', frame);
  const press = async (key: string, expected: (frame: string) => boolean, what: string) => {
    app.stdin.write(key);
    await until(() => expected(frame()), what, frame);
  };
  return { app, frame, press, opened, copied, reading, root };
}

describe('the browser', () => {
  it('lists articles grouped by date, newest first, with a status line', async () => {
    const { frame } = await start();
    const lines = frame().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toMatch(/^ Today ─+$/);
    expect(lines[1]).toMatch(/^▸ 09:00 +Rust release +Weekly +Tech\/Rust/);
    expect(lines[2]).toMatch(/^ Yesterday/);
    expect(lines[3]).toMatch(/^ {2}10:00 +Go generics/);
    expect(lines[4]).toMatch(/^ October 2026/);
    expect(lines[5]).toMatch(/^ {2}Oct {2}2 +一杯好茶 +慢读 +生活\/茶/);
    expect(lines[6]).toMatch(/^ January 2020/);
    // A date the article did not give (the file's time stands in) is marked as a guess.
    expect(lines[7]).toMatch(/^ {2}2020-01-01\? \[oops/);
    expect(lines[14]).toMatch(/4 articles · 4 unread · 1 problem \(!\)/);
  });

  it('opens an article, pages, moves to the next with J and back to the list', async () => {
    const { frame, press } = await start();
    await press(
      KEYS.enter,
      (f) => f.includes('Compilers and borrow checking paragraph 1.'),
      'the reader',
    );
    expect(frame().split('\n')[0]).toBe(' Rust release');
    expect(frame()).toMatch(/\d+% · 1 problem \(!\) · Rust release/);
    await press(' ', (f) => !f.includes('paragraph 1.'), 'a page down');
    await press('J', (f) => f.split('\n')[0] === ' Go generics', 'the next article');
    // Back on the first article, at the line where it was left.
    await press(
      'K',
      (f) => f.split('\n').at(-1)!.includes('Rust release') && f.includes('paragraph'),
      'the previous article',
    );
    expect(frame().split('\n')[0]).not.toBe(' Rust release');
    await press('q', (f) => f.includes('Yesterday'), 'the list again');
  });

  it('reopens an article read to the end at its start, and one left halfway where it was left', async () => {
    const { frame, press, reading, root } = await start();
    const first = 'Compilers and borrow checking paragraph 1.';
    await press(KEYS.enter, (f) => f.includes(first), 'the reader');
    await press('G', (f) => f.includes('the notes') && !f.includes(first), 'the end');
    await press('q', (f) => f.includes('Yesterday'), 'the list');
    expect(reading.isRead(path.join(root, 'rust.md'))).toBe(true);
    await press(KEYS.enter, (f) => f.includes(first), 'the finished article from its start');
    await press(' ', (f) => !f.includes(first), 'a page down');
    const left = frame().split('\n')[1];
    await press('q', (f) => f.includes('Yesterday'), 'the list again');
    await press(KEYS.enter, (f) => f.includes(left!), 'the unfinished article where it was left');
    expect(frame()).not.toContain(first);
  });

  it('takes keys that arrive together one at a time, as a held key sends them', async () => {
    const { press } = await start();
    await press(`jj${KEYS.enter}`, (f) => f.split('\n')[0] === ' 一杯好茶', 'the third article');
    await press(`qjk`, (f) => f.includes('▸ Oct  2'), 'the third row');
  });

  it('filters the list as a query is typed, and Escape clears it', async () => {
    const { frame, press } = await start();
    await press('/', (f) => f.split('\n').at(-1)!.startsWith('/'), 'the prompt');
    for (const key of 'tag:x')
      await press(key, (f) => f.includes(`/${'tag:x'.slice(0, 'tag:x'.indexOf(key) + 1)}`), key);
    await until(() => frame().includes('No article matches'), 'an empty list', frame);
    await press(KEYS.escape, (f) => f.includes('Rust release'), 'the filter cancelled');
    await press('/', (f) => f.split('\n').at(-1)!.startsWith('/'), 'the prompt');
    for (const key of '绿茶')
      await press(key, (f) => f.includes(`/${key === '绿' ? '绿' : '绿茶'}`), key);
    await until(
      () => !frame().includes('Rust release') && frame().includes('一杯好茶'),
      'the body match',
      frame,
    );
    await press(KEYS.enter, (f) => f.includes('filter: 绿茶'), 'the kept filter');
    await press(
      KEYS.escape,
      (f) => f.includes('Rust release') && !f.includes('filter:'),
      'the filter cleared',
    );
  });

  it('narrows to a category from the tree', async () => {
    const { app, frame, press } = await start();
    await press(KEYS.tab, (f) => f.includes('All articles'), 'the tree');
    // Inverse marks the selection, in the tree as in the list.
    const selected = () =>
      [...(app.lastFrame() ?? '').matchAll(/\u001b\[7m([^\u001b]*)/g)].map((m) => m[1]!.trim());
    await press('j', () => selected().some((row) => row.startsWith('▸ Tech')), 'a category');
    await press('G', () => selected().some((row) => row.startsWith('▸ 生活')), 'the last category');
    await press(KEYS.enter, (f) => f.includes('in 生活'), 'the category filter');
    expect(frame()).not.toContain('Rust release');
    expect(frame()).toContain('一杯好茶');
  });

  it('hints the keys in force in the status line, and keeps ? help at 80 columns', async () => {
    const status = (f: string) => f.split('\n').at(-1)!;
    const folderLabel = '~/writing/from/many/people/gathered/over/the/years';
    const { frame, press } = await start(80, 24, { folderLabel });
    expect(status(frame())).toMatch(/~\/writing.*\? help $/);
    expect(status(frame())).toHaveLength(80);
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    expect(status(frame())).toMatch(/\? help $/);
    const remapped = await start(100, 16, {
      keys: keyBindings({ help: ['H'], find: ['f'], toggleTree: ['c'], quit: ['x'] }),
    });
    const hints = status(remapped.frame());
    expect(hints).toMatch(/f filter {2}n unread {2}c categories {2}H help {2}x quit $/);
    expect(hints).not.toContain('? help');
    await remapped.press('c', (f) => f.includes('All articles'), 'the tree');
    expect(status(remapped.frame())).toMatch(/Enter show .*H help $/);
  });

  it('says a message first at 80 columns: the folder is cut for it, then the counts', async () => {
    const status = (f: string) => f.split('\n').at(-1)!;
    const folderLabel = '~/writing/from/many/people/gathered/over/the/years';
    const { frame, press } = await start(80, 24, { folderLabel });
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    await press('m', (f) => /^ ?kept unread · /.test(status(f)), 'kept unread, said first');
    expect(status(frame())).toContain('1 problem (!)');
    await press('z', (f) => status(f).includes('undone: kept unread “Rust release”'), 'undone');
    // The whole message, then the counts; the folder gives way first.
    expect(status(frame())).toMatch(
      /^ ?undone: kept unread “Rust release” · \d+ articles · \d+ unread/,
    );
    expect(status(frame())).not.toContain('years');
  });

  it.each([80, 100])(
    'wraps help descriptions at %i columns, none cut, and scrolls to its end',
    async (columns) => {
      const { frame, press } = await start(columns, 16);
      await press('?', (f) => f.includes('broadsheet — keys'), 'help');
      const seen = new Set<string>();
      // Page through help to its end, gathering every line.
      for (let i = 0; i < 20 && !frame().includes('Ctrl+C quits'); i++) {
        for (const line of frame().split('\n').slice(0, -1)) seen.add(line);
        const before = frame();
        await press(' ', (f) => f !== before, 'the next page of help');
      }
      for (const line of frame().split('\n').slice(0, -1)) seen.add(line);
      const lines = [...seen];
      expect(lines.every((line) => !line.includes('…'))).toBe(true);
      expect(lines.every((line) => line.length <= columns)).toBe(true);
      const text = lines.map((line) => line.trim()).join(' ');
      expect(text).toContain('cat: tag: author: title: after: before: is:)');
      expect(text).toContain('Esc closes; a number then Enter opens that link');
      // A continuation line is indented under the description column.
      const wrapped = lines.findIndex((line) => /^ {3}\/ +filter \(words/.test(line));
      expect(wrapped).toBeGreaterThanOrEqual(0);
      if (columns === 80) expect(lines[wrapped + 1]).toMatch(/^ {26}\S/);
    },
  );

  it('hints no unread article where the list has none, and explains a date marked ?', async () => {
    const status = (f: string) => f.split('\n').at(-1)!;
    const { frame, press } = await start(140, 40, { folderLabel: 'news' });
    expect(status(frame())).toMatch(/n unread/);
    // broken.md is dated by its file: its date is marked.
    expect(frame()).toMatch(/2020-01-01\?/);
    await press('/', (f) => status(f).includes('filter'), 'the filter prompt');
    await press('title:tea\r', (f) => /0 of 4 articles/.test(status(f)), 'no match');
    expect(status(frame())).toMatch(/\/ filter .*\? help/);
    expect(status(frame())).not.toMatch(/n unread/);
    await press('?', (f) => f.includes('broadsheet — keys'), 'help');
    for (let i = 0; i < 10 && !frame().includes('Ctrl+C quits'); i++) {
      const before = frame();
      await press(' ', (f) => f !== before, 'the next page of help');
    }
    expect(frame()).toMatch(/A time or date with \? \(22:04\?\) is the file's/);
  });

  it('opens help at the section of the screen it was asked for on', async () => {
    const { frame, press } = await start(80, 16);
    const top = () => frame().split('\n')[0];
    await press('?', () => top() === ' broadsheet — keys', 'help from the list');
    await press('q', (f) => f.includes('Rust release'), 'the list again');
    await press(KEYS.tab, (f) => f.includes('All articles'), 'the tree');
    await press('?', () => top() === ' Categories', 'help at the categories');
    await press('q', (f) => f.includes('All articles'), 'the tree again');
    await press(KEYS.tab, (f) => !f.includes('All articles'), 'the list');
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    await press('?', () => top() === ' Reader', 'help at the reader');
    expect(frame()).toMatch(/J +next article/);
  });

  it('shows help generated from the keymap, and the problems', async () => {
    const { frame, press } = await start(80, 70);
    await press('?', (f) => f.includes('broadsheet — keys'), 'help');
    expect(frame()).toMatch(/j down +next article/);
    expect(frame()).toMatch(/z +undo the last mark: m, A, s or an article read/);
    expect(frame()).toMatch(/J +next article/);
    await press('x', (f) => f.includes('Rust release'), 'the list');
    await press('!', (f) => f.includes('Files with problems (1)'), 'problems');
    expect(frame()).toMatch(/broken\.md\n +bad YAML/);
  });

  it('searches inside the article and marks matches', async () => {
    const { app, frame, press } = await start(80, 12);
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    await press('/', (f) => f.split('\n').at(-1)!.startsWith('/'), 'the prompt');
    for (const key of '25') await press(key, (f) => f.split('\n').at(-1)!.includes(key), key);
    await press(KEYS.enter, (f) => f.includes('paragraph 25.'), 'the match in view');
    expect(frame()).toMatch(/match 1\/1 “25”/);
    // The current match stands apart: inverse, and bold and underlined too.
    expect(app.lastFrame()).toMatch(/\u001b\[1m\u001b\[4m\u001b\[7m(\u001b\[\d+m)?25/);
  });

  it('opens link N from the reader and reads the folder again on r', async () => {
    const { frame, press, opened, root } = await start();
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    await press(
      'o',
      (f) => f.split('\n').at(-1)!.startsWith('open link number:'),
      'the link prompt',
    );
    await press('1', (f) => f.split('\n').at(-1)!.includes('open link number: 1'), 'the number');
    await press(KEYS.enter, () => opened.length === 1, 'the browser');
    expect(opened).toEqual(['https://example.org/notes']);
    await press('q', (f) => f.includes('Yesterday'), 'the list');
    writeFileSync(
      path.join(root, 'new.md'),
      '---\ntitle: Fresh arrival\ndate: 2026-11-26 11:00\n---\nnew',
    );
    await press(
      'r',
      (f) => f.includes('Fresh arrival') && f.includes('5 articles'),
      'the reloaded list',
    );
    expect(frame()).not.toContain('undefined');
  });

  it('opens the source link, copies it, and remembers what was read', async () => {
    const { app, press, opened, copied, reading, root } = await start();
    await press('o', () => opened.length === 1, 'the browser');
    expect(opened).toEqual(['https://example.org/rust']);
    await press('y', (f) => f.includes('copied https://example.org/rust'), 'the copy');
    expect(copied).toEqual(['https://example.org/rust']);
    await press(KEYS.enter, (f) => f.includes('paragraph 1.'), 'the reader');
    await press('d', (f) => !f.includes('paragraph 1.'), 'a half page down');
    await press('q', (f) => f.includes('Yesterday'), 'the list');
    expect(reading.isRead(path.join(root, 'rust.md'))).toBe(true);
    expect(reading.position(path.join(root, 'rust.md'))).toBeGreaterThan(0);
    await press('j', (f) => f.includes('▸ 10:00'), 'the next row');
    expect(app.lastFrame()).toMatch(/\u001b\[2m {2}09:00 +Rust release/);
    expect(app.lastFrame()).toMatch(/\u001b\[7m▸ 10:00 +Go generics/);
  });
});

describe('the list columns at 80 columns', () => {
  /** Thirty articles a day apart: the first page's authors short, later ones long. */
  function many() {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      const day = String(28 - (i % 28)).padStart(2, '0');
      const author = i < 10 ? 'Al' : 'Bartholomew Longname';
      files[`${String(i).padStart(2, '0')}.md`] =
        `---\ntitle: Article ${i} with a title long enough to want the whole row\n` +
        `date: 2026-0${i < 28 ? 9 : 8}-${day} 10:00\nauthor: ${author}\ncategories: [Section ${i % 3}]\n---\nText.`;
    }
    return tempCorpus(files);
  }

  it('keeps the author column where it is as the list is paged and filtered, the title first', async () => {
    const root = many();
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const app = render(
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={reading}
        effects={recordingEffects().effects}
        size={{ columns: 80, rows: 12 }}
        now={new Date(2026, 10, 26, 12).getTime()}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    await until(() => frame().includes('Article 0 '), 'the list', frame);
    /** Where the author column starts on each article row shown. */
    const authorAt = () =>
      frame()
        .split('\n')
        .filter((line) => /Article \d+/.test(line))
        .map((line) => line.search(/ {2}(Al|Bartholomew)/));
    const first = authorAt();
    expect(new Set(first).size).toBe(1);
    // The title keeps at least 36 columns.
    expect(first[0]).toBeGreaterThanOrEqual(13 + 36);
    app.stdin.write(' ');
    await until(() => !frame().includes('Article 0 '), 'the next page', frame);
    expect(new Set(authorAt())).toEqual(new Set([first[0]]));
    app.stdin.write('/');
    await until(() => frame().includes('filter'), 'the filter prompt', frame);
    app.stdin.write('cat:"Section 1"\r');
    await until(() => /10 of 30 articles/.test(frame()), 'the filtered list', frame);
    expect(new Set(authorAt())).toEqual(new Set([first[0]]));
  });
});

describe('the marks', () => {
  it('are drawn as the reading state changes them, whoever changed them', async () => {
    const { frame, reading, root } = await start();
    expect(frame()).toMatch(/4 unread/);
    reading.setStarred(path.join(root, 'go.md'), true);
    await until(() => /★ 10:00 +Go generics/.test(frame()), 'the star', frame);
    reading.setRead(path.join(root, 'tea.md'), true);
    await until(() => /3 unread/.test(frame()), 'one fewer unread', frame);
  });

  it('show the selection and the star together on a selected starred article', async () => {
    const { frame, press } = await start();
    await press('j', (f) => /^▸ +10:00 +Go generics/m.test(f), 'Go generics selected');
    await press('s', (f) => /^▸★ 10:00 +Go generics/m.test(f), 'both marks');
    await press('k', (f) => /^★ 10:00 +Go generics/m.test(f), 'the star alone');
    expect(frame()).toMatch(/^▸ +09:00 +Rust release/m);
  });

  it('count the unread of all articles on the tree’s first row, as of each category', async () => {
    const { frame, press, reading, root } = await start();
    await press(KEYS.tab, (f) => f.includes('All articles'), 'the tree');
    expect(frame()).toMatch(/All articles +4\/4/);
    expect(frame()).toMatch(/Tech +2\/2/);
    reading.setRead(path.join(root, 'go.md'), true);
    await until(() => /All articles +3\/4/.test(frame()), 'one fewer unread of all', frame);
    expect(frame()).toMatch(/Tech +1\/2/);
  });

  it('are one snapshot until one changes, and each change is told to those who follow them', () => {
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const told: number[] = [];
    const stop = reading.subscribe(() => told.push(told.length));
    const first = reading.getSnapshot();
    expect(reading.getSnapshot()).toBe(first);
    reading.setRead('/news/a.md', true);
    const second = reading.getSnapshot();
    expect(second).not.toBe(first);
    expect([...second.marked()].map(([key]) => key)).toEqual(['/news/a.md']);
    // A place read is not a mark: nothing is told, the snapshot stays.
    reading.markRead('/news/a.md', 12);
    expect(reading.getSnapshot()).toBe(second);
    reading.setStarred('/news/a.md', true);
    expect(told).toEqual([0, 1]);
    stop();
    reading.setStarred('/news/a.md', false);
    expect(told).toEqual([0, 1]);
  });
});

describe('what the browser is given', () => {
  it('draws with the palette and glyphs, and answers the keys, it was given', async () => {
    const { keyBindings } = await import('../src/ui/keymap.js');
    const { lookOf } = await import('../src/ui/look.js');
    const root = fixture();
    const app = render(
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')))}
        effects={recordingEffects().effects}
        size={{ columns: 80, rows: 40 }}
        now={new Date(2026, 10, 26, 12).getTime()}
        look={lookOf({ color: false, unicode: false }, 'light')}
        keys={keyBindings({ star: ['S'] })}
      />,
    );
    mounted.push(app);
    const frame = () => app.lastFrame() ?? '';
    await until(() => frame().includes('Rust release'), 'the list', frame);
    // ASCII rules and markers, and no colour: only bold, dim and inverse.
    expect(plain(frame())).toMatch(/^ Today -+$/m);
    expect(plain(frame())).toMatch(/^> 09:00 +Rust release/m);
    expect(frame()).not.toMatch(/\u001b\[(\d+;)*(3|9)\dm/);
    app.stdin.write('S');
    await until(() => frame().includes('starred'), 'S stars', frame);
    app.stdin.write('?');
    await until(() => /S +star or unstar/.test(frame()), 'the help with S', frame);
  });
});

describe('typing in a prompt', () => {
  it('keeps spaces, and takes a word and Enter that arrive together', async () => {
    const { frame, press } = await start();
    await press('/', (f) => f.split('\n').at(-1)!.startsWith('/'), 'the prompt');
    await press(
      'rust release',
      (f) => f.split('\n').at(-1)!.startsWith('/rust release'),
      'the typed words',
    );
    await press(
      '\r\r',
      (f) => f.split('\n')[0] === ' Rust release',
      'the filter kept and the article opened',
    );
    expect(frame()).toContain('Compilers and borrow checking');
  });
});

describe('reading the folder again', () => {
  it('keeps the list it has when the folder gives the same articles, and takes a changed one', async () => {
    const { Text } = await import('ink');
    const { useCorpus } = await import('../src/ui/hooks/use-corpus.js');
    const { IndexCache } = await import('../src/corpus/index-cache.js');
    const root = fixture();
    const index = new IndexCache(mkdtempSync(path.join(tmpdir(), 'broadsheet-index-')));
    const seen: unknown[] = [];
    let reload = () => {};
    let readings = 0;
    const loaders = [true, false].map(
      (withIndex) =>
        async (
          onProgress: (done: number, total: number) => void,
          onIndexed?: (c: Corpus) => void,
        ) => {
          const index_ = withIndex ? index : null;
          const corpus = await loadCorpus(root, { onProgress, onIndexed, index: index_ });
          readings++;
          return corpus;
        },
    );
    function Probe({ withIndex }: { withIndex: boolean }) {
      const state = useCorpus(loaders[withIndex ? 0 : 1]!);
      reload = state.reload;
      if (state.corpus && seen.at(-1) !== state.corpus) seen.push(state.corpus);
      return <Text>{state.progress ? 'reading' : `${state.corpus?.articles.length ?? 0}`}</Text>;
    }
    for (const withIndex of [true, false]) {
      seen.length = 0;
      const app = render(<Probe withIndex={withIndex} />);
      mounted.push(app);
      readings = 0;
      await until(() => readings === 1 && app.lastFrame() === '4', 'the first reading');
      const first = seen.at(-1);
      reload();
      await until(() => readings === 2 && app.lastFrame() === '4', 'the second reading');
      expect(seen.at(-1), `with index: ${withIndex}`).toBe(first);
      app.unmount();
    }
    writeFileSync(path.join(root, 'new.md'), '---\ntitle: Fresh\ndate: 2026-11-26 11:00\n---\nnew');
    const app = render(<Probe withIndex />);
    mounted.push(app);
    await until(() => app.lastFrame() === '5', 'the changed folder');
  });
});

describe('reading the folder again', () => {
  it('reads it one time at a time, however often r is pressed', async () => {
    const root = fixture();
    let running = 0;
    let most = 0;
    let calls = 0;
    // The first reading again waits for the test, so every r after it meets a reading under way.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const app = render(
      <App
        load={async (onProgress) => {
          calls++;
          most = Math.max(most, ++running);
          try {
            if (calls === 2) await held;
            return await loadCorpus(root, { onProgress });
          } finally {
            running--;
          }
        }}
        reading={ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')))}
        effects={recordingEffects().effects}
        size={{ columns: 80, rows: 16 }}
        now={new Date(2026, 10, 26, 12).getTime()}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    await until(() => frame().includes('Rust release'), 'the list', frame);
    for (let i = 0; i < 30; i++) app.stdin.write('r');
    // Keys are taken in order: once help is on screen, every r has been.
    app.stdin.write('?');
    await until(() => frame().includes('broadsheet — keys'), 'the help', frame);
    expect(calls).toBe(2);
    release();
    // The 29 asked for while the folder was being read are one reading, after it.
    await until(() => calls === 3 && running === 0, 'the readings to end', frame);
    expect(most).toBe(1);
    app.stdin.write('x');
    await until(() => /4 articles/.test(frame()), 'the list again', frame);
    expect(calls).toBe(3);
  });
});

describe('articles that change after the list was read', () => {
  it('says an article is gone or not a file, without marking it read, and shows an edited one anew', async () => {
    const { frame, press, reading, root } = await start();
    const rust = path.join(root, 'rust.md');
    const go = path.join(root, 'go.md');
    rmSync(rust);
    await press(KEYS.enter, (f) => f.includes('could not be read'), 'the message');
    expect(frame()).toContain('This article could not be read: no such file or folder.');
    await press('q', (f) => f.includes('Yesterday'), 'the list');
    expect(reading.isRead(rust)).toBe(false);
    // A pipe where an article was must not hold the browser.
    rmSync(go);
    execFileSync('mkfifo', [go]);
    await press('j', (f) => f.includes('▸ 10:00'), 'the next row');
    await press(KEYS.enter, (f) => f.includes('not a regular file'), 'the refusal');
    await press('q', (f) => f.includes('Yesterday'), 'the list again');
    expect(reading.isRead(go)).toBe(false);
    // An article edited after it was read is read again.
    const tea = path.join(root, 'tea.md');
    await press('j', (f) => f.includes('▸ Oct'), 'the third row');
    await press(KEYS.enter, (f) => f.includes('绿茶八十度 paragraph 1.'), 'the tea');
    await press('q', (f) => f.includes('October'), 'the list once more');
    writeFileSync(tea, readFileSync(tea, 'utf8').replace(/绿茶八十度/g, '红茶九十五度'));
    await press(KEYS.enter, (f) => f.includes('红茶九十五度 paragraph 1.'), 'the edited tea');
  });
});

describe('the place being read', () => {
  it('stays the same text when the width changes, and is found again at another width', async () => {
    const words = 'the harbour lights came on one by one along the old street as the tide turned';
    const root = tempCorpus({
      'long.md': `---\ntitle: Long read\ndate: 2026-11-26 09:00\n---\n${Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i + 1}: ${words}, ${words}.</p>`).join('')}`,
    });
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const element = (columns: number) => (
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={reading}
        effects={recordingEffects().effects}
        size={{ columns, rows: 16 }}
        now={new Date(2026, 10, 26, 12).getTime()}
      />
    );
    const app = render(element(100));
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    const press = async (key: string, expected: (f: string) => boolean, what: string) => {
      app.stdin.write(key);
      await until(() => expected(frame()), what, frame);
    };
    /** The paragraph whose first row is on top. */
    const topParagraph = () => /^ *Paragraph (\d+):/.exec(frame().split('\n')[0]!)?.[1];
    await until(() => frame().includes('Long read'), 'the list', frame);
    await press(KEYS.enter, (f) => f.includes('Paragraph 1:'), 'the reader');
    for (let i = 0; i < 3; i++) await press('d', () => true, 'half a page down');
    await until(() => topParagraph() !== undefined, 'a paragraph on top', frame);
    const before = topParagraph()!;
    expect(Number(before)).toBeGreaterThan(5);
    // Narrower: the paragraphs wrap to more rows, and the same one stays on top.
    app.rerender(element(36));
    await until(() => topParagraph() === before, `paragraph ${before} on top at 36 columns`, frame);
    await press('q', (f) => f.includes('Today'), 'the list');
    app.rerender(element(120));
    await press(
      KEYS.enter,
      () => topParagraph() === before,
      `paragraph ${before} again at 120 columns`,
    );
  });
});
