import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.js';
import type { Corpus } from '../src/corpus/article.js';
import { IndexCache } from '../src/corpus/index-cache.js';
import { FileTable } from '../src/corpus/file-table.js';
import { loadCorpus } from '../src/corpus/load.js';
import { scanFolder, scannedFiles } from '../src/corpus/scan.js';
import { runMain, tempCorpus } from './helpers.js';

const post = (title: string, date = '2021-01-01 10:00') =>
  `---\ntitle: ${title}\ndate: ${date}\ncategories: [A, B]\n---\n<p>${title} body</p>\n`;
const newIndex = () => new IndexCache(mkdtempSync(path.join(tmpdir(), 'broadsheet-index-')));
const titles = (corpus: Corpus) => corpus.articles.map((a) => a.title).sort();

describe('the index of parsed fields', () => {
  it('gives the same corpus warm as cold, and shows it before checking the folder', async () => {
    const root = tempCorpus({
      'a.md': post('Alpha'),
      'b.md': post('Beta'),
      'sub/c.md': post('Gamma'),
      'empty.md': '',
    });
    // A link to nothing: a problem the scan finds, not the index.
    symlinkSync(path.join(root, 'gone.md'), path.join(root, 'b-link.md'));
    const index = newIndex();
    const cold = await loadCorpus(root, { index });
    let early: Corpus | null = null;
    const warm = await loadCorpus(root, { index, onIndexed: (corpus) => (early = corpus) });
    expect(contents(warm)).toEqual(contents(cold));
    // The newest articles are kept apart, in order, for a first screen before the whole index is read.
    expect(index.readNewest(path.resolve(root))).toEqual(cold.articles);
    expect(early).not.toBeNull();
    expect(early!.articles).toEqual(cold.articles);
    // The folder was as the index said: the list shown first is the list, not gathered again.
    expect(warm.articles).toBe(early!.articles);
    expect(warm.problems).toEqual([
      { path: 'b-link.md', reason: 'broken link: no such file or folder' },
      { path: 'empty.md', reason: 'empty file' },
    ]);
  });

  it('gives a fingerprint that stays while the folder does, and a stamp for each file', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha'), 'b.md': post('Beta') });
    const index = newIndex();
    const first = await loadCorpus(root, { index });
    const again = await loadCorpus(root, { index });
    expect(first.fingerprint).toBeTruthy();
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.stamps!().get('a.md')).toMatch(/^\d+:\d+(\.\d+)?$/);
    expect(again.stamps!().get('nothing.md')).toBeUndefined();
    writeFileSync(path.join(root, 'c.md'), post('Gamma'));
    const changed = await loadCorpus(root, { index });
    expect(changed.fingerprint).not.toBe(first.fingerprint);
    // Without an index nothing vouches for the folder.
    expect((await loadCorpus(root)).fingerprint).toBeNull();
    // An index that cannot be written vouches for nothing either.
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-index-')), 'a-file');
    writeFileSync(blocker, '');
    const stuck = new IndexCache(path.join(blocker, 'index'));
    expect((await loadCorpus(root, { index: stuck })).fingerprint).toBeNull();
  });

  it('re-reads changed files and notices new and deleted ones', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha'), 'b.md': post('Beta') });
    const index = newIndex();
    await loadCorpus(root, { index });
    writeFileSync(path.join(root, 'a.md'), post('Alpha, revised'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'a.md'), later, later);
    rmSync(path.join(root, 'b.md'));
    writeFileSync(path.join(root, 'c.md'), post('Charlie'));
    expect(titles(await loadCorpus(root, { index }))).toEqual(['Alpha, revised', 'Charlie']);
  });

  it('is not trusted when it is corrupt, from another version, or for another folder', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha') });
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
    const index = new IndexCache(folder);
    await loadCorpus(root, { index });
    const indexFile = path.join(
      folder,
      readdirSync(folder).find((f) => !f.includes('newest'))!,
    );
    const good = readFileSync(indexFile, 'utf8');
    const [header, names, metas, record] = good.trimEnd().split('\n');
    const zone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
    const headerWith = (fields: object) => JSON.stringify({ ...JSON.parse(header!), ...fields });
    for (const bad of [
      '{"version": 3, "root": ',
      '{"version": 999}',
      [headerWith({ root: '/elsewhere' }), names, metas, record].join('\n'),
      [headerWith({ version: 2 }), names, metas, record].join('\n'),
      // Cut short: the header promises a record that is not there.
      [header, names, metas].join('\n'),
      // Or billions of them: believed no further than the records there are.
      [headerWith({ files: 4e9 }), names, metas, record].join('\n'),
      [headerWith({ files: -1 }), names, metas, record].join('\n'),
      [headerWith({ files: 1.5 }), names, metas, record].join('\n'),
      // A record out of shape voids the whole index.
      [header, names, '[{}]', '["a.md",1,2,"a","x"]'].join('\n'),
      [header, names, metas, record!.slice(0, -3)].join('\n'),
      '[]',
      '',
    ]) {
      writeFileSync(indexFile, bad);
      expect(index.read(root), bad).toBeNull();
      expect(titles(await loadCorpus(root, { index }))).toEqual(['Alpha']);
      // Rebuilt, and trusted again.
      expect(readFileSync(indexFile, 'utf8')).toBe(good);
      expect(index.read(root)).not.toBeNull();
    }
    expect(JSON.parse(header!)).toMatchObject({ version: 6, root, zone, files: 1 });
  });

  it('is read again in another time zone, where zone-less dates mean other instants', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha', '2021-01-01 10:00') });
    const index = newIndex();
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      const tokyo = await loadCorpus(root, { index });
      process.env.TZ = 'America/New_York';
      expect(index.read(root)).toBeNull();
      const newYork = await loadCorpus(root, { index });
      expect(newYork.articles[0]!.date - tokyo.articles[0]!.date).toBe(14 * 3600_000);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('the index in memory', () => {
  it('keeps the objects of unchanged files when a file before them goes or comes', async () => {
    const root = tempCorpus({
      'a.md': post('Alpha'),
      'b.md': post('Beta'),
      'c.md': post('Gamma'),
      'd.md': post('Delta'),
    });
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
    const index = new IndexCache(folder);
    const first = await loadCorpus(root, { index });
    const byTitle = (corpus: Corpus) => new Map(corpus.articles.map((a) => [a.title, a]));
    // The file the scan finds first goes: every other one is found a place earlier than indexed.
    const order = [...scannedFiles(await scanFolder(root))].map((file) => file.relative);
    const gone = first.articles.find((a) => a.path === order[0])!;
    rmSync(path.join(root, order[0]!));
    const fewer = await loadCorpus(root, { index });
    expect(titles(fewer)).toEqual(titles(first).filter((title) => title !== gone.title));
    for (const [title, article] of byTitle(fewer))
      expect(article, title).toBe(byTitle(first).get(title));
    // It comes back, read again; the others are still the objects first read.
    writeFileSync(path.join(root, order[0]!), post('Alpha again'));
    const more = await loadCorpus(root, { index });
    expect(titles(more)).toHaveLength(4);
    for (const [title, article] of byTitle(more))
      if (title !== 'Alpha again') expect(article, title).toBe(byTitle(first).get(title));
    // The file found last changes: those found before it are kept as they were.
    const last = path.join(root, order.at(-1)!);
    writeFileSync(last, post('Omega'));
    utimesSync(last, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const changed = await loadCorpus(root, { index });
    expect(titles(changed)).toEqual(
      titles(more)
        .map((title) =>
          more.articles.find((a) => a.title === title)!.path === order.at(-1) ? 'Omega' : title,
        )
        .sort(),
    );
    for (const [title, article] of byTitle(changed))
      if (title !== 'Omega') expect(article, title).toBe(byTitle(more).get(title));
    // From the index file, in another process, the same.
    expect(contents(await loadCorpus(root, { index: new IndexCache(folder) }))).toEqual(
      contents(changed),
    );
  });

  it('gives the same article objects while its file is unchanged, and reads a changed file again', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha'), 'b.md': post('Beta') });
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
    const index = new IndexCache(folder);
    const first = await loadCorpus(root, { index });
    const again = await loadCorpus(root, { index });
    // Unchanged files keep their objects: a browser checking the folder again sees the same list.
    expect(again.articles).toHaveLength(2);
    again.articles.forEach((article, i) => expect(article).toBe(first.articles[i]));
    // Another process rewrites the index: it is read from disk again, and agrees.
    const other = new IndexCache(folder);
    writeFileSync(path.join(root, 'c.md'), post('Charlie'));
    await loadCorpus(root, { index: other });
    const later = await loadCorpus(root, { index });
    expect(titles(later)).toEqual(['Alpha', 'Beta', 'Charlie']);
    expect(later.articles.find((a) => a.title === 'Alpha')).not.toBe(
      first.articles.find((a) => a.title === 'Alpha'),
    );
  });
});

describe("the table of a folder's files", () => {
  it("makes room as files come, past what it expected, and keeps each one's stamp", () => {
    const table = new FileTable(0);
    for (let i = 0; i < 100; i++)
      table.add(
        `${i}.md`,
        { size: i, changedMs: 1e12 + i + 0.5 },
        { path: `${i}.md`, reason: 'x' },
      );
    expect(table.length).toBe(100);
    expect(table.stampAt(99)).toEqual({ size: 99, changedMs: 1e12 + 99.5 });
    expect(table.stamps().get('17.md')).toBe(`17:${1e12 + 17.5}`);
    const find = table.finder();
    expect([find('5.md', 5), find('7.md', 3), find('none.md', 0)]).toEqual([5, 7, -1]);
  });
});

describe('a large index', () => {
  it('is read back, batch after batch, as the corpus it was written from', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-large-'));
    generateCorpus(root, 1100);
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
    const cold = await loadCorpus(root, { index: new IndexCache(folder) });
    // Another process, with nothing in memory: everything comes from the file.
    const fromFile = new IndexCache(folder).read(path.resolve(root));
    expect(fromFile?.length).toBe(cold.articles.length + cold.problems.length);
    const warm = await loadCorpus(root, { index: new IndexCache(folder) });
    expect(contents(warm)).toEqual(contents(cold));
  });
});

describe('the index, read as data from disk', () => {
  it('lets nothing from a crafted index reach the terminal', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha') });
    const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    await runMain(['list', root], { env: { XDG_CACHE_HOME: cache } });
    const folder = path.join(cache, 'broadsheet', 'index');
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      const crafted = readFileSync(file, 'utf8')
        .replace('"Alpha"', '"\\u001b]52;c;ZXZpbA==\\u0007Alpha\\u001b[2J"')
        .replace('"A"', '"\\u001b]8;;file:///etc\\u001b\\\\A"');
      writeFileSync(file, crafted);
    }
    const result = await runMain(['list', root], { env: { XDG_CACHE_HOME: cache }, cwd: root });
    expect(result.stdout).toMatch(
      /\t\]8;;file:\/\/\/etc\\A\/B\t\]52;c;ZXZpbA==Alpha\[2J\ta\.md\n$/,
    );
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('reads a file again that was rewritten with its size and modification time put back', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha') });
    const index = newIndex();
    const file = path.join(root, 'a.md');
    const when = new Date(2021, 0, 1);
    utimesSync(file, when, when);
    expect(titles(await loadCorpus(root, { index }))).toEqual(['Alpha']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, post('Omega'));
    utimesSync(file, when, when);
    expect(titles(await loadCorpus(root, { index }))).toEqual(['Omega']);
  });
});

describe('the index after a write was killed', () => {
  it('removes the temporary the write left, and nothing else', async () => {
    const root = tempCorpus({ 'a.md': post('Alpha') });
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
    const index = new IndexCache(folder);
    await loadCorpus(root, { index });
    const [file] = readdirSync(folder).filter(
      (name) => name.endsWith('.jsonl') && !name.includes('newest'),
    );
    const leftover = path.join(folder, `${file}.999999999.1700000000000.tmp`);
    writeFileSync(leftover, 'x'.repeat(4096));
    await loadCorpus(root, { index: new IndexCache(folder) });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(folder)).toContain(file);
  });
});

/** What a corpus holds, without what its caches compare (a function, and a stamp of the index file). */
function contents(corpus: Corpus): Pick<Corpus, 'root' | 'articles' | 'problems'> {
  return { root: corpus.root, articles: corpus.articles, problems: corpus.problems };
}
