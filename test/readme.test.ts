import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysTable } from '../src/ui/keymap.js';
import { projectRoot } from './helpers.js';

/** A Markdown table's cells, however it is padded, split as GitHub splits them: at each `|` not escaped. */
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('the README', () => {
  it('lists the keys the browser has, as the keymap defines them (npm run docs writes it)', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const section = /<!-- keys: [^>]*-->([\s\S]*?)<!-- \/keys -->/.exec(readme)?.[1] ?? '';
    expect(cells(section)).toEqual(cells(keysTable()));
    // Each row has a cell for the keys and one for each screen: a `|` key does not split its row.
    for (const row of cells(section)) expect(row).toHaveLength(4);
    expect(cells(section)).toContainEqual(expect.arrayContaining(['`\\|`']));
  });
});
