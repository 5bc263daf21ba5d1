// The configuration file: JSON with comments, each problem said with its line, and never a reason to stop or hang.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, tempCorpus, tempFolder } from './helpers.js';

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
  const result = await runMain(['--print-config', ...flags], { env });
  return { ...result, shown: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe('the configuration file', () => {
  it('prints the settings in force with --print-config, the keymap included', async () => {
    const { env, file } = configured(
      '{\n  "theme": "light",\n  "measure": 72,\n  "mouse": false,\n  "keys": { "nextUnread": ["n", "N"] }\n}\n',
    );
    const { shown, code, stderr } = await printed(env);
    expect([code, stderr]).toEqual([0, '']);
    expect(shown).toMatchObject({
      file,
      theme: 'light',
      measure: 72,
      mouse: false,
      images: 'auto',
    });
    expect((shown.keys as Record<string, string[]>).nextUnread).toEqual(['n', 'N']);
    expect((shown.keys as Record<string, string[]>).down).toEqual(['j', 'down']);
    // The command line wins over the file.
    expect((await printed(env, '--theme', 'mono', '--mouse')).shown).toMatchObject({
      theme: 'mono',
      mouse: true,
    });
  });

  it('names the line of what it cannot use, and goes on with the rest', async () => {
    const { env, file } = configured(
      '{\n  "theme": "light",\n  "measure": "wide",\n  "colour": true,\n  "keys": { "fly": "f" }\n}\n',
    );
    const result = await runMain(['list', folder()], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(3);
    expect(result.stderr).toBe(
      [
        `broadsheet: warning: ${file}:3: takes a whole number of columns, 20 or more; "measure" is left at its default`,
        `broadsheet: warning: ${file}:4: "colour" is not a setting (folder, state, theme, measure, images, mouse, keys)`,
        `broadsheet: warning: ${file}:5: "fly" is not a command (see broadsheet --print-config)`,
        '',
      ].join('\n'),
    );
  });

  it('takes comments and trailing commas, as editors write JSON', async () => {
    const { env } = configured(
      [
        '// broadsheet, at home',
        '{',
        '  /* the light palette */ "theme": "light",',
        '  "measure": 72, // columns',
        '  "keys": { "nextUnread": ["n", "ctrl+n",], },',
        '}',
      ].join('\n'),
    );
    const { shown, code, stderr } = await printed(env);
    expect([code, stderr]).toEqual([0, '']);
    expect(shown).toMatchObject({ theme: 'light', measure: 72 });
    expect((shown.keys as Record<string, string[]>).nextUnread).toEqual(['n', 'ctrl+n']);
  });

  it('says on which line a real syntax error is, and uses what can be read around it', async () => {
    // A comma missing at the end of line 2, and a stray word on line 4.
    const { env, file } = configured(
      '{\n  "theme": "light"\n  "measure": 72,\n  oops\n  "mouse": false\n}\n',
    );
    const { shown, code, stderr } = await printed(env);
    expect(shown).toMatchObject({ theme: 'light', measure: 72, mouse: false });
    expect(stderr).toBe(
      [
        `broadsheet: warning: ${file}:3: not JSON: a comma was expected; the rest is read`,
        `broadsheet: warning: ${file}:4: not JSON: a character that has no place here; the rest is read`,
        '',
      ].join('\n'),
    );
    // --print-config says what is wrong and fails; the other commands only warn.
    expect(code).toBe(1);
    const listed = await runMain(['list', folder()], { env });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain(`${file}:3: not JSON: a comma was expected`);
  });

  it('opens the folder it names when none is given and none is at hand', async () => {
    const root = folder();
    const { env } = configured(`{ "folder": ${JSON.stringify(root)} }`);
    const result = await runMain(['list'], { env, cwd: tempFolder() });
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('a configuration with several problems', () => {
  const text = [
    '{',
    '  "keys": {',
    '    "nextUnread": ["n", "ctlr+n"],',
    '    "nextUnred": "u",',
    '    "quit": "j",',
    '    "star": "/"',
    '  },',
    '  "mesure": 80',
    '}',
  ].join('\n');

  it('suggests the setting, command and key a misspelt name was meant as', async () => {
    const { env, file } = configured(text);
    const { stderr } = await printed(env);
    expect(stderr).toContain(`${file}:3: "ctlr+n" is not a key ("ctrl+n"?)`);
    expect(stderr).toContain(`${file}:4: "nextUnred" is not a command ("nextUnread"?)`);
    expect(stderr).toContain(`${file}:8: "mesure" is not a setting ("measure"?)`);
  });

  it('prints each key under the command it does: a key taken by another is not printed twice', async () => {
    const { env } = configured(text);
    const { shown } = await printed(env);
    const keys = shown.keys as Record<string, string[]>;
    expect(keys.star).toEqual(['/']);
    // Wherever find works, / stars now: find has no key left.
    expect(keys.find).toEqual([]);
    // j quits the list, and still moves down in the categories and the reader.
    expect(keys.quit).toEqual(['j']);
    expect(keys.down).toEqual(['j', 'down']);
  });

  it('lists each problem as the browser shows problems: the file, the line, and why', async () => {
    const { readSettings, settingsProblems } = await import('../src/commands/config.js');
    const { file } = configured(text);
    const problems = settingsProblems(await readSettings(file));
    expect(problems).toContainEqual({
      path: file,
      line: 8,
      reason: '"mesure" is not a setting ("measure"?)',
    });
    expect(problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 8]);
  });
});
