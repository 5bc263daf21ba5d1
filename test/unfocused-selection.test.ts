// The side without the keys draws its selection as the README says: the list's underlined, the
// categories' dim and inverse.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByDate } from '../src/query/group.js';
import { listWindowLines, treeRowLine } from '../src/ui/list-rows.js';
import { DEFAULT_LOOK } from '../src/ui/look.js';
import { makeArticle, projectRoot } from './helpers.js';

/** The SGR parameters a line starts with. */
const styleOf = (line: string) => /^\u001b\[([0-9;]*)m/.exec(line)?.[1]?.split(';') ?? [];

describe('the selection of the side without the keys', () => {
  it('is underlined in the list and dim and inverse in the categories, as the README says', () => {
    const now = new Date(2026, 10, 26, 12).getTime();
    const dates = [new Date(2026, 10, 26).getTime()];
    const articles = [makeArticle({ title: 'A', date: dates[0], path: 'a.md' })];
    const window = {
      top: 0,
      height: 2,
      width: 40,
      selected: 0,
      now,
      isRead: () => false,
      look: DEFAULT_LOOK,
    };
    const list = listWindowLines(groupByDate(Float64Array.from(dates), now), articles, {
      ...window,
      dimmed: true,
    });
    expect(styleOf(list[1]!)).toContain('4');
    expect(styleOf(list[1]!)).not.toContain('7');
    const tree = treeRowLine(
      { node: null, depth: 0, open: true },
      1,
      30,
      true,
      false,
      null,
      DEFAULT_LOOK,
    );
    expect(styleOf(tree)).toEqual(expect.arrayContaining(['2', '7']));
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain("the list's selection is underlined");
    expect(readme).toContain('the categories are dimmed, their selection dim and inverse');
    expect(readme).not.toContain('in inverse, the other underlined');
  });
});
