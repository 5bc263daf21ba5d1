/**
 * The index file's format: lines of JSON, a header, two tables of shared
 * values, then one record a file. Pure: lines in, a table of files out, and back.
 */
import type { Article, CategoryPath } from './article.js';
import { shareValue } from './intern.js';
import { sanitizeLine } from '../text/sanitize.js';
import { joinPath } from './file-path.js';
import { FileTable, isArticle } from './file-table.js';
import type { LineSource } from './line-reader.js';

/** Bumped whenever what is stored, or how fields are read, changes. */
const INDEX_VERSION = 6;

/**
 * On disk, each file is one array and repeated names (categories, tags,
 * authors, leftover front matter) are numbers into shared tables: a folder of
 * 100 000 articles parses in a fraction of the time an array of objects takes.
 */
type ArticleRecord = [
  path: string, size: number, changedMs: number, kind: 'a', title: string, date: number, dateFromFile: 0 | 1,
  updated: number | null, categories: number[][], tags: number[], author: number, image: string | null,
  link: string | null, meta: number, problems: string[], format: 0 | 1,
]; // prettier-ignore
type OtherRecord =
  | [path: string, size: number, changedMs: number, kind: 'p', reason: string]
  | [path: string, size: number, changedMs: number, kind: 'i'];
type FileRecord = ArticleRecord | OtherRecord;

/**
 * The file is lines of JSON: this header, the names table, the meta table,
 * then one record a file. It is parsed a batch of lines at a time, so the
 * whole index never exists at once as one string and one parsed tree beside
 * the articles made from it.
 */
interface IndexHeader {
  version: number;
  root: string;
  /** Zone-less dates were read in this zone; another zone reads them differently. */
  zone: string;
  /** How many records follow: an index cut short is not trusted. */
  files: number;
}

/** Records parsed together: few enough that the text of a batch and its parsed tree are small objects that die young. */
const BATCH = 200;

/**
 * The files of an index file's bytes, or null for a file that is not an
 * index of `root` read in `zone`, is cut short, or is out of shape in any way:
 * an index is never trusted beyond what it proves.
 */
export function parseIndex(lines: LineSource, root: string, zone: string): FileTable | null {
  try {
    const header = JSON.parse(lines.next(1)[0] ?? 'null') as IndexHeader | null;
    if (
      header?.version !== INDEX_VERSION ||
      header.root !== root ||
      header.zone !== zone ||
      !Number.isSafeInteger(header.files) ||
      header.files < 0
    )
      return null;
    const [read, metas] = lines.next(2).map((line) => JSON.parse(line) as unknown);
    if (!Array.isArray(read) || !Array.isArray(metas)) return null;
    const names = read.map((name: unknown) =>
      typeof name === 'string' ? sanitizeLine(name) : name,
    );
    const table = new FileTable(header.files);
    // Categories and tags repeat from record to record as the same numbers: each is made once.
    const made = new Map<string, unknown>();
    const shared = <T>(key: string, make: () => T): T => {
      if (!made.has(key)) made.set(key, shareValue(make()));
      return made.get(key) as T;
    };
    for (let batch = lines.next(BATCH); batch.length > 0; batch = lines.next(BATCH)) {
      // JSON strings hold no raw newline, so the lines are elements of one array.
      const records = JSON.parse(`[${batch.join(',')}]`) as unknown[];
      decode(root, names, metas, records, table, shared);
    }
    return table.length === header.files ? table : null;
  } catch {
    return null;
  }
}

/**
 * The index file's lines, a batch at a time: the tables of names and of
 * leftover front matter first (every record refers to them), then the
 * records. The whole file is never one string. `only` picks some files of
 * the table, by place, in the order given; all by default.
 */
export function* encodeIndex(
  root: string,
  zone: string,
  files: FileTable,
  only: readonly number[] | null = null,
): Generator<string> {
  const names = numbering<string>();
  const metas = numbering<Record<string, unknown>>();
  const record = (i: number): FileRecord => {
    const relative = files.paths[i]!;
    const item = files.items[i]!;
    const { size, changedMs } = files.stampAt(i);
    if (item === null) return [relative, size, changedMs, 'i'];
    if (!isArticle(item)) return [relative, size, changedMs, 'p', item.reason];
    const a = item;
    return [
      relative, size, changedMs, 'a', a.title, a.date, a.dateFromFile ? 1 : 0, a.updated,
      a.categories.map((p) => p.map(names.number)), a.tags.map(names.number),
      a.author === null ? -1 : names.number(a.author), a.image, a.link, metas.number(a.meta), a.problems,
      a.format === 'html' ? 1 : 0,
    ]; // prettier-ignore
  };
  // A first pass numbers every name and meta, so the tables can come first; the second gets the same numbers.
  let count = 0;
  for (const i of only ?? files.paths.keys()) {
    record(i);
    count++;
  }
  const header: IndexHeader = { version: INDEX_VERSION, root, zone, files: count };
  yield `${JSON.stringify(header)}\n${JSON.stringify(names.values)}\n${JSON.stringify(metas.values)}\n`;
  let batch: string[] = [];
  for (const i of only ?? files.paths.keys()) {
    batch.push(JSON.stringify(record(i)));
    if (batch.length === BATCH) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
}

/** Values numbered in the order first met, each once: the tables records refer to by number. */
function numbering<T>(): { values: T[]; number: (value: T) => number } {
  const values: T[] = [];
  const numbers = new Map<T, number>();
  const number = (value: T) => {
    let n = numbers.get(value);
    if (n === undefined) {
      n = values.push(value) - 1;
      numbers.set(value, n);
    }
    return n;
  };
  return { values, number };
}

/** Adds the files of parsed records; throws at the first thing out of shape. */
function decode(
  root: string,
  names: unknown[],
  metas: unknown[],
  records: unknown[],
  table: FileTable,
  shared: <T>(key: string, make: () => T) => T,
): void {
  const nameAt = (i: unknown): string => {
    const value = typeof i === 'number' ? names[i] : undefined;
    if (typeof value !== 'string') throw new OutOfShape();
    return value;
  };
  for (const record of records) {
    if (!Array.isArray(record)) throw new OutOfShape();
    const [relative, size, changedMs, kind] = record as FileRecord;
    if (typeof relative !== 'string' || typeof size !== 'number' || typeof changedMs !== 'number')
      throw new OutOfShape();
    const stamp = { size, changedMs };
    if (kind === 'i') table.add(relative, stamp, null);
    else if (kind === 'p' && typeof record[4] === 'string') {
      table.add(relative, stamp, { path: relative, reason: sanitizeLine(record[4]) });
    } else if (kind === 'a' && record.length === 16) {
      const [, , , , title, date, dateFromFile, updated, categories, tags, author, image, link,
        meta, problems, format] = record as ArticleRecord; // prettier-ignore
      const metaValue = metas[meta];
      if (
        typeof title !== 'string' ||
        typeof date !== 'number' ||
        !Array.isArray(categories) ||
        !Array.isArray(tags) ||
        !Array.isArray(problems) ||
        (updated !== null && typeof updated !== 'number') ||
        typeof metaValue !== 'object' ||
        metaValue === null
      )
        throw new OutOfShape();
      const article: Article = {
        path: relative,
        absolutePath: joinPath(root, relative),
        // The index is data from disk like any article: nothing in it may drive the terminal.
        title: sanitizeLine(title),
        date,
        dateFromFile: dateFromFile === 1,
        updated,
        categories: shared(`c${JSON.stringify(categories)}`, () =>
          categories.map((p): CategoryPath => p.map(nameAt)),
        ),
        tags: shared(`t${JSON.stringify(tags)}`, () => tags.map(nameAt)),
        author: author === -1 ? null : nameAt(author),
        image: typeof image === 'string' ? image : null,
        link: typeof link === 'string' ? link : null,
        meta: metaValue as Record<string, unknown>,
        problems:
          problems.length > 0
            ? problems.map((problem) => sanitizeLine(String(problem)))
            : shareValue([]),
        format: format === 1 ? 'html' : 'markdown',
      };
      table.add(relative, stamp, article);
    } else throw new OutOfShape();
  }
}

class OutOfShape extends Error {
  constructor() {
    super('index out of shape');
  }
}
