// The scale targets, one row each, at each size asked for: cold index, warm first screen in a real
// terminal, warm `list --json`, the browser's peak memory, a filter keystroke, a warm body search
// for a word in 0.1 % of bodies, and `r` on an unchanged folder; each beside a baseline of the same run.
// Lists of 100 000 articles and more have small bodies (the list figures do not read bodies; 300 000
// full ones would take gigabytes); body search is also measured on 20 000 full ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BodyIndex,
  bodyIndexAvailable,
  bodyIndexFile,
  bodySearchEngine,
} from '../dist/corpus/body-index.js';
import { IndexCache } from '../dist/corpus/index-cache.js';
import { loadCorpus } from '../dist/corpus/load.js';
import { ArticleColumns } from '../dist/query/columns.js';
import { groupByDate } from '../dist/query/group.js';
import { narrowingFilter } from '../dist/query/narrow.js';
import { parseQuery } from '../dist/query/parse.js';
import { searchArticles } from '../dist/query/search.js';
import { ReadingState } from '../dist/state/reading.js';
import { marksOf } from '../dist/query/marks.js';
import { median, report } from './lib.js';
import { catFloor, corpusOf, inTerminal, timeCli } from './scale.js';

/** The word one article in a thousand has in its body (bench/generate.js). */
const RARE = 'lighthouse keeper';

export async function benchTargets(count, { bodyBytes } = {}) {
  const small = bodyBytes === undefined && count >= 100_000;
  const corpus = corpusOf(count, bodyBytes ?? (small ? 200 : 0));
  const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-cache-'));
  const env = { XDG_CACHE_HOME: cache };
  const shape = small
    ? ' (small bodies: node bench/generate.js DIR N 200)'
    : bodyBytes
      ? ` (held out: long articles, node bench/generate.js DIR N ${bodyBytes})`
      : '';
  console.log(`\ntargets at ${count} articles${shape}, medians of 3`);
  const floor = catFloor(corpus);

  const cold = timeCli(['list', '--json', corpus], {
    env,
    before: () => rmSync(cache, { recursive: true, force: true }),
  });
  report(`cold index: list --json, peak ${cold.rss.toFixed(0)} MB`, cold.ms, 'ms', floor);
  timeCli(['list', '--json', corpus], { env, runs: 1 });
  const warm = timeCli(['list', '--json', corpus], { env });
  report(`warm list --json, peak ${warm.rss.toFixed(0)} MB`, warm.ms, 'ms', floor);

  const one = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-one-'));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(one, 'one.md'), '---\ntitle: One\ndate: 2026-01-01\n---\n<p>One.</p>\n');
  timeCli(['list', one], { env, runs: 1 });
  const single = inTerminal(one, 1, env);
  rmSync(one, { recursive: true, force: true });
  const terminal = inTerminal(corpus, count, env);
  if (terminal && single) {
    const base = { name: 'one article', value: single.first };
    report('warm start → first screen (tmux)', terminal.first, 'ms', base);
    report('browser peak memory (whole list, tmux)', terminal.rss, 'MB', {
      name: 'one article',
      value: single.rss,
    });
  }

  // In process, as the browser does it: the folder read again, a filter typed, a body searched.
  const index = new IndexCache(path.join(cache, 'broadsheet', 'index'));
  const loaded = await loadCorpus(corpus, { index });
  const reloads = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await loadCorpus(corpus, { index });
    reloads.push(performance.now() - start);
  }
  report('r: reload of an unchanged folder', median(reloads), 'ms', {
    name: 'cold index',
    value: cold.ms,
  });

  const columns = new ArticleColumns(loaded.articles);
  columns.build(loaded.articles.length - 1);
  const filter = narrowingFilter();
  // The status line's unread count is part of each keystroke: a state with one article read.
  const reading = ReadingState.inFolder(
    mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-state-')),
  );
  reading.setRead(loaded.articles[1].absolutePath, true);
  const marks = marksOf(reading, loaded.articles);
  // As the browser does when the list first shows: every article's mark is read once.
  columns.count(columns.listing(null), marks.isRead);
  const keystrokes = [];
  const typed = 'terminal reading';
  for (let i = 1; i <= typed.length; i++) {
    const source = typed.slice(0, i);
    const start = performance.now();
    const selection = filter(columns, null, source, parseQuery(source));
    const listing = columns.listing(selection);
    groupByDate(listing.dates, Date.now());
    columns.count(listing, marks.isRead);
    keystrokes.push(performance.now() - start);
  }
  const titles = loaded.articles.map((article) => article.title.toLowerCase());
  const scan = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    titles.filter((title) => title.includes('terminal'));
    scan.push(performance.now() - start);
  }
  report(
    'filter keystroke with unread count (typing "terminal reading")',
    median(keystrokes),
    'ms',
    {
      name: 'one includes() over every title',
      value: median(scan),
    },
  );
  console.log(`  slowest keystroke ${Math.max(...keystrokes).toFixed(1)} ms (the first)`);

  await benchBodySearch(loaded, cache, env, floor);
  rmSync(cache, { recursive: true, force: true });
}

/**
 * Body search as a person meets it, whole processes: the body index built from nothing (beside the
 * floor of reading every file), then `list --search` for a word in 0.1 % of bodies beside `list`
 * alone; and in process, the warm search beside reading every body.
 */
async function benchBodySearch(corpus, cache, env, floor, word = RARE) {
  const bodiesFolder = path.join(cache, 'broadsheet', 'bodies');
  const indexed = bodyIndexAvailable();
  console.log(`body search: ${bodySearchEngine()}`);
  const search = ['list', '--search', word, corpus.root];
  if (indexed) {
    const build = timeCli(search, {
      env,
      before: () => rmSync(bodiesFolder, { recursive: true, force: true }),
    });
    report(`body index built from nothing, peak ${build.rss.toFixed(0)} MB`, build.ms, 'ms', floor);
    timeCli(search, { env, runs: 1 });
  }
  const list = timeCli(['list', corpus.root], { env });
  const warm = timeCli(search, { env });
  report(`list --search "${word}", warm, peak ${warm.rss.toFixed(0)} MB`, warm.ms, 'ms', {
    name: 'warm list',
    value: list.ms,
  });
  if (!indexed) return;
  const bodies = new BodyIndex(bodyIndexFile(path.join(cache, 'broadsheet'), corpus.root), corpus);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await searchArticles(corpus.articles, word, { bodies });
    times.push(performance.now() - start);
  }
  const reading = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await searchArticles(corpus.articles, word);
    reading.push(performance.now() - start);
  }
  report('body search in process, warm', median(times), 'ms', {
    name: 'reading every body',
    value: median(reading),
  });
}

/**
 * The same figures of reading and searching for a folder of one's own (a held-out corpus, say):
 * `node --expose-gc bench/targets.js --folder DIR [--word WORD]`; or for N articles of the real
 * archives' shape, written for the run (bench/real-shaped.js) and removed after it:
 * `node --expose-gc bench/targets.js --real-shaped N [--word WORD]` (docs/scale.md: N = 20000, WORD 厂去处).
 */
export async function benchFolder(folder, word = RARE) {
  const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-cache-'));
  const env = { XDG_CACHE_HOME: cache };
  console.log(`\n${folder}, medians of 3`);
  const floor = catFloor(folder);
  const cold = timeCli(['list', '--json', folder], {
    env,
    before: () => rmSync(cache, { recursive: true, force: true }),
  });
  report(`cold index: list --json, peak ${cold.rss.toFixed(0)} MB`, cold.ms, 'ms', floor);
  const loaded = await loadCorpus(folder, {
    index: new IndexCache(path.join(cache, 'broadsheet', 'index')),
  });
  await benchBodySearch(loaded, cache, env, floor, word);
  rmSync(cache, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  if (option('--folder')) {
    console.log(`node ${process.version}, ${new Date().toISOString()}`);
    await benchFolder(path.resolve(option('--folder')), option('--word'));
    process.exit(0);
  }
  if (option('--real-shaped')) {
    const { realShapedCorpus } = await import('./real-shaped.js');
    const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-real-shaped-'));
    realShapedCorpus(folder, Number(option('--real-shaped')));
    console.log(`node ${process.version}, ${new Date().toISOString()}`);
    await benchFolder(folder, option('--word'));
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  }
  const wanted = process.argv.indexOf('--articles');
  const sizes = wanted > 0 ? process.argv[wanted + 1].split(',').map(Number) : [20_000];
  console.log(
    `node ${process.version}, ${new Date().toISOString()}; command: node bench/targets.js --articles ${sizes.join(',')}`,
  );
  for (const size of sizes) await benchTargets(size);
}
