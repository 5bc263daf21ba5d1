import { UsageError } from '../commands/errors.js';
import { COMMANDS, FLAGS, type FlagSpec } from './usage.js';
import { nearest } from '../text/nearest.js';

/** The words of a command line: its positional arguments in order, and its flags by camelCase name. */
export interface CommandLine {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/** Flags whose value may itself start with `-` (`--search -sport`). */
const DASHED_VALUES = new Set(['search', 'author', 'tag', 'category']);

const byName = new Map(FLAGS.map((flag) => [flag.name, flag]));
const byShort = new Map(FLAGS.filter((flag) => flag.short).map((flag) => [flag.short!, flag]));

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Reads a command line the way the shells' programs do: flags anywhere among
 * the arguments, `--flag value` or `--flag=value`, `-d DIR` or `-dDIR`,
 * short switches together (`-hV`), `--no-` before a switch, and `--` before
 * arguments that start with a dash. An unknown flag, a value missing or one
 * given to a switch is a usage error.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      const inline = equals < 0 ? undefined : arg.slice(equals + 1);
      const flag = byName.get(name);
      const negated = !flag && name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
      if (negated && !negated.value) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags[camelCase(negated.name)] = false;
      } else if (!flag) {
        throw new UsageError(`unknown option --${name}`);
      } else if (!flag.value) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags[camelCase(name)] = true;
      } else if (inline !== undefined) {
        flags[camelCase(name)] = inline;
      } else {
        flags[camelCase(name)] = valueAfter(argv, i, flag);
        i++;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      // Short flags: switches may be written together; the one that takes a value ends the group.
      for (let at = 1; at < arg.length; at++) {
        const flag = byShort.get(arg[at]!);
        if (!flag) throw new UsageError(`unknown option -${arg[at]}`);
        if (!flag.value) {
          flags[camelCase(flag.name)] = true;
          continue;
        }
        if (at + 1 < arg.length) flags[camelCase(flag.name)] = arg.slice(at + 1);
        else {
          flags[camelCase(flag.name)] = valueAfter(argv, i, flag);
          i++;
        }
        break;
      }
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

function valueAfter(argv: readonly string[], i: number, flag: FlagSpec): string {
  const next = argv[i + 1];
  if (
    next === undefined ||
    next === '--' ||
    (next.startsWith('-') && next !== '-' && !DASHED_VALUES.has(flag.name))
  )
    throw new UsageError(`--${flag.name} needs a value`);
  return next;
}

/** Commands a positional argument names, before it is taken for a folder. */
export const COMMAND_NAMES = COMMANDS.map((command) => command.name).filter(
  (name) => name !== 'browse',
);

/** The command a mistyped word was probably meant to be (`lsit` → `list`), or undefined. */
export function meantCommand(word: string): string | undefined {
  return word.length < 3 ? undefined : nearest(word, COMMAND_NAMES);
}
