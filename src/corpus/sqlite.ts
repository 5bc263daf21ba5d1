// The SQLite that Node carries (`node:sqlite`: Node 22.13 and later, 24), when this Node has it.
import { createRequire } from 'node:module';

/** What broadsheet asks of a statement: the part of `node:sqlite`'s StatementSync it uses. */
export interface Statement {
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
}

/** What broadsheet asks of a connection: the part of `node:sqlite`'s DatabaseSync it uses. */
export interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
}

interface SqliteModule {
  DatabaseSync: new (file: string, options?: { timeout?: number }) => Database;
}

let loaded: SqliteModule | null | undefined;

/**
 * `node:sqlite`, or null where this Node has none (Node 20; 22 before 22.13
 * without a flag). Node 22 says, when it is loaded, that it is experimental:
 * that one warning is kept from the user's terminal, and no other.
 */
function sqliteModule(): SqliteModule | null {
  if (loaded === undefined) {
    const emitWarning = process.emitWarning;
    process.emitWarning = function (this: unknown, ...args: Parameters<typeof emitWarning>) {
      const [warning, kind] = args;
      const message = typeof warning === 'string' ? warning : warning.message;
      const type =
        typeof kind === 'string'
          ? kind
          : (kind?.type ?? (typeof warning === 'string' ? '' : warning.name));
      if (type === 'ExperimentalWarning' && /^SQLite\b/.test(message)) return;
      return emitWarning.apply(process, args);
    } as typeof emitWarning;
    try {
      loaded = createRequire(import.meta.url)('node:sqlite') as SqliteModule;
    } catch {
      loaded = null;
    } finally {
      process.emitWarning = emitWarning;
    }
  }
  return loaded;
}

let version: string | null | undefined;

/**
 * The SQLite version when this Node has one with what the body index needs
 * (FTS5 and its trigram tokenizer), else null.
 */
export function sqliteVersion(): string | null {
  if (version === undefined) {
    version = null;
    const sqlite = sqliteModule();
    if (sqlite) {
      try {
        const db = new sqlite.DatabaseSync(':memory:');
        try {
          db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'trigram', detail = none)");
          version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
        } finally {
          db.close();
        }
      } catch {
        version = null;
      }
    }
  }
  return version;
}

/** Opens a connection to `file`; throws what SQLite says (see `sqliteCode`). Only once `sqliteVersion()` is not null. */
export function openDatabase(file: string, timeout: number): Database {
  const { DatabaseSync } = sqliteModule()!;
  return new DatabaseSync(file, { timeout });
}

/** SQLite's primary result code of an error it threw (5 busy, 11 corrupt, 14 cannot open, 26 not a database), or 0. */
export function sqliteCode(error: unknown): number {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : 0;
}

export const SQLITE_BUSY = 5;
export const SQLITE_LOCKED = 6;
export const SQLITE_CORRUPT = 11;
export const SQLITE_NOTADB = 26;
