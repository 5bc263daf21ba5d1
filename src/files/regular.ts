import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * A small file's bytes, read only when it is a regular file of at most
 * `maxBytes`: a FIFO, a socket or a device (`/dev/zero`) put in its place is
 * refused at once, never waited on or read without end. Errors carry a `code`
 * (`ENOENT`, `ENOTREGULAR`, `ETOOLARGE` …) for `reason()` to put in words.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  return readRegularFileFrom(file, maxBytes).bytes;
}

/**
 * As `readRegularFile`, from byte `start` on (which may be chosen from the
 * file as it is, once opened: a journal read on from where it was read to),
 * with the file's stat as it was opened.
 */
export function readRegularFileFrom(
  file: string,
  maxBytes: number,
  start: number | ((stat: Stats) => number) = 0,
): { bytes: Buffer; stat: Stats } {
  // Without blocking: opening a FIFO for reading would otherwise wait for a writer.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw Object.assign(new Error('not a regular file'), {
        code: stat.isDirectory() ? 'EISDIR' : 'ENOTREGULAR',
      });
    const size = stat.size;
    if (size > maxBytes) throw tooLarge(maxBytes);
    const from = Math.min(size, typeof start === 'number' ? start : start(stat));
    // One byte more than the size said: a file that grew since is seen growing, and read to the cap.
    let bytes = Buffer.allocUnsafe(size - from + 1);
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        if (from + filled > maxBytes) throw tooLarge(maxBytes);
        const larger = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1 - from));
        bytes.copy(larger);
        bytes = larger;
      }
      const read = readSync(fd, bytes, filled, bytes.length - filled, from + filled);
      if (read === 0) return { bytes: bytes.subarray(0, filled), stat };
      filled += read;
    }
  } finally {
    closeSync(fd);
  }
}

function tooLarge(maxBytes: number): Error {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes} bytes`;
  return Object.assign(new Error(`larger than ${size}`), { code: 'ETOOLARGE' });
}
