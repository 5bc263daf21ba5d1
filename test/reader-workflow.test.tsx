import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { App, type BrowserSettings } from '../src/ui/App.js';
import type { MouseEvent } from '../src/terminal/mouse.js';
import { demoCorpus, recordingEffects, tempCorpus } from './helpers.js';
import type { Corpus } from '../src/corpus/article.js';
import {
  BodyIndex,
  bodyIndexAvailable,
  bodyIndexFile,
  openBodyIndex,
  type BodySource,
} from '../src/corpus/body-index.js';
import { IndexCache } from '../src/corpus/index-cache.js';

const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  ctrl: (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96),
};

const mounted = unmountAfterEach();

const paragraphs = (words: string, count = 30) =>
  Array.from({ length: count }, (_, i) => `<p>${words} paragraph ${i + 1}.</p>`).join('\n');

/** Five articles, one a day, one with a source link and two links in its text. */
function folder(): string {
  return tempCorpus({
    'a.md': `---\ntitle: Alpha news\ndate: 2026-11-26 09:00\ncategories: [Tech, Rust]\nlink: https://example.org/alpha\n---\n${paragraphs('Alpha')}<p><a href="https://example.org/one">one</a> and <a href="https://example.org/two">two</a>.</p>`,
    'b.md': `---\ntitle: Beta news\ndate: 2026-11-25 09:00\ncategories: [Tech, Go]\n---\n${paragraphs('Beta', 3)}`,
    'c.md': `---\ntitle: Gamma news\ndate: 2026-11-24 09:00\ncategories: [Life]\n---\n${paragraphs('Gamma', 3)}`,
    'd.md': `---\ntitle: Delta news\ndate: 2026-11-23 09:00\ncategories: [Life]\n---\n${paragraphs('Delta', 3)}`,
    'e.md': `---\ntitle: Q&amp;A with entities\ndate: 2026-11-22 09:00\n---\n${paragraphs('Epsilon', 3)}`,
  });
}

async function start(
  options: {
    root?: string;
    columns?: number;
    rows?: number;
    start?: { search?: string; limit?: number };
    settings?: Partial<BrowserSettings>;
    reading?: ReadingState;
    mouse?: (emit: (event: MouseEvent) => void) => void;
    bodiesOf?: (corpus: Corpus) => BodySource;
    index?: IndexCache;
  } = {},
) {
  const root = options.root ?? folder();
  const { effects, opened, copied, handed } = recordingEffects();
  const stateFolder = mkdtempSync(path.join(tmpdir(), 'broadsheet-state-'));
  const reading = options.reading ?? ReadingState.inFolder(stateFolder);
  let emit: (event: MouseEvent) => void = () => {};
  const app = render(
    <App
      load={(onProgress, onIndexed) =>
        loadCorpus(root, { onProgress, onIndexed, index: options.index })
      }
      reading={reading}
      effects={effects}
      size={{ columns: options.columns ?? 80, rows: options.rows ?? 12 }}
      now={new Date(2026, 10, 26, 12).getTime()}
      start={options.start}
      settings={options.settings}
      folderLabel="~/news"
      bodiesOf={options.bodiesOf}
      mouse={(listener) => {
        emit = listener;
        return () => {};
      }}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  const status = () => frame().split('\n').at(-1)!;
  await until(() => /\d+ articles?/.test(status()) && !/Reading/.test(status()), 'the list', frame);
  const press = async (key: string, expected: (frame: string) => boolean, what: string) => {
    app.stdin.write(key);
    await until(() => expected(frame()), what, frame);
  };
  const click = (event: MouseEvent) => emit(event);
  return { app, frame, status, press, opened, copied, handed, reading, root, click, stateFolder };
}

/** The article rows on screen, as the list draws them (date headings left out), each its time and the start of its title. */
function articleRows(frame: string): string[] {
  return frame
    .split('\n')
    .slice(0, -1)
    .filter((line) => /^[▸ ] (\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d|\d{4}-\d\d-\d\d)/.test(line))
    .map((line) => line.slice(2).trim().replace(/\s+/g, ' ').slice(0, 20));
}

describe('paging the list', () => {
  it('shows every article once, date headings counted, forwards and backwards', async () => {
    const { frame, press, status } = await start({ root: demoCorpus, rows: 10 });
    const total = Number(/(\d+) articles/.exec(status())![1]);
    const selected = () => /^▸ (.*)$/m.exec(frame())?.[1]?.trim().replace(/\s+/g, ' ').slice(0, 20);
    await press('G', () => true, 'the last');
    await until(() => selected() !== articleRows(frame())[0], 'the last selected', frame);
    const last = selected();
    await press('g', () => selected() === articleRows(frame())[0], 'the first');
    const first = selected();
    for (const [home, key, end] of [
      ['g', ' ', last],
      ['G', 'b', first],
    ] as const) {
      await press(home, () => selected() !== end, home);
      const pages: string[][] = [articleRows(frame())];
      // Each key scrolls a page, or, at the end, takes the selection to the article there.
      while (selected() !== end) {
        const before = frame();
        await press(key, (f) => f !== before, 'a page');
        if (articleRows(frame()).join('\n') !== articleRows(before).join('\n'))
          pages.push(articleRows(frame()));
        // Every page says which date group its first article is in.
        expect(frame().split('\n')[0], `${home} then ${key}`).toMatch(/^ \S.* ─{4,}$/);
      }
      const seen = pages.flat();
      expect(new Set(seen).size, `${home} then ${key}`).toBe(total);
      // Pages do not repeat an article, but the last, which stops at the end of the list, and
      // going back, one where a page could not end on the row above the next without it.
      const beforeLast = pages.slice(0, -1).flat();
      expect(
        beforeLast.length - new Set(beforeLast).size,
        `${home} then ${key}`,
      ).toBeLessThanOrEqual(key === ' ' ? 0 : pages.length - 2);
    }
  });

  it('never leaves a date heading alone on the last row', async () => {
    const { frame, press } = await start({ root: demoCorpus, rows: 10 });
    for (let i = 0; i < 12; i++) {
      const before = frame();
      await press('j', (f) => f !== before, 'the next article');
      const rows = frame().split('\n');
      expect(rows[rows.length - 2]).not.toMatch(/─{4,}$/);
    }
  });
});

describe('searching in an article', () => {
  it('finds a phrase cut by the end of a line, scrolls to each match, says when it wraps, and Esc clears it first', async () => {
    const root = tempCorpus({
      'long.md': `---\ntitle: Long\ndate: 2026-11-26 09:00\n---\n${paragraphs('The harbour lights came on one by one along the old street', 12)}`,
    });
    const { frame, press, status, app } = await start({ root, columns: 40, rows: 10 });
    await press(KEYS.enter, (f) => f.includes('harbour'), 'the reader');
    // At 40 columns, “one by one along” is cut after “one by”.
    expect(frame()).toMatch(/one by one\n\s*along the old/);
    await press('/', (f) => f.split('\n').at(-1)!.startsWith('/'), 'the search prompt');
    app.stdin.write('one along');
    await press(KEYS.enter, () => /match 1\/12/.test(status()), 'the first match');
    await press('n', () => /match 2\/12/.test(status()), 'the second match');
    expect(frame()).toContain('paragraph 2.');
    // The current match is drawn apart from the others (bold and underlined as well as inverse).
    expect(app.lastFrame()).toMatch(/\u001b\[1m\u001b\[4m\u001b\[7m/);
    // Scrolled away, N finds the last match on screen or above, not the one before the old match.
    await press('G', () => true, 'the bottom');
    await press('N', () => /match 12\/12/.test(status()), 'the last, on screen');
    await press('N', () => /match 11\/12/.test(status()), 'the 11th');
    await press('n', () => /match 12\/12/.test(status()), 'the last again');
    await press(
      'n',
      () => /wrapped: back to the first match/.test(status()),
      'wrapped to the first',
    );
    expect(frame()).toContain('paragraph 1.');
    await press(KEYS.escape, () => !/match/.test(status()), 'the search cleared');
    expect(frame()).toContain('harbour');
    await press(KEYS.escape, (f) => f.includes('Long') && /1 article/.test(status()), 'the list');
  });
});

describe('the prompt', () => {
  it('offers the last filter selected, edits as readline does, and keeps a history', async () => {
    const { frame, press, app, reading, stateFolder } = await start();
    const line = () => frame().split('\n').at(-1)!;
    await press('/', () => line().startsWith('/'), 'the prompt');
    app.stdin.write('alpha');
    await press(KEYS.enter, (f) => /filter: alpha/.test(f), 'the filter');
    // Offered again, selected: typing replaces it.
    await press('/', () => line().startsWith('/alpha'), 'the prompt again');
    await press('beta', () => /^\/beta/.test(line()), 'typing over it');
    expect(frame()).toContain('Beta news');
    // Backspaces that arrive together all count.
    await press(
      `${KEYS.backspace}${KEYS.backspace}${KEYS.backspace}`,
      () => /^\/b /.test(line()),
      'three erased',
    );
    await press('eta gamma', () => /^\/beta gamma/.test(line()), 'more typed');
    await press(KEYS.ctrl('w'), () => /^\/beta $/.test(line()), 'Ctrl+W');
    await press(KEYS.ctrl('a'), () => true, 'Ctrl+A');
    await press('x', () => /^\/xbeta/.test(line()), 'typed at the start');
    await press(KEYS.ctrl('e'), () => true, 'Ctrl+E');
    await press('y', () => /^\/xbeta y/.test(line()), 'typed at the end');
    await press(KEYS.left, () => true, '←');
    await press(KEYS.left, () => true, '←');
    await press('z', () => /^\/xbetaz y/.test(line()), 'typed two back');
    await press(KEYS.ctrl('u'), () => /^\/ ?y/.test(line()), 'Ctrl+U');
    await press(KEYS.up, () => /^\/alpha/.test(line()), 'the history');
    await press(KEYS.down, () => /^\/y/.test(line()), 'back to the line typed');
    await press(KEYS.escape, (f) => /filter: alpha/.test(f), 'cancelled: the filter before');
    // →/End keeps the offered line and goes on from it.
    await press('/', () => line().startsWith('/alpha'), 'the prompt again');
    await press(KEYS.end, () => true, 'End');
    await press(' news', () => /^\/alpha news/.test(line()), 'appended');
    await press(KEYS.enter, (f) => /filter: alpha news/.test(f), 'the longer filter');
    // A date that is not one yet is said, and left out.
    await press('/', () => line().startsWith('/alpha news'), 'the prompt again');
    await press(
      `after:2026-1${KEYS.enter}`,
      () => /after:2026-1: not a date/.test(frame()),
      'a half date',
    );
    expect(reading.save()).toBeNull();
    expect(ReadingState.inFolder(stateFolder).history('filter')).toEqual([
      'alpha',
      'alpha news',
      'after:2026-1',
    ]);
  });
});

describe('the starting view from the command line', () => {
  it('shows its filters and limit in the status line; Esc clears them and keeps the article selected', async () => {
    const { status, press, frame } = await start({ start: { search: 'cat:Tech', limit: 1 } });
    expect(status()).toMatch(/1 of 5 articles · 1 unread · filter: cat:Tech · first 1 · ~\/news/);
    expect(articleRows(frame())).toHaveLength(1);
    await press(KEYS.escape, () => /^ ?5 articles/.test(status()), 'everything');
    expect(frame()).toMatch(/▸ .*Alpha news/);
    await press('jj', (f) => /▸ .*Gamma news/.test(f), 'Gamma selected');
    await press('/', () => true, 'the prompt');
    await press(`Gamma${KEYS.enter}`, () => /filter: Gamma/.test(status()), 'filtered');
    await press(KEYS.escape, () => /^ ?5 articles/.test(status()), 'cleared');
    expect(frame()).toMatch(/▸ .*Gamma news/);
  });
});

describe('the reading workflow', () => {
  it('counts unread, moves to unread with n and p, marks with m and A, shows only unread with U', async () => {
    const { status, press, frame, reading, root } = await start();
    expect(status()).toMatch(/5 articles · 5 unread/);
    // A title's entities are decoded.
    expect(frame()).toContain('Q&A with entities');
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await press('q', () => /4 unread/.test(status()), 'one read');
    await press('m', () => /marked unread/.test(status()) && /5 unread/.test(status()), 'm');
    await press('m', () => /marked read/.test(status()), 'm again');
    await press('n', (f) => /▸ .*Beta news/.test(f), 'the next unread');
    await press('m', () => /3 unread/.test(status()), 'Beta read');
    await press('gn', (f) => /▸ .*Gamma news/.test(f), 'n skips the read ones');
    await press('p', () => /no unread article above/.test(status()), 'nothing above');
    await press('U', () => /filter: is:unread/.test(status()), 'only unread');
    expect(articleRows(frame()).join('\n')).not.toMatch(/Alpha|Beta/);
    await press('U', () => !/is:unread/.test(status()), 'all again');
    await press('A', () => /Mark 3 articles read\? \(y\/n\)/.test(frame()), 'asked');
    await press('n', () => /nothing marked/.test(status()), 'declined');
    await press('A', () => /Mark 3 articles read/.test(frame()), 'asked again');
    await press('y', () => /0 unread/.test(status()), 'all read');
    expect(reading.isRead(path.join(root, 'e.md'))).toBe(true);
  });

  it('goes on to the next article with Space at the end of one', async () => {
    const { press, frame } = await start();
    await press('j', (f) => /▸ .*Beta news/.test(f), 'Beta');
    await press(KEYS.enter, (f) => f.includes('Beta paragraph 1.'), 'the reader');
    await press(' ', (f) => f.includes('Gamma paragraph 1.'), 'Space at the end: Gamma');
    expect(frame()).not.toContain('Beta paragraph');
  });

  it('stars an article: shown in the list, found by is:starred, kept with the reading state', async () => {
    const { press, status, reading, root, stateFolder, app } = await start();
    await press('j', () => true, 'Beta');
    await press('s', () => /starred/.test(status()), 'starred');
    await press('j', (f) => /^★ .*Beta news/m.test(f), 'the star beside the title');
    expect(plain(app.lastFrame() ?? '')).toMatch(/▸ .*Gamma news/);
    await press('/', () => true, 'the prompt');
    await press(`is:starred${KEYS.enter}`, () => /1 of 5 articles/.test(status()), 'the starred');
    expect(reading.save()).toBeNull();
    expect(ReadingState.inFolder(stateFolder).isStarred(path.join(root, 'b.md'))).toBe(true);
  });
});

describe('a list that asks about marks, while it is read', () => {
  it('keeps an article read under is:unread until the reader moves in the list', async () => {
    const { status, press, frame, reading, root } = await start();
    await press('U', () => /filter: is:unread/.test(status()), 'only unread');
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await until(() => reading.isRead(path.join(root, 'a.md')), 'Alpha read', frame);
    await press('q', () => /^ ?5 articles · 4 unread · filter: is:unread/.test(status()), 'back');
    // Still listed, dimmed and selected; nothing else was read.
    expect(frame()).toMatch(/▸ .*Alpha news/);
    expect(['b', 'c', 'd', 'e'].filter((name) => reading.isRead(path.join(root, `${name}.md`))))
      .toEqual([]); // prettier-ignore
    await press('j', () => /^ ?4 of 5 articles · 4 unread/.test(status()), 'the list made again');
    expect(articleRows(frame()).join('\n')).not.toContain('Alpha news');
    expect(frame()).toMatch(/▸ .*Beta news/);
  });

  it('keeps reading the article that is unstarred under is:starred, and lists it until the filter is applied again', async () => {
    const { status, press, frame } = await start();
    await press('s', () => /starred/.test(status()), 'Alpha starred');
    await press('js', () => /starred/.test(status()), 'Beta starred');
    await press('/', () => true, 'the prompt');
    await press(`is:starred${KEYS.enter}`, () => /2 of 5 articles/.test(status()), 'the starred');
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await press('s', () => /star taken off/.test(status()), 'unstarred');
    expect(frame()).toContain('Alpha paragraph 1.');
    await press('q', () => /2 of 5 articles/.test(status()), 'back, still listed');
    expect(frame()).toMatch(/▸ .*Alpha news/);
    await press('/', () => true, 'the prompt');
    await press(KEYS.enter, () => /1 of 5 articles/.test(status()), 'the filter applied again');
    expect(frame()).toMatch(/▸★ .*Beta news/);
  });
});

describe('undo', () => {
  it('takes back reading by opening, a star and a mark with z, the last first, saying each', async () => {
    const { status, press, frame, reading, root } = await start();
    const read = (name: string) => reading.isRead(path.join(root, `${name}.md`));
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await press('q', () => /4 unread/.test(status()), 'Alpha read');
    await press('s', () => /starred/.test(status()), 'Alpha starred');
    await press('jm', () => /3 unread/.test(status()), 'Beta marked read');
    await press('z', () => /undone: marked read “Beta news” /.test(status()), 'the mark undone');
    expect([read('a'), read('b')]).toEqual([true, false]);
    await press('z', () => /undone: starred “Alpha news”/.test(status()), 'the star undone');
    expect(reading.isStarred(path.join(root, 'a.md'))).toBe(false);
    await press(
      'z',
      () => /^ ?undone: read “Alpha news” · 5 articles · 5 unread/.test(status()),
      'the read undone',
    );
    expect(read('a')).toBe(false);
    // The article taken back is selected again.
    expect(frame()).toMatch(/▸ .*Alpha news/);
    await press('z', () => /nothing to undo/.test(status()), 'nothing more');
  });

  it('in the reader, takes back the reading of the article open and goes back to the list', async () => {
    const { status, press, reading, root } = await start();
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await press('J', (f) => f.includes('Beta paragraph 1.'), 'the next article');
    await until(() => reading.isRead(path.join(root, 'b.md')), 'Beta read');
    await press(
      'z',
      () => /^ ?undone: read “Beta news” · 5 articles · 4 unread/.test(status()),
      'back',
    );
    expect(reading.isRead(path.join(root, 'a.md'))).toBe(true);
  });

  it('keeps the row a key marks when the move before it came in the same read', async () => {
    const { status, press, frame } = await start();
    await press('U', () => /filter: is:unread/.test(status()), 'only unread');
    // j and m in one chunk, as a fast typist or a held key gives them: the list was made on j.
    await press('jm', () => /4 unread/.test(status()), 'Beta marked read');
    expect(frame()).toMatch(/▸ .*Beta news/);
    await press('j', () => /^ ?4 of 5 articles/.test(status()), 'Beta gone');
    expect(frame()).toMatch(/▸ .*Gamma news/);
  });

  it('brings back an article a list of unread ones no longer shows, selected', async () => {
    const { status, press, frame } = await start();
    await press('U', () => /filter: is:unread/.test(status()), 'only unread');
    // A key at a time: the list is made again on j, and m then marks the row it selected.
    await press('j', () => /▸ .*Beta news/.test(frame()), 'Beta selected');
    await press('m', () => /4 unread/.test(status()), 'Beta marked read');
    expect(frame()).toMatch(/▸ .*Beta news/);
    await press('j', () => /^ ?4 of 5 articles/.test(status()), 'Beta gone');
    expect(frame()).toMatch(/▸ .*Gamma news/);
    await press('z', () => /^ ?undone: .* · 5 articles · 5 unread/.test(status()), 'Beta back');
    expect(frame()).toMatch(/▸ .*Beta news/);
  });
});

describe('marks saved as they change', () => {
  /** The lines of the state's journal: one a save since its snapshot was written. */
  const journal = (folder: string) => {
    const file = path.join(folder, 'reading.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  };
  const readOnDisk = (folder: string) =>
    [...ReadingState.inFolder(folder, true).marked()].filter(([, marks]) => marks.read).length;

  it('writes a mark without leaving or quitting, and a burst of marks in one write', async () => {
    const { status, press, frame, stateFolder } = await start();
    await press('m', () => /4 unread/.test(status()), 'one marked');
    await until(() => readOnDisk(stateFolder) === 1, 'the mark saved', frame);
    const before = journal(stateFolder).length;
    // Four more at once (A), then one key after another as fast as they come.
    await press('A', () => /Mark 4 articles read/.test(frame()), 'asked');
    await press('y', () => /0 unread/.test(status()), 'all read');
    await press('gmjmjm', () => /3 unread/.test(status()), 'three marked unread');
    await until(() => readOnDisk(stateFolder) === 2, 'the marks saved', frame);
    expect(journal(stateFolder).length - before).toBeLessThanOrEqual(2);
  });

  it('shows the marks another browser saves to the same state, without a restart', async () => {
    const { status, root, stateFolder, frame } = await start();
    const other = ReadingState.inFolder(stateFolder);
    other.setRead(path.join(root, 'c.md'), true);
    other.setStarred(path.join(root, 'd.md'), true);
    expect(other.save()).toBeNull();
    await until(
      () => /4 unread/.test(status()) && /★ .*Delta news/.test(frame()),
      'their marks',
      frame,
    );
  });
});

describe('links and other programs', () => {
  it('opens the source with O, copies it with y, and link N with y N', async () => {
    const { press, opened, copied, status } = await start();
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    await press('O', () => opened.length === 1, 'the source opened');
    expect(opened).toEqual(['https://example.org/alpha']);
    // Each step waits for what the screen says, not only for what was recorded: the copy is recorded
    // before the frame that says so is drawn, and a frame still showing the prompt proves nothing.
    await press('y', (f) => f.includes('copy link number'), 'the copy prompt');
    await press(KEYS.enter, () => status().includes('copied https://example.org/alpha'), 'copied');
    await press('y', (f) => f.includes('copy link number'), 'the copy prompt');
    await press(`2${KEYS.enter}`, () => status().includes('copied https://example.org/two'), 'two');
    expect(copied).toEqual(['https://example.org/alpha', 'https://example.org/two']);
  });

  it('hands the article to a command, the editor and the pager', async () => {
    const { press, handed, app, root } = await start();
    await press('|', (f) => f.split('\n').at(-1)!.startsWith('| '), 'the pipe prompt');
    app.stdin.write('grep -c Alpha');
    await press(KEYS.enter, () => handed.length === 1, 'the command');
    expect(handed[0]).toMatchObject({
      command: '/bin/sh',
      args: ['-c', 'grep -c Alpha'],
      wait: true,
    });
    expect(handed[0]!.input).toMatch(/^Alpha news\n/);
    expect(handed[0]!.input).toContain('Alpha paragraph 30.');
    await press('e', () => handed.length === 2, 'the editor');
    expect(handed[1]).toMatchObject({ command: 'vi', args: [path.join(root, 'a.md')] });
    await press('v', () => handed.length === 3, 'the pager');
    expect(handed[2]).toMatchObject({ command: 'less' });
    expect(handed[2]!.input).toContain('Alpha paragraph 1.');
  });
});

describe('the category tree', () => {
  it('counts unread in each category, shows where the keys are, and closes with q', async () => {
    const { press, frame, app, status } = await start({ columns: 90 });
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph'), 'read Alpha');
    await press('q', () => /4 unread/.test(status()), 'the list');
    await press(KEYS.tab, (f) => f.includes('All articles'), 'the tree');
    expect(frame()).toMatch(/Tech +1\/2/);
    expect(frame()).toMatch(/Life +2\/2/);
    // The list's selection is drawn quieter (underlined, not inverse) while the tree has the keys.
    expect(app.lastFrame()).toMatch(/\u001b\[4m▸/);
    await press('q', (f) => !f.includes('All articles'), 'the tree closed');
    expect(app.lastFrame()).toMatch(/\u001b\[7m▸/);
  });
});

describe('the mouse', () => {
  it('selects with a click, opens with a second, and scrolls with the wheel', async () => {
    const { frame, click, status } = await start();
    const rows = frame().split('\n');
    const gamma = rows.findIndex((line) => line.includes('Gamma news'));
    click({ kind: 'press', button: 0, column: 10, row: gamma + 1 });
    await until(() => /▸ .*Gamma news/.test(frame()), 'Gamma selected', frame);
    click({ kind: 'press', button: 0, column: 10, row: gamma + 1 });
    await until(() => frame().includes('Gamma paragraph 1.'), 'Gamma opened', frame);
    expect(status()).toMatch(/Gamma news/);
  });

  it('scrolls the reader with the wheel', async () => {
    const { frame, click, press } = await start();
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    click({ kind: 'wheelDown', button: 1, column: 10, row: 3 });
    click({ kind: 'wheelDown', button: 1, column: 10, row: 3 });
    const top = () => frame().split('\n').slice(0, 3).join('\n');
    await until(() => !top().includes('Alpha news'), 'scrolled down', frame);
    click({ kind: 'wheelUp', button: 0, column: 10, row: 3 });
    click({ kind: 'wheelUp', button: 0, column: 10, row: 3 });
    await until(() => top().includes('Alpha news'), 'scrolled back', frame);
  });
});

describe('the reading measure', () => {
  it('centres the text in a wide terminal, as wide as the measure', async () => {
    const { frame, press } = await start({ columns: 100, settings: { measure: 40 } });
    await press(KEYS.enter, (f) => f.includes('Alpha paragraph 1.'), 'the reader');
    const line = frame()
      .split('\n')
      .find((row) => row.includes('Alpha paragraph 1.'))!;
    expect(line.indexOf('Alpha')).toBe(30);
  });
});

describe('the problems screen', () => {
  it('lists files one under another with the whole reason, lines counted from the file’s first', async () => {
    const root = tempCorpus({
      'ok.md': '---\ntitle: Fine\ndate: 2026-11-26\n---\nbody',
      'broken.md': '\n---\ntitle: "unclosed\ndate: 2026-11-25\n---\nbody',
      'nodate.md':
        '---\ntitle: When\ndate: someday, perhaps, in a very long while from now\n---\nbody',
    });
    const { press, frame, handed } = await start({ root, columns: 50, rows: 16 });
    await press('!', (f) => f.includes('Files with problems (2)'), 'the problems');
    const text = frame();
    expect(text).toMatch(/ ▸ broken\.md\n +bad YAML/);
    // Where YAML stopped reading, as an editor counts lines: the unclosed quote runs to line 5.
    expect(text).toMatch(/line 5, column 1/);
    // The whole reason, wrapped, not cut.
    expect(text.replace(/\n\s+/g, ' ')).toContain(
      'someday, perhaps, in a very long while from now',
    );
    await press('j', (f) => /▸ nodate\.md/.test(f), 'the second file');
    await press(KEYS.enter, () => handed.length === 1, 'its text');
    expect(handed[0]!.input).toContain('title: When');
  });
});

describe('a filter that searches article text', () => {
  it('says how far the body index is while the filter waits for it, then shows what it found', async () => {
    let release = () => {};
    const asked: string[][] = [];
    const bodiesOf = (): BodySource => ({
      bodiesWith: (texts, onProgress) => {
        asked.push([...texts]);
        onProgress?.(10, 40);
        return new Promise((resolve) => {
          release = () => resolve(new Map(texts.map((text) => [text, new Set(['c.md'])])));
        });
      },
    });
    const { press, status, frame } = await start({ bodiesOf });
    await press('/', () => true, 'the prompt');
    await press(
      `paragraph${KEYS.enter}`,
      () => /searching article text… 10\/40/.test(status()),
      'the progress',
    );
    expect(asked).toEqual([['paragraph']]);
    release();
    await until(() => /1 of 5 articles/.test(status()), 'the answer', frame);
    expect(frame()).toMatch(/▸ .*Gamma news/);
    expect(status()).not.toMatch(/searching/);
  });
});

describe.runIf(bodyIndexAvailable())('the body index behind the filter', () => {
  it('follows the folder from a warm start: words written since are found after r', async () => {
    const root = folder();
    const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const index = new IndexCache(path.join(cache, 'index'));
    const file = bodyIndexFile(cache, root);
    // A warm start: the folder was read before; its bodies are indexed at the first search.
    await loadCorpus(root, { index });
    // Each search's answer: from the index, or null when the bodies had to be read instead.
    const answers: (Map<string, Set<string>> | null)[] = [];
    const bodiesOf = (corpus: Corpus): BodySource => {
      const bodies = new BodyIndex(file, corpus);
      return {
        bodiesWith: async (texts, onProgress) => {
          answers.push(await bodies.bodiesWith(texts, onProgress));
          return answers.at(-1)!;
        },
      };
    };
    const { press, status, frame } = await start({ root, index, bodiesOf });
    const search = async (text: string, expected: RegExp) => {
      await press('/', () => true, 'the prompt');
      await press(
        `${KEYS.ctrl('u')}${text}${KEYS.enter}`,
        () => expected.test(status()) && status().includes(`filter: ${text}`),
        text,
      );
    };
    await search('gamma paragraph', /1 of 5 articles/);
    // Only its body changes, so the list stays as it is.
    const gamma = path.join(root, 'c.md');
    writeFileSync(
      gamma,
      `---\ntitle: Gamma news\ndate: 2026-11-24 09:00\ncategories: [Life]\n---\n<p>A quasar, seen.</p>`,
    );
    const later = new Date(Date.now() + 5000);
    utimesSync(gamma, later, later);
    // Read again, the folder is the same list: the index of its fields is written anew.
    const written = index.fingerprint(path.resolve(root));
    await press(
      'r',
      () => index.fingerprint(path.resolve(root)) !== written,
      'the folder read again',
    );
    await search('quasar', /1 of 5 articles/);
    expect(frame()).toMatch(/▸ .*Gamma news/);
    // Every search was answered by the index, brought up to date with the folder as read again
    // (the filter in force may be searched again when the folder is read, before quasar is typed).
    const found = answers.map(
      (answer) => answer && [...answer.values()].map((set) => [...set].sort()),
    );
    expect(found).not.toContain(null);
    expect(found[0]).toEqual([['c.md'], ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']]);
    expect(found.at(-1)).toEqual([['c.md']]);
    // The index holds each file's real size and time, so the next start trusts what it can.
    const db = openBodyIndex(file)!;
    expect(db.prepare("SELECT count(*) AS n FROM files WHERE stamp = ''").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('handing text to other programs', () => {
  it('hands the text, and a problem file, without a control character', async () => {
    const root = tempCorpus({
      'evil.md':
        '---\ntitle: "Evil \\e[31mred"\ndate: 2026-11-26\n---\n<p>Body \u001b]0;owned\u0007 and \u001b[2J text.</p>',
      'broken.md': '---\ntitle: [oops\n---\nraw \u001b[31m escape \u009b here',
    });
    const { press, handed } = await start({ root });
    // The broken file is dated by its time, today: the evil one is second.
    await press('j', (f) => /▸ .*Evil/.test(f), 'the evil article');
    await press('v', () => handed.length === 1, 'the pager');
    await press('!', (f) => f.includes('Files with problems'), 'the problems');
    await press(KEYS.enter, () => handed.length === 2, 'the file');
    expect(handed[1]!.input).toContain('raw');
    for (const program of handed)
      expect(program.input).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(handed[0]!.input).toContain('Body');
  });
});
