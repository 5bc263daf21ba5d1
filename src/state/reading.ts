import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic.js';

/** What broadsheet remembers of an article, by its absolute path. */
export interface ReadingEntry {
  /** When it was first opened, ms since the epoch. */
  readAt: number;
  /** The reader's first visible line when it was left. */
  line: number;
}

const VERSION = 1;

/**
 * Read marks and reading positions, kept in one JSON file in the user state
 * folder. A file that cannot be read is replaced, with a warning for the user,
 * never a crash.
 */
export class ReadingState {
  private entries = new Map<string, ReadingEntry>();
  /** Set when the file on disk was unreadable and the state was started afresh. */
  readonly warning: string | null = null;
  private dirty = false;

  constructor(private readonly file: string) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    try {
      const parsed = JSON.parse(text) as { version?: unknown; articles?: unknown };
      if (
        parsed.version !== VERSION ||
        typeof parsed.articles !== 'object' ||
        parsed.articles === null
      ) {
        throw new Error('unknown format');
      }
      for (const [key, value] of Object.entries(parsed.articles)) {
        const entry = value as Partial<ReadingEntry>;
        if (typeof entry.readAt === 'number' && typeof entry.line === 'number') {
          this.entries.set(key, {
            readAt: entry.readAt,
            line: Math.max(0, Math.floor(entry.line)),
          });
        }
      }
    } catch {
      this.warning = `reading state in ${file} was unreadable and has been started afresh`;
      this.dirty = true;
    }
  }

  static inFolder(folder: string): ReadingState {
    return new ReadingState(path.join(folder, 'reading.json'));
  }

  isRead(absolutePath: string): boolean {
    return this.entries.has(absolutePath);
  }

  position(absolutePath: string): number {
    return this.entries.get(absolutePath)?.line ?? 0;
  }

  markRead(absolutePath: string, line: number, now = Date.now()): void {
    const previous = this.entries.get(absolutePath);
    if (previous && previous.line === line) return;
    this.entries.set(absolutePath, { readAt: previous?.readAt ?? now, line });
    this.dirty = true;
  }

  /** Writes the file if anything changed; errors are returned, not thrown. */
  save(): string | null {
    if (!this.dirty) return null;
    try {
      writeFileAtomic(
        this.file,
        JSON.stringify({ version: VERSION, articles: Object.fromEntries(this.entries) }),
      );
      this.dirty = false;
      return null;
    } catch (error) {
      return `could not save reading state: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
