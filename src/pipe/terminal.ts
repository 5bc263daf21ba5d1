import process from 'node:process';
import { colorAllowed } from '../text/profile.js';
import { outputStreams } from './output.js';

/**
 * Whether to colour output: --color/--no-color first, then NO_COLOR (any
 * non-empty value), then FORCE_COLOR, then whether stdout is a terminal.
 */
export function wantsColor(
  flag: boolean | undefined,
  env = process.env,
  isTTY = Boolean(outputStreams().stdout.isTTY),
): boolean {
  if (!colorAllowed(flag, env)) return false;
  if (flag) return true;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return isTTY && env.TERM !== 'dumb';
}

/** Terminals known to print OSC 8 as garbage rather than ignore or honour it. */
export function supportsHyperlinks(env = process.env): boolean {
  return !(env.TERM === 'linux' || env.TERM === 'dumb' || env.TERM_PROGRAM === 'Apple_Terminal');
}

/** The default text width: the terminal's, capped at 100 for comfort, else 80. */
export function defaultWidth(): number {
  const { stdout } = outputStreams();
  return stdout.isTTY ? Math.min(stdout.columns || 80, 100) : 80;
}
