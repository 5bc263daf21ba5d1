import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  demoCorpus,
  folderSnapshot,
  projectRoot,
  fixtureCorpus,
  runMain,
  tempCorpus,
} from './helpers.js';

const post = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nbody\n`;

describe('broadsheet list', () => {
  it('prints TSV newest first, ties by path, in local time', async () => {
    const root = tempCorpus({
      'b.md': post('Bee', '2021-01-01 10:00', 'categories: [A, B]\n'),
      'a.md': post('Ay', '2021-01-01 10:00', 'categories: [[X], [Y, Z]]\n'),
      'n.md': post('New', 'Tue, 16 Nov 2021 21:10:14 GMT'),
    });
    const result = await runMain(['list', root], { env: { TZ: 'Asia/Tokyo' }, cwd: root });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '2021-11-17 06:10\t\tNew\tn.md\n2021-01-01 10:00\tX, Y/Z\tAy\ta.md\n2021-01-01 10:00\tA/B\tBee\tb.md\n',
    });
  });

  it('lists every article with its title, ISO date and category path as JSON', async () => {
    const result = await runMain(['list', '--json', fixtureCorpus]);
    expect(result.code).toBe(0);
    const articles = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(articles).toHaveLength(readdirSync(fixtureCorpus).length - 1);
    for (const article of articles) {
      expect(Object.keys(article)).toEqual([
        'formatVersion', 'root', 'path', 'title', 'date', 'dateFromFile', 'updated', 'categories', 'tags', 'author', 'image', 'link', 'meta', 'problems', 'read', 'starred',
      ]); // prettier-ignore
      expect(article.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(article.title).not.toBe('');
    }
    const seed = articles.find((a) => String(a.path).startsWith('000_'))!;
    expect(seed).toMatchObject({
      title: '港口新航线开通首日见闻',
      date: '2021-11-16T21:10:14.000Z',
      categories: [['新闻', '晨报', 'source']],
      meta: { comments: false },
    });
  });

  it('prints one JSON object a line with --ndjson', async () => {
    const result = await runMain(['list', '--ndjson', demoCorpus]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(30);
    expect(lines.map((line) => JSON.parse(line).path)).toEqual(
      (await runMain(['list', demoCorpus], { cwd: demoCorpus })).stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[3]),
    );
  });

  it('filters by category prefix, tag, author, dates and limit', async () => {
    const root = tempCorpus({
      'a.md': post(
        'A',
        '2021-03-01 10:00',
        'categories: [Tech, Rust]\ntags: [lang]\nauthor: Ann\n',
      ),
      'b.md': post('B', '2021-03-02 10:00', 'categories: [Tech, Go]\ntags: lang\n'),
      'c.md': post('C', '2021-03-03 10:00', 'categories: Life\n'),
    });
    const titles = async (...args: string[]) =>
      (await runMain(['list', root, ...args])).stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[2]);
    expect(await titles('--category', 'tech')).toEqual(['B', 'A']);
    expect(await titles('--category', 'Tech/Rust')).toEqual(['A']);
    expect(await titles('--tag', 'lang')).toEqual(['B', 'A']);
    expect(await titles('--author', 'ann')).toEqual(['A']);
    expect(await titles('--since', '2021-03-02')).toEqual(['C', 'B']);
    expect(await titles('--until', '2021-03-02')).toEqual(['B', 'A']);
    expect(await titles('--limit', '1')).toEqual(['C']);
    expect(await titles('--search', 'tag:lang -cat:go')).toEqual(['A']);
  });

  it('exits 1 when nothing matched', async () => {
    const result = await runMain(['list', demoCorpus, '--tag', 'no-such-tag']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('reads zone-less dates in the --timezone zone', async () => {
    const root = tempCorpus({ 'a.md': post('A', '2021-03-01 10:00') });
    const result = await runMain(['list', '--json', '--timezone', 'America/New_York', root]);
    expect(JSON.parse(result.stdout)[0].date).toBe('2021-03-01T15:00:00.000Z');
  });

  it('lists the good articles of a broken folder and warns once per bad file', async () => {
    const root = tempCorpus({
      'good.md': post('Good', '2021-01-01'),
      'bad-yaml.md': '---\ntitle: [oops\n---\nbody',
      'unclosed.md': '---\ntitle: x\n',
      'empty.md': '',
      'binary.md': new Uint8Array([0, 159, 146, 150]),
    });
    symlinkSync(root, path.join(root, 'loop'));
    const result = await runMain(['list', root], { cwd: root });
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[3])
        .sort(),
    ).toEqual(['bad-yaml.md', 'good.md', 'unclosed.md']);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(/^broadsheet: warning: bad-yaml\.md: bad YAML/),
      'broadsheet: warning: binary.md: binary file, not an article',
      'broadsheet: warning: empty.md: empty file',
      'broadsheet: warning: unclosed.md: front matter has no closing ---',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('never writes into the article folder', async () => {
    const root = tempCorpus({
      'a.md': post('A', '2021-01-01'),
      'sub/b.md': post('B', '2021-01-02'),
    });
    const before = folderSnapshot(root);
    await runMain(['list', root]);
    await runMain(['categories', '--json', root]);
    expect(folderSnapshot(root)).toEqual(before);
  });
});

describe('broadsheet categories', () => {
  it('prints an indented tree with counts, each article once per node', async () => {
    const root = tempCorpus({
      'a.md': post('A', '2021-01-01', 'categories: [[Tech, Rust], [Tech, Go]]\n'),
      'b.md': post('B', '2021-01-01', 'categories: [Tech, Go]\n'),
      'c.md': post('C', '2021-01-01', 'categories: Life\n'),
    });
    expect((await runMain(['categories', root])).stdout).toBe(
      'Life (1)\nTech (2)\n  Go (2)\n  Rust (1)\n',
    );
    const json = JSON.parse((await runMain(['categories', '--json', root])).stdout);
    expect(json[1]).toEqual({
      name: 'Tech',
      path: 'Tech',
      count: 2,
      children: [
        { name: 'Go', path: 'Tech/Go', count: 2, children: [] },
        { name: 'Rust', path: 'Tech/Rust', count: 1, children: [] },
      ],
    });
  });
});

describe('the command line', () => {
  it('shows help with examples and the version', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage/);
    expect(help.stdout).toMatch(/Examples/);
    const version = await runMain(['--version']);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version,
    );
  });

  it('rejects a wrong command line with one line and exit 2', async () => {
    for (const args of [
      ['list', '--bogus'],
      ['list', '--limit', 'x'],
      ['list', '/no/such/folder'],
      ['list', '--since', 'someday'],
    ]) {
      const result = await runMain(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^broadsheet: .+ \(see broadsheet --help\)\n$/);
      expect(result.stdout).toBe('');
    }
  });

  it('behaves like list when stdout is not a terminal', async () => {
    expect((await runMain([demoCorpus])).stdout).toBe((await runMain(['list', demoCorpus])).stdout);
  });

  it('reads ./source/_posts, then ./articles, then the demo articles by default', async () => {
    const hexo = tempCorpus({
      'source/_posts/a.md': post('Hexo post', '2021-01-01'),
      'articles/b.md': post('B', '2021-01-01'),
    });
    expect((await runMain(['list'], { cwd: hexo })).stdout).toMatch(/\tHexo post\t/);
    const plain = tempCorpus({ 'articles/b.md': post('Local', '2021-01-01') });
    expect((await runMain(['list'], { cwd: plain })).stdout).toMatch(/\tLocal\t/);
    const empty = tempCorpus({});
    mkdirSync(path.join(empty, 'other'));
    expect((await runMain(['list'], { cwd: empty })).stdout).toBe(
      (await runMain(['list', demoCorpus], { cwd: empty })).stdout,
    );
  });
});

describe('file names with control characters', () => {
  it('are listed escaped on one line, and cat takes the escaped name back', async () => {
    const names = [
      'line\nbreak.md',
      'osc\u001b]52;c;aGk=\u0007.md',
      'back\\slash.md',
      'tab\there.md',
    ];
    const root = tempCorpus(
      Object.fromEntries(
        names.map((name, i) => [
          name,
          `---\ntitle: Name ${i}\ndate: 2021-01-0${i + 1}\n---\nbody ${i}\n`,
        ]),
      ),
    );
    const list = await runMain(['list', root], { cwd: root });
    const shown = list.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[3]!);
    expect(shown.sort()).toEqual([
      'back\\\\slash.md',
      'line\\nbreak.md',
      'osc\\x1b]52;c;aGk=\\x07.md',
      'tab\\there.md',
    ]);
    for (const [i, name] of names.entries()) {
      const escaped = shown.find((line) => line.startsWith(name.slice(0, 3)))!;
      const cat = await runMain(['cat', '-d', root, escaped]);
      expect(cat.code, escaped).toBe(0);
      expect(cat.stdout).toContain(`body ${i}`);
    }
  });
});

describe('messages that quote what was typed', () => {
  it('print no control character from it', async () => {
    const result = await runMain(['list', 'no-such-\u001b]52;c;ZXZpbA==\u0007folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'broadsheet: no such folder: no-such-]52;c;ZXZpbA==folder (see broadsheet --help)\n',
    );
  });
});
