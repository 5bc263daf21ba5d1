import process from 'node:process';
import type { ColorDepth } from './blocks.js';

export type Protocol = 'kitty' | 'iterm' | 'sixel' | 'blocks';
export type ImagesFlag = Protocol | 'auto' | 'none';

/** Pixels of one terminal cell; 10 × 20 when the terminal does not say. */
export interface CellSize {
  width: number;
  height: number;
}

export const DEFAULT_CELL: CellSize = { width: 10, height: 20 };

/**
 * What the environment says about the terminal's graphics, or null when it
 * does not say and the terminal must be asked. Inside tmux or screen only
 * text gets through reliably, so pictures are half-blocks there.
 */
export function protocolFromEnvironment(env: NodeJS.ProcessEnv): Protocol | null {
  const term = env.TERM ?? '';
  if (underMultiplexer(env)) return 'blocks';
  if (env.KITTY_WINDOW_ID || term === 'xterm-kitty') return 'kitty';
  if (
    env.TERM_PROGRAM === 'ghostty' ||
    term === 'xterm-ghostty' ||
    Object.keys(env).some((key) => key.startsWith('GHOSTTY_'))
  ) {
    return 'kitty';
  }
  if (env.TERM_PROGRAM === 'iTerm.app' || env.LC_TERMINAL === 'iTerm2') return 'iterm';
  if (env.TERM_PROGRAM === 'WezTerm' || Object.keys(env).some((key) => key.startsWith('WEZTERM_')))
    return 'iterm';
  if (term === 'linux' || term === 'dumb') return 'blocks';
  return null;
}

/** Inside tmux or GNU screen, which stand between broadsheet and the terminal. */
export function underMultiplexer(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.TMUX || env.STY) || /^(screen|tmux)/.test(env.TERM ?? '');
}

/** Truecolor, unless the terminal is known to lack it. */
export function colorDepth(env: NodeJS.ProcessEnv): ColorDepth {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 'truecolor';
  if (env.TERM_PROGRAM === 'Apple_Terminal' || env.TERM === 'linux') return '256';
  return 'truecolor';
}

export interface TerminalAnswers {
  kitty: boolean;
  sixel: boolean;
  cell: CellSize | null;
  /** The terminal's answer about its background colour (OSC 11), as sent; null when it said nothing. */
  background: string | null;
}

/**
 * What the terminal answers to kitty's graphics query, the cell-size report
 * (`CSI 16 t`) and the device attributes (`CSI c`; a 4 among them means
 * sixel). Every terminal answers the last, so its answer ends the wait; a
 * terminal that answers nothing costs `timeoutMs`.
 */
export function parseAnswers(text: string): TerminalAnswers {
  const kitty = /\x1b_Gi=31;OK\x1b\\/.test(text);
  const attributes = /\x1b\[\?([\d;]*)c/.exec(text);
  const sixel = attributes ? attributes[1]!.split(';').includes('4') : false;
  const size = /\x1b\[6;(\d+);(\d+)t/.exec(text);
  const cell =
    size && Number(size[1]) > 0 && Number(size[2]) > 0
      ? { height: Number(size[1]), width: Number(size[2]) }
      : null;
  const background = /\x1b\]11;[^\x07\x1b]*(?:\x07|\x1b\\)/.exec(text)?.[0] ?? null;
  return { kitty, sixel, cell, background };
}

/** Kitty's graphics query: an APC string. */
const GRAPHICS_QUERY = '\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\';
/** The cell size, the background colour, and the device attributes, which every terminal answers, last. */
const PLAIN_QUERY = '\x1b[16t\x1b]11;?\x1b\\\x1b[c';

/**
 * What to ask the terminal: kitty's graphics query, the cell size, the
 * background colour, and the device attributes last. Inside tmux or screen
 * the graphics query is left out: both take an APC string for the window's
 * title (tmux's pane title would read `Gi=31,…` until something else set it),
 * and the pictures are half-blocks there whatever the terminal outside can
 * draw. The other questions are answered by the multiplexer or dropped.
 */
export function terminalQuery(env: NodeJS.ProcessEnv): string {
  return underMultiplexer(env) ? PLAIN_QUERY : GRAPHICS_QUERY + PLAIN_QUERY;
}

/** Where the terminal's answers come in, taken apart from the keys. */
export interface AnswerSource {
  onAnswer(listener: (answer: string) => void): () => void;
}

/**
 * Asks the terminal what it can draw and waits for its answers, for
 * `timeoutMs` at most: the device attributes come last from every terminal
 * that answers at all, so they end the wait.
 */
export function askTerminal(
  source: AnswerSource,
  write: (query: string) => void,
  env: NodeJS.ProcessEnv,
  timeoutMs = 200,
): Promise<TerminalAnswers> {
  return new Promise((resolve) => {
    let received = '';
    const finish = () => {
      clearTimeout(timer);
      stop();
      resolve(parseAnswers(received));
    };
    const stop = source.onAnswer((answer) => {
      received += answer;
      if (/\x1b\[\?[\d;]*c/.test(answer)) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
    write(terminalQuery(env));
  });
}

/**
 * The protocol for `--images`: as asked; `auto` looks at the environment and,
 * on a terminal that does not say, asks it; pipes get none.
 */
export async function chooseProtocol(
  flag: ImagesFlag,
  env: NodeJS.ProcessEnv = process.env,
  isTTY = Boolean(process.stdout.isTTY),
  ask: () => Promise<TerminalAnswers>,
): Promise<{ protocol: Protocol | 'none'; cell: CellSize }> {
  if (flag !== 'auto') return { protocol: flag, cell: DEFAULT_CELL };
  if (!isTTY) return { protocol: 'none', cell: DEFAULT_CELL };
  const known = protocolFromEnvironment(env);
  if (known === 'blocks') return { protocol: 'blocks', cell: DEFAULT_CELL };
  const answers = await ask();
  const cell = answers.cell ?? DEFAULT_CELL;
  if (known) return { protocol: known, cell };
  return { protocol: answers.kitty ? 'kitty' : answers.sixel ? 'sixel' : 'blocks', cell };
}
