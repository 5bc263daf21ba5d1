import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLineReader } from '../src/corpus/line-reader.js';
import { tempFolder } from './helpers.js';

describe('reading an index a batch of lines at a time', () => {
  it('gives the lines of a file read in pieces as those of the whole, across piece boundaries and characters', () => {
    // Over 1 MiB, so lines and multi-byte characters fall across the reads.
    const lines = Array.from(
      { length: 40_000 },
      (_, i) => `${i}:${'灯塔守夜'.repeat(i % 7)}:${'x'.repeat(i % 13)}`,
    );
    const text = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const file = path.join(tempFolder(), 'index.jsonl');
    writeFileSync(file, text);
    const fromFile = new FileLineReader(file);
    const read: string[] = [];
    for (const count of [1, 2, 997, 5000, 100_000]) {
      const batch = fromFile.next(count);
      expect(batch).toEqual(lines.slice(read.length, read.length + count));
      read.push(...batch);
    }
    expect(read).toEqual(lines);
    expect(fromFile.next(10)).toEqual([]);
    fromFile.close();
  });

  it('gives a last line without a line break, and nothing from an empty file', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'a'), 'one\ntwo');
    writeFileSync(path.join(folder, 'b'), '');
    expect(new FileLineReader(path.join(folder, 'a')).next(5)).toEqual(['one', 'two']);
    expect(new FileLineReader(path.join(folder, 'b')).next(5)).toEqual([]);
  });
});
