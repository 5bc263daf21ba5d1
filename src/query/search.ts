import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { readBodySync, searchableText } from '../corpus/body.js';
import { bodyMask } from './body-mask.js';
import { matchesQuery } from './match.js';
import { needsBody, parseQuery, type SearchQuery } from './parse.js';

/** How long a stretch of reading may hold the event loop before yielding. */
const SLICE_MS = 5;

/** Below this many bodies to read, starting threads costs more than it saves. */
const THREADS_FROM = 4000;

/**
 * The articles matching a search, in the order given. Bodies are read only
 * when a term needs them, and only for articles the field terms let through;
 * large searches are shared among worker threads, one a core.
 */
export async function searchArticles(articles: Article[], source: string): Promise<Article[]> {
  const query = parseQuery(source);
  // Field terms decide without a body; only what they let through is read.
  const byFields = { terms: query.terms.filter((term) => term.kind !== 'text'), ignored: [] };
  const candidates = articles.filter((article) =>
    matchesQuery(byFields, { article, body: undefined }),
  );
  if (!needsBody(query)) return candidates;
  const threads = Math.min(availableParallelism(), 8);
  if (candidates.length >= THREADS_FROM && threads > 1)
    return searchInThreads(candidates, query, threads);
  return searchHere(candidates, query);
}

async function searchHere(articles: Article[], query: SearchQuery): Promise<Article[]> {
  const matched: Article[] = [];
  let sliceStart = Date.now();
  for (const article of articles) {
    if (matchesQuery(query, { article, body: searchableText(readBodySync(article)) }))
      matched.push(article);
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  return matched;
}

/**
 * Bodies are searched for up to 32 distinct texts at once, a bit each; the
 * first share is searched here, between other work, and each other share in
 * a worker thread. Workers keep a small young generation: every body is
 * garbage once searched, so a large one would only hold memory.
 */
async function searchInThreads(
  articles: Article[],
  query: SearchQuery,
  threads: number,
): Promise<Article[]> {
  const texts = [
    ...new Set(query.terms.flatMap((term) => (term.kind === 'text' ? [term.text] : []))),
  ].slice(0, 32);
  const size = Math.ceil(articles.length / threads);
  const shares = Array.from({ length: threads }, (_, i) =>
    articles.slice(i * size, (i + 1) * size),
  );
  const answers = await Promise.all(
    shares.map((share, s) => {
      const paths = share.map((article) => article.absolutePath);
      return s === 0 ? masksHere(paths, texts) : masksInWorker(paths, texts);
    }),
  );
  return shares.flatMap((share, s) =>
    share.filter((article, i) => {
      const mask = answers[s]![i]!;
      return matchesQuery(query, {
        article,
        body: undefined,
        bodyHas: (text) => (mask & (1 << texts.indexOf(text))) !== 0,
      });
    }),
  );
}

async function masksHere(paths: string[], texts: string[]): Promise<Uint32Array> {
  const masks = new Uint32Array(paths.length);
  let sliceStart = Date.now();
  for (let i = 0; i < paths.length; i++) {
    masks[i] = bodyMask(paths[i]!, texts);
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  return masks;
}

function masksInWorker(paths: string[], texts: string[]): Promise<Uint32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
      workerData: { paths, texts },
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
