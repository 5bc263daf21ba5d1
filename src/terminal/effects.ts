import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { reason } from '../files/errors.js';
import { linkOpener } from './programs.js';

/** A program the terminal is handed to, until it ends. */
export interface HandOver {
  command: string;
  args: string[];
  /** Written to its standard input; without it, the program reads the terminal. */
  input?: string;
  /** After it ends, wait for a key, so what it printed can be read. */
  wait?: boolean;
}

/** What the app may do to the world outside the frame. */
export interface Effects {
  /** Hands a checked link to the browser; says whether the opener ran, or why not. */
  openUrl: (url: string) => Promise<string | null>;
  copy: (text: string) => void;
  /**
   * Gives the terminal to another program (an editor, a pager, a shell
   * command) and takes it back after, the screen drawn again; says why not
   * when it could not run, or how it failed.
   */
  handOver: (program: HandOver) => Promise<string | null>;
  /** A file's text (a file with problems, shown as it is). */
  readFile: (file: string) => Promise<string>;
}

/** Opening links in the browser ($BROWSER, else the platform's opener) and copying with OSC 52. */
export const terminalEffects: Omit<Effects, 'handOver'> = {
  openUrl(url) {
    const [command = 'xdg-open', ...args] = linkOpener(process.env);
    return new Promise((resolve) => {
      // The link is one argument of its own, checked to be http(s) or mailto: no shell, no option.
      const child = spawn(command, [...args, url], { detached: true, stdio: 'ignore' });
      child.on('error', (error) => resolve(`could not start ${command}: ${reason(error)}`));
      child.on('exit', (code) =>
        resolve(code === 0 || code === null ? null : `${command} failed (exit ${code})`),
      );
      child.unref();
    });
  },
  copy(text) {
    process.stdout.write(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`);
  },
  readFile: (file) => readFile(file, 'utf8'),
};
