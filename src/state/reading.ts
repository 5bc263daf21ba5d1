import { isAscii } from 'node:buffer';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  watch,
  writeSync,
  type FSWatcher,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from '../files/atomic.js';
import { reason } from '../files/errors.js';
import { lockFolder } from '../files/places.js';
import { readRegularFileFrom } from '../files/regular.js';
import {
  changedAtOf,
  entryOf,
  isObject,
  journalLine,
  lineOf,
  parseJournal,
  parseSnapshot,
  placeOf,
  readOf,
  snapshotText,
  starredOf,
  type ReadingEntry,
  type StateDocument,
  type TextPlace,
} from './document.js';
import { lock, LockBusy, lockFileOf, tryLock, type Release } from './lock.js';

export type { ReadingEntry, TextPlace } from './document.js';

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

/** What the state held of some articles, to be put back (`recall`, `restore`). */
export type Recalled = ReadonlyArray<readonly [key: string, entry: unknown]>;

export interface ReadingStateOptions {
  /** Only read: nothing is written, set aside or removed (a pipe asking `is:unread`). */
  readOnly?: boolean;
  /** Where the lock that browsers on this state take in turn is kept. */
  lockFolder?: string;
}

/** A state file, its journal or a sync tool's copy larger than this is not read. */
const MAX_BYTES = 256 * 1024 * 1024;
/** The journal is taken into a new snapshot when it grows past the snapshot, or past this. */
const JOURNAL_FLOOR = 64 * 1024;
/** How long a save waits for another browser's save to end. */
const LOCK_WAIT_MS = 30_000;
/** A change is written this long after it is made, with the changes made meanwhile. */
const SAVE_DELAY_MS = 500;
/** How soon a save put off by another browser's is tried again. */
const RETRY_MS = 50;
/** How often the files are looked at when no change was announced (network file systems, lost events). */
const POLL_MS = 2_000;

/**
 * Read marks and reading positions, in the user state folder (or the one set).
 *
 * On disk: `reading.json`, a snapshot of every article's entry, and
 * `reading.jsonl`, a journal of the changes saved since, one line a save. A
 * save appends one line, so its cost is that of what changed, not of every
 * mark ever made; when the journal outgrows the snapshot, the two are written
 * as one new snapshot (an amortised cost of about one byte a byte saved).
 *
 * - Saving merges: under a lock kept in the runtime folder, what other
 *   browsers saved is read in first and, article by article, the entry
 *   changed last wins, so browsers on the same state keep each other's marks.
 * - The same merge takes in a sync tool's conflict copies of either file
 *   (`reading.sync-conflict-….json`, `reading (… conflicted copy …).json`)
 *   and a git merge's conflicted snapshot: their entries join the state, and
 *   the copies are removed once that is saved.
 * - An entry is kept as it was read, fields broadsheet does not know with it;
 *   one of an unexpected shape counts for what can be made of it.
 * - A snapshot that is damaged, unreadable, not a regular file, too large or
 *   from a newer broadsheet is never overwritten: it is set aside under a name
 *   with the time, and the user is told. A journal with lines that cannot be
 *   read is copied aside before anything else is written to it.
 * - A state file that is read-only is not written: saving says so.
 * - A snapshot is written atomically (a temporary file renamed over), a
 *   journal's line in one append under the lock; a line cut short by a killed
 *   save is cut off by the next. Temporaries left by a killed write are
 *   removed at the next start; a state file that is a symbolic link stays one.
 * - Articles are known by the real path of their file, so a folder opened
 *   through a link finds its marks.
 */
export class ReadingState {
  /** Entries by key, as read or made: any value (one that is not an object means nothing, and is kept). */
  private entries = new Map<string, unknown>();
  private histories: Record<string, unknown> = {};
  private extra: Record<string, unknown> = {};
  /** Entries this browser set (or took from a conflict copy) since the last save. */
  private pending = new Map<string, unknown>();
  /** Lines added to each history since the last save. */
  private added: Histories = {};
  /** Counts changes of marks (read, unread, starred), so a view can tell they changed; not of places. */
  version = 0;
  /** Views following the marks, called when they change; and the marks as the last change left them. */
  private readonly listeners = new Set<() => void>();
  private snapshot: MarksSnapshot | null = null;
  private readonly realFolders = new Map<string, string>();

  /** The journal beside the snapshot, and the folder and name stem sync tools' copies have. */
  private readonly journal: string;
  private readonly folder: string;
  private readonly stem: string;
  private readonly lockFile: string;
  private readonly readOnly: boolean;
  private snapshotSeen: string | null = null;
  private snapshotSize = 0;
  /** The journal read last, and how far. */
  private journalSeen: number | null = null;
  private journalOffset = 0;
  /** The journal copied aside for lines that could not be read (once a journal). */
  private journalCopied: number | null = null;
  /** Conflict copies taken in, as they were then; removed once what they held is saved. */
  private readonly conflicts = new Map<string, string>();
  /** Conflict copies that could not be read, said once each. */
  private readonly unreadable = new Set<string>();
  /** The snapshot is unusable and could not be set aside: nothing is written over it. */
  private blocked: string | null = null;
  /** The snapshot is to be written anew at the next save (it held a git conflict). */
  private compactDue = false;

  private lastNotice: string | null = null;
  private onProblem: ((message: string) => void) | null = null;
  private lastProblem: string | null = null;
  private saveDelay = SAVE_DELAY_MS;
  private saveTimer: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  private poller: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    options: ReadingStateOptions | boolean = {},
  ) {
    const { readOnly = false, lockFolder: locks = lockFolder() } =
      typeof options === 'boolean' ? { readOnly: options } : options;
    this.readOnly = readOnly;
    this.folder = path.dirname(file);
    this.stem = path.basename(file).replace(/\.json$/, '');
    this.journal = path.join(this.folder, `${this.stem}.jsonl`);
    this.lockFile = lockFileOf(file, locks);
    if (!readOnly) removeStaleTemporaries(file);
    this.readDisk();
  }

  static inFolder(folder: string, options: ReadingStateOptions | boolean = {}): ReadingState {
    return new ReadingState(path.join(folder, 'reading.json'), options);
  }

  /** What was said last about the state's files (set aside, copied, not readable), once. */
  get warning(): string | null {
    return this.lastNotice;
  }

  /** The articles marked read or starred, by their key (the real path of their file). */
  *marked(): Iterable<[key: string, marks: { read: boolean; starred: boolean }]> {
    for (const [key, entry] of this.entries) {
      const read = readOf(entry);
      const starred = starredOf(entry);
      if (read || starred) yield [key, { read, starred }];
    }
  }

  isRead(absolutePath: string): boolean {
    return readOf(this.entries.get(this.keyOf(absolutePath)));
  }

  isStarred(absolutePath: string): boolean {
    return starredOf(this.entries.get(this.keyOf(absolutePath)));
  }

  position(absolutePath: string): number {
    return lineOf(this.entries.get(this.keyOf(absolutePath)));
  }

  /** Where the article was left in its text, when that is known. */
  place(absolutePath: string): TextPlace | null {
    return placeOf(this.entries.get(this.keyOf(absolutePath)));
  }

  /** The article's entry as broadsheet reads it; null when there is none. */
  entry(absolutePath: string): ReadingEntry | null {
    const entry = this.entries.get(this.keyOf(absolutePath));
    return entry === undefined ? null : entryOf(entry);
  }

  markRead(
    absolutePath: string,
    line: number,
    place: TextPlace | null = null,
    now = Date.now(),
  ): void {
    const previous = this.entries.get(this.keyOf(absolutePath));
    const was = placeOf(previous);
    if (
      previous !== undefined &&
      readOf(previous) &&
      lineOf(previous) === line &&
      was?.block === place?.block &&
      was?.within === place?.within
    )
      return;
    this.change(absolutePath, { read: true, line, place }, now);
  }

  /** Marks an article read or unread; the place it was read to is kept. */
  setRead(absolutePath: string, read: boolean, now = Date.now()): void {
    if (this.isRead(absolutePath) !== read) this.change(absolutePath, { read }, now);
  }

  setStarred(absolutePath: string, starred: boolean, now = Date.now()): void {
    if (this.isStarred(absolutePath) !== starred) this.change(absolutePath, { starred }, now);
  }

  /**
   * What the state holds of these articles now (nothing, for one it holds
   * nothing of), so that `restore` can put it back: how a change is undone.
   */
  recall(absolutePaths: Iterable<string>): Recalled {
    const recalled: Array<readonly [string, unknown]> = [];
    for (const absolutePath of absolutePaths) {
      const key = this.keyOf(absolutePath);
      recalled.push([key, this.entries.get(key)]);
    }
    return recalled;
  }

  /**
   * Puts back what `recall` found: each article's marks, place and every
   * other field as they were; an article that had no entry gets one that says
   * nothing (unread, not starred, no place). It is a change of its own, made
   * now, so it wins over the change it takes back here and in other browsers.
   */
  restore(recalled: Recalled, now = Date.now()): void {
    let marks = false;
    for (const [key, was] of recalled) {
      const current = this.entries.get(key);
      const entry = isObject(was)
        ? { ...was, changedAt: now }
        : { read: false, starred: false, line: 0, changedAt: now };
      this.entries.set(key, entry);
      this.pending.set(key, entry);
      marks ||= readOf(current) !== readOf(entry) || starredOf(current) !== starredOf(entry);
    }
    if (marks) this.marksChanged();
    this.scheduleSave();
  }

  /** A prompt's earlier lines, oldest first. */
  history(kind: HistoryKind): readonly string[] {
    return linesOf(this.histories[kind]);
  }

  /** Adds a line to a prompt's history (moved to the end if it is there already). */
  remember(kind: HistoryKind, line: string): void {
    if (line.trim() === '') return;
    this.histories[kind] = withLast(this.history(kind), line);
    this.added[kind] = withLast(this.added[kind], line);
    this.scheduleSave();
  }

  private change(
    absolutePath: string,
    fields: { read?: boolean; starred?: boolean; line?: number; place?: TextPlace | null },
    now: number,
  ): void {
    const key = this.keyOf(absolutePath);
    const previous = this.entries.get(key);
    const { place, ...marks } = fields;
    const entry: Record<string, unknown> = {
      ...(isObject(previous) ? previous : {}),
      readAt: isObject(previous) && previous.readAt !== undefined ? previous.readAt : now,
      read: previous !== undefined && readOf(previous),
      starred: starredOf(previous),
      line: lineOf(previous),
      ...marks,
      changedAt: now,
    };
    if (place !== undefined) {
      if (place) entry.place = place;
      else delete entry.place;
    }
    this.entries.set(key, entry);
    this.pending.set(key, entry);
    if (readOf(previous) !== readOf(entry) || starredOf(previous) !== starredOf(entry))
      this.marksChanged();
    this.scheduleSave();
  }

  /**
   * Calls `listener` whenever a mark changes: here, or in another browser's
   * file taken in by a save or by `watch`. Returns how to stop. With
   * `getSnapshot`, what React's `useSyncExternalStore` subscribes to.
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
   * From now on, every change is saved on its own, `delay` ms after it is
   * made, with every change made meanwhile: a burst of marks is one write.
   * A save never waits for another browser's: it is tried again a moment
   * later. What goes wrong (a failed save, a file set aside) is given to
   * `onProblem`, once until it changes. `save()` still writes at once (on
   * leaving); `stop()` ends this.
   */
  autosave(onProblem: (message: string) => void = () => {}, delay = SAVE_DELAY_MS): void {
    if (this.readOnly) return;
    this.onProblem = onProblem;
    this.saveDelay = delay;
    if (this.hasPending()) this.scheduleSave();
  }

  /**
   * From now on, what other browsers save to this state (or a sync tool
   * brings) is taken in within moments of being written, and subscribers are
   * told when marks changed: the folder is watched, and looked at every two
   * seconds besides (where changes are not announced).
   */
  watch(): void {
    if (this.poller) return;
    this.poller = setInterval(() => this.refresh(), POLL_MS);
    this.poller.unref();
    this.watchFolder();
  }

  /** Stops saving on its own and watching; what is not saved yet stays for `save()`. */
  stop(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.poller) clearInterval(this.poller);
    this.watcher?.close();
    this.saveTimer = this.refreshTimer = this.poller = null;
    this.watcher = null;
    this.onProblem = null;
  }

  /** Takes in what was saved to the files since they were read last. */
  refresh(): void {
    if (this.poller && !this.watcher) this.watchFolder();
    if (this.readDisk()) this.marksChanged();
    if (this.hasPending()) this.scheduleSave();
  }

  /**
   * Writes what changed now, merged with what the files hold (another
   * browser may have saved since), waiting for another browser's save if one
   * is under way; errors are returned, not thrown.
   */
  save(): string | null {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.readOnly || !this.hasPending()) return null;
    return this.write(() => lock(this.lockFile, LOCK_WAIT_MS));
  }

  private scheduleSave(): void {
    if (!this.onProblem || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.saveNow(), this.saveDelay);
    this.saveTimer.unref();
  }

  /** A save on its own: at once if no other browser is saving, a moment later if one is. */
  private saveNow(): void {
    this.saveTimer = null;
    if (!this.hasPending()) return;
    let busy = false;
    const failure = this.write(() => {
      const release = tryLock(this.lockFile);
      busy = release === null;
      return release;
    });
    if (busy) {
      this.saveTimer = setTimeout(() => this.saveNow(), RETRY_MS);
      this.saveTimer.unref();
    } else if (failure) this.problem(failure);
  }

  private hasPending(): boolean {
    return (
      this.pending.size > 0 ||
      Object.keys(this.added).length > 0 ||
      this.conflicts.size > 0 ||
      this.compactDue
    );
  }

  /** Saves under the lock `take` gives (null: busy, nothing done). */
  private write(take: () => Release | null): string | null {
    const failed = (error: unknown) =>
      `could not save the reading state in ${this.file}: ${reason(error)}`;
    const readOnlyFile = [this.file, this.journal].find(isReadOnly);
    if (readOnlyFile) return `could not save the reading state in ${readOnlyFile}: it is read-only`;
    let release: Release | null;
    try {
      release = take();
    } catch (error) {
      return error instanceof LockBusy
        ? failed(error)
        : `could not save the reading state in ${this.file}: its lock ${this.lockFile} could not be made (${reason(error)})`;
    }
    if (!release) return null;
    let marks = false;
    try {
      marks = this.readDisk();
      if (this.blocked) return this.blocked;
      this.writeLocked();
    } catch (error) {
      return failed(error);
    } finally {
      release();
      if (marks) this.marksChanged();
    }
    return null;
  }

  /** Appends what changed to the journal, or writes a new snapshot of everything; the lock is held. */
  private writeLocked(): void {
    const changed: Array<[string, unknown]> = [];
    for (const [key, entry] of this.pending)
      if (this.entries.get(key) === entry) changed.push([key, entry]);
    const line =
      changed.length > 0 || Object.keys(this.added).length > 0
        ? journalLine(changed, this.added)
        : '';
    // A line cut short by a save that was killed (none is being written: the lock is ours) goes.
    const journalSize = sizeOf(this.journal);
    if (journalSize > this.journalOffset) truncateSync(this.journal, this.journalOffset);
    const bytes = Buffer.byteLength(line);
    if (
      this.snapshotSeen === null ||
      this.compactDue ||
      this.journalOffset + bytes > Math.max(this.snapshotSize, JOURNAL_FLOOR)
    ) {
      writeFileAtomic(this.file, snapshotText(this.entries, this.histories, this.extra));
      rmSync(this.journal, { force: true });
      const stat = statSync(this.file);
      this.snapshotSeen = identityOf(stat);
      this.snapshotSize = stat.size;
      this.journalSeen = null;
      this.journalOffset = 0;
    } else if (bytes > 0) {
      const descriptor = openSync(this.journal, 'a', 0o600);
      try {
        writeAll(descriptor, Buffer.from(line));
        // On the disk when the save returns, as a snapshot is: a power cut keeps the line.
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
      const stat = statSync(this.journal);
      this.journalSeen = stat.ino;
      this.journalOffset = stat.size;
    }
    this.pending.clear();
    this.added = {};
    this.compactDue = false;
    for (const [copy, identity] of this.conflicts) {
      // Removed only as it was read: one changed since is read again first.
      if (identityOf(statOrNull(copy)) === identity) rmSync(copy, { force: true });
      this.conflicts.delete(copy);
    }
  }

  /** Reads what changed in the files since they were read last; says whether a mark changed. */
  private readDisk(): boolean {
    const snapshot = this.readSnapshot();
    const journal = this.readJournal();
    const conflicts = this.readConflicts();
    return snapshot || journal || conflicts;
  }

  private readSnapshot(): boolean {
    const stat = statOrNull(this.file);
    if (stat !== undefined && identityOf(stat) === this.snapshotSeen) return false;
    this.blocked = null;
    let bytes: Buffer;
    try {
      const file = readRegularFileFrom(this.file, MAX_BYTES);
      bytes = file.bytes;
      this.snapshotSeen = identityOf(file.stat);
      this.snapshotSize = file.stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.snapshotSeen = null;
        this.snapshotSize = 0;
        return false;
      }
      return this.unusable(`unreadable (${reason(error)})`, stat);
    }
    const parsed = parseSnapshot(textOf(bytes));
    if ('why' in parsed) return this.unusable(parsed.why, stat);
    // A new snapshot holds the journal it replaced: the journal is read again from its start.
    this.journalSeen = null;
    this.journalOffset = 0;
    this.compactDue = parsed.documents.length > 1;
    const [first, ...others] = parsed.documents as [StateDocument, ...StateDocument[]];
    this.histories = { ...first.history };
    this.extra = first.extra;
    for (const [kind, lines] of Object.entries(this.added) as Array<[HistoryKind, string[]]>)
      for (const line of lines) this.histories[kind] = withLast(this.history(kind), line);
    let marks = this.takeAll(first.articles, false);
    for (const other of others) marks = this.take(other, false) || marks;
    return marks;
  }

  /** A snapshot that cannot be used: set aside (or, only reading, left out), and said. */
  private unusable(why: string, stat: Stats | null | undefined): boolean {
    this.snapshotSeen = identityOf(stat ?? null);
    if (this.readOnly) {
      this.notice(`the reading state is ${why}; the marks in it are left out`);
      return false;
    }
    // The file itself is renamed, or the link when it is one: nothing outside the state's folder is moved.
    const aside = setAside(this.file, why);
    this.notice(aside.message);
    if (aside.moved) {
      this.snapshotSeen = null;
      this.snapshotSize = 0;
    } else this.blocked = aside.message;
    return false;
  }

  private readJournal(): boolean {
    const stat = statOrNull(this.journal);
    if (!stat) {
      this.journalSeen = null;
      this.journalOffset = 0;
      return false;
    }
    if (stat.ino === this.journalSeen && stat.size === this.journalOffset) return false;
    let bytes: Buffer;
    let from = 0;
    try {
      const file = readRegularFileFrom(this.journal, MAX_BYTES, (opened) => {
        from =
          opened.ino === this.journalSeen && opened.size >= this.journalOffset
            ? this.journalOffset
            : 0;
        return from;
      });
      bytes = file.bytes;
      this.journalSeen = file.stat.ino;
    } catch (error) {
      // A journal that is no regular file, too large or unreadable is set aside like a snapshot.
      const why = `unreadable (${reason(error)})`;
      if (this.readOnly) {
        this.notice(`the reading state's journal is ${why}; the marks in it are left out`);
        return false;
      }
      const aside = setAside(this.journal, why, 'journal');
      this.notice(aside.message);
      if (!aside.moved) this.blocked = aside.message;
      this.journalSeen = null;
      this.journalOffset = 0;
      return false;
    }
    const part = parseJournal(bytes);
    this.journalOffset = from + part.consumed;
    if (part.damaged > 0 && this.journalCopied !== this.journalSeen) {
      this.journalCopied = this.journalSeen;
      const lines = `${part.damaged} ${part.damaged === 1 ? 'line' : 'lines'}`;
      if (this.readOnly)
        this.notice(`${lines} of the reading state's journal could not be read (${part.why})`);
      else {
        const aside = asideName(this.journal);
        try {
          copyFileSync(this.journal, aside);
          this.notice(
            `${lines} of the reading state's journal could not be read (${part.why}); it was copied to ${aside}`,
          );
        } catch (error) {
          this.blocked = `${lines} of the reading state's journal could not be read (${part.why}) and it could not be copied aside (${reason(error)}); it is not written over`;
          this.notice(this.blocked);
        }
      }
    }
    let marks = false;
    for (const document of part.documents) marks = this.take(document, false) || marks;
    return marks;
  }

  /** Takes in the sync tools' conflict copies of the snapshot and the journal. */
  private readConflicts(): boolean {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return false;
    }
    let marks = false;
    for (const name of names) {
      if (!isConflictCopy(name, this.stem)) continue;
      const copy = path.join(this.folder, name);
      let text: string;
      let identity: string | null;
      try {
        const file = readRegularFileFrom(copy, MAX_BYTES);
        text = file.bytes.toString('utf8');
        identity = identityOf(file.stat);
      } catch (error) {
        this.unreadableCopy(copy, reason(error));
        continue;
      }
      if (this.conflicts.get(copy) === identity) continue;
      let documents: StateDocument[];
      if (name.endsWith('.jsonl')) {
        const part = parseJournal(Buffer.from(text.endsWith('\n') ? text : `${text}\n`));
        if (part.damaged > 0) {
          this.unreadableCopy(copy, part.why ?? 'damaged');
          continue;
        }
        documents = part.documents;
      } else {
        const parsed = parseSnapshot(text);
        if ('why' in parsed) {
          this.unreadableCopy(copy, parsed.why);
          continue;
        }
        documents = parsed.documents;
      }
      for (const document of documents) {
        marks = this.take(document, !this.readOnly) || marks;
        for (const [key, value] of Object.entries(document.extra))
          if (!(key in this.extra)) this.extra[key] = value;
      }
      this.conflicts.set(copy, identity ?? '');
    }
    return marks;
  }

  private unreadableCopy(copy: string, why: string): void {
    if (this.unreadable.has(copy)) return;
    this.unreadable.add(copy);
    this.notice(`${copy} could not be taken into the reading state (${why}); it is left as it is`);
  }

  /** Takes a document's entries, each where it changed later than the one held; says whether a mark changed. */
  private take(document: StateDocument, toSave: boolean): boolean {
    for (const kind of ['filter', 'search', 'pipe'] as const)
      for (const line of linesOf(document.history[kind])) {
        this.histories[kind] = withLast(this.history(kind), line);
        if (toSave) this.added[kind] = withLast(this.added[kind], line);
      }
    return this.takeAll(document.articles, toSave);
  }

  private takeAll(articles: Record<string, unknown>, toSave: boolean): boolean {
    const entries = this.entries;
    let marks = false;
    if (entries.size === 0 && !toSave) {
      // The first read of a state: every entry is new (the fast way for a large one).
      for (const key in articles) {
        const entry = articles[key];
        entries.set(key, entry);
        marks ||= readOf(entry) || starredOf(entry);
      }
      return marks;
    }
    for (const key in articles) {
      const theirs = articles[key];
      const mine = entries.get(key);
      if (mine !== undefined && changedAtOf(theirs) <= changedAtOf(mine)) continue;
      entries.set(key, theirs);
      if (toSave) this.pending.set(key, theirs);
      marks ||= readOf(mine) !== readOf(theirs) || starredOf(mine) !== starredOf(theirs);
    }
    return marks;
  }

  private notice(message: string): void {
    this.lastNotice = message;
    this.problem(message);
  }

  private problem(message: string): void {
    if (message === this.lastProblem) return;
    this.lastProblem = message;
    this.onProblem?.(message);
  }

  private watchFolder(): void {
    try {
      this.watcher = watch(this.folder, { persistent: false }, (_event, name) => {
        if (name === null || name.startsWith(this.stem)) this.refreshSoon();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      // Not there yet, or not to be watched: the periodic look covers it.
      this.watcher = null;
    }
  }

  private refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, 50);
    this.refreshTimer.unref();
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

/** A history's lines as they can be used: text only, the last HISTORY_SIZE. */
function linesOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((line): line is string => typeof line === 'string').slice(-HISTORY_SIZE)
    : [];
}

/** The lines with `line` at the end, once, at most HISTORY_SIZE of them. */
function withLast(lines: readonly string[] | undefined, line: string): string[] {
  return [...(lines ?? []).filter((other) => other !== line), line].slice(-HISTORY_SIZE);
}

/**
 * The names sync tools give the copy they keep when both sides changed a
 * file: Syncthing's `reading.sync-conflict-DATE-TIME-ID.json`, Dropbox's
 * `reading (NAME's conflicted copy DATE).json`, Nextcloud's `reading
 * (conflicted copy DATE TIME).json`, ownCloud's `reading_conflict-DATE-TIME.json`;
 * of the journal (`.jsonl`) as of the snapshot.
 */
function isConflictCopy(name: string, stem: string): boolean {
  if (!name.startsWith(stem)) return false;
  return /^(\.sync-conflict-[^/]*|_conflict-[\d-]+| \([^)]*conflicted copy[^)]*\)( \(\d+\))?)\.jsonl?$/i.test(
    name.slice(stem.length),
  );
}

/** The file's stat; null when it is not there; undefined when it cannot be looked at. */
function statOrNull(file: string): Stats | null | undefined {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
  }
}

/** What a file is now, as a string that changes when it is written or replaced. */
function identityOf(stat: Stats | null | undefined): string | null {
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : null;
}

/** UTF-8 text; ASCII, as a state of ASCII paths is, decoded the faster way (half the time for 180 MB). */
function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function sizeOf(file: string): number {
  return statOrNull(file)?.size ?? 0;
}

/** A file there whose owner may not write it (`chmod 444`): what was made read-only is left so. */
function isReadOnly(file: string): boolean {
  const stat = statOrNull(file);
  return stat !== null && stat !== undefined && stat.isFile() && (stat.mode & 0o200) === 0;
}

function writeAll(descriptor: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length;)
    written += writeSync(descriptor, bytes, written, bytes.length - written);
}

function asideName(file: string): string {
  return `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.set-aside`;
}

/** Renames a state file that cannot be used, so nothing in it is lost; says where it went. */
function setAside(
  file: string,
  why: string,
  what: 'state' | 'journal' = 'state',
): { moved: boolean; message: string } {
  const aside = asideName(file);
  const name = what === 'state' ? 'the reading state' : "the reading state's journal";
  try {
    renameSync(file, aside);
    return {
      moved: true,
      message: `${name} was ${why}; it was kept as ${aside} and a new one started`,
    };
  } catch (error) {
    return {
      moved: false,
      message: `${name} is ${why} and could not be set aside (${reason(error)}); it is not written over`,
    };
  }
}
