// Helpers shared by the benchmarks: medians of repeated runs, timed child processes.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Median of `runs` timings of `fn` (ms), after `warmup` untimed runs. */
export function medianOf(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median wall time (ms) of a command run `runs` times. */
export function medianCommand(command, args, { runs = 9, env = process.env, cwd } = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    times.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  }
  return median(times);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name, value, unit, baseline) {
  const ratio = baseline
    ? `  (${(value / baseline.value).toFixed(2)}× ${baseline.name}: ${baseline.value.toFixed(1)} ${unit})`
    : '';
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit}${ratio}`);
}
