// The reading state under load: marks lost when browsers save at the same moment (trials of real
// processes ended together by a signal), and the time to load a large state and to save one mark in it.
// node --expose-gc bench/state.js [--dist DIR] [--trials N] [--entries N] [--large N] [--runs N]
// --dist DIR measures the state module built in DIR (default: this checkout's dist/), e.g. an older one.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const dist = path.resolve(option('dist', path.join(here, '../dist')));
const module = pathToFileURL(path.join(dist, 'state/reading.js')).href;
const trials = Number(option('trials', 20));
const entries = Number(option('entries', 20_000));
const large = Number(option('large', 1_400_000));
const runs = Number(option('runs', 3));
const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-state-'));

/** A child that marks one article and saves on SIGTERM or SIGHUP, as the browser's exit handler does. */
const saver = `
const { ReadingState } = await import(${JSON.stringify(module)});
const [folder, locks, article] = process.argv.slice(1);
const state = ReadingState.inFolder(folder, { lockFolder: locks });
state.markRead(article, 7);
process.on('exit', () => { const failure = state.save(); if (failure) process.stderr.write(failure + '\\n'); });
process.on('SIGTERM', () => process.exit(143));
process.on('SIGHUP', () => process.exit(129));
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);
`;

function writeState(folder, count) {
  const parts = ['{"version":1,"articles":{'];
  for (let i = 0; i < count; i++) {
    const key = `/home/reader/archive/feeds/${String(i % 997).padStart(3, '0')}/${((i * 2654435761) >>> 0).toString(16)}-${i}.md`;
    parts.push(
      `${i ? ',' : ''}${JSON.stringify(key)}:{"readAt":${1.7e12 + i},"read":true,"starred":${i % 50 === 0},"line":${i % 40},"changedAt":${1.7e12 + i}}`,
    );
  }
  parts.push('},"history":{}}');
  writeFileSync(path.join(folder, 'reading.json'), parts.join(''));
}

/** Marks lost in `trials` trials of `count` browsers ended together by `signal`. */
async function race(count, signal) {
  let lost = 0;
  let trialsLosing = 0;
  for (let trial = 0; trial < trials; trial++) {
    const folder = mkdtempSync(path.join(work, 'race-'));
    const locks = mkdtempSync(path.join(work, 'locks-'));
    writeState(folder, entries);
    const articles = Array.from({ length: count }, (_, i) => `/mine/${i}.md`);
    const children = articles.map((article) =>
      spawn(process.execPath, ['--input-type=module', '-e', saver, folder, locks, article], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    await Promise.all(children.map((child) => once(child.stdout, 'data')));
    const exits = children.map((child) => once(child, 'exit'));
    for (const child of children) child.kill(signal);
    await Promise.all(exits);
    const check = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { ReadingState } = await import(${JSON.stringify(module)});
         const state = ReadingState.inFolder(process.argv[1], true);
         process.stdout.write(JSON.stringify(process.argv.slice(2).filter((a) => !state.isRead(a))));`,
        folder,
        ...articles,
      ],
      { encoding: 'utf8' },
    );
    const missing = JSON.parse(check.stdout).length;
    lost += missing;
    if (missing) trialsLosing++;
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(
    `${count} browsers ended together by ${signal}, a state of ${entries} entries: ${lost} of ${count * trials} marks lost, in ${trialsLosing} of ${trials} trials`,
  );
}

/** Median ms to load a state of `large` entries, and to save one mark in it, each in a process as the browser's heap is set. */
function largeState() {
  const folder = mkdtempSync(path.join(work, 'large-'));
  writeState(folder, large);
  const size = readFileSync(path.join(folder, 'reading.json')).length;
  const script = `
const { ReadingState } = await import(${JSON.stringify(module)});
const { performance } = await import('node:perf_hooks');
let start = performance.now();
const state = ReadingState.inFolder(process.argv[1], { lockFolder: process.argv[2] });
const load = performance.now() - start;
state.markRead('/new/' + process.argv[3] + '.md', 3);
start = performance.now();
const failure = state.save();
const save = performance.now() - start;
state.setStarred('/new/' + process.argv[3] + '.md', true);
start = performance.now();
state.save();
const second = performance.now() - start;
process.stdout.write(JSON.stringify({ load, save, second, failure }));`;
  const loads = [];
  const saves = [];
  const seconds = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(
      process.execPath,
      [
        '--semi-space-growth-factor=1',
        '--heap-growing-percent=20',
        '--input-type=module',
        '-e',
        script,
        folder,
        work,
        String(run),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const { load, save, second, failure } = JSON.parse(result.stdout);
    if (failure) throw new Error(failure);
    loads.push(load);
    saves.push(save);
    seconds.push(second);
  }
  const ms = (values) => `${(median(values) / 1000).toFixed(2)} s`;
  console.log(
    `a state of ${large} entries (${(size / 1e6).toFixed(0)} MB), median of ${runs}: load ${ms(loads)}, save one mark ${ms(saves)}, save another ${ms(seconds)}`,
  );
  rmSync(folder, { recursive: true, force: true });
}

console.log(`node ${process.version}, ${new Date().toISOString()}; state module: ${module}`);
try {
  for (const [count, signal] of [
    [2, 'SIGTERM'],
    [3, 'SIGTERM'],
    [2, 'SIGHUP'],
    [3, 'SIGHUP'],
  ])
    await race(count, signal);
  if (large > 0) largeState();
} finally {
  rmSync(work, { recursive: true, force: true });
}
