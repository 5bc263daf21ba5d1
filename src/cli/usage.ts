// What the command line takes, said once: the commands and the flags, with their words. The help
// text, the man page and the shells' completions are all written from here.
import { IMAGE_MODES, THEMES } from '../commands/config.js';

export type CommandName = 'browse' | 'list' | 'cat' | 'categories' | 'help' | 'completion';

export interface CommandSpec {
  name: CommandName;
  /** Usage lines without the program's name. */
  usage: string[];
  summary: string;
  /** Paragraphs for the command's own help and the man page. */
  description: string[];
  /** What its positional arguments are: folders, article files, command names, shells. */
  operands: 'folder' | 'article' | 'command' | 'shell';
  examples: string[];
}

type Group = 'Filters' | 'Output' | 'Pictures' | 'Browser' | 'Other';

export interface FlagSpec {
  /** The long name, as typed after `--`. */
  name: string;
  short?: string;
  /** A flag that takes a value names it here (`N`, `DIR`); without one it is a switch. */
  value?: string;
  /** The values it takes, when they are few. */
  choices?: readonly string[];
  /** A switch that `--no-NAME` turns off. */
  negatable?: boolean;
  /** How a shell completes its value. */
  complete?: 'folder';
  help: string;
  group: Group;
  /** The commands whose help shows it (every command accepts every flag). */
  commands: readonly CommandName[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const READERS: readonly CommandName[] = ['browse', 'list', 'cat', 'categories'];

/** Where DIR is looked for when none is given: the same words everywhere. */
export const FOLDER_ORDER =
  'DIR defaults to ./source/_posts (a Hexo site), then ./articles, then the "folder" of the configuration file, then the demo articles.';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'browse',
    usage: ['[DIR] [FLAGS]', 'FILE|- [FLAGS]'],
    summary: 'browse articles (on a terminal; otherwise as list)',
    description: [
      'Opens the browser, full screen: the articles grouped by date, a category tree, and a reader. Articles added, changed or removed while it is open show within two seconds, the status line saying what came. When the output is not a terminal, prints what list prints.',
      FOLDER_ORDER,
      "In the reader, L lists the article's links and pictures as a menu (j k choose, Enter opens, y copies, / narrows), and a number typed then Enter opens that link. Press ? for every key.",
      "FILE (.md, .html, .txt; front matter or none) opens the reader on that one article, and q quits; its place is kept as any article's. - reads one article from standard input, HTML or Markdown as its text is, the keys then read from the terminal itself. Where no browser can be shown, either is printed as cat prints it.",
    ],
    operands: 'folder',
    examples: [
      'broadsheet ~/blog/source/_posts',
      'broadsheet README.md',
      'pandoc notes.docx -t html | broadsheet -',
      'broadsheet --category Tech --since 2026-11-01',
      'broadsheet ~/news --state ~/Sync/broadsheet',
    ],
  },
  {
    name: 'list',
    usage: ['list [DIR] [FLAGS]'],
    summary: 'articles, newest first',
    description: [
      'One line an article: DATE TIME, CATEGORIES, TITLE and FILE, separated by tabs. FILE is what cat takes: relative to the current folder when the article is inside it, else absolute.',
      FOLDER_ORDER,
    ],
    operands: 'folder',
    examples: [
      'broadsheet list ~/blog/source/_posts --since 2021-11-01',
      "broadsheet list --category 编程/Dockone --json | jq -r '.[].title'",
      "broadsheet list --tag rust | cut -f4 | tr '\\n' '\\0' | xargs -0 broadsheet cat",
    ],
  },
  {
    name: 'cat',
    usage: ['cat ARTICLE... [-d DIR] [FLAGS]', 'cat [DIR] --all|FILTERS [FLAGS]'],
    summary: 'articles as text, or every matching article',
    description: [
      'Prints each ARTICLE as well-set text: a header, the body, then its numbered links. ARTICLE is a file (relative to -d DIR, to the current folder, or absolute), a whole line of list, or - for one article on standard input (HTML or Markdown, told apart by its text). With --all or a filter, prints every matching article of DIR in list order.',
    ],
    operands: 'article',
    examples: [
      'broadsheet cat source/_posts/hello.md --width 60 | less -R',
      'broadsheet cat --all --tag rust --no-color > digest.txt',
      'curl -s https://example.com/post.html | broadsheet cat - --format markdown',
    ],
  },
  {
    name: 'categories',
    usage: ['categories [DIR] [FLAGS]'],
    summary: 'the category tree with counts',
    description: [
      'Each category with the number of articles filed at or under it, indented.',
      FOLDER_ORDER,
    ],
    operands: 'folder',
    examples: ['broadsheet categories --json'],
  },
  {
    name: 'help',
    usage: ['help [COMMAND]'],
    summary: 'this help, or a command’s',
    description: ['The flags and examples of a command; all of them are in man broadsheet.'],
    operands: 'command',
    examples: ['broadsheet help cat'],
  },
  {
    name: 'completion',
    usage: ['completion bash|zsh|fish'],
    summary: 'the shell’s completion script',
    description: [
      'Prints a script that completes commands, flags, their values and files in the shell.',
      'bash: eval "$(broadsheet completion bash)" in ~/.bashrc. zsh: broadsheet completion zsh > "${fpath[1]}/_broadsheet". fish: broadsheet completion fish > ~/.config/fish/completions/broadsheet.fish.',
    ],
    operands: 'shell',
    examples: ['broadsheet completion zsh > ~/.zfunc/_broadsheet'],
  },
];

export const FLAGS: readonly FlagSpec[] = [
  { name: 'category', value: 'A/B', help: 'filed under a category named A/B… (same as cat:A/B)', group: 'Filters', commands: READERS },
  { name: 'tag', value: 'TAG', help: 'with a tag starting TAG (same as tag:TAG)', group: 'Filters', commands: READERS },
  { name: 'author', value: 'NAME', help: 'by an author whose name holds NAME (same as author:NAME)', group: 'Filters', commands: READERS },
  { name: 'since', value: 'DATE', help: 'from the start of DATE on: a year 2022, a month 2022-05, a day 2022-05-17, today, yesterday, "2022-05-17 08:00", 7d or 2w ago (after:DATE)', group: 'Filters', commands: READERS },
  { name: 'until', value: 'DATE', help: 'up to the end of DATE: a year, a month or a day counts whole (before:DATE)', group: 'Filters', commands: READERS },
  { name: 'search', value: 'QUERY', help: 'words, "phrases", -not, cat: tag: author: title: after: before: is:unread is:read is:starred', group: 'Filters', commands: READERS },
  { name: 'limit', value: 'N', help: 'at most N articles', group: 'Filters', commands: READERS },
  { name: 'json', help: 'one JSON document (docs/json-schema.json)', group: 'Output', commands: ['browse', 'list', 'cat', 'categories'] },
  { name: 'ndjson', help: 'one JSON object a line', group: 'Output', commands: ['browse', 'list', 'cat', 'categories'] },
  { name: 'width', value: 'N', help: 'columns of text (default: the terminal’s up to 100, else 80)', group: 'Output', commands: ['cat'] },
  { name: 'color', negatable: true, help: 'colour and links (default: on a terminal; NO_COLOR, FORCE_COLOR)', group: 'Output', commands: ['cat'] },
  { name: 'format', value: 'FORM', choices: ['plain', 'ansi', 'markdown'], help: 'plain text for the next tool, ansi as on a terminal, or markdown (for notes and other tools)', group: 'Output', commands: ['cat'] },
  { name: 'all', help: 'every article of DIR (with filters: every matching one)', group: 'Output', commands: ['cat'] },
  { name: 'dir', short: 'd', value: 'DIR', complete: 'folder', help: 'where cat looks for ARTICLE', group: 'Output', commands: ['cat'] },
  { name: 'timezone', value: 'ZONE', help: 'read zone-less dates and print times in ZONE (default: TZ)', group: 'Output', commands: READERS },
  { name: 'verbose', help: 'every warning about the folder’s files, not the first few (with --version: the Node and how body search is done)', group: 'Output', commands: READERS },
  { name: 'images', value: 'MODE', choices: IMAGE_MODES, help: 'how pictures are drawn', group: 'Pictures', commands: ['browse', 'cat'] },
  { name: 'offline', help: 'never touch the network', group: 'Pictures', commands: ['browse', 'cat'] },
  { name: 'allow-private-images', help: 'fetch pictures from this machine and the local network too', group: 'Pictures', commands: ['browse', 'cat'] },
  { name: 'theme', value: 'NAME', choices: THEMES, help: 'a palette; auto asks the terminal for its background', group: 'Browser', commands: ['browse', 'cat'] },
  { name: 'mouse', negatable: true, help: 'the browser takes the mouse (--no-mouse leaves it to the terminal)', group: 'Browser', commands: ['browse'] },
  { name: 'state', value: 'DIR', complete: 'folder', help: 'keep the reading state in DIR (default $XDG_STATE_HOME/broadsheet)', group: 'Other', commands: READERS },
  { name: 'print-config', help: 'the settings in force, and where the configuration file is', group: 'Other', commands: ['browse'] },
  { name: 'help', short: 'h', help: 'this help (broadsheet help COMMAND: a command’s)', group: 'Other', commands: [] },
  { name: 'version', short: 'V', help: 'the version', group: 'Other', commands: [] },
]; // prettier-ignore

export const CONFIGURATION = [
  'Configuration: $XDG_CONFIG_HOME/broadsheet/config.json (~/.config/broadsheet/), JSON with comments:',
  '  {"folder": "~/blog/source/_posts", "theme": "auto", "measure": 100,',
  '   "images": "auto", "mouse": true, "keys": {"nextUnread": ["n", "ctrl+n"]},',
  '   "state": "~/Sync/broadsheet"}',
];

export function commandSpec(name: CommandName): CommandSpec {
  return COMMANDS.find((command) => command.name === name)!;
}

/** `--name VALUE` / `-d, --dir DIR` / `--[no-]color`, as help and the man page write a flag. */
export function flagLabel(flag: FlagSpec): string {
  const long = flag.negatable ? `--[no-]${flag.name}` : `--${flag.name}`;
  const named = flag.value ? `${long} ${flag.value}` : long;
  return flag.short ? `-${flag.short}, ${named}` : named;
}

function flagHelp(flag: FlagSpec): string {
  return flag.choices ? `${flag.help}: ${flag.choices.join(', ')}` : flag.help;
}

/** Help fits 100 columns, the measure of the text broadsheet prints. */
const HELP_WIDTH = 100;

const GROUPS: readonly Group[] = ['Filters', 'Output', 'Pictures', 'Browser', 'Other'];

function flagLines(flags: readonly FlagSpec[]): string[] {
  const width = Math.max(...flags.map((flag) => flagLabel(flag).length)) + 2;
  return GROUPS.flatMap((group) => {
    const inGroup = flags.filter((flag) => flag.group === group);
    if (inGroup.length === 0) return [];
    return [
      '',
      group,
      ...inGroup.flatMap((flag) =>
        wrapWords(flagHelp(flag), HELP_WIDTH - 2 - width).map(
          (line, i) => `  ${(i === 0 ? flagLabel(flag) : '').padEnd(width)}${line}`,
        ),
      ),
    ];
  });
}

/** `broadsheet --help`: every command and every flag. */
export function generalHelp(): string {
  const usages = COMMANDS.flatMap((command) =>
    command.usage.map((usage, i) => [
      `broadsheet ${usage.replace(/ \[FLAGS\]$/, '')}`,
      i === 0 ? command.summary : '',
    ]),
  );
  const width = Math.max(...usages.map(([usage]) => usage!.length)) + 2;
  return [
    'broadsheet: a terminal article browser for folders of Hexo posts and RSS archives',
    '',
    'Usage',
    ...usages.map(([usage, summary]) => `  ${usage!.padEnd(width)}${summary}`.trimEnd()),
    '',
    ...wrapWords(FOLDER_ORDER, HELP_WIDTH),
    ...flagLines(FLAGS),
    '',
    ...CONFIGURATION,
    '',
    'Examples',
    ...COMMANDS.flatMap((command) => command.examples.slice(0, 1)).map(
      (example) => `  $ ${example}`,
    ),
    '',
    'broadsheet help COMMAND shows a command’s flags and examples; man broadsheet has them all.',
    '',
  ].join('\n');
}

/** `broadsheet help COMMAND`, `broadsheet COMMAND --help`: one command's usage, flags and examples. */
export function commandHelp(name: CommandName): string {
  const command = commandSpec(name);
  const flags = FLAGS.filter((flag) => flag.commands.includes(name) || flag.commands.length === 0);
  return [
    `broadsheet ${name === 'browse' ? '' : `${name}: `}${command.summary}`,
    '',
    'Usage',
    ...command.usage.map((usage) => `  broadsheet ${usage}`),
    '',
    ...command.description.flatMap((paragraph) => [...wrapWords(paragraph, HELP_WIDTH), '']),
    ...(flags.length > 0 ? flagLines(flags).slice(1) : []),
    ...(command.examples.length > 0
      ? ['', 'Examples', ...command.examples.map((example) => `  $ ${example}`)]
      : []),
    '',
  ].join('\n');
}

/** A paragraph in lines of at most `width` columns, broken at spaces. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
