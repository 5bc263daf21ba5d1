// The index of body text on disk: SQLite's FTS5 with the trigram tokenizer, kept file by file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Corpus } from './article.js';
import { readBody, searchableText } from './body.js';
import { joinPath } from './file-path.js';

/** Bumped whenever what is stored, or how a body becomes searchable text, changes. */
const BODY_INDEX_VERSION = 1;

/** A file as the body index knows it: its path in the folder, and its size and change time. */
export interface IndexedFile {
  path: string;
  stamp: string;
}

type Database = BetterSqlite3.Database;

let driver: typeof BetterSqlite3 | null | undefined;

/**
 * better-sqlite3, when it could be installed here (it is a native module: a
 * prebuilt binary, or one built at install). Without it, bodies are searched
 * by reading them, as before there was an index.
 */
function sqlite(): typeof BetterSqlite3 | null {
  if (driver === undefined) {
    try {
      driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
      // A module that loads but cannot open a database (a binary for another Node) is no use either.
      new driver(':memory:').close();
    } catch {
      driver = null;
    }
  }
  return driver;
}

/** True when the body index can be used on this installation. */
export function bodyIndexAvailable(): boolean {
  return sqlite() !== null;
}

/** Where the body index of a folder lives, in the cache folder given. */
export function bodyIndexFile(cache: string, root: string): string {
  const name = createHash('sha256').update(root).digest('hex').slice(0, 24);
  return path.join(cache, 'bodies', `${name}.sqlite`);
}

/**
 * Opens (creating when needed) the body index in `file`; null when SQLite is
 * not to be had. A file that is damaged or from another version is removed
 * and started again: it is a cache, rebuilt from the articles.
 */
export function openBodyIndex(file: string): Database | null {
  const Sqlite = sqlite();
  if (!Sqlite) return null;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch {
    // A cache folder that cannot be made (read-only, a file in the way): bodies are read instead.
    return null;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const db = new Sqlite(file, { timeout: 10_000 });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS files(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, stamp TEXT NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS bodies USING fts5(text, tokenize = 'trigram', detail = none);
      `);
      const version = metaValue(db, 'version');
      if (version === null) setMeta(db, 'version', String(BODY_INDEX_VERSION));
      else if (version !== String(BODY_INDEX_VERSION)) throw new Error('another version');
      return db;
    } catch {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  }
  return null;
}

function metaValue(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

function setMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
}

/** True when the index was last brought up to date with the folder as `fingerprint` says it is now. */
export function isCurrent(db: Database, fingerprint: string | null): boolean {
  return fingerprint !== null && metaValue(db, 'fingerprint') === fingerprint;
}

/** How many bodies are read and written between reports and commits. */
const BATCH = 500;

/**
 * Brings the index up to date with the folder's files: a file it does not
 * know, or knows at another size or time, is read and indexed; a file gone is
 * dropped. Only what changed is read. `onProgress` hears how many of the
 * files to read are done.
 */
export function syncBodyIndex(
  db: Database,
  root: string,
  files: readonly IndexedFile[],
  fingerprint: string | null,
  onProgress: (done: number, total: number) => void = () => {},
): void {
  const known = new Map<string, string>();
  for (const row of db.prepare('SELECT path, stamp FROM files').iterate() as Iterable<{
    path: string;
    stamp: string;
  }>)
    known.set(row.path, row.stamp);
  const toRead: IndexedFile[] = [];
  for (const file of files) {
    // Known as it is: kept. Unknown or changed: read again.
    if (known.get(file.path) === file.stamp) known.delete(file.path);
    else toRead.push(file);
  }
  // A file's old row goes before it is added again (another browser on the folder may have added it
  // since `known` was read, too); what is left in `known` is gone from the folder, or changed.
  const dropBody = db.prepare(
    'DELETE FROM bodies WHERE rowid IN (SELECT id FROM files WHERE path = ?)',
  );
  const dropFile = db.prepare('DELETE FROM files WHERE path = ?');
  const drop = (relative: string) => {
    dropBody.run(relative);
    dropFile.run(relative);
  };
  const addFile = db.prepare('INSERT INTO files(path, stamp) VALUES (?, ?)');
  const addBody = db.prepare('INSERT INTO bodies(rowid, text) VALUES (?, ?)');
  db.transaction(() => {
    for (const relative of known.keys()) drop(relative);
  })();
  for (let start = 0; start < toRead.length; start += BATCH) {
    const batch = toRead.slice(start, start + BATCH).map((file) => ({
      file,
      text: searchableText(readBody({ absolutePath: joinPath(root, file.path) })),
    }));
    db.transaction(() => {
      for (const { file, text } of batch) {
        drop(file.path);
        const { lastInsertRowid } = addFile.run(file.path, file.stamp);
        addBody.run(lastInsertRowid, text);
      }
    })();
    onProgress(Math.min(start + BATCH, toRead.length), toRead.length);
  }
  if (fingerprint !== null) setMeta(db, 'fingerprint', fingerprint);
}

/**
 * Opens the body index in `file`, brings it up to date and closes it; false
 * when that could not be done (the search then reads bodies). What a worker
 * thread runs, and what runs in place where there is no worker script.
 */
export function syncFile(
  file: string,
  root: string,
  files: readonly IndexedFile[],
  fingerprint: string | null,
  onProgress?: (done: number, total: number) => void,
): boolean {
  const db = openBodyIndex(file);
  if (!db) return false;
  try {
    syncBodyIndex(db, root, files, fingerprint, onProgress);
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * The paths of the files whose body holds `text` (lower-cased, as the bodies
 * are stored): the trigram index finds them for three characters or more; a
 * shorter text is looked for in every body, still inside SQLite. GLOB, not
 * LIKE: an ESCAPE clause would keep LIKE from using the index (146 ms against
 * 1 ms on 300 000 bodies), and GLOB's few special characters are written as
 * one-character classes.
 */
export function bodiesContaining(db: Database, text: string): Set<string> {
  const pattern = `*${text.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
  const paths = db
    .prepare('SELECT path FROM files WHERE id IN (SELECT rowid FROM bodies WHERE text GLOB ?)')
    .pluck()
    .all(pattern) as string[];
  return new Set(paths);
}

/** What a search asks of the bodies: for each text, the paths of the files whose body holds it. */
export interface BodySource {
  /** Null when the index cannot be had (no SQLite here, a cache that cannot be written): bodies are read instead. */
  bodiesWith(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, Set<string>> | null>;
}

/**
 * The body index of one folder as read: brought up to date (in a worker
 * thread, so a browser keeps answering keys while a large folder is indexed)
 * when the folder changed since it was last, then asked in place.
 */
export class BodyIndex implements BodySource {
  private synced: { stamps: Corpus['stamps']; done: Promise<boolean> } | null = null;

  constructor(
    private readonly file: string,
    private readonly corpus: Corpus,
  ) {}

  async bodiesWith(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, Set<string>> | null> {
    // A list of some of the folder's articles only: bringing the index up to date with it would drop the others.
    if (!this.corpus.stamps) return null;
    let db = openBodyIndex(this.file);
    // Whatever goes wrong with a cache, bodies can still be read: nothing here throws.
    try {
      if (db && !isCurrent(db, this.corpus.fingerprint ?? null)) {
        // Closed while the folder's changes are written, opened again to ask.
        db.close();
        // Once for each reading of the folder: the list shown takes what a new reading knows of its files.
        if (this.synced?.stamps !== this.corpus.stamps)
          this.synced = { stamps: this.corpus.stamps, done: this.sync(onProgress) };
        db = (await this.synced.done) ? openBodyIndex(this.file) : null;
      }
      return db && new Map(texts.map((text) => [text, bodiesContaining(db!, text)]));
    } catch {
      return null;
    } finally {
      db?.close();
    }
  }

  private sync(onProgress?: (done: number, total: number) => void): Promise<boolean> {
    const { corpus } = this;
    const stamps = corpus.stamps!();
    const files: IndexedFile[] = corpus.articles.map((article) => ({
      path: article.path,
      stamp: stamps.get(article.path) ?? '',
    }));
    const { root, fingerprint = null } = corpus;
    const script = new URL('./body-index-worker.js', import.meta.url);
    // Run from its sources (the tests), there is no worker script to start: the work is done here.
    if (!existsSync(script))
      return Promise.resolve(syncFile(this.file, root, files, fingerprint, onProgress));
    return new Promise((resolve) => {
      const worker = new Worker(script, {
        workerData: { file: this.file, root, files, fingerprint },
      });
      worker.on('message', (message: { done: number; total: number } | { finished: boolean }) => {
        if ('finished' in message) resolve(message.finished);
        else onProgress?.(message.done, message.total);
      });
      worker.once('error', () => resolve(false));
      worker.once('exit', () => resolve(false));
    });
  }
}
