import { bin, shellQuote } from '../helpers.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { shellQuote };

/** Whether tmux is here: without it the terminal tests are skipped, and the test set-up says so in one line. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * How long a wait for the screen may take before it fails: long enough for a
 * start on a machine busy with other work (a passing wait ends when the screen
 * is as expected, so this costs nothing).
 */
export const WAIT_MS = 30_000;

/** The sessions not yet closed. */
const open = new Set<TmuxSession>();

/** Closes every session a test opened (its tmux server and the program in it), however the test ended. */
export function closeSessions(): void {
  for (const session of open) session.close();
}

/**
 * A real terminal for end-to-end tests: a detached tmux session of a fixed
 * size on its own server, whose screen is read with capture-pane and whose raw
 * output is recorded with pipe-pane.
 */
export class TmuxSession {
  readonly socket = `broadsheet-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-tmux-'));
  readonly rawFile = path.join(this.folder, 'raw.out');
  readonly exitFile = path.join(this.folder, 'exit-code');
  private closed = false;

  constructor(
    command: string,
    options: { columns: number; rows: number; env?: Record<string, string> },
  ) {
    open.add(this);
    const go = path.join(this.folder, 'go');
    const env = Object.entries(options.env ?? {})
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    // Wait for the recorder before starting, so the raw output is complete.
    // As a person runs it: not under the test runner's NODE_ENV.
    const script = `while [ ! -e ${shellQuote(go)} ]; do sleep 0.02; done; unset NODE_ENV VITEST; ${env} ${command}; echo $? > ${shellQuote(this.exitFile)}; sleep 60`;
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(options.columns),
      '-y',
      String(options.rows),
      'bash',
      '-c',
      script,
    );
    this.tmux('set-option', '-t', 'main', 'status', 'off');
    this.tmux('pipe-pane', '-t', 'main', '-o', `cat >> ${shellQuote(this.rawFile)}`);
    writeFileSync(go, '');
  }

  tmux(...args: string[]): string {
    // tmux's own complaints (a server already gone) are caught by the caller, not printed over the run.
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** The screen as text, one string a row. */
  screen(): string[] {
    return this.tmux('capture-pane', '-p', '-t', 'main').replace(/\n$/, '').split('\n');
  }

  /** Keys as tmux names them (`Enter`, `Space`, `j`); `literal` types text as it is. */
  send(keys: string[], literal = false): void {
    this.tmux('send-keys', '-t', 'main', ...(literal ? ['-l'] : []), ...keys);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
  }

  /** Polls the screen until `condition` holds; throws with the screen when it never does. */
  async waitFor(
    condition: (screen: string[]) => boolean,
    what: string,
    timeout = WAIT_MS,
    every = 50,
  ): Promise<string[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (this.closed) throw new Error(`the session was closed while waiting for ${what}`);
      const screen = this.screen();
      if (condition(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; the screen was:\n${screen.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, every));
    }
  }

  /**
   * Polls what the program wrote (cheap: no tmux client is started) until
   * `condition` holds, as text with its escape sequences taken out.
   */
  async waitForOutput(
    condition: (text: string) => boolean,
    what: string,
    timeout = WAIT_MS,
    every = 5,
  ): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (this.closed) throw new Error(`the session was closed while waiting for ${what}`);
      const text = Buffer.from(this.raw(), 'latin1')
        .toString('utf8')
        .replace(
          /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|_[^\u001b]*\u001b\\|[()][0-9A-Za-z]|[=>78])/g,
          '',
        );
      if (condition(text)) return;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; the program wrote:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, every));
    }
  }

  /** Waits until the program has written nothing for `quiet` ms: a redraw it has begun is finished. */
  async settled(quiet = 300, timeout = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeout;
    let length = this.raw().length;
    let since = Date.now();
    while (Date.now() - since < quiet) {
      if (Date.now() > deadline) throw new Error('the program kept writing');
      await new Promise((resolve) => setTimeout(resolve, 25));
      const now = this.raw().length;
      if (now !== length) [length, since] = [now, Date.now()];
    }
  }

  async exitCode(timeout = WAIT_MS): Promise<number> {
    const deadline = Date.now() + timeout;
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error('the program did not exit');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  raw(): string {
    return existsSync(this.rawFile) ? readFileSync(this.rawFile, 'latin1') : '';
  }

  close(): void {
    open.delete(this);
    this.closed = true;
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
  }
}

/** The browser's command line, quoted for the shell tmux starts it in. */
export const browserCommand = (...args: string[]) =>
  [process.execPath, bin, ...args].map((part) => shellQuote(part)).join(' ');

/** The status line: the last row with anything on it. */
export const statusOf = (screen: string[]) =>
  screen.filter((line) => line.trim() !== '').at(-1) ?? '';

/** The selected article's row. */
export const selectedOf = (screen: string[]) => screen.find((line) => line.startsWith('▸')) ?? '';
