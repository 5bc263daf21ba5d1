// A configuration file that is no file, met by the command line as a process: if one of these made
// the program hang or grow without end again, it would take down the program, not the test run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCorpus, tempFolder } from '../helpers.js';

/** A configuration folder holding `config.json` as `make` puts it there; its environment and file. */
function configured(make: string | ((file: string) => void)) {
  const home = tempFolder();
  mkdirSync(path.join(home, 'broadsheet'));
  const file = path.join(home, 'broadsheet', 'config.json');
  if (typeof make === 'string') writeFileSync(file, make);
  else make(file);
  return { env: { XDG_CONFIG_HOME: home }, file };
}

function folder(): string {
  return tempCorpus({
    'a.md': '---\ntitle: First\ndate: 2026-11-25\n---\nOne.',
    'b.md': '---\ntitle: Second\ndate: 2026-11-26\n---\nTwo.',
  });
}

/** `--print-config` as JSON, with its stderr and exit code. */
async function printed(env: Record<string, string>, ...flags: string[]) {
  const result = await runCli(['--print-config', ...flags], { env });
  return { ...result, shown: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe('a configuration file that is no file', () => {
  // Before, each of these hung the program (a FIFO) or grew its memory without end (a device).
  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['/dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
    ['a folder', (file: string) => mkdirSync(file)],
  ])('%s is refused at once, with the defaults', async (_, make) => {
    const { env, file } = configured(make);
    const reason =
      _ === 'a folder' ? 'is a folder' : 'not a regular file (a pipe, a socket or a device)';
    const listed = await runCli(['list', folder()], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toHaveLength(3);
    expect(listed.stderr).toBe(
      `broadsheet: warning: ${file}: could not be read (${reason}); using the defaults\n`,
    );
    const { shown, code } = await printed(env);
    expect(code).toBe(1);
    expect(shown).toMatchObject({ theme: 'auto', measure: 100 });
  });

  it('a file over 1 MiB is not read', async () => {
    const { env, file } = configured(`{"theme": "light", "pad": "${'x'.repeat(1024 * 1024)}"}`);
    const { shown, code, stderr } = await printed(env);
    expect(stderr).toBe(
      `broadsheet: warning: ${file}: could not be read (larger than 1 MiB); using the defaults\n`,
    );
    expect([code, shown.theme]).toEqual([1, 'auto']);
  });
});
