// The command line: the help text, the flags, and the checks that turn them into an Invocation.
import process from 'node:process';
import meow from 'meow';
import { parseDate } from './corpus/dates.js';
import type { CommandName, Invocation } from './commands/invocation.js';
import { UsageError } from './commands/errors.js';
import { errorReport } from './text/errors.js';
import { endQuietlyOnClosedPipe } from './pipe/output.js';
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
    --category A/B      articles filed under A/B (a prefix of any category path)
    --tag TAG           articles with this tag
    --author NAME       articles by this author
    --since DATE        on or after DATE (2021-11-16, "2021-11-16 08:00", RFC 2822 …)
    --until DATE        before DATE, or on it when DATE is a day
    --search QUERY      words, "phrases", -not, cat: tag: author: title: after: before:
    --limit N           at most N articles

  Output
    --json              one JSON document
    --ndjson            one JSON object a line
    --width N           columns for cat (default: terminal width up to 100, else 80)
    --color, --no-color colour and links in cat (default: on a terminal; NO_COLOR, FORCE_COLOR)
    --format plain|ansi cat's output form
    --images MODE       auto, kitty, iterm, sixel, blocks or none
    --offline           never touch the network
    --allow-private-images  fetch pictures from this machine and the local network too
    --timezone ZONE     read zone-less dates and print times in ZONE (default: TZ)
    -d, --dir DIR       where cat looks for ARTICLE
    --all               cat every article
    --help, --version

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
  all: { type: 'boolean' },
  dir: { type: 'string', shortFlag: 'd' },
  help: { type: 'boolean', shortFlag: 'h' },
  version: { type: 'boolean' },
} as const;

const COMMANDS = ['list', 'cat', 'categories'] as const;

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const cli = meow(HELP, {
    importMeta: import.meta,
    argv,
    flags: FLAGS,
    allowUnknownFlags: true,
    autoHelp: false,
    autoVersion: false,
    booleanDefault: undefined,
  });
  if (cli.flags.help) {
    process.stdout.write(`${cli.help.trim()}\n`);
    return 0;
  }
  if (cli.flags.version) {
    process.stdout.write(`${cli.pkg.version}\n`);
    return 0;
  }
  try {
    const invocation = readInvocation(cli.input, cli.flags, argv);
    setOutputProfile({
      color: colorAllowed(invocation.color, process.env),
      unicode: isUnicodeLocale(process.env),
    });
    return await run(invocation);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(errorReport(error, ' (see broadsheet --help)'));
    return 2;
  }
  process.stderr.write(errorReport(error));
  return 1;
}

async function run(invocation: Invocation): Promise<number> {
  switch (invocation.command) {
    case 'list':
      return (await import('./commands/list.js')).listCommand(invocation);
    case 'categories':
      return (await import('./commands/categories.js')).categoriesCommand(invocation);
    case 'cat':
      return (await import('./commands/cat.js')).catCommand(invocation);
    case 'browse':
      // The browser needs a terminal to draw on and to read keys from; elsewhere it is `list`.
      if (process.stdout.isTTY && process.stdin.isTTY && invocation.output === 'tsv') {
        if (!isFullScreenTerminal(process.env.TERM)) {
          process.stderr.write(
            `broadsheet: this terminal (TERM=${sanitizeLine(process.env.TERM ?? '')}) cannot show the browser; listing the articles instead\n`,
          );
          return (await import('./commands/list.js')).listCommand(invocation);
        }
        // React's production build, chosen before any React module loads: its JSX runtime and its
        // reconciler must come from the same build, and the development one checks every element.
        process.env.NODE_ENV ??= 'production';
        return (await import('./commands/browse.js')).browseCommand(invocation);
      }
      return (await import('./commands/list.js')).listCommand(invocation);
  }
}

/** A terminal that can draw a full screen: not `dumb` (Emacs shells, editors' panes) and not unknown. */
function isFullScreenTerminal(term: string | undefined): boolean {
  return term !== undefined && !['', 'dumb', 'unknown'].includes(term);
}

type Flags = Record<string, unknown>;

function readInvocation(input: string[], flags: Flags, argv: string[]): Invocation {
  checkUnknownFlags(argv);
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
    filter: {
      category: optionalText(flags.category, 'category'),
      tag: optionalText(flags.tag, 'tag'),
      author: optionalText(flags.author, 'author'),
      since: boundary(flags.since, 'since', false),
      until: boundary(flags.until, 'until', true),
    },
    search: optionalText(flags.search, 'search'),
    limit: positiveInteger(flags.limit, 'limit'),
    output: flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'tsv',
    width: positiveInteger(flags.width, 'width'),
    color: flags.color as boolean | undefined,
    format: choice(flags.format, 'format', ['plain', 'ansi'] as const),
    images:
      choice(flags.images, 'images', [
        'auto',
        'kitty',
        'iterm',
        'sixel',
        'blocks',
        'none',
      ] as const) ?? 'auto',
    offline: Boolean(flags.offline),
    allowPrivateImages: Boolean(flags.allowPrivateImages),
    all: Boolean(flags.all),
    dir: optionalText(flags.dir, 'dir'),
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

/** A --since/--until date; a bare day given to --until includes that whole day. */
function boundary(value: unknown, name: string, endOfDay: boolean): number | undefined {
  const text = optionalText(value, name);
  if (text === undefined) return undefined;
  const parsed = parseDate(text);
  if (!parsed) throw new UsageError(`--${name}: not a date: ${text}`);
  if (!endOfDay || !parsed.dateOnly) return parsed.time;
  const next = new Date(parsed.time);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
