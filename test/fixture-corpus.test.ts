import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/article.js';
import { loadCorpus } from '../src/corpus/load.js';
import { expectWellSet } from './corpus-checks.js';
import { fixtureCorpus, useTimeZone } from './helpers.js';

/**
 * The fixture articles, each written to carry one or more traits of the real
 * RSS-to-Hexo archives, and what each must read as. Zone-less dates are read
 * in Asia/Shanghai here, away from UTC, to show that they are local time.
 */
const EXPECTED: Record<string, Record<string, unknown>> = {
  '000_4f1c2a9e7b3d5c60.txt': {
    title: '港口新航线开通首日见闻',
    date: '2021-11-16T21:10:14.000Z',
    categories: [['新闻', '晨报', 'source']],
    author: '晨报',
    image: 'http://img.example.com/202111/harbour_a_1024.jpg',
    meta: { comments: false },
    problems: [],
  },
  '001.md': { date: '2021-11-17T00:30:00.000Z', categories: [['新闻', '城市', '交通']] },
  '002.md': {
    title: '2015',
    date: '2015-12-31T00:00:00.000Z',
    categories: [['编程', '学术 - 年度人物']],
    author: '学术 - 年度人物',
    problems: [expect.stringMatching(/^bad YAML \(fields read line by line\)/)],
  },
  '003.md': {
    dateFromFile: true,
    problems: ['unreadable date: Invalid Date'],
    image: 'https://pictures.example.net/attachment/202201/17/lighthouse_cover.jpg',
  },
  '004.md': { title: 'TypeScript 泛型入门：从 Array<T> 说起', problems: [] },
  '005.md': { categories: [['科技', '视频', '科普']], problems: [] },
  '006.md': {
    title: 'Markdown notes on tmux',
    date: '2021-08-06T18:22:05.000Z',
    categories: [['Programming', 'Terminal']],
    tags: ['tmux', 'terminal'],
    format: 'markdown',
  },
  '007.md': {
    title: '旧网站导出的文章',
    author: '老站长',
    categories: [['生活', '旧档案', '随笔']],
    problems: [],
  },
  '008.md': { title: '替换字符\ufffd在正文里保留', problems: [] },
  '009.md': {
    title: 'CRLF and a BOM: Windows notes',
    date: '2021-11-18T01:15:00.000Z',
    updated: '2021-11-19T10:00:00.000Z',
    categories: [['Windows']],
    tags: ['windows'],
    author: 'Sam Ortiz',
    link: 'https://blog.example.com/crlf-and-bom',
  },
  '010.md': {
    date: '2021-06-29T16:00:00.000Z',
    categories: [['Life', 'Garden'], ['Reading']],
    tags: ['gardening'],
    image: 'https://pictures.example.net/garden.jpg',
  },
  '011.md': { title: '011', dateFromFile: true, problems: ['front matter has no closing ---'] },
  '012.html': {
    title: 'Ownership in one page',
    categories: [
      ['Programming', 'Rust'],
      ['Reading', 'Notes'],
    ],
    format: 'html',
  },
  '013.md': { title: '长文：一座港口城市的百年变迁', categories: [['新闻', '晨报', '专题']] },
  '014.md': { title: '社区公告：新功能上线', categories: [['新闻', '社区', '公告']], problems: [] },
};

describe('the fixture corpus', () => {
  useTimeZone('Asia/Shanghai');
  let corpus: Corpus;
  beforeAll(async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    corpus = await loadCorpus(fixtureCorpus);
    process.env.TZ = saved;
  });

  it('lists every article file, and not the text file without front matter', () => {
    const files = readdirSync(fixtureCorpus).filter((name) => name !== 'notes.txt');
    expect(corpus.articles.map((a) => a.path).sort()).toEqual(files.sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(EXPECTED))('%s reads as its front matter says', (file, fields) => {
    const article = corpus.articles.find((a) => a.path === file)!;
    const shown = {
      ...article,
      date: new Date(article.date).toISOString(),
      updated: article.updated === null ? null : new Date(article.updated).toISOString(),
    };
    expect(shown).toMatchObject(fields);
    if (!('dateFromFile' in fields)) expect(article.dateFromFile).toBe(false);
  });

  it('reports the broken files and nothing else', () => {
    expect(corpus.problems.map((p) => p.path)).toEqual(['002.md', '003.md', '011.md']);
  });
});

describe.each([40, 80])('every fixture article at %i columns', (width) => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(fixtureCorpus);
  });
  it.each(Object.keys(EXPECTED))('%s reads as a well-set article', async (file) => {
    await expectWellSet(
      corpus.articles.find((a) => a.path === file)!,
      width,
    );
  });
});
