import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { inSlices } from '../text/slices.js';
import { markTexts } from './body-texts.js';
import { matchesQuery, type Marks } from './match.js';
import type { BodySource } from '../corpus/body-index.js';
import { needsBody, parseQuery, type SearchQuery, type SearchTerm } from './parse.js';
import { ArticleColumns } from './columns.js';

/** How long a stretch of reading may hold the event loop before yielding. */
const SLICE_MS = 5;

/** Below this many bodies to read, starting threads costs more than it saves. */
const THREADS_FROM = 4000;

/**
 * The articles matching a search, in the order given. Bodies are read only
 * when a term needs them, and only for articles the field terms let through;
 * large searches are shared among worker threads, one a core.
 */
export async function searchArticles(
  articles: readonly Article[],
  source: string,
  options: {
    marks?: Marks;
    /** The folder's body index: asked instead of reading bodies when it can be had. */
    bodies?: BodySource | null;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<Article[]> {
  const { marks } = options;
  const query = parseQuery(source);
  // Field terms decide without a body; only what they let through is read.
  const byFields = { terms: query.terms.filter((term) => term.kind !== 'text'), ignored: [] };
  const passes = (article: Article) => matchesQuery(byFields, { article, marks });
  if (!needsBody(query)) return articles.filter(passes);
  const texts = textsOf(query);
  const found = await options.bodies?.bodiesWith(texts, options.onProgress);
  if (found) return withBodies(articles, query, texts, found, passes);
  const candidates = articles.filter(passes);
  const threads = candidates.length >= THREADS_FROM ? Math.min(availableParallelism(), 8) : 1;
  return searchBodies(candidates, query, threads, marks);
}

/**
 * The articles whose bodies complete the match, each body read once for every
 * text term at a time. The first share is searched here, between other work,
 * and each other share in a worker thread. Workers keep a small young
 * generation: every body is garbage once searched, so a large one would only
 * hold memory.
 */
async function searchBodies(
  articles: Article[],
  query: SearchQuery,
  threads: number,
  marks: Marks | undefined,
): Promise<Article[]> {
  const texts = textsOf(query);
  const size = Math.ceil(articles.length / threads);
  const shares = Array.from({ length: threads }, (_, i) =>
    articles.slice(i * size, (i + 1) * size),
  );
  const answers = await Promise.all(
    shares.map((share, s) => {
      const paths = share.map((article) => article.absolutePath);
      return s === 0 ? flagsHere(paths, texts) : flagsInWorker(paths, texts);
    }),
  );
  return shares.flatMap((share, s) =>
    share.filter((article, i) =>
      matchesQuery(query, {
        article,
        bodyHas: (text) => answers[s]![i * texts.length + texts.indexOf(text)] === 1,
        marks,
      }),
    ),
  );
}

/**
 * The articles that pass the field terms and each of whose text terms is in
 * its title, its labels or (as the body index says) its body. Titles and labels are searched as the
 * list's filter searches them, all at once: a large folder is not visited
 * article by article.
 */
function withBodies(
  articles: readonly Article[],
  query: SearchQuery,
  texts: readonly string[],
  found: ReadonlyMap<string, ReadonlySet<string>>,
  passes: (article: Article) => boolean,
): Article[] {
  const columns = columnsOf(articles);
  const inFields = new Map(
    texts.map((text) => {
      const flags = new Uint8Array(articles.length);
      const term: SearchTerm = { kind: 'text', text, negated: false };
      for (const i of columns.match({ terms: [term], ignored: [] }, null)) flags[i] = 1;
      return [text, flags] as const;
    }),
  );
  return articles.filter(
    (article, i) =>
      query.terms.every(
        (term) =>
          term.kind !== 'text' ||
          (inFields.get(term.text)![i] === 1 || found.get(term.text)!.has(article.path)) !==
            term.negated,
      ) && passes(article),
  );
}

/** The fields of a list as columns, made once for each list: the browser searches the same list again and again. */
const columnsCache = new WeakMap<readonly Article[], ArticleColumns>();

function columnsOf(articles: readonly Article[]): ArticleColumns {
  let columns = columnsCache.get(articles);
  if (!columns) columnsCache.set(articles, (columns = new ArticleColumns(articles)));
  return columns;
}

/** The texts a query looks for in bodies, each once. */
function textsOf(query: SearchQuery): string[] {
  return [...new Set(query.terms.flatMap((term) => (term.kind === 'text' ? [term.text] : [])))];
}

async function flagsHere(paths: string[], texts: string[]): Promise<Uint8Array> {
  const flags = new Uint8Array(paths.length * texts.length);
  await inSlices(paths.length, (i) => markTexts(paths[i]!, texts, flags, i * texts.length), {
    sliceMs: SLICE_MS,
  });
  return flags;
}

function flagsInWorker(paths: string[], texts: string[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
      workerData: { paths, texts },
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
