// The pipe contract: what list prints, cat takes, from any folder (the README's pipelines in a real
// shell: test/cli/pipelines.test.ts); JSON that says its version, its folder and the reader's marks,
// valid against the schema that ships in docs/; warnings that stay few.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { ReadingState } from '../../src/state/reading.js';
import {
  demoCorpus,
  fixtureCorpus,
  projectRoot,
  runMain,
  tempCorpus,
  tempFolder,
} from '../helpers.js';

const post = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n<p>Body of ${title}.</p>\n`;

/** A Hexo site: its articles in source/_posts, one of them in a folder of its own. */
function hexoSite(): string {
  return tempCorpus({
    'source/_posts/first.md': post('First post', '2026-11-20 10:00', 'tags: [terminal]\n'),
    'source/_posts/notes/second post.md': post(
      'Second post',
      '2026-11-21 10:00',
      'tags: [terminal]\n',
    ),
    'source/_posts/third.md': post('Third post', '2026-11-22 10:00'),
  });
}

const lines = (stdout: string) => stdout.split('\n').filter(Boolean);
const files = (stdout: string) => lines(stdout).map((line) => line.split('\t')[3]!);

describe('what list prints, cat takes', () => {
  it('from a Hexo site: files relative to the current folder', async () => {
    const site = hexoSite();
    const list = await runMain(['list'], { cwd: site });
    expect(files(list.stdout)).toEqual(['source/_posts/third.md', 'source/_posts/notes/second post.md', 'source/_posts/first.md']);
    for (const file of files(list.stdout)) {
      const cat = await runMain(['cat', file], { cwd: site });
      expect([cat.code, cat.stderr]).toEqual([0, '']);
    }
  });

  it('from elsewhere: absolute files, which cat takes in any folder', async () => {
    const site = hexoSite();
    const list = await runMain(['list', path.join(site, 'source/_posts')], { cwd: tempFolder() });
    expect(files(list.stdout)[0]).toBe(path.join(site, 'source/_posts/third.md'));
    const cat = await runMain(['cat', ...files(list.stdout)], { cwd: tempFolder() });
    expect(cat.code).toBe(0);
    expect(cat.stdout).toContain('Body of Second post.');
  });

  it('the demo articles, from a folder with none of its own', async () => {
    const list = await runMain(['list', '--limit', '2'], { cwd: tempFolder() });
    expect(files(list.stdout).every((file) => file.startsWith(`${demoCorpus}/`))).toBe(true);
    expect((await runMain(['cat', files(list.stdout)[0]!], { cwd: tempFolder() })).code).toBe(0);
  });

  it('a whole line of list, as fzf hands it over', async () => {
    const site = hexoSite();
    const [line] = lines((await runMain(['list', '--search', 'second'], { cwd: site })).stdout);
    const cat = await runMain(['cat', line!], { cwd: site });
    expect(cat.code).toBe(0);
    expect(cat.stdout).toMatch(/^Second post\n/);
  });

  it('a name list had to escape, whole line or file alone', async () => {
    const root = tempCorpus({ 'tab\there.md': post('Tabbed', '2026-11-20') });
    const [line] = lines((await runMain(['list', root])).stdout);
    expect(line!.split('\t')[3]).toBe(`${root}/tab\\there.md`);
    for (const given of [line!, line!.split('\t')[3]!])
      expect((await runMain(['cat', given])).stdout).toContain('Body of Tabbed.');
  });
}); // prettier-ignore

describe('JSON output', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(readFileSync(path.join(projectRoot, 'docs/json-schema.json'), 'utf8')), 'broadsheet');
  const check = (definition: string, value: unknown) => {
    const validate = ajv.getSchema(`broadsheet#/$defs/${definition}`)!;
    expect(validate(value) ? [] : validate.errors, definition).toEqual([]);
  };
  const hostile = () =>
    tempCorpus({
      'odd.md': '---\ntitle: [unclosed\nweird: {a: [1, {b: null}]}\n---\n<a href="https://example.com/x">link</a><img src="p.png">',
      'no-front-matter.md': '# Only a heading\n\ntext',
      'nested/deep.html': '---\ntitle: Deep\ncategories: [[A, B], C]\nupdated: 2026-01-02\n---\n<p>x</p>',
    });

  it.each([
    ['list --json', ['list', '--json'], 'article', false],
    ['list --ndjson', ['list', '--ndjson'], 'article', true],
    ['cat --all --json', ['cat', '--all', '--json'], 'catArticle', false],
    ['cat --all --ndjson', ['cat', '--all', '--ndjson'], 'catArticle', true],
    ['categories --json', ['categories', '--json'], 'category', false],
    ['categories --ndjson', ['categories', '--ndjson'], 'categoryLine', true],
  ] as const)('%s: every record valid, over the demo, the fixtures and odd files', async (_, args, definition, perLine) => {
    for (const folder of [demoCorpus, fixtureCorpus, hostile()]) {
      const result = await runMain([...args, folder]);
      const records = perLine ? lines(result.stdout).map((line) => JSON.parse(line) as unknown) : (JSON.parse(result.stdout) as unknown[]);
      expect(records.length, folder).toBeGreaterThan(0);
      for (const record of records) check(definition, record);
      // The schema's root takes each whole document, and each line of one.
      const root = ajv.getSchema('broadsheet')!;
      for (const document of perLine ? records : [records]) expect(root(document)).toBe(true);
    }
  });

  it('says its version and folder, and the reader’s marks from the reading state', async () => {
    const site = hexoSite();
    const state = tempFolder();
    const reading = ReadingState.inFolder(path.join(state, 'broadsheet'));
    reading.setRead(path.join(site, 'source/_posts/first.md'), true);
    reading.setStarred(path.join(site, 'source/_posts/third.md'), true);
    expect(reading.save()).toBeNull();
    const result = await runMain(['list', '--json', 'source/_posts'], { cwd: site, env: { XDG_STATE_HOME: state } });
    const records = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(records.map(({ formatVersion, root, path, read, starred }) => ({ formatVersion, root, path, read, starred }))).toEqual([
      { formatVersion: 1, root: path.join(site, 'source/_posts'), path: 'third.md', read: false, starred: true },
      { formatVersion: 1, root: path.join(site, 'source/_posts'), path: 'notes/second post.md', read: false, starred: false },
      { formatVersion: 1, root: path.join(site, 'source/_posts'), path: 'first.md', read: true, starred: false },
    ]);
    const cat = JSON.parse((await runMain(['cat', '--ndjson', 'source/_posts/first.md'], { cwd: site, env: { XDG_STATE_HOME: state } })).stdout) as Record<string, unknown>;
    expect(cat).toMatchObject({ root: path.join(site, 'source/_posts'), path: 'first.md', read: true });
    check('catArticle', cat);
  });

  it('rejects what the records must not hold: the schema is no formality', () => {
    const validate = ajv.getSchema('broadsheet#/$defs/article')!;
    const record = { formatVersion: 1, root: '/a', path: 'b.md', title: 'T', date: '2026-11-20T10:00:00.000Z', dateFromFile: false, updated: null, categories: [], tags: [], author: null, image: null, link: null, meta: {}, problems: [], read: false, starred: false };
    expect(validate(record)).toBe(true);
    for (const broken of [{ ...record, extra: 1 }, { ...record, formatVersion: 2 }, { ...record, date: '2026-11-20 10:00' }, { ...record, path: '/abs.md' }, { ...record, read: undefined }])
      expect(validate(JSON.parse(JSON.stringify(broken))), JSON.stringify(broken)).toBe(false);
  });
}); // prettier-ignore

describe('warnings about the folder', () => {
  it('are summed up past ten, and --verbose shows them all', async () => {
    const root = tempCorpus({ 'good.md': post('Good', '2026-11-20'), ...Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`empty-${String(i).padStart(2, '0')}.md`, ''])) });
    const quiet = await runMain(['list', root]);
    expect(quiet.code).toBe(0);
    const warnings = lines(quiet.stderr);
    expect(warnings).toHaveLength(11);
    expect(warnings[0]).toBe('broadsheet: warning: empty-00.md: empty file');
    expect(warnings[10]).toBe('broadsheet: warning: and 15 more files with problems (--verbose shows them all)');
    expect(lines((await runMain(['list', '--verbose', root])).stderr)).toHaveLength(25);
  });
}); // prettier-ignore

describe('an article edited after the list was read', () => {
  it('is printed by cat with the header it has now, with its body', async () => {
    const root = tempCorpus({ 'a.md': post('Old title', '2026-11-20') });
    // The edit lands between reading the list and printing the article.
    vi.doMock('../../src/commands/select.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/commands/select.js')>();
      return {
        ...real,
        selectArticles: async (...args: Parameters<typeof real.selectArticles>) => {
          const selected = await real.selectArticles(...args);
          writeFileSync(path.join(root, 'a.md'), post('New title', '2026-11-21').replace('Body of New title', 'New body'));
          return selected;
        },
      };
    });
    try {
      const result = await runMain(['cat', '--all', root]);
      expect(result.stdout).toMatch(/^New title\n2026-11-21 00:00\n\nNew body\.\n$/);
    } finally {
      vi.doUnmock('../../src/commands/select.js');
    }
  });
}); // prettier-ignore
