import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configFolder } from '../files/places.js';
import { reason } from '../files/errors.js';
import type { ImagesFlag } from '../images/detect.js';
import { setTheme, type ThemeName } from '../render/theme.js';
import { writeOut } from '../pipe/output.js';
import { KEYMAP, setKeyBindings, type Command } from '../ui/keymap.js';

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

const COMMANDS = new Set<string>(KEYMAP.map((binding) => binding.command));

/** `$XDG_CONFIG_HOME/broadsheet/config.json`. */
export function configPath(env = process.env): string {
  return path.join(configFolder(env), 'config.json');
}

/**
 * The settings in a configuration file (JSON). A missing file is the
 * defaults; a file that cannot be read or parsed, or a setting that is not
 * understood, is a warning naming the file and the line, and that setting (or
 * the whole file) is left at its default: a bad file never stops broadsheet.
 */
export function readSettings(file = configPath()): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, keys: {}, file, warnings: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      settings.warnings.push(`${file}: could not be read (${reason(error)}); using the defaults`);
    return settings;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const line = at === undefined ? lineCount(text) : lineOf(text, Number(at));
    settings.warnings.push(`${file}:${line}: not valid JSON; using the defaults`);
    return settings;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    settings.warnings.push(`${file}:1: should be a JSON object of settings; using the defaults`);
    return settings;
  }
  const bad = (key: string, why: string) =>
    settings.warnings.push(
      `${file}:${lineOfKey(text, key)}: ${why}; "${key}" is left at its default`,
    );
  for (const [key, value] of Object.entries(parsed)) {
    switch (key) {
      case 'folder':
        if (typeof value === 'string' && value.trim()) {
          settings.folder = path.resolve(path.dirname(file), value.replace(/^~(?=$|\/)/, homeOf()));
        } else bad(key, 'takes a folder path');
        break;
      case 'theme':
        if ((THEMES as readonly unknown[]).includes(value)) settings.theme = value as ThemeChoice;
        else bad(key, `takes ${THEMES.join(', ')}`);
        break;
      case 'measure':
        if (Number.isInteger(value) && (value as number) >= 20) settings.measure = value as number;
        else bad(key, 'takes a whole number of columns, 20 or more');
        break;
      case 'images':
        if ((IMAGE_MODES as readonly unknown[]).includes(value))
          settings.images = value as ImagesMode;
        else bad(key, `takes ${IMAGE_MODES.join(', ')}`);
        break;
      case 'mouse':
        if (typeof value === 'boolean') settings.mouse = value;
        else bad(key, 'takes true or false');
        break;
      case 'keys':
        readKeys(value, settings, text, bad);
        break;
      default:
        bad(key, 'is not a setting (folder, theme, measure, images, mouse, keys)');
    }
  }
  return settings;
}

function readKeys(
  value: unknown,
  settings: Settings,
  text: string,
  bad: (key: string, why: string) => void,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('keys', 'takes an object of commands and their keys');
  for (const [command, keys] of Object.entries(value)) {
    const list = typeof keys === 'string' ? [keys] : keys;
    if (!COMMANDS.has(command)) {
      settings.warnings.push(
        `${settings.file}:${lineOfKey(text, command)}: "${command}" is not a command (see broadsheet --print-config)`,
      );
    } else if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((key) => typeof key === 'string' && key !== '')
    ) {
      settings.warnings.push(
        `${settings.file}:${lineOfKey(text, command)}: "${command}" takes a key or a list of keys`,
      );
    } else settings.keys[command as Command] = list as string[];
  }
}

function homeOf(): string {
  return process.env.HOME ?? '';
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

/** The line where a key is written, or 1 when it cannot be found. */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? 1 : lineOf(text, at);
}

/** Puts the settings in force for this run: the palette (unless the terminal is to be asked) and the keys. */
export function applySettings(settings: Settings): void {
  if (settings.theme !== 'auto') setTheme(settings.theme);
  setKeyBindings(settings.keys);
}

/** `--print-config`: the settings in force as JSON, the keys of every command included. */
export async function printConfig(settings: Settings): Promise<number> {
  const keys: Record<string, string[]> = {};
  for (const binding of KEYMAP) keys[binding.command] ??= binding.keys;
  const shown = {
    file: settings.file,
    folder: settings.folder ?? null,
    theme: settings.theme,
    measure: settings.measure,
    images: settings.images,
    mouse: settings.mouse,
    keys,
  };
  await writeOut(`${JSON.stringify(shown, null, 2)}\n`);
  return 0;
}
