import { afterEach, beforeEach, vi } from 'vitest';
import type { Article } from '../src/corpus/article.js';
import type { Effects, HandOver } from '../src/terminal/effects.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const demoCorpus = path.join(projectRoot, 'articles');
/** Articles of our own that carry every trait of the RSS-to-Hexo archives the tests rely on. */
export const fixtureCorpus = path.join(projectRoot, 'test/fixtures/corpus');
/** The seed-format article of the fixtures: a blank line before the front matter, RFC 2822 date, proxied lazy images. */
export const fixtureSeed = path.join(fixtureCorpus, '000_4f1c2a9e7b3d5c60.txt');

/**
 * Real articles from public archives, beside the project where it is checked out
 * with them (as in CI); the tests in test/real/ run over them only when they are there.
 */
export const realCorpus = path.resolve(projectRoot, '../shared/corpus/real');
export const hasRealCorpus = existsSync(realCorpus);

/** A temporary folder, inside the test run's own temporary folder (removed when the run ends). */
export function tempFolder(prefix = 'broadsheet-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
export const bin = path.join(projectRoot, 'bin/broadsheet.js');

/** The cache folder the command line uses in tests: its own, never the user's. */
const testCache = tempFolder('broadsheet-cache-');

/** A fresh folder holding the given files (paths may contain folders). */
export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const root = tempFolder('broadsheet-test-');
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The programs the tests started that have not ended yet. */
const running = new Set<ChildProcess>();

/** Ends every program a test started that is still running (a test that failed or ran out of time). */
export function stopPrograms(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs a program with stdout and stderr as pipes; it is stopped when the test ends, however it ends. */
export function runProgram(
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    /** Run as this user and group id (a test run as root uses it to meet permissions). */
    user?: number;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const merged = {
      ...process.env,
      TZ: 'UTC',
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      XDG_CACHE_HOME: testCache,
      ...options.env,
    };
    const env = Object.fromEntries(
      Object.entries(merged).filter(([, value]) => value !== undefined),
    );
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user === undefined ? {} : { uid: options.user, gid: options.user }),
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the built command line (dist/bundle, through bin/broadsheet.js) as a process, its stdout and stderr pipes. */
export function runCli(
  args: string[],
  options: Parameters<typeof runProgram>[2] & {
    /** Options for Node itself, before the program (`--import` a hook). */
    node?: string[];
  } = {},
): Promise<CliResult> {
  return runProgram(process.execPath, [...(options.node ?? []), bin, ...args], options);
}

/** Runs a bash script (a pipeline, a redirection), in which `broadsheet` is the built command line; `$1`… are `args`. */
export function runShell(
  script: string,
  args: string[] = [],
  options: Parameters<typeof runProgram>[2] = {},
): Promise<CliResult> {
  const command = `broadsheet() { ${shellQuote(process.execPath)} ${shellQuote(bin)} "$@"; }\n`;
  return runProgram('bash', ['-c', command + script, 'bash', ...args], options);
}

/** `value` as one word for the shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the command line in this process, as `runCli` runs it in a process of
 * its own: the same environment, its output gathered from streams given to
 * `main` (pipes, not a terminal), and its exit code as `main` gives it back.
 * Each run loads the program afresh, so nothing one run set (a theme, keys,
 * the time zone) is there for the next; the environment and the current
 * folder are put back as they were.
 */
export async function runMain(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const changes: Record<string, string | undefined> = {
    TZ: 'UTC',
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    XDG_CACHE_HOME: testCache,
    ...options.env,
  };
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  try {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    process.chdir(options.cwd ?? projectRoot);
    vi.resetModules();
    const { main } = await import('../src/cli.js');
    const code = await main(args, {
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    // The modules this run set up (its output profile, its palette) are not left for the next
    // test file of the same worker to import.
    vi.resetModules();
  }
}

/** An article record with sensible defaults, for tests that need no file. */
export function makeArticle(fields: Partial<Article> = {}): Article {
  return {
    path: 'post.md',
    absolutePath: '/news/post.md',
    title: 'Title',
    date: Date.UTC(2021, 10, 16, 21, 10),
    dateFromFile: false,
    updated: null,
    categories: [],
    tags: [],
    author: null,
    image: null,
    link: null,
    meta: {},
    problems: [],
    format: 'html',
    ...fields,
  };
}

/** Runs the suite's tests with `TZ` set to `zone`, restoring it afterwards. */
export function useTimeZone(zone: string): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = saved;
  });
}

/** Every entry under `root` with its size and modification time: equal before and after means nothing was written. */
export function folderSnapshot(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .sort()
    .map((name) => {
      try {
        const info = statSync(path.join(root, name));
        return `${name}:${info.size}:${info.mtimeMs}`;
      } catch {
        return `${name}:dangling`;
      }
    });
}

/** Effects for the app under test that only record what it asked for: links opened, text copied, programs handed the terminal. */
export function recordingEffects(): {
  effects: Effects;
  opened: string[];
  copied: string[];
  handed: HandOver[];
} {
  const opened: string[] = [];
  const copied: string[] = [];
  const handed: HandOver[] = [];
  const effects: Effects = {
    openUrl: async (url) => {
      opened.push(url);
      return null;
    },
    copy: (text) => copied.push(text),
    handOver: async (program) => {
      handed.push(program);
      return null;
    },
    readFile: (file) => readFile(file, 'utf8'),
  };
  return { effects, opened, copied, handed };
}
