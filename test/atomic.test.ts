// Atomic writes: what a reader sees at any moment, and what reaches the disk before the rename is trusted.
import type * as fs from 'node:fs';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempFolder } from './helpers.js';

/** The file-system calls of a write, in order, each with the path its descriptor was opened on. */
const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const opened = new Map<number, string>();
  const named = (fd: number) => opened.get(fd) ?? `fd ${fd}`;
  return {
    ...real,
    openSync: (...args: Parameters<typeof real.openSync>) => {
      const fd = real.openSync(...args);
      opened.set(fd, String(args[0]));
      calls.push(`open ${path.basename(String(args[0]))}`);
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${path.basename(named(fd))}`);
      real.fsyncSync(fd);
    },
    closeSync: (fd: number) => {
      calls.push(`close ${path.basename(named(fd))}`);
      real.closeSync(fd);
    },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      calls.push(`rename ${path.basename(String(from))} ${path.basename(String(to))}`);
      real.renameSync(from, to);
    },
  };
});

// The unit project shares modules between files: the writer is loaded afresh, so that it takes the fs above.
vi.resetModules();
const { writeFileAtomic } = await import('../src/files/atomic.js');

beforeEach(() => {
  calls.length = 0;
});

describe('writeFileAtomic', () => {
  it('syncs the file before the rename and the folder after it', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'reading.json');
    writeFileAtomic(file, ['{"a":', '1}']);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    const temporary = /^open (reading\.json\.\d+\.\d+\.tmp)$/.exec(calls[0]!)![1]!;
    expect(calls).toEqual([
      `open ${temporary}`,
      `fsync ${temporary}`,
      `close ${temporary}`,
      `rename ${temporary} reading.json`,
      `open ${path.basename(folder)}`,
      `fsync ${path.basename(folder)}`,
      `close ${path.basename(folder)}`,
    ]);
    expect(readdirSync(folder)).toEqual(['reading.json']);
  });

  it('writes through a symbolic link and syncs the folder of the file it points to', () => {
    const folder = tempFolder();
    const elsewhere = tempFolder();
    symlinkSync(path.join(elsewhere, 'real.json'), path.join(folder, 'link.json'));
    writeFileAtomic(path.join(folder, 'link.json'), 'linked');
    expect(readFileSync(path.join(elsewhere, 'real.json'), 'utf8')).toBe('linked');
    expect(calls.slice(-3)).toEqual([
      `open ${path.basename(elsewhere)}`,
      `fsync ${path.basename(elsewhere)}`,
      `close ${path.basename(elsewhere)}`,
    ]);
  });
});
