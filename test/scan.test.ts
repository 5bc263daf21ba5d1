import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { joinPath } from '../src/corpus/file-path.js';
import { scanFolder, scannedFiles } from '../src/corpus/scan.js';
import { tempCorpus } from './helpers.js';

const post = (title: string, date = '2021-01-01 10:00') =>
  `---\ntitle: ${title}\ndate: ${date}\n---\nbody\n`;

describe('scanFolder', () => {
  it('finds article files recursively and skips hidden folders and node_modules', async () => {
    const root = tempCorpus({
      'a.md': post('a'),
      'sub/deeper/b.markdown': post('b'),
      'c.html': '<h1>c</h1>',
      'd.htm': '<h1>d</h1>',
      'e.txt': post('e'),
      'image.png': 'not an article',
      '.hidden/x.md': post('x'),
      'node_modules/pkg/readme.md': post('y'),
      '.dotfile.md': post('z'),
    });
    const files = [...scannedFiles(await scanFolder(root))];
    expect(files.map(({ file }) => path.relative(root, file).split(path.sep).join('/'))).toEqual(
      files.map(({ relative }) => relative),
    );
    expect(files.map(({ relative }) => relative).sort()).toEqual([
      'a.md',
      'c.html',
      'd.htm',
      'e.txt',
      'sub/deeper/b.markdown',
    ]);
  });

  it('visits a symlink loop once and follows links to folders', async () => {
    const root = tempCorpus({ 'real/a.md': post('a') });
    symlinkSync(root, path.join(root, 'real/loop'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    const scan = await scanFolder(root);
    const { problems } = scan;
    expect([...scannedFiles(scan)]).toHaveLength(1);
    expect(scan.count).toBe(1);
    expect(problems).toEqual([]);
  });

  it('reports a broken link to an article', async () => {
    const root = tempCorpus({ 'a.md': post('a') });
    symlinkSync(path.join(root, 'gone.md'), path.join(root, 'link.md'));
    const { problems } = await scanFolder(root);
    expect(problems).toEqual([{ path: 'link.md', reason: 'broken link: no such file or folder' }]);
  });
});

describe('loadCorpus', () => {
  it('sorts newest first with ties broken by path', async () => {
    const root = tempCorpus({
      'b.md': post('b', '2021-01-01 10:00'),
      'a.md': post('a', '2021-01-01 10:00'),
      'new.md': post('new', '2022-01-01 10:00'),
      'old/z.md': post('z', '2020-01-01 10:00'),
    });
    const corpus = await loadCorpus(root);
    expect(corpus.articles.map((a) => a.path)).toEqual(['new.md', 'a.md', 'b.md', 'old/z.md']);
  });

  it('lists broken files, skips empty and binary ones, and reports each once', async () => {
    const root = tempCorpus({
      'good.md': post('good'),
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nbody',
      'unclosed.md': '---\ntitle: never closed\nbody',
      'empty.md': '',
      'binary.md': new Uint8Array([0, 1, 2, 3, 255]),
    });
    mkdirSync(path.join(root, 'loop'));
    symlinkSync(root, path.join(root, 'loop/again'));
    const corpus = await loadCorpus(root);
    expect(corpus.articles.map((a) => a.path).sort()).toEqual([
      'bad-yaml.md',
      'good.md',
      'unclosed.md',
    ]);
    expect(corpus.problems.map((p) => p.path)).toEqual([
      'bad-yaml.md',
      'binary.md',
      'empty.md',
      'unclosed.md',
    ]);
    const unclosed = corpus.articles.find((a) => a.path === 'unclosed.md')!;
    expect(unclosed.title).toBe('unclosed');
  });
});

describe('joinPath', () => {
  it('joins each folder to its own files, however the folders alternate', () => {
    const asked: [string, string][] = [
      ['/srv/news', 'a.md'],
      ['/srv/news', '2021/b.md'],
      ['/srv/other/', 'c.md'],
      ['/srv/news', 'd.md'],
      ['/', 'e.md'],
    ];
    for (const [folder, relative] of asked)
      expect(joinPath(folder, relative)).toBe(path.join(folder, relative));
  });
});
