import { statSync } from 'node:fs';

/**
 * What a file is now, as a string that changes when it does: its size, both
 * its times (a rewrite with its modification time put back still changes the
 * other) and its inode (a file renamed over it). Null when it is not there.
 */
export function fileVersion(file: string): string | null {
  try {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file);
    return `${file}:${size}:${mtimeMs}:${ctimeMs}:${ino}`;
  } catch {
    return null;
  }
}
