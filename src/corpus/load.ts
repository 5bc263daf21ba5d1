import { statSync } from 'node:fs';
import path from 'node:path';
import type { Article, Corpus, Problem } from './article.js';
import type { IndexCache, IndexEntry } from './index-cache.js';
import { changedAt, readArticleHead, type FileStamp } from './read.js';
import { scanFolder, scannedFiles, type ScanResult } from './scan.js';
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
    const newest = options.index?.readNewest(absoluteRoot);
    if (newest) options.onIndexed({ root: absoluteRoot, articles: newest, problems: [] });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const indexed = options.index?.read(absoluteRoot) ?? null;
  if (indexed && options.onIndexed) options.onIndexed(corpusOf(absoluteRoot, indexed, []));
  const scan = await scanFolder(absoluteRoot);
  // Only files the index does not know as they are now are read and kept apart: an unchanged
  // folder is the index itself, and no second map of it is made.
  const fresh = new Map<string, IndexEntry>();
  let unchangedCount = 0;
  const files = scannedFiles(scan);
  await inSlices(
    scan.count,
    () => {
      const { file, relative } = files.next().value!;
      const known = indexed?.get(relative);
      if (known && unchanged(file, known)) unchangedCount++;
      else fresh.set(relative, readEntry(absoluteRoot, file));
    },
    { sliceMs: SLICE_MS, onSlice: (done) => options.onProgress?.(done, scan.count) },
  );
  options.onProgress?.(scan.count, scan.count);
  const changed = !indexed || fresh.size > 0 || unchangedCount !== indexed.size;
  const entries = changed ? merged(scan, fresh, indexed) : indexed!;
  const corpus = corpusOf(absoluteRoot, entries, scan.problems);
  if (changed) options.index?.write(absoluteRoot, entries, corpus.articles.slice(0, NEWEST));
  corpus.stampOf = (relative) => {
    const entry = entries.get(relative);
    return entry && `${entry.size}:${entry.changedMs}`;
  };
  // Without an index file, nothing says the folder is unchanged: every cache checks every file.
  corpus.fingerprint = options.index?.fingerprint(absoluteRoot) ?? null;
  return corpus;
}

/** The entries of the files found, in the order found: each read again, or as the index knows it. */
function merged(
  scan: ScanResult,
  fresh: ReadonlyMap<string, IndexEntry>,
  indexed: ReadonlyMap<string, IndexEntry> | null,
): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  for (const { relative } of scannedFiles(scan)) {
    const entry = fresh.get(relative) ?? indexed!.get(relative)!;
    // Keyed by the entry's own path where it has one: the string the article holds, not a second copy.
    const key =
      'article' in entry ? entry.article.path : 'problem' in entry ? entry.problem.path : relative;
    entries.set(key, entry);
  }
  return entries;
}

function unchanged(file: string, entry: IndexEntry): boolean {
  try {
    const info = statSync(file);
    return info.size === entry.size && changedAt(info) === entry.changedMs;
  } catch {
    return false;
  }
}

function readEntry(root: string, file: string): IndexEntry {
  const outcome = readArticleHead(root, file);
  switch (outcome.kind) {
    case 'article':
      return { ...outcome.stamp, article: outcome.article };
    case 'skipped':
      return { ...stampOf(file), problem: outcome.problem };
    case 'ignored':
      return { ...stampOf(file), ignored: true };
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

function corpusOf(
  root: string,
  entries: ReadonlyMap<string, IndexEntry>,
  scanProblems: Problem[],
): Corpus {
  const articles: Article[] = [];
  const problems: Problem[] = [...scanProblems];
  for (const entry of entries.values()) {
    if ('article' in entry) {
      articles.push(entry.article);
      for (const reason of entry.article.problems)
        problems.push({ path: entry.article.path, reason });
    } else if ('problem' in entry) {
      problems.push(entry.problem);
    }
  }
  articles.sort(byNewest);
  problems.sort((a, b) => compareStrings(a.path, b.path));
  return { root, articles, problems };
}

/** Newest first; ties broken by path so the order is stable. */
export function byNewest(a: Article, b: Article): number {
  return b.date - a.date || compareStrings(a.path, b.path);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
