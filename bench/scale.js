// What the scale benchmarks share: generated corpora, the floor of reading every file (`cat`), timed
// command lines with their peak memory, and the browser in a real terminal; and the held-out corpus.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';
import { median, report } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/broadsheet.js');
const rssHook = path.join(root, 'bench/rss.js');

/** The generated corpus of `count` articles (of about `bodyBytes` each, if given), made once and kept in the temp folder. */
export function corpusOf(count, bodyBytes = 0) {
  // v2: one article in a thousand holds the rare word a body search looks for.
  const folder = path.join(
    tmpdir(),
    `broadsheet-bench-v2-${count}${bodyBytes ? `-${bodyBytes}` : ''}`,
  );
  if (!existsSync(path.join(folder, '.complete'))) {
    rmSync(folder, { recursive: true, force: true });
    generateCorpus(folder, count, bodyBytes);
    writeFileSync(path.join(folder, '.complete'), '');
  }
  return folder;
}

/** The floor of reading a folder: `cat` of every file once, median of 3 runs; reported as the baseline. */
export function catFloor(corpus) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    spawnSync('sh', ['-c', `find "${corpus}" -type f -exec cat {} + > /dev/null`]);
    times.push(performance.now() - start);
  }
  const floor = { name: 'cat of every file', value: median(times) };
  report('reading every file once with cat (baseline)', floor.value, 'ms');
  return floor;
}

/** Median wall time and the largest peak RSS of `runs` runs of the command line. */
export function timeCli(args, { runs = 3, before = () => {}, env = {} } = {}) {
  const times = [];
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-rss-')), 'rss');
  for (let i = 0; i < runs; i++) {
    before();
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', rssHook, bin, ...args], {
      env: { ...process.env, ...env, BROADSHEET_RSS_LOG: log },
      stdio: ['ignore', 'ignore', 'ignore'],
      maxBuffer: 1 << 30,
    });
    times.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`broadsheet ${args.join(' ')} exited ${result.status}`);
  }
  const rss = Math.max(...readFileSync(log, 'utf8').trim().split('\n').map(Number)) / 1024;
  rmSync(path.dirname(log), { recursive: true, force: true });
  return { ms: median(times), rss };
}

/**
 * A corpus of another shape, held out from the one the code was tuned on:
 * 20 000 long articles (12 KB each). Reading a folder must cost what its
 * fields cost, not what its bodies weigh.
 */
export function benchLongArticles(count = 20_000) {
  const corpus = corpusOf(count, 11_000);
  const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-cache-'));
  const size = spawnSync('du', ['-sm', '--apparent-size', corpus], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`\n${count} long articles (${size} MB: node bench/generate.js DIR ${count} 11000), medians of 3 runs`);
  const floor = catFloor(corpus);
  const cold = timeCli(['list', '--json', corpus], {
    env: { XDG_CACHE_HOME: cache },
    before: () => rmSync(cache, { recursive: true, force: true }),
  });
  report(`cold list --json (no index)   peak ${cold.rss.toFixed(0)} MB`, cold.ms, 'ms', floor);
  rmSync(cache, { recursive: true, force: true });
} // prettier-ignore

/**
 * The browser as a person starts it: a real terminal (tmux, 100×30), the
 * screen read until the status line counts articles (the first screen) and
 * until it counts all of them with nothing left to read (the whole list);
 * then `q`. Medians of 3 runs and the largest peak RSS; null without tmux.
 */
export function inTerminal(corpus, count, env) {
  const socket = `broadsheet-bench-${process.pid}`;
  const tmux = (...args) =>
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (tmux('-V').status !== 0) return null;
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-rss-')), 'rss');
  const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-state-'));
  const variables = { ...env, XDG_STATE_HOME: state, BROADSHEET_RSS_LOG: log };
  const command = [
    'env',
    ...Object.entries(variables).map(([key, value]) => `${key}=${value}`),
    process.execPath, '--import', rssHook, bin, corpus,
  ].map((word) => `'${word}'`).join(' '); // prettier-ignore
  const firsts = [];
  const loads = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    tmux('new-session', '-d', '-s', 'bench', '-x', '100', '-y', '30', command);
    let first = 0;
    for (;;) {
      const status = tmux('capture-pane', '-p', '-t', 'bench').stdout.trimEnd().split('\n').at(-1) ?? '';
      if (!first && / articles?\b/.test(status)) first = performance.now() - start;
      if (status.includes(`${count} article`) && !status.includes('Reading')) break;
      if (performance.now() - start > 120_000) throw new Error(`no list in tmux: ${status}`);
    } // prettier-ignore
    loads.push(performance.now() - start);
    firsts.push(first);
    tmux('send-keys', '-t', 'bench', 'q');
    while (tmux('has-session', '-t', 'bench').status === 0) spawnSync('sleep', ['0.02']);
  }
  tmux('kill-server');
  rmSync(state, { recursive: true, force: true });
  const rss = Math.max(...readFileSync(log, 'utf8').trim().split('\n').map(Number)) / 1024;
  rmSync(path.dirname(log), { recursive: true, force: true });
  return { first: median(firsts), loaded: median(loads), rss };
}
