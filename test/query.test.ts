import { describe, expect, it } from 'vitest';
import type { Article } from '../src/corpus/article.js';
import { groupByDate } from '../src/query/group.js';
import { rowAt } from '../src/ui/list-rows.js';
import { matchesQuery } from '../src/query/match.js';
import { needsBody, parseQuery } from '../src/query/parse.js';
import { makeArticle, useTimeZone } from './helpers.js';

const article = makeArticle;

const rust = article({
  title: 'Rust 编译器新版本发布',
  author: '代码周刊',
  categories: [['科技', '开源', '发布']],
  tags: ['rust', 'release'],
  date: Date.UTC(2026, 10, 18),
});
const matches = (
  query: string,
  a: Article = rust,
  body = 'incremental compilation got faster 增量编译',
) => matchesQuery(parseQuery(query), { article: a, bodyHas: (text) => body.includes(text) });

describe('the search language', () => {
  it('ANDs words over title, author, categories, tags and body, case-insensitively', () => {
    expect(matches('rust')).toBe(true);
    expect(matches('RUST 编译器')).toBe(true);
    expect(matches('周刊')).toBe(true);
    expect(matches('开源')).toBe(true);
    expect(matches('release')).toBe(true);
    expect(matches('增量')).toBe(true);
    expect(matches('rust python')).toBe(false);
  });
  it('matches quoted phrases as a whole', () => {
    expect(matches('"compilation got"')).toBe(true);
    expect(matches('"got compilation"')).toBe(false);
  });
  it('negates with a minus', () => {
    expect(matches('-python')).toBe(true);
    expect(matches('rust -faster')).toBe(false);
  });
  it('reads field terms', () => {
    expect(matches('cat:开源')).toBe(true);
    expect(matches('cat:科技/开源')).toBe(true);
    expect(matches('cat:生活')).toBe(false);
    expect(matches('tag:rust')).toBe(true);
    expect(matches('tag:go')).toBe(false);
    expect(matches('author:代码')).toBe(true);
    expect(matches('title:编译器')).toBe(true);
    expect(matches('title:faster')).toBe(false);
    expect(matches('-tag:rust')).toBe(false);
  });
  it('reads after: and before: as dates', () => {
    expect(matches('after:2026-11-01')).toBe(true);
    expect(matches('before:2026-11-01')).toBe(false);
    expect(matches('after:2026-11-01 before:2026-12-01')).toBe(true);
  });
  it('ignores a half-typed date and an unknown field is text', () => {
    const query = parseQuery('after:2026-1 http://x.example');
    expect(query.ignored).toEqual([{ term: 'after:2026-1', why: 'not a date: 2026-1' }]);
    expect(query.terms).toEqual([{ kind: 'text', text: 'http://x.example', negated: false }]);
  });
  it('says when a body is needed', () => {
    expect(needsBody(parseQuery('tag:rust title:x'))).toBe(false);
    expect(needsBody(parseQuery('rust'))).toBe(true);
  });
  it('matches fields without a body', () => {
    expect(matchesQuery(parseQuery('rust'), { article: rust })).toBe(true);
    expect(matchesQuery(parseQuery('增量'), { article: rust })).toBe(false);
  });
});

describe('groupByDate', () => {
  useTimeZone('Europe/Berlin');

  it('groups newest-first articles into Today, Yesterday, This week, then months', () => {
    // Thursday 26 November 2026, 12:00 in Berlin.
    const now = new Date(2026, 10, 26, 12).getTime();
    const dates = [
      new Date(2026, 10, 27, 9), // tomorrow
      new Date(2026, 10, 26, 8),
      new Date(2026, 10, 26, 0, 30),
      new Date(2026, 10, 25, 23),
      new Date(2026, 10, 23, 10), // Monday
      new Date(2026, 10, 22, 10), // Sunday: last week
      new Date(2026, 9, 1),
      new Date(2025, 9, 1),
    ];
    const grouped = groupByDate(
      dates.map((d) => d.getTime()),
      now,
    );
    const rows = Array.from({ length: grouped.rowCount }, (_, row) => rowAt(grouped, row));
    const rowOfArticle = Array.from(grouped.rowOfArticle);
    expect(rows.map((r) => (r.kind === 'heading' ? r.label : r.index))).toEqual([
      'Upcoming',
      0,
      'Today',
      1,
      2,
      'Yesterday',
      3,
      'This week',
      4,
      'November 2026',
      5,
      'October 2026',
      6,
      'October 2025',
      7,
    ]);
    expect(rowOfArticle).toEqual([1, 3, 4, 6, 8, 10, 12, 14]);
  });
});

describe('a filter that only narrows', () => {
  it('never claims to narrow when the longer filter could match more', async () => {
    const fc = (await import('fast-check')).default;
    const { onlyNarrows } = await import('../src/query/narrow.js');
    const { loadCorpus } = await import('../src/corpus/load.js');
    const { demoCorpus } = await import('./helpers.js');
    const { articles } = await loadCorpus(demoCorpus);
    const piece = fc.constantFrom(
      't',
      'i',
      'e',
      'r',
      'a',
      'title',
      'tag:',
      'cat:',
      ':',
      ' ',
      '-',
      '"',
      '终端',
      'author:',
      'e ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        (start, more) => {
          const before = start.join('');
          const after = before + more.join('');
          if (!onlyNarrows(before, after)) return;
          const wide = parseQuery(before);
          const narrow = parseQuery(after);
          for (const a of articles) {
            if (matchesQuery(narrow, { article: a }))
              expect(matchesQuery(wide, { article: a }), `${before} → ${after}`).toBe(true);
          }
        },
      ),
      { numRuns: 400, seed: 7 },
    );
    expect(onlyNarrows('rus', 'rust')).toBe(true);
    expect(onlyNarrows('title', 'title:x')).toBe(false);
    expect(onlyNarrows('rust', 'rust -go')).toBe(false);
  });
});

describe('the narrowing filter', () => {
  it('finds, keystroke by keystroke, what a filter over every article finds', async () => {
    const { expectNarrowingAgrees } = await import('./corpus-checks.js');
    const { loadCorpus } = await import('../src/corpus/load.js');
    const { fixtureCorpus, demoCorpus } = await import('./helpers.js');
    const articles = [
      ...(await loadCorpus(fixtureCorpus)).articles,
      ...(await loadCorpus(demoCorpus)).articles,
    ];
    const keys = ['z', 'a', 'k', 'e', 'r', ':', ' ', '-', '"', 't', 'i', 'l', 'c', 'g', '新', '闻', '晨', '编', '程', 'tag', 'cat', 'title', 'author', '2021']; // prettier-ignore
    expectNarrowingAgrees(articles, keys, 300);
  });
});

describe('article columns', () => {
  it('filter within a category, and answer before their fields are all built', async () => {
    const { narrowingFilter } = await import('../src/query/narrow.js');
    const { ArticleColumns } = await import('../src/query/columns.js');
    const { inCategory: matchesCategory } = await import('../src/query/filter.js');
    const { loadCorpus } = await import('../src/corpus/load.js');
    const { fixtureCorpus } = await import('./helpers.js');
    const { articles } = await loadCorpus(fixtureCorpus);
    // Many articles, so one stretch of building cannot finish them all.
    const many = Array.from({ length: 200 }, () => articles).flat();
    const columns = new ArticleColumns(many);
    columns.build(10);
    expect(columns.complete).toBe(false);
    const category = many.find((a) => a.categories[0]?.length)!.categories[0]![0]!;
    const inCategory = columns.where(matchesCategory(category));
    expect(inCategory.length).toBeGreaterThan(0);
    expect(inCategory.length).toBeLessThan(many.length);
    const filter = narrowingFilter();
    for (const source of ['a', 'an', 'and', 'and -e', 'after:2021-01-01']) {
      const query = parseQuery(source);
      const expected = many.filter(
        (article) => matchesCategory(category)(article) && matchesQuery(query, { article }),
      );
      const found = columns.listing(filter(columns, inCategory, source, query)).articles;
      expect(found, source).toEqual(expected);
    }
    expect(columns.complete).toBe(true);
  });

  it('finds titles at the ends of each run of titles, and in titles that lower-case longer', async () => {
    const { ArticleColumns } = await import('../src/query/columns.js');
    const { makeArticle } = await import('./helpers.js');
    const special: Record<number, string> = {
      0: 'Needle first',
      4095: 'last of a run: NEEDLE',
      4096: 'needle opens the next',
      5000: 'İstanbul İİ needle',
      5001: 'after the long one: needle',
      9000: 'the last needle',
    };
    const many = Array.from({ length: 9001 }, (_, i) =>
      makeArticle({ path: `${i}.md`, title: special[i] ?? `Title ${i} i̇ne` }),
    );
    const expected = (source: string, from: number[]) =>
      from.filter((i) => matchesQuery(parseQuery(source), { article: many[i]! }));
    const columns = new ArticleColumns(many);
    const all = many.map((_, i) => i);
    // Few candidates are tested one title at a time; many by one search of each run.
    const few = [0, 17, 4095, 4096, 4097, 5000, 5001, 9000];
    for (const source of ['needle', 'İstanbul', 'i̇i̇ needle', 'i̇ne', 'title 4095', 'needle first']) {
      const query = parseQuery(source);
      expect([...columns.match(query, null)], source).toEqual(expected(source, all));
      expect([...columns.match(query, Int32Array.from(few))], source).toEqual(
        expected(source, few),
      );
    }
  });
});
