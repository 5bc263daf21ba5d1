import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import path from 'node:path';
import { configFolder } from '../files/places.js';
import { reason } from '../files/errors.js';
import { readRegularFile } from '../files/regular.js';
import type { Problem } from '../corpus/article.js';
import type { ImagesFlag } from '../images/detect.js';
import { setTheme, type ThemeName } from '../render/theme.js';
import { warn, writeOut } from '../pipe/output.js';
import { nearest } from '../text/nearest.js';
import { sanitizeLine } from '../text/sanitize.js';
import {
  DEFAULT_KEYMAP,
  keyBindings,
  keyClashes,
  keyNameProblem,
  type Command,
} from '../ui/keymap.js';

/** What `--theme` and `"theme"` take: a palette, or `auto` to ask the terminal. */
export const THEMES = ['auto', 'dark', 'light', 'mono'] as const satisfies ReadonlyArray<
  ThemeName | 'auto'
>;
export type ThemeChoice = (typeof THEMES)[number];

/** What `--images` and `"images"` take. */
export const IMAGE_MODES = [
  'auto',
  'kitty',
  'iterm',
  'sixel',
  'blocks',
  'none',
] as const satisfies readonly ImagesFlag[];
export type ImagesMode = (typeof IMAGE_MODES)[number];

/** What the configuration file may set; the command line's flags win over it. */
export interface Settings {
  /** The folder browsed when none is given and the current one has no articles folder. */
  folder?: string;
  /** The folder the reading state is kept in, instead of the user state folder (one a sync tool carries). */
  state?: string;
  theme: ThemeChoice;
  /** Columns of reading text at most in the browser. */
  measure: number;
  images: ImagesMode;
  mouse: boolean;
  /** Keys for commands, replacing the keymap's. */
  keys: Partial<Record<Command, string[]>>;
  /** The file read, and what was wrong in it (that part is not used). */
  file: string;
  warnings: string[];
}

export const DEFAULT_SETTINGS: Omit<Settings, 'file' | 'warnings'> = {
  theme: 'auto',
  measure: 100,
  images: 'auto',
  mouse: true,
  keys: {},
};

const COMMANDS = new Set<string>(DEFAULT_KEYMAP.map((binding) => binding.command));

/** `$XDG_CONFIG_HOME/broadsheet/config.json`. */
export function configPath(env = process.env): string {
  return path.join(configFolder(env), 'config.json');
}

/** The largest configuration file read: a few settings take a few hundred bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The settings in a configuration file: JSON with comments and trailing
 * commas allowed (JSONC). A missing file is the defaults. A file that cannot
 * be read (a folder, a FIFO, a device, one over 1 MiB) is a warning and the
 * defaults; a syntax error is a warning naming its line, and the settings
 * around it that can be read are used; a setting that is not understood is a
 * warning naming its line and is left at its default. A bad file never stops
 * broadsheet.
 */
export async function readSettings(file = configPath()): Promise<Settings> {
  const settings: Settings = { ...DEFAULT_SETTINGS, keys: {}, file, warnings: [] };
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      settings.warnings.push(`${file}: could not be read (${reason(error)}); using the defaults`);
    return settings;
  }
  // The parser is loaded only when there is a file to read.
  const { getNodeValue, parseTree, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  for (const error of errors.slice(0, 3))
    settings.warnings.push(
      `${file}:${lineOf(text, error.offset)}: not JSON: ${SYNTAX[printParseErrorCode(error.error)] ?? 'cannot be read'}; the rest is read`,
    );
  if (errors.length > 3)
    settings.warnings.push(`${file}: ${errors.length - 3} more places that are not JSON`);
  if (root?.type !== 'object') {
    settings.warnings.push(
      `${file}:${root ? lineOf(text, root.offset) : 1}: should be a JSON object of settings; using the defaults`,
    );
    return settings;
  }
  const bad = (key: string, at: number, why: string) =>
    settings.warnings.push(`${file}:${lineOf(text, at)}: ${why}; "${key}" is left at its default`);
  for (const property of root.children ?? []) {
    const [name, valueNode] = property.children ?? [];
    if (!name || !valueNode) continue;
    const key = String(name.value);
    const value: unknown = getNodeValue(valueNode);
    switch (key) {
      case 'folder':
        if (typeof value === 'string' && value.trim()) {
          settings.folder = path.resolve(path.dirname(file), value.replace(/^~(?=$|\/)/, homeOf()));
        } else bad(key, name.offset, 'takes a folder path');
        break;
      case 'state':
        if (typeof value === 'string' && value.trim()) {
          settings.state = path.resolve(path.dirname(file), value.replace(/^~(?=$|\/)/, homeOf()));
        } else bad(key, name.offset, 'takes a folder path');
        break;
      case 'theme':
        if ((THEMES as readonly unknown[]).includes(value)) settings.theme = value as ThemeChoice;
        else bad(key, name.offset, `takes ${THEMES.join(', ')}`);
        break;
      case 'measure':
        if (Number.isInteger(value) && (value as number) >= 20) settings.measure = value as number;
        else bad(key, name.offset, 'takes a whole number of columns, 20 or more');
        break;
      case 'images':
        if ((IMAGE_MODES as readonly unknown[]).includes(value))
          settings.images = value as ImagesMode;
        else bad(key, name.offset, `takes ${IMAGE_MODES.join(', ')}`);
        break;
      case 'mouse':
        if (typeof value === 'boolean') settings.mouse = value;
        else bad(key, name.offset, 'takes true or false');
        break;
      case 'keys':
        readKeys(valueNode, getNodeValue, settings, (at) => lineOf(text, at), bad);
        break;
      default: {
        const meant = nearest(key, SETTING_NAMES);
        settings.warnings.push(
          `${file}:${lineOf(text, name.offset)}: ${JSON.stringify(key)} is not a setting ` +
            (meant ? `(${JSON.stringify(meant)}?)` : `(${SETTING_NAMES.join(', ')})`),
        );
      }
    }
  }
  return settings;
}

/** The settings a file may give, in the order they are told. */
const SETTING_NAMES = ['folder', 'state', 'theme', 'measure', 'images', 'mouse', 'keys'];

/** jsonc-parser's errors, said as a person would. */
const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'a character that has no place here',
  InvalidNumberFormat: 'a number that cannot be read',
  PropertyNameExpected: 'a name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing was expected after the settings',
  InvalidCommentToken: 'a comment that cannot be read',
  UnexpectedEndOfComment: 'a comment that never ends',
  UnexpectedEndOfString: 'a string that never ends',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a \\u escape that cannot be read',
  InvalidEscapeCharacter: 'a backslash escape that cannot be read',
  InvalidCharacter: 'a control character inside a string',
};

function readKeys(
  node: JsonNode,
  valueOf: (node: JsonNode) => unknown,
  settings: Settings,
  lineAt: (offset: number) => number,
  bad: (key: string, at: number, why: string) => void,
): void {
  if (node.type !== 'object')
    return bad(
      'keys',
      node.parent?.offset ?? node.offset,
      'takes an object of commands and their keys',
    );
  const warn = (at: number, why: string) =>
    settings.warnings.push(`${settings.file}:${lineAt(at)}: ${why}`);
  /** Where each key given to a command is written, for the clashes' lines. */
  const written = new Map<string, number>();
  for (const property of node.children ?? []) {
    const [name, valueNode] = property.children ?? [];
    if (!name || !valueNode) continue;
    const command = String(name.value);
    const value = valueOf(valueNode);
    const keyNodes = valueNode.type === 'array' ? (valueNode.children ?? []) : [valueNode];
    if (!COMMANDS.has(command)) {
      const meant = nearest(command, [...COMMANDS]);
      warn(
        name.offset,
        `${JSON.stringify(command)} is not a command ` +
          (meant ? `(${JSON.stringify(meant)}?)` : '(see broadsheet --print-config)'),
      );
      continue;
    }
    if (
      (typeof value !== 'string' && !Array.isArray(value)) ||
      keyNodes.length === 0 ||
      !keyNodes.every((key) => typeof valueOf(key) === 'string')
    ) {
      warn(name.offset, `"${command}" takes a key or a list of keys; it keeps its own`);
      continue;
    }
    const keys: string[] = [];
    for (const keyNode of keyNodes) {
      const key = valueOf(keyNode) as string;
      const problem = keyNameProblem(key);
      if (problem) warn(keyNode.offset, `${problem}; "${command}" is not given it`);
      else {
        keys.push(key);
        written.set(`${command}\n${key}`, keyNode.offset);
      }
    }
    if (keys.length > 0) settings.keys[command as Command] = keys;
    else warn(name.offset, `"${command}" is given no key it can use; it keeps its own`);
  }
  for (const clash of keyClashes(settings.keys))
    warn(
      written.get(`${clash.command}\n${clash.key}`) ?? node.offset,
      `${JSON.stringify(clash.key)} for "${clash.command}" is also "${clash.other}" in ${clash.places}; ` +
        `there it does "${clash.does}"`,
    );
}

function homeOf(): string {
  return process.env.HOME ?? '';
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** What was wrong in the file, as the browser lists problems: the file, the line where known, and why. */
export function settingsProblems(settings: Settings): Problem[] {
  return settings.warnings.map((warning) => {
    const said = warning.startsWith(`${settings.file}:`)
      ? /^:(?:(\d+):)? (.*)$/s.exec(warning.slice(settings.file.length))
      : null;
    if (!said) return { path: settings.file, reason: warning };
    return {
      path: settings.file,
      ...(said[1] ? { line: Number(said[1]) } : {}),
      reason: said[2]!,
    };
  });
}

/** Puts the palette of what is printed in force (unless the terminal is to be asked); the browser is given its own. */
export function applySettings(settings: Settings): void {
  if (settings.theme !== 'auto') setTheme(settings.theme);
}

/**
 * `--print-config`: the settings in force as JSON, the keys of every command
 * included; what was wrong in the file on stderr, and then the exit code is 1.
 */
export async function printConfig(settings: Settings): Promise<number> {
  const keys: Record<string, string[]> = {};
  const bindings = keyBindings(settings.keys);
  // A key another command took where both work is that command's only.
  for (const binding of bindings.bindings)
    keys[binding.command] ??= binding.keys.filter((key) =>
      binding.contexts.some((context) => bindings.commandFor(context, key) === binding.command),
    );
  const shown = {
    file: settings.file,
    folder: settings.folder ?? null,
    state: settings.state ?? null,
    theme: settings.theme,
    measure: settings.measure,
    images: settings.images,
    mouse: settings.mouse,
    keys,
  };
  await writeOut(`${JSON.stringify(shown, null, 2)}\n`);
  for (const warning of settings.warnings) warn(sanitizeLine(warning));
  return settings.warnings.length > 0 ? 1 : 0;
}
