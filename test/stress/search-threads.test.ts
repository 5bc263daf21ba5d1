import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import type { Article } from '../../src/corpus/article.js';
import { readBody, searchableText } from '../../src/corpus/body.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { matchesQuery } from '../../src/query/match.js';
import { parseQuery } from '../../src/query/parse.js';
import { projectRoot, runCli } from '../helpers.js';

/** More distinct texts than the bits of a number, the ones that match last: each is answered for itself. */
const MANY = `title:第 ${Array.from({ length: 32 }, (_, i) => `-absent${i}`).join(' ')} 编号 4111-`;
const SEARCHES = ['编号 4111-', 'leisure -terminal', '"well-set text" -cat:编程', MANY];

describe('body search over many articles', () => {
  let root: string;
  let articles: Article[];
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'broadsheet-many-'));
    generateCorpus(root, 4200);
    ({ articles } = await loadCorpus(root));
  });

  /** The paths of the articles `search` finds, by reading each body here, one by one. */
  const oneByOne = (search: string) => {
    const query = parseQuery(search);
    return articles
      .filter((article) =>
        matchesQuery(query, {
          article,
          bodyHas: (text) => searchableText(readBody(article)).includes(text),
        }),
      )
      .map((article) => article.path);
  };

  it.each(SEARCHES)('finds in worker threads what one thread finds: %s', async (search) => {
    // The compiled modules, where the worker script is (run from src/ there is none to start).
    const { searchArticles } = (await import(
      path.join(projectRoot, 'dist/query/search.js')
    )) as typeof import('../../src/query/search.js');
    const threaded = await searchArticles(articles, search);
    expect(threaded.map((article) => article.path)).toEqual(oneByOne(search));
  });

  it.each(SEARCHES)('finds with the command line what one thread finds: %s', async (search) => {
    // The built program: the body index where it can be had, worker threads where not.
    const result = await runCli(['list', '--search', search, root], { cwd: root });
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[3]),
    ).toEqual(oneByOne(search));
  });
});
