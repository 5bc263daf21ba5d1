import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { displayWidth } from '../../src/text/width.js';
import { expectNarrowingAgrees, expectWellSet } from '../corpus-checks.js';
import { hasRealCorpus, realCorpus, runCli, runShell } from '../helpers.js';

/**
 * The second suite: every test here runs over the real articles of public
 * RSS-to-Hexo archives in ../shared/corpus/real, when they are beside the
 * project (as in CI). Without them, the run says so in one line and these are
 * skipped; with them, they never pass over fewer than all 62.
 */
const files = hasRealCorpus
  ? readdirSync(realCorpus)
      .filter((f) => f !== 'SOURCES.tsv')
      .sort()
  : [];

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

/** Zone-less dates are local time: this suite reads them in a zone away from UTC to prove it. */
function expectedInstant(date: string): number | null {
  const local = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(date);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
    return new Date(y!, mo! - 1, d!, h!, mi!, s!).getTime();
  }
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : time;
}

describe.runIf(hasRealCorpus)('the real corpus', () => {
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

  it('lists every file, all 62 or more of them', () => {
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

describe.runIf(hasRealCorpus).each([40, 80])('every real article at %i columns', (width) => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(realCorpus);
  });
  it.each(files)('%s reads as a well-set article', async (file) => {
    await expectWellSet(
      corpus.articles.find((a) => a.path === file)!,
      width,
    );
  });
});

describe.runIf(hasRealCorpus)('the command line on the real corpus', () => {
  it('lists every real article with its title, ISO date and category path as JSON', async () => {
    const result = await runCli(['list', '--json', realCorpus]);
    expect(result.code).toBe(0);
    const articles = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(articles).toHaveLength(files.length);
    for (const article of articles) {
      expect(article.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(article.title).not.toBe('');
    }
    const seed = articles.find((a) => String(a.path).startsWith('000_'))!;
    expect(seed).toMatchObject({
      title: '中美元首视频会晤现场细节意味深长',
      date: '2021-11-16T21:10:14.000Z',
      categories: [['新媒体', 'ZAKER', 'source']],
      meta: { comments: false },
    });
  });

  it('renders every real article with cat --all, exit 0', async () => {
    const result = await runCli(['cat', '--all', '--width', '50', realCorpus]);
    expect(result.code).toBe(0);
    const separators = result.stdout.split('\n').filter((line) => line === '─'.repeat(50));
    expect(separators).toHaveLength(files.length - 1);
  });

  it('prints the seed article with its header, unwrapped picture and references', async () => {
    const result = await runCli(['cat', '--width', '60', path.join(realCorpus, files[0]!)]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('中美元首视频会晤现场细节意味深长');
    expect(lines[1]).toBe('2021-11-16 21:10 · 新媒体/ZAKER/source · ZAKER');
    // Every line fits, but the references: for a pipe, each URL is whole on its line.
    for (const line of lines.filter((line) => !/^ *\[\d+\] \S+$/.test(line)))
      expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(result.stdout).toMatch(/^\[1\] http:\/\/zkres1\.myzaker\.com\/202111\/\S+_1024\.jpg$/m);
    expect(result.stdout).not.toContain('cors.zfour');
  });

  it('ends quietly with 0 when the reader closes the pipe', async () => {
    const result = await runShell('set -o pipefail; broadsheet cat --all "$1" | head -n 3', [
      realCorpus,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(4);
  });
});

describe.runIf(hasRealCorpus)('searching a real article in the reader', () => {
  it('finds a phrase in 038 at every width, wherever its line breaks', async () => {
    const { articleLines, bodyToDoc, layoutArticle } = await import('../../src/render/article.js');
    const { expandPictures } = await import('../../src/ui/pictures.js');
    const { findMatches } = await import('../../src/ui/find.js');
    const { readArticleBody } = await import('../../src/corpus/body.js');
    const { articles } = await loadCorpus(realCorpus);
    const article = articles.find((candidate) => candidate.path === '038.md')!;
    const doc = await bodyToDoc(article, readArticleBody(article));
    const cut: number[] = [];
    for (let width = 20; width <= 100; width++) {
      const rows = expandPictures(articleLines(layoutArticle(article, doc, width)), null, width);
      const matches = findMatches(rows, '上线后的战绩');
      expect(matches.length, `at ${width} columns`).toBeGreaterThanOrEqual(1);
      if (matches.some((match) => match.parts.length > 1)) cut.push(width);
    }
    // At some widths the phrase is cut by a line end: those are the ones that count.
    expect(cut.length).toBeGreaterThan(0);
  });
});

describe.runIf(hasRealCorpus)('widths and filters over the real corpus', () => {
  it('agree with string-width on every line', async () => {
    const { default: stringWidth } = await import('string-width');
    const lines = files.flatMap((file) =>
      readFileSync(path.join(realCorpus, file), 'utf8')
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
        .split('\n'),
    );
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.filter((line) => displayWidth(line) !== stringWidth(line))).toEqual([]);
  });

  it('find, keystroke by keystroke, what a filter over every article finds', async () => {
    const { articles } = await loadCorpus(realCorpus);
    const keys = ['z', 'a', 'k', 'e', 'r', ':', ' ', '-', '"', 't', 'i', 'l', 'c', 'g', '新', '媒', '体', '编', '程', 'tag', 'cat', 'title', 'author', '2021']; // prettier-ignore
    expectNarrowingAgrees(articles, keys, 200);
  });
});
