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

/** How many warnings about the folder's files are printed before the rest are counted. */
const MAX_WARNINGS = 10;

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
  // A folder of a hundred thousand broken files says so in a few lines, not a hundred thousand.
  const shown = invocation.verbose ? corpus.problems.length : MAX_WARNINGS;
  for (const problem of corpus.problems.slice(0, shown)) {
    warn(`${sanitizeLine(problem.path)}: ${sanitizeLine(problem.reason)}`);
  }
  if (corpus.problems.length > shown)
    warn(
      `and ${corpus.problems.length - shown} more files with problems (--verbose shows them all)`,
    );
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
  return readingMarks(articles, folder);
}

/** The reader's marks of these articles, as the reading state holds them (read, never written). */
export function readingMarks(articles: readonly Article[], folder: string): Marks {
  if (!reading) {
    reading = ReadingState.inFolder(folder, { readOnly: true });
    if (reading.warning) warn(sanitizeLine(reading.warning));
  }
  return marksOf(reading, articles);
}

/** The reading state, read once a run however many times marks are asked for. */
let reading: ReadingState | undefined;

/** The index of parsed fields, in the user cache folder. */
export function defaultIndex(): IndexCache {
  return new IndexCache(path.join(cacheFolder(), 'index'));
}
