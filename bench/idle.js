// What an open browser costs while nobody touches it: the CPU time of the browser in a real terminal
// (tmux) over a minute once the whole list is read, beside the same browser on one article, and what
// watching the folder by the folders' times (as on a network file system) costs alone.
// node bench/idle.js [ARTICLES] [SECONDS]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { corpusOf } from './scale.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/broadsheet.js');
const TICKS = 100; // clock ticks a second (USER_HZ) on Linux

/** User + system CPU time of a process so far, in seconds, from /proc/PID/stat. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** The node process under a tmux pane: the pane's own, or the one its shell started. */
function nodeUnder(pid) {
  if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node') return pid;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) return nodeUnder(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  throw new Error(`no node process under ${pid}`);
}

const sleep = (ms) => spawnSync('sleep', [String(ms / 1000)]);

/**
 * The browser on `folder` in tmux: once its status line counts `count` articles and it has been
 * quiet for five seconds (the background work done), its CPU time over `seconds`, as a share of a core.
 */
function idleBrowser(folder, count, seconds) {
  const socket = `broadsheet-idle-${process.pid}`;
  const tmux = (...args) =>
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-idle-state-'));
  const command = ['env', `XDG_STATE_HOME=${state}`, 'TERM=xterm-256color', process.execPath, bin, folder]
    .map((word) => `'${word}'`)
    .join(' '); // prettier-ignore
  tmux('new-session', '-d', '-s', 'idle', '-x', '100', '-y', '30', command);
  try {
    const start = performance.now();
    for (;;) {
      const status =
        tmux('capture-pane', '-p', '-t', 'idle').stdout.trimEnd().split('\n').at(-1) ?? '';
      if (status.includes(`${count} article`) && !status.includes('Reading')) break;
      if (performance.now() - start > 120_000) throw new Error(`no list in tmux: ${status}`);
      sleep(100);
    }
    const pid = nodeUnder(Number(tmux('display', '-p', '-t', 'idle', '#{pane_pid}').stdout));
    // Settled: five seconds in a row that cost under 2 % of a core.
    for (let before = cpuSeconds(pid); ;) {
      sleep(5000);
      const now = cpuSeconds(pid);
      if (now - before < 0.1) break;
      before = now;
    }
    const before = cpuSeconds(pid);
    sleep(seconds * 1000);
    return (cpuSeconds(pid) - before) / seconds;
  } finally {
    tmux('kill-server');
    rmSync(state, { recursive: true, force: true });
  }
}

/** Watching `folder` by its folders' times every two seconds, alone in a process, over `seconds`. */
function pollingAlone(folder, seconds) {
  const script = `
    import { watchFolder } from ${JSON.stringify(path.join(root, 'dist/corpus/watch.js'))};
    const watch = watchFolder(${JSON.stringify(folder)}, () => {}, { poll: true });
    const before = process.cpuUsage();
    setTimeout(() => {
      const used = process.cpuUsage(before);
      watch.stop();
      console.log((used.user + used.system) / 1e6 / ${seconds});
    }, ${seconds * 1000});
    setInterval(() => {}, 60_000).unref();
    await new Promise((resolve) => setTimeout(resolve, ${seconds * 1000 + 100}));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout.trim());
}

const count = Number(process.argv[2] ?? 20_000);
const seconds = Number(process.argv[3] ?? 60);
const one = mkdtempSync(path.join(tmpdir(), 'broadsheet-idle-one-'));
writeFileSync(path.join(one, 'a.md'), '---\ntitle: One\ndate: 2026-11-26\n---\nOne article.\n');
const corpus = corpusOf(count);
const percent = (share) => `${(share * 100).toFixed(2)} % of a core`;
console.log(`an idle browser over ${seconds} s (CPU time / wall time, /proc/PID/stat):`);
console.log(
  `  ${count} articles, watched by events: ${percent(idleBrowser(corpus, count, seconds))}`,
);
console.log(`  one article (baseline):             ${percent(idleBrowser(one, 1, seconds))}`);
console.log(
  `  watching ${count} articles by the folders' times alone: ${percent(pollingAlone(corpus, seconds))}`,
);
rmSync(one, { recursive: true, force: true });
