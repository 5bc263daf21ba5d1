import { closeSync, openSync, readSync } from 'node:fs';

/** Lines, a batch at a time. */
export interface LineSource {
  next(count: number): string[];
}

/** How much of a file is read at a time. */
const CHUNK = 1 << 20;

/**
 * The lines of a file, a batch at a time, read from disk as they are asked
 * for: an index of 300 000 articles (60 MB) is never in memory whole beside
 * the articles made from it. Closes the file when it is read to the end, or
 * on `close`.
 */
export class FileLineReader implements LineSource {
  private fd: number | null;
  private pending: Buffer = Buffer.alloc(0);

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  next(count: number): string[] {
    // The end of the `count`th line, reading more of the file while the lines run past what is read.
    let end = 0;
    let found = 0;
    while (found < count) {
      const newline = this.pending.indexOf(10, end);
      if (newline >= 0) {
        end = newline + 1;
        found++;
      } else if (!this.fill()) {
        end = this.pending.length;
        break;
      }
    }
    if (end === 0) return [];
    const lines = this.pending.toString('utf8', 0, end).split('\n');
    if (lines.at(-1) === '') lines.pop();
    this.pending = this.pending.subarray(end);
    return lines;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Reads the next chunk onto what is pending; false at the end of the file. */
  private fill(): boolean {
    if (this.fd === null) return false;
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = readSync(this.fd, chunk, 0, CHUNK, null);
    if (read === 0) {
      this.close();
      return false;
    }
    this.pending = Buffer.concat([this.pending, chunk.subarray(0, read)]);
    return true;
  }
}
