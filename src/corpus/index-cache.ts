import { createHash } from 'node:crypto';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from '../files/atomic.js';
import { fileVersion } from '../files/version.js';
import type { Article } from './article.js';
import { isArticle, type FileTable } from './file-table.js';
import { encodeIndex, parseIndex } from './index-format.js';
import { FileLineReader } from './line-reader.js';

/**
 * The parsed fields of every file of a folder, with each file's size and
 * modification time, in the user cache folder. An index that is unreadable,
 * from another version, for another folder or another time zone is ignored
 * and rebuilt, never trusted.
 */
export class IndexCache {
  /**
   * What this process last read or wrote, while the file is still that one: a
   * folder checked again reads no index and keeps its article objects, so an
   * unchanged list is the same list.
   */
  private last: { key: string; files: FileTable } | null = null;

  constructor(private readonly folder: string) {}

  private file(root: string): string {
    return path.join(
      this.folder,
      `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.jsonl`,
    );
  }

  read(root: string): FileTable | null {
    const file = this.file(root);
    // What a write killed halfway left behind (an index of 300 000 articles is large) goes first.
    removeStaleTemporaries(file);
    removeStaleTemporaries(newestOf(file));
    const key = memoryKey(file);
    if (key !== null && this.last?.key === key) return this.last.files;
    const files = readIndex(file, root);
    this.last = key !== null && files ? { key, files } : null;
    return files;
  }

  /**
   * The newest articles only, kept in a small file of their own: enough for a
   * first screen while the whole index is still being read.
   */
  readNewest(root: string): Article[] | null {
    return readIndex(newestOf(this.file(root)), root)?.items.filter(isArticle) ?? null;
  }

  /**
   * A string that changes whenever the index is written again, that is, when
   * any file of the folder changed: caches of the folder's own (the body index)
   * compare it to know they are still current. Null without an index file.
   */
  fingerprint(root: string): string | null {
    const key = memoryKey(this.file(root));
    // Only an index this process read or wrote as it is on disk speaks for the folder.
    return key !== null && this.last?.key === key ? key : null;
  }

  /** Writes the index; a cache folder that cannot be written only costs speed next time. */
  write(root: string, files: FileTable, newest: readonly Article[] = []): void {
    this.last = null;
    try {
      const file = this.file(root);
      writeFileAtomic(file, encodeIndex(root, currentZone(), files));
      const key = memoryKey(file);
      this.last = key === null ? null : { key, files };
      // The newest articles' places in the table, newest first.
      const rank = new Map<unknown, number>(newest.map((article, n) => [article, n]));
      const first: number[] = [];
      files.items.forEach((item, i) => {
        const n = rank.get(item);
        if (n !== undefined) first[n] = i;
      });
      // `filter` passes over the holes of articles not in the table.
      const places = first.filter(() => true);
      writeFileAtomic(newestOf(file), encodeIndex(root, currentZone(), files, places));
    } catch {
      // Read-only or full: the next run reads the files again.
    }
  }
}

/** The small file of the newest articles beside an index file. */
function newestOf(file: string): string {
  return file.replace(/\.jsonl$/, '.newest.jsonl');
}

/** The file as it is now on disk, and the zone its dates are read in; null when it is not there. */
function memoryKey(file: string): string | null {
  const version = fileVersion(file);
  return version === null ? null : `${version}:${currentZone()}`;
}

function currentZone(): string {
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An index file's files, or null when it is missing, unreadable or not to be trusted. */
function readIndex(file: string, root: string): FileTable | null {
  try {
    const lines = new FileLineReader(file);
    try {
      return parseIndex(lines, root, currentZone());
    } finally {
      lines.close();
    }
  } catch {
    return null;
  }
}
