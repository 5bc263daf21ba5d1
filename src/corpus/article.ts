/** A path in the category hierarchy, outermost first: `["编程", "Dockone", "周报"]`. */
export type CategoryPath = string[];

export type BodyFormat = 'html' | 'markdown';

/** One article file, its front matter normalised. */
export interface Article {
  /** Relative to the corpus root, `/`-separated. */
  path: string;
  absolutePath: string;
  title: string;
  /** Milliseconds since the epoch. */
  date: number;
  /** True when `date` is the file's modification time. */
  dateFromFile: boolean;
  /** No date given and no file of its own to take one from (standard input): none is shown. */
  undated?: true;
  updated: number | null;
  categories: CategoryPath[];
  tags: string[];
  author: string | null;
  image: string | null;
  link: string | null;
  /** Front-matter keys that have no field of their own. */
  meta: Record<string, unknown>;
  problems: string[];
  format: BodyFormat;
}

/** A file that could not be read as an article, or an article with something wrong. */
export interface Problem {
  path: string;
  /** The line of the file it is on, where it is known (a setting in the configuration). */
  line?: number;
  reason: string;
}

export interface Corpus {
  root: string;
  articles: Article[];
  /** Every problem, in path order: those of listed articles and of skipped files. */
  problems: Problem[];
  /**
   * Each file's size and change time as read, `size:changedMs`, by path: what
   * caches of the folder compare. Absent from a list of some articles only
   * (the newest, shown before the index is read), which no cache may follow.
   */
  stamps?: () => ReadonlyMap<string, string>;
  /** Changes whenever any file of the folder changed; null when that is not known. */
  fingerprint?: string | null;
  /**
   * True for the newest articles only, shown while the rest of the folder is
   * read: counts and places at the end of the list are not yet the folder's.
   */
  partial?: boolean;
}
