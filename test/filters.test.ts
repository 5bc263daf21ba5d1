import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, tempCorpus, tempFolder } from './helpers.js';

/** Five articles filed, tagged and dated so that each filter keeps a different few. */
function folder(): string {
  return tempCorpus({
    'a.md':
      '---\ntitle: Filed under Dockone\ndate: 2026-11-25 23:30\ncategories: [技术, Dockone]\ntags: [kubernetes, go]\nauthor: Jane Doe\n---\nContainers.',
    'b.md':
      '---\ntitle: Dockone weekly\ndate: 2026-11-26 08:00\ncategories: [Dockone, Weekly]\ntags: [weekly]\nauthor: Dockone\n---\nA digest.',
    'c.md':
      '---\ntitle: Dockoneish\ndate: 2026-11-24\ncategories: [Other, Dockoneish]\nauthor: John Doe\n---\nNot quite.',
    'd.md':
      '---\ntitle: Unrelated\ndate: 2026-11-20\ncategories: [Life]\ntags: [tea]\n---\nTea with mock docks.',
    'e.md': '---\ntitle: Q&amp;A &#x1F600; night\ndate: 2026-11-19\n---\nEntities.',
  });
}

const titles = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[2])
    .sort();

describe('one meaning for each filter', () => {
  it('gives the same articles for each flag and its search term', async () => {
    const root = folder();
    const pairs: Array<[string[], string]> = [
      [['--category', 'Dockone'], 'cat:Dockone'],
      [['--category', '技术/Dockone'], 'cat:技术/Dockone'],
      [['--category', 'dock'], 'cat:dock'],
      [['--author', 'doe'], 'author:doe'],
      [['--author', 'Jane Doe'], 'author:"Jane Doe"'],
      [['--tag', 'kube'], 'tag:kube'],
      [['--since', '2026-11-25'], 'after:2026-11-25'],
      [['--until', '2026-11-25'], 'before:2026-11-25'],
      [['--until', '2026-11-25 12:00'], 'before:"2026-11-25 12:00"'],
    ];
    for (const [flags, term] of pairs) {
      const byFlag = await runMain(['list', root, ...flags]);
      const byTerm = await runMain(['list', root, '--search', term]);
      expect(titles(byFlag.stdout), flags.join(' ')).toEqual(titles(byTerm.stdout));
      expect(byFlag.code, flags.join(' ')).toBe(byTerm.code);
    }
  });

  it('reads a category from the start of a name, a date bound through the whole day', async () => {
    const root = folder();
    const list = async (...args: string[]) =>
      titles((await runMain(['list', root, ...args])).stdout);
    // Dockone is a category at the top of one path and below 技术 in another, and starts Dockoneish.
    expect(await list('--category', 'Dockone')).toEqual([
      'Dockone weekly',
      'Dockoneish',
      'Filed under Dockone',
    ]);
    expect(await list('--category', '技术/Dockone')).toEqual(['Filed under Dockone']);
    // Not from the middle of a name: "ock" is in Dockone, but no category starts with it.
    expect(await list('--search', 'cat:ock')).toEqual([]);
    // --until and before: include the day named; a time is an instant.
    expect(await list('--until', '2026-11-25')).toEqual([
      'Dockoneish',
      'Filed under Dockone',
      'Q&A 😀 night',
      'Unrelated',
    ]);
    expect(await list('--search', 'before:"2026-11-25 12:00"')).toEqual([
      'Dockoneish',
      'Q&A 😀 night',
      'Unrelated',
    ]);
    expect(await list('--search', 'after:2026-11-26')).toEqual(['Dockone weekly']);
  });

  it('takes a search that starts with -, and refuses a date it cannot read', async () => {
    const root = folder();
    const without = await runMain(['list', root, '--search', '-Dockone']);
    expect(without.code).toBe(0);
    expect(titles(without.stdout)).toEqual(['Q&A 😀 night', 'Unrelated']);
    const equals = await runMain(['list', root, '--search=-dockone -tea']);
    expect(titles(equals.stdout)).toEqual(['Q&A 😀 night']);
    const bad = await runMain(['list', root, '--search', 'after:someday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'broadsheet: --search: after:someday: not a date: someday (see broadsheet --help)\n',
    );
    const mark = await runMain(['list', root, '--search', 'is:shiny']);
    expect(mark.code).toBe(2);
    expect(mark.stderr).toContain('is: takes read, unread or starred');
  });

  it('finds read, unread and starred articles in pipes from the reading state', async () => {
    const root = folder();
    const home = tempFolder();
    mkdirSync(path.join(home, 'broadsheet'));
    writeFileSync(
      path.join(home, 'broadsheet', 'reading.json'),
      JSON.stringify({
        version: 1,
        articles: {
          [path.join(root, 'a.md')]: { readAt: 1, read: true, line: 0, changedAt: 1 },
          [path.join(root, 'd.md')]: {
            readAt: 1,
            read: false,
            starred: true,
            line: 3,
            changedAt: 1,
          },
        },
      }),
    );
    const env = { XDG_STATE_HOME: home };
    const list = async (query: string) =>
      titles((await runMain(['list', root, '--search', query], { env })).stdout);
    expect(await list('is:read')).toEqual(['Filed under Dockone']);
    expect(await list('is:starred')).toEqual(['Unrelated']);
    expect(await list('is:unread -is:starred')).toEqual([
      'Dockone weekly',
      'Dockoneish',
      'Q&A 😀 night',
    ]);
  });
});

describe('categories --ndjson', () => {
  it('prints one object a line, each node with its path and count, parents first', async () => {
    const result = await runMain(['categories', '--ndjson', folder()]);
    const lines = result.stdout.trim().split('\n');
    const nodes = lines.map(
      (line) => JSON.parse(line) as { name: string; path: string; count: number },
    );
    expect(nodes.map((node) => node.path)).toEqual([
      'Dockone',
      'Dockone/Weekly',
      'Life',
      'Other',
      'Other/Dockoneish',
      '技术',
      '技术/Dockone',
    ]);
    expect(nodes[0]).toEqual({ name: 'Dockone', path: 'Dockone', count: 1 });
    expect(lines.every((line) => !line.includes('children'))).toBe(true);
  });
});

describe('themes', () => {
  it('colours headings for a dark or a light background, and none in mono', async () => {
    const root = tempCorpus({ 'a.md': '---\ntitle: T\n---\n<h2>Heading</h2><p>text</p>' });
    const cat = async (theme: string) =>
      (await runMain(['cat', path.join(root, 'a.md'), '--color', '--theme', theme])).stdout;
    expect(await cat('dark')).toContain('\u001b[1;95mHeading');
    expect(await cat('light')).toContain('\u001b[1;35mHeading');
    const mono = await cat('mono');
    expect(mono).toContain('\u001b[1mHeading');
    expect(mono).not.toMatch(/\u001b\[[\d;]*(3\d|9\d)m/);
  });
});
