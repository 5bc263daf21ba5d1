import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateFolder } from '../src/files/places.js';
import { marksOf } from '../src/query/marks.js';
import { ReadingState } from '../src/state/reading.js';
import { makeArticle, tempFolder } from './helpers.js';

const folder = () => tempFolder('broadsheet-reading-');
const stateIn = (where: string) =>
  JSON.parse(readFileSync(path.join(where, 'reading.json'), 'utf8'));

describe('ReadingState', () => {
  it('remembers read articles and positions across runs', () => {
    const where = folder();
    const first = ReadingState.inFolder(where);
    expect(first.isRead('/a.md')).toBe(false);
    first.markRead('/a.md', 12, null, 1000);
    expect(first.save()).toBeNull();
    const second = ReadingState.inFolder(where);
    expect(second.isRead('/a.md')).toBe(true);
    expect(second.position('/a.md')).toBe(12);
    expect(second.position('/b.md')).toBe(0);
    expect(second.warning).toBeNull();
  });

  it('writes atomically: no temporary file is left beside the state', () => {
    const where = folder();
    const state = ReadingState.inFolder(where);
    state.markRead('/a.md', 1, null, 5);
    state.save();
    expect(readdirSync(where)).toEqual(['reading.json']);
    expect(stateIn(where)).toEqual({
      version: 1,
      articles: { '/a.md': { readAt: 5, read: true, starred: false, line: 1, changedAt: 5 } },
      history: {},
    });
  });

  it('keeps the marks of two browsers on the same state, the later change winning', () => {
    const where = folder();
    const one = ReadingState.inFolder(where);
    const two = ReadingState.inFolder(where);
    one.markRead('/a.md', 3, null, 100);
    two.markRead('/b.md', 4, null, 200);
    two.markRead('/c.md', 9, null, 300);
    one.markRead('/c.md', 7, null, 400);
    expect(one.save()).toBeNull();
    expect(two.save()).toBeNull();
    const after = ReadingState.inFolder(where);
    expect([after.position('/a.md'), after.position('/b.md'), after.position('/c.md')]).toEqual([
      3, 4, 7,
    ]);
  });

  it('keeps stars, marks of unread and the prompts’ history, merged between two browsers', () => {
    const where = folder();
    const one = ReadingState.inFolder(where);
    one.markRead('/a.md', 12, { block: 3, within: 0.5 }, 100);
    one.remember('filter', 'rust');
    expect(one.save()).toBeNull();
    // A second browser, started now, keeps a.md unread; the first, still open, stars b.md.
    const two = ReadingState.inFolder(where);
    two.setRead('/a.md', false, 120);
    two.remember('filter', 'go');
    two.remember('pipe', 'wc -w');
    one.setStarred('/b.md', true, 130);
    expect(two.save()).toBeNull();
    expect(one.save()).toBeNull();
    const after = ReadingState.inFolder(where);
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
    const state = ReadingState.inFolder(folder());
    const start = state.version;
    state.markRead('/a.md', 1);
    expect(state.version).toBe(start + 1);
    state.markRead('/a.md', 5);
    state.markRead('/a.md', 9, { block: 1, within: 0 });
    expect(state.version).toBe(start + 1);
    state.setStarred('/a.md', true);
    state.setRead('/a.md', false);
    expect(state.version).toBe(start + 3);
  });

  it('only reads the state for a pipe: nothing set aside, nothing removed', () => {
    const where = folder();
    writeFileSync(path.join(where, 'reading.json'), '{"version": 1, "articles": {"/a.md": ');
    writeFileSync(path.join(where, 'reading.json.tmp-123-1'), 'left by a killed write');
    const state = ReadingState.inFolder(where, true);
    expect(state.warning).toMatch(/damaged; every article counts as unread/);
    expect(readdirSync(where).sort()).toEqual(['reading.json', 'reading.json.tmp-123-1']);
  });

  it.each([
    ['damaged', '{"version": 1, "articles": {"/a.md": '],
    ['from a newer broadsheet', '{"version": 9, "articles": {}}'],
    ['not a reading state', '[1, 2, 3]'],
  ])('sets a %s file aside, never writing over it', (why, content) => {
    const where = folder();
    writeFileSync(path.join(where, 'reading.json'), content);
    const state = ReadingState.inFolder(where);
    expect(state.warning).toMatch(
      new RegExp(`^the reading state was ${why}; it was kept as .*set-aside`),
    );
    const aside = readdirSync(where).find((name) => name.endsWith('.set-aside'))!;
    expect(readFileSync(path.join(where, aside), 'utf8')).toBe(content);
    state.markRead('/b.md', 2, null, 1);
    expect(state.save()).toBeNull();
    expect(Object.keys(stateIn(where).articles)).toEqual(['/b.md']);
    expect(readFileSync(path.join(where, aside), 'utf8')).toBe(content);
  });

  it('sets aside a state it cannot read', () => {
    const where = folder();
    mkdirSync(path.join(where, 'reading.json'));
    const state = ReadingState.inFolder(where);
    expect(state.warning).toMatch(/was unreadable \(is a folder\); it was kept as/);
  });

  it('removes the temporaries of a write that was killed, and only those', () => {
    const where = folder();
    const dead = path.join(where, 'reading.json.999999999.1700000000000.tmp');
    const live = path.join(where, `reading.json.${process.pid}.${Date.now()}.tmp`);
    const other = path.join(where, 'notes.txt');
    for (const file of [dead, live, other]) writeFileSync(file, 'x'.repeat(1000));
    ReadingState.inFolder(where);
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
    const state = ReadingState.inFolder(where);
    state.markRead(path.join(viaLink, 'a.md'), 6);
    expect(state.save()).toBeNull();
    expect(lstatSync(path.join(where, 'reading.json')).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(real, 'utf8')).articles)).toEqual([
      path.join(articles, 'a.md'),
    ]);
    expect(ReadingState.inFolder(where).position(path.join(articles, 'a.md'))).toBe(6);
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
    const state = ReadingState.inFolder(folder());
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
    const state = new ReadingState(path.join(blocker, 'reading.json'));
    state.markRead('/a.md', 3);
    expect(state.save()).toMatch(/^could not save the reading state in .*not-a-folder.*: .+/);
  });

  it.skipIf(process.platform !== 'linux')('lives in $XDG_STATE_HOME/broadsheet', () => {
    expect(stateFolder({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/broadsheet');
    expect(stateFolder({})).toMatch(/\/\.local\/state\/broadsheet$/);
  });
});
