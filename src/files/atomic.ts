import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that a reader (or a crash, or a power cut) sees the old
 * content or the new, never half of it: write a temporary file beside it, sync
 * it to the disk, rename it over, and sync the folder, so that the new name is
 * on the disk too when this returns. The content may come in pieces, written
 * in order. A file that is a symbolic link stays one: the file it points to is
 * the one written.
 */
export function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string>,
): void {
  const target = linkTarget(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const descriptor = openSync(temporary, 'w', 0o600);
    try {
      const pieces =
        typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for (const piece of pieces) writeAll(descriptor, piece);
      // The bytes are on the disk before the name points at them: a rename that reached the disk
      // first would leave an empty file after a power cut.
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(path.dirname(target));
}

/** What syncing a folder answers where it cannot be done; a failing disk (EIO) is an error. */
const UNSYNCABLE = new Set(['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP']);

/**
 * Puts a folder's entries on the disk (a rename is a change of the folder).
 * Where folders cannot be opened or synced (some platforms and file systems
 * refuse), the rename stands as the file system keeps it.
 */
function syncFolder(folder: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(descriptor);
  } catch (error) {
    if (!UNSYNCABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(descriptor);
  }
}

/** Where writing `file` must go: through symbolic links (a few at most) to the file itself. */
function linkTarget(file: string): string {
  let target = file;
  for (let hops = 0; hops < 8; hops++) {
    let link: string;
    try {
      link = readlinkSync(target);
    } catch {
      return target;
    }
    target = path.resolve(path.dirname(target), link);
  }
  return target;
}

/** How old a temporary must be before it is taken for one a killed write left behind. */
const STALE_MS = 10 * 60_000;

/**
 * Removes the temporaries of `file` that a write left when it was killed: those
 * whose process is gone, or that are old. Nothing else is touched.
 */
export function removeStaleTemporaries(file: string): void {
  const target = linkTarget(file);
  const folder = path.dirname(target);
  const name = path.basename(target);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = /^\.(\d+)\.(\d+)\.tmp$/.exec(entry.slice(name.length));
    if (!entry.startsWith(name) || !match) continue;
    const temporary = path.join(folder, entry);
    try {
      if (processAlive(Number(match[1])) && Date.now() - statSync(temporary).mtimeMs < STALE_MS)
        continue;
      rmSync(temporary, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAll(descriptor: number, piece: string | Uint8Array): void {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  for (let written = 0; written < bytes.length;)
    written += writeSync(descriptor, bytes, written, bytes.length - written);
}
