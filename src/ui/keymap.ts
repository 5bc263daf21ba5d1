import type { Key } from 'ink';
import { nearest } from '../text/nearest.js';

/** Where a key is pressed: the list, the category tree, or the reader. */
export type KeyContext = 'list' | 'tree' | 'reader';

export type Command =
  | 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp' | 'top' | 'bottom'
  | 'open' | 'back' | 'quit' | 'clearFilter' | 'clearSearch' | 'nextArticle' | 'previousArticle'
  | 'find' | 'nextMatch' | 'previousMatch' | 'toggleTree' | 'expand' | 'collapse'
  | 'openLink' | 'openSource' | 'copy' | 'reload' | 'help' | 'problems' | 'viewImage'
  | 'nextUnread' | 'previousUnread' | 'toggleRead' | 'markAllRead' | 'onlyUnread' | 'star'
  | 'pipe' | 'edit' | 'page' | 'showFile' | 'undo' | 'links'; // prettier-ignore

export interface Binding {
  /** Key names as `keyName` spells them. */
  readonly keys: readonly string[];
  readonly contexts: readonly KeyContext[];
  readonly command: Command;
  /** What the help screen says, per context where it differs. */
  readonly help: string | Readonly<Partial<Record<KeyContext, string>>>;
}

/** The one table of keys as broadsheet comes: it drives the handlers and the help screen alike. */
export const DEFAULT_KEYMAP: readonly Binding[] = Object.freeze(([
  { keys: ['j', 'down'], contexts: ['list', 'tree', 'reader'], command: 'down', help: { list: 'next article', tree: 'next category', reader: 'scroll down a line' } },
  { keys: ['k', 'up'], contexts: ['list', 'tree', 'reader'], command: 'up', help: { list: 'previous article', tree: 'previous category', reader: 'scroll up a line' } },
  { keys: ['space', 'pagedown'], contexts: ['list', 'tree', 'reader'], command: 'pageDown', help: { list: 'page down', tree: 'page down', reader: 'page down; at the end, the next article' } },
  { keys: ['b', 'pageup'], contexts: ['list', 'tree', 'reader'], command: 'pageUp', help: 'page up' },
  { keys: ['d'], contexts: ['list', 'tree', 'reader'], command: 'halfDown', help: 'half a page down' },
  { keys: ['u'], contexts: ['list', 'tree', 'reader'], command: 'halfUp', help: 'half a page up' },
  { keys: ['g', 'home'], contexts: ['list', 'tree', 'reader'], command: 'top', help: { list: 'first article', tree: 'first category', reader: 'top' } },
  { keys: ['G', 'end'], contexts: ['list', 'tree', 'reader'], command: 'bottom', help: { list: 'last article', tree: 'last category', reader: 'bottom' } },
  { keys: ['enter', 'l', 'right'], contexts: ['list'], command: 'open', help: 'open the article' },
  { keys: ['enter'], contexts: ['tree'], command: 'open', help: 'show this category' },
  { keys: ['l', 'right'], contexts: ['tree'], command: 'expand', help: 'expand' },
  { keys: ['h', 'left'], contexts: ['tree'], command: 'collapse', help: 'collapse' },
  { keys: ['q', 'escape', 'h', 'left'], contexts: ['reader'], command: 'back', help: 'back to the list; one file or standard input: quit (Esc first clears a search)' },
  { keys: ['escape', 'tab', 'q'], contexts: ['tree'], command: 'back', help: 'close the categories' },
  { keys: ['q'], contexts: ['list'], command: 'quit', help: 'quit' },
  { keys: ['escape'], contexts: ['list'], command: 'clearFilter', help: 'clear the filter, category and limit' },
  { keys: ['n'], contexts: ['list'], command: 'nextUnread', help: 'next unread article' },
  { keys: ['p'], contexts: ['list'], command: 'previousUnread', help: 'previous unread article' },
  { keys: ['J'], contexts: ['reader'], command: 'nextArticle', help: 'next article' },
  { keys: ['K'], contexts: ['reader'], command: 'previousArticle', help: 'previous article' },
  { keys: ['/'], contexts: ['list', 'reader'], command: 'find', help: { list: 'filter (words, "phrases", -not, cat: tag: author: title: after: before: is:)', reader: 'search in the article' } },
  { keys: ['n'], contexts: ['reader'], command: 'nextMatch', help: 'next match (with no search: the next unread article)' },
  { keys: ['N'], contexts: ['reader'], command: 'previousMatch', help: 'previous match' },
  { keys: ['i', 'enter'], contexts: ['reader'], command: 'viewImage', help: 'the picture on screen, full screen' },
  { keys: ['m'], contexts: ['list', 'reader'], command: 'toggleRead', help: { list: 'mark read or unread', reader: 'keep unread, back to the list; one file: quit, kept unread' } },
  { keys: ['A'], contexts: ['list'], command: 'markAllRead', help: 'mark every article shown read (asks first)' },
  { keys: ['U'], contexts: ['list'], command: 'onlyUnread', help: 'only unread articles, or all again (is:unread)' },
  { keys: ['s'], contexts: ['list', 'reader'], command: 'star', help: 'star or unstar (is:starred finds them)' },
  { keys: ['z'], contexts: ['list', 'tree', 'reader'], command: 'undo', help: 'undo the last mark: m, A, s or an article read' },
  { keys: ['tab'], contexts: ['list'], command: 'toggleTree', help: 'categories' },
  { keys: ['o'], contexts: ['list', 'reader'], command: 'openLink', help: { list: 'open the source link in the browser', reader: 'open link N in the browser' } },
  { keys: ['O'], contexts: ['reader'], command: 'openSource', help: 'open the source link in the browser' },
  { keys: ['L'], contexts: ['reader'], command: 'links', help: 'the links and pictures, as a menu: j k choose, Enter opens, y copies, / narrows, Esc closes; a number then Enter opens that link (a key not a digit ends the number and does what it does)' },
  { keys: ['y'], contexts: ['list', 'reader'], command: 'copy', help: { list: 'copy the source link (or path)', reader: 'copy link N, or the source link with Enter' } },
  { keys: ['|'], contexts: ['list', 'reader'], command: 'pipe', help: 'pipe the article\'s text to a command' },
  { keys: ['e'], contexts: ['list', 'reader'], command: 'edit', help: 'open the article\'s file in $EDITOR' },
  { keys: ['v'], contexts: ['list', 'reader'], command: 'page', help: 'show the article\'s text in $PAGER' },
  { keys: ['r'], contexts: ['list'], command: 'reload', help: 'read the folder again (changes show by themselves within 2 s)' },
  { keys: ['!'], contexts: ['list', 'reader'], command: 'problems', help: 'files with problems' },
  { keys: ['?'], contexts: ['list', 'tree', 'reader'], command: 'help', help: 'this help' },
] satisfies Binding[]).map((binding) => Object.freeze(binding))); // prettier-ignore

/** The keys in force: the bindings (the help screen's rows), and the command a key means where it is pressed. */
export interface KeyBindings {
  readonly bindings: readonly Binding[];
  commandFor(context: KeyContext, key: string): Command | undefined;
}

/**
 * The keys with the configuration's given to their commands
 * (`{"nextUnread": ["n", "tab"]}`), for the handlers and the help alike: a
 * key given to a command is that command's, not the default one's. The
 * defaults are left as they are.
 */
export function keyBindings(
  overrides: Partial<Record<Command, readonly string[]>> = {},
): KeyBindings {
  const bindings = DEFAULT_KEYMAP.map((binding) => {
    const keys = overrides[binding.command];
    return keys ? { ...binding, keys: [...keys] } : binding;
  });
  const chosen = (binding: Binding) => overrides[binding.command] !== undefined;
  const byContext = new Map<KeyContext, Map<string, Command>>();
  for (const binding of [...bindings.filter(chosen), ...bindings.filter((b) => !chosen(b))]) {
    for (const context of binding.contexts) {
      const table = byContext.get(context) ?? new Map<string, Command>();
      for (const key of binding.keys) if (!table.has(key)) table.set(key, binding.command);
      byContext.set(context, table);
    }
  }
  return { bindings, commandFor: (context, key) => byContext.get(context)?.get(key) };
}

/** The keys as broadsheet comes, with no configuration. */
export const DEFAULT_BINDINGS: KeyBindings = keyBindings();

/** The keys with a name, as `keyName` spells them; any other key is the one character it types. */
export const NAMED_KEYS: readonly string[] = [
  'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab',
  'backspace', 'space',
]; // prettier-ignore

/** Ctrl+letters that never reach a binding: the terminal sends them as other keys, or they are kept. */
const CTRL_TAKEN: Record<string, string> = {
  'ctrl+c': 'always quits',
  'ctrl+z': 'always suspends',
  'ctrl+h': 'reaches broadsheet as backspace',
  'ctrl+i': 'reaches broadsheet as tab',
  'ctrl+j': 'reaches broadsheet as enter',
  'ctrl+m': 'reaches broadsheet as enter',
};

/** The Ctrl+letters a binding can have, for what a misspelt one was meant as. */
const CTRL_LETTERS = [...'abdefgklnopqrstuvwxy'].map((letter) => `ctrl+${letter}`);

/** Other spellings a name might be meant as. */
const MEANT: Record<string, string> = {
  esc: 'escape', return: 'enter', pgup: 'pageup', pgdn: 'pagedown', 'page up': 'pageup',
  'page down': 'pagedown', del: 'backspace', delete: 'backspace', ' ': 'space',
}; // prettier-ignore

/**
 * Why `name` is not a key the browser can be given (null when it is): a
 * key is one character it types (`n`, `N`, `?`), `ctrl+` and a letter, or one
 * of `NAMED_KEYS`. Ctrl+C, Ctrl+Z and the Ctrl+letters a terminal sends as
 * other keys are refused too.
 */
export function keyNameProblem(name: string): string | null {
  if (NAMED_KEYS.includes(name)) return null;
  if (/^ctrl\+[a-z]$/.test(name)) return CTRL_TAKEN[name] ? `${name} ${CTRL_TAKEN[name]}` : null;
  const characters = [...new Intl.Segmenter().segment(name)];
  if (characters.length === 1 && !/[\p{C}\p{Z}]/u.test(name)) return null;
  const lower = name
    .toLowerCase()
    .replace(/^(?:(?:control|ctl|ctrl)[-+ ]?|c-|\^)(?=[a-z]$)/, 'ctrl+');
  const meant =
    MEANT[lower] ??
    (NAMED_KEYS.includes(lower) || (/^ctrl\+[a-z]$/.test(lower) && !CTRL_TAKEN[lower])
      ? lower
      : undefined) ??
    nearest(lower, [...NAMED_KEYS, ...CTRL_LETTERS]);
  return (
    `${JSON.stringify(name)} is not a key` +
    (meant && meant !== name
      ? ` (${JSON.stringify(meant)}?)`
      : ` (a key is one character, ctrl+ and a letter, or one of ${NAMED_KEYS.join(' ')})`)
  );
}

const PLACES: Record<KeyContext, string> = {
  list: 'the list',
  tree: 'the categories',
  reader: 'the reader',
};

/**
 * Keys the configuration gives to a command that another command has where
 * both work: each clash once per key and other command, with the places it
 * is in and what the key does there now (the first command named in the
 * configuration wins).
 */
export function keyClashes(
  overrides: Partial<Record<Command, readonly string[]>>,
): Array<{ command: Command; key: string; other: Command; places: string; does: Command }> {
  const { bindings, commandFor } = keyBindings(overrides);
  const clashes: Array<{
    command: Command;
    key: string;
    other: Command;
    places: string;
    does: Command;
  }> = [];
  for (const [command, keys] of Object.entries(overrides) as Array<[Command, readonly string[]]>) {
    const own = bindings.filter((binding) => binding.command === command);
    for (const key of new Set(keys)) {
      const found = new Map<Command, KeyContext[]>();
      for (const binding of own)
        for (const context of binding.contexts)
          for (const other of bindings)
            if (
              other.command !== command &&
              other.contexts.includes(context) &&
              other.keys.includes(key)
            )
              found.set(other.command, [...(found.get(other.command) ?? []), context]);
      for (const [other, contexts] of found)
        clashes.push({
          command,
          key,
          other,
          places: contexts.map((context) => PLACES[context]).join(', '),
          does: commandFor(contexts[0]!, key)!,
        });
    }
  }
  return clashes;
}

/** One name for a key press: `j`, `G`, `down`, `enter`, `ctrl+c`… */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && /^[a-z]$/.test(input)) return `ctrl+${input}`;
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  return input;
}

/** The help screen's lines: for each context, its keys and what they do. */
export function helpSections(keys: KeyBindings = DEFAULT_BINDINGS): Array<{
  context: KeyContext;
  title: string;
  rows: Array<{ keys: string; help: string }>;
}> {
  const titles: Record<KeyContext, string> = {
    list: 'Article list',
    tree: 'Categories',
    reader: 'Reader',
  };
  return (['list', 'tree', 'reader'] as const).map((context) => ({
    context,
    title: titles[context],
    rows: keys.bindings
      .filter((b) => b.contexts.includes(context))
      .map((b) => {
        // A key another command was given here is that command's: shown there, not here.
        const own = b.keys.filter((key) => keys.commandFor(context, key) === b.command);
        return {
          keys: own.length ? own.join(' ') : '(no key)',
          help: typeof b.help === 'string' ? b.help : (b.help[context] ?? ''),
        };
      }),
  }));
}

/** How a key is written for a person: `j`, `↓`, `Space`, `Ctrl+N`. */
export function keyTitle(key: string): string {
  const names: Record<string, string> = {
    down: '↓', up: '↑', left: '←', right: '→', space: 'Space', pagedown: 'PgDn', pageup: 'PgUp',
    home: 'Home', end: 'End', enter: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace',
  }; // prettier-ignore
  return (
    names[key] ?? key.replace(/^ctrl\+(.)$/, (_, letter: string) => `Ctrl+${letter.toUpperCase()}`)
  );
}

/** The first key that means `command` where it is pressed, as a person writes it; undefined when none does. */
export function keyFor(
  keys: KeyBindings,
  context: KeyContext,
  command: Command,
): string | undefined {
  for (const binding of keys.bindings)
    if (binding.command === command && binding.contexts.includes(context))
      for (const key of binding.keys)
        if (keys.commandFor(context, key) === command) return keyTitle(key);
  return undefined;
}

/** How a key is written in the README: `j`, `↓`, `Space`, `Ctrl+C`. */
function keyLabel(key: string): string {
  // A `|` would end the table's cell, in a code span too: GitHub's tables take it escaped.
  return `\`${keyTitle(key).replace(/\|/g, '\\|')}\``;
}

/** The keys as a Markdown table for the README, from the same table as the handlers and the help screen. */
export function keysTable(): string {
  const contexts = ['list', 'tree', 'reader'] as const;
  const rows = DEFAULT_KEYMAP.map((binding) => {
    const cells = contexts.map((context) =>
      binding.contexts.includes(context)
        ? typeof binding.help === 'string'
          ? binding.help
          : (binding.help[context] ?? '')
        : '',
    );
    return `| ${binding.keys.map(keyLabel).join(' ')} | ${cells.join(' | ')} |`;
  });
  return [
    '| keys | list | categories (`Tab`) | reader |',
    '| --- | --- | --- | --- |',
    ...rows,
    '| `Ctrl+C` | quit (in a prompt: give it up) | quit | quit (in a prompt: give it up) |',
  ].join('\n');
}
