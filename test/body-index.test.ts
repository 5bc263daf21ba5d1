import { existsSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BodyIndex,
  bodiesContaining,
  bodyIndexAvailable,
  bodyIndexFile,
  isCurrent,
  openBodyIndex,
  syncBodyIndex,
  type IndexedFile,
} from '../src/corpus/body-index.js';
import { IndexCache } from '../src/corpus/index-cache.js';
import { loadCorpus } from '../src/corpus/load.js';
import { searchArticles } from '../src/query/search.js';
import { tempCorpus, tempFolder } from './helpers.js';

const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2026-11-20\n---\n${body}`;

function folder() {
  return tempCorpus({
    'a.md': article('A', '<p>港口灯塔<b>重新</b>点亮，老街居民自发守夜。</p>'),
    'b.md': article('B', '<p>The harbour lights came on, one by one.</p><script>secret()</script>'),
    'c.md': article('C', '<p>100% of the tea_leaves, 50% off.</p>'),
  });
}

const filesOf = (root: string, names: string[]): IndexedFile[] =>
  names.map((name) => ({
    path: name,
    stamp: readFileSync(path.join(root, name)).length + ':' + name,
  }));

describe.runIf(bodyIndexAvailable())('the body index (SQLite FTS5, trigram)', () => {
  it('finds substrings of any length, CJK and Latin, across inline tags, never in scripts', () => {
    const root = folder();
    const db = openBodyIndex(path.join(tempFolder(), 'bodies.sqlite'))!;
    syncBodyIndex(db, root, filesOf(root, ['a.md', 'b.md', 'c.md']), 'one');
    expect([...bodiesContaining(db, '灯塔重新点亮')]).toEqual(['a.md']);
    // Two characters: fewer than a trigram, found all the same.
    expect([...bodiesContaining(db, '守夜')]).toEqual(['a.md']);
    expect([...bodiesContaining(db, 'one by one')]).toEqual(['b.md']);
    expect([...bodiesContaining(db, 'secret')]).toEqual([]);
    // GLOB's and LIKE's own characters are text here.
    expect([...bodiesContaining(db, '100%')]).toEqual(['c.md']);
    expect([...bodiesContaining(db, 'tea_l')]).toEqual(['c.md']);
    expect([...bodiesContaining(db, '0% off')]).toEqual(['c.md']);
    expect([...bodiesContaining(db, 'a_leaves'.replace('_', '%'))]).toEqual([]);
    expect([...bodiesContaining(db, 'tea*')]).toEqual([]);
    expect([...bodiesContaining(db, '[a-z]')]).toEqual([]);
    expect(isCurrent(db, 'one')).toBe(true);
    expect(isCurrent(db, 'two')).toBe(false);
    db.close();
  });

  it('reads again only what changed, and forgets what is gone', () => {
    const root = folder();
    const file = path.join(tempFolder(), 'bodies.sqlite');
    let db = openBodyIndex(file)!;
    const read: number[] = [];
    syncBodyIndex(db, root, filesOf(root, ['a.md', 'b.md', 'c.md']), 'one', (done, total) =>
      read.push(total),
    );
    expect(read.at(-1)).toBe(3);
    db.close();
    writeFileSync(path.join(root, 'b.md'), article('B', '<p>A lighthouse keeper.</p>'));
    db = openBodyIndex(file)!;
    const again: number[] = [];
    const files = filesOf(root, ['a.md', 'b.md']);
    syncBodyIndex(db, root, files, 'two', (done, total) => again.push(total));
    // One file changed (its stamp), one gone: only the changed one was read.
    expect(again).toEqual([1]);
    expect([...bodiesContaining(db, 'harbour')]).toEqual([]);
    expect([...bodiesContaining(db, 'lighthouse')]).toEqual(['b.md']);
    expect([...bodiesContaining(db, 'tea')]).toEqual([]);
    db.close();
  });

  it('starts again from a damaged file', () => {
    const file = path.join(tempFolder(), 'bodies.sqlite');
    writeFileSync(file, 'not a database at all, just some words that are long enough');
    const db = openBodyIndex(file);
    expect(db).not.toBeNull();
    expect(isCurrent(db!, 'x')).toBe(false);
    db!.close();
  });

  it('answers searches as reading every body does, and keeps up as the folder changes', async () => {
    const root = folder();
    const cache = tempFolder();
    const index = new IndexCache(path.join(cache, 'index'));
    const search = async (query: string) => {
      const corpus = await loadCorpus(root, { index });
      const index_ = new BodyIndex(bodyIndexFile(cache, root), corpus);
      let asked = 0;
      const bodies = {
        bodiesWith: async (texts: readonly string[]) => {
          const found = await index_.bodiesWith(texts);
          if (found) asked++;
          return found;
        },
      };
      const withIndex = await searchArticles(corpus.articles, query, { bodies });
      // The index answered; reading every body gives the same.
      expect(asked, query).toBe(1);
      const byReading = await searchArticles(corpus.articles, query);
      expect(
        withIndex.map((a) => a.path),
        query,
      ).toEqual(byReading.map((a) => a.path));
      return withIndex.map((a) => a.path);
    };
    expect(await search('灯塔')).toEqual(['a.md']);
    expect(await search('harbour -守夜')).toEqual(['b.md']);
    expect((await search('a -harbour')).sort()).toEqual(['a.md', 'c.md']);
    expect(existsSync(bodyIndexFile(cache, root))).toBe(true);
    writeFileSync(path.join(root, 'd.md'), article('D', '<p>New harbour news.</p>'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'd.md'), later, later);
    unlinkSync(path.join(root, 'b.md'));
    expect(await search('harbour')).toEqual(['d.md']);
  });
});

describe('body search without SQLite', () => {
  it('reads the bodies when the index cannot be had', async () => {
    const root = folder();
    const corpus = await loadCorpus(root);
    const unavailable = { bodiesWith: async () => null };
    const found = await searchArticles(corpus.articles, '灯塔', { bodies: unavailable });
    expect(found.map((a) => a.path)).toEqual(['a.md']);
    rmSync(root, { recursive: true, force: true });
  });
});

describe.runIf(bodyIndexAvailable())('list --search with the body index', () => {
  it('builds the index in a worker on the first search, and follows the folder after', async () => {
    const { runCli } = await import('./helpers.js');
    const root = folder();
    const cache = tempFolder();
    const env = { XDG_CACHE_HOME: cache };
    const titles = async (query: string) =>
      (await runCli(['list', root, '--search', query], { env })).stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[2]);
    expect(await titles('守夜')).toEqual(['A']);
    expect(existsSync(path.join(cache, 'broadsheet', 'bodies'))).toBe(true);
    writeFileSync(path.join(root, 'c.md'), article('C', '<p>守夜的人</p>'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'c.md'), later, later);
    expect(await titles('守夜')).toEqual(['A', 'C']);
  });
});

describe.runIf(bodyIndexAvailable())('the body index when things go wrong', () => {
  it('reads the bodies when the cache folder cannot be made', async () => {
    const root = folder();
    const blocker = path.join(tempFolder(), 'a-file');
    writeFileSync(blocker, '');
    const corpus = await loadCorpus(root);
    const bodies = new BodyIndex(bodyIndexFile(blocker, root), corpus);
    expect(await bodies.bodiesWith(['灯塔'])).toBeNull();
    const found = await searchArticles(corpus.articles, '灯塔', { bodies });
    expect(found.map((a) => a.path)).toEqual(['a.md']);
  });

  it('is not brought up to date from a list of some of the articles only', async () => {
    const root = folder();
    const corpus = await loadCorpus(root);
    const file = bodyIndexFile(tempFolder(), root);
    const harbour = new Map([['harbour', new Set(['b.md'])]]);
    expect(await new BodyIndex(file, corpus).bodiesWith(['harbour'])).toEqual(harbour);
    // The newest articles, shown before the folder's index is read: the bodies are read instead.
    const newest = { root: corpus.root, articles: corpus.articles.slice(0, 1), problems: [] };
    expect(await new BodyIndex(file, newest).bodiesWith(['harbour'])).toBeNull();
    // And the index still knows every file.
    expect(await new BodyIndex(file, corpus).bodiesWith(['harbour'])).toEqual(harbour);
  });

  it('keeps one row a file when two connections bring the same index up to date', () => {
    const root = folder();
    const file = path.join(tempFolder(), 'bodies.sqlite');
    const one = openBodyIndex(file)!;
    const two = openBodyIndex(file)!;
    const files = filesOf(root, ['a.md', 'b.md', 'c.md']);
    // The second connection meets every file already there, at another stamp: each is replaced, none doubled.
    syncBodyIndex(one, root, files, null);
    syncBodyIndex(
      two,
      root,
      files.map((f) => ({ ...f, stamp: `${f.stamp}:again` })),
      null,
    );
    expect([...bodiesContaining(one, '灯塔')]).toEqual(['a.md']);
    expect(one.prepare('SELECT count(*) AS n FROM files').get()).toEqual({ n: 3 });
    expect(one.prepare('SELECT count(*) AS n FROM bodies').get()).toEqual({ n: 3 });
    one.close();
    two.close();
  });
});
