import { statSync } from 'node:fs';
import path from 'node:path';
import type { Article, Corpus, Problem } from './article.js';
import { FileTable, isArticle } from './file-table.js';
import type { IndexCache } from './index-cache.js';
import { changedAt, readArticleHead, type FileStamp } from './read.js';
import { scanFolder, scannedFiles } from './scan.js';
import { inSlices } from '../text/slices.js';

export interface LoadOptions {
  /** Called as files are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Fields of files unchanged since they were indexed come from here, and the index is kept up to date. */
  index?: IndexCache | null;
  /** Called at once with what the index holds, before the folder is checked against it. */
  onIndexed?: (corpus: Corpus) => void;
}

/** How many of the newest articles the index keeps apart for a quick first screen. */
const NEWEST = 300;

/** How long a stretch of synchronous reading may hold the event loop before yielding. */
const SLICE_MS = 12;

/**
 * Reads every article under `root`, newest first. Only the head of each file
 * is read; a file whose size and modification time match the index is not
 * read at all. Never writes inside the folder.
 */
export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<Corpus> {
  const absoluteRoot = path.resolve(root);
  if (options.onIndexed) {
    // The first screen first: the newest articles are a small file of their own.
    const newest = options.index ? newestCorpus(absoluteRoot, options.index) : null;
    if (newest) options.onIndexed(newest);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const indexed = options.index?.read(absoluteRoot) ?? null;
  const early = indexed && options.onIndexed ? corpusOf(absoluteRoot, indexed, []) : null;
  if (early) options.onIndexed!(early);
  const scan = await scanFolder(absoluteRoot);
  const merge = new Merge(absoluteRoot, indexed, scan.count);
  const files = scannedFiles(scan);
  await inSlices(
    scan.count,
    () => {
      const { file, relative } = files.next().value!;
      merge.add(file, relative);
    },
    { sliceMs: SLICE_MS, onSlice: (done) => options.onProgress?.(done, scan.count) },
  );
  options.onProgress?.(scan.count, scan.count);
  const table = merge.result();
  // An unchanged folder is the list shown first: its articles are not gathered and sorted again.
  const corpus =
    early && table === indexed
      ? withProblems(early, scan.problems)
      : corpusOf(absoluteRoot, table, scan.problems);
  if (table !== indexed)
    options.index?.write(absoluteRoot, table, corpus.articles.slice(0, NEWEST));
  // Without an index file, nothing says the folder is unchanged: every cache checks every file.
  corpus.fingerprint = options.index?.fingerprint(absoluteRoot) ?? null;
  return corpus;
}

/**
 * The newest articles of the folder as the index last knew them, for a first
 * screen: `partial` when the folder held more than these.
 */
export function newestCorpus(root: string, index: IndexCache): Corpus | null {
  const articles = index.readNewest(root);
  if (!articles || articles.length === 0) return null;
  return { root, articles, problems: [], ...(articles.length >= NEWEST && { partial: true }) };
}

/**
 * The files found, each as the index knows it when it is unchanged, or read
 * again. While every file is the indexed one at the same place, nothing is
 * made: an unchanged folder is the index itself, the same table and articles.
 */
class Merge {
  private table: FileTable | null = null;
  private found = 0;
  private readonly find: ((relative: string, expected: number) => number) | null;

  constructor(
    private readonly root: string,
    private readonly indexed: FileTable | null,
    private readonly count: number,
  ) {
    this.find = indexed?.finder() ?? null;
  }

  add(file: string, relative: string): void {
    const at = this.find?.(relative, this.found) ?? -1;
    const same = at >= 0 && unchanged(file, this.indexed!.stampAt(at));
    if (this.table === null && same && at === this.found) {
      this.found++;
      return;
    }
    const table = this.begun();
    if (same) table.addFrom(this.indexed!, at);
    else addRead(table, this.root, file, relative);
    this.found++;
  }

  result(): FileTable {
    if (this.table === null && this.indexed !== null && this.found === this.indexed.length)
      return this.indexed;
    return this.begun();
  }

  /** The new table, begun with the files found so far, all as indexed. */
  private begun(): FileTable {
    if (this.table === null) {
      this.table = new FileTable(this.count);
      for (let i = 0; i < this.found; i++) this.table.addFrom(this.indexed!, i);
    }
    return this.table;
  }
}

function unchanged(file: string, stamp: FileStamp): boolean {
  try {
    const info = statSync(file);
    return info.size === stamp.size && changedAt(info) === stamp.changedMs;
  } catch {
    return false;
  }
}

/** Reads a file into the table, under the path its article or problem holds: one string, not two. */
function addRead(table: FileTable, root: string, file: string, relative: string): void {
  const outcome = readArticleHead(root, file);
  switch (outcome.kind) {
    case 'article':
      return table.add(outcome.article.path, outcome.stamp, outcome.article);
    case 'skipped':
      return table.add(outcome.problem.path, stampOf(file), outcome.problem);
    case 'ignored':
      return table.add(relative, stampOf(file), null);
  }
}

/** Size and modification time; a stamp no file has when it cannot be had, so the file is read again next time. */
function stampOf(file: string): FileStamp {
  try {
    const info = statSync(file);
    return { size: info.size, changedMs: changedAt(info) };
  } catch {
    return { size: -1, changedMs: -1 };
  }
}

function corpusOf(root: string, files: FileTable, scanProblems: Problem[]): Corpus {
  const articles: Article[] = [];
  const problems: Problem[] = [...scanProblems];
  for (const item of files.items) {
    if (item === null) continue;
    if (isArticle(item)) {
      articles.push(item);
      for (const reason of item.problems) problems.push({ path: item.path, reason });
    } else {
      problems.push(item);
    }
  }
  articles.sort(byNewest);
  problems.sort(byPath);
  return { root, articles, problems, stamps: () => files.stamps() };
}

/** A list with the problems of the folder's scan added to its own. */
function withProblems(corpus: Corpus, scanProblems: Problem[]): Corpus {
  if (scanProblems.length === 0) return { ...corpus };
  const problems = [...scanProblems, ...corpus.problems].sort(byPath);
  return { ...corpus, problems };
}

/** Newest first; ties broken by path so the order is stable. */
export function byNewest(a: Article, b: Article): number {
  return b.date - a.date || compareStrings(a.path, b.path);
}

function byPath(a: Problem, b: Problem): number {
  return compareStrings(a.path, b.path);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
