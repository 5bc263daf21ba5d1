// The shells' completion scripts, written from the same commands and flags as the help.
import { COMMANDS, FLAGS, SHELLS, type FlagSpec, type Shell } from './usage.js';

const NAMED = COMMANDS.filter((command) => command.name !== 'browse');
const takesValue = (flag: FlagSpec) => flag.value !== undefined;

/** `broadsheet completion SHELL`: a script the shell loads to complete broadsheet's words. */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return bash();
    case 'zsh':
      return zsh();
    case 'fish':
      return fish();
  }
}

/** A word in single quotes for a shell. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function longNames(): string[] {
  return FLAGS.flatMap((flag) => [
    `--${flag.name}`,
    ...(flag.negatable ? [`--no-${flag.name}`] : []),
    ...(flag.short ? [`-${flag.short}`] : []),
  ]);
}

function bash(): string {
  const valued = FLAGS.filter(takesValue).flatMap((flag) => [
    `--${flag.name}`,
    ...(flag.short ? [`-${flag.short}`] : []),
  ]);
  const valueCases = FLAGS.filter(takesValue).map((flag) => {
    const names = [`--${flag.name}`, ...(flag.short ? [`-${flag.short}`] : [])].join('|');
    const words = flag.choices
      ? `mapfile -t COMPREPLY < <(compgen -W ${quoted(flag.choices.join(' '))} -- "$cur")`
      : flag.complete === 'folder'
        ? 'mapfile -t COMPREPLY < <(compgen -d -- "$cur")'
        : 'COMPREPLY=()';
    return `    ${names}) ${words}; return ;;`;
  });
  const commands = NAMED.map((command) => command.name).join(' ');
  return `# bash completion for broadsheet: eval "$(broadsheet completion bash)" in ~/.bashrc
_broadsheet() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  COMPREPLY=()
  case $prev in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W ${quoted(longNames().join(' '))} -- "$cur")
    return
  fi
  # The command is the first word that is neither a flag nor a flag's value.
  local command='' i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${valued.join('|')}) ((i++)) ;;
      -*) ;;
      *) command=\${COMP_WORDS[i]}; break ;;
    esac
  done
  case $command in
    '') mapfile -t COMPREPLY < <(compgen -W ${quoted(commands)} -- "$cur"; compgen -d -- "$cur") ;;
    cat) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    help) mapfile -t COMPREPLY < <(compgen -W ${quoted(commands)} -- "$cur") ;;
    completion) mapfile -t COMPREPLY < <(compgen -W ${quoted(SHELLS.join(' '))} -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
  esac
}
complete -o filenames -F _broadsheet broadsheet
`;
}

/** Text for inside `[…]` of a zsh argument spec. */
const zshText = (text: string) => text.replace(/[[\]]/g, '').replace(/:/g, '\\:');

function zsh(): string {
  const specs = FLAGS.flatMap((flag) => {
    const help = zshText(flag.help);
    const value = !flag.value
      ? ''
      : `:${zshText(flag.value)}:${
          flag.choices
            ? `(${flag.choices.join(' ')})`
            : flag.complete === 'folder'
              ? '_files -/'
              : ' '
        }`;
    const exclusive =
      flag.name === 'help' || flag.name === 'version'
        ? '(- *)'
        : flag.short
          ? `(-${flag.short} --${flag.name})`
          : flag.negatable
            ? `(--${flag.name} --no-${flag.name})`
            : '';
    const names = flag.short ? `{-${flag.short},--${flag.name}}` : `--${flag.name}`;
    const equals = flag.value ? '=' : '';
    const lines = [
      `${exclusive ? quoted(exclusive) : ''}${names}${quoted(`${equals}[${help}]${value}`)}`,
    ];
    if (flag.negatable)
      lines.push(quoted(`(--${flag.name} --no-${flag.name})--no-${flag.name}[not ${help}]`));
    return lines;
  });
  const commands = NAMED.map(
    (command) => `${command.name}\\:${quoted(zshText(command.summary)).replace(/'/g, '"')}`,
  );
  return `#compdef broadsheet
# zsh completion for broadsheet: broadsheet completion zsh > "\${fpath[1]}/_broadsheet"
_broadsheet() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -s -S \\
${specs.map((spec) => `    ${spec} \\`).join('\n')}
    '1: :->first' \\
    '*: :->rest'
  case $state in
    first)
      _alternative ${quoted(`commands:command:((${commands.join(' ')}))`)} 'folders:folder:_files -/'
      ;;
    rest)
      case $line[1] in
        cat) _files ;;
        help) _values command ${NAMED.map((command) => command.name).join(' ')} ;;
        completion) _values shell ${SHELLS.join(' ')} ;;
        *) _files -/ ;;
      esac
      ;;
  esac
}
if [[ $funcstack[1] == _broadsheet ]]; then
  _broadsheet "$@"
else
  compdef _broadsheet broadsheet
fi
`;
}

function fish(): string {
  const lines = [
    '# fish completion for broadsheet: broadsheet completion fish > ~/.config/fish/completions/broadsheet.fish',
    'complete -c broadsheet -f',
    ...NAMED.map(
      (command) =>
        `complete -c broadsheet -n __fish_use_subcommand -a ${command.name} -d ${quoted(command.summary)}`,
    ),
    "complete -c broadsheet -n __fish_use_subcommand -a '(__fish_complete_directories)'",
    "complete -c broadsheet -n '__fish_seen_subcommand_from list categories' -a '(__fish_complete_directories)'",
    "complete -c broadsheet -n '__fish_seen_subcommand_from cat' -F",
    `complete -c broadsheet -n '__fish_seen_subcommand_from help' -a ${quoted(NAMED.map((command) => command.name).join(' '))}`,
    `complete -c broadsheet -n '__fish_seen_subcommand_from completion' -a ${quoted(SHELLS.join(' '))}`,
    ...FLAGS.flatMap((flag) => {
      const names = `${flag.short ? `-s ${flag.short} ` : ''}-l ${flag.name}`;
      const value = !flag.value
        ? ''
        : flag.choices
          ? ` -x -a ${quoted(flag.choices.join(' '))}`
          : flag.complete === 'folder'
            ? " -x -a '(__fish_complete_directories)'"
            : ' -x';
      return [
        `complete -c broadsheet ${names}${value} -d ${quoted(flag.help)}`,
        ...(flag.negatable
          ? [`complete -c broadsheet -l no-${flag.name} -d ${quoted(`not: ${flag.help}`)}`]
          : []),
      ];
    }),
  ];
  return `${lines.join('\n')}\n`;
}
