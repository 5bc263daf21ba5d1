import { spawn } from 'node:child_process';
import process from 'node:process';
import type { Effects } from './App.js';

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';

/**
 * Takes the terminal for a full-screen app (alternate screen, cursor hidden)
 * and returns the one function that gives it back. That function runs however
 * the program ends — quit, Ctrl+C, SIGTERM, SIGHUP, an uncaught error — and
 * only once.
 */
export function takeTerminal(stdout: NodeJS.WriteStream = process.stdout): () => void {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);
  process.on('exit', restore);
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    process.on(signal, () => {
      restore();
      process.exit(code);
    });
  }
  const crash = (error: unknown) => {
    restore();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      process.env.BROADSHEET_DEBUG === '1' && error instanceof Error
        ? `${error.stack}\n`
        : `broadsheet: ${message.split('\n')[0]}\n`,
    );
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return restore;
}

/** Opening links in the browser ($BROWSER, else the platform's opener) and copying with OSC 52. */
export const terminalEffects: Effects = {
  openUrl(url) {
    const [command, ...args] =
      process.env.BROWSER?.split(' ').filter(Boolean) ??
      (process.platform === 'darwin'
        ? ['open']
        : process.platform === 'win32'
          ? ['cmd', '/c', 'start', '""']
          : ['xdg-open']);
    const child = spawn(command!, [...args, url], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  },
  copy(text) {
    process.stdout.write(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`);
  },
};
