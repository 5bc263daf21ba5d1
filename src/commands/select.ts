import type { Invocation } from './invocation.js';
import { resolveFolder } from './folder.js';
import type { Article, Corpus } from '../corpus/article.js';
import { loadCorpus } from '../corpus/load.js';
import { BodyIndex, bodyIndexAvailable, bodyIndexFile } from '../corpus/body-index.js';
import { IndexCache } from '../corpus/index-cache.js';
import { cacheFolder, stateFolder } from '../files/places.js';
import { ReadingState } from '../state/reading.js';
import { needsMarks, parseQuery } from '../query/parse.js';
import { marksOf } from '../query/marks.js';
import path from 'node:path';
import { progressReporter, warn } from '../pipe/output.js';
import { sanitizeLine } from '../text/sanitize.js';
import { searchArticles } from '../query/search.js';
import type { Marks } from '../query/match.js';

export interface SelectedArticles {
  corpus: Corpus;
  articles: Article[];
}

/**
 * The pipe commands' common start: read the folder, report its problems on
 * stderr, and apply the filters, the search and the limit in list order.
 */
export async function selectArticles(
  invocation: Invocation,
  folder?: string,
): Promise<SelectedArticles> {
  const root = resolveFolder(folder ?? invocation.inputs[0], invocation.settings.folder);
  const progress = progressReporter('reading articles');
  const corpus = await loadCorpus(root, { onProgress: progress.update, index: defaultIndex() });
  progress.end();
  for (const problem of corpus.problems) {
    warn(`${sanitizeLine(problem.path)}: ${sanitizeLine(problem.reason)}`);
  }
  let articles = corpus.articles;
  if (invocation.search !== undefined) {
    // On a terminal, how far the body index is built, or (where there is none) the bodies read.
    const indexing = progressReporter(
      bodyIndexAvailable() ? 'indexing article text' : 'reading article text',
    );
    articles = await searchArticles(articles, invocation.search, {
      marks: marksFor(invocation.search, articles, invocation.settings.state ?? stateFolder()),
      bodies: new BodyIndex(bodyIndexFile(cacheFolder(), root), corpus),
      onProgress: indexing.update,
    });
    indexing.end();
  }
  if (invocation.limit !== undefined) articles = articles.slice(0, invocation.limit);
  return { corpus, articles };
}

/** The reader's marks, read (never written) when the search asks about them (`is:unread`). */
function marksFor(search: string, articles: readonly Article[], folder: string): Marks | undefined {
  if (!needsMarks(parseQuery(search))) return undefined;
  const reading = ReadingState.inFolder(folder, { readOnly: true });
  if (reading.warning) warn(sanitizeLine(reading.warning));
  return marksOf(reading, articles);
}

/** The index of parsed fields, in the user cache folder. */
export function defaultIndex(): IndexCache {
  return new IndexCache(path.join(cacheFolder(), 'index'));
}
