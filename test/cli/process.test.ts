// The command line as a process, for what only a process shows: its exit code, a closed pipe or a
// full disk, whether its output is a terminal, what it loads, and who it runs as. Everything else
// about the command line is tested in-process (test/cli.test.ts, test/cat.test.ts, runMain).
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  demoCorpus,
  fixtureCorpus,
  fixtureSeed as seed,
  projectRoot,
  runCli,
  runMain,
  runProgram,
  runShell,
  tempCorpus,
} from '../helpers.js';

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nbody\n`;

describe('the command line as a process', () => {
  it.each([
    [['list', demoCorpus], 0],
    [['--version'], 0],
    [['list', '--bogus'], 2],
    [['cat', '-d', demoCorpus, 'about.md', 'no-such.md'], 1],
    [['list', fixtureCorpus, '--search', 'tag:no-such-tag'], 1],
  ])('%j exits %i, and writes what main writes run in another program', async (args, code) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(await runMain(args)).toEqual(result);
  });

  it('behaves like list when stdout is a pipe, not a terminal', async () => {
    const browse = await runCli([demoCorpus]);
    expect(browse.code).toBe(0);
    expect(browse.stdout).toBe((await runCli(['list', demoCorpus])).stdout);
  });
});

describe('a reader that closes the pipe', () => {
  it('ends list quietly with 0', async () => {
    const root = tempCorpus(
      Object.fromEntries(
        Array.from({ length: 3000 }, (_, i) => [`p${i}.md`, post(`Post ${i}`, '2021-01-01')]),
      ),
    );
    const result = await runShell('set -o pipefail; broadsheet list "$1" | head -n 1', [root]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toBe('');
  });

  it('ends cat --all quietly with 0', async () => {
    const result = await runShell(
      'set -o pipefail; broadsheet cat --all "$1" 2>/dev/null | head -n 3',
      [fixtureCorpus],
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(4);
  });
});

describe('a full or failing output', () => {
  it.each([
    [['list', demoCorpus]],
    [['list', '--json', demoCorpus]],
    [['categories', demoCorpus]],
    [['cat', path.join(demoCorpus, 'about.md')]],
    [['--help']],
    [['--version']],
  ])('ends %j with one line and a failure, never a stack trace', async (args) => {
    const result = await runShell('broadsheet "$@" > /dev/full', args);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'broadsheet: cannot write the output: no space left on the device\n',
    );
  });
});

describe('what the pipe commands load', () => {
  const hook = path.join(projectRoot, 'test/fixtures/report-imports.mjs');
  /** The packages the command line loads for `args`, from a fresh log of its imports. */
  async function packagesLoaded(args: string[]): Promise<string[]> {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-imports-')), 'imports.log');
    const result = await runCli(args, {
      node: ['--import', hook],
      env: { BROADSHEET_IMPORT_LOG: log },
    });
    expect(result.code, args.join(' ')).toBe(0);
    // No log: not one package was loaded (what the pipe commands use is in the bundle).
    if (!existsSync(log)) return [];
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[0]!.split('/node_modules/').at(-1)!.split('/')[0]!);
  }

  it.each([
    [['cat', seed]],
    [['cat', '-d', demoCorpus, 'about.md']],
    [['list', fixtureCorpus]],
    [['categories', demoCorpus]],
  ])('%j loads neither Ink nor React, nor any package but string-width', async (args) => {
    const packages = new Set(await packagesLoaded(args));
    for (const heavy of ['ink', 'react', 'react-reconciler', 'yoga-layout'])
      expect(packages.has(heavy), heavy).toBe(false);
    // The packages the pipe commands use are bundled with them; string-width (with what it
    // imports) is loaded from node_modules, and only for text that needs it.
    const outside = ['string-width', 'get-east-asian-width', 'strip-ansi', 'ansi-regex'];
    expect([...packages].filter((name) => !outside.includes(name))).toEqual([]);
  });

  it('loads string-width only for text with emoji, joiners or marks to measure', async () => {
    expect(await packagesLoaded(['cat', seed])).not.toContain('string-width');
    expect(await packagesLoaded(['cat', '-d', demoCorpus, 'emoji-width.md'])).toContain(
      'string-width',
    );
  });
});

describe('a folder that cannot be read', () => {
  it('is reported, and the rest listed', async () => {
    const root = tempCorpus({
      'ok.md': '---\ntitle: Fine\n---\nbody',
      'locked/hidden.md': '---\ntitle: Locked away\n---\n',
      'sub/x.md': '---\ntitle: Inside\n---\n',
    });
    chmodSync(path.join(root, 'locked'), 0o000);
    // Root reads every folder whatever its mode: as root, the program runs as nobody, for whom
    // every other folder on the way is opened.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (let folder = root; folder !== path.dirname(tmpdir()); folder = path.dirname(folder))
        chmodSync(folder, 0o755);
      for (const file of ['ok.md', 'sub', 'sub/x.md'])
        chmodSync(path.join(root, file), file === 'sub' ? 0o755 : 0o644);
    }
    const result = await runCli(['list', root], asRoot ? { user: 65534 } : {});
    chmodSync(path.join(root, 'locked'), 0o755);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\tFine\t');
    expect(result.stdout).toContain('\tInside\t');
    expect(result.stdout).not.toContain('Locked away');
    expect(result.stderr).toBe(
      'broadsheet: warning: locked: cannot read folder: permission denied\n',
    );
  });
});

describe('the package', () => {
  it('ships the built code, the launcher and the demo articles, and nothing else', async () => {
    const result = await runProgram('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(result.code).toBe(0);
    const [{ files }] = JSON.parse(result.stdout) as [{ files: Array<{ path: string }> }];
    const paths = files.map((file) => file.path);
    expect(paths).toContain('bin/broadsheet.js');
    // The bundled program only: the compiled modules beside it are what it is bundled from.
    expect(paths).toContain('dist/bundle/cli.js');
    expect(paths).toContain('dist/bundle/search-worker.js');
    expect(paths.filter((p) => p.startsWith('dist/') && !p.startsWith('dist/bundle/'))).toEqual([]);
    expect(paths).toContain('articles/assets/quadrants.png');
    expect(
      paths.filter((p) => p.startsWith('articles/') && p.endsWith('.md')).length,
    ).toBeGreaterThanOrEqual(30);
    expect(paths.filter((p) => /^(src|test|bench)\/|^build\.js$/.test(p))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'broadsheet',
      type: 'module',
      bin: { broadsheet: 'bin/broadsheet.js' },
      engines: { node: '>=20.19' },
    });
    expect(
      readFileSync(path.join(projectRoot, 'bin/broadsheet.js'), 'utf8').startsWith(
        '#!/usr/bin/env node\n',
      ),
    ).toBe(true);
  });
});
