// The conventions of the command line: help for each command, the version, a mistyped command, the
// man page and the shells' completions, all from one description of the commands and flags.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manPage } from '../../src/cli/man.js';
import { COMMANDS, FLAGS, flagLabel } from '../../src/cli/usage.js';
import { projectRoot, runMain, tempFolder } from '../helpers.js';

const version = (
  JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

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
    const { mkdirSync } = await import('node:fs');
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

  it.skipIf(!has('groff'))('is roff that groff reads without a warning', () => {
    const result = spawnSync(
      'groff',
      ['-man', '-Tutf8', '-ww', '-z', path.join(projectRoot, 'man/broadsheet.1')],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('completion', () => {
  const script = async (shell: string) => {
    const result = await runMain(['completion', shell]);
    expect(result.code).toBe(0);
    const file = path.join(tempFolder(), `broadsheet.${shell}`);
    writeFileSync(file, result.stdout);
    return file;
  };
  const folder = () => {
    const cwd = tempFolder();
    execFileSync('mkdir', ['-p', path.join(cwd, 'posts'), path.join(cwd, 'pictures')]);
    writeFileSync(path.join(cwd, 'post.md'), '---\ntitle: T\n---\nx');
    return cwd;
  };

  it('of an unknown shell is a usage error', async () => {
    expect((await runMain(['completion', 'tcsh'])).code).toBe(2);
  });

  it('bash: commands, folders, flags, their values and articles, in a real bash', async () => {
    const file = await script('bash');
    const cwd = folder();
    const complete = (...words: string[]) =>
      execFileSync('bash', ['-c', `source ${file}; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _broadsheet; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', 'broadsheet', ...words], { cwd, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .sort();
    expect(complete('')).toEqual(['cat', 'categories', 'completion', 'help', 'list', 'pictures', 'posts']);
    expect(complete('ca')).toEqual(['cat', 'categories']);
    expect(complete('--ima')).toEqual(['--images']);
    expect(complete('--no-')).toEqual(['--no-color', '--no-mouse']);
    expect(complete('--images', '')).toEqual(['auto', 'blocks', 'iterm', 'kitty', 'none', 'sixel']);
    expect(complete('--theme', 'l')).toEqual(['light']);
    expect(complete('list', 'p')).toEqual(['pictures', 'posts']);
    expect(complete('--tag', 'x', 'cat', 'p')).toEqual(['pictures', 'post.md', 'posts']);
    expect(complete('cat', '-d', 'p')).toEqual(['pictures', 'posts']);
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('help', 'c')).toEqual(['cat', 'categories', 'completion']);
  });

  it.skipIf(!has('fish'))('fish: the same, asked of a real fish', async () => {
    const file = await script('fish');
    const cwd = folder();
    const complete = (line: string) =>
      // fish makes its folders under the XDG ones as it starts: a run's own, never the machine's.
      execFileSync('fish', ['--no-config', '-c', `source ${file}; complete -C${JSON.stringify(line)}`], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: tempFolder(), XDG_DATA_HOME: tempFolder(), XDG_CACHE_HOME: tempFolder() } })
        .split('\n')
        .filter(Boolean)
        .map((candidate) => candidate.split('\t')[0])
        .sort();
    expect(complete('broadsheet ')).toEqual(['cat', 'categories', 'completion', 'help', 'list', 'pictures/', 'posts/']);
    expect(complete('broadsheet --ima')).toEqual(['--images']);
    expect(complete('broadsheet --images ')).toEqual(['auto', 'blocks', 'iterm', 'kitty', 'none', 'sixel']);
    expect(complete('broadsheet completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('broadsheet cat p')).toEqual(['pictures/', 'post.md', 'posts/']);
  });

  it.skipIf(!has('zsh'))('zsh: a script zsh reads, that registers itself for broadsheet', async () => {
    const file = await script('zsh');
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('#compdef broadsheet');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const registered = execFileSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -D; source ${file}; print -r -- $_comps[broadsheet]`], { encoding: 'utf8' });
    expect(registered.trim()).toBe('_broadsheet');
  });
}); // prettier-ignore
