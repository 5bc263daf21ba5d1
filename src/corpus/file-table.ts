import type { Article, Problem } from './article.js';
import type { FileStamp } from './read.js';

/** What one file is: an article, why it was skipped, or null for a file that is no article. */
export type FileItem = Article | Problem | null;

/**
 * Every file of a folder in the order found, with its size, change time and
 * what it holds: the index of a folder, kept for as long as its list is shown.
 * One slot a file in four columns, 32 bytes, where a map of one object a file
 * took 155: at 300 000 articles, 37 MB of the browser's memory.
 */
export class FileTable {
  readonly paths: string[] = [];
  readonly items: FileItem[] = [];
  private sizes: Float64Array;
  private changed: Float64Array;

  /**
   * `expected` is how many files it will likely hold (the scan counted them, or
   * an index says so): room for up to a million is made at once, more when
   * needed, so a damaged index that claims billions costs nothing.
   */
  constructor(expected: number) {
    const room = Math.max(16, Math.min(expected, 1 << 20));
    this.sizes = new Float64Array(room);
    this.changed = new Float64Array(room);
  }

  get length(): number {
    return this.paths.length;
  }

  add(relative: string, stamp: FileStamp, item: FileItem): void {
    const i = this.paths.length;
    if (i === this.sizes.length) {
      this.sizes = grown(this.sizes);
      this.changed = grown(this.changed);
    }
    this.paths.push(relative);
    this.items.push(item);
    this.sizes[i] = stamp.size;
    this.changed[i] = stamp.changedMs;
  }

  /** Copies the file at `i` of another table. */
  addFrom(table: FileTable, i: number): void {
    this.add(table.paths[i]!, table.stampAt(i), table.items[i]!);
  }

  stampAt(i: number): FileStamp {
    return { size: this.sizes[i]!, changedMs: this.changed[i]! };
  }

  /**
   * Where each path is, asked in about the order of the table: the file a
   * folder's scan finds is the one at the same place when nothing moved, and
   * only when something did is a map of every path made, for this lookup only.
   */
  finder(): (relative: string, expected: number) => number {
    let positions: Map<string, number> | null = null;
    return (relative, expected) => {
      if (this.paths[expected] === relative) return expected;
      positions ??= new Map(this.paths.map((path, i) => [path, i]));
      return positions.get(relative) ?? -1;
    };
  }

  /** Each file's stamp as `size:changedMs`, by path: what caches of the folder compare, made when asked. */
  stamps(): Map<string, string> {
    return new Map(this.paths.map((path, i) => [path, `${this.sizes[i]}:${this.changed[i]}`]));
  }
}

function grown(column: Float64Array): Float64Array {
  const larger = new Float64Array(column.length * 2);
  larger.set(column);
  return larger;
}

export function isArticle(item: FileItem): item is Article {
  return item !== null && 'title' in item;
}
