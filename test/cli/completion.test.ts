// The shells' completions and the man page, in the real programs: bash, fish, zsh and groff.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runMain, tempFolder } from '../helpers.js';

const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

describe('the man page', () => {
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
