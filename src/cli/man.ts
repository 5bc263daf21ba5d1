// The man page, written from the same commands and flags as the help (npm run docs writes man/broadsheet.1).
import { COMMANDS, CONFIGURATION, FLAGS, flagLabel, FOLDER_ORDER, type FlagSpec } from './usage.js';

/** Text for roff: backslashes, dashes and a leading dot or quote made literal, other than ASCII named. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^[.']/gm, '\\&$&')
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase()}]`);
}

/** A flag's names in bold and its value in italics. */
function flagTerm(flag: FlagSpec): string {
  const label = flagLabel(flag);
  const value = flag.value ? ` ${flag.value}` : '';
  const names = value ? label.slice(0, -value.length) : label;
  return `\\fB${roff(names)}\\fR${value ? ` \\fI${roff(flag.value!)}\\fR` : ''}`;
}

const GROUPS = ['Filters', 'Output', 'Pictures', 'Browser', 'Other'] as const;

export function manPage(version: string): string {
  const lines = [
    `.TH BROADSHEET 1 "" "broadsheet ${roff(version)}" "User Commands"`,
    '.SH NAME',
    'broadsheet \\- a terminal article browser for folders of Hexo posts and RSS archives',
    '.SH SYNOPSIS',
    ...COMMANDS.flatMap((command) =>
      command.usage.flatMap((usage) => ['.br', `\\fBbroadsheet\\fR ${roff(usage)}`]),
    ).slice(1),
    '.SH DESCRIPTION',
    roff(
      'broadsheet reads a folder of articles (YAML front matter and an HTML or Markdown body, as Hexo blogs and RSS-to-Hexo archives keep them), lists them by date and category, renders them as text for the terminal with their pictures, and prints plain text or JSON for other programs.',
    ),
    '.PP',
    roff(FOLDER_ORDER),
    '.SH COMMANDS',
    ...COMMANDS.flatMap((command) => [
      '.TP',
      `\\fBbroadsheet ${roff(command.usage[0]!.replace(/ \[FLAGS\]$/, ''))}\\fR`,
      ...command.description
        .filter((paragraph) => paragraph !== FOLDER_ORDER)
        .flatMap((paragraph, i) => (i === 0 ? [roff(paragraph)] : ['.IP', roff(paragraph)])),
    ]),
    '.SH OPTIONS',
    ...GROUPS.flatMap((group) => [
      `.SS ${group}`,
      ...FLAGS.filter((flag) => flag.group === group).flatMap((flag) => [
        '.TP',
        flagTerm(flag),
        roff(flag.choices ? `${flag.help}: ${flag.choices.join(', ')}.` : `${flag.help}.`),
      ]),
    ]),
    '.SH CONFIGURATION',
    roff(CONFIGURATION[0]!),
    '.PP',
    '.nf',
    ...CONFIGURATION.slice(1).map(roff),
    '.fi',
    '.PP',
    roff(
      'A setting that cannot be used, or a syntax error, is a warning naming the file and line; the rest is read. Flags win over the file.',
    ),
    '.SH FILES',
    ...[
      ['$XDG_CONFIG_HOME/broadsheet/config.json', 'the configuration (~/.config/broadsheet/)'],
      [
        '$XDG_STATE_HOME/broadsheet/reading.json',
        'read marks, stars, reading positions and the prompts’ history (~/.local/state/broadsheet/; --state DIR or "state" sets the folder), with reading.jsonl, the changes saved since',
      ],
      [
        '$XDG_CACHE_HOME/broadsheet/',
        'the index of parsed fields, the body index and fetched pictures (~/.cache/broadsheet/)',
      ],
    ].flatMap(([file, what]) => ['.TP', `\\fI${roff(file!)}\\fR`, roff(what!)]),
    '.SH ENVIRONMENT',
    ...[
      ['NO_COLOR', 'no colour (as --no-color)'],
      ['FORCE_COLOR', 'colour even when the output is not a terminal'],
      ['TZ', 'the zone of dates written without one, and of the times printed'],
      [
        'LANG, LC_ALL, LC_CTYPE',
        'outside a UTF-8 locale, what broadsheet draws itself (rules, markers, ellipses, separators) is ASCII',
      ],
      ['BROWSER, EDITOR, VISUAL, PAGER', 'the programs the browser hands links, files and text'],
      ['BROADSHEET_FETCH_TIMEOUT', 'seconds a picture may take to arrive (default 10)'],
      ['BROADSHEET_DEBUG', 'set to 1, an error prints its whole trace'],
    ].flatMap(([name, what]) => ['.TP', `\\fB${roff(name!)}\\fR`, roff(what!)]),
    '.SH EXIT STATUS',
    roff(
      '0 success (problems with files are warnings), 1 nothing matched or an article was not found, 2 a usage error. A closed pipe ends quietly with 0.',
    ),
    '.SH EXAMPLES',
    '.nf',
    ...COMMANDS.flatMap((command) => command.examples).map((example) => roff(`$ ${example}`)),
    '.fi',
    '.SH SEE ALSO',
    roff('broadsheet help COMMAND; the README, SECURITY.md and docs/ in the package.'),
    '',
  ];
  return lines.join('\n');
}
