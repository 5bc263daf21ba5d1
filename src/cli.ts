// The command line: the flags and commands read, help, version and completion answered, and the
// rest checked and turned into an Invocation for a command.
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import path from 'node:path';
import v8 from 'node:v8';
import { parseDatePeriod } from './corpus/dates.js';
import { filterQuery } from './query/filter.js';
import { parseQuery } from './query/parse.js';
import type { CommandName, Invocation } from './commands/invocation.js';
import type { IMAGE_MODES, Settings, THEMES } from './commands/config.js';
import { UsageError } from './commands/errors.js';
import { errorReport } from './text/errors.js';
import { endQuietlyOnClosedPipe, setOutput, writeErr, type Output } from './pipe/output.js';
import { colorAllowed, isUnicodeLocale, setOutputProfile } from './text/profile.js';
import { sanitizeLine } from './text/sanitize.js';
import { COMMAND_NAMES, meantCommand, parseCommandLine } from './cli/parse.js';
import {
  commandHelp,
  generalHelp,
  SHELLS,
  type CommandName as AnyCommand,
  type Shell,
} from './cli/usage.js';

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
  try {
    const { positionals, flags } = parseCommandLine(argv);
    const [first, second] = positionals;
    const named = (COMMAND_NAMES as readonly string[]).includes(first ?? '')
      ? (first as AnyCommand)
      : undefined;
    if (flags.version) {
      stdout.write(`${version()}\n`);
      if (flags.verbose) {
        const { bodySearchEngine } = await import('./corpus/body-index.js');
        stdout.write(`Node ${process.versions.node}; body search: ${bodySearchEngine()}\n`);
      }
      return 0;
    }
    if (flags.help || named === 'help') {
      const about = named === 'help' ? second : named;
      if (about !== undefined && !(COMMAND_NAMES as readonly string[]).includes(about))
        throw new UsageError(`no such command: ${about}`);
      stdout.write(about === undefined ? generalHelp() : commandHelp(about as AnyCommand));
      return 0;
    }
    if (named === 'completion') {
      if (!(SHELLS as readonly (string | undefined)[]).includes(second))
        throw new UsageError(`completion takes ${SHELLS.join(', ')}`);
      const { completionScript } = await import('./cli/completion.js');
      stdout.write(completionScript(second as Shell));
      return 0;
    }
    const config = await import('./commands/config.js');
    const invocation = readInvocation(positionals, flags, await config.readSettings(), config);
    // Zone-less dates are local time; --timezone sets what local means.
    if (invocation.timezone !== undefined) process.env.TZ = invocation.timezone;
    setOutputProfile({
      color: colorAllowed(invocation.color, process.env),
      unicode: isUnicodeLocale(process.env),
    });
    config.applySettings(invocation.settings);
    if (flags.printConfig) return await config.printConfig(invocation.settings);
    // The browser shows what was wrong with the configuration itself; a pipe says it on stderr.
    if (invocation.command !== 'browse' || !stdout.isTTY)
      for (const warning of invocation.settings.warnings)
        stderr.write(`broadsheet: warning: ${sanitizeLine(warning)}\n`);
    return await run(invocation, stdout.isTTY === true);
  } catch (error) {
    return report(error);
  }
}

/** The version in the package's package.json, found upward from this module wherever it was built to. */
function version(): string {
  for (let folder = new URL('.', import.meta.url); ; folder = new URL('..', folder)) {
    try {
      const json = JSON.parse(readFileSync(new URL('package.json', folder), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === 'broadsheet' && json.version) return json.version;
    } catch {
      // No package.json here: look further up.
    }
    if (new URL('..', folder).href === folder.href) return 'unknown';
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
    case 'browse': {
      // One article (a file, or `-`: standard input, the keys then read from the terminal itself)
      // is printed as `cat` prints it where the browser cannot be shown; a folder is listed.
      const one = (await import('./commands/one-article.js')).namesOneArticle(invocation.inputs[0]);
      const instead = async () =>
        one
          ? (await import('./commands/cat.js')).catCommand(invocation)
          : (await import('./commands/list.js')).listCommand(invocation);
      // The browser needs a terminal to draw on and to read keys from; elsewhere it is `list`.
      const keys = process.stdin.isTTY || invocation.inputs[0] === '-';
      if (onTerminal && keys && invocation.output === 'tsv') {
        if (!isFullScreenTerminal(process.env.TERM)) {
          writeErr(
            `broadsheet: this terminal (TERM=${sanitizeLine(process.env.TERM ?? '')}) cannot show the browser; ${one ? 'printing the article' : 'listing the articles'} instead\n`,
          );
          return instead();
        }
        // React's production build, chosen before any React module loads: its JSX runtime and its
        // reconciler must come from the same build, and the development one checks every element.
        process.env.NODE_ENV ??= 'production';
        keepHeapSmall();
        return (await import('./commands/browse.js')).browseCommand(invocation);
      }
      return instead();
    }
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
  configured: Settings,
  choices: { THEMES: typeof THEMES; IMAGE_MODES: typeof IMAGE_MODES },
): Invocation {
  const first = input[0];
  const isCommand = (COMMAND_NAMES as readonly string[]).includes(first ?? '');
  const command = isCommand ? (first as CommandName) : 'browse';
  const inputs = isCommand ? input.slice(1) : input;
  // A word that is no folder but is close to a command's name was meant as the command.
  const meant = !isCommand && first !== undefined && !existsSync(first) && meantCommand(first);
  if (meant)
    throw new UsageError(`no such command or folder: ${first}; did you mean broadsheet ${meant}?`);
  if (command !== 'cat' && inputs.length > 1) {
    throw new UsageError(`too many arguments: ${inputs.slice(1).join(' ')}`);
  }
  if (flags.json && flags.ndjson) throw new UsageError('choose one of --json and --ndjson');
  const timezone = flags.timezone as string | undefined;
  if (timezone !== undefined && !isTimeZone(timezone))
    throw new UsageError(`unknown time zone: ${timezone}`);
  return {
    command,
    timezone,
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
    verbose: Boolean(flags.verbose),
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
  if (text !== undefined && !parseDatePeriod(text))
    throw new UsageError(`--${name}: not a date: ${text}`);
  return text;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
