import { readFileSync, realpathSync, renameSync } from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from '../files/atomic.js';
import { reason } from '../files/errors.js';

/** A place in an article's text that holds at any width: a top-level block, and how far into it. */
export interface TextPlace {
  block: number;
  /** 0 at the block's first row, towards 1 at its last. */
  within: number;
}

/** What broadsheet remembers of an article, by the real path of its file. */
export interface ReadingEntry {
  /** When it was first opened, ms since the epoch. */
  readAt: number;
  /** The reader's first visible line when it was last left, at the width it was read at. */
  line: number;
  /** The same place in the text, which a reader of another width finds too. */
  place?: TextPlace;
  /** When this entry last changed: of two browsers' entries for one article, the later wins. */
  changedAt: number;
}

const VERSION = 1;

type Loaded =
  | { kind: 'entries'; entries: Map<string, ReadingEntry> }
  | { kind: 'missing' }
  | { kind: 'unusable'; why: string };

/**
 * Read marks and reading positions, in one JSON file in the user state folder.
 *
 * - Saving merges: the file is read again and, article by article, the entry
 *   changed last wins, so two browsers on the same state keep both's marks.
 * - A file that is damaged, unreadable or from a newer broadsheet is never
 *   overwritten: it is set aside under a name with the time, and the user is
 *   told once.
 * - A write is atomic (a temporary file renamed over); temporaries left by a
 *   write that was killed are removed at the next start; a state file that is
 *   a symbolic link stays one (its target is written).
 * - Articles are known by the real path of their file, so a folder opened
 *   through a link finds its marks.
 */
export class ReadingState {
  private entries = new Map<string, ReadingEntry>();
  /** Keys changed since the last save. */
  private changed = new Set<string>();
  private readonly realPaths = new Map<string, string>();
  /** Said once: the state file was set aside, or could not be saved. */
  readonly warning: string | null = null;

  constructor(private readonly file: string) {
    removeStaleTemporaries(file);
    const loaded = readEntries(file);
    if (loaded.kind === 'entries') this.entries = loaded.entries;
    if (loaded.kind === 'unusable') this.warning = setAside(file, loaded.why).message;
  }

  static inFolder(folder: string): ReadingState {
    return new ReadingState(path.join(folder, 'reading.json'));
  }

  isRead(absolutePath: string): boolean {
    return this.entries.has(this.keyOf(absolutePath));
  }

  position(absolutePath: string): number {
    return this.entries.get(this.keyOf(absolutePath))?.line ?? 0;
  }

  /** Where the article was left in its text, when that is known. */
  place(absolutePath: string): TextPlace | null {
    return this.entries.get(this.keyOf(absolutePath))?.place ?? null;
  }

  markRead(
    absolutePath: string,
    line: number,
    place: TextPlace | null = null,
    now = Date.now(),
  ): void {
    const key = this.keyOf(absolutePath);
    const previous = this.entries.get(key);
    if (
      previous &&
      previous.line === line &&
      previous.place?.block === place?.block &&
      previous.place?.within === place?.within
    )
      return;
    this.entries.set(key, {
      readAt: previous?.readAt ?? now,
      line,
      ...(place ? { place } : {}),
      changedAt: now,
    });
    this.changed.add(key);
  }

  /**
   * Writes what changed, merged with what the file holds now (another
   * browser may have saved since); errors are returned, not thrown.
   */
  save(): string | null {
    if (this.changed.size === 0) return null;
    const onDisk = readEntries(this.file);
    if (onDisk.kind === 'unusable') {
      const aside = setAside(this.file, onDisk.why);
      if (!aside.moved) return aside.message;
    }
    const merged = onDisk.kind === 'entries' ? onDisk.entries : new Map<string, ReadingEntry>();
    for (const key of this.changed) {
      const mine = this.entries.get(key)!;
      const theirs = merged.get(key);
      if (!theirs || theirs.changedAt <= mine.changedAt)
        merged.set(key, { ...mine, readAt: Math.min(mine.readAt, theirs?.readAt ?? Infinity) });
    }
    try {
      writeFileAtomic(
        this.file,
        JSON.stringify({ version: VERSION, articles: Object.fromEntries(merged) }),
      );
    } catch (error) {
      return `could not save the reading state in ${this.file}: ${reason(error)}`;
    }
    this.entries = merged;
    this.changed.clear();
    return null;
  }

  private keyOf(absolutePath: string): string {
    let key = this.realPaths.get(absolutePath);
    if (key === undefined) {
      try {
        key = realpathSync(absolutePath);
      } catch {
        key = absolutePath;
      }
      this.realPaths.set(absolutePath, key);
    }
    return key;
  }
}

function readEntries(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unusable', why: `unreadable (${reason(error)})` };
  }
  let parsed: { version?: unknown; articles?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return { kind: 'unusable', why: 'damaged' };
  }
  if (typeof parsed.version === 'number' && parsed.version > VERSION)
    return { kind: 'unusable', why: 'from a newer broadsheet' };
  if (parsed.version !== VERSION || typeof parsed.articles !== 'object' || parsed.articles === null)
    return { kind: 'unusable', why: 'not a reading state' };
  const entries = new Map<string, ReadingEntry>();
  for (const [key, value] of Object.entries(parsed.articles)) {
    const entry = value as Partial<ReadingEntry>;
    if (typeof entry.readAt === 'number' && typeof entry.line === 'number') {
      const place = entry.place;
      entries.set(key, {
        readAt: entry.readAt,
        line: Math.max(0, Math.floor(entry.line)),
        ...(place && Number.isInteger(place.block) && typeof place.within === 'number'
          ? { place: { block: place.block, within: Math.min(1, Math.max(0, place.within)) } }
          : {}),
        changedAt: typeof entry.changedAt === 'number' ? entry.changedAt : entry.readAt,
      });
    }
  }
  return { kind: 'entries', entries };
}

/** Renames a state file that cannot be used, so nothing in it is lost; says where it went. */
function setAside(file: string, why: string): { moved: boolean; message: string } {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.${stamp}.set-aside`;
  try {
    renameSync(file, aside);
    return {
      moved: true,
      message: `the reading state was ${why}; it was kept as ${aside} and a new one started`,
    };
  } catch (error) {
    return {
      moved: false,
      message: `the reading state is ${why} and could not be set aside (${reason(error)}); it is not written over`,
    };
  }
}
