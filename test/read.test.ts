import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.js';
import { readArticleFile, type ReadOutcome } from '../src/corpus/read.js';
import { tempCorpus } from './helpers.js';

async function read(name: string, content: string | Uint8Array): Promise<ReadOutcome> {
  const root = tempCorpus({ [name]: content });
  return readArticleFile(root, path.join(root, name));
}

async function article(content: string, name = 'post.md'): Promise<Article> {
  const outcome = await read(name, content);
  if (outcome.kind !== 'article') throw new Error(`expected an article, got ${outcome.kind}`);
  return outcome.article;
}

describe('titles', () => {
  it('uses the title field', async () => {
    expect((await article('---\ntitle: Hello\n---\n')).title).toBe('Hello');
  });
  it('falls back to the first <h1>, then <title>, then a Markdown heading', async () => {
    expect(
      (await article('---\ntitle: ""\n---\n<div><h1>Big <b>news</b> &amp; more</h1></div>')).title,
    ).toBe('Big news & more');
    expect((await article('---\ntitle:\n---\n<html><title>Page</title></html>')).title).toBe(
      'Page',
    );
    expect((await article('---\nauthor: x\n---\nIntro\n\n# The heading\n')).title).toBe(
      'The heading',
    );
  });
  it('falls back to the file name without extension', async () => {
    expect((await article('---\ntitle: \n---\nno heading', 'my-post.markdown')).title).toBe(
      'my-post',
    );
  });
  it('strips control characters and keeps the title on one line', async () => {
    expect((await article('---\ntitle: "a\\e]0;pwned\\u0007b\\nc"\n---\n')).title).toBe(
      'a]0;pwnedb c',
    );
  });
});

describe('dates', () => {
  it('uses the file time when there is no date, and says so', async () => {
    const root = tempCorpus({ 'a.md': '---\ntitle: x\n---\n' });
    const when = new Date('2020-05-06T07:08:09Z');
    utimesSync(path.join(root, 'a.md'), when, when);
    const outcome = await readArticleFile(root, path.join(root, 'a.md'));
    expect(outcome.kind === 'article' && outcome.article.date).toBe(when.getTime());
    expect(outcome.kind === 'article' && outcome.article.dateFromFile).toBe(true);
    expect(outcome.kind === 'article' && outcome.article.problems).toEqual([]);
  });
  it('uses the file time for an unreadable date and records a problem', async () => {
    const a = await article('---\ndate: Invalid Date\n---\n');
    expect(a.dateFromFile).toBe(true);
    expect(a.problems).toEqual(['unreadable date: Invalid Date']);
  });
  it('reads updated as optional', async () => {
    const a = await article(
      '---\ndate: 2021-01-02T03:04:05Z\nupdated: 2021-02-03T04:05:06Z\n---\n',
    );
    expect(new Date(a.date).toISOString()).toBe('2021-01-02T03:04:05.000Z');
    expect(a.dateFromFile).toBe(false);
    expect(a.updated && new Date(a.updated).toISOString()).toBe('2021-02-03T04:05:06.000Z');
    expect((await article('---\ntitle: x\n---\n')).updated).toBeNull();
  });
});

describe('other fields', () => {
  it('reads categories from category too', async () => {
    expect((await article('---\ncategory: News\n---\n')).categories).toEqual([['News']]);
  });
  it('reads author as a string or an object with a name', async () => {
    expect((await article('---\nauthor: Ann\n---\n')).author).toBe('Ann');
    expect((await article('---\nauthor:\n  name: Bo\n---\n')).author).toBe('Bo');
    expect((await article('---\ntitle: x\n---\n')).author).toBeNull();
  });
  it('takes the lead image from headimg, cover, thumbnail, banner, unwrapping a proxy', async () => {
    const a = await article(
      "---\nthumbnail: 'https://t/x.jpg'\nheadimg: 'https://cors.zfour.workers.dev/?http://img.example/a.jpg'\n---\n",
    );
    expect(a.image).toBe('http://img.example/a.jpg');
    expect((await article("---\nthumbnail: ''\nbanner: b.png\n---\n")).image).toBe('b.png');
    expect((await article('---\ntitle: x\n---\n')).image).toBeNull();
  });
  it('takes the link from link, url or permalink', async () => {
    expect((await article('---\npermalink: https://p\nurl: https://u\n---\n')).link).toBe(
      'https://u',
    );
    expect((await article('---\npermalink: https://p\n---\n')).link).toBe('https://p');
  });
  it('keeps keys without a field of their own as meta', async () => {
    const a = await article(
      '---\ntitle: x\ncomments: false\nlayout: post\nthumbnail: t.png\n---\n',
    );
    expect(a.meta).toEqual({ comments: false, layout: 'post' });
  });
  it('decides the body format per file', async () => {
    expect((await article('---\ntitle: x\n---\n\n<div><p>x</p></div>')).format).toBe('html');
    expect((await article('---\ntitle: x\n---\n\n# x\n\n<b>raw</b>')).format).toBe('markdown');
    expect((await article('<p>x</p>', 'a.html')).format).toBe('html');
  });
});

describe('reading files', () => {
  it('drops a UTF-8 BOM and reads CRLF', async () => {
    const a = await article(
      '\ufeff\r\n---\r\ntitle: Crlf\r\ncategories: [A, B]\r\n---\r\nbody\r\n',
    );
    expect(a.title).toBe('Crlf');
    expect(a.categories).toEqual([['A', 'B']]);
  });
  it('decodes GB18030 when the bytes are not UTF-8', async () => {
    // "---\ntitle: 中文\n---\n" in GB18030
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: '),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
      Buffer.from('\n---\n'),
    ]);
    const a = await article(bytes as unknown as string);
    expect(a.title).toBe('中文');
    expect(a.problems).toEqual([]);
  });
  it('lists text that is neither UTF-8 nor GB18030 with a problem', async () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: ok\n---\n'),
      Buffer.from([0xff, 0xff, 0xff]),
    ]);
    const a = await article(bytes as unknown as string);
    expect(a.title).toBe('ok');
    expect(a.problems[0]).toMatch(/not valid UTF-8 or GB18030/);
  });
  it('skips empty and binary files with a problem', async () => {
    expect(await read('empty.md', '')).toEqual({
      kind: 'skipped',
      problem: { path: 'empty.md', reason: 'empty file' },
    });
    expect(await read('blank.md', '\n  \n')).toMatchObject({ kind: 'skipped' });
    expect(await read('bin.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toEqual({
      kind: 'skipped',
      problem: { path: 'bin.md', reason: 'binary file, not an article' },
    });
  });
  it('takes a .txt file only when it opens with front matter', async () => {
    expect((await read('notes.txt', 'just some notes')).kind).toBe('ignored');
    expect((await read('post.txt', '\n---\ntitle: T\n---\nx')).kind).toBe('article');
  });
});
