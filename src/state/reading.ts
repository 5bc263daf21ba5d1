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
  /** False when marked unread again (the place read is kept). */
  read: boolean;
  starred: boolean;
  /** The reader's first visible line when it was last left, at the width it was read at. */
  line: number;
  /** The same place in the text, which a reader of another width finds too. */
  place?: TextPlace;
  /** When this entry last changed: of two browsers' entries for one article, the later wins. */
  changedAt: number;
}

const VERSION = 1;

/** The marks as a view reads them: the marked articles by key, and how a folder's real path is found. */
export interface MarksSnapshot {
  marked(): Iterable<[key: string, marks: { read: boolean; starred: boolean }]>;
  realFolder(folder: string): string;
}

/** Prompts whose lines are remembered, each its own history. */
export type HistoryKind = 'filter' | 'search' | 'pipe';

/** Lines kept of each prompt's history. */
const HISTORY_SIZE = 100;

type Histories = Partial<Record<HistoryKind, string[]>>;

type Loaded =
  | { kind: 'entries'; entries: Map<string, ReadingEntry>; history: Histories }
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
  private histories: Histories = {};
  /** Lines added to each history since the last save. */
  private added: Histories = {};
  /** Counts changes of marks (read, unread, starred), so a view can tell they changed; not of places. */
  version = 0;
  /** Views following the marks, called when they change; and the marks as the last change left them. */
  private readonly listeners = new Set<() => void>();
  private snapshot: MarksSnapshot | null = null;
  /** Keys changed since the last save. */
  private changed = new Set<string>();
  private readonly realFolders = new Map<string, string>();
  /** Said once: the state file was set aside, or could not be saved. */
  readonly warning: string | null = null;

  /** With `readOnly`, the state is only read: nothing is removed or set aside (a pipe asking `is:unread`). */
  constructor(
    private readonly file: string,
    readOnly = false,
  ) {
    if (!readOnly) removeStaleTemporaries(file);
    const loaded = readEntries(file);
    if (loaded.kind === 'entries') {
      this.entries = loaded.entries;
      this.histories = loaded.history;
    }
    if (loaded.kind === 'unusable')
      this.warning = readOnly
        ? `the reading state is ${loaded.why}; every article counts as unread`
        : setAside(file, loaded.why).message;
  }

  static inFolder(folder: string, readOnly = false): ReadingState {
    return new ReadingState(path.join(folder, 'reading.json'), readOnly);
  }

  /** The articles marked read or starred, by their key (the real path of their file). */
  *marked(): Iterable<[key: string, marks: { read: boolean; starred: boolean }]> {
    for (const [key, entry] of this.entries) if (entry.read || entry.starred) yield [key, entry];
  }

  isRead(absolutePath: string): boolean {
    return this.entries.get(this.keyOf(absolutePath))?.read ?? false;
  }

  isStarred(absolutePath: string): boolean {
    return this.entries.get(this.keyOf(absolutePath))?.starred ?? false;
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
    const previous = this.entries.get(this.keyOf(absolutePath));
    if (
      previous?.read &&
      previous.line === line &&
      previous.place?.block === place?.block &&
      previous.place?.within === place?.within
    )
      return;
    this.change(absolutePath, { read: true, line, place: place ?? undefined }, now);
  }

  /** Marks an article read or unread; the place it was read to is kept. */
  setRead(absolutePath: string, read: boolean, now = Date.now()): void {
    if (this.isRead(absolutePath) !== read) this.change(absolutePath, { read }, now);
  }

  setStarred(absolutePath: string, starred: boolean, now = Date.now()): void {
    if (this.isStarred(absolutePath) !== starred) this.change(absolutePath, { starred }, now);
  }

  /** A prompt's earlier lines, oldest first. */
  history(kind: HistoryKind): readonly string[] {
    return this.histories[kind] ?? [];
  }

  /** Adds a line to a prompt's history (moved to the end if it is there already). */
  remember(kind: HistoryKind, line: string): void {
    if (line.trim() === '') return;
    this.histories[kind] = withLast(this.histories[kind], line);
    this.added[kind] = withLast(this.added[kind], line);
  }

  private change(absolutePath: string, fields: Partial<ReadingEntry>, now: number): void {
    const key = this.keyOf(absolutePath);
    const previous = this.entries.get(key);
    const entry: ReadingEntry = {
      readAt: previous?.readAt ?? now,
      read: false,
      starred: false,
      line: 0,
      ...previous,
      ...fields,
      changedAt: now,
    };
    if (entry.place === undefined) delete entry.place;
    this.entries.set(key, entry);
    this.changed.add(key);
    if (previous?.read !== entry.read || previous?.starred !== entry.starred) this.marksChanged();
  }

  /**
   * Calls `listener` whenever a mark changes: here, or in another browser's
   * file taken in by a save. Returns how to stop. With `getSnapshot`, what
   * React's `useSyncExternalStore` subscribes to.
   */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The marks: the same object until one changes, a new one after (what a view of them is made from). */
  readonly getSnapshot = (): MarksSnapshot =>
    (this.snapshot ??= {
      marked: () => this.marked(),
      realFolder: (folder) => this.realFolder(folder),
    });

  private marksChanged(): void {
    this.version++;
    this.snapshot = null;
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Writes what changed, merged with what the file holds now (another
   * browser may have saved since); errors are returned, not thrown.
   */
  save(): string | null {
    if (this.changed.size === 0 && Object.keys(this.added).length === 0) return null;
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
    const history: Histories = onDisk.kind === 'entries' ? onDisk.history : {};
    for (const [kind, lines] of Object.entries(this.added) as Array<[HistoryKind, string[]]>)
      for (const line of lines) history[kind] = withLast(history[kind], line);
    try {
      writeFileAtomic(
        this.file,
        JSON.stringify({ version: VERSION, articles: Object.fromEntries(merged), history }),
      );
    } catch (error) {
      return `could not save the reading state in ${this.file}: ${reason(error)}`;
    }
    this.entries = merged;
    this.histories = history;
    this.changed.clear();
    this.added = {};
    // Another browser's marks came in with the file: views of the marks are made again.
    this.marksChanged();
    return null;
  }

  /** The article's key: its real path, found folder by folder (one realpath a folder, not one a file). */
  private keyOf(absolutePath: string): string {
    const folder = path.dirname(absolutePath);
    const real = this.realFolder(folder);
    return real === folder ? absolutePath : path.join(real, path.basename(absolutePath));
  }

  /** A folder's real path, as keys are made of: found once a folder. */
  realFolder(folder: string): string {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      try {
        real = realpathSync(folder);
      } catch {
        real = folder;
      }
      this.realFolders.set(folder, real);
    }
    return real;
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
  let parsed: { version?: unknown; articles?: unknown; history?: unknown };
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
        read: entry.read !== false,
        starred: entry.starred === true,
        line: Math.max(0, Math.floor(entry.line)),
        ...(place && Number.isInteger(place.block) && typeof place.within === 'number'
          ? { place: { block: place.block, within: Math.min(1, Math.max(0, place.within)) } }
          : {}),
        changedAt: typeof entry.changedAt === 'number' ? entry.changedAt : entry.readAt,
      });
    }
  }
  return { kind: 'entries', entries, history: readHistories(parsed) };
}

function readHistories(parsed: { history?: unknown }): Histories {
  const out: Histories = {};
  const history = parsed.history;
  if (typeof history !== 'object' || history === null) return out;
  for (const kind of ['filter', 'search', 'pipe'] as const) {
    const lines = (history as Record<string, unknown>)[kind];
    if (Array.isArray(lines))
      out[kind] = lines
        .filter((line): line is string => typeof line === 'string')
        .slice(-HISTORY_SIZE);
  }
  return out;
}

/** The lines with `line` at the end, once, at most HISTORY_SIZE of them. */
function withLast(lines: readonly string[] | undefined, line: string): string[] {
  return [...(lines ?? []).filter((other) => other !== line), line].slice(-HISTORY_SIZE);
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
