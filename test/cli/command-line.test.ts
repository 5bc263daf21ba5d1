// The conventions of the command line: help for each command, the version, a mistyped command and the
// man page, all from one description of the commands and flags (the completions: test/cli/completion.test.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manPage } from '../../src/cli/man.js';
import { COMMANDS, FLAGS, flagLabel } from '../../src/cli/usage.js';
import { projectRoot, runMain, tempFolder } from '../helpers.js';

const version = (
  JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;

describe('help', () => {
  it('broadsheet --help, -h and help: every command and every flag', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(command.summary);
    for (const flag of FLAGS) expect(help.stdout).toContain(flagLabel(flag));
    expect((await runMain(['-h'])).stdout).toBe(help.stdout);
    expect((await runMain(['help'])).stdout).toBe(help.stdout);
    // Where DIR is looked for, the configuration's folder included.
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'DIR defaults to ./source/_posts (a Hexo site), then ./articles, then the "folder" of the configuration file, then the demo articles.',
    );
    expect(help.stdout.split('\n').every((line) => line.length <= 100)).toBe(true);
  });

  it.each(['list', 'cat', 'categories', 'completion'])(
    'help %s, and the command with --help: that command, its flags and no other',
    async (command) => {
      const help = await runMain(['help', command]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^broadsheet ${command}: `));
      expect((await runMain([command, '--help'])).stdout).toBe(help.stdout);
      for (const flag of FLAGS.filter((flag) => flag.commands.length > 0))
        expect(help.stdout.includes(`  ${flagLabel(flag)} `), flag.name).toBe(
          flag.commands.includes(command as never),
        );
    },
  );

  it('help of a command that does not exist is a usage error', async () => {
    expect(await runMain(['help', 'lsit'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'broadsheet: no such command: lsit (see broadsheet --help)\n',
    });
  });

  it('-V and --version print the version', async () => {
    expect(await runMain(['-V'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runMain(['--version'])).stdout).toBe(`${version}\n`);
  });
});

describe('a mistyped command', () => {
  it.each([
    ['lsit', 'list'],
    ['cta', 'cat'],
    ['categoires', 'categories'],
    ['hlep', 'help'],
  ])('%s is taken for %s when no folder has its name', async (typed, meant) => {
    expect(await runMain([typed], { cwd: tempFolder() })).toEqual({
      code: 2,
      stdout: '',
      stderr: `broadsheet: no such command or folder: ${typed}; did you mean broadsheet ${meant}? (see broadsheet --help)\n`,
    });
  });

  it('a folder of that name is still a folder, and a word far from any command is one', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, 'lsit'));
    const folder = await runMain(['lsit', '--json'], { cwd });
    expect(folder.stderr).not.toContain('did you mean');
    expect((await runMain(['novels'], { cwd })).stderr).toBe(
      'broadsheet: no such folder: novels (see broadsheet --help)\n',
    );
  });
});

describe('the man page', () => {
  it('is written from the same description as the help (npm run docs writes it)', () => {
    expect(readFileSync(path.join(projectRoot, 'man/broadsheet.1'), 'utf8')).toBe(manPage(version));
  });
});
