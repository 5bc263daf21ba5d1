// The index of body text on disk: SQLite's FTS5 with the trigram tokenizer (Node's own `node:sqlite`),
// kept file by file. Where this Node has no SQLite, there is no index and bodies are read instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Corpus } from './article.js';
import { readBodyText } from './body.js';
import { loadMarkdown } from './body-text.js';
import { joinPath } from './file-path.js';
import {
  openDatabase,
  sqliteCode,
  sqliteVersion,
  SQLITE_BUSY,
  SQLITE_CORRUPT,
  SQLITE_LOCKED,
  SQLITE_NOTADB,
  type Database,
} from './sqlite.js';

export type { Database } from './sqlite.js';

/** Bumped whenever what is stored, or how a body becomes searchable text, changes. */
const BODY_INDEX_VERSION = 2;

/** How long a connection waits for another one's lock before the search reads bodies instead. */
const LOCK_WAIT_MS = 1000;

/** A file as the body index knows it: its path in the folder, and its size and change time. */
export interface IndexedFile {
  path: string;
  stamp: string;
}

/** True when the body index can be used on this installation (a Node with `node:sqlite`). */
export function bodyIndexAvailable(): boolean {
  return sqliteVersion() !== null;
}

/** How body search is done here, in words a user can check (`broadsheet --version --verbose`). */
export function bodySearchEngine(): string {
  const version = sqliteVersion();
  return version
    ? `an index of article text (SQLite ${version}, FTS5 trigram, from node:sqlite)`
    : 'reading every article body (this Node has no node:sqlite; Node 22.13 and later have it)';
}

/** Where the body index of a folder lives, in the cache folder given. */
export function bodyIndexFile(cache: string, root: string): string {
  const name = createHash('sha256').update(root).digest('hex').slice(0, 24);
  return path.join(cache, 'bodies', `${name}.sqlite`);
}

/** What went wrong with an index file, as SQLite says: another process holds it, or it is damaged. */
function troubleOf(error: unknown): 'busy' | 'damaged' | 'other' {
  const code = sqliteCode(error);
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) return 'busy';
  if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB || error instanceof DamagedIndex)
    return 'damaged';
  return 'other';
}

class DamagedIndex extends Error {}

/**
 * Removes an index file that is damaged or of another version, unless another
 * process holds a lock on it: a database in use is never deleted under its
 * holder (the search reads bodies meanwhile). True when it is gone.
 */
function removeIndex(file: string): boolean {
  let probe: Database | null = null;
  try {
    probe = openDatabase(file, 0);
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    // Damaged past reading its locks: nobody can be using it either.
    if (troubleOf(error) === 'busy') return false;
  } finally {
    if (probe) closeQuietly(probe);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  return true;
}

/**
 * Opens (creating when needed) the body index in `file`; null when it cannot
 * be had now: no SQLite in this Node, a cache folder that cannot be made, a
 * folder in the file's place, or another process holding it. A file that is
 * damaged or from another version is removed and started again (it is a
 * cache, rebuilt from the articles), unless another process holds it.
 */
export function openBodyIndex(file: string, wait = LOCK_WAIT_MS): Database | null {
  if (!bodyIndexAvailable()) return null;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch {
    // A cache folder that cannot be made (read-only, a file in the way): bodies are read instead.
    return null;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    let db: Database | null = null;
    try {
      db = openDatabase(file, wait);
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
      const version = metaValue(db, 'version');
      if (version === null) createSchema(db);
      else if (version !== String(BODY_INDEX_VERSION)) throw new DamagedIndex('another version');
      return db;
    } catch (error) {
      if (db) closeQuietly(db);
      if (troubleOf(error) !== 'damaged' || !removeIndex(file)) return null;
    }
  }
  return null;
}

function createSchema(db: Database): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS files(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, stamp TEXT NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS bodies USING fts5(text, tokenize = 'trigram', detail = none);
    INSERT INTO bodies(bodies, rank) VALUES ('hashsize', ${16 << 20});
    INSERT OR IGNORE INTO meta(key, value) VALUES ('version', '${BODY_INDEX_VERSION}');
    COMMIT;
  `);
}

function metaValue(db: Database, key: string): string | null {
  const exists = db
    .prepare("SELECT 1 AS yes FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!exists) return null;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

function count(db: Database, table: 'files' | 'bodies_docsize'): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * True when the index was last brought up to date with the folder as
 * `fingerprint` says it is now, and holds what that left in it: one row a
 * file (`files` of them, when given) and one body a row. An index with rows
 * taken out is not current, whatever its fingerprint says.
 */
export function isCurrent(db: Database, fingerprint: string | null, files?: number): boolean {
  if (fingerprint === null || metaValue(db, 'fingerprint') !== fingerprint) return false;
  return isWhole(db, files);
}

function isWhole(db: Database, files?: number): boolean {
  const rows = count(db, 'files');
  return (files === undefined || rows === files) && count(db, 'bodies_docsize') === rows;
}

/** How many files are indexed between commits (and reports): what a stop loses at most. */
const COMMIT_FILES = 2000;
/** …or how long a transaction may last. */
const COMMIT_MS = 1500;

/** Bodies read and made searchable, a batch of files at a time: what the index is built from. */
export type TextBatches = AsyncIterable<{
  files: readonly IndexedFile[];
  texts: readonly string[];
}>;

/** What a build says as it goes: after each commit, how many of the files to read are done, and the last row written. */
export type OnCommit = (done: number, total: number, lastId: number) => void;

/**
 * Brings the index up to date with the folder's files: a file it does not
 * know, or knows at another size or time, is read and indexed; a file gone is
 * dropped; rows without a body (or bodies without a row) go too. Only what
 * changed is read, by `read` (worker threads, or in place). Commits every few
 * thousand files, so what is built is kept if the process is stopped.
 */
export async function syncBodyIndex(
  db: Database,
  root: string,
  files: readonly IndexedFile[],
  fingerprint: string | null,
  onCommit: OnCommit = () => {},
  read: (root: string, files: readonly IndexedFile[]) => TextBatches = readInPlace,
): Promise<void> {
  if (!isWhole(db)) {
    // Rows whose body is gone, and bodies whose row is gone, are read again or dropped.
    db.exec(`
      BEGIN IMMEDIATE;
      DELETE FROM files WHERE id NOT IN (SELECT id FROM bodies_docsize);
      DELETE FROM bodies WHERE rowid IN (SELECT id FROM bodies_docsize WHERE id NOT IN (SELECT id FROM files));
      COMMIT;
    `);
  }
  const known = new Map<string, string>();
  for (const row of db.prepare('SELECT path, stamp FROM files').all() as IndexedFile[])
    known.set(row.path, row.stamp);
  const toRead: IndexedFile[] = [];
  for (const file of files) {
    // Known as it is: kept. Unknown or changed: read again.
    if (known.get(file.path) === file.stamp) known.delete(file.path);
    else toRead.push(file);
  }
  // A file's old row goes before it is added again (another browser on the folder may have added it
  // since `known` was read, too); what is left in `known` is gone from the folder, or changed.
  const idOf = db.prepare('SELECT id FROM files WHERE path = ?');
  const dropBody = db.prepare('DELETE FROM bodies WHERE rowid = ?');
  const dropFile = db.prepare('DELETE FROM files WHERE id = ?');
  const drop = (relative: string) => {
    const row = idOf.get(relative) as { id: number } | undefined;
    if (!row) return;
    dropBody.run(row.id);
    dropFile.run(row.id);
  };
  const addFile = db.prepare('INSERT INTO files(path, stamp) VALUES (?, ?)');
  const addBody = db.prepare('INSERT INTO bodies(rowid, text) VALUES (?, ?)');
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    for (const relative of known.keys()) drop(relative);
    let done = 0;
    let inTransaction = 0;
    let since = performance.now();
    let lastId = 0;
    for await (const batch of read(root, toRead)) {
      if (!open) {
        db.exec('BEGIN IMMEDIATE');
        open = true;
      }
      batch.files.forEach((file, i) => {
        drop(file.path);
        lastId = Number(addFile.run(file.path, file.stamp).lastInsertRowid);
        addBody.run(lastId, batch.texts[i]!);
      });
      done += batch.files.length;
      inTransaction += batch.files.length;
      if (inTransaction >= COMMIT_FILES || performance.now() - since >= COMMIT_MS) {
        db.exec('COMMIT');
        open = false;
        inTransaction = 0;
        since = performance.now();
        onCommit(done, toRead.length, lastId);
      }
    }
    if (!open) db.exec('BEGIN IMMEDIATE');
    open = true;
    db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(
      'fingerprint',
      fingerprint ?? '',
    );
    db.exec('COMMIT');
    open = false;
    onCommit(toRead.length, toRead.length, lastId);
  } finally {
    // A transaction cut short (a damaged page, a full disk) is rolled back if it can be; its error is the one told.
    if (open) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // SQLite has rolled it back itself.
      }
    }
  }
}

/** How many files' bodies are read between handing them to the writer. */
const READ_BATCH = 200;

/** The searchable text of files read here, in this thread. */
async function* readInPlace(root: string, files: readonly IndexedFile[]): TextBatches {
  const markdown = await loadMarkdown();
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    yield {
      files: batch,
      texts: batch.map((file) => readBodyText(joinPath(root, file.path), markdown)),
    };
  }
}

/**
 * The searchable text of files read by worker threads (`threads` of them, a
 * share each), handed over a batch at a time; each thread reads at most two
 * batches ahead of the writer, so the texts are never all held at once.
 */
export function readInWorkers(threads: number) {
  return async function* (root: string, files: readonly IndexedFile[]): TextBatches {
    if (files.length === 0) return;
    const script = new URL('./body-text-worker.js', import.meta.url);
    const shares = Math.max(1, Math.min(threads, Math.ceil(files.length / READ_BATCH)));
    const size = Math.ceil(files.length / shares);
    const queue: Array<{ files: readonly IndexedFile[]; texts: string[]; worker: Worker }> = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    let running = shares;
    const workers = Array.from({ length: shares }, (_, s) => {
      const share = files.slice(s * size, (s + 1) * size);
      const worker = new Worker(script, {
        workerData: { root, paths: share.map((file) => file.path), batch: READ_BATCH },
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      let at = 0;
      worker.on('message', (texts: string[]) => {
        queue.push({ files: share.slice(at, at + texts.length), texts, worker });
        at += texts.length;
        wake?.();
      });
      const end = (error?: Error) => {
        if (error) failure = error;
        else if (at < share.length) failure ??= new Error('a reader stopped early');
        running--;
        wake?.();
      };
      worker.once('error', end);
      worker.once('exit', () => end());
      return worker;
    });
    try {
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          next.worker.postMessage('more');
          continue;
        }
        if (failure) throw failure;
        if (running === 0) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      for (const worker of workers) void worker.terminate();
    }
  };
}

/**
 * The paths of the files whose body holds `text` (lower-cased, as the bodies
 * are stored): the trigram index finds them for three characters or more; a
 * shorter text is looked for in every body, still inside SQLite. GLOB, not
 * LIKE: an ESCAPE clause would keep LIKE from using the index (146 ms against
 * 1 ms on 300 000 bodies), and GLOB's few special characters are written as
 * one-character classes. Only rows after `afterId` when given.
 */
export function bodiesContaining(db: Database, text: string, afterId = 0): Set<string> {
  const rows = db
    .prepare(
      'SELECT path FROM files WHERE id > ?1 AND id IN (SELECT rowid FROM bodies WHERE text GLOB ?2 AND rowid > ?1)',
    )
    .all(afterId, globPattern(text)) as Array<{ path: string }>;
  return new Set(rows.map((row) => row.path));
}

function globPattern(text: string): string {
  return `*${text.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
}

/** What is known of some of a folder's bodies: which files, and of them, which hold each text asked. */
export interface BodyBatch {
  /** The files this batch speaks for, by path in the folder. */
  paths: readonly string[];
  /** For each text, the paths of these files whose body holds it. */
  found: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What a search asks of the bodies: for each text, the paths of the files whose body holds it. */
export interface BodySource {
  /**
   * The answer for every file of the folder, or null when the index cannot be
   * had (no SQLite here, a cache that cannot be written, a file another
   * program holds): bodies are read instead. While the index is being built,
   * `onProgress` hears how far it is and `onBatch` what is known so far, as
   * rows are committed.
   */
  bodiesWith(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
    onBatch?: (batch: BodyBatch) => void,
  ): Promise<Map<string, Set<string>> | null>;
}

/** A build of the index under way, which searches asked meanwhile follow. */
interface Build {
  done: Promise<boolean>;
  /** Hears each commit: how far, and the last row written. */
  listeners: Set<OnCommit>;
  stop: () => void;
}

/**
 * The body index of one folder as read: brought up to date (in a worker
 * thread, its bodies read by others, so a browser keeps answering keys while
 * a large folder is indexed) when the folder changed since it was last, then
 * asked in place. Every search opens the file anew, so a file deleted,
 * replaced or damaged meanwhile is noticed and built again.
 */
export class BodyIndex implements BodySource {
  private build: Build | null = null;
  /** The stamps this index was last brought up to date with, in this process, and the file then. */
  private synced: { stamps: Corpus['stamps']; identity: string } | null = null;

  constructor(
    private readonly file: string,
    private readonly corpus: Corpus,
  ) {}

  /**
   * Brings the index up to date in the background (after the list is shown,
   * so the first search is answered from it); true when it is. Searches asked
   * meanwhile follow this build.
   */
  async prepare(onProgress?: (done: number, total: number) => void): Promise<boolean> {
    if (!this.corpus.stamps) return false;
    const state = this.state();
    if (state === 'current') return true;
    if (state === 'unavailable') return false;
    return this.follow(onProgress);
  }

  /** Stops a build under way (what it committed is kept). */
  stop(): void {
    this.build?.stop();
  }

  async bodiesWith(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
    onBatch?: (batch: BodyBatch) => void,
  ): Promise<Map<string, Set<string>> | null> {
    // A list of some of the folder's articles only: bringing the index up to date with it would drop the others.
    if (!this.corpus.stamps) return null;
    // Whatever goes wrong with a cache, bodies can still be read: nothing here throws.
    try {
      let state = this.state();
      if (state === 'unavailable') return null;
      // Followed, a build hands over what it wrote as it commits; else the answer is all there is at once.
      const followed = state === 'stale';
      if (followed) {
        if (!(await this.follow(onProgress, onBatch && this.batches(texts, onBatch)))) return null;
        state = this.state();
      }
      if (state !== 'current') return null;
      const answer = this.ask(
        (db) => new Map(texts.map((text) => [text, bodiesContaining(db, text)])),
      );
      if (answer && !followed)
        onBatch?.({ paths: this.corpus.articles.map((a) => a.path), found: answer });
      return answer;
    } catch {
      return null;
    }
  }

  /** Asks the index on a connection of its own; null when it cannot be opened or asked (a damaged file is removed). */
  private ask<T>(question: (db: Database) => T): T | null {
    const db = openBodyIndex(this.file);
    if (!db) return null;
    let damaged = false;
    try {
      return question(db);
    } catch (error) {
      damaged = troubleOf(error) === 'damaged';
      return null;
    } finally {
      closeQuietly(db);
      if (damaged) removeIndex(this.file);
    }
  }

  /** Whether the index answers for the folder as read, must be brought up to date first, or cannot be had. */
  private state(): 'current' | 'stale' | 'unavailable' {
    const files = this.corpus.articles.length;
    const current = this.ask((db) => {
      if (isCurrent(db, this.corpus.fingerprint ?? null, files)) return true;
      // A folder with no fingerprint: current when this process brought this very file up to date with these stamps.
      return (
        this.synced !== null &&
        this.synced.stamps === this.corpus.stamps &&
        this.synced.identity === identity(this.file) &&
        isWhole(db, files)
      );
    });
    return current === null ? 'unavailable' : current ? 'current' : 'stale';
  }

  /**
   * Follows the build under way, or starts one; `onCommit` hears each commit.
   * True when the index was brought up to date.
   */
  private async follow(
    onProgress?: (done: number, total: number) => void,
    onCommit?: OnCommit,
  ): Promise<boolean> {
    const build = (this.build ??= this.start());
    const listener: OnCommit = (done, total, lastId) => {
      onProgress?.(done, total);
      onCommit?.(done, total, lastId);
    };
    build.listeners.add(listener);
    try {
      return await build.done;
    } finally {
      build.listeners.delete(listener);
    }
  }

  /**
   * What a search following a build learns at each commit: the rows written
   * since the last (at first, every row already there), those of files as the
   * folder now has them, and which of them hold each text.
   */
  private batches(texts: readonly string[], onBatch: (batch: BodyBatch) => void): OnCommit {
    const stamps = this.corpus.stamps!();
    let seen = 0;
    const report = (upTo: number) => {
      this.ask((db) => {
        const rows = db
          .prepare('SELECT id, path, stamp FROM files WHERE id > ? AND id <= ?')
          .all(seen, upTo) as Array<{ id: number; path: string; stamp: string }>;
        const paths = new Set(
          rows.filter((row) => stamps.get(row.path) === row.stamp).map((row) => row.path),
        );
        if (paths.size === 0) return;
        const found = new Map(
          texts.map((text) => {
            const holding = [...bodiesContaining(db, text, seen)].filter((p) => paths.has(p));
            return [text, new Set(holding)];
          }),
        );
        onBatch({ paths: [...paths], found });
      });
      seen = upTo;
    };
    // What the index holds already, of files unchanged: known before anything is read.
    const maxId = this.ask((db) =>
      Number(
        (db.prepare('SELECT max(id) AS id FROM files').get() as { id: number | null }).id ?? 0,
      ),
    );
    if (maxId) report(maxId);
    return (_done, _total, lastId) => {
      if (lastId > seen) report(lastId);
    };
  }

  private start(): Build {
    const { corpus, file } = this;
    const stamps = corpus.stamps!;
    const current = stamps();
    const files: IndexedFile[] = corpus.articles.map((article) => ({
      path: article.path,
      stamp: current.get(article.path) ?? '',
    }));
    const { root, fingerprint = null } = corpus;
    const listeners = new Set<OnCommit>();
    const onCommit: OnCommit = (done, total, lastId) => {
      for (const listener of listeners) listener(done, total, lastId);
    };
    const script = new URL('./body-index-worker.js', import.meta.url);
    let stop = () => {};
    const finished = (ok: boolean) => {
      this.build = null;
      if (ok) this.synced = { stamps, identity: identity(file) };
      return ok;
    };
    let done: Promise<boolean>;
    // Run from its sources (the tests), there is no worker script to start: the work is done here.
    if (!existsSync(script)) {
      done = syncFile(file, root, files, fingerprint, onCommit).then(finished);
    } else {
      const worker = new Worker(script, {
        workerData: { file, root, files, fingerprint, threads: readerThreads() },
      });
      stop = () => void worker.terminate();
      done = new Promise<boolean>((resolve) => {
        worker.on(
          'message',
          (message: { done: number; total: number; lastId: number } | { finished: boolean }) => {
            if ('finished' in message) resolve(message.finished);
            else onCommit(message.done, message.total, message.lastId);
          },
        );
        worker.once('error', () => resolve(false));
        worker.once('exit', () => resolve(false));
      }).then(finished);
    }
    return { done, listeners, stop };
  }
}

/** Threads that read bodies for a build: one a core but the writer's, at least one. */
export function readerThreads(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/** The file's identity on disk: a file deleted and made again, or replaced, is another one. */
function identity(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return '';
  }
}

/**
 * Opens the body index in `file`, brings it up to date and closes it; false
 * when that could not be done (the search then reads bodies). What the worker
 * thread runs (reading bodies in threads of its own), and what runs in place
 * where there is no worker script.
 */
export async function syncFile(
  file: string,
  root: string,
  files: readonly IndexedFile[],
  fingerprint: string | null,
  onCommit?: OnCommit,
  read?: (root: string, files: readonly IndexedFile[]) => TextBatches,
): Promise<boolean> {
  const db = openBodyIndex(file);
  if (!db) return false;
  let damaged = false;
  try {
    await syncBodyIndex(db, root, files, fingerprint, onCommit, read);
    return true;
  } catch (error) {
    damaged = troubleOf(error) === 'damaged';
    return false;
  } finally {
    closeQuietly(db);
    if (damaged) removeIndex(file);
  }
}

/** Closes a connection; one to a damaged file may fail to, and is let go. */
function closeQuietly(db: Database): void {
  try {
    db.close();
  } catch {
    // Nothing more can be done with it.
  }
}
