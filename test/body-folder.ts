import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Article, Corpus } from '../src/corpus/article.js';
import { BodyIndex, type IndexedFile } from '../src/corpus/body-index.js';
import { searchArticles } from '../src/query/search.js';
import { tempCorpus } from './helpers.js';

/** An article's file: a title, a date and the body given. */
export const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2026-11-20\n---\n${body}`;

/** A folder of three articles: Chinese words across an inline tag, a script, and GLOB's and LIKE's own characters. */
export function bodyFolder(): string {
  return tempCorpus({
    'a.md': article('A', '<p>港口灯塔<b>重新</b>点亮，老街居民自发守夜。</p>'),
    'b.md': article('B', '<p>The harbour lights came on, one by one.</p><script>secret()</script>'),
    'c.md': article('C', '<p>100% of the tea_leaves, 50% off.</p>'),
  });
}

/** The files of a folder as the index knows them, a stamp each. */
export const filesOf = (root: string, names: string[]): IndexedFile[] =>
  names.map((name) => ({
    path: name,
    stamp: readFileSync(path.join(root, name)).length + ':' + name,
  }));

export const paths = (articles: readonly Article[]) => articles.map((a) => a.path);

/** A body index of the folder, its answers recorded: null when it could not answer and bodies were read. */
export function recorded(file: string, corpus: Corpus) {
  const index = new BodyIndex(file, corpus);
  const answers: Array<Map<string, Set<string>> | null> = [];
  return {
    index,
    answers,
    bodies: {
      bodiesWith: async (...args: Parameters<BodyIndex['bodiesWith']>) => {
        answers.push(await index.bodiesWith(...args));
        return answers.at(-1)!;
      },
    },
  };
}

/** The search through the index, checked against reading every body. */
export async function searchBoth(corpus: Corpus, query: string, file: string) {
  const { bodies, answers } = recorded(file, corpus);
  const withIndex = await searchArticles(corpus.articles, query, { bodies });
  const byReading = await searchArticles(corpus.articles, query);
  expect(paths(withIndex), query).toEqual(paths(byReading));
  return { found: paths(withIndex), fromIndex: answers.at(-1) !== null };
}
