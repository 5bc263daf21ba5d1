import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that a reader (or a crash) sees the old content or the new,
 * never half of it: write a temporary file beside it, then rename over. The
 * content may come in pieces, written in order.
 */
export function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string>,
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const descriptor = openSync(temporary, 'w', 0o600);
    try {
      const pieces =
        typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for (const piece of pieces) writeAll(descriptor, piece);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeAll(descriptor: number, piece: string | Uint8Array): void {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  for (let written = 0; written < bytes.length;)
    written += writeSync(descriptor, bytes, written, bytes.length - written);
}
