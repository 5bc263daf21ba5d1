import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../state/atomic.js';
import type { Article, CategoryPath, Problem } from './article.js';
import { shareValue } from './intern.js';
import type { FileStamp } from './read.js';

/** Bumped whenever what is stored, or how fields are read, changes. */
const INDEX_VERSION = 2;

/** What the index remembers of one file: an article's fields, or why it was skipped, or that it is no article. */
export type IndexEntry =
  | { stamp: FileStamp; article: Article }
  | { stamp: FileStamp; problem: Problem }
  | { stamp: FileStamp; ignored: true };

/**
 * On disk, each file is one array and repeated names (categories, tags,
 * authors, leftover front matter) are numbers into shared tables: a folder of
 * 100 000 articles parses in a fraction of the time an array of objects takes.
 */
type ArticleRecord = [
  path: string, size: number, mtimeMs: number, kind: 'a', title: string, date: number, dateFromFile: 0 | 1,
  updated: number | null, categories: number[][], tags: number[], author: number, image: string | null,
  link: string | null, meta: number, problems: string[], format: 0 | 1,
]; // prettier-ignore
type OtherRecord =
  | [path: string, size: number, mtimeMs: number, kind: 'p', reason: string]
  | [path: string, size: number, mtimeMs: number, kind: 'i'];

interface IndexFile {
  version: number;
  root: string;
  /** Zone-less dates were read in this zone; another zone reads them differently. */
  zone: string;
  names: string[];
  metas: Array<Record<string, unknown>>;
  files: Array<ArticleRecord | OtherRecord>;
}

/**
 * The parsed fields of every file of a folder, with each file's size and
 * modification time, in the user cache folder. An index that is unreadable,
 * from another version, for another folder or another time zone is ignored
 * and rebuilt, never trusted.
 */
export class IndexCache {
  constructor(private readonly folder: string) {}

  private file(root: string): string {
    return path.join(
      this.folder,
      `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`,
    );
  }

  read(root: string): Map<string, IndexEntry> | null {
    return this.readFile(this.file(root), root);
  }

  /**
   * The newest articles only, kept in a small file of their own: enough for a
   * first screen while the whole index is still being read.
   */
  readNewest(root: string): Article[] | null {
    const entries = this.readFile(this.file(root).replace(/\.json$/, '.newest.json'), root);
    if (!entries) return null;
    return [...entries.values()].flatMap((entry) => ('article' in entry ? [entry.article] : []));
  }

  private readFile(file: string, root: string): Map<string, IndexEntry> | null {
    try {
      const index = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
      if (index?.version !== INDEX_VERSION || index.root !== root || index.zone !== currentZone())
        return null;
      return decode(root, index);
    } catch {
      return null;
    }
  }

  /** Writes the index; a cache folder that cannot be written only costs speed next time. */
  write(
    root: string,
    entries: ReadonlyMap<string, IndexEntry>,
    newest: readonly Article[] = [],
  ): void {
    try {
      writeFileAtomic(this.file(root), JSON.stringify(encode(root, entries)));
      const first = new Map<string, IndexEntry>();
      for (const article of newest) {
        const entry = entries.get(article.path);
        if (entry) first.set(article.path, entry);
      }
      writeFileAtomic(
        this.file(root).replace(/\.json$/, '.newest.json'),
        JSON.stringify(encode(root, first)),
      );
    } catch {
      // Read-only or full: the next run reads the files again.
    }
  }
}

function currentZone(): string {
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function encode(root: string, entries: ReadonlyMap<string, IndexEntry>): IndexFile {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const name = (value: string) => {
    let index = nameIndex.get(value);
    if (index === undefined) {
      index = names.push(value) - 1;
      nameIndex.set(value, index);
    }
    return index;
  };
  const metas: Array<Record<string, unknown>> = [];
  const metaIndex = new Map<Record<string, unknown>, number>();
  const files: IndexFile['files'] = [];
  for (const [relative, entry] of entries) {
    const { size, mtimeMs } = entry.stamp;
    if ('problem' in entry) files.push([relative, size, mtimeMs, 'p', entry.problem.reason]);
    else if ('ignored' in entry) files.push([relative, size, mtimeMs, 'i']);
    else {
      const a = entry.article;
      let meta = metaIndex.get(a.meta);
      if (meta === undefined) {
        meta = metas.push(a.meta) - 1;
        metaIndex.set(a.meta, meta);
      }
      files.push([
        relative, size, mtimeMs, 'a', a.title, a.date, a.dateFromFile ? 1 : 0, a.updated,
        a.categories.map((p) => p.map(name)), a.tags.map(name), a.author === null ? -1 : name(a.author),
        a.image, a.link, meta, a.problems, a.format === 'html' ? 1 : 0,
      ]); // prettier-ignore
    }
  }
  return { version: INDEX_VERSION, root, zone: currentZone(), names, metas, files };
}

/** The entries of a parsed index, or null at the first thing out of shape. */
function decode(root: string, index: IndexFile): Map<string, IndexEntry> | null {
  const { names, metas, files } = index;
  if (!Array.isArray(names) || !Array.isArray(metas) || !Array.isArray(files)) return null;
  const nameAt = (i: unknown): string => {
    const value = typeof i === 'number' ? names[i] : undefined;
    if (typeof value !== 'string') throw new Error('bad name');
    return value;
  };
  const entries = new Map<string, IndexEntry>();
  try {
    for (const record of files) {
      if (!Array.isArray(record)) return null;
      const [relative, size, mtimeMs, kind] = record;
      if (typeof relative !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number')
        return null;
      const stamp = { size, mtimeMs };
      if (kind === 'i') entries.set(relative, { stamp, ignored: true });
      else if (kind === 'p' && typeof record[4] === 'string') {
        entries.set(relative, { stamp, problem: { path: relative, reason: record[4] } });
      } else if (kind === 'a' && record.length === 16) {
        const [
          ,
          ,
          ,
          ,
          title,
          date,
          dateFromFile,
          updated,
          categories,
          tags,
          author,
          image,
          link,
          meta,
          problems,
          format,
        ] = record as ArticleRecord;
        if (
          typeof title !== 'string' ||
          typeof date !== 'number' ||
          !Array.isArray(categories) ||
          !Array.isArray(tags)
        )
          return null;
        if (!Array.isArray(problems) || (updated !== null && typeof updated !== 'number'))
          return null;
        const metaValue = metas[meta];
        if (typeof metaValue !== 'object' || metaValue === null) return null;
        entries.set(relative, {
          stamp,
          article: {
            path: relative,
            absolutePath: path.join(root, ...relative.split('/')),
            title,
            date,
            dateFromFile: dateFromFile === 1,
            updated,
            categories: shareValue(categories.map((p): CategoryPath => p.map(nameAt))),
            tags: shareValue(tags.map(nameAt)),
            author: author === -1 ? null : nameAt(author),
            image: typeof image === 'string' ? image : null,
            link: typeof link === 'string' ? link : null,
            meta: metaValue,
            problems: problems.length > 0 ? problems.map(String) : shareValue([]),
            format: format === 1 ? 'html' : 'markdown',
          },
        });
      } else return null;
    }
  } catch {
    return null;
  }
  return entries;
}
