// Keys in the configuration: a name that is no key, and a key that takes another command's where both
// work, are warnings naming the file and line; what is shown of a key name never reaches the terminal raw.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../src/commands/config.js';
import { helpLines } from '../src/ui/Help.js';
import {
  DEFAULT_KEYMAP,
  keyBindings,
  keyClashes,
  keyNameProblem,
  type Command,
} from '../src/ui/keymap.js';
import { DEFAULT_LOOK } from '../src/ui/look.js';
import { runMain, tempFolder } from './helpers.js';

/** `config.json` holding `keys` (one command a line, from line 3), in its own configuration folder. */
function configured(keys: Record<string, unknown>) {
  const home = tempFolder();
  mkdirSync(path.join(home, 'broadsheet'));
  const file = path.join(home, 'broadsheet', 'config.json');
  const lines = Object.entries(keys).map(
    ([command, value]) => `    "${command}": ${JSON.stringify(value)}`,
  );
  writeFileSync(file, `{\n  "keys": {\n${lines.join(',\n')}\n  }\n}\n`);
  return { env: { XDG_CONFIG_HOME: home }, file };
}

describe('key names in the configuration', () => {
  it.each([
    ['ctlr+n', 'is not a key'],
    ['F5', 'is not a key'],
    ['ctrl+shift+q', 'is not a key'],
    ['gg', 'is not a key'],
    ['', 'is not a key'],
    [' ', '("space"?)'],
    ['Enter', '("enter"?)'],
    ['esc', '("escape"?)'],
    ['C-n', '("ctrl+n"?)'],
    ['ctrl+c', 'ctrl+c always quits'],
    ['ctrl+i', 'ctrl+i reaches broadsheet as tab'],
    ['\u001b]52;c;QUJD\u0007', 'is not a key'],
  ])('refuses %j, saying why', (name, why) => {
    expect(keyNameProblem(name)).toContain(why);
  });

  it.each(['n', 'N', '?', '|', 'é', '日', 'ctrl+n', 'tab', 'space', 'pagedown', 'backspace'])(
    'takes %j',
    (name) => {
      expect(keyNameProblem(name)).toBeNull();
    },
  );

  it('finds no clash in the keys as broadsheet comes', () => {
    const all = Object.fromEntries(
      DEFAULT_KEYMAP.map((binding) => [binding.command, binding.keys]),
    ) as Partial<Record<Command, readonly string[]>>;
    expect(keyClashes(all)).toEqual([]);
  });

  it('warns of each name that is no key, with its file and line, and keeps the command’s good keys', async () => {
    const { file } = configured({
      nextUnread: ['ctlr+n', 'x'],
      reload: 'F5',
      quit: ['ctrl+shift+q'],
    });
    const settings = await readSettings(file);
    expect(settings.warnings).toEqual([
      `${file}:3: "ctlr+n" is not a key ("ctrl+n"?); "nextUnread" is not given it`,
      `${file}:4: "F5" is not a key (a key is one character, ctrl+ and a letter, or one of up down left right pageup pagedown home end enter escape tab backspace space); "reload" is not given it`,
      `${file}:4: "reload" is given no key it can use; it keeps its own`,
      `${file}:5: "ctrl+shift+q" is not a key (a key is one character, ctrl+ and a letter, or one of up down left right pageup pagedown home end enter escape tab backspace space); "quit" is not given it`,
      `${file}:5: "quit" is given no key it can use; it keeps its own`,
    ]);
    expect(settings.keys).toEqual({ nextUnread: ['x'] });
    const keys = keyBindings(settings.keys);
    expect(keys.commandFor('list', 'x')).toBe('nextUnread');
    expect(keys.commandFor('list', 'r')).toBe('reload');
    expect(keys.commandFor('list', 'q')).toBe('quit');
  });

  it.each([
    // Tab opens the categories from the list.
    [
      { nextUnread: ['n', 'tab'] },
      '"tab" for "nextUnread" is also "toggleTree" in the list; there it does "nextUnread"',
    ],
    // h closes a branch of the categories and goes back from an article.
    [{ help: 'h' }, '"h" for "help" is also "collapse" in the categories; there it does "help"'],
    [{ help: 'h' }, '"h" for "help" is also "back" in the reader; there it does "help"'],
    // z is undo everywhere.
    [
      { star: ['s', 'z'] },
      '"z" for "star" is also "undo" in the list, the reader; there it does "star"',
    ],
  ])('warns of a key that takes another command’s in one screen: %j', async (keys, warning) => {
    const { file } = configured(keys);
    const settings = await readSettings(file);
    expect(settings.warnings).toContain(`${file}:3: ${warning}`);
  });

  it('says which of two commands given one key has it', async () => {
    const { file } = configured({ nextUnread: 'x', star: 'x' });
    expect((await readSettings(file)).warnings).toEqual([
      `${file}:3: "x" for "nextUnread" is also "star" in the list; there it does "nextUnread"`,
      `${file}:4: "x" for "star" is also "nextUnread" in the list; there it does "nextUnread"`,
    ]);
  });

  it('takes keys that are free where the command works, without a word', async () => {
    const { file } = configured({ nextUnread: ['n', 'ctrl+n'], help: ['?', 'H'], star: '*' });
    const settings = await readSettings(file);
    expect(settings.warnings).toEqual([]);
    expect(settings.keys).toEqual({ nextUnread: ['n', 'ctrl+n'], help: ['?', 'H'], star: ['*'] });
  });

  it('makes --print-config say the problems on stderr and fail', async () => {
    const { env, file } = configured({ nextUnread: ['n', 'tab'], reload: 'F5' });
    const result = await runMain(['--print-config'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`broadsheet: warning: ${file}:3: "tab" for "nextUnread"`);
    expect(result.stderr).toContain(`broadsheet: warning: ${file}:4: "F5" is not a key`);
    expect(JSON.parse(result.stdout)).toMatchObject({ keys: { nextUnread: ['n', 'tab'] } });
  });

  it('never lets a key name in the help put control characters on the terminal', async () => {
    const hostile = '\u001b]52;c;QUJD\u0007';
    const { file } = configured({ help: [hostile, '?'] });
    const settings = await readSettings(file);
    expect(settings.keys).toEqual({ help: ['?'] });
    // Nor when bindings come some other way.
    const shown = helpLines(80, keyBindings({ help: [hostile, '\u009b2J'] }), DEFAULT_LOOK)
      .join('\n')
      // The help's own colours and weights.
      .replace(/\u001b\[[0-9;]*m/g, '');
    expect(shown).toContain('this help');
    expect(shown.split('\n').join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('the README', () => {
  it('gives an example configuration whose keys all work', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(example).toContain('"keys"');
    const home = tempFolder();
    const file = path.join(home, 'config.json');
    writeFileSync(file, example);
    expect((await readSettings(file)).warnings).toEqual([]);
  });
});
