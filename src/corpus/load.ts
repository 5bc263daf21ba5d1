import path from 'node:path';
import type { Article, Corpus, Problem } from './article.js';
import { readArticleFile } from './read.js';
import { scanFolder } from './scan.js';

/** How many files are read at once. */
const CONCURRENCY = 64;

export interface LoadOptions {
  /** Called as files are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads every article under `root`, newest first. Never writes anything. */
export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<Corpus> {
  const absoluteRoot = path.resolve(root);
  const scan = await scanFolder(absoluteRoot);
  const articles: Article[] = [];
  const problems: Problem[] = [...scan.problems];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < scan.files.length) {
      const file = scan.files[next++]!;
      const outcome = await readArticleFile(absoluteRoot, file);
      if (outcome.kind === 'article') {
        articles.push(outcome.article);
        for (const reason of outcome.article.problems) {
          problems.push({ path: outcome.article.path, reason });
        }
      } else if (outcome.kind === 'skipped') {
        problems.push(outcome.problem);
      }
      options.onProgress?.(++done, scan.files.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  articles.sort(byNewest);
  problems.sort((a, b) => compareStrings(a.path, b.path));
  return { root: absoluteRoot, articles, problems };
}

/** Newest first; ties broken by path so the order is stable. */
export function byNewest(a: Article, b: Article): number {
  return b.date - a.date || compareStrings(a.path, b.path);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
