import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/article.js';
import { loadCorpus } from '../src/corpus/load.js';
import { realCorpus } from './helpers.js';

/**
 * What the file's own front matter says, read independently of the corpus
 * layer: plain line matching, as a person reading the file would.
 */
function ownFrontMatter(file: string) {
  const text = readFileSync(path.join(realCorpus, file), 'utf8');
  const head = /^\s*---\n([\s\S]*?)\n---/.exec(text)![1]!;
  const field = (key: string) =>
    new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(head)?.[1]?.trim() ?? '';
  const raw = field('title');
  const title = /^'.*'$/.test(raw)
    ? raw.slice(1, -1).replace(/''/g, "'")
    : /^"[^"]*"$/.test(raw)
      ? raw.slice(1, -1)
      : raw.replace(/^["']+|["']+$/g, '');
  const categoryBlock = /^categories:[ \t]*\n((?:[ \t]+-.*\n?)+)/m.exec(head)?.[1] ?? '';
  const categories = [...categoryBlock.matchAll(/^[ \t]+-[ \t]*(.*)$/gm)].map((m) => m[1]!.trim());
  return { title, date: field('date'), categories };
}

/** Zone-less dates are local time: this test runs in a zone away from UTC to prove it. */
function expectedInstant(date: string): number | null {
  const local = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(date);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
    return new Date(y!, mo! - 1, d!, h!, mi!, s!).getTime();
  }
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : time;
}

describe('the real corpus', () => {
  const files = readdirSync(realCorpus).sort();
  let corpus: Corpus;
  let savedZone: string | undefined;
  beforeAll(async () => {
    savedZone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    corpus = await loadCorpus(realCorpus);
  });
  afterAll(() => {
    process.env.TZ = savedZone;
  });

  it('lists every file', () => {
    expect(files.length).toBeGreaterThanOrEqual(62);
    expect(corpus.articles.map((a) => a.path).sort()).toEqual(files);
  });

  it.each(files)('%s has the title, date and categories its front matter gives', (file) => {
    const own = ownFrontMatter(file);
    const article = corpus.articles.find((a) => a.path === file)!;
    expect(article.title).toBe(own.title || path.parse(file).name);
    const instant = expectedInstant(own.date);
    if (instant === null) {
      expect(article.dateFromFile).toBe(true);
      expect(article.problems.join()).toMatch(/unreadable date/);
    } else {
      expect(article.dateFromFile).toBe(false);
      expect(article.date).toBe(instant);
    }
    expect(article.categories).toEqual([own.categories]);
  });

  it('reports the files whose YAML is broken, and nothing else but bad dates', () => {
    for (const problem of corpus.problems) {
      expect(problem.reason).toMatch(/^(bad YAML|unreadable date)/);
    }
    expect(corpus.problems.some((p) => p.reason.startsWith('bad YAML'))).toBe(true);
  });

  it('unwraps proxied lead images', () => {
    const seed = corpus.articles.find((a) => a.path.startsWith('000_'))!;
    expect(seed.image).toBe('http://zkres1.myzaker.com/202111/61948711b15ec044a52f3240_1024.jpg');
    expect(seed.author).toBe('ZAKER');
    expect(seed.categories).toEqual([['新媒体', 'ZAKER', 'source']]);
    expect(new Date(seed.date).toISOString()).toBe('2021-11-16T21:10:14.000Z');
  });
});
