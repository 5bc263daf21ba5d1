// cat's start-up against Node's own, for one build or several side by side: `node -e 0`, then `cat`
// of a small article and of the largest real one, for each build, in turn, round after round, so
// the machine's load falls on all of them alike. Each figure is a median of wall time and of the
// process's CPU time (user and system, all threads, as it says itself at exit), with its ratio to
// `node -e 0`. Run it with the Node to measure:
//
//   node bench/cat-start.js [--runs N] [ROOT...]     ROOT: a folder with bin/broadsheet.js (default: this one)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 15;
const builds = args.length > 0 ? args.map((folder) => path.resolve(folder)) : [root];

const small = path.join(root, 'articles/2026-06-01-children-day.md');
const real = path.join(root, '../shared/corpus/real/026.md');
const articles = [['small (0.4 KB)', small], ...(existsSync(real) ? [['026 (65 KB)', real]] : [])];
if (articles.length === 1) console.log(`(${real} is not there: the small article only)`);

const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-cat-start-'));
const report = path.join(work, 'cpu');
const preload = path.join(work, 'cpu.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(${JSON.stringify(report)}, String((u.user + u.system) / 1000)); });`,
);

const cases = [['node -e 0', ['-e', '0']]];
for (const build of builds)
  for (const [name, file] of articles)
    cases.push([
      `${builds.length > 1 ? `${path.basename(build)}: ` : ''}cat ${name}`,
      [path.join(build, 'bin/broadsheet.js'), 'cat', file],
    ]);

const wall = cases.map(() => []);
const cpu = cases.map(() => []);
// One round first, not counted: files in the page cache, and Node's compile cache where it has one.
for (const [, command] of cases) spawnSync(process.execPath, command, { stdio: 'ignore' });
for (let round = 0; round < runs; round++)
  cases.forEach(([name, command], i) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['-r', preload, ...command], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    wall[i].push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${name}: exit ${result.status}: ${result.stderr}`);
    cpu[i].push(Number(readFileSync(report, 'utf8')));
  });
rmSync(work, { recursive: true, force: true });

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`Node ${process.versions.node}, ${runs} rounds, load average ${load}`);
console.log(
  `${''.padEnd(30)} ${'wall'.padStart(9)} ${'× node'.padStart(7)} ${'CPU'.padStart(9)} ${'× node'.padStart(7)}`,
);
const [nodeWall, nodeCpu] = [median(wall[0]), median(cpu[0])];
cases.forEach(([name], i) => {
  const [w, c] = [median(wall[i]), median(cpu[i])];
  console.log(
    `${name.padEnd(30)} ${w.toFixed(1).padStart(6)} ms ${(w / nodeWall).toFixed(2).padStart(6)}× ${c.toFixed(1).padStart(6)} ms ${(c / nodeCpu).toFixed(2).padStart(6)}×`,
  );
});
