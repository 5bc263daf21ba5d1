import { spawnSync } from 'node:child_process';
import { readSync } from 'node:fs';
import process from 'node:process';
import { terminalEffects, type Effects, type HandOver } from './effects.js';
import { TerminalInput } from './input.js';
import { MOUSE_OFF, MOUSE_ON } from './mouse.js';
import { errorReport } from '../text/errors.js';
import { reason } from '../files/errors.js';

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';
/** For another program: the browser's screen cleared, the cursor shown at its top. */
const HAND_OVER = '\x1b[H\x1b[2J\x1b[?25h';

/** The terminal as the browser holds it: its keys, and the one way to give it back. */
export interface HeldTerminal {
  /** Every key typed since the browser started, terminal answers taken out: what Ink reads. */
  input: TerminalInput;
  /** Gives the terminal back: main screen, cursor, cooked mode. Runs once, however the program ends. */
  restore: () => void;
  /** What to do after Ctrl+Z and `fg` have given the screen back: draw it all again. */
  onResume: (redraw: () => void) => void;
  /** Effects that use the terminal: links, the clipboard, and handing the terminal to another program. */
  effects: Effects;
}

/**
 * Takes the terminal for a full-screen app, at once: raw mode with no echo and
 * every key kept (so nothing typed while the first screen is drawn is lost or
 * printed over it), the alternate screen, the cursor hidden. Ctrl+Z and
 * SIGTSTP give it back and stop; `fg` takes it again and redraws. SIGTERM,
 * SIGHUP, SIGINT, an uncaught error and exit all give it back, and then call
 * `onLeave` (to save what must be saved, and say what must be said).
 */
export function takeTerminal(
  onLeave: () => void = () => {},
  options: { mouse?: boolean } = {},
  stdout: NodeJS.WriteStream = process.stdout,
  stdin: NodeJS.ReadStream = process.stdin,
): HeldTerminal {
  // Mouse reports on while the browser has the screen (SGR form), off whenever it gives it up.
  const enter = options.mouse ? `${ENTER}${MOUSE_ON}` : ENTER;
  const leaveSequence = options.mouse ? `${MOUSE_OFF}${LEAVE}` : LEAVE;
  let restored = false;
  let redraw = () => {};
  /** While another program has the terminal, Ctrl+C is its, not ours. */
  let handedOver = false;
  /** The terminal hung up (its window closed, its tmux session killed): nothing can be set or written on it. */
  let gone = false;
  const leave = () => {
    if (gone) return;
    // On a terminal that hung up, the mode cannot be set: the error is taken here, not thrown.
    const hungUp = () => {
      gone = true;
    };
    stdin.once('error', hungUp);
    stdin.setRawMode(false);
    stdin.off('error', hungUp);
    if (!gone) stdout.write(leaveSequence);
  };
  const suspend = () => {
    if (restored) return;
    leave();
    // Stops here until `fg`; SIGSTOP, since our own SIGTSTP handler is what called this.
    process.kill(process.pid, 'SIGSTOP');
    stdin.setRawMode(true);
    stdout.write(enter);
    redraw();
  };
  const input = new TerminalInput(stdin, suspend);
  const restore = () => {
    if (restored) return;
    restored = true;
    input.close();
    leave();
    quietCursorRestore();
    // After the screen is the user's again: what is said here stays on it.
    onLeave();
  };
  /**
   * Ends the program with `code`, or, when the terminal is gone, by `signal`
   * itself (which the shell reports as the same status): Node's own exit
   * would set the terminal's mode back, and on a terminal that hung up it
   * fails an assertion with a page of native trace (and SIGSEGV).
   */
  const end = (signal: NodeJS.Signals, code: number): never => {
    if (!gone) process.exit(code);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    // The signal's default action ends the process at once; nothing more runs meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    return process.exit(code);
  };
  /** The terminal went away under the browser: what must be saved is saved, and it ends as SIGHUP ends it. */
  const lost = () => {
    gone = true;
    // Whoever is giving the terminal back ends the program after.
    if (restored) return;
    restore();
    end('SIGHUP', 129);
  };
  stdout.write(enter);
  process.on('exit', restore);
  process.on('SIGTSTP', suspend);
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    process.on(signal, () => {
      if (handedOver && signal === 'SIGINT') return;
      restore();
      end(signal, code);
    });
  }
  // Reading or writing a terminal that hung up fails (EIO): before any other handler ends the program.
  stdin.prependListener('error', lost);
  stdout.prependListener('error', lost);
  const crash = (error: unknown) => {
    restore();
    if (!gone) process.stderr.write(errorReport(error));
    end('SIGHUP', 1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Another program gets a clean screen, the browser's own alternate one: what it prints is not left
  // above the next one's, nor on the shell's screen after the browser quits.
  const handSequence = options.mouse ? `${MOUSE_OFF}${HAND_OVER}` : HAND_OVER;
  const keyboardFd = (stdin as unknown as { fd?: number }).fd ?? 0;
  const handOver = (program: HandOver): Promise<string | null> => {
    handedOver = true;
    input.pauseReading();
    stdin.setRawMode(false);
    stdout.write(handSequence);
    let failure: string | null = null;
    try {
      // The browser waits: nothing of it may draw while the other program has the screen.
      const result = spawnSync(program.command, program.args, {
        input: program.input,
        // The keyboard is the browser's own (the terminal, when an article came on standard input).
        stdio: [program.input === undefined ? keyboardFd : 'pipe', 'inherit', 'inherit'],
      });
      // A command that ends without reading all of the text (`echo`, `head`) closes the pipe
      // early: it ran, and its status is what counts.
      const ran = !result.error || (result.error as NodeJS.ErrnoException).code === 'EPIPE';
      if (!ran) failure = `could not start ${program.command}: ${reason(result.error!)}`;
      else if (result.status !== 0 && result.status !== null)
        failure = `${program.command} ended with exit status ${result.status}`;
      if (program.wait && ran) {
        stdout.write('\n[press Enter to return to broadsheet]');
        waitForEnter(stdin);
      }
    } finally {
      stdin.setRawMode(true);
      stdout.write(enter);
      input.resumeReading();
      redraw();
      // A Ctrl+C typed for the other program reaches us after it ends: it is still not ours.
      setTimeout(() => {
        handedOver = false;
      }, 200);
    }
    return Promise.resolve(failure);
  };
  return {
    input,
    restore,
    onResume: (callback) => {
      redraw = callback;
    },
    effects: { ...terminalEffects, handOver },
  };
}

/** Reads the terminal, in its own line mode, until a line ends. */
function waitForEnter(stdin: NodeJS.ReadStream): void {
  const byte = Buffer.alloc(64);
  for (;;) {
    let read = 0;
    try {
      read = readSync((stdin as unknown as { fd: number }).fd, byte, 0, byte.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      return;
    }
    if (read === 0 || byte.subarray(0, read).includes(10)) return;
  }
}

/**
 * Ink hides the cursor through a module that, at exit, writes `ESC[?25h` to
 * stderr whatever stderr is (a log file, a pipe). The cursor is shown again on
 * the terminal by `restore`; that one write is dropped.
 */
function quietCursorRestore(): void {
  const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) =>
    chunk === '\u001B[?25h' ? true : write(chunk, ...rest)) as typeof process.stderr.write;
}
