// Whole-process cost of the pipe commands, against Node starting and doing
// nothing, and against Node starting and importing just the packages the
// command imported in the same run (the floor for any program built on them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianCommand, report } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/broadsheet.js');
const hook = path.join(root, 'test/fixtures/report-imports.mjs');
const imports = (names) => names.map((name) => `await import('${name}');`).join(' ');

/** The packages our own code imports when running the command (specifiers as written). */
function packagesImportedBy(args) {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-imports-')), 'log');
  spawnSync(process.execPath, ['--import', hook, bin, ...args], {
    cwd: root,
    env: { ...process.env, BROADSHEET_IMPORT_LOG: log },
    stdio: 'ignore',
  });
  // No log: not one package was loaded (the bundle holds what the pipe commands use).
  const lines = existsSync(log) ? readFileSync(log, 'utf8') : '';
  rmSync(path.dirname(log), { recursive: true, force: true });
  const direct = lines
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter(([, , parent]) => !parent.includes('/node_modules/'))
    .map(([, specifier]) => specifier);
  return [...new Set(direct)];
}

/** The largest article of a folder: what a long article costs at start-up. */
function largest(folder) {
  return readdirSync(folder)
    .map((name) => path.join(folder, name))
    .filter((file) => /\.(md|txt|html)$/.test(file))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

export async function benchStartup(corpus) {
  const files = readdirSync(corpus)
    .filter((name) => /\.(md|txt|html)$/.test(name))
    .sort();
  const first = path.join(corpus, files[0]);
  const big = largest(corpus);
  const node = (args) => medianCommand(process.execPath, args, { cwd: root, runs: 15 });
  console.log('\nwhole process, median of 15 runs');
  const bare = { name: "node -e ''", value: node(['-e', '']) };
  report("node -e '' (baseline)", bare.value, 'ms');
  const kb = (file) => `${Math.round(statSync(file).size / 1024)} KB`;
  const commands = [
    { label: `cat ${path.basename(first)} (${kb(first)})`, args: ['cat', first] },
    { label: `cat ${path.basename(big)} (${kb(big)}, the largest)`, args: ['cat', big] },
    { label: `list ${path.basename(corpus)} (${files.length} files)`, args: ['list', corpus] },
  ]; // prettier-ignore
  for (const { label, args } of commands) {
    const packages = packagesImportedBy(args);
    const floor = {
      name: 'node + its imports',
      value: node(['--input-type=module', '-e', imports(packages)]),
    };
    report(`node importing what ${args[0]} imports (baseline)`, floor.value, 'ms', bare);
    console.log(`  (${packages.join(', ') || 'no package: they are in the bundle'})`);
    report(label, node([bin, ...args]), 'ms', floor);
  }
}
