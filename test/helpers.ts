import { afterEach, beforeEach } from 'vitest';
import type { Article } from '../src/corpus/article.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const realCorpus = path.resolve(projectRoot, '../shared/corpus/real');
export const demoCorpus = path.join(projectRoot, 'articles');
export const bin = path.join(projectRoot, 'bin/broadsheet.js');

/** The cache folder the command line uses in tests: its own, never the user's. */
const testCache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));

/** A fresh folder holding the given files (paths may contain folders). */
export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-test-'));
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

/** Runs the built command line with stdout and stderr as pipes. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
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
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
