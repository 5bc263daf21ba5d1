import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BodyIndex,
  bodiesContaining,
  bodyIndexAvailable,
  bodyIndexFile,
  isCurrent,
  openBodyIndex,
  syncBodyIndex,
  type BodyBatch,
} from '../src/corpus/body-index.js';
import { IndexCache } from '../src/corpus/index-cache.js';
import { loadCorpus } from '../src/corpus/load.js';
import { searchArticles } from '../src/query/search.js';
import { article, bodyFolder, filesOf, paths, recorded, searchBoth } from './body-folder.js';
import { runMain, tempCorpus, tempFolder } from './helpers.js';

describe.runIf(bodyIndexAvailable())('the body index (SQLite FTS5, trigram)', () => {
  it('finds substrings of any length, CJK and Latin, across inline tags, never in scripts', async () => {
    const root = bodyFolder();
    const db = openBodyIndex(path.join(tempFolder(), 'bodies.sqlite'))!;
    await syncBodyIndex(db, root, filesOf(root, ['a.md', 'b.md', 'c.md']), 'one');
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
    expect(isCurrent(db, 'one', 3)).toBe(true);
    expect(isCurrent(db, 'two', 3)).toBe(false);
    expect(isCurrent(db, 'one', 4)).toBe(false);
    db.close();
  });

  it('reads again only what changed, and forgets what is gone', async () => {
    const root = bodyFolder();
    const file = path.join(tempFolder(), 'bodies.sqlite');
    let db = openBodyIndex(file)!;
    const read: number[] = [];
    await syncBodyIndex(db, root, filesOf(root, ['a.md', 'b.md', 'c.md']), 'one', (_, total) =>
      read.push(total),
    );
    expect(read.at(-1)).toBe(3);
    db.close();
    writeFileSync(path.join(root, 'b.md'), article('B', '<p>A lighthouse keeper.</p>'));
    db = openBodyIndex(file)!;
    const again: number[] = [];
    await syncBodyIndex(db, root, filesOf(root, ['a.md', 'b.md']), 'two', (_, total) =>
      again.push(total),
    );
    // One file changed (its stamp), one gone: only the changed one was read.
    expect(again).toEqual([1]);
    expect([...bodiesContaining(db, 'harbour')]).toEqual([]);
    expect([...bodiesContaining(db, 'lighthouse')]).toEqual(['b.md']);
    expect([...bodiesContaining(db, 'tea')]).toEqual([]);
    db.close();
  });

  it('starts again from a file that is no database', () => {
    const file = path.join(tempFolder(), 'bodies.sqlite');
    writeFileSync(file, 'not a database at all, just some words that are long enough');
    const db = openBodyIndex(file);
    expect(db).not.toBeNull();
    expect(isCurrent(db!, 'x')).toBe(false);
    db!.close();
  });

  it('answers searches as reading every body does, and keeps up as the folder changes', async () => {
    const root = bodyFolder();
    const cache = tempFolder();
    const index = new IndexCache(path.join(cache, 'index'));
    const file = bodyIndexFile(cache, root);
    const search = async (query: string) => {
      const { found, fromIndex } = await searchBoth(await loadCorpus(root, { index }), query, file);
      expect(fromIndex, query).toBe(true);
      return found;
    };
    expect(await search('灯塔')).toEqual(['a.md']);
    expect(await search('harbour -守夜')).toEqual(['b.md']);
    expect((await search('a -harbour')).sort()).toEqual(['a.md', 'c.md']);
    expect(existsSync(file)).toBe(true);
    writeFileSync(path.join(root, 'd.md'), article('D', '<p>New harbour news.</p>'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'd.md'), later, later);
    unlinkSync(path.join(root, 'b.md'));
    expect(await search('harbour')).toEqual(['d.md']);
  });

  it('keeps one row a file when two connections bring the same index up to date', async () => {
    const root = bodyFolder();
    const file = path.join(tempFolder(), 'bodies.sqlite');
    const one = openBodyIndex(file)!;
    const two = openBodyIndex(file)!;
    const files = filesOf(root, ['a.md', 'b.md', 'c.md']);
    // The second connection meets every file already there, at another stamp: each is replaced, none doubled.
    await syncBodyIndex(one, root, files, null);
    await syncBodyIndex(
      two,
      root,
      files.map((f) => ({ ...f, stamp: `${f.stamp}:again` })),
      null,
    );
    expect([...bodiesContaining(one, '灯塔')]).toEqual(['a.md']);
    expect({ ...(one.prepare('SELECT count(*) AS n FROM files').get() as object) }).toEqual({
      n: 3,
    });
    expect({ ...(one.prepare('SELECT count(*) AS n FROM bodies').get() as object) }).toEqual({
      n: 3,
    });
    one.close();
    two.close();
  });

  it('gives the same answers as reading the bodies, for any bodies and words', async () => {
    const word = fc.constantFrom(
      '灯塔',
      '守夜',
      'harbour',
      'one',
      'tea',
      'a',
      'lights',
      '点亮',
      '%',
      'x',
    );
    const body = fc
      .array(
        fc.oneof(
          word,
          fc.constantFrom(
            '<p>',
            '</p>',
            '<b>',
            '</b>',
            ' ',
            '&amp;',
            '<script>one</script>',
            '<img alt="lights" src="x.png">',
            '<!-- tea -->',
            '<pre>Vec<T></pre>',
          ),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    const query = fc
      .array(fc.tuple(fc.boolean(), word), { minLength: 1, maxLength: 3 })
      .map((terms) => terms.map(([not, w]) => `${not ? '-' : ''}${w}`).join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 5 }), query, async (bodies, q) => {
        const root = tempCorpus(
          Object.fromEntries(bodies.map((b, i) => [`p${i}.md`, article(`T${i}`, b)])),
        );
        const { fromIndex } = await searchBoth(
          await loadCorpus(root),
          q,
          path.join(tempFolder(), 'b.sqlite'),
        );
        expect(fromIndex).toBe(true);
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  });
});

describe('body search without SQLite', () => {
  it('reads the bodies when the index cannot be had', async () => {
    const root = bodyFolder();
    const corpus = await loadCorpus(root);
    const unavailable = { bodiesWith: async () => null };
    const found = await searchArticles(corpus.articles, '灯塔', { bodies: unavailable });
    expect(found.map((a) => a.path)).toEqual(['a.md']);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('the body index when things go wrong', () => {
  it('reads the bodies when the cache folder cannot be made', async () => {
    const root = bodyFolder();
    const blocker = path.join(tempFolder(), 'a-file');
    writeFileSync(blocker, '');
    const corpus = await loadCorpus(root);
    const bodies = new BodyIndex(bodyIndexFile(blocker, root), corpus);
    expect(await bodies.bodiesWith(['灯塔'])).toBeNull();
    const found = await searchArticles(corpus.articles, '灯塔', { bodies });
    expect(found.map((a) => a.path)).toEqual(['a.md']);
  });

  it('answers a search from the bodies, and exits 0, when a folder is in the index file’s place', async () => {
    const root = bodyFolder();
    const cache = tempFolder();
    mkdirSync(bodyIndexFile(path.join(cache, 'broadsheet'), path.resolve(root)), {
      recursive: true,
    });
    const result = await runMain(['list', root, '--search', '守夜'], {
      env: { XDG_CACHE_HOME: cache },
    });
    expect(result.stderr).not.toMatch(/EISDIR|Error/);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\t')[2]).toBe('A');
    const corpus = await loadCorpus(root);
    const { found } = await searchBoth(
      corpus,
      '守夜',
      bodyIndexFile(path.join(cache, 'broadsheet'), root),
    );
    expect(found).toEqual(['a.md']);
  });

  it.runIf(bodyIndexAvailable())(
    'is not brought up to date from a list of some of the articles only',
    async () => {
      const root = bodyFolder();
      const corpus = await loadCorpus(root);
      const file = bodyIndexFile(tempFolder(), root);
      const harbour = new Map([['harbour', new Set(['b.md'])]]);
      expect(await new BodyIndex(file, corpus).bodiesWith(['harbour'])).toEqual(harbour);
      // The newest articles, shown before the folder's index is read: the bodies are read instead.
      const newest = { root: corpus.root, articles: corpus.articles.slice(0, 1), problems: [] };
      expect(await new BodyIndex(file, newest).bodiesWith(['harbour'])).toBeNull();
      // And the index still knows every file.
      expect(await new BodyIndex(file, corpus).bodiesWith(['harbour'])).toEqual(harbour);
    },
  );
});

describe.runIf(bodyIndexAvailable())('the body index under attack', () => {
  it.each([
    ['with the folder fingerprinted', true],
    ['without a fingerprint', false],
  ])('is built again when it is deleted while a browser runs (%s)', async (_, fingerprinted) => {
    const root = bodyFolder();
    const cache = tempFolder();
    const corpus = await loadCorpus(
      root,
      fingerprinted ? { index: new IndexCache(path.join(cache, 'index')) } : {},
    );
    expect(corpus.fingerprint ?? null).toEqual(fingerprinted ? expect.any(String) : null);
    const file = bodyIndexFile(path.join(cache, 'bodies'), root);
    // One index for the browser's whole session, as the browser keeps it for a reading of the folder.
    const { bodies, answers } = recorded(file, corpus);
    expect(paths(await searchArticles(corpus.articles, '守夜', { bodies }))).toEqual(['a.md']);
    // The cache folder cleared: every later search still finds, and the index comes back.
    rmSync(path.dirname(file), { recursive: true, force: true });
    expect(paths(await searchArticles(corpus.articles, '守夜', { bodies }))).toEqual(['a.md']);
    expect(paths(await searchArticles(corpus.articles, 'harbour', { bodies }))).toEqual(['b.md']);
    expect(existsSync(file)).toBe(true);
    expect(answers.every((answer) => answer !== null)).toBe(true);
    // Replaced by another file (an index of nothing): noticed too.
    rmSync(path.dirname(file), { recursive: true, force: true });
    openBodyIndex(file)!.close();
    expect(paths(await searchArticles(corpus.articles, '100%', { bodies }))).toEqual(['c.md']);
  });

  it('is built again when it is damaged', async () => {
    const root = bodyFolder();
    const cache = tempFolder();
    const corpus = await loadCorpus(root, { index: new IndexCache(path.join(cache, 'index')) });
    const file = bodyIndexFile(cache, root);
    expect((await searchBoth(corpus, '灯塔', file)).fromIndex).toBe(true);
    // Every page after the first overwritten.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
    expect((await searchBoth(corpus, '灯塔', file)).found).toEqual(['a.md']);
    // Built again: the next search is answered by the index, which is whole.
    expect(await searchBoth(corpus, 'harbour', file)).toEqual({ found: ['b.md'], fromIndex: true });
    const db = openBodyIndex(file)!;
    expect(db.prepare('PRAGMA quick_check').all()).toEqual([{ quick_check: 'ok' }]);
    db.close();
  });

  it.each([
    [
      'rows taken out',
      'DELETE FROM bodies WHERE rowid IN (SELECT id FROM files WHERE path = ?1); DELETE FROM files WHERE path = ?1',
    ],
    [
      'bodies taken out',
      'DELETE FROM bodies WHERE rowid IN (SELECT id FROM files WHERE path = ?1)',
    ],
  ])(
    'reads again what is missing from an index with %s and its fingerprint kept',
    async (_, sql) => {
      const root = bodyFolder();
      const cache = tempFolder();
      const corpus = await loadCorpus(root, { index: new IndexCache(path.join(cache, 'index')) });
      const file = bodyIndexFile(cache, root);
      expect((await searchBoth(corpus, 'harbour', file)).found).toEqual(['b.md']);
      const db = openBodyIndex(file)!;
      for (const statement of sql.split('; ')) db.prepare(statement).run('b.md');
      db.close();
      expect(await searchBoth(corpus, 'harbour', file)).toEqual({
        found: ['b.md'],
        fromIndex: true,
      });
    },
  );
});

describe('matches as they are found', () => {
  it('hands over each match once, the calls together the whole answer, with the index and without', async () => {
    const root = tempCorpus(
      Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [
          `${String(i).padStart(2, '0')}.md`,
          article(`T${i}`, `<p>${i % 3 === 0 ? 'harbour' : 'sea'} number ${i}</p>`),
        ]),
      ),
    );
    const cache = tempFolder();
    const corpus = await loadCorpus(root, { index: new IndexCache(path.join(cache, 'index')) });
    const expected = paths(await searchArticles(corpus.articles, 'harbour -"number 3"'));
    expect(expected).toHaveLength(15);
    const sources = [
      null,
      ...(bodyIndexAvailable() ? [new BodyIndex(bodyIndexFile(cache, root), corpus)] : []),
    ];
    for (const bodies of sources) {
      const calls: string[][] = [];
      const answer = await searchArticles(corpus.articles, 'harbour -"number 3"', {
        bodies,
        onFound: (found) => calls.push(paths(found)),
      });
      expect(paths(answer)).toEqual(expected);
      expect(calls.flat().sort()).toEqual([...expected].sort());
      for (const call of calls) expect(call).toEqual([...call].sort());
    }
  });

  it.runIf(bodyIndexAvailable())(
    'knows what the index holds of unchanged files before the changed ones are read',
    async () => {
      const root = bodyFolder();
      const cache = tempFolder();
      const index = new IndexCache(path.join(cache, 'index'));
      const file = bodyIndexFile(cache, root);
      await searchBoth(await loadCorpus(root, { index }), 'x', file);
      writeFileSync(path.join(root, 'd.md'), article('D', '<p>One more harbour.</p>'));
      const corpus = await loadCorpus(root, { index });
      const batches: BodyBatch[] = [];
      const found = await new BodyIndex(file, corpus).bodiesWith(['harbour'], undefined, (batch) =>
        batches.push(batch),
      );
      expect([...found!.get('harbour')!].sort()).toEqual(['b.md', 'd.md']);
      // First what was there (a, b and c), then what was read (d).
      expect(batches.map((batch) => [...batch.paths].sort())).toEqual([
        ['a.md', 'b.md', 'c.md'],
        ['d.md'],
      ]);
      expect(batches.map((batch) => [...batch.found.get('harbour')!])).toEqual([
        ['b.md'],
        ['d.md'],
      ]);
    },
  );

  it.runIf(bodyIndexAvailable())(
    'builds the index in the background, so the first search is answered from it',
    async () => {
      const root = bodyFolder();
      const cache = tempFolder();
      const corpus = await loadCorpus(root, { index: new IndexCache(path.join(cache, 'index')) });
      const file = bodyIndexFile(cache, root);
      const index = new BodyIndex(file, corpus);
      const progress: number[] = [];
      expect(await index.prepare((done) => progress.push(done))).toBe(true);
      expect(progress.at(-1)).toBe(3);
      const db = openBodyIndex(file)!;
      expect(isCurrent(db, corpus.fingerprint!, 3)).toBe(true);
      db.close();
      expect(await index.prepare()).toBe(true);
    },
  );
});
