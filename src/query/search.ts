import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { inSlices } from '../text/slices.js';
import { markTexts } from './body-texts.js';
import { matchesQuery, type Marks } from './match.js';
import type { BodyBatch, BodySource } from '../corpus/body-index.js';
import { loadMarkdown } from '../corpus/body-text.js';
import { needsBody, parseQuery, type SearchQuery, type SearchTerm } from './parse.js';
import { ArticleColumns } from './columns.js';

/** How long a stretch of reading may hold the event loop before yielding. */
const SLICE_MS = 5;

/** Below this many bodies to read, starting threads costs more than it saves. */
const THREADS_FROM = 4000;

/** How a search reports as it goes (the browser shows body matches as they are found). */
export interface SearchOptions {
  marks?: Marks;
  /** The folder's body index: asked instead of reading bodies when it can be had. */
  bodies?: BodySource | null;
  /** How far the body index is being built, or the bodies read. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Matches as they are found, each article once, in list order within a
   * call; all the calls together hand over exactly the answer.
   */
  onFound?: (found: readonly Article[]) => void;
}

/**
 * The articles matching a search, in the order given. Bodies are read only
 * when a term needs them, and only for articles the field terms let through;
 * large searches are shared among worker threads, one a core.
 */
export async function searchArticles(
  articles: readonly Article[],
  source: string,
  options: SearchOptions = {},
): Promise<Article[]> {
  const { marks, onFound } = options;
  const query = parseQuery(source);
  // Field terms decide without a body; only what they let through is read.
  const byFields = { terms: query.terms.filter((term) => term.kind !== 'text'), ignored: [] };
  const passes = (article: Article) => matchesQuery(byFields, { article, marks });
  if (!needsBody(query)) {
    const found = articles.filter(passes);
    if (found.length > 0) onFound?.(found);
    return found;
  }
  const texts = textsOf(query);
  const reporter = onFound && new Reporter(articles, query, marks, onFound);
  const found = await options.bodies?.bodiesWith(texts, options.onProgress, reporter?.batch);
  let answer: Article[];
  if (found) {
    answer = withBodies(articles, query, texts, found, passes);
  } else {
    const candidates = articles.filter(passes);
    const threads = candidates.length >= THREADS_FROM ? Math.min(availableParallelism(), 8) : 1;
    answer = await searchBodies(candidates, query, threads, marks, options.onProgress, reporter);
  }
  reporter?.finish(answer);
  return answer;
}

/** Hands over matches as batches of bodies are known, each article once. */
class Reporter {
  private readonly reported = new Set<Article>();
  private byPath: Map<string, Article> | null = null;

  constructor(
    private readonly articles: readonly Article[],
    private readonly query: SearchQuery,
    private readonly marks: Marks | undefined,
    private readonly onFound: (found: readonly Article[]) => void,
  ) {}

  readonly batch = ({ paths, found }: BodyBatch): void => {
    this.byPath ??= new Map(this.articles.map((article) => [article.path, article]));
    const matches: Article[] = [];
    for (const path of paths) {
      const article = this.byPath.get(path);
      if (!article || this.reported.has(article)) continue;
      const bodyHas = (text: string) => found.get(text)?.has(path) ?? false;
      if (matchesQuery(this.query, { article, bodyHas, marks: this.marks })) matches.push(article);
    }
    this.report(matches);
  };

  /** The rest of the answer, if any was not handed over yet. */
  finish(answer: readonly Article[]): void {
    this.report(answer.filter((article) => !this.reported.has(article)));
  }

  private report(matches: Article[]): void {
    if (matches.length === 0) return;
    if (matches.length > 1) {
      const order = new Map(this.articles.map((article, i) => [article, i]));
      matches.sort((a, b) => order.get(a)! - order.get(b)!);
    }
    for (const article of matches) this.reported.add(article);
    this.onFound(matches);
  }
}

/** How many files a reading thread searches between telling what it found. */
const REPORT_EVERY = 500;

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
  onProgress: ((done: number, total: number) => void) | undefined,
  reporter: Reporter | undefined,
): Promise<Article[]> {
  const texts = textsOf(query);
  const size = Math.ceil(articles.length / threads);
  const shares = Array.from({ length: threads }, (_, i) =>
    articles.slice(i * size, (i + 1) * size),
  );
  let done = 0;
  const answers = await Promise.all(
    shares.map((share, s) => {
      const paths = share.map((article) => article.absolutePath);
      const flags = new Uint8Array(paths.length * texts.length);
      const onChunk = (start: number, chunk: Uint8Array) => {
        flags.set(chunk, start * texts.length);
        const count = chunk.length / texts.length;
        done += count;
        onProgress?.(done, articles.length);
        if (!reporter) return;
        const covered = share.slice(start, start + count);
        const found = new Map(
          texts.map((text, k) => [
            text,
            new Set(covered.filter((_, i) => chunk[i * texts.length + k] === 1).map((a) => a.path)),
          ]),
        );
        reporter.batch({ paths: covered.map((article) => article.path), found });
      };
      return (
        s === 0 ? flagsHere(paths, texts, onChunk) : flagsInWorker(paths, texts, onChunk)
      ).then(() => flags);
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

/** Flags for each path and text, read here in short stretches between other work; `onChunk` hears each stretch. */
async function flagsHere(
  paths: string[],
  texts: string[],
  onChunk: (start: number, flags: Uint8Array) => void,
): Promise<void> {
  const markdown = await loadMarkdown();
  let start = 0;
  const flags = new Uint8Array(paths.length * texts.length);
  const report = (end: number) => {
    if (end > start) onChunk(start, flags.slice(start * texts.length, end * texts.length));
    start = end;
  };
  await inSlices(
    paths.length,
    (i) => markTexts(paths[i]!, texts, flags, i * texts.length, markdown),
    {
      sliceMs: SLICE_MS,
      onSlice: report,
    },
  );
  report(paths.length);
}

function flagsInWorker(
  paths: string[],
  texts: string[],
  onChunk: (start: number, flags: Uint8Array) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
      workerData: { paths, texts, every: REPORT_EVERY },
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    worker.on('message', ({ start, flags }: { start: number; flags: Uint8Array }) =>
      onChunk(start, flags),
    );
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  });
}
