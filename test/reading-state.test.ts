import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder, stateFolder } from '../src/files/places.js';
import { marksOf } from '../src/query/marks.js';
import { lockFileOf, tryLock } from '../src/state/lock.js';
import { ReadingState, type ReadingStateOptions } from '../src/state/reading.js';
import { makeArticle, runMain, tempCorpus, tempFolder } from './helpers.js';

const folder = () => tempFolder('broadsheet-reading-');
/** The tests' own lock folder: never the user's. */
const locks = tempFolder('broadsheet-locks-');
const open = (where: string, options: ReadingStateOptions = {}) =>
  ReadingState.inFolder(where, { lockFolder: locks, ...options });
const snapshotIn = (where: string) =>
  JSON.parse(readFileSync(path.join(where, 'reading.json'), 'utf8'));
const journalIn = (where: string): Array<{ articles: Record<string, unknown> }> => {
  const file = path.join(where, 'reading.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
};
/** Every entry the files hold, the journal's over the snapshot's, as a reader of the format would take them. */
const savedIn = (where: string): Record<string, Record<string, unknown>> => {
  const entries = { ...snapshotIn(where).articles };
  for (const line of journalIn(where)) Object.assign(entries, line.articles);
  return entries;
};
const writeState = (where: string, state: unknown) =>
  writeFileSync(path.join(where, 'reading.json'), JSON.stringify(state));
/** Waits for `condition`, polling; fails with `what` when it does not come. */
async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ReadingState', () => {
  it('remembers read articles and positions across runs', () => {
    const where = folder();
    const first = open(where);
    expect(first.isRead('/a.md')).toBe(false);
    first.markRead('/a.md', 12, null, 1000);
    expect(first.save()).toBeNull();
    const second = open(where);
    expect(second.isRead('/a.md')).toBe(true);
    expect(second.position('/a.md')).toBe(12);
    expect(second.position('/b.md')).toBe(0);
    expect(second.warning).toBeNull();
  });

  it('writes atomically: no temporary file is left beside the state, and no lock', () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 1, null, 5);
    state.save();
    expect(readdirSync(where)).toEqual(['reading.json']);
    expect(snapshotIn(where)).toEqual({
      version: 1,
      articles: { '/a.md': { readAt: 5, read: true, starred: false, line: 1, changedAt: 5 } },
      history: {},
    });
    expect(readdirSync(locks).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('keeps the marks of two browsers on the same state, the later change winning', () => {
    const where = folder();
    const one = open(where);
    const two = open(where);
    one.markRead('/a.md', 3, null, 100);
    two.markRead('/b.md', 4, null, 200);
    two.markRead('/c.md', 9, null, 300);
    one.markRead('/c.md', 7, null, 400);
    expect(one.save()).toBeNull();
    expect(two.save()).toBeNull();
    const after = open(where);
    expect([after.position('/a.md'), after.position('/b.md'), after.position('/c.md')]).toEqual([
      3, 4, 7,
    ]);
  });

  it('keeps stars, marks of unread and the prompts’ history, merged between two browsers', () => {
    const where = folder();
    const one = open(where);
    one.markRead('/a.md', 12, { block: 3, within: 0.5 }, 100);
    one.remember('filter', 'rust');
    expect(one.save()).toBeNull();
    // A second browser, started now, keeps a.md unread; the first, still open, stars b.md.
    const two = open(where);
    two.setRead('/a.md', false, 120);
    two.remember('filter', 'go');
    two.remember('pipe', 'wc -w');
    one.setStarred('/b.md', true, 130);
    expect(two.save()).toBeNull();
    expect(one.save()).toBeNull();
    const after = open(where);
    // Marked unread later by the other browser: unread, its place kept.
    expect(after.isRead('/a.md')).toBe(false);
    expect(after.position('/a.md')).toBe(12);
    expect(after.place('/a.md')).toEqual({ block: 3, within: 0.5 });
    expect(after.isStarred('/b.md')).toBe(true);
    expect(after.isRead('/b.md')).toBe(false);
    expect(after.history('filter')).toEqual(['rust', 'go']);
    expect(after.history('pipe')).toEqual(['wc -w']);
    // A line used again moves to the end, once.
    after.remember('filter', 'rust');
    expect(after.history('filter')).toEqual(['go', 'rust']);
  });

  it('counts changes of marks, not of places, so a view recounts only when it must', () => {
    const state = open(folder());
    const start = state.version;
    state.markRead('/a.md', 1);
    expect(state.version).toBe(start + 1);
    state.markRead('/a.md', 5);
    state.markRead('/a.md', 9, { block: 1, within: 0 });
    expect(state.version).toBe(start + 1);
    state.setStarred('/a.md', true);
    state.setRead('/a.md', false);
    expect(state.version).toBe(start + 3);
    // A save that brings no other browser's marks changes none.
    state.markRead('/a.md', 10);
    const saved = state.version;
    expect(state.save()).toBeNull();
    expect(state.version).toBe(saved);
  });

  it('only reads the state for a pipe: nothing set aside, nothing removed', () => {
    const where = folder();
    writeFileSync(path.join(where, 'reading.json'), '{"version": 1, "articles": {"/a.md": ');
    writeFileSync(path.join(where, 'reading.json.tmp-123-1'), 'left by a killed write');
    const state = open(where, { readOnly: true });
    expect(state.warning).toMatch(/damaged; the marks in it are left out/);
    state.markRead('/b.md', 1);
    expect(state.save()).toBeNull();
    expect(readdirSync(where).sort()).toEqual(['reading.json', 'reading.json.tmp-123-1']);
  });

  it.each([
    ['damaged', '{"version": 1, "articles": {"/a.md": '],
    ['from a newer broadsheet', '{"version": 9, "articles": {}}'],
    ['not a reading state', '[1, 2, 3]'],
    ['not a reading state', 'null'],
    ['not a reading state', '{"version": 1, "articles": null}'],
  ])('sets a %s file aside, never writing over it (%s)', (why, content) => {
    const where = folder();
    writeFileSync(path.join(where, 'reading.json'), content);
    const state = open(where);
    expect(state.warning).toMatch(
      new RegExp(`^the reading state was ${why}; it was kept as .*set-aside`),
    );
    const aside = readdirSync(where).find((name) => name.endsWith('.set-aside'))!;
    expect(readFileSync(path.join(where, aside), 'utf8')).toBe(content);
    state.markRead('/b.md', 2, null, 1);
    expect(state.save()).toBeNull();
    expect(Object.keys(snapshotIn(where).articles)).toEqual(['/b.md']);
    expect(readFileSync(path.join(where, aside), 'utf8')).toBe(content);
  });

  it('sets aside a state it cannot read', () => {
    const where = folder();
    mkdirSync(path.join(where, 'reading.json'));
    const state = open(where);
    expect(state.warning).toMatch(/was unreadable \(is a folder\); it was kept as/);
  });

  it('removes the temporaries of a write that was killed, and only those', () => {
    const where = folder();
    const dead = path.join(where, 'reading.json.999999999.1700000000000.tmp');
    const live = path.join(where, `reading.json.${process.pid}.${Date.now()}.tmp`);
    const other = path.join(where, 'notes.txt');
    for (const file of [dead, live, other]) writeFileSync(file, 'x'.repeat(1000));
    open(where);
    expect(readdirSync(where).sort()).toEqual([path.basename(live), 'notes.txt'].sort());
  });

  it('writes through a state file that is a link, and knows articles by their real path', () => {
    const where = folder();
    const real = path.join(folder(), 'kept-elsewhere.json');
    writeFileSync(real, '{"version": 1, "articles": {}}');
    symlinkSync(real, path.join(where, 'reading.json'));
    const articles = folder();
    writeFileSync(path.join(articles, 'a.md'), '');
    const viaLink = path.join(folder(), 'link');
    symlinkSync(articles, viaLink);
    const state = open(where);
    state.markRead(path.join(viaLink, 'a.md'), 6);
    // Enough marks that the journal outgrows the snapshot: the snapshot is written anew, through the link.
    for (let i = 0; i < 1000; i++) state.setStarred(`/many/${i}.md`, true);
    expect(state.save()).toBeNull();
    expect(lstatSync(path.join(where, 'reading.json')).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(real, 'utf8')).articles)).toContain(
      path.join(articles, 'a.md'),
    );
    expect(open(where).position(path.join(articles, 'a.md'))).toBe(6);
  });

  it('answers a list’s marks by article, as by path: a linked subfolder and a file seen twice too', () => {
    const elsewhere = folder();
    writeFileSync(path.join(elsewhere, 'far.md'), '');
    const root = folder();
    mkdirSync(path.join(root, 'news'));
    for (const name of ['a.md', 'news/b.md', 'news/c.md']) writeFileSync(path.join(root, name), '');
    symlinkSync(elsewhere, path.join(root, 'linked'));
    symlinkSync(path.join(root, 'news'), path.join(root, 'again'));
    const relatives = [
      'a.md',
      'news/b.md',
      'news/c.md',
      'linked/far.md',
      'again/b.md',
      'again/c.md',
    ];
    const articles = relatives.map((relative) =>
      makeArticle({ path: relative, absolutePath: path.join(root, relative) }),
    );
    const state = open(folder());
    state.markRead(path.join(root, 'news/b.md'), 1);
    state.setStarred(path.join(root, 'linked/far.md'), true);
    state.setRead(path.join(elsewhere, 'far.md'), true);
    const marks = marksOf(state, articles);
    const byPath = articles.map((a) => [
      a.path,
      state.isRead(a.absolutePath),
      state.isStarred(a.absolutePath),
    ]);
    expect(articles.map((a) => [a.path, marks.isRead(a), marks.isStarred(a)])).toEqual(byPath);
    expect(byPath.filter(([, read]) => read).map(([relative]) => relative)).toEqual([
      'news/b.md',
      'linked/far.md',
      'again/b.md',
    ]);
    expect(byPath.filter(([, , starred]) => starred).map(([relative]) => relative)).toEqual([
      'linked/far.md',
    ]);
  });

  it('says why it could not save rather than throwing', () => {
    const blocker = path.join(folder(), 'not-a-folder');
    writeFileSync(blocker, '');
    const state = new ReadingState(path.join(blocker, 'reading.json'), { lockFolder: locks });
    state.markRead('/a.md', 3);
    expect(state.save()).toMatch(/^could not save the reading state in .*not-a-folder.*: .+/);
  });

  it.skipIf(process.platform !== 'linux')(
    'lives in $XDG_STATE_HOME/broadsheet, its lock in the runtime folder',
    () => {
      expect(stateFolder({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/broadsheet');
      expect(stateFolder({})).toMatch(/\/\.local\/state\/broadsheet$/);
      expect(lockFolder({ XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/run/user/1000/broadsheet');
      expect(lockFolder({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/broadsheet/locks');
    },
  );
});

describe('entries of any shape', () => {
  const odd = {
    version: 1,
    articles: {
      '/no-line.md': { readAt: 10, read: true, starred: false, changedAt: 10 },
      '/text-time.md': { readAt: '2026-11-01T08:00:00Z', read: true, line: 4 },
      '/starred-only.md': { starred: true, read: false },
      '/noted.md': {
        readAt: 5,
        read: true,
        starred: false,
        line: 2,
        changedAt: 5,
        note: 'quote this',
        labels: ['work', 'later'],
      },
      '/nothing.md': null,
      '/a-number.md': 7,
    },
    history: { filter: ['rust'] },
    bookmarks: [{ path: '/noted.md', line: 2 }],
  };

  it('reads each for what can be made of it, and starts', () => {
    const where = folder();
    writeState(where, odd);
    const state = open(where);
    expect(state.warning).toBeNull();
    expect(state.isRead('/no-line.md')).toBe(true);
    expect(state.position('/no-line.md')).toBe(0);
    expect(state.isRead('/text-time.md')).toBe(true);
    expect(state.position('/text-time.md')).toBe(4);
    expect(state.isStarred('/starred-only.md')).toBe(true);
    expect([...state.marked()].map(([key]) => key)).toEqual([
      '/no-line.md',
      '/text-time.md',
      '/starred-only.md',
      '/noted.md',
    ]);
    expect(state.isRead('/nothing.md')).toBe(false);
    expect(state.entry('/text-time.md')).toMatchObject({
      readAt: Date.parse('2026-11-01T08:00:00Z'),
    });
  });

  it.each([
    ['appended to the journal', 1],
    ['written into a new snapshot', 2000],
  ])('keeps every entry and field it does not know when a save is %s', (_how, marks) => {
    const where = folder();
    writeState(where, odd);
    const state = open(where);
    for (let i = 0; i < marks; i++) state.setRead(`/new/${i}.md`, true, 100);
    state.setStarred('/noted.md', true, 200);
    expect(state.save()).toBeNull();
    const saved = savedIn(where);
    for (const key of ['/no-line.md', '/text-time.md', '/starred-only.md', '/nothing.md'])
      expect(saved[key]).toEqual(odd.articles[key as keyof typeof odd.articles]);
    expect(saved['/a-number.md']).toBe(7);
    expect(saved['/noted.md']).toMatchObject({
      starred: true,
      note: 'quote this',
      labels: ['work', 'later'],
    });
    expect(snapshotIn(where).bookmarks).toEqual(odd.bookmarks);
    expect(snapshotIn(where).history).toEqual({ filter: ['rust'] });
  });

  it('marks an article of an odd entry as any other, keeping the rest of it', () => {
    const where = folder();
    writeState(where, odd);
    const state = open(where);
    state.setRead('/nothing.md', true, 300);
    state.setRead('/text-time.md', false, 300);
    expect(state.save()).toBeNull();
    const saved = savedIn(where);
    expect(saved['/nothing.md']).toMatchObject({ read: true, changedAt: 300 });
    expect(saved['/text-time.md']).toEqual({
      readAt: '2026-11-01T08:00:00Z',
      read: false,
      starred: false,
      line: 4,
      changedAt: 300,
    });
  });

  it('takes a file that starts with a byte order mark as it is', () => {
    const where = folder();
    writeFileSync(
      path.join(where, 'reading.json'),
      `\ufeff${JSON.stringify({ version: 1, articles: { '/a.md': { readAt: 1, line: 3 } } })}`,
    );
    const state = open(where);
    expect(state.warning).toBeNull();
    expect(state.position('/a.md')).toBe(3);
  });

  it('lets `list --search is:unread` run over a null state, and over a null entry', async () => {
    const articles = tempCorpus({
      'a.md': '---\ntitle: Alpha\ndate: 2026-01-02\n---\nA.\n',
      'b.md': '---\ntitle: Beta\ndate: 2026-01-01\n---\nB.\n',
    });
    const state = folder();
    mkdirSync(path.join(state, 'broadsheet'));
    const file = path.join(state, 'broadsheet', 'reading.json');
    writeFileSync(file, 'null');
    const asNull = await runMain(['list', articles, '--search', 'is:unread'], {
      env: { XDG_STATE_HOME: state },
    });
    expect(asNull.code).toBe(0);
    expect(asNull.stdout).toMatch(/Alpha[\s\S]*Beta/);
    expect(asNull.stderr).toMatch(/the reading state is not a reading state; the marks in it/);
    writeState(path.dirname(file), {
      version: 1,
      articles: { [path.join(articles, 'a.md')]: { readAt: 1, line: 0 }, '/x.md': null },
    });
    const withNull = await runMain(['list', articles, '--search', 'is:unread'], {
      env: { XDG_STATE_HOME: state },
    });
    expect(withNull).toMatchObject({ code: 0, stderr: '' });
    expect(withNull.stdout).not.toContain('Alpha');
    expect(withNull.stdout).toContain('Beta');
  });
});

describe('state files that are not what they should be', () => {
  it('says a read-only state file is not written, and leaves it so', () => {
    const where = folder();
    writeState(where, { version: 1, articles: {} });
    const file = path.join(where, 'reading.json');
    chmodSync(file, 0o444);
    const state = open(where);
    state.markRead('/a.md', 1);
    expect(state.save()).toBe(`could not save the reading state in ${file}: it is read-only`);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(where)).toEqual(['reading.json']);
    expect(snapshotIn(where).articles).toEqual({});
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO in its place at once, for a pipe too, and sets it aside',
    () => {
      const where = folder();
      execFileSync('mkfifo', [path.join(where, 'reading.json')]);
      const reader = open(where, { readOnly: true });
      expect(reader.warning).toMatch(/not a regular file/);
      const state = open(where);
      expect(state.warning).toMatch(/^the reading state was unreadable \(not a regular file/);
      state.markRead('/a.md', 1);
      expect(state.save()).toBeNull();
      expect(snapshotIn(where).articles['/a.md']).toBeDefined();
    },
  );

  it.each(['/dev/zero', '/dev/full', '/dev/urandom'].filter(existsSync))(
    'reads nothing of an endless device (%s) linked in its place, and moves only the link',
    (device) => {
      const where = folder();
      symlinkSync(device, path.join(where, 'reading.json'));
      const state = open(where);
      expect(state.warning).toMatch(/not a regular file/);
      expect(existsSync(device)).toBe(true);
      expect(readdirSync(where).filter((name) => name.endsWith('.set-aside'))).toHaveLength(1);
    },
  );

  it('reads no state file larger than 256 MiB', () => {
    const where = folder();
    // Sparse: as large as that on paper, nothing on the disk.
    writeState(where, { version: 1, articles: {} });
    truncateSync(path.join(where, 'reading.json'), 300 * 1024 * 1024);
    const state = open(where, { readOnly: true });
    expect(state.warning).toMatch(/unreadable \(larger than 256 MiB\)/);
  });
});

describe('the journal', () => {
  it('appends a save to the journal, leaving the snapshot as it was', () => {
    const where = folder();
    const state = open(where);
    for (let i = 0; i < 100; i++) state.setRead(`/old/${i}.md`, true, 1);
    expect(state.save()).toBeNull();
    const before = statSync(path.join(where, 'reading.json'));
    state.setStarred('/old/3.md', true, 2);
    state.markRead('/new.md', 7, null, 3);
    expect(state.save()).toBeNull();
    const after = statSync(path.join(where, 'reading.json'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(journalIn(where)).toEqual([
      {
        version: 1,
        articles: {
          '/old/3.md': { readAt: 1, read: true, starred: true, line: 0, changedAt: 2 },
          '/new.md': { readAt: 3, read: true, starred: false, line: 7, changedAt: 3 },
        },
        history: {},
      },
    ]);
    expect(open(where).isStarred('/old/3.md')).toBe(true);
  });

  it('takes the journal into a new snapshot when it outgrows it, so neither grows without end', () => {
    const where = folder();
    const state = open(where);
    let sizes = 0;
    for (let save = 0; save < 800; save++) {
      state.markRead('/a.md', save, null, save + 1);
      expect(state.save()).toBeNull();
      sizes = Math.max(
        sizes,
        statSync(path.join(where, 'reading.jsonl'), { throwIfNoEntry: false })?.size ?? 0,
      );
    }
    expect(sizes).toBeLessThanOrEqual(64 * 1024 + 200);
    expect(statSync(path.join(where, 'reading.json')).size).toBeLessThan(200);
    expect(open(where).position('/a.md')).toBe(799);
  });

  it('cuts off a line a killed save left half-written, and keeps the lines before it', () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 1, null, 1);
    state.save();
    state.markRead('/b.md', 2, null, 2);
    state.save();
    const journal = path.join(where, 'reading.jsonl');
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}{"version":1,"articles":{"/c.md":{"re`);
    const next = open(where);
    expect(next.warning).toBeNull();
    expect(next.position('/b.md')).toBe(2);
    next.markRead('/d.md', 4, null, 4);
    expect(next.save()).toBeNull();
    expect(journalIn(where).map((line) => Object.keys(line.articles))).toEqual([
      ['/b.md'],
      ['/d.md'],
    ]);
  });

  it('copies aside a journal with a damaged line, and keeps the others’ marks', () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 1, null, 1);
    state.save();
    const journal = path.join(where, 'reading.jsonl');
    const good = (key: string) =>
      JSON.stringify({ version: 1, articles: { [key]: { readAt: 2, line: 5, changedAt: 2 } } });
    writeFileSync(journal, `${good('/b.md')}\nnot json at all\n${good('/c.md')}\n`);
    const next = open(where);
    expect(next.warning).toMatch(
      /^1 line of the reading state's journal could not be read \(damaged\); it was copied to .*reading\.jsonl\..*\.set-aside$/,
    );
    expect([next.position('/b.md'), next.position('/c.md')]).toEqual([5, 5]);
    const aside = readdirSync(where).find((name) => name.startsWith('reading.jsonl.'))!;
    expect(readFileSync(path.join(where, aside), 'utf8')).toContain('not json at all');
  });
});

describe('saving as marks change', () => {
  it('writes a burst of marks in one save, soon after, and says nothing when all is well', async () => {
    const where = folder();
    const state = open(where);
    const problems: string[] = [];
    state.autosave((problem) => problems.push(problem), 100);
    state.markRead('/first.md', 1);
    state.save();
    for (let i = 0; i < 50; i++) state.setRead(`/burst/${i}.md`, true);
    expect(journalIn(where)).toEqual([]);
    await until(() => journalIn(where).length > 0, 'the burst saved');
    expect(journalIn(where)).toHaveLength(1);
    expect(Object.keys(journalIn(where)[0]!.articles)).toHaveLength(50);
    expect(problems).toEqual([]);
    state.stop();
  });

  it('tries again a moment later while another browser holds the lock', async () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 1);
    state.save();
    const release = tryLock(lockFileOf(path.join(where, 'reading.json'), locks))!;
    state.autosave(() => {}, 10);
    state.markRead('/b.md', 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(journalIn(where)).toEqual([]);
    release();
    await until(() => journalIn(where).length === 1, 'the save once the lock is free');
    state.stop();
  });

  it('says a save that failed, once', async () => {
    const where = folder();
    writeState(where, { version: 1, articles: {} });
    chmodSync(path.join(where, 'reading.json'), 0o444);
    const state = open(where);
    const problems: string[] = [];
    state.autosave((problem) => problems.push(problem), 10);
    state.markRead('/a.md', 1);
    await until(() => problems.length > 0, 'the problem said');
    state.markRead('/a.md', 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(problems).toEqual([
      `could not save the reading state in ${path.join(where, 'reading.json')}: it is read-only`,
    ]);
    state.stop();
  });
});

describe('following other browsers', () => {
  it('takes in what another browser saves, and tells its subscribers', async () => {
    const where = folder();
    const mine = open(where);
    const theirs = open(where);
    mine.watch();
    let told = 0;
    mine.subscribe(() => told++);
    theirs.setStarred('/s.md', true);
    theirs.markRead('/r.md', 9);
    expect(theirs.save()).toBeNull();
    await until(() => mine.isStarred('/s.md') && mine.isRead('/r.md'), 'their marks here');
    expect(told).toBeGreaterThan(0);
    expect(mine.position('/r.md')).toBe(9);
    // And a later change of theirs, appended to the journal.
    theirs.setRead('/r.md', false);
    theirs.save();
    await until(() => !mine.isRead('/r.md'), 'their unread mark here');
    mine.stop();
  });

  it('takes them in without a watcher too, when asked to look again', () => {
    const where = folder();
    const mine = open(where);
    const theirs = open(where);
    theirs.setStarred('/s.md', true);
    theirs.save();
    expect(mine.isStarred('/s.md')).toBe(false);
    mine.refresh();
    expect(mine.isStarred('/s.md')).toBe(true);
  });
});

describe('taking a change back', () => {
  it('puts back an entry as it was, and "no entry" as one that says nothing', () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 12, { block: 2, within: 0.25 }, 100);
    state.save();
    const before = state.recall(['/a.md', '/b.md']);
    state.setRead('/a.md', false, 200);
    state.setStarred('/a.md', true, 200);
    state.markRead('/b.md', 3, null, 200);
    state.save();
    state.restore(before, 300);
    expect([state.isRead('/a.md'), state.isStarred('/a.md'), state.position('/a.md')]).toEqual([
      true,
      false,
      12,
    ]);
    expect(state.place('/a.md')).toEqual({ block: 2, within: 0.25 });
    expect([state.isRead('/b.md'), state.isStarred('/b.md'), state.position('/b.md')]).toEqual([
      false,
      false,
      0,
    ]);
    expect(state.save()).toBeNull();
    // It wins over the change it took back, in another browser that saw that change.
    const other = open(where);
    expect(other.isRead('/a.md')).toBe(true);
    expect(other.isRead('/b.md')).toBe(false);
    expect(other.entry('/a.md')).toMatchObject({ readAt: 100, line: 12, changedAt: 300 });
  });
});

describe('a state carried between machines', () => {
  /** Two machines' state folders that started the same, each then changed on its own. */
  function twoMachines() {
    const first = folder();
    const start = open(first);
    start.markRead('/shared.md', 1, null, 10);
    start.markRead('/both.md', 1, null, 10);
    for (let i = 0; i < 50; i++) start.setRead(`/old/${i}.md`, true, 10);
    start.save();
    const second = folder();
    cpSync(first, second, { recursive: true });
    const one = open(first);
    one.markRead('/only-one.md', 5, null, 100);
    one.setStarred('/both.md', true, 100);
    one.save();
    const two = open(second);
    two.markRead('/only-two.md', 6, null, 200);
    two.setRead('/both.md', false, 200);
    two.save();
    return { first, second };
  }

  it.each([
    ['Syncthing', 'reading.sync-conflict-20261204-101500-ABCDEFG'],
    ['Dropbox', "reading (Mira's conflicted copy 2026-12-04)"],
    ['Nextcloud', 'reading (conflicted copy 2026-12-04 101500)'],
  ])(
    'merges %s’s conflict copies in, the later change winning, and removes them',
    (_tool, copy) => {
      const { first, second } = twoMachines();
      // The tool keeps one machine's file under the name and the other's as a conflict copy, for each file both changed.
      for (const name of ['reading.json', 'reading.jsonl'])
        if (existsSync(path.join(second, name)))
          cpSync(path.join(second, name), path.join(first, `${copy}${path.extname(name)}`));
      const state = open(first);
      expect(state.warning).toBeNull();
      expect(state.position('/only-one.md')).toBe(5);
      expect(state.position('/only-two.md')).toBe(6);
      expect(state.isRead('/shared.md')).toBe(true);
      // Starred on one machine at 100, marked unread on the other at 200: the later wins, whole.
      expect(state.isRead('/both.md')).toBe(false);
      expect(state.isStarred('/both.md')).toBe(false);
      expect(state.save()).toBeNull();
      expect(readdirSync(first).sort()).toEqual(['reading.json', 'reading.jsonl']);
      const after = open(first);
      expect([after.position('/only-one.md'), after.position('/only-two.md')]).toEqual([5, 6]);
    },
  );

  it('loses nothing when each machine’s files are copied over the other’s, the way a sync tool would', () => {
    const { first, second } = twoMachines();
    // No conflict detected: the second machine's files simply replace the first's, and its journal the first's too.
    const firstJournal = readFileSync(path.join(first, 'reading.jsonl'));
    cpSync(second, first, { recursive: true });
    writeFileSync(
      path.join(first, 'reading.sync-conflict-20261204-101500-ABCDEFG.jsonl'),
      firstJournal,
    );
    const state = open(first);
    expect([state.position('/only-one.md'), state.position('/only-two.md')]).toEqual([5, 6]);
  });

  it('reads a snapshot git left with conflict markers as both sides, and writes it clean', () => {
    const where = folder();
    const side = (key: string, changedAt: number) =>
      JSON.stringify({
        version: 1,
        articles: {
          [key]: { readAt: 1, read: true, starred: false, line: 3, changedAt },
          '/both.md': { readAt: 1, read: changedAt > 50, starred: false, line: 0, changedAt },
        },
        history: {},
      });
    writeFileSync(
      path.join(where, 'reading.json'),
      `<<<<<<< HEAD\n${side('/ours.md', 10)}\n=======\n${side('/theirs.md', 90)}\n>>>>>>> laptop\n`,
    );
    const state = open(where);
    expect(state.warning).toBeNull();
    expect([
      state.isRead('/ours.md'),
      state.isRead('/theirs.md'),
      state.isRead('/both.md'),
    ]).toEqual([true, true, true]);
    expect(state.save()).toBeNull();
    expect(Object.keys(snapshotIn(where).articles).sort()).toEqual([
      '/both.md',
      '/ours.md',
      '/theirs.md',
    ]);
  });

  it('leaves a conflict copy it cannot read as it is, and says so', () => {
    const where = folder();
    const copy = path.join(where, 'reading.sync-conflict-20261204-101500-ABCDEFG.json');
    writeFileSync(copy, '{"version": 1, "art');
    const state = open(where);
    expect(state.warning).toMatch(
      /could not be taken into the reading state \(damaged\); it is left as it is/,
    );
    state.markRead('/a.md', 1);
    expect(state.save()).toBeNull();
    expect(readFileSync(copy, 'utf8')).toBe('{"version": 1, "art');
  });

  it('keeps no lock in the state folder', () => {
    const where = folder();
    const state = open(where);
    state.markRead('/a.md', 1);
    const release = tryLock(lockFileOf(path.join(where, 'reading.json'), locks))!;
    expect(readdirSync(where)).toEqual([]);
    expect(readdirSync(locks).some((name) => name.endsWith('.lock'))).toBe(true);
    release();
    state.save();
    expect(readdirSync(where)).toEqual(['reading.json']);
  });
});

describe('the lock', () => {
  const lockFile = () => lockFileOf(path.join(folder(), 'reading.json'), locks);

  it('is held by one at a time', () => {
    const file = lockFile();
    const release = tryLock(file)!;
    expect(release).toBeTypeOf('function');
    expect(tryLock(file)).toBeNull();
    release();
    const again = tryLock(file);
    expect(again).toBeTypeOf('function');
    again!();
  });

  it('is broken at once when its holder is dead', () => {
    const file = lockFile();
    // An id no process can have: ids stay below the kernel's pid_max.
    const dead = readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim();
    writeFileSync(file, `${dead} ${hostname()} x`);
    const release = tryLock(file);
    expect(release).toBeTypeOf('function');
    release!();
  });

  it('is not broken while its holder lives', () => {
    const file = lockFile();
    writeFileSync(file, `${process.ppid} ${hostname()} x`);
    expect(tryLock(file)).toBeNull();
  });
});

describe('a state folder of one’s choosing', () => {
  const articles = () =>
    tempCorpus({
      'a.md': '---\ntitle: Alpha\ndate: 2026-01-02\n---\nA.\n',
      'b.md': '---\ntitle: Beta\ndate: 2026-01-01\n---\nB.\n',
    });
  /** A state folder in which Alpha is read. */
  function stateWithAlphaRead(root: string): string {
    const where = folder();
    const state = open(where);
    state.markRead(path.join(root, 'a.md'), 1);
    expect(state.save()).toBeNull();
    return where;
  }

  it('is read from --state DIR, over the configuration’s "state"', async () => {
    const root = articles();
    const chosen = stateWithAlphaRead(root);
    const config = folder();
    mkdirSync(path.join(config, 'broadsheet'));
    writeFileSync(
      path.join(config, 'broadsheet', 'config.json'),
      JSON.stringify({ state: folder() }),
    );
    const env = { XDG_STATE_HOME: folder(), XDG_CONFIG_HOME: config };
    const flag = await runMain(['list', root, '--search', 'is:read', '--state', chosen], { env });
    expect(flag).toMatchObject({ code: 0, stderr: '' });
    expect(flag.stdout).toContain('Alpha');
    expect(flag.stdout).not.toContain('Beta');
    const configured = await runMain(['list', root, '--search', 'is:read'], { env });
    expect(configured.stdout).not.toContain('Alpha');
  });

  it('is read from the configuration’s "state", a path from the file’s folder', async () => {
    const root = articles();
    const chosen = stateWithAlphaRead(root);
    const config = folder();
    mkdirSync(path.join(config, 'broadsheet'));
    writeFileSync(
      path.join(config, 'broadsheet', 'config.json'),
      JSON.stringify({ state: path.relative(path.join(config, 'broadsheet'), chosen) }),
    );
    const env = { XDG_STATE_HOME: folder(), XDG_CONFIG_HOME: config };
    const listed = await runMain(['list', root, '--search', 'is:read'], { env });
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toContain('Alpha');
    const printed = await runMain(['--print-config'], { env });
    expect(JSON.parse(printed.stdout)).toMatchObject({ state: chosen });
  });
});

describe('saving when the lock cannot be had', () => {
  it('says which lock could not be made', () => {
    const where = folder();
    const blocker = path.join(folder(), 'a-file');
    writeFileSync(blocker, '');
    const state = ReadingState.inFolder(where, { lockFolder: path.join(blocker, 'locks') });
    state.markRead('/a.md', 1);
    expect(state.save()).toMatch(
      /^could not save the reading state in .*: its lock .*a-file\/locks\/reading-\w+\.lock could not be made \(not a folder\)$/,
    );
  });
});

describe('the lock’s name', () => {
  it('is the same for one state however its path is spelled, and before its folder is there', () => {
    const base = folder();
    const link = path.join(folder(), 'through-a-link');
    symlinkSync(base, link);
    const before = lockFileOf(path.join(link, 'not-yet', 'reading.json'), locks);
    mkdirSync(path.join(base, 'not-yet'));
    expect(lockFileOf(path.join(base, 'not-yet', 'reading.json'), locks)).toBe(before);
    expect(lockFileOf(path.join(link, 'not-yet', '..', 'not-yet', 'reading.json'), locks)).toBe(
      before,
    );
    expect(lockFileOf(path.join(base, 'other', 'reading.json'), locks)).not.toBe(before);
  });
});
