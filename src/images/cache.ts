import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic.js';

/** Downloaded images on disk, keyed by URL, so a second view costs no request. */
export class ImageCache {
  constructor(private readonly folder: string) {}

  private file(url: string): string {
    return path.join(this.folder, createHash('sha256').update(url).digest('hex'));
  }

  async get(url: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(url)));
    } catch {
      return null;
    }
  }

  /** Forgets a picture (a copy found damaged). */
  drop(url: string): void {
    rmSync(this.file(url), { force: true });
  }

  /** Stores the bytes; a cache that cannot be written is only slower, never an error. */
  put(url: string, bytes: Uint8Array): void {
    try {
      writeFileAtomic(this.file(url), bytes);
    } catch {
      // A read-only or full cache folder: the image is still shown this time.
    }
  }
}
