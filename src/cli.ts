// The command line: the help text, the flags, and the checks that turn them into an Invocation.
import process from 'node:process';
import path from 'node:path';
import v8 from 'node:v8';
import meow from 'meow';
import { parseDate } from './corpus/dates.js';
import { filterQuery } from './query/filter.js';
import { parseQuery } from './query/parse.js';
import type { CommandName, Invocation } from './commands/invocation.js';
import type { IMAGE_MODES, Settings, THEMES } from './commands/config.js';
import { UsageError } from './commands/errors.js';
import { errorReport } from './text/errors.js';
import { endQuietlyOnClosedPipe, setOutput, writeErr, type Output } from './pipe/output.js';
import { colorAllowed, isUnicodeLocale, setOutputProfile } from './text/profile.js';
import { sanitizeLine } from './text/sanitize.js';

const HELP = `
  Usage
    $ broadsheet [DIR]                     browse articles (on a terminal; otherwise like list)
    $ broadsheet list [DIR]                articles, newest first
    $ broadsheet cat ARTICLE... [-d DIR]   rendered article text
    $ broadsheet cat [DIR] --all|FILTERS   every matching article, in list order
    $ broadsheet categories [DIR]          category tree with counts

  DIR defaults to ./source/_posts, then ./articles, then the demo articles.

  Filters
    --category A/B      filed under a category named A/B… (same as cat:A/B)
    --tag TAG           with a tag starting TAG (same as tag:TAG)
    --author NAME       by an author whose name holds NAME (same as author:NAME)
    --since DATE        from DATE on (2021-11-16, "2021-11-16 08:00", RFC 2822 …; after:DATE)
    --until DATE        up to DATE, through the whole day when DATE is a day (before:DATE)
    --search QUERY      words, "phrases", -not, cat: tag: author: title: after: before:
                        is:unread is:read is:starred
    --limit N           at most N articles

  Output
    --json              one JSON document
    --ndjson            one JSON object a line
    --width N           columns for cat (default: terminal width up to 100, else 80)
    --color, --no-color colour and links in cat (default: on a terminal; NO_COLOR, FORCE_COLOR)
    --format FORM       cat's output form: plain, ansi, or markdown (for notes and other tools)
    --images MODE       auto, kitty, iterm, sixel, blocks or none
    --offline           never touch the network
    --allow-private-images  fetch pictures from this machine and the local network too
    --timezone ZONE     read zone-less dates and print times in ZONE (default: TZ)
    --theme NAME        auto (from the terminal's background), dark, light or mono
    --no-mouse          the browser leaves the mouse to the terminal (select, copy)
    --state DIR         keep the reading state in DIR (default $XDG_STATE_HOME/broadsheet)
    --print-config      the settings in force, and where the configuration file is
    -d, --dir DIR       where cat looks for ARTICLE
    --all               cat every article
    --help, --version   (--version --verbose: the Node and how body search is done)

  Configuration: $XDG_CONFIG_HOME/broadsheet/config.json (default ~/.config/…)
    {"folder": "~/blog/source/_posts", "theme": "auto", "measure": 100,
     "images": "auto", "mouse": true, "keys": {"nextUnread": ["n", "tab"]},
     "state": "~/Sync/broadsheet"}

  Examples
    $ broadsheet list ~/blog/source/_posts --since 2021-11-01
    $ broadsheet list --category 编程/Dockone --json | jq -r '.[].title'
    $ broadsheet categories --json
    $ broadsheet cat source/_posts/hello.md --width 60 | less
    $ broadsheet cat --all --tag rust --no-color > digest.txt
`;

const FLAGS = {
  json: { type: 'boolean' },
  ndjson: { type: 'boolean' },
  category: { type: 'string' },
  tag: { type: 'string' },
  author: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
  timezone: { type: 'string' },
  width: { type: 'string' },
  color: { type: 'boolean' },
  format: { type: 'string' },
  images: { type: 'string' },
  offline: { type: 'boolean' },
  allowPrivateImages: { type: 'boolean' },
  theme: { type: 'string' },
  mouse: { type: 'boolean' },
  state: { type: 'string' },
  printConfig: { type: 'boolean' },
  all: { type: 'boolean' },
  dir: { type: 'string', shortFlag: 'd' },
  help: { type: 'boolean', shortFlag: 'h' },
  version: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

const COMMANDS = ['list', 'cat', 'categories'] as const;

/** Flags that take a value which may itself start with `-`. */
const VALUE_FLAGS = new Set(['--search', '--author', '--tag', '--category']);

/**
 * Runs the command line `argv` (without the program's own name), writing to
 * `output` (the process's stdout and stderr unless given others, as the tests
 * do); gives back the exit code.
 */
export async function main(argv: string[], output: Output = process): Promise<number> {
  const previous = setOutput(output);
  try {
    return await runCommandLine(argv, output);
  } finally {
    setOutput(previous);
  }
}

async function runCommandLine(argv: string[], { stdout, stderr }: Output): Promise<number> {
  endQuietlyOnClosedPipe();
  const cli = meow(HELP, {
    importMeta: import.meta,
    argv: joinValues(argv),
    flags: FLAGS,
    allowUnknownFlags: true,
    autoHelp: false,
    autoVersion: false,
    booleanDefault: undefined,
  });
  if (cli.flags.help) {
    stdout.write(`${cli.help.trim()}\n`);
    return 0;
  }
  if (cli.flags.version) {
    stdout.write(`${cli.pkg.version}\n`);
    if (cli.flags.verbose) {
      const { bodySearchEngine } = await import('./corpus/body-index.js');
      stdout.write(`Node ${process.versions.node}; body search: ${bodySearchEngine()}\n`);
    }
    return 0;
  }
  try {
    const config = await import('./commands/config.js');
    const invocation = readInvocation(
      cli.input,
      cli.flags,
      argv,
      await config.readSettings(),
      config,
    );
    setOutputProfile({
      color: colorAllowed(invocation.color, process.env),
      unicode: isUnicodeLocale(process.env),
    });
    config.applySettings(invocation.settings);
    if (cli.flags.printConfig) return await config.printConfig(invocation.settings);
    // The browser shows what was wrong with the configuration itself; a pipe says it on stderr.
    if (invocation.command !== 'browse' || !stdout.isTTY)
      for (const warning of invocation.settings.warnings)
        stderr.write(`broadsheet: warning: ${sanitizeLine(warning)}\n`);
    return await run(invocation, stdout.isTTY === true);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    writeErr(errorReport(error, ' (see broadsheet --help)'));
    return 2;
  }
  writeErr(errorReport(error));
  return 1;
}

async function run(invocation: Invocation, onTerminal: boolean): Promise<number> {
  switch (invocation.command) {
    case 'list':
      return (await import('./commands/list.js')).listCommand(invocation);
    case 'categories':
      return (await import('./commands/categories.js')).categoriesCommand(invocation);
    case 'cat':
      return (await import('./commands/cat.js')).catCommand(invocation);
    case 'browse':
      // The browser needs a terminal to draw on and to read keys from; elsewhere it is `list`.
      if (onTerminal && process.stdin.isTTY && invocation.output === 'tsv') {
        if (!isFullScreenTerminal(process.env.TERM)) {
          writeErr(
            `broadsheet: this terminal (TERM=${sanitizeLine(process.env.TERM ?? '')}) cannot show the browser; listing the articles instead\n`,
          );
          return (await import('./commands/list.js')).listCommand(invocation);
        }
        // React's production build, chosen before any React module loads: its JSX runtime and its
        // reconciler must come from the same build, and the development one checks every element.
        process.env.NODE_ENV ??= 'production';
        keepHeapSmall();
        return (await import('./commands/browse.js')).browseCommand(invocation);
      }
      return (await import('./commands/list.js')).listCommand(invocation);
  }
}

/**
 * The browser allocates a little at a time and keeps what it reads, so its
 * heap is kept near what it holds. V8's young generation, which otherwise
 * grows to 32 MB while Ink and React load and stays that size, keeps its first
 * size (a browser of one article: 117 → 103 MB; of 20 000: 146 → 119 MB).
 * The old generation grows by a fifth of what is alive before it is collected
 * again, not by up to double: reading 300 000 articles peaked at 436 MB for
 * 308 MB held, and peaks at 321 MB with it, taking 0.5 s longer (`npm run
 * bench`). Pipes are left as they are: printing 300 000 articles is faster
 * with the defaults. Both are V8's own flags in the V8s of Node 20 to 24;
 * one that holds the young generation's growth at 2 or more keeps its own.
 */
function keepHeapSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--heap-growing-percent=20');
}

/** A terminal that can draw a full screen: not `dumb` (Emacs shells, editors' panes) and not unknown. */
function isFullScreenTerminal(term: string | undefined): boolean {
  return term !== undefined && !['', 'dumb', 'unknown'].includes(term);
}

type Flags = Record<string, unknown>;

function readInvocation(
  input: string[],
  flags: Flags,
  argv: string[],
  configured: Settings,
  choices: { THEMES: typeof THEMES; IMAGE_MODES: typeof IMAGE_MODES },
): Invocation {
  checkUnknownFlags(joinValues(argv));
  const first = input[0];
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? '');
  const command = isCommand ? (first as CommandName) : 'browse';
  const inputs = isCommand ? input.slice(1) : input;
  if (command !== 'cat' && inputs.length > 1) {
    throw new UsageError(`too many arguments: ${inputs.slice(1).join(' ')}`);
  }
  if (flags.json && flags.ndjson) throw new UsageError('choose one of --json and --ndjson');
  const timezone = flags.timezone as string | undefined;
  if (timezone !== undefined) {
    // Zone-less dates are local time; --timezone sets what local means.
    if (!isTimeZone(timezone)) throw new UsageError(`unknown time zone: ${timezone}`);
    process.env.TZ = timezone;
  }
  return {
    command,
    inputs,
    search: searchOf(flags),
    limit: positiveInteger(flags.limit, 'limit'),
    output: flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'tsv',
    width: positiveInteger(flags.width, 'width'),
    color: flags.color as boolean | undefined,
    format: choice(flags.format, 'format', ['plain', 'ansi', 'markdown'] as const),
    images: choice(flags.images, 'images', choices.IMAGE_MODES) ?? configured.images,
    offline: Boolean(flags.offline),
    allowPrivateImages: Boolean(flags.allowPrivateImages),
    all: Boolean(flags.all),
    dir: optionalText(flags.dir, 'dir'),
    settings: {
      ...configured,
      theme: choice(flags.theme, 'theme', choices.THEMES) ?? configured.theme,
      mouse: (flags.mouse as boolean | undefined) ?? configured.mouse,
      state:
        flags.state === undefined
          ? configured.state
          : path.resolve(optionalText(flags.state, 'state')!),
    },
  };
}

const KNOWN_FLAGS = new Set(
  Object.entries(FLAGS).flatMap(([name, spec]) => {
    const long = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const names = [`--${long}`, `--no-${long}`];
    if ('shortFlag' in spec) names.push(`-${spec.shortFlag}`);
    return names;
  }),
);

function checkUnknownFlags(argv: string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.split('=')[0]!;
    if (!KNOWN_FLAGS.has(name)) throw new UsageError(`unknown option ${name}`);
  }
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name} needs a value`);
  }
  return value;
}

function positiveInteger(value: unknown, name: string): number | undefined {
  const text = optionalText(value, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--${name} takes a whole number above 0, not ${text}`);
  }
  return Number(text);
}

function choice<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const text = optionalText(value, name);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} takes ${allowed.join(', ')}; not ${text}`);
  }
  return text as T;
}

/** The filters and --search as one query of the search language; undefined when there are none. */
function searchOf(flags: Flags): string | undefined {
  const filters = filterQuery({
    category: optionalText(flags.category, 'category'),
    tag: optionalText(flags.tag, 'tag'),
    author: optionalText(flags.author, 'author'),
    since: dateText(flags.since, 'since'),
    until: dateText(flags.until, 'until'),
  });
  const search = optionalText(flags.search, 'search');
  const problem = search === undefined ? undefined : parseQuery(search).ignored[0];
  if (problem) throw new UsageError(`--search: ${problem.term}: ${problem.why}`);
  const query = [filters, search ?? ''].filter(Boolean).join(' ');
  return query === '' ? undefined : query;
}

function dateText(value: unknown, name: string): string | undefined {
  const text = optionalText(value, name);
  if (text !== undefined && !parseDate(text))
    throw new UsageError(`--${name}: not a date: ${text}`);
  return text;
}

/** Flags whose value may start with `-` (`--search -word`) are joined to it, so it is not read as flags. */
function joinValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (VALUE_FLAGS.has(arg) && next !== undefined && next.startsWith('-') && next !== '--') {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
